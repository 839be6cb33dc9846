"""Candidate pairs: which claims are close enough in time and space to be compared at all.

Comparing every claim with every other is quadratic; a news archive has millions of claims. The
linker compares a claim only with claims whose (slack-widened) date windows overlap and whose
places are near, found by one sweep over the claims in order of their window's first day:

* **time**: claims are visited by the first day of their window; each index keeps the claims
  still "open" (window end + slack not yet passed) and drops the others as it is scanned, so a
  claim only ever meets claims whose windows overlap its own;
* **space**: point places (town or finer) go into grid cells of `CELL_DEG` degrees and probe the
  3×3 cells around them, so two points within ~22 km always meet; coarse places (district,
  governorate) are keyed by governorate and meet every claim of their governorate; country-wide
  and placeless claims meet only each other.

Each pair is produced exactly once (when the later-starting claim is visited), so the cost is the
number of claims times the number of open claims in their neighbourhood: near-linear for real
data, where a governorate sees a bounded number of reports a day. As a safety valve, an index
list longer than `MAX_OPEN` is scanned only over its most recent entries.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from factfinder.link.records import DATE_SLACK_DAYS, LinkClaim

CELL_DEG = 0.25
MAX_OPEN = 4000
MAX_SLACK = max(DATE_SLACK_DAYS.values())


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return int(lat // CELL_DEG), int(lon // CELL_DEG)


def _scan(
    bucket: list[int], records: Sequence[LinkClaim], lo: int, slack: int, out: list[int]
) -> None:
    """Append the claims of `bucket` open at `lo - slack` to `out`; drop the closed for good."""
    keep = 0
    start = max(0, len(bucket) - MAX_OPEN)
    reach = lo - slack
    gone = lo - MAX_SLACK
    for i in range(len(bucket)):
        j = bucket[i]
        r = records[j]
        end = r.hi + r.slack  # type: ignore[operator]  # only dated claims are indexed
        if end < gone:
            continue  # no later claim (start >= lo, slack <= MAX_SLACK) can reach it
        bucket[keep] = j
        keep += 1
        if i >= start and end >= reach:
            out.append(j)
    del bucket[keep:]


def candidate_pairs(records: Sequence[LinkClaim]) -> Iterator[tuple[int, int]]:
    """Every pair (earlier, later) of dated claims that may describe one incident, once each.

    Pairs are ordered as the sweep meets them; both members are indices into `records`.
    Undated claims take part in no pair.
    """
    order = sorted((r.lo, r.idx) for r in records if r.lo is not None)
    cells: dict[tuple[int, int], list[int]] = {}
    gov_fine: dict[str, list[int]] = {}
    gov_coarse: dict[str, list[int]] = {}
    nowhere: dict[str, list[int]] = {}
    found: list[int] = []
    for lo, i in order:
        r = records[i]
        found.clear()
        is_gov = r.area.startswith("gov:")
        if r.fine:
            assert r.lat is not None and r.lon is not None
            cx, cy = _cell(r.lat, r.lon)
            for dx in (-1, 0, 1):
                for dy in (-1, 0, 1):
                    bucket = cells.get((cx + dx, cy + dy))
                    if bucket:
                        _scan(bucket, records, lo, r.slack, found)
            if is_gov and (bucket := gov_coarse.get(r.area)):
                _scan(bucket, records, lo, r.slack, found)
            cells.setdefault((cx, cy), []).append(i)
            if is_gov:
                gov_fine.setdefault(r.area, []).append(i)
        elif is_gov:
            for index in (gov_coarse, gov_fine):
                if bucket := index.get(r.area):
                    _scan(bucket, records, lo, r.slack, found)
            gov_coarse.setdefault(r.area, []).append(i)
        else:
            if bucket := nowhere.get(r.area):
                _scan(bucket, records, lo, r.slack, found)
            nowhere.setdefault(r.area, []).append(i)
        for j in found:
            yield j, i
