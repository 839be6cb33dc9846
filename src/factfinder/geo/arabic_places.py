"""Places named in Arabic-script text, resolved against the Who's On First gazetteer.

`find_arabic_places(text, start, end)` returns the place mentions of `text[start:end]` with
offsets into the original `text` (the finder matches on `arabic.fold(text)` and maps every
match back). `factfinder.geo.find_places` calls it for texts in Arabic script, so callers get
Arabic and Latin mentions from one function. The whole text is read once (and kept for the
next calls on it), so a document read sentence by sentence still has its context. The steps:

1. Words are folded (hamza forms, taa marbuta, alef maqsura, diacritics) and split; hashtags
   ("#دير_الزور") count as words, and words broken up with tatweel ("قـ ـصـ ـف") are joined.
   At each word the longest known name is looked up, with the word's proclitics (و ف ب ل ك,
   the article ال, لل) taken off if need be and spaces ignored ("ديرالزور", "كفر نبل" /
   "كفرنبل"). Names come from the gazetteer's Arabic names and alternates, the Syrian and Iraqi
   governorates, countries, Kurdish and short names ("قامشلو", "كوباني"), and a few regions and
   sites. After a place word, a looser spelling also matches (emphatic letters as plain ones,
   alef and the article dropped: "قرية كنصفرة" is the gazetteer's كنسفرة).
2. The words before a name say what it is: a place word ("مدينة X", "بلدة", "قرية", "حي",
   "ريف", "مخيم", "ناحية", "منطقة", "محافظة", their duals and plurals, which spread along a list
   "قرى X وY وZ"); a preposition ("في X", "بX", "قرب X", a hashtag); a compass word ("شمال X");
   a person's title or given name ("الطفل X", "محمد X": not a place), an organisation ("شبكة X",
   "قوات سوريا الديمقراطية", "فيلق الشام": not a place); a name-building word whose compound is
   unknown ("تل X", "عين X", "كفر X": another place than X). A name followed by an unknown word
   and then a place link ("قرية جديد بكارة بريف …") is the start of a longer unknown name.
3. The words after a name name the place it lies in ("X بريف Y", "X في ريف Y الشمالي", "X
   شرقي Y", "X التابعة لمدينة Y"): X keeps only its candidates inside governorate Y (or, with a
   compass word, just across its border in that direction), within 40 km of town Y (120 km
   with a compass word), or in town Y's governorate for "التابعة"; it is dropped when none is
   (the gazetteer lacks that X). Compass words prefer the homonym on that side ("بلدة الربيعة
   بريف حماة الغربي"). A list shares the place named after its last member.
4. Precision: a governorate's name with "ريف"/"محافظة"/a compass word, or in a list of
   governorates, is the governorate (an area: no point); "مدينة حلب", "أحياء حلب", "مطار حلب"
   are the city, and so is a capital's bare name in a text that names no other place with a
   point. "ريف X", "ناحية X", "منطقة X" and "شمال X" for a town X give a district at X's
   point; "حي X" a neighbourhood (one the gazetteer lacks, "حي X في مدينة Y", at Y's point);
   "شمال شرقي سوريا" the country. Damascus and Baghdad are their cities.
5. Homonyms are chosen by the place named after them, the governorates the text names, the
   distance to the text's other places, the text's country (Syria unless it clearly speaks of
   Iraq), then size. A name is kept only when the evidence is enough for how risky it is: a
   common word ("الطيبة", "العين", "السوق") or a given name needs a place word before it; a
   one-word name needs a cue (a preposition at least) and must fit the text's other places
   unless it is a major town; names of places outside the text's country, or far from
   everything else the text names, are dropped.

Scores: 0.9 with a place word or a host, 0.75 with a preposition or for a major town, 0.6
otherwise and for looser spellings and capitals read as cities by default; less when homonyms
remain. `names_across_scripts(name)` gives a place's names in the other script (Latin ↔
Arabic).
"""

from __future__ import annotations

import itertools
import math
import re
import threading
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from factfinder.arabic import Folded, fold, fold_key, has_arabic, strip_clitics
from factfinder.geo.admin import GOVERNORATE_SPELLINGS, governorate_name
from factfinder.geo.arabic_words import (
    ALIASES,
    CITY_SITES,
    COMMON_WORDS,
    COUNTRIES,
    COUNTRY_NAMES,
    COUNTRY_PHRASES,
    DAY_PARTS,
    DIRECTION_ADJECTIVES,
    DIRECTIONS,
    GIVEN_NAMES,
    GOVERNORATE_NAMES,
    GOVERNORATES,
    GOVERNORATES_NEED_CONTEXT,
    HOST_LINKS,
    NAME_PARTS,
    NOT_NAMES,
    ORG_AFTER,
    ORG_BEFORE,
    PERSON_BEFORE,
    PERSON_NAME_PARTS,
    PLACE_PREPOSITIONS,
    PLACE_TYPES,
    REGION_NAMES,
    REGIONS,
    norm_word,
)
from factfinder.geo.distance import distance_km
from factfinder.geo.gazetteer import THEATRE_CUES, Gazetteer, GazetteerEntry
from factfinder.geo.normalize import name_key
from factfinder.geo.wof import WofPlace, wof_places
from factfinder.mentions import PlaceMention
from factfinder.model import Place
from factfinder.vocab import ARABIC_MONTHS, ARABIC_WEEKDAYS

# --- the index ----------------------------------------------------------------------------------

WOF, GOV, COUNTRY, REGION = "wof", "gov", "country", "region"


@dataclass(frozen=True, slots=True)
class Target:
    """What a key may mean: a WOF place (`index` into `wof_places()`), a governorate (`gov`:
    country and GeoNames admin1 code), a country (`iso`) or a region (`index`: the English
    gazetteer's entry id)."""

    kind: str
    index: int = -1
    gov: tuple[str, str] = ("", "")
    iso: str = ""


# Governorates whose capital is the whole governorate in any sense.
_CITY_GOVERNORATES = frozenset({("SY", "13"), ("IQ", "07")})
_SAME_AREA = {"Rif Dimashq": "Damascus"}
_DAMASCUS, _RIF_DIMASHQ = ("SY", "13"), ("SY", "08")
_MAJOR_CODES = frozenset({"PPLC", "PPLA", "PPLA2"})
_TYPE_PREFIXES = tuple(
    fold_key(w) + " " for w in ("حي", "قرية", "مدينة", "بلدة", "ناحية", "مخيم", "منطقة", "قضاء")
)
_MAX_TOKENS = 5


def _norm_word(w: str) -> str:
    """A folded word as the index keys it: a final hamza after alef dropped ("السويداء"), as
    `arabic_words.norm_word` does for the word lists."""
    return w[:-1] if w.endswith("اء") and len(w) > 3 else w


def index_key(name: str) -> str:
    """The index key of a name: folded, words normalised, spaces removed."""
    return "".join(_norm_word(w) for w in fold_key(name).split())


def _governorate_phrase(folded: str) -> bool:
    """Whether a folded name is a governorate or countryside word and a governorate's name
    ("محافظة إدلب", "ريف حلب"): Who's On First gives some capitals such alternates, but a
    text that writes them means the governorate."""
    head, _, rest = folded.partition(" ")
    return PLACE_TYPES.get(norm_word(head)) in ("governorate", "countryside") and (
        rest in GOVERNORATES
    )


