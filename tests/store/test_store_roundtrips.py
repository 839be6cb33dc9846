"""Round trips of the claim format and of storage, on SQLite and PostgreSQL: any claim survives
its JSON and canonical forms; documents ingested come back with their text and metadata; the
claims an extraction stores are read back equal to those the extractor returned."""

from __future__ import annotations

import datetime as dt
import itertools
import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factfinder.extract.pipeline import extract_document
from factfinder.intake.language import detect_language
from factfinder.model import Claim, Document, DocumentClaims
from factfinder.services import Project
from factfinder.services.claims.extraction import extract_items
from factfinder.services.claims.queries import list_claims
from factfinder.services.preserve.ingest import ingest
from factfinder.services.preserve.items import item_text, show_item
from factfinder.vault.hashing import canonical_json
from strategies import claims, documents

# Each example adds rows to the one project of its test: ids never repeat across examples.
_serial = itertools.count()
_FIELDS = ("text", "title", "published", "publisher", "url", "language")
DB_SETTINGS = settings(max_examples=5, suppress_health_check=[HealthCheck.function_scoped_fixture])


@given(claims)
def test_any_claim_survives_json_and_its_canonical_form(claim: Claim) -> None:
    obj = claim.to_json()
    assert Claim.from_json(obj) == claim
    stored = canonical_json(obj)
    assert Claim.from_json(json.loads(stored)) == claim
    assert canonical_json(Claim.from_json(json.loads(stored)).to_json()) == stored


@given(st.lists(claims, max_size=3), st.from_regex(r"[a-z0-9-]{1,12}", fullmatch=True))
def test_a_documents_claims_survive_json(cs: list[Claim], doc_id: str) -> None:
    dc = DocumentClaims(doc_id, tuple(cs))
    assert DocumentClaims.from_json(json.loads(json.dumps(dc.to_json()))) == dc
    assert dc.primary == next((c for c in cs if c.primary), None)


@given(documents)
def test_any_document_survives_json(doc: Document) -> None:
    assert Document.from_json(json.loads(json.dumps(doc.to_json()))) == doc


def _write_batch(folder: Path, docs: list[Document]) -> Path:
    path = folder / f"batch-{next(_serial)}.jsonl"
    path.write_text(
        "".join(json.dumps(d.to_json(), ensure_ascii=False) + "\n" for d in docs), encoding="utf-8"
    )
    return path


@DB_SETTINGS
@given(st.lists(documents, min_size=1, max_size=3, unique_by=lambda d: d.id))
def test_documents_ingested_come_back_with_their_text_and_metadata(
    project: Project, tmp_path: Path, docs: list[Document]
) -> None:
    run = next(_serial)
    docs = [Document(f"r{run}-{d.id}", *[getattr(d, f) for f in _FIELDS]) for d in docs]
    summary = ingest(project, [str(_write_batch(tmp_path, docs))])
    assert summary.failures == ()
    for doc in docs:
        item_id, text = item_text(project, doc.id)
        assert text == doc.text
        s = show_item(project, doc.id).summary
        assert s.id == item_id and s.external_id == doc.id
        # a line without a language is given the one detected in its text, when there is one
        assert (s.title, s.publisher, s.url, s.language) == (
            doc.title,
            doc.publisher,
            doc.url,
            doc.language or detect_language(doc.text),
        )
        assert s.published == (doc.published.isoformat() if doc.published else None)


towns = st.sampled_from(["Aleppo", "Idlib", "Douma", "Kafranbel", "Raqqa", "Homs"])
perpetrators = st.sampled_from(["Russian warplanes", "Government helicopters", "Coalition jets"])


@st.composite
def reports(draw: st.DrawFn) -> Document:
    killed, injured = draw(st.integers(2, 400)), draw(st.integers(2, 400))
    day = draw(st.dates(min_value=dt.date(2012, 1, 1)))
    text = (
        f"{draw(perpetrators)} struck a market in {draw(towns)} on "
        f"{day.day} {day:%B} {day.year}, killing {killed} civilians and injuring {injured}, "
        f"the {draw(st.sampled_from(['civil defence', 'health ministry', 'observatory']))} said."
    )
    return Document(f"report-{next(_serial)}", text, published=day)


@DB_SETTINGS
@given(st.lists(reports(), min_size=1, max_size=2))
def test_stored_claims_read_back_equal_to_the_extractors(
    project: Project, tmp_path: Path, docs: list[Document]
) -> None:
    assert ingest(project, [str(_write_batch(tmp_path, docs))]).failures == ()
    ids = [show_item(project, d.id).summary.id for d in docs]
    report = extract_items(project, item_ids=ids)
    assert (report.extracted, report.failed) == (len(docs), 0)
    for doc, item_id in zip(docs, ids, strict=True):
        expected = extract_document(doc).claims
        stored = list_claims(project, item_id)
        assert [s.claim for s in stored] == list(expected)
        assert [s.ordinal for s in stored] == list(range(len(expected)))
        assert expected and any(c.killed.civilians for c in expected)
    # an unchanged text is not extracted again
    again = extract_items(project, item_ids=ids)
    assert (again.extracted, again.skipped) == (0, len(docs))
