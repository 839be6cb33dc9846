"""Plain text files: UTF-8 (a leading byte-order mark is dropped) or UTF-16 with its BOM.

A member whose container declared a charset (`text/plain; charset=windows-1256` in an HTTP or
MIME header) is decoded with that charset instead, strictly.

Text that is not valid UTF-8 is refused with the byte offset of the first bad byte rather than
decoded with a guessed code page: a wrong guess silently changes names and numbers, and the
evidence record must show exactly what the file says.
"""

from __future__ import annotations

import codecs

from factfinder.errors import InputError
from factfinder.intake.parts import Extracted, Part


def read(part: Part) -> Extracted:
    """The file's text, exactly as written apart from the byte-order mark."""
    try:
        data = part.path.read_bytes()
    except OSError as exc:
        raise InputError(part.label, f"cannot read: {exc.strerror or exc}") from exc
    charset = declared_charset(part.origin.get("content_type"))
    if charset and charset.replace("-", "").replace("_", "") not in ("utf8", "usascii", "ascii"):
        try:
            return Extracted(text=data.decode(charset))
        except LookupError:
            pass  # an unknown charset name: fall back to the UTF-8 rules
        except UnicodeDecodeError as exc:
            raise InputError(part.label, f"invalid {charset} at byte {exc.start}") from exc
    return Extracted(text=decode_text(data, part.label))


def declared_charset(content_type: str | None) -> str | None:
    """The `charset` parameter of a Content-Type value, lower-cased, or None."""
    if not content_type:
        return None
    for param in content_type.split(";")[1:]:
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset" and value.strip(" \"'"):
            return value.strip(" \"'").lower()
    return None


def decode_text(data: bytes, label: str) -> str:
    """UTF-8, UTF-8 with BOM, or UTF-16 with BOM; `InputError` naming the first bad byte."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(label, f"invalid UTF-16 at byte {exc.start}") from exc
    skip = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    try:
        return data[skip:].decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(label, f"invalid UTF-8 at byte {exc.start + skip}") from exc
