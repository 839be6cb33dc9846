"""Pages and API endpoints of the workspace besides review: dashboard, filters, search,
comments, restriction marks from the page, account and token pages, user management."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest
from web_helpers import Browser, session_browser, sign_in

from factfinder.subjects import claim_subject, item_subject

if TYPE_CHECKING:
    from fastapi import FastAPI

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")


def test_dashboard_counts(signed_in: dict[str, Browser]) -> None:
    viewer = signed_in["viewer"]
    d = viewer.client.get("/api/v1/dashboard").json()
    assert (d["items"], d["claims"], d["pending_review"]) == (2, 5, 5)
    assert d["ledger_size"] > 0 and d["checkpoint_size"] is not None
    page = viewer.client.get("/").text
    assert "<b>2</b> items" in page and "<b>5</b> claims to review" in page
    # The navigation shows a viewer only what a viewer may open.
    nav = re.search(r"<nav>(.*?)</nav>", page, re.S)
    assert nav is not None
    assert "Review" not in nav.group(1) and "Upload" not in nav.group(1)
    assert "Items" in nav.group(1) and "Map" in nav.group(1)
    admin_nav = signed_in["admin"].client.get("/").text
    assert 'href="/admin/users"' in admin_nav and 'href="/upload"' in admin_nav


def test_item_filters_and_full_text_search(signed_in: dict[str, Browser]) -> None:
    viewer = signed_in["viewer"]
    every = viewer.client.get("/api/v1/items").json()
    assert every["count"] == 2
    found = viewer.client.get("/api/v1/items", params={"q": "white phosphorus"}).json()
    assert found["count"] >= 1
    assert all(i["id"] in {x["id"] for x in every["data"]} for i in found["data"])
    none = viewer.client.get("/api/v1/items", params={"q": "zzzyxw"}).json()
    assert none == {"data": [], "count": 0}
    typed = viewer.client.get("/api/v1/items", params={"media_type": "text/plain"}).json()
    assert typed["count"] == 2
    assert (
        viewer.client.get("/api/v1/items", params={"media_type": "application/pdf"}).json()["count"]
        == 0
    )
    # FTS syntax in a query is just words.
    assert viewer.client.get("/api/v1/items", params={"q": 'NEAR(" OR *'}).status_code == 200
    page = viewer.client.get("/search", params={"q": "phosphorus"}).text
    assert f'href="/items/{found["data"][0]["id"]}"' in page
    assert (
        viewer.client.get("/items", params={"publisher": "nobody"}).text.count("Nothing matches")
        == 1
    )


def test_comments_are_ledgered_and_need_the_comment_permission(
    app: FastAPI, signed_in: dict[str, Browser]
) -> None:
    analyst, viewer = signed_in["analyst"], signed_in["viewer"]
    item = analyst.client.get("/api/v1/items").json()["data"][0]
    subject = item_subject(item["hash"])
    r = analyst.form(
        f"/comments/{subject}", {"body": "Check the <b>date</b>", "back": f"/items/{item['id']}"}
    )
    assert r.status_code == 303
    listed = viewer.client.get(f"/api/v1/comments/{subject}").json()
    assert listed["count"] == 1 and listed["data"][0]["author"] == "user:analyst"
    page = viewer.client.get(f"/items/{item['id']}").text
    assert "Check the &lt;b&gt;date&lt;/b&gt;" in page
    assert viewer.form(f"/comments/{subject}", {"body": "hi"}).status_code == 403
    r = analyst.client.post(
        "/api/v1/comments/claim:1",
        json={"body": "plausible"},
        headers={"X-CSRF-Token": analyst.csrf},
    )
    assert r.status_code == 201


def test_restricting_from_the_item_page(app: FastAPI, signed_in: dict[str, Browser]) -> None:
    investigator, viewer = signed_in["investigator"], signed_in["viewer"]
    item = investigator.client.get("/api/v1/items").json()["data"][0]
    page = investigator.client.get(f"/items/{item['id']}").text
    assert 'action="/restrict"' in page
    assert 'action="/restrict"' not in viewer.client.get(f"/items/{item['id']}").text
    r = investigator.form(
        "/restrict",
        {
            "subject": item_subject(item["hash"]),
            "field": "",
            "reason": "victims' names",
            "back": f"/items/{item['id']}",
        },
    )
    assert r.status_code == 303
    assert viewer.client.get(f"/items/{item['id']}").status_code == 404
    assert viewer.client.get("/api/v1/items").json()["count"] == 1
    marks = investigator.client.get("/api/v1/restrictions").json()
    assert marks[0]["created_by"] == "user:investigator"
    r = investigator.client.delete(
        f"/api/v1/restrictions/item:{item['hash']}", headers={"X-CSRF-Token": investigator.csrf}
    )
    assert r.status_code == 204
    assert viewer.client.get(f"/items/{item['id']}").status_code == 200


def test_accounts_and_tokens_pages(app: FastAPI, signed_in: dict[str, Browser]) -> None:
    admin = signed_in["admin"]
    r = admin.form(
        "/admin/users",
        {
            "username": "hana",
            "password": "long enough pw",
            "role": "viewer",
            "display_name": "Hana",
        },
    )
    assert r.status_code == 303
    assert admin.form("/admin/users/hana/role", {"role": "analyst"}).status_code == 303
    page = admin.client.get("/admin/users").text
    assert "hana" in page and "Hana" in page
    hana = sign_in(app, "hana", "long enough pw")
    assert hana.client.get("/api/v1/me").json()["user"]["role"] == "analyst"
    page = hana.form("/account/tokens", {"name": "laptop"}).text  # type: ignore[attr-defined]
    token = re.search(r'<code id="new-token">([^<]+)</code>', page)
    assert token is not None and token.group(1).startswith("fft_")
    # Disabling an account ends its sessions at once.
    assert admin.form("/admin/users/hana/active", {"active": "0"}).status_code == 303
    assert hana.client.get("/api/v1/me").status_code == 401
    assert hana.client.get("/").status_code == 303
    r = admin.form(
        "/admin/users", {"username": "hana", "password": "long enough pw", "role": "viewer"}
    )
    assert r.status_code == 409 and "already exists" in r.text


def test_logout_ends_the_session(signed_in: dict[str, Browser]) -> None:
    viewer = signed_in["viewer"]
    cookie = viewer.client.cookies.get("ff_session")
    r = viewer.form("/logout")
    assert r.status_code == 303 and r.headers["location"] == "/login"
    from fastapi.testclient import TestClient

    again = TestClient(
        viewer.client.app, cookies={"ff_session": cookie or ""}, follow_redirects=False
    )
    assert again.get("/").status_code == 303


def test_login_redirects_only_to_local_pages(app: FastAPI) -> None:
    from fastapi.testclient import TestClient

    client = TestClient(app, follow_redirects=False)
    page = client.get("/login", params={"next": "https://evil.example/x"}).text
    assert 'name="next" value="/"' in page
    r = client.get("/items/1?x=1")
    assert r.headers["location"] == "/login?next=%2Fitems%2F1%3Fx%3D1"


def test_claims_and_incidents_take_comments_and_restrictions(
    app: FastAPI, signed_in: dict[str, Browser]
) -> None:
    from factfinder.services.incidents.commands import link_project

    link_project(app.state.project, actor="test:setup")
    investigator, viewer = signed_in["investigator"], signed_in["viewer"]
    claim = investigator.client.get("/api/v1/claims").json()["data"][0]["id"]
    r = investigator.form(
        f"/comments/claim:{claim}", {"body": "double-check the count", "back": f"/claims/{claim}"}
    )
    assert r.status_code == 303 and r.headers["location"] == f"/claims/{claim}"
    assert "double-check the count" in viewer.client.get(f"/claims/{claim}").text
    page = investigator.client.get(f"/claims/{claim}").text
    assert "<option>claimant.name</option>" in page
    r = investigator.form(
        "/restrict",
        {
            "subject": claim_subject(claim),
            "field": "",
            "reason": "victim list",
            "back": f"/claims/{claim}",
        },
    )
    assert r.status_code == 303
    assert viewer.client.get(f"/claims/{claim}").status_code == 404
    incident = viewer.client.get("/api/v1/incidents").json()["data"][0]["id"]
    r = investigator.form(
        f"/comments/incident:{incident}",
        {"body": "seen on satellite", "back": f"/incidents/{incident}"},
    )
    assert r.status_code == 303
    assert "seen on satellite" in viewer.client.get(f"/incidents/{incident}").text


def test_oversized_uploads_are_refused(seeded_dir: object) -> None:
    import inspect
    from pathlib import Path

    from fastapi import FastAPI

    from factfinder.web.app import create_app
    from factfinder.web.settings import WebSettings

    app = create_app(WebSettings(project_dir=Path(str(seeded_dir)), max_upload_mb=1))
    try:
        who = session_browser(app, "investigator")
        big = b"x" * (3 << 20)
        r = who.client.post(
            "/api/v1/items",
            files=[("files", ("big.txt", big, "text/plain"))],
            headers={"X-CSRF-Token": who.csrf},
        )
        if "max_body_size" in inspect.signature(FastAPI).parameters:
            assert r.status_code == 413
        else:
            assert r.status_code == 400 and "exceeds 1 MB" in r.json()["detail"]
        assert who.client.get("/api/v1/items").json()["count"] == 2
    finally:
        app.state.project.close()
