"""Forms of security statements, local networks and wire copy that hid a figure, a place, a date
or a source.

- Nominal outcomes: "resulting in the martyrdom of two fighters and the injury of three others";
  the others of fighters are fighters.
- "military advisers" killed are combatants.
- "An airstrike near Damascus killed two …": a capital after a locative is the place of the
  strike, not its government ("Damascus said" still is).
- A date in brackets ending a capture is the page's own date: "… rocket shells. (March 9, 2022)".
- A local network with a number in its name speaks: "the Daraa 24 network reported",
  "Kurdistan 24 reported".
- "Gunmen raided a house …, killing": a ground assault, not an unknown event.
- A breakdown in a sentence of its own ("Three of the dead were farmers", "Three of them were
  children") breaks down the toll told before it; it adds no dead.

Every text is written for this suite.
"""

from __future__ import annotations

import datetime as dt

import pytest

from factfinder.extract.pipeline import extract_document
from factfinder.model import Claim, Document

DAY = dt.date(2024, 3, 2)


def primary(text: str, published: dt.date | None = DAY) -> Claim:
    claims = extract_document(Document(id="t", text=text, published=published)).claims
    lead = [c for c in claims if c.primary]
    assert len(lead) == 1, claims
    return lead[0]


def figure(c: Claim, outcome: str, victims: str) -> int | None:
    r = getattr(getattr(c, outcome), victims)
    return None if r is None else r.min


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        (
            "Security Media Cell: A terrorist attack targeted a vehicle of the Popular "
            "Mobilization Forces near Tarmiyah, resulting in the martyrdom of two fighters and "
            "the injury of three others.",
            2,
            3,
        ),
        (
            "A roadside bomb struck an army patrol near Tarmiyah, resulting in the death of four "
            "soldiers and the wounding of five others, the ministry said.",
            4,
            5,
        ),
    ],
)
def test_nominal_outcomes_count_fighters_and_their_others(
    text: str, killed: int, injured: int
) -> None:
    c = primary(text)
    assert figure(c, "killed", "total") == killed
    assert figure(c, "killed", "combatants") == killed
    assert figure(c, "injured", "total") == injured
    assert figure(c, "injured", "combatants") == injured
    assert figure(c, "killed", "civilians") is None


def test_military_advisers_are_combatants_and_a_political_adviser_is_not() -> None:
    c = primary("An Israeli airstrike near Damascus killed two Iranian military advisers.")
    assert figure(c, "killed", "combatants") == 2
    assert c.perpetrator is not None and c.perpetrator.group == "israel"
    c = primary("A car bomb in Aleppo killed a political adviser and his driver.")
    assert figure(c, "killed", "combatants") is None


@pytest.mark.parametrize("prep", ["near", "outside", "south of", "in"])
def test_a_capital_after_a_locative_is_the_place_of_the_strike(prep: str) -> None:
    c = primary(
        f"An Israeli airstrike {prep} Damascus killed two officers of the Revolutionary Guards."
    )
    assert [p.name for p in c.places] == ["Damascus"]
    assert figure(c, "killed", "combatants") == 2


def test_a_capital_that_speaks_is_still_its_government() -> None:
    c = primary("Damascus said an Israeli airstrike killed two soldiers in Quneitra on Monday.")
    assert "Damascus" not in [p.name for p in c.places]


def test_a_bracketed_date_ending_the_capture_dates_an_undated_page() -> None:
    c = primary(
        "SANA – Two civilians were martyred and five others were injured on Wednesday as "
        "terrorists targeted residential neighborhoods of Aleppo city with rocket shells. "
        "(March 9, 2022)",
        published=None,
    )
    assert c.date is not None
    assert (c.date.start, c.date.end) == (dt.date(2022, 3, 9), dt.date(2022, 3, 9))


def test_a_bracketed_date_inside_a_sentence_is_not_the_page_s_date() -> None:
    c = primary(
        "Two civilians were killed on Wednesday (March 9, 2022) when shells hit Aleppo, a "
        "source said. Residents fled the next day.",
        published=None,
    )
    assert c.date is not None and c.date.start == dt.date(2022, 3, 9)  # read as prose, same day


