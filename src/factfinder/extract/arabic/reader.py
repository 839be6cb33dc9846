"""An Arabic document → the `Unit`s that `extract.assemble` builds claims from.

Steps, as in the English pipeline: split the text into sentences (Arabic and Latin stops,
newlines, "-"/"•" bullets; the title, when the text opens with it, is its own sentence) and
clauses (؛ ;); cut away social-network page furniture ("Shared with Public", reactions,
comments) and read its posting date as the report date when the document has none; attribute
every sentence to a claimant; read every clause's counts, dates, places, actors, event cues
and weapons. A sentence in Latin script inside an Arabic document is read by the English
readers. Spans are offsets into the original text.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from factfinder.arabic import arabic_share, fold_key
from factfinder.extract.actors import find_actors as english_actors
from factfinder.extract.arabic.actors import (
    find_actors,
    find_claimant,
    find_stance,
    header_claimant,
    occupier,
)
from factfinder.extract.arabic.casualties import find_counts
from factfinder.extract.arabic.dates import find_dates
from factfinder.extract.arabic.events import find_events, find_weapons, not_conflict
from factfinder.extract.arabic.named import list_header, name_line, named_victims
from factfinder.extract.arabic.text import ArabicText, latin_words, mask_broken
from factfinder.extract.attribution import Attribution, StanceCue, document_publisher
from factfinder.extract.events import find_events as english_events
from factfinder.extract.events import find_weapons as english_weapons
from factfinder.extract.finders import Parts
from factfinder.extract.furniture import related_spans
from factfinder.extract.unit import Unit
from factfinder.mentions import ActorMention, CountMention, Outcome, Sentence
from factfinder.model import Claimant, Document
from factfinder.vocab import MONTH_NAMES

# Sentence stops: Arabic and Latin marks, newlines, bullets, and the joints of page furniture
# ("Shared with Public", "· ") that glue a post to its author's name.
_CUT = re.compile(
    r"[.!?؟]+(?=\s|$|[^\d])|\n+|(?:^|(?<=\s))[-–•]\s|·|\bShared with Public|\bCopy link to Tweet"
)
_CLAUSE = re.compile(r"[؛;]")
# A link to another article on one line with its headline: "اقرأ أيضاً: قسد تعلن مقتل …".
_READ_ALSO = re.compile(
    r"^[ \t]*(?:(?:اقرأ|إقرأ|اقرا)\s+(?:أيضا|أيضاً|ايضا|ايضاً)|(?:شاهد|طالع)\s+(?:أيضا|أيضاً|ايضا))"
    r"[ \t]*[:：][^\n]*",
    re.MULTILINE,
)
# Where the post ends and the page's reactions and comments begin.
_TAIL = re.compile(
    r"All reactions:|Most relevant|\bLike\s*Comment\b|\bLike\s*Reply\b|\d+\s*Views\b|Write a comment|"
    r"\bSee translation\b|Translate post|Log in or sign up|Comment via"
)
# A month's name or its three letters, the longest first (as optional endings would prefer it).
_MONTHS_EN = (
    "(?:"
    + "|".join(
        sorted(
            {w.title() for m in MONTH_NAMES for w in (m, m[:3])},
            key=lambda w: (-len(w), w),
        )
    )
    + ")"
)
# The date a post shows beside its author or under its text: "June 12, 2025 ·",
# "11:04 AM · Dec 4, 2024", "آخر تحديث: 30.08.2023", a date line opening an article.
_POSTED = re.compile(
    rf"(?P<md>{_MONTHS_EN})\s+(?P<d>\d{{1,2}}),\s+(?P<y>20\d\d)(?=\s*(?:·|at\b|\d|$))|"
    rf"[AP]M\s*·\s*(?P<md2>{_MONTHS_EN})\s+(?P<d2>\d{{1,2}}),\s+(?P<y2>20\d\d)|"
    r"^\W*(?P<iy>20\d\d)-(?P<im>\d\d)-(?P<id>\d\d)\b|"
    r"(?:تحديث|نشر|تاريخ النشر|بتاريخ)\s*:?\s*(?P<nd>\d{1,2})[./-](?P<nm>\d{1,2})[./-](?P<ny>20\d\d)"
)
_EN_MONTH_NUMBER = {m[:3]: k for k, m in enumerate(MONTH_NAMES, 1)}


def _posted(text: str) -> dt.date | None:
    m = _POSTED.search(text, 0, min(len(text), 3000))
    if m is None:
        return None
    g = m.groupdict()
    try:
        if g["md"] or g["md2"]:
            month = _EN_MONTH_NUMBER[(g["md"] or g["md2"])[:3].lower()]
            return dt.date(int(g["y"] or g["y2"]), month, int(g["d"] or g["d2"]))
        if g["iy"]:
            return dt.date(int(g["iy"]), int(g["im"]), int(g["id"]))
        return dt.date(int(g["ny"]), int(g["nm"]), int(g["nd"]))
    except ValueError:
        return None


# An embedded post's signature: "— الدفاع المدني السوري (@SyriaCivilDefe) September 17, 2021",
# or a date alone ending its line ("October 5, 2023, 8:58 am").
_SIGNED = re.compile(
    rf"(?:\(@\w+\)\s*|^[ \t]*)(?P<md>{_MONTHS_EN})\s+(?P<d>\d{{1,2}}),\s+(?P<y>20\d\d)"
    r"(?=[ \t]*(?:,[ \t]*\d{1,2}:\d\d|$))",
    re.MULTILINE,
)


def _signed(text: str) -> dt.date | None:
    m = _SIGNED.search(text)
    if m is None:
        return None
    try:
        return dt.date(int(m["y"]), _EN_MONTH_NUMBER[m["md"][:3].lower()], int(m["d"]))
    except ValueError:
        return None


def report_date(doc: Document) -> dt.date | None:
    """The date the page shows for the post or article, else `published`, else the date an
    embedded post is signed with.

    The page's own date ("June 12, 2025 · Shared with Public") wins: an archive's
    publication date may be the day the page was captured. An embedded post's date
    ("(@SyriaCivilDefe) September 17, 2021") may be older than the page that quotes it: it
    dates the report only when nothing else does."""
    return _posted(doc.text) or doc.published or _signed(doc.text)


# A line's opening before a dash, short enough to be a date alone: "الجمعة 5 آذار, 2021 - "
_DATE_HEAD = re.compile(r"^([^\n]{6,40}?\d[^\n]{0,12}?)\s+[-–—|]\s+\S")


def _dateline(at: ArabicText) -> tuple[dt.date, tuple[int, int]] | None:
    """A short line near the top that is only a date ("الخميس، 29 شباط 2024، 10:11"), or such
    a date opening a line before a dash ("الجمعة 5 آذار, 2021 - استشهد …"): the report's own
    date, and its span (it dates the report, not the event)."""
    text = at.text
    pos = 0
    for line in text[:600].split("\n"):
        a, b = pos, pos + len(line)
        pos = b + 1
        head = _DATE_HEAD.match(line)
        if head is not None and len(line.strip()) > 50:
            b = a + head.end(1)
        elif not line.strip() or len(line.strip()) > 50:
            continue
        for d in find_dates(at, a, b, None):
            if d.window.precision == "day" and d.window.start is not None:
                return d.window.start, (a, b)
    return None


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and (text[a].isspace() or text[a] in "-–•·|#*\u200e\u200f"):
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] in "-–•·|\u200e\u200f"):
        b -= 1
    return a, b


# How far down a page its headline is looked for: a news site's menus, tickers and lists of
# other headlines may come before it.
_TITLE_WITHIN = 80


def split_sentences(text: str, title: str | None) -> tuple[list[Sentence], int | None]:
    """The sentences of the post or article (furniture tail left out) and the title's index."""
    masked = mask_broken(text)  # same length: offsets hold
    tail = _TAIL.search(masked)
    stop = tail.start() if tail else len(text)
    related = related_spans(text)  # lists of other articles: other incidents' figures
    related += [m.span() for m in _READ_ALSO.finditer(text)]

    def keep(a: int, b: int) -> bool:
        return (
            b > a
            and re.search(r"[\w\u0600-\u06FF]", text[a:b]) is not None
            and not any(x <= a and b <= y for x, y in related)
        )

    out: list[Sentence] = []
    pos = 0
    for m in _CUT.finditer(masked, 0, stop):
        a, b = _trim(text, pos, m.end() if text[m.start()] in ".!?؟" else m.start())
        if keep(a, b):
            out.append(Sentence(a, b, text[a:b]))
        pos = m.end()
    a, b = _trim(text, pos, stop)
    if keep(a, b):
        out.append(Sentence(a, b, text[a:b]))
    title_index = None
    if title and out:
        key = fold_key(title)
        for k, s in enumerate(out[:_TITLE_WITHIN]):
            head = fold_key(s.text)[:40]
            # past the first lines (a news page's menus and tickers, a post's page furniture
            # come first) only a line that tells much of the title is the headline or the post
            least = 12 if k < 3 else 25
            if len(head) >= least and head in key and arabic_share(s.text) >= 0.5:
                title_index = k
                break
    return out, title_index


