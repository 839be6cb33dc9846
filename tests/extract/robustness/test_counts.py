"""Casualty counts of whole reports in phrasings no rule was tuned on: several categories in one
sentence, families, ages, victims named one by one (factfinder.extract.casualties and tally,
through the whole extractor).

Every text is written for these tests. Each class of phrasing is told of every party to the
conflict (the US-led coalition, Russia, the Syrian government, Turkey and the SNA, the SDF,
ISIS, HTS, Israel, Iran and the militias it backs) and by varied outlets, so that no rule
leans on one party's or one outlet's way of writing. The figures asserted are the primary
claim's: `killed` (total, civilians, children, women, men, combatants) and `injured.total`.
Categories the claim leaves null are absent from the expected dict, so a figure that appears
where the text gives none fails as well.
"""

from __future__ import annotations

import pytest

from factfinder.extract.casualties import combine, find_casualties
from factfinder.extract.pipeline import extract_document
from factfinder.model import Casualties, Claim, Document

Figures = dict[str, tuple[int | None, int | None]]
KEYS = ("total", "civilians", "children", "women", "men", "combatants")


def primary(text: str) -> Claim:
    claims = [c for c in extract_document(Document("t", text)).claims if c.primary]
    assert claims, "no primary claim"
    return claims[0]


def figures(c: Casualties) -> Figures:
    return {k: (r.min, r.max) for k in KEYS if (r := getattr(c, k)) is not None}


def check(text: str, killed: Figures, injured: tuple[int | None, int | None] | None) -> None:
    claim = primary(text)
    assert figures(claim.killed) == killed
    got = claim.injured.total
    assert (None if got is None else (got.min, got.max)) == injured


# Several categories in one sentence: breakdowns keep all their items, and fighters listed
# after a civilian breakdown are counted apart.
MULTI = [
    pytest.param(
        "A US-led coalition air strike on the village of Al-Bukhamiya killed 17 civilians, "
        "including 6 children and 4 women, and 12 ISIS members, a local monitor said on Tuesday.",
        {"total": (29, 29), "civilians": (17, 17), "children": (6, 6), "women": (4, 4)}
        | {"combatants": (12, 12)},
        None,
        id="coalition-civilians-with-breakdown-and-fighters",
    ),
    pytest.param(
        "Russian warplanes struck a vegetable market in Kafr Sajna on Monday, killing 4 women "
        "and 3 children, rescuers from the Civil Defence said.",
        {"total": (7, 7), "civilians": (7, 7), "children": (3, 3), "women": (4, 4)},
        None,
        id="russia-women-and-children",
    ),
    pytest.param(
        "Government helicopters dropped barrel bombs on Kafr Batna, killing 21 people, among "
        "them nine children and five women, a medical relief group said.",
        {"total": (21, 21), "civilians": (21, 21), "children": (9, 9), "women": (5, 5)},
        None,
        id="syrian-government-people-among-them",
    ),
    pytest.param(
        "Turkish drone strikes on Tal Tamr killed 8 civilians, including 3 children, and "
        "wounded 14 others on Thursday, the Kurdish Red Crescent said.",
        {"total": (8, 8), "civilians": (8, 8), "children": (3, 3)},
        (14, 14),
        id="turkey-killed-and-wounded-apart",
    ),
    pytest.param(
        "SDF fighters killed 5 ISIS militants and 2 civilians in a raid on Al-Shafa on Friday, "
        "a correspondent for a local news network reported.",
        {"total": (7, 7), "civilians": (2, 2), "combatants": (5, 5)},
        None,
        id="sdf-fighters-and-civilians",
    ),
    pytest.param(
        "An ISIS car bomb in Al-Bab killed 11 people, three of them children, and wounded 30, "
        "hospital officials told reporters.",
        {"total": (11, 11), "civilians": (11, 11), "children": (3, 3)},
        (30, 30),
        id="isis-three-of-them-children",
    ),
    pytest.param(
        "Rocket fire by HTS on the town of Al-Suqaylabiyah killed two women and a man on "
        "Sunday, state television said.",
        {"total": (3, 3), "civilians": (3, 3), "women": (2, 2), "men": (1, 1)},
        None,
        id="hts-two-women-and-a-man",
    ),
    pytest.param(
        "Israeli missiles hit positions near Damascus airport, killing 3 Syrian soldiers and "
        "2 members of Iran's Revolutionary Guards, a war monitor said.",
        {"total": (5, 5), "combatants": (5, 5)},
        None,
        id="israel-soldiers-and-guards",
    ),
    pytest.param(
        "Shelling by Iranian-backed militias on Tadif killed 6 civilians, including 2 children "
        "and a woman, and 4 fighters of the National Army, activists reported.",
        {"total": (10, 10), "civilians": (6, 6), "children": (2, 2), "women": (1, 1)}
        | {"combatants": (4, 4)},
        None,
        id="iran-civilians-then-fighters",
    ),
    pytest.param(
        "A coalition air strike on a school housing displaced families in Al-Mansoura killed "
        "33 civilians and injured 12 others, a local activist group said.",
        {"total": (33, 33), "civilians": (33, 33)},
        (12, 12),
        id="coalition-civilians-killed-and-injured",
    ),
    pytest.param(
        "The Russian Defence Ministry said its aircraft neutralised 15 terrorists near "
        "Saraqeb on Wednesday.",
        {"total": (15, 15), "combatants": (15, 15)},
        None,
        id="russia-terrorists-neutralised-are-never-civilians",
    ),
    pytest.param(
        "Army units killed 20 terrorists and wounded 13 others in the Hama countryside, the "
        "official news agency reported.",
        {"total": (20, 20), "combatants": (20, 20)},
        (13, 13),
        id="syrian-government-terrorists-killed-and-wounded",
    ),
    pytest.param(
        "The dead included 2 women, the Turkish-backed police in Azaz said after a car bomb "
        "went off at a checkpoint.",
        {"total": (2, 2), "civilians": (2, 2), "women": (2, 2)},
        None,
        id="sna-the-dead-included",
    ),
]


