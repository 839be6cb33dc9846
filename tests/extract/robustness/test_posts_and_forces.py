"""Captured posts and the forces they name.

Each text is written for this suite in the style of a capture a monitor archives: an X post whose
timestamp is glued to its view count ("Dec 1, 2024153Views4"), a Telegram channel's post dated
after its views ("8.88K viewsDec 18, 2023 at 16:11"), a post that opens with a count glued to its
author's handle ("SOHR@syriahr2 children killed"); and the forces such posts name by their own
abbreviations or their air forces' names, in English and Arabic.
"""

from __future__ import annotations

import datetime as dt

import pytest

from .reading import primary

# --- the dates of captured posts ----------------------------------------------------------------


def test_an_x_post_s_timestamp_glued_to_its_view_count_dates_the_post() -> None:
    c = primary(
        "Post  Post  Syria Civil Defence@SyriaCivilDefTwo civilians were killed when Russian "
        "warplanes struck the town of Kafr Nouran this morning.2:22 PM · Dec 1, 2024153Views4"
    )
    assert c.date is not None
    assert (c.date.start, c.date.end) == (dt.date(2024, 12, 1), dt.date(2024, 12, 1))
    assert c.perpetrator.group == "russia"


def test_a_view_count_with_a_unit_glued_to_the_year() -> None:
    c = primary(
        "Post  Post  Idlib Online@idlib_onlineA woman was killed by regime shelling on the "
        "town of Sarmin last night.11:57 AM · May 2, 202526.1KViews63101124"
    )
    assert c.date is not None
    assert c.date.start == dt.date(2025, 5, 1)


@pytest.mark.parametrize("gap", ["", " "])
def test_a_telegram_post_is_dated_by_the_date_after_its_views(gap: str) -> None:
    c = primary(
        "Telegram Widget  Step News Agency  3 civilians killed in a Russian airstrike on a farm "
        "near Jisr al-Shughur this morning. t.me/stepagency/22111  "
        f"12K views{gap}Oct 25, 2023 at 09:30"
    )
    assert c.date is not None
    assert c.date.start == dt.date(2023, 10, 25)
    assert c.killed.civilians is not None and c.killed.civilians.min == 3


def test_a_year_followed_by_other_digits_is_no_year() -> None:
    # only a view count may follow a year glued: "in 20241 cases" is not 2024
    c = primary("Regime shelling killed two civilians in Sarmin on 3 March 20241 and wounded four.")
    assert c.date is None or c.date.start.year != 2024


# --- a count glued to the author's handle -------------------------------------------------------


def test_a_post_opening_with_a_count_keeps_its_count() -> None:
    c = primary(
        "Post Post  SOHR@syriahr2 children killed in #Israeli airstrike on Kafr Batna in East "
        "Ghouta last night. #Syria 9:14 AM · Oct 14, 2023 12.3K Views"
    )
    assert c.killed.children is not None and c.killed.children.min == 2
    assert c.perpetrator.group == "israel"
    assert c.date is not None and c.date.start == dt.date(2023, 10, 13)


def test_a_handle_ending_in_digits_before_a_capitalised_post_stays_whole() -> None:
    # "@Step_News24 Three …": the digits belong to the handle, and no "24" count appears
    c = primary(
        "Post  Post  Step News@Step_News24 Three civilians were killed in a Russian airstrike on "
        "Ariha on Friday. 10:05 AM · Mar 4, 2022"
    )
    assert c.killed.civilians is not None and c.killed.civilians.min == 3
    assert c.killed.total is not None and c.killed.total.min == 3


# --- forces by their abbreviations and air forces' names --------------------------------------


