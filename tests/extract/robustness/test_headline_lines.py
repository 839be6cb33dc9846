"""Stories saved as plain text: the headline is the text's first line, the dateline opens the body.

A file with no title of its own (a story saved as .txt, a pasted article, an e-mail body) still
starts with its headline: a short line of words with no closing stop, a blank line after it.
That line is the headline — it takes the voice of the lede, so "…, rescuers say" and the body's
"…, the Civil Defence said" are one claim, not two — and the wire dateline that opens the body
("AMMAN, March 3 (Levant Wire) -") is where the story was filed, not a place of the incident.
Every text here is written for this suite; each party appears in the same frames.
"""

from __future__ import annotations

import datetime as dt

import pytest

from factfinder.extract.pipeline import Extractor
from factfinder.extract.sentences import leading_headline
from factfinder.model import Claim, Document


def claims(text: str, published: str | None = "2024-03-05") -> list[Claim]:
    date = dt.date.fromisoformat(published) if published else None
    return list(Extractor().extract(Document("t", text, published=date)).claims)


def with_deaths(found: list[Claim]) -> list[Claim]:
    return [c for c in found if c.killed.total or c.killed.civilians]


# (text, filing city that must not be a place, claimant, perpetrator group, civilians killed)
STORIES = [
    (
        "Russian air strikes kill four civilians in Idlib town, rescuers say\n\n"
        "AMMAN, March 3 (Levant Wire) - Russian warplanes struck homes in the town of Saraqib "
        "in Idlib province on Sunday, killing four civilians, the Syrian Civil Defence said.",
        "Amman",
        "Syrian Civil Defence",
        "russia",
        4,
    ),
    (
        "Coalition strike kills six civilians near Raqqa, monitor says\n\n"
        "BEIRUT, March 3 (Reuters) - A U.S.-led coalition air strike hit a farmhouse near the "
        "town of Tabqa in Raqqa province on Sunday, killing six civilians, the Syrian "
        "Observatory for Human Rights said.",
        "Beirut",
        "Syrian Observatory for Human Rights",
        "us_led_coalition",
        6,
    ),
    (
        "Government shelling kills five in Daraa, activists say\n\n"
        "AMMAN, Jordan (AP) — Syrian government forces shelled the town of Tafas in Daraa "
        "province on Saturday, killing five civilians, the Syrian Network for Human Rights "
        "said.",
        "Amman",
        "Syrian Network for Human Rights",
        "syrian_government",
        5,
    ),
    (
        "Turkish drone strike kills three civilians in northeast Syria\n\n"
        "ERBIL, March 3 (Kurdistan 24) – A Turkish drone struck a car near the town of "
        "Amuda in Hasakah province, killing three civilians, the Syrian Democratic Forces "
        "said in a statement.",
        "Erbil",
        "Syrian Democratic Forces",
        "turkey",
        3,
    ),
    (
        "SDF raid kills two civilians in Deir ez-Zor village, residents say\n\n"
        "BEIRUT (AFP) - Fighters of the Syrian Democratic Forces raided the village of "
        "Thiban in Deir ez-Zor province on Monday, killing two civilians, the Syrian "
        "Observatory for Human Rights said.",
        "Beirut",
        "Syrian Observatory for Human Rights",
        "sdf_ypg",
        2,
    ),
    (
        "Islamic State car bomb kills eight civilians in eastern Syria\n\n"
        "BEIRUT, March 3 (Reuters) - A car bomb claimed by the Islamic State exploded in a "
        "market in the town of Al Mayadin in Deir ez-Zor province on Sunday, killing eight "
        "civilians, the Syrian Observatory for Human Rights said.",
        "Beirut",
        "Syrian Observatory for Human Rights",
        "isis",
        8,
    ),
    (
        "HTS shelling kills seven civilians in Aleppo countryside, state media say\n\n"
        "DAMASCUS, March 3 (Xinhua) -- Shells fired by Hayat Tahrir al-Sham militants hit "
        "residential areas of the town of Safira in Aleppo province on Sunday, killing seven "
        "civilians, the Syrian Network for Human Rights said.",
        "Damascus",
        "Syrian Network for Human Rights",
        "hts_nusra",
        7,
    ),
    (
        "Israeli strikes kill four civilians near Damascus, monitor says\n\n"
        "AMMAN, March 3 (Reuters) - Israeli strikes hit a building in the town of Qudsaya "
        "in Rif Dimashq province on Sunday, killing four civilians, the Syrian Observatory "
        "for Human Rights said.",
        "Amman",
        "Syrian Observatory for Human Rights",
        "israel",
        4,
    ),
    (
        "Iran-backed militia shelling kills three civilians in Deir ez-Zor\n\n"
        "BEIRUT (AP) — An Iranian-backed militia shelled the village of Jadid Bakara in "
        "Deir ez-Zor province on Saturday, killing three civilians, the Syrian Observatory "
        "for Human Rights said.",
        "Beirut",
        "Syrian Observatory for Human Rights",
        "iran",
        3,
    ),
    (
        "Turkish-backed factions shell village near Manbij, killing five civilians\n\n"
        "ERBIL (Kurdistan 24) – Turkish-backed Syrian National Army factions shelled the "
        "village of Arima near Manbij in Aleppo province on Friday, killing five civilians, "
        "the Syrian Network for Human Rights said.",
        "Erbil",
        "Syrian Network for Human Rights",
        "armed_opposition",
        5,
    ),
]


