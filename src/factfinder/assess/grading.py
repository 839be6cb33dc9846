"""Incident grades from explicit, versioned rules, with the trace of the rules that decided.

In the spirit of Airwars' grading of civilian-harm allegations. Rules of `GRADING_VERSION`, in
order of precedence (the first that applies gives the grade):

1. **discounted** — later evidence rules it out: a credible source, published after every report
   of deaths, states that nobody was killed.
2. **confirmed** — the perpetrator's own side acknowledges harm it caused: a claim of a party
   with the stance `admits` (or attributing the incident to its own side) that states people
   killed or injured who are not, by its own word, fighters. A party calling the dead
   "terrorists" acknowledges a strike, not harm to civilians: that is its classification,
   shown beside the figures (context, not evidence).
3. **contested** — a denial beside an allegation (the party whose responsibility is denied
   denies it while another source alleges it), competing attributions (independent sources name
   different perpetrators), or contested civilian status (one source counts the dead as
   civilians, another source that is not the perpetrator's own side counts them as fighters).
4. **fair** — two or more independent credible sources (not parties to the conflict, not
   reports carried without attribution) report it; denials and a party's classification of the
   dead do not count.
5. **weak** — otherwise: a single source, or only parties to the conflict.

Exactly one rule decides; the trace lists every rule in order with whether it decided and, for
the others, why it did not apply (or that it would, but an earlier rule comes first). An
analyst's override replaces the grade; the trace keeps the rules' own verdict and the reason.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from factfinder.errors import InvalidRecord
from factfinder.model import ClaimRef
from factfinder.vocab import GRADES

GRADING_VERSION = "grading-2"
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
    classified: bool = False  # the dead are this party's own classification ("terrorists")


@dataclass(frozen=True, slots=True)
class RuleResult:
    """One rule's verdict on an incident: whether it decided the grade (`fired`), and why (or
    why not: `detail`)."""

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


def _reports(claims: Sequence[GradedClaim]) -> list[GradedClaim]:
    """The claims that report the incident: not denials, not a party's classification."""
    return [c for c in claims if c.stance != "denies" and not c.classified]


def rule_discounted(claims: Sequence[GradedClaim]) -> RuleResult:
    harm = [c for c in claims if _harms(c) and c.stance != "denies"]
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


def _own_side(c: GradedClaim) -> bool:
    """The claim comes from the side it names as perpetrator (or admits without naming one)."""
    if c.party is None or c.stance == "denies":
        return False
    if c.stance == "admits":
        return c.perpetrator in _VAGUE or c.perpetrator == c.party or c.party == "other"
    return c.party not in _VAGUE and c.perpetrator == c.party


def rule_confirmed(claims: Sequence[GradedClaim]) -> RuleResult:
    own = [c for c in claims if _own_side(c)]
    admits = [c for c in own if not c.classified and _harms(c)]
    if admits:
        parties = sorted({c.party for c in admits if c.party})
        return RuleResult(
            "belligerent-admits",
            "confirmed",
            True,
            f"{', '.join(parties)} acknowledges harm its own side caused",
            tuple(sorted(c.ref for c in admits)),
        )
    if any(c.classified for c in own):
        detail = "the perpetrator's side speaks of it only as fighters killed (its classification)"
    elif own:
        detail = "the perpetrator's side acknowledges the act but states no harm"
    else:
        detail = "the perpetrator's side does not acknowledge it"
    return RuleResult("belligerent-admits", "confirmed", False, detail)


def rule_contested(claims: Sequence[GradedClaim]) -> RuleResult:
    reports = _reports(claims)
    denials = [c for c in claims if c.stance == "denies"]
    if denials:
        others = [c for c in reports if all(c.source != d.source for d in denials)]
        if others:
            names = sorted({c.source_name for c in denials})
            return RuleResult(
                "denied",
                "contested",
                True,
                f"{', '.join(names)} denies what {len({c.source for c in others})} other "
                "source(s) allege",
                tuple(sorted({c.ref for c in denials} | {c.ref for c in others})),
            )
    by_perp: dict[str, set[str]] = {}
    for c in reports:
        if c.perpetrator not in _VAGUE:
            by_perp.setdefault(c.perpetrator, set()).add(c.source)
    if len(by_perp) > 1:
        sources = set().union(*by_perp.values())
        if len(sources) > 1:
            refs = tuple(sorted(c.ref for c in reports if c.perpetrator in by_perp))
            return RuleResult(
                "competing-attributions",
                "contested",
                True,
                "sources name different perpetrators: " + ", ".join(sorted(by_perp)),
                refs,
            )
    civ = [c for c in reports if (c.killed_civilians_min or 0) > 0]
    comb = [
        c
        for c in reports
        if (c.killed_combatants_min or 0) > 0 and not c.killed_civilians_min and not _own_side(c)
    ]
    if civ and comb and any(a.source != b.source for a in civ for b in comb):
        refs = tuple(sorted({c.ref for c in civ} | {c.ref for c in comb}))
        return RuleResult(
            "contested-civilian-status",
            "contested",
            True,
            "some sources count the dead as civilians, others as combatants",
            refs,
        )
    why = "no denial beside an allegation, no competing attributions or civilian status"
    if denials:
        why = "a denial, but no other source alleges it"
    return RuleResult("competing-attributions", "contested", False, why)


def rule_fair(claims: Sequence[GradedClaim]) -> RuleResult:
    reports = [c for c in _reports(claims) if c.credible]
    credible = sorted({c.source for c in reports})
    if len(credible) >= 2:
        names = sorted({c.source_name for c in reports})
        return RuleResult(
            "two-credible-sources",
            "fair",
            True,
            f"{len(credible)} independent credible sources: {', '.join(names)}",
            tuple(sorted(c.ref for c in reports)),
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
        credible = {c.source for c in _reports(claims) if c.credible}
        detail = f"{len(sources)} source(s), {len(credible)} of them independent and credible"
    return RuleResult("single-source", "weak", True, detail)


RULES = (rule_discounted, rule_confirmed, rule_contested, rule_fair, rule_weak)


def grade_incident(claims: Sequence[GradedClaim], override: GradeOverride | None = None) -> Grading:
    """The grade of an incident from its member claims: the first rule that applies decides.

    Every rule is evaluated; the trace marks only the deciding one as fired, and a later rule
    that would also apply says that the earlier one comes first.
    """
    found = [rule(claims) for rule in RULES]
    decider = next(r for r in found if r.fired)
    trace: list[RuleResult] = []
    seen = False
    for r in found:
        if r is decider:
            seen = True
            trace.append(r)
        elif seen and r.fired:
            trace.append(
                RuleResult(
                    r.rule,
                    r.grade,
                    False,
                    f"would apply ({r.detail}), but {decider.rule} decides first",
                    r.claims,
                )
            )
        else:
            trace.append(r)
    rules_grade = decider.grade
    if override is not None:
        return Grading(override.grade, GRADING_VERSION, tuple(trace), rules_grade, override)
    return Grading(rules_grade, GRADING_VERSION, tuple(trace), rules_grade)
