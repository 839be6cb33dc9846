"""Document → claims, one document at a time or as an ordered batch over worker processes.

`extract_document(doc)` runs the extractor's steps in one readable sequence:

1. find the page furniture of captured pages (`extract.furniture`) and split the text into
   sentences (the title, when it opens the text, is its own sentence; furniture, captions,
   repeated copies and a report's methodology and recommendations sections are read for no
   claim) and the sentences into clauses;
2. find the report's own date (`published`, else the dateline) and its publisher;
3. attribute every sentence to a claimant;
4. read every clause: casualty counts, dates (resolved against the report date), places,
   actors and their roles, event cues, weapons — all but the dates from the reading text, with
   furniture blanked and hashtags read as words; a wire dateline's city is no place;
5. assemble the claims (`assemble.assemble`).

The parts that other modules provide (places, counts, dates) are reached through `Parts`, so
tests and benchmarks can swap them; `Parts.default()` imports the real ones on first use.

`extract_batch(docs, workers=N)` yields results in input order. With N > 1 it fans documents
out to N local processes in chunks (`multiprocessing` `imap`, which keeps order) so that memory
stays bounded whatever the input size.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any, Protocol, TypeVar

from factfinder.arabic import has_arabic
from factfinder.extract import arabic
from factfinder.extract.actors import (
    bare_defence,
    find_actors,
    occupier_named,
    speaker_group,
    state_named,
)
from factfinder.extract.arabic.reader import arabic_headline, arabic_units
from factfinder.extract.assemble import AssemblyOptions, Unit, assemble
from factfinder.extract.attribution import attribute, clause_attribution, document_publisher
from factfinder.extract.dates import statement_date
from factfinder.extract.events import find_events, find_weapons
from factfinder.extract.finders import Parts
from factfinder.extract.furniture import furniture_spans, hashtag_phrases, reading_text
from factfinder.extract.placing import area_of, speaks
from factfinder.extract.sentences import clauses, context_sections, split_sentences
from factfinder.geo import theatres_named
from factfinder.intake.language import detect_language
from factfinder.mentions import (
    PlaceMention,
    Sentence,
)
from factfinder.model import Document, DocumentClaims, Place
from factfinder.vocab import MONTH_PREFIXES, TIME_GAP, number_words

_REPORT_THAT = re.compile(
    r"\b(?:said|says|stated|states|reported|reports|added|announced|confirmed|claimed|noted|stressed|"
    r"highlighted|pointed\s+out|warned|revealed|explained|indicated|alleged|wrote|"
    # "told Reuters", "told SANA reporter", "told the AFP news agency"
    r"told\s+(?:[\w'-]+\s+){0,3}?[\w'-]+)"
    r"(?:\s+(?:on|in|late|early|at|to|during)\s+(?:[\w'-]+\s+){0,5}?[\w'-]+)*,?\s+that\b",
    re.IGNORECASE,
)


# A wire dateline says where the report was filed, not where the incident was: "BEIRUT
# (Reuters) -", "AMMAN, Jordan (AP) —", "ANKARA, March 3 (Reuters) -", "ERBIL (Kurdistan 24) –",
# "Damascus, SANA –", "BAGHDAD/ERBIL, Iraq (Reuters) -", an upper-case "BEIRUT —" or "BEIRUT"
# opening the body. A monitor's lead-in names the incident's area instead: "Aleppo province:",
# "Idlib countryside –", "Deir Ezzor:", "RURAL DAMASCUS:"; it has no agency and no country,
# is in title case or names an area word, and is read as a place.
_CITY_WORD = r"[A-Z][A-Za-z'’-]+"
_CITY = rf"{_CITY_WORD}(?:[ -]{_CITY_WORD})?"
_CITIES = rf"{_CITY}(?:\s*/\s*{_CITY})*"
_MONTH = rf"(?:{MONTH_PREFIXES})[a-z]*\.?"
# ", Jordan", ", Syria", ", Iraq's Kurdistan Region" (not a month: that is the day).
_REGION = rf"(?:,\s*(?!{_MONTH}\s+\d)[A-Z][A-Za-z'’]+(?:\s+[A-Z][A-Za-z'’]+){{0,2}})"
_DAY = rf"(?:,\s*(?:{_MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH})(?:,?\s*\d{{4}})?)"
_DASH = r"\s*(?:[-—–_]+|:)"
# Agencies that sign a dateline without brackets ("Damascus, SANA –", "Ankara, AA -").
_BARE_AGENCY = (
    r"(?:SANA|AFP|AP|AA|Reuters|REUTERS|Xinhua|XINHUA|Anadolu(?:\s+Agency)?|Kurdistan\s*24|"
    r"Rudaw|ANHA|Hawar|IRNA|TASS|Sputnik|DPA|dpa|KUNA|NNA|Petra|QNA|WAFA|Tasnim|Fars|Mehr|UPI|"
    r"EFE|ANSA|NINA|INA)"
)
_DATELINE_CITY = re.compile(
    # With the agency in brackets, after the city, its country and the day.
    # (a comma may stand before the brackets: "DAMASCUS, (SANA)-")
    rf"\W*(?P<city>{_CITIES}){_REGION}?{_DAY}?\s*,?\s*\((?![Pp]hoto|PHOTO|[Ff]ile)[\w .&'’-]{{2,30}}\)"
    rf"(?:{_DASH}|\s+(?=[A-Z\"“]))"  # the dash is lost in some captures: "BEIRUT (AFP) The …"
    # "Damascus, SANA –": a bare agency after a comma.
    rf"|\W*(?P<bare>{_CITIES}){_REGION}?{_DAY}?\s*,\s*{_BARE_AGENCY}{_DASH}"
    # "Baghdad-INA", "Damascus - SANA": the agency joined to the city by a dash.
    rf"|\W*(?P<glued>{_CITIES})\s*[-–—]\s*{_BARE_AGENCY}\b"
    # An upper-case city with its country or a dash: "AMMAN, Jordan —", "BEIRUT —", "GAZA CITY -".
    rf"|\W*(?P<caps>[A-Z]{{3,}}(?:[ /-][A-Z]{{3,}})*)(?:{_REGION}|{_DAY})*\s*[—–-]+\s"
    # An upper-case city opening the body: "BEIRUT Syrian government forces …".
    rf"|\W*(?P<open>[A-Z]{{4,}}(?:\s+[A-Z]{{3,}})?)\b(?=\s+[A-Z(])"
    # A title-case city with its country: "Qamishli, Syria —".
    rf"|\W*(?P<region>{_CITIES}){_REGION}{_DAY}?\s*[—–-]+\s"
    # A title-case city and a dash, no agency: filed from abroad only (see `_dateline_spans`).
    rf"|\W*(?P<plain>{_CITY}){_DAY}?\s*[—–]+\s"
    # A city and a colon ("BEIRUT:"): a dateline when abroad, else a monitor's lead-in ("IDLIB:").
    rf"|\W*(?P<colon>{_CITY}):\s"
    # An NGO's dateline, the city in brackets opening the body: "(Beirut) –", "(Geneva) -".
    # With its date too: "(Beirut, December 12, 2021) –".
    rf"|\s*\((?P<paren>{_CITIES}){_DAY}?\)\s*[—–-]+\s"
)
_LINE_START = re.compile(r"\n+")
# A count just before a past participle: "200 civilians killed in airstrikes in 2019" tells the
# count's own event, not a past one.
_COUNTED_BEFORE = re.compile(
    r"(?:\b\d[\d,]*|\b(?:" + "|".join(number_words(1, 20)) + r"|dozens|hundreds|scores|"
    r"thousands|several|many)\b)(?:\s+[\w'’-]+){0,3}\s+$",
    re.IGNORECASE,
)
# A past killing told of a person the sentence names, with its year: "a commemoration for a
# prominent Iranian general slain in a U.S. airstrike in 2020", "the commander, who was killed
# by an Israeli strike in 2023," — history the sentence recalls, not its event: its date,
# parties, places and attack are not read as the sentence's (`_recalled`).
_PAST_KILLING = re.compile(
    r"(?<=[a-z,] )(?:who\s+was\s+)?(?:slain|assassinated|killed|murdered)\s+(?:in|by|during)\s+"
    r"(?:[^,;.()\n]|\.(?!\s+[A-Z]|\s*$)){0,80}?\b(?:in|on)\s+(?:(?:early|late|mid-?)\s*)?(?:(?:\d{1,2}\s+)?(?:"
    + MONTH_PREFIXES
    + r")[a-z]*\.?\s+(?:\d{1,2},?\s+)?)?(?:19|20)\d\d\b"
)
# The rest of a clause that recalls another, earlier event as a time reference: "…, hours after
# another Turkish drone killed three children in Qarah Halanj", "a day after a similar attack on
# the market killed five". Its dead, places and attackers are that event's, not this one's.
_ANOTHER_EVENT = re.compile(
    rf",?\s*\b{TIME_GAP}\s+(?:after|before)\s+"
    r"(?:another|an\s+earlier|a\s+(?:previous|similar|separate|second|first))\b[^.;]*",
    re.IGNORECASE,
)
# Area words make a lead-in the incident's area: "ALEPPO PROVINCE —", "IDLIB COUNTRYSIDE -".
_AREA_WORD = re.compile(
    r"\b(?:province|governorate|countryside|rural|rif|reef|outskirts|suburbs?|desert|badia|"
    r"region|district|camp|city\s+centre|countryside)\b",
    re.IGNORECASE,
)


# After the report's date line, a city and then the first capitalised word of the lede
# ("Last updated at Jan 202015 Beirut Syrian government air strikes ...").
_CITY_AFTER_DATE = re.compile(r"\s*(?:\d{1,2}:\d\d\s+)?(?P<city>[A-Z][A-Za-z'-]+)\s+(?=[A-Z\"“(])")


def _dateline_spans(
    text: str, starts: Sequence[int], after_date: int | None, places: Sequence[PlaceMention]
) -> list[tuple[int, int]]:
    """Spans of wire-dateline cities: where the report was filed, not where the incident was.

    `starts` are sentence starts (an agency dateline or an upper-case city may open any of
    them: captions and page furniture come first); `after_date` is the end of the date line.
    A city in title case with only a dash ("Beirut –"), or right after the date, counts only
    when it lies outside the country the report is about ("Beirut", "Amman"): a home city there
    is a monitor's lead-in or opens the headline ("Aleppo bomb blast kills six").
    """
    spans = []
    state = _main_state(places)

    def abroad(a: int, b: int) -> bool:
        inside = [p for p in places if a <= p.start and p.end <= b]
        others = [p for p in places if not (a <= p.start and p.end <= b)]
        home = _main_state(others) or state
        return any(
            p.place.precision != "country" and p.place.country not in (None, home) for p in inside
        )

    for s in starts:
        m = _DATELINE_CITY.match(text, s, min(len(text), s + 100))
        if not m:
            continue
        groups = ("city", "bare", "glued", "caps", "open", "region", "plain", "colon", "paren")
        g = next(k for k in groups if m.group(k))
        # The city, its country and the agency ("Kurdistan 24") are none of them the place.
        a, b = m.start(g), m.end()
        if g in ("caps", "open") and _AREA_WORD.search(text, a, m.end(g)):
            continue  # "ALEPPO COUNTRYSIDE —": the incident's area
        if g in ("plain", "colon") and not abroad(a, m.end(g)):
            continue  # "Idlib – two children were killed": a monitor's lead-in
        spans.append((a, b))
    if after_date is not None:
        m = _CITY_AFTER_DATE.match(text, after_date, min(len(text), after_date + 60))
        city = next((p for p in places if m and p.start == m.start("city")), None)
        if m and city is not None and city.place.precision != "country":
            state = _main_state([p for p in places if p is not city])
            if city.place.country not in (None, state):
                spans.append((m.start("city"), m.end("city")))
    return spans


# Capitals of the states at war abroad whose agencies file from home: a report filed there
# ("ANKARA", "MOSCOW (Sputnik) –") quotes that state's ministry when it names it bare ("the
# National Defense Ministry said"). Beirut, Amman or Erbil are where reports on Syria are filed
# from, and their bare "army" is still the country's the report is about.
_HOME_CAPITALS = {
    "ankara": "TR",
    "moscow": "RU",
    "washington": "US",
    "tehran": "IR",
    "jerusalem": "IL",
    "tel aviv": "IL",
}


def _capital_filed(text: str, filed_at: Sequence[tuple[int, int]]) -> str | None:
    """The state whose capital the report was filed from, when its first dateline says one."""
    if not filed_at:
        return None
    a, b = filed_at[0]
    words = " ".join(re.findall(r"[A-Za-z]+", text[a:b])[:2]).lower()
    return next((c for k, c in _HOME_CAPITALS.items() if words.startswith(k)), None)


def _recalled(reading: str, a: int, b: int) -> list[tuple[int, int]]:
    """The spans of `_PAST_KILLING` in the clause `reading[a:b]` that the clause only recalls:
    it goes on around them, and they are no verb of its own ("… was killed in …") nor a
    count's ("200 civilians killed in …")."""
    return [
        (m.start(), m.end())
        for m in _PAST_KILLING.finditer(reading, a, b)
        if re.search(r"[^\W\d_]", reading[a : m.start()])
        and not re.search(
            r"\b(?:was|were|been|being|is|are|be|has|have|had)\s+$",
            reading[max(a, m.start() - 12) : m.start()],
        )
        and not _COUNTED_BEFORE.search(reading, max(a, m.start() - 50), m.start())
    ]


