"""The `factfinder restrict` commands: restriction marks, personal names and their release, and
the log of reads of restricted data."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from factfinder.cli.common import (
    JsonOption,
    ProjectOption,
    err,
    handle_errors,
    open_project,
    out,
    print_json,
)

if TYPE_CHECKING:
    from factfinder.services.project import Project

AsUser = Annotated[
    str | None,
    typer.Option(
        "--as-user",
        help="Act as this workspace user (an investigator or admin); default: the local operator.",
    ),
]
Reason = Annotated[str, typer.Option(help="Why (recorded in the ledger).")]


def _actor(project: Project, name: str | None) -> str | None:
    """The ledger actor of `--as-user`, refused unless the user's role may restrict data."""
    if name is None:
        return None
    from factfinder.services.access.queries import get_user
    from factfinder.services.access.roles import Permission

    user = get_user(project, name)
    user.require(Permission.RESTRICT)
    return user.actor


def register(app: typer.Typer) -> None:
    """Add this area's commands to the app."""
    restrict_app = typer.Typer(
        help="Restricted data: marks on items, claims and incidents, the personal names "
        "restricted by rule and their release, and who read restricted data.",
        no_args_is_help=True,
    )
    app.add_typer(restrict_app, name="restrict")

    @restrict_app.command("add")
    @handle_errors
    def add(
        subject: Annotated[str, typer.Argument(help="item:sha256:…, claim:ID or incident:ID.")],
        reason: Reason,
        field: Annotated[
            str, typer.Option(help="One field (e.g. claimant.name, text); default: the whole.")
        ] = "",
        as_user: AsUser = None,
        project: ProjectOption = None,
    ) -> None:
        """Restrict a subject or one of its fields (an unknown field is refused)."""
        from factfinder.services.access.commands import restrict

        with open_project(project) as p:
            mark = restrict(p, subject, field, reason=reason, actor=_actor(p, as_user))
        err.print(f"restricted {mark.subject} {mark.field or '(whole)'}")

    @restrict_app.command("remove")
    @handle_errors
    def remove(
        subject: str,
        reason: Reason,
        field: Annotated[str, typer.Option(help="The field; default: the whole.")] = "",
        as_user: AsUser = None,
        project: ProjectOption = None,
    ) -> None:
        """Lift a restriction mark."""
        from factfinder.services.access.commands import unrestrict

        with open_project(project) as p:
            unrestrict(p, subject, field, reason=reason, actor=_actor(p, as_user))
        err.print(f"lifted {subject} {field or '(whole)'}")

    @restrict_app.command("list")
    @handle_errors
    def list_(project: ProjectOption = None, as_json: bool = JsonOption) -> None:
        """The restriction marks in force."""
        from factfinder.services.access.queries import list_marks

        with open_project(project) as p:
            found = list_marks(p)
        if as_json:
            print_json(
                [
                    {
                        "subject": m.subject,
                        "field": m.field,
                        "reason": m.reason,
                        "created_by": m.created_by,
                        "created_at": m.created_at,
                    }
                    for m in found
                ]
            )
            return
        for m in found:
            out.print(f"{m.subject}\t{m.field or '(whole)'}\t{m.created_by}\t{m.reason}")

    @restrict_app.command("names")
    @handle_errors
    def names(
        item: Annotated[str, typer.Argument(help="An item: id, hash prefix or external id.")],
        project: ProjectOption = None,
        as_json: bool = JsonOption,
    ) -> None:
        """The personal names an item's text gives, each restricted until released."""
        from factfinder.extract.persons import names_in
        from factfinder.services.access.queries import list_releases
        from factfinder.services.access.view import name_key
        from factfinder.services.preserve.items import item_text, show_item
        from factfinder.subjects import item_subject

        with open_project(project) as p:
            summary = show_item(p, item).summary
            _, text = item_text(p, str(summary.id))
            subject = item_subject(summary.hash)
            released = {name_key(r.name) for r in list_releases(p, subject)}
        found = [{"name": n, "released": name_key(n) in released} for n in names_in(text or "")]
        if as_json:
            print_json({"item": subject, "names": found})
            return
        for f in found:
            out.print(f"{f['name']}\t{'released' if f['released'] else 'restricted'}")

    @restrict_app.command("release")
    @handle_errors
    def release(
        item: Annotated[str, typer.Argument(help="An item: id, hash prefix or external id.")],
        name: Annotated[str, typer.Argument(help="The personal name, as the text gives it.")],
        reason: Reason,
        as_user: AsUser = None,
        project: ProjectOption = None,
    ) -> None:
        """Release a personal name of an item from restriction (ledgered, with the reason)."""
        from factfinder.services.access.commands import release_name
        from factfinder.services.preserve.items import show_item
        from factfinder.subjects import item_subject

        with open_project(project) as p:
            subject = item_subject(show_item(p, item).summary.hash)
            done = release_name(p, subject, name, reason=reason, actor=_actor(p, as_user))
        err.print(f"released {done.name!r} in {done.subject}")

    @restrict_app.command("reads")
    @handle_errors
    def reads(project: ProjectOption = None, as_json: bool = JsonOption) -> None:
        """Who was shown restricted data, what and when (the `restricted.read` ledger entries)."""
        from factfinder.services.access.queries import restricted_reads

        with open_project(project) as p:
            found = restricted_reads(p)
        if as_json:
            print_json(found)
            return
        for r in found:
            out.print(f"{r['time']}\t{r['reader']}\t{r['purpose']}\t{' '.join(r['subjects'])}")
