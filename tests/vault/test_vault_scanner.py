"""The streaming ledger scanner: roots at every checkpoint size equal the reference tree, in
whatever batches the rows arrive, and each kind of damage is named."""

from __future__ import annotations

import random

import pytest

from factfinder.vault import merkle
from factfinder.vault.ledger import LedgerEntry
from factfinder.vault.verify import BLOCK, LedgerScanner

Row = tuple[int, str | None, str, bytes]


def rows(n: int) -> list[Row]:
    out = []
    for seq in range(n):
        subject = f"item:sha256:{seq:064x}" if seq % 3 == 0 else None
        kind = "item.acquire" if seq % 3 == 0 else "claim.accept"
        e = LedgerEntry.make(
            seq,
            kind,
            "cli:alice",
            "2024-05-01T12:00:00.000000Z",
            {"n": seq, "kind": "item.decoy"},
            subject,
        )
        out.append((seq, subject, e.entry, e.leaf_hash))
    return out


def scan(data: list[Row], sizes: set[int], rng: random.Random) -> LedgerScanner:
    scanner = LedgerScanner(sizes=frozenset(sizes), watch_prefix="item.")
    i = 0
    while i < len(data):
        step = rng.choice([1, 7, 100, BLOCK - 1, BLOCK, 3 * BLOCK + 5])
        scanner.scan(data[i : i + step])
        i += step
    scanner.finish()
    return scanner


def test_append_block_equals_leaf_by_leaf() -> None:
    leaves = [merkle.leaf_hash(i.to_bytes(4, "big")) for i in range(3 * 64 + 5)]
    a, b = merkle.TreeBuilder(), merkle.TreeBuilder()
    a.extend(leaves)
    b.append_block(leaves[:128])
    b.append_block(leaves[128:192])
    b.extend(leaves[192:])
    assert a.root() == b.root() == merkle.root_of(leaves)
    with pytest.raises(ValueError):
        b.append_block(leaves[:64])  # size 197 is not a multiple of 64


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_roots_at_checkpoint_sizes_match_the_reference(seed: int) -> None:
    rng = random.Random(seed)
    n = 2 * BLOCK + rng.randint(1, 3000)
    data = rows(n)
    leaves = [r[3] for r in data]
    sizes = {1, BLOCK, BLOCK + 1, rng.randint(2, n), 2 * BLOCK, n}
    scanner = scan(data, sizes, rng)
    assert scanner.problems == []
    assert scanner.rows == n and scanner.last_seq == n - 1
    for size in sizes:
        assert scanner.roots[size] == merkle.root_of(leaves[:size]), size
    assert scanner.builder.root() == merkle.root_of(leaves)
    assert [w[0] for w in scanner.watched] == list(range(0, n, 3))  # the payload decoy is ignored
    assert {w[1] for w in scanner.watched} == {"item.acquire"}


def test_damage_is_named() -> None:
    data = rows(20)
    data[3] = (3, data[3][1], data[3][2].replace('"n":3', '"n":4'), data[3][3])  # edited text
    del data[5]  # deleted row
    data[8], data[9] = (data[9][0] - 1, *data[9][1:]), (data[8][0] + 1, *data[8][1:])  # swapped
    data[12] = (data[12][0], "item:forged", data[12][2], data[12][3])  # relabelled subject
    scanner = scan(data, {20}, random.Random(0))
    found = sorted((p.code, p.seq) for p in scanner.problems)
    assert found == [
        ("ledger.altered", 3),
        ("ledger.altered", 13),
        ("ledger.missing", 5),
        ("ledger.order", 9),
        ("ledger.order", 10),
    ]
