"""The claim page corrects every field a reviewer reads: the date, the places (chosen from the
shipped gazetteer through its search box), the perpetrator, the event type, the claimant and
the stance — each a `claim.correct` ledger entry with its reason, which `verify` checks
against the review row."""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

import pytest
from web_helpers import Browser

from factfinder.geo.gazetteer import Gazetteer

if TYPE_CHECKING:
    from fastapi import FastAPI

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")


def _page_fields(page: str) -> dict[str, object]:
    """The correction form as a browser submits it unchanged."""
    form = page[page.index('id="decide"') :]
    form = form[: form.index("</form>")]
    fields: dict[str, object] = dict(re.findall(r'name="([a-z_.]+)" value="([^"]*)"', form))
    fields.update(re.findall(r'<select name="([a-z_.]+)">.*?<option selected>([a-z_]+)<', form))
    fields["places"] = re.findall(r'name="places" value="([^"]*)" checked', form)
    fields.pop("csrf_token", None)
    return fields


def _corrections(app: FastAPI) -> list[dict[str, object]]:
    from sqlalchemy import select

    from factfinder.store.schema import ledger

    with app.state.project.read() as conn:
        rows = conn.execute(
            select(ledger.c.entry).where(ledger.c.kind == "claim.correct").order_by(ledger.c.seq)
        )
        return [json.loads(r.entry) for r in rows]


def test_the_place_search_answers_from_the_gazetteer(signed_in: dict[str, Browser]) -> None:
    viewer = signed_in["viewer"]
    found = viewer.client.get("/api/v1/places", params={"q": "Haji", "limit": 5}).json()
    hajin = Gazetteer.get().search("Hajin", 1)[0]
    assert hajin.name == "Hajin" and hajin.admin1 == "Deir ez-Zor"
    assert found["count"] == len(found["data"]) >= 1
    first = next(p for p in found["data"] if p["name"] == "Hajin")
    assert first["key"] == f"gaz:{hajin.id}" and first["country"] == "SY"
    assert first["admin1"] == "Deir ez-Zor" and first["lat"] == hajin.lat
    # Exact names come first; Arabic spellings find the same place.
    exact = viewer.client.get("/api/v1/places", params={"q": "Mosul"}).json()["data"]
    assert exact[0]["name"] == "Mosul" and exact[0]["country"] == "IQ"
    arabic = viewer.client.get("/api/v1/places", params={"q": "هجين"}).json()["data"]
    assert arabic[0]["key"] == f"gaz:{hajin.id}"
    assert viewer.client.get("/api/v1/places", params={"q": "x"}).json()["count"] == 0
    fragment = viewer.client.get("/places/search", params={"place_q": "Hajin"}).text
    assert f'name="places" value="gaz:{hajin.id}"' in fragment and "Deir ez-Zor" in fragment
    none = viewer.client.get("/places/search", params={"place_q": "Zzqqxx"}).text
    assert "No place of that name" in none


