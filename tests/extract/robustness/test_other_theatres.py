"""Reports from the other theatres a monitor follows (Lebanon, Gaza, Yemen, northern Iraq) and
the sources that speak there.

- A lower-case source after a comma ends the sentence's subject: "…, state media reported".
- "…, according to Syrian state media, which said …": the relative clause's speaker is the
  source it hangs on, not the sentence's subject.
- A detention centre hit by a strike is the target, not a detention.
- South Lebanon's villages, Beirut's southern suburbs, Gaza City's neighbourhoods and Yemen's
  Ras Isa port resolve to points.
- Palestinian and other national humanitarian bodies are sources of their own; a report title
  that opens with its author's name names the claimant.

Every text is written for this suite.
"""

from __future__ import annotations

import datetime as dt

import pytest

from factfinder.extract.pipeline import extract_document
from factfinder.extract.publishers import source_named_by
from factfinder.geo.distance import distance_km
from factfinder.model import Claim, Document

DAY = dt.date(2024, 10, 10)


def claims_of(text: str, published: dt.date | None = None) -> list[Claim]:
    return list(extract_document(Document(id="t", text=text, published=published)).claims)


def primary(text: str, published: dt.date | None = DAY) -> Claim:
    claims = claims_of(text, published)
    lead = [c for c in claims if c.primary]
    assert len(lead) == 1, claims
    return lead[0]


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        (
            "An Israeli airstrike killed three people in the town of Khiam in south Lebanon on "
            "Thursday, state media reported.",
            "state media",
        ),
        (
            "A drone strike killed two men near the market on Monday, hospital officials said.",
            "hospital officials",
        ),
        (
            "An Israeli air strike on a car in the southern Syrian province of Quneitra killed "
            "three people on Wednesday, according to Syrian state media, which said the victims "
            "were civilians.",
            "Syrian state media",
        ),
    ],
)
def test_the_source_is_the_phrase_that_speaks(text: str, claimant: str) -> None:
    c = primary(text)
    assert c.claimant is not None
    assert c.claimant.name == claimant
    assert c.killed.total is not None


def test_a_strike_on_a_detention_centre_is_a_strike() -> None:
    c = primary(
        "A U.S. strike on a migrant detention centre in Saada killed 68 African migrants, the "
        "Houthis said.",
        dt.date(2025, 4, 28),
    )
    assert c.event_type == "airstrike"
    assert c.killed.total is not None and c.killed.total.min == 68


def test_an_arrest_is_still_a_detention() -> None:
    c = primary("Security forces arrested 12 young men in a raid on the town, activists said.")
    assert c.event_type == "detention"


@pytest.mark.parametrize(
    ("text", "name", "point"),
    [
        (
            "An Israeli airstrike killed three people in the town of Khiam in south Lebanon on "
            "Thursday, state media reported.",
            "Khiam",
            (33.33, 35.61),
        ),
        (
            "An Israeli strike on a house in the southern Lebanese town of Aitaroun killed five "
            "people, including two children, Lebanon's health ministry said.",
            "Aitaroun",
            (33.12, 35.47),
        ),
        (
            "Israeli strikes on Beirut's southern suburbs killed six people overnight, Lebanon's "
            "health ministry said.",
            "Dahiyeh",
            (33.85, 35.51),
        ),
        (
            "An airstrike on a house in the Shujaiya neighbourhood of Gaza City killed seven "
            "members of one family, the civil defence said.",
            "Shejaiya",
            (31.50, 34.48),
        ),
        (
            "U.S. strikes on Yemen's Ras Isa fuel port killed 74 people and wounded 171, the "
            "Houthi-run health ministry said.",
            "Ras Isa",
            (15.12, 42.83),
        ),
        (
            "The number of civilians killed by the Turkish drone attack on the vicinity of "
            "Zirgan town has risen to four, the local council said.",
            "Zarkan",
            (36.83, 40.34),
        ),
    ],
)
def test_places_of_the_other_theatres_resolve(
    text: str, name: str, point: tuple[float, float]
) -> None:
    c = primary(text)
    assert c.places, c
    first = c.places[0]
    assert first.name.split(",")[0] == name
    assert first.lat is not None and first.lon is not None
    assert distance_km(first.lat, first.lon, *point) < 10


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Palestine Red Crescent Society", "Palestine Red Crescent Society"),
        ("the Palestinian Red Crescent", "Palestine Red Crescent Society"),
        ("Syrian Arab Red Crescent", "Syrian Arab Red Crescent"),
        ("Lebanese Red Cross", "Lebanese Red Cross"),
        ("Al Mezan Center for Human Rights", "Al Mezan Center for Human Rights"),
        ("B'Tselem", "B'Tselem"),
        ("PCHR", "Palestinian Centre for Human Rights"),
        ("Shafaq News", "Shafaq News"),
    ],
)
def test_national_societies_and_local_bodies_are_sources_of_their_own(
    name: str, expected: str
) -> None:
    source = source_named_by(name)
    assert source is not None
    assert source.name == expected


