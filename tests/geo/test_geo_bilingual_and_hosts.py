"""A village named in Arabic and in Latin letters, the governorate a village is said to be in,
and the words that make a governorate capital's name the city.

Every text here is written for these tests.
"""

from __future__ import annotations

import pytest

from factfinder.geo import find_places


def _places(text: str) -> list[tuple[str, str, str | None, str]]:
    return [
        (text[m.start : m.end], m.place.name, m.place.admin1, m.place.precision)
        for m in find_places(text)
    ]


# --- an Arabic name with its transliteration ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "admin1"),
    [
        (
            "A drone strike hit a farm near الجيلية al-Jailiya, Hama governorate, on Tuesday, "
            "the monitor said.",
            "Al Jayliyah",
            "Hama",
        ),
        (
            "Russian jets struck قنبر Qanbur village in the eastern Hama countryside, "
            "activists said.",
            "Qanbar",
            "Hama",
        ),
        (
            "Coalition log, 3 May: (C-114) عكيرشة Akershi, Raqqa governorate, Syria. Two "
            "civilians reported killed.",
            "Ukayrishah",
            "Raqqa",
        ),
    ],
)
def test_arabic_name_with_transliteration_is_the_wof_village(
    text: str, name: str, admin1: str
) -> None:
    towns = [m.place for m in find_places(text) if m.place.precision == "town"]
    assert [(p.name, p.admin1) for p in towns] == [(name, admin1)]
    assert towns[0].lat is not None


def test_arabic_name_outside_the_governorate_named_is_not_read() -> None:
    # The line says Idlib governorate: a village of that Arabic name in Hama is another place.
    text = "Shelling reported on الجيلية al-Jailiya, Idlib governorate, Syria."
    assert all(p[3] != "town" or p[2] == "Idlib" for p in _places(text))


# --- the governorate a village is said to be in ---------------------------------------------


def test_village_in_another_governorate_than_its_homonym_is_dropped() -> None:
    # Hader is a town of Quneitra; "Hader village, Raqqa governorate" is not it.
    text = "Turkish shelling hit Hader village, Raqqa governorate, killing a shepherd."
    assert [(p[1], p[3]) for p in _places(text)] == [("Raqqa", "governorate")]


def test_list_of_villages_shares_the_governorate_after_it() -> None:
    text = (
        "SDF fighters clashed with ISIS cells in Hader and Mudar villages, Deir Ezzor governorate."
    )
    assert [(p[1], p[3]) for p in _places(text)] == [("Deir ez-Zor", "governorate")]


def test_village_at_the_countryside_of_a_governorate() -> None:
    # "at the eastern countryside of X" names the governorate the village lies in.
    text = "Three people were killed in Hader village at the eastern countryside of Raqqa."
    assert all(p[1] != "Hadar" for p in _places(text))


def test_city_quarter_name_in_the_countryside_is_not_the_quarter() -> None:
    # al-Midan is a quarter of Aleppo and of Damascus; "in the countryside of Hama" it is not.
    text = "Government helicopters dropped barrel bombs on al-Midan area in the northern countryside of Hama."
    assert [(p[1], p[3]) for p in _places(text)] == [("Hama", "governorate")]


def test_quarter_said_to_be_in_a_city_still_moves_there() -> None:
    text = "Mortar rounds fell on al-Midan in Aleppo city, state media said."
    places = _places(text)
    assert places[0][1:] == ("Midan, Aleppo", "Aleppo", "neighbourhood")


# --- a governorate capital's name as the city -----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Israeli missiles hit Idlib and its countryside overnight.",
        "Clashes raged in Idlib and its western suburbs on Friday.",
        "Russian warplanes pounded Idlib neighbourhoods, rescuers said.",
        "Shells fell on Idlib western neighborhoods as HTS fighters massed nearby.",
    ],
)
def test_capital_named_with_its_countryside_or_quarters_is_the_city(text: str) -> None:
    first = find_places(text)[0].place
    assert (first.name, first.precision) == ("Idlib", "town")
    assert first.lat is not None


def test_capital_in_both_scripts_before_its_governorate_is_the_city() -> None:
    text = "Strike log (S99) الرقة Raqqa, Raqqa governorate, Syria"
    precisions = [(p[1], p[3]) for p in _places(text)]
    assert precisions[:3] == [("Raqqa", "town"), ("Raqqa", "town"), ("Raqqa", "governorate")]


def test_bare_capital_stays_the_governorate() -> None:
    text = "Turkish drones target Idlib and Hama, the monitor said."
    assert [(p[1], p[3]) for p in _places(text)] == [
        ("Idlib", "governorate"),
        ("Hama", "governorate"),
    ]


def test_place_word_then_in_names_the_host() -> None:
    # "X village in Y province", "X axis of Y countryside": X lies in Y.
    text = "Heavy fighting on the al-Alaya axis of Homs eastern countryside, the army said."
    assert all(p[2] == "Homs" for p in _places(text))
    text = "Shelling hit Hader village in Quneitra province."
    assert _places(text)[0][1:] == ("Hadar", "Quneitra", "town")
