"""Service results → API output schemas, read through the redaction view.

One function per kind of thing; each takes the `RedactionView` of the reader
(`factfinder.services.access.view`, where every rule of what a role may see is written) and
never lets a restricted subject, field or name through: a restricted subject is dropped
(lists) or answered with 404 (details) by the caller via `hidden_*`; a restricted field becomes
null and is named in `restricted_fields`; a restricted personal name is cut from every text
(`MARKER`). What a privileged reader was shown of restricted data is ledgered by `disclose`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from typing import Any

from factfinder.errors import InvalidRecord
from factfinder.geo.admin import country_of_governorate
from factfinder.model import Figure, Incident, format_figure, parse_date
from factfinder.services.access.commands import log_restricted_read
from factfinder.services.access.queries import Comment, list_comments
from factfinder.services.access.view import (
    CLAIM_FIELDS,
    ITEM_FIELDS,
    MARKER,
    RedactionView,
    cut,
    cut_spans,
    incidents_with_hidden_claims,
    scrub,
    view_for,
    visible_incident,
)
from factfinder.services.claims.queries import ReviewedClaim, reviewed_claim, reviewed_claims
from factfinder.services.preserve.items import ItemDetail, ItemSummary, item_text
from factfinder.subjects import CLAIM, INCIDENT, ITEM, claim_subject, item_subject, parse_subject

__all__ = ["CLAIM_FIELDS", "ITEM_FIELDS", "MARKER", "ReviewedClaim"]
from factfinder.services.access.roles import ApiToken, User
from factfinder.services.incidents.queries import IncidentSummary, IncidentView, get_incident
from factfinder.services.project import Project
from factfinder.vault.ledger import LedgerEntry
from factfinder.web.deps import Principal
from factfinder.web.schemas import (
    ClaimPublic,
    IncidentPublic,
    ItemDetailPublic,
    ItemLinkPublic,
    ItemPublic,
    LedgerEntryPublic,
    TokenPublic,
    UserPublic,
)


def visible_rows(
    who: Principal, project: Project, rows: Sequence[IncidentSummary]
) -> list[IncidentSummary]:
    """The incident rows the reader may see, each as its visible claims tell it."""
    view = reader_view(project, who)
    out = [r for r in rows if not hidden_incident(r.id, view)]
    if not view.privileged:
        out = retold_rows(project, view, out)
    disclose(project, view, "incidents")
    return out


def reader_view(
    project: Project, who: Principal, subjects: Iterable[str] | None = None
) -> RedactionView:
    """The view of the signed-in reader (`subjects`: the marks to read, all when None)."""
    return view_for(project, who.user, subjects=subjects)


def disclose(project: Project, view: RedactionView, purpose: str) -> None:
    """Ledger what a privileged reader was shown of restricted data (`restricted.read`)."""
    log_restricted_read(project, view, purpose)


def hidden_item(item_hash: str, view: RedactionView) -> bool:
    return view.item_hidden(item_hash)


def hidden_reference(ref: str, s: ItemSummary, view: RedactionView) -> bool:
    """Was the item found by an external id that the role may not see? Then it counts as not
    found, so that nobody can confirm a guessed restricted external id by asking for it.
    (References resolve as `factfinder.services.preserve.items.find_item_id` does: id, hash prefix,
    external id.)"""
    if "external_id" not in view.item_fields(s.hash):
        return False
    key = ref.strip().lower()
    if key.isdigit() and int(key) == s.id:
        return False
    prefix = key.removeprefix("sha256:")
    return not (len(prefix) >= 4 and s.hash.startswith("sha256:" + prefix))


def hidden_claim(c: ReviewedClaim, view: RedactionView) -> bool:
    return view.claim_hidden(c.id, c.item_hash)


def claim_subjects(claims: list[ReviewedClaim]) -> list[str]:
    out = [claim_subject(c.id) for c in claims]
    out += [item_subject(c.item_hash) for c in claims]
    return out


def text_secrets(
    view: RedactionView, item_hash: str, text: str | None, claims: Sequence[ReviewedClaim]
) -> list[str]:
    """The strings of an item's text the reader may not see: its personal names, and its
    claims' restricted claimants and statements."""
    out = list(view.names(item_hash, text))
    for c in claims:
        out += view.claim_secrets(c.id, [c.claim, c.extracted], item_hash, text)
    return out


