"""E-mail round trips: a message written with any subject, sender, date and body (ASCII or
Arabic, plain or HTML) reads back with the same values; attachments become members with their
names and bytes, nested messages included."""

from __future__ import annotations

import datetime as dt
import tempfile
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from factfinder.intake import mail
from factfinder.intake.parts import Extracted, Part

words = st.text(
    alphabet=st.sampled_from("abcdefghij KLMNOP 0123 قصف مدنيين إدلب éü-"), min_size=1, max_size=40
).filter(lambda s: s.strip())
bodies = st.lists(words, min_size=1, max_size=5).map("\n".join)
senders = st.tuples(
    st.from_regex(r"[A-Z][a-z]{1,8}( [A-Z][a-z]{1,8})?", fullmatch=True),
    st.from_regex(r"[a-z]{1,8}@[a-z]{1,8}\.org", fullmatch=True),
)
moments = st.datetimes(
    min_value=dt.datetime(1990, 1, 1),
    max_value=dt.datetime(2090, 1, 1),
    timezones=st.sampled_from([dt.UTC, dt.timezone(dt.timedelta(hours=3))]),
).map(lambda m: m.replace(microsecond=0))


def read_message(msg: EmailMessage) -> Extracted:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "m.eml"
        path.write_bytes(bytes(msg))
        return mail.read(Part("m.eml", path, "message/rfc822", None))


@settings(max_examples=40)
@given(words, senders, moments, bodies, st.booleans())
def test_a_message_reads_back_its_headers_and_body(subject, sender, when, body, html) -> None:  # type: ignore[no-untyped-def]
    msg = EmailMessage()
    msg["Subject"] = subject
    msg["From"] = f"{sender[0]} <{sender[1]}>"
    msg["Date"] = format_datetime(when)
    if html:
        paragraphs = "".join(f"<p>{line}</p>" for line in body.split("\n"))
        msg.set_content(f"<html><body>{paragraphs}</body></html>", subtype="html")
    else:
        msg.set_content(body)
    got = read_message(msg)
    assert got.title == " ".join(subject.split())
    assert got.author == f"{sender[0]} <{sender[1]}>"
    assert got.published == when
    if html:
        assert [" ".join(s.split()) for s in got.text.split("\n") if s.strip()] == [
            " ".join(s.split()) for s in body.split("\n")
        ]
    else:
        assert got.text.rstrip("\n") == body
    assert got.notes == ()


def test_a_message_without_a_text_body_says_so() -> None:
    msg = EmailMessage()
    msg["Subject"] = "Photos"
    msg["From"] = "witness@example.org"
    msg["Date"] = "not a date"
    msg.add_attachment(b"\x89PNG", maintype="image", subtype="png", filename="a.png")
    got = read_message(msg)
    assert got.text == "" and got.notes == ("no text body",)
    assert got.published is None and got.author == "witness@example.org"


def test_an_unknown_charset_is_read_as_utf8_with_a_note() -> None:
    raw = (
        b"Subject: x\r\nContent-Type: text/plain; charset=x-unknown\r\n"
        b"Content-Transfer-Encoding: 8bit\r\n\r\n" + "قصف".encode() + b"\r\n"
    )
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "m.eml"
        path.write_bytes(raw)
        got = mail.read(Part("m.eml", path, "message/rfc822", None))
    assert got.text.strip() == "قصف"
    assert got.notes == ("unknown charset 'x-unknown'; decoded as UTF-8",)


class _Sink:
    """Collects what `mail.members` writes (the walker's sink, reduced to what it calls)."""

    def __init__(self) -> None:
        self.written: list[tuple[str, bytes, str]] = []

    def label(self, name: str) -> str:
        return f"m.eml!{name}"

    def checked_name(self, name: str) -> str:
        return name

    def write(self, label, chunks, *, name, declared, origin):  # type: ignore[no-untyped-def]
        self.written.append((name, b"".join(chunks), declared))
        return label

    def failure(self, label, problem, exc):  # type: ignore[no-untyped-def]
        return ("failed", label, problem)

    def from_error(self, exc):  # type: ignore[no-untyped-def]
        return ("refused", exc)


@settings(max_examples=30)
@given(
    st.lists(
        st.tuples(
            st.from_regex(r"[a-z]{1,8}\.(txt|pdf|bin)", fullmatch=True), st.binary(max_size=300)
        ),
        max_size=3,
        unique_by=lambda t: t[0],
    ),
    bodies,
)
def test_attachments_come_out_with_their_names_and_bytes(files, body) -> None:  # type: ignore[no-untyped-def]
    msg = EmailMessage()
    msg["Subject"] = "Annexes"
    msg.set_content(body)
    for name, data in files:
        msg.add_attachment(data, maintype="application", subtype="octet-stream", filename=name)
    inner = EmailMessage()
    inner["Subject"] = "Forwarded"
    inner.set_content("the original report")
    msg.add_attachment(inner)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "m.eml"
        path.write_bytes(bytes(msg))
        sink = _Sink()
        list(mail.members(Part("m.eml", path, "message/rfc822", None), sink))  # type: ignore[arg-type]
    assert [(n, d) for n, d, _ in sink.written[: len(files)]] == files
    name, data, declared = sink.written[-1]
    assert name == f"part{len(files) + 1}.eml" and declared == "message/rfc822"
    assert b"the original report" in data and b"Subject: Forwarded" in data
