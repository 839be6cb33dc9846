"""The interactive API docs at /api/docs: the vendored Swagger UI over the authenticated
schema, nothing loaded from elsewhere, no inline script, under the app's CSP."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest
from web_helpers import Browser

if TYPE_CHECKING:
    from fastapi import FastAPI

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")


def test_the_docs_page_is_for_signed_in_users_and_loads_only_local_files(
    app: FastAPI, signed_in: dict[str, Browser]
) -> None:
    from fastapi.testclient import TestClient

    from factfinder.web.security import CSP

    anonymous = TestClient(app, follow_redirects=False).get("/api/docs")
    assert anonymous.status_code == 303 and anonymous.headers["location"].startswith("/login")
    viewer = signed_in["viewer"]
    page = viewer.client.get("/api/docs")
    assert page.status_code == 200
    assert page.headers["content-security-policy"] == CSP
    scripts = re.findall(r'<script src="([^"]+)"', page.text)
    assert scripts == ["/static/vendor/swagger-ui/swagger-ui-bundle.js", "/static/api-docs.js"]
    assert "<script>" not in page.text and "style=" not in page.text
    assert 'data-schema="/api/v1/openapi.json"' in page.text
    assert f'data-csrf="{viewer.csrf}"' in page.text
    links = re.findall(r'(?:src|href)="(https?:[^"]+)"', page.text)
    assert links == []
    for path in [*scripts, "/static/vendor/swagger-ui/swagger-ui.css"]:
        r = viewer.client.get(path)
        assert r.status_code == 200 and len(r.content) > 500, path
    bundle = viewer.client.get(scripts[0]).text
    assert "SwaggerUIBundle" in bundle
    # The schema it reads, with the new areas.
    schema = viewer.client.get("/api/v1/openapi.json").json()
    assert {"/api/v1/cases", "/api/v1/cases/{case_id}/build", "/api/v1/places"} <= set(
        schema["paths"]
    )
    # The navigation links to it.
    assert 'href="/api/docs"' in viewer.client.get("/").text
