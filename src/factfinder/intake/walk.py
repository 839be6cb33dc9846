"""`expand`: an input file and, for containers, every member, as a flat stream of parts.

The walk is depth first: a container is yielded, then each of its members, a member container
followed at once by its own members. Indices are positions in the yield order; a member's
`parent` is its container's index. Member bytes are streamed in chunks into temporary files
under `workdir`, named by the walk (never by the member name), so no member name can place a
file anywhere else; hostile names are refused all the same, so the record says so.

Nothing the input contains makes `expand` raise: an unreadable input, a hostile member name, a
truncated record or an archive over its `Limits` becomes a part whose `error` is set, and the
walk goes on with the next member where the format allows it (the next zip entry; not the next
record of a truncated WARC, which has none). Each container's reader is found in the table of
`factfinder.intake.readers` and writes its members through a `MemberSink`
(`factfinder.intake.sink`).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

from factfinder.errors import InputError
from factfinder.intake import parts as mt
from factfinder.intake.parts import Limits, Part
from factfinder.intake.readers import member_reader
from factfinder.intake.sink import (
    InputBudgetExceeded,
    LimitExceeded,
    MemberSink,
    WalkState,
    extra_origin,
    failed_part,
)
from factfinder.intake.sniff import sniff_media_type


def expand(path: Path, workdir: Path, *, limits: Limits | None = None) -> Iterator[Part]:
    """Yield `path` as a part (parent None), then each member of it if it is a container.

    `workdir` must exist; member files are written there and left for the caller to remove
    (a container's file is read while its members are yielded, so delete the whole workdir
    when the walk is over, or a leaf member's file once it is handled).
    """
    walk = _Walk(Path(workdir), limits or Limits())
    yield from walk.emit(_input_part(Path(path)), depth=0)


def _input_part(path: Path) -> Part:
    label = str(path)
    origin = {"filename": path.name}
    try:
        st = path.stat()
    except FileNotFoundError as exc:
        problem = "no such file"
        if path.is_symlink():
            problem = f"broken symbolic link (to {os.readlink(path)})"
        return failed_part(label, path, None, problem, exc)
    except OSError as exc:
        return failed_part(label, path, None, f"cannot read: {exc.strerror or exc}", exc)
    if stat.S_ISDIR(st.st_mode):
        return failed_part(label, path, None, "is a directory, not a file")
    if not stat.S_ISREG(st.st_mode):
        return failed_part(label, path, None, "not a regular file (device, socket or pipe)")
    try:
        with path.open("rb") as fh:
            fh.read(1)
    except OSError as exc:
        return failed_part(label, path, None, f"cannot read: {exc.strerror or exc}", exc)
    if st.st_size == 0:
        return failed_part(label, path, None, "empty file")
    try:
        media_type = sniff_media_type(path)
    except InputError as exc:
        return Part(label, path, mt.OCTET, None, origin, InputError(label, exc.problem))
    return Part(label, path, media_type, None, {**origin, **extra_origin(path, media_type)})


class _Walk(WalkState):
    __slots__ = ()

    def emit(self, part: Part, depth: int) -> Iterator[Part]:
        index = self.next_index
        self.next_index += 1
        yield part
        if not part.ok or not part.is_container:
            return
        if depth == 0:
            self.start_input(part)
        if depth >= self.limits.max_depth:
            problem = f"containers nested deeper than {self.limits.max_depth}; members not read"
            yield from self.emit(failed_part(part.label, part.path, index, problem), depth + 1)
            return
        sink = MemberSink(self, part, index)
        try:
            for member in member_reader(part.media_type)(part, sink):
                yield from self.emit(member, depth + 1)
        except LimitExceeded as exc:
            if isinstance(exc, InputBudgetExceeded) and depth > 0:
                raise  # the whole input stops: one failure, not one per nested container
            yield from self.emit(failed_part(exc.input, part.path, index, exc.problem), depth + 1)
        except InputError as exc:
            yield from self.emit(
                failed_part(exc.input, part.path, index, exc.problem, exc), depth + 1
            )
        except Exception as exc:  # a library choking on hostile bytes
            # Parsers of archives and mail raise a zoo of exceptions on malformed input; one
            # bad container must not end a batch, so it becomes a failed part naming it.
            problem = f"cannot read container ({type(exc).__name__}: {exc})"
            yield from self.emit(failed_part(part.label, part.path, index, problem, exc), depth + 1)
