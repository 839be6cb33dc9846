"""One linking run over records in memory: blocking → scoring → clustering → incidents.

This is the part the batch command and the database workflow share; neither reads files here.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from factfinder.assess.grading import GradeOverride
from factfinder.link.blocking import candidate_pairs
from factfinder.link.cluster import Clustering, Constraints, cluster
from factfinder.link.features import LINK_THRESHOLD, score_pair
from factfinder.link.incidents import build_incident
from factfinder.link.records import LinkClaim
from factfinder.link.text import idf_table
from factfinder.model import Incident


def compute_idf(records: Sequence[LinkClaim]) -> dict[str, float]:
    """Rarity of every name and content word over the run's claims (rare words weigh more)."""
    return idf_table(r.names | r.words for r in records)


KEY_NAMES = 3


def blocking_keys(records: Sequence[LinkClaim]) -> list[tuple[str, ...]]:
    """Each claim's name keys for blocking: gazetteer ids of its points, its rarest names.

    A name qualifies when at least two claims use it and at most 1% of them (min. 2): a name
    that every report repeats finds no particular incident.
    """
    df: Counter[str] = Counter()
    for r in records:
        df.update(r.names)
    limit = max(2, len(records) // 100)
    out: list[tuple[str, ...]] = []
    for r in records:
        rare = sorted((df[t], t) for t in r.names if 2 <= df[t] <= limit)
        out.append(tuple(f"geo:{g}" for g in sorted(r.geo)) + tuple(t for _, t in rare[:KEY_NAMES]))
    return out


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
    idf: Mapping[str, float]
    stats: LinkStats
    ids: tuple[str, ...] = field(default=())

    def incidents(
        self, overrides: Mapping[str, GradeOverride] | None = None
    ) -> Iterator[Incident]:
        """The incidents, in order of their first member claim."""
        overrides = overrides or {}
        c = self.clustering
        for k, members in enumerate(c.clusters):
            inc_id = self.ids[k]
            yield build_incident(inc_id, self.records, members, c.links[k], c.refusals[k],
                                 self.idf, overrides.get(inc_id))


def link_records(
    records: Sequence[LinkClaim],
    constraints: Constraints | None = None,
    id_prefix: str = "inc-",
) -> LinkRun:
    """Link `records` (indexed 0..n-1 by `idx`) into clusters; see `LinkRun.incidents()`.

    A cluster pinned by an analyst keeps the pinned incident id; the others are numbered
    `inc-000001`, … in order of their first member claim.
    """
    for i, r in enumerate(records):
        if r.idx != i:
            raise ValueError(f"record {i} has idx {r.idx}; records must be indexed 0..n-1")
    idf = compute_idf(records)
    edges: list[tuple[float, int, int]] = []
    pairs = 0
    for a, b in candidate_pairs(records, blocking_keys(records)):
        pairs += 1
        s = score_pair(records[a], records[b], idf, LINK_THRESHOLD)
        if s is not None:
            edges.append((s, a, b))

    def full(a: int, b: int) -> float:
        s = score_pair(records[a], records[b], idf, -math.inf)
        assert s is not None  # no threshold: always scored
        return s

    clustering = cluster(records, edges, full, constraints)
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
    return LinkRun(records, clustering, idf, stats, tuple(ids))
