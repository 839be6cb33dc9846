"""Blocking: which claims are compared at all."""

from __future__ import annotations

import random

from factfinder.link.blocking import candidate_pairs
from factfinder.link.records import LinkClaim
from factfinder.link.run import blocking_keys

HASAKAH = ("Al-Hasakah", 36.502, 40.747, "Al-Hasakah")  # named like its governorate: coarse
TELL_TAMER = ("Tell Tamer", 36.652, 40.371, "Al-Hasakah")
QAMISHLI = ("Al Qamishli", 37.052, 41.231, "Al-Hasakah")  # ~90 km from Tell Tamer
ALEPPO = ("Aleppo", 36.202, 37.161, "Aleppo")
# Two points 3 km apart on either side of a grid line (36.75 N).
SOUTH_OF_LINE = ("Tell Tamer south", 36.740, 40.240, "Al-Hasakah")
NORTH_OF_LINE = ("Tell Tamer north", 36.760, 40.260, "Al-Hasakah")


def pairs(records: list[LinkClaim], names: bool = True) -> set[tuple[int, int]]:
    keys, name_keys = blocking_keys(records)
    found = list(candidate_pairs(records, keys, name_keys if names else ()))
    assert len(found) == len(set(found)), "a pair was produced twice"
    return {(min(a, b), max(a, b)) for a, b in found}


def test_same_day_same_town_is_a_candidate(make_record):
    recs = [make_record(0), make_record(1)]
    assert pairs(recs) == {(0, 1)}


def test_far_apart_in_time_is_never_a_candidate(make_record):
    recs = [make_record(0, day="2016-07-05"), make_record(1, day="2016-07-20")]
    assert pairs(recs) == set()


def test_day_precision_allows_a_day_of_disagreement_each_side(make_record):
    recs = [
        make_record(0, day="2016-07-05"),
        make_record(1, day="2016-07-07"),
        make_record(2, day="2016-07-08"),
    ]
    # slack 1 day each side: windows 4-6 and 6-8 overlap, 4-6 and 7-9 do not
    assert pairs(recs) == {(0, 1), (1, 2)}


def test_coarser_date_precision_widens_the_window(make_record):
    month = make_record(0, day="2016-07-01", end="2016-07-31", precision="month")
    day = make_record(1, day="2016-08-02")
    assert pairs([month, day]) == {(0, 1)}
    early = make_record(1, day="2016-08-10")
    assert pairs([month, early]) == set()


def test_far_apart_in_space_is_never_a_candidate(make_record):
    recs = [make_record(0, place=HASAKAH), make_record(1, place=ALEPPO)]
    assert pairs(recs) == set()


def test_points_meet_only_in_neighbouring_cells(make_record):
    recs = [
        make_record(0, place=TELL_TAMER),
        make_record(1, place=QAMISHLI),
        make_record(2, place=SOUTH_OF_LINE),
        make_record(3, place=NORTH_OF_LINE),
    ]
    found = pairs(recs)
    assert (0, 1) not in found  # 90 km
    assert (2, 3) in found  # neighbouring grid cells


def test_a_town_named_like_its_governorate_is_read_as_the_governorate(make_record):
    recs = [make_record(0, place=HASAKAH), make_record(1, place=QAMISHLI)]
    assert recs[0].points == () and recs[0].areas == frozenset({"gov:hasakah"})
    assert pairs(recs) == {(0, 1)}


def test_governorate_precision_meets_every_point_of_its_governorate(make_record):
    gov = make_record(
        0,
        place=("Al-Hasakah Governorate", 36.5, 40.75, "Al-Hasakah"),
        place_precision="governorate",
    )
    recs = [gov, make_record(1, place=QAMISHLI), make_record(2, place=ALEPPO)]
    assert pairs(recs) == {(0, 1)}


def test_placeless_claims_meet_claims_anywhere_that_share_a_key(make_record):
    recs = [
        make_record(0, place=None, killed=16),
        make_record(1, place=None, killed=16),
        make_record(2, place=ALEPPO, killed=16),
        make_record(3, place=ALEPPO, killed=90),
    ]
    found = pairs(recs)
    assert (0, 1) in found
    assert (0, 2) in found and (1, 2) in found  # the same toll, anywhere
    assert (0, 3) not in found and (1, 3) not in found  # nothing in common


def test_claims_sharing_no_key_are_not_compared(make_record):
    # one town, one day, but different tolls and no particular word in common
    recs = [
        make_record(0, killed=16, text="Warplanes hit the Qadi Askar market."),
        make_record(1, killed=90, text="Rebels shelled the Midan district."),
    ]
    assert pairs(recs) == set()