@pytest.mark.parametrize(
    ("source", "name", "kind"),
    [
        ("the Daraa 24 network", "Daraa 24 network", "media"),
        ("the Horan Free League network", "Horan Free League network", "media"),
        ("Kurdistan 24", "Kurdistan 24", "media"),
    ],
)
def test_a_local_network_with_a_number_in_its_name_speaks(
    source: str, name: str, kind: str
) -> None:
    c = primary(f"Gunmen shot dead a man in the town of Tafas on Sunday, {source} reported.")
    assert c.claimant.name == name
    assert c.claimant.type == kind


def test_a_year_before_a_name_is_not_part_of_it() -> None:
    c = primary(
        "A drone strike killed three civilians near Idlib on Monday. In 2019 Reuters reported "
        "a strike on the same road."
    )
    assert c.claimant.name != "In 2019 Reuters"


def test_gunmen_who_raid_a_house_and_kill_carry_out_a_ground_assault() -> None:
    c = primary(
        "Gunmen raided a house in the town of Tafas in Daraa countryside overnight, killing a "
        "father and his two sons, local sources said."
    )
    assert c.event_type == "shooting"
    assert figure(c, "killed", "total") == 3


def test_a_raid_with_arrests_stays_a_detention() -> None:
    c = primary("Security forces raided homes in Tafas on Sunday and arrested 12 young men.")
    assert c.event_type == "detention"


@pytest.mark.parametrize(
    ("second", "victims", "n"),
    [
        ("Three of them were children.", "children", 3),
        ("Three of the dead were children.", "children", 3),
        ("Among the dead were three children.", "children", 3),
    ],
)
def test_a_breakdown_of_its_own_breaks_down_the_toll_before_it(
    second: str, victims: str, n: int
) -> None:
    c = primary(f"An airstrike near Jilib on Tuesday killed seven people. {second}")
    assert figure(c, "killed", "total") == 7
    assert figure(c, "killed", victims) == n


def test_a_breakdown_of_fighters_dead_adds_no_dead() -> None:
    c = primary(
        "AFRICOM conducted an airstrike near Jilib on Tuesday, killing four al-Shabaab "
        "militants. Three of the dead were farmers, according to local elders."
    )
    assert figure(c, "killed", "total") == 4
    assert figure(c, "killed", "civilians") == 3
    assert figure(c, "killed", "combatants") == 4


def test_a_breakdown_after_killed_and_wounded_takes_no_outcome() -> None:
    c = primary(
        "Shelling on Ariha killed two people and wounded nine on Monday. Three of them were "
        "children."
    )
    assert figure(c, "killed", "total") == 2
    assert figure(c, "killed", "children") is None
    assert figure(c, "injured", "children") is None


def test_one_of_them_documented_is_no_count() -> None:
    text = (
        "Since April 2019, government forces have conducted hundreds of attacks in Idlib, "
        "killing at least 1,600 civilians. This report documents one of them. On July 22, "
        "airstrikes hit the market in Maarat al-Numan, killing at least 39 civilians."
    )
    claims = extract_document(Document(id="t", text=text, published=DAY)).claims
    assert 1 not in [figure(c, "killed", "total") for c in claims]
    assert figure(primary(text), "killed", "civilians") == 39


def test_a_breakdown_alone_still_counts_its_dead() -> None:
    c = primary("Three of the dead were farmers, local elders said of the strike near Jilib.")
    assert figure(c, "killed", "civilians") == 3


def test_a_ministry_that_says_it_struck_admits_and_another_people_s_officials_speak_apart() -> None:
    text = (
        "The Turkish defense ministry said early Sunday that it carried out air strikes on "
        'bases of Kurdish militants in northern Syria, "neutralizing" 89 terrorists. Kurdish '
        "officials said 11 civilians were killed."
    )
    claims = extract_document(Document(id="t", text=text, published=DAY)).claims
    by_claimant = {c.claimant.name: c for c in claims}
    ministry = by_claimant["Turkish defense ministry"]
    assert ministry.stance == "admits"
    assert ministry.perpetrator.group == "turkey"
    assert figure(ministry, "killed", "total") == 89
    assert figure(ministry, "killed", "combatants") == 89
    officials = by_claimant["Kurdish officials"]
    assert figure(officials, "killed", "civilians") == 11
    assert figure(officials, "killed", "total") == 11


