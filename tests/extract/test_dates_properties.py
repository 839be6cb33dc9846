"""Property-based tests of the date readers (extract.dates and extract.arabic.dates): formatted
dates read back to the same day, periods keep their ends in order, relative dates never fall
after their anchor, and reading is deterministic and stays inside the text it is given."""

from __future__ import annotations

import calendar
import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from factfinder.extract.arabic.dates import find_dates as find_arabic_dates
from factfinder.extract.arabic.text import ArabicText
from factfinder.extract.dates import find_dates
from factfinder.model import DateWindow

days = st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2099, 12, 31))
# The Arabic reader takes written years from 1990 and numeric dates up to 2049.
ar_days = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2049, 12, 31))
anchors = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2090, 12, 31))

FORMATS = [
    lambda d: f"{d.day} {calendar.month_name[d.month]} {d.year}",
    lambda d: f"{d.day:02d} {calendar.month_abbr[d.month]} {d.year}",
    lambda d: f"{calendar.month_name[d.month]} {d.day}, {d.year}",
    lambda d: f"{calendar.month_abbr[d.month]}. {d.day} {d.year}",
    lambda d: (
        f"{d.day}{'th' if 4 <= d.day <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(d.day % 10, 'th')} of {calendar.month_name[d.month]}, {d.year}"
    ),
    lambda d: d.isoformat(),
    lambda d: f"{d.year}/{d.month:02d}/{d.day:02d}",
    lambda d: f"{d.day}/{d.month}/{d.year}",
    lambda d: f"{d.day:02d}.{d.month:02d}.{d.year}",
    lambda d: f"{calendar.day_name[d.weekday()]} {d.day} {calendar.month_name[d.month]} {d.year}",
]


def one_window(text: str, anchor: dt.date | None = None) -> tuple[str, DateWindow]:
    found = find_dates(text, anchor=anchor)
    assert len(found) == 1, (text, found)
    return text[found[0].start : found[0].end], found[0].window


@given(days, st.sampled_from(FORMATS), st.none() | anchors)
def test_a_formatted_date_reads_back_to_its_day(day: dt.date, fmt, anchor) -> None:  # type: ignore[no-untyped-def]
    written = fmt(day)
    span, window = one_window(f"The strike on {written} killed a family.", anchor)
    assert span.endswith(written[-4:]) and written in f"on {span}"
    if written == f"{day.day}/{day.month}/{day.year}" and day.day <= 12 and anchor is not None:
        # "2/1/2000" is 2 January or 1 February: the reader takes the reading nearer its anchor
        other = dt.date(day.year, day.day, day.month)
        assert window in (DateWindow.day(day), DateWindow.day(other))
        return
    assert window == DateWindow.day(day)


@given(days, st.sampled_from(FORMATS))
def test_reading_is_idempotent(day: dt.date, fmt) -> None:  # type: ignore[no-untyped-def]
    text = f"Shelling was reported on {fmt(day)} near the market."
    first = find_dates(text)
    assert find_dates(text) == first
    # reading the span found on its own gives the same date again
    (m,) = first
    (again,) = find_dates(text[m.start : m.end])
    assert again.window == m.window


@given(days, st.integers(min_value=1, max_value=27))
def test_a_day_range_in_one_month(day: dt.date, length: int) -> None:
    last = calendar.monthrange(day.year, day.month)[1]
    first_day = min(day.day, last - 1)
    end_day = min(first_day + length, last)
    month, year = calendar.month_name[day.month], day.year
    lo, hi = day.replace(day=first_day), day.replace(day=end_day)
    for text in (
        f"between {first_day} and {end_day} {month} {year}",
        f"from {first_day} to {end_day} {month} {year}",
        f"{first_day}-{end_day} {month} {year}",
        f"{month} {first_day}-{end_day}, {year}",
    ):
        _, window = one_window(f"Strikes hit the town {text}.")
        assert (window.start, window.end) == (lo, hi), text
        assert window.start <= window.end


@st.composite
def two_months(draw: st.DrawFn) -> tuple[dt.date, dt.date]:
    """Two days of one year in different months, in order."""
    year = draw(st.integers(min_value=1950, max_value=2099))
    m1 = draw(st.integers(min_value=1, max_value=11))
    m2 = draw(st.integers(min_value=m1 + 1, max_value=12))
    d1 = draw(st.integers(min_value=1, max_value=calendar.monthrange(year, m1)[1]))
    d2 = draw(st.integers(min_value=1, max_value=calendar.monthrange(year, m2)[1]))
    return dt.date(year, m1, d1), dt.date(year, m2, d2)


