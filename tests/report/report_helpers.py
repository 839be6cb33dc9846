"""Helpers of the report tests (imported by path: tests are not a package)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, select

from factfinder.model import Casualties, ClaimRef, DateWindow, Incident, Place, parse_date
from factfinder.report.model import CaseFile, CitedEntry
from factfinder.services import Project
from factfinder.services.case_files import GENERATOR, StoredIncident, _checkpoint_ref, _source
from factfinder.services.evidence_state import (
    checkpoint_for,
    claims_as_of,
    claims_of_items_as_of,
    inclusion_proofs,
    items_as_of,
)
from factfinder.store import ledger as ledger_rows
from factfinder.store.schema import items

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "samples" / "seeds"


def sources_case_file(project: Project, at: int | None = None) -> CaseFile:
    """A case file of the project's items only (no incidents): sources and their proofs."""
    cid, cp = checkpoint_for(project, at)
    with project.read() as conn:
        found = items_as_of(conn, range(1, 1000), cp.size)
        proven = inclusion_proofs(conn, [i.seq for i in found.values()], cp)
    sources = tuple(_source(n, item, False)
                    for n, item in enumerate(sorted(found.values(), key=lambda i: i.seq), 1))
    cited = tuple(CitedEntry(p.seq, p.kind, p.subject, p.entry, p.leaf_hash, p.audit_path)
                  for p in proven)
    return CaseFile(None, "Seed sources", None, _checkpoint_ref(project, cid, cp), (), sources,
                    cited, generator=GENERATOR)


def incident_from_json(obj: dict[str, Any]) -> Incident:
    """An `Incident` from a line of `factfinder link` output (its explanation kept in `extra`)."""
    core = {"incident", "members", "date", "places", "killed", "injured",
            "independent_sources", "grade"}
    return Incident(
        str(obj["incident"]), tuple(ClaimRef.from_json(m) for m in obj["members"]),
        DateWindow.from_json(obj["date"]), tuple(Place.from_json(p) for p in obj["places"]),
        Casualties.from_json(obj["killed"]), Casualties.from_json(obj["injured"]),
        int(obj["independent_sources"]), obj["grade"],
        {k: v for k, v in obj.items() if k not in core})


class LinkedAsOf:
    """A stand-in for the incidents area's store: the incidents are the batch linker's clusters
    of the claims recorded as of the size asked for (so they, too, depend only on the ledger
    prefix). Incident ids follow the linker's numbering."""

    def incidents_as_of(self, conn: Connection, ids: Sequence[str] | None,
                        size: int) -> list[StoredIncident]:
        from factfinder.link import DocInfo, build, link_records
        from factfinder.link.records import claim_text

        item_ids = list(conn.execute(select(items.c.id)).scalars())
        claims = claims_as_of(conn, claims_of_items_as_of(conn, item_ids, size), size)
        docs = items_as_of(conn, {c.item_id for c in claims.values()}, size)
        ordered = sorted(claims.values(), key=lambda c: (c.item_id, c.ordinal))
        doc_index = {item_id: n for n, item_id in enumerate(sorted(docs))}
        records = []
        for idx, c in enumerate(ordered):
            d = docs[c.item_id]
            info = DocInfo(d.publisher, parse_date(d.published), d.title)
            records.append(build(idx, ClaimRef(d.external_id or d.hash, c.ordinal),
                                 doc_index[c.item_id], c.claim, info,
                                 claim_text(d.text, c.claim.spans, d.title)))
        by_ref = {r.ref: ordered[r.idx] for r in records}
        out = []
        for incident in link_records(records).incidents():
            if ids is not None and incident.incident not in ids:
                continue
            members = [by_ref[m] for m in incident.members]
            out.append(StoredIncident(incident, tuple(m.id for m in members),
                                      tuple(sorted({m.seq for m in members}))))
        return out

    def existing(self, conn: Connection, ids: Sequence[str]) -> set[str]:
        size = ledger_rows.head_size(conn)
        return {s.incident.incident for s in self.incidents_as_of(conn, ids, size)}
