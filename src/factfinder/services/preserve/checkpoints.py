"""Signing the ledger: the commands behind `factfinder checkpoint` and `factfinder proof`.

- `make_checkpoint(project)` signs the current tree head (size, root, time) and stores it.
- `checkpoint_for(project, at)` picks the checkpoint a case file is built from: `at`, or the
  latest if nothing but outputs was recorded after it, else a newly signed one.
- `inclusion_proof(project, seq)` / `inclusion_proof_for_item(project, ref)` prove an entry is
  in the ledger a checkpoint signs. For an item it is the entry of its first acquisition (which
  also records its metadata). If the latest checkpoint was made before that entry, a new
  checkpoint is signed first: a proof always ends at a signed head, and signing only commits
  to what is already there.

Reads of the checkpoints (`list_checkpoints`, `consistency_proof`) are in
`factfinder.services.preserve.history`.
"""

from __future__ import annotations

from sqlalchemy import func, select

from factfinder.errors import IntegrityError, NotFound
from factfinder.services.preserve.history import latest_checkpoint, list_checkpoints
from factfinder.services.preserve.items import (
    find_item_id,
)
from factfinder.services.project import Project
from factfinder.store.schema import acquisitions, items, ledger
from factfinder.vault import ledger as ledger_rows
from factfinder.vault.hashing import format_hash
from factfinder.vault.merkle import TreeBuilder
from factfinder.vault.merkle import inclusion_proof as _inclusion_path
from factfinder.vault.note import origin_of, sign_note, verifier_key
from factfinder.vault.proofs import InclusionProof
from factfinder.vault.signing import Checkpoint, sign_checkpoint


def make_checkpoint(project: Project) -> Checkpoint:
    """Sign and store the current tree head.

    The root is computed from the stored leaf hashes inside a write transaction, so no entry can
    slip in between. It refuses (`IntegrityError`) to sign a ledger whose prefix no longer
    matches the previous checkpoint: signing must never bless a rewritten history.
    """
    key = project.signing_key
    with project.transaction() as tx:
        size = tx.ledger_size
        previous = ledger_rows.list_checkpoints(tx.conn, project.log_id)
        last = previous[-1][1] if previous else None
        builder = TreeBuilder()
        for n, leaf in enumerate(ledger_rows.leaf_hashes(tx.conn, size), start=1):
            builder.append(leaf)
            if last is not None and n == last.size and format_hash(builder.root()) != last.root:
                raise IntegrityError(
                    f"the first {last.size} ledger entries no longer hash to the root of "
                    f"checkpoint {previous[-1][0]}; run `factfinder verify` (not signing)"
                )
        if last is not None and last.size > size:
            raise IntegrityError(
                f"checkpoint {previous[-1][0]} covers {last.size} entries but the ledger has "
                f"{size}; run `factfinder verify` (not signing)"
            )
        cp = sign_checkpoint(key, project.log_id, size, format_hash(builder.root()), tx.now)
        ledger_rows.insert_checkpoint(tx.conn, cp)
    return cp


def checkpoint_note(project: Project, cp: Checkpoint) -> tuple[str, str]:
    """A checkpoint of the project as a C2SP signed note, and the verifier key (Go's
    golang.org/x/mod/sumdb/note form) that checks it. Signing writes nothing: the note restates
    what the checkpoint signs, and Ed25519 gives the same note every time."""
    key = project.signing_key
    return sign_note(cp, key), verifier_key(origin_of(cp.log_id), key.public_key)


def inclusion_proof(project: Project, seq: int) -> InclusionProof:
    """A proof that entry `seq` is in the ledger signed by the latest checkpoint (made if
    needed)."""
    latest = latest_checkpoint(project)
    if latest is None or latest[1].size <= seq:
        with project.read() as conn:
            if ledger_rows.get_entry(conn, seq) is None:
                raise NotFound(f"no ledger entry {seq}")
        cp = make_checkpoint(project)
    else:
        cp = latest[1]
    with project.read() as conn:
        entry = ledger_rows.get_entry(conn, seq)
        if entry is None:
            raise NotFound(f"no ledger entry {seq}")
        leaves = ledger_rows.leaf_hashes(conn, cp.size)
    path = _inclusion_path(seq, leaves, cp.size)
    return InclusionProof(
        entry.entry, seq, tuple(format_hash(h) for h in path), cp, project.public_key.to_hex()
    )


def inclusion_proof_for_item(project: Project, ref: str) -> InclusionProof:
    """The proof for the entry of the item's first acquisition."""
    with project.read() as conn:
        item_id = find_item_id(conn, ref)
        seq = conn.execute(
            select(acquisitions.c.seq)
            .where(acquisitions.c.item_id == item_id)
            .order_by(acquisitions.c.seq)
            .limit(1)
        ).scalar()
        if seq is None:
            item_hash = conn.execute(select(items.c.hash).where(items.c.id == item_id)).scalar()
            raise NotFound(f"item {item_hash} has no acquisition")
    return inclusion_proof(project, int(seq))


# Entries that record an output or a checkpoint, never a change of the record: a case file
# built after them is the same as one built before them.
OUTPUT_KINDS = ("export.write", ledger_rows.CHECKPOINT_RECORD)


def checkpoint_for(project: Project, at: int | None = None) -> tuple[int, Checkpoint]:
    """(id, checkpoint) to build from: checkpoint `at` (its id), or — when None — the latest one
    if nothing but outputs (`export.write`) was recorded after it, else a newly signed one
    (signing commits only to what is already there)."""

    cps = list_checkpoints(project)
    if at is not None:
        for cid, cp in cps:
            if cid == at:
                return cid, cp
        listed = ", ".join(str(c) for c, _ in cps) or "none yet"
        raise NotFound(f"no checkpoint {at} (checkpoints: {listed})")
    if cps:
        with project.read() as conn:
            changed = conn.execute(
                select(func.count())
                .select_from(ledger)
                .where(ledger.c.seq >= cps[-1][1].size, ledger.c.kind.not_in(OUTPUT_KINDS))
            ).scalar_one()
            head = ledger_rows.head_size(conn)
        if not changed and head >= cps[-1][1].size:
            return cps[-1]
    make_checkpoint(project)
    return list_checkpoints(project)[-1]
