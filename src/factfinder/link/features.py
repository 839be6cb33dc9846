"""Pair features and the pair score: how strongly two claims look like reports of one incident.

The score is a sum of explainable contributions in log-odds units (positive = same incident),
one per feature, plus a prior. Two claims are linked when the score is above `LINK_THRESHOLD`.
Every contribution is kept with the feature value that produced it, so a link can always be
explained ("same day +1.0, 2 km apart +1.2, both chemical +1.5, 70 vs 72 killed +0.8 ...").

The weights are set by hand from what the features mean, not fitted to any document set:

* time and place are necessary but weak on their own (a governorate sees several incidents a
  day), so the prior is negative and they only bring a pair near the threshold;
* what makes an incident particular — its kind (a chemical attack is rare), its toll, the names
  of victims and landmarks and the words of the report — must add the rest;
* disagreements count against: incompatible event types, tolls far apart, distant points.

`SCORING_VERSION` names this table; it is written into every incident so a stored link can be
traced to the rules that made it.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any, NamedTuple

from rapidfuzz import fuzz

from factfinder.link.records import Count, Counts, LinkClaim
from factfinder.vocab import COUNT_KEYS

SCORING_VERSION = "link-score-1"
LINK_THRESHOLD = 0.0
PRIOR = -2.5

# Event types that reports of one incident plausibly mix up: an air raid reported as shelling,
# a barrel bomb as an explosion, a gas attack as an air strike; a shooting and an execution.
_COMPATIBLE = frozenset({
    frozenset({"airstrike", "shelling"}), frozenset({"airstrike", "explosion"}),
    frozenset({"shelling", "explosion"}), frozenset({"airstrike", "chemical"}),
    frozenset({"shelling", "chemical"}), frozenset({"shooting", "execution"}),
    frozenset({"execution", "mass_grave"}), frozenset({"shooting", "detention"}),
    frozenset({"airstrike", "mass_grave"}),
})
_VAGUE_TYPES = frozenset({"unknown", "other"})
# Rare kinds of event are stronger evidence when two reports share them.
_SAME_TYPE_WEIGHT = {"chemical": 1.6, "mass_grave": 1.4, "execution": 1.0, "detention": 0.8,
                     "explosion": 0.9, "shooting": 0.7, "airstrike": 0.6, "shelling": 0.6}


def event_relation(a: str, b: str) -> str:
    """`same`, `compatible`, `vague` (one is unknown/other) or `conflict`."""
    if a in _VAGUE_TYPES or b in _VAGUE_TYPES:
        return "vague"
    if a == b:
        return "same"
    if frozenset({a, b}) in _COMPATIBLE:
        return "compatible"
    return "conflict"


def events_compatible(a: str, b: str) -> bool:
    """Whether two event types may sit in one incident (the cluster-level constraint)."""
    return event_relation(a, b) != "conflict"


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(h)))


def _point(r: Count) -> int | None:
    lo, hi = r
    if lo is not None and hi is not None:
        return (lo + hi) // 2
    return lo if lo is not None else hi


# Which counts of two claims are compared, most specific first: a civilians figure against a
# civilians figure, else totals, else one side's civilians against the other's total.
_COUNT_PAIRS = ((1, 1), (0, 0), (1, 0), (0, 1), (5, 5))


def casualty_relation(a: Counts, b: Counts) -> tuple[str, float | None, str | None]:
    """How two claims' killed counts compare: (relation, ratio small/large, which counts).

    Relations: `equal` (same figure), `overlap` (ranges overlap: "at least 20" and "26"),
    `close` (within a factor 2: tolls rise), `apart` (factor 2-5), `far` (factor > 5), or
    `unknown` when the claims give no comparable count.
    """
    for ia, ib in _COUNT_PAIRS:
        ra, rb = a[ia], b[ib]
        if ra is None or rb is None:
            continue
        pa, pb = _point(ra), _point(rb)
        if pa is None or pb is None:
            continue
        which = f"{COUNT_KEYS[ia]}~{COUNT_KEYS[ib]}"
        if ra == rb or pa == pb:
            return "equal", 1.0, which
        lo_a = ra[0] if ra[0] is not None else 0
        lo_b = rb[0] if rb[0] is not None else 0
        hi_a = ra[1] if ra[1] is not None else math.inf
        hi_b = rb[1] if rb[1] is not None else math.inf
        if max(lo_a, lo_b) <= min(hi_a, hi_b) and (ra[1] is None or rb[1] is None):
            # One open range ("at least 20") containing the other's figure.
            return "overlap", min(pa, pb) / max(pa, pb, 1), which
        ratio = min(pa, pb) / max(pa, pb, 1)
        if ratio >= 0.5:
            return "close", ratio, which
        if ratio >= 0.2:
            return "apart", ratio, which
        return "far", ratio, which
    return "unknown", None, None


class PairScore(NamedTuple):
    """A scored pair: the score and each feature's value and contribution."""

    score: float
    features: Mapping[str, Any]

    def to_json(self) -> dict[str, Any]:
        return {"score": round(self.score, 3), "features": dict(self.features)}


_CASUALTY_WEIGHT = {"equal": 1.2, "overlap": 0.8, "close": 0.3, "apart": -0.8, "far": -1.8,
                    "unknown": 0.0}
_MAX_TEXT = 2.0  # contribution of identical sentences
_MAX_NAMES = 2.0  # contribution of sharing all rare names


