"""WhatsApp "Export chat" texts (`_chat.txt` from iOS, `WhatsApp Chat with X.txt` from
Android, alone or in the export's zip beside the media): each message a member
(`factfinder.intake.chat`).

The two forms:

    [04/03/2024, 09:15:02] Samir: The market was hit at nine        (iOS)
    04/03/24, 09:15 - Samir: The market was hit at nine             (Android)

A line that does not start with a time continues the message before it (a multi-line
message). Lines without a sender ("Messages and calls are end-to-end encrypted…", "X added
Y") are the app's own notices, not messages, and are left out. An attached file is named on a
line of its own — `<attached: 00000012-PHOTO-2024-03-04-09-15-02.jpg>` (iOS) or
`IMG-20240304-WA0003.jpg (file attached)` (Android) — and is kept as the message's attachment;
in the zip the file itself is an item of the same export.

The export writes dates in the phone's order, day first or month first: a day over 12 anywhere
in the file decides; when none tells, day first is taken. Times are the phone's local time, with
no zone.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from factfinder.errors import InputError
from factfinder.intake.chat import ChatMessage, write_message
from factfinder.intake.parts import Part
from factfinder.intake.sniff import WHATSAPP_LINE
from factfinder.intake.text_file import decode_text

if TYPE_CHECKING:
    from factfinder.intake.sink import MemberSink

_SENDER = re.compile(r"^(?P<sender>[^:\n]{1,100}?): (?P<text>.*)$", re.DOTALL)
_ATTACHED = re.compile(
    r"^\u200e?(?:<attached: (?P<ios>[^>]+)>|(?P<android>\S(?:.*\S)?) \(file attached\))\s*$"
)
# iOS writes the app's notices and the media it left out after a sender too, marked by a
# left-to-right mark: "Group: \u200eMessages and calls are end-to-end encrypted…".
_OMITTED = re.compile(r"^\u200e?(?:image|video|audio|sticker|GIF|document|Contact card) omitted$")
_CLOCK = re.compile(r"^(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?(?:[\s\u202f]?([AaPp])\.?\s?[Mm]\.?)?$")


def members(container: Part, sink: MemberSink) -> Iterator[Part]:
    """Each message of the chat, in order (`label#1`, `label#2`, …)."""
    try:
        data = container.path.read_bytes()
    except OSError as exc:
        raise InputError(container.label, f"cannot read: {exc.strerror or exc}") from exc
    text = decode_text(data, container.label).lstrip("\ufeff")
    del data
    entries = list(_entries(text.splitlines()))
    if not entries:
        raise InputError(container.label, "not a WhatsApp chat export: no message lines")
    day_first = _day_first([date for date, _, _ in entries])
    number = 0
    for date, clock, body in entries:
        found = _SENDER.match(body)
        if found is None or (
            found.group("text").startswith("\u200e")
            and not _ATTACHED.match(found.group("text").split("\n", 1)[0])
            and not _OMITTED.match(found.group("text"))
        ):
            continue  # the app's notice, not a message
        number += 1
        lines = found.group("text").split("\n")
        attachments = []
        kept = []
        for line in lines:
            attached = _ATTACHED.match(line)
            if attached:
                attachments.append(attached.group("ios") or attached.group("android"))
            else:
                kept.append(line)
        yield write_message(
            sink,
            ChatMessage(
                app="whatsapp",
                number=number,
                sent=_sent(date, clock, day_first),
                sender=found.group("sender").strip().lstrip("\u200e~\u202f ").strip() or None,
                text="\n".join(kept).strip().replace("\u200e", ""),
                attachments=tuple(attachments),
            ),
        )


def _entries(lines: list[str]) -> Iterator[tuple[str, str, str]]:
    """(date, time, rest of the text) of each timestamped entry, its continuation lines
    joined to it."""
    current: tuple[str, str, list[str]] | None = None
    for line in lines:
        m = WHATSAPP_LINE.match(line)
        if m is None:
            if current is not None:
                current[2].append(line)
            continue
        if current is not None:
            yield current[0], current[1], "\n".join(current[2])
        date = m.group("d1") or m.group("d2")
        clock = m.group("t1") or m.group("t2")
        current = (date, clock, [line[m.end() :]])
    if current is not None:
        yield current[0], current[1], "\n".join(current[2])


def _fields(date: str) -> tuple[int, int, int]:
    a, b, c = (int(x) for x in re.split(r"[./-]", date))
    return a, b, c + 2000 if c < 100 else c


def _day_first(dates: list[str]) -> bool:
    for date in dates:
        a, b, _ = _fields(date)
        if a > 12:
            return True
        if b > 12:
            return False
    return True


def _sent(date: str, clock: str, day_first: bool) -> str | None:
    a, b, year = _fields(date)
    day, month = (a, b) if day_first else (b, a)
    m = _CLOCK.match(clock.strip())
    if m is None:
        return None
    hour, minute, second = int(m.group(1)), int(m.group(2)), int(m.group(3) or 0)
    if m.group(4):
        hour = hour % 12 + (12 if m.group(4).lower() == "p" else 0)
    try:
        return dt.datetime(year, month, day, hour, minute, second).isoformat()
    except ValueError:
        return None
