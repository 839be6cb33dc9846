"""The one table of intake readers: which module reads each media type, and how.

Three kinds of reader, each named here as (module of `factfinder.intake`, function):

- text readers, `read(part) -> Extracted`: the text and metadata of a document;
- member readers, `members(part, sink) -> Iterator[Part]`: the members of a container, written
  through a `MemberSink` (`factfinder.intake.sink`);
- origin readers, `header_origin(path) -> Mapping[str, str]`: what a file says of where it
  came from (an e-mail's headers), added to its part's origin.

A reader's module is imported when its format first turns up, so reading text files never
loads pdfminer, and the HTML stack is loaded once per process. Readers import nothing from the
walk or from `read`, so adding a format is one row here and one module.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from importlib import import_module
from pathlib import Path
from typing import Any

from factfinder.intake import parts as mt
from factfinder.intake.parts import Extracted, Part

TextReader = Callable[[Part], Extracted]
# (part, sink) → members; the sink is a `factfinder.intake.sink.MemberSink`, which imports this
# module (for the origin readers), so it is not named here.
MemberReader = Callable[[Part, Any], Iterator[Part]]
OriginReader = Callable[[Path], Mapping[str, str]]

# media type → (module, function) of each kind of reader
TEXT_READERS: Mapping[str, tuple[str, str]] = {
    mt.HTML: ("html_page", "read"),
    mt.XHTML: ("html_page", "read"),
    mt.PDF: ("pdf_file", "read"),
    mt.EMAIL: ("mail", "read"),
    mt.MSG: ("msg_file", "read"),
    mt.CHAT_MESSAGE: ("chat", "read"),
    mt.XLSX: ("sheet_file", "read_xlsx"),
    mt.CSV: ("sheet_file", "read_csv"),
    mt.EPUB: ("epub_file", "read"),
    mt.DOCX: ("docx_file", "read"),
    mt.ODT: ("odf_file", "read"),
    mt.ODS: ("sheet_file", "read_ods"),
    mt.ODP: ("odf_file", "read"),
    mt.RTF: ("rtf_file", "read"),
    "text/rtf": ("rtf_file", "read"),
    mt.DOC: ("doc_file", "read"),
    mt.PNG: ("image_file", "read"),
    mt.JPEG: ("image_file", "read"),
    mt.TIFF: ("image_file", "read"),
    "application/json": ("text_file", "read"),
    "application/x-ndjson": ("text_file", "read"),
}
TEXT_FALLBACK = ("text_file", "read")  # any other text/* type
MEMBER_READERS: Mapping[str, tuple[str, str]] = {
    mt.EMAIL: ("mail", "members"),
    mt.MSG: ("msg_file", "members"),
    mt.MBOX: ("mbox_file", "members"),
    mt.TELEGRAM_JSON: ("telegram", "json_members"),
    mt.TELEGRAM_HTML: ("telegram", "html_members"),
    mt.WHATSAPP: ("whatsapp", "members"),
    mt.WARC: ("warc_file", "members"),
    mt.ZIP: ("archive", "zip_members"),
}
MEMBER_FALLBACK = ("archive", "compressed_members")  # tar and the compressed single files
ORIGIN_READERS: Mapping[str, tuple[str, str]] = {
    mt.EMAIL: ("mail", "header_origin"),
    mt.MSG: ("msg_file", "header_origin"),
}


def _load(entry: tuple[str, str]) -> Any:
    module, function = entry
    return getattr(import_module(f"factfinder.intake.{module}"), function)


# Text types with no text of their own: a chat export's text is read message by message (each
# its own item, its sender restricted), never as one text that would show every sender.
NO_TEXT: frozenset[str] = frozenset({mt.WHATSAPP})


def text_reader(media_type: str) -> TextReader | None:
    """The text reader of a media type, or None when none reads it (archives, binaries, …)."""
    if media_type in NO_TEXT:
        return None
    entry = TEXT_READERS.get(media_type)
    if entry is None and media_type.startswith("text/"):
        entry = TEXT_FALLBACK
    if entry is None:
        return None
    reader: TextReader = _load(entry)
    return reader


def member_reader(media_type: str) -> MemberReader:
    """The member reader of a container's media type."""
    reader: MemberReader = _load(MEMBER_READERS.get(media_type, MEMBER_FALLBACK))
    return reader


def origin_reader(media_type: str) -> OriginReader | None:
    """The origin reader of a media type, or None when its files say nothing of their origin."""
    entry = ORIGIN_READERS.get(media_type)
    if entry is None:
        return None
    reader: OriginReader = _load(entry)
    return reader
