"""Grading (assess.grading) on any incident: every rule is evaluated and the first that fires
gives the grade; the order of the claims and a source repeating itself change nothing; one
source that no party's admission backs is weak; an override replaces the grade and keeps the
rules' own verdict."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from factfinder.assess.grading import (
    GRADING_VERSION,
    GradedClaim,
    GradeOverride,
    grade_incident,
)
from factfinder.model import ClaimRef
from factfinder.vocab import GRADES

groups = st.sampled_from(["russia", "syrian_government", "isis", "unknown", "other", "sdf"])
counts = st.none() | st.integers(0, 50)


@st.composite
def graded_claims(draw: st.DrawFn) -> GradedClaim:
    source = draw(st.sampled_from(["s1", "s2", "s3", "s4"]))
    return GradedClaim(
        ref=ClaimRef(
            draw(st.sampled_from(["d1", "d2", "d3", "d4", "d5"])), draw(st.integers(0, 3))
        ),
        source=source,
        source_name=source.upper(),
        party=draw(st.none() | groups),
        credible=draw(st.booleans()),
        perpetrator=draw(groups),
        killed_total_min=draw(counts),
        killed_total_max=draw(counts),
        killed_civilians_min=draw(counts),
        killed_civilians_max=draw(counts),
        killed_combatants_min=draw(counts),
        published=draw(st.none() | st.integers(737000, 737100)),
        stance=draw(st.sampled_from(["alleges", "admits", "denies"])),
    )


incidents = st.lists(graded_claims(), min_size=1, max_size=6)


@given(incidents)
def test_the_first_rule_that_fires_gives_the_grade(claims: list[GradedClaim]) -> None:
    g = grade_incident(claims)
    assert g.grade in GRADES and g.version == GRADING_VERSION
    assert [r.grade for r in g.trace] == ["discounted", "confirmed", "contested", "fair", "weak"]
    # exactly one rule decides, and the rules after it that would apply say so
    assert sum(r.fired for r in g.trace) == 1
    assert g.grade == g.rules_grade == next(r.grade for r in g.trace if r.fired)
    after = [r for r in g.trace[[r.fired for r in g.trace].index(True) + 1 :]]
    assert after[-1:] == [] or after[-1].detail.startswith("would apply")
    for r in g.trace:
        assert set(r.claims) <= {c.ref for c in claims}
    assert json.loads(json.dumps(g.to_json()))["grade"] == g.grade


@given(incidents, st.randoms(use_true_random=False))
def test_the_order_of_claims_changes_nothing(claims: list[GradedClaim], rnd) -> None:  # type: ignore[no-untyped-def]
    shuffled = list(claims)
    rnd.shuffle(shuffled)
    assert grade_incident(shuffled) == grade_incident(claims)


@given(incidents, st.data())
def test_a_claim_repeated_changes_nothing(claims: list[GradedClaim], data: st.DataObject) -> None:
    k = data.draw(st.integers(0, len(claims) - 1))
    assert grade_incident([*claims, claims[k]]).grade == grade_incident(claims).grade


@given(incidents)
def test_one_source_without_an_admission_is_weak(claims: list[GradedClaim]) -> None:
    one = [
        GradedClaim(**{**{f: getattr(c, f) for f in c.__slots__}, "source": "s1", "party": None})
        for c in claims
    ]
    assert grade_incident(one).grade == "weak"


@given(incidents, st.sampled_from(GRADES))
def test_an_override_replaces_the_grade_and_keeps_the_rules_verdict(
    claims: list[GradedClaim], grade: str
) -> None:
    plain = grade_incident(claims)
    over = grade_incident(claims, GradeOverride(grade, "site visit", by="analyst"))
    assert over.grade == grade and over.rules_grade == plain.grade and over.trace == plain.trace
    assert over.to_json()["override"] == {"grade": grade, "reason": "site visit", "by": "analyst"}


@given(incidents)
def test_two_credible_independent_non_party_sources_are_at_least_fair(
    claims: list[GradedClaim],
) -> None:
    witnesses = [
        GradedClaim(ClaimRef(f"w{k}", 0), f"w{k}", f"W{k}", None, True, "unknown") for k in range(2)
    ]
    g = grade_incident([*claims, *witnesses])
    fair = g.trace[3]  # the fair rule decides, or applies after an earlier rule decided
    assert fair.fired or fair.detail.startswith("would apply (")
    assert g.grade != "weak"
