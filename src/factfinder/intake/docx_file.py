"""Word documents (DOCX) with python-docx: paragraphs and tables in document order; the core
properties title, author, created and modified (the file's own dates, `file_created` and
`file_modified`, not a publication date) and language, read from the core-properties part.

The core properties are read here, not through python-docx: it finds them only under the
relationship type Word writes, and LibreOffice writes another (`…/officedocument/2006/…`), for
which python-docx makes up defaults (title "Word Document", author "python-docx", created now).
The part is found by any relationship of the package whose type ends in
`metadata/core-properties`, else at `docProps/core.xml`. A generic title ("Word Document",
"Document1") is no title.

Paragraphs are separated by a blank line; a table row becomes one line, its cells separated by
tabs (a merged cell counted once). Headers, footers and comments are not part of the text.
"""

from __future__ import annotations

import posixpath
import zipfile
from typing import Any

from factfinder.errors import InputError
from factfinder.intake.parts import Extracted, Part, document_title
from factfinder.intake.times import parse_iso

_CORE_RELATION = "metadata/core-properties"
_MAX_CORE_BYTES = 1024**2
_CORE_FIELDS = {
    "{http://purl.org/dc/elements/1.1/}title": "title",
    "{http://purl.org/dc/elements/1.1/}creator": "creator",
    "{http://purl.org/dc/elements/1.1/}language": "language",
    "{http://purl.org/dc/terms/}created": "created",
    "{http://purl.org/dc/terms/}modified": "modified",
}


def read(part: Part) -> Extracted:
    """The body text and core properties of the DOCX at `part.path`."""
    import docx
    import lxml.etree
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table

    try:
        document = docx.Document(str(part.path))
        blocks: list[str] = []
        for block in document.iter_inner_content():
            if isinstance(block, Table):
                blocks.extend(_table_rows(block))
            elif block.text.strip():
                blocks.append(block.text.strip())
        props = _core_properties(part)
    except (
        PackageNotFoundError,
        zipfile.BadZipFile,
        KeyError,
        ValueError,
        lxml.etree.XMLSyntaxError,
    ) as exc:
        raise InputError(part.label, f"not a readable DOCX ({type(exc).__name__}: {exc})") from exc
    language = (props.get("language") or "").split("-")[0].lower()
    return Extracted(
        text="\n\n".join(blocks),
        title=document_title(props.get("title")),
        file_created=parse_iso(props.get("created")),
        file_modified=parse_iso(props.get("modified")),
        author=props.get("creator") or None,
        language=language if len(language) == 2 else None,
    )


def _core_properties(part: Part) -> dict[str, str]:
    """The core properties of the package (title, creator, language, created, modified) as
    strings; empty when it has none or they cannot be parsed (the body is still read)."""
    import lxml.etree

    parser = lxml.etree.XMLParser(resolve_entities=False, no_network=True)
    with zipfile.ZipFile(part.path) as zf:
        names = set(zf.namelist())
        target = "docProps/core.xml"
        if "_rels/.rels" in names:
            try:
                rels = lxml.etree.fromstring(zf.read("_rels/.rels"), parser)
            except lxml.etree.XMLSyntaxError:
                rels = None
            for rel in rels if rels is not None else ():
                kind = (rel.get("Type") or "").rstrip("/")
                if kind.endswith(_CORE_RELATION) and rel.get("TargetMode") != "External":
                    target = posixpath.normpath((rel.get("Target") or "").lstrip("/"))
                    break
        if target not in names or zf.getinfo(target).file_size > _MAX_CORE_BYTES:
            return {}
        try:
            root = lxml.etree.fromstring(zf.read(target), parser)
        except lxml.etree.XMLSyntaxError:
            return {}
    found: dict[str, str] = {}
    for element in root:
        name = _CORE_FIELDS.get(element.tag) if isinstance(element.tag, str) else None
        value = " ".join((element.text or "").split())
        if name and value:
            found[name] = value
    return found


def _table_rows(table: Any) -> list[str]:
    rows = []
    for row in table.rows:
        cells: list[str] = []
        previous = None
        for cell in row.cells:
            if previous is not None and cell._tc is previous:  # a merged cell repeats
                continue
            previous = cell._tc
            cells.append(" ".join(cell.text.split()))
        line = "\t".join(cells).strip()
        if line:
            rows.append(line)
    return rows
