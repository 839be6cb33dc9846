"""The JSON API under `/api/v1`: one router per area, all behind authentication."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from factfinder.web.api import cases, claims, incidents, items, meta, places, users
from factfinder.web.schemas import Problem

# Every API answer that is not a success: `{"detail": "<what went wrong>"}`.
ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": Problem, "description": "The request breaks a rule of the record"},
    401: {"model": Problem, "description": "No valid session or API token"},
    403: {"model": Problem, "description": "Your role may not do this (or CSRF token missing)"},
    404: {"model": Problem, "description": "No such thing, or not visible to your role"},
    409: {"model": Problem, "description": "Conflicts with the current state"},
    503: {"model": Problem, "description": "The incidents area is not installed"},
}
router = APIRouter(responses=ERRORS)
for _module in (meta, items, claims, incidents, cases, places, users):
    router.include_router(_module.router)
