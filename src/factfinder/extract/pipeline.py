"""Document → claims, one document at a time or as an ordered batch over worker processes.

`extract_document(doc)` runs the extractor's steps in one readable sequence:

1. split the text into sentences (the title, when it opens the text, is its own sentence)
   and the sentences into clauses;
2. find the report's own date (`published`, else the dateline) and its publisher;
3. attribute every sentence to a claimant;
4. read every clause: casualty counts, dates (resolved against the report date), places,
   actors and their roles, event cues, weapons;
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
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from factfinder.extract.actors import find_actors, speaker_group
from factfinder.extract.assemble import AssemblyOptions, Unit, assemble
from factfinder.extract.attribution import attribute, clause_attribution, document_publisher
from factfinder.extract.events import find_events, find_weapons
from factfinder.extract.mentions import (
    CountMention,
    DateMention,
    PlaceMention,
)
from factfinder.extract.placing import area_of, speaks
from factfinder.extract.sentences import clauses, split_sentences
from factfinder.model import Document, DocumentClaims, Place

PlacesFn = Callable[[str], Sequence[PlaceMention]]
CountsFn = Callable[[str, int, int], Sequence[CountMention]]
DatesFn = Callable[[str, "dt.date | None"], Sequence[DateMention]]
DatelineFn = Callable[[str, "str | None"], "DateMention | None"]


@dataclass(frozen=True)
class Parts:
    """The finders that other modules provide, as plain callables over a document text."""

    places: PlacesFn
    counts: CountsFn
    dates: DatesFn
    dateline: DatelineFn

    @classmethod
    def default(cls) -> Parts:
        """The real finders: `factfinder.geo.find_places`, `extract.casualties`, `extract.dates`."""
        from factfinder.extract.casualties import find_casualties
        from factfinder.extract.dates import find_dates, read_dateline
        from factfinder.geo import find_places

        def places(text: str) -> Sequence[PlaceMention]:
            return find_places(text)

        def counts(text: str, start: int, end: int) -> Sequence[CountMention]:
            return find_casualties(text, start, end)

        def dates(text: str, anchor: dt.date | None) -> Sequence[DateMention]:
            return find_dates(text, anchor=anchor)

        def dateline(text: str, title: str | None) -> DateMention | None:
            return read_dateline(text, title)

        return cls(places, counts, dates, dateline)


_REPORT_THAT = re.compile(
    r"\b(?:said|says|stated|states|reported|reports|added|announced|confirmed|claimed|noted|stressed|"
    r"highlighted|pointed\s+out|warned|revealed|explained|indicated|alleged|wrote|told\s+\w+)"
    r"(?:\s+(?:on|in|late|early|at|to|during)\s+(?:[\w'-]+\s+){0,5}?[\w'-]+)*,?\s+that\b",
    re.IGNORECASE,
)


# A wire dateline's city ("BEIRUT (Reuters) -", "Damascus, November 3 (RHC)--", a capitalised
# "BEIRUT" opening the body) says where the report was filed, not where the incident was.
_DATELINE_CITY = re.compile(
    r"^\W*(?P<city>[A-Z][A-Za-z'-]+(?:\s+[A-Z][A-Za-z'-]+)?)(?:\s*,\s*[A-Z][a-z]+\.?\s+\d{1,2}(?:,\s*\d{4})?)?"
    r"\s*\([A-Za-z .]{2,30}\)\s*(?:[-—–]+|:)|^\W*(?P<caps>[A-Z]{4,}(?:\s+[A-Z]{3,})?)\b(?=\s+[A-Z(])"
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
    A city named in title case right after the date counts only when it lies outside the
    country the report is about ("Beirut", "Amman"): a home city there opens the headline
    ("Aleppo bomb blast kills six").
    """
    spans = []
    for s in starts:
        m = _DATELINE_CITY.match(text, s, min(len(text), s + 80))
        if m:
            g = "city" if m.group("city") else "caps"
            spans.append((m.start(g), m.end(g)))
    if after_date is not None:
        m = _CITY_AFTER_DATE.match(text, after_date, min(len(text), after_date + 60))
        city = next((p for p in places if m and p.start == m.start("city")), None)
        if m and city is not None and city.place.precision != "country":
            state = _main_state([p for p in places if p is not city])
            if city.place.country not in (None, state):
                spans.append((m.start("city"), m.end("city")))
    return spans


