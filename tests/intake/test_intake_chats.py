"""Chat exports — Telegram Desktop (`result.json`, `messages.html`) and WhatsApp "Export chat"
texts (iOS and Android forms, alone or in the export's zip): each message an item linked to the
export, its time as the item's date, its sender kept as restricted metadata. The fixtures in
`fixtures/chats/` were written by hand in the exact forms those apps write (see the README)."""

from __future__ import annotations

import shutil
import zipfile
from dataclasses import asdict
from pathlib import Path

from factfinder.intake import expand, read_text, sniff_media_type
from factfinder.intake.parts import (
    CHAT_MESSAGE,
    JPEG,
    TELEGRAM_HTML,
    TELEGRAM_JSON,
    TEXT,
    WHATSAPP,
    ZIP,
)
from factfinder.services import Project
from factfinder.services.access.commands import add_user
from factfinder.services.access.view import view_for
from factfinder.services.preserve.ingest import ingest
from factfinder.services.preserve.items import show_item

CHATS = Path(__file__).parent / "fixtures" / "chats"
IOS = CHATS / "_chat.txt"
ANDROID = CHATS / "WhatsApp Chat with Ariha Field Group.txt"
RESULT = CHATS / "result.json"
PAGE = CHATS / "messages.html"


def messages(path: Path, workdir: Path) -> list[tuple[str | None, str | None, str]]:
    """(sender, sent, text) of each message member of the export."""
    out = []
    for part in expand(path, workdir):
        if part.media_type == CHAT_MESSAGE:
            got = read_text(part)
            assert got.restricted == (("author",) if got.author else ())
            out.append((got.author, got.published.isoformat() if got.published else None, got.text))
    return out


def test_exports_are_known_by_their_bytes(tmp_path: Path) -> None:
    assert sniff_media_type(IOS) == WHATSAPP
    assert sniff_media_type(ANDROID) == WHATSAPP
    assert sniff_media_type(RESULT) == TELEGRAM_JSON
    assert sniff_media_type(PAGE) == TELEGRAM_HTML
    renamed = Path(shutil.copy(RESULT, tmp_path / "export.json"))
    assert sniff_media_type(renamed) == TELEGRAM_JSON
    plain = tmp_path / "notes.txt"
    plain.write_text("04/03/2024 was the day of the strike.\nNothing more.\n", encoding="utf-8")
    assert sniff_media_type(plain) == TEXT


def test_whatsapp_ios_messages(workdir: Path) -> None:
    assert messages(IOS, workdir) == [
        (
            "Samir Haddad",
            "2024-03-04T09:15:02+00:00",
            "Shelling hit the market in Ariha a few minutes ago",
        ),
        (
            "Samir Haddad",
            "2024-03-04T09:16:40+00:00",
            "Medics say 5 civilians were killed.\n"
            "At least 11 people were injured, two of them children.\n"
            "They are taken to the hospital in Idlib",
        ),
        ("Lina", "2024-03-04T09:20:05+00:00", "[attached: 00000012-PHOTO-2024-03-04-09-20-05.jpg]"),
        (
            "Omar Khalil",
            "2024-03-14T18:02:33+00:00",
            "The names of the dead are on the list I sent",
        ),
    ]


def test_whatsapp_android_messages(workdir: Path) -> None:
    got = messages(ANDROID, workdir)
    assert [(s, t) for s, t, _ in got] == [
        ("Samir Haddad", "2024-03-04T09:15:00+00:00"),
        ("Samir Haddad", "2024-03-04T09:16:00+00:00"),
        ("Lina", "2024-03-04T09:20:00+00:00"),
        ("Lina", "2024-03-04T09:21:00+00:00"),
        ("Omar Khalil", "2024-03-04T21:05:00+00:00"),
    ]
    assert got[1][2] == "Medics say 5 civilians were killed.\nAt least 11 people were injured."
    assert got[2][2] == "Photo of the market after the strike\n[attached: IMG-20240304-WA0003.jpg]"


def test_month_first_exports_and_twelve_hour_clocks(tmp_path: Path, workdir: Path) -> None:
    path = tmp_path / "WhatsApp Chat with Desk.txt"
    path.write_text(
        "3/4/24, 9:15 PM - Samir: First\n3/14/24, 10:02 AM - Samir: Second\n", encoding="utf-8"
    )
    assert [(s, t) for s, t, _ in messages(path, workdir)] == [
        ("Samir", "2024-03-04T21:15:00+00:00"),
        ("Samir", "2024-03-14T10:02:00+00:00"),
    ]


