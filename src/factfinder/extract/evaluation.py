"""Measure the extractor with the project's external scorer (`shared/eval/score.py`).

`evaluate(shared, sets)` runs `extract_files` over each development set and scores the output
with `score.py --json` in a subprocess (the scorer is a measuring instrument kept outside the
package; we call it, never import it). It returns one `MetricRow` per key metric with the
issue's target and the baseline of `shared/eval/README.md`, so the CLI can print one table.

Set names: ``seeds``, ``fakes`` (FA-KES with `published`), ``fakes_nopub`` (the same articles
without it: dates must come from the text), ``ucdp``, ``case2021``.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from factfinder.errors import InputError

SETS: tuple[str, ...] = ("seeds", "fakes", "fakes_nopub", "ucdp", "case2021")

# (set, metric, target, baseline) — targets from issue #3, baselines from shared/eval/README.md.
KEY_METRICS: tuple[tuple[str, str, float | None, float | None], ...] = (
    ("seeds", "found", 1.0, 0.0),
    ("fakes", "coverage", None, 0.992),
    ("fakes", "civilians_exact", 0.70, 0.332),
    ("fakes", "civilians_exact_nz", 0.60, 0.115),
    ("fakes", "civ_or_total_exact", None, 0.350),
    ("fakes", "civ_or_total_exact_nz", None, 0.303),
    ("fakes", "children_exact_nz", None, 0.080),
    ("fakes", "noncivilians_exact_nz", None, 0.0),
    ("fakes", "governorate", 0.93, 0.864),
    ("fakes", "actor", 0.75, 0.556),
    ("fakes", "cause", 0.85, 0.771),
    ("fakes", "date_day", None, 0.992),
    ("fakes_nopub", "civilians_exact", 0.70, 0.332),
    ("fakes_nopub", "governorate", 0.93, 0.864),
    ("fakes_nopub", "actor", 0.75, 0.556),
    ("fakes_nopub", "cause", 0.85, 0.771),
    ("fakes_nopub", "date_day", 0.80, 0.0),
    ("ucdp", "coverage", None, 0.856),
    ("ucdp", "place_recall_25km", 0.90, 0.485),
    ("ucdp", "place_precision_25km", 0.85, 0.436),
    ("ucdp", "place_f1_25km", None, 0.459),
    ("ucdp", "governorate", 0.90, 0.512),
    ("case2021", "event_type_accuracy", 0.85, 0.694),
    ("case2021", "event_type_macro_f1", None, 0.809),
)


@dataclass(frozen=True, slots=True)
class MetricRow:
    """One metric of one set: its value, how many items it was measured on, target, baseline."""

    set: str
    metric: str
    value: float | None
    n: int | None
    target: float | None
    baseline: float | None

    @property
    def meets_target(self) -> bool | None:
        if self.target is None or self.value is None:
            return None
        return self.value >= self.target - 1e-9


def find_shared(explicit: str | Path | None = None) -> Path | None:
    """The shared folder (with eval/score.py): `explicit`, else ../shared beside the checkout."""
    candidates = (
        [Path(explicit)]
        if explicit
        else [
            Path.cwd().parent / "shared",
            Path.cwd() / "shared",
            Path(__file__).resolve().parents[3].parent / "shared",
        ]
    )
    for c in candidates:
        if (c / "eval" / "score.py").is_file():
            return c
    return None


def _paths(shared: Path, name: str) -> tuple[Path, str]:
    """(documents file, scorer set name) of a development set."""
    if name == "seeds":
        return shared / "seeds" / "docs.jsonl", "seeds"
    if name == "fakes_nopub":
        return shared / "eval" / "fakes" / "docs_nopub.jsonl", "fakes"
    return shared / "eval" / name / "docs.jsonl", name


def score(shared: Path, set_name: str, pred: Path) -> dict[str, object]:
    """Run `score.py extract --json` and return its JSON object."""
    proc = subprocess.run(
        [
            sys.executable,
            str(shared / "eval" / "score.py"),
            "extract",
            "--set",
            set_name,
            "--pred",
            str(pred),
            "--json",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode not in (0, 2):
        raise InputError(
            str(pred), f"score.py failed ({proc.returncode}): {proc.stderr.strip()[-400:]}"
        )
    out: dict[str, object] = json.loads(proc.stdout)
    return out


def _metric(result: dict[str, object], name: str) -> tuple[float | None, int | None]:
    metrics = result.get("metrics", result)
    if not isinstance(metrics, dict):
        return None, None
    entry = metrics.get(name)
    if not isinstance(entry, dict):
        return None, None
    value = entry.get("accuracy", entry.get("value"))
    n = entry.get("n")
    return (
        float(value) if isinstance(value, int | float) else None,
        int(n) if isinstance(n, int) else None,
    )


def evaluate(
    shared: Path,
    sets: Sequence[str] = SETS,
    *,
    workers: int = 1,
    keep: Path | None = None,
    on_set: Callable[[str], None] | None = None,
) -> list[MetricRow]:
    """Extract and score each set; the key metrics as rows, in `KEY_METRICS` order."""
    from factfinder.extract.batch import extract_files

    unknown = [s for s in sets if s not in SETS]
    if unknown:
        raise InputError("--sets", f"unknown set(s) {', '.join(unknown)}; known: {', '.join(SETS)}")
    rows: list[MetricRow] = []
    with tempfile.TemporaryDirectory(prefix="factfinder-eval-") as tmp:
        folder = keep or Path(tmp)
        for name in sets:
            if on_set is not None:
                on_set(name)
            docs, scorer_set = _paths(shared, name)
            pred = folder / f"{name}.claims.jsonl"
            extract_files(docs, pred, workers=workers)
            result = score(shared, scorer_set, pred)
            for set_name, metric, target, baseline in KEY_METRICS:
                if set_name != name:
                    continue
                value, n = _metric(result, metric)
                rows.append(MetricRow(name, metric, value, n, target, baseline))
    return rows
