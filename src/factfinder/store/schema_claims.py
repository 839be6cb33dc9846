"""The claims area's tables (revision `0201_claims`), on the shared `schema.metadata`.

- `claims`: one row per claim that extraction read from an item's text: its position among
  the item's claims (`ordinal`), whether it is the item's primary claim, its event type and
  confidence for queries, and the whole claim in the JSON form of docs/CLAIMS.md (`claim`,
  canonical JSON: sorted keys, no spaces). `seq` is the ledger entry that recorded it;
  `text_hash` the `sha256:<hex>` of the text it was read from; `extractor` the version.
- `claim_spans`: the `[start, end)` character spans of the item text each claim was read from,
  so a reviewer can click from a value to its sentence and queries can find claims by span.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Float,
    ForeignKey,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from factfinder.store.schema import metadata

TIME = String(32)
HASH = String(71)

claims = Table(
    "claims",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("item_id", Integer, ForeignKey("items.id"), nullable=False, index=True),
    Column("ordinal", Integer, nullable=False),
    Column("is_primary", Boolean, nullable=False),
    Column("event_type", String(20), nullable=False),
    Column("confidence", Float, nullable=False),
    Column("claim", Text, nullable=False),
    Column("text_hash", HASH, nullable=False),
    Column("extractor", String(40), nullable=False),
    Column("seq", Integer, ForeignKey("ledger.seq"), nullable=False),
    Column("created_at", TIME, nullable=False),
    UniqueConstraint("item_id", "seq", "ordinal", name="uq_claims_item_seq_ordinal"),
)

claim_spans = Table(
    "claim_spans",
    metadata,
    Column("claim_id", Integer, ForeignKey("claims.id"), primary_key=True, autoincrement=False),
    Column("ordinal", Integer, primary_key=True, autoincrement=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
)