# Fighters named by their group after the noun, then civilians: "two members of the Syrian
# Democratic Forces (SDF) and a civilian" is three dead, one of them a civilian.
MULTI += [
    pytest.param(
        "A Turkish drone targeted a car east of Qamishli on Tuesday, killing two members of the "
        "Syrian Democratic Forces (SDF) and a civilian, a source told North Press.",
        {"total": (3, 3), "civilians": (1, 1), "combatants": (2, 2)},
        None,
        id="turkey-group-named-after-the-noun-then-a-civilian",
    ),
    pytest.param(
        "Russian warplanes struck a checkpoint near Ariha, killing three members of Hayat Tahrir "
        "al-Sham and two children who were passing by, the Civil Defence said.",
        {"total": (5, 5), "civilians": (2, 2), "children": (2, 2), "combatants": (3, 3)},
        None,
        id="russia-hts-members-and-children",
    ),
    pytest.param(
        "A coalition air strike on a house in Al-Shaddadi killed four members of the Islamic "
        "State (IS) and three women, the Syrian Observatory said.",
        {"total": (7, 7), "civilians": (3, 3), "women": (3, 3), "combatants": (4, 4)},
        None,
        id="coalition-is-members-and-women",
    ),
    pytest.param(
        "BREAKING: 8 civilians incl 3 children killed in Russian airstrikes on Ariha, #Idlib "
        "this morning, local activists say.",
        {"total": (8, 8), "civilians": (8, 8), "children": (3, 3)},
        None,
        id="russia-tweet-incl-abbreviation",
    ),
    pytest.param(
        "Update: 5 civilians incl. 2 women killed as SDF shelling hit the village of Arima, "
        "sources told the agency.",
        {"total": (5, 5), "civilians": (5, 5), "women": (2, 2)},
        None,
        id="sdf-incl-with-stop",
    ),
    pytest.param(
        "Turkish commandos killed 12 PKK/YPG terrorists near Tal Rifaat, the Turkish defence "
        "ministry said.",
        {"total": (12, 12), "combatants": (12, 12)},
        None,
        id="turkey-slash-named-group",
    ),
]


@pytest.mark.parametrize(("text", "killed", "injured"), MULTI)
def test_several_categories_in_one_sentence(
    text: str, killed: Figures, injured: tuple[int | None, int | None] | None
) -> None:
    check(text, killed, injured)


