"""Helpers of the web tests: the seeded accounts and signing in through the login form."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fastapi import FastAPI
    from fastapi.testclient import TestClient

SEEDS = Path(__file__).resolve().parents[2] / "samples" / "seeds"
PASSWORD = "correct horse battery"
ROLES = ("admin", "investigator", "analyst", "viewer")


@dataclass
class Browser:
    """A test client signed in as one role, with its session's CSRF token."""

    client: TestClient
    role: str
    csrf: str

    def form(self, url: str, data: dict[str, str] | None = None, **kw: object) -> object:
        return self.client.post(url, data={"csrf_token": self.csrf, **(data or {})}, **kw)  # type: ignore[arg-type]


def sign_in(app: FastAPI, username: str, password: str = PASSWORD) -> Browser:
    """Sign in through the login form, as a person would."""
    from fastapi.testclient import TestClient

    client = TestClient(app, follow_redirects=False)
    page = client.get("/login")
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert token is not None
    r = client.post(
        "/login",
        data={
            "username": username,
            "password": password,
            "csrf_token": token.group(1),
            "next": "/",
        },
    )
    assert r.status_code == 303, r.text
    home = client.get("/")
    csrf = re.search(r'"X-CSRF-Token": "([^"]+)"', home.text)
    assert csrf is not None
    return Browser(client, username, csrf.group(1))


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


class LiveServer:
    """uvicorn serving `app` on 127.0.0.1 in a background thread (for the browser and the
    schema tests); `url` is its base URL. Stops when the `with` block ends."""

    def __init__(self, app: FastAPI) -> None:
        import uvicorn

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.server = uvicorn.Server(
            uvicorn.Config(
                app, host="127.0.0.1", port=self.port, log_level="warning", lifespan="off"
            )
        )

    def __enter__(self) -> LiveServer:
        import threading
        import time

        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


def session_browser(app: FastAPI, username: str) -> Browser:
    """A client with a fresh session for `username`, made by the users service directly (the
    login form's argon2 check is slow on purpose; the login tests go through the form)."""
    from fastapi.testclient import TestClient

    from factfinder.services.access.commands import create_session
    from factfinder.services.access.queries import get_user

    project = app.state.project
    cookie, session = create_session(project, get_user(project, username))
    client = TestClient(app, follow_redirects=False, cookies={"ff_session": cookie})
    return Browser(client, username, session.csrf_token)
