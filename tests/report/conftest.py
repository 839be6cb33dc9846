"""Fixtures of the report area: a project holding the seed documents, and case files built from
the record (sources, proofs) at a checkpoint."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from factfinder.report.model import CaseFile, CitedEntry, Source
from factfinder.services import Project
from factfinder.services.case_files import GENERATOR, _checkpoint_ref, _source
from factfinder.services.evidence_state import checkpoint_for, inclusion_proofs, items_as_of

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "samples" / "seeds"


@pytest.fixture
def seed_project(tmp_path: Path) -> Iterator[Project]:
    """A SQLite project with the two seed articles ingested (and a checkpoint signed)."""
    from factfinder.services.ingest import IngestOptions, ingest

    project = Project.init(tmp_path / "project")
    try:
        summary = ingest(project, [str(p) for p in sorted(SEEDS.glob("*.txt"))],
                         IngestOptions(publisher="Radio Habana Cuba"), actor="test:ingest")
        assert summary.new_items == 2 and not summary.failures
        yield project
    finally:
        project.close()


def sources_case_file(project: Project, at: int | None = None) -> CaseFile:
    """A case file of the project's items only (no incidents): sources and their proofs."""
    cid, cp = checkpoint_for(project, at)
    with project.read() as conn:
        items = items_as_of(conn, range(1, 1000), cp.size)
        proven = inclusion_proofs(conn, [i.seq for i in items.values()], cp)
    sources = tuple(_source(n, item, False)
                    for n, item in enumerate(sorted(items.values(), key=lambda i: i.seq), 1))
    cited = tuple(CitedEntry(p.seq, p.kind, p.subject, p.entry, p.leaf_hash, p.audit_path)
                  for p in proven)
    return CaseFile(None, "Seed sources", None, _checkpoint_ref(project, cid, cp), (), sources,
                    cited, generator=GENERATOR)


@pytest.fixture
def sources_file() -> object:
    """`sources_case_file`, for tests (conftest modules cannot be imported by name)."""
    return sources_case_file


__all__ = ["SEEDS", "Source", "sources_case_file"]