def _area(admin1: str | None) -> str | None:
    return _SAME_AREA.get(admin1, admin1) if admin1 else None


_ABROAD_COUNTRIES = frozenset({"PS", "LB", "YE", "LY", "SO"})
_ABROAD_CUES: dict[str, re.Pattern[str]] = {
    **{k: re.compile(v) for k, v in THEATRE_CUES.items()},
    "LB": re.compile(r"\bLebanon|لبنان|اللبناني"),
}


def _abroad_theatre(e: GazetteerEntry) -> str | None:
    """The theatre whose name a text must give for a town of `e`'s country to be read."""
    if (
        e.kind not in ("city", "town", "neighbourhood", "site")
        or e.country not in _ABROAD_COUNTRIES
    ):
        return None
    return e.theatre or e.country


class ArabicIndex:
    """Arabic names of the WOF localities, governorates, countries and regions, by key."""

    _instance: ArabicIndex | None = None
    _lock = threading.Lock()

    def __init__(self) -> None:
        self.places: tuple[WofPlace, ...] = wof_places()
        gaz = Gazetteer.get()
        by_key: dict[str, list[Target]] = defaultdict(list)
        self.article_less: set[tuple[str, int]] = set()
        names_seen: set[str] = set()
        for i, p in enumerate(self.places):
            for n in self._arabic_names(p):
                folded = fold_key(n)
                if _governorate_phrase(folded):
                    continue  # "محافظة إدلب" given as the city's name: the text means the area
                forms = {folded}
                names_seen.add(folded)
                for prefix in _TYPE_PREFIXES:  # "حي القنوات" is also "القنوات"
                    if folded.startswith(prefix) and len(folded) > len(prefix) + 2:
                        forms.add(folded[len(prefix) :])
                names_seen.update(forms)
                for f in forms:
                    k = index_key(f)
                    if len(k) < 3:
                        continue
                    by_key[k].append(Target(WOF, i))
                    if f.startswith("ال") and len(f.split()[0]) >= 5:
                        # written without the article in the text ("دانا" for "الدانا")
                        by_key[k[2:]].append(Target(WOF, i))
                        self.article_less.add((k[2:], i))
        for alias, name in ALIASES.items():
            targets = by_key.get(index_key(name))
            if targets and alias != name:
                by_key[index_key(alias)].extend(targets)
                names_seen.add(alias)
        for k, gov in GOVERNORATES.items():
            by_key[index_key(k)].append(Target(GOV, gov=gov))
        for k, iso in {**COUNTRIES, **COUNTRY_PHRASES}.items():
            by_key[index_key(k)].append(Target(COUNTRY, iso=iso))
        for k, en in REGIONS.items():
            for e in gaz.lookup(en):
                if e.kind in ("region", "area", "district", "site"):
                    by_key[index_key(k)].append(Target(REGION, e.id))
                    break
        # The towns of the other theatres of air and drone strikes (Gaza and the West Bank,
        # Lebanon, Yemen, Libya, Somalia) by their GeoNames Arabic names: read only in a text
        # that names their theatre (`_ABROAD_CUES`), as the English reader does.
        self.abroad: dict[int, str] = {}
        for e in gaz.entries:
            theatre = _abroad_theatre(e)
            if theatre is None:
                continue
            for n in e.names:
                if not has_arabic(n):
                    continue
                k = index_key(fold_key(n))
                if len(k) >= 3:
                    by_key[k].append(Target(REGION, e.id))
                    names_seen.add(fold_key(n))
                    self.abroad[e.id] = theatre
        self.by_key: dict[str, tuple[Target, ...]] = {
            k: tuple(dict.fromkeys(v)) for k, v in by_key.items()
        }
        # First words of names of several words: only after one of them is a longer name
        # looked up (a name written without its spaces is found from its first word too).
        first: set[str] = set()
        for n in (*names_seen, *GOVERNORATES, *COUNTRY_PHRASES, *REGIONS):
            ws = n.split()
            if len(ws) > 1:
                w = _norm_word(ws[0])
                first.add(w)
                if w.startswith("ال"):
                    first.add(w[2:])
        self.first_words = frozenset(first)
        # WOF governorate spellings → canonical names; capitals of governorates.
        canon: dict[tuple[str, str], str] = {}
        for (country, code), spellings in GOVERNORATE_SPELLINGS.items():
            name = governorate_name(country, code) or spellings[0]
            for s in (*spellings, name):
                canon[(country, name_key(s))] = name
        canon[("IQ", name_key("Ninewa"))] = "Nineveh"
        canon[("IQ", name_key("Halabja"))] = "Sulaymaniyah"
        self._canon = canon
        self.admin1: list[str | None] = [
            canon.get((p.country, name_key(p.admin1))) if p.admin1 else None for p in self.places
        ]
        self.capital: dict[tuple[str, str], int] = {}
        for k, gov in GOVERNORATES.items():
            gname = governorate_name(*gov)
            best = [
                t.index
                for t in self.by_key.get(index_key(k), ())
                if t.kind == WOF and self.admin1[t.index] == gname
            ]
            if best and gov not in self.capital:
                self.capital[gov] = max(best, key=lambda i: self._size(i))
        # English gazetteer entries by GeoNames id: the same place keeps one name across
        # languages.
        self.english: dict[int, GazetteerEntry] = {
            e.geonameid: e for e in gaz.entries if e.geonameid and e.kind == "city"
        }
        # Latin-script names of the WOF places, for the cross-script search.
        self._latin: dict[str, list[int]] | None = None
        self._loose: dict[str, tuple[Target, ...]] | None = None
        self._by_geonameid: dict[int, list[int]] | None = None

    @staticmethod
    def _arabic_names(p: WofPlace) -> list[str]:
        return [n for n in (p.name_ar or "", *p.alt_names) if n and has_arabic(n)]

    def _size(self, i: int) -> float:
        p = self.places[i]
        bonus = {"PPLC": 4.0, "PPLA": 3.0, "PPLA2": 2.0, "PPLA3": 1.0}.get(p.feature_code or "", 0)
        return bonus + math.log10((p.population or 0) + 1) / 2

    def major(self, i: int) -> bool:
        """A town a text may name bare: a capital, a district seat, or 20,000 people or more."""
        p = self.places[i]
        return (p.feature_code in _MAJOR_CODES) or (p.population or 0) >= 20_000

    def loose(self) -> dict[str, tuple[Target, ...]]:
        """The WOF places by `loose_key` of their names (built on first use)."""
        if self._loose is None:
            idx: dict[str, list[Target]] = defaultdict(list)
            for k, targets in self.by_key.items():
                for t in targets:
                    if t.kind == WOF and (k, t.index) not in self.article_less:
                        idx[loose_key(k)].append(t)
            self._loose = {k: tuple(dict.fromkeys(v)) for k, v in idx.items()}
        return self._loose

    def by_geonameid(self) -> dict[int, list[int]]:
        """The WOF places by GeoNames id (built on first use)."""
        if self._by_geonameid is None:
            idx: dict[int, list[int]] = defaultdict(list)
            for i, p in enumerate(self.places):
                if p.geonameid:
                    idx[p.geonameid].append(i)
            self._by_geonameid = dict(idx)
        return self._by_geonameid

    def latin(self) -> dict[str, list[int]]:
        if self._latin is None:
            idx: dict[str, list[int]] = defaultdict(list)
            for i, p in enumerate(self.places):
                for n in (p.name_en, p.name_ascii, *p.alt_names):
                    if n and not has_arabic(n):
                        k = name_key(n)
                        if len(k) >= 3 and (not idx[k] or idx[k][-1] != i):
                            idx[k].append(i)
            self._latin = dict(idx)
        return self._latin

    @classmethod
    def get(cls) -> ArabicIndex:
        if cls._instance is None:
            with cls._lock:
                if cls._instance is None:
                    cls._instance = cls()
        return cls._instance


