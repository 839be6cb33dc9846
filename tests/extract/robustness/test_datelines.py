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
