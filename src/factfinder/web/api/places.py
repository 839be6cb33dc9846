"""`/api/v1/places`: the shipped gazetteer's places matching a name (for correcting a claim's
places: the review form names a place by its `key`)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from factfinder.web.deps import Reader
from factfinder.web.places import MAX_PLACES, place_matches
from factfinder.web.schemas import PlacesPublic

router = APIRouter(tags=["places"])


@router.get("/places", response_model=PlacesPublic)
def places(
    who: Reader,
    q: Annotated[str, Query(max_length=200, description="A place name or its beginning")],
    limit: Annotated[int, Query(ge=1, le=MAX_PLACES)] = 10,
) -> PlacesPublic:
    """Places whose name (any spelling the gazetteer knows, Arabic too) is `q` or begins with
    it: exact names first, then Syria and Iraq before their neighbours, larger first."""
    found = place_matches(q, limit)
    return PlacesPublic(data=found, count=len(found))
