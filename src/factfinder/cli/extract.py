"""The `factfinder` command of the extract area: `extract` (batch)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from factfinder.cli.common import (
    EXIT_PARTIAL,
    err,
    handle_errors,
    open_project,
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
