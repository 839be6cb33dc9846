"""The workspace over each database backend (SQLite always; PostgreSQL when
FACTFINDER_TEST_POSTGRES_URL is set): sign in, upload, extract, review, list, search,
restrict — the web's queries are the same Core statements on both."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from web_helpers import PASSWORD, SEEDS, session_browser

from factfinder.subjects import item_subject

if TYPE_CHECKING:
    from factfinder.services import Project

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")


def test_the_workspace_on_this_backend(project: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    from factfinder.services.access.commands import add_user
    from factfinder.web.app import create_app
    from factfinder.web.settings import WebSettings

    add_user(project, "investigator", PASSWORD, "investigator", actor="test:setup")
    add_user(project, "viewer", PASSWORD, "viewer", actor="test:setup")
    app = create_app(WebSettings(project_dir=project.root))
    try:
        inv, viewer = session_browser(app, "investigator"), session_browser(app, "viewer")
        files = [
            ("files", (p.name, p.read_bytes(), "text/plain")) for p in sorted(SEEDS.glob("*.txt"))
        ]
        r = inv.client.post("/api/v1/items", files=files, headers={"X-CSRF-Token": inv.csrf})
        assert r.status_code == 201 and r.json()["new_items"] == 2
        h = {"X-CSRF-Token": inv.csrf}
        assert inv.client.post("/api/v1/runs/extract", headers=h).json()["claims"] == 5
        queue = inv.client.get("/api/v1/claims/queue").json()
        assert queue["count"] == 5
        first = queue["data"][0]["id"]
        r = inv.client.post(
            f"/api/v1/claims/{first}/review",
            headers=h,
            json={"decision": "correct", "corrections": {"killed.total": {"min": 30, "max": 30}}},
        )
        assert r.json()["claim"]["killed"]["total"]["min"] == 30
        assert inv.client.get("/api/v1/claims/queue").json()["count"] == 4
        found = viewer.client.get("/api/v1/items", params={"q": "phosphorus"}).json()
        assert found["count"] >= 1
        item = found["data"][0]
        r = inv.client.post(
            "/api/v1/restrictions",
            headers=h,
            json={"subject": item_subject(item["hash"]), "reason": "victims' names"},
        )
        assert r.status_code == 201
        assert viewer.client.get("/api/v1/items").json()["count"] == 1
        assert viewer.client.get(f"/items/{item['id']}").status_code == 404
        # The dashboard counts only what the role may see.
        assert viewer.client.get("/api/v1/dashboard").json()["items"] == 1
        assert inv.client.get("/api/v1/dashboard").json()["items"] == 2
        # The map's clusters and the timeline's counts: the same Core statements too.
        from factfinder.services.incidents import aggregates

        assert inv.client.post("/api/v1/runs/link", headers=h).status_code == 200
        for who in (viewer, inv):
            listed = who.client.get("/api/v1/incidents").json()["data"]
            located = [i for i in listed if i["lat"] is not None]
            box = {"south": 30, "west": 34, "north": 38, "east": 46, "zoom": 6}
            points = who.client.get("/api/v1/incidents/map", params=box).json()
            assert sorted(p["id"] for p in points["points"]) == sorted(i["id"] for i in located)
            monkeypatch.setattr(aggregates, "POINTS_MAX", 0)
            cells = who.client.get("/api/v1/incidents/map", params=box).json()
            monkeypatch.undo()
            assert sum(c["count"] for c in cells["cells"]) == len(located)
            for period in ("day", "week", "month"):
                counted = who.client.get(
                    "/api/v1/incidents/periods", params={"period": period, "by": "grade"}
                ).json()
                assert counted["total"] == len(listed)
            grades = who.client.get("/api/v1/incidents/grades").json()
            assert sum(grades.values()) == len(listed)
        assert len(viewer.client.get("/api/v1/incidents").json()["data"]) < len(
            inv.client.get("/api/v1/incidents").json()["data"]
        )
    finally:
        app.state.project.close()


def test_a_link_run_refreshes_the_planner_statistics(project: Project) -> None:
    """On PostgreSQL a link run leaves its tables analysed (the map's and list's plans depend
    on it where autovacuum is off or late); SQLite's statistics are left alone."""
    from sqlalchemy import text

    from factfinder.services.incidents.commands import RUN_TABLES, link_project

    link_project(project, actor="test:setup")
    with project.engine.connect() as conn:
        if project.engine.dialect.name == "postgresql":
            analysed = conn.execute(
                text(
                    "SELECT relname FROM pg_stat_user_tables WHERE last_analyze IS NOT NULL "
                    "AND schemaname = current_schema()"
                )
            ).scalars()
            assert set(RUN_TABLES) <= set(analysed)
        else:
            found = conn.execute(
                text("SELECT name FROM sqlite_master WHERE name = 'sqlite_stat1'")
            ).all()
            assert found == []
