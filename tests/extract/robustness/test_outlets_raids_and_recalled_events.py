"""Outlets named with a number, raids from helicopters, families, and events recalled in passing.

Each text is written for this suite in the style of the posts and stories a monitor archives
from Syria and Iraq since 2021: a local page whose name ends in a number ("Daraa 24",
"Suwayda 24") on a line above its post, a coalition raid told by a monitor ("helicopters landed
near a house"), "a man and his family", a drone strike told "hours after another" one, a
village spelt otherwise than the gazetteer ("Qarah Halanj"), a party's mourning formula ("rose
as martyrs on the road to Jerusalem") and "killing one and injuring another". Every party
appears in the same frames.
"""

from __future__ import annotations

import datetime as dt

import pytest

from .reading import claims_of, primary

# --- an outlet named with a number, on a line of its own ---------------------------------------


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        (
            "Daraa 24\nTwo young men were killed when a drone of unknown source targeted their "
            "motorcycle on the road between Tafas and Muzayrib.",
            2,
        ),
        (
            "Suwayda 24\nWarplanes believed to be Jordanian bombed two houses in the town of "
            "Arman at dawn today, killing ten civilians including two children.",
            10,
        ),
        (
            "Deir Ezzor 24\nThree shepherds were killed in a landmine explosion in the desert "
            "west of Deir Ezzor.",
            3,
        ),
        (
            "Kurdistan 24\nA Turkish drone struck a vehicle in Sinjar, killing two people.",
            2,
        ),
    ],
)
def test_the_number_in_an_outlets_name_counts_nobody(text: str, killed: int) -> None:
    c = primary(text)
    assert c.killed.total is not None
    assert (c.killed.total.min, c.killed.total.max) == (killed, killed)


def test_a_date_alone_on_its_line_still_dates_the_post_below_it() -> None:
    c = primary("Sept 9\nRussian jets struck Ariha on Monday, killing four civilians.")
    assert c.killed.total is not None and c.killed.total.min == 4


# --- troops set down by helicopter ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "group"),
    [
        (
            "International coalition helicopters landed near a house on the outskirts of "
            "Sarmada at dawn, killing a man.",
            "us_led_coalition",
        ),
        (
            "Russian helicopters landed troops near the village of Khirbet Ghazaleh, who shot "
            "dead two farmers.",
            "russia",
        ),
        (
            "US forces carried out a helicopter-borne raid on a house near Atmeh, killing a man "
            "and his wife.",
            "us_led_coalition",
        ),
        (
            "Turkish paratroopers raided a house in the village of Tal Shaeer, killing a man.",
            "turkey",
        ),
    ],
)
def test_a_landing_from_helicopters_is_a_raid_on_the_ground(text: str, group: str) -> None:
    c = primary(text)
    assert (c.event_type, c.perpetrator.group) == ("shooting", group)


def test_helicopters_that_drop_bombs_still_strike_from_the_air() -> None:
    c = primary("Regime helicopters dropped barrel bombs on Kafr Nabudah, killing four.")
    assert c.event_type == "airstrike"


# --- a person and his family ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "low"),
    [
        ("Coalition helicopters landed in Idlib countryside, killing a man and his family.", 2),
        ("The shelling killed a woman along with her entire family in Ariha.", 2),
        ("A man and his family were killed when an Israeli shell hit their house in Khiam.", 2),
        ("Three men and their families were killed in a Turkish strike on Derik.", 4),
    ],
)
def test_a_family_with_no_number_is_at_least_one_more(text: str, low: int) -> None:
    c = primary(text)
    assert c.killed.total is not None
    assert (c.killed.total.min, c.killed.total.max) == (low, None)


def test_a_familys_words_are_no_members_of_it() -> None:
    c = primary(
        "A man was killed by regime sniper fire in Daraa and his family said he was a farmer."
    )
    assert c.killed.total is not None
    assert (c.killed.total.min, c.killed.total.max) == (1, 1)


