"""Commands' releases, monitors' records and the clocks and names inside them.

Each text is written for this suite in the style of a capture a monitor archives: a command's
release that times its strikes by a city's clock ("between 2:50 p.m. and 5:30 p.m. (Sanaa
time)"), a monitor's incident record whose labelled fields run straight into its prose, a wire
story that opens with "The United States struck …", a Kurdish outlet citing "a statement by" a
force, the forces of other states' wars ("Somali government forces"), and a force qualified by
a hyphenated name ("the SDF-affiliated internal security forces").
"""

from __future__ import annotations

import datetime as dt

import pytest

from factfinder.geo.resolver import find_places

from .reading import primary

# --- the clock of a release ---------------------------------------------------------------------

CENTCOM_RELEASE = (
    "CENTCOM Forces Strike Houthi Targets\n"
    "On March 17, between 2:50 p.m. and 5:30 p.m. (Sanaa time), U.S. Central Command "
    "(USCENTCOM) forces conducted self-defense strikes against one anti-ship missile and three "
    "unmanned aerial vehicles in Houthi-controlled areas of Yemen."
)


def test_a_time_zone_in_brackets_does_not_end_the_sentence_of_its_date() -> None:
    c = primary(CENTCOM_RELEASE, published=dt.date(2024, 3, 18))
    assert c.date is not None
    assert (c.date.start, c.date.end) == (dt.date(2024, 3, 17), dt.date(2024, 3, 17))
    assert c.perpetrator.group == "us_led_coalition"


def test_a_city_s_clock_is_no_place() -> None:
    c = primary(CENTCOM_RELEASE, published=dt.date(2024, 3, 18))
    assert [p.name for p in c.places] == ["Yemen"]
    text = "The drone was shot down at midnight Damascus time over the desert."
    assert [m.place.name for m in find_places(text)] == []


def test_a_sentence_may_still_end_after_p_m() -> None:
    c = primary(
        "Russian jets struck a market in Ariha at 5 p.m. Three civilians were killed, the Syria "
        "Civil Defence said on Monday.",
        published=dt.date(2021, 11, 23),
    )
    assert c.killed.civilians is not None and c.killed.civilians.min == 3
    assert c.claimant.name == "Syria Civil Defence"


# --- a record's fields and its prose ------------------------------------------------------------


def test_a_record_s_last_field_does_not_run_into_the_prose_below_it() -> None:
    c = primary(
        "Civilian harm assessment\n"
        "Civilian harm: 4–6 killed (2 children)\n"
        "Location: Kafr Nouran, Aleppo governorate\n"
        "Date: November 20, 2023\n"
        "Suspected belligerent: Russian Military\n"
        "Local sources reported that at least four civilians, including two children, were "
        "killed when Russian warplanes struck a poultry farm near Kafr Nouran in western Aleppo "
        "countryside."
    )
    # The belligerent's name ends its field: it is not the claimant, and the claim is no
    # admission of the belligerent's.
    assert c.claimant.name == "Local sources"
    assert c.stance == "alleges"
    assert c.perpetrator.group == "russia"
    assert c.date is not None and c.date.start == dt.date(2023, 11, 20)
    assert c.places and c.places[0].name == "Kafr Nuran"
    assert c.killed.children is not None and c.killed.children.min == 2


# --- who speaks ---------------------------------------------------------------------------------


def test_the_united_states_is_no_speaker() -> None:
    c = primary(
        "The United States struck more than 85 targets in Iraq and Syria on Friday against "
        "Iran's Revolutionary Guard and militias it backs, in retaliation for a drone strike on "
        "US troops. Iraq's government said 16 people, including civilians, were killed in the "
        "strikes near al-Qaim.",
        published=dt.date(2024, 2, 3),
    )
    assert c.claimant.name == "Iraq's government"
    assert c.claimant.type == "party_to_conflict"
    assert c.killed.total is not None and c.killed.total.min == 16
    assert c.perpetrator.group == "us_led_coalition"


@pytest.mark.parametrize(
    ("phrase", "name"),
    [
        ("according to a statement by the Asayish general command", "Asayish general command"),
        ("according to a report issued by the Syrian Network for Human Rights", None),
        ("according to the latest toll from the health ministry", None),
    ],
)
def test_the_author_of_a_statement_cited_is_the_claimant(phrase: str, name: str | None) -> None:
    c = primary(
        "A Turkish drone targeted a car on the road between Qamishli and Amuda on Monday, "
        f"killing three members of the Asayish and wounding a civilian passerby, {phrase}.",
        published=dt.date(2023, 10, 10),
    )
    expected = name or phrase.split(" by the ")[-1].split(" from the ")[-1]
    assert c.claimant.name is not None
    assert c.claimant.name.removeprefix("the ") == expected


