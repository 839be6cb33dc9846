"""The benchmark's reference incident store: an `IncidentSource` over one indexed table, used by
`bench_web.py` while the incidents area (issue #4) has no store of its own in this checkout.

It shows the access pattern the incident list needs at 100,000+ incidents and is what the
benchmark measures behind the real web stack (authentication, restriction filtering,
serialisation):

- keyset pagination on (date_start DESC, id DESC): a page costs the same at any depth (no
  OFFSET); the cursor is the last row's `date_start|id`;
- one composite index per filter column followed by the sort key, so a filtered page is an
  index range scan (and one for the common pair governorate + event type);
- text search through an FTS5 table over place, governorate and summary words.

Never used by the app itself.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, text

from factfinder.errors import NotFound
from factfinder.services.project import Project
from factfinder.web.incident_source import (
    IncidentDetail,
    IncidentFilter,
    IncidentPage,
    IncidentRow,
    LinkSummary,
)

EVENTS = ("airstrike", "shelling", "explosion", "shooting", "execution", "mass_grave")
GROUPS = ("syrian_government", "russia", "us_led_coalition", "isis", "armed_opposition", "unknown")
GRADES = ("confirmed", "fair", "weak", "contested", "discounted")
FILTERS = ("governorate", "event_type", "perpetrator", "grade")

DDL = [
    "CREATE TABLE IF NOT EXISTS bench_incidents (id TEXT PRIMARY KEY, date_start TEXT NOT NULL,"
    " date_end TEXT, date_precision TEXT, place TEXT, governorate TEXT, lat REAL, lon REAL,"
    " event_type TEXT, perpetrator TEXT, killed_min INTEGER, killed_max INTEGER,"
    " civilians_min INTEGER, civilians_max INTEGER, grade TEXT, sources INTEGER,"
    " members INTEGER)",
    "CREATE INDEX IF NOT EXISTS ix_bench_inc_date ON bench_incidents (date_start DESC, id DESC)",
    *(
        f"CREATE INDEX IF NOT EXISTS ix_bench_inc_{c} ON bench_incidents "
        f"({c}, date_start DESC, id DESC)"
        for c in FILTERS
    ),
    # Two filters at once (a governorate and an event type, the most common pair) count and
    # page from one index range.
    "CREATE INDEX IF NOT EXISTS ix_bench_inc_gov_event ON bench_incidents "
    "(governorate, event_type, date_start DESC, id DESC)",
    "CREATE VIRTUAL TABLE IF NOT EXISTS bench_incident_search USING fts5(place, governorate,"
    " words, content='')",
]


def seed(
    project: Project, n: int, rng: random.Random, places: Sequence[tuple[str, float, float]]
) -> int:
    """Write `n` incidents over 2011–2024 (a few reports each) into the reference table."""
    with project.transaction("bench:seed") as tx:
        for stmt in DDL:
            tx.conn.exec_driver_sql(stmt)
        rows, words = [], []
        for i in range(1, n + 1):
            place, lat, lon = rng.choice(places)
            day = rng.randint(0, 14 * 365)
            year, doy = 2011 + day // 365, day % 365
            date = f"{year}-{1 + doy // 31 % 12:02d}-{1 + doy % 28:02d}"
            lo = rng.choice([None, rng.randint(0, 40), rng.randint(0, 400)])
            event = rng.choice(EVENTS)
            rows.append(
                {
                    "id": f"inc-{i:06d}",
                    "date_start": date,
                    "date_end": date,
                    "date_precision": "day",
                    "place": place,
                    "governorate": place,
                    "lat": lat + rng.uniform(-0.3, 0.3),
                    "lon": lon + rng.uniform(-0.3, 0.3),
                    "event_type": event,
                    "perpetrator": rng.choice(GROUPS),
                    "killed_min": lo,
                    "killed_max": None if lo is None else lo + rng.randint(0, 10),
                    "civilians_min": None if lo is None else lo // 2,
                    "civilians_max": None,
                    "grade": rng.choice(GRADES),
                    "sources": rng.randint(1, 4),
                    "members": rng.randint(1, 6),
                }
            )
            words.append(
                {
                    "rowid": i,
                    "place": place,
                    "governorate": place,
                    "words": f"{event} {date[:4]} {place} {rng.choice(GROUPS)}",
                }
            )
            if len(rows) == 10_000:
                _flush(tx.conn, rows, words)
                rows, words = [], []
        if rows:
            _flush(tx.conn, rows, words)
        tx.conn.exec_driver_sql("ANALYZE")  # statistics for the planner's index choice
    return n


def _flush(conn: Connection, rows: list[dict[str, Any]], words: list[dict[str, Any]]) -> None:
    cols = list(rows[0])
    conn.execute(
        text(
            f"INSERT INTO bench_incidents ({', '.join(cols)}) VALUES "
            f"({', '.join(':' + c for c in cols)})"
        ),
        rows,
    )
    conn.execute(
        text(
            "INSERT INTO bench_incident_search (rowid, place, governorate, words) "
            "VALUES (:rowid, :place, :governorate, :words)"
        ),
        words,
    )


def _row(r: Any) -> IncidentRow:
    def rng(lo: int | None, hi: int | None) -> dict[str, int | None] | None:
        return None if lo is None and hi is None else {"min": lo, "max": hi}

    return IncidentRow(
        id=r.id,
        date_start=r.date_start,
        date_end=r.date_end,
        date_precision=r.date_precision,
        place=r.place,
        governorate=r.governorate,
        lat=r.lat,
        lon=r.lon,
        event_type=r.event_type,
        perpetrator=r.perpetrator,
        killed=rng(r.killed_min, r.killed_max),
        civilians=rng(r.civilians_min, r.civilians_max),
        grade=r.grade,
        independent_sources=r.sources,
        members=r.members,
    )


class ReferenceSource:
    """Read side only: the benchmark does not decide anything."""

    def _where(self, f: IncidentFilter) -> tuple[list[str], dict[str, Any]]:
        conds, params = [], {}
        for column in FILTERS:
            value = getattr(f, column)
            if value:
                conds.append(f"{column} = :{column}")
                params[column] = value
        if f.date_from:
            conds.append("date_start >= :date_from")
            params["date_from"] = f.date_from
        if f.date_to:
            conds.append("date_start <= :date_to")
            params["date_to"] = f.date_to
        if f.q:
            terms = " ".join('"' + w.replace('"', "") + '"' for w in f.q.split())
            conds.append(
                "rowid IN (SELECT rowid FROM bench_incident_search "
                "WHERE bench_incident_search MATCH :q)"
            )
            params["q"] = terms
        return conds, params

    def list(
        self, project: Project, filters: IncidentFilter, *, limit: int, after: str | None
    ) -> IncidentPage:
        conds, params = self._where(filters)
        where = " AND ".join(conds) or "1 = 1"
        page_conds = list(conds)
        if after:
            day, _, last = after.partition("|")
            # A row-value comparison, which SQLite (≥ 3.15) and PostgreSQL answer with an index
            # range scan; the equivalent OR of two conditions is not.
            page_conds.append("(date_start, id) < (:a_day, :a_id)")
            params.update(a_day=day, a_id=last)
        with project.read() as conn:
            count = conn.execute(
                text(f"SELECT count(*) FROM bench_incidents WHERE {where}"), params
            ).scalar_one()
            rows = conn.execute(
                text(
                    "SELECT * FROM bench_incidents WHERE "
                    + (" AND ".join(page_conds) or "1 = 1")
                    + " ORDER BY date_start DESC, id DESC LIMIT :lim"
                ),
                {**params, "lim": limit + 1},
            ).all()
        more = len(rows) > limit
        rows = rows[:limit]
        cursor = f"{rows[-1].date_start}|{rows[-1].id}" if more and rows else None
        return IncidentPage([_row(r) for r in rows], int(count), cursor)

    def timeline(self, project: Project, filters: IncidentFilter) -> Sequence[tuple[str, int]]:
        conds, params = self._where(filters)
        with project.read() as conn:
            return [
                (m, int(n))
                for m, n in conn.execute(
                    text(
                        "SELECT substr(date_start, 1, 7) AS m, count(*) FROM bench_incidents WHERE "
                        + (" AND ".join(conds) or "1 = 1")
                        + " GROUP BY m ORDER BY m"
                    ),
                    params,
                )
            ]

    def get(self, project: Project, incident_id: str) -> IncidentDetail:
        with project.read() as conn:
            r = conn.execute(
                text("SELECT * FROM bench_incidents WHERE id = :id"), {"id": incident_id}
            ).first()
        if r is None:
            raise NotFound(f"no incident {incident_id!r}")
        return IncidentDetail(_row(r), [], {}, [])

    def link(self, project: Project, *, actor: str) -> LinkSummary:
        raise NotImplementedError

    def merge(self, project: Project, ids: Sequence[str], *, reason: str, actor: str) -> str:
        raise NotImplementedError

    def split(
        self,
        project: Project,
        incident_id: str,
        claim_ids: Sequence[int],
        *,
        reason: str,
        actor: str,
    ) -> str:
        raise NotImplementedError

    def confirm(self, project: Project, incident_id: str, *, reason: str, actor: str) -> None:
        raise NotImplementedError

    def set_grade(
        self, project: Project, incident_id: str, grade: str, *, reason: str, actor: str
    ) -> None:
        raise NotImplementedError


def app_factory() -> Any:
    """The app for `uvicorn --factory` with the reference store installed (settings from the
    environment, like `factfinder.web.main:app_from_environment`)."""
    from factfinder.web.main import app_from_environment

    app = app_from_environment()
    app.state.incident_source = ReferenceSource()
    return app