def test_a_headline_family_and_the_ledes_list_are_one_incident() -> None:
    text = (
        "Coalition helicopters land in Idlib countryside, killing a man and his family\n\n"
        "Coalition helicopters landed near a house on the outskirts of Sarmada town at dawn "
        "today. The raid ended with the killing of a man, his wife and their two children."
    )
    c = primary(text)
    assert c.killed.total is not None and c.killed.total.min == 4
    assert [p.name for p in c.places][:1] == ["Sarmada"]


# --- another event recalled as a time reference ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "killed", "place"),
    [
        (
            "A Turkish drone struck a checkpoint at the western entrance of Kobani city this "
            "evening, killing a member of the Asayish, hours after another Turkish drone killed "
            "three children in Qarah Halinj village.",
            1,
            "Ayn al Arab",
        ),
        (
            "Russian jets struck a poultry farm near Maarrat Misrin, killing two workers, a day "
            "after a similar strike killed five people in Ariha.",
            2,
            "Maarratmisrin",
        ),
        (
            "Regime artillery shelled Sarmin, killing a woman, days after another shelling "
            "killed four children in Afes.",
            1,
            "Sarmin",
        ),
        (
            "An Israeli drone targeted a car on the Damascus airport road, killing two men, "
            "hours after another Israeli strike killed seven people in Kafr Sousa.",
            2,
            "Damascus",
        ),
    ],
)
def test_the_dead_of_another_event_recalled_are_not_this_ones(
    text: str, killed: int, place: str
) -> None:
    c = primary(text)
    assert c.killed.total is not None and c.killed.total.min == killed
    assert c.places[0].name == place


# --- a village spelt otherwise than the gazetteer -------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "A Turkish drone targeted a house in the village of Qarah Halanj, east of Kobani, killing "
        "three children.",
        "A drone belonging to the Turkish army targeted a civilian house in Qarah Halanj village, "
        "east of Kobani, killing three children.",
    ],
)
def test_a_village_the_text_calls_one_is_read_whole_under_a_loose_spelling(text: str) -> None:
    c = primary(text)
    assert c.places[0].name == "Qarah Halinj"
    assert c.places[0].admin1 == "Aleppo"


# --- a party's mourning formula ------------------------------------------------------------------


def test_martyrs_on_the_road_to_jerusalem_fell_nowhere_near_it() -> None:
    c = primary(
        "The Islamic Resistance mourns the martyrs Hussein Ali Haidar and Ali Ahmad Qassem, who "
        "rose as martyrs on the road to Jerusalem in Syria."
    )
    assert [p.name for p in c.places] == ["Syria"]


def test_a_strike_on_jerusalem_is_still_in_jerusalem() -> None:
    c = primary("A rocket fired from Gaza struck a house in Jerusalem, killing a woman.")
    assert c.places[0].name == "Jerusalem"


# --- one more hurt after the dead ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "killed", "injured", "kind"),
    [
        (
            "A Turkish drone struck an Asayish checkpoint, killing a member and injuring another.",
            1,
            1,
            "combatants",
        ),
        (
            "A coalition drone struck a car near Binnish, killing two fighters and wounding "
            "another.",
            2,
            1,
            "combatants",
        ),
        (
            "Regime shells hit a house in Ariha, wounding two civilians and killing another in "
            "the kitchen.",
            1,
            2,
            "civilians",
        ),
    ],
)
def test_injuring_another_counts_one_more_of_the_same_kind(
    text: str, killed: int, injured: int, kind: str
) -> None:
    c = primary(text)
    assert c.killed.total is not None and c.killed.total.min == killed
    assert c.injured.total is not None and c.injured.total.min == injured
    assert getattr(c.injured, kind) is not None


def test_injuring_another_man_is_counted_once() -> None:
    c = primary("Gunmen shot dead a man in Tafas and injured another man.")
    assert c.injured.total is not None and c.injured.total.min == 1


# --- a party naming itself as the actor in its own post -------------------------------------------