def test_a_report_title_that_opens_with_its_author_names_the_claimant() -> None:
    c = primary(
        "PCHR Weekly Report On Israeli Human Rights Violations in the occupied Palestinian "
        "territory (13 - 19 May 2021)\n"
        "During the reporting period, Israeli occupation forces killed 42 Palestinians in the "
        "Gaza Strip, including 10 children and 6 women, in airstrikes on residential buildings.",
        None,
    )
    assert c.claimant is not None
    assert c.claimant.name == "Palestinian Centre for Human Rights"
    assert c.claimant.type == "ngo"
    assert c.perpetrator is not None and c.perpetrator.group == "israel"


def test_an_outlet_s_name_before_report_is_no_author() -> None:
    c = primary(
        "Reuters Report: Syrian strikes hit Idlib\n"
        "Airstrikes killed nine civilians in the town of Ariha on Tuesday, the Syrian "
        "Observatory for Human Rights said."
    )
    assert c.claimant is not None
    assert c.claimant.name == "Syrian Observatory for Human Rights"


@pytest.mark.parametrize(
    "text",
    [
        "A drone attack killed three U.S. service members at a base in northeast Jordan, "
        "officials said.",
        "A drone attack killed three U.S. soldiers at a base in northeast Jordan, officials said.",
        "A drone attack killed three US service members at a base in northeast Jordan, "
        "officials said.",
    ],
)
def test_a_dotted_acronym_before_the_noun_keeps_the_count(text: str) -> None:
    c = primary(text)
    assert c.killed.combatants is not None and c.killed.combatants.min == 3
    # the state that sent them is no place of the attack
    assert [p.name for p in c.places] == ["Jordan"]


@pytest.mark.parametrize(
    ("text", "group"),
    [
        (
            "An Israel-attributed strike on the outskirts of Damascus killed two Iranian "
            "military advisers, Iran's Revolutionary Guards said.",
            "israel",
        ),
        (
            "A drone attack by Iran-backed militants killed three U.S. service members at a "
            "base in northeast Jordan, officials said.",
            "iran",
        ),
    ],
)
def test_attributed_and_backed_attackers(text: str, group: str) -> None:
    c = primary(text)
    assert c.perpetrator is not None
    assert c.perpetrator.group == group


def test_a_family_named_by_its_head_s_trade_counts_everyone() -> None:
    c = primary(
        "Jordanian warplanes struck a house in Sweida province on Monday, killing a drug "
        "smuggler, his wife and their six children, local sources said."
    )
    assert c.killed.total is not None and c.killed.total.min == 8
    assert c.killed.children is not None and c.killed.children.min == 6
    assert c.killed.women is not None and c.killed.women.min == 1


def test_a_reading_time_in_the_byline_leaves_the_date_as_the_page_s() -> None:
    c = primary(
        "By Staff Writer | 2 min read | 06 Oct 2023\n"
        "Turkish drones struck several sites in the countryside of Qamishli on Thursday, "
        "killing nine people, the SDF said.",
        None,
    )
    assert c.date is not None
    assert c.date.start == dt.date(2023, 10, 5)  # the Thursday before the page's Friday


def test_a_date_in_brackets_after_a_place_is_no_age() -> None:
    c = primary(
        "Syria: Turkish drone kills two civilians near Kobani (14.01.2024)\n"
        "A Turkish drone strike on a car near Kobani killed two civilians on Sunday, local "
        "sources said.",
        None,
    )
    assert c.killed.civilians is not None and c.killed.civilians.min == 2
    assert c.killed.children is None
    assert c.date is not None and c.date.start == dt.date(2024, 1, 14)


