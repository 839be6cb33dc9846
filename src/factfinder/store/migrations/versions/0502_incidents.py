"""Incidents: full-text search, and the incident list's indexes.

Revision ID: 0502_incidents
Revises: 0501_incidents
Create Date: 2026-11-27

`incident_search` holds one document per incident of the latest link run, in three columns
that differ in who may search them (`facts`, `sources`, `personal`; see
`factfinder.store.search`). SQLite indexes it with the FTS5 table `incident_fts` (external
content, kept in step by triggers, as `item_search` is in 0001); PostgreSQL with generated
tsvectors and GIN indexes: `search_vector` (all three parts) and `shared_vector` (facts and
sources, weighted A and B). Unlike the other incidents tables it is derived and rewritten by
each run, so it is not append-only.

An existing project is backfilled here with the facts of its latest run (built in SQL, so this
revision stays frozen); its next link run (any analyst's decision makes one) writes the full
documents with the member claims' text.

The list's indexes (run + filter + page order) were first created by the users branch's
`0303_users`; they belong to this area, so they are created here (`IF NOT EXISTS`: a database
that ran the old 0303 has them already) and 0303 no longer touches them. The date index
gains the page order (`incident_id`) and so a new name; 0303's is dropped.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0502_incidents"
down_revision = "0501_incidents"
branch_labels = None
depends_on = None

LIST_INDEXES = {
    "ix_incidents_run_governorate": ["run_id", "governorate", "incident_id"],
    "ix_incidents_run_event_type": ["run_id", "event_type", "incident_id"],
    "ix_incidents_run_perpetrator": ["run_id", "perpetrator", "incident_id"],
    "ix_incidents_run_grade": ["run_id", "grade", "incident_id"],
    "ix_incidents_run_governorate_event": ["run_id", "governorate", "event_type", "incident_id"],
    # With the page order last, a date range's page of ids is read from the index alone.
    "ix_incidents_run_dates_id": ["run_id", "date_start", "date_end", "incident_id"],
}
# 0303_users's date index, which the one above replaces.
OLD_DATES_INDEX = "ix_incidents_run_dates"
COLUMNS = "facts, sources, personal"
# The facts of the latest run's incidents, as plain lowercase words (separators that the
# backends' tokenisers might keep inside a word — '-' in 'inc-000042', '_' in 'mass_grave' —
# become spaces); diacritics are left to the next run.
BACKFILL = (
    "INSERT INTO incident_search (incident_id, run_id, doc_hash, facts, sources, personal) "
    "SELECT incident_id, run_id, NULL, lower(replace(replace("
    "incident_id || ' ' || coalesce(place, '') || ' ' || coalesce(governorate, '') || ' ' || "
    "event_type || ' ' || perpetrator, '-', ' '), '_', ' ')), '', '' "
    "FROM incidents WHERE run_id = (SELECT max(id) FROM link_runs)"
)


def upgrade() -> None:
    op.drop_index(OLD_DATES_INDEX, table_name="incidents", if_exists=True)
    for name, columns in LIST_INDEXES.items():
        op.create_index(name, "incidents", columns, if_not_exists=True)
    op.create_table(
        "incident_search",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("incident_id", sa.String(40), nullable=False),
        sa.Column("run_id", sa.Integer, nullable=False),
        sa.Column("doc_hash", sa.String(71)),
        sa.Column("facts", sa.Text, nullable=False),
        sa.Column("sources", sa.Text, nullable=False),
        sa.Column("personal", sa.Text, nullable=False),
        sa.UniqueConstraint("incident_id", name="uq_incident_search_incident_id"),
    )
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            f"CREATE VIRTUAL TABLE incident_fts USING fts5({COLUMNS}, content='incident_search', "
            "content_rowid='id', tokenize='unicode61 remove_diacritics 2')"
        )
        new = "new.id, new.facts, new.sources, new.personal"
        old = "old.id, old.facts, old.sources, old.personal"
        op.execute(
            "CREATE TRIGGER incident_fts_ai AFTER INSERT ON incident_search BEGIN "
            f"INSERT INTO incident_fts(rowid, {COLUMNS}) VALUES ({new}); END"
        )
        op.execute(
            "CREATE TRIGGER incident_fts_ad AFTER DELETE ON incident_search BEGIN "
            f"INSERT INTO incident_fts(incident_fts, rowid, {COLUMNS}) VALUES ('delete', {old}); "
            "END"
        )
        op.execute(
            "CREATE TRIGGER incident_fts_au AFTER UPDATE ON incident_search BEGIN "
            f"INSERT INTO incident_fts(incident_fts, rowid, {COLUMNS}) VALUES ('delete', {old}); "
            f"INSERT INTO incident_fts(rowid, {COLUMNS}) VALUES ({new}); END"
        )
    else:
        # 'simple' (no stemming: the corpus is multilingual); the parts are capped because a
        # tsvector may not exceed 1 MB. Two vectors, each with its GIN index: all three parts
        # for roles that may read restricted data, facts (A) and sources (B) for the others,
        # so that neither search has to read rows to drop words of the wrong part.
        facts = "setweight(to_tsvector('simple', facts), 'A')"
        sources = "setweight(to_tsvector('simple', left(sources, 200000)), 'B')"
        personal = "setweight(to_tsvector('simple', left(personal, 100000)), 'C')"
        for name, parts in (
            ("search_vector", f"{facts} || {sources} || {personal}"),
            ("shared_vector", f"{facts} || {sources}"),
        ):
            op.execute(
                f"ALTER TABLE incident_search ADD COLUMN {name} tsvector "
                f"GENERATED ALWAYS AS ({parts}) STORED"
            )
            op.execute(
                f"CREATE INDEX ix_incident_search_{name} ON incident_search USING gin ({name})"
            )
    op.execute(BACKFILL)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for action in ("ai", "ad", "au"):
            op.execute(f"DROP TRIGGER IF EXISTS incident_fts_{action}")
        op.execute("DROP TABLE IF EXISTS incident_fts")
    op.drop_table("incident_search")
    for name in LIST_INDEXES:
        op.drop_index(name, table_name="incidents", if_exists=True)
