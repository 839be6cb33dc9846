"""Words an outlet carries, a party's own forces, and a statement's day.

Each text is written for this suite in the style of a report a monitor archives: a wire story
opening with its agency ("Reuters: Kurdish-led forces said …"), a military's post naming its
own jets ("IDF: Overnight, IDF fighter jets struck …") beside a health ministry's toll, a
coalition confirming a strike that residents reported, a health directorate's post, Yemeni
state news on Saudi shelling, a statement dated a day after the attack it tells ("…, the SDF
said in a statement on Friday"), and a state agency's dateline with a comma ("DAMASCUS,
(SANA)-").
"""

from __future__ import annotations

import datetime as dt

import pytest

from .reading import claims_of, primary

# --- an outlet that carries another's words ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        (
            "Reuters: Kurdish-led forces said Turkish-backed rebels executed a Kurdish politician "
            "on a highway south of Tal Abyad on Saturday.",
            "Kurdish-led forces",
            "party_to_conflict",
        ),
        (
            "AFP: The Syrian Observatory for Human Rights said Russian strikes killed 9 civilians "
            "in Ariha.",
            "Syrian Observatory for Human Rights",
            "monitor",
        ),
        (
            "SANA: The army said terrorists shelled al-Suqaylabiyah, killing a civilian.",
            "army",
            "party_to_conflict",
        ),
    ],
)
def test_an_outlet_opening_the_sentence_carries_the_speaker_it_names(
    text: str, name: str, kind: str
) -> None:
    c = primary(text)
    assert (c.claimant.name, c.claimant.type) == (name, kind)


def test_an_outlet_opening_a_sentence_that_names_no_speaker_is_the_claimant() -> None:
    c = primary("Al-Mayadeen: US aircraft struck sites in al-Bukamal, killing 4 fighters.")
    assert c.claimant.name == "Al Mayadeen"


def test_a_body_named_with_its_acronym_in_brackets_keeps_its_name() -> None:
    c = primary(
        "The Syrian Observatory for Human Rights (SOHR) has documented the death of a young man "
        "by gunshots of unknown gunmen in al-Mayadin city."
    )
    assert c.claimant.name == "Syrian Observatory for Human Rights"


# --- offices and officials --------------------------------------------------------------------


def test_a_health_directorate_opening_a_post_speaks_for_its_authority() -> None:
    c = primary(
        "Idlib Health Directorate: The death toll of the massacre committed by Russian warplanes "
        "in the vegetable market in Ariha has risen to 13, including 4 children."
    )
    assert (c.claimant.name, c.claimant.type) == ("Idlib Health Directorate", "party_to_conflict")
    assert c.killed.total is not None and c.killed.total.min == 13


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Iraqi Kurdistan's counter-terrorism service said a Turkish drone struck a car near "
            "Arbat, killing four PKK members.",
            "Iraqi Kurdistan's counter-terrorism service",
        ),
        (
            "The Kurdistan Region's Counter-Terrorism Directorate said a Turkish drone struck a "
            "car near Arbat, killing four PKK members.",
            "Kurdistan Region's Counter-Terrorism Directorate",
        ),
        (
            "Kurdish health officials in northern Iraq said five civilians were killed when "
            "Turkish warplanes bombed a camp near Makhmour.",
            "Kurdish health officials",
        ),
    ],
)
def test_security_and_health_offices_are_parties(text: str, name: str) -> None:
    c = primary(text)
    assert (c.claimant.name, c.claimant.type) == (name, "party_to_conflict")
    assert c.perpetrator.group == "turkey"


# --- a party's own forces ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "IDF: Overnight, IDF fighter jets struck a Hezbollah weapons storage facility in the area "
        "of Nabatieh in southern Lebanon.",
        "The IDF said that overnight, IDF fighter jets struck a Hezbollah weapons storage facility "
        "in the area of Nabatieh in southern Lebanon.",
    ],
)
def test_a_party_naming_its_own_jets_admits_the_strike(text: str) -> None:
    (c,) = claims_of(text)
    assert (c.perpetrator.group, c.stance) == ("israel", "admits")
    assert c.claimant.name == "IDF"


def test_a_party_naming_its_own_forces_admits_the_raid() -> None:
    (c,) = claims_of(
        "SDF: SDF units raided an ISIS cell in the town of Shuhayl, killing 2 of its members."
    )
    assert (c.perpetrator.group, c.stance) == ("sdf_ypg", "admits")


def test_a_ministrys_toll_after_a_partys_own_strike_is_the_ministrys_claim() -> None:
    claims = claims_of(
        "IDF: Overnight, IDF fighter jets struck a Hezbollah weapons storage facility in the area "
        "of Nabatieh in southern Lebanon. The Lebanese health ministry said 4 people were killed "
        "in the strike."
    )
    by = {c.claimant.name: c for c in claims}
    assert by["IDF"].stance == "admits" and by["IDF"].killed.total is None
    toll = by["Lebanese health ministry"]
    assert toll.primary and toll.stance == "alleges"
    assert toll.perpetrator.group == "israel"
    assert toll.killed.total is not None and toll.killed.total.min == 4


