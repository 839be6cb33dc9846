"""Who may do what: roles, their permissions, and the account, session and token values the
access services hand out.

Roles and what they may do (`ROLE_PERMISSIONS`):

    admin         everything, including managing accounts
    investigator  read (restricted data too), comment, review claims, ingest, decide on
                  incidents, start extraction and linking runs, mark data restricted
    analyst       read (restricted data too), comment, review claims
    viewer        read what is not restricted

Cases in the workspace: changing a case's incidents (and creating one) takes `decide`, a note
takes `comment`; every role may read a case and build its report or package, which hold
restricted data only for a role with `read_restricted` that asks for it.

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
    two_factor: bool = False  # enrolled in two-factor sign-in (TOTP)
    require_2fa: bool = False  # an admin requires two-factor sign-in of this account

    @property
    def must_enrol(self) -> bool:
        """Two-factor sign-in is required of this account but not set up yet."""
        return self.require_2fa and not self.two_factor

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
    """Failed logins slow further tries down; they never lock an account.

    Within `window`, an account may fail `max_failures` times and an address
    `max_failures_per_remote` times freely; after that each further try must wait, after the
    latest failure, `first_delay` doubled per failure beyond the free ones, up to `max_delay`
    for an account and `max_delay_per_remote` for an address. A try made too early is refused
    without checking the password (and does not count).
    """

    max_failures: int = 5
    max_failures_per_remote: int = 20
    window: dt.timedelta = dt.timedelta(minutes=15)
    first_delay: dt.timedelta = dt.timedelta(seconds=1)
    max_delay: dt.timedelta = dt.timedelta(seconds=30)
    max_delay_per_remote: dt.timedelta = dt.timedelta(minutes=5)

    def delay(self, failures: int, per_remote: bool = False) -> dt.timedelta:
        """How long after the latest failure the next try must wait."""
        free = self.max_failures_per_remote if per_remote else self.max_failures
        if failures < free:
            return dt.timedelta(0)
        cap = self.max_delay_per_remote if per_remote else self.max_delay
        doublings = min(failures - free, 30)
        return min(cap, self.first_delay * (2**doublings))


def secret_digest(secret: str) -> str:
    """How a session cookie or an API token is stored: the hex SHA-256 of the secret."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()
