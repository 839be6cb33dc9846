"""Security of the workspace: anonymous access refused everywhere, routes × roles, CSRF,
inert documents, restricted data, cookies and headers, login throttling."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest
from web_helpers import PASSWORD, ROLES, Browser, session_browser, sign_in

from factfinder.subjects import claim_subject, item_subject

if TYPE_CHECKING:
    from fastapi import FastAPI

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")

READ, COMMENT, REVIEW, INGEST, DECIDE, RUN, RESTRICT, ADMIN = (
    "read",
    "comment",
    "review",
    "ingest",
    "decide",
    "run",
    "restrict",
    "manage_users",
)

# Every route of the app and the permission it needs. A new route must be added here, or
# `test_the_table_covers_every_route` fails.
ROUTES: dict[tuple[str, str], str] = {
    ("GET", "/api/v1/openapi.json"): READ,
    ("GET", "/api/v1/dashboard"): READ,
    ("GET", "/api/v1/boundaries"): READ,
    ("GET", "/api/v1/comments/{subject}"): READ,
    ("POST", "/api/v1/comments/{subject}"): COMMENT,
    ("GET", "/api/v1/restrictions"): RESTRICT,
    ("POST", "/api/v1/restrictions"): RESTRICT,
    ("GET", "/api/v1/releases"): RESTRICT,
    ("POST", "/api/v1/releases"): RESTRICT,
    ("GET", "/api/v1/restricted-reads"): RESTRICT,
    ("DELETE", "/api/v1/restrictions/{subject}"): RESTRICT,
    ("GET", "/api/v1/items"): READ,
    ("GET", "/api/v1/items/{ref}"): READ,
    ("POST", "/api/v1/items"): INGEST,
    ("GET", "/api/v1/claims"): READ,
    ("GET", "/api/v1/claims/queue"): REVIEW,
    ("GET", "/api/v1/claims/{claim_id}"): READ,
    ("POST", "/api/v1/claims/{claim_id}/review"): REVIEW,
    ("POST", "/api/v1/runs/extract"): RUN,
    ("GET", "/api/v1/me"): READ,
    ("GET", "/api/v1/users"): ADMIN,
    ("POST", "/api/v1/users"): ADMIN,
    ("GET", "/api/v1/tokens"): READ,
    ("POST", "/api/v1/tokens"): READ,
    ("DELETE", "/api/v1/tokens/{token_id}"): READ,
    ("POST", "/logout"): READ,
    ("GET", "/"): READ,
    ("GET", "/items"): READ,
    ("GET", "/search"): READ,
    ("GET", "/items/{ref}"): READ,
    ("GET", "/upload"): INGEST,
    ("POST", "/upload"): INGEST,
    ("GET", "/runs"): RUN,
    ("POST", "/runs/extract"): RUN,
    ("POST", "/comments/{subject}"): COMMENT,
    ("POST", "/restrict"): RESTRICT,
    ("GET", "/review"): REVIEW,
    ("GET", "/claims/{claim_id}"): READ,
    ("POST", "/review/{claim_id}"): REVIEW,
    ("GET", "/admin/users"): ADMIN,
    ("POST", "/admin/users"): ADMIN,
    ("POST", "/admin/users/{username}/role"): ADMIN,
    ("POST", "/admin/users/{username}/active"): ADMIN,
    ("POST", "/admin/users/{username}/require-2fa"): ADMIN,
    ("POST", "/admin/users/{username}/2fa-off"): ADMIN,
    ("GET", "/account"): READ,
    ("POST", "/account/tokens"): READ,
    ("POST", "/account/tokens/{token_id}/revoke"): READ,
    ("POST", "/account/2fa/start"): READ,
    ("POST", "/account/2fa/confirm"): READ,
    ("POST", "/account/2fa/off"): READ,
    ("GET", "/map"): READ,
    ("GET", "/timeline"): READ,
    ("GET", "/incidents"): READ,
    ("GET", "/incidents/{incident_id}"): READ,
    ("POST", "/incidents/merge"): DECIDE,
    ("POST", "/incidents/{incident_id}/split"): DECIDE,
    ("POST", "/incidents/{incident_id}/confirm"): DECIDE,
    ("POST", "/incidents/{incident_id}/grade"): DECIDE,
    ("POST", "/runs/link"): RUN,
    ("GET", "/api/v1/incidents"): READ,
    ("GET", "/api/v1/incidents/geojson"): READ,
    ("GET", "/api/v1/incidents/timeline"): READ,
    ("GET", "/api/v1/incidents/map"): READ,
    ("GET", "/api/v1/incidents/periods"): READ,
    ("GET", "/api/v1/incidents/grades"): READ,
    ("GET", "/api/v1/incidents/{incident_id}"): READ,
    ("POST", "/api/v1/incidents/merge"): DECIDE,
    ("POST", "/api/v1/incidents/{incident_id}/split"): DECIDE,
    ("POST", "/api/v1/incidents/{incident_id}/confirm"): DECIDE,
    ("POST", "/api/v1/incidents/{incident_id}/grade"): DECIDE,
    ("POST", "/api/v1/runs/link"): RUN,
    ("GET", "/cases"): READ,
    ("POST", "/cases"): DECIDE,
    ("POST", "/cases/add"): DECIDE,
    ("GET", "/cases/{case_id}"): READ,
    ("POST", "/cases/{case_id}/incidents"): DECIDE,
    ("POST", "/cases/{case_id}/remove"): DECIDE,
    ("POST", "/cases/{case_id}/notes"): COMMENT,
    ("POST", "/cases/{case_id}/build"): READ,
    ("GET", "/api/v1/cases"): READ,
    ("POST", "/api/v1/cases"): DECIDE,
    ("GET", "/api/v1/cases/{case_id}"): READ,
    ("POST", "/api/v1/cases/{case_id}/incidents"): DECIDE,
    ("POST", "/api/v1/cases/{case_id}/incidents/remove"): DECIDE,
    ("POST", "/api/v1/cases/{case_id}/notes"): COMMENT,
    ("POST", "/api/v1/cases/{case_id}/build"): READ,
    ("GET", "/places/search"): READ,
    ("GET", "/api/v1/places"): READ,
    ("GET", "/api/docs"): READ,
}
OPEN = {("GET", "/login"), ("POST", "/login")}
PARAMS = {
    "subject": "claim:1",
    "ref": "1",
    "claim_id": "1",
    "token_id": "1",
    "username": "viewer",
    "incident_id": "inc-000001",
    "case_id": "1",
}


def app_routes(app: FastAPI) -> set[tuple[str, str]]:
    """(method, path) of every API route, also inside included routers (FastAPI ≥ 0.13x keeps
    them lazily as `_IncludedRouter`; `iter_route_contexts` flattens them)."""
    from fastapi import routing

    flatten = getattr(routing, "iter_route_contexts", None)
    found = set()
    if flatten is not None:
        for context in flatten(app.routes):
            route = context.original_route
            if isinstance(route, routing.APIRoute) and context.path is not None:
                found |= {(m, context.path) for m in route.methods}
    else:
        for route in app.routes:
            if isinstance(route, routing.APIRoute):
                found |= {(m, route.path) for m in route.methods}
    return found


def concrete(path: str) -> str:
    return re.sub(r"\{(\w+)\}", lambda m: PARAMS[m.group(1)], path)


def test_the_table_covers_every_route(app: FastAPI) -> None:
    assert app_routes(app) - OPEN == set(ROUTES)


def test_every_route_refuses_anonymous_access(app: FastAPI) -> None:
    from fastapi.testclient import TestClient

    client = TestClient(app, follow_redirects=False)
    for method, path in sorted(app_routes(app) - OPEN):
        r = client.request(method, concrete(path))
        if path.startswith("/api/v1/"):  # the API; /api/docs is a page
            assert r.status_code == 401, (method, path, r.status_code)
            assert r.headers["www-authenticate"] == "Bearer"
        else:
            assert r.status_code == 303, (method, path, r.status_code)
            assert r.headers["location"].startswith("/login?next=")


def test_anonymous_gets_the_login_page_and_static_files_only(app: FastAPI) -> None:
    from fastapi.testclient import TestClient

    client = TestClient(app, follow_redirects=False)
    assert client.get("/login").status_code == 200
    assert client.get("/static/app.js").status_code == 200
    assert client.get("/docs").status_code in (303, 404)
    assert client.get("/openapi.json").status_code in (303, 404)


@pytest.mark.parametrize("role", ROLES)
def test_each_role_does_only_what_it_may(app: FastAPI, role: str) -> None:
    from factfinder.services.access.roles import ROLE_PERMISSIONS
    from factfinder.services.incidents.commands import link_project

    link_project(app.state.project, actor="test:setup")
    granted = {p.value for p in ROLE_PERMISSIONS[role]}
    for (method, path), needed in ROUTES.items():
        who = session_browser(app, role)
        r = who.client.request(method, concrete(path), headers={"X-CSRF-Token": who.csrf})
        if needed in granted:
            assert r.status_code not in (401, 403), (
                role,
                method,
                path,
                r.status_code,
                r.text[:200],
            )
        else:
            assert r.status_code == 403, (role, method, path, r.status_code)


def test_roles_grant_what_the_issue_says() -> None:
    from factfinder.services.access.roles import ROLE_PERMISSIONS, Permission

    def can(role: str) -> set[str]:
        return {p.value for p in ROLE_PERMISSIONS[role]}

    assert can("viewer") == {"read"}
    assert {"review", "comment", "read_restricted"} <= can("analyst")
    assert not {"ingest", "decide", "run", "manage_users"} & can("analyst")
    assert {"ingest", "review", "decide", "run"} <= can("investigator")
    assert "manage_users" not in can("investigator")
    assert can("admin") == {p.value for p in Permission}


def test_forms_without_csrf_token_are_refused(signed_in: dict[str, Browser]) -> None:
    admin = signed_in["admin"]
    r = admin.client.post(
        "/admin/users", data={"username": "mallory", "password": "x" * 12, "role": "admin"}
    )
    assert r.status_code == 403
    assert "CSRF" in r.text
    r = admin.client.post(
        "/admin/users",
        data={"username": "mallory", "password": "x" * 12, "role": "admin", "csrf_token": "forged"},
    )
    assert r.status_code == 403
    r = admin.client.post("/api/v1/claims/1/review", json={"decision": "accept"})
    assert r.status_code == 403
    users = admin.client.get("/api/v1/users").json()
    assert "mallory" not in {u["username"] for u in users["data"]}
    # With the token the same form works.
    r = admin.form("/admin/users", {"username": "mallory", "password": "x" * 12, "role": "viewer"})
    assert r.status_code == 303


def test_login_form_needs_its_double_submit_token(app: FastAPI) -> None:
    from fastapi.testclient import TestClient

    client = TestClient(app, follow_redirects=False)
    r = client.post("/login", data={"username": "admin", "password": PASSWORD})
    assert r.status_code == 403
    assert "ff_session" not in r.cookies


def test_session_cookie_flags_and_security_headers(app: FastAPI) -> None:
    from fastapi.testclient import TestClient

    client = TestClient(app, follow_redirects=False)
    page = client.get("/login")
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert token is not None
    r = client.post(
        "/login", data={"username": "admin", "password": PASSWORD, "csrf_token": token.group(1)}
    )
    cookie = next(
        v for k, v in r.headers.multi_items() if k == "set-cookie" and v.startswith("ff_session=")
    )
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie and "Path=/" in cookie
    assert "Secure" not in cookie  # plain http here; https below
    home = client.get("/")
    csp = home.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert home.headers["x-content-type-options"] == "nosniff"
    assert home.headers["cache-control"] == "no-store"
    assert "<script>" not in home.text.replace("<script src=", "")  # no inline script

    secure = TestClient(app, base_url="https://testserver", follow_redirects=False)
    page = secure.get("/login")
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert token is not None
    r = secure.post(
        "/login", data={"username": "admin", "password": PASSWORD, "csrf_token": token.group(1)}
    )
    cookie = next(
        v for k, v in r.headers.multi_items() if k == "set-cookie" and v.startswith("ff_session=")
    )
    assert "Secure" in cookie


def test_no_template_has_inline_script_or_handlers() -> None:
    from factfinder.web.render import TEMPLATES

    for path in TEMPLATES.glob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"<script(?![^>]*\bsrc=)", text), path.name
        assert not re.search(r"\son[a-z]+\s*=", text), path.name
        assert "style=" not in text, path.name


def test_login_is_throttled(app: FastAPI) -> None:
    from fastapi.testclient import TestClient

    client = TestClient(app, follow_redirects=False)
    # Waits long enough that no slowness of the machine lets the sixth try through.
    app.state.settings.login_first_delay_seconds = 600
    app.state.settings.login_max_delay_seconds = 600

    def attempt(password: str) -> int:
        page = client.get("/login")
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
        assert token is not None
        return client.post(
            "/login",
            data={"username": "analyst", "password": password, "csrf_token": token.group(1)},
        ).status_code

    assert [attempt("wrong password") for _ in range(5)] == [401] * 5
    # The right password, but the account must wait now (by default 2 s after the latest
    # failure, doubling, at most a minute: a slow-down, not a lock-out).
    r_status = attempt(PASSWORD)
    assert r_status == 429
    # Another account from the same address is not blocked by this one's failures.
    assert sign_in(app, "viewer").role == "viewer"


def test_documents_are_shown_inert(app: FastAPI, tmp_path: object) -> None:
    from pathlib import Path

    from factfinder.services.preserve.ingest import ingest

    hostile = Path(str(tmp_path)) / "hostile.html.txt"
    hostile.write_text(
        'Shelling killed 3 civilians in Douma. <script>alert("x")</script> '
        '<img src=x onerror="alert(1)"> <a href="javascript:alert(2)">link</a>',
        encoding="utf-8",
    )
    summary = ingest(app.state.project, [str(hostile)], actor="test:setup")
    assert summary.new_items == 1
    viewer = sign_in(app, "viewer")
    items = viewer.client.get("/api/v1/items", params={"q": "Douma"}).json()
    item_id = items["data"][0]["id"]
    page = viewer.client.get(f"/items/{item_id}").text
    assert '<script>alert("x")</script>' not in page
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in page
    assert "<img" not in page
    assert 'onerror="alert(1)"' not in page
    assert "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;" in page
    assert '<a href="javascript:' not in page
    search = viewer.client.get("/search", params={"q": "Douma"}).text
    assert "<script>alert" not in search


def _restrict(app: FastAPI) -> tuple[int, str, int]:
    """Restrict the text of one seed item, one other item whole, and a claim's claimant name."""
    from factfinder.services.access.commands import restrict
    from factfinder.services.claims.queries import reviewed_claims
    from factfinder.services.preserve.items import list_items

    project = app.state.project
    first, second = list_items(project)[0][:2]
    restrict(
        project, item_subject(first.hash), "text", reason="witness statement", actor="test:setup"
    )
    restrict(project, item_subject(second.hash), reason="victims' names", actor="test:setup")
    claim = reviewed_claims(project, item_id=first.id)[0]
    restrict(
        project, claim_subject(claim.id), "claimant.name", reason="witness", actor="test:setup"
    )
    return first.id, second.hash, claim.id


