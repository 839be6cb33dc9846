"""Does a proof made earlier still hold for the project as it is now? (`verify-proof --project`)

A proof document checks on its own with the public key (`factfinder.vault.proofs`); this adds
what only the project can say: the entry is still at its place, the ledger prefix still hashes
to the proof's checkpoint root, the project still holds that checkpoint, and for an item its blob
and metadata row still match the entry.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection, select

from factfinder.services.preserve.metadata import METADATA_FIELDS, metadata_differences, row_record
from factfinder.services.project import Project
from factfinder.store.schema import item_metadata, items, ledger
from factfinder.vault import ledger as ledger_rows
from factfinder.vault.hashing import format_hash
from factfinder.vault.merkle import TreeBuilder
from factfinder.vault.note import NoteCheckpoint
from factfinder.vault.proofs import Checks, ConsistencyProof, InclusionProof, Proof, ProofCheck
from factfinder.vault.signing import Checkpoint


def check_proof_against_project(project: Project, proof: Proof) -> ProofCheck:
    """Does a proof made earlier still hold for the project as it is now?

    For an inclusion proof: the entry is still at its place, the ledger's first `size` entries
    still hash to the proof's checkpoint root, the project still holds that checkpoint, and for
    an item its blob still hashes to its name and its metadata row still matches the entry.
    """
    check = Checks()
    cps: list[Checkpoint | NoteCheckpoint]
    if isinstance(proof, Checkpoint | NoteCheckpoint):
        cps = [proof]
    elif isinstance(proof, InclusionProof):
        cps = [proof.checkpoint]
    else:
        cps = [proof.first, proof.second]
    with project.read() as conn:
        stored = {
            (cp.size, cp.root) for _, cp in ledger_rows.list_checkpoints(conn, project.log_id)
        }
        biggest = max(cp.size for cp in cps)
        leaves = ledger_rows.leaf_hashes(conn, biggest)
        check(
            len(leaves) == biggest,
            f"the ledger still has at least {biggest} entries",
            f"the ledger has {len(leaves)} entries, fewer than the proof's {biggest}",
        )
        for cp in cps:
            check(
                cp.log_id == project.log_id,
                f"the proof is about this log ({cp.log_id})",
                f"the proof is about log {cp.log_id}, not this project's {project.log_id}",
            )
            check(
                (cp.size, cp.root) in stored,
                f"the project holds the checkpoint of size {cp.size}",
                f"the project holds no checkpoint of size {cp.size} with root "
                f"{cp.root} (checkpoints were replaced)",
            )
            builder = TreeBuilder()
            for leaf in leaves[: cp.size]:
                builder.append(leaf)
            now = format_hash(builder.root())
            check(
                now == cp.root,
                f"the first {cp.size} entries still hash to {cp.root}",
                f"the first {cp.size} entries now hash to {now}, not {cp.root}",
            )
        if isinstance(proof, ConsistencyProof | Checkpoint | NoteCheckpoint):
            return check.result()
        row = conn.execute(select(ledger.c.entry).where(ledger.c.seq == proof.leaf_index)).first()
        check(
            row is not None and row.entry == proof.entry,
            f"entry {proof.leaf_index} is unchanged",
            f"entry {proof.leaf_index} is no longer the proof's entry",
        )
        item_hash = proof.parsed_entry.payload.get("item")
        if proof.parsed_entry.kind == "item.acquire" and isinstance(item_hash, str):
            _check_item_now(project, conn, proof, item_hash, check)
    return check.result()


def _check_item_now(
    project: Project,
    conn: Connection,
    proof: InclusionProof,
    item_hash: str,
    check: Callable[[bool, str, str], None],
) -> None:
    blob = project.blobs.check(item_hash)
    check(blob.ok, f"blob {item_hash} is intact", f"blob {item_hash} is {blob.problem}")
    m = item_metadata.c
    row = conn.execute(
        select(
            items.c.id,
            items.c.hash,
            items.c.size,
            items.c.media_type,
            m.seq,
            m.text,
            *[getattr(m, name) for name in METADATA_FIELDS],
        )
        .select_from(items.outerjoin(item_metadata, m.item_id == items.c.id))
        .where(items.c.hash == item_hash)
    ).first()
    if row is None:
        check(False, "", f"item {item_hash} is no longer in the database")
        return
    payload = dict(proof.parsed_entry.payload)
    if "metadata" in payload and row.seq == proof.leaf_index:
        diffs = metadata_differences(payload, row_record(row))
        check(
            not diffs,
            f"item {row.id}'s metadata is what entry {proof.leaf_index} recorded",
            f"item {row.id}: {'; '.join(diffs)}",
        )
