"""Two-factor sign-in (TOTP) at the service level on both backends, and an account an admin
requires it of, in the web app: enrolment is ledgered and bound by digests, a code is good
once, a recovery code works once, and the account reaches only its enrolment page until set
up."""

from __future__ import annotations

import datetime as dt
import json

import pyotp
import pytest
from fastapi import FastAPI
from web_helpers import PASSWORD, session_browser

from factfinder.errors import Conflict, InvalidRecord
from factfinder.services import Project
from factfinder.services.access import roles, signin
from factfinder.services.access.commands import add_user
from factfinder.services.access.queries import get_user
from factfinder.services.verification import verify_project
from factfinder.vault import ledger as ledger_rows

T0 = dt.datetime(2026, 3, 1, 9, 0, tzinfo=dt.UTC)


def at(seconds: float) -> dt.datetime:
    return T0 + dt.timedelta(seconds=seconds)


def test_enrol_sign_in_with_a_code_and_a_recovery_code(project: Project) -> None:
    add_user(project, "nour", PASSWORD, "analyst")
    setup = signin.begin_two_factor(project, "nour")
    assert setup.uri.startswith("otpauth://totp/factfinder:nour?secret=" + setup.secret)
    totp = pyotp.TOTP(setup.secret)
    with pytest.raises(InvalidRecord, match="does not match"):
        signin.confirm_two_factor(
            project, "nour", "000000" if totp.at(T0) != "000000" else "1", now=T0
        )
    codes = signin.confirm_two_factor(project, "nour", totp.at(T0), actor="cli:nour", now=T0)
    assert len(codes) == 10 and len(set(codes)) == 10
    assert get_user(project, "nour").two_factor
    with pytest.raises(Conflict):
        signin.begin_two_factor(project, "nour")
    with project.read() as conn:
        entry = next(
            e for e in ledger_rows.entries_for_subject(conn, "user:nour") if e.kind == "user.totp"
        )
    text = json.dumps(entry.to_json())
    assert setup.secret not in text and not any(c in text for c in codes)
    assert entry.payload["secret"].startswith("sha256:")
    assert verify_project(project).ok

    with pytest.raises(signin.SecondFactorNeeded):
        signin.authenticate(project, "nour", PASSWORD, now=at(30))
    with pytest.raises(roles.LoginRefused):  # the code the enrolment used is spent
        signin.authenticate(project, "nour", PASSWORD, code=totp.at(T0), now=at(10))
    assert signin.authenticate(project, "nour", PASSWORD, code=totp.at(at(30)), now=at(30))
    with pytest.raises(roles.LoginRefused):  # and so is this one now
        signin.authenticate(project, "nour", PASSWORD, code=totp.at(at(30)), now=at(40))
    with pytest.raises(roles.LoginRefused):  # a right code with a wrong password
        signin.authenticate(project, "nour", "not the password", code=totp.at(at(60)), now=at(60))
    assert signin.authenticate(project, "nour", PASSWORD, code=codes[0].upper(), now=at(90))
    with pytest.raises(roles.LoginRefused):  # a recovery code works once
        signin.authenticate(project, "nour", PASSWORD, code=codes[0], now=at(120))
    assert verify_project(project).ok

    signin.disable_two_factor(project, "nour", actor="cli:root")
    assert not get_user(project, "nour").two_factor
    assert signin.authenticate(project, "nour", PASSWORD, now=at(150)).username == "nour"
    assert verify_project(project).ok


def test_a_secret_swapped_behind_factfinders_back_is_caught(project: Project) -> None:
    from sqlalchemy import text

    add_user(project, "omar", PASSWORD, "viewer")
    setup = signin.begin_two_factor(project, "omar")
    signin.confirm_two_factor(project, "omar", pyotp.TOTP(setup.secret).at(T0), now=T0)
    with project.engine.begin() as conn:
        conn.execute(
            text("UPDATE users SET totp_secret = :s WHERE username = 'omar'"),
            {"s": pyotp.random_base32()},
        )
        conn.execute(text("UPDATE recovery_codes SET code_hash = 'sha256:00' WHERE id = 1"))
    report = verify_project(project)
    assert [(p.code, p.table) for p in report.problems] == [("user.altered", "users")]
    assert "two-factor secret, recovery codes" in report.problems[0].message


def test_an_account_required_to_enrol_reaches_only_its_account_page(app: FastAPI) -> None:
    project = app.state.project
    user = signin.require_two_factor(project, "viewer", actor="user:admin")
    assert user.must_enrol
    viewer = session_browser(app, "viewer")
    assert viewer.client.get("/").headers["location"] == "/account"
    assert viewer.client.get("/api/v1/items").status_code == 403
    page = viewer.client.get("/account")
    assert page.status_code == 200 and "Required for this account" in page.text
    started = viewer.form("/account/2fa/start")
    secret = started.text.split('id="totp-secret">')[1].split("<")[0]  # type: ignore[attr-defined]
    done = viewer.form("/account/2fa/confirm", {"code": pyotp.TOTP(secret).now()})
    assert 'id="recovery-codes"' in done.text  # type: ignore[attr-defined]
    assert viewer.client.get("/").status_code == 200
    admin = session_browser(app, "admin")
    assert "on (required)" in admin.client.get("/admin/users").text
    assert verify_project(project).ok
