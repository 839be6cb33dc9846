"""Shared fixtures. Tests that read ../shared skip cleanly when it is absent."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, settings

if TYPE_CHECKING:
    from factfinder.services import Project

# Property-based tests: no per-example deadline (the machine is shared and timings vary), and a
# modest number of examples by default so the suite stays fast; HYPOTHESIS_PROFILE=thorough
# runs ten times as many.
settings.register_profile(
    "factfinder", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("thorough", max_examples=600, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "factfinder"))

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAMPLES = ROOT / "samples"


@pytest.fixture
def shared_dir() -> Path:
    if not (SHARED / "eval" / "score.py").exists():
        pytest.skip("../shared is not present")
    return SHARED


# --- Databases (vault/store): SQLite always, PostgreSQL when FACTFINDER_TEST_POSTGRES_URL is set.
# The PostgreSQL base URL (e.g. postgresql://postgres@127.0.0.1:5432/test) is only used to create
# one throwaway database per test session (random name, dropped at the end); each test then gets
# its own schema in it, so tests never see each other's rows.

POSTGRES_ENV = "FACTFINDER_TEST_POSTGRES_URL"


@pytest.fixture(scope="session")
def postgres_database() -> Iterator[str]:
    """The URL of a fresh PostgreSQL database for this session (skips without the env var)."""
    import os
    import secrets

    base = os.environ.get(POSTGRES_ENV)
    if not base:
        pytest.skip(f"{POSTGRES_ENV} is not set")
    import psycopg
    from sqlalchemy.engine import make_url

    name = f"factfinder_test_{secrets.token_hex(6)}"
    admin = make_url(base).set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = make_url(admin).set(database=name).render_as_string(hide_password=False)
    try:
        yield url
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def postgres_url(postgres_database: str) -> Iterator[str]:
    """A PostgreSQL URL whose search_path is a schema of its own, dropped after the test."""
    import secrets

    import psycopg
    from sqlalchemy.engine import make_url

    schema = f"t_{secrets.token_hex(6)}"
    with psycopg.connect(postgres_database, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    url = make_url(postgres_database).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with psycopg.connect(postgres_database, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest) -> str | None:
    """None (SQLite in the project directory) or a PostgreSQL URL; tests using it run twice."""
    if request.param == "sqlite":
        return None
    url: str = request.getfixturevalue("postgres_url")
    return url


@pytest.fixture
def project(db_url: str | None, tmp_path: Path) -> Iterator[Project]:
    """A fresh project on each backend (`factfinder.services.Project`), closed afterwards."""
    from factfinder.services import Project

    p = Project.init(tmp_path / "project", db_url=db_url)
    try:
        yield p
    finally:
        p.close()
