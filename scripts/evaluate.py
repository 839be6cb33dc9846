#!/usr/bin/env python
"""Measure the extractor and the linker on the development sets: `make eval`.

A development tool, not part of the product: the development sets and their scorer live in a
folder beside the checkout (`../shared`, with `eval/score.py`), which a user's clone does not
have. Run it with the project's environment:

    .venv/bin/python scripts/evaluate.py [--shared DIR] [--sets NAME,...] [--workers N]
                                         [--keep DIR] [--json]

`evaluate(shared, sets)` runs `extract_files` over each development set, scores the output with
`score.py extract --json` and, for the sets with gold incident clusters, links the claims
(`link_files`) and scores the incidents with `score.py link --json`, each in a subprocess (the
scorer is a measuring instrument kept outside the repository; we call it, never import it). It
returns one `MetricRow` per key metric with its target and baseline, printed as one table.

Set names: ``seeds``, ``fakes`` (FA-KES with `published`), ``fakes_nopub`` (the same articles
without it: dates must come from the text; also linked and scored against the project's FA-KES
clusters, `devsets/link/fakes_clusters.jsonl`), ``ucdp``, ``case2021``, ``airwars_ar`` (Arabic
sources: extraction and linking), ``airwars_gaza_en`` (English narratives, scored with the
Arabic set's rules) and ``bilingual`` (the project's own Arabic and English reports of the same
incidents, `devsets/link/bilingual/`: linking only) and ``english`` (the project's own English
reports of 40 incidents in five outlet styles, `devsets/link/english/`: linking only) and
``english_nopub`` (the same reports without their publication dates, as most captures come)
and ``captures`` (the project's own captures of 41 incidents of 2021–2024 in Syria, Iraq, Gaza,
Lebanon, the West Bank, Somalia, Yemen and Libya, none with a publication date, with
neighbouring incidents as distractors, `devsets/link/captures/`: linking only).

A set whose files are missing (an older shared folder, a checkout without `devsets/`) gives rows
without values and a note saying what was missing, instead of failing the whole run; without a
shared folder at all the run says so and exits 0.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from factfinder.assess.batch import link_files
from factfinder.errors import InputError
from factfinder.extract.batch import extract_files

ROOT = Path(__file__).resolve().parents[1]  # the checkout

SETS: tuple[str, ...] = (
    "seeds",
    "fakes",
    "fakes_nopub",
    "ucdp",
    "case2021",
    "airwars_ar",
    "airwars_gaza_en",
    "bilingual",
    "english",
    "english_nopub",
    "captures",
)

# (set, metric, target, baseline). Baselines from the scorer's README (for link rows: the
# all-singletons reference for B-cubed F1, no pairs for the pairwise rows).
# Link metrics are named `link_<pairwise|bcubed>_<precision|recall|f1>`.
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
    ("fakes_nopub", "date_day", 0.62, 0.0),
    ("fakes_nopub", "link_pairwise_f1", None, 0.0),
    ("fakes_nopub", "link_bcubed_f1", None, 0.819),
    ("ucdp", "coverage", None, 0.856),
    ("ucdp", "place_recall_25km", 0.85, 0.485),
    ("ucdp", "place_precision_25km", 0.80, 0.436),
    ("ucdp", "place_f1_25km", None, 0.459),
    ("ucdp", "governorate", 0.90, 0.512),
    ("case2021", "event_type_accuracy", 0.85, 0.694),
    ("case2021", "event_type_macro_f1", None, 0.809),
    ("airwars_ar", "coverage", 0.90, 0.015),
    ("airwars_ar", "civilians_killed", 0.60, 0.0),
    ("airwars_ar", "children_killed", None, 0.0),
    ("airwars_ar", "place", 0.65, 0.015),
    ("airwars_ar", "date", 0.55, 0.005),
    ("airwars_ar", "perpetrator", 0.70, 0.002),
    ("airwars_ar", "event_type", 0.65, 0.002),
    ("airwars_ar", "link_pairwise_f1", 0.50, 0.002),
    ("airwars_ar", "link_bcubed_f1", 0.70, 0.372),
    ("airwars_gaza_en", "civilians_killed", 0.70, None),
    ("airwars_gaza_en", "children_killed", 0.55, None),
    ("airwars_gaza_en", "civilians_injured", None, None),
    ("airwars_gaza_en", "date", 0.85, None),
    ("airwars_gaza_en", "event_type", None, None),
    ("bilingual", "link_pairwise_precision", 0.90, None),
    ("bilingual", "link_pairwise_recall", 0.80, 0.0),
    ("bilingual", "link_bcubed_f1", None, None),
    ("english", "link_pairwise_precision", None, None),
    ("english", "link_pairwise_recall", None, None),
    ("english", "link_pairwise_f1", 0.80, 0.0),
    ("english", "link_bcubed_f1", None, None),
    ("english_nopub", "link_pairwise_precision", None, None),
    ("english_nopub", "link_pairwise_recall", None, None),
    ("english_nopub", "link_pairwise_f1", None, None),
    ("english_nopub", "link_bcubed_f1", None, None),
    ("captures", "link_pairwise_precision", None, None),
    ("captures", "link_pairwise_recall", None, None),
    ("captures", "link_pairwise_f1", None, None),
    ("captures", "link_bcubed_f1", None, None),
)


@dataclass(frozen=True, slots=True)
class MetricRow:
    """One metric of one set: its value, how many items it was measured on, target, baseline;
    `note` says why a row has no value (its set's files are missing)."""

    set: str
    metric: str
    value: float | None
    n: int | None
    target: float | None
    baseline: float | None
    note: str | None = None

    @property
    def meets_target(self) -> bool | None:
        if self.target is None or self.value is None:
            return None
        return self.value >= self.target - 1e-9


@dataclass(frozen=True, slots=True)
class EvalSet:
    """Where a development set's files are and how it is scored.

    `docs`: the documents to extract; `scorer_set`/`data`: `score.py extract --set S [--data D]`,
    or no extraction scoring when `scorer_set` is None; `link_set`/`clusters`: `score.py link
    --set S [--gold-clusters C]`, or no linking when `link_set` is None; `primary_only` counts
    only primary claims' memberships; `drop_published` extracts and links the documents without
    their publication dates.
    """

    docs: Path
    scorer_set: str | None
    data: Path | None = None
    link_set: str | None = None
    clusters: Path | None = None
    primary_only: bool = False
    drop_published: bool = False

    def missing(self) -> list[Path]:
        """The files this set needs that are not there."""
        need = [self.docs]
        if self.data is not None:
            need.append(self.data / "gold.jsonl")
        if self.clusters is not None:
            need.append(self.clusters)
        return [p for p in need if not p.is_file()]


def find_shared(explicit: str | Path | None = None) -> Path | None:
    """The shared folder (with eval/score.py): `explicit`, else ../shared beside the checkout."""
    candidates = (
        [Path(explicit)]
        if explicit
        else [
            Path.cwd().parent / "shared",
            Path.cwd() / "shared",
            ROOT.parent / "shared",
        ]
    )
    for c in candidates:
        if (c / "eval" / "score.py").is_file():
            return c
    return None


def find_devsets() -> Path:
    """The project's own development sets (`devsets/` of the checkout)."""
    for c in (ROOT / "devsets", Path.cwd() / "devsets"):
        if c.is_dir():
            return c
    return Path.cwd() / "devsets"


def eval_set(shared: Path, name: str, devsets: Path | None = None) -> EvalSet:
    """The files and scoring of a development set."""
    ev = shared / "eval"
    dev = devsets or find_devsets()
    if name == "seeds":
        return EvalSet(shared / "seeds" / "docs.jsonl", "seeds")
    if name == "fakes_nopub":
        return EvalSet(
            ev / "fakes" / "docs_nopub.jsonl",
            "fakes",
            link_set="fakes",
            clusters=dev / "link" / "fakes_clusters.jsonl",
            primary_only=True,
        )
    if name == "airwars_ar":
        return EvalSet(ev / name / "docs.jsonl", name, link_set=name)
    if name == "airwars_gaza_en":
        return EvalSet(ev / name / "docs.jsonl", "airwars_ar", data=ev / name)
    if name in ("bilingual", "english", "captures"):
        folder = dev / "link" / name
        return EvalSet(
            folder / "docs.jsonl", None, link_set=name, clusters=folder / "clusters.jsonl"
        )
    if name == "english_nopub":
        folder = dev / "link" / "english"
        return EvalSet(
            folder / "docs.jsonl",
            None,
            link_set="english",
            clusters=folder / "clusters.jsonl",
            drop_published=True,
        )
    return EvalSet(ev / name / "docs.jsonl", name)


def _run_scorer(shared: Path, args: list[str], pred: Path) -> dict[str, object]:
    proc = subprocess.run(
        [sys.executable, str(shared / "eval" / "score.py"), *args, "--json"],
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


def score(shared: Path, set_name: str, pred: Path, data: Path | None = None) -> dict[str, object]:
    """Run `score.py extract --json` and return its JSON object."""
    args = ["extract", "--set", set_name, "--pred", str(pred)]
    if data is not None:
        args += ["--data", str(data)]
    return _run_scorer(shared, args, pred)


def score_link(
    shared: Path,
    set_name: str,
    pred: Path,
    claims: Path,
    clusters: Path | None = None,
    *,
    primary_only: bool = False,
) -> dict[str, object]:
    """Run `score.py link --json` on an incidents file and return its JSON object."""
    args = ["link", "--set", set_name, "--pred", str(pred), "--claims", str(claims)]
    if clusters is not None:
        args += ["--gold-clusters", str(clusters)]
    if primary_only:
        args.append("--primary-only")
    return _run_scorer(shared, args, pred)


def _metric(result: dict[str, object], name: str) -> tuple[float | None, int | None]:
    metrics = result.get("metrics", result)
    if not isinstance(metrics, dict):
        return None, None
    if name.startswith("link_"):
        _, family, stat = name.split("_", 2)
        entry = metrics.get(family)
        if not isinstance(entry, dict):
            return None, None
        value = entry.get(stat)
        n = entry.get("gold_pairs") if family == "pairwise" else metrics.get("documents")
    else:
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
    devsets: Path | None = None,
) -> list[MetricRow]:
    """Extract (and link) and score each set; the key metrics as rows, in `KEY_METRICS` order."""
    unknown = [s for s in sets if s not in SETS]
    if unknown:
        raise InputError("--sets", f"unknown set(s) {', '.join(unknown)}; known: {', '.join(SETS)}")
    rows: list[MetricRow] = []
    with tempfile.TemporaryDirectory(prefix="factfinder-eval-") as tmp:
        folder = keep or Path(tmp)
        for name in sets:
            keys = [k for k in KEY_METRICS if k[0] == name]
            spec = eval_set(shared, name, devsets)
            missing = spec.missing()
            if missing:
                note = "skipped: missing " + ", ".join(str(p) for p in missing)
                rows += [MetricRow(name, m, None, None, t, b, note) for _, m, t, b in keys]
                continue
            if on_set is not None:
                on_set(name)
            pred = folder / f"{name}.claims.jsonl"
            docs = spec.docs
            if spec.drop_published:
                docs = folder / f"{name}.docs.jsonl"
                _without_published(spec.docs, docs)
            extract_files(docs, pred, workers=workers)
            result: dict[str, object] = {}
            if spec.scorer_set is not None:
                result = score(shared, spec.scorer_set, pred, spec.data)
            linked: dict[str, object] = {}
            if spec.link_set is not None:
                incidents = folder / f"{name}.incidents.jsonl"
                link_files(pred, docs, incidents, workers=workers)
                linked = score_link(
                    shared,
                    spec.link_set,
                    incidents,
                    pred,
                    spec.clusters,
                    primary_only=spec.primary_only,
                )
            for _, metric, target, baseline in keys:
                value, n = _metric(linked if metric.startswith("link_") else result, metric)
                rows.append(MetricRow(name, metric, value, n, target, baseline))
    return rows


def _without_published(source: Path, target: Path) -> None:
    """A copy of a documents file with no publication dates: as captures archived without
    them come, so dates must come from the text and linking from what the text says."""
    with source.open(encoding="utf-8") as f, target.open("w", encoding="utf-8") as out:
        for line in f:
            if line.strip():
                doc = json.loads(line)
                doc.pop("published", None)
                out.write(json.dumps(doc, ensure_ascii=False) + "\n")


def print_json(obj: object) -> None:
    """One JSON document on stdout."""
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, indent=2, default=str))
    sys.stdout.write("\n")


