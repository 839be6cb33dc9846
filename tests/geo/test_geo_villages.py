"""Who's On First villages: read with a cue, told apart by governorate, district and distance,
and never read from words or people's names. The sentences are written for these tests."""

from __future__ import annotations

import pytest

from factfinder.geo import Gazetteer, distance_km, find_places


def _found(text: str) -> list[tuple[str, str | None, str, float | None, float | None]]:
    return [
        (m.place.name, m.place.admin1, m.place.precision, m.place.lat, m.place.lon)
        for m in find_places(text)
    ]


def _village(text: str, name: str) -> tuple[str | None, float, float]:
    """The governorate and point of the one mention resolved to a place named like `name`."""
    hits = [(a1, lat, lon) for n, a1, _, lat, lon in _found(text) if name in n]
    assert len(hits) == 1, _found(text)
    a1, lat, lon = hits[0]
    assert lat is not None and lon is not None
    return a1, lat, lon


def test_the_gazetteer_holds_wof_villages_with_their_district() -> None:
    gaz = Gazetteer.get()
    turmanin = gaz.lookup("Turmanin")
    assert [(e.name, e.admin1, e.admin2, e.wof, e.precision) for e in turmanin] == [
        ("Turmanin", "Idlib", "Harim", True, "town")
    ]
    # GeoNames places get their district from the WOF record of the same GeoNames id
    aleppo = next(e for e in gaz.lookup("Aleppo") if e.kind == "city")
    assert (aleppo.wof, aleppo.admin2) == (False, "Jabal Sam'an")
    # a curated place comes before WOF villages of its name
    assert [(e.admin1, e.wof) for e in gaz.lookup("Nawa")][:2] == [("Daraa", False), ("Homs", True)]


def test_wrong_wof_aliases_of_known_places_are_not_indexed() -> None:
    # WOF lists "Kobanî" among Afrin's names and "Ţabqah" among Tulayfah's
    assert [e.name for e in Gazetteer.get().lookup("Kobani")] == ["Ayn al Arab"]
    assert [e.name for e in Gazetteer.get().lookup("Tabqah")] == ["Al-Tabqa"]
    assert [p[0] for p in _found("Coalition aircraft bombed Tabqa")] == ["Al-Tabqa"]
    assert [p[0] for p in _found("YPG fighters defended Kobani")] == ["Ayn al Arab"]


@pytest.mark.parametrize(
    ("text", "governorate"),
    [
        ("Coalition warplanes hit Turmanin town", "Idlib"),  # the text says it is a town
        ("Turkish forces shelled Dudiyan", "Aleppo"),  # a verb of attack before it
        ("Russian jets bombed the village of Muwaysah", "Tartus"),
        ("ISIS fighters stormed Tilalayn at dawn", "Aleppo"),
    ],
)
def test_a_wof_village_is_read_with_a_cue(text: str, governorate: str) -> None:
    found = _found(text)
    assert len(found) == 1 and found[0][1:3] == (governorate, "town"), found


def test_a_bare_village_name_needs_a_place_close_by() -> None:
    assert _found("Dudiyan was quiet") == []
    # named with a town nearby, it stands
    assert [p[0] for p in _found("Tilalayn and Marea were shelled by the SDF")] == [
        "Tilalayn",
        "Marea",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Jamal told reporters that Hamza had left",  # given names that villages bear
        "Salam and Amal were displaced",
        "Bashar Jaafari, the envoy, said the talks failed",
        "Ahrar al-Sham fighters withdrew",  # a group's name
        "Hayat Tahrir al-Sham denied it",
        "Sharia courts were set up by the Islamic State",
        "Imam Ali was quoted by Iranian media",
        "Side Effects Of The War Were Reported",  # a headline in title case
    ],
)
def test_words_and_peoples_names_are_not_villages(text: str) -> None:
    assert [p for p in _found(text) if p[2] == "town"] == []


def test_a_villages_name_inside_a_longer_name_is_not_the_village() -> None:
    # "Nu'man" and "Sharqi" are villages' names too; here they are parts of other names
    names = [p[0] for p in _found("Government shells hit Ma'ra al-Nu'man")]
    assert "Numan" not in names
    names = [p[0] for p in _found("ISIS attacked army posts in Qalamoun al-Sharqi")]
    assert "Ash Sharqi" not in names


