"""Datelines, absolute dates and relative dates (factfinder.extract.dates).

Openings marked FA-KES are quoted from the FA-KES dataset: F. K. Abu Salem et al., "FA-KES: A
Fake News Dataset around the Syrian War", ICWSM 2019 (CC BY 4.0, doi:10.5281/zenodo.2607278).
"""

from __future__ import annotations

import datetime as dt

import pytest

from factfinder.extract.dates import find_dates, read_dateline

D = dt.date
# Saturday 3 November 2018, the day of the seed documents' letters.
ANCHOR = D(2018, 11, 3)


def dates(text: str, anchor: dt.date | None = ANCHOR) -> list[tuple[str, str, str, str]]:
    return [
        (
            text[m.start : m.end],
            m.window.start.isoformat() if m.window.start else "",
            m.window.end.isoformat() if m.window.end else "",
            m.window.precision,
        )
        for m in find_dates(text, anchor=anchor)
    ]


def one(text: str, anchor: dt.date | None = ANCHOR) -> tuple[str, str, str]:
    found = dates(text, anchor)
    assert len(found) == 1, found
    return found[0][1:]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("on 21 August 2013", ("2013-08-21", "2013-08-21", "day")),
        ("the 21st of August, 2013", ("2013-08-21", "2013-08-21", "day")),
        ("August 21, 2013", ("2013-08-21", "2013-08-21", "day")),
        ("Aug. 21 2013", ("2013-08-21", "2013-08-21", "day")),
        ("Wed 05 Apr 2017", ("2017-04-05", "2017-04-05", "day")),
        ("Wednesday, 5 April 2017", ("2017-04-05", "2017-04-05", "day")),
        ("Fri Sep 27 2013", ("2013-09-27", "2013-09-27", "day")),
        ("2016-07-05", ("2016-07-05", "2016-07-05", "day")),
        ("21/8/2013", ("2013-08-21", "2013-08-21", "day")),
        ("8/21/2013", ("2013-08-21", "2013-08-21", "day")),
        ("24.08.2013", ("2013-08-24", "2013-08-24", "day")),
        ("15-02-2016", ("2016-02-15", "2016-02-15", "day")),
        ("in August 2013", ("2013-08-01", "2013-08-31", "month")),
        ("in 2013", ("2013-01-01", "2013-12-31", "year")),
    ],
)
def test_absolute_dates(text: str, expected: tuple[str, str, str]) -> None:
    assert one(text, None) == expected
    assert one(text) == expected  # an anchor changes nothing


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Day and month without a year take the anchor's year ...
        ("on Aug. 21", ("2018-08-21", "2018-08-21", "day")),
        ("August 21st", ("2018-08-21", "2018-08-21", "day")),
        ("on 21 August", ("2018-08-21", "2018-08-21", "day")),
        # ... or the year before when that would be more than 30 days after the anchor.
        ("on December 30", ("2017-12-30", "2017-12-30", "day")),
        ("on November 20", ("2018-11-20", "2018-11-20", "day")),
    ],
)
def test_day_month_takes_the_anchor_year(text: str, expected: tuple[str, str, str]) -> None:
    assert one(text) == expected
    assert dates(text, None) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("today", ("2018-11-03", "2018-11-03", "day")),
        ("this morning", ("2018-11-03", "2018-11-03", "day")),
        ("yesterday", ("2018-11-02", "2018-11-02", "day")),
        ("last night", ("2018-11-02", "2018-11-02", "day")),
        ("the day before yesterday", ("2018-11-01", "2018-11-01", "day")),
        ("three days ago", ("2018-10-31", "2018-10-31", "day")),
        # Weekdays: the last one on or before the anchor (a Saturday).
        ("on Friday", ("2018-11-02", "2018-11-02", "day")),
        ("on Saturday", ("2018-11-03", "2018-11-03", "day")),
        ("on Sunday", ("2018-10-28", "2018-10-28", "day")),
        ("on Tuesday night", ("2018-10-30", "2018-10-30", "day")),
        ("Fridays attack", ("2018-11-02", "2018-11-02", "day")),
        ("Friday's attack", ("2018-11-02", "2018-11-02", "day")),
        ("last Saturday", ("2018-10-27", "2018-10-27", "day")),
        # Weeks run Monday to Sunday.
        ("earlier this week", ("2018-10-29", "2018-11-03", "week")),
        ("last week", ("2018-10-22", "2018-10-28", "week")),
        ("a week ago", ("2018-10-22", "2018-10-28", "week")),
        ("in the past week", ("2018-10-28", "2018-11-03", "week")),
        ("earlier this month", ("2018-11-01", "2018-11-03", "month")),
        ("last month", ("2018-10-01", "2018-10-31", "month")),
        ("in March", ("2018-03-01", "2018-03-31", "month")),
        ("in November", ("2018-11-01", "2018-11-03", "month")),
        ("in December", ("2017-12-01", "2017-12-31", "month")),
        ("earlier this year", ("2018-01-01", "2018-11-03", "year")),
        ("last year", ("2017-01-01", "2017-12-31", "year")),
    ],
)
def test_relative_dates(text: str, expected: tuple[str, str, str]) -> None:
    assert one(text) == expected
    assert dates(text, None) == []  # unresolved without an anchor


