"""Alembic migrations of the factfinder schema (run by `factfinder.store.migrate`)."""
