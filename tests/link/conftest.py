"""Factories for linker tests: claims and records with only the fields a test cares about."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from factfinder.link.records import DocInfo, LinkClaim, build
from factfinder.model import Claim, ClaimRef, DocumentClaims
from factfinder.services import Project
from factfinder.services.claims.extraction import extract_items
from factfinder.services.preserve.ingest import ingest

ROOT = Path(__file__).resolve().parents[2]
SEED_CLAIMS = Path(__file__).resolve().parent / "fixtures" / "seeds.claims.jsonl"


def make_claim_json(
    *,
    day: str | None = "2016-07-05",
    precision: str = "day",
    place: tuple[str, float, float, str] | None = ("Al-Hasakah", 36.502, 40.747, "Al-Hasakah"),
    place_precision: str = "town",
    event: str = "explosion",
    killed: int | None = 16,
    killed_max: int | None = None,
    civilians: int | None = None,
    perpetrator: str = "unknown",
    claimant: dict[str, Any] | None = None,
    primary: bool = True,
    end: str | None = None,
    geonameid: int | None = None,
    stance: str = "alleges",
) -> dict[str, Any]:
    """A claim in the batch format (CLAIMS.md), defaults from a real FA-KES report."""
    places = []
    if place is not None:
        name, lat, lon, admin1 = place
        places.append(
            {
                "name": name,
                "lat": lat,
                "lon": lon,
                "admin1": admin1,
                "country": "SY",
                "precision": place_precision,
                **({"geonameid": geonameid} if geonameid is not None else {}),
            }
        )

    def rng(n: int | None, hi: int | None = None) -> dict[str, Any] | None:
        return None if n is None else {"min": n, "max": hi, "text": str(n)}

    return {
        "primary": primary,
        "event_type": event,
        "date": None if day is None else {"start": day, "end": end or day, "precision": precision},
        "places": places,
        "perpetrator": {"name": None, "group": perpetrator},
        "killed": {"total": rng(killed, killed_max), "civilians": rng(civilians)},
        "injured": {},
        "weapons": [],
        "claimant": claimant,
        "spans": [],
        "confidence": 0.8,
        "stance": stance,
    }


Factory = Callable[..., LinkClaim]


@pytest.fixture
def claim_json() -> Callable[..., dict[str, Any]]:
    """`make_claim_json` as a fixture (test modules cannot import conftest)."""
    return make_claim_json


@pytest.fixture
def make_record() -> Factory:
    """Build a `LinkClaim` from claim fields plus `text`, `publisher`, `published`, `doc`, `idx`
    and the document's `language`."""

    def factory(
        idx: int = 0,
        doc: int | None = None,
        text: str = "",
        publisher: str | None = "Reuters",
        published: str | None = None,
        claim_index: int = 0,
        language: str | None = None,
        **fields: Any,
    ) -> LinkClaim:
        claim = Claim.from_json(make_claim_json(**fields))
        doc_no = idx if doc is None else doc
        day = dt.date.fromisoformat(published) if published else None
        info = DocInfo(publisher, day, None, language)
        return build(idx, ClaimRef(f"doc-{doc_no}", claim_index), doc_no, claim, info, text)

    return factory


def _seed(project: Project, monkeypatch: pytest.MonkeyPatch) -> Project:
    """The seed documents ingested, with the hand-written seed claims as their extraction."""
    by_id: dict[str, DocumentClaims] = {}
    for line in SEED_CLAIMS.read_text().splitlines():
        dc = DocumentClaims.from_json(json.loads(line))
        by_id[dc.id] = dc

    def fake_extract(doc: Any) -> DocumentClaims:
        return by_id.get(doc.id, DocumentClaims(doc.id))

    monkeypatch.setattr("factfinder.extract.pipeline.extract_document", fake_extract)
    ingest(project, [str(ROOT / "samples" / "seeds" / "docs.jsonl")], actor="test")
    report = extract_items(project, actor="test")
    assert report.claims == 6
    return project


@pytest.fixture
def seeded(project: Project, monkeypatch: pytest.MonkeyPatch) -> Project:
    """The seed documents ingested, with the hand-written seed claims as their extraction."""
    return _seed(project, monkeypatch)


@pytest.fixture(scope="module")
def seeded_once(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Project]:
    """The same on SQLite, made once for the tests of a module that change nothing in it."""
    project = Project.init(tmp_path_factory.mktemp("seeded") / "project")
    with pytest.MonkeyPatch.context() as monkeypatch:
        _seed(project, monkeypatch)
    try:
        yield project
    finally:
        project.close()
