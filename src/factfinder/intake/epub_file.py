"""EPUB books (2 and 3): the text of the spine's documents in reading order, and the title,
author, date and language of the package document (OPF).

`META-INF/container.xml` names the OPF; its `manifest` maps ids to files and its `spine` gives
the reading order. Each XHTML document of the spine is read as the HTML reader reads a page's
whole visible text (a line per block element, scripts and styles left out), documents separated
by a blank line. Files the spine names that are missing, or not (X)HTML, are noted and skipped.
An EPUB is a zip, but a document, not an archive: its members are never items of their own.
"""

from __future__ import annotations

import posixpath
import zipfile
from typing import Any
from urllib.parse import unquote

from factfinder.errors import InputError
from factfinder.intake.html_page import decode_html, visible_text
from factfinder.intake.parts import Extracted, Part, document_title
from factfinder.intake.times import parse_iso

MAX_MEMBER_BYTES = 64 * 1024**2  # a spine document larger than this is refused (zip bomb)
MAX_TEXT_BYTES = 256 * 1024**2  # all spine documents together
_NS = {
    "c": "urn:oasis:names:tc:opendocument:xmlns:container",
    "opf": "http://www.idpf.org/2007/opf",
    "dc": "http://purl.org/dc/elements/1.1/",
}
_XHTML = frozenset({"application/xhtml+xml", "text/html", "application/x-dtbook+xml"})


def read(part: Part) -> Extracted:
    """The book's text in spine order, and its OPF metadata."""
    import lxml.etree

    parser = lxml.etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        with zipfile.ZipFile(part.path) as zf:
            container = lxml.etree.fromstring(_member(part, zf, "META-INF/container.xml"), parser)
            found = container.find(".//c:rootfile", _NS)
            opf_path = found.get("full-path") if found is not None else None
            if not opf_path:
                raise InputError(part.label, "not an EPUB: container.xml names no package file")
            opf = lxml.etree.fromstring(_member(part, zf, opf_path), parser)
            texts, notes = _spine_texts(part, zf, opf, posixpath.dirname(opf_path))
    except (zipfile.BadZipFile, OSError, lxml.etree.XMLSyntaxError) as exc:
        raise InputError(part.label, f"not a readable EPUB ({exc})") from exc
    meta = opf.find("opf:metadata", _NS)
    language = (_dc(meta, "language") or "").split("-")[0].lower()
    return Extracted(
        text="\n\n".join(t for t in texts if t),
        title=document_title(_dc(meta, "title")),
        author=_dc(meta, "creator"),
        published=parse_iso(_dc(meta, "date")),
        language=language if len(language) == 2 else None,
        notes=tuple(notes),
    )


def _spine_texts(
    part: Part, zf: zipfile.ZipFile, opf: Any, base: str
) -> tuple[list[str], list[str]]:
    manifest = {
        item.get("id"): (item.get("href") or "", item.get("media-type") or "")
        for item in opf.iterfind("opf:manifest/opf:item", _NS)
    }
    texts: list[str] = []
    notes: list[str] = []
    total = 0
    for ref in opf.iterfind("opf:spine/opf:itemref", _NS):
        href, media_type = manifest.get(ref.get("idref"), ("", ""))
        if not href or media_type not in _XHTML:
            notes.append(f"spine item {ref.get('idref')!r} is not an XHTML document; skipped")
            continue
        name = posixpath.normpath(posixpath.join(base, unquote(href.split("#", 1)[0])))
        try:
            data = _member(part, zf, name)
        except InputError:
            notes.append(f"spine document {name} is missing; skipped")
            continue
        total += len(data)
        if total > MAX_TEXT_BYTES:
            notes.append(f"only the first {MAX_TEXT_BYTES} bytes of the spine were read")
            break
        text, _ = visible_text(decode_html(data, None, label=f"{part.label}!{name}"))
        texts.append(text)
    return texts, notes


def _member(part: Part, zf: zipfile.ZipFile, name: str) -> bytes:
    try:
        info = zf.getinfo(name)
    except KeyError:
        raise InputError(part.label, f"not a readable EPUB: no {name}") from None
    if info.file_size > MAX_MEMBER_BYTES:
        raise InputError(part.label, f"{name} is larger than {MAX_MEMBER_BYTES} bytes; not read")
    return zf.read(info)


def _dc(meta: Any, name: str) -> str | None:
    if meta is None:
        return None
    element = meta.find(f"dc:{name}", _NS)
    if element is None or not element.text:
        return None
    return " ".join(element.text.split()) or None
