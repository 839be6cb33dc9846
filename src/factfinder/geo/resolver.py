"""Finding and resolving place mentions in text.

`find_places(text, start, end, context=...)` returns every place mention of `text[start:end]`
in text order, each resolved to a `factfinder.model.Place` with a score. The steps:

1. Tokenise (`tokens.py`); runs of tokens not broken by punctuation (commas, stops, brackets,
   quotes) are candidate spans of up to `Gazetteer.max_tokens` tokens, longest first.
2. A span matches when its plain key is in the gazetteer, or — for longer names only — its
   consonant skeleton is and the spellings are similar enough. A span must start with a
   capitalised word (or an Arabic article before one); short or generic keys ("Bab", "Tal",
   "Ain", English words) need the article written ("al-Bab") to count. Where the text says the
   name is a place ("al-Tebni town", "the village of Batbo") a three-consonant skeleton of a
   Syrian town is enough.
3. Uses that are not incident places are dropped: metonyms ("the Damascus government",
   "Moscow said", "Turkey's army"), "-based"/"-backed" compounds, country names inside
   organisation names ("Islamic State of Iraq and Syria"), known names that only begin an
   unknown one ("Hamra Blassem village" is not al-Hamra) and towns that name a street ("Tal
   Abyad Street"); people ("Suleiman Al-Khalidi": a
   common given name before a surname), armed groups ("Jabhat al Shamiya", "the Shamiya Front
   rebel group", "the Yarmouk Martyrs Brigade") and broadcasters named like places
   ("Lebanese TV channel Al-Mayadin", "Al Jazeera reported", "a reporter from Al-Jazeera").
4. The words around a name set its precision (`cues.py`): "X province", "the countryside of
   X", "rural X", "X desert", plural lists ("Raqqah, Dayr al-Zawr, Aleppo and Hasakah
   provinces") and a governorate capital's bare name ("Bombardment targets Idlib and Hama")
   give governorates — areas, so their `lat`/`lon` are None (draw `boundaries()` polygons; the
   label point is `Gazetteer.get().governorate(country, code)`) — unless the text says it is
   the city ("Idlib city", "the city of Idlib", "Aleppo's neighbourhoods", "the outskirts of
   Deir Ezzor"). "Manbij countryside" and "X district" after a town give a district at the
   town's point; regions too wide for one point (the Syrian Desert) have no coordinates.
   Capitalised words before "district"/"neighbourhood" that are not in the gazetteer ("the
   Panorama district") give a neighbourhood of the city named with them or last mentioned.
   A name that only a Who's On First village bears is read only with a cue (`villages.py`):
   a place word ("Turmanin town"), a locative or a verb of attack before it, a governorate or
   a town named nearby; people's names and words villages bear ("Jamal", "Sharia") need the
   place word.
5. The place a name is said to be in ("Hader in Quneitra province", "Qassiab in Hasakeh
   province", "al-Midan … in Aleppo city", "Musherfa, Raqqa governorate", "Al Safsaf village,
   western Raqqa countryside", "X village near Tabaqa") keeps only the candidates inside it;
   with none there, a town or village of that governorate spelt otherwise is taken
   ("Musherfa" is Mushayrifah, not Daraa's al-Musayfirah); else the name is another place
   than the gazetteer's and is dropped,
   a neighbourhood moves to the city named ("X village in the northern countryside of Y"
   counts too). A line that ends on one governorate ("…, Raqqa governorate, Syria") drops
   its places read in another (`_off_the_line`); a town more than 25 km from the place ("about
   40 km east of Homs") gives its governorate, without a point. Other ambiguous names are resolved by governorates named nearby, other places
   of the text within 50 km or in the same district (an anchor), governorates in `context`,
   then by country (Syria, Iraq, neighbours; Iraq first when the text names more places only
   Iraq has than places only Syria has: "ERBIL … in Sinjar"), for a loose spelling the place spelt most
   alike ("Hamamiyyat" is Hamamiyat, not Hammamat), curated places before WOF villages, abandoned
   places last, the WOF village closest to an anchor, and population.
6. References add town-level mentions (`anaphora.py`): "the capital" (Damascus), "the city"
   (the city last named, also when it was named as a province); a group's "de facto capital"
   is never Damascus.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from rapidfuzz.distance import Indel

from factfinder.geo.anaphora import capital_city, references
from factfinder.geo.cues import apply_lists, capital_sense, qualify
from factfinder.geo.distance import distance_km
from factfinder.geo.gazetteer import THEATRE_CUES, THEATRE_PREFERRED, Gazetteer, GazetteerEntry
from factfinder.geo.normalize import name_key, soft_key
from factfinder.geo.tokens import Match, Tok, tokenise
from factfinder.geo.villages import (
    Anchor,
    admit,
    list_cue,
    near,
    wof_alike,
    wof_cue,
    wof_skeleton_ok,
)
from factfinder.geo.words import (
    CAPITALS,
    CASE_SENSITIVE,
    COMPOUND_NEXT,
    DIRECTION_ADJECTIVES,
    ENGLISH,
    GENERIC,
    GIVEN_NAMES,
    GOV_AFTER,
    GROUP_BEFORE,
    LOCATIVE_BEFORE,
    MEDIA_BEFORE,
    METONYM_HARM,
    METONYM_NEXT,
    NAME_TAIL,
    NEIGHBOURHOOD_WORDS,
    NOT_NEIGHBOURHOOD,
    ORG_AFTER,
    OUTLET_AFTER,
    OUTLET_BEFORE,
    OUTLET_KEYS,
    OUTLET_STAFF,
    PERSON_BEFORE,
    PLACE_ADJECTIVES,
)
from factfinder.mentions import PlaceMention
from factfinder.model import Place


@dataclass(frozen=True, slots=True)
class PlaceContext:
    """Document-level hints for disambiguation, carried from one call to the next.

    `country` is the ISO2 code of the country the document is about (None: Syria first, then
    Iraq, then neighbours). `admin1` lists canonical governorate names already seen, most recent
    last. `last_town` is the most recent town-level place, the parent of a bare neighbourhood.
    """

    country: str | None = None
    admin1: tuple[str, ...] = ()
    last_town: Place | None = None

    def updated(self, mentions: Iterable[PlaceMention]) -> PlaceContext:
        """This context after `mentions` (in text order) have been read."""
        admin1 = list(self.admin1)
        last_town = self.last_town
        for m in mentions:
            p = m.place
            if p.admin1 and p.precision != "country":
                if p.admin1 in admin1:
                    admin1.remove(p.admin1)
                admin1.append(p.admin1)
            if p.precision == "town" and p.lat is not None:
                last_town = p
        return replace(self, admin1=tuple(admin1[-8:]), last_town=last_town)


# --- candidate spans ----------------------------------------------------------------------------


def _weak(key: str) -> bool:
    return len(key) <= 3 or key in GENERIC or key in ENGLISH


def _acronym_aside(text: str, toks: Sequence[Tok], i: int, j: int) -> bool:
    """Whether tokens `[i, j)` are an acronym in parentheses after the name it abbreviates: the
    Syrian American Medical Society "(SAMS)" is no Samsun, whatever alternate name a place
    bears ("Afrin (ALEPPO)" is still Aleppo)."""
    if not text or j - i != 1 or not (2 <= len(toks[i].text) <= 6) or not toks[i].text.isupper():
        return False
    a, b = toks[i].start, toks[i].end
    if text[a - 1 : a] != "(" or text[b : b + 1] != ")":
        return False
    initials = "".join(t.text[0] for t in toks[max(0, i - 8) : i] if t.text[:1].isupper())
    return initials.upper().endswith(toks[i].text)


def _span_ok(toks: Sequence[Tok], i: int, j: int, key: str) -> bool:
    content = [t for t in toks[i:j] if not t.article]
    if not content or toks[j - 1].article:
        return False
    if not content[0].cap:
        return False
    last = content[-1]
    if (
        not last.cap
        and last.key not in NAME_TAIL
        # "Deir ezzor": a known multi-word name whose last word lost its capital
        and (len(content) < 2 or last.key in ENGLISH or len(last.key) < 3)
    ):
        return False
    if key in CASE_SENSITIVE:
        return all(t.text.replace(".", "").isupper() for t in content)
    if _weak(key):
        # "al-Bab", "al-Rai": written with the article, the short word is a name.
        return (toks[i].article and j - i >= 2) or content[0].prefixed
    return True


_FIRST_CLASS = str.maketrans("eiouykcq", "aaaaakkk")


def _skeleton_ok(
    gaz: Gazetteer,
    ids: Sequence[int],
    key: str,
    skel: str,
    tokens_keys: Sequence[str],
    typed: bool = False,
) -> bool:
    """Accept a skeleton-only match when the spellings are still alike.

    Skeletons collide with English words ("Mortar"/"Merter"), so a one-word match must also be
    close letter for letter and start alike, and only Syrian and Iraqi places match this way.
    When the text itself says the name is a place ("al-Tebni town", "the village of Bennesh")
    a three-consonant skeleton and a looser spelling are enough.
    """
    if len(skel) < (3 if typed else 4) or _weak(key) or any(t in ENGLISH for t in tokens_keys):
        return False
    best = 0.0
    # Three consonants match many names; typed short names are read in Syria only.
    short = len(skel) < 4
    for i in ids[:6]:
        entry = gaz.entries[i]
        if entry.country_rank > (0 if short else 1) or (short and entry.kind not in _TOWNS):
            continue
        for name in entry.names:
            other = name_key(name)
            if not other or abs(len(other) - len(key)) > 6:
                continue
            if other[0].translate(_FIRST_CLASS) != key[0].translate(_FIRST_CLASS):
                continue
            best = max(best, Indel.normalized_similarity(key, other))
    return best >= (0.75 if len(tokens_keys) == 1 else 0.6)


_PLACE_TYPES = frozenset({"town", "village", "city", "camp", "farm", "farms", "villages", "towns"})


_TOWNS = frozenset({"city", "town"})


def _skeleton_candidate(entry: GazetteerEntry, skel: str) -> bool:
    """Places a skeleton match may mean: Syrian or Iraqi, and short ones Syrian towns only."""
    if len(skel) < 4:
        return entry.country_rank == 0 and entry.kind in _TOWNS
    return entry.country_rank <= 1


def _typed(toks: Sequence[Tok], i: int, j: int, camps: bool = True) -> bool:
    """Does the text call the span a place ("X town", "the village of X", "X's villages")?

    With `camps=False` a camp is no such word: camps for the displaced bear any name ("the
    Maram camp", "al-Karama camp"), so a camp's name spelt like a village is not that village."""
    types = _PLACE_TYPES if camps else _PLACE_TYPES - _CAMPS
    if j < len(toks) and toks[j].soft_before and toks[j].key in types:
        return True
    before = [t.key for t in toks[max(0, i - 2) : i]]
    return len(before) == 2 and before[1] == "of" and before[0] in types


_CAMPS = frozenset({"camp", "camps"})


def _wof_loose(
    gaz: Gazetteer, toks: Sequence[Tok], i: int, j: int, key: str, skel: str, content: list[Tok]
) -> tuple[int, ...] | None:
    """WOF villages a capitalised span may spell loosely ("al-Kharita" for Khurayta); three
    consonants only where the text calls it a place ("Hunaida village")."""
    ids = gaz.wof_skeleton.get(skel)
    if not ids:
        return None
    short = len(skel) < 4
    if len(skel) < 3 or (short and not _typed(toks, i, j, camps=False)):
        return None
    if _weak(key) or not all(t.cap for t in content):
        return None
    if any(t.key in ENGLISH for t in content):
        return None
    alike = wof_alike(gaz, ids, key, len(content) > 1, short)
    return alike or None


# A span's tokens without articles, plain key, soft key and skeleton (see `_spans_from`).
_Span = tuple[list[Tok], str, str, str]


@lru_cache(maxsize=65536)
def _soft_token(key: str) -> str:
    return soft_key([key])


def _spans_from(toks: Sequence[Tok], i: int, stop: int) -> dict[int, _Span]:
    """The spans [i, j) for i < j <= stop: their tokens without articles, plain key, soft key
    (`soft_key`) and consonant skeleton with doubled letters single, each longer span built on
    the one before it. Token skeletons have no doubled letters, so joining two only needs the
    letter at the seam made single."""
    spans: dict[int, _Span] = {}
    content: list[Tok] = []
    key = soft = skel = ""
    for j in range(i + 1, stop + 1):
        t = toks[j - 1]
        if not t.article:
            content = [*content, t]
            key += t.key
            soft += _soft_token(t.key)
            s = t.skel
            skel += s[1:] if skel and s and skel[-1] == s[0] else s
        spans[j] = (content, key, soft, skel)
    return spans


def _find_spans(
    gaz: Gazetteer, toks: Sequence[Tok], theatres: frozenset[str] = frozenset(), text: str = ""
) -> list[Match]:
    """The longest gazetteer names in `toks`. Places of a theatre the text does not name
    (`THEATRE_CUES`) are not seen at all: "Salim" is a Syrian man, not the West Bank village,
    in a text that never mentions the West Bank."""

    def seen(ids: Sequence[int] | None) -> tuple[int, ...] | None:
        if not ids:
            return None
        kept = tuple(i for i in ids if not (e := gaz.entries[i]).needs_cue or e.theatre in theatres)
        return kept or None

    out: list[Match] = []
    n = len(toks)
    max_len = min(gaz.max_tokens + 1, 8)
    i = 0
    while i < n:
        if not (toks[i].cap or toks[i].article):
            i += 1
            continue
        # the longest run of softly joined tokens starting at i
        stop = i + 1
        while stop < n and stop - i < max_len and toks[stop].soft_before:
            stop += 1
        found: Match | None = None
        fallback: Match | None = None
        spans = _spans_from(toks, i, stop)
        # An exact (plain-key) match of any length beats a skeleton match, except a longer
        # skeleton match of a curated place: "Maarat Misrin" is Maarratmisrin, not a village
        # called "Maarat" before an unknown word.
        for how in ("key", "skeleton", "longer"):
            if how == "longer" and not (found and found.j < stop and found.how == "key"):
                break
            if how == "skeleton" and found:
                continue
            for j in range(stop, found.j if how == "longer" and found else i, -1):
                content, key, soft, skel = spans[j]
                if not content:
                    continue
                cue = ""
                if how == "key":
                    ids = seen(gaz.by_key.get(key)) or seen(gaz.by_soft.get(soft))
                    if ids and all(gaz.entries[x].wof for x in ids):
                        cue = wof_cue(toks, i, j) or ""
                        ids = ids if cue else None
                else:
                    ids = seen(gaz.by_skeleton.get(skel))
                    if (
                        ids
                        and all(t.cap for t in content)
                        and _skeleton_ok(
                            gaz,
                            ids,
                            key,
                            skel,
                            [t.key for t in content],
                            _typed(toks, i, j, camps=len(skel) >= 4),
                        )
                    ):
                        ids = tuple(x for x in ids if _skeleton_candidate(gaz.entries[x], skel))
                    elif how == "longer":
                        # A village the text calls one, spelt loosely, over a word of it that
                        # is a name of its own: "the village of Qarah Halanj" is Qarah Halinj,
                        # not Qarah in the Qalamoun before an unknown word.
                        ids = (
                            _wof_loose(gaz, toks, i, j, key, skel, content)
                            if gaz.wof_skeleton.get(skel)
                            else None
                        )
                        cue = (wof_cue(toks, i, j) or "") if ids else ""
                        ids = ids if cue == "typed" else None
                    elif gaz.wof_skeleton.get(skel):
                        ids = _wof_loose(gaz, toks, i, j, key, skel, content)
                        cue = (wof_cue(toks, i, j) or "") if ids else ""
                        ids = ids if cue in ("typed", "prep") else None
                    else:
                        ids = None  # no Who's On First village has the skeleton
                if ids and _span_ok(toks, i, j, key) and not _acronym_aside(text, toks, i, j):
                    kind = "skeleton" if how == "longer" else how
                    match = Match(i, j, ids, kind, key, wof_only=bool(cue), cue=cue, skel=skel)
                    if cue == "plain" and how == "key":
                        # a WOF village's name with no cue: a curated place's name inside
                        # it goes first ("Hamzah al-Sharqi was shelled")
                        fallback = fallback or match
                        continue
                    found = match
                    break
            if found and how != "key":
                break
        found = found or fallback
        if found:
            out.append(found)
            i = found.j
        else:
            i += 1
    return out


# --- filters and qualifiers ---------------------------------------------------------------------


@lru_cache(maxsize=16)
def theatres_named(text: str) -> frozenset[str]:
    """The theatres (`THEATRE_CUES`) whose name `text` gives anywhere."""
    return frozenset(c for c, cue in _THEATRE_PATTERNS.items() if cue.search(text))


_THEATRE_PATTERNS = {c: re.compile(p) for c, p in THEATRE_CUES.items()}


def _next_word(text: str, toks: Sequence[Tok], j: int) -> str:
    return toks[j].key if j < len(toks) and toks[j].soft_before else ""


def _is_metonym(text: str, toks: Sequence[Tok], m: Match, kinds: set[str]) -> bool:
    last = toks[m.j - 1]
    nxt_tok = toks[m.j] if m.j < len(toks) and toks[m.j].soft_before else None
    if (
        nxt_tok is not None
        and nxt_tok.key in ORG_AFTER
        and (nxt_tok.cap or nxt_tok.key not in ("center", "centre", "council", "post", "times"))
        and (nxt_tok.key != "front" or _group_word(toks, m.j + 1))
    ):
        return True  # "Al-Alam TV", "Aleppo Media Center", "the Shamiya Front rebel group"
    if (
        nxt_tok is not None
        and nxt_tok.cap
        and m.j + 1 < len(toks)
        and toks[m.j + 1].soft_before
        and toks[m.j + 1].key in _MEDIA_AFTER
    ):
        return True  # "the Halab Today TV station"
    if (
        nxt_tok is not None
        and nxt_tok.cap
        and nxt_tok.key not in GENERIC
        and m.j + 1 < len(toks)
        and toks[m.j + 1].soft_before
        and toks[m.j + 1].key in _UNIT_WORDS
    ):
        return True  # "the Yarmouk Martyrs Brigade", "the Sinjar Resistance Units": a group
    first = toks[m.i]
    if (
        m.i > 0
        and first.soft_before
        and toks[m.i - 1].key in PERSON_BEFORE
        and toks[m.i - 1].cap
        and "country" not in kinds
    ):
        return True  # "Queen Rania", "Minister Mohammed Shaar"
    if (
        m.i > 0
        and first.soft_before
        and toks[m.i - 1].cap
        and toks[m.i - 1].key in GENERIC
        and not toks[m.i].article
    ):
        return True  # "Kafr Hamra" is not "Hamra": an unknown place whose name ends alike
    if m.i > 0 and toks[m.i - 1].key in ("pro", "anti") and text[first.start - 1] in "-‐":
        return True  # "pro-Ankara factions"
    if _road_pair(text, toks, m) and not _short_road(text, toks, m):
        return True  # "the Tehran – Beirut road", "the Damascus-Aleppo highway"
    after = text[last.end : last.end + 3]
    nxt = toks[m.j].key if m.j < len(toks) else ""
    hyphen_next = after.startswith("-") and nxt in COMPOUND_NEXT
    if hyphen_next:
        return True
    possessive = bool(
        re.match(r"['’]s\b", text[last.end - 2 : last.end + 1])
    ) or last.text.endswith(("'s", "’s"))
    capital_or_country = "country" in kinds or m.key in CAPITALS
    if possessive and _BODY_AFTER.match(text, last.end, min(len(text), last.end + 40)):
        return True  # "Gaza's health ministry said": the body speaks, the place is not the scene
    if not capital_or_country:
        return False
    if m.i > 0 and toks[m.i - 1].key == "capital" and first.soft_before:
        return False  # "the Syrian Capital Damascus was due to …": the city itself
    if "country" in kinds and possessive:
        return True
    following = [t.key for t in toks[m.j : m.j + 2]]
    prev = m.i - 1
    if prev > 0 and toks[prev].key in DIRECTION_ADJECTIVES:
        prev -= 1  # "strikes in southern Lebanon killed 23"
    if (
        following
        and following[0] in METONYM_HARM
        and prev >= 0
        and toks[prev].key in LOCATIVE_BEFORE
        and not possessive
    ):
        return False  # "an airstrike near Damascus killed two": the place of the strike
    if following and following[0] in METONYM_NEXT and toks[m.j].soft_before:
        return True
    if possessive and len(following) >= 1 and following[0] in METONYM_NEXT:
        return True
    # "Islamic State of Iraq and Syria", "Islamic State in Iraq and the Levant"
    before = [t.key for t in toks[max(0, m.i - 4) : m.i]]
    return (
        "country" in kinds
        and "state" in before
        and ("islamic" in before or "of" in before or "in" in before)
    )


_MEDIA_AFTER = frozenset({"tv", "television", "channel", "radio", "network", "newspaper"})
_UNIT_WORDS = frozenset(
    {"brigade", "brigades", "battalion", "battalions", "regiment", "division", "corps", "units"}
)
_GROUP_WORDS = frozenset(
    {
        "rebel",
        "rebels",
        "group",
        "faction",
        "factions",
        "brigade",
        "fighters",
        "militants",
        "militia",
    }
)


# A body a place's possessive names: "Gaza's health ministry", "Idlib's health directorate".
_BODY_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:(?:health|interior|civil|local|media|defen[cs]e)\s+)?(?:ministry|"
    r"directorate|authorities|authority|government|officials|governor|council|police|"
    r"office|department)\b",
    re.IGNORECASE,
)


