"""Dashboard, items (list with filters, detail with highlighted claim spans), full-text
search, upload for ingest, extraction/linking runs, comments and restriction marks."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated

from fastapi import APIRouter, File, Form, Query, Request, UploadFile
from fastapi.responses import Response
from starlette.datastructures import UploadFile as StarletteUpload

from factfinder.errors import InputError, NotFound
from factfinder.report.charts import series_colours
from factfinder.services.access.commands import add_comment, restrict
from factfinder.services.access.roles import Permission
from factfinder.services.access.view import RedactionView, view_for
from factfinder.services.claims.extraction import extract_items
from factfinder.services.claims.queries import reviewed_claims
from factfinder.services.incidents import aggregates
from factfinder.services.incidents.queries import IncidentFilters, get_incident
from factfinder.services.preserve.inputs import FileMetadata, file_metadata
from factfinder.services.preserve.items import item_text, show_item
from factfinder.services.preserve.search import ItemFilter, visible_items
from factfinder.services.workspace import Decision, dashboard, recent_decisions, recent_items
from factfinder.subjects import CLAIM, INCIDENT, item_subject, parse_subject
from factfinder.web import views
from factfinder.web.api.incidents import retold
from factfinder.web.deps import (
    Commenter,
    Ingester,
    ProjectDep,
    Reader,
    Restricter,
    Runner,
    SettingsDep,
)
from factfinder.web.pages.common import render, see_other
from factfinder.web.render import Highlight, highlight
from factfinder.web.security import safe_next
from factfinder.web.uploads import ingest_uploads

router = APIRouter()


@router.get("/")
def home(request: Request, who: Reader, project: ProjectDep) -> Response:
    figures = dashboard(
        project,
        include_restricted=who.can(Permission.READ_RESTRICTED),
        include_marks=who.can(Permission.RESTRICT),
    )
    _, skip, extra = retold(who, project)
    filters = IncidentFilters(include_restricted=who.can(Permission.READ_RESTRICTED))
    grades = aggregates.by_grade(project, filters, skip=skip, extra=extra)
    # The lists of recent ingests and decisions show what a reader without access to
    # restricted data may see, whoever reads them: the front page discloses nothing (a
    # privileged reader opens the item or incident itself, and that read is ledgered).
    public = view_for(project, who.user, include_restricted=False)
    ingests = [
        views.item_public(s, public)
        for s in recent_items(project, limit=30)
        if not views.hidden_item(s.hash, public)
    ][:8]
    decisions = _visible_decisions(project, public, recent_decisions(project, limit=40))[:8]
    return render(
        request,
        "dashboard.html",
        who,
        {
            "d": figures,
            "grades": grades,
            "grade_top": max(grades.values(), default=0),
            # The grades' colours of every chart (the timeline by grade, the map, the report).
            "grade_colours": series_colours("grade", grades),
            "ingests": ingests,
            "decisions": decisions,
        },
    )


def _visible_decisions(
    project: ProjectDep, view: RedactionView, found: list[Decision]
) -> list[tuple[Decision, str | None]]:
    """(decision, link to its subject) for the decisions whose subject the reader may see: a
    claim they may read, an incident they may see (as its visible claims tell it)."""
    claim_ids = [
        int(ref)
        for d in found
        if d.subject
        for kind, ref in [parse_subject(d.subject)]
        if kind == CLAIM and ref.isdigit()
    ]
    claims = {c.id: c for c in reviewed_claims(project, claim_ids=claim_ids)} if claim_ids else {}
    out: list[tuple[Decision, str | None]] = []
    for d in found:
        kind, ref = parse_subject(d.subject or "")
        if kind == CLAIM and ref.isdigit():
            claim = claims.get(int(ref))
            if claim is None or views.hidden_claim(claim, view):
                continue
            out.append((d, f"/items/{claim.item_id}"))
        elif kind == INCIDENT:
            if views.hidden_incident(ref, view):
                continue
            try:
                seen = views.visible_detail(project, view, get_incident(project, ref))
            except NotFound:
                continue  # merged or split away since: nothing left to show of it
            if seen is not None:
                out.append((d, f"/incidents/{ref}"))
    return out


def _page_query(filters: ItemFilter) -> str:
    """The filters as a query string for the pager's links (which add `page=`)."""
    from urllib.parse import urlencode

    pairs = {k: v for k, v in asdict(filters).items() if v}
    return urlencode(pairs) + "&" if pairs else ""


