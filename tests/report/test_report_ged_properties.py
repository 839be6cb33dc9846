"""GED's date precision code (report.ged.date_prec) for any date window: 1 only for one stated
day, never less precise for a shorter window of the same precision, and empty when undated."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from factfinder.report.ged import date_prec
from factfinder.vocab import DATE_PRECISIONS

days = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2090, 1, 1))
lengths = st.integers(0, 800)


@given(days, lengths, st.sampled_from(DATE_PRECISIONS))
def test_a_code_from_one_to_five(start: dt.date, length: int, precision: str) -> None:
    code = date_prec(start, start + dt.timedelta(days=length), precision)
    assert code in (1, 2, 3, 4, 5)
    assert (code == 1) == (precision == "day" and length == 0)
    assert date_prec(None, None, precision) is None
    assert date_prec(start, None, precision) == date_prec(start, start, precision)


@given(days, lengths, lengths, st.sampled_from(DATE_PRECISIONS))
def test_a_longer_window_is_never_more_precise(
    start: dt.date, a: int, b: int, precision: str
) -> None:
    short, long = sorted((a, b))
    code_short = date_prec(start, start + dt.timedelta(days=short), precision)
    code_long = date_prec(start, start + dt.timedelta(days=long), precision)
    assert code_short is not None and code_long is not None and code_short <= code_long


@given(days, lengths)
def test_the_codes_of_spans(start: dt.date, length: int) -> None:
    end = start + dt.timedelta(days=length)
    span = length + 1
    expected = 1 if span == 1 else 2 if span <= 6 else 3 if span <= 7 else 4 if span <= 31 else 5
    assert date_prec(start, end, "day") == expected
    assert date_prec(start, end, "month") == (3 if span <= 7 else 4)
    assert date_prec(start, end, "year") == (3 if span <= 7 else 4 if span <= 31 else 5)
