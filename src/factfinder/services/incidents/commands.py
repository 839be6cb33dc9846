"""Incidents in a project: link the stored claims, record analysts' decisions, read the result.

    from factfinder.services.incidents.commands import link_project, merge, split, move, confirm, grade

    summary = link_project(project, actor="cli:alice")          # after `extract --project`
    kept = merge(project, ["inc-000003", "inc-000007"], reason="same strike", actor="cli:alice")
    new = split(project, "inc-000003", [claim_id], reason="a second strike", actor=...)
    move(project, claim_id, "inc-000009", reason=..., actor=...)
    confirm(project, "inc-000009", reason="checked against the hospital list", actor=...)
    grade(project, "inc-000009", "fair", reason="field visit", actor=...)

**Linking** reads the current claims (each item's latest extraction, with reviewers'
corrections applied; rejected claims are left out), links them with `factfinder.link` and
stores the run in one transaction with one `link.run` ledger entry whose payload binds the
result: the hash of every incident's membership (`[[id, [claim ids]], …]` in id order) and the
hash of the incidents' JSON (in id order); `integrity.check_incidents` recomputes both for `verify`. Incidents
keep their ids across runs: an incident an analyst decided on keeps its id; another keeps the
id of the previous run's incident it overlaps most.

**Decisions** are each one `incident.<kind>` entry and an `incident_decisions` row written in
one transaction, then the project is linked again. Every run re-applies all decisions as
constraints (`factfinder.link.Constraints`), so re-linking never undoes one:

- `merge`: the claims of the named incidents are pinned to the first incident;
- `split`: the named claims are pinned to a new incident, the others stay pinned to the old;
- `move`: the claim is pinned to the target, the rest of its old incident to the old one;
- `confirm`: the incident's current claims are pinned to it (new reports may still join);
- `grade`: the analyst's grade and reason override the rules' grade (the trace keeps both).

Every run also brings the incidents' full-text index up to date in its transaction
(`factfinder.services.incidents.index.update_index`). Reading (lists, search, detail, as-of
a ledger size for reports) is in `factfinder.services.incidents.queries`.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, func, insert, select

from factfinder.assess.grading import GRADING_VERSION, GradeOverride
from factfinder.assess.incidents import build_incident
from factfinder.assess.reconcile import RECONCILE_VERSION
from factfinder.errors import InvalidRecord, NotFound
from factfinder.link.cluster import Constraints
from factfinder.link.features import SCORING_VERSION
from factfinder.link.records import DocInfo, LinkClaim, build, claim_text, document_hints
from factfinder.link.run import LinkRun, link_records
from factfinder.model import ClaimRef, Incident, parse_date
from factfinder.services.claims.queries import reviewed_claims
from factfinder.services.incidents.index import update_index
from factfinder.services.incidents.integrity import incident_columns
from factfinder.services.incidents.queries import current_members, latest_run_id
from factfinder.services.project import Project, Transaction
from factfinder.store.engine import refresh_statistics
from factfinder.store.schema import item_metadata, items
from factfinder.store.schema_incidents import (
    incident_assessments,
    incident_decisions,
    incident_members,
    incident_search,
    incidents,
    link_runs,
)
from factfinder.subjects import incident_subject
from factfinder.vault.hashing import canonical_json, sha256_text
from factfinder.vocab import GRADES

DECISION_KINDS = ("merge", "split", "move", "confirm", "grade")
_ID = re.compile(r"^inc-(\d+)$")


@dataclass(frozen=True, slots=True)
class LinkSummary:
    """What a run did: claims linked, incidents, incidents with several claims, its ledger seq."""

    claims: int
    incidents: int
    merged: int
    seq: int


# -- loading the claims ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Loaded:
    records: list[LinkClaim]
    claim_ids: list[int]  # record index -> stored claim id
    by_claim: dict[int, ClaimRef]


def _load(project: Project) -> _Loaded:
    """The current, not rejected claims as linker records, with their documents' metadata."""

    current = [c for c in reviewed_claims(project) if c.status != "rejected"]
    item_ids = sorted({c.item_id for c in current})
    meta: dict[int, Any] = {}
    with project.read() as conn:
        for chunk in _chunks(item_ids, 500):
            rows = conn.execute(
                select(
                    items.c.id,
                    items.c.hash,
                    item_metadata.c.text,
                    item_metadata.c.title,
                    item_metadata.c.publisher,
                    item_metadata.c.published,
                    item_metadata.c.external_id,
                    item_metadata.c.language,
                )
                .select_from(items.outerjoin(item_metadata, item_metadata.c.item_id == items.c.id))
                .where(items.c.id.in_(chunk))
            )
            meta.update({int(r.id): r for r in rows})
    docs = {item: n for n, item in enumerate(item_ids)}
    per_item: dict[int, list[Any]] = {}
    for c in current:
        per_item.setdefault(c.item_id, []).append(c.claim)
    hints = {item: document_hints(found) for item, found in per_item.items()}
    records: list[LinkClaim] = []
    claim_ids: list[int] = []
    by_claim: dict[int, ClaimRef] = {}
    for c in current:
        row = meta.get(c.item_id)
        doc_key = (row.external_id or row.hash) if row is not None else c.item_hash
        ref = ClaimRef(doc_key, c.ordinal)
        published = None
        if row is not None and row.published:
            try:
                published = parse_date(row.published)
            except InvalidRecord:
                published = None
        info = DocInfo(
            row.publisher if row else None,
            published,
            row.title if row else None,
            row.language if row else None,
        )
        text = claim_text(row.text if row else None, c.claim.spans, info.title)
        fallback, reference = hints[c.item_id]
        records.append(
            build(len(records), ref, docs[c.item_id], c.claim, info, text, fallback, reference)
        )
        claim_ids.append(c.id)
        by_claim[c.id] = ref
    return _Loaded(records, claim_ids, by_claim)


