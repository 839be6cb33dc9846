"""A UCDP-GED-compatible table: one row per incident under the column names of the UCDP
Georeferenced Event Dataset (codebook 19.1, the version the project's UCDP data uses), so tools
written for GED (R/pandas scripts, dashboards) read factfinder incidents unchanged.

Columns, in this order (`GED_COLUMNS`), and how factfinder fills them:

| column | filled with |
|---|---|
| `id`, `relid` | the incident id (`inc-000042`); GED's are integers, ours are not UCDP events |
| `year`, `active_year` | year of `date_start`; for an undated incident the year of the earliest report's publication, else of the checkpoint; `active_year` is empty (a UCDP dyad notion) |
| `code_status` | `Clear` when the incident has a date, a place, a known toll and a known type of violence; else `Check` and the first of them missing: `Check date`, `Check location`, `Check deaths`, `Check dyad` (the values of UCDP's candidate data; the conditions are factfinder's) |
| `type_of_violence` | 3 (one-sided violence) when the reconciled dead are all civilians; else 1 (state-based) when the alleged perpetrator is a state, 2 (non-state) when it is an armed group; empty when unknown |
| `conflict_new_id`, `dyad_new_id`, `side_a_new_id`, `side_b_new_id`, `priogrid_gid` | empty: UCDP's own identifiers, which factfinder does not assign |
| `conflict_name`, `dyad_name` | empty (UCDP's conflict and dyad registers) |
| `side_a` | the alleged perpetrator, with UCDP's actor name where it has one (`SIDE_A`) |
| `side_b` | `Civilians` for one-sided violence, else empty |
| `number_of_sources` | the number of reports (preserved items) behind the incident |
| `source_article` | `publisher, date, "title"` of each report, `;`-separated |
| `source_office` | the publishers, `;`-separated |
| `source_date` | the earliest publication date |
| `source_headline` | the titles, `;`-separated |
| `source_original` | the claimants (who made the claims), `;`-separated |
| `where_prec` | 1 exact location (place, neighbourhood, town); 3 district; 4 governorate; 6 country; empty when no place (codes 2, 5 and 7 are not produced) |
| `where_coordinates` | the most precise place's name |
| `where_description` | all place names, `;`-separated |
| `adm_1` | spelled as UCDP GED does: for Syria the UCDP name of the governorate (`UCDP_ADM_1`: `Ar Raqqah Governorate`, `Deir ez Zor Governorate`, …); elsewhere `<name> province` |
| `adm_2` | empty (factfinder's gazetteer has no second-order divisions) |
| `latitude`, `longitude`, `geom_wkt` | the point of the most precise place (`POINT (lon lat)`) |
| `country`, `country_id` | country name and Gleditsch–Ward number (Syria 652, Iraq 645, …) |
| `region` | `Middle East` for the countries factfinder ships |
| `event_clarity` | 1 (a single, clearly described incident) |
| `date_prec` | 1 exact day; 2 a span of 2–6 days; 3 a week; 4 a month; 5 a year or longer; empty when undated |
| `date_start`, `date_end` | the incident's date window (ISO dates), both filled whenever the incident has a date (an open end is the start, an open start the end) |
| `deaths_a`, `deaths_b` | 0: the sides' own dead are not separated (they are in `deaths_unknown`) |
| `deaths_civilians` | best estimate of civilians killed (its firmest minimum when there is no best), 0 when none is reported |
| `deaths_unknown` | `best` less `deaths_civilians`: the dead not known to be civilians, combatants of an unknown side among them |
| `best`, `low`, `high` | best estimate, firmest minimum and largest alleged figure of all killed (see below) |

The integer columns `year`, `best`, `low`, `high` and `deaths_*` are always filled, as in GED,
so `pandas.read_csv` reads them as integers. The rule for the toll:

- `best` is the reconciled best estimate of all killed, else its firmest minimum; with no total,
  the civilians' figure; with no figure at all, 0. It is never below `deaths_civilians`.
- `low` is the firmest minimum of all killed (else `best`); `high` the largest figure a source
  gives as an upper bound (else `best`). So an open range, "at least 26", is 26/26/26:
  `ff_high_open` is then `true`, saying that no source bounds the toll from above.
- `low <= best <= high` and `deaths_a + deaths_b + deaths_civilians + deaths_unknown == best`,
  as in GED.

After the GED columns come factfinder's own (`FACTFINDER_COLUMNS`, prefixed `ff_`): grade,
independent sources, party-only flag, event types, perpetrator groups, whether the toll is
open-ended (`ff_high_open`) and whether the toll was reported at all (`ff_deaths_reported`), the
reports' `sha256:` hashes and the checkpoint the table was built from.

The adm_1 spellings of `UCDP_ADM_1` are those of the UCDP Georeferenced Event Dataset (UCDP GED,
CC BY 4.0; Sundberg and Melander 2013; Högbladh, UCDP GED Codebook 19.1, Uppsala University).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from factfinder.report.model import CaseFile, IncidentEntry

GED_COLUMNS = (
    "id",
    "relid",
    "year",
    "active_year",
    "code_status",
    "type_of_violence",
    "conflict_new_id",
    "conflict_name",
    "dyad_new_id",
    "dyad_name",
    "side_a_new_id",
    "side_a",
    "side_b_new_id",
    "side_b",
    "number_of_sources",
    "source_article",
    "source_office",
    "source_date",
    "source_headline",
    "source_original",
    "where_prec",
    "where_coordinates",
    "where_description",
    "adm_1",
    "adm_2",
    "latitude",
    "longitude",
    "geom_wkt",
    "priogrid_gid",
    "country",
    "country_id",
    "region",
    "event_clarity",
    "date_prec",
    "date_start",
    "date_end",
    "deaths_a",
    "deaths_b",
    "deaths_civilians",
    "deaths_unknown",
    "best",
    "high",
    "low",
)
FACTFINDER_COLUMNS = (
    "ff_grade",
    "ff_independent_sources",
    "ff_party_only",
    "ff_event_types",
    "ff_perpetrators",
    "ff_high_open",
    "ff_deaths_reported",
    "ff_sources",
    "ff_checkpoint_size",
    "ff_checkpoint_root",
)
COLUMNS = GED_COLUMNS + FACTFINDER_COLUMNS

WHERE_PREC = {
    "exact": 1,
    "neighbourhood": 1,
    "town": 1,
    "district": 3,
    "governorate": 4,
    "country": 6,
}
STATES = {
    "syrian_government",
    "russia",
    "us_led_coalition",
    "turkey",
    "iran",
    "israel",
    "iraq_government",
}
NON_STATE = {"isis", "armed_opposition", "hts_nusra", "sdf_ypg"}
# UCDP's actor names for factfinder's perpetrator groups (where UCDP has one actor for it).
SIDE_A = {
    "syrian_government": "Government of Syria",
    "russia": "Government of Russia (Soviet Union)",
    "us_led_coalition": "Government of United States of America",
    "turkey": "Government of Turkey",
    "iran": "Government of Iran",
    "israel": "Government of Israel",
    "iraq_government": "Government of Iraq",
    "isis": "IS",
    "armed_opposition": "Syrian insurgents",
    "hts_nusra": "Hayat Tahrir al-Sham",
    "sdf_ypg": "SDF",
}
COUNTRIES = {
    "SY": ("Syria", 652),
    "IQ": ("Iraq", 645),
    "TR": ("Turkey", 640),
    "LB": ("Lebanon", 660),
    "JO": ("Jordan", 663),
    "IL": ("Israel", 666),
    "PS": ("Israel", 666),
}
# UCDP GED's adm_1 spelling of each Syrian governorate, by factfinder's canonical name
# (factfinder.geo.admin.SYRIA). From the UCDP Georeferenced Event Dataset, CC BY 4.0 (Sundberg
# and Melander 2013; UCDP GED codebook 19.1).
UCDP_ADM_1 = {
    ("SY", "Al-Hasakah"): "Al Hasakah Governorate",
    ("SY", "Latakia"): "Latakia Governorate",
    ("SY", "Quneitra"): "Quneitra Governorate",
    ("SY", "Raqqa"): "Ar Raqqah Governorate",
    ("SY", "As-Suwayda"): "As Suwayda Governorate",
    ("SY", "Daraa"): "Daraa Governorate",
    ("SY", "Deir ez-Zor"): "Deir ez Zor Governorate",
    ("SY", "Rif Dimashq"): "Rif Dimashq Governorate",
    ("SY", "Aleppo"): "Aleppo Governorate",
    ("SY", "Hama"): "Hamah Governorate",
    ("SY", "Homs"): "Homs Governorate",
    ("SY", "Idlib"): "Idlib Governorate",
    ("SY", "Damascus"): "Damascus Governorate",
    ("SY", "Tartus"): "Tartus Governorate",
}
_PLACE_ORDER = ("exact", "neighbourhood", "town", "district", "governorate", "country")


def date_prec(start: dt.date | None, end: dt.date | None, precision: str) -> int | None:
    """GED's date precision code for a date window."""
    if start is None:
        return None
    days = ((end or start) - start).days + 1
    if precision == "day" and days == 1:
        return 1
    if days <= 6 and precision in ("day", "week"):
        return 2
    if precision == "week" or days <= 7:
        return 3
    if precision == "month" or days <= 31:
        return 4
    return 5


