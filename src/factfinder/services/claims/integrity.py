"""The claims area's rows against the ledger (a `verify` check).

- `claims` and `claim_spans`: an `extract.claims` entry binds the claims of one extraction by the
  hash of their list (`claims_hash`) and, since row binding, each claim by the hash of its
  canonical JSON (`claim_hashes`, by ordinal). Each row's claim must hash to what its entry
  bound; the columns lists filter on (primary, event type, confidence) and its spans must say
  what its claim says; the item, text hash, extractor and time are the entry's. A claim row
  deleted, added or edited is named by id (for extractions made before per-claim hashes, every
  claim of the extraction whose list no longer hashes right is named).
- `claim_reviews`: each row is its `claim.accept|correct|reject` entry (claim, decision,
  corrections, reason, actor, time); a review whose row is gone is named by its entry.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import Any

from sqlalchemy import Connection, select

from factfinder.store.schema_claims import claim_spans, claims
from factfinder.store.schema_users import claim_reviews
from factfinder.vault import ledger as ledger_rows
from factfinder.vault.hashing import canonical_json, sha256_text
from factfinder.vault.verify import Problem

REVIEW_KINDS = ("claim.accept", "claim.correct", "claim.reject")


def claim_hash(claim_json: dict[str, Any]) -> str:
    """What an `extract.claims` entry binds of one claim (its canonical JSON's hash)."""
    return sha256_text(canonical_json(claim_json))


def check_claims(conn: Connection) -> Iterator[Problem]:
    yield from _check_extractions(conn)
    yield from _check_reviews(conn)


def _altered(row_id: object, message: str, seq: int | None, code: str = "claim.altered") -> Problem:
    return Problem(code, message, seq=seq, table="claims", row=str(row_id))


def _check_extractions(conn: Connection) -> Iterator[Problem]:
    entries = {e.seq: e for e in ledger_rows.entries_of_kinds(conn, ("extract.claims",))}
    spans: dict[int, list[list[int]]] = {}
    for s in conn.execute(
        select(claim_spans).order_by(claim_spans.c.claim_id, claim_spans.c.ordinal)
    ):
        spans.setdefault(int(s.claim_id), []).append([int(s.start), int(s.end)])
    groups: dict[int, list[Any]] = {}
    for row in conn.execution_options(yield_per=2000).execute(
        select(claims).order_by(claims.c.seq, claims.c.ordinal)
    ):
        groups.setdefault(int(row.seq), []).append(row)
    for seq, rows in groups.items():
        e = entries.pop(seq, None)
        if e is None:
            for row in rows:
                yield _altered(
                    row.id,
                    f"claim {row.id} claims ledger entry {seq}, which recorded no extraction: "
                    "it was added behind factfinder's back",
                    seq,
                    "claim.unrecorded",
                )
            continue
        yield from _check_group(e.payload, e.time, seq, rows, spans)
    for seq, e in sorted(entries.items()):
        if int(e.payload.get("claims") or 0) > 0:
            yield Problem(
                "claim.missing",
                f"the {e.payload.get('claims')} claims that ledger entry {seq} extracted from "
                f"item {e.payload.get('item')} are no longer in the claims table (deleted behind "
                "factfinder's back)",
                seq=seq,
                table="claims",
                row=f"entry {seq}",
            )


def _check_group(
    p: Mapping[str, Any], time: str, seq: int, rows: list[Any], spans: dict[int, list[list[int]]]
) -> Iterator[Problem]:
    hashes = p.get("claim_hashes")
    bodies: list[Any] = []
    named: set[int] = set()
    for row in rows:
        try:
            body = json.loads(row.claim)
        except ValueError:
            body = None
        bodies.append(body)
        wrong = []
        if not isinstance(body, dict):
            wrong.append("its claim is not JSON")
        else:
            if isinstance(hashes, list):
                k = int(row.ordinal)
                if not (0 <= k < len(hashes)) or hashes[k] != claim_hash(body):
                    wrong.append("its claim does not hash to what the entry bound")
            for name, column, value in (
                ("is_primary", bool(row.is_primary), bool(body.get("primary"))),
                ("event_type", row.event_type, body.get("event_type")),
            ):
                if column != value:
                    wrong.append(f"{name} {column!r} is not its claim's {value!r}")
            if abs(float(row.confidence) - float(body.get("confidence") or 0)) > 0.0005:
                wrong.append(f"confidence {row.confidence} is not its claim's")
            if spans.get(int(row.id), []) != body.get("spans", []):
                wrong.append("its spans are not its claim's")
        for name, column, value in (
            ("item", row.item_id, p.get("item_id")),
            ("text_hash", row.text_hash, p.get("text_hash")),
            ("extractor", row.extractor, p.get("extractor")),
            ("created_at", row.created_at, time),
        ):
            if column != value:
                wrong.append(f"{name} {column!r} is not the entry's {value!r}")
        if wrong:
            named.add(int(row.id))
            yield _altered(
                row.id,
                f"claim {row.id} (ordinal {row.ordinal} of ledger entry {seq}): "
                f"{'; '.join(wrong)} — changed behind factfinder's back",
                seq,
            )
    ordinals = [int(r.ordinal) for r in rows]
    if ordinals != list(range(int(p.get("claims") or 0))):
        gone = sorted(set(range(int(p.get("claims") or 0))) - set(ordinals))
        yield Problem(
            "claim.missing",
            f"ledger entry {seq} extracted {p.get('claims')} claims from item {p.get('item')}; "
            f"the claims table holds ordinals {ordinals}"
            + (f" (ordinals {gone} deleted)" if gone else ""),
            seq=seq,
            table="claims",
            row=f"entry {seq} ordinal {gone[0] if gone else ordinals}",
        )
    elif not isinstance(hashes, list) and sha256_text(canonical_json(bodies)) != p.get(
        "claims_hash"
    ):
        for row in rows:
            if int(row.id) not in named:
                yield _altered(
                    row.id,
                    f"claim {row.id}: the claims of ledger entry {seq} no longer hash to what "
                    "it recorded (one of them was edited behind factfinder's back)",
                    seq,
                )


def _check_reviews(conn: Connection) -> Iterator[Problem]:
    entries = {e.seq: e for e in ledger_rows.entries_of_kinds(conn, REVIEW_KINDS)}
    for row in conn.execute(select(claim_reviews).order_by(claim_reviews.c.id)):
        e = entries.pop(int(row.seq), None)
        where = f"review {row.id} of claim {row.claim_id}"
        if e is None:
            yield Problem(
                "review.unrecorded",
                f"{where} claims ledger entry {row.seq}, which recorded no review",
                seq=int(row.seq),
                table="claim_reviews",
                row=str(row.id),
            )
            continue
        try:
            corrections = json.loads(row.corrections)
        except ValueError:
            corrections = None
        actual = (
            f"claim.{row.decision}",
            row.claim_id,
            corrections,
            row.reason,
            row.actor,
            row.created_at,
        )
        expected = (
            e.kind,
            e.payload.get("claim"),
            e.payload.get("corrections"),
            e.payload.get("reason"),
            e.actor,
            e.time,
        )
        if actual != expected:
            names = ("decision", "claim", "corrections", "reason", "actor", "created_at")
            wrong = [n for n, a, b in zip(names, actual, expected, strict=True) if a != b]
            yield Problem(
                "review.altered",
                f"{where}: {', '.join(wrong)} differ from ledger entry {e.seq} "
                "(changed behind factfinder's back)",
                seq=e.seq,
                table="claim_reviews",
                row=str(row.id),
            )
    for seq, e in sorted(entries.items()):
        yield Problem(
            "review.missing",
            f"the {e.kind} of claim {e.payload.get('claim')} (ledger entry {seq}) is no longer "
            "in the claim_reviews table",
            seq=seq,
            table="claim_reviews",
            row=f"entry {seq}",
        )
