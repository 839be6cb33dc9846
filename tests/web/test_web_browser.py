"""The workspace in a real Chromium (Debian's /usr/bin/chromium driven by Playwright's Python
package; never `playwright install`): sign in, upload the seed documents, run extraction,
accept a claim, correct a count, run linking, merge two incidents and find the incident on the
map. Screenshots go to artifacts/screenshots/ (gitignored). Any Content-Security-Policy
violation or script error in the browser console fails the test."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from web_helpers import PASSWORD, SEEDS, LiveServer

pytestmark = [pytest.mark.browser, pytest.mark.filterwarnings("ignore::ResourceWarning")]

CHROMIUM = os.environ.get("FACTFINDER_CHROMIUM", "/usr/bin/chromium")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]
SHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        pytest.skip(f"no Chromium at {CHROMIUM}")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def live(tmp_path: Path) -> Iterator[LiveServer]:
    from factfinder.services import Project
    from factfinder.services.access.commands import add_user
    from factfinder.web.app import create_app
    from factfinder.web.settings import WebSettings

    root = tmp_path / "inquiry"
    with Project.init(root) as project:
        add_user(project, "ines", PASSWORD, "investigator", display_name="Ines", actor="test:setup")
    app = create_app(WebSettings(project_dir=root))
    try:
        with LiveServer(app) as server:
            yield server
    finally:
        app.state.project.close()


def shot(page: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def open_page(chromium: Any) -> tuple[Any, Any, list[str]]:
    """A new browser page, and the list that collects its script errors and console errors."""
    context = chromium.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.set_default_timeout(20_000)
    return context, page, problems


def test_an_investigator_works_through_the_seed_case(chromium: Any, live: LiveServer) -> None:
    context, page, problems = open_page(chromium)

    # Sign in (an anonymous visit lands on the login form).
    page.goto(live.url + "/")
    assert page.url.startswith(live.url + "/login")
    page.fill("input[name=username]", "ines")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_selector("h1:has-text('Dashboard')")
    shot(page, "01-dashboard")

    # Upload the seed documents.
    page.goto(live.url + "/upload")
    page.set_input_files("input[name=files]", sorted(str(p) for p in SEEDS.glob("*.txt")))
    page.click("#upload")
    page.wait_for_selector("#result")
    assert "2 new items" in page.inner_text("#result")
    shot(page, "02-uploaded")

    # Run extraction.
    page.goto(live.url + "/runs")
    page.click("#run-extract")
    page.wait_for_selector("#result")
    assert "2 items extracted" in page.inner_text("#result")
    shot(page, "03-extracted")

    # Accept the first claim with the keyboard.
    page.goto(live.url + "/review")
    pending = int(page.inner_text("h1 small").split()[0])
    assert pending == 5
    assert page.locator(".doc mark.primary").count() >= 1
    shot(page, "04-review")
    page.keyboard.press("a")
    page.wait_for_selector(f"h1 small:has-text('{pending - 1} pending')")

    # Correct a count: c focuses the first count, Enter saves the correction.
    claim_id = page.get_attribute(".review", "data-claim")
    page.keyboard.press("c")
    page.fill("input[name='killed.civilians.min']", "27")
    page.fill("input[name='killed.civilians.max']", "27")
    shot(page, "05-correcting")
    page.keyboard.press("Enter")
    page.wait_for_selector(f"h1 small:has-text('{pending - 2} pending')")
    corrected = page.request.get(f"{live.url}/api/v1/claims/{claim_id}").json()
    assert corrected["status"] == "corrected"
    assert corrected["claim"]["killed"]["civilians"]["min"] == 27

    # The item page shows the text with claim spans highlighted.
    page.goto(live.url + "/items")
    page.click("table.list tbody tr:first-child a")
    page.wait_for_selector("#doc mark")
    shot(page, "06-item")

    # Run linking, then merge two incidents.
    page.goto(live.url + "/runs")
    page.click("#run-link")
    page.wait_for_selector("#result")
    assert "incidents" in page.inner_text("#result")
    # Two reports of mass graves in Raqqah; if linking already joined them, any two incidents.
    page.goto(live.url + "/incidents?event_type=mass_grave")
    if page.locator("input[name=ids]").count() < 2:
        page.goto(live.url + "/incidents")
    boxes = page.locator("input[name=ids]")
    assert boxes.count() >= 2
    first_id = boxes.nth(0).get_attribute("value")
    boxes.nth(0).check()
    boxes.nth(1).check()
    page.fill("#merge-form input[name=reason]", "the same site in two reports")
    shot(page, "07-incidents")
    page.click("#merge")
    page.wait_for_url(f"{live.url}/incidents/{first_id}")
    assert page.locator("#split-form tbody tr").count() >= 2
    assert "the same site in two reports" in page.inner_text("body")
    shot(page, "08-merged")

    # The map draws the shipped boundaries (no tile server) and the incidents on them.
    page.goto(live.url + "/map")
    page.wait_for_selector("#map[data-loaded]")
    assert int(page.get_attribute("#map", "data-loaded") or 0) >= 1
    page.wait_for_selector("#map svg path")
    markers = page.locator("#map path.leaflet-interactive")
    assert markers.count() >= 1
    markers.first.click(force=True)
    page.wait_for_selector(".leaflet-popup-content a")
    assert page.inner_text(".leaflet-popup-content a").startswith("Incident inc-")
    shot(page, "09-map")

    assert not problems, problems
    context.close()


BILINGUAL = Path(__file__).resolve().parents[2] / "samples" / "bilingual"


def test_an_arabic_report_reads_right_to_left(chromium: Any, live: LiveServer) -> None:
    """An Arabic post and an English wire story of one strike: the Arabic text is laid out
    right to left wherever it is shown, the English left to right, and the two are one
    incident whose place is named in both scripts."""
    context, page, problems = open_page(chromium)

    page.goto(live.url + "/login")
    page.fill("input[name=username]", "ines")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_selector("h1:has-text('Dashboard')")
    page.goto(live.url + "/upload")
    # The two reports with their publishers and dates, in the claim format's document form.
    page.set_input_files("input[name=files]", [str(BILINGUAL / "docs.jsonl")])
    page.click("#upload")
    page.wait_for_selector("#result")
    assert "3 new items" in page.inner_text("#result")  # the batch file and its two documents
    page.goto(live.url + "/runs")
    page.click("#run-extract")
    page.wait_for_selector("#result")
    page.goto(live.url + "/runs")
    page.click("#run-link")
    page.wait_for_selector("#result")

    # The item pages: the Arabic post flows right to left, the wire story left to right.
    page.goto(live.url + "/items")
    hrefs = page.locator("table.list tbody a").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"
    )
    flows = {}
    for href in hrefs:
        page.goto(live.url + href)
        if page.locator("#doc mark").count() == 0:
            continue  # the batch file itself: no claim of its own
        doc = page.locator("#doc")
        flows[doc.evaluate("e => getComputedStyle(e).direction")] = doc.inner_text()
        if doc.get_attribute("dir") == "rtl":
            shot(page, "20-arabic-item")
    assert sorted(flows) == ["ltr", "rtl"]
    assert "معرة مصرين" in flows["rtl"] and "Maarat Misrin" in flows["ltr"]

    # The incident of both reports, its place named in both scripts.
    page.goto(live.url + "/incidents")
    page.click("table.list tbody tr:first-child a")
    page.wait_for_selector("#split-form")
    assert page.locator("#split-form tbody tr").count() == 2
    place = page.locator("dd span[lang=ar]")
    assert place.inner_text() == "معرة مصرين"
    assert place.evaluate("e => getComputedStyle(e).direction") == "rtl"
    assert "Maarratmisrin" in page.inner_text("dl.meta")
    shot(page, "21-bilingual-incident")

    # Each member claim quotes its sentence in its own direction.
    directions = {}
    for href in page.locator("#split-form tbody tr td:nth-child(2) a").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"
    ):
        page.goto(live.url + href)
        quote = page.locator(".doc").first
        directions[quote.get_attribute("dir")] = quote.inner_text()
    assert "مدنيين" in directions["rtl"]
    assert "Russian" in directions["ltr"]
    shot(page, "22-arabic-claim")

    assert not problems, problems
    context.close()


def test_two_factor_sign_in_through_the_browser(chromium: Any, live: LiveServer) -> None:
    """Enrol in two-factor sign-in on the account page, sign in with a code, and see a wrong
    code refused."""
    import time

    import pyotp

    context, page, problems = open_page(chromium)

    def sign_in(code: str | None) -> None:
        page.goto(live.url + "/login")
        page.fill("input[name=username]", "ines")
        page.fill("input[name=password]", PASSWORD)
        if code is not None:
            page.fill("input[name=code]", code)
        page.click("form[action='/login'] button[type=submit]")

    def sign_out() -> None:
        page.click("form[action='/logout'] button[type=submit]")
        page.wait_for_selector("input[name=username]")

    sign_in(None)
    page.wait_for_selector("h1:has-text('Dashboard')")
    page.goto(live.url + "/account")
    assert page.inner_text("#two-factor-status") == "Off."
    page.click("text=Set up two-factor sign-in")
    secret = page.inner_text("#totp-secret").strip()
    assert page.get_attribute("#totp-uri", "href").startswith("otpauth://totp/factfinder:ines?")
    totp = pyotp.TOTP(secret)
    page.fill("form[action='/account/2fa/confirm'] input[name=code]", totp.now())
    shot(page, "20-two-factor-setup")
    page.click("form[action='/account/2fa/confirm'] button[type=submit]")
    page.wait_for_selector("#recovery-codes")
    assert page.locator("#recovery-codes li").count() == 10
    shot(page, "21-two-factor-on")
    sign_out()

    # The password alone is not enough now: the form asks for the code.
    sign_in(None)
    page.wait_for_selector("p.error")
    assert "two-factor code" in page.inner_text("p.error")
    assert page.url.startswith(live.url + "/login")
    # The next time step's code (the enrolment used the current one; a code is good once).
    sign_in(totp.at(time.time() + 30))
    page.wait_for_selector("h1:has-text('Dashboard')")
    shot(page, "22-signed-in-with-code")
    sign_out()

    # A wrong code is refused.
    now = time.time()
    valid = {totp.at(now + d) for d in (-60, -30, 0, 30, 60)}
    wrong = next(c for c in ("000000", "111111", "222222", "333333") if c not in valid)
    sign_in(wrong)
    page.wait_for_selector("p.error")
    assert "wrong user name, password or two-factor code" in page.inner_text("p.error")
    assert page.url.startswith(live.url + "/login")
    assert page.locator("h1:has-text('Dashboard')").count() == 0
    shot(page, "23-wrong-code-refused")
    # A refused sign-in answers 401, which Chromium logs; nothing else may be logged.
    assert [p for p in problems if "status of 401" not in p] == []
    context.close()