def _group_word(toks: Sequence[Tok], k: int) -> bool:
    """Does a word naming an armed group follow ("… Front rebel group", "… Front fighters")?
    "Al-Mallah Front" alone is a battle front, a place."""
    return any(t.key in _GROUP_WORDS for t in toks[k : k + 2])


def _is_clock(toks: Sequence[Tok], m: Match) -> bool:
    """Is the name a time zone ("at 5:30 p.m. (Sanaa time)", "midnight Damascus time")?"""
    return m.j < len(toks) and toks[m.j].key == "time" and toks[m.j].soft_before


def _name_goes_on(text: str, toks: Sequence[Tok], m: Match, starts: set[int]) -> bool:
    """Is the mention the first part of a longer, unknown name ("Hamra Blassem village")?

    Capitalised words that are no known name follow it, and then a word saying what the whole
    is: the place is the unknown one, not the place whose name it begins with. A possessive
    ends the name: "Sinjar's Sikeniye village" is a village of Sinjar's.
    """
    last = toks[m.j - 1]
    if text.startswith(("'s", "’s"), last.end) or last.text.endswith(("'s", "’s")):
        return False
    k = m.j
    while (
        k < len(toks)
        and k - m.j < 2
        and k not in starts
        and toks[k].soft_before
        and toks[k].cap
        and not toks[k].article
        and toks[k].key not in ENGLISH
    ):
        k += 1
    if k == m.j:
        return False
    if k < len(toks) and toks[k].soft_before and toks[k].key in _UNKNOWN_TYPES:
        return True
    # "the villages of Hamra Bouwaitiya, …": the type word comes first
    before = [t.key for t in toks[max(0, m.i - 2) : m.i]]
    return len(before) == 2 and before[1] == "of" and before[0] in _UNKNOWN_TYPES


