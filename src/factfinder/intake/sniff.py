"""Media type detection: magic bytes first, the file name's extension second.

Content decides when it is unambiguous (PDF, zip and the document formats inside it, gzip and
what it wraps, WARC, tar, e-mail headers, an HTML document start); the extension decides for
the rest; a file that is neither known by its magic nor by its name is `text/plain` when its
first bytes are clean UTF-8 and `application/octet-stream` otherwise.

A zip is a document, not an archive, when its members say so: an OpenDocument or EPUB file
has a `mimetype` member naming its type, a DOCX/XLSX/PPTX its main part (`word/document.xml`,
…). A zip named as a document (`.docx`, `.odt`, …) whose members say it is none is refused
(`InputError`): unpacking it as an archive would hide that the document is not there.
"""

from __future__ import annotations

import gzip
import re
import zipfile
import zlib
from pathlib import Path

from factfinder.errors import InputError
from factfinder.intake import parts as mt

HEAD_BYTES = 8192

_EXTENSIONS: dict[str, str] = {
    ".txt": mt.TEXT,
    ".text": mt.TEXT,
    ".md": "text/markdown",
    ".csv": mt.CSV,
    ".html": mt.HTML,
    ".htm": mt.HTML,
    ".xhtml": mt.XHTML,
    ".pdf": mt.PDF,
    ".eml": mt.EMAIL,
    ".mbox": mt.MBOX,
    ".mbx": mt.MBOX,
    ".docx": mt.DOCX,
    ".xlsx": mt.XLSX,
    ".pptx": mt.PPTX,
    ".warc": mt.WARC,
    ".warc.gz": mt.WARC,
    ".zip": mt.ZIP,
    ".tar": mt.TAR,
    ".tar.gz": mt.GZIP,
    ".tgz": mt.GZIP,
    ".gz": mt.GZIP,
    ".tar.bz2": mt.BZIP2,
    ".bz2": mt.BZIP2,
    ".tar.xz": mt.XZ,
    ".xz": mt.XZ,
    ".json": "application/json",
    ".jsonl": "application/x-ndjson",
    ".ndjson": "application/x-ndjson",
    ".doc": mt.DOC,
    ".xls": "application/vnd.ms-excel",
    ".ppt": "application/vnd.ms-powerpoint",
    ".msg": mt.MSG,
    ".rtf": mt.RTF,
    ".odt": mt.ODT,
    ".ods": mt.ODS,
    ".odp": mt.ODP,
    ".epub": mt.EPUB,
    ".png": mt.PNG,
    ".jpg": mt.JPEG,
    ".jpeg": mt.JPEG,
    ".tif": mt.TIFF,
    ".tiff": mt.TIFF,
    ".gif": "image/gif",
}

# Zip-based document formats: what a file named so must contain to be one.
_ZIP_DOCUMENTS: dict[str, tuple[str, str]] = {
    mt.DOCX: ("a DOCX", "word/document.xml"),
    mt.XLSX: ("an XLSX", "xl/workbook.xml"),
    mt.PPTX: ("a PPTX", "ppt/presentation.xml"),
    mt.ODT: ("an OpenDocument text", "a mimetype member and content.xml"),
    mt.ODS: ("an OpenDocument spreadsheet", "a mimetype member and content.xml"),
    mt.ODP: ("an OpenDocument presentation", "a mimetype member and content.xml"),
    mt.EPUB: ("an EPUB", "a mimetype member"),
}

# Compound-file (OLE) formats: one magic number, told apart by the name; the rest is a .doc.
_OLE_KINDS = frozenset({"application/vnd.ms-excel", "application/vnd.ms-powerpoint", mt.MSG})
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

_UNINFORMATIVE = frozenset(
    {
        "application/octet-stream",
        "binary/octet-stream",
        "application/x-download",
        "application/force-download",
        "application/unknown",
        "unknown/unknown",
    }
)

_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", mt.PNG),
    (b"\xff\xd8\xff", mt.JPEG),
    (b"II*\x00", mt.TIFF),
    (b"MM\x00*", mt.TIFF),
    (b"GIF8", "image/gif"),
    (b"BZh", mt.BZIP2),
    (b"\xfd7zXZ\x00", mt.XZ),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", mt.DOC),
    (b"{\\rtf", mt.RTF),
    (b"WARC/", mt.WARC),
)

_HTML_START = re.compile(
    rb"^(?:\s|<!--.*?-->|<\?xml[^>]*>)*<(?:!doctype\s+html|html|head|body|meta|title)\b",
    re.IGNORECASE | re.DOTALL,
)
_HEADER_LINE = re.compile(rb"^([A-Za-z0-9][A-Za-z0-9-]*):[ \t]", re.MULTILINE)
_MAIL_HEADERS = {
    b"from",
    b"to",
    b"subject",
    b"date",
    b"message-id",
    b"received",
    b"mime-version",
    b"return-path",
    b"delivered-to",
    b"cc",
    b"reply-to",
}


