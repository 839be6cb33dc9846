"""The map, the timeline and the dashboard in a real Chromium (Debian's /usr/bin/chromium
driven by Playwright, as `test_web_browser`): a viewer opens a cluster and a popup, the server's
own clusters at a wide zoom, brushes the timeline and follows the dashboard's charts into the
incident list. Screenshots go to the test's tmp folder (and, when it exists, /tmp/map_shots).
Any Content-Security-Policy violation or script error in the browser console fails a test."""

from __future__ import annotations

import random
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from incident_rows import PLACES, incident, write_run
from test_web_browser import CHROMIUM, FLAGS, open_page
from web_helpers import LiveServer

from factfinder.subjects import incident_subject

pytestmark = [pytest.mark.browser, pytest.mark.filterwarnings("ignore::ResourceWarning")]

REPORT_SHOTS = Path("/tmp/map_shots")
RESTRICTED = "inc-000007"
GROUPS = ("syrian_government", "russia", "us_led_coalition", "isis")
GRADES = ("confirmed", "fair", "weak", "contested", "discounted")


def rows() -> list[dict[str, Any]]:
    """Seven known incidents (the seventh restricted as a whole) and 73 more, dated over three
    years, spread around the places of `PLACES`."""
    out = [
        incident(1, date="2018-03-05", place="Raqqa", perpetrator="us_led_coalition",
                 civilians=10, grade="fair"),
        incident(2, date="2018-03-07", place="Raqqa", perpetrator="russia", civilians=4,
                 grade="weak"),
        incident(3, date="2018-04-20", place="Idlib", perpetrator="syrian_government",
                 civilians=7, grade="confirmed"),
        incident(4, date="2018-04-21", place="Idlib", perpetrator="russia", civilians=None,
                 grade="contested", precision="governorate"),
        incident(5, date=None, place="Hajin", perpetrator="isis", civilians=3, grade="weak"),
        incident(6, date="2019-01-10", place=None, perpetrator="syrian_government",
                 civilians=2, grade="fair"),
        incident(7, date="2018-03-06", place="Raqqa", perpetrator="russia", civilians=100,
                 grade="confirmed"),
    ]  # fmt: skip
    rng = random.Random(7)
    names = sorted(PLACES)
    for n in range(8, 81):
        place = names[n % len(names)]
        _, lat, lon = PLACES[place]
        day = rng.randint(0, 3 * 365)
        out.append(
            incident(
                n,
                date=f"{2017 + day // 365}-{1 + day % 365 // 31 % 12:02d}-{1 + day % 28:02d}",
                place=place,
                perpetrator=GROUPS[n % len(GROUPS)],
                civilians=rng.choice([None, 1, 3, 12, 40]),
                grade=GRADES[n % len(GRADES)],
                lat=lat + rng.uniform(-0.08, 0.08),
                lon=lon + rng.uniform(-0.08, 0.08),
            )
        )
    return out


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        pytest.skip(f"no Chromium at {CHROMIUM}")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        launched = pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture
def live(seeded_dir: Path) -> Iterator[LiveServer]:
    from factfinder.services import Project
    from factfinder.services.access.commands import restrict
    from factfinder.web.app import create_app
    from factfinder.web.settings import WebSettings

    with Project.open(seeded_dir) as project:
        write_run(project, rows())
        restrict(project, incident_subject(RESTRICTED), reason="witness", actor="test:setup")
    app = create_app(WebSettings(project_dir=seeded_dir))
    try:
        with LiveServer(app) as server:
            server.app = app  # type: ignore[attr-defined]
            yield server
    finally:
        app.state.project.close()


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    folder = tmp_path / "screenshots"
    folder.mkdir()
    return folder


def shot(page: Any, folder: Path, name: str) -> None:
    path = folder / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    if REPORT_SHOTS.is_dir():
        shutil.copy(path, REPORT_SHOTS / path.name)


