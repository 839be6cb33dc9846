"""Cases in the workspace: the list and a case's page, creating a case, adding incidents from
the incident list's selection and from an incident's page, taking them out, notes, and
building the report (HTML, PDF) and the evidence package (zip) as downloads — each change a
ledger entry through the cases service, each page read through the redaction view."""

from __future__ import annotations

import io
import json
import re
import shutil
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from redaction_seed import Seeded, leaks, open_seeded, seed_template
from web_helpers import Browser, session_browser

from factfinder.services.cases.queries import case_builds, show_case

if TYPE_CHECKING:
    from fastapi import FastAPI

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")


@pytest.fixture
def linked(app: FastAPI) -> list[str]:
    from factfinder.services.incidents.commands import link_project
    from factfinder.services.incidents.queries import list_incidents

    link_project(app.state.project, actor="test:setup")
    rows, _, _ = list_incidents(app.state.project, limit=100)
    return [r.id for r in rows]


def _ledger(app: FastAPI, kind: str) -> list[dict[str, object]]:
    from sqlalchemy import select

    from factfinder.store.schema import ledger

    with app.state.project.read() as conn:
        rows = conn.execute(
            select(ledger.c.entry).where(ledger.c.kind == kind).order_by(ledger.c.seq)
        )
        return [json.loads(r.entry) for r in rows]


def test_a_case_from_the_incident_list_selection(
    app: FastAPI, linked: list[str], signed_in: dict[str, Browser]
) -> None:
    investigator = signed_in["investigator"]
    page = investigator.client.get("/incidents").text
    assert 'id="add-to-case"' in page and 'formaction="/cases/add"' in page
    r = investigator.client.post(
        "/cases/add",
        data={"csrf_token": investigator.csrf, "ids": linked[:2], "new_case": "Raqqah graves"},
    )
    assert r.status_code == 303
    case_id = int(r.headers["location"].rsplit("/", 1)[-1])
    state = show_case(app.state.project, case_id)
    assert state.name == "Raqqah graves" and state.incidents == tuple(linked[:2])
    created = _ledger(app, "case.create")[-1]
    assert created["actor"] == "user:investigator" and created["payload"]["name"] == "Raqqah graves"
    added = _ledger(app, "case.add")[-1]
    assert added["payload"] == {"case": case_id, "incidents": linked[:2]}
    assert added["subject"] == f"case:{case_id}"

    page = investigator.client.get(f"/cases/{case_id}").text
    assert "Raqqah graves" in page
    assert all(f'href="/incidents/{i}"' in page for i in linked[:2])
    assert f'href="/incidents/{linked[2]}"' not in page
    listed = investigator.client.get("/cases").text
    assert f'href="/cases/{case_id}">Raqqah graves</a>' in listed

    # From an incident's page: it lists the cases that hold it, and adds it to another.
    other = investigator.form("/cases", {"name": "Tabqa"})
    assert other.status_code == 303
    other_id = int(other.headers["location"].rsplit("/", 1)[-1])
    detail = investigator.client.get(f"/incidents/{linked[0]}").text
    assert f'<a href="/cases/{case_id}">Raqqah graves</a>' in detail
    assert f'<option value="{other_id}">Tabqa</option>' in detail
    r = investigator.form(
        "/cases/add",
        {"ids": linked[0], "case_id": str(other_id), "back": f"/incidents/{linked[0]}"},
    )
    assert r.status_code == 303 and r.headers["location"] == f"/incidents/{linked[0]}"
    assert show_case(app.state.project, other_id).incidents == (linked[0],)

    # Take one out again: the case shows one incident, the ledger keeps both steps.
    r = investigator.form(f"/cases/{case_id}/remove", {"ids": linked[1]})
    assert r.status_code == 303
    assert show_case(app.state.project, case_id).incidents == (linked[0],)
    assert _ledger(app, "case.remove")[-1]["payload"] == {
        "case": case_id,
        "incidents": [linked[1]],
    }
    # An unknown incident is refused with the service's message.
    r = investigator.form(f"/cases/{case_id}/incidents", {"ids": "inc-999999"})
    assert r.status_code == 404 and "no incident inc-999999" in r.text


