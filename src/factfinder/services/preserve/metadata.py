"""An item's metadata and the records the ledger keeps of it: the values (`ItemMetadata`,
`Receipt`, `Parent`, `Recorded`), reading them back (`load_metadata`), and the records that
`verify` compares with the ledger (`row_record`, `acquisition_record`, `metadata_differences`).
No writes: recording is `factfinder.services.preserve.record`."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, select

from factfinder.store.schema import item_metadata
from factfinder.vault.hashing import sha256_text

METADATA_FIELDS = (
    "title",
    "author",
    "publisher",
    "published",
    "url",
    "site",
    "language",
    "external_id",
    "file_created",
    "file_modified",
    "text_status",
    "ocr_confidence",
)

# `text_status` values: None when the text is the file's own (or the item has none of its own,
# as an archive); "ocr" when it was read by OCR; else a phrase beginning "text not read" or
# "text partly read" saying why (an item whose text could not be read is never just empty).
TEXT_OCR = "ocr"


RELATIONS = ("attachment-of", "record-of", "member-of", "line-of")


@dataclass(frozen=True, slots=True)
class ItemMetadata:
    """What is known about an item's content. `published` is an ISO date or UTC timestamp."""

    title: str | None = None
    author: str | None = None
    publisher: str | None = None
    published: str | None = None
    url: str | None = None
    site: str | None = None
    language: str | None = None
    external_id: str | None = None
    text: str | None = None
    file_created: str | None = None  # when the file says it was made: not a publication date
    file_modified: str | None = None  # when the file says it was last changed
    text_status: str | None = None  # None (the file's own text), "ocr", or "text not read: …"
    ocr_confidence: float | None = None  # Tesseract's mean word confidence (0–100) when OCR'd

    @property
    def text_unread(self) -> bool:
        """True when some or all of the text could not be read (`text_status` says why)."""
        return text_unread(self.text_status)

    def record(self) -> dict[str, Any]:
        """The ledger form: every field, the text replaced by its hash."""
        out: dict[str, Any] = {name: getattr(self, name) for name in METADATA_FIELDS}
        out["text_hash"] = sha256_text(self.text) if self.text is not None else None
        return _without_empty_later_fields(out)


@dataclass(frozen=True, slots=True)
class Receipt:
    """One acquisition: where the bytes came from and what the person ingesting them said."""

    source: str  # the part's label: "mail.eml", "mail.eml!letter.pdf", "batch.jsonl:17"
    source_path: str | None = None  # the input file on disk (absolute)
    custodian: str | None = None
    publisher: str | None = None
    published: str | None = None
    url: str | None = None
    origin: Mapping[str, str] = field(default_factory=dict)

    def record(self, acquired_at: str, parent: int | None) -> dict[str, Any]:
        return {
            "acquired_at": acquired_at,
            "source": self.source,
            "source_path": self.source_path,
            "custodian": self.custodian,
            "publisher": self.publisher,
            "published": self.published,
            "url": self.url,
            "origin": dict(self.origin),
            "parent": parent,
        }


@dataclass(frozen=True, slots=True)
class Parent:
    """The container acquisition a member came out of, and how they relate."""

    seq: int
    item_id: int
    relation: str


@dataclass(frozen=True, slots=True)
class Recorded:
    item_id: int
    item_hash: str
    seq: int  # the acquisition's ledger sequence number (= its id)
    new_item: bool
    new_acquisition: bool  # False when an identical acquisition was already recorded


def load_metadata(conn: Connection, item_id: int) -> ItemMetadata:
    row = conn.execute(select(item_metadata).where(item_metadata.c.item_id == item_id)).first()
    if row is None:
        return ItemMetadata()
    return ItemMetadata(text=row.text, **{name: getattr(row, name) for name in METADATA_FIELDS})


def row_record(row: Any) -> dict[str, Any]:
    """The ledger form of an item row joined with its metadata row (for `verify`).

    The text hash is recomputed from the text column, so editing either is caught.
    """
    meta: dict[str, Any] = {name: getattr(row, name) for name in METADATA_FIELDS}
    meta["text_hash"] = sha256_text(row.text) if row.text is not None else None
    meta = _without_empty_later_fields(meta)
    return {"item": row.hash, "size": row.size, "media_type": row.media_type, "metadata": meta}


# Fields added after the first ledger entries were written: recorded only when set, so the
# ledger form of an item without them is what it always was.
_LATER_FIELDS = ("file_created", "file_modified", "text_status", "ocr_confidence")


def text_unread(status: str | None) -> bool:
    """True for a `text_status` saying some or all of an item's text could not be read."""
    return status is not None and status != TEXT_OCR


def _without_empty_later_fields(meta: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in meta.items() if k not in _LATER_FIELDS or v is not None}


def acquisition_record(row: Any) -> dict[str, Any]:
    """The ledger form of an acquisition row (for `verify`)."""
    return {
        "acquired_at": row.acquired_at,
        "source": row.source,
        "source_path": row.source_path,
        "custodian": row.custodian,
        "publisher": row.publisher,
        "published": row.published,
        "url": row.url,
        "origin": json.loads(row.origin),
        "parent": row.parent_seq,
    }


def metadata_differences(recorded: dict[str, Any], actual: dict[str, Any]) -> list[str]:
    """What differs between a ledger record of an item (`recorded`) and `row_record` of its
    rows (`actual`), as readable phrases."""
    out = []
    for name in ("size", "media_type"):
        if recorded.get(name) != actual[name]:
            out.append(f"{name} is {actual[name]!r}, the ledger recorded {recorded.get(name)!r}")
    rmeta, ameta = recorded.get("metadata") or {}, actual["metadata"]
    for name in (*METADATA_FIELDS, "text_hash"):
        if rmeta.get(name) != ameta.get(name):
            what = "text" if name == "text_hash" else name
            out.append(
                f"{what} is {_short(ameta.get(name))}, the ledger recorded "
                f"{_short(rmeta.get(name))}"
            )
    return out


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "…'"
