"""Who did it: every party to the conflict, named the ways reports name it, read alike.

Each party is named by its command, its force, its platform, its acronym or an epithet, and put
into the same sentence frames (a wire report, a monitor's post, a social-media capture, a
headline that alone names the attacker). The claim must name the party's group, whatever
the form. The texts are written for these tests.
"""

from __future__ import annotations

import pytest

from factfinder.extract.pipeline import extract_document
from factfinder.model import Claim, Document

# The forms of each party's name, as reports write them.
FORMS: dict[str, list[str]] = {
    "us_led_coalition": [
        "CENTCOM forces",
        "U.S. Central Command",
        "International Coalition aircraft",
        "A coalition airstrike",
        "The US-led coalition",
        "Coalition warplanes",
    ],
    "russia": [
        "Russian warplanes",
        "A Russian airstrike",
        "The Russian Aerospace Forces",
        "Russian jets",
    ],
    "syrian_government": [
        "Syrian regime forces",
        "A regime airstrike",
        "Assad's forces",
        "The Syrian Arab Army",
        "Government helicopters",
    ],
    "turkey": [
        "A Turkish drone",
        "The #Turkish occupation army",
        "Turkish artillery",
        "Turkish warplanes",
    ],
    # Turkey's Syrian allies are armed opposition, not Turkey and not the Syrian government.
    "armed_opposition": [
        "The Syrian National Army",
        "Turkish-backed factions",
        "Rebel groups",
        "The Free Syrian Army",
        "Opposition factions",
    ],
    "sdf_ypg": ["The SDF", "YPG fighters", "The QSD", "Kurdish-led forces"],
    "isis": ["ISIS", "Daesh militants", "An Islamic State suicide bomber", "IS fighters"],
    "hts_nusra": ["HTS", "Hayat Tahrir al-Sham", "The Nusra Front", "Tahrir al-Sham fighters"],
    "israel": ["Israeli strikes", "The IDF", "Israeli warplanes", "The Israeli army"],
    "iran": ["The IRGC", "Hezbollah fighters", "Iranian-backed militias", "Iran-backed militias"],
}
CASES = [(group, form) for group, forms in FORMS.items() for form in forms]


def primary(text: str, *, title: str | None = None, publisher: str | None = None) -> Claim:
    doc = Document(id="t", text=text, title=title, publisher=publisher)
    claim = extract_document(doc).primary
    assert claim is not None, text
    return claim


def lower_first(form: str) -> str:
    """The form inside a sentence: "A coalition airstrike" → "a coalition airstrike"."""
    first, _, rest = form.partition(" ")
    if first in ("A", "An", "The", "Rebel", "Opposition", "Government", "Coalition"):
        return f"{first.lower()} {rest}"
    return form


@pytest.mark.parametrize(("group", "form"), CASES)
def test_wire_report_subject(group: str, form: str) -> None:
    c = primary(
        f"{form} struck the village of Kafr Nabl on Tuesday, killing 7 civilians, "
        "the Syrian Observatory for Human Rights said."
    )
    assert c.perpetrator.group == group
    assert c.killed.civilians is not None and c.killed.civilians.min == 7
    assert c.claimant.name == "Syrian Observatory for Human Rights"
    assert c.claimant.type == "monitor"
    assert c.stance == "alleges"


@pytest.mark.parametrize(("group", "form"), CASES)
def test_monitor_post_after_the_attribution(group: str, form: str) -> None:
    c = primary(
        f"Local sources said {lower_first(form)} killed 5 civilians, including 2 children, "
        "in the town of Saraqib."
    )
    assert c.perpetrator.group == group
    assert c.killed.civilians is not None and c.killed.civilians.min == 5
    assert c.killed.children is not None and c.killed.children.min == 2
    assert (c.claimant.name, c.claimant.type) == ("Local sources", "witness")


