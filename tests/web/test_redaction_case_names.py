"""A case's name and description are free text a user wrote, as its notes are: the personal
names the person-name finder reads there, and the restricted names of the record, are cut
from every page, API answer and report a reader without access to restricted data gets — and
from the name of every file built from the case, whoever builds it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from redaction_seed import Seeded, open_seeded, seed_template, write_output
from web_helpers import sign_in

if TYPE_CHECKING:
    from fastapi import FastAPI

NAME = "Killing of resident Jamal Darwish in Hajin"
CUT_NAME = "Killing of resident [restricted] in Hajin"
# "Khalil Haddad" is a witness named in a sentence of the seeded record (restricted by rule).
DESCRIPTION = "What Khalil Haddad saw at the market"
CUT_DESCRIPTION = "What [restricted] saw at the market"
NAMES = ("Jamal Darwish", "Khalil Haddad")


def leaks(text: str) -> list[str]:
    flat = " ".join(text.split()).casefold()
    return [n for n in NAMES if n.casefold() in flat]


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Seeded, int]]:
    from factfinder.services.cases.commands import add_incidents, create_case

    root = seed_template(tmp_path_factory.mktemp("case-names"))
    found = open_seeded(root)
    try:
        case = create_case(found.project, NAME, description=DESCRIPTION, actor="user:analyst")
        add_incidents(found.project, case.id, [found.hajin], actor="user:analyst")
        yield found, case.id
    finally:
        found.project.close()


@pytest.fixture(scope="module")
def app(seeded: tuple[Seeded, int]) -> Iterator[FastAPI]:
    from factfinder.web.app import create_app
    from factfinder.web.settings import WebSettings

    found, _ = seeded
    application = create_app(WebSettings(project_dir=found.root / "project"))
    yield application
    application.state.project.close()


def test_a_viewer_reads_the_case_name_with_the_names_cut(
    seeded: tuple[Seeded, int], app: FastAPI
) -> None:
    found, case_id = seeded
    viewer = sign_in(app, "viewer")
    for url in ("/cases", f"/cases/{case_id}", f"/incidents/{found.hajin}"):
        r = viewer.client.get(url)
        assert r.status_code == 200, url
        assert leaks(r.text) == [], url
        assert CUT_NAME in r.text, url
    assert CUT_DESCRIPTION in viewer.client.get(f"/cases/{case_id}").text
    listed = viewer.client.get("/api/v1/cases").json()["data"]
    ours = next(c for c in listed if c["id"] == case_id)
    assert (ours["name"], ours["description"]) == (CUT_NAME, CUT_DESCRIPTION)
    one = viewer.client.get(f"/api/v1/cases/{case_id}").json()
    assert leaks(json.dumps(one, ensure_ascii=False)) == []
    assert one["name"] == CUT_NAME


def test_a_reader_of_restricted_data_reads_the_name_whole(
    seeded: tuple[Seeded, int], app: FastAPI
) -> None:
    _, case_id = seeded
    analyst = sign_in(app, "analyst")
    page = analyst.client.get(f"/cases/{case_id}").text
    assert NAME in page and DESCRIPTION in page


@pytest.mark.parametrize("fmt", ["html", "jsonl"])
def test_the_case_file_cuts_the_names_of_its_name(
    seeded: tuple[Seeded, int], tmp_path: Path, fmt: str
) -> None:
    from factfinder.services.cases.casefile import case_file_at
    from factfinder.services.preserve.checkpoints import checkpoint_for

    found, case_id = seeded
    cf = case_file_at(found.project, case_id, checkpoint_for(found.project, None))
    assert (cf.name, cf.description) == (CUT_NAME, CUT_DESCRIPTION)
    out = tmp_path / f"case.{fmt}"
    write_output(replace(found, case_id=case_id), fmt, out)
    text = out.read_text(encoding="utf-8")
    assert leaks(text) == []
    if fmt == "html":
        assert CUT_NAME in text


def test_a_built_file_is_named_without_the_name(seeded: tuple[Seeded, int]) -> None:
    from factfinder.services.access.queries import get_user
    from factfinder.web.casefiles import build
    from factfinder.web.deps import Principal

    found, case_id = seeded
    who = Principal(get_user(found.project, "investigator"), "session", None)
    built = build(found.project, who, case_id, "html")
    assert built.filename.startswith("killing-of-resident-restricted-in-hajin-cp")
    assert b"Jamal Darwish" not in built.data
