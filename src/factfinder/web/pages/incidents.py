"""Incidents (list with filters, detail with member claims, reconciled figures and their
reasons, grade trace, merge / split / confirm / grade override), the map and the timeline."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import Response

from factfinder.errors import InvalidRecord, NotFound
from factfinder.report.charts import GRADE_COLOURS
from factfinder.services.access.queries import restrictions_for
from factfinder.services.access.roles import Permission
from factfinder.services.cases.queries import cases_holding
from factfinder.services.incidents import commands as incident_commands
from factfinder.services.incidents import queries as incident_queries
from factfinder.services.incidents.queries import IncidentFilters
from factfinder.subjects import incident_subject
from factfinder.vocab import EVENT_TYPES, GRADES, PERPETRATOR_GROUPS
from factfinder.web import casefiles, views
from factfinder.web.api.incidents import DATE, Filters
from factfinder.web.deps import Decider, ProjectDep, Reader, Runner
from factfinder.web.pages.common import render, see_other

router = APIRouter()


def _query(f: IncidentFilters) -> str:
    from urllib.parse import urlencode

    pairs = {
        k: v
        for k, v in (
            ("date_from", f.date_from),
            ("date_to", f.date_to),
            ("governorate", f.governorate),
            ("perpetrator", f.perpetrator),
            ("event_type", f.event_type),
            ("grade", f.grade),
            ("q", f.q),
        )
        if v
    }
    return ("?" + urlencode(pairs)) if pairs else ""


def _choices() -> dict[str, Any]:
    return {"event_types": EVENT_TYPES, "groups": PERPETRATOR_GROUPS, "grades": GRADES}


@router.get("/incidents")
def incidents_page(
    request: Request,
    who: Reader,
    project: ProjectDep,
    filters: Filters,
    after: Annotated[str | None, Query(max_length=200)] = None,
) -> Response:
    page_rows, page_count, page_next = incident_queries.list_incidents(
        project, filters, limit=50, after=after
    )
    rows = views.visible_rows(who, project, tuple(page_rows))
    return render(
        request,
        "incidents.html",
        who,
        {
            "rows": rows,
            "count": page_count,
            "next": page_next,
            "f": filters,
            "query": _query(filters),
            "cases": casefiles.visible_cases(project, who) if who.can(Permission.DECIDE) else [],
            **_choices(),
        },
    )


@router.get("/incidents/{incident_id}")
def incident_page(request: Request, incident_id: str, who: Reader, project: ProjectDep) -> Response:
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
    subject = incident_subject(incident_id)
    comments = views.shown_comments(project, view, subject, secrets, [c.item_hash for c in shown])
    claims = {c.id: c for c in views.visible_claims(project, who, shown, view)}
    members = [(m, claims.get(m.claim_id)) for m in detail.members]
    if not view.privileged:
        members = [(m, c) for m, c in members if c is not None]
    decisions = [views.scrub(dict(d), secrets) for d in detail.decisions]
    return render(
        request,
        "incident.html",
        who,
        {
            "i": summary,
            "members": members,
            "x": explanation,
            "reconciliation": explanation.get("reconciliation") or {},
            "grading": explanation.get("grading") or {},
            "decisions": decisions,
            "restricted_members": len(detail.members) - len(members),
            "may_decide": who.can(Permission.DECIDE),
            "subject": subject,
            "comments": comments,
            "restricted": restrictions_for(project, [subject]).subject(subject),
            "cases": casefiles.visible_cases(project, who),
            "in_cases": _holding(project, incident_id),
            **_choices(),
        },
    )


def _holding(project: ProjectDep, incident_id: str) -> list[int]:
    with project.read() as conn:
        return cases_holding(conn, incident_id)


def _ids(form: Any, name: str) -> list[str]:
    return [str(v) for v in form.getlist(name) if str(v).strip()]


@router.post("/incidents/merge")
async def merge(request: Request, who: Decider, project: ProjectDep) -> Response:
    from starlette.concurrency import run_in_threadpool

    form = await request.form()
    ids = _ids(form, "ids")
    if len(ids) < 2:
        raise InvalidRecord("choose at least two incidents to merge")
    reason = str(form.get("reason", "")).strip() or "merged in the workspace"
    new_id = await run_in_threadpool(
        incident_commands.merge, project, ids, reason=reason, actor=who.actor
    )
    return see_other(f"/incidents/{new_id}")


@router.post("/incidents/{incident_id}/split")
async def split(request: Request, incident_id: str, who: Decider, project: ProjectDep) -> Response:
    from starlette.concurrency import run_in_threadpool

    form = await request.form()
    claim_ids = []
    for value in _ids(form, "claim_ids"):
        if not value.isdigit():
            raise InvalidRecord(f"claim id {value!r} is not a number")
        claim_ids.append(int(value))
    if not claim_ids:
        raise InvalidRecord("choose the claims to move out into a new incident")
    reason = str(form.get("reason", "")).strip() or "split in the workspace"
    new_id = await run_in_threadpool(
        incident_commands.split,
        project,
        incident_id,
        claim_ids,
        reason=reason,
        actor=who.actor,
    )
    return see_other(f"/incidents/{new_id}")


@router.post("/incidents/{incident_id}/confirm")
def confirm(
    request: Request,
    incident_id: str,
    who: Decider,
    project: ProjectDep,
    reason: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    incident_commands.confirm(project, incident_id, reason=reason, actor=who.actor)
    return see_other(f"/incidents/{incident_id}")


@router.post("/incidents/{incident_id}/grade")
def grade(
    request: Request,
    incident_id: str,
    who: Decider,
    project: ProjectDep,
    grade: Annotated[str, Form(max_length=20)],
    reason: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    if grade not in GRADES:
        raise InvalidRecord(f"grade {grade!r} is not one of {', '.join(GRADES)}")
    if not reason.strip():
        raise InvalidRecord("a grade override needs a reason")
    incident_commands.grade(project, incident_id, grade, reason=reason, actor=who.actor)
    return see_other(f"/incidents/{incident_id}")


@router.post("/runs/link")
def run_link(request: Request, who: Runner, project: ProjectDep) -> Response:
    s = incident_commands.link_project(project, actor=who.actor)
    text = f"{s.claims} claims → {s.incidents} incidents ({s.merged} with several claims)."
    return render(request, "runs.html", who, {"extract": None, "link": text})


@router.get("/map")
def map_page(request: Request, who: Reader, project: ProjectDep, filters: Filters) -> Response:
    cases = casefiles.visible_cases(project, who) if who.can(Permission.DECIDE) else []
    return render(
        request,
        "map.html",
        who,
        {
            "query": _query(filters),
            "f": filters,
            "cases": cases,
            # The markers' colours, from the palette of every chart (map.js holds none), as
            # pairs: the legend keeps the grades' order.
            "grade_colours": list(GRADE_COLOURS.items()),
            **_choices(),
        },
    )


@router.get("/timeline")
def timeline_page(request: Request, who: Reader, filters: Filters) -> Response:
    """The chart reads its counts from `/api/v1/incidents/periods` (with the same filters)."""
    return render(
        request, "timeline.html", who, {"f": filters, "query": _query(filters), **_choices()}
    )


__all__ = ["DATE", "router"]
