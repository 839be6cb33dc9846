"""Monitors' incident records, parties' own releases and the rolls of the dead they carry.

Each text is written for this suite in the style of a page a monitor archives: a monitor's
incident record ("Civilians reported killed: 25–33", "Belligerent: Russian Military"), a
ministry's post, a state agency's account of an "air aggression", a wire report filed from Erbil
about a town whose name Syria and Iraq share, a rights group that condemns a killing.
"""

from __future__ import annotations

import datetime as dt

import pytest

from .reading import claims_of, primary

# --- an incident record's fields ----------------------------------------------------------------


def test_a_record_s_range_beats_its_summary_s_ceiling() -> None:
    # "up to 33" says nothing of the floor; the record's own field gives it.
    c = primary(
        "Incident Code: CS2345\n"
        "Date: March 22, 2017\n"
        "Location: Al Tabqa, Raqqa, Syria\n"
        "Civilians reported killed: 25–33\n"
        "Summary: Up to 33 civilians were reported killed when alleged Coalition airstrikes "
        "hit a school sheltering displaced families in al Mansoura, west of Raqqa."
    )
    assert c.killed.civilians is not None
    assert (c.killed.civilians.min, c.killed.civilians.max) == (25, 33)
    assert c.date is not None and c.date.start.isoformat() == "2017-03-22"
    assert c.perpetrator.group == "us_led_coalition"


@pytest.mark.parametrize("ceiling", ["As many as 33", "Up to 33"])
def test_a_ceiling_alone_is_a_ceiling(ceiling: str) -> None:
    c = primary(f"{ceiling} civilians were killed when Coalition airstrikes hit a school in Raqqa.")
    assert c.killed.civilians is not None
    assert (c.killed.civilians.min, c.killed.civilians.max) == (None, 33)


@pytest.mark.parametrize(
    ("field", "group"),
    [
        ("Belligerent: Russian Military", "russia"),
        ("Belligerent: Turkish Military", "turkey"),
        ("Perpetrator: Syrian regime forces", "syrian_government"),
        ("Suspected belligerent: U.S.-led Coalition", "us_led_coalition"),
        ("Belligerent: Israeli Military", "israel"),
    ],
)
def test_a_record_s_belligerent_field_names_the_perpetrator(field: str, group: str) -> None:
    c = primary(
        "Civilian casualties: 3 killed (1 child), 5 injured\n"
        "Date: February 11, 2023\n"
        "Location: Sarmada, Idlib\n"
        f"{field}"
    )
    assert c.perpetrator.group == group
    assert c.killed.civilians is not None and c.killed.civilians.min == 3
    assert c.killed.children is not None and c.killed.children.min == 1
    assert c.injured.total is not None and c.injured.total.min == 5
    assert c.date is not None and c.date.start.isoformat() == "2023-02-11"
    assert c.places and c.places[0].name == "Sarmada"


def test_a_date_field_after_fields_that_share_a_sentence_dates_the_record() -> None:
    # the first two lines end without a full stop and read as one sentence
    c = primary(
        "Civilian casualties: 3 killed, 5 injured\nLocation: Sarmin, Idlib\nDate: 4 May 2021"
    )
    assert c.date is not None and c.date.start.isoformat() == "2021-05-04"


def test_a_belligerent_field_does_not_override_a_party_the_summary_names() -> None:
    c = primary(
        "Date: 4 May 2021\nLocation: Sarmin, Idlib\nBelligerent: Russian Military\n"
        "Summary: Regime artillery shelled the town, killing three civilians."
    )
    assert c.perpetrator.group == "syrian_government"


def test_a_field_s_value_may_name_its_victims() -> None:
    c = primary("Killed: 4 civilians\nLocation: Sarmada, Idlib\nDate: 4 May 2021")
    assert c.killed.civilians is not None and c.killed.civilians.min == 4


