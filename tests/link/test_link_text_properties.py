"""Properties of the linker's text measures (link.text, link.features): the rarity-weighted word
overlap is a similarity in [0, 1], symmetric, 1 only for equal word sets; the fast form the
scorer uses gives the reference value to the last bit whatever form its words come in, and so
do its shortcuts around `round`; the word
reader is deterministic and returns sorted words without repeats."""

from __future__ import annotations

import math

from hypothesis import given
from hypothesis import strategies as st

from factfinder.link.features import _overlap, _round3, names_weight, text_weight, word_weight
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


weights = st.dictionaries(vocab, st.floats(min_value=1.0, max_value=20.0), max_size=30)


@given(word_sets, word_sets, weights)
def test_the_overlap_sums_shared_weights_in_sorted_order(a, b, idf) -> None:  # type: ignore[no-untyped-def]
    ta, tb = word_weight(a, idf), word_weight(b, idf)
    shared = sorted(set(a) & set(b))
    inter = 0.0
    for t in shared:
        inter += idf.get(t, 1.0)
    expected = inter / (ta + tb - inter) if shared else 0.0
    assert _overlap(frozenset(a), frozenset(b), ta, tb, idf) == expected
    assert _overlap(a, b, ta, tb, idf) == expected


unit = st.floats(min_value=0.0, max_value=1.0)


@given(unit)
def test_the_names_weight_is_its_rounded_formula(names: float) -> None:
    assert repr(names_weight(names)) == repr(round(1.5 * min(1.0, names * 2.0), 3))


@given(unit, st.sampled_from([0.1, 0.25]))
def test_the_text_weight_is_its_rounded_formula(words: float, base: float) -> None:
    expected = round(3.0 * max(-0.25, min(1.0, (words - base) / 0.25)), 3)
    assert repr(text_weight(words, base)) == repr(expected)


@given(st.floats(min_value=-20.0, max_value=20.0) | st.sampled_from([0.0, -0.0, -0.0004]))
def test_remembered_rounding_is_round_with_the_sign_of_zero(x: float) -> None:
    for _ in range(2):  # computed, then remembered
        assert repr(_round3(x)) == repr(round(x, 3))
    assert repr(_round3(-0.0)) == "-0.0" and repr(_round3(0.0)) == "0.0"


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


def _words_read_afresh(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """`read_words` as it reads each token without remembering it (the reference)."""
    from factfinder.link import text as t

    text = t._mend(text[: t.MAX_TEXT_CHARS])
    names: set[str] = set()
    words: set[str] = set()
    arabic = t.script_of(text) == "arab"
    for m in t._WORD.finditer(text):
        tok = m.group(0)
        if arabic and tok[0] < "\u0600":
            continue
        low = t._fold(tok)
        if len(low) < 3:
            continue
        if low not in t.STOPWORDS and not low.isdigit():
            words.add(low)
        if low in t.TARGET_WORDS:
            names.add(low)
            continue
        if (
            tok[0].isupper()
            and not (tok.isupper() and len(tok) > 3)
            and low not in t.COMMON_CAPITALISED
            and tok.lower() not in t.COMMON_CAPITALISED
            and not t._opens_sentence(text, m.start())
        ):
            names.add(low)
    return tuple(sorted(names)), tuple(sorted(words))


_TOKENS = st.sampled_from(
    [
        "Douma", "douma", "DOUMA", "SOHR", "UN", "The", "the", "Market", "market", "hospital",
        "Al-Rahma", "al-Nusra", "Ahmad's", "Russian", "May", "12", "3rd", "of", "in", "killed",
        "قصف", "وبالميادين", "الميادين", "مستشفى", "انفـ ـجار", "ab", "Ok", "“Idlib”", "x-ray",
    ]
)  # fmt: skip
_GLUE = st.sampled_from([" ", ". ", ", ", ": ", " (", ") ", "! ", " - ", "\n", " “"])


@given(st.lists(st.tuples(_TOKENS, _GLUE), max_size=25))
def test_read_words_remembering_tokens_reads_as_afresh(parts: list[tuple[str, str]]) -> None:
    # A token remembered from one sentence reads the same in another: whether it opens a
    # sentence is looked at each time.
    text = "".join(tok + glue for tok, glue in parts)
    assert read_words(text) == _words_read_afresh(text)
    assert read_words(text.lower()) == _words_read_afresh(text.lower())
