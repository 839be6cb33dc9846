"""Dates of reports without a `published` date, three classes read end to end:

- a masthead line: a source's name or a label, a separator and the date ending the line
  ("Kurdistan 24 | 11/03/2019", "Press release, 14 October 2019") dates the document and
  anchors "yesterday" or "on Sunday";
- an ambiguous numeric date ("on 12/05/2023") is read day first unless the document's own date
  shows the month-first reading is meant (it falls in the month before the report, the
  day-first one does not);
- a month or a year named only in a later sentence, well before the report's day ("Last year
  it was the first to receive…", "a red line that already in June…"), is background and does
  not date the lead incident.

Every text is written for this suite, in the styles of monitor posts, X and Facebook captures,
news, military press releases and NGO notes, with each party to the conflict in the same frames.
"""

from __future__ import annotations

import datetime as dt

import pytest

geo = pytest.importorskip("factfinder.geo")
if not hasattr(geo, "find_places"):
    pytest.skip("factfinder.geo.find_places has not landed", allow_module_level=True)

from factfinder.extract.dates import document_date  # noqa: E402
from factfinder.extract.pipeline import extract_document  # noqa: E402
from factfinder.model import Claim, DateWindow, Document  # noqa: E402

D = dt.date


def primary(text: str, published: dt.date | None = None) -> Claim:
    claims = extract_document(Document(id="t", text=text, published=published)).claims
    lead = [c for c in claims if c.primary]
    assert len(lead) == 1, claims
    return lead[0]


def day(d: dt.date) -> DateWindow:
    return DateWindow(d, d, "day")


MASTHEADS = {
    # Turkey — a Kurdish outlet's masthead, then a weekday (11 March 2019 is a Monday).
    "outlet pipe numeric": (
        "Kurdistan 24 | 11/03/2019\nA Turkish airstrike killed three SDF fighters and one "
        "civilian near Ain Issa on Sunday, the SDF said.",
        D(2019, 3, 10),
    ),
    # ISIS / coalition — an activist network's name and a dash, then "yesterday".
    "network dash numeric": (
        "Raqqa Is Being Slaughtered Silently — 22/08/2017\nCoalition airstrikes on the al-Badu "
        "neighbourhood killed 14 civilians yesterday, including five women.",
        D(2017, 8, 21),
    ),
    # Turkey — an NGO's press release label; the event's own day-month takes its year.
    "press release label": (
        "Press release, 14 October 2019\nOn Friday, 11 October, Turkish artillery struck the "
        "city of Qamishli, killing three civilians including a child.",
        D(2019, 10, 11),
    ),
    # Syrian government — a monitor's name and a pipe, "on Thursday" (20 February 2020).
    "monitor pipe written date": (
        "SOHR | Feb 21, 2020\nRegime helicopters dropped barrel bombs on Kansafra on Thursday, "
        "killing four civilians, among them two children.",
        D(2020, 2, 20),
    ),
    # Russia — a local network with a colon: "last night".
    "network colon date": (
        "Idlib Post: 3 May 2019\nRussian warplanes struck the market of Kafr Nabl last night, "
        "killing six civilians and wounding 20 others.",
        D(2019, 5, 2),
    ),
    # Iran — a Deir ez-Zor outlet; 9 June 2018 is a Saturday, "on Friday" the day before.
    "outlet dash written date": (
        "Deir ez-Zor 24 - 9 June 2018\nIranian-backed militias shelled the village of Hawija "
        "Saqr on Friday, killing two farmers.",
        D(2018, 6, 8),
    ),
    # Israel — a ministry's statement label and a bullet: "earlier today".
    "ministry bullet date": (
        "Gaza Ministry of Health · 17 Oct 2023\nAn Israeli airstrike on a school sheltering "
        "displaced families in Gaza City killed 12 people earlier today.",
        D(2023, 10, 17),
    ),
    # HTS — a relief group's update label; 8 August 2022 is a Monday, "on Sunday".
    "update label": (
        "Field update, 8 August 2022\nHTS fighters opened fire on protesters in Binnish on "
        "Sunday, killing one young man and injuring three.",
        D(2022, 8, 7),
    ),
    # SDF — a statement label; "the day before yesterday".
    "statement label": (
        "SNA statement | 5 November 2019\nSDF forces shelled the town of Tal Abyad the day "
        "before yesterday, killing two civilians.",
        D(2019, 11, 3),
    ),
    # US-led coalition — a press desk label, 1 March 2017 is a Wednesday: "on Tuesday".
    "press desk label": (
        "CJTF-OIR press desk — March 1, 2017\nCoalition aircraft struck a building in "
        "al-Mansoura on Tuesday, and local activists said seven civilians were killed.",
        D(2017, 2, 28),
    ),
    # US-led coalition — a monitor's masthead in sections, then the day the text names.
    "masthead in sections": (
        "Airwars\nCivilian Casualties | CS2145 | 13 March 2017\nUp to 33 civilians were "
        "killed when the coalition struck a school near Raqqa last night, local sources said.",
        D(2017, 3, 12),
    ),
    # Russia — a news site's section trail; "yesterday".
    "section trail": (
        "News · Syria · 3 May 2019\nRussian warplanes struck the market of Kafr Nabl "
        "yesterday, killing six civilians.",
        D(2019, 5, 2),
    ),
    # The same lines at the foot of the page, under the text.
    # al-Shabaab — a byline at the end; 20 August 2022 is a Saturday, "late Friday" the 19th.
    "byline at the foot": (
        "Al-Shabaab fighters stormed a hotel in Mogadishu late Friday, killing at least 21 "
        "people, police said on Saturday.\nBy Abdi Sheikh | August 20, 2022",
        D(2022, 8, 19),
    ),
    # Russia — the briefing's signature and its date closing the statement.
    "signature at the foot": (
        "Over the past day, terrorists of Hayat Tahrir al-Sham shelled the settlement of "
        "Jurin. Two civilians were killed today.\nRussian Reconciliation Centre, 22 March 2020",
        D(2020, 3, 22),
    ),
}


