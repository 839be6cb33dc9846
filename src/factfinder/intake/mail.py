"""E-mail messages (RFC 5322, `.eml`), read with the standard library's `email` package.

The message's text is its body: the text/plain alternative when there is one, else the HTML
one through the HTML reader. Title, author and published time come from Subject, From and Date.
Attachments (parts with a file name or `Content-Disposition: attachment`, and attached
messages) are members; an attached message is re-serialised by `email`, so its bytes may differ
from the original wire form in line endings and folding, while the message that holds it keeps
the exact bytes.
"""

from __future__ import annotations

import datetime as dt
import mimetypes
from collections.abc import Iterator
from email import policy
from email.message import EmailMessage, Message
from email.parser import BytesHeaderParser, BytesParser
from email.utils import getaddresses, parsedate_to_datetime
from pathlib import Path

from factfinder.errors import InputError
from factfinder.intake.html_page import extract_html
from factfinder.intake.parts import Extracted, Part
from factfinder.intake.sink import MemberSink
from factfinder.intake.times import as_utc, utc_iso

HEADER_LIMIT = 1024 * 1024
_ORIGIN_HEADERS = (
    ("from", "From"),
    ("to", "To"),
    ("subject", "Subject"),
    ("message_id", "Message-ID"),
)


def header_origin(path: Path) -> dict[str, str]:
    """From, To, Subject, Date (ISO UTC when it parses) and Message-ID of the message at `path`.

    Only the header block is read.
    """
    with path.open("rb") as fh:
        head = _header_block(fh.read(HEADER_LIMIT))
    msg = BytesHeaderParser(policy=policy.default).parsebytes(head)
    origin: dict[str, str] = {}
    for key, name in _ORIGIN_HEADERS:
        value = _header(msg, name)
        if value:
            origin[key] = value
    raw_date = _header(msg, "Date")
    if raw_date:
        when = _date(raw_date)
        origin["date"] = utc_iso(when) if when else raw_date
    return origin


def members(container: Part, sink: MemberSink) -> Iterator[Part]:
    """Each attachment of the message, depth first through its MIME tree."""
    msg = _parse(container)
    body = _body_part(msg)
    for n, attachment in enumerate(_attachments(msg, body), start=1):
        filename = attachment.get_filename()
        ctype = attachment.get_content_type()
        name = filename or f"part{n}{_extension(ctype)}"
        label = sink.label(name)
        try:
            name = sink.checked_name(name)
        except InputError as exc:
            yield sink.from_error(exc)
            continue
        try:
            data = _attachment_bytes(attachment)
        except (ValueError, LookupError, TypeError) as exc:
            yield sink.failure(label, f"undecodable attachment ({exc})", exc)
            continue
        origin = {"filename": name, "content_type": str(attachment.get("Content-Type", ctype))}
        yield sink.write(label, [data], name=name, declared=ctype, origin=origin)


def read(part: Part) -> Extracted:
    """The message body as text, with Subject, From and Date as title, author and published."""
    msg = _parse(part)
    body = _body_part(msg)
    text, notes = "", []
    extracted_html: Extracted | None = None
    if body is None:
        notes.append("no text body")
    else:
        content = _content_text(body, part.label, notes)
        if body.get_content_type() == "text/html":
            extracted_html = extract_html(content, label=part.label)
            text = extracted_html.text
        else:
            text = content
    raw_date = _header(msg, "Date")
    sender = _header(msg, "From")
    return Extracted(
        text=text,
        title=_header(msg, "Subject"),
        published=_date(raw_date) if raw_date else None,
        author=_author(sender),
        site=None,
        url=None,
        language=extracted_html.language if extracted_html else None,
        notes=tuple(notes),
    )


def _parse(part: Part) -> EmailMessage:
    try:
        with part.path.open("rb") as fh:
            msg = BytesParser(policy=policy.default).parse(fh)
    except OSError as exc:
        raise InputError(part.label, f"cannot read: {exc.strerror or exc}") from exc
    assert isinstance(msg, EmailMessage)  # policy.default builds EmailMessage
    return msg


def _body_part(msg: EmailMessage) -> EmailMessage | None:
    try:
        body = msg.get_body(preferencelist=("plain", "html"))
    except (KeyError, ValueError, TypeError):
        return None
    # A lone "attachment" that get_body picked as the body is still an attachment.
    if body is not None and body.get_content_disposition() == "attachment":
        return None
    return body if isinstance(body, EmailMessage) else None


def _attachments(msg: Message, body: Message | None) -> Iterator[Message]:
    for sub in msg.iter_parts() if isinstance(msg, EmailMessage) else ():
        if sub is body:
            continue
        if sub.get_content_type() == "message/rfc822":
            yield sub
        elif sub.is_multipart():
            yield from _attachments(sub, body)
        elif sub.get_content_disposition() == "attachment" or sub.get_filename():
            yield sub


def _attachment_bytes(attachment: Message) -> bytes:
    if attachment.get_content_type() == "message/rfc822":
        inner = attachment.get_payload(0)
        if not isinstance(inner, Message):
            raise ValueError("attached message has no content")
        return inner.as_bytes(policy=policy.default)
    payload = attachment.get_payload(decode=True)
    if not isinstance(payload, bytes):
        raise ValueError("attachment has no content")
    return payload


def _content_text(body: EmailMessage, label: str, notes: list[str]) -> str:
    try:
        content = body.get_content()
    except LookupError:
        # An unknown charset: decode as UTF-8 and say so rather than lose the message.
        raw = body.get_payload(decode=True)
        notes.append(f"unknown charset {body.get_content_charset()!r}; decoded as UTF-8")
        return raw.decode("utf-8", errors="replace") if isinstance(raw, bytes) else ""
    except (ValueError, TypeError) as exc:
        raise InputError(label, f"undecodable message body ({exc})") from exc
    return content if isinstance(content, str) else ""


def _header(msg: Message, name: str) -> str | None:
    try:
        value = msg.get(name)
    except (ValueError, TypeError, IndexError):
        return None
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


def _date(raw: str) -> dt.datetime | None:
    try:
        when = parsedate_to_datetime(raw)
    except (TypeError, ValueError, IndexError):
        return None
    return as_utc(when)


def _author(sender: str | None) -> str | None:
    if not sender:
        return None
    pairs = getaddresses([sender])
    if not pairs:
        return sender
    name, address = pairs[0]
    if name and address:
        return f"{name} <{address}>"
    return name or address or sender


def _extension(ctype: str) -> str:
    if ctype == "message/rfc822":
        return ".eml"
    return mimetypes.guess_extension(ctype) or ""


def _header_block(data: bytes) -> bytes:
    ends = [at + len(sep) for sep in (b"\r\n\r\n", b"\n\n") if (at := data.find(sep)) >= 0]
    return data[: min(ends)] if ends else data
