"""The record as of a ledger size: proofs at a checkpoint, item metadata as it was then."""

from __future__ import annotations

import pytest

from factfinder.errors import IntegrityError, NotFound
from factfinder.services import Project
from factfinder.services.cases.evidence import inclusion_proofs, items_as_of
from factfinder.services.preserve.checkpoints import checkpoint_for, make_checkpoint
from factfinder.services.preserve.history import list_checkpoints
from factfinder.services.preserve.record import update_item_metadata
from factfinder.vault import ledger as ledger_rows
from factfinder.vault import merkle
from factfinder.vault.hashing import format_hash
from factfinder.vault.proofs import InclusionProof, verify_proof


@pytest.mark.parametrize("size", [1, 2, 3, 5, 64, 65, 100, 129])
def test_shared_subtree_proofs_equal_the_vault_proofs(project: Project, size: int) -> None:
    with project.transaction(actor="test") as tx:
        for n in range(size):
            tx.append_ledger("test.note", {"n": n})
    cp = make_checkpoint(project)
    with project.read() as conn:
        proven = inclusion_proofs(conn, range(size), cp)
        leaves = ledger_rows.leaf_hashes(conn, size)
    assert [p.seq for p in proven] == list(range(size))
    for p in proven:
        expected = tuple(format_hash(h) for h in merkle.inclusion_proof(p.seq, leaves, size))
        assert p.audit_path == expected
        proof = InclusionProof(p.entry, p.seq, p.audit_path, cp, project.public_key.to_hex())
        assert verify_proof(proof, project.public_key).ok


def test_checkpoint_for_signs_only_when_the_ledger_grew(seed_project: Project) -> None:
    before = list_checkpoints(seed_project)
    cid, cp = checkpoint_for(seed_project)
    assert (cid, cp) == before[-1]  # ingest signed one covering everything
    with seed_project.transaction(actor="test") as tx:
        tx.append_ledger("export.write", {"what": "report"})
    assert checkpoint_for(seed_project) == (cid, cp)  # an output changes no case file
    with seed_project.transaction(actor="test") as tx:
        tx.append_ledger("test.note", {"n": 1})
    cid2, cp2 = checkpoint_for(seed_project)
    # export.write and test.note, after the checkpoint.record entry binding checkpoint `cid`
    assert cid2 == cid + 1 and cp2.size == cp.size + 3
    assert checkpoint_for(seed_project, at=cid) == (cid, cp)
    with pytest.raises(NotFound, match="no checkpoint 99"):
        checkpoint_for(seed_project, at=99)
    with seed_project.read() as conn, pytest.raises(NotFound, match="not covered"):
        inclusion_proofs(conn, [cp.size], cp)


def test_item_metadata_is_read_as_it_was_at_the_checkpoint(seed_project: Project) -> None:
    _, cp = checkpoint_for(seed_project)
    with seed_project.transaction(actor="test") as tx:
        update_item_metadata(tx, 1, title="A later title", publisher="Someone else")
    with seed_project.read() as conn:
        then = items_as_of(conn, [1, 2], cp.size)
        now = items_as_of(conn, [1, 2], cp.size + 2)  # after checkpoint.record and the change
        assert items_as_of(conn, [1, 2], 1).keys() == {1}  # item 2 was not acquired yet
    assert then[1].publisher == "Radio Habana Cuba" and then[1].title != "A later title"
    assert now[1].title == "A later title" and now[1].publisher == "Someone else"
    assert then[1].text == now[1].text and then[1].seq == now[1].seq == 0


def test_a_rewritten_ledger_is_refused(seed_project: Project) -> None:
    from sqlalchemy import text

    _, cp = checkpoint_for(seed_project)
    with seed_project.transaction() as tx:
        tx.conn.execute(text("DROP TRIGGER ledger_no_update"))
        tx.conn.execute(text("UPDATE ledger SET leaf_hash = zeroblob(32) WHERE seq = 0"))
    with seed_project.read() as conn, pytest.raises(IntegrityError, match="no longer hash"):
        inclusion_proofs(conn, [0], cp)
