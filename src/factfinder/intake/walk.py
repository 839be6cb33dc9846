"""`expand`: an input file and, for containers, every member, as a flat stream of parts.

The walk is depth first: a container is yielded, then each of its members, a member container
followed at once by its own members. Indices are positions in the yield order; a member's
`parent` is its container's index. Member bytes are streamed in chunks into temporary files
under `workdir`, named by the walk (never by the member name), so no member name can place a
file anywhere else; hostile names are refused all the same, so the record says so.

Nothing the input contains makes `expand` raise: an unreadable input, a hostile member name, a
truncated record or an archive over its `Limits` becomes a part whose `error` is set, and the
walk goes on with the next member where the format allows it (the next zip entry; not the next
record of a truncated WARC, which has none).
"""

from __future__ import annotations

import os
import re
import stat
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import BinaryIO

from factfinder.errors import InputError
from factfinder.intake import parts as mt
from factfinder.intake.parts import Limits, Part
from factfinder.intake.sniff import resolve_media_type, sniff_media_type

CHUNK = 1024 * 1024

MemberReader = Callable[[Part, "MemberSink"], Iterator[Part]]


class LimitExceeded(InputError):
    """An archive would expand past a `Limits` bound; its remaining members are not read."""


def expand(path: Path, workdir: Path, *, limits: Limits | None = None) -> Iterator[Part]:
    """Yield `path` as a part (parent None), then each member of it if it is a container.

    `workdir` must exist; member files are written there and left for the caller to remove
    (a container's file is read while its members are yielded, so delete the whole workdir
    when the walk is over, or a leaf member's file once it is handled).
    """
    walk = _Walk(Path(workdir), limits or Limits())
    yield from walk.emit(_input_part(Path(path)), depth=0)


def check_member_name(container: str, name: str) -> str:
    """`name` as a relative, forward-slash path, or `InputError("container!name", ...)`.

    Refused: empty names, NUL bytes, absolute paths (`/x`, `\\\\x`), drive letters (`C:`), and
    any `..` component.
    """
    label = f"{container}!{name}"
    if not name or "\x00" in name:
        raise InputError(label, "member has an empty or NUL-bearing name")
    unified = name.replace("\\", "/")
    if unified.startswith("/"):
        raise InputError(label, "member has an absolute path")
    if re.match(r"^[A-Za-z]:", unified):
        raise InputError(label, "member name starts with a drive letter")
    pieces = [p for p in unified.split("/") if p not in ("", ".")]
    if ".." in pieces:
        raise InputError(label, "member path escapes the archive ('..')")
    if not pieces:
        raise InputError(label, "member has an empty name")
    return "/".join(pieces)


def _input_part(path: Path) -> Part:
    label = str(path)
    origin = {"filename": path.name}
    try:
        st = path.stat()
    except FileNotFoundError as exc:
        problem = "no such file"
        if path.is_symlink():
            problem = f"broken symbolic link (to {os.readlink(path)})"
        return _failed(label, path, None, problem, exc)
    except OSError as exc:
        return _failed(label, path, None, f"cannot read: {exc.strerror or exc}", exc)
    if stat.S_ISDIR(st.st_mode):
        return _failed(label, path, None, "is a directory, not a file")
    if not stat.S_ISREG(st.st_mode):
        return _failed(label, path, None, "not a regular file (device, socket or pipe)")
    try:
        with path.open("rb") as fh:
            fh.read(1)
    except OSError as exc:
        return _failed(label, path, None, f"cannot read: {exc.strerror or exc}", exc)
    if st.st_size == 0:
        return _failed(label, path, None, "empty file")
    try:
        media_type = sniff_media_type(path)
    except InputError as exc:
        return Part(label, path, mt.OCTET, None, origin, InputError(label, exc.problem))
    return Part(label, path, media_type, None, {**origin, **_extra_origin(path, media_type)})


def _failed(
    label: str, path: Path, parent: int | None, problem: str, cause: BaseException | None = None
) -> Part:
    error = InputError(label, problem, stage="intake")
    error.__cause__ = cause
    return Part(label, path, mt.OCTET, parent, {}, error)


def _extra_origin(path: Path, media_type: str) -> Mapping[str, str]:
    if media_type == mt.EMAIL:
        from factfinder.intake.mail import header_origin

        return header_origin(path)
    return {}


