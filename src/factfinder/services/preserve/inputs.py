"""What an ingest is given: the inputs named on the command line and the published time.

`collect_inputs` turns arguments (files, folders walked recursively in name order, glob
patterns) into files, with a failure for each argument that names nothing; `normalise_published`
checks a `--published` value; `read_metadata_csv` reads the per-file metadata of `--metadata`.
"""

from __future__ import annotations

import datetime as dt
import glob
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
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


@dataclass(frozen=True, slots=True)
class FileMetadata:
    """What the analyst says about one input file (a row of `ingest --metadata FILE.csv`)."""

    published: str | None = None
    publisher: str | None = None
    url: str | None = None
    title: str | None = None
    where: str = ""  # "meta.csv:3", for messages


METADATA_COLUMNS = ("path", "published", "publisher", "url", "title")


def read_metadata_csv(csv_path: Path) -> dict[Path, FileMetadata]:
    """The rows of an ingest metadata CSV, by the resolved path of the file each describes.

    Columns (a header row names them, in any order): `path` (relative to the CSV's folder, or
    absolute, or as given on the command line relative to the current folder), `published`
    (ISO date or timestamp), `publisher`, `url`, and optionally `title`; empty cells say
    nothing. A bad row (no path, a bad date, a file that does not exist, a file named twice)
    raises `InputError` naming the CSV and the line.
    """
    try:
        handle = csv_path.open(encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise InputError(str(csv_path), f"cannot read the metadata CSV: {exc.strerror}") from exc
    with handle:
        return parse_metadata_csv(
            handle, str(csv_path), lambda name: _metadata_target(csv_path, name)
        )


def parse_metadata_csv(
    lines: Iterable[str], source: str, target: Callable[[str], Path | None]
) -> dict[Path, FileMetadata]:
    """The rows of a metadata CSV (`read_metadata_csv`'s columns and rules) read from
    `lines`, each row's `path` made a file by `target` (None: no such file); `source` names
    the CSV in messages."""
    import csv

    rows: dict[Path, FileMetadata] = {}
    first_line: dict[Path, int] = {}
    reader = csv.DictReader(lines)
    header = [h.strip().lower() for h in reader.fieldnames or []]
    unknown = [h for h in header if h not in METADATA_COLUMNS]
    if "path" not in header or unknown:
        problem = f"unknown column(s) {', '.join(unknown)}" if unknown else "no 'path' column"
        raise InputError(f"{source}:1", f"{problem}; the columns are {', '.join(METADATA_COLUMNS)}")
    reader.fieldnames = header
    for row in reader:
        line = reader.line_num
        where = f"{source}:{line}"
        cells = {k: (v or "").strip() or None for k, v in row.items() if k in header}
        if not cells.get("path"):
            raise InputError(where, "no path: each row names the file it describes")
        path = target(str(cells["path"]))
        if path is None:
            raise InputError(where, f"unknown file {cells['path']!r} (no such file)")
        if path in rows:
            raise InputError(
                where, f"{cells['path']!r} is already described on line {first_line[path]}"
            )
        rows[path] = file_metadata(
            where,
            published=cells.get("published"),
            publisher=cells.get("publisher"),
            url=cells.get("url"),
            title=cells.get("title"),
        )
        first_line[path] = line
    return rows


def file_metadata(
    where: str,
    *,
    published: str | None = None,
    publisher: str | None = None,
    url: str | None = None,
    title: str | None = None,
) -> FileMetadata:
    """What is said about one file, checked as a metadata CSV's row is (`InputError` at
    `where` for a publication date that is not one); empty values say nothing."""
    published = (published or "").strip() or None
    if published is not None:
        try:
            published = normalise_published(published)
        except InvalidRecord as exc:
            raise InputError(where, str(exc)) from exc
    return FileMetadata(
        published=published,
        publisher=(publisher or "").strip() or None,
        url=(url or "").strip() or None,
        title=(title or "").strip() or None,
        where=where,
    )


def _metadata_target(csv_path: Path, name: str) -> Path | None:
    """The file a CSV row names: relative to the CSV's folder first, then as given."""
    given = Path(name).expanduser()
    for candidate in (csv_path.parent / given, given):
        if candidate.is_file():
            return candidate.resolve()
    return None