def _own_line(text: str, s: Sentence) -> bool:
    """Whether sentence `s` is a whole line with no full stop: a headline's form."""
    before = text[: s.start].rstrip(" \t\u200e\u200f#|")
    after = text[s.end :].lstrip(" \t\u200e\u200f")
    return (
        (not before or before.endswith("\n"))
        and after.startswith("\n")
        and "\n" not in s.text
        and not s.text.rstrip().endswith((".", ":"))
    )


def _headline_line(at: ArabicText, sentences: Sequence[Sentence]) -> int | None:
    """An untitled page's headline: its first sentence with a casualty count, when that is a
    short line of its own and the next sentence, a longer one that is no line of its own (a
    list of other headlines is not a lede), tells the same first figure ("إصابة أربعة مدنيين
    بقصف للنظام" over "أصيب أربعة مدنيين بينهم طفل، ليل الأحد، بقصف …")."""
    for k, s in enumerate(sentences[: _TITLE_WITHIN - 1]):
        counts = find_counts(at, s.start, s.end)
        if not counts:
            continue
        if k + 1 >= len(sentences) or len(s.text) > _HEADLINE_CHARS or not _own_line(at.text, s):
            return None
        lede = sentences[k + 1]
        told = find_counts(at, lede.start, lede.end)
        if (
            len(lede.text) <= len(s.text)
            or _own_line(at.text, lede)
            or not told
            or (told[0].range.min, told[0].outcome) != (counts[0].range.min, counts[0].outcome)
        ):
            return None
        return k
    return None


