"""PDF documents: the text layer, page by page, with pdfplumber; title, author and creation
date from the document information dictionary. The creation date is the file's
(`file_created`), not a publication date.

Pages are joined by a blank line. A PDF without a text layer (a scan) gives empty text and a
note saying so: OCR is not done here, and guessing text would break traceability. Encrypted or
damaged files are refused with `InputError`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from factfinder.errors import InputError
from factfinder.intake.parts import Extracted, Part
from factfinder.intake.times import parse_pdf_date

NO_TEXT_LAYER = "no text layer (a scan?); OCR is not done"


def read(part: Part) -> Extracted:
    """The text of every page in order, and the document's own metadata."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    pages: list[str] = []
    try:
        # Opened here, not by path, so that the file is closed even when pdfplumber fails
        # half-way through opening a damaged document.
        with part.path.open("rb") as fh, pdfplumber.open(fh) as pdf:
            info = pdf.metadata
            for page in pdf.pages:
                pages.append((page.extract_text() or "").strip())
                page.close()  # drop the page's cached layout before the next one
    except PDFPasswordIncorrect as exc:
        raise InputError(part.label, "encrypted PDF (a password is needed)") from exc
    except Exception as exc:  # pdfminer raises many types on damaged files
        raise InputError(part.label, f"not a readable PDF ({type(exc).__name__}: {exc})") from exc
    text = "\n\n".join(p for p in pages if p)
    return Extracted(
        text=text,
        title=_string(info, "Title"),
        file_created=parse_pdf_date(_string(info, "CreationDate")),
        author=_string(info, "Author"),
        notes=() if text else (NO_TEXT_LAYER,),
    )


def _string(info: Mapping[str, Any], key: str) -> str | None:
    value = info.get(key)
    if isinstance(value, bytes):
        value = value.decode("utf-8", errors="replace")
    if not isinstance(value, str):
        return None
    return " ".join(value.split()) or None
