"""Claims in a project: extract them from ingested items and store them with spans (commands);
reading them back is `factfinder.services.claims.queries`.

`extract_items(project)` runs the extractor over every item that has text and no claims yet
from the current text (or over the items named), and stores each item's claims in one
transaction with one ledger entry `extract.claims` whose payload binds what was written: the
item's hash, the hash of the text the claims were read from, the extractor version and the
`sha256:` of the canonical JSON of the claims (so `verify`-style checks can recompute it).
An item whose text is unchanged since its last extraction is skipped unless `redo=True`;
a re-extraction appends new rows (the old ones stay, superseded: the record is append-only) and
`list_claims` shows the latest extraction of each item.

A failure on one item is reported through `on_error` with the item and the stage, and the run
goes on.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from types import SimpleNamespace
from typing import Any

from sqlalchemy import insert, select

from factfinder import __version__
from factfinder.errors import InputError, InvalidRecord
from factfinder.model import Claim, Document, parse_date
from factfinder.services.claims.integrity import claim_hash
from factfinder.services.claims.queries import latest_extractions
from factfinder.services.preserve.inputs import normalise_published
from factfinder.services.preserve.items import find_item_id
from factfinder.services.preserve.metadata import ItemMetadata, load_metadata
from factfinder.services.preserve.record import update_item_metadata
from factfinder.services.project import Project, Transaction
from factfinder.store.schema import item_metadata, items
from factfinder.store.schema_claims import claim_spans, claims
from factfinder.subjects import item_subject
from factfinder.vault.hashing import canonical_json, sha256_text

EXTRACTOR = f"factfinder-extract/{__version__}"


@dataclass
class ExtractReport:
    """What `extract_items` did."""

    items: int = 0
    extracted: int = 0
    skipped: int = 0
    claims: int = 0
    failed: int = 0


def _document(row: Any) -> Document:
    published = None
    try:
        published = parse_date(row.published)
    except Exception:  # an unreadable stored date anchors nothing; the text may still date it
        published = None
    return Document(
        id=row.external_id or row.hash,
        text=row.text,
        title=row.title,
        published=published,
        publisher=row.publisher,
        url=row.url,
        language=row.language,
    )


def extract_items(
    project: Project,
    *,
    actor: str | None = None,
    item_ids: Sequence[int] | None = None,
    redo: bool = False,
    on_error: Callable[[InputError], None] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ExtractReport:
    """Extract and store the claims of the project's items (see the module docstring)."""
    # Deferred: the extractor and the gazetteer (~0.3 s) load only when a run extracts.
    from factfinder.extract.pipeline import extract_document

    report = ExtractReport()
    with project.read() as conn:
        query = (
            select(
                items.c.id,
                items.c.hash,
                item_metadata.c.text,
                item_metadata.c.title,
                item_metadata.c.published,
                item_metadata.c.publisher,
                item_metadata.c.url,
                item_metadata.c.language,
                item_metadata.c.external_id,
            )
            .join(item_metadata, item_metadata.c.item_id == items.c.id)
            .where(item_metadata.c.text.is_not(None))
            .order_by(items.c.id)
        )
        if item_ids is not None:
            query = query.where(items.c.id.in_(list(item_ids)))
        rows = list(conn.execute(query))
        # The ledger remembers every extraction, also those that found no claim.
        done = {item: text_hash for item, (_, text_hash) in latest_extractions(conn).items()}
    report.items = len(rows)
    for n, row in enumerate(rows, start=1):
        text_hash = sha256_text(row.text)
        if not redo and done.get(row.id) == text_hash:
            report.skipped += 1
        else:
            try:
                found = extract_document(_document(row)).claims
                _store(project, actor, row.id, row.hash, text_hash, found)
                report.extracted += 1
                report.claims += len(found)
            except Exception as exc:  # one item's failure must not stop the run
                report.failed += 1
                if on_error is not None:
                    on_error(
                        InputError(f"item {row.hash}", f"extraction failed: {exc}", stage="extract")
                    )
        if progress is not None:
            progress(n, len(rows))
    return report


