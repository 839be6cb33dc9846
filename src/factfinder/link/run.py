"""One linking run over records in memory: blocking → scoring → clustering.

This is the part the batch command and the database workflow share; neither reads files here.
Candidate pairs are found and scored on worker processes (`factfinder.link.pairs`) and the
clustering runs here; the result is the same for any number of workers. The run's clusters
become graded incidents in `factfinder.assess` (`assess.incidents`, `assess.output`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from factfinder.link.accounts import answer_edges, duplicate_edges
from factfinder.link.cluster import Clustering, Constraints, EdgeCodec, cluster_packed
from factfinder.link.components import cluster_spread
from factfinder.link.features import PairScorer
from factfinder.link.furniture import furniture
from factfinder.link.pairs import (
    KEY_NAMES,
    KEY_TOLL_MIN,
    KEY_WORD_MIN_LIMIT,
    KEY_WORDS,
    NAME_LIMIT,
    blocking_keys,
    counted_claims,
    document_frequency,
    plain_view,
    scored_edges,
    undated_edges,
)
from factfinder.link.parallel import Workers, as_workers, gc_paused
from factfinder.link.records import LinkClaim
from factfinder.link.text import idf_of

__all__ = [
    "KEY_NAMES",
    "KEY_TOLL_MIN",
    "KEY_WORDS",
    "KEY_WORD_MIN_LIMIT",
    "NAME_LIMIT",
    "LinkRun",
    "LinkStats",
    "blocking_keys",
    "compute_idf",
    "link_records",
]


def compute_idf(records: Sequence[LinkClaim]) -> dict[str, float]:
    """Rarity of every name and content word over the run's claims (rare words weigh more)."""
    return idf_of(document_frequency(records), counted_claims(records))


@dataclass(frozen=True, slots=True)
class LinkStats:
    """What a run did: claims, candidate pairs scored, links above threshold, incidents."""

    claims: int
    candidate_pairs: int
    links: int
    incidents: int
    merged_incidents: int


@dataclass(frozen=True, slots=True)
class LinkRun:
    """The result of clustering: records, the clustering, and the name weights used."""

    records: Sequence[LinkClaim]
    clustering: Clustering
    scorer: PairScorer
    stats: LinkStats
    ids: tuple[str, ...] = field(default=())

    @property
    def idf(self) -> Mapping[str, float]:
        return self.scorer.idf


def _touches(codec: EdgeCodec, edge: int, claims: frozenset[int]) -> bool:
    _, a, b = codec.unpack(edge)
    return a in claims or b in claims


def _no_decisions(constraints: Constraints | None) -> bool:
    return constraints is None or not (
        constraints.must_link or constraints.cannot_link or constraints.pinned
    )


def link_records(
    records: Sequence[LinkClaim],
    constraints: Constraints | None = None,
    id_prefix: str = "inc-",
    workers: int | Workers = 1,
    df: Mapping[str, int] | None = None,
) -> LinkRun:
    """Link `records` (indexed 0..n-1 by `idx`) into clusters (`assess.incidents.incidents_of`
    turns them into incidents).

    A cluster pinned by an analyst keeps the pinned incident id; the others are numbered
    `inc-000001`, … in order of their first member claim. `workers` > 1 finds and scores
    candidate pairs on that many processes (the result is the same). `df`, when the caller
    has it, counts the records that use each name or word (`pairs.document_frequency`).
    """
    for i, r in enumerate(records):
        if r.idx != i:
            raise ValueError(f"record {i} has idx {r.idx}; records must be indexed 0..n-1")
    pool, own = as_workers(workers)
    try:
        with gc_paused():
            if df is None:
                df = document_frequency(records)
            n = counted_claims(records)
            scorer = PairScorer(records, idf_of(df, n))
            codec = EdgeCodec.for_records(len(records))
            # What blocking, scoring and clustering read of each claim, made once for the
            # workers of both stages.
            plain = [plain_view(r) for r in records] if pool.processes > 1 else None
            pairs, edges = scored_edges(records, df, pool, codec, plain, n)
            undated_pairs, undated = undated_edges(records, df, scorer.score, codec, n=n)
            pairs += undated_pairs
            edges.extend(undated)
            edges.extend(duplicate_edges(records, codec))
            edges.extend(answer_edges(records, codec))
            apart = furniture(records)
            if apart:
                edges = [e for e in edges if not _touches(codec, e, apart)]
            links = len(edges)
            if pool.processes > 1 and _no_decisions(constraints):
                clustering = cluster_spread(records, edges, codec, scorer, pool, plain)
            else:
                clustering = cluster_packed(records, edges, codec, scorer.full, constraints)
            del edges, plain
    finally:
        if own:
            pool.close()
    used = {label for label in clustering.labels if label}
    ids: list[str] = []
    counter = 0
    for label in clustering.labels:
        if label:
            ids.append(label)
            continue
        while True:
            counter += 1
            candidate = f"{id_prefix}{counter:06d}"
            if candidate not in used:
                break
        ids.append(candidate)
    stats = LinkStats(
        claims=len(records),
        candidate_pairs=pairs,
        links=links,
        incidents=len(clustering.clusters),
        merged_incidents=sum(1 for c in clustering.clusters if len(c) > 1),
    )
    return LinkRun(records, clustering, scorer, stats, tuple(ids))
