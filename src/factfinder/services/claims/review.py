"""Reviewing a claim (the command): `decide` accepts, corrects or rejects it — a
`claim_reviews` row and its ledger entry in one transaction. What may be corrected and how a
review is read back: `factfinder.services.claims.queries`."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import insert

from factfinder.errors import InvalidRecord
from factfinder.services.claims.queries import (
    DECISIONS,
    ReviewedClaim,
    apply_corrections,
    reviewed_claim,
)
from factfinder.services.project import Project
from factfinder.store.schema_users import claim_reviews
from factfinder.subjects import claim_subject
from factfinder.vault.hashing import canonical_json


def decide(
    project: Project,
    claim_id: int,
    decision: str,
    *,
    corrections: Mapping[str, Any] | None = None,
    reason: str = "",
    actor: str | None = None,
) -> ReviewedClaim:
    """Record a decision on a claim (see the module docstring)."""
    if decision not in DECISIONS:
        raise InvalidRecord(f"decision {decision!r} is not one of {', '.join(DECISIONS)}")
    fixes = dict(corrections or {})
    if decision == "correct" and not fixes:
        raise InvalidRecord("a correction needs at least one corrected field")
    if decision != "correct" and fixes:
        raise InvalidRecord(f"only a correction carries fields (this is {decision!r})")
    current = reviewed_claim(project, claim_id)
    if fixes:
        apply_corrections(current.extracted, fixes)  # validate before writing anything
    with project.transaction(actor) as tx:
        entry = tx.append_ledger(
            f"claim.{decision}",
            {
                "claim": claim_id,
                "item": current.item_hash,
                "corrections": fixes,
                "reason": reason.strip(),
            },
            subject=claim_subject(claim_id),
        )
        tx.conn.execute(
            insert(claim_reviews).values(
                claim_id=claim_id,
                decision=decision,
                corrections=canonical_json(fixes),
                reason=reason.strip(),
                actor=tx.actor,
                created_at=tx.now,
                seq=entry.seq,
            )
        )
    return reviewed_claim(project, claim_id)
