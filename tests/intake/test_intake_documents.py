"""Office documents other than python-docx's own: OpenDocument (ODT, ODS), LibreOffice's DOCX,
Word 97–2003 (.doc) and RTF, from the LibreOffice-made files in `fixtures/` (see its README);
zips that are documents are not unpacked, and a zip named as a document that is none is
refused with one line naming it."""

from __future__ import annotations

import datetime as dt
import shutil
import zipfile
from pathlib import Path

import pytest

from factfinder.errors import InputError
from factfinder.intake import expand, read_text
from factfinder.intake.parts import DOC, DOCX, ODS, ODT, RTF, ZIP, Extracted, document_title
from factfinder.intake.sniff import sniff_media_type

FIXTURES = Path(__file__).resolve().parent / "fixtures"
REPORT_PARAGRAPHS = [
    "Strikes on Ariha",
    "Airstrikes on the town of Ariha killed five civilians, including two children, on "
    "3 March 2024, the Syrian Civil Defence said.",
    "Rescue teams recovered the bodies from the rubble of two houses near the central market.",
    "Killed\t5",
    "Injured\t11",
    "قتل خمسة مدنيين في أريحا.",
]
CREATED = dt.datetime(2024, 3, 4, 9, 30, tzinfo=dt.UTC)
MODIFIED = dt.datetime(2024, 3, 5, 16, 45, tzinfo=dt.UTC)


def read_only_part(path: Path, workdir: Path) -> tuple[str, Extracted]:
    parts = list(expand(path, workdir))
    assert [p.error for p in parts] == [None]
    extracted = read_text(parts[0])
    assert extracted is not None
    return parts[0].media_type, extracted


def test_odt_is_one_document_with_its_text_and_metadata(workdir: Path) -> None:
    media_type, got = read_only_part(FIXTURES / "report.odt", workdir)
    assert media_type == ODT  # not a zip: no content.xml, styles.xml, meta.xml items
    assert got.text.split("\n\n") == REPORT_PARAGRAPHS
    assert (got.title, got.author, got.language) == ("Strikes on Ariha", "Field team", "en")
    assert (got.file_created, got.file_modified) == (CREATED, MODIFIED)
    assert got.published is None and got.text_status is None


def test_ods_rows_are_lines_of_named_values(workdir: Path) -> None:
    media_type, got = read_only_part(FIXTURES / "casualties.ods", workdir)
    assert media_type == ODS
    assert got.text.splitlines()[2:] == [
        "place: Ariha; killed: 5; injured: 11.",
        "place: Sarmin; killed: 2; injured: 4.",
    ]


def test_libreoffice_docx_keeps_its_title_author_and_dates(workdir: Path) -> None:
    import docx

    path = FIXTURES / "report.docx"
    # What python-docx alone makes of this file's properties: a made-up default.
    assert docx.Document(str(path)).core_properties.title == "Word Document"
    media_type, got = read_only_part(path, workdir)
    assert media_type == DOCX
    assert got.text.split("\n\n") == REPORT_PARAGRAPHS
    assert (got.title, got.author, got.language) == ("Strikes on Ariha", "Field team", "en")
    assert (got.file_created, got.file_modified) == (CREATED, MODIFIED)


def test_generic_titles_are_no_titles(tmp_path: Path, workdir: Path) -> None:
    import docx

    document = docx.Document()  # python-docx's template says "Word Document"
    document.add_paragraph("Five civilians were killed in Ariha.")
    path = tmp_path / "plain.docx"
    document.save(str(path))
    _, got = read_only_part(path, workdir)
    assert got.title is None
    for generic in ("Word Document", "Document1", "Untitled 2", "Microsoft Word Document"):
        assert document_title(generic) is None
    assert document_title("  Strikes on\nAriha ") == "Strikes on Ariha"


@pytest.mark.skipif(
    not (shutil.which("catdoc") or shutil.which("antiword")), reason="no catdoc or antiword"
)
def test_word_97_document_is_read_with_catdoc_or_antiword(workdir: Path) -> None:
    media_type, got = read_only_part(FIXTURES / "report.doc", workdir)
    assert media_type == DOC
    assert got.text.split("\n\n") == REPORT_PARAGRAPHS
    assert got.language == "en"


def test_word_97_document_without_a_reader_says_its_text_was_not_read(
    workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    _, got = read_only_part(FIXTURES / "report.doc", workdir)
    assert got.text == ""
    assert got.text_status == "text not read: no .doc reader (catdoc or antiword) installed"


def test_rtf_text_and_info_group(workdir: Path) -> None:
    media_type, got = read_only_part(FIXTURES / "report.rtf", workdir)
    assert media_type == RTF
    assert got.text.split("\n\n") == REPORT_PARAGRAPHS
    assert (got.title, got.author) == ("Strikes on Ariha", "Field team")
    assert (got.file_created, got.file_modified) == (CREATED, MODIFIED)


def test_a_docx_that_is_a_zip_of_other_files_is_refused_naming_it(
    tmp_path: Path, workdir: Path
) -> None:
    path = tmp_path / "statement.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("notes.txt", "not a Word document")
        zf.writestr("photo.jpg", b"\xff\xd8\xff\xe0 not really")
    with pytest.raises(InputError) as raised:
        sniff_media_type(path)
    assert raised.value.input == str(path)
    parts = list(expand(path, workdir))
    assert len(parts) == 1  # refused whole: its members are not unpacked
    error = parts[0].error
    assert error is not None and "\n" not in str(error)
    assert str(error) == (
        f"{path}: not a DOCX document: a zip archive without word/document.xml; refused"
    )
    # The same zip under a neutral name is an archive like any other.
    plain = tmp_path / "statement.zip"
    shutil.copy(path, plain)
    assert sniff_media_type(plain) == ZIP


def test_a_fake_docx_inside_an_archive_is_refused_and_the_rest_read(
    tmp_path: Path, workdir: Path
) -> None:
    fake = tmp_path / "fake.docx"
    with zipfile.ZipFile(fake, "w") as zf:
        zf.writestr("a.txt", "a")
    outer = tmp_path / "batch.zip"
    with zipfile.ZipFile(outer, "w") as zf:
        zf.write(fake, "fake.docx")
        zf.write(FIXTURES / "report.odt", "report.odt")
    parts = list(expand(outer, workdir))
    labels = {p.label: p for p in parts}
    assert set(labels) == {str(outer), f"{outer}!fake.docx", f"{outer}!report.odt"}
    failed = labels[f"{outer}!fake.docx"].error
    assert failed is not None and "without word/document.xml" in failed.problem
    assert labels[f"{outer}!report.odt"].media_type == ODT


def test_an_odt_named_as_such_without_content_is_refused(tmp_path: Path, workdir: Path) -> None:
    path = tmp_path / "letter.odt"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        zf.writestr("styles.xml", "<x/>")
    (part,) = list(expand(path, workdir))
    assert part.error is not None
    assert part.error.problem.startswith("not an OpenDocument text document")


def test_compound_files_are_told_apart_by_their_names(tmp_path: Path) -> None:
    # .doc, .xls and .ppt share one magic number; a workbook is not given to a Word reader.
    for name, expected in (
        ("sheet.xls", "application/vnd.ms-excel"),
        ("slides.ppt", "application/vnd.ms-powerpoint"),
        ("letter.doc", DOC),
        ("unnamed", DOC),
    ):
        path = tmp_path / name
        shutil.copy(FIXTURES / "report.doc", path)
        assert sniff_media_type(path) == expected, name
