"""The users area: reviewers' decisions on claims (see `factfinder.store.schema_users`).

Revision ID: 0302_users
Revises: 0301_users
Depends on: 0201_claims (the claims table)
Create Date: 2025-01-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0302_users"
down_revision = "0301_users"
branch_labels = None
depends_on = ("0201_claims",)

TIME = sa.String(32)


def upgrade() -> None:
    op.create_table(
        "claim_reviews",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("claim_id", sa.Integer, sa.ForeignKey("claims.id"), nullable=False),
        sa.Column("decision", sa.String(20), nullable=False),
        sa.Column("corrections", sa.Text, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("actor", sa.Text, nullable=False),
        sa.Column("created_at", TIME, nullable=False),
        sa.Column("seq", sa.Integer, sa.ForeignKey("ledger.seq"), nullable=False),
    )
    op.create_index("ix_claim_reviews_claim_id", "claim_reviews", ["claim_id"])


def downgrade() -> None:
    op.drop_table("claim_reviews")
