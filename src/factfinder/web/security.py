"""HTTP-level protection: security headers with a strict Content-Security-Policy, cookie flags,
and the CSRF check.

- CSP: scripts, styles, images and connections only from this origin, no inline script or
  style, no plugins, no framing. All JavaScript lives in `static/`.
- Cookies: `HttpOnly`, `SameSite=Lax`, `Path=/`, and `Secure` when the request came over https
  (or `force_secure_cookies`).
- CSRF: every unsafe request (POST, PUT, PATCH, DELETE) authenticated by a session cookie must
  carry the session's token, as the form field `csrf_token` or the `X-CSRF-Token` header (htmx
  sends the header, set once on `<body hx-headers>`). Requests authenticated by an API token in
  the `Authorization` header need none: a browser never adds that header by itself.
  The login form, before any session exists, uses a double-submit cookie instead.
"""

from __future__ import annotations

import secrets

from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

SESSION_COOKIE = "ff_session"
LOGIN_CSRF_COOKIE = "ff_login_csrf"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})

CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
        "form-action 'self'",
    ]
)

_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


class SecurityHeaders:
    """ASGI middleware adding the headers above to every response, and `Cache-Control:
    no-store` to everything but static files (pages may hold restricted data)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        static = str(scope.get("path", "")).startswith("/static/")

        async def wrapped(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {k.lower() for k, _ in headers}
                headers += [(k, v) for k, v in _HEADERS if k not in present]
                if not static and b"cache-control" not in present:
                    headers.append((b"cache-control", b"no-store"))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, wrapped)


def is_secure(request: Request, force: bool) -> bool:
    return force or request.url.scheme == "https"


def set_cookie(
    response: Response,
    request: Request,
    name: str,
    value: str,
    *,
    max_age: int | None,
    force_secure: bool,
) -> None:
    response.set_cookie(
        name,
        value,
        max_age=max_age,
        path="/",
        httponly=True,
        samesite="lax",
        secure=is_secure(request, force_secure),
    )


def clear_cookie(response: Response, request: Request, name: str, *, force_secure: bool) -> None:
    response.delete_cookie(
        name, path="/", httponly=True, samesite="lax", secure=is_secure(request, force_secure)
    )


def same_token(given: str | None, expected: str | None) -> bool:
    """Constant-time comparison; a missing token never matches."""
    if not given or not expected:
        return False
    return secrets.compare_digest(given.encode(), expected.encode())


async def submitted_csrf(request: Request) -> str | None:
    """The CSRF token the request carries (header first, then the form field)."""
    header = request.headers.get(CSRF_HEADER)
    if header:
        return header
    content_type = request.headers.get("content-type", "")
    if content_type.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
        form = await request.form()
        value = form.get(CSRF_FIELD)
        return value if isinstance(value, str) else None
    return None


def safe_next(target: str | None) -> str:
    """A local path to go to after login; anything else (other hosts, `//x`) becomes `/`."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target
