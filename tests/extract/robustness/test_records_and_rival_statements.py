"""Lists of records and rival statements in one sentence.

A coalition's monthly casualty report, a monitor's log: numbered records whose heading line
gives only a day and a place ("1. May 14, 2021, near Hajin, Syria."), followed by what was
found. Each record is its own incident with its heading's day and place. And two parties'
statements joined by "while"/"whereas" in one sentence are two claims, never one sum. Every
text is written for this suite; each party appears in the same frames.
"""

from __future__ import annotations

import datetime as dt

import pytest

from factfinder.extract.pipeline import extract_document
from factfinder.model import Claim, Document

D = dt.date


def claims(text: str) -> list[Claim]:
    return list(extract_document(Document("t", text)).claims)


def killed(c: Claim) -> tuple[int | None, int | None, int | None]:
    k = c.killed
    return tuple(r.min if r else None for r in (k.total, k.civilians, k.combatants))  # type: ignore[return-value]


def test_each_record_of_a_casualty_report_is_an_incident_with_its_heading() -> None:
    found = claims(
        "Monthly Civilian Casualty Report\n\n"
        "1. May 14, 2021, near Hajin, Syria. Report of civilian casualties. After review of "
        "available information, it was assessed that 2 civilians were unintentionally killed "
        "by a Coalition strike targeting ISIS fighters.\n"
        "2. May 20, 2021, near Al-Qaim, Iraq. Report of civilian casualties. After review, it "
        "was assessed that 3 civilians were inadvertently killed by a Coalition air strike.\n"
    )
    with_deaths = [c for c in found if c.killed.civilians]
    assert [(c.date.start if c.date else None) for c in with_deaths] == [
        D(2021, 5, 14),
        D(2021, 5, 20),
    ]
    assert [c.places[0].name for c in with_deaths] == ["Hajin", "Al Qaim"]
    assert [killed(c)[1] for c in with_deaths] == [2, 3]
    assert all(c.perpetrator.group == "us_led_coalition" for c in with_deaths)
    assert with_deaths[0].primary


ADVERBS = ["unintentionally", "inadvertently", "accidentally", "mistakenly", "reportedly"]


@pytest.mark.parametrize("adverb", ADVERBS)
def test_an_adverb_before_killed_keeps_the_count(adverb: str) -> None:
    c = next(
        c
        for c in claims(
            f"Four civilians were {adverb} killed when an Israeli strike hit a car near "
            "Quneitra on Tuesday, the Syrian Observatory said."
        )
        if c.primary
    )
    assert killed(c)[1] == 4


# (first speaker's sentence, its group, second speaker, its group, civilians the second says)
RIVALS = [
    (
        "Turkey's defence ministry said it had neutralised 15 PKK/YPG terrorists",
        "turkey",
        "the SDF",
        "sdf_ypg",
        8,
    ),
    (
        "The Russian Defence Ministry said it had eliminated 20 militants",
        "russia",
        "the White Helmets",
        "syria_civil_defence",
        6,
    ),
    (
        "The coalition said it had killed 12 ISIS fighters",
        "us_led_coalition",
        "the Syrian Observatory for Human Rights",
        "sohr",
        5,
    ),
    ("The Israeli army said it had killed 9 Iranian-backed fighters", "israel", "SANA", "sana", 3),
    (
        "The Syrian army said it had killed 30 terrorists",
        "syrian_government",
        "the Civil Defence",
        "syria_civil_defence",
        7,
    ),
]


@pytest.mark.parametrize(("first", "group", "second", "second_id", "civilians"), RIVALS)
def test_two_speakers_joined_by_while_are_two_claims(
    first: str, group: str, second: str, second_id: str, civilians: int
) -> None:
    found = claims(
        f"{first} in northern Syria on Sunday, while {second} said {civilians} civilians were "
        "killed in the strikes on villages near Kobani."
    )
    assert len(found) == 2, [c.claimant.name for c in found]
    party, other = found
    assert party.perpetrator.group == group
    assert party.stance == "admits"
    assert party.killed.civilians is None  # a party's figure is never added to the other's
    assert other.killed.civilians is not None and other.killed.civilians.min == civilians
    assert other.killed.total is not None and other.killed.total.min == civilians


def test_a_claimant_listed_with_another_loses_the_dangling_and() -> None:
    c = next(
        c
        for c in claims(
            "On 29 January 2020, Russian warplanes struck the vicinity of a hospital in Ariha, "
            "killing 11 civilians, according to the Syria Civil Defence and a medical worker "
            "interviewed by researchers."
        )
        if c.primary
    )
    assert c.claimant.name == "Syria Civil Defence"