# The longest line read as an untitled page's headline.
_HEADLINE_CHARS = 110


def _clauses(text: str, s: Sentence) -> list[Sentence]:
    out = []
    pos = s.start
    for m in _CLAUSE.finditer(text, s.start, s.end):
        a, b = _trim(text, pos, m.start())
        if b > a:
            out.append(Sentence(a, b, text[a:b]))
        pos = m.end()
    a, b = _trim(text, pos, s.end)
    if b > a:
        out.append(Sentence(a, b, text[a:b]))
    return out


def _attributions(
    at: ArabicText, sentences: Sequence[Sentence], title: int | None, fallback: Claimant
) -> list[tuple[Attribution, int | None]]:
    """The claimant of every sentence (its own, else the last one named, else the
    publisher's) and the end of its reporting words."""
    own = []
    for s in sentences:
        c = find_claimant(at, s.start, s.end)
        own.append(c)
    out: list[tuple[Attribution, int | None]] = []
    current: Attribution | None = None
    for k, c in enumerate(own):
        if c is not None:
            current = Attribution(Claimant(c.name, c.type), (c.start, c.end))
            out.append((current, c.cut))
        elif k == title or (title is not None and k < title) or current is None:
            lede = next((x for x in own[k + 1 : k + 4] if x is not None), None)
            if lede is not None:
                out.append(
                    (
                        Attribution(Claimant(lede.name, lede.type), (lede.start, lede.end), True),
                        None,
                    )
                )
            else:
                out.append((Attribution(fallback, None, True), None))
        else:
            out.append((Attribution(current.claimant, current.span, True), None))
    return out


