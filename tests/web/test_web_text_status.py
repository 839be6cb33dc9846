"""How an item's text was read shows in the workspace: the item list and page, the API, and
beside a claim read from an OCR'd text."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from web_helpers import Browser

from factfinder.intake import ocr

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "intake"))
from page_images import fonts_present, render_page, save_scanned_pdf

if TYPE_CHECKING:
    from fastapi import FastAPI

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")


def test_an_item_whose_text_was_not_read_says_so_in_the_list_page_and_api(
    app: FastAPI, signed_in: dict[str, Browser], tmp_path: Path
) -> None:
    from factfinder.services.preserve.ingest import ingest

    blob = tmp_path / "device-dump.bin"
    blob.write_bytes(bytes(range(256)) * 8)
    summary = ingest(app.state.project, [str(blob)], actor="cli:analyst")
    assert summary.text_not_read == ((str(blob), "text not read: unknown binary format"),)
    viewer = signed_in["viewer"]
    items = viewer.client.get("/api/v1/items", params={"limit": 100}).json()["data"]
    (row,) = [i for i in items if i["text_status"] is not None]
    assert row["text_status"] == "text not read: unknown binary format"
    assert row["ocr_confidence"] is None
    listing = viewer.client.get("/items").text
    assert '<span class="tag unread" title="text not read: unknown binary format">' in listing
    page = viewer.client.get(f"/items/{row['id']}").text
    assert "<dt>Text</dt>" in page and "text not read: unknown binary format" in page


@pytest.mark.skipif(not ocr.available(), reason="tesseract is not installed")
@pytest.mark.skipif(not fonts_present(), reason="DejaVu fonts are not installed")
def test_a_claim_from_an_ocr_text_is_shown_with_the_ocr_confidence(
    app: FastAPI, signed_in: dict[str, Browser], tmp_path: Path
) -> None:
    from factfinder.services.claims.extraction import extract_items
    from factfinder.services.preserve.ingest import ingest

    scan = save_scanned_pdf(
        [
            render_page(
                [
                    "Airstrikes on the town of Ariha killed five civilians, including two "
                    "children, on 3 March 2024, the Syrian Civil Defence said."
                ]
            )
        ],
        tmp_path / "scan.pdf",
    )
    project = app.state.project
    ingest(project, [str(scan)], actor="cli:analyst")
    extract_items(project, actor="cli:analyst")
    analyst = signed_in["analyst"]
    items = analyst.client.get("/api/v1/items", params={"limit": 100}).json()["data"]
    (item,) = [i for i in items if i["text_status"] == "ocr"]
    confidence = item["ocr_confidence"]
    assert 80 <= confidence <= 100
    assert (
        f'<span class="tag ocr" title="read by OCR from the page images">OCR {confidence:.0f}%'
        in (analyst.client.get("/items").text)
    )
    claims = analyst.client.get("/api/v1/claims", params={"limit": 100}).json()["data"]
    (claim,) = [c for c in claims if c["item_id"] == item["id"]]
    page = analyst.client.get(f"/claims/{claim['id']}").text
    assert (
        f'<p class="warn" id="text-read">The item\'s text was read by OCR (mean confidence '
        f"{confidence:.0f}%): check names and numbers against the original.</p>"
    ) in page


def test_an_upload_names_the_files_whose_text_was_not_read(
    signed_in: dict[str, Browser],
) -> None:
    investigator = signed_in["investigator"]
    r = investigator.client.post(
        "/upload",
        data={"csrf_token": investigator.csrf},
        files=[
            ("files", ("dump.bin", bytes(range(256)) * 8, "application/octet-stream")),
            ("files", ("broken.pdf", b"%PDF-1.7\n" + b"\x00garbage" * 50, "application/pdf")),
        ],
    )
    assert r.status_code == 200 and "<b>2</b> new items" in r.text
    assert (
        '<ul class="warn" id="text-not-read"><li>dump.bin: text not read: unknown binary format'
        "</li></ul>"
    ) in r.text
    # The broken PDF is named once, as a failure, not again as unread.
    assert r.text.count("broken.pdf") == 1
