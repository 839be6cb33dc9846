"""Ingest: inputs (files, folders, globs, JSON Lines document batches) → preserved items.

The run, step by step, for each input:

1. expand it into parts (`factfinder.intake.expand`: the file, then each member of a container);
   a part that could not be produced (unreadable, hostile member name, truncated record) is one
   failure line and the walk goes on;
2. read its text and metadata (`read_text`); if that fails the bytes are still preserved (they
   are what was received) and the failure is reported;
3. store the bytes in the blob store (atomic, write-once, streamed);
4. in one transaction: the item (first time), the acquisition, the link to its container and
   the `item.acquire` ledger entry.

A JSON Lines file whose first record has `id` and `text` is a batch of documents in the batch
claim format: the batch file is preserved as one item, and each line becomes an item of its own
whose bytes are the canonical JSON of that line's object (keys sorted, UTF-8, no spaces) — so the
same document sent twice with different spacing is one item — with the document's text as the
item text and its `id` kept as `external_id`, linked to the batch `line-of`.

Parts are committed in groups (up to 200 parts or 64 MB): the group's blobs are fsynced and
named first, then its rows and ledger entries go in one transaction. Identical acquisitions are
not recorded twice, so a run killed at any point leaves whole items only (at worst a few blobs
no row names yet), and running the same command again completes it.
At the end a checkpoint is signed if anything new was recorded.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Protocol

from factfinder.errors import InputError, InvalidRecord
from factfinder.intake import expand, is_document_batch, read_text
from factfinder.intake.chat import attached_member
from factfinder.intake.language import detect_language
from factfinder.intake.parts import ARCHIVES, CHAT_EXPORTS, CHAT_MESSAGE, Part
from factfinder.jsonl import read_jsonl
from factfinder.model import Document
from factfinder.services.access.commands import mark_in
from factfinder.services.access.queries import WHOLE
from factfinder.services.access.view import check_field
from factfinder.services.preserve.checkpoints import make_checkpoint
from factfinder.services.preserve.inputs import (
    FileMetadata,
    collect_inputs,
    iso_published,
    normalise_published,
)
from factfinder.services.preserve.metadata import (
    TEXT_OCR,
    ItemMetadata,
    Parent,
    Receipt,
    Recorded,
    text_unread,
)
from factfinder.services.preserve.record import record_acquisition
from factfinder.services.project import Project
from factfinder.subjects import item_subject
from factfinder.vault.blobs import StagedBlob
from factfinder.vault.hashing import canonical_bytes
from factfinder.vault.signing import Checkpoint

DOCUMENT_MEDIA_TYPE = "application/vnd.factfinder.document+json"
BATCH_MEDIA_TYPE = "application/x-ndjson"
# How a member relates to its container, by the container's media type.
_RELATIONS = {
    "message/rfc822": "attachment-of",
    "application/vnd.ms-outlook": "attachment-of",
    "application/warc": "record-of",
}
# The reason recorded with a mark a reader asked for (`Extracted.restricted`).
PRIVATE_PERSON = "names a private person (a chat message's sender): restricted at intake"
# The reason recorded with the mark on a chat export as a whole (and on the archives that hold
# it): its bytes name every sender; its messages are items of their own, readable but for who
# sent them.
CHAT_EXPORT = (
    "a chat export names every sender (private persons): restricted at intake; "
    "its messages are items of their own"
)
# Formats that carry no text to read (a web page's fonts, scripts, style sheets and icons):
# an item of one has no text and no "text not read" status. Any other format without a
# reader is marked as not read.
_NO_TEXT_PREFIXES = ("font/", "application/font-", "application/x-font-")
_NO_TEXT_TYPES = frozenset(
    {
        "application/javascript",
        "application/x-javascript",
        "application/ecmascript",
        "application/wasm",
        "application/vnd.ms-fontobject",
        "image/x-icon",
        "image/vnd.microsoft.icon",
        "text/css",
    }
)


def unread_format(media_type: str) -> str | None:
    """The `text_status` of an item of `media_type` that no reader reads, or None when the
    format carries no text to read (fonts, scripts, icons)."""
    if media_type in _NO_TEXT_TYPES or media_type.startswith(_NO_TEXT_PREFIXES):
        return None
    if media_type == "application/octet-stream":
        return "text not read: unknown binary format"
    return f"text not read: no reader for {media_type}"


@dataclass(frozen=True, slots=True)
class IngestOptions:
    """What the person ingesting says about this batch (applies to every acquisition in it).

    `files` maps an input file (resolved path) to what was said about that file alone
    (`ingest --metadata FILE.csv`); its values win over the batch-wide ones for that file.
    """

    publisher: str | None = None
    published: str | None = None
    url: str | None = None
    custodian: str | None = None
    again: bool = False  # record a new acquisition even when an identical one exists
    checkpoint: bool = True  # sign a checkpoint at the end when something was recorded
    files: Mapping[Path, FileMetadata] = field(default_factory=dict)
    title: str | None = None  # set per file from `files` only

    def for_file(self, path: Path) -> IngestOptions:
        """These options with what `files` says about `path` (itself, not its members)."""
        said = self.files.get(path.resolve())
        if said is None:
            return self
        return replace(
            self,
            publisher=said.publisher or self.publisher,
            published=said.published or self.published,
            url=said.url or self.url,
            title=said.title,
        )

    def __post_init__(self) -> None:
        if self.published is not None:
            object.__setattr__(self, "published", normalise_published(self.published))


@dataclass(frozen=True, slots=True)
class IngestedPart:
    label: str
    recorded: Recorded
    text_status: str | None = None  # as `ItemMetadata.text_status`: "ocr", "text not read: …"
    reported: bool = False  # the reason the text was not read was already reported as a failure

    @property
    def text_unread(self) -> bool:
        """True when some or all of the part's text could not be read (and it is preserved)."""
        return text_unread(self.text_status)


