"""The ledger scanner (vault.verify.LedgerScanner) on any ledger: whatever the batches, it
finds the Merkle root and checkpoint roots and no problem in an intact ledger, whatever its
subjects hold (quotes, backslashes, Arabic); a deleted row, a moved row, an edited entry or a
relabelled subject is each reported at its seq."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from factfinder.vault import merkle
from factfinder.vault.ledger import LedgerEntry
from factfinder.vault.verify import LedgerScanner

TIME = "2026-02-03T04:05:06.000000Z"
subjects = st.none() | st.text(
    alphabet=st.sampled_from('ab1:"\\/é قصف\t'), min_size=1, max_size=12
).map(lambda s: "item:" + s)
kinds = st.sampled_from(["item.added", "item.metadata", "extract.claims", "case.created"])

Row = tuple[int, str | None, str, bytes]


@st.composite
def ledgers(draw: st.DrawFn) -> list[Row]:
    rows: list[Row] = []
    for seq in range(draw(st.integers(1, 30))):
        e = LedgerEntry.make(seq, draw(kinds), "cli:tester", TIME, {"n": seq}, draw(subjects))
        rows.append((seq, e.subject, e.entry, e.leaf_hash))
    return rows


def scan(rows: list[Row], cuts: list[int], sizes: frozenset[int] = frozenset()) -> LedgerScanner:
    scanner = LedgerScanner(sizes=sizes, watch_prefix="item.")
    bounds = sorted({0, len(rows), *(c % (len(rows) + 1) for c in cuts)})
    for a, b in itertools.pairwise(bounds):
        scanner.scan(rows[a:b])
    scanner.finish()
    return scanner


@given(ledgers(), st.lists(st.integers(0, 40), max_size=5), st.data())
def test_an_intact_ledger_scans_clean_in_any_batches(rows, cuts, data) -> None:  # type: ignore[no-untyped-def]
    sizes = frozenset(data.draw(st.sets(st.integers(1, len(rows)), max_size=3)))
    scanner = scan(rows, cuts, sizes)
    leaves = [r[3] for r in rows]
    assert scanner.problems == []
    assert scanner.rows == len(rows) and scanner.last_seq == len(rows) - 1
    assert scanner.builder.root() == merkle.root_of(leaves)
    assert scanner.roots == {n: merkle.root_of(leaves[:n]) for n in sizes}
    # the item.* entries about an item (subject "item:…") are the ones `show` lists
    expected = [
        (r[0], LedgerEntry.parse(r[2]).kind, r[1])
        for r in rows
        if '"kind":"item.' in r[2] and r[1] is not None
    ]
    assert sorted(scanner.watched) == sorted(expected)


@given(ledgers().filter(lambda rows: len(rows) >= 3), st.data())
def test_a_deleted_row_is_reported_missing(rows, data) -> None:  # type: ignore[no-untyped-def]
    k = data.draw(st.integers(1, len(rows) - 2))
    scanner = scan(rows[:k] + rows[k + 1 :], data.draw(st.lists(st.integers(0, 40), max_size=3)))
    assert [(p.code, p.seq) for p in scanner.problems] == [("ledger.missing", k)]


@given(ledgers().filter(lambda rows: len(rows) >= 2), st.data())
def test_an_edited_entry_or_subject_is_reported_at_its_seq(rows, data) -> None:  # type: ignore[no-untyped-def]
    k = data.draw(st.integers(0, len(rows) - 1))
    seq, subject, entry, leaf = rows[k]
    edited = entry.replace('"n":', '"n": ', 1)
    scanner = scan([*rows[:k], (seq, subject, edited, leaf), *rows[k + 1 :]], [])
    assert ("ledger.altered", k) in [(p.code, p.seq) for p in scanner.problems]
    relabelled = "item:other" if subject != "item:other" else "item:else"
    scanner = scan([*rows[:k], (seq, relabelled, entry, leaf), *rows[k + 1 :]], [])
    assert [(p.code, p.seq) for p in scanner.problems] == [("ledger.altered", k)]


@given(ledgers().filter(lambda rows: len(rows) >= 2), st.data())
def test_a_row_moved_to_another_seq_is_reported(rows, data) -> None:  # type: ignore[no-untyped-def]
    k = data.draw(st.integers(0, len(rows) - 2))
    a, b = rows[k], rows[k + 1]
    swapped = [*rows[:k], (a[0], *b[1:]), (b[0], *a[1:]), *rows[k + 2 :]]
    scanner = scan(swapped, [])
    codes = {(p.code, p.seq) for p in scanner.problems}
    assert ("ledger.order", a[0]) in codes or ("ledger.altered", a[0]) in codes
