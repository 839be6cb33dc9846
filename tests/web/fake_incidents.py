"""An in-memory incident source for the web tests (the incidents area provides the real one):
`link` makes one incident per current, not rejected claim; merge, split, confirm and grade
change the memory and write ledger entries like the real service would."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from factfinder.errors import InvalidRecord, NotFound
from factfinder.services.claims.queries import ReviewedClaim, reviewed_claims
from factfinder.services.project import Project
from factfinder.subjects import incident_subject
from factfinder.web.incident_source import (
    IncidentDetail,
    IncidentFilter,
    IncidentPage,
    IncidentRow,
    LinkSummary,
    MemberClaim,
)


@dataclass
class _Incident:
    id: str
    claims: list[int]
    confirmed: bool = False
    grade: str | None = None
    decisions: list[dict[str, object]] = field(default_factory=list)


class FakeIncidents:
    def __init__(self) -> None:
        self.incidents: dict[str, _Incident] = {}
        self.counter = 0

    def _new_id(self) -> str:
        self.counter += 1
        return f"inc-{self.counter:06d}"

    def _claims(self, project: Project) -> dict[int, ReviewedClaim]:
        return {c.id: c for c in reviewed_claims(project) if c.status != "rejected"}

    def _row(self, inc: _Incident, claims: dict[int, ReviewedClaim]) -> IncidentRow:
        members = [claims[c].claim for c in inc.claims if c in claims]
        first = members[0] if members else None
        place = first.places[0] if first and first.places else None
        killed = [m.killed.total for m in members if m.killed.total]
        civilians = [m.killed.civilians for m in members if m.killed.civilians]

        def widest(rs: list) -> dict[str, int | None] | None:  # type: ignore[type-arg]
            if not rs:
                return None
            return {"min": max(r.min or 0 for r in rs), "max": None}

        date = first.date if first else None
        return IncidentRow(
            id=inc.id,
            date_start=date.start.isoformat() if date and date.start else None,
            date_end=date.end.isoformat() if date and date.end else None,
            date_precision=date.precision if date else "unknown",
            place=place.name if place else None,
            governorate=place.admin1 if place else None,
            lat=place.lat if place else None,
            lon=place.lon if place else None,
            event_type=first.event_type if first else "unknown",
            perpetrator=first.perpetrator.group if first else "unknown",
            killed=widest(killed),
            civilians=widest(civilians),
            grade=inc.grade or "weak",
            independent_sources=1,
            members=len(members),
            confirmed=inc.confirmed,
        )

    def _match(self, row: IncidentRow, f: IncidentFilter) -> bool:
        return all(
            [
                not f.date_from or (row.date_start or "") >= f.date_from,
                not f.date_to or (row.date_start or "9999") <= f.date_to,
                not f.governorate or (row.governorate or "").lower() == f.governorate.lower(),
                not f.perpetrator or row.perpetrator == f.perpetrator,
                not f.event_type or row.event_type == f.event_type,
                not f.grade or row.grade == f.grade,
                not f.q or f.q.lower() in (row.place or "").lower(),
            ]
        )

    def list(
        self, project: Project, filters: IncidentFilter, *, limit: int, after: str | None
    ) -> IncidentPage:
        claims = self._claims(project)
        rows = [
            r
            for r in (self._row(i, claims) for i in self.incidents.values())
            if self._match(r, filters)
        ]
        rows.sort(key=lambda r: r.id)
        start = (
            0
            if after is None
            else next((k + 1 for k, r in enumerate(rows) if r.id == after), len(rows))
        )
        page = rows[start : start + limit]
        more = start + limit < len(rows)
        return IncidentPage(page, len(rows), page[-1].id if more and page else None)

    def timeline(self, project: Project, filters: IncidentFilter) -> Sequence[tuple[str, int]]:
        counts: dict[str, int] = {}
        for r in self.list(project, filters, limit=10**6, after=None).rows:
            if r.date_start:
                counts[r.date_start[:7]] = counts.get(r.date_start[:7], 0) + 1
        return sorted(counts.items())

    def get(self, project: Project, incident_id: str) -> IncidentDetail:
        inc = self.incidents.get(incident_id)
        if inc is None:
            raise NotFound(f"no incident {incident_id!r}")
        claims = self._claims(project)
        return IncidentDetail(
            self._row(inc, claims),
            [
                MemberClaim(c, claims[c].item_id, claims[c].item_hash, 0.9, {"date": 1.0})
                for c in inc.claims
                if c in claims
            ],
            {
                "reconciliation": {
                    "killed": {
                        "total": {
                            "min": {"value": 26, "rule": "max of chains", "claims": []},
                            "best": {"value": 26, "rule": "largest credible", "claims": []},
                            "max": {"value": None, "rule": "open", "claims": []},
                            "sources": 1,
                        }
                    }
                },
                "sources": [
                    {
                        "chain": "witness:umm-ahmad",
                        "claimant": "Umm Ahmad",
                        "claimant_type": "witness",
                        "statements": ["I saw it"],
                    }
                ],
                "grading": {
                    "grade": inc.grade or "weak",
                    "version": "1",
                    "rules_grade": "weak",
                    "trace": [
                        {
                            "rule": "single_source",
                            "grade": "weak",
                            "fired": True,
                            "detail": "one independent source",
                            "claims": [],
                        }
                    ],
                },
            },
            inc.decisions,
        )

    def _ledger(
        self, project: Project, kind: str, subject: str, payload: dict[str, object], actor: str
    ) -> dict[str, object]:
        with project.transaction(actor) as tx:
            e = tx.append_ledger(kind, payload, subject=subject)
        return {
            "kind": e.kind,
            "actor": e.actor,
            "time": e.time,
            "reason": payload.get("reason", ""),
        }

    def link(self, project: Project, *, actor: str) -> LinkSummary:
        claims = self._claims(project)
        placed = {c for i in self.incidents.values() for c in i.claims}
        for cid in claims:
            if cid not in placed:
                new = self._new_id()
                self.incidents[new] = _Incident(new, [cid])
        self._ledger(project, "incident.link", "link", {"claims": len(claims)}, actor)
        return LinkSummary(
            len(claims),
            len(self.incidents),
            sum(1 for i in self.incidents.values() if len(i.claims) > 1),
        )

    def merge(self, project: Project, ids: Sequence[str], *, reason: str, actor: str) -> str:
        found = [self.incidents.get(i) for i in ids]
        if any(f is None for f in found):
            raise NotFound("no such incident")
        keep = found[0]
        assert keep is not None
        for other in found[1:]:
            assert other is not None
            keep.claims += other.claims
            del self.incidents[other.id]
        keep.decisions.append(
            self._ledger(
                project,
                "incident.merge",
                incident_subject(keep.id),
                {"ids": list(ids), "reason": reason},
                actor,
            )
        )
        return keep.id

    def split(
        self,
        project: Project,
        incident_id: str,
        claim_ids: Sequence[int],
        *,
        reason: str,
        actor: str,
    ) -> str:
        inc = self.incidents.get(incident_id)
        if inc is None:
            raise NotFound(f"no incident {incident_id!r}")
        if not set(claim_ids) < set(inc.claims):
            raise InvalidRecord("choose some, not all, of the incident's claims")
        inc.claims = [c for c in inc.claims if c not in claim_ids]
        new = self._new_id()
        self.incidents[new] = _Incident(new, list(claim_ids))
        inc.decisions.append(
            self._ledger(
                project,
                "incident.split",
                incident_subject(inc.id),
                {"claims": list(claim_ids), "reason": reason},
                actor,
            )
        )
        return new

    def confirm(self, project: Project, incident_id: str, *, reason: str, actor: str) -> None:
        inc = self.incidents[incident_id]
        inc.confirmed = True
        inc.decisions.append(
            self._ledger(
                project, "incident.confirm", incident_subject(inc.id), {"reason": reason}, actor
            )
        )

    def set_grade(
        self, project: Project, incident_id: str, grade: str, *, reason: str, actor: str
    ) -> None:
        inc = self.incidents[incident_id]
        inc.grade = grade
        inc.decisions.append(
            self._ledger(
                project,
                "incident.grade",
                incident_subject(inc.id),
                {"grade": grade, "reason": reason},
                actor,
            )
        )


def install(app: object) -> FakeIncidents:
    fake = FakeIncidents()
    app.state.incident_source = fake  # type: ignore[attr-defined]
    return fake


__all__ = ["FakeIncidents", "install", "replace"]
