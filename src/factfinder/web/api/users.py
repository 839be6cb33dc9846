"""`/api/v1/me`, `/api/v1/users` (admin) and `/api/v1/tokens` (your own API tokens)."""

from __future__ import annotations

import datetime as dt

from fastapi import APIRouter

from factfinder.errors import NotFound
from factfinder.services.access import commands as account_commands
from factfinder.services.access import queries as account_queries
from factfinder.services.access import roles
from factfinder.web import views
from factfinder.web.deps import Admin, IdPath, ProjectDep, Reader
from factfinder.web.schemas import (
    MePublic,
    TokenCreate,
    TokenCreated,
    TokenPublic,
    UserCreate,
    UserPublic,
    UsersPublic,
)

router = APIRouter(tags=["users"])


@router.get("/me", response_model=MePublic)
def me(who: Reader) -> MePublic:
    return MePublic(
        user=views.user_public(who.user), permissions=sorted(p.value for p in who.user.permissions)
    )


@router.get("/users", response_model=UsersPublic)
def list_users(who: Admin, project: ProjectDep) -> UsersPublic:
    found = account_queries.list_users(project)
    return UsersPublic(data=[views.user_public(u) for u in found], count=len(found))


@router.post("/users", response_model=UserPublic, status_code=201)
def add_user(body: UserCreate, who: Admin, project: ProjectDep) -> UserPublic:
    user = account_commands.add_user(
        project,
        body.username,
        body.password,
        body.role,
        display_name=body.display_name,
        actor=who.actor,
    )
    return views.user_public(user)


@router.get("/tokens", response_model=list[TokenPublic])
def list_tokens(who: Reader, project: ProjectDep) -> list[TokenPublic]:
    return [views.token_public(t) for t in account_queries.list_tokens(project, who.user.username)]


@router.post("/tokens", response_model=TokenCreated, status_code=201)
def create_token(body: TokenCreate, who: Reader, project: ProjectDep) -> TokenCreated:
    lifetime = dt.timedelta(days=body.days) if body.days else None
    secret, info = account_commands.create_token(
        project, who.user.username, body.name, lifetime=lifetime, actor=who.actor
    )
    return TokenCreated(token=secret, info=views.token_public(info))


@router.delete("/tokens/{token_id}", response_model=TokenPublic)
def revoke_token(token_id: IdPath, who: Reader, project: ProjectDep) -> TokenPublic:
    own = {t.id for t in account_queries.list_tokens(project, who.user.username)}
    if token_id not in own and not who.can(roles.Permission.MANAGE_USERS):
        raise NotFound(f"no API token {token_id}")
    return views.token_public(account_commands.revoke_token(project, token_id, actor=who.actor))
