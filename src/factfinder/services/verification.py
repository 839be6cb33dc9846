"""`factfinder verify` over every stage: preserve's checks of the ledger, checkpoints, items and
blobs (`factfinder.services.preserve.verify`), then each later stage's check of its own rows
against its own ledger entries. A stage that adds such a check exposes it as a function of a
read connection yielding `Problem`s and is listed in `STAGE_CHECKS`.
"""

from __future__ import annotations

from factfinder.services.access.integrity import check_access
from factfinder.services.cases.queries import check_cases
from factfinder.services.claims.integrity import check_claims
from factfinder.services.incidents.integrity import check_incidents
from factfinder.services.preserve.verify import ExtraCheck, VerifyObserver, verify_evidence
from factfinder.services.project import Project
from factfinder.vault.note import NoteCheckpoint
from factfinder.vault.signing import Checkpoint, PublicKey
from factfinder.vault.verify import VerifyReport

STAGE_CHECKS: tuple[ExtraCheck, ...] = (check_claims, check_access, check_cases, check_incidents)


def verify_project(
    project: Project,
    *,
    key: PublicKey | None = None,
    fingerprint: str | None = None,
    against: Checkpoint | NoteCheckpoint | None = None,
    blobs: bool = True,
    observer: VerifyObserver | None = None,
) -> VerifyReport:
    """Every check of every stage. The trust anchor is `key`, else the project's key held to
    `fingerprint`, else to the fingerprint pinned in the project's configuration; `against` is
    a checkpoint kept outside the project (a rollback fails it); `blobs=False` skips
    re-hashing the blobs."""
    return verify_evidence(
        project,
        key=key,
        fingerprint=fingerprint,
        against=against,
        blobs=blobs,
        extra_checks=STAGE_CHECKS,
        observer=observer,
    )
