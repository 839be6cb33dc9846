"""`/api/v1/cases`: cases (a named set of incidents with notes), their reports and evidence
packages. Creating a case and changing its incidents take the `decide` permission, a note the
`comment` permission (as for comments); every role may read a case and build its report or
package, which hold restricted data only for a role that may see it and asks for it."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query
from fastapi.responses import Response

from factfinder.services.cases import commands as case_commands
from factfinder.services.incidents.queries import existing_incidents
from factfinder.web import casefiles
from factfinder.web.deps import MAX_ID, Commenter, Decider, IdPath, ProjectDep, Reader
from factfinder.web.schemas import (
    CaseBuildPublic,
    CaseCreate,
    CaseIncidents,
    CaseNoteCreate,
    CaseNotePublic,
    CasePublic,
    CasesPublic,
    CaseSummaryPublic,
)

router = APIRouter(tags=["cases"])


def case_public(project: ProjectDep, who: Reader, case_id: int) -> CasePublic:
    seen = casefiles.seen_case(project, who, case_id)
    state = seen.state
    return CasePublic(
        id=state.id,
        name=state.name,
        description=state.description,
        created_at=state.created_at,
        actor=state.actor,
        incidents=list(state.incidents),
        notes=[CaseNotePublic.model_validate(n) for n in state.notes],
        withheld={"incidents": seen.hidden_incidents, "notes": seen.hidden_notes},
        builds=[CaseBuildPublic.model_validate(b) for b in seen.builds],
    )


@router.get("/cases", response_model=CasesPublic)
def cases_list(who: Reader, project: ProjectDep) -> CasesPublic:
    """Every case, oldest first, with the number of its incidents and notes your role may
    see."""
    found = casefiles.visible_cases(project, who)
    return CasesPublic(data=[CaseSummaryPublic.model_validate(c) for c in found], count=len(found))


@router.post("/cases", response_model=CasePublic, status_code=201)
def case_create(body: CaseCreate, who: Decider, project: ProjectDep) -> CasePublic:
    """Create an empty case (`case.create` ledger entry)."""
    state = case_commands.create_case(
        project, body.name, description=body.description, actor=who.actor
    )
    return case_public(project, who, state.id)


@router.get("/cases/{case_id}", response_model=CasePublic)
def case_get(case_id: IdPath, who: Reader, project: ProjectDep) -> CasePublic:
    """A case as your role may see it: restricted incidents and notes left out (counted in
    `withheld`) and the personal names of notes cut, unless your role may see them."""
    return case_public(project, who, case_id)


@router.post("/cases/{case_id}/incidents", response_model=CasePublic)
def case_add(case_id: IdPath, body: CaseIncidents, who: Decider, project: ProjectDep) -> CasePublic:
    """Add incidents (unknown ids are refused; those already in the case are skipped)."""
    case_commands.add_incidents(
        project, case_id, body.incidents, actor=who.actor, check=existing_incidents
    )
    return case_public(project, who, case_id)


@router.post("/cases/{case_id}/incidents/remove", response_model=CasePublic)
def case_remove(
    case_id: IdPath, body: CaseIncidents, who: Decider, project: ProjectDep
) -> CasePublic:
    """Take incidents out of the case (the ledger keeps that they were in it)."""
    case_commands.remove_incidents(project, case_id, body.incidents, actor=who.actor)
    return case_public(project, who, case_id)


@router.post("/cases/{case_id}/notes", response_model=CasePublic, status_code=201)
def case_note(
    case_id: IdPath, body: CaseNoteCreate, who: Commenter, project: ProjectDep
) -> CasePublic:
    """Write a note on the case, optionally about one of its incidents; a `restricted` note
    holds personal data and is shown only to roles that may see restricted data."""
    case_commands.add_note(
        project,
        case_id,
        body.text,
        incident=body.incident or None,
        restricted=body.restricted,
        actor=who.actor,
    )
    return case_public(project, who, case_id)


@router.post(
    "/cases/{case_id}/build",
    response_class=Response,
    responses={
        200: {
            "description": "The report (HTML or PDF) or the evidence package (zip)",
            "content": {"text/html": {}, "application/pdf": {}, "application/zip": {}},
        }
    },
)
def case_build(
    case_id: IdPath,
    who: Reader,
    project: ProjectDep,
    kind: Annotated[Literal["html", "pdf", "package"], Query(alias="format")] = "pdf",
    at: Annotated[int | None, Query(ge=1, le=MAX_ID, description="Checkpoint id")] = None,
    include_restricted: bool = False,
) -> Response:
    """Build the case report or evidence package from checkpoint `at` (default: the latest,
    signed now if the record grew) and download it; an `export.write` ledger entry records
    it. Restricted data goes in only with `include_restricted` and a role that may see it."""
    built = casefiles.build(
        project, who, case_id, kind, at=at, include_restricted=include_restricted
    )
    return Response(
        built.data, media_type=built.media_type, headers=casefiles.download_headers(built)
    )
