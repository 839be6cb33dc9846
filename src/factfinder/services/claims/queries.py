"""Reading claims: the stored claims (`list_claims`) and the claims as reviewed.

Review: a person accepts a claim, corrects some of its fields, or rejects
it (`factfinder.services.claims.review.decide`). The claim rows stay as the extractor wrote them (the record is append-only); each decision
is a `claim_reviews` row plus a ledger entry in the same transaction, and the latest decision
of a claim is in force. `reviewed_claim` gives the claim with its corrections applied — what
linking and reports should use.

Ledger entries (`subject` = `claim:<id>`): `claim.accept`, `claim.correct`, `claim.reject`,
payload `{"claim": id, "item": hash, "corrections": {path: value}, "reason": text}`.

Correctable fields (`CORRECTABLE`) are dotted paths into the claim format of CLAIMS.md:
`event_type`, `perpetrator.group`, `perpetrator.name`, `claimant.name`, `claimant.type`,
`stance` (`alleges`, `admits` or `denies`), `date` (`{"start", "end", "precision"}`), `places` (a
list of places as CLAIMS.md gives them, `{"name", "lat", "lon", "geonameid", "admin1", "country",
"precision"}`; the workspace takes them from the gazetteer), `weapons` (a list), and the counts `killed.total`,
`killed.civilians`, `killed.children`, `killed.women`, `killed.men`, `killed.combatants`,
`injured.total` … (each a range `{"min", "max", "text"}` or null). A correction must leave a
valid claim, else `InvalidRecord` names the field.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, func, select

from factfinder.errors import InvalidRecord, NotFound
from factfinder.model import Claim
from factfinder.services.access.redaction import restricted_claim
from factfinder.services.project import Project
from factfinder.store.schema import item_metadata, items, ledger
from factfinder.store.schema_claims import claims
from factfinder.store.schema_users import claim_reviews

DECISIONS = ("accept", "correct", "reject")
_COUNTS = ("total", "civilians", "children", "women", "men", "combatants")
CORRECTABLE = frozenset(
    [
        "event_type",
        "perpetrator.group",
        "perpetrator.name",
        "claimant.name",
        "claimant.type",
        "stance",
        "date",
        "places",
        "weapons",
    ]
    + [f"killed.{k}" for k in _COUNTS]
    + [f"injured.{k}" for k in _COUNTS]
)


@dataclass(frozen=True, slots=True)
class Review:
    id: int
    claim_id: int
    decision: str
    corrections: Mapping[str, Any]
    reason: str
    actor: str
    created_at: str
    seq: int


@dataclass(frozen=True, slots=True)
class ReviewedClaim:
    """A stored claim, as extracted and as reviewed (`claim` has the corrections applied)."""

    id: int
    item_id: int
    item_hash: str
    item_title: str | None
    ordinal: int
    extracted: Claim
    claim: Claim
    review: Review | None
    item_publisher: str | None = None
    item_published: str | None = None  # the publication date as the item holds it now

    @property
    def status(self) -> str:
        """`pending`, `accepted`, `corrected` or `rejected`."""
        if self.review is None:
            return "pending"
        return {"accept": "accepted", "correct": "corrected", "reject": "rejected"}[
            self.review.decision
        ]


def apply_corrections(claim: Claim, corrections: Mapping[str, Any]) -> Claim:
    """The claim with `corrections` ({dotted path: value}) applied; `InvalidRecord` when a path
    is not correctable or the result is not a valid claim."""
    data = copy.deepcopy(claim.to_json())
    for path, value in corrections.items():
        if path not in CORRECTABLE:
            raise InvalidRecord(
                f"{path!r} cannot be corrected (correctable: {', '.join(sorted(CORRECTABLE))})"
            )
        head, _, tail = path.partition(".")
        if tail:
            node = data.get(head) or {}
            node[tail] = value
            data[head] = node
        else:
            data[head] = value
    try:
        return Claim.from_json(data)
    except InvalidRecord as exc:
        raise InvalidRecord(f"the correction makes an invalid claim: {exc}") from exc
    except (TypeError, ValueError) as exc:
        raise InvalidRecord(f"the correction makes an invalid claim: {exc}") from exc


def _review(row: Any) -> Review:
    return Review(
        int(row.id),
        int(row.claim_id),
        row.decision,
        json.loads(row.corrections),
        row.reason,
        row.actor,
        row.created_at,
        int(row.seq),
    )


def _latest_reviews(conn: Connection, claim_ids: list[int]) -> dict[int, Review]:
    if not claim_ids:
        return {}
    r = claim_reviews.c
    latest = (
        select(func.max(r.id))
        .where(r.claim_id.in_(claim_ids))
        .group_by(r.claim_id)
        .scalar_subquery()
    )
    return {
        int(row.claim_id): _review(row)
        for row in conn.execute(select(claim_reviews).where(r.id.in_(latest)))
    }


def _claim_rows(
    conn: Connection, where: Any, limit: int | None = None, offset: int = 0
) -> list[Any]:
    c = claims.c
    query = (
        select(
            c.id,
            c.item_id,
            c.ordinal,
            c.claim,
            items.c.hash,
            item_metadata.c.title,
            item_metadata.c.publisher,
            item_metadata.c.published,
        )
        .select_from(
            claims.join(items, items.c.id == c.item_id).outerjoin(
                item_metadata, item_metadata.c.item_id == c.item_id
            )
        )
        .where(where)
        .order_by(c.item_id, c.ordinal, c.id)
    )
    if limit is not None:
        query = query.limit(limit).offset(offset)
    return list(conn.execute(query))


def _current(conn: Connection) -> Any:
    """A condition: the claim belongs to its item's latest extraction (the highest seq)."""
    c = claims.c
    inner = claims.alias("newer")
    newest = select(func.max(inner.c.seq)).where(inner.c.item_id == c.item_id).scalar_subquery()
    return c.seq == newest


