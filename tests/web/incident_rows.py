"""A link run of incidents written straight into the incidents area's tables (the rows that
lists, maps, timelines and the dashboard read; member claims are not needed for those), for
tests of the aggregates whose values must be known in advance."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

PLACES: dict[str, tuple[str, float, float]] = {
    "Raqqa": ("Raqqa", 35.9528, 39.0079),
    "Idlib": ("Idlib", 35.9306, 36.6339),
    "Hajin": ("Deir ez-Zor", 34.6951, 40.8314),
    "Mosul": ("Nineveh", 36.335, 43.1189),
}


def incident(
    number: int,
    *,
    date: str | None,
    place: str | None,
    perpetrator: str,
    civilians: int | None,
    grade: str | None,
    precision: str = "town",
    event_type: str = "airstrike",
    lat: float | None = None,
    lon: float | None = None,
) -> dict[str, Any]:
    """One row of the `incidents` table (`place` one of `PLACES`, or None: no coordinates)."""
    inc_id = f"inc-{number:06d}"
    governorate, plat, plon = PLACES[place] if place else (None, None, None)
    lat = plat if lat is None else lat
    lon = plon if lon is None else lon
    name = governorate if precision == "governorate" else place
    figure = (
        None
        if civilians is None
        else {"min": civilians, "max": civilians, "standing": "reported", "by": []}
    )
    body = {
        "incident": inc_id,
        "members": [],
        "date": {"start": date, "end": date, "precision": "day"} if date else None,
        "places": [{"name": name, "lat": lat, "lon": lon, "precision": precision}] if place else [],
        "killed": {"total": figure, "civilians": figure} if figure else {},
        "independent_sources": 1,
        "grade": grade,
    }
    return {
        "incident_id": inc_id,
        "date_start": date,
        "date_end": date,
        "date_precision": "day" if date else "unknown",
        "place": name,
        "governorate": governorate,
        "lat": lat,
        "lon": lon,
        "event_type": event_type,
        "perpetrator": perpetrator,
        "killed_min": civilians,
        "killed_max": civilians,
        "civilians_min": civilians,
        "civilians_max": civilians,
        "grade": grade,
        "independent_sources": 1,
        "members": 1,
        "confirmed": False,
        "body": json.dumps(body),
    }


def write_run(project: Any, rows: Iterable[Mapping[str, Any]]) -> int:
    """Write `rows` as a new link run (its ledger entry first); the run's id."""
    from sqlalchemy import func, insert, select

    from factfinder.store import schema_incidents as schema
    from factfinder.store.schema_claims import claims

    rows = list(rows)
    with project.transaction("test:setup") as tx:
        entry = tx.append_ledger("test.seed", {"incidents": len(rows)})
        seq = entry.seq
        run_id = (
            int(tx.conn.execute(select(func.coalesce(func.max(schema.link_runs.c.id), 0))).scalar())
            + 1
        )
        tx.conn.execute(
            insert(schema.link_runs).values(
                id=run_id,
                seq=seq,
                created_at=tx.now,
                actor="test:setup",
                claims=0,
                incidents=len(rows),
                versions="{}",
            )
        )
        if rows:
            tx.conn.execute(
                insert(schema.incidents), [{"run_id": run_id, "seq": seq, **r} for r in rows]
            )
            # Each incident gets a member claim of its own (a copy of the project's first
            # claim): an incident none of whose claims a reader may see is not shown to them.
            model = tx.conn.execute(select(claims).order_by(claims.c.id).limit(1)).mappings().one()
            first = int(tx.conn.execute(select(func.max(claims.c.id))).scalar()) + 1
            tx.conn.execute(
                insert(claims),
                [{**model, "id": first + i, "ordinal": i, "seq": seq} for i in range(len(rows))],
            )
            tx.conn.execute(
                insert(schema.incident_members),
                [
                    {
                        "run_id": run_id,
                        "claim_id": first + i,
                        "incident_id": r["incident_id"],
                        "ordinal": 0,
                    }
                    for i, r in enumerate(rows)
                ],
            )
    from factfinder.services.incidents.index import reindex

    reindex(project)
    return run_id
