"""Candidate pairs and their scores, found stretch by stretch of the sweep on worker processes.

Blocking (`factfinder.link.blocking`) sweeps the claims in order of their first day, and a
stretch of the sweep can run on its own once the `margin_days` before it are indexed. So the
claims in sweep order are cut into stretches; each stretch, with its margin, travels to a worker
as compact views (`ScoreView`: what blocking and scoring read, nothing of the output) with the
counts of the words they use, and the worker finds its blocking keys, sweeps it and scores its
candidate pairs (`factfinder.link.features`). Only the pairs that reach the link threshold come
back, each packed into one integer in the order the clustering takes them
(`factfinder.link.cluster.EdgeCodec`). The pairs, scores and their order are those of one sweep
over all claims in one process.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from itertools import chain
from typing import Any, NamedTuple, Protocol

from factfinder.link.blocking import extra_keys, margin_days, sweep, sweep_order
from factfinder.link.cluster import EdgeCodec
from factfinder.link.features import (
    LINK_THRESHOLD,
    Scorable,
    casualty_relation,
    points_distance,
    score_parts,
    word_weight,
)
from factfinder.link.parallel import Workers
from factfinder.link.records import Counts, LinkClaim, Point
from factfinder.link.text import Words, idf_value, terms

KEY_WORDS = 5
KEY_WORD_MIN_LIMIT = 20
KEY_TOLL_MIN = 4
KEY_NAMES = 3
NAME_LIMIT = 50
_RARE_TYPES = frozenset({"chemical", "mass_grave", "execution", "detention"})
# Claims per stretch: large against the margin each stretch re-indexes, small enough that
# every worker gets several.
MIN_STRETCH = 20000
STRETCHES_PER_WORKER = 4


class Keyed(Protocol):
    """What blocking keys are made of."""

    @property
    def doc(self) -> int: ...
    @property
    def stance(self) -> str: ...
    @property
    def names(self) -> Words: ...
    @property
    def words(self) -> Words: ...
    @property
    def killed(self) -> Counts: ...
    @property
    def event_type(self) -> str: ...
    @property
    def geo(self) -> frozenset[int]: ...
    @property
    def lang(self) -> str: ...
    @property
    def perpetrator(self) -> str: ...
    @property
    def points(self) -> tuple[Point, ...]: ...
    @property
    def areas(self) -> frozenset[str]: ...


def document_frequency(claims: Sequence[Keyed]) -> Counter[str]:
    """How many of the claims use each name or word (`counted_in_df`: answers are not
    counted)."""
    df: Counter[str] = Counter()
    for r in _counted(claims):
        df.update(terms(r.names, r.words))
    return df


def counted_claims(claims: Sequence[Keyed]) -> int:
    """How many claims `document_frequency` counts over (the `n` of the run's word rarity)."""
    return sum(1 for _ in _counted(claims))


def _counted(claims: Sequence[Keyed]) -> Iterator[Keyed]:
    """The claims whose words count in the run's word rarity (`counted_in_df`)."""
    told = {r.doc for r in claims if r.stance == "alleges"}
    return (r for r in claims if counted_in_df(r.stance, r.doc in told))


def counted_in_df(stance: str, document_tells: bool) -> bool:
    """Whether a claim's words count in the run's word rarity: not those of an answer (a claim
    that denies or admits) in a document that tells the incident itself (`document_tells`:
    it has a claim that alleges), whose sentences are the incident's again (the extractor gives
    it the incident's opening sentence), so that an answer makes no word look more common and
    changes no other link. A document that only denies is counted as any other."""
    return stance == "alleges" or not document_tells


def blocking_keys(
    claims: Sequence[Keyed],
    df: Mapping[str, int] | None = None,
    n: int | None = None,
) -> tuple[list[tuple[str, ...]], list[tuple[str, ...]]]:
    """Each claim's blocking keys and its name keys (see `factfinder.link.blocking`).

    `df` counts the claims of the run that use each word (`n` claims in all); both default to
    those of `claims`. Keys: the `KEY_WORDS` rarest of its words and names that another claim
    also uses and at most one claim in 500 (min. 20) uses, its tolls of `KEY_TOLL_MIN` or more
    (total and civilians; smaller tolls are too common to tell incidents apart) and a rare
    event type. Name keys: its `KEY_NAMES` rarest proper names used by at most 1% of the
    claims and at most `NAME_LIMIT` claims (min. 2): a name that many reports repeat finds no
    particular incident.
    """
    if df is None:
        df, n = document_frequency(claims), counted_claims(claims)
    elif n is None:
        raise ValueError("give the number of claims `df` counts over")
    assert n is not None
    limit = max(2, min(NAME_LIMIT, n // 100))
    word_limit = max(KEY_WORD_MIN_LIMIT, n // 500)
    keys: list[tuple[str, ...]] = []
    names: list[tuple[str, ...]] = []
    for r in claims:
        rare = sorted((df[t], t) for t in terms(r.names, r.words) if 2 <= df[t] <= word_limit)
        keys.append((*(t for _, t in rare[:KEY_WORDS]), *_fact_keys(r)))
        rare_names = sorted((df[t], t) for t in r.names if 2 <= df[t] <= limit)[:KEY_NAMES]
        names.append(tuple(t for _, t in rare_names))
    return keys, names


def _fact_keys(r: Keyed) -> tuple[str, ...]:
    """A claim's keys that are not words: its tolls and a rare event type."""
    tolls = {
        f"toll:{p}"
        for c in (r.killed[0], r.killed[1])
        if c is not None and (p := _point(c)) is not None and p >= KEY_TOLL_MIN
    }
    kind = (f"type:{r.event_type}",) if r.event_type in _RARE_TYPES else ()
    return (*sorted(tolls), *kind)


def _point(c: tuple[int | None, int | None]) -> int | None:
    lo, hi = c
    return lo if lo is not None else hi


class ScoreView(NamedTuple):
    """What blocking, scoring and clustering read of a claim (a `LinkClaim` without its output
    fields)."""

    idx: int
    doc: int
    area: str
    lo: int | None
    hi: int | None
    slack: int
    date_precision: str
    points: tuple[Point, ...]
    geo: frozenset[int]
    place_precision: str | None
    areas: frozenset[str]
    event_type: str
    perpetrator: str
    killed: Counts
    names: Words
    words: Words
    publisher: str | None
    primary: bool
    text: str = ""
    lang: str = ""
    chain: str = ""
    hint: int = 0
    stance: str = "alleges"

    @classmethod
    def of(cls, r: LinkClaim) -> ScoreView:
        return cls(*plain_view(r))


PlainView = tuple[Any, ...]  # a `ScoreView`'s fields as a plain tuple


def plain_view(r: LinkClaim) -> PlainView:
    """A `ScoreView`'s fields as a plain tuple: what travels to a worker process.

    A plain tuple is pickled and unpickled by C code alone, where a named tuple costs a
    Python-level call each way (twice the time of sending the claims); `views` makes the
    named tuples again.
    """
    return (
        r.idx,
        r.doc,
        r.area,
        r.lo,
        r.hi,
        r.slack,
        r.date_precision,
        r.points,
        r.geo,
        r.place_precision,
        r.areas,
        r.event_type,
        r.perpetrator,
        r.killed,
        r.names,
        r.words,
        r.publisher,
        r.primary,
        "",
        r.lang,
        r.chain,
        r.hint,
        r.stance,
    )


def views(plain: Iterable[PlainView]) -> list[ScoreView]:
    """The `ScoreView`s of plain tuples (`plain_view`)."""
    new = tuple.__new__
    return [new(ScoreView, p) for p in plain]


class Candidate(Scorable, Keyed, Protocol):
    """A claim as a stretch holds it: a `LinkClaim` or a `ScoreView`."""

    @property
    def idx(self) -> int: ...
    @property
    def slack(self) -> int: ...
    @property
    def primary(self) -> bool: ...


class Stretch(NamedTuple):
    """A stretch of the sweep: claims in sweep order, of which those from `emit_from` on are
    paired (the ones before are its margin); `df` counts words over the run's `n` claims.

    `claims` are records or views, or with `plain` the plain tuples of views (`plain_view`).
    """

    claims: Sequence[Candidate] | Sequence[PlainView]
    emit_from: int
    df: Mapping[str, int]
    n: int
    codec: EdgeCodec
    threshold: float = LINK_THRESHOLD
    plain: bool = False


def score_stretch(job: Stretch) -> tuple[int, list[int]]:
    """(candidate pairs, packed edges of the pairs that reach the threshold) of a stretch."""
    df, n = job.df, job.n
    claims: Sequence[Candidate] = views(job.claims) if job.plain else job.claims  # type: ignore[arg-type, assignment]
    idf = {t: idf_value(c, n) for t, c in df.items()}
    keys, names = blocking_keys(claims, df, n)
    weights = [(word_weight(r.names, idf), word_weight(r.words, idf)) for r in claims]
    sets = [(frozenset(r.names), frozenset(r.words)) for r in claims]
    pack = job.codec.pack
    threshold = job.threshold
    pairs = 0
    edges: list[int] = []
    bridged = extra_keys(claims)
    for j, i in sweep(claims, keys, names, job.emit_from, bridged):
        pairs += 1
        a, b = claims[j], claims[i]
        wa, wb = weights[j], weights[i]
        sa, sb = sets[j], sets[i]
        parts = score_parts(
            a, b, idf, threshold, (wa[0], wb[0], wa[1], wb[1]), (sa[0], sb[0], sa[1], sb[1])
        )
        if parts is not None:
            edges.append(pack(parts[0], a.idx, b.idx, a.primary and b.primary))
    return pairs, edges


def scored_edges(
    records: Sequence[LinkClaim],
    df: Mapping[str, int],
    workers: Workers,
    codec: EdgeCodec,
    plain: Sequence[PlainView] | None = None,
    n: int | None = None,
) -> tuple[int, list[int]]:
    """(candidate pairs, packed edges) of all records, stretches spread over `workers`.

    `plain` are the records' `plain_view`s when the caller has them; `n` the claims `df`
    counts over (`counted_claims`).
    """
    order = sweep_order(records)
    if n is None:
        n = counted_claims(records)
    if workers.processes <= 1 or len(order) < 2 * MIN_STRETCH:
        return score_stretch(Stretch([records[i] for i in order], 0, df, n, codec))
    if plain is None:
        plain = [plain_view(r) for r in records]
    pairs = 0
    edges: list[int] = []
    stretches = _stretches(records, plain, order, df, workers, codec, n)
    for got, kept in workers.map(score_stretch, stretches):
        pairs += got
        edges.extend(kept)
    return pairs, edges


def stretch_count(claims: int, processes: int) -> int:
    """How many stretches the sweep of `claims` claims is cut into for `processes` workers: a
    multiple of the workers, so that each gets as many and none is left working alone at the
    end (five stretches for two workers take three stretches' time), of `MIN_STRETCH` claims or
    more where there are enough, at most `STRETCHES_PER_WORKER` each."""
    per_worker = min(STRETCHES_PER_WORKER, claims // (MIN_STRETCH * processes))
    return processes * max(1, per_worker)


def _stretches(
    records: Sequence[LinkClaim],
    plain: Sequence[PlainView],
    order: list[int],
    df: Mapping[str, int],
    workers: Workers,
    codec: EdgeCodec,
    n: int,
) -> Iterator[Stretch]:
    size = -(-len(order) // stretch_count(len(order), workers.processes))
    margin = margin_days([records[i] for i in order])
    first = 0  # the first position of the current stretch's margin
    for start in range(0, len(order), size):
        begin = records[order[start]].lo
        assert begin is not None
        while (lo := records[order[first]].lo) is not None and lo < begin - margin:
            first += 1
        part = order[first : start + size]
        if whole_table(df, len(part)):
            counts = dict(df)
        else:
            used = set(chain.from_iterable(records[i].names for i in part))
            used.update(chain.from_iterable(records[i].words for i in part))
            counts = {t: df[t] for t in used}
        claims = [plain[i] for i in part]
        yield Stretch(claims, start - first, counts, n, codec, plain=True)


def whole_table(table: Mapping[str, object], claims: int) -> bool:
    """Whether a job of `claims` claims is sent the whole of a table by word (the run's word
    counts or weights) rather than the entries of its claims' names and words: when the
    table has no more entries than the job has claims, sending it costs less than picking
    them (a pass over every word of every claim), and a job only looks up its own words,
    which the run's table holds, so the result is the same."""
    return len(table) <= claims


# --- claims without any date ------------------------------------------------------------------
#
# A claim whose document gives no date at all (a post archived without its publication day, a
# statement that says "today") has no window and takes no part in the sweep. It may still be one
# of the reports of an incident that dated reports describe: it is compared, whatever the time,
# with the placed claims that share one of its blocking keys (a rare word or name, a toll) and a
# place area, and linked when the pair scores `UNDATED_THRESHOLD` or more. With no date to agree
# on, the words, the place and what happened must carry the pair, so the bar is higher — except
# when both claims name the same town or site (points within `UNDATED_TOWN_KM`) and say
# something of one incident: tolls that agree, or a party's admission or denial beside an
# allegation. Then the pair needs only the ordinary `LINK_THRESHOLD`, the undated day already
# weighing against it in the score. A shared governorate is not enough, nor are a town, a party
# and a kind of attack alone: frontline towns are shelled day after day.

UNDATED_THRESHOLD = LINK_THRESHOLD + 0.5
UNDATED_TOWN_KM = 3.0
_AGREEING_TOLLS = frozenset({"equal", "overlap", "close"})
UNDATED_MAX_POSTINGS = 500  # a key shared by more placed claims than this finds no incident


def _placed(r: LinkClaim) -> bool:
    return bool(r.points or r.areas)


def _same_town(a: LinkClaim, b: LinkClaim) -> bool:
    """Whether two claims name one town or site (a gazetteer place in common, or points
    within `UNDATED_TOWN_KM`) and say something of the one incident: tolls that agree, or a
    party's answer (an admission or a denial carries no toll of its own)."""
    if not a.points or not b.points:
        return False
    if a.stance == b.stance and casualty_relation(a.killed, b.killed)[0] not in _AGREEING_TOLLS:
        return False
    if not a.geo.isdisjoint(b.geo):
        return True
    d = points_distance(a.points, b.points)
    return d is not None and d <= UNDATED_TOWN_KM


def _geo_keys(r: LinkClaim) -> tuple[str, ...]:
    """A claim's gazetteer places as keys: an undated post that names its village meets the
    dated reports naming that village, whatever words either uses."""
    return tuple(f"geo:{g}" for g in sorted(r.geo))


def undated_edges(
    records: Sequence[LinkClaim],
    df: Mapping[str, int],
    score: Callable[[int, int, float], float | None],
    codec: EdgeCodec,
    threshold: float = UNDATED_THRESHOLD,
    n: int | None = None,
) -> tuple[int, list[int]]:
    """(candidate pairs, packed edges) between the placed claims without any date and the
    other placed claims (see above). `score(i, j, threshold)` is `PairScorer.score`; `n` the
    claims `df` counts over (`counted_claims`)."""
    undated = [r.idx for r in records if r.lo is None and _placed(r)]
    if not undated:
        return 0, []
    if n is None:
        n = counted_claims(records)
    keys, names = blocking_keys([records[u] for u in undated], df, n)
    own = {
        u: (*ks, *ns, *_geo_keys(records[u]))
        for u, ks, ns in zip(undated, keys, names, strict=True)
    }
    wanted = {k for ks in own.values() for k in ks}
    # Which placed claims use each of those keys (only their words and facts are looked at:
    # a run of a million claims with a few undated ones costs one pass of set lookups).
    postings: dict[str, list[int]] = {}
    for r in records:
        if not _placed(r) or (r.lo is not None and not r.linkable):
            continue
        hits = {t for t in r.words if t in wanted}
        hits.update(t for t in r.names if t in wanted)
        hits.update(t for t in _fact_keys(r) if t in wanted)
        hits.update(t for t in _geo_keys(r) if t in wanted)
        for k in hits:
            postings.setdefault(k, []).append(r.idx)
    seen: set[tuple[int, int]] = set()
    edges: list[int] = []
    for u in undated:
        ru = records[u]
        for k in own[u]:
            got = postings.get(k, ())
            if len(got) > UNDATED_MAX_POSTINGS:
                continue
            for j in got:
                if j == u or records[j].doc == ru.doc:
                    continue
                pair = (u, j) if u < j else (j, u)
                if pair in seen:
                    continue
                seen.add(pair)
                rj = records[j]
                if ru.areas and rj.areas and ru.areas.isdisjoint(rj.areas):
                    continue
                same_town = _same_town(ru, rj)
                s = score(
                    pair[0], pair[1], min(threshold, LINK_THRESHOLD) if same_town else threshold
                )
                if s is not None:
                    a, b = records[pair[0]], records[pair[1]]
                    edges.append(codec.pack(s, pair[0], pair[1], a.primary and b.primary))
    return len(seen), edges
