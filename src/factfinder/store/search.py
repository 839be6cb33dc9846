"""Full-text search over item titles and text: SQLite FTS5 or PostgreSQL `tsvector`.

The user's query is reduced to its words (every word must occur, in any order), so no query
can be an FTS syntax error.
"""

from __future__ import annotations

import re

from sqlalchemy import Connection, text

_WORD = re.compile(r"\w+", re.UNICODE)


def search_item_ids(conn: Connection, query: str, limit: int = 50) -> list[int]:
    """Ids of the items matching every word of `query`, best match first."""
    words = _WORD.findall(query)
    if not words:
        return []
    if conn.dialect.name == "sqlite":
        match = " ".join('"' + w.replace('"', "") + '"' for w in words)
        rows = conn.execute(
            text(
                "SELECT rowid FROM item_search WHERE item_search MATCH :q "
                "ORDER BY bm25(item_search) LIMIT :n"
            ),
            {"q": match, "n": limit},
        )
    else:
        rows = conn.execute(
            text(
                "SELECT item_id FROM item_metadata "
                "WHERE search_vector @@ plainto_tsquery('simple', :q) "
                "ORDER BY ts_rank(search_vector, plainto_tsquery('simple', :q)) DESC, item_id "
                "LIMIT :n"
            ),
            {"q": " ".join(words), "n": limit},
        )
    return [int(r[0]) for r in rows]
