"""A belligerent's own releases and the pages that carry them.

- A party's tally in a headline ("12 PKK/YPG terrorists neutralized") names its victims, and
  the party that reports it admits the act.
- A defence ministry named without its state speaks for the state the report is filed from
  ("ANKARA … the National Defense Ministry said") or about.
- "Hezbollah says two of its fighters killed in Israeli strike": a headline's passive, not the
  group claiming the killing; "…, the group said" names the armed group the text named before.
- An age alone names a person ("including a 16-year-old").
- "OCHA Flash Update" names its author; "Published date: 9 October 2023" dates the page, on a
  line of its own; "Baghdad-INA" is where the report was filed.
- A file's title that only opens the text's first sentence is no headline line of it; a tally
  the speakers keep ("we count 9 so far") counts the dead.

Every text is written for this suite.
"""

from __future__ import annotations

import datetime as dt

from factfinder.extract.casualties import find_casualties
from factfinder.extract.pipeline import extract_document
from factfinder.model import Document

from .reading import claims_of, primary

MOD_HEADLINE = (
    "Turkish National Defense Ministry: 12 PKK/YPG terrorists neutralized in northern Syria\n"
    "ANKARA\n"
    "The Turkish National Defense Ministry said Sunday that 12 PKK/YPG terrorists were "
    "neutralized in the Operation Peace Spring and Euphrates Shield zones in northern Syria.\n"
    "Published on 14.01.2024"
)

BARE_MINISTRY = (
    "Anadolu Agency\n"
    "Turkish forces 'neutralize' 5 terrorists in northern Iraq\n"
    "Burak Karacaoglu | 06.12.2022\n"
    "ANKARA\n"
    'Turkish forces have "neutralized" five PKK terrorists in northern Iraq, the National '
    "Defense Ministry said on Tuesday."
)


def test_a_party_tally_in_a_headline_names_its_victims_and_the_party_admits() -> None:
    claim = primary(MOD_HEADLINE)
    assert claim.perpetrator.group == "turkey"
    assert claim.stance == "admits"
    assert claim.killed.combatants is not None and claim.killed.combatants.min == 12
    assert claim.date is not None and claim.date.start == dt.date(2024, 1, 14)


def test_a_bare_defence_ministry_speaks_for_the_capital_the_report_was_filed_from() -> None:
    claim = primary(BARE_MINISTRY)
    assert claim.claimant.name == "National Defense Ministry"
    assert claim.perpetrator.group == "turkey"
    assert claim.stance == "admits"


def test_a_bare_defence_ministry_filed_from_a_regional_hub_is_not_that_state() -> None:
    # Beirut is where reports on Syria are filed from: the bare ministry is Syria's.
    claim = primary(
        "BEIRUT (Reuters) - Turkish drones killed five people in northern Syria on Tuesday, "
        "the Defence Ministry said."
    )
    assert claim.perpetrator.group == "turkey"
    assert claim.stance == "alleges"


def test_a_group_counting_its_own_dead_in_a_headline_does_not_claim_the_killing() -> None:
    claim = primary(
        "Hezbollah says two of its fighters killed in Israeli strike in south Lebanon\n"
        "Two Hezbollah fighters were killed in an Israeli strike on the border village of "
        "Aitaroun on Friday, the group said in a statement.",
        dt.date(2023, 10, 27),
    )
    assert claim.claimant.name == "Hezbollah"
    assert claim.perpetrator.group == "israel"
    assert claim.stance == "alleges"
    assert claim.killed.combatants is not None and claim.killed.combatants.min == 2
    assert claim.date is not None and claim.date.start == dt.date(2023, 10, 27)


def test_the_group_names_the_armed_group_not_the_village_before_it() -> None:
    claim = primary(
        "Two Hezbollah fighters were killed in an Israeli strike on the border village of "
        "Aitaroun on Friday, the group said in a statement."
    )
    assert claim.claimant.name == "Hezbollah"
    assert claim.claimant.type == "party_to_conflict"


def test_the_group_is_never_the_attack_named_before_it() -> None:
    claim = primary("An Israeli strike killed three people in Khiam on Monday, the group said.")
    assert claim.claimant.name != "Israeli strike"


def test_an_age_alone_names_a_person() -> None:
    text = (
        "A Turkish drone strike on a vehicle in Penjwen district on Monday killed three "
        "people, including a 16-year-old, a local official said."
    )
    claim = primary(text)
    assert claim.killed.total is not None and claim.killed.total.min == 3
    assert claim.killed.children is not None and claim.killed.children.min == 1
    found = find_casualties("A 40-year-old was killed in the shelling.")
    assert [(m.range.min, m.victims) for m in found] == [(1, "total")]
    assert find_casualties("It was a 10-year-old war.") == []


