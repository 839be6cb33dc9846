"""Places: the gazetteer, place resolution in text, distances, governorate names, boundaries.

The public interface (the extractor and the web app call only these)::

    from factfinder.geo import find_places, PlaceContext, Gazetteer, lookup, distance_km, \
        governorate_name, boundaries

Nothing is loaded at import time: the gazetteer is built on the first call that needs it
(a second or two: it indexes the ~33,000 Who's On First localities, `villages.py`). Typical use by the extractor::

    ctx = PlaceContext()
    for sentence in sentences:
        mentions = find_places(text, sentence.start, sentence.end, context=ctx)
        ctx = ctx.updated(mentions)
    places = incident_places(all_mentions_of_the_claim)   # Syrian/Iraqi places first

Precision: "town" (GeoNames populated places, Who's On First villages, sites), "neighbourhood", "district" (regions such
as Eastern Ghouta, "X countryside" for a town), "governorate" (no point: an area), "country".
Data sources and licences: `data/SOURCE.md`.
"""

from __future__ import annotations

from factfinder.geo.admin import governorate_name
from factfinder.geo.boundaries import boundaries
from factfinder.geo.distance import distance_km
from factfinder.geo.gazetteer import Gazetteer, GazetteerEntry, lookup
from factfinder.geo.resolver import PlaceContext, find_places, incident_places

__all__ = [
    "Gazetteer",
    "GazetteerEntry",
    "PlaceContext",
    "boundaries",
    "distance_km",
    "find_places",
    "governorate_name",
    "incident_places",
    "lookup",
]
