"""Request dependencies: the project, who is asking (session cookie or API token), what they
may do. Routes declare what they need with the `Annotated` aliases at the bottom, e.g.

    def accept(claim_id: int, who: Reviewer, project: ProjectDep) -> ...

Every route except the login page and static files depends on one of them, so an anonymous
request never reaches a handler: it gets 401 (API) or a redirect to the login page (pages).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Path, Request
from fastapi.security import APIKeyCookie, HTTPAuthorizationCredentials, HTTPBearer

from factfinder.errors import PermissionDenied
from factfinder.services.access.queries import session_for, token_user
from factfinder.services.access.roles import Permission, User
from factfinder.services.project import Project
from factfinder.web.security import SESSION_COOKIE, UNSAFE_METHODS, same_token, submitted_csrf
from factfinder.web.settings import WebSettings


class NotAuthenticated(Exception):
    """No valid session or token: the API answers 401, pages redirect to the login form."""


class CsrfRejected(PermissionDenied):
    """An unsafe request from a browser session without the session's CSRF token."""


class TwoFactorRequired(PermissionDenied):
    """The account must set up two-factor sign-in before it may do anything else."""


@dataclass(frozen=True, slots=True)
class Principal:
    """The authenticated user, how they proved it, and (for sessions) the CSRF token."""

    user: User
    via: str  # "session" | "token"
    csrf_token: str | None

    @property
    def actor(self) -> str:
        return self.user.actor

    def can(self, permission: Permission) -> bool:
        return self.user.can(permission)


def get_project(request: Request) -> Project:
    project: Project = request.app.state.project
    return project


def get_settings(request: Request) -> WebSettings:
    settings: WebSettings = request.app.state.settings
    return settings


ProjectDep = Annotated[Project, Depends(get_project)]
# Database ids are 32-bit on PostgreSQL (and SQLite refuses integers beyond 64 bits): larger
# numbers are refused as invalid input instead of reaching the database.
MAX_ID = 2**31 - 1
IdPath = Annotated[int, Path(ge=1, le=MAX_ID)]
SettingsDep = Annotated[WebSettings, Depends(get_settings)]


def _bearer(request: Request) -> str | None:
    value = request.headers.get("authorization", "")
    scheme, _, token = value.partition(" ")
    if scheme.lower() == "bearer" and token.strip():
        return token.strip()
    return None


# The two ways to authenticate, declared for the OpenAPI schema (its `securitySchemes`, and a
# `security` requirement of either on every route that depends on `enrolling`). They never
# answer a request themselves (`auto_error=False`): `enrolling` decides.
BEARER = HTTPBearer(
    scheme_name="bearer",
    description="An API token (`factfinder user token`), as `Authorization: Bearer <token>`.",
    auto_error=False,
)
SESSION = APIKeyCookie(
    name=SESSION_COOKIE,
    scheme_name="session",
    description="The session cookie set by signing in at /login (browsers; unsafe methods also "
    "need the session's CSRF token).",
    auto_error=False,
)


async def enrolling(
    request: Request,
    project: ProjectDep,
    _bearer_scheme: Annotated[HTTPAuthorizationCredentials | None, Depends(BEARER)],
    _session_scheme: Annotated[str | None, Depends(SESSION)],
) -> Principal:
    """The principal of this request, even one whose account must still set up two-factor
    sign-in (for the account page, where it does so); CSRF-checked for unsafe requests from a
    session."""
    cached = getattr(request.state, "principal", None)
    if isinstance(cached, Principal):
        return cached
    token = _bearer(request)
    if token is not None:
        user = token_user(project, token)
        if user is None:
            raise NotAuthenticated()
        principal = Principal(user, "token", None)
    else:
        session = session_for(project, request.cookies.get(SESSION_COOKIE, ""))
        if session is None:
            raise NotAuthenticated()
        principal = Principal(session.user, "session", session.csrf_token)
        if request.method in UNSAFE_METHODS and not same_token(
            await submitted_csrf(request), session.csrf_token
        ):
            raise CsrfRejected(
                "the form is missing its CSRF token or it is stale; reload the page and try again"
            )
    request.state.principal = principal
    return principal


async def authenticated(
    principal: Annotated[Principal, Depends(enrolling)],
) -> Principal:
    """The principal of this request, once any two-factor sign-in required of it is set up."""
    if principal.user.must_enrol:
        raise TwoFactorRequired(
            "two-factor sign-in is required for this account: set it up on the account page "
            "(/account) first"
        )
    return principal


def need(permission: Permission) -> object:
    """A dependency: the principal, if their role grants `permission` (else 403)."""

    async def check(principal: Annotated[Principal, Depends(authenticated)]) -> Principal:
        principal.user.require(permission)
        return principal

    check.__name__ = f"need_{permission.value}"
    return Depends(check)


Reader = Annotated[Principal, need(Permission.READ)]
Enrolling = Annotated[Principal, Depends(enrolling)]
Commenter = Annotated[Principal, need(Permission.COMMENT)]
Reviewer = Annotated[Principal, need(Permission.REVIEW)]
Ingester = Annotated[Principal, need(Permission.INGEST)]
Decider = Annotated[Principal, need(Permission.DECIDE)]
Runner = Annotated[Principal, need(Permission.RUN)]
Restricter = Annotated[Principal, need(Permission.RESTRICT)]
Admin = Annotated[Principal, need(Permission.MANAGE_USERS)]
