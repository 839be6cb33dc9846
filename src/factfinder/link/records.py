"""The linker's compact view of one claim (`LinkClaim`) and how it is built from a `Claim`.

The linker holds every claim of a run in memory at once (a million in the benchmark), so the
record is a `NamedTuple` of plain values — cheap to create and small — rather than the nested
frozen dataclasses of `factfinder.model`, and the values that repeat across claims (a town's
places, a toll, a governorate, a source, every string) are one shared object each (`Shared`):
a record then costs little more than its tuple, its words and its sentence. It keeps exactly what
blocking, scoring, clustering, reconciliation and the incident output need, already normalised:

* the date window as ordinal days, with how it was obtained and the slack its precision allows;
* one anchor place (the most precise one the claim names) with a radius for its precision;
* the counts as `(min, max)` pairs in `COUNT_KEYS` order;
* the original source (`factfinder.link.sources.SourceKey`) of the claim;
* the claim's sentences as a short normalised text and its sorted name and content words.

Policies for incomplete claims (documented here because blocking depends on them):

* no date: the window of the week before the document's publication (reports describe recent
  events), precision `unknown`; without a publication date, the week before the latest date
  another claim of the document states; with neither, the claim is *undated* and is never
  linked automatically;
* a window wider than `MAX_WINDOW_DAYS` (a month or a year) is clipped to the part closest to
  the publication date, so a vague date cannot make a claim a candidate for a whole year;
* no place: the document's first placed claim lends its governorate (coarse); a document with no
  place at all leaves the claim country-wide (linked only with other country-wide claims);
* a claim with neither a place below the country nor a date finer than a month identifies no
  incident and is not linked automatically (`LinkClaim.linkable`).
"""

from __future__ import annotations

import datetime as dt
import re
import sys
import unicodedata
from collections.abc import Hashable, Sequence
from functools import lru_cache
from typing import Any, NamedTuple, TypeVar

from factfinder.extract.hints import day_hint
from factfinder.link.sources import SourceKey, source_of
from factfinder.link.text import Words, language_key, normalise_text, read_words, script_of
from factfinder.model import Casualties, Claim, Claimant, ClaimRef, DateWindow, Place
from factfinder.vocab import COUNT_KEYS

FINE_PRECISIONS = frozenset({"exact", "neighbourhood", "town"})
_PLACE_RANK = {
    p: i
    for i, p in enumerate(("exact", "neighbourhood", "town", "district", "governorate", "country"))
}

# Days a window is widened on each side before two claims count as overlapping in time: reports
# disagree by a day ("yesterday" across midnight, time zones, next-day tolls); coarser dates get
# a little more.
DATE_SLACK_DAYS: dict[str, int] = {"day": 1, "week": 2, "month": 3, "year": 7, "unknown": 3}
UNDATED_LOOKBACK_DAYS = 7
MAX_WINDOW_DAYS = 31
MAX_POINTS = 4

Count = tuple[int | None, int | None]
Counts = tuple[Count | None, ...]
Point = tuple[float, float]


class LinkClaim(NamedTuple):
    """One claim as the linker sees it. `idx` is its position in the run; `doc` its document's."""

    idx: int
    ref: ClaimRef
    doc: int
    lo: int | None  # first day (ordinal) of the date window, None when undated
    hi: int | None
    date_precision: str
    date_from: str  # "claim", "published" or "none"
    slack: int
    lat: float | None
    lon: float | None
    place_name: str | None
    place_precision: str | None
    admin1: str | None
    country: str | None
    fine: bool  # a point place (town or finer): blocked by grid cell, not governorate
    area: str  # the coarse blocking key: governorate, or "country:XX"
    event_type: str
    perpetrator: str
    killed: Counts
    injured: Counts
    source: SourceKey
    publisher: str | None
    published: int | None
    text: str  # normalised claim sentences, for text similarity
    names: Words  # proper names and target words of the claim sentences, sorted
    words: Words  # content words of the claim sentences, sorted
    primary: bool
    places: tuple[Place, ...]  # every place the claim names, for the incident output
    points: tuple[Point, ...]  # coordinates of its point places (town or finer)
    areas: frozenset[str]  # governorate keys of all its places
    geo: frozenset[int]  # gazetteer ids of its point places
    stance: str = "alleges"  # the claim's stance (CLAIMS.md 1.1): alleges, admits or denies
    lang: str = ""  # language key of its sentences (`factfinder.link.text.language_key`)
    # what an undated claim says of its day (`features.pack_hint` of `extract.hints.day_hint`)
    hint: int = 0

    @property
    def chain(self) -> str:
        """The claim's unit of independence (`SourceKey.independence`): pairs of claims of
        different units weigh a differing toll less."""
        return self.source.independence

    @property
    def linkable(self) -> bool:
        """Whether the claim says enough to be linked automatically.

        A claim needs a date, and either a place below the country or a date finer than a
        month: "more than 300,000 killed in Syria since 2011" identifies no incident.
        """
        return linkable(self.lo, self.date_precision, self.date_from, self.areas, self.points)


