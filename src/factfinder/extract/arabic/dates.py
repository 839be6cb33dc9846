"""Arabic dates: absolute dates in both month series, and days relative to the report date.

Absolute: "12 آذار 2024", "12 آذار/مارس 2024", "الـ12 من شهر آذار", "12 كانون الثاني"
(day precision; without a year the anchor's year, as `extract.dates` does), "آذار 2024"
(month), "12/3/2024", "2024-03-12" and "12.03.2024" (day first). Relative forms are resolved
against the anchor exactly as the English reader does (`extract.dates._relative`):
"اليوم", "فجر اليوم" (the anchor), "أمس", "مساء أمس", "الليلة الماضية" (the day before),
"أول أمس" (two days before), a weekday ("يوم الأحد", "فجر الجمعة": the last such day on or
before the anchor; "الأحد الماضي": strictly before; "اليوم الأحد"/"أمس السبت": the day
word decides), "منذ يومين"/"منذ 3 أيام" (days back), "الأسبوع الماضي", "هذا الأسبوع",
"الشهر الماضي", "العام الماضي". Without an anchor the relative forms are left out.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from factfinder.arabic import fold_key
from factfinder.extract.arabic.lexicon import (
    AGO,
    DAY_PARTS,
    DAY_WORDS,
    DAYS_UNIT,
    MONTHS,
    PAST,
    PERIODS,
    THIS,
    WEEKDAYS,
)
from factfinder.extract.arabic.numbers import read_number
from factfinder.extract.arabic.text import ArabicText, Lexicon
from factfinder.mentions import DateMention, DayHint
from factfinder.model import DateWindow

_MONTHS: Lexicon[int] = Lexicon(MONTHS)
_WEEKDAYS: Lexicon[int] = Lexicon(WEEKDAYS)
_DAY_PARTS: Lexicon[bool] = Lexicon({w: True for w in DAY_PARTS})
_DAY_WORDS: Lexicon[int] = Lexicon(DAY_WORDS)
_PAST = frozenset(fold_key(w) for w in PAST)
_THIS = frozenset(fold_key(w) for w in THIS)
_PERIODS: Lexicon[str] = Lexicon(PERIODS)
_AGO = fold_key(AGO)
# "قبل يومين", "وقبل 3 أيام": days before the report, as "منذ" counts them
_BEFORE = frozenset(fold_key(w) for w in ("قبل", "وقبل"))
_BEFORE_WHAT = frozenset(fold_key(w) for w in ("من", "على"))
_DAYS_UNIT = {fold_key(k): v for k, v in DAYS_UNIT.items()}
# what may stand between a month and its year: "5 مارس، 2021", "14 / آذار / 2021"
_YEAR_MARKS = frozenset((",", "،", "/", "-"))
# Digits of any script ("١١-٩-٢٠٢٣" as "11-9-2023"); the year is checked when read.
_NUMERIC = re.compile(
    r"(?<!\d)(?:(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>\d{4})|"
    r"(?P<y2>\d{4})[/.-](?P<m2>\d{1,2})[/.-](?P<d2>\d{1,2}))(?!\d)"
)


def _safe(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _year(at: ArabicText, k: int, stop: int) -> tuple[int, int] | None:
    """(end, year) of a year at `k` ("2024", "عام 2024", after a comma or a slash: "آذار، 2024",
    "14 / آذار / 2024"; a page's date line glued to its time: "آذار 202410:40")."""
    if at.w(k) in _YEAR_MARKS and k + 1 < stop:
        k += 1
    if at.w(k) in ("عام", "العام", "سنه"):
        k += 1
    w = at.w(k)
    if k < stop and len(w) == 4 and w.isdigit() and 1990 <= int(w) <= 2099:
        return k + 1, int(w)
    if (
        k < stop
        and len(w) in (5, 6)
        and w.isdigit()
        and at.w(k + 1) == ":"
        and 1990 <= int(w[:4]) <= 2099
        and int(w[4:]) < 24
    ):
        return k + 1, int(w[:4])
    return None


def _month_at(at: ArabicText, k: int, stop: int) -> tuple[int, int] | None:
    """(end, month) of "آذار", "آذار/مارس", "شهر آذار" at `k`."""
    if at.w(k) in ("شهر",):
        k += 1
    m = _MONTHS.first(at.toks, k, stop)
    if m is None:
        return None
    j = m.j
    if at.w(j) in ("/", "-", "(") or at.w(j).startswith("و"):
        other = _MONTHS.first(at.toks, j + (0 if at.w(j).startswith("و") else 1), stop)
        if other is not None and other.value == m.value:
            j = other.j
    if at.w(j) == ")":
        j += 1
    return j, m.value


def _absolute(
    at: ArabicText, i0: int, i1: int, anchor: dt.date | None
) -> list[tuple[int, int, DateWindow]]:
    out: list[tuple[int, int, DateWindow]] = []
    k = i0
    while k < i1:
        w = at.w(k)
        start = k
        if w == "ال" and at.w(k + 1).isdigit():
            k += 1
            w = at.w(k)
        if w.isdigit() and len(w) <= 2:
            j = k + 1
            if at.w(j) == "من" or (at.w(j) in ("/", "-") and _MONTHS.first(at.toks, j + 1, i1)):
                j += 1  # "الـ12 من شهر آذار", "14 / آذار / 2021"
            month = _month_at(at, j, i1)
            if month is not None:
                day = int(w)
                year = _year(at, month[0], i1)
                if year is not None:
                    got = _safe(year[1], month[1], day)
                    end = year[0]
                elif anchor is not None:
                    got = _safe(anchor.year, month[1], day)
                    if got is not None and (got - anchor).days > 30:
                        got = _safe(anchor.year - 1, month[1], day)
                    end = month[0]
                else:
                    got, end = None, month[0]
                if got is not None:
                    out.append((start, end, DateWindow.day(got)))
                k = end
                continue
        month = _month_at(at, k, i1)
        if month is not None:
            year = _year(at, month[0], i1)
            if year is not None:
                last = calendar.monthrange(year[1], month[1])[1]
                window = DateWindow(
                    dt.date(year[1], month[1], 1), dt.date(year[1], month[1], last), "month"
                )
                out.append((k, year[0], window))
                k = year[0]
                continue
        k += 1
    return out


def _relative(
    at: ArabicText, i0: int, i1: int, anchor: dt.date
) -> list[tuple[int, int, DateWindow]]:
    out: list[tuple[int, int, DateWindow]] = []
    k = i0
    while k < i1:
        start = k
        part = _DAY_PARTS.first(at.toks, k, i1)
        j = part.j if part is not None else k
        back: int | None = None
        dw = _DAY_WORDS.first(at.toks, j, i1)
        if dw is not None:
            back, j = dw.value, dw.j
        wd = _WEEKDAYS.first(at.toks, j, i1)
        if wd is not None and (
            part is not None or dw is not None or at.w(wd.j) in _PAST or wd.value != 0
        ):
            if back is None:
                diff = (anchor.weekday() - wd.value) % 7
                j = wd.j
                if at.w(j) in _PAST:
                    diff = diff or 7
                    j += 1
                back = diff
            else:
                j = wd.j  # "اليوم الأحد": the day word decides
            out.append((start, j, DateWindow.day(anchor - dt.timedelta(days=back))))
            k = j
            continue
        if dw is not None and (dw.value != 0 or part is not None or not _is_until(at, start)):
            out.append((start, j, DateWindow.day(anchor - dt.timedelta(days=back or 0))))
            k = j
            continue
        if at.w(k) == _AGO or at.w(k) in _BEFORE:
            got = _ago(at, k + 1, i1, anchor)
            if got is not None and at.w(k) in _BEFORE and at.w(got[0]) in _BEFORE_WHAT:
                got = None  # "قبل يومين من الهجوم": before another day than the report's
            if got is not None:
                out.append((k, got[0], got[1]))
                k = got[0]
                continue
        p = _PERIODS.first(at.toks, k, i1)
        if p is not None:
            nxt, prev = at.w(p.j), at.w(k - 1)
            window = None
            if nxt in _PAST:
                window = _last_period(p.value, anchor)
                end = p.j + 1
            elif prev in _THIS or nxt in _THIS:
                window = _this_period(p.value, anchor)
                end = p.j + (1 if nxt in _THIS else 0)
                start = k - (1 if prev in _THIS else 0)
            if window is not None:
                out.append((start, end, window))
                k = end
                continue
        k += 1
    return out


def _is_until(at: ArabicText, k: int) -> bool:
    """ "حتى اليوم", "إلى اليوم": up to now, not a day of the event."""
    return at.w(k - 1) in ("حتي", "الي", "لغايه")


def _ago(at: ArabicText, k: int, stop: int, anchor: dt.date) -> tuple[int, DateWindow] | None:
    unit = _DAYS_UNIT.get(at.w(k))
    if unit:  # "منذ يومين", "منذ أسبوع"
        if unit % 7 == 0:
            monday = anchor - dt.timedelta(days=unit)
            monday -= dt.timedelta(days=monday.weekday())
            return k + 1, DateWindow(monday, monday + dt.timedelta(days=6), "week")
        return k + 1, DateWindow.day(anchor - dt.timedelta(days=unit))
    n = read_number(at, k, stop)
    if n is None or n.min is None or n.vague or n.min > 31:
        return None
    if _DAYS_UNIT.get(at.w(n.j)) == 0:
        return n.j + 1, DateWindow.day(anchor - dt.timedelta(days=n.min))
    return None


def _last_period(unit: str, anchor: dt.date) -> DateWindow:
    if unit == "week":
        monday = anchor - dt.timedelta(days=anchor.weekday() + 7)
        return DateWindow(monday, monday + dt.timedelta(days=6), "week")
    if unit == "month":
        prev = anchor.replace(day=1) - dt.timedelta(days=1)
        return DateWindow(prev.replace(day=1), prev, "month")
    return DateWindow(dt.date(anchor.year - 1, 1, 1), dt.date(anchor.year - 1, 12, 31), "year")


def _this_period(unit: str, anchor: dt.date) -> DateWindow:
    if unit == "week":
        return DateWindow(anchor - dt.timedelta(days=anchor.weekday()), anchor, "week")
    if unit == "month":
        return DateWindow(anchor.replace(day=1), anchor, "month")
    return DateWindow(dt.date(anchor.year, 1, 1), anchor, "year")


def find_dates(at: ArabicText, start: int, end: int, anchor: dt.date | None) -> list[DateMention]:
    """Dates in the original `text[start:end]`, absolute ones first where they overlap."""
    i0, i1 = at.tokens_in(start, end)
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for m in _NUMERIC.finditer(at.text, start, end):
        d, mo, y = (
            (m.group("d"), m.group("m"), m.group("y"))
            if m.group("d")
            else (
                m.group("d2"),
                m.group("m2"),
                m.group("y2"),
            )
        )
        got = _safe(int(y), int(mo), int(d)) if 1950 <= int(y) <= 2049 else None
        if got is not None:
            found.append(DateMention(m.start(), m.end(), DateWindow.day(got), "absolute"))
            taken.append(m.span())
    for a, b, window in _absolute(at, i0, i1, anchor):
        s, e = at.span(a, b)
        if all(e <= x or s >= y for x, y in taken):
            found.append(DateMention(s, e, window, "absolute"))
            taken.append((s, e))
    if anchor is not None:
        for a, b, window in _relative(at, i0, i1, anchor):
            s, e = at.span(a, b)
            if all(e <= x or s >= y for x, y in taken):
                found.append(DateMention(s, e, window, "relative"))
                taken.append((s, e))
    found.sort(key=lambda d: d.start)
    return found


def day_hint(at: ArabicText) -> DayHint:
    """The day an Arabic text no anchor dates names without a year (`extract.dates.day_hint`):
    its first weekday of an event ("اليوم الثلاثاء", "فجر الجمعة", "يوم الأحد") and its first
    day of a month with no year after it ("2 كانون الأول")."""
    n = len(at.toks)
    weekday = None
    for k in range(n):
        part = _DAY_PARTS.first(at.toks, k, n)
        j = part.j if part is not None else k
        dw = _DAY_WORDS.first(at.toks, j, n)
        if dw is not None:
            j = dw.j
        wd = _WEEKDAYS.first(at.toks, j, n)
        if wd is not None and (part is not None or dw is not None or wd.value != 0):
            weekday = wd.value
            break
    month = day = None
    for k in range(n):
        w = at.w(k)
        if not (w.isdigit() and len(w) <= 2):
            continue
        j = k + 1 + (at.w(k + 1) == "من")
        got = _month_at(at, j, n)
        if got is None:
            continue
        if _year(at, got[0], n) is None and _safe(2024, got[1], int(w)) is not None:
            month, day = got[1], int(w)
        break
    return DayHint(weekday, month, day)
