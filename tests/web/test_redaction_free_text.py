"""Restricted stays restricted in what users write too: comments on items, claims and
incidents, case notes, the reason of a claim's correction and of a grade override. The
personal names written there (found by the same person-name finder, with its cues) are cut
from every output as the names of quoted sentences are; each output is decoded and searched
for every restricted string. Reads of restricted data at the command line
(`--include-restricted`) are ledgered with the command and the operator."""

from __future__ import annotations

import getpass
import json
import shutil
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from redaction_seed import (
    FORMATS,
    SECRETS,
    Seeded,
    decoded,
    open_seeded,
    seed_template,
    write_output,
)
from redaction_seed import leaks as seeded_leaks
from web_helpers import sign_in

from factfinder.subjects import claim_subject, incident_subject, item_subject

if TYPE_CHECKING:
    from fastapi import FastAPI

# Names users wrote, each with a word for a person (as the finder reads them in reports).
WRITTEN = (
    "Yusuf Karim",  # an item comment
    "Nadia Fares",  # a claim comment
    "Tarek Mansour",  # an incident comment
    "Layla Hamdan",  # a note on an incident of the case
    "Bassam Youssef",  # a note on the case
    "Rami Saleh",  # the reason of an analyst's correction
    "Huda Faris",  # the reason of a grade override
)
ITEM_COMMENT = "Spoke again to resident Yusuf Karim, who saw the market hit."
CLAIM_COMMENT = "The witness, Nadia Fares, disputes the count; Khalil Haddad agreed."
INCIDENT_COMMENT = "Her brother Tarek Mansour was among the dead."
INCIDENT_NOTE = "Ask the teacher Layla Hamdan for the list of the dead"
CASE_NOTE = "Call resident Bassam Youssef on Monday"
CORRECTION = "The figure is the one the driver Rami Saleh gave"
OVERRIDE = "The nurse Huda Faris counted the dead at the hospital"


def leaks(text: str) -> list[str]:
    """The restricted strings of the seeded record and the names users wrote that `text`
    holds."""
    found = seeded_leaks(text)
    words = [w for w in WRITTEN if w.casefold() in " ".join(text.split()).casefold()]
    return found + words


def _annotate(found: Seeded) -> None:
    from factfinder.services.access.commands import add_comment
    from factfinder.services.cases.commands import add_note
    from factfinder.services.claims.review import decide
    from factfinder.services.incidents.commands import grade

    p = found.project
    add_comment(p, item_subject(found.hashes["wire-001"]), ITEM_COMMENT, actor="user:analyst")
    add_comment(p, claim_subject(found.claims["wire-001"]), CLAIM_COMMENT, actor="user:analyst")
    add_comment(p, incident_subject(found.hajin), INCIDENT_COMMENT, actor="user:analyst")
    add_note(p, found.case_id, INCIDENT_NOTE, incident=found.hajin, actor="user:analyst")
    add_note(p, found.case_id, CASE_NOTE, actor="user:analyst")
    decide(
        p,
        found.claims["wire-001"],
        "correct",
        corrections={"killed.total": {"min": 12, "max": 12, "text": "12"}},
        reason=CORRECTION,
        actor="user:analyst",
    )
    grade(p, found.hajin, "fair", reason=OVERRIDE, actor="user:investigator")


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = seed_template(tmp_path_factory.mktemp("free-text"))
    found = open_seeded(root)
    try:
        _annotate(found)
    finally:
        found.project.close()
    return root


@pytest.fixture(scope="module")
def seeded(template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Seeded]:
    root = tmp_path_factory.mktemp("free-text-read")
    shutil.copytree(template, root, dirs_exist_ok=True)
    found = open_seeded(root)
    try:
        yield found
    finally:
        found.project.close()


def test_the_seeded_record_holds_what_users_wrote(seeded: Seeded) -> None:
    from factfinder.services.incidents.queries import get_incident

    hajin = get_incident(seeded.project, seeded.hajin)
    assert hajin.incident.extra["grading"]["override"]["reason"] == OVERRIDE
    assert any(d["payload"].get("reason") == OVERRIDE for d in hajin.decisions)


# -- case files ------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_case_files_hold_no_name_users_wrote(seeded: Seeded, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"case.{fmt}"
    write_output(seeded, fmt, out)
    text = decoded(out, fmt)
    assert leaks(text) == []
    if fmt in ("html", "jsonl"):
        # The notes stay, their names cut.
        assert "Ask the teacher [restricted] for the list of the dead" in text
    if fmt == "html":
        assert "Call resident [restricted] on Monday" in text


