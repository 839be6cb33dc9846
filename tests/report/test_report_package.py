"""Evidence packages: a fresh package verifies with nothing but itself; damage is named."""

from __future__ import annotations

import hashlib
import json
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from factfinder.errors import InputError
from factfinder.report.model import CaseFile
from factfinder.report.package import build_package, verify_package
from factfinder.services import Project
from factfinder.vault.hashing import hash_file

CaseFileMaker = Callable[[Project], CaseFile]


def make_package(
    project: Project, target: Path, maker: CaseFileMaker, *, zip_output: bool = False
) -> Path:
    cf = maker(project)

    def copy_blob(item_hash: str, dest: Path) -> None:
        with project.blobs.open(item_hash) as src, dest.open("wb") as dst:
            shutil.copyfileobj(src, dst)

    build_package(
        cf,
        target,
        report_html="<html><body>report</body></html>\n",
        incidents_jsonl=b'{"incident": "inc-000001", "grade": "weak"}\n',
        copy_blob=copy_blob,
        sign=project.signing_key.sign,
        zip_output=zip_output,
    )
    return target


@pytest.fixture
def package(seed_project: Project, tmp_path: Path, sources_file: CaseFileMaker) -> Path:
    return make_package(seed_project, tmp_path / "pkg", sources_file)


def originals(package: Path) -> list[Path]:
    return sorted((package / "data" / "items").iterdir())


def test_a_fresh_package_verifies_and_holds_the_originals(
    package: Path, seed_project: Project
) -> None:
    check = verify_package(package)
    assert check.ok, check.problems
    assert any("2 originals hash to items proven" in line for line in check.checked)
    assert any("inclusion proofs lead to the checkpoint root" in line for line in check.checked)
    # The originals are the ingested bytes, named by their hash.
    seeds = sorted(Path(__file__).resolve().parents[2].glob("samples/seeds/*.txt"))
    names = {p.name for p in originals(package)}
    assert names == {hash_file(s)[0].removeprefix("sha256:") + ".txt" for s in seeds}
    info = (package / "bag-info.txt").read_text()
    assert "Payload-Oxum: " in info and "Factfinder-Checkpoint-Root: sha256:" in info
    assert (package / "bagit.txt").read_text().startswith("BagIt-Version: 1.0")
    manifest = (package / "manifest-sha256.txt").read_text().splitlines()
    assert len(manifest) == 4  # two originals, the report and the incidents
    checkpoint = json.loads((package / "factfinder" / "checkpoint.json").read_text())
    assert checkpoint["key_id"] == seed_project.public_key.key_id


def test_a_flipped_byte_in_an_original_is_named(package: Path) -> None:
    target = originals(package)[0]
    data = bytearray(target.read_bytes())
    data[100] ^= 0x01
    target.write_bytes(bytes(data))
    check = verify_package(package)
    rel = target.relative_to(package).as_posix()
    assert not check.ok
    assert {p.file for p in check.problems} == {rel}
    assert any(
        "does not match its sha256 in manifest-sha256.txt" in p.message for p in check.problems
    )


def test_a_removed_original_is_named(package: Path) -> None:
    target = originals(package)[1]
    target.unlink()
    check = verify_package(package)
    rel = target.relative_to(package).as_posix()
    assert not check.ok and {p.file for p in check.problems} == {rel}
    assert any("listed in manifest-sha256.txt but missing" in p.message for p in check.problems)


def test_a_removed_proof_is_named(package: Path) -> None:
    proof = sorted((package / "factfinder" / "proofs").iterdir())[0]
    proof.unlink()
    check = verify_package(package)
    files = {p.file for p in check.problems}
    assert f"factfinder/proofs/{proof.name}" in files
    # and the original that proof covered is now unproven
    assert any("has no inclusion proof" in p.message for p in check.problems)


def test_an_edited_manifest_is_named(package: Path) -> None:
    manifest = package / "manifest-sha256.txt"
    lines = manifest.read_text().splitlines()
    _, rel = lines[0].split("  ")
    lines[0] = f"{'0' * 64}  {rel}"
    manifest.write_text("\n".join(lines) + "\n")
    check = verify_package(package)
    files = {p.file for p in check.problems}
    assert "manifest-sha256.txt" in files  # the tag manifest no longer matches it
    assert rel in files  # and the payload file no longer matches the manifest


