"""Where the workspace gets incidents from: one small port between the pages/API and the
incidents area's service (`factfinder.services.incidents`, issue #4).

The pages and `/api/v1/incidents` call only the functions of an `IncidentSource`; `source(app)`
returns the one installed on the app (tests install an in-memory one), else the incidents
service's (`factfinder.services.incident_queries.workspace_source`).

The read models are the incidents service's (`factfinder.services.incident_queries`): a row
of the list, a page, an incident's detail with its `extra` explanation (reconciliation, grading
trace, links, source chains), under the names the pages use.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any, Protocol

from factfinder.services.incidents.commands import confirm, link_project, merge, split
from factfinder.services.incidents.commands import grade as set_grade
from factfinder.services.incidents.queries import (
    IncidentDetail,
    IncidentFilters,
    IncidentPage,
    IncidentSummary,
    MemberView,
    get_incident,
    incident_timeline,
    list_incidents,
)
from factfinder.services.project import Project

# The read models are the incidents service's own (`factfinder.services.incident_queries`),
# under the names the pages and the API use.
IncidentFilter = IncidentFilters
IncidentRow = IncidentSummary
MemberClaim = MemberView


@dataclass(frozen=True, slots=True)
class LinkSummary:
    """What a link run from the workspace did."""

    claims: int
    incidents: int
    merged: int


class IncidentSource(Protocol):
    """What the workspace needs from the incidents area. Writes take the acting user as
    `actor` and are ledgered by the service."""

    def list(
        self, project: Project, filters: IncidentFilter, *, limit: int, after: str | None
    ) -> IncidentPage: ...

    def timeline(self, project: Project, filters: IncidentFilter) -> Sequence[tuple[str, int]]:
        """(month `YYYY-MM`, number of incidents) in date order."""
        ...

    def get(self, project: Project, incident_id: str) -> IncidentDetail: ...

    def link(self, project: Project, *, actor: str) -> LinkSummary: ...

    def merge(self, project: Project, ids: Sequence[str], *, reason: str, actor: str) -> str: ...

    def split(
        self,
        project: Project,
        incident_id: str,
        claim_ids: Sequence[int],
        *,
        reason: str,
        actor: str,
    ) -> str: ...

    def confirm(self, project: Project, incident_id: str, *, reason: str, actor: str) -> None: ...

    def set_grade(
        self, project: Project, incident_id: str, grade: str, *, reason: str, actor: str
    ) -> None: ...


def source(state: Any) -> IncidentSource:
    """The incident source installed on the app (`app.state.incident_source`), else the
    incidents service's."""
    installed = getattr(state, "incident_source", None)
    if installed is not None:
        return installed
    made: IncidentSource = WorkspaceSource()
    return made


class WorkspaceSource:
    """The incidents service behind the web workspace's `IncidentSource` port."""

    @staticmethod
    def _filters(f: IncidentFilters) -> IncidentFilters:
        # A filter that does not say the reader may see restricted data searches as one who
        # may not.
        if f.include_restricted is True:
            return f
        return replace(f, include_restricted=False)

    def list(
        self, project: Project, filters: IncidentFilters, *, limit: int, after: str | None
    ) -> IncidentPage:
        rows, count, cursor = list_incidents(
            project, self._filters(filters), limit=limit, after=after
        )
        return IncidentPage(rows, count, cursor)

    def timeline(self, project: Project, filters: IncidentFilters) -> Sequence[tuple[str, int]]:
        return incident_timeline(project, self._filters(filters))

    def get(self, project: Project, incident_id: str) -> IncidentDetail:
        view = get_incident(project, incident_id)
        return IncidentDetail(view.summary, view.members, dict(view.incident.extra), view.decisions)

    def link(self, project: Project, *, actor: str) -> LinkSummary:
        done = link_project(project, actor=actor)
        return LinkSummary(done.claims, done.incidents, done.merged)

    def merge(self, project: Project, ids: Sequence[str], *, reason: str, actor: str) -> str:
        return merge(project, ids, reason=reason, actor=actor)

    def split(
        self,
        project: Project,
        incident_id: str,
        claim_ids: Sequence[int],
        *,
        reason: str,
        actor: str,
    ) -> str:
        return split(project, incident_id, claim_ids, reason=reason, actor=actor)

    def confirm(self, project: Project, incident_id: str, *, reason: str, actor: str) -> None:
        confirm(project, incident_id, reason=reason, actor=actor)

    def set_grade(
        self, project: Project, incident_id: str, grade: str, *, reason: str, actor: str
    ) -> None:
        set_grade(project, incident_id, grade, reason=reason, actor=actor)