@dataclass(frozen=True, slots=True)
class IngestSummary:
    inputs: int = 0
    parts: int = 0
    new_items: int = 0
    new_acquisitions: int = 0
    unchanged: int = 0
    failures: tuple[InputError, ...] = ()
    checkpoint: Checkpoint | None = None
    ocr: int = 0  # parts whose text was read (in whole or part) by OCR
    text_not_read: tuple[tuple[str, str], ...] = ()  # (part label, status) of unread text

    def to_json(self) -> dict[str, Any]:
        return {
            "inputs": self.inputs,
            "parts": self.parts,
            "new_items": self.new_items,
            "new_acquisitions": self.new_acquisitions,
            "unchanged": self.unchanged,
            "ocr": self.ocr,
            "text_not_read": [{"input": label, "status": s} for label, s in self.text_not_read],
            "failures": [{"input": f.input, "problem": f.problem} for f in self.failures],
            "checkpoint": self.checkpoint.to_json() if self.checkpoint else None,
        }


class IngestObserver(Protocol):
    """Progress callbacks (the CLI draws a progress bar with them)."""

    def started(self, total_bytes: int, inputs: int) -> None: ...
    def advanced(self, nbytes: int) -> None: ...
    def part_done(self, part: IngestedPart) -> None: ...
    def failed(self, error: InputError) -> None: ...


class _Quiet:
    def started(self, total_bytes: int, inputs: int) -> None:
        pass

    def advanced(self, nbytes: int) -> None:
        pass

    def part_done(self, part: IngestedPart) -> None:
        pass

    def failed(self, error: InputError) -> None:
        pass


@dataclass
class _Tally:
    parts: int = 0
    new_items: int = 0
    new_acquisitions: int = 0
    unchanged: int = 0
    failures: list[InputError] = field(default_factory=list)
    ocr: int = 0
    text_not_read: list[tuple[str, str]] = field(default_factory=list)