def test_cluster_munitions_fired_at_a_school_are_shelling() -> None:
    c = next(
        c
        for c in claims(
            "On 25 February 2020, government forces fired cluster munitions at a school in "
            "Idlib city, killing three children and two teachers."
        )
        if c.primary
    )
    assert c.event_type == "shelling"
    assert c.perpetrator.group == "syrian_government"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "#Harasta: 3 killed by regime shelling on the town this afternoon, same day as the "
            "#Douma massacre.",
            "Harasta",
        ),
        (
            "A Russian airstrike killed four civilians in Saraqib, in a scene reminiscent of the Khan "
            "Sheikhoun chemical attack.",
            "Saraqib",
        ),
        (
            "A Turkish drone killed two civilians in Amuda on the anniversary of the Qamishli "
            "bombing.",
            "Amuda",
        ),
    ],
)
def test_another_event_named_for_reference_is_not_a_place_of_this_one(
    text: str, place: str
) -> None:
    c = next(c for c in claims(text) if c.primary)
    assert [p.name for p in c.places if p.precision != "governorate"] == [place]


@pytest.mark.parametrize(
    ("text", "group"),
    [
        (
            "SDF fighters stormed the village of Thiban and killed a civilian during a raid, "
            "residents said.",
            "sdf_ypg",
        ),
        (
            "Regime forces stormed a house in Jasim at dawn and killed two young men, the "
            "Syrian Observatory said.",
            "syrian_government",
        ),
        (
            "HTS fighters killed a civilian in a night raid on the village of Kafr Takharim, "
            "activists said.",
            "hts_nusra",
        ),
        ("ISIS militants stormed the village of Al-Kishkiyah, killing four shepherds.", "isis"),
    ],
)
def test_a_ground_assault_is_no_airstrike(text: str, group: str) -> None:
    c = next(c for c in claims(text) if c.primary)
    assert c.event_type == "shooting"
    assert c.perpetrator.group == group


def test_bare_raids_of_an_air_force_stay_air_raids() -> None:
    c = next(
        c
        for c in claims("Coalition raids on Hajin killed seven civilians, SANA reported.")
        if c.primary
    )
    assert c.event_type == "airstrike"


@pytest.mark.parametrize(
    "text",
    [
        "The Israeli army said it struck a Hezbollah weapons depot in the area of Qusayr. "
        "Syrian state media said one civilian was killed.",
        "The Israeli army said it struck a Hezbollah weapons depot in the area of Qusayr. One "
        "civilian was killed, Syrian state media said.",
    ],
)
def test_a_partys_strike_and_anothers_figures_are_two_claims(text: str) -> None:
    """A party tells its strike without figures; the figures another claimant gives are that
    claimant's claim about the strike, never the party's admission of them."""
    got = claims(text)
    party = [c for c in got if c.claimant is not None and c.claimant.name == "Israeli army"]
    media = [c for c in got if c.claimant is not None and c.claimant.name == "Syrian state media"]
    assert len(party) == 1 and len(media) == 1
    assert party[0].stance == "admits" and party[0].event_type == "airstrike"
    assert party[0].killed.total is None
    assert media[0].stance == "alleges"
    assert media[0].killed.civilians is not None and media[0].killed.civilians.min == 1
    assert media[0].perpetrator is not None and media[0].perpetrator.group == "israel"
    assert media[0].event_type == "airstrike"
    assert [p.name for p in media[0].places][:1] == ["Al Qusayr"]


@pytest.mark.parametrize(
    "text",
    [
        # a local official described, then a party's command: two voices
        "A drone strike on a house in the village of al-Jinah killed five civilians, relatives "
        "and a local official said; the US command said two militants were killed.",
        # "according to" before "while" is a statement of its own
        "Five civilians were killed in the strike on the village of al-Jinah, according to "
        "residents, while US Central Command said it killed two al-Qaeda operatives.",
    ],
)
def test_a_partys_figures_are_never_added_to_a_described_sources(text: str) -> None:
    found = claims(text)
    assert len(found) == 2, [(c.claimant, c.killed) for c in found]
    civilians, fighters = found
    assert killed(civilians) == (5, 5, None)
    assert killed(fighters) == (2, None, 2)


def test_a_list_of_incidents_in_one_sentence_is_one_claim_each() -> None:
    found = claims(
        "SOHR activists documented 14 deaths across Syrian territory on Thursday: 5 civilians "
        "were killed in Daraa by unknown gunmen, 3 soldiers were killed in an ISIS attack in the "
        "Badia, and 6 SDF fighters were killed in clashes with Turkish-backed factions near Ain "
        "Issa."
    )
    items = {(c.places[0].name if c.places else None): killed(c) for c in found}
    assert items["Daraa"][0] in (5, 14)
    assert items["Badia"] == (3, None, 3)
    assert items["Ain Issa"] == (6, None, 6)
    assert {c.perpetrator.group for c in found if c.perpetrator} >= {"isis", "armed_opposition"}


@pytest.mark.parametrize(
    "text",
    [
        # one incident's killed and injured, told with a comma
        "Nine civilians were killed, and a number of civilians were injured by an Israeli "
        "airstrike on a family home in Deir al-Balah.",
        "Two civilians were killed in Ariha, and four others were wounded in the same strike.",
    ],
)
def test_one_incidents_killed_and_injured_stay_one_claim(text: str) -> None:
    (claim,) = claims(text)
    assert claim.killed.total is not None and claim.injured.total is not None