def test_a_forged_checkpoint_or_proof_fails(package: Path) -> None:
    cp_file = package / "factfinder" / "checkpoint.json"
    cp = json.loads(cp_file.read_text())
    cp["size"] += 1
    cp_file.write_text(json.dumps(cp))
    check = verify_package(package)
    files = {p.file for p in check.problems}
    assert "factfinder/checkpoint.json" in files
    assert any(f.startswith("factfinder/proofs/") for f in files)


def test_a_pinned_key_must_have_signed_the_checkpoint(package: Path, tmp_path: Path) -> None:
    from factfinder.vault.signing import SigningKey

    own = (package / "factfinder" / "public-key.hex").read_text().strip()
    assert verify_package(package, trusted_key=own).ok
    other = SigningKey.generate().public_key.to_hex()
    check = verify_package(package, trusted_key=other)
    assert not check.ok
    assert "factfinder/checkpoint.json" in {p.file for p in check.problems}


def test_an_added_file_is_named(package: Path) -> None:
    (package / "data" / "items" / "extra.txt").write_text("slipped in")
    check = verify_package(package)
    assert {p.file for p in check.problems} == {"data/items/extra.txt"}


def _regenerate_manifests(bag: Path) -> None:
    """What a reader who edits a package would do to hide it: recompute every BagIt hash."""

    def digest(p: Path) -> str:
        return hashlib.sha256(p.read_bytes()).hexdigest()

    payload = sorted(p for p in (bag / "data").rglob("*") if p.is_file())
    (bag / "manifest-sha256.txt").write_text(
        "".join(f"{digest(p)}  {p.relative_to(bag).as_posix()}\n" for p in payload)
    )
    info = (bag / "bag-info.txt").read_text().splitlines()
    oxum = f"{sum(p.stat().st_size for p in payload)}.{len(payload)}"
    (bag / "bag-info.txt").write_text(
        "".join(
            (f"Payload-Oxum: {oxum}" if line.startswith("Payload-Oxum:") else line) + "\n"
            for line in info
        )
    )
    tags = sorted(
        p
        for p in bag.rglob("*")
        if p.is_file()
        and p.relative_to(bag).parts[0] != "data"
        and p.name != "tagmanifest-sha256.txt"
    )
    (bag / "tagmanifest-sha256.txt").write_text(
        "".join(f"{digest(p)}  {p.relative_to(bag).as_posix()}\n" for p in tags)
    )


@pytest.mark.parametrize("derived", ["data/incidents.jsonl", "data/report.html"])
def test_an_edited_grade_or_report_fails_even_with_regenerated_manifests(
    package: Path, derived: str
) -> None:
    target = package / derived
    text = target.read_text()
    edited = text.replace("weak", "confirmed") if "weak" in text else text + "<p>edited</p>"
    target.write_text(edited)
    _regenerate_manifests(package)
    check = verify_package(package)
    assert not check.ok
    assert [(p.file, p.message) for p in check.problems] == [
        (derived, "differs from what was built at the checkpoint (factfinder/derived.json)")
    ]
    # Rewriting derived.json too is caught by its signature.
    (package / "factfinder/derived.json").write_text(
        (package / "factfinder/derived.json")
        .read_text()
        .replace(
            json.loads((package / "factfinder/derived.json").read_text())["files"][derived],
            hashlib.sha256(edited.encode()).hexdigest(),
        )
    )
    _regenerate_manifests(package)
    check = verify_package(package)
    assert [p.file for p in check.problems] == ["factfinder/derived.sig"]


def test_a_package_without_its_bound_derived_files_fails(package: Path) -> None:
    (package / "factfinder/derived.json").unlink()
    (package / "factfinder/derived.sig").unlink()
    _regenerate_manifests(package)
    check = verify_package(package)
    assert [p.file for p in check.problems] == ["factfinder/derived.json"]


