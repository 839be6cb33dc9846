"""The domain values of the claim format (docs/CLAIMS.md, version 1.1) and their JSON form.

Everything here is a frozen dataclass; `to_json()` gives the exact object of the batch format and
`from_json()` reads it back, rejecting values outside the vocabularies with `InvalidRecord`.
Fields the format does not define (a claim's `missing` count, a claimant's `statement`) are
extensions that other tools ignore.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from operator import attrgetter
from typing import Any, TypeVar

from factfinder.errors import InvalidRecord
from factfinder.vocab import (
    CLAIMANT_TYPES,
    COUNT_KEYS,
    DATE_PRECISIONS,
    EVENT_TYPES,
    GRADES,
    PERPETRATOR_GROUPS,
    PLACE_PRECISIONS,
    STANCES,
    STANDINGS,
)

JSON = dict[str, Any]

T = TypeVar("T")


def quick_pickle(cls: type[T]) -> type[T]:
    """Give a slotted dataclass a state of its field values in order, read and set without
    looking the fields up per object (the dataclass default calls `fields()` for each object,
    which dominates sending a million claims to worker processes). Same values, same pickles'
    meaning; apply after `@dataclass`."""
    names = tuple(f.name for f in fields(cls))  # type: ignore[arg-type]
    setters = tuple(getattr(cls, n).__set__ for n in names)
    get = attrgetter(*names)

    def getstate(self: Any) -> tuple[Any, ...]:
        return get(self) if len(names) > 1 else (get(self),)

    def setstate(self: Any, state: Sequence[Any]) -> None:
        for put, value in zip(setters, state, strict=True):
            put(self, value)

    cls.__getstate__ = getstate  # type: ignore[method-assign]
    cls.__setstate__ = setstate  # type: ignore[attr-defined]
    return cls


def _check(value: str | None, allowed: Sequence[str], what: str) -> None:
    if value is not None and value not in allowed:
        raise InvalidRecord(f"{what} {value!r} is not one of {', '.join(allowed)}")


def _opt_int(value: Any, what: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InvalidRecord(f"{what} must be null or a non-negative integer, got {value!r}")
    return value


def parse_date(value: Any, what: str = "date") -> dt.date | None:
    """An ISO date or timestamp (``2016-07-05``, ``2016-07-05T10:00:00Z``) → date; None stays None."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise InvalidRecord(f"{what} must be an ISO date string, got {value!r}")
    text = value.strip()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError as exc:
        raise InvalidRecord(f"{what} is not an ISO date: {value!r}") from exc


@dataclass(frozen=True, slots=True)
class Document:
    """One input document of the batch format: only `id` and `text` are required."""

    id: str
    text: str
    title: str | None = None
    published: dt.date | None = None
    publisher: str | None = None
    url: str | None = None
    language: str | None = None

    @classmethod
    def from_json(cls, obj: Mapping[str, Any]) -> Document:
        if not isinstance(obj, Mapping):
            raise InvalidRecord("a document must be a JSON object")
        doc_id, text = obj.get("id"), obj.get("text")
        if not isinstance(doc_id, str) or not doc_id:
            raise InvalidRecord("a document needs a non-empty string 'id'")
        if not isinstance(text, str):
            raise InvalidRecord(f"document {doc_id!r} needs a string 'text'")
        strings = {}
        for key in ("title", "publisher", "url", "language"):
            v = obj.get(key)
            if v is not None and not isinstance(v, str):
                raise InvalidRecord(f"document {doc_id!r}: {key} must be a string or null")
            strings[key] = v
        return cls(
            id=doc_id, text=text, published=parse_date(obj.get("published"), "published"), **strings
        )

    def to_json(self) -> JSON:
        return {
            "id": self.id,
            "text": self.text,
            "title": self.title,
            "published": self.published.isoformat() if self.published else None,
            "publisher": self.publisher,
            "url": self.url,
            "language": self.language,
        }


