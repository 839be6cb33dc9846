"""Arabic numbers: digits (Arabic-Indic and Eastern ones are folded to ASCII), number words in
their gender and case forms, vague quantities, qualifiers and ranges, read into the same
`Range{min, max, text}` as the English reader (`extract.numbers`, whose table of meanings
applies: "أكثر من 10" → 11.., "ما لا يقل عن 10" → 10.., "نحو 10" → 10..10, "عشرات" → 20..).
"""

from __future__ import annotations

from dataclasses import dataclass

from factfinder.arabic import fold_key
from factfinder.extract.arabic.lexicon import (
    HUNDREDS,
    MONTHS,
    QUALIFIERS_AFTER,
    QUALIFIERS_BEFORE,
    RANGE_JOINERS,
    TEN,
    TENS,
    THOUSANDS,
    THOUSANDS_PLURAL,
    UNITS,
    VAGUE,
)
from factfinder.extract.arabic.text import ArabicText, Lexicon

_UNITS = {fold_key(k): v for k, v in UNITS.items()}
_TEN = {fold_key(k): v for k, v in TEN.items()}
_TENS = {fold_key(k): v for k, v in TENS.items()}
_HUNDREDS = {fold_key(k): v for k, v in HUNDREDS.items()}
_THOUSANDS = {fold_key(k): v for k, v in THOUSANDS.items()}
_THOUSANDS_PLURAL = {fold_key(k) for k in THOUSANDS_PLURAL}
_VAGUE: Lexicon[int] = Lexicon(VAGUE)
_BEFORE: Lexicon[str] = Lexicon(QUALIFIERS_BEFORE)
AFTER: Lexicon[str] = Lexicon(QUALIFIERS_AFTER, clitics=False)
MONTH_WORDS: Lexicon[int] = Lexicon(MONTHS)
_RANGE_JOINERS = frozenset(fold_key(w) for w in RANGE_JOINERS)
_NUMBER_WORDS = frozenset(_UNITS) | frozenset(_TEN) | frozenset(_TENS) | frozenset(_HUNDREDS)


@dataclass(frozen=True, slots=True)
class Number:
    """A number read from tokens `[i, j)` (qualifier included): its bounds and whether vague."""

    i: int
    j: int
    min: int | None
    max: int | None
    vague: bool = False


def _word_value(w: str, first: bool) -> tuple[str, int] | None:
    """(kind, value) of a number word; later words of a compound carry "و"."""
    # A count joined by "و" to the one before: "أربعة مقاتلين وثلاثة مدنيين".
    for r in (
        (w, w[1:])
        if first and w.startswith("و")
        else (w,)
        if first
        else (w[1:],)
        if w.startswith("و")
        else (w,)
    ):
        if r in _UNITS:
            return "unit", _UNITS[r]
        if r in _TEN:
            return "ten", 10
        if r in _TENS:
            return "tens", _TENS[r]
        if r in _HUNDREDS:
            return "hundred", _HUNDREDS[r]
        if r in _THOUSANDS:
            return "thousand", _THOUSANDS[r]
        if r in _THOUSANDS_PLURAL:
            return "thousands", 1000
    return None


def _read_words(at: ArabicText, k: int, stop: int) -> tuple[int, int] | None:
    """(end token, value) of number words starting at `k`."""
    total, cur, j = 0, 0, k
    while j < stop:
        first = j == k
        got = _word_value(at.w(j), first)
        if got is None:
            break
        kind, v = got
        glued = at.w(j).startswith("و") and not first and at.w(j)[1:] in _NUMBER_WORDS
        # A word joined by "و" continues the number only where a compound may: a unit after
        # hundreds, thousands or tens ("مئة وخمسة", "عشرين وخمسة"), a ten after hundreds or
        # thousands, tens after a unit ("خمسة وعشرين"). "خمسة وسبعة" is two numbers.
        level = cur % 100
        if kind == "unit":
            if not first and not (glued and level % 10 == 0 and not 10 <= level < 20):
                break
            cur += v
            if _word_value(at.w(j + 1), True) == ("ten", 10) and j + 1 < stop:
                cur += 10  # أحد عشر، ثلاثة عشر
                j += 1
        elif kind == "ten":
            if not first and not (glued and level == 0):
                break
            cur += 10
        elif kind == "tens":
            if not first and not (glued and level < 10):
                break
            cur += v
        elif kind == "hundred":
            cur = cur * v if 3 <= cur <= 9 and v == 100 and not glued else cur + v
        elif kind == "thousand":
            total += (cur or 1) * v if v == 1000 else v
            cur = 0
        elif kind == "thousands":
            if not 3 <= cur <= 10:
                break
            total += cur * 1000
            cur = 0
        j += 1
    value = total + cur
    return (j, value) if j > k and value > 0 else None


