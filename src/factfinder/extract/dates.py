"""Dates in news text: datelines, absolute dates and dates relative to the publication day.

`find_dates(text, start, end, anchor=...)` returns every date or period that `text[start:end]`
gives, in text order, as `DateMention`s with document offsets and a `DateWindow` (a closed
interval of days and its precision). `read_dateline(text, title)` reads the date a report
states for itself at its start.

Absolute forms (day precision unless said): "21 August 2013", "21st of August, 2013",
"August 21, 2013", "Aug. 21 2013", "Wed 05 Apr 2017", "2013-08-21", "21/8/2013", "24.08.2013",
"15-02-2016" (numeric dates are read day first, as in the Arab and European press, unless the
first number cannot be a month's day order: "8/21/2013" is August 21, or the anchor shows the
month-first reading is meant: "12/05/2023" in a post of 6 December 2023 is December 5);
"August 2013" (month);
"in 2013" (year). A day and month without a year ("Aug. 21", "21 August") take the year of the
anchor, or the year before when that would put them more than 30 days after the anchor;
without an anchor they take the year of the nearest day-precision date of the text that states
one ("On 9 October … the list released on October 26th, 2023"), and are left out when there is
none.

Relative forms, resolved against `anchor` (the publication day, or the dateline's day):

==================================  ===========================================  =========
words                               window                                       precision
==================================  ===========================================  =========
"today", "this morning", "tonight"  the anchor day                               day
"yesterday", "last night"           the day before                               day
"the day before yesterday"          two days before                              day
"three days ago"                    the anchor minus three days                  day
"on Friday", "Friday night",        the last Friday on or before the anchor      day
"Friday's attack"
"last Friday"                       the last Friday strictly before the anchor   day
"on Saturday and Sunday",           the two days (the later one the last on or   week
"from Friday to Sunday"             before the anchor)
"since Tuesday", "since 10 June"    that day .. the anchor                       week/month
"on the 12th"                       that day of the anchor's month (or the       day
                                    month before, if it is after the anchor)
"this week", "earlier this week"    Monday of the anchor's week .. the anchor    week
"last week", "a week ago"           Monday .. Sunday of the week before          week
"this month", "earlier this month"  the 1st of the anchor's month .. the anchor  month
"last month"                        the whole month before                       month
"in March"                          the most recent March on or before the       month
                                    anchor (to the anchor if it is this March)
"this year", "earlier this year"    1 January .. the anchor                      year
"last year"                         the whole year before                        year
"5 October last year", "in March    that day or month of the year before (of     day/month
last year", "… this year"           the anchor's year)
"in the past 24 hours"              the anchor (a daily toll); 48 hours: the     day/week
                                    anchor and the day before
==================================  ===========================================  =========

Without an anchor, relative forms ("earlier today", "on Tuesday") are left out rather than
guessed: CLAIMS.md says relative dates stay unresolved when nothing anchors them.
`document_date(text, title)` finds the anchor a document gives itself when it has no
publication date: its dateline, else a date in page furniture (a post's timestamp, "Shared with
Public", "Published: …", a date alone on its line or after a source's name on its line:
"Kurdistan 24 | 11/03/2019").

The forms are read with regular expressions rather than dateparser: the extractor needs the
exact character span of each date, its precision and these anchor rules, and runs over every
sentence of every document, where dateparser's search is orders of magnitude slower.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Mapping, Sequence
from types import MappingProxyType
from typing import Final

from factfinder.mentions import DateMention, DayHint
from factfinder.model import DateWindow
from factfinder.vocab import (
    MONTH_NAMES,
    MONTH_NUMBERS,
    MONTH_PREFIXES,
    NUMBER_UNITS,
    number_words,
)

_MONTH_NUMBERS: Final[Mapping[str, int]] = MONTH_NUMBERS
_WEEKDAYS: Final[Mapping[str, int]] = MappingProxyType(
    {
        name: k
        for k in range(7)
        for name in (calendar.day_name[k].lower(), calendar.day_abbr[k].lower())
    }
    | {"tues": 1, "weds": 2, "thur": 3, "thurs": 3}
)

# Months are proper nouns: only capitalised forms count, so "may" and "march" stay verbs. The
# longest spelling first, so that an alternation prefers it as an optional ending would.
_MONTH_WORDS = sorted(
    {
        *(m.title() for m in MONTH_NUMBERS),
        *(m.upper() for m in MONTH_NAMES),
    },
    key=lambda w: (-len(w), w),
)
_MONTH = r"(?P<{name}>(?:" + "|".join(_MONTH_WORDS) + r")\b\.?)"
_WEEKDAY_PREFIX = (
    r"(?:(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun|Monday|Tuesday|Wednesday|Thursday|"
    r"Friday|Saturday|Sunday)\.?,?\s+\(?)?"  # "Tuesday (October 3)": one day
)
_DAY = r"(?P<{name}>0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?"
# An X capture glues the post's view count to its timestamp's year ("Dec 1, 2024153Views"), a
# news page its time ("December 1, 20242:22 PM GMT+3").
_YEAR = (
    r"(?P<{name}>(?:19[5-9]\d|20\d\d))(?:(?!\d)|(?=[\d.,]+[KkMm]?\s*Views)|"
    r"(?=\d{1,2}:\d\d\s*(?:[AaPp]\.?[Mm]|GMT|UTC)))"
)


# "5 October last year", "in March this year": the year named relative to the anchor.
_WHICH_YEAR = r"(?:,?\s+(?:of\s+)?(?P<which>last|this|the\s+previous)\s+year\b)?"


def _fmt(pattern: str, **names: str) -> str:
    for key, name in names.items():
        pattern = pattern.replace("{" + key + "}", name)
    return pattern


# Periods: "between 5 and 31 October 2023", "from 5 to 12 May", "5–12 May 2021", "between 5
# October and 2 November 2023", "May 5-12, 2021". The year may come from the anchor.
_TO = r"\s*(?:-|–|—|\bto\b|\band\b|\buntil\b|\btill\b|\bthrough\b)\s*"
_OPEN = r"(?:\b(?:[Bb]etween|[Ff]rom)\s+(?:the\s+)?)"
_RANGES: Final[tuple[tuple[re.Pattern[str], str], ...]] = (
    (
        re.compile(
            _OPEN
            + "?"
            + _DAY.replace("{name}", "d1")
            + r"\s+(?:of\s+)?"
            + _MONTH.replace("{name}", "m1")
            + r",?"
            + _TO
            + _DAY.replace("{name}", "d2")
            + r"\s+(?:of\s+)?"
            + _MONTH.replace("{name}", "m2")
            + r"(?:,?\s*"
            + _YEAR.replace("{name}", "y")
            + r")?"
        ),
        "range",
    ),
    (
        re.compile(
            # "between 5 and 31 October", or a dash with no space: "12-14 May"
            r"(?:"
            + _OPEN
            + _DAY.replace("{name}", "d1")
            + r"\s+(?:and|to|until|till)\s+|\b"
            + _DAY.replace("{name}", "d1b")
            + r"[-–])"
            + _DAY.replace("{name}", "d2")
            + r"\s+(?:of\s+)?"
            + _MONTH.replace("{name}", "m2")
            + r"(?:,?\s*"
            + _YEAR.replace("{name}", "y")
            + r")?"
        ),
        "range",
    ),
    (
        re.compile(
            _OPEN
            + "?"
            + _MONTH.replace("{name}", "m2")
            + r"\s*"
            + _DAY.replace("{name}", "d1")
            + r"\s*(?:-|–|\band\b|\bto\b|\buntil\b)\s*"
            + _DAY.replace("{name}", "d2")
            + r"(?![\d:])(?:,?\s*"
            + _YEAR.replace("{name}", "y")
            + r")?"
        ),
        "range",
    ),
)

# Month first on both ends: "between Oct. 29 - Nov. 4", "from Oct 29 to Nov 4, 2018" ("and"
# only after "between"/"from": "on Oct 29 and Nov 4" are two days).
_TO_NO_AND = r"\s*(?:-|–|—|\bto\b|\buntil\b|\btill\b|\bthrough\b)\s*"
_MONTH_DAY_RANGE = re.compile(
    r"(?:"
    + _OPEN
    + _MONTH.replace("{name}", "m1")
    + r"\s*"
    + _DAY.replace("{name}", "d1")
    + r",?"
    + _TO
    + r"|\b"
    + _MONTH.replace("{name}", "m1b")
    + r"\s*"
    + _DAY.replace("{name}", "d1c")
    + r",?"
    + _TO_NO_AND
    + r")"
    + _MONTH.replace("{name}", "m2")
    + r"\s*"
    + _DAY.replace("{name}", "d2")
    + r"(?![\d:])(?:,?\s*"
    + _YEAR.replace("{name}", "y")
    + r")?"
)

# Months: "between January and March 2017", "from May to July 2021".
_MONTH_RANGE = re.compile(
    _OPEN
    + _MONTH.replace("{name}", "m1")
    + r"\s+(?:and|to|until|till|through)\s+"
    + _MONTH.replace("{name}", "m2")
    + r",?\s+"
    + _YEAR.replace("{name}", "y")
)

# A period across a year's end, each end with its year: "between December 2019 and February
# 2020", "from 28 December 2019 to 3 January 2020", "December 2019 – February 2020" ("and"
# only after "between"/"from": "in May 2019 and June 2020" are two months).
_END_OF = (
    r"(?:"
    + _DAY.replace("{name}", "{d}")
    + r"\s+(?:of\s+)?)?"
    + _MONTH.replace("{name}", "{m}")
    + r",?\s+"
    + _YEAR.replace("{name}", "{y}")
)
_YEARS_SPAN = re.compile(
    r"(?:"
    + _OPEN
    + _fmt(_END_OF, d="d1", m="m1", y="y1")
    + _TO
    + r"|\b"
    + _fmt(_END_OF, d="d1b", m="m1b", y="y1b")
    + _TO_NO_AND
    + r")"
    + _fmt(_END_OF, d="d2", m="m2", y="y2")
)

_ABSOLUTE: Final[tuple[tuple[re.Pattern[str], str], ...]] = (
    (_YEARS_SPAN, "span"),
    (_MONTH_RANGE, "months"),
    (_MONTH_DAY_RANGE, "range"),
    *_RANGES,
    # 21 August 2013, Wed 05 Apr 2017, 21st of August, 2013
    (
        re.compile(
            _WEEKDAY_PREFIX
            + _DAY.replace("{name}", "d")
            + r"\s+(?:of\s+)?"
            + _MONTH.replace("{name}", "m")
            + r",?\s*"
            + _YEAR.replace("{name}", "y")
        ),
        "dmy",
    ),
    # August 21, 2013, Aug. 21 2013, Wed Jun 29 2016, Apr 232017
    (
        re.compile(
            _WEEKDAY_PREFIX
            + _MONTH.replace("{name}", "m")
            + r"\s*"
            + _DAY.replace("{name}", "d")
            + r",?\s*"
            + _YEAR.replace("{name}", "y")
        ),
        "mdy",
    ),
    # 2021-06-10, 2021/06/10, 2021.06.10: the year first is read year, month, day.
    (
        re.compile(
            r"(?<![\d.])(?P<y>(?:19|20)\d\d)(?P<isep>[-/.])(?P<m>0?[1-9]|1[0-2])(?P=isep)"
            r"(?P<d>0?[1-9]|[12]\d|3[01])(?![\d])"
        ),
        "iso",
    ),
    (
        re.compile(
            r"(?<![\d./-])(?P<a>\d{1,2})(?P<sep>[./-])(?P<b>\d{1,2})(?P=sep)(?P<y>(?:19|20)\d\d)(?!\d)"
        ),
        "numeric",
    ),
    # 21 August, Aug. 21: the year comes from the anchor.
    (
        re.compile(
            _WEEKDAY_PREFIX
            + _DAY.replace("{name}", "d")
            + r"\s+(?:of\s+)?"
            + _MONTH.replace("{name}", "m")
            + r"(?![,.]?\s*\d)"
            + _WHICH_YEAR
        ),
        "dm",
    ),
    (
        re.compile(
            _WEEKDAY_PREFIX
            + _MONTH.replace("{name}", "m")
            + r"\s*"
            + _DAY.replace("{name}", "d")
            + r"(?!\d|:\d)(?!,?\s*\d)"
            + _WHICH_YEAR
        ),
        "md",
    ),
    # the first week of October 2023: seven days of the month
    (
        re.compile(
            r"\b(?P<wk>first|second|third|fourth|last|final)\s+week\s+of\s+"
            + _MONTH.replace("{name}", "m")
            + r",?\s+(?:of\s+)?"
            + _YEAR.replace("{name}", "y")
        ),
        "wmy",
    ),
    # August 2013
    (
        re.compile(
            _MONTH.replace("{name}", "m") + r",?\s+(?:of\s+)?" + _YEAR.replace("{name}", "y")
        ),
        "my",
    ),
    # in 2013
    (
        re.compile(
            r"\b(?:[Ii]n|[Dd]uring)\s+(?:early\s+|late\s+|mid-?)?" + _YEAR.replace("{name}", "y")
        ),
        "y",
    ),
)

_REL_DAY_OFFSETS: Final[Mapping[str, int]] = MappingProxyType(
    {
        "the day before yesterday": 2,
        "yesterday": 1,
        "last night": 1,
        "today": 0,
        "this morning": 0,
        "this afternoon": 0,
        "this evening": 0,
        "tonight": 0,
        "earlier today": 0,
        "earlier on today": 0,
    }
)
_RELATIVE = re.compile(
    r"\b(?P<dayword>the\s+day\s+before\s+yesterday|yesterday|last\s+night|earlier\s+(?:on\s+)?today|"
    r"today|this\s+morning|this\s+afternoon|this\s+evening|tonight)\b"
    r"|\b(?:(?:on|from|between)\s+)?(?P<first>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
    r"Sunday)\s+(?:and|to|through|until)\s+(?P<second>Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday)\b"
    r"|\bon\s+the\s+(?P<nth>[12]?\d|3[01])(?:st|nd|rd|th)\b"
    r"(?=\s*(?:[,.;:)]|$)|\s+(?:at|in|when|and|as|after|before|morning|night|evening|afternoon|"
    r"during|while)\b)"
    r"|\bsince\s+(?:(?:late|early)\s+)?"
    r"(?P<sinceday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
    r"|\b(?P<last>last\s+|this\s+past\s+|past\s+)?(?:(?:on|late|early)\s+)?"
    r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:'s|s)?\b"
    r"|\b(?P<ago>(?P<n>\d{1,2}|a|" + "|".join(number_words(1, 10)) + r")\s+"
    r"(?P<unit>days?|weeks?)\s+ago)\b"
    r"|\b(?P<period>(?:earlier\s+|later\s+)?this|last|past|previous)\s+(?P<pu>week|month|year)\b"
    r"|\b(?:[Ii]n|[Ss]ince|[Dd]uring|[Ee]arly|[Ll]ate|[Mm]id-?)\s+(?P<month>"
    + "|".join(m.title() for m in MONTH_NAMES)
    + r")\b(?![,.]?\s*\d)(?:,?\s+(?:of\s+)?(?P<mwhich>last|this|the\s+previous)\s+year\b)?"
    r"|\b(?:in|over|during|within)\s+the\s+(?:past|last|previous)\s+(?P<hours>24|48|72)\s+hours\b",
    re.I,
)
_WORD_NUMBERS: Final[Mapping[str, int]] = MappingProxyType(
    {"a": 1} | {w: NUMBER_UNITS[w] for w in number_words(1, 10)}
)


def _month(name: str) -> int:
    return _MONTH_NUMBERS[name.rstrip(".").lower()]


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _month_window(year: int, month: int, until: dt.date | None = None) -> DateWindow:
    last = dt.date(year, month, calendar.monthrange(year, month)[1])
    if until is not None and until < last:
        last = until
    return DateWindow(dt.date(year, month, 1), last, "month")


def _year_for(month: int, day: int, anchor: dt.date) -> dt.date | None:
    """The day-month in the anchor's year, or the year before if it lands >30 days after."""
    got = _safe_date(anchor.year, month, day)
    if got is not None and (got - anchor).days > 30:
        got = _safe_date(anchor.year - 1, month, day)
    return got


