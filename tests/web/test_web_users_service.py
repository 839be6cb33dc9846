"""Accounts, sessions, tokens, throttling (a slow-down, counted atomically) and restriction marks at the service level, on both
database backends."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from factfinder.errors import Conflict, InvalidRecord, NotFound, PermissionDenied
from factfinder.services import Project
from factfinder.services.access import commands as account_commands
from factfinder.services.access import queries as account_queries
from factfinder.services.access import roles
from factfinder.services.access.commands import restrict, unrestrict
from factfinder.services.access.queries import restrictions_for
from factfinder.services.access.signin import authenticate
from factfinder.vault import ledger as ledger_rows

PW = "correct horse battery"


def _entries(project: Project, kind: str) -> list[dict[str, object]]:
    with project.read() as conn:
        size = ledger_rows.head_size(conn)
        out = []
        for seq in range(size):
            e = ledger_rows.get_entry(conn, seq)
            if e is not None and e.kind == kind:
                out.append(json.loads(e.entry))
        return out


def test_accounts_are_ledgered_without_secrets(project: Project) -> None:
    user = account_commands.add_user(
        project, "Alice", PW, "analyst", display_name="Alice A.", actor="cli:root"
    )
    assert (user.username, user.role, user.active) == ("alice", "analyst", True)
    assert user.can(roles.Permission.REVIEW) and not user.can(roles.Permission.INGEST)
    with pytest.raises(Conflict):
        account_commands.add_user(project, "alice", PW, "viewer")
    with pytest.raises(InvalidRecord):
        account_commands.add_user(project, "bob", "short", "viewer")
    with pytest.raises(InvalidRecord):
        account_commands.add_user(project, "bob", PW, "superuser")
    with pytest.raises(InvalidRecord):
        account_commands.add_user(project, "../bob", PW, "viewer")
    account_commands.set_role(project, "alice", "investigator", actor="cli:root")
    account_commands.set_password(project, "alice", "another good one", actor="cli:root")
    added = _entries(project, "user.add")
    assert added[0]["actor"] == "cli:root"
    digest = added[0]["payload"].pop("password")  # binds the stored hash, not the password
    assert added[0]["payload"] == {
        "username": "alice",
        "role": "analyst",
        "display_name": "Alice A.",
    }
    assert digest.startswith("sha256:") and len(digest) == 71
    text = json.dumps(added + _entries(project, "user.passwd"))
    assert PW not in text and "argon2" not in text
    assert _entries(project, "user.role")[0]["payload"]["previous"] == "analyst"


def test_passwords_are_argon2_hashed_and_checked(project: Project) -> None:
    account_commands.add_user(project, "carol", PW, "viewer")
    from sqlalchemy import select

    from factfinder.store.schema_users import users

    with project.read() as conn:
        stored = conn.execute(select(users.c.password_hash)).scalar_one()
    assert stored.startswith("$argon2id$") and PW not in stored
    assert authenticate(project, "Carol", PW).username == "carol"
    with pytest.raises(roles.LoginRefused):
        authenticate(project, "carol", PW + "x")
    with pytest.raises(roles.LoginRefused):
        authenticate(project, "nobody", PW)
    account_commands.set_active(project, "carol", False)
    with pytest.raises(roles.LoginRefused):
        authenticate(project, "carol", PW)


T0 = dt.datetime(2026, 1, 1, 12, 0, tzinfo=dt.UTC)
POLICY = roles.ThrottlePolicy(
    max_failures=3,
    max_failures_per_remote=5,
    window=dt.timedelta(minutes=10),
    first_delay=dt.timedelta(seconds=2),
    max_delay=dt.timedelta(seconds=30),
    max_delay_per_remote=dt.timedelta(minutes=5),
)


def _try(project: Project, name: str, password: str, at: float, remote: str = "10.0.0.1") -> None:
    authenticate(
        project, name, password, remote=remote, policy=POLICY, now=T0 + dt.timedelta(seconds=at)
    )


def test_failures_slow_an_account_down_but_never_lock_it(project: Project) -> None:
    account_commands.add_user(project, "dave", PW, "viewer")
    for i in range(3):  # the free tries
        with pytest.raises(roles.LoginRefused) as info:
            _try(project, "dave", "wrong one!", i)
        assert not isinstance(info.value, roles.LoginThrottled)
    # The fourth try must wait 2 s after the latest failure (at 2 s): at 3 s it is refused
    # without checking the password, from any address, and does not count.
    with pytest.raises(roles.LoginThrottled) as throttled:
        _try(project, "dave", PW, 3, remote="10.0.0.2")
    assert throttled.value.retry_after == 1 and isinstance(throttled.value, PermissionDenied)
    with pytest.raises(roles.LoginRefused) as info:
        _try(project, "dave", "wrong again", 4)
    assert not isinstance(info.value, roles.LoginThrottled)
    with pytest.raises(roles.LoginThrottled) as throttled:  # now 4 s after the latest failure
        _try(project, "dave", PW, 5, remote="10.0.0.2")
    assert throttled.value.retry_after == 3
    # However many failures, the wait is capped (30 s): the owner gets in soon after.
    t = 8.0
    for _ in range(6):
        with pytest.raises(roles.LoginRefused):
            _try(project, "dave", "wrong again", t, remote=f"10.1.0.{int(t)}")
        t += 31
    assert (
        authenticate(
            project, "dave", PW, remote="10.0.0.2", policy=POLICY, now=T0 + dt.timedelta(seconds=t)
        ).username
        == "dave"
    )


def test_failures_from_one_address_slow_that_address_down(project: Project) -> None:
    account_commands.add_user(project, "dave", PW, "viewer")
    for i, name in enumerate(["u1", "u2", "u3", "u4", "u5"]):
        with pytest.raises(roles.LoginRefused):
            _try(project, name, "whatever!!", i, remote="10.9.9.9")
    with pytest.raises(roles.LoginThrottled) as throttled:
        _try(project, "dave", PW, 5, remote="10.9.9.9")
    assert "this address" in str(throttled.value)
    # The account itself is not slowed down from another address.
    _try(project, "dave", PW, 5, remote="10.0.0.7")


def test_concurrent_wrong_passwords_all_count(project: Project) -> None:
    """A hundred wrong passwords at once: each is counted before the next is looked at, so
    exactly the free tries have their password checked and the rest are throttled; the argon2
    work never runs more than its slots at once."""
    from concurrent.futures import ThreadPoolExecutor

    from sqlalchemy import func, select

    from factfinder.services.access import passwords
    from factfinder.store.schema_users import login_attempts

    account_commands.add_user(project, "erin", PW, "admin")
    passwords.set_concurrency(2)

    def attempt(n: int) -> str:
        try:
            authenticate(
                project,
                "erin",
                f"guess number {n}",
                remote=f"10.2.{n // 250}.{n % 250}",
                policy=POLICY,
                now=T0,
            )
        except roles.LoginThrottled:
            return "throttled"
        except roles.LoginRefused:
            return "refused"
        return "accepted"

    with ThreadPoolExecutor(max_workers=32) as pool:
        outcomes = list(pool.map(attempt, range(100)))
    assert outcomes.count("refused") == POLICY.max_failures
    assert outcomes.count("throttled") == 100 - POLICY.max_failures
    with project.read() as conn:
        checked = conn.execute(
            select(func.count())
            .select_from(login_attempts)
            .where(login_attempts.c.username == "erin")
        ).scalar_one()
    assert checked == POLICY.max_failures
    assert 1 <= passwords.peak_concurrency() <= 2
    # The owner is slowed down (2 s after the latest failure), not locked out.
    with pytest.raises(roles.LoginThrottled):
        _try(project, "erin", PW, 1)
    assert (
        authenticate(project, "erin", PW, policy=POLICY, now=T0 + dt.timedelta(seconds=2)).username
        == "erin"
    )


def test_sessions_expire_and_end_with_a_password_change(project: Project) -> None:
    user = account_commands.add_user(project, "erin", PW, "viewer")
    cookie, session = account_commands.create_session(project, user)
    assert account_queries.session_for(project, cookie) == session
    assert account_queries.session_for(project, cookie + "x") is None
    short, _ = account_commands.create_session(project, user, lifetime=dt.timedelta(seconds=-1))
    assert account_queries.session_for(project, short) is None
    account_commands.set_password(project, "erin", "a new password")
    assert account_queries.session_for(project, cookie) is None
    cookie, _ = account_commands.create_session(project, user)
    account_commands.end_session(project, cookie)
    assert account_queries.session_for(project, cookie) is None


def test_tokens_are_stored_hashed_and_can_be_revoked(project: Project) -> None:
    account_commands.add_user(project, "frank", PW, "investigator")
    secret, info = account_commands.create_token(
        project, "frank", "nightly import", actor="cli:root"
    )
    assert secret.startswith(roles.TOKEN_PREFIX) and info.prefix == secret[:10]
    from sqlalchemy import select

    from factfinder.store.schema_users import api_tokens

    with project.read() as conn:
        stored = conn.execute(select(api_tokens.c.token_hash)).scalar_one()
    assert stored.startswith("sha256:") and secret not in stored
    assert secret not in json.dumps(_entries(project, "user.token"))
    user = account_queries.token_user(project, secret)
    assert user is not None and user.username == "frank"
    tampered = secret[:-1] + ("B" if secret.endswith("A") else "A")
    assert account_queries.token_user(project, tampered) is None
    account_commands.revoke_token(project, info.id)
    assert account_queries.token_user(project, secret) is None
    with pytest.raises(NotFound):
        account_commands.revoke_token(project, 999)
    expired, _ = account_commands.create_token(
        project, "frank", "old", lifetime=dt.timedelta(seconds=-5)
    )
    assert account_queries.token_user(project, expired) is None


def test_restriction_marks(project: Project) -> None:
    mark = restrict(
        project, "item:sha256:" + "a" * 64, "text", reason="witness statement", actor="user:ana"
    )
    assert mark.created_by == "user:ana"
    with pytest.raises(Conflict):
        restrict(project, "item:sha256:" + "a" * 64, "text", reason="again")
    with pytest.raises(InvalidRecord):
        restrict(project, "person:1", reason="x")
    with pytest.raises(InvalidRecord):
        restrict(project, "claim:1", reason="  ")
    marks = restrictions_for(project)
    assert marks.field("item:sha256:" + "a" * 64, "text")
    assert not marks.subject("item:sha256:" + "a" * 64)
    assert not marks.field("item:sha256:" + "a" * 64, "title")
    unrestrict(project, "item:sha256:" + "a" * 64, "text", reason="consent given")
    assert not restrictions_for(project).marks
    kinds = [
        e["kind"] for e in _entries(project, "restrict.mark") + _entries(project, "restrict.unmark")
    ]
    assert kinds == ["restrict.mark", "restrict.unmark"]