def _build(rows: list[Any], reviews: Mapping[int, Review]) -> list[ReviewedClaim]:
    out = []
    for row in rows:
        extracted = Claim.from_json(json.loads(row.claim))
        review = reviews.get(int(row.id))
        current = extracted
        if review is not None and review.decision == "correct":
            current = apply_corrections(extracted, review.corrections)
        out.append(
            ReviewedClaim(
                int(row.id),
                int(row.item_id),
                row.hash,
                row.title,
                int(row.ordinal),
                extracted,
                current,
                review,
                row.publisher,
                row.published,
            )
        )
    return out


def reviewed_claims(
    project: Project, *, item_id: int | None = None, claim_ids: list[int] | None = None
) -> list[ReviewedClaim]:
    """The current claims (latest extraction of each item) with their review state."""
    with project.read() as conn:
        cond = _current(conn)
        if item_id is not None:
            cond = cond & (claims.c.item_id == item_id)
        if claim_ids is not None:
            cond = cond & claims.c.id.in_(claim_ids)
        rows = _claim_rows(conn, cond)
        return _build(rows, _latest_reviews(conn, [int(r.id) for r in rows]))


STATUSES = {"pending": None, "accepted": "accept", "corrected": "correct", "rejected": "reject"}


def list_reviewed_claims(
    project: Project,
    *,
    item_id: int | None = None,
    status: str | None = None,
    limit: int = 100,
    offset: int = 0,
    include_restricted: bool = True,
) -> tuple[list[ReviewedClaim], int]:
    """(a page of the current claims in item order, how many match), optionally of one item
    and in one review status (`pending`, `accepted`, `corrected`, `rejected`). Without
    `include_restricted` (a role that may not read restricted data), the claims restricted
    as a whole or through their item are neither listed nor counted."""
    if status is not None and status not in STATUSES:
        raise InvalidRecord(f"status {status!r} is not one of {', '.join(STATUSES)}")
    r = claim_reviews.c
    with project.read() as conn:
        cond = _current(conn)
        if not include_restricted:
            hidden = restricted_claim(conn)
            if hidden is not None:
                cond = cond & ~hidden
        if item_id is not None:
            cond = cond & (claims.c.item_id == item_id)
        if status == "pending":
            cond = cond & ~select(r.id).where(r.claim_id == claims.c.id).exists()
        elif status is not None:
            later = claim_reviews.alias("later")
            # The claim's latest review has this decision: no later review of the same claim.
            latest_is = (
                select(r.id)
                .where(
                    r.claim_id == claims.c.id,
                    r.decision == STATUSES[status],
                    ~select(later.c.id)
                    .where(later.c.claim_id == r.claim_id, later.c.id > r.id)
                    .exists(),
                )
                .exists()
            )
            cond = cond & latest_is
        total = conn.execute(select(func.count()).select_from(claims).where(cond)).scalar_one()
        rows = _claim_rows(conn, cond, limit, offset)
        return _build(rows, _latest_reviews(conn, [int(x.id) for x in rows])), int(total)


