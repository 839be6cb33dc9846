"""Places of the other theatres of air and drone strikes (Gaza and the West Bank, Yemen,
Somalia, Libya): read where the text names its theatre, never taken from a Syrian report's
words or village names. The sentences are written for these tests."""

from __future__ import annotations

import pytest

from factfinder.geo import distance_km, find_places
from factfinder.geo.resolver import theatres_named


def _places(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(m.place.name, m.place.country, m.place.admin1) for m in find_places(text)]


def _point(text: str, name: str) -> tuple[float, float]:
    hits = [m.place for m in find_places(text) if m.place.name == name]
    assert len(hits) == 1, _places(text)
    assert hits[0].lat is not None and hits[0].lon is not None
    return hits[0].lat, hits[0].lon


@pytest.mark.parametrize(
    ("text", "name", "point"),
    [
        # camps and towns of the Gaza Strip, in a text that says Gaza
        (
            "An Israeli airstrike on a house in Nuseirat killed 7 people, Gaza's civil defence said.",
            "An Nusayrat",
            (31.45, 34.39),
        ),
        ("Strikes hit Bureij camp in central Gaza overnight.", "Al Burayj", (31.44, 34.40)),
        (
            "A tent was hit in al-Mawasi, west of Khan Younis, in the Gaza Strip.",
            "Mawasi",
            (31.35, 34.26),
        ),
        ("Four were killed in the Maghazi refugee camp, Gaza.", "Maghazi camp", (31.42, 34.38)),
        ("Shelling on Beit Lahia in northern Gaza killed a child.", "Bayt Lahya", (31.55, 34.50)),
        (
            "A drone strike on Nur Shams camp in the occupied West Bank killed 3.",
            "Nur Shams camp",
            (32.32, 35.06),
        ),
        # Yemen, Somalia and Libya
        (
            "Houthi media said a US strike on Hodeidah port killed 80 workers.",
            "Al Hudaydah",
            (14.80, 42.95),
        ),
        ("The strike hit a house in Saada, northern Yemen.", "Sa'dah", (16.94, 43.76)),
        (
            "US Africa Command said it struck al-Shabaab near Jilib, Somalia.",
            "Jilib",
            (0.49, 42.77),
        ),
        ("An airstrike hit a farm south of Sirte, Libya.", "Sirte", (31.21, 16.59)),
        # a town or camp that only Gaza has names its theatre itself
        ("An airstrike killed 5 civilians in Nuseirat on Tuesday.", "An Nusayrat", (31.45, 34.39)),
    ],
)
def test_theatre_places_are_read_where_the_text_names_the_theatre(
    text: str, name: str, point: tuple[float, float]
) -> None:
    lat, lon = _point(text, name)
    assert distance_km(lat, lon, *point) < 10


@pytest.mark.parametrize(
    "text",
    [
        "Salim was wounded by a sniper in Daraa.",  # a man's name, not the West Bank village
        "The regime committed a massacre in the village of al-Bureij northeast of Aleppo.",
        "Clashes in the Old City of Homs.",
    ],
)
def test_no_theatre_place_without_its_theatre(text: str) -> None:
    assert not [p for p in _places(text) if p[1] in ("PS", "YE", "SO", "LY")], _places(text)


def test_a_theatre_named_puts_its_places_before_syrian_homonyms() -> None:
    # Al Burayj is also a town of Homs; a Gaza report means the camp
    assert ("Al Burayj", "PS", "Gaza Strip") in _places("Israeli jets struck Bureij, Gaza.")
    assert ("Al Burayj", "PS", "Gaza Strip") not in _places("Shelling hit Bureij, Homs.")


def test_syrian_villages_keep_names_a_theatre_place_also_bears() -> None:
    # "Bala" is a West Bank town too; in a Syrian report it is the Ghouta village
    assert [
        p
        for p in _places("Regime forces advance in Bala area in Eastern Ghouta")
        if p[0] != "Eastern Ghouta"
    ] == [("Bala al Qadimah", "SY", "Rif Dimashq")]


def test_theatres_named() -> None:
    assert theatres_named("Israeli strikes on Rafah, in the south of the Gaza Strip") == {
        "GZ",
        "IL",
    }
    assert theatres_named("قصف على مدينة غزة") == {"GZ"}
    assert theatres_named("al-Shabaab fighters near Jilib") == {"SO"}
    assert theatres_named("Russian jets struck Idlib") == frozenset()


def test_an_arabic_post_about_gaza_names_no_syrian_homonym() -> None:
    # the Arabic names are read against Syria and Iraq only: Khan Younis is not the Hasakah village
    gaza = "استشهاد 5 مواطنين في قصف إسرائيلي على منزل في خان يونس جنوب قطاع غزة"
    assert [p for p in _places(gaza) if p[1] in ("SY", "IQ")] == []
    # a Syrian post that names Gaza in its opening keeps its places
    syria = "غارة إسرائيلية على حي المزة في دمشق بعد يوم من قصف غزة"
    assert ("Damascus", "SY") in [(p[0], p[1]) for p in _places(syria)]


def test_a_palestinian_institution_names_the_west_bank() -> None:
    text = (
        "The Palestinian Red Crescent said eight people were killed in an Israeli strike in Jenin."
    )
    assert [m.place.name for m in find_places(text)] == ["Janin"]
    # so is a West Bank city in a text that names Israel or the Palestinians
    assert [m.place.name for m in find_places("An Israeli drone struck a car in Jenin.")] == [
        "Janin"
    ]
    assert [m.place.name for m in find_places("Five Palestinians were killed in Nablus.")] == [
        "Nablus"
    ]
    # without either, Jenin is no place a Syrian report would mean
    assert find_places("Eight people were killed in a strike in Jenin.") == []


def test_a_village_spelt_with_other_vowels() -> None:
    text = "Shells fell on the village of Umm Hosh north of Aleppo."
    assert [m.place.name for m in find_places(text)][:1] == ["Umm Hawsh"]
