"""Pair features and the pair score: how strongly two claims look like reports of one incident.

The score is a sum of explainable contributions in log-odds units (positive = same incident),
one per feature, plus a prior. Two claims are linked when the score reaches `LINK_THRESHOLD`
(a little below even odds: the clustering's constraints and its average-link check keep a
weak link from joining reports that disagree).
Every contribution is kept with the feature value that produced it, so a link can always be
explained ("same day +1.0, 2 km apart +1.2, both chemical +1.6, 70 vs 72 killed +0.8 ...").

The weights are set by hand from what the features mean, not fitted to any document set:

* time and place are necessary but weak on their own (a governorate sees several incidents a
  day), so the prior is negative and they only bring a pair near the threshold;
* what makes an incident particular — its kind (a chemical attack is rare), its toll, the names
  of victims and landmarks, the rare words of the report — must add the rest;
* disagreements count against: incompatible event types, tolls far apart, distant points, days
  apart.

`SCORING_VERSION` names this table; it is written into every incident so a stored link can be
traced to the rules that made it.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from functools import lru_cache
from itertools import repeat
from typing import Any, Generic, NamedTuple, Protocol, TypeVar

from rapidfuzz import fuzz

from factfinder.geo import distance_km
from factfinder.link.records import Count, Counts, Point
from factfinder.link.text import Words, same_language
from factfinder.vocab import COUNT_KEYS


class Scorable(Protocol):
    """What scoring reads of a claim: a `LinkClaim`, or the smaller view that scoring workers
    receive (`factfinder.link.pairs.ScoreView`)."""

    @property
    def lo(self) -> int | None: ...
    @property
    def hi(self) -> int | None: ...
    @property
    def date_precision(self) -> str: ...
    @property
    def points(self) -> tuple[Point, ...]: ...
    @property
    def geo(self) -> frozenset[int]: ...
    @property
    def place_precision(self) -> str | None: ...
    @property
    def areas(self) -> frozenset[str]: ...
    @property
    def event_type(self) -> str: ...
    @property
    def perpetrator(self) -> str: ...
    @property
    def killed(self) -> Counts: ...
    @property
    def names(self) -> Words: ...
    @property
    def words(self) -> Words: ...
    @property
    def publisher(self) -> str | None: ...
    @property
    def text(self) -> str: ...
    @property
    def lang(self) -> str: ...
    @property
    def chain(self) -> str: ...
    @property
    def hint(self) -> int: ...


SCORING_VERSION = "link-score-8"  # 8: undated pairs of one town with agreeing tolls
SAME_TOWN_SAME_DAY = 0.8
LINK_THRESHOLD = -0.5
PRIOR = -2.0

# Event types that reports of one incident plausibly mix up: an air raid reported as shelling,
# a barrel bomb as an explosion, a gas attack as an air strike; a shooting and an execution.
_COMPATIBLE = frozenset(
    {
        frozenset({"airstrike", "shelling"}),
        frozenset({"airstrike", "explosion"}),
        frozenset({"shelling", "explosion"}),
        frozenset({"airstrike", "chemical"}),
        frozenset({"shelling", "chemical"}),
        frozenset({"shooting", "execution"}),
        frozenset({"execution", "mass_grave"}),
        frozenset({"shooting", "detention"}),
        frozenset({"airstrike", "mass_grave"}),
        frozenset({"shooting", "explosion"}),
        frozenset({"shooting", "shelling"}),
        # Raids: people taken are later reported killed, and an airborne raid is reported as an
        # air operation by some and as arrests by others.
        frozenset({"detention", "execution"}),
        frozenset({"airstrike", "detention"}),
    }
)
_VAGUE_TYPES = frozenset({"unknown", "other"})
# Rare kinds of event are stronger evidence when two reports share them.
# Air strikes and shelling are most of what is reported, so sharing them says little.
_SAME_TYPE_WEIGHT = {
    "chemical": 2.0,
    "mass_grave": 2.0,
    "explosion": 1.5,
    "execution": 1.2,
    "detention": 1.0,
    "shooting": 0.8,
    "airstrike": 0.2,
    "shelling": 0.2,
}
# Compatible types are a mild disagreement: reports of one strike say "air strike" or
# "shelling" (Arabic قصف is either), a barrel bomb "explosion" or "shelling".
_EVENT_WEIGHT = {"compatible": -0.5, "vague": 0.0, "conflict": -2.5}


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


def _point(r: Count) -> int | None:
    lo, hi = r
    if lo is not None and hi is not None:
        return (lo + hi) // 2
    return lo if lo is not None else hi


# Which counts of two claims are compared: civilians and totals, in all four combinations
# (one report counts "people", another "civilians"); the most compatible comparison is used.
_COUNT_PAIRS = ((1, 1), (0, 0), (1, 0), (0, 1), (5, 5))
_RELATION_RANK = {"equal": 0, "overlap": 1, "close": 2, "apart": 3, "far": 4}


def _relation(ra: Count, rb: Count) -> tuple[str, float] | None:
    pa, pb = _point(ra), _point(rb)
    if pa is None or pb is None:
        return None
    if ra == rb or pa == pb:
        return "equal", 1.0
    ratio = min(pa, pb) / max(pa, pb, 1)
    lo_a = ra[0] if ra[0] is not None else 0
    lo_b = rb[0] if rb[0] is not None else 0
    hi_a = ra[1] if ra[1] is not None else math.inf
    hi_b = rb[1] if rb[1] is not None else math.inf
    if max(lo_a, lo_b) <= min(hi_a, hi_b) and (ra[1] is None or rb[1] is None):
        # One open range ("at least 20") that the other's figure does not contradict.
        return "overlap", ratio
    if ratio >= 0.5:
        return "close", ratio
    if ratio >= 0.2:
        return "apart", ratio
    return "far", ratio


def casualty_relation(a: Counts, b: Counts) -> tuple[str, float | None, str | None, int | None]:
    """How two claims' killed counts compare: (relation, ratio small/large, which counts, figure).

    Relations: `equal` (same figure), `overlap` (an open range and a figure that fits it:
    "at least 20" and "26"), `close` (within a factor 2: tolls rise), `apart` (factor 2-5),
    `far` (factor > 5), or `unknown` when the claims give no comparable count. `figure` is the
    compared figure of the first claim.
    """
    no_a = a[0] is None and a[1] is None
    no_b = b[0] is None and b[1] is None
    if (no_a or no_b) and (a[5] is None or b[5] is None):
        return "unknown", None, None, None
    best: tuple[str, float, str, int | None] | None = None
    for ia, ib in _COUNT_PAIRS:
        ra, rb = a[ia], b[ib]
        if ra is None or rb is None:
            continue
        rel = _relation(ra, rb)
        if rel is None:
            continue
        if best is None or _RELATION_RANK[rel[0]] < _RELATION_RANK[best[0]]:
            best = (rel[0], rel[1], f"{COUNT_KEYS[ia]}~{COUNT_KEYS[ib]}", _point(ra))
            if rel[0] == "equal":
                break  # nothing compares better
    if best is None:
        return "unknown", None, None, None
    return best


class PairScore(NamedTuple):
    """A scored pair: the score, each feature's value and contribution, and what the two
    claims agree on in words ("same day", "same town (1.2 km)", "same perpetrator (turkey,
    turkey)" ...)."""

    score: float
    features: Mapping[str, Any]
    matched: tuple[str, ...] = ()

    @classmethod
    def of(cls, parts: tuple[float, dict[str, Any]]) -> PairScore:
        """From `score_parts(...)`'s explained result (its `matched` list taken out of the features)."""
        score, features = parts
        matched = tuple(features.pop("matched", ()))
        return cls(score, features, matched)

    def to_json(self) -> dict[str, Any]:
        return {
            "score": round(self.score, 3),
            "features": dict(self.features),
            "matched": list(self.matched),
        }


