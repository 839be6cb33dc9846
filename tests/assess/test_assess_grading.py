"""Grading rules: each rule, their precedence, overrides."""

from __future__ import annotations

import pytest

from factfinder.assess.grading import (
    GRADING_VERSION,
    GradedClaim,
    GradeOverride,
    grade_incident,
)
from factfinder.errors import InvalidRecord
from factfinder.model import ClaimRef

DAY = 736000


def claim(
    i: int,
    source: str,
    *,
    party: str | None = None,
    perp: str = "unknown",
    killed: int | None = 10,
    civilians: int | None = None,
    combatants: int | None = None,
    killed_max: int | None = None,
    published: int | None = DAY,
    stance: str = "alleges",
) -> GradedClaim:
    credible = party is None
    return GradedClaim(
        ClaimRef(f"doc-{i}", 0),
        source,
        source,
        party,
        credible,
        perp,
        killed_total_min=killed,
        killed_total_max=killed_max,
        killed_civilians_min=civilians,
        killed_combatants_min=combatants,
        published=published,
        stance=stance,
    )


def fired(grading):
    return [r.rule for r in grading.trace if r.fired]


def test_single_source_is_weak():
    g = grade_incident([claim(0, "src:sohr")])
    assert g.grade == "weak" and g.version == GRADING_VERSION
    assert fired(g) == ["single-source"]
    assert [r.grade for r in g.trace] == ["discounted", "confirmed", "contested", "fair", "weak"]


def test_two_relays_of_one_source_are_still_weak():
    g = grade_incident([claim(0, "src:sohr"), claim(1, "src:sohr")])
    assert g.grade == "weak"


def test_only_one_party_is_weak_and_says_so():
    g = grade_incident(
        [claim(0, "party:syrian_government", party="syrian_government", perp="us_led_coalition")]
        * 2
    )
    assert g.grade == "weak"
    assert "only parties to the conflict" in g.trace[-1].detail


def test_two_independent_credible_sources_are_fair():
    g = grade_incident(
        [claim(0, "src:sohr"), claim(1, "src:reuters"), claim(2, "party:russia", party="russia")]
    )
    assert g.grade == "fair"
    assert "2 independent credible sources" in next(r for r in g.trace if r.fired).detail


def test_party_sources_do_not_make_it_fair():
    g = grade_incident(
        [
            claim(0, "src:sohr"),
            claim(1, "party:russia", party="russia"),
            claim(2, "party:syrian_government", party="syrian_government"),
        ]
    )
    assert g.grade == "weak"


def test_belligerent_admitting_it_is_confirmed():
    g = grade_incident(
        [
            claim(0, "src:sohr", perp="us_led_coalition"),
            claim(1, "party:us_led_coalition", party="us_led_coalition", perp="us_led_coalition"),
        ]
    )
    assert g.grade == "confirmed"
    assert g.trace[1].claims == (ClaimRef("doc-1", 0),)


def test_a_belligerent_denying_it_confirms_nothing_and_contests_it():
    g = grade_incident(
        [
            claim(0, "src:sohr", perp="russia"),
            claim(1, "party:russia", party="russia", perp="russia", killed=None, stance="denies"),
        ]
    )
    assert g.grade == "contested"
    assert not g.trace[1].fired
    assert g.trace[2].rule == "denied" and g.trace[2].fired
    assert g.trace[2].claims == (ClaimRef("doc-0", 0), ClaimRef("doc-1", 0))


def test_a_credible_denial_is_not_a_second_report():
    g = grade_incident(
        [claim(0, "src:sohr"), claim(1, "src:reuters", killed=None, stance="denies")]
    )
    assert g.grade == "contested"
    assert "0 independent credible" not in g.trace[3].detail
    assert g.trace[3].detail == "1 independent credible source(s)"


def test_a_denial_alone_contests_nothing():
    g = grade_incident([claim(1, "party:russia", party="russia", perp="russia", stance="denies")])
    assert g.grade == "weak"
    assert g.trace[2].detail == "a denial, but no other source alleges it"


def test_a_party_accusing_another_is_not_an_admission():
    g = grade_incident(
        [claim(0, "party:syrian_government", party="syrian_government", perp="us_led_coalition")]
    )
    assert g.grade != "confirmed"


def test_competing_attributions_are_contested():
    g = grade_incident(
        [claim(0, "src:sohr", perp="russia"), claim(1, "src:reuters", perp="us_led_coalition")]
    )
    assert g.grade == "contested" and "competing-attributions" in fired(g)


def test_one_source_naming_two_perpetrators_is_not_a_contest():
    g = grade_incident([claim(0, "src:sohr", perp="russia"), claim(1, "src:sohr", perp="isis")])
    assert g.grade == "weak"


def test_contested_civilian_status():
    g = grade_incident(
        [
            claim(0, "src:sohr", civilians=12),
            claim(1, "party:syrian_government", party="syrian_government", combatants=12),
        ]
    )
    assert g.grade == "contested"
    assert "contested-civilian-status" in fired(g)


def test_later_credible_denial_discounts_it():
    g = grade_incident(
        [
            claim(
                0, "party:syrian_government", party="syrian_government", killed=20, published=DAY
            ),
            claim(1, "src:un", killed=0, killed_max=0, published=DAY + 5),
        ]
    )
    assert g.grade == "discounted"
    assert g.trace[0].claims == (ClaimRef("doc-1", 0),)


def test_an_earlier_denial_does_not_discount():
    g = grade_incident(
        [
            claim(0, "src:un", killed=0, killed_max=0, published=DAY),
            claim(1, "src:sohr", killed=20, published=DAY + 5),
        ]
    )
    assert g.grade != "discounted"


def test_precedence_discounted_confirmed_contested_fair_weak():
    admitted = claim(2, "party:russia", party="russia", perp="russia")
    contest = [claim(0, "src:sohr", perp="russia"), claim(1, "src:afp", perp="syrian_government")]
    assert grade_incident([*contest, admitted]).grade == "confirmed"
    denial = claim(3, "src:un", killed=0, killed_max=0, published=DAY + 9)
    assert grade_incident([*contest, admitted, denial]).grade == "discounted"


def test_analyst_override_keeps_the_rules_verdict():
    g = grade_incident(
        [claim(0, "src:sohr")], GradeOverride("fair", "field visit 2019-03-02", by="analyst:amal")
    )
    assert g.grade == "fair" and g.rules_grade == "weak"
    assert g.to_json()["override"] == {
        "grade": "fair",
        "reason": "field visit 2019-03-02",
        "by": "analyst:amal",
    }


def test_override_needs_a_valid_grade_and_a_reason():
    with pytest.raises(InvalidRecord):
        GradeOverride("certain", "because")
    with pytest.raises(InvalidRecord):
        GradeOverride("fair", "  ")
