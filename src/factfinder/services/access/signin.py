"""Signing in: the password check with its throttle, and two-factor sign-in (TOTP).

The throttle counts atomically. Before a password is checked, one short write transaction
(serialised: `BEGIN IMMEDIATE` on SQLite, an advisory lock on PostgreSQL) reads the recent
failures of the account and of the address and, if the try may go ahead, records it as a
failure; a try that succeeds is then marked so. However many wrong passwords arrive at once,
each is counted before the next is looked at. Failures slow further tries down
(`ThrottlePolicy.delay`: per account and per address, doubling, capped at seconds for an
account); they never lock an account, and a browser already signed in keeps its session.

Two-factor sign-in (RFC 6238 TOTP, 30-second steps, ±1 step of clock drift; `pyotp`) is open
to every role: `begin_two_factor` makes a secret (kept pending until a code from the
authenticator confirms it), `confirm_two_factor` turns it on and returns ten one-time recovery
codes (shown once, stored hashed), `disable_two_factor` turns it off, and an admin may
`require_two_factor` of an account. A code is good once (the last accepted step is kept). Each
change is ledgered (`user.totp`, `user.totp-off`, `user.require-2fa`, `user.recovery-used`),
binding the secret and the recovery codes by digest only.
"""

from __future__ import annotations

import datetime as dt
import hmac
import secrets
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select, update

from factfinder.errors import Conflict, InvalidRecord
from factfinder.services.access.integrity import password_digest, recovery_digest
from factfinder.services.access.passwords import (
    check_password,
    hash_password,
    needs_rehash,
    spend_as_a_check,
)
from factfinder.services.access.queries import to_user, user_row
from factfinder.services.access.roles import LoginRefused, LoginThrottled, ThrottlePolicy, User
from factfinder.services.project import Project
from factfinder.store.schema_users import login_attempts, recovery_codes, users
from factfinder.subjects import user_subject
from factfinder.vault.hashing import sha256_text
from factfinder.vault.ledger import format_time, parse_time, utc_now

STEP_SECONDS = 30
RECOVERY_CODES = 10
ISSUER = "factfinder"
# Names the PostgreSQL advisory lock that serialises the throttle's bookkeeping.
_PG_LOGIN_LOCK = 0x46_46_4C_47  # "FFLG"


class SecondFactorNeeded(LoginRefused):
    """The password was right; this account also needs a code from its authenticator."""


@dataclass(frozen=True, slots=True)
class TwoFactorSetup:
    """A secret being enrolled: to type into an authenticator app, or as an `otpauth://` URI
    (what a QR code would carry)."""

    username: str
    secret: str
    uri: str


def authenticate(
    project: Project,
    username: str,
    password: str,
    *,
    code: str = "",
    remote: str = "",
    policy: ThrottlePolicy | None = None,
    now: dt.datetime | None = None,
) -> User:
    """The user whose name and password (and, if enrolled, two-factor or recovery code) these
    are.

    Raises `LoginThrottled` (without checking the password) when the account or the address
    must wait after its recent failures, `SecondFactorNeeded` when the password is right but a
    code is missing, else `LoginRefused` on any mismatch.
    """
    pol = policy or ThrottlePolicy()
    moment = now or utc_now()
    name = username.strip().lower()[:64]
    where = (remote or "-")[:64]
    attempt, row = _reserve(project, name, where, pol, moment)
    ok = False
    if row is not None:
        ok = check_password(row.password_hash, password) and bool(row.active)
    else:
        spend_as_a_check(password)
    if ok and row is not None and row.totp_secret:
        if not code.strip():
            raise SecondFactorNeeded(
                "this account signs in with a two-factor code too: enter the code your "
                "authenticator shows (or a recovery code)"
            )
        ok = _second_factor(project, row, code, moment)
    if not ok or row is None:
        raise LoginRefused(
            "wrong user name, password or two-factor code"
            if code.strip()
            else "wrong user name or password"
        )
    with project.transaction() as tx:
        tx.conn.execute(
            update(login_attempts).where(login_attempts.c.id == attempt).values(ok=True)
        )
        if needs_rehash(row.password_hash):
            rehashed = hash_password(password)
            tx.append_ledger(
                "user.rehash",
                {"username": row.username, "password": password_digest(rehashed)},
                subject=user_subject(row.username),
            )
            tx.conn.execute(
                update(users).where(users.c.id == row.id).values(password_hash=rehashed)
            )
    return to_user(row)