@pytest.mark.parametrize(
    ("force", "group"),
    [
        ("a SyAAF helicopter", "syrian_government"),
        ("VKS jets", "russia"),
        ("the IAF", "israel"),
        ("Hezbollah fighters", "iran"),
        ("Daesh remnants", "isis"),
        ("HTS fighters", "hts_nusra"),
    ],
)
def test_a_force_named_after_a_toll_and_when(force: str, group: str) -> None:
    # "… were killed on Friday when Hezbollah fighters attacked": the subject of the clause
    # after "when" did the killing; it is not among the dead
    c = primary(
        "Four civilians, including two children, were killed on Friday when "
        f"{force} attacked the village of Sarmin in Idlib countryside, a local source said.",
        dt.date(2024, 3, 2),
    )
    assert c.perpetrator.group == group


def test_fighters_killed_by_a_strike_stay_victims() -> None:
    c = primary(
        "An Israeli strike killed on Friday three Hezbollah fighters near Qusayr.",
        dt.date(2024, 3, 2),
    )
    assert c.perpetrator.group == "israel"


@pytest.mark.parametrize(
    ("force", "group"),
    [
        ("سلاح الجو السوري", "syrian_government"),
        ("سلاح الطيران السوري", "syrian_government"),
        ("الطيران الحربي السوري", "syrian_government"),
        ("القوات العراقية", "iraq_government"),
    ],
)
def test_arabic_air_forces_and_armies_by_their_names(force: str, group: str) -> None:
    c = primary(
        f"قتل أربعة مدنيين بينهم طفلان جراء قصف نفذه {force} على بلدة سرمين في ريف إدلب يوم الجمعة.",
        dt.date(2024, 3, 2),
    )
    assert c.perpetrator.group == group
    assert c.killed.civilians is not None and c.killed.civilians.min == 4


def test_the_syrian_adjective_joined_to_a_second_air_force_names_the_second() -> None:
    c = primary(
        "قتل أربعة مدنيين بغارات الطيران السوري والروسي على مدينة أريحا يوم الجمعة.",
        dt.date(2024, 3, 2),
    )
    assert c.perpetrator.group == "russia"


# --- a headline giving a party's word on an event ---------------------------------------------


@pytest.mark.parametrize("title", ["SDF on the convoy massacre", "Kurdish forces on the convoy"])
def test_a_party_s_word_on_an_event_in_the_headline_is_not_its_act(title: str) -> None:
    from factfinder.extract.pipeline import extract_document
    from factfinder.model import Document

    doc = Document(
        id="t",
        title=title,
        text=(
            "Turkish warplanes deliberately targeted a civilian convoy heading to Serêkaniyê, "
            "martyring 11 civilians including journalists, the SDF media centre said."
        ),
    )
    c = extract_document(doc).primary
    assert c is not None
    assert c.perpetrator.group == "turkey"
    assert c.stance == "alleges"


def test_a_party_on_a_weekday_still_acts() -> None:
    from factfinder.extract.actors import find_actors

    t = "SDF on Tuesday shelled Manbij"
    (sdf,) = find_actors(t, 0, len(t))
    assert (sdf.group, sdf.role) == ("sdf_ypg", "perpetrator")


def test_the_syrian_air_force_s_name_then_a_second_nation_names_the_second() -> None:
    # "the joint Syrian Russian air force": the more specific attacker, the one that only flies
    c = primary(
        "الطيران الحربي السوري الروسي المشترك ينفذ غاراته على مواقع في تلبيسة بريف حمص ويقتل "
        "ثلاثة مدنيين.",
        dt.date(2024, 3, 2),
    )
    assert c.perpetrator.group == "russia"


def test_a_force_that_took_part_in_another_s_operation_is_not_its_party() -> None:
    c = primary(
        "إنزال جوي للتحالف الدولي يضرب معاقل التنظيم جنوب الحسكة ومقتل شخصين. وشاركت وحدات من "
        "القوات العراقية في العملية.",
        dt.date(2024, 3, 2),
    )
    assert c.perpetrator.group == "us_led_coalition"


