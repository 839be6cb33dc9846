"""The gazetteer: every place factfinder can resolve, indexed by normalised name.

It merges, at first use (never at import):

* `data/geonames.tsv` — GeoNames populated places of Syria, Iraq and neighbours (CC BY 4.0);
* `data/variants.tsv` — hand-written news spellings, added as alternate names of GeoNames places;
* `data/places_extra.tsv` — hand-written regions, neighbourhoods, sites and towns GeoNames lacks;
* `data/wof_sy.tsv.gz`, `wof_iq.tsv.gz` — the Who's On First localities of Syria and Iraq
  (`wof.py`): they give the GeoNames places their district (`admin2`), and the ~32,000 villages
  and neighbourhoods the other sources lack become entries of their own (`wof=True`, kind
  "village"), indexed under their Latin-script names. A WOF alias that another source's place
  bears is not indexed for a WOF-only entry (some aliases are wrong: "Kobanî" among Afrin's,
  "Ţabqah" on Tulayfah), and neither is a WOF place that repeats a known one;
* the governorates of Syria and Iraq (`admin.py`, label points from `data/admin1.tsv`);
* countries (`data/countries.tsv` plus the short forms news uses).

`Gazetteer.get()` returns the process-wide instance; `lookup(name)` the entries a name may mean,
best first (Syria before Iraq before neighbours, places of the curated sources before WOF-only
villages, then larger places first). WOF-only villages are many and their names are often
words or people's names: the resolver admits them only with a cue in the text.
"""

from __future__ import annotations

import bisect
import hashlib
import os
import pickle
import re
import sys
import tempfile
import threading
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import ClassVar

from rapidfuzz.distance import Indel

from factfinder.errors import InputError
from factfinder.geo.admin import GOVERNORATE_SPELLINGS, admin1_table, governorate_name
from factfinder.geo.distance import distance_km
from factfinder.geo.normalize import (
    name_key,
    name_tokens,
    skeleton_key,
    soft_key,
    token_skeleton,
)
from factfinder.geo.wof import WofPlace, wof_places
from factfinder.model import Place

# The precision a claim gets when it names a place of this kind.
KIND_PRECISION: dict[str, str] = {
    "city": "town",
    "town": "town",
    "village": "town",  # a Who's On First locality that the curated sources lack
    "site": "town",
    "neighbourhood": "neighbourhood",
    "district": "district",
    "region": "district",
    "area": "district",  # a region too wide for one point (the Syrian Desert): no coordinates
    "governorate": "governorate",
    "country": "country",
}
# Disambiguation prior: the conflict is in Syria, spills into Iraq, touches the neighbours.
COUNTRY_RANK: dict[str, int] = {"SY": 0, "IQ": 1, "LB": 2, "JO": 2, "TR": 2, "IL": 3, "PS": 3}

