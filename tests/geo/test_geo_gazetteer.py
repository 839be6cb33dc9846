"""The gazetteer data: loads, every hand-written line resolves, governorate names score."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from factfinder.geo import Gazetteer, governorate_name, lookup
from factfinder.geo.admin import IRAQ, SYRIA


def test_singleton_is_built_once() -> None:
    assert Gazetteer.get() is Gazetteer.get()


def test_lookup_variants_reach_one_place() -> None:
    for spelling in ("Raqqa", "Raqqah", "Ar-Raqqah", "Rakka"):
        first = lookup(spelling)[0]
        assert (first.name, first.country, first.admin1) == ("Raqqa", "SY", "Raqqa")
    kobani = lookup("Kobane")[0]
    assert kobani.admin1 == "Aleppo"
    assert lookup("Ain al-Arab")[0].id == kobani.id


def test_hajin_coordinates() -> None:
    hajin = lookup("Hajin")[0]
    assert hajin.admin1 == "Deir ez-Zor"
    assert hajin.lat == pytest.approx(34.69, abs=0.05)
    assert hajin.lon == pytest.approx(40.83, abs=0.05)


def test_syria_ranks_before_neighbours() -> None:
    # "Ariha" is also Jericho (PS) in GeoNames; the Syrian town comes first.
    assert lookup("Ariha")[0].country == "SY"


def test_every_extra_place_and_neighbourhood_is_in_its_country() -> None:
    gaz = Gazetteer.get()
    extras = [e for e in gaz.entries if e.kind in ("neighbourhood", "region", "site", "district")]
    assert len(extras) > 100
    for e in extras:
        assert e.admin1 is not None, e.name
        assert e.lat is not None and e.lon is not None
        if e.country == "SY":
            assert 32.3 < e.lat < 37.4 and 35.6 < e.lon < 42.4, e.name


def test_governorate_entries_for_syria_and_iraq() -> None:
    gaz = Gazetteer.get()
    for code, name in SYRIA.items():
        entry = gaz.governorate("SY", code)
        assert entry is not None and entry.name == name and entry.precision == "governorate"
    for code in IRAQ:
        assert gaz.governorate("IQ", code) is not None


def test_governorate_name() -> None:
    assert governorate_name("SY", "07") == "Deir ez-Zor"
    assert governorate_name("SY", "08") == "Rif Dimashq"
    assert governorate_name("IQ", "15") == "Nineveh"
    assert governorate_name("LB", "04") == "Beirut"
    assert governorate_name("SY", "99") is None
    assert governorate_name(None, "01") is None


def _scorer(shared: Path):  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("ff_score", shared / "eval" / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.shared
def test_canonical_names_are_the_scorers(shared_dir: Path) -> None:
    score = _scorer(shared_dir)
    for name in SYRIA.values():
        assert score.governorate(name) == name
