"""Checkpoints as C2SP signed notes (https://c2sp.org/tlog-checkpoint, https://c2sp.org/signed-note),
the form transparency-log tools (Go's golang.org/x/mod/sumdb/note, witnesses) read.

A note is its text, a blank line, then one signature line per signer:

    factfinder/0b6f3c1e-5a43-4b8e-9d7e-2f1c8a9e4d21        origin: the log's identity
    42                                                    tree size, decimal
    9Jx0…base64…=                                         the RFC 6962 root, standard base64
    time 2024-12-01T10:00:00Z                             extension line: the checkpoint's time

    — factfinder/0b6f3c1e-… AbCdEf…base64…                 signature line

The signed message is the text: the origin, size, root and extension lines, each ending in a
newline (0x0A), UTF-8, nothing else. A signature line is U+2014 (em dash), a space, the key name
(here the origin), a space and the base64 of the 4-byte key hash followed by the 64-byte Ed25519
signature. The key hash is the first 4 bytes of SHA-256(key name || 0x0A || 0x01 || the 32-byte
public key) (0x01: the Ed25519 signature type). The verifier key of Go's `note.NewVerifier` is
`<name>+<key hash, 8 hex digits>+<base64(0x01 || public key)>` (`verifier_key`).

The tree is the ledger's (leaf = H(0x00‖entry), node = H(0x01‖left‖right), as RFC 6962), signed
by the same key as the JSON checkpoint; Ed25519 signing is deterministic, so the note of a
checkpoint is always the same bytes.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass

from factfinder.errors import InvalidRecord
from factfinder.vault.hashing import format_hash, parse_hash
from factfinder.vault.signing import Checkpoint, PublicKey, SigningKey

ORIGIN_PREFIX = "factfinder/"
ED25519 = 0x01
DASH = "\u2014"
_SIZE = re.compile(r"0|[1-9][0-9]*")
_NAME_BAD = re.compile(r"[\s+]")


def origin_of(log_id: str) -> str:
    """The origin line (and key name) of a log."""
    return ORIGIN_PREFIX + log_id


def key_hash(name: str, key: PublicKey) -> bytes:
    """The 4-byte key hash of an Ed25519 key under `name` (signed-note)."""
    return hashlib.sha256(name.encode("utf-8") + b"\n" + bytes([ED25519]) + key.raw).digest()[:4]


def verifier_key(name: str, key: PublicKey) -> str:
    """The verifier key string of Go's golang.org/x/mod/sumdb/note."""
    return f"{name}+{key_hash(name, key).hex()}+" + base64.b64encode(
        bytes([ED25519]) + key.raw
    ).decode("ascii")


def note_text(cp: Checkpoint) -> str:
    """The signed message of a checkpoint's note."""
    root = base64.b64encode(parse_hash(cp.root)).decode("ascii")
    return f"{origin_of(cp.log_id)}\n{cp.size}\n{root}\ntime {cp.time}\n"


def sign_note(cp: Checkpoint, key: SigningKey) -> str:
    """The checkpoint as a signed note, signed by `key` under the name of its origin."""
    return signed_note(cp, key.public_key, key.sign)


def signed_note(cp: Checkpoint, public: PublicKey, sign: Callable[[bytes], bytes]) -> str:
    """The same, with `sign` signing for the key `public`."""
    text = note_text(cp)
    name = origin_of(cp.log_id)
    blob = key_hash(name, public) + sign(text.encode("utf-8"))
    return f"{text}\n{DASH} {name} {base64.b64encode(blob).decode('ascii')}\n"


@dataclass(frozen=True, slots=True)
class NoteSignature:
    name: str
    key_hash: bytes
    signature: bytes


@dataclass(frozen=True, slots=True)
class NoteCheckpoint:
    """A checkpoint read from a signed note."""

    text: str  # the signed message
    origin: str
    size: int
    root_bytes: bytes
    extensions: tuple[str, ...]
    signatures: tuple[NoteSignature, ...]

    @property
    def root(self) -> str:
        return format_hash(self.root_bytes)

    @property
    def log_id(self) -> str:
        return self.origin.removeprefix(ORIGIN_PREFIX)

    @property
    def time(self) -> str:
        for line in self.extensions:
            if line.startswith("time "):
                return line[5:]
        return "no time given"

    def verify(self, key: PublicKey) -> bool:
        """True when `key` signed the note under the name of its origin."""
        sig = self.signed_by(key)
        return sig is not None and sig.name == self.origin

    def signed_by(self, key: PublicKey) -> NoteSignature | None:
        """The signature line of `key` (under any name) that verifies, if any."""
        for sig in self.signatures:
            if sig.key_hash == key_hash(sig.name, key) and key.verify(
                self.text.encode("utf-8"), sig.signature
            ):
                return sig
        return None


def looks_like_note(data: bytes) -> bool:
    return f"\n\n{DASH} ".encode() in data


def parse_note(data: bytes, what: str = "note") -> NoteCheckpoint:
    """Parse a checkpoint note; `InvalidRecord` names what is malformed. Signatures are not
    checked here (`NoteCheckpoint.signed_by`)."""
    try:
        whole = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InvalidRecord(f"{what}: a note is UTF-8 ({exc})") from exc
    cut = whole.rfind("\n\n")
    if cut < 0 or not whole.endswith("\n"):
        raise InvalidRecord(f"{what}: a note is text, a blank line and signature lines")
    text, block = whole[: cut + 1], whole[cut + 2 :]
    if any(ord(c) < 0x20 and c != "\n" for c in whole) or "\x7f" in whole:
        raise InvalidRecord(f"{what}: a note holds no control characters but newlines")
    signatures = []
    for line in block.splitlines():
        parts = line.split(" ")
        if len(parts) != 3 or parts[0] != DASH or not parts[1] or _NAME_BAD.search(parts[1]):
            raise InvalidRecord(f"{what}: {line!r} is not '{DASH} <name> <signature>'")
        try:
            blob = base64.b64decode(parts[2], validate=True)
        except (binascii.Error, ValueError) as exc:
            raise InvalidRecord(f"{what}: the signature of {parts[1]} is not base64") from exc
        if len(blob) < 5:
            raise InvalidRecord(f"{what}: the signature of {parts[1]} is too short")
        signatures.append(NoteSignature(parts[1], blob[:4], blob[4:]))
    if not signatures:
        raise InvalidRecord(f"{what}: the note has no signature lines")
    lines = text.splitlines()
    if len(lines) < 3 or not all(lines):
        raise InvalidRecord(f"{what}: a checkpoint is origin, size and root, non-empty lines")
    origin, size, root = lines[:3]
    if not _SIZE.fullmatch(size):
        raise InvalidRecord(f"{what}: the tree size {size!r} is not a decimal number")
    try:
        root_bytes = base64.b64decode(root, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise InvalidRecord(f"{what}: the root hash is not base64") from exc
    if len(root_bytes) != 32 or base64.b64encode(root_bytes).decode("ascii") != root:
        raise InvalidRecord(f"{what}: the root hash is not 32 bytes of standard base64")
    return NoteCheckpoint(text, origin, int(size), root_bytes, tuple(lines[3:]), tuple(signatures))
