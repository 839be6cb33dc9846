"""The batch linker: CLAIMS.jsonl + DOCS.jsonl → clusters (`factfinder.assess.batch` writes them
as INCIDENTS.jsonl; the formats are in docs/CLAIMS.md).

Both inputs are streamed, and the work is spread over `workers` processes
(`factfinder.link.parallel`):

1. the claims file is cut into stretches of lines that workers parse and check
   (`factfinder.link.reading`); this process keeps each claim as a few shared values;
2. the documents file is read here, once; of each document only its publisher, publication day,
   title and the sentences its claims point at are kept, and the sentences go to the workers,
   which read their names and words (`factfinder.link.text`) and count how many claims use each;
3. the records are linked (`factfinder.link.run`) into clusters.

A line that cannot be read (bad JSON, a claim that breaks the format) is an `InputError` naming
`path:line`; with `on_error` it is reported and skipped and the run goes on (its claims are then
in no incident), otherwise the run stops. Lines, numbers, messages and the output are the same
for any number of workers.
"""

from __future__ import annotations

import sys
from collections import Counter, deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from factfinder.errors import InputError
from factfinder.jsonl import atomic_writer, dumps
from factfinder.link.chains import chains_of
from factfinder.link.cluster import Constraints
from factfinder.link.pairs import counted_in_df
from factfinder.link.parallel import Workers, as_workers, gc_paused
from factfinder.link.reading import (
    ClaimParts,
    ClaimsLine,
    LineFailure,
    Spans,
    claim_words,
    file_chunks,
    place_of,
    read_chunk,
    read_docs_chunk,
)
from factfinder.link.records import (
    Counts,
    LinkClaim,
    PlaceInfo,
    Shared,
    assemble,
    place_info,
    window,
)
from factfinder.link.run import LinkRun, LinkStats, link_records
from factfinder.link.sources import SourceKey, source_of
from factfinder.link.text import Words, language_key
from factfinder.model import Claimant, ClaimRef, Place

ErrorHandler = Callable[[InputError], None]
WORDS_CHUNK = 4000  # claims per job of reading words


@dataclass(frozen=True, slots=True)
class ClusterFilesSummary:
    """What the batch run read and wrote."""

    stats: LinkStats
    documents: int
    documents_without_text: int
    skipped_lines: int


@dataclass(frozen=True, slots=True)
class Records:
    """The records of a claims file completed from its documents file.

    `df` counts the claims that use each name or word (for the run's rarity weights).
    """

    records: list[LinkClaim]
    documents: int
    documents_without_text: int
    skipped_lines: int
    df: Counter[str]


class _Claims:
    """The claims file as read: each claim's parts and shared place and count values, in file
    order, with the documents and where their claims start."""

    def __init__(self, on_error: ErrorHandler | None) -> None:
        self.on_error = on_error
        self.parts: list[ClaimParts] = []
        self.where: list[PlaceInfo] = []
        self.killed: list[Counts] = []
        self.injured: list[Counts] = []
        self.doc_of: list[int] = []
        self.doc_ids: list[str] = []
        self.doc_index: dict[str, int] = {}
        self.doc_start: list[int] = []
        self.skipped = 0
        self.shared = Shared(limit=sys.maxsize)
        self._places: dict[object, PlaceInfo] = {}

    def fail(self, err: InputError) -> None:
        self.skipped += 1
        if self.on_error is None:
            raise err
        self.on_error(err)

    def add_chunk(self, lines: list[ClaimsLine | LineFailure], label: str) -> None:
        # Equal values of one chunk arrive as one object: share each object once.
        seen: dict[int, Any] = {}
        for item in lines:
            if isinstance(item, LineFailure):
                self.fail(item.error())
            elif item.doc_id in self.doc_index:
                self.fail(
                    InputError(
                        f"{label}:{item.line}",
                        f"document {item.doc_id!r} appears twice",
                        stage="link",
                    )
                )
            else:
                self._add(item, seen)

    def _add(self, line: ClaimsLine, seen: dict[int, Any]) -> None:
        doc = self.doc_index[line.doc_id] = len(self.doc_ids)
        self.doc_ids.append(line.doc_id)
        self.doc_start.append(len(self.parts))
        for c in line.claims:
            self.parts.append(c)
            self.doc_of.append(doc)
            key = c.places_key
            if key is None:
                self.where.append(self._place_info(c))
            else:
                where = seen.get(id(key))
                if where is None:
                    where = seen[id(key)] = self._place_info(c)
                self.where.append(where)
            for counts, out in ((c.killed, self.killed), (c.injured, self.injured)):
                got = seen.get(id(counts))
                if got is None:
                    got = seen[id(counts)] = self.shared(counts)
                out.append(got)

    def _place_info(self, c: ClaimParts) -> PlaceInfo:
        key = c.places_key
        got = self._places.get(key) if key is not None else None
        if got is None:
            fallback = None if c.fallback is None else place_of(c.fallback)
            share = self.shared if key is not None else _alone
            got = place_info(tuple(share(place_of(p)) for p in c.places), fallback, self.shared)
            if key is not None:
                got = self._places[key] = got._replace(places=self.shared(got.places))
        return got


