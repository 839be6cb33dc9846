"""Where the workspace gets incidents from: one small port between the pages/API and the
incidents area's service (`factfinder.services.incidents`, issue #4).

The pages and `/api/v1/incidents` call only the functions of an `IncidentSource`; `source(app)`
returns the one installed on the app. `ServiceSource` adapts the incidents service when it is
present in this checkout; until it is, `source` raises `IncidentsUnavailable` (answered 503), so
every incident route exists, is protected and documented, and starts working when the service
lands — only this module needs to learn the service's names.

The read models below are the workspace's own (what a page shows), built from the incident
format of CLAIMS.md (`factfinder.model.Incident` with its `extra` explanation: reconciliation,
grading trace, links, source chains).
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from factfinder.errors import FactfinderError
from factfinder.services.project import Project


class IncidentsUnavailable(FactfinderError):
    """The incidents area is not installed in this checkout."""


@dataclass(frozen=True, slots=True)
class IncidentFilter:
    """Incident list filters; None means any. Dates are ISO `YYYY-MM-DD`. `include_restricted`
    (set from the reader's role, never from the request) lets the text search `q` read
    restricted text too (member claims' restricted sentences, witnesses' names)."""

    date_from: str | None = None
    date_to: str | None = None
    governorate: str | None = None
    perpetrator: str | None = None
    event_type: str | None = None
    grade: str | None = None
    q: str | None = None
    include_restricted: bool = False


@dataclass(frozen=True, slots=True)
class IncidentRow:
    """One line of the incident list (and one point of the map)."""

    id: str
    date_start: str | None
    date_end: str | None
    date_precision: str
    place: str | None
    governorate: str | None
    lat: float | None
    lon: float | None
    event_type: str
    perpetrator: str
    killed: Mapping[str, Any] | None  # a range {"min", "max"} or None
    civilians: Mapping[str, Any] | None
    grade: str | None
    independent_sources: int
    members: int
    confirmed: bool = False


@dataclass(frozen=True, slots=True)
class IncidentPage:
    rows: Sequence[IncidentRow]
    count: int
    next_cursor: str | None  # keyset pagination: pass as `after` for the next page


@dataclass(frozen=True, slots=True)
class MemberClaim:
    """A claim of an incident, with the link that brought it in."""

    claim_id: int
    item_id: int
    item_hash: str
    score: float | None = None
    features: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class IncidentDetail:
    row: IncidentRow
    members: Sequence[MemberClaim]
    explanation: Mapping[str, Any]  # the `extra` of the incident format: reconciliation, grading…
    decisions: Sequence[Mapping[str, Any]]  # ledger entries of human decisions, oldest first


@dataclass(frozen=True, slots=True)
class LinkSummary:
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


def service_module() -> Any | None:
    try:
        return importlib.import_module("factfinder.services.incidents")
    except ImportError:
        return None


def source(state: Any) -> IncidentSource:
    """The incident source installed on the app (`app.state.incident_source`), else the
    incidents service; `IncidentsUnavailable` when there is neither."""
    installed = getattr(state, "incident_source", None)
    if installed is not None:
        return installed
    module = service_module()
    if module is None or not hasattr(module, "workspace_source"):
        raise IncidentsUnavailable(
            "incidents are not available yet: the incidents area (factfinder.services."
            "incidents) is not installed in this version"
        )
    made: IncidentSource = module.workspace_source()
    return made
