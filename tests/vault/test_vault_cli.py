"""The vault commands end to end (in process), and bad inputs at the command line: each is one
line naming the input, the rest of the batch goes on, and the exit code is 3."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from vault_inputs import SEED_TEXT, SEED_TEXT_2, html_page, make_warc, make_zip

from cli_helpers import ff
from factfinder.cli.common import EXIT_INTEGRITY, EXIT_PARTIAL
from factfinder.vault.hashing import sha256_bytes


@pytest.fixture
def proj(tmp_path: Path, db_url: str | None) -> Path:
    args = ["init", str(tmp_path / "p")] + (["--db", db_url] if db_url else [])
    code, out, _ = ff(*args)
    assert code == 0, out
    return tmp_path / "p"


@pytest.fixture
def good(tmp_path: Path) -> Path:
    path = tmp_path / "good.txt"
    path.write_text(SEED_TEXT, encoding="utf-8")
    return path


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("error ")]


def test_init_ingest_show_proof_verify(proj: Path, good: Path, tmp_path: Path) -> None:
    code, _, err = ff(
        "ingest", good, "--custodian", "desk", "--publisher", "Radio Habana Cuba", "-p", proj
    )
    assert code == 0, err
    assert "1 parts from 1 inputs: 1 new items" in err
    code, out, _ = ff("items", "--json", "-p", proj)
    listing = json.loads(out)
    assert listing["count"] == 1
    h = listing["data"][0]["hash"]
    assert h == sha256_bytes(SEED_TEXT.encode())
    code, out, _ = ff("show", h[7:19], "--json", "-p", proj)
    shown = json.loads(out)
    assert shown["publisher"] == "Radio Habana Cuba"
    assert shown["acquisition_history"][0]["custodian"] == "desk"
    assert shown["ledger"][0]["kind"] == "item.acquire"
    code, out, _ = ff("show", "1", "-p", proj)
    assert code == 0 and "custody:" in out and "Damascus" in out
    code, out, _ = ff("items", "--search", "Guterres", "--json", "-p", proj)
    assert json.loads(out)["count"] == 1
    proof = tmp_path / "proof.json"
    code, _, _ = ff("proof", "1", "-o", proof, "-p", proj)
    assert code == 0
    key = proj / "keys" / "ledger.pub.hex"
    code, out, _ = ff("verify-proof", proof, "--key", key, "--file", good)
    assert code == 0 and "proof verified" in out
    other = tmp_path / "other.txt"
    other.write_text(SEED_TEXT_2, encoding="utf-8")
    code, out, _ = ff("verify-proof", proof, "--key", key, "--file", other)
    assert code == EXIT_INTEGRITY and "FAIL" in out
    code, out, _ = ff("verify", "-p", proj)
    assert code == 0 and out.startswith("OK: 1 ledger entries")
    ff("ingest", other, "-p", proj)
    code, out, _ = ff("checkpoints", "--json", "-p", proj)
    # The second ingest's entry follows the `checkpoint.record` entry binding checkpoint 1.
    assert [c["size"] for c in json.loads(out)["data"]] == [1, 3]
    code, out, _ = ff("proof", "--consistency", "1", "-p", proj)
    consistency = tmp_path / "consistency.json"
    consistency.write_text(out, encoding="utf-8")
    code, out, _ = ff(
        "verify-proof", consistency, "--key", proj / "keys" / "ledger.pub.pem", "--json"
    )
    assert code == 0 and json.loads(out)["ok"] is True

    blob = proj / "blobs" / h[7:9] / h[7:]
    blob.chmod(0o644)
    blob.write_bytes(blob.read_bytes().replace(b"Damascus", b"Damascvs", 1))
    code, out, _ = ff("verify", "-p", proj)
    assert code == EXIT_INTEGRITY
    assert f"blob.altered item 1: blob {h} is content hashes to" in out
    code, out, _ = ff("verify-proof", proof, "--key", key, "--project", proj)
    assert code == EXIT_INTEGRITY and f"FAIL blob {h}" in out


def test_commands_outside_a_project_say_so(tmp_path: Path) -> None:
    code, _, err = ff("items", "-p", tmp_path)
    assert code == 1 and "not a factfinder project" in err


def test_proof_needs_exactly_one_target(proj: Path) -> None:
    code, _, err = ff("proof", "-p", proj)
    assert code == 1 and "exactly one" in err


def _bad_inputs(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    """name → (input path, the label the error line must name)."""
    bad = tmp_path / "bad"
    bad.mkdir()
    pdf = bad / "corrupt.pdf"
    pdf.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ngarbage")
    latin = bad / "invalid.txt"
    latin.write_bytes(b"Raqqah mass graves: 2,500 bodies" + b"\xff\xfe\xfa" + b" more")
    empty = bad / "empty.txt"
    empty.write_bytes(b"")
    if os.geteuid() == 0:  # root reads anything: a dangling symlink cannot be read by anyone
        unreadable = bad / "unreadable.txt"
        unreadable.symlink_to(bad / "no-such-target.txt")
    else:
        unreadable = bad / "unreadable.txt"
        unreadable.write_text("secret", encoding="utf-8")
        unreadable.chmod(0)
    warc = make_warc(
        bad / "crawl.warc",
        [
            ("https://example.org/a", html_page("Strike on Hajin", SEED_TEXT)),
            ("https://example.org/b", html_page("Mass graves", SEED_TEXT_2)),
        ],
        truncate_last=True,
    )
    archive = make_zip(
        bad / "bundle.zip", {"../../etc/passwd": b"root:x:0:0\n", "annex.txt": SEED_TEXT_2.encode()}
    )
    return {
        "corrupt pdf": (pdf, str(pdf)),
        "invalid utf-8": (latin, str(latin)),
        "empty file": (empty, str(empty)),
        "unreadable file": (unreadable, str(unreadable)),
        "truncated warc record": (warc, f"{warc}#2"),
        "hostile archive member": (archive, f"{archive}!../../etc/passwd"),
    }


@pytest.mark.parametrize(
    "case",
    [
        "corrupt pdf",
        "invalid utf-8",
        "empty file",
        "unreadable file",
        "truncated warc record",
        "hostile archive member",
    ],
)
def test_a_bad_input_is_one_line_and_the_batch_goes_on(
    case: str, proj: Path, good: Path, tmp_path: Path
) -> None:
    path, label = _bad_inputs(tmp_path)[case]
    code, _, err = ff("ingest", path, good, "-p", proj)
    assert code == EXIT_PARTIAL, err
    lines = error_lines(err)
    assert len(lines) == 1, err
    assert lines[0].startswith(f"error {label}: ")
    code, out, _ = ff("show", sha256_bytes(SEED_TEXT.encode()), "--json", "-p", proj)
    assert code == 0 and json.loads(out)["hash"] == sha256_bytes(SEED_TEXT.encode())
    assert not (tmp_path / "etc").exists()
    code, out, _ = ff("verify", "-p", proj)
    assert code == 0, out


def test_all_bad_inputs_in_one_batch(proj: Path, good: Path, tmp_path: Path) -> None:
    cases = _bad_inputs(tmp_path)
    code, _, err = ff("ingest", tmp_path / "bad", good, "--json", "-p", proj)
    assert code == EXIT_PARTIAL
    assert sorted(line.split(": ")[0] for line in error_lines(err)) == sorted(
        f"error {label}" for _, label in cases.values()
    )
    code, out, _ = ff("items", "--json", "-p", proj)
    names = {i["hash"] for i in json.loads(out)["data"]}
    assert sha256_bytes(SEED_TEXT.encode()) in names  # the good file
    assert sha256_bytes(SEED_TEXT_2.encode()) in names  # the zip's good member


def test_verify_against_a_key_and_a_checkpoint_kept_outside(
    proj: Path, good: Path, tmp_path: Path
) -> None:
    """`verify --key FILE|FINGERPRINT` and `--against CHECKPOINT.json`; `verify-proof` accepts a
    bare checkpoint; trusting the key inside the project is warned about."""
    ff("ingest", good, "-p", proj)
    code, out, _ = ff("checkpoint", "--json", "-p", proj)
    kept = tmp_path / "kept.json"
    kept.write_text(out, encoding="utf-8")
    fingerprint = json.loads(out)["key_id"]
    code, out, err = ff("verify", "-p", proj)
    assert code == 0 and "warning: verify trusted the key found inside the project" in err
    for anchor in (fingerprint, str(proj / "keys" / "ledger.pub.pem")):
        code, out, err = ff("verify", "--key", anchor, "--against", kept, "-p", proj)
        assert code == 0 and out.startswith("OK:") and "warning" not in err
    wrong = "sha256:" + "0" * 64
    code, out, _ = ff("verify", "--key", wrong, "-p", proj)
    assert code == EXIT_INTEGRITY and "key.fingerprint" in out and wrong in out
    code, out, err = ff("verify", "--key", "not-a-key", "-p", proj)
    assert code == 1 and "--key not-a-key: neither a key file nor a fingerprint" in err
    key = proj / "keys" / "ledger.pub.hex"
    code, out, _ = ff("verify-proof", kept, "--key", key, "--project", proj)
    assert code == 0 and "proof verified" in out
    # A checkpoint of a longer ledger than the project now has: the project was rolled back.
    longer = json.loads(kept.read_text(encoding="utf-8"))
    longer["size"] += 5
    (tmp_path / "longer.json").write_text(json.dumps(longer), encoding="utf-8")
    code, out, _ = ff("verify", "--against", tmp_path / "longer.json", "-p", proj)
    assert code == EXIT_INTEGRITY
    assert "checkpoint.against" in out and "checkpoint.rollback" in out


def test_consistency_takes_two_ids_after_one_option(proj: Path, good: Path) -> None:
    # The README's form, `proof --consistency 1 2`, and the repeated option say the same.
    for text in (SEED_TEXT, SEED_TEXT_2, SEED_TEXT + "\nAgain."):
        good.write_text(text, encoding="utf-8")
        assert ff("ingest", good, "-p", proj)[0] == 0  # each ingest signs a checkpoint
    code, out, _ = ff("checkpoints", "--json", "-p", proj)
    sizes = [c["size"] for c in json.loads(out)["data"]]
    assert len(sizes) == 3
    code, two, err = ff("proof", "--consistency", "1", "2", "-p", proj)
    assert code == 0, err
    code, repeated, _ = ff("proof", "--consistency", "1", "--consistency", "2", "-p", proj)
    assert code == 0 and json.loads(two) == json.loads(repeated)
    doc = json.loads(two)
    assert (doc["first"]["size"], doc["second"]["size"]) == (sizes[0], sizes[1])
    code, latest, _ = ff("proof", "--consistency", "1", "-p", proj)
    assert json.loads(latest)["second"]["size"] == sizes[2]
    code, _, err = ff("proof", "--consistency", "1", "x", "-p", proj)
    assert code == 1 and "is no number" in err
    code, _, err = ff("proof", "--consistency", "1", "2", "--consistency", "3", "-p", proj)
    assert code == 1 and "exactly one" in err


def test_listings_checkpoints_and_proofs_in_both_forms(
    proj: Path, good: Path, tmp_path: Path
) -> None:
    assert ff("ingest", good, "-p", proj)[0] == 0
    h = sha256_bytes(SEED_TEXT.encode())
    code, out, _ = ff("items", "-p", proj)
    assert code == 0 and h[7:19] in out and "1 of 1" in out
    code, out, _ = ff("show", "1", "--text", "--json", "-p", proj)
    assert code == 0 and json.loads(out)["text"].strip() == SEED_TEXT.strip()

    code, out, _ = ff("checkpoints", "--json", "-p", proj)
    before = json.loads(out)["count"]
    code, _, err = ff("checkpoint", "--format", "xml", "-p", proj)
    assert (code, err.strip()) == (1, "error --format xml: choose text, json or c2sp")
    assert json.loads(ff("checkpoints", "--json", "-p", proj)[1])["count"] == before
    code, out, _ = ff("checkpoint", "-p", proj)
    size, root = out.removeprefix("checkpoint: size ").split(", ")[:2]
    assert code == 0 and root.startswith("root sha256:") and int(size) >= 1
    code, out, _ = ff("checkpoints", "-p", proj)
    assert code == 0 and root.removeprefix("root ")[:20] in out

    proof = tmp_path / "entry0.json"
    assert ff("proof", "--seq", "0", "-o", proof, "-p", proj)[0] == 0
    assert json.loads(proof.read_text(encoding="utf-8"))["leaf_index"] == 0
    hex_key = (proj / "keys" / "ledger.pub.hex").read_text(encoding="utf-8").strip()
    code, out, _ = ff("verify-proof", proof, "--key", proj / "keys" / "ledger.pub.hex")
    assert code == 0 and "proof verified" in out
    code, _, err = ff(
        "proof", "--consistency", "1", "--consistency", "2", "--consistency", "3", "-p", proj
    )
    assert (code, err.strip()) == (1, "error --consistency takes one or two checkpoint ids")

    code, out, err = ff("verify", "--key", hex_key, "--json", "-p", proj)
    report = json.loads(out)
    assert code == 0 and report["ok"] is True and report["problems"] == []
    assert "warning" not in err


def test_item_metadata_corrected_in_human_form(proj: Path, good: Path) -> None:
    assert ff("ingest", good, "-p", proj)[0] == 0
    code, out, err = ff(
        "item-meta", "1", "--publisher", "SANA", "--published", "2018-11-03", "-p", proj
    )
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == f"item {sha256_bytes(SEED_TEXT.encode())}"
    assert lines[1].split() == ["published", "2018-11-03"]
    assert lines[2].split() == ["publisher", "SANA"]
    assert lines[-1].startswith("  re-extracted: ")
    code, out, _ = ff("show", "1", "--json", "-p", proj)
    assert json.loads(out)["publisher"] == "SANA"
    code, _, err = ff("item-meta", "1", "--published", "yesterday-ish", "-p", proj)
    assert code == 1 and "yesterday-ish" in err
    assert json.loads(ff("show", "1", "--json", "-p", proj)[1])["published"].startswith(
        "2018-11-03"
    )