def shown_text(
    view: RedactionView,
    item_hash: str,
    text: str | None,
    claims: Sequence[ReviewedClaim],
    spans: Sequence[tuple[int, int]] = (),
) -> tuple[str | None, list[tuple[int, int]]]:
    """(the item's text as the reader may read it, `spans` moved into it): None when the text
    is restricted, restricted names cut otherwise."""
    if text is None or "text" in view.item_fields(item_hash):
        return None, []
    return cut_spans(text, text_secrets(view, item_hash, text, claims), spans)


def user_public(u: User) -> UserPublic:
    return UserPublic.model_validate(u)


def token_public(t: ApiToken) -> TokenPublic:
    return TokenPublic.model_validate(t)


def ledger_public(e: LedgerEntry, redact_payload: bool = False) -> LedgerEntryPublic:
    payload: dict[str, Any] | None = None
    if not redact_payload:
        try:
            payload = json.loads(e.entry).get("payload")
        except (ValueError, AttributeError):
            payload = None
    return LedgerEntryPublic(
        seq=e.seq, kind=e.kind, actor=e.actor, time=e.time, subject=e.subject, payload=payload
    )


def item_public(s: ItemSummary, view: RedactionView) -> ItemPublic:
    hidden = view.item_fields(s.hash)
    return ItemPublic(
        id=s.id,
        hash=s.hash,
        size=s.size,
        media_type=s.media_type,
        created_at=s.created_at,
        title=None if "title" in hidden else s.title,
        publisher=None if "publisher" in hidden else s.publisher,
        published=None if "published" in hidden else s.published,
        url=None if "url" in hidden else s.url,
        language=None if "language" in hidden else s.language,
        external_id=None if "external_id" in hidden else s.external_id,
        acquisitions=s.acquisitions,
        text_status=s.text_status,
        ocr_confidence=s.ocr_confidence,
        restricted_fields=hidden,
    )


def item_detail_public(
    d: ItemDetail,
    text: str | None,
    claims: list[ClaimPublic],
    view: RedactionView,
    found: Sequence[ReviewedClaim] = (),
) -> ItemDetailPublic:
    """The item page's data; `text` is the item's text (cut here), `found` its claims."""
    base = item_public(d.summary, view)
    hidden = set(base.restricted_fields)
    secrets = text_secrets(view, d.summary.hash, text, found)
    shown, _ = shown_text(view, d.summary.hash, text, found)
    # Ledger payloads of an item repeat its metadata; a viewer gets them only when nothing
    # of the item is restricted.
    return ItemDetailPublic(
        **base.model_dump(),
        author=None if "author" in hidden else d.author,
        file_created=None if "published" in hidden else d.file_created,
        file_modified=None if "published" in hidden else d.file_modified,
        text_hash=d.text_hash,
        text=shown,
        acquisition_history=[a.to_json() for a in d.acquisitions] if not hidden else [],
        ledger=[
            ledger_public(
                e,
                redact_payload=bool(hidden)
                or _holds(e, [*secrets, *view.payload_names(e.payload, [d.summary.hash])]),
            )
            for e in d.ledger
        ],
        claims=claims,
        links=[
            ItemLinkPublic(
                relation=link.relation,
                item_id=link.item_id,
                item_hash=link.item_hash,
                title=None if "title" in view.item_fields(link.item_hash) else link.title,
            )
            for link in d.links
            if not view.item_hidden(link.item_hash)
        ],
    )


def link_subjects(d: ItemDetail) -> list[str]:
    """The subjects of the items `d` is linked to (whose marks its page reads)."""
    return [item_subject(link.item_hash) for link in d.links]


def _holds(e: LedgerEntry, secrets: Sequence[str]) -> bool:
    return bool(secrets) and cut(e.entry, secrets) != e.entry


def _set_path(data: dict[str, Any], path: str, value: Any) -> None:
    head, _, tail = path.partition(".")
    if not tail:
        data[head] = value
    elif isinstance(data.get(head), dict):
        data[head][tail] = value


def restricted_claim_fields(c: ReviewedClaim, view: RedactionView, text: str | None) -> list[str]:
    return view.claim_fields(c.id, [c.claim, c.extracted], c.item_hash, text)