# Other theatres of air and drone strikes (Gaza and the West Bank, Yemen, Somalia, Libya) and
# Israel's smaller towns. Their places share names with Syrian villages and with words ("Old
# City", "Salim", "Rada"), so they are read only in a text that names its theatre: the
# pattern is searched in the whole text. Israel and the Palestinian territories keep their
# cities of 50,000 people or more without a cue ("an ambulance was hit in Rafah").
THEATRE_CUES: dict[str, str] = {
    # the Gaza Strip, also by the names of its towns and camps that no other place bears
    "GZ": r"\bGaza\b|غزة|غزه|\b(?:Al-)?Nus(?:s)?eirat\b|\bJabal(?:i|y)a\b|\bKhan\s+Y(?:o)?unis\b|"
    r"\bDeir\s+(?:al|el)[- ]Balah\b|\bBeit\s+Lahi(?:y)?a\b|\bBeit\s+Hanoun\b|\b(?:al-)?Maghazi\b|"
    r"\b(?:al-)?Mawasi\b|\b(?:Al-)?Shati\s+(?:refugee\s+)?camp\b",
    # the West Bank, also by the Palestinian institutions that report from it and by its
    # cities in a text that names Israel or the Palestinians (Syria has a village Janin)
    "WB": r"\bWest\s+Bank\b|الضفة\s+الغربية|\bPalestinian\s+(?:Authority|Red\s+Crescent|"
    r"(?:health|interior)\s+ministry|Ministry\s+of\s+(?:Health|Interior))\b|\bPRCS\b|\bWAFA\b|"
    r"\bWafa\s+news|"
    r"\b(?:Jenin|Nablus|Tulkarm|Tubas|Qalqil(?:i)?ya|Ramallah|Hebron|Bethlehem)\b"
    r"(?=[\s\S]*?\b(?:Israel|Palestin))|\b(?:Israel|Palestin)[\s\S]*?"
    r"\b(?:Jenin|Nablus|Tulkarm|Tubas|Qalqil(?:i)?ya|Ramallah|Hebron|Bethlehem)\b",
    "IL": r"\bIsrael|إسرائيل|اسرائيل",
    # Yemen, also by its ports and Hadramawt, and by Saudi guns, which fire on nowhere else
    # (not by its capital: Sanaa is also a woman's name)
    "YE": r"\b(?:Yemen|Houthi|Huthi|Ansar\s+Allah|Ansarallah|Saudi[- ]led|Hodeidah|"
    r"Hudaydah|Hadramawt|Hadramout|Saudi\s+(?:artillery|shelling|border\s+guards?|rocket))|"
    r"اليمن|الحوثي",
    "SO": r"\b(?:Somali|(?:al-)?Shabaa?b|AFRICOM|Africa\s+Command)|الصومال",
    "LY": r"\b(?:Liby|Haftar|Benghazi|Misrata|Tripoli-based|Dbeibah|Government\s+of\s+National\s+"
    r"(?:Unity|Accord))|ليبيا",
}
# A text that names one of these theatres is about it: its places win over homonyms elsewhere.
THEATRE_PREFERRED: frozenset[str] = frozenset({"GZ", "WB", "YE", "SO", "LY"})
_THEATRE_OF_COUNTRY = {"IL": "IL", "YE": "YE", "SO": "SO", "LY": "LY"}

