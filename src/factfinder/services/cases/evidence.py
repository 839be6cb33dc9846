"""The record as of a ledger size: what a report built at a checkpoint may see, and nothing later.

The ledger is the source of truth. A checkpoint signs its first N entries; every row the areas
write carries the `seq` of the entry that recorded it, so "as of N" is a filter `seq < N`:

- items: those whose first acquisition is `< N`; their metadata is the latest `item.acquire` /
  `item.metadata` entry `< N` for them (its payload is the complete metadata), the text the
  item's stored text (immutable, bound by the `text_hash` of that entry);
- claims: the rows of each item's latest `extract.claims` entry `< N`, with the latest review
  `< N` applied (`claim.correct` corrections; `claim.reject` marks it rejected);
- incidents: `factfinder.services.incidents.queries` as of N (see `incidents_as_of`);
- cases: `factfinder.services.cases.case_state(conn, id, size=N)`.

`inclusion_proofs` makes the audit paths of entries at size N, sharing subtree hashes between
proofs so that proving many entries costs about one pass over the leaves.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, func, select

from factfinder.errors import IntegrityError, NotFound
from factfinder.model import Claim
from factfinder.services.claims.queries import apply_corrections
from factfinder.store.schema import acquisitions, item_metadata, items, ledger
from factfinder.store.schema_claims import claims
from factfinder.store.schema_users import claim_reviews
from factfinder.subjects import item_subject
from factfinder.vault import ledger as ledger_rows
from factfinder.vault.hashing import format_hash, sha256_text
from factfinder.vault.merkle import TreeBuilder, node_hash, split_point
from factfinder.vault.signing import Checkpoint

# -- items ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ItemAsOf:
    id: int
    hash: str
    size: int
    media_type: str
    seq: int  # its first acquisition's entry
    acquired_at: str
    metadata_seq: int  # the entry its metadata comes from
    title: str | None
    publisher: str | None
    published: str | None
    url: str | None
    external_id: str | None
    text: str | None
    author: str | None = None  # a restricted author (a chat message's sender) stays out


def items_as_of(conn: Connection, item_ids: Iterable[int], size: int) -> dict[int, ItemAsOf]:
    """The items (by id) as recorded in the first `size` entries; absent ones are left out."""
    wanted = sorted(set(item_ids))
    out: dict[int, ItemAsOf] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        first = (
            select(acquisitions.c.item_id, func.min(acquisitions.c.seq).label("seq"))
            .where(acquisitions.c.item_id.in_(chunk), acquisitions.c.seq < size)
            .group_by(acquisitions.c.item_id)
            .subquery()
        )
        rows = conn.execute(
            select(
                items.c.id,
                items.c.hash,
                items.c.size,
                items.c.media_type,
                first.c.seq,
                acquisitions.c.acquired_at,
                item_metadata.c.text,
                item_metadata.c.seq.label("meta_seq"),
                item_metadata.c.title,
                item_metadata.c.publisher,
                item_metadata.c.published,
                item_metadata.c.url,
                item_metadata.c.external_id,
                item_metadata.c.author,
            ).select_from(
                items.join(first, first.c.item_id == items.c.id)
                .join(acquisitions, acquisitions.c.seq == first.c.seq)
                .outerjoin(item_metadata, item_metadata.c.item_id == items.c.id)
            )
        )
        for r in rows:
            meta_seq, meta = (
                r.meta_seq,
                {
                    "title": r.title,
                    "publisher": r.publisher,
                    "published": r.published,
                    "url": r.url,
                    "external_id": r.external_id,
                    "author": r.author,
                },
            )
            text_hash = sha256_text(r.text) if r.text is not None else None
            if meta_seq is None or meta_seq >= size:
                # The metadata changed after the checkpoint: take the version the ledger held.
                meta_seq, meta, text_hash = _metadata_from_ledger(conn, r.hash, size)
            if text_hash is not None and r.text is not None and sha256_text(r.text) != text_hash:
                raise IntegrityError(
                    f"item {r.hash}: its stored text no longer matches the text "
                    f"hash ledger entry {meta_seq} recorded; run "
                    "`factfinder verify`"
                )
            out[int(r.id)] = ItemAsOf(
                int(r.id),
                r.hash,
                int(r.size),
                r.media_type,
                int(r.seq),
                r.acquired_at,
                int(meta_seq),
                meta["title"],
                meta["publisher"],
                meta["published"],
                meta["url"],
                meta["external_id"],
                r.text,
                meta.get("author"),
            )
    return out


def _metadata_from_ledger(
    conn: Connection, item_hash: str, size: int
) -> tuple[int, dict[str, Any], str | None]:
    rows = conn.execute(
        select(ledger.c.seq, ledger.c.entry)
        .where(
            ledger.c.subject == item_subject(item_hash),
            ledger.c.seq < size,
            ledger.c.kind.in_(("item.acquire", "item.metadata")),
        )
        .order_by(ledger.c.seq.desc())
    )
    for seq, entry in rows:
        meta = json.loads(entry).get("payload", {}).get("metadata")
        if isinstance(meta, dict):
            return int(seq), meta, meta.get("text_hash")
    raise NotFound(f"item {item_hash} has no metadata entry before ledger size {size}")


# -- claims ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ClaimAsOf:
    id: int
    item_id: int
    ordinal: int
    seq: int  # the extract.claims entry that recorded it
    claim: Claim  # with the review corrections in force at the checkpoint
    status: str  # pending / accepted / corrected / rejected
    review_seq: int | None


def claims_as_of(conn: Connection, claim_ids: Iterable[int], size: int) -> dict[int, ClaimAsOf]:
    """Stored claims (by id) as of the first `size` entries, reviews applied."""

    wanted = sorted(set(claim_ids))
    out: dict[int, ClaimAsOf] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        rows = conn.execute(
            select(
                claims.c.id, claims.c.item_id, claims.c.ordinal, claims.c.seq, claims.c.claim
            ).where(claims.c.id.in_(chunk), claims.c.seq < size)
        )
        reviews = _reviews_as_of(conn, chunk, size)
        for r in rows:
            claim = Claim.from_json(json.loads(r.claim))
            status, review_seq = "pending", None
            review = reviews.get(int(r.id))
            if review is not None:
                decision, corrections, review_seq = review
                status = {"accept": "accepted", "correct": "corrected", "reject": "rejected"}.get(
                    decision, decision
                )
                if decision == "correct":
                    claim = apply_corrections(claim, corrections)
            out[int(r.id)] = ClaimAsOf(
                int(r.id), int(r.item_id), int(r.ordinal), int(r.seq), claim, status, review_seq
            )
    return out


def _reviews_as_of(
    conn: Connection, claim_ids: Sequence[int], size: int
) -> dict[int, tuple[str, Mapping[str, Any], int]]:
    r = claim_reviews.c
    out: dict[int, tuple[str, Mapping[str, Any], int]] = {}
    for row in conn.execute(
        select(r.claim_id, r.decision, r.corrections, r.seq)
        .where(r.claim_id.in_(list(claim_ids)), r.seq < size)
        .order_by(r.seq)
    ):
        out[int(row.claim_id)] = (row.decision, json.loads(row.corrections), int(row.seq))
    return out


def claims_of_items_as_of(conn: Connection, item_ids: Iterable[int], size: int) -> list[int]:
    """The ids of the claims of each item's latest extraction before `size`."""

    wanted = sorted(set(item_ids))
    out: list[int] = []
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        latest = (
            select(claims.c.item_id, func.max(claims.c.seq).label("seq"))
            .where(claims.c.item_id.in_(chunk), claims.c.seq < size)
            .group_by(claims.c.item_id)
            .subquery()
        )
        out += [
            int(i)
            for i in conn.execute(
                select(claims.c.id)
                .join(
                    latest, (latest.c.item_id == claims.c.item_id) & (latest.c.seq == claims.c.seq)
                )
                .order_by(claims.c.item_id, claims.c.ordinal)
            ).scalars()
        ]
    return out