# Families: the people of a list are added up, kin words count people, "other" fighters make
# the people listed before them fighters too.
FAMILY = [
    pytest.param(
        "A Russian air strike on Kafranbel killed a man, his wife and their three children, "
        "the Syrian Civil Defence said.",
        {"total": (5, 5), "civilians": (5, 5), "children": (3, 3), "women": (1, 1)}
        | {"men": (1, 1)},
        id="russia-a-man-his-wife-and-their-children",
    ),
    pytest.param(
        "Regime helicopters dropped barrel bombs on Daraya, killing a mother and her two "
        "daughters, opposition activists said.",
        {"total": (3, 3), "civilians": (3, 3), "women": (1, 1)},
        id="syrian-government-a-mother-and-her-daughters",
    ),
    pytest.param(
        "Five members of the Hallaq family, three children and two women, were killed when "
        "Syrian government shells hit their house in Jisreen, rescuers said.",
        {"total": (5, 5), "civilians": (5, 5), "children": (3, 3), "women": (2, 2)},
        id="syrian-government-groups-after-a-bare-comma-tell-who-they-were",
    ),
    pytest.param(
        "Two brothers were killed by SDF gunfire at a checkpoint near Tabqa, a human rights "
        "network said.",
        {"total": (2, 2), "civilians": (2, 2)},
        id="sdf-two-brothers",
    ),
    pytest.param(
        "ISIS militants executed a father and his son in the town of Hajin, a local news "
        "network reported.",
        {"total": (2, 2), "civilians": (2, 2), "men": (1, 1)},
        id="isis-a-father-and-his-son",
    ),
    pytest.param(
        "Turkish artillery fire on the village of Um al-Kaif killed a family of six, the "
        "Hawar news agency reported.",
        {"total": (6, 6), "civilians": (6, 6)},
        id="turkey-a-family-of-six",
    ),
    pytest.param(
        "Eleven members of the Hamdan family, including 5 children, were killed when coalition "
        "jets bombed their house in western Mosul, Iraqi officials said.",
        {"total": (11, 11), "civilians": (11, 11), "children": (5, 5)},
        id="coalition-members-of-a-family-including-children",
    ),
    pytest.param(
        "An HTS sniper shot dead a child and his grandfather in Jisr al-Shughur on Saturday, "
        "pro-government media said.",
        {"total": (2, 2), "civilians": (2, 2), "children": (1, 1), "men": (1, 1)},
        id="hts-a-child-and-his-grandfather",
    ),
    pytest.param(
        "An Israeli strike on a house in Beit Jinn killed 8 members of the Khatib family and "
        "six members of the Saleh family, the village council said.",
        {"total": (14, 14), "civilians": (14, 14)},
        id="israel-two-families-added-up",
    ),
    pytest.param(
        "Shelling by Iranian-backed militias killed a woman, her husband and their four "
        "children in the town of Al-Bukamal, a monitoring group said.",
        {"total": (6, 6), "civilians": (6, 6), "children": (4, 4), "women": (1, 1)}
        | {"men": (1, 1)},
        id="iran-a-woman-her-husband-and-their-children",
    ),
    pytest.param(
        "Fighters of the Turkish-backed Syrian National Army killed an elderly man and his two "
        "grandsons in a village near Afrin, Kurdish media said.",
        {"total": (3, 3), "civilians": (3, 3), "men": (1, 1)},
        id="sna-an-elderly-man-and-his-grandsons",
    ),
    pytest.param(
        "The Nusra spokesman, his son and 20 other terrorists were killed in air strikes on "
        "Sunday, state media reported.",
        {"total": (21, 21), "combatants": (21, 21)},
        id="hts-his-son-and-other-terrorists",
    ),
    pytest.param(
        "Six civilians from one family, including a mother with her three children and their "
        "grandfather, were killed when Russian jets struck Maarat Misrin.",
        {"total": (6, 6), "civilians": (6, 6), "children": (3, 3), "women": (1, 1), "men": (1, 1)},
        id="russia-a-mother-with-her-children-and-their-grandfather",
    ),
]


@pytest.mark.parametrize(("text", "killed"), FAMILY)
def test_families(text: str, killed: Figures) -> None:
    check(text, killed, None)


# Ages: an age is never a count, and the age of a person says whether it is a child.
AGES = [
    pytest.param(
        "A 7-year-old boy was killed by regime sniper fire in Daraa al-Balad, activists said.",
        {"total": (1, 1), "civilians": (1, 1), "children": (1, 1)},
        id="syrian-government-a-7-year-old-boy",
    ),
    pytest.param(
        "Five children aged 3 to 12 were killed when Russian jets hit a school in the village "
        "of Hass, the opposition's education directorate said.",
        {"total": (5, 5), "civilians": (5, 5), "children": (5, 5)},
        id="russia-aged-3-to-12",
    ),
    pytest.param(
        "Three children, aged 2, 5 and 9, died when an ISIS landmine exploded near Palmyra, "
        "the local health authority said.",
        {"total": (3, 3), "civilians": (3, 3), "children": (3, 3)},
        id="isis-a-list-of-ages",
    ),
    pytest.param(
        "Turkish shelling killed two 12-year-old boys playing football in Qamishli, the Asayish "
        "said.",
        {"total": (2, 2), "civilians": (2, 2), "children": (2, 2)},
        id="turkey-two-12-year-old-boys",
    ),
    pytest.param(
        "An Israeli air strike on a car near Quneitra killed a 16-year-old boy, a pro-government "
        "radio station reported.",
        {"total": (1, 1), "civilians": (1, 1), "children": (1, 1)},
        id="israel-a-16-year-old-boy",
    ),
    pytest.param(
        "Four men aged between 20 and 35 were killed in SDF raids on Al-Busayrah, a tribal "
        "council said.",
        {"total": (4, 4), "civilians": (4, 4), "men": (4, 4)},
        id="sdf-men-aged-between",
    ),
    pytest.param(
        "A six-month-old baby was among those killed by HTS rocket fire on Mhardeh, the "
        "state news agency said.",
        {"total": (1, 1), "civilians": (1, 1), "children": (1, 1)},
        id="hts-a-six-month-old-baby",
    ),
    pytest.param(
        "Local sources said 9 civilians, including a 10-month-old infant and two boys aged 11 "
        "and 13, were killed in the coalition raid on Al-Shaddadi.",
        {"total": (9, 9), "civilians": (9, 9), "children": (3, 3)},
        id="coalition-an-infant-and-two-boys",
    ),
    pytest.param(
        "Up to seven relatives, including a woman, a 15-year-old boy and 9-year-old girl, were "
        "killed by US-led coalition fire in Hajin, a monitor said.",
        {"total": (3, 7), "civilians": (3, 7), "children": (2, 2), "women": (1, 1)},
        id="coalition-a-second-age-without-an-article",
    ),
    pytest.param(
        "Iranian-backed militiamen killed a 70-year-old woman and her 8-year-old grandson in "
        "Al-Mayadin, a local network said.",
        {"total": (2, 2), "civilians": (2, 2), "children": (1, 1), "women": (1, 1)},
        id="iran-a-woman-and-her-grandson-with-ages",
    ),
    pytest.param(
        "At least 14 civilians, including five women and 6 children, one of them a "
        "2-month-old baby, were killed in Russian strikes on Ariha, rescuers said.",
        {"total": (14, None), "civilians": (14, None), "children": (6, 6), "women": (5, 5)},
        id="russia-an-aside-with-an-age-before-the-verb",
    ),
    pytest.param(
        "Ahmad Saleh, 55, was shot dead by Turkish border guards near Darbasiyah, a Kurdish "
        "outlet reported.",
        {"total": (1, None), "civilians": (1, None)},
        id="turkey-an-age-after-a-name-is-not-a-toll",
    ),
]


