"""Casualty ranges of an incident from its claims, without double counting.

Twenty reports of one ministry's toll are one figure, not twenty; two independent monitors
counting the same dead are one death toll, not the sum. The input is one `CountReport` per claim
that gives a figure, each tagged with its *source* (the unit of independence: one per party to the
conflict, else one per original claimant — see `factfinder.link.sources`). The result gives each
bound with the rule that produced it and the claims behind it:

* **chain figure**: a source's firmest statement is the largest minimum among its reports
  (relays repeat a figure; a source's updates raise it), its point figure the largest point
  among its reports (a point is the exact figure, the middle of "between a and b", the floor
  of "at least a");
* **min** — what independent sources establish: the largest chain minimum among *credible*
  sources (not a party to the conflict); when only parties give a figure, the largest party
  minimum, with a rule saying it is uncorroborated. Never a sum of reports;
* **max** — what is alleged: the largest figure any report states (its upper bound, or its
  minimum when open-ended); when that largest figure is itself open ("more than 4,000"), the
  maximum is open (None) and `largest_stated` keeps the figure;
* **best** — the median of the sources' point figures, each source counted once, kept within
  [min, max].

So min ≤ best ≤ max whenever they are defined, the result does not depend on the order of the
reports, and relaying a source's figure again changes nothing.

Each count also gets its **standing** (`factfinder.vocab.STANDINGS`), from who gives a figure
for it: *acknowledged* when the perpetrator's own side admits it, *corroborated* with two or
more independent credible sources, *reported* with sources independent of the parties (one
credible source, or reports carried without attribution), *alleged* when only parties to the
conflict state it (`by` names them). `Reconciled.as_figure` gives the incident's `Figure`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from factfinder.model import Casualties, ClaimRef, Figure, Figures
from factfinder.vocab import COUNT_KEYS, PARTY_NAMES

RECONCILE_VERSION = "reconcile-2"


@dataclass(frozen=True, slots=True, order=True)
class CountReport:
    """One claim's figure for one count (e.g. killed civilians) and the source it comes from."""

    ref: ClaimRef
    source: str
    credible: bool
    min: int | None
    max: int | None
    party: str | None = None  # the party to the conflict the source belongs to
    admits: bool = False  # the perpetrator's own side admitting it

    @property
    def point(self) -> int | None:
        """The single figure the report stands for."""
        if self.min is not None and self.max is not None:
            return (self.min + self.max) // 2
        return self.min if self.min is not None else self.max

    @property
    def alleged(self) -> int | None:
        """The largest figure the report alleges."""
        return self.max if self.max is not None else self.min


@dataclass(frozen=True, slots=True)
class Bound:
    """One reconciled bound: its value, the rule that gave it and the claims behind it."""

    value: int | None
    rule: str
    claims: tuple[ClaimRef, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "value": self.value,
            "rule": self.rule,
            "claims": [c.to_json() for c in self.claims],
        }


@dataclass(frozen=True, slots=True)
class Reconciled:
    """A reconciled count: min (firmest minimum), max (largest alleged), best, its sources and
    standing."""

    min: Bound
    max: Bound
    best: Bound
    sources: int
    largest_stated: int | None = None
    standing: str = "alleged"
    by: tuple[str, ...] = ()

    def as_figure(self) -> Figure | None:
        """The incident's figure: bounds, best, the rule of each and its standing."""
        if self.min.value is None and self.max.value is None:
            return None
        rule = "; ".join(
            f"{part}: {b.rule}"
            for part, b in (("min", self.min), ("best", self.best), ("max", self.max))
        )
        return Figure(self.min.value, self.max.value, self.best.value, rule, self.standing, self.by)

    def to_json(self) -> dict[str, Any]:
        return {
            "min": self.min.to_json(),
            "max": self.max.to_json(),
            "best": self.best.to_json(),
            "largest_stated": self.largest_stated,
            "sources": self.sources,
            "standing": self.standing,
            "by": list(self.by),
        }


