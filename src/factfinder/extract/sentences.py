"""Sentence and clause segmentation with document offsets.

`split_sentences(text, title=...)` cuts a document into `Sentence`s whose `start`/`end` are
Python string offsets into `text` (surrounding whitespace and markdown markup trimmed). It is a
rule-based splitter tuned for news wire text rather than a statistical one, because it must be
fast (the whole extractor is budgeted below spaCy's small pipeline) and predictable:

* a sentence ends at `.`, `!` or `?` (with any closing quotes or brackets) followed by white
  space and something that can open a sentence, unless the word before the stop is a known
  abbreviation ("Gen.", "Jan.", "No.") or an initialism that usually runs on ("U.S. President");
* a blank line ends a sentence unless the next line starts in lower case (a paragraph break
  inside a quotation, as in the seed documents); a single newline ends one after terminal
  punctuation or around markdown markup (headings, rules, list items);
* when the document's title occurs near its start (FA-KES articles begin with a date and their
  headline, often with no full stop after it), the title becomes a sentence of its own and
  `Segmentation.title` points at it.

`clauses(text, sentence)` cuts a sentence further at semicolons, for headlines such as "X was
shelled; in Y an airstrike killed 3" that report two incidents in one sentence.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from factfinder.extract.mentions import Sentence

# Words that end with a full stop but rarely end a sentence.
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "lt",
        "col",
        "capt",
        "cpt",
        "sgt",
        "maj",
        "brig",
        "adm",
        "cmdr",
        "gov",
        "sen",
        "rep",
        "st",
        "mt",
        "ft",
        "no",
        "nos",
        "vs",
        "etc",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "approx",
        "est",
        "dept",
        "univ",
        "inc",
        "ltd",
        "co",
        "corp",
        "jr",
        "sr",
        "rev",
        "hon",
        "pres",
        "fig",
        "al",
    ]
)
# Initialisms that usually run on into a name ("U.S. President", "U.N. Security Council") and
# end a sentence only before a typical sentence opener.
_RUN_ON_INITIALISMS = frozenset({"u.s", "u.n", "u.k", "e.u", "u.s.a", "a.m", "p.m"})
_OPENERS = frozenset(
    [
        "the",
        "a",
        "an",
        "it",
        "he",
        "she",
        "they",
        "we",
        "i",
        "this",
        "that",
        "these",
        "those",
        "there",
        "in",
        "on",
        "at",
        "but",
        "and",
        "however",
        "meanwhile",
        "earlier",
        "later",
        "after",
        "before",
        "since",
        "while",
        "when",
        "according",
        "some",
        "many",
        "most",
        "its",
        "their",
        "his",
        "her",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
    ]
)

_STOP = re.compile(r"[.!?]+[\"”’'»)\]]*(?=\s)")
_NEXT_OPENS = re.compile(r"\s+[\"“‘'«(\[]?[A-Z0-9]")
_BLANK_LINE = re.compile(r"\n[ \t\r]*\n\s*")
_NEWLINE = re.compile(r"\n")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")
_MARKUP_LINE = re.compile(r"^\s*(?:#+\s|[*_]{1,3}\S|-{3,}|>|[-*+]\s|\d+\.\s)")
_EDGE_JUNK = " \t\r\n#*_>|"
_HAS_WORD = re.compile(r"[A-Za-z0-9\u0600-\u06FF]")


@dataclass(frozen=True, slots=True)
class Segmentation:
    """The sentences of a document in text order; `title` indexes the headline sentence."""

    sentences: tuple[Sentence, ...]
    title: int | None = None


def _is_abbreviation(text: str, stop: int) -> bool:
    """True when the full stop at `stop` closes an abbreviation rather than a sentence."""
    m = _WORD_BEFORE.search(text, max(0, stop - 20), stop)
    if m is None:
        return False
    word = m.group(1).lower().rstrip(".")
    if word in _ABBREVIATIONS:
        return True
    if len(word) == 1 and word.isalpha():  # an initial: "George W. Bush"
        return True
    if word in _RUN_ON_INITIALISMS:
        nxt = re.match(r"\s+[\"“']?([A-Za-z]+)", text[stop + 1 : stop + 40])
        return nxt is not None and nxt.group(1).lower() not in _OPENERS
    return False


def _cut_points(text: str, start: int, end: int) -> list[int]:
    """Offsets (exclusive ends) inside text[start:end] where a sentence stops."""
    cuts: set[int] = set()
    for m in _STOP.finditer(text, start, end):
        if not _NEXT_OPENS.match(text, m.end()):
            continue
        if (
            m.group(0).startswith(".")
            and len(m.group(0).rstrip("\"”’'»)]")) == 1
            and _is_abbreviation(text, m.start())
        ):
            continue
        cuts.add(m.end())
    for m in _BLANK_LINE.finditer(text, start, end):
        nxt = text[m.end() : m.end() + 1]
        if nxt and nxt.islower():
            continue  # a paragraph break inside a running sentence
        cuts.add(m.start())
    for m in _NEWLINE.finditer(text, start, end):
        line_start = text.rfind("\n", 0, m.start()) + 1
        prev = text[line_start : m.start()].rstrip()
        nxt_end = text.find("\n", m.end())
        nxt = text[m.end() : nxt_end if nxt_end >= 0 else len(text)]
        if (prev and prev[-1] in '.!?:"”’') or _MARKUP_LINE.match(prev) or _MARKUP_LINE.match(nxt):
            cuts.add(m.start())
    return sorted(c for c in cuts if start < c < end)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _EDGE_JUNK:
        start += 1
    while end > start and text[end - 1] in _EDGE_JUNK:
        end -= 1
    return start, end


def _pieces(text: str, start: int, end: int) -> list[Sentence]:
    out: list[Sentence] = []
    bounds = [start, *_cut_points(text, start, end), end]
    for a, b in itertools.pairwise(bounds):
        s, e = _trimmed(text, a, b)
        if e > s and _HAS_WORD.search(text, s, e):
            out.append(Sentence(s, e, text[s:e]))
    return out


def find_title(text: str, title: str | None, window: int = 400) -> tuple[int, int] | None:
    """The span of `title` near the start of `text` (case- and space-insensitive), or None."""
    if not title or not title.strip():
        return None
    words = [re.escape(w) for w in title.split()]
    if not words:
        return None
    pattern = re.compile(r"\s+".join(words), re.IGNORECASE)
    m = pattern.search(text, 0, min(len(text), window + len(title) * 2))
    return (m.start(), m.end()) if m else None


def split_sentences(text: str, title: str | None = None) -> Segmentation:
    """Split `text` into sentences; the title, when found near the start, is its own sentence."""
    span = find_title(text, title)
    if span is None:
        return Segmentation(tuple(_pieces(text, 0, len(text))))
    a, b = span
    before = _pieces(text, 0, a)
    title_s, title_e = _trimmed(text, a, b)
    # A stop right after the headline ("... in northeast Syria. Victims ...") belongs to it.
    if b < len(text) and text[b] in ".!?":
        b += 1
    after = _pieces(text, b, len(text))
    sentences = [*before, Sentence(title_s, title_e, text[title_s:title_e]), *after]
    return Segmentation(tuple(sentences), len(before))


_CLAUSE_CUT = re.compile(r"\s*;\s*")


def clauses(text: str, sentence: Sentence) -> list[Sentence]:
    """The parts of a sentence between semicolons (the whole sentence when it has none)."""
    parts: list[Sentence] = []
    pos = sentence.start
    for m in _CLAUSE_CUT.finditer(text, sentence.start, sentence.end):
        if m.start() > pos:
            parts.append(Sentence(pos, m.start(), text[pos : m.start()]))
        pos = m.end()
    if pos < sentence.end:
        parts.append(Sentence(pos, sentence.end, text[pos : sentence.end]))
    return [p for p in parts if _HAS_WORD.search(p.text)] or [sentence]
