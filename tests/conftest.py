"""Shared fixtures. Tests that read ../shared skip cleanly when it is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAMPLES = ROOT / "samples"


@pytest.fixture
def shared_dir() -> Path:
    if not (SHARED / "eval" / "score.py").exists():
        pytest.skip("../shared is not present")
    return SHARED
