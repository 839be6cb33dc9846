"""Cases: the list, a case's page (its incidents as the reader may see them, notes, what was
built of it), creating a case, adding incidents (from the incident list's checkboxes or an
incident's page) and taking them out, notes, and building the report (HTML, PDF) or the
evidence package (zip) from a checkpoint as a download. Roles: see `factfinder.web.api.cases`."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import Response

from factfinder.errors import InvalidRecord
from factfinder.services.access.roles import Permission
from factfinder.services.cases import commands as case_commands
from factfinder.services.incidents.queries import existing_incidents
from factfinder.services.preserve.history import list_checkpoints
from factfinder.web import casefiles
from factfinder.web.deps import MAX_ID, Commenter, Decider, IdPath, ProjectDep, Reader
from factfinder.web.pages.common import render, see_other

router = APIRouter()


def _ids(form: Any, name: str = "ids") -> list[str]:
    return [str(v).strip() for v in form.getlist(name) if str(v).strip()]


@router.get("/cases")
def cases_page(request: Request, who: Reader, project: ProjectDep) -> Response:
    return render(request, "cases.html", who, {"cases": casefiles.visible_cases(project, who)})


@router.post("/cases")
def create(
    request: Request,
    who: Decider,
    project: ProjectDep,
    name: Annotated[str, Form(max_length=200)],
    description: Annotated[str, Form(max_length=5000)] = "",
) -> Response:
    state = case_commands.create_case(project, name, description=description, actor=who.actor)
    return see_other(f"/cases/{state.id}")


@router.post("/cases/add")
async def add_selected(request: Request, who: Decider, project: ProjectDep) -> Response:
    """The incident list's selection into a case: an existing one (`case_id`), or a new one
    named `new_case`."""
    from starlette.concurrency import run_in_threadpool

    form = await request.form()
    ids = _ids(form)
    if not ids:
        raise InvalidRecord("choose the incidents to add to the case")
    new_name = str(form.get("new_case") or "").strip()
    if new_name:
        state = await run_in_threadpool(
            case_commands.create_case, project, new_name, actor=who.actor
        )
        case_id = state.id
    else:
        text = str(form.get("case_id") or "").strip()
        if not text.isdigit() or not 1 <= int(text) <= MAX_ID:
            raise InvalidRecord("choose a case, or name a new one")
        case_id = int(text)
    await run_in_threadpool(_add, project, case_id, ids, who.actor)
    back = str(form.get("back") or "")
    return see_other(back if back.startswith("/incidents/") else f"/cases/{case_id}")


def _add(project: ProjectDep, case_id: int, ids: list[str], actor: str) -> None:
    case_commands.add_incidents(project, case_id, ids, actor=actor, check=existing_incidents)


@router.get("/cases/{case_id}")
def case_page(request: Request, case_id: IdPath, who: Reader, project: ProjectDep) -> Response:
    seen = casefiles.seen_case(project, who, case_id)
    rows, gone = casefiles.incident_rows(project, who, seen.state.incidents)
    return render(
        request,
        "case.html",
        who,
        {
            "case": seen.state,
            "rows": rows,
            "gone": gone,
            "hidden_incidents": seen.hidden_incidents,
            "hidden_notes": seen.hidden_notes,
            "builds": seen.builds,
            "checkpoints": list(reversed(list_checkpoints(project))),
            "may_edit": who.can(Permission.DECIDE),
            "may_note": who.can(Permission.COMMENT),
            "may_restricted": who.can(Permission.READ_RESTRICTED),
        },
    )


@router.post("/cases/{case_id}/incidents")
async def add(request: Request, case_id: IdPath, who: Decider, project: ProjectDep) -> Response:
    from starlette.concurrency import run_in_threadpool

    form = await request.form()
    ids = _ids(form)
    await run_in_threadpool(_add, project, case_id, ids, who.actor)
    back = str(form.get("back") or "")
    return see_other(back if back.startswith("/incidents/") else f"/cases/{case_id}")


@router.post("/cases/{case_id}/remove")
async def remove(request: Request, case_id: IdPath, who: Decider, project: ProjectDep) -> Response:
    from starlette.concurrency import run_in_threadpool

    form = await request.form()
    await run_in_threadpool(
        case_commands.remove_incidents, project, case_id, _ids(form), actor=who.actor
    )
    return see_other(f"/cases/{case_id}")


@router.post("/cases/{case_id}/notes")
def note(
    request: Request,
    case_id: IdPath,
    who: Commenter,
    project: ProjectDep,
    text: Annotated[str, Form(max_length=20000)],
    incident: Annotated[str, Form(max_length=100)] = "",
    restricted: Annotated[bool, Form()] = False,
) -> Response:
    case_commands.add_note(
        project,
        case_id,
        text,
        incident=incident.strip() or None,
        restricted=restricted,
        actor=who.actor,
    )
    return see_other(f"/cases/{case_id}#notes")


@router.post("/cases/{case_id}/build")
def build(
    request: Request,
    case_id: IdPath,
    who: Reader,
    project: ProjectDep,
    kind: Annotated[str, Form(max_length=20)] = "pdf",
    at: Annotated[str, Form(max_length=20)] = "",
    include_restricted: Annotated[bool, Form()] = False,
) -> Response:
    checkpoint = at.strip()
    if checkpoint and not (checkpoint.isdigit() and 1 <= int(checkpoint) <= MAX_ID):
        raise InvalidRecord(f"checkpoint {checkpoint!r} is not a checkpoint id")
    built = casefiles.build(
        project,
        who,
        case_id,
        kind,
        at=int(checkpoint) if checkpoint else None,
        include_restricted=include_restricted,
    )
    return Response(
        built.data, media_type=built.media_type, headers=casefiles.download_headers(built)
    )
