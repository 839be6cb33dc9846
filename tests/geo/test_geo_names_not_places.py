"""Names that look like places but are people, broadcasters, armed groups or a group's capital.

Sentences marked FA-KES are quoted from the FA-KES dataset (F. K. Abu Salem et al., "FA-KES: A
Fake News Dataset around the Syrian War", ICWSM 2019; CC BY 4.0); UCDP ones are source
headlines of the UCDP Georeferenced Event Dataset (Sundberg & Melander 2013; Högbladh 2019;
CC BY 4.0).
"""

from __future__ import annotations

import pytest

from factfinder.geo import find_places


def _places(text: str) -> list[tuple[str, str, str | None, str]]:
    return [
        (text[m.start : m.end], m.place.name, m.place.admin1, m.place.precision)
        for m in find_places(text)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # FA-KES (AFP): the Islamic State's capital, not Damascus
        (
            "air strikes on the Islamic State groups de facto Syrian capital on Saturday and "
            "Sunday a monitor said",
            [("Syrian capital", "Raqqa", "Raqqa", "town")],
        ),
        ("the de facto Iraqi capital of ISIS", [("Iraqi capital", "Mosul", "Nineveh", "town")]),
        # No group named: left unresolved, never Damascus.
        ("rebels reached the group's de facto capital", []),
        # Plain "the capital" is still Damascus.
        ("Shells fell on the capital on Sunday", [("the capital", "Damascus", "Damascus", "town")]),
    ],
)
def test_de_facto_capital(text: str, expected: list[tuple[str, str, str, str]]) -> None:
    assert _places(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # FA-KES (Reuters byline)
        "Oliver Holmes Suleiman Al-Khalidi",
        # FA-KES (RIA Novosti)
        "including 10 children Lebanese TV channel Al-Mayadin reported.",
        "Al-Mayadin reported",
        # FA-KES (Sputnik)
        "in northern Syria Al Mayadeen TV channel reported on Sunday.",
        "The Lebanon-based al-Mayadeen TV said that rounds of shelling",
        "In separate comments to al-Mayadeen he said",
        # FA-KES (AFP)
        "He confirmed deaths at the airbase in a phone interview with Lebanese TV station "
        "al-Mayadeen",
        # FA-KES (Reuters)
        "a checkpoint manned by a group of Free Syrian Armys (FSA) Jabhat al Shamiya close to a car depot",
        "The checkpoint was run by the Shamiya Front rebel group",
        # FA-KES (Sputnik, Al Jazeera)
        "have killed 11 civilians including four children Al Jazeera reported Wednesday",
        "Al Jazeera quoted local opposition activists as saying",
        "A reporter from Al-Jazeera was killed",
        "Another Al-Jazeera team was targeted by Russian jets",
        # FA-KES (Al Araby): an outlet named after its city, then "TV"
        "Relentless bombardment According to the Halab Today TV station cluster munitions were",
    ],
)
def test_people_outlets_and_groups_are_not_places(text: str) -> None:
    assert [p for p in _places(text) if p[3] != "country"] == []


def test_the_town_of_al_mayadin_is_still_a_place() -> None:
    # FA-KES (AFP)
    text = "Airstrikes hit a school a bakery and a castle in the small town of al-Mayadin near Deir az-Zour"
    assert _places(text)[0] == ("al-Mayadin", "Al Mayadin", "Deir ez-Zor", "town")
    assert _places("clashes near Mayadeen")[0][1] == "Al Mayadin"


def test_a_battle_front_is_still_a_place() -> None:
    # UCDP: "Al-Mallah Front" is where the fighting is, not a group.
    text = "Fierce clashes take place in Al-Mallah Front and dozens of raids"
    assert [p[0] for p in _places(text)] == ["Al-Mallah"]


def test_a_given_name_is_a_person_only_before_a_surname() -> None:
    assert _places("Riyad al-Assad said") == []
    # Headlines capitalise every word: a capitalised word after the name is no surname.
    assert [p[1] for p in _places("Airstrikes On Riyad Kill 5")] == ["Ar Riyad"]
    # "al-Sharqi" ends place names ("eastern"), it is no surname.
    assert [p[1] for p in _places("Hamzah al-Sharqi was shelled")] == ["Al Hamzah"]


def test_a_station_is_media_only_after_tv_or_radio() -> None:
    assert [p[1] for p in _places("near the water station Raqqa")] == ["Raqqa"]


def test_month_names_are_common_words() -> None:
    from factfinder.geo.arabic_words import COMMON_WORDS, norm_word
    from factfinder.vocab import ARABIC_MONTHS

    assert {norm_word("آذار"), norm_word("تشرين"), norm_word("يوليه")} <= COMMON_WORDS
    assert all(norm_word(w) in COMMON_WORDS for name in ARABIC_MONTHS for w in name.split())


def test_a_kunya_is_a_person() -> None:
    # UCDP: "Abo Amara" is a commander, not Iraq's al-Amarah.
    text = "Fighting between 2 factions in Aleppo;Abo Amara insists to arrest the commander"
    assert [p[1] for p in _places(text)] == ["Aleppo"]
    assert [p[1] for p in _places("Umm Ahmad and Abu Hamza were arrested in Afrin")] == ["Afrin"]
    # Places named "Abu …" or "Umm …" match whole and stay places.
    assert [p[1] for p in _places("Airstrikes on Abu Kamal and Abu al-Duhur")] == [
        "Albu Kamal",
        "Abu az Zuhur",
    ]
    places = _places("Shelling on Umm Batna village in Quneitra")
    assert places[0][1] == "Umm Batinah"


def test_the_first_end_of_a_named_road_is_no_place() -> None:
    # UCDP: "Tehran – Beirut Road" names a road, not Beirut.
    assert _places("Tehran – Beirut Road is subjected to an attack by ISIS infiltrators") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an organisation's acronym after its name is no place ("Sams" is an alternate of Samsun)
        ("according to the Syrian American Medical Society (SAMS).", []),
        # a place in capitals in parentheses still is one
        ("killed in Afrin (ALEPPO) on Monday", ["Afrin", "Aleppo"]),
        ("BEIRUT (AP) - strikes on IDLIB (SYRIA)", ["Beirut", "Idlib", "Syria"]),
    ],
)
def test_an_acronym_in_parentheses_after_its_name_is_no_place(
    text: str, expected: list[str]
) -> None:
    assert [m.place.name for m in find_places(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "the US command said two militants were killed",
        "US Central Command said it killed two operatives",
        "a US drone strike killed a senior official",
    ],
)
def test_a_country_naming_its_forces_is_no_place(text: str) -> None:
    assert [m.place.country for m in find_places(text)] == []
