"""Ed25519 signing keys and signed checkpoints (tree heads).

A checkpoint says "the ledger of log L had `size` entries and root `root` at `time`". The signed
message is the canonical JSON of exactly those fields plus a type tag, so anyone holding the
public key (PEM, or 64 hex digits of the raw key) can check it without factfinder's database.
The key id is `sha256:<hex>` of the raw 32-byte public key.
"""

from __future__ import annotations

import base64
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from factfinder.errors import InvalidRecord, ProjectError
from factfinder.vault.hashing import canonical_bytes, format_hash

CHECKPOINT_TYPE = "factfinder.checkpoint.v1"


@dataclass(frozen=True, slots=True)
class PublicKey:
    raw: bytes

    @property
    def key_id(self) -> str:
        return format_hash(hashlib.sha256(self.raw).digest())

    def to_hex(self) -> str:
        return self.raw.hex()

    def to_pem(self) -> str:
        key = Ed25519PublicKey.from_public_bytes(self.raw)
        return key.public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        ).decode("ascii")

    def verify(self, message: bytes, signature: bytes) -> bool:
        try:
            Ed25519PublicKey.from_public_bytes(self.raw).verify(signature, message)
        except InvalidSignature:
            return False
        return True

    @classmethod
    def from_text(cls, text: str, what: str = "public key") -> PublicKey:
        """A PEM public key or the 64 hex digits of the raw key."""
        text = text.strip()
        if text.startswith("-----BEGIN"):
            try:
                key = serialization.load_pem_public_key(text.encode("ascii"))
            except ValueError as exc:
                raise InvalidRecord(f"{what}: not a PEM public key ({exc})") from exc
            if not isinstance(key, Ed25519PublicKey):
                raise InvalidRecord(f"{what}: not an Ed25519 key")
            return cls(key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw))
        try:
            raw = bytes.fromhex(text)
        except ValueError as exc:
            raise InvalidRecord(f"{what}: neither PEM nor hex") from exc
        if len(raw) != 32:
            raise InvalidRecord(f"{what}: an Ed25519 key is 32 bytes, got {len(raw)}")
        return cls(raw)

    @classmethod
    def load(cls, path: Path) -> PublicKey:
        try:
            text = path.read_text(encoding="ascii")
        except (OSError, UnicodeDecodeError) as exc:
            raise InvalidRecord(f"{path}: cannot read public key ({exc})") from exc
        return cls.from_text(text, str(path))


class SigningKey:
    """The project's private key. Written once at init with mode 0600."""

    def __init__(self, key: Ed25519PrivateKey) -> None:
        self._key = key

    @classmethod
    def generate(cls) -> SigningKey:
        return cls(Ed25519PrivateKey.generate())

    @property
    def public_key(self) -> PublicKey:
        raw = self._key.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )
        return PublicKey(raw)

    def sign(self, message: bytes) -> bytes:
        return self._key.sign(message)

    def save(self, private_path: Path, public_pem: Path, public_hex: Path) -> None:
        """Write the private key (PKCS#8 PEM, mode 0600, never overwritten) and the public key."""
        pem = self._key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        private_path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(private_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(pem)
            fh.flush()
            os.fsync(fh.fileno())
        public_pem.write_text(self.public_key.to_pem(), encoding="ascii")
        public_hex.write_text(self.public_key.to_hex() + "\n", encoding="ascii")

    @classmethod
    def load(cls, path: Path) -> SigningKey:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise ProjectError(f"cannot read the signing key {path}: {exc.strerror}") from exc
        try:
            key = serialization.load_pem_private_key(data, password=None)
        except (ValueError, TypeError) as exc:
            raise ProjectError(f"{path} is not an unencrypted PEM private key") from exc
        if not isinstance(key, Ed25519PrivateKey):
            raise ProjectError(f"{path} is not an Ed25519 key")
        return cls(key)


@dataclass(frozen=True, slots=True)
class Checkpoint:
    """A signed tree head. `root` is `sha256:<hex>`, `time` ISO UTC, `signature` base64."""

    log_id: str
    size: int
    root: str
    time: str
    key_id: str
    signature: str

    def message(self) -> bytes:
        return checkpoint_message(self.log_id, self.size, self.root, self.time)

    def verify(self, key: PublicKey) -> bool:
        """True when `key` signed exactly these fields."""
        if key.key_id != self.key_id:
            return False
        try:
            signature = base64.b64decode(self.signature, validate=True)
        except ValueError:
            return False
        return key.verify(self.message(), signature)

    def to_json(self) -> dict[str, Any]:
        return {
            "type": CHECKPOINT_TYPE,
            "log": self.log_id,
            "size": self.size,
            "root": self.root,
            "time": self.time,
            "key_id": self.key_id,
            "signature": self.signature,
        }

    @classmethod
    def from_json(cls, obj: Any) -> Checkpoint:
        if not isinstance(obj, dict) or obj.get("type") != CHECKPOINT_TYPE:
            raise InvalidRecord(f"not a {CHECKPOINT_TYPE} object")
        try:
            size = obj["size"]
            if not isinstance(size, int) or isinstance(size, bool) or size < 0:
                raise InvalidRecord("checkpoint size must be a non-negative integer")
            return cls(
                str(obj["log"]),
                size,
                str(obj["root"]),
                str(obj["time"]),
                str(obj["key_id"]),
                str(obj["signature"]),
            )
        except KeyError as exc:
            raise InvalidRecord(f"checkpoint lacks {exc.args[0]!r}") from exc


def checkpoint_message(log_id: str, size: int, root: str, time: str) -> bytes:
    return canonical_bytes(
        {"type": CHECKPOINT_TYPE, "log": log_id, "size": size, "root": root, "time": time}
    )


def sign_checkpoint(key: SigningKey, log_id: str, size: int, root: str, time: str) -> Checkpoint:
    signature = key.sign(checkpoint_message(log_id, size, root, time))
    return Checkpoint(
        log_id, size, root, time, key.public_key.key_id, base64.b64encode(signature).decode("ascii")
    )
