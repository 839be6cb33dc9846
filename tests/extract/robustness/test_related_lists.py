"""A news page's lists of other articles are not the report.

A captured news page carries, under or inside the article, lists of other stories: "Related
articles", "Read also", "Most read", "مقالات ذات صلة", "اقرأ أيضاً", "الأكثر قراءة". Their
headlines tell of other incidents, with their own figures, places and parties; read as part of
the report they add other people's deaths to its count and other towns to its places. The list
runs from its heading over the short headline lines after it and ends at the next paragraph,
where the article may go on. Every page here was written for this suite; the same frames are
tried with every party.
"""

from __future__ import annotations

import datetime as dt

import pytest

from factfinder.extract.furniture import related_spans
from factfinder.extract.pipeline import Extractor
from factfinder.model import Claim, Document

_EXTRACTOR = Extractor()


def primary(text: str) -> Claim:
    claims = _EXTRACTOR.extract(Document("t", text, published=dt.date(2024, 3, 2))).claims
    return next(c for c in claims if c.primary)


def killed(c: Claim) -> int | None:
    r = c.killed.civilians or c.killed.total
    return r.min if r is not None else None


ENGLISH_HEADINGS = [
    "Related articles",
    "Related",
    "Read more",
    "Read also:",
    "Also read",
    "More from Middle East",
    "You may also like",
    "Most read",
    "Latest news",
    "Top stories",
]

ARABIC_HEADINGS = [
    "مقالات ذات صلة",
    "أخبار ذات صلة",
    "اقرأ أيضاً",
    "اقرأ أيضا:",
    "الأكثر قراءة",
    "الأكثر مشاهدة",
    "آخر الأخبار",
    "المزيد من مقالات حول سوريا",
    "اخترنا لكم",
    "قد يهمك",
]

# (perpetrator as the article names it, its group, a party named in the other headlines)
PARTIES = [
    ("Russian warplanes", "russia", "Turkish drone"),
    ("Syrian government artillery", "syrian_government", "coalition airstrike"),
    ("A Turkish drone", "turkey", "Russian airstrike"),
    ("A coalition airstrike", "us_led_coalition", "Israeli strike"),
    ("An Israeli strike", "israel", "regime shelling"),
]


@pytest.mark.parametrize("heading", ENGLISH_HEADINGS)
@pytest.mark.parametrize(("actor", "group", "other"), PARTIES[:2])
def test_english_list_under_the_article_adds_nothing(
    heading: str, actor: str, group: str, other: str
) -> None:
    text = (
        f"{actor} killed four civilians in the town of Sarmin on Friday, the civil defence said.\n\n"
        "Rescuers pulled two children from the rubble of a house, a spokesman said.\n\n"
        f"{heading}\n\n"
        f"{other} kills 25 people in Manbij\n\n"
        "UN envoy calls for calm as 40 die in Deir ez-Zor clashes\n\n"
        "Aid convoy reaches Raqqa"
    )
    c = primary(text)
    assert killed(c) == 4
    assert c.perpetrator.group == group
    assert not {p.name for p in c.places} & {"Manbij", "Raqqa", "Deir ez-Zor"}


@pytest.mark.parametrize("heading", ARABIC_HEADINGS)
def test_arabic_list_under_the_article_adds_nothing(heading: str) -> None:
    text = (
        "استشهدت طفلة إثر قصف مدفعي لقوات النظام على بلدة سرمين شرقي إدلب اليوم الجمعة.\n\n"
        "وقال الدفاع المدني إن فرقه أسعفت مصابين اثنين إلى مشفى المدينة.\n\n"
        f"{heading}\n\n"
        "استشهاد امرأة بقصف روسي على ريف إدلب\n\n"
        "حادث سير يودي بحياة ثلاثة أشخاص ويصيب 27 آخرين بريف الحسكة\n\n"
        "مقتل 5 مدنيين بغارة تركية على منبج"
    )
    c = primary(text)
    assert killed(c) == 1
    assert c.perpetrator.group == "syrian_government"


@pytest.mark.parametrize(("actor", "group", "other"), PARTIES)
def test_the_article_goes_on_after_a_read_also_box(actor: str, group: str, other: str) -> None:
    text = (
        f"{actor} hit a market in Ariha on Thursday morning.\n\n"
        "Read also\n\n"
        f"{other} leaves 30 dead in Afrin\n\n"
        "Local medics said seven civilians were killed, including three children, and a dozen "
        "were wounded when the market was struck shortly after it opened.\n\n"
    )
    c = primary(text)
    assert killed(c) == 7
    assert c.perpetrator.group == group


def test_a_list_heading_opens_a_block_of_headlines_only() -> None:
    text = (
        "Body of the article ends here.\n\n"
        "Related articles\n\n"
        "Shelling kills 3 in Idlib\n\n"
        "Strike on Raqqa bakery\n\n"
        "Witnesses told reporters that the attack began at dawn, and that the town's only "
        "hospital had been hit twice in a week before the latest raid, which lasted an hour.\n"
    )
    spans = related_spans(text)
    assert len(spans) == 1
    a, b = spans[0]
    assert text[a:b].startswith("Related articles")
    assert text[a:b].endswith("Strike on Raqqa bakery")


@pytest.mark.parametrize(
    "text",
    [
        "Related to the attack, the ministry said two soldiers were wounded.",  # prose, not a heading
        "More than 20 people were killed, the monitor said.",
        "Read more about the strike in our report published on Monday, which cites witnesses.",
        "وقال المرصد إن آخر الأخبار تشير إلى مقتل 4 مدنيين",  # the words inside a sentence
    ],
)
def test_words_of_headings_inside_prose_are_no_list(text: str) -> None:
    assert related_spans(text) == []


def test_a_sentence_after_the_heading_ends_the_list() -> None:
    text = (
        "آخر الأخبار\n\n"
        "قتلى وجرحى بقصف روسي على مناطق في إدلب\n\n"
        "قتلت امرأة وأصيب 5 مدنيين آخرين بقصف صاروخي لقوات النظام وروسيا على شمال غربي سوريا.\n"
    )
    ((a, b),) = related_spans(text)
    assert text[a:b] == "آخر الأخبار\n\nقتلى وجرحى بقصف روسي على مناطق في إدلب"
    c = primary(text)
    assert killed(c) == 1