@pytest.mark.parametrize(
    ("text", "group"),
    [
        (
            "IDF: A short while ago, the IDF struck senior Hamas terrorists who were operating "
            "inside a command and control center in Khan Yunis.",
            "israel",
        ),
        (
            "CENTCOM: On Feb. 14, CENTCOM conducted a strike in northwest Syria that killed a "
            "senior Hurras al-Din leader near Binnish.",
            "us_led_coalition",
        ),
        (
            "Turkish Ministry of National Defence: The Turkish Armed Forces struck PKK/YPG "
            "positions near Tal Rifaat, neutralising 12 terrorists.",
            "turkey",
        ),
    ],
)
def test_a_party_naming_itself_as_the_striker_admits_the_strike(text: str, group: str) -> None:
    c = primary(text)
    assert (c.perpetrator.group, c.stance) == (group, "admits")


def test_a_party_quoting_another_party_does_not_admit_for_it() -> None:
    c = primary(
        "The SDF said in a statement that ISIS attacked a checkpoint in Hajin, killing two guards."
    )
    assert (c.perpetrator.group, c.stance) == ("isis", "alleges")


# --- Gaza, Lebanon and the West Bank ---------------------------------------------------------------


def test_the_occupation_as_the_subject_of_a_strike_in_gaza_is_israel() -> None:
    c = primary(
        "Our crews recovered 12 martyrs after the occupation bombed tents of the displaced in "
        "al-Mawasi, Khan Yunis."
    )
    assert c.perpetrator.group == "israel"


@pytest.mark.parametrize(
    ("line", "name", "kind"),
    [
        ("The Civil Defence in Gaza said", "Civil Defence in Gaza", "party_to_conflict"),
        ("Gaza's Civil Defence said", "Gaza's Civil Defence", "party_to_conflict"),
        ("Lebanese Civil Defence said", "Lebanese Civil Defence", "ngo"),
        ("The White Helmets said", "White Helmets", "ngo"),
    ],
)
def test_each_civil_defence_is_its_own(line: str, name: str, kind: str) -> None:
    c = primary(f"{line} two people were killed in a strike on a house in Khan Yunis.")
    assert (c.claimant.name, c.claimant.type) == (name, kind)


def test_a_street_named_after_a_province_abroad_is_no_place() -> None:
    c = primary(
        "An Israeli drone struck a car on Salah al-Din Street in Deir al-Balah, killing three "
        "people."
    )
    assert [p.name for p in c.places] == ["Dayr al Balah"]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("5 Palestinians were killed in an Israeli drone strike south of #Jenin.", "Janin"),
        (
            "Israeli forces shot dead two young men in Nablus, the Palestinian health ministry said.",
            "Nablus",
        ),
    ],
)
def test_a_west_bank_city_in_a_report_on_israel_or_palestinians(text: str, place: str) -> None:
    assert primary(text).places[0].name == place


# --- the others killed with a named person -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        (
            "Our colleague, paramedic Ahmad Salem, was killed along with two others when a drone "
            "targeted a car in Deir al-Balah.",
            3,
            None,
        ),
        (
            "A paramedic was killed along with two others when a drone targeted a car in "
            "Deir al-Balah.",
            3,
            3,
        ),
        (
            "A commander was killed together with three of his companions in a drone strike "
            "near Binnish.",
            4,
            4,
        ),
    ],
)
def test_others_killed_along_with_one_person_add_to_him(
    text: str, low: int, high: int | None
) -> None:
    c = primary(text)
    assert c.killed.total is not None
    assert (c.killed.total.min, c.killed.total.max) == (low, high)


def test_along_with_a_counted_group_adds_nothing_twice() -> None:
    c = primary("A paramedic was killed along with two children when a shell hit Ariha.")
    assert c.killed.total is not None and c.killed.total.min == 3


# --- a named party's attack, and its toll in the next sentence -----------------------------------


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("ISIS attacked a checkpoint in Shuhayl. Five fighters were killed.", "isis"),
        (
            "At dawn today, ISIS terrorist cells attacked one of our points in the town of "
            "Shuhayl. Our fighters responded; 5 of our comrades were martyred.",
            "isis",
        ),
        (
            "Turkish-backed factions stormed the village of Kafr Jannah. Two men were killed.",
            "armed_opposition",
        ),
        ("HTS fighters raided a house in Sarmada. A man was killed.", "hts_nusra"),
        ("The SDF raided the village of Dhiban. Two young men were killed.", "sdf_ypg"),
    ],
)
def test_the_party_that_attacked_a_place_owns_the_toll_told_next(text: str, group: str) -> None:
    assert primary(text).perpetrator.group == group


