"""Military releases and wire reports: partners in an aside, armed groups' officers, the wounded
"others" of a count of fighters, and a release's headline naming its author.

- A partner named in an aside of the act's subject ("U.S. forces, in coordination with the
  SDF, conducted a raid") is not the attacker; the subject is.
- An armed group's officials, leaders and emirs are its fighters, whether the group is named
  by its acronym or its name, before or after an adjective ("an ISIS senior official", "two
  senior Hurras al-Din leaders"); a state's officials are not ("a senior Russian official").
- "killing two soldiers and wounding two others": the others are soldiers too.
- "CENTCOM Statement on Raid in …" and "Statement by the Combined Joint Task Force – Operation
  Inherent Resolve" name the release's author, who speaks for its side.

Every text is written for this suite, in the styles of military statements and wire reports.
"""

from __future__ import annotations

import datetime as dt

import pytest

from factfinder.extract.pipeline import extract_document
from factfinder.model import Claim, Document

DAY = dt.date(2024, 12, 3)


def primary(text: str, published: dt.date | None = DAY) -> Claim:
    claims = extract_document(Document(id="t", text=text, published=published)).claims
    lead = [c for c in claims if c.primary]
    assert len(lead) == 1, claims
    return lead[0]


@pytest.mark.parametrize(
    ("text", "name", "group"),
    [
        (
            "On Dec. 2, U.S. Central Command forces, in coordination with the Syrian Democratic "
            "Forces, conducted a helicopter raid in Deir ez-Zor province, killing an ISIS "
            "official.",
            "U.S. Central Command",
            "us_led_coalition",
        ),
        (
            "SDF fighters, together with coalition forces, raided the village of Shuhayl, "
            "killing two civilians, residents said.",
            "SDF",
            "sdf_ypg",
        ),
        (
            "Regime forces, alongside Iranian militias, shelled the town of Kafr Nabl, killing "
            "three civilians.",
            "Regime forces",
            "syrian_government",
        ),
        (
            "In coordination with the SDF, coalition aircraft struck a house in Hajin, killing "
            "five civilians.",
            "coalition aircraft",
            "us_led_coalition",
        ),
    ],
)
def test_a_partner_in_an_aside_is_not_the_attacker(text: str, name: str, group: str) -> None:
    claim = primary(text)
    assert claim.perpetrator is not None
    assert (claim.perpetrator.name, claim.perpetrator.group) == (name, group)


@pytest.mark.parametrize(
    ("text", "count"),
    [
        (
            "CENTCOM forces conducted a strike in Idlib, killing two senior Hurras al-Din leaders.",
            2,
        ),
        ("A U.S. raid in Deir ez-Zor killed an ISIS senior official, the command said.", 1),
        ("A drone strike killed three prominent HTS officials near Sarmada on Tuesday.", 3),
        ("The strike killed a senior Hamza Division leader near Afrin.", 1),
    ],
)
def test_an_armed_groups_officers_are_fighters(text: str, count: int) -> None:
    killed = primary(text).killed
    assert killed.combatants is not None
    assert (killed.combatants.min, killed.combatants.max) == (count, count)
    assert killed.civilians is None


def test_a_states_official_is_no_fighter() -> None:
    killed = primary("The strike killed a senior Russian official in Damascus, SANA said.").killed
    assert killed.combatants is None


@pytest.mark.parametrize(
    "text",
    [
        "Israeli airstrikes targeted positions near Damascus, killing two soldiers and wounding "
        "two others, a military source told SANA.",
        "The shelling killed two SDF fighters and injured two others near Tal Tamr.",
        "Two regime soldiers were killed and two others wounded in an ISIS attack near Palmyra.",
    ],
)
def test_the_wounded_others_of_fighters_are_fighters(text: str) -> None:
    injured = primary(text).injured
    assert injured.combatants is not None and injured.combatants.min == 2
    assert injured.civilians is None


def test_the_wounded_others_of_civilians_stay_civilians() -> None:
    injured = primary("The shelling killed three civilians and injured four others.").injured
    assert injured.civilians is not None and injured.civilians.min == 4
    assert injured.combatants is None


def test_a_releases_headline_names_its_author() -> None:
    claim = primary(
        "CENTCOM Statement on Raid in Northeast Syria\n"
        "Dec. 3, 2024\n"
        "TAMPA, Fla. – On Dec. 2, U.S. Central Command forces, in coordination with the Syrian "
        "Democratic Forces, conducted a helicopter raid in Deir ez-Zor province, Syria, killing "
        "an ISIS senior official. There are no indications of civilian casualties.",
        published=None,
    )
    assert claim.claimant is not None
    assert (claim.claimant.name, claim.claimant.type) == ("CENTCOM", "party_to_conflict")
    assert claim.stance == "admits"
    assert claim.date is not None and claim.date.start == dt.date(2024, 12, 2)


def test_statement_by_a_task_force_names_it() -> None:
    claim = primary(
        "Statement by the Combined Joint Task Force – Operation Inherent Resolve\n"
        "On March 3, Coalition aircraft conducted a strike near Raqqa. One civilian was "
        "unintentionally killed.",
        published=None,
    )
    assert claim.claimant is not None
    assert claim.claimant.name == "Combined Joint Task Force – Operation Inherent Resolve"
    assert claim.stance == "admits"
    assert claim.killed.civilians is not None and claim.killed.civilians.min == 1


def test_a_headline_about_a_statement_names_nobody_it_does_not_know() -> None:
    claim = primary(
        "Residents' statement on the raid in Shuhayl\n"
        "Two civilians were killed when gunmen raided the village on Monday.",
        published=None,
    )
    assert claim.claimant is None or claim.claimant.name is None
