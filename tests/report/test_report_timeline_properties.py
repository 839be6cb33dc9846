"""The report's timeline chart for any incidents: well-formed SVG whatever the labels hold, one
row per incident, a dot for a day and a bar for a window, every mark and tick inside the axis,
and the same chart for the same incidents."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

from hypothesis import given
from hypothesis import strategies as st

from factfinder.report.timeline import LEFT, RIGHT, WIDTH, Span, timeline_chart

NS = "{http://www.w3.org/2000/svg}"
days = st.dates(min_value=dt.date(2011, 1, 1), max_value=dt.date(2030, 12, 31))
labels = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), max_size=40
)


@st.composite
def spans(draw: st.DrawFn) -> list[Span]:
    out = []
    for k in range(draw(st.integers(0, 8))):
        if draw(st.integers(0, 5)) == 0:
            out.append(Span(k + 1, draw(labels), None, None))
            continue
        start = draw(days)
        length = draw(st.sampled_from([0, 0, 1, 6, 30, 400]))
        precision = "day" if length == 0 else draw(st.sampled_from(["week", "month", "year"]))
        out.append(Span(k + 1, draw(labels), start, start + dt.timedelta(days=length), precision))
    return out


@given(spans())
def test_any_timeline_is_well_formed_with_a_mark_per_dated_incident(incidents: list[Span]) -> None:
    svg = timeline_chart(incidents, title='Incidents <in> "Idlib"')
    assert timeline_chart(incidents, title='Incidents <in> "Idlib"') == svg
    root = ET.fromstring(svg)
    assert root.tag == f"{NS}svg" and root.find(f"{NS}title").text == 'Incidents <in> "Idlib"'
    dots = root.findall(f"{NS}circle")
    bars = root.findall(f"{NS}rect")
    dated = [s for s in incidents if s.start is not None]
    assert len(dots) == sum(1 for s in dated if s.start == s.end and s.precision == "day")
    assert len(dots) + len(bars) == len(dated)
    for mark in dots:
        assert LEFT <= float(mark.get("cx", "0")) <= WIDTH - RIGHT
    for mark in bars:
        x, w = float(mark.get("x", "0")), float(mark.get("width", "0"))
        assert x >= LEFT and x + w <= WIDTH - RIGHT + 3.0  # a bar is at least 3 wide
    row_labels = [t.text or "" for t in root.findall(f"{NS}text") if t.get("text-anchor") == "end"]
    assert [lbl.split(". ", 1)[0] for lbl in row_labels] == [str(s.number) for s in incidents]
    unknown = [t for t in root.findall(f"{NS}text") if t.text == "date unknown"]
    assert len(unknown) == (len(incidents) - len(dated) if dated else len(incidents))
    height = float(root.get("height", "0"))
    for line in root.findall(f"{NS}line"):
        assert LEFT - 0.1 <= float(line.get("x1", "0")) <= WIDTH - RIGHT + 0.1
        assert float(line.get("y2", "0")) <= height


def test_long_labels_are_shortened() -> None:
    svg = timeline_chart([Span(1, "A very long label that goes on and on", None, None)])
    assert "1. A very long label that go…" in svg
