"""Dates of reports nobody tuned for: documents without a `published` date, whose text states
the date in its own words or in page furniture (a post's timestamp, "Shared with Public",
"Published:", a date alone on its line). Each text is written for this test, in the styles of
monitor posts, X and Facebook captures, news articles, military press releases and NGO reports,
with incidents attributed to each party to the conflict."""

from __future__ import annotations

import datetime as dt

import pytest

geo = pytest.importorskip("factfinder.geo")
if not hasattr(geo, "find_places"):
    pytest.skip("factfinder.geo.find_places has not landed", allow_module_level=True)

from factfinder.extract.pipeline import extract_document  # noqa: E402
from factfinder.model import Claim, DateWindow, Document  # noqa: E402

D = dt.date


def primary(text: str, **doc: object) -> Claim:
    claims = extract_document(Document(id="t", text=text, **doc)).claims  # type: ignore[arg-type]
    lead = [c for c in claims if c.primary]
    assert len(lead) == 1, claims
    return lead[0]


def day(d: dt.date) -> DateWindow:
    return DateWindow(d, d, "day")


# (text, the primary claim's date): the party in the comment is the one each text accuses.
CASES = {
    # Israel — an X capture: the post's own timestamp dates "earlier today".
    "x post timestamp": (
        "Gaza Civil Defence\n@GazaCivilDef\nTwo children were killed when an Israeli drone "
        "strike hit a tent sheltering displaced families in al-Mawasi earlier today.\n"
        "2:22 PM · Dec 1, 2024\n14.2K Views",
        day(D(2024, 12, 1)),
    ),
    # Russia — a Facebook capture: "December 1, 2024 · Shared with Public" dates the post.
    "facebook shared with public": (
        "Syria Civil Defence - White Helmets\nDecember 1, 2024 · Shared with Public\nRussian "
        "warplanes struck the outskirts of Ariha in Idlib countryside this afternoon, killing "
        "three civilians and injuring seven. Our teams pulled the wounded from the rubble.\n"
        "1.2K likes  85 comments",
        day(D(2024, 12, 1)),
    ),
    # Syrian government — a monitor's line: weekday, abbreviated month with a period.
    "monitor weekday and Apr.": (
        "Syrian Observatory for Human Rights: On the morning of Friday, Apr. 22, 2022, regime "
        "forces shelled Kansafra in Jabal al-Zawiya, killing a woman and her child.",
        day(D(2022, 4, 22)),
    ),
    # HTS — a news dateline "Sept. 14, 2023" (a Thursday) anchors "on Wednesday".
    "news dateline anchors a weekday": (
        "Sept. 14, 2023 — Hay'at Tahrir al-Sham fighters shelled the government-held town of "
        "Suqaylabiyah in Hama countryside on Wednesday, killing four civilians including a "
        "child, state media said.",
        day(D(2023, 9, 13)),
    ),
    # ISIS / coalition — a military release "Posted on Oct 7th 2023" (a Saturday): "Thursday".
    "press release ordinal date": (
        "Posted on Oct 7th 2023\nU.S. Central Command forces conducted a strike in northwest "
        "Syria on Thursday that killed a senior ISIS leader. There are no indications that "
        "civilians were harmed, the coalition said.",
        day(D(2023, 10, 5)),
    ),
    # ISIS — an NGO report: "the 7th of October" takes its year from the report's date, and
    # the report's own date is not the event's.
    "ngo year-less date": (
        "In its report of 12 November 2017, the rights group documented that on the 7th of "
        "October ISIS fighters executed five shepherds near Palmyra in Homs countryside.",
        day(D(2017, 10, 7)),
    ),
    # Iran — a local network: "March 18" takes the year of the date stated next to it.
    "monitor year-less date with a year nearby": (
        "Deir ez-Zor 24 reported that Iranian-backed militias shelled the village of Hawija "
        "Saqr on March 18, killing two farmers. On 20 March 2019 the network said the shelling "
        "continued.",
        day(D(2019, 3, 18)),
    ),
    # Turkey / SNA — an SDF statement whose date stands alone on its line ("Sept 9 2019").
    "statement date alone on its line": (
        "SDF General Command\nSept 9 2019\nTurkish-backed factions attacked the village of Tal "
        "Tamr yesterday; an artillery shell killed three civilians, among them a child.",
        day(D(2019, 9, 8)),
    ),
    # Israel — an army release with a numeric date before its unit's name.
    "military release numeric date": (
        "10.10.2023 | IDF Spokesperson's Unit\nOvernight, IDF fighter jets struck Hamas targets "
        "in the Gaza City neighbourhood of Rimal. The Gaza Health Ministry said 12 people were "
        "killed.",
        day(D(2023, 10, 10)),
    ),
    # HTS — state media with "Published:" furniture at the end (2 January 2018, a Tuesday).
    "published furniture at the end": (
        "Terrorists of Jabhat al-Nusra targeted the town of Mhardeh in Hama countryside with "
        "rocket shells on Monday, killing two civilians and injuring five others, a source "
        "told SANA.\nPublished: 2 January 2018",
        day(D(2018, 1, 1)),
    ),
    # US-led coalition — a narrative lede "On October 5, 2023, …" dates the event; the later
    # statement date does not.
    "narrative lede date": (
        "On October 5, 2023, coalition aircraft struck a vehicle near Al-Bab in Aleppo "
        "countryside, killing three people, local activists said. The coalition said on "
        "October 9 that it was reviewing the strike.",
        day(D(2023, 10, 5)),
    ),
    # Israel — an assessment whose first sentence gives the day, before the strike is named.
    "lede sentence dates the incident": (
        "Three brothers were killed and others injured at around 17:30 on 08 October 2023. "
        "They were killed in their home in Khan Younis by an alleged Israeli airstrike, local "
        "journalists reported. A casualty list released on October 26th, 2023 names them.",
        day(D(2023, 10, 8)),
    ),
    # ISIS — a wire capture: the headline, then "AFP Friday 20 Jun 2014" as furniture.
    "agency and weekday-first date": (
        "Car bomb kills 34 in Syria's Hama AFP Friday 20 Jun 2014 A car bomb claimed by the "
        "Islamic State group killed at least 34 people in a village of Hama province on "
        "Thursday, a monitor said.",
        day(D(2014, 6, 19)),
    ),
    # SDF — the date before the speaker is the event's: "On Tuesday, …, the Observatory said".
    "a date before the speaker is the event's": (
        "Posted on Thursday 16 May 2019\nOn Tuesday, Kurdish-led SDF forces shelled the village "
        "of Shuhayl in Deir ez-Zor, killing two civilians, the Syrian Observatory said that "
        "it had confirmed.",
        day(D(2019, 5, 14)),
    ),
}


