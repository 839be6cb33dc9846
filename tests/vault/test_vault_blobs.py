"""The content-addressed blob store: any bytes stored come back under their SHA-256, small and
streamed files alike; blobs are write-once and read-only; checks find missing and altered blobs;
stale temporary files of dead writers are removed."""

from __future__ import annotations

import errno
import hashlib
import os
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factfinder.errors import InputError
from factfinder.vault import blobs as blobs_module
from factfinder.vault.blobs import BlobStore
from factfinder.vault.hashing import sha256_bytes


def store(root: Path) -> BlobStore:
    s = BlobStore(root / "blobs")
    s.create()
    return s


@settings(max_examples=30)
@given(st.binary(max_size=5000), st.booleans())
def test_any_bytes_come_back_under_their_hash(data: bytes, streamed: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        s = store(Path(tmp))
        source = Path(tmp) / "source.bin"
        source.write_bytes(data)
        saved = blobs_module.SMALL_FILE, blobs_module._COPY_CHUNK
        if streamed:  # the large-file path: copied by the kernel and hashed behind the copy
            blobs_module.SMALL_FILE, blobs_module._COPY_CHUNK = -1, 777
        try:
            blob = s.put_file(source)
        finally:
            blobs_module.SMALL_FILE, blobs_module._COPY_CHUNK = saved
        assert blob.hash == sha256_bytes(data) and blob.size == len(data) and blob.created
        assert blob.path == s.path_for(blob.hash) and blob.path.read_bytes() == data
        assert stat.S_IMODE(blob.path.stat().st_mode) == 0o444
        again = s.put_bytes(data)
        assert (again.hash, again.created) == (blob.hash, False)
        assert s.check(blob.hash).ok and list(s.iter_hashes()) == [blob.hash]
        assert list(s.tmp.iterdir()) == []
        with s.open(blob.hash) as fh:
            assert fh.read() == data


def test_a_file_larger_than_the_small_limit_is_streamed(tmp_path: Path) -> None:
    s = store(tmp_path)
    data = os.urandom(1024) * ((blobs_module.SMALL_FILE // 1024) + 3)
    source = tmp_path / "big.bin"
    source.write_bytes(data)
    blob = s.put_file(source)
    assert blob.hash == "sha256:" + hashlib.sha256(data).hexdigest()
    assert blob.size == len(data) and blob.path.stat().st_size == len(data)
    # the same big file again: staged, found present, its temporary copy removed
    staged = s.stage_file(source)
    assert staged.tmp is None and staged.hash == blob.hash
    assert list(s.tmp.iterdir()) == []


def test_the_plain_copy_is_used_where_the_kernel_cannot_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_copy(*args: object) -> int:
        raise OSError(errno.EXDEV, "cross-device")

    monkeypatch.setattr(os, "copy_file_range", no_copy)
    monkeypatch.setattr(blobs_module, "SMALL_FILE", -1)
    monkeypatch.setattr(blobs_module, "_COPY_CHUNK", 1000)
    s = store(tmp_path)
    data = bytes(range(256)) * 30
    (tmp_path / "f").write_bytes(data)
    assert s.put_file(tmp_path / "f").path.read_bytes() == data


def test_a_read_error_during_the_copy_names_the_input(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object) -> int:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, "copy_file_range", broken)
    monkeypatch.setattr(blobs_module, "SMALL_FILE", -1)
    s = store(tmp_path)
    (tmp_path / "f").write_bytes(b"x" * 100)
    with pytest.raises(InputError, match="cannot read") as caught:
        s.put_file(tmp_path / "f", label="evidence/f")
    assert caught.value.input == "evidence/f"
    assert list(s.tmp.iterdir()) == []  # the temporary copy is gone


def test_an_unreadable_source_names_its_label(tmp_path: Path) -> None:
    s = store(tmp_path)
    with pytest.raises(InputError, match="cannot read") as caught:
        s.put_file(tmp_path / "absent.pdf", label="upload:absent.pdf")
    assert caught.value.input == "upload:absent.pdf"


def test_staged_blobs_commit_together_or_are_discarded(tmp_path: Path) -> None:
    s = store(tmp_path)
    staged = [s.stage_bytes(b"one"), s.stage_bytes(b"two")]
    assert all(b.tmp is not None and b.tmp.exists() for b in staged)
    assert not any(s.exists(b.hash) for b in staged)  # not named before the commit
    stored = s.commit(staged)
    assert [b.path.read_bytes() for b in stored] == [b"one", b"two"]
    dropped = s.stage_bytes(b"three")
    s.discard([dropped, s.stage_bytes(b"one")])
    assert not s.exists(dropped.hash) and list(s.tmp.iterdir()) == []


def test_checks_find_missing_and_altered_blobs(tmp_path: Path) -> None:
    s = store(tmp_path)
    blob = s.put_bytes(b"original")
    os.chmod(blob.path, 0o644)
    blob.path.write_bytes(b"altered")
    check = s.check(blob.hash)
    assert not check.ok and check.problem == f"content hashes to {sha256_bytes(b'altered')}"
    absent = sha256_bytes(b"never stored")
    assert s.check(absent).problem == "missing" and not s.exists(absent)
    with pytest.raises(ValueError, match="not a blob hash"):
        s.path_for("md5:abc")


def test_iterating_skips_what_is_not_a_blob(tmp_path: Path) -> None:
    s = store(tmp_path)
    blob = s.put_bytes(b"kept")
    (s.root / "ab").mkdir()
    (s.root / "ab" / "not-a-hash").write_text("x")
    (s.root / "README").write_text("x")
    assert list(s.iter_hashes()) == [blob.hash]
    assert list(BlobStore(tmp_path / "none").iter_hashes()) == []


def test_stale_temporary_files_of_dead_writers_are_removed(tmp_path: Path) -> None:
    s = store(tmp_path)
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    dead_pid = int(dead.stdout)
    (s.tmp / f"{dead_pid}-abc.part").write_bytes(b"half")
    (s.tmp / f"{dead_pid}-work").mkdir()
    (s.tmp / f"{dead_pid}-work" / "x").write_bytes(b"x")
    mine = s.tmp / f"{os.getpid()}-mine.part"
    mine.write_bytes(b"in progress")
    (s.tmp / "notes.txt").write_text("no pid")
    assert s.clean_stale_temp() == 2
    assert sorted(p.name for p in s.tmp.iterdir()) == sorted([mine.name, "notes.txt"])
    assert BlobStore(tmp_path / "none").clean_stale_temp() == 0