# --- soldiers of a nation's army -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        (
            "An officer and three soldiers of the Iraqi army were killed on Sunday in an attack "
            "by ISIS militants on a checkpoint in al-Tarmiyah.",
            4,
        ),
        ("Two members of the Turkish security forces were killed near Afrin.", 2),
        ("Three soldiers of the Syrian army were killed in a drone attack near Saraqib.", 3),
    ],
)
def test_soldiers_of_a_nations_army_are_counted(text: str, killed: int) -> None:
    c = primary(text)
    assert c.killed.combatants is not None and c.killed.combatants.min == killed


# --- the one person in a vehicle ---------------------------------------------------------------------


def test_killing_the_driver_counts_one() -> None:
    c = primary(
        "A regime suicide drone hit a civilian car near al-Atarib, killing the driver and "
        "injuring a boy."
    )
    assert c.killed.total is not None and (c.killed.total.min, c.killed.total.max) == (1, 1)
    assert c.injured.children is not None and c.injured.children.min == 1


# --- outlets named after towns, Libya's government, a landmark hundreds of km away ----------------


@pytest.mark.parametrize(
    ("text", "places"),
    [
        (
            "At least four people were killed after a suspected US drone struck a vehicle near "
            "Jilib in Middle Jubba, al-Shabaab said, witnesses told Garowe Online.",
            ["Jilib"],
        ),
        (
            "Aleppo 24 reported that two young men were killed when a drone targeted their "
            "motorcycle near Tafas.",
            ["Tafas"],
        ),
    ],
)
def test_an_outlet_named_after_a_town_is_no_place(text: str, places: list[str]) -> None:
    assert [p.name for p in primary(text).places if p.precision != "country"][:1] == places


def test_a_landmark_hundreds_of_km_away_is_no_place_of_the_strike() -> None:
    c = primary(
        "U.S. Africa Command conducted an airstrike against al-Shabaab in the vicinity of Jilib, "
        "approximately 370 kilometers southwest of Mogadishu, killing three militants."
    )
    assert [p.name for p in c.places if p.precision != "country"] == ["Jilib"]


def test_the_tripoli_based_government_places_a_report_in_libya() -> None:
    c = primary(
        "Three people, including a child, were killed in drone strikes that targeted sites in "
        "Zawiya on Tuesday. The Defence Ministry of the Tripoli-based government said the "
        "strikes targeted smugglers' hideouts."
    )
    assert (c.places[0].name, c.places[0].country) == ("Az Zawiyah", "LY")


def test_a_paper_named_after_a_city_is_no_place() -> None:
    c = primary(
        "An Israeli strike on a house in Nuseirat killed seven people, the Jerusalem Post and "
        "the Palestine Post reported."
    )
    assert [p.name for p in c.places] == ["An Nusayrat"]


def test_a_vague_figure_in_quotes_is_still_vague() -> None:
    c = primary(
        "Dozens of people were injured in an Israeli airstrike on a house in Deir al-Balah. "
        "Alray also mentioned “a number” of injuries in the strike."
    )
    assert c.injured.total is not None and c.injured.total.min == 24


# --- a long report: its means, its camp, a day with no year in a later section --------------------


REPORT = (
    "Syria: Deadly strike on displacement camp in Idlib must be investigated\n\n"
    "A Syrian government ground-launched cluster munition attack on the Maram camp for "
    "displaced people near Kafr Jales, north-west of Idlib city, on 6 November 2023 killed at "
    "least 10 civilians, including four children and a woman, Amnesty International said "
    "today.\n\n"
    "Background\n\n"
    "On 5 October 2023, Syrian government shelling on Idlib city killed 11 civilians, "
    "including five children, in a separate attack.\n\n"
    "The attack on Maram camp\n\n"
    "Residents said the first rockets hit the camp at around 5:40 am on 6 November, while "
    "most families were asleep. A woman told Amnesty International that her two sons were "
    "killed when submunitions struck their tent in Maram camp.\n"
)


