"""`/api/v1/items`: list (filters, full-text search), detail, upload for ingest."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Form, Query, UploadFile

from factfinder.errors import NotFound
from factfinder.services.access.roles import Permission
from factfinder.services.claims.queries import reviewed_claims
from factfinder.services.preserve.items import item_text, show_item
from factfinder.services.preserve.search import ItemFilter, visible_items
from factfinder.subjects import item_subject
from factfinder.web import views
from factfinder.web.deps import Ingester, ProjectDep, Reader, SettingsDep
from factfinder.web.schemas import IngestFailure, IngestPublic, ItemDetailPublic, ItemsPublic
from factfinder.web.uploads import ingest_uploads

router = APIRouter(tags=["items"])


@router.get("/items", response_model=ItemsPublic)
def list_items(
    who: Reader,
    project: ProjectDep,
    q: Annotated[str | None, Query(max_length=500, description="Full-text query")] = None,
    media_type: Annotated[str | None, Query(max_length=255)] = None,
    publisher: Annotated[str | None, Query(max_length=255)] = None,
    language: Annotated[str | None, Query(max_length=16)] = None,
    published_from: Annotated[str | None, Query(max_length=40)] = None,
    published_to: Annotated[str | None, Query(max_length=40)] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> ItemsPublic:
    """Items, newest first (best match first with `q`); restricted items only for roles that
    may see them."""
    filters = ItemFilter(q, media_type, publisher, language, published_from, published_to)
    page, total = visible_items(
        project,
        filters,
        include_restricted=who.can(Permission.READ_RESTRICTED),
        limit=limit,
        offset=offset,
    )
    view = views.reader_view(project, who, [item_subject(s.hash) for s in page])
    data = [views.item_public(s, view) for s in page]
    views.disclose(project, view, "items")
    return ItemsPublic(data=data, count=total)


@router.get("/items/{ref}", response_model=ItemDetailPublic)
def get_item(ref: str, who: Reader, project: ProjectDep) -> ItemDetailPublic:
    """One item (by id, hash prefix or external id): metadata, full text, custody, ledger
    history and its current claims."""
    detail = show_item(project, ref)
    item_id, text = item_text(project, str(detail.summary.id))
    found = reviewed_claims(project, item_id=item_id)
    view = views.reader_view(
        project,
        who,
        [
            item_subject(detail.summary.hash),
            *views.claim_subjects(found),
            *views.link_subjects(detail),
        ],
    )
    if views.hidden_item(detail.summary.hash, view) or views.hidden_reference(
        ref, detail.summary, view
    ):
        raise NotFound(f"no item {ref!r} (give an id, a hash prefix or an external id)")
    visible_text = None if "text" in view.item_fields(detail.summary.hash) else text
    shown = [c for c in found if not views.hidden_claim(c, view)]
    claims = [views.claim_public(c, visible_text, view) for c in shown]
    public = views.item_detail_public(detail, text, claims, view, shown)
    views.disclose(project, view, f"item {detail.summary.hash}")
    return public


@router.post("/items", response_model=IngestPublic, status_code=201)
async def upload_items(
    who: Ingester,
    project: ProjectDep,
    settings: SettingsDep,
    files: Annotated[list[UploadFile], File(description="Files to preserve and ingest")],
    metadata: Annotated[
        str | None,
        Form(
            max_length=1_000_000,
            description="What is said about the files, as the CSV of `factfinder ingest "
            "--metadata`: a header row naming the columns path, published, publisher, url and "
            "optionally title; `path` names an uploaded file by its file name.",
        ),
    ] = None,
) -> IngestPublic:
    """Preserve and ingest uploaded files (any format `factfinder ingest` reads, JSON Lines
    document batches included), with the uploader as actor and custodian, and each file's
    publication date, publisher, URL and title from `metadata`."""
    summary = await ingest_uploads(
        project, who, files, settings.max_upload_mb << 20, metadata_csv=metadata
    )
    return IngestPublic(
        parts=summary.parts,
        new_items=summary.new_items,
        new_acquisitions=summary.new_acquisitions,
        unchanged=summary.unchanged,
        failures=[
            IngestFailure(input=f.input.rsplit("/", 1)[-1], problem=f.problem)
            for f in summary.failures
        ],
    )