NGO_RELEASE = (
    "Syria: Russian-Syrian Strikes on Idlib Market Unlawful\n"
    "Attack Killed 15 Civilians, Including 4 Children\n"
    "(Beirut, December 12, 2021) – A Russian-Syrian military alliance airstrike on a crowded "
    "vegetable market in the town of Maarat Misrin in Idlib governorate on November 11, 2021, "
    "killed 15 civilians, including 4 children, and wounded at least 30, Human Rights Watch "
    "said today.\n"
    "Two weeks earlier, on October 20, a strike on the city of Ariha killed 11 civilians, "
    "according to the White Helmets.\n"
)


def test_an_ngo_dateline_with_its_date_is_the_release_s_not_the_attack_s() -> None:
    c = primary(NGO_RELEASE, None)
    assert c.date is not None and c.date.start == dt.date(2021, 11, 11)
    assert "Beirut" not in [p.name for p in c.places]
    assert c.killed.civilians is not None and c.killed.civilians.min == 15


def test_witnesses_an_organisation_interviewed_are_its_evidence() -> None:
    c = primary(
        "On 1 January 2022, Syrian government forces shelled a residential neighbourhood in "
        "the town of Darat Izza in western Aleppo, killing two civilians, according to "
        "witnesses Amnesty International interviewed.",
        None,
    )
    assert c.claimant is not None
    assert c.claimant.name == "Amnesty International"
    assert c.claimant.type == "ngo"


@pytest.mark.parametrize(
    "follower",
    [
        "The strike took place on Nov. 15, 2020, near Hajin, Syria.",
        "It happened on 15 November 2020 near Hajin, Syria.",
    ],
)
def test_the_sentence_that_says_when_it_happened_dates_the_incident(follower: str) -> None:
    c = primary(
        "CJTF-OIR Monthly Civilian Casualty Report\n"
        "One report was assessed as credible, resulting in 1 civilian killed. " + follower,
        None,
    )
    assert c.date is not None and c.date.start == dt.date(2020, 11, 15)
    assert c.places and c.places[0].name == "Hajin"


def test_a_later_sentence_about_something_else_does_not_date_the_incident() -> None:
    c = primary(
        "An airstrike killed four civilians in the town of Ariha.\n"
        "The town was captured by rebels on 28 May 2015.",
        None,
    )
    assert c.date is None


def test_the_other_side_s_account_takes_the_day_of_the_incident_it_retells() -> None:
    claims = claims_of(
        (
            "An Israeli strike on a tent camp for displaced people in Rafah's Tal al-Sultan "
            "neighbourhood killed at least 45 people, Palestinian health officials said. The "
            "Israeli army said it had targeted a Hamas compound and killed two senior Hamas "
            "officials."
        ),
        dt.date(2024, 5, 27),
    )
    assert len(claims) == 2
    army = claims[1]
    assert army.claimant.name == "Israeli army"
    assert army.stance == "admits"
    assert army.date is not None and army.date.start == dt.date(2024, 5, 27)


def test_a_place_inside_the_governorate_named_before_it_comes_first() -> None:
    c = primary(
        "ERBIL, Kurdistan Region - Two people were killed and three others injured when a "
        "Turkish drone struck a vehicle in Sulaimani province's Penjwen district on Sunday "
        "evening, a local official told Rudaw."
    )
    assert [p.precision for p in c.places][:2] == ["district", "governorate"]
    assert c.places[0].admin1 == c.places[1].admin1


def test_the_forces_that_speak_are_the_forces_named_before() -> None:
    c = primary(
        "QAMISHLI, Syria (North Press) – Nine members of the Internal Security Forces (Asayish) "
        "were killed on Saturday in Turkish drone strikes targeting their checkpoints in the "
        "countryside of Qamishli, the forces said in a statement."
    )
    assert c.claimant is not None
    assert c.claimant.name == "Internal Security Forces"


