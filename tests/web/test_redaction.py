"""Restricted stays restricted in every output: one seeded project with a witness named in a
sentence (three phrasings, and an Arabic title), a claimant whose name is marked, an incident
restricted as a whole and an item restricted as a whole with an external id; then each output
— the exports, reports and evidence package, the API, the pages and search — is decoded
(JSON and CSV parsed, PDFs through `pdftotext`, zip members read) and searched for every
restricted string."""

from __future__ import annotations

import csv
import io
import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from redaction_seed import (
    FORMATS,
    Seeded,
    decoded,
    leaks,
    open_seeded,
    seed_template,
    write_output,
)
from sqlalchemy import select
from web_helpers import sign_in

from factfinder.errors import InvalidRecord
from factfinder.store.schema import ledger
from factfinder.subjects import claim_subject, incident_subject, item_subject

if TYPE_CHECKING:
    from fastapi import FastAPI


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeded project, closed (tests that change it work on a copy, `fresh`)."""
    return seed_template(tmp_path_factory.mktemp("redaction"))


@pytest.fixture(scope="module")
def seeded(template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Seeded]:
    """A copy of the seeded project that the tests only read (reads of restricted data add
    their ledger entries)."""
    root = tmp_path_factory.mktemp("redaction-read")
    shutil.copytree(template, root, dirs_exist_ok=True)
    found = open_seeded(root)
    try:
        yield found
    finally:
        found.project.close()


@pytest.fixture
def fresh(template: Path, tmp_path: Path) -> Iterator[Seeded]:
    """A copy of the seeded project of the test's own."""
    shutil.copytree(template, tmp_path, dirs_exist_ok=True)
    found = open_seeded(tmp_path)
    try:
        yield found
    finally:
        found.project.close()


# -- exports, reports and packages ----------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("role", [None, "viewer", "investigator"])
def test_outputs_made_without_restricted_data_hold_none(
    seeded: Seeded, tmp_path: Path, fmt: str, role: str | None
) -> None:
    from factfinder.services.access.queries import get_user

    user = get_user(seeded.project, role) if role else None
    out = tmp_path / f"case.{fmt}"
    result = write_output(seeded, fmt, out, user=user)
    written = out if out.exists() else next(tmp_path.glob("case*"))
    text = decoded(written, fmt)
    assert leaks(text) == []
    assert "Hajin" in text  # the incident that may be seen is there
    if fmt in ("csv", "ged"):
        assert len(list(csv.reader(io.StringIO(out.read_text())))) == 2  # a header, one row
    # Left out, each distinct value counted once (16): the two incidents that may not be
    # seen (the sealed one, and the one only the restricted source item tells), the two
    # restricted items and their claims, the marked claimant and the witness claimant, the
    # three witnesses' names the quoted sentences give (two English, one Arabic), the
    # originals of the three items whose bytes say a restricted name, the restricted note
    # and the note on the sealed incident.
    assert result.withheld == 16
    if fmt in ("html", "jsonl"):
        assert "Compare the Hajin figures" in text  # the note on what may be seen stays


def test_outputs_with_restricted_data_hold_it_and_the_read_is_ledgered(
    seeded: Seeded, tmp_path: Path
) -> None:
    from factfinder.services.access.queries import get_user, restricted_reads

    before = len(restricted_reads(seeded.project))
    user = get_user(seeded.project, "investigator")
    out = tmp_path / "all.jsonl"
    result = write_output(seeded, "jsonl", out, user=user, include=True)
    text = decoded(out, "jsonl")
    assert set(leaks(text)) >= {"Khalil Haddad", "Hajin Relief Committee", "Jindires"}
    assert result.withheld == 0
    reads = restricted_reads(seeded.project)
    assert len(reads) == before + 1
    assert reads[-1]["reader"] == "user:investigator"
    assert incident_subject(seeded.jindires) in reads[-1]["subjects"]


def test_a_viewer_may_not_ask_for_restricted_data(seeded: Seeded, tmp_path: Path) -> None:
    from factfinder.errors import PermissionDenied
    from factfinder.services.access.queries import get_user

    with pytest.raises(PermissionDenied, match="viewer role may not see restricted data"):
        write_output(
            seeded, "csv", tmp_path / "x.csv", user=get_user(seeded.project, "viewer"), include=True
        )


# -- the API, the pages and search ----------------------------------------------------------


def _app(seeded: Seeded) -> FastAPI:
    from factfinder.web.app import create_app
    from factfinder.web.settings import WebSettings

    return create_app(WebSettings(project_dir=seeded.root / "project"))


