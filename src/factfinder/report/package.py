"""Evidence packages: a BagIt bag (RFC 8493) of a case file that anyone can check with nothing
but the package itself (`verify_package`).

    PACKAGE/                      (a directory, or the same tree in a .zip)
      bagit.txt                   BagIt version and encoding
      bag-info.txt                case, checkpoint (size, root, time), Payload-Oxum, software
      manifest-sha256.txt         sha256 of every payload file (`<hex>  data/<path>`)
      tagmanifest-sha256.txt      sha256 of every tag file (the files above and below)
      data/items/<hex>.<ext>      the original bytes of every cited source, named by their hash
      data/report.html            the case report (same bytes as `factfinder report --at`)
      data/incidents.jsonl        the incidents with their claims (the `jsonl` export)
      factfinder/checkpoint.json  the signed tree head the case file was built from
      factfinder/checkpoint.note  the same tree head as a C2SP tlog-checkpoint signed note
      factfinder/public-key.pem   the key that signed it (also as .hex)
      factfinder/items.json       each source: hash, payload path (or withheld), ledger entry
      factfinder/proofs/<seq>.json  an inclusion proof of every cited ledger entry
      factfinder/derived.json     the sha256 of every derived file (the report, incidents.jsonl)
                                  bound to the checkpoint, signed by the checkpoint's key
      factfinder/derived.sig      that signature (hex)

What `verify_package` checks, naming the offending file on failure:

1. the bag, as RFC 8493 says (`factfinder.report.bag`): the declaration; every file each
   manifest lists exists and has its checksum; no payload file is unlisted; `Payload-Oxum`
   matches. Tag manifests are optional (a bag written by bagit-python is read as well as ours):
   what they protect is checked again below, and the `Factfinder-*` fields of `bag-info.txt`
   and `public-key.hex`, when present, must agree with the checkpoint and the key;
2. the checkpoint is signed by the package's public key (or by `trusted_key`, to pin the key the
   mechanism published — a package signed by another key then fails); `checkpoint.note`, when
   present, is signed by the same key and states the same log, size and root;
3. every proof is about that checkpoint and its audit path leads from its entry to the root;
4. every original under `data/items/` hashes to its name and is the item of an `item.acquire`
   entry proven in (3); every item `items.json` lists has its proof;
5. every derived file (every payload file that is not an original: the report,
   `incidents.jsonl`) has the hash `derived.json` gives it, `derived.json` names the package's
   checkpoint and is signed by the key that signed the checkpoint. Editing a grade in
   `incidents.jsonl` and regenerating the BagIt manifests therefore fails: the manifests are
   plain hashes anyone can recompute, the signature is not.

Restricted items (wholly marked restricted) are listed by hash in `items.json` but neither their
bytes nor their proof are included unless restricted data was asked for.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import zipfile
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath
from typing import Any

from factfinder.errors import FactfinderError, InputError
from factfinder.report.bag import PackageProblem, check_bag, manifest_text
from factfinder.report.model import CaseFile
from factfinder.subjects import ITEM, reference
from factfinder.vault.note import parse_note, signed_note
from factfinder.vault.proofs import InclusionProof, load_proof, verify_proof
from factfinder.vault.signing import Checkpoint, PublicKey

BAGIT = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"
PACKAGE_FORMAT = "factfinder.evidence-package.v1"
DERIVED_FORMAT = "factfinder.derived-files.v1"
EXTENSIONS = {
    "text/plain": ".txt",
    "text/html": ".html",
    "application/pdf": ".pdf",
    "message/rfc822": ".eml",
    "application/json": ".json",
    "application/vnd.factfinder.document+json": ".json",
    "application/x-ndjson": ".jsonl",
    "application/zip": ".zip",
    "application/warc": ".warc",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
}
CHUNK = 1 << 20
# A fixed time for zip members: the zip is a function of its contents, not of when it was made.
ZIP_TIME = (1980, 1, 1, 0, 0, 0)


@dataclass(frozen=True, slots=True)
class PackageSummary:
    path: Path
    files: int
    bytes: int
    items: int
    withheld: int
    proofs: int
    sha256: str | None  # of the zip file, when one was written

    def to_json(self) -> dict[str, Any]:
        return {
            "path": str(self.path),
            "files": self.files,
            "bytes": self.bytes,
            "items": self.items,
            "withheld": self.withheld,
            "proofs": self.proofs,
            "sha256": self.sha256,
        }


def _hash_file(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(CHUNK):
            h.update(chunk)
    return h.hexdigest()


def _write(path: Path, data: bytes | str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)


def _dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def build_package(
    cf: CaseFile,
    target: Path,
    *,
    report_html: str,
    incidents_jsonl: bytes,
    copy_blob: Callable[[str, Path], None],
    sign: Callable[[bytes], bytes],
    zip_output: bool = False,
) -> PackageSummary:
    """Write the package of `cf` to `target` (a new directory, or a .zip when `zip_output`).

    `copy_blob(hash, destination)` copies an item's original bytes (the service layer reads them
    from the blob store); `sign(message)` signs with the key of the case file's checkpoint.
    Nothing is left behind if anything fails.
    """
    if target.exists():
        raise InputError(str(target), "already exists; choose a new path for the package")
    target.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".ffpkg-", dir=target.parent))
    try:
        bag = work / (target.stem if zip_output else target.name)
        summary = _fill(cf, bag, report_html, incidents_jsonl, copy_blob, sign)
        if zip_output:
            tmp_zip = work / "package.zip"
            _zip(bag, tmp_zip)
            digest: str | None = "sha256:" + _hash_file(tmp_zip)
            os.replace(tmp_zip, target)
        else:
            digest = None
            os.replace(bag, target)
        summary = replace(summary, path=target, sha256=digest)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return summary


def _fill(
    cf: CaseFile,
    bag: Path,
    report_html: str,
    incidents_jsonl: bytes,
    copy_blob: Callable[[str, Path], None],
    sign: Callable[[bytes], bytes],
) -> PackageSummary:
    cp = cf.checkpoint
    items = []
    withheld = 0
    for src in cf.sources:
        hexdigest = src.hash.removeprefix("sha256:")
        entry: dict[str, Any] = {
            "item": src.hash,
            "media_type": src.media_type,
            "size": src.size,
            "ledger_seq": src.seq,
            "path": None,
            "withheld": src.withheld,
        }
        if not src.withheld:
            rel = f"data/items/{hexdigest}{EXTENSIONS.get(src.media_type, '.bin')}"
            dest = bag / rel
            dest.parent.mkdir(parents=True, exist_ok=True)
            copy_blob(src.hash, dest)
            entry["path"] = rel
        else:
            withheld += 1
        items.append(entry)
    _write(bag / "data/report.html", report_html)
    _write(bag / "data/incidents.jsonl", incidents_jsonl)
    withheld_items = {s.hash for s in cf.sources if s.withheld}
    proofs = 0
    for cited in cf.cited:
        if cited.subject is not None and reference(cited.subject, ITEM) in withheld_items:
            continue
        _write(bag / f"factfinder/proofs/{cited.seq}.json", _dumps(cited.proof_json(cp)))
        proofs += 1
    _write(bag / "factfinder/checkpoint.json", _dumps(cp.checkpoint.to_json()))
    public = PublicKey.from_text(cp.public_key_hex)
    _write(bag / "factfinder/checkpoint.note", signed_note(cp.checkpoint, public, sign))
    _write(bag / "factfinder/public-key.pem", cp.public_key_pem)
    _write(bag / "factfinder/public-key.hex", cp.public_key_hex + "\n")
    _write(bag / "factfinder/items.json", _dumps({"format": PACKAGE_FORMAT, "items": items}))
    derived = derived_manifest(cp.checkpoint, bag)
    _write(bag / "factfinder/derived.json", derived.decode("utf-8"))
    _write(bag / "factfinder/derived.sig", sign(derived).hex() + "\n")
    payload = sorted(p for p in (bag / "data").rglob("*") if p.is_file())
    manifest = [(_hash_file(p), p.relative_to(bag).as_posix()) for p in payload]
    total = sum(p.stat().st_size for p in payload)
    _write(bag / "manifest-sha256.txt", manifest_text(manifest))
    _write(bag / "bagit.txt", BAGIT)
    info = [
        ("Bag-Software-Agent", cf.generator or "factfinder"),
        ("Bagging-Date", cp.time[:10]),
        ("External-Identifier", cf.name),
        (
            "External-Description",
            "Evidence package of a factfinder case file: the original "
            "sources, the report, and ledger proofs against a signed checkpoint.",
        ),
        ("Payload-Oxum", f"{total}.{len(payload)}"),
        ("Factfinder-Format", PACKAGE_FORMAT),
        ("Factfinder-Log", cp.checkpoint.log_id),
        ("Factfinder-Checkpoint-Size", str(cp.size)),
        ("Factfinder-Checkpoint-Root", cp.root),
        ("Factfinder-Checkpoint-Time", cp.time),
        ("Factfinder-Key-Id", cp.checkpoint.key_id),
        ("Factfinder-Restricted-Included", "yes" if cf.include_restricted else "no"),
    ]
    _write(bag / "bag-info.txt", "".join(f"{k}: {_one_line(v)}\n" for k, v in info))
    tags = sorted(
        p
        for p in bag.rglob("*")
        if p.is_file()
        and p.relative_to(bag).parts[0] != "data"
        and p.name != "tagmanifest-sha256.txt"
    )
    _write(
        bag / "tagmanifest-sha256.txt",
        manifest_text([(_hash_file(p), p.relative_to(bag).as_posix()) for p in tags]),
    )
    files = sum(1 for p in bag.rglob("*") if p.is_file())
    return PackageSummary(bag, files, total, len(items) - withheld, withheld, proofs, None)


def _derived_files(bag: Path) -> list[Path]:
    """The payload files that are not originals: what the case file's renderers made."""
    return sorted(
        p
        for p in (bag / "data").rglob("*")
        if p.is_file() and "items" not in p.relative_to(bag / "data").parts[:1]
    )


