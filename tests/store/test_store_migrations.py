from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from factfinder.errors import ProjectError
from factfinder.services import Project
from factfinder.store.migrate import alembic_config, is_current


def test_each_area_owns_one_branch_after_the_vault() -> None:
    """One base (the vault's 0001); each area's revisions chain on one labelled branch after it
    (following `down_revision`; `depends_on` may point into another area's branch)."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    assert script.get_bases() == ["0001"]
    owners: dict[str, str] = {}
    for head in script.get_heads():
        labels: set[str] = set()
        rev = script.get_revision(head)
        while rev is not None and rev.revision != "0001":
            assert isinstance(rev.down_revision, str), f"{rev.revision} merges branches"
            labels |= set(rev.branch_labels)
            rev = script.get_revision(rev.down_revision)
        assert len(labels) == 1, f"the branch ending at {head} carries labels {labels}"
        (label,) = labels
        assert label not in owners, f"{head} and {owners[label]} both end branch {label!r}"
        owners[label] = head


def test_init_creates_the_schema_and_open_keeps_it(project: Project) -> None:
    with project.read() as conn:
        assert is_current(conn)
        size = conn.execute(text("SELECT size FROM ledger_head")).scalar_one()
    assert size == 0
    reopened = Project.open(project.root)
    try:
        assert reopened.log_id == project.log_id
    finally:
        reopened.close()


def test_a_database_newer_than_the_code_is_refused(project: Project) -> None:
    with project.transaction() as tx:
        tx.conn.execute(text("DELETE FROM alembic_version"))
        tx.conn.execute(text("INSERT INTO alembic_version (version_num) VALUES ('9999_future')"))
    with pytest.raises(ProjectError, match="newer version"):
        Project.open(project.root)


def test_ledger_rows_cannot_be_changed_through_sql(project: Project) -> None:
    with project.transaction(actor="test") as tx:
        tx.append_ledger("test.note", {"n": 1})
    with pytest.raises(Exception, match="append-only"), project.transaction() as tx:
        tx.conn.execute(text("UPDATE ledger SET actor = 'mallory'"))
    with pytest.raises(Exception, match="append-only"), project.transaction() as tx:
        tx.conn.execute(text("DELETE FROM ledger"))


def test_opening_a_directory_that_is_not_a_project_names_it(tmp_path: Path) -> None:
    with pytest.raises(ProjectError, match="not a factfinder project"):
        Project.open(tmp_path)


def test_init_twice_is_refused(project: Project) -> None:
    with pytest.raises(ProjectError, match="already a factfinder project"):
        Project.init(project.root)
