"""Building a case file: the case (or every incident) as of a checkpoint, as one may see it.

1. read the case and its incidents, their claims, items and notes **as of the checkpoint's
   size** (`factfinder.services.cases.evidence`), so evidence that arrived later changes
   nothing;
2. leave out restricted data unless `include_restricted` (and the acting user may see it);
3. prove every cited ledger entry against the checkpoint.

The result is a function of (checkpoint, case, include_restricted, the restriction marks in
force). Choosing (or signing) the checkpoint and writing the output are commands, in
`factfinder.services.cases.files`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, select

from factfinder import __version__
from factfinder.errors import PermissionDenied
from factfinder.model import Claim, ClaimRef
from factfinder.report.model import (
    WITHHELD,
    CaseFile,
    CheckpointRef,
    CitedClaim,
    CitedEntry,
    IncidentEntry,
    Note,
    Source,
)
from factfinder.services.access.queries import restrictions_for
from factfinder.services.access.roles import Permission, User
from factfinder.services.cases.evidence import ItemAsOf, claims_as_of, inclusion_proofs, items_as_of
from factfinder.services.cases.queries import CaseNote, case_state, find_case_id
from factfinder.services.incidents.queries import incidents_as_of
from factfinder.services.project import Project
from factfinder.store.schema_cases import case_members
from factfinder.subjects import claim_subject, item_subject
from factfinder.vault.signing import Checkpoint

GENERATOR = f"factfinder {__version__}"


@dataclass(frozen=True, slots=True)
class Disclosure:
    """What may go out: restricted data only when asked for and allowed."""

    include_restricted: bool
    marks: frozenset[tuple[str, str]]

    def whole(self, subject: str) -> bool:
        return not self.include_restricted and (subject, "") in self.marks

    def field(self, subject: str, name: str) -> bool:
        return not self.include_restricted and (
            (subject, "") in self.marks or (subject, name) in self.marks
        )


def _disclosure(project: Project, include_restricted: bool, user: User | None) -> Disclosure:
    if include_restricted and user is not None and not user.can(Permission.READ_RESTRICTED):
        raise PermissionDenied(
            f"the {user.role} role may not see restricted data; leave out --include-restricted"
        )
    return Disclosure(include_restricted, restrictions_for(project).marks)


def _checkpoint_ref(project: Project, cid: int, cp: Checkpoint) -> CheckpointRef:
    key = project.public_key
    return CheckpointRef(cp, cid, key.to_hex(), key.to_pem())


def _sentences(text: str | None, spans: Iterable[tuple[int, int]]) -> tuple[str, ...]:
    if not text:
        return ()
    return tuple(" ".join(text[a:b].split()) for a, b in spans if b <= len(text))


def case_file_at(
    project: Project,
    case: str | int | None,
    checkpoint: tuple[int, Checkpoint],
    *,
    include_restricted: bool = False,
    user: User | None = None,
) -> CaseFile:
    """The case (or, with `case` None, every incident) as of `checkpoint` (id, checkpoint), as
    `user` may see it (see the module docstring)."""
    disclosure = _disclosure(project, include_restricted, user)
    cid, cp = checkpoint
    size = cp.size
    with project.read() as conn:
        if case is not None:
            state = case_state(conn, find_case_id(conn, case), size)
            stored = incidents_as_of(conn, list(state.incidents), size)
            by_id = {s.incident.incident: s for s in stored}
            ordered = [by_id[i] for i in state.incidents if i in by_id]
            notes = [n for n in state.notes if not (n.restricted and not include_restricted)]
            withheld_notes = len(state.notes) - len(notes)
            case_id, name, description = state.id, state.name, state.description
            case_seqs = [state.seq] + [n.seq for n in notes] + _member_seqs(conn, state.id, size)
        else:
            ordered = incidents_as_of(conn, None, size)
            notes, case_id, name, description, case_seqs = [], None, "All incidents", None, []
            withheld_notes = 0
        claim_ids = [c for s in ordered for c in s.claim_ids]
        claims = claims_as_of(conn, claim_ids, size)
        items = items_as_of(conn, {c.item_id for c in claims.values()}, size)
        withheld = withheld_notes
        sources: dict[int, Source] = {}
        for item in sorted(items.values(), key=lambda i: i.seq):
            whole = disclosure.whole(item_subject(item.hash))
            withheld += int(whole)
            sources[item.id] = _source(len(sources) + 1, item, whole)
        entries: list[IncidentEntry] = []
        cited_seqs: set[int] = set(case_seqs)
        for number, s in enumerate(ordered, start=1):
            quoted: list[CitedClaim] = []
            for ref, claim_id in zip(s.incident.members, s.claim_ids, strict=True):
                c = claims.get(claim_id)
                if c is None or c.item_id not in items:
                    continue  # not recorded yet at this size (cannot happen for a consistent log)
                item, src = items[c.item_id], sources[c.item_id]
                quote, claimant, n = _disclose(disclosure, claim_id, c.claim, item, src)
                withheld += n
                quoted.append(
                    CitedClaim(
                        claim_subject(claim_id),
                        _ref(ref),
                        c.claim,
                        src.number,
                        item.hash,
                        quote,
                        claimant,
                        c.claim.claimant.type,
                        None if src.withheld else item.publisher,
                        c.seq,
                    )
                )
                cited_seqs.update(
                    x for x in (c.seq, c.review_seq, item.seq, item.metadata_seq) if x is not None
                )
            cited_seqs.update(s.seqs)
            entries.append(
                IncidentEntry(
                    number,
                    s.incident,
                    tuple(quoted),
                    max(s.seqs) if s.seqs else None,
                    tuple(_note(n) for n in notes if n.incident == s.incident.incident),
                    tuple(sorted({q.claim.event_type for q in quoted})),
                    tuple(sorted({q.claim.perpetrator.group for q in quoted})),
                )
            )
        proven = inclusion_proofs(conn, cited_seqs, cp)
    cited = tuple(
        CitedEntry(p.seq, p.kind, p.subject, p.entry, p.leaf_hash, p.audit_path) for p in proven
    )
    return CaseFile(
        case_id,
        name,
        description,
        _checkpoint_ref(project, cid, cp),
        tuple(entries),
        tuple(sources.values()),
        cited,
        tuple(_note(n) for n in notes),
        include_restricted,
        withheld,
        GENERATOR,
    )


def _member_seqs(conn: Connection, case_id: int, size: int) -> list[int]:
    return [
        int(s)
        for s in conn.execute(
            select(case_members.c.seq)
            .where(case_members.c.case_id == case_id, case_members.c.seq < size)
            .distinct()
        ).scalars()
    ]


def _ref(ref: ClaimRef) -> str:
    return f"{ref.id}#{ref.claim}"


def _note(n: CaseNote) -> Note:
    return Note(n.text, n.actor, n.created_at, n.incident, n.seq)


def _source(number: int, item: ItemAsOf, withheld: bool) -> Source:
    if withheld:
        return Source(
            number,
            item.hash,
            item.id,
            item.media_type,
            item.size,
            None,
            None,
            None,
            None,
            None,
            item.acquired_at,
            item.seq,
            True,
        )
    return Source(
        number,
        item.hash,
        item.id,
        item.media_type,
        item.size,
        item.title,
        item.publisher,
        item.published,
        item.url,
        item.external_id,
        item.acquired_at,
        item.seq,
    )


def _disclose(
    d: Disclosure, claim_id: int, claim: Claim, item: ItemAsOf, src: Source
) -> tuple[tuple[str, ...], str | None, int]:
    """(quoted sentences, claimant name, values withheld) for one claim."""
    subject = claim_subject(claim_id)
    withheld = 0
    quote = _sentences(item.text, claim.spans)
    if src.withheld or d.whole(subject) or d.field(item_subject(item.hash), "text"):
        withheld += int(bool(quote))
        quote = ()
    claimant = claim.claimant.name
    # A witness's name is personal data by rule, whatever the marks say.
    if claimant and (
        d.field(subject, "claimant.name")
        or d.whole(subject)
        or (claim.claimant.type == "witness" and not d.include_restricted)
    ):
        claimant, withheld = WITHHELD, withheld + 1
    return quote, claimant, withheld


def case_file_json(cf: CaseFile) -> Mapping[str, Any]:
    """A short description of a case file (for `--json` output)."""
    return {
        "case": cf.case_id,
        "name": cf.name,
        "checkpoint": cf.checkpoint.to_json(),
        "incidents": [e.id for e in cf.incidents],
        "sources": len(cf.sources),
        "cited_entries": len(cf.cited),
        "withheld": cf.withheld,
    }