@pytest.fixture(scope="module")
def app(seeded: Seeded) -> Iterator[FastAPI]:
    application = _app(seeded)
    yield application
    application.state.project.close()


def _urls(seeded: Seeded) -> list[str]:
    claim_ids = sorted(seeded.claims.values())
    item_refs = sorted(seeded.hashes.values())
    return [
        "/api/v1/claims",
        *[f"/api/v1/claims/{c}" for c in claim_ids],
        "/api/v1/items",
        *[f"/api/v1/items/{h}" for h in item_refs],
        "/api/v1/incidents",
        f"/api/v1/incidents/{seeded.hajin}",
        f"/api/v1/incidents/{seeded.jindires}",
        f"/api/v1/incidents/{seeded.manbij}",
        "/api/v1/incidents/geojson",
        "/api/v1/incidents/timeline",
        "/api/v1/dashboard",
        *[f"/api/v1/items?q={q}" for q in ("Haddad", "Qassem", "informant", "Jindires", "Hajin")],
        *[f"/api/v1/incidents?q={q}" for q in ("Haddad", "Nouri", "Jindires", "Committee")],
        "/",
        "/items",
        *[f"/items/{h}" for h in item_refs],
        *[f"/claims/{c}" for c in claim_ids],
        "/incidents",
        f"/incidents/{seeded.hajin}",
        f"/incidents/{seeded.jindires}",
        f"/incidents/{seeded.manbij}",
        "/search?q=Haddad",
        "/search?q=Samira",
        "/timeline",
    ]


def test_a_viewer_reads_no_restricted_string_anywhere(seeded: Seeded, app: FastAPI) -> None:
    viewer = sign_in(app, "viewer")
    seen = []
    for url in _urls(seeded):
        r = viewer.client.get(url)
        assert r.status_code in (200, 404), (url, r.status_code)
        body = json.dumps(r.json(), ensure_ascii=False) if "/api/" in url else r.text
        assert leaks(body) == [], url
        seen.append((url, r.status_code, body))
    status = {u: s for u, s, _ in seen}
    # Absent, not merely emptied: the sealed incident, the informant's item and claim, and
    # the claims of the sealed incident.
    assert status[f"/api/v1/incidents/{seeded.jindires}"] == 404
    assert status[f"/api/v1/incidents/{seeded.manbij}"] == 404
    assert status[f"/incidents/{seeded.manbij}"] == 404
    assert status[f"/api/v1/claims/{seeded.claims['afrin-004']}"] == 404
    assert status[f"/api/v1/claims/{seeded.claims['secret-informant-007']}"] == 404
    assert status[f"/api/v1/items/{seeded.hashes['secret-informant-007']}"] == 404
    assert viewer.client.get("/api/v1/items/secret-informant-007").status_code == 404
    # What may be seen is there, its names cut.
    claim = viewer.client.get(f"/api/v1/claims/{seeded.claims['wire-001']}").json()
    assert any("[restricted]" in s and "Hajin" in s for s in claim["sentences"])
    assert claim["claim"]["claimant"]["name"] is None
    assert "claimant.name" in claim["restricted_fields"]
    # Counts and searches count only what may be seen.
    incidents = viewer.client.get("/api/v1/incidents").json()
    assert [i["id"] for i in incidents["data"]] == [seeded.hajin] and incidents["count"] == 1
    assert viewer.client.get("/api/v1/items?q=Haddad").json()["count"] == 0
    hajin_items = viewer.client.get("/api/v1/items?q=Hajin").json()["data"]
    assert seeded.hashes["wire-001"] in {i["hash"] for i in hajin_items}  # a word, not a name
    assert viewer.client.get("/api/v1/incidents?q=Haddad").json()["count"] == 0
    figures = viewer.client.get("/api/v1/dashboard").json()
    # seven items (the batch file and its six documents): two restricted, one that only tells
    # the sealed incident; six claims: those three items' claims hidden
    assert (figures["incidents"], figures["items"], figures["claims"]) == (1, 4, 3)
    # The Hajin incident is told by the claims that may be seen: the informant's 13 is gone.
    hajin = viewer.client.get(f"/api/v1/incidents/{seeded.hajin}").json()
    shown = {m["claim_id"] for m in hajin["members"]}
    assert seeded.claims["secret-informant-007"] not in shown
    assert hajin["incident"]["members"] == len(shown)


