"""PDF documents: the text layer, page by page, with pdfplumber; pages without one (scans) read
by OCR (`factfinder.intake.ocr`) from the page rendered at 300 dpi (pypdfium2, which pdfplumber
renders with); title, author and creation date from the document information dictionary. The
creation date is the file's (`file_created`), not a publication date.

Pages are joined by a blank line. When any page was read by OCR the text is marked
`text_status="ocr"` with the mean word confidence over the OCR'd pages, and a note names those
pages. Without Tesseract a PDF with no text layer gives empty text marked "text not read: OCR
unavailable" (or "text partly read: …" when only some pages lack a layer). Encrypted or damaged
files are refused with `InputError`. At most `ocr.max_pages()` pages of one PDF are read by OCR
(`FACTFINDER_OCR_MAX_PAGES`, 200 by default): the scanned pages past it are left unread, and the
status and a note name them ("text partly read: OCR page limit (200) reached; pages 201–350 of
350 not read").
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from factfinder.errors import InputError
from factfinder.intake import ocr
from factfinder.intake.parts import OCR, OCR_UNAVAILABLE, Extracted, Part
from factfinder.intake.times import parse_pdf_date

NO_TEXT_LAYER = "no text layer (a scan?)"
# A page whose text layer has fewer characters than this and whose images cover at least half
# of it is a scan with a stray line of text (a stamp, a page number): it is read by OCR.
_STRAY_TEXT = 40


def read(part: Part) -> Extracted:
    """The text of every page in order, and the document's own metadata."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    pages: list[str] = []
    ocr_pages: dict[int, ocr.OcrPage] = {}
    unread: list[int] = []
    over_limit: list[int] = []  # scanned pages past the OCR page limit
    limit = ocr.max_pages()
    renderer = _Renderer(part)
    try:
        # Opened here, not by path, so that the file is closed even when pdfplumber fails
        # half-way through opening a damaged document.
        with part.path.open("rb") as fh, pdfplumber.open(fh) as pdf:
            info = pdf.metadata
            for number, page in enumerate(pdf.pages, start=1):
                text = (page.extract_text() or "").strip()
                if _is_scan(page, text):
                    if ocr.available() and len(ocr_pages) >= limit:
                        over_limit.append(number)
                    elif ocr.available():
                        result = renderer.ocr(number)
                        ocr_pages[number] = result
                        text = result.text.strip() or text
                    else:
                        unread.append(number)
                pages.append(text)
                page.close()  # drop the page's cached layout before the next one
    except PDFPasswordIncorrect as exc:
        raise InputError(part.label, "encrypted PDF (a password is needed)") from exc
    except InputError:
        raise
    except Exception as exc:  # pdfminer raises many types on damaged files
        if _encrypted(exc):  # pdfplumber wraps pdfminer's PDFPasswordIncorrect in its own error
            raise InputError(part.label, "encrypted PDF (a password is needed)") from exc
        raise InputError(part.label, f"not a readable PDF ({type(exc).__name__}: {exc})") from exc
    finally:
        renderer.close()
    text = "\n\n".join(p for p in pages if p)
    notes: list[str] = [NO_TEXT_LAYER] if not text or unread or over_limit else []
    status = None
    confidence = None
    if ocr_pages:
        status = OCR
        confidence = ocr.mean_confidence(ocr_pages.values())
        found = "" if text else "; it found no text"
        notes.append(f"read by OCR: {_page_list(sorted(ocr_pages))} of {len(pages)}{found}")
    if unread:
        if not text:
            status = OCR_UNAVAILABLE
        else:
            status = f"text partly read: OCR unavailable for {_page_list(unread)} of {len(pages)}"
    if over_limit:
        skipped = f"{_page_ranges(over_limit)} of {len(pages)} not read"
        reason = f"OCR page limit ({limit}) reached"
        status = (
            f"text partly read: {reason}; {skipped}"
            if text
            else f"text not read: {reason}; {skipped}"
        )
        notes.append(f"{reason} ({ocr.MAX_PAGES_ENV}); {skipped}")
    return Extracted(
        text=text,
        title=_string(info, "Title"),
        file_created=parse_pdf_date(_string(info, "CreationDate")),
        author=_string(info, "Author"),
        notes=tuple(notes),
        text_status=status,
        ocr_confidence=confidence,
    )


def _is_scan(page: Any, text: str) -> bool:
    if not text:
        return True
    if len(text) >= _STRAY_TEXT:
        return False
    area = float(page.width * page.height) or 1.0
    covered = sum(
        max(0.0, float(im["x1"]) - float(im["x0"]))
        * max(0.0, float(im["bottom"]) - float(im["top"]))
        for im in page.images
    )
    return covered / area >= 0.5


class _Renderer:
    """Pages rendered in greyscale at `ocr.RENDER_DPI` with pypdfium2 (pdfplumber's renderer),
    the document opened once, on the first page that needs OCR."""

    def __init__(self, part: Part) -> None:
        self.part = part
        self.document: Any = None

    def ocr(self, number: int) -> ocr.OcrPage:
        import pypdfium2

        try:
            if self.document is None:
                self.document = pypdfium2.PdfDocument(str(self.part.path))
            page = self.document[number - 1]
            try:
                bitmap = page.render(scale=ocr.RENDER_DPI / 72, grayscale=True)
                image = bitmap.to_pil()
            finally:
                page.close()
        except pypdfium2.PdfiumError as exc:
            raise InputError(
                self.part.label, f"cannot render page {number} for OCR ({exc})"
            ) from exc
        try:
            return ocr.read_image(image, dpi=ocr.RENDER_DPI)
        except ocr.OcrError as exc:
            raise InputError(self.part.label, f"OCR failed on page {number} ({exc})") from exc

    def close(self) -> None:
        if self.document is not None:
            self.document.close()


def _page_list(numbers: list[int]) -> str:
    if len(numbers) == 1:
        return f"page {numbers[0]}"
    return "pages " + ", ".join(str(n) for n in numbers)


def _page_ranges(numbers: list[int]) -> str:
    """`pages 3, 5–9` for [3, 5, 6, 7, 8, 9]."""
    spans: list[list[int]] = []
    for n in numbers:
        if spans and n == spans[-1][1] + 1:
            spans[-1][1] = n
        else:
            spans.append([n, n])
    listed = ", ".join(str(a) if a == b else f"{a}\u2013{b}" for a, b in spans)
    return ("page " if len(numbers) == 1 else "pages ") + listed


def _string(info: Mapping[str, Any], key: str) -> str | None:
    value = info.get(key)
    if isinstance(value, bytes):
        value = value.decode("utf-8", errors="replace")
    if not isinstance(value, str):
        return None
    return " ".join(value.split()) or None


def _encrypted(exc: BaseException) -> bool:
    """Whether `exc`, or an error it wraps, says the PDF needs a password."""
    seen: BaseException | None = exc
    for _ in range(5):
        if seen is None:
            return False
        if "PDFPasswordIncorrect" in (type(seen).__name__, str(seen)) or any(
            type(a).__name__ == "PDFPasswordIncorrect" or a == "PDFPasswordIncorrect"
            for a in getattr(seen, "args", ())
        ):
            return True
        seen = seen.__cause__ or seen.__context__
    return False