_STREETS = frozenset({"street", "st", "avenue", "boulevard"})


def _names_a_street(toks: Sequence[Tok], m: Match) -> bool:
    """Is the mention the name of a street ("Tal Abyad Street, Raqqa city", "Baghdad
    Street")? A street named after a town lies in another town (one named after a quarter
    may run through it: the caller keeps those)."""
    return m.j < len(toks) and toks[m.j].soft_before and toks[m.j].key in _STREETS


_KUNYA = frozenset({"abu", "abo", "umm", "um", "ibn", "bin"})


def _is_person(toks: Sequence[Tok], m: Match) -> bool:
    """Is the mention a person's given name ("Suleiman Al-Khalidi", a byline)?

    A loose (skeleton) match of one common given name is the person; an exact match is when
    a surname follows it: "Al-" and a capitalised word, or another given name ("Hamza
    Mohammed"). A capitalised word alone is not enough: headlines capitalise every word.
    """
    if m.i > 0 and toks[m.i].soft_before and toks[m.i - 1].cap and toks[m.i - 1].key in _KUNYA:
        return True  # "Abu Amara", "Umm Ahmad": a kunya (a gazetteer "Abu X" matches whole)
    content = [t for t in toks[m.i : m.j] if not t.article]
    if len(content) != 1 or content[0].key not in GIVEN_NAMES:
        return False
    if m.how == "skeleton":
        return True
    k = m.j
    if k + 1 < len(toks) and toks[k].soft_before and toks[k].article:
        nxt = toks[k + 1]  # "Al-Khalidi"
        return (
            nxt.soft_before
            and nxt.cap
            and nxt.key not in _UNKNOWN_TYPES | GOV_AFTER | PLACE_ADJECTIVES
        )
    return k < len(toks) and toks[k].soft_before and toks[k].cap and toks[k].key in GIVEN_NAMES


