"""What the words around a place name say about it: area or point, city or province.

The resolver finds names; this module reads their surroundings and sets `Match.precision`:

* `qualify` — "X province", "the countryside of X", "rural X" make X a governorate (an area);
  "X district" after a town makes it a district.
* `apply_lists` — "Raqqah, Dayr al-Zawr, Aleppo and Hasakah provinces" and "the provinces of A,
  B and C" make every member a governorate. A singular qualifier does not spread: in
  "Al Thakana neighbourhood of Raqqa, Raqqa governorate" the first Raqqa is the city.
* `capital_sense` — a governorate capital's name alone ("Bombardment targets Idlib and Hama",
  "casualties in Homs") usually means the province in conflict reporting, so it is read as the
  governorate unless the text says it is the city: "the city of X", "X city", "X's
  neighbourhoods", "neighbourhoods of X", "X neighborhoods", "X and its countryside", "X
  military airport", "the cities of X and Y", "X, X governorate" (also with X's Arabic name
  between: "Raqqa الرقة Raqqa governorate"), "the centre/the eastern section/the military
  airport of X", "X's Old City". Where the governorate is the city itself (Damascus,
  Baghdad) the name stays a city. A capital that is the only place the text names, each time
  by its bare name right after a locative or a verb of attack ("5 civilians killed by
  bombardment on Aleppo", "clashes in Deir Ezzor") is the city too (`_lone_capital`: on
  UCDP's headlines such a point lies within 25 km of a coded event 64 % of the time, against
  about 25 % for a bare capital among other places).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from factfinder.geo.gazetteer import Gazetteer
from factfinder.geo.tokens import Match, Tok
from factfinder.geo.words import (
    DIRECTION_ADJECTIVES,
    DISTRICT_AFTER,
    GOV_AFTER,
    GOV_BEFORE,
    NEIGHBOURHOOD_WORDS,
)

# Governorates that are one city: their capital's name means the city in any sense.
CITY_GOVERNORATES: frozenset[tuple[str, str]] = frozenset({("SY", "13"), ("IQ", "07")})
_MOUNTAINS = frozenset({"mountains", "mountain"})
_DESERTS = frozenset({"desert", "deserts", "badia", "badiya"})
_PLURAL_QUALIFIERS = frozenset({"provinces", "governorates", "countrysides", "suburbs"})
_CITY_WORDS = frozenset({"city", "cities"})
# Words after a city's name that name a place in or at the city ("Hama military airport").
_CITY_SITES = frozenset(
    {
        "airport",
        "airbase",
        "military",
        "prison",
        "university",
        "hospital",
        "stadium",
        "citadel",
        "bridge",
        "refinery",
        "airfield",
    }
)
_NEAR_CITY = frozenset({"outskirts", "vicinity", "surroundings", "entrances", "gates"})
_QUARTERS = frozenset({"neighbourhoods", "neighborhoods", "quarters"})
# "the centre of X", "the eastern section of X", "the military airport of X", "the port of X":
# in the city
_IN_CITY = frozenset(
    {
        "center",
        "centre",
        "downtown",
        "heart",
        "section",
        "sections",
        "airport",
        "airbase",
        "port",
        "harbour",
        "harbor",
        "market",
        "university",
        "stadium",
    }
)
# "X and its countryside": what lies around a city.
_AROUND_CITY = frozenset(
    {"countryside", "countrysides", "suburbs", "surroundings", "vicinity", "outskirts", "environs"}
)
_ARABIC_SCRIPT = re.compile(r"[\u0600-\u06ff]")
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+)")


def _after(toks: Sequence[Tok], j: int) -> str:
    """The key of the token right after a name, if it is joined to it softly."""
    return toks[j].key if j < len(toks) and toks[j].soft_before else ""


def qualify(toks: Sequence[Tok], m: Match, gaz: Gazetteer) -> None:
    """Set a precision override from the words around the mention."""
    nxt = _after(toks, m.j)
    nxt2 = _after(toks, m.j + 1) if nxt else ""
    before = [t.key for t in toks[max(0, m.i - 3) : m.i]]
    soft = m.i > 0 and toks[m.i].soft_before
    if nxt in GOV_AFTER and nxt != "region":
        m.precision = "governorate"
        m.rural = nxt in ("countryside", "countrysides", "suburb", "suburbs")
        m.qualifier = nxt
    elif nxt in DIRECTION_ADJECTIVES and nxt2 in ("countryside", "countrysides"):
        m.precision = "governorate"  # "Aleppo northern countryside"
        m.rural = True
        m.qualifier = nxt2
    elif len(before) >= 2 and before[-1] == "of" and before[-2] in GOV_BEFORE:
        m.precision = "governorate"
        m.rural = before[-2].startswith("countryside")
        # "the provinces of A, B and C": the qualifier is before, it spreads to the list
        m.qualifier = before[-2] + "_of"
    elif soft and before[-1:] in (["rural"], ["countryside"]):
        m.precision = "governorate"  # "rural Idlib", "the northern countryside Latakia"
        m.rural = True
        m.qualifier = "rural"
    elif nxt in _MOUNTAINS or before[-2:] in (["mountains", "of"], ["mountain", "of"]):
        region = _named_region(gaz, m, "mountains")
        if region is not None:
            m.ids = (region,)  # "the mountains of Latakia" are the Latakia Mountains
        else:
            m.precision, m.area = "governorate", True
    elif nxt in _DESERTS or (before[-1:] == ["of"] and before[-2:-1] and before[-2] in _DESERTS):
        m.precision, m.area = "governorate", True  # "Palmyra desert": an area, not the town
    elif nxt in DISTRICT_AFTER:
        m.precision = "district"


def _named_region(gaz: Gazetteer, m: Match, word: str) -> int | None:
    """The gazetteer's "<name> <word>" region for a mention ("Latakia" → "Latakia Mountains")."""
    for e in (gaz.entries[i] for i in m.ids):
        for hit in gaz.lookup(f"{e.names[0]} {word}"):
            if hit.kind == "region":
                return hit.id
    return None


