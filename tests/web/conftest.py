"""Web fixtures: a seeded project (the seed documents ingested and extracted, one account per
role), an app over a copy of it, and signed-in clients per role."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from web_helpers import PASSWORD, ROLES, SEEDS, Browser, session_browser

if TYPE_CHECKING:
    from fastapi import FastAPI


@pytest.fixture(scope="session")
def seeded_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project with the seed .txt documents ingested and extracted and one user per role
    (named after the role). Tests get copies (`seeded_dir`)."""
    from factfinder.services import Project
    from factfinder.services.access.commands import add_user
    from factfinder.services.claims.extraction import extract_items
    from factfinder.services.preserve.ingest import ingest

    root = tmp_path_factory.mktemp("web") / "template"
    with Project.init(root) as project:
        for role in ROLES:
            add_user(project, role, PASSWORD, role, actor="test:setup")
        ingest(project, [str(p) for p in sorted(SEEDS.glob("*.txt"))], actor="test:setup")
        extract_items(project, actor="test:setup")
    return root


@pytest.fixture
def seeded_dir(seeded_template: Path, tmp_path: Path) -> Path:
    target = tmp_path / "project"
    shutil.copytree(seeded_template, target)
    return target


@pytest.fixture
def app(seeded_dir: Path) -> Iterator[FastAPI]:
    from factfinder.web.app import create_app
    from factfinder.web.settings import WebSettings

    application = create_app(WebSettings(project_dir=seeded_dir))
    yield application
    application.state.project.close()


@pytest.fixture
def signed_in(app: FastAPI) -> dict[str, Browser]:
    return {role: session_browser(app, role) for role in ROLES}