@pytest.mark.parametrize("text,expected", CASES.values(), ids=CASES.keys())
def test_the_date_the_text_states(text: str, expected: DateWindow) -> None:
    assert primary(text).date == expected


@pytest.mark.parametrize(
    "text",
    [
        # Turkey — an X post with no timestamp: "this afternoon" has nothing to anchor it.
        "BREAKING: A Turkish drone strike killed two SDF fighters and a civilian driver near "
        "Qamishli this afternoon, local sources say.",
        # Syrian government — "earlier today" in a text without any date of its own.
        "Regime helicopters dropped barrel bombs on Daraya earlier today, killing five "
        "civilians, activists said.",
        # Russia — "on Tuesday" with no date anywhere.
        "Russian jets bombed a field hospital in Kafr Zita on Tuesday, killing a nurse.",
    ],
    ids=["this afternoon", "earlier today", "a weekday"],
)
def test_relative_dates_stay_undated_without_a_date_of_the_document(text: str) -> None:
    assert primary(text).date is None


def test_a_publication_date_outranks_the_text_anchor_for_relative_dates() -> None:
    text = (
        "SDF General Command\nSept 9 2019\nTurkish-backed factions attacked the village of Tal "
        "Tamr yesterday; an artillery shell killed three civilians, among them a child."
    )
    assert primary(text, published=D(2019, 9, 12)).date == day(D(2019, 9, 11))


def test_a_furniture_date_is_not_read_from_narrative_text() -> None:
    # "published on" inside a sentence is the date of an article the text cites.
    text = (
        "An Al Quds article, published on October 18, 2023, said that an Israeli airstrike "
        "killed two people in Nuseirat on Tuesday."
    )
    claim = primary(text)
    assert claim.date is None  # "Tuesday" of which week is not said: nothing is guessed


