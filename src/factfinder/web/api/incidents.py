"""`/api/v1/incidents`: filled in when the incidents service lands."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter(tags=["incidents"])