def ingest(
    project: Project,
    args: Sequence[str],
    options: IngestOptions | None = None,
    *,
    actor: str | None = None,
    observer: IngestObserver | None = None,
) -> IngestSummary:
    """Ingest every input named by `args`; failures are collected, never raised."""

    opts = options or IngestOptions()
    obs = observer or _Quiet()
    paths, errors = collect_inputs(args)
    given = {p.resolve() for p in paths}
    for target, said in opts.files.items():
        if target not in given:
            raise InputError(said.where, f"unknown file {str(target)!r}: not among the inputs")
    tally = _Tally()
    for error in errors:
        tally.failures.append(error)
        obs.failed(error)
    obs.started(sum(_size(p) for p in paths), len(paths))
    project.blobs.clean_stale_temp()
    run = _Run(project, opts, actor, obs, tally)
    try:
        for number, path in enumerate(paths):
            if is_document_batch(path):
                run.batch(number, path)
            else:
                run.file(number, path)
            obs.advanced(_size(path))
        run.flush()
    finally:
        run.close()
    checkpoint = None
    if opts.checkpoint and tally.new_acquisitions:
        checkpoint = make_checkpoint(project)
    return IngestSummary(
        len(paths),
        tally.parts,
        tally.new_items,
        tally.new_acquisitions,
        tally.unchanged,
        tuple(tally.failures),
        checkpoint,
        tally.ocr,
        tuple(tally.text_not_read),
    )


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


@dataclass(frozen=True, slots=True)
class _Pending:
    """A part whose bytes are staged, waiting for the next group commit."""

    label: str
    staged: StagedBlob
    media_type: str
    metadata: ItemMetadata
    receipt: Receipt
    key: tuple[int, int] | None  # (input number, part index) when it is a container
    parent_key: tuple[int, int] | None
    relation: str | None
    reported: bool = False  # its text could not be read, and that was reported as a failure
    restricted: tuple[str, ...] = ()  # fields to mark restricted with a new item ("": whole)
    ref: tuple[int, int] | None = None  # (input number, part index) of a part a link names


# A place in what is ingested: (scope, path) — ("", absolute path) for an input file,
# ("input:index", member name) for a member of an archive. A chat export names its
# attached files relative to its own place.
_Place = tuple[str, str]


@dataclass(frozen=True, slots=True)
class _File:
    """A file that a chat message may name as attached: what its acquisition recorded."""

    ref: tuple[int, int]
    size: int
    media_type: str
    receipt: Receipt


@dataclass(frozen=True, slots=True)
class _Attachment:
    """A message names a file as attached: once both are recorded, the file is recorded as
    received attached to the message (an `attachment-of` acquisition, as an e-mail's)."""

    file: _File
    message: tuple[int, int]
    chat_message: str | None


