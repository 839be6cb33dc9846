"""Indexes for the workspace's incident lists (the web's read paths over the incidents area's
`incidents` table).

Revision ID: 0303_users
Revises: 0302_users
Depends on: 0501_incidents (the incidents table)
Create Date: 2025-01-04

The list always reads the latest link run and pages by incident id (keyset); each filter of
the incident page (governorate, event type, perpetrator group, grade — and the common pair
governorate + event type) gets an index whose prefix is the run and the filter and whose tail
is the page order, so a filtered page and its count are index range scans instead of a walk
over every incident of the run (measured by benchmarks/bench_web.py at 100,000 incidents).
They belong with the incidents area's own revisions; kept on this branch so the two areas'
chains cannot collide.
"""

from __future__ import annotations

from alembic import op

revision = "0303_users"
down_revision = "0302_users"
branch_labels = None
depends_on = ("0501_incidents",)

INDEXES = {
    "ix_incidents_run_governorate": ["run_id", "governorate", "incident_id"],
    "ix_incidents_run_event_type": ["run_id", "event_type", "incident_id"],
    "ix_incidents_run_perpetrator": ["run_id", "perpetrator", "incident_id"],
    "ix_incidents_run_grade": ["run_id", "grade", "incident_id"],
    "ix_incidents_run_governorate_event": ["run_id", "governorate", "event_type", "incident_id"],
    "ix_incidents_run_dates": ["run_id", "date_start", "date_end"],
}


def upgrade() -> None:
    for name, columns in INDEXES.items():
        op.create_index(name, "incidents", columns)


def downgrade() -> None:
    for name in INDEXES:
        op.drop_index(name, table_name="incidents")
