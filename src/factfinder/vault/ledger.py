"""Ledger entries: the leaves of the Merkle tree.

An entry's bytes are the canonical JSON (keys sorted, no spaces, UTF-8, no NaN) of

    {"actor": ..., "kind": ..., "payload": {...}, "seq": n, "subject": "item:sha256:…" | null,
     "time": "2024-05-01T12:00:00.123456Z"}

`seq` is the entry's 0-based position, which is also its leaf index in the tree; `kind` is
`<area>.<verb>` (`item.acquire`, `item.metadata`, `claim.accept`, …); the payload must bind the
thing changed (its hash, or the values written) so that `verify` can compare the database rows
with what the ledger recorded.

The ledger's rows are read and written here too (the `ledger`, `ledger_head` and `checkpoints`
tables of `factfinder.store.schema`): the head lock that serialises appends, inserting entries
and checkpoints, and streaming them back for verification and proofs.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Connection, func, insert, select, update

from factfinder.errors import InvalidRecord
from factfinder.store.schema import checkpoints, ledger, ledger_head
from factfinder.vault.hashing import canonical_json
from factfinder.vault.merkle import leaf_hash
from factfinder.vault.signing import Checkpoint


def format_time(moment: dt.datetime) -> str:
    """A timezone-aware time → ISO 8601 UTC with microseconds and `Z` (sortable as text)."""
    if moment.tzinfo is None:
        raise ValueError("ledger times must be timezone-aware")
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def parse_time(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass(frozen=True, slots=True)
class LedgerEntry:
    """One appended entry: its fields, its exact bytes and its leaf hash."""

    seq: int
    kind: str
    actor: str
    time: str
    payload: Mapping[str, Any]
    entry: str
    leaf_hash: bytes
    subject: str | None = None

    @property
    def created_at(self) -> dt.datetime:
        return parse_time(self.time)

    @classmethod
    def make(
        cls,
        seq: int,
        kind: str,
        actor: str,
        time: str,
        payload: Mapping[str, Any],
        subject: str | None = None,
    ) -> LedgerEntry:
        if not kind or not isinstance(kind, str):
            raise InvalidRecord("a ledger entry needs a kind")
        if not actor or not isinstance(actor, str):
            raise InvalidRecord("a ledger entry needs an actor")
        body = {
            "actor": actor,
            "kind": kind,
            "payload": dict(payload),
            "seq": seq,
            "subject": subject,
            "time": time,
        }
        text = canonical_json(body)
        return cls(seq, kind, actor, time, payload, text, leaf_hash(text.encode("utf-8")), subject)

    @classmethod
    def parse(cls, entry: str) -> LedgerEntry:
        """Read an entry back from its stored text (the leaf hash is recomputed from it)."""
        try:
            body = json.loads(entry)
            if not isinstance(body, dict):
                raise TypeError("not a JSON object")
            subject = body.get("subject")
            return cls(
                int(body["seq"]),
                str(body["kind"]),
                str(body["actor"]),
                str(body["time"]),
                dict(body["payload"]),
                entry,
                leaf_hash(entry.encode("utf-8")),
                None if subject is None else str(subject),
            )
        except (ValueError, KeyError, TypeError) as exc:
            raise InvalidRecord(f"not a ledger entry: {exc}") from exc

    def framing(self) -> tuple[str, str]:
        """The text around the payload; see `entry_framing`."""
        return entry_framing(self.seq, self.kind, self.actor, self.time, self.subject)

    def to_json(self) -> dict[str, Any]:
        return {
            "seq": self.seq,
            "kind": self.kind,
            "actor": self.actor,
            "time": self.time,
            "subject": self.subject,
            "payload": dict(self.payload),
        }


def entry_framing(
    seq: int, kind: str, actor: str, time: str, subject: str | None
) -> tuple[str, str]:
    """The exact text an entry with these fields starts and ends with (around its payload).

    Canonical JSON sorts keys, so an entry is `{"actor":…,"kind":…,"payload":` + payload +
    `,"seq":…,"subject":…,"time":…}`. Comparing a stored entry with the framing built from its
    row's columns checks seq, kind, actor, subject and time without parsing the payload — the
    verifier does it a million times.
    """
    dumps = json.dumps
    prefix = f'{{"actor":{dumps(actor, ensure_ascii=False)},"kind":{dumps(kind, ensure_ascii=False)},"payload":'
    return prefix, entry_suffix(seq, subject, time)


def entry_suffix(seq: int, subject: str | None, time: str) -> str:
    """The text after an entry's payload (see `entry_framing`)."""
    subj = "null" if subject is None else json_string(subject)
    return f',"seq":{seq},"subject":{subj},"time":{json_string(time)}}}'