def _is_group_or_outlet(text: str, toks: Sequence[Tok], m: Match) -> bool:
    """Is the mention part of an armed group's name or a broadcaster's?

    "Jabhat al Shamiya", "Liwa al-Quds": a group's name word before it. "Lebanese TV channel
    Al-Mayadin": a media word right before it. Outlets named like places ("Al Jazeera",
    "Al-Mayadeen") are the outlet when a reporting word follows ("reported", "staff", "TV")
    or precedes ("told", "quoted by", "a reporter from"); "Al Jazeera" written so, without
    "the", is the channel (the region is "the Jazira", "al-Jazeerah").
    """
    prev = toks[m.i - 1] if m.i > 0 and toks[m.i].soft_before else None
    if prev is not None and prev.key in GROUP_BEFORE and prev.cap:
        return True
    if prev is not None and prev.key in MEDIA_BEFORE:
        return True  # "Lebanese TV channel Al-Mayadin"
    if (
        prev is not None
        and prev.key in ("station", "network")
        and m.i > 1
        and toks[m.i - 2].key in ("tv", "television", "radio", "news")
    ):
        return True  # "Lebanese TV station al-Mayadeen" (not "the pumping station")
    content = [t for t in toks[m.i : m.j] if not t.article]
    if len(content) != 1 or content[0].key not in OUTLET_KEYS:
        return False
    nxt = toks[m.j].key if m.j < len(toks) and toks[m.j].soft_before else ""
    if nxt in OUTLET_AFTER or nxt in ORG_AFTER:
        return True
    before = [t.key for t in toks[max(0, m.i - 3) : m.i]]
    if before[-1:] and before[-1] in OUTLET_BEFORE:
        return True
    if before[-2:-1] and before[-1] in ("to", "with") and before[-2] in OUTLET_BEFORE:
        return True  # "according to Al Jazeera", "an interview with al-Mayadeen"
    if before[-2:-1] and before[-1] in ("from", "of", "for", "at") and before[-2] in OUTLET_STAFF:
        return True
    word = content[0].text
    # The channel's own spelling, "Al Jazeera"/"Al-Jazeera"/"Aljazeera", with no "the".
    spelled = content[0].key in ("jazeera", "aljazeera") and word.lower().endswith("jazeera")
    return (
        spelled
        and (toks[m.i].article or word.lower().startswith("al"))
        and toks[m.i].text[:1].isupper()
        and before[-1:] != ["the"]
        and nxt not in ("region", "area", "countryside", "storm", "operation", "province")
    )


_UNKNOWN_TYPES = frozenset({"village", "villages", "town", "farm", "farms", "area", "hill"})
_ROADS = frozenset({"road", "highway", "motorway", "route", "axis", "pipeline", "railway"})


def _road_pair(text: str, toks: Sequence[Tok], m: Match) -> bool:
    """Is the mention one end of a named road ("X – Y road", "the road of X – Y")?"""
    nxt = toks[m.j : m.j + 4]
    # "X – Y road": a dash, one to three name tokens, then the road word
    if m.j < len(toks) and re.fullmatch(r"\s*[-–—]\s*", text[toks[m.j - 1].end : toks[m.j].start]):
        if any(t.key in _ROADS for t in nxt[1:4]):
            return True
        before = [t.key for t in toks[max(0, m.i - 2) : m.i]]
        return bool(set(before) & _ROADS)  # "the road of Tehran – Beirut"
    # "X – Y road" seen from Y
    if m.i > 0 and re.fullmatch(r"\s*[-–—]\s*", text[toks[m.i - 1].end : toks[m.i].start]):
        if nxt and nxt[0].key in _ROADS:
            return True
        before = [t.key for t in toks[max(0, m.i - 5) : m.i - 1]]
        return bool(set(before[-3:]) & _ROADS)
    return False


_SHORT_ROAD_KM = 30.0
_DASH_GAP = re.compile(r"\s*[-–—]\s*")


def _short_road(text: str, toks: Sequence[Tok], m: Match) -> bool:
    """Whether a named road joins two places close enough that either stands for a strike on
    it ("on the Idlib-Binnish road", 8 km; not "the Damascus-Aleppo highway")."""
    gaz = Gazetteer.get()
    others: list[str] = []
    if m.j < len(toks) and _DASH_GAP.fullmatch(text[toks[m.j - 1].end : toks[m.j].start]):
        stop = next((k for k in range(m.j, min(m.j + 4, len(toks))) if toks[k].key in _ROADS), None)
        if stop is not None and stop > m.j:
            others.append(text[toks[m.j].start : toks[stop - 1].end])
    elif m.i > 0 and _DASH_GAP.fullmatch(text[toks[m.i - 1].end : toks[m.i].start]):
        for k in range(max(0, m.i - 3), m.i):
            others.append(text[toks[k].start : toks[m.i - 1].end])
    ends = [gaz.entries[i] for i in m.ids]
    found = [gaz.lookup(name) for name in others]
    if others and not any(found) and any(e.kind not in ("governorate", "country") for e in ends):
        # "the Maarat Misrin-Kafr Yahmoul road": the other end is a village no gazetteer
        # knows, and the towns of a long road are all known.
        return True
    for got in found:
        for o in got:
            if o.lat is None or o.lon is None or o.kind in ("governorate", "country"):
                continue
            for e in ends:
                if (
                    e.lat is not None
                    and e.lon is not None
                    and e.kind not in ("governorate", "country")
                    and distance_km(e.lat, e.lon, o.lat, o.lon) <= _SHORT_ROAD_KM
                ):
                    return True
    return False


# --- choosing among candidates ------------------------------------------------------------------

_KIND_ORDER = {
    "city": 0,
    "town": 0,
    "village": 0,
    "neighbourhood": 0,
    "site": 0,
    "district": 1,
    "region": 1,
    "area": 1,
    "governorate": 2,
    "country": 3,
}


