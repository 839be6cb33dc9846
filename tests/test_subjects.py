"""Subject strings: built in one place, read back the same way."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factfinder.errors import InvalidRecord
from factfinder.subjects import (
    case_subject,
    check_markable,
    claim_subject,
    incident_subject,
    item_subject,
    parse_subject,
    prefix,
    reference,
    user_subject,
)


def test_each_kind_is_written_kind_colon_reference() -> None:
    assert item_subject("sha256:ab") == "item:sha256:ab"
    assert claim_subject(17) == "claim:17"
    assert incident_subject("inc-000042") == "incident:inc-000042"
    assert case_subject(3) == "case:3"
    assert user_subject("alice") == "user:alice"
    assert prefix("incident") == "incident:"


@given(st.text(min_size=1))
def test_an_item_subject_gives_its_hash_back(ref: str) -> None:
    subject = item_subject(ref)
    assert parse_subject(subject) == ("item", ref)
    assert reference(subject, "item") == ref
    assert reference(subject, "claim") is None
    assert subject.startswith(prefix("item"))


def test_reference_of_nothing_or_of_no_kind() -> None:
    assert reference(None, "item") is None
    assert reference("item", "item") is None
    assert reference("item:", "item") is None
    assert parse_subject("no-colon") == ("", "")


@pytest.mark.parametrize("subject", ["item:sha256:ab", "claim:1", "incident:inc-000001"])
def test_items_claims_and_incidents_may_be_marked(subject: str) -> None:
    assert check_markable(subject) == subject


@pytest.mark.parametrize("subject", ["case:1", "user:alice", "item", "claim:", "", "note:4"])
def test_nothing_else_may_be_marked(subject: str) -> None:
    with pytest.raises(InvalidRecord, match="expected one of item:<id>, claim:<id>"):
        check_markable(subject)
