"""Constrained clustering of scored claim pairs into incidents.

Pairs are merged strongest first (Kruskal order on a union-find; pairs of two documents' main
claims before the others), and a merge of two clusters happens only when every constraint holds
for the merged cluster:

* **never-merge**: two claims of the same document are different incidents (the extractor
  writes one claim per incident), so clusters sharing a document are never merged; a claim
  that denies or admits an incident the document tells (`stance`) is the other voice on that
  incident and may join it (`document_key`);
* **one date window**: no member's window starts more than `MAX_GAP_DAYS` after another's ends;
* **one place area**: one of the members' points has a point of every member within
  `MAX_AREA_RADIUS_KM` (claims often name several places: the town, the province capital, the
  evacuees' home town), and coarse places (district, governorate) share a governorate, which
  the points (if any) are in;
* **compatible event types**: no two members have conflicting types (a shooting and a chemical
  attack are never one incident);
* **average link**: the mean score over all pairs across the two clusters is at least
  `AVERAGE_THRESHOLD`, so a chain of good links cannot join reports that disagree;
* **human decisions**: cannot-link pairs are never merged; claims pinned to different incidents
  are never merged; must-link pairs and claims pinned to one incident are merged first, whatever
  the automatic constraints say (an analyst's decision outranks the rules).

Every merge keeps the pair that made it as a `Link`; refused merges are kept as `Refusal`s with
the constraint that refused them, so the output can show why two reports were kept apart.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal, NamedTuple, Protocol

from factfinder.errors import Conflict
from factfinder.geo import distance_km
from factfinder.link.features import LINK_THRESHOLD, events_compatible
from factfinder.link.records import LinkClaim, Point
from factfinder.model import ClaimRef

MAX_AREA_RADIUS_KM = 25.0
MAX_GAP_DAYS = 7
AVERAGE_SAMPLE = 12
AVERAGE_THRESHOLD = LINK_THRESHOLD - 0.5


@dataclass(frozen=True, slots=True)
class Constraints:
    """Human decisions the clustering must respect (re-applied on every run).

    `pinned` maps a claim to the incident an analyst put it in: claims pinned to one incident
    are merged; claims pinned to different incidents are kept apart.
    """

    must_link: tuple[tuple[ClaimRef, ClaimRef], ...] = ()
    cannot_link: tuple[tuple[ClaimRef, ClaimRef], ...] = ()
    pinned: Mapping[ClaimRef, str] = field(default_factory=dict)


class Link(NamedTuple):
    """A merge: claims `a` and `b` (record indices) joined with `score`, `kind` auto or human."""

    a: int
    b: int
    score: float
    kind: str


class Refusal(NamedTuple):
    """A scored pair that was not merged, and the constraint that refused it."""

    a: int
    b: int
    score: float
    reason: str


class Clustering(NamedTuple):
    """Clusters as sorted lists of record indices, with their links and refusals."""

    clusters: list[list[int]]
    links: list[list[Link]]
    refusals: list[list[Refusal]]
    labels: list[str | None]  # the pinned incident id of each cluster, if any


_SCORE_BIAS = 1 << 21  # scores are milli-units well inside ±2**21
_RANK_MASK = (1 << 22) - 1  # the biased score within an edge's rank


class EdgeCodec(NamedTuple):
    """Packs a scored pair into one integer that sorts in the order pairs are merged.

    The order is: pairs of two main claims first, then higher scores first, then the record
    indices. One integer costs a third of a `(score, a, b)` tuple and sorts faster, which
    matters with millions of pairs. Scores have three decimals and come back exactly.
    """

    bits: int  # bits of a record index

    @classmethod
    def for_records(cls, n: int) -> EdgeCodec:
        return cls(max(1, (n - 1).bit_length()))

    def pack(self, score: float, a: int, b: int, both_primary: bool) -> int:
        bits = self.bits
        milli = round(score * 1000)
        if not -_SCORE_BIAS < milli < _SCORE_BIAS:
            raise ValueError(f"score {score} out of range")
        rank = (0 if both_primary else 1 << 22) | (_SCORE_BIAS - milli)
        # The lowest bit keeps a score of -0.0 (a small negative sum rounded) as it was: it is
        # written out as such. It never decides the order: no two pairs share a and b.
        negative_zero = milli == 0 and math.copysign(1.0, score) < 0
        return (((((rank << bits) | a) << bits) | b) << 1) | negative_zero

    def unpack(self, key: int) -> tuple[float, int, int]:
        bits = self.bits
        mask = (1 << bits) - 1
        rank = key >> (2 * bits + 1)
        milli = _SCORE_BIAS - (rank & _RANK_MASK)
        score = -0.0 if key & 1 else milli / 1000
        return score, (key >> (bits + 1)) & mask, (key >> 1) & mask


class Clusterable(Protocol):
    """What the clustering reads of a claim: a `LinkClaim` or a `pairs.ScoreView`."""

    @property
    def idx(self) -> int: ...
    @property
    def doc(self) -> int: ...
    @property
    def lo(self) -> int | None: ...
    @property
    def hi(self) -> int | None: ...
    @property
    def points(self) -> tuple[Point, ...]: ...
    @property
    def areas(self) -> frozenset[str]: ...
    @property
    def area(self) -> str: ...
    @property
    def event_type(self) -> str: ...
    @property
    def stance(self) -> str: ...


def document_key(r: Clusterable) -> int:
    """The document a claim counts for in the never-merge rule: its own, except that the
    claims of a document that deny or admit (the other voice on an incident the document tells:
    "… The Russian defence ministry denied it") count for a document of their own, one per
    stance, so they may join the incident they answer."""
    if r.stance == "alleges":
        return r.doc
    return -(2 * r.doc + (1 if r.stance == "admits" else 2))


class _State:
    """What a cluster must remember to check its constraints when it grows."""

    __slots__ = (
        "centres",
        "coarse_areas",
        "countries",
        "docs",
        "earliest_end",
        "events",
        "fine_areas",
        "label",
        "latest_start",
        "members",
        "point_sets",
    )

    def __init__(self, r: Clusterable, label: str | None) -> None:
        self.members = [r.idx]
        self.docs = {document_key(r)}
        self.latest_start = r.lo
        self.earliest_end = r.hi
        # The incident's place is one of its members' points with every member's points near
        # it: `centres` are the points that still qualify, `point_sets` each member's points.
        self.centres: list[tuple[float, float]] = list(r.points)
        # (Distinct point sets are enough: "near one of them" is asked of each.)
        self.point_sets: dict[tuple[Point, ...], None] = {r.points: None} if r.points else {}
        # Coarse members must share a governorate (the intersection of their areas); point
        # members may straddle a border but must be in one of those governorates.
        self.fine_areas: set[str] = set(r.areas) if r.points else set()
        self.coarse_areas: frozenset[str] | None = r.areas if not r.points and r.areas else None
        self.countries = (
            {r.area} if not r.points and not r.areas and r.area != "country:" else set()
        )
        self.events = {r.event_type} - {"unknown", "other"}
        self.label = label

    def absorb(self, other: _State, centres: list[tuple[float, float]] | None = None) -> None:
        """Take in `other`; `centres` are `_shared_centres(self, other)` when known."""
        self.centres = _shared_centres(self, other) if centres is None else centres
        self.members.extend(other.members)
        self.docs |= other.docs
        self.latest_start = _max_opt(self.latest_start, other.latest_start)
        self.earliest_end = _min_opt(self.earliest_end, other.earliest_end)
        self.point_sets.update(other.point_sets)
        self.fine_areas |= other.fine_areas
        self.coarse_areas = _meet(self.coarse_areas, other.coarse_areas)
        self.countries |= other.countries
        self.events |= other.events
        self.label = self.label or other.label


def _meet(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    if a is None:
        return b
    if b is None:
        return a
    return a & b


def _max_opt(a: int | None, b: int | None) -> int | None:
    return b if a is None else a if b is None else max(a, b)


def _min_opt(a: int | None, b: int | None) -> int | None:
    return b if a is None else a if b is None else min(a, b)


# Degrees beyond which two points are surely more than MAX_AREA_RADIUS_KM apart (a cheap test
# before the great-circle distance; longitude degrees shrink north of the equator, so 0.5).
_LAT_DEG = 0.25
_LON_DEG = 0.5


def _near(lat: float, lon: float, la: float, lo: float) -> bool:
    if abs(lat - la) > _LAT_DEG or abs(lon - lo) > _LON_DEG:
        return False
    return distance_km(lat, lon, la, lo) <= MAX_AREA_RADIUS_KM


@lru_cache(maxsize=1 << 16)
def _near_any(centre: Point, points: tuple[Point, ...]) -> bool:
    """Whether one of `points` is near `centre` (claims of a town repeat the same pairs)."""
    lat, lon = centre
    return any(_near(lat, lon, la, lo) for la, lo in points)


def _near_all(centre: Point, point_sets: Iterable[tuple[Point, ...]]) -> bool:
    return all(_near_any(centre, points) for points in point_sets)


def _shared_centres(x: _State, y: _State) -> list[tuple[float, float]]:
    """The points that can be the place of x and y together (empty: no common area)."""
    if not x.point_sets:
        return list(y.centres)
    if not y.point_sets:
        return list(x.centres)
    out = [c for c in x.centres if _near_all(c, y.point_sets)]
    out += [c for c in y.centres if c not in out and _near_all(c, x.point_sets)]
    return out


def _refuse_reason(x: _State, y: _State) -> tuple[str | None, list[tuple[float, float]] | None]:
    """Why clusters x and y cannot be one incident (None when they can), and the centres they
    would share when that was worked out on the way."""
    if x.label and y.label and x.label != y.label:
        return "pinned to different incidents", None
    if not x.docs.isdisjoint(y.docs):
        return "same document", None
    start = _max_opt(x.latest_start, y.latest_start)
    end = _min_opt(x.earliest_end, y.earliest_end)
    if start is not None and end is not None and start - end > MAX_GAP_DAYS:
        return f"dates more than {MAX_GAP_DAYS} days apart", None
    centres = None
    if x.point_sets and y.point_sets:
        centres = _shared_centres(x, y)
        if not centres:
            return "places too far apart for one incident", None
    coarse = _meet(x.coarse_areas, y.coarse_areas)
    if coarse is not None and (
        not coarse
        or ((x.fine_areas or y.fine_areas) and coarse.isdisjoint(x.fine_areas | y.fine_areas))
    ):
        return "different governorates", None
    if (x.countries or y.countries) and len(x.countries | y.countries) > 1:
        return "different countries", None
    if x.events != y.events or len(x.events) > 1:
        for e in sorted(x.events):
            for f in sorted(y.events):
                if not events_compatible(e, f):
                    return f"incompatible event types ({e}, {f})", None
    return None, centres


class UnionFind:
    """Union-find over record indices; only merged claims take space."""

    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, i: int) -> int:
        parent = self.parent
        root = i
        while (up := parent.get(root, root)) != root:
            root = up
        while i != root:
            up = parent[i]
            parent[i] = root
            i = up
        return root


Scorer = Callable[[int, int], float]


def cluster(
    records: Sequence[LinkClaim],
    edges: Iterable[tuple[float, int, int]],
    full_score: Scorer,
    constraints: Constraints | None = None,
    max_refusals: int = 5,
) -> Clustering:
    """Cluster `records` from scored `edges` (score, a, b) under the constraints above.

    `full_score(a, b)` scores any pair (used for the average-link check of pairs that were not
    candidates or fell below the link threshold). The result is deterministic for given inputs.
    """
    codec = EdgeCodec.for_records(len(records))
    packed = [codec.pack(s, a, b, records[a].primary and records[b].primary) for s, a, b in edges]
    return cluster_packed(records, packed, codec, full_score, constraints, max_refusals)


def cluster_packed(
    records: Sequence[LinkClaim],
    packed: list[int],
    codec: EdgeCodec,
    full_score: Scorer,
    constraints: Constraints | None = None,
    max_refusals: int = 5,
) -> Clustering:
    """`cluster` from edges packed by `codec` (sorted here, in place)."""
    labels = _labels(records, constraints)
    merger = _Merger(
        records, full_score, labels, _cannot_map(records, constraints, labels), max_refusals
    )
    for a, b, kind in _forced_pairs(records, constraints, labels):
        merger.force(a, b, kind)
    merger.run(packed, codec)
    pieces = {root: merger.piece(root) for root in merger.roots()}
    return assemble_clustering(len(records), pieces, labels)


# What the clustering did with one edge: False when its claims were already one cluster, the
# refusal's reason, or (merged) the centres the merged cluster keeps, None when not worked out.
Decision = Literal[False] | str | list[tuple[float, float]] | None


class Piece(NamedTuple):
    """A cluster as the clustering left it: sorted members, merges, refusals, pinned id."""

    members: list[int]
    links: list[Link]
    refusals: list[Refusal]
    label: str | None


def cluster_pieces(
    records: Mapping[int, Clusterable],
    packed: list[int],
    codec: EdgeCodec,
    full_score: Scorer,
    max_refusals: int = 5,
) -> list[Piece]:
    """The clusters that the edges of some connected components make, without constraints.

    Edges of one component never touch another, so components can be clustered apart (on
    worker processes) and the pieces put together (`assemble_clustering`); the result is the
    clustering of all edges at once.
    """
    merger = _Merger(records, full_score, {}, {}, max_refusals)
    merger.run(packed, codec)
    return [merger.piece(root) for root in merger.roots()]


def cluster_log(
    records: Mapping[int, Clusterable],
    packed: list[int],
    codec: EdgeCodec,
    full_score: Scorer,
    max_refusals: int = 5,
) -> tuple[list[Decision], dict[int, float]]:
    """The decision taken on each edge (sorted here, in place) by the clustering of these
    edges alone, without constraints, and the scores of the other pairs it worked out (by
    pair key: the smaller index shifted by `codec.bits`, or-ed with the larger): one block's
    part of `replay_pieces`."""
    bits = codec.bits
    scores: dict[int, float] = {}

    def scored(i: int, j: int) -> float:
        s = scores[(i << bits) | j if i < j else (j << bits) | i] = full_score(i, j)
        return s

    merger = _Merger(records, scored, {}, {}, max_refusals)
    log: list[Decision] = []
    merger.run(packed, codec, log)
    return log, scores


def replay_pieces(
    records: Mapping[int, Clusterable] | Sequence[Clusterable],
    packed: list[int],
    codec: EdgeCodec,
    full_score: Scorer,
    block_of: Mapping[int, int],
    logs: Mapping[int, list[Decision]],
    scores: Mapping[int, float] | None = None,
    max_refusals: int = 5,
) -> list[Piece]:
    """`cluster_pieces` of edges whose claims are cut into blocks (`block_of`; a claim in none
    has its edges decided here), each block's own edges clustered apart (`cluster_log`, its
    decisions in `logs`, the scores it worked out in `scores`): only the edges across blocks,
    and those their merges reach, are decided here (see `_Merger.replay`). The pieces are
    those of `cluster_pieces`."""
    merger = _Merger(records, full_score, {}, {}, max_refusals)
    merger.replay(packed, codec, block_of, logs, scores)
    return [merger.piece(root) for root in merger.roots()]


def assemble_clustering(
    n: int, pieces: Mapping[int, Piece], labels: Mapping[int, str] | None = None
) -> Clustering:
    """The clustering of n records: `pieces` by root, every other record alone."""
    covered: set[int] = set()
    for piece in pieces.values():
        covered.update(piece.members)
    alone = [Piece([i], [], [], (labels or {}).get(i)) for i in range(n) if i not in covered]
    ordered = sorted([*pieces.values(), *alone], key=lambda p: p.members[0])
    return Clustering(
        clusters=[p.members for p in ordered],
        links=[p.links for p in ordered],
        refusals=[p.refusals for p in ordered],
        labels=[p.label for p in ordered],
    )


class _Merger:
    """Merges clusters along scored pairs, strongest first, under the constraints."""

    def __init__(
        self,
        records: Mapping[int, Clusterable] | Sequence[Clusterable],
        full_score: Scorer,
        labels: Mapping[int, str],
        cannot: Mapping[int, set[int]],
        max_refusals: int,
    ) -> None:
        self.records = records
        self.full_score = full_score
        self.labels = labels
        self.cannot = cannot
        self.max_refusals = max_refusals
        self.uf = UnionFind()
        # States exist only for claims that take part in a merge; the rest stay singletons.
        self.states: dict[int, _State] = {}
        self.links: dict[int, list[Link]] = {}
        self.refusals: dict[int, list[Refusal]] = {}
        self.touched: set[int] = set()

    def state(self, root: int) -> _State:
        st = self.states.get(root)
        if st is None:
            st = self.states[root] = _State(self.records[root], self.labels.get(root))
        return st

    def merge(
        self, ra: int, rb: int, link: Link, centres: list[tuple[float, float]] | None = None
    ) -> int:
        states, links = self.states, self.links
        x = states.get(ra) or self.state(ra)
        y = states.get(rb) or self.state(rb)
        if len(x.members) < len(y.members):
            ra, rb, x, y = rb, ra, y, x
        self.uf.parent[rb] = ra
        del states[rb]
        x.absorb(y, centres)
        mine = links.get(ra)
        if mine is None:
            mine = links[ra] = []
        theirs = links.pop(rb, None)
        if theirs:
            mine.extend(theirs)
        mine.append(link)
        self.refusals.setdefault(ra, []).extend(self.refusals.pop(rb, []))
        return ra

    def force(self, a: int, b: int, kind: str) -> None:
        """Merge an analyst's pair, whatever the automatic constraints say."""
        uf, state, records = self.uf, self.state, self.records
        self.touched.update((a, b))
        ra, rb = uf.find(a), uf.find(b)
        if ra != rb:
            la, lb = state(ra).label, state(rb).label
            if la and lb and la != lb:
                raise Conflict(
                    f"claims {_ref(records, a)} and {_ref(records, b)} are "
                    f"must-linked but pinned to different incidents ({la}, {lb})"
                )
            if _blocked_by_cannot(state(ra), state(rb), self.cannot, uf):
                raise Conflict(
                    f"claims {_ref(records, a)} and {_ref(records, b)} are both "
                    "must-linked and cannot-linked"
                )
            self.merge(ra, rb, Link(a, b, self.full_score(a, b), kind))

    def run(self, packed: list[int], codec: EdgeCodec, log: list[Decision] | None = None) -> None:
        """Merge along the packed edges (sorted here, in place), in their order.

        `log`, when given, receives the decision taken on each edge, in order (see `Decision`).
        """
        # Main claims first: the incident a report is mainly about is what other reports most
        # likely share; its secondary claims (background, other incidents) join afterwards.
        packed.sort()
        unpack = codec.unpack
        known = self._known(packed, codec)
        find = self.uf.find
        touched = self.touched
        for key in packed:
            score, a, b = unpack(key)
            touched.add(a)
            touched.add(b)
            ra, rb = find(a), find(b)
            if ra == rb:
                if log is not None:
                    log.append(False)
                continue
            got = self.decide(ra, rb, a, b, score, known, codec.bits)
            if log is not None:
                log.append(got)

    def _known(self, packed: list[int], codec: EdgeCodec) -> dict[int, float]:
        """The scores of the packed pairs, by pair (the average-link check reads them)."""
        bits = codec.bits
        mask = (1 << bits) - 1
        rank = 2 * bits + 1
        known: dict[int, float] = {}
        for key in packed:
            a, b = (key >> (bits + 1)) & mask, (key >> 1) & mask
            # `codec.unpack(key)[0]`, inline (a large component has millions of pairs)
            known[(a << bits) | b if a < b else (b << bits) | a] = (
                -0.0 if key & 1 else (_SCORE_BIAS - ((key >> rank) & _RANK_MASK)) / 1000
            )
        return known

    def replay(
        self,
        packed: list[int],
        codec: EdgeCodec,
        block_of: Mapping[int, int],
        logs: Mapping[int, list[Decision]],
        scores: Mapping[int, float] | None = None,
    ) -> None:
        """`run` along the packed edges of claims cut into blocks, each block's own edges
        (both claims in it) already run apart with their decisions in `logs[block]`;
        `scores` are pair scores the blocks' runs worked out (by `_pair` key).

        A cluster is *clean* while its members and state are those of the cluster of the same
        claims in its block's run at the same point of the edge order: every claim alone is,
        and a merge of two clean clusters along an edge of their block, taken from the log,
        leaves a clean one (the decision is a function of the two clusters only, so it is the
        one the block's run took). Every other edge is decided here, and what it touches is
        no longer clean where the block's run may have seen it otherwise: both clusters of an
        edge of a block (the block's run took that edge too, perhaps differently), and the
        merged cluster of an edge across blocks (no block's run has it). A refused edge
        across blocks changes no cluster. The decisions are those of `run` on all edges.
        """
        packed.sort()
        bits = codec.bits
        mask = (1 << bits) - 1
        size = 1 + max(block_of, default=0)
        blocks = [-1] * size
        for i, k in block_of.items():
            blocks[i] = k
        known: dict[int, float] | None = None
        find, merge, refusals = self.uf.find, self.merge, self.refusals
        max_refusals, touched = self.max_refusals, self.touched
        cursor = {block: iter(log).__next__ for block, log in logs.items()}
        dirty: set[int] = set()
        unpack = codec.unpack
        for key in packed:
            a, b = (key >> (bits + 1)) & mask, (key >> 1) & mask
            touched.add(a)
            touched.add(b)
            block = blocks[a] if a < size else -1
            inside = block >= 0 and b < size and block == blocks[b]
            logged = cursor[block]() if inside else False
            ra, rb = find(a), find(b)
            if ra == rb:
                continue
            if inside and ra not in dirty and rb not in dirty:
                score = unpack(key)[0]
                if isinstance(logged, str):
                    for root in (ra, rb):
                        bucket = refusals.setdefault(root, [])
                        if len(bucket) < max_refusals:
                            bucket.append(Refusal(a, b, score, logged))
                else:
                    assert logged is not False, "a clean cluster differs from its block's"
                    merge(ra, rb, Link(a, b, score, "auto"), logged)
                continue
            if known is None:
                known = dict(scores or {})
                known.update(self._known(packed, codec))
            got = self.decide(ra, rb, a, b, unpack(key)[0], known, bits)
            if isinstance(got, str):
                if inside:
                    dirty.add(ra)
                    dirty.add(rb)
            else:
                dirty.discard(ra)
                dirty.discard(rb)
                dirty.add(find(a))

    def decide(
        self, ra: int, rb: int, a: int, b: int, score: float, known: dict[int, float], bits: int
    ) -> Decision:
        """Merge or refuse the clusters `ra` and `rb` along the pair (a, b); the decision."""
        state, refusals, full_score = self.state, self.refusals, self.full_score
        cannot, max_refusals = self.cannot, self.max_refusals
        x, y = state(ra), state(rb)
        reason, centres = _refuse_reason(x, y)
        if reason is None and cannot and _blocked_by_cannot(x, y, cannot, self.uf):
            reason = "an analyst kept them apart"
        if reason is None and len(x.members) * len(y.members) > 1:
            # Large clusters are compared on their first members: enough to see
            # disagreement, and it keeps a merge of two big clusters from costing their
            # product.
            xs, ys = x.members[:AVERAGE_SAMPLE], y.members[:AVERAGE_SAMPLE]
            total = 0.0
            for i in xs:
                for j in ys:
                    pair = (i << bits) | j if i < j else (j << bits) | i
                    s = known.get(pair)
                    if s is None:
                        s = known[pair] = full_score(i, j)
                    total += s
            mean = total / (len(xs) * len(ys))
            if mean < AVERAGE_THRESHOLD:
                reason = f"average link {mean:.2f} below {AVERAGE_THRESHOLD:.2f}"
        if reason is not None:
            for root in (ra, rb):
                bucket = refusals.setdefault(root, [])
                if len(bucket) < max_refusals:
                    bucket.append(Refusal(a, b, score, reason))
            return reason
        self.merge(ra, rb, Link(a, b, score, "auto"), centres)
        return centres

    def roots(self) -> set[int]:
        """The roots of every cluster a merge or refusal touched."""
        find = self.uf.find
        return {find(i) for i in self.touched}

    def piece(self, root: int) -> Piece:
        st = self.states.get(root)
        return Piece(
            sorted(st.members) if st is not None else [root],
            self.links.get(root, []),
            self.refusals.get(root, []),
            st.label if st is not None else self.labels.get(root),
        )