def viewer_page(browser: Any, live: LiveServer) -> tuple[Any, Any, list[str]]:
    """A browser page signed in as the viewer (a session made by the users service: the login
    form's slow password hash is tested elsewhere)."""
    from factfinder.services.access.commands import create_session
    from factfinder.services.access.queries import get_user

    project = live.app.state.project  # type: ignore[attr-defined]
    cookie, _ = create_session(project, get_user(project, "viewer"))
    context, page, problems = open_page(browser)
    context.add_cookies([{"name": "ff_session", "value": cookie, "url": live.url}])
    return context, page, problems


def test_the_map_clusters_labels_and_pops_up(
    browser: Any, live: LiveServer, shots: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    context, page, problems = viewer_page(browser, live)
    page.goto(live.url + "/map")
    page.wait_for_selector("#map[data-loaded]:not([data-busy])")
    assert page.get_attribute("#map", "data-mode") == "points"
    assert (
        int(page.get_attribute("#map", "data-loaded") or 0) == 78
    )  # 80 less unlocated, restricted
    assert "78 incident(s) in view" in page.inner_text("#map-status")
    assert "1 without coordinates" in page.inner_text("#map-status")
    # Governorate and place labels from the gazetteer; a legend of grades, sizes and precision.
    labels = page.locator(".map-label.governorate").all_inner_texts()
    assert any(t.lower().startswith("raqqa") for t in labels)
    legend = page.inner_text(".map-legend")
    assert "confirmed" in legend and "district or governorate only" in legend
    # Markers and legend in the grades' colours of every chart (sent with the page).
    from factfinder.report.charts import GRADE_COLOURS

    swatches = page.eval_on_selector_all(
        ".map-legend .swatch", "ss => ss.map(s => getComputedStyle(s).backgroundColor)"
    )
    assert swatches == [_rgb(c) for c in GRADE_COLOURS.values()]
    # Leaflet.markercluster groups the points; a cluster opens into its markers.
    cluster = page.locator(".marker-cluster").first
    cluster.wait_for()
    shot(page, shots, "map-01-clusters")
    count_before = page.locator(".marker-cluster").count()
    cluster.click()
    page.wait_for_selector("#map[data-loaded]:not([data-busy])")
    page.wait_for_timeout(300)
    assert page.evaluate("() => window.location.hash").count("/") == 2  # the view is in the URL
    shot(page, shots, "map-02-zoomed")
    del count_before
    # Zoom to Raqqa and open an incident's popup.
    page.goto(live.url + "/map?perpetrator=us_led_coalition#12/35.9528/39.0079")
    page.wait_for_selector("#map[data-loaded]:not([data-busy])")
    page.wait_for_selector("path.incident-marker")
    fills = set(
        page.eval_on_selector_all(
            "path.incident-marker", "ps => ps.map(p => p.getAttribute('fill'))"
        )
    )
    assert fills and fills <= set(GRADE_COLOURS.values())
    page.locator("path.incident-marker").first.click(force=True)
    page.wait_for_selector(".incident-popup")
    popup = page.inner_text(".incident-popup")
    assert "Alleged perpetrator" in popup and "US-led coalition" in popup  # its name, not key
    assert "(reported)" in popup or "no figure" in popup
    assert page.get_attribute(".incident-popup a", "href").startswith("/incidents/inc-")
    shot(page, shots, "map-03-popup")
    # Many incidents in view: the server's own clusters (grid cells), never every point.
    from factfinder.services.incidents import aggregates

    monkeypatch.setattr(aggregates, "POINTS_MAX", 20)
    page.goto(live.url + "/map#6/35.0/39.5")
    page.wait_for_selector("#map[data-loaded]:not([data-busy])")
    assert page.get_attribute("#map", "data-mode") == "cells"
    cells = page.locator(".server-cluster")
    assert cells.count() >= 3
    # Clusters in white and slate: never in a grade's colour (the plugin's own green, yellow
    # and orange by size read as grades).
    inner = page.eval_on_selector_all(
        ".server-cluster div", "ds => ds.map(d => getComputedStyle(d).backgroundColor)"
    )
    assert set(inner) == {"rgb(255, 255, 255)"}
    assert "counted by the server" in page.inner_text("#map-status")
    shot(page, shots, "map-04-server-clusters")
    assert RESTRICTED not in page.content()
    assert not problems, problems
    context.close()


def _rgb(hex_colour: str) -> str:
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgb({r}, {g}, {b})"


# The boxes of the labels shown, and how many were thinned out.
VISIBLE_LABELS = """() => Array.from(document.querySelectorAll('.map-label:not(.label-hidden) span'))
  .map(s => { const r = s.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; })"""


MARKS = """() => Array.from(document.querySelectorAll('#map .marker-cluster, #map .incident-marker'))
  .map(n => { const r = n.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; })"""


def _overlap(a: list[float], b: list[float]) -> float:
    return max(0.0, min(a[2], b[2]) - max(a[0], b[0])) * max(0.0, min(a[3], b[3]) - max(a[1], b[1]))


def test_map_labels_never_overlap(browser: Any, live: LiveServer, shots: Path) -> None:
    from factfinder.services.access.commands import add_user, create_session
    from factfinder.services.access.queries import get_user

    project = live.app.state.project  # type: ignore[attr-defined]
    add_user(project, "ines", "correct horse battery", "investigator", actor="test:setup")
    cookie, _ = create_session(project, get_user(project, "ines"))
    context, page, problems = open_page(browser)
    context.add_cookies([{"name": "ff_session", "value": cookie, "url": live.url}])
    for view in ("#5/35.0/39.5", "#6/35.0/39.5", "#9/35.95/39.0"):
        page.goto("about:blank")
        page.goto(live.url + "/map" + view)
        page.wait_for_selector("#map[data-loaded]:not([data-busy])", state="attached")
        page.wait_for_function("() => document.getElementById('map').dataset.labelsShown")
        boxes = page.evaluate(VISIBLE_LABELS)
        assert boxes, view
        for i, a in enumerate(boxes):
            for b in boxes[i + 1 :]:
                apart = a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1]
                assert apart, (view, a, b)
        shown = int(page.get_attribute("#map", "data-labels-shown") or 0)
        assert shown == len(boxes)
        # Nor does a marker or a cluster (drawn over them) cover more than a tenth of a label.
        marks = page.evaluate(MARKS)
        for a in boxes:
            area = (a[2] - a[0]) * (a[3] - a[1])
            covered = sum(_overlap(a, m) for m in marks)
            assert covered <= 0.1 * area + 0.5, (view, a, covered)
        shot(page, shots, f"map-labels-{view[1:].split('/')[0]}")
    # At a country's scale Idlib's and Raqqa's names are shown, no town's.
    page.goto("about:blank")
    page.goto(live.url + "/map#6/35.0/39.5")
    page.wait_for_selector("#map[data-loaded]:not([data-busy])", state="attached")
    page.wait_for_function("() => document.getElementById('map').dataset.labelsShown")
    assert page.locator(".map-label.town").count() == 0
    # An investigator's map selects the incidents in view for a case.
    assert page.locator("#map-case-form").count() == 1
    assert not problems, problems
    context.close()


