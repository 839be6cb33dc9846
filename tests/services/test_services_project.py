from __future__ import annotations

import json
import os
import stat

import pytest
from sqlalchemy import select

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
