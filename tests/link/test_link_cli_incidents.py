"""`factfinder link --project` and the `incident` commands end to end (in process): linking,
listing and showing incidents, analysts' decisions, and bad input named in one line (exit 1)
with nothing stored changed."""

from __future__ import annotations

import json

import pytest

from cli_helpers import ff
from factfinder.services import Project
from factfinder.services.incidents.queries import get_incident, list_incidents


def _link(project: Project) -> Project:
    code, _, err = ff("link", "-p", project.root)
    assert code == 0, err
    assert "6 claims → 5 incidents (1 with several claims); ledger entry" in err
    return project


@pytest.fixture
def linked(seeded: Project) -> Project:
    return _link(seeded)


@pytest.fixture(scope="module")
def linked_once(seeded_once: Project) -> Project:
    """A linked project shared by the tests that must leave it as it is."""
    return _link(seeded_once)


def _listed(project: Project) -> dict[str, int]:
    """Each incident's id and its number of claims, from `incident list --json`."""
    code, out, err = ff("incident", "list", "--json", "-p", project.root)
    assert code == 0, err
    body = json.loads(out)
    assert body["count"] == len(body["data"])
    return {row["id"]: row["members"] for row in body["data"]}


def _shown(project: Project, incident_id: str) -> dict[str, object]:
    code, out, err = ff("incident", "show", incident_id, "--json", "-p", project.root)
    assert code == 0, err
    body: dict[str, object] = json.loads(out)
    return body


def _claims_of(project: Project, incident_id: str) -> list[int]:
    return sorted(m.claim_id for m in get_incident(project, incident_id).members)


def test_listed_and_shown_as_the_services_see_them(linked_once: Project) -> None:
    linked = linked_once
    listed = _listed(linked)
    rows, total, _ = list_incidents(linked, limit=100)
    assert listed == {r.id: r.members for r in rows} and total == 5
    assert sorted(listed.values()) == [1, 1, 1, 1, 2]
    pair = next(i for i, n in listed.items() if n == 2)
    body = _shown(linked, pair)
    assert body["incident"] == pair
    members = body["member_claims"]
    assert isinstance(members, list)
    assert sorted(m["claim"] for m in members) == _claims_of(linked, pair)
    assert body["decisions"] == []
    code, out, err = ff("incident", "show", pair, "-p", linked.root)
    assert code == 0 and out.startswith(f"{pair}  ") and "independent source(s)" in out
    assert out.count("  claim ") == 2
    code, out, err = ff("incident", "list", "--grade", "confirmed", "-p", linked.root)
    assert code == 0 and err.strip() == "0 of 0 incidents"


def test_decisions_at_the_command_line(linked: Project) -> None:
    single = sorted(i for i, n in _listed(linked).items() if n == 1)
    a, b, c = single[:3]
    reason = ["--reason", "one grave complex"]
    assert ff("incident", "merge", a, b, *reason, "-p", linked.root)[2].strip() == (
        f"merged into {a}"
    )
    assert b not in _listed(linked) and _listed(linked)[a] == 2
    moving = _claims_of(linked, a)[1]
    code, _, err = ff("incident", "split", a, str(moving), *reason, "-p", linked.root)
    new = err.strip().removeprefix(f"claims {moving} are now ")
    assert code == 0 and new.startswith("inc-") and _claims_of(linked, new) == [moving]
    code, _, err = ff("incident", "move", str(moving), c, *reason, "-p", linked.root)
    assert (code, err.strip()) == (0, f"claim {moving} moved to {c}")
    assert moving in _claims_of(linked, c)
    code, _, err = ff("incident", "grade", c, "fair", *reason, "-p", linked.root)
    assert (code, err.strip()) == (0, f"{c} graded fair")
    code, _, err = ff("incident", "confirm", c, *reason, "-p", linked.root)
    assert (code, err.strip()) == (0, f"{c} confirmed")
    body = _shown(linked, c)
    assert body["grade"] == "fair"
    decisions = body["decisions"]
    assert isinstance(decisions, list)
    assert [d["kind"] for d in decisions] == ["move", "grade", "confirm"]
    # The decisions are kept when the project is linked again.
    assert ff("link", "-p", linked.root)[0] == 0
    assert _shown(linked, c)["grade"] == "fair" and moving in _claims_of(linked, c)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["show", "inc-999999"], "no incident inc-999999"),
        (["grade", "{first}", "certain", "-r", "why"], "grade 'certain' is not one of"),
        (["merge", "{first}", "-r", "why"], "a merge needs two or more incidents"),
        (["confirm", "{first}", "-r", " "], "a confirm decision needs a reason"),
        (["move", "999999", "{first}", "-r", "why"], "claim 999999 is in no incident"),
        (["split", "{first}", "999999", "-r", "why"], "claims [999999] are not in {first}"),
    ],
)
def test_a_bad_decision_is_named_and_changes_nothing(
    linked_once: Project, args: list[str], message: str
) -> None:
    linked = linked_once
    before = _listed(linked)
    first = sorted(before)[0]
    code, out, err = ff("incident", *(a.format(first=first) for a in args), "-p", linked.root)
    assert (code, out) == (1, "")
    assert err.startswith("error ") and message.format(first=first) in err
    assert len(err.strip().splitlines()) == 1
    assert _listed(linked) == before
    assert _shown(linked, first)["decisions"] == []


def test_a_decision_without_a_reason_is_a_usage_error(linked_once: Project) -> None:
    linked = linked_once
    first = sorted(_listed(linked))[0]
    code, _, err = ff("incident", "confirm", first, "-p", linked.root)
    assert code == 2 and "--reason" in err
    assert _shown(linked, first)["decisions"] == []


def test_incidents_of_a_project_never_linked(seeded: Project) -> None:
    code, out, err = ff("incident", "list", "--json", "-p", seeded.root)
    assert code == 0 and json.loads(out) == {"data": [], "count": 0}
    code, _, err = ff("incident", "grade", "inc-000001", "fair", "-r", "why", "-p", seeded.root)
    assert code == 1
    assert "no incident inc-000001: the project has not been linked yet" in err
