"""Checkpoints as C2SP signed notes (tlog-checkpoint, signed-note): checked by our verifier, by
the `cryptography` library with nothing of ours, and by Go's golang.org/x/mod/sumdb/note."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import load_pem_public_key

from cli_helpers import ff
from factfinder.cli.common import EXIT_INTEGRITY
from factfinder.errors import InvalidRecord
from factfinder.vault.note import key_hash, parse_note, sign_note, verifier_key
from factfinder.vault.signing import SigningKey, sign_checkpoint

GOPATH = Path("/usr/share/gocode")  # where Debian's golang-*-dev packages put Go sources
GO_NOTE = GOPATH / "src/golang.org/x/mod/sumdb/note"
GO_PROGRAM = """package main

import (
	"fmt"
	"os"

	"golang.org/x/mod/sumdb/note"
)

func main() {
	msg, err := os.ReadFile(os.Args[1])
	if err != nil {
		fmt.Println("read:", err)
		os.Exit(2)
	}
	v, err := note.NewVerifier(os.Args[2])
	if err != nil {
		fmt.Println("verifier:", err)
		os.Exit(2)
	}
	n, err := note.Open(msg, note.VerifierList(v))
	if err != nil {
		fmt.Println("open:", err)
		os.Exit(1)
	}
	fmt.Printf("%d %s\\n%s", len(n.Sigs), n.Sigs[0].Name, n.Text)
}
"""


@pytest.fixture
def noted(tmp_path: Path, db_url: str | None) -> tuple[Path, Path, str]:
    """A project with one ingested file, its checkpoint note and the note's verifier key."""
    args = ["init", str(tmp_path / "p")] + (["--db", db_url] if db_url else [])
    assert ff(*args)[0] == 0
    proj = tmp_path / "p"
    doc = tmp_path / "doc.txt"
    doc.write_text("Twelve civilians were killed in Hajin on 3 November 2018.\n")
    assert ff("ingest", doc, "-p", proj)[0] == 0
    code, out, err = ff("checkpoint", "--format", "c2sp", "-p", proj)
    assert code == 0, err
    note = tmp_path / "checkpoint.note"
    note.write_text(out, encoding="utf-8")
    assert err.startswith("verifier key: ")
    return proj, note, err.removeprefix("verifier key: ").strip()


def test_the_note_is_a_tlog_checkpoint(noted: tuple[Path, Path, str]) -> None:
    proj, note, vkey = noted
    code, out, _ = ff("checkpoints", "--json", "-p", proj)
    assert code == 0
    latest = json.loads(out)["data"][-1]
    text, _, sigs = note.read_text(encoding="utf-8").rpartition("\n\n")
    origin, size, root, time = text.split("\n")
    assert origin == "factfinder/" + latest["log"]
    assert int(size) == latest["size"] and root == base64.b64encode(
        bytes.fromhex(latest["root"].removeprefix("sha256:"))
    ).decode("ascii")
    assert time == "time " + latest["time"]
    lines = sigs.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"\u2014 {origin} ")
    assert vkey.startswith(origin + "+")


def test_the_note_verifies_with_cryptography_alone(noted: tuple[Path, Path, str]) -> None:
    # Nothing of factfinder's: the signed-note rules applied by hand to the PEM public key.
    proj, note, _ = noted
    data = note.read_bytes()
    cut = data.rindex(b"\n\n")
    message, block = data[: cut + 1], data[cut + 2 :].decode("utf-8")
    dash, name, b64 = block.strip("\n").split(" ")
    assert dash == "\u2014" and name == message.split(b"\n")[0].decode()
    blob = base64.b64decode(b64)
    key = load_pem_public_key((proj / "keys" / "ledger.pub.pem").read_bytes())
    assert isinstance(key, Ed25519PublicKey)
    raw = key.public_bytes_raw()
    assert blob[:4] == hashlib.sha256(name.encode() + b"\n\x01" + raw).digest()[:4]
    key.verify(blob[4:], message)  # raises InvalidSignature if not
    with pytest.raises(InvalidSignature):
        key.verify(blob[4:], message.replace(b"\n1\n", b"\n2\n", 1) + b"x")


