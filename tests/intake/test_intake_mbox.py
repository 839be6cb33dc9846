"""Mailboxes (mbox, as Thunderbird, mutt and mail exports write them): each message is a member
of its own, an e-mail whose attachments are its own members in turn; the file is known by its
bytes whatever its name. The mailbox is written at test time by Python's `mailbox` module."""

from __future__ import annotations

import mailbox
from email.message import EmailMessage
from pathlib import Path

from factfinder.intake import expand, read_text, sniff_media_type
from factfinder.intake.parts import EMAIL, MBOX, TEXT
from factfinder.services import Project
from factfinder.services.preserve.ingest import ingest


def write_mbox(path: Path) -> Path:
    box = mailbox.mbox(str(path))
    first = EmailMessage()
    first["From"] = "alice@example.org"
    first["To"] = "desk@example.org"
    first["Subject"] = "Shelling in Ariha"
    first["Date"] = "Mon, 04 Mar 2024 10:00:00 +0000"
    first.set_content("Shelling killed five civilians in Ariha on Sunday, residents said.")
    second = EmailMessage()
    second["From"] = "bob@example.org"
    second["To"] = "desk@example.org"
    second["Subject"] = "Report attached"
    second["Date"] = "Tue, 05 Mar 2024 10:00:00 +0000"
    second.set_content("See the attached report.")
    second.add_attachment(
        b"Airstrikes hit Saraqib, killing two children.",
        maintype="text",
        subtype="plain",
        filename="report.txt",
    )
    box.add(first)
    box.add(second)
    box.flush()
    box.close()
    return path


def test_a_mailbox_is_known_by_its_bytes_and_each_message_is_a_member(
    tmp_path: Path, workdir: Path
) -> None:
    path = write_mbox(tmp_path / "export.txt")  # a name that says nothing
    assert sniff_media_type(path) == MBOX
    parts = list(expand(path, workdir))
    assert [(p.label.removeprefix(str(path)), p.media_type, p.parent) for p in parts] == [
        ("", MBOX, None),
        ("#1", EMAIL, 0),
        ("#2", EMAIL, 0),
        ("#2!report.txt", TEXT, 2),
    ]
    assert parts[1].origin["mbox_message"] == "1"
    assert parts[1].origin["mbox_from"].startswith("MAILER-DAEMON")
    first = read_text(parts[1])
    assert first.title == "Shelling in Ariha"
    assert "Shelling killed five civilians in Ariha" in first.text
    assert read_text(parts[3]).text == "Airstrikes hit Saraqib, killing two children."


def test_a_mailbox_ingested_gives_linked_items(project: Project, tmp_path: Path) -> None:
    path = write_mbox(tmp_path / "inbox.mbox")
    summary = ingest(project, [str(path)])
    assert (summary.new_items, summary.failures) == (4, ())
