"""Verification building blocks: the problem report and the streaming ledger scanner.

`LedgerScanner` reads ledger rows in seq order once and, for each row,
- recomputes the leaf hash from the stored entry text and compares it with the stored one;
- checks the row's columns (seq, kind, actor, subject, time) against the entry's own framing,
  so a row moved to another seq (reordered) or relabelled is caught;
- notices gaps in the sequence (deleted rows);
- feeds the recomputed leaf into an O(log n) `TreeBuilder` and keeps the root at every size a
  checkpoint claims, for the caller to compare.
It never parses payloads; `watch` collects (seq, kind, subject) of the kinds a caller checks
further (the vault watches `item.*`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from factfinder.vault.hashing import format_hash
from factfinder.vault.ledger import entry_framing, entry_suffix
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

    def to_json(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message, "seq": self.seq, "item": self.item,
                "blob": self.blob, "checkpoint": self.checkpoint}


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

    @property
    def ok(self) -> bool:
        return not self.problems

    def to_json(self) -> dict[str, Any]:
        return {"ok": self.ok, "entries": self.entries, "root": self.root,
                "checkpoints": self.checkpoints, "items": self.items,
                "acquisitions": self.acquisitions, "blobs": self.blobs,
                "problems": [p.to_json() for p in self.problems], "notes": list(self.notes)}


Row = tuple[int, str, str, str, "str | None", str, bytes]


@dataclass
class LedgerScanner:
    """Scan ledger rows (seq, kind, actor, created_at, subject, entry, leaf_hash) in seq order."""

    sizes: frozenset[int] = frozenset()
    watch: frozenset[str] = frozenset()
    roots: dict[int, bytes] = field(default_factory=dict)
    watched: list[tuple[int, str, str | None]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    rows: int = 0
    last_seq: int = -1
    builder: TreeBuilder = field(default_factory=TreeBuilder)

    def scan(self, rows: Iterable[Row]) -> None:
        # Local names: this loop runs a million times.
        builder, sizes, roots, watch, watched = (self.builder, self.sizes, self.roots,
                                                 self.watch, self.watched)
        append, sha256, prefix0 = builder.append, hashlib.sha256, LEAF_PREFIX
        problems = self.problems
        framing_cache: dict[tuple[str, str], str] = {}
        expected = self.last_seq + 1
        n = self.rows
        for seq, kind, actor, created_at, subject, entry, stored in rows:
            n += 1
            leaf = sha256(prefix0 + entry.encode("utf-8")).digest()
            if leaf != stored:
                problems.append(Problem(
                    "ledger.altered", f"entry {seq}: its content no longer matches its leaf "
                    "hash (the entry text or its hash was edited)", seq=seq))
            if seq != expected:
                if seq > expected:
                    missing = (f"entry {expected} is missing (a deleted row)"
                               if seq == expected + 1 else
                               f"entries {expected}–{seq - 1} are missing (deleted rows)")
                    problems.append(Problem("ledger.missing", missing, seq=expected))
                else:
                    problems.append(Problem("ledger.order", f"entry {seq} appears twice", seq=seq))
            expected = seq + 1
            key = (actor, kind)
            prefix = framing_cache.get(key)
            if prefix is None:
                prefix = entry_framing(0, kind, actor, "", None)[0]
                framing_cache[key] = prefix
            if not entry.startswith(prefix) or not entry.endswith(
                entry_suffix(seq, subject, created_at)
            ):
                problems.append(self._explain_framing(seq, kind, actor, created_at, subject,
                                                      entry))
            append(leaf)
            if n in sizes:
                roots[n] = builder.root()
            if kind in watch:
                watched.append((seq, kind, subject))
        self.rows = n
        self.last_seq = expected - 1

    @staticmethod
    def _explain_framing(seq: int, kind: str, actor: str, created_at: str,
                         subject: str | None, entry: str) -> Problem:
        from factfinder.errors import InvalidRecord
        from factfinder.vault.ledger import LedgerEntry

        try:
            body = LedgerEntry.parse(entry)
        except InvalidRecord:
            return Problem("ledger.altered", f"entry {seq}: the stored text is not a ledger entry",
                           seq=seq)
        if body.seq != seq:
            return Problem(
                "ledger.order",
                f"the row at seq {seq} holds entry {body.seq}: ledger rows were reordered or "
                "moved", seq=seq)
        fields = [name for name, col, val in (("kind", kind, body.kind),
                                              ("actor", actor, body.actor),
                                              ("time", created_at, body.time),
                                              ("subject", subject, body.subject)) if col != val]
        return Problem("ledger.altered",
                       f"entry {seq}: the row's {', '.join(fields) or 'columns'} differ from the "
                       "entry it holds", seq=seq)

    @property
    def root(self) -> str:
        return format_hash(self.builder.root())
