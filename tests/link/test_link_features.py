"""Pair features and their effect on the score."""

from __future__ import annotations

from factfinder.link.features import (
    LINK_THRESHOLD,
    casualty_relation,
    event_relation,
    explain_pair,
    score_pair,
)
from factfinder.link.run import compute_idf, link_records

TELL_TAMER = ("Tell Tamer", 36.652, 40.371, "Al-Hasakah")
RAS_AL_AYN = ("Ras al-Ayn", 36.850, 40.070, "Al-Hasakah")
BAKERY = (
    "A motorcycle bomber killed at least 16 civilians outside a bakery in Tell Tamer on "
    "Tuesday, the eve of the feast marking the end of Ramadan."
)
BAKERY_2 = (
    "A suicide bomber on a motorcycle blew himself up outside a bakery in Tell Tamer "
    "on Tuesday, killing 16 civilians on the eve of the feast, the Observatory said."
)
OTHER = "Regime helicopters dropped barrel bombs on the market of Tell Tamer, killing nine."


def explain(a, b, *others):
    return explain_pair(a, b, compute_idf([a, b, *others]))


def test_two_reports_of_one_bombing_link(make_record):
    a = make_record(0, place=TELL_TAMER, text=BAKERY, killed=16)
    b = make_record(1, place=TELL_TAMER, text=BAKERY_2, killed=16, publisher="AFP")
    ex = explain(a, b)
    assert ex.score >= LINK_THRESHOLD
    f = ex.features
    assert f["date"]["gap_days"] == 0 and f["date"]["weight"] > 0
    assert f["casualties"]["relation"] == "equal" and f["casualties"]["weight"] > 0
    assert f["event_type"]["relation"] == "same"
    assert "bakery" in f["shared_names"]["names"]
    assert f["text_similarity"]["rare_word_overlap"] > 0.2


def test_every_feature_is_explained_with_a_weight(make_record):
    ex = explain(make_record(0), make_record(1))
    for name in (
        "date",
        "place",
        "event_type",
        "perpetrator",
        "casualties",
        "shared_names",
        "text_similarity",
    ):
        assert "weight" in ex.features[name], name
    total = ex.features["prior"] + sum(v["weight"] for k, v in ex.features.items() if k != "prior")
    assert abs(total - ex.score) < 0.01


def test_each_disagreement_lowers_the_score(make_record):
    base = dict(place=TELL_TAMER, text=BAKERY, killed=16)
    a = make_record(0, **base)
    same = explain(a, make_record(1, **base)).score
    assert explain(a, make_record(1, **{**base, "day": "2016-07-08"})).score < same
    assert explain(a, make_record(1, **{**base, "place": RAS_AL_AYN})).score < same
    assert explain(a, make_record(1, **{**base, "killed": 90})).score < same
    assert explain(a, make_record(1, **{**base, "event": "shooting"})).score < same
    assert explain(a, make_record(1, **{**base, "text": OTHER})).score < same


def test_conflicting_event_types_and_tolls_prevent_a_link(make_record):
    a = make_record(0, place=TELL_TAMER, text=BAKERY, killed=16, event="explosion")
    b = make_record(1, place=TELL_TAMER, text=OTHER, killed=90, event="chemical")
    assert event_relation("explosion", "chemical") == "conflict"
    assert score_pair(a, b, compute_idf([a, b])) is None  # below threshold: not worth explaining


def test_casualty_relations():
    t = (None,) * 5
    assert casualty_relation(((16, 16), *t), ((16, None), *t))[0] == "equal"
    assert casualty_relation(((20, None), *t), ((26, 26), *t))[0] == "overlap"
    assert casualty_relation(((30, 30), *t), ((20, 20), *t))[0] == "close"
    assert casualty_relation(((10, 10), *t), ((30, 30), *t))[0] == "apart"
    assert casualty_relation(((2, 2), *t), ((100, 100), *t))[0] == "far"
    assert casualty_relation(((2, 2), *t), (None, *t))[0] == "unknown"
    # a civilians figure is compared with a total when that is the best match
    civ = (None, (16, None), None, None, None, None)
    assert casualty_relation(civ, ((16, 16), *t)) == ("equal", 1.0, "civilians~total", 16)


def test_sharing_a_small_toll_says_less_than_sharing_a_large_one(make_record):
    small = explain(make_record(0, killed=2), make_record(1, killed=2))
    large = explain(make_record(0, killed=26), make_record(1, killed=26))
    assert 0 < small.features["casualties"]["weight"] < large.features["casualties"]["weight"]


def test_allied_perpetrators_disagree_less_than_enemies(make_record):
    a = make_record(0, perpetrator="syrian_government")
    allied = explain(a, make_record(1, perpetrator="russia")).features["perpetrator"]
    enemy = explain(a, make_record(1, perpetrator="isis")).features["perpetrator"]
    assert allied["relation"] == "allied" and enemy["relation"] == "different"
    assert enemy["weight"] < allied["weight"] < 0


def test_house_style_of_one_publisher_counts_less(make_record):
    a = make_record(0, text=BAKERY, publisher="SANA")
    b = make_record(1, text=OTHER + " " + BAKERY[:40], publisher="SANA")
    c = b._replace(publisher="Reuters")
    idf = compute_idf([a, b])
    same_pub = explain_pair(a, b, idf).features["text_similarity"]
    other_pub = explain_pair(a, c, idf).features["text_similarity"]
    assert same_pub["rare_word_overlap"] == other_pub["rare_word_overlap"]
    assert same_pub["weight"] < other_pub["weight"]


