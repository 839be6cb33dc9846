"""The `factfinder` commands of the link area: `link` (batch or project) and `incident …`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from factfinder.cli.common import EXIT_PARTIAL, err, handle_errors, report_input_error
from factfinder.errors import InputError


def register(app: typer.Typer) -> None:
    """Add this area's commands to the app."""

    @app.command("link")
    @handle_errors
    def link(
        input: Annotated[Path | None, typer.Option(
            "--input", "-i", help="Claims file (CLAIMS.jsonl).")] = None,
        docs: Annotated[Path | None, typer.Option(
            "--docs", "-d", help="Documents file (DOCS.jsonl).")] = None,
        output: Annotated[Path | None, typer.Option(
            "--output", "-o", help="Incidents file to write.")] = None,
        sources: Annotated[Path | None, typer.Option(
            "--sources", help="Also write the source chains (JSONL) here.")] = None,
        workers: Annotated[int, typer.Option(
            "--workers", min=1, help="Local processes for scoring and writing.")] = 1,
    ) -> None:
        """Link claims into incidents: every claim of every document in exactly one incident."""
        from factfinder.link.batch import link_files

        if input is None or output is None:
            raise typer.BadParameter("give --input CLAIMS.jsonl and --output INCIDENTS.jsonl")
        failures: list[InputError] = []

        def on_error(e: InputError) -> None:
            failures.append(e)
            report_input_error(e)

        with err.status("linking") as status:
            result = link_files(input, docs, output, sources_path=sources, on_error=on_error,
                                progress=lambda msg: status.update(msg), workers=workers)
        s = result.stats
        err.print(f"{s.claims} claims → {s.incidents} incidents "
                  f"({s.merged_incidents} with several claims; {s.candidate_pairs} pairs "
                  f"compared, {s.links} links) → {output}")
        if result.documents_without_text:
            err.print(f"[yellow]note[/yellow] {result.documents_without_text} documents with "
                      "claims were not in the documents file")
        if failures:
            raise typer.Exit(EXIT_PARTIAL)