# --- breakdowns in brackets ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "civilians", "children", "women"),
    [
        ("A Russian airstrike on Sarmada killed 5 civilians (2 children and a woman).", 5, 2, 1),
        ("A Russian airstrike on Sarmada killed 5 civilians (2 children, 1 woman).", 5, 2, 1),
        (
            "Regime shelling on Kafr Nabl killed four civilians (including three children).",
            4,
            3,
            None,
        ),
        (
            "A drone strike on Binnish killed seven civilians (four children and three women).",
            7,
            4,
            3,
        ),
    ],
)
def test_a_breakdown_in_brackets_breaks_down_its_count(
    text: str, civilians: int, children: int, women: int | None
) -> None:
    c = primary(text)
    assert c.killed.civilians is not None and c.killed.civilians.min == civilians
    assert c.killed.children is not None and c.killed.children.min == children
    assert (c.killed.women.min if c.killed.women else None) == women
    assert c.killed.total is not None and c.killed.total.min == civilians


# --- a family's members, a group's leaders -------------------------------------------------------


@pytest.mark.parametrize(
    "family",
    ["a single family", "one family", "the same family", "an entire family", "a family"],
)
def test_members_of_a_family_are_civilians(family: str) -> None:
    c = primary(
        f"At least nine members of {family} were killed in Syrian government bombardment on a "
        "village in Idlib, a war monitor said."
    )
    assert c.killed.civilians is not None and c.killed.civilians.min == 9
    assert c.perpetrator.group == "syrian_government"


@pytest.mark.parametrize(
    ("victims", "n"),
    [
        ("a senior leader of Hurras al-Din", 1),
        ("two senior leaders of Hurras al-Din", 2),
        ("a senior official of ISIS", 1),
        ("three commanders of Hayat Tahrir al-Sham", 3),
    ],
)
def test_an_armed_group_s_leaders_are_its_fighters(victims: str, n: int) -> None:
    c = primary(f"A US drone strike in northwestern Syria killed {victims}, CENTCOM said.")
    assert c.killed.combatants is not None and c.killed.combatants.min == n
    assert c.killed.civilians is None
    assert (c.claimant.type, c.stance) == ("party_to_conflict", "admits")


# --- parties' own words --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "ministry",
    [
        "Ministry of National Defense",
        "Turkish Ministry of National Defence",
        "the National Defense Ministry",
    ],
)
def test_the_ministry_of_national_defense_speaks_for_turkey(ministry: str) -> None:
    c = primary(
        f"{ministry}\nWithin the scope of Operation Claw-Lock, 3 PKK terrorists who were "
        "preparing to attack were neutralized in the Metina region of northern Iraq.\n"
        "10:42 AM · Jun 3, 2024"
    )
    assert c.perpetrator.group == "turkey"
    assert (c.claimant.type, c.stance) == ("party_to_conflict", "admits")
    assert c.killed.combatants is not None and c.killed.combatants.min == 3


def test_a_defence_ministry_without_national_stays_unassigned_without_a_dateline() -> None:
    c = primary(
        "The Ministry of Defence said 3 terrorists were neutralized in the Metina region of "
        "northern Iraq."
    )
    assert c.perpetrator.group != "turkey"


@pytest.mark.parametrize(
    "act",
    [
        "carried out an air aggression from the direction of the occupied Syrian Golan",
        "launched an air aggression from the direction of the occupied Syrian Golan",
        "carried out an air aggression from the airspace of Lebanon",
    ],
)
def test_a_state_agency_s_air_aggression_is_an_airstrike_where_it_landed(act: str) -> None:
    c = primary(
        f"Damascus, SANA - The Israeli enemy {act}, targeting some points near Masyaf, "
        "killing two soldiers, a military source said."
    )
    assert c.event_type == "airstrike"
    assert c.perpetrator.group == "israel"
    assert [p.name for p in c.places] == ["Masyaf"]
    assert c.killed.combatants is not None and c.killed.combatants.min == 2