def list_groups(text: str, toks: Sequence[Tok], matches: Sequence[Match]) -> list[list[Match]]:
    """Runs of mentions joined only by commas, "and" or "or" ("A, B and C")."""
    groups: list[list[Match]] = []
    for m in matches:
        if groups:
            prev = groups[-1][-1]
            if _LIST_GAP.fullmatch(text[toks[prev.j - 1].end : toks[m.i].start]):
                groups[-1].append(m)
                continue
        groups.append([m])
    return groups


def apply_lists(text: str, toks: Sequence[Tok], matches: Sequence[Match]) -> None:
    """'A, B, C and D provinces' / 'the provinces of A, B and C': every member a governorate."""
    for g in list_groups(text, toks, matches):
        if len(g) < 2:
            continue
        last, first = g[-1], g[0]
        spreads = (last.precision == "governorate" and last.qualifier in _PLURAL_QUALIFIERS) or (
            first.precision == "governorate" and first.qualifier.endswith("_of")
        )
        if spreads:
            for m in g:
                if m.precision is None and not m.country_only:
                    m.precision = "governorate"
                    m.rural = (last if last.qualifier in _PLURAL_QUALIFIERS else first).rural


# Words right before a capital's name that put an event in or on the place itself: "killed
# in Aleppo", "shelling on Daraa", "airstrikes target Idlib".
_AT_PLACE = frozenset(
    {
        "in",
        "on",
        "at",
        "over",
        "inside",
        "target",
        "targets",
        "targeted",
        "hit",
        "hits",
        "shell",
        "shells",
        "bomb",
        "bombs",
        "raid",
        "raids",
    }
)


def _locative_before(toks: Sequence[Tok], i: int) -> int | None:
    """The index of the word before a name, past a direction adjective ("in eastern X")."""
    k = i - 1
    if k >= 0 and toks[k + 1].soft_before and toks[k].key in DIRECTION_ADJECTIVES:
        k -= 1
    return k if k >= 0 and toks[k + 1].soft_before else None


def _lone_capital(toks: Sequence[Tok], matches: Sequence[Match], gaz: Gazetteer) -> set[int]:
    """The mentions of a governorate capital that are the only place the text names (besides
    the country), each time by its bare name, right after a word that puts the event in or
    on it ("5 civilians killed by bombardment on Aleppo", "fighting in eastern Aleppo", "clashes in
    Deir Ezzor"): the city. Where the text names other places the bare name is read as the
    province, the wider setting of those places."""
    areas: set[int] = set()
    bare: list[Match] = []
    for m in matches:
        if m.country_only:
            continue
        govs = {gaz.capital_of[i] for i in m.ids if i in gaz.capital_of}
        govs |= {i for i in m.ids if gaz.entries[i].kind == "governorate"}
        if not govs or m.precision is not None:
            # a town, a district or a region; or the province named as one ("the
            # countryside of Deir Ezzor"), which the bare name then likely means too
            return set()
        areas |= govs
        bare.append(m)
    if len(areas) != 1:
        return set()
    return {
        id(m)
        for m in bare
        if (k := _locative_before(toks, m.i)) is not None
        and toks[k].key in _AT_PLACE
        and not toks[k].cap
        # "Aleppo southeast countryside", "Deir Ezzor's eastern desert": the land around
        and not any(
            t.soft_before and (t.key in GOV_AFTER or t.key in _DESERTS or t.key in _AROUND_CITY)
            for t in toks[m.j : m.j + 3]
        )
    }


