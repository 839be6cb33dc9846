"""Incident search folds Latin letters with a stroke and transliteration marks, as item search
does.

Revision ID: 0503_incidents
Revises: 0502_incidents
Create Date: 2026-12-05

`incident_search` holds documents already folded by `factfinder.store.search.index_words`,
which now starts from the item search's fold (`factfinder.arabic.search_key`, revision
0602_search): besides the diacritics it removed before, a letter with a stroke becomes its
letter (ø ł đ ħ ı ŧ → o l d h i t) and the modifier letters of transliteration (ʻ ʼ ʾ ʿ) are
dropped, so that `Ras al Ayn` finds `Raʾs al-ʿAyn` and `Lodz` finds `Łódź`. The stored
documents are folded here the same way (their words are already lowercase, without
combining marks), so that a query folded the new way finds them before the next link run;
their `doc_hash` is cleared, so that the next run writes them afresh. The FTS5 triggers
(SQLite) and the generated vectors (PostgreSQL) follow the rows.

The characters are written out here (not imported) so that this revision stays frozen.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0503_incidents"
down_revision = "0502_incidents"
branch_labels = None
depends_on = None

_TABLE = str.maketrans(
    {"ø": "o", "ł": "l", "đ": "d", "ħ": "h", "ı": "i", "ŧ": "t"}
    | dict.fromkeys("\u02bb\u02bc\u02be\u02bf")
)
_PARTS = ("facts", "sources", "personal")
_BATCH = 500


def upgrade() -> None:
    conn = op.get_bind()
    last = 0
    while True:
        rows = conn.execute(
            sa.text(
                "SELECT id, facts, sources, personal FROM incident_search WHERE id > :last "
                "ORDER BY id LIMIT :n"
            ),
            {"last": last, "n": _BATCH},
        ).all()
        if not rows:
            return
        last = rows[-1].id
        changed = []
        for row in rows:
            folded = {p: getattr(row, p).translate(_TABLE) for p in _PARTS}
            if any(folded[p] != getattr(row, p) for p in _PARTS):
                changed.append({"row_id": row.id, **folded})
        if changed:
            conn.execute(
                sa.text(
                    "UPDATE incident_search SET facts = :facts, sources = :sources, "
                    "personal = :personal, doc_hash = NULL WHERE id = :row_id"
                ),
                changed,
            )


def downgrade() -> None:
    """Nothing to undo: the folded documents hold words that the older fold's queries miss only
    where they held these characters, and the next link run writes them afresh."""
