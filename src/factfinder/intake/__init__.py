"""Intake: an input file → its parts (the file and, for containers, their members) → text.

    from factfinder.intake import expand, read_text

    for part in expand(Path("mail.eml"), workdir):     # mail.eml, mail.eml!letter.pdf, ...
        if part.error is not None:                     # unreadable input or member: report it
            print(part.error); continue
        extracted = read_text(part)                    # None for archives and binaries
        ...                                            # InputError for corrupt content

Formats: plain text, HTML (trafilatura), PDF (pdfplumber; pages without a text layer by OCR,
up to a page limit), images (PNG, JPEG, TIFF by OCR: Tesseract), e-mail (`email`), Outlook
messages (extract-msg), DOCX (python-docx), OpenDocument text (lxml), spreadsheets as tables
(XLSX with openpyxl, ODS, CSV), EPUB, RTF (striprtf), Word 97–2003 (catdoc or antiword), chat
exports (Telegram, WhatsApp: each message a part), WARC (warcio), zip, tar (plain, gzip, bzip2,
xz). `sniff_media_type` tells them apart by their bytes first and
their names second. A text that could not be read says so in `Extracted.text_status`. `read_documents` reads a JSON Lines batch of
documents in the batch claim format.
"""

from __future__ import annotations

from factfinder.intake.document_batch import is_document_batch, read_documents
from factfinder.intake.parts import CONTAINERS, Extracted, Limits, Part
from factfinder.intake.read import read_text
from factfinder.intake.sink import check_member_name
from factfinder.intake.sniff import sniff_media_type
from factfinder.intake.walk import expand

__all__ = [
    "CONTAINERS",
    "Extracted",
    "Limits",
    "Part",
    "check_member_name",
    "expand",
    "is_document_batch",
    "read_documents",
    "read_text",
    "sniff_media_type",
]
