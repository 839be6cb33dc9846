"""Tampering behind factfinder's back is detected by `verify`, which names the entry, item or
blob; a proof made before the tampering no longer holds against the tampered project."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from vault_inputs import SEED_TEXT, SEED_TEXT_2

from factfinder.services import Project
from factfinder.services.preserve.checkpoints import inclusion_proof_for_item, make_checkpoint
from factfinder.services.preserve.ingest import IngestOptions, ingest
from factfinder.services.preserve.proofcheck import check_proof_against_project
from factfinder.services.verification import verify_project
from factfinder.store.schema import items
from factfinder.vault.hashing import sha256_bytes
from factfinder.vault.proofs import InclusionProof, verify_proof
from factfinder.vault.signing import SigningKey, sign_checkpoint

Tamper = Callable[..., None]  # the `tamper` fixture of tests/vault/conftest.py
THIRD = "A third report: shelling of a market, at least 12 civilians killed.\n"


@pytest.fixture
def filled(project: Project, tmp_path: Path) -> tuple[Project, InclusionProof]:
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    for name, text in (("a.txt", SEED_TEXT), ("b.txt", SEED_TEXT_2), ("c.txt", THIRD)):
        (inputs / name).write_text(text, encoding="utf-8")
    summary = ingest(project, [str(inputs)], IngestOptions(custodian="desk", checkpoint=False))
    assert summary.new_items == 3
    make_checkpoint(project)
    proof = inclusion_proof_for_item(project, sha256_bytes(SEED_TEXT_2.encode()))
    assert verify_project(project).ok
    assert check_proof_against_project(project, proof).ok
    return project, proof


def codes(project: Project) -> dict[str, list[str]]:
    report = verify_project(project)
    assert not report.ok
    out: dict[str, list[str]] = {}
    for p in report.problems:
        out.setdefault(p.code, []).append(p.message)
    return out


def test_flipping_one_byte_of_a_blob(filled: tuple[Project, InclusionProof]) -> None:
    project, proof = filled
    h = sha256_bytes(SEED_TEXT_2.encode())
    path = project.blobs.path_for(h)
    path.chmod(0o644)
    data = bytearray(path.read_bytes())
    data[100] ^= 0x01
    path.write_bytes(bytes(data))
    report = verify_project(project)
    assert [(p.code, p.blob) for p in report.problems] == [("blob.altered", h)]
    assert f"blob {h} is content hashes to sha256:" in report.problems[0].message
    assert verify_proof(proof, project.public_key).ok  # the proof itself is still sound…
    now = check_proof_against_project(project, proof)  # …but the evidence no longer matches it
    assert not now.ok
    assert any(line.startswith(f"FAIL blob {h}") for line in now.lines)


def test_deleting_a_ledger_row(filled: tuple[Project, InclusionProof], tamper: Tamper) -> None:
    project, proof = filled
    tamper("DELETE FROM ledger WHERE seq = 0")
    found = codes(project)
    assert found["ledger.missing"] == ["entry 0 is missing (a deleted row)"]
    assert found["checkpoint.size"] == [
        "checkpoint 1 covers 3 entries but the ledger has 2: entries were removed"
    ]
    assert any("acquisition 0 " in m for m in found["acquisition.unrecorded"])
    assert not check_proof_against_project(project, proof).ok


def test_deleting_the_last_ledger_row(
    filled: tuple[Project, InclusionProof], tamper: Tamper
) -> None:
    project, _ = filled
    tamper("DELETE FROM ledger WHERE seq = 2", "UPDATE ledger_head SET size = 2")
    found = codes(project)
    assert found["checkpoint.size"] == [
        "checkpoint 1 covers 3 entries but the ledger has 2: entries were removed"
    ]
    assert "acquisition.unrecorded" in found


def test_reordering_two_ledger_rows(filled: tuple[Project, InclusionProof], tamper: Tamper) -> None:
    project, proof = filled
    tamper(
        "UPDATE ledger SET seq = -1 WHERE seq = 0",
        "UPDATE ledger SET seq = 0 WHERE seq = 2",
        "UPDATE ledger SET seq = 2 WHERE seq = -1",
    )
    found = codes(project)
    assert sorted(found["ledger.order"]) == [
        "the row at seq 0 holds entry 2: ledger rows were reordered or moved",
        "the row at seq 2 holds entry 0: ledger rows were reordered or moved",
    ]
    assert "checkpoint.root" in found
    result = check_proof_against_project(project, proof)
    assert not result.ok


def test_editing_an_items_metadata_row(
    filled: tuple[Project, InclusionProof], tamper: Tamper
) -> None:
    project, proof = filled
    h = sha256_bytes(SEED_TEXT_2.encode())
    with project.read() as conn:
        from sqlalchemy import select

        item_id = conn.execute(select(items.c.id).where(items.c.hash == h)).scalar_one()
    tamper(f"UPDATE item_metadata SET publisher = 'Somebody Else' WHERE item_id = {item_id}")
    report = verify_project(project)
    assert [(p.code, p.item) for p in report.problems] == [("item.metadata", h)]
    assert "publisher is 'Somebody Else', the ledger recorded None" in report.problems[0].message
    now = check_proof_against_project(project, proof)
    assert not now.ok
    assert any("publisher is 'Somebody Else'" in line for line in now.lines)


def test_editing_an_items_text(filled: tuple[Project, InclusionProof], tamper: Tamper) -> None:
    project, _ = filled
    tamper("UPDATE item_metadata SET text = replace(text, '26', '62')")
    report = verify_project(project)
    assert {p.code for p in report.problems} == {"item.metadata"}
    assert all("text is" in p.message for p in report.problems)


def test_editing_an_acquisition_row(filled: tuple[Project, InclusionProof], tamper: Tamper) -> None:
    project, _ = filled
    tamper("UPDATE acquisitions SET custodian = 'mallory' WHERE seq = 1")
    found = codes(project)
    assert found == {"acquisition.altered": [found["acquisition.altered"][0]]}
    assert "acquisition 1 " in found["acquisition.altered"][0]
    assert "custodian" in found["acquisition.altered"][0]


def test_an_item_added_behind_the_apps_back(
    filled: tuple[Project, InclusionProof], tamper: Tamper
) -> None:
    project, _ = filled
    fake = "sha256:" + "ab" * 32
    tamper(
        "INSERT INTO items (hash, size, media_type, created_at) "
        f"VALUES ('{fake}', 3, 'text/plain', '2020-01-01T00:00:00.000000Z')"
    )
    report = verify_project(project)
    assert ("item.unrecorded", fake) in [(p.code, p.item) for p in report.problems]


def test_editing_an_entry_and_its_leaf_hash_still_breaks_the_checkpoint(
    filled: tuple[Project, InclusionProof], tamper: Tamper
) -> None:
    project, proof = filled
    with project.read() as conn:
        from sqlalchemy import text

        entry = conn.execute(text("SELECT entry FROM ledger WHERE seq = 1")).scalar_one()
    forged = entry.replace('"custodian":"desk"', '"custodian":"mallory"')
    assert forged != entry
    from factfinder.vault.merkle import leaf_hash

    leaf = leaf_hash(forged.encode())
    tamper("UPDATE ledger SET entry = :e, leaf_hash = :h WHERE seq = 1", e=forged, h=leaf)
    found = codes(project)
    assert "checkpoint.root" in found
    assert not check_proof_against_project(project, proof).ok


def test_a_checkpoint_re_signed_with_another_key(
    filled: tuple[Project, InclusionProof], tamper: Tamper
) -> None:
    project, proof = filled
    other = SigningKey.generate()
    forged = sign_checkpoint(
        other, project.log_id, 3, "sha256:" + "00" * 32, "2030-01-01T00:00:00.000000Z"
    )
    tamper(
        "UPDATE checkpoints SET root = :r, key_id = :k, signature = :s WHERE id = 1",
        r=forged.root,
        k=forged.key_id,
        s=forged.signature,
    )
    found = codes(project)
    assert found["checkpoint.signature"] == [
        f"checkpoint 1 (size 3, {proof.checkpoint.time}) is not signed by the project key "
        f"{project.public_key.key_id}: it was altered or replaced"
    ]
    assert "checkpoint.root" in found
    now = check_proof_against_project(project, proof)
    assert not now.ok
    assert any("the project holds no checkpoint of size 3" in line for line in now.lines)


def test_a_checkpoint_with_an_altered_root(
    filled: tuple[Project, InclusionProof], tamper: Tamper
) -> None:
    project, _ = filled
    tamper("UPDATE checkpoints SET root = :r WHERE id = 1", r="sha256:" + "11" * 32)
    found = codes(project)
    assert set(found) == {"checkpoint.signature", "checkpoint.root"}


def test_signing_refuses_a_rewritten_history(
    filled: tuple[Project, InclusionProof], tamper: Tamper
) -> None:
    from factfinder.errors import IntegrityError

    project, _ = filled
    tamper("UPDATE ledger SET leaf_hash = :h WHERE seq = 0", h=b"\x00" * 32)
    with pytest.raises(IntegrityError, match="no longer hash to the root of checkpoint 1"):
        make_checkpoint(project)
