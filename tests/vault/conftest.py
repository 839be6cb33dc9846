"""Fixtures of the vault tests: small inputs of every kind, built here, and raw SQL access that
bypasses factfinder (to tamper with the evidence the way an attacker with the database would)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

import pytest
from sqlalchemy import text

from factfinder.services import Project

APPEND_ONLY = (
    "ledger",
    "checkpoints",
    "items",
    "acquisitions",
    "cases",
    "case_members",
    "case_notes",
    "link_runs",
    "incidents",
    "incident_members",
    "incident_assessments",
    "incident_decisions",
)

Tamper = Callable[..., None]


@pytest.fixture
def tamper(project: Project) -> Tamper:
    """Run SQL statements on the project's database outside factfinder: the append-only guards
    are dropped and foreign keys are not enforced, as in a hostile SQL shell (on SQLite the
    item search index's triggers too, since they call a function only the application
    registers)."""

    def run(*statements: str, **params: object) -> None:
        if project.engine.dialect.name == "sqlite":
            db = project.engine.url.database
            assert db
            conn = sqlite3.connect(db)
            try:
                for table in APPEND_ONLY:
                    for action in ("update", "delete"):
                        conn.execute(f"DROP TRIGGER IF EXISTS {table}_no_{action}")
                for trigger in ("item_search_ai", "item_search_ad", "item_search_au"):
                    conn.execute(f"DROP TRIGGER IF EXISTS {trigger}")
                for stmt in statements:
                    conn.execute(stmt, params)
                conn.commit()
            finally:
                conn.close()
            return
        with project.engine.begin() as c:
            c.execute(text("SET LOCAL session_replication_role = replica"))
            for stmt in statements:
                c.execute(text(stmt), params)

    return run
