"""The clustering spread over worker processes, a batch of connected components at a time.

Two claims can only end in one incident through a chain of scored pairs, so the clustering of
one connected component of the pair graph never looks at another: every merge, refusal and
average-link score stays inside it. This process finds the components (a union-find over the
pairs), sends batches of them to the workers with the compact views of their claims
(`factfinder.link.pairs.ScoreView`) and the rarity weights of their words, and puts the pieces
together (`factfinder.link.cluster.assemble_clustering`). Each component's pairs are taken in
the same order as in the clustering of all pairs at once, so the result is the same.
Analysts' decisions (`Constraints`) reach across components and are clustered in one process.

A component too large for one worker (chains of reports can join most of a run's claims into
one) is cut by time into blocks of its claims: each block's own pairs are clustered on a worker
(`cluster_log`), and this process goes through all the component's pairs in order, taking each
block's decisions where they are provably those of the whole and deciding the others itself
(`replay_pieces`), while the workers cluster the other components. The result is the
clustering of the whole component.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from itertools import chain
from typing import NamedTuple

from factfinder.link.cluster import (
    Clustering,
    Decision,
    EdgeCodec,
    Piece,
    UnionFind,
    assemble_clustering,
    cluster_log,
    cluster_pieces,
    replay_pieces,
)
from factfinder.link.features import PairScorer
from factfinder.link.pairs import PlainView, ScoreView, plain_view, whole_table
from factfinder.link.parallel import Workers
from factfinder.link.records import LinkClaim

BATCH_EDGES = 40000  # pairs per job: enough to outweigh sending the claims
# A component with more pairs than this is cut into blocks (at most this many per worker).
SPLIT_EDGES = 100_000
BLOCKS_PER_WORKER = 2


class ComponentBatch(NamedTuple):
    """Connected components to cluster: their claims by index (`plain_view`s), pairs and word
    weights."""

    records: dict[int, PlainView]
    edges: list[int]
    codec: EdgeCodec
    idf: dict[str, float]


class ComponentBlock(NamedTuple):
    """One block of a large component: its claims by index (`plain_view`s), its own pairs and
    word weights."""

    component: int
    block: int
    records: dict[int, PlainView]
    edges: list[int]
    codec: EdgeCodec
    idf: dict[str, float]


Job = ComponentBatch | ComponentBlock
Done = list[Piece] | tuple[int, int, list[Decision], dict[int, float]]


def cluster_job(job: Job) -> Done:
    """The clusters of a batch of components, or the decisions on a block's own pairs (the job
    of a worker process)."""
    records = _views(job.records)
    scorer = PairScorer(records, job.idf)
    if isinstance(job, ComponentBlock):
        log, scores = cluster_log(records, job.edges, job.codec, scorer.full)
        return job.component, job.block, log, scores
    return cluster_pieces(records, job.edges, job.codec, scorer.full)


def cluster_batch(job: ComponentBatch) -> list[Piece]:
    """The clusters of a batch of components (the job of a worker process)."""
    records = _views(job.records)
    scorer = PairScorer(records, job.idf)
    return cluster_pieces(records, job.edges, job.codec, scorer.full)


def _views(plain: dict[int, PlainView]) -> dict[int, ScoreView]:
    new = tuple.__new__
    return {i: new(ScoreView, p) for i, p in plain.items()}


class _Split(NamedTuple):
    """A large component: its pairs, the block of each claim, the blocks' decisions and the
    scores they worked out."""

    edges: list[int]
    block_of: dict[int, int]
    logs: dict[int, list[Decision]]
    scores: dict[int, float]
    blocks: int


def cluster_spread(
    records: Sequence[LinkClaim],
    packed: list[int],
    codec: EdgeCodec,
    scorer: PairScorer[LinkClaim],
    workers: Workers,
    plain: Sequence[PlainView] | None = None,
) -> Clustering:
    """The clustering of `records` along the packed edges, components spread over `workers`.

    `scorer` scores any pair of `records` (for the pairs of large components decided here);
    `plain` are the records' `plain_view`s when the caller has them.
    """
    pieces: dict[int, Piece] = {}
    splits: list[_Split] = []
    if plain is None:
        plain = [plain_view(r) for r in records]
    jobs = _jobs(records, plain, packed, codec, scorer.idf, workers.processes, splits)
    for got in workers.map_unordered(cluster_job, jobs):
        if isinstance(got, tuple):
            component, block, log, scores = got
            split = splits[component]
            split.logs[block] = log
            split.scores.update(scores)
            if len(split.logs) < split.blocks:
                continue
            got = replay_pieces(
                records,
                split.edges,
                codec,
                scorer.full,
                split.block_of,
                split.logs,
                split.scores,
            )
            splits[component] = split._replace(edges=[], block_of={}, logs={}, scores={})
        for piece in got:
            pieces[piece.members[0]] = piece
    return assemble_clustering(len(records), pieces)


def _jobs(
    records: Sequence[LinkClaim],
    plain: Sequence[PlainView],
    packed: list[int],
    codec: EdgeCodec,
    idf: Mapping[str, float],
    processes: int,
    splits: list[_Split],
) -> Iterator[Job]:
    """The blocks of the large components (noted in `splits`), then batches of the others."""
    edges, members = _components(packed, codec)
    # The largest components first: one component is one worker's job, and a large one
    # started last would keep the run waiting on it alone.
    roots = sorted(edges, key=lambda r: (-len(edges[r]), r))
    large = [r for r in roots if len(edges[r]) > SPLIT_EDGES] if processes > 1 else []
    for root in large:
        yield from _blocks(
            records, plain, edges[root], members[root], codec, idf, processes, splits
        )
    batch_edges: list[int] = []
    batch_members: list[int] = []
    for root in roots[len(large) :]:
        batch_edges.extend(edges[root])
        batch_members.extend(members[root])
        if len(batch_edges) >= BATCH_EDGES:
            yield _batch(records, plain, batch_members, batch_edges, codec, idf)
            batch_edges, batch_members = [], []
    if batch_edges:
        yield _batch(records, plain, batch_members, batch_edges, codec, idf)


def _blocks(
    records: Sequence[LinkClaim],
    plain: Sequence[PlainView],
    edges: list[int],
    members: set[int],
    codec: EdgeCodec,
    idf: Mapping[str, float],
    processes: int,
    splits: list[_Split],
) -> Iterator[ComponentBlock]:
    """A large component cut by time (first day) into blocks with about as many pairs each; a
    claim without a date is in no block (its pairs are decided with the whole component)."""
    bits = codec.bits
    mask = (1 << bits) - 1
    degree: dict[int, int] = {}
    for key in edges:
        a, b = (key >> (bits + 1)) & mask, (key >> 1) & mask
        degree[a] = degree.get(a, 0) + 1
        degree[b] = degree.get(b, 0) + 1
    dated = sorted((lo, i) for i in members if (lo := records[i].lo) is not None)
    wanted = processes * max(1, min(BLOCKS_PER_WORKER, len(edges) // (processes * SPLIT_EDGES)))
    per_block = 2 * len(edges) / wanted
    block_of: dict[int, int] = {}
    block = seen = 0
    for _, i in dated:
        if seen >= per_block * (block + 1) and block < wanted - 1:
            block += 1
        block_of[i] = block
        seen += degree[i]
    count = block + 1
    claims: list[list[int]] = [[] for _ in range(count)]
    for i, k in block_of.items():
        claims[k].append(i)
    own: list[list[int]] = [[] for _ in range(count)]
    for key in edges:
        k = block_of.get((key >> (bits + 1)) & mask, -1)
        if k >= 0 and k == block_of.get((key >> 1) & mask, -1):
            own[k].append(key)
    component = len(splits)
    splits.append(_Split(edges, block_of, {}, {}, count))
    for k in range(count):
        batch = _batch(records, plain, claims[k], own[k], codec, idf)
        yield ComponentBlock(component, k, batch.records, batch.edges, codec, batch.idf)


def _components(
    packed: list[int], codec: EdgeCodec
) -> tuple[dict[int, list[int]], dict[int, set[int]]]:
    """The pairs and the claims of each connected component, by its root."""
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
    return edges, members


def _batch(
    records: Sequence[LinkClaim],
    plain: Sequence[PlainView],
    members: list[int],
    edges: list[int],
    codec: EdgeCodec,
    idf: Mapping[str, float],
) -> ComponentBatch:
    claims = {i: plain[i] for i in members}
    if whole_table(idf, len(members)):
        return ComponentBatch(claims, edges, codec, dict(idf))
    used = set(chain.from_iterable(records[i].names for i in members))
    used.update(chain.from_iterable(records[i].words for i in members))
    return ComponentBatch(claims, edges, codec, {t: idf[t] for t in used if t in idf})