def sniff_media_type(path: Path) -> str:
    """The media type of the file at `path`: by its bytes when they tell, else by its name.

    Raises `InputError` naming the path when it cannot be read, or when it is a zip named as
    a document (`.docx`, `.odt`, …) that is not one.
    """
    try:
        with path.open("rb") as fh:
            head = fh.read(HEAD_BYTES)
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror or exc}") from exc
    by_name = media_type_from_name(path.name)
    by_magic = _by_magic(path, head, by_name, str(path))
    if by_magic is not None:
        return by_magic
    if by_name is not None:
        return by_name
    return mt.TEXT if _looks_like_text(head) else mt.OCTET


def resolve_media_type(path: Path, declared: str | None, name: str | None) -> str:
    """The media type of a container member: its bytes first, then what the container declared
    (an HTTP or MIME Content-Type), then the member's name, then text-or-binary.

    Raises `InputError` (naming `name`) for a zip that its name or declared type calls a
    document and that is not one."""
    try:
        with path.open("rb") as fh:
            head = fh.read(HEAD_BYTES)
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror or exc}") from exc
    declared_type = normalise_media_type(declared)
    by_name = media_type_from_name(name) if name else None
    claimed = by_name if by_name in _ZIP_DOCUMENTS or by_name in _OLE_KINDS else declared_type
    by_magic = _by_magic(path, head, claimed, name or str(path))
    if by_magic is not None:
        return by_magic
    if declared_type is not None:
        return declared_type
    if by_name is not None:
        return by_name
    return mt.TEXT if _looks_like_text(head) else mt.OCTET


def normalise_media_type(value: str | None) -> str | None:
    """`Text/HTML; charset=UTF-8` → `text/html`; None for absent or uninformative types."""
    if not value:
        return None
    base = value.split(";", 1)[0].strip().lower()
    if "/" not in base or base in _UNINFORMATIVE:
        return None
    return base


def media_type_from_name(name: str) -> str | None:
    """The media type a file name's extension suggests, or None."""
    lower = name.lower()
    for ext in sorted(_EXTENSIONS, key=len, reverse=True):
        if lower.endswith(ext):
            return _EXTENSIONS[ext]
    return None


def _by_magic(path: Path, head: bytes, claimed: str | None, label: str) -> str | None:
    if head.startswith(b"%PDF-"):
        return mt.PDF
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        kind = _zip_kind(path)
        if kind == mt.ZIP and claimed in _ZIP_DOCUMENTS:
            what, needs = _ZIP_DOCUMENTS[claimed]
            raise InputError(
                label,
                f"not {what} document: a zip archive without {needs}; refused",
                stage="intake",
            )
        return kind
    if head.startswith(_OLE_MAGIC):
        if _is_outlook_message(path):
            return mt.MSG  # whatever its name: the MAPI property streams say so
        if claimed in _OLE_KINDS:
            return claimed  # a damaged .msg is then refused by the Outlook reader
    if head.startswith(b"\x1f\x8b"):
        return _gzip_kind(path)
    for magic, media_type in _SIGNATURES:
        if head.startswith(magic):
            return media_type
    if len(head) > 262 and head[257:262] == b"ustar":
        return mt.TAR
    if b"%PDF-" in head[:1024]:
        return mt.PDF  # readers accept a PDF header anywhere in the first KiB (after junk)
    body = head.lstrip(b"\xef\xbb\xbf")
    if _HTML_START.match(body[:2048]):
        if _TELEGRAM_HTML.search(body):
            return mt.TELEGRAM_HTML
        return mt.HTML
    if _is_telegram_json(body):
        return mt.TELEGRAM_JSON
    if _is_whatsapp_chat(body):
        return mt.WHATSAPP
    if _MBOX_START.match(body) and _looks_like_email(body[body.find(b"\n") + 1 :]):
        return mt.MBOX  # "From sender date" then a message: a mailbox of messages
    if _looks_like_email(body):
        return mt.EMAIL
    return None