# Short forms of country names that news uses; everything else comes from countries.tsv.
COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "SY": ("Syria", "Syrian Arab Republic"),
    "TR": ("Turkey", "Türkiye", "Turkiye"),
    "PS": ("Palestine", "Palestinian territories", "Palestinian Territories"),
    "US": ("United States", "United States of America", "USA", "U.S.", "U.S.A.", "US", "America"),
    "GB": ("Britain", "Great Britain", "United Kingdom", "UK", "U.K."),
    "RU": ("Russia", "Russian Federation"),
    "IR": ("Iran",),
    "AE": ("UAE", "U.A.E."),
    "KR": ("South Korea",),
    "KP": ("North Korea",),
}
# Keys never indexed: parts of armed groups' names ("Ahrar al-Sham", "Liwa al-Quds") that
# GeoNames lists as alternate names of Damascus and Jerusalem.
BLOCKED_KEYS: frozenset[str] = frozenset({"sham", "cham", "quds", "levant"})
# Representative points for the countries whose outlines factfinder ships.
COUNTRY_POINTS: dict[str, tuple[float, float]] = {
    "SY": (35.0, 38.5),
    "IQ": (33.0, 44.0),
    "TR": (39.0, 35.0),
    "LB": (33.9, 35.9),
    "JO": (31.0, 36.5),
    "IL": (31.5, 34.9),
    "PS": (31.9, 35.2),
}


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One place of the gazetteer. `admin1code` is the GeoNames first-level code."""

    id: int
    name: str
    kind: str
    country: str
    admin1code: str | None = None
    lat: float | None = None
    lon: float | None = None
    population: int = 0
    geonameid: int | None = None
    parent: str | None = None
    names: tuple[str, ...] = field(default=(), repr=False)
    extra_names: frozenset[str] = field(default=frozenset(), repr=False)  # from variants.tsv
    admin2: str | None = None  # the district (Who's On First), when known
    wof: bool = False  # a Who's On First place that no curated source holds
    feature: str | None = None  # GeoNames feature code of a WOF place (PPLQ: abandoned …)

    @property
    def ruined(self) -> bool:
        """An abandoned or destroyed place (GeoNames PPLQ/PPLW): the last reading of a name."""
        return self.feature in ("PPLQ", "PPLW")

    @property
    def precision(self) -> str:
        return KIND_PRECISION[self.kind]

    @property
    def admin1(self) -> str | None:
        """The canonical governorate name (None for countries and unknown codes)."""
        return governorate_name(self.country, self.admin1code)

    @property
    def country_rank(self) -> int:
        return COUNTRY_RANK.get(self.country, 4)

    @property
    def theatre(self) -> str | None:
        """The theatre (`THEATRE_CUES`) this place lies in, None outside them."""
        if self.kind == "country":
            return None
        if self.country == "PS":
            return "GZ" if self.admin1code == "GZ" else "WB"
        return _THEATRE_OF_COUNTRY.get(self.country)

    @property
    def needs_cue(self) -> bool:
        """Read only in a text that names the place's theatre (not Israel's and the Palestinian
        territories' cities of 50,000 people or more)."""
        if self.theatre is None:
            return False
        return not (self.country in ("IL", "PS") and self.population >= 50000)

    def to_place(self, name: str | None = None, precision: str | None = None) -> Place:
        """This entry as a claim `Place`; `name` and `precision` override the entry's own."""
        return Place(
            name=name or self.name,
            lat=self.lat,
            lon=self.lon,
            geonameid=self.geonameid,
            admin1=self.admin1,
            country=self.country,
            precision=precision or self.precision,
        )


def _data_lines(filename: str) -> Iterable[list[str]]:
    """Rows of a committed TSV data file, without comments and the header row."""
    path = resources.files("factfinder.geo").joinpath(f"data/{filename}")
    try:
        text = path.read_text("utf-8")
    except OSError as exc:  # a broken installation, not bad user input
        raise InputError(str(path), f"cannot read gazetteer data: {exc}") from exc
    header_seen = False
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        if not header_seen:
            header_seen = True
            continue
        cols = line.split("\t")
        if len(cols) < 3:
            raise InputError(f"{path}:{n}", "expected tab-separated columns")
        yield cols


def _plain(name: str) -> str:
    """A GeoNames name without diacritics and ʿayn marks, for display ("Ḩamāh" → "Hamah")."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return " ".join(re.sub(r"[‘’`ʿʾ]", "", s).split())


def _display_names(rows: list[list[str]]) -> list[str]:
    """Display names: governorate capitals take the governorate's canonical name ("Raqqa")."""
    out = [_plain(r[6]) for r in rows]
    for (country, code), spellings in GOVERNORATE_SPELLINGS.items():
        keys = {name_key(n) for n in spellings}
        canonical = governorate_name(country, code) or spellings[0]
        best = [
            i
            for i, r in enumerate(rows)
            if r[1] == country
            and r[2] == code
            and any(name_key(n) in keys for n in [r[6], *r[7].split("|")])
        ]
        if best:
            out[max(best, key=lambda i: int(rows[i][5]))] = canonical
    return out