def test_a_flash_update_names_its_author() -> None:
    claim = primary(
        "OCHA Flash Update\n"
        "On 5 November, an airstrike hit a camp for internally displaced people near Kafr "
        "Jales, northwest of Idlib city, reportedly killing at least seven civilians, "
        "including three children."
    )
    assert claim.claimant.type == "un"
    assert "Humanitarian Affairs" in (claim.claimant.name or "")
    assert claim.killed.children is not None and claim.killed.children.min == 3


def test_a_labelled_date_line_under_a_byline_dates_the_page_and_not_the_speaker() -> None:
    claim = primary(
        "Middle East Eye staff\n"
        "Published date: 9 October 2023 16:05 BST\n"
        "Israeli air strikes on the Jabalia refugee camp killed at least 50 Palestinians on "
        "Monday, the health ministry in Gaza said."
    )
    assert claim.claimant.name == "health ministry in Gaza"
    assert claim.date is not None and claim.date.start == dt.date(2023, 10, 9)
    assert claim.killed.total is not None and claim.killed.total.min == 50


def test_an_agency_glued_to_its_city_is_where_the_report_was_filed() -> None:
    claim = primary(
        "Iraqi News Agency\n"
        "Baghdad-INA\n"
        "The Security Media Cell announced, on Thursday, that two soldiers were killed in an "
        "attack by ISIS remnants in the Tarmiyah district.\n"
        "2023-02-16 12:34"
    )
    assert [p.name for p in claim.places] == ["At Tarmiyah"]
    assert claim.perpetrator.group == "isis"
    assert claim.date is not None and claim.date.start == dt.date(2023, 2, 16)


def test_a_force_said_not_to_have_struck_is_the_party_the_denial_is_for() -> None:
    claim = primary(
        "Russian Aerospace Forces did not carry out any strikes in the area of al-Atareb, the "
        "defence ministry said, calling the reports fake."
    )
    assert claim.stance == "denies"
    assert claim.perpetrator.group == "russia"
    assert claim.perpetrator.name == "Russian Aerospace Forces"


def test_an_incident_record_s_date_field_on_its_own_line_dates_the_summary() -> None:
    claim = primary(
        "Airwars\n"
        "Incident Code: CS1234\n"
        "Date: February 5, 2017\n"
        "Location: Al Bab, Aleppo governorate\n"
        "Between 6 and 8 civilians including three children were reportedly killed in a "
        "Turkish airstrike on al Bab."
    )
    assert claim.date is not None and claim.date.start == dt.date(2017, 2, 5)
    assert claim.killed.civilians is not None
    assert (claim.killed.civilians.min, claim.killed.civilians.max) == (6, 8)
    assert claim.perpetrator.group == "turkey"


def test_a_named_terrorist_a_party_eliminated_is_one_fighter() -> None:
    claim = primary(
        "IDF\n"
        "The IDF eliminated the terrorist Ali Hussein, a Hezbollah commander in the Nabatieh "
        "area, in a precise strike yesterday.\n"
        "Oct 3, 2024"
    )
    assert claim.stance == "admits"
    assert claim.killed.combatants is not None and claim.killed.combatants.min == 1
    assert [p.name for p in claim.places] == ["Nabatieh"]
    assert claim.date is not None and claim.date.start == dt.date(2024, 10, 2)


def test_a_title_that_only_opens_the_first_sentence_leaves_the_sentence_whole() -> None:
    doc = Document(
        id="t",
        text=(
            "Afrin hospital was bombed this afternoon. Patients and staff among the dead, we "
            "count 9 so far. Ambulances cannot reach. #Afrin"
        ),
        title="Afrin hospital",
        publisher="Kurdish Red Crescent",
    )
    (claim,) = [c for c in extract_document(doc).claims if c.primary]
    assert claim.event_type == "airstrike"
    assert [p.name for p in claim.places] == ["Afrin"]
    assert claim.killed.total is not None and claim.killed.total.min == 9


def test_a_tally_the_speakers_keep_counts_only_among_the_dead() -> None:
    found = find_casualties("Rescuers have counted 12 bodies under the rubble.")
    assert [(m.range.min, m.outcome) for m in found] == [(12, "killed")]
    assert find_casualties("We counted 40 percent of the houses.") == []


