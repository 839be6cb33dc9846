"""The review queue: one claim beside its highlighted sentences; accept, correct fields or
reject (buttons or the keys a / c / r, see static/app.js); then the next claim."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from factfinder.errors import InvalidRecord, NotFound
from factfinder.model import DateWindow
from factfinder.services.access.queries import Comment, restrictions_for
from factfinder.services.claims.queries import ReviewedClaim, review_queue, reviewed_claim
from factfinder.services.claims.review import decide
from factfinder.services.preserve.items import item_text, item_text_status
from factfinder.subjects import claim_subject
from factfinder.vocab import (
    CLAIMANT_TYPES,
    DATE_PRECISIONS,
    EVENT_TYPES,
    PERPETRATOR_GROUPS,
    STANCES,
)
from factfinder.web import views
from factfinder.web.deps import IdPath, Principal, ProjectDep, Reader, Reviewer
from factfinder.web.pages.common import render, see_other
from factfinder.web.places import place_matches
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
        "date_precisions": DATE_PRECISIONS,
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
    fixes.update(_date_fix(form, claim))
    for path in ("claimant.name", "perpetrator.name"):
        if path not in form:
            continue
        head, _, tail = path.partition(".")
        text = " ".join(str(form.get(path) or "").split())[:500] or None
        if text != (claim.get(head) or {}).get(tail):
            fixes[path] = text
    if "places.form" in form:
        places = _places_from_form(form, current)
        if places != claim.get("places", []):
            fixes["places"] = places
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


def _date_fix(form: Any, claim: dict[str, Any]) -> dict[str, Any]:
    """The date as the form gives it (`date.start`, `date.end`, `date.precision`), when it
    differs from the claim's; an empty start and end take the date away."""
    if "date.start" not in form and "date.end" not in form:
        return {}
    start = str(form.get("date.start") or "").strip() or None
    end = str(form.get("date.end") or "").strip() or start
    precision = str(form.get("date.precision") or "").strip() or ("day" if start else "unknown")
    if precision not in DATE_PRECISIONS:
        raise InvalidRecord(
            f"date precision {precision!r} is not one of {', '.join(DATE_PRECISIONS)}"
        )
    if start is None and end is None:
        value = None
    else:
        start = start or end
        value = {"start": start, "end": end, "precision": precision}
        DateWindow.from_json(value)  # a bad day or an end before the start is refused here
    old = claim.get("date")
    if isinstance(old, dict) and not old.get("start") and not old.get("end"):
        old = None  # a claim without a day (however precise it says it is)
    if value == old:
        return {}
    return {"date": value}


def _places_from_form(form: Any, current: ReviewedClaim) -> list[dict[str, Any]]:
    """The places the form keeps and adds: `keep:<n>` keeps the claim's n-th place as it is,
    `gaz:<id>` adds the gazetteer's place with that id (see `/places/search`)."""
    from factfinder.geo.gazetteer import Gazetteer

    kept = current.claim.places
    out: list[dict[str, Any]] = []
    for value in form.getlist("places"):
        kind, _, ref = str(value).partition(":")
        if not ref.isdigit():
            raise InvalidRecord(f"places: {value!r} is neither keep:<n> nor gaz:<id>")
        n = int(ref)
        if kind == "keep" and n < len(kept):
            place = kept[n].to_json()
        elif kind == "gaz" and (entry := Gazetteer.get().entry(n)) is not None:
            place = entry.to_place().to_json()
        else:
            raise InvalidRecord(f"places: no place {value!r}")
        if place not in out:
            out.append(place)
    return out


@router.get("/places/search")
def place_search(
    request: Request,
    who: Reader,
    place_q: Annotated[str, Query(max_length=200)] = "",
) -> Response:
    """The gazetteer's places matching the search box, as choices for the review form."""
    return render(
        request,
        "_place_options.html",
        who,
        {"places": place_matches(place_q), "query": place_q.strip()},
    )


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