def claim_public(c: ReviewedClaim, text: str | None, view: RedactionView) -> ClaimPublic:
    hidden = restricted_claim_fields(c, view, text)
    secrets = view.claim_secrets(c.id, [c.claim, c.extracted], c.item_hash, text)
    current = c.claim.to_json()
    extracted = c.extracted.to_json() if c.status == "corrected" else None
    for path in hidden:
        if path == "sentences":
            # The spans point into the item's text: with the text shown, they would spell out
            # the restricted sentences (and mark them in the page).
            current["spans"] = []
            if extracted is not None:
                extracted["spans"] = []
            continue
        value: Any = [] if path == "places" else None
        _set_path(current, path, value)
        if extracted is not None:
            _set_path(extracted, path, value)
    sentences = None
    if text is not None and "sentences" not in hidden:
        sentences = list(view.sentences(text, c.claim.spans, secrets))
    item_hidden = view.item_fields(c.item_hash)
    return ClaimPublic(
        id=c.id,
        item_id=c.item_id,
        item_hash=c.item_hash,
        item_title=None if "title" in item_hidden else c.item_title,
        item_publisher=None if "publisher" in item_hidden else c.item_publisher,
        item_published=None if "published" in item_hidden else c.item_published,
        ordinal=c.ordinal,
        status=c.status,  # type: ignore[arg-type]
        claim=scrub(current, secrets),
        extracted=scrub(extracted, secrets) if extracted is not None else None,
        sentences=sentences,
        restricted_fields=hidden,
    )


def shown_comments(
    project: Project,
    view: RedactionView,
    subject: str,
    secrets: Sequence[str] = (),
    items: Sequence[str] = (),
) -> list[Comment]:
    """The comments on `subject` as the reader may read them: the personal names their
    authors wrote (`RedactionView.comment_names`, released in one of `items`, the items the
    subject stands on) and `secrets` (the restricted strings of the subject) cut."""
    return [
        replace(c, body=view.written(c.body, secrets, subject=subject, items=items))
        for c in list_comments(project, subject)
    ]


def subject_secrets(
    project: Project, view: RedactionView, subject: str
) -> tuple[list[str], list[str]]:
    """(the restricted strings of an item, claim or incident the reader may see, the hashes
    of the items it stands on): what comments on it are cut of besides their own names."""
    kind, ref = parse_subject(subject)
    if kind == ITEM:
        item_id, text = item_text(project, ref)
        found = [c for c in reviewed_claims(project, item_id=item_id) if not hidden_claim(c, view)]
        return text_secrets(view, ref, text, found), [ref]
    if kind == CLAIM and ref.isdigit():
        c = reviewed_claim(project, int(ref))
        text = item_text(project, str(c.item_id))[1]
        return text_secrets(view, c.item_hash, text, [c]), [c.item_hash]
    if kind == INCIDENT:
        seen = visible_detail(project, view, get_incident(project, ref))
        if seen is not None:
            return seen[3], [c.item_hash for c in seen[2]]
    return [], []


def hidden_incident(incident_id: str, view: RedactionView) -> bool:
    return view.incident_hidden(incident_id)


def incident_public(row: IncidentSummary) -> IncidentPublic:
    return IncidentPublic.model_validate(row)


def incident_feature(row: IncidentSummary) -> dict[str, Any] | None:
    """A GeoJSON point for the map (None without coordinates)."""
    if row.lat is None or row.lon is None:
        return None
    killed = dict(row.killed) if row.killed else {}
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [row.lon, row.lat]},
        "properties": {
            "id": row.id,
            "date": row.date_start,
            "place": row.place,
            "country": country_of_governorate(row.governorate) if row.governorate else None,
            "event_type": row.event_type,
            "grade": row.grade,
            "killed": _range_text(killed),
            "killed_min": killed.get("min") or 0,
        },
    }


def _range_text(value: Mapping[str, Any]) -> str:
    return format_figure(Figure.from_json(value) if value else None)


# What of an incident's explanation a role without access to restricted data receives: the
# figures and the grade with their rules. Source chains (claimant names, quoted statements)
# and link features (shared proper names, which may be victims' names) stay out.
PUBLIC_EXPLANATION = ("reconciliation", "grading", "versions", "party_only", "sources_parties")


def incident_explanation(
    explanation: Mapping[str, Any], view: RedactionView, secrets: Sequence[str] = ()
) -> dict[str, Any]:
    if view.privileged:
        return dict(explanation)
    kept = {k: v for k, v in explanation.items() if k in PUBLIC_EXPLANATION}
    out: dict[str, Any] = scrub(kept, secrets)
    return out


def member_features(features: Mapping[str, Any], view: RedactionView) -> dict[str, Any]:
    return dict(features) if view.privileged else {}


