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

Arabic-script text is read by `arabic_places.py` against the Who's On First gazetteer: for a
text mostly in Arabic script, `find_places` returns its Arabic mentions together with the
Latin-script ones (the English resolver then reads only the Latin-script parts). `names_across_scripts(name)`
gives a place's names in the other script ("Afrin" → {"عفرين"}).

Precision: "town" (GeoNames populated places, Who's On First villages, sites), "neighbourhood", "district" (regions such
as Eastern Ghouta, "X countryside" for a town), "governorate" (no point: an area), "country".
Data sources and licences: `data/SOURCE.md`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from factfinder.arabic import arabic_share
from factfinder.geo.admin import governorate_name
from factfinder.geo.arabic_places import find_arabic_places, names_across_scripts
from factfinder.geo.arabic_words import COUNTRY_NAMES, GOVERNORATE_NAMES
from factfinder.geo.bilingual import bilingual_places
from factfinder.geo.boundaries import boundaries
from factfinder.geo.distance import distance_km
from factfinder.geo.gazetteer import Gazetteer, GazetteerEntry, lookup
from factfinder.geo.resolver import PlaceContext, incident_places, theatres_named
from factfinder.geo.resolver import find_places as _find_latin_places
from factfinder.mentions import PlaceMention

_ARABIC_LETTERS = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")


def find_places(
    text: str, start: int = 0, end: int | None = None, *, context: PlaceContext | None = None
) -> list[PlaceMention]:
    """All place mentions in `text[start:end]`, in text order, with offsets into `text`.

    A text in Latin script with an Arabic name or two goes to the English resolver
    (`resolver.find_places`); an Arabic name given with its transliteration ("هنيدة Hunaida")
    is then read as the Who's On First village of that Arabic name (`bilingual.py`). In a text in Arabic script (at least 40% of its letters, or
    a quarter and a sentence or more: 90 Arabic letters, as in a post amid English page
    furniture), `find_arabic_places` reads the Arabic names and the English resolver the
    Latin-script parts (the Arabic letters blanked out for it, offsets unchanged).
    """
    segment = text[start:end]
    share = arabic_share(segment)
    if share < 0.25 or (share < 0.4 and len(_ARABIC_LETTERS.findall(segment)) < 90):
        latin = _find_latin_places(text, start, end, context=context)
        if _ARABIC_LETTERS.search(segment):
            return bilingual_places(text, start, len(text) if end is None else end, latin)
        return latin
    latin = _find_latin_places(_ARABIC_LETTERS.sub(" ", text), start, end, context=context)
    arabic = find_arabic_places(text, start, end, admin1=context.admin1 if context else ())
    if _elsewhere(text):
        # A post about Gaza, Yemen, Somalia or Libya: a Syrian or Iraqi town it names would be
        # a homonym ("خان يونس" in Hasakah); the towns of its own theatre stand.
        arabic = [
            m for m in arabic if m.place.precision == "country" or m.place.country not in _CORE
        ]
    return sorted([*latin, *arabic], key=lambda m: (m.start, m.end))


_CORE = frozenset({"SY", "IQ"})
# Syria, Iraq and their governorates as Arabic (or an English aside) names them.
_CORE_NAMED = re.compile(
    "|".join(
        re.escape(name)
        for names in (
            *GOVERNORATE_NAMES.values(),
            COUNTRY_NAMES["SY"],
            COUNTRY_NAMES["IQ"],
            ("سوري", "عراقي"),
        )
        for name in names
    )
    + r"|\b(?:Syria|Iraq)"
)


@lru_cache(maxsize=16)
def _elsewhere(text: str) -> bool:
    """Whether a text in Arabic script is about another theatre (Gaza, the West Bank, Yemen,
    Somalia, Libya: named in its opening, not in a page's list of other news) and names
    neither Syria, Iraq nor any of their governorates."""
    return bool(theatres_named(text[:300]) - {"IL"}) and not _CORE_NAMED.search(text)


__all__ = [
    "Gazetteer",
    "GazetteerEntry",
    "PlaceContext",
    "boundaries",
    "distance_km",
    "find_arabic_places",
    "find_places",
    "governorate_name",
    "incident_places",
    "lookup",
    "names_across_scripts",
    "theatres_named",
]
