"""The database workflow: extract ingested items, store claims with spans, ledgered."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

geo = pytest.importorskip("factfinder.geo")
if not hasattr(geo, "find_places"):
    pytest.skip("factfinder.geo.find_places has not landed", allow_module_level=True)

from sqlalchemy import select  # noqa: E402

from factfinder.cli import build_app  # noqa: E402
from factfinder.services import Project  # noqa: E402
from factfinder.services.claims.extraction import extract_items  # noqa: E402
from factfinder.services.claims.queries import list_claims  # noqa: E402
from factfinder.services.preserve.ingest import ingest  # noqa: E402
from factfinder.store.schema import ledger  # noqa: E402
from factfinder.store.schema_claims import claim_spans  # noqa: E402

SEEDS = Path(__file__).resolve().parents[2] / "samples" / "seeds" / "docs.jsonl"


@pytest.fixture
def project(tmp_path: Path) -> Project:
    proj = Project.init(tmp_path / "inquiry")
    batch = tmp_path / "seeds.jsonl"
    shutil.copy(SEEDS, batch)
    ingest(proj, [str(batch)], actor="test")
    return proj


def test_items_are_extracted_once_and_ledgered(project: Project) -> None:
    first = extract_items(project, actor="test")
    assert (first.extracted, first.failed) == (first.items, 0) and first.items >= 2
    stored = list_claims(project)
    assert first.claims == len(stored) and len(stored) >= 5
    hajin = [s for s in stored if any(p.name == "Hajin" for p in s.claim.places)]
    assert len(hajin) == 1 and hajin[0].claim.killed.civilians is not None
    with project.read() as conn:
        entries = [
            json.loads(e)
            for (e,) in conn.execute(
                select(ledger.c.entry).where(ledger.c.kind == "extract.claims")
            )
        ]
        spans = conn.execute(select(claim_spans)).all()
    assert len(entries) == first.items
    assert all(e["payload"]["claims_hash"].startswith("sha256:") for e in entries)
    assert len(spans) >= len(stored)
    # Nothing changed: a second run extracts nothing and writes nothing.
    again = extract_items(project, actor="test")
    assert (again.extracted, again.skipped) == (0, first.items)
    assert list_claims(project) == stored
    project.close()


def test_cli_extract_project(project: Project) -> None:
    root = project.root
    project.close()
    result = CliRunner().invoke(build_app(), ["extract", "--project", str(root)])
    assert result.exit_code == 0, result.output
    assert "extracted" in result.output