@pytest.mark.parametrize(("text", "killed"), AGES)
def test_ages(text: str, killed: Figures) -> None:
    check(text, killed, None)


# People named one by one: each counts once, a child by age or word; they fill in a figure the
# text does not give and never override an exact one.
NAMED = [
    pytest.param(
        "An Israeli strike on a flat in Khan Arnabeh killed Omar Haddad (12), his sister Lina "
        "Haddad (9) and their mother Salma Khatib (38), relatives said.",
        {"total": (3, None), "civilians": (3, None), "children": (2, None)},
        id="israel-names-with-ages-in-brackets",
    ),
    pytest.param(
        "Civil defence volunteers named the dead of the government barrel bomb as 8-year-old "
        "Hamza Sweid, 11-year-old Rahaf Sweid and their father Adnan Sweid.",
        {"total": (3, None), "civilians": (3, None), "children": (2, None)},
        id="syrian-government-ages-before-names",
    ),
    pytest.param(
        "Journalist Bassel Nouri was killed in a Russian air strike on Kafranbel on Monday, "
        "his colleagues said.",
        {"total": (1, None), "civilians": (1, None)},
        id="russia-a-journalist-named",
    ),
    pytest.param(
        "Paramedic Rami Aziz and nurse Huda Mansour were killed when a coalition strike hit "
        "their ambulance near Tabqa, a medical charity said.",
        {"total": (2, None), "civilians": (2, None)},
        id="coalition-a-paramedic-and-a-nurse-named",
    ),
    pytest.param(
        "ISIS gunmen shot dead 15-year-old Dilan Ahmed and his cousin Shervan Ahmed (19) in "
        "Kobani, Kurdish officials said.",
        {"total": (2, None), "civilians": (2, None), "children": (1, None)},
        id="isis-a-teenager-and-his-cousin",
    ),
    pytest.param(
        "Those killed by the Turkish drone in Qamishli were Jiyan Ali (7), Rojda Ali (10) and "
        "Hassan Ali (41), the Kurdish Red Crescent said.",
        {"total": (3, None), "civilians": (3, None), "children": (2, None)},
        id="turkey-those-killed-were",
    ),
    pytest.param(
        "HTS rockets killed two sisters in Al-Suqaylabiyah, Maria Haddad (6) and Sara Haddad "
        "(9), state media said.",
        {"total": (2, 2), "civilians": (2, 2), "children": (2, None)},
        id="hts-two-sisters-named",
    ),
    pytest.param(
        "Farmer Ahmad al-Hussein was shot dead by SDF guards near Al-Shaddadi on Tuesday, "
        "his family said.",
        {"total": (1, None), "civilians": (1, None)},
        id="sdf-a-farmer-named",
    ),
    pytest.param(
        "Iranian-backed militiamen killed shepherd Mahmoud Khalaf and his 13-year-old son Ali "
        "near Al-Mayadin, a local network said.",
        {"total": (2, None), "civilians": (2, None), "children": (1, None)},
        id="iran-a-shepherd-and-his-son",
    ),
    pytest.param(
        "The Israeli strike killed 3 people: Yousef Qassab (34), his wife Amal (29) and their "
        "son Karim (4), the civil defence said.",
        {"total": (3, 3), "civilians": (3, 3), "children": (1, None)},
        id="israel-names-after-an-exact-toll",
    ),
    pytest.param(
        "A Russian strike killed at least two people in Jisr al-Shughur. Among the dead were "
        "Dr. Hasan Mardini, 48, the teacher Salim Haik and 9-year-old Nour Haik.",
        {"total": (3, None), "civilians": (3, None), "children": (1, None)},
        id="russia-names-raise-a-floor",
    ),
]