@pytest.mark.parametrize(
    "text",
    [
        "SOHR has documented the deaths of 15 people across Syrian territory on Friday, "
        "including 7 civilians.",
        "Daily death toll | 7 civilians among 15 people killed across Syrian territory",
    ],
)
def test_people_of_whom_some_are_said_to_be_civilians_are_not_all_presumed_civilians(
    text: str,
) -> None:
    c = primary(text)
    assert c.killed.total is not None and c.killed.total.min == 15
    assert c.killed.civilians is not None and c.killed.civilians.min == 7


def test_a_civilian_trade_among_the_dead_still_lets_the_rest_be_presumed_civilians() -> None:
    c = primary(
        "Two medics were among 31 people killed in the shelling of the town, activists said."
    )
    assert c.killed.civilians is not None and c.killed.civilians.min == 31


def test_a_digest_s_lines_in_two_governorates_are_two_incidents() -> None:
    claims = claims_of(
        "Idlib: Three civilians, including a child, were killed in regime shelling on "
        "Al-Bara village in Jabal Al-Zawiya.\n"
        "Aleppo: A child was killed by a landmine explosion in Maskanah countryside."
    )
    assert [(c.event_type, c.killed.total.min if c.killed.total else None) for c in claims] == [
        ("shelling", 3),
        ("explosion", 1),
    ]
    assert claims[1].places[0].name == "Maskanah"


@pytest.mark.parametrize(
    "text",
    [
        "Eight members of regime forces were killed in attacks by ISIS cells in the Syrian desert.",
        "Eight members of the government forces were killed in an ambush near Palmyra.",
    ],
)
def test_members_of_a_force_named_in_lower_case_are_its_fighters(text: str) -> None:
    c = primary(text)
    assert c.killed.combatants is not None and c.killed.combatants.min == 8


def test_an_arabic_breakdown_called_civilians_keeps_the_others_unpresumed() -> None:
    c = primary("مقتل 15 شخصاً بينهم 7 مدنيين بقصف مدفعي على بلدة سرمين")
    assert c.killed.total is not None and c.killed.total.min == 15
    assert c.killed.civilians is not None and c.killed.civilians.min == 7
    children = primary("مقتل 15 شخصاً بينهم طفلان بقصف مدفعي على بلدة سرمين")
    assert children.killed.civilians is not None and children.killed.civilians.min == 15


def test_a_state_that_has_carried_out_strikes_is_their_attacker() -> None:
    c = primary(
        "Israel has carried out more than 350 strikes across Syria in 48 hours, hitting air "
        "defences and weapons depots, killing two guards in Latakia, the Israeli military said."
    )
    assert c.perpetrator is not None and c.perpetrator.group == "israel"


def test_an_administration_described_by_who_leads_it_speaks() -> None:
    c = primary(
        "Turkish drone strikes on a convoy of civilians heading to the Tishreen Dam killed six "
        "people and wounded 15, the Kurdish-led administration said."
    )
    assert c.claimant is not None and c.claimant.name == "Kurdish-led administration"


INVESTIGATION = (
    "Northeast Syria: Turkish Strikes on Civilian Infrastructure\n"
    "(Beirut, October 26, 2023) – Turkish drone and air strikes on northeast Syria since "
    "October 5, 2023, have damaged critical infrastructure, Human Rights Watch said today.\n"
    "Human Rights Watch documented a strike on October 5 on the Suwaydiyah gas facility near "
    "Qahtaniyah that killed 11 workers and a strike on October 8 on the Alouk water station.\n"
    "On October 5, at about 11 p.m., a Turkish drone struck the Suwaydiyah gas facility, "
    "killing 11 workers and injuring 5 others, according to two witnesses and the facility's "
    "director.\n"
)


def test_the_witnesses_an_investigation_cites_are_its_evidence() -> None:
    claims = claims_of(INVESTIGATION)
    assert {c.claimant.name for c in claims} == {"Human Rights Watch"}


def test_a_denial_of_its_own_aircraft_names_the_denier_s_side() -> None:
    c = primary(
        "The Turkish General Staff said claims that its aircraft struck a hospital in Afrin were "
        "baseless and that only terrorist targets had been hit on Friday."
    )
    assert c.stance == "denies"
    assert c.perpetrator is not None and c.perpetrator.group == "turkey"


