"""Exports of a case file for other tools: CSV, GeoJSON, JSON Lines and a UCDP-GED-compatible CSV.

Each function turns a `CaseFile` into the bytes of one file, deterministically (rows in incident
order, keys in a fixed order), so an export names its checkpoint and can be rebuilt from it.

- `csv`: one row per incident (`INCIDENT_COLUMNS`): date, place, reconciled figures (min, max,
  best), grade, independent sources, the reports' hashes and the checkpoint.
- `geojson`: a FeatureCollection; each incident a Point at its most precise located place (null
  geometry when it has none), its properties the CSV row (`country`, the ISO code, from its
  places or else from its governorate); the collection's `factfinder` member names the case and
  the checkpoint.
- `jsonl`: one incident per line in the incident format of docs/CLAIMS.md (with its
  explanation: reconciliation, grading trace, source chains), plus the quoted claims, the
  sources and the checkpoint.
- `ged`: see `factfinder.report.ged` for the columns and precision codes.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from factfinder.errors import InvalidRecord
from factfinder.model import format_figure
from factfinder.report.ged import COLUMNS as GED_COLUMNS
from factfinder.report.ged import ged_row
from factfinder.report.model import CaseFile, IncidentEntry

FORMATS = ("csv", "geojson", "jsonl", "ged")
MEDIA_TYPES = {
    "csv": "text/csv",
    "geojson": "application/geo+json",
    "jsonl": "application/x-ndjson",
    "ged": "text/csv",
}
EXTENSIONS = {"csv": ".csv", "geojson": ".geojson", "jsonl": ".jsonl", "ged": ".ged.csv"}

INCIDENT_COLUMNS = (
    "incident",
    "number",
    "date_start",
    "date_end",
    "date_precision",
    "place",
    "admin1",
    "country",
    "lat",
    "lon",
    "place_precision",
    "event_types",
    "perpetrators",
    "killed_min",
    "killed_max",
    "killed_best",
    "killed_standing",
    "killed_text",
    "civilians_min",
    "civilians_max",
    "civilians_best",
    "civilians_standing",
    "civilians_text",
    "children_min",
    "children_max",
    "children_best",
    "children_standing",
    "children_text",
    "women_min",
    "women_max",
    "women_best",
    "women_standing",
    "women_text",
    "injured_min",
    "injured_max",
    "injured_best",
    "injured_standing",
    "injured_text",
    "grade",
    "independent_sources",
    "party_only",
    "reports",
    "sources",
    "case",
    "checkpoint_size",
    "checkpoint_root",
)
_COUNTS = (
    ("killed", "total", "killed"),
    ("killed", "civilians", "civilians"),
    ("killed", "children", "children"),
    ("killed", "women", "women"),
    ("injured", "total", "injured"),
)
_PLACE_ORDER = ("exact", "neighbourhood", "town", "district", "governorate", "country")


def incident_row(cf: CaseFile, e: IncidentEntry) -> dict[str, Any]:
    inc = e.incident
    places = sorted(
        inc.places,
        key=lambda p: _PLACE_ORDER.index(p.precision) if p.precision in _PLACE_ORDER else 9,
    )
    point = next((p for p in places if p.lat is not None and p.lon is not None), None)
    first = places[0] if places else None
    row: dict[str, Any] = {
        "incident": inc.incident,
        "number": e.number,
        "date_start": inc.date.start.isoformat() if inc.date and inc.date.start else None,
        "date_end": inc.date.end.isoformat() if inc.date and inc.date.end else None,
        "date_precision": inc.date.precision if inc.date else None,
        "place": first.name if first else None,
        "admin1": next((p.admin1 for p in places if p.admin1), None),
        "country": country_of(places),
        "lat": point.lat if point else None,
        "lon": point.lon if point else None,
        "place_precision": first.precision if first else None,
        "event_types": ";".join(e.event_types) or None,
        "perpetrators": ";".join(e.perpetrators) or None,
    }
    for what, key, name in _COUNTS:
        f = e.figure(what, key)
        row[f"{name}_min"], row[f"{name}_max"], row[f"{name}_best"] = f.min, f.max, f.best
        row[f"{name}_standing"] = f.standing
        row[f"{name}_text"] = format_figure(f) if f.known else None
    sources = sorted({c.source for c in e.claims})
    row.update(
        {
            "grade": inc.grade,
            "independent_sources": inc.independent_sources,
            "party_only": e.party_only,
            "reports": len(sources),
            "sources": ";".join(cf.source(n).hash for n in sources) or None,
            "case": cf.name if cf.case_id is not None else None,
            "checkpoint_size": cf.checkpoint.size,
            "checkpoint_root": cf.checkpoint.root,
        }
    )
    return row


def country_of(places: Sequence[Any]) -> str | None:
    """The incident's country (ISO code): its places' own, else that of its governorate."""
    country = next((p.country for p in places if p.country), None)
    admin1 = next((p.admin1 for p in places if p.admin1), None)
    if country is None and admin1:
        from factfinder.geo.admin import country_of_governorate

        country = country_of_governorate(admin1)
    return country


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _csv(columns: Sequence[str], rows: Iterable[dict[str, Any]]) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row[c]) for c in columns])
    return buf.getvalue().encode("utf-8")


def _json(obj: Any) -> str:
    return json.dumps(
        obj, ensure_ascii=False, sort_keys=False, separators=(",", ":"), allow_nan=False
    )


def to_csv(cf: CaseFile) -> bytes:
    return _csv(INCIDENT_COLUMNS, (incident_row(cf, e) for e in cf.incidents))


def to_ged(cf: CaseFile) -> bytes:
    return _csv(GED_COLUMNS, (ged_row(cf, e) for e in cf.incidents))


def provenance(cf: CaseFile) -> dict[str, Any]:
    return {
        "case": {"id": cf.case_id, "name": cf.name} if cf.case_id is not None else None,
        "checkpoint": cf.checkpoint.to_json(),
        "include_restricted": cf.include_restricted,
        "withheld": cf.withheld,
        "generator": cf.generator,
    }


def to_geojson(cf: CaseFile) -> bytes:
    features = []
    for e in cf.incidents:
        row = incident_row(cf, e)
        geometry = None
        if row["lat"] is not None and row["lon"] is not None:
            geometry = {"type": "Point", "coordinates": [row["lon"], row["lat"]]}
        features.append({"type": "Feature", "id": e.id, "geometry": geometry, "properties": row})
    doc = {"type": "FeatureCollection", "factfinder": provenance(cf), "features": features}
    return (json.dumps(doc, ensure_ascii=False, indent=1, allow_nan=False) + "\n").encode("utf-8")


def to_jsonl(cf: CaseFile) -> bytes:
    head = provenance(cf)
    lines = []
    for e in cf.incidents:
        obj = e.incident.to_json()
        sources = sorted({c.source for c in e.claims})
        obj.update(
            {
                "number": e.number,
                "claims": [c.to_json() for c in e.claims],
                "source_items": [cf.source(n).to_json() for n in sources],
                "notes": [
                    {
                        "text": n.text,
                        "actor": n.actor,
                        "created_at": n.created_at,
                        "ledger_seq": n.seq,
                    }
                    for n in e.notes
                ],
                "ledger_seq": e.seq,
                "checkpoint": {
                    "size": head["checkpoint"]["size"],
                    "root": head["checkpoint"]["root"],
                },
            }
        )
        lines.append(_json(obj))
    return ("".join(line + "\n" for line in lines)).encode("utf-8")


RENDERERS: dict[str, Callable[[CaseFile], bytes]] = {
    "csv": to_csv,
    "geojson": to_geojson,
    "jsonl": to_jsonl,
    "ged": to_ged,
}


def export_bytes(cf: CaseFile, fmt: str) -> bytes:
    """The export of `cf` in `fmt` (one of `FORMATS`)."""
    try:
        render = RENDERERS[fmt]
    except KeyError:
        raise InvalidRecord(f"export format {fmt!r} is not one of {', '.join(FORMATS)}") from None
    return render(cf)