# The same toll is strong evidence (less for small tolls, which are common by chance); tolls
# rise, so "at least 20" against 26 is mild evidence;
# figures a factor of two or more apart are rarely one incident.
_CASUALTY_WEIGHT = {
    "equal": 2.0,
    "overlap": 0.4,
    "close": 0.0,
    "apart": -2.0,
    "far": -2.5,
    "unknown": 0.0,
}
# Two independent sources often disagree on a toll (a party's count and a monitor's, an early
# and a late count): between claims of different sources in one language (whose words are
# compared) a differing figure is weaker evidence of two incidents than one source giving two.
_CASUALTY_WEIGHT_OTHER_SOURCE = {**_CASUALTY_WEIGHT, "apart": -0.75, "far": -1.5}
_MAX_TEXT = 3.0  # contribution of sentences sharing a third or more of their rare words
_MAX_NAMES = 1.5  # contribution of sharing half or more of their rare names
_MIN_TEXT = -0.25 * _MAX_TEXT  # contribution of sentences sharing no more than unrelated ones
_TEXT_BASE = 0.1  # rare-word overlap of unrelated reports
_SAME_PUBLISHER_BASE = 0.25


# A claim no date places may still name its weekday or its day of a month
# (`extract.hints.day_hint`), packed into one integer (`records.pack_hint`). The weights follow
# the calendar: two reports of one incident mostly name its day (or the next, for a late
# report); two of different incidents share a day of the month about once in 365 pairs and a
# weekday once in 7. So a shared day of the month counts as a shared day does, a shared weekday
# a little, a day off as a dated day apart, and a different day or weekday against (a weekday
# less: reports name the day they were filed as often as the day of the attack).
_DAY_HINT_WEIGHT = {
    "same day of the month": 1.5,
    "adjacent days": 0.2,
    "same weekday": 0.5,
    "adjacent weekdays": -0.5,
    "different days": -2.0,
    "different weekdays": -1.0,
}
_UNDATED = -0.5


