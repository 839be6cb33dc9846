"""Years named relative to the report, tolls told again by their number, and releases titled by
their author.

Each text is written for this suite in the style of a report a monitor archives: an annual
report looking back ("On October 5th last year"), a health ministry's daily toll ("in the past
24 hours"), a local outlet that says who the dead were in the sentence after the toll ("The
three were members of the Asayish"), a wire story on strikes in "southern Lebanon", a civil
defence post naming a road between a town and a village no gazetteer holds, and a command's
release whose title names its author ("Statement from CENTCOM on …").
"""

from __future__ import annotations

import datetime as dt

from factfinder.extract.attribution import find_claimants
from factfinder.extract.dates import find_dates
from factfinder.extract.pipeline import extract_document
from factfinder.geo.resolver import find_places
from factfinder.model import Document

from .reading import primary

# --- a year named relative to the report -------------------------------------------------------


def _dates(text: str, anchor: dt.date | None) -> list[tuple[str, dt.date | None, dt.date | None]]:
    return [
        (text[d.start : d.end], d.window.start, d.window.end)
        for d in find_dates(text, anchor=anchor)
    ]


def test_a_day_of_last_year_is_the_year_before_the_report() -> None:
    c = primary(
        "On October 5th last year, regime shelling on the town of Sarmin killed four civilians, "
        "including a child, the Syrian Network for Human Rights said in its annual report.",
        published=dt.date(2023, 10, 5),
    )
    assert c.date is not None and (c.date.start, c.date.end) == (dt.date(2022, 10, 5),) * 2
    anchor = dt.date(2024, 10, 6)
    assert _dates("killed on March 3rd of last year", anchor) == [
        ("March 3rd of last year", dt.date(2023, 3, 3), dt.date(2023, 3, 3))
    ]
    assert _dates("on 5 October this year", anchor) == [
        ("5 October this year", dt.date(2024, 10, 5), dt.date(2024, 10, 5))
    ]


def test_a_month_of_last_year_and_a_period_since_it() -> None:
    anchor = dt.date(2024, 10, 6)
    assert _dates("the toll since October last year", anchor) == [
        ("since October last year", dt.date(2023, 10, 1), anchor)
    ]
    assert _dates("in March this year", anchor) == [
        ("in March this year", dt.date(2024, 3, 1), dt.date(2024, 3, 31))
    ]


def test_last_year_without_a_report_date_stays_undated() -> None:
    # Nothing says which year "last year" is before: not guessed from another date.
    assert _dates("On October 5th last year, shelling hit Sarmin.", None) == []


def test_a_period_across_a_year_s_end() -> None:
    anchor = dt.date(2020, 6, 1)
    assert _dates("documented between December 2019 and February 2020", anchor) == [
        ("between December 2019 and February 2020", dt.date(2019, 12, 1), dt.date(2020, 2, 29))
    ]
    assert _dates("from 28 December 2019 to 3 January 2020", anchor) == [
        ("from 28 December 2019 to 3 January 2020", dt.date(2019, 12, 28), dt.date(2020, 1, 3))
    ]
    # two months of two years joined by "and" alone, or more than a year apart: two dates
    assert [d[0] for d in _dates("in May 2019 and June 2020", anchor)] == ["May 2019", "June 2020"]
    assert [d[0] for d in _dates("between January 2015 and March 2019", anchor)] == [
        "January 2015",
        "March 2019",
    ]


def test_a_daily_toll_is_the_report_s_day() -> None:
    c = primary(
        "Lebanon's health ministry said on Sunday that Israeli strikes had killed 23 people "
        "across the country in the past 24 hours, bringing the toll since October last year to "
        "more than 2,000.",
        published=dt.date(2024, 10, 6),
    )
    assert c.date is not None and (c.date.start, c.date.end) == (dt.date(2024, 10, 6),) * 2
    assert c.killed.total is not None and c.killed.total.min == 23
    assert _dates("in the past 48 hours, 12 were killed", dt.date(2024, 10, 6)) == [
        ("in the past 48 hours", dt.date(2024, 10, 5), dt.date(2024, 10, 6))
    ]


# --- who the dead were, told by their number ---------------------------------------------------

TOLL = (
    "A Turkish drone targeted a car on the road between Qamishli and Amuda on Monday evening, "
    "killing three people, a local source said. "
)


def test_the_three_told_again_as_members_of_a_force_are_fighters() -> None:
    c = primary(
        TOLL + "The three were members of the Asayish, the internal security forces of the "
        "Autonomous Administration, the source added.",
        published=dt.date(2023, 3, 14),
    )
    assert c.killed.total is not None and c.killed.total.min == 3
    assert c.killed.combatants is not None and c.killed.combatants.min == 3
    assert c.killed.civilians is None
    c = primary(TOLL + "All three were fighters of the SDF.", published=dt.date(2023, 3, 14))
    assert c.killed.combatants is not None and c.killed.combatants.min == 3


