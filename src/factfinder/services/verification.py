"""`factfinder verify` over every stage: preserve's checks of the ledger, checkpoints, items and
blobs (`factfinder.services.preserve.verify`), then each later stage's check of its own rows
against its own ledger entries. A stage that adds such a check exposes it as a function of a
read connection yielding `Problem`s and is listed in `STAGE_CHECKS`.
"""

from __future__ import annotations

from factfinder.services.cases.queries import check_cases
from factfinder.services.incidents.queries import check_incidents
from factfinder.services.preserve.verify import ExtraCheck, VerifyObserver, verify_evidence
from factfinder.services.project import Project
from factfinder.vault.signing import PublicKey
from factfinder.vault.verify import VerifyReport

STAGE_CHECKS: tuple[ExtraCheck, ...] = (check_cases, check_incidents)


def verify_project(
    project: Project,
    *,
    key: PublicKey | None = None,
    blobs: bool = True,
    observer: VerifyObserver | None = None,
) -> VerifyReport:
    """Every check of every stage; `key` defaults to the project's exported public key, and
    `blobs=False` skips re-hashing the blobs."""
    return verify_evidence(
        project, key=key, blobs=blobs, extra_checks=STAGE_CHECKS, observer=observer
    )
