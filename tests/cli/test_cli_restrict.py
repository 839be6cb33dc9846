"""The `factfinder restrict` commands end to end (in process): marks added, listed and lifted,
acting as a workspace user, personal names and their release, and bad input named in one line
(exit 1) with the marks left as they were."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from cli_helpers import ff
from factfinder.services import Project
from factfinder.services.access.commands import add_user, restrict
from factfinder.services.access.queries import list_marks
from factfinder.services.preserve.ingest import ingest
from factfinder.services.preserve.items import list_items
from factfinder.subjects import item_subject

TEXT = (
    "Khalil Haddad, a teacher, and his neighbour Samira Nouri were killed when a shell hit "
    "their street in Hajin on 3 November 2018, the Syrian Network for Human Rights said.\n"
)
PASSWORD = "correct horse battery"


def _with_item(project: Project, folder: Path) -> str:
    """The subject of the project's one item, ingested here; an investigator `nour` and a
    viewer `sami`."""
    path = folder / "report.txt"
    path.write_text(TEXT, encoding="utf-8")
    ingest(project, [str(path)], actor="test")
    add_user(project, "nour", PASSWORD, "investigator")
    add_user(project, "sami", PASSWORD, "viewer")
    (found,) = list_items(project)[0]
    return item_subject(found.hash)


@pytest.fixture
def item(project: Project, tmp_path: Path) -> str:
    return _with_item(project, tmp_path)


@pytest.fixture(scope="module")
def marked(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Project, str]]:
    """The same on SQLite with the item restricted as a whole, made once for the tests that
    must leave it as it is."""
    folder = tmp_path_factory.mktemp("restrict")
    project = Project.init(folder / "p")
    subject = _with_item(project, folder)
    restrict(project, subject, reason="first")
    try:
        yield project, subject
    finally:
        project.close()


def _marks(project: Project) -> list[dict[str, object]]:
    code, out, err = ff("restrict", "list", "--json", "-p", project.root)
    assert code == 0, err
    marks: list[dict[str, object]] = json.loads(out)
    return marks


def test_a_mark_is_added_listed_and_lifted(project: Project, item: str) -> None:
    code, _, err = ff("restrict", "add", item, "--reason", "a witness", "-p", project.root)
    assert (code, err.strip()) == (0, f"restricted {item} (whole)")
    code, _, err = ff(
        "restrict", "add", item, "--field", "text", "--reason", "names", "--as-user", "nour",
        "-p", project.root,
    )  # fmt: skip
    assert (code, err.strip()) == (0, f"restricted {item} text")
    marks = _marks(project)
    assert [(m["subject"], m["field"], m["reason"]) for m in marks] == [
        (item, "", "a witness"),
        (item, "text", "names"),
    ]
    assert marks[1]["created_by"] == "user:nour"
    code, out, _ = ff("restrict", "list", "-p", project.root)
    assert code == 0
    assert [line.split()[:2] for line in out.splitlines()] == [[item, "(whole)"], [item, "text"]]
    code, _, err = ff("restrict", "remove", item, "--reason", "consent", "-p", project.root)
    assert (code, err.strip()) == (0, f"lifted {item} (whole)")
    assert [(m.subject, m.field) for m in list_marks(project)] == [(item, "text")]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["add", "{item}", "--reason", "x", "--as-user", "sami"], "the viewer role may not"),
        (["add", "{item}", "--reason", "x", "--as-user", "ghost"], "no user 'ghost'"),
        (["add", "{item}", "--reason", " "], "a restriction needs a reason"),
        (["add", "{item}", "--reason", "again"], "{item} (whole) is already restricted"),
        (["add", "report:1", "--reason", "x"], "subject 'report:1': expected one of item:<id>"),
        (["remove", "{item}", "--field", "text", "--reason", "x"], "{item} text is not restricted"),
        (["release", "{item}", "Khalil Haddad", "--reason", "x"], "no item"),
    ],
)
def test_bad_input_is_named_and_changes_no_mark(
    marked: tuple[Project, str], args: list[str], message: str
) -> None:
    project, item = marked
    before = _marks(project)
    code, out, err = ff("restrict", *(a.format(item=item) for a in args), "-p", project.root)
    assert (code, out) == (1, "")
    assert err.startswith("error ") and message.format(item=item) in err
    assert _marks(project) == before


def test_names_stay_restricted_until_released(project: Project, item: str) -> None:
    ref = item.removeprefix("item:")[:19]
    code, out, err = ff("restrict", "names", ref, "--json", "-p", project.root)
    assert code == 0, err
    assert json.loads(out) == {
        "item": item,
        "names": [
            {"name": "Khalil Haddad", "released": False},
            {"name": "Samira Nouri", "released": False},
        ],
    }
    code, _, err = ff(
        "restrict", "release", ref, "Samira Nouri", "--reason", "on the record",
        "--as-user", "nour", "-p", project.root,
    )  # fmt: skip
    assert (code, err.strip()) == (0, f"released 'Samira Nouri' in {item}")
    code, out, _ = ff("restrict", "names", ref, "-p", project.root)
    assert code == 0
    # A name and its state (the console expands the tab between them).
    assert [line.rsplit(None, 1) for line in out.splitlines()] == [
        ["Khalil Haddad", "restricted"],
        ["Samira Nouri", "released"],
    ]


def test_no_reads_of_restricted_data_yet(project: Project, item: str) -> None:
    code, out, _ = ff("restrict", "reads", "--json", "-p", project.root)
    assert (code, json.loads(out)) == (0, [])
    code, out, _ = ff("restrict", "reads", "-p", project.root)
    assert (code, out) == (0, "")
