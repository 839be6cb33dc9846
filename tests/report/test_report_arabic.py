"""A case report of an Arabic and an English account of one strike (`samples/bilingual/`).

The Arabic post is quoted right to left in its own script, the place is named in both scripts,
and the PDF embeds the Arabic font and keeps the words in their logical order (a reader who
copies the quotation out of the PDF gets the Arabic words, not their glyphs reversed).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factfinder.cli import build_app
from factfinder.services import Project

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "bilingual" / "docs.jsonl"
runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(build_app(), list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def bilingual_case(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project holding the two reports, extracted and linked, and a case of their incident."""
    from factfinder.services.claims.extraction import extract_items
    from factfinder.services.incidents.commands import link_project
    from factfinder.services.preserve.ingest import ingest

    root = tmp_path / "project"
    with Project.init(root) as project:
        ingest(project, [str(SAMPLE)], actor="test:ingest")
        extract_items(project, actor="test:extract")
        link_project(project, actor="test:link")
    monkeypatch.setenv("FACTFINDER_PROJECT", str(root))
    monkeypatch.chdir(tmp_path)
    code, out, err = run("incident", "list", "--json")
    assert code == 0, err
    rows = json.loads(out)["data"]
    joined = [r for r in rows if r["members"] == 2]
    assert len(joined) == 1, rows  # the Arabic post and the wire story are one incident
    assert run("case", "create", "Maarat Misrin")[0] == 0
    assert run("case", "add", "1", joined[0]["id"])[0] == 0
    return tmp_path


def test_the_html_report_quotes_the_arabic_post_right_to_left(bilingual_case: Path) -> None:
    code, out, err = run("report", "1", "--format", "html", "--json")
    assert code == 0, err
    html = Path(json.loads(out)["path"]).read_text(encoding="utf-8")
    quotes = re.findall(r'<blockquote[^>]*dir="rtl"[^>]*>(.*?)</blockquote>', html, re.S)
    assert any("معرة مصرين" in q for q in quotes), quotes
    # The English wire story's quotation stays left to right.
    assert re.search(r'<blockquote[^>]*dir="ltr"[^>]*>[^<]*Russian warplanes', html)
    # The place in both scripts, Arabic isolated from the Latin around it.
    assert "<bdi" in html and "معرة مصرين" in html and "Maarratmisrin" in html
    # The wire story's dateline city is where it was filed, not a place of the incident.
    assert "Amman" not in html


@pytest.mark.skipif(
    shutil.which("pdffonts") is None or shutil.which("pdftotext") is None,
    reason="poppler-utils (pdffonts, pdftotext) not installed",
)
def test_the_pdf_report_embeds_the_arabic_font_in_logical_order(bilingual_case: Path) -> None:
    pytest.importorskip("weasyprint")
    code, out, err = run("report", "1", "--format", "pdf", "--json")
    assert code == 0, err
    pdf = Path(json.loads(out)["path"])
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True)
    assert "Amiri" in fonts.stdout, fonts.stdout
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    # Logical order: the words read first to last as written, not mirrored glyph by glyph.
    assert "مدنيين" in text and "ﻦﻴﻴﻧﺪﻣ" not in text
    assert "Maarratmisrin" in text