@pytest.mark.parametrize("text,expected", MASTHEADS.values(), ids=MASTHEADS.keys())
def test_a_masthead_line_dates_the_document(text: str, expected: dt.date) -> None:
    assert primary(text).date == day(expected)


@pytest.mark.parametrize(
    "text",
    [
        # Prose that ends a line with a date is not a masthead.
        "The attack happened on 4 May 2019\nRegime jets bombed Kafr Nabl, killing five.",
        "Turkish shelling killed two in Tal Tamr, 4 May 2019\nThe SNA denied it.",
        "Reports of the strike came in, 4 May 2019\nRussian jets hit Ariha, killing three.",
    ],
)
def test_prose_ending_a_line_with_a_date_is_not_a_masthead(text: str) -> None:
    assert document_date(text) is None


NUMERIC = {
    # US-led coalition — a CENTCOM post; the post's own date (6 December) shows month first.
    "centcom post": (
        "CENTCOM\n@CENTCOM\nOn 12/05/2023, U.S. forces conducted a strike on a facility in "
        "eastern Syria used by Iran's IRGC and affiliated groups. Two militants were killed.\n"
        "4:10 PM · Dec 6, 2023",
        D(2023, 12, 5),
    ),
    # Israel — a Gaza outlet writes day first: 12 May, posted the next day.
    "gaza outlet day first": (
        "12/05/2023 — Israeli aircraft struck a house in Rafah, killing seven members of one "
        "family, the health ministry said.\nPosted 13 May 2023",
        D(2023, 5, 12),
    ),
    # Russia — a numeric date alone, nothing to decide it: day first.
    "no anchor day first": (
        "On 04/03/2020 Russian warplanes bombed a school in Idlib city, killing six civilians "
        "including three children.",
        D(2020, 3, 4),
    ),
    # Syrian government — "03/07/2019" in a post dated 8 March 2019: month first.
    "monitor month first": (
        "Syrian Civil Defence\nMarch 8, 2019 · Shared with Public\nOn 03/07/2019 regime "
        "artillery shelled Khan Shaykhun, killing a woman and her two children.",
        D(2019, 3, 7),
    ),
    # Syrian government — "07/03/2019" in the same post: day first fits (7 March).
    "monitor day first fits": (
        "Syrian Civil Defence\nMarch 8, 2019 · Shared with Public\nOn 07/03/2019 regime "
        "artillery shelled Khan Shaykhun, killing a woman and her two children.",
        D(2019, 3, 7),
    ),
    # Turkey — read day first, "10/11/2019" would come after the report of 20 October.
    "day first after the report": (
        "Hawar News | 2019-10-20\nOn 10/11/2019, Turkish drones struck a car near Ras "
        "al-Ain, killing three civilians.",
        D(2019, 10, 11),
    ),
    # ISIS — a military release dated 3 April 2018; "04/02/2018" is 2 April.
    "army release month first": (
        "Iraqi Joint Operations Command, April 3, 2018\nOn 04/02/2018 ISIS militants attacked "
        "a checkpoint near al-Qaim, killing four soldiers.",
        D(2018, 4, 2),
    ),
    # HTS — a relief network dated 15 January 2021: "01/14/2021" only reads month first.
    "only month first valid": (
        "Violations Documentation Center - 15 January 2021\nOn 01/14/2021 HTS gunmen shot "
        "dead a man at a checkpoint near Sarmada.",
        D(2021, 1, 14),
    ),
    # Iran — an agency post of 10 September 2019: "09/09/2019" is the same either way.
    "same either way": (
        "Deir ez-Zor 24\n9:30 PM · Sep 10, 2019\nOn 09/09/2019 Iranian-backed militias shelled "
        "the village of Hawija Saqr, killing two farmers.",
        D(2019, 9, 9),
    ),
    # SDF — a monitor's note dated 6 June 2018: "05/06/2018" read day first is 5 June.
    "day first recent": (
        "Afrin Activists Network | June 6, 2018\nOn 05/06/2018 SDF artillery shelled "
        "the village of Kafr Jannah, killing a shepherd.",
        D(2018, 6, 5),
    ),
}