@pytest.mark.parametrize(
    "text",
    [
        "Aircraft of the Russian Aerospace Forces delivered strikes on militant hideouts in "
        "Idlib province, eliminating up to 30 terrorists.",
        "Russian Aerospace Forces aircraft struck hideouts in Idlib, killing 30 terrorists.",
        "The Russian Aerospace Forces struck militant hideouts in Idlib, killing 30 terrorists.",
    ],
)
def test_a_party_s_means_named_around_it_strike_for_it(text: str) -> None:
    c = primary(text)
    assert c.perpetrator.group == "russia"
    assert c.event_type == "airstrike"


def test_a_ministry_s_colon_lead_in_admits_its_aircraft_s_strikes() -> None:
    c = primary(
        "The Ministry of Defence of the Russian Federation: Aircraft of the Russian Aerospace "
        "Forces delivered strikes on militant hideouts in Idlib province, eliminating up to 30 "
        "terrorists."
    )
    assert c.claimant.name == "Ministry of Defence of the Russian Federation"
    assert c.claimant.type == "party_to_conflict"
    assert c.stance == "admits"
    assert c.killed.combatants is not None and c.killed.combatants.max == 30


@pytest.mark.parametrize("state", ["Jordanian", "Lebanese", "Saudi"])
def test_other_states_warplanes_are_other(state: str) -> None:
    c = primary(
        f"A man was killed on Tuesday when {state} warplanes struck a house in the southern "
        "province of Sweida, local activists said."
    )
    assert c.perpetrator.group == "other"


def test_tourists_are_civilians() -> None:
    c = primary(
        "Turkish artillery shelling on a resort in Zakho killed nine tourists on Wednesday, the "
        "Kurdistan Region's interior ministry said."
    )
    assert figure(c, "killed", "civilians") == 9
    assert c.perpetrator.group == "turkey"


def test_an_armed_group_s_units_speak_as_a_party() -> None:
    c = primary(
        "A drone struck a vehicle in Sinjar on Friday, killing three, the Sinjar Resistance "
        "Units said."
    )
    assert c.claimant.name == "Sinjar Resistance Units"
    assert c.claimant.type == "party_to_conflict"


def test_a_relative_mourned_in_an_obituary_is_no_count_of_its_own() -> None:
    c = primary(
        "An airstrike on a house killed 12 people on Saturday, relatives said. An obituary "
        "spoke of the pain of the family on the martyrdom of their brother."
    )
    assert figure(c, "killed", "total") == 12
    assert figure(c, "killed", "civilians") != 1


@pytest.mark.parametrize(
    "page",
    [
        "Two civilians were killed in Russian airstrikes on the outskirts of Idlib yesterday.\n"
        "Nov 15, 2021 | Syria, News",
        "Two civilians were killed in Russian airstrikes on the outskirts of Idlib yesterday.\n"
        "— Syria Civil Defence (@SyriaCivilDef) November 15, 2021",
        "Two civilians were killed in Russian airstrikes on the outskirts of Idlib yesterday "
        "(Sunday), the Observatory said on Monday 15/11/2021.",
    ],
)
def test_an_undated_page_dates_itself_by_its_sections_an_embed_or_a_statement(page: str) -> None:
    c = primary(page, published=None)
    assert c.date is not None
    assert (c.date.start, c.date.end) == (dt.date(2021, 11, 14), dt.date(2021, 11, 14))


def test_a_date_in_prose_before_a_bar_is_not_the_page_s_date() -> None:
    c = primary(
        "Two civilians were killed in Idlib on Nov 15, 2021 | the toll may rise.\n"
        "Another strike hit Ariha yesterday.",
        published=None,
    )
    assert c.date is not None and c.date.start == dt.date(2021, 11, 15)


def test_an_incident_record_s_date_field_is_the_incident_s_day() -> None:
    c = primary(
        "Incident code: CS1234\nDate: December 16, 2019\nLocation: Maarat al-Numan, Idlib "
        "governorate\nBelligerent: Russian Military\nCivilians reported killed: 7\nSummary: "
        "Seven civilians, including three children, were killed when Russian warplanes "
        "targeted a residential neighborhood in the city of Maarat al-Numan, according to "
        "local sources.",
        published=dt.date(2019, 12, 20),
    )
    assert c.date is not None and c.date.start == dt.date(2019, 12, 16)
    assert figure(c, "killed", "children") == 3