def _day_of(r: Scorable) -> tuple[int, int]:
    """(weekday or -1, 32 × month + day or 0) of a claim: of its one day when dated to one
    day, of its hint when undated."""
    if r.lo is not None and r.lo == r.hi:
        day = _date_of(r.lo)
        return day.weekday(), 32 * day.month + day.day
    if r.lo is None and r.hint:
        return r.hint % 8 - 1, r.hint // 8
    return -1, 0


@lru_cache(maxsize=1 << 14)
def _date_of(ordinal: int) -> dt.date:
    return dt.date.fromordinal(ordinal)


def _in_leap_year(md: int) -> int:
    """The ordinal of a month and day in a leap year, to count days between two of them."""
    return dt.date(2024, md // 32, md % 32).toordinal()


def day_hint_part(a: Scorable, b: Scorable) -> tuple[str | None, float]:
    """How the days two claims name agree when one of them is undated: (relation, weight)."""
    wa, ma = _day_of(a)
    wb, mb = _day_of(b)
    rel: str | None = None
    if ma and mb:
        apart = abs(_in_leap_year(ma) - _in_leap_year(mb))
        apart = min(apart, 366 - apart)
        if apart == 0:
            rel = "same day of the month" if wa < 0 or wb < 0 or wa == wb else "different days"
        else:
            rel = "adjacent days" if apart == 1 else "different days"
    elif wa >= 0 and wb >= 0:
        apart = (wa - wb) % 7
        rel = (
            "same weekday"
            if apart == 0
            else ("adjacent weekdays" if apart in (1, 6) else "different weekdays")
        )
    return rel, _UNDATED if rel is None else _DAY_HINT_WEIGHT[rel]


def date_gap(a: Scorable, b: Scorable) -> int | None:
    """Days between two claims' windows (0 when they overlap; None when one is undated)."""
    if a.lo is None or a.hi is None or b.lo is None or b.hi is None:
        return None
    return max(0, max(a.lo, b.lo) - min(a.hi, b.hi))


@lru_cache(maxsize=4096)
def _gap_weight(gap: int) -> float:
    # Reports a few days apart may still be one incident (late reports, misread weekdays);
    # each further day makes it less likely.
    return round(max(-3.0, -0.4 - 0.3 * (gap - 2)), 3)


@lru_cache(maxsize=1 << 16)
def points_distance(a: tuple[Point, ...], b: tuple[Point, ...]) -> float | None:
    """The least distance between two claims' points (claims of a town repeat the same)."""
    best: float | None = None
    for lat1, lon1 in a:
        for lat2, lon2 in b:
            d = distance_km(lat1, lon1, lat2, lon2)
            if best is None or d < best:
                best = d
    return best


_PRECISE = frozenset({"exact", "neighbourhood"})


def _place_part(a: Scorable, b: Scorable) -> tuple[float | None, str, float]:
    # A shared neighbourhood or site is evidence; a shared town is weak evidence, for a city
    # sees many incidents a day.
    precise = a.place_precision in _PRECISE and b.place_precision in _PRECISE
    d = points_distance(a.points, b.points) if a.geo.isdisjoint(b.geo) else 0.0
    if d is not None:
        if d <= 1.0 and precise:
            return d, "same site or neighbourhood", 1.2
        if precise:
            # Two sites named precisely and apart: reports rarely disagree on the neighbourhood.
            return d, "different neighbourhoods", -0.5 if d <= 10.0 else -1.5
        if d <= 3.0:
            return d, "same town", 0.3
        if d <= 10.0:
            return d, "near", 0.0
        if d <= 25.0:
            return d, "same area", -0.5
        return d, "apart", -1.5
    # At least one claim has no point: only whether they can be one area is known.
    if a.areas and b.areas:
        if not a.areas.isdisjoint(b.areas):
            return None, "same governorate", 0.1
        return None, "different governorates", -1.5
    return None, "unknown", -0.3


# Parties that fight side by side and whose strikes reports often confuse ("Syrian or Russian
# warplanes"): naming one or the other is a weak disagreement.
_ALLIED = (
    frozenset({"syrian_government", "russia", "iran"}),
    frozenset({"us_led_coalition", "sdf_ypg"}),
    frozenset({"turkey", "armed_opposition"}),
    # HTS is one of the armed groups that reports (state media above all) name collectively.
    frozenset({"armed_opposition", "hts_nusra"}),
)


_AIR_OR_GROUND = frozenset({"airstrike", "shelling"})


def _bombardment(a: Scorable, b: Scorable) -> bool:
    """An air strike against shelling where one report is read from Arabic: its word for
    bombardment (قصف) names either, and a bare one is read as shelling, so the mismatch is no
    evidence against the pair."""
    return {a.event_type, b.event_type} == _AIR_OR_GROUND and (
        a.lang.startswith("arab") or b.lang.startswith("arab")
    )


@lru_cache(maxsize=256)
def party_sides(party: str) -> tuple[str, ...]:
    """The party and each alliance it fights in (`_ALLIED`, as "a+b+c"): reports that name one
    or the other of allies may be of one strike."""
    blocs = sorted("+".join(sorted(side)) for side in _ALLIED if party in side)
    return (party, *blocs)


@lru_cache(maxsize=1024)
def _perpetrator_part(a: str, b: str) -> tuple[str, float]:
    if a in _VAGUE_TYPES or b in _VAGUE_TYPES:
        return "unknown", 0.0
    if a == b:
        return "same", 0.6
    if any(a in side and b in side for side in _ALLIED):
        return "allied", -0.2
    return "different", -1.0


@lru_cache(maxsize=1024)
def _event_part(a: str, b: str) -> tuple[str, float]:
    ev = event_relation(a, b)
    return ev, _SAME_TYPE_WEIGHT.get(a, 0.6) if ev == "same" else _EVENT_WEIGHT[ev]


@lru_cache(maxsize=1 << 16)
def _casualty_part(
    a: Counts, b: Counts, other_source: bool = False
) -> tuple[str, float | None, str | None, float]:
    cas, ratio, which, figure = casualty_relation(a, b)
    s_cas = (_CASUALTY_WEIGHT_OTHER_SOURCE if other_source else _CASUALTY_WEIGHT)[cas]
    if cas == "equal" and figure is not None:
        # Small tolls are common, so two reports sharing one say less than sharing 26 or 112.
        s_cas = round(min(s_cas, 0.5 + 0.5 * math.log2(max(1, figure))), 3)
    return cas, ratio, which, s_cas


def text_similarity(a: str, b: str) -> float:
    """Similarity of two claims' normalised sentences in [0, 1] (rapidfuzz token-set ratio)."""
    if not a or not b:
        return 0.0
    return fuzz.token_set_ratio(a, b) / 100.0


def _overlap(
    a: Words | frozenset[str],
    b: Words | frozenset[str],
    total_a: float,
    total_b: float,
    idf: Mapping[str, float],
) -> float:
    """`weighted_overlap` with each side's total weight known in advance; `a` and `b` are
    sorted tuples or sets. The shared words are summed in sorted order: the same sum, to the
    last bit, whichever form the words come in and in whichever process."""
    if not a or not b:
        return 0.0
    shared = a.intersection(b) if isinstance(a, frozenset) else set(a).intersection(b)
    return _shared_overlap(shared, total_a, total_b, idf) if shared else 0.0


def _shared_overlap(
    shared: set[str] | frozenset[str], total_a: float, total_b: float, idf: Mapping[str, float]
) -> float:
    """`_overlap` of two claims sharing the (non-empty) `shared` words."""
    get = idf.get
    # One or two shared words need no sorting for the sum in sorted order, to the last bit:
    # 0.0 + w is w, and w + v is v + w.
    if len(shared) == 1:
        (only,) = shared
        inter = get(only, 1.0)
    elif len(shared) == 2:
        first, second = shared
        inter = get(first, 1.0) + get(second, 1.0)
    else:
        inter = 0.0
        for t in sorted(shared):
            inter += get(t, 1.0)
    return inter / (total_a + total_b - inter)


# Pair scores are sums of a few weights, most of them repeated from pair to pair: `round`
# (a conversion to decimal and back) is looked up instead, for up to this many sums.
_ROUNDED_MAX = 1 << 16
_ROUNDED: dict[float, float] = {}


def _round3(x: float) -> float:
    """round(x, 3), remembered (zeros are not: 0.0 and -0.0 are one key, and round keeps the
    sign)."""
    got = _ROUNDED.get(x)
    if got is None:
        got = round(x, 3)
        if x and len(_ROUNDED) < _ROUNDED_MAX:
            _ROUNDED[x] = got
    return got


# The two weights below are `round(weight, 3)` of a clamped value; the clamped ends (most
# pairs share no name, and share few words or many) need no `round`: the three of a pair
# cost about a tenth of the time of scoring it.


def names_weight(names: float) -> float:
    """round(_MAX_NAMES * min(1.0, names * 2.0), 3): the weight of a name overlap (>= 0)."""
    if not names:
        return 0.0
    double = names * 2.0
    if double >= 1.0:
        return _MAX_NAMES
    return round(_MAX_NAMES * double, 3)


def text_weight(words: float, base: float) -> float:
    """round(_MAX_TEXT * max(-0.25, min(1.0, (words - base) / 0.25)), 3): the weight of a
    rare-word overlap above its baseline."""
    share = (words - base) / 0.25
    if share <= -0.25:
        return _MIN_TEXT
    if share >= 1.0:
        return _MAX_TEXT
    return round(_MAX_TEXT * share, 3)


def word_weight(words: Words, idf: Mapping[str, float]) -> float:
    """The total rarity weight of a set of words (summed in their sorted order)."""
    return sum(map(idf.get, words, repeat(1.0)))


Totals = tuple[float, float, float, float]  # names of a, names of b, words of a, words of b
# names of a, names of b, words of a, words of b, as sets (a worker's faster form)
Sets = tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]


