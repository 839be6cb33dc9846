"""Each format read from a real small file: text, title, dates, authors, URLs, language."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from factfinder.intake import Part, expand, read_text
from factfinder.intake.parts import DOCX, EMAIL, HTML, PDF, TEXT

if TYPE_CHECKING:
    from conftest import Corpus


def only(path: Path, workdir: Path) -> Part:
    parts = list(expand(path, workdir))
    assert len(parts) == 1
    return parts[0]


def test_plain_text_is_read_exactly(corpus: Corpus, workdir: Path) -> None:
    part = only(corpus.seed_press_tv, workdir)
    assert part.media_type == TEXT and part.parent is None and part.ok
    assert part.path == corpus.seed_press_tv  # the input itself, not a copy
    extracted = read_text(part)
    assert extracted is not None
    assert extracted.text == corpus.seed_press_tv.read_text(encoding="utf-8")
    assert corpus.HAJIN_SENTENCE in extracted.text
    assert extracted.language == "en"
    assert extracted.title is None and extracted.published is None


def test_html_main_text_and_metadata(corpus: Corpus, workdir: Path) -> None:
    part = only(corpus.html, workdir)
    assert part.media_type == HTML
    extracted = read_text(part)
    assert extracted is not None
    assert corpus.HAJIN_SENTENCE in extracted.text
    # navigation, footer and scripts are not the article
    for noise in ("Log in", "All rights reserved", "do not extract me"):
        assert noise not in extracted.text
    assert extracted.title == "Syria demands investigation into US-led coalition crimes"
    assert extracted.site == "Press TV"
    assert extracted.author == "Press TV staff"
    assert extracted.url == corpus.PAGE_URL
    assert extracted.published == dt.datetime(2017, 11, 4, tzinfo=dt.UTC)
    assert extracted.language == "en"


def test_html_without_an_article_falls_back_to_visible_text(tmp_path: Path, workdir: Path) -> None:
    page = tmp_path / "list.html"
    page.write_text(
        "<html><head><title>Casualty list</title><style>p{}</style></head><body>"
        "<table><tr><td>Hajin</td><td>26</td></tr></table></body></html>",
        encoding="utf-8",
    )
    extracted = read_text(only(page, workdir))
    assert extracted is not None
    assert "Hajin" in extracted.text and "26" in extracted.text
    assert "p{}" not in extracted.text
    assert extracted.title == "Casualty list"


def test_html_in_a_declared_legacy_charset(tmp_path: Path, workdir: Path) -> None:
    page = tmp_path / "ar.html"
    sentence = "قتل 26 مدنيا على الأقل بينهم 14 طفلا في غارات على بلدة هجين قرب الحدود العراقية"
    page.write_bytes(
        (
            "<html><head><meta charset='windows-1256'><title>هجين</title></head><body>"
            f"<article><p>{sentence}</p><p>{sentence}</p></article></body></html>"
        ).encode("cp1256")
    )
    extracted = read_text(only(page, workdir))
    assert extracted is not None
    assert sentence in extracted.text
    assert extracted.language == "ar"


def test_pdf_text_layer_in_page_order_with_metadata(corpus: Corpus, workdir: Path) -> None:
    part = only(corpus.pdf, workdir)
    assert part.media_type == PDF
    extracted = read_text(part)
    assert extracted is not None
    text = " ".join(extracted.text.split())
    assert corpus.RAQQAH_SENTENCE in text
    assert text.index("Damascus, November 3 (RHC)") < text.index("Panorama district")
    assert extracted.title == "Letter on the mass graves in Raqqah"
    assert extracted.author == "Ministry of Foreign Affairs and Expatriates"
    # CreationDate says when the file was made, not when the letter was published.
    assert extracted.file_created == dt.datetime(2017, 11, 3, 14, 0, tzinfo=dt.UTC)
    assert extracted.published is None
    assert extracted.language == "en"
    assert extracted.notes == ()


def test_pdf_without_text_layer_gives_empty_text_and_a_note(corpus: Corpus, workdir: Path) -> None:
    extracted = read_text(only(corpus.pdf_scan, workdir))
    assert extracted is not None
    assert extracted.text == ""
    assert extracted.language is None
    assert extracted.notes and "no text layer" in extracted.notes[0]


def test_docx_paragraphs_tables_and_core_properties(corpus: Corpus, workdir: Path) -> None:
    part = only(corpus.docx, workdir)
    assert part.media_type == DOCX
    extracted = read_text(part)
    assert extracted is not None
    assert extracted.text.startswith("Mass graves in Raqqah\n\nDamascus, November 3 (RHC)")
    assert "Panorama district\tmore than 1,500" in extracted.text
    assert extracted.text.endswith("Compiled from the ministry's letters.")
    assert extracted.title == "Mass graves in Raqqah"
    assert extracted.author == "Field team"
    # dcterms:created is the file's creation date (a template's, often), not a publication date.
    assert extracted.file_created == dt.datetime(2017, 11, 5, 8, 30, tzinfo=dt.UTC)
    assert extracted.published is None


def test_email_body_headers_and_attachments(corpus: Corpus, workdir: Path) -> None:
    parts = list(expand(corpus.eml, workdir))
    summary = [
        (p.label.removeprefix(str(corpus.root) + "/"), p.media_type, p.parent) for p in parts
    ]
    assert summary == [
        ("mail.eml", EMAIL, None),
        ("mail.eml!letter.pdf", PDF, 0),  # declared octet-stream; the bytes say PDF
        ("mail.eml!annex.zip", "application/zip", 0),
        ("mail.eml!annex.zip!annex/notes.txt", TEXT, 2),
        ("mail.eml!part3.eml", EMAIL, 0),  # an attached message, with its own attachment
        ("mail.eml!part3.eml!graves.txt", TEXT, 4),
    ]
    assert all(p.ok for p in parts)
    assert all(p.path.is_relative_to(workdir) for p in parts[1:])
    message = parts[0]
    assert message.origin["from"] == "Permanent Mission of Syria <mission@example.org>"
    assert message.origin["subject"] == "Airstrikes on Hajin: letter to the Security Council"
    assert message.origin["date"] == "2017-11-04T07:15:00Z"
    assert message.origin["message_id"] == "<letter-2017-11-04@example.org>"
    assert parts[1].origin["filename"] == "letter.pdf"
    assert parts[1].path.read_bytes() == corpus.pdf.read_bytes()

    body = read_text(message)
    assert body is not None
    assert corpus.HAJIN_SENTENCE in body.text
    assert "<p>" not in body.text  # the plain alternative, not the HTML one
    assert body.title == "Airstrikes on Hajin: letter to the Security Council"
    assert body.author == "Permanent Mission of Syria <mission@example.org>"
    assert body.published == dt.datetime(2017, 11, 4, 7, 15, tzinfo=dt.UTC)
    assert body.language == "en"

    forwarded = read_text(parts[4])
    assert forwarded is not None and forwarded.title == "Fwd: Raqqah graves"
    notes = read_text(parts[3])
    assert notes is not None and notes.text == "Hajin is near the Iraqi border.\n"


def test_html_only_email_body_goes_through_the_html_reader(tmp_path: Path, workdir: Path) -> None:
    eml = tmp_path / "html.eml"
    eml.write_bytes(
        b"From: Monitor <desk@example.org>\r\nSubject: Daily report\r\n"
        b"Date: Mon, 06 Nov 2017 08:00:00 +0000\r\nMIME-Version: 1.0\r\n"
        b"Content-Type: text/html; charset=utf-8\r\n\r\n"
        b"<html><body><p>Shelling on Douma killed at least 7 civilians on Sunday, "
        b"the monitor said.</p></body></html>\r\n"
    )
    parts = list(expand(eml, workdir))
    assert [p.media_type for p in parts] == [EMAIL]
    body = read_text(parts[0])
    assert body is not None
    assert body.text == (
        "Shelling on Douma killed at least 7 civilians on Sunday, the monitor said."
    )
    assert body.author == "Monitor <desk@example.org>"


def test_language_of_arabic_and_french_text(tmp_path: Path, workdir: Path) -> None:
    ar = tmp_path / "ar.txt"
    ar.write_text(
        "قالت وزارة الخارجية إن المقابر الجماعية في الرقة تضم رفات أكثر من 4000 شخص",
        encoding="utf-8",
    )
    fr = tmp_path / "fr.txt"
    fr.write_text(
        "Au moins 26 civils, dont 14 enfants, ont été tués dans des frappes aériennes",
        encoding="utf-8",
    )
    short = tmp_path / "short.txt"
    short.write_text("26 killed\n", encoding="utf-8")
    langs = [read_text(only(p, workdir)) for p in (ar, fr, short)]
    assert [e.language if e else "?" for e in langs] == ["ar", "fr", None]


def test_text_with_bom_and_utf16(tmp_path: Path, workdir: Path) -> None:
    bom = tmp_path / "bom.txt"
    bom.write_bytes(b"\xef\xbb\xbfAirstrike on Hajin")
    utf16 = tmp_path / "utf16.txt"
    utf16.write_bytes("Airstrike on Hajin".encode("utf-16"))
    assert [read_text(only(p, workdir)).text for p in (bom, utf16)] == [  # type: ignore[union-attr]
        "Airstrike on Hajin",
        "Airstrike on Hajin",
    ]


def test_email_attachment_with_a_hostile_name(tmp_path: Path, workdir: Path) -> None:
    from email.message import EmailMessage

    msg = EmailMessage()
    msg["From"] = "x@example.org"
    msg["Subject"] = "files"
    msg.set_content("Two files attached.\n")
    msg.add_attachment(
        b"root::0:0\n", maintype="text", subtype="plain", filename="../../etc/passwd"
    )
    msg.add_attachment(b"Hajin\n", maintype="text", subtype="plain", filename="note.txt")
    eml = tmp_path / "evil.eml"
    eml.write_bytes(msg.as_bytes())
    parts = list(expand(eml, workdir))
    assert [(p.label.removeprefix(str(eml)), p.ok) for p in parts] == [
        ("", True),
        ("!../../etc/passwd", False),
        ("!note.txt", True),
    ]
    assert [f.name for f in workdir.iterdir()] == [parts[2].path.name]


def test_visible_text_drops_scripts_after_the_head() -> None:
    # Dropping the <head> while iterating once ended the iteration: later scripts stayed.
    from factfinder.intake.html_page import visible_text

    html = (
        "<html><head><title>T</title></head><body><script>var x;</script><p>Hit.</p></body></html>"
    )
    assert visible_text(html) == ("Hit.", "T")