def test_an_analyst_reads_restricted_data_and_the_read_is_ledgered(
    seeded: Seeded, app: FastAPI
) -> None:
    from factfinder.services.access.queries import restricted_reads

    before = len(restricted_reads(seeded.project))
    analyst = sign_in(app, "analyst")
    claim = analyst.client.get(f"/api/v1/claims/{seeded.claims['wire-001']}").json()
    assert "Khalil Haddad" in " ".join(claim["sentences"])
    reads = restricted_reads(seeded.project)
    assert len(reads) == before + 1
    assert reads[-1]["reader"] == "user:analyst"
    assert reads[-1]["subjects"] == [
        claim_subject(seeded.claims["wire-001"]),
        item_subject(seeded.hashes["wire-001"]),
    ]
    assert analyst.client.get(f"/api/v1/incidents/{seeded.jindires}").status_code == 200


# -- marks and releases ---------------------------------------------------------------------


def test_an_unknown_restriction_field_is_refused(seeded: Seeded, app: FastAPI) -> None:
    from typer.testing import CliRunner

    from factfinder.cli import build_app

    ran = CliRunner().invoke(
        build_app(),
        [
            "restrict",
            "add",
            "claim:1",
            "--field",
            "witness",
            "--reason",
            "x",
            "-p",
            str(seeded.root / "project"),
        ],
    )
    assert ran.exit_code == 1
    assert "unknown field 'witness' of claim: its fields are claimant.name" in ran.output
    from factfinder.services.access.commands import restrict

    with pytest.raises(InvalidRecord, match=r"unknown field 'claimant\.nme' of claim"):
        restrict(seeded.project, claim_subject(1), "claimant.nme", reason="typo")
    investigator = sign_in(app, "investigator")
    r = investigator.client.post(
        "/api/v1/restrictions",
        json={"subject": item_subject(seeded.hashes["wire-001"]), "field": "body", "reason": "x"},
        headers={"X-CSRF-Token": investigator.csrf},
    )
    assert r.status_code == 400 and "unknown field 'body' of item" in r.text


def test_a_released_name_is_shown_and_others_stay_cut(fresh: Seeded) -> None:
    from typer.testing import CliRunner

    from factfinder.cli import build_app

    seeded = fresh
    app = _app(fresh)
    viewer, investigator = sign_in(app, "viewer"), sign_in(app, "investigator")
    runner = CliRunner()
    listed = runner.invoke(
        build_app(),
        ["restrict", "names", "wire-001", "-p", str(seeded.project.root), "--json"],
    )
    assert listed.exit_code == 0, listed.output
    names = json.loads(listed.stdout)["names"]
    assert [n["name"] for n in names] == ["Khalil Haddad", "Mahmoud Qassem", "Samira Nouri"]
    assert not any(n["released"] for n in names)
    # The viewer may not release; an investigator releases through the API with a reason.
    body = {
        "subject": item_subject(seeded.hashes["wire-001"]),
        "name": "Samira Nouri",
        "reason": "she spoke on the record and asked to be named",
    }
    assert (
        viewer.client.post(
            "/api/v1/releases", json=body, headers={"X-CSRF-Token": viewer.csrf}
        ).status_code
        == 403
    )
    r = investigator.client.post(
        "/api/v1/releases", json=body, headers={"X-CSRF-Token": investigator.csrf}
    )
    assert r.status_code == 201, r.text
    claim = viewer.client.get(f"/api/v1/claims/{seeded.claims['wire-001']}").json()
    text = " ".join(claim["sentences"])
    assert "Samira Nouri" in text and "Khalil Haddad" not in text
    # and through the command line, ledgered
    done = runner.invoke(
        build_app(),
        [
            "restrict",
            "release",
            "wire-001",
            "Mahmoud Qassem",
            "--reason",
            "public figure",
            "-p",
            str(seeded.project.root),
        ],
    )
    assert done.exit_code == 0, done.output
    with seeded.project.read() as conn:
        kinds = list(
            conn.execute(select(ledger.c.kind).where(ledger.c.kind == "restrict.release")).scalars()
        )
    assert len(kinds) == 2
    # Released names are shown again; the rest stays restricted.
    item = viewer.client.get(f"/api/v1/items/{seeded.hashes['wire-001']}").json()
    assert "Mahmoud Qassem" in item["text"] and "Samira Nouri" in item["text"]
    assert "Khalil Haddad" not in item["text"] and "said [restricted]" in item["text"]
    app.state.project.close()