def _period(m: re.Match[str], anchor: dt.date | None) -> DateWindow | None:
    """The days of a period read by `_RANGES`; its year from the text, else from the anchor."""
    g = m.groupdict()
    m2 = _month(g["m2"])
    first = g.get("m1") or g.get("m1b")
    m1 = _month(first) if first else m2
    d1, d2 = int(g.get("d1") or g.get("d1b") or g["d1c"]), int(g["d2"])
    if g.get("y"):
        end = _safe_date(int(g["y"]), m2, d2)
    elif anchor is not None:
        end = _year_for(m2, d2, anchor)
    else:
        return None
    if end is None:
        return None
    start = _safe_date(end.year if m1 <= m2 else end.year - 1, m1, d1)
    if start is None or start > end or (end - start).days > 366:
        return None
    return _days(start, end)


def _days(start: dt.date, end: dt.date) -> DateWindow:
    """The days from `start` to `end`, with the precision their number gives."""
    if start == end:
        return DateWindow.day(start)
    days = (end - start).days
    return DateWindow(start, end, "week" if days < 7 else "month" if days <= 31 else "year")


def _span(g: Mapping[str, str | None]) -> DateWindow | None:
    """The days from one dated end to the other (`_YEARS_SPAN`), at most a year."""
    m1, y1 = _month(g["m1"] or g["m1b"] or ""), int(g["y1"] or g["y1b"] or 0)
    m2, y2 = _month(g["m2"] or ""), int(g["y2"] or 0)
    d1 = g["d1"] or g["d1b"]
    start = _safe_date(y1, m1, int(d1) if d1 else 1)
    end = _safe_date(y2, m2, int(g["d2"]) if g["d2"] else calendar.monthrange(y2, m2)[1])
    if start is None or end is None or start > end or (end - start).days > 366:
        return None
    return _days(start, end)


