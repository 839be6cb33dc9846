"""Property-based tests of the number readers: English digits and words, Arabic-Indic and
Eastern Arabic digits, Arabic number words, qualifiers and ranges (extract.numbers and
extract.arabic.numbers)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from test_numbers import in_words

from factfinder.extract.arabic.numbers import read_number
from factfinder.extract.arabic.text import ArabicText
from factfinder.extract.numbers import find_quantities, parse_quantity

ARABIC_INDIC = "٠١٢٣٤٥٦٧٨٩"
EASTERN = "۰۱۲۳۴۵۶۷۸۹"

_UNITS_AR = ["", "واحد", "اثنان", "ثلاثة", "أربعة", "خمسة", "ستة", "سبعة", "ثمانية", "تسعة"]
_TENS_AR = ["", "عشرة", "عشرين", "ثلاثين", "أربعين", "خمسين", "ستين", "سبعين", "ثمانين", "تسعين"]
_HUNDREDS_AR = [
    "",
    "مئة",
    "مئتان",
    "ثلاثمئة",
    "أربعمئة",
    "خمسمئة",
    "ستمئة",
    "سبعمئة",
    "ثمانمئة",
    "تسعمئة",
]


def arabic_words(n: int) -> str:
    """Arabic cardinal words for 1 <= n <= 999 in the masculine forms the press uses:
    "خمسة وعشرين", "ثلاثة عشر", "مئة وخمسة وعشرين"."""
    assert 1 <= n <= 999
    hundreds, rest = divmod(n, 100)
    tens, units = divmod(rest, 10)
    parts: list[str] = []
    if rest:
        if tens == 1:
            parts.append(f"{_UNITS_AR[units]} عشر" if units else _TENS_AR[1])
            if units == 1:
                parts[-1] = "أحد عشر"
            elif units == 2:
                parts[-1] = "اثنا عشر"
        elif tens == 0:
            parts.append(_UNITS_AR[units])
        else:
            parts.append(f"{_UNITS_AR[units]} و{_TENS_AR[tens]}" if units else _TENS_AR[tens])
    words = " و".join(parts)
    if hundreds:
        return _HUNDREDS_AR[hundreds] + (f" و{words}" if words else "")
    return words


def to_script(digits: str, script: str) -> str:
    return "".join(script[int(c)] if c.isdigit() else c for c in digits)


def arabic_bounds(text: str) -> tuple[int | None, int | None]:
    at = ArabicText(text)
    n = read_number(at, 0, len(at.toks))
    assert n is not None, text
    return n.min, n.max


# English ------------------------------------------------------------------------------------

counts = st.integers(min_value=1, max_value=10**6).filter(lambda n: not 1900 <= n <= 2099)


@given(counts, st.sampled_from(["people", "civilians", "children", "fighters"]))
def test_a_count_in_a_sentence_is_found_with_its_exact_span(n: int, noun: str) -> None:
    for figure in (f"{n:,}", in_words(n)):
        text = f"Witnesses said {figure} {noun} were killed in the strike."
        (q,) = find_quantities(text)
        assert (q.range.min, q.range.max) == (n, n)
        assert text[q.start : q.end] == q.range.text == figure


@given(st.integers(min_value=0, max_value=10**6), st.booleans())
def test_words_and_digits_read_the_same(n: int, with_commas: bool) -> None:
    digits = f"{n:,}" if with_commas else str(n)
    assert parse_quantity(digits) == parse_quantity(digits)  # deterministic
    a, b = parse_quantity(digits), parse_quantity(in_words(n))
    assert a is not None and b is not None
    assert (a.min, a.max) == (b.min, b.max) == (n, n)


@given(st.integers(min_value=1, max_value=10**5), st.integers(min_value=1, max_value=10**5))
def test_a_range_never_has_its_ends_reversed(a: int, b: int) -> None:
    lo, hi = sorted((a, b))
    if lo == hi:
        return
    r = parse_quantity(f"between {lo:,} and {hi:,}")
    assert r is not None and r.min is not None and r.max is not None
    assert r.min <= r.max and (r.min, r.max) == (lo, hi)


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200))
def test_any_text_gives_ordered_spans_inside_it(text: str) -> None:
    found = find_quantities(text)
    last_end = 0
    for q in found:
        assert last_end <= q.start < q.end <= len(text)
        assert text[q.start : q.end] == q.range.text
        if q.range.min is not None and q.range.max is not None:
            assert q.range.min <= q.range.max
        last_end = q.end


@given(
    st.text(alphabet="abc ,.-0123456789", max_size=60),
    st.integers(min_value=0, max_value=60),
    st.integers(min_value=0, max_value=60),
)
def test_a_window_only_finds_what_lies_in_it(text: str, a: int, b: int) -> None:
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    for q in find_quantities(text, start, end):
        assert start <= q.start <= q.end <= end


@given(st.integers(min_value=1900, max_value=2099))
def test_a_bare_year_is_not_a_count(year: int) -> None:
    assert find_quantities(f"The town was shelled in {year}.") == []
    # with a count noun it is a count again
    (q,) = find_quantities(f"The strikes killed {year} people.")
    assert q.range.min == year


# Arabic -------------------------------------------------------------------------------------


@given(st.integers(min_value=1, max_value=10**6).filter(lambda n: not 1900 <= n <= 2099))
def test_arabic_digits_in_every_script_read_the_same(n: int) -> None:
    ascii_digits = str(n)
    for script in ("0123456789", ARABIC_INDIC, EASTERN):
        assert arabic_bounds(f"{to_script(ascii_digits, script)} مدنيين") == (n, n)


@given(st.integers(min_value=1000, max_value=10**6).filter(lambda n: not 1900 <= n <= 2099))
def test_arabic_thousands_separator(n: int) -> None:
    grouped = f"{n:,}".replace(",", "٬")
    assert arabic_bounds(f"{to_script(grouped, ARABIC_INDIC)} شخص") == (n, n)


@given(st.integers(min_value=1, max_value=999))
def test_arabic_number_words_read_their_value(n: int) -> None:
    assert arabic_bounds(f"{arabic_words(n)} مدنيين") == (n, n)


@given(
    st.integers(min_value=2, max_value=10**5).filter(lambda n: not 1900 <= n <= 2099),
    st.sampled_from(
        [
            ("أكثر من", lambda n: (n + 1, None)),
            ("ما لا يقل عن", lambda n: (n, None)),
            ("أقل من", lambda n: (None, n - 1)),
            ("نحو", lambda n: (n, n)),
        ]
    ),
)
def test_arabic_qualifiers_with_any_number(n: int, qualifier: tuple) -> None:  # type: ignore[type-arg]
    words, expected = qualifier
    assert arabic_bounds(f"{words} {n} مدنيين") == expected(n)
    assert arabic_bounds(f"{words} {to_script(str(n), ARABIC_INDIC)} مدنيين") == expected(n)


@given(st.integers(min_value=1, max_value=500), st.integers(min_value=1, max_value=500))
def test_arabic_ranges(a: int, d: int) -> None:
    assert arabic_bounds(f"بين {a} و{a + d} أشخاص") == (a, a + d)
    assert arabic_bounds(f"{a}-{a + d} أشخاص") == (a, a + d)


@given(st.integers(min_value=1, max_value=999))
def test_english_and_arabic_readers_agree(n: int) -> None:
    english = parse_quantity(in_words(n))
    assert english is not None
    assert arabic_bounds(f"{arabic_words(n)} مدنيين") == (english.min, english.max)


def arabic_thousands(n: int) -> str:
    """Arabic words for 1000 <= n <= 10999: "ألف", "ألفين", "ثلاثة آلاف" … "عشرة آلاف", then
    "و" and the rest in words."""
    thousands, rest = divmod(n, 1000)
    head = {1: "ألف", 2: "ألفين"}.get(thousands) or f"{arabic_words(thousands)} آلاف"
    return head + (f" و{arabic_words(rest)}" if rest else "")


@given(st.integers(min_value=1000, max_value=10_999))
def test_arabic_thousands_in_words(n: int) -> None:
    assert arabic_bounds(f"{arabic_thousands(n)} مدني") == (n, n)


@given(st.integers(min_value=1, max_value=999).filter(lambda n: n not in (19, 20)))
def test_digits_then_the_word_thousand(n: int) -> None:
    # "5 آلاف" and "120 ألف" are thousands; the digits in any script.
    word = "آلاف" if 3 <= n <= 10 else "ألف"
    for script in ("0123456789", ARABIC_INDIC):
        assert arabic_bounds(f"{to_script(str(n), script)} {word} نازح") == (n * 1000, n * 1000)


@given(
    st.integers(min_value=1, max_value=10**5).filter(lambda n: not 1900 <= n <= 2099),
    st.sampled_from(["على الأقل", "أو أكثر"]),
)
def test_an_arabic_qualifier_after_the_number(n: int, after: str) -> None:
    assert arabic_bounds(f"{n} {after}") == (n, None)
    at = ArabicText(f"{n} {after} قتلى")
    number = read_number(at, 0, len(at.toks))
    assert number is not None and at.w(number.j) == "قتلي"  # the qualifier is part of it


@given(st.sampled_from([("عشرات", 20), ("مئات", 200)]), st.booleans())
def test_arabic_vague_quantities_and_their_thousands(vague: tuple[str, int], of: bool) -> None:
    word, floor = vague
    text = f"{word} الآلاف من النازحين" if of else f"{word} المدنيين"
    at = ArabicText(text)
    number = read_number(at, 0, len(at.toks))
    assert number is not None and number.vague
    assert (number.min, number.max) == ((floor * 1000 if of else floor), None)


@given(st.integers(min_value=1, max_value=8), st.integers(min_value=1, max_value=9))
def test_arabic_word_ranges_between(a: int, d: int) -> None:
    # "بين خمسة وسبعة": the second number carries "و".
    b = min(a + d, 9)
    if b > a:
        assert arabic_bounds(f"بين {_UNITS_AR[a]} و{_UNITS_AR[b]} أشخاص") == (a, b)