@pytest.mark.parametrize("text,expected", NUMERIC.values(), ids=NUMERIC.keys())
def test_an_ambiguous_numeric_date(text: str, expected: dt.date) -> None:
    assert primary(text).date == day(expected)


BACKGROUND = {
    # HTS / opposition — "Last year" tells what the group did before.
    "last year": (
        "Nusra Front fighters on Saturday drove US-backed rebels out of a base west of Aleppo "
        "in fighting that killed 35 people, a monitor said. Last year the group was the first "
        "to receive anti-tank missiles from its backers.",
        D(2015, 2, 28),
    ),
    # Syrian government — "already in June" recalls an earlier decision.
    "already in june": (
        "Regime forces killed 1300 people in a gas attack on Ghouta, the opposition said. "
        "Washington had made the use of chemical weapons a red line that already in June "
        "triggered more aid to the rebels.",
        D(2013, 8, 21),
    ),
    # Iraq history — "in 1988" compares the attack with another.
    "in 1988": (
        "Syrian government forces gassed hundreds of people in a chemical attack near "
        "Damascus, activists said. The foreign minister called the chemical attack the worst "
        "since the one on Halabja in 1988.",
        D(2013, 8, 21),
    ),
    # Russia — "in 2015" tells when the intervention began.
    "in 2015": (
        "Russian warplanes struck a market in Ariha, killing 11 civilians, rescuers said. The "
        "Russian air force has bombed the province since it intervened in 2015.",
        D(2019, 7, 22),
    ),
    # Turkey — "last October" tells the offensive the shelling continues.
    "last october": (
        "Turkish artillery shelled the village of Tal Tamr, killing three civilians, the SDF "
        "said. Turkey launched its offensive against the SDF in October 2019.",
        D(2020, 3, 2),
    ),
    # ISIS — "In March" recalls the group's defeat.
    "in march": (
        "ISIS cells attacked a bus on the Palmyra road, killing 13 soldiers, state media "
        "said. The group lost its last territory in March 2019 but its cells remain active.",
        D(2019, 11, 20),
    ),
    # Israel — "in May 2021" recalls an earlier war.
    "in may 2021": (
        "An Israeli airstrike destroyed a tower in Gaza City, killing nine people, the health "
        "ministry said. The same tower was damaged in May 2021.",
        D(2023, 10, 12),
    ),
    # Iran — "in 2017" tells when the militias took the town.
    "in 2017": (
        "Iranian-backed militias shelled the village of Hawija Saqr, killing two farmers, a "
        "local network said. The militias took the nearby town of al-Mayadin in 2017.",
        D(2019, 6, 9),
    ),
    # SDF — "In January" tells when the council was formed.
    "in january": (
        "SDF gunmen shot dead two protesters in the town of Shuhayl, activists said. The "
        "military council of the town was formed in January 2018.",
        D(2019, 5, 14),
    ),
    # US-led coalition — "in 2014" tells when the campaign began.
    "in 2014": (
        "Coalition airstrikes on the al-Badu neighbourhood killed 14 civilians, local "
        "monitors said. The coalition began its campaign against ISIS in 2014.",
        D(2017, 8, 21),
    ),
}


