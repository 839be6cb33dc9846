"""The incidents area: link runs, incidents, members, assessments, analysts' decisions.

Revision ID: 0501_incidents
Revises: 0001
Depends on: 0201_claims (members reference stored claims)
Create Date: 2026-11-26

The incidents area's own branch after the vault's `0001`. Frozen like `0001`: the tables are
spelt out here, not imported (see `factfinder.store.schema_incidents`). All five tables are
append-only (a trigger refuses UPDATE and DELETE).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0501_incidents"
down_revision = "0001"
branch_labels = ("incidents",)
depends_on = "0201_claims"

TIME = sa.String(32)
INCIDENT_ID = sa.String(40)
TABLES = (
    "link_runs",
    "incidents",
    "incident_members",
    "incident_assessments",
    "incident_decisions",
)


def upgrade() -> None:
    op.create_table(
        "link_runs",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("seq", sa.Integer, sa.ForeignKey("ledger.seq"), nullable=False),
        sa.Column("created_at", TIME, nullable=False),
        sa.Column("actor", sa.Text, nullable=False),
        sa.Column("claims", sa.Integer, nullable=False),
        sa.Column("incidents", sa.Integer, nullable=False),
        sa.Column("versions", sa.Text, nullable=False),
        sa.UniqueConstraint("seq", name="uq_link_runs_seq"),
    )
    op.create_table(
        "incidents",
        sa.Column(
            "run_id",
            sa.Integer,
            sa.ForeignKey("link_runs.id"),
            primary_key=True,
            autoincrement=False,
        ),
        sa.Column("incident_id", INCIDENT_ID, primary_key=True),
        sa.Column("seq", sa.Integer, sa.ForeignKey("ledger.seq"), nullable=False),
        sa.Column("date_start", sa.String(10)),
        sa.Column("date_end", sa.String(10)),
        sa.Column("date_precision", sa.String(10), nullable=False),
        sa.Column("place", sa.Text),
        sa.Column("governorate", sa.String(80)),
        sa.Column("lat", sa.Float),
        sa.Column("lon", sa.Float),
        sa.Column("event_type", sa.String(20), nullable=False),
        sa.Column("perpetrator", sa.String(30), nullable=False),
        sa.Column("killed_min", sa.Integer),
        sa.Column("killed_max", sa.Integer),
        sa.Column("civilians_min", sa.Integer),
        sa.Column("civilians_max", sa.Integer),
        sa.Column("grade", sa.String(20)),
        sa.Column("independent_sources", sa.Integer, nullable=False),
        sa.Column("members", sa.Integer, nullable=False),
        sa.Column("confirmed", sa.Boolean, nullable=False),
        sa.Column("body", sa.Text, nullable=False),
    )
    op.create_index("ix_incidents_incident_id", "incidents", ["incident_id"])
    op.create_table(
        "incident_members",
        sa.Column(
            "run_id",
            sa.Integer,
            sa.ForeignKey("link_runs.id"),
            primary_key=True,
            autoincrement=False,
        ),
        sa.Column(
            "claim_id",
            sa.Integer,
            sa.ForeignKey("claims.id"),
            primary_key=True,
            autoincrement=False,
        ),
        sa.Column("incident_id", INCIDENT_ID, nullable=False),
        sa.Column("ordinal", sa.Integer, nullable=False),
        sa.Column("score", sa.Float),
        sa.Column("features", sa.Text),
    )
    op.create_index("ix_incident_members_incident", "incident_members", ["run_id", "incident_id"])
    op.create_table(
        "incident_assessments",
        sa.Column(
            "run_id",
            sa.Integer,
            sa.ForeignKey("link_runs.id"),
            primary_key=True,
            autoincrement=False,
        ),
        sa.Column("incident_id", INCIDENT_ID, primary_key=True),
        sa.Column("grade", sa.String(20), nullable=False),
        sa.Column("rules_grade", sa.String(20), nullable=False),
        sa.Column("grading_version", sa.String(20), nullable=False),
        sa.Column("reconcile_version", sa.String(20), nullable=False),
        sa.Column("override_reason", sa.Text),
        sa.Column("body", sa.Text, nullable=False),
    )
    op.create_table(
        "incident_decisions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("seq", sa.Integer, sa.ForeignKey("ledger.seq"), nullable=False),
        sa.Column("created_at", TIME, nullable=False),
        sa.Column("actor", sa.Text, nullable=False),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("incident_id", INCIDENT_ID, nullable=False),
        sa.Column("payload", sa.Text, nullable=False),
        sa.UniqueConstraint("seq", name="uq_incident_decisions_seq"),
    )
    if op.get_bind().dialect.name == "sqlite":
        for table in TABLES:
            for action in ("UPDATE", "DELETE"):
                op.execute(
                    f"CREATE TRIGGER {table}_no_{action.lower()} BEFORE {action} ON {table} "
                    f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
                )
    else:
        # factfinder_append_only() is created by revision 0001.
        for table in TABLES:
            op.execute(
                f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION factfinder_append_only()"
            )


def downgrade() -> None:
    for table in reversed(TABLES):
        if op.get_bind().dialect.name == "sqlite":
            for action in ("update", "delete"):
                op.execute(f"DROP TRIGGER IF EXISTS {table}_no_{action}")
        else:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}")
    op.drop_table("incident_decisions")
    op.drop_table("incident_assessments")
    op.drop_index("ix_incident_members_incident", table_name="incident_members")
    op.drop_table("incident_members")
    op.drop_index("ix_incidents_incident_id", table_name="incidents")
    op.drop_table("incidents")
    op.drop_table("link_runs")
