"""Page furniture: a sentence that pages of one site carry week after week is no report."""

from __future__ import annotations

from factfinder.link.furniture import furniture
from factfinder.link.run import link_records

RAQQA = ("Raqqa", 35.950, 39.009, "Raqqa")
# A site's "latest news" box, archived with every page it framed.
TICKER = "عاجل: وزارة الصحة تعلن افتتاح مركز جديد لغسيل الكلى في مدينة الرقة بحضور مسؤولين محليين"
TICKER_EN = (
    "Latest: the health ministry opens a new dialysis centre in Raqqa city with local officials"
)
WIRE = (
    "An air strike on a bakery in Raqqa killed seven civilians, including two children, on Monday"
)


def _pages(make_record, text, days, language):
    return [
        make_record(
            i,
            text=text,
            day=day,
            published=day,
            place=RAQQA,
            event="airstrike",
            killed=1,
            language=language,
            publisher="Local news site",
        )
        for i, day in enumerate(days)
    ]


def test_a_sentence_carried_by_pages_weeks_apart_is_furniture(make_record):
    pages = _pages(make_record, TICKER, ["2024-10-14", "2024-10-15", "2024-11-02"], "ar")
    assert furniture(pages) == frozenset({0, 1, 2})
    run = link_records(pages)
    assert sorted(run.clustering.clusters) == [[0], [1], [2]]


def test_copies_of_one_story_within_days_are_linked(make_record):
    copies = _pages(make_record, WIRE, ["2024-10-14", "2024-10-14", "2024-10-15"], "en")
    assert furniture(copies) == frozenset()
    assert link_records(copies).clustering.clusters == [[0, 1, 2]]


def test_two_pages_weeks_apart_are_not_enough(make_record):
    pages = _pages(make_record, TICKER_EN, ["2024-10-14", "2024-11-20"], "en")
    assert furniture(pages) == frozenset()
