"""Claim assembly: one claim per incident, background makes none, the values of each claim."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

geo = pytest.importorskip("factfinder.geo")
if not hasattr(geo, "find_places"):
    pytest.skip("factfinder.geo.find_places has not landed", allow_module_level=True)
pytest.importorskip("factfinder.extract.dates")

from factfinder.extract.assemble import AssemblyOptions  # noqa: E402
from factfinder.extract.pipeline import Extractor  # noqa: E402
from factfinder.model import Claim, Document  # noqa: E402


def claims(
    text: str, published: str | None = "2018-11-03", title: str | None = None, **options: Any
) -> tuple[Claim, ...]:
    doc = Document(
        "t", text, title=title, published=dt.date.fromisoformat(published) if published else None
    )
    return Extractor(options=AssemblyOptions(**options)).extract(doc).claims


def test_two_incidents_in_two_sentences_are_two_claims() -> None:
    got = claims(
        "Regime forces shelled Douma, killing 5 people. "
        "In Idlib, a Russian airstrike killed 3 civilians."
    )
    assert [(c.event_type, c.perpetrator.group) for c in got] == [
        ("shelling", "syrian_government"),
        ("airstrike", "russia"),
    ]
    assert [c.primary for c in got] == [True, False]
    assert got[0].places[0].admin1 == "Rif Dimashq" and got[1].places[0].admin1 == "Idlib"
    assert got[1].killed.civilians is not None and got[1].killed.civilians.min == 3


def test_background_makes_no_claim() -> None:
    assert (
        claims(
            "The US-led coalition has been conducting airstrikes against Daesh targets "
            "inside Syria since September 2014. The military alliance has repeatedly been "
            "accused of targeting and killing civilians."
        )
        == ()
    )


def test_the_victims_are_not_the_perpetrator() -> None:
    [c] = claims("26 SDF fighters were killed in an ISIS attack on a village near Hasakah.")
    assert c.perpetrator.group == "isis"
    assert c.killed.combatants is not None and c.killed.combatants.min == 26
    assert c.killed.civilians is None


def test_dead_of_no_stated_category_are_presumed_civilians_unless_switched_off() -> None:
    text = "A car bomb killed at least 16 people in the town of Qamishli on Tuesday."
    [c] = claims(text)
    assert c.killed.total is not None and c.killed.civilians == c.killed.total
    [strict] = claims(text, presume_civilians=False)
    assert strict.killed.civilians is None and strict.killed.total == c.killed.total


def test_a_date_inside_the_attribution_dates_the_statement_not_the_event() -> None:
    [c] = claims(
        "The Syrian foreign ministry said in a letter on Saturday that the Friday "
        "airstrikes by the US-led coalition on Hajin killed at least 26 civilians."
    )
    assert c.date is not None and c.date.start == dt.date(2018, 11, 2)


def test_the_headline_incident_is_primary_and_the_report_date_dates_it() -> None:
    text = (
        "Aleppo bomb blast kills six. A bomb blast killed six people in Aleppo, state "
        "television said. Separately, an airstrike killed 4 people in Idlib on Monday."
    )
    got = claims(text, published="2017-04-19", title="Aleppo bomb blast kills six")
    assert got[0].primary and got[0].event_type == "explosion"
    assert got[0].date is not None and got[0].date.start == dt.date(2017, 4, 19)
    assert got[1].date is not None and got[1].date.start == dt.date(2017, 4, 17)
    assert len(got[0].spans) == 2  # headline and lede


@pytest.mark.parametrize(
    "text",
    [
        "قتل 40 مدنيا خلال تموز الماضي",
        "خلال شهر تشرين الاول 2019",
        "طيلة كانون الأول",
        "خلال أذار",
        "خلال اذار",
        "خلال إبريل",
        "خلال يونيه",
        "طوال عام 2021",
    ],
)
def test_arabic_period_totals_name_every_vocabulary_month(text: str) -> None:
    from factfinder.extract.assemble import _PERIOD_TOTAL

    assert _PERIOD_TOTAL.search(text)


def test_a_month_word_alone_is_no_period() -> None:
    from factfinder.extract.assemble import _PERIOD_TOTAL

    assert _PERIOD_TOTAL.search("قتل 3 مدنيين في قصف على حي تموز") is None
