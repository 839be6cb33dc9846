"""Assessment: linked clusters → incidents with reconciled casualty ranges and grades, each
with its reasons.

    from factfinder.assess import reconcile_casualties, grade_incident
    from factfinder.assess.incidents import incidents_of     # a LinkRun's graded incidents
    from factfinder.assess.batch import link_files           # the batch command `factfinder link`

Modules: `reconcile` (casualty ranges), `grading` (the grade and its rules), `incidents` (a
cluster of claims → `Incident`), `output` (incidents as JSON lines, built on worker processes),
`batch` (claims and documents files → incidents file).
"""

from __future__ import annotations

from factfinder.assess.grading import (
    GRADING_VERSION,
    GradedClaim,
    GradeOverride,
    Grading,
    RuleResult,
    grade_incident,
)
from factfinder.assess.reconcile import (
    RECONCILE_VERSION,
    Bound,
    CasualtyReconciliation,
    CountingClaim,
    CountReport,
    Reconciled,
    SourcedCounts,
    reconcile_casualties,
    reconcile_counts,
    reconcile_range,
)

__all__ = [
    "GRADING_VERSION",
    "RECONCILE_VERSION",
    "Bound",
    "CasualtyReconciliation",
    "CountReport",
    "CountingClaim",
    "GradeOverride",
    "GradedClaim",
    "Grading",
    "Reconciled",
    "RuleResult",
    "SourcedCounts",
    "grade_incident",
    "reconcile_casualties",
    "reconcile_counts",
    "reconcile_range",
]
