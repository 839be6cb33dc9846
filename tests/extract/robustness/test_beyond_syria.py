"""Reports from the other wars the same outlets cover: Yemen, Somalia, Libya and Gaza.

The vocabulary's groups are the parties of the war in Syria and Iraq; the parties of the other
wars are "other" (the Saudi-led coalition, the Houthis, al-Shabaab, Khalifa Haftar's forces,
Hamas and Islamic Jihad), never the US-led coalition that "coalition" means in Syria, and never
left unknown when the text names them. The US striking in Somalia is the US, as "a U.S.
airstrike" is. Two parties in "other" are not one side: a Houthi outlet blaming the Saudi-led
coalition alleges, it admits nothing. Gaza's towns and camps are read in their news spellings.

Every text is written for this suite, in the styles of wire reports, monitor and NGO notes,
military statements and captured posts.
"""

from __future__ import annotations

import datetime as dt

import pytest

from factfinder.extract.pipeline import extract_document
from factfinder.model import Claim, Document


def primary(text: str, published: dt.date | None = None) -> Claim:
    claims = extract_document(Document(id="t", text=text, published=published)).claims
    lead = [c for c in claims if c.primary]
    assert len(lead) == 1, claims
    return lead[0]


OTHER_PARTIES = {
    # Yemen — a wire report; the coalition named by its leader.
    "saudi-led coalition": (
        "SANAA, Yemen (AP) — Airstrikes by the Saudi-led coalition hit a bus in a market in "
        "northern Yemen on Thursday, killing 29 children, the health ministry said."
    ),
    # Yemen — the Houthis' own epithet for the coalition, in their outlet's post.
    "us-saudi aggression": (
        "US-Saudi aggression warplanes launched 6 raids on a village, killing a woman and her "
        "two daughters."
    ),
    # Yemen — an NGO names the Houthis by their movement's name.
    "ansar allah": (
        "On 13 June 2021, a ballistic missile launched by Ansar Allah (the Houthis) struck a gas "
        "station, killing 17 civilians, among them a five-year-old girl."
    ),
    "houthi forces": (
        "Houthi forces shelled a residential area on 5 May, killing a child and wounding three "
        "women, local sources said."
    ),
    # Somalia — a wire report.
    "al-shabaab": (
        "Al-Shabaab fighters stormed a hotel in Mogadishu late Friday, killing at least 21 "
        "people, police said on Saturday."
    ),
    # Libya — the forces named by their commander.
    "haftar's militias": (
        "Five civilians, including two children, were killed on Sunday evening when Haftar's "
        "militias fired Grad rockets on a residential neighborhood, the Health Ministry said."
    ),
    "forces loyal to haftar": (
        "Forces loyal to eastern commander Khalifa Haftar shelled a school on Monday, killing "
        "three pupils, the government said."
    ),
}


@pytest.mark.parametrize("text", OTHER_PARTIES.values(), ids=OTHER_PARTIES.keys())
def test_parties_of_other_wars_are_other(text: str) -> None:
    assert primary(text).perpetrator.group == "other"


def test_the_saudi_led_coalition_is_not_the_us_led_one() -> None:
    c = primary(
        "Amnesty International said a US-made bomb was used in the 25 August Saudi-led "
        "coalition airstrike on a residential building that killed 16 civilians."
    )
    assert c.perpetrator.group == "other"
    assert c.event_type == "airstrike"


def test_the_us_in_somalia_is_the_us() -> None:
    c = primary(
        "U.S. Africa Command conducted an airstrike in the vicinity of Jamaame, Somalia, on "
        "Feb. 22, killing 8 al-Shabaab terrorists."
    )
    assert c.perpetrator.group == "us_led_coalition"
    assert c.killed.combatants is not None and c.killed.combatants.min == 8
    # "U.S." names the command, not a place of the incident
    assert all(p.country != "US" for p in c.places)


def test_a_victim_group_is_not_the_attacker() -> None:
    c = primary(
        "Israeli airstrikes on Gaza killed 10 people on Friday, including a five-year-old girl "
        "and a senior Islamic Jihad commander, the health ministry said."
    )
    assert c.perpetrator.group == "israel"


def test_two_parties_in_other_are_not_one_side() -> None:
    c = primary(
        "Houthi Media Center\nUS-Saudi aggression warplanes launched 6 raids on Saada "
        "governorate, killing a woman and her two daughters in Majz district."
    )
    assert c.claimant.name == "Houthi Media Center"
    assert c.perpetrator.group == "other"
    assert c.stance == "alleges"


@pytest.mark.parametrize(
    ("spelling", "name"),
    [
        ("Beit Lahia", "Bayt Lahya"),
        ("Deir al-Balah", "Dayr al Balah"),
        ("Nuseirat camp", "An Nusayrat"),
        ("Beit Hanoun", "Bayt Hanun"),
        ("the Maghazi refugee camp", "Maghazi camp"),
    ],
)
def test_gaza_towns_and_camps(spelling: str, name: str) -> None:
    c = primary(
        f"At least 17 members of one family were killed on Sunday when Israeli warplanes "
        f"bombed their home in {spelling}, the health ministry in Gaza said."
    )
    assert [p.name for p in c.places][:1] == [name]
    assert c.places[0].country == "PS"


@pytest.mark.parametrize(
    ("text", "war", "town"),
    [
        # Libya — a wire dateline gives the city with its country; Lebanon's Tripoli is not it.
        (
            "TRIPOLI, Libya (Reuters) - A drone strike on a migrant detention centre in Tajoura, "
            "east of Tripoli, killed at least 53 people overnight, the United Nations said.",
            "LY",
            "Tripoli",
        ),
        # Yemen — a UN update opens on its country; Sa'ada is not the Syrian village.
        (
            "Yemen: Flash Update No. 3\nOn 21 January, an airstrike hit a detention facility in "
            "Sa'ada city, reportedly killing more than 80 people.",
            "YE",
            "Sa'dah",
        ),
        # Libya, Yemen — named by a party or a people only, in the opening
        (
            "Libya's UN-recognised government said forces loyal to Khalifa Haftar shelled a "
            "hospital in Tripoli on Monday, wounding 14 people, among them three children.",
            "LY",
            "Tripoli",
        ),
        (
            "A Saudi-led coalition air strike on a wedding party in Hajjah province killed more "
            "than 20 people, including the bride, a local health official said.",
            "YE",
            "Hajjah",
        ),
    ],
)
def test_a_report_on_another_war_takes_its_own_towns_not_homonyms(
    text: str, war: str, town: str
) -> None:
    c = primary(text)
    assert all(p.precision == "country" or p.country == war for p in c.places), c.places
    assert town in [p.name for p in c.places]


def test_a_report_on_a_war_whose_towns_are_not_mapped_keeps_its_country_only() -> None:
    c = primary(
        "Afghanistan: A drone strike on a house in Kandahar killed a family of seven, the "
        "Taliban-run interior ministry said."
    )
    assert all(p.precision == "country" for p in c.places), c.places


def test_a_syrian_report_naming_libya_later_keeps_its_places() -> None:
    c = primary(
        "Turkish drones struck a car near Ain Issa on Monday, killing three civilians, the SDF "
        "said. Turkey has also used drones in Libya."
    )
    assert (c.places[0].name, c.places[0].country) == ("Ain Issa", "SY")
