"""`/api/v1/incidents`: list (filters, keyset pagination), map points, timeline, detail with
member claims and the explanation of figures and grade, decisions (merge, split, confirm,
grade override), and linking runs."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query
from fastapi.responses import JSONResponse

from factfinder.errors import NotFound
from factfinder.report.charts import series_colours
from factfinder.report.labels import label
from factfinder.services.access.roles import Permission
from factfinder.services.access.view import RedactionView, incidents_with_hidden_claims
from factfinder.services.incidents import aggregates
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
    rows = views.visible_rows(who, project, tuple(page_rows))
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
        for r in views.visible_rows(who, project, tuple(page_rows))
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


def retold(
    who: Principal, project: ProjectDep
) -> tuple[RedactionView, frozenset[str], list[IncidentSummary]]:
    """(the reader's view, the incidents a count must not read as stored, those incidents as
    the reader sees them): an incident some of whose claims the reader may not see is told by
    its other claims (left out when none is left), so the aggregates count it as told."""
    view = views.reader_view(project, who)
    if view.privileged or not view.hides_claims():
        return view, frozenset(), []
    partly = incidents_with_hidden_claims(project)
    rows = []
    for incident_id in sorted(partly):
        if views.hidden_incident(incident_id, view):
            continue
        seen = views.visible_detail(
            project, view, incident_queries.get_incident(project, incident_id)
        )
        if seen is not None:
            rows.append(seen[0])
    return view, partly, rows


@router.get("/incidents/map", response_model=dict[str, Any])
def incidents_map(
    who: Reader,
    project: ProjectDep,
    filters: Filters,
    south: Annotated[float, Query(ge=-90, le=90)] = -90.0,
    west: Annotated[float, Query(ge=-180, le=180)] = -180.0,
    north: Annotated[float, Query(ge=-90, le=90)] = 90.0,
    east: Annotated[float, Query(ge=-180, le=180)] = 180.0,
    zoom: Annotated[int, Query(ge=0, le=aggregates.MAX_ZOOM)] = 6,
) -> JSONResponse:
    """The incidents in a box at a zoom level: one by one when few are in view (at most
    `points_max`), else counted in grid cells (server-side clusters: count, civilians killed,
    grades, mean position and extent), with the places and governorates that have incidents in
    view and how many matching incidents have no coordinates. Counts are of what the reader may
    see."""
    view, skip, extra = retold(who, project)
    found = aggregates.map_view(
        project,
        filters,
        aggregates.Bounds(min(south, north), min(west, east), max(south, north), max(west, east)),
        zoom,
        skip=skip,
        extra=extra,
    )
    for p in found.points:
        views.hidden_incident(p["id"], view)  # a privileged reader's restricted reads are ledgered
    views.disclose(project, view, "map")
    # Returned as is: the answer is plain JSON already, and validating thousands of cells
    # against `dict[str, Any]` would cost more than counting them.
    return JSONResponse(
        {
            "zoom": found.zoom,
            "cell": found.cell,
            "total": found.total,
            "points_max": aggregates.POINTS_MAX,
            "points": found.points,
            # The points' perpetrators and event types named for readers ("US-led coalition").
            "labels": {
                k: label(k) for p in found.points for k in (p["perpetrator"], p["event_type"]) if k
            },
            "cells": found.cells,
            "places": found.places,
            "governorates": found.governorates,
            "unlocated": found.unlocated,
        }
    )


@router.get("/incidents/periods", response_model=dict[str, Any])
def incidents_periods(
    who: Reader,
    project: ProjectDep,
    filters: Filters,
    period: Annotated[str, Query(pattern="^(day|week|month)$")] = "month",
    by: Annotated[str, Query(pattern="^(perpetrator|grade)$")] = "perpetrator",
    measure: Annotated[str, Query(pattern="^(incidents|civilians)$")] = "incidents",
) -> JSONResponse:
    """Incidents per day, week (from Monday) or month of their start date, by alleged
    perpetrator or by grade; `measure=civilians` sums their civilians-killed minimums instead.
    Undated incidents are counted apart. Counts are of what the reader may see. Each series
    comes with its colour (the one of every chart and of the case report) and its name for
    readers (`labels`)."""
    _, skip, extra = retold(who, project)
    p = aggregates.periods(
        project, filters, period=period, by=by, measure=measure, skip=skip, extra=extra
    )
    return JSONResponse(
        {
            "period": p.period,
            "by": p.by,
            "measure": p.measure,
            "series": p.series,
            "colours": series_colours(p.by, p.series),
            # Each series' name for readers ("US-led coalition"), beside its key.
            "labels": {s: label(s) for s in p.series},
            "buckets": p.buckets,
            "undated": p.undated,
            "total": p.total,
        }
    )


@router.get("/incidents/grades", response_model=dict[str, int])
def incidents_grades(who: Reader, project: ProjectDep, filters: Filters) -> dict[str, int]:
    """How many incidents the reader may see have each grade."""
    _, skip, extra = retold(who, project)
    return aggregates.by_grade(project, filters, skip=skip, extra=extra)


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
