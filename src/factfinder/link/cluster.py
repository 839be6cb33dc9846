"""Constrained clustering of scored claim pairs into incidents.

Pairs are merged strongest first (Kruskal order on a union-find), and a merge of two clusters
happens only when every constraint holds for the merged cluster:

* **never-merge**: two claims of the same document are different incidents (the extractor
  writes one claim per incident), so clusters sharing a document are never merged;
* **one date window**: the intersection of the members' slack-widened windows is not empty;
* **one place area**: the members' points fit in `MAX_AREA_KM`, and coarse places (district,
  governorate) name one governorate, which the points (if any) are in;
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

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from factfinder.errors import Conflict
from factfinder.link.features import LINK_THRESHOLD, events_compatible, haversine_km
from factfinder.link.records import LinkClaim
from factfinder.model import ClaimRef

MAX_AREA_KM = 25.0
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


class _State:
    """What a cluster must remember to check its constraints when it grows."""

    __slots__ = ("areas", "bbox", "countries", "docs", "events", "fine_areas", "hi", "label",
                 "lo", "members")

    def __init__(self, r: LinkClaim, label: str | None) -> None:
        self.members = [r.idx]
        self.docs = {r.doc}
        self.lo = None if r.lo is None else r.lo - r.slack
        self.hi = None if r.hi is None else r.hi + r.slack
        self.bbox: BBox = None
        if r.fine and r.lat is not None and r.lon is not None:
            self.bbox = (r.lat, r.lat, r.lon, r.lon)
        gov = r.area if r.area.startswith("gov:") else None
        self.fine_areas = {gov} if r.fine and gov else set()
        self.areas = {gov} if not r.fine and gov else set()
        self.countries = {r.area} if not gov and not r.fine else set()
        self.events = {r.event_type} - {"unknown", "other"}
        self.label = label

    def absorb(self, other: _State) -> None:
        self.members.extend(other.members)
        self.docs |= other.docs
        self.lo = _max_opt(self.lo, other.lo)
        self.hi = _min_opt(self.hi, other.hi)
        self.bbox = _union_bbox(self.bbox, other.bbox)
        self.fine_areas |= other.fine_areas
        self.areas |= other.areas
        self.countries |= other.countries
        self.events |= other.events
        self.label = self.label or other.label


def _max_opt(a: int | None, b: int | None) -> int | None:
    return b if a is None else a if b is None else max(a, b)


def _min_opt(a: int | None, b: int | None) -> int | None:
    return b if a is None else a if b is None else min(a, b)


BBox = tuple[float, float, float, float] | None


def _union_bbox(a: BBox, b: BBox) -> BBox:
    if a is None:
        return b
    if b is None:
        return a
    return (min(a[0], b[0]), max(a[1], b[1]), min(a[2], b[2]), max(a[3], b[3]))


def _refuse_reason(x: _State, y: _State) -> str | None:
    """Why clusters x and y cannot be one incident, or None when they can."""
    if x.label and y.label and x.label != y.label:
        return "pinned to different incidents"
    if x.docs & y.docs:
        return "same document"
    lo, hi = _max_opt(x.lo, y.lo), _min_opt(x.hi, y.hi)
    if lo is not None and hi is not None and lo > hi:
        return "date windows do not overlap"
    box = _union_bbox(x.bbox, y.bbox)
    if box is not None and haversine_km(box[0], box[2], box[1], box[3]) > MAX_AREA_KM:
        return "places too far apart for one incident"
    areas = x.areas | y.areas
    fine = x.fine_areas | y.fine_areas
    if len(areas) > 1 or (areas and fine and not areas <= fine):
        return "different governorates"
    countries = x.countries | y.countries
    if len(countries) > 1 or (countries and (areas or fine)):
        return "different areas"
    for e in x.events:
        for f in y.events:
            if not events_compatible(e, f):
                return f"incompatible event types ({e}, {f})"
    return None


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        parent = self.parent
        root = i
        while parent[root] != root:
            root = parent[root]
        while parent[i] != root:
            parent[i], i = root, parent[i]
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
    n = len(records)
    uf = _UnionFind(n)
    labels = _labels(records, constraints)
    states: dict[int, _State] = {i: _State(records[i], labels.get(i)) for i in range(n)}
    links: dict[int, list[Link]] = {}
    refusals: dict[int, list[Refusal]] = {}
    cannot = _cannot_map(records, constraints, labels)
    known: dict[tuple[int, int], float] = {}

    def merge(ra: int, rb: int, link: Link) -> int:
        if len(states[ra].members) < len(states[rb].members):
            ra, rb = rb, ra
        uf.parent[rb] = ra
        states[ra].absorb(states.pop(rb))
        links.setdefault(ra, []).extend(links.pop(rb, []))
        links[ra].append(link)
        refusals.setdefault(ra, []).extend(refusals.pop(rb, []))
        return ra

    for a, b, kind in _forced_pairs(records, constraints, labels):
        ra, rb = uf.find(a), uf.find(b)
        if ra != rb:
            la, lb = states[ra].label, states[rb].label
            if la and lb and la != lb:
                raise Conflict(f"claims {records[a].ref} and {records[b].ref} are must-linked "
                               f"but pinned to different incidents ({la}, {lb})")
            if _blocked_by_cannot(states[ra], states[rb], cannot, uf):
                raise Conflict(f"claims {records[a].ref} and {records[b].ref} are both "
                               "must-linked and cannot-linked")
            merge(ra, rb, Link(a, b, full_score(a, b), kind))

    ordered = sorted(edges, key=lambda e: (-e[0], e[1], e[2]))
    for score, a, b in ordered:
        known[(a, b) if a < b else (b, a)] = score
    for score, a, b in ordered:
        ra, rb = uf.find(a), uf.find(b)
        if ra == rb:
            continue
        x, y = states[ra], states[rb]
        reason = _refuse_reason(x, y)
        if reason is None and _blocked_by_cannot(x, y, cannot, uf):
            reason = "an analyst kept them apart"
        if reason is None and len(x.members) * len(y.members) > 1:
            total = 0.0
            for i in x.members:
                for j in y.members:
                    key = (i, j) if i < j else (j, i)
                    s = known.get(key)
                    if s is None:
                        s = known[key] = full_score(i, j)
                    total += s
            mean = total / (len(x.members) * len(y.members))
            if mean < AVERAGE_THRESHOLD:
                reason = f"average link {mean:.2f} below {AVERAGE_THRESHOLD:.2f}"
        if reason is not None:
            for root in (ra, rb):
                bucket = refusals.setdefault(root, [])
                if len(bucket) < max_refusals:
                    bucket.append(Refusal(a, b, score, reason))
            continue
        merge(ra, rb, Link(a, b, score, "auto"))

    roots = sorted(states, key=lambda r: min(states[r].members))
    return Clustering(
        clusters=[sorted(states[r].members) for r in roots],
        links=[links.get(r, []) for r in roots],
        refusals=[refusals.get(r, []) for r in roots],
        labels=[states[r].label for r in roots],
    )


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


def _blocked_by_cannot(
    x: _State, y: _State, cannot: Mapping[int, set[int]], uf: _UnionFind
) -> bool:
    if not cannot:
        return False
    small, big = (x, y) if len(x.members) <= len(y.members) else (y, x)
    big_root = uf.find(big.members[0])
    for m in small.members:
        for partner in cannot.get(m, ()):
            if uf.find(partner) == big_root:
                return True
    return False