def score_parts(
    a: Scorable,
    b: Scorable,
    idf: Mapping[str, float],
    cutoff: float | None,
    totals: Totals | None = None,
    sets: Sets | None = None,
) -> tuple[float, dict[str, Any]] | None:
    """The pair's score and, with no `cutoff`, its explained features; with a `cutoff`, the score
    alone (features empty) when it reaches it, else None, the cheap features deciding first.

    `totals` (the four name and word weight totals) and `sets` (the names and words as sets) are
    what a worker computed once per claim; without them they are computed here.
    """
    alo, ahi, blo, bhi = a.lo, a.hi, b.lo, b.hi
    day_rel: str | None = None
    if alo is None or ahi is None or blo is None or bhi is None:
        gap = None
        day_rel, s_date = day_hint_part(a, b)
    else:
        gap = (alo if alo > blo else blo) - (ahi if ahi < bhi else bhi)
        if gap <= 0:
            gap = 0
            s_date = 0.4 if a.date_precision != "day" or b.date_precision != "day" else 1.5
        else:
            s_date = 0.2 if gap == 1 else _gap_weight(gap)
    dist, place_rel, s_place = _place_part(a, b)
    ev, s_event = _event_part(a.event_type, b.event_type)
    if s_event < 0 and ev == "compatible" and _bombardment(a, b):
        s_event = 0.0
    perp, s_perp = _perpetrator_part(a.perpetrator, b.perpetrator)
    # Two sources' differing tolls weigh less only where the pair already names one town on
    # one day with the same perpetrator, in one language: elsewhere a differing toll is among
    # the few signals telling neighbouring incidents apart, and keeps its full weight.
    cas, ratio, which, s_cas = _casualty_part(
        a.killed,
        b.killed,
        gap == 0
        and place_rel == "same town"
        and perp == "same"
        and bool(a.chain)
        and bool(b.chain)
        and a.chain != b.chain
        and (a.lang == b.lang or same_language(a.lang, b.lang)),
    )
    if gap == 0 and s_date >= 1.5 and place_rel == "same town":
        # One town and one day named by both: together more particular than either alone
        # (a town sees an incident on few days; a day sees incidents in many towns).
        s_place = SAME_TOWN_SAME_DAY
    cheap = PRIOR + s_date + s_place + s_event + s_perp + s_cas
    if a.lang != b.lang and not same_language(a.lang, b.lang):
        # Reports in two languages share no words whatever they report: their words are
        # neither evidence for nor against, and the pair stands on the features above.
        if cutoff is not None:
            return (_round3(cheap), {}) if cheap >= cutoff else None
        return _round3(cheap), _explained(
            a,
            b,
            gap,
            s_date,
            dist,
            place_rel,
            s_place,
            ev,
            s_event,
            perp,
            s_perp,
            cas,
            ratio,
            which,
            s_cas,
            None,
            day_rel=day_rel,
        )
    if cutoff is not None and cheap + _MAX_TEXT + _MAX_NAMES < cutoff:
        return None
    if totals is None:
        totals = (
            word_weight(a.names, idf),
            word_weight(b.names, idf),
            word_weight(a.words, idf),
            word_weight(b.words, idf),
        )
    if sets is None:
        names = _overlap(a.names, b.names, totals[0], totals[1], idf)
        words = _overlap(a.words, b.words, totals[2], totals[3], idf)
    else:
        # `_overlap` of the sets, inline (an empty side shares nothing).
        shared = sets[0] & sets[1]
        names = _shared_overlap(shared, totals[0], totals[1], idf) if shared else 0.0
        shared = sets[2] & sets[3]
        words = _shared_overlap(shared, totals[2], totals[3], idf) if shared else 0.0
    s_names = names_weight(names)
    # Unrelated reports from one war share a tenth of their rare words; what is above counts.
    # Two reports of one publisher share its house phrasing too, so they must share more.
    base = _SAME_PUBLISHER_BASE if a.publisher and a.publisher == b.publisher else _TEXT_BASE
    s_text = text_weight(words, base)
    score = _round3(cheap + s_names + s_text)
    if cutoff is not None:
        return (score, {}) if score >= cutoff else None
    return score, _explained(
        a,
        b,
        gap,
        s_date,
        dist,
        place_rel,
        s_place,
        ev,
        s_event,
        perp,
        s_perp,
        cas,
        ratio,
        which,
        s_cas,
        (names, s_names, words, base, s_text),
        day_rel=day_rel,
    )


