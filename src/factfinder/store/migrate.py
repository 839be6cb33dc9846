"""Run the packaged Alembic migrations programmatically, on open and on init.

A database stamped with a revision this code does not know was migrated by a newer factfinder:
that raises `ProjectError` instead of guessing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine

from factfinder.errors import ProjectError
from factfinder.store.engine import WRITE_OPTION

if TYPE_CHECKING:
    from alembic.config import Config

# Any constant will do: it names the advisory lock that keeps two processes on one PostgreSQL
# database from migrating at the same time (SQLite's BEGIN IMMEDIATE does the same there).
_PG_MIGRATION_LOCK = 0x46_46_4D_49  # "FFMI"


def alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", "factfinder.store:migrations")
    return cfg


def head_revisions() -> tuple[str, ...]:
    """The revisions this code migrates a database to."""
    from alembic.script import ScriptDirectory

    return tuple(ScriptDirectory.from_config(alembic_config()).get_heads())


def current_revisions(conn: Connection) -> tuple[str, ...]:
    from alembic.migration import MigrationContext

    return tuple(MigrationContext.configure(conn).get_current_heads())


def upgrade(engine: Engine) -> None:
    """Bring the database to the newest revision; a no-op when it is there already."""
    from alembic import command
    from alembic.script import ScriptDirectory

    cfg = alembic_config()
    script = ScriptDirectory.from_config(cfg)
    heads = set(script.get_heads())
    with engine.connect() as raw:
        conn = raw.execution_options(**{WRITE_OPTION: True})
        with conn.begin():
            if conn.dialect.name == "postgresql":
                conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_PG_MIGRATION_LOCK})")
            current = set(current_revisions(conn))
            unknown = sorted(rev for rev in current if _lookup(script, rev) is None)
            if unknown:
                raise ProjectError(
                    f"the database schema is at revision {', '.join(unknown)}, which this "
                    "factfinder does not know: it was written by a newer version; upgrade "
                    "factfinder"
                )
            if current and heads <= _applied(script, current):
                return
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "heads")


def _applied(script: object, current: set[str]) -> set[str]:
    """Every revision a database stamped `current` has (they and their ancestors, following
    `depends_on` too: Alembic stamps only the tips)."""
    from alembic.script import ScriptDirectory

    assert isinstance(script, ScriptDirectory)
    return {rev.revision for rev in script.iterate_revisions(tuple(current), "base")}


def is_current(conn: Connection) -> bool:
    """True when the database has every revision this code knows."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    current = set(current_revisions(conn))
    return bool(current) and set(script.get_heads()) <= _applied(script, current)


def _lookup(script: object, rev: str) -> object | None:
    from alembic.script import ScriptDirectory
    from alembic.util import CommandError

    assert isinstance(script, ScriptDirectory)
    try:
        return script.get_revision(rev)
    except CommandError:
        return None
