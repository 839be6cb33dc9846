"""Properties of the BagIt layer (RFC 8493) of evidence packages: paths survive the manifest's
percent-encoding, a bag of any files written with `manifest_text` checks clean, a changed byte
is named by its file, and bag-info.txt elements read back as written."""

from __future__ import annotations

import hashlib
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from factfinder.report.bag import (
    check_bag,
    decode_path,
    encode_path,
    manifest_text,
    parse_bag_info,
    tag_lines,
)

BAGIT = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"

# A file name as another tool may write it: any character a POSIX file name may hold but "/",
# including the line breaks and "%" that the manifest encodes, and the separators that
# `str.splitlines` would take for line ends. A name does not start with a blank (the manifest's
# separator is a run of blanks), is not "." or "..", and holds no backslash (refused as a
# path that may leave the bag on Windows).
names = st.text(
    alphabet=st.characters(codec="utf-8", exclude_characters="/\\\x00"),
    min_size=1,
    max_size=12,
).filter(lambda s: s[0] not in " \t" and s not in (".", "..") and len(s.encode()) < 200)
payloads = st.dictionaries(names, st.binary(max_size=64), min_size=1, max_size=5)


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=40))
def test_a_path_survives_the_manifest_encoding(path: str) -> None:
    encoded = encode_path(path)
    assert "\n" not in encoded and "\r" not in encoded
    assert decode_path(encoded) == path


@given(st.text(max_size=40))
def test_decoding_never_raises_and_leaves_other_escapes(text: str) -> None:
    decoded = decode_path(text)
    assert len(decoded) <= len(text)
    assert decode_path(text.replace("%", "%25")) == text


def _write_bag(bag: Path, files: dict[str, bytes], info: str | None) -> None:
    (bag / "data").mkdir(parents=True)
    for name, data in files.items():
        (bag / "data" / name).write_bytes(data)
    entries = [(hashlib.sha256(d).hexdigest(), f"data/{n}") for n, d in sorted(files.items())]
    (bag / "manifest-sha256.txt").write_text(manifest_text(entries), encoding="utf-8")
    (bag / "bagit.txt").write_text(BAGIT, encoding="utf-8")
    if info is not None:
        (bag / "bag-info.txt").write_text(info, encoding="utf-8")


@settings(max_examples=40, deadline=None)
@given(payloads, st.booleans())
def test_a_bag_of_any_files_checks_clean(files: dict[str, bytes], with_oxum: bool) -> None:
    oxum = f"{sum(len(d) for d in files.values())}.{len(files)}"
    info = f"Payload-Oxum: {oxum}\nBagging-Date: 2024-12-01\n" if with_oxum else None
    with tempfile.TemporaryDirectory() as tmp:
        bag = Path(tmp) / "bag"
        _write_bag(bag, files, info)
        check = check_bag(bag)
    assert check.problems == []
    assert check.checked == [
        f"bag (RFC 8493): {len(files)} payload files in 1 payload manifests, "
        "0 tag-manifest entries hashed"
    ]
    assert (("Payload-Oxum", oxum) in check.info) == with_oxum


@settings(max_examples=40, deadline=None)
@given(payloads, st.data())
def test_a_changed_payload_file_is_named(files: dict[str, bytes], data: st.DataObject) -> None:
    name = data.draw(st.sampled_from(sorted(files)), label="name")
    new = data.draw(st.binary(max_size=64).filter(lambda b: b != files[name]), label="new")
    with tempfile.TemporaryDirectory() as tmp:
        bag = Path(tmp) / "bag"
        _write_bag(bag, files, None)
        (bag / "data" / name).write_bytes(new)
        problems = check_bag(bag).problems
    assert [(p.file, p.message) for p in problems] == [
        (f"data/{name}", "does not match its sha256 in manifest-sha256.txt (altered)")
    ]


labels = st.text(
    alphabet=st.characters(codec="utf-8", exclude_characters=":"), min_size=1, max_size=15
).filter(lambda s: s == s.strip() and s.strip() and "\n" not in s and "\r" not in s)
words = st.from_regex(r"[^\s:]{1,10}", fullmatch=True)
values = st.lists(words, min_size=1, max_size=4).map(" ".join)


@given(st.lists(st.tuples(labels, st.lists(values, min_size=1, max_size=3)), max_size=6))
def test_bag_info_elements_read_back_as_written(elements: list[tuple[str, list[str]]]) -> None:
    # Each element on one line, or its value folded over continuation lines.
    text = "".join(
        f"{label}: {parts[0]}\n" + "".join(f"\t{p}\n" for p in parts[1:])
        for label, parts in elements
    )
    assert parse_bag_info(text) == ([(label, " ".join(parts)) for label, parts in elements], [])


@given(st.text(max_size=200))
def test_any_bag_info_text_gives_elements_and_bad_line_numbers(text: str) -> None:
    elements, bad = parse_bag_info(text)
    lines = tag_lines(text)
    assert all(1 <= n <= len(lines) for n in bad)
    assert bad == sorted(set(bad))
    assert len(elements) + len(bad) <= sum(1 for line in lines if line.strip())
    assert all(label and ":" not in label for label, _ in elements)