def _chunks(values: Sequence[int], size: int) -> list[Sequence[int]]:
    return [values[i : i + size] for i in range(0, len(values), size)]


# -- decisions as constraints ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Decision:
    """One analyst's decision as stored (the payload of its ledger entry)."""

    seq: int
    kind: str
    incident: str
    payload: Mapping[str, Any]
    actor: str
    created_at: str


def decisions(conn: Connection, size: int | None = None) -> list[Decision]:
    """All decisions in ledger order (those before ledger size `size` when given)."""
    query = select(incident_decisions).order_by(incident_decisions.c.seq)
    if size is not None:
        query = query.where(incident_decisions.c.seq < size)
    return [
        Decision(int(r.seq), r.kind, r.incident_id, json.loads(r.payload), r.actor, r.created_at)
        for r in conn.execute(query)
    ]


def constraints_from(
    found: Sequence[Decision], by_claim: Mapping[int, ClaimRef]
) -> tuple[Constraints, dict[str, GradeOverride]]:
    """The linker's constraints and the grade overrides that the decisions amount to.

    Pins are folded in ledger order, so a later decision about a claim replaces an earlier one;
    claims that no longer exist (re-extracted, rejected) are skipped.
    """
    pins: dict[int, str] = {}
    overrides: dict[str, GradeOverride] = {}
    for d in found:
        p = d.payload
        if d.kind == "grade":
            overrides[d.incident] = GradeOverride(p["grade"], p["reason"], d.actor)
            continue
        for incident_id, claim_list in p.get("pins", {}).items():
            for claim_id in claim_list:
                pins[int(claim_id)] = incident_id
    pinned = {by_claim[c]: label for c, label in pins.items() if c in by_claim}
    return Constraints(pinned=pinned), overrides


# -- linking ---------------------------------------------------------------------------------