def test_the_timeline_zooms_and_brushes(browser: Any, live: LiveServer, shots: Path) -> None:
    context, page, problems = viewer_page(browser, live)
    page.goto(live.url + "/timeline")
    page.wait_for_selector("#timeline[data-loaded]:not([data-busy])")
    assert int(page.get_attribute("#timeline", "data-loaded") or 0) == 79  # 80 less restricted
    assert page.get_attribute("#timeline", "data-period") == "month"  # three years: months
    assert "1 undated incident(s), counted apart" in page.inner_text("#timeline-undated")
    # The legend names each party as the report does, in the colour of every chart.
    legend = page.eval_on_selector_all(
        "#timeline-legend a",
        "as => as.map(a => [a.textContent, getComputedStyle(a.firstChild).backgroundColor])",
    )
    from factfinder.report.charts import PERPETRATOR_COLOURS

    assert sorted(map(tuple, legend)) == sorted(
        [
            ("ISIS", _rgb(PERPETRATOR_COLOURS["isis"])),
            ("Russian forces", _rgb(PERPETRATOR_COLOURS["russia"])),
            ("Syrian government forces", _rgb(PERPETRATOR_COLOURS["syrian_government"])),
            ("US-led coalition", _rgb(PERPETRATOR_COLOURS["us_led_coalition"])),
        ]
    )
    assert page.locator("#timeline rect.bar").count() >= 20
    shot(page, shots, "timeline-01-months")
    # Brush across the first third of the axis: a count and a link into the list.
    box = page.locator("#timeline svg").bounding_box()
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + 60, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] / 3, y, steps=8)
    page.mouse.up()
    page.wait_for_selector("#timeline-selection-list")
    picked = page.get_attribute("#timeline", "data-selected") or ""
    start, end, count = picked.split("/")
    assert start < end and int(count) > 0
    href = page.get_attribute("#timeline-selection-list", "href") or ""
    assert f"date_from={start}" in href and f"date_to={end}" in href
    shot(page, shots, "timeline-02-brushed")
    # Zoom to the selection: a shorter span is read again per week or day.
    page.click("#timeline-zoom-selection")
    page.wait_for_function(
        "() => { const t = document.getElementById('timeline');"
        " return t.dataset.period !== 'month' && !t.dataset.busy; }"
    )
    assert page.get_attribute("#timeline", "data-from") >= start[:4]
    shot(page, shots, "timeline-03-zoomed")
    # By grade, counting civilians killed.
    page.select_option("#timeline-tools select[name=by]", "grade")
    page.select_option("#timeline-tools select[name=measure]", "civilians")
    page.wait_for_selector("#timeline[data-loaded]:not([data-busy]) rect[data-series=confirmed]")
    shot(page, shots, "timeline-04-grades")
    # The list the selection links to holds the incidents of that span.
    page.goto(live.url + href)
    assert page.locator("table.list tbody tr").count() >= 1
    assert not problems, problems
    context.close()


