"""The cases area's tables (revision `0401_cases`), on the vault's `MetaData`.

- `cases`: one row per case; `seq` is its `case.create` ledger entry.
- `case_members`: each `add` / `remove` of an incident (by its public id, e.g. `inc-000042`)
  to or from a case; the primary key includes the ledger `seq` of the `case.add` /
  `case.remove` entry that recorded it. Membership as of ledger size N is the fold of the rows
  with `seq < N`.
- `case_notes`: a note on a case (optionally about one of its incidents); `seq` is its
  `case.note` entry; `restricted` notes (personal data of victims or witnesses) are left out of
  reports and exports unless restricted fields are asked for.

All three are append-only (database triggers refuse UPDATE and DELETE).
"""

from __future__ import annotations

from sqlalchemy import Boolean, Column, ForeignKey, Integer, String, Table, Text, UniqueConstraint

from factfinder.store.schema import metadata

TIME = String(32)

cases = Table(
    "cases",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(200), nullable=False),
    Column("description", Text),
    Column("created_at", TIME, nullable=False),
    Column("actor", Text, nullable=False),
    Column("seq", Integer, ForeignKey("ledger.seq"), nullable=False),
    UniqueConstraint("name", name="uq_cases_name"),
    UniqueConstraint("seq", name="uq_cases_seq"),
)

case_members = Table(
    "case_members",
    metadata,
    Column("seq", Integer, ForeignKey("ledger.seq"), primary_key=True, autoincrement=False),
    Column("incident", String(200), primary_key=True),
    Column("case_id", Integer, ForeignKey("cases.id"), nullable=False, index=True),
    Column("action", String(10), nullable=False),
)

case_notes = Table(
    "case_notes",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("case_id", Integer, ForeignKey("cases.id"), nullable=False, index=True),
    Column("seq", Integer, ForeignKey("ledger.seq"), nullable=False),
    Column("created_at", TIME, nullable=False),
    Column("actor", Text, nullable=False),
    Column("incident", String(200)),
    Column("text", Text, nullable=False),
    Column("restricted", Boolean, nullable=False),
    UniqueConstraint("seq", name="uq_case_notes_seq"),
)
