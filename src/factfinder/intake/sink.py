"""What a container reader writes its members through: `MemberSink`, within the walk's `Limits`.

Container readers (`archive`, `mail`, `warc_file`) import this module; the walk
(`factfinder.intake.walk`) finds them through the table of `factfinder.intake.readers`, so
no reader imports the walk and the walk imports no reader.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from factfinder.errors import InputError
from factfinder.intake import parts as mt
from factfinder.intake.parts import Limits, Part
from factfinder.intake.readers import origin_reader
from factfinder.intake.sniff import resolve_media_type

CHUNK = 1024 * 1024


class LimitExceeded(InputError):
    """An archive would expand past a `Limits` bound; its remaining members are not read."""


class InputBudgetExceeded(LimitExceeded):
    """An input with everything nested in it would expand past its budget: nothing more of that
    input is read (not member after member of every nested container)."""


@dataclass(slots=True)
class WalkState:
    """What one walk has used so far: where member files go, the limits, the next part's index,
    and the members and bytes written."""

    workdir: Path
    limits: Limits
    next_index: int = 0
    members: int = 0
    bytes_written: int = 0
    # The input being expanded (a file given on the command line, with all it nests): what it
    # may expand to in all, `Limits.max_ratio` times its own size plus the slack once, and what
    # it has written so far.
    input_label: str = ""
    input_budget: int = 0
    input_written: int = 0

    def start_input(self, part: Part) -> None:
        self.input_label = part.label
        self.input_budget = (
            part.path.stat().st_size * self.limits.max_ratio + self.limits.ratio_slack
        )
        self.input_written = 0

    @property
    def input_remaining(self) -> int:
        return max(0, self.input_budget - self.input_written) if self.input_budget else -1


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


def failed_part(
    label: str, path: Path, parent: int | None, problem: str, cause: BaseException | None = None
) -> Part:
    error = InputError(label, problem, stage="intake")
    error.__cause__ = cause
    return Part(label, path, mt.OCTET, parent, {}, error)


def extra_origin(path: Path, media_type: str) -> Mapping[str, str]:
    reader = origin_reader(media_type)
    return {} if reader is None else reader(path)


class MemberSink:
    """What a container reader uses to turn members into parts, within the walk's limits."""

    def __init__(self, walk: WalkState, container: Part, index: int) -> None:
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
        return failed_part(label, self.container.path, self.index, problem, cause)

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
            return failed_part(label, self.container.path, self.index, "empty file")
        try:
            media_type = resolve_media_type(path, declared, name)
        except InputError as exc:  # a zip named as a document that is not one: refused
            path.unlink(missing_ok=True)
            return failed_part(label, self.container.path, self.index, exc.problem, exc)
        full_origin = dict(origin or {})
        full_origin.update(extra_origin(path, media_type))
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

    @property
    def input_remaining(self) -> int:
        """Bytes the input being expanded may still write (-1: no budget set)."""
        return self._walk.input_remaining

    def refuse_input(self, problem: str) -> InputBudgetExceeded:
        walk = self._walk
        return InputBudgetExceeded(walk.input_label or self.container.label, problem)

    def _account(self, label: str, n: int) -> None:
        walk = self._walk
        walk.bytes_written += n
        walk.input_written += n
        self._written += n
        if walk.input_budget and walk.input_written > walk.input_budget:
            raise self.refuse_input(
                f"expands, with the containers nested in it, to more than "
                f"{walk.limits.max_ratio} times its size; nothing more of it is read "
                "(archive bomb?)"
            )
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
