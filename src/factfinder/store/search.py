"""Full-text search: SQLite FTS5 or PostgreSQL `tsvector`, over items and over incidents.

The user's query is reduced to its words (every word must occur, in any order), so no query
can be an FTS syntax error.

- Items: titles and text (`item_search` FTS5 table / `item_metadata.search_vector`, revision
  0001).
- Incidents: one document per incident of the latest link run in `incident_search` (revision
  0502_incidents), in three columns that differ in who may search them: `facts` (what every
  role sees in the list: id, place, governorate, event type, perpetrator group), `sources`
  (member claims' sentences, claimants, publishers, titles) and `personal` (witnesses' names
  and statements). SQLite indexes it with the `incident_fts` FTS5 table, and a column filter
  keeps a search to the parts its scope reads; PostgreSQL with two GIN-indexed vectors,
  `search_vector` (all three parts) and `shared_vector` (facts, weight A, and sources, B),
  whose facts alone `ts_filter` reads for the few incidents that need it. The documents are
  stored already folded by `index_words` (lowercase, no diacritics, letters and digits only),
  so both backends split them, and the query, into the same words.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

from sqlalchemy import Connection, String, TextClause, bindparam, column, text
from sqlalchemy.sql.selectable import TextualSelect

_WORD = re.compile(r"\w+", re.UNICODE)
_INDEX_WORD = re.compile(r"[^\W_]+", re.UNICODE)

# What each incident search scope reads: the FTS5 columns (SQLite), and the tsvector column
# with, for a part of it, the weights to keep (PostgreSQL).
INCIDENT_SCOPES: dict[str, tuple[tuple[str, ...], str, str | None]] = {
    "all": (("facts", "sources", "personal"), "search_vector", None),
    "shared": (("facts", "sources"), "shared_vector", None),
    "facts": (("facts",), "shared_vector", "a"),
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
    if value.isascii():  # most text: nothing to decompose
        return _INDEX_WORD.findall(value.lower())
    decomposed = unicodedata.normalize("NFKD", value.casefold())
    return _INDEX_WORD.findall(_combining_marks().sub("", decomposed))


@lru_cache(maxsize=1)
def _combining_marks() -> re.Pattern[str]:
    """A pattern of every combining mark (of the planes that have any), as ranges."""
    ranges: list[str] = []
    start = prev = -2
    for cp in range(0x30000):
        if unicodedata.combining(chr(cp)):
            if cp != prev + 1:
                if start >= 0:
                    ranges.append(f"{re.escape(chr(start))}-{re.escape(chr(prev))}")
                start = cp
            prev = cp
    ranges.append(f"{re.escape(chr(start))}-{re.escape(chr(prev))}")
    return re.compile("[" + "".join(ranges) + "]")


def _incident_sql(
    dialect: str, words: Sequence[str], scope: str, key: str, what: str
) -> tuple[str, dict[str, str]]:
    """(`SELECT what FROM incident_search WHERE <match>`, its parameter)."""
    if not words:
        raise ValueError("an incident search needs at least one word")
    columns, vector, weights = INCIDENT_SCOPES[scope]
    if dialect == "sqlite":
        sql = (
            f"SELECT {what} FROM incident_search WHERE incident_search.id IN "
            f"(SELECT rowid FROM incident_fts WHERE incident_fts MATCH :{key})"
        )
        return sql, {key: fts5_match(words, columns)}
    query = f"plainto_tsquery('simple', :{key})"
    condition = f"{vector} @@ {query}"
    if weights:
        # Needs each candidate's vector (no index can): only for a few rows (`among`).
        condition += f" AND ts_filter({vector}, '{{{','.join(weights)}}}') @@ {query}"
    return f"SELECT {what} FROM incident_search WHERE {condition}", {key: " ".join(words)}


def incident_matches(
    dialect: str, words: Sequence[str], scope: str, key: str, among: Sequence[str] = ()
) -> TextualSelect:
    """`SELECT incident_id FROM incident_search` where the document holds every word (already
    folded by `index_words`) in the parts of `scope` (`INCIDENT_SCOPES`); only among the
    given incidents when `among` is given. `key` names the bound parameter, so that one
    statement can hold several of these."""
    sql, params = _incident_sql(dialect, words, scope, key, "incident_id")
    clause = text(sql).bindparams(**params)
    if among:
        clause = text(f"{sql} AND incident_search.incident_id IN :{key}_among").bindparams(
            bindparam(f"{key}_among", list(among), expanding=True), **params
        )
    return clause.columns(column("incident_id", String))


def incident_match_exists(dialect: str, words: Sequence[str], scope: str, key: str) -> TextClause:
    """The condition of `incident_matches` checked per row of `incidents` (a matching document
    `EXISTS` for `incidents.incident_id`): when most rows match, walking the rows in page
    order and checking each finds a page sooner than looking up every match."""
    sql, params = _incident_sql(dialect, words, scope, key, "1")
    return text(
        f"EXISTS ({sql} AND incident_search.incident_id = incidents.incident_id)"
    ).bindparams(**params)


def incident_match_count(dialect: str, words: Sequence[str], scope: str) -> TextClause:
    """How many documents `incident_matches` would return, counted from the index alone."""
    if not words:
        raise ValueError("an incident search needs at least one word")
    if dialect == "sqlite":
        return text(
            "SELECT count(*) FROM incident_fts WHERE incident_fts MATCH :q_count"
        ).bindparams(q_count=fts5_match(words, INCIDENT_SCOPES[scope][0]))
    sql, params = _incident_sql(dialect, words, scope, "q_count", "count(*)")
    return text(sql).bindparams(**params)
