"""Incidents counted rather than listed: the map's grid of clusters, the timeline's counts by
period and the dashboard's figures, computed in SQL so that a reader's browser never receives
every incident of a large project.

Each function reads the current incidents through `queries.filter_conditions` (the list filters, and for
a reader without access to restricted data, no incident restricted as a whole nor one none of
whose claims they may see). An incident some of whose claims the reader may not see is told
by its other claims, which may move it, date it or count it otherwise: the caller names those
incidents in `skip` (left out of the SQL) and passes them as the reader sees them in `extra`
(`IncidentSummary` rows, added here in Python), so every count is of what the reader may see.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, Integer, case, cast, func, select

from factfinder.geo.admin import admin1_table
from factfinder.model import Figure, format_figure
from factfinder.report.charts import PERIODS, period_end, period_start
from factfinder.services.incidents.queries import (
    IncidentFilters,
    IncidentSummary,
    filter_conditions,
    latest_run_id,
    summary_from_row,
)
from factfinder.services.project import Project
from factfinder.store.schema import ledger, ledger_head
from factfinder.store.schema_incidents import incidents
from factfinder.vocab import GRADES

SERIES = ("perpetrator", "grade")
MEASURES = ("incidents", "civilians")
# Below this many incidents in view the map receives them one by one (and clusters them in the
# browser); above it, the server's grid cells.
POINTS_MAX = 400
# A grid cell is a quarter of a 256-pixel map tile at the zoom asked for (about 64 pixels).
CELL_PIXELS = 64
MAX_ZOOM = 18
UNGRADED = "ungraded"
# Up to this zoom the map's grid is counted once over every matching incident and kept (a few
# thousand cells at most); a box is then a choice among them. Closer in, a box holds few enough
# incidents to be counted on request, and its count is kept by the box (a view shared, reloaded
# or panned back to is not counted again).
WHOLE_GRID_ZOOM = 9
CACHE_SIZE = 128

_cache: OrderedDict[tuple[Any, ...], Any] = OrderedDict()
_cache_lock = threading.Lock()


def _cached(key: tuple[Any, ...], compute: Callable[[], Any]) -> Any:
    """`compute()`, kept under `key` (least recently used dropped past `CACHE_SIZE`). Keys start
    with `_state`, the project's ledger head: whatever changes what is counted (a link run, a
    restriction mark or a release, a decision) appends a ledger entry in its transaction, so a
    kept answer is never stale."""
    with _cache_lock:
        if key in _cache:
            _cache.move_to_end(key)
            return _cache[key]
    value = compute()
    with _cache_lock:
        _cache[key] = value
        while len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)
    return value


def _state(project: Project, conn: Connection) -> tuple[Any, ...]:
    """What the aggregates depend on besides their arguments: the project (its folder too:
    copies of one project share its log id) and its ledger head — the size and the last
    entry's leaf hash, so that a ledger replaced by another of the same size is told apart."""
    head = ledger_head.c
    row = conn.execute(
        select(head.size, ledger.c.leaf_hash)
        .select_from(ledger_head.outerjoin(ledger, ledger.c.seq == head.size - 1))
        .where(head.id == 1)
    ).one()
    return (str(project.root), project.log_id, int(row.size), row.leaf_hash)


def _run(conn: Connection, state: tuple[Any, ...]) -> int | None:
    """The latest link run (kept with the ledger head)."""
    run_id: int | None = _cached(("run", *state), lambda: latest_run_id(conn))
    return run_id


@dataclass(frozen=True, slots=True)
class Bounds:
    south: float
    west: float
    north: float
    east: float

    def holds(self, lat: float | None, lon: float | None) -> bool:
        return (
            lat is not None
            and lon is not None
            and self.south <= lat <= self.north
            and self.west <= lon <= self.east
        )


