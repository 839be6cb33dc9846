"""Fixture builders for the intake tests: real small files of every format, made from the seed
documents in samples/seeds (a Radio Habana Cuba article and a Press TV article of November 2017)
with the formats' own libraries (fpdf2, python-docx, warcio, email, zipfile, tarfile).

Nothing binary is committed here: every file is built fresh in a temporary folder, once per
session. The exceptions, files only LibreOffice makes, are in `fixtures/` (see its README).
"""

from __future__ import annotations

import datetime as dt
import gzip
import io
import tarfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path
from typing import ClassVar

import pytest

SEEDS = Path(__file__).resolve().parents[2] / "samples" / "seeds"
SEED_RHC = SEEDS / "000_333615f24a6eccba.txt"  # mass graves in Raqqah (Radio Habana Cuba)
SEED_PRESS_TV = SEEDS / "004_6af2a3e425f5ce01.txt"  # Hajin airstrike (Press TV via RHC)

HAJIN_SENTENCE = "which claimed the lives of at least 26 local civilians, including 14 children"
RAQQAH_SENTENCE = "containing more than 1,500 bodies of civilians"
PAGE_URL = "https://www.presstv.example/Detail/2017/11/04/541082/Syria-coalition-Hajin"

# The characters the PDF core fonts lack, mapped to what a typist would have used.
_LATIN1 = str.maketrans({"“": '"', "”": '"', "’": "'", "‘": "'", "–": "-", "—": "-"})


@dataclass(frozen=True)
class Corpus:
    """Paths of the fixture files, built once per test session, and sentences they contain.

    Tests reach everything through the `corpus` fixture rather than importing this module:
    `conftest` is not a unique module name across the test tree.
    """

    HAJIN_SENTENCE: ClassVar[str] = HAJIN_SENTENCE
    RAQQAH_SENTENCE: ClassVar[str] = RAQQAH_SENTENCE
    PAGE_URL: ClassVar[str] = PAGE_URL

    root: Path
    seed_rhc: Path
    seed_press_tv: Path
    html: Path
    pdf: Path
    pdf_scan: Path
    docx: Path
    eml: Path
    warc: Path
    warc_truncated: Path
    zip: Path
    tar_gz: Path


def paragraphs(path: Path) -> list[str]:
    """The non-empty paragraphs of a seed text, without its markdown decorations."""
    text = path.read_text(encoding="utf-8")
    return [
        p.strip()
        for p in text.split("\n\n")
        if p.strip() and not p.strip().startswith(("#", "---", "<http", "**", "Source:"))
    ]


def build_html(path: Path) -> Path:
    body = "".join(f"<p>{p}</p>\n" for p in paragraphs(SEED_PRESS_TV))
    page = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Syria demands investigation into US-led coalition crimes - Press TV</title>
