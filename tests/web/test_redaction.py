"""Restricted stays restricted in every output: one seeded project with a witness named in a
sentence (three phrasings, and an Arabic title), a claimant whose name is marked, an incident
restricted as a whole and an item restricted as a whole with an external id; then each output
— the exports, reports and evidence package, the API, the pages and search — is decoded
(JSON and CSV parsed, PDFs through `pdftotext`, zip members read) and searched for every
restricted string."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import re
import shutil
import subprocess
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from sqlalchemy import select
from web_helpers import PASSWORD, ROLES, sign_in

from factfinder.errors import InvalidRecord
from factfinder.services import Project
from factfinder.store.schema import item_metadata, items, ledger
from factfinder.subjects import claim_subject, incident_subject, item_subject

if TYPE_CHECKING:
    from fastapi import FastAPI

WITNESSES = ("Khalil Haddad", "Mahmoud Qassem", "Samira Nouri", "أحمد محمد العلي")
DOCS = [
    {
        "id": "wire-001",
        "title": "Coalition strike kills civilians in Hajin",
        "published": "2018-11-04",
        "publisher": "Example Wire",
        "text": "Coalition strike kills civilians in Hajin\n\nHAJIN, Nov 4 - A US-led coalition "
        "airstrike on the town of Hajin in Deir ez-Zor province killed 12 civilians on Friday, "
        "said resident Khalil Haddad. Mahmoud Qassem, a resident, said the strike hit the "
        "market. A witness, Samira Nouri, told reporters that five children were among the dead.",
    },
    {
        "id": "relief-002",
        "title": "Committee counts the dead of Hajin",
        "published": "2018-11-05",
        "publisher": "Example Daily",
        "text": "Committee counts the dead of Hajin\n\nThe Hajin Relief Committee said on Sunday "
        "that the US-led coalition airstrike on Hajin in Deir ez-Zor province on 2 November "
        "2018 killed 14 civilians.",
    },
    {
        "id": "secret-informant-007",
        "title": "Informant note on Hajin",
        "published": "2018-11-05",
        "publisher": "Private note",
        "text": "Informant note on Hajin\n\nAn informant, Omar Zaki, said the coalition airstrike "
        "on Hajin in Deir ez-Zor province on 2 November 2018 killed 13 civilians.",
    },
    {
        "id": "afrin-004",
        "title": "Drone strike in Jindires",
        "published": "2018-03-11",
        "publisher": "North Press",
        "text": "Drone strike in Jindires\n\nAFRIN, March 11 - A Turkish drone strike on the "
        "village of Jindires in Afrin killed four civilians on 10 March 2018, the Jindires "
        "Health Office said.",
    },
    {
        "id": "secret-source-008",
        "title": "Source report",
        "published": "2017-06-21",
        "publisher": "Private note",
        "text": "Source report\n\nA source said artillery shelling of Manbij in Aleppo province "
        "on 20 June 2017 killed seven civilians.",
    },
    {
        "id": "ar-005",
        "title": "قصف على هجين",
        "published": "2018-11-03",
        "publisher": "شبكة محلية",
        "text": "قصف على هجين\n\nقال الشاهد أحمد محمد العلي إن طائرات التحالف قصفت السوق في "
        "مدينة هجين بريف دير الزور أمس ما أدى إلى مقتل 12 مدنيا.",
    },
]
# What no reader without access to restricted data may find in any output.
SECRETS = (
    *WITNESSES,
    "Hajin Relief Committee",  # a claimant whose name is marked
    "secret-informant-007",  # the external id of an item restricted as a whole
    "Informant note",  # its title
    "Omar Zaki",  # a name in its text
    "Jindires",  # the place of an incident restricted as a whole
    "Manbij",  # the place of an incident told only by a restricted item
    "secret-source-008",  # that item's external id
)


def leaks(text: str) -> list[str]:
    """The restricted strings `text` holds, whatever its case, spacing or punctuation between
    words ("src:resident khalil haddad" holds "Khalil Haddad")."""
    found = []
    for secret in SECRETS:
        words = re.findall(r"\w+", secret)
        if re.search(r"[\W_]+".join(re.escape(w) for w in words), text, re.IGNORECASE):
            found.append(secret)
    return found


@dataclass
class Seeded:
    root: Path
    project: Project
    case_id: int
    hajin: str
    jindires: str
    manbij: str
    claims: dict[str, int]  # document id → claim id
    hashes: dict[str, str]  # document id → item hash


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeded project, closed (tests that change it work on a copy, `fresh`)."""
    root = tmp_path_factory.mktemp("redaction")
    with _seed(root) as found:
        (root / "ids.json").write_text(
            json.dumps(
                {
                    "case_id": found.case_id,
                    "hajin": found.hajin,
                    "jindires": found.jindires,
                    "manbij": found.manbij,
                    "claims": found.claims,
                    "hashes": found.hashes,
                }
            )
        )
    return root


def _open(root: Path) -> Seeded:
    ids = json.loads((root / "ids.json").read_text())
    return Seeded(
        root,
        Project.open(root / "project"),
        ids["case_id"],
        ids["hajin"],
        ids["jindires"],
        ids["manbij"],
        ids["claims"],
        ids["hashes"],
    )


@pytest.fixture(scope="module")
def seeded(template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Seeded]:
    """A copy of the seeded project that the tests only read (reads of restricted data add
    their ledger entries)."""
    root = tmp_path_factory.mktemp("redaction-read")
    shutil.copytree(template, root, dirs_exist_ok=True)
    found = _open(root)
    try:
        yield found
    finally:
        found.project.close()


