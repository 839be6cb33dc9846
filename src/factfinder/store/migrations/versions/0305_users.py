"""Bind what older ledger entries did not: one `verify.bind` entry for an existing project.

Revision ID: 0305_users
Revises: 0303_users
Create Date: 2026-12-05

Since this revision every row that carries meaning is bound to the ledger: an account's
password hash and an API token's hash by a digest in their entries, each checkpoint by the
`checkpoint.record` entry written after it. Rows written before had no such binding, so this
revision appends one `verify.bind` entry recording, as they are now, the digest of every
account's password hash, the hash of every API token and every checkpoint. A project with none
of these gets no entry. The entry is part of the ledger like any other: nothing is rewritten.

The entry's bytes are built here (canonical JSON: sorted keys, no spaces, UTF-8; leaf hash
SHA-256(0x00 ‖ entry)) rather than imported, so that this revision stays frozen.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0305_users"
down_revision = "0304_users"
branch_labels = None
depends_on = None

ACTOR = "migration:0305_users"


def _canonical(obj: Any) -> str:
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def _sha256(text: str) -> str:
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def upgrade() -> None:
    conn = op.get_bind()
    users = {
        r.username: {"password": _sha256(r.password_hash)}
        for r in conn.execute(sa.text("SELECT username, password_hash FROM users ORDER BY id"))
    }
    tokens = {
        str(r.id): {"token_hash": r.token_hash}
        for r in conn.execute(sa.text("SELECT id, token_hash FROM api_tokens ORDER BY id"))
    }
    checkpoints = [
        {
            "id": r.id,
            "size": r.size,
            "root": r.root,
            "time": r.created_at,
            "key_id": r.key_id,
            "signature": r.signature,
        }
        for r in conn.execute(
            sa.text(
                "SELECT id, size, root, created_at, key_id, signature FROM checkpoints ORDER BY id"
            )
        )
    ]
    if not (users or tokens or checkpoints):
        return
    lock = " FOR UPDATE" if conn.dialect.name == "postgresql" else ""
    seq = conn.execute(sa.text(f"SELECT size FROM ledger_head WHERE id = 1{lock}")).scalar_one()
    when = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    payload = {"users": users, "api_tokens": tokens, "checkpoints": checkpoints}
    entry = _canonical(
        {
            "actor": ACTOR,
            "kind": "verify.bind",
            "payload": payload,
            "seq": seq,
            "subject": None,
            "time": when,
        }
    )
    leaf = hashlib.sha256(b"\x00" + entry.encode("utf-8")).digest()
    conn.execute(
        sa.text(
            "INSERT INTO ledger (seq, kind, actor, created_at, subject, entry, leaf_hash) "
            "VALUES (:seq, 'verify.bind', :actor, :at, NULL, :entry, :leaf)"
        ),
        {"seq": seq, "actor": ACTOR, "at": when, "entry": entry, "leaf": leaf},
    )
    conn.execute(sa.text("UPDATE ledger_head SET size = :n WHERE id = 1"), {"n": seq + 1})


def downgrade() -> None:
    """Nothing: the ledger is append-only; the `verify.bind` entry stays."""
