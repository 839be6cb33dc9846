"""The hand-written linking sets under `devsets/link/` are whole and match their sources.

Each set's `docs.jsonl` and `clusters.jsonl` are written by its `build.py` from its
`reports.py`; a report edited without rebuilding, or a document in two clusters, would make
`scripts/evaluate.py` measure something else than the set says.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

LINK = Path(__file__).resolve().parents[2] / "devsets" / "link"


def _reports(folder: Path) -> list[tuple[str, list[tuple[object, ...]]]]:
    spec = importlib.util.spec_from_file_location(f"reports_{folder.name}", folder / "reports.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    incidents: list[tuple[str, list[tuple[object, ...]]]] = module.INCIDENTS
    return incidents


def _jsonl(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("name", ["english", "captures"])
def test_a_sets_files_are_its_reports_every_document_in_one_cluster(name: str) -> None:
    folder = LINK / name
    incidents = _reports(folder)
    docs = _jsonl(folder / "docs.jsonl")
    clusters = _jsonl(folder / "clusters.jsonl")
    texts = [report[-1] for _, reports in incidents for report in reports]
    assert [d["text"] for d in docs] == texts
    assert [c["cluster"] for c in clusters] == [n for n, _ in incidents]
    members = [m for c in clusters for m in c["members"]]  # type: ignore[attr-defined]
    assert sorted(members) == sorted(d["id"] for d in docs)
    assert len(set(members)) == len(members)


def test_the_captures_set_is_mostly_undated_with_distractors() -> None:
    docs = _jsonl(LINK / "captures" / "docs.jsonl")
    clusters = _jsonl(LINK / "captures" / "clusters.jsonl")
    assert len(docs) == 113 and len(clusters) == 41
    assert sum(1 for d in docs if "published" not in d) == len(docs)
    # neighbouring incidents of one town or day are apart: Kobani twice on 6 September 2023,
    # Rafah twice on 10 February 2024
    names = {c["cluster"] for c in clusters}
    assert {"turkey-qarah-halinj-2023-09-06", "turkey-kobani-checkpoint-2023-09-06"} <= names
    assert {
        "israel-rafah-shaboura-2024-02-10",
        "israel-rafah-kuwaiti-roundabout-2024-02-10",
    } <= names