@pytest.fixture
def fresh(template: Path, tmp_path: Path) -> Iterator[Seeded]:
    """A copy of the seeded project of the test's own."""
    shutil.copytree(template, tmp_path, dirs_exist_ok=True)
    found = _open(tmp_path)
    try:
        yield found
    finally:
        found.project.close()


@contextlib.contextmanager
def _seed(root: Path) -> Iterator[Seeded]:
    from factfinder.services.access.commands import add_user, restrict
    from factfinder.services.cases.commands import add_incidents, add_note, create_case
    from factfinder.services.claims.extraction import extract_items
    from factfinder.services.claims.queries import reviewed_claims
    from factfinder.services.incidents.commands import link_project
    from factfinder.services.incidents.queries import (
        current_members,
        existing_incidents,
        get_incident,
    )
    from factfinder.services.preserve.ingest import ingest

    docs = root / "docs.jsonl"
    docs.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in DOCS))
    project = Project.init(root / "project")
    try:
        for role in ROLES:
            add_user(project, role, PASSWORD, role, actor="test:setup")
        ingest(project, [str(docs)], actor="test:setup")
        extract_items(project, actor="test:setup")
        link_project(project, actor="test:setup")
        found = reviewed_claims(project)
        with project.read() as conn:
            ids = {
                r.hash: r.external_id
                for r in conn.execute(
                    items.join(item_metadata, item_metadata.c.item_id == items.c.id).select()
                )
            }
        claims = {ids[c.item_hash]: c.id for c in found}
        hashes = {ids[c.item_hash]: c.item_hash for c in found}
        assert set(claims) == {d["id"] for d in DOCS}
        with project.read() as conn:
            incident_of = current_members(conn)
        hajin, jindires = incident_of[claims["wire-001"]], incident_of[claims["afrin-004"]]
        manbij = incident_of[claims["secret-source-008"]]
        assert len({hajin, jindires, manbij}) == 3
        assert incident_of[claims["secret-informant-007"]] == hajin
        restrict(
            project,
            claim_subject(claims["relief-002"]),
            "claimant.name",
            reason="protect the source",
            actor="test:setup",
        )
        restrict(
            project,
            item_subject(hashes["secret-informant-007"]),
            reason="informant",
            actor="test:setup",
        )
        restrict(
            project,
            item_subject(hashes["secret-source-008"]),
            reason="a source in danger",
            actor="test:setup",
        )
        restrict(project, incident_subject(jindires), reason="under seal", actor="test:setup")
        case = create_case(project, "Deir ez-Zor, 2018", actor="test:setup")
        add_incidents(project, case.id, sorted({hajin, jindires, manbij}), check=existing_incidents)
        add_note(project, case.id, "Ask the Jindires office for its list", incident=jindires)
        add_note(project, case.id, "Call Khalil Haddad again on Monday", restricted=True)
        add_note(project, case.id, "Compare the Hajin figures", incident=hajin)
        assert get_incident(project, hajin).summary.members >= 3
        yield Seeded(root, project, case.id, hajin, jindires, manbij, claims, hashes)
    finally:
        project.close()


# -- exports, reports and packages ----------------------------------------------------------

FORMATS = ("jsonl", "csv", "geojson", "ged", "package", "html", "pdf")


def _decoded(path: Path, fmt: str) -> str:
    """The text of an output as a reader gets it: parsed JSON and CSV, `pdftotext` of a PDF,
    every member of a zip."""
    if fmt == "pdf":
        if shutil.which("pdftotext") is None:
            pytest.skip("poppler-utils (pdftotext) is not installed")
        return subprocess.run(
            ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
        ).stdout
    if fmt == "package":
        parts = []
        with zipfile.ZipFile(path) as z:
            for name in z.namelist():
                parts.append(name)
                parts.append(z.read(name).decode("utf-8", errors="replace"))
        return "\n".join(parts)
    raw = path.read_text(encoding="utf-8")
    if fmt == "jsonl":
        return "\n".join(
            json.dumps(json.loads(line), ensure_ascii=False) for line in raw.splitlines()
        )
    if fmt == "geojson":
        return json.dumps(json.loads(raw), ensure_ascii=False)
    if fmt in ("csv", "ged"):
        return "\n".join(" ".join(row) for row in csv.reader(io.StringIO(raw)))
    return raw


def _write(seeded: Seeded, fmt: str, out: Path, *, user: Any = None, include: bool = False) -> Any:
    from factfinder.services.cases.files import write_export, write_package, write_report

    kw = {"include_restricted": include, "user": user}
    if fmt in ("html", "pdf"):
        return write_report(seeded.project, seeded.case_id, fmt=fmt, output=out, **kw)
    if fmt == "package":
        return write_package(seeded.project, seeded.case_id, output=out, zip_output=True, **kw)
    return write_export(seeded.project, fmt=fmt, output=out, case=seeded.case_id, **kw)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("role", [None, "viewer", "investigator"])
def test_outputs_made_without_restricted_data_hold_none(
    seeded: Seeded, tmp_path: Path, fmt: str, role: str | None
) -> None:
    from factfinder.services.access.queries import get_user

    user = get_user(seeded.project, role) if role else None
    out = tmp_path / f"case.{fmt}"
    result = _write(seeded, fmt, out, user=user)
    written = out if out.exists() else next(tmp_path.glob("case*"))
    text = _decoded(written, fmt)
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
    result = _write(seeded, "jsonl", out, user=user, include=True)
    text = _decoded(out, "jsonl")
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
        _write(
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
