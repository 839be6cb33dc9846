"""Candidate pairs: which claims are close enough in time and space to be compared at all.

Comparing every claim with every other is quadratic; a news archive has millions of claims, and
a city at war sees dozens of reports a day. The linker compares two claims only when they
**share a key** and are **near in time and space**, found by one sweep over the claims in
order of their window's first day:

* **keys** (`factfinder.link.run.blocking_keys`): a claim's rarest words and names, its
  gazetteer ids, its tolls ("toll:26") and a rare event type. Two reports of one incident
  share at least one of these (the town, the toll, the hospital, the family name); reports of
  different incidents in one town on one day mostly share none, which is what keeps the cost
  linear where incidents are dense;
* **time**: each index keeps only the claims still "open" (window end + slack not yet passed),
  so a claim meets only claims whose windows overlap its own;
* **space**: point places (town or finer) are indexed by grid cells of `CELL_DEG` degrees and
  probe the 3×3 cells around them, so two points within ~10 km always meet; coarse places
  (district, governorate) are indexed by governorate and meet every claim there with a key in
  common; placeless claims meet claims anywhere that share a key;
* **names**: a claim's rare proper names and gazetteer ids also meet anywhere in a wider window
  (`NAME_SLACK_DAYS`), so reports naming the same hospital or village meet even when their
  places or dates were read differently.

Each pair is produced once (when the later-starting claim is visited). As a safety valve a
bucket is scanned only over its most recent `MAX_OPEN` entries, and buckets whose claims have
all closed are dropped as the sweep moves on, so memory follows the claims of a few days.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from factfinder.link.records import DATE_SLACK_DAYS, LinkClaim

CELL_DEG = 0.1
MAX_OPEN = 200
MAX_SLACK = max(DATE_SLACK_DAYS.values())
NAME_SLACK_DAYS = 7
_GC_EVERY = 20000


class _Bucket:
    """Claims of one index key, in sweep order, and the latest day any of them stays open."""

    __slots__ = ("end", "items")

    def __init__(self) -> None:
        self.items: list[int] = []
        self.end = -(10**9)


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return int(lat // CELL_DEG), int(lon // CELL_DEG)


def _scan(
    bucket: _Bucket,
    records: Sequence[LinkClaim],
    reach: int,
    gone: int,
    widen: int | None,
    out: set[int],
) -> None:
    """Add to `out` the claims of `bucket` whose widened end is >= `reach`; drop those < `gone`.

    `widen` is the days added to a claim's window end (None: the claim's own slack).
    """
    items = bucket.items
    keep = 0
    start = max(0, len(items) - MAX_OPEN)
    for i in range(len(items)):
        j = items[i]
        r = records[j]
        end = r.hi + (r.slack if widen is None else widen)  # type: ignore[operator]
        if end < gone:
            continue  # no later claim can reach it: they all start at least as late
        items[keep] = j
        keep += 1
        if i >= start and end >= reach:
            out.add(j)
    del items[keep:]


class _Index:
    """Buckets by key; each knows how long its claims stay open, for garbage collection."""

    __slots__ = ("buckets", "widen")

    def __init__(self, widen: int | None) -> None:
        self.buckets: dict[object, _Bucket] = {}
        self.widen = widen

    def probe(self, key: object, records: Sequence[LinkClaim], reach: int, gone: int,
              out: set[int]) -> None:
        bucket = self.buckets.get(key)
        if bucket is not None:
            _scan(bucket, records, reach, gone, self.widen, out)

    def add(self, key: object, i: int, end: int) -> None:
        bucket = self.buckets.get(key)
        if bucket is None:
            bucket = self.buckets[key] = _Bucket()
        bucket.items.append(i)
        if end > bucket.end:
            bucket.end = end

    def collect(self, gone: int) -> None:
        """Drop the buckets whose claims have all closed."""
        for key in [k for k, b in self.buckets.items() if b.end < gone]:
            del self.buckets[key]


def candidate_pairs(
    records: Sequence[LinkClaim],
    keys: Sequence[Sequence[str]],
    names: Sequence[Sequence[str]] = (),
) -> Iterator[tuple[int, int]]:
    """Every pair (earlier, later) of claims that may describe one incident, once each.

    `keys[i]` are record i's blocking keys; `names[i]` its name keys for the wide window (see
    `factfinder.link.run.blocking_keys`). Claims that are not `linkable` (undated, or placeless
    with a vague date) take part in no pair.
    """
    order = sorted((r.lo, r.idx) for r in records if r.lo is not None and r.linkable)
    # spatial[unit][key]: units are ("cell", x, y) for points, ("fine", area) for the points of
    # a governorate and ("coarse", area) for claims placed only by governorate.
    spatial: dict[tuple[object, ...], _Index] = {}
    anywhere = _Index(None)  # key -> every claim (probed by placeless claims)
    placeless = _Index(None)  # key -> placeless claims (probed by placed claims)
    wide = _Index(NAME_SLACK_DAYS)  # name key -> claims, over the wider window
    found: set[int] = set()
    for n, (lo, i) in enumerate(order):
        r = records[i]
        assert r.hi is not None
        found.clear()
        reach, gone = lo - r.slack, lo - MAX_SLACK
        if n % _GC_EVERY == 0 and n:
            for unit in list(spatial):
                spatial[unit].collect(gone)
                if not spatial[unit].buckets:
                    del spatial[unit]
            anywhere.collect(gone)
            placeless.collect(gone)
            wide.collect(lo - NAME_SLACK_DAYS)
        end = r.hi + r.slack
        my_keys = keys[i]
        if r.points:
            own = {_cell(lat, lon) for lat, lon in r.points}
            probe_units: list[tuple[object, ...]] = [
                ("cell", cx + dx, cy + dy) for cx, cy in own for dx in (-1, 0, 1)
                for dy in (-1, 0, 1)]
            probe_units += [("coarse", a) for a in r.areas]
            homes: list[tuple[object, ...]] = [("cell", cx, cy) for cx, cy in own]
            homes += [("fine", a) for a in r.areas]
        elif r.areas:
            probe_units = [("coarse", a) for a in r.areas]
            probe_units += [("fine", a) for a in r.areas]
            homes = [("coarse", a) for a in r.areas]
        else:
            probe_units = homes = []
        for unit in set(probe_units):
            index = spatial.get(unit)
            if index is not None:
                for k in my_keys:
                    index.probe(k, records, reach, gone, found)
        other = placeless if homes else anywhere
        for k in my_keys:
            other.probe(k, records, reach, gone, found)
        for unit in homes:
            index = spatial.get(unit)
            if index is None:
                index = spatial[unit] = _Index(None)
            for k in my_keys:
                index.add(k, i, end)
        for k in my_keys:
            anywhere.add(k, i, end)
            if not homes:
                placeless.add(k, i, end)
        if names:
            wide_reach = lo - NAME_SLACK_DAYS
            for k in names[i]:
                wide.probe(k, records, wide_reach, wide_reach, found)
                wide.add(k, i, r.hi + NAME_SLACK_DAYS)
        found.discard(i)
        for j in sorted(found):
            yield j, i
