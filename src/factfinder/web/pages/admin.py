"""Accounts (admin) and each user's own API tokens."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import Response

from factfinder.errors import NotFound
from factfinder.services.access import commands as account_commands
from factfinder.services.access import queries as account_queries
from factfinder.services.access import roles
from factfinder.web.deps import Admin, IdPath, ProjectDep, Reader
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


@router.get("/account")
def account_page(request: Request, who: Reader, project: ProjectDep) -> Response:
    return render(
        request,
        "account.html",
        who,
        {"tokens": account_queries.list_tokens(project, who.user.username), "new_token": None},
    )


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
    return render(
        request,
        "account.html",
        who,
        {"tokens": account_queries.list_tokens(project, who.user.username), "new_token": secret},
    )


@router.post("/account/tokens/{token_id}/revoke")
def revoke(token_id: IdPath, who: Reader, project: ProjectDep) -> Response:
    if token_id not in {t.id for t in account_queries.list_tokens(project, who.user.username)}:
        raise NotFound(f"no API token {token_id}")
    account_commands.revoke_token(project, token_id, actor=who.actor)
    return see_other("/account")
