"""Rendering a case file: the HTML report, its map and timeline, and the exports."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pandas as pd
import pytest

from factfinder.model import Figure, format_figure
from factfinder.report.exports import INCIDENT_COLUMNS, export_bytes
from factfinder.report.ged import COLUMNS, GED_COLUMNS, date_prec
from factfinder.report.html import markers, render_html
from factfinder.report.model import CaseFile
from factfinder.report.svgmap import Marker, incident_map
from factfinder.report.timeline import Span, _ticks, timeline_chart
from factfinder.web.render import _fmt_range as render_filter_range


def hajin(cf: CaseFile) -> int:
    return next(e.number for e in cf.incidents if "Hajin" in e.place_text)


def test_the_html_report_says_who_claims_what_with_figures_and_hashes(
    batch_case_file: CaseFile,
) -> None:
    html = render_html(batch_case_file)
    assert html == render_html(batch_case_file)  # deterministic
    assert html.startswith("<!DOCTYPE html>")
    for expected in (
        "at least 4,001",
        "2,500",
        "at least 1,501",
        "at least 26",
        "Syrian Ministry of Foreign Affairs and Expatriates",
        "Press TV",
        "Radio Habana Cuba",
        "party to the conflict",
        "largest minimum stated",
        "single-source",
        "Request the exhumation records",
        "Appendix: provenance",
        batch_case_file.checkpoint.root,
        # the place data's attribution, as its licences require
        "Place names and coordinates: Data from Who&#39;s On First (https://whosonfirst.org",
        "GeoNames (geonames.org, CC BY 4.0)",
    ):
        assert expected in html, expected
    for src in batch_case_file.sources:
        assert src.hash in html
    # The Hajin sentence is quoted from its span.
    assert "claimed the lives of at least 26 local civilians, including 14 children" in html
    assert html.count('<svg xmlns="http://www.w3.org/2000/svg" class="map"') == 1
    assert html.count('class="timeline"') == 1


def test_text_from_the_record_is_escaped(batch_case_file: CaseFile) -> None:
    from dataclasses import replace

    hostile = replace(
        batch_case_file,
        name='<script>alert("x")</script>',
        description="<img src=x onerror=alert(1)>",
    )
    html = render_html(hostile)
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html


def test_figures_read_as_ranges_with_their_word() -> None:
    assert Figure(26, None, 26).text == "at least 26"
    assert Figure(26, 40, 30).text == "26–40, best 30"
    assert Figure(2500, 2500, 2500).text == "2,500"
    assert Figure(None, 12, None).text == "at most 12"
    assert Figure(None, None, None).text == "no figure"
    assert format_figure(None) == "no figure"
    alleged = Figure(26, None, 26, "", "alleged", ("Syrian government",))
    assert alleged.text == "at least 26 (alleged by Syrian government)"
    assert Figure(3, 5, 4, "", "corroborated").text == "3–5, best 4 (corroborated)"
    assert format_figure(alleged, standing=False) == "at least 26"


def test_the_web_and_the_exports_write_a_figure_as_the_report_does() -> None:
    stored = Figure(26, 40, 30, "", "reported").to_json()
    assert Figure.from_json(stored) == Figure(26, 40, 30, "", "reported")
    assert render_filter_range(stored) == "26–40, best 30 (reported)"
    assert render_filter_range({"min": 26, "max": None}) == "at least 26"
    assert render_filter_range(None) == "no figure"


def test_the_map_places_numbered_markers_and_shades_governorates(batch_case_file: CaseFile) -> None:
    ms = markers(batch_case_file.incidents)
    assert [m.number for m in ms] == [e.number for e in batch_case_file.incidents]
    svg = incident_map(ms)
    assert svg == incident_map(ms)
    located = [m for m in ms if m.lat is not None]
    assert svg.count("<circle") == len(located)
    assert ">Raqqa</text>" in svg  # governorate labels
    # An incident known only to its governorate shades it instead of a marker.
    shaded = incident_map([Marker(1, None, None, "Idlib", "SY", "1. somewhere in Idlib")])
    assert (
        'fill="#f6d7a7" stroke="#b9b9b9" stroke-width="0.5" stroke-dasharray="2,1.5">'
        "<title>Idlib</title>" in shaded
    )
    assert "<circle" not in shaded


def test_the_map_writes_place_names_over_the_markers_and_clear_of_them() -> None:
    """Markers at the label points of Raqqa, Idlib and Aleppo (two at Raqqa's): each name is
    drawn after every marker, moved off the markers and off the other names."""
    import xml.etree.ElementTree as ET

    from factfinder.geo.admin import admin1_table
    from factfinder.report.svgmap import label_box

    points = {e.name: (e.lat, e.lon) for e in admin1_table().values() if e.country == "SY"}
    at = [points["Raqqa"], points["Raqqa"], points["Idlib"], points["Aleppo"]]
    ms = [Marker(k + 1, lat, lon, country="SY", label=str(k)) for k, (lat, lon) in enumerate(at)]
    svg = incident_map(ms)
    assert svg == incident_map(ms)
    ns = "{http://www.w3.org/2000/svg}"
    children = list(ET.fromstring(svg))
    last_marker = max(i for i, e in enumerate(children) if e.tag == f"{ns}circle")
    names = [
        e.findall(f"{ns}text")[1] for e in children[last_marker:] if e.get("class") == "place-label"
    ]
    assert len(names) == len([e for e in children if e.get("class") == "place-label"]) >= 10
    boxes = {
        t.text: label_box(t.text or "", float(t.get("x", "0")), float(t.get("y", "0")))
        for t in names
    }
    rings = [
        (float(c.get("cx", "0")) - 11, float(c.get("cy", "0")) - 11)
        for c in children
        if c.tag == f"{ns}circle"
    ]

    def apart(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
        return a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1]

    for name, box in boxes.items():
        assert all(apart(box, (x, y, x + 22, y + 22)) for x, y in rings), name
        assert all(apart(box, other) for n, other in boxes.items() if n != name), name
    # Raqqa's and Idlib's names sat on their markers (the first at each point): same x, moved
    # 16 px or more up or down.
    circles = [c for c in children if c.tag == f"{ns}circle"]
    for name, marker in (("Raqqa", circles[0]), ("Idlib", circles[2])):
        text = next(t for t in names if t.text == name)
        assert text.get("x") == marker.get("cx")
        assert abs(float(text.get("y", "0")) - float(marker.get("cy", "0"))) >= 16


def test_the_timeline_draws_days_as_dots_and_windows_as_bars() -> None:
    svg = timeline_chart(
        [
            Span(1, "Raqqa", dt.date(2018, 10, 27), dt.date(2018, 11, 3), "week"),
            Span(2, "Hajin", dt.date(2018, 11, 2), dt.date(2018, 11, 2), "day"),
            Span(3, "Somewhere", None, None),
        ]
    )
    assert svg.count("<rect") == 1 and svg.count("<circle") == 1
    assert "date unknown" in svg and "2018-11-02 (day)" in svg
    assert [t[1] for t in _ticks(dt.date(2018, 1, 1), dt.date(2018, 12, 31))][:3] == [
        "Jan 2018",
        "Feb 2018",
        "Mar 2018",
    ]
    assert [t[1] for t in _ticks(dt.date(2016, 3, 1), dt.date(2019, 6, 1))] == [
        "2017",
        "2018",
        "2019",
    ]


@pytest.mark.parametrize(
    ("start", "end", "precision", "code"),
    [
        ((2018, 11, 2), (2018, 11, 2), "day", 1),
        ((2018, 11, 2), (2018, 11, 5), "day", 2),
        ((2018, 10, 27), (2018, 11, 3), "week", 3),
        ((2018, 11, 1), (2018, 11, 30), "month", 4),
        ((2018, 1, 1), (2018, 12, 31), "year", 5),
    ],
)
def test_ged_date_precision_codes(
    start: tuple[int, int, int], end: tuple[int, int, int], precision: str, code: int
) -> None:
    assert date_prec(dt.date(*start), dt.date(*end), precision) == code


def test_the_ged_csv_opens_with_pandas_with_the_documented_columns(
    batch_case_file: CaseFile,
) -> None:
    frame = pd.read_csv(io.BytesIO(export_bytes(batch_case_file, "ged")))
    assert tuple(frame.columns) == COLUMNS
    assert tuple(frame.columns[: len(GED_COLUMNS)]) == GED_COLUMNS
    assert len(frame) == len(batch_case_file.incidents)
    row = frame[frame["where_coordinates"] == "Hajin"].iloc[0]
    # "at least 26": no source bounds it from above, so high is best and the flag says open.
    assert (row["low"], row["best"], row["high"]) == (26, 26, 26)
    assert bool(row["ff_high_open"]) is True and bool(row["ff_deaths_reported"]) is True
    assert row["deaths_civilians"] == 26 and row["deaths_unknown"] == 0
    assert (row["deaths_a"], row["deaths_b"]) == (0, 0)
    assert row["where_prec"] == 1 and row["date_prec"] == 1
    assert row["date_start"] == "2018-11-02" and row["year"] == 2018
    assert row["adm_1"] == "Deir ez Zor Governorate"  # as UCDP spells it
    assert (row["country"], row["country_id"], row["region"]) == ("Syria", 652, "Middle East")
    assert row["type_of_violence"] == 3 and row["side_b"] == "Civilians"
    assert row["side_a"] == "Government of United States of America"
    assert row["source_office"] == "Press TV"
    assert row["source_original"] == "Syrian Ministry of Foreign Affairs and Expatriates"
    assert row["geom_wkt"].startswith("POINT (40.83") and row["number_of_sources"] == 1
    assert row["ff_grade"] == "weak" and bool(row["ff_party_only"]) is True
    assert row["ff_checkpoint_root"] == batch_case_file.checkpoint.root


def test_csv_geojson_and_jsonl_exports(batch_case_file: CaseFile) -> None:
    cf = batch_case_file
    frame = pd.read_csv(io.BytesIO(export_bytes(cf, "csv")))
    assert tuple(frame.columns) == INCIDENT_COLUMNS and len(frame) == len(cf.incidents)
    assert set(frame["checkpoint_size"]) == {cf.checkpoint.size}
    geo = json.loads(export_bytes(cf, "geojson"))
    assert geo["type"] == "FeatureCollection" and len(geo["features"]) == len(cf.incidents)
    assert geo["factfinder"]["checkpoint"]["root"] == cf.checkpoint.root
    h = next(f for f in geo["features"] if f["properties"]["place"] == "Hajin")
    assert h["geometry"]["type"] == "Point"
    lon, lat = h["geometry"]["coordinates"]
    assert 40.8 < lon < 40.9 and 34.6 < lat < 34.7
    lines = export_bytes(cf, "jsonl").decode().splitlines()
    assert len(lines) == len(cf.incidents)
    first = json.loads(lines[hajin(cf) - 1])
    assert first["members"] == [{"id": "seed-004", "claim": 0}]
    assert first["claims"][0]["claimant"] == "Syrian Ministry of Foreign Affairs and Expatriates"
    assert first["source_items"][0]["item"].startswith("sha256:")
    assert first["checkpoint"] == {"size": cf.checkpoint.size, "root": cf.checkpoint.root}
    for fmt in ("csv", "geojson", "jsonl", "ged"):
        assert export_bytes(cf, fmt) == export_bytes(cf, fmt)


def test_geojson_features_carry_their_country(batch_case_file: CaseFile) -> None:
    geo = json.loads(export_bytes(batch_case_file, "geojson"))
    located = [f for f in geo["features"] if f["geometry"] is not None]
    assert located and all(f["properties"]["country"] == "SY" for f in located)


@pytest.mark.shared
def test_adm_1_is_spelled_as_ucdp_does(shared_dir: Path) -> None:
    from factfinder.geo.admin import SYRIA
    from factfinder.report.ged import ged_adm_1

    spelled = set()
    with (shared_dir / "eval" / "ucdp" / "gold.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            spelled |= {e["adm_1"] for e in json.loads(line)["events"] if e.get("adm_1")}
    ours = {ged_adm_1("SY", name) for name in SYRIA.values()}
    # Every governorate of Syria has UCDP's spelling, and UCDP's Syria data names no other.
    assert ours == spelled, (ours - spelled, spelled - ours)
