"""Case files: reports, exports and evidence packages built from the record as of a checkpoint.

    from factfinder.services.case_files import write_report, write_export, write_package

    result = write_report(project, "Raqqah", fmt="pdf", output=Path("raqqah.pdf"))
    again = write_report(project, "Raqqah", fmt="html", output=p, at=result.checkpoint_id)
    write_export(project, fmt="ged", output=Path("raqqah.csv"), case="Raqqah")
    write_package(project, "Raqqah", output=Path("raqqah-package"), zip_output=False)

The run, step by step:

1. pick the checkpoint: `at` (a checkpoint id), or the latest if it covers the whole ledger,
   else a new one is signed;
2. read the case and its incidents, their claims, items and notes **as of that checkpoint's size**
   (`factfinder.services.evidence_state`), so evidence that arrived later changes nothing;
3. leave out restricted data unless `include_restricted` (and the acting user may see it);
4. prove every cited ledger entry against the checkpoint;
5. render (`factfinder.report`), write the file atomically, and append an `export.write` ledger
   entry (`subject` = `case:<id>` for a case) binding what was written: format, case, checkpoint
   (size, root), the output's `sha256:` and size, and whether restricted data was included.

The output is a function of (checkpoint, case, format, include_restricted, the restriction marks
in force): building it again from the same checkpoint gives the same bytes, however much the
record has grown since.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from sqlalchemy import Connection

from factfinder import __version__
from factfinder.errors import InvalidRecord, PermissionDenied, ProjectError
from factfinder.model import Claim, ClaimRef, Incident
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
from factfinder.services.cases import CaseNote, case_state, find_case_id
from factfinder.services.evidence_state import (
    ItemAsOf,
    checkpoint_for,
    claims_as_of,
    inclusion_proofs,
    items_as_of,
)
from factfinder.services.project import Project
from factfinder.vault.hashing import sha256_bytes
from factfinder.vault.signing import Checkpoint

if TYPE_CHECKING:
    from factfinder.services.access.roles import User

GENERATOR = f"factfinder {__version__}"
REPORT_FORMATS = ("html", "pdf")


# -- incidents: what the report needs from the incidents area ---------------------------------


@dataclass(frozen=True, slots=True)
class StoredIncident:
    """An incident as of a ledger size: its derived fields, its member claims' stored ids (in
    the order of `incident.members`) and the ledger entries that established this state."""

    incident: Incident
    claim_ids: tuple[int, ...]
    seqs: tuple[int, ...]


class IncidentStore(Protocol):
    def incidents_as_of(
        self, conn: Connection, ids: Sequence[str] | None, size: int
    ) -> list[StoredIncident]:
        """The incidents named (all when None) as of ledger size `size`, in id order;
        unknown ids are left out."""

    def existing(self, conn: Connection, ids: Sequence[str]) -> set[str]:
        """Which of `ids` are incidents now."""


def default_incident_store() -> IncidentStore:
    """The incidents area's store (`factfinder.services.incidents.case_file_store()`)."""
    try:
        from factfinder.services.incidents import case_file_store
    except ImportError as exc:
        raise ProjectError(
            "this factfinder stores no incidents yet (no "
            "factfinder.services.incidents.case_file_store); cases and reports "
            "need the incidents of `factfinder link --project`"
        ) from exc
    store: IncidentStore = case_file_store()
    return store


def incident_check(
    store: IncidentStore | None = None,
) -> Callable[[Connection, Sequence[str]], set[str]]:
    """The check `cases.add_incidents` uses to refuse unknown incident ids."""
    chosen = store or default_incident_store()
    return chosen.existing


# -- restrictions ----------------------------------------------------------------------------


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
    if include_restricted and user is not None:
        from factfinder.services.access.roles import Permission

        if not user.can(Permission.READ_RESTRICTED):
            raise PermissionDenied(
                f"the {user.role} role may not see restricted data; leave out --include-restricted"
            )
    try:
        from factfinder.services.access.queries import restrictions_for
    except ImportError:  # no restriction marks in this installation
        return Disclosure(include_restricted, frozenset())
    return Disclosure(include_restricted, restrictions_for(project).marks)


# -- building the case file ------------------------------------------------------------------