@pytest.mark.parametrize(("text", "killed"), NAMED)
def test_named_victims(text: str, killed: Figures) -> None:
    check(text, killed, None)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        pytest.param(
            "Turkish drone strikes near Kobani killed three people and wounded others, the "
            "Asayish said.",
            {"total": (3, 3), "civilians": (3, 3)},
            (2, None),
            id="turkey-and-wounded-others",
        ),
        pytest.param(
            "At least three civilians were killed and others were injured when Iranian-backed "
            "militias shelled Al-Bukamal, a local network reported.",
            {"total": (3, None), "civilians": (3, None)},
            (2, None),
            id="iran-and-others-were-injured",
        ),
        pytest.param(
            "A Russian strike killed 4 people and injured 11 others in Atarib, and several "
            "others were hurt in a second raid, rescuers said.",
            {"total": (4, 4), "civilians": (4, 4)},
            (11, 11),
            id="russia-a-figure-beats-others",
        ),
    ],
)
def test_others_hurt_are_at_least_two(
    text: str, killed: Figures, injured: tuple[int | None, int | None] | None
) -> None:
    check(text, killed, injured)


def test_a_name_repeated_counts_once() -> None:
    text = (
        "A coalition drone strike in Al-Busayrah killed 10-year-old Ali Hamad. Relatives said "
        "Ali Hamad (10) had been walking to school."
    )
    assert figures(primary(text).killed) == {
        "total": (1, None),
        "civilians": (1, None),
        "children": (1, None),
    }


def test_a_survivor_named_is_not_counted_dead() -> None:
    text = (
        "A Russian strike on Ariha killed 4 civilians from one family; 12-year-old Dima Kassem "
        "survived with injuries."
    )
    killed = primary(text).killed
    assert figures(killed) == {"total": (4, 4), "civilians": (4, 4)}


def test_two_claimants_figures_are_never_added() -> None:
    # One sentence, two claimants with two tolls of one strike: one figure stands, never 21.
    k, _injured, _missing = combine(
        find_casualties(
            "The Syrian Observatory said 12 civilians were killed in the Russian raid, while "
            "the state news agency put the toll at 9."
        )
    )
    assert k.civilians is not None and (k.civilians.min, k.civilians.max) == (12, 12)
    assert k.total is not None and (k.total.min, k.total.max) == (12, 12)


def test_a_list_of_people_in_general_and_a_group_is_not_added() -> None:
    # "15 civilians and 3 children" may count the children among the civilians.
    k, _injured, _missing = combine(find_casualties("15 civilians and 3 children were killed."))
    assert figures(k) == {"total": (15, 15), "civilians": (15, 15), "children": (3, 3)}


def test_the_listed_sum_keeps_the_words_it_was_read_from() -> None:
    text = "Shelling killed a man, his wife and their three children."
    heads = [m for m in find_casualties(text) if m.sub_of is None]
    assert len(heads) == 1
    assert heads[0].listed and heads[0].range.text == "a man, his wife and their three children"
    assert (heads[0].range.min, heads[0].range.max, heads[0].victims) == (5, 5, "civilians")


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        pytest.param(
            "Syrian government shelling on Kansafra killed up to 10 members of one family, "
            "including five children and three women, the civil defence said.",
            {"total": (8, 10), "civilians": (8, 10), "children": (5, 5), "women": (3, 3)},
            id="syrian-government-up-to-with-a-breakdown",
        ),
        pytest.param(
            "A coalition strike killed up to five civilians in Hajin, local activists said. "
            "The dead included 9-year-old Rami Qassab and Samir Qassab (44).",
            {"total": (2, 5), "civilians": (2, 5), "children": (1, None)},
            id="coalition-up-to-with-named-victims",
        ),
    ],
)
def test_a_ceiling_takes_the_people_it_holds_as_floor(text: str, killed: Figures) -> None:
    check(text, killed, None)


def test_an_honorific_or_a_surname_alone_is_not_a_second_person() -> None:
    text = (
        "A Russian strike on Saraqeb killed 40-year-old dentist Dr. Ahmed Tawil, his "
        "colleagues said. Many lamented the killing of Al-Tawil on social media."
    )
    assert figures(primary(text).killed) == {"total": (1, None), "civilians": (1, None)}


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        pytest.param(
            "Fifteen members of the Abu al-Kheir family, including five women, two of whom "
            "were teachers, and six children were killed in the Russian raid on Hazano, a "
            "monitor said.",
            {"total": (15, 15), "civilians": (15, 15), "children": (6, 6), "women": (5, 5)},
            None,
            id="russia-an-aside-inside-a-breakdown-list",
        ),
        pytest.param(
            "HTS drones killed four members of the Khoury family – a man, his wife and two "
            "children – in Mhardeh, and between 4 and 6 civilians were reported injured, SANA said.",
            {"total": (4, 4), "civilians": (4, 4), "children": (2, 2), "women": (1, 1)}
            | {"men": (1, 1)},
            (4, 6),
            id="hts-a-breakdown-between-dashes",
        ),
        pytest.param(
            "At least 9 civilians – including two women and three children – were killed "
            "when coalition jets struck a farm near Al-Susah, a local network said.",
            {"total": (9, None), "civilians": (9, None), "children": (3, 3), "women": (2, 2)},
            None,
            id="coalition-a-breakdown-between-dashes-before-the-verb",
        ),
        pytest.param(
            "Between 10 and 12 members of the Qassab family, including three women and four "
            "children of whom one was a 6-month-old baby, were killed by Israeli shelling, "
            "relatives said.",
            {"total": (10, 12), "civilians": (10, 12), "children": (4, 4), "women": (3, 3)},
            None,
            id="israel-who-one-of-them-was-counts-nobody-new",
        ),
        pytest.param(
            "Kurdish health officials said the SNA shelling of Tal Rifaat caused 7 civilian "
            "deaths, among them four children and a woman.",
            {"total": (7, 7), "civilians": (7, 7), "children": (4, 4), "women": (1, 1)},
            None,
            id="sna-civilian-deaths",
        ),
        pytest.param(
            "At least 8 people from the Haj Ali family were killed, including three children, "
            "and at least 12 others were wounded when ISIS shells hit their home in Deir ez-Zor.",
            {"total": (8, None), "civilians": (8, None), "children": (3, 3)},
            (12, None),
            id="isis-people-from-a-family-then-others-wounded",
        ),
    ],
)
def test_asides_and_origins_inside_a_toll(
    text: str, killed: Figures, injured: tuple[int | None, int | None] | None
) -> None:
    check(text, killed, injured)


