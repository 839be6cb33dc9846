"""Scoring and incident building over local worker processes.

Both are independent per pair (per incident) once the run's records are in memory, so the
parent process hands out chunks and keeps everything else — the sweep that finds candidate
pairs, the clustering, the writing — to itself. Workers are forked after the records exist and
read them from the parent's memory (copy-on-write), so nothing but pair numbers and finished
JSON lines crosses between processes. Results come back in submission order, so the output of
`workers=N` is identical to `workers=1`. Fork is POSIX-only; elsewhere the work runs in-process.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import islice
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

CHUNK = 20000
# The job of the current pool: set in the parent just before the workers are forked.
_JOB: Callable[[Any], Any] | None = None


class WorkerError(Exception):
    """A job failed in a worker; the message carries the worker's traceback."""


def _run_job(chunk: Any) -> Any:
    assert _JOB is not None
    try:
        return _JOB(chunk)
    except Exception as exc:  # sent back as text: not every exception survives pickling
        import traceback

        raise WorkerError("".join(traceback.format_exception(exc))) from None


def chunked(items: Iterable[T], size: int = CHUNK) -> Iterator[list[T]]:
    """Lists of up to `size` consecutive items."""
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def map_chunks(
    job: Callable[[Sequence[T]], R], chunks: Iterable[Sequence[T]], workers: int
) -> Iterator[R]:
    """`job` over `chunks` in order, on `workers` forked processes (1: in this process)."""
    global _JOB
    if workers <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        for chunk in chunks:
            yield job(chunk)
        return
    _JOB = job
    ctx = multiprocessing.get_context("fork")
    try:
        with ctx.Pool(workers) as pool:
            yield from pool.imap(_run_job, chunks)
    finally:
        _JOB = None
