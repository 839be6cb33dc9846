"""The case report's chart by period: the web timeline's chart drawn as static SVG.

Incidents (and, in a second panel, civilians killed — the smallest figure stated) per day, week or
month of their start date, chosen from the case's span as the web timeline chooses it
(`charts.best_period`), stacked by alleged perpetrator in the colours of the web charts
(`charts.PERPETRATOR_COLOURS`). Undated incidents are counted apart, in a line under the chart.
No script: the PDF renders it as it is. Deterministic, like the map: same input, same bytes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from factfinder.report.charts import best_period, period_end, period_start, series_colours
from factfinder.report.labels import label

WIDTH = 640.0
LEFT = 44.0
RIGHT = 12.0
PANEL = 150.0  # one panel's height: its title, its plot and its time axis
PLOT_TOP = 18.0
PLOT_BOTTOM = 24.0
LEGEND_ROW = 14.0


@dataclass(frozen=True, slots=True)
class Counted:
    """One incident as the chart counts it: when it started (None: undated), the alleged
    perpetrator's group, and its smallest civilians-killed figure."""

    start: dt.date | None
    perpetrator: str
    civilians: int = 0


@dataclass(frozen=True, slots=True)
class Bucket:
    """One period: its first and last day, and each series' value in it (chart order)."""

    start: dt.date
    end: dt.date
    counts: tuple[tuple[str, int], ...]

    @property
    def total(self) -> int:
        return sum(v for _, v in self.counts)


@dataclass(frozen=True, slots=True)
class PeriodCounts:
    """The incidents, or the civilians killed, per period by alleged perpetrator."""

    period: str
    measure: str  # "incidents" or "civilians"
    series: tuple[str, ...]
    buckets: tuple[Bucket, ...]
    undated: int


def period_counts(
    incidents: Sequence[Counted], *, measure: str = "incidents", period: str | None = None
) -> PeriodCounts:
    """Counts by period (chosen from the span of the dates unless given), series ordered by
    their total, largest first, then by name — the order of the web charts."""
    dated = [i.start for i in incidents if i.start is not None]
    if period is None:
        period = best_period(min(dated), max(dated)) if dated else "month"
    counts: dict[str, dict[str, int]] = {}
    undated = 0
    for i in incidents:
        value = 1 if measure == "incidents" else i.civilians
        if i.start is None:
            undated += value
            continue
        bucket = counts.setdefault(period_start(i.start.isoformat(), period), {})
        bucket[i.perpetrator] = bucket.get(i.perpetrator, 0) + value
    totals: dict[str, int] = {}
    for bucket in counts.values():
        for k, v in bucket.items():
            totals[k] = totals.get(k, 0) + v
    series = tuple(sorted(totals, key=lambda k: (-totals[k], k)))
    buckets = tuple(
        Bucket(
            dt.date.fromisoformat(start),
            dt.date.fromisoformat(period_end(start, period)),
            tuple((k, counts[start][k]) for k in series if counts[start].get(k)),
        )
        for start in sorted(counts)
    )
    return PeriodCounts(period, measure, series, buckets, undated)