@pytest.mark.parametrize("headline", ["Coalition raids on Hajin", "Turkish jets on the attack"])
def test_an_attack_named_in_a_headline_keeps_its_party(headline: str) -> None:
    from factfinder.extract.actors import find_actors

    (party,) = find_actors(headline, 0, len(headline))
    assert party.role == "perpetrator"


# --- a village named after a possessive -------------------------------------------------------


def test_a_village_unknown_to_the_gazetteer_after_a_possessive_keeps_the_possessor() -> None:
    # "Sinjar's Sikeniye village": the name ends at the possessive; the village is Sinjar's
    c = primary(
        "Turkish drones struck a hospital in Sinjar's Sikeniye village on Tuesday, killing "
        "eight people, according to local officials.",
        dt.date(2021, 8, 17),
    )
    # (Syria and Iraq both have a Sinjar; nothing else in this text tells which)
    assert [p.name for p in c.places] == ["Sinjar"]


# --- attackers named jointly ------------------------------------------------------------------


@pytest.mark.parametrize(
    "attackers",
    [
        "Syrian and Russian warplanes",
        "Syrian-Russian warplanes",
        "Syrian-Russian alliance forces",
        "Regime and Russian warplanes",
        "Russian and Syrian regime warplanes",
    ],
)
def test_the_air_party_of_a_joint_attack_leads_in_english_as_in_arabic(attackers: str) -> None:
    c = primary(
        f"{attackers} struck Idlib city on Monday, killing five civilians.", dt.date(2024, 12, 3)
    )
    assert c.perpetrator.group == "russia"


def test_two_ground_forces_named_jointly_keep_the_first() -> None:
    c = primary(
        "Syrian and Iranian forces shelled the town of Sarmin on Monday, killing two civilians.",
        dt.date(2024, 12, 3),
    )
    assert c.perpetrator.group == "syrian_government"


# --- posts' shorthand and proxies' strikes ----------------------------------------------------


def test_a_post_s_bare_kia_and_wia_count_fighters() -> None:
    c = primary("Turkish drone strike on Qamishli: 2 KIA, 3 WIA", dt.date(2024, 1, 29))
    assert c.killed.combatants is not None and c.killed.combatants.min == 2
    assert c.killed.civilians is None
    assert c.injured.total is not None and c.injured.total.min == 3


def test_a_proxy_s_strike_names_its_backer() -> None:
    c = primary(
        "An Iranian-backed drone strike killed three US service members at Tower 22 in Jordan "
        "on Sunday.",
        dt.date(2024, 1, 29),
    )
    assert c.perpetrator.group == "iran"


# --- an Arabic post that opens with the victim's name -----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Post  Post  الشبكة السورية@SN4HRمحمد المصطفى، قُتل إثر إطلاق مدفعية تابعة لقوات "
        "#النظام_السوري عدة قذائف على قرية كنصفرة في منطقة جبل الزاوية جنوب محافظة #إدلب، في "
        "30-11-2024. #سورياGIF2:57 PM · Nov 30, 2024372Views2",
        "محمد المصطفى قتل بقصف مدفعي لقوات النظام على قرية كنصفرة جنوب إدلب.",
    ],
)
def test_a_full_name_opening_the_clause_before_its_verb_is_one_victim(text: str) -> None:
    c = primary(text, dt.date(2024, 11, 30))
    assert c.killed.total is not None and c.killed.total.min == 1
    assert c.perpetrator.group == "syrian_government"


def test_a_named_person_who_speaks_or_kills_is_no_victim() -> None:
    c = primary("محمد المصطفى قال إن القصف على قرية كنصفرة قتل طفلين.", dt.date(2024, 11, 30))
    assert c.killed.total is not None and c.killed.total.min == 2
    c = primary(
        "محمد المصطفى قتل ثلاثة عناصر من قوات النظام في هجوم على قرية كنصفرة.",
        dt.date(2024, 11, 30),
    )
    assert c.killed.total is not None and c.killed.total.min == 3