def test_a_force_said_not_to_have_struck_is_no_attacker_of_another_incident() -> None:
    claim = primary(
        "The Russian reconciliation centre said that militants shelled the al-Midan "
        "neighbourhood of Aleppo city with mortar shells, killing 15 civilians and injuring 50 "
        "others. The centre reiterated that the Russian Aerospace Forces have not targeted any "
        "of the groups that joined the truce.",
        dt.date(2016, 4, 30),
    )
    assert claim.killed.total is not None and claim.killed.total.min == 15
    assert claim.perpetrator.group != "russia"


def test_a_party_s_security_forces_are_its_own() -> None:
    claim = primary("HTS security forces executed two men in Idlib city on charges of spying.")
    assert claim.perpetrator.group == "hts_nusra"
    assert claim.event_type == "execution"


def test_a_partner_named_by_its_name_shares_the_verb() -> None:
    claim = primary(
        "US forces and SDF carried out an airdrop operation in Al-Shuhail, killing three "
        "people including a child."
    )
    assert claim.perpetrator.group == "us_led_coalition"
    assert claim.killed.children is not None and claim.killed.children.min == 1


def test_an_iso_timestamp_alone_on_its_line_dates_the_page() -> None:
    claim = primary(
        "Two civilians were killed in Russian airstrikes on Ariha on Tuesday, local sources "
        "said.\n2021-09-07T10:32:00+03:00"
    )
    assert claim.date is not None and claim.date.start == dt.date(2021, 9, 7)


def test_an_account_s_language_edition_names_the_source() -> None:
    claim = primary(
        "ANHA English\n@ANHA_English\n#Turkish occupation army targets #Zirgan countryside with "
        "heavy artillery, martyring a child\n2:10 PM · Sep 12, 2022"
    )
    assert claim.claimant.name == "ANHA (Hawar News Agency)"
    assert claim.perpetrator.group == "turkey"
    assert claim.killed.children is not None and claim.killed.children.min == 1
    assert claim.date is not None and claim.date.start == dt.date(2022, 9, 12)


def test_a_headline_s_breakdown_without_its_verb_breaks_the_toll_down() -> None:
    claim = primary(
        "#SOHR | Death toll rises to 7 | Russian airstrikes on #Idlib countryside: Five "
        "children among the victims of the massacre in Maarat Misrin.\n9:02 PM · Oct 26, 2021"
    )
    assert claim.killed.total is not None and claim.killed.total.min == 7
    assert claim.killed.children is not None and claim.killed.children.min == 5


def test_a_party_telling_its_own_strike_on_a_place_admits_it_whatever_its_weapon() -> None:
    claims = claims_of(
        "Iran's Revolutionary Guard said it struck an Israeli spy headquarters in Erbil late "
        "Monday. The Kurdistan Region's Security Council said four civilians were killed.",
        dt.date(2024, 1, 16),
    )
    admission = next(c for c in claims if c.stance == "admits")
    assert admission.perpetrator.group == "iran"
    assert [p.name for p in admission.places] == ["Erbil"]
    lead = next(c for c in claims if c.primary)
    assert lead.claimant.name == "Kurdistan Region's Security Council"
    assert lead.perpetrator.group == "iran"
    assert lead.killed.civilians is not None and lead.killed.civilians.min == 4


def test_a_headline_s_speaker_and_a_rival_party_in_the_lede_are_two_accounts() -> None:
    claims = claims_of(
        "SDF says Turkish drone killed three civilians near Kobani\n"
        "Turkey's defence ministry said on Tuesday it had neutralised three terrorists in a "
        "drone strike near Kobani in northern Syria, in response to attacks on its border posts."
    )
    lead = next(c for c in claims if c.primary)
    assert lead.claimant.name == "SDF"
    assert lead.killed.civilians is not None and lead.killed.civilians.min == 3
    assert lead.killed.total is not None and lead.killed.total.min == 3
    turkey = next(c for c in claims if c.claimant.name == "Turkey's defence ministry")
    assert turkey.stance == "admits"
    assert turkey.killed.combatants is not None and turkey.killed.combatants.min == 3


def test_a_headline_s_named_denier_denies_the_lede_s_incident() -> None:
    claims = claims_of(
        "Russia denies bombing Idlib market\n"
        "Activists said 12 people were killed when warplanes struck a market in Maarat "
        "al-Numan on Monday, in one of the deadliest attacks on the town this year, according "
        "to local rescue workers."
    )
    lead = next(c for c in claims if c.primary)
    assert lead.killed.total is not None and lead.killed.total.min == 12
    assert lead.stance == "alleges"
    denial = next(c for c in claims if c.stance == "denies")
    assert denial.claimant.name == "Russia"
    assert denial.perpetrator.group == "russia"
    assert denial.killed.is_empty()
