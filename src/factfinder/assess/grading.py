"""Incident grades from explicit, versioned rules, with the trace of the rules that fired.

In the spirit of Airwars' grading of civilian-harm allegations. Rules of `GRADING_VERSION`, in
order of precedence (the first that fires gives the grade; every rule is evaluated and shown):

1. **discounted** — later evidence rules it out: a credible source, published after every report
   of deaths, states that nobody was killed.
2. **confirmed** — the belligerent admits it: a party to the conflict reports the incident and
   attributes it to itself (the source's party is the perpetrator its claim names).
3. **contested** — competing attributions (independent sources name different perpetrators) or
   contested civilian status (one source counts the dead as civilians, another independent source
   counts them as combatants and not as civilians).
4. **fair** — two or more independent credible sources (not parties to the conflict) report it.
5. **weak** — otherwise: a single source, or only parties to the conflict.

An analyst's override replaces the grade; the trace keeps the rules' own verdict and the reason.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from factfinder.errors import InvalidRecord
from factfinder.model import ClaimRef
from factfinder.vocab import GRADES

GRADING_VERSION = "grading-1"
_VAGUE = frozenset({"unknown", "other"})


@dataclass(frozen=True, slots=True)
class GradedClaim:
    """What grading needs of one member claim of an incident.

    `source` is the unit of independence (see `factfinder.link.sources.SourceKey.independence`),
    `party` the party to the conflict the source belongs to (a perpetrator group) or None;
    counts are minimums (`None` = not stated) except `killed_total_max`, used to see a denial.
    `published` is the publication day as an ordinal (None when unknown). `stance` is the
    claim's (CLAIMS.md 1.1): a party denying its own side's responsibility admits nothing, and
    a denial does not report the incident.
    """

    ref: ClaimRef
    source: str
    source_name: str
    party: str | None
    credible: bool
    perpetrator: str
    killed_total_min: int | None = None
    killed_total_max: int | None = None
    killed_civilians_min: int | None = None
    killed_civilians_max: int | None = None
    killed_combatants_min: int | None = None
    published: int | None = None
    stance: str = "alleges"  # a denial names the party whose responsibility it denies


@dataclass(frozen=True, slots=True)
class RuleResult:
    """One rule's verdict on an incident: whether it fired and why."""

    rule: str
    grade: str
    fired: bool
    detail: str
    claims: tuple[ClaimRef, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "grade": self.grade,
            "fired": self.fired,
            "detail": self.detail,
            "claims": [c.to_json() for c in self.claims],
        }


@dataclass(frozen=True, slots=True)
class GradeOverride:
    """An analyst's grade for an incident and the reason given."""

    grade: str
    reason: str
    by: str | None = None

    def __post_init__(self) -> None:
        if self.grade not in GRADES:
            raise InvalidRecord(f"grade {self.grade!r} is not one of {', '.join(GRADES)}")
        if not self.reason.strip():
            raise InvalidRecord("a grade override needs a reason")


@dataclass(frozen=True, slots=True)
class Grading:
    """The grade, the rule version, the trace of every rule, and the override if any."""

    grade: str
    version: str
    trace: tuple[RuleResult, ...]
    rules_grade: str
    override: GradeOverride | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "grade": self.grade,
            "version": self.version,
            "rules_grade": self.rules_grade,
            "trace": [r.to_json() for r in self.trace],
        }
        if self.override is not None:
            out["override"] = {
                "grade": self.override.grade,
                "reason": self.override.reason,
                "by": self.override.by,
            }
        return out


def _harms(c: GradedClaim) -> bool:
    return any(
        v is not None and v > 0
        for v in (c.killed_total_min, c.killed_civilians_min, c.killed_combatants_min)
    )


def _denies(c: GradedClaim) -> bool:
    return (c.killed_total_max == 0 or c.killed_civilians_max == 0) and not _harms(c)


