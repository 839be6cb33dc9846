"""Assessment: reconciled casualty ranges and incident grades, each with its reasons.

from factfinder.assess import reconcile_casualties, grade_incident
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
    CasualtyReconciliation,
    CountReport,
    Figure,
    Reconciled,
    SourcedCounts,
    reconcile_casualties,
    reconcile_counts,
    reconcile_range,
)

__all__ = [
    "GRADING_VERSION",
    "RECONCILE_VERSION",
    "CasualtyReconciliation",
    "CountReport",
    "Figure",
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
