"""Keys, checkpoints and ledger entries: public keys read from PEM or hex (and refused
otherwise), signing keys saved once and loaded back, checkpoints whose any changed field breaks
the signature, and the framing of an entry equal to its canonical text for any field values."""

from __future__ import annotations

import datetime as dt
import os
import stat
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from hypothesis import given
from hypothesis import strategies as st

from factfinder.errors import InvalidRecord, ProjectError
from factfinder.vault.hashing import canonical_bytes, canonical_json
from factfinder.vault.ledger import LedgerEntry, entry_framing, format_time
from factfinder.vault.signing import Checkpoint, PublicKey, SigningKey, sign_checkpoint

KEY = SigningKey.generate()
ROOT = "sha256:" + "ab" * 32


def test_a_public_key_reads_back_from_pem_and_hex(tmp_path: Path) -> None:
    pub = KEY.public_key
    assert PublicKey.from_text(pub.to_pem()) == pub
    assert PublicKey.from_text(f"  {pub.to_hex()}\n") == pub
    (tmp_path / "k.pem").write_text(pub.to_pem(), encoding="ascii")
    assert PublicKey.load(tmp_path / "k.pem") == pub
    assert len(pub.key_id) > 0 and pub.key_id == PublicKey.from_text(pub.to_hex()).key_id


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("not a key", "neither PEM nor hex"),
        ("abcd", "32 bytes, got 2"),
        ("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----", "not a PEM public key"),
    ],
)
def test_a_bad_public_key_is_refused(text: str, problem: str) -> None:
    with pytest.raises(InvalidRecord, match=problem):
        PublicKey.from_text(text, "trusted key")


def test_a_public_key_of_another_algorithm_is_refused(tmp_path: Path) -> None:
    other = ec.generate_private_key(ec.SECP256R1()).public_key()
    pem = other.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    ).decode()
    with pytest.raises(InvalidRecord, match="not an Ed25519 key"):
        PublicKey.from_text(pem)
    with pytest.raises(InvalidRecord, match="cannot read public key"):
        PublicKey.load(tmp_path / "absent.pem")


def test_a_signing_key_is_saved_once_and_loads_back(tmp_path: Path) -> None:
    private, pem, hex_ = tmp_path / "keys" / "ledger.key", tmp_path / "p.pem", tmp_path / "p.hex"
    KEY.save(private, pem, hex_)
    assert stat.S_IMODE(os.stat(private).st_mode) == 0o600
    loaded = SigningKey.load(private)
    assert loaded.public_key == KEY.public_key
    assert PublicKey.load(pem) == PublicKey.load(hex_) == KEY.public_key
    message = b"checkpoint"
    assert KEY.public_key.verify(message, loaded.sign(message))
    with pytest.raises(FileExistsError):
        SigningKey.generate().save(private, pem, hex_)  # never overwritten


def test_a_bad_signing_key_file_is_a_project_error(tmp_path: Path) -> None:
    with pytest.raises(ProjectError, match="cannot read the signing key"):
        SigningKey.load(tmp_path / "absent.key")
    (tmp_path / "junk.key").write_bytes(b"junk")
    with pytest.raises(ProjectError, match="not an unencrypted PEM private key"):
        SigningKey.load(tmp_path / "junk.key")
    ec_pem = ec.generate_private_key(ec.SECP256R1()).private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    (tmp_path / "ec.key").write_bytes(ec_pem)
    with pytest.raises(ProjectError, match="not an Ed25519 key"):
        SigningKey.load(tmp_path / "ec.key")


@given(
    st.text(min_size=1, max_size=10),
    st.integers(0, 10**9),
    st.sampled_from(["log", "size", "root", "time"]),
)
def test_any_changed_checkpoint_field_breaks_the_signature(
    log_id: str, size: int, field: str
) -> None:
    cp = sign_checkpoint(KEY, log_id, size, ROOT, "2026-01-01T00:00:00.000000Z")
    assert cp.verify(KEY.public_key)
    assert Checkpoint.from_json(cp.to_json()) == cp
    changed = cp.to_json() | {
        "log": log_id + "x",
        "size": size + 1,
        "root": "sha256:" + "cd" * 32,
        "time": "2026-01-01T00:00:00.000001Z",
    }
    forged = Checkpoint.from_json(cp.to_json() | {field: changed[field]})
    assert not forged.verify(KEY.public_key)
    assert not cp.verify(SigningKey.generate().public_key)
    garbled = Checkpoint.from_json(cp.to_json() | {"signature": "not base64!"})
    assert not garbled.verify(KEY.public_key)


@pytest.mark.parametrize(
    ("obj", "problem"),
    [
        ({"type": "other"}, "not a"),
        ("text", "not a"),
        ({"type": "factfinder.checkpoint.v1", "size": -1}, "non-negative"),
        ({"type": "factfinder.checkpoint.v1", "size": True}, "non-negative"),
        ({"type": "factfinder.checkpoint.v1", "size": 3}, "lacks 'log'"),
    ],
)
def test_a_malformed_checkpoint_is_refused(obj: object, problem: str) -> None:
    with pytest.raises(InvalidRecord, match=problem):
        Checkpoint.from_json(obj)


fields = st.text(max_size=12)


@given(
    st.integers(0, 10**9),
    fields.filter(bool),
    fields.filter(bool),
    st.none() | fields,
    st.dictionaries(fields, st.integers() | fields, max_size=3),
)
def test_the_framing_of_an_entry_is_its_canonical_text(
    seq: int, kind: str, actor: str, subject: str | None, payload: dict[str, object]
) -> None:
    time = format_time(dt.datetime(2026, 5, 1, tzinfo=dt.UTC))
    e = LedgerEntry.make(seq, kind, actor, time, payload, subject)
    prefix, suffix = entry_framing(seq, kind, actor, time, subject)
    assert e.entry == prefix + canonical_json(dict(payload)) + suffix
    assert e.framing() == (prefix, suffix)
    assert e.to_json()["payload"] == payload and e.created_at.tzinfo is not None


@pytest.mark.parametrize(("kind", "actor"), [("", "cli:x"), ("item.added", "")])
def test_an_entry_needs_a_kind_and_an_actor(kind: str, actor: str) -> None:
    with pytest.raises(InvalidRecord, match="needs a"):
        LedgerEntry.make(0, kind, actor, "2026-01-01T00:00:00Z", {})


@pytest.mark.parametrize("value", [float("nan"), {1, 2}, "\ud800"])
def test_values_that_cannot_be_hashed_stably_are_refused(value: object) -> None:
    with pytest.raises(InvalidRecord, match="cannot go into the ledger"):
        canonical_bytes({"v": value})


@pytest.mark.parametrize("text", ["{}", "not json", '{"seq": "x"}', "[]"])
def test_a_text_that_is_not_an_entry_is_refused(text: str) -> None:
    with pytest.raises(InvalidRecord, match="not a ledger entry"):
        LedgerEntry.parse(text)