def test_notes_and_the_api(app: FastAPI, linked: list[str], signed_in: dict[str, Browser]) -> None:
    investigator, analyst = signed_in["investigator"], signed_in["analyst"]
    client = investigator.client
    headers = {"X-CSRF-Token": investigator.csrf}
    r = client.post(
        "/api/v1/cases", json={"name": "Hajin", "description": "the market strike"}, headers=headers
    )
    assert r.status_code == 201
    case = r.json()
    assert (
        case["name"] == "Hajin" and case["incidents"] == [] and case["actor"] == "user:investigator"
    )
    r = client.post(
        f"/api/v1/cases/{case['id']}/incidents", json={"incidents": linked[:3]}, headers=headers
    )
    assert r.status_code == 200 and r.json()["incidents"] == linked[:3]
    r = client.post(
        f"/api/v1/cases/{case['id']}/incidents/remove",
        json={"incidents": [linked[2]]},
        headers=headers,
    )
    assert r.json()["incidents"] == linked[:2]
    # An analyst may write notes but not change the incidents.
    r = analyst.form(
        f"/cases/{case['id']}/notes", {"text": "Ask for the list", "incident": linked[0]}
    )
    assert r.status_code == 303
    r = analyst.form(f"/cases/{case['id']}/incidents", {"ids": linked[2]})
    assert r.status_code == 403
    note = _ledger(app, "case.note")[-1]
    assert note["actor"] == "user:analyst"
    assert note["payload"]["text"] == "Ask for the list"
    assert note["payload"]["incident"] == linked[0] and note["payload"]["restricted"] is False
    got = client.get(f"/api/v1/cases/{case['id']}").json()
    assert [n["text"] for n in got["notes"]] == ["Ask for the list"]
    assert got["withheld"] == {"incidents": 0, "notes": 0}
    listed = client.get("/api/v1/cases").json()
    assert listed["count"] == 1
    assert listed["data"][0] | {"created_at": None} == {
        "id": case["id"],
        "name": "Hajin",
        "description": "the market strike",
        "created_at": None,
        "incidents": 2,
        "notes": 1,
    }
    page = client.get(f"/cases/{case['id']}").text
    assert "Ask for the list" in page and "the market strike" in page


def test_a_viewer_may_read_and_build_but_not_change(
    app: FastAPI, linked: list[str], signed_in: dict[str, Browser]
) -> None:
    investigator, viewer = signed_in["investigator"], signed_in["viewer"]
    r = investigator.form("/cases", {"name": "Baghouz"})
    case_id = int(r.headers["location"].rsplit("/", 1)[-1])
    investigator.form(f"/cases/{case_id}/incidents", {"ids": linked[0]})
    before = len(_ledger(app, "case.create")) + len(_ledger(app, "case.add"))
    for url, data in [
        ("/cases", {"name": "Viewer case"}),
        ("/cases/add", {"ids": linked[1], "case_id": str(case_id)}),
        (f"/cases/{case_id}/incidents", {"ids": linked[1]}),
        (f"/cases/{case_id}/remove", {"ids": linked[0]}),
        (f"/cases/{case_id}/notes", {"text": "a viewer's note"}),
    ]:
        assert viewer.form(url, data).status_code == 403, url
    headers = {"X-CSRF-Token": viewer.csrf}
    for url, body in [
        ("/api/v1/cases", {"name": "Viewer case"}),
        (f"/api/v1/cases/{case_id}/incidents", {"incidents": [linked[1]]}),
        (f"/api/v1/cases/{case_id}/incidents/remove", {"incidents": [linked[0]]}),
        (f"/api/v1/cases/{case_id}/notes", {"text": "a viewer's note"}),
    ]:
        assert viewer.client.post(url, json=body, headers=headers).status_code == 403, url
    assert len(_ledger(app, "case.create")) + len(_ledger(app, "case.add")) == before
    assert not _ledger(app, "case.note")
    page = viewer.client.get(f"/cases/{case_id}").text
    assert 'id="build"' in page and 'id="note-form"' not in page and "remove-" not in page
    assert 'name="include_restricted"' not in page
    # A viewer may not ask for restricted data.
    r = viewer.form(f"/cases/{case_id}/build", {"kind": "html", "include_restricted": "true"})
    assert r.status_code == 403