@dataclass(slots=True)
class Cell:
    """A grid cell's incidents: how many, their civilians killed (sum of minimums), their
    grades, their mean position and the box they span."""

    count: int = 0
    civilians: int = 0
    grades: dict[str, int] = field(default_factory=dict)
    lat_sum: float = 0.0
    lon_sum: float = 0.0
    south: float = 90.0
    west: float = 180.0
    north: float = -90.0
    east: float = -180.0

    def add(self, row: IncidentSummary) -> None:
        assert row.lat is not None and row.lon is not None
        self.count += 1
        self.civilians += _minimum(row.civilians)
        key = row.grade or UNGRADED
        self.grades[key] = self.grades.get(key, 0) + 1
        self.lat_sum += row.lat
        self.lon_sum += row.lon
        self.south, self.north = min(self.south, row.lat), max(self.north, row.lat)
        self.west, self.east = min(self.west, row.lon), max(self.east, row.lon)

    def to_json(self) -> dict[str, Any]:
        return {
            "lat": round(self.lat_sum / self.count, 5),
            "lon": round(self.lon_sum / self.count, 5),
            "count": self.count,
            "civilians_killed": self.civilians,
            "grades": dict(sorted(self.grades.items())),
            "bounds": [self.south, self.west, self.north, self.east],
        }


@dataclass(frozen=True, slots=True)
class MapView:
    """What the map draws for bounds and zoom: `points` (one by one, when few) or `cells`
    (server clusters), the labels of the places with incidents in view, and how many incidents
    match the filters but have no coordinates."""

    zoom: int
    cell: float
    total: int
    points: list[dict[str, Any]]
    cells: list[dict[str, Any]]
    places: list[dict[str, Any]]
    governorates: list[dict[str, Any]]
    unlocated: int


def _minimum(value: Mapping[str, Any] | None) -> int:
    return int(value.get("min") or 0) if value else 0


def cell_size(zoom: int) -> float:
    """The grid cell in degrees at `zoom` (`CELL_PIXELS` of a 256-pixel tile)."""
    return 360.0 / (2 ** max(0, min(MAX_ZOOM, zoom))) * CELL_PIXELS / 256


def _floor(conn: Connection, value: Any) -> Any:
    # Coordinates are shifted to be positive first, so a cast truncates like a floor on
    # SQLite; PostgreSQL rounds a cast, so it floors explicitly.
    if conn.dialect.name == "sqlite":
        return cast(value, Integer)
    return cast(func.floor(value), Integer)


def _conds(
    conn: Connection, run_id: int, filters: IncidentFilters, skip: Iterable[str]
) -> list[Any]:
    conds = filter_conditions(conn, run_id, filters)[0]
    skipped = sorted(set(skip))
    if skipped:
        conds.append(incidents.c.incident_id.not_in(skipped))
    return conds


def _in_bounds(b: Bounds) -> list[Any]:
    c = incidents.c
    return [c.lat >= b.south, c.lat <= b.north, c.lon >= b.west, c.lon <= b.east]


def _matches(row: IncidentSummary, filters: IncidentFilters) -> bool:
    """Does a retold row still meet the filters its incident was selected by? (Text search
    was applied to the incident as stored.)"""
    if filters.date_from and (row.date_end or row.date_start or "") < filters.date_from:
        return False
    if filters.date_to and (row.date_start or "9999") > filters.date_to:
        return False
    for value, wanted in (
        (row.governorate, filters.governorate),
        (row.perpetrator, filters.perpetrator),
        (row.event_type, filters.event_type),
        (row.grade, filters.grade),
    ):
        if wanted and value != wanted:
            return False
    return True


