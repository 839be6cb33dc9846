"""`/api/v1/claims`: current claims, the review queue, review decisions, extraction runs."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from factfinder.errors import NotFound
from factfinder.services.access.roles import Permission
from factfinder.services.claims.extraction import extract_items
from factfinder.services.claims.queries import list_reviewed_claims, review_queue, reviewed_claim
from factfinder.services.claims.review import decide
from factfinder.web import views
from factfinder.web.deps import MAX_ID, IdPath, ProjectDep, Reader, Reviewer, Runner
from factfinder.web.schemas import ClaimDecision, ClaimPublic, ClaimsPublic, ExtractRunPublic

router = APIRouter(tags=["claims"])


@router.get("/claims", response_model=ClaimsPublic)
def list_claims(
    who: Reader,
    project: ProjectDep,
    item_id: Annotated[int | None, Query(ge=1, le=MAX_ID)] = None,
    status: Annotated[str | None, Query(pattern="^(pending|accepted|corrected|rejected)$")] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
    offset: Annotated[int, Query(ge=0, le=MAX_ID)] = 0,
) -> ClaimsPublic:
    """The current claims (each item's latest extraction) with their review status; claims
    restricted for your role are left out of the page."""
    found, total = list_reviewed_claims(
        project,
        item_id=item_id,
        status=status,
        limit=limit,
        offset=offset,
        include_restricted=who.can(Permission.READ_RESTRICTED),
    )
    return ClaimsPublic(data=views.visible_claims(project, who, found), count=total)


@router.get("/claims/queue", response_model=ClaimsPublic)
def queue(
    who: Reviewer, project: ProjectDep, limit: Annotated[int, Query(ge=1, le=200)] = 20
) -> ClaimsPublic:
    """The next claims waiting for review."""
    found, total = review_queue(project, limit=limit)
    return ClaimsPublic(data=views.visible_claims(project, who, found), count=total)


@router.get("/claims/{claim_id}", response_model=ClaimPublic)
def get_claim(claim_id: IdPath, who: Reader, project: ProjectDep) -> ClaimPublic:
    found = views.visible_claims(project, who, [reviewed_claim(project, claim_id)])
    if not found:
        raise NotFound(f"no claim {claim_id}")
    return found[0]


@router.post("/claims/{claim_id}/review", response_model=ClaimPublic)
def review(
    claim_id: IdPath, body: ClaimDecision, who: Reviewer, project: ProjectDep
) -> ClaimPublic:
    """Accept, correct (with `corrections`) or reject a claim; a ledger entry with you as actor."""
    decide(
        project,
        claim_id,
        body.decision,
        corrections=body.corrections or None,
        reason=body.reason,
        actor=who.actor,
    )
    return views.visible_claims(project, who, [reviewed_claim(project, claim_id)])[0]


@router.post("/runs/extract", response_model=ExtractRunPublic)
def run_extraction(who: Runner, project: ProjectDep) -> ExtractRunPublic:
    """Extract claims from every item whose text has not been extracted yet."""

    report = extract_items(project, actor=who.actor)
    return ExtractRunPublic(
        items=report.items,
        extracted=report.extracted,
        skipped=report.skipped,
        claims=report.claims,
        failed=report.failed,
    )