def test_a_zip_package_verifies_and_is_reproducible(
    seed_project: Project, tmp_path: Path, sources_file: CaseFileMaker
) -> None:
    first = make_package(seed_project, tmp_path / "a.zip", sources_file, zip_output=True)
    second = make_package(seed_project, tmp_path / "again" / "a.zip", sources_file, zip_output=True)
    assert verify_package(first).ok
    assert first.read_bytes() == second.read_bytes()
    with zipfile.ZipFile(first) as zf:
        names = zf.namelist()
    assert "a/manifest-sha256.txt" in names and all(n.startswith("a/") for n in names)
    # Damage inside the zip is named by its path inside the package.
    damaged = tmp_path / "damaged.zip"
    with zipfile.ZipFile(first) as src, zipfile.ZipFile(damaged, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "a/data/report.html":
                data = data.replace(b"report", b"rep0rt")
            dst.writestr(info, data)
    check = verify_package(damaged)
    assert {p.file for p in check.problems} == {"data/report.html"}


def test_not_a_package(tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.txt"
    bogus.write_text("hello")
    with pytest.raises(InputError, match="neither a package directory nor a zip"):
        verify_package(bogus)
    with pytest.raises(InputError, match="no such package"):
        verify_package(tmp_path / "absent")
    empty = tmp_path / "empty"
    empty.mkdir()
    check = verify_package(empty)
    assert {"bagit.txt", "manifest-sha256.txt", "factfinder/checkpoint.json"} <= {
        p.file for p in check.problems
    }


@pytest.mark.parametrize("damage", ["flip", "truncate", "remove"])
def test_damage_to_any_file_of_a_package_is_found(
    package: Path, tmp_path: Path, damage: str
) -> None:
    # Exhaustive over the package's files: whatever file is damaged, and however, the check
    # fails and names a file; the untouched package still verifies. (A bag without its tag
    # manifest is still a bag, RFC 8493 section 2.2.1: what the tag manifest protected is
    # checked on its own, see test_a_bag_without_tag_manifests_still_checks_the_tag_files.
    # The flip changes a byte's low bit: a hex digit's case is no damage.)
    files = sorted(p.relative_to(package).as_posix() for p in package.rglob("*") if p.is_file())
    assert len(files) >= 10
    for rel in files:
        copy = tmp_path / f"copy-{damage}"
        shutil.rmtree(copy, ignore_errors=True)
        shutil.copytree(package, copy)
        target = copy / rel
        data = target.read_bytes()
        if not data and damage != "remove":
            continue  # an empty file (no incidents) can only be removed
        if rel == "tagmanifest-sha256.txt" and damage == "remove":
            continue
        if damage == "flip":
            at = len(data) // 2
            target.write_bytes(data[:at] + bytes([data[at] ^ 0x01]) + data[at + 1 :])
        elif damage == "truncate":
            target.write_bytes(data[: len(data) // 2])
        else:
            target.unlink()
        check = verify_package(copy)
        assert not check.ok, (damage, rel)
        assert check.problems and all(p.file for p in check.problems), (damage, rel)
        if rel.startswith("data/"):
            assert rel in {p.file for p in check.problems}, (damage, rel)
    assert verify_package(package).ok


# -- RFC 8493: what another BagIt tool writes is read, what we write another tool accepts --------


def _rewrite_tag_manifest(bag: Path) -> None:
    tags = sorted(
        p
        for p in bag.rglob("*")
        if p.is_file()
        and p.relative_to(bag).parts[0] != "data"
        and not p.name.startswith("tagmanifest-")
    )
    (bag / "tagmanifest-sha256.txt").write_text(
        "".join(
            f"{hashlib.sha256(p.read_bytes()).hexdigest()}  {p.relative_to(bag).as_posix()}\n"
            for p in tags
        )
    )


def test_manifest_lines_take_any_run_of_blanks_and_either_case_of_hex(package: Path) -> None:
    manifest = package / "manifest-sha256.txt"
    lines = manifest.read_text().splitlines()
    seps = [" ", "\t", " \t  ", "   "]
    rewritten = []
    for n, line in enumerate(lines):
        digest, rel = line.split("  ", 1)
        rewritten.append(f"{digest.upper() if n % 2 else digest}{seps[n % len(seps)]}{rel}")
    manifest.write_text("\r\n".join(rewritten) + "\r\n")
    _rewrite_tag_manifest(package)
    check = verify_package(package)
    assert check.ok, check.problems
    # A line without a blank between checksum and path is still refused.
    manifest.write_text(manifest.read_text().replace("\t", "", 1))
    _rewrite_tag_manifest(package)
    check = verify_package(package)
    second = lines[1].split("  ", 1)[1]
    assert [p.file for p in check.problems] == ["manifest-sha256.txt", second]
    assert "line 2 is not '<sha256> <path>'" in check.problems[0].message


def test_a_bag_without_tag_manifests_still_checks_the_tag_files(package: Path) -> None:
    (package / "tagmanifest-sha256.txt").unlink()
    check = verify_package(package)
    assert check.ok, check.problems
    info = package / "bag-info.txt"
    original = info.read_text()
    info.write_text(
        original.replace("Factfinder-Checkpoint-Size: ", "Factfinder-Checkpoint-Size: 9")
    )
    check = verify_package(package)
    assert [p.file for p in check.problems] == ["bag-info.txt"]
    assert "Factfinder-Checkpoint-Size is 9" in check.problems[0].message
    info.write_text(original)
    from factfinder.vault.signing import SigningKey

    (package / "factfinder/public-key.hex").write_text(
        SigningKey.generate().public_key.to_hex() + "\n"
    )
    check = verify_package(package)
    assert [(p.file, p.message) for p in check.problems] == [
        ("factfinder/public-key.hex", "is not the key of public-key.pem")
    ]


def test_bag_info_follows_the_rfc(package: Path) -> None:
    info = package / "bag-info.txt"
    lines = info.read_text().splitlines()
    # A value continued on an indented line, a tab after the colon, a repeated free label.
    lines = [
        line.replace("External-Description: ", "External-Description:\t").replace(
            " the original sources,", "\n  the original sources,"
        )
        for line in lines
    ] + ["Contact-Name: one", "Contact-Name: two"]
    info.write_text("\n".join(lines) + "\n")
    _rewrite_tag_manifest(package)
    assert verify_package(package).ok, verify_package(package).problems
    info.write_text(info.read_text() + "Payload-Oxum: 1.1\nBagging-Date: 5 May 2024\nno colon\n")
    _rewrite_tag_manifest(package)
    messages = [p.message for p in verify_package(package).problems]
    assert messages == [
        f"line {len(lines) + 4} is not 'Label: value'",
        "gives Payload-Oxum more than once",
        "Bagging-Date '5 May 2024' is not YYYY-MM-DD",
    ]


def test_other_algorithms_and_the_older_declaration_are_read(package: Path) -> None:
    payload = sorted(p for p in (package / "data").rglob("*") if p.is_file())
    (package / "manifest-sha512.txt").write_text(
        "".join(
            f"{hashlib.sha512(p.read_bytes()).hexdigest()} {p.relative_to(package).as_posix()}\n"
            for p in payload
        )
    )
    (package / "bagit.txt").write_text("BagIt-Version: 0.97\nTag-File-Character-Encoding: UTF-8\n")
    _rewrite_tag_manifest(package)
    assert verify_package(package).ok
    # Every payload file is in every payload manifest.
    sha512 = (package / "manifest-sha512.txt").read_text().splitlines()
    (package / "manifest-sha512.txt").write_text("\n".join(sha512[1:]) + "\n")
    _rewrite_tag_manifest(package)
    first = payload[0].relative_to(package).as_posix()
    assert [(p.file, p.message) for p in verify_package(package).problems] == [
        (first, "is not listed in manifest-sha512.txt")
    ]
    (package / "manifest-sha512.txt").write_text("\n".join(sha512) + "\n")
    (package / "bagit.txt").write_text("BagIt-Version: 2.0\nTag-File-Character-Encoding: UTF-8\n")
    _rewrite_tag_manifest(package)
    assert [(p.file, p.message) for p in verify_package(package).problems] == [
        ("bagit.txt", "BagIt version 2.0")
    ]


def test_percent_encoded_paths(tmp_path: Path) -> None:
    from factfinder.report.bag import check_bag, decode_path, encode_path

    odd = "data/100% of\nit.txt"
    assert encode_path(odd) == "data/100%25 of%0Ait.txt"
    assert decode_path(encode_path(odd)) == odd
    bag = tmp_path / "bag"
    (bag / "data").mkdir(parents=True)
    (bag / odd).write_text("x")
    (bag / "bagit.txt").write_text("BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n")
    digest = hashlib.sha256(b"x").hexdigest()
    (bag / "manifest-sha256.txt").write_text(f"{digest} {encode_path(odd)}\n")
    assert check_bag(bag).problems == []
    (bag / "manifest-sha256.txt").write_text(f"{digest} ../{encode_path(odd)}\n")
    assert [p.message for p in check_bag(bag).problems] == [
        "line 1 names a path outside the bag",
        "is not listed in manifest-sha256.txt",
    ]


def test_a_bag_written_by_bagit_python_verifies(package: Path, tmp_path: Path) -> None:
    bagit = pytest.importorskip("bagit")
    bag = tmp_path / "theirs"
    shutil.copytree(package / "data", bag)
    bagit.make_bag(str(bag), {"Source-Organization": "factfinder tests"})
    shutil.copytree(package / "factfinder", bag / "factfinder")
    bagit.Bag(str(bag)).save()  # their tag manifests now hash factfinder/ too
    assert (bag / "manifest-sha512.txt").is_file() and (bag / "tagmanifest-sha512.txt").is_file()
    assert "0.97" in (bag / "bagit.txt").read_text()
    assert " data/" in (bag / "manifest-sha256.txt").read_text()  # one space, not two
    check = verify_package(bag)
    assert check.ok, check.problems
    assert any("2 originals hash to items proven" in line for line in check.checked)
    report = bag / "data/report.html"
    report.write_text(report.read_text() + "edited")
    files = {p.file for p in verify_package(bag).problems}
    assert "data/report.html" in files


def test_a_bag_we_write_validates_with_bagit_python(
    package: Path, seed_project: Project, tmp_path: Path, sources_file: CaseFileMaker
) -> None:
    bagit = pytest.importorskip("bagit")
    ours = bagit.Bag(str(package))
    ours.validate()  # raises BagValidationError on any fault
    assert ours.version_info == (1, 0) and ours.algorithms == ["sha256"]
    assert ours.info["Payload-Oxum"] and ours.info["Factfinder-Format"]
    assert {f for f in ours.tagfile_entries()} >= {"bag-info.txt", "factfinder/checkpoint.json"}
    target = originals(package)[0]
    target.write_bytes(target.read_bytes() + b"!")
    with pytest.raises(bagit.BagValidationError):
        bagit.Bag(str(package)).validate()


def test_the_package_holds_its_checkpoint_as_a_c2sp_note(package: Path) -> None:
    from factfinder.vault.note import parse_note
    from factfinder.vault.signing import PublicKey, SigningKey, sign_checkpoint

    note_file = package / "factfinder/checkpoint.note"
    note = parse_note(note_file.read_bytes())
    cp = json.loads((package / "factfinder/checkpoint.json").read_text())
    assert (note.log_id, note.size, note.root) == (cp["log"], cp["size"], cp["root"])
    assert note.verify(PublicKey.load(package / "factfinder/public-key.pem"))
    check = verify_package(package)
    assert any("C2SP checkpoint note states the same tree head" in c for c in check.checked)
    # A note of another tree head, even one well signed by another key, is named.
    other = SigningKey.generate()
    from factfinder.vault.note import sign_note

    forged = sign_checkpoint(other, cp["log"], cp["size"] + 1, cp["root"], cp["time"])
    note_file.write_text(sign_note(forged, other), encoding="utf-8")
    _regenerate_manifests(package)
    assert [(p.file, p.message) for p in verify_package(package).problems] == [
        ("factfinder/checkpoint.note", f"is not signed by key {cp['key_id']}")
    ]