def _items_page(
    request: Request,
    who: Reader,
    project: ProjectDep,
    settings: SettingsDep,
    filters: ItemFilter,
    page: int,
    template: str,
) -> Response:
    size = settings.page_size
    found, total = visible_items(
        project,
        filters,
        include_restricted=who.can(Permission.READ_RESTRICTED),
        limit=size,
        offset=(page - 1) * size,
    )
    view = views.reader_view(project, who, [item_subject(s.hash) for s in found])
    rows = [views.item_public(s, view) for s in found]
    views.disclose(project, view, "items")
    return render(
        request,
        template,
        who,
        {
            "rows": rows,
            "total": total,
            "page": page,
            "pages": max(1, -(-total // size)),
            "f": filters,
            "page_query": _page_query(filters),
        },
    )


@router.get("/items")
def items_page(
    request: Request,
    who: Reader,
    project: ProjectDep,
    settings: SettingsDep,
    q: Annotated[str | None, Query(max_length=500)] = None,
    media_type: Annotated[str | None, Query(max_length=255)] = None,
    publisher: Annotated[str | None, Query(max_length=255)] = None,
    language: Annotated[str | None, Query(max_length=16)] = None,
    published_from: Annotated[str | None, Query(max_length=40)] = None,
    published_to: Annotated[str | None, Query(max_length=40)] = None,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> Response:
    filters = ItemFilter(
        q or None,
        media_type or None,
        publisher or None,
        language or None,
        published_from or None,
        published_to or None,
    )
    return _items_page(request, who, project, settings, filters, page, "items.html")


@router.get("/search")
def search_page(
    request: Request,
    who: Reader,
    project: ProjectDep,
    settings: SettingsDep,
    q: Annotated[str, Query(max_length=500)] = "",
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> Response:
    if not q.strip():
        return render(
            request,
            "search.html",
            who,
            {"rows": [], "total": 0, "page": 1, "pages": 1, "f": ItemFilter(), "page_query": ""},
        )
    return _items_page(request, who, project, settings, ItemFilter(q=q), page, "search.html")


@router.get("/items/{ref}")
def item_page(request: Request, ref: str, who: Reader, project: ProjectDep) -> Response:
    detail = show_item(project, ref)
    subject = item_subject(detail.summary.hash)
    item_id, text = item_text(project, str(detail.summary.id))
    found = reviewed_claims(project, item_id=item_id)
    view = views.reader_view(
        project, who, [subject, *views.claim_subjects(found), *views.link_subjects(detail)]
    )
    if views.hidden_item(detail.summary.hash, view) or views.hidden_reference(
        ref, detail.summary, view
    ):
        raise NotFound(f"no item {ref!r} (give an id, a hash prefix or an external id)")
    text_hidden = "text" in view.item_fields(detail.summary.hash)
    shown = [c for c in found if not views.hidden_claim(c, view)]
    claims = [views.claim_public(c, None if text_hidden else text, view) for c in shown]
    body = None
    spans = [(a, b) for c in claims for a, b in c.claim.get("spans", [])]
    readable, moved = views.shown_text(view, detail.summary.hash, text, shown, spans)
    if readable is not None:
        kinds = [
            ("primary" if c.claim.get("primary") else "span", f"claim {c.id}", f"claim-{c.id}")
            for c in claims
            for _ in c.claim.get("spans", [])
        ]
        body = highlight(
            readable,
            [Highlight(a, b, *k) for (a, b), k in zip(moved, kinds, strict=True)],
        )
    public = views.item_detail_public(detail, text, claims, view, shown)
    secrets = views.text_secrets(view, detail.summary.hash, text, shown)
    comments = views.shown_comments(project, view, subject, secrets, [detail.summary.hash])
    views.disclose(project, view, f"item {detail.summary.hash}")
    return render(
        request,
        "item.html",
        who,
        {
            "item": public,
            "body": body,
            "text_hidden": text_hidden,
            "subject": subject,
            "restricted": view.marks.subject(subject),
            "comments": comments,
        },
    )


UPLOAD_ROWS = 5  # rows of the upload form: files and what is said about them


def _row(n: int) -> str:
    """The suffix of the upload form's fields of row `n` (`files`, `files.1`, …)."""
    return "" if n == 0 else f".{n}"


@router.get("/upload")
def upload_page(request: Request, who: Ingester) -> Response:
    return render(
        request,
        "upload.html",
        who,
        {"result": None, "rows": [_row(n) for n in range(UPLOAD_ROWS)]},
    )


@router.post("/upload")
async def upload(
    request: Request,
    who: Ingester,
    project: ProjectDep,
    settings: SettingsDep,
    # Declared so that FastAPI reads the form (every row of it) and closes its spooled files
    # whatever happens, a refused request included; the rows are read from the form below.
    files: Annotated[list[UploadFile] | None, File()] = None,
) -> Response:
    """The upload form: rows of files, each row with the publisher, publication date, URL
    and title of its files (as `ingest --metadata` takes them)."""
    form = await request.form()
    chosen_files: list[StarletteUpload] = []
    said: list[FileMetadata] = []
    for n in range(UPLOAD_ROWS):
        suffix = _row(n)
        chosen = [
            f
            for f in form.getlist(f"files{suffix}")
            if isinstance(f, StarletteUpload) and f.filename
        ]
        if not chosen:
            continue
        meta = file_metadata(
            f"row {n + 1}",
            **{
                k: _text(form.get(f"{k}{suffix}"))
                for k in ("published", "publisher", "url", "title")
            },
        )
        chosen_files += chosen
        said += [meta] * len(chosen)
    if not chosen_files:
        raise InputError("upload", "choose at least one file")
    summary = await ingest_uploads(
        project, who, chosen_files, settings.max_upload_mb << 20, said=said
    )
    return render(
        request,
        "upload.html",
        who,
        {
            "result": summary,
            "described": sum(1 for m in said if m != FileMetadata(where=m.where)),
            "rows": [_row(n) for n in range(UPLOAD_ROWS)],
        },
    )


def _text(value: object) -> str | None:
    return value[:2000] if isinstance(value, str) else None


@router.get("/runs")
def runs_page(request: Request, who: Runner) -> Response:
    return render(request, "runs.html", who, {"extract": None, "link": None})


@router.post("/runs/extract")
def run_extract(request: Request, who: Runner, project: ProjectDep) -> Response:

    report = extract_items(project, actor=who.actor)
    return render(request, "runs.html", who, {"extract": report, "link": None})


@router.post("/comments/{subject}")
def comment(
    subject: str,
    who: Commenter,
    project: ProjectDep,
    body: Annotated[str, Form(max_length=10_000)],
    back: Annotated[str, Form(max_length=500)] = "/",
) -> Response:

    add_comment(project, subject, body, actor=who.actor)
    return see_other(safe_next(back))


@router.post("/restrict")
def mark_restricted(
    who: Restricter,
    project: ProjectDep,
    subject: Annotated[str, Form(max_length=200)],
    reason: Annotated[str, Form(max_length=2000)],
    field: Annotated[str, Form(max_length=100)] = "",
    back: Annotated[str, Form(max_length=500)] = "/",
) -> Response:

    restrict(project, subject, field, reason=reason, actor=who.actor)
    return see_other(safe_next(back))