def _date_part(a: LinkClaim, b: LinkClaim) -> tuple[int, float]:
    assert a.lo is not None and a.hi is not None and b.lo is not None and b.hi is not None
    gap = max(0, max(a.lo, b.lo) - min(a.hi, b.hi))
    coarse = a.date_precision != "day" or b.date_precision != "day"
    if gap == 0:
        return gap, 0.4 if coarse else 1.0
    if gap == 1:
        return gap, 0.2
    return gap, -0.6 * (gap - 1)


def _place_part(a: LinkClaim, b: LinkClaim) -> tuple[float | None, str, float]:
    if a.lat is None or b.lat is None or a.lon is None or b.lon is None:
        same = a.area == b.area and a.area.startswith("gov:")
        return None, "same governorate" if same else "unknown", 0.1 if same else -0.3
    d = haversine_km(a.lat, a.lon, b.lat, b.lon)
    if a.fine and b.fine:
        slack = max(0.0, d - a.radius_km - b.radius_km)
        if slack <= 1.0:
            return d, "same place", 1.2
        if slack <= 8.0:
            return d, "near", 0.5
        if slack <= 20.0:
            return d, "same area", -0.3
        return d, "apart", -1.5
    # At least one coarse place: only whether they can be one area is known.
    same_gov = a.area == b.area and a.area.startswith("gov:")
    if d <= a.radius_km + b.radius_km:
        return d, "within area" + (", same governorate" if same_gov else ""), \
            0.2 if same_gov else 0.0
    return d, "apart", -1.0


def _perpetrator_part(a: str, b: str) -> tuple[str, float]:
    if a in _VAGUE_TYPES or b in _VAGUE_TYPES:
        return "unknown", 0.0
    if a == b:
        return "same", 0.5
    return "different", -0.6


def idf_jaccard(a: frozenset[str], b: frozenset[str], idf: Mapping[str, float]) -> float:
    """Shared names weighted by rarity: Σidf(a∩b) / Σidf(a∪b), 0 when either is empty."""
    if not a or not b:
        return 0.0
    shared = a & b
    if not shared:
        return 0.0
    inter = sum(idf.get(t, 1.0) for t in shared)
    union = inter + sum(idf.get(t, 1.0) for t in (a | b) - shared)
    return inter / union if union else 0.0


def text_similarity(a: str, b: str) -> float:
    """Similarity of two claims' normalised sentences in [0, 1] (rapidfuzz token-set ratio)."""
    if not a or not b:
        return 0.0
    return fuzz.token_set_ratio(a, b) / 100.0


def _parts(
    a: LinkClaim, b: LinkClaim, idf: Mapping[str, float], cutoff: float | None
) -> tuple[float, dict[str, Any]] | None:
    gap, s_date = _date_part(a, b)
    dist, place_rel, s_place = _place_part(a, b)
    ev = event_relation(a.event_type, b.event_type)
    if ev == "same":
        s_event = _SAME_TYPE_WEIGHT.get(a.event_type, 0.6)
    else:
        s_event = {"compatible": 0.1, "vague": 0.0, "conflict": -2.5}[ev]
    perp, s_perp = _perpetrator_part(a.perpetrator, b.perpetrator)
    cas, ratio, which = casualty_relation(a.killed, b.killed)
    s_cas = _CASUALTY_WEIGHT[cas]
    cheap = PRIOR + s_date + s_place + s_event + s_perp + s_cas
    if cutoff is not None and cheap + _MAX_TEXT + _MAX_NAMES < cutoff:
        return None
    names = idf_jaccard(a.names, b.names, idf)
    s_names = round(_MAX_NAMES * min(1.0, names * 2.0), 3)
    sim = text_similarity(a.text, b.text)
    # Unrelated news sentences already share ~half their words; only what is above that counts.
    s_text = round(_MAX_TEXT * max(-0.25, (sim - 0.55) / 0.45), 3)
    score = round(cheap + s_names + s_text, 3)
    if cutoff is not None:
        return (score, {}) if score >= cutoff else None
    features: dict[str, Any] = {
        "prior": PRIOR,
        "date": {"gap_days": gap, "weight": s_date},
        "place": {"distance_km": None if dist is None else round(dist, 1), "relation": place_rel,
                  "weight": s_place},
        "event_type": {"a": a.event_type, "b": b.event_type, "relation": ev, "weight": s_event},
        "perpetrator": {"a": a.perpetrator, "b": b.perpetrator, "relation": perp,
                        "weight": s_perp},
        "casualties": {"relation": cas, "ratio": None if ratio is None else round(ratio, 3),
                       "compared": which, "weight": s_cas},
        "shared_names": {"names": sorted(a.names & b.names)[:12],
                         "idf_jaccard": round(names, 3), "weight": s_names},
        "text_similarity": {"value": round(sim, 3), "weight": s_text},
    }
    return score, features


def score_pair(
    a: LinkClaim, b: LinkClaim, idf: Mapping[str, float], threshold: float = LINK_THRESHOLD
) -> float | None:
    """The pair's score when it reaches `threshold`, else None (cheap features decide first)."""
    parts = _parts(a, b, idf, threshold)
    return None if parts is None else parts[0]


def explain_pair(a: LinkClaim, b: LinkClaim, idf: Mapping[str, float]) -> PairScore:
    """The pair's full score with every feature's value and weight."""
    parts = _parts(a, b, idf, None)
    assert parts is not None
    return PairScore(*parts)
