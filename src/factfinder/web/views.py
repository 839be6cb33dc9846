"""Service results → API output schemas, with restricted data taken out.

One function per kind of thing; each takes the `Restrictions` that apply and whether the
principal may see restricted data, and never lets a restricted subject or field through:
a restricted subject is dropped (lists) or answered with 404 (details) by the caller via
`hidden_*`; a restricted field becomes null and is named in `restricted_fields`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from factfinder.model import Figure, format_figure
from factfinder.services.access.queries import Restrictions, restrictions_for
from factfinder.services.claims.queries import ReviewedClaim
from factfinder.services.preserve.items import ItemDetail, ItemSummary, item_text
from factfinder.subjects import claim_subject, incident_subject, item_subject

__all__ = ["ReviewedClaim"]
from factfinder.services.access.roles import ApiToken, Permission, User
from factfinder.services.incidents.queries import IncidentSummary
from factfinder.services.project import Project
from factfinder.vault.ledger import LedgerEntry
from factfinder.web.deps import Principal
from factfinder.web.schemas import (
    ClaimPublic,
    IncidentPublic,
    ItemDetailPublic,
    ItemPublic,
    LedgerEntryPublic,
    TokenPublic,
    UserPublic,
)

# Every item field a mark can take away (the item's id, hash, size, media type and preservation
# time are the vault's facts about the bytes, not personal data, and stay).
ITEM_FIELDS = (
    "title",
    "author",
    "publisher",
    "published",
    "url",
    "language",
    "external_id",
    "text",
)
WITNESS_NAME = "claimant.name"
CLAIM_FIELDS = ("claimant.name", "claimant.statement", "perpetrator.name", "places", "sentences")


def hidden_item(item_hash: str, marks: Restrictions, may_see: bool) -> bool:
    return not may_see and marks.subject(item_subject(item_hash))


def hidden_reference(ref: str, s: ItemSummary, marks: Restrictions, may_see: bool) -> bool:
    """Was the item found by an external id that the role may not see? Then it counts as not
    found, so that nobody can confirm a guessed restricted external id by asking for it.
    (References resolve as `factfinder.services.preserve.items.find_item_id` does: id, hash prefix,
    external id.)"""
    if may_see or not marks.field(item_subject(s.hash), "external_id"):
        return False
    key = ref.strip().lower()
    if key.isdigit() and int(key) == s.id:
        return False
    prefix = key.removeprefix("sha256:")
    return not (len(prefix) >= 4 and s.hash.startswith("sha256:" + prefix))


def hidden_claim(c: ReviewedClaim, marks: Restrictions, may_see: bool) -> bool:
    return not may_see and (
        marks.subject(claim_subject(c.id)) or marks.subject(item_subject(c.item_hash))
    )


def claim_subjects(claims: list[ReviewedClaim]) -> list[str]:
    out = [claim_subject(c.id) for c in claims]
    out += [item_subject(c.item_hash) for c in claims]
    return out


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


def item_public(s: ItemSummary, marks: Restrictions, may_see: bool) -> ItemPublic:
    subject = item_subject(s.hash)
    hidden = [f for f in ITEM_FIELDS if not may_see and marks.field(subject, f)]
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
        restricted_fields=hidden,
    )


def item_detail_public(
    d: ItemDetail, text: str | None, claims: list[ClaimPublic], marks: Restrictions, may_see: bool
) -> ItemDetailPublic:
    base = item_public(d.summary, marks, may_see)
    hidden = set(base.restricted_fields)
    # Ledger payloads of an item repeat its metadata; a viewer gets them only when nothing
    # of the item is restricted.
    return ItemDetailPublic(
        **base.model_dump(),
        author=None if "author" in hidden else d.author,
        file_created=None if "published" in hidden else d.file_created,
        text_hash=d.text_hash,
        text=None if "text" in hidden else text,
        acquisition_history=[a.to_json() for a in d.acquisitions] if not hidden else [],
        ledger=[ledger_public(e, redact_payload=bool(hidden)) for e in d.ledger],
        claims=claims,
    )


def _set_path(data: dict[str, Any], path: str, value: Any) -> None:
    head, _, tail = path.partition(".")
    if not tail:
        data[head] = value
    elif isinstance(data.get(head), dict):
        data[head][tail] = value


def restricted_claim_fields(c: ReviewedClaim, marks: Restrictions, may_see: bool) -> list[str]:
    if may_see:
        return []
    subject = claim_subject(c.id)
    hidden = [f for f in CLAIM_FIELDS if marks.field(subject, f)]
    # By rule: a witness's name is personal data of a witness.
    if c.claim.claimant.type == "witness" or c.extracted.claimant.type == "witness":
        hidden += [WITNESS_NAME, "claimant.statement"]
    if marks.field(item_subject(c.item_hash), "text"):
        hidden.append("sentences")
    return sorted(set(hidden))


def claim_public(
    c: ReviewedClaim, text: str | None, marks: Restrictions, may_see: bool
) -> ClaimPublic:
    hidden = restricted_claim_fields(c, marks, may_see)
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
        sentences = [text[a:b] for a, b in c.claim.spans if 0 <= a < b <= len(text)]
    return ClaimPublic(
        id=c.id,
        item_id=c.item_id,
        item_hash=c.item_hash,
        item_title=None
        if (not may_see and marks.field(item_subject(c.item_hash), "title"))
        else c.item_title,
        item_publisher=None
        if (not may_see and marks.field(item_subject(c.item_hash), "publisher"))
        else c.item_publisher,
        item_published=None
        if (not may_see and marks.field(item_subject(c.item_hash), "published"))
        else c.item_published,
        ordinal=c.ordinal,
        status=c.status,  # type: ignore[arg-type]
        claim=current,
        extracted=extracted,
        sentences=sentences,
        restricted_fields=hidden,
    )


def hidden_incident(incident_id: str, marks: Restrictions, may_see: bool) -> bool:
    return not may_see and marks.subject(incident_subject(incident_id))


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


def incident_explanation(explanation: Mapping[str, Any], may_see: bool) -> dict[str, Any]:
    if may_see:
        return dict(explanation)
    return {k: v for k, v in explanation.items() if k in PUBLIC_EXPLANATION}


def member_features(features: Mapping[str, Any], may_see: bool) -> dict[str, Any]:
    return dict(features) if may_see else {}


def visible_claims(
    project: Project, who: Principal, found: list[ReviewedClaim]
) -> list[ClaimPublic]:
    """`found` as the API shows them to `who`: restricted claims left out unless `who` may read
    restricted data, restricted fields emptied, each with its sentence from its item's text."""
    may_see = who.can(Permission.READ_RESTRICTED)
    marks = restrictions_for(project, claim_subjects(found))
    texts: dict[int, str | None] = {}
    out = []
    for c in found:
        if hidden_claim(c, marks, may_see):
            continue
        if c.item_id not in texts:
            texts[c.item_id] = item_text(project, str(c.item_id))[1]
        out.append(claim_public(c, texts[c.item_id], marks, may_see))
    return out
