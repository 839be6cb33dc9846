"""Undated reports that name their weekday or their day of a month without a year: the day
they name is compared with the day of the other report (`features.day_hint_part`)."""

from __future__ import annotations

import pytest

from factfinder.extract.hints import day_hint
from factfinder.link.features import day_hint_part
from factfinder.link.records import pack_hint
from factfinder.link.run import link_records
from factfinder.mentions import DayHint

SARAQIB = ("Saraqib", 35.864, 36.806, "Idlib")


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        (
            "Air strikes killed 17 people in Saraqib on Tuesday, rescue workers said.",
            (1, None, None),
        ),
        ("Strikes late Monday killed five people in the town.", (0, None, None)),
        ("On Monday, 2 December, warplanes struck the market.", (0, 12, 2)),
        ("The strike on Dec. 2 killed four people.", (None, 12, 2)),
        # the day of the statement is not the day of the attack
        (
            "Nearly 70 children were killed, a monitor said on Sunday. Saturday's blast hit a "
            "convoy of buses.",
            (5, None, None),
        ),
        (
            "اللحظات الأولى للغارات الجوية الروسية على مدينة إدلب، اليوم الاثنين 2 كانون الأول.",
            (0, 12, 2),
        ),
        ("أصيب عدد من المدنيين اليوم الثلاثاء جراء قصف مدفعي على ريف إدلب", (1, None, None)),
        ("Shelling hit the town; no day is named here.", (None, None, None)),
        ("Since Monday, 40 people have been killed in the offensive.", (None, None, None)),
    ],
)
def test_the_day_a_text_names_without_a_year(text: str, hint: tuple[int | None, ...]) -> None:
    assert tuple(day_hint(text)) == hint


def test_a_hint_with_nothing_in_it_is_false() -> None:
    assert not DayHint()
    assert DayHint(weekday=3)


def _pair(make_record, undated_text: str, day: str = "2018-02-06"):  # a Tuesday
    common = dict(place=SARAQIB, event="airstrike", perpetrator="russia")
    dated = make_record(
        0,
        text="Russian air strikes on the vegetable market of Saraqib killed 17 people.",
        published=None,
        day=day,
        killed=17,
        **common,
    )
    undated = make_record(1, text=undated_text, published=None, day=None, killed=20, **common)
    return dated, undated


def test_an_undated_report_of_the_same_weekday_joins_the_dated_one(make_record) -> None:
    dated, undated = _pair(
        make_record, "Russian jets hit the vegetable market of Saraqib on Tuesday, 20 killed."
    )
    assert undated.lo is None
    assert undated.hint == pack_hint(1, None, None)
    assert day_hint_part(dated, undated) == ("same weekday", 0.5)
    run = link_records([dated, undated])
    assert run.clustering.clusters == [[0, 1]]
    assert "same weekday" in run.scorer.explain(0, 1).matched


def test_an_undated_report_of_another_weekday_scores_lower(make_record) -> None:
    dated, friday = _pair(
        make_record, "Russian jets hit the vegetable market of Saraqib on Friday, 20 killed."
    )
    _, tuesday = _pair(
        make_record, "Russian jets hit the vegetable market of Saraqib on Tuesday, 20 killed."
    )
    _, bare = _pair(make_record, "Russian jets hit the vegetable market of Saraqib, 20 killed.")
    assert day_hint_part(dated, friday) == ("different weekdays", -1.0)
    assert day_hint_part(dated, bare) == (None, -0.5)
    explained = [link_records([dated, r]).scorer.explain(0, 1) for r in (tuesday, bare, friday)]
    assert [e.features["date"]["weight"] for e in explained] == [0.5, -0.5, -1.0]
    assert explained[0].score > explained[1].score > explained[2].score


def test_the_same_day_of_the_month_weighs_as_the_same_day(make_record) -> None:
    dated, undated = _pair(
        make_record, "Russian jets hit the vegetable market of Saraqib on 6 February."
    )
    assert day_hint_part(dated, undated) == ("same day of the month", 1.5)
    later, _ = _pair(make_record, "", day="2018-02-07")
    assert day_hint_part(later, undated)[0] == "adjacent days"
    # a weekday that contradicts the day of the month: two different days
    tuesday_7th = make_record(2, text="Strikes on Tuesday 7 February hit Saraqib.", day=None)
    assert day_hint_part(later, tuesday_7th)[0] == "different days"


def test_year_end_days_are_adjacent(make_record) -> None:
    dated = make_record(0, text="", day="2017-12-31")
    undated = make_record(1, text="The strike on 1 January killed four people.", day=None)
    assert day_hint_part(dated, undated)[0] == "adjacent days"


def test_two_dated_claims_need_no_hint(make_record) -> None:
    a = make_record(0, text="on Tuesday", day="2018-02-06")
    assert a.hint == 0
