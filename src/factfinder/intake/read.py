"""`read_text`: the text and metadata of one part, by its media type, with its language.

Readers are imported when their format first turns up, so reading text files never loads
pdfminer, and the HTML stack is loaded once per process.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from importlib import import_module

from factfinder.errors import InputError
from factfinder.intake import parts as mt
from factfinder.intake.language import detect_language
from factfinder.intake.parts import Extracted, Part

# media type → module whose `read(part) -> Extracted` handles it
_READERS = {
    mt.HTML: "html_page",
    mt.XHTML: "html_page",
    mt.PDF: "pdf_file",
    mt.EMAIL: "mail",
    mt.DOCX: "docx_file",
    "application/json": "text_file",
    "application/x-ndjson": "text_file",
}


def read_text(part: Part) -> Extracted | None:
    """The text of `part`, or None when it has none (archives, WARCs, images, other binaries).

    An e-mail has text (its body) although it is a container. `language` is what detection
    finds in the text, else what the document declared, else None. Raises `InputError` naming
    `part.label` for an empty, unreadable, corrupt or undecodable part, and the part's own
    `error` for a part `expand` could not produce.
    """
    if part.error is not None:
        raise part.error
    reader = _reader(part.media_type)
    if reader is None:
        return None
    try:
        size = part.path.stat().st_size
    except OSError as exc:
        raise InputError(part.label, f"cannot read: {exc.strerror or exc}") from exc
    if size == 0:
        raise InputError(part.label, "empty file")
    try:
        extracted = reader(part)
    except InputError:
        raise
    except Exception as exc:
        # The parsing libraries raise many types on hostile bytes; the caller needs one error
        # naming the part so that the rest of a batch goes on.
        raise InputError(
            part.label,
            f"cannot read as {part.media_type} ({type(exc).__name__}: {exc})",
            stage="intake",
        ) from exc
    language = detect_language(extracted.text) or extracted.language
    return replace(extracted, language=language)


def _reader(media_type: str) -> Callable[[Part], Extracted] | None:
    module = _READERS.get(media_type)
    if module is None and media_type.startswith("text/"):
        module = "text_file"
    if module is None:
        return None
    reader: Callable[[Part], Extracted] = import_module(f"factfinder.intake.{module}").read
    return reader
