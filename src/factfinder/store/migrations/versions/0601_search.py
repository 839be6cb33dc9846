"""Item search folds Arabic spelling: hamza and madda forms of alef, taa marbuta, alef maqsura,
hamza seats, short vowels and tatweel.

Revision ID: 0601_search
Revises: 0001
Create Date: 2026-12-04

The same word is written أطفال or اطفال, مدرسة or مدرسه, with or without its short vowels;
a search must find all of them. The indexes therefore hold the folded text (as
`factfinder.arabic.fold_key` folds it; the query is folded the same way), while
`item_metadata` keeps the text as preserved.

- SQLite: `item_search` becomes a contentless FTS5 table (it can no longer read its columns
  from `item_metadata`, whose text is not folded); the triggers insert and delete the values
  folded by `factfinder_fold()`, the application's `factfinder.arabic.search_form` (folded,
  each Arabic word followed by its readings without proclitics) that `factfinder.store.engine`
  registers on every connection (deterministic). A client without it (the sqlite3 shell)
  can read the database but not add items, which only the application does. The index is
  rebuilt from every row.
- PostgreSQL: the immutable function `factfinder_fold(text)` folds in SQL and adds each
  Arabic word's reading without its proclitics (و ف, then ب ك ل with the article, لل, ب ك ل
  alone, the article), and the generated `search_vector` is rebuilt over the folded title and
  text.

PostgreSQL's fold is written out here (not imported) so that this revision stays frozen.
"""

from __future__ import annotations

from alembic import op

revision = "0601_search"
down_revision = "0001"
branch_labels = ("search",)
depends_on = None

# (from, to): letters and digits that fold to others, then marks that are dropped (as
# `factfinder.arabic.fold_key` folds them on 2026-12-04; punctuation needs no folding here,
# since the tokenisers split on it either way).
_LETTERS = (
    ("أ", "ا"),
    ("إ", "ا"),
    ("آ", "ا"),
    ("ٱ", "ا"),
    ("ٲ", "ا"),
    ("ٳ", "ا"),
    ("ة", "ه"),
    ("ى", "ي"),
    ("ؤ", "و"),
    ("ئ", "ي"),
    ("ک", "ك"),
    ("ی", "ي"),
    ("ہ", "ه"),
    ("ە", "ه"),
    *((chr(0x0660 + i), str(i)) for i in range(10)),
    *((chr(0x06F0 + i), str(i)) for i in range(10)),
)
_MARKS = (
    *(chr(c) for c in range(0x064B, 0x0660)),
    "\u0670",
    "\u0640",
    "\u200c",
    "\u200d",
    "\u200e",
    "\u200f",
    "\u061c",
    *(chr(c) for c in range(0x06D6, 0x06EE)),
)


def _sqlite_fold(expr: str) -> str:
    return f"factfinder_fold(coalesce({expr}, ''))"


# A word's readings without proclitics, as `strip_clitics` gives them (a stem of three letters
# or more must be left): without a conjunction (والرقه → الرقه), a preposition with the
# article read as the article (بالرقه, وللرقه → الرقه), and the bare stem (رقه).
_A = "\u0621-\u064a"
_READINGS = (
    (f"(^|[^{_A}])[وف](?=[{_A}]{{3}})", "\\1"),
    (f"(^|[^{_A}])[وف]?(?:[بكل]ال|لل)(?=[{_A}]{{3}})", "\\1ال"),
    (f"(^|[^{_A}])[وف]?(?:بال|كال|لل|ال|ب|ك|ل)?(?=[{_A}]{{3}})", "\\1"),
)
_PG_FUNCTION = (
    "CREATE OR REPLACE FUNCTION factfinder_fold(t text) RETURNS text "
    "LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT f"
    + "".join(f" || ' ' || regexp_replace(f, '{p}', '{r}', 'g')" for p, r in _READINGS)
    + " FROM (SELECT translate(coalesce(t, ''), "
    f"'{''.join(a for a, _ in _LETTERS)}{''.join(_MARKS)}', "
    f"'{''.join(b for _, b in _LETTERS)}') AS f) AS folded $$"
)


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for trigger in ("item_search_ai", "item_search_ad", "item_search_au"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS item_search")
        op.execute(
            "CREATE VIRTUAL TABLE item_search USING fts5(title, text, content='', "
            "tokenize='unicode61 remove_diacritics 2')"
        )
        new = f"new.item_id, {_sqlite_fold('new.title')}, {_sqlite_fold('new.text')}"
        old = f"'delete', old.item_id, {_sqlite_fold('old.title')}, {_sqlite_fold('old.text')}"
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
        op.execute(
            "INSERT INTO item_search(rowid, title, text) SELECT item_id, "
            f"{_sqlite_fold('title')}, {_sqlite_fold('text')} FROM item_metadata"
        )
        return
    op.get_bind().exec_driver_sql(_PG_FUNCTION)  # its regular expressions hold ":"
    op.execute("DROP INDEX IF EXISTS ix_item_metadata_search")
    op.execute("ALTER TABLE item_metadata DROP COLUMN IF EXISTS search_vector")
    op.execute(
        "ALTER TABLE item_metadata ADD COLUMN search_vector tsvector GENERATED ALWAYS AS "
        "(to_tsvector('simple', factfinder_fold(title) || ' ' || "
        "factfinder_fold(left(coalesce(text, ''), 200000)))) STORED"
    )
    op.execute("CREATE INDEX ix_item_metadata_search ON item_metadata USING gin (search_vector)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for trigger in ("item_search_ai", "item_search_ad", "item_search_au"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS item_search")
        op.execute(
            "CREATE VIRTUAL TABLE item_search USING fts5(title, text, content='item_metadata', "
            "content_rowid='item_id', tokenize='unicode61 remove_diacritics 2')"
        )
        op.execute(
            "CREATE TRIGGER item_search_ai AFTER INSERT ON item_metadata BEGIN "
            "INSERT INTO item_search(rowid, title, text) VALUES (new.item_id, new.title, "
            "new.text); END"
        )
        op.execute(
            "CREATE TRIGGER item_search_ad AFTER DELETE ON item_metadata BEGIN "
            "INSERT INTO item_search(item_search, rowid, title, text) "
            "VALUES ('delete', old.item_id, old.title, old.text); END"
        )
        op.execute(
            "CREATE TRIGGER item_search_au AFTER UPDATE ON item_metadata BEGIN "
            "INSERT INTO item_search(item_search, rowid, title, text) "
            "VALUES ('delete', old.item_id, old.title, old.text); "
            "INSERT INTO item_search(rowid, title, text) VALUES (new.item_id, new.title, "
            "new.text); END"
        )
        op.execute("INSERT INTO item_search(item_search) VALUES ('rebuild')")
        return
    op.execute("DROP INDEX IF EXISTS ix_item_metadata_search")
    op.execute("ALTER TABLE item_metadata DROP COLUMN IF EXISTS search_vector")
    op.execute(
        "ALTER TABLE item_metadata ADD COLUMN search_vector tsvector GENERATED ALWAYS AS "
        "(to_tsvector('simple', coalesce(title, '') || ' ' || left(coalesce(text, ''), 200000))) "
        "STORED"
    )
    op.execute("CREATE INDEX ix_item_metadata_search ON item_metadata USING gin (search_vector)")
    op.execute("DROP FUNCTION IF EXISTS factfinder_fold(text)")