@pytest.mark.parametrize(("group", "form"), CASES)
def test_passive_with_the_agent(group: str, form: str) -> None:
    c = primary(
        f"At least 6 civilians were killed by {lower_first(form)} in the city of Deir ez-Zor "
        "on Monday, activists said."
    )
    assert c.perpetrator.group == group
    assert c.killed.civilians is not None and c.killed.civilians.min == 6
    assert (c.claimant.name, c.claimant.type) == ("activists", "monitor")


HEADLINES = {
    "us_led_coalition": "Coalition air strike",
    "russia": "Russian air strike",
    "syrian_government": "Regime barrel bomb",
    "turkey": "Turkish drone strike",
    "armed_opposition": "Rebel shelling",
    "sdf_ypg": "SDF shelling",
    "isis": "ISIS car bomb",
    "hts_nusra": "HTS shelling",
    "israel": "Israeli strike",
    "iran": "Hezbollah shelling",
}


@pytest.mark.parametrize(("group", "head"), HEADLINES.items())
def test_the_attacker_named_only_in_the_headline(group: str, head: str) -> None:
    title = f"{head} kills four civilians in Atarib"
    c = primary(
        f"{title}\nThe attack hit a house in Atarib on Monday, killing four civilians, "
        "including a child, local sources said.",
        title=title,
    )
    assert c.perpetrator.group == group
    assert c.killed.civilians is not None and c.killed.civilians.min == 4
    assert c.killed.children is not None and c.killed.children.min == 1
    assert c.claimant.type == "witness"


HASHTAGS = {
    "us_led_coalition": "#Coalition warplanes",
    "russia": "#Russian jets",
    "syrian_government": "#Assad regime helicopters",
    "turkey": "#Turkish drones",
    "armed_opposition": "#SNA factions",
    "sdf_ypg": "#SDF snipers",
    "isis": "#ISIS cells",
    "hts_nusra": "#HTS militants",
    "israel": "#Israeli jets",
    "iran": "#IRGC militias",
}


@pytest.mark.parametrize(("group", "tag"), HASHTAGS.items())
def test_social_media_capture_with_hashtags(group: str, tag: str) -> None:
    c = primary(
        f"🔴 BREAKING | #Idlib: {tag} attacked a market in #Ariha this morning, killing "
        "9 civilians. #Syria"
    )
    assert c.perpetrator.group == group
    assert c.killed.civilians is not None and c.killed.civilians.min == 9


def test_the_syrian_national_army_is_the_opposition_not_the_government() -> None:
    c = primary(
        "Shelling by the Syrian National Army on the village of Tal Rifaat killed three "
        "civilians, among them a woman, on Sunday, the Kurdish Red Crescent said."
    )
    assert c.perpetrator.group == "armed_opposition"
    assert c.perpetrator.name == "Syrian National Army"
    assert c.killed.civilians is not None and c.killed.civilians.min == 3


def test_an_occupation_army_and_its_mercenaries_is_turkey_in_a_kurdish_outlet() -> None:
    c = primary(
        "The #Turkish occupation army and its mercenaries shelled the village of Tal Tamr "
        "with heavy artillery, killing 2 civilians and wounding 4 others."
    )
    assert c.perpetrator.group == "turkey"
    assert c.event_type == "shelling"
    assert c.killed.civilians is not None and c.killed.civilians.min == 2


def test_its_strike_is_the_named_belligerent_s() -> None:
    c = primary(
        "Israel said on Thursday that its strike on a building near Quneitra killed "
        "two Hezbollah commanders."
    )
    assert c.perpetrator.group == "israel"


def test_a_turkish_proxy_is_not_turkey_itself() -> None:
    c = primary(
        "Turkish-backed factions shelled the outskirts of Manbij on Wednesday, killing "
        "4 civilians, the Manbij Military Council said."
    )
    assert c.perpetrator.group == "armed_opposition"
    assert c.perpetrator.name == "Turkish-backed factions"
    assert c.claimant.type == "party_to_conflict"


