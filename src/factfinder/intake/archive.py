"""Members of zip and tar archives (plain, gzip, bzip2, xz) and of single compressed files.

Only regular files become parts. Links (symbolic or hard), device files and pipes are refused
with an error naming "archive!member", as are hostile names; the other members still come out.
Nothing is extracted with the archive library's own extract functions: each member's bytes are
streamed into a workdir file the walk names, so a member cannot write outside the workdir.
"""

from __future__ import annotations

import bz2
import gzip
import lzma
import stat
import tarfile
import zipfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

from factfinder.errors import InputError
from factfinder.intake import parts as mt
from factfinder.intake.parts import Part
from factfinder.intake.sink import LimitExceeded, MemberSink
from factfinder.intake.times import epoch_to_utc, utc_iso

# What a damaged compressed stream raises, depending on the codec and where it breaks.
_STREAM_ERRORS = (
    EOFError,
    zlib.error,
    lzma.LZMAError,
    OSError,
    tarfile.TarError,
    zipfile.BadZipFile,
    NotImplementedError,
    ValueError,
    RuntimeError,
)


_OPENERS: dict[str, Callable[[Path, str], IO[bytes]]] = {
    mt.GZIP: gzip.open,  # type: ignore[dict-item]
    mt.BZIP2: bz2.open,  # type: ignore[dict-item]
    mt.XZ: lzma.open,  # type: ignore[dict-item]
}


def zip_members(container: Part, sink: MemberSink) -> Iterator[Part]:
    """Each file of a zip archive, in the order of its central directory."""
    try:
        zf = zipfile.ZipFile(container.path)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise InputError(container.label, f"not a readable zip archive ({exc})") from exc
    with zf:
        infos = [i for i in zf.infolist() if not i.is_dir()]
        _precheck(container, sink, len(infos), sum(i.file_size for i in infos))
        for info in infos:
            label = sink.label(info.filename)
            try:
                name = sink.checked_name(info.filename)
            except InputError as exc:
                yield sink.from_error(exc)
                continue
            mode = info.external_attr >> 16
            if stat.S_ISLNK(mode):
                yield sink.failure(label, "member is a symbolic link; links are not followed")
                continue
            if stat.S_IFMT(mode) and not stat.S_ISREG(mode):
                yield sink.failure(label, "member is not a regular file")
                continue
            if info.flag_bits & 0x1:
                yield sink.failure(label, "member is encrypted")
                continue
            origin = {"filename": name.rsplit("/", 1)[-1], "member": name}
            try:
                with zf.open(info) as fh:
                    part = sink.write(label, fh, name=name, origin=origin)
            except LimitExceeded:
                raise
            except _STREAM_ERRORS as exc:
                yield sink.failure(label, f"corrupt member ({exc})", exc)
                continue
            yield part


def compressed_members(container: Part, sink: MemberSink) -> Iterator[Part]:
    """The files of a tar archive, or the one file inside a gzip/bzip2/xz that holds no tar."""
    if container.media_type != mt.TAR and not _holds_tar(container):
        yield from _single_file(container, sink)
        return
    try:
        tf = tarfile.open(container.path, mode="r:*")  # noqa: SIM115 - closed below
    except tarfile.ReadError as exc:
        raise InputError(container.label, f"not a readable tar archive ({exc})") from exc
    with tf:
        yield from _tar_members(container, sink, tf)


def _tar_members(container: Part, sink: MemberSink, tf: tarfile.TarFile) -> Iterator[Part]:
    last: str | None = None
    members = iter(tf)
    while True:
        try:
            info = next(members)
        except StopIteration:
            return
        except _STREAM_ERRORS as exc:
            where = f"after member {last!r}" if last else "at its start"
            yield sink.failure(
                container.label, f"truncated or corrupt archive {where} ({exc})", exc
            )
            return
        last = info.name
        if info.isdir():
            continue
        label = sink.label(info.name)
        try:
            name = sink.checked_name(info.name)
        except InputError as exc:
            yield sink.from_error(exc)
            continue
        if info.issym() or info.islnk():
            kind = "symbolic" if info.issym() else "hard"
            yield sink.failure(
                label, f"member is a {kind} link (to {info.linkname!r}); links are not followed"
            )
            continue
        if not info.isreg():
            yield sink.failure(label, "member is a device file, pipe or other special file")
            continue
        origin = {"filename": name.rsplit("/", 1)[-1], "member": name}
        modified = epoch_to_utc(info.mtime)
        if modified is not None:
            origin["modified_at"] = utc_iso(modified)
        try:
            fh = tf.extractfile(info)
            if fh is None:
                raise tarfile.ReadError("no data")
            with fh:
                part = sink.write(label, fh, name=name, origin=origin)
        except LimitExceeded:
            raise
        except _STREAM_ERRORS as exc:
            yield sink.failure(label, f"truncated or corrupt member ({exc})", exc)
            continue
        yield part


def _holds_tar(container: Part) -> bool:
    # A tar is known by a valid header in its first block; tarfile.open alone would also take
    # a compressed run of zeros for an empty tar.
    try:
        with _OPENERS[container.media_type](container.path, "rb") as fh:
            block = fh.read(tarfile.BLOCKSIZE)
        tarfile.TarInfo.frombuf(block, "utf-8", "surrogateescape")
    except (*_STREAM_ERRORS, UnicodeError):
        return False
    return True


def _single_file(container: Part, sink: MemberSink) -> Iterator[Part]:
    filename = container.origin.get("filename") or container.path.name
    stem, dot, ext = filename.rpartition(".")
    name = stem if dot and ext.lower() in ("gz", "bz2", "xz", "tgz") else "content"
    label = sink.label(name)
    try:
        with _OPENERS[container.media_type](container.path, "rb") as fh:
            part = sink.write(label, fh, name=name, origin={"filename": name})
    except LimitExceeded:
        raise
    except _STREAM_ERRORS as exc:
        yield sink.failure(label, f"corrupt or truncated compressed data ({exc})", exc)
        return
    yield part


def _precheck(container: Part, sink: MemberSink, count: int, declared_size: int) -> None:
    # Declared sizes can lie (the streaming count is what binds), but an honest bomb is refused
    # before a byte is written.
    limits = sink.limits
    if count > limits.max_members:
        raise LimitExceeded(
            container.label,
            f"{count} members, more than the limit of {limits.max_members} (archive bomb?)",
        )
    if declared_size > limits.max_total_bytes:
        raise LimitExceeded(
            container.label,
            f"declares {declared_size} bytes expanded, more "
            f"than the limit of {limits.max_total_bytes} "
            "(archive bomb?)",
        )
    remaining = sink.input_remaining
    if remaining >= 0 and declared_size > remaining:
        raise sink.refuse_input(
            f"{container.label} declares {declared_size} bytes expanded, more than is left of "
            f"{limits.max_ratio} times the size of the input it is nested in; nothing more of "
            "it is read (archive bomb?)"
        )
    cap = container.path.stat().st_size * limits.max_ratio + limits.ratio_slack
    if declared_size > cap:
        raise LimitExceeded(
            container.label,
            f"declares {declared_size} bytes expanded, more "
            f"than {limits.max_ratio} times its size "
            "(archive bomb?)",
        )
