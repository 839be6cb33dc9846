"""Where the workspace gets incidents from: one small port between the pages/API and the
incidents area's service (`factfinder.services.incidents`).

The pages and `/api/v1/incidents` call only the functions of an `IncidentSource`; `source(app)`
returns the one installed on the app (tests install an in-memory one), else the incidents
service's (`factfinder.services.incident_queries.workspace_source`).

The read models are the incidents service's (`factfinder.services.incident_queries`): a row
of the list, a page, an incident's detail with its `extra` explanation (reconciliation, grading
trace, links, source chains), under the names the pages use.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from factfinder.services.incident_queries import (
    IncidentDetail,
    IncidentFilters,
    IncidentPage,
    IncidentSummary,
    LinkSummary,
    MemberView,
    workspace_source,
)
from factfinder.services.project import Project

# The read models are the incidents service's own (`factfinder.services.incident_queries`),
# under the names the pages and the API use.
IncidentFilter = IncidentFilters
IncidentRow = IncidentSummary
MemberClaim = MemberView


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
    made: IncidentSource = workspace_source()
    return made
