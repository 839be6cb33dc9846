"""The `factfinder user` commands end to end (in process): accounts, roles, passwords, two-factor
sign-in and API tokens, each change visible through the services, and bad input named in one
line (exit 1) with the account left as it was."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pyotp
import pytest

from cli_helpers import ff
from factfinder.services import Project
from factfinder.services.access import signin
from factfinder.services.access.commands import add_user
from factfinder.services.access.queries import get_user, list_tokens

PASSWORD = "correct horse battery"
SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


@pytest.fixture
def amal(project: Project, monkeypatch: pytest.MonkeyPatch) -> Project:
    """A project with the analyst `amal`, her password given through the environment."""
    monkeypatch.setenv("FACTFINDER_PASSWORD", PASSWORD)
    code, _, err = ff("user", "add", "amal", "--role", "analyst", "-p", project.root)
    assert (code, err.strip()) == (0, "added amal (analyst)")
    monkeypatch.delenv("FACTFINDER_PASSWORD")
    return project


@pytest.fixture(scope="module")
def amal_once(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Project]:
    """The same on SQLite, made once for the tests that must leave it as it is."""
    project = Project.init(tmp_path_factory.mktemp("users") / "p")
    add_user(project, "amal", PASSWORD, "analyst")
    try:
        yield project
    finally:
        project.close()


def _listed(project: Project) -> dict[str, dict[str, object]]:
    code, out, err = ff("user", "list", "--json", "-p", project.root)
    assert code == 0, err
    return {u["username"]: u for u in json.loads(out)}


def test_an_account_is_listed_as_json_and_as_a_table(amal: Project) -> None:
    listed = _listed(amal)
    assert list(listed) == ["amal"]
    assert {k: listed["amal"][k] for k in ("role", "active", "two_factor", "require_2fa")} == {
        "role": "analyst",
        "active": True,
        "two_factor": False,
        "require_2fa": False,
    }
    code, out, _ = ff("user", "list", "-p", amal.root)
    assert code == 0 and "amal" in out and "analyst" in out and "off" in out


def test_role_password_and_disabling(amal: Project) -> None:
    assert ff("user", "role", "amal", "investigator", "-p", amal.root)[2].strip() == (
        "amal is now investigator"
    )
    assert get_user(amal, "amal").role == "investigator"
    new = "another long passphrase"
    code, _, err = ff("user", "passwd", "amal", "--password", new, "-p", amal.root)
    assert (code, err.strip()) == (0, "password of amal changed")
    assert signin.authenticate(amal, "amal", new).username == "amal"
    assert ff("user", "disable", "amal", "-p", amal.root)[2].strip() == "amal disabled"
    assert _listed(amal)["amal"]["active"] is False
    assert ff("user", "enable", "amal", "-p", amal.root)[2].strip() == "amal enabled"
    assert _listed(amal)["amal"]["active"] is True


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["role", "amal", "overlord"], "role 'overlord' is not one of admin, investigator"),
        (["role", "nobody", "viewer"], "no user 'nobody'"),
        (["passwd", "amal", "--password", "short"], "a password needs at least 10 characters"),
        (["add", "Bad Name!", "--role", "viewer", "--password", PASSWORD], "user name 'Bad Name!'"),
        (["add", "amal", "--role", "viewer", "--password", PASSWORD], "user 'amal' already exists"),
        (["disable", "nobody"], "no user 'nobody'"),
        (["token", "amal", "--revoke", "99"], "no API token 99"),
    ],
)
def test_bad_input_is_named_and_changes_nothing(
    amal_once: Project, args: list[str], message: str
) -> None:
    amal = amal_once
    before = _listed(amal)
    code, out, err = ff("user", *args, "-p", amal.root)
    assert (code, out) == (1, "")
    assert err.startswith("error ") and message in err
    assert _listed(amal) == before
    assert signin.authenticate(amal, "amal", PASSWORD).role == "analyst"


def test_two_factor_on_required_and_off(amal: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pyotp, "random_base32", lambda: SECRET)
    code, out, err = ff("user", "2fa", "amal", "--code", "000000", "-p", amal.root)
    if pyotp.TOTP(SECRET).verify("000000", valid_window=1):  # pragma: no cover - 1 in 333,333
        pytest.skip("the wrong code drawn is the right one")
    assert code == 1 and "the code does not match" in err
    assert _listed(amal)["amal"]["two_factor"] is False
    code, out, err = ff("user", "2fa", "amal", "--code", pyotp.TOTP(SECRET).now(), "-p", amal.root)
    assert code == 0, err
    assert f"key for amal: {SECRET}" in err and "otpauth://totp/" in err
    recovery = out.split()
    assert len(recovery) >= 8 and len(set(recovery)) == len(recovery)
    assert _listed(amal)["amal"]["two_factor"] is True
    # A recovery code is a second factor that works once.
    assert signin.authenticate(amal, "amal", PASSWORD, code=recovery[0]).username == "amal"
    code, _, err = ff("user", "2fa", "amal", "--code", "123456", "-p", amal.root)
    assert code == 1 and "two-factor sign-in is already on for 'amal'" in err

    code, _, err = ff("user", "require-2fa", "amal", "-p", amal.root)
    assert (code, err.strip()) == (0, "two-factor sign-in is required of amal")
    assert _listed(amal)["amal"]["require_2fa"] is True
    code, _, err = ff("user", "require-2fa", "amal", "--off", "-p", amal.root)
    assert (code, err.strip()) == (0, "two-factor sign-in is not required of amal")
    code, _, err = ff("user", "2fa-off", "amal", "-p", amal.root)
    assert (code, err.strip()) == (0, "two-factor sign-in is off for amal")
    assert _listed(amal)["amal"]["two_factor"] is False
    assert signin.authenticate(amal, "amal", PASSWORD).username == "amal"


def test_a_token_is_printed_once_listed_and_revoked(amal: Project) -> None:
    code, out, err = ff("user", "token", "amal", "--name", "ci", "--days", "3", "-p", amal.root)
    assert code == 0, err
    secret = out.strip()
    (token,) = list_tokens(amal, "amal")
    assert f"token {token.id} for amal (ci); it is not shown again:" in err
    assert secret.startswith(token.prefix) and len(secret) > len(token.prefix)
    code, out, _ = ff("user", "token", "amal", "--list", "-p", amal.root)
    # Columns: id, name, prefix, created, state (the console expands the tabs).
    assert code == 0 and out.split()[:2] == [str(token.id), "ci"] and out.split()[-1] == "live"
    code, _, err = ff("user", "token", "amal", "--revoke", token.id, "-p", amal.root)
    assert (code, err.strip()) == (0, f"token {token.id} revoked")
    assert list_tokens(amal, "amal")[0].revoked_at is not None
    code, out, _ = ff("user", "token", "amal", "--list", "-p", amal.root)
    assert out.split()[-2] == "revoked"