def test_hts_and_the_armed_opposition_are_a_weak_disagreement(make_record):
    # State media name HTS among "terrorist groups"; a wire story names HTS.
    a = make_record(0, place=TELL_TAMER, perpetrator="armed_opposition", event="shelling")
    b = make_record(1, place=TELL_TAMER, perpetrator="hts_nusra", event="shelling")
    c = make_record(2, place=TELL_TAMER, perpetrator="isis", event="shelling")
    assert explain(a, b).features["perpetrator"]["relation"] == "allied"
    assert explain(a, c).features["perpetrator"]["relation"] == "different"


def test_raids_reported_as_arrests_executions_or_air_operations_are_compatible():
    assert event_relation("detention", "execution") == "compatible"
    assert event_relation("airstrike", "detention") == "compatible"
    assert event_relation("chemical", "detention") == "conflict"


def test_an_air_strike_reported_as_shelling_is_a_mild_disagreement(make_record):
    a = make_record(0, place=TELL_TAMER, event="airstrike", perpetrator="russia")
    b = make_record(1, place=TELL_TAMER, event="shelling", perpetrator="russia")
    c = make_record(2, place=TELL_TAMER, event="detention", perpetrator="russia")
    assert explain(a, b).features["event_type"]["weight"] == -0.5
    assert explain(b, c).features["event_type"]["weight"] == -2.5


IDLIB_CITY = ("Idlib", 35.930, 36.634, "Idlib")
SARMIN = ("Sarmin", 35.903, 36.725, "Idlib")


def test_two_reports_naming_one_governorate_capital_are_one_town(make_record):
    # "Idlib" may mean the city or the province, so it gives no point; two reports whose
    # finest place is the city still name one place, and score as one town on one day.
    common = dict(place=IDLIB_CITY, geonameid=169389, event="airstrike", killed=None)
    a = make_record(0, text="غارات جوية على مدينة إدلب صباح اليوم", language="ar", **common)
    b = make_record(1, text="Air strikes hit Idlib city this morning.", language="en", **common)
    assert not a.points and a.geo == frozenset({169389})
    f = explain(a, b).features
    assert f["place"]["relation"] == "same town" and f["place"]["weight"] == 0.8


def test_a_capital_named_beside_a_finer_place_gives_it_no_id(claim_json):
    # "Sarmin, east of Idlib": the town is the report's place; the city is a landmark.
    from factfinder.link.records import DocInfo, build
    from factfinder.model import Claim, ClaimRef

    obj = claim_json(place=SARMIN, geonameid=167605)
    city = dict(obj["places"][0], name="Idlib", lat=IDLIB_CITY[1], lon=IDLIB_CITY[2])
    obj["places"].append(dict(city, geonameid=169389))
    r = build(0, ClaimRef("doc-0", 0), 0, Claim.from_json(obj), DocInfo(None, None, None), "")
    assert r.points == ((SARMIN[1], SARMIN[2]),) and r.geo == frozenset({167605})


def test_arabic_bombardment_against_an_air_strike_is_no_disagreement(make_record):
    # "قصف" (bombardment) names an air raid or shelling; a bare one is read as shelling.
    common = dict(place=SARMIN, geonameid=167605, killed=3)
    post = make_record(
        0, text="مقتل 3 مدنيين بقصف على بلدة سرمين", language="ar", event="shelling", **common
    )
    wire = make_record(
        1,
        text="An air strike on Sarmin killed 3 civilians.",
        language="en",
        event="airstrike",
        **common,
    )
    assert explain(post, wire).features["event_type"] == {
        "a": "shelling",
        "b": "airstrike",
        "relation": "compatible",
        "weight": 0.0,
    }
    # In English the two words differ: the mismatch still counts a little against the pair.
    shelling = make_record(
        2, text="Shelling on Sarmin killed 3 civilians.", language="en", event="shelling", **common
    )
    assert explain(shelling, wire).features["event_type"]["weight"] == -0.5


def _toll_pair(make_record, b_claimant: dict, b_killed: int):
    common = {
        "day": "2018-02-06",
        "place": ("Saraqib", 35.864, 36.806, "Idlib"),
        "event": "airstrike",
        "perpetrator": "russia",
    }
    a = make_record(
        0,
        text="Russian airstrikes on the town of Saraqib killed 30 people, the monitor said.",
        killed=30,
        killed_max=30,
        claimant={"name": "Syrian Observatory for Human Rights", "type": "monitor"},
        **common,
    )
    b = make_record(
        1,
        text="Rescuers pulled bodies from rubble after warplanes bombed homes in Saraqib.",
        publisher="Al Jazeera",
        killed=b_killed,
        killed_max=b_killed,
        claimant=b_claimant,
        **common,
    )
    return a, b


def test_differing_tolls_of_two_sources_do_not_keep_one_town_and_day_apart(make_record):
    # Same town, same day, same perpetrator: 30 dead by one source, 10 by another is a
    # disagreement between sources, not a second incident.
    a, b = _toll_pair(make_record, {"name": "Syrian Civil Defence", "type": "ngo"}, 10)
    run = link_records([a, b])
    assert run.clustering.clusters == [[0, 1]]
    assert run.scorer.explain(0, 1).features["casualties"]["weight"] == -0.75
    # The same source giving two such figures on that day is still told apart by its toll.
    same = {"name": "Syrian Observatory for Human Rights", "type": "monitor"}
    a, b = _toll_pair(make_record, same, 10)
    assert run.scorer.explain(0, 1).score > link_records([a, b]).scorer.explain(0, 1).score
    assert link_records([a, b]).scorer.explain(0, 1).features["casualties"]["weight"] == -2.0