# --- tokens -------------------------------------------------------------------------------------

_WORD = re.compile(r"[\u0621-\u064a\u0671-\u06d3\u06fa-\u06ff]+|[0-9]+|[^\W\d_]+")
_ARABIC_WORD = re.compile(r"[\u0621-\u064a\u0671-\u06d3\u06fa-\u06ff]+")
_HARD = re.compile(r"[.!?:;()\[\]{}|\n\t<>«»—–/]|\s-\s|\s-|-\s")


_QUOTES = "\"'“”„«»‹›"


@dataclass(slots=True)
class _Tok:
    start: int  # folded offsets
    end: int
    text: str  # folded, normalised (_norm_word)
    arabic: bool
    gap: str  # what separates it from the token before: "soft", "comma" or "hard"
    conj: bool  # starts with the conjunction و (or ف)
    readings: tuple[str, ...] = ()
    quoted: bool = False  # a quotation mark right before it

    def bases(self) -> tuple[str, ...]:
        """The word and its readings without proclitics."""
        return self.readings


@lru_cache(maxsize=65536)
def _readings(word: str) -> tuple[str, tuple[str, ...]]:
    """A folded Arabic word, normalised, and its readings without proclitics."""
    norm = _norm_word(word)
    if len(norm) <= 2:
        return norm, (norm,)
    readings = dict.fromkeys(strip_clitics(norm))
    if norm[:1] in "وف" and len(readings) > 1:
        # a conjunction before a preposition ("وبالشحيل", "وللرقة"): read the rest again
        for r in strip_clitics(norm[1:])[1:]:
            readings.setdefault(r, None)
    ordered = sorted(readings, key=len, reverse=True)
    return norm, tuple(_norm_word(r) for r in ordered)


def _tokens(folded: str) -> list[_Tok]:
    out: list[_Tok] = []
    prev_end = 0
    for m in _WORD.finditer(folded):
        w = m.group()
        arabic = bool(_ARABIC_WORD.fullmatch(w))
        gap_text = folded[prev_end : m.start()]
        if not out or _HARD.search(gap_text):
            gap = "hard"
        elif "," in gap_text:
            gap = "comma"
        else:
            gap = "soft"
        if arabic:
            norm, readings = _readings(w)
        else:
            norm, readings = w, (w,)
        quoted = any(q in gap_text for q in _QUOTES)
        out.append(_Tok(m.start(), m.end(), norm, arabic, gap, norm[:1] in "وف", readings, quoted))
        prev_end = m.end()
    return out


def _in(tok: _Tok, vocabulary: frozenset[str] | dict[str, str]) -> str | None:
    """The first reading of `tok` in `vocabulary`, if any."""
    for r in tok.readings:
        if r in vocabulary:
            return r
    return None


# --- mentions -----------------------------------------------------------------------------------


@dataclass(slots=True)
class _M:
    i: int
    j: int
    key: str
    reading: str  # the first word as matched, proclitics off
    targets: tuple[Target, ...]
    prep: bool = False  # a preposition or a proclitic ب/ل before it, or a hashtag
    hashtag: bool = False  # written as a hashtag ("#سراقب")
    kind: str | None = None  # place word before it (PLACE_TYPES value)
    listed: bool = False  # the place word came before an earlier member of its list
    direction: bool = False  # a compass word before it
    site: bool = False  # a city-site word before it ("مطار حلب")
    after_dir: bool = False  # a compass adjective after it ("ريف حلب الشمالي")
    drop: bool = False
    host: _M | None = None
    host_dir: str = ""  # compass directions from the host ("X جنوبي Y", "X بريف Y الغربي")
    host_admin: bool = False  # "X التابعة لمدينة Y": administered from Y, maybe far from it
    group: int = -1
    loose: bool = False  # matched by a looser spelling (emphatic letters, long vowels)
    chosen: Target | None = None
    precision: str | None = None
    score: float = 0.0
    ambiguous: bool = False
    strong: bool = field(default=False)


# Words that are no name on their own (place words, compass words, name-building words).
_NEVER_ALONE = frozenset(PLACE_TYPES) | HOST_LINKS | DIRECTIONS | DIRECTION_ADJECTIVES | NAME_PARTS


def _match_at(idx: ArabicIndex, toks: Sequence[_Tok], i: int) -> _M | None:
    t = toks[i]
    if not t.arabic:
        return None
    run = 1
    while (
        run < _MAX_TOKENS
        and i + run < len(toks)
        and toks[i + run].arabic
        and toks[i + run].gap == "soft"
    ):
        run += 1
    # one-letter words (abbreviations, letters split by tatweel) are no part of a name
    for n in range(run):
        if len(toks[i + n].text) < 2:
            run = n
            break
    if run == 0 or t.text in PLACE_PREPOSITIONS:
        return None
    if any(r in _NEVER_ALONE or r in PLACE_PREPOSITIONS for r in t.readings[1:]):
        return None  # "بريف" is ب + ريف, not a village named بريف
    best: _M | None = None
    for r in t.readings:
        if r != t.text and len(r) < 3:
            continue
        if r in NOT_NAMES:
            continue
        for n in range(run if r in idx.first_words else 1, 0, -1):
            key = r + "".join(x.text for x in toks[i + 1 : i + n])
            targets = idx.by_key.get(key)
            if not targets:
                continue
            if n == 1 and r in _NEVER_ALONE:
                break
            if n == 1 and _prefix_of(t, r).endswith("ال"):
                # "السورية" is the adjective, not "سورية" the country
                targets = tuple(x for x in targets if x.kind != COUNTRY)
                if not targets:
                    break
            if best is None or n > best.j - best.i:
                best = _M(i, i + n, key, r, targets)
            break
    return best


_LOOSE_LETTERS = str.maketrans({"ص": "س", "ط": "ت", "ض": "د", "ظ": "ز", "ذ": "ز", "ث": "ت"})
_LONG_VOWELS = re.compile(r"(?<=.)ا")
_DOUBLED = re.compile(r"(.)\1+")


