"""Actor aliases, groups and roles on real sentences (seeds; FA-KES openings, CC BY 4.0,
Abu Salem et al., ICWSM 2019; UCDP GED source headlines, CC BY 4.0, Sundberg & Melander 2013)."""

from __future__ import annotations

import pytest

from factfinder.extract.actors import find_actors


def roles(text: str) -> list[tuple[str, str, str]]:
    return [(a.name, a.group, a.role) for a in find_actors(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # seed-004
        (
            "the Friday airstrikes by the US-led coalition against the eastern town of Hajin",
            [("US-led coalition", "us_led_coalition", "perpetrator")],
        ),
        # seed-000
        (
            "The bodies of more than 4,000 people were found under the rubble of US-led airstrikes",
            [("US-led airstrikes", "us_led_coalition", "perpetrator")],
        ),
        (
            "more than 1,500 bodies of civilians who had been killed by the strikes of the US-led coalition",
            [("US-led coalition", "us_led_coalition", "perpetrator")],
        ),
        # FA-KES
        (
            "A Russian airstrike on Syrian city Aleppo killed eight civilians on Saturday",
            [("Russian airstrike", "russia", "perpetrator")],
        ),
        (
            "Dozens of Syrian regime strikes on Aleppo killed at least 16 civilians on Sunday",
            [("Syrian regime strikes", "syrian_government", "perpetrator")],
        ),
        (
            "At least 29 Syrian rebels were killed in clashes",
            [("rebels", "armed_opposition", "victim")],
        ),
        (
            "70 ISIS Terrorists killed and many injured in Syrian and Russian joint airstrikes",
            [
                ("ISIS Terrorists", "isis", "victim"),
                # the party that fights only from the air leads a joint air attack
                ("Syrian and Russian joint airstrikes", "russia", "perpetrator"),
            ],
        ),
        # the victim is not the perpetrator
        (
            "26 SDF fighters were killed in an ISIS attack",
            [("SDF", "sdf_ypg", "victim"), ("ISIS", "isis", "perpetrator")],
        ),
        (
            "according to the SDF, Turkish artillery hit the village",
            [("SDF", "sdf_ypg", "claimant"), ("Turkish artillery", "turkey", "perpetrator")],
        ),
        # "X-backed Y" is Y
        (
            "Turkish-backed rebels shelled Afrin",
            [("Turkish-backed rebels", "armed_opposition", "perpetrator")],
        ),
        ("shot down a Russian jet", [("Russian jet", "russia", "victim")]),
    ],
)
def test_groups_and_roles(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert roles(text) == expected


def test_nationality_alone_is_not_an_actor() -> None:
    assert find_actors("Syrian civilians fled to the Turkish border") == []


def test_opposition_coalition_is_not_the_us_led_coalition() -> None:
    groups = {a.group for a in find_actors("The Syrian Coalition condemned the massacre")}
    assert "us_led_coalition" not in groups


def test_generic_attackers_keep_their_word_without_a_side() -> None:
    [a] = find_actors("Gunmen opened fire on a checkpoint")
    assert (a.name, a.group, a.role) == ("Gunmen", "unknown", "perpetrator")


def test_offsets_are_document_offsets() -> None:
    text = "Intro. Regime helicopters dropped barrel bombs on Daraya."
    [a] = find_actors(text, 7, len(text))
    assert text[a.start : a.end] == "Regime helicopters"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # FA-KES: the generic word and the party it belongs to are one actor
        (
            "A suicide bomber from the Nusra Front terrorist group blew himself up at an army outpost",
            ("suicide bomber from the Nusra Front terrorist group", "hts_nusra", "perpetrator"),
        ),
        (
            "Jihadists from the Islamic State of Iraq and the Levant (ISIL) have executed three officers",
            ("Jihadists from the Islamic State of Iraq and the Levant", "isis", "perpetrator"),
        ),
        (
            "A Syrian army unit killed dozens of al-Nusra Front terrorists",
            ("Syrian army", "syrian_government", "perpetrator"),
        ),
    ],
)
def test_first_actor(text: str, expected: tuple[str, str, str]) -> None:
    assert roles(text)[0] == expected


def test_state_forces_take_the_document_s_state() -> None:
    [a] = find_actors("The army shelled the town", state="SY")
    assert (a.group, a.role) == ("syrian_government", "perpetrator")
    [b] = find_actors("The army shelled the town")
    assert b.group == "unknown"


def perpetrators(text: str, state: str | None = "SY") -> list[tuple[str, str]]:
    return [(a.name, a.group) for a in find_actors(text, state=state) if a.role == "perpetrator"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # FA-KES prints articles without apostrophes or commas.
        (
            "Syrian activists accused President Bashar al-Assads forces of launching a nerve gas "
            "attack that killed at least 213 people",
            [("President Bashar al-Assads forces", "syrian_government")],
        ),
        (
            "the Syrian Observatory for Human Rights said blaming the attack on forces loyal to "
            "the Syrian dictator Bashar al-Assad",
            [("forces loyal to the Syrian dictator Bashar al-Assad", "syrian_government")],
        ),
        (
            "Syrian Army Advances in Latakia Kills 16 Terrorists",
            [("Syrian Army", "syrian_government")],
        ),
        (
            "The Syrian army Thursday ambushed and killed 140 ISIL terrorists in the vicinity of "
            "Tabaqa military airport",
            [("Syrian army", "syrian_government")],
        ),
        (
            "According to report ISIS has executed around 367 people in the town",
            [("ISIS", "isis")],
        ),
        (
            "ISIS terrorists have reportedly begun murdering some of the Christian hostages",
            [("ISIS terrorists", "isis")],
        ),
    ],
)
def test_perpetrators_in_fakes_wording(text: str, expected: list[tuple[str, str]]) -> None:
    assert perpetrators(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # the object of a verb or a preposition is not the subject of "kills"
        "Shelling of rebel bastion near Syria capital kills 19",
        "The blast which wiped out the terrorist Ahrar al-Sham commands meeting in Idleb killed 47",
        # a place modifier, not a party
        "a shelling attack by terrorist groups on the government held western Aleppo",
        # the author does not know who acted
        "It was not immediately clear who carried out the raids that came a day after Russia "
        "and the US agreed a truce",
    ],
)
def test_no_named_perpetrator(text: str) -> None:
    assert [g for _, g in perpetrators(text) if g != "unknown"] == []


def test_the_last_name_before_the_verb_is_its_subject() -> None:
    text = (
        "Kurdish Democratic Union Partys military wing dubbed Peoples Protection Units killed "
        "17 Turkish servicemen"
    )
    assert perpetrators(text, state="TR") == [("Peoples Protection Units", "sdf_ypg")]


@pytest.mark.parametrize(
    "text",
    [
        # FA-KES (AFP, 3 Oct 2016): the group's statement makes it the alleged perpetrator.
        "The Islamic State (IS) militant group said in a statement that one of its fighters had "
        'fired on a "large gathering" of Kurdish militants',
        "DAESH said that it killed at least 50 opposition fighters in a suicide bombing",
        "The Islamic State group claims the double suicide bomb attack that hit a police station",
    ],
)
def test_a_party_reporting_its_own_act_is_the_perpetrator(text: str) -> None:
    assert [g for _, g in perpetrators(text)] == ["isis"]