def test_may_and_march_as_verbs_are_not_months() -> None:
    assert dates("more may die as the march goes on", None) == []


def test_offsets_order_and_no_double_reading() -> None:
    text = "On Wednesday 5 April 2017 jets struck; on Friday more died, and yesterday too."
    found = dates(text, D(2017, 4, 8))
    assert found == [
        ("Wednesday 5 April 2017", "2017-04-05", "2017-04-05", "day"),
        ("on Friday", "2017-04-07", "2017-04-07", "day"),
        ("yesterday", "2017-04-07", "2017-04-07", "day"),
    ]
    assert find_dates(text, 38, anchor=D(2017, 4, 8))[0].start == text.index("on Friday")


def test_seed_yesterday_is_the_day_before_the_letters() -> None:
    text = (
        '"Another mass grave was uncovered yesterday in Panorama district, containing more '
        "than 1,500 bodies of civilians"
    )
    assert dates(text) == [("yesterday", "2018-11-02", "2018-11-02", "day")]


@pytest.mark.parametrize(
    ("text", "title", "expected"),
    [
        (
            "Wed 05 Apr 2017 Syria attack symptoms consistent with nerve agent use WHO. Victims of",
            None,
            ("Wed 05 Apr 2017", "2017-04-05"),
        ),  # FA-KES
        (
            "Published February 23 2015 Ten children were among at least 48 people killed",
            None,
            ("February 23 2015", "2015-02-23"),
        ),  # FA-KES
        (
            "Last updated at Apr 232017 An Israeli attack on a Syrian training camp",
            None,
            ("Apr 232017", "2017-04-23"),
        ),  # FA-KES
        (
            "24.08.2013 Syrian state media accused rebels",
            None,
            ("24.08.2013", "2013-08-24"),
        ),  # FA-KES
        (
            "15-02-2016 Dozens of Insurgents Killed As Syria Kurds Advance",
            None,
            ("15-02-2016", "2016-02-15"),
        ),  # FA-KES
        (
            "Saturday 23 April 2016 Abdah: Assads Bombing of Aleppo",
            None,
            ("Saturday 23 April 2016", "2016-04-23"),
        ),  # FA-KES
        (
            "8 persons killed 58 others injured in terrorist rocket attacks on Aleppo city "
            "6 October 2016 Aleppo SANA-Terrorists",
            "8 persons killed 58 others injured in terrorist rocket attacks on Aleppo city",
            ("6 October 2016", "2016-10-06"),
        ),  # FA-KES: SANA puts the date after the headline
        ("BEIRUT, Aug 21, 2013 (Reuters) - Syrian forces", None, ("Aug 21, 2013", "2013-08-21")),
    ],
)
def test_datelines(text: str, title: str | None, expected: tuple[str, str]) -> None:
    line = read_dateline(text, title)
    assert line is not None and line.kind == "dateline"
    assert (text[line.start : line.end], line.window.start.isoformat()) == expected  # type: ignore[union-attr]