<meta property="og:site_name" content="Press TV">
<meta name="author" content="Press TV staff">
<meta property="article:published_time" content="2017-11-04T09:30:00+03:00">
<link rel="canonical" href="{PAGE_URL}">
<script>var tracking = "do not extract me";</script>
</head>
<body>
<nav><a href="/">Home</a> <a href="/middle-east">Middle East</a> <a href="/login">Log in</a></nav>
<article>
<h1>Syria demands investigation into US-led coalition crimes</h1>
{body}</article>
<footer>Copyright 2017 Press TV. All rights reserved.</footer>
</body>
</html>
"""
    path.write_text(page, encoding="utf-8")
    return path


def pdf_bytes(
    paras: list[str], *, title: str | None, author: str | None, created: dt.datetime | None
) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    if title:
        pdf.set_title(title)
    if author:
        pdf.set_author(author)
    if created:
        pdf.set_creation_date(created)
    pdf.set_font("helvetica", size=11)
    pdf.add_page()
    for n, para in enumerate(paras):
        if n == len(paras) // 2:
            pdf.add_page()  # two pages, so page order is tested
        pdf.multi_cell(0, 6, para.translate(_LATIN1))
        pdf.ln(4)
    return bytes(pdf.output())


def build_pdf(path: Path) -> Path:
    data = pdf_bytes(
        paragraphs(SEED_RHC),
        title="Letter on the mass graves in Raqqah",
        author="Ministry of Foreign Affairs and Expatriates",
        created=dt.datetime(2017, 11, 3, 14, 0, tzinfo=dt.UTC),
    )
    path.write_bytes(data)
    return path


def build_scan_pdf(path: Path) -> Path:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 60, style="F")  # a picture of a page, no text layer
    path.write_bytes(bytes(pdf.output()))
    return path


def build_docx(path: Path) -> Path:
    import docx

    document = docx.Document()
    document.core_properties.title = "Mass graves in Raqqah"
    document.core_properties.author = "Field team"
    document.core_properties.created = dt.datetime(2017, 11, 5, 8, 30)
    document.add_heading("Mass graves in Raqqah", level=1)
    for para in paragraphs(SEED_RHC)[:5]:
        document.add_paragraph(para)
    table = document.add_table(rows=3, cols=2)
    for row, (site, bodies) in zip(
        table.rows,
        [
            ("Site", "Bodies"),
            ("Next to the Children's Hospital", "2,500"),
            ("Panorama district", "more than 1,500"),
        ],
        strict=True,
    ):
        row.cells[0].text, row.cells[1].text = site, bodies
    document.add_paragraph("Compiled from the ministry's letters.")
    document.save(str(path))
    return path


def zip_bytes(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def build_eml(path: Path, pdf: Path) -> Path:
    forwarded = EmailMessage()
    forwarded["From"] = "Desk <desk@example.org>"
    forwarded["Subject"] = "Fwd: Raqqah graves"
    forwarded["Date"] = "Fri, 03 Nov 2017 18:00:00 +0000"
    forwarded.set_content("See the ministry's statement on the Raqqah mass graves.\n")
    forwarded.add_attachment(
        b"Panorama district: more than 1,500 bodies.\n",
        maintype="text",
        subtype="plain",
        filename="graves.txt",
    )

    msg = EmailMessage()
    msg["From"] = "Permanent Mission of Syria <mission@example.org>"
    msg["To"] = "Secretary-General <sg@example.org>"
    msg["Subject"] = "Airstrikes on Hajin: letter to the Security Council"
    msg["Date"] = "Sat, 04 Nov 2017 10:15:00 +0300"
    msg["Message-ID"] = "<letter-2017-11-04@example.org>"
    body = "\n\n".join(paragraphs(SEED_PRESS_TV)) + "\n"
    msg.set_content(body)
    msg.add_alternative(
        "<html><body>"
        + "".join(f"<p>{p}</p>" for p in paragraphs(SEED_PRESS_TV))
        + "</body></html>",
        subtype="html",
    )
    msg.add_attachment(
        pdf.read_bytes(), maintype="application", subtype="octet-stream", filename="letter.pdf"
    )
    msg.add_attachment(
        zip_bytes({"annex/notes.txt": b"Hajin is near the Iraqi border.\n"}),
        maintype="application",
        subtype="zip",
        filename="annex.zip",
    )
    msg.add_attachment(forwarded)
    path.write_bytes(msg.as_bytes())
    return path


def build_warc(path: Path, html: Path, pdf: Path) -> tuple[Path, list[int]]:
    """A gzip WARC; returns its path and the byte offset where each record starts."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    offsets: list[int] = []

    def response(
        uri: str, status: str, headers: list[tuple[str, str]], body: bytes, when: str
    ) -> None:
        http = StatusAndHeaders(status, headers, protocol="HTTP/1.1")
        offsets.append(buf.tell())
        writer.write_record(
            writer.create_warc_record(
                uri,
                "response",
                payload=io.BytesIO(body),
                length=len(body),
                http_headers=http,
                warc_headers_dict={"WARC-Date": when},
            )
        )

    offsets.append(buf.tell())
    writer.write_record(writer.create_warcinfo_record(path.name, {"software": "factfinder tests"}))
    offsets.append(buf.tell())
    req = StatusAndHeaders(
        "GET /Detail/2017 HTTP/1.1", [("Host", "www.presstv.example")], is_http_request=True
    )
    writer.write_record(
        writer.create_warc_record(
            PAGE_URL, "request", payload=io.BytesIO(b""), length=0, http_headers=req
        )
    )
    response(
        PAGE_URL,
        "200 OK",
        [("Content-Type", "text/html; charset=utf-8")],
        html.read_bytes(),
        "2017-11-04T12:00:00Z",
    )
    response(
        "http://www.presstv.example/old",
        "301 Moved Permanently",
        [("Location", PAGE_URL), ("Content-Type", "text/html")],
        b"<a>moved</a>",
        "2017-11-04T12:00:01Z",
    )
    response(
        "https://www.radiohc.example/seed.txt",
        "200 OK",
        [("Content-Type", "text/plain; charset=utf-8"), ("Content-Encoding", "gzip")],
        gzip.compress(SEED_RHC.read_bytes()),
        "2017-11-04T12:00:02Z",
    )
    response(
        "https://www.mofaex.example/letter.pdf",
        "200 OK",
        [("Content-Type", "application/pdf")],
        pdf.read_bytes(),
        "2017-11-04T12:00:03Z",
    )
    offsets.append(buf.tell())
    writer.write_record(
        writer.create_warc_record(
            "metadata:crawl",
            "metadata",
            payload=io.BytesIO(b"via: tests\n"),
            length=11,
            warc_content_type="application/warc-fields",
        )
    )
    offsets.append(buf.tell())
    path.write_bytes(buf.getvalue())
    return path, offsets


