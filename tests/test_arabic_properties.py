"""Folding Arabic script (factfinder.arabic) for any text: one folded character per kept
original, in order, each the fold of its original; folding is idempotent; any folded span maps
back to an original span that folds to it; clitic readings are the word's stems."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from factfinder.arabic import (
    arabic_share,
    fold,
    fold_key,
    has_arabic,
    search_form,
    search_key,
    strip_clitics,
    text_direction,
)

# Arabic letters, hamza forms, diacritics, tatweel, digits of three scripts, marks, Latin, spaces.
ALPHABET = (
    "ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآٱةىؤئکیہە"
    "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670\u0640\u200c\u200f"
    "٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹،؛؟٫٬٪ abcXYZ019.,\n"
)
texts = st.text(alphabet=ALPHABET, max_size=80)


@given(texts)
def test_each_folded_character_comes_from_one_original(text: str) -> None:
    f = fold(text)
    assert len(f.text) == len(f.index) and f.original_length == len(text)
    assert list(f.index) == sorted(set(f.index))
    for ch, i in zip(f.text, f.index, strict=True):
        assert fold(text[i]).text == ch
    assert fold(f.text).text == f.text  # idempotent
    assert fold_key(text) == " ".join(f.text.split())


@given(texts, st.data())
def test_any_folded_span_maps_back_to_an_original_span(text: str, data: st.DataObject) -> None:
    f = fold(text)
    if not f.text:
        return
    i = data.draw(st.integers(0, len(f.text) - 1))
    j = data.draw(st.integers(i + 1, len(f.text)))
    a, b = f.span(i, j)
    assert 0 <= a < b <= len(text)
    assert fold(text[a:b]).text == f.text[i:j]
    assert f.offset(len(f.text)) == len(text) and f.offset(i) == a


@given(st.text(alphabet="ابتسرقهلوفكدي", min_size=1, max_size=12))
def test_clitic_readings_are_suffixes_longest_first(word: str) -> None:
    readings = strip_clitics(word)
    assert readings[0] == word
    for r in readings[1:]:
        # a suffix of the word, or the article restored after "لل" (للرقه → الرقه)
        assert len(r) >= 2
        assert word.endswith(r) or (r.startswith("ال") and "لل" + r[2:] in word), r
    assert [len(r) for r in readings] == sorted((len(r) for r in readings), reverse=True)
    assert len(set(readings)) == len(readings)


@given(texts)
def test_direction_follows_the_share_of_arabic_letters(text: str) -> None:
    share = arabic_share(text)
    assert 0.0 <= share <= 1.0
    assert (share > 0) == has_arabic(text)
    assert text_direction(text) == ("rtl" if share > 0.5 else "ltr")
    form = search_form(text)
    assert form.startswith(search_key(text))


def test_the_readings_of_a_town_with_its_proclitics() -> None:
    assert strip_clitics("والرقه") == ("والرقه", "الرقه", "رقه")
    assert fold("قُتِلَ ٣").text == "قتل 3"