@dataclass(frozen=True, slots=True)
class Range:
    """A count as the text gives it: `min`/`max` bounds (None = open) and the words it came from."""

    min: int | None
    max: int | None
    text: str = ""

    def __post_init__(self) -> None:
        if self.min is not None and self.max is not None and self.min > self.max:
            raise InvalidRecord(f"range min {self.min} > max {self.max} ({self.text!r})")

    @classmethod
    def exact(cls, n: int, text: str = "") -> Range:
        return cls(n, n, text or str(n))

    @classmethod
    def from_json(cls, obj: Any, what: str = "range") -> Range | None:
        if obj is None:
            return None
        if not isinstance(obj, Mapping):
            raise InvalidRecord(f"{what} must be an object")
        lo, hi = _opt_int(obj.get("min"), f"{what}.min"), _opt_int(obj.get("max"), f"{what}.max")
        if lo is None and hi is None:
            return None
        text = obj.get("text") or ""
        if not isinstance(text, str):
            raise InvalidRecord(f"{what}.text must be a string")
        return cls(lo, hi, text)

    def to_json(self) -> JSON:
        return {"min": self.min, "max": self.max, "text": self.text}


@dataclass(frozen=True, slots=True)
class Casualties:
    """Counts by victim category; each is a `Range` or None when the text says nothing."""

    total: Range | None = None
    civilians: Range | None = None
    children: Range | None = None
    women: Range | None = None
    men: Range | None = None
    combatants: Range | None = None

    def get(self, key: str) -> Range | None:
        if key not in COUNT_KEYS:
            raise KeyError(key)
        value: Range | None = getattr(self, key)
        return value

    def is_empty(self) -> bool:
        return all(getattr(self, k) is None for k in COUNT_KEYS)

    @classmethod
    def from_json(cls, obj: Any, what: str = "casualties") -> Casualties:
        if obj is None:
            return cls()
        if not isinstance(obj, Mapping):
            raise InvalidRecord(f"{what} must be an object")
        return cls(**{k: Range.from_json(obj.get(k), f"{what}.{k}") for k in COUNT_KEYS})

    def to_json(self) -> JSON:
        return {
            k: (r.to_json() if (r := getattr(self, k)) is not None else None) for k in COUNT_KEYS
        }


@dataclass(frozen=True, slots=True)
class Figure:
    """An incident's reconciled count: bounds, best estimate, the rule behind them, and what the
    figure rests on (`standing`, one of `STANDINGS`) and whose figure it is (`by`).

    Its JSON form keeps the `{min, max}` of a range and adds `best`, `rule`, `standing` and `by`
    beside them; `format_figure` is the one way it is written for people.
    """

    min: int | None
    max: int | None
    best: int | None = None
    rule: str = ""
    standing: str | None = None
    by: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.min is not None and self.max is not None and self.min > self.max:
            raise InvalidRecord(f"figure min {self.min} > max {self.max}")
        _check(self.standing, STANDINGS, "figure standing")

    @property
    def known(self) -> bool:
        return self.min is not None or self.max is not None

    @property
    def text(self) -> str:
        return format_figure(self)

    @classmethod
    def from_json(cls, obj: Any, what: str = "figure") -> Figure | None:
        if obj is None:
            return None
        if not isinstance(obj, Mapping):
            raise InvalidRecord(f"{what} must be an object")
        lo, hi = _opt_int(obj.get("min"), f"{what}.min"), _opt_int(obj.get("max"), f"{what}.max")
        best = _opt_int(obj.get("best"), f"{what}.best")
        if lo is None and hi is None and best is None:
            return None
        by = obj.get("by") or ()
        if not isinstance(by, (list, tuple)) or not all(isinstance(b, str) for b in by):
            raise InvalidRecord(f"{what}.by must be a list of names")
        rule = obj.get("rule") or ""
        if not isinstance(rule, str):
            raise InvalidRecord(f"{what}.rule must be a string")
        return cls(lo, hi, best, rule, obj.get("standing"), tuple(by))

    def to_json(self) -> JSON:
        return {
            "min": self.min,
            "max": self.max,
            "best": self.best,
            "rule": self.rule,
            "standing": self.standing,
            "by": list(self.by),
        }


def format_figure(figure: Figure | None, *, standing: bool = True) -> str:
    """The one way a figure is written for people, in the web app, reports and exports alike.

    `26`, `26–40, best 30`, `at least 26`, `at most 40`, each followed by its standing in
    brackets ("at least 26 (alleged by Syrian government)"); `no figure` when nothing is stated.
    """
    if figure is None or not figure.known:
        return "no figure"
    lo, hi = figure.min, figure.max
    if hi is None:
        span = f"at least {lo:,}"
    elif lo is None:
        span = f"at most {hi:,}"
    elif lo == hi:
        span = f"{lo:,}"
    else:
        span = f"{lo:,}–{hi:,}"
    if figure.best is not None and figure.best not in (lo, hi):
        span += f", best {figure.best:,}"
    if standing and figure.standing:
        word = figure.standing
        if figure.by and figure.standing in ("alleged", "acknowledged"):
            word += " by " + ", ".join(figure.by)
        span += f" ({word})"
    return span