def _checkpoint_ref(project: Project, cid: int, cp: Checkpoint) -> CheckpointRef:
    key = project.public_key
    return CheckpointRef(cp, cid, key.to_hex(), key.to_pem())


def _sentences(text: str | None, spans: Iterable[tuple[int, int]]) -> tuple[str, ...]:
    if not text:
        return ()
    return tuple(" ".join(text[a:b].split()) for a, b in spans if b <= len(text))


def build_case_file(
    project: Project,
    case: str | int | None,
    *,
    at: int | None = None,
    include_restricted: bool = False,
    user: User | None = None,
    store: IncidentStore | None = None,
) -> CaseFile:
    """The case (or, with `case` None, every incident) as of checkpoint `at` (see the module
    docstring)."""
    disclosure = _disclosure(project, include_restricted, user)
    incidents = store or default_incident_store()
    cid, cp = checkpoint_for(project, at)
    size = cp.size
    with project.read() as conn:
        if case is not None:
            state = case_state(conn, find_case_id(conn, case), size)
            stored = incidents.incidents_as_of(conn, list(state.incidents), size)
            by_id = {s.incident.incident: s for s in stored}
            ordered = [by_id[i] for i in state.incidents if i in by_id]
            notes = [n for n in state.notes if not (n.restricted and not include_restricted)]
            withheld_notes = len(state.notes) - len(notes)
            case_id, name, description = state.id, state.name, state.description
            case_seqs = [state.seq] + [n.seq for n in notes] + _member_seqs(conn, state.id, size)
        else:
            ordered = incidents.incidents_as_of(conn, None, size)
            notes, case_id, name, description, case_seqs = [], None, "All incidents", None, []
            withheld_notes = 0
        claim_ids = [c for s in ordered for c in s.claim_ids]
        claims = claims_as_of(conn, claim_ids, size)
        items = items_as_of(conn, {c.item_id for c in claims.values()}, size)
        withheld = withheld_notes
        sources: dict[int, Source] = {}
        for item in sorted(items.values(), key=lambda i: i.seq):
            whole = disclosure.whole(f"item:{item.hash}")
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
                        f"claim:{claim_id}",
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
    from sqlalchemy import select

    from factfinder.store.schema_cases import case_members

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
    subject = f"claim:{claim_id}"
    withheld = 0
    quote = _sentences(item.text, claim.spans)
    if src.withheld or d.whole(subject) or d.field(f"item:{item.hash}", "text"):
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


# -- writing ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ExportResult:
    path: Path
    format: str
    case_id: int | None
    checkpoint_id: int
    checkpoint_size: int
    checkpoint_root: str
    sha256: str | None
    bytes: int
    incidents: int
    withheld: int
    seq: int  # the export.write ledger entry

    def to_json(self) -> dict[str, Any]:
        return {
            "path": str(self.path),
            "format": self.format,
            "case": self.case_id,
            "checkpoint": {
                "id": self.checkpoint_id,
                "size": self.checkpoint_size,
                "root": self.checkpoint_root,
            },
            "sha256": self.sha256,
            "bytes": self.bytes,
            "incidents": self.incidents,
            "withheld": self.withheld,
            "ledger_seq": self.seq,
        }


def _write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _record(
    project: Project,
    cf: CaseFile,
    fmt: str,
    output: Path,
    digest: str | None,
    nbytes: int,
    actor: str | None,
    what: str,
) -> ExportResult:
    """The `export.write` entry; if it cannot be written, the output is removed again."""
    try:
        with project.transaction(actor) as tx:
            entry = tx.append_ledger(
                "export.write",
                {
                    "what": what,
                    "format": fmt,
                    "case": cf.case_id,
                    "name": output.name,
                    "checkpoint": {"size": cf.checkpoint.size, "root": cf.checkpoint.root},
                    "sha256": digest,
                    "bytes": nbytes,
                    "incidents": len(cf.incidents),
                    "include_restricted": cf.include_restricted,
                    "withheld": cf.withheld,
                    "generator": cf.generator,
                },
                subject=f"case:{cf.case_id}" if cf.case_id is not None else None,
            )
    except BaseException:
        if output.is_dir():
            shutil.rmtree(output, ignore_errors=True)
        else:
            output.unlink(missing_ok=True)
        raise
    cp = cf.checkpoint
    assert cp.id is not None
    return ExportResult(
        output,
        fmt,
        cf.case_id,
        cp.id,
        cp.size,
        cp.root,
        digest,
        nbytes,
        len(cf.incidents),
        cf.withheld,
        entry.seq,
    )