def test_every_field_is_corrected_with_its_reason(
    app: FastAPI, signed_in: dict[str, Browser]
) -> None:
    from factfinder.services.verification import verify_project

    analyst = signed_in["analyst"]
    claim = analyst.client.get("/api/v1/claims").json()["data"][0]
    cid = claim["id"]
    page = analyst.client.get(f"/claims/{cid}").text
    for name in (
        "date.start",
        "date.end",
        "date.precision",
        "claimant.name",
        "claimant.type",
        "perpetrator.group",
        "event_type",
        "stance",
        "places.form",
    ):
        assert f'name="{name}"' in page, name
    assert 'id="place-search"' in page and 'hx-get="/places/search"' in page

    # Submitting the form unchanged corrects nothing: the claim is accepted as it is.
    unchanged = {**_page_fields(page), "decision": "correct", "back": f"/claims/{cid}"}
    r = analyst.form(f"/review/{cid}", unchanged)  # type: ignore[arg-type]
    assert r.status_code == 303
    assert analyst.client.get(f"/api/v1/claims/{cid}").json()["status"] == "accepted"
    assert _corrections(app) == []

    raqqa = Gazetteer.get().search("Raqqa", 1)[0]
    fields = {
        **_page_fields(page),
        "decision": "correct",
        "back": f"/claims/{cid}",
        "date.start": "2018-11-02",
        "date.end": "2018-11-02",
        "date.precision": "day",
        "places": [f"gaz:{raqqa.id}"],
        "perpetrator.group": "russia",
        "event_type": "shelling",
        "claimant.name": "Syrian Network for Human Rights",
        "claimant.type": "ngo",
        "stance": "denies",
        "reason": "the second letter gives the day and the town",
    }
    r = analyst.form(f"/review/{cid}", fields)  # type: ignore[arg-type]
    assert r.status_code == 303, r.text
    got = analyst.client.get(f"/api/v1/claims/{cid}").json()
    assert got["status"] == "corrected"
    c = got["claim"]
    assert c["date"] == {"start": "2018-11-02", "end": "2018-11-02", "precision": "day"}
    assert [(p["name"], p["admin1"], p["country"]) for p in c["places"]] == [
        ("Raqqa", "Raqqa", "SY")
    ]
    assert c["places"][0]["lat"] == raqqa.lat and c["places"][0]["lon"] == raqqa.lon
    assert c["perpetrator"]["group"] == "russia" and c["event_type"] == "shelling"
    assert c["claimant"] == {
        **c["claimant"],
        "name": "Syrian Network for Human Rights",
        "type": "ngo",
    }
    assert c["stance"] == "denies"
    entry = _corrections(app)[-1]
    assert entry["actor"] == "user:analyst" and entry["subject"] == f"claim:{cid}"
    assert entry["payload"]["reason"] == "the second letter gives the day and the town"
    assert set(entry["payload"]["corrections"]) == {
        "date",
        "places",
        "perpetrator.group",
        "event_type",
        "claimant.name",
        "claimant.type",
        "stance",
    }
    assert entry["payload"]["corrections"]["places"] == [raqqa.to_place().to_json()]
    page = analyst.client.get(f"/claims/{cid}").text
    assert "Raqqa" in page and 'value="2018-11-02"' in page

    # Keeping the corrected place and adding another: only the places change.
    hajin = Gazetteer.get().search("Hajin", 1)[0]
    again = {
        **_page_fields(page),
        "decision": "correct",
        "back": f"/claims/{cid}",
        "places": ["keep:0", f"gaz:{hajin.id}"],
        "reason": "both towns",
    }
    assert analyst.form(f"/review/{cid}", again).status_code == 303  # type: ignore[arg-type]
    entry = _corrections(app)[-1]
    assert set(entry["payload"]["corrections"]) == {"places"}
    names = [
        p["name"] for p in analyst.client.get(f"/api/v1/claims/{cid}").json()["claim"]["places"]
    ]
    assert names == ["Raqqa", "Hajin"]

    assert verify_project(app.state.project, blobs=False).ok

    # A review row changed behind factfinder's back fails verify.
    from sqlalchemy import update

    from factfinder.store.schema_users import claim_reviews

    with app.state.project.engine.begin() as conn:
        conn.execute(
            update(claim_reviews)
            .where(claim_reviews.c.seq == entry["seq"])
            .values(corrections=json.dumps({"places": []}))
        )
    report = verify_project(app.state.project, blobs=False)
    assert any(p.code == "review.altered" for p in report.problems)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("date.start", "2018-13-40", "date"),
        ("date.precision", "fortnight", "date precision"),
        ("places", "gaz:999999999", "no place"),
        ("places", "Raqqa", "neither keep"),
        ("event_type", "picnic", "event_type"),
    ],
)
def test_a_bad_correction_is_refused_and_nothing_is_recorded(
    app: FastAPI, signed_in: dict[str, Browser], field: str, value: str, message: str
) -> None:
    analyst = signed_in["analyst"]
    cid = analyst.client.get("/api/v1/claims").json()["data"][0]["id"]
    page = analyst.client.get(f"/claims/{cid}").text
    fields = {**_page_fields(page), "decision": "correct", field: value}
    r = analyst.form(f"/review/{cid}", fields)  # type: ignore[arg-type]
    assert r.status_code == 400 and message in r.text
    assert _corrections(app) == []


def test_a_viewer_may_not_correct(app: FastAPI, signed_in: dict[str, Browser]) -> None:
    viewer = signed_in["viewer"]
    cid = viewer.client.get("/api/v1/claims").json()["data"][0]["id"]
    page = viewer.client.get(f"/claims/{cid}").text
    assert 'id="decide"' not in page and 'id="place-search"' not in page
    r = viewer.form(f"/review/{cid}", {"decision": "correct", "date.start": "2018-11-02"})
    assert r.status_code == 403
    r = viewer.client.post(
        f"/api/v1/claims/{cid}/review",
        json={"decision": "correct", "corrections": {"places": []}},
        headers={"X-CSRF-Token": viewer.csrf},
    )
    assert r.status_code == 403
    assert _corrections(app) == []