# --- other states' forces -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Somali government forces, backed by international partners, killed 30 al-Shabaab "
        "militants in an operation in Middle Shabelle region on Tuesday, state media reported.",
        "Yemeni government forces shelled a Houthi-held village in Taiz on Thursday, killing "
        "two civilians, residents said.",
        "Libyan government troops shelled the outskirts of Tarhuna on Thursday, killing three "
        "civilians, a local official said.",
    ],
)
def test_another_state_s_government_forces_are_not_syria_s(text: str) -> None:
    c = primary(text, published=dt.date(2024, 1, 12))
    assert c.perpetrator.group == "other"


def test_bare_government_forces_in_syria_are_still_syria_s() -> None:
    c = primary(
        "Government forces shelled the town of Kafranbel on Thursday, killing two civilians, "
        "activists said.",
        published=dt.date(2019, 5, 10),
    )
    assert c.perpetrator.group == "syrian_government"


# --- a force qualified by a hyphenated name -----------------------------------------------------


@pytest.mark.parametrize(
    "force",
    [
        "the SDF-affiliated internal security forces",
        "the Turkish-backed Hamza Division",
        "the internal security forces",
    ],
)
def test_a_civilian_after_a_force_qualified_by_a_name_is_counted(force: str) -> None:
    c = primary(
        "On 9 August 2023, a drone strike hit a car in the village of Tal Kocher, killing two "
        f"members of {force} and a civilian, according to the UN Commission of Inquiry."
    )
    assert c.killed.total is not None and c.killed.total.min == 3
    assert c.killed.civilians is not None and c.killed.civilians.min == 1
    assert c.killed.combatants is not None and c.killed.combatants.min == 2


@pytest.mark.parametrize("spelling", ["Tal Kocher", "Til Koçer", "al-Yarubiyah", "Ya'rubiyah"])
def test_al_yarubiyah_under_its_kurdish_and_arabic_names(spelling: str) -> None:
    names = [m.place.name for m in find_places(f"A drone struck a car in {spelling} on Monday.")]
    assert names == ["Al Yarubiyah"]


# --- a news page captured with its menu ---------------------------------------------------------

NEWS_PAGE = (
    "Skip to content\n"
    "Menu\n"
    "Home News Syria Iraq Opinion Videos\n"
    "Search\n"
    "Breaking: Earthquake aftershock hits towns of southern Turkey\n"
    "Syria\n"
    "Russian warplanes kill five civilians in Idlib market\n"
    "By Staff Writer\n"
    "Published: 12:45 PM, 07 Jun 2021\n"
    "Updated: 03:10 PM, 07 Jun 2021\n"
    "Russian warplanes struck a crowded vegetable market in the town of Maarat Misrin in "
    "northern Idlib on Monday, killing five civilians including a child and wounding 14 others, "
    "the White Helmets civil defence group said.\n"
    "Read more:\n"
    "Six killed in car bomb blast in Afrin - 3 days ago\n"
    "Share this article\n"
)


def test_a_published_line_with_its_time_first_dates_the_page() -> None:
    c = primary(NEWS_PAGE)
    assert c.date is not None
    assert (c.date.start, c.date.end) == (dt.date(2021, 6, 7), dt.date(2021, 6, 7))


def test_the_headline_under_a_page_s_menu_is_the_lede_s() -> None:
    from .reading import claims_of

    claims = [c for c in claims_of(NEWS_PAGE) if c.killed.total is not None]
    # One account of one strike: the headline's five are the lede's five, not a second claim.
    assert len(claims) == 1
    c = claims[0]
    assert c.primary and c.places[0].name == "Maarratmisrin"
    assert c.killed.children is not None and c.killed.children.min == 1
    assert c.injured.total is not None and c.injured.total.min == 14


# --- an Arabic post in English page furniture ---------------------------------------------------


