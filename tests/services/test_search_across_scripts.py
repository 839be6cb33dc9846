"""A place name searched in one script finds reports that write it in the other: "Afrin"
finds an Arabic post about عفرين, and عفرين finds an English report about Afrin, through the
gazetteer's names (items and incidents, SQLite and PostgreSQL)."""

from __future__ import annotations

from pathlib import Path

import pytest

from factfinder.services import Project
from factfinder.services.preserve.ingest import ingest
from factfinder.services.preserve.search import across_scripts, search_items
from factfinder.store.search import item_words

ARABIC = "قتل ثلاثة مدنيين بقصف مدفعي استهدف قرية في ناحية جنديرس بريف عفرين شمال غربي حلب."
ENGLISH = "Shelling on a village in Afrin killed three civilians, a local monitor said."
UNRELATED = "An explosion hit a market in Raqqa; two people were wounded."


@pytest.fixture
def items(project: Project, tmp_path: Path) -> Project:
    folder = tmp_path / "reports"
    folder.mkdir()
    for name, body in (("ar.txt", ARABIC), ("en.txt", ENGLISH), ("other.txt", UNRELATED)):
        (folder / name).write_text(body, encoding="utf-8")
    assert not ingest(project, [str(folder)], actor="test").failures
    return project


def _titles(project: Project, query: str) -> set[str]:
    with project.read() as conn:
        ids = search_items(conn, query, include_restricted=True)
        from sqlalchemy import select

        from factfinder.store.schema import item_metadata

        rows = conn.execute(
            select(item_metadata.c.text).where(item_metadata.c.item_id.in_(ids))
        ).scalars()
        return {"ar" if "عفرين" in t else "en" if "Afrin" in t else "other" for t in rows}


def test_a_latin_name_finds_the_arabic_report(items: Project) -> None:
    assert _titles(items, "Afrin") == {"ar", "en"}


def test_an_arabic_name_finds_the_english_report(items: Project) -> None:
    assert _titles(items, "عفرين") == {"ar", "en"}


def test_other_words_still_must_all_occur(items: Project) -> None:
    assert _titles(items, "Afrin shelling") == {"en"}
    assert _titles(items, "عفرين قصف") == {"ar"}
    assert _titles(items, "Raqqa") == {"other"}


def test_the_terms_of_a_search() -> None:
    terms = across_scripts("Afrin shelling", item_words)
    assert terms[1] == "shelling"
    assert terms[0][0] == "Afrin" and "عفرين" in terms[0]
    # Words that name no place, and words not written as a name, stay as they are.
    assert across_scripts("school children", item_words) == ["school", "children"]
    assert across_scripts("afrin", item_words) == ["afrin"]