def test_a_comma_glued_inside_a_stretched_arabic_word_does_not_break_it() -> None:
    # posts stretch and break words to pass platforms' filters: "مقـــــ,تله" is "مقتله"
    c = primary(
        'مسيرة #أمريكية تستـــــــــ,هدف سيارة يستقلها "هاني جمعة الحمود" في منطقة #البردقلي '
        "بريف #حلب الغربي، ما أدى إلى مقـــــــ,تله على الفور.",
        dt.date(2025, 6, 10),
    )
    assert c.killed.total is not None and c.killed.total.min == 1
    assert c.perpetrator.group == "us_led_coalition"


# --- a year-less date under a month named with its year ----------------------------------------


def test_a_year_less_date_takes_the_year_of_its_month_named_nearby() -> None:
    from factfinder.extract.dates import find_dates

    text = (
        "On 25 June 2023, a Russian airstrike on a market in Jisr al-Shughur killed nine "
        "civilians. Earlier in October 2023, Syrian government and Russian forces launched a wave "
        "of attacks on Idlib governorate, killing at least 66 civilians on 10 October."
    )
    days = [d.window.start for d in find_dates(text) if d.window.precision == "day"]
    assert dt.date(2023, 10, 10) in days
    assert dt.date(2022, 10, 10) not in days


def test_a_year_less_date_before_a_new_year_keeps_the_year_before() -> None:
    from factfinder.extract.dates import find_dates

    text = "Shelling on 28 December killed two. A strike on 3 January 2024 killed four."
    days = [d.window.start for d in find_dates(text) if d.window.precision == "day"]
    assert days == [dt.date(2023, 12, 28), dt.date(2024, 1, 3)]


def test_a_section_heading_ends_the_claimant_of_the_section_before() -> None:
    text = (
        "Syrian government and Russian forces launched a wave of attacks on Idlib governorate "
        "on 10 October 2023, killing at least 66 civilians, according to the UN.\n"
        "\n"
        "Background\n"
        "\n"
        "On 25 June 2023, a Russian airstrike on a market in Jisr al-Shughur killed nine "
        "civilians."
    )
    from .reading import claims_of

    (june,) = [c for c in claims_of(text) if c.date and c.date.start == dt.date(2023, 6, 25)]
    assert june.claimant is None or june.claimant.name != "UN"


def test_the_day_a_statement_was_made_gives_way_to_the_event_s_month() -> None:
    c = primary(
        "(Beirut, December 10, 2024) – Russian warplanes carried out attacks on schools in Idlib "
        "in November that killed 57 civilians, Human Rights Watch said today."
    )
    assert c.date is not None
    assert (c.date.start, c.date.end) == (dt.date(2024, 11, 1), dt.date(2024, 11, 30))


def test_the_day_a_statement_was_made_dates_an_event_told_with_no_other_date() -> None:
    c = primary(
        "Air strikes on the town of Saraqib killed 17 people, rescue workers said on Tuesday.",
        dt.date(2018, 2, 7),
    )
    assert c.date is not None and c.date.start == dt.date(2018, 2, 6)


# --- a UN briefing's period toll, its incidents and its voice ---------------------------------

_BRIEFING = (
    "Press briefing notes on Syria\n"
    "Spokesperson for the UN High Commissioner for Human Rights: Jeremy Laurence\n"
    "Location: Geneva\n"
    "Date: 13 October 2023\n"
    "\n"
    "We are deeply alarmed by the recent escalation of hostilities in north-west Syria. Since "
    "5 October, at least 66 civilians, including 23 children, have been killed and more than "
    "270 injured in Government-controlled and non-Government-controlled areas.\n"
    "\n"
    "On 5 October, a drone attack on a military graduation ceremony in Homs city killed at "
    "least 89 people, including 31 women and five children, according to the Ministry of "
    "Health.\n"
    "\n"
    "In the days that followed, Government forces and their allies shelled and carried out "
    "airstrikes on more than 2,300 locations in Idlib and western Aleppo governorates. On 6 "
    "October, shelling on the town of Darat Izza killed four civilians, including two "
    "children.\n"
)


