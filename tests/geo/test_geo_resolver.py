"""Place resolution on real sentences.

Sentences marked UCDP are headlines from the UCDP Georeferenced Event Dataset (Sundberg &
Melander 2013; Högbladh 2019; CC BY 4.0); FA-KES excerpts are from the FA-KES dataset
(Abu Salem et al., ICWSM 2019; CC BY 4.0). The seed sentences come from samples/seeds.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factfinder.geo import PlaceContext, find_places, incident_places
from factfinder.geo.distance import distance_km

SEEDS = Path(__file__).resolve().parents[2] / "samples" / "seeds" / "docs.jsonl"


def _places(text: str, **kw: object) -> list[tuple[str, str | None, str]]:
    return [
        (text[m.start : m.end], m.place.admin1, m.place.precision) for m in find_places(text, **kw)
    ]  # type: ignore[arg-type]


def test_province_list_gives_four_governorates() -> None:
    text = (
        "in bombing residential neighborhoods in Raqqah, Dayr al-Zawr, Aleppo and Hasakah "
        "provinces."
    )
    assert _places(text) == [
        ("Raqqah", "Raqqa", "governorate"),
        ("Dayr al-Zawr", "Deir ez-Zor", "governorate"),
        ("Aleppo", "Aleppo", "governorate"),
        ("Hasakah", "Al-Hasakah", "governorate"),
    ]
    # A governorate is an area: no point of its own.
    assert all(m.place.lat is None for m in find_places(text))


def test_hajin_near_the_iraqi_border() -> None:
    text = (
        "stated that the Friday airstrikes by the US-led coalition against the eastern town of "
        "Hajin near the Iraqi border, which claimed the lives of at least 26 local civilians"
    )
    (m,) = find_places(text)
    assert text[m.start : m.end] == "Hajin"
    assert (m.place.admin1, m.place.country, m.place.precision) == ("Deir ez-Zor", "SY", "town")
    assert distance_km(m.place.lat or 0, m.place.lon or 0, 34.69, 40.83) < 5
    assert m.score > 0.8


def test_panorama_district_is_a_neighbourhood_of_raqqa() -> None:
    text = (
        '"A number of mass graves were recently discovered in the city of Raqqah." '
        '"Another mass grave was uncovered yesterday in Panorama district, containing more '
        'than 1,500 bodies of civilians," it pointed out.'
    )
    found = find_places(text)
    hood = [m for m in found if m.place.precision == "neighbourhood"]
    assert len(hood) == 1
    assert text[hood[0].start : hood[0].end] == "Panorama district"
    assert hood[0].place.admin1 == "Raqqa"
    raqqa = found[0].place
    assert (hood[0].place.lat, hood[0].place.lon) == (raqqa.lat, raqqa.lon)


def test_a_district_of_a_city_the_table_knows_is_that_neighbourhood_under_any_spelling() -> None:
    # "Hamdaniya" is also an Iraqi district; with "district of Aleppo" it is Aleppo's own.
    spelt = [
        find_places("Rebel shelling of the government-held Hamdaniya district of Aleppo"),
        find_places("rocket shells on al-Hamdaniyah neighbourhood in Aleppo city"),
    ]
    hoods = [[m.place for m in found if m.place.precision == "neighbourhood"] for found in spelt]
    assert [[p.name for p in h] for h in hoods] == [["Hamdaniyah, Aleppo"]] * 2
    assert (hoods[0][0].lat, hoods[0][0].lon) == (hoods[1][0].lat, hoods[1][0].lon)


def test_neighbourhood_parent_from_context() -> None:
    ctx = PlaceContext().updated(find_places("The city of Raqqah was hit."))
    assert ctx.last_town is not None and ctx.last_town.admin1 == "Raqqa"
    (m,) = find_places("especially in the White Garden district.", context=ctx)
    assert m.place.precision == "neighbourhood" and m.place.admin1 == "Raqqa"


def test_seed_documents() -> None:
    docs = {d["id"]: d for d in map(json.loads, SEEDS.read_text("utf-8").splitlines())}
    text = docs["seed-004"]["text"]
    places = incident_places(find_places(text))
    assert places[0].name == "Hajin"
    # "Washington's false claims", "the Damascus government": actors, not places.
    assert all(p.name not in ("Damascus", "Washington") for p in places)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # UCDP headlines
        (
            "Clashes in Jobar, and Bombardment on Reef Dimashq",
            [
                ("Jobar", "Damascus", "neighbourhood"),
                ("Reef Dimashq", "Rif Dimashq", "governorate"),
            ],
        ),
        (
            "Shelling target countryside of al-Suwaidaa and renewed clashes in the Eastern Ghouta",
            [
                ("al-Suwaidaa", "As-Suwayda", "governorate"),
                ("Eastern Ghouta", "Rif Dimashq", "district"),
            ],
        ),
        (
            "More than 20 person killed and wounded in a missile strikes on the countryside of Idlib "
            "and Jisr al-Shughur",
            [("Idlib", "Idlib", "governorate"), ("Jisr al-Shughur", "Idlib", "district")],
        ),
        (
            "ISIS advances in Yarmouk camp south of Damascus",
            [("Yarmouk camp", "Damascus", "town"), ("Damascus", "Damascus", "town")],
        ),
        ("SDF advances over IS in Menbej countryside", [("Menbej", "Aleppo", "district")]),
        (
            "Maarrat al-Nu&#8217;man witnesses a demonstration",
            [("Maarrat al-Nu&#8217;man", "Idlib", "town")],
        ),
        (
            "The death of a child near Tal Abyad and Ras al-Ayn (Sri Kaneh)",
            [
                ("Tal Abyad", "Raqqa", "town"),
                ("Ras al-Ayn", "Al-Hasakah", "town"),
                ("Sri Kaneh", "Al-Hasakah", "town"),
            ],
        ),
        (
            "Warplanes target Khan Sheikhoun and Deir Ezzor airport",
            [("Khan Sheikhoun", "Idlib", "town"), ("Deir Ezzor airport", "Deir ez-Zor", "town")],
        ),
        # FA-KES excerpt
        (
            "At least 35 ISIS militants were killed around the town of Shadadi in northeastern "
            "Hasakeh",
            # "northeastern Hasakeh" is the province: a bare capital's name is its governorate
            [("Shadadi", "Al-Hasakah", "town"), ("Hasakeh", "Al-Hasakah", "governorate")],
        ),
    ],
)
def test_real_sentences(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _places(text) == expected


def test_damascus_countryside_is_rif_dimashq() -> None:
    assert _places("Shelling on the countryside of Damascus")[0][1:] == (
        "Rif Dimashq",
        "governorate",
    )
    assert _places("Raids on rural Damascus")[0][1:] == ("Rif Dimashq", "governorate")
    assert _places("napalm on a Damascus suburb")[0][1:] == ("Rif Dimashq", "governorate")


def test_countries_have_country_precision() -> None:
    found = find_places("Clashes on the border between Syria and Iraq, near Turkey.")
    assert [(m.place.country, m.place.precision) for m in found] == [
        ("SY", "country"),
        ("IQ", "country"),
        ("TR", "country"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Washington's false claims of combating terrorism",
        "the Damascus government has asked the Security Council",
        "Moscow said the strikes hit militants",
        "Ankara said its troops responded",
        "Turkey's army shelled the area",
        "the UK-based Syrian Observatory for Human Rights",
        "fighters of Hayat Tahrir al-Sham and Ahrar al-Sham",
        "the Islamic State of Iraq and Syria",
        "an Al-Jazeera reporter and a crew from al-Alam TV",
        "Interior Minister Mohammed Shaar told reporters",
        "Sunni Muslim groups said",
        "the Bab, the Tal and the Ain",
        "a single interim report marked by manages",
        "Crimes of the coalition, the Mortar attack, Islamic groups",
        "clashes at the airport and in the centre",
    ],
)
def test_not_incident_places(text: str) -> None:
    assert _places(text) == []


def test_generic_words_need_their_article() -> None:
    assert _places("Turkish forces entered al-Bab") == [("al-Bab", "Aleppo", "town")]
    assert _places("They went to Bab") == []


def test_disambiguation_by_governorate_named_nearby() -> None:
    # Two Syrian places are called Suran: a large town in Hama and a village in Aleppo.
    assert _places("Shelling on Suran in Hama countryside")[0][1] == "Hama"
    assert _places("Clashes in Suran in the northern Aleppo countryside")[0][1] == "Aleppo"
    ctx = PlaceContext(admin1=("Aleppo",))
    assert _places("Clashes in Suran", context=ctx)[0][1] == "Aleppo"


def test_iraq_context_prefers_iraqi_places() -> None:
    # Sinjar is a district of Nineveh (Iraq) and a village in Idlib.
    assert find_places("Yazidis fled Sinjar")[0].place.country == "SY"
    assert (
        find_places("Yazidis fled Sinjar", context=PlaceContext(country="IQ"))[0].place.country
        == "IQ"
    )


def test_offsets_and_range() -> None:
    text = "Intro. Airstrikes hit Douma and Harasta. Outro about Aleppo."
    start = text.index("Airstrikes")
    end = text.index(" Outro")
    found = find_places(text, start, end)
    assert [text[m.start : m.end] for m in found] == ["Douma", "Harasta"]
    with pytest.raises(ValueError):
        find_places(text, 5, 1000)


def test_incident_places_orders_and_dedupes() -> None:
    text = "In Syria, shelling hit Beirut, then Aleppo and Aleppo again, and Idlib province."
    places = incident_places(find_places(text))
    assert [p.name for p in places] == ["Aleppo", "Idlib", "Beirut", "Syria"]


def test_fast_enough() -> None:
    import time

    text = "Warplanes target Khan Sheikhoun, Saraqib and the countryside of Idlib. " * 200
    find_places(text)  # warm-up: gazetteer load
    t = time.perf_counter()
    found = find_places(text)
    assert len(found) == 600
    assert time.perf_counter() - t < 2.0


def test_places_of_the_country_the_text_is_about_come_first() -> None:
    # FA-KES: Raqqa (Syria, named with "Syria") before Mosul (Iraq), though Mosul comes first
    text = "After Mosul, Kurdish-led forces press Islamic State near Syria's Raqqa."
    assert [p.name for p in incident_places(find_places(text))] == ["Raqqa", "Mosul"]
    assert incident_places(find_places(text), country="IQ")[0].name == "Mosul"


def test_regions_wider_than_a_point_have_no_coordinates() -> None:
    (m,) = find_places("ISIS attacks in the Syrian Desert")
    assert (m.place.name, m.place.precision, m.place.lat) == ("Badia", "district", None)
    (m,) = find_places("clashes in Eastern Ghouta")
    assert m.place.lat is not None


def test_the_ends_of_a_named_road_are_not_places() -> None:
    # UCDP
    assert find_places("ISIS continues its attacks on the road of Tehran – Beirut") == []
    text = "Clashes violently continue on Damascus – Homs highway and shelling targets Daraa"
    assert [m.place.name for m in find_places(text)] == ["Daraa"]


@pytest.mark.parametrize(
    ("text", "capital"),
    [
        (
            "Israeli strikes on two central Beirut neighbourhoods, the deadliest strike on the "
            "capital yet.",
            ("Beirut", "LB"),
        ),
        ("Clashes in Mosul; rockets hit the capital.", ("Baghdad", "IQ")),
        ("Mortars hit Jaramana and the capital on Monday.", ("Damascus", "SY")),
        ("A bomb exploded in the capital.", ("Damascus", "SY")),
    ],
)
def test_the_capital_alone_is_the_capital_of_the_country_named_before_it(
    text: str, capital: tuple[str, str]
) -> None:
    last = find_places(text)[-1].place
    assert (last.name, last.country) == capital