def _alone(place: Place) -> Place:
    return place


def _read_claims(path: str | Path, on_error: ErrorHandler | None, pool: Workers) -> _Claims:
    claims = _Claims(on_error)
    label = str(path)
    for lines in pool.map(read_chunk, file_chunks(path)):
        claims.add_chunk(lines, label)
    claims.doc_start.append(len(claims.parts))
    return claims


def read_records(
    claims_path: str | Path,
    docs_path: str | Path | None,
    on_error: ErrorHandler | None = None,
    workers: int | Workers = 1,
) -> Records:
    """Every claim of a claims file as a `LinkClaim`, completed from its documents file."""
    pool, own = as_workers(workers)
    try:
        with gc_paused():
            claims = _read_claims(claims_path, on_error, pool)
            return _complete(claims, docs_path, on_error, pool)
    finally:
        if own:
            pool.close()


When = tuple[int | None, int | None, str, str]
Completion = tuple[When, SourceKey, str | None, int | None]
DocWork = tuple[str, str | None, tuple[Spans, ...], tuple[bool, ...], tuple[bool, ...]]


def _complete(
    claims: _Claims, docs_path: str | Path | None, on_error: ErrorHandler | None, pool: Workers
) -> Records:
    parts = claims.parts
    n = len(parts)
    done = [False] * len(claims.doc_ids)
    completion: list[Completion | None] = [None] * n
    texts: list[tuple[Words, Words, str, str] | None] = [None] * n
    languages: list[str | None] = [None] * len(claims.doc_ids)
    sources: dict[tuple[str | None, str, str | None, str | None], SourceKey] = {}
    batches: deque[list[int]] = deque()
    read = 0

    def fill(d: int, publisher: str | None, published: int | None) -> range:
        """Complete document d's claims from its metadata; their indices."""
        first, last = claims.doc_start[d], claims.doc_start[d + 1]
        days = [
            day
            for i in range(first, last)
            if (date := parts[i].date) is not None
            for day in (date[1], date[0])
            if day
        ]
        anchor = published or (max(days) if days else None)
        for i in range(first, last):
            p = parts[i]
            start, end, precision = p.date if p.date is not None else (None, None, "unknown")
            key = (*p.claimant, publisher)
            source = sources.get(key)
            if source is None:
                name, kind, statement = p.claimant
                source = sources[key] = source_of(Claimant(name, kind, statement), publisher)
            completion[i] = (window(start, end, precision, anchor), source, publisher, published)
        return range(first, last)

    def fail(err: InputError) -> None:
        if on_error is None:
            raise err
        on_error(err)

    def doc_work() -> Iterator[list[DocWork]]:
        """The documents' sentences for the workers, as the documents are read."""
        nonlocal read
        if docs_path is None:
            return
        idxs: list[int] = []
        work: list[DocWork] = []
        for lines in pool.map(read_docs_chunk, file_chunks(docs_path)):
            for doc in lines:
                if isinstance(doc, LineFailure):
                    fail(doc.error())
                    continue
                read += 1
                d = claims.doc_index.get(doc.doc_id)
                if d is None or done[d]:
                    continue
                done[d] = True
                publisher = None if doc.publisher is None else sys.intern(doc.publisher)
                languages[d] = doc.language
                got = fill(d, publisher, doc.published)
                tells = any(parts[i].stance == "alleges" for i in got)
                idxs.extend(got)
                work.append(
                    (
                        doc.text,
                        doc.title,
                        tuple(parts[i].spans for i in got),
                        tuple(_undated(completion[i]) for i in got),
                        tuple(not counted_in_df(parts[i].stance, tells) for i in got),
                    )
                )
                if len(idxs) >= WORDS_CHUNK:
                    batches.append(idxs)
                    yield work
                    idxs, work = [], []
        if work:
            batches.append(idxs)
            yield work

    df: Counter[str] = Counter()
    intern = sys.intern
    hints = [0] * n
    for read_texts, counts, read_hints in pool.map(claim_words, doc_work()):
        for i, (names, words, norm, script), hint in zip(
            batches.popleft(), read_texts, read_hints, strict=True
        ):
            texts[i] = (tuple(map(intern, names)), tuple(map(intern, words)), norm, script)
            hints[i] = hint
        df.update(counts)
    missing = 0
    for d, seen in enumerate(done):
        if not seen and claims.doc_start[d] < claims.doc_start[d + 1]:
            missing += 1
            fill(d, None, None)
    records = []
    doc_ids, doc_of, doc_start = claims.doc_ids, claims.doc_of, claims.doc_start
    for i, (p, where, killed, injured) in enumerate(
        zip(parts, claims.where, claims.killed, claims.injured, strict=True)
    ):
        when, source, publisher, published = completion[i] or _unreachable()
        names, words, norm, script = texts[i] or ((), (), "", "")
        doc = doc_of[i]
        records.append(
            assemble(
                i,
                ClaimRef(doc_ids[doc], i - doc_start[doc]),
                doc,
                p.primary,
                intern(p.event_type),
                intern(p.perpetrator),
                where,
                killed,
                injured,
                when,
                source,
                publisher,
                published,
                norm,
                names,
                words,
                language_key(script, languages[doc]),
                p.stance,
                hints[i],
            )
        )
    return Records(records, read, missing, claims.skipped, df)


