"""When a name that only a Who's On First village bears is read as that village.

The gazetteer holds some 32,000 villages of Syria and Iraq from Who's On First (WOF) that the
curated sources lack. Their names include English words ("Side", "Hill"), given names
("Jamal", "Hamza"), words of armed groups' names ("Ahrar", "Fatah") and Arabic words news uses
("Sharia", "Imam"), so a name whose every candidate is such a village ("WOF-only") counts
only when the text gives a reason:

* `wof_cue(toks, i, j)` reads the words around the span: "typed" when the text says it is a
  place ("Turmanin town", "the village of Arshaf", "the villages of A and B"), "prep" after a
  locative word or a verb of attack or capture ("in", "near", "the outskirts of", "shells
  hit", "take control of"), "plain" otherwise. A name that is a common word or a person's
  name (`NOT_VILLAGE` and the resolver's word lists) needs the "typed" cue; a name followed
  or preceded by another capitalised word that is no place is part of a person's or an
  organisation's name and does not count at all ("Bashar Jaafari", "Kafr Hamra Brigade").
* `admit(...)` then weighs the text: a village in a governorate the text names, or within
  `NEAR_KM` of another place it names, is supported. A "plain" name needs support; a "prep"
  one needs it unless it is long enough to be no word (`LONE_MIN`). Among the candidates of an
  admitted name the supported ones are kept, and abandoned or destroyed places (GeoNames
  PPLQ/PPLW) only when nothing else is left.

A loose (consonant-skeleton) match to a WOF village ("al-Kharita town" for Khurayta) is tried
only when the exact spelling is unknown, and needs the "typed" or "prep" cue and support; the
spellings are compared with and without doubled letters ("Tal Meleh", Tall Mallah).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rapidfuzz.distance import Indel

from factfinder.geo.distance import distance_km
from factfinder.geo.gazetteer import Gazetteer, GazetteerEntry
from factfinder.geo.normalize import name_key
from factfinder.geo.tokens import Match, Tok
from factfinder.geo.words import (
    DIRECTION_ADJECTIVES,
    ENGLISH,
    GENERIC,
    GIVEN_NAMES,
    GOV_AFTER,
    GROUP_BEFORE,
    MEDIA_BEFORE,
    NEIGHBOURHOOD_WORDS,
    NOT_VILLAGE,
    ORG_AFTER,
    PERSON_BEFORE,
    PLACE_ADJECTIVES,
    VILLAGE_CUES,
)

# A WOF village this close to another place the text names is the one meant.
NEAR_KM = 50.0
# Governorates and places named this many characters around a village's name support it.
LOCAL_CHARS = 250
# A name of this many letters after a locative word stands without other support.
LONE_MIN = 6
# Words saying the name is a place: "X town", "the village of X", "the villages of A and B".
PLACE_TYPES = frozenset(
    {
        "town",
        "towns",
        "village",
        "villages",
        "city",
        "hamlet",
        "farm",
        "farms",
        "camp",
        "area",
        "hill",
        "subdistrict",
        "municipality",
        "locality",
        "township",
        "suburb",
        "outskirts",
        "countryside",
        "vicinity",
        "axis",
        "front",
        "fronts",
        "crossroads",
        "junction",
        "checkpoint",
        "island",
        "valley",
    }
)
_TYPE_BEFORE = frozenset(
    {"town", "towns", "village", "villages", "city", "hamlet", "farm", "farms", "camp", "area"}
)
_QUARTERS = [[w] for w in NEIGHBOURHOOD_WORDS | {"neighborhoods", "districts"}]
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+|\s*&\s*)")
_DOUBLED = re.compile(r"(.)\1+")


def _before(toks: Sequence[Tok], i: int, n: int) -> list[str]:
    """The keys of up to `n` tokens before token `i`, joined to it without hard punctuation."""
    out: list[str] = []
    k = i
    while k > 0 and len(out) < n and toks[k].soft_before:
        k -= 1
        out.insert(0, toks[k].key)
    return out


def _after(toks: Sequence[Tok], j: int) -> str:
    return toks[j].key if j < len(toks) and toks[j].soft_before else ""


def _blocked(keys: Sequence[str], key: str) -> bool:
    """Is the name a word or a person's or group's name rather than a village's?"""
    if len(key) < 4:
        return True
    if any(k in ENGLISH or k in DIRECTION_ADJECTIVES for k in keys):
        return True
    if len(keys) == 1:
        k = keys[0]
        return (
            k in NOT_VILLAGE
            or k in GENERIC
            or k in GIVEN_NAMES
            or k in PERSON_BEFORE
            or k in GROUP_BEFORE
        )
    # "Bashar Assad", "Ahrar Sham"; but "Kasrat Faraj", "Jleib Khalil" are villages
    return all(k in NOT_VILLAGE or k in GIVEN_NAMES or k in GROUP_BEFORE for k in keys)