@pytest.mark.parametrize(
    ("text", "event"),
    [
        (
            "On Sept. 16, U.S. Central Command forces conducted a helicopter raid in northeast "
            "Syria, resulting in the detention of an ISIS official.",
            "detention",
        ),
        (
            "US forces killed an ISIS leader in a helicopter raid in Atmeh, northern Idlib, "
            "on Thursday, CENTCOM said.",
            "shooting",
        ),
    ],
)
def test_a_helicopter_raid_lands_troops(text: str, event: str) -> None:
    assert primary(text).event_type == event


@pytest.mark.parametrize("verb", ["condemns", "condemned", "denounces", "deplores"])
def test_a_rights_group_that_condemns_a_killing_is_its_claimant(verb: str) -> None:
    c = primary(
        f"The Syrian Network for Human Rights (SNHR) {verb} the killing of five civilians, "
        "including a child, in a drone attack by Syrian regime forces on the town of Darat "
        "Izza on November 13, 2023."
    )
    assert c.claimant.type == "monitor"
    assert c.claimant.name is not None and "Syrian Network for Human Rights" in c.claimant.name
    assert c.killed.children is not None and c.killed.children.min == 1


def test_a_report_speaking_of_itself_is_no_claimant() -> None:
    claims = claims_of(
        "This report found that a Russian airstrike on the market of Ariha killed 14 civilians "
        "on January 15, 2020."
    )
    assert claims and all(c.claimant.name != "This report" for c in claims)


# --- a town two countries share -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "admin1"),
    [
        (
            "ERBIL, Kurdistan Region - A Turkish drone strike on a vehicle in Sinjar on Monday "
            "killed four people, local officials told Rudaw.",
            "Nineveh",
        ),
        (
            "A Turkish drone struck a car near Sinjar, west of Mosul, killing two YBS fighters.",
            "Nineveh",
        ),
        (
            "A Russian airstrike on Sinjar, in Idlib's southern countryside, killed two men.",
            "Idlib",
        ),
        ("A Russian airstrike on Sinjar killed two men, the Syria Civil Defence said.", "Idlib"),
    ],
)
def test_a_town_syria_and_iraq_share_is_in_the_country_the_text_is_in(
    text: str, admin1: str
) -> None:
    c = primary(text)
    assert c.places and c.places[0].admin1 == admin1


# --- "N of them", a group's own words, the UN's spokespeople --------------------------------------


@pytest.mark.parametrize(
    ("text", "victims", "n"),
    [
        (
            "Gunmen attacked a checkpoint of regime soldiers in Daraa, killing 4 of them.",
            "combatants",
            4,
        ),
        (
            "Soldiers of the Caliphate targeted a gathering of PKK militias in the town of "
            "al-Shuhayl with an explosive device, killing 4 of them.",
            "combatants",
            4,
        ),
        (
            "A drone struck a crowd of civilians at the market of Sarmada, killing at least 6 of them.",
            "civilians",
            6,
        ),
        (
            "Shells fell on a group of people near the bakery in Ariha, killing three of them.",
            "total",
            3,
        ),
    ],
)
def test_some_of_the_people_just_named_are_counted(text: str, victims: str, n: int) -> None:
    c = primary(text)
    r = c.killed.get(victims)
    assert r is not None and r.min == n


def test_the_caliphate_s_soldiers_are_isis() -> None:
    c = primary(
        "Amaq Agency\nSoldiers of the Caliphate targeted a gathering of PKK militias in the town "
        "of al-Shuhayl with an explosive device, killing 4 of them."
    )
    assert c.perpetrator.group == "isis"
    assert (c.claimant.type, c.stance) == ("party_to_conflict", "admits")


