"""The values intake hands to the rest of factfinder: parts, extracted text, expansion limits."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from factfinder.errors import InputError

# Media types intake names. DOCX and the WARC/zip/tar types are the registered ones.
TEXT = "text/plain"
HTML = "text/html"
XHTML = "application/xhtml+xml"
PDF = "application/pdf"
EMAIL = "message/rfc822"
MBOX = "application/mbox"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
WARC = "application/warc"
ZIP = "application/zip"
TAR = "application/x-tar"
GZIP = "application/gzip"
BZIP2 = "application/x-bzip2"
XZ = "application/x-xz"
OCTET = "application/octet-stream"
ODT = "application/vnd.oasis.opendocument.text"
ODS = "application/vnd.oasis.opendocument.spreadsheet"
ODP = "application/vnd.oasis.opendocument.presentation"
EPUB = "application/epub+zip"
RTF = "application/rtf"
DOC = "application/msword"
PNG = "image/png"
JPEG = "image/jpeg"
TIFF = "image/tiff"
MSG = "application/vnd.ms-outlook"
CSV = "text/csv"
# Chat exports (no registered types): a Telegram Desktop export (its machine-readable
# `result.json` or its `messages.html`), a WhatsApp "Export chat" text, and one message of any
# of them as factfinder writes it (`factfinder.intake.chat`).
TELEGRAM_JSON = "application/x-telegram-export+json"
TELEGRAM_HTML = "application/x-telegram-export+html"
WHATSAPP = "text/x-whatsapp-chat"
CHAT_MESSAGE = "application/vnd.factfinder.chat-message+json"
# A chat export as a whole holds every sender's name: it is kept, and read message by message.
CHAT_EXPORTS = frozenset({TELEGRAM_JSON, TELEGRAM_HTML, WHATSAPP})
# Containers that are only packaging (no text of their own): an export zipped keeps the export's
# bytes, so what holds for the export holds for them.
ARCHIVES = frozenset({ZIP, TAR, GZIP, BZIP2, XZ})

# `Extracted.text_status` of a text read by OCR; the other statuses say what was not read.
OCR = "ocr"
OCR_UNAVAILABLE = "text not read: OCR unavailable"

# Formats whose members `expand` yields as parts of their own.
CONTAINERS = frozenset(
    {EMAIL, MSG, MBOX, WARC, ZIP, TAR, GZIP, BZIP2, XZ, TELEGRAM_JSON, TELEGRAM_HTML, WHATSAPP}
)


@dataclass(frozen=True, slots=True)
class Part:
    """One piece of an input: the input file itself or a member of a container.

    `label` names it in messages ("mail.eml!letter.pdf", "crawl.warc.gz#3"); `path` is a file
    holding exactly this part's bytes; `parent` is the yield index of the container it came from
    (None for the input itself); `origin` holds what the container said about it (file name,
    target URI, capture time as ISO UTC, declared content type, e-mail headers).

    A part that could not be produced (unreadable input, hostile member name, truncated record,
    an archive over its limits) carries the reason in `error`; its `path` then names the input or
    the container it was to come from and holds none of its bytes. Such a part still takes its
    place in the yield order, and nothing names it as a parent.
    """

    label: str
    path: Path
    media_type: str
    parent: int | None
    origin: Mapping[str, str] = field(default_factory=dict)
    error: InputError | None = None

    @property
    def ok(self) -> bool:
        """True when the part has its bytes (no `error`)."""
        return self.error is None

    @property
    def is_container(self) -> bool:
        return self.media_type in CONTAINERS


@dataclass(frozen=True, slots=True)
class Extracted:
    """The text of a part and the metadata found in it.

    `published` is timezone-aware UTC (a bare date becomes midnight UTC): the date the content
    says it was published (an HTML page's meta, an e-mail's Date). `file_created` is the date a
    file format records for the file itself (PDF `CreationDate`, DOCX `dcterms:created`): when
    the file was made, often from a template, never a publication date. `language` is an ISO
    639-1 code or None when detection is unsure. `notes` explain an unusual result, e.g. which
    pages of a PDF were read by OCR.

    `text_status` is None when the text is the file's own; `"ocr"` when some or all of it was
    read from page images by OCR (then `ocr_confidence` is Tesseract's mean word confidence,
    0–100, over the OCR'd words); otherwise a phrase beginning "text not read" or "text partly
    read" saying what is missing and why (`OCR_UNAVAILABLE`). `file_modified` is the date a
    file format records for the file's last change (DOCX `dcterms:modified`).

    `restricted` names the metadata fields that hold a private person's data (a chat message's
    sender, kept as `author`): the item is recorded with those fields marked restricted.
    `attachments` are the files a chat message names as attached, as the export names them
    (relative to the export's folder).
    """

    text: str
    title: str | None = None
    published: dt.datetime | None = None
    author: str | None = None
    site: str | None = None
    url: str | None = None
    language: str | None = None
    notes: tuple[str, ...] = ()
    file_created: dt.datetime | None = None
    file_modified: dt.datetime | None = None
    text_status: str | None = None
    ocr_confidence: float | None = None
    restricted: tuple[str, ...] = ()
    attachments: tuple[str, ...] = ()


# Titles that office suites and templates put in a file's properties by default: they name the
# kind of file, not the document.
_GENERIC_TITLE = re.compile(
    r"^(?:(?:microsoft\s+)?(?:office\s+)?(?:word|writer|libreoffice|openoffice)?\s*"
    r"(?:document|doc|text|file)\s*\d*|untitled(?:\s+document)?\s*\d*|title|"
    r"(?:new\s+)?(?:word\s+)?document\s*\d*|dokument\s*\d*|document\s+sans\s+titre)$",
    re.IGNORECASE,
)


def document_title(value: str | None) -> str | None:
    """A title from a document's properties, or None when it is empty or generic ("Word
    Document", "Untitled 1", "Document1")."""
    if not value:
        return None
    title = " ".join(value.split())
    if not title or _GENERIC_TITLE.match(title):
        return None
    return title


@dataclass(frozen=True, slots=True)
class Limits:
    """Bounds on what one `expand` call may unpack, against archive bombs.

    `max_members` counts member parts over the whole walk; `max_total_bytes` the bytes written
    to the workdir; `max_ratio` the bytes one container may expand to per byte of its own size
    (plus `ratio_slack` so tiny archives of small files pass), and the bytes an input given to
    the walk may expand to with every container nested in it (the slack counted once: nested
    archives small at every level are refused as one input, from their declared sizes before
    they are written where the format declares them); `max_depth` the nesting of containers
    (an archive inside an e-mail inside an archive is depth 3).
    """

    max_members: int = 100_000
    max_total_bytes: int = 16 * 1024**3
    max_ratio: int = 250
    ratio_slack: int = 16 * 1024**2
    max_depth: int = 8
