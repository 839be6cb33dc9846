"""A claim's stance reaches the linker's record, so grading can tell a denial from a report."""

from __future__ import annotations

from factfinder.link.records import build_partial
from factfinder.model import Claim, Claimant, ClaimRef, Perpetrator


def test_the_stance_of_a_claim_is_on_its_link_record() -> None:
    denial = Claim(
        event_type="airstrike",
        perpetrator=Perpetrator("Russian defence ministry", "russia"),
        claimant=Claimant("Russian defence ministry", "party_to_conflict"),
        stance="denies",
        spans=((0, 10),),
    )
    record, _ = build_partial(0, ClaimRef("d", 1), 0, denial)
    assert record.stance == "denies"
    plain, _ = build_partial(1, ClaimRef("d", 0), 0, Claim(spans=((0, 10),)))
    assert plain.stance == "alleges"
