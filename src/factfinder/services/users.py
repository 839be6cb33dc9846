"""Accounts, roles, browser sessions, API tokens and login throttling — the use cases behind
`factfinder user …` and the web app's sign-in.

Roles and what they may do (`ROLE_PERMISSIONS`):

    admin         everything, including managing accounts
    investigator  read (restricted data too), comment, review claims, ingest, decide on
                  incidents, start extraction and linking runs, mark data restricted
    analyst       read (restricted data too), comment, review claims
    viewer        read what is not restricted

Ledger entries (`subject` = `user:<username>`): `user.add`, `user.role`, `user.passwd`,
`user.active`, `user.token` and `user.revoke` — each binds the account and what changed, never a
password or a token. Browser sessions and login attempts are operational state, not part of the
record, and are not ledgered.

Secrets at rest: passwords as argon2id hashes (argon2-cffi); session cookies and API tokens are
random 256-bit values stored only as SHA-256 digests (they are not guessable, so a slow hash
would only slow every request down).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import re
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, delete, func, insert, select, update

from factfinder.errors import Conflict, InvalidRecord, NotFound, PermissionDenied
from factfinder.services.project import Project
from factfinder.store.schema_users import api_tokens, login_attempts, users, web_sessions
from factfinder.vault.ledger import format_time, utc_now

if TYPE_CHECKING:
    from argon2 import PasswordHasher

ROLES = ("admin", "investigator", "analyst", "viewer")
MIN_PASSWORD = 10
_USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,62}$")
TOKEN_PREFIX = "fft_"


class Permission(StrEnum):
    READ = "read"
    READ_RESTRICTED = "read_restricted"
    COMMENT = "comment"
    REVIEW = "review"
    INGEST = "ingest"
    DECIDE = "decide"
    RUN = "run"
    RESTRICT = "restrict"
    MANAGE_USERS = "manage_users"


_ANALYST = frozenset(
    {Permission.READ, Permission.READ_RESTRICTED, Permission.COMMENT, Permission.REVIEW}
)
_INVESTIGATOR = _ANALYST | {
    Permission.INGEST,
    Permission.DECIDE,
    Permission.RUN,
    Permission.RESTRICT,
}
ROLE_PERMISSIONS: Mapping[str, frozenset[Permission]] = {
    "admin": frozenset(Permission),
    "investigator": frozenset(_INVESTIGATOR),
    "analyst": _ANALYST,
    "viewer": frozenset({Permission.READ}),
}


class LoginRefused(PermissionDenied):
    """Wrong user name or password, or a disabled account (the message does not say which)."""


class LoginThrottled(LoginRefused):
    """Too many failed logins for this account or address; `retry_after` is in seconds."""

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after


@dataclass(frozen=True, slots=True)
class User:
    id: int
    username: str
    display_name: str | None
    role: str
    active: bool
    created_at: str

    @property
    def actor(self) -> str:
        """How this user appears in the ledger."""
        return f"user:{self.username}"

    @property
    def permissions(self) -> frozenset[Permission]:
        return ROLE_PERMISSIONS.get(self.role, frozenset())

    def can(self, permission: Permission) -> bool:
        return permission in self.permissions

    def require(self, permission: Permission) -> None:
        """Raise `PermissionDenied` unless this user's role grants `permission`."""
        if not self.can(permission):
            raise PermissionDenied(
                f"the {self.role} role may not {permission.value.replace('_', ' ')}"
            )


@dataclass(frozen=True, slots=True)
class Session:
    """A signed-in browser: the user and the CSRF token its forms must carry."""

    user: User
    csrf_token: str
    expires_at: str


@dataclass(frozen=True, slots=True)
class ApiToken:
    id: int
    username: str
    name: str
    prefix: str
    created_at: str
    expires_at: str | None
    revoked_at: str | None


@dataclass(frozen=True, slots=True)
class ThrottlePolicy:
    """At most `max_failures` failed logins per account, and `max_failures_per_remote` per
    client address, within `window`; further attempts are refused until the window passes."""

    max_failures: int = 5
    max_failures_per_remote: int = 20
    window: dt.timedelta = dt.timedelta(minutes=15)


