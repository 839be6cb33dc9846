"""Simplified boundaries for maps drawn offline (web app, PDF reports).

`data/boundaries.json.gz` holds one GeoJSON FeatureCollection: country outlines of Syria, Iraq,
Turkey, Lebanon, Jordan, Israel and Palestine (Natural Earth 1:10m Admin-0) and the governorates of
Syria and Iraq (Natural Earth 1:10m Admin-1), simplified to about 500 m. See `data/SOURCE.md`.
"""

from __future__ import annotations

import copy
import gzip
import json
from functools import lru_cache
from importlib import resources
from typing import Any

from factfinder.errors import InputError
from factfinder.geo.admin import governorate_name

GeoJSON = dict[str, Any]


@lru_cache(maxsize=1)
def _collection() -> GeoJSON:
    path = resources.files("factfinder.geo").joinpath("data/boundaries.json.gz")
    try:
        data: GeoJSON = json.loads(gzip.decompress(path.read_bytes()).decode("utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(str(path), f"cannot read boundary data: {exc}") from exc
    for feat in data["features"]:
        props = feat["properties"]
        if props["level"] == "admin1":
            props["name"] = governorate_name(props["country"], props["admin1code"])
    return data


def boundaries(level: str | None = None, country: str | None = None) -> GeoJSON:
    """A GeoJSON FeatureCollection of boundaries, optionally filtered.

    `level` is "country" or "admin1"; `country` an ISO2 code ("SY"). Each feature's properties
    carry `level`, `country`, `name` and, for governorates, `admin1code`. The result is a fresh
    copy the caller may modify.
    """
    if level not in (None, "country", "admin1"):
        raise ValueError(f"level must be 'country' or 'admin1', not {level!r}")
    feats = [
        f
        for f in _collection()["features"]
        if (level is None or f["properties"]["level"] == level)
        and (country is None or f["properties"]["country"] == country)
    ]
    return {"type": "FeatureCollection", "features": copy.deepcopy(feats)}