def violence_type(entry: IncidentEntry) -> int | None:
    total = entry.figure("killed", "total")
    civilians = entry.figure("killed", "civilians")
    combatants = entry.figure("killed", "combatants")
    groups = set(entry.perpetrators) - {"unknown", "other"}
    if (
        civilians.min is not None
        and combatants.min is None
        and (total.min is None or civilians.min >= total.min)
        and groups
    ):
        return 3
    if groups & STATES:
        return 1
    if groups & NON_STATE:
        return 2
    return None


@dataclass(frozen=True, slots=True)
class Toll:
    """The GED integers of an incident's dead (the rule in the module doc)."""

    low: int
    best: int
    high: int
    civilians: int
    open: bool  # no source bounds the toll from above
    reported: bool  # some source gives a figure of the dead


def ged_toll(entry: IncidentEntry) -> Toll:
    total = entry.figure("killed", "total")
    civilians = entry.figure("killed", "civilians")
    civ = civilians.best if civilians.best is not None else civilians.min
    best = total.best if total.best is not None else total.min
    reported = best is not None or civ is not None
    best = max(best if best is not None else (civ or 0), civ or 0)
    low = min(total.min if total.min is not None else best, best)
    high = max(total.max if total.max is not None else best, best)
    return Toll(low, best, high, civ or 0, total.max is None, reported)


