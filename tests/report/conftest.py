"""Fixtures of the report area: a project holding the seed documents, and case files built from
the record (sources, proofs) at a checkpoint."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from factfinder.report.model import CaseFile, Source
from factfinder.services import Project
from factfinder.services.cases.casefile import GENERATOR

sys.path.insert(0, str(Path(__file__).resolve().parent))
from report_helpers import SEEDS, incident_from_json, sources_case_file


@pytest.fixture
def seed_project(tmp_path: Path) -> Iterator[Project]:
    """A SQLite project with the two seed articles ingested (and a checkpoint signed)."""
    from factfinder.services.preserve.ingest import IngestOptions, ingest

    project = Project.init(tmp_path / "project")
    try:
        summary = ingest(
            project,
            [str(p) for p in sorted(SEEDS.glob("*.txt"))],
            IngestOptions(publisher="Radio Habana Cuba"),
            actor="test:ingest",
        )
        assert summary.new_items == 2 and not summary.failures
        yield project
    finally:
        project.close()


@pytest.fixture
def sources_file() -> object:
    """`sources_case_file`, for tests."""
    return sources_case_file


@pytest.fixture(scope="session")
def batch_case_file(tmp_path_factory: pytest.TempPathFactory) -> CaseFile:
    """A case file of the seed documents built with the batch extractor and linker (no
    database): real claims, incidents and sentences; sources named by the hash of each
    document's text; a made-up checkpoint and proofs (render tests only)."""
    import json

    from factfinder.assess.batch import link_files
    from factfinder.jsonl import read_jsonl
    from factfinder.model import Document, DocumentClaims
    from factfinder.report.model import CheckpointRef, CitedClaim, IncidentEntry, Note
    from factfinder.vault.hashing import sha256_text
    from factfinder.vault.signing import SigningKey, sign_checkpoint

    work = tmp_path_factory.mktemp("batch")
    docs_path = SEEDS / "docs.jsonl"
    docs = {obj["id"]: Document.from_json(obj) for _, obj in read_jsonl(docs_path)}
    from factfinder.extract.pipeline import extract_document

    claims = {d.id: extract_document(d) for d in docs.values()}
    claims_path = work / "claims.jsonl"
    claims_path.write_text("".join(json.dumps(c.to_json()) + "\n" for c in claims.values()))
    incidents_path = work / "incidents.jsonl"
    link_files(claims_path, docs_path, incidents_path)
    sources = []
    number = {}
    for n, d in enumerate(docs.values(), start=1):
        number[d.id] = n
        sources.append(
            Source(
                n,
                sha256_text(d.text),
                n,
                "text/plain",
                len(d.text.encode()),
                d.title,
                d.publisher,
                d.published.isoformat() if d.published else None,
                d.url,
                d.id,
                "2026-01-01T00:00:00.000000Z",
                n - 1,
            )
        )
    entries = []
    for n, (_, obj) in enumerate(read_jsonl(incidents_path), start=1):
        inc = incident_from_json(obj)
        quoted = []
        for ref in inc.members:
            dc: DocumentClaims = claims[ref.id]
            c = dc.claims[ref.claim]
            text = docs[ref.id].text
            quoted.append(
                CitedClaim(
                    f"claim:{n}{ref.claim}",
                    f"{ref.id}#{ref.claim}",
                    c,
                    number[ref.id],
                    sources[number[ref.id] - 1].hash,
                    tuple(" ".join(text[a:b].split()) for a, b in c.spans),
                    c.claimant.name,
                    c.claimant.type,
                    docs[ref.id].publisher,
                    2,
                )
            )
        entries.append(
            IncidentEntry(
                n,
                inc,
                tuple(quoted),
                3 + n,
                (),
                tuple(sorted({q.claim.event_type for q in quoted})),
                tuple(sorted({q.claim.perpetrator.group for q in quoted})),
            )
        )
    key = SigningKey.generate()
    cp = sign_checkpoint(key, "log-test", 12, "sha256:" + "ab" * 32, "2026-11-26T12:00:00.000000Z")
    ref = CheckpointRef(cp, 2, key.public_key.to_hex(), key.public_key.to_pem())
    return CaseFile(
        1,
        "Raqqah and Hajin, November 2018",
        "The Syrian letters of 3 November",
        ref,
        tuple(entries),
        tuple(sources),
        (),
        (
            Note(
                "Request the exhumation records", "cli:test", "2026-11-26T11:00:00.000000Z", None, 9
            ),
        ),
        False,
        0,
        GENERATOR,
    )
