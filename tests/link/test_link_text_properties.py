"""Properties of the linker's text measures (link.text, link.features): the rarity-weighted word
overlap is a similarity in [0, 1], symmetric, 1 only for equal word sets; the fast form the
scorer uses gives the reference value to the last bit whatever form its words come in; the word
reader is deterministic and returns sorted words without repeats."""

from __future__ import annotations

import math

from hypothesis import given
from hypothesis import strategies as st

from factfinder.link.features import _overlap, word_weight
from factfinder.link.text import (
    idf_of,
    idf_table,
    idf_value,
    read_words,
    same_language,
    shared_weight,
    weighted_overlap,
)

vocab = st.sampled_from([f"w{k:02d}" for k in range(30)])
word_sets = st.frozensets(vocab, max_size=12).map(lambda s: tuple(sorted(s)))
corpora = st.lists(st.frozensets(vocab, max_size=8), min_size=1, max_size=10)


@given(corpora)
def test_idf_is_rarer_is_heavier(sets: list[frozenset[str]]) -> None:
    idf = idf_table(sets)
    n = len(sets)
    df = {t: sum(t in s for s in sets) for t in idf}
    assert idf == idf_of(df, n)
    for t, w in idf.items():
        assert w == idf_value(df[t], n) and w >= 1.0 - 1e-12
        for u, v in idf.items():
            if df[t] < df[u]:
                assert w > v


@given(word_sets, word_sets, corpora)
def test_the_weighted_overlap_is_a_symmetric_similarity(a, b, sets) -> None:  # type: ignore[no-untyped-def]
    idf = idf_table(sets)
    s = weighted_overlap(a, b, idf)
    assert 0.0 <= s <= 1.0
    assert s == weighted_overlap(b, a, idf)
    assert shared_weight(a, b, idf) == shared_weight(b, a, idf)
    if a:
        assert weighted_overlap(a, a, idf) == 1.0
    if not set(a) & set(b):
        assert s == 0.0
    elif set(a) != set(b):
        assert s < 1.0


@given(word_sets, word_sets, corpora)
def test_the_scorers_overlap_is_the_reference_to_the_last_bit(a, b, sets) -> None:  # type: ignore[no-untyped-def]
    idf = idf_table(sets)
    ta, tb = word_weight(a, idf), word_weight(b, idf)
    fast = _overlap(a, b, ta, tb, idf)
    assert fast == _overlap(frozenset(a), frozenset(b), ta, tb, idf)
    assert math.isclose(fast, weighted_overlap(a, b, idf), rel_tol=1e-12, abs_tol=1e-15)


@given(st.text(max_size=200))
def test_read_words_are_sorted_unique_and_stable(text: str) -> None:
    names, words = read_words(text)
    for seq in (names, words):
        assert list(seq) == sorted(set(seq))
        assert all(len(w) >= 3 for w in seq)
    assert read_words(text) == (names, words)


def test_words_of_a_real_sentence() -> None:
    names, words = read_words(
        "Russian jets struck the market in Maarat al-Numan, killing 12 people."
    )
    assert "market" in words and "struck" in words and "12" not in words
    # a place name and a target word are names; a capital that only opens the sentence is not
    assert {"maarat", "market"} <= set(names) and "russian" not in names
    assert same_language("latn:en", "latn:en") and not same_language("latn:en", "arab:ar")