def _reserve(
    project: Project, name: str, where: str, pol: ThrottlePolicy, moment: dt.datetime
) -> tuple[int, Any]:
    """Count this try before its password is checked: (its `login_attempts` id, the account's
    row or None). Raises `LoginThrottled` when it came too early (then nothing is written)."""
    since = format_time(moment - pol.window)
    a = login_attempts.c
    with project.transaction() as tx:
        conn = tx.conn
        if conn.dialect.name == "postgresql":
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_PG_LOGIN_LOCK})")
        for column, value, per_remote in ((a.username, name, False), (a.remote, where, True)):
            count, latest = conn.execute(
                select(func.count(), func.max(a.at)).where(
                    column == value, a.ok.is_(False), a.at >= since
                )
            ).one()
            wait = pol.delay(int(count), per_remote)
            if latest is not None and wait:
                ready = parse_time(latest) + wait
                if ready > moment:
                    seconds = max(1, int((ready - moment).total_seconds() + 0.999))
                    whom = "this address" if per_remote else "this account"
                    raise LoginThrottled(
                        f"too many failed logins for {whom}; try again in {seconds} s", seconds
                    )
        attempt = conn.execute(
            insert(login_attempts).values(
                username=name, remote=where, at=format_time(moment), ok=False
            )
        ).inserted_primary_key
        row = conn.execute(select(users).where(users.c.username == name)).first()
    assert attempt is not None
    return int(attempt[0]), row


def _second_factor(project: Project, row: Any, code: str, moment: dt.datetime) -> bool:
    """Accept a current TOTP code not used before, or an unused recovery code."""
    import pyotp

    given = "".join(code.split())
    with project.transaction() as tx:
        current = tx.conn.execute(
            select(users.c.totp_secret, users.c.totp_step).where(users.c.id == row.id)
        ).one()
        if current.totp_secret is None:
            return False
        if given.isdigit() and len(given) == 6:
            totp = pyotp.TOTP(current.totp_secret)
            step = int(moment.timestamp()) // STEP_SECONDS
            for s in (step - 1, step, step + 1):
                fresh = current.totp_step is None or s > current.totp_step
                if fresh and hmac.compare_digest(totp.at(s * STEP_SECONDS), given):
                    tx.conn.execute(update(users).where(users.c.id == row.id).values(totp_step=s))
                    return True
            return False
        found = tx.conn.execute(
            select(recovery_codes.c.id).where(
                recovery_codes.c.user_id == row.id,
                recovery_codes.c.code_hash == _code_hash(given),
                recovery_codes.c.used_at.is_(None),
            )
        ).first()
        if found is None:
            return False
        tx.append_ledger(
            "user.recovery-used",
            {"username": row.username, "code": int(found.id)},
            subject=user_subject(row.username),
        )
        tx.conn.execute(
            update(recovery_codes).where(recovery_codes.c.id == found.id).values(used_at=tx.now)
        )
        return True


def _code_hash(code: str) -> str:
    return sha256_text(code.strip().lower().replace("-", ""))


def _recovery_codes() -> list[str]:
    out = []
    for _ in range(RECOVERY_CODES):
        raw = secrets.token_hex(5)
        out.append(f"{raw[:5]}-{raw[5:]}")
    return out


# -- enrolment ------------------------------------------------------------------------------


