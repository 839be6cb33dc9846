"""The workspace dashboard (web pages and `/api/v1`): the headline figures of every stage —
items, claims, incidents, the ledger and its last checkpoint — counted as the role may see them
(without `include_restricted`, what is restricted as a whole is not counted; the number of
restriction marks only for roles that may manage them). Read-only.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, func, select

from factfinder.services.access.redaction import (
    any_marked_items,
    hidden_incidents,
    marked_items,
    sealed_items,
)
from factfinder.services.claims.queries import list_reviewed_claims
from factfinder.services.preserve.items import ItemSummary, item_summary, summary_query
from factfinder.services.project import Project
from factfinder.store.schema import checkpoints, items, ledger
from factfinder.store.schema_incidents import incidents, link_runs
from factfinder.store.schema_users import restrictions
from factfinder.vault import ledger as ledger_rows


@dataclass(frozen=True, slots=True)
class Dashboard:
    items: int
    claims: int
    pending_review: int
    incidents: int
    ledger_size: int
    checkpoint_size: int | None
    checkpoint_at: str | None
    restricted_marks: int | None  # None for a reader who may not manage restrictions


def dashboard(project: Project, *, include_restricted: bool, include_marks: bool) -> Dashboard:
    """The workspace's headline figures as the role may see them: claims are the current ones
    (each item's latest extraction); without `include_restricted` the items, claims and
    incidents restricted as a whole are not counted; the number of restriction marks only
    with `include_marks` (roles that manage restrictions)."""

    with project.read() as conn:
        n_items = conn.execute(select(func.count()).select_from(items)).scalar_one()
        if not include_restricted:
            marked = (
                set(conn.execute(marked_items()).scalars()) if any_marked_items(conn, ()) else set()
            )
            n_items -= len(marked | sealed_items(conn))
        size = ledger_rows.head_size(conn)
        cp = conn.execute(
            select(checkpoints.c.size, checkpoints.c.created_at)
            .order_by(checkpoints.c.id.desc())
            .limit(1)
        ).first()
        marks = conn.execute(select(func.count()).select_from(restrictions)).scalar_one()
        n_incidents = _incident_count(conn, include_restricted)
    _, n_claims = list_reviewed_claims(project, limit=0, include_restricted=include_restricted)
    _, pending = list_reviewed_claims(
        project, status="pending", limit=0, include_restricted=include_restricted
    )
    return Dashboard(
        int(n_items),
        n_claims,
        pending,
        n_incidents,
        size,
        int(cp.size) if cp else None,
        cp.created_at if cp else None,
        int(marks) if include_marks else None,
    )


def _incident_count(conn: Connection, include_restricted: bool) -> int:
    """Incidents of the latest link run (without `include_restricted`, those not restricted
    as a whole)."""
    run_id = conn.execute(select(func.max(link_runs.c.id))).scalar_one_or_none()
    if run_id is None:
        return 0
    query = select(func.count()).select_from(incidents).where(incidents.c.run_id == run_id)
    if not include_restricted:
        hidden = hidden_incidents(conn, run_id)
        if hidden is not None:
            query = query.where(incidents.c.incident_id.not_in(hidden))
    return int(conn.execute(query).scalar_one())


# The ledger kinds that are people's decisions on claims and incidents.
DECISION_KINDS = (
    "claim.accept",
    "claim.reject",
    "claim.correct",
    "incident.merge",
    "incident.split",
    "incident.move",
    "incident.confirm",
    "incident.grade",
)


@dataclass(frozen=True, slots=True)
class Decision:
    """A decision as the ledger records it: no payload (its reason is free text, which the
    caller would have to read through the redaction view)."""

    seq: int
    kind: str
    actor: str
    time: str
    subject: str | None


def recent_decisions(project: Project, *, limit: int = 30) -> list[Decision]:
    """The latest decisions on claims and incidents, newest first (the caller leaves out those
    whose subject the reader may not see)."""
    with project.read() as conn:
        rows = conn.execute(
            select(
                ledger.c.seq, ledger.c.kind, ledger.c.actor, ledger.c.created_at, ledger.c.subject
            )
            .where(ledger.c.kind.in_(DECISION_KINDS))
            .order_by(ledger.c.seq.desc())
            .limit(limit)
        )
        return [Decision(int(r.seq), r.kind, r.actor, r.created_at, r.subject) for r in rows]


def recent_items(project: Project, *, limit: int = 30) -> list[ItemSummary]:
    """The items ingested last, newest first (the caller leaves out what the reader may not
    see and reads the rest through the redaction view)."""
    with project.read() as conn:
        rows = conn.execute(summary_query().order_by(items.c.id.desc()).limit(limit))
        return [item_summary(r) for r in rows]
