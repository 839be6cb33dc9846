"""What the ledger and the lists of recent activity show a viewer is read through the same
redaction view as the case pages: a personal name written in a decision's reason, a comment, a
case's name or the name of a file built of the case (its `export.write` entry) is cut from the
dashboard's recent decisions, an incident's decisions, an item's custody and ledger, and a
case's list of what was built — in pages and API answers alike."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest
from redaction_seed import Seeded, open_seeded, seed_template
from web_helpers import sign_in

if TYPE_CHECKING:
    from fastapi import FastAPI

NAME = "Jamal Darwish"
CASE_NAME = "Killing of resident Jamal Darwish in Hajin"
REASON = "Graded on the word of resident Jamal Darwish"
COMMENT = "Called resident Jamal Darwish back"
# The file names a report was written under: one chosen at the command line, one made from
# the case's name before names were cut from it.
FILE_NAMES = ("Report on resident Jamal Darwish.html", "killing-of-resident-jamal-darwish-cp1.html")


def leaks(text: str) -> bool:
    flat = " ".join(text.split()).casefold()
    return "jamal darwish" in flat or "jamal-darwish" in flat


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Seeded, int]]:
    from factfinder.services.access.commands import add_comment
    from factfinder.services.cases.commands import add_incidents, create_case
    from factfinder.services.cases.files import write_report
    from factfinder.services.incidents.commands import grade
    from factfinder.subjects import incident_subject, item_subject

    folder = tmp_path_factory.mktemp("history")
    found = open_seeded(seed_template(folder))
    try:
        project = found.project
        case = create_case(project, CASE_NAME, actor="user:analyst")
        add_incidents(project, case.id, [found.hajin], actor="user:analyst")
        grade(project, found.hajin, "fair", reason=REASON, actor="user:analyst")
        for h in found.hashes.values():
            add_comment(project, item_subject(h), COMMENT, actor="user:analyst")
        add_comment(project, incident_subject(found.hajin), COMMENT, actor="user:analyst")
        for name in FILE_NAMES:
            write_report(project, case.id, fmt="html", output=folder / name)
        yield found, case.id
    finally:
        found.project.close()


@pytest.fixture(scope="module")
def app(seeded: tuple[Seeded, int]) -> Iterator[FastAPI]:
    from factfinder.web.app import create_app
    from factfinder.web.settings import WebSettings

    found, _ = seeded
    application = create_app(WebSettings(project_dir=found.root / "project"))
    yield application
    application.state.project.close()


def test_a_viewer_reads_no_name_in_the_history_pages(
    seeded: tuple[Seeded, int], app: FastAPI
) -> None:
    found, case_id = seeded
    viewer = sign_in(app, "viewer")
    home = viewer.client.get("/")
    assert home.status_code == 200
    # The grade decision is listed (its subject, not its reason).
    assert f"/incidents/{found.hajin}" in home.text and "incident grade" in home.text
    incident = viewer.client.get(f"/incidents/{found.hajin}").text
    assert "Graded on the word of resident [restricted]" in incident
    case = viewer.client.get(f"/cases/{case_id}").text
    assert "Report on resident [restricted].html" in case
    assert "killing-of-resident-[restricted]-cp1.html" in case
    pages = [home.text, incident, case, viewer.client.get("/cases").text]
    pages += [viewer.client.get(f"/items/{h}").text for h in found.hashes.values()]
    assert [i for i, text in enumerate(pages) if leaks(text)] == []


def test_a_viewer_reads_no_name_in_the_history_api(
    seeded: tuple[Seeded, int], app: FastAPI
) -> None:
    found, case_id = seeded
    viewer = sign_in(app, "viewer")
    case = viewer.client.get(f"/api/v1/cases/{case_id}").json()
    assert [b["name"] for b in case["builds"]] == [
        "Report on resident [restricted].html",
        "killing-of-resident-[restricted]-cp1.html",
    ]
    urls = [
        f"/api/v1/cases/{case_id}",
        "/api/v1/cases",
        f"/api/v1/incidents/{found.hajin}",
        f"/api/v1/comments/incident:{found.hajin}",
        "/api/v1/dashboard",
    ]
    urls += [f"/api/v1/items/{h}" for h in found.hashes.values()]
    urls += [f"/api/v1/comments/item:{h}" for h in found.hashes.values()]
    answers = {}
    for url in urls:
        r = viewer.client.get(url)
        if r.status_code == 404:  # an item restricted as a whole: nothing of it is shown
            continue
        assert r.status_code == 200, url
        answers[url] = json.dumps(r.json(), ensure_ascii=False)
    assert len(answers) >= 6
    assert [url for url, text in answers.items() if leaks(text)] == []
    decisions = json.loads(answers[f"/api/v1/incidents/{found.hajin}"])["decisions"]
    assert any("[restricted]" in json.dumps(d) for d in decisions)


def test_a_reader_of_restricted_data_reads_the_history_whole(
    seeded: tuple[Seeded, int], app: FastAPI
) -> None:
    found, case_id = seeded
    analyst = sign_in(app, "analyst")
    case = analyst.client.get(f"/api/v1/cases/{case_id}").json()
    assert [b["name"] for b in case["builds"]] == list(FILE_NAMES)
    assert REASON in analyst.client.get(f"/incidents/{found.hajin}").text