def map_view(
    project: Project,
    filters: IncidentFilters,
    bounds: Bounds,
    zoom: int,
    *,
    skip: Iterable[str] = (),
    extra: Sequence[IncidentSummary] = (),
    points_max: int | None = None,
) -> MapView:
    """The incidents in `bounds` at `zoom`: each one when at most `points_max` are in view,
    else counted in grid cells of `cell_size(zoom)` degrees (only cells with incidents; up to
    `WHOLE_GRID_ZOOM`, every cell that overlaps the box, whole)."""
    c = incidents.c
    points_max = POINTS_MAX if points_max is None else points_max
    size = cell_size(zoom)
    skipped = frozenset(skip)
    extra = [r for r in extra if _matches(r, filters)]
    seen = [r for r in extra if bounds.holds(r.lat, r.lon)]
    with project.read() as conn:
        state = _state(project, conn)
        run_id = _run(conn, state)
        if run_id is None:
            return MapView(zoom, size, 0, [], [], [], [], 0)
        key = (*state, filters, skipped)
        # The conditions are built only when something is counted (they read the marks).
        made: list[list[Any]] = []

        def conds() -> list[Any]:
            if not made:
                made.append(_conds(conn, run_id, filters, skipped))
            return made[0]

        def box() -> list[Any]:
            return [*conds(), *_in_bounds(bounds)]

        # Are there few enough to send one by one? (Stops at the first `points_max + 1`: the
        # ids come from the map's covering index; the rows are then read by their key.)
        few: list[str] = _cached(
            ("few", *key, bounds, points_max),
            lambda: list(
                conn.execute(select(c.incident_id).where(*box()).limit(points_max + 1)).scalars()
            ),
        )
        unlocated = _cached(
            ("unlocated", *key),
            lambda: int(
                conn.execute(
                    select(func.count()).select_from(incidents).where(*conds(), c.lat.is_(None))
                ).scalar_one()
            ),
        ) + sum(1 for r in extra if r.lat is None)
        points: list[dict[str, Any]] = []
        cells: list[dict[str, Any]] = []
        if len(few) + len(seen) <= points_max:
            kept: list[dict[str, Any]] = _cached(
                ("points", *key, bounds, points_max),
                lambda: [
                    _point_of_row(r)
                    for r in (
                        conn.execute(
                            select(incidents)
                            .where(c.run_id == run_id, c.incident_id.in_(few))
                            .order_by(c.incident_id)
                        )
                        if few
                        else []
                    )
                ],
            )
            points = [*kept, *(_point(r, None) for r in seen)]
            total = len(points)
        else:
            if zoom <= WHOLE_GRID_ZOOM:
                whole = _cached(("grid", *key, zoom), lambda: _grid(conn, conds(), size))
                lo_x, hi_x = int((bounds.west + 180.0) // size), int((bounds.east + 180.0) // size)
                lo_y, hi_y = int((bounds.south + 90.0) // size), int((bounds.north + 90.0) // size)
                grid = {
                    k: _copy(v)
                    for k, v in whole.items()
                    if lo_x <= k[0] <= hi_x and lo_y <= k[1] <= hi_y
                }
            else:
                # Closer in, a box's cells hold only its own incidents: kept by the box.
                boxed = _cached(("box", *key, zoom, bounds), lambda: _grid(conn, box(), size))
                grid = {k: _copy(v) for k, v in boxed.items()}
            for row in seen:
                assert row.lat is not None and row.lon is not None
                cell_key = (int((row.lon + 180.0) // size), int((row.lat + 90.0) // size))
                grid.setdefault(cell_key, Cell()).add(row)
            cells = [grid[k].to_json() for k in sorted(grid)]
            total = sum(cell["count"] for cell in cells)
        named = _cached(("places", *key), lambda: _places(conn, conds()))
    places, governorates = _labels(named, bounds, seen)
    return MapView(zoom, size, total, points, cells, places, governorates, unlocated)


def _copy(cell: Cell) -> Cell:
    return Cell(
        cell.count,
        cell.civilians,
        dict(cell.grades),
        cell.lat_sum,
        cell.lon_sum,
        cell.south,
        cell.west,
        cell.north,
        cell.east,
    )


def _grid(conn: Connection, conds: list[Any], size: float) -> dict[tuple[int, int], Cell]:
    """The incidents meeting `conds` counted by grid cell of `size` degrees."""
    c = incidents.c
    gx = _floor(conn, (c.lon + 180.0) / size).label("gx")
    gy = _floor(conn, (c.lat + 90.0) / size).label("gy")
    grade_cols = [func.sum(case((c.grade == g, 1), else_=0)).label(f"g_{g}") for g in GRADES]
    query = (
        select(
            gx,
            gy,
            func.count().label("n"),
            func.coalesce(func.sum(c.civilians_min), 0).label("civ"),
            func.sum(c.lat).label("slat"),
            func.sum(c.lon).label("slon"),
            func.min(c.lat).label("s"),
            func.max(c.lat).label("n_"),
            func.min(c.lon).label("w"),
            func.max(c.lon).label("e"),
            *grade_cols,
        )
        .where(*conds, c.lat.is_not(None), c.lon.is_not(None))
        .group_by(gx, gy)
    )
    grid: dict[tuple[int, int], Cell] = {}
    for r in conn.execute(query):
        grades = {g: int(getattr(r, f"g_{g}") or 0) for g in GRADES}
        ungraded = int(r.n) - sum(grades.values())
        if ungraded:
            grades[UNGRADED] = ungraded
        grid[(int(r.gx), int(r.gy))] = Cell(
            int(r.n),
            int(r.civ or 0),
            {g: n for g, n in grades.items() if n},
            float(r.slat),
            float(r.slon),
            float(r.s),
            float(r.w),
            float(r.n_),
            float(r.e),
        )
    return grid


LABELS_MAX = 60


def _places(conn: Connection, conds: list[Any]) -> list[tuple[str, str | None, float, float, int]]:
    """(place, governorate, mean latitude, mean longitude, incidents) of the incidents meeting
    `conds` that have coordinates."""
    c = incidents.c
    rows = conn.execute(
        select(c.place, c.governorate, func.avg(c.lat), func.avg(c.lon), func.count())
        .where(*conds, c.place.is_not(None), c.lat.is_not(None))
        .group_by(c.place, c.governorate)
    )
    return [(p, g, float(lat), float(lon), int(n)) for p, g, lat, lon, n in rows]


def _labels(
    named: Sequence[tuple[str, str | None, float, float, int]],
    bounds: Bounds,
    extra: Sequence[IncidentSummary],
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(the places with incidents in view, most incidents first, at most `LABELS_MAX`; the
    governorates with incidents in view and how many), named as the gazetteer names them."""
    places: dict[tuple[str, float, float], int] = {}
    govs: dict[str, int] = {}
    for name, gov, lat, lon, n in named:
        if not bounds.holds(lat, lon):
            continue
        key = (name, round(lat, 4), round(lon, 4))
        places[key] = places.get(key, 0) + n
        if gov:
            govs[gov] = govs.get(gov, 0) + n
    for r in extra:
        if r.place and r.lat is not None and r.lon is not None:
            key = (r.place, round(r.lat, 4), round(r.lon, 4))
            places[key] = places.get(key, 0) + 1
        if r.governorate:
            govs[r.governorate] = govs.get(r.governorate, 0) + 1
    place_list = [
        {"name": name, "lat": lat, "lon": lon, "count": n}
        for (name, lat, lon), n in sorted(places.items(), key=lambda kv: (-kv[1], kv[0][0]))
    ][:LABELS_MAX]
    points = _governorate_points()
    gov_list = [
        {"name": name, "lat": at[0] if at else None, "lon": at[1] if at else None, "count": n}
        for name, n in sorted(govs.items())
        for at in [points.get(name)]
    ]
    return place_list, gov_list


@lru_cache(maxsize=1)
def _governorate_points() -> dict[str, tuple[float, float]]:
    """Governorate name (as incidents name it) → its label point, from the shipped table."""
    return {a.name: (a.lat, a.lon) for a in admin1_table().values()}


def _point_of_row(row: Any) -> dict[str, Any]:
    try:
        body = json.loads(row.body)
    except (TypeError, ValueError):
        body = {}
    return _point(summary_from_row(row), body)


def _figure(body: Mapping[str, Any] | None, what: str, fallback: Mapping[str, Any] | None) -> str:
    found = ((body or {}).get("killed") or {}).get(what)
    if isinstance(found, Mapping):
        try:
            return format_figure(Figure.from_json(found))
        except Exception:  # a malformed stored figure is written from its columns
            pass
    return format_figure(Figure.from_json(dict(fallback)) if fallback else None)


def _point(row: IncidentSummary, body: Mapping[str, Any] | None) -> dict[str, Any]:
    """One incident for the map: where, when, who is alleged, its figures in the reports'
    words (`format_figure`), its grade, and how precise its place is."""
    places = (body or {}).get("places") or []
    first = places[0] if places and isinstance(places[0], Mapping) else {}
    precision = first.get("precision") or (
        "governorate" if row.place and row.place == row.governorate else "town"
    )
    return {
        "id": row.id,
        "lat": row.lat,
        "lon": row.lon,
        "date": row.date_start,
        "date_end": row.date_end,
        "date_precision": row.date_precision,
        "place": row.place,
        "governorate": row.governorate,
        "precision": precision,
        "perpetrator": row.perpetrator,
        "event_type": row.event_type,
        "grade": row.grade,
        "civilians_killed": _minimum(row.civilians),
        "killed_text": _figure(body, "total", row.killed),
        "civilians_text": _figure(body, "civilians", row.civilians),
    }


# --- Counts by period ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Periods:
    """Incidents (or civilians killed) per period by series (alleged perpetrator or grade),
    in date order, and how many matching incidents have no date, counted apart."""

    period: str
    by: str
    measure: str
    series: list[str]
    buckets: list[dict[str, Any]]
    undated: int
    total: int


def _valid_day(value: str | None) -> bool:
    if not value or len(value) < 10:
        return False
    try:
        dt.date.fromisoformat(value[:10])
    except ValueError:
        return False
    return True


def periods(
    project: Project,
    filters: IncidentFilters,
    *,
    period: str = "month",
    by: str = "perpetrator",
    measure: str = "incidents",
    skip: Iterable[str] = (),
    extra: Sequence[IncidentSummary] = (),
) -> Periods:
    """Incidents by the period their date starts in (`PERIODS`) and by `by` (`SERIES`):
    their number, or with `measure="civilians"` the sum of their civilians-killed minimums."""
    if period not in PERIODS:
        raise ValueError(f"period {period!r} is not one of {', '.join(PERIODS)}")
    if by not in SERIES:
        raise ValueError(f"series {by!r} is not one of {', '.join(SERIES)}")
    if measure not in MEASURES:
        raise ValueError(f"measure {measure!r} is not one of {', '.join(MEASURES)}")
    skipped = frozenset(skip)
    with project.read() as conn:
        state = _state(project, conn)
        run_id = _run(conn, state)
        if run_id is None:
            return Periods(period, by, measure, [], [], 0, 0)
        kept: tuple[dict[str, dict[str, int]], int] = _cached(
            ("periods", *state, filters, skipped, period, by, measure),
            lambda: _period_counts(conn, run_id, filters, skipped, period, by, measure),
        )
    counts = {start: dict(bucket) for start, bucket in kept[0].items()}
    undated = kept[1]
    for r in extra:
        if not _matches(r, filters):
            continue
        k = r.perpetrator if by == "perpetrator" else (r.grade or UNGRADED)
        v = 1 if measure == "incidents" else _minimum(r.civilians)
        if not _valid_day(r.date_start):
            undated += v
            continue
        assert r.date_start is not None
        start = period_start(r.date_start, period)
        bucket = counts.setdefault(start, {})
        bucket[k] = bucket.get(k, 0) + v
    totals: dict[str, int] = {}
    for bucket in counts.values():
        for k, v in bucket.items():
            totals[k] = totals.get(k, 0) + v
    order = [*GRADES, UNGRADED] if by == "grade" else []
    series = sorted(
        totals, key=lambda k: (order.index(k) if k in order else len(order), -totals[k], k)
    )
    buckets: list[dict[str, Any]] = [
        {
            "start": start,
            "end": period_end(start, period),
            "counts": {k: counts[start][k] for k in series if counts[start].get(k)},
            "total": sum(counts[start].values()),
        }
        for start in sorted(counts)
    ]
    return Periods(
        period,
        by,
        measure,
        series,
        buckets,
        undated,
        sum(sum(bucket.values()) for bucket in counts.values()) + undated,
    )


def _period_counts(
    conn: Connection,
    run_id: int,
    filters: IncidentFilters,
    skip: frozenset[str],
    period: str,
    by: str,
    measure: str,
) -> tuple[dict[str, dict[str, int]], int]:
    """({period start: {series: value}}, value of the undated) of the run's incidents."""
    c = incidents.c
    key_col = c.perpetrator if by == "perpetrator" else func.coalesce(c.grade, UNGRADED)
    value = func.count() if measure == "incidents" else func.coalesce(func.sum(c.civilians_min), 0)
    counts: dict[str, dict[str, int]] = {}
    undated = 0
    conds = _conds(conn, run_id, filters, skip)
    if period == "month":
        day = func.substr(c.date_start, 1, 7)
    elif period == "week" and conn.dialect.name == "sqlite":
        # The Monday of the week, in SQL (NULL for a date SQLite cannot read: undated).
        day = func.date(c.date_start, "-6 days", "weekday 1")
    else:
        # Days, folded into weeks here on other databases.
        day = func.substr(c.date_start, 1, 10)
    rows = conn.execute(
        select(day.label("d"), key_col.label("k"), value.label("v"))
        .where(*conds)
        .group_by(day, key_col)
    )
    starts: dict[str, str | None] = {}
    for d, k, v in rows:
        if d not in starts:
            text = (d + "-01") if period == "month" and d and len(d) == 7 else d
            starts[d] = period_start(text, period) if _valid_day(text) else None
        start = starts[d]
        if start is None:
            undated += int(v)
            continue
        bucket = counts.setdefault(start, {})
        bucket[k] = bucket.get(k, 0) + int(v)
    return counts, undated


def by_grade(
    project: Project,
    filters: IncidentFilters,
    *,
    skip: Iterable[str] = (),
    extra: Sequence[IncidentSummary] = (),
) -> dict[str, int]:
    """How many incidents have each grade (`GRADES`, then `UNGRADED`), grades with none left out."""
    c = incidents.c
    skipped = frozenset(skip)

    def count(conn: Connection, run_id: int) -> dict[str, int]:
        key = func.coalesce(c.grade, UNGRADED)
        conds = _conds(conn, run_id, filters, skipped)
        return {
            k: int(n)
            for k, n in conn.execute(select(key, func.count()).where(*conds).group_by(key))
        }

    with project.read() as conn:
        state = _state(project, conn)
        run_id = _run(conn, state)
        if run_id is None:
            return {}
        out = dict(
            _cached(
                ("grades", *state, filters, skipped),
                lambda: count(conn, run_id),
            )
        )
    for r in extra:
        if _matches(r, filters):
            out[r.grade or UNGRADED] = out.get(r.grade or UNGRADED, 0) + 1
    order = [*GRADES, UNGRADED]
    return {k: out[k] for k in sorted(out, key=lambda k: (order.index(k) if k in order else 99, k))}


__all__ = [
    "MEASURES",
    "PERIODS",
    "POINTS_MAX",
    "SERIES",
    "Bounds",
    "MapView",
    "Periods",
    "by_grade",
    "cell_size",
    "map_view",
    "period_end",
    "period_start",
    "periods",
]
