"""Fixtures of the extract tests: the two seed documents shipped in samples/seeds/."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

SEEDS = Path(__file__).resolve().parents[2] / "samples" / "seeds" / "docs.jsonl"


def _seed(doc_id: str) -> dict[str, Any]:
    for line in SEEDS.read_text(encoding="utf-8").splitlines():
        obj: dict[str, Any] = json.loads(line)
        if obj["id"] == doc_id:
            return obj
    raise LookupError(doc_id)


@pytest.fixture
def seed_000() -> dict[str, Any]:
    return _seed("seed-000")


@pytest.fixture
def seed_004() -> dict[str, Any]:
    return _seed("seed-004")