def test_both_told_again_as_fighters() -> None:
    c = primary(
        "A Turkish drone targeted a car near Amuda on Monday evening, killing two people. Both "
        "were SDF fighters, a local source said.",
        published=dt.date(2023, 3, 14),
    )
    assert c.killed.combatants is not None and c.killed.combatants.min == 2
    assert c.killed.civilians is None


def test_the_three_told_again_as_anything_else_keep_their_status() -> None:
    # Where they were taken, or a family, says nothing that makes them fighters.
    for after in ("The three were taken to hospital in Qamishli.", "The three were brothers."):
        c = primary(TOLL + after, published=dt.date(2023, 3, 14))
        assert c.killed.civilians is not None and c.killed.civilians.min == 3, after
        assert c.killed.combatants is None, after


# --- places ------------------------------------------------------------------------------------


def test_a_region_of_a_country_struck_is_the_country() -> None:
    for text, country in (
        ("Israeli strikes in southern Lebanon killed 23 people on Sunday.", "Lebanon"),
        ("Turkish strikes on northern Syria killed 3 fighters.", "Syria"),
    ):
        assert [(m.place.name, m.place.precision) for m in find_places(text)] == [
            (country, "country")
        ], text
    # A state that acts is still no place: "Lebanon killed" with nothing locating it.
    assert find_places("Southern Lebanon killed two suspects.") == []


def test_a_road_to_a_village_no_gazetteer_holds_is_the_town_s() -> None:
    c = primary(
        "At 10:30am on 14 June, a Russian warplane fired missiles at the Maarat Misrin-Kafr "
        "Yahmoul road, killing a civilian and injuring two others, the Syrian Response "
        "Coordinators said.",
        published=dt.date(2020, 6, 15),
    )
    assert [p.name for p in c.places][:1] == ["Maarratmisrin"]
    assert c.claimant.type == "monitor"
    # The towns at both ends of a long road are known, and neither is the place of a strike.
    assert find_places("Traffic resumed on the Damascus-Aleppo highway.") == []


# --- who speaks --------------------------------------------------------------------------------

RELEASE_TITLE = "Statement from CENTCOM on counterterrorism raid in northwest Syria"
RELEASE = (
    "TAMPA, Fla. — U.S. Central Command forces conducted a counterterrorism raid in northwest "
    "Syria on Feb. 3. There were no U.S. casualties. We are aware of reports of civilian "
    "casualties and are investigating."
)


def test_a_release_titled_by_its_author_is_the_party_s_word() -> None:
    for doc in (
        Document(id="t", text=f"{RELEASE_TITLE}\n{RELEASE}", published=dt.date(2022, 2, 4)),
        Document(id="t", text=RELEASE, title=RELEASE_TITLE, published=dt.date(2022, 2, 4)),
    ):
        (c,) = [c for c in extract_document(doc).claims if c.primary]
        assert (c.claimant.name, c.claimant.type) == ("CENTCOM", "party_to_conflict")
        assert c.stance == "admits"
        assert c.perpetrator.group == "us_led_coalition"


def test_residents_and_officials_after_a_comma_are_the_speakers() -> None:
    text = (
        "At least 17 civilians were killed when a coalition airstrike hit a house in the Zanjili "
        "neighbourhood of west Mosul on Monday, residents and local officials said."
    )
    assert [c.name for c in find_claimants(text)] == ["residents and local officials"]


def test_a_described_official_after_a_comma_speaks_not_the_force_before_it() -> None:
    c = primary(
        "At least 33 Turkish soldiers were killed in an air strike by Syrian government forces "
        "in Idlib, a Turkish official said on Thursday.",
        published=dt.date(2020, 2, 27),
    )
    assert (c.claimant.name, c.claimant.type) == ("Turkish official", "party_to_conflict")
    assert c.perpetrator.group == "syrian_government"
    assert c.stance == "alleges"  # Syria's forces were named as the attacker, not the speaker


def test_an_adviser_of_an_armed_force_named_after_the_victim_is_a_fighter() -> None:
    c = primary(
        "An Israeli airstrike near Damascus killed Sayyed Razi Mousavi, a senior adviser of "
        "Iran's Revolutionary Guards in Syria, Iranian state media reported on Monday.",
        published=dt.date(2023, 12, 26),
    )
    assert c.killed.combatants is not None and c.killed.combatants.min == 1
    assert c.killed.civilians is None
    # An adviser to a civil office is no fighter.
    c = primary(
        "A drone strike near Erbil killed Karwan Aziz, an adviser to the UN envoy, officials said.",
        published=dt.date(2023, 12, 26),
    )
    assert c.killed.combatants is None


