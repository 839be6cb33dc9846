from __future__ import annotations

import datetime as dt
import json

import pytest

from factfinder.errors import InputError, InvalidRecord
from factfinder.jsonl import read_jsonl, write_jsonl
from factfinder.model import Claim, Document, DocumentClaims, Range

CLAIM = {
    "primary": True,
    "event_type": "explosion",
    "date": {"start": "2016-07-05", "end": "2016-07-05", "precision": "day"},
    "places": [
        {
            "name": "Al Hasakah",
            "geonameid": 173813,
            "lat": 36.502,
            "lon": 40.747,
            "admin1": "Al Hasakah",
            "country": "SY",
            "precision": "town",
        }
    ],
    "perpetrator": {"name": None, "group": "unknown"},
    "killed": {
        "total": {"min": 16, "max": None, "text": "at least 16"},
        "civilians": None,
        "children": None,
        "women": None,
        "men": None,
        "combatants": None,
    },
    "injured": {"total": {"min": 3, "max": None, "text": "several"}},
    "weapons": ["suicide bomb"],
    "claimant": {"name": "Syrian Observatory for Human Rights", "type": "monitor"},
    "spans": [[16, 67], [68, 230]],
    "confidence": 0.83,
}


def test_claim_round_trip_keeps_every_value() -> None:
    claim = Claim.from_json(CLAIM)
    assert claim.killed.total == Range(16, None, "at least 16")
    assert claim.injured.total == Range(3, None, "several")
    assert claim.places[0].admin1 == "Al Hasakah"
    assert claim.date is not None and claim.date.start == dt.date(2016, 7, 5)
    out = claim.to_json()
    assert out["killed"]["total"] == {"min": 16, "max": None, "text": "at least 16"}
    assert out["injured"]["civilians"] is None
    assert out["spans"] == [[16, 67], [68, 230]]
    assert Claim.from_json(json.loads(json.dumps(out))) == claim


def test_stance_absent_means_alleges_and_is_always_written() -> None:
    claim = Claim.from_json(CLAIM)
    assert claim.stance == "alleges"
    assert claim.to_json()["stance"] == "alleges"
    denial = Claim.from_json({**CLAIM, "stance": "denies"})
    assert denial.stance == "denies"
    assert Claim.from_json(denial.to_json()) == denial


@pytest.mark.parametrize(
    ("patch", "message"),
    [
        ({"event_type": "bombing"}, "event type"),
        ({"perpetrator": {"group": "rebels"}}, "perpetrator group"),
        ({"killed": {"total": {"min": 5, "max": 3}}}, "min 5 > max 3"),
        ({"killed": {"total": {"min": 16.0}}}, "non-negative integer"),
        ({"claimant": {"type": "government"}}, "claimant type"),
        ({"date": {"start": "05/07/2016"}}, "ISO date"),
        ({"stance": "confirms"}, "stance"),
    ],
)
def test_claim_rejects_values_outside_the_contract(patch: dict, message: str) -> None:
    with pytest.raises(InvalidRecord, match=message):
        Claim.from_json({**CLAIM, **patch})


def test_document_needs_id_and_text() -> None:
    doc = Document.from_json({"id": "d1", "text": "x", "published": "2018-11-03T10:00:00Z"})
    assert doc.published == dt.date(2018, 11, 3)
    with pytest.raises(InvalidRecord, match="string 'text'"):
        Document.from_json({"id": "d1"})


def test_document_claims_primary() -> None:
    line = DocumentClaims.from_json({"id": "d", "claims": [{**CLAIM, "primary": False}, CLAIM]})
    assert line.primary is line.claims[1]


def test_read_jsonl_names_the_bad_line(tmp_path) -> None:
    path = tmp_path / "docs.jsonl"
    path.write_bytes(b'{"id": "a", "text": "x"}\n\n{not json}\n"str"\n\xff\xfe\n{"id": "b"}\n')
    errors: list[InputError] = []
    got = list(read_jsonl(path, on_error=errors.append))
    assert [n for n, _ in got] == [1, 6]
    assert [e.input for e in errors] == [f"{path}:3", f"{path}:4", f"{path}:5"]
    assert "invalid UTF-8" in errors[2].problem
    with pytest.raises(InputError, match=":3"):
        list(read_jsonl(path))


def test_write_jsonl_is_atomic(tmp_path) -> None:
    target = tmp_path / "out.jsonl"
    target.write_text("old\n")

    def records():
        yield {"id": "a"}
        raise RuntimeError("killed mid-way")

    with pytest.raises(RuntimeError):
        write_jsonl(target, records())
    assert target.read_text() == "old\n"
    assert list(tmp_path.iterdir()) == [target]
    assert write_jsonl(target, [{"id": "é"}]) == 1
    assert target.read_text(encoding="utf-8") == '{"id": "é"}\n'
