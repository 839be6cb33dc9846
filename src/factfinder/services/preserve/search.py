"""The item list with its filters and full-text search, as a role may see it (web pages and
`/api/v1/items`). Read-only.

Who may find what (`include_restricted=False`, the roles without `Permission.READ_RESTRICTED`;
the SQL is `factfinder.services.access.redaction`):

- an item restricted as a whole is never listed, found or counted;
- a search matches only the parts of an item that are not restricted: the item's searchable
  document is in parts (`ITEM_PARTS`: title, text), and an item whose title or text is marked
  is matched, and ranked, on its other part alone (a word found only in a restricted part
  finds nothing, so nobody can probe restricted text word by word);
- a filter on a field (publisher, language, published date, media type) never matches an
  item whose field is marked, as if the value were unknown;
- an item whose every claim belongs to an incident restricted as a whole is not listed
  either (its text tells the incident);
- a word of a personal name the item's text holds (restricted by rule until released,
  `factfinder.services.access.view`) finds nothing in that item.

The marks are read at query time (nothing restricted is copied into an index), so marking or
unmarking applies at once. Roles that may read restricted data search and filter everything.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, func, select

from factfinder.extract.persons import personal_names
from factfinder.services.access.redaction import (
    any_marked_items,
    marked_items,
    partly_marked_items,
    sealed_items,
)
from factfinder.services.access.view import name_key, released_names
from factfinder.services.preserve.items import ItemSummary, item_summary, summary_query
from factfinder.services.project import Project
from factfinder.store.schema import item_metadata, items
from factfinder.store.search import (
    ITEM_PARTS,
    ItemMatch,
    Term,
    item_matches,
    item_words,
    with_alternatives,
)
from factfinder.subjects import item_subject

DOCUMENT_TYPES = ("text/plain", "text/html", "application/pdf", "message/rfc822")


# A text search considers at most this many matches (the count says "1000" beyond).
MAX_MATCHES = 1000


_CHUNK = 500


@dataclass(frozen=True, slots=True)
class ItemFilter:
    """Item list filters; each None means 'any'."""

    q: str | None = None
    media_type: str | None = None
    publisher: str | None = None
    language: str | None = None
    published_from: str | None = None
    published_to: str | None = None

    def fields(self) -> tuple[str, ...]:
        """The item fields that the active filters (not the text search) read."""
        active = [
            ("media_type", self.media_type),
            ("publisher", self.publisher),
            ("language", self.language),
            ("published", self.published_from),
            ("published", self.published_to),
        ]
        return tuple(dict.fromkeys(name for name, value in active if value))


def _chunks(values: Sequence[int], size: int = _CHUNK) -> Iterator[Sequence[int]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def search_items(
    conn: Connection, query: str, *, include_restricted: bool, limit: int = MAX_MATCHES
) -> list[int]:
    """Ids of the items holding every word of `query` in the parts the role may search, best
    first (see the module docstring). A query without words matches nothing."""
    words = across_scripts(query, item_words)
    if not words:
        return []
    if include_restricted:
        return [m.item_id for m in item_matches(conn, words, limit=limit)]
    partial = partly_marked_items(conn, ITEM_PARTS)
    # One search of the index over every item not restricted as a whole; the few items with a
    # restricted part that it finds are searched again on their open parts, and ranked by
    # those alone. Asking for `len(partial)` more than needed keeps the result exact: a
    # search of some parts never ranks an item better than a search of all of them does
    # (bm25 with the other part's weight 0; ts_rank over a subset of the positions), so an
    # item that the open parts would rank into the first `limit` is among these.
    found = item_matches(conn, words, excluding=marked_items(), limit=limit + len(partial))
    kept = [m for m in found if m.item_id not in partial]
    groups: dict[tuple[str, ...], list[int]] = {}
    for m in found:
        if m.item_id in partial:
            open_parts = tuple(p for p in ITEM_PARTS if p not in partial[m.item_id])
            if open_parts:
                groups.setdefault(open_parts, []).append(m.item_id)
    for parts, ids in groups.items():
        for chunk in _chunks(sorted(ids)):
            kept += item_matches(conn, words, parts=parts, among=chunk, limit=limit)
    return _best(kept, limit)


def across_scripts(query: str, fold: Callable[[str], list[str]]) -> list[Term]:
    """The words of a search, folded by `fold` into the words the index holds, with each
    place name the gazetteer knows (written as a name: capitalised, or in Arabic script)
    widened to its names in the other script: "Afrin" also finds عفرين, and عفرين finds
    "Afrin" and "Efrin"."""
    # Deferred: the gazetteer loads only when a search has words to widen.
    from factfinder.geo import names_across_scripts

    return with_alternatives(query, names_across_scripts, fold)


def preload_search() -> None:
    """Build the indexes a search reads on first use (the gazetteer and the names of places in
    both scripts, a second or two): a server calls this before it takes requests, so that no
    request waits for it."""
    from factfinder.geo import names_across_scripts

    names_across_scripts("Afrin")
    names_across_scripts("عفرين")


def _best(found: Iterable[ItemMatch], limit: int) -> list[int]:
    ranked: dict[int, None] = {}
    for m in sorted(found, key=lambda m: (-m.score, m.item_id)):
        ranked.setdefault(m.item_id, None)
    return list(ranked)[:limit]


def _filter_conditions(f: ItemFilter) -> list[Any]:
    m = item_metadata.c
    conds: list[Any] = []
    if f.media_type:
        conds.append(items.c.media_type == f.media_type)
    if f.publisher:
        conds.append(func.lower(m.publisher).contains(f.publisher.lower()))
    if f.language:
        conds.append(m.language == f.language)
    if f.published_from:
        conds.append(m.published >= f.published_from)
    if f.published_to:
        conds.append(m.published <= f.published_to + "\uffff")
    return conds


def visible_items(
    project: Project,
    filters: ItemFilter | None = None,
    *,
    include_restricted: bool,
    limit: int = 50,
    offset: int = 0,
) -> tuple[list[ItemSummary], int]:
    """(a page of items, how many match), as the role may see them (`include_restricted`;
    see the module docstring). A text query ranks by relevance (at most `MAX_MATCHES`
    matches considered); without one the newest come first."""
    f = filters or ItemFilter()
    conds = _filter_conditions(f)
    joined = items.outerjoin(item_metadata, item_metadata.c.item_id == items.c.id)
    with project.read() as conn:
        if not include_restricted and any_marked_items(conn, f.fields()):
            # Restricted whole, or in a field a filter reads: as if the value were unknown.
            conds.append(items.c.id.not_in(marked_items(f.fields())))
        if not include_restricted and (sealed := sealed_items(conn)):
            # Its text tells incidents restricted as a whole, and nothing else.
            conds.append(items.c.id.not_in(sorted(sealed)))
        if f.q and f.q.strip():
            ranked = search_items(conn, f.q, include_restricted=include_restricted)
            if not include_restricted:
                ranked = _without_name_hits(conn, ranked, f.q)
            if conds:  # other filters too: keep the ranked ids that pass them
                passing: set[int] = set()
                for chunk in _chunks(ranked):
                    passing.update(
                        conn.execute(
                            select(items.c.id)
                            .select_from(joined)
                            .where(items.c.id.in_(list(chunk)), *conds)
                        ).scalars()
                    )
                ranked = [i for i in ranked if i in passing]
            page = ranked[offset : offset + limit]
            rows = {r.id: r for r in conn.execute(summary_query().where(items.c.id.in_(page)))}
            return [item_summary(rows[i]) for i in page if i in rows], len(ranked)
        if conds:
            total = conn.execute(
                select(func.count()).select_from(joined).where(*conds)
            ).scalar_one()
        else:
            total = conn.execute(select(func.count()).select_from(items)).scalar_one()
        rows_ = conn.execute(
            summary_query().where(*conds).order_by(items.c.id.desc()).limit(limit).offset(offset)
        )
        return [item_summary(r) for r in rows_], int(total)


def _without_name_hits(conn: Connection, ranked: list[int], query: str) -> list[int]:
    """`ranked` without the items in which a word of the query stands only inside personal
    names the item's text gives and has not released (the item would be found by the name)."""
    words = [w for w in re.findall(r"\w+", query) if len(w) > 1]
    if not words or not ranked:
        return ranked
    released = released_names(conn)
    dropped: set[int] = set()
    for chunk in _chunks(ranked):
        rows = conn.execute(
            select(items.c.id, items.c.hash, item_metadata.c.text)
            .select_from(items.outerjoin(item_metadata, item_metadata.c.item_id == items.c.id))
            .where(items.c.id.in_(list(chunk)))
        )
        for item_id, item_hash, text in rows:
            subject = item_subject(item_hash)

            def is_released(name: str, subject: str = subject) -> bool:
                return (subject, name_key(name)) in released

            if text and any(_only_in_names(text, w, is_released) for w in words):
                dropped.add(int(item_id))
    return [i for i in ranked if i not in dropped]


_WINDOW = 160  # characters either side of a word: enough for a name and the word for a person
_PARTICLES = frozenset(["al", "el", "bin", "ibn", "bint", "abu", "abd", "ben", "bou", "de", "da"])


def _only_in_names(text: str, word: str, released: Callable[[str], bool]) -> bool:
    """Whether every occurrence of `word` in `text` lies inside a personal name that is not
    released (False when it does not occur as written: nothing to hide then)."""
    found = False
    for m in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", text, re.IGNORECASE):
        found = True
        first = m.group(0)[0]
        if first.islower() and first.isascii() and m.group(0).lower() not in _PARTICLES:
            return False  # a Latin name is written with capitals: this one is a plain word
        lo = max(0, m.start() - _WINDOW)
        window = text[lo : m.end() + _WINDOW]
        inside = any(
            a + lo <= m.start()
            and m.end() <= b + lo
            and not released(" ".join(window[a:b].split()))
            for a, b in personal_names(window)
        )
        if not inside:
            return False
    return found
