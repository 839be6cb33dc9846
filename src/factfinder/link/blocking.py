"""Candidate pairs: which claims are close enough in time and space to be compared at all.

Comparing every claim with every other is quadratic; a news archive has millions of claims. The
linker compares a claim only with claims that meet it in one of these indexes, found by one
sweep over the claims in order of their window's first day:

* **time**: each index keeps only the claims still "open" (window end + slack not yet passed)
  and drops the others as it is scanned, so a claim only meets claims whose windows overlap;
* **space**: point places (town or finer) go into grid cells of `CELL_DEG` degrees and probe
  the 3×3 cells around them, so two points within ~22 km always meet; claims whose places are
  coarse (district, governorate) are keyed by governorate and meet every claim there;
  country-wide and placeless claims meet each other, and the most recent claims of their event
  type anywhere (`MAX_OPEN_TYPE`);
* **names**: a claim's rarest name words and gazetteer ids (its `keys`) meet the same keys in a
  wider window (`NAME_SLACK_DAYS`), so reports that name the same hospital or village meet
  even when their places or dates were read differently.

Each pair is produced once (when the later-starting claim is visited), so the cost is the
number of claims times the number of open claims in their neighbourhood: near-linear for real
data, where a governorate sees a bounded number of reports a day. As a safety valve an index
list is scanned only over its most recent `MAX_OPEN` (names: `MAX_OPEN_NAMES`) entries.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from factfinder.link.records import DATE_SLACK_DAYS, LinkClaim

CELL_DEG = 0.25
MAX_OPEN = 4000
MAX_OPEN_NAMES = 200
MAX_OPEN_TYPE = 100
_VAGUE_TYPES = frozenset({"unknown", "other"})
MAX_SLACK = max(DATE_SLACK_DAYS.values())
NAME_SLACK_DAYS = 7


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return int(lat // CELL_DEG), int(lon // CELL_DEG)


def _scan(
    bucket: list[int],
    records: Sequence[LinkClaim],
    reach: int,
    gone: int,
    widen: int | None,
    cap: int,
    out: set[int],
) -> None:
    """Add to `out` the claims of `bucket` whose widened end is >= `reach`; drop those < `gone`.

    `widen` is the days added to a claim's window end (None: the claim's own slack).
    """
    keep = 0
    start = max(0, len(bucket) - cap)
    for i in range(len(bucket)):
        j = bucket[i]
        r = records[j]
        end = r.hi + (r.slack if widen is None else widen)  # type: ignore[operator]
        if end < gone:
            continue  # no later claim can reach it: they all start at least as late
        bucket[keep] = j
        keep += 1
        if i >= start and end >= reach:
            out.add(j)
    del bucket[keep:]


def candidate_pairs(
    records: Sequence[LinkClaim], keys: Sequence[Sequence[str]] | None = None
) -> Iterator[tuple[int, int]]:
    """Every pair (earlier, later) of dated claims that may describe one incident, once each.

    `keys[i]` are the name keys of record i (see `factfinder.link.run.blocking_keys`). Claims
    that are not `linkable` (undated, or placeless with a vague date) take part in no pair.
    """
    order = sorted((r.lo, r.idx) for r in records if r.lo is not None and r.linkable)
    cells: dict[tuple[int, int], list[int]] = {}
    gov_fine: dict[str, list[int]] = {}
    gov_coarse: dict[str, list[int]] = {}
    nowhere: dict[str, list[int]] = {}
    names: dict[str, list[int]] = {}
    by_type: dict[str, list[int]] = {}
    placeless_by_type: dict[str, list[int]] = {}
    found: set[int] = set()
    for lo, i in order:
        r = records[i]
        found.clear()
        reach, gone = lo - r.slack, lo - MAX_SLACK

        def scan(bucket: list[int] | None) -> None:
            if bucket:
                _scan(bucket, records, reach, gone, None, MAX_OPEN, found)  # noqa: B023

        if r.points:
            my_cells = {_cell(lat, lon) for lat, lon in r.points}
            probe = {(cx + dx, cy + dy) for cx, cy in my_cells for dx in (-1, 0, 1)
                     for dy in (-1, 0, 1)}
            for c in probe:
                scan(cells.get(c))
            for area in r.areas:
                scan(gov_coarse.get(area))
            for c in my_cells:
                cells.setdefault(c, []).append(i)
            for area in r.areas:
                gov_fine.setdefault(area, []).append(i)
        elif r.areas:
            for area in r.areas:
                scan(gov_coarse.get(area))
                scan(gov_fine.get(area))
            for area in r.areas:
                gov_coarse.setdefault(area, []).append(i)
        else:
            scan(nowhere.get(r.area))
            nowhere.setdefault(r.area, []).append(i)
        if r.event_type not in _VAGUE_TYPES:
            # Placeless claims meet the recent claims of their event type, placed or not.
            placeless = not r.points and not r.areas
            probe_types = by_type if placeless else placeless_by_type
            if bucket := probe_types.get(r.event_type):
                _scan(bucket, records, reach, gone, None, MAX_OPEN_TYPE, found)
            by_type.setdefault(r.event_type, []).append(i)
            if placeless:
                placeless_by_type.setdefault(r.event_type, []).append(i)
        if keys is not None:
            wide_reach, wide_gone = lo - 2 * NAME_SLACK_DAYS, lo - 2 * NAME_SLACK_DAYS
            for key in keys[i]:
                bucket = names.setdefault(key, [])
                if bucket:
                    _scan(bucket, records, wide_reach, wide_gone, 0, MAX_OPEN_NAMES, found)
                bucket.append(i)
        found.discard(i)
        for j in sorted(found):
            yield j, i
