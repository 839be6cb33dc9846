"""Indexes for the workspace's incident lists — moved to the incidents branch (`0502_incidents`).

Revision ID: 0303_users
Revises: 0302_users
Depends on: 0501_incidents (the incidents table)
Create Date: 2025-01-04

This revision first created the incident list's indexes (run + filter + page order) on the
incidents area's `incidents` table, kept on this branch while the incidents area had no
revision of its own to carry them. They now belong to `0502_incidents`, which creates them
`IF NOT EXISTS` (a database that ran this revision before has them already) and drops them on
its downgrade. The revision stays, empty, so that databases stamped with it still migrate.
"""

from __future__ import annotations

revision = "0303_users"
down_revision = "0302_users"
branch_labels = None
depends_on = ("0501_incidents",)


def upgrade() -> None:
    """Nothing: `0502_incidents` creates the incident list's indexes."""


def downgrade() -> None:
    """Nothing: `0502_incidents` drops the incident list's indexes."""
