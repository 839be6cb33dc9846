"""Who says so, and how: a claim's stance (CLAIMS.md 1.1).

`alleges` — the claimant says it happened (and, where named, who did it); `admits` — a party
says its own side did it ("our strike", "the coalition acknowledged", a command's release);
`denies` — the claimant says it did not happen, that its side did not do it, or that nobody was
harmed. A denial is a claim about the incident it denies, whose perpetrator is the party whose
responsibility is denied. Every party to the conflict is put through the same frames: a wire
report with a ministry's denial, a monitor's post with a faction's denial, military press
releases, a group's own claim. The texts are written for these tests.
"""

from __future__ import annotations

import pytest

from factfinder.extract.pipeline import extract_document
from factfinder.model import Claim, Document


def claims(text: str, *, publisher: str | None = None) -> list[Claim]:
    return list(extract_document(Document(id="t", text=text, publisher=publisher)).claims)


def only(text: str, *, publisher: str | None = None) -> Claim:
    [claim] = claims(text, publisher=publisher)
    return claim


# Parties that strike from the air, and how a report names their aircraft and their denier.
AIR_DENIALS = [
    ("us_led_coalition", "Coalition", "The coalition"),
    ("russia", "Russian", "The Russian defence ministry"),
    ("syrian_government", "Syrian government", "Syria's foreign ministry"),
    ("turkey", "Turkish", "Turkey's defence ministry"),
    ("israel", "Israeli", "The IDF"),
]


@pytest.mark.parametrize(("group", "adjective", "denier"), AIR_DENIALS)
def test_a_party_denying_an_airstrike_is_a_second_claim(
    group: str, adjective: str, denier: str
) -> None:
    alleged, denial = claims(
        f"Activists said {adjective} warplanes killed 11 civilians in a market in Ariha on "
        f"Sunday. {denier} denied the reports, calling them fabricated."
    )
    assert alleged.primary and alleged.stance == "alleges"
    assert alleged.perpetrator.group == group
    assert alleged.claimant.type == "monitor"
    assert alleged.killed.civilians is not None and alleged.killed.civilians.min == 11

    assert not denial.primary
    assert denial.stance == "denies"
    assert denial.perpetrator.group == group  # whose responsibility is denied
    assert denial.claimant.name == denier.removeprefix("The ")
    assert denial.claimant.type == "party_to_conflict"
    # a claim about the same incident, not a new event
    assert denial.event_type == alleged.event_type == "airstrike"
    assert denial.places == alleged.places
    assert denial.killed.civilians is None


# Parties that fight on the ground, the name the shelling is given, and the denier's name.
GROUND_DENIALS = [
    ("sdf_ypg", "SDF", "The SDF"),
    ("armed_opposition", "Syrian National Army", "The Syrian National Army"),
    ("hts_nusra", "HTS", "HTS"),
    ("iran", "Hezbollah", "Hezbollah"),
    ("isis", "ISIS", "Amaq"),
]


@pytest.mark.parametrize(("group", "name", "denier"), GROUND_DENIALS)
def test_a_faction_denying_involvement_in_shelling(group: str, name: str, denier: str) -> None:
    alleged, denial = claims(
        f"Local sources said {name} shelling killed 6 civilians in the village of Tal Rifaat "
        f"on Friday. {denier} denied any involvement in the attack."
    )
    assert (alleged.stance, alleged.perpetrator.group) == ("alleges", group)
    assert alleged.claimant.type == "witness"
    assert (denial.stance, denial.perpetrator.group) == ("denies", group)
    assert denial.claimant.type == "party_to_conflict"
    assert denial.event_type == "shelling"


def test_no_civilian_casualties_is_a_denial_by_the_striking_party() -> None:
    c = only(
        "The coalition said there were no civilian casualties in its strike near Hajin on Tuesday."
    )
    assert c.stance == "denies"
    assert c.perpetrator.group == "us_led_coalition"
    assert (c.claimant.name, c.claimant.type) == ("coalition", "party_to_conflict")
    assert c.killed.civilians is not None and c.killed.civilians.max == 0