@pytest.mark.parametrize("text,published", BACKGROUND.values(), ids=BACKGROUND.keys())
def test_a_background_period_does_not_date_the_lead_incident(text: str, published: dt.date) -> None:
    assert primary(text, published).date == day(published)


def test_the_opening_sentence_keeps_its_month() -> None:
    # An NGO note told months later: its first sentence gives the month, which stays.
    text = (
        "In June 2023, Russian warplanes struck a market in Ariha, killing 11 civilians. The "
        "strike was documented by our field team."
    )
    assert primary(text, D(2023, 12, 1)).date == DateWindow(D(2023, 6, 1), D(2023, 6, 30), "month")


@pytest.mark.parametrize(
    "text",
    [
        # US-led coalition — an NGO incident note published a week later.
        "On 21 August 2017, coalition aircraft struck residential buildings in the al-Badu "
        "neighbourhood of Raqqa city. Our field team documented the deaths of 14 civilians.",
        # Russia — a flash update.
        "On 21 August 2017, two Russian airstrikes hit farmland on the outskirts of Jisr "
        "al-Shughur. Four civilians were killed while working in the fields.",
        # Turkey / SNA — a documentation note.
        "On 21 August 2017, Turkish army artillery and allied factions shelled the outskirts "
        "of Tal Rifaat. Five civilians were killed.",
        # HTS — a short note.
        "On 21 August 2017, HTS gunmen opened fire on protesters in Binnish, killing one young "
        "man and injuring three.",
    ],
)
def test_an_ngo_note_keeps_its_stated_date_over_the_publication_date(text: str) -> None:
    assert primary(text, D(2017, 8, 29)).date == day(D(2017, 8, 21))


FURNITURE_LINES = {
    # Russia — a byline and a pipe before the date; 22 April 2022 is a Friday.
    "byline pipe": (
        "Shelling kills three in Ariha\nBy Jane Doe | April 22, 2022\nRussian warplanes "
        "struck the town of Ariha on Thursday, killing three civilians.",
        D(2022, 4, 21),
    ),
    # Syrian government — a byline and a comma.
    "byline comma": (
        "Barrel bombs on Kansafra\nBy Omar Haj Kadour, 3 June 2021\nRegime helicopters "
        "dropped barrel bombs on Kansafra yesterday, killing two women.",
        D(2021, 6, 2),
    ),
    # Turkey — an edit stamp at the end of a page.
    "last edited": (
        "Turkish drones struck a car near Qamishli on Sunday, killing three civilians.\n"
        "Last edited: 2019-10-14T10:11:00Z",
        D(2019, 10, 13),
    ),
    # US-led coalition — a date opening a line, then a dash: the report's own dateline.
    "date dash lede": (
        "Coalition strike in al-Mansoura\nMarch 22, 2017 - A coalition airstrike killed seven "
        "civilians in al-Mansoura this morning, local activists said.",
        D(2017, 3, 22),
    ),
    # ISIS — the same with an agency in brackets and an em dash.
    "date agency dash": (
        "ISIS car bomb in Azaz\nJanuary 7, 2017 (AFP) — An Islamic State car bomb killed 43 "
        "people in Azaz on Saturday, a monitor said.",
        D(2017, 1, 7),
    ),
    # SDF — a year-less date opening the post, the year given by a month later on.
    "year from a month": (
        "Afrin Activists Network\nMarch 18: SDF artillery shelled the village of Kafr Jannah, "
        "killing a shepherd. The network documented 12 civilian deaths in March 2018.",
        D(2018, 3, 18),
    ),
    # Iran — a year-less date alone on its line; the year given alone later.
    "year from a year": (
        "Deir ez-Zor 24\nSept. 5\nIranian-backed militias shelled the village of Hawija Saqr "
        "on Wednesday, killing two farmers, the worst attack on the village in 2019.",
        D(2019, 9, 4),
    ),
    # HTS — a day and month with the year in a later month-year date.
    "day month, year in a month": (
        "Idlib Post\n14 February: HTS gunmen shot dead a man at a checkpoint near Sarmada. "
        "It was the third such killing since January 2021.",
        D(2021, 2, 14),
    ),
    # US-led coalition — a blog's "Posted by" line with a lowercase user name.
    "posted by": (
        "Posted by admin | 12 January 2025\nA coalition airstrike killed a family of five in "
        "Hajin yesterday.",
        D(2025, 1, 11),
    ),
    # Turkey — "Written by" and a dash.
    "written by": (
        "Written by Hawar staff - 3 March 2024\nA Turkish drone struck a car near Kobani on "
        "Saturday, killing two civilians.",
        D(2024, 3, 2),
    ),
    # Israel — a Telegram channel's numeric stamp with a time.
    "channel stamp": (
        "Gaza Now\n17.10.2023 21:45\nAn Israeli airstrike on a house in Khan Younis killed "
        "nine people earlier today.",
        D(2023, 10, 17),
    ),
    # Syrian government — a page's date with its time zone under the headline.
    "time zone stamp": (
        "Regime shelling kills child in Darat Izza\n22 April 2022 12:05 GMT\nRegime forces "
        "shelled Darat Izza on Friday, killing a child.",
        D(2022, 4, 22),
    ),
}


