"""Hints of a day for texts that no date places in time (`mentions.DayHint`).

A report archived without its publication day that says only "on Tuesday" or "اليوم الاثنين 2
كانون الأول" gets no date: a weekday or a day of a month without its year cannot be placed.
What it does say still tells it apart from reports of other days; the linker compares it with
the days of dated reports (`factfinder.link.features`).
"""

from __future__ import annotations

from factfinder.arabic import has_arabic
from factfinder.extract.arabic.dates import day_hint as arabic_day_hint
from factfinder.extract.arabic.text import ArabicText
from factfinder.extract.dates import day_hint as english_day_hint
from factfinder.mentions import DayHint


def day_hint(text: str) -> DayHint:
    """The weekday and the year-less day of a month that `text` names, English or Arabic."""
    hint = english_day_hint(text)
    if has_arabic(text):
        arabic = arabic_day_hint(ArabicText(text))
        hint = DayHint(
            hint.weekday if hint.weekday is not None else arabic.weekday,
            hint.month if hint.month is not None else arabic.month,
            hint.day if hint.month is not None else arabic.day,
        )
    return hint