def _absolute(m: re.Match[str], form: str, anchor: dt.date | None) -> DateWindow | None:
    g = m.groupdict()
    if form == "span":
        return _span(g)
    if form == "range":
        return _period(m, anchor)
    if form == "months":
        year, m1, m2 = int(g["y"]), _month(g["m1"]), _month(g["m2"])
        if m1 > m2:
            return None
        last = dt.date(year, m2, calendar.monthrange(year, m2)[1])
        return DateWindow(dt.date(year, m1, 1), last, "month" if m1 == m2 else "year")
    if form in ("dmy", "mdy", "iso"):
        month = _month(g["m"]) if form != "iso" else int(g["m"])
        day = _safe_date(int(g["y"]), month, int(g["d"]))
        return DateWindow.day(day) if day else None
    if form == "numeric":
        got = _numeric(int(g["a"]), int(g["b"]), int(g["y"]), anchor)
        return DateWindow.day(got) if got else None
    if form in ("dm", "md"):
        if anchor is None:
            return None
        if g["which"]:
            year = anchor.year - (0 if g["which"] == "this" else 1)
            got = _safe_date(year, _month(g["m"]), int(g["d"]))
        else:
            got = _year_for(_month(g["m"]), int(g["d"]), anchor)
        return DateWindow.day(got) if got else None
    if form == "my":
        return _month_window(int(g["y"]), _month(g["m"]))
    if form == "wmy":
        whole = _month_window(int(g["y"]), _month(g["m"]))
        assert whole.start is not None and whole.end is not None
        if g["wk"] in ("last", "final"):
            return DateWindow(whole.end - dt.timedelta(days=6), whole.end, "week")
        first = whole.start + dt.timedelta(days=7 * _WEEK_ORDINALS[g["wk"]])
        return DateWindow(first, first + dt.timedelta(days=6), "week")
    year = int(g["y"])
    return DateWindow(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")


_WEEK_ORDINALS: Final[Mapping[str, int]] = MappingProxyType(
    {"first": 0, "second": 1, "third": 2, "fourth": 3}
)


# How close before the report's day the month-first reading of an ambiguous numeric date must
# fall to be preferred to the day-first one.
_NUMERIC_REACH = 31


def _numeric(a: int, b: int, year: int, anchor: dt.date | None) -> dt.date | None:
    """A numeric date read day first ("12/05/2023" is 12 May), as the Arab and European press
    write it, unless the numbers allow only month first ("8/21/2013") or an anchor decides: a
    report of 6 December 2023 that says "on 12/05/2023" means 5 December, the reading that
    falls in the month before the report when the day-first one does not."""
    day_first = _safe_date(year, b, a)
    month_first = _safe_date(year, a, b)
    if day_first is None or month_first is None or a == b:
        return day_first or month_first
    if anchor is not None:

        def recent(d: dt.date) -> bool:
            return 0 <= (anchor - d).days <= _NUMERIC_REACH

        if recent(month_first) and not recent(day_first):
            return month_first
    return day_first


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _relative(m: re.Match[str], anchor: dt.date) -> DateWindow | None:
    g = m.groupdict()
    if g["dayword"]:
        key = re.sub(r"\s+", " ", g["dayword"].lower())
        return DateWindow.day(anchor - dt.timedelta(days=_REL_DAY_OFFSETS[key]))
    if g["nth"]:
        # "on the 12th": that day of the anchor's month, or of the month before.
        got = _safe_date(anchor.year, anchor.month, int(g["nth"]))
        if got is None or got > anchor:
            prev = anchor.replace(day=1) - dt.timedelta(days=1)
            got = _safe_date(prev.year, prev.month, int(g["nth"]))
        return DateWindow.day(got) if got is not None else None
    if g["sinceday"]:
        # "killed since Tuesday": the days from Tuesday to the report's.
        back = (anchor.weekday() - _WEEKDAYS[g["sinceday"].lower()]) % 7
        if back == 0:
            return None  # "since Monday" said on a Monday: a week back or today, unsaid
        return DateWindow(anchor - dt.timedelta(days=back), anchor, "week")
    if g["first"]:
        # "on Saturday and Sunday": both days, the later one the last on or before the anchor.
        end = anchor - dt.timedelta(days=(anchor.weekday() - _WEEKDAYS[g["second"].lower()]) % 7)
        span = (_WEEKDAYS[g["second"].lower()] - _WEEKDAYS[g["first"].lower()]) % 7
        if span == 0:
            return DateWindow.day(end)
        return DateWindow(end - dt.timedelta(days=span), end, "week")
    if g["weekday"]:
        back = (anchor.weekday() - _WEEKDAYS[g["weekday"].lower()]) % 7
        if g["last"] and back == 0:
            back = 7
        return DateWindow.day(anchor - dt.timedelta(days=back))
    if g["ago"]:
        n = int(g["n"]) if g["n"].isdigit() else _WORD_NUMBERS[g["n"].lower()]
        if g["unit"].lower().startswith("day"):
            return DateWindow.day(anchor - dt.timedelta(days=n))
        monday = _monday(anchor - dt.timedelta(weeks=n))
        return DateWindow(monday, monday + dt.timedelta(days=6), "week")
    if g["period"]:
        word = g["period"].lower().split()[-1]
        this = word == "this"
        unit = g["pu"].lower()
        if word == "past":  # "the past week": the days up to the anchor
            back = {"week": 6, "month": 30, "year": 364}[unit]
            return DateWindow(anchor - dt.timedelta(days=back), anchor, unit)
        if unit == "week":
            monday = _monday(anchor) - (dt.timedelta(0) if this else dt.timedelta(weeks=1))
            return DateWindow(monday, anchor if this else monday + dt.timedelta(days=6), "week")
        if unit == "month":
            if this:
                return _month_window(anchor.year, anchor.month, anchor)
            prev = anchor.replace(day=1) - dt.timedelta(days=1)
            return _month_window(prev.year, prev.month)
        if this:
            return DateWindow(dt.date(anchor.year, 1, 1), anchor, "year")
        return DateWindow(dt.date(anchor.year - 1, 1, 1), dt.date(anchor.year - 1, 12, 31), "year")
    if g["month"]:
        month = _month(g["month"])
        if g["mwhich"]:
            year = anchor.year - (0 if g["mwhich"].lower() == "this" else 1)
            if year == anchor.year and month > anchor.month:
                return None
        else:
            year = anchor.year if month <= anchor.month else anchor.year - 1
        return _month_window(year, month, anchor)
    if g["hours"]:
        # "in the past 24 hours": a daily toll, of the report's day (as "today"); 48 and 72
        # hours reach back a day or two more.
        days = int(g["hours"]) // 24 - 1
        if days == 0:
            return DateWindow.day(anchor)
        return DateWindow(anchor - dt.timedelta(days=days), anchor, "week")
    return None


# Every absolute date holds a digit or a month name; scanning only around them is ~5x faster
# than running each pattern over the whole text. The margins cover a weekday before the
# first trigger ("Wednesday, 5 April") and the rest of the date after the last one.
_TRIGGER = re.compile(r"\d+|\b(?:" + MONTH_PREFIXES + "|" + MONTH_PREFIXES.upper() + ")")
_BEFORE, _AFTER = 16, 40
# How far (in characters) a date with a year lends it to a year-less one when nothing anchors.
_YEAR_REACH = 3000


def _windows(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for m in _TRIGGER.finditer(text, start, end):
        a, b = max(start, m.start() - _BEFORE), min(end, m.end() + _AFTER)
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def _same_month(stated: Sequence[DateMention], m: re.Match[str], form: str) -> DateMention | None:
    """The nearest month the text states with its year ("October 2023") that is the month of
    the year-less date `m` ("10 October"), within `_YEAR_REACH`."""
    probe = _absolute(m, form, dt.date(2000, 12, 31))  # a leap year: "29 February" reads
    if probe is None or probe.start is None:
        return None
    return min(
        (
            d
            for d in stated
            if d.window.precision == "month"
            and d.window.start is not None
            and d.window.start.month == probe.start.month
            and abs(d.start - m.start()) <= _YEAR_REACH
        ),
        key=lambda d: abs(d.start - m.start()),
        default=None,
    )


def find_dates(
    text: str, start: int = 0, end: int | None = None, *, anchor: dt.date | None = None
) -> list[DateMention]:
    """Every date or period in `text[start:end]`, in text order, with document offsets.

    Absolute dates come first where spans overlap ("Wednesday 5 April 2017" is one date, not
    a weekday and a date). Relative forms need `anchor`; without it they are left out.
    """
    end = len(text) if end is None else end
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    windows = _windows(text, start, end)
    yearless: list[tuple[re.Match[str], str]] = []
    for pattern, form in _ABSOLUTE:
        for m in (m for a, b in windows for m in pattern.finditer(text, a, b)):
            a, b = m.span()
            if not free(a, b):
                continue
            if form in ("range", "months", "span") and _absolute(m, form, anchor) is None:
                continue  # not a period after all ("Deir ez-Zor 24 - 9 June"): its parts may be
            taken.append((a, b))  # an unresolvable date still hides its parts
            if anchor is None and form in ("dm", "md"):
                if not m.group("which"):  # "last year" of what? Unsaid without an anchor
                    yearless.append((m, form))
                continue
            window = _absolute(m, form, anchor)
            if window is not None:
                found.append(DateMention(a, b, _since(text, a, window, anchor), "absolute"))
    # Without an anchor, "On 9 October" takes its year from the nearest date of the text that
    # states one ("... released on October 26th, 2023"), as if that date were the anchor; a
    # text that states no full date may give the year with a month or alone ("March 18: …
    # 12 deaths in March 2023", "Sept. 5 … in 2019"): the nearest day first, then a month,
    # then a year, each within reach.
    stated = list(found)
    for m, form in yearless:
        near = _same_month(stated, m, form)
        # "Earlier in October 2023 … between 5 and 10 October": the month named with its year
        # gives the year first; else the nearest day, month or year of the text
        for precision in () if near is not None else ("day", "month", "year"):
            near = min(
                (
                    d
                    for d in stated
                    if d.window.precision == precision
                    and abs(d.start - m.start()) <= _YEAR_REACH
                    and d.window.start is not None
                    and d.window.start.year == (d.window.end or d.window.start).year
                ),
                key=lambda d: abs(d.start - m.start()),
                default=None,
            )
            if near is not None:
                break
        if near is None or near.window.end is None or near.window.start is None:
            continue
        # the year that puts the day nearest the stated date, before or after it ("6 November"
        # a section after "5 October 2023" is 2023's, "30 December" before "2 January 2024"
        # 2023's): a date the text states is no publication day the event must precede
        # (a month or a year the text names is the anchor: "Sept. 5 … in 2019" is 2019's)
        told = near.window.start
        if near.window.precision == "day":
            years = (told.year - 1, told.year, told.year + 1)
            options = [
                w for y in years if (w := _absolute(m, form, dt.date(y, 12, 31))) is not None
            ]
            window = min(
                (w for w in options if w.start is not None),
                key=lambda w: abs((w.start - told).days) if w.start is not None else 0,
                default=None,
            )
        else:
            window = _absolute(m, form, near.window.end)
        if window is not None:
            found.append(DateMention(m.start(), m.end(), window, "absolute"))
    if anchor is not None:
        for m in _RELATIVE.finditer(text, start, end):
            a, b = m.span()
            if not free(a, b):
                continue
            if m.group("month") and not m.group("month")[0].isupper():
                continue
            window = _relative(m, anchor)
            if window is not None:
                taken.append((a, b))
                if (
                    m.group("month")
                    and re.match(r"[Ss]ince\b", m.group(0))
                    and window.start is not None
                    and window.start < anchor
                ):
                    window = DateWindow(window.start, anchor, "year")  # "since April": to now
                found.append(DateMention(a, b, window, "relative"))
    found.sort(key=lambda d: d.start)
    return found


# "since 10 June", "since the 4th of April": the day a period starts, not an event's day.
_SINCE = re.compile(r"\b[Ss]ince\s+(?:the\s+)?$")


def _since(text: str, start: int, window: DateWindow, anchor: dt.date | None) -> DateWindow:
    """A day after "since" is read as the days from it to the anchor (when it has one)."""
    if (
        anchor is None
        or window.precision != "day"
        or window.start is None
        or window.start >= anchor
        or not _SINCE.search(text, max(0, start - 12), start)
    ):
        return window
    return _days(window.start, anchor)


# Words that introduce a report's own date: "Posted on", "Published", "Last updated at".
_DATELINE_LEAD = re.compile(
    r"\s*(?:(?:Posted|Published|Updated|Last\s+updated|First\s+published|Date\s+of\s+publication)"
    r"(?:\s+(?:on|at))?\s*:?\s*)?",
    re.I,
)
# "Damascus, November 3 (RHC)--", "BEIRUT, Aug 21 (Reuters) -", "AMMAN, Jordan, Feb 5
# (Reuters) -": place (and its country), date, agency.
_PLACE_DATELINE = re.compile(
    r"\s*\(?[A-Z][A-Za-z'. -]{1,40}?(?:,\s*[A-Z][A-Za-z'. -]{1,30}?)?,\s+(?:"
    + _WEEKDAY_PREFIX
    + _MONTH.replace("{name}", "m")
    + r"\s*"
    + _DAY.replace("{name}", "d")
    + r"|"
    + _DAY.replace("{name}", "d2")
    + r"\s+"
    + _MONTH.replace("{name}", "m2")
    + r")(?:,?\s*"
    + _YEAR.replace("{name}", "y")
    # an NGO's dateline closes its bracket before the dash: "(Beirut, December 12, 2021) –"
    + r")?\s*(?:\(|\)?\s*(?:--|–|—|-))"
)


# How far into a text a wire dateline is looked for at a line's start.
_WIRE_REACH = 600

# Markdown and rules between a headline and its dateline: "*", "#", "---", blank lines.
_MARKUP = re.compile(r"[\s*#_>|=~-]*")


def read_dateline(
    text: str, title: str | None = None, *, anchor: dt.date | None = None
) -> DateMention | None:
    """The date a report states for itself at its start, or None.

    Read at the very start of the text, after the title when the text opens with it (FA-KES
    and SANA put the date before or after the headline), after "Posted on", "Published",
    "Last updated at" or "Date of publication", or in a wire dateline ("Damascus, November 3
    (RHC)--", also opening one of the first lines under a captured page's masthead:
    "Reuters\nAMMAN, Jordan, Feb 5 (Reuters) -"). A dateline without a year ("November 3") takes it from `anchor` when given, else
    from the first dated day of the text after it, and is None otherwise. Only day-precision
    dates count as datelines; a date after "On", "In", "At" … opens a narrative ("On October
    8th 2023, a home was hit"): it dates the event, not the report.
    """
    starts = [0]
    stripped = title.strip() if title else ""
    if stripped:
        at = text.find(stripped, 0, 120 + len(stripped))
        if at >= 0:
            starts.append(at + len(stripped))
    # A wire dateline may open any of the first lines, under a captured page's masthead or
    # headline ("Reuters\nAMMAN, Jordan, Feb 5 (Reuters) -"); only that form is read there.
    wire_only = [
        k + 1 for k, ch in enumerate(text[:_WIRE_REACH]) if ch == "\n" and k + 1 not in starts
    ]
    for pos in starts + wire_only:
        plain = pos not in wire_only
        pos = _MARKUP.match(text, pos).end()  # type: ignore[union-attr]
        m = _PLACE_DATELINE.match(text, pos)
        if not m and not plain:
            continue
        if m:
            month, day = (
                (m.group("m"), m.group("d")) if m.group("m") else (m.group("m2"), m.group("d2"))
            )
            first = min(m.start("m"), m.start("d")) if m.group("m") else m.start("d2")
            last = m.end("y") if m.group("y") else (m.end("d") if m.group("m") else m.end("m2"))
            if anchor is None and not m.group("y"):
                # No year and no anchor: the year of the first dated day after the dateline.
                later = [
                    d.window.end
                    for d in find_dates(text, m.end(), min(len(text), m.end() + _YEAR_REACH))
                    if d.window.precision == "day" and d.window.end is not None
                ]
                anchor = later[0] if later else None
            if m.group("y"):
                got = _safe_date(int(m.group("y")), _month(month), int(day))
            else:
                got = _year_for(_month(month), int(day), anchor) if anchor else None
            if got is not None:
                return DateMention(first, last, DateWindow.day(got), "dateline")
            continue
        lead = _DATELINE_LEAD.match(text, pos)
        at = lead.end() if lead else pos
        window_end = min(len(text), at + 48)
        for d in find_dates(text, at, window_end, anchor=None):
            # "On October 8th 2023, a home was hit": a lede that dates its event, not a dateline.
            if (
                d.window.precision == "day"
                and d.start - at <= 12
                and not _NARRATIVE_LEAD.search(text, at, d.start)
                # "2021-05-30, near Deir ez-Zor, Syria. Coalition aircraft …": a record's event
                and not _RECORD_PLACE_AFTER.match(text, d.end)
            ):
                return DateMention(d.start, d.end, d.window, "dateline")
            break
    return None


_NARRATIVE_LEAD = re.compile(r"\b(?:[Oo]n|[Ii]n|[Aa]t|[Bb]y|[Dd]uring|[Ss]ince|[Ff]rom|[Tt]he)\b")
# A date and then where something happened: an incident record's opening, not a dateline.
_RECORD_PLACE_AFTER = re.compile(
    r",?[ \t]+(?:near|in|at|outside|around|north|south|east|west|northeast|northwest|southeast|"
    r"southwest)\s+(?:of\s+)?(?:the\s+)?[A-Z]"
)

# Page furniture that dates the document itself, wherever the capture put it:
# "Posted on 3 May 2016", "Published: ...", "Date of publication ...", "Print this page Tuesday
# 19 July 2016", "(updated 20:33 15.04.2017)", a post's own timestamp "2:22 PM · Dec 1, 2024",
# and a Facebook post's "December 1, 2024 · Shared with Public" (or "at 3:02 PM ·").
_FURNITURE_BEFORE = re.compile(
    r"(?:(?:\b(?:Posted|Published|Updated|Last\s+updated|First\s+published|Date\s+of\s+publication"
    r"|Print\s+this\s+page|Release\s+date|Issued|(?:Last\s+)?(?:edited|modified))|\(\s*updated)"
    r"(?:\s+(?i:on|at|date))?\s*:?"
    r"(?:\s*\d{1,2}[:.]?\d\d(?:\s*[AaPp]\.?[Mm]\.?)?,?)?"
    r"|\d{1,2}[:.]\d\d(?:\s*[AaPp]\.?[Mm]\.?)?\s*[·•|]"
    # a Telegram or YouTube page's view count: "8.88K viewsDec 18, 2025 at 16:11"
    r"|\d[\d.,]*[KkMm]?\s*views"
    # a byline and a separator: "Story by Reuters • 12/12/2022", "By Ahmad Hassan | 12.12.2022"
    r"|(?:^|\n)[ \t]*(?:Story\s+)?[Bb]y\s+[^\n•·|]{1,60}?[ \t]*[•·|]"
    # an embedded post's signature: "— Syria Civil Defence (@SyriaCivilDef) November 15, 2021"
    r"|[—–-]\s*[^\n()]{1,60}\(@\w{1,30}\))\s*$"
)
_FURNITURE_AFTER = re.compile(
    r"^(?:,?\s+at\s+\d{1,2}[:.]\d\d(?:\s*[AaPp]\.?[Mm]\.?)?)?\s*[·•]\s*(?:Shared\s+with|Public\b"
    r"|Friends\b|\d{1,2}[:.]\d\d|[^\w\s]|$)"
)
# The page's sections after a date opening its line: "Nov 15, 2021 | Syria, News".
_SECTIONS_AFTER = re.compile(r"[ \t]*\|[ \t]*[A-Z][\w ,&/-]{0,60}(?:\n|$)")


def document_date(
    text: str, title: str | None = None, *, anchor: dt.date | None = None
) -> DateMention | None:
    """The document's own date: its dateline (`read_dateline`), else a date in page furniture.

    Furniture is read anywhere in the text, since captures put it at the top, under the
    headline or at the end: "Posted on …", "Published: …", "Date of publication …", "Print this
    page Tuesday 19 July 2016", "(updated 20:33 15.04.2017)", a post's timestamp "2:22 PM · Dec
    1, 2024", "December 1, 2024 · Shared with Public", a date alone on its line (with at
    most a time of day) or ending a line that holds only a source's name or a label before it
    ("Kurdistan 24 | 11/03/2019", "Press release, 14 October 2019"), and a weekday-first full date after no preposition ("AFP Friday 20 Jun
    2014"). The first such day-precision date counts. Year-less furniture dates ("Dec 1 at
    3:02 PM ·") need `anchor` or a year nearby.
    """
    line = read_dateline(text, title, anchor=anchor)
    if line is not None:
        return line
    for d in find_dates(text, anchor=anchor):
        if d.kind != "absolute" or d.window.precision != "day":
            continue
        before = text[max(0, d.start - 40) : d.start]
        after = text[d.end : d.end + 40]
        if (
            _FURNITURE_BEFORE.search(before)
            or _FURNITURE_AFTER.match(after)
            or (d.start == text.rfind("\n", 0, d.start) + 1 and _SECTIONS_AFTER.match(text, d.end))
            or _alone(text, d)
            or _after_masthead(text, d)
            or _opens_line_dateline(text, d)
            or (_WEEKDAY_FIRST.match(text, d.start) and not _PROSE_BEFORE.search(before))
        ):
            # "Monday 23/12/2019": the weekday belongs to the date line, not to the events.
            day_name = _WEEKDAY_BEFORE.search(before)
            start = d.start - len(day_name.group(0)) if day_name else d.start
            return DateMention(start, d.end, d.window, "dateline")
    return None


# A statement dated in full right after its verb: "…, the SOHR said on Monday 15/11/2021."
_STATEMENT_VERB_BEFORE = re.compile(
    r"\b(?:said|says|reported|announced|stated|added|confirmed|declared)\s+(?:on\s+)?"
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)


def statement_date(text: str) -> dt.date | None:
    """The day a statement the text reports was made, dated in full right after its verb ("the
    Observatory said on Monday 15/11/2021"): the report is of that day or later, so relative
    dates ("yesterday") of a page that dates itself nowhere else count from it."""
    for d in find_dates(text):
        if (
            d.kind == "absolute"
            and d.window.precision == "day"
            and _STATEMENT_VERB_BEFORE.search(text, max(0, d.start - 40), d.start)
        ):
            return d.window.start
    return None


_WEEKDAY_BEFORE = re.compile(r"\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s*$")

# "AFP Friday 20 Jun 2014": a weekday and a full date with no preposition before them is how
# page furniture writes a date; prose says "on Friday, 20 June 2014" or "of Friday …".
_WEEKDAY_FIRST = re.compile(
    r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+(?:\d|(?:" + MONTH_PREFIXES + "))"
)
_PROSE_BEFORE = re.compile(
    r"\b(?:on|of|in|at|by|from|since|until|till|before|after|during|the|last|next|this|and|or|"
    r"between|to)\s*,?\s*$",
    re.IGNORECASE,
)


# A source's name or a label, then a separator, then the date ending the line: "Kurdistan 24 |
# 11/03/2019", "Raqqa Is Being Slaughtered Silently — 22/08/2017", "Press release, 14 October
# 2019". At most six words, none of them a preposition or article that would make it prose.
# Sections of the masthead may be set off by the same separators: "Airwars | Civilian
# Casualties | CS2145 | 13 March 2017", "News · Syria · 3 May 2019".
_MASTHEAD = re.compile(
    r"(?:[^\W\d_][\w'&.@-]*(?:\s*[|·•]\s*|\s+)){0,5}[\w'&.@-]+\s*(?:[|·•—–:]|,|\s-)\s*"
)


# The date field of an incident's record: "Date: December 16, 2019" among "Location: …" and
# "Civilians reported killed: 7" is when it happened, not when the page was published.
_DATE_FIELD = re.compile(
    r"[ \t]*(?:incident[ \t]+)?date(?:[ \t]+of[ \t]+(?:the[ \t]+)?(?:incident|attack|event|strike|"
    r"massacre))?[ \t]*:[ \t]*$",
    re.IGNORECASE,
)
_OTHER_FIELDS = re.compile(
    r"^[ \t]*(?:(?:suspected|alleged)[ \t]+)?(?:location|place|village|town|governorate|province|area|belligerents?|"
    r"(?:alleged[ \t]+)?perpetrators?|(?:civilians?[ \t]+)?(?:reported[ \t]+)?(?:killed|deaths|dead|"
    r"injured|wounded|casualties)|victims|type[ \t]+of[ \t]+(?:attack|incident)|weapons?|"
    r"summary|incident[ \t]+(?:code|id|number))[^:\n]{0,30}:",
    re.IGNORECASE | re.MULTILINE,
)


_DATE_FIELD_OPENS = re.compile(
    r"[ \t]*(?:incident[ \t]+)?date(?:[ \t]+of[ \t]+(?:the[ \t]+)?(?:incident|attack|event|strike|"
    r"massacre))?[ \t]*:",
    re.IGNORECASE,
)


def is_date_field(line: str) -> bool:
    """Whether a line is a record's date field ("Date: February 5, 2017")."""
    return bool(_DATE_FIELD_OPENS.match(line))


def record_fields(text: str) -> int:
    """How many lines of `text` are other fields of an incident's record (a sentence may hold
    several lines that end without a full stop)."""
    return len(_OTHER_FIELDS.findall(text))


def _record_date(text: str, d: DateMention) -> bool:
    """Whether the date is the value of a record's date field among other incident fields."""
    start = text.rfind("\n", 0, d.start) + 1
    return bool(_DATE_FIELD.fullmatch(text, start, d.start)) and (
        len(_OTHER_FIELDS.findall(text)) >= 2
    )


def _after_masthead(text: str, d: DateMention) -> bool:
    """Whether the date ends a line that holds only a source's name, a label or a byline
    before it ("Kurdistan 24 | 11/03/2019", "By Jane Doe | April 22, 2022")."""
    start = text.rfind("\n", 0, d.start) + 1
    end = text.find("\n", d.end)
    end = len(text) if end < 0 else end
    if _record_date(text, d):
        return False  # "Date: December 16, 2019" above "Location: …": the incident's day
    # The page's last line too, under the text: "Saba | 15 March 2021", "By Abdi Sheikh |
    # August 20, 2022" (but not a one-line text).
    if (end == len(text) and start == 0) or not _BARE.fullmatch(text, d.end, end):
        return False
    # "By Staff Writer | 2 min read | 06 Oct 2023": a reading time is furniture too
    head = _READING_TIME.sub("read", text[start : d.start])
    byline = _BYLINE.fullmatch(head)
    if byline:
        head = head[byline.end("by") :]
    # "Gaza Ministry of Health ·": small words inside a name in title case are the name's.
    named = _NAME_SMALL_WORD.sub(r"\1 ", head)
    return bool(_MASTHEAD.fullmatch(head)) and not _PROSE_WORD.search(named)


_READING_TIME = re.compile(r"\b\d{1,3}\s*(?:min(?:ute)?s?|m)\.?\s+read\b", re.IGNORECASE)


# "By Jane Doe |", "By AFP -", "Posted by admin |": a byline before the date is the author's
# name, not prose.
_BYLINE = re.compile(
    r"(?P<by>\s*(?:(?:[Pp]osted|[Ww]ritten|[Uu]ploaded|[Pp]ublished|[Ss]hared|[Ee]dited)\s+[Bb]y\s+"
    r"(?=\w)|[Bb]y\s+(?=[A-Z])))[^\n]*"
)


# "April 22, 2022 - Three civilians were killed": a full date opening a line, then a dash or
# an agency in brackets, is a dateline wherever the capture put the line.
_DASH_AFTER = re.compile(r"\s*(?:\([\w .&'’-]{2,30}\)\s*)?(?:--|[–—-])\s+(?=\S)")


def _opens_line_dateline(text: str, d: DateMention) -> bool:
    start = text.rfind("\n", 0, d.start) + 1
    return bool(
        d.start > 0
        and _MARKUP.fullmatch(text, start, d.start)
        and _DASH_AFTER.match(text, d.end)
        and re.search(r"\d{4}", text[d.start : d.end])
    )


_NAME_SMALL_WORD = re.compile(r"\b([A-Z][\w'’-]*)\s+(?:of|for|and|the)\s+(?=[A-Z])")


_PROSE_WORD = re.compile(
    r"\b(?:on|of|in|at|by|from|since|until|before|after|during|the|a|an|and|was|were|"
    r"killed|said|says)\b",
    re.IGNORECASE,
)


# What may share a line with a date that stands alone: separators, a weekday before a numeric
# date ("Monday 23/12/2019") and a time of day.
_BARE = re.compile(
    r"[\s|·•,:–—-]*(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s*)?"
    r"(?:(?:at\s+)?\d{1,2}[:.]\d\d(?::\d\d)?(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s*(?:UTC|GMT|"
    # a zone's abbreviation: "March 16, 2023 at 1:46 p.m. EDT"
    r"[ECMP][SD]T|BST|CET|CEST|EET|EEST|AST)(?:[+-]\d{1,2})?)?)?[\s|·•,:–—-]*"
    # a reading time after the date: "March 16, 2023 | 3 min read"
    r"(?:\d{1,3}\s*min(?:ute)?s?\s+read\s*)?"
    # an ISO timestamp's time: "2021-09-07T10:32:00+03:00", "…T07:32:00Z"
    r"|T\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?\s*"
)


def _alone(text: str, d: DateMention) -> bool:
    """Whether the date fills its line (with at most a time): a page's or a post's own date.

    A full date after the last sentence of a capture, ending it ("… killing two members of
    the Asayish. 2022-08-20", "… in Aleppo. (March 9, 2022)"), stands alone too: the page's
    stamp glued to its text.
    """
    end = text.find("\n", d.end)
    end = len(text) if end < 0 else end
    # In brackets too: "… with rocket shells. (March 9, 2022)".
    bracketed = text[d.start - 1 : d.start] == "(" and text[d.end : d.end + 1] == ")"
    if (
        end == len(text)
        and _BARE.fullmatch(text, d.end + bracketed, end)
        and _SENTENCE_END.search(text, max(0, d.start - 3 - bracketed), d.start - bracketed)
        and re.search(r"\d{4}", text[d.start : d.end])
    ):
        return True
    if "\n" not in text:
        return False
    start = text.rfind("\n", 0, d.start) + 1
    if start == 0 and end == len(text):
        return False
    return bool(_BARE.fullmatch(text, start, d.start) and _BARE.fullmatch(text, d.end, end))


_SENTENCE_END = re.compile(r"[.!?”\"]\s+$")


_YEARLESS: Final[tuple[re.Pattern[str], ...]] = tuple(
    p for p, form in _ABSOLUTE if form in ("dm", "md")
)


def day_hint(text: str) -> DayHint:
    """The day `text` names without a year, for a text no anchor dates: its first weekday of
    an event ("on Tuesday", "late Monday"; not "since Monday", not a span of days) and its
    first day of a month without a year ("on 2 December", "Dec. 2"). Reports of one incident
    that no date places in time still share these."""
    weekday = None
    for m in _RELATIVE.finditer(text):
        if m.group("weekday") and not _STATEMENT_VERB_BEFORE.search(
            text, max(0, m.start() - 40), m.start("weekday")
        ):
            # not "a monitor said on Sunday": the day of the statement, not of the event
            weekday = _WEEKDAYS[m.group("weekday").lower()]
            break
    month = day = None
    first: re.Match[str] | None = None
    for pattern in _YEARLESS:
        found = pattern.search(text)
        if found is not None and (first is None or found.start() < first.start()):
            first = found
    if first is not None:
        month, day = _month(first.group("m")), int(first.group("d"))
        if _safe_date(2024, month, day) is None:  # a leap year admits every real day
            month = day = None
    return DayHint(weekday, month, day)
