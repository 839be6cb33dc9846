"""A claim with no place of its own inherits the place the statement's incidents share, never
the previous incident's own site (factfinder.extract.assemble).

The seed document is samples/seeds/ seed-000 (Radio Habana Cuba, 3 November 2018).
"""

from __future__ import annotations

from typing import Any

from factfinder.extract.assemble import shared_places
from factfinder.extract.pipeline import extract_document
from factfinder.model import Claim, Document, Place


def _mass_graves(seed: dict[str, Any]) -> list[Claim]:
    claims = extract_document(Document.from_json(seed)).claims
    return [c for c in claims if c.event_type == "mass_grave"]


def test_second_mass_grave_is_in_raqqa_not_the_white_garden(seed_000: dict[str, Any]) -> None:
    first, second, third = _mass_graves(seed_000)
    # The first grave's sites include the White Garden district ...
    assert [(p.name, p.precision) for p in first.places] == [
        ("Raqqa", "town"),
        ("White Garden, Raqqa", "neighbourhood"),
    ]
    # ... the second ("in an agricultural land next to the Children's Hospital") names no
    # place of its own: it is in the city of the statement's graves, Raqqa.
    assert second.killed.total is not None and second.killed.total.min == 2500
    assert [(p.name, p.admin1, p.precision) for p in second.places] == [("Raqqa", "Raqqa", "town")]
    assert second.places[0].lat is not None and abs(second.places[0].lat - 35.95) < 0.05
    # The third has its own site.
    assert third.places[0].name == "Panorama, Raqqa"


def _place(name: str, precision: str, admin1: str = "Raqqa") -> Place:
    return Place(
        name=name, lat=35.953, lon=39.008, admin1=admin1, country="SY", precision=precision
    )


def testshared_places_drop_sites_and_keep_their_town() -> None:
    town = _place("Raqqa", "town")
    garden = _place("White Garden, Raqqa", "neighbourhood")
    gov = _place("Raqqa", "governorate")
    assert shared_places((town, garden)) == (town,)
    assert shared_places((garden, gov)) == (_place("Raqqa", "town"), gov)
    assert shared_places((gov,)) == (gov,)
    assert shared_places(()) == ()