def _choose(
    gaz: Gazetteer,
    m: Match,
    local_admin1: set[str],
    context: PlaceContext,
    anchors: Sequence[Anchor] = (),
    theatres: frozenset[str] = frozenset(),
) -> None:
    cands = [gaz.entries[i] for i in m.ids]
    if m.precision == "governorate":
        govs = [e for e in cands if e.kind == "governorate"]
        if not govs:  # a capital's spelling the governorate's list lacks ("Der-Ezzor")
            govs = [gaz.entries[gaz.capital_of[e.id]] for e in cands if e.id in gaz.capital_of]
        if not govs and m.area:  # "Palmyra desert": the area, in the town's governorate
            govs = [
                g
                for e in cands
                if e.admin1code and (g := gaz.governorate(e.country, e.admin1code)) is not None
            ][:1]
        if m.rural:  # "the Damascus countryside" is Rif Dimashq, not the capital's governorate
            govs = [
                gaz.governorate("SY", "08") or e if (e.country, e.admin1code) == ("SY", "13") else e
                for e in govs
            ]
        if govs:
            cands = govs
        else:  # "Manbij countryside": the town, at district precision
            m.precision = "district"
    ctx_admin1 = set(context.admin1)

    def rank(e: GazetteerEntry) -> tuple[float, ...]:
        in_country = (context.country is not None and e.country == context.country) or (
            e.theatre in theatres and e.theatre in THEATRE_PREFERRED
        )
        # A governorate named nearby, or another place of the text close by, picks the place;
        # a WOF village needs the place close by to win over a curated place of its name.
        here = (e.admin1 in local_admin1 and not e.wof) or near(e, anchors)
        return (
            0 if here else 1,
            0 if in_country else 1,
            0 if e.admin1 in ctx_admin1 else 1,
            e.country_rank,
            # a loose spelling match: the place whose name is spelt most alike
            -_likeness(m.key, e) if m.how == "skeleton" and e.kind != "governorate" else 0,
            1 if e.wof else 0,
            _KIND_ORDER[e.kind],
            1 if e.ruined else 0,
            round(_closest(e, anchors)) if e.wof else 0,  # the closest of WOF homonyms
            -math.log10(e.population + 1),
        )

    cands.sort(key=rank)
    chosen = m.chosen = cands[0]
    # Real alternatives: other places of the name, not the governorate of the same name and not
    # duplicates of the same place.
    others = [
        e
        for e in cands[1:]
        if not (e.kind == "governorate" and e.admin1 == chosen.admin1)
        and not (
            e.lat is not None
            and chosen.lat is not None
            and e.lon is not None
            and chosen.lon is not None
            and distance_km(e.lat, e.lon, chosen.lat, chosen.lon) < 10
        )
    ]
    m.alternatives = len(others)
    score = 0.92 if m.how == "key" else 0.72
    if others:
        tied = rank(others[0])[:6] == rank(chosen)[:6]
        score -= 0.2 if tied else 0.05 * min(len(others), 3)
    m.score = round(max(0.3, score), 3)


def _country_of_text(gaz: Gazetteer, matches: Sequence[Match]) -> str | None:
    """The country of Syria and Iraq whose places the text names more often, by names only one
    country bears ("ERBIL, Kurdistan Region - … a drone strike in Sinjar": the Sinjar of Iraq,
    not the Idlib village); None when neither leads."""
    votes = {"SY": 0, "IQ": 0}
    for m in matches:
        countries = {gaz.entries[i].country for i in m.ids}
        if len(countries) == 1 and (c := next(iter(countries))) in votes:
            votes[c] += 1
    if votes["IQ"] > votes["SY"]:
        return "IQ"
    return None


def _likeness(key: str, e: GazetteerEntry) -> float:
    """How alike `key` and the entry's likest name are, letter for letter, to one decimal
    (small differences do not count)."""
    best = max((Indel.normalized_similarity(key, name_key(n)) for n in e.names[:6]), default=0.0)
    return round(best, 1)


def _closest(e: GazetteerEntry, anchors: Sequence[Anchor]) -> float:
    """Kilometres from a place to the closest anchor (0 when there is none to compare)."""
    if e.lat is None or e.lon is None or not anchors or e.kind in ("governorate", "country"):
        return 0.0
    return min(distance_km(e.lat, e.lon, a, b) for a, b, _ in anchors)


def _anchor(gaz: Gazetteer, m: Match) -> Anchor | None:
    """The point of a mention that names one curated place (a town, a site, a region)."""
    if m.wof_only or m.precision == "governorate":
        return None
    points = [
        e
        for e in (gaz.entries[i] for i in m.ids)
        if e.lat is not None
        and e.lon is not None
        and e.kind not in ("governorate", "country")
        and not e.wof
    ]
    if len(points) != 1 or points[0].kind == "area":
        return None
    e = points[0]
    assert e.lat is not None and e.lon is not None
    return (e.lat, e.lon, e.admin2)


def _unambiguous_admin1(gaz: Gazetteer, m: Match) -> str | None:
    """The governorate of a mention whose every candidate lies in one governorate of Syria/Iraq
    (WOF villages named like a curated place do not count against it: "Hasakah")."""
    cands = [gaz.entries[i] for i in m.ids]
    cands = [e for e in cands if e.kind != "country"]
    cands = [e for e in cands if not e.wof] or cands
    names = {e.admin1 for e in cands if e.country_rank <= 1}
    if len(names) == 1 and len(cands) >= 1:
        return names.pop()
    return None


# --- the place a name is said to be in ----------------------------------------------------------

# "X in Y", "X in the Y", "X of Y", "X inside Y"; and "X, Y province" (a singular qualifier).
_HOST_WORDS = (("in",), ("in", "the"), ("of",), ("inside",), ("inside", "the"))
_HOST_GAP = re.compile(r"\s+|\s*,\s*")
# Damascus and its countryside are named for each other ("Douma in Damascus").
_SAME_AREA = {"Rif Dimashq": "Damascus"}
_FORMAL_GOV = frozenset({"province", "governorate"})


_HOST_TYPES = frozenset({"village", "town", "area", "farm", "farms", "hill", "camp", "axis"})
_HOST_FILLER = frozenset(
    {"the", "countryside", "countrysides", "rural", "of", "outskirts", "suburbs"}
)


_HOST_PLURALS = frozenset({"villages", "towns", "farms", "areas"})
_ARABIC_SCRIPT = re.compile(r"[\u0600-\u06ff]")


def _listed(text: str, toks: Sequence[Tok], a: Match, b: Match) -> bool:
    """Are two mentions members of one list ("A, B and C"), or one name in two scripts
    ("الخاتونية Al Khatuniya")?"""
    gap = text[toks[a.j - 1].end : toks[b.i].start]
    if re.fullmatch(r"\s*,\s*(?:and\s+)?|\s+and\s+", gap):
        return True
    return bool(
        re.fullmatch(r"\s+", gap)
        and (_ARABIC_SCRIPT.search(toks[a.j - 1].text) or _ARABIC_SCRIPT.search(toks[b.i].text))
    )


def _host_phrase(between: tuple[str, ...]) -> bool:
    """Words between a place and the wider place it is said to be in: "X village in the
    northern countryside of Y", "X area in rural Y", "X town of the Y countryside"."""
    words = list(between)
    if words and words[0] in _HOST_TYPES:
        words = words[1:]
        if tuple(words) in _HOST_WORDS:
            return True  # "Hader village in Quneitra", "al-Alaya axis of Homs countryside"
    if len(words) < 2 or words[0] not in ("in", "inside", "of", "at"):
        return False
    rest = words[1:]
    return all(w in _HOST_FILLER or w in DIRECTION_ADJECTIVES for w in rest) and any(
        w in ("countryside", "rural", "outskirts", "suburbs") for w in rest
    )


def _area(admin1: str | None) -> str | None:
    return _SAME_AREA.get(admin1, admin1) if admin1 else None


