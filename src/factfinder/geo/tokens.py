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


def tokenise(text: str, start: int, end: int) -> list[Tok]:
    toks: list[Tok] = []
    prev_end = None
    for m in _WORD.finditer(text, start, end):
        word = m.group()
        key = fold(word).replace(" ", "")
        if not key:
            continue
        first = word[0]
        cap = first.isupper() or not ("a" <= first.lower() <= "z" or first.isascii())
        gap = text[prev_end : m.start()] if prev_end is not None else ""
        soft = prev_end is not None and _SOFT_GAP.fullmatch(gap) is not None and "\n" not in gap
        prefixed = key.startswith("ال") and len(key) > 3
        if prefixed:
            key = key[2:]
        article = key in ARTICLES and (
            key not in _AMBIGUOUS_ARTICLES or cap or text[m.end() : m.end() + 1] in "-‐‑"
        )
        toks.append(
            Tok(m.start(), m.end(), word, key, article, cap, token_skeleton(key), soft, prefixed)
        )
        prev_end = m.end()
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
