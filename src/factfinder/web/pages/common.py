"""What every page shares: rendering with the navigation context, error pages, redirects."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from factfinder.services.access.roles import Permission
from factfinder.web.deps import Principal
from factfinder.web.render import templates

NAV = (
    ("/", "Dashboard", Permission.READ),
    ("/items", "Items", Permission.READ),
    ("/review", "Review", Permission.REVIEW),
    ("/incidents", "Incidents", Permission.READ),
    ("/cases", "Cases", Permission.READ),
    ("/map", "Map", Permission.READ),
    ("/timeline", "Timeline", Permission.READ),
    ("/search", "Search", Permission.READ),
    ("/upload", "Upload", Permission.INGEST),
    ("/runs", "Runs", Permission.RUN),
    ("/admin/users", "Users", Permission.MANAGE_USERS),
    ("/api/docs", "API", Permission.READ),
)


def render(
    request: Request,
    name: str,
    who: Principal | None,
    context: Mapping[str, Any],
    *,
    status_code: int = 200,
    headers: Mapping[str, str] | None = None,
) -> HTMLResponse:
    nav = [(href, label) for href, label, perm in NAV if who is not None and who.can(perm)]
    ctx = {
        "who": who,
        "nav": nav,
        "csrf_token": who.csrf_token if who else None,
        "path": request.url.path,
        "Permission": Permission,
        **context,
    }
    response: HTMLResponse = templates().TemplateResponse(
        request, name, ctx, status_code=status_code, headers=dict(headers or {})
    )
    return response


def render_error(
    request: Request, status: int, message: str, headers: Mapping[str, str] | None = None
) -> HTMLResponse:
    who = getattr(request.state, "principal", None)
    return render(
        request,
        "error.html",
        who if isinstance(who, Principal) else None,
        {"status": status, "message": message},
        status_code=status,
        headers=headers,
    )


def see_other(url: str) -> Response:
    """Post/redirect/get: after a form, go to `url` with a GET."""
    return RedirectResponse(url, status_code=303)
