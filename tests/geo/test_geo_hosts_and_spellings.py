"""The place a name is said to be in decides which place of that name it is ("al-Midan … in
Aleppo city", "Qassiab in Hasakeh province", "Hader in Quneitra"), and news spellings the
gazetteer did not know ("Efrin", "Deir ezzor", "Ghoutta", "the Syrian Capital Damascus").

Sentences marked FA-KES are quoted from the FA-KES dataset (F. K. Abu Salem et al., "FA-KES: A
Fake News Dataset around the Syrian War", ICWSM 2019; CC BY 4.0); UCDP ones are source
headlines of the UCDP Georeferenced Event Dataset (Sundberg & Melander 2013; Högbladh 2019;
CC BY 4.0).
"""

from __future__ import annotations

import pytest

from factfinder.geo import find_places
from factfinder.geo.distance import distance_km


def _places(text: str) -> list[tuple[str, str, str | None, str]]:
    return [
        (text[m.start : m.end], m.place.name, m.place.admin1, m.place.precision)
        for m in find_places(text)
    ]


@pytest.mark.parametrize(
    "text",
    [
        # FA-KES (SANA)
        "by terrorists rocket shells on the neighborhoods of al-Hamadaniyeh and al-Midan in "
        "Aleppo city.",
        "targeted the neighborhoods of Sulaiman al-Halabi al-Midan al-Sulimaniah and al-Furqan "
        "in Aleppo city.",
        "by terrorists on al-Midan al-Hamadaniah New Aleppo and al-Muhafaza neighborhoods in "
        "Aleppo on Friday.",
        "shelled the areas of al-Midan and al-Muhafaza in Aleppo city with mortar shells",
    ],
)
def test_midan_in_aleppo_is_aleppos_midan(text: str) -> None:
    [midan] = [m for m in find_places(text) if "Midan" in text[m.start : m.end]]
    assert (midan.place.name, midan.place.admin1, midan.place.precision) == (
        "Midan, Aleppo",
        "Aleppo",
        "neighbourhood",
    )
    assert distance_km(midan.place.lat or 0, midan.place.lon or 0, 36.20, 37.16) < 10


def test_midan_near_aleppo_is_aleppos_midan() -> None:
    # FA-KES (SANA): the city is named only in the source's name before it
    text = (
        "A source at Aleppo Police Command told SANA that the terrorist groups on Saturday "
        "morning fired a rocket shell on al-Midan residential neighborhood injuring a civilian"
    )
    assert ("al-Midan", "Midan, Aleppo", "Aleppo", "neighbourhood") in _places(text)


def test_midan_alone_is_damascus_midan() -> None:
    # FA-KES (AFP): no other city named with it
    text = "in the southern district of Midan and reach the first floor"
    assert _places(text) == [("Midan", "Midan, Damascus", "Damascus", "neighbourhood")]


def test_qassiab_in_hasakeh_is_not_kassab_in_latakia() -> None:
    # FA-KES (AFP)
    text = (
        "The fighting pitted ISIL militants against members of the Kurdish Peoples Protection "
        "Units (YPG) in the village of Qassiab in Hasakeh province according to the Syrian "
        "Observatory for Human Rights."
    )
    assert _places(text) == [("Hasakeh", "Al-Hasakah", "Al-Hasakah", "governorate")]


def test_a_town_is_kept_in_the_governorate_named_after_it() -> None:
    assert _places("Kassab, Latakia province")[0][1:3] == ("Kassab", "Latakia")
    # UCDP: a list member is not said to be in the next one
    text = (
        "Renewed ground shelling by the regime forces targets Khan Shaykhun, Hama countryside, "
        "west of Jisr al-Shughur"
    )
    assert [p[1] for p in _places(text)] == ["Khan Shaykhun", "Hama", "Jisr ash Shughur"]