@pytest.mark.parametrize(
    "speaker",
    ["UN Human Rights Office spokesperson", "OHCHR spokesperson", "a UNICEF spokesperson"],
)
def test_a_un_body_s_spokesperson_is_the_un(speaker: str) -> None:
    c = primary(
        "At least 12 civilians, among them five children, were killed in a series of strikes on "
        f"Idlib governorate between 28 February and 2 March, {speaker} said."
    )
    assert c.claimant.type == "un"


def test_a_theme_s_title_does_not_make_an_attack_that_harmed_nobody_the_report_s_incident() -> None:
    c = primary(
        "SYRIA: RUSSIAN AND SYRIAN GOVERNMENT ATTACKS ON HOSPITALS\n"
        "On 5 May 2019, an airstrike hit the Nabad al-Hayat hospital in Hass, southern Idlib. No "
        "one was killed, as the hospital had been evacuated after a warning three days earlier.\n"
        "On 22 February 2020, Russian forces struck the al-Shami hospital in Ariha, killing five "
        "civilians and injuring at least 12 others."
    )
    assert c.killed.civilians is not None and c.killed.civilians.min == 5
    assert [p.name for p in c.places] == ["Ariha"]
    assert (c.event_type, c.perpetrator.group) == ("airstrike", "russia")


def test_a_title_that_names_the_place_keeps_its_attack_that_harmed_nobody() -> None:
    c = primary(
        "Airstrike hits hospital in Hass\n"
        "On 5 May 2019, an airstrike hit the Nabad al-Hayat hospital in Hass, southern Idlib. No "
        "one was killed, as the hospital had been evacuated.\n"
        "A year earlier, on 22 February 2018, shelling of Ariha killed five civilians."
    )
    assert [p.name for p in c.places][:1] == ["Hass"]


# --- headlines in the translated style of local outlets --------------------------------------------


@pytest.mark.parametrize(
    "headline",
    [
        "Martyrdom of a child and injury of his mother in a Russian airstrike on the town of "
        "Kafr Takharim, this morning.",
        "#Idlib | Martyrdom of a child and injury of his mother in a Russian airstrike on the "
        "town of Kafr Takharim, this morning.",
        "Idlib: The martyrdom of a child and the injury of his mother in a Russian airstrike on "
        "the town of Kafr Takharim.",
    ],
)
def test_a_headline_s_martyrdom_of_a_child_is_a_death(headline: str) -> None:
    c = primary(headline)
    assert c.killed.children is not None and c.killed.children.min == 1
    assert c.injured.total is not None and c.injured.total.min == 1
    assert c.perpetrator.group == "russia"


def test_the_body_of_one_person_found_is_one_death() -> None:
    c = primary(
        "The body of a young man from Deir Ezzor's western countryside was found yesterday, "
        "bearing marks of gunshots, days after he was abducted by unknown persons."
    )
    assert c.killed.total is not None and c.killed.total.min == 1


@pytest.mark.parametrize(
    "force", ["Assad's militia artillery", "Assad militias", "Assad's artillery"]
)
def test_assad_s_militias_are_the_government_s(force: str) -> None:
    c = primary(
        f"A civilian was killed as a result of {force} shelling on the town of al-Bara, south of "
        "Idlib, on Sunday."
    )
    assert c.perpetrator.group == "syrian_government"


@pytest.mark.parametrize(
    ("road", "names"),
    [
        ("the Idlib-Binnish road", {"Binnish"}),
        ("the Sarmada – Dana road", {"Sarmada"}),
    ],
)
def test_a_short_road_between_two_towns_places_the_strike_at_them(
    road: str, names: set[str]
) -> None:
    c = primary(f"A drone targeted a car on {road} on Wednesday evening, killing two people.")
    assert names <= {p.name for p in c.places}


def test_a_long_highway_places_nothing() -> None:
    c = primary("A roadside bomb hit a bus on the Palmyra – Deir ez-Zor road, killing 12 soldiers.")
    assert [p for p in c.places if p.precision == "town"] == []


# --- who did it, named with a hedge or through its fighters ----------------------------------------


