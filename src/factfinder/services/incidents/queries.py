"""Reading a project's incidents: lists, detail, timeline, and the record as of a ledger size.

The current incidents are those of the latest `link.run`; the incidents as of ledger size N
(what a report built at a checkpoint may see) are those of the latest run before N. Rows come
back as this module's frozen dataclasses: what the web workspace shows, and (`incidents_as_of`)
what a case file cites.

Lists page by incident id (keyset: `after` is the last id of the previous page) and filter by
date window overlap, governorate, perpetrator group, event type, grade and text (`q`, the
full-text search of `factfinder.services.incidents.search`, scoped by the reader's access to
restricted data). A page reads its ids from the filters' indexes first and then only its own
rows; the count comes from the run (no filter) or the search index (a search alone) when it
can.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, func, select

from factfinder.errors import NotFound
from factfinder.model import (
    Incident,
)
from factfinder.services.access.redaction import hidden_incidents
from factfinder.services.incidents.search import IncidentSearch, prepare_search
from factfinder.services.project import Project
from factfinder.store.schema import items
from factfinder.store.schema_claims import claims
from factfinder.store.schema_incidents import (
    incident_decisions,
    incident_members,
    incidents,
    link_runs,
)


@dataclass(frozen=True, slots=True)
class IncidentFilters:
    """List filters; None means any. Dates are ISO `YYYY-MM-DD`.

    `q` is a full-text search (every word, whole words; `factfinder.services.incidents.search`)
    over what may be searched by a role without access to restricted data, unless
    `include_restricted` says the reader may see restricted data too.
    """

    date_from: str | None = None
    date_to: str | None = None
    governorate: str | None = None
    perpetrator: str | None = None
    event_type: str | None = None
    grade: str | None = None
    q: str | None = None
    include_restricted: bool = False


@dataclass(frozen=True, slots=True)
class IncidentSummary:
    """One incident of a list (and one point of a map)."""

    id: str
    date_start: str | None
    date_end: str | None
    date_precision: str
    place: str | None
    governorate: str | None
    lat: float | None
    lon: float | None
    event_type: str
    perpetrator: str
    killed: Mapping[str, Any] | None
    civilians: Mapping[str, Any] | None
    grade: str | None
    independent_sources: int
    members: int
    confirmed: bool = False


@dataclass(frozen=True, slots=True)
class MemberView:
    """A member claim of an incident and the link that brought it in (None for the first)."""

    claim_id: int
    item_id: int
    item_hash: str
    score: float | None = None
    features: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class IncidentView:
    summary: IncidentSummary
    incident: Incident
    members: Sequence[MemberView]
    decisions: Sequence[Mapping[str, Any]]


def latest_run_id(conn: Connection, size: int | None = None) -> int | None:
    """The latest link run (before ledger size `size` when given)."""
    query = select(func.max(link_runs.c.id))
    if size is not None:
        query = query.where(link_runs.c.seq < size)
    value = conn.execute(query).scalar_one_or_none()
    return int(value) if value is not None else None


def current_members(conn: Connection) -> dict[int, str]:
    """claim id → incident id in the latest run."""
    run_id = latest_run_id(conn)
    if run_id is None:
        return {}
    rows = conn.execute(
        select(incident_members.c.claim_id, incident_members.c.incident_id).where(
            incident_members.c.run_id == run_id
        )
    )
    return {int(r.claim_id): r.incident_id for r in rows}


def count_incidents(project: Project) -> int:
    """How many incidents the project holds now."""
    with project.read() as conn:
        run_id = latest_run_id(conn)
        if run_id is None:
            return 0
        return int(
            conn.execute(
                select(func.count()).select_from(incidents).where(incidents.c.run_id == run_id)
            ).scalar_one()
        )


def _range(lo: int | None, hi: int | None) -> dict[str, int | None] | None:
    return None if lo is None and hi is None else {"min": lo, "max": hi}


def summary_from_row(row: Any) -> IncidentSummary:
    return IncidentSummary(
        row.incident_id,
        row.date_start,
        row.date_end,
        row.date_precision,
        row.place,
        row.governorate,
        row.lat,
        row.lon,
        row.event_type,
        row.perpetrator,
        _range(row.killed_min, row.killed_max),
        _range(row.civilians_min, row.civilians_max),
        row.grade,
        int(row.independent_sources),
        int(row.members),
        bool(row.confirmed),
    )


def filter_conditions(
    conn: Connection, run_id: int, filters: IncidentFilters
) -> tuple[list[Any], IncidentSearch | None]:
    """The conditions of `filters` on the run's rows (the run's own first), and the text
    search among them, if any."""
    c = incidents.c
    conds: list[Any] = [c.run_id == run_id]
    if filters.date_from:
        conds.append(c.date_end >= filters.date_from)
    if filters.date_to:
        conds.append(c.date_start <= filters.date_to)
    for column, value in (
        (c.governorate, filters.governorate),
        (c.perpetrator, filters.perpetrator),
        (c.event_type, filters.event_type),
        (c.grade, filters.grade),
    ):
        if value:
            conds.append(column == value)
    if not filters.include_restricted:
        # Incidents restricted as a whole are not counted either (nor in the timeline): a
        # count that a filter narrows down would show where and when they were.
        hidden = hidden_incidents(conn, run_id)
        if hidden is not None:
            conds.append(c.incident_id.not_in(hidden))
    search = None
    if filters.q and filters.q.strip():
        search = prepare_search(
            conn, run_id, filters.q, include_restricted=filters.include_restricted
        )
        conds.append(search.condition)
    return conds, search


def list_incidents(
    project: Project,
    filters: IncidentFilters | None = None,
    *,
    limit: int = 50,
    after: str | None = None,
) -> tuple[list[IncidentSummary], int, str | None]:
    """(a page of incidents in id order, how many match, the cursor of the next page)."""
    filters = filters or IncidentFilters()
    c = incidents.c
    with project.read() as conn:
        run_id = latest_run_id(conn)
        if run_id is None:
            return [], 0, None
        conds, search = filter_conditions(conn, run_id, filters)
        # The run recorded how many incidents it wrote.
        size = int(
            conn.execute(select(link_runs.c.incidents).where(link_runs.c.id == run_id)).scalar_one()
        )
        total: int | None = None
        if len(conds) == 1:
            total = size
        elif len(conds) == 2 and search is not None and search.count is not None:
            total = int(conn.execute(search.count).scalar_one())
            if search.dense is not None and 3 * total * total > (limit + 1) * size:
                # So many match that walking the rows in page order (about (limit + 1) *
                # size / total of them) meets a page's worth sooner than looking up each
                # match would; a row walked costs about a third of a match looked up
                # (measured on SQLite at 100,000 incidents).
                conds = [conds[0], search.dense]
        # The page's ids first, from the filters' indexes alone, then only those rows: a
        # filter that matches thousands never reads their bodies.
        query = select(c.incident_id).where(*conds)
        if after:
            query = query.where(c.incident_id > after)
        if total is None and not after and (filters.date_from or filters.date_to):
            # A date range cannot hand its matches over in page order, so they are sorted
            # anyway: count them in that same scan.
            found = list(
                conn.execute(
                    query.add_columns(func.count().over()).order_by(c.incident_id).limit(limit + 1)
                )
            )
            ids = [r[0] for r in found]
            total = int(found[0][1]) if found else 0
        else:
            if total is None:
                total = int(
                    conn.execute(
                        select(func.count()).select_from(incidents).where(*conds)
                    ).scalar_one()
                )
            ids = list(conn.execute(query.order_by(c.incident_id).limit(limit + 1)).scalars())
        rows = (
            list(
                conn.execute(
                    select(incidents)
                    .where(c.run_id == run_id, c.incident_id.in_(ids[:limit]))
                    .order_by(c.incident_id)
                )
            )
            if ids
            else []
        )
    page = [summary_from_row(r) for r in rows]
    cursor = page[-1].id if len(ids) > limit and page else None
    return page, total, cursor


def incident_timeline(
    project: Project, filters: IncidentFilters | None = None
) -> list[tuple[str, int]]:
    """(month `YYYY-MM`, incidents starting in it) in date order."""
    filters = filters or IncidentFilters()
    with project.read() as conn:
        run_id = latest_run_id(conn)
        if run_id is None:
            return []
        month = func.substr(incidents.c.date_start, 1, 7)
        rows = conn.execute(
            select(month.label("month"), func.count().label("n"))
            .where(
                incidents.c.date_start.is_not(None), *filter_conditions(conn, run_id, filters)[0]
            )
            .group_by(month)
            .order_by(month)
        )
        return [(r.month, int(r.n)) for r in rows]


def incident_from_json(obj: Mapping[str, Any]) -> Incident:
    """An `Incident` from its JSON form (the batch format plus its explanation keys)."""
    return Incident.from_json(obj)


def _decisions_of(
    conn: Connection, incident_id: str, size: int | None = None
) -> list[dict[str, Any]]:
    query = select(incident_decisions).order_by(incident_decisions.c.seq)
    if size is not None:
        query = query.where(incident_decisions.c.seq < size)
    out = []
    for r in conn.execute(query):
        payload = json.loads(r.payload)
        touched = {r.incident_id, *payload.get("pins", {}), *payload.get("incidents", [])}
        if incident_id in touched:
            out.append(
                {
                    "seq": int(r.seq),
                    "kind": r.kind,
                    "incident": r.incident_id,
                    "actor": r.actor,
                    "created_at": r.created_at,
                    "payload": payload,
                }
            )
    return out


def get_incident(project: Project, incident_id: str) -> IncidentView:
    """An incident of the latest run with its members, explanation and decisions."""
    with project.read() as conn:
        run_id = latest_run_id(conn)
        row = None
        if run_id is not None:
            row = conn.execute(
                select(incidents).where(
                    incidents.c.run_id == run_id, incidents.c.incident_id == incident_id
                )
            ).first()
        if row is None:
            raise NotFound(f"no incident {incident_id}")
        members = [
            MemberView(
                int(m.claim_id),
                int(m.item_id),
                m.hash,
                m.score,
                json.loads(m.features) if m.features else {},
            )
            for m in conn.execute(
                select(
                    incident_members.c.claim_id,
                    claims.c.item_id,
                    items.c.hash,
                    incident_members.c.score,
                    incident_members.c.features,
                )
                .join(claims, claims.c.id == incident_members.c.claim_id)
                .join(items, items.c.id == claims.c.item_id)
                .where(
                    incident_members.c.run_id == run_id,
                    incident_members.c.incident_id == incident_id,
                )
                .order_by(incident_members.c.ordinal)
            )
        ]
        return IncidentView(
            summary_from_row(row),
            incident_from_json(json.loads(row.body)),
            members,
            _decisions_of(conn, incident_id),
        )


# -- for case files: the record as of a ledger size -----------------------------------------


@dataclass(frozen=True, slots=True)
class StoredIncident:
    """An incident as of a ledger size: its derived fields, its member claims' stored ids (in
    the order of `incident.members`) and the ledger entries that established this state."""

    incident: Incident
    claim_ids: tuple[int, ...]
    seqs: tuple[int, ...]


def incidents_as_of(conn: Connection, ids: Sequence[str] | None, size: int) -> list[StoredIncident]:
    """The incidents named (all when None) as of ledger size `size`, in id order; unknown ids
    are left out (what a case file built at a checkpoint of that size cites)."""
    run_id = latest_run_id(conn, size)
    if run_id is None:
        return []
    query = select(incidents).where(incidents.c.run_id == run_id)
    if ids is not None:
        query = query.where(incidents.c.incident_id.in_(list(ids)))
    out = []
    for row in conn.execute(query.order_by(incidents.c.incident_id)):
        members = [
            int(m.claim_id)
            for m in conn.execute(
                select(incident_members.c.claim_id)
                .where(
                    incident_members.c.run_id == run_id,
                    incident_members.c.incident_id == row.incident_id,
                )
                .order_by(incident_members.c.ordinal)
            )
        ]
        seqs = sorted(
            {int(row.seq)} | {d["seq"] for d in _decisions_of(conn, row.incident_id, size)}
        )
        out.append(
            StoredIncident(incident_from_json(json.loads(row.body)), tuple(members), tuple(seqs))
        )
    return out


def existing_incidents(conn: Connection, ids: Sequence[str]) -> set[str]:
    """Which of `ids` are incidents now (of the latest link run)."""
    run_id = latest_run_id(conn)
    if run_id is None or not ids:
        return set()
    rows = conn.execute(
        select(incidents.c.incident_id).where(
            incidents.c.run_id == run_id, incidents.c.incident_id.in_(list(ids))
        )
    )
    return {r.incident_id for r in rows}
