"""The JSON API's input (`…Create`, `…Decision`) and output (`…Public`) schemas; lists are
`{"data": [...], "count": N}` where `count` is the number of matches, not of this page."""

from __future__ import annotations

from typing import Any, Literal

from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field


class GeoJSONResponse(JSONResponse):
    """GeoJSON is served as `application/geo+json` (RFC 7946, section 12)."""

    media_type = "application/geo+json"


class _Out(BaseModel):
    # Built from the service layer's records with `model_validate(record)`: only the fields
    # declared here are read.
    model_config = ConfigDict(extra="forbid", from_attributes=True)


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Problem(_Out):
    detail: str


class UserPublic(_Out):
    username: str
    display_name: str | None
    role: str
    active: bool
    created_at: str


class UsersPublic(_Out):
    data: list[UserPublic]
    count: int


class UserCreate(_In):
    username: str = Field(min_length=2, max_length=63)
    password: str = Field(min_length=10, max_length=1000)
    role: Literal["admin", "investigator", "analyst", "viewer"]
    display_name: str | None = Field(default=None, max_length=200)


class MePublic(_Out):
    user: UserPublic
    permissions: list[str]


class TokenCreate(_In):
    name: str = Field(min_length=1, max_length=100)
    days: int | None = Field(default=None, ge=1, le=3650)


class TokenPublic(_Out):
    id: int
    username: str
    name: str
    prefix: str
    created_at: str
    expires_at: str | None
    revoked_at: str | None


class TokenCreated(_Out):
    token: str = Field(description="The secret; shown once, stored only as a hash.")
    info: TokenPublic


class LedgerEntryPublic(_Out):
    seq: int
    kind: str
    actor: str
    time: str
    subject: str | None
    payload: dict[str, Any] | None


class ItemPublic(_Out):
    id: int
    hash: str
    size: int
    media_type: str
    created_at: str
    title: str | None
    publisher: str | None
    published: str | None
    url: str | None
    language: str | None
    external_id: str | None
    acquisitions: int
    text_status: str | None = Field(
        default=None,
        description='How the text was read: null (the file\'s own text), "ocr", or a phrase '
        'beginning "text not read" / "text partly read" saying why it was not.',
    )
    ocr_confidence: float | None = Field(
        default=None, description="Tesseract's mean word confidence (0–100) of an OCR'd text."
    )
    restricted_fields: list[str] = []


class ItemsPublic(_Out):
    data: list[ItemPublic]
    count: int


class ClaimPublic(_Out):
    id: int
    item_id: int
    item_hash: str
    item_title: str | None
    item_publisher: str | None = None
    item_published: str | None = Field(
        default=None, description="The item's publication date as it stands (with corrections)."
    )
    ordinal: int
    status: Literal["pending", "accepted", "corrected", "rejected"]
    claim: dict[str, Any] = Field(description="The claim (CLAIMS.md format), with corrections.")
    extracted: dict[str, Any] | None = Field(
        default=None, description="The claim as extracted, when a correction changed it."
    )
    sentences: list[str] | None = Field(
        default=None, description="The text of each span (null when the text is restricted)."
    )
    restricted_fields: list[str] = []


class ClaimsPublic(_Out):
    data: list[ClaimPublic]
    count: int


class ItemLinkPublic(_Out):
    relation: str = Field(
        description='As seen from this item: "has-attachment" (an e-mail\'s attached file, a chat '
        'message\'s media), "attachment-of", "member-of", "has-member", "record-of", '
        '"has-record", "line-of", "has-line".'
    )
    item_id: int
    item_hash: str
    title: str | None


class ItemDetailPublic(ItemPublic):
    author: str | None
    file_created: str | None = None
    file_modified: str | None = None
    text_hash: str | None
    text: str | None
    acquisition_history: list[dict[str, Any]]
    ledger: list[LedgerEntryPublic]
    claims: list[ClaimPublic]
    links: list[ItemLinkPublic] = Field(
        default_factory=list,
        description="The items this one is linked to, as far as the reader may see them.",
    )


class ClaimDecision(_In):
    decision: Literal["accept", "correct", "reject"]
    corrections: dict[str, Any] = Field(
        default_factory=dict,
        description="For `correct`: {dotted path: value}, e.g. "
        '{"killed.civilians": {"min": 26, "max": 26, "text": "26"}}.',
    )
    reason: str = Field(default="", max_length=2000)


class CommentCreate(_In):
    body: str = Field(min_length=1, max_length=10_000)


class CommentPublic(_Out):
    id: int
    subject: str
    author: str
    body: str
    created_at: str


class CommentsPublic(_Out):
    data: list[CommentPublic]
    count: int


class RestrictionCreate(_In):
    subject: str = Field(pattern=r"^(item|claim|incident):.+$", max_length=200)
    field: str = Field(default="", max_length=100)
    reason: str = Field(min_length=1, max_length=2000)


