"""The incident map of a report: an SVG drawn offline from the boundaries `factfinder.geo` ships.

`incident_map(markers)` frames the countries the incidents are in (or the incidents themselves
when no shipped country holds them), draws country outlines and governorates, shades the
governorates of incidents only known to governorate precision, puts a numbered marker on every
incident with a point, and writes the governorates' names over everything else. Output is a deterministic function of its input — coordinates are
rounded to 0.1 px and features drawn in data order — so a report rebuilt later is byte-identical.

The projection is equirectangular with longitudes scaled by the cosine of the frame's middle
latitude: for a country-sized frame the distortion is negligible and nothing needs a GIS library.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape
from typing import Any

WIDTH = 640.0
MAX_HEIGHT = 520.0
MARGIN_DEG = 0.25
MIN_SPAN_DEG = 1.0


@dataclass(frozen=True, slots=True)
class Marker:
    """One incident on the map: its number in the report, a point and/or a governorate."""

    number: int
    lat: float | None
    lon: float | None
    admin1: str | None = None
    country: str | None = None
    label: str = ""
    areas: tuple[str, ...] = ()  # governorates to shade when there is no point (all it names)


@dataclass(frozen=True, slots=True)
class Frame:
    west: float
    south: float
    east: float
    north: float

    @property
    def kx(self) -> float:
        return math.cos(math.radians((self.south + self.north) / 2))

    def size(self) -> tuple[float, float]:
        span_x = (self.east - self.west) * self.kx
        span_y = self.north - self.south
        scale = min(WIDTH / span_x, MAX_HEIGHT / span_y)
        return round(span_x * scale, 1), round(span_y * scale, 1)

    def project(self, lon: float, lat: float) -> tuple[float, float]:
        width, height = self.size()
        x = (lon - self.west) / (self.east - self.west) * width
        y = (self.north - lat) / (self.north - self.south) * height
        return round(x, 1), round(y, 1)


def _rings(geometry: dict[str, Any]) -> Iterable[Sequence[Sequence[float]]]:
    if geometry["type"] == "Polygon":
        yield from geometry["coordinates"]
    elif geometry["type"] == "MultiPolygon":
        for polygon in geometry["coordinates"]:
            yield from polygon


def _bbox(features: Iterable[dict[str, Any]]) -> tuple[float, float, float, float] | None:
    xs: list[float] = []
    ys: list[float] = []
    for f in features:
        for ring in _rings(f["geometry"]):
            xs.extend(p[0] for p in ring)
            ys.extend(p[1] for p in ring)
    if not xs:
        return None
    return min(xs), min(ys), max(xs), max(ys)


def _countries(markers: Sequence[Marker], features: list[dict[str, Any]]) -> set[str]:
    """The countries the markers are in (a governorate-only marker: its governorate's)."""
    countries = {m.country for m in markers if m.country}
    for m in markers:
        names = set(m.areas) | ({m.admin1} if m.admin1 else set())
        if names and not m.country:
            countries |= {
                f["properties"]["country"]
                for f in features
                if f["properties"]["level"] == "admin1" and f["properties"]["name"] in names
            }
    return countries


def _frame(markers: Sequence[Marker], features: list[dict[str, Any]], countries: set[str]) -> Frame:
    holding = [
        f
        for f in features
        if f["properties"]["level"] == "country" and f["properties"]["country"] in countries
    ]
    box = _bbox(holding)
    points = [(m.lon, m.lat) for m in markers if m.lat is not None and m.lon is not None]
    if box is None and not points:
        # Nothing to place: show the whole shipped region.
        box = _bbox(f for f in features if f["properties"]["level"] == "country")
    west, south, east, north = box or (math.inf, math.inf, -math.inf, -math.inf)
    for lon, lat in points:
        west, east = min(west, lon), max(east, lon)
        south, north = min(south, lat), max(north, lat)
    if east - west < MIN_SPAN_DEG:
        mid = (east + west) / 2
        west, east = mid - MIN_SPAN_DEG / 2, mid + MIN_SPAN_DEG / 2
    if north - south < MIN_SPAN_DEG:
        mid = (north + south) / 2
        south, north = mid - MIN_SPAN_DEG / 2, mid + MIN_SPAN_DEG / 2
    return Frame(west - MARGIN_DEG, south - MARGIN_DEG, east + MARGIN_DEG, north + MARGIN_DEG)


def _path(frame: Frame, geometry: dict[str, Any]) -> str:
    parts = []
    for ring in _rings(geometry):
        pts = [frame.project(p[0], p[1]) for p in ring]
        parts.append("M" + " L".join(f"{x:.1f},{y:.1f}" for x, y in pts) + "Z")
    return "".join(parts)


def _label_points(frame: Frame, features: list[dict[str, Any]]) -> list[tuple[str, float, float]]:
    # Deferred: geo's tables and outlines load only when a map is drawn.
    from factfinder.geo.admin import admin1_table

    table = admin1_table()
    out = []
    for f in features:
        props = f["properties"]
        if props["level"] != "admin1":
            continue
        entry = table.get((props["country"], props["admin1code"]))
        if entry is None:
            continue
        if frame.west < entry.lon < frame.east and frame.south < entry.lat < frame.north:
            x, y = frame.project(entry.lon, entry.lat)
            out.append((props["name"], x, y))
    return out


def incident_map(markers: Sequence[Marker], *, title: str = "Map of the incidents") -> str:
    """The map as one `<svg>` element (no XML declaration), ready to inline in HTML."""
    # Deferred: geo's tables and outlines load only when a map is drawn.
    from factfinder.geo import boundaries

    features = boundaries()["features"]
    countries = _countries(markers, features)
    frame = _frame(markers, features, countries)
    width, height = frame.size()
    shaded = {
        a
        for m in markers
        if m.lat is None or m.lon is None
        for a in (m.areas or ((m.admin1,) if m.admin1 else ()))
    }
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="map" viewBox="0 0 {width:.1f} '
        f'{height:.1f}" width="{width:.1f}" height="{height:.1f}" role="img" '
        f'aria-label="{escape(title)}">',
        f"<title>{escape(title)}</title>",
        f'<rect x="0" y="0" width="{width:.1f}" height="{height:.1f}" fill="#eef3f7"/>',
    ]
    for f in features:
        if f["properties"]["level"] == "country":
            fill = "#ffffff" if f["properties"]["country"] in countries else "#f4f1ea"
            out.append(
                f'<path d="{_path(frame, f["geometry"])}" fill="{fill}" '
                'stroke="#8a8a8a" stroke-width="0.8"/>'
            )
    for f in features:
        props = f["properties"]
        if props["level"] == "admin1":
            fill = "#f6d7a7" if props["name"] in shaded else "none"
            out.append(
                f'<path d="{_path(frame, f["geometry"])}" fill="{fill}" '
                'stroke="#b9b9b9" stroke-width="0.5" stroke-dasharray="2,1.5">'
                f"<title>{escape(props['name'])}</title></path>"
            )
    placed: dict[tuple[float, float], int] = {}
    drawn: list[tuple[float, float]] = []  # the markers' centres, which the names keep clear of
    for m in markers:
        if m.lat is None or m.lon is None:
            continue
        x, y = frame.project(m.lon, m.lat)
        # Incidents at the same point fan out so that every number stays readable.
        k = placed.get((x, y), 0)
        placed[(x, y)] = k + 1
        dx = 0.0 if k == 0 else round(20 * math.cos(k * 2.1), 1)
        dy = 0.0 if k == 0 else round(20 * math.sin(k * 2.1), 1)
        cx, cy = round(x + dx, 1), round(y + dy, 1)
        drawn.append((cx, cy))
        if k:
            out.append(
                f'<line x1="{x:.1f}" y1="{y:.1f}" x2="{cx:.1f}" y2="{cy:.1f}" '
                'stroke="#8b1e1e" stroke-width="0.7"/>'
            )
        out.append(
            f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="10" fill="#8b1e1e" stroke="#ffffff" '
            f'stroke-width="1"><title>{escape(m.label)}</title></circle>'
        )
        out.append(
            f'<text x="{cx:.1f}" y="{cy + 4:.1f}" font-size="12" font-weight="bold" '
            f'fill="#ffffff" text-anchor="middle">{m.number}</text>'
        )
    # Place names last, over everything (drawn under the markers, a name at an incident's town
    # was hidden), moved off the markers and off each other, each on a white halo — a copy of
    # the text stroked wide, not `paint-order`, which the PDF renderer does not know.
    for name, x, y in _placed_labels(_label_points(frame, features), drawn):
        text = escape(name)
        at = f'x="{x:.1f}" y="{y:.1f}" font-size="12" text-anchor="middle"'
        out.append(
            f'<g class="place-label"><text {at} fill="#ffffff" stroke="#ffffff" '
            f'stroke-width="3" stroke-linejoin="round" stroke-opacity="0.85">{text}</text>'
            f'<text {at} fill="#444444">{text}</text></g>'
        )
    out.append(_scale_bar(frame, height))
    out.append("</svg>")
    return "\n".join(out)


