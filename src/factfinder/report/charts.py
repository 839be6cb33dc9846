"""What the time charts of the workspace and of the case report share: one colour per alleged
perpetrator (and per grade), the periods incidents are counted by, and the rule that chooses a
period from the span shown.

The web app sends `series_colours` with its counts by period (`/api/v1/incidents/periods`), so
the browser's charts and the report's static chart cannot drift apart: a party has one colour
everywhere.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Final

PERIODS: Final[tuple[str, ...]] = ("day", "week", "month")

# One colour per party, the same in every chart (a chart's own order would give Russia the
# colour of ISIS in one chart and of the coalition in the next).
PERPETRATOR_COLOURS: Final[dict[str, str]] = {
    "syrian_government": "#d1495b",
    "russia": "#00798c",
    "us_led_coalition": "#1b6ca8",
    "isis": "#2e4057",
    "armed_opposition": "#66a182",
    "hts_nusra": "#8d6a9f",
    "sdf_ypg": "#edae49",
    "turkey": "#c46d5e",
    "iran": "#6a4c93",
    "israel": "#5b8e7d",
    "iraq_government": "#a5a58d",
    "other": "#bc4b51",
    "unknown": "#9a9a9a",
}
GRADE_COLOURS: Final[dict[str, str]] = {
    "confirmed": "#b2182b",
    "fair": "#ef8a62",
    "weak": "#e0b03a",
    "contested": "#4393c3",
    "discounted": "#8c8c8c",
    "ungraded": "#5b5b5b",
}
# For a series outside the vocabularies (a group added later), by its place in the chart.
PALETTE: Final[tuple[str, ...]] = (
    "#1b6ca8",
    "#d1495b",
    "#edae49",
    "#00798c",
    "#6a4c93",
    "#66a182",
    "#8d6a9f",
    "#c46d5e",
    "#2e4057",
    "#a5a58d",
    "#bc4b51",
    "#5b8e7d",
)


def series_colours(by: str, series: Iterable[str]) -> dict[str, str]:
    """The colour of each series of a chart by `by` ("perpetrator" or "grade")."""
    fixed = GRADE_COLOURS if by == "grade" else PERPETRATOR_COLOURS
    return {s: fixed.get(s) or PALETTE[i % len(PALETTE)] for i, s in enumerate(series)}


def period_start(day: str, period: str) -> str:
    """The first day (ISO) of the period (`PERIODS`) that `day` falls in; weeks start on Monday."""
    if period == "month":
        return day[:7] + "-01"
    if period == "week":
        d = dt.date.fromisoformat(day[:10])
        return (d - dt.timedelta(days=d.weekday())).isoformat()
    return day[:10]


def period_end(start: str, period: str) -> str:
    """The last day (ISO) of the period that starts on `start`."""
    d = dt.date.fromisoformat(start)
    if period == "month":
        nxt = dt.date(d.year + (d.month == 12), d.month % 12 + 1, 1)
        return (nxt - dt.timedelta(days=1)).isoformat()
    if period == "week":
        return (d + dt.timedelta(days=6)).isoformat()
    return start


def best_period(first: dt.date, last: dt.date) -> str:
    """The period a chart from `first` to `last` is drawn by (the web timeline's "auto"):
    months past two years, weeks past four months, else days."""
    span = (last - first).days
    return "month" if span > 2 * 365 else ("week" if span > 120 else "day")


__all__ = [
    "GRADE_COLOURS",
    "PALETTE",
    "PERIODS",
    "PERPETRATOR_COLOURS",
    "best_period",
    "period_end",
    "period_start",
    "series_colours",
]
