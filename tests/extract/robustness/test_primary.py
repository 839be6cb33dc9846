"""The primary claim of a long report is the incident the report is about.

An NGO or monitor report of several pages meets many figures before and after its incident:
a total over a period ("in 2023, 1,200 civilians were killed"), the war's toll, an earlier
attack on the same place ("in 2019, a similar strike … killed 40"), the people its researchers
interviewed, the recommendations. The primary claim must be the incident of the title and lead,
the one told in most detail and repeated across the text, whatever comes first.

The reports are assembled here from paragraphs written for this suite: one frame per party to
the conflict, each report several pages long with background, methodology and recommendations
sections, varied in order (total first, background first, history inline, a smaller incident
first, headings or none, a title or none).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

geo = pytest.importorskip("factfinder.geo")
if not hasattr(geo, "find_places"):
    pytest.skip("factfinder.geo.find_places has not landed", allow_module_level=True)

from factfinder.extract.pipeline import Extractor  # noqa: E402
from factfinder.extract.sentences import context_sections  # noqa: E402
from factfinder.model import Claim, Document  # noqa: E402


@dataclass(frozen=True)
class Frame:
    """One incident as a report tells it."""

    org: str  # who wrote the report
    actor: str  # who struck, as the sentence names it
    act: str  # "struck", "shelled", …
    site: str  # what was hit
    town: str
    area: str  # the governorate as the text names it
    gov: str  # the governorate as the gazetteer names it
    group: str  # the perpetrator group expected
    killed: int
    children: int
    injured: int
    day: str  # "25 August"
    date: dt.date
    other_town: str  # where the earlier, background attack was
    total: int  # the period total of the introduction


FRAMES = [
    Frame(
        "Syrians for Truth",
        "Russian warplanes",
        "struck",
        "the vegetable market",
        "Ariha",
        "Idlib",
        "Idlib",
        "russia",
        12,
        4,
        30,
        "25 August",
        dt.date(2023, 8, 25),
        "Saraqib",
        1200,
    ),
    Frame(
        "the Syrian Network",
        "Syrian government helicopters",
        "dropped barrel bombs on",
        "a bakery",
        "Kafr Nabl",
        "Idlib",
        "Idlib",
        "syrian_government",
        9,
        3,
        14,
        "3 March",
        dt.date(2019, 3, 3),
        "Maarat al-Numan",
        2400,
    ),
    Frame(
        "Airwatch",
        "US-led coalition aircraft",
        "struck",
        "a residential building",
        "Hajin",
        "Deir ez-Zor",
        "Deir ez-Zor",
        "us_led_coalition",
        17,
        6,
        8,
        "12 November",
        dt.date(2018, 11, 12),
        "Al-Susah",
        900,
    ),
    Frame(
        "the Kurdish Rights Group",
        "Turkish drones",
        "struck",
        "a car carrying a family",
        "Qamishli",
        "Hasakah",
        "Al-Hasakah",
        "turkey",
        5,
        2,
        3,
        "19 January",
        dt.date(2024, 1, 19),
        "Amuda",
        310,
    ),
    Frame(
        "the Afrin Human Rights Office",
        "the SDF",
        "shelled",
        "a school",
        "Jarablus",
        "Aleppo",
        "Aleppo",
        "sdf_ypg",
        6,
        5,
        11,
        "2 May",
        dt.date(2022, 5, 2),
        "Al-Bab",
        140,
    ),
    Frame(
        "Raqqa Watch",
        "An ISIS suicide bomber",
        "blew himself up at",
        "a checkpoint",
        "Tabqa",
        "Raqqa",
        "Raqqa",
        "isis",
        14,
        1,
        22,
        "7 June",
        dt.date(2017, 6, 7),
        "Raqqa city",
        2100,
    ),
    Frame(
        "the Aleppo Civil Monitor",
        "Hayat Tahrir al-Sham",
        "shelled",
        "the main square",
        "Nubl",
        "Aleppo",
        "Aleppo",
        "hts_nusra",
        4,
        2,
        9,
        "14 April",
        dt.date(2021, 4, 14),
        "Zahraa",
        120,
    ),
    Frame(
        "the Levant Observatory",
        "Israeli aircraft",
        "struck",
        "an apartment building",
        "Kafr Sousa",
        "Damascus",
        "Damascus",
        "israel",
        7,
        1,
        12,
        "21 February",
        dt.date(2024, 2, 21),
        "Mezzeh",
        260,
    ),
    Frame(
        "Euphrates Monitor",
        "Iranian-backed militias",
        "shelled",
        "a farm",
        "Al Mayadin",
        "Deir ez-Zor",
        "Deir ez-Zor",
        "iran",
        8,
        3,
        5,
        "30 September",
        dt.date(2020, 9, 30),
        "Albu Kamal",
        180,
    ),
    Frame(
        "Idlib Rescue",
        "Russian warplanes",
        "struck",
        "a camp for displaced families",
        "Harem",
        "Idlib",
        "Idlib",
        "russia",
        11,
        7,
        25,
        "6 November",
        dt.date(2022, 11, 6),
        "Salqin",
        700,
    ),
]


def title(f: Frame) -> str:
    return f"Syria: the attack on {f.site} in {f.town}"


def total(f: Frame) -> str:
    return (
        f"In {f.date.year}, {f.total:,} civilians were killed in Syria, according to the "
        f"documentation of {f.org}, among them {f.total // 4:,} children."
    )


def toll() -> str:
    return "Since 2011, more than 500,000 people have been killed in the Syrian conflict."


def lead(f: Frame) -> str:
    return (
        f"On {f.day} {f.date.year}, {f.actor} {f.act} {f.site} in {f.town}, {f.area} "
        f"province, killing {f.killed} civilians, including {f.children} children, and "
        f"injuring {f.injured} others."
    )


def accounts(f: Frame) -> list[str]:
    return [
        f"A resident of {f.town} told {f.org} that she heard aircraft or shells shortly before "
        "the first explosion, and that smoke covered the street within seconds.",
        "Neighbours ran to the site and began pulling people from under the rubble with their "
        "hands, because rescue crews could not reach the street for almost an hour.",
        f"The {f.killed} victims were buried the same evening in the cemetery of {f.town}, "
        "their relatives said.",
        "A nurse at the nearest field hospital described how the emergency room filled with "
        "wounded people, most of them women and children, and how supplies ran out by night.",
        "Photographs and videos reviewed by our researchers show the destroyed front of the "
        "building, burnt vehicles and craters in the road outside.",
        f"The names of the {f.killed} people killed, which {f.org} has verified with their "
        "families, are listed in the annex to this report.",
        "Local authorities said no military position, checkpoint or weapons depot was located "
        "in the vicinity at the time of the attack.",
        f"{f.town} had received thousands of displaced families from the surrounding villages "
        "in the months before, and its markets and schools were crowded every morning.",
        "Several families said they had moved to the neighbourhood because they believed it "
        "was safer than the front line, and that they had nowhere else to go.",
        "The strike destroyed the only water pumping station of the neighbourhood, and "
        "residents have since depended on trucked water that few of them can afford.",
        "A teacher said that pupils stopped coming to school for weeks afterwards and that "
        "many of them still wake at night at the sound of aircraft.",
        "Relatives of the victims said they had not been contacted by any authority, and that "
        "no one had offered them compensation or an explanation.",
    ]


def history(f: Frame) -> str:
    return (
        f"In {f.date.year - 3}, a similar attack on the market of {f.other_town} killed "
        f"{f.killed * 3 + 1} people."
    )


def methods(f: Frame) -> list[str]:
    return [
        f"{f.org} interviewed 23 people by telephone, 6 of whom were injured in attacks, and "
        "reviewed open-source images.",
        "Researchers cross-checked every name against at least two independent sources.",
    ]


def recommendations(f: Frame) -> list[str]:
    return [
        f"{f.org} calls on all parties to investigate the killing of {f.killed} civilians in "
        f"{f.town} and to hold those responsible to account.",
        "Donors should fund the rehabilitation of the damaged facilities.",
    ]


def pages(paragraphs: list[str]) -> str:
    return "\n\n".join(paragraphs)


def report(f: Frame, layout: int) -> tuple[str, str | None]:
    """A report of `f` in one of several layouts; returns (text, title)."""
    body = accounts(f)
    if layout == 0:  # the title and the period total first, then the incident; sections last
        return pages(
            [
                title(f),
                total(f),
                lead(f),
                *body,
                "Background",
                toll(),
                history(f),
                "Methodology",
                *methods(f),
                "Recommendations",
                *recommendations(f),
            ]
        ), title(f)
    if layout == 1:  # background first, under its heading; no title
        return pages(
            [
                "Background",
                toll(),
                total(f),
                history(f),
                "The attack",
                lead(f),
                *body,
                "Methodology",
                *methods(f),
                "Recommendations to the parties",
                *recommendations(f),
            ]
        ), None
    if layout == 2:  # no headings at all: the history told inline before the incident
        return pages([history(f), toll(), lead(f), *body, *recommendations(f)]), title(f)
    # numbered headings, the total in the summary, the incident under its own heading
    return pages(
        [
            "1. Summary",
            total(f),
            "2. The attack",
            lead(f),
            *body,
            "3. Legal analysis",
            history(f),
            "4. Methodology",
            *methods(f),
            "5. Recommendations",
            *recommendations(f),
        ]
    ), None


def primary(text: str, title_text: str | None, published: dt.date) -> Claim:
    doc = Document("r", text, title=title_text, published=published)
    claims = Extractor().extract(doc).claims
    return next(c for c in claims if c.primary)


CASES = [(f, k % 4) for k, f in enumerate(FRAMES)] + [
    (f, (k + 2) % 4) for k, f in enumerate(FRAMES)
]


@pytest.mark.parametrize(
    ("frame", "layout"), CASES, ids=[f"{f.group}-{f.town}-{n}" for f, n in CASES]
)
def test_the_primary_claim_is_the_report_incident(frame: Frame, layout: int) -> None:
    text, head = report(frame, layout)
    assert len(text) > 2000  # a long report, not a wire item
    c = primary(text, head, published=frame.date + dt.timedelta(days=40))
    assert c.killed.civilians is not None and c.killed.civilians.min == frame.killed
    assert c.killed.children is not None and c.killed.children.min == frame.children
    assert c.injured.total is not None and c.injured.total.min == frame.injured
    assert frame.gov in {p.admin1 for p in c.places}
    assert c.date is not None and c.date.start == frame.date
    assert c.perpetrator.group == frame.group


def test_a_smaller_incident_first_does_not_outweigh_the_titled_one() -> None:
    f = FRAMES[0]
    earlier = (
        "The day before, government shelling killed one man in the village of Kansafra, "
        "south of Ariha."
    )
    text = pages([earlier, lead(f), *accounts(f), "Recommendations", *recommendations(f)])
    head = f"Russian strike on {f.town} market killed {f.killed} civilians"
    c = primary(text, head, published=f.date + dt.timedelta(days=10))
    assert c.killed.civilians is not None and c.killed.civilians.min == f.killed
    assert c.perpetrator.group == "russia"


def test_apparatus_sections_make_no_claim() -> None:
    f = FRAMES[3]
    text, head = report(f, 0)
    doc = Document("r", text, title=head, published=f.date + dt.timedelta(days=40))
    claims = Extractor().extract(doc).claims
    # "6 of whom were injured" in the methodology section is no incident.
    assert not any(c.injured.total is not None and c.injured.total.min == 6 for c in claims)


def test_background_incidents_stay_claims_but_not_primary() -> None:
    f = FRAMES[2]
    text, head = report(f, 1)
    doc = Document("r", text, title=head, published=f.date + dt.timedelta(days=40))
    claims = Extractor().extract(doc).claims
    earlier = [c for c in claims if c.killed.total and c.killed.total.min == f.killed * 3 + 1]
    assert earlier and not earlier[0].primary


def test_context_sections_are_found_by_their_headings() -> None:
    text, _ = report(FRAMES[0], 3)
    kinds = [(s.kind, text[s.start : s.end].split("\n", 1)[0]) for s in context_sections(text)]
    assert kinds == [
        ("background", "3. Legal analysis"),
        ("apparatus", "4. Methodology"),
        ("apparatus", "5. Recommendations"),
    ]


@pytest.mark.parametrize(
    "deck",
    [
        "Russian Attack on Idlib Town Killed 11 Civilians",
        "Market Strike Killed 11, Including 3 Children",
    ],
)
def test_a_deck_under_the_headline_is_the_lede_s_incident(deck: str) -> None:
    text = (
        "Syria: Deadly Strike on Market Was Indiscriminate\n"
        f"{deck}\n"
        "A Russian airstrike on a crowded vegetable market in the town of Maarat Misrin on July "
        "22, 2023, killed 11 civilians, including 3 children, the organisation said today.\n"
        "Since June, at least 48 civilians have been killed in attacks in northwest Syria, "
        "according to local rescuers."
    )
    c = primary(text, None, dt.date(2023, 8, 1))
    assert c.date is not None and c.date.start == dt.date(2023, 7, 22)
    assert "Maarratmisrin" in [p.name for p in c.places]
    assert c.killed.children is not None and c.killed.children.min == 3
    assert c.killed.total is not None and c.killed.total.min == 11