@pytest.mark.parametrize("stamp", ["3:15 PM - 12 Jan 2024", "3:15 PM · 12 Jan 2024"])
def test_an_arabic_post_is_dated_by_its_english_timestamp(stamp: str) -> None:
    c = primary(
        "Copy link to Tweet\n"
        "Hawar News | ANHA\n"
        "مسيرة تابعة للاحتلال التركي تستهدف سيارة مدنية على طريق تل تمر - الحسكة، ما أدى "
        "لاستشهاد مواطنين اثنين.\n"
        f"{stamp}"
    )
    assert c.date is not None
    assert (c.date.start, c.date.end) == (dt.date(2024, 1, 12), dt.date(2024, 1, 12))
    assert c.perpetrator.group == "turkey"
    assert c.killed.civilians is not None and c.killed.civilians.min == 2


# --- fire from a party's ground -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "group"),
    [
        (
            "A hospital in al-Atarib was hit by artillery shelling on Sunday morning, killing "
            "seven patients. The shelling came from areas held by government forces, it added.",
            "syrian_government",
        ),
        (
            "A hospital in al-Atarib was hit by artillery shells fired from government-held "
            "areas on Sunday morning, killing seven patients.",
            "syrian_government",
        ),
        (
            "Rockets fired from areas controlled by the Syrian National Army hit a market in Tal "
            "Rifaat on Sunday, killing three civilians.",
            "armed_opposition",
        ),
        (
            "Shells launched from SDF-held positions hit the village of Kaljibrin on Sunday, "
            "killing a child.",
            "sdf_ypg",
        ),
    ],
)
def test_fire_from_a_party_s_ground_is_that_party_s(text: str, group: str) -> None:
    c = primary(text, published=dt.date(2021, 3, 22))
    assert c.perpetrator.group == group


def test_a_place_held_by_a_party_is_still_no_attacker() -> None:
    c = primary(
        "Russian warplanes struck the rebel-held town of Ariha on Sunday, killing four civilians.",
        published=dt.date(2021, 3, 22),
    )
    assert c.perpetrator.group == "russia"


def test_a_kurdish_monitor_is_a_monitor() -> None:
    c = primary(
        "A woman and her daughter were killed on Friday when a drone, believed to be Turkish, "
        "struck their home in the village of Um al-Khair near Tal Tamr, the Rojava Information "
        "Center reported.",
        published=dt.date(2024, 9, 20),
    )
    assert (c.claimant.name, c.claimant.type) == ("Rojava Information Center", "monitor")
    assert c.perpetrator.group == "turkey"


# --- the town told after a headline's province --------------------------------------------------


def test_a_town_told_after_the_headline_s_province_places_the_incident() -> None:
    c = primary(
        "Cluster Munitions Used in Strike Near Idlib Killed 7 Civilians\n"
        "November 17, 2022\n"
        "(Beirut) – A Syrian-Russian military alliance attack using cluster munitions on a "
        "displacement camp in northwest Syria on November 6, 2022, killed at least seven "
        "civilians, including four children, and injured dozens, Human Rights Watch said today.\n"
        "The attack on the Maram camp, near Kafr Jales, north of Idlib city, was one of several "
        "by the alliance that day."
    )
    assert c.places[0].name == "Kafr Jalis"
    assert c.date is not None and c.date.start == dt.date(2022, 11, 6)


def test_a_town_of_another_province_after_the_headline_s_does_not() -> None:
    c = primary(
        "Strike Near Idlib Killed 7 Civilians\n"
        "A Russian airstrike on a camp in Idlib province on Sunday killed seven civilians, "
        "rescuers said on Monday, in one of the deadliest attacks in the northwest this year. "
        "Elsewhere, the Kurdish town of Qamishli was calm."
    )
    assert all(p.name != "Al Qamishli" for p in c.places)


# --- a military's casualty records --------------------------------------------------------------


def test_a_record_s_opening_date_and_place_are_the_event_s_not_a_dateline() -> None:
    c = primary(
        "2021-05-30, near Deir ez-Zor, Syria. Coalition aircraft conducted an airstrike against "
        "an ISIS vehicle. After review, it was assessed that the report was non-credible.",
        published=dt.date(2021, 6, 10),
    )
    assert c.date is not None and c.date.start == dt.date(2021, 5, 30)


@pytest.mark.parametrize(
    "text",
    [
        "CJTF-OIR said that after review it assessed the report of civilian casualties from a "
        "coalition airstrike near Deir ez-Zor on May 30 as non-credible.",
        "The coalition said a review found the allegation of civilian casualties in a May 30 "
        "strike near Hajin to be non-credible.",
    ],
)
def test_a_review_finding_a_report_non_credible_denies_it(text: str) -> None:
    c = primary(text, published=dt.date(2021, 6, 10))
    assert c.stance == "denies"
    assert c.perpetrator.group == "us_led_coalition"


