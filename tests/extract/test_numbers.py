"""Numbers, qualifiers, ranges and vague quantities (factfinder.extract.numbers)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factfinder.extract.numbers import VAGUE_MINIMUMS, find_quantities, parse_quantity

_ONES = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def in_words(n: int, *, use_and: bool = True) -> str:
    """English cardinal words for 0 <= n < 10**9 ("one hundred and twenty-six")."""
    if n < 20:
        return _ONES[n]
    if n < 100:
        return _TENS[n // 10] + ("-" + _ONES[n % 10] if n % 10 else "")
    for size, name in ((10**6, "million"), (1000, "thousand"), (100, "hundred")):
        if n >= size:
            head, rest = divmod(n, size)
            words = f"{in_words(head, use_and=use_and)} {name}"
            if rest:
                joiner = " and " if use_and and rest < 100 else " "
                words += joiner + in_words(rest, use_and=use_and)
            return words
    raise AssertionError(n)


def bounds(phrase: str) -> tuple[int | None, int | None]:
    r = parse_quantity(phrase)
    assert r is not None, phrase
    return r.min, r.max


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        # The four examples of CLAIMS.md.
        ("at least 26", (26, None)),
        ("more than 4,000", (4001, None)),
        ("26", (26, 26)),
        ("between 13 and 46", (13, 46)),
        # Every qualifier class.
        ("no fewer than 10", (10, None)),
        ("a minimum of 10", (10, None)),
        ("over 100", (101, None)),
        ("upwards of 100", (101, None)),
        ("in excess of 100", (101, None)),
        ("up to 30", (None, 30)),
        ("as many as 30", (None, 30)),
        ("at most 30", (None, 30)),
        ("no more than 30", (None, 30)),
        ("fewer than 10", (None, 9)),
        ("less than 10", (None, 9)),
        ("under 10", (None, 9)),
        ("about 30", (30, 30)),
        ("around 30", (30, 30)),
        ("some 70", (70, 70)),
        ("approximately 30", (30, 30)),
        ("nearly 70", (70, 70)),
        ("almost 70", (70, 70)),
        ("an estimated 1,500", (1500, 1500)),
        ("a total of 12", (12, 12)),
        # Words, scales and multipliers.
        ("fourteen", (14, 14)),
        ("twenty-six", (26, 26)),
        ("twenty six", (26, 26)),
        ("one hundred and twenty-five", (125, 125)),
        ("a hundred and fifty", (150, 150)),
        ("two thousand five hundred", (2500, 2500)),
        ("1.5 million", (1_500_000, 1_500_000)),
        ("4 thousand", (4000, 4000)),
        ("a dozen", (12, 12)),
        ("two dozen", (24, 24)),
        ("half a dozen", (6, 6)),
        # Ranges.
        ("13 to 46", (13, 46)),
        ("13-46", (13, 46)),
        ("13 or 14", (13, 14)),
        ("from 13 to 46", (13, 46)),
        ("20 or more", (20, None)),
        # Vague quantities: documented minimums, open above.
        ("dozens", (24, None)),
        ("scores of", None),
        ("hundreds", (200, None)),
        ("thousands", (2000, None)),
        ("several", (3, None)),
        ("a few", (2, None)),
        ("a number of", (2, None)),
        ("several hundred", (300, None)),
        ("a few dozen", (24, None)),
        ("tens of thousands", (20_000, None)),
        ("hundreds of thousands", (200_000, None)),
    ],
)
def test_phrase_ranges(phrase: str, expected: tuple[int | None, int | None] | None) -> None:
    if expected is None:  # "scores of" is not a whole quantity phrase; "scores" needs "of"
        assert parse_quantity(phrase) is None
        assert find_quantities("scores of people")[0].range.min == VAGUE_MINIMUMS["scores"]
        return
    assert bounds(phrase) == expected
    assert parse_quantity(phrase).text == phrase  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "phrase", ["", "people", "4,000 people", "resolution 2254", "1.5", "14th", "the", "2,50"]
)
def test_not_a_quantity_phrase(phrase: str) -> None:
    assert parse_quantity(phrase) is None


@pytest.mark.parametrize(
    "text",
    [
        "A 14-year-old boy was hurt.",
        "a 14 years old boy",
        "He was aged 14.",
        "Su-24 and MiG-21 jets",
        "under UN Security Council resolution 2254",
        "resolution No. 2118",
        "on 21 August 2013 and Aug. 21 and August 21st",
        "on 15-02-2016, 21/8/2013 and 24.08.2013",
        "at 0914 local time, at 10:59",
        "the 4th Division and the 1st brigade",
        "$5 million in aid, 20% of the city, 40 percent",
        "2 km away, three days of talks, five times",
        "a three-day truce and a 20-member team",
        "the war began in 2011 and since 2013",
        "on the M5 highway",
        "UTC+3",
        "no one, one of the victims, one another",
    ],
)
def test_not_counts_in_context(text: str) -> None:
    assert find_quantities(text) == []


def test_spans_and_text_are_document_offsets() -> None:
    text = "Prefix. Air strikes killed more than 4,000 people and 13-46 others; twenty-six died."
    found = find_quantities(text, 8)
    assert [(text[q.start : q.end], q.range.text) for q in found] == [
        ("more than 4,000", "more than 4,000"),
        ("13-46", "13-46"),
        ("twenty-six", "twenty-six"),
    ]
    assert [(q.range.min, q.range.max) for q in found] == [(4001, None), (13, 46), (26, 26)]
    # The window is respected.
    assert find_quantities(text, 0, 30) == []


def test_adjacent_numbers_stay_apart() -> None:
    # FA-KES texts lost their commas: "86 30 of them children".
    found = find_quantities("the death toll had risen to 86 30 of them children")
    assert [(q.range.min, q.range.max) for q in found] == [(86, 86), (30, 30)]


def test_toll_change_is_not_a_range() -> None:
    found = find_quantities("the toll rose from 43 to 126")
    assert [(q.range.min, q.range.max) for q in found] == [(43, 43), (126, 126)]


def test_years_that_count_people() -> None:
    assert [q.range.min for q in find_quantities("about 2200 left Madaya and 2000 people")] == [
        2200,
        2000,
    ]
    assert bounds("2013") == (2013, 2013)  # a bare phrase is a count


def test_many_only_as_quantity() -> None:
    assert [q.range.text for q in find_quantities("as many as 30 and many of them")] == [
        "as many as 30"
    ]
    assert [q.range.text for q in find_quantities("many people were killed")] == ["many"]


def test_vague_table_is_conservative() -> None:
    assert all(v >= 2 for v in VAGUE_MINIMUMS.values())
    assert VAGUE_MINIMUMS["dozens"] == 24 and VAGUE_MINIMUMS["hundreds"] == 200


@given(st.integers(min_value=0, max_value=10**9 - 1))
def test_digits_with_commas_parse_back(n: int) -> None:
    assert bounds(f"{n:,}") == (n, n)
    assert bounds(str(n)) == (n, n)


@given(st.integers(min_value=0, max_value=10**9 - 1), st.booleans())
def test_words_parse_back(n: int, use_and: bool) -> None:
    assert bounds(in_words(n, use_and=use_and)) == (n, n)


@given(
    st.integers(min_value=1, max_value=10**6),
    st.sampled_from(
        [
            ("at least", lambda n: (n, None)),
            ("more than", lambda n: (n + 1, None)),
            ("up to", lambda n: (None, n)),
            ("fewer than", lambda n: (None, n - 1)),
            ("about", lambda n: (n, n)),
        ]
    ),
)
def test_qualifiers_with_any_number(n: int, qualifier: tuple) -> None:  # type: ignore[type-arg]
    words, expected = qualifier
    assert bounds(f"{words} {n:,}") == expected(n)
    assert bounds(f"{words} {in_words(n)}") == expected(n)


@given(st.integers(min_value=0, max_value=10**5), st.integers(min_value=1, max_value=10**5))
def test_ranges_with_any_numbers(a: int, d: int) -> None:
    assert bounds(f"between {a:,} and {a + d:,}") == (a, a + d)
    assert bounds(f"{a} to {a + d}") == (a, a + d)