@pytest.mark.parametrize(
    "noun",
    ["medical staff", "hospital staff", "IDPs", "passengers", "labourers", "teenagers"],
)
def test_civilian_occupations_and_conditions_are_civilians(noun: str) -> None:
    text = f"An airstrike on the village of Hass killed two {noun} on Monday, rescuers said."
    c = next(c for c in extract_document(Document(id="t", text=text)).claims if c.primary)
    assert c.killed.civilians is not None and c.killed.civilians.min == 2


def test_two_attacks_of_an_ngo_report_are_two_claims() -> None:
    text = (
        "In the early hours of 5 May 2019, government forces dropped barrel bombs on Kafr Nabl "
        "surgical hospital, killing two medical staff. Three days later, on 8 May, an airstrike "
        "hit a school in Hass, killing 7 children and a teacher."
    )
    claims = extract_document(Document(id="t", text=text)).claims
    by_day = {c.date.start.isoformat(): c for c in claims if c.date is not None and c.date.start}
    assert by_day["2019-05-05"].killed.civilians.min == 2
    assert by_day["2019-05-08"].killed.children.min == 7
    assert {p.name for p in by_day["2019-05-05"].places} == {"Kafranbel"}


@pytest.mark.parametrize(
    ("party", "group"),
    [("regime", "syrian_government"), ("Russian", "russia"), ("coalition", "us_led_coalition")],
)
def test_a_headline_s_list_then_the_whole_toll_is_one_incident(party: str, group: str) -> None:
    text = (
        f"Five children and four medical staff killed by {party} airstrikes on a hospital\n\n"
        "A hospital in a rebel-held province was destroyed by airstrikes over the weekend that "
        "killed 13 people, the medical charity said on Monday. Among the dead were four staff "
        "and five children."
    )
    (c,) = [c for c in extract_document(Document(id="t", text=text)).claims if c.primary]
    assert c.killed.civilians is not None and c.killed.civilians.min == 13
    assert c.killed.children is not None and c.killed.children.min == 5
    assert c.perpetrator.group == group


@pytest.mark.parametrize(
    ("text", "total", "civilians", "combatants"),
    [
        (
            "The attack killed 9 people: 5 civilians and 4 fighters of the Syrian National Army.",
            9,
            5,
            4,
        ),
        ("Nine people were killed – 5 civilians and 4 soldiers – in the Russian strike.", 9, 5, 4),
        ("The coalition raid killed 12 people: 10 civilians and 2 ISIS members.", 12, 10, 2),
    ],
)
def test_a_breakdown_after_a_colon_or_a_dash(
    text: str, total: int, civilians: int, combatants: int
) -> None:
    c = next(c for c in extract_document(Document(id="t", text=text)).claims if c.primary)
    assert (c.killed.total.min, c.killed.civilians.min, c.killed.combatants.min) == (
        total,
        civilians,
        combatants,
    )


@pytest.mark.parametrize(
    "text",
    [
        "Among the 23 killed were 11 children, the monitor said. Another 40 people were wounded, "
        "15 of them critically.",
        "Turkish shelling killed 23 people in Ain Issa. Another 40 were wounded, the SDF said.",
    ],
)
def test_another_count_adds_to_the_incident_not_a_new_one(text: str) -> None:
    (c,) = extract_document(Document(id="t", text=text)).claims
    assert c.killed.total.min == 23
    assert c.injured.total.min == 40


def test_another_attack_is_still_another_incident() -> None:
    text = "A Russian airstrike killed 5 people in Ariha on Monday. Another airstrike hit Sarmin, killing 3."
    claims = extract_document(Document(id="t", text=text)).claims
    assert sorted(c.killed.total.min for c in claims) == [3, 5]