@dataclass(frozen=True, slots=True)
class Figures:
    """An incident's reconciled counts by victim category (`COUNT_KEYS`), each a `Figure`."""

    total: Figure | None = None
    civilians: Figure | None = None
    children: Figure | None = None
    women: Figure | None = None
    men: Figure | None = None
    combatants: Figure | None = None

    def get(self, key: str) -> Figure | None:
        if key not in COUNT_KEYS:
            raise KeyError(key)
        value: Figure | None = getattr(self, key)
        return value

    def is_empty(self) -> bool:
        return all(getattr(self, k) is None for k in COUNT_KEYS)

    @classmethod
    def from_json(cls, obj: Any, what: str = "figures") -> Figures:
        if obj is None:
            return cls()
        if not isinstance(obj, Mapping):
            raise InvalidRecord(f"{what} must be an object")
        return cls(**{k: Figure.from_json(obj.get(k), f"{what}.{k}") for k in COUNT_KEYS})

    def to_json(self) -> JSON:
        """Only the stated counts (the batch format leaves the others out)."""
        return {k: f.to_json() for k in COUNT_KEYS if (f := getattr(self, k)) is not None}


@dataclass(frozen=True, slots=True)
class DateWindow:
    """When an incident happened: a closed interval of days and how precisely the text says it."""

    start: dt.date | None
    end: dt.date | None
    precision: str = "unknown"

    def __post_init__(self) -> None:
        _check(self.precision, DATE_PRECISIONS, "date precision")
        if self.start and self.end and self.end < self.start:
            raise InvalidRecord(f"date end {self.end} before start {self.start}")

    @classmethod
    def day(cls, day: dt.date) -> DateWindow:
        return cls(day, day, "day")

    @classmethod
    def from_json(cls, obj: Any) -> DateWindow | None:
        if obj is None:
            return None
        if not isinstance(obj, Mapping):
            raise InvalidRecord("date must be an object")
        return cls(
            parse_date(obj.get("start"), "date.start"),
            parse_date(obj.get("end"), "date.end"),
            obj.get("precision") or "unknown",
        )

    def to_json(self) -> JSON:
        return {
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "precision": self.precision,
        }


@dataclass(frozen=True, slots=True)
class Place:
    """A place a claim names, resolved against the gazetteer where possible."""

    name: str
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    admin1: str | None = None
    country: str | None = None
    precision: str = "town"

    def __post_init__(self) -> None:
        _check(self.precision, PLACE_PRECISIONS, "place precision")
        if (self.lat is None) != (self.lon is None):
            raise InvalidRecord(f"place {self.name!r}: lat and lon go together")
        if (
            self.lat is not None
            and self.lon is not None
            and not (-90 <= self.lat <= 90 and -180 <= self.lon <= 180)
        ):
            raise InvalidRecord(f"place {self.name!r}: lat/lon out of range")

    @classmethod
    def from_json(cls, obj: Any) -> Place:
        if not isinstance(obj, Mapping) or not isinstance(obj.get("name"), str):
            raise InvalidRecord("a place must be an object with a string name")
        return cls(
            name=obj["name"],
            lat=obj.get("lat"),
            lon=obj.get("lon"),
            geonameid=obj.get("geonameid"),
            admin1=obj.get("admin1"),
            country=obj.get("country"),
            precision=obj.get("precision") or "town",
        )

    def to_json(self) -> JSON:
        return {
            "name": self.name,
            "geonameid": self.geonameid,
            "lat": self.lat,
            "lon": self.lon,
            "admin1": self.admin1,
            "country": self.country,
            "precision": self.precision,
        }


@dataclass(frozen=True, slots=True)
class Perpetrator:
    """The party a claim alleges is responsible, as the text names it and as a vocabulary group."""

    name: str | None = None
    group: str = "unknown"

    def __post_init__(self) -> None:
        _check(self.group, PERPETRATOR_GROUPS, "perpetrator group")

    @classmethod
    def from_json(cls, obj: Any) -> Perpetrator:
        if obj is None:
            return cls()
        if not isinstance(obj, Mapping):
            raise InvalidRecord("perpetrator must be an object")
        return cls(obj.get("name"), obj.get("group") or "unknown")

    def to_json(self) -> JSON:
        return {"name": self.name, "group": self.group}


