"""Telegram Desktop chat exports: each message a member (`factfinder.intake.chat`).

- `result.json` ("Machine-readable JSON"): a chat (`name`, `type`, `id`, `messages`) or a whole
  account's export, whose chats are under `chats.list`. A message's text is a string or a list
  of strings and entities (`{"type": "bold", "text": …}`), joined; its time is `date_unixtime`
  (UTC) when given, else `date` (the exporting device's local time); `photo` and `file` name its
  attached files; `from` is its sender. Service messages ("created the group", "pinned …")
  are the app's notices, not messages, and are left out.
- `messages.html` (and `messages2.html`, … of a long chat): each `div.message.default` is a
  message, its sender in `.from_name` (a message "joined" to the one before it has none: the
  same sender), its time in the `title` of `.date` ("04.03.2024 09:15:02 UTC+02:00"), its text
  in `.text`, its files linked in `.media_wrap`.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

from factfinder.errors import InputError
from factfinder.intake.chat import ChatMessage, write_message
from factfinder.intake.parts import Part
from factfinder.intake.times import epoch_to_utc, utc_iso

if TYPE_CHECKING:
    from factfinder.intake.sink import MemberSink

MAX_JSON_BYTES = 2 * 1024**3  # a result.json larger than this is refused, not loaded


def json_members(container: Part, sink: MemberSink) -> Iterator[Part]:
    """Each message of the export, in order (`label#1`, `label#2`, …)."""
    try:
        if container.path.stat().st_size > MAX_JSON_BYTES:
            raise InputError(container.label, f"Telegram export over {MAX_JSON_BYTES} bytes")
        with container.path.open("rb") as fh:
            data = json.load(fh)
    except (OSError, ValueError) as exc:
        raise InputError(container.label, f"malformed Telegram export ({exc})") from exc
    if not isinstance(data, Mapping):
        raise InputError(container.label, "malformed Telegram export (not a JSON object)")
    chats = [data] if "messages" in data else _listed_chats(data)
    number = 0
    for chat in chats:
        messages = chat.get("messages") if isinstance(chat, Mapping) else None
        if not isinstance(messages, list):
            raise InputError(container.label, "malformed Telegram export (no list of messages)")
        for raw in messages:
            if not isinstance(raw, Mapping) or raw.get("type", "message") != "message":
                continue
            number += 1
            yield write_message(sink, _from_json(raw, number))


def _listed_chats(data: Mapping[str, Any]) -> list[Any]:
    chats = data.get("chats")
    listed = chats.get("list") if isinstance(chats, Mapping) else None
    return listed if isinstance(listed, list) else [data]


def _from_json(raw: Mapping[str, Any], number: int) -> ChatMessage:
    sent: str | None = None
    unix = raw.get("date_unixtime")
    if isinstance(unix, str | int) and str(unix).isdigit():
        when = epoch_to_utc(int(unix))
        sent = utc_iso(when) if when else None
    if sent is None and isinstance(raw.get("date"), str):
        sent = raw["date"]
    attachments = tuple(
        str(raw[key]) for key in ("photo", "file") if isinstance(raw.get(key), str) and raw[key]
    )
    sender = raw.get("from")
    forwarded = raw.get("forwarded_from")
    reply = raw.get("reply_to_message_id")
    return ChatMessage(
        app="telegram",
        number=number,
        sent=sent,
        sender=str(sender) if sender else None,
        text=_json_text(raw.get("text")),
        attachments=attachments,
        message_id=str(raw["id"]) if raw.get("id") is not None else None,
        reply_to=str(reply) if reply is not None else None,
        forwarded_from=str(forwarded) if forwarded else None,
    )


def _json_text(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return "".join(
            piece if isinstance(piece, str) else str(piece.get("text", ""))
            for piece in value
            if isinstance(piece, str | Mapping)
        )
    return ""


# -- the HTML export ------------------------------------------------------------------------

_HTML_TIME = re.compile(
    r"(\d{2})\.(\d{2})\.(\d{4}) (\d{2}):(\d{2}):(\d{2})(?: UTC([+-])(\d{2}):(\d{2}))?"
)


def html_members(container: Part, sink: MemberSink) -> Iterator[Part]:
    """Each message of the page, in order (`label#1`, `label#2`, …)."""
    import lxml.etree
    import lxml.html

    try:
        tree = lxml.html.parse(str(container.path))
    except (OSError, lxml.etree.LxmlError) as exc:
        raise InputError(container.label, f"malformed Telegram HTML export ({exc})") from exc
    root = tree.getroot()
    if root is None:
        raise InputError(container.label, "malformed Telegram HTML export (empty page)")
    sender: str | None = None
    number = 0
    for div in root.iter("div"):
        classes = (div.get("class") or "").split()
        if "message" not in classes or "default" not in classes:
            continue
        body = _first(div, "./div[contains(concat(' ', @class, ' '), ' body ')]")
        if body is None:
            continue
        name = _first(body, "./div[contains(concat(' ', @class, ' '), ' from_name ')]")
        if name is not None:
            sender = " ".join(name.text_content().split()) or None
        elif "joined" not in classes:
            sender = None
        text_div = _first(body, "./div[contains(concat(' ', @class, ' '), ' text ')]")
        if text_div is None:
            text_div = _first(body, ".//div[contains(concat(' ', @class, ' '), ' text ')]")
        date = _first(body, ".//div[contains(concat(' ', @class, ' '), ' date ')]")
        media = [
            a.get("href")
            for a in body.xpath(".//div[contains(@class, 'media_wrap')]//a[@href]")
            if a.get("href")
        ]
        number += 1
        message_id = (div.get("id") or "").removeprefix("message") or None
        yield write_message(
            sink,
            ChatMessage(
                app="telegram",
                number=number,
                sent=_html_time(date.get("title") if date is not None else None),
                sender=sender,
                text=_html_text(text_div) if text_div is not None else "",
                attachments=tuple(unquote(str(m)) for m in media),  # an href is URL-encoded
                message_id=message_id,
            ),
        )


def _first(element: Any, path: str) -> Any:
    found = element.xpath(path)
    return found[0] if found else None


def _html_text(element: Any) -> str:
    for br in element.iter("br"):
        br.tail = "\n" + (br.tail or "")
    lines = [" ".join(line.split()) for line in element.text_content().split("\n")]
    return "\n".join(lines).strip()


def _html_time(title: str | None) -> str | None:
    m = _HTML_TIME.search(title or "")
    if m is None:
        return None
    day, month, year, hour, minute, second = (int(g) for g in m.groups()[:6])
    try:
        when = dt.datetime(year, month, day, hour, minute, second)
    except ValueError:
        return None
    if m.group(7) is None:
        return when.isoformat()  # an older export: the device's local time, no zone
    offset = dt.timedelta(hours=int(m.group(8)), minutes=int(m.group(9)))
    zone = dt.timezone(offset if m.group(7) == "+" else -offset)
    return utc_iso(when.replace(tzinfo=zone))