def _speaker(at: ArabicText, attribution: Attribution) -> str | None:
    """The party a party claimant speaks for, as its name says ("وزارة الدفاع الروسية" →
    russia; "قيادة التحالف الدولي" → us_led_coalition), else None."""
    if not attribution.claimant.is_party or attribution.span is None:
        return None
    a, b = attribution.span
    return next(
        (m.group for m in find_actors(at, a, b) if m.group not in ("unknown", "other")), None
    )


# A party's own forces, named with a pronoun after its statement: "أعلنت وزارة الدفاع الروسية
# أن طائراتها دمرت …" (its aircraft: Russia's, an admission).
_OWN_FORCE = re.compile(
    r"(?<!\w)[وب]?(?:طائرات|طيران|قوات|مقاتلات|وحدات|مدفعية|صواريخ|مسيرات|مسيّرات)(?:ها|ه|هم|نا)(?!\w)"
)


def _own_forces(
    text: str,
    a: int,
    b: int,
    speaker: str | None,
    attribution: Attribution,
    actors: Sequence[ActorMention],
) -> tuple[ActorMention, ...]:
    """The speaking party's forces the clause names by a pronoun, when it names no attacker."""
    if speaker is None or attribution.span is None or attribution.inherited:
        return ()
    if any(m.role == "perpetrator" for m in actors):
        return ()
    m = _OWN_FORCE.search(text, max(a, attribution.span[1]), b)
    if m is None:
        return ()
    return (ActorMention(m.start(), m.end(), m.group(), speaker, "perpetrator"),)


def _with_named(
    counts: Sequence[CountMention], named: Sequence[CountMention]
) -> tuple[CountMention, ...]:
    """The clause's counts and the people it names who are not inside a count's words."""
    return tuple(counts) + tuple(
        n for n in named if not any(c.start < n.end and n.start < c.end for c in counts)
    )


def _unit(s: Sentence, k: int, counts: tuple[CountMention, ...], attribution: Attribution) -> Unit:
    """A line of a list of names: its person, and nothing else."""
    return Unit(
        sentence=s,
        is_title=False,
        index=k,
        counts=counts,
        dates=(),
        places=(),
        actors=(),
        cues=(),
        weapons=(),
        attribution=attribution,
        report_cut=None,
        stances=(),
        speaker=None,
    )


def _in(a: int, b: int, start: int, end: int) -> bool:
    return start <= a and b <= end