def link_project(
    project: Project,
    *,
    actor: str | None = None,
    workers: int = 1,
    progress: Callable[[str], None] | None = None,
) -> LinkSummary:
    """Link the project's current claims and store the run (see the module docstring)."""
    say = progress or (lambda _m: None)
    say("loading claims")
    loaded = _load(project)
    with project.read() as conn:
        found = decisions(conn)
        previous = current_members(conn)
        taken = _used_numbers(conn)
    cons, overrides = constraints_from(found, loaded.by_claim)
    say(f"linking {len(loaded.records)} claims")
    run = link_records(loaded.records, cons, workers=workers)
    ids = _stable_ids(run, loaded.claim_ids, previous, taken)
    say(f"storing {len(ids)} incidents")
    confirmed = {d.incident for d in found if d.kind == "confirm"}
    c = run.clustering
    built = [
        build_incident(
            ids[k],
            run.records,
            c.clusters[k],
            c.links[k],
            c.refusals[k],
            run.scorer.explain,
            overrides.get(ids[k]),
        )
        for k in range(len(ids))
    ]
    with project.transaction(actor=actor) as tx:
        seq = _store_run(tx, run, built, loaded.claim_ids, confirmed)
    refresh_statistics(project.engine, RUN_TABLES)
    return LinkSummary(
        len(loaded.records), len(built), sum(1 for inc in built if len(inc.members) > 1), seq
    )


# The tables a link run adds a run's worth of rows to (their planner statistics are refreshed).
RUN_TABLES = (
    incidents.name,
    incident_members.name,
    incident_assessments.name,
    incident_search.name,
)


def _used_numbers(conn: Connection) -> int:
    """The highest incident number ever given in this project."""
    best = 0
    for (value,) in conn.execute(select(incidents.c.incident_id).distinct()):
        m = _ID.match(value)
        if m:
            best = max(best, int(m.group(1)))
    for (value,) in conn.execute(select(incident_decisions.c.incident_id)):
        m = _ID.match(value)
        if m:
            best = max(best, int(m.group(1)))
    for d in decisions(conn):
        for value in d.payload.get("pins", {}):
            m = _ID.match(value)
            if m:
                best = max(best, int(m.group(1)))
    return best


def _stable_ids(
    run: LinkRun, claim_ids: Sequence[int], previous: Mapping[int, str], taken: int
) -> list[str]:
    """Ids for the run's clusters: pinned ones keep their pin; others inherit the previous id
    they overlap most (biggest overlaps first); the rest get new numbers."""
    c = run.clustering
    ids: list[str | None] = list(c.labels)
    used = {label for label in c.labels if label}
    wishes = []
    for k, members in enumerate(c.clusters):
        if ids[k] is not None:
            continue
        votes = Counter(previous[claim_ids[i]] for i in members if claim_ids[i] in previous)
        if votes:
            best, n = min(votes.items(), key=lambda kv: (-kv[1], kv[0]))
            wishes.append((-n, k, best))
    for _, k, best in sorted(wishes):
        if best not in used:
            ids[k] = best
            used.add(best)
    counter = taken
    out: list[str] = []
    for value in ids:
        if value is None:
            counter += 1
            value = f"inc-{counter:06d}"
            while value in used:
                counter += 1
                value = f"inc-{counter:06d}"
        out.append(value)
    return out