def test_the_un_migration_agency_is_the_un() -> None:
    c = primary(
        "SANAA (Reuters) - Saudi-led air strikes on a camp for displaced people in northern "
        "Yemen killed at least 40 people on Monday, the International Organization for "
        "Migration said.",
        published=dt.date(2015, 3, 30),
    )
    assert c.claimant.type == "un"


def test_prisoners_an_armed_group_names_are_no_civilians() -> None:
    c = primary(
        "Dozens of ISIS prisoners and at least seven members of the Kurdish-led forces were "
        "killed in clashes around the Ghwayran prison in Hasakah, the SDF said.",
        published=dt.date(2022, 1, 24),
    )
    assert c.killed.civilians is None
    assert c.killed.combatants is not None and c.killed.combatants.min == 7
    c = primary(
        "Regime shelling hit the central prison of Idlib, killing three prisoners, activists said.",
        published=dt.date(2022, 1, 24),
    )
    assert c.killed.civilians is not None and c.killed.civilians.min == 3


# --- people counted beside a group ----------------------------------------------------------------


def test_people_counted_beside_soldiers_add_to_the_toll() -> None:
    c = primary(
        "KABUL (Reuters) - Two suicide bombers and gunmen attacked crowds outside Kabul airport "
        "on Thursday, killing 13 U.S. troops and at least 60 Afghans.",
        published=dt.date(2021, 8, 27),
    )
    assert c.killed.total is not None and (c.killed.total.min, c.killed.total.max) == (73, None)
    assert c.killed.combatants is not None and c.killed.combatants.min == 13
    assert c.killed.civilians is None  # the Afghans' status is not said
    c = primary("A drone strike in Idlib killed 5 fighters and 3 people.", dt.date(2021, 8, 27))
    assert c.killed.total is not None and c.killed.total.min == 8


def test_people_with_their_own_breakdown_are_the_toll() -> None:
    c = primary(
        "The strike on Idlib killed 10 people, including 3 children, and wounded 20.",
        published=dt.date(2021, 8, 27),
    )
    assert c.killed.total is not None and c.killed.total.min == 10
    assert c.injured.total is not None and c.injured.total.min == 20


def test_members_of_fighters_families_are_civilians() -> None:
    c = primary(
        "Coalition air strikes on the Syrian town of al-Mayadin killed at least 35 members of "
        "families of Islamic State fighters overnight, the Syrian Observatory for Human Rights "
        "said on Friday.",
        published=dt.date(2017, 5, 26),
    )
    assert c.killed.civilians is not None and c.killed.civilians.min == 35
    assert c.killed.combatants is None


def test_a_breakdown_in_brackets_before_the_verb() -> None:
    c = primary(
        "Three civilians (2 children, 1 woman) were killed when shells hit Tal Rifaat on "
        "Wednesday, local sources said.",
        published=dt.date(2022, 12, 1),
    )
    assert c.killed.civilians is not None and c.killed.civilians.min == 3
    assert c.killed.children is not None and c.killed.children.min == 2
    assert c.killed.women is not None and c.killed.women.min == 1


def test_a_record_s_perpetrator_field_among_other_field_lines() -> None:
    c = primary(
        "Civilians killed: 3\n"
        "Injured: 5\n"
        "Date: 30 November 2022\n"
        "Location: Tal Rifaat, northern Aleppo countryside\n"
        "Alleged perpetrator: Turkish forces\n"
        "Source: Syrians for Truth and Justice",
        published=dt.date(2022, 12, 1),
    )
    assert (c.perpetrator.name, c.perpetrator.group) == ("Turkish forces", "turkey")
    assert c.date is not None and c.date.start == dt.date(2022, 11, 30)
    assert c.claimant.name == "Syrians for Truth and Justice"


def test_who_was_told_is_not_who_spoke() -> None:
    text = "Six people were killed in Qamishli on Monday, Ahmad Hasan, a local official, told AFP."
    assert [(c.name, c.type) for c in find_claimants(text)] == [
        ("local official", "party_to_conflict")
    ]
    text = "Six people were killed, Rami Abdel Rahman, head of the Observatory, told AFP."
    assert [c.type for c in find_claimants(text)] == ["monitor"]


def test_the_observatory_s_director_posting_is_the_observatory() -> None:
    c = primary(
        "Rami Abdulrahman @RamiSOHR\n"
        "BREAKING: Death toll from Turkish drone strike on #Qamishli rises to 6, including 4 SDF "
        "members and 2 civilians.\n"
        "4:12 PM · Oct 24, 2023 · 12.3K Views"
    )
    assert (c.claimant.name, c.claimant.type) == ("Syrian Observatory for Human Rights", "monitor")
    assert c.killed.total is not None and c.killed.total.min == 6
    assert c.date is not None and c.date.start == dt.date(2023, 10, 24)


