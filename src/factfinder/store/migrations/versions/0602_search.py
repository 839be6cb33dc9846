"""Item search folds Latin diacritics on both backends: Hajin finds Hajīn, Hama finds Ḥamā.

Revision ID: 0602_search
Revises: 0601_search
Create Date: 2026-12-05

SQLite's FTS5 tokenizer removed diacritics (`remove_diacritics 2`) but PostgreSQL's `simple`
configuration keeps them, so the same search found an item on one backend and not on the
other. The fold now happens before either index sees the text, as
`factfinder.arabic.search_key` folds it (the query is folded the same way): a precomposed
Latin letter becomes its lowercase base letter (ī → i, Ḥ → h), a letter with a stroke its
letter (ø ł đ ħ ı ŧ), and combining marks and the modifier letters of transliteration
(ʻ ʼ ʾ ʿ) are dropped. No extension (`unaccent`) is needed.

- SQLite: `factfinder_fold()` (the application's `search_form`, registered on every
  connection) now folds them; the contentless `item_search` is emptied and refilled from
  every row, since its delete commands must repeat the values that were inserted.
- PostgreSQL: `factfinder_fold(text)` is replaced by the same function with the Latin letters
  added to its `translate`, and the generated `search_vector` is rebuilt.

The tables are written out here (not imported) so that this revision stays frozen; the Latin
letters are computed from canonical decompositions, which Unicode never changes.
"""

from __future__ import annotations

import unicodedata

from alembic import op

revision = "0602_search"
down_revision = "0601_search"
branch_labels = None
depends_on = None

# As revision 0601_search (the Arabic fold and the readings without proclitics).
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
_A = "\u0621-\u064a"
_READINGS = (
    (f"(^|[^{_A}])[وف](?=[{_A}]{{3}})", "\\1"),
    (f"(^|[^{_A}])[وف]?(?:[بكل]ال|لل)(?=[{_A}]{{3}})", "\\1ال"),
    (f"(^|[^{_A}])[وف]?(?:بال|كال|لل|ال|ب|ك|ل)?(?=[{_A}]{{3}})", "\\1"),
)

# The Latin fold of 2026-12-05 (`factfinder.arabic.LATIN_LETTERS`, `LATIN_DROPPED`).
_STROKES = {"ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ħ": "h", "Ħ": "h"}
_STROKES |= {"ı": "i", "ŧ": "t", "Ŧ": "t"}
_LATIN_DROPPED = "\u02bb\u02bc\u02be\u02bf" + "".join(
    chr(c) for c in (*range(0x0300, 0x0370), *range(0x1AB0, 0x1B00), *range(0x1DC0, 0x1E00))
)


def _latin_letters() -> tuple[tuple[str, str], ...]:
    letters = dict(_STROKES)
    for cp in (*range(0x00C0, 0x0250), *range(0x1E00, 0x1F00)):
        ch = chr(cp)
        base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
        if base != ch and len(base) == 1 and base.isalpha():
            letters[ch] = _STROKES.get(base, base).lower()
    return tuple(letters.items())


_LATIN_LETTERS = _latin_letters()


def _pg_function(letters: tuple[tuple[str, str], ...], dropped: str) -> str:
    """`CREATE OR REPLACE FUNCTION factfinder_fold` translating `letters` and dropping
    `dropped` (`translate` drops the characters of its second argument that the third lacks),
    then adding the readings without proclitics (as revision 0601_search)."""
    return (
        "CREATE OR REPLACE FUNCTION factfinder_fold(t text) RETURNS text "
        "LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT f"
        + "".join(f" || ' ' || regexp_replace(f, '{p}', '{r}', 'g')" for p, r in _READINGS)
        + " FROM (SELECT translate(coalesce(t, ''), "
        f"'{''.join(a for a, _ in letters)}{dropped}', "
        f"'{''.join(b for _, b in letters)}') AS f) AS folded $$"
    )


def _rebuild_pg_vector() -> None:
    # A generated column is computed when its row is written: replacing the function does not
    # recompute it, so the column is added again.
    op.execute("DROP INDEX IF EXISTS ix_item_metadata_search")
    op.execute("ALTER TABLE item_metadata DROP COLUMN IF EXISTS search_vector")
    op.execute(
        "ALTER TABLE item_metadata ADD COLUMN search_vector tsvector GENERATED ALWAYS AS "
        "(to_tsvector('simple', factfinder_fold(title) || ' ' || "
        "factfinder_fold(left(coalesce(text, ''), 200000)))) STORED"
    )
    op.execute("CREATE INDEX ix_item_metadata_search ON item_metadata USING gin (search_vector)")


def _refill_sqlite_index() -> None:
    """Empty the contentless `item_search` and fill it again with every row, folded by the
    connection's `factfinder_fold()`."""
    op.execute("INSERT INTO item_search(item_search) VALUES ('delete-all')")
    op.execute(
        "INSERT INTO item_search(rowid, title, text) SELECT item_id, "
        "factfinder_fold(coalesce(title, '')), factfinder_fold(coalesce(text, '')) "
        "FROM item_metadata"
    )


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _refill_sqlite_index()
        return
    # Its regular expressions hold ":", which a bound-parameter parser would read.
    letters = _LETTERS + _LATIN_LETTERS
    op.get_bind().exec_driver_sql(_pg_function(letters, "".join(_MARKS) + _LATIN_DROPPED))
    _rebuild_pg_vector()


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        # The connection folds as the running code does; the index must hold exactly that.
        _refill_sqlite_index()
        return
    op.get_bind().exec_driver_sql(_pg_function(_LETTERS, "".join(_MARKS)))
    _rebuild_pg_vector()