def _store_run(
    tx: Transaction,
    run: LinkRun,
    built: Sequence[Incident],
    claim_ids: Sequence[int],
    confirmed: set[str],
) -> int:
    index_of = {r.ref: r.idx for r in run.records}
    built = sorted(built, key=lambda inc: inc.incident)
    membership = [
        [inc.incident, sorted(claim_ids[index_of[m]] for m in inc.members)] for inc in built
    ]
    bodies = [inc.to_json() for inc in built]
    versions = {
        "scoring": SCORING_VERSION,
        "reconcile": RECONCILE_VERSION,
        "grading": GRADING_VERSION,
    }
    entry = tx.append_ledger(
        "link.run",
        {
            "claims": len(run.records),
            "incidents": len(built),
            "versions": versions,
            "membership_hash": sha256_text(canonical_json(membership)),
            "incidents_hash": sha256_text(canonical_json(bodies)),
        },
        subject="link:run",
    )
    key = tx.conn.execute(
        insert(link_runs).values(
            seq=entry.seq,
            created_at=tx.now,
            actor=tx.actor,
            claims=len(run.records),
            incidents=len(built),
            versions=canonical_json(versions),
        )
    ).inserted_primary_key
    assert key is not None
    run_id = int(key[0])
    inc_rows, member_rows, assess_rows = [], [], []
    for inc, body in zip(built, bodies, strict=True):
        links = {(ln["b"]["id"], ln["b"]["claim"]): ln for ln in body.get("links", [])}
        inc_rows.append(
            {
                "run_id": run_id,
                "incident_id": inc.incident,
                "seq": entry.seq,
                "confirmed": inc.incident in confirmed,
                "body": canonical_json(body),
                **incident_columns(inc),
            }
        )
        for n, m in enumerate(inc.members):
            link = links.get((m.id, m.claim))
            member_rows.append(
                {
                    "run_id": run_id,
                    "claim_id": claim_ids[index_of[m]],
                    "incident_id": inc.incident,
                    "ordinal": n,
                    "score": link["score"] if link else None,
                    "features": canonical_json(link["features"]) if link else None,
                }
            )
        grading = body.get("grading", {})
        override = grading.get("override")
        assess_rows.append(
            {
                "run_id": run_id,
                "incident_id": inc.incident,
                "grade": inc.grade or "weak",
                "rules_grade": grading.get("rules_grade", "weak"),
                "grading_version": GRADING_VERSION,
                "reconcile_version": RECONCILE_VERSION,
                "override_reason": override["reason"] if override else None,
                "body": canonical_json(
                    {"reconciliation": body.get("reconciliation", {}), "grading": grading}
                ),
            }
        )
    for table, rows in (
        (incidents, inc_rows),
        (incident_members, member_rows),
        (incident_assessments, assess_rows),
    ):
        for chunk in range(0, len(rows), 1000):
            if rows[chunk : chunk + 1000]:
                tx.conn.execute(insert(table), rows[chunk : chunk + 1000])
    # The search index follows the run in the same transaction (only changed documents).
    update_index(tx.conn, run_id)
    return entry.seq


# -- decisions --------------------------------------------------------------------------------


def _members(conn: Connection, incident_id: str) -> list[int]:
    run_id = latest_run_id(conn)
    if run_id is None:
        raise NotFound(f"no incident {incident_id}: the project has not been linked yet")
    rows = conn.execute(
        select(incident_members.c.claim_id)
        .where(incident_members.c.run_id == run_id, incident_members.c.incident_id == incident_id)
        .order_by(incident_members.c.ordinal)
    )
    found = [int(r.claim_id) for r in rows]
    if not found:
        raise NotFound(f"no incident {incident_id}")
    return found


def _decide(
    project: Project,
    kind: str,
    incident_id: str,
    payload: Mapping[str, Any],
    actor: str | None,
    relink: bool,
) -> int:
    if not str(payload.get("reason", "")).strip():
        raise InvalidRecord(f"a {kind} decision needs a reason")
    with project.transaction(actor=actor) as tx:
        entry = tx.append_ledger(
            f"incident.{kind}", dict(payload), subject=incident_subject(incident_id)
        )
        tx.conn.execute(
            insert(incident_decisions).values(
                seq=entry.seq,
                created_at=tx.now,
                actor=tx.actor,
                kind=kind,
                incident_id=incident_id,
                payload=canonical_json(dict(payload)),
            )
        )
    if relink:
        link_project(project, actor=actor)
    return entry.seq


