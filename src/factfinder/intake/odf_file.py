"""OpenDocument files (ODT text, ODP presentations; ODS spreadsheets are read as tables by
`factfinder.intake.sheet_file`): `content.xml` read with
lxml, the metadata from `meta.xml`. An ODF file is a zip, but a document, not an archive: its
members (styles, settings, thumbnails) are never items of their own.

Paragraphs and headings are separated by a blank line, in document order; a table row becomes
one line, its cells separated by tabs (a repeated cell counted once, empty rows left out).
Footnotes, frames and annotations are not part of the text. Title, author (the initial creator,
else the last one), creation and modification dates (the file's, not publication dates) and
language come from `meta.xml`.
"""

from __future__ import annotations

import re
import zipfile
from typing import Any

from factfinder.errors import InputError
from factfinder.intake.parts import Extracted, Part, document_title
from factfinder.intake.times import parse_iso

MAX_XML_BYTES = 256 * 1024**2  # content.xml larger than this is refused (zip bomb)

_NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
    "meta": "urn:oasis:names:tc:opendocument:xmlns:meta:1.0",
    "dc": "http://purl.org/dc/elements/1.1/",
}


def _q(prefix: str, name: str) -> str:
    return f"{{{_NS[prefix]}}}{name}"


_WHITE = re.compile(r"[ \t\r\n]+")
_PARAGRAPHS = {_q("text", "p"), _q("text", "h")}
_TABLE = _q("table", "table")
_ROW = _q("table", "table-row")
_CELL = _q("table", "table-cell")
_SKIPPED = {
    _q("text", "note"),
    _q("office", "annotation"),
    _q("text", "tracked-changes"),
    _q("text", "sequence-decls"),
    _q("table", "table-header-columns"),
}


def read(part: Part) -> Extracted:
    """The text and metadata of the ODF document at `part.path`."""
    import lxml.etree

    parser = lxml.etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        with zipfile.ZipFile(part.path) as zf:
            content = lxml.etree.fromstring(_member(part, zf, "content.xml"), parser)
            meta_bytes = _member(part, zf, "meta.xml", required=False)
    except (zipfile.BadZipFile, OSError, lxml.etree.XMLSyntaxError) as exc:
        raise InputError(part.label, f"not a readable OpenDocument file ({exc})") from exc
    body = content.find(_q("office", "body"))
    blocks: list[str] = []
    if body is not None:
        _blocks(body, blocks)
    meta = _meta(meta_bytes, parser) if meta_bytes else {}
    language = (meta.get("language") or "").split("-")[0].lower()
    return Extracted(
        text="\n\n".join(blocks),
        title=document_title(meta.get("title")),
        author=meta.get("initial-creator") or meta.get("creator"),
        file_created=parse_iso(meta.get("creation-date")),
        file_modified=parse_iso(meta.get("date")),
        language=language if len(language) == 2 else None,
    )


def _member(part: Part, zf: zipfile.ZipFile, name: str, *, required: bool = True) -> bytes:
    try:
        info = zf.getinfo(name)
    except KeyError:
        if required:
            raise InputError(part.label, f"not an OpenDocument file: no {name}") from None
        return b""
    if info.file_size > MAX_XML_BYTES:
        raise InputError(part.label, f"{name} is larger than {MAX_XML_BYTES} bytes; not read")
    return zf.read(info)


def _blocks(element: Any, out: list[str]) -> None:
    for child in element:
        tag = child.tag
        if tag in _SKIPPED or not isinstance(tag, str):
            continue
        if tag in _PARAGRAPHS:
            text = _inline(child).strip()
            if text:
                out.append(text)
        elif tag == _TABLE:
            out.extend(_rows(child))
        else:
            _blocks(child, out)


def _inline(element: Any) -> str:
    """A paragraph's text: spans, links and fields followed, `text:s`/`text:tab`/`text:line-break`
    as spaces, a tab and a newline; notes, frames and annotations left out."""
    pieces: list[str] = [_collapse(element.text)]
    for child in element:
        tag = child.tag
        if (
            isinstance(tag, str)
            and tag not in _SKIPPED
            and not tag.startswith(f"{{{_NS['draw']}}}")
        ):
            if tag == _q("text", "s"):
                pieces.append(" " * min(int(child.get(_q("text", "c")) or 1), 100))
            elif tag == _q("text", "tab"):
                pieces.append("\t")
            elif tag == _q("text", "line-break"):
                pieces.append("\n")
            else:
                pieces.append(_inline(child))
        pieces.append(_collapse(child.tail))
    return "".join(pieces)


def _collapse(value: str | None) -> str:
    # ODF collapses white space in paragraph text as HTML does; kept spaces are `text:s`.
    return _WHITE.sub(" ", value) if value else ""


def _rows(table: Any) -> list[str]:
    rows: list[str] = []
    for row in table.iter(_ROW):
        if row.getparent() is not None and _ancestor_table(row) is not table:
            continue  # a row of a nested table is read with its own table's cell
        cells = []
        for cell in row:
            if cell.tag != _CELL:
                continue
            paragraphs = []
            for p in cell.iter(*_PARAGRAPHS):
                paragraphs.append(" ".join(_inline(p).split()))
            cells.append(" ".join(p for p in paragraphs if p))
        while cells and not cells[-1]:
            cells.pop()
        if any(cells):
            rows.append("\t".join(cells))
    return rows


def _ancestor_table(element: Any) -> Any:
    parent = element.getparent()
    while parent is not None and parent.tag != _TABLE:
        parent = parent.getparent()
    return parent


def _meta(data: bytes, parser: Any) -> dict[str, str]:
    import lxml.etree

    try:
        root = lxml.etree.fromstring(data, parser)
    except lxml.etree.XMLSyntaxError:
        return {}
    found: dict[str, str] = {}
    for prefix, name in (
        ("dc", "title"),
        ("meta", "initial-creator"),
        ("dc", "creator"),
        ("meta", "creation-date"),
        ("dc", "date"),
        ("dc", "language"),
    ):
        element = root.find(f".//{_q(prefix, name)}")
        value = " ".join((element.text or "").split()) if element is not None else ""
        if value:
            found[name] = value
    return found


# What the spreadsheet reader (`factfinder.intake.sheet_file`) shares with this one.
q = _q
member = _member
inline = _inline
metadata = _meta
PARAGRAPHS = _PARAGRAPHS
