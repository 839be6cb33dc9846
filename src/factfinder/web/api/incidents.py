"""`/api/v1/incidents`: list (filters, keyset pagination), map points, timeline, detail with
member claims and the explanation of figures and grade, decisions (merge, split, confirm,
grade override), and linking runs."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query

from factfinder.errors import NotFound
from factfinder.services.access.roles import Permission
from factfinder.services.incidents import commands as incident_commands
from factfinder.services.incidents import queries as incident_queries
from factfinder.services.incidents.queries import IncidentFilters, IncidentSummary
from factfinder.web import views
from factfinder.web.deps import Decider, Principal, ProjectDep, Reader, Runner
from factfinder.web.schemas import (
    GeoJSONResponse,
    IncidentConfirm,
    IncidentDecided,
    IncidentDetailPublic,
    IncidentGrade,
    IncidentMemberPublic,
    IncidentMerge,
    IncidentSplit,
    IncidentsPublic,
    LinkRunPublic,
    TimelinePoint,
)

router = APIRouter(tags=["incidents"])
IncidentId = Annotated[str, Path(pattern=r"^[A-Za-z0-9._:-]{1,64}$")]
DATE = r"^\d{4}-\d{2}-\d{2}$"


def incident_filter(
    who: Reader,
    date_from: Annotated[str | None, Query(pattern=DATE)] = None,
    date_to: Annotated[str | None, Query(pattern=DATE)] = None,
    governorate: Annotated[str | None, Query(max_length=100)] = None,
    perpetrator: Annotated[str | None, Query(max_length=40)] = None,
    event_type: Annotated[str | None, Query(max_length=40)] = None,
    grade: Annotated[str | None, Query(max_length=20)] = None,
    q: Annotated[str | None, Query(max_length=500)] = None,
) -> IncidentFilters:
    return IncidentFilters(
        date_from or None,
        date_to or None,
        governorate or None,
        perpetrator or None,
        event_type or None,
        grade or None,
        q or None,
        include_restricted=who.can(Permission.READ_RESTRICTED),
    )


Filters = Annotated[IncidentFilters, Depends(incident_filter)]


def visible_rows(
    who: Principal, project: ProjectDep, rows: list[IncidentSummary] | tuple[IncidentSummary, ...]
) -> list[IncidentSummary]:
    """The rows the reader may see, each as its visible claims tell it."""
    view = views.reader_view(project, who)
    out = [r for r in rows if not views.hidden_incident(r.id, view)]
    if not view.privileged:
        out = views.retold_rows(project, view, out)
    views.disclose(project, view, "incidents")
    return out


@router.get("/incidents", response_model=IncidentsPublic)
def list_incidents(
    who: Reader,
    project: ProjectDep,
    filters: Filters,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    after: Annotated[str | None, Query(max_length=200, description="Cursor from `next`")] = None,
) -> IncidentsPublic:
    """Incidents, newest first, filtered by date, governorate, perpetrator group, event type,
    grade and text; keyset-paginated (`next` → `after`)."""
    page_rows, page_count, page_next = incident_queries.list_incidents(
        project, filters, limit=limit, after=after
    )
    rows = visible_rows(who, project, tuple(page_rows))
    return IncidentsPublic(
        data=[views.incident_public(r) for r in rows], count=page_count, next=page_next
    )


@router.get("/incidents/geojson", response_model=dict[str, Any], response_class=GeoJSONResponse)
def incidents_geojson(
    who: Reader,
    project: ProjectDep,
    filters: Filters,
    limit: Annotated[int, Query(ge=1, le=20_000)] = 5000,
) -> dict[str, Any]:
    """The incidents with coordinates as GeoJSON points (for the map)."""
    page_rows, _, _ = incident_queries.list_incidents(project, filters, limit=limit, after=None)
    features = [
        f
        for r in visible_rows(who, project, tuple(page_rows))
        if (f := views.incident_feature(r)) is not None
    ]
    return {"type": "FeatureCollection", "features": features}


@router.get("/incidents/timeline", response_model=list[TimelinePoint])
def incidents_timeline(
    who: Reader,
    project: ProjectDep,
    filters: Filters,
) -> list[TimelinePoint]:
    """Incidents per month."""
    return [
        TimelinePoint(month=m, count=n)
        for m, n in incident_queries.incident_timeline(project, filters)
    ]


@router.get("/incidents/{incident_id}", response_model=IncidentDetailPublic)
def get_incident(incident_id: IncidentId, who: Reader, project: ProjectDep) -> IncidentDetailPublic:
    """One incident: its member claims (restricted ones left out), figures, grade and why."""

    detail = incident_queries.get_incident(project, incident_id)
    view = views.reader_view(project, who)
    seen = (
        None
        if views.hidden_incident(incident_id, view)
        else views.visible_detail(project, view, detail)
    )
    if seen is None:
        raise NotFound(f"no incident {incident_id!r}")
    summary, explanation, shown, secrets = seen
    found = {c.id: c for c in views.visible_claims(project, who, shown, view)}
    members = [m for m in detail.members if view.privileged or m.claim_id in found]
    return IncidentDetailPublic(
        incident=views.incident_public(summary),
        members=[
            IncidentMemberPublic(
                claim_id=m.claim_id,
                score=m.score,
                features=views.member_features(m.features, view),
                claim=found.get(m.claim_id),
            )
            for m in members
        ],
        explanation=explanation,
        decisions=[views.scrub(dict(d), secrets) for d in detail.decisions],
    )


@router.post("/incidents/merge", response_model=IncidentDecided)
def merge(body: IncidentMerge, who: Decider, project: ProjectDep) -> IncidentDecided:
    """Merge incidents into one (a ledger entry with you as actor)."""
    new_id = incident_commands.merge(project, body.ids, reason=body.reason, actor=who.actor)
    return IncidentDecided(id=new_id)


@router.post("/incidents/{incident_id}/split", response_model=IncidentDecided)
def split(
    incident_id: IncidentId,
    body: IncidentSplit,
    who: Decider,
    project: ProjectDep,
) -> IncidentDecided:
    """Move the given member claims out into a new incident."""
    new_id = incident_commands.split(
        project, incident_id, body.claim_ids, reason=body.reason, actor=who.actor
    )
    return IncidentDecided(id=new_id)


@router.post("/incidents/{incident_id}/confirm", response_model=IncidentDecided)
def confirm(
    incident_id: IncidentId,
    body: IncidentConfirm,
    who: Decider,
    project: ProjectDep,
) -> IncidentDecided:
    """Confirm the membership of an incident as it stands (later runs keep it)."""
    incident_commands.confirm(project, incident_id, reason=body.reason, actor=who.actor)
    return IncidentDecided(id=incident_id)


@router.post("/incidents/{incident_id}/grade", response_model=IncidentDecided)
def grade(
    incident_id: IncidentId,
    body: IncidentGrade,
    who: Decider,
    project: ProjectDep,
) -> IncidentDecided:
    """Override the grade, with a reason (the rule trace keeps both)."""
    incident_commands.grade(project, incident_id, body.grade, reason=body.reason, actor=who.actor)
    return IncidentDecided(id=incident_id)


@router.post("/runs/link", response_model=LinkRunPublic)
def run_linking(who: Runner, project: ProjectDep) -> LinkRunPublic:
    """Link the current claims into incidents (human decisions are kept)."""
    s = incident_commands.link_project(project, actor=who.actor)
    return LinkRunPublic(claims=s.claims, incidents=s.incidents, merged=s.merged)
