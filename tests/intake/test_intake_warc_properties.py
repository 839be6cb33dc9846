"""Any WARC (gzip or plain) of responses with any bodies: each 2xx response becomes a part
holding exactly its body, the others none; the file cut at any byte never raises and keeps the
parts before the cut intact, naming the cut record as truncated or unreadable."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from factfinder.intake.walk import expand

responses = st.lists(
    st.tuples(
        st.sampled_from(["200 OK", "404 Not Found", "204 No Content"]),
        st.binary(min_size=1, max_size=400),  # an empty body is an "empty file" failure
    ),
    min_size=1,
    max_size=4,
)


def warc_bytes(records: list[tuple[str, bytes]], gzip: bool) -> bytes:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gzip)
    for k, (status, body) in enumerate(records):
        http = StatusAndHeaders(
            status, [("Content-Type", "application/octet-stream")], protocol="HTTP/1.1"
        )
        writer.write_record(
            writer.create_warc_record(
                f"https://example.org/r{k}.bin",
                "response",
                payload=io.BytesIO(body),
                length=len(body),
                http_headers=http,
                warc_headers_dict={
                    "WARC-Date": "2020-01-02T03:04:05Z",
                    # a fixed id: the same records give the same bytes (hypothesis replays them)
                    "WARC-Record-ID": f"<urn:uuid:00000000-0000-4000-8000-{k:012d}>",
                },
            )
        )
    return buf.getvalue()


def expanded(data: bytes) -> list[tuple[str, bytes | None, str | None]]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "crawl.warc"
        path.write_bytes(data)
        work = Path(tmp) / "work"
        work.mkdir()
        out = []
        # the WARC's own records: the container itself comes first, and a body that is itself an
        # archive (a random body may start with a zip's magic) has members or errors of its own
        for part in list(expand(path, work))[1:]:
            if part.parent != 0:
                continue
            label = part.label.rsplit("#", 1)[-1]
            if part.ok:
                out.append((label, part.path.read_bytes(), None))
            else:
                assert part.error is not None
                out.append((label, None, part.error.problem))
        return out


def good(records: list[tuple[str, bytes]]) -> list[tuple[str, bytes, None]]:
    return [
        (str(k + 1), body, None) for k, (status, body) in enumerate(records) if status == "200 OK"
    ]


@settings(max_examples=30)
@given(responses, st.booleans())
@example([("200 OK", b"PK\x03\x04")], False)  # a body that looks like a zip and is not one
@example([("200 OK", b"%PDF-")], False)  # a PDF near its start does not make the WARC a PDF
def test_each_ok_response_is_a_part_holding_its_body(records, gzip: bool) -> None:  # type: ignore[no-untyped-def]
    assert expanded(warc_bytes(records, gzip)) == good(records)


@settings(max_examples=40)
@given(responses, st.booleans(), st.data())
def test_a_warc_cut_anywhere_keeps_what_came_before(records, gzip: bool, data) -> None:  # type: ignore[no-untyped-def]
    whole = warc_bytes(records, gzip)
    cut = data.draw(st.integers(1, len(whole) - 1))
    got = expanded(whole[:cut])
    kept = [g for g in got if g[2] is None]
    failed = [g for g in got if g[2] is not None]
    expected = good(records)
    assert kept == expected[: len(kept)]  # every part before the cut is intact
    assert len(failed) <= 1
    if failed:
        assert got[-1] == failed[0]  # the failure is the last thing reported
        assert failed[0][2].startswith(
            (
                "truncated record",
                "unreadable record",
                "unreadable payload",
                "corrupt or truncated compressed data",  # a gzip cut inside its first member
            )
        )