@pytest.mark.parametrize(
    "text",
    [
        # a wire dateline without its agency, then the head count and its breakdown
        "ALEPPO, Syria — At least 56 civilians, including 11 children, were killed Tuesday when "
        "US-led coalition warplanes bombed the village of Tokhar, activists said.",
        "BEIRUT — 56 civilians, including 11 children, were killed when Russian jets bombed a "
        "market in Idlib province, the Syrian Observatory said.",
        "GAZA CITY — At least 56 people, including 11 children, were killed when Israeli "
        "warplanes struck a school sheltering displaced families, the health ministry said.",
    ],
)
def test_a_dateline_s_dash_is_no_breakdown_of_the_count_after_it(text: str) -> None:
    c = primary(text)
    assert c.killed.total is not None and c.killed.total.min == 56
    assert c.killed.children is not None and c.killed.children.min == 11


@pytest.mark.parametrize(
    ("text", "victims", "n"),
    [
        # a group's full name, with or without its acronym, before the fighters' noun
        (
            "Two Syrian Democratic Forces (SDF) fighters were killed yesterday when an ISIS "
            "sleeper cell attacked their checkpoint near Shaddadi, the SDF said.",
            "combatants",
            2,
        ),
        (
            "Four Popular Mobilization Forces fighters were killed in an ISIS ambush near "
            "Tarmiyah on Sunday.",
            "combatants",
            4,
        ),
        (
            "Three Syrian Arab Army (SAA) soldiers were killed by an HTS drone near Saraqib.",
            "combatants",
            3,
        ),
        # a relative clause between the count and its verb
        (
            "5 PKK/YPG terrorists who were preparing to attack our heroic commandos in the "
            "Operation Peace Spring area were neutralized.",
            "combatants",
            5,
        ),
        (
            "Two farmers who were working in their field near Kafr Nabl were killed by Russian "
            "shelling on Monday.",
            "civilians",
            2,
        ),
    ],
)
def test_a_name_or_a_relative_clause_between_the_count_and_the_verb(
    text: str, victims: str, n: int
) -> None:
    c = primary(text)
    got = getattr(c.killed, victims)
    assert got is not None and got.min == n


@pytest.mark.parametrize(
    ("text", "total", "children"),
    [
        # Israel — a relative bare after the first one, inside "a family of six"
        (
            "An Israeli airstrike killed a family of six, a father, mother and four children, in "
            "Rafah, the civil defence said.",
            6,
            4,
        ),
        # US-led coalition — "the" before each relative counts one, as "a" does
        (
            "A coalition strike killed the father, the mother and their five children in the "
            "old city of Mosul, residents said.",
            7,
            5,
        ),
        # Saudi-led coalition — a toddler after a possessive is one child
        (
            "Coalition jets killed a pregnant woman, her husband and their toddler in Saada, "
            "the Houthi-run health ministry said.",
            3,
            1,
        ),
        # ISIS — a mother and her baby among the dead
        (
            "An ISIS car bomb killed 12 people in Manbij, among them a mother and her baby, "
            "local sources said.",
            12,
            1,
        ),
    ],
)
def test_relatives_listed_with_the_or_bare(text: str, total: int, children: int) -> None:
    c = primary(text)
    assert c.killed.total is not None and c.killed.total.min == total
    assert c.killed.children is not None and c.killed.children.min == children


def test_the_mother_who_speaks_is_no_count() -> None:
    c = primary(
        "Russian jets killed two children in Ariha on Monday, the mother and a neighbour said."
    )
    assert c.killed.total is not None and c.killed.total.min == 2


@pytest.mark.parametrize(
    "text",
    [
        "Two Peshmerga fighters were killed and three others were wounded when ISIS militants "
        "attacked their post near Makhmour, the ministry said.",
        "Two Turkish soldiers were killed and three others injured in an attack by regime "
        "forces on an observation post in Idlib, the defence ministry said.",
    ],
)
def test_others_after_fighters_are_fighters(text: str) -> None:
    c = primary(text)
    assert c.killed.combatants is not None and c.killed.combatants.min == 2
    assert c.injured.civilians is None
    assert c.injured.combatants is not None and c.injured.combatants.min == 3


