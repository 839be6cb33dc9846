"""Candidate pairs: which claims are close enough in time and space to be compared at all.

Comparing every claim with every other is quadratic; a news archive has millions of claims, and
a city at war sees dozens of reports a day. The linker compares two claims only when they
**share a key** and are **near in time and space**, found by one sweep over the claims in
order of their window's first day:

* **keys** (`factfinder.link.keys.blocking_keys`): a claim's rarest words and names, its
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
  places or dates were read differently;
* **languages**: reports in two languages share no word, so in a run with claims in several
  languages each placed claim also meets, by place and time alone, the claims of the other
  languages (`bridges`: it probes their language keys and is indexed under its own); a
  monolingual run has no such keys and costs nothing more;
* **party**: a claim placed only by governorate and dated to the day meets the claims of its
  governorate that name the same party, and claims naming one gazetteer place and one party
  meet each other; a claim dated to the day that names no party meets the claims of that day
  naming one of its gazetteer places, whatever party they name (`extra_keys`).

Each pair is produced once (when the later-starting claim is visited). As a safety valve a
claim meets, of the open claims under one key, only the `MAX_OPEN` latest: what a claim meets
depends only on the claims before it in the sweep and still open, never on the order in which
the sweep happened to look at a bucket. That makes the sweep divisible: a stretch of the sweep
run on its own, after indexing the `margin_days` before it, finds exactly the pairs the whole
sweep finds for it (`factfinder.link.pairs` runs stretches on worker processes). Buckets whose
claims have all closed are dropped as the sweep moves on, so memory follows a few days' claims.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Protocol

from factfinder.link.features import party_sides
from factfinder.link.records import DATE_SLACK_DAYS, LinkClaim, Point
from factfinder.link.text import same_language

CELL_DEG = 0.1
MAX_OPEN = 200
MAX_SLACK = max(DATE_SLACK_DAYS.values())
NAME_SLACK_DAYS = 7
_GC_EVERY = 20000


class Sweepable(Protocol):
    """What the sweep reads of a claim."""

    @property
    def lo(self) -> int | None: ...
    @property
    def hi(self) -> int | None: ...
    @property
    def slack(self) -> int: ...
    @property
    def points(self) -> tuple[Point, ...]: ...
    @property
    def areas(self) -> frozenset[str]: ...


class _Bucket:
    """Claims (positions) of one key in sweep order, the day each stays open until, and the
    earliest and latest of those days."""

    __slots__ = ("end", "ends", "items", "low")

    def __init__(self) -> None:
        self.items: list[int] = []
        self.ends: list[int] = []
        self.end = -(10**9)
        self.low = 10**9

    def add(self, i: int, end: int) -> None:
        self.items.append(i)
        self.ends.append(end)
        if end > self.end:
            self.end = end
        if end < self.low:
            self.low = end


def _scan(bucket: _Bucket, reach: int, gone: int, out: set[int]) -> None:
    """Add to `out` those of the latest `MAX_OPEN` claims still open (end >= `gone`) whose end
    is >= `reach`; forget the closed ones (no later claim can reach them)."""
    ends = bucket.ends
    if bucket.low < gone:
        items = bucket.items
        keep = [k for k, e in enumerate(ends) if e >= gone]
        bucket.items = [items[k] for k in keep]
        bucket.ends = ends = [ends[k] for k in keep]
        bucket.low = min(ends, default=10**9)
    items = bucket.items
    n = len(ends)
    if n <= MAX_OPEN and bucket.low >= reach:
        out.update(items)  # every open claim reaches this one
        return
    for k in range(max(0, n - MAX_OPEN), n):
        if ends[k] >= reach:
            out.add(items[k])


# Index: key -> unit -> bucket. Units are ("cell", x, y) for points, ("fine", area) for the
# points of a governorate, ("coarse", area) for claims placed only by governorate, ANY for
# every claim (probed by placeless claims) and NOWHERE for placeless claims (probed by placed
# ones). Keys come first: most of a claim's keys are rare and have no open claim at all.
Unit = tuple[object, ...]
Index = dict[str, dict[Unit, _Bucket]]
ANY: Unit = ("any",)
NOWHERE: Unit = ("nowhere",)


def _collect(index: Index, gone: int) -> None:
    """Drop the buckets whose claims have all closed."""
    for key in list(index):
        units = index[key]
        for unit in [u for u, b in units.items() if b.end < gone]:
            del units[unit]
        if not units:
            del index[key]


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return int(lat // CELL_DEG), int(lon // CELL_DEG)


Units = tuple[frozenset[Unit], tuple[Unit, ...], tuple[Unit, ...]]


def _units(points: tuple[Point, ...], areas: frozenset[str]) -> Units:
    """(units a claim probes, as a set and a tuple; units it is indexed under) for its points
    and areas."""
    if points:
        own = {_cell(lat, lon) for lat, lon in points}
        probe: set[Unit] = {
            ("cell", cx + dx, cy + dy) for cx, cy in own for dx in (-1, 0, 1) for dy in (-1, 0, 1)
        }
        probe.update(("coarse", a) for a in areas)
        probe.add(NOWHERE)
        homes: list[Unit] = [("cell", cx, cy) for cx, cy in own]
        homes += [("fine", a) for a in areas]
        return frozenset(probe), tuple(probe), (*homes, ANY)
    if areas:
        probe = {("coarse", a) for a in areas}
        probe.update(("fine", a) for a in areas)
        probe.add(NOWHERE)
        return frozenset(probe), tuple(probe), (*[("coarse", a) for a in areas], ANY)
    return frozenset({ANY}), (ANY,), (ANY, NOWHERE)


def margin_days(claims: Sequence[Sweepable]) -> int:
    """How many days before a stretch of the sweep must be indexed for it to run on its own.

    A claim that starts earlier closes before any claim of the stretch can meet it: windows are
    at most the longest window of `claims` long, and stay open at most the larger slack.
    """
    longest = max((c.hi - c.lo for c in claims if c.lo is not None and c.hi is not None), default=0)
    slack = max([MAX_SLACK, NAME_SLACK_DAYS, *(c.slack for c in claims)])
    return longest + 2 * slack + 1


Bridge = tuple[tuple[str, ...], tuple[str, ...]]  # (keys a claim probes, keys it is indexed under)


def bridges(langs: Sequence[str], placed: Sequence[bool]) -> list[Bridge] | None:
    """Each claim's language bridge keys (see the module docstring), or None when every claim's
    words can be compared with every other's. `langs[i]` is claim i's language key,
    `placed[i]` whether it has a place below the country (placeless claims are not bridged:
    time alone finds no incident)."""
    kinds = sorted(set(langs))
    apart = {a: tuple(f"lang:{b}" for b in kinds if not same_language(a, b)) for a in kinds}
    if not any(apart.values()):
        return None
    none: Bridge = ((), ())
    return [
        (apart[lang], (f"lang:{lang}",)) if apart[lang] and here else none
        for lang, here in zip(langs, placed, strict=True)
    ]


class Bridgeable(Sweepable, Protocol):
    """What the extra keys are made of."""

    @property
    def lang(self) -> str: ...
    @property
    def perpetrator(self) -> str: ...
    @property
    def date_precision(self) -> str: ...
    @property
    def geo(self) -> frozenset[int]: ...


_NO_PARTY = frozenset({"unknown", "other"})


def extra_keys(claims: Sequence[Bridgeable]) -> list[Bridge] | None:
    """Each claim's keys that meet by place and time rather than by words, or None when no
    claim has any: its language bridges (`bridges`), and, for a claim placed only by
    governorate and dated to the day, the party it names. A post that says only "in rural
    Idlib" rarely shares a rare word with the wire story that names the village; it meets the
    claims of its governorate that name the same party (probing `party:<group>`, under which
    every placed claim naming a party is indexed). A claim with points meets, by party, those
    coarse claims and the claims naming the same gazetteer place and party or an allied party
    (`party:<group or alliance>:geo:<id>`), not every claim of its party nearby."""
    langs = bridges([r.lang for r in claims], [bool(r.points or r.areas) for r in claims])
    out: list[Bridge] = []
    any_party = False
    for i, r in enumerate(claims):
        probe, home = langs[i] if langs is not None else ((), ())
        party = r.perpetrator
        if r.geo and r.date_precision == "day":
            # A claim that names no party, dated to one day, meets the claims of that day naming
            # one of its gazetteer places, whatever their words: a post saying only "shelling on
            # <village>" rarely shares a rare word with the report that names the shelling
            # party. (Claims naming a party meet those of the same party below.)
            ids = sorted(r.geo)
            if party in _NO_PARTY:
                probe = (*probe, *(f"geo:{g}" for g in ids))
                home = (*home, *(f"geo:{g}" for g in ids), *(f"geo:{g}:open" for g in ids))
            else:
                probe = (*probe, *(f"geo:{g}:open" for g in ids))
                home = (*home, *(f"geo:{g}" for g in ids))
            any_party = True
        if party not in _NO_PARTY and (r.points or r.areas):
            # A pair is found by the later of its two claims, so both sides probe: a coarse
            # claim every claim of its party, a claim with points the coarse ones only.
            key = f"party:{party}"
            if r.points:
                # Claims naming one gazetteer place and one party, or two allied parties
                # ("Russian jets" and "regime warplanes" over one village), meet each other.
                towns = tuple(
                    f"party:{side}:geo:{g}" for side in party_sides(party) for g in sorted(r.geo)
                )
                probe, home = (*probe, f"{key}:coarse", *towns), (*home, key, *towns)
                any_party = any_party or bool(towns)
            elif r.date_precision == "day":
                probe, home = (*probe, key), (*home, key, f"{key}:coarse")
                any_party = True
            else:
                home = (*home, key)
        out.append((probe, home))
    return out if langs is not None or any_party else None


def sweep(
    claims: Sequence[Sweepable],
    keys: Sequence[Sequence[str]],
    names: Sequence[Sequence[str]] = (),
    emit_from: int = 0,
    bridged: Sequence[Bridge] | None = None,
) -> Iterator[tuple[int, int]]:
    """The pairs (j, i) of positions in `claims` that may be one incident, j before i.

    `claims` are dated, linkable and in sweep order (by first day, then record index);
    `keys[i]`/`names[i]` are claim i's blocking and name keys, `bridged[i]` its language
    bridge keys (`bridges`). Pairs are produced for claims from position `emit_from` on; the
    claims before it are only indexed.
    """
    index: Index = {}
    wide: Index = {}  # name key -> claims, over the wider window (one unit)
    units: dict[tuple[object, object], Units] = {}
    found: set[int] = set()
    for i, r in enumerate(claims):
        lo, hi, slack = r.lo, r.hi, r.slack
        assert lo is not None and hi is not None
        reach, gone = lo - slack, lo - MAX_SLACK
        if i % _GC_EVERY == 0 and i:
            _collect(index, gone)
            _collect(wide, lo - NAME_SLACK_DAYS)
        end = hi + slack
        where = (r.points, r.areas)
        got = units.get(where)
        if got is None:
            got = units[where] = _units(*where)
        probe_set, probes, homes = got
        emit = i >= emit_from
        if emit:
            found.clear()
        for k in keys[i]:
            by_unit = index.get(k)
            if by_unit is None:
                by_unit = index[k] = {}
            elif emit:
                # Look from the smaller side: a rare key is open in a unit or two.
                if len(by_unit) < len(probes):
                    for unit, open_ in by_unit.items():
                        if unit in probe_set:
                            _scan(open_, reach, gone, found)
                else:
                    for unit in probes:
                        seen = by_unit.get(unit)
                        if seen is not None:
                            _scan(seen, reach, gone, found)
            for unit in homes:
                bucket = by_unit.get(unit)
                if bucket is None:
                    bucket = by_unit[unit] = _Bucket()
                bucket.items.append(i)  # (`_Bucket.add`, inlined: the sweep's hottest line)
                bucket.ends.append(end)
                if end > bucket.end:
                    bucket.end = end
                if end < bucket.low:
                    bucket.low = end
        if bridged is not None:
            probe_keys, home_keys = bridged[i]
            if emit:
                for k in probe_keys:
                    by_unit = index.get(k)
                    if by_unit is not None:
                        for unit in probes:
                            seen = by_unit.get(unit)
                            if seen is not None:
                                _scan(seen, reach, gone, found)
            for k in home_keys:
                by_unit = index.setdefault(k, {})
                for unit in homes:
                    bucket = by_unit.get(unit)
                    if bucket is None:
                        bucket = by_unit[unit] = _Bucket()
                    bucket.add(i, end)
        if names:
            wide_reach = lo - NAME_SLACK_DAYS
            wide_end = hi + NAME_SLACK_DAYS
            for k in names[i]:
                by_unit = wide.get(k)
                if by_unit is None:
                    by_unit = wide[k] = {}
                bucket = by_unit.get(ANY)
                if bucket is None:
                    bucket = by_unit[ANY] = _Bucket()
                elif emit:
                    _scan(bucket, wide_reach, wide_reach, found)
                bucket.add(i, wide_end)
        if emit:
            found.discard(i)
            for j in sorted(found):
                yield j, i


def sweep_order(records: Sequence[LinkClaim]) -> list[int]:
    """The record indices of the dated, linkable claims, by first day then index."""
    return [i for _, i in sorted((r.lo, r.idx) for r in records if r.lo is not None and r.linkable)]


def candidate_pairs(
    records: Sequence[LinkClaim],
    keys: Sequence[Sequence[str]],
    names: Sequence[Sequence[str]] = (),
) -> Iterator[tuple[int, int]]:
    """Every pair (earlier, later) of claims that may describe one incident, once each.

    `keys[i]` are record i's blocking keys; `names[i]` its name keys for the wide window (see
    `factfinder.link.keys.blocking_keys`). Claims that are not `linkable` (undated, or
    placeless with a vague date) take part in no pair.
    """
    order = sweep_order(records)
    claims = [records[i] for i in order]
    bridged = extra_keys(claims)
    name_keys = [names[i] for i in order] if names else ()
    for j, i in sweep(claims, [keys[i] for i in order], name_keys, 0, bridged):
        yield order[j], order[i]
