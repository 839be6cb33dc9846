"""The incidents area's tables (revision `0501_incidents`), on the shared `schema.metadata`.

Every table is append-only; each row carries the `seq` of the ledger entry that wrote it, so
the incidents as of any ledger size are a query (`seq < size`).

- `link_runs`: one row per run of the linker over the project's claims (`link.run` entry).
- `incidents`: the incidents a run produced, with the columns lists and maps filter on and the
  whole incident in the JSON form of docs/CLAIMS.md (`body`, with its explanation).
- `incident_members`: which stored claim is in which incident of a run, and the score and
  features of the link that brought it in (none for the first claim of an incident).
- `incident_assessments`: each incident's grade (rules' verdict and analyst's override) and the
  reconciled figures, with the versions of the rules that produced them.
- `incident_decisions`: analysts' decisions (merge, split, move, confirm, grade), each its own
  ledger entry; every run re-applies them, so re-linking never undoes one.

Revision `0502_incidents` adds `incident_search`: the full-text document of each incident of
the latest run (see `factfinder.services.incidents.index` and `factfinder.store.search`). It
is derived, not evidence: rewritten in the transaction of every run (only the documents that
changed), so it is not append-only. The FTS5 table (SQLite) and the `search_vector` column
(PostgreSQL) that index it are backend-specific and live in the revision only.
"""

from __future__ import annotations

from sqlalchemy import Boolean, Column, Float, ForeignKey, Integer, String, Table, Text

from factfinder.store.schema import metadata

TIME = String(32)
INCIDENT_ID = String(40)

link_runs = Table(
    "link_runs",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("seq", Integer, ForeignKey("ledger.seq"), nullable=False, unique=True),
    Column("created_at", TIME, nullable=False),
    Column("actor", Text, nullable=False),
    Column("claims", Integer, nullable=False),
    Column("incidents", Integer, nullable=False),
    Column("versions", Text, nullable=False),
)

incidents = Table(
    "incidents",
    metadata,
    Column("run_id", Integer, ForeignKey("link_runs.id"), primary_key=True, autoincrement=False),
    Column("incident_id", INCIDENT_ID, primary_key=True),
    Column("seq", Integer, ForeignKey("ledger.seq"), nullable=False),
    Column("date_start", String(10)),
    Column("date_end", String(10)),
    Column("date_precision", String(10), nullable=False),
    Column("place", Text),
    Column("governorate", String(80)),
    Column("lat", Float),
    Column("lon", Float),
    Column("event_type", String(20), nullable=False),
    Column("perpetrator", String(30), nullable=False),
    Column("killed_min", Integer),
    Column("killed_max", Integer),
    Column("civilians_min", Integer),
    Column("civilians_max", Integer),
    Column("grade", String(20)),
    Column("independent_sources", Integer, nullable=False),
    Column("members", Integer, nullable=False),
    Column("confirmed", Boolean, nullable=False),
    Column("body", Text, nullable=False),
)

incident_members = Table(
    "incident_members",
    metadata,
    Column("run_id", Integer, ForeignKey("link_runs.id"), primary_key=True, autoincrement=False),
    Column("claim_id", Integer, ForeignKey("claims.id"), primary_key=True, autoincrement=False),
    Column("incident_id", INCIDENT_ID, nullable=False),
    Column("ordinal", Integer, nullable=False),
    Column("score", Float),
    Column("features", Text),
)

incident_assessments = Table(
    "incident_assessments",
    metadata,
    Column("run_id", Integer, ForeignKey("link_runs.id"), primary_key=True, autoincrement=False),
    Column("incident_id", INCIDENT_ID, primary_key=True),
    Column("grade", String(20), nullable=False),
    Column("rules_grade", String(20), nullable=False),
    Column("grading_version", String(20), nullable=False),
    Column("reconcile_version", String(20), nullable=False),
    Column("override_reason", Text),
    Column("body", Text, nullable=False),
)

incident_decisions = Table(
    "incident_decisions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("seq", Integer, ForeignKey("ledger.seq"), nullable=False, unique=True),
    Column("created_at", TIME, nullable=False),
    Column("actor", Text, nullable=False),
    Column("kind", String(10), nullable=False),
    Column("incident_id", INCIDENT_ID, nullable=False),
    Column("payload", Text, nullable=False),
)

incident_search = Table(
    "incident_search",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("incident_id", INCIDENT_ID, nullable=False, unique=True),
    Column("run_id", Integer, nullable=False),
    Column("doc_hash", String(71)),
    Column("facts", Text, nullable=False),
    Column("sources", Text, nullable=False),
    Column("personal", Text, nullable=False),
)