def _explained(
    a: Scorable,
    b: Scorable,
    gap: int | None,
    s_date: float,
    dist: float | None,
    place_rel: str,
    s_place: float,
    ev: str,
    s_event: float,
    perp: str,
    s_perp: float,
    cas: str,
    ratio: float | None,
    which: str | None,
    s_cas: float,
    text: tuple[float, float, float, float, float] | None,
    *,
    day_rel: str | None = None,
) -> dict[str, Any]:
    """Every feature's value and weight, and `matched`: what the two claims agree on, in words.

    `text` is (name overlap, its weight, word overlap, its baseline, its weight), or None when
    the claims are in two languages and their words were not compared.
    """
    matched: list[str] = []
    if gap == 0:
        matched.append("same day" if s_date >= 1.5 else "overlapping dates")
    elif gap == 1:
        matched.append("a day apart")
    elif day_rel in ("same day of the month", "same weekday"):
        matched.append(day_rel)
    if s_place > 0:
        km = "" if dist is None else f" ({dist:.1f} km)"
        matched.append(f"{place_rel}{km}")
    if ev in ("same", "compatible"):
        matched.append(f"{ev} event type ({a.event_type}, {b.event_type})")
    if perp in ("same", "allied"):
        matched.append(f"{perp} perpetrator ({a.perpetrator}, {b.perpetrator})")
    if cas in ("equal", "overlap", "close"):
        matched.append(f"{cas} tolls ({which})")
    features: dict[str, Any] = {
        "prior": PRIOR,
        "date": {"gap_days": gap, "weight": s_date}
        | ({"undated_day": day_rel} if day_rel is not None else {}),
        "place": {
            "distance_km": None if dist is None else round(dist, 1),
            "relation": place_rel,
            "weight": s_place,
        },
        "event_type": {"a": a.event_type, "b": b.event_type, "relation": ev, "weight": s_event},
        "perpetrator": {"a": a.perpetrator, "b": b.perpetrator, "relation": perp, "weight": s_perp},
        "casualties": {
            "relation": cas,
            "ratio": None if ratio is None else round(ratio, 3),
            "compared": which,
            "weight": s_cas,
        },
    }
    if text is None:
        why = f"different languages ({a.lang or '?'}, {b.lang or '?'}): words not compared"
        features["shared_names"] = {"compared": False, "reason": why, "weight": 0.0}
        features["text_similarity"] = {"compared": False, "reason": why, "weight": 0.0}
    else:
        names, s_names, words, base, s_text = text
        shared = sorted(set(a.names).intersection(b.names))[:12]
        if s_names > 0:
            matched.append("shared names (" + ", ".join(shared[:5]) + ")")
        if s_text > 0:
            matched.append(f"similar wording ({words:.2f} of rare words shared)")
        features["shared_names"] = {
            "names": shared,
            "overlap": round(names, 3),
            "weight": s_names,
        }
        features["text_similarity"] = {
            "rare_word_overlap": round(words, 3),
            "baseline": base,
            "token_set_ratio": round(text_similarity(a.text, b.text), 3),
            "weight": s_text,
        }
    features["matched"] = matched
    return features