def reviewed_claim(project: Project, claim_id: int) -> ReviewedClaim:
    with project.read() as conn:
        rows = _claim_rows(conn, claims.c.id == claim_id)
        if not rows:
            raise NotFound(f"no claim {claim_id}")
        return _build(rows, _latest_reviews(conn, [claim_id]))[0]


def review_queue(project: Project, *, limit: int = 50) -> tuple[list[ReviewedClaim], int]:
    """(the next pending claims, primary claims first within an item; how many are pending)."""
    with project.read() as conn:
        pending = (
            _current(conn)
            & ~select(claim_reviews.c.id).where(claim_reviews.c.claim_id == claims.c.id).exists()
        )
        total = conn.execute(select(func.count()).select_from(claims).where(pending)).scalar_one()
        rows = _claim_rows(conn, pending, limit)
        return _build(rows, {}), int(total)


def review_history(project: Project, claim_id: int) -> list[Review]:
    with project.read() as conn:
        return [
            _review(r)
            for r in conn.execute(
                select(claim_reviews)
                .where(claim_reviews.c.claim_id == claim_id)
                .order_by(claim_reviews.c.id)
            )
        ]


@dataclass(frozen=True, slots=True)
class StoredClaim:
    """A claim as stored: its row id, item, position, the ledger entry that recorded it."""

    id: int
    item_id: int
    item_hash: str
    ordinal: int
    seq: int
    claim: Claim

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "item": self.item_hash,
            "item_id": self.item_id,
            "ordinal": self.ordinal,
            "seq": self.seq,
            "claim": self.claim.to_json(),
        }


def list_claims(project: Project, item_id: int | None = None) -> list[StoredClaim]:
    """The claims of each item's latest extraction (of one item when `item_id` is given)."""
    with project.read() as conn:
        latest = latest_extractions(conn)
        query = (
            select(
                claims.c.id,
                claims.c.item_id,
                items.c.hash,
                claims.c.ordinal,
                claims.c.seq,
                claims.c.claim,
            )
            .join(items, items.c.id == claims.c.item_id)
            .order_by(claims.c.item_id, claims.c.ordinal)
        )
        if item_id is not None:
            query = query.where(claims.c.item_id == item_id)
        return [
            StoredClaim(
                r.id, r.item_id, r.hash, r.ordinal, r.seq, Claim.from_json(json.loads(r.claim))
            )
            for r in conn.execute(query)
            if latest.get(r.item_id, (None,))[0] == r.seq
        ]


def latest_extractions(conn: Connection) -> dict[int, tuple[int, str]]:
    """item id → (seq, text hash) of its latest `extract.claims` ledger entry."""
    out: dict[int, tuple[int, str]] = {}
    for seq, entry in conn.execute(
        select(ledger.c.seq, ledger.c.entry)
        .where(ledger.c.kind == "extract.claims")
        .order_by(ledger.c.seq)
    ):
        payload = json.loads(entry).get("payload", {})
        if isinstance(payload.get("item_id"), int):
            out[payload["item_id"]] = (seq, str(payload.get("text_hash", "")))
    return out
