"""Places named by reference: "the capital", "the city".

Monitors' headlines often name a province and then its city by reference only: "clashes in the
countryside of Daraa and the city", "raids on Aleppo's countryside and shells on neighbourhoods
in the city", "4 raids target the outskirts of the capital". `references` turns such phrases
into town-level mentions:

* "the capital" (not followed by a name, which the gazetteer then reads itself) is Damascus, or
  the capital of the country named just before it ("the Iraqi capital" → Baghdad);
* "the city" (not "the city of X", which names X) is the city last named before it — a town, or
  the capital of a governorate named as a province ("the countryside of Daraa and the city").

A group's capital is not a state's: "the Islamic State group's de facto Syrian capital" is not
Damascus. "De facto", "self-proclaimed", "self-styled" and "so-called" before "capital" make it
the capital of the group the text names, and of the groups of this conflict only the Islamic
State declared capitals (Raqqa in Syria, Mosul in Iraq, 2014–2017); any other such capital is
left unresolved.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from factfinder.geo.gazetteer import Gazetteer, GazetteerEntry
from factfinder.geo.tokens import Match, Tok
from factfinder.model import Place

# The capital a country adjective points to; "the capital" alone is the capital of the country
# named before it, else Syria's.
_CAPITAL_OF: dict[str, tuple[str, str]] = {
    "syrian": ("SY", "Damascus"),
    "iraqi": ("IQ", "Baghdad"),
    "lebanese": ("LB", "Beirut"),
    "jordanian": ("JO", "Amman"),
    "turkish": ("TR", "Ankara"),
}
_SCORE = 0.55
# Words that make "capital" a group's claimed seat, not a state's capital.
_CLAIMED = frozenset({"facto", "proclaimed", "styled", "called", "declared", "unofficial"})
# Names of the Islamic State, whose declared capitals were Raqqa (Syria) and Mosul (Iraq).
_ISIS = frozenset({"isis", "isil", "daesh", "daish", "caliphate", "islamic", "iss", "daeshs"})
_ISIS_CAPITAL: dict[str, tuple[str, str]] = {
    "syrian": ("SY", "Raqqa"),
    "syria": ("SY", "Raqqa"),
    "iraqi": ("IQ", "Mosul"),
    "iraq": ("IQ", "Mosul"),
}


# The capitals "the capital" alone may mean, by the country of the place named before it.
_CAPITALS_BY_COUNTRY: dict[str, str] = {
    "SY": "Damascus",
    "IQ": "Baghdad",
    "LB": "Beirut",
    "JO": "Amman",
    "TR": "Ankara",
    "YE": "Sanaa",
}


def _capital_named_before(matches: Sequence[Match], k: int) -> tuple[str, str]:
    """(country, capital) of "the capital" alone: the capital of the country of the last place
    named before it ("two central Beirut neighbourhoods … the deadliest strike on the capital":
    Beirut), else Syria's."""
    for m in reversed([m for m in matches if m.j <= k and not m.drop and m.chosen is not None]):
        country = m.chosen.country if m.chosen is not None else None
        if country in _CAPITALS_BY_COUNTRY:
            return country, _CAPITALS_BY_COUNTRY[country]
    return "SY", "Damascus"


def capital_city(gaz: Gazetteer, m: Match) -> GazetteerEntry | None:
    """The city a mention names or whose governorate it names ("Daraa countryside" → Daraa)."""
    e = m.chosen
    if e is None:
        return None
    if e.kind == "city":
        return e
    if e.kind != "governorate":
        return None
    cities = [
        gaz.entries[i]
        for i in m.ids
        if gaz.entries[i].kind == "city"
        and (gaz.entries[i].country, gaz.entries[i].admin1code) == (e.country, e.admin1code)
    ]
    return max(cities, key=lambda c: c.population) if cities else None


def _city_named(gaz: Gazetteer, country: str, name: str) -> GazetteerEntry | None:
    found = [e for e in gaz.lookup(name) if e.kind == "city" and e.country == country]
    return found[0] if found else None


def _claimed(toks: Sequence[Tok], k: int) -> bool:
    """Do the words before "capital" make it a claimed one ("de facto", "de factor" as news
    misspells it, "self-proclaimed", "so-called")?"""
    before = [t.key for t in toks[max(0, k - 3) : k]]
    return bool(_CLAIMED & set(before)) or any(
        a == "de" and b.startswith("fact") for a, b in itertools.pairwise(before)
    )


def _claimed_capital(toks: Sequence[Tok], k: int, gaz: Gazetteer) -> GazetteerEntry | None:
    """The Islamic State's declared capital for "IS's de facto (Syrian) capital", else None."""
    window = [*toks[max(0, k - 8) : k], *toks[k + 1 : k + 5]]  # "… capital of ISIS"
    before = [t.key for t in toks[max(0, k - 8) : k]]
    # "IS" only in capitals: the lower-case word is the verb.
    if not _ISIS & {t.key for t in window} and not any(
        t.key == "is" and t.text[:2] == "IS" for t in window
    ):
        return None
    country, name = next(
        (_ISIS_CAPITAL[w] for w in reversed(before[-3:]) if w in _ISIS_CAPITAL), ("SY", "Raqqa")
    )
    return _city_named(gaz, country, name)


def references(
    toks: Sequence[Tok], matches: Sequence[Match], gaz: Gazetteer
) -> list[tuple[int, int, Place, float]]:
    """Town-level mentions for "the capital" and "the city" (see the module docstring)."""
    named = {k for m in matches for k in range(m.i, m.j)}
    out: list[tuple[int, int, Place, float]] = []
    for k in range(1, len(toks)):
        word = toks[k].key
        if word not in ("capital", "city") or k in named:
            continue
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        claimed = word == "capital" and _claimed(toks, k)
        if nxt is not None and nxt.soft_before and (nxt.cap or (nxt.key == "of" and not claimed)):
            continue  # "the capital Damascus", "the city of Raqqa": the name speaks
        prev = toks[k - 1].key
        entry: GazetteerEntry | None = None
        if word == "capital":
            if claimed:
                entry = _claimed_capital(toks, k, gaz)
            elif prev not in ("the", *_CAPITAL_OF):
                continue
            else:
                country, name = _CAPITAL_OF.get(prev) or _capital_named_before(matches, k)
                entry = _city_named(gaz, country, name)
        else:
            if prev != "the":
                continue
            before = [m for m in matches if m.j <= k and not m.drop]
            entry = capital_city(gaz, before[-1]) if before else None
        if entry is None or entry.lat is None:
            continue
        start = toks[k - 1].start
        out.append((start, toks[k].end, entry.to_place(precision="town"), _SCORE))
    return out
