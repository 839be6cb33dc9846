"""Web pages: main text and metadata with trafilatura, whole visible text when that finds none.

Bytes are decoded by, in order: a byte-order mark, the charset the transport declared (HTTP or
MIME Content-Type), a `<meta charset>` in the first bytes, strict UTF-8, and last charset
detection (charset-normalizer, which trafilatura already depends on). The `lang` attribute of
`<html>` is returned as the language hint; `read_text` prefers what detection finds.
"""

from __future__ import annotations

import codecs
import re

from factfinder.errors import InputError
from factfinder.intake.parts import Extracted, Part
from factfinder.intake.times import parse_iso

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_HTML_LANG = re.compile(r"""<html\b[^>]*?\blang\s*=\s*["']?([A-Za-z]{2,3})\b""", re.I)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_INVISIBLE = ("script", "style", "noscript", "template", "head", "svg")
# trafilatura gives back a day, or a day and time when the page says one; keep the time.
_DATE_PARAMS = {"original_date": True, "outputformat": "%Y-%m-%dT%H:%M:%S%z"}


def read(part: Part) -> Extracted:
    """Read the page at `part.path`; the capture's URI (a WARC member's) is the fallback URL."""
    try:
        data = part.path.read_bytes()
    except OSError as exc:
        raise InputError(part.label, f"cannot read: {exc.strerror or exc}") from exc
    html = decode_html(data, part.origin.get("content_type"), label=part.label)
    return extract_html(html, label=part.label, url=part.origin.get("target_uri"))


def extract_html(html: str, *, label: str, url: str | None = None) -> Extracted:
    """Main text, title, date, author, site and canonical URL of an HTML document."""
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            fast=True,
            include_comments=False,
            include_tables=True,
            date_extraction_params=_DATE_PARAMS,
        )
    except (ValueError, TypeError, RecursionError) as exc:  # malformed beyond lxml's repair
        raise InputError(label, f"unreadable HTML ({exc})") from exc
    notes: list[str] = []
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    title = getattr(doc, "title", None) if doc is not None else None
    if not text:
        text, fallback_title = visible_text(html)
        title = title or fallback_title
        if text:
            notes.append("no main text found; whole visible text used")
    lang = _HTML_LANG.search(html[:4096])
    return Extracted(
        text=text,
        title=title or None,
        published=parse_iso(getattr(doc, "date", None)) if doc is not None else None,
        author=(getattr(doc, "author", None) or None) if doc is not None else None,
        site=(getattr(doc, "sitename", None) or None) if doc is not None else None,
        url=(getattr(doc, "url", None) or url or None) if doc is not None else url,
        language=lang.group(1).lower() if lang else None,
        notes=tuple(notes),
    )


def visible_text(html: str) -> tuple[str, str | None]:
    """All text a browser would show (scripts, styles and the head left out), and the title."""
    import lxml.etree
    import lxml.html

    try:
        root = lxml.html.document_fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return "", None
    title_el = root.find(".//title")
    title = " ".join(title_el.text_content().split()) if title_el is not None else None
    # Listed first: dropping an element while iterating stops lxml's iteration there, which
    # left every script after the <head> in the text.
    for el in list(root.iter(*_INVISIBLE)):
        el.drop_tree()
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line), title or None


def decode_html(data: bytes, content_type: str | None, *, label: str) -> str:
    """The page as text; see the module docstring for the order of evidence."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace").lstrip("\ufeff")
    candidates = []
    if content_type and "charset=" in content_type.lower():
        candidates.append(content_type.lower().split("charset=", 1)[1].split(";")[0].strip(" \"'"))
    meta = _META_CHARSET.search(data[:4096])
    if meta:
        candidates.append(meta.group(1).decode("ascii", "replace"))
    for name in candidates:
        try:
            return data.decode(name, errors="replace")
        except LookupError:
            continue
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError(label, "cannot tell the character encoding of this HTML")
    return str(best)