def test_verify_proof_reads_the_note(noted: tuple[Path, Path, str], tmp_path: Path) -> None:
    proj, note, _ = noted
    pem = proj / "keys" / "ledger.pub.pem"
    code, out, _ = ff("verify-proof", note, "--key", pem, "--project", proj)
    assert code == 0 and "proof verified" in out
    assert "entries still hash to" in out
    # A changed size, a key that did not sign it: each fails.
    forged = tmp_path / "forged.note"
    text = note.read_text(encoding="utf-8")
    lines = text.split("\n")
    lines[1] = str(int(lines[1]) + 1)
    forged.write_text("\n".join(lines), encoding="utf-8")
    code, out, _ = ff("verify-proof", forged, "--key", pem)
    assert code == EXIT_INTEGRITY and "has no signature by the trusted key" in out
    other = tmp_path / "other.hex"
    other.write_text(SigningKey.generate().public_key.to_hex())
    code, out, _ = ff("verify-proof", note, "--key", other)
    assert code == EXIT_INTEGRITY
    # A note kept outside holds the ledger to it, as the JSON checkpoint does.
    code, out, _ = ff("verify", "-p", proj, "--against", note)
    assert code == 0, out


def test_the_note_parser_refuses_what_the_spec_refuses() -> None:
    key = SigningKey.generate()
    cp = sign_checkpoint(key, "log-1", 7, "sha256:" + "ab" * 32, "2024-12-01T10:00:00Z")
    good = sign_note(cp, key)
    parsed = parse_note(good.encode())
    assert (parsed.size, parsed.root, parsed.time) == (7, cp.root, cp.time)
    assert parsed.verify(key.public_key)
    assert parsed.signatures[0].key_hash == key_hash("factfinder/log-1", key.public_key)
    assert verifier_key("factfinder/log-1", key.public_key).split("+")[1] == (
        parsed.signatures[0].key_hash.hex()
    )
    bad = {
        "no signature block": good.split("\n\n")[0] + "\n",
        "leading zero size": good.replace("\n7\n", "\n07\n", 1),
        "root not 32 bytes": good.replace(good.split("\n")[2], "AAAA", 1),
        "empty extension line": good.replace("\ntime ", "\n\ntime ", 1),
        "signature line without dash": good.replace("\u2014 ", "- ", 1),
        "control character": good.replace("time", "ti\tme", 1),
    }
    for why, text in bad.items():
        with pytest.raises(InvalidRecord):
            parse_note(text.encode())
            pytest.fail(why)


@pytest.mark.slow
def test_go_sumdb_note_verifies_the_note(noted: tuple[Path, Path, str], tmp_path: Path) -> None:
    go = shutil.which("go")
    if go is None or not GO_NOTE.is_dir():
        pytest.skip("needs Go and golang.org/x/mod (Debian: golang-go golang-golang-x-mod-dev)")
    _, note, vkey = noted
    src = tmp_path / "go" / "src" / "ffnote"
    src.mkdir(parents=True)
    (src / "main.go").write_text(GO_PROGRAM)
    env = {
        **os.environ,
        "GO111MODULE": "off",  # GOPATH mode: the module comes from Debian's tree, offline
        "GOPATH": str(GOPATH),
        "GOFLAGS": "",
        "GOPROXY": "off",
        "GOTOOLCHAIN": "local",
        "GOCACHE": os.environ.get("GOCACHE", str(tmp_path / "go-cache")),
    }
    binary = tmp_path / "ffnote"
    build = subprocess.run(
        [go, "build", "-o", str(binary), "."],
        cwd=src,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert build.returncode == 0, build.stderr

    def go_open(path: Path, key: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(binary), str(path), key], capture_output=True, text=True, timeout=60
        )

    done = go_open(note, vkey)
    assert done.returncode == 0, done.stdout
    count, name = done.stdout.splitlines()[0].split(" ")
    assert count == "1" and name == vkey.split("+")[0]
    assert done.stdout.split("\n", 1)[1] == note.read_text().rpartition("\n\n")[0] + "\n"
    forged = tmp_path / "forged.note"
    forged.write_text(note.read_text().replace("\n1\n", "\n2\n", 1))
    assert go_open(forged, vkey).returncode == 1
    other = verifier_key(vkey.split("+")[0], SigningKey.generate().public_key)
    assert go_open(note, other).returncode == 1
