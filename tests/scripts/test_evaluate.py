"""`scripts/evaluate.py` (`make eval`): the sets it runs, the scorer commands it gives, and skipping.

The shared folder is faked in tmp: a `score.py` that writes down its arguments and answers with
fixed figures, and tiny document files. The extractor and the linker run for real on them.
"""

from __future__ import annotations

import importlib.util
import json
import shlex
import sys
from pathlib import Path

from typer.testing import CliRunner


def _load_script() -> object:
    path = Path(__file__).resolve().parents[2] / "scripts" / "evaluate.py"
    spec = importlib.util.spec_from_file_location("factfinder_evaluate_script", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


script = _load_script()
KEY_METRICS = script.KEY_METRICS  # type: ignore[attr-defined]
SETS = script.SETS  # type: ignore[attr-defined]
evaluate = script.evaluate  # type: ignore[attr-defined]
app = script.app  # type: ignore[attr-defined]

# A stand-in for shared/eval/score.py: logs its argv, answers every asked metric with 0.75
# (extract) or fixed link figures (link).
FAKE_SCORER = """
import json, sys
from pathlib import Path
args = sys.argv[1:]
with (Path(__file__).parent / "calls.log").open("a") as fh:
    fh.write(" ".join(args) + "\\n")
if args[0] == "link":
    print(json.dumps({"metrics": {
        "pairwise": {"precision": 0.95, "recall": 0.85, "f1": 0.9, "gold_pairs": 4},
        "bcubed": {"precision": 0.97, "recall": 0.8, "f1": 0.877},
        "documents": 6}}))
else:
    names = ["coverage", "civilians_killed", "children_killed", "civilians_injured", "place",
             "date", "perpetrator", "event_type"]
    print(json.dumps({"metrics": {m: {"accuracy": 0.75, "n": 6} for m in names}}))
"""

AR_DOCS = [
    {
        "id": "ar-1",
        "text": "قتل ثلاثة مدنيين بقصف مدفعي على مدينة الباب.",
        "published": "2021-03-09",
        "language": "ar",
    },
    {
        "id": "ar-2",
        "text": "مقتل ثلاثة مدنيين في الباب بقصف مدفعي اليوم.",
        "published": "2021-03-09",
        "language": "ar",
    },
]
EN_DOCS = [
    {
        "id": "en-1",
        "text": "Artillery fire from SDF positions killed five civilians in al-Bab on 9 March 2021.",
        "published": "2021-03-09",
        "language": "en",
    },
    {
        "id": "en-2",
        "text": "Shelling by the SDF killed five civilians in the town of al-Bab on Tuesday.",
        "published": "2021-03-09",
        "language": "en",
    },
]


def _jsonl(path: Path, rows: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")


def fake_shared(root: Path, *, gaza: bool = True) -> Path:
    shared = root / "shared"
    ev = shared / "eval"
    ev.mkdir(parents=True)
    (ev / "score.py").write_text(FAKE_SCORER, encoding="utf-8")
    _jsonl(ev / "airwars_ar" / "docs.jsonl", AR_DOCS)
    _jsonl(ev / "airwars_ar" / "clusters.jsonl", [{"cluster": "a", "members": ["ar-1", "ar-2"]}])
    if gaza:
        _jsonl(ev / "airwars_gaza_en" / "docs.jsonl", EN_DOCS)
        _jsonl(ev / "airwars_gaza_en" / "gold.jsonl", [{"id": "en-1"}, {"id": "en-2"}])
    return shared


def fake_devsets(root: Path) -> Path:
    folder = root / "devsets" / "link" / "bilingual"
    _jsonl(folder / "docs.jsonl", AR_DOCS + EN_DOCS)
    _jsonl(
        folder / "clusters.jsonl",
        [{"cluster": "al-bab", "members": ["ar-1", "ar-2", "en-1", "en-2"]}],
    )
    return root / "devsets"


def calls(shared: Path) -> list[list[str]]:
    log = shared / "eval" / "calls.log"
    return [shlex.split(line) for line in log.read_text().splitlines()]


def test_every_set_is_known_and_has_key_metrics() -> None:
    assert {"airwars_ar", "airwars_gaza_en", "bilingual"} <= set(SETS)
    for name in SETS:
        assert any(s == name for s, *_ in KEY_METRICS), name
    targets = {(s, m): t for s, m, t, _ in KEY_METRICS}
    assert targets["airwars_ar", "civilians_killed"] == 0.60
    assert targets["airwars_ar", "link_bcubed_f1"] == 0.70
    assert targets["airwars_ar", "link_pairwise_f1"] == 0.50
    assert targets["airwars_gaza_en", "children_killed"] == 0.55
    assert targets["bilingual", "link_pairwise_recall"] == 0.80
    assert targets["bilingual", "link_pairwise_precision"] == 0.90
    assert targets["ucdp", "place_recall_25km"] == 0.85
    assert targets["fakes_nopub", "date_day"] == 0.62


def test_new_sets_are_extracted_linked_and_scored(tmp_path: Path) -> None:
    shared = fake_shared(tmp_path)
    keep = tmp_path / "keep"
    keep.mkdir()
    rows = evaluate(
        shared,
        ["airwars_ar", "airwars_gaza_en", "bilingual"],
        keep=keep,
        devsets=fake_devsets(tmp_path),
    )
    by = {(r.set, r.metric): r for r in rows}
    ar_civ = by["airwars_ar", "civilians_killed"]
    assert (ar_civ.value, ar_civ.n, ar_civ.target, ar_civ.meets_target) == (0.75, 6, 0.60, True)
    b3 = by["airwars_ar", "link_bcubed_f1"]
    assert (b3.value, b3.n, b3.target, b3.meets_target) == (0.877, 6, 0.70, True)
    assert by["airwars_ar", "link_pairwise_f1"].n == 4
    assert by["airwars_gaza_en", "date"].meets_target is False  # 0.75 against 0.85
    assert by["bilingual", "link_pairwise_recall"].value == 0.85
    assert by["bilingual", "link_pairwise_precision"].value == 0.95
    assert all(r.note is None for r in rows)

    got = calls(shared)
    ar_claims, ar_incidents = (
        str(keep / "airwars_ar.claims.jsonl"),
        str(keep / "airwars_ar.incidents.jsonl"),
    )
    assert got[0][:3] == ["extract", "--set", "airwars_ar"]
    assert got[1][:5] == ["link", "--set", "airwars_ar", "--pred", ar_incidents]
    assert got[1][5:7] == ["--claims", ar_claims]
    assert got[2][:3] == ["extract", "--set", "airwars_ar"]
    assert got[2][got[2].index("--data") + 1] == str(shared / "eval" / "airwars_gaza_en")
    bil = got[3]
    assert bil[:3] == ["link", "--set", "bilingual"]
    assert bil[bil.index("--gold-clusters") + 1].endswith("bilingual/clusters.jsonl")
    assert not any(c[0] == "extract" and "bilingual" in c for c in got)
    # The linker really ran: every claim of the Arabic set sits in exactly one incident.
    n_claims = sum(
        len(json.loads(line)["claims"]) for line in Path(ar_claims).read_text().splitlines()
    )
    members = [
        m
        for line in Path(ar_incidents).read_text().splitlines()
        for m in json.loads(line)["members"]
    ]
    assert len(members) == n_claims


def test_a_set_whose_files_are_missing_is_skipped_with_a_note(tmp_path: Path) -> None:
    shared = fake_shared(tmp_path, gaza=False)
    rows = evaluate(shared, ["airwars_gaza_en"], devsets=tmp_path / "none")
    assert rows and all(r.value is None for r in rows)
    assert all("airwars_gaza_en" in (r.note or "") for r in rows)
    assert not (shared / "eval" / "calls.log").exists()


def test_the_command_skips_cleanly_without_a_shared_folder(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["--shared", str(tmp_path / "absent")])
    assert result.exit_code == 0
    assert "skipped" in result.output and "score.py" in result.output


def test_the_command_prints_the_new_rows(tmp_path: Path, monkeypatch) -> None:
    shared = fake_shared(tmp_path)
    monkeypatch.setenv("FACTFINDER_COLUMNS", "160")
    result = CliRunner().invoke(app, ["--shared", str(shared), "--sets", "airwars_ar", "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    got = {(r["set"], r["metric"]): r["value"] for r in rows}
    assert got["airwars_ar", "link_bcubed_f1"] == 0.877
    assert got["airwars_ar", "perpetrator"] == 0.75


def test_the_table_keeps_its_columns_whole_when_not_on_a_terminal(tmp_path: Path) -> None:
    shared = fake_shared(tmp_path)
    result = CliRunner().invoke(app, ["--shared", str(shared), "--sets", "airwars_gaza_en"])
    assert result.exit_code == 0, result.output
    rows = {
        line.split()[3]: line for line in result.stdout.splitlines() if "airwars_gaza_en" in line
    }
    assert "0.750" in rows["children_killed"] and "0.550" in rows["children_killed"]
    assert "ok" in rows["children_killed"]
    assert "0.850" in rows["date"] and "below" in rows["date"]


def test_the_english_set_without_publication_dates_drops_them(tmp_path: Path) -> None:
    shared = fake_shared(tmp_path)
    devsets = fake_devsets(tmp_path)
    folder = devsets / "link" / "english"
    _jsonl(folder / "docs.jsonl", EN_DOCS)
    _jsonl(folder / "clusters.jsonl", [{"cluster": "al-bab", "members": ["en-1", "en-2"]}])
    keep = tmp_path / "keep"
    keep.mkdir()
    rows = evaluate(shared, ["english_nopub"], keep=keep, devsets=devsets)
    assert {r.metric for r in rows} == {
        "link_pairwise_precision",
        "link_pairwise_recall",
        "link_pairwise_f1",
        "link_bcubed_f1",
    }
    docs = [
        json.loads(line) for line in (keep / "english_nopub.docs.jsonl").read_text().splitlines()
    ]
    assert [d["id"] for d in docs] == ["en-1", "en-2"]
    assert all("published" not in d for d in docs)
    link = calls(shared)[0]
    assert link[:3] == ["link", "--set", "english"]
    assert link[link.index("--gold-clusters") + 1].endswith("english/clusters.jsonl")
    # the report dated only by "on Tuesday" stays undated without its publication day
    claims = [
        json.loads(line) for line in (keep / "english_nopub.claims.jsonl").read_text().splitlines()
    ]
    assert claims[1]["claims"][0]["date"] is None
