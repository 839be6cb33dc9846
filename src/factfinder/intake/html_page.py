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
    del data  # a large page is not held twice while it is read
    return extract_html(html, label=part.label, url=part.origin.get("target_uri"))


# Past this many characters a page is not given to trafilatura, whose time grows faster than
# the page (a 16 MB page took minutes): its whole visible text is read in one streaming pass,
# and its metadata from its first characters. Past `TEXT_LIMIT` no text is extracted at all
# (the bytes are preserved all the same).
MAIN_TEXT_LIMIT = 2_000_000
METADATA_HEAD = 512_000
TEXT_LIMIT = 256 * 1024 * 1024


def extract_html(html: str, *, label: str, url: str | None = None) -> Extracted:
    """Main text, title, date, author, site and canonical URL of an HTML document."""
    if len(html) > TEXT_LIMIT:
        raise InputError(
            label,
            f"text not extracted: over limit ({len(html) // 1_000_000} MB of HTML, the limit is "
            f"{TEXT_LIMIT // (1024 * 1024)} MiB); the file is preserved",
        )
    if len(html) > MAIN_TEXT_LIMIT:
        return _extract_large(html, label=label, url=url)
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


def _extract_large(html: str, *, label: str, url: str | None) -> Extracted:
    """A page too large for main-text extraction: its whole visible text, read in one linear
    pass, and the metadata trafilatura finds in its head."""
    import trafilatura

    text, title = streamed_visible_text(html)
    meta = None
    try:
        meta = trafilatura.extract_metadata(html[:METADATA_HEAD], default_url=url)
    except (ValueError, TypeError, RecursionError):
        meta = None
    lang = _HTML_LANG.search(html[:4096])
    return Extracted(
        text=text,
        title=(getattr(meta, "title", None) or title) or None,
        published=parse_iso(getattr(meta, "date", None)) if meta is not None else None,
        author=(getattr(meta, "author", None) or None) if meta is not None else None,
        site=(getattr(meta, "sitename", None) or None) if meta is not None else None,
        url=(getattr(meta, "url", None) or url or None) if meta is not None else url,
        language=lang.group(1).lower() if lang else None,
        notes=(
            f"page of {len(html) // 1_000_000} MB: whole visible text read (main-text "
            f"extraction stops at {MAIN_TEXT_LIMIT // 1_000_000} MB)",
        ),
    )


# Elements that start a new line of visible text.
_BLOCKS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "td",
        "th",
        "tr",
        "ul",
    ]
)


class _VisibleText:
    """An lxml parser target gathering visible text as the parser streams: no tree is built,
    so time and memory grow with the page and no faster."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.current: list[str] = []
        self.hidden = 0
        self.in_title = False
        self.title: list[str] = []

    def start(self, tag: str, attrib: object) -> None:
        tag = tag.lower() if isinstance(tag, str) else ""
        if tag == "title":
            self.in_title = True
        elif tag in _INVISIBLE:
            self.hidden += 1
        elif tag in _BLOCKS:
            self._newline()

    def end(self, tag: str) -> None:
        tag = tag.lower() if isinstance(tag, str) else ""
        if tag == "title":
            self.in_title = False
        elif tag in _INVISIBLE:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BLOCKS:
            self._newline()

    def data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        elif not self.hidden:
            self.current.append(data)

    def comment(self, text: str) -> None:
        pass

    def close(self) -> None:
        self._newline()

    def _newline(self) -> None:
        if self.current:
            line = " ".join("".join(self.current).split())
            if line:
                self.lines.append(line)
            self.current = []


def streamed_visible_text(html: str, chunk: int = 1 << 20) -> tuple[str, str | None]:
    """All text a browser would show and the title, read in one streaming pass (linear in the
    page; for pages too large to parse into a tree)."""
    import lxml.etree

    target = _VisibleText()
    parser = lxml.etree.HTMLParser(target=target, recover=True)
    try:
        for k in range(0, len(html), chunk):
            parser.feed(html[k : k + chunk])
        parser.close()
    except lxml.etree.XMLSyntaxError:  # nothing a parser can read ("", bare bytes): no text
        target.close()
    title = " ".join("".join(target.title).split())
    return "\n".join(target.lines), title or None


def visible_text(html: str) -> tuple[str, str | None]:
    """All text a browser would show (scripts, styles and the head left out), a line per block
    element, and the title."""
    return streamed_visible_text(html)


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
