"""The seed documents' full claim output against readable golden JSON.

Regenerate after an intended change (then review the diff):

    FACTFINDER_REGEN_GOLDEN=1 .venv/bin/pytest tests/extract/test_extract_golden.py
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("factfinder.extract.dates")
pytest.importorskip("factfinder.extract.casualties")
geo = pytest.importorskip("factfinder.geo")
if not hasattr(geo, "find_places"):
    pytest.skip("factfinder.geo.find_places has not landed", allow_module_level=True)

from factfinder.extract.pipeline import extract_document  # noqa: E402
from factfinder.model import Document  # noqa: E402

GOLDEN = Path(__file__).parent / "golden" / "seeds.claims.json"


def _claims(doc: dict[str, Any]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = extract_document(Document.from_json(doc)).to_json()["claims"]
    return out


def test_seed_output_matches_golden(seed_000: dict[str, Any], seed_004: dict[str, Any]) -> None:
    got = {"seed-000": _claims(seed_000), "seed-004": _claims(seed_004)}
    if os.environ.get("FACTFINDER_REGEN_GOLDEN"):
        GOLDEN.write_text(json.dumps(got, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    assert got == json.loads(GOLDEN.read_text(encoding="utf-8"))


def _summary(c: dict[str, Any]) -> tuple[Any, ...]:
    killed = {k: v["min"] for k, v in c["killed"].items() if v}
    return (
        c["event_type"],
        c["perpetrator"]["group"],
        c["claimant"]["type"],
        (c["date"] or {}).get("start"),
        tuple(sorted(killed.items())),
        tuple(c["weapons"]),
    )


def test_seed_000_reads_three_mass_graves_and_a_phosphorus_attack(seed_000: dict[str, Any]) -> None:
    claims = _claims(seed_000)
    summaries = [_summary(c) for c in claims]
    graves = [s for s in summaries if s[0] == "mass_grave"]
    assert [dict(s[4]).get("total") for s in graves] == [4001, 2500, 1501]
    assert graves[2][4] == (("civilians", 1501), ("total", 1501))
    assert graves[2][3] == "2018-11-02"  # "uncovered yesterday", published 2018-11-03
    assert graves[0][3] is None  # "recently discovered": no day
    assert all(s[1:3] == ("us_led_coalition", "party_to_conflict") for s in graves)
    phosphorus = [s for s in summaries if s[5]]
    assert phosphorus == [
        ("airstrike", "us_led_coalition", "party_to_conflict", None, (), ("white phosphorus",))
    ]
    assert sum(c["primary"] for c in claims) == 1
    for c in claims:  # every claim points at the sentences it came from
        assert c["spans"] and all(0 <= a < b <= len(seed_000["text"]) for a, b in c["spans"])
    # background ("has been conducting airstrikes since September 2014") makes no claim
    last_para = seed_000["text"].index("The U.S.-led coalition has been conducting")
    assert all(a < last_para for c in claims for a, _ in c["spans"])


def test_seed_004_reads_the_hajin_airstrike(seed_004: dict[str, Any]) -> None:
    [claim] = _claims(seed_004)
    assert claim["primary"] is True
    assert _summary(claim) == (
        "airstrike",
        "us_led_coalition",
        "party_to_conflict",
        "2018-11-02",
        (("children", 14), ("civilians", 26), ("total", 26)),
        (),
    )
    assert claim["places"][0]["name"] == "Hajin"
    assert claim["claimant"]["name"] == "Syrian Ministry of Foreign Affairs and Expatriates"