@pytest.mark.parametrize(
    ("text", "group"),
    [
        (
            "Warplanes believed to be Russian struck a market in Maarat al-Numan, killing 9 civilians.",
            "russia",
        ),
        ("Drones, thought to be Turkish, struck a car near Qamishli, killing two.", "turkey"),
        (
            "Aircraft believed to be from the US-led coalition struck Hajin, killing 5 civilians.",
            "us_led_coalition",
        ),
        (
            "Jets suspected to be Israeli struck a depot near Masyaf, killing three soldiers.",
            "israel",
        ),
        ("Unidentified aircraft struck a fuel market near Tarhin, killing 4 civilians.", "unknown"),
    ],
)
def test_a_hedged_nationality_names_the_perpetrator(text: str, group: str) -> None:
    assert primary(text).perpetrator.group == group


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("Fighters of the Hamza Division shot dead a civilian in Afrin.", "armed_opposition"),
        (
            "Members of Ahrar al-Sharqiya executed a young man at a checkpoint near Ras al-Ain.",
            "armed_opposition",
        ),
        ("Gunmen of the Asayish shot dead a protester in Qamishli.", "sdf_ypg"),
        ("Militants of ISIS executed three shepherds in the Badia.", "isis"),
    ],
)
def test_a_group_s_fighters_who_kill_are_the_perpetrators(text: str, group: str) -> None:
    c = primary(text)
    assert c.perpetrator.group == group
    assert c.killed.combatants is None


@pytest.mark.parametrize(
    ("aircraft", "group"),
    [
        ("a Russian Su-24", "russia"),
        ("a Syrian MiG-23", "syrian_government"),
        ("a Russian jet", "russia"),
    ],
)
def test_an_aircraft_named_by_its_model_strikes_from_the_air(aircraft: str, group: str) -> None:
    c = primary(
        f"On January 15, 2020, at about 9:30 a.m., {aircraft} struck the vegetable market in "
        "Ariha. Witnesses said the strike killed at least 14 civilians, including 5 children."
    )
    assert (c.event_type, c.perpetrator.group) == ("airstrike", group)
    assert c.date is not None and c.date.start.isoformat() == "2020-01-15"
    assert c.killed.civilians is not None and c.killed.civilians.min == 14


def test_a_theme_s_title_over_a_lede_that_tells_the_harm_gives_way_to_it() -> None:
    c = primary(
        "Syria: Deadly Attacks on Displacement Camps\n"
        "In November 2022, Syrian government forces fired cluster munitions at four "
        "displacement camps west of Idlib city, killing at least 9 civilians, including 4 "
        "children, and injuring over 75, according to the White Helmets."
    )
    assert c.killed.civilians is not None and c.killed.civilians.min == 9
    assert c.killed.children is not None and c.killed.children.min == 4
    assert c.perpetrator.group == "syrian_government"
    assert c.date is not None and (c.date.start.isoformat(), c.date.precision) == (
        "2022-11-01",
        "month",
    )


@pytest.mark.parametrize("weapon", ["an ATGM", "an anti-tank guided missile", "a Kornet missile"])
def test_an_anti_tank_missile_is_fired_from_the_ground(weapon: str) -> None:
    c = primary(
        "Two civilians, a man and his son, were killed after regime forces targeted their car "
        f"with {weapon} near the village of Kafr Amma, west of Aleppo, this morning."
    )
    assert c.event_type == "shelling"


def test_a_drone_s_missile_stays_an_airstrike() -> None:
    c = primary("An Israeli drone fired a guided missile at a car near Quneitra, killing two men.")
    assert c.event_type == "airstrike"