def loose_key(key: str) -> str:
    """A looser key for spellings that the gazetteer and the news write differently: the
    article, alef after the first letter, a final ه dropped; emphatic letters read as
    their plain ones (ص س, ط ت, ض د, ظ ز, ذ ز, ث ت); doubled letters once ("كنصفرة" and
    "كنسفرة", "معارة" and "معرة" meet)."""
    k = key[2:] if key.startswith("ال") and len(key) > 4 else key
    k = _LONG_VOWELS.sub("", k.translate(_LOOSE_LETTERS).replace("ال", ""))
    k = _DOUBLED.sub(r"\1", k)
    return k[:-1] if k.endswith("ه") and len(k) > 3 else k


def _loose_at(idx: ArabicIndex, toks: Sequence[_Tok], i: int) -> _M | None:
    """A name right after a place word ("قرية X") that only a looser spelling finds."""
    t = toks[i]
    if i == 0 or not t.arabic or t.gap != "soft" or _in(toks[i - 1], PLACE_TYPES) is None:
        return None
    for n in (2, 1):
        if i + n > len(toks) or any(
            not x.arabic or x.gap != "soft" or len(x.text) < 2 for x in toks[i : i + n]
        ):
            continue
        for r in t.readings[:2]:
            if r in _KNOWN_WORDS or r in NOT_NAMES or r in _NEVER_ALONE or len(r) < 3:
                continue
            key = r + "".join(x.text for x in toks[i + 1 : i + n])
            lk = loose_key(key)
            if len(lk) < 3:
                continue
            targets = idx.loose().get(lk)
            if targets:
                return _M(i, i + n, key, r, targets, loose=True)
    return None


def _find(idx: ArabicIndex, toks: Sequence[_Tok]) -> list[_M]:
    out: list[_M] = []
    i = 0
    while i < len(toks):
        m = _match_at(idx, toks, i) or _loose_at(idx, toks, i)
        if m is None:
            i += 1
            continue
        out.append(m)
        i = m.j
    return out


def _prefix_of(tok: _Tok, reading: str) -> str:
    """The proclitics of `tok` before `reading`."""
    if tok.text.endswith(reading):
        return tok.text[: len(tok.text) - len(reading)]
    return tok.text[:2]  # "للرقه" read as "الرقه"


def _cues(toks: Sequence[_Tok], m: _M, folded: str, starts: dict[int, _M]) -> None:
    """Read the words before and after the name."""
    first = toks[m.i]
    prefix = _prefix_of(first, m.reading)
    if any(c in "بلك" for c in prefix.replace("ال", "")):
        m.prep = True
    if first.start > 0 and folded[first.start - 1] == "#":
        m.prep = m.hashtag = True
    k = m.i - 1
    nearest_type = True
    while k >= 0 and m.i - k <= 4 and toks[k + 1].gap == "soft" and toks[k].arabic:
        tk = toks[k]
        if (kind_word := _in(tk, PLACE_TYPES)) is not None:
            kind = PLACE_TYPES[kind_word]
            if nearest_type:
                m.kind = kind
                nearest_type = False
            elif kind == "countryside" and m.kind == "city":
                m.kind = "countryside_city"  # "ريف مدينة X"
            if any(c in "بل" for c in _prefix_of(tk, kind_word)):
                m.prep = True
        elif _in(tk, DIRECTIONS) is not None:
            m.direction = m.direction or m.kind is None
        elif _in(tk, DIRECTION_ADJECTIVES) is not None and k > 0:
            pass  # "الريف الشمالي لـ X"
        elif _in(tk, PLACE_PREPOSITIONS) is not None:
            m.prep = True
            break
        elif _in(tk, CITY_SITES) is not None and k == m.i - 1:
            m.site = True
            break
        elif k == m.i - 1 and (
            _in(tk, PERSON_BEFORE) is not None
            or tk.text in GIVEN_NAMES
            or _in(tk, ORG_BEFORE) is not None
        ):
            m.drop = True
            break
        elif k == m.i - 1 and tk.text in NAME_PARTS and not first.conj:
            m.drop = True  # "تل X" unknown: not the place X
            break
        elif not (first.conj and nearest_type and _in(tk, NOT_NAMES) is None):
            break
        # else: "قريتي تل معروف وخزنة": the earlier members of the list, unknown or not
        k -= 1
    if m.j < len(toks) and toks[m.j].gap == "soft" and toks[m.j].arabic:
        nxt = toks[m.j]
        if nxt.text in ORG_AFTER:
            m.drop = True
        elif nxt.text in DIRECTION_ADJECTIVES:
            m.after_dir = True
        elif nxt.text in ("بن", "ابن", "بنت"):
            m.drop = True
        elif _name_goes_on(toks, m.j, starts):
            m.drop = True  # "قرية جديد بكارة بريف …": a longer, unknown name


_KNOWN_WORDS = (
    COMMON_WORDS
    | HOST_LINKS
    | DIRECTIONS
    | DIRECTION_ADJECTIVES
    | PLACE_PREPOSITIONS
    | ORG_AFTER
    | frozenset(PLACE_TYPES)
)
_LINK_WORDS = HOST_LINKS | DIRECTIONS | frozenset(PLACE_TYPES)
# Adjectives after a name: relative adjectives ("الجامعي", "الحدودية") and feminine
# participles ("المحتلة", "المحاصرة").
_MODIFIER = re.compile(r"ال\w{2,}(?:ي|يه|يين|يون)|الم\w{3,}ه")


def _name_goes_on(toks: Sequence[_Tok], k: int, starts: dict[int, _M]) -> bool:
    """Is the word at `k`, right after a name, the rest of a longer unknown name? It is when it
    is no known word nor a name's start, and a place link ("بريف", "شرقي", "في") or the end of
    the phrase comes right after it."""
    nxt = toks[k]
    if _in(nxt, _KNOWN_WORDS) is not None or nxt.text in GIVEN_NAMES:
        return False
    if nxt.conj or nxt.quoted or _MODIFIER.fullmatch(nxt.text):
        return False  # "X ومحيطها", 'X "Y"', "X المحتلة", "X الجامعي": no part of the name
    after_match = starts.get(k)
    if after_match is not None and (
        after_match.reading != nxt.text or any(t.kind != WOF for t in after_match.targets)
    ):
        return False  # "… الموصل بالعراق": the next name, with its preposition, holds this one
    if k + 1 >= len(toks):
        return True
    after = toks[k + 1]
    return after.gap != "soft" or not after.arabic or _in(after, _LINK_WORDS) is not None


