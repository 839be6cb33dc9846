"""Reads of the signed history: the checkpoints, and the proof that one checkpoint's ledger is a
prefix of a later one's (`consistency_proof`). Signing is a command, in
`factfinder.services.preserve.checkpoints`."""

from __future__ import annotations

from factfinder.errors import NotFound
from factfinder.services.project import Project
from factfinder.vault import ledger as ledger_rows
from factfinder.vault.hashing import format_hash
from factfinder.vault.merkle import consistency_proof as _consistency_path
from factfinder.vault.proofs import ConsistencyProof
from factfinder.vault.signing import Checkpoint


def list_checkpoints(project: Project) -> list[tuple[int, Checkpoint]]:
    """(id, checkpoint), oldest first."""
    with project.read() as conn:
        return ledger_rows.list_checkpoints(conn, project.log_id)


def latest_checkpoint(project: Project) -> tuple[int, Checkpoint] | None:
    cps = list_checkpoints(project)
    return cps[-1] if cps else None


def consistency_proof(project: Project, first: int, second: int | None = None) -> ConsistencyProof:
    """A proof that checkpoint `first` (id) is a prefix of checkpoint `second` (default: the
    latest)."""
    cps = dict(list_checkpoints(project))
    if not cps:
        raise NotFound("there are no checkpoints yet")
    second_id = second if second is not None else max(cps)
    for cid in (first, second_id):
        if cid not in cps:
            raise NotFound(f"no checkpoint {cid} (there are {', '.join(map(str, sorted(cps)))})")
    a, b = cps[first], cps[second_id]
    if a.size > b.size:
        a, b = b, a
    with project.read() as conn:
        leaves = ledger_rows.leaf_hashes(conn, b.size)
    path = _consistency_path(a.size, leaves, b.size) if a.size else []
    return ConsistencyProof(a, b, tuple(format_hash(h) for h in path), project.public_key.to_hex())