def _joined_name(toks: Sequence[Tok], k: int, step: int) -> bool:
    """Is token `k` (or the one past an article there) a capitalised word joined to the span?"""
    for _ in range(2):
        if not 0 <= k < len(toks):
            return False
        t = toks[k]
        if not (toks[k + 1].soft_before if step == -1 else t.soft_before):
            return False
        if t.article:
            k += step
            continue
        if step == -1 and t.text.endswith(("'s", "’s")):
            return False  # "Aleppo's Ghazal"
        return (
            t.cap
            and t.text[:1].isascii()  # an Arabic word before a transliteration is no part of it
            and t.key not in GOV_AFTER
            and t.key not in PLACE_ADJECTIVES
            and t.key not in ENGLISH
            and t.key not in PLACE_TYPES
        )
    return False


def wof_cue(toks: Sequence[Tok], i: int, j: int) -> str | None:
    """ "typed", "prep" or "plain" for a WOF-only span `[i, j)`, None when it is no village."""
    content = [t for t in toks[i:j] if not t.article]
    keys = [t.key for t in content]
    key = "".join(keys)
    nxt = _after(toks, j)
    before = _before(toks, i, 3)
    typed = nxt in PLACE_TYPES or (
        len(before) >= 2 and before[-1] == "of" and before[-2] in _TYPE_BEFORE
    )
    if _blocked(keys, key):
        # "Hamza village" is a village; "Hamza" alone is a man
        ok = typed and not any(k in ENGLISH for k in keys) and len(key) >= 3
        return "typed" if ok else None
    if nxt in ORG_AFTER and nxt not in PLACE_TYPES:
        return None  # "… Brigade", "… TV"
    if nxt in NEIGHBOURHOOD_WORDS or (before[-1:] == ["of"] and before[-2:-1] in _QUARTERS):
        return None  # a city's quarter: the resolver places it in the city it names

    if before and (before[-1] in PERSON_BEFORE or before[-1] in GROUP_BEFORE):
        return None
    if before and before[-1] in MEDIA_BEFORE:
        return None
    if typed:
        return "typed"
    # A capitalised word that is no place word right before or after (an article between
    # them or not): part of a longer name ("Ma'ra al-Nu'man", "Marj al-Zohur").
    if _joined_name(toks, i - 1, -1) or _joined_name(toks, j, 1):
        return None
    if before and (before[-1] in VILLAGE_CUES or " ".join(before[-2:]) in VILLAGE_CUES):
        return "prep"
    return "plain"


_VOWEL_FOLDS = (
    ("aw", "u"),
    ("ou", "u"),
    ("oo", "u"),
    ("o", "u"),
    ("ay", "i"),
    ("ai", "i"),
    ("ei", "i"),
    ("ee", "i"),
    ("e", "i"),
)


def _vowels_alike(key: str) -> str:
    """`key` with its vowels and diphthongs written one way: transliterations write Arabic's
    "aw" as o, ou or u and "ay" as e, ei or i as often as not."""
    for a, b in _VOWEL_FOLDS:
        key = key.replace(a, b)
    return key


_VOWELS = frozenset("aeiou")


def _initial_vowel(key: str) -> str:
    """`key` with its first letter written "a" when it is a vowel (an initial alef)."""
    return "a" + key[1:] if key[:1] in _VOWELS else key


def wof_skeleton_ok(
    gaz: Gazetteer, ids: Sequence[int], key: str, multi: bool, short: bool = False
) -> bool:
    """A loose spelling match to WOF villages: alike letter for letter, starting alike; more
    alike for a three-consonant skeleton (`short`)."""
    return bool(wof_alike(gaz, ids, key, multi, short))


def wof_alike(
    gaz: Gazetteer, ids: Sequence[int], key: str, multi: bool, short: bool = False
) -> tuple[int, ...]:
    """The villages of `ids` (the first eight) that `key` spells loosely (`wof_skeleton_ok`):
    a village of the same skeleton spelt otherwise is no candidate ("Ibleen" is Ablin, not
    Balyun)."""
    need = 0.85 if short else 0.7 if multi else 0.75
    single = _initial_vowel(_vowels_alike(_DOUBLED.sub(r"\1", key)))
    alike: list[int] = []
    for i in ids[:8]:
        best = 0.0
        for name in gaz.entries[i].names:
            other = name_key(name)
            if not other or abs(len(other) - len(key)) > 4:
                continue
            if other[0] != key[0] and not (other[0] in _VOWELS and key[0] in _VOWELS):
                continue  # an initial alef is written a, i or e ("Ibleen", Ablin)
            # doubled letters are written or not ("Tal Meleh", Tall Mallah), and a diphthong
            # one way or another ("Um Hosh", Umm Hawsh; "Sheikh", Shaykh)
            best = max(
                best,
                Indel.normalized_similarity(key, other),
                Indel.normalized_similarity(
                    single, _initial_vowel(_vowels_alike(_DOUBLED.sub(r"\1", other)))
                ),
            )
        if best >= need:
            alike.append(i)
    return tuple(alike)


