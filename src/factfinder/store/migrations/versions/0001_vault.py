"""The evidence vault: items, metadata, acquisitions, links, ledger, checkpoints, search.

Revision ID: 0001
Revises:
Create Date: 2025-01-01

This revision is frozen: it spells its tables out instead of importing `schema.py`, so later
edits to the schema module cannot change what an old database was created with.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

HASH = sa.String(71)
TIME = sa.String(32)
# Tables whose rows are never updated or deleted by factfinder: a trigger refuses it, so a bug
# (or a careless hand in a SQL shell) fails loudly instead of silently breaking the evidence.
APPEND_ONLY = ("ledger", "checkpoints", "items", "acquisitions")


def upgrade() -> None:
    op.create_table(
        "project_meta",
        sa.Column("key", sa.String(100), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )
    op.create_table(
        "ledger",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("kind", sa.String(100), nullable=False),
        sa.Column("actor", sa.Text, nullable=False),
        sa.Column("created_at", TIME, nullable=False),
        sa.Column("subject", sa.Text, nullable=True),
        sa.Column("entry", sa.Text, nullable=False),
        sa.Column("leaf_hash", sa.LargeBinary(32), nullable=False),
    )
    op.create_index("ix_ledger_subject", "ledger", ["subject"])
    op.create_table(
        "ledger_head",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("size", sa.Integer, nullable=False),
    )
    op.execute("INSERT INTO ledger_head (id, size) VALUES (1, 0)")
    op.create_table(
        "checkpoints",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("root", HASH, nullable=False),
        sa.Column("created_at", TIME, nullable=False),
        sa.Column("key_id", HASH, nullable=False),
        sa.Column("signature", sa.Text, nullable=False),
    )
    op.create_table(
        "items",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("hash", HASH, nullable=False),
        sa.Column("size", sa.BigInteger, nullable=False),
        sa.Column("media_type", sa.String(255), nullable=False),
        sa.Column("created_at", TIME, nullable=False),
        sa.UniqueConstraint("hash", name="uq_items_hash"),
    )
    op.create_table(
        "item_metadata",
        sa.Column(
            "item_id", sa.Integer, sa.ForeignKey("items.id"), primary_key=True, autoincrement=False
        ),
        sa.Column("seq", sa.Integer, sa.ForeignKey("ledger.seq"), nullable=False),
        sa.Column("title", sa.Text),
        sa.Column("author", sa.Text),
        sa.Column("publisher", sa.Text),
        sa.Column("published", sa.String(40)),
        sa.Column("url", sa.Text),
        sa.Column("site", sa.Text),
        sa.Column("language", sa.String(16)),
        sa.Column("external_id", sa.Text),
        sa.Column("text", sa.Text),
        sa.Column("text_hash", HASH),
    )
    op.create_index("ix_item_metadata_external_id", "item_metadata", ["external_id"])
    op.create_table(
        "acquisitions",
        sa.Column(
            "seq", sa.Integer, sa.ForeignKey("ledger.seq"), primary_key=True, autoincrement=False
        ),
        sa.Column("item_id", sa.Integer, sa.ForeignKey("items.id"), nullable=False),
        sa.Column("acquired_at", TIME, nullable=False),
        sa.Column("actor", sa.Text, nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("source_path", sa.Text),
        sa.Column("custodian", sa.Text),
        sa.Column("publisher", sa.Text),
        sa.Column("published", sa.String(40)),
        sa.Column("url", sa.Text),
        sa.Column("origin", sa.Text, nullable=False),
        sa.Column("parent_seq", sa.Integer, sa.ForeignKey("acquisitions.seq"), nullable=True),
    )
    op.create_index("ix_acquisitions_item_id", "acquisitions", ["item_id"])
    op.create_index("ix_acquisitions_parent_seq", "acquisitions", ["parent_seq"])
    op.create_table(
        "item_links",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("item_id", sa.Integer, sa.ForeignKey("items.id"), nullable=False),
        sa.Column("related_item_id", sa.Integer, sa.ForeignKey("items.id"), nullable=False),
        sa.Column("relation", sa.String(40), nullable=False),
        sa.Column("seq", sa.Integer, sa.ForeignKey("ledger.seq"), nullable=False),
        sa.UniqueConstraint("item_id", "related_item_id", "relation", name="uq_item_links_triple"),
    )
    op.create_index("ix_item_links_item_id", "item_links", ["item_id"])
    op.create_index("ix_item_links_related_item_id", "item_links", ["related_item_id"])

    if op.get_bind().dialect.name == "sqlite":
        _sqlite_extras()
    else:
        _postgresql_extras()


def _sqlite_extras() -> None:
    for table in APPEND_ONLY:
        for action in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER {table}_no_{action.lower()} BEFORE {action} ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
            )
    # Full-text search over titles and text, kept in step with item_metadata by triggers.
    op.execute(
        "CREATE VIRTUAL TABLE item_search USING fts5(title, text, content='item_metadata', "
        "content_rowid='item_id', tokenize='unicode61 remove_diacritics 2')"
    )
    op.execute(
        "CREATE TRIGGER item_search_ai AFTER INSERT ON item_metadata BEGIN "
        "INSERT INTO item_search(rowid, title, text) VALUES (new.item_id, new.title, new.text); "
        "END"
    )
    op.execute(
        "CREATE TRIGGER item_search_ad AFTER DELETE ON item_metadata BEGIN "
        "INSERT INTO item_search(item_search, rowid, title, text) "
        "VALUES ('delete', old.item_id, old.title, old.text); END"
    )
    op.execute(
        "CREATE TRIGGER item_search_au AFTER UPDATE ON item_metadata BEGIN "
        "INSERT INTO item_search(item_search, rowid, title, text) "
        "VALUES ('delete', old.item_id, old.title, old.text); "
        "INSERT INTO item_search(rowid, title, text) VALUES (new.item_id, new.title, new.text); "
        "END"
    )


def _postgresql_extras() -> None:
    op.execute(
        "CREATE FUNCTION factfinder_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$"
    )
    for table in APPEND_ONLY:
        op.execute(
            f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION factfinder_append_only()"
        )
    # 'simple' (no stemming) because the corpus is multilingual; the text is capped because a
    # tsvector may not exceed 1 MB.
    op.execute(
        "ALTER TABLE item_metadata ADD COLUMN search_vector tsvector GENERATED ALWAYS AS "
        "(to_tsvector('simple', coalesce(title, '') || ' ' || left(coalesce(text, ''), 200000))) "
        "STORED"
    )
    op.execute("CREATE INDEX ix_item_metadata_search ON item_metadata USING gin (search_vector)")


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS item_search")
    for table in (
        "item_links",
        "acquisitions",
        "item_metadata",
        "items",
        "checkpoints",
        "ledger_head",
        "ledger",
        "project_meta",
    ):
        op.drop_table(table)
    if bind.dialect.name != "sqlite":
        op.execute("DROP FUNCTION IF EXISTS factfinder_append_only()")