@pytest.mark.parametrize("text,expected", FURNITURE_LINES.values(), ids=FURNITURE_LINES.keys())
def test_bylines_edit_stamps_dashes_and_a_year_given_nearby(text: str, expected: dt.date) -> None:
    assert primary(text).date == day(expected)


@pytest.mark.parametrize(
    "text",
    [
        # Prose that opens with a date and a dash inside a sentence, or a byline-like phrase.
        "Two killed in Ariha\nThe strike came on April 22, 2022 - three civilians were killed.",
        "Two killed in Ariha\nBy the end of April 22, 2022\nThree civilians were killed.",
        # A year-less date with no year anywhere in the text stays unread.
        "Idlib Post\n14 February: HTS gunmen shot dead a man at a checkpoint near Sarmada.",
    ],
)
def test_no_document_date_from_prose_or_a_year_nowhere(text: str) -> None:
    assert document_date(text) is None


def window(a: dt.date, b: dt.date) -> DateWindow:
    return DateWindow(a, b, "week" if (b - a).days < 7 else "month")


PERIODS = {
    # US-led coalition — two days named together (5 July 2015 is a Sunday).
    "saturday and sunday": (
        "Sun 05 Jul 2015\nSix civilians were among 22 people killed in coalition air strikes "
        "on Raqqa on Saturday and Sunday, a monitor said.",
        window(D(2015, 7, 4), D(2015, 7, 5)),
    ),
    # Kurdish forces against ISIS — "since Saturday" to the report's day (25 February 2015).
    "since a weekday": (
        "Wednesday 25 Feb 2015\nAt least 132 Islamic State militants have been killed since "
        "Saturday in fighting with Kurdish fighters near Tal Hamis.",
        window(D(2015, 2, 21), D(2015, 2, 25)),
    ),
    # Russia — "from Friday to Sunday".
    "from friday to sunday": (
        "Idlib Post | 12 May 2019\nRussian warplanes killed 17 civilians in Kafr Nabl from "
        "Friday to Sunday, the civil defence said.",
        window(D(2019, 5, 10), D(2019, 5, 12)),
    ),
    # Syrian government — "between Monday and Wednesday".
    "between two weekdays": (
        "SOHR | Feb 21, 2020\nRegime shelling killed 11 civilians in Ariha between Monday and "
        "Wednesday, the monitor said.",
        window(D(2020, 2, 17), D(2020, 2, 19)),
    ),
    # Turkey — "since 9 October" in a report of 14 October 2019.
    "since a day": (
        "Press release, 14 October 2019\nTurkish shelling has killed 38 civilians in Ras al-Ain "
        "and Tal Abyad since 9 October, the Kurdish Red Crescent said.",
        window(D(2019, 10, 9), D(2019, 10, 14)),
    ),
    # ISIS — "since the 4th of July" in a report of 9 July 2014.
    "since the nth of": (
        "AFP Wednesday 9 Jul 2014\nIslamic State fighters have executed 20 tribesmen in Deir "
        "Ezzor since the 4th of July, a monitor said.",
        window(D(2014, 7, 4), D(2014, 7, 9)),
    ),
    # HTS — "on Tuesday and Wednesday".
    "tuesday and wednesday": (
        "Syria Direct | March 5, 2021\nHTS gunmen killed three men in raids on Binnish on "
        "Tuesday and Wednesday, residents said.",
        window(D(2021, 3, 2), D(2021, 3, 3)),
    ),
    # Israel — "since Sunday" in a post of Thursday 19 October 2023.
    "since sunday post": (
        "Gaza Ministry of Health · 19 Oct 2023\nIsraeli airstrikes have killed 310 people in "
        "Khan Younis since Sunday.",
        window(D(2023, 10, 15), D(2023, 10, 19)),
    ),
    # SDF — "Thursday and Friday" without "on".
    "weekdays without on": (
        "Hawar News | 2019-10-20\nSDF shelling killed four civilians in Tal Abyad Thursday and "
        "Friday, the SNA said.",
        window(D(2019, 10, 17), D(2019, 10, 18)),
    ),
    # Iran — "since early Monday".
    "since early monday": (
        "Deir ez-Zor 24 - 9 June 2018\nIranian-backed militias have killed six civilians in "
        "Albu Kamal since early Monday.",
        window(D(2018, 6, 4), D(2018, 6, 9)),
    ),
}


