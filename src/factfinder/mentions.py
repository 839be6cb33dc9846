"""What the parts of the extractor (and the place resolver) find in a text, before claims are
assembled.

Each part (sentences, numbers and casualties, dates, places, actors, weapons and event types,
attribution) reads a character range of a document and returns mentions: a value plus the
`[start, end)` offsets of the words it came from, as Python string indices into the document
text. `factfinder.extract.assemble` turns them into `Claim`s. Offsets are always document
offsets, never sentence-relative, so every value stays traceable to its span.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, NamedTuple

from factfinder.model import DateWindow, Place, Range

Outcome = Literal["killed", "injured", "missing"]
# Who the victims of a count are; "total" when the text does not say. "elderly" is kept apart
# from the claim format's categories because it has no field there (it counts towards civilians).
Victims = Literal["total", "civilians", "children", "women", "men", "elderly", "combatants"]


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class CountMention:
    """A casualty count: "at least 26 local civilians" killed.

    `sub_of` is the index (in the same returned list) of the count this one breaks down
    ("including 14 children" → the 26 civilians), or None for a head count. `listed` marks
    a sum the text does not state as one figure: the people of a list added up ("a man, his
    wife and their three children" → 5 civilians). `named` marks one person the text names
    ("6-year-old Sara", "journalist Ali Hasan"): `range` is 1 and `range.text` the name, so
    that `tally.combine` can count the people named without counting anyone twice.
    `update` marks the figure a toll rose to ("the toll rose to 7", "ارتفعت الحصيلة إلى 7"):
    it replaces the earlier figures of its category. `later` marks deaths told after the toll
    ("Another died of his wounds the next day", "Two more later died"): they add to it.
    `part` marks a breakdown whose head count another sentence gives ("Three of the dead were
    farmers", "Three of them were children" after the toll): it never adds to a toll the
    incident states, and stands for one only where the incident has none.
    `said_civilians` marks a count the text calls civilians in that word.
    `beside` marks a count of people of no stated kind told in one list beside another group's
    head count ("killing 13 soldiers and at least 60 people"): other people than that group's,
    so it adds to the toll rather than stating it.
    """

    start: int
    end: int
    range: Range
    outcome: Outcome
    victims: Victims = "total"
    sub_of: int | None = None
    listed: bool = False
    named: bool = False
    update: bool = False
    later: bool = False
    part: bool = False
    # the text calls them civilians in that word ("15 people, including 7 civilians"), not by
    # a civilian trade or kin ("two medics")
    said_civilians: bool = False
    beside: bool = False


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date or period the text gives for an event.

    `kind` is "dateline" (the place-and-date line that opens a report), "absolute" ("on 21
    August 2013") or "relative" ("on Friday", "yesterday", resolved against an anchor date).
    """

    start: int
    end: int
    window: DateWindow
    kind: Literal["dateline", "absolute", "relative"] = "absolute"


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place name resolved against the gazetteer; `score` in [0, 1] is how sure the match is."""

    start: int
    end: int
    place: Place
    score: float = 1.0


@dataclass(frozen=True, slots=True)
class ActorMention:
    """An armed actor named in the text, with its vocabulary group and its role in the sentence.

    `role` is "perpetrator" (carried out the act), "victim" (was harmed), "claimant" (is quoted) or
    "other" (merely mentioned). `leads` marks the party that struck from the air with or for a
    ground party ("raids by the regime and Russia", "an SDF raid backed by coalition aircraft"):
    the incident's attribution, wherever in the incident the ground party is named first.
    """

    start: int
    end: int
    name: str
    group: str
    role: Literal["perpetrator", "victim", "claimant", "other"] = "other"
    leads: bool = False


@dataclass(frozen=True, slots=True)
class ClaimantMention:
    """Who a sentence attributes its statement to ("the Syrian Observatory said")."""

    start: int
    end: int
    name: str
    type: str


@dataclass(frozen=True, slots=True)
class WeaponMention:
    """A weapon or means of attack, in its canonical name ("white phosphorus", "barrel bomb")."""

    start: int
    end: int
    name: str


@dataclass(frozen=True, slots=True)
class EventMention:
    """A word or phrase that signals an event type ("airstrikes", "shelled", "car bomb")."""

    start: int
    end: int
    event_type: str
    weight: float = 1.0


@dataclass(frozen=True, slots=True)
class CountedRange:
    """A parsed number with the words it was read from: "more than 4,000" → 4001.., text."""

    start: int
    end: int
    range: Range


class DayHint(NamedTuple):
    """What a text that no anchor dates says of its day: a weekday (Monday = 0) and a day of a
    month without its year ("on Tuesday", "on 2 December", "اليوم الاثنين 2 كانون الأول")."""

    weekday: int | None = None
    month: int | None = None
    day: int | None = None

    def __bool__(self) -> bool:
        return self.weekday is not None or self.month is not None