def test_the_dashboard_charts_link_into_the_list(
    browser: Any, live: LiveServer, shots: Path
) -> None:
    context, page, problems = viewer_page(browser, live)
    page.goto(live.url + "/")
    page.wait_for_selector("#dash-incidents[data-loaded]")
    page.wait_for_selector("#dash-civilians[data-loaded]")
    assert page.get_attribute("#dash-incidents", "data-loaded") == "79"
    assert page.locator("#dash-incidents rect.bar").count() >= 20
    # The grade bars in the grades' colours of every chart (report.charts), one per grade.
    from factfinder.report.charts import GRADE_COLOURS

    fills = page.eval_on_selector_all(
        "#dash-grades rect.bar", "rs => rs.map(r => [r.dataset.series, r.getAttribute('fill')])"
    )
    assert len(fills) == 5
    assert {g: f for g, f in fills} == {g: GRADE_COLOURS[g] for g, _ in fills}
    # Both charts' legends name the parties as the report does, never by their keys.
    legends = [
        sorted(b.locator("a").all_inner_texts()) for b in page.locator(".chart-legend").all()
    ]
    names = ["ISIS", "Russian forces", "Syrian government forces", "US-led coalition"]
    assert legends == [names, names]
    # A bar's tip names its party too.
    page.locator("#dash-incidents rect.bar[data-series=us_led_coalition]").first.hover()
    assert "US-led coalition: " in page.inner_text("#dash-incidents .chart-tip")
    shot(page, shots, "dashboard-01")
    bar = page.locator("#dash-incidents rect.bar").first
    series, start = bar.get_attribute("data-series"), bar.get_attribute("data-start")
    bar.click()
    page.wait_for_url(f"**/incidents?*perpetrator={series}*")
    assert f"date_from={start}" in page.url
    assert page.locator("table.list tbody tr").count() >= 1
    assert not problems, problems
    context.close()
