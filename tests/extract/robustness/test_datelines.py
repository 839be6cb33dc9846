"""Datelines on reports nobody tuned for: where a report was filed is not where it happened.

A wire dateline ("BEIRUT (Reuters) –", "AMMAN, Jordan (AP) —", "Damascus, SANA –", "ERBIL
(Kurdistan 24) –", "ANKARA, March 3 (Reuters) -") names the desk that filed the report; the
incident's place comes from the body. A monitor's lead-in ("Aleppo province:", "Idlib
countryside –", "RURAL DAMASCUS:") names the incident's area and is read as a place. Every text
here is written for this suite; each party to the conflict appears in the same frames.
"""

from __future__ import annotations

import datetime as dt

import pytest

geo = pytest.importorskip("factfinder.geo")
if not hasattr(geo, "find_places"):
    pytest.skip("factfinder.geo.find_places has not landed", allow_module_level=True)

from factfinder.extract.pipeline import Extractor  # noqa: E402
from factfinder.model import Claim, Document  # noqa: E402


def primary(text: str, published: str = "2024-03-05") -> Claim:
    doc = Document("t", text, published=dt.date.fromisoformat(published))
    claims = Extractor().extract(doc).claims
    return next(c for c in claims if c.primary)


def names(c: Claim) -> set[str]:
    return {p.name for p in c.places}


def areas(c: Claim) -> set[str | None]:
    return {p.admin1 for p in c.places}


def killed(c: Claim) -> int | None:
    r = c.killed.total or c.killed.civilians or c.killed.combatants
    return r.min if r is not None else None


# Filing datelines: (text, filing place that must not appear, incident governorate, perpetrator,
# killed).
FILED = [
    (
        "BEIRUT (Reuters) - Russian warplanes struck a market in Jisr al-Shughur in Idlib "
        "province on Tuesday, killing nine civilians, a war monitor said.",
        "Beirut",
        "Idlib",
        "russia",
        9,
    ),
    (
        "ERBIL (Kurdistan 24) – A Turkish drone strike killed three people in a car near "
        "Qamishli on Monday, the Syrian Democratic Forces said in a statement.",
        "Erbil",
        "Al-Hasakah",
        "turkey",
        3,
    ),
    (
        "AMMAN, Jordan (AP) — Israeli strikes hit a weapons depot near Damascus overnight, "
        "killing four soldiers, Syrian state media said.",
        "Amman",
        "Damascus",
        "israel",
        4,
    ),
    (
        "ANKARA, March 3 (Reuters) - Turkish warplanes struck positions of the Kurdish YPG near "
        "Tal Rifaat in Aleppo province, killing 15 fighters, the defence ministry said.",
        "Ankara",
        "Aleppo",
        "turkey",
        15,
    ),
    (
        "BAGHDAD (AFP) - An Islamic State suicide bomber blew himself up in a crowded market in "
        "Tikrit on Thursday, killing 23 people, police said.",
        "Baghdad",
        "Salah ad-Din",
        "isis",
        23,
    ),
    (
        "QAMISHLI, Syria (AFP) -- Air strikes by the US-led coalition on the town of Hajin in "
        "Deir ez-Zor province killed 10 civilians on Sunday, the Observatory said.",
        "Al Qamishli",
        "Deir ez-Zor",
        "us_led_coalition",
        10,
    ),
    (
        "ANKARA (AA) – The SDF shelled a residential area of Jarablus in northern Aleppo "
        "province on Wednesday, killing two civilians, local officials said.",
        "Ankara",
        "Aleppo",
        "sdf_ypg",
        2,
    ),
    (
        "DAMASCUS, Syria (AP) — Syrian government helicopters dropped barrel bombs on "
        "Daraa al-Balad on Friday, killing eight people, opposition activists said.",
        "Damascus",
        "Daraa",
        "syrian_government",
        8,
    ),
    (
        "BEIRUT — Hezbollah fighters shelled the village of Madaya in Rif Dimashq on Saturday, "
        "killing five civilians, residents said.",
        "Beirut",
        "Rif Dimashq",
        "iran",
        5,
    ),
    (
        "Damascus, SANA – Hayat Tahrir al-Sham terrorists fired rocket shells on the city of "
        "Mhardeh in the northern countryside of Hama, killing two civilians.",
        "Damascus",
        "Hama",
        "hts_nusra",
        2,
    ),
    (
        "Moscow, Feb. 5 (Xinhua) -- The Syrian army shelled rebel positions around Kafr Nabl in "
        "southern Idlib, killing 20 militants, a Russian military official said.",
        "Moscow",
        "Idlib",
        "syrian_government",
        20,
    ),
]


