"""The item page shows the item's publication date as corrected (`item-meta`), and the file's
own creation date apart from it."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from web_helpers import Browser

if TYPE_CHECKING:
    from fastapi import FastAPI

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")


def test_the_item_page_shows_the_corrected_publication_date(
    app: FastAPI, signed_in: dict[str, Browser]
) -> None:
    from factfinder.services.claims.extraction import correct_item_metadata

    viewer = signed_in["viewer"]
    item = viewer.client.get("/api/v1/items").json()["data"][0]
    correct_item_metadata(
        app.state.project, str(item["id"]), actor="cli:analyst", published="2018-11-04"
    )
    page = viewer.client.get(f"/items/{item['id']}").text
    assert "<dt>Published</dt><dd>2018-11-04</dd>" in page
    assert "item.metadata" in page
    assert viewer.client.get(f"/api/v1/items/{item['id']}").json()["published"] == "2018-11-04"


def test_the_review_queue_shows_the_source_s_corrected_publication_date(
    app: FastAPI, signed_in: dict[str, Browser]
) -> None:
    from factfinder.services.claims.extraction import correct_item_metadata

    analyst = signed_in["analyst"]
    first = analyst.client.get("/api/v1/claims").json()["data"][0]
    correct_item_metadata(
        app.state.project,
        str(first["item_id"]),
        actor="cli:analyst",
        published="2018-11-04",
        publisher="Levant Wire",
    )
    claim = analyst.client.get(f"/api/v1/claims/{first['id']}").json()
    assert (claim["item_publisher"], claim["item_published"]) == ("Levant Wire", "2018-11-04")
    page = analyst.client.get(f"/claims/{first['id']}").text
    assert '<span id="published">2018-11-04</span>' in page
    assert "<bdi>Levant Wire</bdi>" in page
    queue = analyst.client.get("/review").text
    assert 'id="source-meta"' in queue and 'id="published">' in queue
