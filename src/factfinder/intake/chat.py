"""One message of a chat export (Telegram, WhatsApp), as the export readers write it and as it
is read back as an item.

A chat export is a container: each message becomes a member whose bytes are the canonical JSON
(keys sorted, UTF-8, no spaces) of a `ChatMessage` — what the export says of that message, in
one form whatever the app — linked to the export it came from. Read back, its text is the
message text (a line per attached file appended), its `published` the time it was sent, and
its sender is the item's `author`, marked restricted: senders are private persons, and only
the roles that read restricted data see who said what.
"""

from __future__ import annotations

import datetime as dt
import json
import posixpath
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from factfinder.errors import InputError
from factfinder.intake import parts as mt
from factfinder.intake.parts import Extracted, Part
from factfinder.intake.times import as_utc

if TYPE_CHECKING:
    from factfinder.intake.sink import MemberSink

APPS = {"telegram": "Telegram", "whatsapp": "WhatsApp"}
# The export gave the time without a zone (the exporting device's clock): it is kept as written
# and taken as UTC for `published`, and the item says so.
LOCAL_TIME_NOTE = "sent time as the export wrote it, in the exporting device's zone (not given)"


@dataclass(frozen=True, slots=True)
class ChatMessage:
    """One message of an export. `sent` is ISO 8601: with `Z` when the export gave the zone
    (Telegram's Unix times), else the device's local time without a zone."""

    app: str  # "telegram" | "whatsapp"
    number: int  # its place in the export, from 1
    sent: str | None
    sender: str | None
    text: str
    attachments: tuple[str, ...] = ()
    message_id: str | None = None
    reply_to: str | None = None
    forwarded_from: str | None = None

    def to_bytes(self) -> bytes:
        data: dict[str, Any] = {
            "app": self.app,
            "number": self.number,
            "sent": self.sent,
            "sender": self.sender,
            "text": self.text,
        }
        if self.attachments:
            data["attachments"] = list(self.attachments)
        for key in ("message_id", "reply_to", "forwarded_from"):
            if getattr(self, key) is not None:
                data[key] = getattr(self, key)
        return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def write_message(sink: MemberSink, message: ChatMessage) -> Part:
    """The message as a member of the export being read (`label#n`)."""
    origin = {"chat_app": message.app, "chat_message": str(message.number)}
    if message.message_id is not None:
        origin["chat_message_id"] = message.message_id
    if message.attachments:
        origin["chat_attachments"] = "; ".join(message.attachments)
    return sink.write(
        f"{sink.container.label}#{message.number}",
        [message.to_bytes()],
        name=f"message-{message.number}.json",
        declared=mt.CHAT_MESSAGE,
        origin=origin,
    )


def read(part: Part) -> Extracted:
    """The message's text, sent time and (restricted) sender."""
    try:
        data = json.loads(part.path.read_bytes())
    except (OSError, ValueError) as exc:
        raise InputError(part.label, f"not a chat message ({exc})") from exc
    if not isinstance(data, Mapping) or not isinstance(data.get("text"), str):
        raise InputError(part.label, "not a chat message (no text)")
    text = data["text"]
    attachments = [str(a) for a in data.get("attachments") or [] if a]
    if attachments:
        listed = "\n".join(f"[attached: {name}]" for name in attachments)
        text = f"{text}\n{listed}" if text else listed
    sent = _time(data.get("sent"))
    notes = []
    if sent is not None and sent.tzinfo is None:
        notes.append(LOCAL_TIME_NOTE)
    sender = data.get("sender") if isinstance(data.get("sender"), str) else None
    app = APPS.get(str(data.get("app")), "Chat")
    return Extracted(
        text=text,
        title=f"{app} message {data.get('number')}",
        published=as_utc(sent) if sent is not None else None,
        author=sender or None,
        notes=tuple(notes),
        restricted=("author",) if sender else (),
        attachments=tuple(attachments),
    )


def attached_member(export_member: str, attachment: str) -> str | None:
    """Where the file a message names as attached stands beside its export: `attachment`
    (relative to the export's folder, as Telegram and WhatsApp write it) resolved against the
    export's own path `export_member` ("ChatExport/result.json" + "photos/p.jpg" →
    "ChatExport/photos/p.jpg"); None for a name that leaves the export's folder or is a URL."""
    if not attachment or "://" in attachment or attachment.startswith("/"):
        return None
    folder = posixpath.dirname(export_member.replace("\\", "/"))
    joined = posixpath.normpath(posixpath.join(folder, attachment))
    if joined.startswith("../") or joined == "..":
        return None
    return joined


def _time(value: Any) -> dt.datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
