"""The finders the extractor's readers share (`Parts`): places, casualty counts, dates and the
dateline, as plain callables over a document text, so a reader (the English pipeline, the
Arabic reader) or a test can be given other ones."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from factfinder.extract.casualties import find_casualties
from factfinder.extract.dates import document_date, find_dates
from factfinder.geo import find_places
from factfinder.mentions import CountMention, DateMention, PlaceMention

PlacesFn = Callable[[str], Sequence[PlaceMention]]
CountsFn = Callable[[str, int, int], Sequence[CountMention]]
DatesFn = Callable[[str, "dt.date | None"], Sequence[DateMention]]
DatelineFn = Callable[[str, "str | None", "dt.date | None"], "DateMention | None"]


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

        def places(text: str) -> Sequence[PlaceMention]:
            return find_places(text)

        def counts(text: str, start: int, end: int) -> Sequence[CountMention]:
            return find_casualties(text, start, end)

        def dates(text: str, anchor: dt.date | None) -> Sequence[DateMention]:
            return find_dates(text, anchor=anchor)

        def dateline(text: str, title: str | None, anchor: dt.date | None) -> DateMention | None:
            return document_date(text, title, anchor=anchor)

        return cls(places, counts, dates, dateline)
