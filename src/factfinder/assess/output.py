"""Incidents as JSON lines, built chunk by chunk on worker processes.

Each incident is built from its member claims only (`factfinder.assess.incidents`), so a chunk of
incidents travels to a worker with the records of its members (and of the claims its refused
links name) and the rarity weights of their words, and comes back as finished lines. The lines
are those built in one process, in the same order.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from itertools import chain
from typing import NamedTuple

from factfinder.assess.grading import GradeOverride
from factfinder.assess.incidents import build_incident
from factfinder.link.cluster import Clustering, Link, Refusal
from factfinder.link.features import PairScorer
from factfinder.link.parallel import Workers, as_workers, preload
from factfinder.link.records import LinkClaim
from factfinder.link.run import LinkRun

CHUNK_INCIDENTS = 2000
CHUNK_CLAIMS = 8000

# Worker processes start with this module loaded: they build the incidents.
preload(__name__)


class IncidentSpec(NamedTuple):
    """One incident to build: its id, members, links, refused links and analyst's grade."""

    id: str
    members: list[int]
    links: list[Link]
    refusals: list[Refusal]
    override: GradeOverride | None


class IncidentChunk(NamedTuple):
    """Incidents to build with the records they name (by index) and the weights of their words."""

    incidents: list[IncidentSpec]
    records: dict[int, LinkClaim]
    idf: dict[str, float]


def build_lines(job: IncidentChunk) -> list[str]:
    """The JSON lines of a chunk's incidents (the job of a worker process)."""
    scorer = PairScorer(job.records, job.idf)
    return [_line(spec, job.records, scorer) for spec in job.incidents]


# `factfinder.jsonl.dumps` without the check for circular containers: an incident has none,
# and the check costs a fifth of writing a million of them. The output is the same.
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": "), check_circular=False)


def _line(
    spec: IncidentSpec, records: Sequence[LinkClaim] | Mapping[int, LinkClaim], scorer: PairScorer
) -> str:
    incident = build_incident(
        spec.id, records, spec.members, spec.links, spec.refusals, scorer.explain, spec.override
    )
    return _ENCODER.encode(incident.to_json())


def incident_lines(
    scorer: PairScorer,
    clustering: Clustering,
    ids: Sequence[str],
    overrides: Mapping[str, GradeOverride],
    workers: Workers,
) -> Iterator[str]:
    """Every incident of a clustering as a JSON line, in order, built on `workers`."""
    specs = (
        IncidentSpec(
            ids[k],
            clustering.clusters[k],
            clustering.links[k],
            clustering.refusals[k],
            overrides.get(ids[k]),
        )
        for k in range(len(clustering.clusters))
    )
    if workers.processes <= 1:
        for spec in specs:
            yield _line(spec, scorer.records, scorer)
        return
    for lines in workers.map(build_lines, _chunks(specs, scorer)):
        yield from lines


def run_lines(
    run: LinkRun,
    overrides: Mapping[str, GradeOverride] | None = None,
    workers: int | Workers = 1,
) -> Iterator[str]:
    """A linking run's incidents as JSON lines (the batch format), built on `workers` processes."""
    pool, own = as_workers(workers)
    try:
        yield from incident_lines(run.scorer, run.clustering, run.ids, overrides or {}, pool)
    finally:
        if own:
            pool.close()


def _chunks(specs: Iterator[IncidentSpec], scorer: PairScorer) -> Iterator[IncidentChunk]:
    records = scorer.records
    idf = scorer.idf
    batch: list[IncidentSpec] = []
    claims = 0

    def chunk() -> IncidentChunk:
        named = {
            i: records[i]
            for spec in batch
            for i in chain(spec.members, *((f.a, f.b) for f in spec.refusals))
        }
        linked = [records[i] for spec in batch if spec.links for i in spec.members]
        used = set(chain.from_iterable(r.names for r in linked))
        used.update(chain.from_iterable(r.words for r in linked))
        return IncidentChunk(batch, named, {t: idf[t] for t in used if t in idf})

    for spec in specs:
        batch.append(spec)
        claims += len(spec.members)
        if len(batch) >= CHUNK_INCIDENTS or claims >= CHUNK_CLAIMS:
            yield chunk()
            batch, claims = [], 0
    if batch:
        yield chunk()