def derived_manifest(checkpoint: Checkpoint, bag: Path) -> bytes:
    """The canonical bytes of `derived.json`: the checkpoint the files were built from and the
    sha256 of each derived file."""
    obj = {
        "format": DERIVED_FORMAT,
        "checkpoint": {
            "log_id": checkpoint.log_id,
            "size": checkpoint.size,
            "root": checkpoint.root,
            "key_id": checkpoint.key_id,
        },
        "files": {p.relative_to(bag).as_posix(): _hash_file(p) for p in _derived_files(bag)},
    }
    return (json.dumps(obj, sort_keys=True, ensure_ascii=False, indent=1) + "\n").encode()


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _zip(bag: Path, target: Path) -> None:
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(p for p in bag.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(f"{bag.name}/{path.relative_to(bag).as_posix()}", ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            with path.open("rb") as src, zf.open(info, "w") as dst:
                shutil.copyfileobj(src, dst, CHUNK)


# -- verification ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PackageCheck:
    """The outcome: `ok`, the problems (each naming a file) and what was checked."""

    problems: tuple[PackageProblem, ...]
    checked: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems

    def to_json(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "problems": [p.to_json() for p in self.problems],
            "checked": list(self.checked),
        }


@contextmanager
def _opened(path: Path) -> Iterator[Path]:
    """The bag directory of a package directory or zip (a zip is unpacked to a temp dir)."""
    if path.is_dir():
        yield path
        return
    if not zipfile.is_zipfile(path):
        raise InputError(str(path), "is neither a package directory nor a zip file")
    with tempfile.TemporaryDirectory(prefix="ffpkg-") as tmp, zipfile.ZipFile(path) as zf:
        root = Path(tmp)
        tops = set()
        for info in zf.infolist():
            name = PurePosixPath(info.filename)
            if name.is_absolute() or ".." in name.parts or "\\" in info.filename:
                raise InputError(f"{path}!{info.filename}", "unsafe member name")
            tops.add(name.parts[0])
            if info.is_dir():
                continue
            dest = root.joinpath(*name.parts)
            dest.parent.mkdir(parents=True, exist_ok=True)
            with zf.open(info) as src, dest.open("wb") as dst:
                shutil.copyfileobj(src, dst, CHUNK)
        if len(tops) != 1:
            raise InputError(str(path), "a package zip holds one top-level directory")
        yield root / tops.pop()


def verify_package(path: Path, *, trusted_key: str | None = None) -> PackageCheck:
    """Check a package (directory or zip) with nothing but its contents; see the module doc.

    `trusted_key` (PEM or hex) pins the signing key; otherwise the package's own key is used and
    the check says so.
    """

    problems: list[PackageProblem] = []
    checked: list[str] = []
    if not path.exists():
        raise InputError(str(path), "no such package")
    with _opened(path) as bag:
        bagcheck = check_bag(bag)
        problems.extend(bagcheck.problems)
        checked.extend(bagcheck.checked)

        # The checkpoint and the key.
        try:
            cp = Checkpoint.from_json(
                json.loads((bag / "factfinder/checkpoint.json").read_text(encoding="utf-8"))
            )
        except (OSError, ValueError, FactfinderError) as exc:
            problems.append(PackageProblem("factfinder/checkpoint.json", f"unreadable ({exc})"))
            return PackageCheck(tuple(problems), tuple(checked))
        try:
            key = (
                PublicKey.from_text(trusted_key)
                if trusted_key
                else PublicKey.load(bag / "factfinder/public-key.pem")
            )
        except (OSError, FactfinderError) as exc:
            problems.append(PackageProblem("factfinder/public-key.pem", f"unreadable ({exc})"))
            return PackageCheck(tuple(problems), tuple(checked))
        if cp.verify(key):
            checked.append(
                f"checkpoint size {cp.size} root {cp.root} is signed by {key.key_id}"
                + (
                    ""
                    if trusted_key
                    else " (the package's own key: compare it with the key the mechanism published)"
                )
            )
        else:
            problems.append(
                PackageProblem("factfinder/checkpoint.json", f"is not signed by key {key.key_id}")
            )
        _check_restated(bag, cp, bagcheck.info, problems)
        _check_note(bag, cp, key, problems, checked)

        # The proofs.
        proven_items: set[str] = set()
        proof_files = (
            sorted((bag / "factfinder/proofs").glob("*.json"))
            if (bag / "factfinder/proofs").is_dir()
            else []
        )
        for file in proof_files:
            rel = file.relative_to(bag).as_posix()
            try:
                proof = load_proof(json.loads(file.read_text(encoding="utf-8")), rel)
            except (OSError, ValueError, FactfinderError) as exc:
                problems.append(PackageProblem(rel, f"is not a proof ({exc})"))
                continue
            if not isinstance(proof, InclusionProof) or proof.checkpoint != cp:
                problems.append(
                    PackageProblem(
                        rel, "is not an inclusion proof against the package's checkpoint"
                    )
                )
                continue
            result = verify_proof(proof, key)
            if not result.ok:
                failed = "; ".join(line[5:] for line in result.lines if line.startswith("FAIL"))
                problems.append(PackageProblem(rel, failed))
                continue
            entry = proof.parsed_entry
            if entry.kind == "item.acquire" and isinstance(entry.payload.get("item"), str):
                proven_items.add(entry.payload["item"])
        checked.append(f"{len(proof_files)} inclusion proofs lead to the checkpoint root")

        # The originals.
        _check_items(bag, proven_items, problems, checked)
        # The derived files: bound to the checkpoint by its key.
        _check_derived(bag, cp, key, problems, checked)
    return PackageCheck(tuple(problems), tuple(checked))


def _check_note(
    bag: Path, cp: Checkpoint, key: PublicKey, problems: list[PackageProblem], checked: list[str]
) -> None:
    name = "factfinder/checkpoint.note"
    if not (bag / name).is_file():
        return
    try:
        note = parse_note((bag / name).read_bytes(), name)
    except (OSError, FactfinderError) as exc:
        problems.append(PackageProblem(name, f"unreadable ({exc})"))
        return
    if not note.verify(key):
        problems.append(PackageProblem(name, f"is not signed by key {key.key_id}"))
    elif (note.log_id, note.size, note.root) != (cp.log_id, cp.size, cp.root):
        problems.append(PackageProblem(name, "states another tree head than checkpoint.json"))
    else:
        checked.append(
            f"the C2SP checkpoint note states the same tree head, signed by {key.key_id}"
        )


def _check_restated(
    bag: Path, cp: Checkpoint, info: list[tuple[str, str]], problems: list[PackageProblem]
) -> None:
    """What the package restates outside the signed files agrees with them: the `Factfinder-*`
    fields of bag-info.txt with the checkpoint, `public-key.hex` with `public-key.pem` (a bag
    without tag manifests protects neither by a hash)."""
    fields = {label.lower(): value for label, value in info}
    expected = {
        "Factfinder-Log": cp.log_id,
        "Factfinder-Checkpoint-Size": str(cp.size),
        "Factfinder-Checkpoint-Root": cp.root,
        "Factfinder-Checkpoint-Time": cp.time,
        "Factfinder-Key-Id": cp.key_id,
    }
    for label, value in expected.items():
        given = fields.get(label.lower())
        if given is not None and given != value:
            problems.append(
                PackageProblem("bag-info.txt", f"{label} is {given}, the checkpoint says {value}")
            )
    hex_file = bag / "factfinder/public-key.hex"
    if hex_file.is_file():
        try:
            same = (
                PublicKey.from_text(hex_file.read_text(encoding="ascii")).to_hex()
                == PublicKey.load(bag / "factfinder/public-key.pem").to_hex()
            )
        except (OSError, ValueError, FactfinderError):
            same = False
        if not same:
            problems.append(
                PackageProblem("factfinder/public-key.hex", "is not the key of public-key.pem")
            )


def _check_derived(
    bag: Path,
    cp: Checkpoint,
    key: PublicKey,
    problems: list[PackageProblem],
    checked: list[str],
) -> None:
    name, sig_name = "factfinder/derived.json", "factfinder/derived.sig"
    try:
        data = (bag / name).read_bytes()
        signature = bytes.fromhex((bag / sig_name).read_text(encoding="ascii").strip())
        obj = json.loads(data)
    except (OSError, ValueError) as exc:
        problems.append(
            PackageProblem(name, f"the derived files are not bound to the checkpoint ({exc})")
        )
        return
    if not key.verify(data, signature):
        problems.append(PackageProblem(sig_name, f"is not a signature of {name} by {key.key_id}"))
        return
    bound = obj.get("checkpoint") if isinstance(obj, dict) else None
    if not isinstance(bound, dict) or (bound.get("size"), bound.get("root")) != (
        cp.size,
        cp.root,
    ):
        problems.append(PackageProblem(name, "names another checkpoint than the package's"))
        return
    files = obj.get("files")
    if not isinstance(files, dict):
        problems.append(PackageProblem(name, "lists no files"))
        return
    present = {p.relative_to(bag).as_posix() for p in _derived_files(bag)}
    for rel in sorted(present | set(files)):
        if rel not in files:
            problems.append(PackageProblem(rel, f"is not bound to the checkpoint in {name}"))
        elif rel not in present:
            problems.append(PackageProblem(rel, f"is listed in {name} but missing"))
        elif _hash_file(bag / rel) != files[rel]:
            problems.append(
                PackageProblem(rel, f"differs from what was built at the checkpoint ({name})")
            )
    checked.append(f"{len(files)} derived files bound to the checkpoint by {key.key_id}")


def _check_items(
    bag: Path, proven: set[str], problems: list[PackageProblem], checked: list[str]
) -> None:
    listing = bag / "factfinder/items.json"
    try:
        items: list[Mapping[str, Any]] = json.loads(listing.read_text(encoding="utf-8"))["items"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        problems.append(PackageProblem("factfinder/items.json", f"unreadable ({exc})"))
        return
    listed_paths = set()
    n = 0
    for item in items:
        h = str(item.get("item"))
        rel = item.get("path")
        if item.get("withheld"):
            continue
        n += 1
        if h not in proven:
            problems.append(
                PackageProblem(
                    str(rel or "factfinder/items.json"),
                    f"item {h} has no inclusion proof in the package",
                )
            )
        if not isinstance(rel, str):
            problems.append(PackageProblem("factfinder/items.json", f"item {h} has no path"))
            continue
        listed_paths.add(rel)
        file = bag / rel
        if not file.is_file():
            problems.append(PackageProblem(rel, f"the original of {h} is missing"))
        elif "sha256:" + _hash_file(file) != h:
            problems.append(
                PackageProblem(rel, f"does not hash to {h}, the item the ledger recorded (altered)")
            )
    for file in sorted((bag / "data/items").glob("*")) if (bag / "data/items").is_dir() else []:
        rel = file.relative_to(bag).as_posix()
        if rel not in listed_paths:
            problems.append(PackageProblem(rel, "is not an item of factfinder/items.json"))
    checked.append(f"{n} originals hash to items proven in the ledger")