def test_shared_rare_name_meets_across_places_and_a_wider_window(make_record):
    text = "A bomb hit the Tariq al-Bab bakery in the town of Kafr Nabl on Tuesday."
    others = [
        make_record(
            i + 2, place=ALEPPO, day="2016-07-01", text=f"Shelling of Hay {i} killed people."
        )
        for i in range(150)
    ]
    a = make_record(0, place=HASAKAH, day="2016-07-05", text=text)
    b = make_record(1, place=ALEPPO, day="2016-07-11", text=text)
    recs = [a, b, *others]
    recs = [r._replace(idx=i) for i, r in enumerate(recs)]
    assert (0, 1) in pairs(recs)
    assert (0, 1) not in pairs(recs, names=False)


def test_undated_and_vague_claims_are_never_candidates(make_record):
    undated = make_record(0, day=None)
    vague = make_record(1, place=None, day="2011-03-01", end="2016-12-31", precision="year")
    recs = [undated, vague, make_record(2, place=None), make_record(3)]
    found = pairs(recs)
    assert not any(0 in p or 1 in p for p in found)


def test_cost_grows_with_density_not_with_corpus(make_record):
    """Spread claims over more days: pairs per claim stay flat (near-linear blocking)."""
    rng = random.Random(7)

    def corpus(n: int, days: int) -> list[LinkClaim]:
        out = []
        for i in range(n):
            day = f"2016-{1 + (i * days // n) // 28:02d}-{1 + (i * days // n) % 28:02d}"
            lat = 36.0 + rng.random() * 0.5
            out.append(
                make_record(i, day=day, place=("X", lat, 37.0 + rng.random() * 0.5, "Aleppo"))
            )
        return out

    small = len(pairs(corpus(200, 40), names=False)) / 200
    large = len(pairs(corpus(800, 160), names=False)) / 800
    assert large < small * 1.5


def test_a_governorate_wide_report_meets_the_reports_of_its_party_that_day(make_record):
    # "Turkish drones struck rural Hasakah" and the report naming the village share no rare
    # word and no toll; they meet because the first names only a governorate and a party.
    gov = ("Al-Hasakah Governorate", 36.5, 40.75, "Al-Hasakah")
    recs = [
        make_record(
            0,
            place=gov,
            place_precision="governorate",
            perpetrator="turkey",
            killed=2,
            text="Turkish drones struck rural Hasakah.",
        ),
        make_record(
            1,
            place=TELL_TAMER,
            perpetrator="turkey",
            killed=3,
            text="A drone hit a car near Tell Tamer.",
        ),
        make_record(
            2,
            place=QAMISHLI,
            perpetrator="sdf_ypg",
            killed=1,
            text="Fighters stormed a house in Qamishli.",
        ),
        make_record(
            3,
            place=QAMISHLI,
            perpetrator="turkey",
            killed=1,
            text="A strike hit a farm outside Qamishli.",
        ),
        make_record(
            4,
            place=gov,
            place_precision="governorate",
            perpetrator="turkey",
            killed=2,
            day="2016-07-15",
            text="Drone raids on the province again.",
        ),
    ]
    found = pairs(recs)
    assert (0, 1) in found and (0, 3) in found
    assert (0, 2) not in found  # another party
    assert (1, 3) not in found  # two towns' reports do not meet by party alone
    assert (0, 4) not in found and (1, 4) not in found  # ten days later


def test_reports_of_one_party_naming_one_town_meet(make_record):
    town = ("Tell Tamer", 36.652, 40.371, "Al-Hasakah")
    common = dict(place=town, geonameid=170017, killed=None)
    recs = [
        make_record(0, perpetrator="turkey", text="Artillery hit homes.", **common),
        make_record(1, perpetrator="turkey", text="A family mourns.", **common),
        make_record(2, perpetrator="isis", text="Gunmen stormed a farm.", **common),
    ]
    found = pairs(recs, names=False)
    assert (0, 1) in found
    assert (0, 2) not in found and (1, 2) not in found


def test_reports_of_allied_parties_naming_one_town_meet(make_record):
    # "Russian jets" in one report and "regime warplanes" in another, over one village that day.
    town = ("Kafr Nabl", 35.614, 36.561, "Idlib")
    common = dict(place=town, geonameid=169680, killed=None, event="airstrike")
    recs = [
        make_record(0, perpetrator="russia", text="Russian jets struck the market.", **common),
        make_record(
            1, perpetrator="syrian_government", text="Regime planes bombed homes.", **common
        ),
        make_record(2, perpetrator="turkey", text="Drones hit a car.", **common),
    ]
    found = pairs(recs, names=False)
    assert (0, 1) in found
    assert (0, 2) not in found and (1, 2) not in found
