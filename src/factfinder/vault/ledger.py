"""Ledger entries: the leaves of the Merkle tree.

An entry's bytes are the canonical JSON (keys sorted, no spaces, UTF-8, no NaN) of

    {"actor": ..., "kind": ..., "payload": {...}, "seq": n, "subject": "item:sha256:…" | null,
     "time": "2024-05-01T12:00:00.123456Z"}

`seq` is the entry's 0-based position, which is also its leaf index in the tree; `kind` is
`<area>.<verb>` (`item.acquire`, `item.metadata`, `claim.accept`, …); the payload must bind the
thing changed (its hash, or the values written) so that `verify` can compare the database rows
with what the ledger recorded.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from factfinder.errors import InvalidRecord
from factfinder.vault.merkle import leaf_hash


def canonical_json(obj: Any) -> str:
    """The one serialisation used for everything that is hashed or signed."""
    try:
        return json.dumps(
            obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
        )
    except (TypeError, ValueError) as exc:
        raise InvalidRecord(f"value cannot go into the ledger: {exc}") from exc


def canonical_bytes(obj: Any) -> bytes:
    try:
        return canonical_json(obj).encode("utf-8")
    except UnicodeEncodeError as exc:  # a lone surrogate in some string
        raise InvalidRecord(f"value cannot go into the ledger: {exc}") from exc


def format_time(moment: dt.datetime) -> str:
    """A timezone-aware time → ISO 8601 UTC with microseconds and `Z` (sortable as text)."""
    if moment.tzinfo is None:
        raise ValueError("ledger times must be timezone-aware")
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def parse_time(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass(frozen=True, slots=True)
class LedgerEntry:
    """One appended entry: its fields, its exact bytes and its leaf hash."""

    seq: int
    kind: str
    actor: str
    time: str
    payload: Mapping[str, Any]
    entry: str
    leaf_hash: bytes
    subject: str | None = None

    @property
    def created_at(self) -> dt.datetime:
        return parse_time(self.time)

    @classmethod
    def make(
        cls,
        seq: int,
        kind: str,
        actor: str,
        time: str,
        payload: Mapping[str, Any],
        subject: str | None = None,
    ) -> LedgerEntry:
        if not kind or not isinstance(kind, str):
            raise InvalidRecord("a ledger entry needs a kind")
        if not actor or not isinstance(actor, str):
            raise InvalidRecord("a ledger entry needs an actor")
        body = {
            "actor": actor,
            "kind": kind,
            "payload": dict(payload),
            "seq": seq,
            "subject": subject,
            "time": time,
        }
        text = canonical_json(body)
        return cls(seq, kind, actor, time, payload, text, leaf_hash(text.encode("utf-8")), subject)

    @classmethod
    def parse(cls, entry: str) -> LedgerEntry:
        """Read an entry back from its stored text (the leaf hash is recomputed from it)."""
        try:
            body = json.loads(entry)
            if not isinstance(body, dict):
                raise TypeError("not a JSON object")
            subject = body.get("subject")
            return cls(
                int(body["seq"]),
                str(body["kind"]),
                str(body["actor"]),
                str(body["time"]),
                dict(body["payload"]),
                entry,
                leaf_hash(entry.encode("utf-8")),
                None if subject is None else str(subject),
            )
        except (ValueError, KeyError, TypeError) as exc:
            raise InvalidRecord(f"not a ledger entry: {exc}") from exc

    def framing(self) -> tuple[str, str]:
        """The text around the payload; see `entry_framing`."""
        return entry_framing(self.seq, self.kind, self.actor, self.time, self.subject)

    def to_json(self) -> dict[str, Any]:
        return {
            "seq": self.seq,
            "kind": self.kind,
            "actor": self.actor,
            "time": self.time,
            "subject": self.subject,
            "payload": dict(self.payload),
        }


def entry_framing(
    seq: int, kind: str, actor: str, time: str, subject: str | None
) -> tuple[str, str]:
    """The exact text an entry with these fields starts and ends with (around its payload).

    Canonical JSON sorts keys, so an entry is `{"actor":…,"kind":…,"payload":` + payload +
    `,"seq":…,"subject":…,"time":…}`. Comparing a stored entry with the framing built from its
    row's columns checks seq, kind, actor, subject and time without parsing the payload — the
    verifier does it a million times.
    """
    dumps = json.dumps
    prefix = f'{{"actor":{dumps(actor, ensure_ascii=False)},"kind":{dumps(kind, ensure_ascii=False)},"payload":'
    return prefix, entry_suffix(seq, subject, time)


def entry_suffix(seq: int, subject: str | None, time: str) -> str:
    """The text after an entry's payload (see `entry_framing`)."""
    subj = "null" if subject is None else _json_string(subject)
    return f',"seq":{seq},"subject":{subj},"time":{_json_string(time)}}}'


def _json_string(text: str) -> str:
    # Most strings need no escaping; skip json.dumps for them (this runs per verified entry).
    if text.isprintable() and '"' not in text and "\\" not in text:
        return f'"{text}"'
    return json.dumps(text, ensure_ascii=False)
