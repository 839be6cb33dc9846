"""Read-only queries over items: list, find by reference, show with custody history, search.

An item reference is its local id (`12`), a unique prefix of its hash (`sha256:ab12…` or just
`ab12…`, at least 4 hex digits), or the `external_id` of a batch document (`fakes-1914947536`).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, func, select

from factfinder.errors import NotFound
from factfinder.services.project import Project
from factfinder.store.schema import acquisitions, item_links, item_metadata, items
from factfinder.store.search import search_item_ids
from factfinder.subjects import item_subject
from factfinder.vault import ledger as ledger_rows
from factfinder.vault.ledger import LedgerEntry

EXCERPT_CHARS = 600
_HEX = re.compile(r"^[0-9a-f]{4,64}$")


@dataclass(frozen=True, slots=True)
class ItemSummary:
    id: int
    hash: str
    size: int
    media_type: str
    created_at: str
    title: str | None
    publisher: str | None
    published: str | None
    url: str | None
    language: str | None
    external_id: str | None
    acquisitions: int
    text_status: str | None = None  # None, "ocr" or "text not read: …"
    ocr_confidence: float | None = None

    def to_json(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__slots__}


@dataclass(frozen=True, slots=True)
class AcquisitionView:
    seq: int
    acquired_at: str
    actor: str
    source: str
    source_path: str | None
    custodian: str | None
    publisher: str | None
    published: str | None
    url: str | None
    origin: dict[str, str]
    parent_seq: int | None

    def to_json(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__slots__}


@dataclass(frozen=True, slots=True)
class LinkView:
    relation: str  # as seen from this item: "attachment-of" (it is inside) or "has-attachment"
    item_id: int
    item_hash: str
    title: str | None

    def to_json(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__slots__}


@dataclass(frozen=True, slots=True)
class ItemDetail:
    summary: ItemSummary
    author: str | None
    site: str | None
    text_hash: str | None
    text_length: int
    excerpt: str | None
    acquisitions: tuple[AcquisitionView, ...]
    links: tuple[LinkView, ...]
    ledger: tuple[LedgerEntry, ...]
    file_created: str | None = None  # the file's own creation date: not `published`
    file_modified: str | None = None  # the file's own modification date

    def to_json(self) -> dict[str, Any]:
        return {
            **self.summary.to_json(),
            "author": self.author,
            "file_created": self.file_created,
            "file_modified": self.file_modified,
            "site": self.site,
            "text_hash": self.text_hash,
            "text_length": self.text_length,
            "excerpt": self.excerpt,
            "acquisition_history": [a.to_json() for a in self.acquisitions],
            "links": [link.to_json() for link in self.links],
            "ledger": [e.to_json() for e in self.ledger],
        }


def summary_query() -> Any:
    """The SELECT of the item list's columns (item, metadata, number of acquisitions), one row
    per item, for `item_summary`; callers add their WHERE, ORDER and LIMIT."""
    count = (
        select(func.count())
        .select_from(acquisitions)
        .where(acquisitions.c.item_id == items.c.id)
        .scalar_subquery()
    )
    m = item_metadata.c
    return select(
        items.c.id,
        items.c.hash,
        items.c.size,
        items.c.media_type,
        items.c.created_at,
        m.title,
        m.publisher,
        m.published,
        m.url,
        m.language,
        m.external_id,
        m.text_status,
        m.ocr_confidence,
        count.label("n_acq"),
    ).select_from(items.outerjoin(item_metadata, item_metadata.c.item_id == items.c.id))


def item_summary(row: Any) -> ItemSummary:
    """An `ItemSummary` from a row of `summary_query()`."""
    return ItemSummary(
        row.id,
        row.hash,
        row.size,
        row.media_type,
        row.created_at,
        row.title,
        row.publisher,
        row.published,
        row.url,
        row.language,
        row.external_id,
        int(row.n_acq),
        row.text_status,
        row.ocr_confidence,
    )


def list_items(
    project: Project, *, limit: int = 50, offset: int = 0, search: str | None = None
) -> tuple[list[ItemSummary], int]:
    """(a page of items, the total). With `search`, the best full-text matches first."""
    with project.read() as conn:
        if search:
            ids = search_item_ids(conn, search, limit=offset + limit)
            page = ids[offset:]
            rows = {r.id: r for r in conn.execute(summary_query().where(items.c.id.in_(page)))}
            return [item_summary(rows[i]) for i in page if i in rows], len(ids)
        total = conn.execute(select(func.count()).select_from(items)).scalar_one()
        rows_ = conn.execute(summary_query().order_by(items.c.id).limit(limit).offset(offset))
        return [item_summary(r) for r in rows_], int(total)


def find_item_id(conn: Connection, ref: str) -> int:
    """The id of the one item `ref` names; `NotFound` when none or several match."""
    ref = ref.strip()
    lowered = ref.lower()
    if lowered.isdigit():
        found = conn.execute(select(items.c.id).where(items.c.id == int(lowered))).scalar()
        if found is not None:
            return int(found)
    prefix = lowered.removeprefix("sha256:")
    if _HEX.match(prefix):
        matches = conn.execute(
            select(items.c.id, items.c.hash).where(items.c.hash.like(f"sha256:{prefix}%")).limit(5)
        ).all()
        if len(matches) == 1:
            return int(matches[0].id)
        if len(matches) > 1:
            listed = ", ".join(m.hash[:19] + "…" for m in matches)
            raise NotFound(f"item {ref!r} is ambiguous ({listed}); give more digits")
    ext = conn.execute(
        select(item_metadata.c.item_id).where(item_metadata.c.external_id == ref).limit(2)
    ).all()
    if len(ext) == 1:
        return int(ext[0].item_id)
    if len(ext) > 1:
        raise NotFound(f"several items have the external id {ref!r}; use a hash prefix")
    raise NotFound(f"no item {ref!r} (give an id, a hash prefix or an external id)")


def show_item(project: Project, ref: str, *, excerpt_chars: int = EXCERPT_CHARS) -> ItemDetail:
    """Everything about one item: metadata, text excerpt, acquisitions, links, ledger entries."""
    with project.read() as conn:
        item_id = find_item_id(conn, ref)
        row = conn.execute(summary_query().where(items.c.id == item_id)).one()
        meta = conn.execute(select(item_metadata).where(item_metadata.c.item_id == item_id)).first()
        acq = [
            AcquisitionView(
                a.seq,
                a.acquired_at,
                a.actor,
                a.source,
                a.source_path,
                a.custodian,
                a.publisher,
                a.published,
                a.url,
                json.loads(a.origin),
                a.parent_seq,
            )
            for a in conn.execute(
                select(acquisitions)
                .where(acquisitions.c.item_id == item_id)
                .order_by(acquisitions.c.seq)
            )
        ]
        links = _links(conn, item_id)
        entries = ledger_rows.entries_for_subject(conn, item_subject(row.hash))
    text = meta.text if meta is not None else None
    return ItemDetail(
        summary=item_summary(row),
        author=meta.author if meta is not None else None,
        site=meta.site if meta is not None else None,
        text_hash=meta.text_hash if meta is not None else None,
        text_length=len(text) if text else 0,
        excerpt=text[:excerpt_chars] if text else None,
        acquisitions=tuple(acq),
        links=tuple(links),
        ledger=tuple(entries),
        file_created=meta.file_created if meta is not None else None,
        file_modified=meta.file_modified if meta is not None else None,
    )


def item_text_status(project: Project, item_id: int) -> tuple[str | None, float | None]:
    """(text_status, ocr_confidence) of an item: how its text was read (None, "ocr", or
    "text not read: …") — for a reviewer weighing a claim read from that text."""
    m = item_metadata.c
    with project.read() as conn:
        row = conn.execute(
            select(m.text_status, m.ocr_confidence).where(m.item_id == item_id)
        ).first()
    return (row.text_status, row.ocr_confidence) if row is not None else (None, None)


def item_text(project: Project, ref: str) -> tuple[int, str | None]:
    """(item id, its full text) — for extraction over the database."""
    with project.read() as conn:
        item_id = find_item_id(conn, ref)
        text = conn.execute(
            select(item_metadata.c.text).where(item_metadata.c.item_id == item_id)
        ).scalar()
    return item_id, text


_INVERSE = {
    "attachment-of": "has-attachment",
    "record-of": "has-record",
    "member-of": "has-member",
    "line-of": "has-line",
}


def _links(conn: Connection, item_id: int) -> list[LinkView]:
    out = []
    link, other, meta = item_links.c, items.alias("other"), item_metadata.c
    outward = conn.execute(
        select(link.relation, other.c.id, other.c.hash, meta.title)
        .select_from(
            item_links.join(other, other.c.id == link.related_item_id).outerjoin(
                item_metadata, meta.item_id == other.c.id
            )
        )
        .where(link.item_id == item_id)
        .order_by(link.id)
    )
    out += [LinkView(r.relation, r.id, r.hash, r.title) for r in outward]
    inward = conn.execute(
        select(link.relation, other.c.id, other.c.hash, meta.title)
        .select_from(
            item_links.join(other, other.c.id == link.item_id).outerjoin(
                item_metadata, meta.item_id == other.c.id
            )
        )
        .where(link.related_item_id == item_id)
        .order_by(link.id)
    )
    out += [LinkView(_INVERSE.get(r.relation, r.relation), r.id, r.hash, r.title) for r in inward]
    return out
