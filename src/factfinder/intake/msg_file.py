"""Outlook messages (`.msg`, MS-OXMSG: a compound file of MAPI property streams), read with
extract-msg.

As for an `.eml`: the text is the plain body, else the HTML body through the HTML reader;
title, author and published come from the subject, the sender and the sent time; sender,
recipients, subject, date and message id go in the origin. Attached files are members, and so
is an attached Outlook message (written out as a `.msg` of its own); a link to a file stored
elsewhere, a signed or an unreadable attachment is a failed member naming the attachment.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from factfinder.errors import InputError
from factfinder.intake.html_page import decode_html, extract_html
from factfinder.intake.parts import Extracted, Part
from factfinder.intake.times import as_utc, utc_iso

if TYPE_CHECKING:
    from factfinder.intake.sink import MemberSink


def _open(path: Path, label: str) -> Any:
    import extract_msg
    from extract_msg.exceptions import ExMsgBaseException

    try:
        return extract_msg.openMsg(str(path))
    except (ExMsgBaseException, OSError, ValueError) as exc:
        raise InputError(label, f"not a readable Outlook message ({exc})", stage="intake") from exc


def header_origin(path: Path) -> dict[str, str]:
    """From, To, Cc, Subject, Date (ISO UTC) and Message-ID of the message; nothing when it
    cannot be read (its reader then says why)."""
    try:
        msg = _open(path, str(path))
    except InputError:
        return {}
    origin: dict[str, str] = {}
    try:
        for key, value in (
            ("from", msg.sender),
            ("to", msg.to),
            ("cc", msg.cc),
            ("subject", msg.subject),
            ("message_id", msg.messageId),
        ):
            if value:
                origin[key] = " ".join(str(value).split())
        when = msg.date
        if when is not None:
            origin["date"] = utc_iso(when)
    except Exception:  # a damaged property: the rest of the origin stands
        pass
    finally:
        msg.close()
    return origin


def read(part: Part) -> Extracted:
    """The body as text, with the subject, sender and sent time."""
    msg = _open(part.path, part.label)
    try:
        notes: list[str] = []
        body = msg.body
        language = None
        if isinstance(body, str) and body.strip():
            text = body.replace("\r\n", "\n").strip()
        else:
            html = msg.htmlBody
            if html:
                page = extract_html(decode_html(html, None, label=part.label), label=part.label)
                text, language = page.text, page.language
            else:
                text = ""
                notes.append("no text body")
        when = msg.date
        return Extracted(
            text=text,
            title=" ".join(msg.subject.split()) if msg.subject else None,
            author=msg.sender or None,
            published=as_utc(when) if when is not None else None,
            language=language,
            notes=tuple(notes),
        )
    finally:
        msg.close()


def members(container: Part, sink: MemberSink) -> Iterator[Part]:
    """Each attachment of the message, in order; none when the message cannot be opened (its
    text reader reports that, once)."""
    from extract_msg.enums import AttachmentType

    try:
        msg = _open(container.path, container.label)
    except InputError:
        return
    try:
        for n, attachment in enumerate(msg.attachments, start=1):
            name = attachment.longFilename or attachment.shortFilename or f"part{n}"
            kind = attachment.type
            if kind == AttachmentType.MSG:
                name = name if name.lower().endswith(".msg") else f"{name}.msg"
            label = sink.label(name)
            try:
                name = sink.checked_name(name)
            except InputError as exc:
                yield sink.from_error(exc)
                continue
            if kind == AttachmentType.DATA:
                data = attachment.data
            elif kind == AttachmentType.MSG:
                data = attachment.data.exportBytes()
            else:
                what = getattr(kind, "name", str(kind)).lower()
                yield sink.failure(label, f"attachment not stored in the message ({what})")
                continue
            if not isinstance(data, bytes):
                yield sink.failure(label, "attachment has no content")
                continue
            origin = {"filename": name}
            mime = getattr(attachment, "mimetype", None)
            if mime:
                origin["content_type"] = str(mime)
            yield sink.write(label, [data], name=name, declared=mime, origin=origin)
    finally:
        with contextlib.suppress(Exception):
            msg.close()
