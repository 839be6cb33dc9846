"""The batch command: one line per document in input order, bad lines reported, workers."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

geo = pytest.importorskip("factfinder.geo")
if not hasattr(geo, "find_places"):
    pytest.skip("factfinder.geo.find_places has not landed", allow_module_level=True)
pytest.importorskip("factfinder.extract.dates")

from factfinder.cli import build_app  # noqa: E402

SNIPPETS = [
    # FA-KES openings (CC BY 4.0, Abu Salem et al., ICWSM 2019)
    {
        "id": "a",
        "text": "A bomb blast killed six people and injured 32 in the Salah al-Din district "
        "of Aleppo Syrian state television reported on Wednesday.",
        "published": "2017-04-19",
    },
    {"id": "b", "text": "Nothing happened here today."},
    {
        "id": "c",
        "text": "At least 15 civilians were killed in a barrel bomb attack on a rebel-held "
        "district of Aleppo on Saturday, a monitor said.",
        "published": "2016-08-27",
    },
]


def _write(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _read(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_one_line_per_document_in_input_order(
    tmp_path: Path, seed_000: dict[str, Any], seed_004: dict[str, Any]
) -> None:
    docs = [seed_004, *SNIPPETS, seed_000]
    src = _write(tmp_path / "docs.jsonl", [json.dumps(d) for d in docs])
    out = tmp_path / "claims.jsonl"
    result = CliRunner().invoke(build_app(), ["extract", "--input", str(src), "--output", str(out)])
    assert result.exit_code == 0, result.output
    lines = _read(out)
    assert [x["id"] for x in lines] == ["seed-004", "a", "b", "c", "seed-000"]
    assert lines[2]["claims"] == []
    a = lines[1]["claims"][0]
    assert (a["event_type"], a["killed"]["total"]["min"], a["injured"]["total"]["min"]) == (
        "explosion",
        6,
        32,
    )
    assert a["claimant"]["type"] == "state_media"


def test_bad_lines_are_reported_and_the_run_goes_on(tmp_path: Path) -> None:
    src = _write(
        tmp_path / "docs.jsonl",
        [
            json.dumps(SNIPPETS[0]),
            "{not json",
            json.dumps({"text": "no id here"}),
            json.dumps({"id": "bad-text", "text": 42}),
            json.dumps(SNIPPETS[2]),
        ],
    )
    out = tmp_path / "claims.jsonl"
    result = CliRunner().invoke(build_app(), ["extract", "--input", str(src), "--output", str(out)])
    assert result.exit_code == 3
    assert (
        f"{src}:2" in result.output and f"{src}:3" in result.output and f"{src}:4" in result.output
    )
    lines = _read(out)
    assert [x["id"] for x in lines] == ["a", "bad-text", "c"]
    assert lines[1]["claims"] == []


def test_workers_give_identical_output(tmp_path: Path, seed_000: dict[str, Any]) -> None:
    docs = [seed_000, *SNIPPETS] * 3
    src = _write(tmp_path / "docs.jsonl", [json.dumps(d) for d in docs])
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    app = build_app()
    assert CliRunner().invoke(app, ["extract", "-i", str(src), "-o", str(one)]).exit_code == 0
    assert (
        CliRunner()
        .invoke(app, ["extract", "-i", str(src), "-o", str(two), "--workers", "2"])
        .exit_code
        == 0
    )
    assert one.read_bytes() == two.read_bytes()


def test_missing_input_is_an_error_and_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "claims.jsonl"
    result = CliRunner().invoke(
        build_app(), ["extract", "-i", str(tmp_path / "nope.jsonl"), "-o", str(out)]
    )
    assert result.exit_code == 1
    assert "nope.jsonl" in result.output
    assert not out.exists()


def test_the_product_has_no_evaluation_command() -> None:
    # The evaluation runner is a development script (scripts/evaluate.py, `make eval`).
    result = CliRunner().invoke(build_app(), ["eval", "--shared", "x"])
    assert result.exit_code == 2
    assert "No such command 'eval'" in result.output


def test_a_failing_document_is_reported_and_the_run_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from factfinder.extract import pipeline

    real = pipeline.extract_document

    def flaky(doc: Any) -> Any:
        if doc.id == "b":
            raise ValueError("boom")
        return real(doc)

    monkeypatch.setattr(pipeline, "extract_document", flaky)
    src = _write(tmp_path / "docs.jsonl", [json.dumps(d) for d in SNIPPETS])
    out = tmp_path / "claims.jsonl"
    result = CliRunner().invoke(build_app(), ["extract", "-i", str(src), "-o", str(out)])
    assert result.exit_code == 3
    assert "document b" in result.output and "boom" in result.output
    assert [x["id"] for x in _read(out)] == ["a", "b", "c"]
