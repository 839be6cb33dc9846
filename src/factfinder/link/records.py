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
  events), precision `unknown`; no date and no publication date: the claim is *undated* and is
  never linked automatically;
* a window wider than `MAX_WINDOW_DAYS` (a month or a year) is clipped to the part closest to
  the publication date, so a vague date cannot make a claim a candidate for a whole year;
* no place: the document's first placed claim lends its governorate (coarse); a document with no
  place at all leaves the claim country-wide (linked only with other country-wide claims).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import NamedTuple

from factfinder.link.sources import SourceKey, source_of
from factfinder.model import Casualties, Claim, Claimant, ClaimRef, DateWindow, Place
from factfinder.vocab import COUNT_KEYS

# Half-width of the area a place of each precision stands for, in km. Town-level places are
# points in a town a few km across; a governorate is ~100-200 km wide.
PLACE_RADIUS_KM: dict[str, float] = {
    "exact": 0.5, "neighbourhood": 2.0, "town": 5.0, "district": 25.0, "governorate": 75.0,
    "country": 400.0,
}
FINE_PRECISIONS = frozenset({"exact", "neighbourhood", "town"})
_PLACE_RANK = {p: i for i, p in enumerate(
    ("exact", "neighbourhood", "town", "district", "governorate", "country"))}

# Days a window is widened on each side before two claims count as overlapping in time: reports
# disagree by a day ("yesterday" across midnight, time zones, next-day tolls); coarser dates get
# a little more.
DATE_SLACK_DAYS: dict[str, int] = {"day": 1, "week": 2, "month": 3, "year": 7, "unknown": 3}
UNDATED_LOOKBACK_DAYS = 7
MAX_WINDOW_DAYS = 31

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
    primary: bool
    places: tuple[Place, ...]  # every place the claim names, for the incident output

    @property
    def radius_km(self) -> float:
        return PLACE_RADIUS_KM.get(self.place_precision or "country", 400.0)


class DocInfo(NamedTuple):
    """What the linker needs of a document: its publisher, publication day and title."""

    publisher: str | None
    published: dt.date | None
    title: str | None


def counts_of(c: Casualties) -> Counts:
    """The `(min, max)` of each count key; None where the claim says nothing."""
    out: list[Count | None] = []
    for key in COUNT_KEYS:
        r = c.get(key)
        out.append(None if r is None else (r.min, r.max))
    return tuple(out)


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

_WORD = re.compile(r"[A-Za-z\u00C0-\u024F\u0600-\u06FF][\w'’-]*")
_NORM = re.compile(r"[^0-9a-z\u00C0-\u024F\u0600-\u06FF]+")
MAX_TEXT_CHARS = 400

# Words that are capitalised in news prose without naming anything particular to one incident.
_COMMON_CAPITALISED = frozenset((
    "the", "a", "an", "in", "on", "at", "of", "for", "and", "or", "but", "as", "by", "with",
    "from", "to", "into", "after", "before", "since", "during", "while", "this", "that",
    "these", "those", "it", "its", "he", "she", "they", "we", "his", "her", "their", "our",
    "there", "here", "when", "where", "who", "what", "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april",
    "may", "june", "july", "august", "september", "october", "november", "december", "syria",
    "syrian", "syrians", "arab", "damascus", "government", "regime", "army", "forces",
    "state", "islamic", "isis", "isil", "daesh", "is", "russian", "russia", "us", "u.s.",
    "united", "states", "american", "turkish", "turkey", "iran", "iranian", "kurdish",
    "kurds", "coalition", "un", "u.n.", "nations", "security", "council", "minister",
    "ministry", "president", "official", "officials", "observatory", "sohr", "monitor",
    "reuters", "afp", "ap", "news", "agency", "media", "tv", "state-run", "sana", "said",
    "says", "according", "people", "civilians", "children", "women", "killed", "wounded",
    "injured", "dead", "strike", "strikes", "airstrike", "airstrikes", "air", "raid", "raids",
    "attack", "attacks", "bombing", "bomb", "shelling", "rebel", "rebels", "opposition",
    "militants", "terrorists", "terrorist", "province", "governorate", "city", "town",
    "village", "district", "countryside", "northern", "southern", "eastern", "western",
    "north", "south", "east", "west", "central", "rural", "eastern-ghouta", "mr", "dr",
    "sheikh", "al", "el",
))