@given(two_months())
def test_a_range_across_months(pair: tuple[dt.date, dt.date]) -> None:
    lo, hi = pair
    text = (
        f"between {lo.day} {calendar.month_name[lo.month]} and "
        f"{hi.day} {calendar.month_name[hi.month]} {hi.year}"
    )
    _, window = one_window(f"The siege lasted {text}.")
    assert (window.start, window.end) == (lo, hi)


@given(two_months())
def test_a_month_range_covers_whole_months(pair: tuple[dt.date, dt.date]) -> None:
    lo, hi = pair
    text = f"between {calendar.month_name[lo.month]} and {calendar.month_name[hi.month]} {hi.year}"
    _, window = one_window(f"Raids continued {text}.")
    assert window.start == lo.replace(day=1)
    assert window.end == hi.replace(day=calendar.monthrange(hi.year, hi.month)[1])


@given(days)
def test_a_month_and_year_is_the_whole_month(day: dt.date) -> None:
    _, window = one_window(f"The camp was shelled in {calendar.month_name[day.month]} {day.year}.")
    assert window.precision == "month"
    assert window.start == day.replace(day=1)
    assert window.end is not None and window.end.month == day.month
    assert (window.end + dt.timedelta(days=1)).day == 1


@given(
    anchors,
    st.sampled_from(
        [
            "today",
            "yesterday",
            "last night",
            "the day before yesterday",
            "on Friday",
            "last Monday",
            "this week",
            "last week",
            "this month",
            "last month",
            "this year",
            "last year",
            "in March",
            "three days ago",
            "2 weeks ago",
        ]
    ),
)
def test_a_relative_date_never_falls_after_its_anchor(anchor: dt.date, words: str) -> None:
    _, window = one_window(f"The village was hit {words}, residents said.", anchor)
    assert window.start is not None and window.end is not None
    assert window.start <= window.end <= anchor
    assert anchor - window.start <= dt.timedelta(days=2 * 366)


@given(anchors, st.integers(min_value=0, max_value=10))
def test_days_ago_counts_back_from_the_anchor(anchor: dt.date, n: int) -> None:
    words = "today" if n == 0 else "yesterday" if n == 1 else f"{n} days ago"
    _, window = one_window(f"A shell landed {words}.", anchor)
    assert window == DateWindow.day(anchor - dt.timedelta(days=n))


@given(st.text(max_size=50))
def test_relative_words_need_an_anchor(noise: str) -> None:
    text = f"{noise} yesterday and on Friday and last week"
    assert [m for m in find_dates(text) if m.kind == "relative"] == []


@given(
    st.lists(st.sampled_from(FORMATS), min_size=1, max_size=4),
    st.lists(days, min_size=4, max_size=4),
    st.text(alphabet="abc .,\n", max_size=20),
    st.none() | anchors,
)
def test_every_date_found_lies_within_the_window_read(fmts, ds, filler, anchor) -> None:  # type: ignore[no-untyped-def]
    parts = [f"on {fmt(d)}{filler}" for fmt, d in zip(fmts, ds, strict=False)]
    text = " and ".join(parts)
    cut = min(
        len(text), len(parts[0]) + len(" and ")
    )  # between two dates: a cut inside one changes its meaning
    for start, end in ((0, cut), (cut, len(text)), (0, len(text))):
        previous_end = start
        for m in find_dates(text, start, end, anchor=anchor):
            assert previous_end <= m.start < m.end <= end
            previous_end = m.end
            w = m.window
            assert w.start is not None and w.end is not None and w.start <= w.end
            # a date read is always one of the dates written (or a period holding it)
            assert any(w.start <= d <= w.end for d in ds), (text, start, end, m, ds)


@given(st.text(max_size=120), st.none() | anchors)
def test_any_text_gives_sorted_windows_in_order(text: str, anchor: dt.date | None) -> None:
    found = find_dates(text, anchor=anchor)
    assert [m.start for m in found] == sorted(m.start for m in found)
    for m in found:
        assert 0 <= m.start < m.end <= len(text)
        if m.window.start and m.window.end:
            assert m.window.start <= m.window.end


# Arabic -------------------------------------------------------------------------------------

AR_MONTHS = {
    1: "كانون الثاني",
    2: "شباط",
    3: "آذار",
    4: "نيسان",
    5: "أيار",
    6: "حزيران",
    7: "تموز",
    8: "آب",
    9: "أيلول",
    10: "تشرين الأول",
    11: "تشرين الثاني",
    12: "كانون الأول",
}
AR_MONTHS_EGYPTIAN = {
    1: "يناير",
    2: "فبراير",
    3: "مارس",
    4: "أبريل",
    5: "مايو",
    6: "يونيو",
    7: "يوليو",
    8: "أغسطس",
    9: "سبتمبر",
    10: "أكتوبر",
    11: "نوفمبر",
    12: "ديسمبر",
}
ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def arabic_windows(text: str, anchor: dt.date | None = None) -> list[DateWindow]:
    at = ArabicText(text)
    return [m.window for m in find_arabic_dates(at, 0, len(text), anchor)]


