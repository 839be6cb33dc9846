"""Read a JSON Lines file in chunks on worker processes, results in line order.

A file is cut into byte ranges at line ends (`chunks`); each worker reads its ranges, parses
each line and applies a job to the object, and the parent receives `(line number, result)` in
file order — the same lines, numbers and errors as `factfinder.jsonl.read_jsonl` reading the
file alone, only the parsing is spread over processes (see `factfinder.link.parallel`).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from factfinder.errors import InputError, InvalidRecord
from factfinder.jsonl import MAX_LINE_BYTES
from factfinder.link.parallel import map_chunks

CHUNK_BYTES = 4 << 20


class Chunk(NamedTuple):
    start: int
    end: int
    first_line: int


def chunks(path: str | Path, size: int = CHUNK_BYTES) -> list[Chunk]:
    """Byte ranges of about `size` that end at line ends, with the number of their first line."""
    p = Path(path)
    try:
        fh = p.open("rb")
    except OSError as exc:
        raise InputError(str(p), f"cannot open: {exc.strerror or exc}") from exc
    out: list[Chunk] = []
    with fh:
        start, line = 0, 1
        while True:
            fh.seek(start)
            data = fh.read(size)
            if not data:
                break
            if len(data) == size and not data.endswith(b"\n"):
                data += fh.readline()
            out.append(Chunk(start, start + len(data), line))
            line += data.count(b"\n")
            start += len(data)
    return out


Job = Callable[[dict[str, Any], str], Any]


class _Failure(NamedTuple):
    """A line's error as plain values: exceptions with their own constructor arguments do not
    survive the trip between processes (a pool waits forever on one it cannot unpickle)."""

    input: str
    problem: str
    stage: str | None


def _parse(path: str, chunk: Chunk, job: Job) -> list[tuple[int, Any]]:
    with open(path, "rb") as fh:
        fh.seek(chunk.start)
        data = fh.read(chunk.end - chunk.start)
    out: list[tuple[int, Any]] = []
    for n, raw in enumerate(data.split(b"\n"), start=chunk.first_line):
        if not raw.strip():
            continue
        where = f"{path}:{n}"
        try:
            if len(raw) > MAX_LINE_BYTES:
                raise InputError(where, f"line longer than {MAX_LINE_BYTES} bytes")
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise InputError(where, f"invalid UTF-8 at byte {exc.start}") from exc
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(where, f"not JSON ({exc.msg})") from exc
            if not isinstance(obj, dict):
                raise InputError(where, "not a JSON object")
            out.append((n, job(obj, where)))
        except InvalidRecord as exc:
            out.append((n, _Failure(where, str(exc), "link")))
        except InputError as exc:
            out.append((n, _Failure(exc.input, exc.problem, exc.stage)))
    return out


def parallel_lines(path: str | Path, job: Job, workers: int) -> Iterator[tuple[int, Any]]:
    """`(line number, job(object, "path:line"))` for every non-blank line, in file order.

    A line that cannot be read, or for which the job raises `InvalidRecord`, gives an
    `InputError` naming `path:line` as its result instead.
    """
    name = str(path)
    parts = chunks(name)

    def run(batch: Sequence[Chunk]) -> list[tuple[int, Any]]:
        return [item for c in batch for item in _parse(name, c, job)]

    for result in map_chunks(run, ([c] for c in parts), workers):
        for n, value in result:
            if isinstance(value, _Failure):
                yield n, InputError(value.input, value.problem, stage=value.stage)
            else:
                yield n, value
