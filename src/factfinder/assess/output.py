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
from typing import Any, NamedTuple

from factfinder.assess.grading import GradeOverride
from factfinder.assess.incidents import build_incident
from factfinder.link.cluster import Clustering, Link, Refusal
from factfinder.link.features import PairScorer
from factfinder.link.pairs import whole_table
from factfinder.link.parallel import Workers, as_workers, preload
from factfinder.link.records import LinkClaim
from factfinder.link.run import LinkRun
from factfinder.model import ClaimRef

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
    """Incidents to build, with what they read of the claims they name and the weights of their
    words, all as plain values (pickled by C code alone: named tuples and dataclasses cost a
    Python call each way, which made sending the chunks half the time of building them).

    `incidents` are `IncidentSpec`s with their links and refusals as plain tuples; `records`
    the `LinkClaim`s of their members as plain tuples, by index, those of a claim alone in its
    incident without the sentence and words that only a link's explanation reads; `refs` the
    `ClaimRef`s of the other claims their refused links name (nothing else of them is read).
    """

    incidents: list[tuple[Any, ...]]
    records: dict[int, tuple[Any, ...]]
    refs: dict[int, ClaimRef]
    idf: dict[str, float]


def build_lines(job: IncidentChunk) -> list[str]:
    """The JSON lines of a chunk's incidents (the job of a worker process)."""
    new = tuple.__new__
    records = {i: new(LinkClaim, r) for i, r in job.records.items()}
    scorer = PairScorer(records, job.idf)
    specs = [
        IncidentSpec(
            name,
            members,
            [new(Link, link) for link in links],
            [new(Refusal, refusal) for refusal in refusals],
            override,
        )
        for name, members, links, refusals, override in job.incidents
    ]
    return [_line(spec, records, scorer, job.refs) for spec in specs]


# `factfinder.jsonl.dumps` without the check for circular containers: an incident has none,
# and the check costs a fifth of writing a million of them. The output is the same.
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": "), check_circular=False)


def _line(
    spec: IncidentSpec,
    records: Sequence[LinkClaim] | Mapping[int, LinkClaim],
    scorer: PairScorer,
    refs: Mapping[int, ClaimRef] | None = None,
) -> str:
    incident = build_incident(
        spec.id,
        records,
        spec.members,
        spec.links,
        spec.refusals,
        scorer.explain,
        spec.override,
        refs,
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


_TEXT = LinkClaim._fields.index("text")
assert LinkClaim._fields[_TEXT : _TEXT + 3] == ("text", "names", "words")


def _without_words(r: LinkClaim) -> tuple[Any, ...]:
    """A record as a plain tuple without its sentence, names and words."""
    return (*r[:_TEXT], "", (), (), *r[_TEXT + 3 :])


def _chunks(specs: Iterator[IncidentSpec], scorer: PairScorer) -> Iterator[IncidentChunk]:
    records = scorer.records
    idf = scorer.idf
    batch: list[IncidentSpec] = []
    claims = 0

    def chunk() -> IncidentChunk:
        plain: dict[int, tuple[Any, ...]] = {}
        for spec in batch:
            if len(spec.members) == 1 and not spec.links:
                (i,) = spec.members
                plain[i] = _without_words(records[i])
            else:
                for i in spec.members:
                    plain[i] = tuple(records[i])
        refs = {
            i: records[i].ref
            for spec in batch
            for f in spec.refusals
            for i in (f.a, f.b)
            if i not in plain
        }
        linked = [records[i] for spec in batch if spec.links for i in spec.members]
        if whole_table(idf, len(linked)):
            weights = dict(idf)
        else:
            used = set(chain.from_iterable(r.names for r in linked))
            used.update(chain.from_iterable(r.words for r in linked))
            weights = {t: idf[t] for t in used if t in idf}
        incidents = [
            (
                spec.id,
                spec.members,
                [tuple(link) for link in spec.links],
                [tuple(refusal) for refusal in spec.refusals],
                spec.override,
            )
            for spec in batch
        ]
        return IncidentChunk(incidents, plain, refs, weights)

    for spec in specs:
        batch.append(spec)
        claims += len(spec.members)
        if len(batch) >= CHUNK_INCIDENTS or claims >= CHUNK_CLAIMS:
            yield chunk()
            batch, claims = [], 0
    if batch:
        yield chunk()
