"""The map, timeline and dashboard aggregates (`/api/v1/incidents/map`, `/periods`, `/grades`)
over a run of incidents whose values are known: what each role may see is counted, nothing
else; an incident restricted as a whole is neither drawn nor counted for a viewer."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest
from incident_rows import incident, write_run
from web_helpers import Browser

from factfinder.subjects import claim_subject, incident_subject

if TYPE_CHECKING:
    from fastapi import FastAPI

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")

RESTRICTED = "inc-000007"


def rows() -> list[dict[str, Any]]:
    return [
        incident(1, date="2018-03-05", place="Raqqa", perpetrator="us_led_coalition",
                 civilians=10, grade="fair"),
        incident(2, date="2018-03-07", place="Raqqa", perpetrator="russia", civilians=4,
                 grade="weak"),
        incident(3, date="2018-04-20", place="Idlib", perpetrator="syrian_government",
                 civilians=7, grade="confirmed"),
        incident(4, date="2018-04-21", place="Idlib", perpetrator="russia", civilians=None,
                 grade="contested", precision="governorate"),
        incident(5, date=None, place="Hajin", perpetrator="isis", civilians=3, grade="weak"),
        incident(6, date="2019-01-10", place=None, perpetrator="syrian_government",
                 civilians=2, grade="fair"),
        incident(7, date="2018-03-06", place="Raqqa", perpetrator="russia", civilians=100,
                 grade="confirmed"),
    ]  # fmt: skip


@pytest.fixture
def known(app: FastAPI) -> None:
    from factfinder.services.access.commands import restrict

    write_run(app.state.project, rows())
    restrict(app.state.project, incident_subject(RESTRICTED), reason="witness", actor="test:setup")


WHOLE = {"south": 30, "west": 34, "north": 38, "east": 46, "zoom": 6}


def test_map_points_in_view_as_each_role_may_see_them(
    known: None, signed_in: dict[str, Browser]
) -> None:
    viewer, analyst = signed_in["viewer"], signed_in["analyst"]
    seen = viewer.client.get("/api/v1/incidents/map", params=WHOLE).json()
    assert seen["cells"] == [] and seen["total"] == 5
    assert [p["id"] for p in seen["points"]] == [f"inc-00000{i}" for i in (1, 2, 3, 4, 5)]
    assert seen["unlocated"] == 1  # inc-000006 has no coordinates
    first = seen["points"][0]
    assert first["place"] == "Raqqa" and first["precision"] == "town"
    assert first["perpetrator"] == "us_led_coalition" and first["grade"] == "fair"
    assert first["civilians_killed"] == 10
    assert first["civilians_text"] == "10 (reported)"  # the reports' words for a figure
    # The points' perpetrators and event types named for readers, as the report names them.
    assert seen["labels"] == {
        "us_led_coalition": "US-led coalition",
        "russia": "Russian forces",
        "syrian_government": "Syrian government forces",
        "isis": "ISIS",
        "airstrike": "airstrike",
    }
    area = seen["points"][3]
    assert area["precision"] == "governorate" and area["civilians_text"] == "no figure"
    assert {g["name"]: g["count"] for g in seen["governorates"]} == {
        "Deir ez-Zor": 1,
        "Idlib": 2,
        "Raqqa": 2,
    }
    raqqa = next(g for g in seen["governorates"] if g["name"] == "Raqqa")
    assert 35 < raqqa["lat"] < 37 and 38 < raqqa["lon"] < 40  # the shipped label point
    # The governorate-wide incident is named after its governorate.
    assert {p["name"]: p["count"] for p in seen["places"]} == {"Raqqa": 2, "Idlib": 2, "Hajin": 1}
    assert RESTRICTED not in str(seen)
    full = analyst.client.get("/api/v1/incidents/map", params=WHOLE).json()
    assert full["total"] == 6 and RESTRICTED in [p["id"] for p in full["points"]]
    # The box: only what lies in it; the filters of the list apply.
    west = viewer.client.get("/api/v1/incidents/map", params={**WHOLE, "east": 38}).json()
    assert [p["id"] for p in west["points"]] == ["inc-000003", "inc-000004"]
    russia = viewer.client.get(
        "/api/v1/incidents/map", params={**WHOLE, "perpetrator": "russia"}
    ).json()
    assert [p["id"] for p in russia["points"]] == ["inc-000002", "inc-000004"]


@pytest.mark.parametrize("points_max", [400, 2])
def test_a_kept_map_answer_gives_way_to_any_change(
    app: FastAPI,
    known: None,
    signed_in: dict[str, Browser],
    monkeypatch: pytest.MonkeyPatch,
    points_max: int,
) -> None:
    """The map's answers are kept by the ledger head: asked again, a view is answered as
    before; a restriction mark, its removal and a decision (each a ledger entry) change what
    the next same request counts. Points (few in view) and cells (many) alike, close in."""
    from factfinder.services.access.commands import restrict, unrestrict
    from factfinder.services.incidents import aggregates
    from factfinder.services.incidents.commands import grade

    monkeypatch.setattr(aggregates, "POINTS_MAX", points_max)
    viewer, project = signed_in["viewer"], app.state.project
    close = {**WHOLE, "zoom": 11}

    def seen() -> tuple[int, dict[str, int]]:
        found = viewer.client.get("/api/v1/incidents/map", params=close).json()
        grades: dict[str, int] = {}
        for p in found["points"]:
            grades[p["grade"]] = grades.get(p["grade"], 0) + 1
        for cell in found["cells"]:
            for g, n in cell["grades"].items():
                grades[g] = grades.get(g, 0) + n
        assert bool(found["cells"]) == (points_max == 2 and found["total"] > 2)
        return found["total"], grades

    before = seen()
    assert before == (5, {"fair": 1, "weak": 2, "confirmed": 1, "contested": 1})
    assert seen() == before
    restrict(project, incident_subject("inc-000001"), reason="witness", actor="test:setup")
    assert seen() == (4, {"weak": 2, "confirmed": 1, "contested": 1})
    unrestrict(project, incident_subject("inc-000001"), reason="cleared", actor="test:setup")
    assert seen() == before
    # A decision links the project's claims again: the map shows that run (the seeded claims'
    # one located incident), not the rows written for this test.
    grade(project, "inc-000002", "confirmed", reason="a second source", actor="user:analyst")
    assert seen() == (1, {"weak": 1})


def test_map_cells_when_many_are_in_view(
    known: None, signed_in: dict[str, Browser], monkeypatch: pytest.MonkeyPatch
) -> None:
    from factfinder.services.incidents import aggregates

    monkeypatch.setattr(aggregates, "POINTS_MAX", 2)
    viewer, analyst = signed_in["viewer"], signed_in["analyst"]
    seen = viewer.client.get("/api/v1/incidents/map", params=WHOLE).json()
    assert seen["points"] == [] and seen["total"] == 5
    cells = {(round(c["lat"], 2), round(c["lon"], 2)): c for c in seen["cells"]}
    # At zoom 6 a cell is 1.40625 degrees: Raqqa, Idlib and Hajin fall in three cells.
    assert sorted(c["count"] for c in cells.values()) == [1, 2, 2]
    raqqa = cells[(35.95, 39.01)]
    assert raqqa["count"] == 2 and raqqa["civilians_killed"] == 14
    assert raqqa["grades"] == {"fair": 1, "weak": 1}
    assert cells[(35.93, 36.63)]["grades"] == {"confirmed": 1, "contested": 1}
    full = analyst.client.get("/api/v1/incidents/map", params=WHOLE).json()
    counted = {(round(c["lat"], 2), round(c["lon"], 2)): c for c in full["cells"]}
    assert counted[(35.95, 39.01)]["count"] == 3
    assert counted[(35.95, 39.01)]["civilians_killed"] == 114
    # Zoomed out far enough, everything is one cell.
    one = viewer.client.get("/api/v1/incidents/map", params={**WHOLE, "zoom": 2}).json()
    assert [c["count"] for c in one["cells"]] == [5]
    assert one["cells"][0]["bounds"] == [34.6951, 36.6339, 35.9528, 40.8314]


def test_periods_by_perpetrator_and_grade(known: None, signed_in: dict[str, Browser]) -> None:
    viewer, analyst = signed_in["viewer"], signed_in["analyst"]
    months = viewer.client.get("/api/v1/incidents/periods").json()
    assert months["period"] == "month" and months["undated"] == 1 and months["total"] == 6
    assert [(b["start"], b["end"], b["counts"]) for b in months["buckets"]] == [
        ("2018-03-01", "2018-03-31", {"russia": 1, "us_led_coalition": 1}),
        ("2018-04-01", "2018-04-30", {"russia": 1, "syrian_government": 1}),
        ("2019-01-01", "2019-01-31", {"syrian_government": 1}),
    ]
    assert months["series"] == ["russia", "syrian_government", "us_led_coalition"]
    # Each party's colour comes with the counts, the one the case report draws it in.
    assert months["colours"] == {
        "russia": "#0072b2",
        "syrian_government": "#d55e00",
        "us_led_coalition": "#e69f00",
    }
    # And its name for readers, as the report writes it (the charts show no raw keys).
    assert months["labels"] == {
        "russia": "Russian forces",
        "syrian_government": "Syrian government forces",
        "us_led_coalition": "US-led coalition",
    }
    full = analyst.client.get("/api/v1/incidents/periods").json()
    assert full["buckets"][0]["counts"] == {"russia": 2, "us_led_coalition": 1}
    weeks = viewer.client.get(
        "/api/v1/incidents/periods", params={"period": "week", "by": "grade"}
    ).json()
    assert [(b["start"], b["counts"]) for b in weeks["buckets"]] == [
        ("2018-03-05", {"fair": 1, "weak": 1}),  # a Monday
        ("2018-04-16", {"confirmed": 1, "contested": 1}),
        ("2019-01-07", {"fair": 1}),
    ]
    assert weeks["series"] == ["confirmed", "fair", "weak", "contested"]
    assert weeks["colours"]["confirmed"] == "#b2182b"
    assert weeks["labels"]["confirmed"] == "confirmed"
    days = viewer.client.get(
        "/api/v1/incidents/periods", params={"period": "day", "measure": "civilians"}
    ).json()
    assert [(b["start"], b["total"]) for b in days["buckets"]] == [
        ("2018-03-05", 10),
        ("2018-03-07", 4),
        ("2018-04-20", 7),
        ("2018-04-21", 0),
        ("2019-01-10", 2),
    ]
    assert days["undated"] == 3  # the civilians of the undated incident, counted apart
    narrowed = viewer.client.get(
        "/api/v1/incidents/periods", params={"date_from": "2018-04-01", "grade": "confirmed"}
    ).json()
    assert [b["counts"] for b in narrowed["buckets"]] == [{"syrian_government": 1}]
    assert viewer.client.get("/api/v1/incidents/periods?period=year").status_code == 422


def test_grades(known: None, signed_in: dict[str, Browser]) -> None:
    viewer, analyst = signed_in["viewer"], signed_in["analyst"]
    assert viewer.client.get("/api/v1/incidents/grades").json() == {
        "confirmed": 1,
        "fair": 2,
        "weak": 2,
        "contested": 1,
    }
    assert analyst.client.get("/api/v1/incidents/grades").json()["confirmed"] == 2


def test_the_grades_are_drawn_in_the_colours_of_every_chart(
    known: None, signed_in: dict[str, Browser]
) -> None:
    """The dashboard's bars by grade and the map's markers take their colours from
    `report.charts` (as the timeline's series do): one palette, defined once."""
    import html
    import json
    import re

    from factfinder.report.charts import GRADE_COLOURS
    from factfinder.web.app import STATIC

    viewer = signed_in["viewer"]
    page = viewer.client.get("/").text
    section = page[page.index('id="dash-grades"') :]
    bars = re.findall(r'data-series="(\w+)" width="([\d.]+)" height="10" fill="(#\w+)"', section)
    assert [(g, float(w), f) for g, w, f in bars] == [
        ("confirmed", 50.0, GRADE_COLOURS["confirmed"]),
        ("fair", 100.0, GRADE_COLOURS["fair"]),
        ("weak", 100.0, GRADE_COLOURS["weak"]),
        ("contested", 50.0, GRADE_COLOURS["contested"]),
    ]
    found = re.search(r'data-grade-colours="([^"]*)"', viewer.client.get("/map").text)
    assert found is not None
    assert json.loads(html.unescape(found.group(1))) == [list(p) for p in GRADE_COLOURS.items()]
    script = (STATIC / "map.js").read_text(encoding="utf-8")
    assert [c for c in GRADE_COLOURS.values() if c.lower() in script.lower()] == []


def test_an_incident_with_hidden_claims_is_counted_as_its_other_claims_tell_it(
    app: FastAPI, signed_in: dict[str, Browser]
) -> None:
    """The seed claims linked, two merged, one claim of the merged incident restricted and
    another incident restricted whole: the viewer's map and counts agree with their list."""
    from factfinder.services.access.commands import restrict
    from factfinder.services.incidents.commands import link_project, merge
    from factfinder.services.incidents.queries import get_incident, list_incidents

    project = app.state.project
    link_project(project, actor="test:setup")
    ids = [r.id for r in list_incidents(project, limit=100)[0]]
    merge(project, ids[:2], reason="test", actor="test:setup")
    restrict(project, incident_subject(ids[2]), reason="witness", actor="test:setup")
    member = get_incident(project, ids[0]).members[1].claim_id
    restrict(project, claim_subject(member), reason="victim names", actor="test:setup")
    viewer = signed_in["viewer"]
    listed = viewer.client.get("/api/v1/incidents").json()["data"]
    seen = viewer.client.get("/api/v1/incidents/map", params=WHOLE).json()
    assert sorted(p["id"] for p in seen["points"]) == sorted(
        i["id"] for i in listed if i["lat"] is not None
    )
    assert ids[2] not in str(seen)
    merged = next(p for p in seen["points"] if p["id"] == ids[0])
    told = next(i for i in listed if i["id"] == ids[0])
    assert merged["civilians_killed"] == (told["civilians"] or {}).get("min", 0)
    periods = viewer.client.get("/api/v1/incidents/periods").json()
    assert periods["total"] == len(listed)
    assert sum(viewer.client.get("/api/v1/incidents/grades").json().values()) == len(listed)


def test_the_dashboard_counts_what_the_reader_may_see(
    app: FastAPI, known: None, signed_in: dict[str, Browser]
) -> None:
    from factfinder.services.claims.review import decide
    from factfinder.services.incidents.queries import get_incident

    project = app.state.project
    seen_claim = get_incident(project, "inc-000003").members[0]
    hidden_claim = get_incident(project, RESTRICTED).members[0]
    for member in (seen_claim, hidden_claim):
        decide(project, member.claim_id, "accept", actor="user:investigator")
    viewer, analyst = signed_in["viewer"], signed_in["analyst"]
    page = viewer.client.get("/").text
    assert 'href="/incidents?grade=fair">fair</a>' in page
    assert 'title="2 incidents"' in page and 'title="1 incidents"' in page  # fair, weak / confirmed
    assert page.count("claim accept by user:investigator") == 1
    assert f'href="/items/{seen_claim.item_id}">claim:{seen_claim.claim_id}</a>' in page
    assert f"claim:{hidden_claim.claim_id}<" not in page
    assert RESTRICTED not in page
    assert 'data-periods="/api/v1/incidents/periods?period=month&amp;by=perpetrator"' in page
    full = analyst.client.get("/").text
    # The lists show an analyst what a viewer sees (the front page discloses nothing); the
    # counts are theirs.
    assert full.count("claim accept by user:investigator") == 1
    assert 'title="2 incidents"' in full  # confirmed: two for the analyst


def test_a_new_mark_changes_the_counts_at_once(
    app: FastAPI, known: None, signed_in: dict[str, Browser]
) -> None:
    """The aggregates are kept per ledger size: a restriction (a ledger entry) is counted by
    the next request."""
    from factfinder.services.access.commands import restrict

    viewer = signed_in["viewer"]
    before = viewer.client.get("/api/v1/incidents/grades").json()
    periods = viewer.client.get("/api/v1/incidents/periods").json()
    cells = viewer.client.get("/api/v1/incidents/map", params={**WHOLE, "zoom": 2}).json()
    assert before["fair"] == 2 and periods["total"] == 6 and cells["total"] == 5
    restrict(app.state.project, incident_subject("inc-000001"), reason="x", actor="test:setup")
    assert viewer.client.get("/api/v1/incidents/grades").json()["fair"] == 1
    assert viewer.client.get("/api/v1/incidents/periods").json()["total"] == 5
    again = viewer.client.get("/api/v1/incidents/map", params={**WHOLE, "zoom": 2}).json()
    assert again["total"] == 4 and "inc-000001" not in str(again)