class _Located(Protocol):
    @property
    def start(self) -> int: ...


L = TypeVar("L", bound=_Located)


def _outside(mentions: Iterable[L], spans: Sequence[tuple[int, int]]) -> tuple[L, ...]:
    """The mentions that start in none of `spans`."""
    return tuple(x for x in mentions if not any(a <= x.start < b for a, b in spans))


def _in(span_start: int, span_end: int, start: int, end: int) -> bool:
    return start <= span_start and span_end <= end


# The commonest English words: prose in English is about a fifth of them, a post or a headline
# rarely less than a twentieth; a text in another language in Latin letters has almost none.
_ENGLISH_WORDS = frozenset(
    [
        "the",
        "of",
        "and",
        "in",
        "to",
        "a",
        "an",
        "was",
        "were",
        "is",
        "are",
        "on",
        "by",
        "at",
        "for",
        "with",
        "from",
        "that",
        "said",
        "killed",
    ]
)
_LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]+(?:['’][a-z]+)?")
_FOREIGN_SAMPLE = 2000
_FOREIGN_MIN_WORDS = 8
_FOREIGN_SURE_WORDS = 25
_FOREIGN_SHARE = 0.03


def reads_as_english(doc: Document) -> bool:
    """Whether the English reader reads the document: its `language` says English (or Arabic,
    whose script decides), or, with no language given, its text is not plainly another
    language in Latin letters (French, Turkish, Kurdish …): fewer than 3 % of its words among
    the commonest English words, over 25 words or more, or over 8 words or more when the
    language detector (`intake.language`) also names another language. A text in another
    language is not read: it gives no claims rather than claims made of stray names and
    numbers."""
    if doc.language:
        return doc.language.lower()[:2] in ("en", "ar")
    words = _LATIN_WORD.findall(doc.text[:_FOREIGN_SAMPLE])
    if len(words) < _FOREIGN_MIN_WORDS:
        return True
    english = sum(1 for w in words if w.lower() in _ENGLISH_WORDS)
    if english >= _FOREIGN_SHARE * len(words):
        return True
    if len(words) >= _FOREIGN_SURE_WORDS:
        return False
    return detect_language(doc.text) in (None, "en", "ar")


class Extractor:
    """Turns documents into claims; holds the parts and the assembly options."""

    def __init__(self, parts: Parts | None = None, options: AssemblyOptions | None = None) -> None:
        self._parts = parts
        self.options = options or AssemblyOptions()

    @property
    def parts(self) -> Parts:
        if self._parts is None:
            self._parts = Parts.default()
        return self._parts

    def report_date(self, doc: Document) -> dt.date | None:
        """The date the report gives itself: `published`, else its dateline or page furniture."""
        if doc.published is not None:
            return doc.published
        line = self.parts.dateline(doc.text, doc.title, None)
        if line is not None and line.window.start is not None and line.window.precision == "day":
            return line.window.start
        if has_arabic(doc.text):
            return None
        return statement_date(doc.text)

    def units(self, doc: Document) -> tuple[list[Unit], dt.date | None]:
        """Steps 1–4: the document's clauses with their mentions, and the report date."""
        if has_arabic(doc.text) and arabic.reads_arabic(doc):
            # Arabic goes to its own readers; Persian/Kurdish/Urdu script is not read.
            return ([], None) if arabic.other_arabic_script(doc) else arabic_units(doc, self.parts)
        if not reads_as_english(doc):
            return [], None  # French, Turkish, Kurdish in Latin letters …: not read as English
        text = doc.text
        # Page furniture ("Copy link to Tweet", "1.2K Likes") yields no count, place or claim:
        # counts, places, actors and events are read from `reading`, the same text with the
        # furniture blanked and hashtags read as words (same offsets). Dates and attribution
        # read the text itself ("2:22 PM · Dec 1, 2024" dates the post).
        furniture = furniture_spans(text)
        reading = reading_text(text, furniture)
        seg = split_sentences(text, doc.title, furniture)
        report_date = self.report_date(doc)
        publisher = document_publisher(text, doc.publisher, doc.title)
        attributions = attribute(text, seg.sentences, title_index=seg.title, publisher=publisher)
        places = self._places(text, reading)
        state = _main_state(places)
        line = self.parts.dateline(text, doc.title, doc.published)
        starts = [s.start for s in seg.sentences]
        # A captured page's short lines (a masthead, then "ERBIL (Kurdistan 24) –") may be read
        # as one sentence: each line's start may open a dateline too.
        starts += [m.end() for m in _LINE_START.finditer(text)]
        if line is not None:
            starts.append(line.end)
        filed_at = _dateline_spans(text, starts, line.end if line else None, places)
        filed_from = _capital_filed(text, filed_at)
        if report_date is None and filed_at:
            # a dated dateline after a masthead ("OHCHR / GENEVA (4 March 2023) –") dates the
            # report as a dateline opening the text would
            last = max(b for _, b in filed_at)
            report_date = next(
                (
                    d.window.start
                    for d in self.parts.dates(text[: last + 1], None)
                    if d.kind == "absolute"
                    and d.window.precision == "day"
                    and any(a <= d.start < b for a, b in filed_at)
                ),
                None,
            )
        dates = [
            d
            for d in self.parts.dates(text, report_date)
            if d.kind != "dateline"
            and not (line is not None and d.start < line.end and line.start < d.end)
            # the day inside a dateline after a masthead: "OHCHR / GENEVA (4 March 2023) –"
            and not any(a <= d.start < b for a, b in filed_at)
        ]
        sections = context_sections(text)
        units: list[Unit] = []
        antecedent: str | None = None  # the party the previous sentence is about ("its" → it)
        occupier = occupier_named(reading)  # whom the document's bare "occupation" means
        for k, (sentence, attribution) in enumerate(zip(seg.sentences, attributions, strict=True)):
            if k in seg.asides:
                continue  # a photo caption or a tag list: no statement about the incident
            section = next(
                (n for n, sec in enumerate(sections, 1) if sec.start <= sentence.start < sec.end),
                0,
            )
            if section and sections[section - 1].kind == "apparatus":
                continue  # methodology, recommendations, annexes: no incident of their own
            parts = clauses(text, sentence)
            subject: str | None = None
            for clause in parts:
                a, b = clause.start, clause.end
                if len(parts) > 1:
                    attribution = clause_attribution(text, a, b, attributions[k])
                own_span = None if attribution.inherited else attribution.span
                claimant = attribution.claimant
                # A party's "our forces" are its own: the speaker's group, when its name says it.
                speaker = (
                    speaker_group(claimant.name, state=state, filed_from=filed_from)
                    if claimant.is_party
                    else None
                )
                actors = tuple(
                    find_actors(
                        reading,
                        a,
                        b,
                        state=state,
                        speaker=speaker,
                        speaker_at=own_span[0] if own_span is not None else None,
                        antecedent=antecedent,
                        occupier=occupier,
                    )
                )
                if speaker is None and claimant.is_party and bare_defence(claimant.name):
                    # "Turkey launched airstrikes …, the defence ministry said": the ministry
                    # of the one state its own sentence names acting (not "Turkish drones
                    # killed five people, the Defence Ministry said": Syria's, as likely)
                    acting = {
                        m.group
                        for m in actors
                        if m.role in ("perpetrator", "subject") and state_named(m.name) == m.group
                    }
                    if len(acting) == 1 and own_span is not None:
                        speaker = next(iter(acting))
                subject = subject or next(
                    (m.group for m in actors if m.group != "unknown" and m.role != "victim"), None
                )
                recalled = _recalled(reading, a, b)
                counted_to = b
                other = _ANOTHER_EVENT.search(reading, a, b)
                if other and re.search(r"[^\W\d_]", reading[a : other.start()]):
                    recalled.append((other.start(), b))
                    counted_to = other.start()
                actors = _outside(actors, recalled)
                blocked = [(m.start, m.end) for m in actors if m.group != "unknown"] + filed_at
                blocked += recalled
                cut = None
                m = _REPORT_THAT.search(text, a, b)
                if m and own_span is not None and own_span[0] < m.start():
                    cut = m.end()
                units.append(
                    Unit(
                        sentence=clause,
                        is_title=k == seg.title,
                        index=k,
                        counts=tuple(self.parts.counts(reading, a, counted_to)),
                        dates=_outside((d for d in dates if _in(d.start, d.end, a, b)), recalled),
                        places=tuple(
                            p
                            for p in places
                            if _in(p.start, p.end, a, b)
                            and not any(x < p.end and p.start < y for x, y in blocked)
                            and not speaks(text, p)
                        ),
                        actors=actors,
                        cues=_outside(find_events(reading, a, b), recalled),
                        weapons=_outside(find_weapons(reading, a, b), recalled),
                        attribution=attribution,
                        report_cut=cut,
                        section=section,
                        speaker=speaker,
                    )
                )
            antecedent = subject
        return units, report_date

    def _places(self, text: str, reading: str) -> list[PlaceMention]:
        """The places of the reading text, and those a CamelCase hashtag joins ("#AfrinToday")."""
        places = list(self.parts.places(reading))
        for tag in hashtag_phrases(text):
            if reading[tag.start] != text[tag.start]:
                continue  # inside furniture
            for pm in self.parts.places(tag.text):
                a, b = tag.span(pm.start, pm.end)
                if not any(p.start < b and a < p.end for p in places):
                    places.append(replace(pm, start=a, end=b))
        return _abroad(reading, sorted(places, key=lambda p: p.start))

    def headline_unit(self, doc: Document, units: Sequence[Unit]) -> Unit | None:
        """The headline read on its own (offsets into the title) when the text lacks it."""
        title = doc.title
        if not title or not title.strip() or any(u.is_title for u in units):
            return None
        if has_arabic(doc.text) and arabic.reads_arabic(doc):
            return arabic_headline(doc, self.parts)
        end = len(title)
        return Unit(
            sentence=Sentence(0, end, title),
            is_title=True,
            counts=tuple(self.parts.counts(title, 0, end)),
            places=tuple(p for p in self.parts.places(title) if not speaks(title, p)),
            actors=tuple(find_actors(title, 0, end)),
        )

    def headline_area(self, doc: Document) -> str | None:
        """The governorate the document's headline (its `title`) names, if exactly one."""
        if not doc.title or not doc.title.strip():
            return None
        title = doc.title
        # "Strikes kill 11 near Aleppo": a landmark the incident was near, maybe across a border.
        return _headline_area(
            [
                p
                for p in self.parts.places(title)
                if not speaks(title, p) and not _NEAR.search(title, 0, p.start)
            ]
        )

    def extract(self, doc: Document) -> DocumentClaims:
        """All claims of one document (step 5 over steps 1–4)."""
        if not doc.text.strip():
            return DocumentClaims(doc.id, ())
        units, report_date = self.units(doc)
        # One sentence (its clauses may be several): a headline, a monitor's incident line.
        headline_only = len({u.index for u in units}) <= 1
        return DocumentClaims(
            doc.id,
            assemble(
                units,
                report_date=report_date,
                options=self.options,
                known_places=_towns_by_admin1(units),
                headline_only=headline_only,
                headline_area=self.headline_area(doc),
                headline=self.headline_unit(doc, units),
                one_attacker=has_arabic(doc.text) and arabic.reads_arabic(doc),
                headline_is_report=is_ticker(doc.text),
            ),
        )


def is_ticker(text: str) -> bool:
    """Whether a page's text is only short lines (a site's news ticker, its menus): eight
    lines or more, none longer than a headline. Archived in place of an article, it tells
    other news; the page's headline is its report."""
    lines = [line for line in text.split("\n") if line.strip()]
    return len(lines) >= 8 and all(len(line.split()) <= 16 for line in lines)


_NEAR = re.compile(r"\bnear\s+(?:(?:the\s+)?[\w'-]+\s+){0,2}$", re.IGNORECASE)


def _headline_area(places: Sequence[PlaceMention]) -> str | None:
    """The one governorate a headline names (None when it names none or several)."""
    areas = {area_of(p.place.admin1) for p in places if p.place.precision != "country"}
    areas.discard(None)
    return next(iter(areas)) if len(areas) == 1 else None


# Wars away from Syria and Iraq: those whose places the gazetteer holds (their theatres,
# `geo.gazetteer.THEATRE_CUES`) and those whose towns it does not hold.
_OTHER_WARS = frozenset({"YE", "LY", "SO"})
_UNMAPPED_WARS = frozenset({"AF", "SD", "SS", "ML"})
_MAPPED = frozenset({"SY", "IQ", "TR", "LB", "JO", "IL", "PS"})
# Wars whose towns the gazetteer lacks, named by their people or their parties in a report's
# opening ("the Taliban-run ministry"); those it holds are named by their theatre's cues
# (`geo.theatres_named`: "Libya's government", "a Saudi-led coalition air strike in Hajjah").
_UNMAPPED_WAR_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("AF", re.compile(r"\b(?:Afghanistan|Afghans?|Taliban)\b", re.IGNORECASE)),
    ("SD", re.compile(r"\bSudan(?:ese)?\b", re.IGNORECASE)),
)
_MAPPED_WORDS = re.compile(
    r"\b(?:Syria(?:n|ns|'s)?|Iraq(?:i|is|'s)?|Kurdistan|Kurdish|Lebanon|Lebanese|Jordan(?:ian)?|"
    r"Gaza|West\s+Bank|Palestin\w*|Israel(?:i|is|'s)?|Turkey|T[üu]rkiye)\b"
)
_COUNTRY_AFTER = re.compile(r"\s*(?:,|\()\s*$")


def _abroad(text: str, places: list[PlaceMention]) -> list[PlaceMention]:
    """Places of a report about a war away from Syria and Iraq: only those of that war.

    A report that opens on Yemen, Libya or Somalia ("Yemen: Flash Update", "TRIPOLI, Libya
    (Reuters) -", "SANAA, Yemen —": the first place it names is that country, or a city given
    with it; or its first 300 characters name such a war by its people or parties: "Libya's
    government", "a Saudi-led coalition air strike in Hajjah") and never names Syria, Iraq or a
    neighbour (nor their people, Kurdistan or Gaza) is about that war: a town name resolved in
    another country is a homonym ("Tripoli" in Lebanon, "Sa'ada" in Syria), not the place the
    report means, and no place beats a wrong one. The gazetteer holds the towns of Yemen, Libya
    and Somalia (they stay); of a war whose towns it lacks (Afghanistan, Sudan, Mali) only the
    countries stay.
    """
    if not places:
        return places
    first = places[0]
    war = None
    if first.place.precision == "country":
        war = first.place.country
    elif len(places) > 1 and places[1].place.precision == "country":
        between = text[first.end : places[1].start]
        if _COUNTRY_AFTER.fullmatch(between):
            war = places[1].place.country  # "TRIPOLI, Libya", "Sinjar (Iraq)"
    if war not in _UNMAPPED_WARS | _OTHER_WARS:
        named = sorted(theatres_named(text[:300]) & _OTHER_WARS)
        war = named[0] if named else None
        if war is None:
            war = next((c for c, words in _UNMAPPED_WAR_WORDS if words.search(text, 0, 300)), None)
    if war is None:
        return places
    if _MAPPED_WORDS.search(text):
        return places  # it speaks of Syria, Iraq or a neighbour too
    if any(p.place.precision == "country" and p.place.country in _MAPPED for p in places):
        return places  # it names Syria, Iraq or a neighbour too
    return [p for p in places if p.place.precision == "country" or p.place.country == war]


def _main_state(places: Sequence[PlaceMention]) -> str | None:
    """The country most of the document's places are in (whose "army" the text means)."""
    counts: dict[str, int] = {}
    for p in places:
        if p.place.country:
            counts[p.place.country] = counts.get(p.place.country, 0) + 1
    return max(counts, key=lambda c: counts[c]) if counts else None


def _towns_by_admin1(units: Sequence[Unit]) -> dict[str, Place]:
    """The first town-level place the document names in each governorate."""
    towns: dict[str, Place] = {}
    for u in units:
        for pm in u.places:
            p = pm.place
            if p.admin1 and p.precision in ("town", "neighbourhood", "exact") and p.lat is not None:
                towns.setdefault(p.admin1, p)
    return towns


_DEFAULT: Extractor | None = None


def extract_document(doc: Document) -> DocumentClaims:
    """The claims of one document with the default parts and options."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Extractor()
    return _DEFAULT.extract(doc)


@dataclass(frozen=True, slots=True)
class ExtractionResult:
    """One document's claims, or (with no claims) the error that stopped its extraction."""

    claims: DocumentClaims
    error: str | None = None


def _safe_extract(doc: Document) -> ExtractionResult:
    # A failure on one document is reported with its id and the run goes on.
    try:
        return ExtractionResult(extract_document(doc))
    except Exception as exc:  # any bug in a part must not stop a batch
        return ExtractionResult(DocumentClaims(doc.id, ()), f"{type(exc).__name__}: {exc}")


def _extract_json(obj: dict[str, Any]) -> tuple[dict[str, Any], str | None]:
    # Worker-side: documents cross the process boundary as JSON-ready dicts, which pickle fast.
    result = _safe_extract(Document.from_json(obj))
    return result.claims.to_json(), result.error


def extract_batch(
    docs: Iterable[Document], *, workers: int = 1, chunksize: int = 16
) -> Iterator[ExtractionResult]:
    """Claims for each document, in input order; `workers` > 1 uses that many processes."""
    if workers <= 1:
        for doc in docs:
            yield _safe_extract(doc)
        return
    import multiprocessing as mp

    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
    # Pool.imap reads its whole input ahead; feeding it bounded windows keeps memory flat.
    window = workers * chunksize * 4
    source = iter(docs)
    with ctx.Pool(processes=workers) as pool:
        while batch := [d.to_json() for d in itertools.islice(source, window)]:
            for out, error in pool.imap(_extract_json, batch, chunksize=chunksize):
                yield ExtractionResult(DocumentClaims.from_json(out), error)
