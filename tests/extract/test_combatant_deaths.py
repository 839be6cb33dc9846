"""Death verbs that state media and armies use for fighters: "destroyed over 60 terrorists",
"eliminated 75 militants", "were neutralized" (factfinder.extract.casualties), and a party's
"our forces" as the speaker's own side (factfinder.extract.actors).

Sentences marked FA-KES are quoted from the FA-KES dataset: F. K. Abu Salem, R. Al Feel,
S. Elbassuoni, M. Jaber, M. Farah, "FA-KES: A Fake News Dataset around the Syrian War",
ICWSM 2019 (CC BY 4.0, doi:10.5281/zenodo.2607278).
"""

from __future__ import annotations

import pytest

from factfinder.extract.actors import find_actors, speaker_group
from factfinder.extract.casualties import find_casualties
from factfinder.extract.pipeline import extract_document
from factfinder.model import Document

Row = tuple[str, int | None, int | None, str, str]


def rows(text: str) -> list[Row]:
    return [
        (text[m.start : m.end], m.range.min, m.range.max, m.outcome, m.victims)
        for m in find_casualties(text)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # FA-KES (TASS, August 2016)
        (
            "The military and self-defense forces destroyed over 60 terrorists.",
            [("over 60", 61, None, "killed", "combatants")],
        ),
        # FA-KES (AMN)
        (
            "To top off the disastrous turn of events for the terror group over 50 terrorists "
            "were neutralized in the process AMN reported",
            [("over 50", 51, None, "killed", "combatants")],
        ),
        # FA-KES (Sputnik)
        (
            "The Syrian armys units eliminated over 75 Nusra Front militants including the "
            "suicide bombers and foreign mercenaries from Saudi Arabia and Jordan",
            [("over 75", 76, None, "killed", "combatants")],
        ),
        # FA-KES (SANA)
        (
            "Several days before the Russian Defense Ministry announced that a Russian airstrike "
            "in Syrias the Idlib left al-Nusra Front leader in coma and eliminated 49 other "
            "terrorists",
            [("49", 49, 49, "killed", "combatants")],
        ),
        (
            "Army units neutralised 12 ISIS terrorists near Palmyra.",
            [("12", 12, 12, "killed", "combatants")],
        ),
    ],
)
def test_combatant_death_verbs(text: str, expected: list[Row]) -> None:
    assert rows(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # FA-KES (Reuters): things destroyed are not people
        (
            "Central Command said the coalition conducted 18 strikes on Monday and destroyed 13 "
            "Daesh fighting positions seven Daesh vehicles and two car bombs near Manbij",
            [],
        ),
        # FA-KES (AFP)
        (
            "an airstrike which killed 12 Red Crescent volunteers and drivers and destroyed at "
            "least 18 trucks",
            [("12", 12, 12, "killed", "civilians")],
        ),
        ("The army destroyed 5 terrorist vehicles and 3 terrorists' positions.", []),
    ],
)
def test_destroyed_things_are_not_deaths(text: str, expected: list[Row]) -> None:
    assert rows(text) == expected


def test_a_bare_number_after_destroyed_counts_nothing() -> None:
    # Without a noun naming fighters, "destroying 5" may be anything.
    assert rows("The strikes killed 16 people and destroyed 5.") == [
        ("16", 16, 16, "killed", "total")
    ]


def test_our_forces_are_the_speakers_side() -> None:
    text = "Our forces destroyed over 60 terrorists east of Palmyra."
    assert [(a.name, a.group, a.role) for a in find_actors(text, speaker="syrian_government")] == [
        ("Our forces", "syrian_government", "perpetrator"),
        ("terrorists", "unknown", "other"),
    ]
    # Without a speaker the words name no party.
    assert [a.group for a in find_actors(text)] == ["unknown"]


def test_speaker_group_from_the_claimants_name() -> None:
    assert speaker_group("a representative of the Syrian Armed Forces") == "syrian_government"
    assert speaker_group("the military representative", state="SY") == "syrian_government"
    assert speaker_group("Russian Defence Ministry") == "russia"
    assert speaker_group("the Syrian Observatory for Human Rights") is None
    assert speaker_group(None) is None


def test_tass_report_of_sixty_terrorists_destroyed() -> None:
    # FA-KES (TASS, 13 August 2016), the whole text.
    text = (
        "August 13 2016 2037 UTC+3 A representative of the Syrian Armed Forces told SANA that "
        "government forces clashed with terrorists from the Islamic State (IS) terrorist "
        'organization (banned in Russia) in 15 kilometers to the east of the city. "The attack '
        "of terrorists was repelled. The military and self-defense forces destroyed over 60 "
        'terrorists. Several SUVs with machine guns were put out of action" the military '
        "representative said. Among killed militants is IS military emissary Abu Turab who "
        "commanded formations in central Syria. The Syrian forces freed Palmyra from IS gangs "
        "on March 27 with support of Russian Aerospace Defense Forces. Russian sappers helped "
        "Syrian authorities to demine historical monuments of the ancient city which used to be "
        'called "a pearl of the Syrian desert."'
    )
    doc = Document(
        "t", text, title="Syrian forces destroy over 60 terrorists on approached to Palmyra media"
    )
    [claim] = extract_document(doc).claims
    assert claim.killed.combatants is not None and claim.killed.combatants.min == 61
    assert claim.killed.civilians is None
    assert claim.perpetrator.group == "syrian_government"
    assert claim.places[0].admin1 == "Homs"


def test_a_party_quoting_our_forces_is_the_perpetrator() -> None:
    text = (
        "Palmyra, August 13. A representative of the Syrian army told SANA: "
        '"Our forces destroyed over 60 terrorists east of Palmyra."'
    )
    [claim] = extract_document(Document("t", text)).claims
    assert claim.perpetrator.name == "Our forces"
    assert claim.perpetrator.group == "syrian_government"
    assert claim.killed.combatants is not None and claim.killed.combatants.min == 61