def _link_hosts(toks: Sequence[_Tok], ms: list[_M]) -> None:
    """Lists ("قرى X وY وZ") and the place each name is said to be in ("X بريف Y")."""
    group = 0
    for a, b in itertools.pairwise(ms):
        between = toks[a.j : b.i]
        gaps = [t.gap for t in toks[a.j : b.i + 1]]
        if "hard" in gaps:
            a.group = a.group if a.group >= 0 else group
            group += 1
            continue
        # a list: "X وY", "X، Y", "X و Y"
        if (not between and (toks[b.i].conj or gaps == ["comma"])) or (
            [t.text for t in between] in (["و"], ["او"]) and "comma" not in gaps
        ):
            if a.group < 0:
                a.group = group
            b.group = a.group
            continue
        if a.group < 0:
            a.group = group
        group += 1
        links = _host_words(between)
        if links is not None:
            if "comma" in gaps and not _is_area(b):
                continue
            b_first = toks[b.i]
            linked = bool(links) or any(c in "بل" for c in _prefix_of(b_first, b.reading))
            if linked:
                a.host = b
                a.host_dir = _compass([*links, *toks[b.j : b.j + 2]])
                a.host_admin = any(t.readings[-1] in _ADMIN_LINKS for t in links)
    if ms and ms[-1].group < 0:
        ms[-1].group = group
    # spread the place word of a list's first member, and the host of its last
    members: dict[int, list[_M]] = defaultdict(list)
    for m in ms:
        members[m.group].append(m)
    for g in members.values():
        if len(g) < 2:
            continue
        head, tail = g[0], g[-1]
        for m in g[1:]:
            if m.kind is None and head.kind is not None and not _day_word(m):
                # (a weekday or a month after a comma is the date, not a member:
                # "بلدة سرمين، الجمعة،")
                m.kind, m.listed = head.kind, True
                m.prep = m.prep or head.prep
        if tail.host is not None:
            for m in g[:-1]:
                if m.host is None:
                    m.host, m.host_dir = tail.host, tail.host_dir


_DAY_WORDS = frozenset(norm_word(w) for w in ARABIC_WEEKDAYS) | frozenset(
    norm_word(w) for month in ARABIC_MONTHS for w in month.split()
)


def _day_word(m: _M) -> bool:
    """Whether the one-word name is a weekday's, a month's or a part of the day's (with or
    without its article)."""
    return m.j - m.i == 1 and (
        m.reading in _DAY_WORDS or f"ال{m.reading}" in _DAY_WORDS or m.reading in DAY_PARTS
    )


def _is_link(t: _Tok) -> bool:
    return (
        _in(t, HOST_LINKS) is not None
        or _in(t, DIRECTIONS) is not None
        or t.text in DIRECTION_ADJECTIVES
        or t.text.isdigit()
    )


_ADMIN_LINKS = frozenset(fold_key(w) for w in ("التابعة", "التابع", "تابعة", "تابع"))


def _host_words(between: Sequence[_Tok]) -> list[_Tok] | None:
    """The linking words between a name and the place it is said to be in, or None when the
    words between are no such link. Unknown further members of a list may come first ("قرى X
    وY بريف Z": Y is no known name; X is still in Z)."""
    k = 0
    while k < len(between) and k < 4 and not _is_link(between[k]):
        t = between[k]
        if not (t.conj or t.text in ("و", "او") or (k > 0 and between[k - 1].text == "و")):
            return None
        k += 1
    rest = between[k:]
    if len(rest) > 4 or not all(_is_link(t) for t in rest):
        return None
    if k and not rest:
        return None
    return list(rest)


_COMPASS = {
    norm_word(w): d
    for d, ws in {
        "n": "شمال شمالي الشمالي الشمالية",
        "s": "جنوب جنوبي الجنوبي الجنوبية",
        "e": "شرق شرقي الشرقي الشرقية",
        "w": "غرب غربي الغربي الغربية",
    }.items()
    for w in ws.split()
}


def _compass(words: Sequence[_Tok]) -> str:
    """The compass directions the words name ("شمال شرقي" → "ne")."""
    out = ""
    for t in words:
        d = _in(t, _COMPASS)
        if d is not None and _COMPASS[d] not in out:
            out += _COMPASS[d]
    return out


def _direction_fit(lat: float, lon: float, ref: tuple[float, float], dirs: str) -> int:
    """+1 when a point lies in every direction `dirs` from `ref`, -1 when it lies opposite."""
    ok = True
    for d in dirs:
        delta = {"n": lat - ref[0], "s": ref[0] - lat, "e": lon - ref[1], "w": ref[1] - lon}[d]
        if delta < -0.02:
            return -1
        ok = ok and delta > 0.02
    return 1 if ok else 0


def _is_area(m: _M) -> bool:
    return any(t.kind in (GOV, COUNTRY) for t in m.targets) or m.kind in (
        "governorate",
        "countryside",
    )


# --- resolution ---------------------------------------------------------------------------------


@dataclass(slots=True)
class _Evidence:
    country: str = "SY"
    govs: Counter[str] = field(default_factory=Counter)  # canonical admin1 → weight
    points: list[tuple[int, float, float]] = field(default_factory=list)  # (mention id, lat, lon)
    districts: set[tuple[str, str]] = field(default_factory=set)  # (admin1, admin2) named


def _gov_sense(idx: ArabicIndex, m: _M) -> bool:
    """Is a governorate-named mention the governorate (True) or its capital city (False)?"""
    govs = [t.gov for t in m.targets if t.kind == GOV]
    if not govs:
        return False
    gov = govs[0]
    if gov in _CITY_GOVERNORATES and m.kind not in ("countryside", "governorate"):
        return False
    if m.kind in ("city", "neighbourhood", "camp", "countryside_city") or m.site:
        return gov not in idx.capital
    return True


def _candidates(idx: ArabicIndex, m: _M) -> list[int]:
    return [t.index for t in m.targets if t.kind == WOF]


def _score(idx: ArabicIndex, i: int, ev: _Evidence, own: int) -> float:
    p = idx.places[i]
    s = idx._size(i) / 2
    a1 = _area(idx.admin1[i])
    if a1 and ev.govs.get(a1):
        s += 3 + min(ev.govs[a1], 3) / 3
    near = [distance_km(p.lat, p.lon, lat, lon) for mid, lat, lon in ev.points if mid != own]
    if near:
        d = min(near)
        s += 2.5 if d <= 30 else 1.5 if d <= 80 else 0
    if p.country == ev.country:
        s += 1.5
    if p.admin2 and (idx.admin1[i] or "", p.admin2) in ev.districts:
        s += 1  # in a district (mintaqa) the text names a place of
    if p.feature_code in ("PPLQ", "PPLW", "PPLH"):
        s -= 1
    return s


def _fits(idx: ArabicIndex, i: int, ev: _Evidence, own: int) -> bool | None:
    """Does a candidate fit the text's other places: True when it lies in a governorate the
    text names or near one of its places, None when the text names no other place in the
    country, False otherwise."""
    p = idx.places[i]
    if p.country != ev.country:
        return False
    if not ev.govs and not [1 for mid, _, _ in ev.points if mid != own]:
        return None
    a1 = _area(idx.admin1[i])
    if a1 and ev.govs.get(a1):
        return True
    return any(
        distance_km(p.lat, p.lon, lat, lon) <= 60 for mid, lat, lon in ev.points if mid != own
    )


