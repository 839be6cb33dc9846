"""From a cluster of claims to an `Incident`: date, places, reconciled counts, grade, reasons.

Linking (`factfinder.link`) groups claims into clusters; this module turns each cluster of a
`LinkRun` into a graded incident (`incidents_of`, `incident_of`), or one cluster given by its
member indices (`build_incident`, which the project's linking service calls).

The incident's fields are derived from its member claims only:

* **date**: the days all members' windows share (the finest precision among dated members);
  when they share none (windows within the slack of each other), the span from the earliest to
  the latest, with `week` or `month` precision; None when no member states a date;
* **places**: the distinct places the members name, most precise and most often named first;
* **killed / injured**: reconciled ranges (`factfinder.assess.reconcile`);
* **independent_sources** and **grade** (`factfinder.assess.grading`).

Extra keys explain it all: `event_type` and `perpetrator` (what most members say), `links`
(each merge with its score and features), `refused_links`,
`sources` (the chains, their publishers and parties), `party_only` and `sources_parties`,
`reconciliation` (rule and claims behind each figure), `grading` (trace of rules) and `versions`.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

from factfinder.assess.grading import GRADING_VERSION, GradedClaim, GradeOverride, grade_incident
from factfinder.assess.reconcile import RECONCILE_VERSION, CountingClaim, reconcile_counts
from factfinder.link.accounts import independence_units
from factfinder.link.chains import chains_of
from factfinder.link.cluster import Link, Refusal
from factfinder.link.features import SCORING_VERSION, PairScore
from factfinder.link.records import Counts, LinkClaim
from factfinder.link.run import LinkRun
from factfinder.link.sources import UNATTRIBUTED, is_credible
from factfinder.model import ClaimRef, DateWindow, Incident, Place
from factfinder.vocab import PARTY_NAMES

_PRECISION_ORDER = ("day", "week", "month", "year", "unknown")
_PLACE_ORDER = {
    p: i
    for i, p in enumerate(("exact", "neighbourhood", "town", "district", "governorate", "country"))
}


def incident_date(members: Sequence[LinkClaim]) -> DateWindow | None:
    """The incident's date window from its members' windows (claim dates preferred)."""
    dated = [r for r in members if r.date_from == "claim" and r.lo is not None]
    if not dated:
        # Only publication dates: they placed the claims for linking, but they do not say
        # when the incident happened.
        return None
    lo = max(r.lo for r in dated if r.lo is not None)
    hi = min(r.hi for r in dated if r.hi is not None)
    if lo <= hi:
        precisions = [r.date_precision for r in dated]
        precision = min(precisions, key=_PRECISION_ORDER.index)
        if lo == hi and all(r.date_from != "claim" for r in dated):
            precision = "unknown"
        elif lo != hi and precision == "day":
            precision = "week" if hi - lo <= 7 else "month"
    else:
        lo = min(r.lo for r in dated if r.lo is not None)
        hi = max(r.hi for r in dated if r.hi is not None)
        precision = "week" if hi - lo <= 7 else "month"
    return DateWindow(dt.date.fromordinal(lo), dt.date.fromordinal(hi), precision)


def incident_places(members: Sequence[LinkClaim], limit: int = 5) -> tuple[Place, ...]:
    """The distinct places the members name: most precise first, then most often named."""
    seen: dict[str, Place] = {}
    count: Counter[str] = Counter()
    for r in members:
        for p in r.places:
            key = p.name.strip().lower()
            count[key] += 1
            old = seen.get(key)
            if old is None or (old.lat is None and p.lat is not None):
                seen[key] = p
    ordered = sorted(seen, key=lambda k: (_PLACE_ORDER.get(seen[k].precision, 9), -count[k], k))
    return tuple(seen[k] for k in ordered[:limit])


def admits_as(party: str | None, stance: str, perpetrator: str) -> bool:
    """Whether a claim of a source of `party` (None: no party to the conflict) with `stance`,
    naming `perpetrator`, is the perpetrator's own side speaking of its act: stance `admits`
    naming no other perpetrator, or a party's source naming its own side as the perpetrator.
    Never a denial. (The rule on plain values, for every reader of claims: `admits`, and the
    redaction view's retelling of an incident.)"""
    if party is None or stance == "denies":
        return False
    if stance == "admits":
        return perpetrator in ("unknown", "other") or perpetrator == party or party == "other"
    return party not in ("unknown", "other") and perpetrator == party


def classifies(party: str | None, killed: Counts) -> bool:
    """Whether the dead a source of `party` counts (`killed`, in `COUNT_KEYS` order) are that
    party's own classification of them: only fighters ("15 terrorists neutralised"). Such a
    count is the party's word, kept apart from the killed figures and from the grade's evidence
    of harm. (The rule on plain values, as `admits_as`.)"""
    if party is None:
        return False
    total, civilians, combatants = killed[0], killed[1], killed[5]
    if combatants is None or civilians is not None:
        return False
    return total is None or total == combatants


def admits(r: LinkClaim) -> bool:
    """`admits_as` of a linked claim."""
    return admits_as(r.source.party, r.stance, r.perpetrator)


def party_classification(r: LinkClaim) -> bool:
    """`classifies` of a linked claim."""
    return classifies(r.source.party, r.killed)


def _counting(r: LinkClaim, counts: Counts, unit: str) -> CountingClaim:
    return CountingClaim(r.ref, unit, is_credible(r.source), counts, r.source.party, admits(r))


def _party_name(party: str | None) -> str | None:
    return PARTY_NAMES.get(party, party) if party else None


def _denial_json(r: LinkClaim) -> dict[str, Any]:
    return {
        "claim": r.ref.to_json(),
        "source": r.source.name,
        "party": _party_name(r.source.party),
        "perpetrator": r.perpetrator,
    }


def _classification_json(r: LinkClaim) -> dict[str, Any]:
    lo, hi = r.killed[5] or (None, None)
    return {
        "claim": r.ref.to_json(),
        "source": r.source.name,
        "party": _party_name(r.source.party),
        "combatants": {"min": lo, "max": hi},
    }


def _graded(r: LinkClaim, unit: str) -> GradedClaim:
    def lo(counts: Counts, i: int) -> int | None:
        c = counts[i]
        return None if c is None else c[0]

    def hi(counts: Counts, i: int) -> int | None:
        c = counts[i]
        return None if c is None else c[1]

    return GradedClaim(
        ref=r.ref,
        source=unit,
        source_name=r.source.name,
        party=r.source.party,
        credible=is_credible(r.source),
        perpetrator=r.perpetrator,
        killed_total_min=lo(r.killed, 0),
        killed_total_max=hi(r.killed, 0),
        killed_civilians_min=lo(r.killed, 1),
        killed_civilians_max=hi(r.killed, 1),
        killed_combatants_min=lo(r.killed, 5),
        published=r.published,
        stance=r.stance,
        classified=party_classification(r),
    )


def build_incident(
    incident_id: str,
    records: Sequence[LinkClaim] | Mapping[int, LinkClaim],
    members: Sequence[int],
    links: Sequence[Link],
    refusals: Sequence[Refusal],
    explain: Callable[[int, int], PairScore],
    override: GradeOverride | None = None,
    refs: Mapping[int, ClaimRef] | None = None,
) -> Incident:
    """The `Incident` of one cluster (member indices into `records`).

    `refs`, when given, holds the refs of the claims that `refusals` name outside the cluster
    (their records are then not needed).
    """
    rs = [records[i] for i in sorted(members)]
    units = independence_units(rs)
    reports = [r for r in rs if r.stance != "denies"]
    classified = [r for r in reports if party_classification(r)]
    killed = reconcile_counts(
        _counting(r, r.killed, units[r.idx]) for r in reports if not party_classification(r)
    )
    injured = reconcile_counts(_counting(r, r.injured, units[r.idx]) for r in reports)
    grading = grade_incident([_graded(r, units[r.idx]) for r in rs], override)
    chains = chains_of(rs)
    parties = sorted({c.party for c in chains if c.party is not None})
    party_only = bool(chains) and all(c.party is not None for c in chains)
    extra: dict[str, Any] = {
        "event_type": _most_said([r.event_type for r in rs]),
        "perpetrator": _most_said([r.perpetrator for r in rs]),
        "party_only": party_only,
        "denials": [_denial_json(r) for r in rs if r.stance == "denies"],
        "party_classifications": [_classification_json(r) for r in classified],
        "sources_parties": parties,
        "sources": [c.to_json() for c in chains],
        "links": [_link_json(records, link, explain) for link in links],
        "refused_links": [
            {
                "a": _ref(records, refs, f.a).to_json(),
                "b": _ref(records, refs, f.b).to_json(),
                "score": round(f.score, 3),
                "reason": f.reason,
            }
            for f in refusals
        ],
        "reconciliation": {"killed": killed.to_json(), "injured": injured.to_json()},
        "grading": grading.to_json(),
        "versions": {
            "scoring": SCORING_VERSION,
            "reconcile": RECONCILE_VERSION,
            "grading": GRADING_VERSION,
        },
    }
    return Incident(
        incident=incident_id,
        members=tuple(r.ref for r in rs),
        date=incident_date(rs),
        places=incident_places(rs),
        killed=killed.as_figures(),
        injured=injured.as_figures(),
        independent_sources=_independent(rs, units),
        grade=grading.grade,
        extra=extra,
    )


def incidents_of(
    run: LinkRun, overrides: Mapping[str, GradeOverride] | None = None
) -> Iterator[Incident]:
    """The incidents of a linking run, in order of their first member claim."""
    for k in range(len(run.clustering.clusters)):
        yield incident_of(run, k, overrides)


def incident_of(
    run: LinkRun, k: int, overrides: Mapping[str, GradeOverride] | None = None
) -> Incident:
    """The incident of a linking run's k-th cluster."""
    c = run.clustering
    inc_id = run.ids[k]
    return build_incident(
        inc_id,
        run.records,
        c.clusters[k],
        c.links[k],
        c.refusals[k],
        run.scorer.explain,
        (overrides or {}).get(inc_id),
    )


def _ref(
    records: Sequence[LinkClaim] | Mapping[int, LinkClaim],
    refs: Mapping[int, ClaimRef] | None,
    i: int,
) -> ClaimRef:
    """The ref of claim i: from `refs` when it holds it, else from its record."""
    if refs is not None:
        got = refs.get(i)
        if got is not None:
            return got
    return records[i].ref


def _independent(rs: Sequence[LinkClaim], units: Mapping[int, str]) -> int:
    """How many independent sources the claims come from: parties once, other sources once per
    chain, copies of one text once; reports carried without attribution count only when nothing
    else is known (they may relay any of the others)."""
    attributed = {units[r.idx] for r in rs if r.source.type != UNATTRIBUTED}
    return len(attributed) if attributed else min(1, len(rs))


def _most_said(values: Sequence[str]) -> str:
    """What most members say, leaving out `unknown`/`other` when anything else is said."""
    said = Counter(v for v in values if v not in ("unknown", "other")) or Counter(values)
    return min(said.items(), key=lambda kv: (-kv[1], kv[0]))[0] if said else "unknown"


def _link_json(
    records: Sequence[LinkClaim] | Mapping[int, LinkClaim],
    link: Link,
    explain: Callable[[int, int], PairScore],
) -> dict[str, Any]:
    explained = explain(link.a, link.b)
    return {
        "a": records[link.a].ref.to_json(),
        "b": records[link.b].ref.to_json(),
        "kind": link.kind,
        "score": explained.score,
        "features": dict(explained.features),
        "matched": list(explained.matched),
    }