def _host(text: str, toks: Sequence[Tok], matches: Sequence[Match], k: int) -> Match | None:
    """The place that mention `k` is said to be in, named right after it ("Qassiab in Hasakeh
    province", "Hader in Quneitra", "al-Midan in Aleppo city")."""
    m = matches[k]
    # "A and B villages, Raqqa governorate", "الخاتونية Al Khatuniya and … villages": the
    # members of a list closed by a plural place word share the place named after it.
    last = k
    while (
        last + 1 < len(matches)
        and _listed(text, toks, matches[last], matches[last + 1])
        # "Musherfa, Raqqa governorate": a governorate named in the singular after a comma
        # is where the name before it lies, not the next member of a list
        and not (
            matches[last + 1].qualifier in _FORMAL_GOV
            and "," in text[toks[matches[last].j - 1].end : toks[matches[last + 1].i].start]
        )
    ):
        last += 1
    if last > k:
        if last + 1 >= len(matches):
            return None
        tail = toks[matches[last].j] if matches[last].j < len(toks) else None
        if tail is None or tail.key not in _HOST_PLURALS:
            return None
        m = matches[last]
        k = last
    if k + 1 >= len(matches):
        return None
    n = matches[k + 1]
    between = tuple(t.key for t in toks[m.j : n.i])
    if between in _HOST_WORDS and all(t.soft_before for t in toks[m.j : n.i + 1]):
        return n
    if _host_phrase(between) and all(t.soft_before for t in toks[m.j : n.i + 1]):
        return n
    gap = text[toks[m.j - 1].end : toks[n.i].start]
    if (
        len(between) >= 2
        and between[0] in _HOST_TYPES
        and re.fullmatch(r"\s+\w+\s*,\s*(?:\w+\s+)?|\s+\w+\s*,?\s*near\s+", gap)
        and (
            (
                between[1:] == ("near",)
                and (
                    all(t.soft_before for t in toks[m.j : n.i + 1])
                    or bool(re.fullmatch(r"\s+\w+\s*,\s*near\s+", gap))
                )
            )
            or (all(w in DIRECTION_ADJECTIVES for w in between[1:]) and n.rural)
        )
    ):
        # "Al Safsaf village near Tabaqa", "Fatatish village, eastern Raqqa countryside"
        return n
    if (
        len(between) == 1
        and (between[0] in _HOST_TYPES or between[0] in _HOST_PLURALS)
        and "," in gap
        and n.qualifier in _FORMAL_GOV
        and re.fullmatch(r"\s+\w+\s*,\s*", gap)
    ):
        return n  # "Mudar village, Raqqa governorate, Syria"
    if (
        1 < len(between) <= 3
        and between[0] == "near"
        and n.qualifier in _FORMAL_GOV
        and re.fullmatch(r"\s+near\s+[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*)?\s*,\s*", gap)
    ):
        return n  # "Al Safsafa near Tahtani, Raqqa governorate": an unknown landmark between
    if not between and _HOST_GAP.fullmatch(gap) and "," in gap and n.qualifier in _FORMAL_GOV:
        # "Musherfa, Raqqa governorate, Syria"; not a list ("Khan Shaykhun, Hama countryside,
        # west of Jisr al-Shughur"): the mention does not itself follow a list comma.
        prev = matches[k - 1] if k > 0 else None
        listed = prev is not None and bool(
            re.fullmatch(
                r"\s*,\s*(?:and\s+)?|\s+and\s+", text[toks[prev.j - 1].end : toks[m.i].start]
            )
        )
        return None if listed else n
    return None


def _within_host(
    gaz: Gazetteer, text: str, toks: Sequence[Tok], matches: list[Match]
) -> list[Match]:
    """Keep the candidates of a name that lie in the place named right after it.

    When none does, the text names another place of that name than the gazetteer knows: the
    name is dropped rather than put in the wrong governorate ("the village of Qassiab in
    Hasakeh province" is not Kassab, Latakia; "Al-Ameriyah area in the northern countryside
    of Homs" is not Aleppo's quarter). A neighbourhood said to be in a city is kept:
    `_reparent` moves it to the city named ("al-Midan in Aleppo").
    """
    kept: list[Match] = []
    for k, m in enumerate(matches):
        host = _host(text, toks, matches, k)
        admin1 = _area(_unambiguous_admin1(gaz, host)) if host is not None else None
        if host is None or admin1 is None or m.country_only:
            kept.append(m)
            continue
        inside = tuple(i for i in m.ids if _area(gaz.entries[i].admin1) == admin1)
        if not inside and not any(gaz.entries[i].kind == "neighbourhood" for i in m.ids):
            # "Musherfa, Raqqa governorate": no place of that spelling lies there, but a
            # village spelt otherwise does (Mushayrifah); read it as that one.
            inside = _spelt_otherwise(gaz, m, admin1)
            m.wof_only = bool(inside) and all(gaz.entries[i].wof for i in inside)
        if inside:
            m.ids = inside
            if m.wof_only:
                m.cue = "typed"  # the text says where the village is: a place
        elif (
            m.how == "skeleton"
            or host.precision == "governorate"
            or not any(gaz.entries[i].kind == "neighbourhood" for i in m.ids)
        ):
            # No candidate lies in the place named: the text means another place of that
            # name. Only a city's quarter is kept, to be moved to the city named.
            continue
        kept.append(m)
    return kept


def _spelt_otherwise(gaz: Gazetteer, m: Match, admin1: str) -> tuple[int, ...]:
    """Towns and villages of governorate `admin1` whose name is another spelling of the
    mention's: the same consonant skeleton or the same key without a final "h", and alike
    letter for letter (`villages.wof_skeleton_ok`)."""
    if len(m.skel) < 3 or _weak(m.key):
        return ()
    ids = {
        *gaz.by_soft.get(soft_key([m.key]), ()),
        *gaz.wof_skeleton.get(m.skel, ()),
        *gaz.by_skeleton.get(m.skel, ()),
    }
    return tuple(
        i
        for i in sorted(ids)
        if _area(gaz.entries[i].admin1) == admin1
        and gaz.entries[i].kind in ("city", "town", "village", "site")
        # the text says where it lies: a looser likeness will do
        and wof_skeleton_ok(gaz, (i,), m.key, True, len(m.skel) < 4)
    )


# --- neighbourhoods not in the gazetteer --------------------------------------------------------


def _neighbourhoods(
    text: str, toks: Sequence[Tok], matches: list[Match], gaz: Gazetteer, context: PlaceContext
) -> list[tuple[int, int, Place, float]]:
    """'the Panorama district', 'al-Rashid neighbourhood' → neighbourhoods of a nearby city."""
    matched: set[int] = set()
    for m in matches:
        matched.update(range(m.i, m.j))
    out = []
    for k, t in enumerate(toks):
        if t.key not in NEIGHBOURHOOD_WORDS or not t.soft_before or k == 0:
            continue
        # capitalised words (and articles) directly before the word
        s = k
        while (
            s > 0 and toks[s].soft_before and k - s < 3 and (toks[s - 1].cap or toks[s - 1].article)
        ):
            s -= 1
        if s == k or any(x in matched for x in range(s, k)):
            continue
        words = [x for x in toks[s:k] if not x.article]
        if not words or all(w.key in NOT_NEIGHBOURHOOD or w.key in ENGLISH for w in words):
            continue
        if words[0].key in NOT_NEIGHBOURHOOD:
            continue
        after = [x.key for x in toks[k + 1 : k + 5]]
        if after[:1] in (["of"], ["in"]) and any(
            w in ("province", "governorate", "region", "countryside") for w in after[1:]
        ):
            continue  # "the Sharbazher district of Sulaimani province": an area, no quarter
        parent = _neighbourhood_parent(text, toks, matches, gaz, s, k)
        if parent is None and not (
            after[:1] in (["of"], ["in"]) and k + 2 < len(toks) and toks[k + 2].cap
        ):
            # (a quarter "of" a town the gazetteer does not know is not the last town's)
            parent = context.last_town
        if parent is None or parent.lat is None:
            continue
        name = text[toks[s].start : toks[k - 1].end]
        # "the Hamdaniya district of Aleppo": the city's own neighbourhood when the table has it
        known = next(
            (
                e
                for e in gaz.lookup(name)
                if e.kind == "neighbourhood" and e.parent == parent.name and e.lat is not None
            ),
            None,
        )
        place = (
            known.to_place(name=f"{known.name}, {known.parent}", precision="neighbourhood")
            if known is not None
            else _neighbourhood_in(name, parent)
        )
        out.append((toks[s].start, t.end, place, 0.6))
    return out


