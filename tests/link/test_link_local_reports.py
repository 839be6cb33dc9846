"""Local posts about one village's day: they share few words, name the party or not, and their
quarters may be read in the wrong city. Texts are written for these tests."""

from __future__ import annotations

from factfinder.link.blocking import candidate_pairs
from factfinder.link.features import explain_pair
from factfinder.link.records import place_info
from factfinder.link.run import blocking_keys, compute_idf, link_records
from factfinder.model import Place

# A village in rural Idlib (approximate coordinates, an invented gazetteer id).
VILLAGE = ("Kafr Ruma", 35.58, 36.60, "Idlib")
VILLAGE_ID = 9_000_001


def _posts(make_record, *specs):
    return [
        make_record(
            i,
            place=VILLAGE,
            geonameid=VILLAGE_ID,
            event="shelling",
            killed=killed,
            perpetrator=party,
            day=day,
            text=text,
            publisher=publisher,
            language="ar",
        )
        for i, (party, killed, day, text, publisher) in enumerate(specs)
    ]


def test_a_post_naming_no_party_meets_and_joins_the_report_of_its_village_and_day(make_record):
    recs = _posts(
        make_record,
        (
            "syrian_government",
            2,
            "2023-10-05",
            "قصف مدفعي لقوات النظام يستهدف الأحياء السكنية في قرية كفرومة ويوقع قتيلين",
            "Local news page",
        ),
        ("unknown", None, "2023-10-05", "لحظة سقوط القذائف على البلدة قبل قليل", "Activist"),
    )
    keys, names = blocking_keys(recs)
    found = {(min(a, b), max(a, b)) for a, b in candidate_pairs(recs, keys, names)}
    assert (0, 1) in found
    run = link_records(recs)
    assert len(run.clustering.clusters) == 1


def test_a_post_naming_no_party_meets_no_report_of_its_village_a_week_later(make_record):
    recs = _posts(
        make_record,
        ("russia", 3, "2023-10-05", "غارات روسية على كفرومة توقع ثلاثة قتلى", "Monitor"),
        ("unknown", None, "2023-10-12", "قصف يستهدف أطراف قرية كفرومة", "Activist"),
    )
    keys, names = blocking_keys(recs)
    found = {(min(a, b), max(a, b)) for a, b in candidate_pairs(recs, keys, names)}
    assert (0, 1) not in found


def test_one_town_on_one_day_weighs_more_than_one_town_a_day_apart(make_record):
    same = _posts(
        make_record,
        ("unknown", None, "2023-10-05", "قصف على القرية", "A"),
        ("unknown", None, "2023-10-05", "سقوط قذائف", "B"),
    )
    apart = _posts(
        make_record,
        ("unknown", None, "2023-10-05", "قصف على القرية", "A"),
        ("unknown", None, "2023-10-06", "سقوط قذائف", "B"),
    )
    w_same = explain_pair(*same, compute_idf(same)).features["place"]["weight"]
    w_apart = explain_pair(*apart, compute_idf(apart)).features["place"]["weight"]
    assert w_same > w_apart > 0


def _place(name, lat, lon, admin1, precision):
    return Place(name, lat, lon, admin1=admin1, country="SY", precision=precision)


def test_a_quarter_read_outside_the_town_the_report_names_is_not_its_point():
    # "حي القصور في مدينة حماة": the quarter's name read as a quarter of Homs.
    town = _place("Hama", 35.13, 36.75, "Hama", "town")
    homonym = _place("Al Qusour", 34.73, 36.71, "Homs", "neighbourhood")
    info = place_info((homonym, town), None)
    assert (34.73, 36.71) not in info.points
    assert info.areas == frozenset({"gov:hama"})
    # A quarter inside the named town's governorate is kept, and so is one written with its
    # city ("Shaar, Aleppo"), which was not read as a bare name.
    inside = _place("Al Arbaeen", 35.14, 36.76, "Hama", "neighbourhood")
    assert (35.14, 36.76) in place_info((inside, town), None).points
    qualified = _place("Shaar, Aleppo", 36.21, 37.17, "Aleppo", "neighbourhood")
    assert (36.21, 37.17) in place_info((qualified, town), None).points
    # A claim naming only a governorate keeps its quarter (the city may be what was misread),
    # and so does a claim naming towns of two governorates (a round-up).
    province = _place("Hama", None, None, "Hama", "governorate")
    assert (34.73, 36.71) in place_info((homonym, province), None).points
    other = _place("Salamiyah", 35.01, 37.05, "Hama", "town")
    palmyra = _place("Tadmur", 34.56, 38.28, "Homs", "town")
    assert (34.73, 36.71) in place_info((homonym, other, palmyra), None).points
