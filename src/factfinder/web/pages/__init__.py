"""The server-rendered pages (Jinja2 + htmx). Each module holds the pages of one area."""

from __future__ import annotations

from fastapi import APIRouter

from factfinder.web.pages import admin, auth, cases, docs, incidents, items, review

router = APIRouter(include_in_schema=False)
for _module in (auth, items, review, incidents, cases, docs, admin):
    router.include_router(_module.router)
