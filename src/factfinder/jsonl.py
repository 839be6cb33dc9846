"""Streaming JSON Lines: read records one line at a time, write them atomically.

Reading never holds the whole file; a malformed line raises `InputError` naming `path:line`
(or is reported and skipped when the caller passes `on_error`). Writing goes to a temporary file
in the same folder that is fsynced and renamed into place, so a killed run leaves no half file.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from factfinder.errors import InputError

MAX_LINE_BYTES = 64 * 1024 * 1024


def read_jsonl(
    path: str | Path, on_error: Callable[[InputError], None] | None = None
) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield (line number, object) for each non-blank line of a JSONL file.

    A line that is not valid UTF-8, not JSON, not an object or longer than `MAX_LINE_BYTES`
    raises `InputError("path:line", ...)`, or goes to `on_error` and is skipped.
    """
    p = Path(path)
    try:
        fh = p.open("rb")
    except OSError as exc:
        raise InputError(str(p), f"cannot open: {exc.strerror or exc}") from exc
    with fh:
        for n, raw in enumerate(_lines(fh), start=1):
            if not raw.strip():
                continue
            try:
                if len(raw) > MAX_LINE_BYTES:
                    raise InputError(f"{p}:{n}", f"line longer than {MAX_LINE_BYTES} bytes")
                try:
                    line = raw.decode("utf-8")
                except UnicodeDecodeError as exc:
                    raise InputError(f"{p}:{n}", f"invalid UTF-8 at byte {exc.start}") from exc
                try:
                    obj = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise InputError(f"{p}:{n}", f"not JSON ({exc.msg})") from exc
                if not isinstance(obj, dict):
                    raise InputError(f"{p}:{n}", "not a JSON object")
            except InputError as err:
                if on_error is None:
                    raise
                on_error(err)
                continue
            yield n, obj


def _lines(fh: IO[bytes]) -> Iterator[bytes]:
    # readline with a cap so one enormous line cannot exhaust memory.
    while True:
        raw = fh.readline(MAX_LINE_BYTES + 1)
        if not raw:
            return
        if len(raw) > MAX_LINE_BYTES and not raw.endswith(b"\n"):
            # Drain the rest of the oversized line before reporting it.
            while (chunk := fh.readline(MAX_LINE_BYTES)) and not chunk.endswith(b"\n"):
                pass
        yield raw


def dumps(obj: Any) -> str:
    """One JSONL line: compact, UTF-8 (non-ASCII kept), keys in their given order."""
    return json.dumps(obj, ensure_ascii=False, separators=(", ", ": "))


@contextmanager
def atomic_writer(path: str | Path) -> Iterator[IO[str]]:
    """Write a text file so that it appears complete or not at all."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_jsonl(path: str | Path, records: Iterable[dict[str, Any]]) -> int:
    """Write records atomically; return how many were written."""
    n = 0
    with atomic_writer(path) as fh:
        for rec in records:
            fh.write(dumps(rec))
            fh.write("\n")
            n += 1
    return n
