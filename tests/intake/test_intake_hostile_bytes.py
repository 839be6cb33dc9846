"""Garbage under every format's name: the walk never raises, reading raises only InputError."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factfinder.errors import InputError
from factfinder.intake import expand, read_text

NAMES = [
    "x.txt",
    "x.html",
    "x.pdf",
    "x.eml",
    "x.docx",
    "x.warc",
    "x.warc.gz",
    "x.zip",
    "x.tar",
    "x.tar.gz",
    "x.gz",
    "x.bin",
]
PREFIXES = [
    b"",
    b"%PDF-1.4\n",
    b"PK\x03\x04",
    b"\x1f\x8b\x08\x00",
    b"WARC/1.0\r\n",
    b"From: a@b\r\nDate: x\r\n\r\n",
    b"<!doctype html><html>",
    b"BZh91",
    b"\xfd7zXZ\x00",
]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    name=st.sampled_from(NAMES),
    prefix=st.sampled_from(PREFIXES),
    body=st.binary(min_size=0, max_size=600),
)
def test_garbage_never_escapes_as_anything_but_input_error(
    tmp_path: Path, name: str, prefix: bytes, body: bytes
) -> None:
    case = tmp_path / f"case-{abs(hash((name, prefix, body)))}"
    workdir = case / "work"
    workdir.mkdir(parents=True)
    path = case / name
    path.write_bytes(prefix + body)
    for part in expand(path, workdir):
        assert part.path.exists()
        if part.ok:
            assert part.parent is None or part.path.is_relative_to(workdir)
        try:
            read_text(part)
        except InputError as exc:
            assert exc.input.startswith(str(path))