# Where a name may go, tried in turn: at its point, then below or above, then further.
LABEL_SHIFTS = (0.0, 16.0, -16.0, 28.0, -28.0, 40.0, -40.0)
MARKER_R = 11.0  # a marker's radius and its white ring


def label_box(name: str, x: float, y: float) -> tuple[float, float, float, float]:
    """The box a name set at (x, y) in the map's 12 px sans-serif takes, roughly (0.65 em a
    character, a little more than DejaVu Sans takes): left, top, right, bottom."""
    half = 0.65 * 12 * len(name) / 2
    return x - half, y - 10, x + half, y + 3


def _placed_labels(
    labels: Sequence[tuple[str, float, float]], markers: Sequence[tuple[float, float]]
) -> list[tuple[str, float, float]]:
    """Each name at the first of `LABEL_SHIFTS` where its box clears every marker and every
    name placed before it (at its own point when none does)."""

    def clear(box: tuple[float, float, float, float], other: tuple[float, ...]) -> bool:
        return box[2] <= other[0] or other[2] <= box[0] or box[3] <= other[1] or other[3] <= box[1]

    taken = [(cx - MARKER_R, cy - MARKER_R, cx + MARKER_R, cy + MARKER_R) for cx, cy in markers]
    out = []
    for name, x, y in labels:
        at = y
        for shift in LABEL_SHIFTS:
            box = label_box(name, x, round(y + shift, 1))
            if all(clear(box, t) for t in taken):
                at = round(y + shift, 1)
                break
        taken.append(label_box(name, x, at))
        out.append((name, x, at))
    return out


def _scale_bar(frame: Frame, height: float) -> str:
    """A scale bar of a round number of kilometres, about a fifth of the width."""
    width, _ = frame.size()
    km_per_px = (frame.east - frame.west) * frame.kx * 111.32 / width
    target = km_per_px * width / 5
    step = max((s for s in (10, 20, 25, 50, 100, 200, 250, 500, 1000) if s <= target), default=10)
    px = round(step / km_per_px, 1)
    y = round(height - 12, 1)
    return (
        f'<g><line x1="12" y1="{y:.1f}" x2="{12 + px:.1f}" y2="{y:.1f}" stroke="#333" '
        f'stroke-width="2"/><text x="12" y="{y - 5:.1f}" font-size="12" fill="#333">'
        f"{step} km</text></g>"
    )