@pytest.mark.parametrize(
    ("text", "governorate"),
    [
        ("Regime artillery shelled Masaran in the southern countryside of Idlib", "Idlib"),
        ("Russian jets struck Masaran in the eastern countryside of Hama", "Hama"),
        ("Hezbollah fighters stormed Dayr Mama in the countryside of Latakia", "Latakia"),
        ("Israeli strikes were reported near Dayr Mama in Hama province", "Hama"),
    ],
)
def test_the_governorate_named_with_a_village_picks_the_homonym(
    text: str, governorate: str
) -> None:
    name = "Masaran" if "Masaran" in text else "Dayr Mama"
    assert _village(text, name)[0] == governorate


def test_the_town_named_with_a_village_picks_the_homonym_in_its_district() -> None:
    # Two Jubb al Khafi in Aleppo governorate: one in Manbij district, one near Aleppo city.
    gaz = Gazetteer.get()
    by_district = {e.admin2: e for e in gaz.lookup("Jubb al Khafi")}
    assert set(by_district) == {"Manbij", "Jabal Sam'an"}
    _, lat, lon = _village("SDF fighters entered Jubb al Khafi west of Manbij", "Jubb al Khafi")
    assert (lat, lon) == (by_district["Manbij"].lat, by_district["Manbij"].lon)


def test_the_places_named_with_a_village_pick_the_closest_homonym() -> None:
    gaz = Gazetteer.get()
    near_bab = next(e for e in gaz.lookup("Muflisah") if e.admin2 == "Al-Bab")
    near_aleppo = next(e for e in gaz.lookup("Muflisah") if e.admin2 == "Jabal Sam'an")
    assert near_bab.lat is not None and near_bab.lon is not None
    _, lat, lon = _village("Turkish-backed factions captured Muflisah near al-Bab", "Muflisah")
    assert distance_km(lat, lon, near_bab.lat, near_bab.lon) < 1
    _, lat, lon = _village("Government forces retook Muflisah near Aleppo city", "Muflisah")
    assert (lat, lon) == (near_aleppo.lat, near_aleppo.lon)


def test_a_curated_place_wins_over_wof_homonyms_without_other_evidence() -> None:
    assert _village("Israeli jets bombed Nawa", "Nawa")[0] == "Daraa"


def test_an_abandoned_place_is_read_only_when_nothing_else_fits() -> None:
    # Muwaysah: a village in Tartus, and an abandoned one (PPLQ) in Quneitra
    assert _village("HTS shelled the village of Muwaysah", "Muwaysah")[0] == "Tartus"
    text = "Government forces shelled Muwaysah in Quneitra province"
    assert _village(text, "Muwaysah")[0] == "Quneitra"


def test_a_village_in_another_governorate_than_the_text_names_is_not_read() -> None:
    # the only Dudiyan is in Aleppo governorate: in a text about Daraa it is another place
    assert [p[0] for p in _found("SDF shelled Dudiyan in the countryside of Daraa")] == ["Daraa"]


def test_an_incident_line_with_the_arabic_name_first_reads_the_transliteration() -> None:
    # "<Arabic name> <transliteration>, <governorate>, Syria": the Arabic word is no part of
    # the Latin name, and the governorate after the comma places it
    assert _village("مسران Masaran, Hama governorate, Syria", "Masaran")[0] == "Hama"
    assert _village("مسران Masaran, Idlib governorate, Syria", "Masaran")[0] == "Idlib"


def test_a_given_name_inside_a_village_name_does_not_block_it() -> None:
    # "Faraj" alone is a man's name; "Kasrat Faraj" is a village
    assert _village("SDF fighters entered Kasrat Faraj in Raqqa province", "Kasrat")[0] == "Raqqa"


def test_a_final_h_after_a_vowel_is_a_spelling_variant() -> None:
    # "Ghassaniya"/"Ghassaniyah", "Karama"/"Karamah": transliterations write the h or not
    text = "Russian jets hit Ghassaniya in Homs province"
    assert _found(text)[0][:3] == ("Al Ghassaniyah", "Homs", "town")
    assert _found("Government forces retook Al Karama, Raqqa governorate")[0][:2] == (
        "Al Karamah",
        "Raqqa",
    )


@pytest.mark.parametrize("spelling", ["Ibleen", "Eblin", "Ablin"])
def test_an_initial_alef_is_written_a_i_or_e_and_only_alike_villages_compete(
    spelling: str,
) -> None:
    # Ablin and Balyun share their consonants; only the one spelt alike is a candidate
    found = find_places(f"regime forces shelled the village of {spelling} in Jabal al-Zawiya")
    assert [p.place.name for p in found][:1] == ["Ablin"]