def linkable(
    lo: int | None,
    date_precision: str,
    date_from: str,
    areas: frozenset[str],
    points: tuple[Point, ...],
) -> bool:
    """`LinkClaim.linkable` from the fields it depends on."""
    if lo is None:
        return False
    vague_date = date_precision in ("month", "year") or date_from != "claim"
    return not (vague_date and not areas and not points)


def pack_hint(weekday: int | None, month: int | None, day: int | None) -> int:
    """One integer for a day hint (0: none): the weekday + 1, and 8 × (32 × month + day)."""
    wd = 0 if weekday is None else weekday + 1
    md = 0 if month is None or day is None else 32 * month + day
    return wd + 8 * md


def hint_of(text: str) -> int:
    """The packed day hint of an undated claim's sentences ("on Tuesday", "اليوم الاثنين 2
    كانون الأول": a day no anchor places)."""
    day = day_hint(text)
    return pack_hint(day.weekday, day.month, day.day) if day else 0


class DocInfo(NamedTuple):
    """What the linker needs of a document: its publisher, publication day, title and language
    (a BCP 47 tag, when the document states one)."""

    publisher: str | None
    published: dt.date | None
    title: str | None
    language: str | None = None


H = TypeVar("H", bound=Hashable)


class Shared:
    """One copy of each repeated immutable value (count pairs, place sets, strings) of a run.

    `limit` bounds the table in a long-lived process: the values repeat, but a web app links
    many projects over its life. Emptying it only costs the sharing, never a result.
    """

    __slots__ = ("limit", "values")

    def __init__(self, limit: int = 500_000) -> None:
        self.values: dict[Any, Any] = {}
        self.limit = limit

    def __call__(self, value: H) -> H:
        values = self.values
        if len(values) > self.limit:
            values.clear()
        got: H = values.setdefault(value, value)
        return got

    def text(self, value: str | None) -> str | None:
        return None if value is None else sys.intern(value)


_SHARED = Shared()  # for records built one at a time (`build`)


def counts_of(c: Casualties, shared: Shared = _SHARED) -> Counts:
    """The `(min, max)` of each count key; None where the claim says nothing."""
    out: list[Count | None] = []
    for key in COUNT_KEYS:
        r = c.get(key)
        out.append(None if r is None else shared((r.min, r.max)))
    return shared(tuple(out))


def _anchor(places: Sequence[Place]) -> Place | None:
    best: Place | None = None
    for p in places:
        if best is None or _PLACE_RANK.get(p.precision, 9) < _PLACE_RANK.get(best.precision, 9):
            best = p
    return best


def window(
    start: int | None, end: int | None, precision: str, published: int | None
) -> tuple[int | None, int | None, str, str]:
    """(lo, hi, precision, date_from) of a claim dated `start`..`end` (ordinal days or None).

    `published` is the day (ordinal) the claim is placed before when it has no date.
    """
    if start or end:
        lo = start or end
        hi = end or start
        assert lo is not None and hi is not None
        if hi - lo > MAX_WINDOW_DAYS:
            anchor = published if published else hi
            anchor = min(max(anchor, lo), hi)
            lo, hi = max(lo, anchor - MAX_WINDOW_DAYS), anchor
        return lo, hi, precision, "claim"
    if published is not None:
        return published - UNDATED_LOOKBACK_DAYS, published, "unknown", "published"
    return None, None, "unknown", "none"


def _ordinal(day: dt.date | None) -> int | None:
    return None if day is None else day.toordinal()


# --- text ---------------------------------------------------------------------------------


def claim_text(text: str | None, spans: Sequence[tuple[int, int]], title: str | None) -> str:
    """The sentences a claim was read from, in order; the title when there are no spans."""
    if text is not None and spans:
        parts = [text[a:b] for a, b in sorted(spans)[:3] if b <= len(text)]
        if parts:
            return " ".join(" ".join(parts).split())
    return title or ""


# --- places -------------------------------------------------------------------------------


@lru_cache(maxsize=4096)
def area_key(admin1: str) -> str:
    """The blocking key of a governorate; Damascus and Rif Dimashq are one area.

    Damascus city is enclosed by Rif Dimashq and reports of its edges (Jobar, Eastern Ghouta)
    name either, so the linker does not tell them apart.
    """
    key = _fold_name(admin1)
    if key in _DAMASCUS_AREA:
        key = "damascus"
    return sys.intern(f"gov:{key}")