def build_zip(path: Path, html: Path, eml: Path) -> Path:
    path.write_bytes(
        zip_bytes(
            {
                "press/page.html": html.read_bytes(),
                "mail/letter.eml": eml.read_bytes(),
                "seed.txt": SEED_PRESS_TV.read_bytes(),
            }
        )
    )
    return path


def build_tar_gz(path: Path, docx_path: Path) -> Path:
    with tarfile.open(path, "w:gz") as tf:
        for name, data in (
            ("reports/raqqah.docx", docx_path.read_bytes()),
            ("seed.txt", SEED_RHC.read_bytes()),
        ):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            info.mtime = int(dt.datetime(2017, 11, 6, tzinfo=dt.UTC).timestamp())
            tf.addfile(info, io.BytesIO(data))
    return path


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    root = tmp_path_factory.mktemp("intake-corpus")
    html = build_html(root / "page.html")
    pdf = build_pdf(root / "letter.pdf")
    eml = build_eml(root / "mail.eml", pdf)
    docx_path = build_docx(root / "report.docx")
    warc, offsets = build_warc(root / "crawl.warc.gz", html, pdf)
    # Cut the file in the middle of the record that holds the gzip-encoded text (record 5).
    truncated = root / "truncated.warc.gz"
    truncated.write_bytes(warc.read_bytes()[: (offsets[4] + offsets[5]) // 2])
    return Corpus(
        root=root,
        seed_rhc=SEED_RHC,
        seed_press_tv=SEED_PRESS_TV,
        html=html,
        pdf=pdf,
        pdf_scan=build_scan_pdf(root / "scan.pdf"),
        docx=docx_path,
        eml=eml,
        warc=warc,
        warc_truncated=truncated,
        zip=build_zip(root / "bundle.zip", html, eml),
        tar_gz=build_tar_gz(root / "reports.tar.gz", docx_path),
    )


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    work = tmp_path / "work"
    work.mkdir()
    return work


@pytest.fixture
def make_zip() -> Callable[[dict[str, bytes]], bytes]:
    """The bytes of a zip holding the given members."""
    return zip_bytes


@pytest.fixture
def write_zip() -> Callable[[Path, dict[str, bytes]], Path]:
    def write(path: Path, members: dict[str, bytes]) -> Path:
        path.write_bytes(zip_bytes(members))
        return path

    return write