def arabic_units(doc: Document, parts: Parts) -> tuple[list[Unit], dt.date | None]:
    """The document's clauses with their mentions, and the report date."""

    text = doc.text
    at = ArabicText(text)
    anchor = report_date(doc)
    line = _dateline(at)
    if anchor is None and line is not None:
        anchor = line[0]
    if anchor is None:
        # A date in the English page furniture around the post ("3:15 PM - 12 Jan 2024",
        # "Published: 12 January 2024") dates it as it would an English post.
        own = parts.dateline(text, doc.title, None)
        if own is not None and own.window.precision == "day" and own.window.start is not None:
            anchor = own.window.start
    sentences, title = split_sentences(text, doc.title)
    if title is None:
        title = _headline_line(at, sentences)
    publisher = document_publisher(text, doc.publisher, doc.title)
    page = header_claimant(at) if publisher is None else None
    if publisher is not None:
        fallback = Claimant(publisher.name, publisher.type)
    elif page is not None:
        fallback = Claimant(page.name, page.type)
    else:
        fallback = Claimant()
    attributions = _attributions(at, sentences, title, fallback)
    places = list(parts.places(text))
    occupied_by = occupier(at)
    english_dates = None
    units: list[Unit] = []
    listing: Outcome | None = None  # the outcome of the list of names the sentences are in
    for k, (s, (attribution, cut)) in enumerate(zip(sentences, attributions, strict=True)):
        latin = arabic_share(s.text) < 0.3
        if latin and latin_words(s.text) < 8:
            continue  # a page name, a caption, furniture
        if not latin:
            header = list_header(at, s.start, s.end)
            if header is not None:
                listing = header
            elif listing is not None:
                person = name_line(at, s.start, s.end, listing)
                if not person:
                    i, j = at.tokens_in(s.start, s.end)
                    if j - i > 8:
                        listing = None  # a sentence: the list has ended
                else:
                    units.append(_unit(s, k, tuple(person), attribution))
                    continue
        speaker = _speaker(at, attribution)
        for c in _clauses(text, s):
            a, b = c.start, c.end
            if latin:
                if english_dates is None:
                    english_dates = list(parts.dates(text, anchor))
                counts = tuple(parts.counts(text, a, b))
                dates = tuple(
                    d for d in english_dates if _in(d.start, d.end, a, b) and d.kind != "dateline"
                )
                actors = tuple(english_actors(text, a, b))
                cues = tuple(english_events(text, a, b))
                weapons = tuple(english_weapons(text, a, b))
                stances: tuple[StanceCue, ...] | None = None  # the English cues
            elif not_conflict(at, a, b):
                continue  # road accidents, drownings, earthquakes: not conflict harm
            else:
                counts = _with_named(find_counts(at, a, b), named_victims(at, a, b))
                dates = tuple(
                    d
                    for d in find_dates(at, a, b, anchor)
                    if line is None or not _in(d.start, d.end, *line[1])
                )
                actors = tuple(find_actors(at, a, b, occupied_by=occupied_by))
                actors += _own_forces(text, a, b, speaker, attribution, actors)
                cues = tuple(find_events(at, a, b))
                weapons = tuple(find_weapons(at, a, b))
                # Denials and admissions are the clause's own claimant's (offsets in the clause).
                stances = tuple(
                    StanceCue(m.start - a, m.end - a, m.stance, None) for m in find_stance(at, a, b)
                )
            blocked = [(m.start, m.end) for m in actors if m.group != "unknown"]
            units.append(
                Unit(
                    sentence=c,
                    is_title=k == title,
                    index=k,
                    counts=counts,
                    dates=dates,
                    places=tuple(
                        p
                        for p in places
                        if _in(p.start, p.end, a, b)
                        and not any(x < p.end and p.start < y for x, y in blocked)
                    ),
                    actors=actors,
                    cues=cues,
                    weapons=weapons,
                    attribution=attribution,
                    report_cut=cut if cut is not None and a <= cut <= b else None,
                    stances=stances,
                    speaker=speaker,
                )
            )
    return units, anchor


def _repeats(text: str, title: str) -> bool:
    """Whether the text tells the title's statement ("X on X: \"…\" / X" repeats the post)."""
    body = fold_key(text)
    for line in re.split(r'[\n"“”]', title):
        key = fold_key(line)
        if len(key) >= 20 and key[:25] in body:
            return True
    return False


def arabic_headline(doc: Document, parts: Parts) -> Unit | None:
    """The Arabic headline read on its own (offsets into the title), for a document whose text
    does not repeat it: a news page archived with its site's ticker, a post whose title is its
    only statement."""
    title = doc.title
    if not title or arabic_share(title) < 0.5 or _repeats(doc.text, title):
        return None
    at = ArabicText(title)
    end = len(title)
    return Unit(
        sentence=Sentence(0, end, title),
        is_title=True,
        counts=tuple(find_counts(at, 0, end)),
        places=tuple(parts.places(title)),
        actors=tuple(find_actors(at, 0, end, occupied_by=occupier(at))),
        cues=tuple(find_events(at, 0, end)),
    )