def test_place_dateline_without_year_needs_an_anchor() -> None:
    text = "Damascus, November 3 (RHC)-- The Damascus government has asked the United Nations"
    assert read_dateline(text) is None
    line = read_dateline(text, anchor=D(2018, 11, 5))
    assert line is not None and line.window.start == D(2018, 11, 3)
    assert text[line.start : line.end] == "November 3"


@pytest.mark.parametrize(
    "text",
    [
        "BEIRUT (Reuters) - Syrian forces",
        "Syrian forces shelled the town on 21 August 2013, activists said.",  # not at the start
        "Dozens of children dead in Syria evacuees bombing Nearly 70 children",
    ],
)
def test_no_dateline(text: str) -> None:
    assert read_dateline(text) is None


def test_seed_dateline_after_markdown_headline() -> None:
    text = (
        "\n\n# *Damascus demands international probe into U.S.-led coalition's crimes, "
        "massacre in Syria*\n\n---\n\n\n\nDamascus, November 3 (RHC)-- The Damascus "
        "government has asked the United Nations Security Council"
    )
    title = (
        "Damascus demands international probe into U.S.-led coalition's crimes, massacre in Syria"
    )
    line = read_dateline(text, title, anchor=D(2018, 11, 3))
    assert line is not None and line.window.start == D(2018, 11, 3)
    assert text[line.start : line.end] == "November 3"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("on Sept. 5, 2016", "2016-09-05"),
        ("on Sep 5 2016", "2016-09-05"),
        ("on Sept 5 2016", "2016-09-05"),
        ("on 5 Sept. 2016", "2016-09-05"),
        ("on Oct 7th 2023", "2023-10-07"),
        ("on the morning of Friday, Apr. 22, 2022", "2022-04-22"),
    ],
)
def test_abbreviated_months_with_and_without_a_period(text: str, expected: str) -> None:
    assert one(text, anchor=None) == (expected, expected, "day")


def test_a_year_less_date_takes_the_year_of_the_nearest_dated_day_without_an_anchor() -> None:
    text = "On 9 October at 3:30 am four were killed. The list released on October 26th 2023."
    assert dates(text, anchor=None)[0] == ("9 October", "2023-10-09", "2023-10-09", "day")
    # Nothing in the text states a year: the date is left out, not guessed.
    assert dates("On 9 October at 3:30 am four were killed.", anchor=None) == []
    # With an anchor, the anchor decides, as before.
    assert dates(text)[0][1] == "2018-10-09"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Civil Defence\nTwo killed in Ariha earlier today.\n2:22 PM · Dec 1, 2024", "2024-12-01"),
        ("White Helmets\nDecember 1, 2024 · Shared with Public\nShelling on Sarmin", "2024-12-01"),
        ("Print this page Tuesday 19 July 2016 16:45 Russian airstrikes", "2016-07-19"),
        ("Middle East 1735 15.04.2017(updated 2033 15.04.2017) A blast", "2017-04-15"),
        ("A rocket hit Mhardeh on Monday.\nPublished: 2 January 2018", "2018-01-02"),
        ("SDF General Command\nSept 9 2019\nFactions attacked Tal Tamr", "2019-09-09"),
        ("Bomb kills 18 in Damascus state TV AFP Tuesday 6 Aug 2013 At least", "2013-08-06"),
    ],
)
def test_the_document_date_in_page_furniture(text: str, expected: str) -> None:
    from factfinder.extract.dates import document_date

    found = document_date(text)
    assert found is not None and found.window.start == D.fromisoformat(expected)
    assert found.kind == "dateline"


@pytest.mark.parametrize(
    "text",
    [
        "On October 8th 2023, a civilian home in Nuseirat was hit by an airstrike.",
        "The article, published on October 18, 2023, said two were killed.",
        "Regime forces shelled Kafr Nabl on Friday, 20 June 2014, killing three.",
        "Two children were killed in Douma this afternoon.",
    ],
)
def test_narrative_dates_are_not_the_document_date(text: str) -> None:
    from factfinder.extract.dates import document_date

    assert document_date(text) is None