def standing_of(
    reports: Sequence[CountReport], minimum: int | None = None
) -> tuple[str, tuple[str, ...]]:
    """What a count rests on (`STANDINGS`) and, for an alleged or acknowledged one, whose it is.

    The perpetrator's own admission of at least `minimum` outranks everything (an admission of
    fewer leaves the figure to the others, and its rule says so); then two or more independent
    credible sources corroborate; sources independent of the parties (one credible source, or
    reports carried without attribution) report; parties alone allege.
    """
    admitted = [r for r in reports if r.admits and r.party and r.min is not None]
    if admitted and (minimum is None or max(r.min or 0 for r in admitted) >= minimum):
        parties = sorted({r.party for r in admitted if r.party})
        return "acknowledged", tuple(PARTY_NAMES.get(p, p) for p in parties)
    credible = {r.source for r in reports if r.credible}
    # Corroboration is of the figure: two credible sources each alleging at least the minimum
    # (30 and 17 dead corroborate the deaths, not "at least 30").
    supporting = {
        r.source
        for r in reports
        if r.credible and (minimum is None or (r.alleged is not None and r.alleged >= minimum))
    }
    if len(supporting) >= 2:
        return "corroborated", ()
    if credible or any(r.party is None for r in reports):
        return "reported", ()
    parties = sorted({r.party for r in reports if r.party})
    return "alleged", tuple(PARTY_NAMES.get(p, p) for p in parties)


def _chains(reports: Iterable[CountReport]) -> dict[str, list[CountReport]]:
    out: dict[str, list[CountReport]] = {}
    for r in sorted(reports):
        out.setdefault(r.source, []).append(r)
    return out


def _largest(
    values: Iterable[tuple[int, str, ClaimRef]],
) -> tuple[int | None, tuple[ClaimRef, ...]]:
    best: int | None = None
    refs: list[ClaimRef] = []
    for v, _, ref in values:
        if best is None or v > best:
            best, refs = v, [ref]
        elif v == best:
            refs.append(ref)
    return best, tuple(sorted(set(refs)))


def reconcile_range(reports: Sequence[CountReport]) -> Reconciled | None:
    """Min, max and best of one count from its reports; None when no report gives a figure."""
    reports = [r for r in reports if r.min is not None or r.max is not None]
    if not reports:
        return None
    chains = _chains(reports)
    chain_min: dict[str, int] = {}
    chain_point: dict[str, int] = {}
    for source, members in chains.items():
        mins = [r.min for r in members if r.min is not None]
        if mins:
            chain_min[source] = max(mins)
        points = [p for r in members if (p := r.point) is not None]
        if points:
            chain_point[source] = max(points)
    credible = {s for s, members in chains.items() if any(r.credible for r in members)}

    def min_from(sources: set[str]) -> tuple[int | None, tuple[ClaimRef, ...]]:
        return _largest(
            (r.min, r.source, r.ref)
            for r in reports
            if r.source in sources and r.min is not None and r.min == chain_min.get(r.source)
        )

    lo, lo_refs = min_from(credible & set(chain_min))
    if lo is not None:
        lo_fig = Bound(lo, "largest minimum of an independent credible source", lo_refs)
    else:
        lo, lo_refs = min_from(set(chain_min))
        lo_fig = (
            Bound(
                lo,
                "largest minimum stated, by parties to the conflict only (uncorroborated)",
                lo_refs,
            )
            if lo is not None
            else Bound(None, "no source states a minimum")
        )
    stated, hi_refs = _largest(
        (a, r.source, r.ref) for r in reports if (a := r.alleged) is not None
    )
    hi: int | None = stated
    if stated is not None and all(r.max is None for r in reports if r.alleged == stated):
        # The largest figure is itself a minimum ("more than 4,000"): nobody alleges a bound.
        hi = None
        hi_fig = Bound(None, f"open: the largest figure alleged, {stated}, is a minimum", hi_refs)
    else:
        hi_fig = Bound(hi, "largest figure alleged by any report", hi_refs)

    points = sorted(chain_point.values())
    if points:
        mid = len(points) // 2
        median = points[mid] if len(points) % 2 else (points[mid - 1] + points[mid]) // 2
        value = median
        rule = (
            "the only source's figure"
            if len(points) == 1
            else f"median of {len(points)} independent sources' figures"
        )
        if lo is not None and value < lo:
            value, rule = lo, rule + ", raised to the minimum"
        if hi is not None and value > hi:
            value, rule = hi, rule + ", lowered to the largest alleged figure"
        behind = tuple(
            sorted(
                {
                    r.ref
                    for r in reports
                    if r.source in chain_point and r.point == chain_point[r.source]
                }
            )
        )
        best_fig = Bound(value, rule, behind)
    else:
        best_fig = Bound(None, "no figure to estimate from")
    standing, by = standing_of(reports, lo)
    return Reconciled(lo_fig, hi_fig, best_fig, len(chains), stated, standing, by)


