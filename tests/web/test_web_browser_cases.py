"""The workspace's cases, claim corrections, uploads with metadata and API docs in a real
Chromium (the flags and fixture of test_web_browser): make a case from selected incidents,
build and download its PDF, correct a claim's date and place through the gazetteer search,
upload files with their publisher, date and URL, and read the API docs served offline; and
each again as a viewer, who sees the outcome and nothing restricted (an incident, a claim's
places, an item restricted after the fact; a person's name in a case's name). Any
Content-Security-Policy violation or script error in the console fails the test. Screenshots
go to the test's tmp path (and, when FACTFINDER_SCREENSHOTS or FACTFINDER_SHOTS names a
folder, there too)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from test_web_browser import chromium, open_page
from web_helpers import PASSWORD, LiveServer

pytestmark = [pytest.mark.browser, pytest.mark.filterwarnings("ignore::ResourceWarning")]
__all__ = ["chromium"]


@pytest.fixture
def live(seeded_template: Path, tmp_path: Path) -> Iterator[LiveServer]:
    """The seeded project (the seed documents ingested and extracted, one user per role),
    linked, served."""
    from factfinder.services import Project
    from factfinder.services.incidents.commands import link_project
    from factfinder.web.app import create_app
    from factfinder.web.settings import WebSettings

    root = tmp_path / "project"
    shutil.copytree(seeded_template, root)
    with Project.open(root) as project:
        link_project(project, actor="test:setup")
    app = create_app(WebSettings(project_dir=root))
    try:
        with LiveServer(app) as server:
            server.app = app  # type: ignore[attr-defined]
            yield server
    finally:
        app.state.project.close()


@pytest.fixture
def shots(tmp_path: Path) -> Any:
    folder = tmp_path / "shots"
    folder.mkdir()
    extra = os.environ.get("FACTFINDER_SCREENSHOTS") or os.environ.get("FACTFINDER_SHOTS")

    def shot(page: Any, name: str) -> Path:
        path = folder / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        if extra:
            Path(extra).mkdir(parents=True, exist_ok=True)
            shutil.copy(path, Path(extra) / path.name)
        return path

    return shot


def project_of(live: LiveServer) -> Any:
    return live.app.state.project  # type: ignore[attr-defined]


def sign_in(page: Any, url: str, username: str) -> None:
    page.goto(url + "/login")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("form[action='/login'] button[type=submit]")
    page.wait_for_selector("h1:has-text('Dashboard')")


def test_a_case_from_selected_incidents_and_its_pdf(
    chromium: Any, live: LiveServer, shots: Any, tmp_path: Path
) -> None:
    context, page, problems = open_page(chromium)
    sign_in(page, live.url, "investigator")

    page.goto(live.url + "/incidents")
    boxes = page.locator("#merge-form input[name=ids]")
    assert boxes.count() == 5
    chosen = [boxes.nth(i).get_attribute("value") for i in (0, 2)]
    boxes.nth(0).check()
    boxes.nth(2).check()
    page.fill("#new-case-name", "Raqqah mass graves")
    shots(page, "30-incidents-selected")
    page.click("#add-to-case")
    page.wait_for_selector("h1:has-text('Raqqah mass graves')")
    rows = page.locator("#case-incidents tbody tr")
    assert rows.count() == 2
    assert [rows.nth(i).locator("td a").first.inner_text() for i in range(2)] == chosen

    # A note on one of its incidents.
    page.fill("#note-form textarea[name=text]", "Ask for the exhumation list")
    page.select_option("#note-form select[name=incident]", chosen[0])
    page.click("#add-note")
    page.wait_for_selector("#case-notes li:has-text('Ask for the exhumation list')")
    assert chosen[0] in page.inner_text("#case-notes")

    # Build the PDF report and download it.
    page.select_option("#build-kind", "pdf")
    with page.expect_download() as info:
        page.click("#build")
    download = info.value
    assert download.suggested_filename.startswith("raqqah-mass-graves-cp")
    assert download.suggested_filename.endswith(".pdf")
    saved = tmp_path / download.suggested_filename
    download.save_as(str(saved))
    data = saved.read_bytes()
    assert data.startswith(b"%PDF-") and len(data) > 5000
    page.reload()
    assert "report pdf" in page.inner_text("#builds")
    assert download.suggested_filename in page.inner_text("#builds")
    shots(page, "31-case")

    # The package too, from the same checkpoint.
    page.select_option("#build-kind", "package")
    page.select_option("#build-at", index=1)
    with page.expect_download() as info:
        page.click("#build")
    assert info.value.suggested_filename.endswith(".zip")

    # The case as a viewer sees it: no forms that change it.
    context.close()
    context, page, more = open_page(chromium)
    sign_in(page, live.url, "viewer")
    page.goto(live.url + "/cases")
    page.click("#cases a:has-text('Raqqah mass graves')")
    page.wait_for_selector("#case-incidents")
    assert page.locator("#note-form").count() == 0
    assert page.locator("#case-incidents button").count() == 0
    shots(page, "32-case-as-viewer")
    assert not problems and not more, problems + more
    context.close()


def test_a_case_from_the_map_selection_and_its_pdf(
    chromium: Any, live: LiveServer, shots: Any, tmp_path: Path
) -> None:
    from factfinder.services.access.commands import restrict
    from factfinder.subjects import incident_subject

    context, page, problems = open_page(chromium)
    sign_in(page, live.url, "investigator")
    page.goto(live.url + "/map")
    page.wait_for_selector("#map[data-loaded]:not([data-busy])", state="attached")
    assert page.get_attribute("#map", "data-mode") == "points"
    located = [
        i["id"]
        for i in page.request.get(live.url + "/api/v1/incidents").json()["data"]
        if i["lat"] is not None
    ]
    assert len(located) == 4  # of the five, one has no coordinates
    page.click("#map-select-view")
    assert page.get_attribute("#map-case-form", "data-selected") == "4"
    # One taken out from its marker's popup, and put back.
    page.locator("path.incident-marker").first.click()
    toggle = page.locator(".leaflet-popup .select-incident")
    assert toggle.inner_text() == "Take out of the selection"
    toggle.click()
    assert page.get_attribute("#map-case-form", "data-selected") == "3"
    toggle.click()
    assert page.get_attribute("#map-case-form", "data-selected") == "4"
    page.fill("#map-new-case-name", "Strikes reported by resident Omar Khatib")
    shots(page, "40-map-selection")
    page.click("#map-add-to-case")
    page.wait_for_selector("h1:has-text('Strikes reported by resident Omar Khatib')")
    rows = page.locator("#case-incidents tbody tr")
    assert sorted(rows.nth(i).locator("td a").first.inner_text() for i in range(4)) == sorted(
        located
    )
    case_url = page.url

    page.select_option("#build-kind", "pdf")
    with page.expect_download() as info:
        page.click("#build")
    download = info.value
    # The file is named without the person's name the case's name holds.
    assert download.suggested_filename.startswith("strikes-reported-by-resident-restricted-cp")
    saved = tmp_path / download.suggested_filename
    download.save_as(str(saved))
    assert saved.read_bytes().startswith(b"%PDF-")
    shots(page, "41-map-case")
    context.close()

    # An incident of the case restricted afterwards: the viewer sees the case without it, and
    # the case's name without the person's name.
    hidden = located[0]
    restrict(project_of(live), incident_subject(hidden), reason="a witness", actor="test:setup")
    context, page, more = open_page(chromium)
    sign_in(page, live.url, "viewer")
    page.goto(case_url)
    page.wait_for_selector("#case-incidents")
    body = page.inner_text("body")
    assert "Omar Khatib" not in body and "Strikes reported by resident [restricted]" in body
    shown = page.locator("#case-incidents tbody tr")
    assert shown.count() == 3 and hidden not in page.inner_text("#case-incidents")
    assert page.locator("#note-form").count() == 0
    # The viewer's own PDF of the case: built from what a viewer may see.
    page.select_option("#build-kind", "pdf")
    with page.expect_download() as info:
        page.click("#build")
    theirs = tmp_path / ("viewer-" + info.value.suggested_filename)
    info.value.save_as(str(theirs))
    import pdfplumber

    with pdfplumber.open(theirs) as pdf:
        text = " ".join(" ".join((p.extract_text() or "").split()) for p in pdf.pages)
    assert "Strikes reported by resident [restricted]" in text
    assert "Omar Khatib" not in text and hidden not in text
    assert "Timeline" in text
    page.goto(live.url + "/map")
    page.wait_for_selector("#map[data-loaded]:not([data-busy])", state="attached")
    assert page.get_attribute("#map", "data-loaded") == "3"
    assert page.locator("#map-case-form").count() == 0
    shots(page, "42-map-as-viewer")
    assert not problems and not more, problems + more
    context.close()


def test_correct_a_claims_date_and_place(chromium: Any, live: LiveServer, shots: Any) -> None:
    context, page, problems = open_page(chromium)
    sign_in(page, live.url, "analyst")
    claim = page.request.get(live.url + "/api/v1/claims").json()["data"][0]
    page.goto(f"{live.url}/claims/{claim['id']}")
    page.fill("input[name='date.start']", "2017-11-02")
    page.fill("input[name='date.end']", "2017-11-03")
    page.select_option("select[name='date.precision']", "day")
    for box in page.locator("#claim-places input[name=places]").all():
        box.uncheck()
    page.fill("#place-search", "Tabqa")
    page.wait_for_selector("#place-results input[name=places]")
    first = page.locator("#place-results li").first
    assert "Tabqa" in first.inner_text()
    first.locator("input").check()
    page.fill("#decide input[name=reason]", "the letter dates it and names the town")
    shots(page, "33-correcting-claim")
    page.click("#correct")
    page.wait_for_selector(".tag.corrected")
    got = page.request.get(f"{live.url}/api/v1/claims/{claim['id']}").json()
    assert got["claim"]["date"] == {"start": "2017-11-02", "end": "2017-11-03", "precision": "day"}
    from factfinder.geo.gazetteer import Gazetteer

    tabqa = Gazetteer.get().search("Tabqa", 1)[0]
    assert [p["name"] for p in got["claim"]["places"]] == [tabqa.name]
    assert got["claim"]["places"][0]["admin1"] == "Raqqa"
    meta = page.inner_text("dl.meta")
    assert "2017-11-02 – 2017-11-03" in meta and tabqa.name in meta
    shots(page, "34-claim-corrected")
    assert not problems, problems
    context.close()

    # The claim's places restricted afterwards: the viewer reads the corrected date, not the
    # place, and has no form to correct it with.
    from factfinder.services.access.commands import restrict
    from factfinder.subjects import claim_subject

    restrict(project_of(live), claim_subject(claim["id"]), "places", reason="a source", actor="t:s")
    context, page, more = open_page(chromium)
    sign_in(page, live.url, "viewer")
    page.goto(f"{live.url}/claims/{claim['id']}")
    meta = page.inner_text("dl.meta")
    assert "2017-11-02 – 2017-11-03" in meta
    assert tabqa.name not in page.inner_text("body")
    assert page.locator("#correct").count() == 0 and page.locator("#decide").count() == 0
    seen = page.request.get(f"{live.url}/api/v1/claims/{claim['id']}").json()
    assert seen["claim"]["date"]["start"] == "2017-11-02" and tabqa.name not in str(seen)
    shots(page, "38-claim-as-viewer")
    assert not more, more
    context.close()


def test_upload_with_metadata(chromium: Any, live: LiveServer, shots: Any, tmp_path: Path) -> None:
    first = tmp_path / "hajin-market.txt"
    first.write_text(
        "Airstrike on Hajin market\n\nA coalition airstrike on the market of Hajin in Deir "
        "ez-Zor province killed 9 civilians on Friday, the local council said.\n"
    )
    second = tmp_path / "ariha-bakery.txt"
    second.write_text(
        "Shelling of a bakery in Ariha\n\nShelling of a bakery in Ariha in Idlib province "
        "killed five civilians on Tuesday, medics said.\n"
    )
    context, page, problems = open_page(chromium)
    sign_in(page, live.url, "investigator")
    page.goto(live.url + "/upload")
    page.set_input_files("input[name=files]", [str(first)])
    page.fill("input[name=publisher]", "Deir ez-Zor 24")
    page.fill("input[name=published]", "2018-11-03")
    page.fill("input[name=url]", "https://example.org/hajin-market")
    page.set_input_files("input[name='files.1']", [str(second)])
    page.fill("input[name='publisher.1']", "Idlib Post")
    page.fill("input[name='published.1']", "2019-05-14")
    shots(page, "35-upload-form")
    page.click("#upload")
    page.wait_for_selector("#result")
    assert "2 new items" in page.inner_text("#result")
    shots(page, "36-uploaded")
    items = page.request.get(live.url + "/api/v1/items", params={"q": "market"}).json()["data"]
    assert [(i["publisher"], i["url"]) for i in items] == [
        ("Deir ez-Zor 24", "https://example.org/hajin-market")
    ]
    assert items[0]["published"].startswith("2018-11-03")
    page.goto(f"{live.url}/items/{items[0]['id']}")
    assert "Deir ez-Zor 24" in page.inner_text("body")
    assert not problems, problems
    ariha = page.request.get(live.url + "/api/v1/items", params={"q": "bakery"}).json()["data"]
    assert [i["publisher"] for i in ariha] == ["Idlib Post"]
    context.close()

    # The second upload restricted afterwards: the viewer finds the first with its metadata,
    # not the second, and may not upload.
    from factfinder.services.access.commands import restrict
    from factfinder.subjects import item_subject

    restrict(project_of(live), item_subject(ariha[0]["hash"]), reason="a source", actor="t:s")
    context, page, more = open_page(chromium)
    sign_in(page, live.url, "viewer")
    assert page.locator("nav a[href='/upload']").count() == 0
    assert page.request.get(live.url + "/upload").status == 403
    page.goto(f"{live.url}/items/{items[0]['id']}")
    body = page.inner_text("body")
    assert "Deir ez-Zor 24" in body and "2018-11-03" in body
    page.goto(live.url + "/items")
    listed = page.inner_text("body")
    assert "Deir ez-Zor 24" in listed and "Idlib Post" not in listed and "Ariha" not in listed
    shots(page, "39-items-as-viewer")
    assert not more, more
    context.close()


def test_the_api_docs_are_served_offline(chromium: Any, live: LiveServer, shots: Any) -> None:
    context, page, problems = open_page(chromium)
    outside: list[str] = []
    page.on(
        "request",
        lambda r: outside.append(r.url) if not r.url.startswith((live.url, "data:")) else None,
    )
    sign_in(page, live.url, "viewer")
    page.goto(live.url + "/api/docs")
    page.wait_for_selector(".swagger-ui .opblock-tag")
    tags = page.locator(".swagger-ui .opblock-tag").all_inner_texts()
    assert any(t.strip().startswith("cases") for t in tags), tags
    assert page.locator(".swagger-ui .opblock").count() >= 20
    # Try a request from the page: it goes out with the session.
    page.click(".opblock-summary:has-text('/api/v1/cases') >> nth=0")
    page.click("button.try-out__btn")
    page.click("button.execute")
    status = page.locator(".live-responses-table tbody .response-col_status").first
    status.wait_for()
    assert status.inner_text().strip() == "200"
    assert '"count": 0' in page.locator(".live-responses-table .microlight").first.inner_text()
    shots(page, "37-api-docs")
    assert not outside, outside
    assert not problems, problems
    context.close()