def json_string(text: str) -> str:
    # Most strings need no escaping; skip json.dumps for them (this runs per verified entry).
    if text.isprintable() and '"' not in text and "\\" not in text:
        return f'"{text}"'
    return json.dumps(text, ensure_ascii=False)


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
) -> Iterator[list[tuple[int, str | None, str, bytes, str, str, str]]]:
    """Lists of (seq, subject, entry, leaf_hash, kind, actor, created_at) in seq order, `batch`
    rows at a time.

    Uses the driver cursor directly: on a million rows SQLAlchemy's per-row processing would
    cost more than hashing them.
    """
    cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(
            "SELECT seq, subject, entry, leaf_hash, kind, actor, created_at FROM ledger "
            "ORDER BY seq"
        )
        while True:
            rows = cast(list[Any], cursor.fetchmany(batch))
            if not rows:
                break
            if not isinstance(rows[0][3], bytes):  # memoryview from some drivers
                rows = [(r[0], r[1], r[2], bytes(r[3]), *r[4:]) for r in rows]
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


CHECKPOINT_RECORD = "checkpoint.record"
# An entry binding rows that the entries which wrote them did not bind in full (written once
# by the migration that introduced row binding): {"users": {name: {"password": digest}},
# "api_tokens": {id: {"token_hash": …}}, "checkpoints": [checkpoint_record, …]}.
BIND_KIND = "verify.bind"


def entries_of_kinds(conn: Connection, kinds: Iterable[str]) -> list[LedgerEntry]:
    """The entries of these kinds, parsed, in seq order (for the checks of `verify`)."""
    rows = conn.execute(
        select(ledger.c.entry).where(ledger.c.kind.in_(list(kinds))).order_by(ledger.c.seq)
    )
    out = []
    for r in rows:
        try:
            out.append(LedgerEntry.parse(r.entry))
        except InvalidRecord:
            continue  # reported by the ledger scan
    return out


def checkpoint_record(checkpoint_id: int, cp: Checkpoint) -> dict[str, Any]:
    """How a `checkpoint.record` entry binds one checkpoint row."""
    return {
        "id": checkpoint_id,
        "size": cp.size,
        "root": cp.root,
        "time": cp.time,
        "key_id": cp.key_id,
        "signature": cp.signature,
    }


def checkpoints_of_size(conn: Connection, log_id: str, size: int) -> list[tuple[int, Checkpoint]]:
    """The checkpoints that sign exactly `size` entries: when `size` is the ledger size, those
    made since the last entry, which the next entry appended records."""
    rows = conn.execute(
        select(checkpoints).where(checkpoints.c.size == size).order_by(checkpoints.c.id)
    )
    return [
        (r.id, Checkpoint(log_id, r.size, r.root, r.created_at, r.key_id, r.signature))
        for r in rows
    ]


def list_checkpoints(conn: Connection, log_id: str) -> list[tuple[int, Checkpoint]]:
    """(checkpoint id, checkpoint) in the order they were made."""
    rows = conn.execute(select(checkpoints).order_by(checkpoints.c.id))
    return [
        (r.id, Checkpoint(log_id, r.size, r.root, r.created_at, r.key_id, r.signature))
        for r in rows
    ]
