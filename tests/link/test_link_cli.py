"""The `factfinder link` batch command."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factfinder.cli import build_app
from factfinder.cli.common import EXIT_PARTIAL

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
TELL_TAMER = ("Tell Tamer", 36.652, 40.371, "Al-Hasakah")


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def corpus(tmp_path: Path, make_claim_json) -> tuple[Path, Path, list[tuple[str, int]]]:
    docs, claims, refs = [], [], []
    for d in range(12):
        doc_id = f"doc-{d}"
        text = f"Report {d}: a motorcycle bomb outside a bakery in Tell Tamer killed 16 people."
        docs.append(
            {
                "id": doc_id,
                "text": text,
                "published": "2016-07-05",
                "publisher": ["Reuters", "AFP", "SANA", "Press TV"][d % 4],
            }
        )
        n = d % 3  # documents with 0, 1 and 2 claims
        cl = [
            make_claim_json(
                place=TELL_TAMER,
                primary=(k == 0),
                event=["explosion", "shooting"][k],
                killed=16 + 10 * k,
            )
            for k in range(n)
        ]
        for c in cl:
            c["spans"] = [[0, len(text)]]
        claims.append({"id": doc_id, "claims": cl})
        refs += [(doc_id, k) for k in range(n)]
    return (
        write_jsonl(tmp_path / "claims.jsonl", claims),
        write_jsonl(tmp_path / "docs.jsonl", docs),
        refs,
    )


def run(*args: str):
    return CliRunner().invoke(build_app(), ["link", *args])


def test_every_claim_in_exactly_one_incident(tmp_path, claim_json):
    claims, docs, refs = corpus(tmp_path, claim_json)
    out = tmp_path / "incidents.jsonl"
    result = run("--input", str(claims), "--docs", str(docs), "--output", str(out))
    assert result.exit_code == 0, result.output
    incidents = [json.loads(line) for line in out.read_text().splitlines()]
    members = [(m["id"], m["claim"]) for inc in incidents for m in inc["members"]]
    assert sorted(members) == sorted(refs)
    assert len(members) == len(set(members))
    assert [i["incident"] for i in incidents] == [
        f"inc-{k:06d}" for k in range(1, len(incidents) + 1)
    ]
    # the same bombing reported by every document is one incident; the shootings another
    sizes = sorted(len(i["members"]) for i in incidents)
    assert sizes[-1] >= 4
    for inc in incidents:
        assert set(inc) >= {
            "incident",
            "members",
            "date",
            "places",
            "killed",
            "independent_sources",
            "grade",
            "links",
            "sources",
            "grading",
        }


def test_a_bad_claims_line_is_reported_and_the_rest_linked(tmp_path, claim_json):
    claims, docs, refs = corpus(tmp_path, claim_json)
    lines = claims.read_text().splitlines()
    lines.insert(3, '{"id": "broken", "claims": [{"event_type": "earthquake"}]}')
    claims.write_text("\n".join(lines) + "\n")
    out = tmp_path / "incidents.jsonl"
    result = run("--input", str(claims), "--docs", str(docs), "--output", str(out))
    assert result.exit_code == EXIT_PARTIAL
    assert f"{claims}:4" in result.output and "earthquake" in result.output
    members = [
        (m["id"], m["claim"])
        for line in out.read_text().splitlines()
        for m in json.loads(line)["members"]
    ]
    assert sorted(members) == sorted(refs)


def test_missing_input_is_one_clear_error(tmp_path):
    result = run("--input", str(tmp_path / "nope.jsonl"), "--output", str(tmp_path / "o.jsonl"))
    assert result.exit_code == 1
    assert "nope.jsonl" in result.output
    assert not (tmp_path / "o.jsonl").exists()


def test_contract_accepted_by_the_scorer(tmp_path, shared_dir):
    out = tmp_path / "incidents.jsonl"
    result = run(
        "--input",
        str(FIXTURES / "seeds.claims.jsonl"),
        "--docs",
        str(ROOT / "samples" / "seeds" / "docs.jsonl"),
        "--output",
        str(out),
    )
    assert result.exit_code == 0, result.output
    gold = write_jsonl(
        tmp_path / "gold.jsonl",
        [{"cluster": "a", "members": ["seed-000"]}, {"cluster": "b", "members": ["seed-004"]}],
    )
    proc = subprocess.run(
        [
            sys.executable,
            str(shared_dir / "eval" / "score.py"),
            "link",
            "--set",
            "seeds",
            "--pred",
            str(out),
            "--gold-clusters",
            str(gold),
            "--claims",
            str(FIXTURES / "seeds.claims.jsonl"),
            "--strict",
            "--json",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    scores = json.loads(proc.stdout)
    assert scores["metrics"]["bcubed"]["precision"] == 0.5  # the shared white-phosphorus claim


def test_workers_give_the_same_output_and_errors(tmp_path, claim_json):
    claims, docs, _ = corpus(tmp_path, claim_json)
    lines = claims.read_text().splitlines()
    lines.insert(5, "not json")
    claims.write_text("\n".join(lines) + "\n")
    outputs = []
    for workers in ("1", "2"):
        out = tmp_path / f"incidents-{workers}.jsonl"
        result = run(
            "--input", str(claims), "--docs", str(docs), "--output", str(out), "--workers", workers
        )
        assert result.exit_code == EXIT_PARTIAL
        assert f"{claims}:6" in result.output and "not JSON" in result.output
        outputs.append(out.read_text())
    assert outputs[0] == outputs[1]


def _members(out: Path) -> list[tuple[str, int]]:
    return sorted(
        (m["id"], m["claim"])
        for line in out.read_text().splitlines()
        for m in json.loads(line)["members"]
    )


def test_a_document_given_twice_and_a_bad_documents_line_are_named(tmp_path, claim_json):
    claims, docs, refs = corpus(tmp_path, claim_json)
    first = claims.read_text().splitlines()[1]  # doc-1, one claim
    claims.write_text(claims.read_text() + first + "\n")
    docs.write_text(docs.read_text() + "{not json\n")
    out = tmp_path / "incidents.jsonl"
    result = run("--input", str(claims), "--docs", str(docs), "--output", str(out))
    assert result.exit_code == EXIT_PARTIAL
    assert f"{claims}:13" in result.output and "document 'doc-1' appears twice" in result.output
    assert f"{docs}:13" in result.output and "not JSON" in result.output
    assert _members(out) == sorted(refs)  # the first doc-1 and every other claim linked


def test_claims_without_their_document_are_linked_and_counted(tmp_path, claim_json):
    claims, docs, refs = corpus(tmp_path, claim_json)
    kept = [line for line in docs.read_text().splitlines() if '"doc-1"' not in line]
    docs.write_text("\n".join(kept) + "\n")
    out = tmp_path / "incidents.jsonl"
    result = run("--input", str(claims), "--docs", str(docs), "--output", str(out))
    assert result.exit_code == 0, result.output
    assert "1 documents with claims were not in the documents file" in result.output
    assert _members(out) == sorted(refs)


def test_without_an_error_handler_the_first_bad_line_stops_the_run(tmp_path, claim_json):
    from factfinder.errors import InputError
    from factfinder.link.batch import cluster_files

    claims, docs, _ = corpus(tmp_path, claim_json)
    claims.write_text(claims.read_text() + '{"id": "doc-0", "claims": []}\n')
    with pytest.raises(InputError) as caught:
        cluster_files(claims, docs)
    assert (caught.value.input, caught.value.problem) == (
        f"{claims}:13",
        "document 'doc-0' appears twice",
    )
