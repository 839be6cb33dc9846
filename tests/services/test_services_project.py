from __future__ import annotations

import json
import os
import re
import stat
from pathlib import Path

import pytest
from sqlalchemy import select

from factfinder.errors import ProjectError
from factfinder.services import Project
from factfinder.store.schema import ledger, ledger_head
from factfinder.vault import merkle


def test_init_writes_config_keys_and_blob_store(project: Project) -> None:
    root = project.root
    assert (root / "factfinder.toml").is_file()
    assert (root / "blobs").is_dir()
    mode = stat.S_IMODE(os.stat(root / "keys" / "ledger.key").st_mode)
    assert mode == 0o600
    pem = (root / "keys" / "ledger.pub.pem").read_text()
    hex_ = (root / "keys" / "ledger.pub.hex").read_text().strip()
    assert pem.startswith("-----BEGIN PUBLIC KEY-----")
    assert len(hex_) == 64 and project.public_key.to_hex() == hex_
    assert project.signing_key.public_key == project.public_key


def test_ledger_entries_are_contiguous_and_canonical(project: Project) -> None:
    with project.transaction(actor="cli:alice") as tx:
        first = tx.append_ledger("test.note", {"b": [1, 2], "a": "é"}, subject="thing:1")
        second = tx.append_ledger("test.note", {"n": 2})
    with project.transaction(actor="cli:bob") as tx:
        third = tx.append_ledger("test.other", {})
    assert (first.seq, second.seq, third.seq) == (0, 1, 2)
    body = json.loads(first.entry)
    assert list(body) == ["actor", "kind", "payload", "seq", "subject", "time"]
    assert first.entry.startswith(
        '{"actor":"cli:alice","kind":"test.note","payload":{"a":"é","b":[1,2]}'
    )
    assert first.leaf_hash == merkle.leaf_hash(first.entry.encode("utf-8"))
    with project.read() as conn:
        rows = conn.execute(
            select(ledger.c.seq, ledger.c.subject, ledger.c.leaf_hash).order_by(ledger.c.seq)
        ).all()
        size = conn.execute(select(ledger_head.c.size)).scalar_one()
    assert [(r.seq, r.subject) for r in rows] == [(0, "thing:1"), (1, None), (2, None)]
    assert rows[0].leaf_hash == first.leaf_hash
    assert size == 3


def test_a_failed_transaction_leaves_no_entry(project: Project) -> None:
    with pytest.raises(RuntimeError), project.transaction(actor="t") as tx:
        tx.append_ledger("test.note", {"n": 1})
        raise RuntimeError("boom")
    with project.transaction(actor="t") as tx:
        entry = tx.append_ledger("test.note", {"n": 2})
    assert entry.seq == 0


GOOD_CONFIG = (
    '[project]\nformat = 1\n\n[database]\nurl = "sqlite:///factfinder.db"\n\n'
    '[trust]\nkey_fingerprint = "sha256:' + "0" * 64 + '"\n'
)


@pytest.mark.parametrize(
    ("config", "problem"),
    [
        (b"[project\nformat = 1\n", "cannot read the configuration ("),
        (b"\xff\xfe[project]", "cannot read the configuration ("),
        (
            GOOD_CONFIG.replace("format = 1", "format = 2").encode(),
            "configuration format 2 is not 1",
        ),
        (
            GOOD_CONFIG.replace('url = "sqlite:///factfinder.db"', "").encode(),
            "[database] url is missing",
        ),
        (
            GOOD_CONFIG.replace('url = "sqlite:///factfinder.db"', "url = 5").encode(),
            "[database] url is missing",
        ),
        (
            GOOD_CONFIG.replace("0" * 64, "0" * 8).encode(),
            "[trust] key_fingerprint must be sha256:<64 hex digits>",
        ),
    ],
)
def test_a_bad_configuration_is_named(tmp_path: Path, config: bytes, problem: str) -> None:
    (tmp_path / "factfinder.toml").write_bytes(config)
    with pytest.raises(ProjectError) as caught:
        Project.open(tmp_path)
    assert str(caught.value).startswith(f"{tmp_path / 'factfinder.toml'}: {problem}")


def test_opening_where_there_is_no_project(tmp_path: Path) -> None:
    with pytest.raises(ProjectError, match=r"is not a factfinder project .* `factfinder init`"):
        Project.open(tmp_path)


def test_init_refuses_a_project_a_file_and_a_database_in_use(tmp_path: Path) -> None:
    first = Project.init(tmp_path / "first")
    first.close()
    with pytest.raises(ProjectError, match="is already a factfinder project"):
        Project.init(tmp_path / "first")
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(ProjectError, match="exists and is not a directory"):
        Project.init(tmp_path / "file")
    # A second project on the database of the first is refused, and leaves no folder behind.
    url = f"sqlite:///{tmp_path / 'first' / 'factfinder.db'}"
    with pytest.raises(ProjectError, match="the database already holds factfinder log"):
        Project.init(tmp_path / "second", db_url=url)
    assert not (tmp_path / "second").exists()
    with Project.open(tmp_path / "first") as again:
        assert again.log_id == first.log_id


def test_a_database_that_cannot_be_opened_is_named(tmp_path: Path) -> None:
    project = Project.init(tmp_path / "p")
    project.close()
    (tmp_path / "p" / "factfinder.db").write_bytes(b"not a database at all" * 100)
    with pytest.raises(
        ProjectError, match=re.escape(f"cannot open the database of {tmp_path / 'p'}")
    ):
        Project.open(tmp_path / "p")


def test_a_missing_public_key_is_named(tmp_path: Path) -> None:
    with Project.init(tmp_path / "p") as project:
        (project.root / "keys" / "ledger.pub.pem").unlink()
        with pytest.raises(ProjectError, match=r"cannot read the public key .*ledger\.pub\.pem"):
            _ = project.public_key