def test_a_party_that_says_they_fired_admits() -> None:
    c = primary(
        "The Revolutionary Guards said they fired seven missiles at a meeting of terrorist "
        "groups in Koysinjaq, northern Iraq, in response to attacks on Iran's border."
    )
    assert c.stance == "admits"
    assert c.perpetrator is not None and c.perpetrator.group == "iran"


@pytest.mark.parametrize(
    "text",
    [
        "Douma now: barrel bombs and artillery, dozens of martyrs in the market area. #Douma",
        "قصف بالبراميل المتفجرة على مدينة داريا ومقتل 5 مدنيين",
    ],
)
def test_barrel_bombs_are_a_weapon_and_name_nobody(text: str) -> None:
    c = primary(text)
    assert "barrel bomb" in c.weapons
    # the text names no attacker: who used them is the analyst's inference, not the claim's
    assert c.perpetrator is None or c.perpetrator.group == "unknown"


def test_koya_is_koysinjaq() -> None:
    c = primary("BREAKING: missiles hit KDPI headquarters in #Koya, at least 14 killed.")
    assert c.places and c.places[0].name == "Koysinceq"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "وزارة الصحة - غزة\nمستشفى شهداء الأقصى: وصول 12 شهيدا بينهم 5 أطفال جراء قصف "
            "الاحتلال منزلا لعائلة في دير البلح",
            "Dayr al Balah",
        ),
        ("استشهاد 3 مواطنين بغارة للعدوان الأمريكي على مدينة الحديدة غربي اليمن", "Al Hudaydah"),
        ("غارة إسرائيلية على بلدة الخيام جنوب لبنان تقتل شخصين", "Khiam"),
        ("استشهاد 5 مواطنين في قصف على حي الشجاعية شرق مدينة غزة", "Shejaiya"),
    ],
)
def test_arabic_names_of_the_other_theatres_towns(text: str, name: str) -> None:
    c = primary(text)
    assert c.places and c.places[0].name == name


def test_an_arabic_town_of_another_theatre_needs_its_theatre_named() -> None:
    c = primary("وصول 12 شهيدا جراء قصف منزل في دير البلح")
    assert all(p.country != "PS" for p in c.places)


def test_a_camp_only_gaza_has_names_its_theatre() -> None:
    c = primary(
        "The Israeli occupation bombed a house belonging to the Al-Masri family in the "
        "Al-Nuseirat camp, killing 9 and injuring dozens."
    )
    assert c.places and c.places[0].name == "An Nusayrat"


def test_a_command_that_initiated_strikes_is_their_attacker() -> None:
    c = primary(
        "TAMPA, Fla. - On March 15, U.S. Central Command initiated a series of operations "
        "consisting of precision strikes against Iran-backed Houthi targets across Yemen. The "
        "Houthi-run health ministry claimed 31 people were killed, including women and children.",
        dt.date(2025, 3, 16),
    )
    assert c.perpetrator is not None and c.perpetrator.group == "us_led_coalition"
    assert c.claimant is not None and c.claimant.name == "Houthi-run health ministry"


def test_a_lawmaker_s_toll_and_the_command_s_denial_are_two_claims() -> None:
    claims = claims_of(
        (
            "A U.S. airstrike killed at least five civilians, including three children, in "
            "the Lower Shabelle region of Somalia, relatives and a local lawmaker said, while "
            "U.S. Africa Command said it had killed two al-Shabaab militants and that no "
            "civilians were harmed."
        ),
        dt.date(2024, 3, 18),
    )
    assert [(c.claimant.name, c.stance) for c in claims] == [
        ("local lawmaker", "alleges"),
        ("U.S. Africa Command", "denies"),
    ]
    assert claims[0].killed.civilians is not None and claims[0].killed.civilians.min == 5
    assert claims[1].killed.combatants is not None and claims[1].killed.combatants.min == 2
    assert claims[1].killed.civilians is None


def test_another_attacker_s_act_after_while_is_told_on_its_own() -> None:
    claims = claims_of(
        "Opposition factions fired shells on al-Hamdaniyah in Aleppo city, killing 4 "
        "people, while regime forces shelled the western countryside, killing two."
    )
    assert [
        (c.perpetrator.group, c.killed.total.min if c.killed.total else None) for c in claims
    ] == [
        ("armed_opposition", 4),
        ("syrian_government", 2),
    ]