@pytest.mark.parametrize(("text", "filed", "claimant", "group", "civilians"), STORIES)
def test_a_headline_line_and_its_lede_are_one_claim(
    text: str, filed: str, claimant: str, group: str, civilians: int
) -> None:
    found = with_deaths(claims(text))
    assert len(found) == 1, [c.claimant.name for c in found]
    c = found[0]
    assert c.primary
    assert c.claimant.name == claimant
    assert c.perpetrator is not None and c.perpetrator.group == group
    assert c.killed.civilians is not None and c.killed.civilians.min == civilians
    assert filed not in {p.name.strip("'") for p in c.places}


def test_the_headline_line_without_publication_date_leaves_the_story_undated() -> None:
    # "March 3" with no year and no publication date: never guessed.
    found = with_deaths(claims(STORIES[0][0], published=None))
    assert len(found) == 1 and found[0].date is None


HEADLINES = [
    "Russian air strikes kill four civilians in Idlib town, rescuers say",
    "Coalition admits killing 12 civilians in Mosul strike",
    "UN: 30 civilians killed in a week of shelling in northwest Syria",
    "‘They were sleeping’: families bury the dead after Afrin shelling",
]


@pytest.mark.parametrize("headline", HEADLINES)
def test_a_short_first_line_before_a_blank_line_is_the_headline(headline: str) -> None:
    body = "The body of the story follows here, with more than a hundred characters of prose " * 2
    text = f"{headline}\n\n{body}"
    assert leading_headline(text) == (0, len(headline))


NOT_HEADLINES = [
    # a byline, a sentence with its full stop, a handle, a single line of text, a link
    "By Jane Roe and John Doe, Levant Wire staff",
    "Four civilians were killed in an air strike on Sunday.",
    "@SyriaCivilDefence posted the following update today",
    "https://example.org/news/2024/03/03/air-strike-idlib",
]


@pytest.mark.parametrize("line", NOT_HEADLINES)
def test_a_byline_sentence_handle_or_link_is_no_headline(line: str) -> None:
    body = "The body of the story follows here, with more than a hundred characters of prose " * 2
    assert leading_headline(f"{line}\n\n{body}") is None


def test_a_one_line_document_has_no_headline_line() -> None:
    # A monitor's incident line or a wire flash is read in headline mode, not as a title.
    assert leading_headline("Air strike kills four civilians in Saraqib, Idlib") is None
    assert leading_headline("Air strike kills four civilians in Saraqib\n\nShort.") is None
