"""Item search finds Arabic words however they are spelled (revision 0601_search), on both
backends: with or without hamza on alef, taa marbuta or haa, alef maqsura or yaa, short vowels,
tatweel, Arabic-Indic or ASCII digits."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from sqlalchemy import text

from factfinder.arabic import _DROP, _MAP
from factfinder.services import Project
from factfinder.services.preserve.ingest import ingest
from factfinder.store.search import search_item_ids

MIGRATION = (
    Path(__file__).resolve().parents[2] / "src/factfinder/store/migrations/versions/0601_search.py"
)

REPORT = (
    "قُتل ٣ أطفال وامرأة في قصفٍ مدفعي استهدف مدرسةً في قرية على أطراف المدينة، "
    "وأُصيب آخرون بجروح، بحسب ما أفاد به الدفاع المدني."
)
OTHER = "Shelling hit a school on the edge of the town; three children were killed."


@pytest.fixture
def items(project: Project, tmp_path: Path) -> Project:
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "ar.txt").write_text(REPORT, encoding="utf-8")
    (folder / "en.txt").write_text(OTHER, encoding="utf-8")
    summary = ingest(project, [str(folder)], actor="test")
    assert not summary.failures
    return project


def _found(project: Project, query: str) -> int:
    with project.read() as conn:
        return len(search_item_ids(conn, query))


@pytest.mark.parametrize(
    "query",
    [
        "أطفال",  # as written
        "اطفال",  # without hamza
        "مدرسة",  # taa marbuta, no tanwin
        "مدرسه",  # haa
        "قصف",  # the text has tanwin on it
        "اصيب",  # أُصيب with hamza and damma
        "3 اطفال",  # ASCII digit for ٣
        "المدنى",  # alef maqsura for yaa
    ],
)
def test_arabic_spellings_find_the_report(items: Project, query: str) -> None:
    assert _found(items, query) == 1


def test_unrelated_words_find_nothing_and_english_still_works(items: Project) -> None:
    assert _found(items, "مستشفى") == 0
    assert _found(items, "school children") == 1


def test_the_index_follows_updates_and_deletes(items: Project) -> None:
    with items.engine.begin() as conn:  # the index triggers, behind the services (store test)
        conn.execute(
            text(
                "UPDATE item_metadata SET title = 'تقرير مُفصّل', text = 'نص آخر' WHERE text LIKE :t"
            ),
            {"t": "%مدرسةً%"},
        )
    assert _found(items, "تقرير مفصل") == 1
    assert _found(items, "اخر") == 1
    assert _found(items, "مدرسه") == 0  # the old text left the index


def test_the_migration_folds_as_the_query_does() -> None:
    """The SQL of 0601_search folds the same letters, digits and marks as `fold_key`."""
    spec = importlib.util.spec_from_file_location("m0601", MIGRATION)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    letters = dict(module._LETTERS)
    for source, target in _MAP.items():
        if target.isalnum():
            assert letters.get(source) == target, source
    assert set(module._MARKS) == set(_DROP)


@pytest.mark.parametrize("query", ["الرقة", "رقة", "ادلب", "إدلب"])
def test_words_are_found_without_their_proclitics(
    project: Project, tmp_path: Path, query: str
) -> None:
    report = tmp_path / "r.txt"
    report.write_text("وصلت التعزيزات إلى والرقة وبالرقة، ثم بإدلب", encoding="utf-8")
    assert not ingest(project, [str(report)], actor="test").failures
    assert _found(project, query) == 1
