"""The service layer: THE API that the CLI and the web app call (CONVENTIONS.md). Every mutation
goes through a `Project` transaction and writes its ledger entry in the same transaction.

Open or create a project, then work in transactions:

    from factfinder.services import Project

    project = Project.init(path, db_url=None)      # or Project.open(path); close() when done
    with project.transaction(actor="cli:alice") as tx:   # one DB transaction (BEGIN IMMEDIATE)
        tx.conn.execute(insert(my_table).values(...))    # SQLAlchemy Core on tx.conn
        tx.append_ledger(kind="claim.accept",            # ledger entry in the SAME transaction
                         payload={"claim": 17, "item": "sha256:…", "fields": {...}},
                         subject="claim:17")
    with project.read() as conn:                         # read-only snapshot
        conn.execute(select(...))

Rules for areas building on this:
- `kind` is `<area>.<verb>`; the payload binds the change (ids, hashes, the values written), so
  `factfinder verify` or the area's own check can compare the rows with the ledger.
- Schema changes are Alembic revisions in `factfinder/store/migrations/versions/`, one labelled
  branch per area after the vault's `0001`; `Project.open` migrates to all heads.
- `tx.now` is the transaction's time (ISO UTC); entries default to it. `tx.entries` lists the
  entries appended so far.
- To have `factfinder verify` check an area's rows against its entries, write the check (a
  function of a read connection yielding `factfinder.vault.verify.Problem`) in the area's
  queries and add it to `factfinder.services.verification.STAGE_CHECKS`.
- Read-only queries are plain functions taking a `Project` (or a `Connection`) and returning
  frozen dataclasses; see `factfinder.services.preserve.items`.
- The blob store is `project.blobs`; the ledger's signing key `project.signing_key`.

One package per stage, each with its commands (writes) apart from its queries (reads; a query
module never imports a command module): `preserve` (ingest, the vault, verify, proofs),
`claims` (extraction, review), `incidents` (linking, decisions, search), `cases` (cases,
reports, exports, packages), `access` (accounts, restriction marks, comments). `workspace` is
the dashboard that reads them all; `verification` runs every stage's `verify` checks. Subject strings (`item:…`, `claim:…`) come from
`factfinder.subjects`.
"""

from __future__ import annotations

from factfinder.services.project import Project, ProjectConfig, Transaction, default_actor

__all__ = ["Project", "ProjectConfig", "Transaction", "default_actor"]
