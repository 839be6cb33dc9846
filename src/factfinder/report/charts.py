"""What the time charts of the workspace and of the case report share: one colour per alleged
perpetrator (and per grade), the periods incidents are counted by, and the rule that chooses a
period from the span shown.

The web app sends `series_colours` with its counts by period (`/api/v1/incidents/periods`), so
the browser's charts and the report's static chart cannot drift apart: a party has one colour
everywhere (and one name: `report.labels`, sent beside the colours).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from itertools import cycle
from typing import Final

PERIODS: Final[tuple[str, ...]] = ("day", "week", "month")

# One colour per party, the same in every chart (a chart's own order would give Russia the
# colour of ISIS in one chart and of the coalition in the next). The eight groups most often
# alleged take the Okabe–Ito palette, whose hues stay apart for readers with any of the three
# colour-vision deficiencies; the rarer groups take colours of Paul Tol's schemes chosen to stay
# apart from those eight (every pair at least 14 CIELAB units apart, under each deficiency too:
# tests/report/test_report_colours.py measures it).
PERPETRATOR_COLOURS: Final[dict[str, str]] = {
    "syrian_government": "#d55e00",  # vermillion
    "russia": "#0072b2",  # blue
    "us_led_coalition": "#e69f00",  # orange
    "isis": "#000000",  # black
    "armed_opposition": "#009e73",  # bluish green
    "hts_nusra": "#cc79a7",  # reddish purple
    "sdf_ypg": "#56b4e9",  # sky blue
    "turkey": "#f0e442",  # yellow
    "iran": "#666633",  # dark olive
    "israel": "#332288",  # indigo
    "iraq_government": "#99ddff",  # pale cyan
    "other": "#882255",  # wine
    "unknown": "#bbbbbb",  # grey
}
GRADE_COLOURS: Final[dict[str, str]] = {
    "confirmed": "#b2182b",
    "fair": "#ef8a62",
    "weak": "#e0b03a",
    "contested": "#4393c3",
    "discounted": "#8c8c8c",
    "ungraded": "#5b5b5b",
}
# For a series outside the vocabularies (a group added later): the first of these that no
# other series of the same chart is drawn in.
PALETTE: Final[tuple[str, ...]] = tuple(
    PERPETRATOR_COLOURS[k] for k in PERPETRATOR_COLOURS if k != "unknown"
)


def series_colours(by: str, series: Iterable[str]) -> dict[str, str]:
    """The colour of each series of a chart by `by` ("perpetrator" or "grade")."""
    fixed = GRADE_COLOURS if by == "grade" else PERPETRATOR_COLOURS
    names = list(series)
    taken = {fixed[s] for s in names if s in fixed}
    spare = cycle([c for c in PALETTE if c not in taken] or PALETTE)
    return {s: fixed[s] if s in fixed else next(spare) for s in names}


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