def test_the_attacker_s_side_calling_the_dead_fighters_is_its_own_claim() -> None:
    text = (
        "A U.S. drone strike targeted a car on the Idlib-Binnish road on Monday, killing two "
        "men. Local residents said the men were civilians who worked as fuel sellers; CENTCOM "
        "said the strike killed two al-Qaeda operatives."
    )
    claims = extract_document(Document(id="t", text=text, published=DAY)).claims
    assert sorted(figure(c, "killed", "total") or 0 for c in claims) == [2, 2]
    command = next(c for c in claims if c.claimant.name == "CENTCOM")
    assert command.stance == "admits"
    assert figure(command, "killed", "combatants") == 2
    lead = next(c for c in claims if c.primary)
    assert figure(lead, "killed", "combatants") is None


def test_a_party_counting_its_own_dead_beside_civilians_stays_one_claim() -> None:
    c = primary(
        "A Turkish drone strike killed two civilians in Qamishli on Monday, the SDF said. Three "
        "SDF fighters were also killed in the strike."
    )
    assert figure(c, "killed", "total") == 5


def test_an_investigation_s_count_of_the_attacks_it_documented_is_no_incident() -> None:
    text = (
        "Unlawful Attacks in North-West Syria\n\nSummary\nBetween April 2019 and March 2020, "
        "Syrian and Russian forces carried out dozens of attacks on schools and markets in "
        "Idlib. Amnesty International documented 18 of them, which killed at least 150 "
        "civilians.\n\nAttack on the market\nOn 22 July 2019, Russian aircraft struck the "
        "vegetable market in Ma'arat al-Nu'man, killing 39 civilians, including 5 children."
    )
    c = primary(text, published=dt.date(2020, 5, 11))
    assert figure(c, "killed", "civilians") == 39
    assert c.date is not None and c.date.start == dt.date(2019, 7, 22)


def test_since_a_month_runs_to_the_report_s_day() -> None:
    text = (
        "Syria: Deadly Strike on Market\n\nSince April, Syrian-Russian forces have killed at "
        "least 1,300 civilians in Idlib, according to the Syria Civil Defence."
    )
    claims = extract_document(Document(id="t", text=text, published=dt.date(2019, 8, 1))).claims
    c = next(c for c in claims if figure(c, "killed", "civilians") == 1300)
    assert c.date is not None
    assert (c.date.start, c.date.end) == (dt.date(2019, 4, 1), dt.date(2019, 8, 1))


def test_a_ministry_quoted_at_length_denies_civilian_harm_from_its_own_strike() -> None:
    c = primary(
        'The Ministry of Defence (MoD) said: "On 12 January 2017, RAF Typhoons conducted a '
        "precision strike on a building near Mosul used by Daesh. The strike was successful "
        'and there were no civilian casualties."'
    )
    assert c.perpetrator.group == "us_led_coalition"
    assert c.stance == "denies"
    assert figure(c, "killed", "civilians") == 0
    assert figure(c, "killed", "total") is None  # "no civilian casualties" says nothing of it


def test_a_monitor_that_also_reported_the_wounded_completes_its_incident() -> None:
    text = (
        "According to the Syrian Network for Human Rights, on the night of January 5th 2016 "
        "Russian airstrikes targeted the village of Kafr Nubl, killing 3 civilians. The SNHR "
        "also reported that 10 others were injured."
    )
    claims = extract_document(Document(id="t", text=text, published=DAY)).claims
    assert len(claims) == 1
    assert figure(claims[0], "killed", "civilians") == 3
    assert figure(claims[0], "injured", "total") == 10


def test_a_monitor_that_also_reported_another_toll_tells_another_incident() -> None:
    text = (
        "Russian airstrikes on Kafr Nubl killed 3 civilians on Monday, the SNHR said. The SNHR "
        "also reported that 5 civilians were killed in shelling on Ariha."
    )
    claims = extract_document(Document(id="t", text=text, published=DAY)).claims
    assert sorted(figure(c, "killed", "civilians") or 0 for c in claims) == [3, 5]


