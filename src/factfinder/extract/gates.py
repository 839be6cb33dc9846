"""Literal gates: skip a regular expression over a stretch of text where it cannot match.

The readers run dozens of case-insensitive patterns over every clause. Most begin with `\\b` and
an alternation, which gives the regular-expression engine no first character to skip ahead to:
it tries every position. Yet nearly every match must contain one of a few plain words ("deny",
"denies", "refut", … for a denial; "sarin", "chlorine", … for a chemical attack). `Gate`
finds those words once, from the parsed pattern, and looks for them with a plain substring
search in the lowercased text: where none occurs, the pattern cannot match and is not run.

The gate is a necessary condition only, never a change of meaning: a pattern it lets through
runs as before, so results are the same with or without it. The words are taken only from what
a match consumes (never from a lookbehind, which sees text before the window), only ASCII ones,
and they are compared with `str.lower()` of the text; the text is not gated when it holds one of
the three characters whose case folding in `re` differs from `str.lower()` for an ASCII letter
("ı", "İ", "ſ"). A pattern with no word every match needs (`\\d+`) always runs.

The last few texts seen (a document's text and its reading text: memory stays bounded) are kept
with their lowercase and, for each gate, which of its words occur anywhere in them, so that the
search per clause is over those only.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterator
from typing import Any

_parser: Any = importlib.import_module("re._parser")
_c: Any = importlib.import_module("re._constants")

_CAP = 64  # the most spellings an exact piece may have before it is given up
_ZERO_WIDTH = frozenset({_c.AT, _c.ASSERT, _c.ASSERT_NOT})
_REPEATS = frozenset({_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT})
# Characters whose case-insensitive match in `re` is an ASCII letter that `str.lower()` does not
# give: a text holding one is never gated.
_FOLD_APART = frozenset("ıİſ")

# A piece of a pattern: the exact (lowercased) strings it matches, when few are known, and the
# strings one of which every match of it contains.
_Piece = tuple[frozenset[str] | None, frozenset[str] | None]


def _best(candidates: list[frozenset[str]]) -> frozenset[str] | None:
    """The most selective requirement: the longest shortest word, then the fewest words."""
    usable = [c for c in candidates if c and "" not in c]
    if not usable:
        return None
    return max(usable, key=lambda c: (min(map(len, c)), -len(c)))


def _need(piece: _Piece) -> frozenset[str] | None:
    exact, need = piece
    if need is not None:
        return need
    if exact is not None and "" not in exact:
        return exact
    return None


def _sequence(items: Any) -> _Piece:
    candidates: list[frozenset[str]] = []
    run: frozenset[str] | None = frozenset({""})
    all_exact = True
    for op, av in items:
        exact, need = _item(op, av)
        if need is not None:
            candidates.append(need)
        if exact is not None and run is not None and len(run) * len(exact) <= _CAP:
            run = frozenset(a + b for a in run for b in exact)
            continue
        all_exact = False
        if run is not None:
            candidates.append(run)
        run = exact
    if run is not None:
        candidates.append(run)
    if all_exact and run is not None:
        return run, _best(candidates)
    return None, _best(candidates)


def _item(op: Any, av: Any) -> _Piece:
    if op is _c.LITERAL:
        return (frozenset({chr(av).lower()}), None) if av < 128 else (None, None)
    if op in _ZERO_WIDTH:
        return frozenset({""}), None
    if op is _c.SUBPATTERN:
        return _sequence(av[3])
    if op is _c.ATOMIC_GROUP:
        return _sequence(av)
    if op is _c.IN:
        chars = [a for o, a in av if o is _c.LITERAL]
        if len(chars) == len(av) and len(chars) <= 8 and all(a < 128 for a in chars):
            return frozenset(chr(a).lower() for a in chars), None
        return None, None
    if op is _c.BRANCH:
        pieces = [_sequence(b) for b in av[1]]
        exacts = [p[0] for p in pieces]
        exact: frozenset[str] | None = None
        if all(e is not None for e in exacts) and sum(len(e or ()) for e in exacts) <= _CAP:
            exact = frozenset().union(*(e or () for e in exacts))
        needs = [_need(p) for p in pieces]
        need = None
        if all(n is not None for n in needs):
            need = frozenset().union(*(n or () for n in needs))
        return exact, need
    if op in _REPEATS:
        lo, hi, sub = av
        exact, need = _sequence(sub)
        if exact is not None and lo == 0 and hi == 1:
            return exact | {""}, None
        if exact is not None and lo == hi == 1:
            return exact, need
        return None, (_need((exact, need)) if lo >= 1 else None)
    return None, None


def required_words(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Lowercase words one of which every match of `pattern` contains (None: none known)."""
    need = _need(_sequence(_parser.parse(pattern.pattern, pattern.flags)))
    if not need:
        return None
    # A word containing another is implied by it.
    kept = sorted(w for w in need if not any(v != w and v in w for v in need))
    return tuple(kept)


class _Text:
    """A text as the gates see it: its lowercase and the words of each gate found in it."""

    __slots__ = ("low", "present", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.low = None if _FOLD_APART.intersection(text) else text.lower()
        self.present: dict[Gate, tuple[str, ...]] = {}


_RECENT: list[_Text] = []  # the last few texts seen (a document's text, its reading text, …)
_KEEP = 6


def _seen(text: str) -> _Text:
    for t in _RECENT:
        if t.text is text:
            return t
    for t in _RECENT:
        if len(t.text) == len(text) and t.text == text:
            return t
    t = _Text(text)
    _RECENT.insert(0, t)
    del _RECENT[_KEEP:]
    return t


class Gate:
    """A pattern and the words one of which each of its matches contains."""

    __slots__ = ("pattern", "words")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.words = required_words(pattern)

    def may_match(self, text: str, start: int = 0, end: int | None = None) -> bool:
        """False only when `pattern` has no match in text[start:end]."""
        if self.words is None:
            return True
        seen = _seen(text)
        low = seen.low
        if low is None:
            return True
        present = seen.present.get(self)
        if present is None:
            present = seen.present[self] = tuple(w for w in self.words if w in low)
        stop = len(text) if end is None else end
        for w in present:  # noqa: SIM110 (a loop: no generator per clause)
            if low.find(w, start, stop) >= 0:
                return True
        return False

    def finditer(
        self, text: str, start: int = 0, end: int | None = None
    ) -> Iterator[re.Match[str]]:
        """`pattern.finditer(text, start, end)`, skipped where it cannot match."""
        stop = len(text) if end is None else end
        if not self.may_match(text, start, stop):
            return iter(())
        return self.pattern.finditer(text, start, stop)

    def search(self, text: str, start: int = 0, end: int | None = None) -> re.Match[str] | None:
        """`pattern.search(text, start, end)`, skipped where it cannot match."""
        stop = len(text) if end is None else end
        if not self.may_match(text, start, stop):
            return None
        return self.pattern.search(text, start, stop)

    def match(self, text: str, start: int = 0, end: int | None = None) -> re.Match[str] | None:
        """`pattern.match(text, start, end)` (not gated: it is tried at one place only)."""
        return self.pattern.match(text, start, len(text) if end is None else end)

    def fullmatch(self, text: str, start: int = 0, end: int | None = None) -> re.Match[str] | None:
        """`pattern.fullmatch(text, start, end)` (not gated)."""
        return self.pattern.fullmatch(text, start, len(text) if end is None else end)