_DAMASCUS_AREA = frozenset(
    {
        "rif dimashq",
        "rif damascus",
        "rural damascus",
        "damascus",
        "damascus countryside",
        "reef dimashq",
        "dimashq",
    }
)
_FOLD = re.compile(r"[^a-z ]+")
_GOV_WORDS = re.compile(r"\b(governorate|province|muhafazat)\b")


@lru_cache(maxsize=65536)
def _fold_name(name: str) -> str:
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = _GOV_WORDS.sub(" ", text.replace("-", " ").replace("'", ""))
    words = [w for w in _FOLD.sub(" ", text).split() if w not in ("al", "ar", "as", "ad", "el")]
    return " ".join(words)


def _coarse_in_prose(p: Place) -> bool:
    """A point that news prose may mean as its governorate: "Syria's Idlib", "in Raqqa".

    A town named like its governorate (Idlib, Aleppo, Raqqa, Homs) is read as the
    governorate, for reports use the name for both and the difference decides nothing.
    """
    if p.precision in ("district", "governorate", "country"):
        return True
    return bool(p.admin1) and _fold_name(p.name.split(",")[0]) == _fold_name(p.admin1 or "")


_SITE_PRECISIONS = frozenset({"exact", "neighbourhood"})
_HOST_PRECISIONS = frozenset({"town", "district", "governorate"})


def _located(places: tuple[Place, ...]) -> tuple[Place, ...]:
    """`places` without the neighbourhoods and sites outside the governorate of the town the
    claim names, when all its towns, districts and governorates lie in that one governorate:
    "al-Mazzeh quarter of Damascus" read as a quarter of that name in another province. A
    claim naming only a governorate keeps its quarters (the city may be the one misread)."""
    hosts = [p for p in places if p.precision in _HOST_PRECISIONS and p.admin1]
    areas = {area_key(p.admin1) for p in hosts if p.admin1}
    if len(areas) != 1 or all(p.precision == "governorate" for p in hosts):
        return places
    kept = tuple(
        p
        for p in places
        if not (
            p.precision in _SITE_PRECISIONS
            and p.admin1
            and area_key(p.admin1) not in areas
            and "," not in p.name  # "Shaar, Aleppo": read with its city, no homonym
        )
    )
    return kept if len(kept) < len(places) else places


class PlaceInfo(NamedTuple):
    """Everything a record says about where: derived from its places (and the fallback)."""

    lat: float | None
    lon: float | None
    place_name: str | None
    place_precision: str | None
    admin1: str | None
    country: str | None
    fine: bool
    area: str
    places: tuple[Place, ...]
    points: tuple[Point, ...]
    areas: frozenset[str]
    geo: frozenset[int]


def place_info(
    places: tuple[Place, ...], fallback_place: Place | None, shared: Shared = _SHARED
) -> PlaceInfo:
    """The place fields of a claim naming `places`; `fallback_place` lends its governorate.

    A neighbourhood or site outside the governorate of the town the claim names is a homonym
    read in the wrong city (many cities have an al-Firdaws or an al-Khadra quarter): it is not
    used as the claim's point (see `_located`).
    """
    located = _located(places)
    anchor = _anchor([p for p in located if p.lat is not None]) or _anchor(located)
    if anchor is None and fallback_place is not None:
        anchor = Place(
            fallback_place.name,
            fallback_place.lat,
            fallback_place.lon,
            admin1=fallback_place.admin1,
            country=fallback_place.country,
            precision="governorate",
        )
    lat = lon = None
    pprec = admin1 = country = pname = None
    if anchor is not None:
        lat, lon, pprec = anchor.lat, anchor.lon, anchor.precision
        admin1, country, pname = anchor.admin1, anchor.country, anchor.name
    area = (
        area_key(admin1)
        if admin1 and pprec != "country"
        else sys.intern(f"country:{(country or '').upper()}")
    )
    points: list[Point] = []
    geo: set[int] = set()
    areas: set[str] = set()
    capitals: set[int] = set()
    for p in located:
        if p.admin1 and p.precision != "country":
            areas.add(area_key(p.admin1))
        if p.lat is not None and p.lon is not None and p.precision in FINE_PRECISIONS:
            if _coarse_in_prose(p):
                if p.geonameid is not None:
                    capitals.add(p.geonameid)
                continue
            if len(points) < MAX_POINTS and (p.lat, p.lon) not in points:
                points.append((p.lat, p.lon))
            if p.geonameid is not None:
                geo.add(p.geonameid)
    if not points:
        # A city named like its governorate stands for the governorate (no point, see
        # `_coarse_in_prose`), but two claims whose finest place is that one city still name
        # the same place: its gazetteer id lets them meet and score as one town.
        geo |= capitals
    if not areas and area.startswith("gov:"):
        areas.add(area)
    text = shared.text
    return PlaceInfo(
        lat,
        lon,
        text(pname),
        text(pprec),
        text(admin1),
        text(country),
        bool(points),
        area,
        places,
        tuple(points),
        shared(frozenset(areas)),
        shared(frozenset(geo)),
    )


