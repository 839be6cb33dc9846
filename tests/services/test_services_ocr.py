"""Scans and unreadable formats through ingest: an OCR'd scan is an item whose text is marked
"ocr" with its confidence, ledgered and verified, and claims are extracted from it with spans
on the OCR text; an item whose text could not be read says so on the command line and in the
item listing, never silently empty."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import pytest

from cli_helpers import ff
from factfinder.intake import ocr
from factfinder.services import Project
from factfinder.services.claims.extraction import extract_items
from factfinder.services.claims.queries import list_claims
from factfinder.services.preserve.ingest import ingest
from factfinder.services.preserve.items import item_text, list_items, show_item
from factfinder.services.verification import verify_project

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "intake"))
from page_images import fonts_present, render_page, save_image, save_scanned_pdf

REPORT = [
    "Airstrikes on the town of Ariha killed five civilians, including two children, on "
    "3 March 2024, the Syrian Civil Defence said.",
    "Rescue teams recovered the bodies from the rubble of two houses near the central market.",
]
needs_fonts = pytest.mark.skipif(not fonts_present(), reason="DejaVu fonts are not installed")


@pytest.mark.skipif(not ocr.available(), reason="tesseract is not installed")
@needs_fonts
def test_a_scanned_report_is_read_by_ocr_and_its_claim_extracted(
    project: Project, tmp_path: Path
) -> None:
    path = save_scanned_pdf([render_page(REPORT)], tmp_path / "civil-defence-scan.pdf")
    summary = ingest(project, [str(path)])
    assert (summary.new_items, summary.failures, summary.ocr, summary.text_not_read) == (
        1,
        (),
        1,
        (),
    )
    (item,), _ = list_items(project)
    assert item.text_status == "ocr"
    assert item.ocr_confidence is not None and 80 <= item.ocr_confidence <= 100
    _, text = item_text(project, str(item.id))
    assert text is not None and "Syrian Civil Defence said." in text
    # The ledger binds the status and the confidence with the text: verify recomputes them.
    (entry,) = [e for e in show_item(project, str(item.id)).ledger if e.kind == "item.acquire"]
    assert entry.payload["metadata"]["text_status"] == "ocr"
    assert entry.payload["metadata"]["ocr_confidence"] == item.ocr_confidence
    assert verify_project(project).ok

    extract_items(project)
    (stored,) = list_claims(project)
    claim = stored.claim
    assert claim.killed.civilians is not None and claim.killed.civilians.min == 5
    assert claim.killed.children is not None and claim.killed.children.min == 2
    assert [p.name for p in claim.places] == ["Ariha"]
    assert claim.date is not None and claim.date.start == dt.date(2024, 3, 3)
    assert claim.claimant.name == "Syrian Civil Defence"
    assert claim.spans and all(
        "Ariha" in text[a:b] or "Civil Defence" in text[a:b] for a, b in claim.spans
    )


@needs_fonts
def test_without_ocr_a_scan_is_preserved_and_named_as_not_read(
    tmp_path: Path, db_url: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ocr, "_tesseract", lambda: None)
    scan = save_scanned_pdf([render_page(REPORT)], tmp_path / "scan.pdf")
    photo = save_image(render_page(REPORT), tmp_path / "photo.png")
    blob = tmp_path / "blob.bin"
    blob.write_bytes(bytes(range(256)) * 4)
    code, _, _ = ff("init", tmp_path / "p", *(["--db", db_url] if db_url else []))
    assert code == 0
    code, out, err = ff("ingest", scan, photo, blob, "--project", tmp_path / "p")
    assert code == 0, err  # everything was preserved
    warnings = [line for line in err.splitlines() if line.startswith("warning")]
    assert warnings == [
        f"warning {scan}: text not read: OCR unavailable",
        f"warning {photo}: text not read: OCR unavailable",
        f"warning {blob}: text not read: unknown binary format",
    ]
    assert "3 with text not read" in err
    code, out, _ = ff("items", "--json", "--project", tmp_path / "p")
    listed = json.loads(out)
    rows = listed["data"] if isinstance(listed, dict) else listed
    assert sorted(r["text_status"] for r in rows) == [
        "text not read: OCR unavailable",
        "text not read: OCR unavailable",
        "text not read: unknown binary format",
    ]
    code, out, _ = ff("show", "1", "--project", tmp_path / "p")
    assert "  text read   text not read: OCR unavailable\n" in out
    # A file that fails to read is one error line, not an error and a warning.
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 50)
    code, _, err = ff("ingest", broken, "--project", tmp_path / "p")
    assert [line.split(" ", 1)[0] for line in err.splitlines() if str(broken) in line] == ["error"]


def test_a_read_failure_is_kept_as_the_status(project: Project, tmp_path: Path) -> None:
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 50)
    summary = ingest(project, [str(broken)])
    (failure,) = summary.failures
    assert failure.problem.startswith("not a readable PDF")
    status = f"text not read: {failure.problem}"
    assert summary.text_not_read == ((str(broken), status),)
    (item,), _ = list_items(project)
    assert item.text_status == status
    assert verify_project(project).ok