def test_an_ngo_report_names_the_attacker_by_its_platform() -> None:
    c = primary(
        "On 12 March 2019, a Russian fixed-wing aircraft dropped two bombs on the Kafr Nabl "
        "surgical hospital in Idlib governorate, killing 3 patients, according to the "
        "Syrian American Medical Society."
    )
    assert c.perpetrator.group == "russia"
    assert c.killed.total is not None and c.killed.total.min == 3


# Each side's outlets name their enemy by an epithet: state media, opposition and Kurdish
# outlets, Turkish officials, hashtags with underscores.
EPITHETS = [
    ("israel", "Zionist enemy aircraft"),
    ("israel", "The Israeli enemy"),
    ("turkey", "The Turkish regime and its mercenaries"),
    ("us_led_coalition", "American occupation forces"),
    ("syrian_government", "Assad militias"),
    ("syrian_government", "The Assad regime's air force"),
    ("russia", "#Russian_occupation warplanes"),
    ("russia", "Russia's warplanes"),
    ("iran", "Iranian militias"),
    ("iran", "Pro-Iran militias"),
    ("sdf_ypg", "PKK/YPG terrorists"),
    ("sdf_ypg", "The so-called SDF militia"),
    ("isis", "ISIS sleeper cells"),
]


@pytest.mark.parametrize(("group", "form"), EPITHETS)
def test_epithets_of_each_side_s_outlets(group: str, form: str) -> None:
    c = primary(
        f"{form} attacked the village of Kafr Nabl on Tuesday, killing 7 civilians, "
        "local sources said."
    )
    assert c.perpetrator.group == group
    assert c.killed.civilians is not None and c.killed.civilians.min == 7


# The dead of a clash fell to the other side: "killed in clashes with X" names X.
CLASHES = [
    ("syrian_government", "regime troops"),
    ("syrian_government", "Syria troops"),
    ("russia", "Russian special forces"),
    ("us_led_coalition", "US-led coalition forces"),
    ("turkey", "the Turkish army"),
    ("armed_opposition", "Turkish-backed factions"),
    ("sdf_ypg", "Syrian Kurdish fighters"),
    ("isis", "Islamic State militants"),
    ("hts_nusra", "Hayat Tahrir al-Sham"),
    ("israel", "Israeli troops"),
    ("iran", "Hezbollah fighters"),
]


@pytest.mark.parametrize(("group", "other_side"), CLASHES)
def test_killed_in_clashes_with_the_other_side(group: str, other_side: str) -> None:
    c = primary(
        f"At least 14 fighters were killed in clashes with {other_side} near Tal Abyad on "
        "Sunday, a monitor said."
    )
    assert c.perpetrator.group == group
    assert c.killed.total is not None and c.killed.total.min == 14


def test_infighting_between_factions_of_one_side_names_that_side() -> None:
    c = primary(
        "Clashes between Jaish al-Islam and Faylaq al-Rahman in Eastern Ghouta killed 37 "
        "fighters this week, the Syrian Observatory said."
    )
    assert c.perpetrator.group == "armed_opposition"


def test_clashes_between_two_sides_choose_neither() -> None:
    c = primary(
        "Clashes between the SDF and Turkish-backed factions near Ain Issa killed 9 fighters "
        "on Monday, a monitor said."
    )
    assert c.perpetrator.group == "unknown"


def test_a_place_between_the_actor_and_its_verb() -> None:
    c = primary(
        "Opposition factions in Aleppo detonated a tunnel bomb under army positions, killing "
        "13 soldiers, a monitor said."
    )
    assert c.perpetrator.group == "armed_opposition"


def test_fighters_of_a_named_group_are_that_group() -> None:
    c = primary(
        "Mortar rounds fired by terrorists from Jaish al-Fateh hit a market in Aleppo city on "
        "Sunday, killing 3 civilians, SANA said."
    )
    assert c.perpetrator.group == "armed_opposition"
    assert c.claimant.type == "state_media"


