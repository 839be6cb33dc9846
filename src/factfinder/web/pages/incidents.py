"""Incidents, map and timeline pages: filled in when the incidents service lands."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from factfinder.web.deps import Reader
from factfinder.web.pages.common import render

router = APIRouter()


@router.get("/map")
def map_page(request: Request, who: Reader) -> Response:
    return render(request, "map.html", who, {"query": ""})