class RestrictionPublic(_Out):
    id: int
    subject: str
    field: str
    reason: str
    created_by: str
    created_at: str


class ReleaseCreate(_In):
    """Release a personal name of an item from restriction (`subject`: `item:sha256:…`)."""

    subject: str = Field(pattern=r"^item:sha256:[0-9a-f]{64}$", max_length=200)
    name: str = Field(min_length=1, max_length=200)
    reason: str = Field(min_length=1, max_length=2000)


class ReleasePublic(_Out):
    id: int
    subject: str
    name: str
    reason: str
    created_by: str
    created_at: str


class RestrictedReadPublic(_Out):
    """A read of restricted data by a privileged reader (a `restricted.read` ledger entry)."""

    seq: int
    time: str
    reader: str
    purpose: str
    subjects: list[str]


class IngestFailure(_Out):
    input: str
    problem: str


class IngestPublic(_Out):
    parts: int
    new_items: int
    new_acquisitions: int
    unchanged: int
    failures: list[IngestFailure]


class ExtractRunPublic(_Out):
    items: int
    extracted: int
    skipped: int
    claims: int
    failed: int


class DashboardPublic(_Out):
    items: int
    claims: int
    pending_review: int
    incidents: int
    ledger_size: int
    checkpoint_size: int | None
    checkpoint_at: str | None
    restricted_marks: int | None = Field(
        default=None, description="How many restriction marks (null unless you may restrict)."
    )


class IncidentPublic(_Out):
    id: str
    date_start: str | None
    date_end: str | None
    date_precision: str
    place: str | None
    governorate: str | None
    lat: float | None
    lon: float | None
    event_type: str
    perpetrator: str
    killed: dict[str, Any] | None
    civilians: dict[str, Any] | None
    grade: str | None
    independent_sources: int
    members: int
    confirmed: bool


class IncidentsPublic(_Out):
    data: list[IncidentPublic]
    count: int
    next: str | None = Field(description="Cursor of the next page (pass as `after`), if any.")


class IncidentMemberPublic(_Out):
    claim_id: int
    score: float | None
    features: dict[str, Any]
    claim: ClaimPublic | None = Field(description="null when the claim is restricted for you")


class IncidentDetailPublic(_Out):
    incident: IncidentPublic
    members: list[IncidentMemberPublic]
    explanation: dict[str, Any] = Field(
        description="How the figures and the grade were reached (reconciliation, grading "
        "trace, links, source chains)."
    )
    decisions: list[dict[str, Any]]


class TimelinePoint(_Out):
    month: str
    count: int


class IncidentMerge(_In):
    ids: list[str] = Field(min_length=2, max_length=100)
    reason: str = Field(min_length=1, max_length=2000)


class IncidentSplit(_In):
    claim_ids: list[int] = Field(min_length=1, max_length=1000)
    reason: str = Field(min_length=1, max_length=2000)


class IncidentConfirm(_In):
    reason: str = Field(min_length=1, max_length=2000)  # every decision states its reason


class IncidentGrade(_In):
    grade: Literal["confirmed", "fair", "weak", "contested", "discounted"]
    reason: str = Field(min_length=1, max_length=2000)


class IncidentDecided(_Out):
    id: str = Field(description="The incident the decision produced or changed.")


class LinkRunPublic(_Out):
    claims: int
    incidents: int
    merged: int


class CaseCreate(_In):
    name: str = Field(min_length=1, max_length=200)
    description: str | None = Field(default=None, max_length=5000)


class CaseIncidents(_In):
    incidents: list[str] = Field(min_length=1, max_length=1000)


class CaseNoteCreate(_In):
    text: str = Field(min_length=1, max_length=20000)
    incident: str | None = Field(default=None, max_length=100)
    restricted: bool = False


class CaseNotePublic(_Out):
    id: int
    seq: int
    created_at: str
    actor: str
    incident: str | None
    text: str
    restricted: bool


class CaseSummaryPublic(_Out):
    id: int
    name: str
    description: str | None
    created_at: str
    incidents: int
    notes: int


class CasesPublic(_Out):
    data: list[CaseSummaryPublic]
    count: int


class CaseBuildPublic(_Out):
    seq: int
    time: str
    actor: str
    what: str
    format: str
    name: str
    checkpoint_size: int
    sha256: str | None
    bytes: int
    incidents: int
    include_restricted: bool
    withheld: int


class CasePublic(_Out):
    id: int
    name: str
    description: str | None
    created_at: str
    actor: str
    incidents: list[str]
    notes: list[CaseNotePublic]
    withheld: dict[str, int]
    builds: list[CaseBuildPublic]


class PlacePublic(_Out):
    key: str  # `gaz:<id>`: how the review form names the place
    name: str
    arabic: str | None
    kind: str
    admin1: str | None
    country: str
    precision: str
    lat: float | None
    lon: float | None
    geonameid: int | None


class PlacesPublic(_Out):
    data: list[PlacePublic]
    count: int
