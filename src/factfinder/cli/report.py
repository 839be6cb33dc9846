"""The `factfinder` commands of the report area: `case …`, `report`, `export`, `verify-package`.

Thin: each parses options, calls `factfinder.services.cases`
or `factfinder.report.package.verify_package`, and prints. `verify-package` needs no project.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from factfinder.cli.common import (
    EXIT_INTEGRITY,
    JsonOption,
    ProjectOption,
    err,
    handle_errors,
    open_project,
    out,
    print_json,
)

if TYPE_CHECKING:
    from factfinder.services import Project
    from factfinder.services.access.roles import User
    from factfinder.services.cases.files import ExportResult

AtOption = Annotated[
    int | None,
    typer.Option(
        "--at",
        help="Build from this checkpoint (its id, see `factfinder checkpoints`); default: "
        "the latest, signing a new one if the ledger has grown since.",
    ),
]
RestrictedOption = Annotated[
    bool,
    typer.Option(
        "--include-restricted",
        help="Include restricted data (victims' and witnesses' personal "
        "data); left out by default.",
    ),
]
AsUserOption = Annotated[
    str | None,
    typer.Option(
        "--as-user",
        help="Act as this workspace user (their role decides whether restricted data "
        "may be included); default: the local operator.",
    ),
]


def _user(project: Project, name: str | None) -> User | None:
    if name is None:
        return None
    from factfinder.services.access.queries import get_user

    return get_user(project, name)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60] or "case"


def _done(result: ExportResult, as_json: bool, what: str) -> None:
    if as_json:
        print_json(result.to_json())
        return
    err.print(
        f"{what} {result.path}: {result.incidents} incidents, checkpoint "
        f"#{result.checkpoint_id} (size {result.checkpoint_size}, root "
        f"{result.checkpoint_root})"
    )
    if result.sha256:
        err.print(f"  {result.sha256}, {result.bytes:,} bytes; ledger entry {result.seq}")
    if result.withheld:
        err.print(
            f"  {result.withheld} restricted values left out (--include-restricted to include them)"
        )


def register(app: typer.Typer) -> None:
    """Add this area's commands to the app."""
    case_app = typer.Typer(
        help="Cases: sets of incidents under investigation, with notes.", no_args_is_help=True
    )
    app.add_typer(case_app, name="case")

    @case_app.command("create")
    @handle_errors
    def create(
        name: Annotated[str, typer.Argument(help="The case's name (unique).")],
        description: Annotated[str | None, typer.Option(help="What the case is about.")] = None,
        project: ProjectOption = None,
        as_json: bool = JsonOption,
    ) -> None:
        """Create an empty case."""
        from factfinder.services.cases.commands import create_case

        with open_project(project) as proj:
            case = create_case(proj, name, description=description)
        if as_json:
            print_json(case.to_json())
        else:
            err.print(f"created case {case.id}: {case.name}")

    @case_app.command("add")
    @handle_errors
    def add(
        case: Annotated[str, typer.Argument(help="Case id or name.")],
        incidents: Annotated[list[str], typer.Argument(help="Incident ids (inc-000042 …).")],
        project: ProjectOption = None,
        as_json: bool = JsonOption,
    ) -> None:
        """Add incidents to a case."""
        from factfinder.services.cases.commands import add_incidents
        from factfinder.services.incidents.queries import existing_incidents

        with open_project(project) as proj:
            state, added = add_incidents(proj, case, incidents, check=existing_incidents)
        if as_json:
            print_json({"case": state.to_json(include_restricted=False), "added": added})
            return
        skipped = len(set(incidents)) - len(added)
        err.print(
            f"case {state.id}: added {len(added)} incident{'s' if len(added) != 1 else ''}"
            + (f" ({skipped} already in it)" if skipped else "")
            + f"; it holds {len(state.incidents)}"
        )

    @case_app.command("remove")
    @handle_errors
    def remove(
        case: Annotated[str, typer.Argument(help="Case id or name.")],
        incidents: Annotated[list[str], typer.Argument(help="Incident ids.")],
        project: ProjectOption = None,
    ) -> None:
        """Take incidents out of a case (the ledger keeps that they were in it)."""
        from factfinder.services.cases.commands import remove_incidents

        with open_project(project) as proj:
            state = remove_incidents(proj, case, incidents)
        err.print(f"case {state.id}: it holds {len(state.incidents)} incidents")

    @case_app.command("note")
    @handle_errors
    def note(
        case: Annotated[str, typer.Argument(help="Case id or name.")],
        text: Annotated[str, typer.Argument(help="The note.")],
        incident: Annotated[
            str | None, typer.Option(help="The incident of the case the note is about.")
        ] = None,
        restricted: Annotated[
            bool,
            typer.Option(
                "--restricted",
                help="The note holds personal data: leave it out of reports and "
                "exports unless restricted data is asked for.",
            ),
        ] = False,
        project: ProjectOption = None,
    ) -> None:
        """Write a note on a case."""
        from factfinder.services.cases.commands import add_note

        with open_project(project) as proj:
            written = add_note(proj, case, text, incident=incident, restricted=restricted)
        err.print(f"note {written.id} (ledger entry {written.seq})")

    @case_app.command("list")
    @handle_errors
    def list_(project: ProjectOption = None, as_json: bool = JsonOption) -> None:
        """The cases, with their number of incidents and notes."""
        from rich.table import Table

        from factfinder.services.cases.queries import list_cases

        with open_project(project) as proj:
            cases = list_cases(proj)
        if as_json:
            print_json({"data": [c.to_json() for c in cases], "count": len(cases)})
            return
        table = Table("id", "name", "incidents", "notes", "created", caption=f"{len(cases)} cases")
        for c in cases:
            table.add_row(str(c.id), c.name, str(c.incidents), str(c.notes), c.created_at[:19])
        out.print(table)

    @case_app.command("show")
    @handle_errors
    def show(
        case: Annotated[str, typer.Argument(help="Case id or name.")],
        include_restricted: RestrictedOption = False,
        as_user: AsUserOption = None,
        project: ProjectOption = None,
        as_json: bool = JsonOption,
    ) -> None:
        """A case: its incidents and notes (restricted ones, and the personal names notes
        give, left out unless --include-restricted; such a read is ledgered)."""
        from factfinder.services.cases.seen import case_as_seen

        with open_project(project) as proj:
            seen = case_as_seen(
                proj, case, include_restricted=include_restricted, user=_user(proj, as_user)
            )
        if as_json:
            print_json(seen.to_json())
            return
        state = seen.state
        out.print(
            f"[bold]{state.name}[/bold] (case {state.id}, created {state.created_at[:19]} "
            f"by {state.actor})"
        )
        if state.description:
            out.print(state.description)
        out.print(f"incidents: {', '.join(state.incidents) or 'none'}")
        for n in state.notes:
            about = f" [{n.incident}]" if n.incident else ""
            out.print(f"- {n.text}{about} — {n.actor}, {n.created_at[:19]}")
        if seen.hidden_incidents or seen.hidden_notes:
            out.print(
                f"({seen.hidden_incidents} restricted incidents, {seen.hidden_notes} restricted "
                "notes; --include-restricted to show them)"
            )

    @app.command("report")
    @handle_errors
    def report(
        case: Annotated[str, typer.Argument(help="Case id or name.")],
        fmt: Annotated[str, typer.Option("--format", "-f", help="html or pdf.")] = "html",
        at: AtOption = None,
        output: Annotated[
            Path | None,
            typer.Option(
                "--output", "-o", help="Where to write it (default: <case>-cp<checkpoint>.<fmt>)."
            ),
        ] = None,
        include_restricted: RestrictedOption = False,
        as_user: AsUserOption = None,
        project: ProjectOption = None,
        as_json: bool = JsonOption,
    ) -> None:
        """The case report (HTML or PDF), built from the record as of a signed checkpoint."""
        from factfinder.services.cases.files import write_report
        from factfinder.services.cases.queries import show_case
        from factfinder.services.preserve.checkpoints import checkpoint_for

        with open_project(project) as proj:
            user = _user(proj, as_user)
            if output is None:
                name = show_case(proj, case).name
                cid, _ = checkpoint_for(proj, at)
                at = cid
                output = Path(f"{_slug(name)}-cp{cid}.{fmt}")
            result = write_report(
                proj,
                case,
                fmt=fmt,
                output=output,
                at=at,
                include_restricted=include_restricted,
                user=user,
            )
        _done(result, as_json, "report")

    @app.command("export")
    @handle_errors
    def export(
        fmt: Annotated[
            str,
            typer.Option(
                "--format",
                "-f",
                help="csv, geojson, jsonl, ged "
                "(UCDP-GED-compatible CSV) or package (BagIt "
                "evidence package; needs --case).",
            ),
        ],
        output: Annotated[
            Path,
            typer.Option("--output", "-o", help="The file (or package directory / .zip) to write."),
        ],
        case: Annotated[
            str | None, typer.Option(help="Only this case's incidents (default: every incident).")
        ] = None,
        at: AtOption = None,
        as_zip: Annotated[
            bool,
            typer.Option(
                "--zip", help="Write the package as a zip (also when --output ends in .zip)."
            ),
        ] = False,
        include_restricted: RestrictedOption = False,
        as_user: AsUserOption = None,
        project: ProjectOption = None,
        as_json: bool = JsonOption,
    ) -> None:
        """Export incidents for other tools, or a case's evidence package."""
        from factfinder.services.cases.files import write_export, write_package

        with open_project(project) as proj:
            user = _user(proj, as_user)
            if fmt == "package":
                if case is None:
                    err.print("[red]error[/red] an evidence package is of a case: give --case")
                    raise typer.Exit(2)
                result = write_package(
                    proj,
                    case,
                    output=output,
                    at=at,
                    zip_output=as_zip or output.suffix == ".zip",
                    include_restricted=include_restricted,
                    user=user,
                )
            else:
                result = write_export(
                    proj,
                    fmt=fmt,
                    output=output,
                    case=case,
                    at=at,
                    include_restricted=include_restricted,
                    user=user,
                )
        _done(result, as_json, "package" if fmt == "package" else "export")

    @app.command("verify-package")
    @handle_errors
    def verify_package_(
        path: Annotated[Path, typer.Argument(help="A package directory or .zip.")],
        key: Annotated[
            str | None,
            typer.Option(
                "--key",
                help="The public key to trust (PEM file, or 64 hex digits); default: the "
                "package's own key.",
            ),
        ] = None,
        as_json: bool = JsonOption,
    ) -> None:
        """Check an evidence package with nothing but the package (exit 4 if it is damaged)."""
        from factfinder.report.package import verify_package

        trusted = _key_text(key)
        check = verify_package(path, trusted_key=trusted)
        if as_json:
            print_json(check.to_json())
        else:
            for line in check.checked:
                err.print(f"  {line}")
            for problem in check.problems:
                err.print(f"[red]FAIL[/red] {problem.file}: {problem.message}")
            err.print(
                "package intact"
                if check.ok
                else f"[red]package damaged[/red]: {len(check.problems)} problems"
            )
        if not check.ok:
            raise typer.Exit(EXIT_INTEGRITY)


def _key_text(key: str | None) -> str | None:
    if key is None:
        return None
    candidate = Path(key)
    if candidate.is_file():
        return candidate.read_text(encoding="ascii", errors="replace")
    return key
