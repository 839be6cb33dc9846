"""Proof documents: JSON a third party checks with only the project's public key.

An inclusion proof carries the exact ledger entry text, its leaf index, the audit path and the
signed checkpoint it leads to:

    {"type": "factfinder.inclusion-proof.v1", "leaf_index": 5, "entry": "{\"actor\":…}",
     "audit_path": ["sha256:…", …], "checkpoint": {"type": "factfinder.checkpoint.v1", …},
     "public_key": "<hex>"}

A consistency proof shows the ledger at one checkpoint is a prefix of the ledger at a later one:

    {"type": "factfinder.consistency-proof.v1", "first": {checkpoint}, "second": {checkpoint},
     "path": ["sha256:…", …], "public_key": "<hex>"}

A bare signed checkpoint (`{"type": "factfinder.checkpoint.v1", …}`, what `factfinder
checkpoint --json` prints) is accepted too: kept outside the project, it is what a later
`verify --against` or `verify-proof --project` holds the ledger to (a rollback fails it). So is
the same checkpoint as a C2SP signed note (`factfinder checkpoint --format c2sp`,
`factfinder.vault.note`).

`public_key` only says which key the maker used; verification uses the key the checker trusts.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from factfinder.errors import InvalidRecord
from factfinder.vault.hashing import format_hash, hash_file, parse_hash
from factfinder.vault.ledger import LedgerEntry
from factfinder.vault.merkle import leaf_hash, root_from_inclusion, verify_consistency
from factfinder.vault.note import NoteCheckpoint, looks_like_note, parse_note
from factfinder.vault.signing import CHECKPOINT_TYPE, Checkpoint, PublicKey

INCLUSION_TYPE = "factfinder.inclusion-proof.v1"
CONSISTENCY_TYPE = "factfinder.consistency-proof.v1"


@dataclass(frozen=True, slots=True)
class InclusionProof:
    entry: str
    leaf_index: int
    audit_path: tuple[str, ...]
    checkpoint: Checkpoint
    public_key: str

    def to_json(self) -> dict[str, Any]:
        return {
            "type": INCLUSION_TYPE,
            "leaf_index": self.leaf_index,
            "entry": self.entry,
            "audit_path": list(self.audit_path),
            "checkpoint": self.checkpoint.to_json(),
            "public_key": self.public_key,
        }

    @property
    def parsed_entry(self) -> LedgerEntry:
        return LedgerEntry.parse(self.entry)


@dataclass(frozen=True, slots=True)
class ConsistencyProof:
    first: Checkpoint
    second: Checkpoint
    path: tuple[str, ...]
    public_key: str

    def to_json(self) -> dict[str, Any]:
        return {
            "type": CONSISTENCY_TYPE,
            "first": self.first.to_json(),
            "second": self.second.to_json(),
            "path": list(self.path),
            "public_key": self.public_key,
        }


Proof = InclusionProof | ConsistencyProof | Checkpoint | NoteCheckpoint


@dataclass(frozen=True, slots=True)
class ProofCheck:
    """The outcome: `ok`, and one line per check made (failed ones start with "FAIL")."""

    ok: bool
    lines: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {"ok": self.ok, "checks": list(self.lines)}


class Checks:
    """The checks of one proof as they are made: `check(passed, good, bad)` notes a line each
    ("FAIL …" when it failed); `result()` is the `ProofCheck`."""

    def __init__(self) -> None:
        self.ok = True
        self.lines: list[str] = []

    def __call__(self, passed: bool, good: str, bad: str) -> None:
        self.ok = self.ok and passed
        self.lines.append(good if passed else f"FAIL {bad}")

    def result(self) -> ProofCheck:
        return ProofCheck(self.ok, tuple(self.lines))


def load_proof(obj: Any, what: str = "proof") -> Proof:
    if not isinstance(obj, dict):
        raise InvalidRecord(f"{what}: not a JSON object")
    try:
        kind = obj.get("type")
        if kind == INCLUSION_TYPE:
            index = obj["leaf_index"]
            if not isinstance(index, int) or isinstance(index, bool):
                raise InvalidRecord(f"{what}: leaf_index must be an integer")
            return InclusionProof(
                str(obj["entry"]),
                index,
                tuple(map(str, obj["audit_path"])),
                Checkpoint.from_json(obj["checkpoint"]),
                str(obj.get("public_key", "")),
            )
        if kind == CHECKPOINT_TYPE:
            return Checkpoint.from_json(obj)
        if kind == CONSISTENCY_TYPE:
            return ConsistencyProof(
                Checkpoint.from_json(obj["first"]),
                Checkpoint.from_json(obj["second"]),
                tuple(map(str, obj["path"])),
                str(obj.get("public_key", "")),
            )
    except (KeyError, TypeError) as exc:
        raise InvalidRecord(f"{what}: missing or malformed field {exc}") from exc
    raise InvalidRecord(f"{what}: unknown proof type {obj.get('type')!r}")


def read_proof(path: Path) -> Proof:
    """A proof document (JSON) or a checkpoint note."""
    try:
        data = path.read_bytes()
        if looks_like_note(data) and not data.lstrip().startswith(b"{"):
            return parse_note(data, str(path))
        obj = json.loads(data.decode("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InvalidRecord(f"{path}: cannot read the proof ({exc})") from exc
    return load_proof(obj, str(path))


def read_checkpoint(path: Path) -> Checkpoint | NoteCheckpoint:
    """A checkpoint kept outside the project: a bare checkpoint, or the one a proof ends at
    (the later one of a consistency proof)."""
    doc = read_proof(path)
    if isinstance(doc, InclusionProof):
        return doc.checkpoint
    if isinstance(doc, ConsistencyProof):
        return doc.second
    return doc


def _hashes(values: tuple[str, ...]) -> list[bytes] | None:
    try:
        return [parse_hash(v) for v in values]
    except ValueError:
        return None


def verify_proof(proof: Proof, key: PublicKey, evidence: Path | None = None) -> ProofCheck:
    """Check a proof with the trusted public key (and, for an item, optionally its file)."""
    if isinstance(proof, ConsistencyProof):
        return _verify_consistency(proof, key)
    if isinstance(proof, NoteCheckpoint):
        return _verify_note(proof, key)
    if isinstance(proof, Checkpoint):
        check = Checks()
        check(
            proof.verify(key),
            f"checkpoint (size {proof.size}, root {proof.root}, {proof.time}) is signed by "
            f"{key.key_id}",
            f"checkpoint (size {proof.size}) is not signed by the trusted key {key.key_id}",
        )
        return check.result()
    return _verify_inclusion(proof, key, evidence)


def _verify_inclusion(proof: InclusionProof, key: PublicKey, evidence: Path | None) -> ProofCheck:
    check = Checks()
    cp = proof.checkpoint
    check(
        cp.verify(key),
        f"checkpoint (size {cp.size}, root {cp.root}) is signed by {key.key_id}",
        f"checkpoint (size {cp.size}) is not signed by the trusted key {key.key_id}",
    )
    try:
        entry = proof.parsed_entry
    except InvalidRecord:
        check(False, "", "the entry is not a factfinder ledger entry")
        return check.result()
    check(
        entry.seq == proof.leaf_index,
        f"entry {entry.seq} ({entry.kind}, {entry.time})",
        f"the entry says it is entry {entry.seq}, the proof says leaf {proof.leaf_index}",
    )
    path = _hashes(proof.audit_path)
    root = None
    if path is not None:
        root = root_from_inclusion(proof.leaf_index, cp.size, leaf_hash(proof.entry.encode()), path)
    check(
        root is not None and format_hash(root) == cp.root,
        f"the audit path leads from the entry to the checkpoint root ({len(proof.audit_path)} "
        "hashes)",
        "the entry is not in the tree the checkpoint signs (audit path mismatch)",
    )
    if evidence is not None:
        item = entry.payload.get("item")
        try:
            actual, _ = hash_file(evidence)
        except OSError as exc:
            check(False, "", f"cannot read {evidence}: {exc.strerror}")
        else:
            check(
                actual == item,
                f"{evidence} hashes to {actual}, the item the entry records",
                f"{evidence} hashes to {actual}, but the entry records {item}",
            )
    return check.result()


def _verify_consistency(proof: ConsistencyProof, key: PublicKey) -> ProofCheck:
    check = Checks()
    for name, cp in (("first", proof.first), ("second", proof.second)):
        check(
            cp.verify(key),
            f"{name} checkpoint (size {cp.size}) is signed by {key.key_id}",
            f"{name} checkpoint (size {cp.size}) is not signed by the trusted key",
        )
    if proof.first.log_id != proof.second.log_id:
        check(False, "", "the two checkpoints belong to different logs")
    path = _hashes(proof.path)
    try:
        r1, r2 = parse_hash(proof.first.root), parse_hash(proof.second.root)
    except ValueError:
        path = None
    check(
        path is not None and verify_consistency(proof.first.size, proof.second.size, path, r1, r2),
        f"the ledger at size {proof.first.size} is a prefix of the ledger at size "
        f"{proof.second.size}",
        f"the ledger at size {proof.first.size} is not a prefix of the one at size "
        f"{proof.second.size}: entries were changed or removed in between",
    )
    return check.result()


def _verify_note(note: NoteCheckpoint, key: PublicKey) -> ProofCheck:
    check = Checks()
    sig = note.signed_by(key)
    check(
        sig is not None,
        f"checkpoint note (size {note.size}, root {note.root}, {note.time}) is signed by "
        f"{key.key_id} as {sig.name if sig else ''}",
        f"checkpoint note (size {note.size}) has no signature by the trusted key {key.key_id} "
        f"(signers: {', '.join(s.name for s in note.signatures)})",
    )
    if sig is not None:
        check(
            sig.name == note.origin,
            f"the key name is the note's origin ({note.origin})",
            f"the key signed as {sig.name}, not as the note's origin {note.origin}",
        )
    return check.result()
