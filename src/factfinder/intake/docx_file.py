"""Word documents (DOCX) with python-docx: paragraphs and tables in document order, and the
core properties title, author, created (the file's creation date, `file_created`, not a
publication date) and language.

Paragraphs are separated by a blank line; a table row becomes one line, its cells separated by
tabs (a merged cell counted once). Headers, footers and comments are not part of the text.
"""

from __future__ import annotations

import zipfile
from typing import Any

from factfinder.errors import InputError
from factfinder.intake.parts import Extracted, Part
from factfinder.intake.times import as_utc


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
        props = document.core_properties
    except (
        PackageNotFoundError,
        zipfile.BadZipFile,
        KeyError,
        ValueError,
        lxml.etree.XMLSyntaxError,
    ) as exc:
        raise InputError(part.label, f"not a readable DOCX ({type(exc).__name__}: {exc})") from exc
    created = props.created
    language = (props.language or "").split("-")[0].lower()
    return Extracted(
        text="\n\n".join(blocks),
        title=props.title or None,
        file_created=as_utc(created) if created else None,
        author=props.author or None,
        language=language if len(language) == 2 else None,
    )


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