# -- proofs ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ProvenEntry:
    seq: int
    kind: str
    subject: str | None
    entry: str
    leaf_hash: str
    audit_path: tuple[str, ...]


class _Subtrees:
    """Merkle subtree roots over a fixed list of leaves, each computed once."""

    def __init__(self, leaves: Sequence[bytes]) -> None:
        self.leaves = leaves
        self.cache: dict[tuple[int, int], bytes] = {}

    def root(self, lo: int, hi: int) -> bytes:
        key = (lo, hi)
        found = self.cache.get(key)
        if found is None:
            if hi - lo == 1:
                found = self.leaves[lo]
            elif hi - lo <= 64:
                builder = TreeBuilder()
                builder.extend(self.leaves[lo:hi])
                found = builder.root()
            else:
                k = split_point(hi - lo)
                found = node_hash(self.root(lo, lo + k), self.root(lo + k, hi))
            self.cache[key] = found
        return found

    def path(self, index: int, size: int) -> list[bytes]:
        out: list[bytes] = []
        lo, hi = 0, size
        while hi - lo > 1:
            k = split_point(hi - lo)
            if index < lo + k:
                out.append(self.root(lo + k, hi))
                hi = lo + k
            else:
                out.append(self.root(lo, lo + k))
                lo = lo + k
        out.reverse()
        return out


def inclusion_proofs(conn: Connection, seqs: Iterable[int], cp: Checkpoint) -> list[ProvenEntry]:
    """The entries `seqs` with their audit paths in the tree of checkpoint `cp`, in seq order.

    Refuses (`IntegrityError`) when the stored ledger no longer hashes to the checkpoint's root:
    a report must never cite a rewritten history.
    """
    wanted = sorted(set(seqs))
    if wanted and wanted[-1] >= cp.size:
        raise NotFound(
            f"ledger entry {wanted[-1]} is not covered by the checkpoint of size {cp.size}"
        )
    leaves = ledger_rows.leaf_hashes(conn, cp.size)
    trees = _Subtrees(leaves)
    if len(leaves) != cp.size or (cp.size and format_hash(trees.root(0, cp.size)) != cp.root):
        raise IntegrityError(
            f"the first {cp.size} ledger entries no longer hash to the root "
            f"{cp.root} of the checkpoint; run `factfinder verify`"
        )
    out = []
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        rows = {
            r.seq: r
            for r in conn.execute(
                select(ledger.c.seq, ledger.c.kind, ledger.c.subject, ledger.c.entry).where(
                    ledger.c.seq.in_(chunk)
                )
            )
        }
        for seq in chunk:
            r = rows[seq]
            out.append(
                ProvenEntry(
                    seq,
                    r.kind,
                    r.subject,
                    r.entry,
                    format_hash(leaves[seq]),
                    tuple(format_hash(h) for h in trees.path(seq, cp.size)),
                )
            )
    return out