def _store(
    project: Project,
    actor: str | None,
    item_id: int,
    item_hash: str,
    text_hash: str,
    found: Sequence[Claim],
) -> None:
    with project.transaction(actor=actor) as tx:
        _store_in(tx, item_id, item_hash, text_hash, found)


def _store_in(
    tx: Transaction, item_id: int, item_hash: str, text_hash: str, found: Sequence[Claim]
) -> None:
    """The rows and the `extract.claims` ledger entry of one extraction, in `tx`."""
    as_json = [c.to_json() for c in found]
    entry = tx.append_ledger(
        "extract.claims",
        {
            "item": item_hash,
            "item_id": item_id,
            "text_hash": text_hash,
            "extractor": EXTRACTOR,
            "claims": len(found),
            "claims_hash": sha256_text(canonical_json(as_json)),
            "claim_hashes": [claim_hash(obj) for obj in as_json],
        },
        subject=item_subject(item_hash),
    )
    for k, (claim, obj) in enumerate(zip(found, as_json, strict=True)):
        key = tx.conn.execute(
            insert(claims).values(
                item_id=item_id,
                ordinal=k,
                is_primary=claim.primary,
                event_type=claim.event_type,
                confidence=claim.confidence,
                claim=canonical_json(obj),
                text_hash=text_hash,
                extractor=EXTRACTOR,
                seq=entry.seq,
                created_at=tx.now,
            )
        ).inserted_primary_key
        assert key is not None
        claim_id = key[0]
        if claim.spans:
            tx.conn.execute(
                insert(claim_spans),
                [
                    {"claim_id": claim_id, "ordinal": j, "start": a, "end": b}
                    for j, (a, b) in enumerate(claim.spans)
                ],
            )


@dataclass(frozen=True, slots=True)
class MetadataCorrection:
    """What `correct_item_metadata` did: the item, its new metadata, the claims re-read."""

    item_id: int
    item_hash: str
    metadata: ItemMetadata
    claims: tuple[Claim, ...]

    def to_json(self) -> dict[str, Any]:
        meta = self.metadata
        return {
            "item": self.item_hash,
            "item_id": self.item_id,
            "published": meta.published,
            "publisher": meta.publisher,
            "url": meta.url,
            "title": meta.title,
            "claims": [c.to_json() for c in self.claims],
        }


def correct_item_metadata(
    project: Project,
    ref: str,
    *,
    actor: str | None = None,
    published: str | None = None,
    publisher: str | None = None,
    url: str | None = None,
    title: str | None = None,
) -> MetadataCorrection:
    """Correct an item's publication date, publisher, URL or title, and re-extract its claims.

    One transaction: the `item.metadata` ledger entry (the complete new metadata) and, when the
    item has text, a new extraction (`extract.claims`) read with the corrected values, so a
    relative date ("on Tuesday") is resolved against the corrected publication date. Values not
    given stay as they are. `published` must be an ISO date or timestamp.
    """
    # Deferred: the extractor and the gazetteer (~0.3 s) load only when a run extracts.
    from factfinder.extract.pipeline import extract_document

    changes: dict[str, str | None] = {
        k: v
        for k, v in (
            ("published", normalise_published(published) if published is not None else None),
            ("publisher", publisher),
            ("url", url),
            ("title", title),
        )
        if v is not None
    }
    if not changes:
        raise InvalidRecord("nothing to correct: give --published, --publisher, --url or --title")
    with project.transaction(actor=actor) as tx:
        item_id = find_item_id(tx.conn, ref)
        item_hash = tx.conn.execute(select(items.c.hash).where(items.c.id == item_id)).scalar_one()
        update_item_metadata(tx, item_id, **changes)
        meta = load_metadata(tx.conn, item_id)
        found: tuple[Claim, ...] = ()
        if meta.text is not None:
            row = SimpleNamespace(hash=item_hash, **asdict(meta))
            found = extract_document(_document(row)).claims
            _store_in(tx, item_id, item_hash, sha256_text(meta.text), found)
    return MetadataCorrection(item_id, item_hash, meta, found)