# --- a named person and a count of others -------------------------------------------------------


@pytest.mark.parametrize(
    "victims",
    [
        "Abu Baqir al-Saadi and two of his guards",
        "Abu Baqir al-Saadi, a senior commander of Kataib Hezbollah, and two of his guards",
        "senior commander Abu Baqir al-Saadi and two guards",
    ],
)
def test_a_person_named_before_a_count_of_others_is_added_to_it(victims: str) -> None:
    c = primary(
        f"A US drone strike in Baghdad on Wednesday killed {victims}, Iraqi security officials "
        "said.",
        published=dt.date(2024, 2, 8),
    )
    assert c.killed.total is not None
    assert (c.killed.total.min, c.killed.total.max) == (3, 3)
    assert c.perpetrator.group == "us_led_coalition"


# --- a defence ministry's own post --------------------------------------------------------------


@pytest.mark.parametrize("account", ["T.C. Milli Savunma Bakanlığı\n@tcsavunma", "@tcsavunma"])
def test_the_turkish_defence_ministry_s_post_admits_its_commandos_act(account: str) -> None:
    c = primary(
        f"{account}\n"
        "5 PKK/YPG terrorists who were preparing to attack our Peace Spring region were "
        "neutralized by our heroic commandos. Our fight against terrorism will continue with "
        "determination. #MSB\n"
        "3:41 PM · Jan 14, 2023"
    )
    assert (c.claimant.name, c.claimant.type) == (
        "Turkish Ministry of National Defence",
        "party_to_conflict",
    )
    assert c.perpetrator.group == "turkey"
    assert c.stance == "admits"
    assert c.killed.combatants is not None and c.killed.combatants.min == 5
    assert c.date is not None and c.date.start == dt.date(2023, 1, 14)


# --- another speaker's toll in a relative clause ------------------------------------------------


def test_a_toll_another_speaker_gives_in_a_relative_clause_is_that_speaker_s() -> None:
    from .reading import claims_of

    text = (
        "Israel said it targeted Hamas military chief Mohammed Deif in a strike on Khan Younis on "
        "Saturday that Gaza's health ministry said killed at least 90 people in the al-Mawasi "
        "area."
    )
    claims = claims_of(text, published=dt.date(2024, 7, 14))
    toll = [c for c in claims if c.killed.total is not None]
    assert len(toll) == 1
    c = toll[0]
    assert c.primary
    assert c.claimant.name == "Gaza's health ministry"
    assert c.killed.total is not None and c.killed.total.min == 90
    assert c.perpetrator.group == "israel"
    assert c.stance == "alleges"
    # Israel's own words admit the strike, not the toll.
    israel = [c for c in claims if c.claimant.name == "Israel"]
    assert israel and all(c.killed.total is None for c in israel)


# --- a monitor's daily record -------------------------------------------------------------------

DAILY = (
    "Daily death toll | 6 people killed across Syrian territory on October 19\n"
    "SOHR documented the deaths of six people across Syria on Wednesday, they are as follows:\n"
    "Daraa: a young man was shot dead by unknown gunmen in Tafas town in the western "
    "countryside.\n"
    "Deir Ezzor: two SDF members were killed in an attack by ISIS cells near Al-Busayrah.\n"
    "Idlib: a child was killed by regime shelling on Al-Bara village in Jabal Al-Zawiya.\n"
)


def test_the_items_of_a_daily_record_take_the_day_its_introduction_names() -> None:
    from .reading import claims_of

    claims = claims_of(DAILY, published=dt.date(2022, 10, 20))
    child = next(c for c in claims if c.killed.children is not None)
    assert child.perpetrator.group == "syrian_government"
    assert child.date is not None and child.date.start == dt.date(2022, 10, 19)
    sdf = next(c for c in claims if c.perpetrator.group == "isis")
    assert sdf.date is not None and sdf.date.start == dt.date(2022, 10, 19)


def test_an_undated_story_without_an_introduction_stays_undated() -> None:
    from .reading import claims_of

    claims = claims_of(
        "On January 31, a drone believed to be Turkish struck a car near the town of "
        "Derbasiyah, killing two members of the Asayish. Separately, Turkish artillery shelled "
        "villages around Tal Tamr, wounding a child.",
        published=dt.date(2023, 2, 1),
    )
    shelled = next(c for c in claims if c.event_type == "shelling")
    assert shelled.date is None