def test_a_report_names_the_attacker_before_its_means() -> None:
    c = primary(REPORT)
    assert c.perpetrator.group == "syrian_government"
    assert c.killed.civilians is not None and c.killed.civilians.min == 10


def test_a_camp_named_like_a_village_far_away_is_not_that_village() -> None:
    names = [p.name for c in claims_of(REPORT) for p in c.places]
    assert "Mukharram al Fawqani" not in names
    assert "Kafr Jalis" in names


def test_a_day_with_no_year_takes_the_year_of_the_nearest_date_before_or_after_it() -> None:
    days = {c.date.start for c in claims_of(REPORT) if c.date is not None}
    assert days == {dt.date(2023, 11, 6), dt.date(2023, 10, 5)}


# --- a briefing's fields, the author's "our", a thread's "both killed" -----------------------------


def test_a_briefings_spokesperson_field_is_not_its_claimant() -> None:
    c = primary(
        "OHCHR Press briefing notes on Syria\nSpokesperson: Ravina Shamdasani\nLocation: Geneva\n"
        "Date: 10 October 2023\nWe are deeply alarmed by the escalation of hostilities. Since 5 "
        "October, our Office has verified that at least 23 civilians, including 6 children, were "
        "killed in Idlib governorate in strikes by government forces."
    )
    assert (c.claimant.name, c.claimant.type) == (
        "Office of the UN High Commissioner for Human Rights",
        "un",
    )


def test_our_teams_are_the_pages_author() -> None:
    c = primary(
        "The White Helmets\nOur teams have documented that 5 civilians were killed in Russian "
        "strikes on Ariha."
    )
    assert c.claimant.type == "ngo" and c.claimant.name is not None
    assert "White Helmets" in c.claimant.name


@pytest.mark.parametrize(
    ("text", "outcome", "n"),
    [
        (
            "1/3 A Turkish drone just hit a car in the centre of #Qamishli near the Kornish "
            "roundabout. 2 people inside, both killed. Ambulances on site.",
            "killed",
            2,
        ),
        ("A drone struck a car near Binnish carrying five men, all of them wounded.", "injured", 5),
    ],
)
def test_what_befell_all_of_them_is_told_after_the_count(text: str, outcome: str, n: int) -> None:
    c = primary(text)
    figure = getattr(c, outcome).total
    assert figure is not None and figure.min == n


# --- army units by number, and the attacker of an event a sentence dates itself by ---------------


@pytest.mark.parametrize(
    "text",
    [
        "The Russian-backed 5th Corps raided a house in Busra al-Sham, killing two young men.",
        "The 25th Division shelled Kansafra in Jabal al-Zawiya, killing two civilians.",
        "Fourth Division checkpoints opened fire on a car near al-Sanamayn, killing two men.",
    ],
)
def test_the_armys_numbered_units_are_the_governments(text: str) -> None:
    assert primary(text).perpetrator.group == "syrian_government"


def test_the_attacker_of_the_event_a_sentence_dates_itself_by_is_not_this_ones() -> None:
    c = primary(
        "Just days after a deadly Assad regime chemical attack, a woman was killed and 25 others "
        "were wounded when a bomb exploded on a bus south of Homs."
    )
    assert c.perpetrator.group == "unknown"


# --- a day's or a month's toll over a country, and the incidents it lists ----------------------------


def test_a_daily_toll_headline_yields_to_the_first_incident_it_lists() -> None:
    c = primary(
        "Daily toll | 14 people killed across Syria\nSOHR has documented the death of 14 people "
        "across Syrian territory today. The toll includes: 3 civilians killed by regime shelling "
        "on Al-Bara in Jabal Al-Zawiyah; 2 SDF members killed by a Turkish drone in Tal Tamr "
        "countryside."
    )
    assert c.killed.total is not None and c.killed.total.min == 3
    assert c.perpetrator.group == "syrian_government"