class _Walk:
    def __init__(self, workdir: Path, limits: Limits) -> None:
        self.workdir = workdir
        self.limits = limits
        self.next_index = 0
        self.members = 0
        self.bytes_written = 0

    def emit(self, part: Part, depth: int) -> Iterator[Part]:
        index = self.next_index
        self.next_index += 1
        yield part
        if not part.ok or not part.is_container:
            return
        if depth >= self.limits.max_depth:
            problem = f"containers nested deeper than {self.limits.max_depth}; members not read"
            yield from self.emit(_failed(part.label, part.path, index, problem), depth + 1)
            return
        sink = MemberSink(self, part, index)
        try:
            for member in _reader_for(part.media_type)(part, sink):
                yield from self.emit(member, depth + 1)
        except LimitExceeded as exc:
            yield from self.emit(_failed(exc.input, part.path, index, exc.problem), depth + 1)
        except InputError as exc:
            yield from self.emit(_failed(exc.input, part.path, index, exc.problem, exc), depth + 1)
        except Exception as exc:  # a library choking on hostile bytes
            # Parsers of archives and mail raise a zoo of exceptions on malformed input; one
            # bad container must not end a batch, so it becomes a failed part naming it.
            problem = f"cannot read container ({type(exc).__name__}: {exc})"
            yield from self.emit(_failed(part.label, part.path, index, problem, exc), depth + 1)


class MemberSink:
    """What a container reader uses to turn members into parts, within the walk's limits."""

    def __init__(self, walk: _Walk, container: Part, index: int) -> None:
        self._walk = walk
        self.limits = walk.limits
        self.container = container
        self.index = index
        self._written = 0
        size = container.path.stat().st_size
        self._ratio_cap = size * walk.limits.max_ratio + walk.limits.ratio_slack

    def label(self, name: str) -> str:
        return f"{self.container.label}!{name}"

    def checked_name(self, name: str) -> str:
        """The member name, checked by `check_member_name` (raises `InputError`)."""
        return check_member_name(self.container.label, name)

    def failure(self, label: str, problem: str, cause: BaseException | None = None) -> Part:
        """A failed member part; counts towards `max_members`."""
        self._count_member(label)
        return _failed(label, self.container.path, self.index, problem, cause)

    def from_error(self, error: InputError) -> Part:
        return self.failure(error.input, error.problem, error)

    def write(
        self,
        label: str,
        data: BinaryIO | Iterable[bytes],
        *,
        name: str | None,
        declared: str | None = None,
        origin: Mapping[str, str] | None = None,
    ) -> Part:
        """Stream `data` into a new workdir file and return its part.

        The media type is sniffed from the bytes, then `declared`, then `name`'s extension.
        An empty member is a failed part ("empty file"); going over a limit raises
        `LimitExceeded` (the reader stops, the walk reports it once).
        """
        self._count_member(label)
        fd, tmp = tempfile.mkstemp(
            dir=self._walk.workdir, prefix=f"{self._walk.next_index:06d}-", suffix=_suffix(name)
        )
        path = Path(tmp)
        try:
            with os.fdopen(fd, "wb") as out:
                for chunk in _chunks(data):
                    self._account(label, len(chunk))
                    out.write(chunk)
        except BaseException:
            path.unlink(missing_ok=True)
            raise
        if path.stat().st_size == 0:
            path.unlink()
            return _failed(label, self.container.path, self.index, "empty file")
        media_type = resolve_media_type(path, declared, name)
        full_origin = dict(origin or {})
        full_origin.update(_extra_origin(path, media_type))
        return Part(label, path, media_type, self.index, full_origin)

    def _count_member(self, label: str) -> None:
        walk = self._walk
        walk.members += 1
        if walk.members > walk.limits.max_members:
            raise LimitExceeded(
                label,
                f"more than {walk.limits.max_members} members; "
                "the rest is not read (archive bomb?)",
            )

    def _account(self, label: str, n: int) -> None:
        walk = self._walk
        walk.bytes_written += n
        self._written += n
        if walk.bytes_written > walk.limits.max_total_bytes:
            raise LimitExceeded(
                label,
                f"expands past {walk.limits.max_total_bytes} bytes in "
                "total; the rest is not read (archive bomb?)",
            )
        if self._written > self._ratio_cap:
            raise LimitExceeded(
                label,
                f"{self.container.label} expands to more than "
                f"{walk.limits.max_ratio} times its size; the rest is "
                "not read (archive bomb?)",
            )


def _chunks(data: BinaryIO | Iterable[bytes]) -> Iterator[bytes]:
    read = getattr(data, "read", None)
    if read is None:
        yield from (c for c in data if c)
        return
    while chunk := read(CHUNK):
        yield chunk


def _suffix(name: str | None) -> str:
    # Keep a harmless extension so a later reader (or a person) can tell the file type.
    if not name:
        return ""
    base = name.replace("\\", "/").rsplit("/", 1)[-1].lower()
    m = re.search(r"(\.(?:tar|warc))?\.[a-z0-9]{1,8}$", base)
    return m.group(0) if m else ""


def _reader_for(media_type: str) -> MemberReader:
    # Imported here: each reader pulls in its own library only when that format turns up.
    if media_type == mt.EMAIL:
        from factfinder.intake.mail import members as mail_members

        return mail_members
    if media_type == mt.WARC:
        from factfinder.intake.warc_file import members as warc_members

        return warc_members
    if media_type == mt.ZIP:
        from factfinder.intake.archive import zip_members

        return zip_members
    from factfinder.intake.archive import compressed_members

    return compressed_members
