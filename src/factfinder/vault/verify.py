"""Verification building blocks: the problem report and the streaming ledger scanner.

`LedgerScanner` reads ledger rows in seq order once, in batches, and for each row
- recomputes the leaf hash from the stored entry text and compares it with the stored one;
- checks the row's seq and subject against the entry's own (a row moved to another seq, i.e.
  reordered, or relabelled is caught);
- notices gaps in the sequence (deleted rows);
- feeds the recomputed leaf into an O(log n) `TreeBuilder` (whole aligned blocks of 4096 leaves
  hashed level by level) and keeps the root at every size a checkpoint claims.
It never parses payloads; `watch_prefix` collects (seq, kind, subject) of the kinds a caller
checks further (the vault watches `item.`). A million entries take a few seconds.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from factfinder.errors import InvalidRecord
from factfinder.vault.hashing import format_hash
from factfinder.vault.ledger import LedgerEntry
from factfinder.vault.ledger import json_string as _json_string
from factfinder.vault.merkle import LEAF_PREFIX, TreeBuilder


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing `verify` found wrong, with where: entry seq, item, blob, checkpoint id."""

    code: str  # "blob.altered", "ledger.missing", "checkpoint.root", "item.metadata", …
    message: str
    seq: int | None = None
    item: str | None = None
    blob: str | None = None
    checkpoint: int | None = None
    # The table and the row (its primary key as text) that differ from what the ledger bound.
    table: str | None = None
    row: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "message": self.message,
            "seq": self.seq,
            "item": self.item,
            "blob": self.blob,
            "checkpoint": self.checkpoint,
            "table": self.table,
            "row": self.row,
        }


@dataclass(frozen=True, slots=True)
class VerifyReport:
    problems: tuple[Problem, ...]
    entries: int
    root: str
    checkpoints: int
    items: int
    acquisitions: int
    blobs: int
    notes: tuple[str, ...] = ()
    # What verify could not vouch for (the key it trusted was found inside the project).
    warnings: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.problems

    def to_json(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "entries": self.entries,
            "root": self.root,
            "checkpoints": self.checkpoints,
            "items": self.items,
            "acquisitions": self.acquisitions,
            "blobs": self.blobs,
            "problems": [p.to_json() for p in self.problems],
            "notes": list(self.notes),
            "warnings": list(self.warnings),
        }


# seq, subject column, entry text, stored leaf hash; optionally the kind, actor and created_at
# columns, which are then checked against the entry's own.
Row = tuple[Any, ...]
BLOCK = 4096  # leaves hashed level by level at once (a power of two)


