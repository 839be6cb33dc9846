"""The incidents area's rows against the ledger (a `verify` check).

A `link.run` entry binds the run's incidents by the hash of their JSON bodies (in id order) and
its membership by the hash of (incident, claim ids) pairs; an analyst's decision entry binds
its payload. Each run row must be its entry (time, actor, counts, versions); each incident row's
columns (date, place, figures, grade — what lists, maps and filters read) must say what its
body says; each assessment row and each member's link score and features must be what the
body records. A run, incident or decision whose row is gone while its entry remains is named.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import Any

from sqlalchemy import Connection, select

from factfinder.model import Incident
from factfinder.services.incidents.queries import incident_from_json
from factfinder.store.schema_incidents import (
    incident_assessments,
    incident_decisions,
    incident_members,
    incidents,
    link_runs,
)
from factfinder.subjects import incident_subject
from factfinder.vault import ledger as ledger_rows
from factfinder.vault.hashing import canonical_json, sha256_text
from factfinder.vault.verify import Problem

DECISION_KINDS = ("merge", "split", "move", "confirm", "grade")


def incident_columns(inc: Incident) -> dict[str, Any]:
    """The columns of an `incidents` row that repeat its body (for lists, filters and maps)."""
    place = inc.places[0] if inc.places else None
    extra = inc.extra
    total, civ = inc.killed.total, inc.killed.civilians
    return {
        "date_start": inc.date.start.isoformat() if inc.date and inc.date.start else None,
        "date_end": inc.date.end.isoformat() if inc.date and inc.date.end else None,
        "date_precision": inc.date.precision if inc.date else "unknown",
        "place": place.name if place else None,
        "governorate": place.admin1 if place else None,
        "lat": place.lat if place else None,
        "lon": place.lon if place else None,
        "event_type": str(extra.get("event_type") or "unknown"),
        "perpetrator": str(extra.get("perpetrator") or "unknown"),
        "killed_min": total.min if total else None,
        "killed_max": total.max if total else None,
        "civilians_min": civ.min if civ else None,
        "civilians_max": civ.max if civ else None,
        "grade": inc.grade,
        "independent_sources": inc.independent_sources,
        "members": len(inc.members),
    }


def _problem(code: str, table: str, row: str, message: str, seq: int | None) -> Problem:
    return Problem(code, message, seq=seq, table=table, row=row)


def check_incidents(conn: Connection) -> Iterator[Problem]:
    """Every stored link run, incident, assessment, member and decision is what its ledger
    entry recorded (for `verify`)."""
    runs = {e.seq: e for e in ledger_rows.entries_of_kinds(conn, ("link.run",))}
    for run in conn.execute(select(link_runs).order_by(link_runs.c.id)):
        e = runs.pop(int(run.seq), None)
        if e is None:
            yield _problem(
                "incident.unrecorded",
                "link_runs",
                str(run.id),
                f"link run {run.id} claims ledger entry {run.seq}, which recorded no link run",
                int(run.seq),
            )
            continue
        yield from _check_run(conn, run, e.payload, e.actor, e.time)
    for seq, e in sorted(runs.items()):
        yield _problem(
            "incident.missing",
            "link_runs",
            f"entry {seq}",
            f"the link run of ledger entry {seq} ({e.payload.get('incidents')} incidents) is "
            "no longer in the link_runs table",
            seq,
        )
    decisions = {
        e.seq: e
        for e in ledger_rows.entries_of_kinds(conn, [f"incident.{k}" for k in DECISION_KINDS])
    }
    for d in conn.execute(select(incident_decisions).order_by(incident_decisions.c.seq)):
        e = decisions.pop(int(d.seq), None)
        try:
            payload = json.loads(d.payload)
        except ValueError:
            payload = None
        if (
            e is None
            or e.kind != f"incident.{d.kind}"
            or e.payload != payload
            or (d.actor, d.created_at) != (e.actor, e.time)
            or e.subject != incident_subject(d.incident_id)
        ):
            yield _problem(
                "incident.altered",
                "incident_decisions",
                str(d.id),
                f"decision {d.id} on {d.incident_id} is not what ledger entry {d.seq} recorded",
                int(d.seq),
            )
    for seq, e in sorted(decisions.items()):
        yield _problem(
            "incident.missing",
            "incident_decisions",
            f"entry {seq}",
            f"the {e.kind} decision of ledger entry {seq} ({e.subject}) is no longer in the "
            "incident_decisions table",
            seq,
        )


def _check_run(
    conn: Connection, run: Any, p: Mapping[str, Any], actor: str, time: str
) -> Iterator[Problem]:
    rid = int(run.id)
    wrong = [
        name
        for name, column, value in (
            ("created_at", run.created_at, time),
            ("actor", run.actor, actor),
            ("claims", run.claims, p.get("claims")),
            ("incidents", run.incidents, p.get("incidents")),
            ("versions", run.versions, canonical_json(p.get("versions") or {})),
        )
        if column != value
    ]
    if wrong:
        yield _problem(
            "incident.altered",
            "link_runs",
            str(rid),
            f"link run {rid}: {', '.join(wrong)} differ from ledger entry {run.seq}",
            int(run.seq),
        )
    membership: dict[str, list[int]] = {}
    members: dict[str, list[Any]] = {}
    for m in conn.execute(
        select(incident_members)
        .where(incident_members.c.run_id == rid)
        .order_by(incident_members.c.incident_id, incident_members.c.ordinal)
    ):
        membership.setdefault(m.incident_id, []).append(int(m.claim_id))
        members.setdefault(m.incident_id, []).append(m)
    assessed = {
        a.incident_id: a
        for a in conn.execute(
            select(incident_assessments).where(incident_assessments.c.run_id == rid)
        )
    }
    bodies = []
    for row in conn.execute(
        select(incidents).where(incidents.c.run_id == rid).order_by(incidents.c.incident_id)
    ):
        try:
            body = json.loads(row.body)
            inc = incident_from_json(body)
        except Exception:  # an edited body that no longer parses: the run hash names it
            bodies.append(row.body)
            continue
        bodies.append(body)
        where = f"incident {row.incident_id} of link run {rid}"
        columns = incident_columns(inc)
        bad = [
            k for k, v in columns.items() if getattr(row, k) != v and not _close(getattr(row, k), v)
        ]
        if int(row.seq) != int(run.seq):
            bad.append("seq")
        if bad:
            yield _problem(
                "incident.altered",
                "incidents",
                f"{rid}/{row.incident_id}",
                f"{where}: {', '.join(f'{k} {getattr(row, k)!r}' for k in bad if k != 'seq')}"
                f"{' seq' if 'seq' in bad else ''} is not what its body says "
                "(changed behind factfinder's back)",
                int(run.seq),
            )
        yield from _check_assessment(
            assessed.pop(row.incident_id, None), inc, body, where, rid, run
        )
        yield from _check_members(members.get(row.incident_id, []), body, where, rid, run)
    for incident_id in sorted(assessed):
        yield _problem(
            "incident.altered",
            "incident_assessments",
            f"{rid}/{incident_id}",
            f"the assessment of {incident_id} in link run {rid} has no incident",
            int(run.seq),
        )
    listed = [[k, sorted(v)] for k, v in sorted(membership.items())]
    if p.get("membership_hash") != sha256_text(canonical_json(listed)) or p.get(
        "incidents_hash"
    ) != sha256_text(canonical_json(bodies)):
        yield _problem(
            "incident.altered",
            "incidents",
            f"{rid}",
            f"the incidents of link run {rid} are not what ledger entry {run.seq} recorded "
            "(an incident or its members were changed, added or deleted behind factfinder's "
            "back)",
            int(run.seq),
        )


def _close(a: object, b: object) -> bool:
    return isinstance(a, float) and isinstance(b, float) and abs(a - b) < 1e-9


def _check_assessment(
    row: Any, inc: Incident, body: dict[str, Any], where: str, rid: int, run: Any
) -> Iterator[Problem]:
    if row is None:
        yield _problem(
            "incident.missing",
            "incident_assessments",
            f"{rid}/{inc.incident}",
            f"{where}: its assessment row is gone",
            int(run.seq),
        )
        return
    grading = body.get("grading", {})
    override = grading.get("override")
    versions = json.loads(run.versions) if run.versions else {}
    expected = {
        "grade": inc.grade or "weak",
        "rules_grade": grading.get("rules_grade", "weak"),
        "override_reason": override["reason"] if override else None,
        "grading_version": versions.get("grading"),
        "reconcile_version": versions.get("reconcile"),
        "body": canonical_json(
            {"reconciliation": body.get("reconciliation", {}), "grading": grading}
        ),
    }
    bad = [k for k, v in expected.items() if getattr(row, k) != v]
    if bad:
        yield _problem(
            "incident.altered",
            "incident_assessments",
            f"{rid}/{inc.incident}",
            f"{where}: its assessment's {', '.join(bad)} differ from its body",
            int(run.seq),
        )


def _check_members(
    rows: list[Any], body: dict[str, Any], where: str, rid: int, run: Any
) -> Iterator[Problem]:
    links = {(ln["b"]["id"], ln["b"]["claim"]): ln for ln in body.get("links", [])}
    refs = body.get("members", [])
    for n, m in enumerate(rows):
        ref = refs[n] if n < len(refs) else None
        link = links.get((ref.get("id"), ref.get("claim"))) if isinstance(ref, dict) else None
        score = link["score"] if link else None
        features = canonical_json(link["features"]) if link else None
        if int(m.ordinal) != n or m.score != score or m.features != features:
            yield _problem(
                "incident.altered",
                "incident_members",
                f"{rid}/{m.claim_id}",
                f"{where}: member claim {m.claim_id}'s ordinal, score or features differ from "
                "its body",
                int(run.seq),
            )
