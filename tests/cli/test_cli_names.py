"""File names printed by the CLI cannot forge or hide output: control characters, escape codes,
bidi overrides, Rich markup and the bytes of names that are not UTF-8 are shown escaped, on one
line."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factfinder.cli import build_app
from factfinder.cli.common import shown

runner = CliRunner()


@pytest.mark.parametrize(
    ("name", "printed"),
    [
        ("report.pdf", "report.pdf"),
        ("a\nerror b.txt: forged", "a\\nerror b.txt: forged"),
        ("red\x1b[31mtext", "red\\x1b[31mtext"),
        ("[green]OK[/green].pdf", "\\[green]OK\\[/green].pdf"),
        ("cod\u202egnp.exe", "cod\\u202egnp.exe"),
        ("caf\udce9.txt", "caf\\xe9.txt"),
        ("تقرير.pdf", "تقرير.pdf"),
    ],
)
def test_a_name_is_shown_escaped(name: str, printed: str) -> None:
    assert shown(name) == printed


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS refuses file names that are not UTF-8")
def test_an_error_line_names_a_hostile_file_on_one_line(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    hostile = os.path.join(os.fsencode(folder), b"caf\xe9\nerror other.pdf: forged.pdf")
    with open(hostile, "wb") as f:
        f.write(b"%PDF-1.4 not really a PDF")
    assert runner.invoke(build_app(), ["init", str(tmp_path / "p")]).exit_code == 0
    result = runner.invoke(build_app(), ["ingest", str(folder), "-p", str(tmp_path / "p")])
    errors = [line for line in result.stderr.splitlines() if line.startswith("error")]
    assert len(errors) == 1, result.stderr
    assert "caf\\xe9\\nerror other.pdf: forged.pdf: not a readable PDF" in errors[0]
