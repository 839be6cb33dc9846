"""Item search folds Latin diacritics alike on both backends (revision 0602_search): a word
found with its accents is found without them and the other way round, in Latin, Arabic and
mixed text, in the title or the text, and on a project indexed before the revision."""

from __future__ import annotations

import importlib.util
import re
import unicodedata
from pathlib import Path

import pytest
from sqlalchemy import text

from factfinder.arabic import LATIN_DROPPED, LATIN_LETTERS, search_form, search_key
from factfinder.services import Project
from factfinder.services.preserve.ingest import ingest
from factfinder.store.search import item_matches, item_words, search_item_ids

MIGRATION = (
    Path(__file__).resolve().parents[2] / "src/factfinder/store/migrations/versions/0602_search.py"
)

LATIN = "Shelling hit Ḥamā and Hajīn; Raʾs al-ʿAyn and Şanlıurfa reported it, as did Łódź."
PLAIN = "Residents of Deir ez-Zor and Manbij described the strike."
MIXED = "قُصِفَتْ مدرسةٌ في بلدة Kafr Nabūdah وأُصيب أطفالٌ"


@pytest.fixture
def items(project: Project, tmp_path: Path) -> Project:
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "latin.txt").write_text(LATIN, encoding="utf-8")
    (folder / "plain.txt").write_text(PLAIN, encoding="utf-8")
    (folder / "mixed.txt").write_text(MIXED, encoding="utf-8")
    # The same word written decomposed (i + combining macron).
    (folder / "nfd.txt").write_text(unicodedata.normalize("NFD", "Bombardment near Sūrān"))
    assert not ingest(project, [str(folder)], actor="test").failures
    return project


def _found(project: Project, query: str) -> int:
    with project.read() as conn:
        return len(search_item_ids(conn, query))


@pytest.mark.parametrize(
    "query",
    [
        "hajin",
        "Hajīn",
        "HAJIN hama",
        "ḥamā",
        "Ras al Ayn",  # the modifier letters ʾ ʿ dropped
        "Raʾs",
        "sanliurfa",  # ş and dotless ı
        "lodz",  # ł with a stroke
        "Łódź",
    ],
)
def test_latin_words_find_their_accented_spelling(items: Project, query: str) -> None:
    assert _found(items, query) == 1


@pytest.mark.parametrize("query", ["Manbij", "Mánbij", "Manbīj", "Dēir ez-Zōr"])
def test_accented_queries_find_plain_text(items: Project, query: str) -> None:
    assert _found(items, query) == 1


@pytest.mark.parametrize("query", ["Suran", "Sūrān", "sūran"])
def test_decomposed_text_is_found_either_way(items: Project, query: str) -> None:
    assert _found(items, query) == 1


@pytest.mark.parametrize(
    "query",
    [
        "kafr nabudah",
        "Nabūdah مدرسه",  # mixed scripts, taa marbuta as haa
        "مَدْرَسَة nabudah",  # tashkeel in the query
        "اصيب اطفال",  # hamza forms folded, the conjunction taken off
        "قصفت",
    ],
)
def test_mixed_arabic_and_latin(items: Project, query: str) -> None:
    assert _found(items, query) == 1


def test_other_words_find_nothing(items: Project) -> None:
    assert _found(items, "hamah") == 0
    assert _found(items, "hajin manbij") == 0  # every word must occur in one item


def test_a_title_search_folds_too(items: Project) -> None:
    with items.engine.begin() as conn:  # the index follows the row (store test)
        conn.execute(
            text("UPDATE item_metadata SET title = 'Rapport sur Ḥarastā' WHERE text LIKE :t"),
            {"t": "%Manbij%"},
        )
    with items.read() as conn:
        item = search_item_ids(conn, "manbij")
        assert len(item) == 1
        assert [m.item_id for m in item_matches(conn, item_words("harasta"), parts=("title",))] == (
            item
        )
        assert item_matches(conn, item_words("harasta"), parts=("text",)) == []
        assert item_matches(conn, item_words("manbij"), parts=("title",)) == []