@pytest.mark.parametrize(
    "dateline",
    ["GAZA, October 17, 2023, WAFA –", "KHAN YOUNIS, 17 October 2023 —", "Gaza, 17-10-2023 –"],
)
def test_a_dated_dateline_s_dash_opens_the_head_count(dateline: str) -> None:
    c = primary(
        f"{dateline} At least 25 Palestinians, including 10 children, were killed when Israeli "
        "warplanes bombed a house in Khan Younis."
    )
    assert c.killed.total is not None and c.killed.total.min == 25
    assert c.killed.children is not None and c.killed.children.min == 10


# --- a dated dateline under a masthead ---------------------------------------------------------------


@pytest.mark.parametrize("masthead", ["OHCHR\n", "UN News\n", "Press release\nOHCHR\n", ""])
def test_a_dated_dateline_under_a_masthead_dates_the_report_not_the_incident(masthead: str) -> None:
    ranged = primary(
        f"{masthead}GENEVA (4 March 2023) – At least 12 civilians were killed in a series of "
        "strikes on Idlib governorate between 28 February and 2 March, the UN Human Rights "
        "Office said."
    )
    assert ranged.date is not None
    assert (ranged.date.start.isoformat(), ranged.date.end.isoformat()) == (
        "2023-02-28",
        "2023-03-02",
    )
    weekday = primary(
        f"{masthead}GENEVA (4 March 2023) – At least 12 civilians were killed in a strike on "
        "Idlib on Friday, the UN Human Rights Office said."
    )
    assert weekday.date is not None and weekday.date.start.isoformat() == "2023-03-03"


def test_a_district_of_a_province_is_no_quarter_of_the_dateline_s_city() -> None:
    c = primary(
        "ERBIL (Kurdistan 24) – A Turkish drone strike on Monday targeted a vehicle in the "
        "Sharbazher district of Sulaimani province, killing three people, local officials said."
    )
    assert [p.admin1 for p in c.places] == ["Sulaymaniyah"]
    assert all(p.precision != "neighbourhood" for p in c.places)


# --- the page's own date, as news sites print it ------------------------------------------------------


@pytest.mark.parametrize(
    "stamp",
    [
        "Published On 16 Mar 2023",
        "March 16, 2023 at 1:46 p.m. EDT",
        "Issued on: 16/03/2023 - 13:46",
        "John Smith | March 16, 2023 | 3 min read",
        "Thu 16 Mar 2023 13.46 GMT",
        "Last update: 16 March 2023 13:46 UTC",
        "Thursday, 16 March, 2023 - 06:15",
        "Mar 16, 2023 · 4 min read",
    ],
)
def test_a_news_page_s_stamp_dates_its_wednesday(stamp: str) -> None:
    c = primary(
        f"Some Outlet\n{stamp}\nAt least seven civilians were killed on Wednesday in a Russian "
        "airstrike on a market in Idlib, rescuers said."
    )
    assert c.date is not None and c.date.start.isoformat() == "2023-03-15"


@pytest.mark.parametrize(
    "subject", ["The coalition", "Russian forces", "The Israeli army", "Russian warplanes"]
)
def test_a_party_that_strikes_only_from_the_air_strikes_from_the_air(subject: str) -> None:
    c = primary(f"{subject} targeted a hideout in Hajin, killing 8 militants.")
    assert c.event_type == "airstrike"


@pytest.mark.parametrize(
    "office",
    [
        "the Russian Center for Reconciliation of the Opposing Sides",
        "the Russian Centre for Reconciliation of Opposing Sides in Syria",
        "the Russian Reconciliation Centre",
    ],
)
def test_russia_s_reconciliation_centre_is_a_party_by_its_whole_name(office: str) -> None:
    c = primary(
        "MOSCOW, January 20. /TASS/. Militants shelled Aleppo residential areas 15 times over the "
        f"past day, killing two civilians, {office} said."
    )
    assert c.claimant.type == "party_to_conflict"
    assert c.claimant.name is not None and "Reconciliation" in c.claimant.name


