"""Claims without any date: linked on words, place and what happened, with a higher bar."""

from __future__ import annotations

from factfinder.link.features import LINK_THRESHOLD
from factfinder.link.pairs import UNDATED_THRESHOLD
from factfinder.link.run import link_records

MARE = ("Marea", 36.574, 37.311, "Aleppo")
TABQA = ("Al-Tabqa", 35.836, 38.548, "Raqqa")

DATED = (
    "Two brothers, Khaled and Yusuf Hamdoun, were killed when SDF artillery shells hit their "
    "olive press on the eastern edge of Marea."
)
UNDATED = (
    "Mourning in Marea: the Hamdoun brothers Khaled and Yusuf, killed by SDF shelling at their "
    "olive press."
)
OTHER = "SDF shelling hit a school yard in Marea; a teacher was wounded."


def test_the_bar_for_undated_pairs_is_higher():
    assert UNDATED_THRESHOLD > LINK_THRESHOLD


def test_an_undated_report_joins_the_dated_report_it_shares_particulars_with(make_record):
    common = dict(place=MARE, event="shelling", perpetrator="sdf_ypg", killed=2, killed_max=2)
    dated = make_record(0, text=DATED, published="2024-02-10", day="2024-02-10", **common)
    undated = make_record(1, text=UNDATED, published=None, day=None, **common)
    assert undated.lo is None and dated.lo is not None
    run = link_records([dated, undated])
    assert run.clustering.clusters == [[0, 1]]
    link = run.scorer.explain(0, 1)
    assert link.features["date"]["gap_days"] is None
    assert "same perpetrator (sdf_ypg, sdf_ypg)" in link.matched


def test_an_undated_report_sharing_no_particulars_stays_alone(make_record):
    common = dict(place=MARE, event="shelling", perpetrator="sdf_ypg")
    dated = make_record(0, text=DATED, published="2024-02-10", day="2024-02-10", killed=2, **common)
    other = make_record(1, text=OTHER, published=None, day=None, killed=None, **common)
    assert sorted(link_records([dated, other]).clustering.clusters) == [[0], [1]]


def test_an_undated_report_from_another_governorate_stays_alone(make_record):
    dated = make_record(
        0, text=DATED, day="2024-02-10", place=MARE, event="shelling", perpetrator="sdf_ypg"
    )
    far = make_record(
        1, text=UNDATED, day=None, place=TABQA, event="shelling", perpetrator="sdf_ypg"
    )
    assert sorted(link_records([dated, far]).clustering.clusters) == [[0], [1]]


def _undated_candidates(records):
    from factfinder.link.cluster import EdgeCodec
    from factfinder.link.features import PairScorer
    from factfinder.link.pairs import document_frequency, undated_edges
    from factfinder.link.text import idf_of

    df = document_frequency(records)
    scorer = PairScorer(records, idf_of(df, len(records)))
    codec = EdgeCodec.for_records(len(records))
    found, edges = undated_edges(records, df, scorer.score, codec, threshold=-100.0)
    return found, {codec.unpack(e)[1:] for e in edges}


def test_an_undated_post_meets_the_reports_naming_its_village(make_record):
    # An Arabic post with no date and an English report share no word; the village they both
    # name (one gazetteer id) is what brings them together.
    village = ("Al-Bara", 35.683, 36.539, "Idlib")
    common = dict(place=village, geonameid=174221, event="shelling", killed=None)
    post = make_record(
        0,
        text="قصف مدفعي على قرية البارة في جبل الزاوية وسقوط قذائف قرب المدرسة",
        language="ar",
        day=None,
        **common,
    )
    report = make_record(
        1,
        text="Artillery shells landed near a school in al-Bara, in Jabal al-Zawiya.",
        language="en",
        day="2023-10-06",
        published="2023-10-06",
        **common,
    )
    elsewhere = make_record(
        2,
        text="Artillery shells landed near a school in Kafr Nabl.",
        language="en",
        day="2023-10-06",
        published="2023-10-06",
        place=("Kafr Nabl", 35.614, 36.561, "Idlib"),
        geonameid=169680,
        event="shelling",
        killed=None,
    )
    assert post.lo is None and not set(post.words) & set(report.words)
    found, edges = _undated_candidates([post, report, elsewhere])
    assert found == 1 and edges == {(0, 1)}


# Two captures of one strike, neither dated, worded by different hands: the town, the party,
# what happened and tolls that agree are all they share.
ARIHA = ("Ariha", 35.8128, 36.6108, "Idlib")
WIRE = (
    "Russian warplanes struck the town of Ariha on Tuesday, killing 10 civilians near the "
    "market, opposition activists said."
)
POST = (
    "#Ariha massacre: 11 civilians including 3 children were killed by Russian jets bombing "
    "the market area of the town. #Idlib"
)


def _pair(make_record, killed_a, killed_b, stance_b="alleges"):
    common = dict(place=ARIHA, event="airstrike", perpetrator="russia", day=None)
    a = make_record(0, text=WIRE, killed=killed_a, killed_max=killed_a, **common)
    b = make_record(1, text=POST, killed=killed_b, killed_max=killed_b, stance=stance_b, **common)
    assert a.lo is None and b.lo is None
    return a, b


def test_two_undated_reports_of_one_town_with_agreeing_tolls_link(make_record):
    a, b = _pair(make_record, 10, 11)
    run = link_records([a, b])
    score = run.scorer.explain(0, 1).score
    # Below the bar for undated pairs in general, above the ordinary one: the shared town and
    # the agreeing tolls are what let the pair through.
    assert LINK_THRESHOLD <= score < UNDATED_THRESHOLD
    assert run.clustering.clusters == [[0, 1]]


def test_two_undated_reports_of_one_town_with_tolls_apart_stay_apart(make_record):
    a, b = _pair(make_record, 10, 40)
    assert sorted(link_records([a, b]).clustering.clusters) == [[0], [1]]


def test_two_undated_reports_of_one_town_without_tolls_stay_apart(make_record):
    # Frontline towns are shelled day after day: town, party and kind of attack alone do not
    # make one incident of two undated reports.
    a, b = _pair(make_record, None, None)
    assert sorted(link_records([a, b]).clustering.clusters) == [[0], [1]]


def test_a_partys_undated_denial_joins_the_allegation_of_its_town(make_record):
    a, b = _pair(make_record, 10, None, stance_b="denies")
    run = link_records([a, b])
    assert run.clustering.clusters == [[0, 1]]