def _names(*parts: Iterable[str]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for part in parts:
        for n in part:
            n = n.strip()
            if n:
                seen.setdefault(n, None)
    return tuple(seen)


_LATIN = re.compile(r"[A-Za-z]")
_DOUBLES = re.compile(r"(.)\1+")
_NOT_LATIN = re.compile(r"[^\x00-\u024f\u1e00-\u1eff‘’ʿʾ]")
# Who's On First spells some governorates otherwise than the GeoNames-based table.
_WOF_ADMIN1 = {("IQ", "Halabja"): "05"}  # split from Sulaymaniyah in 2014; GeoNames keeps it there


def _wof_admin1_codes() -> dict[tuple[str, str], str]:
    """(country, plain key of a governorate spelling) → GeoNames admin1 code."""
    out = {(c, name_key(n)): code for (c, n), code in _WOF_ADMIN1.items()}
    for (country, code), spellings in GOVERNORATE_SPELLINGS.items():
        for n in (*spellings, governorate_name(country, code) or ""):
            out.setdefault((country, name_key(n)), code)
    return out


def _wof_names(w: WofPlace) -> tuple[str, ...]:
    """A WOF place's Latin-script names, the display name ("Ţall Qarāḩ" → "Tall Qarah") first."""
    latin = [n for n in (w.name_en, w.name_ascii, *w.alt_names) if _LATIN.search(n)]
    latin = [n for n in latin if not _NOT_LATIN.search(n)]
    return _names([_plain(latin[0])], latin) if latin else ()


class Gazetteer:
    """All resolvable places with a plain-key index and a consonant-skeleton index."""

    _instance: ClassVar[Gazetteer | None] = None
    _lock: ClassVar[threading.Lock] = threading.Lock()

    def __init__(self, entries: list[GazetteerEntry]) -> None:
        self.entries = entries
        by_key: dict[str, list[int]] = defaultdict(list)
        by_skeleton: dict[str, list[int]] = defaultdict(list)
        wof_skeleton: dict[str, list[int]] = defaultdict(list)
        soft_keys: dict[str, list[int]] = defaultdict(list)
        core_keys = {name_key(n) for e in entries if e.country in ("SY", "IQ") for n in e.names}
        for e in entries:
            if e.wof:
                continue
            keys, skels = set(), set()
            main = name_key(e.names[0]) if e.names else ""
            main_skel = skeleton_key(e.names[0]) if e.names else ""
            for n in e.names:
                k = name_key(n)
                if k in BLOCKED_KEYS:
                    continue
                if (
                    e.country_rank >= 2
                    and not (e.theatre in THEATRE_PREFERRED and (e.needs_cue or k not in core_keys))
                    and e.kind == "city"
                    and n not in e.extra_names
                    and Indel.normalized_similarity(k, main) < 0.8
                    and (len(main_skel) < 4 or skeleton_key(n) != main_skel)
                ):
                    # Neighbours' places keep spellings of their own name only (the same
                    # consonants: "Bint Jbeil" for Bent Jbail): their many exonyms and Arabic
                    # forms ("Sour" for Tyre, "Saida" for Sidon, "Azza" for Gaza) are also Syrian
                    # place names and words. A theatre's places keep them where the text
                    # must name the theatre, and its cities those that no Syrian or Iraqi
                    # place bears ("Beit Lahia" for Bayt Lahya, not "Azzah" for Gaza).
                    continue
                if len(k) >= 2:
                    keys.add(k)
                s = skeleton_key(n)
                if len(s) >= 3:
                    skels.add(s)
            for k in keys:
                by_key[k].append(e.id)
            for s in skels:
                by_skeleton[s].append(e.id)
            # a Syrian or Iraqi town's own name only: aliases are often other places' names
            if (
                e.kind in ("city", "town", "site", "neighbourhood")
                and e.country_rank <= 1
                and e.names
                and len(soft := soft_key(name_tokens(e.names[0]))) >= 5
            ):
                soft_keys[soft].append(e.id)
        # Places of a theatre read only where the text names it (`THEATRE_CUES`) take no name
        # away from a Syrian or Iraqi village.
        known = {
            k: kept
            for k, v in by_key.items()
            if (kept := [i for i in v if not entries[i].needs_cue])
        }
        for e in entries:
            if e.wof:
                for k, (s, soft) in self._wof_keys(e, known).items():
                    by_key[k].append(e.id)
                    if len(s) >= 3:
                        wof_skeleton[s].append(e.id)
                    if len(soft) >= 4:
                        soft_keys[soft].append(e.id)
        self.by_key = {k: tuple(self._rank(v)) for k, v in by_key.items()}
        self.by_skeleton = {k: tuple(self._rank(v)) for k, v in by_skeleton.items()}
        # Skeletons of WOF-only names, apart: the resolver reads them under stricter conditions.
        self.wof_skeleton = {k: tuple(self._rank(list(set(v)))) for k, v in wof_skeleton.items()}
        # Keys of Syrian and Iraqi towns and villages without a word-final "h" after a vowel
        # (`normalize.soft_key`), read when the exact key is unknown.
        self.by_soft = {k: tuple(self._rank(list(set(v)))) for k, v in soft_keys.items()}
        self.max_tokens = max(len(n.split()) for e in entries for n in e.names)
        self._governorates = {
            (e.country, e.admin1code): e for e in entries if e.kind == "governorate"
        }
        self._countries = {e.country: e for e in entries if e.kind == "country"}
        self.capital_of = self._capitals()

    def _wof_keys(
        self, e: GazetteerEntry, known: dict[str, list[int]]
    ) -> dict[str, tuple[str, str]]:
        """The plain keys a WOF-only entry is indexed under, each with its consonant skeleton
        and its soft key (`normalize.soft_key`).

        None when it repeats a curated place (its own name is that place's, within 5 km).
        Aliases that a curated place bears are left out (WOF has wrong aliases), and so are
        one- and two-letter keys and the blocked ones; the entry's own English and ASCII names
        are always indexed, homonyms of curated places included.
        """
        keys: dict[str, tuple[str, str]] = {}
        own: set[str] = set()
        for n, name in enumerate(e.names):
            toks = name_tokens(name)
            k = "".join(toks)
            if n < 2:
                own.add(k)
            if k not in keys:
                skel = _DOUBLES.sub(r"\1", "".join(token_skeleton(t) for t in toks))
                keys[k] = (skel, soft_key(toks))
        for k in own:
            for i in known.get(k, ()):
                other = self.entries[i]
                if (
                    other.lat is not None
                    and other.lon is not None
                    and e.lat is not None
                    and e.lon is not None
                    and distance_km(e.lat, e.lon, other.lat, other.lon) < 5
                ):
                    return {}
        return {
            k: s
            for k, s in keys.items()
            if len(k) >= 3 and k not in BLOCKED_KEYS and (k not in known or k in own)
        }

    def _capitals(self) -> dict[int, int]:
        """City id → id of the governorate it is the capital of (they share a name)."""
        out: dict[int, int] = {}
        for gov in self._governorates.values():
            keys = {name_key(n) for n in gov.names}
            cities = [
                e
                for k in keys
                for i in self.by_key.get(k, ())
                if (e := self.entries[i]).kind == "city"
                and (e.country, e.admin1code) == (gov.country, gov.admin1code)
            ]
            if cities:
                out[max(cities, key=lambda e: (e.population, -e.id)).id] = gov.id
        return out

    def _rank(self, ids: list[int]) -> list[int]:
        def order(i: int) -> tuple[int, bool, bool, int, int]:
            e = self.entries[i]
            return (e.country_rank, e.wof, e.ruined, -e.population, i)

        return sorted(ids, key=order)

    # --- construction ---------------------------------------------------------------------------

    @classmethod
    def get(cls) -> Gazetteer:
        """The process-wide gazetteer, built on first use (thread-safe)."""
        if cls._instance is None:
            with cls._lock:
                if cls._instance is None:
                    cls._instance = _cached(cls.load)
        return cls._instance

    @classmethod
    def load(cls) -> Gazetteer:
        """Build a gazetteer from the committed data files."""
        rows = list(_data_lines("geonames.tsv"))
        extra_names: dict[int, list[str]] = defaultdict(list)
        by_country_key: dict[tuple[str, str], list[int]] = defaultdict(list)
        for i, r in enumerate(rows):
            for n in [r[6], *r[7].split("|")]:
                if n:
                    by_country_key[(r[1], name_key(n))].append(i)
        for cols in _data_lines("variants.tsv"):
            target, country, variants = cols[0], cols[1], cols[2]
            hits = by_country_key.get((country, name_key(target)))
            if not hits:
                raise InputError(
                    "variants.tsv", f"target {target!r} ({country}) is not in the GeoNames data"
                )
            best = max(hits, key=lambda i: (int(rows[i][5]), -i))
            extra_names[best].extend(variants.split("|"))

        entries: list[GazetteerEntry] = []

        def add(**kw: object) -> None:
            entries.append(GazetteerEntry(id=len(entries), **kw))  # type: ignore[arg-type]

        wof = wof_places()
        wof_by_gid = {w.geonameid: w for w in wof if w.geonameid is not None}
        display = _display_names(rows)
        for i, r in enumerate(rows):
            same = wof_by_gid.get(int(r[0]))
            add(
                admin2=same.admin2 if same is not None and same.country == r[1] else None,
                name=display[i],
                kind="city",
                country=r[1],
                admin1code=r[2] or None,
                lat=float(r[3]),
                lon=float(r[4]),
                population=int(r[5]),
                geonameid=int(r[0]),
                names=_names([r[6]], r[7].split("|"), extra_names.get(i, ())),
            )
        for cols in _data_lines("places_extra.tsv"):
            name, alts, kind, country, code, lat, lon = cols[:7]
            parent = cols[7] if len(cols) > 7 and cols[7] else None
            if kind not in KIND_PRECISION:
                raise InputError("places_extra.tsv", f"{name}: unknown kind {kind!r}")
            add(
                name=name,
                kind=kind,
                country=country,
                admin1code=code or None,
                lat=float(lat),
                lon=float(lon),
                parent=parent,
                names=_names([name], alts.split("|")),
            )
        gids = {int(r[0]) for r in rows}
        codes = _wof_admin1_codes()
        for w in wof:
            if w.geonameid in gids:
                continue  # the GeoNames place, already in
            names = _wof_names(w)
            if not names:
                continue
            add(
                name=names[0],
                kind="neighbourhood" if w.placetype == "neighbourhood" else "village",
                country=w.country,
                admin1code=codes.get((w.country, name_key(w.admin1 or ""))),
                lat=w.lat,
                lon=w.lon,
                population=w.population or 0,
                geonameid=w.geonameid,
                names=names,
                admin2=w.admin2,
                wof=True,
                feature=w.feature_code,
            )
        table = admin1_table()
        for (country, code), spellings in GOVERNORATE_SPELLINGS.items():
            a1 = table[(country, code)]
            add(
                name=a1.name,
                kind="governorate",
                country=country,
                admin1code=code,
                lat=a1.lat,
                lon=a1.lon,
                population=0,
                names=_names([a1.name], spellings),
            )
        for cols in _data_lines("countries.tsv"):
            iso, gid, name = cols[0], int(cols[1]), cols[2]
            point = COUNTRY_POINTS.get(iso)
            add(
                name=COUNTRY_ALIASES.get(iso, (name,))[0],
                kind="country",
                country=iso,
                lat=point[0] if point else None,
                lon=point[1] if point else None,
                geonameid=gid,
                names=_names([name], COUNTRY_ALIASES.get(iso, ())),
            )
        return cls(entries)

    # --- queries --------------------------------------------------------------------------------

    def lookup(self, name: str) -> list[GazetteerEntry]:
        """Entries `name` may denote, best first: plain-key matches, else skeleton matches."""
        ids = self.by_key.get(name_key(name))
        if not ids:
            ids = self.by_skeleton.get(skeleton_key(name), ())
        return [self.entries[i] for i in ids]

    def search(self, text: str, limit: int = 10) -> list[GazetteerEntry]:
        """Places whose name (any spelling the gazetteer knows) is `text` or begins with it,
        for a search box: exact names first, then the others, each group best first (Syria
        and Iraq before their neighbours, curated before Who's On First, larger first)."""
        key = name_key(text)
        if len(key) < 2 or limit < 1:
            return []
        keys = self._sorted_keys()
        exact = list(self.by_key.get(key, ()))
        prefixed: list[int] = []
        at = bisect.bisect_left(keys, key)
        while at < len(keys) and keys[at].startswith(key) and len(prefixed) < 5000:
            if keys[at] != key:
                prefixed.extend(self.by_key[keys[at]])
            at += 1
        out: list[GazetteerEntry] = []
        seen: set[int] = set()
        for i in [*self._rank(exact), *self._rank(list(set(prefixed) - set(exact)))]:
            if i not in seen:
                seen.add(i)
                out.append(self.entries[i])
                if len(out) == limit:
                    break
        return out

    def _sorted_keys(self) -> list[str]:
        found: list[str] | None = self.__dict__.get("_keys_sorted")
        if found is None:
            found = sorted(self.by_key)
            self.__dict__["_keys_sorted"] = found
        return found

    def entry(self, entry_id: int) -> GazetteerEntry | None:
        """The entry with this id (its index), None when there is none."""
        return self.entries[entry_id] if 0 <= entry_id < len(self.entries) else None

    def governorate(self, country: str, admin1code: str) -> GazetteerEntry | None:
        """The governorate-level entry of a first-level division (Syria and Iraq)."""
        return self._governorates.get((country, admin1code))

    def country(self, iso2: str) -> GazetteerEntry | None:
        return self._countries.get(iso2)


def lookup(name: str) -> list[GazetteerEntry]:
    """`Gazetteer.get().lookup(name)`."""
    return Gazetteer.get().lookup(name)


# --- the built index, kept between runs ---------------------------------------------------------
#
# Building the index (keys, skeletons and soft keys of ~45,000 places) takes about two seconds;
# reading it back takes a tenth of that. The built gazetteer is kept in the user's cache folder
# (`$FACTFINDER_CACHE`, else `$XDG_CACHE_HOME/factfinder`, else `~/.cache/factfinder`) under a
# name derived from every file of `factfinder.geo` (code and data) and the Python version, so a
# change to either builds it anew. `FACTFINDER_CACHE=off` never reads or writes it. A cache file
# that cannot be read is rebuilt; one that cannot be written is skipped.


def _cache_dir() -> Path | None:
    where = os.environ.get("FACTFINDER_CACHE")
    if where == "off":
        return None
    if where:
        return Path(where)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "factfinder"


def _build_key() -> str:
    """A digest of the code and data the gazetteer is built from."""
    h = hashlib.sha256(sys.version.encode())
    root = Path(__file__).resolve().parent
    for path in sorted(root.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            h.update(str(path.relative_to(root)).encode())
            h.update(path.read_bytes())
    return h.hexdigest()[:32]


def _cached(build: Callable[[], Gazetteer]) -> Gazetteer:
    """The gazetteer from the cache when it holds this build, else `build()` (stored; the
    caches of other builds are removed)."""
    folder = _cache_dir()
    if folder is None:
        return build()
    path = folder / f"gazetteer-{_build_key()}.pickle"
    try:
        # The file is this user's own cache, named by the digest of the code that wrote it.
        found = pickle.loads(path.read_bytes())
        if isinstance(found, Gazetteer):
            return found
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
        pass
    built: Gazetteer = build()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, delete=False, suffix=".tmp") as tmp:
            tmp.write(pickle.dumps(built, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(tmp.name, path)
        for old in folder.glob("gazetteer-*.pickle"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        pass
    return built
