"""Incident pages and `/api/v1/incidents` over the incidents service (the seed claims linked,
as the command line would): filters, detail, merge, split, confirm, grade, map points,
timeline and restricted incidents."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from web_helpers import Browser

from factfinder.subjects import claim_subject, incident_subject

if TYPE_CHECKING:
    from fastapi import FastAPI

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")


@pytest.fixture
def linked(app: FastAPI) -> list[str]:
    """The ids of the incidents of one link run over the seed claims, in id order."""
    from factfinder.services.incidents.commands import link_project
    from factfinder.services.incidents.queries import list_incidents

    link_project(app.state.project, actor="test:setup")
    rows, _, _ = list_incidents(app.state.project, limit=100)
    return [r.id for r in rows]


def test_link_list_and_filter(signed_in: dict[str, Browser]) -> None:
    investigator, viewer = signed_in["investigator"], signed_in["viewer"]
    r = investigator.form("/runs/link")
    assert r.status_code == 200 and "5 claims → 5 incidents" in r.text
    listed = viewer.client.get("/api/v1/incidents").json()
    assert listed["count"] == 5 and listed["next"] is None
    first = viewer.client.get("/api/v1/incidents", params={"limit": 2}).json()
    assert len(first["data"]) == 2 and first["next"] == first["data"][-1]["id"]
    second = viewer.client.get(
        "/api/v1/incidents", params={"limit": 2, "after": first["next"]}
    ).json()
    assert {i["id"] for i in second["data"]}.isdisjoint({i["id"] for i in first["data"]})
    graves = viewer.client.get("/api/v1/incidents", params={"event_type": "mass_grave"}).json()
    assert graves["count"] == 3
    assert all(i["event_type"] == "mass_grave" for i in graves["data"])
    assert (
        viewer.client.get("/api/v1/incidents", params={"date_from": "20180101"}).status_code == 422
    )
    page = viewer.client.get("/incidents", params={"event_type": "airstrike"}).text
    assert page.count('href="/incidents/inc-') == 2
    assert 'name="ids"' not in page  # a viewer cannot merge


def test_merge_split_confirm_and_grade(linked: list[str], signed_in: dict[str, Browser]) -> None:
    investigator = signed_in["investigator"]
    ids = linked[:2]
    r = investigator.client.post(
        "/incidents/merge",
        data={"csrf_token": investigator.csrf, "ids": ids, "reason": "same mass grave"},
    )
    assert r.status_code == 303 and r.headers["location"] == f"/incidents/{ids[0]}"
    detail = investigator.client.get(f"/api/v1/incidents/{ids[0]}").json()
    assert detail["incident"]["members"] == 2
    assert [m["claim"]["id"] for m in detail["members"]] == [
        m["claim_id"] for m in detail["members"]
    ]
    assert detail["decisions"][0]["kind"] == "merge"
    assert detail["decisions"][0]["actor"] == "user:investigator"
    page = investigator.client.get(f"/incidents/{ids[0]}").text
    assert "same mass grave" in page  # the decision's reason
    assert "the only source&#39;s figure" in page  # how a figure was reconciled
    assert "the perpetrator&#39;s side does not acknowledge it" in page  # the grade trace
    claim = detail["members"][1]["claim_id"]
    r = investigator.client.post(
        f"/incidents/{ids[0]}/split",
        data={"csrf_token": investigator.csrf, "claim_ids": [str(claim)], "reason": "another site"},
    )
    assert r.status_code == 303
    assert (
        investigator.form(f"/incidents/{ids[0]}/confirm", {"reason": "read both"}).status_code
        == 303
    )
    r = investigator.form(f"/incidents/{ids[0]}/grade", {"grade": "contested", "reason": " "})
    assert r.status_code == 400 and "needs a reason" in r.text
    r = investigator.client.post(
        f"/api/v1/incidents/{ids[0]}/grade",
        json={"grade": "contested", "reason": "denied by the coalition"},
        headers={"X-CSRF-Token": investigator.csrf},
    )
    assert r.status_code == 200
    row = investigator.client.get(f"/api/v1/incidents/{ids[0]}").json()["incident"]
    assert (row["grade"], row["confirmed"], row["members"]) == ("contested", True, 1)
    # every decision states its reason: the API's schema says so as the service does
    no_reason = investigator.client.post(
        f"/api/v1/incidents/{ids[0]}/confirm", json={}, headers={"X-CSRF-Token": investigator.csrf}
    )
    assert no_reason.status_code == 422
    assert no_reason.json()["detail"][0]["loc"] == ["body", "reason"]
    analyst = signed_in["analyst"]
    assert (
        analyst.client.post(
            "/api/v1/incidents/merge",
            json={"ids": ids, "reason": "x"},
            headers={"X-CSRF-Token": analyst.csrf},
        ).status_code
        == 403
    )


def test_map_points_and_timeline(
    linked: list[str], signed_in: dict[str, Browser], monkeypatch: pytest.MonkeyPatch
) -> None:
    from factfinder.services.incidents import queries

    viewer = signed_in["viewer"]
    geo = viewer.client.get("/api/v1/incidents/geojson").json()
    assert geo["type"] == "FeatureCollection" and geo["features"]
    lon, lat = geo["features"][0]["geometry"]["coordinates"]
    assert 35 < lon < 43 and 32 < lat < 38  # Syria
    assert (
        viewer.client.get("/map?event_type=airstrike").text.count(
            'data-query="?event_type=airstrike"'
        )
        == 1
    )
    timeline = viewer.client.get("/api/v1/incidents/timeline").json()
    dated = [i for i in viewer.client.get("/api/v1/incidents").json()["data"] if i["date_start"]]
    assert sum(p["count"] for p in timeline) == len(dated)
    monkeypatch.setattr(
        queries, "incident_timeline", lambda project, filters: [("2018-10", 1), ("2018-11", 4)]
    )
    assert viewer.client.get("/api/v1/incidents/timeline").json() == [
        {"month": "2018-10", "count": 1},
        {"month": "2018-11", "count": 4},
    ]
    # The timeline page draws its chart from the counts by period, with the page's filters.
    page = viewer.client.get("/timeline", params={"grade": "weak"}).text
    assert 'data-periods="/api/v1/incidents/periods"' in page
    assert 'data-query="?grade=weak"' in page


def test_restricted_incidents_and_members_stay_hidden(
    app: FastAPI, linked: list[str], signed_in: dict[str, Browser]
) -> None:
    from factfinder.services.access.commands import restrict
    from factfinder.services.incidents.commands import merge
    from factfinder.services.incidents.queries import get_incident

    ids = linked
    merge(app.state.project, ids[:2], reason="test", actor="test:setup")
    restrict(app.state.project, incident_subject(ids[2]), reason="witness", actor="test:setup")
    member = get_incident(app.state.project, ids[0]).members[1].claim_id
    restrict(app.state.project, claim_subject(member), reason="victim names", actor="test:setup")
    viewer, analyst = signed_in["viewer"], signed_in["analyst"]
    assert ids[2] not in {i["id"] for i in viewer.client.get("/api/v1/incidents").json()["data"]}
    assert viewer.client.get(f"/api/v1/incidents/{ids[2]}").status_code == 404
    assert viewer.client.get(f"/incidents/{ids[2]}").status_code == 404
    assert ids[2] not in viewer.client.get("/api/v1/incidents/geojson").text
    detail = viewer.client.get(f"/api/v1/incidents/{ids[0]}").json()
    # A hidden claim contributes nothing: not even its place in the list of members.
    assert [m["claim"] is None for m in detail["members"]] == [False]
    assert "1 member claim(s) are restricted" in viewer.client.get(f"/incidents/{ids[0]}").text
    assert analyst.client.get(f"/api/v1/incidents/{ids[2]}").status_code == 200
    # Source chains (claimant names, statements) and link features stay with the roles that
    # may see restricted data; the figures and the grade trace are for everyone.
    assert "sources" not in detail["explanation"]
    assert {"reconciliation", "grading"} <= set(detail["explanation"])
    assert all(m["features"] == {} for m in detail["members"])
    full = analyst.client.get(f"/api/v1/incidents/{ids[0]}").json()
    assert [m["claim"] is None for m in full["members"]] == [False, False]
    assert full["explanation"]["sources"][0]["claimant"] == (
        "Syrian Ministry of Foreign Affairs and Expatriates"
    )
