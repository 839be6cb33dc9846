"""Indexes for the incidents' aggregates: the map's clusters and the timeline's counts.

Revision ID: 0504_incidents
Revises: 0503_incidents
Create Date: 2026-12-06

The map counts the incidents of a box by grid cell (`factfinder.services.incidents.aggregates`)
and the timeline counts them by day; both filter as the list does. An `incidents` row carries
the incident's whole body, so a scan of the table reads every body: each of these indexes
holds, after the run, the column a query ranges over (coordinates, start date) and then every
column those queries filter, group or sum by, so that they are answered from the index alone.
"""

from __future__ import annotations

from alembic import op

revision = "0504_incidents"
down_revision = "0503_incidents"
branch_labels = None
depends_on = None

FILTERS = ["perpetrator", "event_type", "grade", "governorate", "date_start", "date_end"]
AGGREGATE_INDEXES = {
    "ix_incidents_run_map": [
        "run_id",
        "lat",
        "lon",
        "civilians_min",
        "place",
        "incident_id",
        *FILTERS,
    ],
    "ix_incidents_run_periods": [
        "run_id",
        "date_start",
        "perpetrator",
        "grade",
        "civilians_min",
        "event_type",
        "governorate",
        "date_end",
        "incident_id",
    ],
}


def upgrade() -> None:
    for name, columns in AGGREGATE_INDEXES.items():
        op.create_index(name, "incidents", columns, if_not_exists=True)


def downgrade() -> None:
    for name in AGGREGATE_INDEXES:
        op.drop_index(name, table_name="incidents", if_exists=True)
