"""Tokens of a text as the place resolver sees them, and a candidate place span.

`tokenise(text, start, end)` splits `text[start:end]` into word tokens with their offsets, folded
key, consonant skeleton, capitalisation, whether the token is an Arabic article, and whether it
is joined to the previous token by spaces or a hyphen only ("soft"): names never span hard
punctuation. `Match` is a run of tokens that the gazetteer knows, with what the resolver later
decides about it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from factfinder.geo.gazetteer import GazetteerEntry
from factfinder.geo.normalize import ARTICLES, fold, token_skeleton

_WORD = re.compile(
    r"(?:[A-Z]\.){2,}|[^\W_](?:[^\W_]|(?:['’`ʿʾ‘]|&#8217;|&rsquo;|&#39;)(?=[^\W_]))*", re.UNICODE
)
# Article forms that are also English words ("at", "an", "as") count as articles only when
# written as one: capitalised ("As Suwayda") or hyphenated ("as-Sukhnah").
_AMBIGUOUS_ARTICLES = frozenset(
    {"at", "an", "as", "ad", "ed", "es", "en", "er", "et", "il", "ul", "l", "ar", "az", "ez"}
)
_SOFT_GAP = re.compile(r"[ \t\u00a0]*-?[ \t\u00a0]*|[ \t\u00a0]+")


@dataclass(slots=True)
class Tok:
    start: int
    end: int
    text: str
    key: str  # folded, no spaces
    article: bool
    cap: bool
    skel: str
    soft_before: bool  # joined to the previous token by spaces or a hyphen only
    prefixed: bool = False  # an Arabic word written with its attached article ("الرقة")


@lru_cache(maxsize=65536)
def _word(word: str) -> tuple[str, bool, bool, bool, bool, str]:
    """What a word alone says: (key, capitalised, prefixed, an article, an ambiguous
    article, skeleton); `key` is empty for a word that folds to nothing."""
    key = fold(word).replace(" ", "")
    if not key:
        return "", False, False, False, False, ""
    first = word[0]
    cap = first.isupper() or not ("a" <= first.lower() <= "z" or first.isascii())
    prefixed = key.startswith("ال") and len(key) > 3
    if prefixed:
        key = key[2:]
    return key, cap, prefixed, key in ARTICLES, key in _AMBIGUOUS_ARTICLES, token_skeleton(key)


def tokenise(text: str, start: int, end: int) -> list[Tok]:
    toks: list[Tok] = []
    prev_end = None
    for m in _WORD.finditer(text, start, end):
        word = m.group()
        key, cap, prefixed, article, ambiguous, skel = _word(word)
        if not key:
            continue
        if prev_end is None:
            soft = False
        else:
            gap = text[prev_end : m.start()]
            soft = gap == " " or (_SOFT_GAP.fullmatch(gap) is not None and "\n" not in gap)
        stop = m.end()
        if article and ambiguous and not cap:
            article = text[stop : stop + 1] in "-‐‑"
        toks.append(Tok(m.start(), stop, word, key, article, cap, skel, soft, prefixed))
        prev_end = stop
    return toks


@dataclass(slots=True)
class Match:
    """A run of tokens `[i, j)` that names gazetteer entries `ids`, and the decisions on it."""

    i: int  # first token
    j: int  # one past the last token
    ids: tuple[int, ...]
    how: str  # "key" or "skeleton"
    key: str
    precision: str | None = None  # an override from qualifiers
    rural: bool = False  # the qualifier was "countryside"/"rural"/"suburbs"
    area: bool = False  # "X desert", "the mountains of X": an area named after X, no point
    qualifier: str = ""  # the word that set a governorate precision ("provinces", "countryside_of")
    country_only: bool = False  # every candidate is a country
    drop: bool = False
    wof_only: bool = False  # every candidate is a Who's On First village (see resolver._wof_cue)
    skel: str = ""  # the span's consonant skeleton
    cue: str = ""  # for those: "typed", "prep" or "plain" (what the words around say)
    chosen: GazetteerEntry | None = None
    score: float = 0.0
    alternatives: int = 0
