"""JSON Lines document batches: Documents out, one error per bad line naming path:line."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from factfinder.errors import InputError
from factfinder.intake import is_document_batch, read_documents

SEEDS = Path(__file__).resolve().parents[2] / "samples" / "seeds"


def test_seed_batch_reads_into_documents() -> None:
    docs = list(read_documents(SEEDS / "docs.jsonl"))
    assert [(line, doc.id) for line, doc in docs] == [(1, "seed-000"), (2, "seed-004")]
    assert "more than 4,000 people" in docs[0][1].text
    assert is_document_batch(SEEDS / "docs.jsonl")


def test_bad_lines_are_reported_and_the_batch_goes_on(tmp_path: Path) -> None:
    batch = tmp_path / "docs.jsonl"
    lines = [
        json.dumps(
            {"id": "a", "text": "Airstrike on Hajin.", "published": "2017-11-03", "language": "en"}
        ),
        "{not json",
        json.dumps({"id": "b"}),
        "",
        json.dumps({"id": "a", "text": "again"}),
        json.dumps({"id": "c", "text": "Shelling on Douma.", "published": "yesterday"}),
        json.dumps({"id": "d", "text": "Mass grave in Raqqah."}),
    ]
    batch.write_text("\n".join(lines) + "\n", encoding="utf-8")
    errors: list[InputError] = []
    docs = list(read_documents(batch, on_error=errors.append))
    assert [(line, doc.id) for line, doc in docs] == [(1, "a"), (7, "d")]
    assert docs[0][1].published == dt.date(2017, 11, 3)
    assert [e.input for e in errors] == [f"{batch}:2", f"{batch}:3", f"{batch}:5", f"{batch}:6"]
    assert errors[1].problem == "document 'b' needs a string 'text'"
    assert errors[2].problem == "duplicate id 'a' (first on line 1)"
    assert "published is not an ISO date" in errors[3].problem


def test_without_on_error_the_first_bad_line_raises(tmp_path: Path) -> None:
    batch = tmp_path / "docs.jsonl"
    batch.write_text('{"id": "a", "text": "x"}\n[1, 2]\n', encoding="utf-8")
    reader = read_documents(batch)
    assert next(reader)[1].id == "a"
    with pytest.raises(InputError) as info:
        next(reader)
    assert str(info.value) == f"{batch}:2: not a JSON object"


def test_what_counts_as_a_batch(tmp_path: Path) -> None:
    plain = tmp_path / "notes.jsonl"
    plain.write_text('{"event": "x"}\n', encoding="utf-8")
    renamed = tmp_path / "docs.txt"
    renamed.write_text('{"id": "a", "text": "x"}\n', encoding="utf-8")
    assert not is_document_batch(plain)
    assert not is_document_batch(renamed)
    assert not is_document_batch(tmp_path / "missing.jsonl")