def _ref(records: Mapping[int, Clusterable] | Sequence[Clusterable], i: int) -> object:
    return getattr(records[i], "ref", i)


def _index(records: Sequence[LinkClaim]) -> dict[ClaimRef, int]:
    return {r.ref: r.idx for r in records}


def _labels(records: Sequence[LinkClaim], constraints: Constraints | None) -> dict[int, str]:
    if constraints is None or not constraints.pinned:
        return {}
    index = _index(records)
    return {index[ref]: label for ref, label in constraints.pinned.items() if ref in index}


def _forced_pairs(
    records: Sequence[LinkClaim], constraints: Constraints | None, labels: Mapping[int, str]
) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    if constraints is None:
        return out
    index = _index(records)
    for x, y in constraints.must_link:
        if x in index and y in index:
            out.append((index[x], index[y], "human"))
    first: dict[str, int] = {}
    for i in sorted(labels):
        label = labels[i]
        if label in first:
            out.append((first[label], i, "pinned"))
        else:
            first[label] = i
    return out


def _cannot_map(
    records: Sequence[LinkClaim], constraints: Constraints | None, labels: Mapping[int, str]
) -> dict[int, set[int]]:
    out: dict[int, set[int]] = {}
    if constraints is None:
        return out
    index = _index(records)
    for x, y in constraints.cannot_link:
        if x in index and y in index:
            out.setdefault(index[x], set()).add(index[y])
            out.setdefault(index[y], set()).add(index[x])
    return out


def _blocked_by_cannot(x: _State, y: _State, cannot: Mapping[int, set[int]], uf: UnionFind) -> bool:
    if not cannot:
        return False
    small, big = (x, y) if len(x.members) <= len(y.members) else (y, x)
    big_root = uf.find(big.members[0])
    for m in small.members:
        for partner in cannot.get(m, ()):
            if uf.find(partner) == big_root:
                return True
    return False
