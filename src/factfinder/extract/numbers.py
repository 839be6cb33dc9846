"""Numbers as news writes them: digits, words, ranges, qualifiers and vague quantities.

`find_quantities(text, start, end)` finds every count of things in `text[start:end]` and
returns it as a `CountedRange` whose span covers the qualifier too ("more than 4,000").
`parse_quantity(phrase)` reads one whole phrase. What a figure means is set by these rules:

======================================  ===================  =================================
words                                   range (min..max)     why
======================================  ===================  =================================
"26", "twenty-six", "a dozen"           26..26               the figure itself (CLAIMS.md)
"at least 26", "no fewer than 26"       26..None             a floor, open above (CLAIMS.md)
"more than 4,000", "over 4,000"         4001..None           strictly above (CLAIMS.md)
"up to 30", "as many as 30", "at most"  None..30             a ceiling; nothing is said of the
                                                             floor, and unknown is None
"fewer than 30", "less than", "under"   None..29             strictly below
"about 30", "around", "some",           30..30               a point estimate: the figure the
"approximately", "nearly", "almost",                         claimant gives; the hedge stays in
"an estimated", "close to"                                   `Range.text` for the analyst
"between 13 and 46", "13 to 46",        13..46               both ends stated
"13-46", "13 or 14"
"20 or more"                            20..None             a floor
"dozens", "hundreds", "several" …       VAGUE_MINIMUMS..None a conservative floor (see table)
"several hundred", "two dozen"          300..None, 24..24    a multiplier times a unit
======================================  ===================  =================================

Not counts, and never returned: years (a bare 1900–2099 unless a qualifier or a count noun
says otherwise), dates ("21 August", "Aug. 21", "21/8/2013"), clock times ("0914", "10:59"),
ordinals ("14th"), ages ("a 14-year-old", "aged 14", "aged 3 to 12"), money, percentages, measures and
durations ("2 km", "three days", "three times"), reference numbers ("resolution 2254",
"Su-24", "M5", "Division 17"), compound adjectives ("a three-day truce") and decimals without a
scale word ("1.5" but not "1.5 million"). Counts of things that are not people ("two separate
letters") *are* quantities; `factfinder.extract.casualties` decides what a count counts.

Number words are parsed by hand: the English cardinal grammar needed is small, it must keep
character offsets, and the libraries that parse number words (word2number, unmaintained since
2017; text2num, which reads "hundreds" as 100 and rejects "a dozen") do neither.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final, Literal, NamedTuple

from factfinder.mentions import CountedRange
from factfinder.model import Range
from factfinder.vocab import MONTH_NUMBERS, NUMBER_SCALES, NUMBER_TENS, NUMBER_UNITS


def _w(words: str) -> list[str]:
    """The words of a space-separated list (keeps long word tables readable)."""
    return words.split()


VAGUE_MINIMUMS: Final[Mapping[str, int]] = MappingProxyType(
    {
        # A plural of a unit means at least two of that unit: two dozen, two score, two hundred…
        "dozens": 24,
        "scores": 40,
        "tens": 20,  # "tens of people": a calque of the Arabic 'asharat, at least two tens
        "hundreds": 200,
        "thousands": 2000,
        "millions": 2_000_000,
        # Small vague quantifiers: the least a careful reader can hold the text to.
        "a couple of": 2,
        "a few": 2,
        "a handful of": 2,
        "a number of": 2,
        "many": 2,  # not in "as many as", "how many", "many of"
        "numerous": 3,
        "several": 3,  # "more than two but not many"
    }
)
"""Conservative minimums of vague quantities; the maximum is always open (None).

