"""Arabic-script place names: found with their proclitics and place words, resolved against the
Who's On First gazetteer, and common words, people and organisations left alone.

The sentences are written for these tests; the places are real Syrian and Iraqi towns.
"""

from __future__ import annotations

import pytest

from factfinder.geo import find_places, names_across_scripts
from factfinder.geo.arabic_places import find_arabic_places, loose_key
from factfinder.geo.resolver import find_places as find_latin_places
from factfinder.mentions import PlaceMention


def places(text: str) -> list[tuple[str, str, str, str | None]]:
    """(text of the span, place name, precision, governorate) of every mention."""
    return [
        (text[m.start : m.end], m.place.name, m.place.precision, m.place.admin1)
        for m in find_places(text)
    ]


def only(text: str, surface: str) -> PlaceMention:
    hits = [m for m in find_places(text) if text[m.start : m.end] == surface]
    assert len(hits) == 1, places(text)
    return hits[0]


def test_place_word_and_countryside_with_direction() -> None:
    text = "قصفت طائرات روسية بلدة كفرنبل في ريف إدلب الجنوبي"
    assert places(text) == [
        ("كفرنبل", "Kafranbel", "town", "Idlib"),
        ("إدلب", "Idlib", "governorate", "Idlib"),
    ]
    town, governorate = find_places(text)
    assert town.place.lat == pytest.approx(35.61, abs=0.05)
    assert governorate.place.lat is None and governorate.place.lon is None


def test_proclitic_preposition_is_outside_the_span() -> None:
    text = "سقط صاروخ أطلقته طائرة للتحالف الدولي بالميادين شرقي دير الزور"
    mayadin = only(text, "الميادين")
    assert (mayadin.place.admin1, mayadin.place.precision) == ("Deir ez-Zor", "town")
    assert text[mayadin.start - 1] == "ب"


def test_countryside_of_a_governorate_has_no_town_point() -> None:
    text = "قصف مدفعي لقوات النظام على ريف حلب الشمالي"
    assert places(text) == [("حلب", "Aleppo", "governorate", "Aleppo")]
    assert find_places(text)[0].place.lat is None


def test_the_countryside_of_damascus_is_rif_dimashq() -> None:
    assert places("قصف إسرائيلي على طريق المصنع بريف دمشق الغربي") == [
        ("دمشق", "Rif Dimashq", "governorate", "Rif Dimashq")
    ]
    assert places("قصف على مدينة الزبداني بريف دمشق")[1][1:] == (
        "Rif Dimashq",
        "governorate",
        "Rif Dimashq",
    )
    assert places("قصف على مدينة دمشق")[0][1:3] == ("Damascus", "town")


def test_direction_inside_a_country_is_the_country() -> None:
    text = "غارة إسرائيلية على مواقع في شمال شرقي سوريا"
    assert places(text) == [("سوريا", "Syria", "country", None)]


def test_city_word_makes_a_capital_the_city() -> None:
    text = "انفجار سيارة مفخخة في مدينة إدلب"
    idlib = only(text, "إدلب")
    assert idlib.place.precision == "town"
    assert idlib.place.lat == pytest.approx(35.93, abs=0.05)


def test_place_said_to_be_in_a_governorate_chooses_the_homonym() -> None:
    # Ras al-Ain is the name of about ten villages; the one in al-Hasakah is meant.
    text = "قصفت القوات التركية مدينة رأس العين بريف الحسكة"
    ras = only(text, "رأس العين")
    assert ras.place.admin1 == "Al-Hasakah"
    assert ras.place.lat == pytest.approx(36.85, abs=0.05)


def test_common_word_village_needs_a_place_word() -> None:
    typed = "قصفت قوات النظام قرية الطيبة بريف درعا الشرقي"
    assert ("الطيبة", "At Tayyibah", "town", "Daraa") in places(typed)
    assert places("سقطت قذيفة في الطيبة") == []


def test_list_after_a_plural_place_word_shares_it_and_the_host() -> None:
    text = "غارات روسية على قرى كفرنبل وحاس وكفرومة بريف إدلب"
    found = places(text)
    assert [f[0] for f in found] == ["كفرنبل", "حاس", "كفرومة", "إدلب"]
    assert {f[3] for f in found} == {"Idlib"}
    assert [f[2] for f in found[:3]] == ["town", "town", "town"]


def test_people_and_news_words_are_not_places() -> None:
    assert places("استشهد الطفل محمد الأحمد جراء القصف") == []
    assert places("#عاجل قصف جوي مجهول") == []
    assert places("وصل جاسم محمد إلى المنزل") == []


def test_armed_groups_named_after_places_are_not_places() -> None:
    assert places("أعلن فيلق الشام وقوات سوريا الديمقراطية عن هدنة") == []
    assert places("هيئة تحرير الشام تقصف مواقع النظام في ريف حماة") == [
        ("حماة", "Hama", "governorate", "Hama")
    ]