def test_a_campaign_s_toll_since_the_day_it_began_is_no_incident_of_that_day() -> None:
    c = primary(
        "At least 50 civilians have been killed since Turkey began its offensive in northeast "
        "Syria on Wednesday, the SOHR said. On Saturday alone, a Turkish airstrike on a convoy "
        "near Ras al-Ain killed 10 civilians, including a journalist.",
        dt.date(2019, 10, 13),
    )
    assert c.killed.civilians is not None and c.killed.civilians.min == 10
    assert c.date is not None and c.date.start.isoformat() == "2019-10-12"
    assert c.perpetrator.group == "turkey"


def test_a_state_s_bare_ministry_and_its_enemy_s_figures_are_two_accounts() -> None:
    claims = claims_of(
        "Turkey launched airstrikes on Kurdish militant groups in northern Syria and Iraq "
        "overnight, the defence ministry said on Sunday. The SDF said 11 civilians and a "
        "journalist were killed in the strikes on villages near Derik and Kobani.",
        dt.date(2022, 11, 21),
    )
    lead = next(c for c in claims if c.primary)
    assert (lead.claimant.name, lead.stance) == ("SDF", "alleges")
    assert lead.killed.civilians is not None and lead.killed.civilians.min == 12
    admission = [c for c in claims if c.claimant.name == "defence ministry"]
    assert [(c.stance, c.perpetrator.group) for c in admission] == [("admits", "turkey")]
    assert all(c.killed.is_empty() for c in admission)


def test_a_roll_of_the_dead_with_ages_in_words_counts_its_children() -> None:
    c = primary(
        "An Israeli airstrike on the Al-Laham family home in Khan Younis killed 14 people: "
        "Najiya Al-Laham (53 years old, female), Saleh Al-Laham (19 years old, male), Ahmed "
        "Al-Laham (17 years old, male), Hassan Al-Laham (11 years old, male), Youssef Al-Laham "
        "(four years old, male), Mona Al-Laham (seven years old, female)."
    )
    assert c.killed.total is not None and c.killed.total.min == 14
    assert c.killed.children is not None and c.killed.children.min == 4


@pytest.mark.parametrize("between", ["between 24 and 31", "between 24 to 31", "between 24-31"])
def test_a_range_opened_by_between_closes_with_and_or_to(between: str) -> None:
    c = primary(f"The strike killed {between} civilians, including at least 12 children.")
    assert c.killed.civilians is not None
    assert (c.killed.civilians.min, c.killed.civilians.max) == (24, 31)


def test_a_footnote_mark_and_an_item_s_aside_keep_a_breakdown_going() -> None:
    c = primary(
        "24 civilians were killed, including at least 12 children*, seven women (including a "
        "pregnant woman), and seven men."
    )
    assert c.killed.children is not None and c.killed.children.min == 12
    assert c.killed.women is not None and c.killed.women.min == 7
    assert c.killed.civilians is not None and c.killed.civilians.min == 24


def test_a_party_s_strike_then_a_ministry_s_toll_are_two_accounts() -> None:
    claims = claims_of(
        "The Israeli military said it struck a Hezbollah target in Aitou. The health ministry "
        "said 21 people were killed.",
        dt.date(2024, 10, 14),
    )
    lead = next(c for c in claims if c.primary)
    assert (lead.claimant.name, lead.stance) == ("health ministry", "alleges")
    assert lead.killed.total is not None and lead.killed.total.min == 21
    assert [(c.stance, c.killed.is_empty()) for c in claims if not c.primary] == [("admits", True)]


@pytest.mark.parametrize(
    ("post", "victims", "n"),
    [
        (
            "#Idlib: 3 civs killed, 7 injured in Russian airstrikes on #Ariha market.",
            "civilians",
            3,
        ),
        (
            "BREAKING: Massacre in #Atarib - at least 11 ppl killed incl. 4 kids after Russian jets targeted the market.",
            "total",
            11,
        ),
        (
            "#Syria: 2 SDF fighters KIA in a Turkish drone strike near #TalTamr this morning.",
            "combatants",
            2,
        ),
    ],
)
def test_a_post_s_shorthand_counts(post: str, victims: str, n: int) -> None:
    r = primary(post).killed.get(victims)
    assert r is not None and r.min == n


