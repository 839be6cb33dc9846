"""Boundary data for maps: small, valid GeoJSON, named with the canonical governorates."""

from __future__ import annotations

from importlib import resources

import pytest

from factfinder.geo import boundaries
from factfinder.geo.admin import SYRIA


def test_file_is_small() -> None:
    data = resources.files("factfinder.geo").joinpath("data/boundaries.json.gz").read_bytes()
    assert len(data) < 1_000_000


def test_countries_and_governorates() -> None:
    countries = boundaries("country")["features"]
    assert {f["properties"]["country"] for f in countries} == {
        "SY",
        "IQ",
        "TR",
        "LB",
        "JO",
        "IL",
        "PS",
        "YE",
        "SO",
        "LY",
    }
    syria = boundaries("admin1", "SY")["features"]
    assert sorted(f["properties"]["name"] for f in syria) == sorted(SYRIA.values())
    assert len(boundaries("admin1", "IQ")["features"]) == 18
    for feat in countries + syria:
        geom = feat["geometry"]
        assert geom["type"] in ("Polygon", "MultiPolygon")
        rings = geom["coordinates"] if geom["type"] == "Polygon" else geom["coordinates"][0]
        assert len(rings[0]) >= 4 and rings[0][0] == rings[0][-1]


def test_results_are_copies() -> None:
    first = boundaries("country", "SY")
    first["features"].clear()
    assert boundaries("country", "SY")["features"]


def test_bad_level() -> None:
    with pytest.raises(ValueError):
        boundaries("district")
