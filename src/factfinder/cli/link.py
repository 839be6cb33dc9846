"""The `factfinder` commands of the link area: `link` (batch or project) and `incident …`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from factfinder.cli.common import (
    EXIT_PARTIAL,
    JsonOption,
    ProjectOption,
    err,
    handle_errors,
    open_project,
    out,
    print_json,
    report_input_error,
)
from factfinder.errors import InputError

ReasonOption = Annotated[
    str, typer.Option("--reason", "-r", help="Why (kept in the ledger with the decision).")
]


def _actor() -> str:
    from factfinder.services import default_actor

    return default_actor()


def register(app: typer.Typer) -> None:
    """Add this area's commands to the app."""

    @app.command("link")
    @handle_errors
    def link(
        input: Annotated[
            Path | None, typer.Option("--input", "-i", help="Claims file (CLAIMS.jsonl).")
        ] = None,
        docs: Annotated[
            Path | None, typer.Option("--docs", "-d", help="Documents file (DOCS.jsonl).")
        ] = None,
        output: Annotated[
            Path | None, typer.Option("--output", "-o", help="Incidents file to write.")
        ] = None,
        sources: Annotated[
            Path | None,
            typer.Option("--sources", help="Also write the source chains (JSONL) here."),
        ] = None,
        workers: Annotated[
            int, typer.Option("--workers", min=1, help="Local processes for scoring and writing.")
        ] = 1,
        project: ProjectOption = None,
    ) -> None:
        """Link claims into incidents: every claim of every document in exactly one incident.

        With --input/--output, link a claims file (docs/CLAIMS.md). Without, link the claims
        of a project (after `factfinder extract --project`), keeping analysts' decisions.
        """
        if input is None:
            _link_project(project, workers)
            return
        from factfinder.assess.batch import link_files

        if output is None:
            raise typer.BadParameter("give --output INCIDENTS.jsonl with --input")
        failures: list[InputError] = []

        def on_error(e: InputError) -> None:
            failures.append(e)
            report_input_error(e)

        with err.status("linking") as status:
            result = link_files(
                input,
                docs,
                output,
                sources_path=sources,
                on_error=on_error,
                progress=lambda msg: status.update(msg),
                workers=workers,
            )
        s = result.stats
        err.print(
            f"{s.claims} claims → {s.incidents} incidents "
            f"({s.merged_incidents} with several claims; {s.candidate_pairs} pairs "
            f"compared, {s.links} links) → {output}"
        )
        if result.documents_without_text:
            err.print(
                f"[yellow]note[/yellow] {result.documents_without_text} documents with "
                "claims were not in the documents file"
            )
        if failures:
            raise typer.Exit(EXIT_PARTIAL)

    def _link_project(path: Path | None, workers: int) -> None:
        from factfinder.services.incidents.commands import link_project

        with open_project(path) as proj, err.status("linking") as status:
            done = link_project(
                proj, actor=_actor(), workers=workers, progress=lambda msg: status.update(msg)
            )
        err.print(
            f"{done.claims} claims → {done.incidents} incidents ({done.merged} with "
            f"several claims); ledger entry {done.seq}"
        )

    incident = typer.Typer(
        help="Incidents of a project: list, show, and analysts' decisions.", no_args_is_help=True
    )
    app.add_typer(incident, name="incident")

    @incident.command("list")
    @handle_errors
    def list_(
        project: ProjectOption = None,
        governorate: Annotated[str | None, typer.Option(help="Only this governorate.")] = None,
        grade: Annotated[str | None, typer.Option(help="Only this grade.")] = None,
        limit: Annotated[int, typer.Option(help="At most this many.")] = 50,
        as_json: bool = JsonOption,
    ) -> None:
        """The project's incidents (from its latest link run)."""
        from factfinder.services.incidents.queries import IncidentFilters, list_incidents

        with open_project(project) as proj:
            rows, total, _ = list_incidents(
                proj,
                IncidentFilters(governorate=governorate, grade=grade, include_restricted=True),
                limit=limit,
            )
        if as_json:
            print_json({"data": [_row(r) for r in rows], "count": total})
            return
        for r in rows:
            killed = r.killed or r.civilians
            toll = "" if not killed else f"{killed['min']}–{killed['max'] or '…'} killed"
            out.print(
                f"{r.id}  {r.date_start or '?':10}  {r.place or '?':24}  {r.event_type:10}"
                f"  {r.grade or '':10}  {r.members:3} claims  {toll}"
            )
        err.print(f"{len(rows)} of {total} incidents")

    @incident.command("show")
    @handle_errors
    def show(incident_id: str, project: ProjectOption = None, as_json: bool = JsonOption) -> None:
        """An incident: its members, reconciled figures, grade trace and decisions."""
        from factfinder.services.incidents.queries import get_incident

        with open_project(project) as proj:
            view = get_incident(proj, incident_id)
        body = view.incident.to_json()
        body["member_claims"] = [
            {"claim": m.claim_id, "item": m.item_hash, "score": m.score} for m in view.members
        ]
        body["decisions"] = list(view.decisions)
        if as_json:
            print_json(body)
            return
        s = view.summary
        out.print(
            f"{s.id}  {s.date_start}  {s.place}  {s.event_type}  grade {s.grade}  "
            f"{s.independent_sources} independent source(s)"
        )
        for m in view.members:
            score = "" if m.score is None else f"  link {m.score:+.2f}"
            out.print(f"  claim {m.claim_id}  item {m.item_hash[:19]}{score}")
        for rule in body.get("grading", {}).get("trace", []):
            mark = "✓" if rule["fired"] else " "
            out.print(f"  {mark} {rule['rule']}: {rule['detail']}")

    @incident.command("merge")
    @handle_errors
    def merge_(
        incident_ids: list[str], reason: ReasonOption, project: ProjectOption = None
    ) -> None:
        """Merge incidents into the first one named."""
        from factfinder.services.incidents.commands import merge

        with open_project(project) as proj:
            kept = merge(proj, incident_ids, reason=reason, actor=_actor())
        err.print(f"merged into {kept}")

    @incident.command("split")
    @handle_errors
    def split_(
        incident_id: str, claim_ids: list[int], reason: ReasonOption, project: ProjectOption = None
    ) -> None:
        """Take claims (stored claim ids) out of an incident into a new one."""
        from factfinder.services.incidents.commands import split

        with open_project(project) as proj:
            new = split(proj, incident_id, claim_ids, reason=reason, actor=_actor())
        err.print(f"claims {', '.join(map(str, claim_ids))} are now {new}")

    @incident.command("move")
    @handle_errors
    def move_(
        claim_id: int, to_incident: str, reason: ReasonOption, project: ProjectOption = None
    ) -> None:
        """Move one claim (its stored id) to another incident."""
        from factfinder.services.incidents.commands import move

        with open_project(project) as proj:
            move(proj, claim_id, to_incident, reason=reason, actor=_actor())
        err.print(f"claim {claim_id} moved to {to_incident}")

    @incident.command("confirm")
    @handle_errors
    def confirm_(incident_id: str, reason: ReasonOption, project: ProjectOption = None) -> None:
        """Confirm an incident's claims as one incident (kept on every re-run)."""
        from factfinder.services.incidents.commands import confirm

        with open_project(project) as proj:
            confirm(proj, incident_id, reason=reason, actor=_actor())
        err.print(f"{incident_id} confirmed")

    @incident.command("grade")
    @handle_errors
    def grade_(
        incident_id: str, grade: str, reason: ReasonOption, project: ProjectOption = None
    ) -> None:
        """Set an incident's grade by hand (confirmed, fair, weak, contested, discounted)."""
        from factfinder.services.incidents.commands import grade as set_grade

        with open_project(project) as proj:
            set_grade(proj, incident_id, grade, reason=reason, actor=_actor())
        err.print(f"{incident_id} graded {grade}")


def _row(r: Any) -> dict[str, Any]:
    return {name: getattr(r, name) for name in r.__slots__}
