"""Accounts (admin) and each user's own API tokens and two-factor sign-in."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import Response

from factfinder.errors import InvalidRecord, NotFound
from factfinder.services.access import commands as account_commands
from factfinder.services.access import queries as account_queries
from factfinder.services.access import roles, signin
from factfinder.web.deps import Admin, Enrolling, IdPath, ProjectDep, Reader
from factfinder.web.pages.common import render, see_other

router = APIRouter()


@router.get("/admin/users")
def users_page(request: Request, who: Admin, project: ProjectDep) -> Response:
    return render(
        request,
        "users.html",
        who,
        {"users": account_queries.list_users(project), "roles": roles.ROLES},
    )


@router.post("/admin/users")
def add_user(
    who: Admin,
    project: ProjectDep,
    username: Annotated[str, Form(max_length=63)],
    password: Annotated[str, Form(max_length=1000)],
    role: Annotated[str, Form(max_length=20)],
    display_name: Annotated[str, Form(max_length=200)] = "",
) -> Response:
    account_commands.add_user(
        project, username, password, role, display_name=display_name or None, actor=who.actor
    )
    return see_other("/admin/users")


@router.post("/admin/users/{username}/role")
def change_role(
    username: str, who: Admin, project: ProjectDep, role: Annotated[str, Form(max_length=20)]
) -> Response:
    account_commands.set_role(project, username, role, actor=who.actor)
    return see_other("/admin/users")


@router.post("/admin/users/{username}/active")
def change_active(
    username: str, who: Admin, project: ProjectDep, active: Annotated[str, Form(max_length=5)]
) -> Response:
    account_commands.set_active(project, username, active == "1", actor=who.actor)
    return see_other("/admin/users")


@router.post("/admin/users/{username}/require-2fa")
def change_require_2fa(
    username: str, who: Admin, project: ProjectDep, required: Annotated[str, Form(max_length=5)]
) -> Response:
    signin.require_two_factor(project, username, required == "1", actor=who.actor)
    return see_other("/admin/users")


@router.post("/admin/users/{username}/2fa-off")
def admin_two_factor_off(username: str, who: Admin, project: ProjectDep) -> Response:
    signin.disable_two_factor(project, username, actor=who.actor)
    return see_other("/admin/users")


def _account(request: Request, who: Enrolling, project: ProjectDep, **extra: object) -> Response:
    user = account_queries.get_user(project, who.user.username)
    values: dict[str, object] = {
        "tokens": account_queries.list_tokens(project, who.user.username),
        "new_token": None,
        "account": user,
        "setup": None,
        "recovery": None,
        "error": None,
    }
    values.update(extra)
    return render(request, "account.html", who, values)


@router.get("/account")
def account_page(request: Request, who: Enrolling, project: ProjectDep) -> Response:
    return _account(request, who, project)


@router.post("/account/2fa/start")
def two_factor_start(request: Request, who: Enrolling, project: ProjectDep) -> Response:
    setup = signin.begin_two_factor(project, who.user.username)
    return _account(request, who, project, setup=setup)


@router.post("/account/2fa/confirm")
def two_factor_confirm(
    request: Request,
    who: Enrolling,
    project: ProjectDep,
    code: Annotated[str, Form(max_length=40)],
) -> Response:
    try:
        codes = signin.confirm_two_factor(project, who.user.username, code, actor=who.actor)
    except InvalidRecord as exc:
        return _account(request, who, project, error=str(exc))
    return _account(request, who, project, recovery=codes)


@router.post("/account/2fa/off")
def two_factor_off(who: Reader, project: ProjectDep) -> Response:
    signin.disable_two_factor(project, who.user.username, actor=who.actor)
    return see_other("/account")


@router.post("/account/tokens")
def new_token(
    request: Request,
    who: Reader,
    project: ProjectDep,
    name: Annotated[str, Form(max_length=100)],
    days: Annotated[int | None, Form(ge=1, le=3650)] = None,
) -> Response:
    secret, _ = account_commands.create_token(
        project,
        who.user.username,
        name,
        lifetime=dt.timedelta(days=days) if days else None,
        actor=who.actor,
    )
    return _account(request, who, project, new_token=secret)


@router.post("/account/tokens/{token_id}/revoke")
def revoke(token_id: IdPath, who: Reader, project: ProjectDep) -> Response:
    if token_id not in {t.id for t in account_queries.list_tokens(project, who.user.username)}:
        raise NotFound(f"no API token {token_id}")
    account_commands.revoke_token(project, token_id, actor=who.actor)
    return see_other("/account")