@pytest.mark.parametrize(("text", "filed", "area", "group", "dead"), FILED)
def test_a_filing_dateline_is_not_the_incident_place(
    text: str, filed: str, area: str, group: str, dead: int
) -> None:
    c = primary(text)
    assert filed not in names(c)
    assert area in areas(c)
    assert c.perpetrator.group == group
    assert killed(c) == dead


def test_the_country_and_agency_of_a_dateline_are_not_places() -> None:
    c = primary(
        "AMMAN, Jordan (AP) — An Iranian-backed militia shelled the town of Al Mayadin in "
        "Deir ez-Zor province, killing six civilians, activists said."
    )
    assert {"Amman", "Jordan"}.isdisjoint(names(c))
    assert areas(c) == {"Deir ez-Zor"}
    assert c.perpetrator.group == "iran"
    c = primary(
        "ERBIL (Kurdistan 24) – Iraqi Popular Mobilization Forces shelled a village near "
        "Sinjar, killing four Yazidi civilians, local officials said."
    )
    assert not any("Kurdistan" in n or n == "Erbil" for n in names(c))
    assert "Sinjar" in names(c) and c.perpetrator.group == "iraq_government"


def test_a_dateline_city_that_is_also_the_incident_city_stays_through_the_body() -> None:
    c = primary(
        "DAMASCUS (Reuters) - A car bomb exploded in the Mezzeh district of Damascus on "
        "Monday, killing seven people, state television said."
    )
    assert areas(c) == {"Damascus"}
    assert killed(c) == 7


def test_a_title_case_city_abroad_with_a_dash_is_a_dateline() -> None:
    c = primary(
        "Beirut – Syrian government warplanes killed five people in Douma on Thursday, "
        "activists said."
    )
    assert "Beirut" not in names(c)
    assert areas(c) == {"Rif Dimashq"}


# Monitor lead-ins: the area they name is where the incident happened.
LEAD_INS = [
    (
        "Aleppo province: a child was killed by regime shelling on the town of Atarib.",
        "Aleppo",
        "syrian_government",
        1,
    ),
    (
        "Idlib countryside – Two civilians were killed by Russian airstrikes on Tuesday.",
        "Idlib",
        "russia",
        2,
    ),
    (
        "ALEPPO PROVINCE — Turkish artillery shelled the village of Tal Rifaat, killing three "
        "civilians.",
        "Aleppo",
        "turkey",
        3,
    ),
    (
        "RURAL DAMASCUS: Israeli missiles struck a site near Kisweh, killing three people.",
        "Rif Dimashq",
        "israel",
        3,
    ),
    (
        "Deir Ezzor: coalition aircraft killed three civilians in a strike on a car near Hajin.",
        "Deir ez-Zor",
        "us_led_coalition",
        3,
    ),
    (
        "Idlib – two children were killed by government shelling on Maarat al-Numan.",
        "Idlib",
        "syrian_government",
        2,
    ),
    (
        "Hasakah countryside: ISIS gunmen killed four shepherds near al-Hol.",
        "Al-Hasakah",
        "isis",
        4,
    ),
    (
        "Raqqa: SDF fighters opened fire on protesters in the town of Tabqa, killing two.",
        "Raqqa",
        "sdf_ypg",
        2,
    ),
]


@pytest.mark.parametrize(("text", "area", "group", "dead"), LEAD_INS)
def test_a_monitor_lead_in_names_the_incident_area(
    text: str, area: str, group: str, dead: int
) -> None:
    c = primary(text)
    assert area in areas(c)
    assert c.perpetrator.group == group
    assert killed(c) == dead


def test_a_city_and_a_colon_is_a_dateline_only_when_abroad() -> None:
    c = primary("BEIRUT: Russian air strikes killed 11 people in Maarat al-Numan on Monday.")
    assert "Beirut" not in names(c) and areas(c) == {"Idlib"}
    c = primary("IDLIB: Russian air strikes killed 11 people on Monday, rescuers said.")
    assert areas(c) == {"Idlib"} and killed(c) == 11


def test_a_city_on_a_line_of_its_own_opening_the_body_is_a_dateline() -> None:
    c = primary(
        "ANKARA\n\nTurkish jets struck PKK positions in the Qandil mountains, killing 9 "
        "militants, the ministry said."
    )
    assert "Ankara" not in names(c)
    assert c.perpetrator.group == "turkey" and killed(c) == 9


