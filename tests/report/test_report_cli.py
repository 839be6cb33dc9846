"""The report area's commands: case, report, export, verify-package."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factfinder.cli import build_app
from factfinder.services import Project

sys.path.insert(0, str(Path(__file__).resolve().parent))
from report_helpers import SEEDS

runner = CliRunner()


@dataclass(frozen=True)
class Seeded:
    root: Path
    hajin: str  # the incident of the Hajin airstrike
    other: str  # another incident
    count: int  # how many incidents the project holds


@pytest.fixture
def cli_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Seeded:
    """A project with the seed documents ingested, extracted and linked."""
    from factfinder.services.claims.extraction import extract_items
    from factfinder.services.incidents.commands import link_project
    from factfinder.services.incidents.queries import incidents_as_of
    from factfinder.services.preserve.ingest import ingest
    from factfinder.vault import ledger as ledger_rows

    root = tmp_path / "project"
    with Project.init(root) as project:
        ingest(project, [str(SEEDS / "docs.jsonl")], actor="test:ingest")
        extract_items(project, actor="test:extract")
        link_project(project, actor="test:link")
        with project.read() as conn:
            found = incidents_as_of(conn, None, ledger_rows.head_size(conn))
    hajin = next(
        s.incident.incident for s in found if any(p.name == "Hajin" for p in s.incident.places)
    )
    other = next(s.incident.incident for s in found if s.incident.incident != hajin)
    monkeypatch.setenv("FACTFINDER_PROJECT", str(root))
    monkeypatch.chdir(tmp_path)
    return Seeded(root, hajin, other, len(found))


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(build_app(), list(args))
    return result.exit_code, result.stdout, result.stderr


def test_case_commands_report_export_and_verify_package(
    cli_project: Seeded, tmp_path: Path
) -> None:
    seeded = cli_project
    code, _, err = run("case", "create", "Hajin", "--description", "The strike of 2 Nov 2018")
    assert code == 0 and "created case 1: Hajin" in err
    code, _, err = run("case", "add", "Hajin", seeded.hajin, seeded.other)
    assert code == 0 and "added 2 incidents" in err, err
    code, _, err = run("case", "add", "1", seeded.hajin, "inc-999999")
    assert code == 1 and "no incident inc-999999" in err
    assert (
        run("case", "note", "Hajin", "Two reports of one statement", "--incident", seeded.hajin)[0]
        == 0
    )
    assert run("case", "note", "Hajin", "Witness phone number", "--restricted")[0] == 0
    code, out, _ = run("case", "show", "Hajin", "--json")
    shown = json.loads(out)
    assert shown["incidents"] == sorted([seeded.hajin, seeded.other])
    assert [n["text"] for n in shown["notes"]] == ["Two reports of one statement"]
    code, out, _ = run("case", "list", "--json")
    assert json.loads(out)["data"][0]["incidents"] == 2

    code, out, err = run("report", "1", "--format", "html", "--json")
    assert code == 0, err
    made = json.loads(out)
    path = Path(made["path"])
    assert path.name == f"hajin-cp{made['checkpoint']['id']}.html"
    assert "at least 26" in path.read_text()
    # Another report right after uses the same checkpoint: the export entry changed nothing.
    code, out, _ = run("report", "Hajin", "--format", "pdf", "--json")
    assert json.loads(out)["checkpoint"] == made["checkpoint"]
    code, out, _ = run(
        "report",
        "Hajin",
        "--at",
        str(made["checkpoint"]["id"]),
        "--output",
        str(tmp_path / "again.html"),
        "--json",
    )
    assert code == 0
    assert (tmp_path / "again.html").read_bytes() == path.read_bytes()
    assert run("report", "Hajin", "--at", "99")[2].count("no checkpoint 99") == 1

    code, out, err = run(
        "export", "--format", "ged", "--case", "Hajin", "--output", str(tmp_path / "hajin.csv")
    )
    assert code == 0 and "export" in err
    assert (tmp_path / "hajin.csv").read_text().startswith("id,relid,year,")
    code, _, err = run("export", "--format", "csv", "--output", str(tmp_path / "all.csv"))
    assert code == 0 and f"{seeded.count} incidents" in err
    code, _, err = run("export", "--format", "package", "--output", str(tmp_path / "pkg"))
    assert code == 2 and "give --case" in err
    code, _, err = run(
        "export", "--format", "package", "--case", "Hajin", "--output", str(tmp_path / "pkg.zip")
    )
    assert code == 0, err
    code, _, err = run("verify-package", str(tmp_path / "pkg.zip"))
    assert code == 0 and "package intact" in err
    key = seeded.root / "keys" / "ledger.pub.pem"
    assert run("verify-package", str(tmp_path / "pkg.zip"), "--key", str(key))[0] == 0
    code, out, _ = run("verify-package", str(tmp_path / "pkg.zip"), "--json")
    assert json.loads(out)["ok"] is True
    code, _, err = run("export", "--format", "xml", "--output", str(tmp_path / "x"))
    assert code == 1 and "not one of csv, geojson, jsonl, ged" in err


def test_verify_package_names_the_damaged_file(cli_project: Seeded, tmp_path: Path) -> None:
    assert run("case", "create", "All")[0] == 0
    assert run("case", "add", "All", cli_project.hajin, cli_project.other)[0] == 0
    assert (
        run("export", "--format", "package", "--case", "All", "--output", str(tmp_path / "pkg"))[0]
        == 0
    )
    original = next((tmp_path / "pkg" / "data" / "items").iterdir())
    original.write_bytes(original.read_bytes() + b" ")
    code, _, err = run("verify-package", str(tmp_path / "pkg"))
    assert code == 4
    assert f"FAIL data/items/{original.name}" in err and "package damaged" in err


def test_a_report_needs_a_known_case(cli_project: Seeded) -> None:
    code, _, err = run("report", "Nowhere")
    assert code == 1 and "no case 'Nowhere'" in err
    code, _, err = run("report", "Nowhere", "--format", "docx")
    assert code == 1


def test_case_membership_listing_and_the_case_shown_as_text(cli_project: Seeded) -> None:
    seeded = cli_project
    code, out, _ = run("case", "create", "Raqqa", "--description", "Strikes on Raqqa", "--json")
    assert code == 0 and json.loads(out)["name"] == "Raqqa"
    code, out, _ = run("case", "add", "Raqqa", seeded.hajin, "--json")
    assert code == 0 and json.loads(out)["added"] == [seeded.hajin]
    code, _, err = run("case", "add", "Raqqa", seeded.hajin, seeded.other)
    assert (code, err.strip()) == (0, "case 1: added 1 incident (1 already in it); it holds 2")
    code, _, err = run("case", "remove", "Raqqa", seeded.other)
    assert (code, err.strip()) == (0, "case 1: it holds 1 incidents")
    assert run("case", "note", "Raqqa", "Check the second report")[0] == 0
    code, out, _ = run("case", "list")
    assert code == 0 and "Raqqa" in out and "1 cases" in out
    code, out, _ = run("case", "show", "Raqqa")
    lines = out.splitlines()
    assert code == 0 and lines[0].startswith("Raqqa (case 1, created ")
    assert lines[1:3] == ["Strikes on Raqqa", f"incidents: {seeded.hajin}"]
    assert lines[3].startswith("- Check the second report — ")


def test_restricted_data_asked_for_by_a_role_that_may_not_see_it(cli_project: Seeded) -> None:
    from factfinder.services.access.commands import add_user

    with Project.open(cli_project.root) as project:
        add_user(project, "vera", "a long enough password", "viewer")
    assert run("case", "create", "Hajin")[0] == 0
    before = run("case", "show", "Hajin", "--json")[1]
    code, out, err = run("case", "show", "Hajin", "--include-restricted", "--as-user", "vera")
    assert (code, out) == (1, "") and "the viewer role may not" in err
    code, _, err = run("case", "show", "Hajin", "--as-user", "nobody")
    assert code == 1 and "no user 'nobody'" in err
    assert run("case", "show", "Hajin", "--json")[1] == before
