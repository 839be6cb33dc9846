"""Whole-pipeline cases from FA-KES articles: which place, event type and perpetrator a claim gets.

Each text is an excerpt of a FA-KES article (F. K. Abu Salem, R. Al Feel, S. Elbassuoni,
M. Jaber, M. Farah, *FA-KES: A Fake News Dataset around the Syrian War*, ICWSM 2019; CC BY 4.0),
kept as the dataset prints it (no commas or apostrophes), shortened where marked "...".
"""

from __future__ import annotations

import datetime as dt

import pytest

geo = pytest.importorskip("factfinder.geo")
if not hasattr(geo, "find_places"):
    pytest.skip("factfinder.geo.find_places has not landed", allow_module_level=True)
pytest.importorskip("factfinder.extract.dates")

from factfinder.extract.pipeline import Extractor  # noqa: E402
from factfinder.model import Claim, Document  # noqa: E402


def primary(text: str, title: str | None = None, published: str | None = None) -> Claim:
    doc = Document(
        "t", text, title=title, published=dt.date.fromisoformat(published) if published else None
    )
    found = [c for c in Extractor().extract(doc).claims if c.primary]
    assert found, "no primary claim"
    return found[0]


def test_a_dateline_city_after_the_date_line_is_not_the_incident_place() -> None:
    c = primary(
        "Last updated at Jan 202015 Beirut Syrian government air strikes on Tuesday killed at "
        "least 39 people more than half of them civilians in two main battlegrounds in the "
        'north of the country a monitor said. "The Syrian Observatory for Human Rights has '
        "documented the deaths of at least 27 people... in air strikes targeting the outskirts "
        'of Tal Hamis" said the Britain-based organisation.'
    )
    assert [p.name for p in c.places][:1] != ["Beirut"]
    assert c.places and c.places[0].admin1 == "Al-Hasakah"


def test_a_photo_caption_does_not_place_the_incident() -> None:
    c = primary(
        "Last updated at Jul 152015 A member of the Syrian regime forces runs near destroyed "
        "buildings in the northeastern Syrian city of Hasakeh on Monday (AFP photo) BEIRUT "
        "Thirteen civilians among them seven children were killed in aerial attacks by Syrias "
        "government Wednesday on the northern province of Aleppo a monitoring group said."
    )
    assert c.places[0].admin1 == "Aleppo"
    assert all(p.admin1 != "Al-Hasakah" for p in c.places)