@pytest.mark.parametrize("where", ["Nineveh province", "Idlib countryside", "Mosul"])
def test_a_source_placed_in_a_province_is_still_the_source(where: str) -> None:
    c = primary(
        f"A security source in {where} said on Monday that 8 civilians were killed in a mortar "
        "attack by ISIS on the al-Zuhur neighborhood in eastern Mosul."
    )
    assert c.claimant.name is not None and c.claimant.name.startswith("security source")


@pytest.mark.parametrize(
    ("act", "victims"),
    [
        ("killing the driver", "civilians"),
        ("killing the young shepherd", "civilians"),
        ("killing the old farmer", "civilians"),
    ],
)
def test_one_person_named_by_a_definite_noun_is_one_death(act: str, victims: str) -> None:
    c = primary(
        "Unknown gunmen opened fire on a car on the Daraa-Damascus highway near the town of "
        f"Ghabaghib, {act}."
    )
    r = c.killed.get(victims)
    assert r is not None and r.min == 1


def test_an_item_named_in_brackets_stays_in_the_list() -> None:
    c = primary(
        "Two members of the internal security forces (Asayish) and a child were killed when a "
        "Turkish drone targeted their vehicle near Qamishli."
    )
    assert c.killed.combatants is not None and c.killed.combatants.min == 2
    assert c.killed.children is not None and c.killed.children.min == 1
    assert c.killed.total is not None and c.killed.total.min == 3


def test_a_force_s_advisers_named_by_its_acronym_are_its_fighters() -> None:
    c = primary(
        "An Israeli strike on a building in Damascus' Mezzeh district killed five IRGC advisers, "
        "Iran's state media said. Syrian state media said a civilian was also killed.",
        dt.date(2024, 1, 20),
    )
    assert c.killed.combatants is not None and c.killed.combatants.min == 5
    assert c.killed.civilians is not None and c.killed.civilians.min == 1


def test_a_hasakah_town_spelt_as_kurdish_media_spell_it_is_that_town() -> None:
    c = primary(
        "A Turkish drone strike on a car in the village of al-Dirbasiyah killed three senior SDF "
        "commanders on Friday, the SDF said.",
        dt.date(2022, 7, 23),
    )
    assert c.places and (c.places[0].name, c.places[0].admin1) == ("Ad Darbasiyah", "Al-Hasakah")


@pytest.mark.parametrize(
    "means", ["with heavy weapons", "with heavy weaponry", "from rocket launchers"]
)
def test_heavy_weapons_are_the_ground_s_guns(means: str) -> None:
    c = primary(
        f"The Turkish occupation army targeted the village of Zirgan {means}, killing a citizen."
    )
    assert c.event_type == "shelling"


def test_a_body_named_by_its_place_is_not_the_incident_s_place() -> None:
    claims = claims_of(
        "The Israeli army said it struck a Hamas commander in Jabalia refugee camp. Gaza's health "
        "ministry said more than 50 people were killed and 150 injured in the strike.",
        dt.date(2023, 10, 31),
    )
    lead = next(c for c in claims if c.primary)
    assert lead.killed.total is not None and lead.killed.total.min == 51
    assert [p.name for p in lead.places] == ["Jabalya"]


@pytest.mark.parametrize("staff", ["six members of its staff", "six members of the ambulance crew"])
def test_members_of_a_rescue_body_s_staff_are_civilians(staff: str) -> None:
    c = primary(
        f"According to the Palestinian Red Crescent, {staff} were killed when their ambulance "
        "was struck in Gaza City."
    )
    assert c.killed.civilians is not None and c.killed.civilians.min == 6
