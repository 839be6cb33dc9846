"""A capital named alone, places said to lie in a governorate, loose spellings, groups named
after places (`geo.cues`, `geo.resolver`, `geo.villages`).

The sentences are written for these tests in the manner of monitors' headlines.
"""

from __future__ import annotations

import pytest

from factfinder.geo import find_places


def _places(text: str) -> list[tuple[str, str, str | None, str, bool]]:
    """(span, name, admin1, precision, has a point) of every mention but the country."""
    return [
        (
            text[m.start : m.end],
            m.place.name,
            m.place.admin1,
            m.place.precision,
            m.place.lat is not None,
        )
        for m in find_places(text)
        if m.place.precision != "country"
    ]


# --- a governorate capital named alone ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "admin1"),
    [
        ("Four civilians killed by shelling on Aleppo", "Aleppo", "Aleppo"),
        ("Clashes in Deir Ezzor leave 12 fighters dead", "Deir Ezzor", "Deir ez-Zor"),
        ("Airstrikes target Idlib and kill a family of five", "Idlib", "Idlib"),
        ("A car bomb in al-Raqqa kills 7, Syria", "al-Raqqa", "Raqqa"),
        ("Dozens killed by bombardment on eastern Aleppo", "Aleppo", "Aleppo"),
        # named twice, each time alone: still the one city
        ("Shells hit Homs at dawn; later a second barrage on Homs", "Homs", "Homs"),
    ],
)
def test_a_capital_that_is_the_only_place_named_is_the_city(
    text: str, span: str, admin1: str
) -> None:
    found = _places(text)
    assert found and all(p[0] == span and p[2] == admin1 for p in found)
    assert all(p[3] == "town" and p[4] for p in found)


@pytest.mark.parametrize(
    "text",
    [
        "Warplanes target Idlib and Hama",  # two provinces
        "Clashes in Homs and a barrel bomb on Talbiseh",  # a town gives the setting
        "Clashes in Deir Ezzor and shelling in the countryside of Deir Ezzor",  # the province
        "Fighting in Aleppo southeast countryside",  # the land around it
        "Fighting in Aleppo's western desert",
        "Jihadists kill 4 soldiers in Syria's Idlib",  # no word putting it in the city
        "Clashes in the north of Homs",  # a part of the province
    ],
)
def test_a_capital_among_other_places_or_words_of_area_stays_the_province(text: str) -> None:
    capitals = [p for p in _places(text) if p[2] in ("Idlib", "Hama", "Homs", "Deir ez-Zor")]
    capitals += [p for p in _places(text) if p[2] == "Aleppo"]
    assert capitals and any(p[3] == "governorate" and not p[4] for p in capitals)


@pytest.mark.parametrize(
    ("text", "admin1"),
    [
        ("An explosion in the centre of Aleppo and clashes in Hama countryside", "Aleppo"),
        ("Fighting in the eastern section of Aleppo and shelling on Idlib", "Aleppo"),
        ("Clashes around the military airport of Deir Ezzor and raids on Hama", "Deir ez-Zor"),
        ("The battle for Raqqa's Old City and clashes in Homs desert", "Raqqa"),
    ],
)
def test_words_naming_a_part_of_the_city_make_it_the_city(text: str, admin1: str) -> None:
    (city,) = [p for p in _places(text) if p[2] == admin1]
    assert city[3] == "town" and city[4]


# --- the governorate a name is said to be in ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # no place of this spelling lies in Raqqa, a village spelt otherwise does
        ("Coalition strike on Musherfa, Raqqa governorate, Syria", "Mushayrifah"),
        ("Two families killed in Al-Mesrab, Deir Ezzor governorate", "Al Misrab"),
        # a village named like a town elsewhere (Tartus): the one of the governorate named
        (
            "Strike on Al Safsaf village, western Raqqa countryside, Raqqa governorate",
            "As Safsafah",
        ),
        ("Strike on Al Safsaf village near Tabaqa, Raqqa governorate", "As Safsafah"),
        ("Strike on Al Safsaf village, Raqqa governorate, Syria", "As Safsafah"),
    ],
)
def test_a_village_is_read_in_the_governorate_the_text_puts_it(text: str, name: str) -> None:
    villages = [p for p in _places(text) if p[3] == "town" and p[0] not in ("Tabaqa",)]
    assert [(p[1], p[2]) for p in villages] == [
        (name, "Deir ez-Zor" if "Deir Ezzor" in text else "Raqqa")
    ]


def test_a_name_no_place_of_that_governorate_bears_is_dropped() -> None:
    # Kassab is a town of Latakia, and nothing in Deir Ezzor is spelt like it: the text
    # means a place the gazetteer lacks, not the one in Latakia
    found = _places("Strike on Kassab village, Deir Ezzor governorate, Syria")
    assert found == [("Deir Ezzor", "Deir ez-Zor", "Deir ez-Zor", "governorate", False)]


# --- loose spellings --------------------------------------------------------------------------


def test_a_loose_spelling_is_read_as_the_place_spelt_most_alike() -> None:
    # Hamamiyat and Hammamat are both villages of Hama with one consonant skeleton
    found = _places("The regime forces retake Hamamiyyat village north-west of Hama")
    assert ("Hamamiyyat", "Hamamiyat", "Hama", "town", True) in found


# --- names that are no places -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The Yarmouk Martyrs Brigade clashed with the Nusra Front",
        "Fighters of the Hama Falcons Battalion withdrew",
    ],
)
def test_a_unit_named_after_a_place_is_no_place(text: str) -> None:
    assert not [p for p in _places(text) if p[0] in ("Yarmouk", "Hama")]


def test_doubled_letters_do_not_make_two_spellings_unalike() -> None:
    from factfinder.geo.gazetteer import Gazetteer
    from factfinder.geo.normalize import skeleton_key
    from factfinder.geo.villages import wof_skeleton_ok

    gaz = Gazetteer.get()
    ids = gaz.wof_skeleton[skeleton_key("Tal Meleh")]
    assert gaz.entries[ids[0]].names[0] == "Tall Mallah"
    # "talmeleh" and "tallmallah" are 0.67 alike; without the doubled letters, 0.75
    assert wof_skeleton_ok(gaz, ids[:1], "talmeleh", True)
