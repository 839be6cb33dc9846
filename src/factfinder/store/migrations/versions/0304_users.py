"""The users area: personal names released from restriction (`name_releases`).

Revision ID: 0304_users
Revises: 0303_users
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0304_users"
down_revision = "0303_users"
branch_labels = None
depends_on = None

TIME = sa.String(32)


def upgrade() -> None:
    op.create_table(
        "name_releases",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("subject", sa.String(200), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("name_key", sa.String(200), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("created_by", sa.Text, nullable=False),
        sa.Column("created_at", TIME, nullable=False),
        sa.Column("seq", sa.Integer, sa.ForeignKey("ledger.seq"), nullable=False),
        sa.UniqueConstraint("subject", "name_key", name="uq_name_releases_subject_name"),
    )
    op.create_index("ix_name_releases_subject", "name_releases", ["subject"])


def downgrade() -> None:
    op.drop_index("ix_name_releases_subject", table_name="name_releases")
    op.drop_table("name_releases")
