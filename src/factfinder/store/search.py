"""Full-text search: SQLite FTS5 or PostgreSQL `tsvector`, over items and over incidents.

The user's query is reduced to its words (every word must occur, in any order), so no query
can be an FTS syntax error.

- Items: titles and text (`item_search` FTS5 table with the columns `title` and `text` /
  `item_metadata.search_vector`, revision 0001; since 0601_search both hold the text with its
  Arabic spelling folded, since 0602_search its Latin diacritics too, as
  `factfinder.arabic.search_key` folds them, and `item_words` folds the query the same way:
  no backend's tokeniser is left to remove diacritics). A search may be kept to some of
  these parts (`item_matches(parts=…)`): SQLite by a column filter, PostgreSQL by building
  the parts' vector from the row (no index can, so only for a few items, `among`). Who may
  search which part is the service's rule (`factfinder.services.workspace`).
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
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sqlalchemy import (
    Connection,
    Integer,
    Select,
    String,
    TextClause,
    bindparam,
    column,
    func,
    literal_column,
    select,
    table,
    text,
)
from sqlalchemy.sql.selectable import TextualSelect

from factfinder.arabic import has_arabic, search_key, strip_clitics
from factfinder.store.schema import item_metadata

_WORD = re.compile(r"\w+", re.UNICODE)
_INDEX_WORD = re.compile(r"[^\W_]+", re.UNICODE)

# The searchable parts of an item (the columns of `item_search`), and on PostgreSQL the vector
# of each set of them, built as revision 0001's generated `search_vector` builds all of them.
ITEM_PARTS = ("title", "text")
_PG_VECTORS = {
    ("title", "text"): "item_metadata.search_vector",
    ("title",): "to_tsvector('simple', factfinder_fold(item_metadata.title))",
    (
        "text",
    ): "to_tsvector('simple', factfinder_fold(left(coalesce(item_metadata.text, ''), 200000)))",
}

# What each incident search scope reads: the FTS5 columns (SQLite), and the tsvector column
# with, for a part of it, the weights to keep (PostgreSQL).
INCIDENT_SCOPES: dict[str, tuple[tuple[str, ...], str, str | None]] = {
    "all": (("facts", "sources", "personal"), "search_vector", None),
    "shared": (("facts", "sources"), "shared_vector", None),
    "facts": (("facts",), "shared_vector", "a"),
}


# A term of a search: a word, or alternatives (any one may occur), each a word or a phrase of
# words separated by spaces ("Afrin" or "عفرين"; "Ras al Ain" or "راس العين").
Term = str | tuple[str, ...]


def _fts5_term(term: Term) -> str:
    if isinstance(term, str):
        return '"' + term.replace('"', "") + '"'
    return "(" + " OR ".join('"' + a.replace('"', "") + '"' for a in term) + ")"


def fts5_match(words: Sequence[Term], columns: Sequence[str] = ()) -> str:
    """An FTS5 MATCH expression: every term (quoted, so never syntax; alternatives ORed, each
    a phrase) in the given columns."""
    phrase = " AND ".join(_fts5_term(w) for w in words)
    return "{" + " ".join(columns) + "} : (" + phrase + ")" if columns else phrase


def _ts_lexeme(word: str) -> str:
    return "'" + word.replace("'", "").replace("\\", "") + "'"


def tsquery_text(words: Sequence[Term]) -> str:
    """The `to_tsquery` text of every term: words ANDed, alternatives ORed, each alternative
    a phrase (`<->`); every lexeme quoted, so never syntax."""
    parts = []
    for term in words:
        alternatives = (term,) if isinstance(term, str) else term
        ors = [" <-> ".join(_ts_lexeme(w) for w in a.split()) for a in alternatives if a.split()]
        if ors:
            parts.append("(" + " | ".join(ors) + ")")
    return " & ".join(parts)


def with_alternatives(
    query: str,
    alternatives: Callable[[str], Iterable[str]],
    fold: Callable[[str], list[str]],
    *,
    longest: int = 3,
) -> list[Term]:
    """The terms of `query`: its words folded by `fold` into the words the index holds, with
    each run of up to `longest` words that `alternatives` knows (a place name, say) replaced
    by the run or any of its alternatives. Only a run written as a name is looked up: in
    Arabic script, or capitalised ("Afrin shelling" → [("afrin", "عفرين"), "shelling"];
    "school" stays a word)."""
    tokens = _WORD.findall(query)
    out: list[Term] = []
    i = 0
    while i < len(tokens):
        first = tokens[i]
        if first[:1].isupper() or has_arabic(first):
            for n in range(min(longest, len(tokens) - i), 0, -1):
                run = " ".join(tokens[i : i + n])
                others = {" ".join(fold(a)) for a in alternatives(run)}
                own = " ".join(fold(run))
                others.discard(own)
                others.discard("")
                if others and own:
                    out.append((own, *sorted(others)))
                    i += n
                    break
            else:
                out.extend(fold(first))
                i += 1
        else:
            out.extend(fold(first))
            i += 1
    return out


def item_words(query: str) -> list[str]:
    """The words of an item search (every one must occur), folded as the index holds them
    (`factfinder.arabic.search_key`; revisions 0601_search and 0602_search): أطفال finds
    اطفال, مدرسة finds مدرسه, Hajin finds Hajīn and Hajīn finds Hajin."""
    return _WORD.findall(search_key(query))


@dataclass(frozen=True, slots=True)
class ItemMatch:
    """An item that holds every word of a search; `score` is its relevance, higher is better
    (comparable between calls on one backend)."""

    item_id: int
    score: float


def item_matches(
    conn: Connection,
    words: Sequence[Term],
    *,
    parts: Sequence[str] = ITEM_PARTS,
    among: Sequence[int] | None = None,
    excluding: Select[Any] | None = None,
    limit: int = 50,
) -> list[ItemMatch]:
    """The items whose `parts` (of `ITEM_PARTS`) hold every word, best first, ranked on what
    those parts hold (scores comparable with a search of all parts, and never better than
    it): only among the ids `among` when given (keep it to a few hundred: on PostgreSQL a
    part search reads each of them), never the ids `excluding` selects."""
    unknown = set(parts) - set(ITEM_PARTS)
    if unknown:
        raise ValueError(f"item search parts {sorted(unknown)}: expected some of {ITEM_PARTS}")
    if not words or not parts or (among is not None and not among):
        return []
    if conn.dialect.name == "sqlite":
        fts = table("item_search", column("rowid", Integer))
        weights = [1.0 if p in parts else 0.0 for p in ITEM_PARTS]
        rank = func.bm25(literal_column("item_search"), *weights)
        query = (
            select(fts.c.rowid, rank.label("rank"))
            .where(text("item_search MATCH :item_q").bindparams(item_q=fts5_match(words)))
            .order_by(rank, fts.c.rowid)
        )
        if set(parts) != set(ITEM_PARTS):
            # Matched in the parts by a column filter (in a subquery), but ranked by the search
            # of all parts with the others' weight 0: a column filter changes bm25's word
            # weights (counted over the filtered columns only), which would make these scores
            # incomparable with a search of all parts.
            sql = "SELECT rowid FROM item_search WHERE item_search MATCH :item_q_parts"
            params: list[Any] = [bindparam("item_q_parts", fts5_match(words, parts))]
            if among is not None:
                # Else the column filter reads the positions of every document with the words.
                sql += " AND rowid IN :item_among"
                params.append(bindparam("item_among", list(among), expanding=True))
            in_parts = text(sql).bindparams(*params).columns(column("rowid", Integer))
            query = query.where(fts.c.rowid.in_(in_parts))
        key: Any = fts.c.rowid
        score = -1.0  # bm25: lower is better
    else:
        m = item_metadata.c
        vector: Any = literal_column(_PG_VECTORS[tuple(p for p in ITEM_PARTS if p in parts)])
        tsquery = func.to_tsquery(literal_column("'simple'"), tsquery_text(words))
        rank = func.ts_rank(vector, tsquery)
        query = (
            select(m.item_id, rank.label("rank"))
            .where(vector.bool_op("@@")(tsquery))
            .order_by(rank.desc(), m.item_id)
        )
        key = m.item_id
        score = 1.0
    if among is not None:
        query = query.where(key.in_(list(among)))
    if excluding is not None:
        query = query.where(key.not_in(excluding))
    return [ItemMatch(int(r[0]), score * float(r[1])) for r in conn.execute(query.limit(limit))]


def search_item_ids(conn: Connection, query: str, limit: int = 50) -> list[int]:
    """Ids of the items matching every word of `query` in any part, best match first (for
    callers that may read everything; the workspace applies restrictions, see
    `factfinder.services.workspace`)."""
    return [m.item_id for m in item_matches(conn, item_words(query), limit=limit)]


def index_words(value: str, *, readings: bool = False) -> list[str]:
    """The words of `value` as the incident index stores them: lowercase, folded as item search
    folds them (`factfinder.arabic.search_key`: Arabic spelling, ة → ه, ى → ي; Latin
    diacritics, letters with a stroke, transliteration marks: `Raʾs` → `ras`, `Łódź` →
    `lodz`; revision 0503_incidents), then without any other diacritics (NFKD, combining marks
    dropped: `Hajīn` → `hajin`, Arabic short vowels and hamza seats too), split on anything
    that is not a letter or a digit (`inc-000042` → `inc`, `000042`)."""
    if value.isascii():  # most text: nothing to decompose
        return _INDEX_WORD.findall(value.lower())
    decomposed = unicodedata.normalize("NFKD", search_key(value).casefold())
    words = _INDEX_WORD.findall(_combining_marks().sub("", decomposed))
    if readings and has_arabic(value):
        # A document's Arabic words also under their readings without proclitics, so that a
        # search for الرقة finds والرقة (the query's words are taken as written).
        words += [r for w in words if len(w) > 3 for r in strip_clitics(w, min_stem=3)[1:]]
    return words


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
    dialect: str, words: Sequence[Term], scope: str, key: str, what: str
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
    query = f"to_tsquery('simple', :{key})"
    condition = f"{vector} @@ {query}"
    if weights:
        # Needs each candidate's vector (no index can): only for a few rows (`among`).
        condition += f" AND ts_filter({vector}, '{{{','.join(weights)}}}') @@ {query}"
    return f"SELECT {what} FROM incident_search WHERE {condition}", {key: tsquery_text(words)}


def incident_matches(
    dialect: str, words: Sequence[Term], scope: str, key: str, among: Sequence[str] = ()
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


def incident_match_exists(dialect: str, words: Sequence[Term], scope: str, key: str) -> TextClause:
    """The condition of `incident_matches` checked per row of `incidents` (a matching document
    `EXISTS` for `incidents.incident_id`): when most rows match, walking the rows in page
    order and checking each finds a page sooner than looking up every match."""
    sql, params = _incident_sql(dialect, words, scope, key, "1")
    return text(
        f"EXISTS ({sql} AND incident_search.incident_id = incidents.incident_id)"
    ).bindparams(**params)


def incident_match_count(dialect: str, words: Sequence[Term], scope: str) -> TextClause:
    """How many documents `incident_matches` would return, counted from the index alone."""
    if not words:
        raise ValueError("an incident search needs at least one word")
    if dialect == "sqlite":
        return text(
            "SELECT count(*) FROM incident_fts WHERE incident_fts MATCH :q_count"
        ).bindparams(q_count=fts5_match(words, INCIDENT_SCOPES[scope][0]))
    sql, params = _incident_sql(dialect, words, scope, "q_count", "count(*)")
    return text(sql).bindparams(**params)