@pytest.mark.parametrize(
    "text,expected",
    [
        # Turkey — "the day after the attack" tells the sequel of the same incident.
        (
            "On 18 October 2019, Turkish artillery shelled a house in Ras al-Ain in Hasakah "
            "countryside, wounding two children. On 19 October, the day after the attack, "
            "rescuers said four civilians had been killed in the shelling.",
            (day(D(2019, 10, 18)), 4, "turkey"),
        ),
        # Russia — "The following day, on 23 July" adds to the strike of 22 July.
        (
            "Russian airstrikes hit a market in Maarat al-Numan on 22 July 2019, killing 10 "
            "civilians. The following day, on 23 July, rescuers found three more bodies and "
            "said 12 people had been injured.",
            (day(D(2019, 7, 22)), 10, "russia"),
        ),
    ],
    ids=["the day after the attack", "the following day"],
)
def test_a_follow_up_date_continues_the_incident(
    text: str, expected: tuple[DateWindow, int, str]
) -> None:
    claims = extract_document(Document(id="t", text=text)).claims
    assert len(claims) == 1
    (claim,) = claims
    assert claim.killed.total is not None
    assert (claim.date, claim.killed.total.min, claim.perpetrator.group) == expected


# Periods: a report about several days says so; the claim keeps the whole period, never the
# day the report was filed. Year-first numeric dates ("2021/06/10") are year, month, day.
PERIODS = {
    "un office, between two days of one month": (
        "GENEVA (5 November 2023) – The UN Human Rights Office said it had verified that at "
        "least 40 civilians were killed in Government and Russian air strikes in Idlib between "
        "5 and 31 October 2023.",
        DateWindow(D(2023, 10, 5), D(2023, 10, 31), "month"),
    ),
    "monitor, across two months": (
        "The Syrian Network for Human Rights documented that Turkish drone strikes killed 17 "
        "civilians in Hasakah governorate between 5 October and 2 November 2023.",
        DateWindow(D(2023, 10, 5), D(2023, 11, 2), "month"),
    ),
    "coalition, a dash range": (
        "Coalition air strikes on Raqqa on 12-14 May 2017 killed at least 30 civilians, "
        "Airwars said.",
        DateWindow(D(2017, 5, 12), D(2017, 5, 14), "week"),
    ),
    "israel, month first": (
        "Israeli strikes on Damascus countryside killed six civilians on May 5-6, 2021, "
        "according to the Syrian Observatory.",
        DateWindow(D(2021, 5, 5), D(2021, 5, 6), "week"),
    ),
    "sdf, from … to": (
        "SDF raids in Deir ez-Zor from 1 to 7 May 2021 killed four civilians, local sources said.",
        DateWindow(D(2021, 5, 1), D(2021, 5, 7), "week"),
    ),
}


PERIODS["monitor, months of one year"] = (
    "Between January and March 2017, Syrian and Russian forces killed at least 440 civilians "
    "in Idlib governorate, according to local monitors.",
    DateWindow(D(2017, 1, 1), D(2017, 3, 31), "year"),
)


@pytest.mark.parametrize(("text", "window"), PERIODS.values(), ids=PERIODS.keys())
def test_a_period_is_kept_whole(text: str, window: DateWindow) -> None:
    assert primary(text).date == window


def test_a_year_first_numeric_date_dates_the_page() -> None:
    text = (
        "Enab Baladi\nSix civilians killed in regime shelling on Jabal al-Zawiya\n"
        "Updated 2021/06/10 at 4:12 PM\n\nSix civilians, including four children, were killed "
        "on Thursday, June 10, in artillery shelling by the Syrian regime forces on the "
        "village of Iblin in the southern countryside of Idlib."
    )
    assert primary(text).date == day(D(2021, 6, 10))


def test_a_place_number_and_a_dash_are_no_period() -> None:
    text = (
        "Deir ez-Zor 24 - 9 June 2018\nIranian-backed militias shelled the village of Hawija "
        "Saqr on Friday, killing two farmers."
    )
    assert primary(text).date == day(D(2018, 6, 8))
