"""Preserve: record one receipt of bytes (an acquisition) and, the first time, the item itself —
rows and ledger entry in the caller's transaction.

Ledger entries written here (`subject` = `item:<hash>`):

- `item.acquire`: `{"item": hash, "size", "media_type", "acquisition": {...receipt...},
  "metadata": {...} | absent}` — `metadata` is present when this receipt created the item; it is
  the item's metadata with the text bound by its hash (`text_hash`).
- `item.metadata`: `{"item": hash, "size", "media_type", "metadata": {...}}` — a later change
  of the metadata (the complete new state).

`verify` recomputes `metadata_record(...)` from the rows and compares it with the latest of
these entries for each item, and each acquisition row with its own entry.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import Connection, insert, select, update

from factfinder.errors import InvalidRecord
from factfinder.services.project import Transaction
from factfinder.store.schema import acquisitions, item_links, item_metadata, items
from factfinder.vault.hashing import canonical_json, sha256_text

METADATA_FIELDS = (
    "title",
    "author",
    "publisher",
    "published",
    "url",
    "site",
    "language",
    "external_id",
    "file_created",
)
RELATIONS = ("attachment-of", "record-of", "member-of", "line-of")


@dataclass(frozen=True, slots=True)
class ItemMetadata:
    """What is known about an item's content. `published` is an ISO date or UTC timestamp."""

    title: str | None = None
    author: str | None = None
    publisher: str | None = None
    published: str | None = None
    url: str | None = None
    site: str | None = None
    language: str | None = None
    external_id: str | None = None
    text: str | None = None
    file_created: str | None = None  # when the file says it was made: not a publication date

    def record(self) -> dict[str, Any]:
        """The ledger form: every field, the text replaced by its hash."""
        out: dict[str, Any] = {name: getattr(self, name) for name in METADATA_FIELDS}
        out["text_hash"] = sha256_text(self.text) if self.text is not None else None
        return _without_empty_later_fields(out)


@dataclass(frozen=True, slots=True)
class Receipt:
    """One acquisition: where the bytes came from and what the person ingesting them said."""

    source: str  # the part's label: "mail.eml", "mail.eml!letter.pdf", "batch.jsonl:17"
    source_path: str | None = None  # the input file on disk (absolute)
    custodian: str | None = None
    publisher: str | None = None
    published: str | None = None
    url: str | None = None
    origin: Mapping[str, str] = field(default_factory=dict)

    def record(self, acquired_at: str, parent: int | None) -> dict[str, Any]:
        return {
            "acquired_at": acquired_at,
            "source": self.source,
            "source_path": self.source_path,
            "custodian": self.custodian,
            "publisher": self.publisher,
            "published": self.published,
            "url": self.url,
            "origin": dict(self.origin),
            "parent": parent,
        }


@dataclass(frozen=True, slots=True)
class Parent:
    """The container acquisition a member came out of, and how they relate."""

    seq: int
    item_id: int
    relation: str


@dataclass(frozen=True, slots=True)
class Recorded:
    item_id: int
    item_hash: str
    seq: int  # the acquisition's ledger sequence number (= its id)
    new_item: bool
    new_acquisition: bool  # False when an identical acquisition was already recorded


def record_acquisition(
    tx: Transaction,
    *,
    item_hash: str,
    size: int,
    media_type: str,
    metadata: ItemMetadata,
    receipt: Receipt,
    parent: Parent | None = None,
    again: bool = False,
) -> Recorded:
    """Record that `item_hash` was received as `receipt`; create the item on first receipt.

    An identical acquisition (same item, source, path, custodian, metadata given and parent)
    is not recorded twice unless `again`: re-running an interrupted ingest completes it instead
    of duplicating what was already done.
    """
    if parent is not None and parent.relation not in RELATIONS:
        raise InvalidRecord(f"unknown item relation {parent.relation!r}")
    conn = tx.conn
    # Take the ledger lock first: a concurrent writer recording the same bytes then commits
    # before we look, so we see its item instead of inserting a twin (PostgreSQL; on SQLite
    # BEGIN IMMEDIATE already serialises writers).
    tx.ledger_size  # noqa: B018
    row = conn.execute(select(items.c.id).where(items.c.hash == item_hash)).first()
    item_id = row.id if row is not None else None
    origin_text = canonical_json(dict(receipt.origin))
    if item_id is not None and not again:
        existing = _same_acquisition(conn, item_id, receipt, origin_text, parent)
        if existing is not None:
            return Recorded(item_id, item_hash, existing, False, False)

    when = tx.now
    payload: dict[str, Any] = {
        "item": item_hash,
        "size": size,
        "media_type": media_type,
        "acquisition": receipt.record(when, parent.seq if parent else None),
    }
    if parent is not None:
        payload["acquisition"]["relation"] = parent.relation
    if item_id is None:
        payload["metadata"] = metadata.record()
    entry = tx.append_ledger("item.acquire", payload, subject=f"item:{item_hash}")

    new_item = item_id is None
    if item_id is None:
        inserted = conn.execute(
            insert(items).values(hash=item_hash, size=size, media_type=media_type, created_at=when)
        ).inserted_primary_key
        assert inserted is not None
        item_id = int(inserted[0])
        conn.execute(
            insert(item_metadata).values(
                item_id=item_id,
                seq=entry.seq,
                text=metadata.text,
                text_hash=payload["metadata"]["text_hash"],
                **{name: getattr(metadata, name) for name in METADATA_FIELDS},
            )
        )
    conn.execute(
        insert(acquisitions).values(
            seq=entry.seq,
            item_id=item_id,
            acquired_at=when,
            actor=tx.actor,
            source=receipt.source,
            source_path=receipt.source_path,
            custodian=receipt.custodian,
            publisher=receipt.publisher,
            published=receipt.published,
            url=receipt.url,
            origin=origin_text,
            parent_seq=parent.seq if parent else None,
        )
    )
    if parent is not None and parent.item_id != item_id:
        exists = conn.execute(
            select(item_links.c.id).where(
                item_links.c.item_id == item_id,
                item_links.c.related_item_id == parent.item_id,
                item_links.c.relation == parent.relation,
            )
        ).first()
        if exists is None:
            conn.execute(
                insert(item_links).values(
                    item_id=item_id,
                    related_item_id=parent.item_id,
                    relation=parent.relation,
                    seq=entry.seq,
                )
            )
    return Recorded(item_id, item_hash, entry.seq, new_item, True)