def test_a_town_s_name_as_a_neighbourhood_of_another_city_is_that_city_s() -> None:
    c = primary(
        "On March 17th 2017, between two and four civilians were allegedly killed when a "
        "Coalition airstrike struck a house in the al-Thawra neighbourhood of Mosul."
    )
    assert [p.name for p in c.places][:1] == ["al-Thawra, Mosul"]
    assert c.places[0].precision == "neighbourhood"
    assert c.places[0].admin1 == "Nineveh"


def test_an_assassination_kills_and_described_sources_speak_before_a_colon() -> None:
    c = primary(
        "Local sources: Unknown gunmen assassinated a young man, Ahmad Khaled al-Hariri (25), "
        "in the town of Jasim in northern Daraa countryside on Tuesday evening."
    )
    assert figure(c, "killed", "total") == 1
    assert c.event_type == "shooting"
    assert c.claimant.name == "Local sources"
    assert c.claimant.type == "witness"


@pytest.mark.parametrize(
    "second",
    [
        "The command said no civilians were injured or killed.",
        "The command's initial assessment is that no civilians were injured or killed.",
    ],
)
def test_a_command_named_before_denies_by_its_anaphor(second: str) -> None:
    text = (
        "U.S. Africa Command conducted an airstrike against al-Shabaab fighters near Jilib on "
        f"March 6. {second}"
    )
    claims = extract_document(Document(id="t", text=text, published=DAY)).claims
    denial = next(c for c in claims if c.stance == "denies")
    assert denial.claimant.name == "U.S. Africa Command"
    assert denial.claimant.type == "party_to_conflict"
    assert denial.perpetrator.group == "us_led_coalition"


def test_a_long_aside_between_a_toll_and_its_verb_and_a_retaliated_event_s_place() -> None:
    c = primary(
        "At least 12 people, including civilians and members of the SDF, were killed in a wave "
        "of Turkish airstrikes across northeast Syria on Thursday, according to the SDF. Ankara "
        'said it hit "terrorist" targets in retaliation for a bombing in Ankara.'
    )
    assert figure(c, "killed", "total") == 12
    assert c.perpetrator.group == "turkey"
    assert "Ankara" not in [p.name for p in c.places]


def test_the_autonomous_administration_is_a_party() -> None:
    c = primary(
        "The Turkish army launched drone strikes on oil facilities near al-Qahtaniyah, killing "
        "four workers, a source from the Autonomous Administration told North Press."
    )
    assert c.claimant.type == "party_to_conflict"
    assert figure(c, "killed", "civilians") == 4


def test_a_party_s_quoted_words_name_its_own_forces_as_the_attacker() -> None:
    text = (
        'IDF: "Earlier today, IDF fighter jets struck a Hezbollah weapons storage facility near '
        'Nabatieh in southern Lebanon." Lebanese state media reported that 10 civilians were '
        "killed in the strike."
    )
    claims = extract_document(Document(id="t", text=text, published=DAY)).claims
    idf = next(c for c in claims if c.claimant.name == "IDF")
    assert idf.stance == "admits"
    assert idf.perpetrator.group == "israel"
    media = next(c for c in claims if c.claimant.type == "state_media")
    assert figure(media, "killed", "civilians") == 10
    assert media.perpetrator.group == "israel"


def test_a_state_s_new_security_forces_are_its_forces() -> None:
    c = primary(
        "Syria's new security forces and allied gunmen killed more than 1,000 civilians in the "
        "coastal provinces of Latakia and Tartus over several days, the Syrian Observatory for "
        "Human Rights said."
    )
    assert c.perpetrator.group == "syrian_government"
    assert c.killed.civilians is not None and c.killed.civilians.min == 1001


