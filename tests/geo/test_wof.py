"""The vendored Who's On First localities load whole, with their names and admin levels."""

from factfinder.geo.wof import wof_places


def test_every_row_loads_syria_then_iraq() -> None:
    places = wof_places()
    assert len(places) == 10_579 + 22_657
    assert {p.country for p in places[:10_579]} == {"SY"}
    assert {p.country for p in places[10_579:]} == {"IQ"}


def test_a_place_keeps_english_arabic_and_admin_names() -> None:
    qanawat = next(p for p in wof_places() if p.id == 85903033)
    assert qanawat.name_en == "Qanawat"
    assert qanawat.name_ar == "حي القنوات"
    assert "القنوات" in qanawat.alt_names and "Al-Qanawat" in qanawat.alt_names
    assert (qanawat.admin1, qanawat.admin1_ar) == ("Damascus", "دمشق")
    assert qanawat.placetype == "neighbourhood"
    assert abs(qanawat.lat - 33.5119) < 1e-3 and abs(qanawat.lon - 36.3093) < 1e-3
    assert qanawat.names[0] == "Qanawat" and len(set(qanawat.names)) == len(qanawat.names)


def test_arabic_names_are_most_rows() -> None:
    with_ar = sum(1 for p in wof_places() if p.name_ar)
    assert with_ar == 9_840 + 18_758


def test_the_arabic_name_of_a_place_by_its_english_name() -> None:
    from factfinder.geo.wof import arabic_name

    assert arabic_name("Afrin", "Aleppo") == "عفرين"
    assert arabic_name("Hajin", "Deir ez-Zor") == "هجين"
    assert arabic_name("Aleppo") == "حلب"  # the governorate
    assert arabic_name("Afrin", "Daraa") is None  # no Afrin there
    assert arabic_name("Atlantis") is None