@pytest.mark.parametrize(
    ("holder", "group"),
    [
        ("the Assad regime", "syrian_government"),
        ("the SDF", "sdf_ypg"),
        ("Turkish-backed factions", "armed_opposition"),
        ("Hayat Tahrir al-Sham", "hts_nusra"),
    ],
)
def test_who_holds_the_place_is_not_who_struck_it(holder: str, group: str) -> None:
    c = primary(
        f"A car bomb killed 11 civilians in a market in al-Bab, an area controlled by {holder}, "
        "on Saturday, the Syrian Observatory said."
    )
    assert c.perpetrator.group == "unknown"
    assert c.killed.civilians is not None and c.killed.civilians.min == 11


def test_a_downed_aircraft_is_the_victim() -> None:
    c = primary(
        "Two Russian pilots were killed when ISIS militants shot down their helicopter near "
        "Palmyra. The pilots were flying a Syrian Mi-25 helicopter which was downed east of "
        "the city."
    )
    assert c.perpetrator.group == "isis"


def test_warplanes_backing_troops_do_the_bombing() -> None:
    c = primary(
        "Regime troops backed by Russian warplanes bombed the town of Kafr Zita on Monday, "
        "killing 8 civilians, activists said."
    )
    assert c.perpetrator.group in ("syrian_government", "russia")


@pytest.mark.parametrize(
    ("party", "group"),
    [
        ("Turkey", "turkey"),
        ("Israel", "israel"),
        ("Russia", "russia"),
        ("The coalition", "us_led_coalition"),
        ("The regime", "syrian_government"),
        ("ISIS", "isis"),
        ("The SDF", "sdf_ypg"),
        ("HTS", "hts_nusra"),
        ("Hezbollah", "iran"),
        ("The Syrian National Army", "armed_opposition"),
    ],
)
def test_its_forces_in_the_next_sentence_are_the_party_s(party: str, group: str) -> None:
    c = primary(
        f"{party} launched an offensive near Afrin on Saturday. Its forces killed 10 civilians "
        "in the village of Jinderes, the Syrian Network for Human Rights said."
    )
    assert c.perpetrator.group == group
    assert c.stance == "alleges"


def test_its_before_the_claimant_is_not_the_claimant_s() -> None:
    c = primary(
        "Its warplanes killed 10 civilians in the village of Jinderes on Sunday, the SDF said."
    )
    assert c.perpetrator.group != "sdf_ypg"


# The party as the owner of the means, plural possessive included: "the regime forces'
# artillery shelling", "the Turkish forces’ drone strike".
POSSESSORS = [
    ("us_led_coalition", "the coalition forces' air strikes"),
    ("russia", "the Russian forces’ air strikes"),
    ("syrian_government", "the regime forces' artillery shelling"),
    ("turkey", "the Turkish forces’ drone strike"),
    ("armed_opposition", "the opposition factions' rocket fire"),
    ("sdf_ypg", "the SDF's mortar shelling"),
    ("isis", "ISIS's car bomb"),
    ("hts_nusra", "HTS's rocket fire"),
    ("israel", "the Israeli forces' missile strike"),
    ("iran", "the Iranian-backed militias' shelling"),
]


@pytest.mark.parametrize(("group", "owner"), POSSESSORS)
def test_the_party_owning_the_means(group: str, owner: str) -> None:
    c = primary(
        f"The death toll from {owner} on the town of Darat Izza rose to 6 civilians, "
        "including 2 children, after one of the wounded died this morning, the Civil Defence "
        "said."
    )
    assert c.perpetrator.group == group
    assert c.killed.civilians is not None and c.killed.civilians.min == 6


def test_a_year_before_killed_is_no_count() -> None:
    c = primary(
        "The Russian and Syrian attacks on Idlib that began on April 26, 2019 killed at least "
        "1,600 civilians, according to the Syrian Network for Human Rights."
    )
    assert c.killed.total is not None and c.killed.total.min == 1600
    assert c.killed.civilians is not None and c.killed.civilians.min == 1600


