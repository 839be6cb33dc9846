"""Rich Text Format documents with striprtf: the text (paragraphs separated by a blank line, a
table row a line with its cells separated by tabs), and the title, author, creation and revision times
of the `\\info` group (the file's own dates, not publication dates).

RTF is 7-bit text with escapes for everything else (`\\'e9` in the document's code page,
`\\u1578?` for Unicode); striprtf resolves both. Lines are stripped and each paragraph
separated by a blank line, as the other readers give them.
"""

from __future__ import annotations

import datetime as dt
import re

from striprtf.striprtf import rtf_to_text

from factfinder.errors import InputError
from factfinder.intake.parts import Extracted, Part, document_title

MAX_BYTES = 512 * 1024**2
_CODEPAGE = re.compile(rb"\\ansicpg(\d{3,5})")
_CODEPAGE_TEXT = re.compile(r"(?<!\\)\\ansicpg(\d+)")
_INFO_FIELD = re.compile(rb"\{\\(title|author)\s+((?:[^{}\\]|\\[^a-z]|\\[a-z]+-?\d* ?)*)\}")
_TIME_PART = re.compile(rb"\\([a-z]+)(\d+)")


def read(part: Part) -> Extracted:
    """The text of the RTF document at `part.path`."""
    if part.path.stat().st_size > MAX_BYTES:
        raise InputError(part.label, f"RTF larger than {MAX_BYTES} bytes; not read")
    data = part.path.read_bytes()
    if not data.lstrip().startswith(b"{\\rtf"):
        raise InputError(part.label, "not an RTF document (no {\\rtf header)")
    encoding = _encoding(data)
    # striprtf reads the code page itself and takes one Python does not know for UTF-8; such a
    # document is read as Windows-1252, as `_encoding` reads it.
    source = _CODEPAGE_TEXT.sub(
        lambda m: m[0] if _codec(m[1]) else "\\ansicpg1252",
        data.decode(encoding, errors="replace"),
    )
    text = rtf_to_text(source, encoding=encoding, errors="replace")
    info: dict[str, bytes] = {}
    for m in _INFO_FIELD.finditer(data):
        info.setdefault(m.group(1).decode(), m.group(2))
    return Extracted(
        text=_paragraphs(text),
        title=document_title(_info_text(info.get("title"), encoding)),
        author=_info_text(info.get("author"), encoding),
        file_created=_time(data, b"creatim"),
        file_modified=_time(data, b"revtim"),
    )


def _encoding(data: bytes) -> str:
    m = _CODEPAGE.search(data[:4096])
    found = _codec(m.group(1).decode("ascii")) if m else None
    return found or "cp1252"


def _codec(codepage: str) -> str | None:
    """`cpN` for a code page Python can decode, else None."""
    name = f"cp{int(codepage)}"
    try:
        "".encode(name)
    except LookupError:
        return None
    return name


def _paragraphs(text: str) -> str:
    lines = (_row(line.strip()) for line in text.replace("\r\n", "\n").split("\n"))
    return "\n\n".join(line for line in lines if line)


def _row(line: str) -> str:
    # striprtf ends each table cell with "|": a line ending so is a table row, and its cells
    # are separated by tabs as the other readers give them.
    if not line.endswith("|"):
        return line
    return "\t".join(cell.strip() for cell in line[:-1].split("|")).strip()


def _info_text(value: bytes | None, encoding: str) -> str | None:
    if not value:
        return None
    decoded = rtf_to_text(
        "{\\rtf1 " + value.decode(encoding, errors="replace") + "}",
        encoding=encoding,
        errors="replace",
    )
    return " ".join(decoded.split()) or None


def _time(data: bytes, keyword: bytes) -> dt.datetime | None:
    m = re.search(rb"\{\\" + keyword + rb"((?:\\[a-z]+\d+)+)\s*\}", data)
    if not m:
        return None
    fields = {k.decode(): int(v) for k, v in _TIME_PART.findall(m.group(1))}
    try:
        return dt.datetime(
            fields["yr"],
            fields.get("mo", 1),
            fields.get("dy", 1),
            fields.get("hr", 0),
            fields.get("min", 0),
            tzinfo=dt.UTC,
        )
    except (KeyError, ValueError):
        return None
