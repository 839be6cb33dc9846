"""Location lines and streets: a line that ends on its governorate rules out homonyms elsewhere,
and a town that names a street is no place. The sentences are written for these tests, in the
shape of strike logs and monitors' headlines."""

from __future__ import annotations

from factfinder.geo import find_places


def _found(text: str) -> list[tuple[str, str | None, str]]:
    return [(m.place.name, m.place.admin1, m.place.precision) for m in find_places(text)]


def test_a_line_ending_on_its_governorate_drops_a_homonym_elsewhere() -> None:
    # "Hamra" begins the name of a Raqqa village; Hama's al-Hamra is another place.
    found = _found("Log entry 3 (K-17): Hamra Ghanem, Raqqa governorate, Syria")
    assert found == [("Raqqa", "Raqqa", "governorate"), ("Syria", None, "country")]


def test_an_arabic_name_of_a_village_is_read_whole_on_such_a_line() -> None:
    found = _found("Log entry 9 (K-40): حمرة ناصر Hamra Nasser village, Raqqa governorate, Syria")
    assert found[0] == ("Hamrat Nasir", "Raqqa", "town")
    assert all(admin1 != "Hama" for _, admin1, _ in found)


def test_a_neighbourhood_on_such_a_line_is_the_line_citys() -> None:
    found = _found(
        "Log entry 12 (K-51): Saif al Dawla neighbourhood, Raqqa city, Raqqa governorate"
    )
    assert found[0] == ("Saif al-Dawla, Raqqa", "Raqqa", "neighbourhood")


def test_a_sentence_naming_a_province_at_its_end_is_no_location_line() -> None:
    # Deir Ezzor is another governorate than Daraa, but the sentence names both places.
    found = _found("Fighting near Deir Ezzor city and shelling on several towns in Daraa province")
    assert ("Deir ez-Zor", "Deir ez-Zor", "town") in found
    assert ("Daraa", "Daraa", "governorate") in found


def test_a_town_that_names_a_street_is_no_place() -> None:
    found = _found("A car bomb went off in Tal Abyad Street in the centre of Raqqa city")
    assert [name for name, _, _ in found] == ["Raqqa"]
    # a street named after a quarter may run through it: the quarter stays
    found = _found("Shells fell on Saif al Dawla Street in Aleppo")
    assert found[0] == ("Saif al-Dawla, Aleppo", "Aleppo", "neighbourhood")


def test_a_town_a_far_distance_is_measured_from_gives_only_its_governorate() -> None:
    # farther than the 25 km a point stands for: the area, without a point
    found = _found("Clashes rage about 40 km east of Homs city and shells kill 2 in Talbiseh")
    assert found == [("Homs", "Homs", "governorate"), ("Tallbisah", "Homs", "town")]
    assert find_places("Fighting 60 kilometres away from the city of Hama")[0].place.lat is None
    # a near one is where it happened, near enough
    assert _found("Clashes rage about 10 km from Manbij city") == [("Manbij", "Aleppo", "town")]
