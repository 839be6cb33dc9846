"""Read models for the investigators' workspace (web pages and `/api/v1`): item lists with
filters that leave restricted items out for roles that may not see them, and the dashboard
figures. Everything here is read-only."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, func, select

from factfinder.services.items import ItemSummary, _summary, _summary_query
from factfinder.services.project import Project
from factfinder.store import ledger as ledger_rows
from factfinder.store.schema import checkpoints, item_metadata, items
from factfinder.store.schema_users import restrictions
from factfinder.store.search import search_item_ids

DOCUMENT_TYPES = ("text/plain", "text/html", "application/pdf", "message/rfc822")


@dataclass(frozen=True, slots=True)
class ItemFilter:
    """Item list filters; each None means 'any'."""

    q: str | None = None
    media_type: str | None = None
    publisher: str | None = None
    language: str | None = None
    published_from: str | None = None
    published_to: str | None = None


@dataclass(frozen=True, slots=True)
class Dashboard:
    items: int
    claims: int
    pending_review: int
    incidents: int
    ledger_size: int
    checkpoint_size: int | None
    checkpoint_at: str | None
    restricted_marks: int


def _restricted_item_ids(conn: Connection) -> set[int]:
    """Ids of the items restricted as a whole (there are few marks, so they are read once per
    request and applied in Python, instead of a correlated subquery over every row)."""
    r = restrictions.c
    subjects = (
        conn.execute(select(r.subject).where(r.field == "", r.subject.like("item:%")))
        .scalars()
        .all()
    )
    if not subjects:
        return set()
    hashes = [sub.removeprefix("item:") for sub in subjects]
    return {
        int(i) for i in conn.execute(select(items.c.id).where(items.c.hash.in_(hashes))).scalars()
    }


def visible_items(
    project: Project,
    filters: ItemFilter | None = None,
    *,
    include_restricted: bool,
    limit: int = 50,
    offset: int = 0,
) -> tuple[list[ItemSummary], int]:
    """(a page of items, how many match). Restricted items count and appear only when
    `include_restricted`. A text query ranks by relevance (at most 1,000 matches considered);
    without one the newest come first."""
    f = filters or ItemFilter()
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
    with project.read() as conn:
        hidden = set() if include_restricted else _restricted_item_ids(conn)
        if hidden:
            conds.append(items.c.id.not_in(sorted(hidden)))
        if f.q and f.q.strip():
            ranked = [i for i in search_item_ids(conn, f.q, limit=1000) if i not in hidden]
            if conds:  # other filters too: keep the ranked ids that pass them
                passing = set(
                    conn.execute(
                        select(items.c.id)
                        .select_from(items.outerjoin(item_metadata, m.item_id == items.c.id))
                        .where(items.c.id.in_(ranked), *conds)
                    ).scalars()
                )
                ranked = [i for i in ranked if i in passing]
            page = ranked[offset : offset + limit]
            rows = {r.id: r for r in conn.execute(_summary_query().where(items.c.id.in_(page)))}
            return [_summary(rows[i]) for i in page if i in rows], len(ranked)
        if conds:
            total = conn.execute(
                select(func.count())
                .select_from(items.outerjoin(item_metadata, m.item_id == items.c.id))
                .where(*conds)
            ).scalar_one()
        else:
            total = conn.execute(select(func.count()).select_from(items)).scalar_one()
        rows_ = conn.execute(
            _summary_query().where(*conds).order_by(items.c.id.desc()).limit(limit).offset(offset)
        )
        return [_summary(r) for r in rows_], int(total)


def dashboard(project: Project) -> Dashboard:
    """The workspace's headline figures; claims are the current ones (each item's latest
    extraction)."""
    from factfinder.services.review import list_reviewed_claims, review_queue

    with project.read() as conn:
        n_items = conn.execute(select(func.count()).select_from(items)).scalar_one()
        size = ledger_rows.head_size(conn)
        cp = conn.execute(
            select(checkpoints.c.size, checkpoints.c.created_at)
            .order_by(checkpoints.c.id.desc())
            .limit(1)
        ).first()
        marks = conn.execute(select(func.count()).select_from(restrictions)).scalar_one()
    _, n_claims = list_reviewed_claims(project, limit=0)
    _, pending = review_queue(project, limit=0)
    n_incidents = _incident_count(project)
    return Dashboard(
        int(n_items),
        int(n_claims),
        pending,
        n_incidents,
        size,
        int(cp.size) if cp else None,
        cp.created_at if cp else None,
        int(marks),
    )


def _incident_count(project: Project) -> int:
    import importlib

    try:
        incident_service = importlib.import_module("factfinder.services.incidents")
    except ImportError:  # the incidents area has not landed in this checkout
        return 0
    count = getattr(incident_service, "count_incidents", None)
    return int(count(project)) if callable(count) else 0
