"""Property-based tests of what intake reads: JSON Lines (records read back equal; a malformed
line is an error naming `path:line`), document batches, archive member names, times and media
types."""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factfinder.errors import InputError
from factfinder.intake import read_documents
from factfinder.intake.sink import check_member_name
from factfinder.intake.sniff import media_type_from_name, normalise_media_type
from factfinder.intake.times import as_utc, epoch_to_utc, parse_iso, parse_pdf_date, utc_iso
from factfinder.jsonl import dumps, read_jsonl, write_jsonl
from strategies import documents


@contextmanager
def folder() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as tmp:
        yield Path(tmp)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=10),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=10,
)
records = st.dictionaries(st.text(max_size=8), json_values, max_size=5)


# JSON Lines -----------------------------------------------------------------------------------


@settings(max_examples=25)  # each example writes and fsyncs a file
@given(st.lists(records, max_size=8))
def test_records_written_are_read_back_equal(recs: list[dict[str, object]]) -> None:
    with folder() as tmp:
        path = tmp / "out" / "records.jsonl"
        assert write_jsonl(path, recs) == len(recs)
        assert [obj for _, obj in read_jsonl(path)] == recs
        assert [n for n, _ in read_jsonl(path)] == list(range(1, len(recs) + 1))
        assert [p.name for p in path.parent.iterdir()] == ["records.jsonl"]  # no temp file left
        for line, rec in zip(path.read_text(encoding="utf-8").split("\n")[:-1], recs, strict=True):
            assert "\n" not in line and json.loads(line) == rec == json.loads(dumps(rec))


bad_lines = st.sampled_from(
    [
        (b"{not json", "not JSON"),
        (b"[1, 2]", "not a JSON object"),
        (b'"text"', "not a JSON object"),
        (b'{"a": "\xff\xfe"}', "invalid UTF-8"),
        (b"{", "not JSON"),
    ]
)


@settings(max_examples=25)  # each example writes and fsyncs a file
@given(st.lists(records, max_size=5), st.lists(records, max_size=5), bad_lines, st.booleans())
def test_a_malformed_line_is_named_by_path_and_line(
    before: list[dict[str, object]],
    after: list[dict[str, object]],
    bad: tuple[bytes, str],
    blank: bool,
) -> None:
    line, problem = bad
    lines = [json.dumps(r).encode() for r in before]
    if blank:
        lines.append(b"   ")  # blank lines are skipped but still counted
    lines += [line, *(json.dumps(r).encode() for r in after)]
    with folder() as tmp:
        path = tmp / "in.jsonl"
        path.write_bytes(b"\n".join(lines) + b"\n")
        bad_at = len(before) + (2 if blank else 1)
        with pytest.raises(InputError) as caught:
            list(read_jsonl(path))
        assert caught.value.input == f"{path}:{bad_at}"
        assert problem in caught.value.problem and str(path) in str(caught.value)
        errors: list[InputError] = []
        got = [obj for _, obj in read_jsonl(path, errors.append)]
        assert got == before + after
        assert [e.input for e in errors] == [f"{path}:{bad_at}"]


def test_a_missing_file_is_named() -> None:
    with folder() as tmp, pytest.raises(InputError, match="cannot open") as caught:
        list(read_jsonl(tmp / "absent.jsonl"))
    assert caught.value.input.endswith("absent.jsonl")


# Document batches -----------------------------------------------------------------------------


@settings(max_examples=25)  # each example writes and fsyncs a file
@given(st.lists(documents, max_size=6, unique_by=lambda d: d.id))
def test_a_batch_of_documents_reads_back_equal(docs: list) -> None:  # type: ignore[type-arg]
    with folder() as tmp:
        path = tmp / "docs.jsonl"
        write_jsonl(path, [d.to_json() for d in docs])
        assert [d for _, d in read_documents(path)] == docs


