"""The report's chart by period, the web timeline's chart as static SVG: the counts and bar
heights per period, the stacking by alleged perpetrator in the web charts' colours, the period
chosen from the span, and the undated counted apart."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

from factfinder.report.charts import PERPETRATOR_COLOURS, best_period, series_colours
from factfinder.report.html import counted, render_html
from factfinder.report.model import CaseFile
from factfinder.report.periods import PANEL, PLOT_BOTTOM, PLOT_TOP, Counted, period_chart

NS = "{http://www.w3.org/2000/svg}"
PLOT = PANEL - PLOT_TOP - PLOT_BOTTOM
D = dt.date


def bars(svg: str, measure: str) -> dict[str, dict[str, tuple[int, float]]]:
    """{period start: {series: (value, height)}} of one panel."""
    root = ET.fromstring(svg)
    panel = next(g for g in root.iter(f"{NS}g") if g.get("data-measure") == measure)
    out: dict[str, dict[str, tuple[int, float]]] = {}
    for bar in panel.iter(f"{NS}g"):
        if bar.get("class") != "bar":
            continue
        out[bar.get("data-start", "")] = {
            r.get("data-series", ""): (int(r.get("data-value", "0")), float(r.get("height", "0")))
            for r in bar.iter(f"{NS}rect")
        }
    return out


CASE = [
    Counted(D(2017, 10, 2), "us_led_coalition", 12),
    Counted(D(2017, 10, 4), "us_led_coalition", 3),
    Counted(D(2017, 10, 5), "russia", 0),
    Counted(D(2017, 10, 11), "syrian_government", 30),
    Counted(D(2017, 10, 29), "us_led_coalition", 15),
    Counted(None, "isis", 4),
    Counted(None, "russia", 2),
]


def test_weeks_stacked_by_perpetrator_with_heights_in_proportion() -> None:
    svg = period_chart(CASE)
    assert svg == period_chart(CASE)
    root = ET.fromstring(svg)
    assert root.get("data-period") == "day"  # four weeks: days, as the web's "auto" chooses
    weekly = period_chart([*CASE, Counted(D(2018, 2, 6), "isis", 1)])
    assert ET.fromstring(weekly).get("data-period") == "week"
    incidents = bars(weekly, "incidents")
    # Weeks start on Monday: 2 Oct 2017 is one, 9 Oct, 23 Oct, then 5 Feb 2018.
    assert {k: {s: v for s, (v, _) in b.items()} for k, b in incidents.items()} == {
        "2017-10-02": {"us_led_coalition": 2, "russia": 1},
        "2017-10-09": {"syrian_government": 1},
        "2017-10-23": {"us_led_coalition": 1},
        "2018-02-05": {"isis": 1},
    }
    # The tallest week (3 incidents) fills the plot; a week of 1 is a third of it.
    tallest = sum(h for _, h in incidents["2017-10-02"].values())
    assert round(tallest, 1) == round(PLOT, 1)
    assert incidents["2017-10-09"]["syrian_government"][1] == round(PLOT / 3, 1)
    civilians = bars(weekly, "civilians")
    assert {k: sum(v for v, _ in b.values()) for k, b in civilians.items()} == {
        "2017-10-02": 15,
        "2017-10-09": 30,
        "2017-10-23": 15,
        "2018-02-05": 1,
    }
    assert civilians["2017-10-09"]["syrian_government"] == (30, round(PLOT, 1))
    assert civilians["2017-10-23"]["us_led_coalition"] == (15, round(PLOT / 2, 1))


def test_the_undated_are_counted_apart_under_the_chart() -> None:
    root = ET.fromstring(period_chart(CASE))
    line = next(t for t in root.iter(f"{NS}text") if t.get("class") == "undated")
    assert (line.get("data-incidents"), line.get("data-civilians")) == ("2", "6")
    assert line.text == (
        "2 undated incidents (6 civilians killed), counted apart (not on the time axis)."
    )
    # Not on the time axis: the bars hold the five dated incidents only.
    assert (
        sum(v for b in bars(period_chart(CASE), "incidents").values() for v, _ in b.values()) == 5
    )


def test_one_colour_per_perpetrator_as_in_the_web_charts() -> None:
    root = ET.fromstring(period_chart(CASE))
    for rect in root.iter(f"{NS}rect"):
        series = rect.get("data-series")
        if series:
            assert rect.get("fill") == PERPETRATOR_COLOURS[series]
    legend = [g.get("data-series") for g in root.iter(f"{NS}g") if g.get("class") == "legend-entry"]
    assert legend == ["us_led_coalition", "russia", "syrian_government"]
    assert series_colours("perpetrator", ["russia", "new_group"]) == {
        "russia": "#0072b2",
        "new_group": "#d55e00",  # the palette's first the chart does not use
    }


def test_the_period_follows_the_span() -> None:
    assert best_period(D(2017, 1, 1), D(2017, 4, 30)) == "day"
    assert best_period(D(2017, 1, 1), D(2017, 5, 2)) == "week"
    assert best_period(D(2017, 1, 1), D(2019, 1, 1)) == "week"
    assert best_period(D(2017, 1, 1), D(2019, 1, 2)) == "month"
    months = period_chart([*CASE, Counted(D(2020, 3, 3), "turkey", 1)])
    assert ET.fromstring(months).get("data-period") == "month"
    assert set(bars(months, "incidents")) == {"2017-10-01", "2020-03-01"}


def test_a_case_without_dated_incidents_says_so() -> None:
    root = ET.fromstring(period_chart([Counted(None, "isis", 3)]))
    texts = [t.text for t in root.iter(f"{NS}text")]
    assert "No incident of the case is dated." in texts
    assert "1 undated incident (3 civilians killed), counted apart (not on the time axis)." in texts


def test_the_report_carries_the_chart_of_its_incidents(batch_case_file: CaseFile) -> None:
    html = render_html(batch_case_file)
    assert html.count('class="periods"') == 1 and "<script" not in html
    rows = counted(batch_case_file.incidents)
    start = html.index('<svg xmlns="http://www.w3.org/2000/svg" class="periods"')
    svg = html[start : html.index("</svg>", start) + len("</svg>")]
    dated = [r for r in rows if r.start is not None]
    got = bars(svg, "incidents")
    assert sum(v for b in got.values() for v, _ in b.values()) == len(dated)
    root = ET.fromstring(svg)
    line = next(t for t in root.iter(f"{NS}text") if t.get("class") == "undated")
    assert int(line.get("data-incidents", "-1")) == len(rows) - len(dated)