@dataclass(frozen=True, slots=True)
class SourcedCounts:
    """One claim's killed or injured counts and the source it comes from."""

    ref: ClaimRef
    source: str
    credible: bool
    counts: Casualties


@dataclass(frozen=True, slots=True)
class CasualtyReconciliation:
    """Reconciled counts by key (`total`, `civilians`, …) for killed or injured."""

    figures: Mapping[str, Reconciled]

    def as_figures(self) -> Figures:
        return Figures(**{k: f.as_figure() for k, f in self.figures.items()})

    def to_json(self) -> dict[str, Any]:
        return {k: self.figures[k].to_json() for k in COUNT_KEYS if k in self.figures}


def reconcile_casualties(claims: Sequence[SourcedCounts]) -> CasualtyReconciliation:
    """Reconcile every count key over the claims, then keep totals at least their sub-counts."""
    reports: list[list[CountReport]] = [[] for _ in COUNT_KEYS]
    for c in claims:
        for k, key in enumerate(COUNT_KEYS):
            r = c.counts.get(key)
            if r is not None:
                reports[k].append(CountReport(c.ref, c.source, c.credible, r.min, r.max))
    return _reconcile(reports)


CountPair = tuple[int | None, int | None]


@dataclass(frozen=True, slots=True)
class CountingClaim:
    """One claim's counts in the linker's form: `(min, max)` pairs (None: not stated) in
    `COUNT_KEYS` order, with its source, its party and whether it is that party's admission."""

    ref: ClaimRef
    source: str
    credible: bool
    counts: Sequence[CountPair | None]
    party: str | None = None
    admits: bool = False


def reconcile_counts(claims: Iterable[CountingClaim]) -> CasualtyReconciliation:
    """`reconcile_casualties` of claims in the linker's own form, which spares building a
    `Casualties` per claim."""
    reports: list[list[CountReport]] = [[] for _ in COUNT_KEYS]
    for c in claims:
        for k, pair in enumerate(c.counts):
            if pair is not None:
                reports[k].append(
                    CountReport(c.ref, c.source, c.credible, pair[0], pair[1], c.party, c.admits)
                )
    return _reconcile(reports)


def _reconcile(reports: Sequence[Sequence[CountReport]]) -> CasualtyReconciliation:
    figures: dict[str, Reconciled] = {}
    for key, found in zip(COUNT_KEYS, reports, strict=True):
        if found:
            rec = reconcile_range(found)
            if rec is not None:
                figures[key] = rec
    total = figures.get("total")
    if total is not None:
        figures["total"] = _floor_total(total, figures)
    return CasualtyReconciliation(figures)


def _floor_total(total: Reconciled, figures: Mapping[str, Reconciled]) -> Reconciled:
    """Everyone killed includes every category: the total is at least its largest sub-count."""
    subs = [(k, f) for k, f in figures.items() if k != "total" and f.min.value is not None]
    if not subs:
        return total
    key, sub = max(subs, key=lambda kf: (kf[1].min.value or 0, kf[0]))
    floor = sub.min.value
    assert floor is not None
    lo, hi, best = total.min, total.max, total.best
    if lo.value is None or lo.value < floor:
        lo = Bound(floor, f"raised to the minimum of {key}", sub.min.claims)
    if hi.value is not None and hi.value < floor:
        hi = Bound(floor, f"raised to the minimum of {key}", sub.min.claims)
    if best.value is not None and best.value < floor:
        best = Bound(floor, best.rule + f", raised to the minimum of {key}", best.claims)
    return Reconciled(lo, hi, best, total.sources, total.largest_stated, total.standing, total.by)
