"""Cases: a set of incidents under investigation, with notes.

Revision ID: 0401_cases
Revises: 0001
Create Date: 2026-11-26

The cases area's own branch (see the migrations rule: each area chains its revisions after the
vault's `0001` under its branch label). Frozen like `0001`: the tables are spelt out here.

All three tables are append-only (a trigger refuses UPDATE and DELETE): a case's membership is
the fold of its `add`/`remove` rows, so the state as of any ledger size is a query
(`seq < size`), which is what makes a report rebuilt at an old checkpoint identical.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0401_cases"
down_revision = "0001"
branch_labels = ("cases",)
depends_on = None

TIME = sa.String(32)
TABLES = ("cases", "case_members", "case_notes")


def upgrade() -> None:
    op.create_table(
        "cases",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("description", sa.Text),
        sa.Column("created_at", TIME, nullable=False),
        sa.Column("actor", sa.Text, nullable=False),
        sa.Column("seq", sa.Integer, sa.ForeignKey("ledger.seq"), nullable=False),
        sa.UniqueConstraint("name", name="uq_cases_name"),
        sa.UniqueConstraint("seq", name="uq_cases_seq"),
    )
    op.create_table(
        "case_members",
        sa.Column(
            "seq", sa.Integer, sa.ForeignKey("ledger.seq"), primary_key=True, autoincrement=False
        ),
        sa.Column("incident", sa.String(200), primary_key=True),
        sa.Column("case_id", sa.Integer, sa.ForeignKey("cases.id"), nullable=False),
        sa.Column("action", sa.String(10), nullable=False),
    )
    op.create_index("ix_case_members_case_id", "case_members", ["case_id"])
    op.create_table(
        "case_notes",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("case_id", sa.Integer, sa.ForeignKey("cases.id"), nullable=False),
        sa.Column("seq", sa.Integer, sa.ForeignKey("ledger.seq"), nullable=False),
        sa.Column("created_at", TIME, nullable=False),
        sa.Column("actor", sa.Text, nullable=False),
        sa.Column("incident", sa.String(200)),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("restricted", sa.Boolean, nullable=False),
        sa.UniqueConstraint("seq", name="uq_case_notes_seq"),
    )
    op.create_index("ix_case_notes_case_id", "case_notes", ["case_id"])
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
        op.drop_table(table)