def _zip_kind(path: Path) -> str:
    # Office documents are zips; their part names say which kind. OpenDocument and EPUB files
    # name their type in a `mimetype` member (stored first, uncompressed, by the standards).
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            declared = b""
            if "mimetype" in names and zf.getinfo("mimetype").file_size <= 200:
                declared = zf.read("mimetype").strip()
    except (zipfile.BadZipFile, OSError, ValueError, RuntimeError, zlib.error):
        return mt.ZIP
    odf = declared.decode("ascii", errors="replace").lower()
    if odf in (mt.ODT, mt.ODS, mt.ODP) or (
        odf.startswith("application/vnd.oasis.opendocument.") and "content.xml" in names
    ):
        return odf if "content.xml" in names else mt.ZIP
    if odf == mt.EPUB:
        return mt.EPUB
    if "word/document.xml" in names:
        return mt.DOCX
    if "xl/workbook.xml" in names:
        return mt.XLSX
    if "ppt/presentation.xml" in names:
        return mt.PPTX
    return mt.ZIP


def _is_outlook_message(path: Path) -> bool:
    # An Outlook item (MS-OXMSG) is a compound file whose root holds the property stream
    # `__properties_version1.0` and `__substg1.0_XXXXYYYY` property value streams.
    import olefile

    try:
        with olefile.OleFileIO(str(path)) as ole:
            names = {entry[0] for entry in ole.listdir(streams=True, storages=True)}
    except Exception:  # olefile raises many types on damaged compound files
        return False
    return "__properties_version1.0" in names and any(n.startswith("__substg1.0_") for n in names)


# A Telegram Desktop export: its machine-readable `result.json` opens with the chat's name,
# type and id, then its messages; its HTML pages (`messages.html`, `messages2.html`, …) hold
# `message default` blocks in a `page_wrap`.
_TELEGRAM_TYPE = re.compile(
    rb'"type"\s*:\s*"(?:personal_chat|bot_chat|private_group|private_supergroup|'
    rb'public_supergroup|private_channel|public_channel|saved_messages)"'
)
_TELEGRAM_HTML = re.compile(rb'class="page_wrap"|class="message (?:default|service)')


def _is_telegram_json(head: bytes) -> bool:
    return (
        head.lstrip().startswith(b"{")
        and _TELEGRAM_TYPE.search(head) is not None
        and re.search(rb'"messages"\s*:\s*\[', head) is not None
    )


# The first lines of a WhatsApp "Export chat" text: "[01/03/2024, 10:00:00] Name: text" (iOS)
# or "01/03/2024, 10:00 - Name: text" (Android), day or month first, 24- or 12-hour clock.
WHATSAPP_LINE = re.compile(
    r"^\u200e?(?:\[(?P<d1>\d{1,2}[./-]\d{1,2}[./-]\d{2,4}),?\s+"
    r"(?P<t1>\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:[\s\u202f]?[AaPp]\.?\s?[Mm]\.?)?)\]\s"
    r"|(?P<d2>\d{1,2}[./-]\d{1,2}[./-]\d{2,4}),?\s+"
    r"(?P<t2>\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:[\s\u202f]?[AaPp]\.?\s?[Mm]\.?)?)\s[-\u2013]\s)"
)


def _is_whatsapp_chat(head: bytes) -> bool:
    if not _looks_like_text(head):
        return False
    lines = head.decode("utf-8", errors="replace").lstrip("\ufeff").splitlines()[:40]
    if not lines or not WHATSAPP_LINE.match(lines[0]):
        return False
    stamped = sum(1 for line in lines if WHATSAPP_LINE.match(line))
    return stamped >= min(2, len([line for line in lines if line.strip()]))


def _gzip_kind(path: Path) -> str:
    # A gzip may wrap a WARC (each record its own member) or anything else, tar included.
    try:
        with gzip.open(path, "rb") as fh:
            inner = fh.read(512)
    except (OSError, EOFError, zlib.error):
        return mt.GZIP
    if inner.startswith(b"WARC/"):
        return mt.WARC
    return mt.GZIP


# The separator line that starts each message of an mbox file ("From alice@example.org Mon Mar
# 4 10:00:00 2024"): "From", a space, the envelope sender, a date; no colon after "From".
_MBOX_START = re.compile(rb"From [^\s:]+[ \t]+[^\r\n]{10,}\r?\n")


def _looks_like_email(head: bytes) -> bool:
    # An RFC 5322 message starts with header lines; demand a From and one more known field
    # before the first blank line so a text that merely begins "Note: ..." is not mail.
    top = head.split(b"\r\n\r\n", 1)[0].split(b"\n\n", 1)[0]
    if not _HEADER_LINE.match(top):
        return False
    names = {m.group(1).lower() for m in _HEADER_LINE.finditer(top)}
    return b"from" in names and len(names & _MAIL_HEADERS) >= 2


def _looks_like_text(head: bytes) -> bool:
    if not head or b"\x00" in head:
        return head.startswith((b"\xff\xfe", b"\xfe\xff"))
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        # A multi-byte character cut by the end of the sample is still text.
        return exc.start >= len(head) - 3 and exc.reason == "unexpected end of data"
    return True
