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

import os
import re
from dataclasses import replace
from typing import Any, cast

from sqlalchemy import Connection, insert, select, update

from factfinder.errors import InvalidRecord
from factfinder.services.preserve.metadata import (
    METADATA_FIELDS,
    RELATIONS,
    ItemMetadata,
    Parent,
    Receipt,
    Recorded,
    load_metadata,
)
from factfinder.services.project import Transaction
from factfinder.store.schema import acquisitions, item_links, item_metadata, items
from factfinder.subjects import item_subject
from factfinder.vault.hashing import canonical_json

# What no database column may hold: NUL (PostgreSQL refuses it in text) and lone surrogates
# (no UTF-8 encoding; a file name or a reader may carry them). Each becomes U+FFFD, one code
# point for one, so offsets into the text stay those of what the reader produced.
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def storable(value: str | None) -> tuple[str | None, int]:
    """`value` with each code point no database can store replaced by U+FFFD, and their count."""
    if value is None:
        return None, 0
    cleaned, n = _UNSTORABLE.subn("\ufffd", value)
    return cleaned, n


def _storable_metadata(metadata: ItemMetadata) -> tuple[ItemMetadata, int]:
    changes: dict[str, Any] = {}
    total = 0
    for name in (*METADATA_FIELDS, "text"):
        original = getattr(metadata, name)
        if not isinstance(original, str):
            continue  # a number (the OCR confidence) or nothing
        value, n = storable(original)
        if n:
            changes[name] = value
            total += n
    return (replace(metadata, **changes) if changes else metadata), total


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
    # The same on both backends: the stored text is cleaned and the cleaning recorded with the
    # receipt; the blob keeps the bytes as received.
    metadata, cleaned = _storable_metadata(metadata)
    if cleaned:
        receipt = replace(
            receipt, origin={**receipt.origin, "unstorable_code_points_replaced": str(cleaned)}
        )
    receipt = _storable_receipt(receipt)
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
    entry = tx.append_ledger("item.acquire", payload, subject=item_subject(item_hash))

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


def _storable_receipt(receipt: Receipt) -> Receipt:
    """The receipt with its labels cleaned as the text is (a file name that is not UTF-8 reaches
    here with surrogate escapes; its exact bytes are kept in `origin` as `name_bytes_hex`)."""
    changes: dict[str, Any] = {}
    for name in ("source", "source_path", "custodian", "publisher", "published", "url"):
        value = getattr(receipt, name)
        if value is not None and _UNSTORABLE.search(value):
            changes[name] = storable(value)[0]
            if name == "source_path" and "name_bytes_hex" not in receipt.origin:
                raw = os.fsencode(value)
                changes["origin"] = {**receipt.origin, "name_bytes_hex": raw.hex()}
    origin = changes.get("origin", receipt.origin)
    if any(_UNSTORABLE.search(k) or _UNSTORABLE.search(v) for k, v in origin.items()):
        changes["origin"] = {storable(k)[0] or "": storable(v)[0] or "" for k, v in origin.items()}
    return replace(receipt, **changes) if changes else receipt


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
    new = replace(current, **cast(dict[str, Any], changes))
    item = tx.conn.execute(select(items).where(items.c.id == item_id)).one()
    entry = tx.append_ledger(
        "item.metadata",
        {
            "item": item.hash,
            "size": item.size,
            "media_type": item.media_type,
            "metadata": new.record(),
        },
        subject=item_subject(item.hash),
    )
    tx.conn.execute(
        update(item_metadata)
        .where(item_metadata.c.item_id == item_id)
        .values(seq=entry.seq, **changes)
    )
    return new