def test_restricted_data_never_reaches_a_viewer(app: FastAPI) -> None:
    from factfinder.services.claims.queries import reviewed_claim
    from factfinder.services.preserve.items import item_text

    first_id, second_hash, claim_id = _restrict(app)
    project = app.state.project
    _, text = item_text(project, str(first_id))
    assert text
    sentence = text[slice(*reviewed_claim(project, claim_id).claim.spans[0])]
    claimant = reviewed_claim(project, claim_id).claim.claimant.name
    assert claimant
    viewer, analyst = sign_in(app, "viewer"), sign_in(app, "analyst")

    # JSON
    listed = viewer.client.get("/api/v1/items").json()
    assert second_hash not in {i["hash"] for i in listed["data"]}
    assert listed["count"] == 1
    assert viewer.client.get(f"/api/v1/items/{second_hash[7:20]}").status_code == 404
    detail = viewer.client.get(f"/api/v1/items/{first_id}").json()
    assert detail["text"] is None and "text" in detail["restricted_fields"]
    claim = viewer.client.get(f"/api/v1/claims/{claim_id}").json()
    assert claim["claim"]["claimant"]["name"] is None
    assert claim["sentences"] is None
    body = viewer.client.get("/api/v1/claims").text
    assert sentence not in body and claimant not in body
    assert sentence not in viewer.client.get(f"/api/v1/items/{first_id}").text
    # HTML
    for url in (
        "/",
        "/items",
        f"/items/{first_id}",
        f"/claims/{claim_id}",
        f"/search?q={sentence.split()[2]}",
    ):
        page = viewer.client.get(url).text
        assert sentence not in page, url
        assert claimant not in page, url
        assert second_hash not in page, url
    # A role that may see restricted data sees it all.
    assert analyst.client.get(f"/api/v1/items/{first_id}").json()["text"] == text
    assert (
        analyst.client.get(f"/api/v1/claims/{claim_id}").json()["claim"]["claimant"]["name"]
        == claimant
    )
    assert analyst.client.get("/api/v1/items").json()["count"] == 2
    assert sentence in analyst.client.get(f"/claims/{claim_id}").text


