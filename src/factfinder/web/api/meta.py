"""`/api/v1`: the OpenAPI schema, dashboard figures, map boundaries, comments, restriction
marks."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Request

from factfinder.errors import NotFound
from factfinder.geo import boundaries as shipped
from factfinder.services.access.commands import add_comment, release_name, restrict, unrestrict
from factfinder.services.access.queries import (
    list_marks,
    list_releases,
    restricted_reads,
)
from factfinder.services.access.roles import Permission
from factfinder.services.claims.queries import reviewed_claim
from factfinder.services.workspace import dashboard
from factfinder.subjects import parse_subject
from factfinder.web.deps import Commenter, ProjectDep, Reader, Restricter
from factfinder.web.schemas import (
    CommentCreate,
    CommentPublic,
    CommentsPublic,
    DashboardPublic,
    GeoJSONResponse,
    ReleaseCreate,
    ReleasePublic,
    RestrictedReadPublic,
    RestrictionCreate,
    RestrictionPublic,
)
from factfinder.web.views import disclose, reader_view, shown_comments, subject_secrets

router = APIRouter(tags=["workspace"])
Subject = Annotated[str, Path(pattern=r"^(item|claim|incident):[^/]+$", max_length=200)]


@router.get("/openapi.json", include_in_schema=False)
def openapi(who: Reader, request: Request) -> dict[str, Any]:
    schema: dict[str, Any] = request.app.openapi()
    return schema


@router.get("/dashboard", response_model=DashboardPublic)
def get_dashboard(who: Reader, project: ProjectDep) -> DashboardPublic:
    """The headline figures, counting only what your role may see; `restricted_marks` only
    for roles that manage restrictions."""
    d = dashboard(
        project,
        include_restricted=who.can(Permission.READ_RESTRICTED),
        include_marks=who.can(Permission.RESTRICT),
    )
    return DashboardPublic.model_validate(d)


@router.get("/boundaries", response_model=dict[str, Any], response_class=GeoJSONResponse)
def boundaries(who: Reader) -> dict[str, Any]:
    """The offline base layer of the map: country and governorate outlines (GeoJSON)."""

    collection: dict[str, Any] = dict(shipped())
    return collection


def _hidden_subject(project: ProjectDep, who: Reader, subject: str) -> bool:
    """Is `subject` absent for the reader — restricted as a whole, or for a claim its item or
    its incident (as its own page would answer 404)?"""
    view = reader_view(project, who)
    kind, ref = parse_subject(subject)
    if kind == "incident":
        return view.incident_hidden(ref)
    if kind == "item":
        return view.item_hidden(ref)
    if kind == "claim" and ref.isdigit():
        try:
            claim = reviewed_claim(project, int(ref))
        except NotFound:
            return False
        return view.claim_hidden(claim.id, claim.item_hash)
    return False


@router.get("/comments/{subject}", response_model=CommentsPublic)
def get_comments(subject: Subject, who: Reader, project: ProjectDep) -> CommentsPublic:
    """The comments on a subject (404 for a subject restricted from your role)."""
    if _hidden_subject(project, who, subject):
        raise NotFound(f"no {subject}")
    view = reader_view(project, who)
    secrets, items = subject_secrets(project, view, subject)
    found = shown_comments(project, view, subject, secrets, items)
    disclose(project, view, f"comments on {subject}")
    return CommentsPublic(
        data=[
            CommentPublic(
                id=c.id, subject=c.subject, author=c.author, body=c.body, created_at=c.created_at
            )
            for c in found
        ],
        count=len(found),
    )


@router.post("/comments/{subject}", response_model=CommentPublic, status_code=201)
def post_comment(
    subject: Subject, body: CommentCreate, who: Commenter, project: ProjectDep
) -> CommentPublic:
    c = add_comment(project, subject, body.body, actor=who.actor)
    return CommentPublic.model_validate(c)


@router.get("/restrictions", response_model=list[RestrictionPublic])
def get_restrictions(who: Restricter, project: ProjectDep) -> list[RestrictionPublic]:
    return [RestrictionPublic.model_validate(m) for m in list_marks(project)]


@router.post("/restrictions", response_model=RestrictionPublic, status_code=201)
def add_restriction(
    body: RestrictionCreate, who: Restricter, project: ProjectDep
) -> RestrictionPublic:
    m = restrict(project, body.subject, body.field, reason=body.reason, actor=who.actor)
    return RestrictionPublic.model_validate(m)


@router.delete("/restrictions/{subject}", status_code=204)
def remove_restriction(
    subject: Subject, who: Restricter, project: ProjectDep, field: str = ""
) -> None:
    unrestrict(project, subject, field, actor=who.actor)


@router.get("/releases", response_model=list[ReleasePublic])
def get_releases(who: Restricter, project: ProjectDep) -> list[ReleasePublic]:
    """The personal names released from restriction, with who released them and why."""
    return [ReleasePublic.model_validate(r) for r in list_releases(project)]


@router.post("/releases", response_model=ReleasePublic, status_code=201)
def add_release(body: ReleaseCreate, who: Restricter, project: ProjectDep) -> ReleasePublic:
    """Release a personal name of an item (restricted by rule, like every personal name a
    report quotes) with a reason; a ledger entry with you as actor."""
    r = release_name(project, body.subject, body.name, reason=body.reason, actor=who.actor)
    return ReleasePublic.model_validate(r)


@router.get("/restricted-reads", response_model=list[RestrictedReadPublic])
def get_restricted_reads(who: Restricter, project: ProjectDep) -> list[RestrictedReadPublic]:
    """Who was shown restricted data, what and when (the `restricted.read` ledger entries)."""
    return [RestrictedReadPublic.model_validate(r) for r in restricted_reads(project)]