@lru_cache(maxsize=1)
def _hasher() -> PasswordHasher:
    from argon2 import PasswordHasher

    return PasswordHasher()


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def _user(row: Any) -> User:
    return User(
        int(row.id), row.username, row.display_name, row.role, bool(row.active), row.created_at
    )


def _check_username(username: str) -> str:
    name = username.strip().lower()
    if not _USERNAME.match(name):
        raise InvalidRecord(
            f"user name {username!r}: use 2–63 lower-case letters, digits, '.', "
            "'_' or '-', starting with a letter or digit"
        )
    return name


def _check_role(role: str) -> str:
    if role not in ROLES:
        raise InvalidRecord(f"role {role!r} is not one of {', '.join(ROLES)}")
    return role


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise InvalidRecord(f"a password needs at least {MIN_PASSWORD} characters")


def _find(conn: Connection, username: str) -> Any:
    row = conn.execute(select(users).where(users.c.username == username.strip().lower())).first()
    if row is None:
        raise NotFound(f"no user {username!r}")
    return row


# -- accounts -------------------------------------------------------------------------------


def add_user(
    project: Project,
    username: str,
    password: str,
    role: str,
    *,
    display_name: str | None = None,
    actor: str | None = None,
) -> User:
    """Create an account; `Conflict` when the name is taken."""
    name = _check_username(username)
    _check_role(role)
    _check_password(password)
    hashed = _hasher().hash(password)
    with project.transaction(actor) as tx:
        if tx.conn.execute(select(users.c.id).where(users.c.username == name)).first():
            raise Conflict(f"user {name!r} already exists")
        tx.append_ledger(
            "user.add",
            {"username": name, "role": role, "display_name": display_name},
            subject=f"user:{name}",
        )
        new_id = tx.conn.execute(
            insert(users).values(
                username=name,
                display_name=display_name,
                role=role,
                password_hash=hashed,
                active=True,
                created_at=tx.now,
                updated_at=tx.now,
            )
        ).inserted_primary_key[0]  # type: ignore[index]
        row = tx.conn.execute(select(users).where(users.c.id == new_id)).one()
    return _user(row)


def get_user(project: Project, username: str) -> User:
    with project.read() as conn:
        return _user(_find(conn, username))


def list_users(project: Project) -> list[User]:
    with project.read() as conn:
        return [_user(r) for r in conn.execute(select(users).order_by(users.c.username))]


def count_users(project: Project) -> int:
    with project.read() as conn:
        return int(conn.execute(select(func.count()).select_from(users)).scalar_one())


def set_password(
    project: Project, username: str, password: str, *, actor: str | None = None
) -> None:
    """Change a password; every browser session of that account ends."""
    _check_password(password)
    hashed = _hasher().hash(password)
    with project.transaction(actor) as tx:
        row = _find(tx.conn, username)
        tx.append_ledger("user.passwd", {"username": row.username}, subject=f"user:{row.username}")
        tx.conn.execute(
            update(users)
            .where(users.c.id == row.id)
            .values(password_hash=hashed, updated_at=tx.now)
        )
        tx.conn.execute(delete(web_sessions).where(web_sessions.c.user_id == row.id))


def set_role(project: Project, username: str, role: str, *, actor: str | None = None) -> User:
    _check_role(role)
    with project.transaction(actor) as tx:
        row = _find(tx.conn, username)
        tx.append_ledger(
            "user.role",
            {"username": row.username, "role": role, "previous": row.role},
            subject=f"user:{row.username}",
        )
        tx.conn.execute(
            update(users).where(users.c.id == row.id).values(role=role, updated_at=tx.now)
        )
        return _user(tx.conn.execute(select(users).where(users.c.id == row.id)).one())