def _neighbourhood_parent(
    text: str, toks: Sequence[Tok], matches: list[Match], gaz: Gazetteer, s: int, k: int
) -> Place | None:
    def town(m: Match) -> Place | None:
        e = None if m.drop else capital_city(gaz, m)
        return e.to_place(precision="town") if e is not None else None

    for m in matches:  # "... district of Raqqah" / "... neighbourhood in Aleppo"
        if m.i in (k + 2, k + 3) and toks[k + 1].key in ("of", "in"):
            p = town(m)
            if p:
                return p
    for m in matches:  # "Al Ferdos neighbourhood, Raqqa city, Raqqa governorate"
        if m.i == k + 1 and re.fullmatch(r"\s*,\s*", text[toks[k].end : toks[m.i].start]):
            p = town(m)
            if p:
                return p
    for m in matches:  # "Raqqah's Panorama district"
        if m.j == s and toks[m.j - 1].text.endswith(("'s", "’s")):
            p = town(m)
            if p:
                return p
    previous = [m for m in matches if m.j <= s and town(m) is not None]
    return town(previous[-1]) if previous else None


_HARD_BREAK = re.compile(r"[.;:!?()\[\]\"“”]")


def _city_word_after(
    text: str, toks: Sequence[Tok], matches: Sequence[Match], m: Match
) -> int | None:
    """The index of the "in"/"of" that names the city a neighbourhood is in: right after it
    ("al-Midan in", "al-Midan neighbourhood of"), or after the list of neighbourhoods it ends
    ("al-Midan, al-Sulimaniah and al-Furqan neighbourhoods in"), in the same sentence."""
    j = m.j + 1 if m.j < len(toks) and toks[m.j].key in NEIGHBOURHOOD_WORDS else m.j
    if j < len(toks) and toks[j].key in ("in", "of"):
        return j
    later = {x.i: x for x in matches if x.i >= m.j}
    for k in range(m.j, min(len(toks), m.j + 12)):
        if _HARD_BREAK.search(text[toks[k - 1].end : toks[k].start]):
            return None
        other = later.get(k)
        if other is not None and (other.chosen is None or other.chosen.kind != "neighbourhood"):
            return None  # another place comes first: the list is not of neighbourhoods
        if toks[k].key == "in" and k > m.j:
            return k
    return None


def _named_neighbourhood(
    place: Place, m: Match, matches: Sequence[Match], toks: Sequence[Tok], text: str
) -> Place:
    """A town's name followed by "neighbourhood of" another town far from it ("the al-Thawra
    neighbourhood of Mosul": not al-Thawra, Raqqa's Tabqa) is that town's neighbourhood."""
    if m.j >= len(toks) or toks[m.j].key not in NEIGHBOURHOOD_WORDS or place.lat is None:
        return place
    j = _city_word_after(text, toks, matches, m)
    if j is None:
        return place
    for other in matches:
        city = other.chosen
        if (
            other.i in (j + 1, j + 2)
            and city is not None
            and city.kind in ("city", "town")
            and city.lat is not None
            and city.lon is not None
            and place.lon is not None
            and distance_km(place.lat, place.lon, city.lat, city.lon) > _SAME_TOWN_KM
        ):
            return _neighbourhood_in(text[toks[m.i].start : toks[m.j - 1].end], city)
    return place


_SAME_TOWN_KM = 15.0


def _neighbourhood_in(name: str, city: GazetteerEntry | Place) -> Place:
    """The neighbourhood `name` of `city`, at the city's point."""
    return Place(
        name=f"{name}, {city.name}",
        lat=city.lat,
        lon=city.lon,
        admin1=city.admin1,
        country=city.country,
        precision="neighbourhood",
    )


def _reparent(
    place: Place,
    e: GazetteerEntry,
    m: Match,
    matches: Sequence[Match],
    toks: Sequence[Tok],
    text: str = "",
) -> Place:
    """A neighbourhood named with another city ("al-Kallaseh in Damascus", "the neighbourhoods
    of al-Hamadaniyeh and al-Midan in Aleppo city") belongs to it."""
    j = _city_word_after(text, toks, matches, m)
    if j is not None:
        for other in matches:
            city = other.chosen
            if (
                other.i in (j + 1, j + 2)
                and city is not None
                and city.kind == "city"
                and city.admin1 != e.admin1
            ):
                return _neighbourhood_in(e.name, city)
    return replace(place, name=f"{e.name}, {e.parent}") if e.parent else place


# --- the public function ------------------------------------------------------------------------


def find_places(
    text: str, start: int = 0, end: int | None = None, *, context: PlaceContext | None = None
) -> list[PlaceMention]:
    """All place mentions in `text[start:end]`, in text order, with offsets into `text`.

    Each mention carries a resolved `Place` (name, geonameid, lat/lon, admin1 = canonical
    governorate, country ISO2, precision) and a score in [0, 1]. See the module docstring.
    """
    end = len(text) if end is None else end
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"range [{start}, {end}) is outside the text (length {len(text)})")
    context = context or PlaceContext()
    gaz = Gazetteer.get()
    toks = tokenise(text, start, end)
    theatres = theatres_named(text)
    matches = _find_spans(gaz, toks, theatres, text)
    starts = {m.i for m in matches}
    for m in matches:
        kinds = {gaz.entries[i].kind for i in m.ids}
        if (
            _is_metonym(text, toks, m, kinds)
            or _name_goes_on(text, toks, m, starts)
            or _is_person(toks, m)
            or _is_clock(toks, m)
            or _is_group_or_outlet(text, toks, m)
            or (_names_a_street(toks, m) and "neighbourhood" not in kinds)
        ):
            m.drop = True
            continue
        m.country_only = kinds == {"country"}
        if not m.country_only:
            qualify(toks, m, gaz)
    matches = [m for m in matches if not m.drop]
    apply_lists(text, toks, matches)
    capital_sense(text, toks, matches, gaz)

    matches = _within_host(gaz, text, toks, matches)
    list_cue(text, toks, matches)
    matches = admit(gaz, toks, matches, set(context.admin1))

    # Pass 1: governorates that the text pins down (unambiguous names), by position. A name
    # that only a neighbourhood bears ("al-Midan") does not: cities share such names.
    pinned = [
        (toks[m.i].start, a)
        for m in matches
        if (a := _unambiguous_admin1(gaz, m))
        and not all(gaz.entries[i].kind == "neighbourhood" for i in m.ids)
    ]
    kept = []
    points = {id(m): _anchor(gaz, m) for m in matches}
    if context.country is None and (voted := _country_of_text(gaz, matches)) is not None:
        context = replace(context, country=voted)
    for m in matches:
        anchors = [p for k, p in points.items() if p is not None and k != id(m)]
        here = toks[m.i].start
        local = {a for pos, a in pinned if abs(pos - here) <= 200}
        if m.how == "skeleton" and local and not any(gaz.entries[i].admin1 in local for i in m.ids):
            continue  # a loose spelling match that contradicts the governorate named nearby
        _choose(gaz, m, local, context, anchors, theatres)
        kept.append(m)
    matches = kept

    mentions: list[tuple[int, int, Place, float]] = []
    for m in matches:
        e = m.chosen
        assert e is not None
        precision = m.precision or e.precision
        if e.kind == "governorate" and m.precision is None:
            precision = "governorate"
        if precision == "district" and e.kind in ("neighbourhood",):
            precision = e.precision
        place = e.to_place(precision=precision)
        if precision == "governorate":
            # A governorate is an area, not a point: maps draw its polygon (boundaries()).
            place = replace(place, name=place.admin1 or place.name, lat=None, lon=None)
        elif e.kind == "area":
            # Wider than the 25 km any one point stands for: no coordinates.
            place = replace(place, lat=None, lon=None)
        if e.kind == "neighbourhood":
            place = _reparent(place, e, m, matches, toks, text)
        else:
            place = _named_neighbourhood(place, m, matches, toks, text)
        mentions.append((toks[m.i].start, toks[m.j - 1].end, place, m.score))
    mentions.extend(_neighbourhoods(text, toks, matches, gaz, context))
    mentions.extend(references(toks, matches, gaz))
    mentions.sort(key=lambda x: (x[0], x[1]))
    return [
        PlaceMention(s, e, far, sc)
        for s, e, p, sc in _off_the_line(text, mentions)
        if (far := _far_landmark(text, s, p)) is not None
    ]


