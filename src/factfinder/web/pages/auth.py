"""Sign in and out. The login form is the only page open to anonymous visitors; it is
protected from cross-site posting by a double-submit cookie, and attempts are throttled (a
slow-down after repeated failures, per account and per address; never a lock-out). An account
with two-factor sign-in gives its code (or a recovery code) in the same form."""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import Response

from factfinder.services.access.commands import create_session, end_session
from factfinder.services.access.roles import LoginRefused, LoginThrottled, ThrottlePolicy
from factfinder.services.access.signin import SecondFactorNeeded, authenticate
from factfinder.web.deps import ProjectDep, Reader, SettingsDep
from factfinder.web.pages.common import render, see_other
from factfinder.web.security import (
    LOGIN_CSRF_COOKIE,
    SESSION_COOKIE,
    clear_cookie,
    safe_next,
    same_token,
    set_cookie,
)

router = APIRouter()


def _login_form(
    request: Request,
    settings: SettingsDep,
    *,
    next_url: str,
    error: str | None,
    status_code: int = 200,
    username: str = "",
    headers: dict[str, str] | None = None,
    ask_code: bool = False,
) -> Response:
    token = secrets.token_urlsafe(32)
    response = render(
        request,
        "login.html",
        None,
        {
            "login_csrf": token,
            "next": next_url,
            "error": error,
            "username": username,
            "ask_code": ask_code,
        },
        status_code=status_code,
        headers=headers,
    )
    set_cookie(
        response,
        request,
        LOGIN_CSRF_COOKIE,
        token,
        max_age=3600,
        force_secure=settings.force_secure_cookies,
    )
    return response


@router.get("/login")
def login_page(request: Request, settings: SettingsDep, next: str = "/") -> Response:
    return _login_form(request, settings, next_url=safe_next(next), error=None)


@router.post("/login")
def login(
    request: Request,
    project: ProjectDep,
    settings: SettingsDep,
    username: Annotated[str, Form(max_length=200)],
    password: Annotated[str, Form(max_length=1000)],
    code: Annotated[str, Form(max_length=40)] = "",
    csrf_token: Annotated[str, Form(max_length=200)] = "",
    next: Annotated[str, Form(max_length=2000)] = "/",
) -> Response:
    target = safe_next(next)
    if not same_token(csrf_token, request.cookies.get(LOGIN_CSRF_COOKIE)):
        return _login_form(
            request,
            settings,
            next_url=target,
            status_code=403,
            error="The form expired; please sign in again.",
            username=username,
        )
    policy = ThrottlePolicy(
        settings.login_max_failures,
        settings.login_max_failures_per_remote,
        dt.timedelta(minutes=settings.login_window_minutes),
        dt.timedelta(seconds=settings.login_first_delay_seconds),
        dt.timedelta(seconds=settings.login_max_delay_seconds),
        dt.timedelta(seconds=settings.login_max_delay_per_remote_seconds),
    )
    remote = request.client.host if request.client else ""
    try:
        user = authenticate(project, username, password, code=code, remote=remote, policy=policy)
    except LoginThrottled as exc:
        return _login_form(
            request,
            settings,
            next_url=target,
            status_code=429,
            error=str(exc),
            username=username,
            headers={"Retry-After": str(exc.retry_after)},
        )
    except SecondFactorNeeded as exc:
        return _login_form(
            request,
            settings,
            next_url=target,
            status_code=401,
            error=str(exc),
            username=username,
            ask_code=True,
        )
    except LoginRefused as exc:
        return _login_form(
            request,
            settings,
            next_url=target,
            status_code=401,
            error=str(exc),
            username=username,
            ask_code=bool(code),
        )
    cookie, _ = create_session(project, user, lifetime=dt.timedelta(hours=settings.session_hours))
    response = see_other(target)
    set_cookie(
        response,
        request,
        SESSION_COOKIE,
        cookie,
        max_age=int(settings.session_hours * 3600),
        force_secure=settings.force_secure_cookies,
    )
    clear_cookie(response, request, LOGIN_CSRF_COOKIE, force_secure=settings.force_secure_cookies)
    return response


@router.post("/logout")
def logout(request: Request, who: Reader, project: ProjectDep, settings: SettingsDep) -> Response:
    end_session(project, request.cookies.get(SESSION_COOKIE, ""))
    response = see_other("/login")
    clear_cookie(response, request, SESSION_COOKIE, force_secure=settings.force_secure_cookies)
    return response