def test_a_months_account_yields_to_the_attack_it_details() -> None:
    c = primary(
        "Turkish occupation attacks on North and East Syria in October: 42 killed\n"
        "In October, the Turkish occupation army carried out 180 attacks on North and East "
        "Syria, killing 42 people, including 15 civilians. The most violent attack was on "
        "October 5, when Turkish warplanes struck the Swediyah gas station near Derik, killing 6 "
        "workers."
    )
    assert c.killed.total is not None and c.killed.total.min == 6
    assert c.places[0].name == "Al Malikiyah"


@pytest.mark.parametrize(
    ("text", "group"),
    [
        (
            "Drone strike on a car near #Binnish on the Idlib road, two killed, car completely "
            "burned. Coalition drone according to observatories #Idlib",
            "us_led_coalition",
        ),
        (
            "The SDF, according to local sources, raided the village of Dhiban, killing two men.",
            "sdf_ypg",
        ),
        (
            "SDF Press Center\nAt dawn today, ISIS terrorist cells attacked one of our points in "
            "the town of Shuhayl. Our fighters responded to the attack; 5 of our comrades were "
            "martyred.",
            "isis",
        ),
    ],
)
def test_the_attacker_named_beside_an_according_to(text: str, group: str) -> None:
    assert primary(text).perpetrator.group == group


@pytest.mark.parametrize(
    ("text", "killed", "children", "injured"),
    [
        ("⚡️ A child martyr and 3 wounded in regime artillery shelling on #Ariha city.", 1, 1, 3),
        ("Two civilian martyrs and five wounded in Russian airstrikes on Sarmin.", 2, None, 5),
    ],
)
def test_martyrs_named_by_who_they_were(
    text: str, killed: int, children: int | None, injured: int
) -> None:
    c = primary(text)
    assert c.killed.total is not None and c.killed.total.min == killed
    assert (c.killed.children.min if c.killed.children else None) == children
    assert c.injured.total is not None and c.injured.total.min == injured


def test_the_turkish_ministry_by_its_turkish_initials_admits_its_operation() -> None:
    c = primary(
        "MSB: 12 PKK/YPG terrorists who attempted to infiltrate the Euphrates Shield area were "
        "neutralized by our heroic commandos."
    )
    assert (c.claimant.name, c.perpetrator.group, c.stance) == (
        "Turkish Ministry of National Defence",
        "turkey",
        "admits",
    )
    assert c.killed.combatants is not None and c.killed.combatants.min == 12


def test_a_party_that_says_it_struck_is_named_not_it() -> None:
    c = primary(
        "The IDF said it eliminated the commander of Hamas's rocket unit in a strike on a house "
        "in Khan Yunis. Palestinian medics said 8 people, including 3 children, were killed in "
        "the strike."
    )
    assert (c.perpetrator.name, c.perpetrator.group) == ("IDF", "israel")


@pytest.mark.parametrize(
    ("text", "name", "group"),
    [
        (
            "The coalition said its strike near Hajin targeted ISIS fighters. Local sources said "
            "four civilians, including two children, were killed.",
            "coalition",
            "us_led_coalition",
        ),
        (
            "Eyewitnesses said the helicopters belonged to the US-led coalition. Two men were "
            "killed in the raid on the house in Atmeh.",
            "US-led coalition",
            "us_led_coalition",
        ),
        (
            "A drone believed to belong to the international coalition targeted a car near "
            "Binnish, killing two.",
            "international coalition",
            "us_led_coalition",
        ),
    ],
)
def test_a_party_named_by_its_means_or_its_possessive(text: str, name: str, group: str) -> None:
    c = primary(text)
    assert (c.perpetrator.name, c.perpetrator.group) == (name, group)


def test_hezbollahs_fighters_by_their_own_name_speak_for_a_party() -> None:
    c = primary(
        "The Islamic Resistance announced the martyrdom of two fighters in an Israeli strike on "
        "Nabatieh."
    )
    assert (c.claimant.name, c.claimant.type) == ("Islamic Resistance", "party_to_conflict")
    assert c.perpetrator.group == "israel"
