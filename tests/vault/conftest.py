"""Fixtures of the vault tests: small inputs of every kind, built here, and raw SQL access that
bypasses factfinder (to tamper with the evidence the way an attacker with the database would)."""

from __future__ import annotations

import functools
from collections.abc import Callable

import pytest
from vault_inputs import tamper_with

from factfinder.services import Project

Tamper = Callable[..., None]


@pytest.fixture
def tamper(project: Project) -> Tamper:
    """Run SQL statements on the project's database outside factfinder (`tamper_with`)."""
    return functools.partial(tamper_with, project)
