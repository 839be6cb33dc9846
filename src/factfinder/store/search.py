"""Full-text search: SQLite FTS5 or PostgreSQL `tsvector`, over items and over incidents.

The user's query is reduced to its words (every word must occur, in any order), so no query
can be an FTS syntax error.

- Items: titles and text (`item_search` FTS5 table / `item_metadata.search_vector`, revision
  0001).
- Incidents: one document per incident of the latest link run in `incident_search` (revision
  0502_incidents), in three columns that differ in who may search them: `facts` (what every
  role sees in the list: id, place, governorate, event type, perpetrator group), `sources`
  (member claims' sentences, claimants, publishers, titles) and `personal` (witnesses' names
  and statements). SQLite indexes it with the `incident_fts` FTS5 table and a column filter;
  PostgreSQL with one `search_vector` whose parts carry the weights A, B and C, and
  `ts_filter` keeps a search to the weights its scope allows. The documents are stored already
  folded by `index_words` (lowercase, no diacritics, letters and digits only), so both backends
  split them, and the query, into the same words.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from sqlalchemy import Connection, String, TextClause, column, text
from sqlalchemy.sql.selectable import TextualSelect

_WORD = re.compile(r"\w+", re.UNICODE)
_INDEX_WORD = re.compile(r"[^\W_]+", re.UNICODE)

# Which columns (SQLite) and weights (PostgreSQL) each incident search scope reads.
INCIDENT_SCOPES: dict[str, tuple[tuple[str, ...], str]] = {
    "all": (("facts", "sources", "personal"), "abc"),
    "shared": (("facts", "sources"), "ab"),
    "facts": (("facts",), "a"),
}


def fts5_match(words: Sequence[str], columns: Sequence[str] = ()) -> str:
    """An FTS5 MATCH expression: every word (quoted, so never syntax) in the given columns."""
    phrase = " ".join('"' + w.replace('"', "") + '"' for w in words)
    return "{" + " ".join(columns) + "} : (" + phrase + ")" if columns else phrase


def search_item_ids(conn: Connection, query: str, limit: int = 50) -> list[int]:
    """Ids of the items matching every word of `query`, best match first."""
    words = _WORD.findall(query)
    if not words:
        return []
    if conn.dialect.name == "sqlite":
        rows = conn.execute(
            text(
                "SELECT rowid FROM item_search WHERE item_search MATCH :q "
                "ORDER BY bm25(item_search) LIMIT :n"
            ),
            {"q": fts5_match(words), "n": limit},
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


def index_words(value: str) -> list[str]:
    """The words of `value` as the incident index stores them: lowercase, without diacritics
    (NFKD, combining marks dropped: `Hajīn` → `hajin`, Arabic short vowels and hamza seats
    too), split on anything that is not a letter or a digit (`inc-000042` → `inc`, `000042`)."""
    decomposed = unicodedata.normalize("NFKD", value.casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _INDEX_WORD.findall(plain)


def incident_matches(dialect: str, words: Sequence[str], scope: str, key: str) -> TextualSelect:
    """`SELECT incident_id FROM incident_search` where the document holds every word (already
    folded by `index_words`) in the columns of `scope` (`INCIDENT_SCOPES`). `key` names the
    bound parameter, so that one statement can hold several of these."""
    if not words:
        raise ValueError("an incident search needs at least one word")
    columns, weights = INCIDENT_SCOPES[scope]
    clause: TextClause
    if dialect == "sqlite":
        clause = text(
            "SELECT incident_id FROM incident_search WHERE id IN "
            f"(SELECT rowid FROM incident_fts WHERE incident_fts MATCH :{key})"
        ).bindparams(**{key: fts5_match(words, columns)})
    else:
        query = f"plainto_tsquery('simple', :{key})"
        condition = f"search_vector @@ {query}"
        if scope != "all":
            # The GIN index finds the candidates; ts_filter then drops those that hold a
            # word only in a part this scope may not read.
            condition += f" AND ts_filter(search_vector, '{{{','.join(weights)}}}') @@ {query}"
        clause = text(f"SELECT incident_id FROM incident_search WHERE {condition}").bindparams(
            **{key: " ".join(words)}
        )
    return clause.columns(column("incident_id", String))
