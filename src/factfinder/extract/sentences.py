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

* page furniture that is not the report's own prose is cut out as a sentence of its own and
  listed in `Segmentation.asides`: photo captions (the words up to a photo credit such as
  "(AFP photo)", "(TRT World and Agencies)" or "REUTERS/Name") and tag lists ("Tags Syria
  Idlib SOHR ..." up to the first words that open a sentence). A caption describes a picture,
  often of another day and place; a tag list names topics. Neither states the incident.

* page furniture of captured social-media pages (`extract.furniture`: "Copy link to Tweet",
  "All reactions:", "Like Comment Share", "1.2K views", author lines) is cut out too, at the
  edges of each block of it, even when it is glued to the post ("Shared with PublicAt least
  five …"); a sentence that is nothing but furniture is an aside.
* a sentence that repeats an earlier one word for word (a post or thread captured twice in one
  page, a headline repeated under the lede), or another one cut short ("… See more", a
  preview ending in "…"), is an aside: one account, told once.

`context_sections(text)` finds a long report's background, methodology, recommendations and
annex sections by their headings.

`clauses(text, sentence)` cuts a sentence further at semicolons, for headlines such as "X was
shelled; in Y an airstrike killed 3" that report two incidents in one sentence.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from factfinder.extract.furniture import Furniture, furniture_spans, is_furniture
from factfinder.extract.publishers import source_named_by
from factfinder.mentions import Sentence
from factfinder.vocab import MONTH_ABBREVIATIONS, MONTH_PREFIXES, number_words, tens_words

# Words that end with a full stop but rarely end a sentence.
_ABBREVIATIONS = frozenset(
    [
        *MONTH_ABBREVIATIONS,
        "mr",
        "incl",
        "approx",
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


# A photo credit closes a caption: "(AFP photo)", "(Reuters)", "(TRT World and Agencies)",
# "(Photo AFP)", "REUTERS/Rodi Said". Followed by a dash or colon it is a wire dateline instead
# ("BEIRUT (AFP) -"), which the pipeline handles.
_AGENCY = r"AFP|AP|Reuters|REUTERS|EPA|DPA|Anadolu(?:\s+Agency)?|Getty(?:\s+Images)?|SANA|AA"
_CREDIT = re.compile(
    rf"\((?:(?:{_AGENCY})(?:\s*(?:photo|Photo|PHOTO|file\s+photo))?|TRT\s+World\s+and\s+Agencies|"
    rf"(?:[Ff]ile\s+)?(?:photo|Photo|PHOTO)\b[^()]{{0,30}})\)(?!\s*[-—–:])"
    rf"|\bREUTERS/[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?"
)
_TAGS = re.compile(r"(?<![\w-])Tags\s+(?=[\w\"“])")
# Words that open the lede after a tag list ("Tags Syria Idlib airstrike At least 18 civilians").
_LEDE_OPENER = re.compile(
    r"(?:At\s+least|More\s+than|Up\s+to|Nearly|Dozens|Scores|Hundreds|Thousands|An?|The|"
    r"\d[\d,]*|"
    + "|".join(w.title() for w in number_words(1, 12))
    + r"|\w+teen|"
    + "|".join(w.title() for w in tens_words())
    + r"|[\"“])(?=[\s\"“]|$)"
)
_TAG_WORDS = 30
_PAGE_END = re.compile(r"Community\s+standards|Comment\s+via|Discussion\s+Comment")


@dataclass(frozen=True, slots=True)
class Segmentation:
    """The sentences of a document in text order; `title` indexes the headline sentence and
    `asides` the page furniture (captions, tag lists) that states nothing about an incident."""

    sentences: tuple[Sentence, ...]
    title: int | None = None
    asides: frozenset[int] = frozenset()


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
    if word in ("a.m", "p.m"):
        # A time's zone in brackets runs on: "at 5:30 p.m. (Sanaa time), forces struck …".
        return text[stop + 1 : stop + 3].lstrip()[:1] == "("
    if word in _RUN_ON_INITIALISMS:
        nxt = re.match(r"\s+[\"“']?([A-Za-z]+)", text[stop + 1 : stop + 40])
        return nxt is not None and nxt.group(1).lower() not in _OPENERS
    return False


def _tags_end(text: str, start: int, end: int) -> int | None:
    """Where the lede resumes after a tag list opening at `start` (None: the list runs on).

    The lede either repeats the opening words of the standfirst before the list (four words
    in a row) or starts with a typical opener ("At least", "A", a number).
    """
    opening = _standfirst_opening(text, start)
    words = list(re.finditer(r"\S+", text[start:end]))
    for k, m in enumerate(words[1 : _TAG_WORDS + 1], start=1):
        at = start + m.start()
        if _VERB.match(m.group(0)):
            return None  # already inside the lede: its opening words cannot be told apart
        if _LEDE_OPENER.match(text, at):
            return at
        if opening and [w.group(0) for w in words[k : k + len(opening)]] == opening:
            return at
    return None


# Tag lists are nouns; a finite verb means the lede has begun.
_VERB = re.compile(
    r"(?:[a-z]+ed|says?|said|hit|struck|kill(?:s|ing)?|have|has|had|is|are|was|were|been|began|"
    r"took|fled|left|say|carried|launched)$"
)


_DATE_WORD = re.compile(
    r"(?:\d[\d:.,-]*|Date|of|publication|Published|Last|updated|Updated|at|on|"
    r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\w*|(?:" + MONTH_PREFIXES + r")\w*)$"
)


def _standfirst_opening(text: str, tags: int) -> list[str]:
    """The first four words of the sentence before a tag list, past its date line."""
    stop = text.rfind(". ", 0, max(0, tags - 2))
    start = max(stop + 2 if stop >= 0 else 0, tags - 600, 0)
    words = text[start:tags].split()
    k = 0
    while k < len(words) and _DATE_WORD.match(words[k]):
        k += 1
    return words[k : k + 4] if len(words) - k >= 4 else []


def _furniture_cuts(text: str, start: int, end: int) -> tuple[set[int], set[int]]:
    """(cuts to add, cuts to drop) that make captions and tag lists sentences of their own."""
    add: set[int] = set()
    drop: set[int] = set()
    for m in _CREDIT.finditer(text, start, end):
        add.add(m.end())
        # "... on July 21 2015. (AFP Photo) At least 18" — the credit closes the caption.
        k = m.start()
        while k > start and text[k - 1].isspace():
            k -= 1
        drop.update(range(k, m.start() + 1))
    for m in _TAGS.finditer(text, start, end):
        lede = _tags_end(text, m.start(), end)
        if lede is not None:
            add.update((m.start(), lede))
        elif _PAGE_END.search(text, m.start(), end):
            add.add(m.start())  # the list runs into the page footer
        # Otherwise the lede cannot be told from the list: the sentence stays whole.
    return add, drop


def _is_aside(sentence: str) -> bool:
    if sentence.startswith("Tags "):
        # A list cut out on its own, or running into the page footer; not a list that the
        # lede follows with no visible boundary (that sentence stays a sentence).
        return bool(_PAGE_END.search(sentence)) or not any(_VERB.match(w) for w in sentence.split())
    credits = list(_CREDIT.finditer(sentence))
    return bool(credits) and not sentence[credits[-1].end() :].strip(" .")


# Small words a heading keeps in lower case ("Ministry of Defence of the Russian Federation").
_HEADING_SMALL = frozenset(
    {"a", "an", "and", "as", "at", "by", "de", "del", "der", "des", "di", "du", "el", "al"}
    | {"for", "from", "in", "la", "le", "of", "on", "or", "the", "to", "und", "van", "von"}
)
_HEADING_WORD = re.compile(r"[^\W\d_][\w.'’&-]*|\d[\d,.:]*")


def is_heading_line(line: str) -> bool:
    """A line in title case with no closing stop: a page's header, an account's name, a
    release's title ("U.S. Central Command", "Press Release").
    Hard-wrapped prose always has lower-case words on a line and runs on to the next. A date
    alone on its line is no heading here: it stays with the lede whose "yesterday" it anchors."""
    words = _HEADING_WORD.findall(line)
    if not 1 <= len(words) <= 12 or line.rstrip()[-1:] in ",;-–—(":
        return False
    letters = [w for w in words if not w[0].isdigit()]
    if len(letters) == 1 and len(words) == 2 and words[1][0].isdigit():
        # An outlet or page named with a number ("Daraa 24", "Kurdistan 24"): a heading, not a
        # count of the people the next line names. A date ("Sept 9") stays with its lede.
        return letters[0][0].isupper() and _MONTH_OR_DAY.match(letters[0]) is None
    # A date alone on its line ("Sept 9 2019") stays with the lede it dates.
    return len(letters) >= 2 and all(w[0].isupper() or w.lower() in _HEADING_SMALL for w in letters)


_MONTH_OR_DAY = re.compile(
    r"(?i:" + MONTH_PREFIXES + r"|Mon|Tue|Wed|Thu|Fri|Sat|Sun|Day|Week|Year|Page|Part|No)"
)


# A page's labelled date line ("Published date: 9 October 2023 16:05 BST", "Posted on …"):
# a line of its own, never the start or end of the sentence beside it.
_LABELLED_DATE_LINE = re.compile(
    r"[ \t]*(?:published|posted|updated|last\s+updated|date\s+of\s+publication)"
    r"(?:[ \t]+(?:date|on|at))?[ \t]*:?[ \t]+\d{1,4}\b",
    re.IGNORECASE,
)


# A record's labelled field on a line of its own ("Suspected belligerent: Russian Military",
# "Location: Kafr Nouran, Aleppo governorate"): its value ends at the line's end, so prose on
# the line below, when it opens in upper case, is a sentence of its own, not the value's
# continuation. (A record's fields one under another stay one record.)
_FIELD_LINE = re.compile(
    r"[ \t]*[A-Z][A-Za-z()/-]*(?:[ \t]+[A-Za-z()/-]+){0,3}[ \t]*:[ \t]*\S.{0,80}"
)


def _cut_points(text: str, start: int, end: int, furniture: Sequence[Furniture] = ()) -> list[int]:
    """Offsets (exclusive ends) inside text[start:end] where a sentence stops."""
    cuts: set[int] = {x for f in furniture if f.block for x in (f.start, f.end)}
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
        if (
            (prev and prev[-1] in '.!?:"”’')
            or _MARKUP_LINE.match(prev)
            or _MARKUP_LINE.match(nxt)
            or (is_heading_line(prev) and nxt[:1].isupper())
            or _LABELLED_DATE_LINE.match(prev)
            or _LABELLED_DATE_LINE.match(nxt)
            or (
                nxt[:1].isupper()
                and _FIELD_LINE.fullmatch(prev) is not None
                and _FIELD_LINE.match(nxt) is None
            )
        ):
            cuts.add(m.start())
    add, drop = _furniture_cuts(text, start, end)
    cuts = (cuts - drop) | add
    return sorted(c for c in cuts if start < c < end)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _EDGE_JUNK:
        start += 1
    while end > start and text[end - 1] in _EDGE_JUNK:
        end -= 1
    return start, end


def _pieces(text: str, start: int, end: int, furniture: Sequence[Furniture] = ()) -> list[Sentence]:
    out: list[Sentence] = []
    bounds = [start, *_cut_points(text, start, end, furniture), end]
    for a, b in itertools.pairwise(bounds):
        s, e = _trimmed(text, a, b)
        if e > s and _HAS_WORD.search(text, s, e):
            out.append(Sentence(s, e, text[s:e]))
    return out


def find_title(text: str, title: str | None, window: int = 400) -> tuple[int, int] | None:
    """The span of `title` near the start of `text` (case- and space-insensitive), or None.

    A title that only opens the text's first sentence, which runs on in lower case ("Afrin
    hospital" over "Afrin hospital was bombed this afternoon."), is no headline line of the
    text."""
    if not title or not title.strip():
        return None
    words = [re.escape(w) for w in title.split()]
    if not words:
        return None
    pattern = re.compile(r"\s+".join(words) + r"(?![ \t]+(?-i:[a-z]))", re.IGNORECASE)
    m = pattern.search(text, 0, min(len(text), window + len(title) * 2))
    return (m.start(), m.end()) if m else None


# A text's own headline when the file carries no title (a story saved as .txt, a pasted article,
# a captured page or post, an e-mail body): a short line of words with no closing stop among the
# header lines that come before the first paragraph of prose.
_HEADLINE_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_NOT_HEADLINE = re.compile(
    r"^(?:by|from|to|subject|date|posted|published|updated|photo|image|video|watch|read|share|"
    r"breaking|trending|latest|live|related|advertisement)\b"
    r"|https?://|www\.|@\w|[.!?;,:]$",
    re.IGNORECASE,
)


def leading_headline(
    text: str, furniture: Sequence[Furniture] | None = None
) -> tuple[int, int] | None:
    """The span of the headline among a text's header lines, or None.

    The header lines are the first lines up to a blank line or the first line of prose (one
    ending in a stop or longer than 25 words), at most six of four words or more (a page's
    menu lines, shorter, are passed over: at most 16 lines in all). The headline is the longest of them
    with four to 25 words and at most 200 characters, no closing stop, that is no byline, link,
    handle, page furniture or publisher's name; a body of at least 100 characters follows.
    """
    lines: list[tuple[int, int]] = []
    pos = 0
    short = 0  # lines of a page's menu ("Skip to content", "Menu", "Search"): not counted
    while pos < len(text) and len(lines) - short < 6 and len(lines) < 16:
        nl = text.find("\n", pos)
        end = len(text) if nl < 0 else nl
        raw = text[pos:end]
        line = raw.strip()
        if not line:
            if lines:
                break
            pos = end + 1
            continue
        if len(_HEADLINE_WORD.findall(line)) > 25 or (
            line[-1] in ".!?" and not is_heading_line(line)
        ):
            break  # the first paragraph of prose
        a = pos + len(raw) - len(raw.lstrip())
        lines.append((a, a + len(line)))
        if len(_HEADLINE_WORD.findall(line)) < 4:
            short += 1
        pos = end + 1
    if not lines or len(text) - pos < 100:
        return None
    best: tuple[int, int] | None = None
    for a, b in lines:
        line = text[a:b]
        words = _HEADLINE_WORD.findall(line)
        if not 4 <= len(words) <= 25 or len(line) > 200 or not words[0][0].isupper():
            continue
        if _NOT_HEADLINE.search(line) or source_named_by(line) is not None:
            continue
        if furniture and is_furniture(text, a, b, furniture):
            continue
        if best is None or b - a > best[1] - best[0]:
            best = (a, b)
    return best


def split_sentences(
    text: str, title: str | None = None, furniture: Sequence[Furniture] | None = None
) -> Segmentation:
    """Split `text` into sentences; the title, when found near the start, is its own sentence.

    `furniture` is the page furniture of `text` (`furniture.furniture_spans`, found when None).
    """
    page = furniture_spans(text) if furniture is None else list(furniture)
    span = find_title(text, title) if title and title.strip() else leading_headline(text, page)
    if span is None:
        return _segmentation(text, _pieces(text, 0, len(text), page), None, page)
    a, b = span
    before = _pieces(text, 0, a, page)
    title_s, title_e = _trimmed(text, a, b)
    # A stop right after the headline ("... in northeast Syria. Victims ...") belongs to it.
    if b < len(text) and text[b] in ".!?":
        b += 1
    after = _pieces(text, b, len(text), page)
    sentences = [*before, Sentence(title_s, title_e, text[title_s:title_e]), *after]
    return _segmentation(text, sentences, len(before), page)


def _segmentation(
    text: str, sentences: list[Sentence], title: int | None, furniture: Sequence[Furniture]
) -> Segmentation:
    asides = {
        k
        for k, s in enumerate(sentences)
        if k != title and (_is_aside(s.text) or is_furniture(text, s.start, s.end, furniture))
    }
    asides |= _repeats(sentences, title)
    return Segmentation(tuple(sentences), title, frozenset(asides))


_REPEAT_MIN = 30  # characters: short lines ("Reply", "Nov 30") repeat without being accounts


_TRUNCATED = re.compile(r"\s*(?:…|\.\.\.)\s*(?:see\s+more|show\s+more|more)?$")


def _repeats(sentences: Sequence[Sentence], title: int | None) -> set[int]:
    """Sentences that repeat another word for word (case and spacing aside): a later copy, or
    a copy cut short ("… See more", a preview "Russian airstrikes on Ariha…") of any other."""
    keys = [" ".join(s.text.lower().split()) for s in sentences]
    seen: set[str] = set()
    out: set[int] = set()
    for k, key in enumerate(keys):
        if len(key) < _REPEAT_MIN or k == title:
            seen.add(key)
            continue
        if key in seen:
            out.add(k)
        cut = _TRUNCATED.search(key)
        if cut is not None and cut.start() >= _REPEAT_MIN:
            stem = key[: cut.start()]
            if any(
                j != k and len(o) > len(stem) and o.startswith(stem) for j, o in enumerate(keys)
            ):
                out.add(k)
        seen.add(key)
    return out


# Semicolons, and "while"/"whereas" before another speaker's statement ("Turkey said it
# neutralised 15 terrorists, while the SDF said eight civilians were killed").
_SAYS = r"(?:said|says|claimed|claims|reported|reports|announced|stated|told|insisted|denied)\b"
_CLAUSE_CUT = re.compile(
    rf"\s*;\s*|,?\s+(?:while|whereas)\s+(?=(?:[\w'’.-]+\s+){{1,8}}?{_SAYS})"
    # another speaker's toll in a relative clause: "Israel said it targeted X in a strike on
    # Saturday that Gaza's health ministry said killed at least 90 people"
    r"|\s+(?=(?:that|which)\s+(?:[\w'’.-]+\s+){1,6}?(?:said|says|reported)\s+"
    r"(?:killed|wounded|injured|left)\b)"
)


_REPORTED = re.compile(rf"\b{_SAYS}|\baccording\s+to\b")
# "more than 200 children had been killed in two months, including 13 children killed
# yesterday in an airstrike in the village of Almat": one incident inside a period's total.
_INCIDENT_INSIDE = re.compile(
    r",\s+including\s+(?=(?:\d[\d,]*|"
    + "|".join((*number_words(1, 19), *tens_words()))
    + r")\s+(?:[\w-]+\s+){0,3}?(?:killed|wounded|injured)\s+(?:yesterday|today|last\s+night|"
    r"on\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|in\s+an?\s+(?:\w+\s+)?(?:air\s*strike|strike|"
    r"attack|bombing|raid|explosion)))",
    re.IGNORECASE,
)
# "…, killing 4 people, while regime forces shelled the western countryside": another
# attacker's act after a comma, told on its own.
_ACT_CUT = re.compile(
    r",\s+(?:while|whereas)\s+(?=(?:[\w'’.-]+\s+){1,5}?(?:shelled|struck|bombed|targeted|"
    r"attacked|raided|stormed|pounded|fired\s+(?:shells|rockets|missiles|at|on))\b)"
)


# A named value of a table's row, as spreadsheets and CSV lists are read: "Place: Ariha;".
# A column's name has no digit: "April 8th 2017: (S590) …;" is a dated record, no column.
_RECORD_FIELD = re.compile(
    r"(?:^|;)[ \t]*(?:\[row\s+\d+\][ \t]*)?[A-Z][A-Za-z ()/-]{0,30}:[ \t]*[^;:\n]+(?=;)"
)


def clauses(text: str, sentence: Sentence) -> list[Sentence]:
    """The parts of a sentence between semicolons, between two speakers' statements joined by
    "while"/"whereas" ("X said …, while Y said …"), and between the tolls of a list of
    incidents, each with its own verb ("…: 5 civilians were killed in Daraa by gunmen, 3
    soldiers were killed in an ISIS attack in the Badia, and …"); the whole sentence when it
    has none of them."""
    if len(_RECORD_FIELD.findall(sentence.text)) >= 2:
        return [sentence]  # a table's row of named values ("Date: …; Place: …"): one record
    parts: list[Sentence] = []
    pos = sentence.start
    cuts = sorted(
        [
            *_CLAUSE_CUT.finditer(text, sentence.start, sentence.end),
            *_ACT_CUT.finditer(text, sentence.start, sentence.end),
            *_INCIDENT_INSIDE.finditer(text, sentence.start, sentence.end),
            *_tolls(text, sentence),
        ],
        key=lambda m: m.start(),
    )
    for m in cuts:
        if m.start() < pos:
            continue
        if (
            m.re is _CLAUSE_CUT
            and ";" not in m.group()
            and not _REPORTED.search(text, pos, m.start())
        ):
            continue  # "forces repelled an attack while activists claimed …": one statement
        if m.start() > pos:
            parts.append(Sentence(pos, m.start(), text[pos : m.start()]))
        pos = m.end()
    if pos < sentence.end:
        parts.append(Sentence(pos, sentence.end, text[pos : sentence.end]))
    return [p for p in parts if _HAS_WORD.search(p.text)] or [sentence]


# A toll of its own, with its own verb, after a colon or a comma: the next item of a list of
# incidents ("…: 5 civilians were killed in Daraa by gunmen, 3 soldiers were killed in …").
_TOLL_AHEAD = (
    r"(?=(?:another\s+)?(?:\d[\d,]*|"
    + "|".join((*number_words(1, 19), *tens_words()))
    + r")\s+(?:[\w-]+\s+){0,4}?(?:were|was)\s+(?:also\s+|reportedly\s+)?"
    r"(?:killed|injured|wounded|executed)\b)"
)
_TOLL_CUT = re.compile(
    rf"\s*:\s+{_TOLL_AHEAD}|,\s+(?:and\s+|while\s+)?{_TOLL_AHEAD}", re.IGNORECASE
)
# an item's own toll and where it was: "5 civilians were killed in Daraa by unknown gunmen"
_OWN_TOLL = re.compile(
    r"\b(?:were|was)\s+(?:also\s+|reportedly\s+)?(?:killed|injured|wounded|executed)\b"
    r"[^,;:]*?\b(?:in|near|on)\s+(?:the\s+)?[A-Z]"
)
_SUMMED = re.compile(r"\b(?:deaths|fatalities|casualties|victims|toll|killed|documented)\b", re.I)


def _tolls(text: str, sentence: Sentence) -> list[re.Match[str]]:
    """The cuts between the items of a list of incidents in one sentence: each item states its
    own toll with its own verb; what comes before the first is the list's head (a day's total)
    or another item."""
    found = list(_TOLL_CUT.finditer(text, sentence.start, sentence.end))
    if not found:
        return []
    out = []
    pos = sentence.start
    for m in found:
        before = text[pos : m.start()]
        if _OWN_TOLL.search(before) or (":" in m.group() and _SUMMED.search(before)):
            out.append(m)
            pos = m.end()
    return out


# Section headings of long reports whose sentences are not the report's incident. Background
# sections (context, legal analysis, earlier attacks) tell other incidents; the apparatus
# (methodology, recommendations, about, annexes, notes) tells none.
_BACKGROUND_HEADING = re.compile(
    r"(?:background|context|historical\s+context|(?:a\s+)?brief\s+history|overview\s+of\s+the\s+"
    r"conflict|legal\s+(?:analysis|framework|obligations)|applicable\s+law|international\s+law|"
    r"(?:previous|earlier|past|prior|similar)\s+(?:attacks|incidents|strikes|violations)|"
    r"a\s+pattern\s+of\s+[\w ]+)",
    re.IGNORECASE,
)
_APPARATUS_HEADING = re.compile(
    r"(?:methodology|(?:our\s+)?methods?|about\s+(?:us|this\s+report|the\s+\w+)|"
    r"recommendations?(?:\s+to\s+[\w ,]+)?|conclusions?\s+and\s+recommendations|"
    r"annex(?:es)?(?:\s+\w+)?|appendix(?:\s+\w+)?|acknowledge?ments|(?:end)?notes|references|"
    r"sources|glossary|about\s+the\s+authors?)",
    re.IGNORECASE,
)
_HEADING_LINE = re.compile(
    r"^[ \t]*(?:#{1,6}[ \t]+)?(?:(?:\d+(?:\.\d+)*|[IVX]+)[.)]?[ \t]+)?(?:\*\*)?"
    r"(?P<words>[A-Z][^\n.!?;:]{0,70}?)(?:\*\*)?[ \t]*:?[ \t]*$",
    re.MULTILINE,
)
_MAX_HEADING_WORDS = 8


@dataclass(frozen=True, slots=True)
class Section:
    """A section of a report that is not about its incident: `kind` is "background" (context,
    legal analysis, earlier attacks) or "apparatus" (methodology, recommendations, annexes)."""

    start: int
    end: int
    kind: str


def context_sections(text: str) -> list[Section]:
    """A long report's background and apparatus sections, found by their headings.

    A section opens at a heading line (a short line of its own, no full stop, optionally
    numbered or marked up: "Background", "3. Methodology", "## Recommendations to the parties")
    and runs to the next heading line.
    """
    heads = [
        m
        for m in _HEADING_LINE.finditer(text)
        if len(m.group("words").split()) <= _MAX_HEADING_WORDS
    ]
    out = []
    for k, m in enumerate(heads):
        words = m.group("words").strip()
        kind = (
            "background"
            if _BACKGROUND_HEADING.fullmatch(words)
            else "apparatus"
            if _APPARATUS_HEADING.fullmatch(words)
            else None
        )
        if kind is not None:
            end = heads[k + 1].start() if k + 1 < len(heads) else len(text)
            out.append(Section(m.start(), end, kind))
    return out
