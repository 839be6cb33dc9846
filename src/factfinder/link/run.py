"""One linking run over records in memory: blocking → scoring → clustering → incidents.

This is the part the batch command and the database workflow share; neither reads files here.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from factfinder.assess.grading import GradeOverride
from factfinder.jsonl import dumps
from factfinder.link.blocking import candidate_pairs
from factfinder.link.cluster import Clustering, Constraints, cluster
from factfinder.link.features import PairScorer
from factfinder.link.incidents import build_incident
from factfinder.link.parallel import chunked, map_chunks
from factfinder.link.records import LinkClaim
from factfinder.link.text import idf_table
from factfinder.model import Incident


def compute_idf(records: Sequence[LinkClaim]) -> dict[str, float]:
    """Rarity of every name and content word over the run's claims (rare words weigh more)."""
    return idf_table(r.names | r.words for r in records)


KEY_WORDS = 5
KEY_WORD_MIN_LIMIT = 20
KEY_TOLL_MIN = 4
KEY_NAMES = 3
NAME_LIMIT = 50
_RARE_TYPES = frozenset({"chemical", "mass_grave", "execution", "detention"})


def blocking_keys(
    records: Sequence[LinkClaim],
) -> tuple[list[tuple[str, ...]], list[tuple[str, ...]]]:
    """Each claim's blocking keys and its name keys (see `factfinder.link.blocking`).

    Keys: the `KEY_WORDS` rarest of its words and names that another claim also uses and at
    most one claim in 500 (min. 20) uses, its tolls of `KEY_TOLL_MIN` or more (total and
    civilians; smaller tolls are too common to tell incidents apart) and a rare event type.
    Name keys: its `KEY_NAMES` rarest proper names used by at most 1% of the claims and at most
    `NAME_LIMIT` claims (min. 2): a name that many reports repeat finds no particular incident.
    """
    df: Counter[str] = Counter()
    for r in records:
        df.update(r.names | r.words)
    limit = max(2, min(NAME_LIMIT, len(records) // 100))
    word_limit = max(KEY_WORD_MIN_LIMIT, len(records) // 500)
    keys: list[tuple[str, ...]] = []
    names: list[tuple[str, ...]] = []
    for r in records:
        rare = sorted((df[t], t) for t in r.names | r.words if 2 <= df[t] <= word_limit)
        tolls = {f"toll:{p}" for c in (r.killed[0], r.killed[1])
                 if c is not None and (p := _point(c)) is not None and p >= KEY_TOLL_MIN}
        kind = (f"type:{r.event_type}",) if r.event_type in _RARE_TYPES else ()
        keys.append((*(t for _, t in rare[:KEY_WORDS]), *sorted(tolls), *kind))
        rare_names = sorted((df[t], t) for t in r.names if 2 <= df[t] <= limit)[:KEY_NAMES]
        names.append(tuple(t for _, t in rare_names))
    return keys, names


def _point(c: tuple[int | None, int | None]) -> int | None:
    lo, hi = c
    return lo if lo is not None else hi


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

    def incidents(
        self, overrides: Mapping[str, GradeOverride] | None = None
    ) -> Iterator[Incident]:
        """The incidents, in order of their first member claim."""
        for k in range(len(self.clustering.clusters)):
            yield self.incident(k, overrides)

    def incident(
        self, k: int, overrides: Mapping[str, GradeOverride] | None = None
    ) -> Incident:
        """The k-th incident."""
        c = self.clustering
        inc_id = self.ids[k]
        return build_incident(inc_id, self.records, c.clusters[k], c.links[k], c.refusals[k],
                              self.scorer.explain, (overrides or {}).get(inc_id))

    def incident_lines(
        self, overrides: Mapping[str, GradeOverride] | None = None, workers: int = 1
    ) -> Iterator[str]:
        """The incidents as JSON lines (the batch format), built on `workers` processes."""

        def job(ks: Sequence[int]) -> list[str]:
            return [dumps(self.incident(k, overrides).to_json()) for k in ks]

        for lines in map_chunks(job, chunked(range(len(self.clustering.clusters)), 2000),
                                workers):
            yield from lines


def link_records(
    records: Sequence[LinkClaim],
    constraints: Constraints | None = None,
    id_prefix: str = "inc-",
    workers: int = 1,
) -> LinkRun:
    """Link `records` (indexed 0..n-1 by `idx`) into clusters; see `LinkRun.incidents()`.

    A cluster pinned by an analyst keeps the pinned incident id; the others are numbered
    `inc-000001`, … in order of their first member claim. `workers` > 1 scores candidate
    pairs on that many forked processes (the result is the same).
    """
    for i, r in enumerate(records):
        if r.idx != i:
            raise ValueError(f"record {i} has idx {r.idx}; records must be indexed 0..n-1")
    idf = compute_idf(records)
    scorer = PairScorer(records, idf)
    edges: list[tuple[float, int, int]] = []
    pairs = 0
    keys, names = blocking_keys(records)

    def score_chunk(chunk: Sequence[tuple[int, int]]) -> tuple[int, list[tuple[float, int, int]]]:
        kept = []
        for a, b in chunk:
            s = scorer.score(a, b)
            if s is not None:
                kept.append((s, a, b))
        return len(chunk), kept

    for n, kept in map_chunks(score_chunk, chunked(candidate_pairs(records, keys, names)),
                              workers):
        pairs += n
        edges.extend(kept)
    del keys, names

    clustering = cluster(records, edges, scorer.full, constraints)
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
        claims=len(records), candidate_pairs=pairs, links=len(edges),
        incidents=len(clustering.clusters),
        merged_incidents=sum(1 for c in clustering.clusters if len(c) > 1),
    )
    return LinkRun(records, clustering, scorer, stats, tuple(ids))
