"""Property-based tests of the vault's formats: the Merkle tree (any leaf set, any index proves;
a changed leaf, path, index or size fails), signed inclusion and consistency proofs and their
JSON, the ledger entry's canonical text, and `sha256:` hashes."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factfinder.errors import InvalidRecord
from factfinder.vault import merkle
from factfinder.vault.hashing import (
    format_hash,
    hash_file,
    is_hash,
    parse_hash,
    sha256_bytes,
    sha256_text,
)
from factfinder.vault.ledger import LedgerEntry, canonical_json, format_time, parse_time
from factfinder.vault.proofs import (
    CONSISTENCY_TYPE,
    INCLUSION_TYPE,
    ConsistencyProof,
    InclusionProof,
    load_proof,
    read_proof,
    verify_proof,
)
from factfinder.vault.signing import SigningKey, sign_checkpoint

leaf_data = st.lists(st.binary(max_size=24), min_size=1, max_size=40)
TIME = "2026-01-02T03:04:05Z"


@cache
def key() -> SigningKey:
    return SigningKey.generate()


@st.composite
def tree_and_index(draw: st.DrawFn) -> tuple[list[bytes], int]:
    data = draw(leaf_data)
    return [merkle.leaf_hash(d) for d in data], draw(st.integers(0, len(data) - 1))


# The tree -----------------------------------------------------------------------------------


@given(leaf_data, st.sampled_from([1, 2, 4, 8]))
def test_blocks_and_single_leaves_build_the_same_root(data: list[bytes], block: int) -> None:
    leaves = [merkle.leaf_hash(d) for d in data]
    one_by_one, in_blocks, extended = (merkle.TreeBuilder() for _ in range(3))
    for leaf in leaves:
        one_by_one.append(leaf)
    k = 0
    while k < len(leaves):
        if k % block == 0 and k + block <= len(leaves):
            in_blocks.append_block(leaves[k : k + block])
            k += block
        else:
            in_blocks.append(leaves[k])
            k += 1
        assert in_blocks.size == k and in_blocks.root() == merkle.root_of(leaves[:k])
    extended.extend(leaves)
    assert one_by_one.root() == in_blocks.root() == extended.root() == merkle.root_of(leaves)
    if len(leaves) % 2:  # a block must start at a multiple of its size and be a power of two
        with pytest.raises(ValueError):
            one_by_one.append_block([leaves[0], leaves[0]])
    with pytest.raises(ValueError):
        merkle.TreeBuilder().append_block(leaves[:3] if len(leaves) >= 3 else [])


@given(tree_and_index())
def test_any_leaf_of_any_tree_proves(tree: tuple[list[bytes], int]) -> None:
    leaves, i = tree
    n, root = len(leaves), merkle.root_of(leaves)
    path = merkle.inclusion_proof(i, leaves)
    assert len(path) <= n.bit_length()
    assert merkle.verify_inclusion(i, n, leaves[i], path, root)


@given(tree_and_index(), st.binary(min_size=1, max_size=8))
def test_a_changed_leaf_or_path_fails(tree: tuple[list[bytes], int], junk: bytes) -> None:
    leaves, i = tree
    n, root = len(leaves), merkle.root_of(leaves)
    path = merkle.inclusion_proof(i, leaves)
    forged = merkle.leaf_hash(junk + b"forged")
    if forged != leaves[i]:
        assert not merkle.verify_inclusion(i, n, forged, path, root)
    for k in range(len(path)):
        bent = [*path[:k], hashlib.sha256(path[k]).digest(), *path[k + 1 :]]
        assert not merkle.verify_inclusion(i, n, leaves[i], bent, root)
    if path:
        assert not merkle.verify_inclusion(i, n, leaves[i], path[:-1], root)
        assert not merkle.verify_inclusion(i, n, leaves[i], [*path, path[0]], root)
    assert merkle.root_from_inclusion(n, n, leaves[i], path) is None  # index past the end
    changed = [*leaves[:i], forged, *leaves[i + 1 :]]
    if forged != leaves[i]:
        assert merkle.root_of(changed) != root


@given(tree_and_index())
def test_a_proof_is_bound_to_its_index(tree: tuple[list[bytes], int]) -> None:
    leaves, i = tree
    n, root = len(leaves), merkle.root_of(leaves)
    path = merkle.inclusion_proof(i, leaves)
    for j in range(n):
        if j != i and leaves[j] != leaves[i]:
            assert not merkle.verify_inclusion(j, n, leaves[i], path, root)


@given(leaf_data, st.data())
def test_any_prefix_is_consistent_with_the_whole(data: list[bytes], draw: st.DataObject) -> None:
    leaves = [merkle.leaf_hash(d) for d in data]
    n = len(leaves)
    m = draw.draw(st.integers(1, n))
    proof = merkle.consistency_proof(m, leaves)
    first, second = merkle.root_of(leaves[:m]), merkle.root_of(leaves)
    assert merkle.verify_consistency(m, n, proof, first, second)
    assert merkle.verify_consistency(0, n, [], merkle.TreeBuilder().root(), second)
    if m < n:
        k = draw.draw(st.integers(0, m - 1))
        rewritten = [*leaves[:k], merkle.leaf_hash(b"rewritten" + data[k]), *leaves[k + 1 :]]
        if rewritten[k] != leaves[k]:
            assert not merkle.verify_consistency(m, n, proof, merkle.root_of(rewritten[:m]), second)
        assert not merkle.verify_consistency(n, m, proof, second, first)  # sizes reversed


@given(leaf_data, st.integers())
def test_out_of_range_proofs_are_refused(data: list[bytes], index: int) -> None:
    leaves = [merkle.leaf_hash(d) for d in data]
    if not 0 <= index < len(leaves):
        with pytest.raises(ValueError):
            merkle.inclusion_proof(index, leaves)
    if not 0 < index <= len(leaves):
        with pytest.raises(ValueError):
            merkle.consistency_proof(index, leaves)


def test_leaf_and_node_hashes_are_domain_separated() -> None:
    a, b = merkle.leaf_hash(b"a"), merkle.leaf_hash(b"b")
    assert merkle.leaf_hash(a + b) != merkle.node_hash(a, b)
    assert merkle.leaf_hash(b"") == hashlib.sha256(b"\x00").digest()


# Signed proofs ------------------------------------------------------------------------------

payloads = st.dictionaries(
    st.text(min_size=1, max_size=8),
    st.one_of(st.integers(), st.text(max_size=20), st.booleans(), st.none()),
    max_size=4,
)


def ledger(payloads_: list[dict[str, object]]) -> list[LedgerEntry]:
    return [
        LedgerEntry.make(seq, "item.added", "tester", TIME, p, subject=f"item:{seq}")
        for seq, p in enumerate(payloads_)
    ]


def signed_inclusion(entries: list[LedgerEntry], i: int) -> InclusionProof:
    leaves = [e.leaf_hash for e in entries]
    root = format_hash(merkle.root_of(leaves))
    cp = sign_checkpoint(key(), "log-1", len(leaves), root, TIME)
    path = tuple(format_hash(h) for h in merkle.inclusion_proof(i, leaves))
    return InclusionProof(entries[i].entry, i, path, cp, key().public_key.to_hex())


@given(st.lists(payloads, min_size=1, max_size=12), st.data())
def test_a_signed_inclusion_proof_verifies_and_survives_json(
    ps: list[dict[str, object]], data: st.DataObject
) -> None:
    entries = ledger(ps)
    i = data.draw(st.integers(0, len(entries) - 1))
    proof = signed_inclusion(entries, i)
    assert LedgerEntry.parse(entries[i].entry) == entries[i]
    check = verify_proof(proof, key().public_key)
    assert check.ok and not any(line.startswith("FAIL") for line in check.lines)
    again = load_proof(json.loads(json.dumps(proof.to_json())))
    assert again == proof
    assert verify_proof(again, key().public_key).ok


@given(st.lists(payloads, min_size=2, max_size=12), st.data())
def test_a_changed_entry_fails_its_proof(ps: list[dict[str, object]], data: st.DataObject) -> None:
    entries = ledger(ps)
    i = data.draw(st.integers(0, len(entries) - 1))
    proof = signed_inclusion(entries, i)
    other = entries[(i + 1) % len(entries)]
    # another entry's text under this proof: it says it is another seq and is not on this path
    swapped = InclusionProof(other.entry, i, proof.audit_path, proof.checkpoint, proof.public_key)
    check = verify_proof(swapped, key().public_key)
    assert not check.ok
    assert any("audit path mismatch" in line for line in check.lines)
    # the same seq with a changed payload
    forged = LedgerEntry.make(i, "item.added", "tester", TIME, {"forged": True}, f"item:{i}")
    if forged.entry != entries[i].entry:
        bad = InclusionProof(forged.entry, i, proof.audit_path, proof.checkpoint, "")
        assert not verify_proof(bad, key().public_key).ok
    # a key that did not sign the checkpoint
    assert not verify_proof(proof, SigningKey.generate().public_key).ok


@given(st.lists(st.binary(max_size=16), min_size=2, max_size=30), st.data())
def test_a_signed_consistency_proof(data_: list[bytes], data: st.DataObject) -> None:
    leaves = [merkle.leaf_hash(d) for d in data_]
    m = data.draw(st.integers(1, len(leaves) - 1))
    r1, r2 = merkle.root_of(leaves[:m]), merkle.root_of(leaves)
    first = sign_checkpoint(key(), "log-1", m, format_hash(r1), TIME)
    second = sign_checkpoint(key(), "log-1", len(leaves), format_hash(r2), TIME)
    path = tuple(format_hash(h) for h in merkle.consistency_proof(m, leaves))
    proof = ConsistencyProof(first, second, path, key().public_key.to_hex())
    assert verify_proof(proof, key().public_key).ok
    assert load_proof(proof.to_json()) == proof
    elsewhere = sign_checkpoint(key(), "log-2", len(leaves), format_hash(r2), TIME)
    other_log = ConsistencyProof(first, elsewhere, path, "")
    assert not verify_proof(other_log, key().public_key).ok
    bad_path = ConsistencyProof(first, second, ("sha256:xyz", *path[1:]), "")
    assert not verify_proof(bad_path, key().public_key).ok


@pytest.mark.parametrize(
    "obj",
    [
        [],
        {"type": "nonsense"},
        {"type": INCLUSION_TYPE},
        {"type": INCLUSION_TYPE, "leaf_index": "3"},
        {"type": INCLUSION_TYPE, "leaf_index": True},
        {"type": CONSISTENCY_TYPE, "first": {}},
    ],
)
def test_malformed_proofs_are_invalid_records(obj: object) -> None:
    with pytest.raises(InvalidRecord):
        load_proof(obj)


def test_an_unreadable_proof_file_names_it(tmp_path: Path) -> None:
    path = tmp_path / "proof.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(InvalidRecord, match=r"proof\.json"):
        read_proof(path)


# Canonical entries, times and hashes --------------------------------------------------------


@given(payloads, st.text(min_size=1, max_size=10), st.integers(0, 10**6))
def test_a_ledger_entry_is_canonical(payload: dict[str, object], kind: str, seq: int) -> None:
    e = LedgerEntry.make(seq, kind, "actor", TIME, payload)
    assert e.entry == canonical_json(json.loads(e.entry))
    assert LedgerEntry.parse(e.entry) == e
    assert e.leaf_hash == merkle.leaf_hash(e.entry.encode("utf-8"))
    start, end = e.framing()
    assert e.entry.startswith(start) and e.entry.endswith(end)


@given(
    st.datetimes(
        min_value=dt.datetime(1970, 1, 1),
        max_value=dt.datetime(9998, 1, 1),
        timezones=st.just(dt.UTC),
    )
)
def test_ledger_times_round_trip_and_sort_as_text(moment: dt.datetime) -> None:
    text = format_time(moment)
    assert parse_time(text) == moment
    later = moment + dt.timedelta(microseconds=1)
    assert (format_time(later) >= text) and len(format_time(later)) == len(text)
    with pytest.raises(ValueError):
        format_time(moment.replace(tzinfo=None))


@given(st.binary(min_size=32, max_size=32))
def test_hash_text_round_trips(digest: bytes) -> None:
    text = format_hash(digest)
    assert is_hash(text) and parse_hash(text) == digest
    assert not is_hash(text.upper()) and not is_hash(text[:-1])
    with pytest.raises(ValueError):
        parse_hash(text[len("sha256:") :])


@given(st.binary(max_size=3000), st.text(max_size=50))
def test_files_are_hashed_as_their_bytes(data: bytes, text: str) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "f.bin"
        path.write_bytes(data)
        assert hash_file(path) == (sha256_bytes(data), len(data))
    assert sha256_text(text) == sha256_bytes(text.encode("utf-8"))
    assert sha256_bytes(data) == "sha256:" + hashlib.sha256(data).hexdigest()


@pytest.mark.parametrize("entry", ["[]", '"text"', "3", "null"])
def test_a_proof_whose_entry_is_not_an_object_fails_cleanly(entry: str) -> None:
    # A proof file carrying a JSON array as its entry once crashed the verifier
    # (AttributeError) instead of failing the check.
    good = signed_inclusion(ledger([{}]), 0)
    forged = InclusionProof(entry, 0, good.audit_path, good.checkpoint, good.public_key)
    check = verify_proof(forged, key().public_key)
    assert not check.ok
    assert "FAIL the entry is not a factfinder ledger entry" in check.lines
