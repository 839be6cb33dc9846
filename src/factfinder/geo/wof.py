"""Who's On First localities of Syria and Iraq, as vendored in `data/wof_sy.tsv.gz` and `wof_iq.tsv.gz`.

The files are the gazetteer TSVs built from Who's On First (`data/SOURCE.md` says from which
commits and how), gzip-compressed and otherwise unchanged: one row per locality or neighbourhood
with its English and Arabic names, Latin- and Arabic-script alternate names, governorate
(`admin1`, `admin1_ar`), district (`admin2`, `admin2_ar`), point and GeoNames feature code.

`wof_places()` reads both files once per process (never at import) and returns them as
`WofPlace` records in file order, Syria first. Most values come from GeoNames; the attribution
that their licences require is `ATTRIBUTION`.
"""

from __future__ import annotations

import csv
import gzip
import io
import threading
from dataclasses import dataclass
from importlib import resources

from factfinder.geo.normalize import name_key

ATTRIBUTION = (
    "Place names and coordinates: Data from Who's On First (https://whosonfirst.org, licence: "
    "https://github.com/whosonfirst-data/whosonfirst-data/blob/master/LICENSE.md), including data "
    "from GeoNames (geonames.org, CC BY 4.0), Yahoo! GeoPlanet (CC BY 3.0 US), foursquare "
    "Quattroshapes (CC BY), Natural Earth (public domain) and Wikidata (CC0)."
)

FILES: tuple[tuple[str, str], ...] = (("SY", "wof_sy.tsv.gz"), ("IQ", "wof_iq.tsv.gz"))


@dataclass(frozen=True, slots=True)
class WofPlace:
    """One Who's On First locality or neighbourhood."""

    id: int
    country: str  # ISO 3166-1 alpha-2: "SY" or "IQ"
    geonameid: int | None
    name_en: str
    name_ascii: str
    name_ar: str | None
    alt_names: tuple[str, ...]  # Latin- and Arabic-script alternates
    admin1: str | None  # governorate, normalised English spelling
    admin1_ar: str | None
    admin2: str | None  # district
    admin2_ar: str | None
    lat: float
    lon: float
    placetype: str  # "locality" or "neighbourhood"
    feature_code: str | None  # GeoNames: PPL, PPLA, PPLX, PPLQ (abandoned), PPLW (destroyed) …
    population: int | None
    is_current: int  # 1, 0, or -1 for unknown

    @property
    def names(self) -> tuple[str, ...]:
        """Every name of the place: English, ASCII, Arabic, then the alternates (no repeats)."""
        seen: dict[str, None] = {}
        for n in (self.name_en, self.name_ascii, self.name_ar or "", *self.alt_names):
            if n:
                seen.setdefault(n, None)
        return tuple(seen)


_LOCK = threading.Lock()
_PLACES: tuple[WofPlace, ...] | None = None


def _opt(value: str) -> str | None:
    return value or None


def _read(country: str, name: str) -> list[WofPlace]:
    raw = resources.files("factfinder.geo").joinpath("data", name).read_bytes()
    text = gzip.decompress(raw).decode("utf-8")
    out = []
    for row in csv.DictReader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE):
        out.append(
            WofPlace(
                id=int(row["id"]),
                country=country,
                geonameid=int(row["geonameid"]) if row["geonameid"] else None,
                name_en=row["name_en"],
                name_ascii=row["name_ascii"],
                name_ar=_opt(row["name_ar"]),
                alt_names=tuple(n for n in row["alt_names"].split("|") if n),
                admin1=_opt(row["admin1"]),
                admin1_ar=_opt(row["admin1_ar"]),
                admin2=_opt(row["admin2"]),
                admin2_ar=_opt(row["admin2_ar"]),
                lat=float(row["lat"]),
                lon=float(row["lon"]),
                placetype=row["placetype"],
                feature_code=_opt(row["feature_code"]),
                population=int(row["population"]) if row["population"] else None,
                is_current=int(row["is_current"]) if row["is_current"] else -1,
            )
        )
    return out


def wof_places() -> tuple[WofPlace, ...]:
    """Every vendored locality, Syria then Iraq, in file order (read once per process)."""
    global _PLACES
    if _PLACES is None:
        with _LOCK:
            if _PLACES is None:
                rows: list[WofPlace] = []
                for country, name in FILES:
                    rows.extend(_read(country, name))
                _PLACES = tuple(rows)
    return _PLACES


_ARABIC: tuple[dict[tuple[str, str], str], dict[str, str], dict[str, str]] | None = None


def _arabic_index() -> tuple[dict[tuple[str, str], str], dict[str, str], dict[str, str]]:
    """(English key, governorate) → Arabic name; English key → Arabic name (the first place
    of that name, Syria first); governorate → its Arabic name."""
    global _ARABIC
    if _ARABIC is None:
        by_gov: dict[tuple[str, str], str] = {}
        by_key: dict[str, str] = {}
        govs: dict[str, str] = {}
        for p in wof_places():
            if p.admin1 and p.admin1_ar:
                govs.setdefault(p.admin1, p.admin1_ar)
            if not p.name_ar:
                continue
            for n in {p.name_en, p.name_ascii}:
                key = name_key(n)
                if key:
                    by_gov.setdefault((key, p.admin1 or ""), p.name_ar)
                    by_key.setdefault(key, p.name_ar)
        _ARABIC = (by_gov, by_key, govs)
    return _ARABIC


def arabic_name(name: str, admin1: str | None = None) -> str | None:
    """The Arabic name of a place the gazetteer knows by its English `name` (in governorate
    `admin1` when given; a governorate by its own name), or None: "Afrin" → "عفرين"."""

    by_gov, by_key, govs = _arabic_index()
    if name in govs and (admin1 is None or admin1 == name):
        return govs[name]
    key = name_key(name)
    if admin1:
        return by_gov.get((key, admin1))
    return by_key.get(key)
