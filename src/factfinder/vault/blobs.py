"""The content-addressed blob store: `blobs/ab/abcd…` holds the bytes whose SHA-256 is abcd….

Blobs are write-once and appear atomically: bytes go to a temporary file inside the store
(`blobs/tmp/<pid>-<random>.part`), are fsynced, made read-only and renamed into place, and the
directory is fsynced. Writing is two steps, `stage_*` then `commit`, so a caller can commit a
batch of small blobs with one journal flush (`put_*` does both for one blob). A process killed half-way leaves only a temporary file, which the next
writer removes (its pid is no longer alive); a blob path never holds partial content.

Large files are streamed: the kernel copies them into the temporary file (`copy_file_range`)
while this thread hashes the copy a few megabytes behind. Hashing the copy rather than the source
means the name always matches the stored bytes, even if the source changes during the copy; doing
the two at once keeps ingest close to the speed of hashing alone.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import secrets
import shutil
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from factfinder.errors import InputError
from factfinder.vault.hashing import CHUNK, format_hash, hash_file, is_hash

# Files up to this size are read into memory once (hash first, write only if new).
SMALL_FILE = 8 << 20
_COPY_CHUNK = 32 << 20


@dataclass(frozen=True, slots=True)
class StoredBlob:
    hash: str
    size: int
    path: Path
    created: bool  # False when the store already held these bytes


@dataclass(frozen=True, slots=True)
class StagedBlob:
    """Bytes copied and hashed into a temporary file of the store, awaiting `commit`.

    `tmp` is None when the store already holds these bytes (nothing to commit).
    """

    hash: str
    size: int
    tmp: Path | None
    synced: bool = False  # already fsynced (large files are, while they are hashed)


@dataclass(frozen=True, slots=True)
class BlobCheck:
    hash: str
    ok: bool
    problem: str | None = None  # "missing", or "content hashes to sha256:…"


class BlobStore:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.tmp = root / "tmp"

    def create(self) -> None:
        self.tmp.mkdir(parents=True, exist_ok=True)

    def path_for(self, hash: str) -> Path:
        if not is_hash(hash):
            raise ValueError(f"not a blob hash: {hash!r}")
        hex_ = hash[7:]
        return self.root / hex_[:2] / hex_

    def exists(self, hash: str) -> bool:
        return self.path_for(hash).is_file()

    def open(self, hash: str) -> BinaryIO:
        return self.path_for(hash).open("rb")

    # -- writing: stage (copy + hash into a temporary file), then commit (fsync + rename) -----

    def put_bytes(self, data: bytes) -> StoredBlob:
        """Store bytes durably; returns the blob."""
        return self.commit([self.stage_bytes(data)])[0]

    def put_file(self, source: Path, label: str | None = None) -> StoredBlob:
        """Store a file's bytes durably; `InputError(label or path)` when it cannot be read."""
        return self.commit([self.stage_file(source, label)])[0]

    def stage_bytes(self, data: bytes) -> StagedBlob:
        """Write bytes to a temporary file in the store (not yet durable, not yet named)."""
        digest = format_hash(hashlib.sha256(data).digest())
        if self.path_for(digest).is_file():
            return StagedBlob(digest, len(data), None)
        tmp, fd = self._temp()
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
        except BaseException:
            os.close(fd)
            tmp.unlink(missing_ok=True)
            raise
        os.close(fd)
        return StagedBlob(digest, len(data), tmp)

    def stage_file(self, source: Path, label: str | None = None) -> StagedBlob:
        """Copy a file into a temporary file in the store, hashing it on the way."""
        name = label or str(source)
        try:
            src = os.open(source, os.O_RDONLY)
        except OSError as exc:
            raise InputError(name, f"cannot read: {exc.strerror or exc}") from exc
        try:
            if os.fstat(src).st_size <= SMALL_FILE:
                return self.stage_bytes(_read_all(src, name))
            tmp, dst = self._temp()
            try:
                digest, size = _copy_and_hash(src, dst, name)
            except BaseException:
                os.close(dst)
                tmp.unlink(missing_ok=True)
                raise
            os.close(dst)
            if self.path_for(digest).is_file():
                tmp.unlink()
                return StagedBlob(digest, size, None)
            return StagedBlob(digest, size, tmp, synced=True)
        finally:
            os.close(src)

    def commit(self, staged: Sequence[StagedBlob]) -> list[StoredBlob]:
        """Make staged blobs durable and give them their names.

        Every temporary file is fsynced before any is renamed, and the directories are fsynced
        after: a name never points at bytes that a crash could lose. Committing many small
        blobs at once costs about one journal flush instead of one per blob.
        """
        for blob in staged:
            if blob.tmp is not None and not blob.synced:
                fd = os.open(blob.tmp, os.O_RDONLY)
                try:
                    os.fsync(fd)
                finally:
                    os.close(fd)
        dirs: set[Path] = set()
        new_dirs = False
        out = []
        for blob in staged:
            final = self.path_for(blob.hash)
            if blob.tmp is None:
                out.append(StoredBlob(blob.hash, blob.size, final, False))
                continue
            os.chmod(blob.tmp, 0o444)  # write-once: nothing in factfinder writes to a blob
            if not final.parent.is_dir():
                final.parent.mkdir(exist_ok=True)
                new_dirs = True
            os.replace(blob.tmp, final)  # same bytes, same name: a concurrent twin is harmless
            dirs.add(final.parent)
            out.append(StoredBlob(blob.hash, blob.size, final, True))
        for d in dirs:
            _fsync_dir(d)
        if new_dirs:
            _fsync_dir(self.root)
        return out

    def discard(self, staged: Sequence[StagedBlob]) -> None:
        """Remove the temporary files of blobs that will not be committed."""
        for blob in staged:
            if blob.tmp is not None:
                blob.tmp.unlink(missing_ok=True)

    def _temp(self) -> tuple[Path, int]:
        self.tmp.mkdir(parents=True, exist_ok=True)
        path = self.tmp / f"{os.getpid()}-{secrets.token_hex(8)}.part"
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o644)
        return path, fd

    def check(self, hash: str) -> BlobCheck:
        """Re-hash one blob and compare it with its name."""
        path = self.path_for(hash)
        try:
            actual, _ = hash_file(path)
        except FileNotFoundError:
            return BlobCheck(hash, False, "missing")
        except OSError as exc:
            return BlobCheck(hash, False, f"unreadable ({exc.strerror})")
        if actual != hash:
            return BlobCheck(hash, False, f"content hashes to {actual}")
        return BlobCheck(hash, True)

    def iter_hashes(self) -> Iterator[str]:
        """Every blob present in the store (in no particular order)."""
        if not self.root.is_dir():
            return
        for fan in os.scandir(self.root):
            if len(fan.name) != 2 or not fan.is_dir():
                continue
            for blob in os.scandir(fan.path):
                candidate = "sha256:" + blob.name
                if is_hash(candidate):
                    yield candidate

    def clean_stale_temp(self) -> int:
        """Remove temporary files and work folders left by processes that are no longer
        running (their names start with the writer's pid); return how many."""
        removed = 0
        if not self.tmp.is_dir():
            return 0
        for entry in os.scandir(self.tmp):
            pid_text = entry.name.split("-", 1)[0]
            if not pid_text.isdigit() or _alive(int(pid_text)):
                continue
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path, ignore_errors=True)
            else:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(entry.path)
            removed += 1
        return removed


