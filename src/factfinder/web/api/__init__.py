"""The JSON API under `/api/v1`: one router per area, all behind authentication."""

from __future__ import annotations

from fastapi import APIRouter

from factfinder.web.api import claims, incidents, items, meta, users

router = APIRouter()
for _module in (meta, items, claims, incidents, users):
    router.include_router(_module.router)
