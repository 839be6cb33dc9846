"""Reading claims and documents in chunks (link.reading) gives what reading the whole file line
by line gives (jsonl.read_jsonl), whatever the chunk size: every line once, with its number,
and a malformed line named by path and line with the same message."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from factfinder.errors import InputError, InvalidRecord
from factfinder.jsonl import read_jsonl, write_jsonl
from factfinder.link.reading import (
    ClaimsLine,
    DocLine,
    LineFailure,
    claim_parts,
    file_chunks,
    read_chunk,
    read_docs_chunk,
)
from factfinder.model import Document, DocumentClaims
from strategies import claims, documents

BAD = [b"{not json", b"[1]", b'{"x": "\xff"}', b'{"id": 3}', b"   "]


@st.composite
def claims_files(draw: st.DrawFn) -> list[bytes]:
    lines: list[bytes] = []
    for k in range(draw(st.integers(0, 8))):
        if draw(st.booleans()):
            dc = DocumentClaims(f"d{k}", tuple(draw(st.lists(claims, max_size=2))))
            lines.append(json.dumps(dc.to_json(), ensure_ascii=False).encode())
        else:
            lines.append(draw(st.sampled_from(BAD)))
    return lines


def expected(path: Path, parse) -> list[tuple[int, str | None, str | None]]:  # type: ignore[no-untyped-def]
    """(line, id, failure input) of each non-blank line, read whole with `read_jsonl`."""
    out: list[tuple[int, str | None, str | None]] = []
    errors: list[InputError] = []
    good = dict(read_jsonl(path, errors.append))
    failed = {int(e.input.rsplit(":", 1)[1]): e for e in errors}
    for n in sorted(good.keys() | failed.keys()):
        if n in failed:
            out.append((n, None, failed[n].input))
            continue
        try:
            out.append((n, parse(good[n]).id, None))
        except InvalidRecord:
            out.append((n, None, f"{path}:{n}"))
    return out


def chunked(path: Path, size: int, reader) -> list[tuple[int, str | None, str | None]]:  # type: ignore[no-untyped-def]
    chunks = file_chunks(path, size)
    assert [c.start for c in chunks[1:]] == [c.end for c in chunks[:-1]]  # contiguous
    assert (chunks[-1].end if chunks else 0) == path.stat().st_size
    out: list[tuple[int, str | None, str | None]] = []
    for chunk in chunks:
        for r in reader(chunk):
            if isinstance(r, LineFailure):
                out.append((r.line, None, r.input))
            else:
                assert isinstance(r, ClaimsLine | DocLine)
                out.append((r.line, r.doc_id, None))
    return out


@settings(max_examples=25)
@given(claims_files(), st.integers(1, 300), st.booleans())
def test_claims_read_in_chunks_equal_claims_read_whole(
    lines: list[bytes], size: int, final_newline: bool
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "claims.jsonl"
        path.write_bytes(b"\n".join(lines) + (b"\n" if final_newline and lines else b""))
        assert chunked(path, size, read_chunk) == expected(path, DocumentClaims.from_json)


@settings(max_examples=25)
@given(
    st.lists(documents | st.sampled_from(BAD), max_size=8),
    st.integers(1, 300),
)
def test_documents_read_in_chunks_equal_documents_read_whole(rows: list, size: int) -> None:  # type: ignore[type-arg]
    lines = [
        r if isinstance(r, bytes) else json.dumps(r.to_json(), ensure_ascii=False).encode()
        for r in rows
    ]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "docs.jsonl"
        path.write_bytes(b"".join(line + b"\n" for line in lines))
        assert chunked(path, size, read_docs_chunk) == expected(path, Document.from_json)


@settings(max_examples=25)
@given(
    st.lists(
        st.builds(
            DocumentClaims,
            st.from_regex(r"[a-z0-9][a-z0-9_-]{0,12}", fullmatch=True),
            st.lists(claims, max_size=3).map(tuple),
        ),
        max_size=5,
    ),
    st.integers(1, 300),
)
def test_a_claims_file_written_reads_back_equal(docs: list[DocumentClaims], size: int) -> None:
    # CLAIMS.jsonl as `factfinder extract` writes it, read whole and read by the linker.
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "claims.jsonl"
        assert write_jsonl(path, (dc.to_json() for dc in docs)) == len(docs)
        assert [DocumentClaims.from_json(obj) for _, obj in read_jsonl(path)] == docs
        read = [r for chunk in file_chunks(path, size) for r in read_chunk(chunk)]
    assert [(r.line, r.doc_id, r.claims) for r in read if isinstance(r, ClaimsLine)] == [
        (n, dc.id, claim_parts(dc.claims)) for n, dc in enumerate(docs, start=1)
    ]


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    try:
        file_chunks(tmp_path / "absent.jsonl")
    except InputError as exc:
        assert exc.input.endswith("absent.jsonl") and "cannot open" in exc.problem
    else:
        raise AssertionError("no error")
