"""The vault's tables as SQLAlchemy Core objects (the migrations create them; this describes them).

Times are stored as ISO 8601 UTC text (`2024-05-01T12:00:00.123456Z`): the same string goes into
the ledger entry, so `verify` compares them exactly on every backend, and they sort as text.
Hashes are `sha256:<hex>` text, except the ledger's `leaf_hash`, 32 raw bytes, which the verifier
reads a million times.

- `items`: one row per distinct content (hash); `id` is a short local number for humans.
- `item_metadata`: what is known about an item's content (title, publisher, published, url,
  language, text, the batch document's `external_id`); `seq` is the ledger entry that set it.
- `acquisitions`: each receipt of an item's bytes; the primary key *is* the sequence number of
  the `item.acquire` ledger entry that recorded it, which binds the row to the ledger.
- `item_links`: `attachment-of` / `record-of` / `member-of` relations from a container member to
  its container (`item_id` → `related_item_id`).
- `ledger`: the append-only log (entry = canonical JSON, leaf hash = SHA-256(0x00 ‖ entry)).
- `ledger_head`: one row holding the ledger size; writers lock it, which serialises appends.
- `checkpoints`: signed tree heads.
- `project_meta`: key/value facts about the log (its id).
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Column,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

# Naming convention so constraint names are the same on SQLite and PostgreSQL (migrations can
# refer to them).
metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

HASH = String(71)  # "sha256:" + 64 hex digits

project_meta = Table(
    "project_meta",
    metadata,
    Column("key", String(100), primary_key=True),
    Column("value", Text, nullable=False),
)

ledger = Table(
    "ledger",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("kind", String(100), nullable=False),
    Column("actor", Text, nullable=False),
    Column("created_at", String(32), nullable=False),
    Column("subject", Text, nullable=True, index=True),
    Column("entry", Text, nullable=False),
    Column("leaf_hash", LargeBinary(32), nullable=False),
)

ledger_head = Table(
    "ledger_head",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("size", Integer, nullable=False),
)

checkpoints = Table(
    "checkpoints",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("size", Integer, nullable=False),
    Column("root", HASH, nullable=False),
    Column("created_at", String(32), nullable=False),
    Column("key_id", HASH, nullable=False),
    Column("signature", Text, nullable=False),
)

items = Table(
    "items",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("hash", HASH, nullable=False, unique=True),
    Column("size", BigInteger, nullable=False),
    Column("media_type", String(255), nullable=False),
    Column("created_at", String(32), nullable=False),
)

item_metadata = Table(
    "item_metadata",
    metadata,
    Column("item_id", Integer, ForeignKey("items.id"), primary_key=True, autoincrement=False),
    Column("seq", Integer, ForeignKey("ledger.seq"), nullable=False),
    Column("title", Text),
    Column("author", Text),
    Column("publisher", Text),
    Column("published", String(40)),
    Column("url", Text),
    Column("site", Text),
    Column("language", String(16)),
    Column("external_id", Text, index=True),
    Column("text", Text),
    Column("text_hash", HASH),
    Column("file_created", String(40)),  # the file's own creation date (0601): not `published`
    Column("file_modified", String(40)),  # the file's own modification date (0602)
    Column("text_status", Text),  # None, "ocr" or "text not read: …" (0602)
    Column("ocr_confidence", Float),  # mean OCR word confidence, 0–100 (0602)
)

acquisitions = Table(
    "acquisitions",
    metadata,
    Column("seq", Integer, ForeignKey("ledger.seq"), primary_key=True, autoincrement=False),
    Column("item_id", Integer, ForeignKey("items.id"), nullable=False, index=True),
    Column("acquired_at", String(32), nullable=False),
    Column("actor", Text, nullable=False),
    Column("source", Text, nullable=False),
    Column("source_path", Text),
    Column("custodian", Text),
    Column("publisher", Text),
    Column("published", String(40)),
    Column("url", Text),
    Column("origin", Text, nullable=False),
    Column("parent_seq", Integer, ForeignKey("acquisitions.seq"), nullable=True, index=True),
)

item_links = Table(
    "item_links",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("item_id", Integer, ForeignKey("items.id"), nullable=False, index=True),
    Column("related_item_id", Integer, ForeignKey("items.id"), nullable=False, index=True),
    Column("relation", String(40), nullable=False),
    Column("seq", Integer, ForeignKey("ledger.seq"), nullable=False),
    UniqueConstraint("item_id", "related_item_id", "relation", name="uq_item_links_triple"),
)