def test_a_toll_running_since_a_day_is_no_incident_and_the_first_incident_leads() -> None:
    c = primary(_BRIEFING)
    assert c.killed.total is not None and c.killed.total.min == 89
    assert c.date is not None and c.date.start == dt.date(2023, 10, 5)
    assert [p.name for p in c.places][:1] == ["Homs"]
    # the government's shelling "in the days that followed" is not the drone attack's
    assert c.perpetrator.group == "unknown"


def test_a_briefing_speaks_in_its_office_s_voice() -> None:
    from .reading import claims_of

    (darat,) = [c for c in claims_of(_BRIEFING) if any(p.name == "Darat Izza" for p in c.places)]
    assert darat.claimant is not None
    assert darat.claimant.type == "un"
    assert darat.killed.civilians is not None and darat.killed.civilians.min == 4


# --- a wire story's lede, its aside and its other violence ------------------------------------

_WIRE = (
    "BEIRUT (AP) — Turkish drones struck oil and power facilities in northeast Syria on "
    "Thursday, killing at least nine people, a Kurdish-led group said, a day after Ankara vowed "
    "to retaliate for a suicide attack in its capital.\n"
    "\n"
    "The Syrian Democratic Forces said the strikes hit 30 sites in Hasakah and Qamishli, "
    "including a power station that supplies the city of Qamishli.\n"
    "\n"
    "In other violence, a drone attack on a military academy in the central city of Homs killed "
    "at least 89 people, including 31 women and five children, Syria's health minister said.\n"
)


def test_a_threat_told_after_the_harm_does_not_make_the_lede_background() -> None:
    c = primary(_WIRE, dt.date(2023, 10, 6))
    assert c.killed.total is not None and c.killed.total.min == 9
    assert c.perpetrator.group == "turkey"
    assert c.date is not None and c.date.start == dt.date(2023, 10, 5)
    assert c.claimant is not None and c.claimant.name == "Kurdish-led group"


def test_other_violence_is_another_incident() -> None:
    from .reading import claims_of

    tolls = sorted(
        c.killed.total.min for c in claims_of(_WIRE, dt.date(2023, 10, 6)) if c.killed.total
    )
    assert tolls == [9, 89]


def test_a_threat_before_its_toll_stays_background() -> None:
    from .reading import claims_of

    text = (
        "Turkey vowed to retaliate for the attack, which killed 2 police officers in Ankara on "
        "Sunday.\n\nTurkish drones struck Qamishli on Thursday, killing 9 people."
    )
    tolls = [c.killed.total.min for c in claims_of(text, dt.date(2023, 10, 6)) if c.killed.total]
    assert tolls == [9]


# --- a monitor's Arabic items and the operations rooms --------------------------------------


def test_an_arabic_related_item_is_another_incident() -> None:
    from .reading import claims_of

    text = (
        "قتل مدنيان بقصف مدفعي لقوات النظام على بلدة سرمين. وفي سياق آخر، قتل طفل بانفجار لغم "
        "في ريف حلب الشرقي."
    )
    claims = claims_of(text, dt.date(2021, 10, 20))
    assert sorted(c.killed.total.min for c in claims if c.killed.total) == [1, 2]
    (mine,) = [c for c in claims if c.event_type == "explosion"]
    assert mine.perpetrator.group == "unknown"


@pytest.mark.parametrize(
    "text",
    [
        "استهدفت فصائل غرفة عمليات الفتح المبين مواقع قوات النظام في قلعة ميرزا بريف حماة "
        "الغربي، مما أدى لإصابة سيدتين بجروح متفاوتة.",
        "Fighters of the Military Operations Command attacked the town of Sarmin on Friday, "
        "wounding two women.",
        "The al-Fateh al-Mubin operations room shelled the town of Sarmin on Friday, wounding two "
        "women.",
    ],
)
def test_the_operations_rooms_hts_led_are_its(text: str) -> None:
    assert primary(text, dt.date(2021, 10, 20)).perpetrator.group == "hts_nusra"