Each minimum is the smallest value the word can honestly mean, so that reconciled ranges
never overstate a claim: a plural unit ("dozens", "hundreds") is at least two of the unit,
"several" at least three, and the other small quantifiers at least two (a plural). A vague
multiplier before a unit multiplies it: "several hundred" → 300, "a few dozen" → 24,
"tens of thousands" → 20,000, "hundreds of thousands" → 200,000.
"""

QualifierKind = Literal["exact", "min", "gt", "max", "lt", "approx"]

# Longest phrases first, so "no more than" wins over "more than".
_QUALIFIERS: Final[tuple[tuple[str, QualifierKind], ...]] = tuple(
    sorted(
        (
            ("at least", "min"),
            ("no fewer than", "min"),
            ("no less than", "min"),
            ("not less than", "min"),
            ("not fewer than", "min"),
            ("a minimum of", "min"),
            ("at the very least", "min"),
            ("more than", "gt"),
            ("over", "gt"),
            ("upwards of", "gt"),
            ("in excess of", "gt"),
            ("exceeding", "gt"),
            ("above", "gt"),
            ("greater than", "gt"),
            ("just over", "gt"),
            ("well over", "gt"),
            ("slightly more than", "gt"),
            ("well above", "gt"),
            ("up to", "max"),
            ("as many as", "max"),
            ("at most", "max"),
            ("no more than", "max"),
            ("not more than", "max"),
            ("a maximum of", "max"),
            ("as much as", "max"),
            ("fewer than", "lt"),
            ("less than", "lt"),
            ("under", "lt"),
            ("below", "lt"),
            ("just under", "lt"),
            ("nearly", "approx"),
            ("almost", "approx"),
            ("about", "approx"),
            ("around", "approx"),
            ("some", "approx"),
            ("approximately", "approx"),
            ("roughly", "approx"),
            ("close to", "approx"),
            ("an estimated", "approx"),
            ("estimated", "approx"),
            ("circa", "approx"),
            ("approx", "approx"),
            ("a total of", "exact"),
            ("exactly", "exact"),
            ("a further", "exact"),
            ("another", "exact"),
        ),
        key=lambda q: -len(q[0]),
    )
)


def _by_last_word(
    qualifiers: tuple[tuple[str, QualifierKind], ...],
) -> Mapping[str, tuple[tuple[tuple[str, ...], QualifierKind], ...]]:
    index: dict[str, list[tuple[tuple[str, ...], QualifierKind]]] = {}
    for phrase, kind in qualifiers:  # longest first, as in _QUALIFIERS
        words = tuple(phrase.split())
        index.setdefault(words[-1], []).append((words, kind))
    return MappingProxyType({k: tuple(v) for k, v in index.items()})


_QUALIFIERS_BY_LAST: Final = _by_last_word(_QUALIFIERS)

_UNITS: Final[Mapping[str, int]] = NUMBER_UNITS
_TENS: Final[Mapping[str, int]] = NUMBER_TENS
_SCALES: Final[Mapping[str, int]] = NUMBER_SCALES
_NUMBER_WORDS: Final[frozenset[str]] = frozenset({*_UNITS, *_TENS, *_SCALES, "dozen"})

_MONTHS: Final[frozenset[str]] = frozenset(MONTH_NUMBERS)
# Words after a number that make it a measure, a duration, money or a rate, not a count.
_UNIT_WORDS: Final[frozenset[str]] = frozenset(
    _w(
        "km kms kilometres kilometers kilometre kilometer miles mile metres meters metre meter m "
        "cm mm kg kilograms kilos tons tonnes ton litres liters hectares acres square sq feet ft "
        "hours hour hrs hr minutes minute mins min seconds second secs days day weeks week months "
        "month years year decades decade centuries times am pm gmt utc degrees mph kph percent "
        "pct dollars dollar usd euros euro pounds lira liras pound syp bn yen rubles roubles "
        "barrels storeys stories floors"
    )
)
# Words before a number that make it a reference or a name, not a count.
_REFERENCE_WORDS: Final[frozenset[str]] = frozenset(
    _w(
        "resolution resolutions no nos number article articles paragraph chapter page flight "
        "route highway road brigade division regiment battalion corps unit item version code "
        "case file room block gate model type class category level phase stage round session "
        "decree law protocol geneva astana vienna channel radio tv platform sector zone camp "
        "district sura verse psalm chapter grade fleet squadron group"
    )
)
_CURRENCY_SIGNS: Final[frozenset[str]] = frozenset(_w("$ € £ ¥"))
# Nouns that make a year-like number ("2000 people") a count rather than a year.
_COUNT_NOUNS: Final[frozenset[str]] = frozenset(
    _w(
        "people persons civilians children women men others soldiers fighters militants rebels "
        "troops residents refugees families bodies killed dead died wounded injured casualties "
        "members victims deaths displaced detainees prisoners"
    )
)
_AFTER_ONE_NOT_COUNT: Final[frozenset[str]] = frozenset(
    _w("of another side day time hand way thing point another's")
)
_ONE_NOUNS: Final[frozenset[str]] = frozenset(
    _w("civilian person child man woman boy girl soldier fighter member resident")
)
_BEFORE_ONE_NOT_COUNT: Final[frozenset[str]] = frozenset(
    _w("no the any every each which this that")
)

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[A-Za-z]+|[^\sA-Za-z\d]")


class _Tok(NamedTuple):
    """A token of the scanned text (a tuple: millions are made, so they must be cheap)."""

    text: str
    low: str
    start: int
    end: int


def _tokens(text: str, start: int, end: int) -> list[_Tok]:
    return [
        _Tok(m.group(), m.group().lower(), m.start(), m.end())
        for m in _TOKEN.finditer(text, start, end)
    ]


@dataclass(frozen=True, slots=True)
class _Num:
    """A number read from tokens[i:j]: its value, or its minimum when it is vague."""

    i: int
    j: int
    value: int
    vague: bool = False


def _digits_value(tok: str) -> int | float | None:
    if not tok.isascii():  # "²" and other Unicode digits match \d but are not counts
        return None
    if "," in tok:
        head, *groups = tok.split(",")
        if not (1 <= len(head) <= 3 and all(len(g) == 3 and g.isdigit() for g in groups)):
            return None
        return int(tok.replace(",", ""))
    if tok.count(".") == 1:
        return float(tok)
    if "." in tok:
        return None
    return int(tok)


def _read_words(toks: list[_Tok], i: int) -> tuple[int, int] | None:
    """Parse a cardinal in words starting at toks[i] ("one hundred and twenty-six").

    Returns (value, next index) or None. Hyphens join tens and units; "and" is only read
    after a scale word, so "two and three" stays two numbers; a leading "a"/"an" counts as
    one before a scale word ("a hundred and fifty").
    """
    total = current = 0
    seen = False
    j = i
    if toks[i].low in ("a", "an") and _low(toks, i + 1) in _SCALES:
        current, seen, j = 1, True, i + 1
    last_end = j
    while j < len(toks):
        w = toks[j].low
        if w in _UNITS:
            if current % 100 >= 20 and current % 10 == 0 and 0 < _UNITS[w] < 10:
                current += _UNITS[w]  # "twenty six"
            elif current % 100 != 0 or (seen and current == 0 and total == 0):
                break
            else:
                current += _UNITS[w]
        elif w in _TENS:
            if current % 100 != 0:
                break
            current += _TENS[w]
        elif w in _SCALES:
            if not seen:
                break
            if _SCALES[w] == 100:
                if current == 0 or current >= 100:
                    break
                current *= 100
            else:
                if current == 0:
                    break
                total += current * _SCALES[w]
                current = 0
        elif (
            w == "-"
            and seen
            and _low(toks, j + 1) in _UNITS
            and _glued(toks, j - 1, j)
            and _glued(toks, j, j + 1)
        ) or (
            w == "and"
            and seen
            and _low(toks, j - 1) in _SCALES
            and (_low(toks, j + 1) in _UNITS or _low(toks, j + 1) in _TENS)
        ):
            j += 1  # "twenty-six", "one hundred and five": joiners inside one number
            continue
        else:
            break
        seen = True
        j += 1
        last_end = j
    if not seen or last_end == i:
        return None
    return total + current, last_end


def _low(toks: list[_Tok], k: int) -> str:
    return toks[k].low if 0 <= k < len(toks) else ""


def _glued(toks: list[_Tok], a: int, b: int) -> bool:
    """Whether toks[a] ends exactly where toks[b] starts (no space between)."""
    return 0 <= a < len(toks) and 0 <= b < len(toks) and toks[a].end == toks[b].start


# The words a number can start with; everything else is skipped at once.
_FIRST_WORDS: Final[frozenset[str]] = frozenset(
    {*_UNITS, *_TENS, "a", "an", "half", *(p.split()[0] for p in VAGUE_MINIMUMS)}
)
_VAGUE_UNITS: Final[frozenset[str]] = frozenset(
    {"dozens", "scores", "tens", "hundreds", "thousands", "millions"}
)


def _read_vague(toks: list[_Tok], i: int) -> _Num | None:
    for phrase, minimum in VAGUE_MINIMUMS.items():
        words = phrase.split()
        if [_low(toks, i + k) for k in range(len(words))] != words:
            continue
        j = i + len(words)
        unit = _low(toks, j)
        if phrase in _VAGUE_UNITS:
            if unit == "of" and _low(toks, j + 1) in ("thousands", "millions"):
                size = 1000 if _low(toks, j + 1) == "thousands" else 1_000_000
                return _Num(i, j + 2, minimum * size, vague=True)  # "tens of thousands"
            if phrase in ("scores", "tens") and unit != "of":
                return None  # "the scores", "tens" alone are not quantities
            return _Num(i, j, minimum, vague=True)
        if unit == "dozen" or (unit in _SCALES and unit != "billion"):
            size = 12 if unit == "dozen" else _SCALES[unit]
            return _Num(i, j + 1, minimum * size, vague=True)  # "several hundred"
        if phrase == "many" and (
            _low(toks, i - 1) in ("as", "how", "so", "too", "that", "very")
            or unit in ("of", "as", "more", "other", "times")
        ):
            return None
        return _Num(i, j, minimum, vague=True)
    return None


def _read_number(toks: list[_Tok], i: int) -> _Num | None:
    """Read one number (not a range, no qualifier) starting at toks[i]."""
    w = toks[i].low
    if not w[0].isdigit() and w not in _FIRST_WORDS:
        return None
    nxt = _low(toks, i + 1)
    if w[0].isdigit():
        value = _digits_value(toks[i].text)
        if value is None:
            return None
        if nxt in _SCALES:
            return _Num(i, i + 2, int(value * _SCALES[nxt]))
        if nxt == "dozen" and isinstance(value, int):
            return _Num(i, i + 2, value * 12)
        if isinstance(value, float):
            return None
        return _Num(i, i + 1, value)
    vague = _read_vague(toks, i)
    if vague is not None:
        return vague
    if w in ("a", "an", "one") and nxt == "dozen":
        return _Num(i, i + 2, 12)
    if w == "half" and nxt == "a" and _low(toks, i + 2) == "dozen":
        return _Num(i, i + 3, 6)
    words = _read_words(toks, i)
    if words is None:
        return None
    value, j = words
    if _low(toks, j) == "dozen":
        return _Num(i, j + 1, value * 12)
    return _Num(i, j, value)


def _in_date_chain(toks: list[_Tok], i: int) -> bool:
    """Whether toks[i] is one part of "15-02-2016", "21/8/2013" or "5.7.2016"."""

    def sep_digit(a: int, b: int) -> bool:  # toks[a] is a separator glued to digits at b
        return (
            _low(toks, a) in ("-", "/", ".") and _glued(toks, a, b) and _low(toks, b)[:1].isdigit()
        )

    after = sep_digit(i + 1, i + 2) and _glued(toks, i, i + 1)
    before = sep_digit(i - 1, i) and _low(toks, i - 2)[:1].isdigit() and _glued(toks, i - 2, i - 1)
    return (
        after
        and (
            before
            or (
                sep_digit(i + 3, i + 4)
                and _glued(toks, i + 2, i + 3)
                and toks[i + 3].low == toks[i + 1].low
            )
        )
    ) or (before and (sep_digit(i - 3, i - 2) and _glued(toks, i - 3, i - 2)))


def _is_month(tok: _Tok | None) -> bool:
    if tok is None or tok.low not in _MONTHS:
        return False
    # "may" and "march" are also verbs: only their capitalised forms are months.
    return tok.low not in ("may", "march", "mar") or tok.text[0].isupper()


def _not_a_count(toks: list[_Tok], num: _Num, *, years: bool = True) -> bool:
    """Context rules: years, dates, times, ordinals, ages, money, measures, references.

    With `years=False` a bare 1900–2099 is read as a count (for a phrase known to be one).
    """
    i, j = num.i, num.j
    first = toks[i]
    prev, nxt = _low(toks, i - 1), _low(toks, j)
    if first.low[0].isdigit():
        # Glued to letters or to date/time punctuation: "14th", "M5", "21/8", "10:59", "+3".
        if _glued(toks, i - 1, i) and (prev.isalpha() or prev in ("/", ":", ".", "+", "#")):
            return True
        if (
            _glued(toks, j - 1, j)
            and (nxt.isalpha() or nxt in ("/", ":", "%"))
            and nxt not in _SCALES
            and nxt != "dozen"
        ):
            return True
        if (
            prev == "-"
            and _glued(toks, i - 1, i)
            and _glued(toks, i - 2, i - 1)
            and _low(toks, i - 2).isalpha()
        ):
            return True  # "Su-24", "MiG-21"
        if _in_date_chain(toks, i):
            return True
        if first.low.startswith("0") and len(first.low) > 1:
            return True  # clock times "0914", zero-padded days
        if (
            years
            and j == i + 1
            and len(first.low) == 4
            and 1900 <= int(first.low) <= 2099
            and nxt not in _COUNT_NOUNS
            and _qualifier_before(toks, i)[1] == "exact"
        ):
            return True  # a year
    if _is_month(toks[i - 1] if i > 0 else None) or _is_month(toks[j] if j < len(toks) else None):
        return True
    if prev == "." and i > 1 and _is_month(toks[i - 2]):
        return True  # "Aug. 21"
    if prev in _CURRENCY_SIGNS or (prev in ("us", "usd", "sp") and first.low[0].isdigit()):
        return True
    if nxt in _UNIT_WORDS or nxt == "%" or (nxt == "per" and _low(toks, j + 1) == "cent"):
        return True
    if (
        nxt == "-"
        and _glued(toks, j - 1, j)
        and _glued(toks, j, j + 1)
        and _low(toks, j + 1).isalpha()
    ):
        return True  # compound adjective: "14-year-old", "three-day", "20-member"
    if nxt == "years" and _low(toks, j + 1) == "old":
        return True
    if (
        prev in ("aged", "ages")
        or (prev == "of" and _low(toks, i - 2) == "ages")
        or (prev == "between" and _low(toks, i - 2) in ("aged", "ages"))
        or prev in _REFERENCE_WORDS
        or (prev == "." and _low(toks, i - 2) in ("no", "nos"))
    ):
        return True
    return (
        first.low == "one"
        and j == i + 1
        and (
            # "one of the largest", but "one of them died", "one of whom died" count a person
            (
                nxt in _AFTER_ONE_NOT_COUNT
                and not (nxt == "of" and _low(toks, j + 1) in ("them", "whom"))
            )
            # "that one", but "reported that one civilian died" counts one person
            or (prev in _BEFORE_ONE_NOT_COUNT and not (prev == "that" and nxt in _ONE_NOUNS))
        )
    )


def _qualifier_before(toks: list[_Tok], i: int) -> tuple[int, QualifierKind]:
    """The qualifier that ends right before toks[i]: (its first token index, kind)."""
    for words, kind in _QUALIFIERS_BY_LAST.get(_low(toks, i - 1), ()):
        k = i - len(words)
        if k >= 0 and all(toks[k + n].low == w for n, w in enumerate(words)):
            return k, kind
    return i, "exact"


def _apply(kind: QualifierKind, lo: int, hi: int) -> tuple[int | None, int | None]:
    if kind == "min":
        return lo, None
    if kind == "gt":
        return lo + 1, None
    if kind == "max":
        return None, hi
    if kind == "lt":
        return None, max(hi - 1, 0)
    return lo, hi


_CHANGE_VERBS: Final[frozenset[str]] = frozenset(
    _w(
        "rose risen rising rise climbed climbing jumped increased increasing raised raising went "
        "up soared grew updated revised"
    )
)


def _range_end(toks: list[_Tok], num: _Num, q_start: int, years: bool = True) -> _Num | None:
    """The second number of "13 to 46", "13-46", "13 or 14", "between 13 and 46", if any."""
    joiner, opened = _low(toks, num.j), _low(toks, q_start - 1)
    if num.vague or num.j + 1 >= len(toks):
        return None
    if opened == "between":
        ok = joiner in ("and", "to", "-", "–")  # "between 24 to 31", as careless prose has it
    elif opened == "from":
        # "the toll rose from 43 to 126" is a change, not a range.
        ok = joiner == "to" and not (
            {_low(toks, q_start - 2), _low(toks, q_start - 3)} & _CHANGE_VERBS
        )
    else:
        ok = joiner in ("to", "-", "–", "or")
    if not ok:
        return None
    second = _read_number(toks, num.j + 1)
    if (
        second is None
        or second.vague
        or second.value <= num.value
        or _not_a_count(toks, second, years=years)
    ):
        return None
    return second


def _skip_ages(toks: list[_Tok], i: int) -> int:
    """The index after a list or range of ages that goes on at toks[i] ("to 12", ", 5 and 9")."""
    while _low(toks, i) in (",", "to", "-", "–", "and", "or") and _low(toks, i + 1).isdigit():
        if int(_low(toks, i + 1)) > 120:
            break
        nxt = _low(toks, i + 2)
        if nxt in _COUNT_NOUNS:
            break  # "aged 22, 30 people were killed": a count after the age
        i += 2
    return i


def _scan(text: str, start: int, end: int, *, years: bool = True) -> list[CountedRange]:
    toks = _tokens(text, start, end)
    found: list[CountedRange] = []
    i = 0
    while i < len(toks):
        num = _read_number(toks, i)
        if num is None:
            i += 1
            continue
        if _not_a_count(toks, num, years=years):
            i = num.j
            if _low(toks, num.i - 1) in ("aged", "ages") or (
                _low(toks, num.i - 1) in ("of", "between")
                and _low(toks, num.i - 2) in ("ages", "aged")
            ):
                i = _skip_ages(toks, i)  # "aged 3 to 12", "aged 2, 5 and 9": all ages
            continue
        q_start, kind = _qualifier_before(toks, num.i)
        j = num.j
        second = _range_end(toks, num, q_start, years)
        rmin: int | None
        rmax: int | None
        if num.vague:
            rmin, rmax = num.value, None  # a floor whatever the qualifier says
        elif second is not None:
            rmin, rmax = num.value, second.value
            if _low(toks, q_start - 1) in ("between", "from"):
                q_start -= 1
            j = second.j
        elif _low(toks, j) == "or" and _low(toks, j + 1) == "more":
            rmin, rmax, j = num.value, None, j + 2
        else:
            rmin, rmax = _apply(kind, num.value, num.value)
        span_start, span_end = toks[q_start].start, toks[j - 1].end
        found.append(
            CountedRange(span_start, span_end, Range(rmin, rmax, text[span_start:span_end]))
        )
        i = j
    return found


def find_quantities(text: str, start: int = 0, end: int | None = None) -> list[CountedRange]:
    """Every count of things in `text[start:end]`, in text order, with document offsets.

    Each span runs from the qualifier (if any) to the last word of the number or range, and
    `Range.text` holds exactly those words. See the module docstring for what is left out.
    """
    return _scan(text, start, len(text) if end is None else end)


def parse_quantity(phrase: str) -> Range | None:
    """The range of one quantity phrase ("more than 4,000" → 4001..None), or None.

    The phrase must be a quantity and nothing else (surrounding spaces aside): "4,000 people"
    or "resolution 2254" give None.
    """
    stripped = phrase.strip()
    if not stripped:
        return None
    lead = len(phrase) - len(phrase.lstrip())
    found = _scan(phrase, 0, len(phrase), years=False)
    if len(found) != 1 or found[0].start != lead or found[0].end != lead + len(stripped):
        return None
    return found[0].range
