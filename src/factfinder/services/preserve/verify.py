"""`factfinder verify`: check everything the vault promises, and say precisely what is wrong.

1. The ledger: every entry's content matches its leaf hash; the rows are contiguous and in order
   (a deleted or swapped row is named by seq); the head row agrees with the rows.
2. Checkpoints: each is signed by the project key, each covers no more entries than exist, and
   the first `size` entries hash to its root — so every checkpoint is consistent with the ledger
   and with every other checkpoint.
3. Items and metadata: each item row (hash, size, media type) with its metadata row (text bound
   by its hash) equals what the latest ledger entry for it recorded; no item lacks an entry and
   no recorded item lacks a row.
4. Acquisitions and links: each row equals its own `item.acquire` entry; none is missing.
5. Blobs: every item's blob is re-hashed.
6. Trust: the key checkpoints are checked with is the one handed to `verify` (`key`, or the
   project's key held to `fingerprint`), else the project's own key held to the fingerprint
   pinned in `factfinder.toml` — with a warning, since both sit inside the project. A
   checkpoint kept outside (`against`) must be signed by that key and be a prefix of the ledger:
   a database rolled back to an older copy fails it.
7. Checkpoint rows: each checkpoint the ledger has grown past is bound by the
   `checkpoint.record` entry written right after it (or by a `verify.bind` entry for those made
   before binding existed); a bound checkpoint whose row is gone or changed is named.

Later stages check their own rows against their own ledger entries in the same run: a check is
a function of a read connection yielding `Problem`s (an `ExtraCheck`), passed in
`extra_checks`; `factfinder.services.verification.verify_project` runs preserve's checks with
every stage's.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any, Protocol

from sqlalchemy import Connection, select

from factfinder.services.preserve.metadata import (
    METADATA_FIELDS,
    acquisition_record,
    metadata_differences,
    row_record,
)
from factfinder.services.project import Project
from factfinder.store.schema import acquisitions, item_links, item_metadata, items, ledger
from factfinder.subjects import ITEM, reference
from factfinder.vault import ledger as ledger_rows
from factfinder.vault.hashing import format_hash
from factfinder.vault.merkle import TreeBuilder
from factfinder.vault.note import NoteCheckpoint
from factfinder.vault.signing import Checkpoint, PublicKey
from factfinder.vault.verify import LedgerScanner, Problem, VerifyReport

ExtraCheck = Callable[[Connection], Iterable[Problem]]


class VerifyObserver(Protocol):
    """Progress hooks (the CLI draws a progress bar with them)."""

    def stage(self, name: str, total: int) -> None: ...
    def advance(self, n: int) -> None: ...


class _Quiet:
    def stage(self, name: str, total: int) -> None:
        pass

    def advance(self, n: int) -> None:
        pass


def trust_anchor(
    project: Project, key: PublicKey | None, fingerprint: str | None
) -> tuple[PublicKey, list[Problem], list[str]]:
    """(the key to check checkpoints with, problems, warnings) for the anchor given: a key kept
    outside, a fingerprint kept outside, else the fingerprint pinned in the configuration."""
    problems: list[Problem] = []
    warnings: list[str] = []
    pinned = project.config.key_fingerprint
    if key is not None:
        if fingerprint is not None and key.key_id != fingerprint:
            problems.append(
                Problem(
                    "key.fingerprint",
                    f"the key given ({key.key_id}) does not have the fingerprint given "
                    f"({fingerprint})",
                )
            )
        return key, problems, warnings
    own = project.public_key
    anchor, where = (fingerprint, "given") if fingerprint else (pinned, "pinned in factfinder.toml")
    if anchor is not None and own.key_id != anchor:
        problems.append(
            Problem(
                "key.fingerprint",
                f"the project's key {own.key_id} (keys/ledger.pub.pem) is not the key whose "
                f"fingerprint is {where} ({anchor}): the project was re-keyed",
            )
        )
    if fingerprint is None:
        warnings.append(
            "verify trusted the key found inside the project (keys/ledger.pub.pem"
            + (", held to the fingerprint pinned in factfinder.toml" if pinned else "")
            + "): whoever can write the project can re-key it and re-sign its checkpoints; "
            "pass --key with the key file or fingerprint kept outside the project"
        )
    return own, problems, warnings


def verify_evidence(
    project: Project,
    *,
    key: PublicKey | None = None,
    fingerprint: str | None = None,
    against: Checkpoint | NoteCheckpoint | None = None,
    blobs: bool = True,
    extra_checks: Iterable[ExtraCheck] = (),
    observer: VerifyObserver | None = None,
) -> VerifyReport:
    """Run preserve's checks and then `extra_checks` (on the same read connection).

    The trust anchor is `key` (a public key kept outside), else the project's key held to
    `fingerprint`, else to the fingerprint pinned in the configuration (with a warning);
    `against` is a checkpoint kept outside that the ledger must still contain.
    """
    obs: VerifyObserver = observer or _Quiet()
    trusted, problems, warnings = trust_anchor(project, key, fingerprint)
    notes: list[str] = []
    with project.read() as conn:
        cps = ledger_rows.list_checkpoints(conn, project.log_id)
        head = ledger_rows.head_size(conn)
        sizes = {cp.size for _, cp in cps} | ({against.size} if against else set())
        scanner = LedgerScanner(sizes=frozenset(sizes), watch_prefix="item.")
        obs.stage("ledger", head)
        for batch in ledger_rows.stream_batches(conn):
            scanner.scan(batch)
            obs.advance(len(batch))
        scanner.finish()
        problems += scanner.problems
        if scanner.last_seq + 1 != head:
            problems.append(
                Problem(
                    "ledger.head",
                    f"the ledger head says {head} entries but the last entry is "
                    f"{scanner.last_seq} ({scanner.rows} rows): entries were added or removed "
                    "outside factfinder",
                    seq=min(head, scanner.last_seq + 1),
                )
            )
        problems += _check_checkpoints(cps, scanner, trusted)
        problems += _check_checkpoint_rows(conn, cps, scanner.rows)
        if against is not None:
            problems += _check_against(against, scanner, trusted, project.log_id)
        covered = max((cp.size for _, cp in cps), default=0)
        if scanner.rows > covered:
            notes.append(
                f"{scanner.rows - covered} entries are newer than the latest checkpoint "
                "(run `factfinder checkpoint` to sign them)"
            )
        n_items, item_hashes = _check_items(conn, scanner, problems)
        n_acq = _check_acquisitions(conn, scanner, problems)
        _check_links(conn, problems)
        for check in extra_checks:
            problems += list(check(conn))
    n_blobs = 0
    if blobs:
        obs.stage("blobs", len(item_hashes))
        for item_id, h in item_hashes:
            result = project.blobs.check(h)
            n_blobs += 1
            obs.advance(1)
            if not result.ok:
                code = "blob.missing" if result.problem == "missing" else "blob.altered"
                problems.append(
                    Problem(code, f"item {item_id}: blob {h} is {result.problem}", item=h, blob=h)
                )
        known = {h for _, h in item_hashes}
        orphans = sum(1 for h in project.blobs.iter_hashes() if h not in known)
        if orphans:
            notes.append(
                f"{orphans} blobs belong to no item (left by an interrupted ingest; harmless)"
            )
    return VerifyReport(
        tuple(problems),
        scanner.rows,
        scanner.root,
        len(cps),
        n_items,
        n_acq,
        n_blobs,
        tuple(notes),
        tuple(warnings),
    )


def bound_entries(conn: Connection, kind: str) -> list[tuple[int, dict[str, Any]]]:
    """(seq, payload) of every entry of `kind`, in order (`checkpoint.record`, `verify.bind`)."""
    rows = conn.execute(
        select(ledger.c.seq, ledger.c.entry).where(ledger.c.kind == kind).order_by(ledger.c.seq)
    )
    return [(int(r.seq), json.loads(r.entry).get("payload", {})) for r in rows]


def _check_checkpoint_rows(conn: Connection, cps: list[Any], size: int) -> list[Problem]:
    """Every checkpoint bound in the ledger still has its row, unchanged; every checkpoint the
    ledger has grown past is bound."""
    problems: list[Problem] = []
    rows = {cid: ledger_rows.checkpoint_record(cid, cp) for cid, cp in cps}
    bound: dict[int, tuple[int, dict[str, Any]]] = {}
    for kind in (ledger_rows.CHECKPOINT_RECORD, ledger_rows.BIND_KIND):
        for seq, payload in bound_entries(conn, kind):
            for record in payload.get("checkpoints") or []:
                bound[int(record.get("id", -1))] = (seq, record)
    for cid, (seq, record) in sorted(bound.items()):
        row = rows.get(cid)
        if row is None:
            problems.append(
                Problem(
                    "checkpoint.missing",
                    f"checkpoint {cid} (size {record.get('size')}, {record.get('time')}), "
                    f"bound by ledger entry {seq}, is no longer in the checkpoints table "
                    "(deleted behind factfinder's back)",
                    seq=seq,
                    checkpoint=cid,
                    table="checkpoints",
                    row=str(cid),
                )
            )
        elif row != record:
            fields = [k for k in row if row[k] != record.get(k)]
            problems.append(
                Problem(
                    "checkpoint.altered",
                    f"checkpoint {cid}: {', '.join(fields)} differ from ledger entry {seq}",
                    seq=seq,
                    checkpoint=cid,
                    table="checkpoints",
                    row=str(cid),
                )
            )
    for cid, cp in cps:
        if cid not in bound and cp.size < size:
            problems.append(
                Problem(
                    "checkpoint.unrecorded",
                    f"checkpoint {cid} (size {cp.size}) is bound by no ledger entry, though "
                    f"entries were written after it: it was added behind factfinder's back",
                    checkpoint=cid,
                    table="checkpoints",
                    row=str(cid),
                )
            )
    return problems


def _check_against(
    cp: Checkpoint | NoteCheckpoint, scanner: LedgerScanner, key: PublicKey, log_id: str
) -> list[Problem]:
    """The ledger still contains the checkpoint kept outside (no rollback, no rewrite)."""
    problems: list[Problem] = []
    where = f"the checkpoint kept outside (size {cp.size}, {cp.time})"
    if cp.log_id != log_id:
        problems.append(
            Problem("checkpoint.against", f"{where} is of log {cp.log_id}, not this {log_id}")
        )
    if not cp.verify(key):
        problems.append(
            Problem(
                "checkpoint.against",
                f"{where} is not signed by the trusted key {key.key_id}",
            )
        )
    if cp.size > scanner.rows:
        problems.append(
            Problem(
                "checkpoint.rollback",
                f"{where} signs {cp.size} entries but the ledger has {scanner.rows}: the "
                "project was rolled back to an older copy (or entries were removed)",
                seq=scanner.rows,
            )
        )
    else:
        root = scanner.roots.get(cp.size) if cp.size else TreeBuilder().root()
        if root is None or format_hash(root) != cp.root:
            problems.append(
                Problem(
                    "checkpoint.rollback",
                    f"{where}: the first {cp.size} ledger entries no longer hash to its root "
                    f"{cp.root}: the history was rewritten or replaced by another copy",
                )
            )
    return problems


def _check_checkpoints(cps: list[Any], scanner: LedgerScanner, key: PublicKey) -> list[Problem]:
    problems = []
    previous = None
    for cid, cp in cps:
        if not cp.verify(key):
            problems.append(
                Problem(
                    "checkpoint.signature",
                    f"checkpoint {cid} (size {cp.size}, {cp.time}) is not "
                    f"signed by the project key {key.key_id}: it was altered or replaced",
                    checkpoint=cid,
                )
            )
        if cp.size > scanner.rows:
            problems.append(
                Problem(
                    "checkpoint.size",
                    f"checkpoint {cid} covers {cp.size} entries but the ledger "
                    f"has {scanner.rows}: entries were removed",
                    checkpoint=cid,
                    seq=scanner.rows,
                )
            )
        elif cp.size in scanner.roots and format_hash(scanner.roots[cp.size]) != cp.root:
            problems.append(
                Problem(
                    "checkpoint.root",
                    f"checkpoint {cid} (size {cp.size}): the first {cp.size} "
                    f"entries hash to {format_hash(scanner.roots[cp.size])}, the checkpoint signs "
                    f"{cp.root}: entries were altered, removed or reordered",
                    checkpoint=cid,
                )
            )
        elif cp.size == 0 and cp.root != format_hash(TreeBuilder().root()):
            problems.append(
                Problem(
                    "checkpoint.root",
                    f"checkpoint {cid} of the empty ledger has a wrong root",
                    checkpoint=cid,
                )
            )
        if previous is not None and (cp.size < previous.size or cp.time < previous.time):
            problems.append(
                Problem(
                    "checkpoint.order",
                    f"checkpoint {cid} is older or smaller than the one before it",
                    checkpoint=cid,
                )
            )
        previous = cp
    return problems


def _latest_metadata_entries(scanner: LedgerScanner) -> tuple[dict[str, int], set[int]]:
    """Per item hash, the seq of the entry that last set its metadata (its first acquisition or
    a later `item.metadata`); and the seqs of all `item.acquire` entries."""
    latest: dict[str, int] = {}
    acquires: set[int] = set()
    for seq, kind, subject in scanner.watched:
        if kind not in ("item.acquire", "item.metadata"):
            continue
        h = reference(subject, ITEM)
        if h is None:
            continue
        if kind == "item.acquire":
            acquires.add(seq)
            latest.setdefault(h, seq)
        else:
            latest[h] = seq
    return latest, acquires


def _check_items(
    conn: Connection, scanner: LedgerScanner, problems: list[Problem]
) -> tuple[int, list[tuple[int, str]]]:
    latest, _ = _latest_metadata_entries(scanner)
    m = item_metadata.c
    query = (
        select(
            items.c.id,
            items.c.hash,
            items.c.size,
            items.c.media_type,
            m.seq.label("meta_seq"),
            m.text,
            *[getattr(m, name) for name in METADATA_FIELDS],
            ledger.c.entry,
        )
        .select_from(
            items.outerjoin(item_metadata, m.item_id == items.c.id).outerjoin(
                ledger, ledger.c.seq == m.seq
            )
        )
        .order_by(items.c.id)
    )
    seen: list[tuple[int, str]] = []
    for row in conn.execution_options(yield_per=2000).execute(query):
        seen.append((row.id, row.hash))
        want = latest.get(row.hash)
        where = f"item {row.id} ({row.hash})"
        if want is None:
            problems.append(
                Problem(
                    "item.unrecorded",
                    f"{where} has no ledger entry: it was added behind factfinder's back",
                    item=row.hash,
                    table="items",
                    row=str(row.id),
                )
            )
            continue
        if row.meta_seq is None:
            problems.append(
                Problem(
                    "item.metadata",
                    f"{where}: its metadata row is missing",
                    item=row.hash,
                    seq=want,
                    table="item_metadata",
                    row=str(row.id),
                )
            )
            continue
        if row.meta_seq != want:
            problems.append(
                Problem(
                    "item.metadata",
                    f"{where}: the metadata row claims entry {row.meta_seq}, but "
                    f"entry {want} last recorded it",
                    item=row.hash,
                    seq=want,
                    table="item_metadata",
                    row=str(row.id),
                )
            )
            continue
        if row.entry is None:
            continue  # the entry itself is missing: already reported by the ledger scan
        payload = json.loads(row.entry).get("payload", {})
        if payload.get("item") != row.hash:
            problems.append(
                Problem(
                    "item.metadata",
                    f"{where}: entry {want} is about {payload.get('item')}",
                    item=row.hash,
                    seq=want,
                    table="item_metadata",
                    row=str(row.id),
                )
            )
            continue
        diffs = metadata_differences(payload, row_record(row))
        if diffs:
            problems.append(
                Problem(
                    "item.metadata",
                    f"{where}: {'; '.join(diffs)} (entry {want}) — edited behind factfinder's back",
                    item=row.hash,
                    seq=want,
                    table="item_metadata",
                    row=str(row.id),
                )
            )
    present = {h for _, h in seen}
    for h, seq in latest.items():
        if h not in present:
            problems.append(
                Problem(
                    "item.missing",
                    f"entry {seq} recorded item {h}, which is no longer in the database",
                    item=h,
                    seq=seq,
                    table="items",
                    row=h,
                )
            )
    return len(seen), seen


def _check_acquisitions(conn: Connection, scanner: LedgerScanner, problems: list[Problem]) -> int:
    _, acquires = _latest_metadata_entries(scanner)
    a = acquisitions.c
    query = (
        select(acquisitions, items.c.hash, ledger.c.entry)
        .select_from(
            acquisitions.outerjoin(items, items.c.id == a.item_id).outerjoin(
                ledger, ledger.c.seq == a.seq
            )
        )
        .order_by(a.seq)
    )
    n = 0
    for row in conn.execution_options(yield_per=2000).execute(query):
        n += 1
        acquires.discard(row.seq)
        where = f"acquisition {row.seq} of item {row.item_id} ({row.hash})"
        if row.entry is None:
            problems.append(
                Problem(
                    "acquisition.unrecorded",
                    f"{where} has no ledger entry",
                    seq=row.seq,
                    item=row.hash,
                    table="acquisitions",
                    row=str(row.seq),
                )
            )
            continue
        body = json.loads(row.entry)
        payload = body.get("payload", {})
        recorded = dict(payload.get("acquisition") or {})
        recorded.pop("relation", None)
        actual = acquisition_record(row)
        if body.get("actor") != row.actor:
            problems.append(
                Problem(
                    "acquisition.altered",
                    f"{where}: its actor {row.actor!r} is not entry {row.seq}'s "
                    f"{body.get('actor')!r} (the custody record was edited)",
                    seq=row.seq,
                    item=row.hash,
                    table="acquisitions",
                    row=str(row.seq),
                )
            )
        if body.get("kind") != "item.acquire" or payload.get("item") != row.hash:
            problems.append(
                Problem(
                    "acquisition.altered",
                    f"{where}: entry {row.seq} records {body.get('kind')} of {payload.get('item')}",
                    seq=row.seq,
                    item=row.hash,
                    table="acquisitions",
                    row=str(row.seq),
                )
            )
        elif recorded != actual:
            fields = [k for k in actual if recorded.get(k) != actual[k]]
            problems.append(
                Problem(
                    "acquisition.altered",
                    f"{where}: {', '.join(fields)} differ from entry {row.seq}",
                    seq=row.seq,
                    item=row.hash,
                    table="acquisitions",
                    row=str(row.seq),
                )
            )
    for seq in sorted(acquires):
        problems.append(
            Problem(
                "acquisition.missing",
                f"entry {seq} records an acquisition whose row is gone",
                seq=seq,
                table="acquisitions",
                row=str(seq),
            )
        )
    return n


def _check_links(conn: Connection, problems: list[Problem]) -> None:
    link = item_links.c
    parent = acquisitions.alias("parent")
    query = (
        select(
            link.id,
            link.item_id,
            link.related_item_id,
            link.relation,
            link.seq,
            items.c.hash,
            ledger.c.entry,
            parent.c.item_id.label("parent_item"),
        )
        .select_from(
            item_links.join(items, items.c.id == link.item_id)
            .outerjoin(ledger, ledger.c.seq == link.seq)
            .outerjoin(acquisitions, acquisitions.c.seq == link.seq)
            .outerjoin(parent, parent.c.seq == acquisitions.c.parent_seq)
        )
        .order_by(link.id)
    )
    for row in conn.execute(query):
        if row.entry is None:
            continue  # reported with the ledger and the acquisitions
        payload = json.loads(row.entry).get("payload", {})
        acq = payload.get("acquisition") or {}
        if (
            payload.get("item") != row.hash
            or acq.get("relation") != row.relation
            or row.parent_item != row.related_item_id
        ):
            problems.append(
                Problem(
                    "link.altered",
                    f"link {row.id}: item {row.item_id} {row.relation} item "
                    f"{row.related_item_id} is not what entry {row.seq} recorded",
                    seq=row.seq,
                    item=row.hash,
                    table="item_links",
                    row=str(row.id),
                )
            )


__all__ = ["ExtraCheck", "VerifyObserver", "verify_evidence"]
