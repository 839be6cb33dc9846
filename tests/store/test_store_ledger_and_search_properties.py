"""The ledger and search as stored, on SQLite and PostgreSQL: entries appended come back equal
by seq, by subject, streamed in any batch size and as leaf hashes; checkpoints come back in
order; a document's words find it whatever their case, accents or Arabic spelling. Pure search
helpers: a query can never be an FTS syntax error."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factfinder.services import Project
from factfinder.services.preserve.ingest import ingest
from factfinder.services.preserve.items import show_item
from factfinder.store.search import (
    fts5_match,
    index_words,
    item_words,
    search_item_ids,
    tsquery_text,
)
from factfinder.vault import ledger as store_ledger
from factfinder.vault import merkle
from factfinder.vault.signing import sign_checkpoint

DB = settings(max_examples=5, suppress_health_check=[HealthCheck.function_scoped_fixture])
_serial = itertools.count()
payloads = st.dictionaries(
    st.text(max_size=6), st.integers() | st.text(max_size=10) | st.none(), max_size=3
)


@DB
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["test.a", "test.b"]),
            payloads,
            st.none() | st.sampled_from(["x:1", "x:2"]),
        ),
        min_size=1,
        max_size=8,
    ),
    st.integers(1, 5),
)
def test_ledger_entries_come_back_equal(project: Project, entries, batch: int) -> None:  # type: ignore[no-untyped-def]
    with project.read() as conn:
        before = store_ledger.head_size(conn)
    with project.transaction(actor="cli:tester") as tx:
        written = [tx.append_ledger(kind, payload, subject=subj) for kind, payload, subj in entries]
    assert [e.seq for e in written] == list(range(before, before + len(entries)))
    with project.read() as conn:
        size = store_ledger.head_size(conn)
        assert size == before + len(entries) == store_ledger.row_count(conn)
        for e in written:
            assert store_ledger.get_entry(conn, e.seq) == e
        assert store_ledger.get_entry(conn, size) is None
        for subject in ("x:1", "x:2"):
            got = store_ledger.entries_for_subject(conn, subject)
            assert all(e.subject == subject for e in got)
            assert [e.seq for e in got] == sorted(e.seq for e in got)
            assert [e for e in got if e.seq >= before] == [
                e for e in written if e.subject == subject
            ]
        rows = [r for b in store_ledger.stream_batches(conn, batch) for r in b]
        assert [r[0] for r in rows] == list(range(size))
        assert all(len(b) <= batch for b in store_ledger.stream_batches(conn, batch))
        leaves = store_ledger.leaf_hashes(conn, size)
        assert leaves == [r[3] for r in rows]
        assert leaves[before:] == [e.leaf_hash for e in written]
        assert leaves == [merkle.leaf_hash(r[2].encode("utf-8")) for r in rows]


def test_checkpoints_come_back_in_order(project: Project) -> None:
    with project.transaction(actor="cli:tester") as tx:
        first = sign_checkpoint(
            project.signing_key, "log", 1, "sha256:" + "00" * 32, "2026-01-01T00:00:00Z"
        )
        second = sign_checkpoint(
            project.signing_key, "log", 2, "sha256:" + "11" * 32, "2026-01-02T00:00:00Z"
        )
        a = store_ledger.insert_checkpoint(tx.conn, first)
        b = store_ledger.insert_checkpoint(tx.conn, second)
    with project.read() as conn:
        got = store_ledger.list_checkpoints(conn, "log")
    assert [(i, cp) for i, cp in got if i in (a, b)] == [(a, first), (b, second)]
    assert all(cp.verify(project.public_key) for i, cp in got if i in (a, b))


word = st.from_regex(r"[a-z]{5,10}", fullmatch=True)


@DB
@given(word, st.sampled_from(["upper", "title", "plain"]))
def test_a_documents_words_find_it(project: Project, tmp_path: Path, w: str, form: str) -> None:
    token = f"zq{w}{next(_serial)}x"  # a word no other document holds
    written = {
        "upper": token.upper(),
        "title": token.title(),
        "plain": token,
    }[form]
    doc_id = f"s{next(_serial)}"
    path = tmp_path / f"{doc_id}.jsonl"
    path.write_text(
        json.dumps({"id": doc_id, "text": f"Shelling near the {written} bakery."}) + "\n",
        encoding="utf-8",
    )
    assert ingest(project, [str(path)]).failures == ()
    item = show_item(project, doc_id).summary.id
    with project.read() as conn:
        assert search_item_ids(conn, token) == [item]
        assert search_item_ids(conn, f"{token} bakery") == [item]
        assert search_item_ids(conn, f"{token} missingword") == []


def test_accents_fold_in_item_search(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "acc.jsonl"
    path.write_text(json.dumps({"id": "acc", "text": "Shelling hit Ḥamā and Hajīn."}) + "\n")
    ingest(project, [str(path)])
    item = show_item(project, "acc").summary.id
    with project.read() as conn:
        found = search_item_ids(conn, "hajin hama")
    assert found == [item]


def test_arabic_spellings_find_each_other(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "ar.jsonl"
    path.write_text(
        json.dumps({"id": "ar1", "text": "قصف مدرسة الأطفال في المدينة"}, ensure_ascii=False)
        + "\n",
        encoding="utf-8",
    )
    ingest(project, [str(path)])
    item = show_item(project, "ar1").summary.id
    with project.read() as conn:
        assert search_item_ids(conn, "مدرسه") == [item]
        assert search_item_ids(conn, "الاطفال") == [item]


@given(st.text(max_size=60))
def test_any_query_gives_safe_fts_and_tsquery_text(query: str) -> None:
    words = item_words(query)
    match = fts5_match(words)
    assert all(w.isalnum() or "_" in w for w in words)
    for w in words:
        assert w in match
    ts = tsquery_text(words)
    assert ts.count("&") == max(len(words) - 1, 0) if words else ts == ""
    assert index_words(query) == index_words(query)
