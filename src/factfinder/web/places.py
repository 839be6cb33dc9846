"""The place search of the review form and of `/api/v1/places`: the shipped gazetteer's
places whose name (in any spelling it knows, Arabic included) is the query or begins with it."""

from __future__ import annotations

from factfinder.geo.gazetteer import Gazetteer
from factfinder.geo.wof import arabic_name
from factfinder.web.schemas import PlacePublic

MAX_PLACES = 50


def place_matches(query: str, limit: int = 10) -> list[PlacePublic]:
    found = Gazetteer.get().search(query, min(limit, MAX_PLACES))
    return [
        PlacePublic(
            key=f"gaz:{e.id}",
            name=e.name,
            arabic=arabic_name(e.name, e.admin1),
            kind=e.kind,
            admin1=e.admin1,
            country=e.country,
            precision=e.precision,
            lat=e.lat,
            lon=e.lon,
            geonameid=e.geonameid,
        )
        for e in found
    ]
