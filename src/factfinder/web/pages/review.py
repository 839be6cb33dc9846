"""The review queue: one claim beside its highlighted sentences; accept, correct fields or
reject (buttons or the keys a / c / r, see static/app.js); then the next claim."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from factfinder.errors import InvalidRecord, NotFound
from factfinder.services.access.queries import Comment, restrictions_for
from factfinder.services.claims.queries import ReviewedClaim, review_queue, reviewed_claim
from factfinder.services.claims.review import decide
from factfinder.services.preserve.items import item_text, item_text_status
from factfinder.subjects import claim_subject
from factfinder.vocab import CLAIMANT_TYPES, EVENT_TYPES, PERPETRATOR_GROUPS, STANCES
from factfinder.web import views
from factfinder.web.deps import IdPath, Principal, ProjectDep, Reader, Reviewer
from factfinder.web.pages.common import render, see_other
from factfinder.web.render import Highlight, highlight

router = APIRouter()
COUNT_FIELDS = (
    "killed.total",
    "killed.civilians",
    "killed.children",
    "killed.women",
    "injured.total",
)
CONTEXT_CHARS = 400


def _context(
    who: Principal, project: ProjectDep, c: ReviewedClaim, *, comments: bool = False
) -> dict[str, Any]:
    """The page of claim `c` as `who` may see it (with the comments on it when asked)."""
    subject = claim_subject(c.id)
    view = views.reader_view(project, who, [subject, *views.claim_subjects([c])])
    if views.hidden_claim(c, view):
        raise NotFound(f"no claim {c.id}")
    _, text = item_text(project, str(c.item_id))
    if "text" in view.item_fields(c.item_hash):
        text = None
    public = views.claim_public(c, text, view)
    excerpt = None
    if text and public.sentences is not None and c.claim.spans:
        lo = max(0, min(a for a, _ in c.claim.spans) - CONTEXT_CHARS)
        hi = min(len(text), max(b for _, b in c.claim.spans) + CONTEXT_CHARS)
        # Cut from the whole text, then take the excerpt: a name across its edge goes whole.
        readable, moved = views.shown_text(view, c.item_hash, text, [c], [(lo, hi), *c.claim.spans])
        (a0, b0), spans = moved[0], moved[1:]
        marks_ = [Highlight(a - a0, b - a0, "primary", "claim sentence") for a, b in spans]
        excerpt = highlight((readable or "")[a0:b0], marks_)
    shown: list[Comment] = []
    if comments:
        secrets = views.text_secrets(view, c.item_hash, text, [c])
        shown = views.shown_comments(project, view, subject, secrets, [c.item_hash])
    views.disclose(project, view, f"claim {c.id}")
    text_status, ocr_confidence = item_text_status(project, c.item_id)
    counts = []
    for path in COUNT_FIELDS:
        kind, _, sub = path.partition(".")
        value = (public.claim.get(kind) or {}).get(sub)
        counts.append((path, value or {}))
    return {
        "c": public,
        "comments": shown,
        "excerpt": excerpt,
        "counts": counts,
        "text_read": {"text_status": text_status, "ocr_confidence": ocr_confidence},
        "event_types": EVENT_TYPES,
        "groups": PERPETRATOR_GROUPS,
        "claimant_types": CLAIMANT_TYPES,
        "stances": STANCES,
    }


@router.get("/review")
def review_page(request: Request, who: Reviewer, project: ProjectDep) -> Response:
    pending, total = review_queue(project, limit=1)
    ctx: dict[str, Any] = {"total": total, "c": None}
    if pending:
        ctx.update(_context(who, project, pending[0]))
    return render(request, "review.html", who, ctx)


@router.get("/claims/{claim_id}")
def claim_page(request: Request, claim_id: IdPath, who: Reader, project: ProjectDep) -> Response:

    ctx = _context(who, project, reviewed_claim(project, claim_id), comments=True)
    subject = claim_subject(claim_id)
    ctx.update(
        subject=subject,
        restricted=restrictions_for(project, [subject]).subject(subject),
    )
    return render(request, "claim.html", who, ctx)


def _parse_int(value: Any, name: str) -> int | None:
    text = str(value or "").strip()
    if not text:
        return None
    if not text.isdigit():
        raise InvalidRecord(f"{name}: {text!r} is not a whole number")
    return int(text)


def corrections_from_form(form: Any, current: ReviewedClaim) -> dict[str, Any]:
    """The fields whose submitted value differs from the claim as it stands."""
    claim = current.claim.to_json()
    fixes: dict[str, Any] = {}
    for path in COUNT_FIELDS:
        kind, _, sub = path.partition(".")
        if f"{path}.min" not in form and f"{path}.max" not in form:
            continue
        lo = _parse_int(form.get(f"{path}.min"), f"{path} min")
        hi = _parse_int(form.get(f"{path}.max"), f"{path} max")
        old = (claim.get(kind) or {}).get(sub) or {}
        if (lo, hi) != (old.get("min"), old.get("max")):
            fixes[path] = (
                None
                if lo is None and hi is None
                else {"min": lo, "max": hi, "text": "corrected by reviewer"}
            )
    for path, allowed in (
        ("event_type", EVENT_TYPES),
        ("perpetrator.group", PERPETRATOR_GROUPS),
        ("claimant.type", CLAIMANT_TYPES),
        ("stance", STANCES),
    ):
        value = form.get(path)
        if value is None:
            continue
        if value not in allowed:
            raise InvalidRecord(f"{path}: {value!r} is not one of {', '.join(allowed)}")
        head, _, tail = path.partition(".")
        old = claim.get(head) if not tail else (claim.get(head) or {}).get(tail)
        if value != old:
            fixes[path] = value
    return fixes


@router.post("/review/{claim_id}")
async def review_claim(
    request: Request, claim_id: IdPath, who: Reviewer, project: ProjectDep
) -> Response:
    from starlette.concurrency import run_in_threadpool

    form = await request.form()
    await run_in_threadpool(_decide_from_form, project, claim_id, form, who.actor)
    back = str(form.get("back", "/review"))
    return see_other(back if back.startswith("/claims/") or back == "/review" else "/review")


def _decide_from_form(project: ProjectDep, claim_id: int, form: Any, actor: str) -> None:
    decision = str(form.get("decision", ""))
    reason = str(form.get("reason", ""))[:2000]
    current = reviewed_claim(project, claim_id)
    fixes = corrections_from_form(form, current) if decision == "correct" else {}
    if decision == "correct" and not fixes:
        decision = "accept"  # nothing changed: the reviewer confirmed the claim as it is
    decide(project, claim_id, decision, corrections=fixes or None, reason=reason, actor=actor)
