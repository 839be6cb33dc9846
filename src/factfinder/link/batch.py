"""The batch linker: CLAIMS.jsonl + DOCS.jsonl → INCIDENTS.jsonl (shared/CLAIMS.md).

Both inputs are streamed. The claims file is read first and each claim kept only as its compact
`LinkClaim`; the documents file is then read once, and of each document only its publisher,
publication day, title and the sentences its claims point at are kept. Incidents are written
atomically as they are built.

A line that cannot be read (bad JSON, a claim that breaks the format) is an `InputError` naming
`path:line`; with `on_error` it is reported and skipped and the run goes on (its claims are then
in no incident), otherwise the run stops.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from factfinder.errors import InputError, InvalidRecord
from factfinder.jsonl import atomic_writer, dumps, read_jsonl
from factfinder.link.chains import chains_of
from factfinder.link.cluster import Constraints
from factfinder.link.records import (
    DocInfo,
    LinkClaim,
    Pending,
    build_partial,
    claim_text,
    complete,
    document_hints,
)
from factfinder.link.run import LinkStats, link_records
from factfinder.model import ClaimRef, Document, DocumentClaims

ErrorHandler = Callable[[InputError], None]


@dataclass(frozen=True, slots=True)
class BatchResult:
    """What the batch run read and wrote."""

    stats: LinkStats
    documents: int
    documents_without_text: int
    skipped_lines: int


def read_claims(
    path: str | Path, on_error: ErrorHandler | None = None
) -> tuple[list[LinkClaim], list[Pending], dict[str, int], int]:
    """Partial records of every claim, their pending parts, document index, skipped lines."""
    records: list[LinkClaim] = []
    pending: list[Pending] = []
    doc_index: dict[str, int] = {}
    skipped = 0

    def fail(err: InputError) -> None:
        nonlocal skipped
        skipped += 1
        if on_error is None:
            raise err
        on_error(err)

    def add(n: int, doc_id: str, parts: list[tuple[LinkClaim, Pending]]) -> None:
        if doc_id in doc_index:
            fail(InputError(f"{path}:{n}", f"document {doc_id!r} appears twice", stage="link"))
            return
        doc = doc_index[doc_id] = len(doc_index)
        for rec, pend in parts:
            records.append(rec._replace(idx=len(records), doc=doc))
            pending.append(pend)

    for n, obj in read_jsonl(path, on_error=fail if on_error else None):
        try:
            doc_id, parts = _partial_records(obj, f"{path}:{n}")
        except InvalidRecord as exc:
            fail(InputError(f"{path}:{n}", str(exc), stage="link"))
            continue
        add(n, doc_id, parts)
    return records, pending, doc_index, skipped


def _partial_records(obj: dict[str, Any], where: str) -> tuple[str, list[tuple[LinkClaim, Pending]]]:
    """The partial records of one claims line (numbered later, in file order)."""
    dc = DocumentClaims.from_json(obj)
    fallback, _ = document_hints(dc.claims)
    return dc.id, [build_partial(0, ClaimRef(dc.id, k), 0, claim, fallback)
                   for k, claim in enumerate(dc.claims)]


def complete_from_docs(
    records: list[LinkClaim],
    pending: list[Pending],
    doc_index: dict[str, int],
    docs_path: str | Path | None,
    on_error: ErrorHandler | None = None,
) -> tuple[int, int]:
    """Fill every record with its document's metadata and sentences, in place.

    Returns (documents read, documents with claims but no line in the documents file).
    """
    by_doc: dict[int, list[int]] = {}
    for r in records:
        by_doc.setdefault(r.doc, []).append(r.idx)
    done: set[int] = set()
    read = 0

    def completed(obj: dict[str, Any], where: str) -> tuple[int, list[tuple[int, LinkClaim]]]:
        doc = Document.from_json(obj)
        d = doc_index.get(doc.id)
        if d is None:
            return -1, []
        info = DocInfo(doc.publisher, doc.published, doc.title)
        idxs = by_doc.get(d, [])
        ref = _reference_day([pending[i] for i in idxs])
        return d, [(i, complete(records[i], pending[i], info,
                                claim_text(doc.text, pending[i].spans, doc.title), ref))
                   for i in idxs]

    def fail(err: InputError) -> None:
        if on_error is None:
            raise err
        on_error(err)

    if docs_path is not None:
        lines = ((n, _or_error(completed, obj, f"{docs_path}:{n}"))
                 for n, obj in read_jsonl(docs_path, on_error=on_error))
        for _, result in lines:
            if isinstance(result, InputError):
                fail(result)
                continue
            read += 1
            d, filled = result
            if d < 0 or d in done:
                continue
            done.add(d)
            for i, rec in filled:
                records[i] = rec
    missing = 0
    empty = DocInfo(None, None, None)
    for d, idxs in by_doc.items():
        if d in done:
            continue
        missing += 1
        ref = _reference_day([pending[i] for i in idxs])
        for i in idxs:
            records[i] = complete(records[i], pending[i], empty, "", ref)
    return read, missing


def _or_error(job: Callable[[dict[str, Any], str], Any], obj: dict[str, Any],
              where: str) -> Any:
    try:
        return job(obj, where)
    except InvalidRecord as exc:
        return InputError(where, str(exc), stage="link")


def _reference_day(pending: Iterable[Pending]) -> dt.date | None:
    """The latest day any claim of a document states: undated claims are placed before it."""
    days = [d for p in pending if p.date is not None for d in (p.date.end, p.date.start) if d]
    return max(days) if days else None


def link_files(
    claims_path: str | Path,
    docs_path: str | Path | None,
    output_path: str | Path,
    *,
    sources_path: str | Path | None = None,
    constraints: Constraints | None = None,
    on_error: ErrorHandler | None = None,
    progress: Callable[[str], None] | None = None,
    workers: int = 1,
) -> BatchResult:
    """Link a claims file into an incidents file (and optionally a source-chains file).

    `workers` > 1 scores pairs and builds incidents on that many local processes (reading
    stays in this process: handing parsed records between processes costs more than parsing
    them); the output is the same.
    """
    say = progress or (lambda _msg: None)
    say("reading claims")
    records, pending, doc_index, skipped = read_claims(claims_path, on_error)
    say(f"reading documents ({len(doc_index)} with claims)")
    n_docs, missing = complete_from_docs(records, pending, doc_index, docs_path, on_error)
    del pending
    say(f"linking {len(records)} claims")
    run = link_records(records, constraints, workers=workers)
    say(f"writing {run.stats.incidents} incidents")
    with atomic_writer(output_path) as fh:
        for line in run.incident_lines(workers=workers):
            fh.write(line)
            fh.write("\n")
    if sources_path is not None:
        with atomic_writer(sources_path) as fh:
            for chain in chains_of(records):
                fh.write(dumps(chain.to_json()))
                fh.write("\n")
    return BatchResult(run.stats, n_docs, missing, skipped)