@dataclass(frozen=True, slots=True)
class Claimant:
    """Who makes a claim ("the ministry said"), not who publishes it.

    `statement` optionally names the original statement the claim relays ("letters to the UN
    Secretary-General"), so that reports relaying one statement can be chained as one source.
    """

    name: str | None = None
    type: str = "unknown"
    statement: str | None = None

    def __post_init__(self) -> None:
        _check(self.type, CLAIMANT_TYPES, "claimant type")

    @property
    def is_party(self) -> bool:
        return self.type == "party_to_conflict"

    @classmethod
    def from_json(cls, obj: Any) -> Claimant:
        if obj is None:
            return cls()
        if not isinstance(obj, Mapping):
            raise InvalidRecord("claimant must be an object")
        return cls(obj.get("name"), obj.get("type") or "unknown", obj.get("statement"))

    def to_json(self) -> JSON:
        out: JSON = {"name": self.name, "type": self.type}
        if self.statement is not None:
            out["statement"] = self.statement
        return out


Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Claim:
    """One statement about one incident in one document, as one source tells it."""

    event_type: str = "unknown"
    date: DateWindow | None = None
    places: tuple[Place, ...] = ()
    perpetrator: Perpetrator = field(default_factory=Perpetrator)
    killed: Casualties = field(default_factory=Casualties)
    injured: Casualties = field(default_factory=Casualties)
    missing: Range | None = None
    weapons: tuple[str, ...] = ()
    claimant: Claimant = field(default_factory=Claimant)
    spans: tuple[Span, ...] = ()
    confidence: float = 0.5
    primary: bool = False
    stance: str = "alleges"

    def __post_init__(self) -> None:
        _check(self.event_type, EVENT_TYPES, "event type")
        _check(self.stance, STANCES, "stance")
        if not 0.0 <= self.confidence <= 1.0:
            raise InvalidRecord(f"confidence {self.confidence} outside [0, 1]")
        for start, end in self.spans:
            if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end):
                raise InvalidRecord(f"span [{start}, {end}) is not a non-empty interval")

    def with_primary(self, primary: bool) -> Claim:
        return replace(self, primary=primary)

    def check_spans(self, text: str) -> None:
        for start, end in self.spans:
            if end > len(text):
                raise InvalidRecord(f"span [{start}, {end}) beyond text length {len(text)}")

    @classmethod
    def from_json(cls, obj: Any) -> Claim:
        if not isinstance(obj, Mapping):
            raise InvalidRecord("a claim must be an object")
        spans = obj.get("spans") or []
        if not isinstance(spans, list) or not all(
            isinstance(s, list | tuple) and len(s) == 2 for s in spans
        ):
            raise InvalidRecord("spans must be a list of [start, end] pairs")
        weapons = obj.get("weapons") or []
        if not isinstance(weapons, list) or not all(isinstance(w, str) for w in weapons):
            raise InvalidRecord("weapons must be a list of strings")
        places = obj.get("places") or []
        if not isinstance(places, list):
            raise InvalidRecord("places must be a list")
        confidence = obj.get("confidence", 0.5)
        if isinstance(confidence, bool) or not isinstance(confidence, int | float):
            raise InvalidRecord(f"confidence must be a number, got {confidence!r}")
        return cls(
            event_type=obj.get("event_type") or "unknown",
            date=DateWindow.from_json(obj.get("date")),
            places=tuple(Place.from_json(p) for p in places),
            perpetrator=Perpetrator.from_json(obj.get("perpetrator")),
            killed=Casualties.from_json(obj.get("killed"), "killed"),
            injured=Casualties.from_json(obj.get("injured"), "injured"),
            missing=Range.from_json(obj.get("missing"), "missing"),
            weapons=tuple(weapons),
            claimant=Claimant.from_json(obj.get("claimant")),
            spans=tuple((int(a), int(b)) for a, b in spans),
            confidence=float(confidence),
            primary=obj.get("primary") is True,
            stance=obj.get("stance") or "alleges",
        )

    def to_json(self) -> JSON:
        out: JSON = {
            "primary": self.primary,
            "event_type": self.event_type,
            "date": self.date.to_json() if self.date else None,
            "places": [p.to_json() for p in self.places],
            "perpetrator": self.perpetrator.to_json(),
            "killed": self.killed.to_json(),
            "injured": self.injured.to_json(),
            "weapons": list(self.weapons),
            "claimant": self.claimant.to_json(),
            "stance": self.stance,
            "spans": [list(s) for s in self.spans],
            "confidence": round(self.confidence, 3),
        }
        if self.missing is not None:
            out["missing"] = self.missing.to_json()
        return out