@pytest.mark.parametrize("text,expected", PERIODS.values(), ids=PERIODS.keys())
def test_two_days_named_together_or_a_period_since_a_day(text: str, expected: DateWindow) -> None:
    assert primary(text).date == expected


ORDINAL_DAYS = {
    # Russia — "on the 12th" in a post of 14 May 2019: this month's 12th.
    "this month": (
        "Step News\nPosted on 14/05/2019\nRussian jets killed five civilians in Kafr Nabl on "
        "the 12th, activists said.",
        D(2019, 5, 12),
    ),
    # Syrian government — "on the 28th" in a report of 3 March 2020: February's 28th.
    "month before": (
        "SOHR | Mar 3, 2020\nRegime shelling killed four civilians in Ariha on the 28th at dawn.",
        D(2020, 2, 28),
    ),
    # Turkey — "on the 9th" with a time of day after it.
    "with time of day": (
        "Hawar News | 2019-10-20\nTurkish drones struck a car near Ras al-Ain on the 9th in the "
        "evening, killing three civilians.",
        D(2019, 10, 9),
    ),
}


@pytest.mark.parametrize("text,expected", ORDINAL_DAYS.values(), ids=ORDINAL_DAYS.keys())
def test_a_day_of_the_month_alone_takes_the_report_month(text: str, expected: dt.date) -> None:
    assert primary(text).date == day(expected)


@pytest.mark.parametrize(
    "text",
    [
        "SOHR | Mar 3, 2020\nClashes between the 5th Legion and ISIS killed four in the Badia.",
        "SOHR | Mar 3, 2020\nOn the 25th anniversary of the massacre, shelling killed two in Hama.",
    ],
)
def test_an_ordinal_that_is_no_day_does_not_date_the_claim(text: str) -> None:
    assert primary(text).date == day(D(2020, 3, 3))


MONTH_FIRST_RANGES_AND_STAMPS = {
    # US-led coalition — a release's period written month first on both ends.
    "release period": (
        "CJTF-OIR\nNov. 6, 2018\nCoalition strikes between Oct. 29 - Nov. 4 near Hajin killed "
        "15 civilians, local activists said.",
        DateWindow(D(2018, 10, 29), D(2018, 11, 4), "week"),
    ),
    # Syrian government — "from … to …" with the year after the second day.
    "from to with year": (
        "Regime shelling killed 84 people in Eastern Ghouta from Nov 14 to Nov 17, 2017, the "
        "health agency said.",
        DateWindow(D(2017, 11, 14), D(2017, 11, 17), "week"),
    ),
    # Turkey — the page's own date glued after the last sentence of a capture.
    "stamp after the text": (
        "QAMISHLI, Syria (North Press) – A Turkish drone targeted a car in the countryside of "
        "Qamishli on Friday, killing two members of the Asayish. 2022-08-20",
        day(D(2022, 8, 19)),
    ),
}


