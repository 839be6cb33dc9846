"""Who may do what: roles, their permissions, and the account, session and token values the
access services hand out.

Roles and what they may do (`ROLE_PERMISSIONS`):

    admin         everything, including managing accounts
    investigator  read (restricted data too), comment, review claims, ingest, decide on
                  incidents, start extraction and linking runs, mark data restricted
    analyst       read (restricted data too), comment, review claims
    viewer        read what is not restricted

Secrets at rest: passwords as argon2id hashes (argon2-cffi); session cookies and API tokens are
random 256-bit values stored only as SHA-256 digests (they are not guessable, so a slow hash
would only slow every request down).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from factfinder.errors import PermissionDenied
from factfinder.subjects import user_subject

ROLES = ("admin", "investigator", "analyst", "viewer")
MIN_PASSWORD = 10
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
        return user_subject(self.username)

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


def secret_digest(secret: str) -> str:
    """How a session cookie or an API token is stored: the hex SHA-256 of the secret."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()