def score_pair(
    a: Scorable, b: Scorable, idf: Mapping[str, float], threshold: float = LINK_THRESHOLD
) -> float | None:
    """The pair's score when it reaches `threshold`, else None (cheap features decide first)."""
    parts = score_parts(a, b, idf, threshold)
    return None if parts is None else parts[0]


def explain_pair(a: Scorable, b: Scorable, idf: Mapping[str, float]) -> PairScore:
    """The pair's full score with every feature's value and weight."""
    parts = score_parts(a, b, idf, None)
    assert parts is not None
    return PairScore.of(parts)


S = TypeVar("S", bound=Scorable)


class PairScorer(Generic[S]):
    """Scores pairs of one run's records, with each record's word weights and word sets
    computed once (on first use: the clustering scores a small part of the records)."""

    MAX_CACHED = 200_000  # records whose word sets are kept (a set costs ~1 kB)

    def __init__(self, records: Sequence[S] | Mapping[int, S], idf: Mapping[str, float]) -> None:
        self.records = records
        self.idf = idf
        # Per record: (weight of its names, of its words, its names and words as sets).
        self._prepared: dict[int, tuple[float, float, frozenset[str], frozenset[str]]] = {}

    def _prepare(self, i: int) -> tuple[float, float, frozenset[str], frozenset[str]]:
        got = self._prepared.get(i)
        if got is None:
            if len(self._prepared) >= self.MAX_CACHED:
                self._prepared.clear()
            r = self.records[i]
            idf = self.idf
            got = self._prepared[i] = (
                word_weight(r.names, idf),
                word_weight(r.words, idf),
                frozenset(r.names),
                frozenset(r.words),
            )
        return got

    def _parts(self, i: int, j: int, cutoff: float | None) -> tuple[float, dict[str, Any]] | None:
        prepared = self._prepared
        pi = prepared.get(i) or self._prepare(i)
        pj = prepared.get(j) or self._prepare(j)
        records = self.records
        return score_parts(
            records[i],
            records[j],
            self.idf,
            cutoff,
            (pi[0], pj[0], pi[1], pj[1]),
            (pi[2], pj[2], pi[3], pj[3]),
        )

    def score(self, i: int, j: int, threshold: float = LINK_THRESHOLD) -> float | None:
        """The score of records i and j when it reaches `threshold`, else None."""
        parts = self._parts(i, j, threshold)
        return None if parts is None else parts[0]

    def full(self, i: int, j: int) -> float:
        """The score of records i and j, however low."""
        parts = self._parts(i, j, -math.inf)
        assert parts is not None
        return parts[0]

    def explain(self, i: int, j: int) -> PairScore:
        """The score of records i and j with every feature's value and weight."""
        parts = self._parts(i, j, None)
        assert parts is not None
        return PairScore.of(parts)