def set_active(project: Project, username: str, active: bool, *, actor: str | None = None) -> User:
    """Enable or disable an account; disabling ends its sessions and refuses its tokens."""
    with project.transaction(actor) as tx:
        row = _find(tx.conn, username)
        tx.append_ledger(
            "user.active",
            {"username": row.username, "active": active},
            subject=f"user:{row.username}",
        )
        tx.conn.execute(
            update(users).where(users.c.id == row.id).values(active=active, updated_at=tx.now)
        )
        if not active:
            tx.conn.execute(delete(web_sessions).where(web_sessions.c.user_id == row.id))
        return _user(tx.conn.execute(select(users).where(users.c.id == row.id)).one())


# -- signing in -----------------------------------------------------------------------------


def authenticate(
    project: Project,
    username: str,
    password: str,
    *,
    remote: str = "",
    policy: ThrottlePolicy | None = None,
    now: dt.datetime | None = None,
) -> User:
    """The user whose name and password these are.

    Raises `LoginThrottled` (without checking the password) when the account or the address
    has had too many failures lately, else `LoginRefused` on any mismatch. Every attempt is
    recorded for the throttle.
    """
    from argon2.exceptions import InvalidHashError, VerificationError

    pol = policy or ThrottlePolicy()
    moment = now or utc_now()
    name = username.strip().lower()[:64]
    where = (remote or "-")[:64]
    since = format_time(moment - pol.window)
    with project.read() as conn:
        a = login_attempts.c
        by_name = conn.execute(
            select(func.count(), func.min(a.at)).where(
                a.username == name, a.ok.is_(False), a.at >= since
            )
        ).one()
        by_remote = conn.execute(
            select(func.count(), func.min(a.at)).where(
                a.remote == where, a.ok.is_(False), a.at >= since
            )
        ).one()
        row = conn.execute(select(users).where(users.c.username == name)).first()
    for (count, first), limit in (
        (by_name, pol.max_failures),
        (by_remote, pol.max_failures_per_remote),
    ):
        if count >= limit:
            first_at = dt.datetime.fromisoformat(first.replace("Z", "+00:00"))
            wait = max(1, int((first_at + pol.window - moment).total_seconds()) + 1)
            raise LoginThrottled(f"too many failed logins; try again in {wait} s", wait)
    ok = False
    if row is not None:
        try:
            ok = _hasher().verify(row.password_hash, password) and bool(row.active)
        except (VerificationError, InvalidHashError):
            ok = False
    else:
        # Spend the same time as a real check so the answer does not reveal which names exist.
        _dummy_verify(password)
    with project.transaction() as tx:
        tx.conn.execute(
            insert(login_attempts).values(
                username=name, remote=where, at=format_time(moment), ok=ok
            )
        )
        if ok and row is not None and _hasher().check_needs_rehash(row.password_hash):
            tx.conn.execute(
                update(users)
                .where(users.c.id == row.id)
                .values(password_hash=_hasher().hash(password))
            )
    if not ok or row is None:
        raise LoginRefused("wrong user name or password")
    return _user(row)


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    return _hasher().hash(secrets.token_hex(16))


def _dummy_verify(password: str) -> None:
    from argon2.exceptions import VerificationError

    with contextlib.suppress(VerificationError):
        _hasher().verify(_dummy_hash(), password)


def create_session(
    project: Project, user: User, *, lifetime: dt.timedelta = dt.timedelta(hours=12)
) -> tuple[str, Session]:
    """A new browser session: (the cookie value to hand out, the session)."""
    cookie = secrets.token_urlsafe(32)
    csrf = secrets.token_urlsafe(32)
    now = utc_now()
    expires = format_time(now + lifetime)
    with project.transaction() as tx:
        # Old sessions are swept here rather than by a timer: there is no background worker.
        tx.conn.execute(delete(web_sessions).where(web_sessions.c.expires_at < format_time(now)))
        tx.conn.execute(
            insert(web_sessions).values(
                id=_digest(cookie),
                user_id=user.id,
                csrf_token=csrf,
                created_at=format_time(now),
                expires_at=expires,
            )
        )
    return cookie, Session(user, csrf, expires)


