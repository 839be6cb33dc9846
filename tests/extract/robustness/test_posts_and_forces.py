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