def _same_acquisition(
    conn: Connection, item_id: int, receipt: Receipt, origin_text: str, parent: Parent | None
) -> int | None:
    a = acquisitions.c
    query = (
        select(a.seq)
        .where(
            a.item_id == item_id,
            a.source == receipt.source,
            a.origin == origin_text,
            _eq(a.source_path, receipt.source_path),
            _eq(a.custodian, receipt.custodian),
            _eq(a.publisher, receipt.publisher),
            _eq(a.published, receipt.published),
            _eq(a.url, receipt.url),
            _eq(a.parent_seq, parent.seq if parent else None),
        )
        .order_by(a.seq)
        .limit(1)
    )
    found = conn.execute(query).scalar()
    return int(found) if found is not None else None


def _eq(column: Any, value: Any) -> Any:
    return column.is_(None) if value is None else column == value


def update_item_metadata(tx: Transaction, item_id: int, **changes: str | None) -> ItemMetadata:
    """Change some metadata fields of an item (not its text); one `item.metadata` entry."""
    unknown = set(changes) - set(METADATA_FIELDS)
    if unknown:
        raise InvalidRecord(f"not item metadata fields: {', '.join(sorted(unknown))}")
    current = load_metadata(tx.conn, item_id)
    new = replace(current, **changes)
    item = tx.conn.execute(select(items).where(items.c.id == item_id)).one()
    entry = tx.append_ledger(
        "item.metadata",
        {
            "item": item.hash,
            "size": item.size,
            "media_type": item.media_type,
            "metadata": new.record(),
        },
        subject=f"item:{item.hash}",
    )
    tx.conn.execute(
        update(item_metadata)
        .where(item_metadata.c.item_id == item_id)
        .values(seq=entry.seq, **changes)
    )
    return new


def load_metadata(conn: Connection, item_id: int) -> ItemMetadata:
    row = conn.execute(select(item_metadata).where(item_metadata.c.item_id == item_id)).first()
    if row is None:
        return ItemMetadata()
    return ItemMetadata(text=row.text, **{name: getattr(row, name) for name in METADATA_FIELDS})


def row_record(row: Any) -> dict[str, Any]:
    """The ledger form of an item row joined with its metadata row (for `verify`).

    The text hash is recomputed from the text column, so editing either is caught.
    """
    meta: dict[str, Any] = {name: getattr(row, name) for name in METADATA_FIELDS}
    meta["text_hash"] = sha256_text(row.text) if row.text is not None else None
    meta = _without_empty_later_fields(meta)
    return {"item": row.hash, "size": row.size, "media_type": row.media_type, "metadata": meta}


# Fields added after the first ledger entries were written: recorded only when set, so the
# ledger form of an item without them is what it always was.
_LATER_FIELDS = ("file_created",)


def _without_empty_later_fields(meta: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in meta.items() if k not in _LATER_FIELDS or v is not None}


def acquisition_record(row: Any) -> dict[str, Any]:
    """The ledger form of an acquisition row (for `verify`)."""
    return {
        "acquired_at": row.acquired_at,
        "source": row.source,
        "source_path": row.source_path,
        "custodian": row.custodian,
        "publisher": row.publisher,
        "published": row.published,
        "url": row.url,
        "origin": json.loads(row.origin),
        "parent": row.parent_seq,
    }


def metadata_differences(recorded: dict[str, Any], actual: dict[str, Any]) -> list[str]:
    """What differs between a ledger record of an item (`recorded`) and `row_record` of its
    rows (`actual`), as readable phrases."""
    out = []
    for name in ("size", "media_type"):
        if recorded.get(name) != actual[name]:
            out.append(f"{name} is {actual[name]!r}, the ledger recorded {recorded.get(name)!r}")
    rmeta, ameta = recorded.get("metadata") or {}, actual["metadata"]
    for name in (*METADATA_FIELDS, "text_hash"):
        if rmeta.get(name) != ameta.get(name):
            what = "text" if name == "text_hash" else name
            out.append(
                f"{what} is {_short(ameta.get(name))}, the ledger recorded "
                f"{_short(rmeta.get(name))}"
            )
    return out


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "…'"