AR_FORMATS = [
    lambda d: f"في {d.day} {AR_MONTHS[d.month]} {d.year}",
    lambda d: f"في {d.day} {AR_MONTHS_EGYPTIAN[d.month]} {d.year}",
    lambda d: f"في {d.day} {AR_MONTHS[d.month]}/{AR_MONTHS_EGYPTIAN[d.month]} {d.year}",
    lambda d: f"بتاريخ {d.day:02d}/{d.month:02d}/{d.year}",
    lambda d: f"بتاريخ {d.day}-{d.month}-{d.year}".translate(ARABIC_INDIC),
    lambda d: f"بتاريخ {d.year}/{d.month:02d}/{d.day:02d}".translate(ARABIC_INDIC),
]


@given(ar_days, st.sampled_from(AR_FORMATS))
def test_an_arabic_date_reads_back_to_its_day(day: dt.date, fmt) -> None:  # type: ignore[no-untyped-def]
    text = f"قصف الطيران البلدة {fmt(day)}"
    assert arabic_windows(text) == [DateWindow.day(day)], text


@given(
    anchors,
    st.sampled_from(["فجر اليوم", "مساء أمس", "أول أمس", "الأسبوع الماضي", "الشهر الماضي"]),
)
def test_an_arabic_relative_date_never_falls_after_its_anchor(anchor: dt.date, words: str) -> None:
    (window,) = arabic_windows(f"قصف {words}", anchor)
    assert window.start is not None and window.end is not None
    assert window.start <= window.end <= anchor
    assert arabic_windows(f"قصف {words}", None) == []


@given(anchors, st.integers(min_value=3, max_value=10))
def test_arabic_days_ago(anchor: dt.date, n: int) -> None:
    assert arabic_windows(f"منذ {n} أيام", anchor) == [DateWindow.day(anchor - dt.timedelta(n))]


PERIOD_STARTS = {
    "الأسبوع": lambda d: d - dt.timedelta(days=d.weekday()),
    "الشهر": lambda d: d.replace(day=1),
    "العام": lambda d: d.replace(month=1, day=1),
    "السنة": lambda d: d.replace(month=1, day=1),
}
PAST_WORD = {"الأسبوع": "الماضي", "الشهر": "الماضي", "العام": "الماضي", "السنة": "الماضية"}


@given(anchors, st.sampled_from(sorted(PERIOD_STARTS)), st.sampled_from(["هذا {}", "{} الجاري"]))
def test_this_arabic_period_runs_to_the_anchor_and_the_last_one_ends_before_it(
    anchor: dt.date, period: str, this: str
) -> None:
    (current,) = arabic_windows(f"قصف {this.format(period)}", anchor)
    assert (current.start, current.end) == (PERIOD_STARTS[period](anchor), anchor)
    (last,) = arabic_windows(f"قصف {period} {PAST_WORD[period]}", anchor)
    assert last.end is not None and current.start is not None
    assert last.end + dt.timedelta(days=1) == current.start  # the periods meet
    assert last.start == PERIOD_STARTS[period](last.end)
    assert last.precision == current.precision


@given(anchors, st.sampled_from([("أسبوع", 1), ("أسبوعين", 2)]))
def test_arabic_weeks_ago_are_whole_weeks_before_the_anchor(
    anchor: dt.date, weeks: tuple[str, int]
) -> None:
    word, n = weeks
    (window,) = arabic_windows(f"منذ {word}", anchor)
    assert window.precision == "week" and window.start is not None and window.end is not None
    assert window.start.weekday() == 0 and window.end - window.start == dt.timedelta(days=6)
    assert window.start <= anchor - dt.timedelta(days=7 * n) <= window.end < anchor


@given(ar_days, st.sampled_from(["في شهر {m} عام {y}", "في {m} ({e}) {y}", "خلال {m} {y}"]))
def test_an_arabic_month_and_year_is_the_whole_month(day: dt.date, fmt: str) -> None:
    text = fmt.format(m=AR_MONTHS[day.month], e=AR_MONTHS_EGYPTIAN[day.month], y=day.year)
    last = calendar.monthrange(day.year, day.month)[1]
    assert arabic_windows(text) == [
        DateWindow(day.replace(day=1), day.replace(day=last), "month")
    ], text


@given(st.integers(min_value=1990, max_value=2049), st.sampled_from([2, 4, 6, 9, 11]))
def test_a_day_a_month_does_not_have_is_no_date(year: int, month: int) -> None:
    last = calendar.monthrange(year, month)[1]
    for day in range(last + 1, 32):
        assert arabic_windows(f"قصف في {day} {AR_MONTHS[month]} {year}") == []