# Deaths in custody: whoever holds the prisoner answers for the death, every party alike.
HOLDERS = [
    ("syrian_government", "a regime detention centre"),
    ("syrian_government", "the prisons of the Assad regime"),
    ("sdf_ypg", "an SDF prison"),
    ("hts_nusra", "an HTS prison"),
    ("isis", "an ISIS prison"),
    ("armed_opposition", "a Syrian National Army prison"),
    ("turkey", "the custody of the Turkish army"),
    ("iran", "the prisons of the IRGC"),
    ("israel", "the custody of the Israeli army"),
    ("russia", "the custody of Russian military police"),
]


@pytest.mark.parametrize(("group", "place"), HOLDERS)
def test_a_death_in_custody_is_the_holder_s(group: str, place: str) -> None:
    c = primary(
        f"A young man from Deir ez-Zor died under torture in {place}, his family told the "
        "Syrian Network for Human Rights."
    )
    assert c.perpetrator.group == group


def test_a_prison_struck_from_the_air_is_no_holder_s_act() -> None:
    c = primary(
        "A Russian airstrike on an ISIS prison near Raqqa killed 10 inmates, activists said."
    )
    assert c.perpetrator.group == "russia"


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("Breaking: Turkish drone targets a car near Qamishli, killing a civilian.", "turkey"),
        ("Russian jets strike the town of Ariha, killing four civilians.", "russia"),
        ("ISIS attacks an army checkpoint near Palmyra, killing two soldiers.", "isis"),
        ("Israeli drone hits a car on the Damascus-Beirut road, killing two men.", "israel"),
        # a plural subject takes the verb's bare form
        ("Turkish drones target a vehicle near Amuda, killing two civilians.", "turkey"),
        ("Coalition jets bomb a house in Hajin, killing a family of five.", "us_led_coalition"),
        ("Regime helicopters target the town of Kafr Nabl with barrel bombs.", "syrian_government"),
        ("SDF fighters raid a village near Shaddadi, killing a shepherd.", "sdf_ypg"),
    ],
)
def test_a_headline_in_the_present_tense_names_its_attacker(text: str, group: str) -> None:
    (c,) = [c for c in extract_document(Document(id="t", text=text)).claims if c.primary]
    assert c.perpetrator.group == group


# A party without aircraft: its bare "raid" is a ground raid, its "pounded" shelling ----------

GROUND = [
    ("The SDF", "sdf_ypg"),
    ("ISIS", "isis"),
    ("Hayat Tahrir al-Sham", "hts_nusra"),
    ("Rebel groups", "armed_opposition"),
]


@pytest.mark.parametrize(("party", "group"), GROUND)
def test_a_ground_party_s_raid_is_no_airstrike(party: str, group: str) -> None:
    c = primary(f"{party} killed three civilians in a raid on a village near Shaddadi on Monday.")
    assert c.perpetrator.group == group
    assert c.event_type == "shooting"


@pytest.mark.parametrize(("party", "group"), GROUND)
def test_a_ground_party_s_pounding_is_shelling(party: str, group: str) -> None:
    c = primary(f"{party} pounded the town of Manbij on Monday, killing four civilians.")
    assert c.perpetrator.group == group
    assert c.event_type == "shelling"


@pytest.mark.parametrize(
    ("party", "group"),
    [("Coalition", "us_led_coalition"), ("Russian", "russia"), ("Israeli", "israel")],
)
def test_an_air_party_s_raid_stays_an_airstrike(party: str, group: str) -> None:
    c = primary(f"{party} raids on a village near Hajin on Monday killed three civilians.")
    assert c.perpetrator.group == group
    assert c.event_type == "airstrike"


def test_a_ground_party_s_drone_strike_stays_an_airstrike() -> None:
    c = primary("An HTS drone strike killed two civilians in the town of Suqaylabiyah on Monday.")
    assert c.event_type == "airstrike"


@pytest.mark.parametrize("ground", ["SDF", "Syrian National Army", "HTS"])
def test_a_raid_with_an_air_party_keeps_the_air_reading(ground: str) -> None:
    c = primary(
        f"{ground} and coalition forces raided al-Shuheil, killing 2 civilians during the raid."
    )
    assert c.event_type == "airstrike"


