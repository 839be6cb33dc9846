"""The claims area: claims read from items, and their spans (see `factfinder.store.schema_claims`).

Revision ID: 0201_claims
Revises: 0001
Create Date: 2025-01-02

Frozen like 0001: the tables are spelled out here, not imported.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0201_claims"
down_revision = "0001"
branch_labels = ("claims",)
depends_on = None

TIME = sa.String(32)
HASH = sa.String(71)


def upgrade() -> None:
    op.create_table(
        "claims",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("item_id", sa.Integer, sa.ForeignKey("items.id"), nullable=False),
        sa.Column("ordinal", sa.Integer, nullable=False),
        sa.Column("is_primary", sa.Boolean, nullable=False),
        sa.Column("event_type", sa.String(20), nullable=False),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("claim", sa.Text, nullable=False),
        sa.Column("text_hash", HASH, nullable=False),
        sa.Column("extractor", sa.String(40), nullable=False),
        sa.Column("seq", sa.Integer, sa.ForeignKey("ledger.seq"), nullable=False),
        sa.Column("created_at", TIME, nullable=False),
        sa.UniqueConstraint("item_id", "seq", "ordinal", name="uq_claims_item_seq_ordinal"),
    )
    op.create_index("ix_claims_item_id", "claims", ["item_id"])
    op.create_table(
        "claim_spans",
        sa.Column(
            "claim_id",
            sa.Integer,
            sa.ForeignKey("claims.id"),
            primary_key=True,
            autoincrement=False,
        ),
        sa.Column("ordinal", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("claim_spans")
    op.drop_index("ix_claims_item_id", table_name="claims")
    op.drop_table("claims")
