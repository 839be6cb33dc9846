"""The interactive API documentation at `/api/docs`: Swagger UI (vendored, see
static/vendor/SOURCE.md) over the authenticated schema `/api/v1/openapi.json`. Nothing is
loaded from elsewhere and no script is inline (static/api-docs.js starts it), so it works
offline under the app's Content-Security-Policy. Requests tried from the page go out with the
session, and unsafe ones carry the session's CSRF token."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from factfinder.web.deps import Reader
from factfinder.web.pages.common import render

router = APIRouter()


@router.get("/api/docs")
def api_docs(request: Request, who: Reader) -> Response:
    return render(request, "api_docs.html", who, {})