def test_the_body_an_anaphor_names_speaks_not_the_last_speaker() -> None:
    claims = claims_of(
        (
            "Four children were killed on Thursday when a Turkish drone targeted a school in "
            "Tal Tamr, a medical source told North Press.\n"
            "Earlier on Tuesday, a Turkish drone strike killed two members of the Syriac "
            "Military Council near the town, the council said."
        ),
        dt.date(2022, 8, 18),
    )
    assert [c.claimant.name for c in claims] == ["medical source", "Syriac Military Council"]


def test_a_commission_that_found_speaks() -> None:
    c = primary(
        "The UN Commission of Inquiry found that on 16 May 2019, government forces dropped barrel "
        "bombs on a residential area of Kafr Nabudah, killing four civilians, including a woman "
        "and her two children."
    )
    assert c.claimant is not None and c.claimant.name == "UN Commission of Inquiry"
    assert c.claimant.type == "un"


def test_an_incident_inside_a_period_s_total_is_its_own_claim() -> None:
    claims = claims_of(
        (
            "UNICEF Executive Director Catherine Russell said that more than 200 children had "
            "been killed in Lebanon in less than two months, including 13 children killed "
            "yesterday in an airstrike in the village of Almat."
        ),
        dt.date(2024, 11, 15),
    )
    assert len(claims) == 2
    (lead,) = [c for c in claims if c.primary]
    assert lead.killed.children is not None and lead.killed.children.min == 13
    assert lead.date is not None and lead.date.start == dt.date(2024, 11, 14)
    assert lead.places and lead.places[0].name == "Almat"


def test_a_party_s_release_then_another_claimant_s_figures_are_two_claims() -> None:
    claims = claims_of(
        "Israel Defense Forces\n@IDF\nIDF fighter jets struck a Hamas command and control "
        "center embedded inside a former school in Gaza City overnight. The Gaza health "
        "ministry said 22 people, including 13 children, were killed in the strike on the "
        "school."
    )
    assert [(c.claimant.name, c.stance) for c in claims] == [
        ("Israel Defense Forces", "admits"),
        ("Gaza health ministry", "alleges"),
    ]
    assert claims[1].primary and claims[1].killed.children.min == 13  # type: ignore[union-attr]


def test_people_killed_against_the_attacker_s_militants_are_two_accounts() -> None:
    claims = claims_of(
        (
            "Civil defence spokesman Mahmoud Basal said more than 90 people were killed when "
            "Israeli strikes hit the al-Tabi'in school in Gaza City's Daraj neighbourhood. The "
            "Israeli military said it had hit a Hamas command centre and killed at least 19 "
            "militants, calling the Gaza figures exaggerated."
        ),
        dt.date(2024, 8, 10),
    )
    assert len(claims) == 2
    military = claims[1]
    assert military.claimant.name == "Israeli military"
    assert military.killed.combatants is not None and military.killed.combatants.min == 19
    assert military.killed.civilians is None
    assert military.date is not None and military.date.start == dt.date(2024, 8, 10)


def test_near_the_town_is_the_town_told_just_before() -> None:
    claims = claims_of(
        (
            "Four children were killed on Thursday when a Turkish drone targeted a school in "
            "Tal Tamr, a medical source told North Press.\n"
            "Earlier on Tuesday, a Turkish drone strike killed two members of the Syriac "
            "Military Council near the town, the council said."
        ),
        dt.date(2022, 8, 18),
    )
    assert claims[1].places and claims[1].places[0].name == "Tal Tamr"


def test_an_account_named_in_two_scripts_is_known() -> None:
    c = primary(
        "Twitter\nSyrian Civil Defense | الدفاع المدني السوري\n@SyriaCivilDefAr\n"
        "استشهد 4 مدنيين بينهم طفلان وأصيب 6 آخرون بقصف صاروخي لقوات النظام على مدينة #أريحا "
        "جنوبي #إدلب، صباح اليوم.\n11:23 AM · Sep 20, 2021",
        None,
    )
    assert c.claimant is not None and c.claimant.name == "Syria Civil Defence (White Helmets)"