def test_a_byline_and_its_bullet_date_the_page() -> None:
    c = primary(
        "World news\n"
        "Story by Reuters • 12/12/2022\n"
        "A Russian airstrike killed three civilians in the town of Ariha on Sunday, rescuers said."
    )
    assert c.date is not None and c.date.start == dt.date(2022, 12, 11)


# --- how people died, and who received the reports ----------------------------------------------


def test_people_named_by_what_they_were_doing_are_counted() -> None:
    c = primary(
        "NEAR FALLUJAH, Iraq (Reuters) - At least 12 people fleeing Fallujah were killed on "
        "Sunday when their boat capsized on the Euphrates, officials said.",
        published=dt.date(2016, 6, 6),
    )
    assert c.killed.total is not None and (c.killed.total.min, c.killed.total.max) == (12, None)


def test_the_drowned_are_dead_and_a_body_that_received_reports_speaks() -> None:
    c = primary(
        "OCHA received reports that 12 civilians, including children, drowned on 5 June while "
        "trying to cross the Euphrates river to flee Fallujah.",
        published=dt.date(2016, 6, 8),
    )
    assert c.killed.civilians is not None and c.killed.civilians.min == 12
    assert (c.claimant.name, c.claimant.type) == ("OCHA", "un")
    assert c.date is not None and c.date.start == dt.date(2016, 6, 5)


def test_bunker_buster_bombs_fall_from_the_air() -> None:
    c = primary(
        "Bunker buster bombs on al-Sakhour, whole buildings down. 27 martyrs counted in Sakhour "
        "alone.",
        published=dt.date(2016, 9, 25),
    )
    assert c.event_type == "airstrike"
    assert c.killed.total is not None and c.killed.total.min == 27


# --- one place under two names ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("استهداف محطة وقود في ريف المالكية/ديرك، مساء أمس.", "Al Malikiyah"),
        ("قصف على كوباني/عين العرب", "Ayn al Arab"),
        ("Turkish drones struck near Derik/al-Malikiyah on Monday.", "Al Malikiyah"),
    ],
)
def test_a_place_named_twice_across_a_slash_is_found(text: str, name: str) -> None:
    from factfinder.geo import find_places as find_places_any_script

    names = {m.place.name for m in find_places_any_script(text)}
    assert names == {name}


def test_the_members_of_a_family_are_no_fighters() -> None:
    c = primary(
        "An entire family of seven members was wiped out in an Israeli strike on Deir al-Balah "
        "on Monday.",
        published=dt.date(2023, 10, 10),
    )
    assert c.killed.total is not None and c.killed.total.min == 7
    assert c.killed.combatants is None


def test_fighters_wiped_out_are_still_fighters() -> None:
    c = primary(
        "The ministry said 12 PKK terrorists were wiped out in an air operation in northern Iraq "
        "on Monday.",
        published=dt.date(2023, 10, 10),
    )
    assert c.killed.combatants is not None and c.killed.combatants.min == 12


@pytest.mark.parametrize(
    ("text", "civilians", "combatants"),
    [
        (
            "A car bomb exploded at a checkpoint of the Turkish-backed Sultan Murad Division near "
            "al-Bab, killing two fighters and a passerby.",
            1,
            2,
        ),
        (
            "Unknown gunmen on a motorcycle shot dead a local council member in the town of Jasim "
            "in Daraa countryside on Sunday.",
            1,
            None,
        ),
        (
            "Unknown gunmen shot dead two members of the Eighth Brigade in the town of Jasim on "
            "Sunday.",
            None,
            2,
        ),
        (
            "A drone strike killed two members of a local council in the town of Jasim on Sunday.",
            2,
            None,
        ),
        ("Unknown gunmen shot dead a mukhtar in the town of Jasim on Sunday.", 1, None),
        (
            "A Turkish drone killed two members of the Manbij Military Council near Manbij on "
            "Sunday.",
            None,
            2,
        ),
    ],
)
def test_who_the_dead_were(text: str, civilians: int | None, combatants: int | None) -> None:
    c = primary(text, published=dt.date(2022, 4, 11))
    assert (c.killed.civilians.min if c.killed.civilians else None) == civilians
    assert (c.killed.combatants.min if c.killed.combatants else None) == combatants


