"""The claim format (factfinder.model) under any values: JSON and pickles round-trip (the quick
pickling sends millions of claims to worker processes), and every field outside the contract is
refused with a message naming it."""

from __future__ import annotations

import datetime as dt
import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factfinder.errors import InvalidRecord
from factfinder.model import (
    Casualties,
    Claim,
    Claimant,
    ClaimRef,
    DateWindow,
    Document,
    DocumentClaims,
    Incident,
    Perpetrator,
    Place,
    Range,
    parse_date,
)
from strategies import claims, documents, places, ranges, windows


@given(claims)
def test_a_claim_pickles_to_itself(claim: Claim) -> None:
    back = pickle.loads(pickle.dumps(claim, protocol=pickle.HIGHEST_PROTOCOL))
    assert back == claim and type(back) is Claim
    assert back.to_json() == claim.to_json()


@given(documents, st.lists(claims, max_size=2), ranges(), windows(), places())
def test_every_part_pickles_to_itself(doc, cs, rng, window, place) -> None:  # type: ignore[no-untyped-def]
    members = (ClaimRef(doc.id, 0), ClaimRef(doc.id, 1))
    incident = Incident("inc-1", members, window, (place,), Casualties(total=rng), grade="fair")
    for value in (doc, DocumentClaims(doc.id, tuple(cs)), rng, window, place, incident, *members):
        assert pickle.loads(pickle.dumps(value)) == value


@given(st.dates(), st.times())
def test_dates_are_read_from_dates_timestamps_and_text(day: dt.date, time: dt.time) -> None:
    moment = dt.datetime.combine(day, time)
    assert parse_date(day) == parse_date(moment) == parse_date(day.isoformat()) == day
    assert parse_date(moment.isoformat()) == day
    assert parse_date(None) is None and parse_date("") is None


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: Range.from_json("5"), "range must be an object"),
        (lambda: Range.from_json({"min": 1, "text": 3}), "range.text must be a string"),
        (lambda: Range.from_json({"min": -1}), "non-negative integer"),
        (lambda: Range.from_json({"min": True}), "non-negative integer"),
        (lambda: Casualties.from_json([], "killed"), "killed must be an object"),
        (lambda: DateWindow.from_json("2016"), "date must be an object"),
        (lambda: DateWindow(dt.date(2016, 2, 1), dt.date(2016, 1, 1)), "before start"),
        (lambda: DateWindow.from_json({"start": 20160101}), "ISO date string"),
        (lambda: DateWindow.from_json({"precision": "hour"}), "date precision"),
        (lambda: Place.from_json({"lat": 1}), "string name"),
        (lambda: Place("X", lat=1.0), "lat and lon go together"),
        (lambda: Place("X", lat=91.0, lon=0.0), "out of range"),
        (lambda: Place("X", precision="street"), "place precision"),
        (lambda: Perpetrator.from_json("army"), "perpetrator must be an object"),
        (lambda: Claimant.from_json(["x"]), "claimant must be an object"),
        (lambda: Claim.from_json("claim"), "a claim must be an object"),
        (lambda: Claim.from_json({"spans": [[1]]}), "spans must be a list"),
        (lambda: Claim.from_json({"weapons": "rocket"}), "weapons must be a list"),
        (lambda: Claim.from_json({"places": {"name": "Homs"}}), "places must be a list"),
        (lambda: Claim.from_json({"confidence": "high"}), "confidence must be a number"),
        (lambda: Claim.from_json({"confidence": True}), "confidence must be a number"),
        (lambda: Claim(confidence=1.5), "outside"),
        (lambda: Claim(spans=((5, 5),)), "non-empty interval"),
        (lambda: Claim(spans=((0, 9),)).check_spans("short"), "beyond text length"),
        (lambda: Document.from_json([]), "must be a JSON object"),
        (lambda: DocumentClaims.from_json({"claims": []}), "string 'id'"),
        (lambda: DocumentClaims.from_json({"id": "d", "claims": {}}), "'claims' must be a list"),
        (lambda: ClaimRef.from_json({"claim": 1}), "string 'id'"),
        (lambda: Incident("i", (), grade="certain"), "grade"),
    ],
)
def test_a_value_outside_the_contract_is_refused(build, message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidRecord, match=message):
        build()


def test_casualties_only_have_the_count_keys() -> None:
    c = Casualties(civilians=Range.exact(3))
    assert c.get("civilians") == Range(3, 3, "3") and not c.is_empty()
    assert Casualties().is_empty()
    with pytest.raises(KeyError):
        c.get("horses")


def test_a_claim_ref_defaults_to_the_first_claim() -> None:
    assert ClaimRef.from_json({"id": "doc"}) == ClaimRef("doc", 0)
    assert ClaimRef.from_json(ClaimRef("doc", 4).to_json()) == ClaimRef("doc", 4)
