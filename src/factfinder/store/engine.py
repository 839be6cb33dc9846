"""Engines for the two supported databases.

SQLite (the default, one file in the project directory) runs in WAL mode with foreign keys on.
Pysqlite's own transaction handling is switched off so that SQLAlchemy's `begin` decides how a
transaction starts: a connection marked for writing (`execution_options(factfinder_write=True)`)
starts with `BEGIN IMMEDIATE`, which takes the single write lock up front, so two writers queue
instead of failing with "database is locked" half-way through; readers use a deferred `BEGIN`
and see a consistent snapshot. PostgreSQL URLs (`postgresql://…`) use psycopg 3.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event
from sqlalchemy import create_engine as _sa_create_engine
from sqlalchemy.engine import make_url

from factfinder.arabic import search_form
from factfinder.errors import ProjectError

WRITE_OPTION = "factfinder_write"
# How long a writer waits for another writer's lock before giving up (seconds).
SQLITE_BUSY_TIMEOUT = 60.0


def normalise_url(url: str) -> str:
    """A database URL with the driver factfinder uses: psycopg 3 for PostgreSQL, pysqlite for SQLite."""
    try:
        parsed = make_url(url)
    except Exception as exc:
        raise ProjectError(f"not a database URL: {url!r}") from exc
    backend = parsed.get_backend_name()
    if backend == "postgresql":
        return parsed.set(drivername="postgresql+psycopg").render_as_string(hide_password=False)
    if backend == "sqlite":
        return parsed.set(drivername="sqlite+pysqlite").render_as_string(hide_password=False)
    raise ProjectError(f"unsupported database {backend!r} in {url!r}: use SQLite or PostgreSQL")


def sqlite_url(path: Path) -> str:
    return f"sqlite+pysqlite:///{path.resolve()}"


def create_engine(url: str) -> Engine:
    """An engine for `url` (SQLite file or PostgreSQL), configured as described above."""
    full = normalise_url(url)
    if full.startswith("sqlite"):
        return _sqlite_engine(full)
    return _sa_create_engine(full, pool_pre_ping=True)


def _sqlite_engine(url: str) -> Engine:
    engine = _sa_create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy's begin event issue BEGIN itself (the documented pysqlite recipe).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        # NORMAL in WAL mode survives a killed process (only a power cut can lose the last
        # commits, never corrupt the file); FULL would fsync the WAL on every commit.
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()
        # The item search index holds folded text (revisions 0601_search and 0602_search: its
        # triggers call it).
        dbapi_connection.create_function("factfinder_fold", 1, _fold, deterministic=True)

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        if conn.get_execution_options().get(WRITE_OPTION):
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            conn.exec_driver_sql("BEGIN")

    return engine


def _fold(value: str | None) -> str | None:

    return None if value is None else search_form(value)


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def refresh_statistics(engine: Engine, tables: Sequence[str]) -> None:
    """Refresh PostgreSQL's planner statistics of `tables` after many of their rows were
    written at once (a link run). Until autovacuum gets to them — never, where it is off — the
    planner takes a table of 100,000 new rows for nearly empty and may choose an index that
    reads all of it (the map's box filtered by grade read every incident of that grade).
    Statistics are not data: nothing is ledgered. SQLite plans these queries well without
    them, and its statistics are left as they are."""
    if engine.dialect.name != "postgresql":
        return
    with engine.begin() as conn:
        for table in tables:
            conn.exec_driver_sql(f'ANALYZE "{table}"')
