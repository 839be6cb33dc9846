"""City or province, point or area: the words around a place name (`geo.cues`, `geo.anaphora`).

Headlines marked UCDP are from the UCDP Georeferenced Event Dataset (Sundberg & Melander 2013;
Högbladh 2019; CC BY 4.0); the others are written for these tests.
"""

from __future__ import annotations

import pytest

from factfinder.geo import find_places
from factfinder.geo.distance import distance_km

ALEPPO = (36.20, 37.16)
DARAA = (32.62, 36.10)


def _places(text: str) -> list[tuple[str, str, str | None, str, bool]]:
    """(span, name, admin1, precision, has a point) of every mention."""
    return [
        (
            text[m.start : m.end],
            m.place.name,
            m.place.admin1,
            m.place.precision,
            m.place.lat is not None,
        )
        for m in find_places(text)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # UCDP: a capital's bare name is the province: an area, no point
        (
            "Bombardment targets Idlib and Hama",
            [
                ("Idlib", "Idlib", "Idlib", "governorate", False),
                ("Hama", "Hama", "Hama", "governorate", False),
            ],
        ),
        # UCDP: "the city of X" and "X city" are the city
        (
            "Air strikes on Idlib city cause casualties and warplanes shelling in Hama countryside",
            [
                ("Idlib", "Idlib", "Idlib", "town", True),
                ("Hama", "Hama", "Hama", "governorate", False),
            ],
        ),
        (
            "More than 10 wounded in raids on the city of Idlib",
            [("Idlib", "Idlib", "Idlib", "town", True)],
        ),
        # UCDP: a neighbourhood word after the possessive makes it the city
        (
            "shells target Aleppo’s western neighborhoods",
            [("Aleppo’s", "Aleppo", "Aleppo", "town", True)],
        ),
        # UCDP: a city cue on one member of a list holds for the list
        (
            "killed in two massacres carried out by warplanes in the cities of Idlib and "
            "Maarrat al-Nu&#8217;man",
            [
                ("Idlib", "Idlib", "Idlib", "town", True),
                ("Maarrat al-Nu&#8217;man", "Maarrat an Numan", "Idlib", "town", True),
            ],
        ),
        # Damascus governorate is the city: the name stays a point
        (
            "Shells target Damascus and lead to injuries",
            [("Damascus", "Damascus", "Damascus", "town", True)],
        ),
        # Airwars (via UCDP): "X, X governorate" — the governorate is named apart, X is the city
        (
            "March 5th 2017: (S482) Ar Raqqah, Raqqah governorate, Syria",
            [
                ("Ar Raqqah", "Raqqa", "Raqqa", "town", True),
                ("Raqqah", "Raqqa", "Raqqa", "governorate", False),
                ("Syria", "Syria", None, "country", True),
            ],
        ),
    ],
)
def test_city_or_province(
    text: str, expected: list[tuple[str, str, str | None, str, bool]]
) -> None:
    assert _places(text) == expected


def test_plural_qualifier_spreads_over_a_list_singular_does_not() -> None:
    plural = (
        "bombing residential neighborhoods in Raqqah, Dayr al-Zawr, Aleppo and Hasakah provinces"
    )
    assert [p[3] for p in _places(plural)] == ["governorate"] * 4
    singular = "Al Thakana neighbourhood of Raqqa, Raqqa governorate, Syria"
    found = _places(singular)
    assert ("Raqqa", "Raqqa", "Raqqa", "governorate", False) in found
    assert any(p[3] in ("town", "neighbourhood") and p[4] for p in found)


@pytest.mark.parametrize(
    "text",
    [
        "Aleppo northern countryside witnesses clashes",  # direction between name and qualifier
        "shelling in the northern countryside Latakia",  # "countryside" with no "of"
        "renewed clashes in the desert of Homs",
        "clashes in Deir Ezzor desert",
    ],
)
def test_areas_named_after_a_capital_have_no_point(text: str) -> None:
    (found,) = _places(text)
    assert found[3] == "governorate" and not found[4]


def test_a_desert_named_after_a_town_is_an_area_of_its_governorate() -> None:
    # UCDP: "Palmyra desert" is not the town of Palmyra
    (found,) = _places("The regime forces shell the countryside and clashes in Palmyra desert")
    assert found[2:] == ("Homs", "governorate", False)


def test_latakia_mountains() -> None:
    # UCDP headlines name the Kurds' and Turkmen mountains of northern Latakia this way
    for text in (
        "Hit-and-run clash in Latakia Mountains and more shelling",
        "Continued battles and mutual shelling in the mountains of Latakia",
    ):
        (m,) = find_places(text)
        assert m.place.name == "Latakia Mountains"
        assert m.place.precision == "district" and m.place.admin1 == "Latakia"


def test_the_city_refers_back_to_the_province_named_before() -> None:
    # UCDP
    text = "Aerial bombardment continue on areas in the countryside of Daraa and the city"
    found = find_places(text)
    assert [text[m.start : m.end] for m in found] == ["Daraa", "the city"]
    city = found[1].place
    assert city.precision == "town" and city.lat is not None and city.lon is not None
    assert distance_km(city.lat, city.lon, *DARAA) < 5


def test_the_capital() -> None:
    # UCDP
    text = "4 raids target the outskirts of the capital in conjunction with clashes"
    (m,) = find_places(text)
    assert (text[m.start : m.end], m.place.name, m.place.precision) == (
        "the capital",
        "Damascus",
        "town",
    )
    assert find_places("The Iraqi capital was calm")[0].place.name == "Baghdad"
    # "the capital Damascus" is read once, by its name
    assert len(find_places("an explosion in the capital Damascus")) == 1


def test_the_city_without_a_city_before_it_is_nothing() -> None:
    assert find_places("Clashes continue in the city and its outskirts") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # UCDP spellings of GeoNames places, accepted because the text says "town"/"village"
        ("Warplanes carry out a massacre in al-Tebni town, killing 10 at least", "At Tibni"),
        ("Massacre kills and injures 40 people in the town of Batbo", "Batabo"),
        ("Rebels target Mahrda town in Hama countryside", "Maharda"),
    ],
)
def test_typed_names_allow_looser_spellings(text: str, name: str) -> None:
    assert find_places(text)[0].place.name == name


def test_untyped_short_names_do_not_match_loosely() -> None:
    # "Tibneh" has a three-consonant skeleton: too loose without "town"/"village"
    assert find_places("Warplanes bomb Tibneh") == []
    assert find_places("a massacre in Tibneh town")[0].place.name == "At Tibni"


def test_near_aleppo_city() -> None:
    (m,) = find_places("clashes at the outskirts of Aleppo")
    assert m.place.precision == "town" and m.place.lat is not None and m.place.lon is not None
    assert distance_km(m.place.lat, m.place.lon, *ALEPPO) < 10


def test_a_known_name_that_begins_an_unknown_one_is_not_a_place() -> None:
    # Airwars (via UCDP): Hamra Blassem is a village of its own, not al-Hamra
    text = "(S493) Hamra Blassem village, east of Raqqa city"
    assert [m.place.name for m in find_places(text)] == ["Raqqa"]
    text = "villages of Hamra Bouwaitiya, Al A’nnadiya and Al Raqqa"
    assert "Al Hamra" not in [m.place.name for m in find_places(text)]