def test_a_state_blamed_is_the_attacker_and_its_relative_clause_denial_is_its_own() -> None:
    text = (
        "Nine tourists were killed and 23 wounded when artillery shells struck a resort in "
        "Zakho district of Duhok province on Wednesday, Iraqi officials said. Iraq blamed "
        "Turkey, which denied responsibility and blamed the PKK."
    )
    claims = extract_document(Document(id="t", text=text, published=DAY)).claims
    lead = next(c for c in claims if c.primary)
    assert lead.claimant.name == "Iraqi officials"
    assert lead.stance == "alleges"
    assert lead.perpetrator.group == "turkey"
    assert figure(lead, "killed", "civilians") == 9
    denial = next(c for c in claims if c.stance == "denies")
    assert denial.claimant.name == "Turkey"
    assert denial.perpetrator.group == "turkey"


def test_a_force_that_says_they_struck_admits() -> None:
    text = (
        'Iran\'s Revolutionary Guards said they struck an Israeli "spy headquarters" in Erbil '
        "with ballistic missiles. The Kurdistan Region's Security Council said four civilians "
        "were killed."
    )
    claims = extract_document(Document(id="t", text=text, published=DAY)).claims
    guards = next(c for c in claims if c.claimant.name == "Iran's Revolutionary Guards")
    assert guards.stance == "admits"
    assert guards.perpetrator.group == "iran"
    council = next(c for c in claims if c.claimant.name == "Kurdistan Region's Security Council")
    assert council.claimant.type == "party_to_conflict"  # not the UN's Security Council
    assert figure(council, "killed", "civilians") == 4


@pytest.mark.parametrize(
    "text",
    [
        "Two soldiers were killed and three wounded when militants attacked an army post.",
        "The attack killed two soldiers and wounded three, officials said.",
    ],
)
def test_a_bare_count_after_fighters_counts_fighters(text: str) -> None:
    c = primary(text)
    assert figure(c, "injured", "combatants") == 3
    assert figure(c, "killed", "combatants") == 2


def test_a_bare_count_with_its_own_noun_keeps_it() -> None:
    c = primary("The shelling killed two soldiers and wounded 5 people on Monday.")
    assert figure(c, "injured", "combatants") is None
    assert figure(c, "injured", "total") == 5


def test_one_member_of_a_named_group_is_a_fighter() -> None:
    c = primary(
        'Deir Ezzor | SOHR activists have reported that a member of the "SDF" was killed and two '
        "others were injured, after gunmen attacked their military point in Al-Shuhayl town."
    )
    assert figure(c, "killed", "combatants") == 1
    assert figure(c, "injured", "combatants") == 2
    assert c.claimant.name == "SOHR activists"


def test_a_victim_told_by_a_pronoun_counts_one() -> None:
    c = primary(
        "Unidentified gunmen opened fire on a young man in Al-Yadudah town in Daraa countryside, "
        "killing him instantly."
    )
    assert figure(c, "killed", "total") == 1
    c = primary("Gunmen shot a man and his son in Tafas, killing him and wounding the boy.")
    assert figure(c, "killed", "total") != 2


def test_a_command_s_assessment_of_a_strike_admits_its_civilian_dead() -> None:
    c = primary(
        "CENTCOM Statement on Civilian Casualty Assessment\nCENTCOM has completed its assessment "
        "of the May 3, 2023 strike in northwest Syria. The assessment found that the strike "
        "resulted in the death of one civilian, a 56-year-old farmer."
    )
    assert c.claimant.name == "CENTCOM"
    assert c.stance == "admits"
    assert c.perpetrator.group == "us_led_coalition"
    assert figure(c, "killed", "civilians") == 1


def test_a_coalition_casualty_report_admits_each_credible_record() -> None:
    text = (
        "Operation Inherent Resolve Monthly Civilian Casualty Report\nMosul, Iraq, 15 March "
        "2017: Two civilians were unintentionally killed during a strike on ISIS fighters. The "
        "report was assessed as credible.\nRaqqah, Syria, 20 April 2017: One civilian was "
        "unintentionally injured during a strike on ISIS fighters. The report was assessed as "
        "credible."
    )
    claims = extract_document(Document(id="t", text=text, published=DAY)).claims
    assert len(claims) == 2
    for c in claims:
        assert c.claimant.name == "Operation Inherent Resolve"
        assert c.stance == "admits"
        assert c.perpetrator.group == "us_led_coalition"
    assert sorted(c.date.start for c in claims if c.date) == [
        dt.date(2017, 3, 15),
        dt.date(2017, 4, 20),
    ]