def _read_digits(at: ArabicText, k: int, stop: int) -> tuple[int, int] | None:
    w = at.w(k)
    if not w or not w[0].isdigit() or "." in w:
        return None
    nxt = at.w(k + 1)
    glued_before = k > 0 and at.toks[k - 1].b == at.toks[k].a
    if nxt in (":", "/", "%") or (glued_before and at.w(k - 1) in ("/", ":")):
        return None  # a clock time, a numeric date, a share ("المرصد: 5 قتلى" is a count)
    after = at.w(k + 2)
    if (
        nxt == "-"
        and after.isdigit()
        and len(after) == 4
        and 1900 <= int(after) <= 2099
        and w.isdigit()
        and int(w) <= 12
    ):
        return None  # the month and year of 12-3-2024 (but 500-1000 is a range of counts)
    if MONTH_WORDS.first(at.toks, k + 1, stop) is not None:
        return None  # 12 آذار
    value = int(w.replace(",", ""))
    if len(w) == 4 and 1900 <= value <= 2099:
        return None  # a year
    j = k + 1
    nxt_word = _word_value(at.w(j), True) if j < stop else None
    if nxt_word is not None and nxt_word[0] in ("thousand", "thousands"):
        value *= 1000
        j += 1
    return j, value


def _read_bare(at: ArabicText, k: int, stop: int) -> tuple[int, int, bool] | None:
    """(end, value, vague) of a number or vague quantity at `k`, without qualifiers."""
    if k >= stop:
        return None
    got = _read_digits(at, k, stop) or _read_words(at, k, stop)
    if got is not None:
        return got[0], got[1], False
    v = _VAGUE.first(at.toks, k, stop)
    if v is not None:
        # "عشرات الآلاف": tens of thousands
        nxt = at.w(v.j)
        if nxt in ("الالاف",) and v.value < 1000:
            return v.j + 1, v.value * 1000, True
        return v.j, v.value, True
    return None


def read_number(at: ArabicText, i: int, stop: int) -> Number | None:
    """The number (with its qualifier and range end) starting at token `i`, or None."""
    kind, k = "exact", i
    between = at.w(i - 1) == "بين" or at.w(i) == "بين"
    if at.w(i) == "بين":
        k += 1
    q = _BEFORE.first(at.toks, k, stop)
    if q is not None:
        kind, k = q.value, q.j
    if at.w(k) == "ال" and k + 1 < stop:  # "الـ12"
        k += 1
    bare = _read_bare(at, k, stop)
    if bare is None:
        return None
    j, lo, vague = bare
    hi: int | None = lo
    if vague:
        return Number(i, j, lo, None, True)
    # A range: "5-7", "5 إلى 7", "5 أو 6", "بين 5 و7".
    if j + 1 < stop and (at.w(j) in _RANGE_JOINERS or (between and at.w(j) == "و")):
        end = _read_bare(at, j + 1, stop)
        if end is not None and not end[2] and end[1] > lo:
            j, hi = end[0], end[1]
    elif between and at.w(j).startswith("و"):
        got = _word_value(at.w(j), True)  # "بين خمسة وسبعة": the "و" joins the range
        if got is not None and got[1] > lo:
            j, hi = j + 1, got[1]
    a = AFTER.first(at.toks, j, stop)
    if a is not None and kind == "exact":
        kind, j = a.value, a.j
    return Number(i, j, *_apply(kind, lo, hi))


def _apply(kind: str, lo: int, hi: int | None) -> tuple[int | None, int | None]:
    if kind == "min":
        return lo, None
    if kind == "gt":
        return lo + 1, None
    if kind == "lt":
        return None, max(lo - 1, 0)
    if kind == "max":
        return None, hi
    return lo, hi