@dataclass(frozen=True, slots=True)
class DocumentClaims:
    """One line of `factfinder extract` output: a document id and its claims, in text order."""

    id: str
    claims: tuple[Claim, ...] = ()

    @property
    def primary(self) -> Claim | None:
        return next((c for c in self.claims if c.primary), None)

    @classmethod
    def from_json(cls, obj: Any) -> DocumentClaims:
        if not isinstance(obj, Mapping) or not isinstance(obj.get("id"), str):
            raise InvalidRecord("a claims line needs a string 'id'")
        claims = obj.get("claims")
        if not isinstance(claims, list):
            raise InvalidRecord(f"{obj['id']}: 'claims' must be a list")
        return cls(obj["id"], tuple(Claim.from_json(c) for c in claims))

    def to_json(self) -> JSON:
        return {"id": self.id, "claims": [c.to_json() for c in self.claims]}


@dataclass(frozen=True, slots=True, order=True)
class ClaimRef:
    """A claim's address in the batch format: its document id and its index in that document."""

    id: str
    claim: int

    def to_json(self) -> JSON:
        return {"id": self.id, "claim": self.claim}

    @classmethod
    def from_json(cls, obj: Any) -> ClaimRef:
        if not isinstance(obj, Mapping) or not isinstance(obj.get("id"), str):
            raise InvalidRecord("a member needs a string 'id'")
        return cls(obj["id"], _opt_int(obj.get("claim"), "claim") or 0)


@dataclass(frozen=True, slots=True)
class Incident:
    """A cluster of claims that describe one real-world event, with its derived fields.

    `killed`/`injured` hold reconciled `Figures`; `extra` carries the explanation of how they
    and the grade were reached (rules fired, links and their features) in the JSON form of
    `link`. `to_json` and `from_json` are the one serialisation of an incident.
    """

    incident: str
    members: tuple[ClaimRef, ...]
    date: DateWindow | None = None
    places: tuple[Place, ...] = ()
    killed: Figures = field(default_factory=Figures)
    injured: Figures = field(default_factory=Figures)
    independent_sources: int = 0
    grade: str | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)

    BASE_KEYS = frozenset(
        {
            "incident",
            "members",
            "date",
            "places",
            "killed",
            "injured",
            "independent_sources",
            "grade",
        }
    )

    def __post_init__(self) -> None:
        _check(self.grade, GRADES, "grade")

    def to_json(self) -> JSON:
        out: JSON = {
            "incident": self.incident,
            "members": [m.to_json() for m in self.members],
            "date": self.date.to_json() if self.date else None,
            "places": [
                {
                    "name": p.name,
                    "lat": p.lat,
                    "lon": p.lon,
                    "admin1": p.admin1,
                    "precision": p.precision,
                }
                for p in self.places
            ],
            "killed": self.killed.to_json(),
            "injured": self.injured.to_json(),
            "independent_sources": self.independent_sources,
            "grade": self.grade,
        }
        out.update(self.extra)
        return out

    @classmethod
    def from_json(cls, obj: Mapping[str, Any]) -> Incident:
        """An incident from its JSON form (the batch format plus its explanation keys)."""
        if not isinstance(obj, Mapping) or not isinstance(obj.get("incident"), str):
            raise InvalidRecord("an incident needs a string 'incident'")
        return cls(
            incident=obj["incident"],
            members=tuple(ClaimRef.from_json(m) for m in obj.get("members") or ()),
            date=DateWindow.from_json(obj.get("date")),
            places=tuple(Place.from_json(p) for p in obj.get("places") or ()),
            killed=Figures.from_json(obj.get("killed"), "killed"),
            injured=Figures.from_json(obj.get("injured"), "injured"),
            independent_sources=_opt_int(obj.get("independent_sources"), "independent_sources")
            or 0,
            grade=obj.get("grade"),
            extra={k: v for k, v in obj.items() if k not in cls.BASE_KEYS},
        )


for _cls in (
    Document,
    Range,
    Casualties,
    Figure,
    Figures,
    DateWindow,
    Place,
    Perpetrator,
    Claimant,
    Claim,
    DocumentClaims,
    ClaimRef,
    Incident,
):
    quick_pickle(_cls)