@pytest.mark.parametrize(
    "text",
    [
        # FA-KES (Naharnet)
        "when an Israeli drone targeted their car at the entrance of Hader in Quneitra province.",
        # FA-KES (AFP), the Golan named in the sentences before and after
        "along the Golan Heights ceasefire line a monitoring group said. An Israeli plane hit a "
        "car inside the town of Hader killing two men",
    ],
)
def test_hader_in_quneitra_is_the_golan_village(text: str) -> None:
    [hader] = [m.place for m in find_places(text) if m.place.name == "Hadar"]
    assert (hader.admin1, hader.precision) == ("Quneitra", "town")
    assert distance_km(hader.lat or 0, hader.lon or 0, 33.28, 35.85) < 10


def test_hader_in_aleppo_countryside_is_aleppos() -> None:
    # FA-KES (SANA)
    text = "attacks that targeted Aleppo city and al-Hader town in Aleppos southern countryside"
    assert ("al-Hader", "Al Hadir", "Aleppo", "town") in _places(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # FA-KES (Al-Alam)
        (
            "Kurds kill 83 Injured 100 ISIS Terrorists in 2 Days Near Efrin",
            [("Efrin", "Afrin", "Aleppo", "town")],
        ),
        # FA-KES (Press TV via Al-Alam): a lower-case last word
        (
            "the countrys eastern Deir ezzor province says a UK-based monitoring group",
            [("Deir ezzor", "Deir ez-Zor", "Deir ez-Zor", "governorate")],
        ),
        # FA-KES (Al-Alam)
        (
            "News of the Ghoutta Massacre have surfaced on Wednesday",
            [("Ghoutta", "Eastern Ghouta", "Rif Dimashq", "district")],
        ),
        # FA-KES (NNA): "Capital" capitalised, "Damascus was" is the city, not its government
        (
            "The blast heard Saturday evening in the area of Burj Rouss Qsaa in the Syrian "
            "Capital Damascus was due to a rocket bomb",
            [("Damascus", "Damascus", "Damascus", "town")],
        ),
        # UCDP
        (
            "The scope of fighting in the capital Damascus is expanded",
            [("Damascus", "Damascus", "Damascus", "town")],
        ),
        # FA-KES (AFP, Reuters)
        (
            "a few kilometers away in Rashidin a southwestern suburb of the city",
            [("Rashidin", "Rashidin", "Aleppo", "town")],
        ),
        (
            "The explosion took place at a transit point Rashideen area as thousands of evacuees",
            [("Rashideen", "Rashidin", "Aleppo", "town")],
        ),
    ],
)
def test_spellings(text: str, expected: list[tuple[str, str, str, str]]) -> None:
    assert [p for p in _places(text) if p[3] != "country"] == expected


def test_a_neighbourhood_then_its_city_after_a_comma() -> None:
    # UCDP: the city named after the comma, not the town of the previous headline
    text = (
        "the regime forces shell the western countryside of Jisr Al-Shughur;September 11th "
        "2017: (S1296) حي الفردوس al Ferdos neighbourhood, Raqqa city, Raqqa governorate, Syria"
    )
    [hood] = [m.place for m in find_places(text) if m.place.precision == "neighbourhood"]
    assert (hood.name.endswith(", Raqqa"), hood.admin1) == (True, "Raqqa")


def test_a_village_near_a_town_after_a_comma_lies_where_that_town_is() -> None:
    # UCDP (Airwars location lines): "X village, near Y town, Z governorate".
    text = "March 29th 2017: (S556) Al Safsaf village, near Tabaqa, Raqqa governorate, Syria"
    assert _places(text)[0][1:3] == ("As Safsafah", "Raqqa")
    # A village of that name exists nowhere there: it is left out, not read as Idlib's Harzah.
    text = (
        "November 8th 2017: (S1469) Harizah village, near al Basirah town, Deir Ezzor "
        "governorate, Syria"
    )
    assert all(p[2] != "Idlib" for p in _places(text))


def test_a_name_near_an_unknown_landmark_lies_in_the_governorate_after_it() -> None:
    # UCDP (Airwars): "Al Safsafa near Tahtani, Raqqa governorate".
    text = "March 17th 2017: (S513) Al Safsafa near Tahtani, Raqqa governorate, Syria"
    assert _places(text)[0][1:3] == ("As Safsafah", "Raqqa")