def render_report(cf: CaseFile, fmt: str) -> bytes:
    """The report of a case file as bytes (`html` or `pdf`)."""
    from factfinder.report.html import render_html

    if fmt not in REPORT_FORMATS:
        raise InvalidRecord(f"report format {fmt!r} is not one of {', '.join(REPORT_FORMATS)}")
    html = render_html(cf)
    if fmt == "html":
        return html.encode("utf-8")
    from factfinder.report.pdf import render_pdf

    return render_pdf(html, created=cf.checkpoint.time)


def _write_recorded(
    project: Project,
    cf: CaseFile,
    fmt: str,
    output: Path,
    data: bytes,
    actor: str | None,
    kind: str,
) -> ExportResult:
    _write_atomic(output, data)
    return _record(project, cf, fmt, output, sha256_bytes(data), len(data), actor, kind)


def write_report(
    project: Project,
    case: str | int,
    *,
    fmt: str,
    output: Path,
    at: int | None = None,
    include_restricted: bool = False,
    user: User | None = None,
    actor: str | None = None,
    store: IncidentStore | None = None,
) -> ExportResult:
    """Render the report of `case` to `output` and record it (see the module docstring)."""
    if fmt not in REPORT_FORMATS:
        raise InvalidRecord(f"report format {fmt!r} is not one of {', '.join(REPORT_FORMATS)}")
    cf = build_case_file(
        project, case, at=at, include_restricted=include_restricted, user=user, store=store
    )
    return _write_recorded(
        project,
        cf,
        fmt,
        output,
        render_report(cf, fmt),
        actor or (user.actor if user else None),
        "report",
    )


def write_export(
    project: Project,
    *,
    fmt: str,
    output: Path,
    case: str | int | None = None,
    at: int | None = None,
    include_restricted: bool = False,
    user: User | None = None,
    actor: str | None = None,
    store: IncidentStore | None = None,
) -> ExportResult:
    """Export a case (or every incident) as csv / geojson / jsonl / ged."""
    from factfinder.report.exports import FORMATS, export_bytes

    if fmt not in FORMATS:
        raise InvalidRecord(f"export format {fmt!r} is not one of {', '.join(FORMATS)}")
    cf = build_case_file(
        project, case, at=at, include_restricted=include_restricted, user=user, store=store
    )
    return _write_recorded(
        project,
        cf,
        fmt,
        output,
        export_bytes(cf, fmt),
        actor or (user.actor if user else None),
        "export",
    )


def write_package(
    project: Project,
    case: str | int,
    *,
    output: Path,
    at: int | None = None,
    zip_output: bool = False,
    include_restricted: bool = False,
    user: User | None = None,
    actor: str | None = None,
    store: IncidentStore | None = None,
) -> ExportResult:
    """Write the evidence package of `case` (a BagIt directory, or a zip of one)."""
    from factfinder.report.exports import to_jsonl
    from factfinder.report.html import render_html
    from factfinder.report.package import build_package

    cf = build_case_file(
        project, case, at=at, include_restricted=include_restricted, user=user, store=store
    )

    def copy_blob(item_hash: str, dest: Path) -> None:
        with project.blobs.open(item_hash) as src, dest.open("wb") as dst:
            shutil.copyfileobj(src, dst, 1 << 20)

    summary = build_package(
        cf,
        output,
        report_html=render_html(cf),
        incidents_jsonl=to_jsonl(cf),
        copy_blob=copy_blob,
        zip_output=zip_output,
    )
    return _record(
        project,
        cf,
        "zip" if zip_output else "bagit",
        output,
        summary.sha256,
        summary.bytes,
        actor or (user.actor if user else None),
        "package",
    )


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


__all__ = [
    "Disclosure",
    "ExportResult",
    "IncidentStore",
    "StoredIncident",
    "build_case_file",
    "case_file_json",
    "incident_check",
    "render_report",
    "write_export",
    "write_package",
    "write_report",
]
