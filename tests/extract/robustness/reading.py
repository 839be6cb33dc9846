"""Helpers the robustness suites share: extract one text and read its claims."""

from __future__ import annotations

import datetime as dt

from factfinder.extract.pipeline import extract_document
from factfinder.model import Claim, Document


def claims_of(text: str, published: dt.date | None = None) -> list[Claim]:
    """Every claim the extractor reads from `text`."""
    return list(extract_document(Document(id="t", text=text, published=published)).claims)


def primary(text: str, published: dt.date | None = None) -> Claim:
    """The text's one primary claim (the test fails when there is not exactly one)."""
    lead = [c for c in claims_of(text, published) if c.primary]
    assert len(lead) == 1, lead
    return lead[0]
