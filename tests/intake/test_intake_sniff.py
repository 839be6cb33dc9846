"""Media types by magic bytes first, extension second."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from factfinder.intake import sniff_media_type
from factfinder.intake.parts import DOCX, EMAIL, GZIP, HTML, OCTET, PDF, TEXT, WARC, ZIP
from factfinder.intake.sniff import normalise_media_type, resolve_media_type

if TYPE_CHECKING:
    from conftest import Corpus


def test_fixture_files(corpus: Corpus) -> None:
    found = {
        p.name: sniff_media_type(p)
        for p in (
            corpus.seed_rhc,
            corpus.html,
            corpus.pdf,
            corpus.docx,
            corpus.eml,
            corpus.warc,
            corpus.zip,
            corpus.tar_gz,
        )
    }
    assert found == {
        "000_333615f24a6eccba.txt": TEXT,
        "page.html": HTML,
        "letter.pdf": PDF,
        "report.docx": DOCX,
        "mail.eml": EMAIL,
        "crawl.warc.gz": WARC,
        "bundle.zip": ZIP,
        "reports.tar.gz": GZIP,
    }


def test_bytes_win_over_a_misleading_name(corpus: Corpus, tmp_path: Path) -> None:
    disguised = tmp_path / "letter.txt"
    disguised.write_bytes(corpus.pdf.read_bytes())
    renamed_mail = tmp_path / "message.txt"
    renamed_mail.write_bytes(corpus.eml.read_bytes())
    docx_as_zip = tmp_path / "report.zip"
    docx_as_zip.write_bytes(corpus.docx.read_bytes())
    assert [sniff_media_type(p) for p in (disguised, renamed_mail, docx_as_zip)] == [
        PDF,
        EMAIL,
        DOCX,
    ]


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("page.bin", b"\n  <!DOCTYPE html><html><body>x</body></html>", HTML),
        ("page.htm", b"<div>fragment</div>", HTML),  # no document start: the name decides
        ("note", b"Airstrike on Hajin", TEXT),
        ("note", "غارة على هجين".encode(), TEXT),
        ("blob", b"\x00\x01\x02\xff", OCTET),
        ("note.txt", b"Note: From the desk\nSubject: x\n\nbody", TEXT),  # no From: header line
        ("crawl.warc", b"WARC/1.1\r\nWARC-Type: warcinfo\r\n", WARC),
    ],
)
def test_small_files(tmp_path: Path, name: str, data: bytes, expected: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    assert sniff_media_type(path) == expected


def test_declared_type_is_second_to_the_bytes(corpus: Corpus, tmp_path: Path) -> None:
    page = tmp_path / "capture"
    page.write_bytes(b"<p>Hajin</p>")
    assert resolve_media_type(page, "text/html; charset=utf-8", None) == HTML
    assert resolve_media_type(page, "application/octet-stream", "x.txt") == TEXT
    assert resolve_media_type(corpus.pdf, "text/plain", None) == PDF
    assert normalise_media_type(" Text/HTML ; charset=UTF-8") == "text/html"
    assert normalise_media_type("binary/octet-stream") is None


def test_a_container_holding_a_pdf_near_its_start_is_the_container(tmp_path: Path) -> None:
    pdf = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n"
    warc = tmp_path / "crawl.bin"
    warc.write_bytes(
        b"WARC/1.0\r\nWARC-Type: resource\r\nContent-Length: %d\r\n\r\n" % len(pdf) + pdf
    )
    stored = tmp_path / "papers.bin"
    with zipfile.ZipFile(stored, "w", compression=zipfile.ZIP_STORED) as zf:
        zf.writestr("letter.pdf", pdf)
    junk = tmp_path / "scan.bin"
    junk.write_bytes(b"\x00" * 40 + pdf)  # a PDF header after leading junk is still a PDF
    assert [sniff_media_type(p) for p in (warc, stored, junk)] == [WARC, ZIP, PDF]
