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


def test_an_answer_joins_the_incident_of_its_document_whatever_its_words(tmp_path) -> None:
    import json

    from factfinder.assess.batch import link_files

    text = (
        "Local sources said an Israeli strike on a house in the village of Taybeh killed a "
        "shepherd and his son on Monday. Israel's army later said its aircraft had hit a "
        "weapons depot."
    )
    cut = text.index("Israel's")
    place = {
        "name": "Taybeh",
        "lat": 33.26,
        "lon": 35.53,
        "admin1": "Nabatieh",
        "country": "LB",
        "precision": "town",
    }
    base = {
        "event_type": "airstrike",
        "date": {"start": "2024-03-04", "end": "2024-03-04", "precision": "day"},
        "places": [place],
    }
    claims = [
        {
            **base,
            "perpetrator": {"name": "Israeli strike", "group": "israel"},
            "killed": {"civilians": {"min": 2, "max": 2}},
            "claimant": {"name": "Local sources", "type": "witness"},
            "spans": [[0, cut - 1]],
            "primary": True,
        },
        {
            **base,
            "perpetrator": {"name": "its aircraft", "group": "israel"},
            "claimant": {"name": "Israel's army", "type": "party_to_conflict"},
            "stance": "admits",
            "spans": [[0, cut - 1], [cut, len(text)]],
            "primary": False,
        },
    ]
    docs, claims_path, out = tmp_path / "d.jsonl", tmp_path / "c.jsonl", tmp_path / "i.jsonl"
    docs.write_text(json.dumps({"id": "d", "text": text}) + "\n", encoding="utf-8")
    claims_path.write_text(json.dumps({"id": "d", "claims": claims}) + "\n", encoding="utf-8")
    link_files(claims_path, docs, out)
    incidents = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [[m["claim"] for m in i["members"]] for i in incidents] == [[0, 1]]
    # an answer with other facts than the document's incident is no sure answer: the edge is
    # left to the scores
    from factfinder.link.accounts import answer_edges
    from factfinder.link.batch import read_records
    from factfinder.link.cluster import EdgeCodec

    records = read_records(claims_path, docs).records
    codec = EdgeCodec.for_records(len(records))
    assert [codec.unpack(e)[1:] for e in answer_edges(records, codec)] == [(0, 1)]
    claims[1]["date"] = {"start": "2024-03-01", "end": "2024-03-01", "precision": "day"}
    claims_path.write_text(json.dumps({"id": "d", "claims": claims}) + "\n", encoding="utf-8")
    records = read_records(claims_path, docs).records
    assert answer_edges(records, codec) == []