def test_whatsapp_zip_with_media(tmp_path: Path, workdir: Path) -> None:
    archive = tmp_path / "WhatsApp Chat - Ariha Field Group.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.write(IOS, "_chat.txt")
        zf.writestr("00000012-PHOTO-2024-03-04-09-20-05.jpg", b"\xff\xd8\xff\xe0" + b"\0" * 64)
    parts = list(expand(archive, workdir))
    assert [(p.label.removeprefix(str(archive)), p.media_type, p.parent) for p in parts] == [
        ("", ZIP, None),
        ("!_chat.txt", WHATSAPP, 0),
        ("!_chat.txt#1", CHAT_MESSAGE, 1),
        ("!_chat.txt#2", CHAT_MESSAGE, 1),
        ("!_chat.txt#3", CHAT_MESSAGE, 1),
        ("!_chat.txt#4", CHAT_MESSAGE, 1),
        ("!00000012-PHOTO-2024-03-04-09-20-05.jpg", JPEG, 0),
    ]
    assert parts[4].origin["chat_attachments"] == "00000012-PHOTO-2024-03-04-09-20-05.jpg"


def test_telegram_json_and_html_exports(workdir: Path) -> None:
    from_json = messages(RESULT, workdir)
    assert from_json[:3] == [
        (
            "Samir Haddad",
            "2024-03-04T09:15:02+00:00",
            "Shelling hit the market in Ariha a few minutes ago",
        ),
        (
            "Samir Haddad",
            "2024-03-04T09:16:40+00:00",
            "Medics say 5 civilians were killed.\nAt least 11 people were injured.",
        ),
        (
            "Lina",
            "2024-03-04T09:20:05+00:00",
            "Photo of the market after the strike\n[attached: photos/photo_1@04-03-2024_11-20-05.jpg]",
        ),
    ]
    assert (
        from_json[3][0] == "Omar Khalil" and len(from_json) == 4
    )  # the service message is left out
    # The HTML export of the same chat says the same (its page holds the first three).
    assert messages(PAGE, workdir) == from_json[:3]


def test_a_malformed_export_is_one_error_naming_it_and_the_batch_goes_on(
    project: Project, tmp_path: Path
) -> None:
    bad = tmp_path / "result.json"
    bad.write_text(RESULT.read_text(encoding="utf-8")[:400], encoding="utf-8")  # cut short
    summary = ingest(project, [str(bad), str(ANDROID)])
    assert [(f.input, f.problem.split(" (")[0]) for f in summary.failures] == [
        (str(bad), "malformed Telegram export")
    ]
    assert summary.new_items == 1 + 1 + 5  # the cut file preserved, the other export read


def test_senders_are_restricted_for_viewers_and_exports(project: Project) -> None:
    from factfinder.services.cases.casefile import case_file_json
    from factfinder.services.cases.files import build_case_file
    from factfinder.services.claims.extraction import extract_items
    from factfinder.services.incidents.commands import link_project
    from factfinder.web.views import item_detail_public

    summary = ingest(project, [str(IOS)])
    assert (summary.new_items, summary.failures) == (5, ())
    message = show_item(project, "3")
    assert (message.author, message.summary.published) == ("Samir Haddad", "2024-03-04T09:16:40Z")
    assert [(link.relation, link.item_id) for link in message.links] == [("member-of", 1)]
    viewer = add_user(project, "vera", "correct horse battery", "viewer")
    investigator = add_user(project, "ivan", "correct horse battery", "investigator")
    seen = item_detail_public(message, None, [], view_for(project, viewer))
    assert (seen.author, seen.restricted_fields, seen.acquisition_history) == (None, ["author"], [])
    assert "Samir Haddad" not in seen.model_dump_json()
    privileged = item_detail_public(message, None, [], view_for(project, investigator))
    assert privileged.author == "Samir Haddad"

    extract_items(project)
    link_project(project)
    # Everything a report, an export or a package is made from: claims, sources, proofs.
    redacted = build_case_file(project, None)
    assert case_file_json(redacted)["sources"] == 3
    assert "Medics say 5 civilians were killed" in str(asdict(redacted))  # the message is cited
    assert all(source.withheld for source in redacted.sources)  # originals hold the sender
    for sender in ("Samir Haddad", "Lina", "Omar Khalil"):
        assert sender not in str(asdict(redacted))
    full = build_case_file(project, None, include_restricted=True)
    assert "Samir Haddad" in str(asdict(full))


def _by_type(project: Project) -> dict[str, list[int]]:
    from factfinder.services.preserve.search import visible_items

    listed, _ = visible_items(project, include_restricted=True, limit=200)
    out: dict[str, list[int]] = {}
    for s in sorted(listed, key=lambda s: s.id):
        out.setdefault(s.media_type, []).append(s.id)
    return out