def _ticks(first: dt.date, last: dt.date, period: str) -> list[tuple[dt.date, str]]:
    """Tick days and labels: every day, Monday or month start, thinned to about eight."""
    out: list[tuple[dt.date, str]] = []
    if period == "month":
        d = dt.date(first.year, first.month, 1)
        while d <= last:
            if d >= first:
                out.append(
                    (d, d.strftime("%b %Y") if d.month == 1 or not out else d.strftime("%b"))
                )
            d = dt.date(d.year + (d.month == 12), d.month % 12 + 1, 1)
    else:
        step = 7 if period == "week" else 1
        d = first + dt.timedelta(days=(7 - first.weekday()) % 7 if period == "week" else 0)
        while d <= last:
            out.append((d, d.strftime("%d %b")))
            d += dt.timedelta(days=step)
    keep = max(1, -(-len(out) // 8))
    return out[::keep]


def _panel(
    counts: PeriodCounts,
    colours: dict[str, str],
    domain: tuple[dt.date, dt.date],
    top_y: float,
    title: str,
) -> list[str]:
    first, last = domain
    total_days = max((last - first).days, 1)
    inner = WIDTH - LEFT - RIGHT
    plot_h = PANEL - PLOT_TOP - PLOT_BOTTOM
    base = top_y + PLOT_TOP + plot_h
    top = max([b.total for b in counts.buckets] + [1])

    def x_of(day: dt.date) -> float:
        return LEFT + (day - first).days / total_days * inner

    def h_of(value: int) -> float:
        return value / top * plot_h

    out = [
        f'<g class="panel" data-measure="{counts.measure}" data-period="{counts.period}" '
        f'data-top="{top}">',
        f'<text x="{LEFT:.0f}" y="{top_y + 11:.1f}" font-size="9" font-weight="bold" '
        f'fill="#222">{escape(title)}</text>',
        f'<line x1="{LEFT:.0f}" y1="{base:.1f}" x2="{WIDTH - RIGHT:.0f}" y2="{base:.1f}" '
        'stroke="#333" stroke-width="0.8"/>',
    ]
    for value in sorted({0, round(top / 2), top}):
        y = base - h_of(value)
        out.append(
            f'<line x1="{LEFT - 4:.0f}" y1="{y:.1f}" x2="{WIDTH - RIGHT:.0f}" y2="{y:.1f}" '
            f'stroke="{"#333" if value == 0 else "#e4e4e4"}" stroke-width="0.5"/>'
        )
        out.append(
            f'<text x="{LEFT - 6:.0f}" y="{y + 3:.1f}" font-size="8" fill="#333" '
            f'text-anchor="end">{value:,}</text>'
        )
    for day, text in _ticks(first, last, counts.period):
        x = x_of(day)
        if x > WIDTH - RIGHT - 30:  # no room left for its label
            continue
        out.append(
            f'<line x1="{x:.1f}" y1="{base:.1f}" x2="{x:.1f}" y2="{base + 3:.1f}" '
            'stroke="#333" stroke-width="0.6"/>'
        )
        out.append(
            f'<text x="{x + 2:.1f}" y="{base + 13:.1f}" font-size="8" fill="#333">'
            f"{escape(text)}</text>"
        )
    for b in counts.buckets:
        x0 = x_of(b.start)
        x1 = x_of(b.end + dt.timedelta(days=1))
        w = max(1.0, x1 - x0 - (1.0 if x1 - x0 > 4 else 0.0))
        out.append(
            f'<g class="bar" data-start="{b.start.isoformat()}" data-end="{b.end.isoformat()}" '
            f'data-total="{b.total}">'
        )
        acc = 0
        for series, value in b.counts:
            y_top = base - h_of(acc + value)
            height = h_of(acc + value) - h_of(acc)
            tip = f"{b.start.isoformat()}" + ("" if b.start == b.end else f" – {b.end.isoformat()}")
            tip += f": {label(series)}, {value:,}"
            out.append(
                f'<rect x="{x0:.1f}" y="{y_top:.1f}" width="{w:.1f}" '
                f'height="{max(height, 0.5):.1f}" fill="{colours[series]}" '
                f'data-series="{escape(series)}" data-value="{value}">'
                f"<title>{escape(tip)}</title></rect>"
            )
            acc += value
        out.append("</g>")
    out.append("</g>")
    return out


def period_chart(
    incidents: Sequence[Counted], *, title: str = "Incidents and civilians killed by period"
) -> str:
    """The chart as one `<svg>` element: incidents per period, civilians killed per period, a
    legend of the alleged perpetrators and the line of the undated."""
    by_count = period_counts(incidents)
    by_civilians = period_counts(incidents, measure="civilians", period=by_count.period)
    colours = series_colours("perpetrator", by_count.series)
    per = {"day": "day", "week": "week (from Monday)", "month": "month"}[by_count.period]
    legend_rows = -(-len(by_count.series) // 4) if by_count.series else 0
    height = 2 * PANEL + LEGEND_ROW * legend_rows + 26
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="periods" viewBox="0 0 {WIDTH:.0f} '
        f'{height:.0f}" width="{WIDTH:.0f}" height="{height:.0f}" role="img" '
        f'aria-label="{escape(title)}" data-period="{by_count.period}">',
        f"<title>{escape(title)}</title>",
    ]
    if by_count.buckets:
        first = by_count.buckets[0].start
        last = by_count.buckets[-1].end + dt.timedelta(days=1)
        # A short case is drawn over seven periods at least, so one day is not a wall of colour.
        shortfall = 7 * {"day": 1, "week": 7, "month": 30}[by_count.period] - (last - first).days
        pad = dt.timedelta(days=max(1, round((last - first).days * 0.02), -(-shortfall // 2)))
        domain = (first - pad, last + pad)
        out += _panel(by_count, colours, domain, 0.0, f"Incidents per {per}")
        out += _panel(
            by_civilians,
            colours,
            domain,
            PANEL,
            f"Civilians killed per {per} (smallest figure stated)",
        )
    else:
        out.append(
            f'<text x="{LEFT:.0f}" y="40" font-size="9" fill="#666">'
            "No incident of the case is dated.</text>"
        )
    y = 2 * PANEL + 4
    for k, series in enumerate(by_count.series):
        col, row = k % 4, k // 4
        x = LEFT + col * (WIDTH - LEFT - RIGHT) / 4
        out.append(
            f'<g class="legend-entry" data-series="{escape(series)}">'
            f'<rect x="{x:.1f}" y="{y + row * LEGEND_ROW:.1f}" width="9" height="9" '
            f'fill="{colours[series]}"/>'
            f'<text x="{x + 13:.1f}" y="{y + row * LEGEND_ROW + 8:.1f}" font-size="8" '
            f'fill="#222">{escape(label(series))}</text></g>'
        )
    y += LEGEND_ROW * legend_rows + 12
    undated = by_count.undated
    if undated:
        line = (
            f"{undated} undated incident{'s' if undated != 1 else ''} "
            f"({by_civilians.undated:,} civilians killed), counted apart (not on the time axis)."
        )
    else:
        line = "Every incident of the case is dated."
    out.append(
        f'<text class="undated" x="{LEFT:.0f}" y="{y:.1f}" font-size="8" fill="#444" '
        f'data-incidents="{undated}" data-civilians="{by_civilians.undated}">'
        f"{escape(line)}</text>"
    )
    out.append("</svg>")
    return "\n".join(out)


__all__ = ["Bucket", "Counted", "PeriodCounts", "period_chart", "period_counts"]