def begin_two_factor(project: Project, username: str) -> TwoFactorSetup:
    """Make a new secret for `username`, pending until `confirm_two_factor` (nothing is in force
    yet, so nothing is ledgered). `Conflict` when two-factor is already on."""
    import pyotp

    secret = pyotp.random_base32()
    with project.transaction() as tx:
        row = user_row(tx.conn, username)
        if row.totp_secret:
            raise Conflict(f"two-factor sign-in is already on for {row.username!r}")
        tx.conn.execute(update(users).where(users.c.id == row.id).values(totp_pending=secret))
    uri = pyotp.TOTP(secret).provisioning_uri(name=row.username, issuer_name=ISSUER)
    return TwoFactorSetup(row.username, secret, uri)


def confirm_two_factor(
    project: Project,
    username: str,
    code: str,
    *,
    actor: str | None = None,
    now: dt.datetime | None = None,
) -> list[str]:
    """Turn two-factor sign-in on once `code` proves the authenticator holds the pending
    secret; returns the recovery codes (shown once). `InvalidRecord` on a wrong code."""
    import pyotp

    moment = now or utc_now()
    with project.transaction(actor) as tx:
        row = user_row(tx.conn, username)
        if not row.totp_pending:
            raise InvalidRecord(f"no two-factor enrolment is under way for {row.username!r}")
        step = int(moment.timestamp()) // STEP_SECONDS
        totp = pyotp.TOTP(row.totp_pending)
        given = "".join(code.split())
        matched = [
            s
            for s in (step - 1, step, step + 1)
            if hmac.compare_digest(totp.at(s * STEP_SECONDS), given)
        ]
        if not matched:
            raise InvalidRecord("the code does not match: check the authenticator's clock")
        codes = _recovery_codes()
        hashes = [_code_hash(c) for c in codes]
        tx.append_ledger(
            "user.totp",
            {
                "username": row.username,
                "secret": sha256_text(row.totp_pending),
                "recovery": recovery_digest(hashes),
            },
            subject=user_subject(row.username),
        )
        tx.conn.execute(delete(recovery_codes).where(recovery_codes.c.user_id == row.id))
        tx.conn.execute(
            insert(recovery_codes),
            [{"user_id": row.id, "code_hash": h, "created_at": tx.now} for h in hashes],
        )
        tx.conn.execute(
            update(users)
            .where(users.c.id == row.id)
            .values(
                totp_secret=row.totp_pending,
                totp_pending=None,
                totp_step=matched[-1],
                updated_at=tx.now,
            )
        )
    return codes


def disable_two_factor(project: Project, username: str, *, actor: str | None = None) -> None:
    """Turn two-factor sign-in off (a lost authenticator and no recovery code: an admin)."""
    with project.transaction(actor) as tx:
        row = user_row(tx.conn, username)
        if not row.totp_secret:
            raise Conflict(f"two-factor sign-in is not on for {row.username!r}")
        tx.append_ledger(
            "user.totp-off", {"username": row.username}, subject=user_subject(row.username)
        )
        tx.conn.execute(delete(recovery_codes).where(recovery_codes.c.user_id == row.id))
        tx.conn.execute(
            update(users)
            .where(users.c.id == row.id)
            .values(totp_secret=None, totp_pending=None, totp_step=None, updated_at=tx.now)
        )


def require_two_factor(
    project: Project, username: str, required: bool = True, *, actor: str | None = None
) -> User:
    """An admin requires (or stops requiring) two-factor sign-in of an account: until it is set
    up, the account can reach nothing but its own enrolment page."""
    with project.transaction(actor) as tx:
        row = user_row(tx.conn, username)
        tx.append_ledger(
            "user.require-2fa",
            {"username": row.username, "required": required},
            subject=user_subject(row.username),
        )
        tx.conn.execute(
            update(users)
            .where(users.c.id == row.id)
            .values(require_2fa=required, updated_at=tx.now)
        )
        return to_user(tx.conn.execute(select(users).where(users.c.id == row.id)).one())


def recovery_codes_left(conn: Connection, user_id: int) -> int:
    return int(
        conn.execute(
            select(func.count()).where(
                recovery_codes.c.user_id == user_id, recovery_codes.c.used_at.is_(None)
            )
        ).scalar_one()
    )
