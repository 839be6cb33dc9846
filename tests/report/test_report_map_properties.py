"""The report's map for any incidents: well-formed SVG no larger than its bounds, deterministic,
a numbered marker per incident with a point (inside the map, also where many share a point),
governorates shaded for incidents known only to the governorate."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from hypothesis import given, settings
from hypothesis import strategies as st

from factfinder.report.svgmap import MAX_HEIGHT, WIDTH, Frame, Marker, incident_map

NS = "{http://www.w3.org/2000/svg}"
GOVERNORATES = ["Aleppo", "Idlib", "Homs", "Deir ez-Zor", "Raqqa", "Rif Dimashq"]


@st.composite
def markers(draw: st.DrawFn) -> list[Marker]:
    out = []
    for k in range(draw(st.integers(0, 6))):
        if draw(st.booleans()):
            lat = draw(st.floats(32.5, 37.2))
            lon = draw(st.floats(35.8, 42.2))
            out.append(Marker(k + 1, round(lat, 3), round(lon, 3), country="SY", label=f"<{k}>"))
        else:
            out.append(Marker(k + 1, None, None, admin1=draw(st.sampled_from(GOVERNORATES))))
    if out and draw(st.booleans()):  # several incidents at one point
        first = next((m for m in out if m.lat is not None), None)
        if first is not None:
            out.append(Marker(len(out) + 1, first.lat, first.lon, country="SY", label="same"))
    return out


@settings(max_examples=10)  # each map draws every boundary of the region
@given(markers())
def test_any_map_is_well_formed_with_a_marker_per_point(ms: list[Marker]) -> None:
    svg = incident_map(ms)
    assert incident_map(ms) == svg
    root = ET.fromstring(svg)
    width, height = float(root.get("width", "0")), float(root.get("height", "0"))
    assert 0 < width <= WIDTH + 0.1 and 0 < height <= MAX_HEIGHT + 0.1
    circles = root.findall(f"{NS}circle")
    pointed = [m for m in ms if m.lat is not None]
    assert len(circles) == len(pointed)
    assert [c.find(f"{NS}title").text for c in circles] == [m.label for m in pointed]
    for c in circles:
        assert -25 <= float(c.get("cx", "0")) <= width + 25
        assert -25 <= float(c.get("cy", "0")) <= height + 25
    numbers = [t.text for t in root.findall(f"{NS}text") if t.get("font-weight") == "bold"]
    assert numbers == [str(m.number) for m in pointed]
    shaded = {
        p.find(f"{NS}title").text
        for p in root.findall(f"{NS}path")
        if p.get("fill") == "#f6d7a7" and p.find(f"{NS}title") is not None
    }
    assert shaded == {m.admin1 for m in ms if m.lat is None}
    # The governorates' names are drawn after (so over) every marker, each on a white halo.
    children = list(root)
    names = [i for i, e in enumerate(children) if e.get("class") == "place-label"]
    markers_at = [i for i, e in enumerate(children) if e.tag == f"{NS}circle"]
    assert names and (not markers_at or min(names) > max(markers_at))
    for i in names:
        halo, name = children[i].findall(f"{NS}text")
        assert halo.text == name.text and halo.get("stroke") == "#ffffff"
        assert name.get("fill") == "#444444" and name.get("stroke") is None


@given(st.floats(30, 40), st.floats(34, 45), st.floats(0.5, 5), st.floats(0.5, 5))
def test_a_frame_projects_its_corners_to_the_corners(south, west, dlat, dlon) -> None:  # type: ignore[no-untyped-def]
    frame = Frame(west, south, west + dlon, south + dlat)
    width, height = frame.size()
    assert width <= WIDTH + 0.1 and height <= MAX_HEIGHT + 0.1
    # the frame fills the width or the height, whichever binds first
    assert abs(width - WIDTH) <= 0.1 or abs(height - MAX_HEIGHT) <= 0.1
    assert frame.project(west, south + dlat) == (0.0, 0.0)
    assert frame.project(west + dlon, south) == (width, height)