@pytest.mark.parametrize(
    ("text", "admitter", "group"),
    [
        (
            "Residents said 105 civilians were killed when Coalition aircraft struck a building "
            "in al-Jadida in western Mosul on March 17. CJTF-OIR later confirmed that a "
            "Coalition strike had targeted two ISIS snipers at the location.",
            "CJTF-OIR",
            "us_led_coalition",
        ),
        (
            "Activists said Russian warplanes killed 12 civilians in a market in Maarat al-Numan "
            "on Monday. The Russian defence ministry said its aircraft struck terrorist "
            "positions in the area.",
            "Russian defence ministry",
            "russia",
        ),
    ],
)
def test_the_blamed_side_telling_its_own_strike_is_an_admission_beside_the_allegation(
    text: str, admitter: str, group: str
) -> None:
    claims = claims_of(text, dt.date(2017, 3, 30))
    lead = next(c for c in claims if c.primary)
    assert (lead.stance, lead.perpetrator.group) == ("alleges", group)
    (admission,) = [c for c in claims if c.stance == "admits"]
    assert admission.claimant.name == admitter and not admission.primary
    assert admission.perpetrator.group == group
    assert admission.event_type == lead.event_type and admission.date == lead.date


def test_a_third_partys_statement_is_no_admission() -> None:
    claims = claims_of(
        "Activists said Russian warplanes killed 12 civilians in a market in Maarat al-Numan "
        "on Monday. The Turkish defence ministry said its observation post nearby was not hit.",
        dt.date(2019, 7, 23),
    )
    assert [c.stance for c in claims] == ["alleges"]


def test_pro_government_forces_continuing_a_bombardment_are_its_perpetrator() -> None:
    c = primary(
        "Aleppo: Pro-government forces continued their bombardment of rebel-held eastern Aleppo "
        "on Saturday, killing at least 27 people, the Observatory said.",
        dt.date(2016, 11, 19),
    )
    assert c.perpetrator.group == "syrian_government"


def test_cadets_killed_at_an_academy_are_military_dead() -> None:
    c = primary(
        "At least 30 cadets were killed and 33 wounded on Saturday night in a drone strike on a "
        "military academy in Tripoli, Libya."
    )
    assert c.killed.combatants is not None and c.killed.combatants.min == 30
    assert c.killed.civilians is None
    assert c.injured.total is not None and c.injured.total.min == 33
    assert c.injured.civilians is None


# --- the day a statement was made -------------------------------------------------------------


@pytest.mark.parametrize(
    "said",
    ["the Kurdish-led force said on Friday", "the SDF said in a statement on Friday"],
)
def test_a_toll_given_a_day_later_belongs_to_the_attack_told_before(said: str) -> None:
    claims = claims_of(
        "Islamic State militants attacked the Ghwayran prison on Thursday night, detonating a "
        f"car bomb at the gate. At least 7 SDF guards were killed in the fighting, {said}.",
        dt.date(2022, 1, 21),
    )
    (c,) = claims
    assert c.perpetrator.group == "isis"
    assert c.date is not None and c.date.start == c.date.end == dt.date(2022, 1, 20)
    assert c.killed.combatants is not None and c.killed.combatants.min == 7


# --- places ----------------------------------------------------------------------------------


def test_a_state_agencys_dateline_with_a_comma_is_not_the_place() -> None:
    c = primary(
        "DAMASCUS, (SANA)- A civilian was martyred due to a terrorist attack with rocket shells "
        "on al-Suqaylabiyah city in Hama northern countryside."
    )
    assert [p.name for p in c.places][:1] == ["As Suqaylibiyah"]
    assert "Damascus" not in [p.name for p in c.places]


@pytest.mark.parametrize(
    ("text", "admin1"),
    [
        (
            "3 civilians, including a child, were killed by Saudi artillery shelling on the "
            "Shada border district of Saada governorate, a medical source said.",
            "Sa`dah",
        ),
        ("3 civilians were killed by Saudi shelling in Hajjah province.", "Hajjah"),
        ("An airstrike killed 4 fishermen off the coast of Hodeidah.", "Al Hudaydah"),
    ],
)
def test_saudi_guns_and_yemeni_cities_place_a_report_in_yemen(text: str, admin1: str) -> None:
    c = primary(text)
    assert c.places and c.places[0].country == "YE"
    assert c.places[0].admin1 == admin1


# --- a page's name, a lead-in with an acronym, and who rode along ----------------------------


def test_a_page_named_in_english_and_arabic_is_the_author_of_its_arabic_post() -> None:
    c = primary(
        "Syrian Civil Defence - الدفاع المدني السوري\n"
        "December 1, 2024 ·\n"
        "استشهد 4 مدنيين بينهم طفلان وأصيب 9 آخرون بجروح، إثر غارات جوية لطائرات حربية روسية "
        "استهدفت أحياء سكنية في مدينة إدلب صباح اليوم الأحد.\n"
        "All reactions:\n1.2K\nLike\nComment\nShare"
    )
    assert c.claimant.type == "ngo" and "Civil Defence" in (c.claimant.name or "")
    assert c.perpetrator.group == "russia"
    assert c.killed.civilians is not None and c.killed.civilians.min == 4
    assert c.date is not None and c.date.start == dt.date(2024, 12, 1)