@settings(max_examples=25)  # each example writes and fsyncs a file
@given(st.lists(documents, min_size=1, max_size=5, unique_by=lambda d: d.id), st.data())
def test_a_repeated_id_is_named_with_its_first_line(docs: list, data: st.DataObject) -> None:  # type: ignore[type-arg]
    k = data.draw(st.integers(0, len(docs) - 1))
    rows = [d.to_json() for d in docs] + [{"id": docs[k].id, "text": "again"}]
    with folder() as tmp:
        path = tmp / "docs.jsonl"
        write_jsonl(path, rows)
        errors: list[InputError] = []
        assert [d for _, d in read_documents(path, errors.append)] == docs
        (err,) = errors
        assert err.input == f"{path}:{len(rows)}"
        assert f"first on line {k + 1}" in err.problem and err.stage == "intake"


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        ({"text": "no id"}, "non-empty string 'id'"),
        ({"id": "", "text": "x"}, "non-empty string 'id'"),
        ({"id": "a"}, "needs a string 'text'"),
        ({"id": "a", "text": "x", "title": 3}, "title must be a string"),
        ({"id": "a", "text": "x", "published": "yesterday"}, "not an ISO date"),
    ],
)
def test_a_broken_document_is_named(row: dict[str, object], problem: str, tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    write_jsonl(path, [{"id": "ok", "text": "fine"}, row])
    with pytest.raises(InputError, match=problem) as caught:
        list(read_documents(path))
    assert caught.value.input == f"{path}:2"


# Archive member names --------------------------------------------------------------------------

segments = st.from_regex(r"[A-Za-z0-9_ ()\-]{1,12}", fullmatch=True).filter(
    lambda s: s.strip(".") != ""
)


@given(st.lists(segments, min_size=1, max_size=5), st.sampled_from(["/", "\\"]), st.booleans())
def test_a_relative_member_name_is_kept_forward_slashed(
    parts: list[str], sep: str, dots: bool
) -> None:
    name = sep.join(("." + sep if dots else "") + p for p in parts)
    assert check_member_name("a.zip", name) == "/".join(parts)


@given(
    st.lists(segments, max_size=3),
    st.lists(segments, max_size=3),
    st.sampled_from(["..", "/", "\\", "C:", "\x00"]),
)
def test_an_escaping_member_name_is_refused(
    before: list[str], after: list[str], hazard: str
) -> None:
    if hazard == "..":
        name = "/".join([*before, "..", *after])
    elif hazard in ("/", "\\"):
        name = hazard + "/".join([*before, "x", *after])
    elif hazard == "C:":
        name = "C:" + "/".join([*before, "x"])
    else:
        name = "/".join([*before, "x\x00y", *after])
    with pytest.raises(InputError) as caught:
        check_member_name("a.zip", name)
    assert caught.value.input == f"a.zip!{name}"


# Times and media types ----------------------------------------------------------------------

aware = st.datetimes(
    min_value=dt.datetime(1971, 1, 1),
    max_value=dt.datetime(2099, 1, 1),
    timezones=st.sampled_from(
        [
            dt.UTC,
            dt.timezone(dt.timedelta(hours=3)),
            dt.timezone(-dt.timedelta(hours=5, minutes=30)),
        ]
    ),
)


@given(aware)
def test_times_come_back_in_utc(moment: dt.datetime) -> None:
    utc = as_utc(moment)
    assert utc == moment and utc.utcoffset() == dt.timedelta(0)
    text = utc_iso(moment)
    assert text.endswith("Z") and parse_iso(text) == moment
    assert as_utc(moment.replace(tzinfo=None)).replace(tzinfo=None) == moment.replace(tzinfo=None)
    assert epoch_to_utc(moment.timestamp()) == moment


@given(aware)
def test_pdf_dates_read_as_written(moment: dt.datetime) -> None:
    moment = moment.replace(microsecond=0)
    offset = moment.utcoffset() or dt.timedelta(0)
    minutes = int(offset.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "-"
    zone = "Z" if minutes == 0 else f"{sign}{abs(minutes) // 60:02d}'{abs(minutes) % 60:02d}'"
    text = f"D:{moment:%Y%m%d%H%M%S}{zone}"
    assert parse_pdf_date(text) == moment
    assert parse_pdf_date(f"D:{moment:%Y}") == dt.datetime(moment.year, 1, 1, tzinfo=dt.UTC)


@given(st.text(max_size=30))
def test_garbage_is_no_time(text: str) -> None:
    got = parse_iso(text)
    assert got is None or got.utcoffset() == dt.timedelta(0)
    pdf = parse_pdf_date(text)
    assert pdf is None or pdf.utcoffset() == dt.timedelta(0)


@given(
    st.sampled_from(["text/html", "application/pdf", "text/plain", "message/rfc822"]),
    st.sampled_from(["", "; charset=UTF-8", ";charset=windows-1256", "  "]),
)
def test_media_types_are_normalised(base: str, params: str) -> None:
    for written in (base, base.upper(), base.title()):
        assert normalise_media_type(written + params) == base
    assert normalise_media_type(None) is None and normalise_media_type("nonsense") is None


@given(st.from_regex(r"[a-z0-9_-]{1,10}", fullmatch=True))
def test_a_name_extension_decides_regardless_of_case(stem: str) -> None:
    for ext, expected in (
        (".pdf", "application/pdf"),
        (".html", "text/html"),
        (".txt", "text/plain"),
    ):
        assert media_type_from_name(stem + ext) == expected
        assert media_type_from_name((stem + ext).upper()) == expected
