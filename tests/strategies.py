"""Hypothesis strategies for the claim format (factfinder.model), shared by the property tests."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from factfinder.model import (
    Casualties,
    Claim,
    Claimant,
    DateWindow,
    Document,
    Perpetrator,
    Place,
    Range,
)
from factfinder.vocab import (
    CLAIMANT_TYPES,
    DATE_PRECISIONS,
    EVENT_TYPES,
    PERPETRATOR_GROUPS,
    PLACE_PRECISIONS,
    STANCES,
)

# Text that survives JSON and the databases: no lone surrogates, no NUL (PostgreSQL refuses it).
texts = st.text(alphabet=st.characters(codec="utf-8", exclude_characters="\x00"), max_size=40)
names = st.text(
    alphabet=st.characters(codec="utf-8", exclude_characters="\x00"), min_size=1, max_size=30
)
days = st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2099, 12, 31))


@st.composite
def ranges(draw: st.DrawFn) -> Range:
    lo = draw(st.none() | st.integers(0, 10**6))
    hi = draw(st.none() | st.integers(lo or 0, 10**6))
    if lo is None and hi is None:
        lo = hi = draw(st.integers(0, 10**6))
    return Range(lo, hi, draw(texts))


casualties = st.builds(
    Casualties,
    total=st.none() | ranges(),
    civilians=st.none() | ranges(),
    children=st.none() | ranges(),
    women=st.none() | ranges(),
    men=st.none() | ranges(),
    combatants=st.none() | ranges(),
)


@st.composite
def windows(draw: st.DrawFn) -> DateWindow:
    a, b = sorted((draw(days), draw(days)))
    return DateWindow(a, b, draw(st.sampled_from(DATE_PRECISIONS)))


@st.composite
def places(draw: st.DrawFn) -> Place:
    point = draw(
        st.none()
        | st.tuples(
            st.floats(-90, 90, allow_nan=False, width=32).map(float),
            st.floats(-180, 180, allow_nan=False, width=32).map(float),
        )
    )
    return Place(
        name=draw(names),
        lat=point[0] if point else None,
        lon=point[1] if point else None,
        geonameid=draw(st.none() | st.integers(1, 10**8)),
        admin1=draw(st.none() | names),
        country=draw(st.none() | st.sampled_from(["SY", "IQ", "TR", "LB"])),
        precision=draw(st.sampled_from(PLACE_PRECISIONS)),
    )


@st.composite
def spans(draw: st.DrawFn) -> tuple[int, int]:
    a = draw(st.integers(0, 5000))
    return a, draw(st.integers(a + 1, a + 400))


claims = st.builds(
    Claim,
    event_type=st.sampled_from(EVENT_TYPES),
    date=st.none() | windows(),
    places=st.lists(places(), max_size=3).map(tuple),
    perpetrator=st.builds(
        Perpetrator, name=st.none() | names, group=st.sampled_from(PERPETRATOR_GROUPS)
    ),
    killed=casualties,
    injured=casualties,
    missing=st.none() | ranges(),
    weapons=st.lists(names, max_size=3).map(tuple),
    claimant=st.builds(
        Claimant,
        name=st.none() | names,
        type=st.sampled_from(CLAIMANT_TYPES),
        statement=st.none() | names,
    ),
    spans=st.lists(spans(), max_size=3).map(tuple),
    # the JSON form keeps three decimals
    confidence=st.integers(0, 1000).map(lambda k: k / 1000),
    primary=st.booleans(),
    stance=st.sampled_from(STANCES),
)

documents = st.builds(
    Document,
    id=st.from_regex(r"[a-z0-9][a-z0-9_-]{0,20}", fullmatch=True),
    text=texts,
    title=st.none() | names,
    published=st.none() | days,
    publisher=st.none() | names,
    url=st.none() | st.from_regex(r"https://[a-z]{1,10}\.org/[a-z0-9/]{0,20}", fullmatch=True),
    language=st.none() | st.sampled_from(["en", "ar", "fr"]),
)