def _host_filter(idx: ArabicIndex, m: _M, cands: list[int]) -> list[int] | None:
    """The candidates inside the place named after the mention (None: no host to check)."""
    h = m.host
    if h is None or h.drop or h.chosen is None:
        return None
    t = h.chosen
    if t.kind == GOV:
        name = _area(governorate_name(*t.gov))
        inside = [i for i in cands if _area(idx.admin1[i]) == name]
        ref = _host_point(idx, m) if m.host_dir else None
        if inside or ref is None:
            return inside
        # "X جنوبي إدلب" also names places just across the governorate's border
        return [
            i
            for i in cands
            if _direction_fit(idx.places[i].lat, idx.places[i].lon, ref, m.host_dir) > 0
            and distance_km(idx.places[i].lat, idx.places[i].lon, *ref) <= 100
        ]
    if t.kind == COUNTRY:
        return [i for i in cands if idx.places[i].country == t.iso]
    if t.kind == WOF:
        hp = idx.places[t.index]
        if h.precision == "governorate":
            name = _area(idx.admin1[t.index])
            return [i for i in cands if _area(idx.admin1[i]) == name]
        if m.host_admin:
            name = _area(idx.admin1[t.index])
            return [i for i in cands if _area(idx.admin1[i]) == name]
        # "X قرب Y": close by; "X غرب Y": maybe a district away
        radius = 120 if m.host_dir else 40
        return [
            i
            for i in cands
            if distance_km(idx.places[i].lat, idx.places[i].lon, hp.lat, hp.lon) <= radius
        ]
    if t.kind == REGION:
        e = Gazetteer.get().entries[t.index]
        return [i for i in cands if _area(idx.admin1[i]) == _area(e.admin1)]
    return None


def _host_point(idx: ArabicIndex, m: _M) -> tuple[float, float] | None:
    """The point that the compass words after a name are relative to: the host town, or the
    capital of the host governorate."""
    h = m.host
    if h is None or h.chosen is None:
        return None
    t = h.chosen
    if t.kind == GOV:
        cap = idx.capital.get(t.gov)
        if cap is None:
            return None
        return idx.places[cap].lat, idx.places[cap].lon
    if t.kind == WOF:
        return idx.places[t.index].lat, idx.places[t.index].lon
    return None


def _is_risky(idx: ArabicIndex, m: _M) -> bool:
    """A name that reads as a common word or a person's name."""
    words = m.key if m.j - m.i == 1 else None
    if words is not None:
        r = m.reading
        return r in COMMON_WORDS or r in GIVEN_NAMES or len(r) <= 3 or m.key in COMMON_WORDS
    # several words: a person's name when every word is a given name or "عبد"/"ابو"
    return False


def _person_like(toks: Sequence[_Tok], m: _M) -> bool:
    ws = [m.reading, *(t.text for t in toks[m.i + 1 : m.j])]
    return len(ws) >= 2 and all(
        w in GIVEN_NAMES or w in PERSON_NAME_PARTS or w.removeprefix("ال") in GIVEN_NAMES
        for w in ws
    )


def _resolve(idx: ArabicIndex, toks: Sequence[_Tok], ms: list[_M], ev: _Evidence) -> None:
    """Choose each mention's target and decide whether it is kept (right to left, so that the
    place a name is said to be in is resolved first)."""
    for m in reversed(ms):
        m.chosen, m.precision, m.ambiguous = None, None, False
        if m.drop:
            continue
        kinds = {t.kind for t in m.targets}
        typed = m.kind is not None
        if COUNTRY in kinds and not typed:
            m.chosen = next(t for t in m.targets if t.kind == COUNTRY)
            m.precision, m.score = "country", 0.9
            continue
        if REGION in kinds and (typed or m.reading not in COMMON_WORDS or m.j - m.i > 1):
            m.chosen = next(t for t in m.targets if t.kind == REGION)
            m.precision, m.score = None, 0.85
            continue
        if GOV in kinds:
            gov = next(t for t in m.targets if t.kind == GOV)
            if m.kind == "countryside" and gov.gov == _DAMASCUS:
                gov = Target(GOV, gov=_RIF_DIMASHQ)  # "بريف دمشق": a governorate of its own
            if (
                m.reading in GOVERNORATES_NEED_CONTEXT
                and ev.country != "IQ"
                and m.kind != "governorate"
            ):
                m.drop = True  # Iraqi governorates named like people ("صلاح الدين")
                continue
            if _gov_sense(idx, m) or (gov.gov[0] != ev.country and not typed):
                # (a governorate of the other country named in passing — "شارع بغداد" in
                # Aleppo — is no point either)
                m.chosen, m.precision, m.score = gov, "governorate", 0.9
                continue
            cap = idx.capital.get(gov.gov)
            if cap is not None:
                m.chosen, m.precision, m.score = Target(WOF, cap), "town", 0.9
                continue
        if m.kind == "governorate" and not m.listed:
            # "محافظة الحديدة", "محافظة جنين": a governorate of another country, not the village
            # of Syria or Iraq that shares its name
            m.drop = True
            continue
        cands = _candidates(idx, m)
        if not cands:
            m.drop = True
            continue
        hosted = _host_filter(idx, m, cands)
        if hosted == [] and not m.loose:
            # none of that spelling lies there: a looser spelling may ("قرية صكيرو شرقي عين
            # عيسى" is the gazetteer's سكيرو)
            loose = [t.index for t in idx.loose().get(loose_key(m.key), ()) if t.kind == WOF]
            hosted = _host_filter(idx, m, loose)
            m.loose = bool(hosted)
        if hosted is not None:
            if not hosted:
                m.drop = True  # another place of that name than the gazetteer's
                continue
            cands = hosted
        own = id(m)
        scores = {i: _score(idx, i, ev, own) for i in cands}
        ref = _host_point(idx, m) if m.host_dir and len(cands) > 1 else None
        if ref is not None:
            for i in cands:
                p = idx.places[i]
                scores[i] += 1.5 * _direction_fit(p.lat, p.lon, ref, m.host_dir)
        ranked = sorted(cands, key=lambda i: -scores[i])
        best = ranked[0]
        bp = idx.places[best]
        rivals = [
            i
            for i in ranked[1:]
            if scores[i] >= scores[best] - 1.0
            and distance_km(idx.places[i].lat, idx.places[i].lon, bp.lat, bp.lon) > 15
        ]
        m.ambiguous = bool(rivals)
        # --- is the evidence enough? ---
        strong = typed or hosted is not None
        major = idx.major(best)
        multi = m.j - m.i >= 2 or len(m.reading) >= 8
        fits = _fits(idx, best, ev, own)
        if m.loose:
            # a loose spelling: only where the text places it and nothing else competes
            m.drop = m.ambiguous or not (hosted or fits is True)
        elif _person_like(toks, m) and not typed:
            m.drop = True
        elif _is_risky(idx, m):
            m.drop = not typed
        elif strong and (typed or m.prep or m.direction or multi):
            m.drop = bp.country != ev.country and hosted is None
        elif strong:
            # a bare word before "في ريف Y": still a word unless the place is unambiguous
            m.drop = m.ambiguous or (len(cands) > 1 and not major)
        elif m.hashtag and len(cands) == 1 and fits is not False:
            m.drop = False  # "#سراقب": a hashtag of the one place of that name
        elif m.prep or m.direction or m.site:
            # a one-word minor name needs the text's other places to agree with it
            m.drop = not (fits is True or (fits is None and (major or multi))) or (
                m.ambiguous and not major
            )
        else:
            m.drop = not ((fits is True or (fits is None and major)) and (major or multi)) or (
                m.ambiguous
            )
        if m.drop:
            continue
        m.chosen = Target(WOF, best)
        m.strong = strong
        if m.kind in ("countryside", "subdistrict", "area", "countryside_city") or (
            m.direction and not typed
        ):
            m.precision = "district"
        elif m.kind == "neighbourhood" or bp.placetype == "neighbourhood":
            m.precision = "neighbourhood"
        else:
            m.precision = "town"
        score = 0.9 if strong else 0.75 if (m.prep or major) else 0.6
        if m.loose:
            score = 0.6
        if m.ambiguous:
            score -= 0.15
        m.score = round(score, 3)


