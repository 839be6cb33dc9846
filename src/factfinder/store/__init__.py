"""The database: one schema (SQLAlchemy Core tables), engines for SQLite and PostgreSQL, and the
Alembic migrations that ship inside the package.

- `factfinder.store.schema`: the `Table` objects of the vault (`items`, `item_metadata`,
  `acquisitions`, `item_links`, `ledger`, `ledger_head`, `checkpoints`, `project_meta`).
- `factfinder.store.engine`: `create_engine(url)` with the SQLite settings (WAL, foreign keys,
  `BEGIN IMMEDIATE` for writers) and the PostgreSQL driver choice.
- `factfinder.store.migrate`: `upgrade(engine)` runs the migrations programmatically; a database
  whose revision this code does not know raises `ProjectError`.
- `factfinder.store.search`: full-text search over item text (FTS5 / tsvector).

Later areas add their own tables with Alembic revisions in `store/migrations/versions/`, each
area on its own labelled branch after the vault's `0001` (`depends_on` for another area's
tables; `tests/store` checks the shape), and describe them with their own `Table` objects on
`schema.metadata` (e.g. in `store/schema_<area>.py`). `upgrade` goes to all heads.
"""
