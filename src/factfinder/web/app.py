"""The app factory: `create_app(settings)` builds the FastAPI app over one open project.

Pages (Jinja2 + htmx) and the JSON API under `/api/v1` call the same services as the CLI.
Errors from the services map to HTTP answers in one place (`_install_error_handlers`): a page
gets an error page, the API a JSON `{"detail": …}` with the status code.
"""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles

from factfinder.errors import (
    Conflict,
    FactfinderError,
    InputError,
    InvalidRecord,
    NotFound,
    PermissionDenied,
)
from factfinder.services.access.passwords import set_concurrency as set_password_workers
from factfinder.services.access.roles import LoginThrottled
from factfinder.services.preserve.search import preload_search
from factfinder.services.project import Project
from factfinder.web.api import router as api_router
from factfinder.web.deps import NotAuthenticated, TwoFactorRequired
from factfinder.web.pages import router as pages_router
from factfinder.web.pages.common import render_error
from factfinder.web.security import SecurityHeaders
from factfinder.web.settings import WebSettings

STATIC = Path(__file__).parent / "static"
API_PREFIX = "/api/v1"


def create_app(settings: WebSettings) -> FastAPI:
    """The workspace app for the project in `settings.project_dir` (opened — and migrated —
    now, closed when the app shuts down)."""

    set_password_workers(settings.password_workers)
    project = Project.open(settings.project_dir)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        # Built before the first request, not by it (a search would wait a second or two).
        await asyncio.to_thread(preload_search)
        try:
            yield
        finally:
            project.close()

    # Refuse oversized bodies before they are read (uploads included), where FastAPI can.
    limits: dict[str, Any] = {}
    if "max_body_size" in inspect.signature(FastAPI).parameters:
        limits["max_body_size"] = (settings.max_upload_mb + 1) << 20
    app = FastAPI(
        **limits,
        title="factfinder workspace API",
        version="1",
        summary="Items, claims, incidents and search of one factfinder project.",
        # FastAPI's own docs pages load scripts from a CDN and inline code, which the CSP
        # forbids and an offline machine cannot fetch: the schema is served authenticated
        # (`/api/v1/openapi.json`) and Swagger UI, vendored, at `/api/docs` (`pages.docs`).
        docs_url=None,
        redoc_url=None,
        openapi_url=None,
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.project = project
    app.add_middleware(SecurityHeaders)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.include_router(api_router, prefix=API_PREFIX)
    app.include_router(pages_router)
    _install_error_handlers(app)
    return app


def _is_api(request: Request) -> bool:
    return request.url.path.startswith(API_PREFIX + "/") or request.url.path == API_PREFIX


_STATUS: list[tuple[type[Exception], int]] = [
    (LoginThrottled, 429),
    (PermissionDenied, 403),
    (NotFound, 404),
    (Conflict, 409),
    # 422 stays FastAPI's own (request validation, with its documented schema).
    (InvalidRecord, 400),
    (InputError, 400),
    (FactfinderError, 500),
]


def _status_for(exc: Exception) -> int:
    for kind, status in _STATUS:
        if isinstance(exc, kind):
            return status
    return 500


def _install_error_handlers(app: FastAPI) -> None:

    async def not_authenticated(request: Request, exc: Exception) -> Response:
        if _is_api(request):
            return JSONResponse(
                {"detail": "authentication required"},
                status_code=401,
                headers={"WWW-Authenticate": "Bearer"},
            )
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        if request.headers.get("hx-request"):
            return Response(status_code=401, headers={"HX-Redirect": "/login"})
        return RedirectResponse(f"/login?next={quote(target, safe='')}", status_code=303)

    async def service_error(request: Request, exc: Exception) -> Response:
        status = _status_for(exc)
        message = str(exc) if status != 500 else "internal error"
        headers = {}
        if isinstance(exc, LoginThrottled):
            headers["Retry-After"] = str(exc.retry_after)
        if isinstance(exc, TwoFactorRequired) and not _is_api(request):
            return RedirectResponse("/account", status_code=303)
        if _is_api(request):
            return JSONResponse({"detail": message}, status_code=status, headers=headers)
        return render_error(request, status, message, headers)

    async def invalid_form(request: Request, exc: Exception) -> Response:
        from fastapi.exception_handlers import request_validation_exception_handler
        from fastapi.exceptions import RequestValidationError

        assert isinstance(exc, RequestValidationError)
        if _is_api(request):
            return await request_validation_exception_handler(request, exc)
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e.get('loc', ())[1:]) or 'input'}: {e.get('msg')}"
            for e in exc.errors()
        )
        return render_error(request, 422, problems or "the form is not valid")

    from fastapi.exceptions import RequestValidationError

    app.add_exception_handler(RequestValidationError, invalid_form)
    app.add_exception_handler(NotAuthenticated, not_authenticated)
    app.add_exception_handler(FactfinderError, service_error)