def test_a_leader_named_after_his_role_is_a_killed_fighter() -> None:
    c = primary(
        "At 10:03 p.m. on July 7, U.S. Central Command forces conducted a unilateral strike in "
        "eastern Syria, killing ISIS senior leader Usamah al-Muhajir."
    )
    assert c.killed.combatants is not None and c.killed.combatants.min == 1
    assert c.perpetrator.group == "us_led_coalition"
    c = primary("A car bomb in Azaz killed local council official Ahmad Hasan Khalil on Monday.")
    assert figure(c, "killed", "combatants") is None


def test_a_retaliation_by_another_party_is_its_own_incident() -> None:
    text = (
        "Turkey's defence ministry said two Turkish soldiers were killed and two wounded in an "
        "air strike by Syrian government forces in Idlib. Turkey retaliated by striking "
        'government targets, "neutralising" 114 regime elements, the ministry said.'
    )
    claims = extract_document(Document(id="t", text=text, published=DAY)).claims
    assert sorted(figure(c, "killed", "combatants") or 0 for c in claims) == [2, 114]
    strike = next(c for c in claims if figure(c, "killed", "combatants") == 2)
    assert strike.perpetrator.group == "syrian_government"
    retaliation = next(c for c in claims if figure(c, "killed", "combatants") == 114)
    assert retaliation.perpetrator.group == "turkey"
    assert retaliation.stance == "admits"


def test_a_body_run_by_a_party_is_not_the_attacker_s_voice() -> None:
    text = (
        "The Israeli military said it struck a Hamas command center in Gaza City overnight. The "
        "Hamas-run health ministry said 27 people were killed, including 12 children."
    )
    claims = extract_document(Document(id="t", text=text, published=DAY)).claims
    military = next(c for c in claims if c.claimant.name == "Israeli military")
    assert military.stance == "admits"
    assert figure(military, "killed", "total") is None
    ministry = next(c for c in claims if c.claimant.name == "Hamas-run health ministry")
    assert figure(ministry, "killed", "children") == 12
    assert ministry.perpetrator.group == "israel"


@pytest.mark.parametrize(
    ("handle", "name", "kind"),
    [
        ("@SyriaCivilDef", "Syria Civil Defence (White Helmets)", "ngo"),
        ("@syriahr", "Syrian Observatory for Human Rights", "monitor"),
    ],
)
def test_a_source_credited_by_its_handle_is_that_source(handle: str, name: str, kind: str) -> None:
    c = primary(
        "Syria: A Russian airstrike on the outskirts of #Idlib city killed a shepherd & wounded "
        f"his son this morning, per {handle}."
    )
    assert (c.claimant.name, c.claimant.type) == (name, kind)
    assert figure(c, "killed", "total") == 1


def test_a_body_alarmed_by_reports_speaks() -> None:
    c = primary(
        "UN Special Envoy Geir O. Pedersen is gravely alarmed by reports of civilian casualties "
        "in north-west Syria, where strikes on 5 October reportedly killed at least 9 civilians."
    )
    assert c.claimant.name == "UN Special Envoy Geir O. Pedersen"
    assert c.claimant.type == "un"
    assert c.killed.civilians is not None and c.killed.civilians.min == 9


def test_people_alarmed_are_no_claimant_of_their_own() -> None:
    c = primary(
        "Residents are alarmed by the shelling of Ariha, where 3 civilians were killed on "
        "Monday, the Syria Civil Defence said."
    )
    assert c.claimant.name == "Syria Civil Defence"


def test_sources_joined_by_and_speak_and_a_later_event_does_not_type_this_one() -> None:
    c = primary(
        "Strikes hit hospital in northwest Syria, killing 6\nBEIRUT (AP) — Government shelling "
        "hit a hospital in rebel-held northwestern Syria on Sunday, killing six people, "
        "including a child, and wounding 17, opposition activists and a medical charity said. "
        "The attack on al-Atareb Surgical Hospital in western Aleppo province was followed by "
        "Russian airstrikes near a gas facility close to the Turkish border, activists said."
    )
    assert c.claimant.name == "medical charity"
    assert c.claimant.type == "ngo"
    assert c.event_type == "shelling"
    assert c.perpetrator.group == "syrian_government"


