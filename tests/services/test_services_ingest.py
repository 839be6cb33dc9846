"""Ingest through the service layer, on SQLite and (when configured) PostgreSQL."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from factfinder.errors import InvalidRecord, NotFound
from factfinder.services import Project
from factfinder.services.preserve.ingest import DOCUMENT_MEDIA_TYPE, IngestOptions, ingest
from factfinder.services.preserve.items import item_text, list_items, show_item
from factfinder.services.preserve.record import update_item_metadata
from factfinder.services.verification import verify_project
from factfinder.store.schema import acquisitions, item_links, items
from factfinder.vault.hashing import sha256_bytes

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "vault"))
from vault_inputs import (
    SEED_TEXT,
    SEED_TEXT_2,
    SEEDS,
    html_page,
    make_eml,
    make_warc,
    make_zip,
)


def count(project: Project, table: object) -> int:
    with project.read() as conn:
        return int(conn.execute(select(func.count()).select_from(table)).scalar_one())  # type: ignore[arg-type]


def test_same_bytes_twice_are_one_item_with_two_acquisitions(
    project: Project, tmp_path: Path
) -> None:
    a = tmp_path / "letter.txt"
    b = tmp_path / "copy-of-letter.txt"
    a.write_text(SEED_TEXT, encoding="utf-8")
    b.write_text(SEED_TEXT, encoding="utf-8")
    summary = ingest(
        project,
        [str(a), str(b)],
        IngestOptions(
            custodian="OHCHR desk", publisher="Radio Habana Cuba", published="2018-11-03"
        ),
    )
    assert (summary.new_items, summary.new_acquisitions, summary.failures) == (1, 2, ())
    detail = show_item(project, sha256_bytes(SEED_TEXT.encode())[:15])
    assert detail.summary.hash == sha256_bytes(SEED_TEXT.encode())
    assert [acq.source for acq in detail.acquisitions] == [str(a), str(b)]
    assert {a.custodian for a in detail.acquisitions} == {"OHCHR desk"}
    assert detail.summary.publisher == "Radio Habana Cuba"
    assert detail.summary.published == "2018-11-03"
    assert detail.summary.language == "en"
    assert detail.excerpt is not None and "Damascus" in detail.excerpt
    assert [e.kind for e in detail.ledger] == ["item.acquire", "item.acquire"]
    assert project.blobs.path_for(detail.summary.hash).read_text(encoding="utf-8") == SEED_TEXT
    assert summary.checkpoint is not None and summary.checkpoint.size == 2


def test_running_the_same_ingest_again_records_nothing_new(
    project: Project, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "one.txt").write_text(SEED_TEXT, encoding="utf-8")
    (folder / "sub" / "two.txt").write_text(SEED_TEXT_2, encoding="utf-8")
    (folder / ".hidden").write_text("not evidence", encoding="utf-8")
    first = ingest(project, [str(folder)])
    again = ingest(project, [str(folder)])
    assert (first.new_items, first.new_acquisitions) == (2, 2)
    assert (again.new_items, again.new_acquisitions, again.unchanged) == (0, 0, 2)
    assert again.checkpoint is None
    forced = ingest(project, [str(folder / "*.txt")], IngestOptions(again=True))
    assert (forced.new_items, forced.new_acquisitions) == (0, 1)
    assert count(project, acquisitions) == 3


def test_a_document_batch_keeps_ids_text_and_line_links(project: Project) -> None:
    batch = SEEDS / "docs.jsonl"
    summary = ingest(project, [str(batch)])
    assert summary.failures == ()
    assert summary.new_items == 3  # the batch file and its two documents
    docs = [json.loads(line) for line in batch.read_text(encoding="utf-8").splitlines()]
    for doc in docs:
        _, text = item_text(project, doc["id"])
        assert text == doc["text"]
        detail = show_item(project, doc["id"])
        assert detail.summary.media_type == DOCUMENT_MEDIA_TYPE
        assert detail.summary.external_id == doc["id"]
        assert detail.summary.title == doc["title"]
        assert detail.summary.publisher == doc["publisher"]
        assert detail.acquisitions[0].origin["document_id"] == doc["id"]
        assert [link.relation for link in detail.links] == ["line-of"]
        stored = project.blobs.path_for(detail.summary.hash).read_bytes()
        assert json.loads(stored) == doc
    page, total = list_items(project, search="phosphorus")
    assert total >= 1 and {i.external_id for i in page} <= {d["id"] for d in docs}


def test_bad_lines_of_a_batch_are_reported_and_the_rest_goes_on(
    project: Project, tmp_path: Path
) -> None:
    batch = tmp_path / "docs.jsonl"
    batch.write_text(
        '{"id": "a", "text": "The first report."}\n'
        "{not json\n"
        '{"id": "b"}\n'
        '{"id": "a", "text": "Same id again."}\n'
        '{"id": "c", "text": "The third report."}\n',
        encoding="utf-8",
    )
    summary = ingest(project, [str(batch)])
    assert sorted(f.input for f in summary.failures) == [f"{batch}:2", f"{batch}:3", f"{batch}:4"]
    assert summary.new_items == 3
    assert item_text(project, "c")[1] == "The third report."


def test_an_email_with_attachments_becomes_linked_items(project: Project, tmp_path: Path) -> None:
    eml = make_eml(
        tmp_path / "letters.eml",
        SEED_TEXT,
        {
            "annex.txt": (SEED_TEXT_2.encode(), "text/plain"),
            "page.html": (html_page("Annex II", SEED_TEXT_2).encode(), "text/html"),
        },
    )
    summary = ingest(project, [str(eml)])
    assert summary.failures == ()
    assert summary.new_items == 3
    message = show_item(project, sha256_bytes(eml.read_bytes()))
    assert message.summary.media_type == "message/rfc822"
    assert sorted(link.relation for link in message.links) == ["has-attachment"] * 2
    annex = show_item(project, sha256_bytes(SEED_TEXT_2.encode()))
    assert [(link.relation, link.item_id) for link in annex.links] == [
        ("attachment-of", message.summary.id)
    ]
    assert annex.acquisitions[0].source == f"{eml}!annex.txt"
    assert annex.acquisitions[0].parent_seq == message.acquisitions[0].seq
    assert verify_project(project).ok


def test_warc_records_become_items_with_their_uri_and_capture_time(
    project: Project, tmp_path: Path
) -> None:
    warc = make_warc(
        tmp_path / "crawl.warc",
        [
            ("https://example.org/a", html_page("Strike on Hajin", SEED_TEXT)),
            ("https://example.org/b", html_page("Mass graves in Raqqah", SEED_TEXT_2)),
        ],
    )
    summary = ingest(project, [str(warc)])
    assert summary.failures == ()
    page, _ = list_items(project)
    records = [i for i in page if i.media_type == "text/html"]
    assert sorted(i.url for i in records) == ["https://example.org/a", "https://example.org/b"]
    detail = show_item(project, str(records[0].id))
    assert detail.acquisitions[0].origin["captured_at"].startswith("2018-11-04T08:00:00")
    assert detail.links[0].relation == "record-of"


def test_a_hostile_archive_member_is_refused_and_the_rest_is_kept(
    project: Project, tmp_path: Path
) -> None:
    archive = make_zip(
        tmp_path / "bundle.zip",
        {"../../etc/passwd": b"root:x:0:0\n", "report.txt": SEED_TEXT.encode()},
    )
    summary = ingest(project, [str(archive)])
    assert [f.input for f in summary.failures] == [f"{archive}!../../etc/passwd"]
    assert summary.new_items == 2  # the archive itself and report.txt
    assert not (tmp_path / "etc").exists()
    assert show_item(project, sha256_bytes(SEED_TEXT.encode())).links[0].relation == "member-of"


def test_unreadable_inputs_are_failures_naming_them(project: Project, tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(SEED_TEXT, encoding="utf-8")
    broken = tmp_path / "broken-link.txt"
    broken.symlink_to(tmp_path / "gone.txt")
    summary = ingest(
        project, [str(broken), str(tmp_path / "missing.txt"), str(tmp_path / "*.pdf"), str(good)]
    )
    assert sorted(f.input for f in summary.failures) == sorted(
        [str(broken), str(tmp_path / "missing.txt"), str(tmp_path / "*.pdf")]
    )
    assert summary.new_items == 1


def test_metadata_changes_are_ledgered_and_verified(project: Project, tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text(SEED_TEXT, encoding="utf-8")
    ingest(project, [str(f)])
    with project.read() as conn:
        item_id = conn.execute(select(items.c.id)).scalar_one()
    with project.transaction(actor="cli:alice") as tx:
        update_item_metadata(tx, item_id, title="Letters of 3 November 2018")
    detail = show_item(project, str(item_id))
    assert detail.summary.title == "Letters of 3 November 2018"
    assert [e.kind for e in detail.ledger] == ["item.acquire", "item.metadata"]
    assert verify_project(project).ok
    with pytest.raises(InvalidRecord), project.transaction() as tx:
        update_item_metadata(tx, item_id, colour="red")


def test_item_references(project: Project, tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text(SEED_TEXT, encoding="utf-8")
    ingest(project, [str(f)])
    h = sha256_bytes(SEED_TEXT.encode())
    assert show_item(project, "1").summary.hash == h
    assert show_item(project, h[7:15]).summary.hash == h
    assert show_item(project, h[:15].upper().replace("SHA256", "sha256")).summary.hash == h
    with pytest.raises(NotFound, match="no item"):
        show_item(project, "ffff0000")
    with pytest.raises(NotFound):
        show_item(project, "42")


def test_bad_published_is_refused() -> None:
    with pytest.raises(InvalidRecord, match="ISO date"):
        IngestOptions(published="3 November")
    assert IngestOptions(published="2018-11-03T10:00:00+02:00").published == "2018-11-03T08:00:00Z"


def test_links_table_has_one_row_per_relation(project: Project, tmp_path: Path) -> None:
    eml = make_eml(
        tmp_path / "m.eml",
        "body text of the message here",
        {"a.txt": (b"same attachment bytes", "text/plain")},
    )
    ingest(project, [str(eml)])
    ingest(project, [str(eml)], IngestOptions(again=True))
    assert count(project, item_links) == 1
    assert verify_project(project).ok


def test_a_nul_byte_is_cleaned_alike_on_both_backends_and_the_batch_goes_on(
    project: Project, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    raw = b"Airstrike killed 3 civilians in Idlib.\x00 More text."
    (folder / "a.txt").write_bytes(raw)
    (folder / "b.txt").write_text("Shelling killed 2 civilians in Ariha.", encoding="utf-8")
    summary = ingest(project, [str(folder)])
    assert (summary.new_items, summary.failures) == (2, ())
    with project.read() as conn:
        item_id = conn.execute(select(items.c.id).where(items.c.size == len(raw))).scalar_one()
        origin = json.loads(
            conn.execute(
                select(acquisitions.c.origin).where(acquisitions.c.item_id == item_id)
            ).scalar_one()
        )
    # one code point for one: offsets into the text are those of what was read
    assert (
        item_text(project, str(item_id))[1]
        == "Airstrike killed 3 civilians in Idlib.\ufffd More text."
    )
    assert origin["unstorable_code_points_replaced"] == "1"
    with project.blobs.open(sha256_bytes(raw)) as blob:
        assert blob.read() == raw  # the blob keeps the bytes
    assert verify_project(project).ok


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS refuses file names that are not UTF-8")
def test_a_file_name_that_is_not_utf8_is_preserved_with_its_bytes(
    project: Project, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    name = b"caf\xe9 report.txt"  # latin-1
    path = os.path.join(os.fsencode(folder), name)
    with open(path, "wb") as f:
        f.write(SEED_TEXT.encode("utf-8"))
    summary = ingest(project, [str(folder)])
    assert (summary.new_items, summary.failures) == (1, ())
    with project.read() as conn:
        row = conn.execute(select(acquisitions.c.source_path, acquisitions.c.origin)).one()
    assert bytes.fromhex(json.loads(row.origin)["name_bytes_hex"]) == path
    assert row.source_path.endswith("caf\ufffd report.txt")
    assert verify_project(project).ok
