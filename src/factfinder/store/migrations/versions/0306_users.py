"""The users area: two-factor sign-in (TOTP) and its recovery codes.

Revision ID: 0306_users
Revises: 0305_users
Create Date: 2026-12-05

- `users.totp_secret`: the enrolled TOTP secret (base32), null when two-factor is off;
  `users.totp_pending`: a secret being enrolled, until a code confirms it; `users.totp_step`: the
  last time step a code was accepted for (a code is good once); `users.require_2fa`: an admin
  requires two-factor sign-in of this account.
- `recovery_codes`: one-time codes for when the authenticator is lost, stored as hashes.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0306_users"
down_revision = "0305_users"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("users", sa.Column("totp_secret", sa.Text, nullable=True))
    op.add_column("users", sa.Column("totp_pending", sa.Text, nullable=True))
    op.add_column("users", sa.Column("totp_step", sa.BigInteger, nullable=True))
    op.add_column(
        "users", sa.Column("require_2fa", sa.Boolean, nullable=False, server_default=sa.false())
    )
    op.create_table(
        "recovery_codes",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id"), nullable=False),
        sa.Column("code_hash", sa.String(71), nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("used_at", sa.String(32), nullable=True),
    )
    op.create_index("ix_recovery_codes_user_id", "recovery_codes", ["user_id"])


def downgrade() -> None:
    op.drop_index("ix_recovery_codes_user_id", "recovery_codes")
    op.drop_table("recovery_codes")
    # ALTER TABLE … DROP COLUMN on both backends (SQLite ≥ 3.35): a batch copy of `users`
    # would trip the foreign keys that point at it.
    for column in ("require_2fa", "totp_step", "totp_pending", "totp_secret"):
        op.execute(f"ALTER TABLE users DROP COLUMN {column}")