def ged_adm_1(country: str | None, admin1: str) -> str:
    """`adm_1` as UCDP GED spells it (`UCDP_ADM_1`), else `<name> province`."""
    return UCDP_ADM_1.get((country or "", admin1)) or f"{admin1} province"


def ged_row(cf: CaseFile, entry: IncidentEntry) -> dict[str, Any]:
    """One incident as a GED row (values are str/int/float or None for empty)."""
    inc = entry.incident
    places = sorted(
        inc.places,
        key=lambda p: _PLACE_ORDER.index(p.precision) if p.precision in _PLACE_ORDER else 9,
    )
    point = next((p for p in places if p.lat is not None and p.lon is not None), None)
    first = places[0] if places else None
    country_code = next((p.country for p in places if p.country), None)
    if country_code is None and any(p.admin1 for p in places):
        country_code = _country_of_admin1(next(p.admin1 for p in places if p.admin1))
    country, gw = COUNTRIES.get(country_code or "", (None, None))
    admin1 = next((p.admin1 for p in places if p.admin1), None)
    start = (inc.date.start or inc.date.end) if inc.date else None
    end = (inc.date.end or start) if inc.date else None
    sources = sorted({c.source for c in entry.claims})
    docs = [cf.source(n) for n in sources]
    toll = ged_toll(entry)
    violence = violence_type(entry)
    perpetrator = next((g for g in entry.perpetrators if g in SIDE_A), None)
    published = sorted(d.published[:10] for d in docs if d.published)
    if start is not None:
        year = start.year
    elif published:
        year = int(published[0][:4])
    else:
        year = int(cf.checkpoint.time[:4])
    missing = [
        what
        for what, known in (
            ("date", start is not None),
            ("location", first is not None),
            ("deaths", toll.reported),
            ("dyad", violence is not None),
        )
        if not known
    ]
    return {
        "id": inc.incident,
        "relid": inc.incident,
        "year": year,
        "active_year": None,
        "code_status": f"Check {missing[0]}" if missing else "Clear",
        "type_of_violence": violence,
        "conflict_new_id": None,
        "conflict_name": None,
        "dyad_new_id": None,
        "dyad_name": None,
        "side_a_new_id": None,
        "side_a": SIDE_A.get(perpetrator or ""),
        "side_b_new_id": None,
        "side_b": "Civilians" if violence == 3 else None,
        "number_of_sources": len(docs),
        "source_article": "; ".join(
            f'{d.publisher or "unknown"}, {(d.published or "")[:10]}, "{d.title or ""}"'
            for d in docs
        )
        or None,
        "source_office": "; ".join(dict.fromkeys(d.publisher for d in docs if d.publisher)) or None,
        "source_date": published[0] if published else None,
        "source_headline": "; ".join(d.title for d in docs if d.title) or None,
        "source_original": "; ".join(dict.fromkeys(c.claimant for c in entry.claims if c.claimant))
        or None,
        "where_prec": WHERE_PREC.get(first.precision) if first else None,
        "where_coordinates": first.name if first else None,
        "where_description": "; ".join(p.name for p in places) or None,
        "adm_1": ged_adm_1(country_code, admin1) if admin1 else None,
        "adm_2": None,
        "latitude": point.lat if point else None,
        "longitude": point.lon if point else None,
        "geom_wkt": f"POINT ({point.lon} {point.lat})" if point else None,
        "priogrid_gid": None,
        "country": country,
        "country_id": gw,
        "region": "Middle East" if country else None,
        "event_clarity": 1,
        "date_prec": date_prec(start, end, inc.date.precision) if inc.date else None,
        "date_start": start.isoformat() if start else None,
        "date_end": end.isoformat() if end else None,
        "deaths_a": 0,
        "deaths_b": 0,
        "deaths_civilians": toll.civilians,
        "deaths_unknown": toll.best - toll.civilians,
        "best": toll.best,
        "high": toll.high,
        "low": toll.low,
        "ff_grade": inc.grade,
        "ff_independent_sources": inc.independent_sources,
        "ff_party_only": entry.party_only,
        "ff_event_types": ";".join(entry.event_types) or None,
        "ff_perpetrators": ";".join(entry.perpetrators) or None,
        "ff_high_open": toll.open,
        "ff_deaths_reported": toll.reported,
        "ff_sources": ";".join(d.hash for d in docs) or None,
        "ff_checkpoint_size": cf.checkpoint.size,
        "ff_checkpoint_root": cf.checkpoint.root,
    }


def _country_of_admin1(name: str) -> str | None:
    # Deferred: geo's tables load only for an export that needs a country.
    from factfinder.geo.admin import country_of_governorate

    return country_of_governorate(name)