def test_a_group_named_after_a_place_is_no_place() -> None:
    text = (
        "A Turkish drone strike targeted a vehicle in Sulaimani province on Sunday, killing two "
        "members of the PKK-affiliated Sinjar Resistance Units (YBS)."
    )
    assert [m.place.name for m in find_places(text)] == ["Sulaymaniyah"]


# --- a past killing the sentence recalls -------------------------------------------------------


def test_a_past_killing_recalled_is_not_the_sentence_s_event() -> None:
    c = primary(
        "KERMAN, Iran (AP) — Two bombs exploded at a commemoration for a prominent Iranian "
        "general slain in a U.S. airstrike in 2020, killing 84 people and wounding 284, officials "
        "said. The Islamic State group claimed responsibility.",
        published=dt.date(2024, 1, 4),
    )
    assert c.event_type == "explosion"
    assert c.perpetrator.group == "isis"
    assert c.date is not None and c.date.start == dt.date(2024, 1, 4)
    assert c.killed.total is not None and c.killed.total.min == 84


def test_a_killing_told_as_the_sentence_s_own_keeps_its_date() -> None:
    # Its own subject ("Soleimani was killed …") or a count ("200 civilians killed …"): the
    # sentence's event, dated by its year.
    c = primary(
        "Soleimani was killed in a US drone strike in Baghdad in January 2020, officials said.",
        published=dt.date(2024, 1, 4),
    )
    assert c.date is not None and (c.date.start, c.date.end) == (
        dt.date(2020, 1, 1),
        dt.date(2020, 1, 31),
    )
    assert c.perpetrator.group == "us_led_coalition"
    c = primary(
        "The report documents 200 civilians killed in Russian airstrikes in 2019 in Idlib.",
        published=dt.date(2020, 2, 1),
    )
    assert c.date is not None and c.date.start == dt.date(2019, 1, 1)
    assert c.perpetrator.group == "russia"


def test_a_ministry_named_by_its_territory_places_a_claim_that_names_none() -> None:
    c = primary(
        "Lebanon's health ministry said on Sunday that Israeli strikes had killed 23 people "
        "across the country in the past 24 hours.",
        published=dt.date(2024, 10, 6),
    )
    assert [(p.name, p.precision) for p in c.places] == [("Lebanon", "country")]
    # A place the claim names itself comes first.
    c = primary(
        "Gaza's health ministry said an Israeli strike on a house in Deir al-Balah killed "
        "seven people.",
        published=dt.date(2024, 10, 6),
    )
    assert [p.name for p in c.places] == ["Dayr al Balah"]


def test_an_event_days_before_is_not_the_place_of_this_one() -> None:
    c = primary(
        "Turkey launched air strikes on Kurdish militant bases in northern Syria and Iraq early "
        "on Sunday, the defence ministry said, a week after a deadly bomb attack in Istanbul. "
        "The SDF said the strikes killed 11 civilians and a journalist.",
        published=dt.date(2022, 11, 21),
    )
    assert [p.name for p in c.places] == ["Syria", "Iraq"]


def test_a_force_pressing_its_assault_is_the_attacker() -> None:
    c = primary(
        "Turkish forces pressed their assault on Kurdish militia in northeast Syria on Thursday, "
        "pounding towns with artillery and airstrikes. At least 15 people, including 8 "
        "civilians, were killed, according to the Syrian Observatory for Human Rights.",
        published=dt.date(2019, 10, 11),
    )
    assert c.perpetrator.group == "turkey"


def test_the_port_of_a_city_is_in_the_city() -> None:
    assert [
        (m.place.name, m.place.precision)
        for m in find_places("Israel struck the port of Latakia early on Tuesday.")
    ] == [("Latakia", "town")]


def test_a_count_after_a_possessive_is_read() -> None:
    c = primary(
        "On the morning of Friday, Apr. 22, 2022, a drone believed to be Turkish struck a "
        "motorcycle near the village of Zarkan, killing its two riders, both civilians, "
        "according to local sources.",
        published=dt.date(2022, 4, 22),
    )
    assert c.killed.civilians is not None and c.killed.civilians.min == 2
    assert c.perpetrator.group == "turkey"
    c = primary(
        "Shelling hit a house in Ariha, killing their three children and wounding their two "
        "parents, the civil defence said.",
        published=dt.date(2022, 4, 22),
    )
    assert c.killed.children is not None and c.killed.children.min == 3
    assert c.injured.civilians is not None and c.injured.civilians.min == 2
