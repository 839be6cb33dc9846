"""A wire story's round-up: the lead incident, then "Elsewhere, …", a party's unrelated claim
and the campaign's toll so far.

- A victim word that is also a verb before a count is a verb: "has killed more than 120
  civilians and displaced some 180,000 people" displaces, it does not kill, 180,000.
- Another voice telling of another governorate without a toll is not the incident before it
  ("… a car bomb in Azaz … Russia's military said its air defences at the Hmeimim air base shot
  down two drones").
- A campaign's toll ("The offensive, which began in late April, has killed …") is a claim of
  its own, never the toll of the incident before it.

Every text is written for this suite.
"""

from __future__ import annotations

import datetime as dt

from factfinder.extract.casualties import find_casualties

from .reading import claims_of, primary

ROUNDUP = (
    "BEIRUT (AP) — Syrian government airstrikes on a village in northwestern Syria killed at "
    "least 10 civilians, including six children, on Tuesday, opposition activists said.\n"
    "The Syrian Civil Defense said the strikes hit the village of Kafr Nabl in the southern "
    "Idlib countryside.\n"
    "Elsewhere, a car bomb exploded in the northern town of Azaz, killing three people, "
    "according to the Turkish-backed Syrian National Army.\n"
    "Russia's military said its air defense systems at the Hmeimim air base shot down two "
    "drones launched by militants from Idlib.\n"
    "The offensive, which began in late April, has killed more than 120 civilians and "
    "displaced some 180,000 people, according to the United Nations."
)


def test_a_victim_word_used_as_a_verb_before_a_count_is_no_victim_noun() -> None:
    found = find_casualties(
        "The offensive has killed more than 120 civilians and displaced some 180,000 people."
    )
    assert [(m.range.min, m.victims, m.outcome) for m in found] == [(121, "civilians", "killed")]
    found = find_casualties("The strike killed 5 civilians and wounded 12 others.")
    assert [(m.range.min, m.outcome) for m in found] == [(5, "killed"), (12, "injured")]


def test_a_round_up_keeps_each_incident_and_voice_apart() -> None:
    claims = claims_of(ROUNDUP, dt.date(2019, 5, 14))
    by_place = {tuple(p.name for p in c.places): c for c in claims}
    lead = next(c for c in claims if c.primary)
    assert lead.killed.civilians is not None and lead.killed.civilians.min == 10
    assert lead.perpetrator.group == "syrian_government"
    azaz = by_place[("Izaz",)]
    assert azaz.killed.total is not None and azaz.killed.total.min == 3
    hmeimim = by_place[("Hmeimim airbase",)]
    assert hmeimim.killed.is_empty()
    total = next(c for c in claims if c.claimant.type == "un")
    assert total.killed.civilians is not None and total.killed.civilians.min == 121
    assert all(c.killed.total is None or c.killed.total.min != 180000 for c in claims)


def test_where_the_wounded_were_treated_and_where_a_drone_took_off_are_no_incident_places() -> None:
    treated = primary(
        "The injured were taken to hospitals in Idlib city and Bab al-Hawa after regime "
        "shelling on the town of Ariha killed three people.",
        dt.date(2021, 6, 10),
    )
    assert [p.name for p in treated.places] == ["Ariha"]
    launched = primary(
        "A drone launched from Turkish bases in Mare' hit a car in Tal Rifaat, killing a woman.",
        dt.date(2021, 6, 10),
    )
    assert [p.name for p in launched.places] == ["Tall Rifat"]
    # a hospital that was hit is the target, and its town the incident's place
    struck = primary("Russian jets struck a hospital in Kafr Nabl, killing two nurses.")
    assert [p.name for p in struck.places] == ["Kafranbel"]