def undated(text: str) -> Claim:
    claims = Extractor().extract(Document("t", text)).claims
    return next(c for c in claims if c.primary)


# A wire dateline under a captured page's masthead or headline: (text, filing place that must
# not appear, the claim's date read from the dateline, incident governorate).
UNDER_MASTHEAD = [
    # Turkey — a Kurdish outlet's name, then its dateline; "late on Sunday" (1 December 2019).
    (
        "Kurdistan 24\nERBIL, Dec 2, 2019 (Kurdistan 24) – Turkish shelling killed three "
        "civilians in the village of Tal Jumaa near Tal Tamr late on Sunday, the SDF said.",
        "Erbil",
        dt.date(2019, 12, 1),
        "Al-Hasakah",
    ),
    # Syrian government / Russia — a headline line, then a dateline with the country.
    (
        "Air strikes kill 12 in Idlib's Saraqeb\nAMMAN, Jordan, Feb 5, 2020 (Reuters) - Air "
        "strikes killed at least 12 people in Saraqeb on Tuesday, a rescue service said.",
        "Amman",
        dt.date(2020, 2, 4),
        "Idlib",
    ),
    # US-led coalition — a site's section path, then the dateline.
    (
        "Home | Middle East\nBEIRUT, March 22, 2017 (AFP) - A coalition air strike killed 33 "
        "civilians in a school near al-Mansoura on Tuesday, a monitor said.",
        "Beirut",
        dt.date(2017, 3, 21),
        "Raqqa",
    ),
    # ISIS — an agency's name line, then an upper-case dateline without a country.
    (
        "AFP\nBEIRUT, Jan 7, 2017 (AFP) — An Islamic State car bomb killed 43 people in Azaz "
        "on Saturday, a monitor said.",
        "Beirut",
        dt.date(2017, 1, 7),
        "Aleppo",
    ),
    # Israel — a wire photo credit line first.
    (
        "Photo: Reuters\nAMMAN, Oct 17, 2023 (Reuters) - An Israeli air strike on a house in "
        "Khan Younis killed nine people on Tuesday, the health ministry said.",
        "Amman",
        dt.date(2023, 10, 17),
        None,
    ),
    # HTS — a Turkish desk.
    (
        "Anadolu Agency\nANKARA, Aug 8, 2022 (AA) - HTS gunmen killed a young man in Binnish "
        "on Sunday, local sources said.",
        "Ankara",
        dt.date(2022, 8, 7),
        "Idlib",
    ),
    # SDF — an Iraqi Kurdish desk under the outlet's name.
    (
        "Rudaw\nERBIL, Nov 5, 2019 (Rudaw) - SDF shelling killed two civilians in Tal Abyad on "
        "Monday, the Turkish-backed SNA said.",
        "Erbil",
        dt.date(2019, 11, 4),
        "Raqqa",
    ),
    # Iran — a Lebanese desk under a headline.
    (
        "Militia shelling kills two farmers\nBEIRUT, June 9, 2018 (AP) - Iranian-backed "
        "militias shelled a village near Albu Kamal on Friday, killing two farmers, activists said.",
        "Beirut",
        dt.date(2018, 6, 8),
        "Deir ez-Zor",
    ),
    # Russia — a Jordanian desk, two lines down.
    (
        "World news\nSyria\nAMMAN, May 3, 2019 (Reuters) - Russian warplanes struck the "
        "market of Kafr Nabl on Friday, killing six civilians.",
        "Amman",
        dt.date(2019, 5, 3),
        "Idlib",
    ),
    # Syrian government — a Turkish desk, the day written first.
    (
        "Daily Sabah\nISTANBUL, 6 March 2020 (AA) - Regime helicopters dropped barrel bombs on "
        "Ariha on Thursday, killing six civilians.",
        "Istanbul",
        dt.date(2020, 3, 5),
        "Idlib",
    ),
]


@pytest.mark.parametrize(("text", "filed", "day", "area"), UNDER_MASTHEAD)
def test_a_dateline_under_a_masthead_dates_the_report_and_is_no_place(
    text: str, filed: str, day: dt.date, area: str | None
) -> None:
    c = undated(text)
    assert filed not in {p.name.split(",")[0] for p in c.places}
    assert all(p.country in ("SY", "PS", None) or p.precision == "country" for p in c.places)
    assert c.date is not None and (c.date.start, c.date.end) == (day, day)
    if area is not None:
        assert area in areas(c)
