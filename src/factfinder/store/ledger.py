"""Reading and writing ledger and checkpoint rows (the SQL side of `factfinder.vault`)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, cast

from sqlalchemy import Connection, func, insert, select, update

from factfinder.store.schema import checkpoints, ledger, ledger_head
from factfinder.vault.ledger import LedgerEntry
from factfinder.vault.signing import Checkpoint

# Rows fetched per round trip when streaming the whole ledger.
STREAM_BATCH = 8192


def lock_head(conn: Connection) -> int:
    """The ledger size, with the head row locked until the transaction ends (PostgreSQL; on
    SQLite the writer already holds the database lock)."""
    size = conn.execute(
        select(ledger_head.c.size).where(ledger_head.c.id == 1).with_for_update()
    ).scalar_one()
    return int(size)


def set_head(conn: Connection, size: int) -> None:
    conn.execute(update(ledger_head).where(ledger_head.c.id == 1).values(size=size))


def head_size(conn: Connection) -> int:
    return int(conn.execute(select(ledger_head.c.size).where(ledger_head.c.id == 1)).scalar_one())


def insert_entries(conn: Connection, entries: list[LedgerEntry]) -> None:
    if not entries:
        return
    conn.execute(
        insert(ledger),
        [
            {
                "seq": e.seq,
                "kind": e.kind,
                "actor": e.actor,
                "created_at": e.time,
                "subject": e.subject,
                "entry": e.entry,
                "leaf_hash": e.leaf_hash,
            }
            for e in entries
        ],
    )


def row_count(conn: Connection) -> int:
    return int(conn.execute(select(func.count()).select_from(ledger)).scalar_one())


def stream_batches(
    conn: Connection, batch: int = STREAM_BATCH
) -> Iterator[list[tuple[int, str | None, str, bytes]]]:
    """Lists of (seq, subject, entry, leaf_hash) in seq order, `batch` rows at a time.

    Uses the driver cursor directly: on a million rows SQLAlchemy's per-row processing would
    cost more than hashing them.
    """
    cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute("SELECT seq, subject, entry, leaf_hash FROM ledger ORDER BY seq")
        while True:
            rows = cast(list[Any], cursor.fetchmany(batch))
            if not rows:
                break
            if not isinstance(rows[0][3], bytes):  # memoryview from some drivers
                rows = [(r[0], r[1], r[2], bytes(r[3])) for r in rows]
            yield rows
    finally:
        cursor.close()


def leaf_hashes(conn: Connection, size: int) -> list[bytes]:
    """The stored leaf hashes of entries 0..size-1, in order."""
    cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    sql = "SELECT leaf_hash FROM ledger WHERE seq < %(n)s ORDER BY seq"
    if conn.dialect.name == "sqlite":
        sql = sql.replace("%(n)s", ":n")
    try:
        cursor.execute(sql, {"n": size})
        out: list[bytes] = []
        while rows := cursor.fetchmany(STREAM_BATCH):
            out.extend(r[0] if isinstance(r[0], bytes) else bytes(r[0]) for r in rows)
        return out
    finally:
        cursor.close()


def get_entry(conn: Connection, seq: int) -> LedgerEntry | None:
    row = conn.execute(select(ledger.c.entry).where(ledger.c.seq == seq)).first()
    if row is None:
        return None
    return LedgerEntry.parse(row.entry)


def entries_for_subject(conn: Connection, subject: str) -> list[LedgerEntry]:
    rows = conn.execute(
        select(ledger.c.entry).where(ledger.c.subject == subject).order_by(ledger.c.seq)
    )
    return [LedgerEntry.parse(r.entry) for r in rows]


def insert_checkpoint(conn: Connection, cp: Checkpoint) -> int:
    result = conn.execute(
        insert(checkpoints).values(
            size=cp.size,
            root=cp.root,
            created_at=cp.time,
            key_id=cp.key_id,
            signature=cp.signature,
        )
    )
    return int(result.inserted_primary_key[0])  # type: ignore[index]


def list_checkpoints(conn: Connection, log_id: str) -> list[tuple[int, Checkpoint]]:
    """(checkpoint id, checkpoint) in the order they were made."""
    rows = conn.execute(select(checkpoints).order_by(checkpoints.c.id))
    return [
        (r.id, Checkpoint(log_id, r.size, r.root, r.created_at, r.key_id, r.signature))
        for r in rows
    ]