# --- days named twice, weeks of a month ---------------------------------------------------------


def test_a_weekday_with_its_date_in_brackets_is_that_date() -> None:
    c = primary(
        "A Russian airstrike killed four civilians in the town of Ariha on Tuesday (October 3), "
        "the Syria Civil Defence said.",
        published=dt.date(2023, 10, 10),
    )
    assert c.date is not None and c.date.start == dt.date(2023, 10, 3)


@pytest.mark.parametrize(
    ("week", "start", "end"),
    [("first", 1, 7), ("second", 8, 14), ("last", 25, 31)],
)
def test_a_week_of_a_month_is_seven_days(week: str, start: int, end: int) -> None:
    c = primary(
        f"SNHR: 41 civilians were killed in Syria in the {week} week of October 2023, including "
        "12 children.",
        published=dt.date(2023, 11, 9),
    )
    assert c.date is not None
    assert (c.date.start, c.date.end) == (dt.date(2023, 10, start), dt.date(2023, 10, end))


# --- other languages in Latin letters -----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Trois civils ont été tués jeudi dans une frappe de drone turc près de Qamishli, selon "
        "l'Observatoire syrien des droits de l'homme.",
        "Drei Zivilisten wurden am Donnerstag bei einem türkischen Drohnenangriff nahe "
        "Qamischli getötet.",
        "Kurdistan24 - Sê kes di êrîşa droneke Tirkiyê de li nêzîkî Silêmaniyê hatin kuştin.",
        "Türk SİHA'sı Kamışlı yakınlarında bir aracı vurdu, üç kişi hayatını kaybetti.",
    ],
)
def test_another_language_in_latin_letters_is_not_read_as_english(text: str) -> None:
    from .reading import claims_of

    assert claims_of(text, published=dt.date(2023, 8, 10)) == []


def test_a_document_s_own_language_decides() -> None:
    from factfinder.extract.pipeline import extract_document
    from factfinder.model import Document

    text = "Turkish drone kills three SDF fighters near Qamishli, monitor says."
    assert extract_document(Document(id="en", text=text, language="en")).claims
    assert not extract_document(Document(id="fr", text=text, language="fr")).claims


@pytest.mark.parametrize(
    "text",
    [
        "Syria: Turkish drone kills three SDF fighters near Qamishli, monitor says",
        "BREAKING: Russian jets pound Idlib countryside, 5 civilians dead #Syria #Idlib",
    ],
)
def test_a_short_english_headline_is_still_read(text: str) -> None:
    from .reading import claims_of

    assert claims_of(text, published=dt.date(2023, 8, 10))


@pytest.mark.parametrize("name", ["Islamic Resistance in Lebanon", "Islamic Resistance in Iraq"])
def test_the_islamic_resistance_speaks_for_iran_s_axis(name: str) -> None:
    c = primary(
        f"The {name} said its fighters targeted an Israeli army position with guided missiles, "
        "killing two soldiers.",
        published=dt.date(2024, 1, 8),
    )
    assert c.claimant.type == "party_to_conflict"
    assert c.perpetrator.group == "iran"
    assert c.stance == "admits"


# --- a toll in round words after the incident ---------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Massive blast in #Karrada after midnight, shopping centre on fire, families were buying "
        "Eid clothes. Dozens dead #Baghdad",
        "Massive blast in Karrada after midnight. Dozens killed.",
    ],
)
def test_a_round_toll_after_the_incident_is_its_toll(text: str) -> None:
    c = primary(text, published=dt.date(2016, 7, 3))
    assert c.killed.total is not None and (c.killed.total.min, c.killed.total.max) == (24, None)
    assert c.event_type == "explosion"


def test_a_round_toll_elsewhere_is_not_the_incident_s() -> None:
    c = primary(
        "Massive blast in Baghdad's Karrada district after midnight, shopping centre on fire. "
        "Dozens dead in Mosul.",
        published=dt.date(2016, 7, 3),
    )
    assert c.killed.total is None


@pytest.mark.parametrize("state", ["Iraq", "Baghdad", "Syria"])
def test_a_state_speaking_by_its_name_is_a_party(state: str) -> None:
    c = primary(
        f"{state} said a US drone strike on a car near al-Qaim on Friday killed three people.",
        published=dt.date(2024, 2, 3),
    )
    assert (c.claimant.name, c.claimant.type) == (state, "party_to_conflict")