# --- records ------------------------------------------------------------------------------


class Pending(NamedTuple):
    """The parts of a claim that can only be read once its document is known."""

    date: DateWindow | None
    claimant: Claimant
    spans: tuple[tuple[int, int], ...]


_NO_SOURCE = SourceKey("src:unknown", "unknown source", "unknown", None)


def assemble(
    idx: int,
    ref: ClaimRef,
    doc: int,
    primary: bool,
    event_type: str,
    perpetrator: str,
    where: PlaceInfo,
    killed: Counts,
    injured: Counts,
    when: tuple[int | None, int | None, str, str],
    source: SourceKey,
    publisher: str | None,
    published: int | None,
    text: str,
    names: Words,
    words: Words,
    lang: str = "",
    stance: str = "alleges",
    hint: int = 0,
) -> LinkClaim:
    """A `LinkClaim` from its parts (`when` is `window(...)`'s result)."""
    lo, hi, precision, date_from = when
    # Made as a plain tuple is (the named tuple's own constructor is a Python call; a batch
    # run assembles a million records in one process).
    return _new(
        LinkClaim,
        (
            idx,
            ref,
            doc,
            lo,
            hi,
            precision,
            date_from,
            DATE_SLACK_DAYS.get(precision, 3),
            where.lat,
            where.lon,
            where.place_name,
            where.place_precision,
            where.admin1,
            where.country,
            where.fine,
            where.area,
            event_type,
            perpetrator,
            killed,
            injured,
            source,
            publisher,
            published,
            text,
            names,
            words,
            primary,
            where.places,
            where.points,
            where.areas,
            where.geo,
            stance,
            lang,
            hint,
        ),
    )


_new = tuple.__new__


def build_partial(
    idx: int, ref: ClaimRef, doc: int, claim: Claim, fallback_place: Place | None = None
) -> tuple[LinkClaim, Pending]:
    """The record of a claim without its document's metadata (see `complete`)."""
    where = place_info(claim.places, fallback_place)
    record = assemble(
        idx,
        ref,
        doc,
        claim.primary,
        sys.intern(claim.event_type),
        sys.intern(claim.perpetrator.group),
        where,
        counts_of(claim.killed),
        counts_of(claim.injured),
        (None, None, "unknown", "none"),
        _NO_SOURCE,
        None,
        None,
        "",
        (),
        (),
    )
    if claim.stance != "alleges":
        record = record._replace(stance=claim.stance)
    return record, Pending(claim.date, claim.claimant, claim.spans)


def complete(
    record: LinkClaim,
    pending: Pending,
    info: DocInfo,
    text: str,
    reference: dt.date | None = None,
) -> LinkClaim:
    """Fill in what depends on the document: date fallback, source, publication day, text.

    `reference` is the day an undated claim is placed before when the document has no
    publication date (the latest date another claim of the document states).
    """
    d = pending.date
    when = window(
        _ordinal(d.start) if d else None,
        _ordinal(d.end) if d else None,
        d.precision if d else "unknown",
        _ordinal(info.published or reference),
    )
    names, words = read_words(text)
    lo, hi, precision, date_from = when
    return record._replace(
        hint=hint_of(text) if lo is None else 0,
        lo=lo,
        hi=hi,
        date_precision=precision,
        date_from=date_from,
        slack=DATE_SLACK_DAYS.get(precision, 3),
        source=source_of(pending.claimant, info.publisher),
        publisher=info.publisher,
        published=_ordinal(info.published),
        text=normalise_text(text),
        names=names,
        words=words,
        lang=language_key(script_of(text), info.language),
    )


def document_hints(claims: Sequence[Claim]) -> tuple[Place | None, dt.date | None]:
    """What a document's claims lend each other: the first governorate-bearing place any of
    them names (for claims without a place) and the latest day any of them states (placing
    undated claims when the document has no publication date)."""
    fallback = next(
        (p for c in claims for p in c.places if p.admin1 and p.precision != "country"), None
    )
    days = [d for c in claims if c.date is not None for d in (c.date.end, c.date.start) if d]
    return fallback, (max(days) if days else None)


def build(
    idx: int,
    ref: ClaimRef,
    doc: int,
    claim: Claim,
    info: DocInfo,
    text: str,
    fallback_place: Place | None = None,
    reference: dt.date | None = None,
) -> LinkClaim:
    """The `LinkClaim` of one claim of a document; `text` is `claim_text(...)` of its spans.

    `fallback_place` and `reference` are the document's hints (`document_hints`).
    """
    record, pending = build_partial(idx, ref, doc, claim, fallback_place)
    return complete(record, pending, info, text, reference)