# Kinds of target named in incident reports; sharing one is evidence of the same incident.
TARGET_WORDS = frozenset((
    "hospital", "hospitals", "clinic", "school", "schools", "university", "market",
    "marketplace", "bakery", "mosque", "church", "wedding", "funeral", "convoy", "bus",
    "buses", "camp", "camps", "checkpoint", "prison", "stadium", "airport", "airbase", "base",
    "bridge", "refinery", "oilfield", "dam", "orphanage", "kindergarten", "shelter", "queue",
    "bread", "ambulance", "ambulances", "aid", "warehouse", "factory", "station",
    "courthouse", "cemetery", "ferry", "boat", "fuel", "truck", "tanker", "motorbike",
    "motorcycle", "car-bomb",
))


def _norm_token(tok: str) -> str:
    t = tok.lower().replace("’", "'")
    for article in ("al-", "el-", "ar-", "as-", "ad-", "ash-", "at-", "az-", "an-"):
        if t.startswith(article) and len(t) > len(article) + 2:
            t = t[len(article):]
            break
    return t.strip("'-")


def text_features(text: str) -> tuple[str, frozenset[str]]:
    """The normalised text (for similarity) and the name/target words of claim sentences."""
    text = text[:MAX_TEXT_CHARS]
    names: set[str] = set()
    for m in _WORD.finditer(text):
        tok = m.group(0)
        low = _norm_token(tok)
        if len(low) < 3:
            continue
        proper = tok[0].isupper() and low not in _COMMON_CAPITALISED \
            and tok.lower() not in _COMMON_CAPITALISED
        if proper or low in TARGET_WORDS:
            names.add(low)
    norm = _NORM.sub(" ", text.lower()).strip()
    return norm, frozenset(names)


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
    fine = lat is not None and pprec in FINE_PRECISIONS
    if admin1 and pprec != "country":
        area = f"gov:{admin1.strip().lower()}"
    else:
        area = f"country:{(country or '').upper()}"
    record = LinkClaim(
        idx=idx, ref=ref, doc=doc, lo=None, hi=None, date_precision="unknown", date_from="none",
        slack=DATE_SLACK_DAYS["unknown"], lat=lat, lon=lon, place_name=pname,
        place_precision=pprec, admin1=admin1, country=country, fine=fine, area=area,
        event_type=claim.event_type, perpetrator=claim.perpetrator.group,
        killed=counts_of(claim.killed), injured=counts_of(claim.injured), source=_NO_SOURCE,
        publisher=None, published=None, text="", names=frozenset(), primary=claim.primary,
        places=claim.places,
    )
    return record, Pending(claim.date, claim.claimant, claim.spans)


def complete(record: LinkClaim, pending: Pending, info: DocInfo, text: str) -> LinkClaim:
    """Fill in what depends on the document: date fallback, source, publication day, text."""
    lo, hi, precision, date_from = _window(pending.date, info.published)
    norm, names = text_features(text)
    return record._replace(
        lo=lo, hi=hi, date_precision=precision, date_from=date_from,
        slack=DATE_SLACK_DAYS.get(precision, 3), source=source_of(pending.claimant,
                                                                   info.publisher),
        publisher=info.publisher,
        published=info.published.toordinal() if info.published else None,
        text=norm, names=names,
    )


def build(
    idx: int,
    ref: ClaimRef,
    doc: int,
    claim: Claim,
    info: DocInfo,
    text: str,
    fallback_place: Place | None = None,
) -> LinkClaim:
    """The `LinkClaim` of one claim of a document; `text` is `claim_text(...)` of its spans."""
    record, pending = build_partial(idx, ref, doc, claim, fallback_place)
    return complete(record, pending, info, text)
