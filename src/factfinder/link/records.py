"""The linker's compact view of one claim (`LinkClaim`) and how it is built from a `Claim`.

The linker holds every claim of a run in memory at once (a million in the benchmark), so the
record is a `NamedTuple` of plain values — cheap to create and small — rather than the nested
frozen dataclasses of `factfinder.model`. It keeps exactly what blocking, scoring, clustering,
reconciliation and the incident output need, already normalised:

* the date window as ordinal days, with how it was obtained and the slack its precision allows;
* one anchor place (the most precise one the claim names) with a radius for its precision;
* the counts as `(min, max)` pairs in `COUNT_KEYS` order;
* the original source (`factfinder.link.sources.SourceKey`) of the claim;
* the claim's sentences as a short normalised text and its set of name and target words.

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
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from typing import Any, NamedTuple

from factfinder.link.sources import SourceKey, source_of
from factfinder.link.text import MAX_TEXT_CHARS, read_words
from factfinder.model import Casualties, Claim, Claimant, ClaimRef, DateWindow, Place
from factfinder.vocab import COUNT_KEYS

FINE_PRECISIONS = frozenset({"exact", "neighbourhood", "town"})
_PLACE_RANK = {p: i for i, p in enumerate(
    ("exact", "neighbourhood", "town", "district", "governorate", "country"))}

# Days a window is widened on each side before two claims count as overlapping in time: reports
# disagree by a day ("yesterday" across midnight, time zones, next-day tolls); coarser dates get
# a little more.
DATE_SLACK_DAYS: dict[str, int] = {"day": 1, "week": 2, "month": 3, "year": 7, "unknown": 3}
UNDATED_LOOKBACK_DAYS = 7
MAX_WINDOW_DAYS = 31
MAX_POINTS = 4

Count = tuple[int | None, int | None]
Counts = tuple[Count | None, ...]


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
    names: frozenset[str]  # proper names and target words of the claim sentences
    words: frozenset[str]  # content words of the claim sentences
    primary: bool
    places: tuple[Place, ...]  # every place the claim names, for the incident output
    points: tuple[tuple[float, float], ...]  # coordinates of its point places (town or finer)
    areas: frozenset[str]  # governorate keys of all its places
    geo: frozenset[int]  # gazetteer ids of its point places

    @property
    def linkable(self) -> bool:
        """Whether the claim says enough to be linked automatically.

        A claim needs a date, and either a place below the country or a date finer than a
        month: "more than 300,000 killed in Syria since 2011" identifies no incident.
        """
        if self.lo is None:
            return False
        vague_date = self.date_precision in ("month", "year") or self.date_from != "claim"
        return not (vague_date and not self.areas and not self.points)


class DocInfo(NamedTuple):
    """What the linker needs of a document: its publisher, publication day and title."""

    publisher: str | None
    published: dt.date | None
    title: str | None


_SHARED: dict[object, object] = {}


def _shared(value: Any) -> Any:
    """One shared copy of an immutable value (count tuples, area sets) across a million claims."""
    if len(_SHARED) > 500_000:  # bounded: the values repeat, but a long-lived process varies
        _SHARED.clear()
    return _SHARED.setdefault(value, value)


def counts_of(c: Casualties) -> Counts:
    """The `(min, max)` of each count key; None where the claim says nothing."""
    out: list[Count | None] = []
    for key in COUNT_KEYS:
        r = c.get(key)
        out.append(None if r is None else _shared((r.min, r.max)))
    result: Counts = _shared(tuple(out))
    return result


def _anchor(places: Sequence[Place]) -> Place | None:
    best: Place | None = None
    for p in places:
        if best is None or _PLACE_RANK.get(p.precision, 9) < _PLACE_RANK.get(best.precision, 9):
            best = p
    return best


def _window(
    d: DateWindow | None, published: dt.date | None
) -> tuple[int | None, int | None, str, str]:
    if d is not None and (d.start or d.end):
        start = d.start or d.end
        end = d.end or d.start
        assert start is not None and end is not None
        lo, hi = start.toordinal(), end.toordinal()
        if hi - lo > MAX_WINDOW_DAYS:
            anchor = published.toordinal() if published else hi
            anchor = min(max(anchor, lo), hi)
            lo, hi = max(lo, anchor - MAX_WINDOW_DAYS), anchor
        return lo, hi, d.precision, "claim"
    if published is not None:
        p = published.toordinal()
        return p - UNDATED_LOOKBACK_DAYS, p, "unknown", "published"
    return None, None, "unknown", "none"


# --- text ---------------------------------------------------------------------------------

_NORM = re.compile(r"[^0-9a-z\u00C0-\u024F\u0600-\u06FF]+")


def normalise_text(text: str) -> str:
    """Lower-case words separated by single spaces (what rapidfuzz compares), 200 at most."""
    return _NORM.sub(" ", text[:MAX_TEXT_CHARS].lower()).strip()[:200]


def claim_text(text: str | None, spans: Sequence[tuple[int, int]], title: str | None) -> str:
    """The sentences a claim was read from, in order; the title when there are no spans."""
    if text is not None and spans:
        parts = [text[a:b] for a, b in sorted(spans)[:3] if b <= len(text)]
        if parts:
            return " ".join(" ".join(parts).split())
    return title or ""


class Pending(NamedTuple):
    """The parts of a claim that can only be read once its document is known."""

    date: DateWindow | None
    claimant: Claimant
    spans: tuple[tuple[int, int], ...]


_NO_SOURCE = SourceKey("src:unknown", "unknown source", "unknown", None)


@lru_cache(maxsize=4096)
def area_key(admin1: str) -> str:
    """The blocking key of a governorate; Damascus and Rif Dimashq are one area.

    Damascus city is enclosed by Rif Dimashq and reports of its edges (Jobar, Eastern Ghouta)
    name either, so the linker does not tell them apart.
    """
    key = _fold_name(admin1)
    if key in _DAMASCUS_AREA:
        key = "damascus"
    return f"gov:{key}"


_DAMASCUS_AREA = frozenset({"rif dimashq", "rif damascus", "rural damascus", "damascus",
                            "damascus countryside", "reef dimashq", "dimashq"})
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


def build_partial(
    idx: int, ref: ClaimRef, doc: int, claim: Claim, fallback_place: Place | None = None
) -> tuple[LinkClaim, Pending]:
    """The record of a claim without its document's metadata (see `complete`)."""
    places = claim.places
    anchor = _anchor([p for p in places if p.lat is not None]) or _anchor(places)
    if anchor is None and fallback_place is not None:
        anchor = Place(fallback_place.name, fallback_place.lat, fallback_place.lon,
                       admin1=fallback_place.admin1, country=fallback_place.country,
                       precision="governorate")
    lat = lon = None
    pprec = admin1 = country = pname = None
    if anchor is not None:
        lat, lon, pprec = anchor.lat, anchor.lon, anchor.precision
        admin1, country, pname = anchor.admin1, anchor.country, anchor.name
    area = area_key(admin1) if admin1 and pprec != "country" else \
        f"country:{(country or '').upper()}"
    points: list[tuple[float, float]] = []
    geo: set[int] = set()
    areas: set[str] = set()
    for p in places:
        if p.admin1 and p.precision != "country":
            areas.add(area_key(p.admin1))
        if p.lat is not None and p.lon is not None and p.precision in FINE_PRECISIONS \
                and not _coarse_in_prose(p):
            if len(points) < MAX_POINTS and (p.lat, p.lon) not in points:
                points.append((p.lat, p.lon))
            if p.geonameid is not None:
                geo.add(p.geonameid)
    if not areas and area.startswith("gov:"):
        areas.add(area)
    fine = bool(points)
    record = LinkClaim(
        idx=idx, ref=ref, doc=doc, lo=None, hi=None, date_precision="unknown", date_from="none",
        slack=DATE_SLACK_DAYS["unknown"], lat=lat, lon=lon, place_name=pname,
        place_precision=pprec, admin1=admin1, country=country, fine=fine, area=area,
        event_type=claim.event_type, perpetrator=claim.perpetrator.group,
        killed=counts_of(claim.killed), injured=counts_of(claim.injured), source=_NO_SOURCE,
        publisher=None, published=None, text="", names=frozenset(), words=frozenset(),
        primary=claim.primary, places=claim.places, points=tuple(points),
        areas=_shared(frozenset(areas)), geo=_shared(frozenset(geo)),
    )
    return record, Pending(claim.date, claim.claimant, claim.spans)


def complete(
    record: LinkClaim, pending: Pending, info: DocInfo, text: str,
    reference: dt.date | None = None,
) -> LinkClaim:
    """Fill in what depends on the document: date fallback, source, publication day, text.

    `reference` is the day an undated claim is placed before when the document has no
    publication date (the latest date another claim of the document states).
    """
    lo, hi, precision, date_from = _window(pending.date, info.published or reference)
    names, words = read_words(text)
    return record._replace(
        lo=lo, hi=hi, date_precision=precision, date_from=date_from,
        slack=DATE_SLACK_DAYS.get(precision, 3), source=source_of(pending.claimant,
                                                                   info.publisher),
        publisher=info.publisher,
        published=info.published.toordinal() if info.published else None,
        text=normalise_text(text), names=names, words=words,
    )


def document_hints(claims: Sequence[Claim]) -> tuple[Place | None, dt.date | None]:
    """What a document's claims lend each other: the first governorate-bearing place any of
    them names (for claims without a place) and the latest day any of them states (placing
    undated claims when the document has no publication date)."""
    fallback = next((p for c in claims for p in c.places
                     if p.admin1 and p.precision != "country"), None)
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
