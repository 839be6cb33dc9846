"""`read_text`: the text and metadata of one part, by its media type, with its language.

Readers are found in the table of `factfinder.intake.readers` and imported when their format
first turns up, so reading text files never loads pdfminer, and the HTML stack is loaded once
per process.
"""

from __future__ import annotations

from dataclasses import replace

from factfinder.errors import InputError
from factfinder.intake.language import detect_language
from factfinder.intake.parts import Extracted, Part
from factfinder.intake.readers import text_reader


def read_text(part: Part) -> Extracted | None:
    """The text of `part`, or None when it has none (archives, WARCs, images, other binaries).

    An e-mail has text (its body) although it is a container. `language` is what detection
    finds in the text, else what the document declared, else None. Raises `InputError` naming
    `part.label` for an empty, unreadable, corrupt or undecodable part, and the part's own
    `error` for a part `expand` could not produce.
    """
    if part.error is not None:
        raise part.error
    reader = text_reader(part.media_type)
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