def test_first_word_of_an_unknown_longer_name_is_not_a_place() -> None:
    # "جديد بكارة" is not in the gazetteer; a village called "جديد" elsewhere is not it.
    text = "دهست عربة للتحالف شاباً في قرية جديد بكارة بريف دير الزور"
    assert places(text) == [("دير الزور", "Deir ez-Zor", "governorate", "Deir ez-Zor")]


def test_unknown_neighbourhood_of_a_named_city() -> None:
    text = "قصفت الطائرات التركية حي الشيخ مقصود في مدينة حلب"
    hood = find_places(text)[0]
    assert text[hood.start : hood.end] == "الشيخ مقصود"
    assert hood.place.precision == "neighbourhood"
    assert hood.place.admin1 == "Aleppo" and hood.place.lat is not None


def test_hashtag_with_underscore_and_diacritics_map_back_to_the_original() -> None:
    text = "قصف على #دير_الزور"
    assert [text[m.start : m.end] for m in find_places(text)] == ["دير_الزور"]
    text = "قُصِفَتْ بلدةُ سَراقِب بالمدفعية"
    saraqib = only(text, "سَراقِب")
    assert saraqib.place.name == "Saraqib"


def test_kurdish_name_in_arabic_script() -> None:
    text = "قصف تركي على قرى قرب قامشلو"
    assert only(text, "قامشلو").place.admin1 == "Al-Hasakah"


def test_iraqi_district_and_city() -> None:
    text = "هجوم لتنظيم داعش في قضاء سنجار غرب الموصل بالعراق"
    found = places(text)
    assert ("سنجار", "Sinjar", "district", "Nineveh") in found
    assert ("العراق", "Iraq", "country", None) in found
    assert next(f for f in found if f[0] == "الموصل")[3] == "Nineveh"


def test_compass_word_after_the_governorate_chooses_the_homonym() -> None:
    # Two villages called al-Rabi'a lie in Hama governorate, one west and one east of the city.
    text = "قتل مدنيان بقصف طائرة مسيرة على بلدة الربيعة بريف حماة الغربي"
    rabia = only(text, "الربيعة")
    assert rabia.place.lon is not None and rabia.place.lon < 36.75


def test_looser_spelling_after_a_place_word() -> None:
    # The gazetteer writes the village with س, the text with ص.
    text = "انفجار لغم في قرية كنصفرة جنوبي إدلب"
    village = only(text, "كنصفرة")
    assert (village.place.name, village.place.admin1) == ("Kansafrah", "Idlib")
    assert loose_key("كنصفره") == loose_key("كنسفره")


def test_bare_capital_alone_is_the_city_and_with_others_the_governorate() -> None:
    alone = only("طائرة مسيرة إيرانية الصنع سقطت في السويداء", "السويداء")
    assert alone.place.precision == "town" and alone.place.lat is not None
    listed = places("قصف متبادل بين فصائل المعارضة والنظام في حلب وإدلب")
    assert [p[2] for p in listed] == ["governorate", "governorate"]


def test_turkish_and_sdf_parties_in_the_same_area() -> None:
    text = "قصفت المدفعية التركية والفصائل الموالية لها قرية تل شعير بريف حلب"
    assert ("تل شعير", "Tall Sha'ir", "town", "Aleppo") in places(text)
    text = "قوات سوريا الديمقراطية تعتقل شخصين في بلدة الشحيل شرقي دير الزور"
    assert [p[3] for p in places(text)] == ["Deir ez-Zor", "Deir ez-Zor"]


def test_latin_and_arabic_mentions_together() -> None:
    # A post mostly in Arabic with an English title: both scripts are read.
    text = "Airstrike on Saraqib. قصف جوي روسي على مدينة سراقب في ريف إدلب الشرقي"
    assert [(text[m.start : m.end], m.place.name) for m in find_places(text)] == [
        ("Saraqib", "Saraqib"),
        ("سراقب", "Saraqib"),
        ("إدلب", "Idlib"),
    ]
    # An English text quoting an Arabic name is the English resolver's alone.
    text = "Shelling hit حي الفردوس, the al-Ferdous neighbourhood of Aleppo city, on Monday."
    assert find_places(text) == find_latin_places(text)


def test_english_text_is_left_to_the_english_resolver() -> None:
    text = "Russian jets struck Kafr Nabl in rural Idlib, killing three civilians."
    assert find_places(text) == find_latin_places(text)
    assert find_arabic_places(text) == []


def test_range_of_a_longer_text() -> None:
    text = "قصف على مدينة سراقب. ثم قصف على بلدة كفرنبل في ريف إدلب"
    start = text.index("ثم")
    assert [text[m.start : m.end] for m in find_places(text, start, len(text))] == [
        "كفرنبل",
        "إدلب",
    ]