def list_cue(text: str, toks: Sequence[Tok], matches: Sequence[Match]) -> None:
    """Members of a list share a cue: "in Dudiyan, Tilalayn and Ghazal", "the villages of A,
    B and C". What one member's own words say of it is no more than a "prep" cue for the
    others (a list may join a village to names of other kinds)."""
    rank = {"typed": 0, "prep": 1, "plain": 2, "": 3}
    group: list[Match] = []

    def flush() -> None:
        cues = [m.cue if m.wof_only else "prep" for m in group]
        best = min(cues, key=lambda c: rank[c]) if cues else ""
        best = "prep" if best == "typed" else best
        for m in group:
            if m.wof_only and rank[best] < rank[m.cue]:
                m.cue = best

    for m in matches:
        if group and _LIST_GAP.fullmatch(text[toks[group[-1].j - 1].end : toks[m.i].start]):
            group.append(m)
            continue
        flush()
        group = [m]
    flush()


def _point(e: GazetteerEntry) -> bool:
    return e.lat is not None and e.kind not in ("governorate", "country", "area", "region")


def _own_name(e: GazetteerEntry, key: str, least: float) -> bool:
    """Is `key` a spelling of the entry's own name rather than of a different alias?"""
    return Indel.normalized_similarity(key, name_key(e.names[0])) >= least


Anchor = tuple[float, float, str | None]  # a place the text names: its point and district


def near(e: GazetteerEntry, anchors: Sequence[Anchor]) -> bool:
    """Is the place within `NEAR_KM` of one of the anchors, or in its district?"""
    if e.lat is None or e.lon is None or e.kind in ("governorate", "country"):
        return False
    return any(
        (e.admin2 is not None and e.admin2 == a2) or distance_km(e.lat, e.lon, a, b) <= NEAR_KM
        for a, b, a2 in anchors
    )


def _supported(e: GazetteerEntry, cue: str, local: set[str], close: Sequence[Anchor]) -> bool:
    """Is the village in a governorate named nearby, or close to a place named nearby? A name
    with no cue of its own ("plain") needs the place close by, not only its governorate."""
    if e.admin1 in local and cue != "plain":
        return True
    return near(e, close)


def admit(
    gaz: Gazetteer,
    toks: Sequence[Tok],
    matches: Sequence[Match],
    named_admin1: set[str] | None = None,
) -> list[Match]:
    """Keep the WOF-only matches the text supports; narrow their candidates to those."""
    named = set(named_admin1 or ())
    pinned: list[tuple[int, str]] = []
    anchors: list[tuple[int, Anchor]] = []
    for m in matches:
        if m.wof_only:
            continue
        cands = [gaz.entries[i] for i in m.ids]
        cands = [e for e in cands if not e.wof] or cands
        admin1 = {e.admin1 for e in cands if e.admin1 and e.kind != "country"}
        if len(admin1) == 1:
            pinned.append((toks[m.i].start, admin1.pop()))
        points = [e for e in cands if _point(e) and not e.wof]
        if len(points) == 1:
            e = points[0]
            assert e.lat is not None and e.lon is not None
            anchors.append((toks[m.i].start, (e.lat, e.lon, e.admin2)))
    anywhere = named | {a for _, a in pinned}
    kept: list[Match] = []
    for m in matches:
        if not m.wof_only:
            kept.append(m)
            continue
        cands = [gaz.entries[i] for i in m.ids]
        here = toks[m.i].start
        local = named | {a for pos, a in pinned if abs(pos - here) <= LOCAL_CHARS}
        close = [a for pos, a in anchors if abs(pos - here) <= LOCAL_CHARS]

        backed = [e for e in cands if _supported(e, m.cue, local, close)]
        if not backed and m.how == "key":
            # Another spelling of a village there ("Harmala village, Raqqa governorate" is
            # Harmalah, not the Harmala of Hama)
            loose = gaz.wof_skeleton.get(m.skel, ())
            backed = [
                e
                for i in loose
                if _supported(e := gaz.entries[i], m.cue, local, close)
                and wof_skeleton_ok(gaz, (i,), m.key, False, len(m.skel) < 4)
            ]
        if not backed:
            # Unsupported: another place of the name, or a word. Only a name the text calls
            # a place, or a long one after a locative word, in a text naming no governorate
            # and spelt as the village's own name (not an alias: WOF has wrong ones).
            if anywhere or m.cue == "plain" or (m.how == "skeleton" and len(m.skel) < 4):
                continue
            if m.cue == "prep" and (len(m.key) < LONE_MIN or m.how == "skeleton"):
                continue
            backed = [e for e in cands if _own_name(e, m.key, 0.8 if m.how == "skeleton" else 0.6)]
            if not backed:
                continue
        whole = [e for e in backed if not e.ruined] or backed
        m.ids = tuple(e.id for e in whole)
        kept.append(m)
    return kept