def test_a_ministry_denying_its_aircraft_flew() -> None:
    c = only(
        "Russia's defence ministry said its aircraft had not carried out any strikes near "
        "Maarat al-Numan, and that reports of 20 civilians killed there were fabricated."
    )
    assert c.stance == "denies"
    assert c.perpetrator.group == "russia"
    assert c.claimant.type == "party_to_conflict"


def test_a_denial_inside_the_allegation_sentence_belongs_to_the_denier() -> None:
    alleged, denial = claims(
        "Residents said Turkish drones killed 3 civilians near Qamishli on Monday, "
        "but Ankara denied it."
    )
    assert (alleged.stance, alleged.claimant.type) == ("alleges", "witness")
    assert alleged.perpetrator.group == "turkey"
    assert (denial.stance, denial.claimant.name) == ("denies", "Ankara")
    assert denial.perpetrator.group == "turkey"


def test_calling_another_party_s_claims_false_is_no_denial() -> None:
    c = only(
        "Syria's foreign ministry said coalition airstrikes killed 14 civilians in Hajin on "
        "Friday, exposing Washington's false claims of fighting terrorism."
    )
    assert c.stance == "alleges"
    assert c.perpetrator.group == "us_led_coalition"


def test_the_coalition_acknowledging_a_strike() -> None:
    c = only(
        "The coalition acknowledged on Thursday that one of its strikes near Raqqa in March "
        "killed 4 civilians."
    )
    assert c.stance == "admits"
    assert c.perpetrator.group == "us_led_coalition"
    assert c.killed.civilians is not None and c.killed.civilians.min == 4


def test_a_command_s_press_release_in_its_own_voice() -> None:
    c = only(
        "U.S. Central Command forces conducted a strike in northwest Syria on May 3 that "
        "killed 2 senior al-Qaeda officials.",
        publisher="U.S. Central Command",
    )
    assert c.stance == "admits"
    assert c.perpetrator.group == "us_led_coalition"
    assert (c.claimant.name, c.claimant.type) == ("U.S. Central Command", "party_to_conflict")


@pytest.mark.parametrize(
    ("text", "group"),
    [
        (
            "Russian Aerospace Forces struck a terrorist command post in Idlib province, "
            "killing 30 militants, the Russian defence ministry said.",
            "russia",
        ),
        (
            "Syrian Arab Army units destroyed terrorist positions near Kafr Nabl in Idlib, "
            "killing 20 terrorists, an army statement quoted by SANA said.",
            "syrian_government",
        ),
        (
            "The Turkish Defence Ministry said 15 terrorists were neutralised in northern Syria.",
            "turkey",
        ),
        (
            "The IDF said its fighter jets struck a Hezbollah weapons depot near Qusayr, "
            "killing 5 operatives.",
            "israel",
        ),
        (
            "HTS said its fighters killed 10 regime soldiers in an attack near Kafr Nabl.",
            "hts_nusra",
        ),
        ("Hezbollah said its fighters killed 4 rebels near Zabadani.", "iran"),
        (
            "The National Front for Liberation said its fighters killed 12 regime soldiers "
            "in an ambush near Hama.",
            "armed_opposition",
        ),
        (
            "Amaq news agency said an Islamic State fighter detonated a car bomb at an SDF "
            "checkpoint in Shaddadi, killing 12 members of the militia.",
            "isis",
        ),
        (
            "The SDF said its fighters killed 9 ISIS members in a raid on a hideout near Shaddadi.",
            "sdf_ypg",
        ),
        (
            "Coalition spokesman Col. Myles Caggins said coalition aircraft killed 8 ISIS "
            "fighters near Baghouz on Sunday.",
            "us_led_coalition",
        ),
    ],
)
def test_a_party_reporting_its_own_forces_acts_admits(text: str, group: str) -> None:
    c = only(text)
    assert c.stance == "admits"
    assert c.perpetrator.group == group
    assert c.claimant.type == "party_to_conflict"
    assert c.killed.total is not None and c.killed.total.min > 0