def test_an_isis_sleeper_cell_is_isis() -> None:
    c = primary(
        "Two SDF fighters were killed yesterday when an ISIS sleeper cell attacked their "
        "checkpoint near Shaddadi, the SDF said."
    )
    assert c.perpetrator.group == "isis"
    assert c.stance == "alleges"


@pytest.mark.parametrize(
    ("text", "group"),
    [
        (
            "An Iraqi air force F-16 strike killed eight ISIS militants in a cave in the Hamrin "
            "mountains, the Joint Operations Command said.",
            "iraq_government",
        ),
        (
            "A Russian Su-34 strike hit the market of Ariha on Monday, killing six civilians.",
            "russia",
        ),
    ],
)
def test_an_aircraft_type_between_the_force_and_its_strike(text: str, group: str) -> None:
    assert primary(text).perpetrator.group == group


@pytest.mark.parametrize(
    "text",
    [
        "Syrian-Russian alliance warplanes carried out airstrikes on Kafr Nabl, killing four "
        "civilians.",
        "Warplanes of the Syrian-Russian alliance bombed Kafr Nabl, killing four civilians.",
        "Syrian and Russian warplanes carried out airstrikes on Kafr Nabl, killing four civilians.",
    ],
)
def test_an_alliance_of_two_states_is_named_by_its_air_party_as_two_states_are(text: str) -> None:
    # the party that fights only from the air is the more specific attribution of a joint air
    # attack, in English as in Arabic ("الطيران السوري والروسي")
    c = primary(text)
    assert c.perpetrator is not None and c.perpetrator.group == "russia"


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("The IDF struck Hezbollah targets near Qusayr, killing 2 civilians.", "israel"),
        ("Russian jets struck a market in Ariha, killing 5 civilians.", "russia"),
        (
            "Coalition aircraft struck an ISIS position near Hajin, killing 3 civilians.",
            "us_led_coalition",
        ),
    ],
)
def test_an_air_party_that_struck_made_an_airstrike(text: str, group: str) -> None:
    c = primary(text)
    assert c.perpetrator is not None and c.perpetrator.group == group
    assert c.event_type == "airstrike"


@pytest.mark.parametrize(
    ("text", "group"),
    [
        (
            "HTS-led opposition fighters shelled the city of Hama, killing 4 civilians, SANA said.",
            "hts_nusra",
        ),
        (
            "Hurras al-Din fighters attacked a checkpoint near Jisr al-Shughur, killing 2 soldiers.",
            "hts_nusra",
        ),
        (
            "The Hamza Division shelled the village of Tal Rifaat, killing a woman.",
            "armed_opposition",
        ),
        (
            "Fourth Division forces shelled the town of Tafas, killing two civilians.",
            "syrian_government",
        ),
        (
            "Asa'ib Ahl al-Haq fighters fired rockets at a base near Erbil, killing a contractor.",
            "iran",
        ),
    ],
)
def test_armed_groups_by_their_own_names(text: str, group: str) -> None:
    claim = primary(text)
    assert claim.perpetrator is not None and claim.perpetrator.group == group


@pytest.mark.parametrize(
    ("text", "group"),
    [
        # bare "factions" in a report about Syria are the armed opposition's
        (
            "Factions fired shells on al-Hamdaniyah in Aleppo city, killing 4 people, while "
            "regime forces shelled the western countryside.",
            "armed_opposition",
        ),
        (
            "The factions shelled the town of Ain Issa in Raqqa, killing two civilians.",
            "armed_opposition",
        ),
        # whose factions they are, when the words around them say it
        ("Iranian factions shelled the town of Ain Issa in Raqqa, killing two civilians.", "iran"),
        (
            "Factions loyal to the regime shelled the town of Sarmin in Idlib, killing two civilians.",
            "syrian_government",
        ),
    ],
)
def test_factions_named_bare_in_a_report_about_syria(text: str, group: str) -> None:
    assert primary(text).perpetrator.group == group
