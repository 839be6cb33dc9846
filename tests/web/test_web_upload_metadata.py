"""Uploads with what is said about each file — publisher, publication date, URL, title — as
`factfinder ingest --metadata` takes them: rows of the upload page, and the metadata CSV of
`POST /api/v1/items`. The values are recorded with the acquisition and shown on the item."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest
from web_helpers import Browser

if TYPE_CHECKING:
    from fastapi import FastAPI

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")

MARKET = (
    "Airstrike on Hajin market\n\nA coalition airstrike on the market of Hajin in Deir ez-Zor "
    "province killed 9 civilians on Friday, the local council said."
)
BAKERY = (
    "Shelling of a bakery in Ariha\n\nShelling of a bakery in Ariha in Idlib province killed "
    "five civilians on Tuesday, medics said."
)


def _item(who: Browser, title_word: str) -> dict[str, object]:
    items = who.client.get("/api/v1/items", params={"q": title_word}).json()["data"]
    assert len(items) == 1, items
    found: dict[str, object] = items[0]
    return found


def _acquisition_entries(app: FastAPI) -> list[dict[str, object]]:
    from sqlalchemy import select

    from factfinder.store.schema import ledger

    with app.state.project.read() as conn:
        rows = conn.execute(select(ledger.c.entry).order_by(ledger.c.seq))
        return [e for e in (json.loads(r.entry) for r in rows) if "acqui" in str(e.get("kind", ""))]


def test_the_upload_page_takes_metadata_per_row(
    app: FastAPI, signed_in: dict[str, Browser]
) -> None:
    investigator = signed_in["investigator"]
    page = investigator.client.get("/upload").text
    for name in ("files", "publisher", "published", "url", "title", "files.1", "url.1"):
        assert f'name="{name}"' in page, name
    r = investigator.client.post(
        "/upload",
        data={
            "csrf_token": investigator.csrf,
            "publisher": "Deir ez-Zor 24",
            "published": "2018-11-03",
            "url": "https://example.org/hajin-market",
            "publisher.1": "Idlib Post",
            "published.1": "2019-05-14",
        },
        files=[
            ("files", ("market.txt", MARKET.encode(), "text/plain")),
            ("files.1", ("bakery.txt", BAKERY.encode(), "text/plain")),
        ],
    )
    assert r.status_code == 200, r.text
    assert "<b>2</b> new items" in r.text and "given for 2 file(s)" in r.text
    market = _item(investigator, "market")
    assert market["publisher"] == "Deir ez-Zor 24"
    assert str(market["published"]).startswith("2018-11-03")
    assert market["url"] == "https://example.org/hajin-market"
    bakery = _item(investigator, "bakery")
    assert bakery["publisher"] == "Idlib Post" and str(bakery["published"]).startswith("2019-05-14")
    assert bakery["url"] is None
    # What was said is in the ledger entry of the acquisition, with the uploader.
    entries = [e for e in _acquisition_entries(app) if "Deir ez-Zor 24" in json.dumps(e)]
    assert entries and entries[-1]["actor"] == "user:investigator"
    assert "https://example.org/hajin-market" in json.dumps(entries[-1])
    # The item page shows them.
    page = investigator.client.get(f"/items/{market['id']}").text
    assert "Deir ez-Zor 24" in page and "https://example.org/hajin-market" in page


def test_a_bad_publication_date_is_refused_and_nothing_is_ingested(
    signed_in: dict[str, Browser],
) -> None:
    investigator = signed_in["investigator"]
    before = investigator.client.get("/api/v1/items").json()["count"]
    r = investigator.client.post(
        "/upload",
        data={"csrf_token": investigator.csrf, "published": "last Friday"},
        files=[("files", ("market.txt", MARKET.encode(), "text/plain"))],
    )
    assert r.status_code == 400 and "row 1" in r.text
    assert investigator.client.get("/api/v1/items").json()["count"] == before


def test_the_api_takes_the_metadata_csv(signed_in: dict[str, Browser]) -> None:
    investigator = signed_in["investigator"]
    csv_text = (
        "path,published,publisher,url,title\n"
        "market.txt,2018-11-03,Deir ez-Zor 24,https://example.org/m,Hajin market strike\n"
        "bakery.txt,2019-05-14T08:30:00Z,Idlib Post,,\n"
    )
    r = investigator.client.post(
        "/api/v1/items",
        data={"metadata": csv_text},
        files=[
            ("files", ("market.txt", MARKET.encode(), "text/plain")),
            ("files", ("bakery.txt", BAKERY.encode(), "text/plain")),
        ],
        headers={"X-CSRF-Token": investigator.csrf},
    )
    assert r.status_code == 201, r.text
    assert r.json()["new_items"] == 2
    market = _item(investigator, "market")
    assert market["title"] == "Hajin market strike" and market["url"] == "https://example.org/m"
    assert str(market["published"]).startswith("2018-11-03")
    bakery = _item(investigator, "bakery")
    assert bakery["publisher"] == "Idlib Post" and str(bakery["published"]).startswith("2019-05-14")
    # A row naming a file that was not uploaded is refused with its line.
    r = investigator.client.post(
        "/api/v1/items",
        data={"metadata": "path,publisher\nother.txt,Someone\n"},
        files=[("files", ("market2.txt", b"Another text about Raqqa.", "text/plain"))],
        headers={"X-CSRF-Token": investigator.csrf},
    )
    assert r.status_code == 400 and "metadata:2" in r.json()["detail"]


def test_a_viewer_may_not_upload(signed_in: dict[str, Browser]) -> None:
    viewer = signed_in["viewer"]
    r = viewer.client.post(
        "/upload",
        data={"csrf_token": viewer.csrf, "publisher": "X"},
        files=[("files", ("market.txt", MARKET.encode(), "text/plain"))],
    )
    assert r.status_code == 403
    assert viewer.client.get("/upload").status_code == 403