def merge(
    project: Project,
    incident_ids: Sequence[str],
    *,
    reason: str,
    actor: str | None = None,
    relink: bool = True,
) -> str:
    """Merge incidents into the first one named; returns its id."""
    ids = list(dict.fromkeys(incident_ids))
    if len(ids) < 2:
        raise InvalidRecord("a merge needs two or more incidents")
    with project.read() as conn:
        claims = sorted({c for i in ids for c in _members(conn, i)})
    _decide(
        project,
        "merge",
        ids[0],
        {"incidents": ids, "into": ids[0], "pins": {ids[0]: claims}, "reason": reason},
        actor,
        relink,
    )
    return ids[0]


def split(
    project: Project,
    incident_id: str,
    claim_ids: Sequence[int],
    *,
    reason: str,
    actor: str | None = None,
    relink: bool = True,
) -> str:
    """Take the named claims out of an incident into a new one; returns the new id."""
    with project.read() as conn:
        members = _members(conn, incident_id)
        moving = sorted(set(int(c) for c in claim_ids))
        stray = [c for c in moving if c not in members]
        if stray:
            raise InvalidRecord(f"claims {stray} are not in {incident_id}")
        staying = [c for c in members if c not in moving]
        if not moving or not staying:
            raise InvalidRecord("a split needs some of the incident's claims, not all or none")
        new_id = f"inc-{_used_numbers(conn) + 1:06d}"
    _decide(
        project,
        "split",
        incident_id,
        {
            "incident": incident_id,
            "claims": moving,
            "new": new_id,
            "pins": {new_id: moving, incident_id: staying},
            "reason": reason,
        },
        actor,
        relink,
    )
    return new_id


def move(
    project: Project,
    claim_id: int,
    to_incident: str,
    *,
    reason: str,
    actor: str | None = None,
    relink: bool = True,
) -> None:
    """Move one claim to another incident; the rest of its old incident stays together."""
    with project.read() as conn:
        target = _members(conn, to_incident)
        run_id = latest_run_id(conn)
        row = conn.execute(
            select(incident_members.c.incident_id).where(
                incident_members.c.run_id == run_id, incident_members.c.claim_id == int(claim_id)
            )
        ).first()
        if row is None:
            raise NotFound(f"claim {claim_id} is in no incident")
        source = row.incident_id
        staying = [c for c in _members(conn, source) if c != int(claim_id)]
    pins: dict[str, list[int]] = {to_incident: sorted({*target, int(claim_id)})}
    if staying and source != to_incident:
        pins[source] = staying
    _decide(
        project,
        "move",
        to_incident,
        {"claim": int(claim_id), "from": source, "to": to_incident, "pins": pins, "reason": reason},
        actor,
        relink,
    )


def confirm(
    project: Project,
    incident_id: str,
    *,
    reason: str,
    actor: str | None = None,
    relink: bool = True,
) -> None:
    """Confirm an incident's current claims as one incident."""
    with project.read() as conn:
        members = _members(conn, incident_id)
    _decide(
        project,
        "confirm",
        incident_id,
        {
            "incident": incident_id,
            "claims": members,
            "pins": {incident_id: members},
            "reason": reason,
        },
        actor,
        relink,
    )


def grade(
    project: Project,
    incident_id: str,
    value: str,
    *,
    reason: str,
    actor: str | None = None,
    relink: bool = True,
) -> None:
    """Set an incident's grade by hand (the rules' verdict stays in its trace)."""
    if value not in GRADES:
        raise InvalidRecord(f"grade {value!r} is not one of {', '.join(GRADES)}")
    with project.read() as conn:
        _members(conn, incident_id)
    _decide(
        project,
        "grade",
        incident_id,
        {"incident": incident_id, "grade": value, "reason": reason},
        actor,
        relink,
    )


def decision_count(conn: Connection) -> int:
    """How many decisions analysts have recorded."""
    return int(conn.execute(select(func.count()).select_from(incident_decisions)).scalar_one())
