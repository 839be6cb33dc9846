"""Work spread over local worker processes, results in submission order.

The linker hands independent pieces of work to `Workers` — parsing a stretch of the claims file,
reading the words of claim sentences, finding and scoring the candidate pairs of a stretch of
time, building incidents — and gets the results back in the order it submitted them, so the
output of `workers=N` is identical to `workers=1` (which runs every job in this process).

**Workers are never forked from the process that uses them.** They are started with the
`forkserver` method (`spawn` where the platform has none): that process may be running other
threads — the command line's live status line, a web server, a database driver — and a child
forked from it inherits every lock those threads held at that instant, still held, with nobody
left to release it. A forked worker that then needs one (flushing stderr, a lazily imported
module, a native library's allocator) waits forever, and so does the parent waiting for its
result. Nothing is shared with a fresh worker, so everything a job needs travels with it: jobs
are module-level functions and their chunks are plain, picklable values.

`concurrent.futures.ProcessPoolExecutor` is used, not `multiprocessing.Pool`: a pool waits
forever for the result of a worker that died (killed for memory, a crash in native code) or for
a result the parent cannot unpickle, where the executor fails the pending work with
`BrokenProcessPool`. The executor is always shut down (pending work cancelled) when the
`Workers` context ends, whatever ended it, and at most `ahead` chunks are in flight, so a
producer that reads a large file never gets far ahead of its consumer. A job's exception comes
back as a `WorkerError` carrying the worker's traceback as text, because an exception whose
constructor takes other arguments than it stores (as `InputError` does) cannot be unpickled.
"""

from __future__ import annotations

import gc
import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from types import TracebackType
from typing import Any, TypeVar

from factfinder.errors import FactfinderError

T = TypeVar("T")
R = TypeVar("R")

# Modules the fork server imports once, so each worker starts with the jobs already loaded
# (a module of a later stage whose jobs run here adds itself with `preload`).
_PRELOAD = [
    "factfinder.link.reading",
    "factfinder.link.text",
    "factfinder.link.pairs",
    "factfinder.link.components",
]


def preload(module: str) -> None:
    """Have worker processes start with `module` imported (call it when that module loads)."""
    if module not in _PRELOAD:
        _PRELOAD.append(module)


class WorkerError(FactfinderError):
    """A job failed in a worker process (the message carries its traceback) or a worker died."""


def start_method() -> str:
    """The start method of worker processes: `forkserver`, or `spawn` where there is none."""
    return "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"


def _start_worker() -> None:
    # A worker's chunks arrive pickled, and unpickling one makes every object at once: with
    # the cyclic collector on, its collections walk the chunk again and again (two thirds of
    # the time of unpickling the records of incidents). The jobs leave no cyclic garbage (a
    # collection after each job of a run of 100k claims found 12 objects in all, and cost
    # 4 CPU s), so a worker, which lives for one run, does not collect at all: its memory is
    # freed as each job's objects go out of use.
    gc.disable()


def _call(job: Callable[[Any], Any], chunk: Any) -> Any:
    try:
        return job(chunk)
    except Exception as exc:  # sent back as text: not every exception survives pickling
        import traceback

        raise WorkerError("".join(traceback.format_exception(exc))) from None


class Workers:
    """`processes` local worker processes (1 or fewer: every job runs in this process).

    Use as a context manager; the processes start with the first `map` and stop when the
    context ends. One `Workers` serves any number of `map` calls.
    """

    def __init__(self, processes: int) -> None:
        self.processes = max(1, processes)
        self._executor: ProcessPoolExecutor | None = None

    def __enter__(self) -> Workers:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        """Stop the worker processes; work not yet started is cancelled."""
        executor, self._executor = self._executor, None
        if executor is not None:
            executor.shutdown(wait=True, cancel_futures=True)

    def _pool(self) -> ProcessPoolExecutor:
        if self._executor is None:
            ctx = multiprocessing.get_context(start_method())
            if ctx.get_start_method() == "forkserver":
                ctx.set_forkserver_preload(_PRELOAD)
            self._executor = ProcessPoolExecutor(
                self.processes, mp_context=ctx, initializer=_start_worker
            )
        return self._executor

    def map(
        self, job: Callable[[T], R], chunks: Iterable[T], ahead: int | None = None
    ) -> Iterator[R]:
        """`job(chunk)` for each chunk, in order; at most `ahead` chunks in flight.

        `job` must be a module-level function and each chunk picklable. `chunks` is consumed
        lazily, in this thread, as results are taken.
        """
        return self._run(job, chunks, ahead, ordered=True)

    def map_unordered(
        self, job: Callable[[T], R], chunks: Iterable[T], ahead: int | None = None
    ) -> Iterator[R]:
        """`job(chunk)` for each chunk, as each finishes; at most `ahead` chunks in flight.

        For jobs whose results need no order: a long job does not hold back the others, so
        give the longest first.
        """
        return self._run(job, chunks, ahead, ordered=False)

    def _run(
        self, job: Callable[[T], R], chunks: Iterable[T], ahead: int | None, *, ordered: bool
    ) -> Iterator[R]:
        if self.processes <= 1:
            for chunk in chunks:
                yield job(chunk)
            return
        pool = self._pool()
        window = max(1, ahead if ahead is not None else 2 * self.processes)
        pending: deque[Future[R]] = deque()
        try:
            for chunk in chunks:
                pending.append(pool.submit(_call, job, chunk))
                while len(pending) >= window:
                    yield from _take(pending, ordered)
            while pending:
                yield from _take(pending, ordered)
        finally:
            for future in pending:
                future.cancel()


def _take(pending: deque[Future[R]], ordered: bool) -> Iterator[R]:
    """The results of the first pending job (ordered), else of every job finished by now."""
    if ordered:
        yield _result(pending.popleft())
        return
    done, _ = wait(pending, return_when=FIRST_COMPLETED)
    for future in [f for f in pending if f in done]:
        pending.remove(future)
        yield _result(future)


def _result(future: Future[R]) -> R:
    try:
        return future.result()
    except BrokenProcessPool as exc:
        raise WorkerError(f"a worker process died ({exc})") from None


def as_workers(workers: int | Workers) -> tuple[Workers, bool]:
    """`workers` as a `Workers`, and whether the caller made it (and so must close it)."""
    if isinstance(workers, Workers):
        return workers, False
    return Workers(workers), True


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a run builds millions of lasting objects.

    Every collection of the oldest generation walks all live containers, and building a
    million claim records triggers many: they cost as much as the work itself. The run makes
    little cyclic garbage, so pausing loses nothing; the previous state is restored after.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