@pytest.mark.parametrize(
    "text,expected",
    MONTH_FIRST_RANGES_AND_STAMPS.values(),
    ids=MONTH_FIRST_RANGES_AND_STAMPS.keys(),
)
def test_month_first_periods_and_a_stamp_ending_the_capture(
    text: str, expected: DateWindow
) -> None:
    assert primary(text).date == expected


def test_two_days_joined_by_and_stay_two_days() -> None:
    from factfinder.extract.dates import find_dates

    found = find_dates("Strikes on Oct 29 and Nov 4, 2018 killed five.", anchor=None)
    assert [d.window for d in found] == [day(D(2018, 10, 29)), day(D(2018, 11, 4))]


STATEMENT_DAYS = {
    # ISIS — SANA's "told SANA reporter on Wednesday that": the statement's day, not the
    # event's; the event's day is unsaid, so the report's day stands (6 June 2016).
    "told outlet reporter": (
        "06-06-2016 Rocket attacks kill two in Deir Ezzor. A source at Deir Ezzor Governorate "
        "told SANA reporter on Wednesday that ISIL terrorists fired rocket shells on al-Qusour "
        "neighborhood, killing two persons.",
        D(2016, 6, 6),
    ),
    # Russia — "told the AFP news agency on Friday that".
    "told the agency": (
        "Idlib Post | 12 May 2019\nA civil defence official told the AFP news agency on Friday "
        "that Russian jets killed six civilians in Kafr Nabl.",
        D(2019, 5, 12),
    ),
    # The event's own day still dates it when the text gives it.
    "event day kept": (
        "Idlib Post | 12 May 2019\nA civil defence official told the AFP news agency on Friday "
        "that Russian jets killed six civilians in Kafr Nabl on Thursday.",
        D(2019, 5, 9),
    ),
}


@pytest.mark.parametrize("text,expected", STATEMENT_DAYS.values(), ids=STATEMENT_DAYS.keys())
def test_the_day_a_source_told_an_outlet_dates_the_statement(text: str, expected: dt.date) -> None:
    assert primary(text).date == day(expected)


BYLINES_AND_WEEKDAY_LINES = {
    # Syrian government — a byline whose name is also a place's (Medina): no place.
    "byline name no place": (
        "Syria Direct\nBy Alicia Medina\n17 February 2020\nAMMAN — Regime airstrikes killed "
        "12 civilians in Darat Izza on Sunday.",
        D(2020, 2, 16),
        ["Darat Izza"],
    ),
    # Russia — a weekday before a numeric date line; "yesterday" from it (23 December 2019).
    "weekday numeric line": (
        "Violations Documentation Center\nMonday 23/12/2019\nThe VDC documented the killing "
        "of 7 civilians by Russian airstrikes on Saraqib yesterday.",
        D(2019, 12, 22),
        ["Saraqib"],
    ),
    # Turkey — two authors and their desk on the byline.
    "two authors and a desk": (
        "Turkish drone kills three\nBy Suleiman Al-Khalidi and Ellen Francis in Amman\n"
        "Oct. 14, 2019\nA Turkish drone killed three civilians near Qamishli on Sunday.",
        D(2019, 10, 13),
        ["Al Qamishli"],
    ),
    # Syrian government — an abbreviated weekday with a numeric date and a time.
    "abbreviated weekday line": (
        "Sun, 06/03/2018 - 14:12\nFive civilians were killed in Douma when regime artillery "
        "struck the town this morning.",
        D(2018, 3, 6),
        ["Duma"],
    ),
}


@pytest.mark.parametrize(
    "text,expected,places",
    BYLINES_AND_WEEKDAY_LINES.values(),
    ids=BYLINES_AND_WEEKDAY_LINES.keys(),
)
def test_bylines_are_no_places_and_weekday_date_lines_date_the_page(
    text: str, expected: dt.date, places: list[str]
) -> None:
    claim = primary(text)
    assert claim.date == day(expected)
    assert [p.name for p in claim.places if p.precision != "country"] == places


def test_prose_opening_with_by_is_no_byline() -> None:
    from factfinder.extract.furniture import furniture_spans

    for text in (
        "x\nBy Tuesday, Russian jets had killed 5 in Idlib.\n",
        "x\nBy the end of the day 5 were killed in Idlib\n",
        "x\nBy March 2019 the town had fallen\n",
    ):
        assert furniture_spans(text) == []