def test_build_reports_and_the_package(
    app: FastAPI, linked: list[str], signed_in: dict[str, Browser]
) -> None:
    investigator = signed_in["investigator"]
    r = investigator.form("/cases", {"name": "Raqqah, 2017"})
    case_id = int(r.headers["location"].rsplit("/", 1)[-1])
    investigator.form(f"/cases/{case_id}/incidents", {"ids": linked[:2]})

    html = investigator.form(f"/cases/{case_id}/build", {"kind": "html"})
    assert html.status_code == 200
    assert html.headers["content-type"].startswith("text/html")
    checkpoint = int(html.headers["x-checkpoint"])
    assert html.headers["content-disposition"] == (
        f'attachment; filename="raqqah-2017-cp{checkpoint}.html"'
    )
    assert "Raqqah, 2017" in html.text and all(i in html.text for i in linked[:2])

    pdf = investigator.form(f"/cases/{case_id}/build", {"kind": "pdf", "at": str(checkpoint)})
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF-")
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.headers["x-checkpoint"] == str(checkpoint)

    package = investigator.form(
        f"/cases/{case_id}/build", {"kind": "package", "at": str(checkpoint)}
    )
    assert package.status_code == 200 and package.headers["content-type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(package.content)) as z:
        names = z.namelist()
    assert any(n.endswith("bagit.txt") for n in names)
    assert any(n.endswith("report.html") for n in names)

    # The package checks out with nothing but itself.
    from factfinder.report.package import verify_package

    tmp = Path(app.state.project.root) / "downloaded.zip"
    tmp.write_bytes(package.content)
    assert verify_package(tmp).ok

    builds = case_builds(app.state.project, case_id)
    assert [(b.what, b.format, b.actor) for b in builds] == [
        ("report", "html", "user:investigator"),
        ("report", "pdf", "user:investigator"),
        ("package", "zip", "user:investigator"),
    ]
    assert all(b.incidents == 2 and not b.include_restricted for b in builds)
    import hashlib

    assert builds[1].sha256 == "sha256:" + hashlib.sha256(pdf.content).hexdigest()
    page = investigator.client.get(f"/cases/{case_id}").text
    assert page.count(f"raqqah-2017-cp{checkpoint}.") == 3

    # The API builds the same report from the same checkpoint: the same bytes.
    again = investigator.client.post(
        f"/api/v1/cases/{case_id}/build",
        params={"format": "html", "at": checkpoint},
        headers={"X-CSRF-Token": investigator.csrf},
    )
    assert again.status_code == 200 and again.content == html.content
    unknown = investigator.form(f"/cases/{case_id}/build", {"kind": "docx"})
    assert unknown.status_code == 400


# -- restricted data ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def restricted_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return seed_template(tmp_path_factory.mktemp("cases-redaction"))


@pytest.fixture
def restricted(restricted_template: Path, tmp_path: Path) -> Iterator[tuple[Seeded, FastAPI]]:
    from factfinder.web.app import create_app
    from factfinder.web.settings import WebSettings

    shutil.copytree(restricted_template, tmp_path, dirs_exist_ok=True)
    seeded = open_seeded(tmp_path)
    seeded.project.close()
    application = create_app(WebSettings(project_dir=tmp_path / "project"))
    try:
        yield seeded, application
    finally:
        application.state.project.close()


def _text_of(kind: str, content: bytes, tmp_path: Path) -> str:
    from redaction_seed import decoded

    path = tmp_path / f"out.{kind}"
    path.write_bytes(content)
    return decoded(path, "package" if kind == "package" else kind)


def test_a_viewer_sees_and_builds_no_restricted_string(
    restricted: tuple[Seeded, FastAPI], tmp_path: Path
) -> None:
    seeded, app = restricted
    viewer = session_browser(app, "viewer")
    case = seeded.case_id
    page = viewer.client.get(f"/cases/{case}").text
    assert leaks(page) == []
    assert seeded.hajin in page and seeded.jindires not in page
    assert "Compare the Hajin figures" in page and "Call" not in page
    assert "restricted incident(s) are not shown" in page
    got = viewer.client.get(f"/api/v1/cases/{case}").json()
    assert leaks(json.dumps(got, ensure_ascii=False)) == []
    assert got["withheld"]["notes"] == 2 and seeded.jindires not in got["incidents"]
    assert leaks(viewer.client.get("/cases").text) == []
    # What a viewer cannot see is not counted for them.
    listed = viewer.client.get("/api/v1/cases").json()["data"]
    assert [(c["id"], c["incidents"], c["notes"]) for c in listed] == [(case, 1, 1)]
    investigator = session_browser(app, "investigator")
    listed = investigator.client.get("/api/v1/cases").json()["data"]
    assert [(c["id"], c["incidents"], c["notes"]) for c in listed] == [(case, 3, 3)]
    for kind in ("html", "pdf", "package"):
        r = viewer.form(f"/cases/{case}/build", {"kind": kind})
        assert r.status_code == 200, (kind, r.text)
        text = _text_of(kind, r.content, tmp_path)
        assert "Hajin" in text
        assert leaks(text) == [], kind
    page = viewer.client.get(f"/cases/{case}").text
    assert leaks(page) == [] and page.count("restricted values left out") == 3


def test_an_investigator_sees_restricted_data_and_builds_with_it_when_asked(
    restricted: tuple[Seeded, FastAPI], tmp_path: Path
) -> None:
    seeded, app = restricted
    investigator = session_browser(app, "investigator")
    page = investigator.client.get(f"/cases/{seeded.case_id}").text
    assert "Call Khalil Haddad again on Monday" in page and seeded.jindires in page
    plain = investigator.form(f"/cases/{seeded.case_id}/build", {"kind": "html"})
    assert leaks(plain.text) == []
    full = investigator.form(
        f"/cases/{seeded.case_id}/build", {"kind": "html", "include_restricted": "true"}
    )
    assert "Khalil Haddad" in leaks(full.text)
    reads = [
        e for e in _ledger(app, "restricted.read") if re.search(r"report html", str(e["payload"]))
    ]
    assert reads and reads[-1]["actor"] == "user:investigator"
