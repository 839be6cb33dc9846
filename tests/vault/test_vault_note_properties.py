"""Properties of checkpoints as C2SP signed notes: any checkpoint reads back from its note with
the same log, size, root and time and verifies under its key only; any change to the signed
text breaks the signature; and any bytes at all either read as a note or are refused as an
`InvalidRecord`, never with another error."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from factfinder.errors import InvalidRecord
from factfinder.vault.hashing import format_hash
from factfinder.vault.note import DASH, looks_like_note, note_text, parse_note, sign_note
from factfinder.vault.signing import SigningKey, sign_checkpoint

KEY = SigningKey.generate()
OTHER = SigningKey.generate()

log_ids = st.uuids().map(str)
sizes = st.integers(min_value=0, max_value=2**53)
roots = st.binary(min_size=32, max_size=32).map(format_hash)
times = st.datetimes(min_value=dt.datetime(2000, 1, 1), max_value=dt.datetime(2100, 1, 1)).map(
    lambda t: t.replace(microsecond=0).isoformat() + "Z"
)


@settings(max_examples=40, deadline=None)
@given(log_ids, sizes, roots, times)
def test_a_checkpoint_reads_back_from_its_note(log: str, size: int, root: str, time: str) -> None:
    cp = sign_checkpoint(KEY, log, size, root, time)
    data = sign_note(cp, KEY).encode("utf-8")
    assert looks_like_note(data)
    note = parse_note(data)
    assert (note.log_id, note.size, note.root, note.time) == (log, size, root, time)
    assert note.text == note_text(cp)
    assert note.verify(KEY.public_key)
    assert not note.verify(OTHER.public_key)
    # Ed25519 is deterministic: the note of a checkpoint is always the same bytes.
    assert sign_note(cp, KEY).encode("utf-8") == data


@settings(max_examples=40, deadline=None)
@given(log_ids, sizes, roots, times, st.data())
def test_any_changed_character_of_the_text_breaks_the_note(
    log: str, size: int, root: str, time: str, data: st.DataObject
) -> None:
    cp = sign_checkpoint(KEY, log, size, root, time)
    signed = sign_note(cp, KEY)
    text_len = len(note_text(cp))
    # Any character of the signed text but its newlines, which keep the note's shape.
    where = data.draw(
        st.integers(0, text_len - 1).filter(lambda i: signed[i] != "\n"), label="where"
    )
    new = data.draw(
        st.characters(codec="utf-8", exclude_characters="\n").filter(lambda c: c != signed[where]),
        label="new",
    )
    forged = signed[:where] + new + signed[where + 1 :]
    try:
        note = parse_note(forged.encode("utf-8"))
    except InvalidRecord:
        return
    assert not note.verify(KEY.public_key)


@settings(max_examples=40, deadline=None)
@given(log_ids, sizes, roots, times, st.integers(min_value=1))
def test_a_note_signed_for_another_tree_does_not_verify(
    log: str, size: int, root: str, time: str, bump: int
) -> None:
    cp = sign_checkpoint(KEY, log, size, root, time)
    signed = sign_note(cp, KEY)
    text, _, signatures = signed.rpartition("\n\n")
    origin, _size, rest = text.split("\n", 2)
    moved = f"{origin}\n{size + bump}\n{rest}\n\n{signatures}"
    note = parse_note(moved.encode("utf-8"))
    assert note.size == size + bump
    assert not note.verify(KEY.public_key)


@settings(max_examples=150)
@given(
    st.binary(max_size=300)
    | st.lists(
        st.sampled_from(
            ["factfinder/x", "42", "AAAA", "time 2024-01-01T00:00:00Z", "", f"{DASH} n QUFBQUFB"]
        )
        | st.text(max_size=20),
        max_size=8,
    ).map(lambda lines: "\n".join(lines).encode("utf-8"))
)
def test_any_bytes_are_a_note_or_an_invalid_record(data: bytes) -> None:
    try:
        note = parse_note(data, what="upload.note")
    except InvalidRecord as exc:
        assert str(exc).startswith("upload.note: ")
        return
    assert note.size >= 0
    assert len(note.root_bytes) == 32
    assert note.signatures