@pytest.mark.parametrize(
    ("who", "children", "women"),
    [
        ("Two girls and a boy", 3, None),
        ("Two women, a girl and two boys", 3, 2),
    ],
)
def test_a_list_s_items_of_one_kind_add_up(who: str, children: int, women: int | None) -> None:
    c = primary(f"{who} were killed by a landmine explosion while herding sheep east of Hama.")
    assert figure(c, "killed", "children") == children
    assert figure(c, "killed", "women") == women
    assert figure(c, "killed", "total") == children + (women or 0)


@pytest.mark.parametrize(
    ("text", "injured", "victims"),
    [
        (
            "Two workers were killed and another injured when a landmine exploded in their truck "
            "near Maadan.",
            1,
            "civilians",
        ),
        (
            "One soldier was killed and another wounded in a sniper attack near Tafas.",
            1,
            "combatants",
        ),
    ],
)
def test_one_more_of_another_outcome_counts_one_of_the_same_kind(
    text: str, injured: int, victims: str
) -> None:
    c = primary(text)
    assert figure(c, "injured", "total") == injured
    assert figure(c, "injured", victims) == injured


def test_victims_of_a_party_name_it_and_a_civil_council_is_a_party() -> None:
    c = primary(
        "The bodies of 5 people were found in a mass grave in Raqqa's Panorama area, the Raqqa "
        "Civil Council said, adding that they were victims of ISIS."
    )
    assert c.event_type == "mass_grave"
    assert c.perpetrator.group == "isis"
    assert c.claimant.type == "party_to_conflict"
    assert figure(c, "killed", "total") == 5


@pytest.mark.parametrize("when", ["late Sunday", "early on Sunday", "overnight"])
def test_a_time_of_day_after_a_bare_count_ends_it(when: str) -> None:
    c = primary(
        f"Israeli strikes on Masyaf in Hama province killed 18 people and wounded 37 {when}, "
        "Syrian state media said."
    )
    assert figure(c, "killed", "total") == 18
    assert figure(c, "injured", "total") == 37


@pytest.mark.parametrize(
    ("text", "victims", "total"),
    [
        (
            "Two civilians were killed this afternoon in Russian airstrikes on Binnish, and a "
            "third died of his wounds tonight.",
            "civilians",
            3,
        ),
        (
            "Two soldiers were killed in an ambush near Tafas and a third died later.",
            "combatants",
            3,
        ),
    ],
)
def test_the_next_ordinal_in_the_toll_s_sentence_is_one_more_death(
    text: str, victims: str, total: int
) -> None:
    c = primary(text)
    assert figure(c, "killed", "total") == total
    assert figure(c, "killed", victims) == total


def test_the_one_person_of_a_vehicle_counts() -> None:
    c = primary(
        "Syrian regime forces targeted with guided missiles a civilian car on the road between "
        "Sarmin and Qminas, east of Idlib, injuring its driver, the Syria Civil Defence said."
    )
    assert figure(c, "injured", "total") == 1
    assert figure(c, "killed", "total") is None


def test_a_relative_of_the_one_counted_is_another_person() -> None:
    c = primary(
        "Regime forces shelled the village of Al-Bara with heavy artillery on Sunday, killing a "
        "civilian and his wife."
    )
    assert figure(c, "killed", "total") == 2
    assert figure(c, "killed", "civilians") == 2
    assert figure(c, "killed", "women") == 1
    c = primary("Shelling on Ariha killed 15 civilians and 3 children on Sunday.")
    assert figure(c, "killed", "civilians") == 15  # a general word and a group it may hold


def test_one_person_said_again_by_an_apposition_is_one_person() -> None:
    c = primary(
        "A drone believed to belong to the US-led coalition targeted a motorcycle near the town "
        "of Tal Abyad on Monday, killing its rider, a commander in a Turkish-backed faction, "
        "local sources said."
    )
    assert figure(c, "killed", "total") == 1
    assert figure(c, "killed", "combatants") == 1
    assert figure(c, "killed", "civilians") is None
    c = primary("Shelling on Ariha killed a man, a woman and a child on Monday.")
    assert figure(c, "killed", "total") == 3