@dataclass
class LedgerScanner:
    """Scan ledger rows `(seq, subject, entry, leaf_hash)` in seq order, in batches.

    The entry text is the record; the `subject` column selects the entries `show` lists, and
    the `kind`, `actor` (the custodian of the change) and `created_at` columns are what lists and
    queries read, so when a row carries them they are checked against the entry's own text.
    """

    sizes: frozenset[int] = frozenset()
    # Collect (seq, kind, subject) of the kinds starting with this prefix ("item."), whose
    # entries have subjects starting with the same area ("item:").
    watch_prefix: str = ""
    roots: dict[int, bytes] = field(default_factory=dict)
    watched: list[tuple[int, str, str | None]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    rows: int = 0
    last_seq: int = -1
    builder: TreeBuilder = field(default_factory=TreeBuilder)
    _pending: list[bytes] = field(default_factory=list)

    def scan(self, rows: Sequence[Row]) -> None:
        if not rows:
            return
        sha256, prefix0 = hashlib.sha256, LEAF_PREFIX
        leaves = [sha256(prefix0 + r[2].encode("utf-8")).digest() for r in rows]
        if any(leaf != r[3] for leaf, r in zip(leaves, rows, strict=True)):
            for leaf, r in zip(leaves, rows, strict=True):
                if leaf != r[3]:
                    self.problems.append(
                        Problem(
                            "ledger.altered",
                            f"entry {r[0]}: its content no longer matches its "
                            "leaf hash (the entry text or its hash was edited)",
                            seq=r[0],
                        )
                    )
        first, last = rows[0][0], rows[-1][0]
        if first != self.last_seq + 1 or last - first != len(rows) - 1:
            self._check_sequence(rows)
        self.last_seq = last
        # The tail of an entry is `,"seq":N,"subject":S,"time":T}`; checking it against the row
        # catches a row moved to another seq (reordered) and a relabelled subject.
        bad = [
            r
            for r in rows
            if not r[2].startswith(
                f',"seq":{r[0]},"subject":'
                + ("null" if r[1] is None else f'"{r[1]}"')
                + ',"time":',
                r[2].rfind(',"seq":'),
            )
        ]
        for r in bad:
            problem = self._explain_tail(r)
            if problem is not None:
                self.problems.append(problem)
        if len(rows[0]) >= 7:
            self._check_columns(rows)
        if self.watch_prefix:
            self._watch(rows, bad)
        self._feed(leaves)
        self.rows += len(rows)

    def finish(self) -> None:
        """Hash the leaves still waiting for a full block."""
        for leaf in self._pending:
            self._append_one(leaf)
        self._pending = []

    def _append_one(self, leaf: bytes) -> None:
        self.builder.append(leaf)
        if self.builder.size in self.sizes:
            self.roots[self.builder.size] = self.builder.root()

    def _feed(self, leaves: list[bytes]) -> None:
        pending = self._pending
        pending.extend(leaves)
        builder, sizes = self.builder, self.sizes
        while builder.size % BLOCK and pending:  # reach a block boundary first
            self._append_one(pending.pop(0))
        start = 0
        while len(pending) - start >= BLOCK:
            block = pending[start : start + BLOCK]
            lo = builder.size
            if any(lo < size < lo + BLOCK for size in sizes):
                for leaf in block:  # a checkpoint inside the block: leaf by leaf
                    self._append_one(leaf)
            else:
                builder.append_block(block)
                if builder.size in sizes:
                    self.roots[builder.size] = builder.root()
            start += BLOCK
        del pending[:start]

    def _watch(self, rows: Sequence[Row], bad: list[Row]) -> None:
        # A row whose tail check passed has the entry's own subject, so only rows whose subject
        # has the watched area's prefix (or rows that failed the check) need reading.
        area = self.watch_prefix.rstrip(".") + ":"
        needle = ',"kind":"' + self.watch_prefix
        suspects = [r for r in rows if r[1] is not None and r[1].startswith(area)]
        for r in sorted({id(r): r for r in [*suspects, *bad]}.values(), key=lambda r: r[0]):
            entry = r[2]
            # Keys are sorted and the actor (a JSON string) cannot hold an unescaped quote, so
            # the first `,"payload":` ends the entry's own header.
            end = entry.find(',"payload":')
            at = entry.find(needle, 0, end)
            if at >= 0:
                kind = entry[at + 9 : entry.index('"', at + 9)]
                self.watched.append((r[0], kind, r[1]))

    def _check_columns(self, rows: Sequence[Row]) -> None:
        for r in rows:
            seq, entry, kind, actor, created = r[0], r[2], r[4], r[5], r[6]
            head = (
                f'{{"actor":{_json_string(actor)},"kind":{_json_string(kind)},"payload":'
                if isinstance(actor, str) and isinstance(kind, str)
                else None
            )
            tail = f',"time":{_json_string(created)}}}' if isinstance(created, str) else None
            if (
                head is not None
                and tail is not None
                and entry.startswith(head)
                and entry.endswith(tail)
            ):
                continue
            try:
                body = LedgerEntry.parse(entry)
            except InvalidRecord:
                continue  # reported by the leaf or tail check
            wrong = [
                name
                for name, column, own in (
                    ("actor", actor, body.actor),
                    ("kind", kind, body.kind),
                    ("created_at", created, body.time),
                )
                if column != own
            ]
            if wrong:
                self.problems.append(
                    Problem(
                        "ledger.altered",
                        f"entry {seq}: the row's {', '.join(wrong)} "
                        f"({', '.join(repr(c) for c in (actor, kind, created) if c is not None)}) "
                        "differ from the entry's own (edited behind factfinder's back)",
                        seq=seq,
                        table="ledger",
                        row=str(seq),
                    )
                )

    def _check_sequence(self, rows: Sequence[Row]) -> None:
        expected = self.last_seq + 1
        for r in rows:
            seq = r[0]
            if seq > expected:
                missing = (
                    f"entry {expected} is missing (a deleted row)"
                    if seq == expected + 1
                    else f"entries {expected}–{seq - 1} are missing (deleted rows)"
                )
                self.problems.append(Problem("ledger.missing", missing, seq=expected))
            elif seq < expected:
                self.problems.append(Problem("ledger.order", f"entry {seq} appears twice", seq=seq))
            expected = seq + 1

    @staticmethod
    def _explain_tail(row: Row) -> Problem | None:

        seq, subject, entry = row[0], row[1], row[2]
        try:
            body = LedgerEntry.parse(entry)
        except InvalidRecord:
            return Problem(
                "ledger.altered", f"entry {seq}: the stored text is not a ledger entry", seq=seq
            )
        if body.seq != seq:
            return Problem(
                "ledger.order",
                f"the row at seq {seq} holds entry {body.seq}: ledger rows were reordered or moved",
                seq=seq,
            )
        if body.subject != subject:
            return Problem(
                "ledger.altered",
                f"entry {seq}: the row's subject {subject!r} is not the entry's {body.subject!r}",
                seq=seq,
            )
        return None  # a subject that needs JSON escaping: the fast check was too strict

    @property
    def root(self) -> str:
        return format_hash(self.builder.root())