def test_every_member_of_the_package_holds_no_restricted_string(
    seeded: Seeded, tmp_path: Path
) -> None:
    out = tmp_path / "package"
    write_output(seeded, "package", out.with_suffix(".zip"))
    with zipfile.ZipFile(out.with_suffix(".zip")) as z:
        names = z.namelist()
        for name in names:
            assert leaks(name) == [], name
            assert leaks(z.read(name).decode("utf-8", errors="replace")) == [], name
        proofs = [n for n in names if "/factfinder/proofs/" in n]
        entries = [json.loads(json.loads(z.read(n))["entry"]) for n in proofs]
    # The ledger entries the package copies that hold what may not go out stay out (a proof
    # hashes the entry's text: it cannot be cut); the others are proven.
    kinds = {e["kind"] for e in entries}
    assert {"case.create", "case.add"} <= kinds
    assert not {"claim.correct", "incident.grade"} & kinds
    notes = [e["payload"]["text"] for e in entries if e["kind"] == "case.note"]
    assert notes == ["Compare the Hajin figures"]


def test_every_file_of_the_package_directory_holds_no_restricted_string(
    seeded: Seeded, tmp_path: Path
) -> None:
    from factfinder.services.cases.files import write_package

    out = tmp_path / "bag"
    write_package(seeded.project, seeded.case_id, output=out, zip_output=False)
    files = sorted(f for f in out.rglob("*") if f.is_file())
    assert any(f.name == "incidents.jsonl" for f in files)
    for f in files:
        assert leaks(str(f.relative_to(out))) == [], f
        assert leaks(f.read_bytes().decode("utf-8", errors="replace")) == [], f


def test_a_privileged_package_holds_the_names(seeded: Seeded, tmp_path: Path) -> None:
    out = tmp_path / "all.jsonl"
    write_output(seeded, "jsonl", out, include=True)
    text = decoded(out, "jsonl")
    assert {"Layla Hamdan", "Khalil Haddad"} <= set(leaks(text))


# -- the command line ------------------------------------------------------------------------


def _cli(*args: str) -> Any:
    from typer.testing import CliRunner

    from factfinder.cli import build_app

    return CliRunner().invoke(build_app(), list(args))


def test_case_show_cuts_names_and_leaves_out_sealed_notes(seeded: Seeded) -> None:
    from factfinder.services.access.queries import restricted_reads

    before = len(restricted_reads(seeded.project))
    root = str(seeded.project.root)
    for extra in ([], ["--json"]):
        shown = _cli("case", "show", str(seeded.case_id), "-p", root, *extra)
        assert shown.exit_code == 0, shown.output
        assert leaks(shown.stdout) == [], extra
        assert "Compare the Hajin figures" in shown.stdout
    notes = json.loads(_cli("case", "show", str(seeded.case_id), "-p", root, "--json").stdout)
    texts = [n["text"] for n in notes["notes"]]
    assert "Ask the teacher [restricted] for the list of the dead" in texts
    assert len(restricted_reads(seeded.project)) == before  # nothing restricted was read


def _reads_since(seeded: Seeded, before: int) -> list[dict[str, Any]]:
    from factfinder.services.access.queries import restricted_reads

    return restricted_reads(seeded.project)[before:]


@pytest.mark.parametrize(
    ("args", "purpose"),
    [
        (["case", "show", "{case}"], "case show {case}"),
        (["export", "-f", "jsonl", "-o", "{out}/x.jsonl", "--case", "{case}"], "export jsonl"),
        (["export", "-f", "csv", "-o", "{out}/x.csv"], "export csv"),
        (["export", "-f", "package", "-o", "{out}/p.zip", "--case", "{case}"], "export package"),
        (["report", "{case}", "-o", "{out}/r.html"], "report html"),
    ],
)
def test_a_read_with_include_restricted_is_ledgered_with_command_and_operator(
    seeded: Seeded, tmp_path: Path, args: list[str], purpose: str
) -> None:
    from factfinder.services.access.queries import restricted_reads

    case = str(seeded.case_id)
    (tmp_path / "plain").mkdir()
    (tmp_path / "all").mkdir()
    root = str(seeded.project.root)
    before = len(restricted_reads(seeded.project))
    plain = _cli(*[a.format(case=case, out=tmp_path / "plain") for a in args], "-p", root)
    assert plain.exit_code == 0, plain.output
    assert _reads_since(seeded, before) == []  # without the flag: redacted, not logged
    argv = [a.format(case=case, out=tmp_path / "all") for a in args]
    ran = _cli(*argv, "-p", root, "--include-restricted")
    assert ran.exit_code == 0, ran.output
    reads = _reads_since(seeded, before)
    assert len(reads) == 1
    assert reads[0]["reader"] == f"cli:{getpass.getuser()}"
    assert reads[0]["purpose"].startswith(purpose.format(case=case))
    assert incident_subject(seeded.jindires) in reads[0]["subjects"] or argv[0] == "case"
    if argv[0] == "case":
        assert "Call Khalil Haddad again on Monday" in ran.stdout
        assert "Layla Hamdan" in ran.stdout


