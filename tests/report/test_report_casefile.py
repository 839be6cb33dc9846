"""The seed case end to end: ingest the seed documents, extract, link (the project workflow of
each area), make a case, and build its report (PDF and HTML), exports and evidence package from
a signed checkpoint."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pytest

from factfinder.report.ged import COLUMNS
from factfinder.report.package import verify_package
from factfinder.services import Project
from factfinder.services.cases.commands import add_incidents, add_note, create_case
from factfinder.services.cases.files import (
    ExportResult,
    build_case_file,
    write_export,
    write_package,
    write_report,
)
from factfinder.services.incidents.queries import existing_incidents
from factfinder.subjects import case_subject
from factfinder.vault import ledger as ledger_rows

sys.path.insert(0, str(Path(__file__).resolve().parent))
from report_helpers import SEEDS

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts" / "report"
EXTRA_DOC = {
    "id": "later-001",
    "title": "Activists report coalition strike on Hajin",
    "published": "2018-11-04",
    "publisher": "Example Wire",
    "text": "Activists report coalition strike on Hajin\n\nBEIRUT, Nov 4 - The Syrian Observatory "
    "for Human Rights said on Sunday that US-led coalition airstrikes on the town of "
    "Hajin in Deir ez-Zor province killed at least 30 civilians on Friday, including "
    "16 children.",
}


@dataclass
class SeedCase:
    project: Project
    case_id: int
    pdf: ExportResult
    html: ExportResult
    work: Path


@pytest.fixture(scope="session")
def seed_case(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SeedCase]:
    """Ingest `samples/seeds/docs.jsonl`, extract, link; a case holding every incident; its
    PDF and HTML report at the checkpoint after that (rendered once for the session)."""
    from factfinder.services.claims.extraction import extract_items
    from factfinder.services.incidents.commands import link_project
    from factfinder.services.preserve.ingest import ingest

    work = tmp_path_factory.mktemp("seed_case")
    project = Project.init(work / "project")
    try:
        summary = ingest(project, [str(SEEDS / "docs.jsonl")], actor="test:ingest")
        assert not summary.failures
        extracted = extract_items(project, actor="test:extract")
        assert extracted.claims == 5
        linked = link_project(project, actor="test:link")
        assert linked.claims == 5
        case = create_case(
            project,
            "Raqqah and Hajin, November 2018",
            description="Allegations in the Syrian letters to the UN of 3 November 2018",
            actor="cli:analyst",
        )
        check = existing_incidents
        with project.read() as conn:
            incidents = sorted(check(conn, [f"inc-{n:06d}" for n in range(1, 20)]))
        assert len(incidents) == linked.incidents
        add_incidents(project, case.id, incidents, check=check)
        add_note(
            project,
            case.id,
            "Ask the Observatory for its Hajin list",
            incident=incidents[-1],
            actor="cli:analyst",
        )
        add_note(project, case.id, "Contact: a witness in Hajin, phone withheld", restricted=True)
        pdf = write_report(project, case.id, fmt="pdf", output=work / "case.pdf")
        html = write_report(
            project, case.id, fmt="html", output=work / "case.html", at=pdf.checkpoint_id
        )
        yield SeedCase(project, case.id, pdf, html, work)
    finally:
        project.close()


def test_the_pdf_report_holds_the_figures_and_the_source_hashes(seed_case: SeedCase) -> None:
    if shutil.which("pdftotext") is None or shutil.which("pdftoppm") is None:
        pytest.skip("poppler-utils (pdftotext, pdftoppm) is not installed")
    pdf = seed_case.pdf.path
    assert pdf.read_bytes().startswith(b"%PDF-")
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    flat = " ".join(text.split())
    cf = build_case_file(seed_case.project, seed_case.case_id, at=seed_case.pdf.checkpoint_id)
    figures = {
        e.figure("killed", k).text for e in cf.incidents for k in ("total", "civilians", "children")
    } - {"no figure"}
    # The seed letters' figures, whatever the linker made of the three mass graves: every one
    # rests on the Syrian government's letters alone, and says so.
    alleged = " (alleged by Syrian government)"
    assert {"at least 26" + alleged, "14" + alleged} <= figures
    assert any("4,001" in f for f in figures)
    assert all(f.endswith(alleged) for f in figures)
    assert "established" not in flat
    for figure in sorted(figures):
        assert figure in flat, figure
    with seed_case.project.read() as conn:
        from sqlalchemy import select

        from factfinder.store.schema import item_metadata, items

        hashes = list(
            conn.execute(
                select(items.c.hash)
                .join(item_metadata, item_metadata.c.item_id == items.c.id)
                .where(item_metadata.c.external_id.is_not(None))
            ).scalars()
        )
    assert len(hashes) == 2
    squeezed = flat.replace(" ", "")
    for h in hashes:
        assert h in squeezed, h  # a hash may wrap across lines in the table
    assert "Syrian Ministry of Foreign Affairs and Expatriates" in flat
    assert f"size {seed_case.pdf.checkpoint_size}" in flat
    assert "Contact: a witness" not in flat  # a restricted note stays out
    # Page images for people to look at (artifacts/ is not committed).
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        ["pdftoppm", "-r", "80", "-png", str(pdf), str(ARTIFACTS / "seed-case")], check=True
    )
    pages = sorted(ARTIFACTS.glob("seed-case-*.png"))
    assert pages and pages[0].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def _summary_text(html: str) -> str:
    import html as html_module
    import re

    start = html.index('<section id="summary">')
    part = html[start : html.index("</section>", start)]
    return " ".join(html_module.unescape(re.sub(r"<[^>]+>", " ", part)).split())


def test_the_seed_summary_says_who_alleges_and_counts_undated_incidents_apart(
    seed_case: SeedCase,
) -> None:
    html = seed_case.html.path.read_text(encoding="utf-8")
    summary = _summary_text(html)
    # Every figure rests on the Syrian government's letters: alleged, never established.
    assert "established" not in html
    assert "Killed, at least 8,028 alleged by Syrian government in 4 incidents" in summary
    assert "(of whom 8,028 civilians)" in summary and "no figure for 1 incident" in summary
    # Two incidents carry the letters' date; three say no date of their own.
    assert "Incidents 5: 2 dated (on 2018-11-02), 3 undated" in summary
    assert "5 of 5 incidents rest only on sources that are parties to the conflict" in summary
    cf = build_case_file(seed_case.project, seed_case.case_id, at=seed_case.pdf.checkpoint_id)
    s = cf.summary()
    assert (s["dated"], s["undated"]) == (2, 3)
    assert [(k["standing"], k["min"], k["by"]) for k in s["killed"]] == [
        ("alleged", 8028, ["Syrian government"])
    ]


def test_the_report_is_rebuilt_byte_for_byte_after_more_evidence(
    seed_case: SeedCase, tmp_path: Path
) -> None:
    from factfinder.services.claims.extraction import extract_items
    from factfinder.services.incidents.commands import link_project
    from factfinder.services.preserve.ingest import ingest

    project = seed_case.project
    first = seed_case.html
    later = tmp_path / "later.jsonl"
    later.write_text(json.dumps(EXTRA_DOC) + "\n")
    assert ingest(project, [str(later)], actor="test:ingest").new_items >= 1
    assert extract_items(project, actor="test:extract").claims >= 1
    link_project(project, actor="test:link")
    now = write_report(project, seed_case.case_id, fmt="html", output=tmp_path / "now.html")
    assert now.checkpoint_id > first.checkpoint_id
    again = write_report(
        project,
        seed_case.case_id,
        fmt="html",
        output=tmp_path / "again.html",
        at=first.checkpoint_id,
    )
    assert again.path.read_bytes() == first.path.read_bytes()
    assert again.sha256 == first.sha256
    # The later evidence is in the new report and not in the rebuilt one.
    assert "Example Wire" in now.path.read_text()
    assert "Example Wire" not in again.path.read_text()
    # Each report was recorded in the ledger.
    with project.read() as conn:
        entries = [
            e
            for e in ledger_rows.entries_for_subject(conn, case_subject(seed_case.case_id))
            if e.kind == "export.write"
        ]
    assert {e.payload["sha256"] for e in entries} >= {first.sha256, now.sha256}
    assert entries[-1].payload["checkpoint"]["size"] == first.checkpoint_size


def test_the_evidence_package_of_the_case_verifies(seed_case: SeedCase, tmp_path: Path) -> None:
    result = write_package(
        seed_case.project,
        seed_case.case_id,
        output=tmp_path / "pkg",
        at=seed_case.html.checkpoint_id,
    )
    check = verify_package(result.path)
    assert check.ok, check.problems
    report = (result.path / "data" / "report.html").read_bytes()
    assert report == seed_case.html.path.read_bytes()  # the same report, same checkpoint
    items = json.loads((result.path / "factfinder" / "items.json").read_text())["items"]
    assert len(items) == 2 and all(i["path"] for i in items)
    proofs = list((result.path / "factfinder" / "proofs").glob("*.json"))
    kinds = {json.loads(json.loads(p.read_text())["entry"])["kind"] for p in proofs}
    assert {"item.acquire", "extract.claims", "case.create", "case.add", "case.note"} <= kinds


def test_the_ged_export_of_the_seed_case_opens_with_pandas(
    seed_case: SeedCase, tmp_path: Path
) -> None:
    result = write_export(
        seed_case.project,
        fmt="ged",
        output=tmp_path / "case.csv",
        case=seed_case.case_id,
        at=seed_case.html.checkpoint_id,
    )
    frame = pd.read_csv(io.BytesIO(result.path.read_bytes()))
    cf = build_case_file(seed_case.project, seed_case.case_id, at=seed_case.html.checkpoint_id)
    assert tuple(frame.columns) == COLUMNS and len(frame) == len(cf.incidents)
    assert list(frame["id"]) == [e.id for e in cf.incidents]
    lows = [e.figure("killed", "total").min for e in cf.incidents]
    assert 26 in lows and None in lows
    # GED's integer columns are always filled: pandas reads them as integers.
    integer = ["year", "best", "low", "high", "deaths_a", "deaths_b", "deaths_civilians"]
    integer.append("deaths_unknown")
    for column in integer:
        assert pd.api.types.is_integer_dtype(frame[column]), (column, frame[column].dtype)
    for low, (_, row) in zip(lows, frame.iterrows(), strict=True):
        if low is None:  # no source gave a toll: zeros, flagged, and a status to check
            assert (row["low"], row["best"], row["high"]) == (0, 0, 0)
            assert not row["ff_deaths_reported"] and row["code_status"] != "Clear"
        else:
            assert row["low"] == low and row["ff_deaths_reported"]
        assert row["low"] <= row["best"] <= row["high"]
        deaths = row["deaths_a"] + row["deaths_b"] + row["deaths_civilians"]
        assert deaths + row["deaths_unknown"] == row["best"]
        assert row["code_status"] == "Clear" or row["code_status"].startswith("Check ")
        if not pd.isna(row["date_start"]):
            assert not pd.isna(row["date_end"]) and row["year"] == int(row["date_start"][:4])
    assert set(frame["country"].dropna()) == {"Syria"}
    assert set(frame["ff_checkpoint_size"]) == {seed_case.html.checkpoint_size}


def test_restricted_data_stays_out_unless_asked_and_allowed(seed_case: SeedCase) -> None:
    from factfinder.errors import PermissionDenied
    from factfinder.services.access.commands import add_user, restrict
    from factfinder.services.access.queries import get_user

    project = seed_case.project
    cf = build_case_file(project, seed_case.case_id, at=seed_case.html.checkpoint_id)
    claim_key = cf.incidents[-1].claims[0].key
    restrict(project, claim_key, "claimant.name", reason="protect the source", actor="cli:admin")
    hidden = build_case_file(project, seed_case.case_id, at=seed_case.html.checkpoint_id)
    shown = build_case_file(
        project, seed_case.case_id, at=seed_case.html.checkpoint_id, include_restricted=True
    )
    assert hidden.incidents[-1].claims[0].claimant == "[restricted]"
    # the claimant, a note, and the originals of the two letters' items, whose bytes say the
    # claimant's name (bytes cannot be cut: their hash is what the ledger proves)
    assert hidden.withheld == 4 and len(hidden.notes) == 1
    assert [s.withheld for s in hidden.sources].count(True) == 2
    named = cf.incidents[-1].claims[0].claimant
    assert named and named not in json.dumps([c.entry for c in hidden.cited])
    assert shown.withheld == 0
    assert shown.incidents[-1].claims[0].claimant == cf.incidents[-1].claims[0].claimant
    assert len(shown.notes) == 2
    add_user(project, "vera", "a long enough password", "viewer")
    with pytest.raises(PermissionDenied, match="viewer role may not see restricted data"):
        build_case_file(
            project, seed_case.case_id, include_restricted=True, user=get_user(project, "vera")
        )


def test_rebuilding_at_a_checkpoint_is_identical_on_each_backend(
    project: Project, tmp_path: Path
) -> None:
    """The same reproducibility check on SQLite and (when configured) PostgreSQL."""
    from factfinder.services.claims.extraction import extract_items
    from factfinder.services.incidents.commands import link_project
    from factfinder.services.preserve.ingest import ingest

    ingest(project, [str(SEEDS / "docs.jsonl")], actor="test:ingest")
    extract_items(project, actor="test:extract")
    link_project(project, actor="test:link")
    case = create_case(project, "Hajin")
    with project.read() as conn:
        everything = sorted(existing_incidents(conn, [f"inc-{n:06d}" for n in range(1, 20)]))
    add_incidents(project, case.id, everything, check=existing_incidents)
    first = write_report(project, case.id, fmt="html", output=tmp_path / "a.html")
    later = tmp_path / "later.jsonl"
    later.write_text(json.dumps(EXTRA_DOC) + "\n")
    ingest(project, [str(later)], actor="test:ingest")
    extract_items(project, actor="test:extract")
    link_project(project, actor="test:link")
    add_note(project, case.id, "A later note")
    again = write_report(
        project, case.id, fmt="html", output=tmp_path / "b.html", at=first.checkpoint_id
    )
    assert again.path.read_bytes() == first.path.read_bytes()
    assert "A later note" not in again.path.read_text()