def session_for(project: Project, cookie: str) -> Session | None:
    """The live session of an active account this cookie value opens, else None."""
    if not cookie or len(cookie) > 200:
        return None
    now = format_time(utc_now())
    with project.read() as conn:
        row = conn.execute(
            select(users, web_sessions.c.csrf_token, web_sessions.c.expires_at)
            .select_from(web_sessions.join(users, users.c.id == web_sessions.c.user_id))
            .where(
                web_sessions.c.id == _digest(cookie),
                web_sessions.c.expires_at > now,
                users.c.active.is_(True),
            )
        ).first()
    if row is None:
        return None
    return Session(_user(row), row.csrf_token, row.expires_at)


def end_session(project: Project, cookie: str) -> None:
    with project.transaction() as tx:
        tx.conn.execute(delete(web_sessions).where(web_sessions.c.id == _digest(cookie)))


# -- API tokens -----------------------------------------------------------------------------


def _token(row: Any) -> ApiToken:
    return ApiToken(
        int(row.id),
        row.username,
        row.name,
        row.prefix,
        row.created_at,
        row.expires_at,
        row.revoked_at,
    )


def create_token(
    project: Project,
    username: str,
    name: str,
    *,
    lifetime: dt.timedelta | None = None,
    actor: str | None = None,
) -> tuple[str, ApiToken]:
    """A new API token for `username`: (the token — shown once, never stored — , its record)."""
    label = name.strip() or "token"
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    prefix = secret[:10]
    with project.transaction(actor) as tx:
        row = _find(tx.conn, username)
        expires = format_time(utc_now() + lifetime) if lifetime else None
        token_id = tx.conn.execute(
            insert(api_tokens).values(
                user_id=row.id,
                name=label,
                prefix=prefix,
                token_hash="sha256:" + _digest(secret),
                created_at=tx.now,
                expires_at=expires,
            )
        ).inserted_primary_key[0]  # type: ignore[index]
        tx.append_ledger(
            "user.token",
            {
                "username": row.username,
                "token": int(token_id),
                "name": label,
                "prefix": prefix,
                "expires_at": expires,
            },
            subject=f"user:{row.username}",
        )
    return secret, ApiToken(int(token_id), row.username, label, prefix, tx.now, expires, None)


def list_tokens(project: Project, username: str | None = None) -> list[ApiToken]:
    query = (
        select(api_tokens, users.c.username)
        .select_from(api_tokens.join(users, users.c.id == api_tokens.c.user_id))
        .order_by(api_tokens.c.id)
    )
    if username is not None:
        query = query.where(users.c.username == username.strip().lower())
    with project.read() as conn:
        return [_token(r) for r in conn.execute(query)]


def revoke_token(project: Project, token_id: int, *, actor: str | None = None) -> ApiToken:
    with project.transaction(actor) as tx:
        row = tx.conn.execute(
            select(api_tokens, users.c.username)
            .select_from(api_tokens.join(users, users.c.id == api_tokens.c.user_id))
            .where(api_tokens.c.id == token_id)
        ).first()
        if row is None:
            raise NotFound(f"no API token {token_id}")
        if row.revoked_at is None:
            tx.append_ledger(
                "user.revoke",
                {"username": row.username, "token": token_id},
                subject=f"user:{row.username}",
            )
            tx.conn.execute(
                update(api_tokens).where(api_tokens.c.id == token_id).values(revoked_at=tx.now)
            )
        row = tx.conn.execute(
            select(api_tokens, users.c.username)
            .select_from(api_tokens.join(users, users.c.id == api_tokens.c.user_id))
            .where(api_tokens.c.id == token_id)
        ).one()
    return _token(row)


def token_user(project: Project, token: str) -> User | None:
    """The active account a live (not revoked, not expired) token belongs to, else None."""
    if not token.startswith(TOKEN_PREFIX) or len(token) > 200:
        return None
    now = format_time(utc_now())
    t = api_tokens.c
    with project.read() as conn:
        row = conn.execute(
            select(users)
            .select_from(api_tokens.join(users, users.c.id == t.user_id))
            .where(
                t.token_hash == "sha256:" + _digest(token),
                t.revoked_at.is_(None),
                users.c.active.is_(True),
                (t.expires_at.is_(None)) | (t.expires_at > now),
            )
        ).first()
    return _user(row) if row is not None else None
