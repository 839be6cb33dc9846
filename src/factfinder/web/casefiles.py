"""Cases as the workspace shows them, and the files built of them (report, evidence package),
the same for the JSON API and the pages.

A case is read through the one redaction view (`factfinder.services.cases.seen.case_as_seen`):
a role without access to restricted data sees neither restricted incidents nor restricted
notes, and the personal names notes give are cut. A report or package is built with the
command line's services (`write_report`, `write_package`) into a temporary folder, its
`export.write` ledger entry naming the user, and handed back as a download: nothing built
stays on the server for another reader to fetch. It holds restricted data only when the
user's role may see it and they asked for it (as `--include-restricted` at the command line).
"""

from __future__ import annotations

import re
import shutil
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

from factfinder.errors import InvalidRecord, NotFound
from factfinder.services.access.roles import Permission
from factfinder.services.cases.files import ExportResult, write_package, write_report
from factfinder.services.cases.queries import CaseSummary, list_cases
from factfinder.services.cases.seen import SeenCase, case_as_seen
from factfinder.services.incidents.queries import IncidentSummary, get_incident
from factfinder.services.preserve.checkpoints import checkpoint_for
from factfinder.services.project import Project
from factfinder.web import views
from factfinder.web.deps import Principal

BUILD_KINDS = {
    "html": ("report", "html", "text/html; charset=utf-8"),
    "pdf": ("report", "pdf", "application/pdf"),
    "package": ("package", "zip", "application/zip"),
}


@dataclass(frozen=True, slots=True)
class Built:
    filename: str
    media_type: str
    data: bytes
    result: ExportResult


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60] or "case"


def seen_case(project: Project, who: Principal, case_id: int) -> SeenCase:
    """The case as `who` may see it now (a privileged read is ledgered)."""
    return case_as_seen(
        project,
        case_id,
        include_restricted=who.can(Permission.READ_RESTRICTED),
        user=who.user,
    )


def visible_cases(project: Project, who: Principal) -> list[CaseSummary]:
    """Every case with the number of incidents and notes `who` may see (what a reader cannot
    see is not counted for them), its name and description cut as its notes are."""
    found = list_cases(project)
    if who.can(Permission.READ_RESTRICTED):
        return found
    out = []
    for c in found:
        seen = case_as_seen(project, c.id, include_restricted=False, user=who.user)
        out.append(
            replace(
                c,
                name=seen.state.name,
                description=seen.state.description,
                incidents=len(seen.state.incidents),
                notes=len(seen.state.notes),
            )
        )
    return out


def incident_rows(
    project: Project, who: Principal, incidents: tuple[str, ...]
) -> tuple[list[IncidentSummary], list[str]]:
    """(the summaries of the case's incidents as the reader may see them, the ids the latest
    link run no longer holds)."""
    found: list[IncidentSummary] = []
    gone: list[str] = []
    for incident in incidents:
        try:
            found.append(get_incident(project, incident).summary)
        except NotFound:
            gone.append(incident)
    return views.visible_rows(who, project, found), gone


def build(
    project: Project,
    who: Principal,
    case_id: int,
    kind: str,
    *,
    at: int | None = None,
    include_restricted: bool = False,
) -> Built:
    """Build the `kind` (`html`, `pdf` or `package`) of the case from checkpoint `at` (the
    latest, signed now if the record grew, when None)."""
    if kind not in BUILD_KINDS:
        raise InvalidRecord(f"{kind!r} is not one of {', '.join(BUILD_KINDS)}")
    what, ext, media = BUILD_KINDS[kind]
    # The file's name is never the way a restricted name gets out: it is made from the case's
    # name as a reader without access to restricted data sees it, whoever builds it.
    name = case_as_seen(project, case_id, include_restricted=False, user=None).state.name
    cid, _ = checkpoint_for(project, at)
    filename = f"{slug(name)}-cp{cid}.{ext}"
    folder = Path(tempfile.mkdtemp(prefix="factfinder-build-"))
    try:
        output = folder / filename
        if what == "report":
            result = write_report(
                project,
                case_id,
                fmt=ext,
                output=output,
                at=cid,
                include_restricted=include_restricted,
                user=who.user,
            )
        else:
            result = write_package(
                project,
                case_id,
                output=output,
                at=cid,
                zip_output=True,
                include_restricted=include_restricted,
                user=who.user,
            )
        return Built(filename, media, output.read_bytes(), result)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def download_headers(built: Built) -> dict[str, str]:
    return {
        "Content-Disposition": f'attachment; filename="{built.filename}"',
        "X-Checkpoint": str(built.result.checkpoint_id),
        "X-Ledger-Seq": str(built.result.seq),
    }