def _undated(c: Completion | None) -> bool:
    return c is not None and c[0][0] is None


def _unreachable() -> Completion:
    raise AssertionError("every claim is completed from its document or without one")


def cluster_files(
    claims_path: str | Path,
    docs_path: str | Path | None,
    *,
    sources_path: str | Path | None = None,
    constraints: Constraints | None = None,
    on_error: ErrorHandler | None = None,
    progress: Callable[[str], None] | None = None,
    workers: int | Workers = 1,
) -> tuple[LinkRun, ClusterFilesSummary]:
    """Link a claims file into clusters (and optionally write its source-chains file).

    `workers` > 1 spreads reading and scoring over that many local processes; the result is
    the same. `factfinder.assess.batch.link_files` writes the clusters as graded incidents.
    """
    say = progress or (lambda _msg: None)
    pool, own = as_workers(workers)
    try:
        with gc_paused():
            say("reading claims and documents")
            got = read_records(claims_path, docs_path, on_error, pool)
            records = got.records
            say(f"linking {len(records)} claims")
            run = link_records(records, constraints, workers=pool, df=got.df)
            if sources_path is not None:
                with atomic_writer(sources_path) as fh:
                    for chain in chains_of(records):
                        fh.write(dumps(chain.to_json()))
                        fh.write("\n")
    finally:
        if own:
            pool.close()
    return run, ClusterFilesSummary(
        run.stats, got.documents, got.documents_without_text, got.skipped_lines
    )
