"""The restriction rule as SQL: conditions that leave out what a role without
`Permission.READ_RESTRICTED` never sees — items, claims and incidents restricted as a whole,
the claims of such items and incidents, the incidents none of whose claims may be seen, and
items with a marked field. Read at query time, so a mark applies at once. (The same rules for
values already read are `factfinder.services.access.view`.)"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import ColumnElement, Connection, Select, String, cast, func, literal, or_, select

from factfinder.services.access.queries import WHOLE
from factfinder.store.schema import items
from factfinder.store.schema_claims import claims
from factfinder.store.schema_incidents import incident_members, incidents, link_runs
from factfinder.store.schema_users import restrictions
from factfinder.subjects import CLAIM, INCIDENT, ITEM, prefix

ITEM_PREFIX = prefix(ITEM)


def marked_items(fields: Iterable[str] = ()) -> Select[Any]:
    """`SELECT` the ids of the items restricted as a whole or in one of `fields`, read from the
    marks when the statement runs."""
    r = restrictions.c
    marked = items.alias("marked_item")  # its own alias: never correlated with an outer `items`
    return (
        select(marked.c.id)
        .select_from(
            restrictions.join(marked, marked.c.hash == func.substr(r.subject, len(ITEM_PREFIX) + 1))
        )
        .where(r.subject.like(ITEM_PREFIX + "%"), r.field.in_([WHOLE, *fields]))
    )


def any_marked_items(conn: Connection, fields: Iterable[str]) -> bool:
    """Does any item carry a mark that `marked_items(fields)` reads? (Without one, the list
    keeps its plain count.)"""
    r = restrictions.c
    found = conn.execute(
        select(r.id)
        .where(r.subject.like(ITEM_PREFIX + "%"), r.field.in_([WHOLE, *fields]))
        .limit(1)
    ).first()
    return found is not None


def restricted_claim(conn: Connection) -> ColumnElement[bool] | None:
    """A condition on `claims` rows: the claim is restricted as a whole, or its item is (what
    a role without access to restricted data never sees); None when nothing is so marked."""
    r = restrictions.c
    claim_prefix = prefix(CLAIM)
    whole_claims = select(r.subject).where(r.field == WHOLE, r.subject.like(claim_prefix + "%"))
    conds: list[ColumnElement[bool]] = []
    if conn.execute(whole_claims.limit(1)).first() is not None:
        # Compared as text: a mark's reference need not be a number.
        conds.append((literal(claim_prefix) + cast(claims.c.id, String)).in_(whole_claims))
    if any_marked_items(conn, ()):
        conds.append(claims.c.item_id.in_(marked_items()))
    if conn.execute(marked_incidents().limit(1)).first() is not None:
        # The claims of an incident restricted as a whole would tell the incident.
        m = incident_members.c
        latest = select(func.max(link_runs.c.id)).scalar_subquery()
        conds.append(
            claims.c.id.in_(
                select(m.claim_id).where(m.run_id == latest, m.incident_id.in_(marked_incidents()))
            )
        )
    return or_(*conds) if conds else None


def partly_marked_items(conn: Connection, parts: Sequence[str]) -> dict[int, frozenset[str]]:
    """item id → which of `parts` are marked, for the items with such a mark that are not
    restricted as a whole."""
    r = restrictions.c
    marked = items.alias("marked_item")
    rows = conn.execute(
        select(marked.c.id, r.field)
        .select_from(
            restrictions.join(marked, marked.c.hash == func.substr(r.subject, len(ITEM_PREFIX) + 1))
        )
        .where(r.subject.like(ITEM_PREFIX + "%"), r.field.in_([WHOLE, *parts]))
    )
    found: dict[int, set[str]] = {}
    for item_id, field in rows:
        found.setdefault(int(item_id), set()).add(field)
    return {i: frozenset(f) for i, f in found.items() if WHOLE not in f}


def marked_incidents() -> Select[Any]:
    """`SELECT` the ids of the incidents restricted as a whole, read from the marks when the
    statement runs."""
    r = restrictions.c
    incident_prefix = prefix(INCIDENT)
    return select(func.substr(r.subject, len(incident_prefix) + 1)).where(
        r.field == WHOLE, r.subject.like(incident_prefix + "%")
    )


def hidden_incidents(conn: Connection, run_id: int) -> Select[Any] | None:
    """`SELECT` the ids of run `run_id`'s incidents that a role without access to restricted
    data never sees: those restricted as a whole, and those none of whose member claims it may
    see (`restricted_claim`); None when nothing is so marked."""
    hidden_claim = restricted_claim(conn)
    if hidden_claim is None:
        return None
    m = incident_members.c
    seen = (
        select(m.incident_id)
        .select_from(incident_members.join(claims, claims.c.id == m.claim_id))
        .where(m.run_id == run_id, ~hidden_claim)
    )
    return select(incidents.c.incident_id).where(
        incidents.c.run_id == run_id,
        or_(incidents.c.incident_id.in_(marked_incidents()), incidents.c.incident_id.not_in(seen)),
    )


def sealed_items(conn: Connection) -> frozenset[int]:
    """The items all of whose claims in the latest link run belong to incidents restricted as a
    whole: their text tells those incidents, so a role without access to restricted data does
    not see them either."""
    m = incident_members.c
    marked = set(conn.execute(marked_incidents()).scalars())
    if not marked:
        return frozenset()
    run_id = conn.execute(select(func.max(link_runs.c.id))).scalar()
    if run_id is None:
        return frozenset()
    sealed: set[int] = set()
    open_: set[int] = set()
    rows = conn.execute(
        select(claims.c.item_id, m.incident_id)
        .select_from(incident_members.join(claims, claims.c.id == m.claim_id))
        .where(m.run_id == run_id)
    )
    for item_id, incident_id in rows:
        (sealed if incident_id in marked else open_).add(int(item_id))
    return frozenset(sealed - open_)


def partly_hidden_incidents(conn: Connection) -> frozenset[str]:
    """The incidents of the latest link run with a member claim a role without access to
    restricted data may not see (`restricted_claim`)."""
    hidden_claim = restricted_claim(conn)
    run_id = conn.execute(select(func.max(link_runs.c.id))).scalar()
    if hidden_claim is None or run_id is None:
        return frozenset()
    m = incident_members.c
    return frozenset(
        conn.execute(
            select(m.incident_id)
            .select_from(incident_members.join(claims, claims.c.id == m.claim_id))
            .where(m.run_id == run_id, hidden_claim)
            .distinct()
        ).scalars()
    )
