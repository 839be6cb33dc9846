"""The clustering spread over worker processes, a batch of connected components at a time.

Two claims can only end in one incident through a chain of scored pairs, so the clustering of
one connected component of the pair graph never looks at another: every merge, refusal and
average-link score stays inside it. This process finds the components (a union-find over the
pairs), sends batches of them to the workers with the compact views of their claims
(`factfinder.link.pairs.ScoreView`) and the rarity weights of their words, and puts the pieces
together (`factfinder.link.cluster.assemble_clustering`). Each component's pairs are taken in
the same order as in the clustering of all pairs at once, so the result is the same.
Analysts' decisions (`Constraints`) reach across components and are clustered in one process.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from itertools import chain
from typing import NamedTuple

from factfinder.link.cluster import (
    Clustering,
    EdgeCodec,
    Piece,
    UnionFind,
    assemble_clustering,
    cluster_pieces,
)
from factfinder.link.features import PairScorer
from factfinder.link.pairs import ScoreView
from factfinder.link.parallel import Workers
from factfinder.link.records import LinkClaim

BATCH_EDGES = 40000  # pairs per job: enough to outweigh sending the claims


class ComponentBatch(NamedTuple):
    """Connected components to cluster: their claims by index, pairs and word weights."""

    records: dict[int, ScoreView]
    edges: list[int]
    codec: EdgeCodec
    idf: dict[str, float]


def cluster_batch(job: ComponentBatch) -> list[Piece]:
    """The clusters of a batch of components (the job of a worker process)."""
    scorer = PairScorer(job.records, job.idf)
    return cluster_pieces(job.records, job.edges, job.codec, scorer.full)


def cluster_spread(
    records: Sequence[LinkClaim],
    packed: list[int],
    codec: EdgeCodec,
    idf: Mapping[str, float],
    workers: Workers,
) -> Clustering:
    """The clustering of `records` along the packed edges, components spread over `workers`."""
    pieces: dict[int, Piece] = {}
    for got in workers.map_unordered(cluster_batch, _batches(records, packed, codec, idf)):
        for piece in got:
            pieces[piece.members[0]] = piece
    return assemble_clustering(len(records), pieces)


def _batches(
    records: Sequence[LinkClaim], packed: list[int], codec: EdgeCodec, idf: Mapping[str, float]
) -> Iterator[ComponentBatch]:
    bits = codec.bits
    mask = (1 << bits) - 1
    uf = UnionFind()
    parent, find = uf.parent, uf.find
    for key in packed:
        ra, rb = find((key >> (bits + 1)) & mask), find((key >> 1) & mask)
        if ra != rb:
            parent[rb] = ra
    edges: dict[int, list[int]] = {}
    members: dict[int, set[int]] = {}
    for key in packed:
        a, b = (key >> (bits + 1)) & mask, (key >> 1) & mask
        root = find(a)
        got = edges.get(root)
        if got is None:
            got = edges[root] = []
            members[root] = set()
        got.append(key)
        members[root].update((a, b))
    # The largest components first: one component is one worker's job, and a large one
    # started last would keep the run waiting on it alone.
    roots = sorted(edges, key=lambda r: (-len(edges[r]), r))
    batch_edges: list[int] = []
    batch_members: list[int] = []
    for root in roots:
        batch_edges.extend(edges[root])
        batch_members.extend(members[root])
        if len(batch_edges) >= BATCH_EDGES:
            yield _batch(records, batch_members, batch_edges, codec, idf)
            batch_edges, batch_members = [], []
    if batch_edges:
        yield _batch(records, batch_members, batch_edges, codec, idf)


def _batch(
    records: Sequence[LinkClaim],
    members: list[int],
    edges: list[int],
    codec: EdgeCodec,
    idf: Mapping[str, float],
) -> ComponentBatch:
    views = {i: ScoreView.of(records[i]) for i in members}
    used = set(chain.from_iterable(v.names for v in views.values()))
    used.update(chain.from_iterable(v.words for v in views.values()))
    return ComponentBatch(views, edges, codec, {t: idf[t] for t in used if t in idf})