out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)


def main(
    shared: Annotated[
        Path | None,
        typer.Option(
            "--shared", help="The shared folder holding eval/score.py (default: ../shared)."
        ),
    ] = None,
    sets: Annotated[
        str,
        typer.Option(
            "--sets",
            help="Comma-separated sets: seeds,fakes,fakes_nopub,ucdp,case2021,"
            "airwars_ar,airwars_gaza_en,bilingual (default: all).",
        ),
    ] = "",
    workers: Annotated[
        int, typer.Option("--workers", "-w", min=1, help="Local worker processes.")
    ] = 1,
    keep: Annotated[
        Path | None, typer.Option("--keep", help="Keep the claims files in this folder.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """Run extraction and linking on the development sets and score them against targets."""
    folder = find_shared(shared)
    if folder is None:
        where = f"in {shared}" if shared else "at ../shared (or ./shared)"
        err.print(
            f"eval: skipped — no shared folder with eval/score.py {where}. The development "
            "sets and their scorer are not part of the repository; give their folder with "
            "--shared DIR."
        )
        return
    names = [s.strip() for s in sets.split(",") if s.strip()] or list(SETS)
    if keep is not None:
        keep.mkdir(parents=True, exist_ok=True)
    with err.status("evaluating") as status:
        try:
            rows = evaluate(
                folder,
                names,
                workers=workers,
                keep=keep,
                on_set=lambda name: status.update(f"extracting and scoring {name}"),
            )
        except InputError as exc:
            err.print(f"[red]error[/red] {exc.input}: {exc.problem}", markup=True)
            raise typer.Exit(1) from exc
    if as_json:
        print_json(
            [
                {
                    "set": r.set,
                    "metric": r.metric,
                    "value": r.value,
                    "n": r.n,
                    "target": r.target,
                    "baseline": r.baseline,
                    "meets_target": r.meets_target,
                    "note": r.note,
                }
                for r in rows
            ]
        )
        return
    table = Table(title="factfinder extract and link — development sets (shared/eval/score.py)")
    for col in ("set", "metric", "n", "value", "target", "baseline", ""):
        table.add_column(
            col,
            justify="right" if col in ("n", "value", "target", "baseline") else "left",
            no_wrap=True,
        )

    def fmt(v: float | None) -> str:
        return "—" if v is None else f"{v:.3f}"

    for r in rows:
        mark = {True: "[green]ok[/green]", False: "[red]below[/red]", None: ""}[r.meets_target]
        if r.note:
            mark = "skipped"
        table.add_row(
            r.set,
            r.metric,
            "" if r.n is None else str(r.n),
            fmt(r.value),
            fmt(r.target),
            fmt(r.baseline),
            mark,
        )
    # Rich clamps a print's width to its console's: a wider console, on the same stream,
    # keeps the columns whole when the output is not a terminal (80 columns by default).
    columns = os.environ.get("FACTFINDER_COLUMNS", "")
    width = int(columns) if columns.isdigit() else max(out.width, 112)
    Console(file=out.file, width=width, highlight=False).print(table)
    for note in dict.fromkeys(f"{r.set}: {r.note}" for r in rows if r.note):
        err.print(note)


app = typer.Typer(add_completion=False)
app.command()(main)

if __name__ == "__main__":
    app()
