"""What a case file holds: the case, its incidents with their claims, the sources, the proofs.

A `CaseFile` is built by the service layer (`factfinder.services.cases.casefile`) from the state of
the record as of one signed checkpoint, and everything in `factfinder.report` renders it: the HTML
and PDF report, the exports and the evidence package. These values are plain and frozen; they
carry no database handle, so rendering is a pure function of them (that is what makes a report
rebuilt later byte-identical).

Restricted data is removed before a `CaseFile` is made (`withheld` counts what was left out and
`include_restricted` says whether anything was), so no renderer has to remember to filter.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from factfinder.model import Claim, Figure, Incident
from factfinder.vault.proofs import InclusionProof
from factfinder.vault.signing import Checkpoint
from factfinder.vocab import STANDINGS

WITHHELD = "[restricted]"


@dataclass(frozen=True, slots=True)
class CheckpointRef:
    """The signed tree head a case file was built from, and the key that signed it."""

    checkpoint: Checkpoint
    id: int | None
    public_key_hex: str
    public_key_pem: str

    @property
    def size(self) -> int:
        return self.checkpoint.size

    @property
    def root(self) -> str:
        return self.checkpoint.root

    @property
    def time(self) -> str:
        return self.checkpoint.time

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, **self.checkpoint.to_json(), "public_key": self.public_key_hex}


@dataclass(frozen=True, slots=True)
class Source:
    """One preserved item a case file cites: what it is and where its bytes are bound."""

    number: int
    hash: str
    item_id: int
    media_type: str
    size: int
    title: str | None
    publisher: str | None
    published: str | None
    url: str | None
    external_id: str | None
    acquired_at: str
    seq: int  # the ledger entry of its first acquisition (which also records its metadata)
    withheld: bool = False  # the whole item is restricted: listed by hash only

    def to_json(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "item": self.hash,
            "item_id": self.item_id,
            "media_type": self.media_type,
            "size": self.size,
            "title": self.title,
            "publisher": self.publisher,
            "published": self.published,
            "url": self.url,
            "external_id": self.external_id,
            "acquired_at": self.acquired_at,
            "ledger_seq": self.seq,
            "withheld": self.withheld,
        }


@dataclass(frozen=True, slots=True)
class CitedClaim:
    """A claim quoted in the report: the claim, the sentences it was read from, who says it."""

    key: str  # "claim:17": the stored claim's id
    ref: str  # how the incident names it (`<document id>#<index>`)
    claim: Claim
    source: int  # the `Source.number` of the item it was read from
    item_hash: str
    sentences: tuple[str, ...]
    claimant: str | None
    claimant_type: str
    publisher: str | None
    seq: int  # the ledger entry that recorded the claim

    def to_json(self) -> dict[str, Any]:
        return {
            "claim": self.key,
            "ref": self.ref,
            "item": self.item_hash,
            "source": self.source,
            "sentences": list(self.sentences),
            "claimant": self.claimant,
            "claimant_type": self.claimant_type,
            "publisher": self.publisher,
            "ledger_seq": self.seq,
            "fields": self.claim.to_json(),
        }


@dataclass(frozen=True, slots=True)
class Note:
    text: str
    actor: str
    created_at: str
    incident: str | None
    seq: int


@dataclass(frozen=True, slots=True)
class IncidentEntry:
    """One incident of the case as of the checkpoint, with everything the report says of it."""

    number: int
    incident: Incident
    claims: tuple[CitedClaim, ...]
    seq: int | None  # the ledger entry that recorded this state of the incident
    notes: tuple[Note, ...] = ()
    event_types: tuple[str, ...] = ()
    perpetrators: tuple[str, ...] = ()

    @property
    def id(self) -> str:
        return self.incident.incident

    def figure(self, what: str, key: str) -> Figure:
        """The reconciled `killed`/`injured` figure `key` (total, civilians, children, …); a
        figure with no bounds when no claim states it."""
        counts = self.incident.killed if what == "killed" else self.incident.injured
        return counts.get(key) or Figure(None, None)

    @property
    def denials(self) -> tuple[Mapping[str, Any], ...]:
        found = self.incident.extra.get("denials")
        return tuple(_mapping(d) for d in found) if isinstance(found, list) else ()

    @property
    def party_classifications(self) -> tuple[Mapping[str, Any], ...]:
        found = self.incident.extra.get("party_classifications")
        return tuple(_mapping(d) for d in found) if isinstance(found, list) else ()

    @property
    def party_only(self) -> bool:
        return bool(self.incident.extra.get("party_only"))

    @property
    def grade_trace(self) -> tuple[Mapping[str, Any], ...]:
        grading = _mapping(self.incident.extra.get("grading"))
        trace = grading.get("trace")
        return tuple(_mapping(t) for t in trace) if isinstance(trace, list) else ()

    @property
    def source_chains(self) -> tuple[Mapping[str, Any], ...]:
        chains = self.incident.extra.get("sources")
        return tuple(_mapping(c) for c in chains) if isinstance(chains, list) else ()

    @property
    def place_text(self) -> str:
        """Up to three place names, most precise first, leaving out a name another one already
        says ("White Garden, Raqqa" makes "Raqqa" redundant)."""
        names: list[str] = []
        for p in self.incident.places:
            if not any(p.name.lower() in n.lower() for n in names):
                names.append(p.name)
        return "; ".join(names[:3]) if names else "place unknown"

    @property
    def date_text(self) -> str:
        d = self.incident.date
        if d is None or d.start is None:
            return "date unknown"
        if d.end is None or d.end == d.start:
            return d.start.isoformat()
        return f"{d.start.isoformat()} – {d.end.isoformat()}"


def _mapping(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


@dataclass(frozen=True, slots=True)
class CitedEntry:
    """A ledger entry the report relies on, with its inclusion proof at the checkpoint."""

    seq: int
    kind: str
    subject: str | None
    entry: str  # the exact entry text (canonical JSON): its leaf hash is SHA-256(0x00 ‖ entry)
    leaf_hash: str
    audit_path: tuple[str, ...]

    def proof_json(self, checkpoint: CheckpointRef) -> dict[str, Any]:
        """The proof as a `factfinder.inclusion-proof.v1` document (`factfinder verify-proof`)."""

        return InclusionProof(
            self.entry, self.seq, self.audit_path, checkpoint.checkpoint, checkpoint.public_key_hex
        ).to_json()


@dataclass(frozen=True, slots=True)
class CaseFile:
    """A case as of one checkpoint: the input of every report, export and evidence package."""

    case_id: int | None  # None: an export of every incident, not of a case
    name: str
    description: str | None
    checkpoint: CheckpointRef
    incidents: tuple[IncidentEntry, ...]
    sources: tuple[Source, ...]
    cited: tuple[CitedEntry, ...]
    notes: tuple[Note, ...] = ()
    include_restricted: bool = False
    withheld: int = 0  # how many restricted values were left out
    generator: str = ""
    extra: Mapping[str, Any] = field(default_factory=dict)

    def source(self, number: int) -> Source:
        return self.sources[number - 1]

    def summary(self) -> dict[str, Any]:
        """Figures across the case, for the summary section (numbers, never prose).

        Dated and undated incidents are counted apart. Killed figures are summed only within
        one standing (`STANDINGS`): the minimums alleged by parties alone are never added to
        those that independent sources report, and each sum keeps its word.
        """
        dated = [
            e.incident.date
            for e in self.incidents
            if e.incident.date is not None and e.incident.date.start is not None
        ]
        starts = [d.start for d in dated if d.start is not None]
        ends = [end for d in dated if (end := d.end or d.start) is not None]
        grades: dict[str, int] = {}
        for e in self.incidents:
            grades[e.incident.grade or "ungraded"] = (
                grades.get(e.incident.grade or "ungraded", 0) + 1
            )
        killed: dict[str, dict[str, Any]] = {}
        for e in self.incidents:
            total, civilians = e.figure("killed", "total"), e.figure("killed", "civilians")
            figure = total if total.min is not None else civilians
            if figure.min is None:
                continue
            word = figure.standing or "alleged"
            row = killed.setdefault(
                word, {"standing": word, "min": 0, "civilians_min": 0, "incidents": 0, "by": []}
            )
            row["min"] += figure.min
            row["incidents"] += 1
            if civilians.min is not None:
                row["civilians_min"] += civilians.min
            row["by"] = sorted({*row["by"], *figure.by})
        governorates = sorted(
            {p.admin1 for e in self.incidents for p in e.incident.places if p.admin1}
        )
        return {
            "incidents": len(self.incidents),
            "dated": len(dated),
            "undated": len(self.incidents) - len(dated),
            "claims": sum(len(e.claims) for e in self.incidents),
            "sources": len(self.sources),
            "first_day": min(starts).isoformat() if starts else None,
            "last_day": max(ends).isoformat() if ends else None,
            "governorates": governorates,
            "grades": grades,
            "party_only": sum(1 for e in self.incidents if e.party_only),
            # Different incidents are different deaths, so minimums of one standing add up.
            "killed": [killed[w] for w in reversed(STANDINGS) if w in killed],
            "killed_unknown": sum(
                1
                for e in self.incidents
                if e.figure("killed", "total").min is None
                and e.figure("killed", "civilians").min is None
            ),
        }