def rule_discounted(claims: Sequence[GradedClaim]) -> RuleResult:
    harm = [c for c in claims if _harms(c)]
    denials = [c for c in claims if _denies(c) and c.credible and c.published is not None]
    if not harm or not denials:
        return RuleResult(
            "later-evidence-rules-out",
            "discounted",
            False,
            "no credible later report that nobody was killed",
        )
    last_harm = [c.published for c in harm]
    if any(p is None for p in last_harm):
        return RuleResult(
            "later-evidence-rules-out",
            "discounted",
            False,
            "a denial exists but the reports of deaths are undated",
        )
    latest = max(p for p in last_harm if p is not None)
    later = [
        c
        for c in denials
        if c.published is not None
        and c.published > latest
        and all(c.source != h.source for h in harm)
    ]
    if later:
        names = sorted({c.source_name for c in later})
        return RuleResult(
            "later-evidence-rules-out",
            "discounted",
            True,
            f"{', '.join(names)} reported later that nobody was killed",
            tuple(sorted(c.ref for c in later)),
        )
    return RuleResult(
        "later-evidence-rules-out",
        "discounted",
        False,
        "denials are not later than the reports of deaths",
    )


def rule_confirmed(claims: Sequence[GradedClaim]) -> RuleResult:
    admits = [
        c
        for c in claims
        if c.party is not None
        and c.party not in _VAGUE
        and c.perpetrator == c.party
        and c.stance != "denies"
    ]
    if admits:
        parties = sorted({c.party for c in admits if c.party})
        return RuleResult(
            "belligerent-admits",
            "confirmed",
            True,
            f"{', '.join(parties)} attributes the incident to itself",
            tuple(sorted(c.ref for c in admits)),
        )
    return RuleResult(
        "belligerent-admits", "confirmed", False, "no party to the conflict attributes it to itself"
    )


def rule_contested(claims: Sequence[GradedClaim]) -> RuleResult:
    by_perp: dict[str, set[str]] = {}
    for c in claims:
        if c.perpetrator not in _VAGUE:
            by_perp.setdefault(c.perpetrator, set()).add(c.source)
    if len(by_perp) > 1:
        sources = set().union(*by_perp.values())
        if len(sources) > 1:
            refs = tuple(sorted(c.ref for c in claims if c.perpetrator in by_perp))
            return RuleResult(
                "competing-attributions",
                "contested",
                True,
                "sources name different perpetrators: " + ", ".join(sorted(by_perp)),
                refs,
            )
    civ = [c for c in claims if (c.killed_civilians_min or 0) > 0]
    comb = [c for c in claims if (c.killed_combatants_min or 0) > 0 and not c.killed_civilians_min]
    if civ and comb and any(a.source != b.source for a in civ for b in comb):
        refs = tuple(sorted({c.ref for c in civ} | {c.ref for c in comb}))
        return RuleResult(
            "contested-civilian-status",
            "contested",
            True,
            "some sources count the dead as civilians, others as combatants",
            refs,
        )
    return RuleResult(
        "competing-attributions", "contested", False, "no competing attributions or civilian status"
    )


def rule_fair(claims: Sequence[GradedClaim]) -> RuleResult:
    reports = [c for c in claims if c.stance != "denies"]
    credible = sorted({c.source for c in reports if c.credible})
    if len(credible) >= 2:
        names = sorted({c.source_name for c in reports if c.credible})
        return RuleResult(
            "two-credible-sources",
            "fair",
            True,
            f"{len(credible)} independent credible sources: {', '.join(names)}",
            tuple(sorted(c.ref for c in reports if c.credible)),
        )
    return RuleResult(
        "two-credible-sources", "fair", False, f"{len(credible)} independent credible source(s)"
    )


def rule_weak(claims: Sequence[GradedClaim]) -> RuleResult:
    sources = {c.source for c in claims}
    parties = {c.party for c in claims if c.party is not None}
    if sources and len(parties) == len(sources) and all(c.party is not None for c in claims):
        detail = "only parties to the conflict report it: " + ", ".join(sorted(parties))
    else:
        detail = f"{len(sources)} independent source(s), fewer than 2 credible"
    return RuleResult("single-source", "weak", True, detail)


RULES = (rule_discounted, rule_confirmed, rule_contested, rule_fair, rule_weak)


def grade_incident(claims: Sequence[GradedClaim], override: GradeOverride | None = None) -> Grading:
    """The grade of an incident from its member claims (every rule evaluated, first fired wins)."""
    trace = tuple(rule(claims) for rule in RULES)
    rules_grade = next(r.grade for r in trace if r.fired)
    if override is not None:
        return Grading(override.grade, GRADING_VERSION, trace, rules_grade, override)
    return Grading(rules_grade, GRADING_VERSION, trace, rules_grade)