def _said_city(toks: Sequence[Tok], m: Match) -> bool:
    """Do the words right around this one mention make it a city?"""
    before = [t.key for t in toks[max(0, m.i - 5) : m.i]]
    nxt = _after(toks, m.j)
    if before[-2:] in (["city", "of"], ["cities", "of"], ["town", "of"]) or before[-1:] == [
        "capital"
    ]:
        return True
    if nxt in _CITY_WORDS or nxt in _CITY_SITES:
        return True
    if before[-1:] == ["of"] and before[-2:-1] and before[-2] in _NEAR_CITY | _IN_CITY:
        return True  # "the outskirts of Deir Ezzor", "the centre of Aleppo"
    if nxt == "old" and _after(toks, m.j + 1) in _CITY_WORDS:
        return True  # "Raqqa's Old City"
    if nxt == "outskirts":
        return True
    nxt2 = _after(toks, m.j + 1) if nxt else ""
    if nxt in _QUARTERS or (nxt in DIRECTION_ADJECTIVES and nxt2 in _QUARTERS):
        return True  # "Aleppo neighborhoods", "Aleppo western neighbourhoods"
    after = [t.key for t in toks[m.j : m.j + 4] if t.soft_before]
    if after[:2] == ["and", "its"] and any(k in _AROUND_CITY for k in after[2:4]):
        return True  # "Idlib and its countryside": the city, then the land around it
    last = toks[m.j - 1]
    if last.text.endswith(("'s", "’s")) or (
        m.j < len(toks) and toks[m.j].key == "s" and toks[m.j].start == last.end + 1
    ):
        after = [t.key for t in toks[m.j : m.j + 4]]
        if any(k in NEIGHBOURHOOD_WORDS or k in ("neighborhoods", "districts") for k in after):
            return True  # "Aleppo’s western neighborhoods"
    # "neighbourhoods of X", "districts in the city of X"
    for k in range(len(before) - 1):
        if before[k] in NEIGHBOURHOOD_WORDS | {"neighborhoods", "districts"} and before[k + 1] in (
            "of",
            "in",
        ):
            return True
    return False


def capital_sense(text: str, toks: Sequence[Tok], matches: Sequence[Match], gaz: Gazetteer) -> None:
    """Read a bare governorate capital's name as its governorate unless the text says "city".

    Applies to mentions with no precision yet whose candidates include both a governorate of
    Syria or Iraq and a town of that governorate (the capital of the same name). Members of a
    list share a city cue ("the cities of Idlib and Maarrat al-Nu'man", "Hama and Idlib cities").
    """
    said = {id(m) for m in matches if _said_city(toks, m)}
    for a, b in reversed(list(itertools.pairwise(matches))):
        gap = text[toks[a.j - 1].end : toks[b.i].start].strip()
        # One name in two scripts ("Raqqa الرقة"): both share what is said of either.
        two_scripts = (
            not gap
            and set(a.ids) & set(b.ids)
            and bool(_ARABIC_SCRIPT.search(toks[a.i].text))
            != bool(_ARABIC_SCRIPT.search(toks[b.i].text))
        )
        if two_scripts and id(b) in said:
            said.add(id(a))
        # "Ar Raqqah, Raqqah governorate, Syria" (also "Raqqa الرقة Raqqa governorate"): the
        # governorate is named apart, so the first is the city.
        if (
            b.precision == "governorate"
            and not b.rural
            and (gap == "," or (not gap and _ARABIC_SCRIPT.search(toks[a.i].text)))
            and set(a.ids) & set(b.ids)
        ):
            said.add(id(a))
    for g in list_groups(text, toks, matches):
        if any(id(m) in said for m in (g[0], g[-1])):
            said.update(id(m) for m in g)
    said.update(_lone_capital(toks, matches, gaz))
    for m in matches:
        if m.precision is not None or m.country_only or id(m) in said:
            continue
        govs = [gaz.capital_of[i] for i in m.ids if i in gaz.capital_of]
        if not govs:
            continue
        gov = gaz.entries[govs[0]]
        if (gov.country, gov.admin1code) in CITY_GOVERNORATES:
            continue
        m.precision = "governorate"
        if gov.id not in m.ids:
            m.ids = (*m.ids, gov.id)
