"""Wire and ministry phrasings that carry a figure, a weapon or a party in an unusual form.

- Scare quotes around a verb do not hide its count: 'its forces "neutralized" 12 terrorists'.
- A single "shell" fired or landing is shelling, not shooting ("fired" alone reads as gunfire).
- "3 children among 5 killed" and "Three children were among five people killed" break the
  toll down, in digits or words, with or without the verb (headlines drop it).
- "…, security sources said, blaming Islamic State jihadists": the party blamed is the
  alleged perpetrator.

Every text is written for this suite.
"""

from __future__ import annotations

import datetime as dt

import pytest

from factfinder.extract.casualties import find_casualties
from factfinder.extract.pipeline import extract_document
from factfinder.extract.quoting import without_scare_quotes
from factfinder.model import Claim, Document

DAY = dt.date(2024, 1, 20)


def primary(text: str) -> Claim:
    claims = extract_document(Document(id="t", text=text, published=DAY)).claims
    lead = [c for c in claims if c.primary]
    assert len(lead) == 1, claims
    return lead[0]


@pytest.mark.parametrize("quote", ['"{}"', "“{}”"])
def test_scare_quotes_do_not_hide_a_count(quote: str) -> None:
    verb = quote.format("neutralized")
    claim = primary(
        f"The Turkish Ministry of National Defense said its forces {verb} 12 PKK/YPG "
        "terrorists in northern Syria."
    )
    assert claim.killed.combatants is not None and claim.killed.combatants.min == 12
    assert claim.stance == "admits"


def test_a_quoted_statement_keeps_its_marks() -> None:
    text = 'He said: "We killed 12 terrorists today" and left.'
    (count,) = find_casualties(text)
    assert (count.range.min, count.victims) == (12, "combatants")
    assert text[count.start : count.end] == "12"


@pytest.mark.parametrize(
    "text",
    [
        "A woman was killed when a shell fired by Turkish forces hit her house in al-Dardara.",
        "A mortar shell landed on a school in Jisr al-Shughur, killing a child.",
        "Two civilians were killed when an artillery shell struck their car near Atarib.",
    ],
)
def test_a_single_shell_is_shelling(text: str) -> None:
    assert primary(text).event_type == "shelling"


@pytest.mark.parametrize(
    "text",
    [
        "3 children among 5 killed as regime rockets slam into Termanin IDP camp.",
        "Three children were among five people killed when regime rockets hit the camp.",
        "Three children were among the 5 killed when regime rockets hit the camp.",
    ],
)
def test_children_among_a_toll(text: str) -> None:
    killed = primary(text).killed
    assert killed.total is not None and killed.total.min == 5
    assert killed.children is not None and killed.children.min == 3


def test_the_party_blamed_is_the_perpetrator() -> None:
    claim = primary(
        "A roadside bomb killed two Iraqi soldiers in Tarmiyah on Sunday, security sources "
        "said, blaming Islamic State jihadists."
    )
    assert claim.perpetrator is not None and claim.perpetrator.group == "isis"


def test_a_quoted_denial_stays_a_quotation() -> None:
    text = 'Several sources reported "no casualties" at the house.'
    assert without_scare_quotes(text) == text
    assert without_scare_quotes('its forces "neutralized" 12') == "its forces  neutralized  12"


@pytest.mark.parametrize(
    "text",
    [
        "Three children were injured when an unexploded cluster munition left by previous Russian "
        "bombardment exploded near their home in Kafr Nouran.",
        "A child died after a remnant of war exploded in the town of al-Tamanah.",
        "Two shepherds were killed by leftover ordnance in the Badia of Homs.",
    ],
)
def test_remnants_of_war_are_explosions(text: str) -> None:
    assert primary(text).event_type == "explosion"