class _Run:
    """One ingest run. Parts are staged one by one and committed in groups: the blobs of a
    group are made durable together, then recorded in one transaction (blobs always before
    the rows that name them)."""

    MAX_PARTS = 200
    MAX_BYTES = 64 << 20

    def __init__(
        self,
        project: Project,
        options: IngestOptions,
        actor: str | None,
        observer: IngestObserver,
        tally: _Tally,
    ) -> None:
        self.project = project
        self.options = options
        self.actor = actor
        self.obs = observer
        self.tally = tally
        self.pending: list[_Pending] = []
        self.pending_bytes = 0
        self.containers: dict[tuple[int, int], Recorded] = {}
        self._workdir: Path | None = None
        # Chat exports: the archives that hold one, to be marked restricted with it; the files
        # at each place (a message's attachment may come before or after its message); the
        # places messages name as attached; the links waiting for both items to be recorded.
        self.sealed: set[tuple[int, int]] = set()
        self.kinds: dict[int, str] = {}  # of the input being walked: part index → media type
        self.parents: dict[int, int | None] = {}  # part index → its container's index
        self.exports: dict[int, _Place | None] = {}  # a chat export's index → its place
        self.files_at: dict[_Place, _File] = {}
        self.named_at: dict[_Place, list[tuple[tuple[int, int], str | None]]] = {}
        self.recorded: dict[tuple[int, int], Recorded] = {}
        self.attachments: list[_Attachment] = []

    # -- bookkeeping ----------------------------------------------------------------------

    def fail(self, error: InputError) -> None:
        self.tally.failures.append(error)
        self.obs.failed(error)

    def done(
        self, label: str, recorded: Recorded, text_status: str | None = None, reported: bool = False
    ) -> None:
        t = self.tally
        t.parts += 1
        t.new_items += recorded.new_item
        t.new_acquisitions += recorded.new_acquisition
        t.unchanged += not recorded.new_acquisition
        if text_status == TEXT_OCR:
            t.ocr += 1
        elif text_unread(text_status):
            t.text_not_read.append((label, text_status or ""))
        self.obs.part_done(IngestedPart(label, recorded, text_status, reported))

    @property
    def workdir(self) -> Path:
        # Member files go next to the blob store: same file system, so storing them is a copy
        # in the kernel; the pid in the name lets a later run clean up after a killed one.
        if self._workdir is None:
            self._workdir = Path(
                tempfile.mkdtemp(prefix=f"{os.getpid()}-work-", dir=self.project.blobs.tmp)
            )
        return self._workdir

    def close(self) -> None:
        self.project.blobs.discard([p.staged for p in self.pending])
        self.pending.clear()
        if self._workdir is not None:
            shutil.rmtree(self._workdir, ignore_errors=True)

    def _clear_workdir(self) -> None:
        if self._workdir is None:
            return
        for entry in os.scandir(self._workdir):
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path, ignore_errors=True)
            else:
                Path(entry.path).unlink(missing_ok=True)

    def add(self, item: _Pending) -> None:
        self.pending.append(item)
        self.pending_bytes += item.staged.size
        if len(self.pending) >= self.MAX_PARTS or self.pending_bytes >= self.MAX_BYTES:
            self.flush()

    def flush(self) -> None:
        if not self.pending:
            return
        batch, self.pending, self.pending_bytes = self.pending, [], 0
        try:
            self.project.blobs.commit([p.staged for p in batch])
        except BaseException:
            self.project.blobs.discard([p.staged for p in batch])
            raise
        results = []
        with self.project.transaction(self.actor) as tx:
            for p in batch:
                parent = None
                if p.parent_key is not None and p.parent_key in self.containers:
                    container = self.containers[p.parent_key]
                    parent = Parent(container.seq, container.item_id, p.relation or "member-of")
                recorded = record_acquisition(
                    tx,
                    item_hash=p.staged.hash,
                    size=p.staged.size,
                    media_type=p.media_type,
                    metadata=p.metadata,
                    receipt=p.receipt,
                    parent=parent,
                    again=self.options.again,
                )
                if recorded.new_item:
                    for name in p.restricted:
                        subject = item_subject(p.staged.hash)
                        reason = CHAT_EXPORT if name == WHOLE else PRIVATE_PERSON
                        mark_in(tx, subject, check_field(subject, name), reason=reason)
                if p.key is not None:
                    self.containers[p.key] = recorded
                if p.ref is not None:
                    self.recorded[p.ref] = recorded
                results.append((p.label, recorded, p.metadata.text_status, p.reported))
            self._seal(tx)
            self.tally.new_acquisitions += self._link_attachments(tx)
        for label, recorded, text_status, reported in results:
            self.done(label, recorded, text_status, reported)

    def _seal(self, tx: Any) -> None:
        """Mark restricted the archives recorded new in this run that hold a chat export (in
        the transaction that records the export, at the latest)."""
        for key in sorted(self.sealed):
            recorded = self.containers.get(key)
            if recorded is None:
                continue
            self.sealed.discard(key)
            if recorded.new_item:
                mark_in(tx, item_subject(recorded.item_hash), WHOLE, reason=CHAT_EXPORT)

    def _link_attachments(self, tx: Any) -> int:
        """Record each file a message names as attached, once both are recorded, as received
        `attachment-of` the message; the number of new acquisitions."""
        waiting, added = [], 0
        for link in self.attachments:
            media = self.recorded.get(link.file.ref)
            message = self.recorded.get(link.message)
            if media is None or message is None:
                waiting.append(link)
                continue
            origin = dict(link.file.receipt.origin)
            if link.chat_message is not None:
                origin["chat_message"] = link.chat_message
            recorded = record_acquisition(
                tx,
                item_hash=media.item_hash,
                size=link.file.size,
                media_type=link.file.media_type,
                metadata=ItemMetadata(),  # the item exists: its metadata stays as recorded
                receipt=replace(link.file.receipt, origin=origin),
                parent=Parent(message.seq, message.item_id, "attachment-of"),
                again=self.options.again,
            )
            added += recorded.new_acquisition
        self.attachments = waiting
        return added

    def _forget_members(self, number: int) -> None:
        """An input's archive members are named by that input's exports only: once it is
        walked, only the input files stay known (an export beside them may come later)."""
        scope = f"{number}:"
        for places in (self.files_at, self.named_at):
            for place in [p for p in places if p[0].startswith(scope)]:
                del places[place]

    def _place(self, number: int, part: Part, source_path: str) -> _Place | None:
        """Where `part` stands (`_Place`): an input file, or a member of an archive."""
        if part.parent is None:
            return ("", Path(source_path).as_posix())
        member = part.origin.get("member")
        if self.kinds.get(part.parent) in ARCHIVES and member:
            return (f"{number}:{part.parent}", member)
        return None

    def _chat_part(
        self,
        number: int,
        index: int,
        part: Part,
        source_path: str,
        extracted: Any,
        staged: StagedBlob,
        receipt: Receipt,
    ) -> tuple[int, int] | None:
        """Note what a part says of a chat export's others: an export seals the archives it
        is in; a message names its attached files; a file beside an export may be one of
        them. The part's reference when a link may name it."""
        ref = (number, index)
        if part.media_type in CHAT_EXPORTS:
            parent = part.parent
            while parent is not None and self.kinds.get(parent) in ARCHIVES:
                self.sealed.add((number, parent))
                parent = self.parents.get(parent)
            return None
        if part.media_type == CHAT_MESSAGE:
            names = extracted.attachments if extracted is not None else ()
            export = self.exports.get(part.parent) if part.parent is not None else None
            if export is None or not names:
                return None
            chat_message = part.origin.get("chat_message")
            for name in names:
                resolved = attached_member(export[1], name)
                if resolved is None:
                    continue
                named = (export[0], resolved)
                self.named_at.setdefault(named, []).append((ref, chat_message))
                found = self.files_at.get(named)
                if found is not None:
                    self.attachments.append(_Attachment(found, ref, chat_message))
            return ref
        if part.is_container:
            return None
        place = self._place(number, part, source_path)
        if place is None:
            return None
        file = _File(ref, staged.size, part.media_type, receipt)
        self.files_at[place] = file
        for message, chat_message in self.named_at.get(place, ()):
            self.attachments.append(_Attachment(file, message, chat_message))
        return ref

    # -- inputs ---------------------------------------------------------------------------

    def file(self, number: int, path: Path) -> None:

        source_path = str(path.absolute())
        kinds = self.kinds = {}
        self.parents, self.exports = {}, {}
        try:
            for index, part in enumerate(expand(path, self.workdir)):
                if part.error is not None:
                    self.fail(part.error)
                    continue
                kinds[index] = part.media_type
                self.parents[index] = part.parent
                if part.media_type in CHAT_EXPORTS:
                    self.exports[index] = self._place(number, part, source_path)
                parent_key = (number, part.parent) if part.parent is not None else None
                relation = (
                    _RELATIONS.get(kinds.get(part.parent, ""), "member-of")
                    if part.parent is not None
                    else None
                )
                self.part(
                    part,
                    source_path,
                    (number, index) if part.is_container else None,
                    parent_key,
                    relation,
                    self.options.for_file(path) if part.parent is None else self.options,
                    index=(number, index),
                )
        except InputError as error:  # the walk itself gave up on this input
            self.fail(error)
        finally:
            self._clear_workdir()
            self._forget_members(number)

    def part(
        self,
        part: Any,
        source_path: str,
        key: tuple[int, int] | None,
        parent_key: tuple[int, int] | None,
        relation: str | None,
        opts: IngestOptions,
        *,
        index: tuple[int, int] | None = None,
    ) -> None:

        if _size(part.path) == 0:
            self.fail(InputError(part.label, "empty file", stage="intake"))
            return
        extracted = None
        unread: str | None = None  # why the text could not be read, when it could not
        try:
            extracted = read_text(part)
        except InputError as error:
            self.fail(error)
            unread = f"text not read: {error.problem}"
        except Exception as exc:  # a reader library's own bug must not end the batch
            problem = f"cannot read the text: {type(exc).__name__}: {exc}"
            self.fail(InputError(part.label, problem, stage="intake"))
            unread = f"text not read: {problem}"
        read_failed = unread is not None
        if extracted is None and unread is None and not part.is_container:
            unread = unread_format(part.media_type)
        try:
            staged = self.project.blobs.stage_file(part.path, part.label)
        except InputError as error:
            self.fail(error)
            return
        origin = {str(k): str(v) for k, v in part.origin.items()}
        if extracted is not None:
            meta = ItemMetadata(
                title=opts.title or extracted.title,
                author=extracted.author,
                publisher=opts.publisher or extracted.site,
                published=opts.published
                or (iso_published(extracted.published) if extracted.published else None),
                url=opts.url or extracted.url or origin.get("target_uri"),
                site=extracted.site,
                language=extracted.language,
                text=extracted.text,
                file_created=(
                    iso_published(extracted.file_created) if extracted.file_created else None
                ),
                file_modified=(
                    iso_published(extracted.file_modified) if extracted.file_modified else None
                ),
                text_status=extracted.text_status,
                ocr_confidence=extracted.ocr_confidence,
            )
        else:
            meta = ItemMetadata(
                title=opts.title,
                publisher=opts.publisher,
                published=opts.published,
                url=opts.url or origin.get("target_uri"),
                text_status=unread,
            )
        receipt = Receipt(
            source=part.label,
            source_path=source_path,
            custodian=opts.custodian,
            publisher=opts.publisher,
            published=opts.published,
            url=opts.url or origin.get("target_uri"),
            origin=origin,
        )
        restricted = extracted.restricted if extracted is not None else ()
        if part.media_type in CHAT_EXPORTS:
            restricted = (WHOLE,)  # every sender's name is in it: read message by message
        ref = None
        if index is not None:
            ref = self._chat_part(*index, part, source_path, extracted, staged, receipt)
        self.add(
            _Pending(
                part.label,
                staged,
                part.media_type,
                meta,
                receipt,
                key,
                parent_key,
                relation,
                reported=read_failed,
                restricted=restricted,
                ref=ref,
            )
        )

    def batch(self, number: int, path: Path) -> None:

        source_path = str(path.absolute())
        label = str(path)
        try:
            staged = self.project.blobs.stage_file(path, label)
        except InputError as error:
            self.fail(error)
            return
        opts = self.options.for_file(path)
        key = (number, 0)
        self.add(
            _Pending(
                label,
                staged,
                BATCH_MEDIA_TYPE,
                ItemMetadata(
                    title=opts.title,
                    publisher=opts.publisher,
                    published=opts.published,
                    url=opts.url,
                ),
                Receipt(
                    source=label,
                    source_path=source_path,
                    custodian=opts.custodian,
                    publisher=opts.publisher,
                    published=opts.published,
                    url=opts.url,
                    origin={"filename": path.name},
                ),
                key,
                None,
                None,
            )
        )
        seen: dict[str, int] = {}
        opts = self.options  # a CSV row describes the batch file, not the documents in it
        for line, obj in read_jsonl(path, on_error=self.fail):
            where = f"{path}:{line}"
            try:
                doc = Document.from_json(obj)
                if doc.id in seen:
                    raise InvalidRecord(f"duplicate id {doc.id!r} (first on line {seen[doc.id]})")
                data = canonical_bytes(obj)
            except InvalidRecord as exc:
                self.fail(InputError(where, str(exc), stage="intake"))
                continue
            seen[doc.id] = line
            published = opts.published or (doc.published.isoformat() if doc.published else None)
            meta = ItemMetadata(
                title=doc.title,
                publisher=opts.publisher or doc.publisher,
                published=published,
                url=opts.url or doc.url,
                language=doc.language or detect_language(doc.text),
                external_id=doc.id,
                text=doc.text,
            )
            receipt = Receipt(
                source=where,
                source_path=source_path,
                custodian=opts.custodian,
                publisher=opts.publisher,
                published=opts.published,
                url=opts.url,
                origin={"line": str(line), "document_id": doc.id},
            )
            self.add(
                _Pending(
                    where,
                    self.project.blobs.stage_bytes(data),
                    DOCUMENT_MEDIA_TYPE,
                    meta,
                    receipt,
                    None,
                    key,
                    "line-of",
                )
            )
