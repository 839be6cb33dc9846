"""EPUB books: the spine's XHTML documents in reading order, title, author, date and language
from the package document. The book is written at test time with zipfile, as EPUB 3 lays it
out (a stored `mimetype` member first, `META-INF/container.xml`, an OPF, XHTML chapters)."""

from __future__ import annotations

import zipfile
from pathlib import Path

from factfinder.intake import expand, read_text
from factfinder.intake.parts import EPUB
from factfinder.services import Project
from factfinder.services.preserve.ingest import ingest

OPF = """<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:identifier id="id">urn:uuid:5b0d7c1e-0000-4000-8000-000000000001</dc:identifier>
    <dc:title>Ariha under fire</dc:title>
    <dc:creator>Field Desk</dc:creator>
    <dc:date>2024-04-01</dc:date>
    <dc:language>en-GB</dc:language>
  </metadata>
  <manifest>
    <item id="c2" href="text/two.xhtml" media-type="application/xhtml+xml"/>
    <item id="c1" href="text/one.xhtml" media-type="application/xhtml+xml"/>
    <item id="css" href="style.css" media-type="text/css"/>
    <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
  </manifest>
  <spine><itemref idref="c1"/><itemref idref="c2"/></spine>
</package>
"""
CONTAINER = """<?xml version="1.0"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles>
    <rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>
  </rootfiles>
</container>
"""


def chapter(title: str, *paragraphs: str) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml">'
        f"<head><title>{title}</title><style>p {{ margin: 0 }}</style></head>"
        f"<body><h1>{title}</h1>{body}</body></html>"
    )


def write_epub(path: Path, *, opf: str = OPF) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        zf.writestr("META-INF/container.xml", CONTAINER)
        zf.writestr("OEBPS/content.opf", opf)
        zf.writestr(
            "OEBPS/text/one.xhtml",
            chapter("The market", "Shelling hit the market of Ariha on 4 March 2024."),
        )
        zf.writestr(
            "OEBPS/text/two.xhtml",
            chapter("The dead", "Local medics said 5 civilians were killed."),
        )
        zf.writestr("OEBPS/style.css", "p { margin: 0 }")
        zf.writestr("OEBPS/nav.xhtml", chapter("Contents", "The market", "The dead"))
    return path


def test_an_epub_is_read_in_spine_order_with_its_metadata(tmp_path: Path, workdir: Path) -> None:
    path = write_epub(tmp_path / "book.epub")
    parts = list(expand(path, workdir))
    assert [p.media_type for p in parts] == [EPUB]  # a document, not an archive
    got = read_text(parts[0])
    assert got.text == (
        "The market\nShelling hit the market of Ariha on 4 March 2024.\n\n"
        "The dead\nLocal medics said 5 civilians were killed."
    )
    assert (got.title, got.author, got.language) == ("Ariha under fire", "Field Desk", "en")
    assert got.published.isoformat() == "2024-04-01T00:00:00+00:00"
    assert got.notes == ()


def test_a_missing_chapter_is_noted_and_a_broken_book_is_one_error(
    project: Project, tmp_path: Path, workdir: Path
) -> None:
    gap = write_epub(
        tmp_path / "gap.epub", opf=OPF.replace('<itemref idref="c2"/>', '<itemref idref="c3"/>')
    )
    got = read_text(next(iter(expand(gap, workdir))))
    assert got.notes == ("spine item 'c3' is not an XHTML document; skipped",)
    broken = write_epub(tmp_path / "broken.epub", opf="<package")
    summary = ingest(project, [str(broken), str(gap)])
    assert [(f.input, f.problem.split(" (")[0]) for f in summary.failures] == [
        (str(broken), "not a readable EPUB")
    ]
    assert summary.new_items == 2
