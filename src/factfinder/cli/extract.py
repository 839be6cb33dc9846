"""The `factfinder` commands of the extract area: `extract` (batch) and `eval`."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from factfinder.cli.common import (
    EXIT_PARTIAL,
    JsonOption,
    err,
    handle_errors,
    open_project,
    out,
    print_json,
    project_option,
    report_input_error,
)
from factfinder.errors import InputError


def register(app: typer.Typer) -> None:
    """Add this area's commands to the app."""

    @app.command("extract")
    @handle_errors
    def extract(
        input: Annotated[
            Path | None, typer.Option("--input", "-i", help="Documents file (DOCS.jsonl).")
        ] = None,
        output: Annotated[
            Path | None, typer.Option("--output", "-o", help="Claims file to write (CLAIMS.jsonl).")
        ] = None,
        workers: Annotated[
            int, typer.Option("--workers", "-w", min=1, help="Local worker processes.")
        ] = 1,
        project: Annotated[
            Path | None,
            project_option(
                "Extract the ingested items of this project (default without --input/"
                "--output: $FACTFINDER_PROJECT or the current directory)."
            ),
        ] = None,
        redo: Annotated[
            bool,
            typer.Option("--redo", help="With --project: extract again items already extracted."),
        ] = False,
    ) -> None:
        """Extract claims from documents: one output line per input document, in input order.

        Lines that cannot be read are reported with their file:line; the command then exits
        with code 3 (a line with an id but bad fields is written with no claims). With
        --project, the project's ingested items are extracted and their claims stored with
        their spans, each item's claims recorded by a ledger entry.
        """
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeRemainingColumn,
        )

        from factfinder.extract.batch import count_lines, extract_files

        if input is None and output is None:
            _extract_project(project, redo)
            return
        if input is None or output is None:
            raise typer.BadParameter(
                "give both --input DOCS.jsonl and --output CLAIMS.jsonl, or neither to extract"
                " a project's items"
            )
        if not input.is_file():
            raise InputError(str(input), "no such file")
        failures: list[InputError] = []

        def on_error(e: InputError) -> None:
            failures.append(e)
            report_input_error(e)

        total = count_lines(input)
        with Progress(
            TextColumn("extract"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            console=err,
            transient=True,
        ) as bar:
            task = bar.add_task("extract", total=total)
            stats = extract_files(
                input,
                output,
                workers=workers,
                on_error=on_error,
                progress=lambda n: bar.update(task, completed=n),
            )
        err.print(f"{stats.documents} documents → {stats.claims} claims → {output}")
        if failures:
            err.print(f"[yellow]{len(failures)} input line(s) could not be read[/yellow]")
            raise typer.Exit(EXIT_PARTIAL)

    def _extract_project(path: Path | None, redo: bool) -> None:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

        from factfinder.services.claims.extraction import extract_items

        failures: list[InputError] = []

        def on_error(e: InputError) -> None:
            failures.append(e)
            report_input_error(e)

        with (
            open_project(path) as proj,
            Progress(
                TextColumn("extract"),
                BarColumn(),
                MofNCompleteColumn(),
                console=err,
                transient=True,
            ) as bar,
        ):
            task = bar.add_task("extract", total=None)
            report = extract_items(
                proj,
                redo=redo,
                on_error=on_error,
                progress=lambda n, total: bar.update(task, completed=n, total=total),
            )
        err.print(
            f"{report.items} items: {report.extracted} extracted ({report.claims} claims), "
            f"{report.skipped} already extracted, {report.failed} failed"
        )
        if failures:
            raise typer.Exit(EXIT_PARTIAL)

    @app.command("eval")
    @handle_errors
    def evaluate(
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
        as_json: bool = JsonOption,
    ) -> None:
        """Run extraction and linking on the development sets and score them against targets."""
        from rich.console import Console
        from rich.table import Table

        from factfinder.extract.evaluation import SETS, find_shared
        from factfinder.extract.evaluation import evaluate as run_eval

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
            rows = run_eval(
                folder,
                names,
                workers=workers,
                keep=keep,
                on_set=lambda name: status.update(f"extracting and scoring {name}"),
            )
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