# -- the API and the pages -------------------------------------------------------------------


@pytest.fixture(scope="module")
def app(seeded: Seeded) -> Iterator[FastAPI]:
    from factfinder.web.app import create_app
    from factfinder.web.settings import WebSettings

    application = create_app(WebSettings(project_dir=seeded.root / "project"))
    yield application
    application.state.project.close()


def _subjects(seeded: Seeded) -> list[str]:
    return [
        item_subject(seeded.hashes["wire-001"]),
        claim_subject(seeded.claims["wire-001"]),
        incident_subject(seeded.hajin),
    ]


def test_a_viewer_reads_no_name_users_wrote(seeded: Seeded, app: FastAPI) -> None:
    viewer = sign_in(app, "viewer")
    urls = [
        *[f"/api/v1/comments/{s}" for s in _subjects(seeded)],
        f"/api/v1/items/{seeded.hashes['wire-001']}",
        f"/api/v1/claims/{seeded.claims['wire-001']}",
        f"/api/v1/incidents/{seeded.hajin}",
        "/api/v1/incidents",
        "/api/v1/incidents/geojson",
        f"/items/{seeded.hashes['wire-001']}",
        f"/claims/{seeded.claims['wire-001']}",
        f"/incidents/{seeded.hajin}",
        "/incidents",
        "/map",
        "/timeline",
    ]
    for url in urls:
        r = viewer.client.get(url)
        assert r.status_code == 200, (url, r.status_code)
        body = json.dumps(r.json(), ensure_ascii=False) if "/api/" in url else r.text
        assert leaks(body) == [], url
    # The review queue is the reviewers' (roles that read restricted data): a viewer gets
    # nothing of it.
    for url in ("/review", "/api/v1/claims/queue"):
        r = viewer.client.get(url)
        assert r.status_code == 403 and leaks(r.text) == [], url
    # What users wrote is there, its names cut.
    item, claim, _ = _subjects(seeded)
    said = viewer.client.get(f"/api/v1/comments/{item}").json()["data"]
    assert [c["body"] for c in said] == [
        "Spoke again to resident [restricted], who saw the market hit."
    ]
    # A name of the claim's source is cut from its comments too, cue or none.
    said = viewer.client.get(f"/api/v1/comments/{claim}").json()["data"]
    assert [c["body"] for c in said] == [
        "The witness, [restricted], disputes the count; [restricted] agreed."
    ]
    incident = viewer.client.get(f"/api/v1/incidents/{seeded.hajin}").json()
    override = incident["explanation"]["grading"]["override"]
    assert override["reason"] == "The nurse [restricted] counted the dead at the hospital"
    # The comment's ledger entry on the item: its payload held back, the entry listed.
    detail = viewer.client.get(f"/api/v1/items/{seeded.hashes['wire-001']}").json()
    added = [e for e in detail["ledger"] if e["kind"] == "comment.add"]
    assert len(added) == 1 and added[0]["payload"] is None


def test_a_reviewer_reads_the_names_and_the_read_is_ledgered(seeded: Seeded, app: FastAPI) -> None:
    from factfinder.services.access.queries import restricted_reads

    analyst = sign_in(app, "analyst")
    for url in ("/review", "/api/v1/claims/queue", f"/incidents/{seeded.hajin}"):
        assert analyst.client.get(url).status_code == 200, url
    before = len(restricted_reads(seeded.project))
    subject = incident_subject(seeded.hajin)
    r = analyst.client.get(f"/api/v1/comments/{subject}")
    assert r.json()["data"][0]["body"] == INCIDENT_COMMENT
    reads = _reads_since(seeded, before)
    assert len(reads) == 1 and reads[0]["reader"] == "user:analyst"
    assert subject in reads[0]["subjects"]


def test_the_secrets_of_the_seeded_record_are_still_searched() -> None:
    # The seeded record's own restricted strings are part of every check above.
    assert "Khalil Haddad" in SECRETS and leaks("said resident khalil haddad") == ["Khalil Haddad"]