def test_an_agency_opening_with_its_acronym_in_brackets_is_the_claimant() -> None:
    c = primary(
        "Hawar News Agency (ANHA): Turkish occupation army shelled the village of Um al-Kaif in "
        "Tal Tamr countryside, wounding 2 civilians."
    )
    assert "Hawar News Agency" in (c.claimant.name or "")


@pytest.mark.parametrize(
    ("text", "civilians", "combatants"),
    [
        ("A drone strike killed a local commander and his driver near Daraa.", 1, 1),
        ("A coalition drone killed an ISIS emir and his guard near al-Bab.", None, 2),
    ],
)
def test_the_one_who_rode_with_a_victim_is_counted_too(
    text: str, civilians: int | None, combatants: int
) -> None:
    c = primary(text)
    assert c.killed.total is not None and c.killed.total.min == 2
    got = c.killed.civilians.min if c.killed.civilians is not None else None
    assert got == civilians
    assert c.killed.combatants is not None and c.killed.combatants.min == combatants


def test_a_woman_named_sanaa_in_gaza_is_no_place_in_yemen() -> None:
    c = primary(
        "An Israeli airstrike on a house in the Daraj neighbourhood of Gaza City killed 7 "
        "people. Husband and wife Nahed and Sanaa Qouta were among those killed."
    )
    assert {p.country for p in c.places} == {"PS"}


def test_a_records_belligerent_field_names_who_acted_not_who_speaks() -> None:
    c = primary(
        "Incident code: CS1234\n"
        "Date: 12 June 2021\n"
        "Location: Kansafra, Idlib governorate\n"
        "Belligerent: Russian Military\n"
        "Civilians reported killed: 3-4\n"
        "Summary: Three or four civilians, including a child, were reportedly killed when "
        "Russian warplanes struck the village of Kansafra in Jabal al-Zawiya."
    )
    assert c.claimant.name is None and c.stance == "alleges"
    assert c.perpetrator.group == "russia"


@pytest.mark.parametrize(
    ("text", "group"),
    [
        (
            "Over the past 24 hours, 12 shellings from positions of the Jabhat al-Nusra terrorist "
            "group were registered in Idlib. Two Syrian servicemen were wounded in Kafr Nubl.",
            "hts_nusra",
        ),
        (
            "Rockets fired from positions of the SDF hit the town of Jarabulus, wounding 3 "
            "civilians.",
            "sdf_ypg",
        ),
    ],
)
def test_fire_from_a_partys_positions_is_that_partys(text: str, group: str) -> None:
    assert primary(text).perpetrator.group == group


# --- a denial names the party it clears; a pronoun tells the speaker's own strike -------------


def test_a_denial_without_that_is_a_denial() -> None:
    claims = claims_of(
        "An aid convoy was hit by airstrikes near Aleppo on Monday evening, killing about 20 "
        "civilians and a Syrian Arab Red Crescent staff member, the UN said. Russia and Syria "
        "denied their aircraft were involved.",
        dt.date(2016, 9, 20),
    )
    lead = next(c for c in claims if c.primary)
    # (the party the denial clears is the one the reports accused: the allegation keeps it)
    assert lead.claimant.name == "UN" and lead.stance == "alleges"
    (denial,) = [c for c in claims if c.stance == "denies"]
    assert denial.claimant.name == "Russia and Syria"
    assert denial.perpetrator.group == "russia"


@pytest.mark.parametrize(
    ("allegation", "answer", "group"),
    [
        (
            "The Gaza Health Ministry said an Israeli airstrike on a residential building in the "
            "Nuseirat refugee camp killed at least 18 people overnight.",
            "The Israeli military said it had struck terror targets in the area.",
            "israel",
        ),
        (
            "The SDF said a Turkish drone strike on a car near Qamishli killed 3 civilians.",
            "Turkey's defence ministry said it had hit PKK/YPG targets in the area.",
            "turkey",
        ),
    ],
)
def test_the_blamed_side_saying_it_struck_admits_beside_the_allegation(
    allegation: str, answer: str, group: str
) -> None:
    claims = claims_of(f"{allegation} {answer}", dt.date(2023, 10, 25))
    assert [c.stance for c in claims] == ["alleges", "admits"]
    lead, admission = claims
    assert lead.primary and lead.perpetrator.group == group
    assert admission.perpetrator.group == group and admission.killed.total is None


@pytest.mark.parametrize(
    "standing",
    [
        "Moscow has previously denied targeting civilians in the northwest.",
        "Russia has repeatedly denied that its jets strike markets.",
    ],
)
def test_a_partys_standing_denial_is_no_answer_to_the_report(standing: str) -> None:
    claims = claims_of(
        "Russian warplanes struck homes in the town of Maarat Misrin on Sunday morning, killing "
        f"four civilians, the Syrian Civil Defence said. {standing}",
        dt.date(2024, 3, 3),
    )
    assert [c.stance for c in claims] == ["alleges"]