def _evidence(idx: ArabicIndex, ms: Sequence[_M], base: _Evidence | None = None) -> _Evidence:
    ev = _Evidence()
    countries: dict[str, float] = {"SY": 0.0, "IQ": 0.0}
    for m in ms:
        if m.drop or m.chosen is None:
            continue
        t = m.chosen
        if t.kind == COUNTRY:
            if t.iso in countries:
                countries[t.iso] += 0.5
        elif t.kind == GOV:
            name = governorate_name(*t.gov)
            if name:
                ev.govs[_area(name) or name] += 2
                countries[t.gov[0]] += 1
        elif t.kind == WOF:
            i = t.index
            p = idx.places[i]
            if m.strong or idx.major(i):
                a1 = _area(idx.admin1[i])
                if a1 and not m.ambiguous:
                    ev.govs[a1] += 1
                    if p.admin2:
                        ev.districts.add((idx.admin1[i] or "", p.admin2))
                ev.points.append((id(m), p.lat, p.lon))
                countries[p.country] = countries.get(p.country, 0.0) + 1
        elif t.kind == REGION:
            e = Gazetteer.get().entries[t.index]
            if e.admin1:
                ev.govs[_area(e.admin1) or e.admin1] += 1
            if e.lat is not None and e.lon is not None:
                ev.points.append((id(m), e.lat, e.lon))
    if base is not None:
        for g, w in base.govs.items():
            ev.govs[g] += w
    # Syria unless the text clearly speaks of Iraq (Iraqi places named in passing do not count)
    ev.country = "IQ" if countries["IQ"] > 1.5 * countries["SY"] + 0.5 else "SY"
    if base is not None and not any(countries.values()):
        ev.country = base.country
    return ev


def _capital_fallback(idx: ArabicIndex, ms: Sequence[_M]) -> None:
    """A governorate capital's bare name is the city when the text says nothing that makes it
    the province: no "ريف X", "محافظة X" or compass word with it anywhere, no list of
    governorates, and no other place with a point."""
    kept = [m for m in ms if not m.drop and m.chosen is not None]
    located: set[str | None] = set()
    area_sense: set[tuple[str, str]] = set()
    sizes = Counter(m.group for m in kept)
    for m in kept:
        assert m.chosen is not None
        t = m.chosen
        if t.kind == WOF:
            located.add(_area(idx.admin1[t.index]))
        elif t.kind == REGION:
            located.add(_area(Gazetteer.get().entries[t.index].admin1))
        elif t.kind == GOV and (
            m.kind is not None or m.direction or m.after_dir or sizes[m.group] > 1
        ):
            area_sense.add(t.gov)
    if located:
        return
    for m in kept:
        assert m.chosen is not None
        t = m.chosen
        if t.kind != GOV or t.gov in area_sense or t.gov not in idx.capital:
            continue
        m.chosen, m.precision, m.score = Target(WOF, idx.capital[t.gov]), "town", 0.6


# Singular words for a neighbourhood ("حي X", "حارة X"): a plural ("الأحياء السكنية") names
# no one neighbourhood.
_NEIGHBOURHOOD_WORDS = frozenset(fold_key(w) for w in ("حي", "حارة", "الحي"))


def _unknown_neighbourhoods(
    idx: ArabicIndex, toks: Sequence[_Tok], ms: Sequence[_M], folded: Folded, text: str
) -> list[PlaceMention]:
    """ "حي X في مدينة Y" where the gazetteer lacks X: a neighbourhood of Y, at Y's point."""
    out: list[PlaceMention] = []
    taken = {k for m in ms for k in range(m.i, m.j)}
    kept = {m.i: m for m in ms if not m.drop and m.chosen is not None}
    for k, t in enumerate(toks[:-2]):
        if (
            t.text.removeprefix("و") not in _NEIGHBOURHOOD_WORDS
            and _in(t, _NEIGHBOURHOOD_WORDS) is None
        ):
            continue
        # the unknown name: one or two words right after the place word
        e = k + 1
        while (
            e < len(toks)
            and e - k <= 2
            and e not in taken
            and toks[e].arabic
            and toks[e].gap == "soft"
            and len(toks[e].text) > 1
            and not _is_link(toks[e])
            and _in(toks[e], PLACE_PREPOSITIONS) is None
            and _in(toks[e], NOT_NAMES) is None
            and not (e == k + 1 and _MODIFIER.fullmatch(toks[e].text))
        ):
            e += 1
        if e == k + 1:
            continue
        for n in range(e, min(len(toks), e + 4)):
            if toks[n].gap == "hard":
                break
            city = kept.get(n)
            if city is None:
                if _is_link(toks[n]):
                    continue
                break
            if all(_is_link(x) for x in toks[e:n]) and (n > e or toks[n].text != city.reading):
                point = _city_point(idx, city)
                if point is not None:
                    place = _place(idx, city)
                    if place.lat is not None and place.lon is not None:
                        point = (place.lat, place.lon)
                    s, end = folded.span(toks[k + 1].start, toks[e - 1].end)
                    name = " ".join(text[s:end].split())
                    out.append(
                        PlaceMention(
                            s,
                            end,
                            Place(
                                name=f"{name}, {place.name}",
                                lat=point[0],
                                lon=point[1],
                                admin1=place.admin1,
                                country=place.country,
                                precision="neighbourhood",
                            ),
                            0.6,
                        )
                    )
            break
    return out


def _city_point(idx: ArabicIndex, m: _M) -> tuple[float, float] | None:
    """The point of a mention that names a town or city (a governorate: its capital)."""
    assert m.chosen is not None
    t = m.chosen
    if t.kind == WOF and m.precision in ("town", "district"):
        return idx.places[t.index].lat, idx.places[t.index].lon
    if t.kind == GOV and t.gov in idx.capital:
        cap = idx.places[idx.capital[t.gov]]
        return cap.lat, cap.lon
    return None


# --- places -------------------------------------------------------------------------------------


def _clean(name: str) -> str:
    return " ".join(re.sub(r"[`‘’ʿʾ]", "", name).split()).strip("'")