def visible_detail(
    project: Project, view: RedactionView, detail: IncidentView
) -> tuple[IncidentSummary, dict[str, Any], list[ReviewedClaim], list[str]] | None:
    """(the incident's summary, its explanation, its member claims, the restricted strings
    they hold) as the reader may see them; None when the reader sees none of its claims.
    An incident some of whose claims are hidden is told by the others alone
    (`factfinder.services.access.view.visible_incident`)."""
    ids = [m.claim_id for m in detail.members]
    found = reviewed_claims(project, claim_ids=ids)
    shown = [c for c in found if not hidden_claim(c, view)]
    if found and not shown:
        return None
    texts = {c.item_id: item_text(project, str(c.item_id))[1] for c in shown}
    secrets: list[str] = []
    for c in shown:
        secrets += view.claim_secrets(c.id, [c.claim, c.extracted], c.item_hash, texts[c.item_id])
        secrets += view.names(c.item_hash, texts[c.item_id])
    # What users wrote about the incident — the reasons of its decisions and of a grade
    # override — holds personal names as any free text may.
    hashes = [c.item_hash for c in shown]
    secrets += view.payload_names(detail.incident.extra.get("grading"), hashes)
    secrets += view.payload_names([d.get("payload") for d in detail.decisions], hashes)
    summary = detail.summary
    incident = detail.incident
    refs = {m.claim_id: ref for m, ref in zip(detail.members, incident.members, strict=False)}
    if len(shown) < len(found) and not view.privileged:
        hidden = [c for c in found if c not in shown and c.id in refs]
        hidden_refs = [refs[c.id] for c in hidden]
        # A reference names its item's external id: cut it when the item may not be seen.
        secrets += [
            refs[c.id].id
            for c in hidden
            if view.item_hidden(c.item_hash) or "external_id" in view.item_fields(c.item_hash)
        ]
        incident = visible_incident(
            incident,
            hidden_refs,
            {refs[c.id]: c.claim for c in shown if c.id in refs},
            {refs[c.id]: _ordinal(c.item_published) for c in shown if c.id in refs},
        )
        summary = _summary(summary, incident, len(shown))
    return summary, incident_explanation(incident.extra, view, secrets), shown, secrets


def _ordinal(published: str | None) -> int | None:
    try:
        day = parse_date(published)
    except InvalidRecord:
        return None
    return day.toordinal() if day is not None else None


def _summary(row: IncidentSummary, incident: Incident, members: int) -> IncidentSummary:
    killed = incident.killed.total
    civilians = incident.killed.civilians
    first = incident.places[0] if incident.places else None
    return replace(
        row,
        date_start=incident.date.start.isoformat()
        if incident.date and incident.date.start
        else None,
        date_end=incident.date.end.isoformat() if incident.date and incident.date.end else None,
        place=first.name if first else None,
        lat=first.lat if first else None,
        lon=first.lon if first else None,
        killed={"min": killed.min, "max": killed.max} if killed else None,
        civilians={"min": civilians.min, "max": civilians.max} if civilians else None,
        grade=incident.grade,
        independent_sources=incident.independent_sources,
        members=members,
    )


def retold_rows(
    project: Project, view: RedactionView, rows: Sequence[IncidentSummary]
) -> list[IncidentSummary]:
    """`rows` of an incident list as the reader's visible claims tell them: an incident none of
    whose claims the reader may see is left out, one with some hidden is told by the others."""
    if not view.hides_claims():
        return list(rows)
    partly = incidents_with_hidden_claims(project)
    out = []
    for row in rows:
        if row.id not in partly:
            out.append(row)
            continue
        seen = visible_detail(project, view, get_incident(project, row.id))
        if seen is not None:
            out.append(seen[0])
    return out


def visible_claims(
    project: Project, who: Principal, found: list[ReviewedClaim], view: RedactionView | None = None
) -> list[ClaimPublic]:
    """`found` as the API shows them to `who`: restricted claims left out unless `who` may read
    restricted data, restricted fields emptied and names cut, each with its sentence from its
    item's text; what a privileged reader was shown of restricted data is ledgered."""
    view = view or reader_view(project, who)
    texts: dict[int, str | None] = {}
    out = []
    for c in found:
        if hidden_claim(c, view):
            continue
        if c.item_id not in texts:
            texts[c.item_id] = item_text(project, str(c.item_id))[1]
        text = texts[c.item_id]
        if "text" in view.item_fields(c.item_hash):
            text = None
        out.append(claim_public(c, text, view))
    disclose(project, view, "claims")
    return out
