"""Searching incidents (reads): `prepare_search` turns a query into a condition on the incidents
of the latest run, scoped by who may search what — see `factfinder.services.incidents.index`
for what is indexed and the rule."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement, Connection, TextClause, false, select

from factfinder.services.preserve.search import across_scripts
from factfinder.store.schema import items
from factfinder.store.schema_claims import claims
from factfinder.store.schema_incidents import (
    incident_members,
    incidents,
    link_runs,
)
from factfinder.store.schema_users import claim_reviews, restrictions
from factfinder.store.search import (
    incident_match_count,
    incident_match_exists,
    incident_matches,
    index_words,
)
from factfinder.subjects import parse_subject

# More restricted claims than this and a search by a role without access to restricted data
# reads only the facts (binding that many values per query would cost more than it saves).
_CHUNK = 500
MAX_FACTS_ONLY = 10_000


@dataclass(frozen=True, slots=True)
class IncidentSearch:
    """A search prepared for one read: `condition` on `incidents` rows of the run; `count`, when
    no restriction narrows the search, a statement that counts its matches from the index
    alone (the index holds exactly the latest run, so with no other filter that is the
    count — and much cheaper than joining thousands of matches to their rows)."""

    condition: ColumnElement[bool]
    count: TextClause | None = None
    # The same condition checked row by row (`incident_match_exists`), for when most match.
    dense: TextClause | None = None


def prepare_search(
    conn: Connection, run_id: int, query: str, *, include_restricted: bool
) -> IncidentSearch:
    """The search for `query` over the incidents of run `run_id` (the latest): the incident's
    document holds every word in the parts the role may search (see the module docstring).
    A query without words matches nothing."""
    found = index_words(query)
    if not found:
        return IncidentSearch(false())
    words = across_scripts(query, index_words)
    dialect = conn.dialect.name
    incident_id = incidents.c.incident_id
    if include_restricted:
        return IncidentSearch(
            incident_id.in_(incident_matches(dialect, words, "all", "q_all")),
            incident_match_count(dialect, words, "all"),
            incident_match_exists(dialect, words, "all", "q_all"),
        )
    excluded, facts_only = _viewer_limits(conn, run_id)
    if len(facts_only) > MAX_FACTS_ONLY:
        # Too many to check one by one: every incident is matched on its facts alone.
        cond = incident_id.in_(incident_matches(dialect, words, "facts", "q_facts"))
        return IncidentSearch(cond & incident_id.not_in(sorted(excluded)) if excluded else cond)
    # An incident whose sources this role may not search stays only if its facts match.
    ordered = sorted(facts_only)
    for start in range(0, len(ordered), _CHUNK):
        chunk = ordered[start : start + _CHUNK]
        hits = set(
            conn.execute(
                incident_matches(dialect, words, "facts", "q_facts", among=chunk)
            ).scalars()
        )
        excluded.update(i for i in chunk if i not in hits)
    cond = incident_id.in_(incident_matches(dialect, words, "shared", "q_shared"))
    if excluded:
        return IncidentSearch(cond & incident_id.not_in(sorted(excluded)))
    return IncidentSearch(
        cond,
        incident_match_count(dialect, words, "shared"),
        incident_match_exists(dialect, words, "shared", "q_shared"),
    )


def _viewer_limits(conn: Connection, run_id: int) -> tuple[set[str], set[str]]:
    """(incidents that are marked themselves, incidents with a member claim that is marked,
    whose item is marked, or that was corrected after the run) for run `run_id`."""
    claim_ids: set[int] = set()
    hashes: list[str] = []
    excluded: set[str] = set()
    for subject in conn.execute(select(restrictions.c.subject).distinct()).scalars():
        kind, ref = parse_subject(subject)
        if kind == "incident":
            excluded.add(ref)
        elif kind == "item":
            hashes.append(ref)
        elif kind == "claim" and ref.isdigit():
            claim_ids.add(int(ref))
    run_seq = conn.execute(select(link_runs.c.seq).where(link_runs.c.id == run_id)).scalar_one()
    claim_ids.update(
        int(c)
        for c in conn.execute(
            select(claim_reviews.c.claim_id).where(
                claim_reviews.c.seq > run_seq, claim_reviews.c.decision == "correct"
            )
        ).scalars()
    )
    for start in range(0, len(hashes), _CHUNK):
        claim_ids.update(
            int(c)
            for c in conn.execute(
                select(claims.c.id)
                .join(items, items.c.id == claims.c.item_id)
                .where(items.c.hash.in_(hashes[start : start + _CHUNK]))
            ).scalars()
        )
    facts_only: set[str] = set()
    ordered = sorted(claim_ids)
    for start in range(0, len(ordered), _CHUNK):
        facts_only.update(
            conn.execute(
                select(incident_members.c.incident_id).where(
                    incident_members.c.run_id == run_id,
                    incident_members.c.claim_id.in_(ordered[start : start + _CHUNK]),
                )
            ).scalars()
        )
    return excluded, facts_only
