"""A large web page is read in one linear pass: past `MAIN_TEXT_LIMIT` its whole visible text
(no main-text extraction, whose time grows faster than the page), past `TEXT_LIMIT` no text at
all, the bytes preserved either way. Both backends index the same prefix of a long text."""

from __future__ import annotations

from pathlib import Path

import pytest

from factfinder.errors import InputError
from factfinder.intake import html_page
from factfinder.intake.html_page import extract_html, streamed_visible_text
from factfinder.services import Project
from factfinder.services.preserve.ingest import ingest
from factfinder.store.search import search_item_ids

PAGES = [
    (
        "<html><head><title>Live updates</title><style>p{}</style></head><body>"
        "<article><h1>Strike on Ariha</h1><p>Five civilians were   killed.</p>"
        "<script>var x = 'hidden';</script><ul><li>one</li><li>two <b>bold</b> end</li></ul>"
        "<table><tr><td>2024-03-01</td><td>Ariha</td></tr></table></article>"
        "<noscript>no script</noscript><div>Last <span>line</span></div></body></html>",
        "Strike on Ariha\nFive civilians were killed.\none\ntwo bold end\n2024-03-01\nAriha\n"
        "Last line",
        "Live updates",
    ),
    (
        "<html><body><p>قتل خمسة مدنيين في أريحا</p><svg><text>chart</text></svg><p>Two</p>",
        "قتل خمسة مدنيين في أريحا\nTwo",
        None,
    ),
    ("<p>No html element<br>after a break</p>", "No html element\nafter a break", None),
]


@pytest.mark.parametrize(("page", "text", "title"), PAGES)
def test_blocks_are_lines_and_hidden_elements_are_left_out(
    page: str, text: str, title: str | None
) -> None:
    # fed in chunks of 7 characters: tags and words cut across chunks are read whole
    assert streamed_visible_text(page, chunk=7) == (text, title)


def _page(paragraphs: int) -> str:
    body = "".join(
        f"<div><h2>Update {i}</h2><p>Shelling hit Ariha, killing {i % 9 + 1} civilians.</p>"
        f"<script>track({i})</script></div>"
        for i in range(paragraphs)
    )
    return (
        '<html lang="en"><head><title>Live updates</title>'
        '<meta property="article:published_time" content="2024-03-02T10:00:00Z"></head>'
        f"<body><article>{body}<p>The final paragraph names Saraqib.</p></article></body></html>"
    )


def test_a_page_past_the_main_text_limit_gives_its_whole_visible_text(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(html_page, "MAIN_TEXT_LIMIT", 10_000)
    page = _page(2_000)
    assert len(page) > 10_000
    got = extract_html(page, label="big.html")
    lines = got.text.splitlines()
    assert lines[:2] == ["Update 0", "Shelling hit Ariha, killing 1 civilians."]
    assert lines[-1] == "The final paragraph names Saraqib."
    assert len(lines) == 2 * 2_000 + 1
    assert "track(" not in got.text
    assert (got.title, str(got.published)[:10], got.language) == (
        "Live updates",
        "2024-03-02",
        "en",
    )
    assert got.notes and "whole visible text read" in got.notes[0]


def test_a_page_past_the_text_limit_is_preserved_without_text(
    monkeypatch: pytest.MonkeyPatch, project: Project, tmp_path: Path
) -> None:
    monkeypatch.setattr(html_page, "TEXT_LIMIT", 50_000)
    with pytest.raises(InputError, match="text not extracted: over limit"):
        extract_html(_page(2_000), label="huge.html")
    page = tmp_path / "huge.html"
    page.write_text(_page(2_000), encoding="utf-8")
    summary = ingest(project, [str(page)])
    assert summary.new_items == 1  # the bytes are kept
    assert [Path(f.input).name for f in summary.failures] == ["huge.html"]
    assert "over limit" in summary.failures[0].problem


def test_both_backends_search_the_first_200000_characters(project: Project, tmp_path: Path) -> None:
    filler = "Residents described the damage to homes and the market. " * 4_000
    assert len(filler) > 200_000
    (tmp_path / "long.txt").write_text(
        "Shelling hit Kafranbel. " + filler + "Farther down Saraqib is named.", encoding="utf-8"
    )
    assert not ingest(project, [str(tmp_path / "long.txt")]).failures
    with project.read() as conn:
        assert len(search_item_ids(conn, "Kafranbel")) == 1
        assert search_item_ids(conn, "Saraqib") == []