# A place the text measures a distance from: "about 50 km from Homs city", "30km west of
# Raqqa". Farther than the 25 km a point stands for, it only says the area: its governorate,
# without a point. A nearer one ("10 km from Manbij", "less than 50 km from") stays.
_FAR_FROM = re.compile(
    r"(?<!less than )(?<!within )(?<!under )\b(\d+)\s*(?:km|kilomet(?:er|re)s?)\s+"
    r"(?:\(\d+\s+miles\)\s+)?(?:away\s+)?(?:(?:north|south|east|west)\w*\s+)?"
    r"(?:(?:and|or)\s+(?:north|south|east|west)\w*\s+)?(?:from|of)\s+(?:the\s+)?(?:city\s+of\s+)?$",
    re.IGNORECASE,
)
_FAR_KM = 25
# Farther than this, the landmark's governorate is another one ("370 kilometers southwest of
# Mogadishu"): no place of the incident at all.
_BEYOND_KM = 100


def _far_landmark(text: str, start: int, place: Place) -> Place | None:
    """A town named as the landmark of a distance over 25 km is its governorate, no point; over
    100 km it is no place of the text's incident."""
    if place.precision not in _IN_GOVERNORATE or not place.admin1:
        return place
    far = _FAR_FROM.search(text, max(0, start - 80), start)
    if far is None or int(far.group(1)) <= _FAR_KM:
        return place
    if int(far.group(1)) > _BEYOND_KM:
        return None
    return replace(
        place, name=place.admin1, geonameid=None, lat=None, lon=None, precision="governorate"
    )


# A line that ends on the governorate its places lie in: "Hamra Nasser village, Raqqa
# governorate, Syria", "Saif al Dawla neighbourhood, Raqqa city, Raqqa governorate".
_LINE_END = re.compile(r"\s+(?:governorate|province)\b[\s,.]*(?:(?:Syria|Iraq)\b[\s,.]*)?$", re.I)
_LINE_BREAK = re.compile(r"[;\n]")
# The governorate closes a list of names parted by commas ("…, east of al Shadadi, Hasaka
# governorate"), each part a few words.
_AFTER_COMMA = re.compile(
    r",\s*(?:(?:north|south|east|west)(?:ern)?\s+|(?:north|south)-?(?:east|west)ern\s+)?$", re.I
)
_CHUNKS = re.compile(r"[^,;\n]{0,60}(?:,[^,;\n]{0,60})*")
_IN_GOVERNORATE = frozenset({"town", "neighbourhood", "district", "exact"})


def _off_the_line(
    text: str, mentions: list[tuple[int, int, Place, float]]
) -> list[tuple[int, int, Place, float]]:
    """Drop the homonyms a location line rules out.

    A line (up to a semicolon or a line break) that ends on one governorate and names no other
    ("X village, Raqqa governorate, Syria") says where each of its places lies: a place read
    in another governorate is a homonym of the one meant ("حمرة ناصر Hamra Nasser village" is
    not Hama's al-Hamra), and is dropped; a neighbourhood of another city belongs to the
    line's city ("Saif al Dawla neighbourhood, Raqqa city": Raqqa's, not Aleppo's).
    """
    out: list[tuple[int, int, Place, float] | None] = list(mentions)
    for line in _lines(text, mentions):
        govs = [x for x in line if x[2].precision == "governorate"]
        if not govs or len({_area(x[2].admin1) for x in govs}) != 1:
            continue
        last = govs[-1]
        stop = _LINE_BREAK.search(text, last[1])
        if not _LINE_END.fullmatch(text, last[1], stop.start() if stop else len(text)):
            continue
        if not _AFTER_COMMA.search(text, max(0, last[0] - 30), last[0]):
            continue  # "… and shelling in Daraa province": a sentence, not a location line
        area = _area(last[2].admin1)
        city = next(
            (x[2] for x in line if x[2].precision == "town" and _area(x[2].admin1) == area),
            None,
        )
        for x in line:
            p = x[2]
            if x[0] >= last[0] or p.precision not in _IN_GOVERNORATE or _area(p.admin1) == area:
                continue
            if not _CHUNKS.fullmatch(text, x[1], last[0]):
                continue  # a clause of its own between the place and the governorate
            k = out.index(x)
            if p.precision == "neighbourhood" and city is not None:
                out[k] = (x[0], x[1], _neighbourhood_in(p.name.split(", ")[0], city), x[3])
            else:
                out[k] = None
    return [x for x in out if x is not None]


def _lines(
    text: str, mentions: Sequence[tuple[int, int, Place, float]]
) -> list[list[tuple[int, int, Place, float]]]:
    """The mentions grouped by line (text between semicolons or line breaks)."""
    breaks = [b.end() for b in _LINE_BREAK.finditer(text)]
    groups: dict[int, list[tuple[int, int, Place, float]]] = {}
    for x in mentions:
        groups.setdefault(bisect.bisect_right(breaks, x[0]), []).append(x)
    return list(groups.values())


# --- helpers for claim assembly -----------------------------------------------------------------

_CORE = ("SY", "IQ")


@dataclass(frozen=True, slots=True)
class _Key:
    name: str
    lat: float | None
    lon: float | None
    precision: str
    extra: tuple[str, ...] = field(default=())


_INSIDE_GOVERNORATE = frozenset({"district", "town", "neighbourhood", "exact"})


def incident_places(mentions: Sequence[PlaceMention], *, country: str | None = None) -> list[Place]:
    """The places of a claim from its mentions: deduplicated, the most useful first.

    Order (text order within each group): sub-country places in the document's `country`; then
    those of the other core country (Syria, Iraq); then other sub-country places; then countries.
    Without `country`, the core country the mentions name most often (countries included) is
    the document's, Syria on a tie: "Kurdish forces press IS near Syria's Raqqa … after Mosul"
    puts Raqqa first.
    """
    seen: set[tuple[str, float | None, float | None, str]] = set()
    uniq: list[Place] = []
    for m in mentions:
        p = m.place
        k = (p.name, p.lat, p.lon, p.precision)
        if k not in seen:
            seen.add(k)
            uniq.append(p)
    if country is None:
        named = Counter(m.place.country for m in mentions if m.place.country in _CORE)
        country = max(_CORE, key=lambda c: (named[c], c == "SY"))

    def order(item: tuple[int, Place]) -> tuple[int, int]:
        n, p = item
        if p.precision == "country":
            return (3, n)
        if p.country == country:
            return (0, n)
        return (1 if p.country in _CORE else 2, n)

    ordered = [p for _, p in sorted(enumerate(uniq), key=order)]
    # "in Sulaimani province's Penjwen district", "Idlib market strike … in the town of Maarat
    # Misrin": a governorate named before a place inside it is where that place is; the place
    # is where it happened.
    for at in range(len(ordered)):
        area = ordered[at]
        if area.precision != "governorate":
            continue
        inner = next(
            (
                n
                for n in range(at + 1, len(ordered))
                if ordered[n].precision in _INSIDE_GOVERNORATE
                and ordered[n].admin1 == area.admin1
                and ordered[n].country == area.country
            ),
            None,
        )
        if inner is not None:
            ordered.insert(at, ordered.pop(inner))
    return ordered
