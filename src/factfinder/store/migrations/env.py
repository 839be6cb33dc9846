"""Alembic environment: migrations always run on a connection that factfinder hands over in
`config.attributes["connection"]` (see `factfinder.store.migrate`); there is no ini file and no
URL here, so the same revisions serve SQLite and PostgreSQL."""

from __future__ import annotations

from alembic import context

from factfinder.store.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("factfinder migrations run through factfinder.store.migrate.upgrade()")

context.configure(
    connection=connection,
    target_metadata=metadata,
    # SQLite cannot ALTER most things; batch mode rebuilds tables when a revision needs it.
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
