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
    # fails and names a file; the untouched package still verifies.
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
        if damage == "flip":
            at = len(data) // 2
            target.write_bytes(data[:at] + bytes([data[at] ^ 0x20]) + data[at + 1 :])
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
