"""OpenDocument read from files written here, element by element: the spaces, tabs and breaks a
paragraph spells as elements, what is left out (notes, frames, annotations), tables within
tables, metadata that is missing or broken, and damaged files refused with one error naming
the file."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from factfinder.errors import InputError
from factfinder.intake import odf_file
from factfinder.intake.parts import ODT, Part

NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/"'
)
META = (
    f"<office:document-meta {NS}><office:meta><dc:title>Ariha</dc:title>"
    "<dc:creator>Desk</dc:creator><dc:language>ar-SY</dc:language></office:meta>"
    "</office:document-meta>"
)


def content(body: str) -> str:
    return f"<office:document-content {NS}><office:body><office:text>{body}</office:text></office:body></office:document-content>"


def odt(path: Path, members: dict[str, str | bytes]) -> Part:
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        for name, data in members.items():
            zf.writestr(name, data)
    return Part(str(path), path, ODT, None)


@pytest.mark.parametrize(
    ("paragraph", "text"),
    [
        (
            "<text:p>Five   killed\n in <text:span>Ariha</text:span></text:p>",
            "Five killed in Ariha",
        ),
        ('<text:p>a<text:s text:c="3"/>b<text:s/>c</text:p>', "a   b c"),
        ('<text:p>a<text:s text:c="100000"/>b</text:p>', "a" + " " * 100 + "b"),
        (
            "<text:p>Killed<text:tab/>5<text:line-break/>Injured<text:tab/>11</text:p>",
            "Killed\t5\nInjured\t11",
        ),
        (
            "<text:p>Shelling<text:note><text:note-body><text:p>a footnote</text:p>"
            "</text:note-body></text:note> hit the market"
            "<draw:frame><draw:text-box><text:p>a caption</text:p></draw:text-box></draw:frame>"
            "<office:annotation><text:p>check this</text:p></office:annotation>.</text:p>",
            "Shelling hit the market.",
        ),
        (
            "<text:h>Strikes</text:h><text:p>  </text:p><text:p>on Ariha</text:p>",
            "Strikes\n\non Ariha",
        ),
        ("<text:section><text:p>in a section</text:p></text:section>", "in a section"),
    ],
)
def test_a_paragraphs_text(tmp_path: Path, paragraph: str, text: str) -> None:
    got = odf_file.read(odt(tmp_path / "r.odt", {"content.xml": content(paragraph)}))
    assert got.text == text


def test_tables_within_tables_and_rows_without_cells(tmp_path: Path) -> None:
    inner = (
        "<table:table><table:table-row><table:table-cell><text:p>inner</text:p>"
        "</table:table-cell><table:table-cell><text:p>2</text:p></table:table-cell>"
        "</table:table-row></table:table>"
    )
    body = (
        "<table:table><table:table-header-columns><table:table-column/></table:table-header-columns>"
        "<table:table-row><table:table-cell><text:p>place</text:p><text:p>(town)</text:p>"
        "</table:table-cell><table:covered-table-cell/><table:table-cell><text:p>killed</text:p>"
        "</table:table-cell><table:table-cell/><table:table-cell/></table:table-row>"
        "<table:table-row><table:table-cell/><table:table-cell/></table:table-row>"
        f"<table:table-row><table:table-cell>{inner}</table:table-cell>"
        "<table:table-cell><text:p>5</text:p></table:table-cell></table:table-row>"
        "</table:table>"
    )
    got = odf_file.read(odt(tmp_path / "t.odt", {"content.xml": content(body)}))
    # The empty row is left out, trailing empty cells dropped; a nested table is read as the
    # text of its cell, not again as rows of the outer table.
    assert got.text.split("\n\n") == ["place (town)\tkilled", "inner 2\t5"]


@pytest.mark.parametrize(
    ("meta", "expected"),
    [
        (META, ("Ariha", "Desk", "ar")),
        (None, (None, None, None)),
        ("<office:document-meta", (None, None, None)),
        (META.replace("ar-SY", "arabic"), ("Ariha", "Desk", None)),
    ],
)
def test_metadata_present_missing_or_broken(
    tmp_path: Path, meta: str | None, expected: tuple[str | None, ...]
) -> None:
    members: dict[str, str | bytes] = {"content.xml": content("<text:p>text</text:p>")}
    if meta is not None:
        members["meta.xml"] = meta
    got = odf_file.read(odt(tmp_path / "m.odt", members))
    assert (got.title, got.author, got.language) == expected
    assert got.text == "text"


@pytest.mark.parametrize(
    ("members", "problem"),
    [
        ({"styles.xml": "<x/>"}, "not an OpenDocument file: no content.xml"),
        ({"content.xml": "<office:document-content"}, "not a readable OpenDocument file ("),
    ],
)
def test_a_damaged_document_is_refused_naming_it(
    tmp_path: Path, members: dict[str, str | bytes], problem: str
) -> None:
    part = odt(tmp_path / "bad.odt", members)
    with pytest.raises(InputError) as caught:
        odf_file.read(part)
    assert caught.value.input == str(tmp_path / "bad.odt")
    assert caught.value.problem.startswith(problem)


def test_not_a_zip_at_all(tmp_path: Path) -> None:
    path = tmp_path / "fake.odt"
    path.write_bytes(b"PK\x03\x04 but not a zip")
    with pytest.raises(InputError, match="not a readable OpenDocument file"):
        odf_file.read(Part(str(path), path, ODT, None))


def test_an_oversized_content_xml_is_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(odf_file, "MAX_XML_BYTES", 100)
    part = odt(tmp_path / "big.odt", {"content.xml": content("<text:p>" + "x" * 200 + "</text:p>")})
    with pytest.raises(InputError) as caught:
        odf_file.read(part)
    assert caught.value.problem == "content.xml is larger than 100 bytes; not read"