def _in(span_start: int, span_end: int, start: int, end: int) -> bool:
    return start <= span_start and span_end <= end


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
        """The date the report gives itself: `published`, else its dateline."""
        if doc.published is not None:
            return doc.published
        line = self.parts.dateline(doc.text, doc.title)
        if line is not None and line.window.start is not None and line.window.precision == "day":
            return line.window.start
        return None

    def units(self, doc: Document) -> tuple[list[Unit], dt.date | None]:
        """Steps 1–4: the document's clauses with their mentions, and the report date."""
        text = doc.text
        seg = split_sentences(text, doc.title)
        report_date = self.report_date(doc)
        publisher = document_publisher(text, doc.publisher)
        attributions = attribute(text, seg.sentences, title_index=seg.title, publisher=publisher)
        places = list(self.parts.places(text))
        state = _main_state(places)
        line = self.parts.dateline(text, doc.title)
        starts = [s.start for s in seg.sentences]
        if line is not None:
            starts.append(line.end)
        filed_at = _dateline_spans(text, starts, line.end if line else None, places)
        dates = [
            d
            for d in self.parts.dates(text, report_date)
            if d.kind != "dateline"
            and not (line is not None and d.start < line.end and line.start < d.end)
        ]
        units: list[Unit] = []
        antecedent: str | None = None  # the party the previous sentence is about ("its" → it)
        for k, (sentence, attribution) in enumerate(zip(seg.sentences, attributions, strict=True)):
            if k in seg.asides:
                continue  # a photo caption or a tag list: no statement about the incident
            parts = clauses(text, sentence)
            subject: str | None = None
            for clause in parts:
                a, b = clause.start, clause.end
                if len(parts) > 1:
                    attribution = clause_attribution(text, a, b, attributions[k])
                own_span = None if attribution.inherited else attribution.span
                claimant = attribution.claimant
                # A party's "our forces" are its own: the speaker's group, when its name says it.
                speaker = speaker_group(claimant.name, state=state) if claimant.is_party else None
                actors = tuple(
                    find_actors(
                        text,
                        a,
                        b,
                        state=state,
                        speaker=speaker,
                        speaker_at=own_span[0] if own_span is not None else None,
                        antecedent=antecedent,
                    )
                )
                subject = subject or next(
                    (m.group for m in actors if m.group != "unknown" and m.role != "victim"), None
                )
                blocked = [(m.start, m.end) for m in actors if m.group != "unknown"] + filed_at
                cut = None
                m = _REPORT_THAT.search(text, a, b)
                if m and own_span is not None and own_span[0] < m.start():
                    cut = m.end()
                units.append(
                    Unit(
                        sentence=clause,
                        is_title=k == seg.title,
                        index=k,
                        counts=tuple(self.parts.counts(text, a, b)),
                        dates=tuple(d for d in dates if _in(d.start, d.end, a, b)),
                        places=tuple(
                            p
                            for p in places
                            if _in(p.start, p.end, a, b)
                            and not any(x < p.end and p.start < y for x, y in blocked)
                            and not speaks(text, p)
                        ),
                        actors=actors,
                        cues=tuple(find_events(text, a, b)),
                        weapons=tuple(find_weapons(text, a, b)),
                        attribution=attribution,
                        report_cut=cut,
                        speaker=speaker,
                    )
                )
            antecedent = subject
        return units, report_date

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
            ),
        )


_NEAR = re.compile(r"\bnear\s+(?:(?:the\s+)?[\w'-]+\s+){0,2}$", re.IGNORECASE)


def _headline_area(places: Sequence[PlaceMention]) -> str | None:
    """The one governorate a headline names (None when it names none or several)."""
    areas = {area_of(p.place.admin1) for p in places if p.place.precision != "country"}
    areas.discard(None)
    return next(iter(areas)) if len(areas) == 1 else None


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
class BatchResult:
    """One document's claims, or (with no claims) the error that stopped its extraction."""

    claims: DocumentClaims
    error: str | None = None


def _safe_extract(doc: Document) -> BatchResult:
    # A failure on one document is reported with its id and the run goes on.
    try:
        return BatchResult(extract_document(doc))
    except Exception as exc:  # any bug in a part must not stop a batch
        return BatchResult(DocumentClaims(doc.id, ()), f"{type(exc).__name__}: {exc}")


def _extract_json(obj: dict[str, Any]) -> tuple[dict[str, Any], str | None]:
    # Worker-side: documents cross the process boundary as JSON-ready dicts, which pickle fast.
    result = _safe_extract(Document.from_json(obj))
    return result.claims.to_json(), result.error


def extract_batch(
    docs: Iterable[Document], *, workers: int = 1, chunksize: int = 16
) -> Iterator[BatchResult]:
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
                yield BatchResult(DocumentClaims.from_json(out), error)