# direction marks and embeddings a source's name may carry, and the punctuation a name list
# leaves at either end ("مجدل شمس.‎")
_NAME_NOISE = re.compile(r"[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_NAME_ENDS = " .,;:،؛"


def _tidy(name: str) -> str:
    return " ".join(_NAME_NOISE.sub("", name).split()).strip(_NAME_ENDS)


def _place(idx: ArabicIndex, m: _M) -> Place:
    assert m.chosen is not None
    t = m.chosen
    gaz = Gazetteer.get()
    if t.kind == COUNTRY:
        c = gaz.country(t.iso)
        if c is not None:
            return c.to_place(precision="country")
        return Place(name=t.iso, country=t.iso, precision="country")
    if t.kind == GOV:
        country, code = t.gov
        name = governorate_name(country, code) or code
        return Place(name=name, admin1=name, country=country, precision="governorate")
    if t.kind == REGION:
        e = gaz.entries[t.index]
        place = e.to_place()
        return replace(place, lat=None, lon=None) if e.kind == "area" else place
    i = t.index
    p = idx.places[i]
    precision = m.precision or "town"
    english = idx.english.get(p.geonameid) if p.geonameid else None
    if english is not None:
        return english.to_place(precision=precision)
    return Place(
        name=_clean(p.name_ascii or p.name_en),
        lat=p.lat,
        lon=p.lon,
        geonameid=p.geonameid,
        admin1=idx.admin1[i],
        country=p.country,
        precision=precision,
    )


# --- the public functions -----------------------------------------------------------------------


_BROKEN_WORD = re.compile(r"(?<=ـ)[\s._\-]{1,3}(?=ـ)")


@lru_cache(maxsize=8)
def _document(text: str, hint: tuple[str, ...] = ()) -> tuple[PlaceMention, ...]:
    """Every Arabic place mention of `text` (the whole text is the context)."""
    idx = ArabicIndex.get()
    # Words broken up with tatweel to get past moderation ("استـ ـهـ ـداف", "تقـ.ـصف") are
    # joined again: the break between two tatweels becomes one more (offsets unchanged).
    folded: Folded = fold(_BROKEN_WORD.sub(lambda b: "ـ" * len(b.group()), text))
    toks = _tokens(folded.text)
    ms = _find(idx, toks)
    if idx.abroad:
        # a town of another theatre counts only where the text names that theatre
        named = {t for t, cue in _ABROAD_CUES.items() if cue.search(text)}
        for m in ms:
            kept = tuple(
                t
                for t in m.targets
                if not (t.kind == REGION and idx.abroad.get(t.index, "") not in ("", *named))
            )
            if not kept:
                m.drop = True
            m.targets = kept or m.targets
    starts = {m.i: m for m in ms}
    for m in ms:
        _cues(toks, m, folded.text, starts)
    _link_hosts(toks, ms)
    base = _Evidence(govs=Counter(dict.fromkeys(hint, 1))) if hint else None
    # Pass 1: what the text pins down on its own; pass 2: everything, with that evidence.
    drops = [m.drop for m in ms]
    ev = _evidence(idx, [], base)
    _resolve(idx, toks, ms, ev)
    ev = _evidence(idx, ms, base)
    for m, d in zip(ms, drops, strict=True):
        m.drop = d
    _resolve(idx, toks, ms, ev)
    _capital_fallback(idx, ms)
    out: list[PlaceMention] = list(_unknown_neighbourhoods(idx, toks, ms, folded, text))
    for m in ms:
        if m.drop or m.chosen is None:
            continue
        first = toks[m.i]
        # the span leaves out و ف ب ل ك but keeps the article ("بالباغوز" → "الباغوز"; "للرقة"
        # keeps "رقة")
        if first.text.endswith(m.reading):
            prefix = _prefix_of(first, m.reading)
            skip = len(prefix) - 2 if prefix.endswith("ال") else len(prefix)
        else:
            skip = max(first.text.find("لل"), 0) + 2
        fs, fe = first.start + min(skip, first.end - first.start - 1), toks[m.j - 1].end
        s, e = folded.span(fs, fe)
        out.append(PlaceMention(s, e, _place(idx, m), m.score))
    out.sort(key=lambda x: (x.start, x.end))
    return tuple(out)


def find_arabic_places(
    text: str, start: int = 0, end: int | None = None, *, admin1: Iterable[str] = ()
) -> list[PlaceMention]:
    """The Arabic-script place mentions of `text[start:end]`, in text order, with offsets into
    `text`.

    The whole `text` is read once for context (which governorates and places it names) and
    kept for the next calls on the same text, so reading a document sentence by sentence
    costs one reading. `admin1` (canonical governorate names known from elsewhere) counts
    only when the whole text is asked for: a range's context is the rest of its text."""
    end = len(text) if end is None else end
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"range [{start}, {end}) is outside the text (length {len(text)})")
    if not has_arabic(text[start:end]):
        return []
    whole = start == 0 and end == len(text)
    mentions = _document(text, tuple(sorted(set(admin1))) if whole else ())
    return [m for m in mentions if m.start >= start and m.end <= end]


def names_across_scripts(name: str) -> set[str]:
    """A place's names in the other script: the Arabic names of a Latin-script name ("Afrin" →
    {"عفرين"}) and the Latin names of an Arabic one ("عفرين" → {"Afrin", "Efrin", …}).

    Governorates, countries and regions answer with their own names; a town name shared by
    several places answers for the largest three of them (Syria first). Unknown names give an
    empty set."""
    idx = ArabicIndex.get()
    gaz = Gazetteer.get()
    out: set[str] = set()

    def largest(ids: Iterable[int]) -> list[WofPlace]:
        ranked = sorted(set(ids), key=lambda i: (idx.places[i].country != "SY", -idx._size(i), i))
        return [idx.places[i] for i in ranked[:3]]

    if has_arabic(name):
        targets: tuple[Target, ...] = ()
        for r in strip_clitics(index_key(name)):
            targets = idx.by_key.get(r, ())
            if targets:
                break
        for t in targets:
            if t.kind == GOV:
                gov = gaz.governorate(*t.gov)
                out.update(gov.names if gov else ())
            elif t.kind == COUNTRY:
                c = gaz.country(t.iso)
                out.update(c.names if c else ())
            elif t.kind == REGION:
                out.update(gaz.entries[t.index].names)
        wof = [t.index for t in targets if t.kind == WOF]
        if any(t.kind == COUNTRY for t in targets):
            wof = []  # villages named like a country are not what the name means
        elif govs := [t.gov for t in targets if t.kind == GOV]:
            wof = [idx.capital[g] for g in govs if g in idx.capital]
        for p in largest(wof):
            out.update(_clean(n) for n in (p.name_en, p.name_ascii, *p.alt_names) if n)
        return {tidied for n in out if (tidied := _tidy(n)) and not has_arabic(tidied)}
    for e in gaz.lookup(name):
        if e.kind == "governorate":
            out.update(GOVERNORATE_NAMES.get((e.country, e.admin1code or ""), ()))
        elif e.kind == "country":
            out.update(COUNTRY_NAMES.get(e.country, ()))
        elif e.kind in ("region", "area", "district", "site"):
            out.update(ar for ar, en in REGION_NAMES.items() if en == e.name)
        elif e.kind == "city" and e.country_rank <= 1 and not out:
            # the English gazetteer knows more Latin spellings ("Khan Sheikhoun"): its
            # GeoNames place's Arabic names, and those of the same place in Who's On First
            out.update(n for n in e.names if has_arabic(n))
            for p in largest(idx.by_geonameid().get(e.geonameid or -1, [])):
                out.update(" ".join(n.split()) for n in idx._arabic_names(p))
    for p in largest(idx.latin().get(name_key(name), [])):
        out.update(" ".join(n.split()) for n in idx._arabic_names(p))
    return {tidied for n in out if has_arabic(tidied := _tidy(n))}


def arabic_index_size() -> int:
    """How many Arabic keys the finder knows (for diagnostics)."""
    return len(ArabicIndex.get().by_key)