@pytest.mark.parametrize(
    ("text", "n"),
    [
        # Israel — protesters are civilians
        (
            "On Tuesday morning, 15 May 2018, Israeli forces shot dead two Palestinian protesters "
            "east of Gaza City and injured 417 others, the Ministry of Health said.",
            2,
        ),
        # Syrian government — demonstrators
        ("Security forces opened fire on demonstrators in Deraa, killing 12 demonstrators.", 12),
        # Libya — migrants in a detention centre
        (
            "A drone strike on a detention centre in Tajoura killed 53 migrants, the United "
            "Nations said.",
            53,
        ),
        # Saudi-led coalition — a wedding's guests
        ("A coalition air strike on a wedding in Hajjah killed 20 guests, officials said.", 20),
    ],
)
def test_protesters_migrants_and_guests_are_civilians(text: str, n: int) -> None:
    c = primary(text)
    assert c.killed.civilians is not None and c.killed.civilians.min == n


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # a part of the people someone has: "three of their children", "two of our comrades"
        (
            "A Russian airstrike hit the family's home in Ariha. Three of their children were "
            "killed.",
            {"total": (3, 3), "civilians": (3, 3), "children": (3, 3)},
            None,
        ),
        (
            "Regime shelling on Kafr Nabl killed a woman and two of her children.",
            {"total": (3, 3), "civilians": (3, 3), "children": (2, 2), "women": (1, 1)},
            None,
        ),
        (
            "The Turkish defence ministry said four of its soldiers were killed and four others "
            "wounded in an attack near al-Bab.",
            {"total": (4, 4), "combatants": (4, 4)},
            (4, 4),
        ),
        (
            "SDF Press Center: A Turkish drone struck a vehicle near Amuda this evening. Three of "
            "our Asayish comrades were martyred and a civilian passer-by was wounded.",
            {"total": (3, 3), "combatants": (3, 3)},
            (1, 1),
        ),
        (
            "An Israeli strike on a car near Quneitra killed two of its passengers, state media "
            "said.",
            {"total": (2, 2), "civilians": (2, 2)},
            None,
        ),
        # "martyring" is a verb of killing, as "killing" is
        (
            "A coalition drone struck a motorcycle near Hajin, martyring two civilians, local "
            "activists said.",
            {"total": (2, 2), "civilians": (2, 2)},
            None,
        ),
    ],
)
def test_a_part_of_someone_s_people(
    text: str, killed: Figures, injured: tuple[int | None, int | None] | None
) -> None:
    check(text, killed, injured)


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # the figure a toll is brought to, however long the toll's name, is the toll
        (
            "Another two people died of their wounds on Monday, bringing the toll of the Russian "
            "strike on the market in Ariha to seven.",
            {"total": (7, 7), "civilians": (7, 7)},
        ),
        (
            "Two more bodies were pulled from the rubble, raising the death toll of Sunday's "
            "Israeli strike on the building to 14.",
            {"total": (14, 14), "civilians": (14, 14)},
        ),
        # an armed group's officer named by the group's acronym is one of its fighters
        (
            "A coalition airstrike killed a senior ISIS official and two other militants near "
            "al-Bab.",
            {"total": (3, 3), "combatants": (3, 3)},
        ),
        (
            "A Turkish drone strike killed two PKK leaders near Sinjar, the ministry said.",
            {"total": (2, 2), "combatants": (2, 2)},
        ),
    ],
)
def test_tolls_brought_to_a_figure_and_a_group_s_officers(text: str, killed: Figures) -> None:
    check(text, killed, None)


def test_one_of_the_wounded_who_died_is_one_dead() -> None:
    check(
        "A Russian airstrike on Ariha wounded three civilians on Monday. One of them died of his "
        "wounds later, a medic said.",
        {"total": (1, 1), "civilians": (1, 1)},
        (3, 3),
    )


def test_one_of_the_largest_is_still_no_count() -> None:
    c = primary("It was one of the deadliest attacks on Idlib this year, killing 12 civilians.")
    assert figures(c.killed) == {"total": (12, 12), "civilians": (12, 12)}


# Deaths told after the toll add to it -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        (
            "Syrian Civil Defence said three people were killed, one of them a child, when "
            "regime artillery shelled Ariha on Tuesday. Another died of his wounds the next day.",
            {"total": (4, 4), "civilians": (4, 4), "children": (1, 1)},
        ),
        (
            "A Turkish drone strike killed two SDF fighters near Qamishli on Monday. A third "
            "fighter succumbed to his injuries on Tuesday, the SDF said.",
            {"total": (3, 3), "combatants": (3, 3)},
        ),
        (
            "Two civilians were killed in a Russian airstrike on Atarib. Two of the wounded "
            "later died in hospital, the White Helmets said.",
            {"total": (4, 4), "civilians": (4, 4)},
        ),
        (
            "A coalition strike killed a woman in Hajin. Another child later died of her "
            "injuries, local sources said.",
            {"total": (2, 2), "civilians": (2, 2), "women": (1, 1), "children": (1, 1)},
        ),
    ],
)
def test_deaths_told_after_the_toll_add_to_it(text: str, killed: Figures) -> None:
    assert figures(primary(text).killed) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # the toll's own sentence breaks it down
        (
            "Three people were killed in the ISIS attack: one died at once and two others died "
            "later in hospital.",
            {"total": (3, 3), "civilians": (3, 3)},
        ),
        # a toll raised to a figure states the sum itself
        (
            "Israeli shelling killed three people in Quneitra. The toll rose to four after "
            "another man died of his wounds.",
            {"total": (4, 4), "civilians": (4, 4)},
        ),
    ],
)
def test_a_later_death_is_not_added_twice(text: str, killed: Figures) -> None:
    assert figures(primary(text).killed) == killed


def test_a_later_death_alone_is_the_toll() -> None:
    (count,) = [c for c in find_casualties("Another died of his wounds the next day.")]
    assert count.later and (count.range.min, count.outcome) == (1, "killed")
    assert figures(combine([count])[0]) == {"total": (1, 1)}