def test_the_query_and_the_index_fold_alike(project: Project) -> None:
    """PostgreSQL's `factfinder_fold` and SQLite's (the application's) give `search_key`'s
    words for Latin text."""
    samples = [
        LATIN,
        PLAIN,
        unicodedata.normalize("NFD", "Ḥamā, Sūrān, Émile Zoë"),
        "ÀÉÎÕÜ àéîõü Çç Ññ Ǿǿ ĦħĐđŦŧ ẞß Ææ Œœ",
        "".join(LATIN_LETTERS),
    ]
    with project.read() as conn:
        for sample in samples:
            folded = conn.execute(text("SELECT factfinder_fold(:s)"), {"s": sample}).scalar_one()
            words = search_key(sample).split()
            # PostgreSQL's adds the readings without proclitics as copies of the text.
            assert folded.split()[: len(words)] == words, sample
            assert set(folded.split()) == set(words), sample


@pytest.mark.parametrize(
    "sample",
    [
        MIXED,
        "وصلت التعزيزات إلى والرقة وبالرقة، ثم بإدلب وللمدينة فالقرية كالبيت",
        "قُتل ٣ أطفال وامرأة في قصفٍ مؤسسةِ ئ ى ة آ إ ٱ ـــ ک ی ۱۲",
    ],
)
def test_arabic_and_mixed_text_fold_alike(project: Project, sample: str) -> None:
    """Each backend's `factfinder_fold` gives the words of `search_form` (the text folded, and
    each Arabic word's readings without proclitics)."""
    with project.read() as conn:
        folded = conn.execute(text("SELECT factfinder_fold(:s)"), {"s": sample}).scalar_one()
    assert set(re.findall(r"\w+", folded)) == set(re.findall(r"\w+", search_form(sample)))


def test_the_migration_folds_latin_as_the_query_does() -> None:
    spec = importlib.util.spec_from_file_location("m0602", MIGRATION)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert dict(module._LATIN_LETTERS) == LATIN_LETTERS
    assert module._LATIN_DROPPED == LATIN_DROPPED
    assert LATIN_LETTERS["ī"] == "i" and LATIN_LETTERS["Ḥ"] == "h" and LATIN_LETTERS["Ǿ"] == "o"
    assert "ß" not in LATIN_LETTERS and "æ" not in LATIN_LETTERS


def _alembic(project: Project, action: str, target: str) -> None:
    from alembic import command

    from factfinder.store.migrate import alembic_config

    cfg = alembic_config()
    with project.transaction() as tx:
        cfg.attributes["connection"] = tx.conn
        getattr(command, action)(cfg, target)


def test_a_project_indexed_before_the_revision_is_searchable_after_it(items: Project) -> None:
    _alembic(items, "downgrade", "0601_search")
    if items.engine.dialect.name == "sqlite":
        # The index as 0601_search filled it: the text with its accents (FTS5's tokenizer
        # removed them for the search, but its delete commands must repeat those values).
        with items.engine.begin() as conn:
            conn.execute(text("INSERT INTO item_search(item_search) VALUES ('delete-all')"))
            conn.execute(
                text(
                    "INSERT INTO item_search(rowid, title, text) SELECT item_id, "
                    "coalesce(title, ''), coalesce(text, '') FROM item_metadata"
                )
            )
        assert _found(items, "Hajīn") == 1
    else:
        assert _found(items, "hajin") == 0  # the gap this revision closes
    _alembic(items, "upgrade", "heads")
    assert _found(items, "hajin hama") == 1
    assert _found(items, "Sūrān") == 1
    assert _found(items, "Nabūdah مدرسه") == 1
    # The rebuilt index follows later changes (on SQLite, deletes repeat the refilled values).
    with items.engine.begin() as conn:
        conn.execute(
            text("UPDATE item_metadata SET title = 'Ṭafas', text = 'Nawā' WHERE text LIKE :t"),
            {"t": "%Hajīn%"},
        )
    assert _found(items, "hajin") == 0
    assert _found(items, "tafas nawa") == 1
