"""Hashes are written `sha256:<hex>` everywhere; files are hashed in chunks, never read whole;
values are hashed and signed in one serialisation, canonical JSON (`canonical_json`)."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any

from factfinder.errors import InvalidRecord

PREFIX = "sha256:"
CHUNK = 1 << 20
_HASH_RE = re.compile(r"^sha256:[0-9a-f]{64}$")


def format_hash(digest: bytes) -> str:
    """32 raw digest bytes → `sha256:<hex>`."""
    return PREFIX + digest.hex()


def is_hash(text: str) -> bool:
    return bool(_HASH_RE.match(text))


def parse_hash(text: str) -> bytes:
    """`sha256:<hex>` → 32 raw bytes; ValueError for anything else."""
    if not is_hash(text):
        raise ValueError(f"not a sha256:<64 hex digits> hash: {text!r}")
    return bytes.fromhex(text[len(PREFIX) :])


def sha256_bytes(data: bytes) -> str:
    return format_hash(hashlib.sha256(data).digest())


def sha256_text(text: str) -> str:
    """The hash of a text's UTF-8 bytes."""
    return sha256_bytes(text.encode("utf-8"))


def hash_file(path: Path) -> tuple[str, int]:
    """(`sha256:<hex>`, size) of a file, read in 1 MiB chunks."""
    h = hashlib.sha256()
    size = 0
    buf = bytearray(CHUNK)
    view = memoryview(buf)
    with path.open("rb", buffering=0) as fh:
        while n := fh.readinto(buf):
            h.update(view[:n])
            size += n
    return format_hash(h.digest()), size


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