def test_the_export_and_its_zip_are_restricted_with_their_acquisition(
    project: Project, tmp_path: Path
) -> None:
    from factfinder.services.access.queries import list_marks
    from factfinder.services.verification import verify_project

    archive = tmp_path / "WhatsApp Chat - Ariha Field Group.zip"
    with zipfile.ZipFile(archive, "w") as zf:  # the media first: Android zips need not list
        zf.writestr("IMG-20240304-WA0003.jpg", b"\xff\xd8\xff\xe0" + b"\0" * 64)
        zf.write(ANDROID, ANDROID.name)
    ingest(project, [str(archive)])
    found = _by_type(project)
    zip_item, export = (
        show_item(project, str(found[ZIP][0])),
        show_item(project, str(found[WHATSAPP][0])),
    )
    marks = {(m.subject, m.field): m for m in list_marks(project)}
    for item in (zip_item, export):
        mark = marks[(f"item:{item.summary.hash}", "")]
        assert mark.reason.startswith("a chat export names every sender")
        # Marked in the transaction that recorded the export, beside its acquisition.
        acquired = next(e for e in item.ledger if e.kind == "item.acquire")
        assert any(e.kind == "restrict.mark" and e.time == acquired.time for e in item.ledger)
    assert export.excerpt is None and export.text_length == 0  # no text of its own
    # Messages stay readable: only their senders are marked.
    assert {f for (s, f) in marks if s != f"item:{zip_item.summary.hash}"} >= {"author"}
    assert verify_project(project).ok


def test_media_in_the_export_are_attachments_of_their_messages(
    project: Project, tmp_path: Path
) -> None:
    from factfinder.services.verification import verify_project

    photo = "photos/photo_1@04-03-2024_11-20-05.jpg"
    archive = tmp_path / "Telegram Desktop.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr(f"ChatExport_2024-03-05/{photo}", b"\xff\xd8\xff\xe0" + b"\1" * 64)
        zf.write(RESULT, "ChatExport_2024-03-05/result.json")
        zf.writestr("ChatExport_2024-03-05/photos/unnamed.jpg", b"\xff\xd8\xff\xe0" + b"\2" * 64)
    folder = tmp_path / "ChatExport_2024-03-06"
    (folder / "photos").mkdir(parents=True)
    (folder / photo).write_bytes(b"\xff\xd8\xff\xe0" + b"\3" * 64)
    shutil.copy(PAGE, folder / "messages.html")
    ingest(project, [str(archive), str(folder)])
    found = _by_type(project)
    messages = {
        show_item(project, str(i)).summary.title: show_item(project, str(i))
        for i in found[CHAT_MESSAGE]
    }
    lina = messages["Telegram message 3"]  # the same message in both exports: one item
    zipped, unnamed, beside = (show_item(project, str(i)) for i in found[JPEG])
    assert [(link.relation, link.item_id) for link in lina.links] == [
        ("member-of", found[TELEGRAM_JSON][0]),
        ("member-of", found[TELEGRAM_HTML][0]),
        ("has-attachment", zipped.summary.id),
        ("has-attachment", beside.summary.id),
    ]
    assert [(link.relation, link.item_id) for link in zipped.links] == [
        ("member-of", found[ZIP][0]),
        ("attachment-of", lina.summary.id),
    ]
    assert [link.relation for link in unnamed.links] == ["member-of"]  # no message names it
    assert [(link.relation, link.item_id) for link in beside.links] == [
        ("attachment-of", lina.summary.id)
    ]
    # Each link is an acquisition of the file as the message's attachment, with its entry.
    received = [a.origin for a in zipped.acquisitions]
    assert [o.get("chat_message") for o in received] == [None, "3"]
    assert verify_project(project).ok
    assert ingest(project, [str(archive), str(folder)]).new_acquisitions == 0  # nothing twice


def test_outputs_without_restricted_data_name_no_sender(project: Project, tmp_path: Path) -> None:
    from factfinder.services.cases.casefile import case_file_json
    from factfinder.services.cases.files import build_case_file, write_export
    from factfinder.services.claims.extraction import extract_items
    from factfinder.services.claims.queries import reviewed_claims
    from factfinder.services.incidents.commands import link_project

    ingest(project, [str(RESULT), str(IOS)])
    found = _by_type(project)
    exports = [*found[TELEGRAM_JSON], *found[WHATSAPP]]
    report = extract_items(project)
    # The extractor reads the messages one by one, never an export as one document (an
    # export, like a mailbox, is a container without text of its own).
    assert report.items == len(found[CHAT_MESSAGE]) == 8
    for export in exports:
        assert reviewed_claims(project, item_id=export) == []
    assert reviewed_claims(project, item_id=found[CHAT_MESSAGE][1])  # "Medics say 5 …"
    link_project(project)
    redacted = build_case_file(project, None)
    flat = str(asdict(redacted)) + str(case_file_json(redacted))
    assert "Medics say 5 civilians were killed" in flat
    export_hashes = {show_item(project, str(i)).summary.hash for i in exports}
    assert not export_hashes & {s.hash for s in redacted.sources}
    out = tmp_path / "incidents.jsonl"
    write_export(project, fmt="jsonl", output=out)
    written = out.read_text(encoding="utf-8")
    assert "Medics say 5 civilians were killed" in written
    for sender in ("Samir Haddad", "Lina", "Omar Khalil"):
        assert sender not in flat and sender not in written
