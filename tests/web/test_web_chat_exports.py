"""Chat exports in the workspace, on each backend: a viewer reads each message (without its
sender) and the media it names as attached, never the export itself nor the zip that holds
it — in the pages, the API and search. An investigator sees the sender and the export."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from web_helpers import PASSWORD, Browser, session_browser

if TYPE_CHECKING:
    from factfinder.services import Project

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")

CHATS = Path(__file__).parents[1] / "intake" / "fixtures" / "chats"
ANDROID = CHATS / "WhatsApp Chat with Ariha Field Group.txt"
RESULT = CHATS / "result.json"
SENDERS = ("Samir Haddad", "Samir", "Haddad", "Lina", "Omar Khalil")
MEDIA = "IMG-20240304-WA0003.jpg"


@dataclass
class Chats:
    project: Project
    investigator: Browser
    viewer: Browser
    ids: dict[str, int]  # "zip", "export", "json", "media", "message3" (Lina's photo message)


@pytest.fixture
def chats(project: Project, tmp_path: Path) -> Iterator[Chats]:
    from factfinder.services.access.commands import add_user
    from factfinder.services.preserve.ingest import ingest
    from factfinder.services.preserve.search import visible_items
    from factfinder.web.app import create_app
    from factfinder.web.settings import WebSettings

    archive = tmp_path / "WhatsApp Chat - Ariha Field Group.zip"
    with zipfile.ZipFile(archive, "w") as zf:  # the media before the chat: any order links
        zf.writestr(MEDIA, b"\xff\xd8\xff\xe0" + b"\0" * 64)
        zf.write(ANDROID, ANDROID.name)
    ingest(project, [str(archive), str(RESULT)], actor="test:setup")
    listed, _ = visible_items(project, include_restricted=True, limit=100)
    by_type: dict[str, list[int]] = {}
    for s in sorted(listed, key=lambda s: s.id):
        by_type.setdefault(s.media_type, []).append(s.id)
    ids = {
        "zip": by_type["application/zip"][0],
        "export": by_type["text/x-whatsapp-chat"][0],
        "json": by_type["application/x-telegram-export+json"][0],
        "media": by_type["image/jpeg"][0],
        "message3": by_type["application/vnd.factfinder.chat-message+json"][2],
    }
    add_user(project, "investigator", PASSWORD, "investigator", actor="test:setup")
    add_user(project, "viewer", PASSWORD, "viewer", actor="test:setup")
    app = create_app(WebSettings(project_dir=project.root))
    try:
        yield Chats(
            app.state.project,
            session_browser(app, "investigator"),
            session_browser(app, "viewer"),
            ids,
        )
    finally:
        app.state.project.close()


def _no_sender(text: str) -> None:
    for sender in SENDERS:
        assert sender not in text, sender


def test_a_viewer_never_gets_the_export_nor_its_zip(chats: Chats) -> None:
    for key in ("zip", "export", "json"):
        item_id = chats.ids[key]
        assert chats.viewer.client.get(f"/api/v1/items/{item_id}").status_code == 404
        assert chats.viewer.client.get(f"/items/{item_id}").status_code == 404
        assert chats.investigator.client.get(f"/api/v1/items/{item_id}").status_code == 200
    listed = chats.viewer.client.get("/api/v1/items", params={"limit": 100}).json()
    types = {i["media_type"] for i in listed["data"]}
    assert types == {"application/vnd.factfinder.chat-message+json", "image/jpeg"}
    assert listed["count"] == len(listed["data"]) == 5 + 4 + 1  # messages of both, the photo
    _no_sender(str(listed))
    _no_sender(chats.viewer.client.get("/items").text)


def test_a_message_lists_its_attachment_without_its_sender(chats: Chats) -> None:
    message, media = chats.ids["message3"], chats.ids["media"]
    seen = chats.viewer.client.get(f"/api/v1/items/{message}").json()
    assert (seen["author"], seen["restricted_fields"]) == (None, ["author"])
    assert seen["text"] == f"Photo of the market after the strike\n[attached: {MEDIA}]"
    # The export it is a member of is restricted: the viewer is not told of it.
    assert [(link["relation"], link["item_id"]) for link in seen["links"]] == [
        ("has-attachment", media)
    ]
    _no_sender(str(seen))
    page = chats.viewer.client.get(f"/items/{message}")
    assert page.status_code == 200
    assert "<h2>Attachments</h2>" in page.text and f'href="/items/{media}"' in page.text
    _no_sender(page.text)
    photo = chats.viewer.client.get(f"/api/v1/items/{media}").json()
    assert [(link["relation"], link["item_id"]) for link in photo["links"]] == [
        ("attachment-of", message)
    ]
    _no_sender(str(photo))
    _no_sender(chats.viewer.client.get(f"/items/{media}").text)

    full = chats.investigator.client.get(f"/api/v1/items/{message}").json()
    assert full["author"] == "Lina"
    assert [(link["relation"], link["item_id"]) for link in full["links"]] == [
        ("member-of", chats.ids["export"]),
        ("has-attachment", media),
    ]


def test_search_finds_messages_never_the_export_nor_a_sender(chats: Chats) -> None:
    def found(who: Browser, q: str) -> list[str]:
        body = who.client.get("/api/v1/items", params={"q": q, "limit": 100}).json()
        return [i["media_type"] for i in body["data"]]

    message = "application/vnd.factfinder.chat-message+json"
    assert found(chats.viewer, "shelling market Ariha") == [message, message]
    for sender in ("Haddad", "Samir Haddad", "Omar Khalil"):
        assert found(chats.viewer, sender) == []
        page = chats.viewer.client.get("/search", params={"q": sender})
        assert page.status_code == 200
        assert "Nothing matches" in page.text  # (the query itself stands in the search box)
    # The export has no text of its own: no role finds it by what its messages say.
    assert found(chats.investigator, "shelling market Ariha") == [message, message]
