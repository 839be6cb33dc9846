"""SQLite indexes the first 200,000 characters of an item's text, as PostgreSQL always has.

Revision ID: 0603_search
Revises: 0602_search
Create Date: 2026-12-06

PostgreSQL's generated `search_vector` reads `left(text, 200000)`; SQLite's triggers gave the
whole text to `factfinder_fold()`, a Python function that makes several folded copies of what
it is given: a page of 50 MB took 400 MB to index, and the same search could find a word far
down a long text on one backend and not on the other. The triggers now index the same prefix.
The contentless `item_search` is emptied and refilled, since its delete commands must repeat
the values that were inserted. Nothing changes on PostgreSQL.
"""

from __future__ import annotations

from alembic import op

revision = "0603_search"
down_revision = "0602_search"
branch_labels = None
depends_on = None

_TRIGGERS = ("item_search_ai", "item_search_ad", "item_search_au")


def _fold(expr: str) -> str:
    return f"factfinder_fold(coalesce({expr}, ''))"


def _triggers(text_of: str) -> None:
    """The three triggers, the text of a row read as `text_of` ("{}.text" or a prefix of it)."""
    for trigger in _TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    new = f"new.item_id, {_fold('new.title')}, {_fold(text_of.format('new'))}"
    old = f"'delete', old.item_id, {_fold('old.title')}, {_fold(text_of.format('old'))}"
    op.execute(
        "CREATE TRIGGER item_search_ai AFTER INSERT ON item_metadata BEGIN "
        f"INSERT INTO item_search(rowid, title, text) VALUES ({new}); END"
    )
    op.execute(
        "CREATE TRIGGER item_search_ad AFTER DELETE ON item_metadata BEGIN "
        f"INSERT INTO item_search(item_search, rowid, title, text) VALUES ({old}); END"
    )
    op.execute(
        "CREATE TRIGGER item_search_au AFTER UPDATE OF title, text ON item_metadata BEGIN "
        f"INSERT INTO item_search(item_search, rowid, title, text) VALUES ({old}); "
        f"INSERT INTO item_search(rowid, title, text) VALUES ({new}); END"
    )
    op.execute("INSERT INTO item_search(item_search) VALUES ('delete-all')")
    op.execute(
        "INSERT INTO item_search(rowid, title, text) SELECT item_id, "
        f"{_fold('title')}, {_fold(text_of.format('item_metadata'))} FROM item_metadata"
    )


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _triggers("substr({}.text, 1, 200000)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _triggers("{}.text")
