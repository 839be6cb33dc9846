"""The vault use cases behind `factfinder init / ingest / items / show / checkpoint / proof /
verify / verify-proof`.

- `Project.init` / `Project.open` (in `project`), `ingest` (in `ingest`), `list_items` and
  `show_item` (in `items`) are re-exported here.
- `make_checkpoint(project)` signs the current tree head (size, root, time) and stores it.
- `inclusion_proof(project, seq)` / `inclusion_proof_for_item(project, ref)` prove an entry is
  in the ledger a checkpoint signs. For an item it is the entry of its first acquisition (which
  also records its metadata). If the latest checkpoint was made before that entry, a new
  checkpoint is signed first: a proof always ends at a signed head, and signing only commits
  to what is already there.
- `consistency_proof(project, first_id, second_id)` proves the ledger at one checkpoint is a
  prefix of the ledger at a later one.
- `verify_project` is in `verify`, `check_proof_against_project` in `proofcheck`.
"""

from __future__ import annotations

from sqlalchemy import select

from factfinder.errors import IntegrityError, NotFound
from factfinder.services.ingest import IngestOptions, IngestSummary, ingest
from factfinder.services.items import ItemDetail, ItemSummary, find_item_id, list_items, show_item
from factfinder.services.project import Project
from factfinder.services.proofcheck import check_proof_against_project
from factfinder.services.verify import verify_project
from factfinder.store.schema import acquisitions, items
from factfinder.vault import ledger as ledger_rows
from factfinder.vault.hashing import format_hash
from factfinder.vault.merkle import TreeBuilder
from factfinder.vault.merkle import consistency_proof as _consistency_path
from factfinder.vault.merkle import inclusion_proof as _inclusion_path
from factfinder.vault.proofs import ConsistencyProof, InclusionProof
from factfinder.vault.signing import Checkpoint, sign_checkpoint

__all__ = [
    "IngestOptions",
    "IngestSummary",
    "ItemDetail",
    "ItemSummary",
    "Project",
    "check_proof_against_project",
    "consistency_proof",
    "inclusion_proof",
    "inclusion_proof_for_item",
    "ingest",
    "list_checkpoints",
    "list_items",
    "make_checkpoint",
    "show_item",
    "verify_project",
]


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


def list_checkpoints(project: Project) -> list[tuple[int, Checkpoint]]:
    """(id, checkpoint), oldest first."""
    with project.read() as conn:
        return ledger_rows.list_checkpoints(conn, project.log_id)


def latest_checkpoint(project: Project) -> tuple[int, Checkpoint] | None:
    cps = list_checkpoints(project)
    return cps[-1] if cps else None


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
