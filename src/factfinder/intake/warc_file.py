"""Captures inside a WARC file (plain or gzip per record), read with warcio.

Each `response` record with an HTTP 2xx status and a body becomes a part labelled
"crawl.warc.gz#N" (N counts every record from 1): its bytes are the HTTP payload, de-chunked
and decompressed; its media type comes from the HTTP Content-Type (the bytes still win when they
are unambiguous); `origin` carries `target_uri`, `captured_at` (WARC-Date, ISO UTC),
`content_type`, `record_id` and `http_status`. A `resource` record of an http(s) URI counts as
a capture too. Requests, metadata, revisits and redirects are passed over.

A record cut short (the file ends inside it) is a failed part naming the record; the records
before it have already been yielded, and nothing after it can be read.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

from factfinder.errors import InputError
from factfinder.intake.parts import Part
from factfinder.intake.sink import CHUNK, LimitExceeded, MemberSink
from factfinder.intake.times import parse_iso, utc_iso


def members(container: Part, sink: MemberSink) -> Iterator[Part]:
    """Each capture of the WARC, in file order."""
    from warcio.archiveiterator import ArchiveIterator

    size = container.path.stat().st_size
    with container.path.open("rb") as fh:
        records = ArchiveIterator(fh)
        stream = iter(records)
        n = 0
        while True:
            n += 1
            label = f"{container.label}#{n}"
            try:
                record = next(stream)
            except StopIteration:
                break
            except Exception as exc:  # warcio raises many types on bad bytes
                yield sink.failure(label, f"unreadable record ({type(exc).__name__}: {exc})", exc)
                return
            if record.rec_type is None or record.rec_headers is None:
                yield sink.failure(label, "truncated record (the file ends inside its headers)")
                return
            capture = _capture(record)
            part: Part | None = None
            if capture is not None:
                declared, origin = capture
                try:
                    part = sink.write(
                        label,
                        record.content_stream(),
                        declared=declared,
                        name=_name_from_uri(origin.get("target_uri", "")),
                        origin=origin,
                    )
                except (LimitExceeded, InputError):
                    raise
                except Exception as exc:  # bad chunking or content-encoding
                    yield sink.failure(
                        label, f"unreadable payload ({type(exc).__name__}: {exc})", exc
                    )
                    part = None
            missing = _drain(record)
            if missing:
                if part is not None and part.ok:
                    part.path.unlink(missing_ok=True)
                yield sink.failure(
                    label, f"truncated record ({missing} bytes missing; the file ends inside it)"
                )
                return
            if part is not None:
                yield part
        if records.offset < size:
            yield sink.failure(
                label, f"truncated record (unreadable data from byte {records.offset} of {size})"
            )


def _capture(record: Any) -> tuple[str | None, dict[str, str]] | None:
    """(declared media type, origin) for a record worth a part, else None."""
    headers = record.rec_headers
    uri = headers.get_header("WARC-Target-URI") or ""
    if record.rec_type == "response":
        http = record.http_headers
        if http is None:
            return None
        status = http.get_statuscode() or ""
        if not status.startswith("2") or status == "204":
            return None
        declared = http.get_header("Content-Type")
    elif record.rec_type == "resource" and uri.lower().startswith(("http://", "https://")):
        status = ""
        declared = headers.get_header("Content-Type")
    else:
        return None
    origin = {"target_uri": uri, "filename": _name_from_uri(uri)}
    warc_date = headers.get_header("WARC-Date") or ""
    when = parse_iso(warc_date)
    origin["captured_at"] = utc_iso(when) if when else warc_date
    for key, value in (
        ("content_type", declared),
        ("record_id", headers.get_header("WARC-Record-ID")),
        ("http_status", status),
    ):
        if value:
            origin[key] = value
    return declared, {k: v for k, v in origin.items() if v}


def _drain(record: Any) -> int:
    """Read what is left of the record; return how many of its declared bytes never came."""
    raw = record.raw_stream
    while raw.read(CHUNK):
        pass
    return int(getattr(raw, "limit", 0) or 0)


def _name_from_uri(uri: str) -> str:
    path = urlsplit(uri).path
    return path.rstrip("/").rsplit("/", 1)[-1]
