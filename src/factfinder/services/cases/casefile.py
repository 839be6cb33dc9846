"""Building a case file: the case (or every incident) as of a checkpoint, as one may see it.

1. read the case and its incidents, their claims, items and notes **as of the checkpoint's
   size** (`factfinder.services.cases.evidence`), so evidence that arrived later changes
   nothing;
2. leave out restricted data unless `include_restricted` (and the acting user may see it),
   through the one `factfinder.services.access.view.RedactionView` every output reads;
3. prove every cited ledger entry against the checkpoint.

The result is a function of (checkpoint, case, include_restricted, the restriction marks in
force). Choosing (or signing) the checkpoint and writing the output are commands, in
`factfinder.services.cases.files`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import Connection, select

from factfinder import __version__
from factfinder.errors import InvalidRecord, PermissionDenied
from factfinder.model import Claim, ClaimRef, parse_date
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
from factfinder.services.access.roles import Permission, User
from factfinder.services.access.view import (
    RedactionView,
    cut,
    name_key,
    scrub,
    sealed_claims,
    view_for,
    visible_incident,
)
from factfinder.services.cases.evidence import ItemAsOf, claims_as_of, inclusion_proofs, items_as_of
from factfinder.services.cases.queries import CaseNote, case_state, find_case_id
from factfinder.services.incidents.queries import incidents_as_of
from factfinder.services.project import Project
from factfinder.store.schema_cases import case_members
from factfinder.subjects import case_subject, claim_subject
from factfinder.vault.signing import Checkpoint

GENERATOR = f"factfinder {__version__}"


def case_view(project: Project, include_restricted: bool, user: User | None) -> RedactionView:
    """The view a case file is read through: restricted data only when asked for and allowed
    (`PermissionDenied` when `user`'s role may not see it)."""
    if include_restricted and user is not None and not user.can(Permission.READ_RESTRICTED):
        raise PermissionDenied(
            f"the {user.role} role may not see restricted data; leave out --include-restricted"
        )
    return view_for(project, user, include_restricted=include_restricted)


def _checkpoint_ref(project: Project, cid: int, cp: Checkpoint) -> CheckpointRef:
    key = project.public_key
    return CheckpointRef(cp, cid, key.to_hex(), key.to_pem())


class _Withheld:
    """The distinct restricted values a case file leaves out, each counted once."""

    def __init__(self) -> None:
        self.values: set[tuple[str, str]] = set()

    def add(self, kind: str, value: str) -> None:
        self.values.add((kind, value))

    def __len__(self) -> int:
        return len(self.values)


def case_file_at(
    project: Project,
    case: str | int | None,
    checkpoint: tuple[int, Checkpoint],
    *,
    include_restricted: bool = False,
    user: User | None = None,
    view: RedactionView | None = None,
) -> CaseFile:
    """The case (or, with `case` None, every incident) as of `checkpoint` (id, checkpoint), as
    `user` may see it (see the module docstring): read through one `RedactionView` (`view`,
    else `case_view`; what it disclosed of restricted data is left in its `disclosed`)."""
    view = view or case_view(project, include_restricted, user)
    withheld = _Withheld()
    cid, cp = checkpoint
    size = cp.size
    with project.read() as conn:
        view.sealed_claims = sealed_claims(conn, size)
        if case is not None:
            state = case_state(conn, find_case_id(conn, case), size)
            stored = incidents_as_of(conn, list(state.incidents), size)
            by_id = {s.incident.incident: s for s in stored}
            ordered = [by_id[i] for i in state.incidents if i in by_id]
            all_notes = list(state.notes)
            notes = [n for n in state.notes if not (n.restricted and not view.privileged)]
            case_id, name, description = state.id, state.name, state.description
            case_seqs = [state.seq] + [n.seq for n in notes] + _member_seqs(conn, state.id, size)
        else:
            ordered = incidents_as_of(conn, None, size)
            notes, case_id, name, description, case_seqs = [], None, "All incidents", None, []
            all_notes = []
        shown = []
        for s in ordered:
            if view.incident_hidden(s.incident.incident):
                withheld.add("incident", s.incident.incident)
            else:
                shown.append(s)
        absent = {s.incident.incident for s in ordered} - {s.incident.incident for s in shown}
        notes = [n for n in notes if n.incident not in absent]
        claim_ids = [c for s in shown for c in s.claim_ids]
        claims = claims_as_of(conn, claim_ids, size)
        items = items_as_of(conn, {c.item_id for c in claims.values()}, size)
        secrets: list[str] = []
        for item in items.values():
            secrets += view.item_secrets(item)
        entries: list[IncidentEntry] = []
        sources: dict[int, Source] = {}
        cited_seqs: set[int] = set(case_seqs)
        for s in shown:
            hidden: list[ClaimRef] = []
            visible: list[tuple[ClaimRef, int]] = []
            for ref, claim_id in zip(s.incident.members, s.claim_ids, strict=True):
                c = claims.get(claim_id)
                if c is None or c.item_id not in items:
                    continue  # not recorded yet at this size (cannot happen for a consistent log)
                if view.claim_hidden(claim_id, items[c.item_id].hash):
                    withheld.add("claim", claim_subject(claim_id))
                    if view.item_hidden(items[c.item_id].hash):
                        withheld.add("item", items[c.item_id].hash)
                    hidden.append(ref)
                else:
                    visible.append((ref, claim_id))
            if not visible:
                withheld.add("incident", s.incident.incident)
                notes = [n for n in notes if n.incident != s.incident.incident]
                continue
            incident = s.incident
            if hidden:
                incident = visible_incident(
                    incident,
                    hidden,
                    {ref: claims[cid_].claim for ref, cid_ in visible},
                    {ref: _ordinal(items[claims[cid_].item_id].published) for ref, cid_ in visible},
                )
            quoted: list[CitedClaim] = []
            for ref, claim_id in visible:
                c = claims[claim_id]
                item = items[c.item_id]
                if item.id not in sources:
                    sources[item.id] = _source(len(sources) + 1, item, view.item_fields(item.hash))
                src = sources[item.id]
                cited, found = _disclose(view, withheld, claim_id, c.claim, item)
                secrets += found
                quoted.append(
                    CitedClaim(
                        claim_subject(claim_id),
                        _ref(ref),
                        cited.claim,
                        src.number,
                        item.hash,
                        cited.sentences,
                        cited.claimant,
                        c.claim.claimant.type,
                        src.publisher,
                        c.seq,
                    )
                )
                cited_seqs.update(
                    x for x in (c.seq, c.review_seq, item.seq, item.metadata_seq) if x is not None
                )
            cited_seqs.update(s.seqs)
            entries.append(
                IncidentEntry(
                    len(entries) + 1,
                    incident,
                    tuple(quoted),
                    max(s.seqs) if s.seqs else None,
                    tuple(_note(n) for n in notes if n.incident == s.incident.incident),
                    tuple(sorted({q.claim.event_type for q in quoted})),
                    tuple(sorted({q.claim.perpetrator.group for q in quoted})),
                )
            )
        # The personal names users wrote — in notes, in the reasons of decisions on the
        # incidents — are restricted as the names of quoted sentences are.
        hashes = [i.hash for i in items.values()]
        about = case_subject(case_id) if case_id is not None else None
        for n in notes:
            for found_name in view.comment_names(n.text, about, hashes):
                withheld.add("name", f"note {name_key(found_name)}")
                secrets.append(found_name)
        # So are those written in the case's own name and description.
        for text in (name, description):
            for found_name in view.comment_names(text, about, hashes):
                withheld.add("name", f"case {name_key(found_name)}")
                secrets.append(found_name)
        for e in entries:
            secrets += view.payload_names(e.incident.extra.get("grading"), hashes)
        # The notes on incidents left out stay out too, and so do their ledger entries.
        kept = {n.seq for n in notes}
        for n in all_notes:
            if n.seq not in kept:
                withheld.add("note", str(n.seq))
                cited_seqs.discard(n.seq)
        proven = inclusion_proofs(conn, cited_seqs, cp)
    proofs: list[CitedEntry] = []
    for p in proven:
        held = [*secrets, *view.payload_names(_payload(p.entry), hashes)]
        if held and cut(p.entry, held) != p.entry:
            # The entry's text is what its proof hashes: it cannot be cut, so it stays out.
            withheld.add("entry", str(p.seq))
            continue
        proofs.append(CitedEntry(p.seq, p.kind, p.subject, p.entry, p.leaf_hash, p.audit_path))
    entries = [_scrub_entry(e, secrets) for e in entries]
    for item_id, src in list(sources.items()):
        text = items[item_id].text
        if not src.withheld and secrets and text and cut(text, secrets) != text:
            # Its bytes say what the view cuts: the original stays out, listed by hash.
            withheld.add("original", src.hash)
            sources[item_id] = replace(src, withheld=True)
    return CaseFile(
        case_id,
        cut(name, secrets),
        cut(description, secrets) if description else description,
        _checkpoint_ref(project, cid, cp),
        tuple(entries),
        tuple(sources.values()),
        tuple(proofs),
        tuple(_note(n, secrets) for n in notes),
        view.privileged,
        len(withheld),
        GENERATOR,
    )


def _payload(entry: str) -> Any:
    try:
        return json.loads(entry).get("payload")
    except (ValueError, AttributeError):
        return None


def _ordinal(published: str | None) -> int | None:
    try:
        day = parse_date(published)
    except InvalidRecord:
        return None
    return day.toordinal() if day is not None else None


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


def _note(n: CaseNote, secrets: Sequence[str] = ()) -> Note:
    return Note(cut(n.text, secrets), n.actor, n.created_at, n.incident, n.seq)


def _source(number: int, item: ItemAsOf, hidden: Sequence[str]) -> Source:
    def shown(name: str, value: str | None) -> str | None:
        return None if name in hidden else value

    return Source(
        number,
        item.hash,
        item.id,
        item.media_type,
        item.size,
        shown("title", item.title),
        shown("publisher", item.publisher),
        shown("published", item.published),
        shown("url", item.url),
        shown("external_id", item.external_id),
        item.acquired_at,
        item.seq,
        bool(hidden),
    )


@dataclass(frozen=True, slots=True)
class _Cited:
    claim: Claim
    sentences: tuple[str, ...]
    claimant: str | None


def _disclose(
    view: RedactionView, withheld: _Withheld, claim_id: int, claim: Claim, item: ItemAsOf
) -> tuple[_Cited, list[str]]:
    """The claim as the view lets it out (its restricted fields replaced by the marker, its
    sentences cut), and the restricted strings it holds."""
    subject = claim_subject(claim_id)
    hidden = view.claim_fields(claim_id, [claim], item.hash, item.text)
    secrets = view.claim_secrets(claim_id, [claim], item.hash, item.text)
    plain = view.sentences(item.text, claim.spans, ())
    for name in view.names(item.hash, item.text):
        if any(cut(sentence, [name]) != sentence for sentence in plain):
            withheld.add("name", f"{item.hash} {name_key(name)}")
    sentences = view.sentences(item.text, claim.spans, secrets)
    if "sentences" in hidden and sentences:
        withheld.add("sentences", subject)
        sentences = ()
    claimant = claim.claimant
    shown_name = claimant.name
    if claimant.name and "claimant.name" in hidden:
        withheld.add("claimant", subject)
        shown_name = WITHHELD
    statement = claimant.statement
    if statement and "claimant.statement" in hidden:
        withheld.add("statement", subject)
        statement = WITHHELD
    perpetrator = claim.perpetrator
    if perpetrator.name and "perpetrator.name" in hidden:
        withheld.add("perpetrator", subject)
        perpetrator = replace(perpetrator, name=WITHHELD)
    places = claim.places
    if places and "places" in hidden:
        withheld.add("places", subject)
        places = ()
    redacted = replace(
        claim,
        claimant=replace(claimant, name=shown_name, statement=statement),
        perpetrator=perpetrator,
        places=places,
    )
    return _Cited(redacted, sentences, shown_name), secrets


def _scrub_entry(e: IncidentEntry, secrets: Sequence[str]) -> IncidentEntry:
    """An incident entry with every restricted string cut from its incident's explanation,
    references and places, from its claims' references and from its notes (`view.scrub`)."""
    if not secrets:
        return e
    inc = e.incident
    incident = replace(
        inc,
        members=tuple(ClaimRef(cut(m.id, secrets), m.claim) for m in inc.members),
        places=tuple(replace(p, name=cut(p.name, secrets)) for p in inc.places),
        extra=scrub(dict(inc.extra), secrets),
    )
    claims = tuple(
        replace(
            q,
            ref=cut(q.ref, secrets),
            claim=replace(
                q.claim,
                claimant=replace(
                    q.claim.claimant,
                    name=cut(q.claim.claimant.name, secrets) if q.claim.claimant.name else None,
                    statement=cut(q.claim.claimant.statement, secrets)
                    if q.claim.claimant.statement
                    else None,
                ),
            ),
        )
        for q in e.claims
    )
    notes = tuple(replace(n, text=cut(n.text, secrets)) for n in e.notes)
    return replace(e, incident=incident, claims=claims, notes=notes)


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
