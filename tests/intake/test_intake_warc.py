"""WARC captures: one part per HTTP 2xx response, payload decoded, URI and capture time kept."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from factfinder.intake import expand, read_text
from factfinder.intake.parts import HTML, PDF, TEXT, WARC

if TYPE_CHECKING:
    from conftest import Corpus


def test_response_records_become_parts(corpus: Corpus, workdir: Path) -> None:
    parts = list(expand(corpus.warc, workdir))
    label = str(corpus.warc)
    assert [(p.label, p.media_type, p.parent) for p in parts] == [
        (label, WARC, None),
        (f"{label}#3", HTML, 0),  # 1 warcinfo, 2 request, 4 a redirect, 7 metadata: skipped
        (f"{label}#5", TEXT, 0),
        (f"{label}#6", PDF, 0),
    ]
    assert all(p.ok for p in parts)
    assert [p.origin["target_uri"] for p in parts[1:]] == [
        corpus.PAGE_URL,
        "https://www.radiohc.example/seed.txt",
        "https://www.mofaex.example/letter.pdf",
    ]
    assert [p.origin["captured_at"] for p in parts[1:]] == [
        "2017-11-04T12:00:00Z",
        "2017-11-04T12:00:02Z",
        "2017-11-04T12:00:03Z",
    ]
    assert parts[1].origin["content_type"] == "text/html; charset=utf-8"
    assert parts[1].origin["http_status"] == "200"
    assert parts[1].origin["record_id"].startswith("<urn:uuid:")


def test_payloads_are_the_decoded_http_bodies(corpus: Corpus, workdir: Path) -> None:
    parts = list(expand(corpus.warc, workdir))
    assert parts[1].path.read_bytes() == corpus.html.read_bytes()
    # served with Content-Encoding: gzip; the part holds the decoded text
    assert parts[2].path.read_bytes() == corpus.seed_rhc.read_bytes()
    assert parts[3].path.read_bytes() == corpus.pdf.read_bytes()

    page = read_text(parts[1])
    assert page is not None
    assert corpus.HAJIN_SENTENCE in page.text
    assert page.url == corpus.PAGE_URL
    assert page.published == dt.datetime(2017, 11, 4, tzinfo=dt.UTC)
    assert read_text(parts[0]) is None  # the WARC itself has no text of its own
    text = read_text(parts[2])
    assert text is not None and corpus.RAQQAH_SENTENCE in text.text


def test_truncated_record_fails_after_the_earlier_ones(corpus: Corpus, workdir: Path) -> None:
    parts = list(expand(corpus.warc_truncated, workdir))
    label = str(corpus.warc_truncated)
    assert [(p.label, p.ok) for p in parts] == [
        (label, True),
        (f"{label}#3", True),
        (f"{label}#5", False),
    ]
    failure = parts[-1].error
    assert failure is not None and failure.input == f"{label}#5"
    assert failure.problem.startswith("truncated record")
    assert parts[-1].parent == 0
    # the capture before the cut is whole; no partial payload is left behind
    assert parts[1].path.read_bytes() == corpus.html.read_bytes()
    assert sorted(f.name for f in workdir.iterdir()) == [parts[1].path.name]


def test_uncompressed_warc_cut_inside_a_payload(
    corpus: Corpus, tmp_path: Path, workdir: Path
) -> None:
    import gzip

    plain = gzip.decompress(corpus.warc.read_bytes())
    cut = tmp_path / "cut.warc"
    cut.write_bytes(plain[: plain.index(b"%PDF-") + 200])  # inside record 6's payload
    parts = list(expand(cut, workdir))
    assert [(p.label.rsplit("#", 1)[-1], p.ok) for p in parts] == [
        (str(cut), True),
        ("3", True),
        ("5", True),
        ("6", False),
    ]
    assert parts[3].error is not None and "bytes missing" in parts[3].error.problem
    assert parts[0].media_type == WARC


def test_a_file_that_is_not_a_warc(tmp_path: Path, workdir: Path) -> None:
    fake = tmp_path / "fake.warc"
    fake.write_bytes(b"WARC/1.0\r\nnonsense without headers\r\n\r\n" + b"\x00" * 50)
    parts = list(expand(fake, workdir))
    assert parts[0].ok
    assert len(parts) == 2 and parts[1].error is not None
    assert parts[1].error.input.startswith(f"{fake}#1")


def test_resource_records_and_declared_charsets(tmp_path: Path, workdir: Path) -> None:
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    arabic = "قتل 26 مدنيا على الأقل بينهم 14 طفلا في غارات على بلدة هجين".encode("cp1256")
    path = tmp_path / "mixed.warc"
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=False)
        http = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/plain; charset=windows-1256")], protocol="HTTP/1.1"
        )
        writer.write_record(
            writer.create_warc_record(
                "https://sana.example/ar/hajin.txt",
                "response",
                payload=io.BytesIO(arabic),
                length=len(arabic),
                http_headers=http,
                warc_headers_dict={"WARC-Date": "2017-11-04T08:00:00Z"},
            )
        )
        shot = b"Screenshot notes: Hajin, 4 November 2017"
        writer.write_record(
            writer.create_warc_record(
                "https://sana.example/ar/hajin",
                "resource",
                payload=io.BytesIO(shot),
                length=len(shot),
                warc_content_type="text/plain",
                warc_headers_dict={"WARC-Date": "2017-11-04T08:00:05Z"},
            )
        )
        writer.write_record(
            writer.create_warc_record(
                "urn:x-crawler:log",
                "resource",
                payload=io.BytesIO(b"crawl log"),
                length=9,
                warc_content_type="text/plain",
            )
        )
    parts = list(expand(path, workdir))
    assert [(p.label.rsplit("#", 1)[-1], p.media_type) for p in parts] == [
        (str(path), WARC),
        ("1", TEXT),
        ("2", TEXT),
    ]
    text = read_text(parts[1])
    assert text is not None
    assert text.text == arabic.decode("cp1256") and text.language == "ar"
    assert parts[2].origin["captured_at"] == "2017-11-04T08:00:05Z"