def test_api_tokens_authenticate_scripts_and_can_be_revoked(signed_in: dict[str, Browser]) -> None:
    from fastapi.testclient import TestClient

    investigator = signed_in["investigator"]
    made = investigator.client.post(
        "/api/v1/tokens", json={"name": "nightly"}, headers={"X-CSRF-Token": investigator.csrf}
    ).json()
    secret = made["token"]
    assert secret.startswith("fft_")
    script = TestClient(investigator.client.app, headers={"Authorization": f"Bearer {secret}"})
    me = script.get("/api/v1/me").json()
    assert me["user"]["username"] == "investigator"
    # No CSRF token needed with a bearer token; the role still applies.
    assert (
        script.post(
            "/api/v1/users", json={"username": "x1", "password": "p" * 12, "role": "admin"}
        ).status_code
        == 403
    )
    assert script.delete(f"/api/v1/tokens/{made['info']['id']}").status_code == 200
    assert script.get("/api/v1/me").status_code == 401
    assert (
        TestClient(investigator.client.app, headers={"Authorization": "Bearer fft_not-a-token"})
        .get("/api/v1/me")
        .status_code
        == 401
    )


def test_a_witness_is_restricted_by_rule(app: FastAPI) -> None:
    from factfinder.services.claims.queries import reviewed_claims
    from factfinder.services.claims.review import decide

    claim = reviewed_claims(app.state.project)[0]
    name = claim.claim.claimant.name
    assert name
    decide(
        app.state.project,
        claim.id,
        "correct",
        corrections={"claimant.type": "witness"},
        actor="test:setup",
    )
    viewer, analyst = session_browser(app, "viewer"), session_browser(app, "analyst")
    seen = viewer.client.get(f"/api/v1/claims/{claim.id}").json()
    assert seen["claim"]["claimant"]["name"] is None
    assert seen["claim"]["claimant"]["type"] == "witness"
    assert "claimant.name" in seen["restricted_fields"]
    assert name not in viewer.client.get(f"/claims/{claim.id}").text
    assert (
        analyst.client.get(f"/api/v1/claims/{claim.id}").json()["claim"]["claimant"]["name"] == name
    )
