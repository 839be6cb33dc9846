"""Outlook `.msg` files, read with extract-msg: known by their bytes (a compound file with the
MAPI property streams) whatever their name, the body as text, subject, sender and sent time as
metadata, attachments as items linked to the message. The fixture `fixtures/message.msg` was
written by `fixtures/make_msg.py` (see the fixtures' README)."""

from __future__ import annotations

import shutil
from pathlib import Path

import olefile
import pytest

from factfinder.intake import expand, read_text, sniff_media_type
from factfinder.intake.parts import DOC, MSG, TEXT
from factfinder.services import Project
from factfinder.services.preserve.ingest import ingest
from factfinder.services.preserve.items import show_item

FIXTURE = Path(__file__).parent / "fixtures" / "message.msg"


def test_the_fixture_is_a_sound_compound_file() -> None:
    # olefile at its strictest finds no defect in the fixture's layout.
    with olefile.OleFileIO(str(FIXTURE), raise_defects=olefile.DEFECT_POTENTIAL) as ole:
        assert ole.exists("__properties_version1.0")
        assert ole.exists("__attach_version1.0_#00000000/__substg1.0_37010102")


def test_an_outlook_message_is_known_by_its_bytes_whatever_its_name(tmp_path: Path) -> None:
    renamed = shutil.copy(FIXTURE, tmp_path / "attachment.bin")
    assert sniff_media_type(FIXTURE) == MSG
    assert sniff_media_type(Path(renamed)) == MSG
    # A Word 97 file is a compound file too, without the MAPI streams.
    assert sniff_media_type(Path(__file__).parent / "fixtures" / "report.doc") == DOC
    doc_named_msg = shutil.copy(
        Path(__file__).parent / "fixtures" / "report.doc", tmp_path / "x.msg"
    )
    assert sniff_media_type(Path(doc_named_msg)) == MSG  # then refused by the Outlook reader


def test_body_metadata_and_attachment(workdir: Path) -> None:
    parts = list(expand(FIXTURE, workdir))
    assert [(p.label.removeprefix(str(FIXTURE)), p.media_type, p.parent) for p in parts] == [
        ("", MSG, None),
        ("!casualty-list.txt", TEXT, 0),
    ]
    origin = parts[0].origin
    assert origin["from"] == "Field Desk <desk@example.org>"
    assert origin["to"] == "Monitoring Unit <unit@example.net>; Archive <archive@example.net>"
    assert origin["date"] == "2024-03-05T09:10:00Z"
    assert origin["message_id"] == "<ariha-0304@example.org>"
    got = read_text(parts[0])
    assert got.title == "Shelling of Ariha market, 4 March"
    assert got.author == "Field Desk <desk@example.org>"
    assert got.published is not None and got.published.isoformat() == "2024-03-05T09:10:00+00:00"
    assert got.text == (
        "Our field team reports that shelling hit the market of Ariha on 4 March 2024.\n"
        "Local medics said 5 civilians were killed and 11 were injured."
    )
    assert got.language == "en"
    attached = read_text(parts[1])
    assert attached.text.startswith("Casualty list, Ariha market, 4 March 2024")


def test_a_message_without_a_plain_body_is_read_from_its_html(
    workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import extract_msg.msg_classes.message_base as base

    monkeypatch.setattr(base.MessageBase, "body", property(lambda self: None))
    got = read_text(next(iter(expand(FIXTURE, workdir))))
    assert got.text.startswith("Our field team reports that shelling hit the market of Ariha")
    assert "Local medics said 5 civilians were killed" in got.text


def test_a_corrupt_message_is_one_error_and_the_batch_goes_on(
    project: Project, tmp_path: Path
) -> None:
    data = bytearray(FIXTURE.read_bytes())
    data[512:1536] = b"\xff" * 1024  # the FAT and the directory gone
    bad = tmp_path / "broken.msg"
    bad.write_bytes(bytes(data))
    good = tmp_path / "fine.txt"
    good.write_text("Shelling hit Ariha on 4 March 2024.", encoding="utf-8")
    summary = ingest(project, [str(bad), str(good)])
    assert [(f.input, f.problem.split(" (")[0]) for f in summary.failures] == [
        (str(bad), "not a readable Outlook message")
    ]
    assert summary.new_items == 2  # the broken bytes are preserved all the same
    assert show_item(project, "1").summary.text_status.startswith(
        "text not read: not a readable Outlook message"
    )
    assert show_item(project, "2").summary.text_status is None


def test_an_outlook_message_ingested_gives_its_attachment_as_a_linked_item(
    project: Project,
) -> None:
    summary = ingest(project, [str(FIXTURE)])
    assert (summary.new_items, summary.failures) == (2, ())
    message = show_item(project, "1")
    assert message.summary.media_type == MSG
    assert message.summary.title == "Shelling of Ariha market, 4 March"
    assert message.summary.published == "2024-03-05T09:10:00Z"
    assert [(link.relation, link.item_id) for link in message.links] == [("has-attachment", 2)]