def test_a_prison_quarter_of_hasakah_is_placed() -> None:
    c = primary(
        "Daesh cells attacked al-Sina'a prison in Ghwayran with a car bomb; our forces repelled "
        "the attack, 7 of our fighters were martyred.",
        dt.date(2022, 1, 21),
    )
    (place,) = c.places
    assert place.precision == "neighbourhood" and place.admin1 == "Al-Hasakah"
    assert c.perpetrator.group == "isis"


def test_a_party_denying_its_strike_still_denies() -> None:
    c = primary(
        "The Russian Ministry of Defence denied that its aircraft struck the market in Maarat "
        "al-Numan, saying only terrorists were killed.",
        dt.date(2019, 7, 23),
    )
    assert c.stance == "denies"
    assert c.perpetrator.group == "russia"


def test_no_indication_that_civilians_were_harmed_denies_like_no_civilian_casualties() -> None:
    c = primary(
        "A US helicopter raid in the village of Jarablus killed a senior ISIS official, CENTCOM "
        "said, adding there are no indications that civilians were harmed.",
        dt.date(2023, 8, 30),
    )
    assert c.stance == "denies"
    assert c.perpetrator.group == "us_led_coalition"


# --- "the occupation" and the Turkish state ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "group"),
    [
        (
            "The Turkish occupation continues its attacks on north and east Syria. An occupation "
            "drone targeted a car on the Qamishlo-Amuda road on Thursday, martyring two members "
            "of the Internal Security Forces.",
            "turkey",
        ),
        (
            "An occupation drone targeted a car in Deir al-Balah in the central Gaza Strip on "
            "Thursday, killing two civilians.",
            "israel",
        ),
        (
            "The Turkish state's drones struck the vicinity of Zirgan district on Thursday, "
            "killing a civilian.",
            "turkey",
        ),
    ],
)
def test_the_occupation_is_the_occupier_the_text_names(text: str, group: str) -> None:
    assert primary(text, dt.date(2023, 1, 5)).perpetrator.group == group


def test_a_bare_occupation_with_no_occupier_named_names_nobody() -> None:
    c = primary(
        "An occupation drone targeted a car near Amuda on Thursday, killing two people.",
        dt.date(2023, 1, 5),
    )
    assert c.perpetrator.group == "unknown"


def test_shehba_is_a_region_of_aleppo() -> None:
    c = primary(
        "The Turkish occupation army and its mercenaries bombed the villages of Shehba canton "
        "with heavy artillery on Thursday, wounding a child.",
        dt.date(2023, 1, 5),
    )
    assert [(p.name, p.admin1) for p in c.places] == [("Shehba", "Aleppo")]


def test_two_asides_between_a_count_and_its_verb() -> None:
    c = primary(
        "At least 18 people, mostly children and women, all from the Al-Khalot family, were "
        "killed and others were wounded on the morning of October 20th, 2023 when an alleged "
        "Israeli strike hit their home in the Sheikh Radwan neighbourhood."
    )
    assert c.killed.total is not None and c.killed.total.min == 18


# --- counts after one person named first, and tolls told in other words ------------------------


@pytest.mark.parametrize(
    ("text", "outcome", "count"),
    [
        (
            "Gunmen opened fire on a car near Tafas, killing the driver and two passengers.",
            "killed",
            3,
        ),
        (
            "An airstrike hit a house in Rafah, killing eight people and injuring the doctor and "
            "12 others.",
            "injured",
            13,
        ),
    ],
)
def test_one_person_named_before_the_count_the_verb_governs(
    text: str, outcome: str, count: int
) -> None:
    c = primary(text, dt.date(2024, 8, 10))
    got = c.killed.total if outcome == "killed" else c.injured.total
    assert got is not None and got.min == count


