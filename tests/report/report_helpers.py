"""Helpers of the report tests (imported by path: tests are not a package)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from factfinder.model import Incident
from factfinder.report.model import CaseFile, CitedEntry
from factfinder.services import Project
from factfinder.services.cases.casefile import GENERATOR, _checkpoint_ref, _source
from factfinder.services.cases.evidence import inclusion_proofs, items_as_of
from factfinder.services.preserve.checkpoints import checkpoint_for

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "samples" / "seeds"


def sources_case_file(project: Project, at: int | None = None) -> CaseFile:
    """A case file of the project's items only (no incidents): sources and their proofs."""
    cid, cp = checkpoint_for(project, at)
    with project.read() as conn:
        found = items_as_of(conn, range(1, 1000), cp.size)
        proven = inclusion_proofs(conn, [i.seq for i in found.values()], cp)
    sources = tuple(
        _source(n, item, ())
        for n, item in enumerate(sorted(found.values(), key=lambda i: i.seq), 1)
    )
    cited = tuple(
        CitedEntry(p.seq, p.kind, p.subject, p.entry, p.leaf_hash, p.audit_path) for p in proven
    )
    return CaseFile(
        None,
        "Seed sources",
        None,
        _checkpoint_ref(project, cid, cp),
        (),
        sources,
        cited,
        generator=GENERATOR,
    )


def incident_from_json(obj: dict[str, Any]) -> Incident:
    """An `Incident` from a line of `factfinder link` output (its explanation kept in `extra`)."""
    return Incident.from_json(obj)