def test_names_across_scripts() -> None:
    assert "عفرين" in names_across_scripts("Afrin")
    assert "Afrin" in names_across_scripts("عفرين")
    assert "Saraqib" in names_across_scripts("بسراقب")  # with a proclitic
    assert "حلب" in names_across_scripts("Aleppo")
    assert {"سوريا", "سورية"} <= names_across_scripts("Syria")
    assert "Syria" in names_across_scripts("سوريا")
    assert "الغوطة الشرقية" in names_across_scripts("Eastern Ghouta")
    # a news spelling the English gazetteer knows
    assert "خان شيخون" in names_across_scripts("Khan Sheikhoun")
    assert names_across_scripts("Xyzzyville") == set()


def test_words_broken_with_tatweel_are_joined() -> None:
    text = "قـ ـصـ ـف تركي على بلدة عين عيـ . ـسى بريف الرقة"
    town = find_places(text)[0]
    assert (town.place.name, town.place.admin1) == ("Ayn Isa", "Raqqa")
    assert text[town.start : town.end] == "عين عيـ . ـسى"


def test_place_word_with_a_proclitic_is_not_a_village_name() -> None:
    # "بريف" is "in the countryside of", not the village of that spelling.
    text = "سقطت قذيفة هاون بريف اللاذقية الشمالي"
    assert places(text) == [("اللاذقية", "Latakia", "governorate", "Latakia")]


def test_nationality_adjective_is_not_a_village() -> None:
    text = "قتل ثلاثة مدنيين بغارة روسية على مدينة أريحا جنوبي إدلب"
    assert places(text) == [
        ("أريحا", "Ariha", "town", "Idlib"),
        ("إدلب", "Idlib", "governorate", "Idlib"),
    ]


def test_iraqi_city_named_in_a_syrian_text_gives_no_point() -> None:
    # A street named after Baghdad in Aleppo: the Iraqi capital is no place of the incident.
    text = "قصفت قوات النظام شارع بغداد في مدينة حلب وقتل مدني في حي الشعار بحلب"
    baghdad = only(text, "بغداد")
    assert baghdad.place.precision == "governorate" and baghdad.place.lat is None


def test_administered_from_a_city_means_its_governorate() -> None:
    text = "قصف تركي على الريف الشرقي لناحية #عين_عيسى التابعة لمدينة #الرقة"
    ayn_isa = only(text, "عين_عيسى")
    assert (ayn_isa.place.name, ayn_isa.place.precision) == ("Ayn Isa", "district")


def test_sentence_by_sentence_reading_uses_the_whole_text() -> None:
    from factfinder.geo import PlaceContext

    text = "قصفت طائرات روسية بلدة كفرنبل. وسقط صاروخ على بلدة حاس في ريف إدلب الجنوبي"
    cut = text.index("وسقط")
    ctx = PlaceContext()
    first = find_places(text, 0, cut, context=ctx)
    second = find_places(text, cut, len(text), context=ctx.updated(first))
    assert [m.place.name for m in first] == ["Kafranbel"]
    assert [m.place.name for m in second] == ["Hassef", "Idlib"]


def test_spans_keep_the_article_and_leave_out_other_proclitics() -> None:
    text = "قصف للتحالف على الباغوز وبالشحيل في ريف دير الزور الشرقي"
    assert [text[m.start : m.end] for m in find_places(text)] == [
        "الباغوز",
        "الشحيل",
        "دير الزور",
    ]


def test_adjective_with_the_article_is_not_the_country() -> None:
    assert places("قصفت الطائرات السورية والروسية مواقع المعارضة") == []
    assert places("قتل مدنيان في سورية") == [("سورية", "Syria", "country", None)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("قتل مدني بقصف مدفعي على محافظة إدلب", "Idlib"),
        ("غارات روسية على مُحافظة اللاذقية", "Latakia"),
        ("انفجار عبوة ناسفة في محافظة طرطوس", "Tartus"),
    ],
)
def test_governorate_word_makes_the_governorate_not_its_capital(text: str, name: str) -> None:
    # Who's On First gives some capitals "محافظة X" among their names; the text means the area.
    [(surface, place, precision, admin1)] = places(text)
    assert (place, precision, admin1) == (name, "governorate", name)
    assert not surface.startswith(("محافظة", "مُحافظة"))
    assert find_places(text)[0].place.lat is None


def test_village_in_a_governorate_keeps_the_governorate_as_an_area() -> None:
    text = "غارات على قرية كفرنبل في محافظة إدلب"
    assert places(text) == [
        ("كفرنبل", "Kafranbel", "town", "Idlib"),
        ("إدلب", "Idlib", "governorate", "Idlib"),
    ]


def test_a_weekday_after_a_listed_town_is_the_date() -> None:
    text = "قتل مدنيان بقصف مدفعي على بلدة سرمين، الجمعة، وفق الدفاع المدني."
    assert [m.place.name for m in find_places(text)] == ["Sarmin"]
