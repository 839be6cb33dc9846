"""Event cues, weapons and event types on real snippets (seeds; CASE 2021 task 2 snippets,
Haneczok et al., CASE 2021, shared-task data for research use)."""

from __future__ import annotations

import pytest

from factfinder.extract.events import classify, find_events, find_weapons


def event_type(text: str, **kw: bool) -> str:
    return classify(find_events(text), **kw)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Four female suicide bombers blow themselves up near a bus station in northeastern Nigeria, "
            "killing two people and injuring 16",
            "explosion",
        ),
        (
            "Eight civilians were injured Thursday when a grenade was hurled at a vehicle carrying "
            "soldiers",
            "explosion",
        ),
        (
            "The US warplanes pounded the village of Kashkash in the Southern parts of al-Shadadi city "
            "in Southern Hasaka, killing 6 civilians, including 2 women",
            "airstrike",
        ),
        ("Wednesday night three missiles fired at the southern resort city of Eilat", "shelling"),
        (
            "Many children received medical treatment after Assad carried out a poisonous gas attack "
            "in Eastern Ghouta",
            "chemical",
        ),
        (
            "The provincial police chief has said that his forces have detained 139 suspects",
            "detention",
        ),
        (
            "A mass grave was unearthed in an agricultural land next to the Children's Hospital",
            "mass_grave",
        ),
        (
            "The bodies of more than 4,000 people, mostly women, children and the elderly, were found "
            "under the rubble of US-led airstrikes",
            "mass_grave",
        ),
        ("ISIS militants executed 15 men in Raqqa", "execution"),
        ("A sniper shot dead a man in Daraa", "shooting"),
    ],
)
def test_event_types(text: str, expected: str) -> None:
    assert event_type(text) == expected


def test_bombing_by_an_air_force_is_an_airstrike() -> None:
    text = "in bombing residential neighborhoods in Raqqah"
    assert event_type(text, air_actor=True) == "airstrike"


def test_generic_harm_words_do_not_decide_a_type() -> None:
    assert event_type("Dozens were killed and wounded in the attack") == "unknown"
    cues = find_events("Dozens were killed in the attack")
    assert {c.event_type for c in cues} == {"unknown"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("internationally banned weapons, including white phosphorus bombs", ["white phosphorus"]),
        (
            "regime helicopters dropped barrel bombs and cluster munitions",
            ["barrel bomb", "cluster munitions"],
        ),
        ("a suicide car bomb exploded", ["suicide car bomb"]),
        ("the Friday airstrikes by the US-led coalition", []),
        ("The militants detonated a large Vehicle-borne Improvised Explosive Device", ["IED"]),
    ],
)
def test_weapons(text: str, expected: list[str]) -> None:
    assert [w.name for w in find_weapons(text)] == expected


def test_bodies_recovered_from_the_attack_are_not_a_mass_grave() -> None:
    # FA-KES (Jordan Times, 15 Apr 2017), after a car bomb on evacuees' buses.
    text = (
        "Bodies were still being recovered from the attack at a transit point in Rashidin west "
        "of Aleppo according to the observatory."
    )
    assert all(c.event_type != "mass_grave" for c in find_events(text))


@pytest.mark.parametrize(
    "text",
    [
        # FA-KES excerpts (Abu Salem et al., ICWSM 2019; CC BY 4.0): ground combat has no type.
        "At least 29 Syrian rebels were killed in clashes with regime troops overnight during a "
        "failed bid to reopen the oppositions key supply route into Aleppo city",
        "The Syrian army Thursday ambushed and killed 140 ISIL terrorists in the vicinity of "
        "Tabaqa military airport in Raqqa countryside",
        "The Syrian army backed by allied militia has captured several villages north of Aleppo "
        "from insurgents and fighting has blocked a main supply route",
    ],
)
def test_ground_combat_is_no_event_type(text: str) -> None:
    assert classify(find_events(text)) == "unknown"


def test_gunmen_as_victims_do_not_make_a_shooting() -> None:
    text = (
        "Islamic State group jihadists have attacked an oil and gas field in Syria killing at "
        "least 30 pro-regime gunmen and security guards"
    )
    assert classify(find_events(text)) == "unknown"


def test_captured_people_are_a_detention_but_captured_ground_is_not() -> None:
    assert classify(find_events("Rebels captured 12 soldiers near the airport")) == "detention"
    assert classify(find_events("Rebels captured three villages near the airport")) == "unknown"
