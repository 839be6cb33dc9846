"""The timeline chart of a report: one row per incident on a shared date axis, as SVG.

An incident known to the day is a dot; a window (a week, a month, an uncertain span) is a bar
from its first to its last day, so the chart shows how precisely each date is known. Ticks fall on
days, weeks, months or years depending on the span shown. Deterministic, like the map.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

WIDTH = 640.0
LEFT = 150.0
RIGHT = 16.0
ROW = 18.0
TOP = 22.0
BOTTOM = 26.0


@dataclass(frozen=True, slots=True)
class Span:
    """One incident on the timeline; `start`/`end` None = undated (listed, not drawn)."""

    number: int
    label: str
    start: dt.date | None
    end: dt.date | None
    precision: str = "unknown"


def _ticks(first: dt.date, last: dt.date) -> list[tuple[dt.date, str]]:
    days = (last - first).days
    out: list[tuple[dt.date, str]] = []
    if days <= 14:
        d = first
        while d <= last:
            out.append((d, d.strftime("%d %b")))
            d += dt.timedelta(days=1 if days <= 7 else 2)
    elif days <= 120:
        d = first + dt.timedelta(days=(7 - first.weekday()) % 7)
        while d <= last:
            out.append((d, d.strftime("%d %b")))
            d += dt.timedelta(days=7 if days <= 60 else 14)
    elif days <= 3 * 366:
        d = dt.date(first.year, first.month, 1)
        step = 1 if days <= 400 else 3
        while d <= last:
            if d >= first:
                out.append((d, d.strftime("%b %Y")))
            month = d.month - 1 + step
            d = dt.date(d.year + month // 12, month % 12 + 1, 1)
    else:
        for year in range(first.year + (first > dt.date(first.year, 1, 1)), last.year + 1):
            out.append((dt.date(year, 1, 1), str(year)))
    return out


def timeline_chart(spans: Sequence[Span], *, title: str = "Timeline of the incidents") -> str:
    """The chart as one `<svg>` element."""
    dated = [s for s in spans if s.start is not None and s.end is not None]
    height = TOP + ROW * max(len(spans), 1) + BOTTOM
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="timeline" viewBox="0 0 {WIDTH:.0f} '
        f'{height:.0f}" width="{WIDTH:.0f}" height="{height:.0f}" role="img" '
        f'aria-label="{escape(title)}">',
        f"<title>{escape(title)}</title>",
    ]
    if dated:
        first = min(s.start for s in dated if s.start is not None)
        last = max(s.end for s in dated if s.end is not None)
        # Pad by a day on each side (and widen a one-day chart) so dots do not sit on the edge.
        first -= dt.timedelta(days=1)
        last += dt.timedelta(days=1)
        total = max((last - first).days, 1)
        inner = WIDTH - LEFT - RIGHT

        def x_of(day: dt.date) -> float:
            return round(LEFT + (day - first).days / total * inner, 1)

        axis_y = height - BOTTOM + 4
        out.append(
            f'<line x1="{LEFT:.0f}" y1="{axis_y:.1f}" x2="{WIDTH - RIGHT:.0f}" '
            f'y2="{axis_y:.1f}" stroke="#333" stroke-width="0.8"/>'
        )
        for day, label in _ticks(first, last):
            x = x_of(day)
            out.append(
                f'<line x1="{x:.1f}" y1="{TOP - 6:.0f}" x2="{x:.1f}" y2="{axis_y + 3:.1f}" '
                'stroke="#dddddd" stroke-width="0.5"/>'
            )
            out.append(
                f'<text x="{x:.1f}" y="{axis_y + 14:.1f}" font-size="8" fill="#333" '
                f'text-anchor="middle">{escape(label)}</text>'
            )
    for row, s in enumerate(spans):
        y = TOP + ROW * row + ROW / 2
        out.append(
            f'<text x="{LEFT - 8:.0f}" y="{y + 3:.1f}" font-size="8" fill="#222" '
            f'text-anchor="end">{s.number}. {escape(_short(s.label))}</text>'
        )
        if s.start is None or s.end is None or not dated:
            out.append(
                f'<text x="{LEFT + 4:.0f}" y="{y + 3:.1f}" font-size="8" fill="#888">'
                "date unknown</text>"
            )
            continue
        # A day occupies [its start, the next day's start): a dot sits in its middle, a bar
        # covers its last day whole.
        x1, x2 = x_of(s.start), x_of(s.end + dt.timedelta(days=1))
        tip = f"{s.start.isoformat()}" + ("" if s.start == s.end else f" – {s.end.isoformat()}")
        tip += f" ({s.precision})"
        if s.start == s.end and s.precision == "day":
            out.append(
                f'<circle cx="{(x1 + x2) / 2:.1f}" cy="{y:.1f}" r="4.5" fill="#8b1e1e">'
                f"<title>{escape(tip)}</title></circle>"
            )
        else:
            w = max(round(x2 - x1, 1), 3.0)
            out.append(
                f'<rect x="{x1:.1f}" y="{y - 4:.1f}" width="{w:.1f}" height="8" rx="2" '
                f'fill="#d9a0a0" stroke="#8b1e1e" stroke-width="0.7">'
                f"<title>{escape(tip)}</title></rect>"
            )
    out.append("</svg>")
    return "\n".join(out)


def _short(text: str, limit: int = 26) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
