"""What an ingest is given: the inputs named on the command line and the published time.

`collect_inputs` turns arguments (files, folders walked recursively in name order, glob
patterns) into files, with a failure for each argument that names nothing; `normalise_published`
checks a `--published` value.
"""

from __future__ import annotations

import datetime as dt
import glob
import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from factfinder.errors import InputError, InvalidRecord

_GLOB_CHARS = set("*?[")


def normalise_published(value: str) -> str:
    """An ISO date stays a date; an ISO timestamp becomes UTC `…Z`; anything else is refused."""
    text = value.strip()
    try:
        if len(text) == 10:
            return dt.date.fromisoformat(text).isoformat()
        moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError as exc:
        raise InvalidRecord(f"published must be an ISO date or timestamp, got {value!r}") from exc
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return iso_published(moment)


def iso_published(moment: dt.datetime) -> str:
    moment = moment.astimezone(dt.UTC)
    # Intake turns a bare date into midnight UTC; keep it a date.
    if moment.time() == dt.time(0, 0):
        return moment.date().isoformat()
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def collect_inputs(args: Sequence[str]) -> tuple[list[Path], list[InputError]]:
    """Files named by `args` (files, folders walked recursively in name order, glob patterns).

    Hidden files and folders inside a walked folder are skipped; a path named explicitly is
    always taken (and fails later if it cannot be read).
    """
    paths: list[Path] = []
    errors: list[InputError] = []
    seen: set[Path] = set()

    def add(p: Path) -> None:
        key = p.absolute()
        if key not in seen:
            seen.add(key)
            paths.append(p)

    for arg in args:
        p = Path(arg)
        if p.is_dir():
            for f in _walk(p):
                add(f)
        elif p.exists() or p.is_symlink():
            add(p)
        elif _GLOB_CHARS & set(arg):
            matches = sorted(glob.glob(arg, recursive=True))
            if not matches:
                errors.append(InputError(arg, "no file matches this pattern"))
            for m in matches:
                mp = Path(m)
                if mp.is_dir():
                    for f in _walk(mp):
                        add(f)
                else:
                    add(mp)
        else:
            errors.append(InputError(arg, "no such file or directory"))
    return paths, errors


def _walk(folder: Path) -> Iterator[Path]:
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if not name.startswith("."):
                yield Path(dirpath) / name