def test_a_party_accusing_its_enemy_alleges() -> None:
    c = only(
        "The SDF media centre said Turkish drones killed 5 civilians in a strike on a car "
        "near Kobani on Saturday."
    )
    assert c.stance == "alleges"
    assert c.perpetrator.group == "turkey"
    assert (c.claimant.name, c.claimant.type) == ("SDF media centre", "party_to_conflict")


def test_a_monitor_never_admits() -> None:
    c = only(
        "The Syrian Observatory for Human Rights said its sources confirmed that Russian "
        "jets killed 7 civilians in Jisr al-Shughur."
    )
    assert c.stance == "alleges"
    assert c.perpetrator.group == "russia"


@pytest.mark.parametrize(
    ("denial", "group"),
    [
        ("Damascus denied responsibility and blamed the rebels.", "syrian_government"),
        ("Moscow dismissed the allegations as baseless.", "russia"),
        ("Ankara rejected the claims.", "turkey"),
        ("The SDF has categorically denied the accusations.", "sdf_ypg"),
    ],
)
def test_a_state_or_faction_denying_by_name_or_capital(denial: str, group: str) -> None:
    alleged, denial_claim = claims(
        f"Rescuers said 9 civilians were killed in strikes on a market in Jisr al-Shughur on "
        f"Monday. {denial}"
    )
    assert alleged.stance == "alleges" and alleged.claimant.type == "ngo"
    assert denial_claim.stance == "denies"
    assert denial_claim.perpetrator.group == group
    assert denial_claim.claimant.type == "party_to_conflict"


def test_a_habitual_denial_is_background_not_a_claim() -> None:
    [c] = claims(
        "Activists said regime helicopters dropped barrel bombs on Daraya, killing 6 civilians. "
        "The government has consistently denied using barrel bombs."
    )
    assert (c.stance, c.perpetrator.group) == ("alleges", "syrian_government")


def test_nobody_named_denying_makes_no_denial_claim() -> None:
    [c] = claims(
        "The Syrian Network for Human Rights said Russian jets killed 12 civilians in Ariha. "
        "Residents were denied access to the hospital for hours."
    )
    assert c.stance == "alleges"


def test_a_denial_with_its_own_figures_is_one_denial_claim() -> None:
    alleged, denial = claims(
        "Activists said Russian jets killed 20 people in Maarat al-Numan on Monday. Russia's "
        "defence ministry said its aircraft had not carried out any strikes near Maarat "
        "al-Numan on Monday, and that reports of 20 civilians killed there were fabricated."
    )
    assert (alleged.stance, alleged.perpetrator.group) == ("alleges", "russia")
    assert (denial.stance, denial.perpetrator.group) == ("denies", "russia")
    assert denial.claimant.name == "Russia's defence ministry"


@pytest.mark.parametrize(
    ("outlet", "force", "group"),
    [
        ("SANA", "Army units", "syrian_government"),
        ("Sputnik", "Russian warplanes", "russia"),
        ("Press TV", "Hezbollah fighters", "iran"),
    ],
)
def test_state_media_reporting_its_own_side_s_strikes_admits(
    outlet: str, force: str, group: str
) -> None:
    c = only(
        f"{force} destroyed terrorist hideouts near Kafr Nabl, killing 25 terrorists, {outlet} "
        "reported."
    )
    assert c.claimant.type == "state_media"
    assert (c.stance, c.perpetrator.group) == ("admits", group)


def test_state_media_accusing_the_other_side_alleges() -> None:
    c = only("Israeli missiles killed 3 soldiers near Damascus airport overnight, SANA reported.")
    assert (c.stance, c.perpetrator.group, c.claimant.type) == ("alleges", "israel", "state_media")