def _read_all(fd: int, name: str) -> bytes:
    parts = []
    try:
        while chunk := os.read(fd, CHUNK):
            parts.append(chunk)
    except OSError as exc:
        raise InputError(name, f"cannot read: {exc.strerror or exc}") from exc
    return b"".join(parts)


class _CopyState:
    """What the copying thread tells the hashing thread (guarded by `cond`)."""

    def __init__(self) -> None:
        self.cond = threading.Condition()
        self.copied = 0
        self.done = False
        self.error: BaseException | None = None


def _copy_and_hash(src: int, dst: int, name: str) -> tuple[str, int]:
    """Copy src → dst in the kernel on a helper thread while hashing dst behind it here.

    `dst` must be open for reading and writing; `pread` leaves the offset the copy uses alone.
    """
    state = _CopyState()

    def copier() -> None:
        copied = 0
        try:
            while True:
                try:
                    n = os.copy_file_range(src, dst, _COPY_CHUNK)
                except OSError as exc:
                    if exc.errno not in (errno.EXDEV, errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP):
                        raise
                    n = _copy_plain(src, dst)
                if n == 0:
                    break
                copied += n
                with state.cond:
                    state.copied = copied
                    state.cond.notify()
            os.fsync(dst)
        except BaseException as exc:  # handed to the hashing thread, which re-raises it
            with state.cond:
                state.error = exc
        finally:
            with state.cond:
                state.done = True
                state.cond.notify()

    thread = threading.Thread(target=copier, name="blob-copy", daemon=True)
    thread.start()
    h = hashlib.sha256()
    buf = bytearray(CHUNK * 4)
    view = memoryview(buf)
    hashed = 0
    try:
        while True:
            with state.cond:
                while state.copied == hashed and not state.done:
                    state.cond.wait()
                available, done, error = state.copied, state.done, state.error
            if error is not None:
                if isinstance(error, OSError):
                    raise InputError(name, f"cannot read: {error.strerror or error}") from error
                raise error
            while hashed < available:
                n = os.preadv(dst, [view[: min(len(buf), available - hashed)]], hashed)
                if n == 0:
                    break
                h.update(view[:n])
                hashed += n
            if done and hashed >= available:
                break
    finally:
        thread.join()
    return format_hash(h.digest()), hashed


def _copy_plain(src: int, dst: int) -> int:
    data = os.read(src, _COPY_CHUNK)
    view = memoryview(data)
    while view:
        view = view[os.write(dst, view) :]
    return len(data)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