def test_dead_found_to_have_been_killed_and_others_wounded() -> None:
    c = primary(
        "An airstrike hit the school in Gaza City; at least 77 civilians were found to have been "
        "killed, with at least 54 others wounded.",
        dt.date(2024, 8, 10),
    )
    assert c.killed.civilians is not None and c.killed.civilians.min == 77
    assert c.injured.total is not None and c.injured.total.min == 54


def test_more_hurt_also_reported_in_the_attack_are_its_own() -> None:
    from .reading import claims_of

    claims = claims_of(
        "An airstrike hit a house in Rafah, killing two people. At least four civilians were "
        "also reported injured in the attack.",
        dt.date(2024, 8, 10),
    )
    assert len(claims) == 1
    assert claims[0].injured.total is not None and claims[0].injured.total.min == 4


# --- an army's own words: fighters "neutralized" in its operation's region --------------------


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        (
            "5 PKK terrorists detected in the Operation Claw-Lock region of northern Iraq were "
            "neutralized by our heroic commandos.",
            5,
        ),
        (
            "3 PKK/YPG terrorists who opened harassment fire on our base area in the Operation "
            "Peace Spring region were neutralized.",
            3,
        ),
    ],
)
def test_fighters_neutralized_in_an_operation_s_region_fell_to_its_army(
    text: str, dead: int
) -> None:
    c = primary(text, dt.date(2024, 1, 15))
    assert c.killed.combatants is not None and c.killed.combatants.min == dead
    assert c.perpetrator.group == "turkey"


def test_an_operation_named_as_a_place_alone_acts_in_nothing() -> None:
    c = primary(
        "Two civilians were killed by a landmine in the Operation Peace Spring region on Monday.",
        dt.date(2024, 1, 15),
    )
    assert c.perpetrator.group == "unknown"


def test_a_news_page_s_date_glued_to_its_time_dates_the_page() -> None:
    c = primary(
        "Middle East\n"
        "Russian jets strike Idlib, killing 7\n"
        "By Reuters\n"
        "December 1, 20242:22 PM GMT+3Updated 3 hours ago\n"
        "Russian jets struck the city of Idlib on Sunday, killing seven civilians, rescuers said."
    )
    assert c.date is not None and c.date.start == dt.date(2024, 12, 1)


# --- an air party announcing its dead, an Arabic "aggression" -----------------------------------


def test_an_air_party_announcing_a_leader_killed_by_a_strike_admits_it() -> None:
    c = primary(
        'أعلنت القيادة المركزية الأمريكية "سنتكوم" مقتل قيادي في تنظيم داعش بغارة جوية في ريف '
        "دير الزور.",
        dt.date(2024, 10, 3),
    )
    assert c.perpetrator.group == "us_led_coalition"
    assert c.stance == "admits"


@pytest.mark.parametrize(
    "text",
    [
        "أعلنت وزارة الدفاع السورية مقتل ثلاثة مدنيين بغارة جوية على ريف حمص.",
        "أعلنت قسد مقتل ثلاثة مدنيين بغارة تركية على ريف الحسكة.",
    ],
)
def test_a_party_announcing_deaths_by_a_strike_it_does_not_own_is_no_attacker(text: str) -> None:
    c = primary(text, dt.date(2024, 10, 3))
    assert c.stance == "alleges"
    assert c.perpetrator.group in ("unknown", "turkey")


def test_an_air_party_s_arabic_aggression_is_an_airstrike() -> None:
    c = primary(
        "عدوان جوي إسرائيلي يستهدف محيط مدينة القصير بريف حمص ويوقع شهيدين من المدنيين.",
        dt.date(2024, 10, 3),
    )
    assert c.event_type == "airstrike"
    assert c.perpetrator.group == "israel"
