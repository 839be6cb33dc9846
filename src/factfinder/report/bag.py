"""The BagIt layer of evidence packages, after RFC 8493 (BagIt 1.0).

What `check_bag` holds a bag to (each problem names the offending file):

- `bagit.txt` is the bag declaration: exactly `BagIt-Version: M.N` and
  `Tag-File-Character-Encoding: ENCODING`, UTF-8 without a byte-order mark (versions 1.0 and
  0.97, which bagit-python still writes, are read the same way). The other tag files are read in
  the declared encoding.
- At least one payload manifest `manifest-<algorithm>.txt`; tag manifests
  `tagmanifest-<algorithm>.txt` are optional and checked when present. Algorithms: md5, sha1,
  sha256, sha512 (RFC 8493 section 2.4); a manifest of another algorithm cannot be checked
  and is reported.
- A manifest line is `checksum`, one or more spaces or tabs, `filepath`; the checksum is hex in
  either case; a CR, LF or `%` in a path is percent-encoded (`%0D`, `%0A`, `%25`). Paths are
  relative to the bag and may not leave it; a payload manifest lists only files under `data/`,
  a tag manifest none. Every listed file exists and has its checksum; every payload file is
  listed in every payload manifest (section 3, "complete").
- `bag-info.txt` is optional: lines `Label: value` (a colon, then one space or tab), a value
  continued on lines that begin with a space or tab. When present, `Payload-Oxum`
  (`octets.files` of the payload, at most once) must match and `Bagging-Date` must be
  `YYYY-MM-DD`.
"""

from __future__ import annotations

import codecs
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

ALGORITHMS = {"md5": 32, "sha1": 40, "sha256": 64, "sha512": 128}  # hex length of each digest
CHUNK = 1 << 20
_MANIFEST_LINE = re.compile(r"([0-9A-Fa-f]+)[ \t]+(.+)")
_MANIFEST_NAME = re.compile(r"(tag)?manifest-([A-Za-z0-9]+)\.txt")
_VERSION = re.compile(r"BagIt-Version: (\d+)\.(\d+)")
_ENCODING = re.compile(r"Tag-File-Character-Encoding: (\S+)")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_LINE_END = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True, slots=True)
class PackageProblem:
    file: str  # the package-relative path of the offending file
    message: str

    def to_json(self) -> dict[str, str]:
        return {"file": self.file, "message": self.message}


def encode_path(rel: str) -> str:
    """A path as a manifest line writes it (RFC 8493 section 2.1.3)."""
    return rel.replace("%", "%25").replace("\n", "%0A").replace("\r", "%0D")


def decode_path(text: str) -> str:
    return re.sub(
        r"%(0[AaDd]|25)", lambda m: {"0a": "\n", "0d": "\r", "25": "%"}[m[1].lower()], text
    )


def hash_file(path: Path, algorithm: str = "sha256") -> str:
    h = hashlib.new(algorithm)
    with path.open("rb") as fh:
        while chunk := fh.read(CHUNK):
            h.update(chunk)
    return h.hexdigest()


def manifest_text(entries: list[tuple[str, str]]) -> str:
    """Manifest lines `checksum  path` for `(hex digest, bag-relative path)` pairs."""
    return "".join(f"{digest}  {encode_path(rel)}\n" for digest, rel in entries)


def tag_lines(text: str) -> list[str]:
    """The lines of a tag file, split at LF, CR or CRLF only (RFC 8493 section 2.1.1): a file
    name or a value may hold any other character, form feeds and U+2028 included, which
    `str.splitlines` would also take for line ends."""
    return _LINE_END.split(text)


def parse_bag_info(text: str) -> tuple[list[tuple[str, str]], list[int]]:
    """The `(label, value)` elements of a bag-info.txt, in order, and the numbers of lines that
    are neither an element nor its continuation."""
    elements: list[tuple[str, str]] = []
    bad: list[int] = []
    for n, line in enumerate(tag_lines(text), start=1):
        if not line.strip():
            continue
        if line[0] in " \t":
            if elements:
                label, value = elements[-1]
                elements[-1] = (label, f"{value} {line.strip()}".strip())
            else:
                bad.append(n)
            continue
        label, colon, value = line.partition(":")
        if not colon or not label.strip() or (value and value[0] not in " \t"):
            bad.append(n)
            continue
        elements.append((label.strip(), value.strip()))
    return elements, bad


@dataclass(frozen=True, slots=True)
class BagCheck:
    problems: list[PackageProblem]
    checked: list[str]
    info: list[tuple[str, str]]  # the bag-info.txt elements


def _read_text(bag: Path, name: str, encoding: str, problems: list[PackageProblem]) -> str | None:
    try:
        return (bag / name).read_bytes().decode(encoding)
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(PackageProblem(name, f"cannot be read ({exc})"))
        return None


def _declaration(bag: Path, problems: list[PackageProblem]) -> str:
    """The tag-file encoding `bagit.txt` declares (UTF-8 when it cannot be read)."""
    path = bag / "bagit.txt"
    if not path.is_file():
        problems.append(PackageProblem("bagit.txt", "is missing"))
        return "utf-8"
    data = path.read_bytes()
    if data.startswith(codecs.BOM_UTF8):
        problems.append(PackageProblem("bagit.txt", "starts with a byte-order mark"))
        data = data[len(codecs.BOM_UTF8) :]
    lines = data.decode("utf-8", errors="replace").splitlines()
    version = _VERSION.fullmatch(lines[0]) if lines else None
    encoding = _ENCODING.fullmatch(lines[1]) if len(lines) > 1 else None
    if not version or not encoding or len(lines) != 2:
        problems.append(
            PackageProblem(
                "bagit.txt",
                "is not a BagIt declaration ('BagIt-Version: M.N' and "
                "'Tag-File-Character-Encoding: …', two lines)",
            )
        )
    elif (int(version[1]), int(version[2])) not in ((1, 0), (0, 97)):
        problems.append(PackageProblem("bagit.txt", f"BagIt version {version[1]}.{version[2]}"))
    if encoding:
        try:
            return codecs.lookup(encoding[1]).name
        except LookupError:
            problems.append(PackageProblem("bagit.txt", f"unknown encoding {encoding[1]}"))
    return "utf-8"


def _read_manifest(
    bag: Path, name: str, algorithm: str, encoding: str, problems: list[PackageProblem]
) -> dict[str, str]:
    text = _read_text(bag, name, encoding, problems)
    if text is None:
        return {}
    tag = name.startswith("tag")
    out: dict[str, str] = {}
    for n, line in enumerate(tag_lines(text), start=1):
        if not line.strip():
            continue
        m = _MANIFEST_LINE.fullmatch(line)
        if not m or len(m[1]) != ALGORITHMS[algorithm]:
            problems.append(PackageProblem(name, f"line {n} is not '<{algorithm}> <path>'"))
            continue
        rel = decode_path(m[2])
        pure = PurePosixPath(rel)
        if pure.is_absolute() or ".." in pure.parts or "\\" in rel or rel.startswith("./"):
            problems.append(PackageProblem(name, f"line {n} names a path outside the bag"))
            continue
        if tag == (pure.parts[0] == "data"):
            where = "a payload file" if tag else "a file outside data/"
            problems.append(PackageProblem(name, f"line {n} lists {where}"))
            continue
        if rel in out:
            problems.append(PackageProblem(name, f"line {n} lists {rel} again"))
            continue
        out[rel] = m[1].lower()
    return out


def check_bag(bag: Path) -> BagCheck:
    """Check `bag` against RFC 8493; see the module doc."""
    problems: list[PackageProblem] = []
    encoding = _declaration(bag, problems)
    manifests: dict[str, tuple[str, dict[str, str]]] = {}
    for path in sorted(bag.glob("*manifest-*.txt")):
        m = _MANIFEST_NAME.fullmatch(path.name)
        if not m or not path.is_file():
            continue
        algorithm = m[2].lower()
        if algorithm not in ALGORITHMS:
            problems.append(
                PackageProblem(path.name, f"cannot be checked: unknown algorithm {m[2]}")
            )
            continue
        manifests[path.name] = (
            algorithm,
            _read_manifest(bag, path.name, algorithm, encoding, problems),
        )
    payload_manifests = [n for n in manifests if n.startswith("manifest-")]
    if not payload_manifests and not any(p.file.startswith("manifest-") for p in problems):
        problems.append(
            PackageProblem("manifest-sha256.txt", "is missing (a bag has a payload manifest)")
        )
    if not (bag / "data").is_dir():
        problems.append(PackageProblem("data", "is missing (the payload directory)"))
    for listing, (algorithm, entries) in manifests.items():
        for rel, digest in sorted(entries.items()):
            file = bag / rel
            if not file.is_file():
                problems.append(PackageProblem(rel, f"is listed in {listing} but missing"))
            elif hash_file(file, algorithm) != digest:
                problems.append(
                    PackageProblem(rel, f"does not match its {algorithm} in {listing} (altered)")
                )
    present = sorted(
        p.relative_to(bag).as_posix() for p in (bag / "data").rglob("*") if p.is_file()
    )
    for rel in present:
        for listing in payload_manifests:
            if rel not in manifests[listing][1]:
                problems.append(PackageProblem(rel, f"is not listed in {listing}"))
    info: list[tuple[str, str]] = []
    if (bag / "bag-info.txt").is_file():
        text = _read_text(bag, "bag-info.txt", encoding, problems)
        info, bad = parse_bag_info(text or "")
        for n in bad:
            problems.append(PackageProblem("bag-info.txt", f"line {n} is not 'Label: value'"))
        if not any(p.file.startswith("data/") for p in problems):
            # The oxum only restates what a named payload problem already explains.
            _check_oxum(bag, present, info, problems)
        for label, value in info:
            if label.lower() == "bagging-date" and not _DATE.fullmatch(value):
                problems.append(
                    PackageProblem("bag-info.txt", f"Bagging-Date {value!r} is not YYYY-MM-DD")
                )
    tag_files = sum(len(e) for n, (_, e) in manifests.items() if n.startswith("tag"))
    checked = [
        f"bag (RFC 8493): {len(present)} payload files in {len(payload_manifests)} "
        f"payload manifests, {tag_files} tag-manifest entries hashed"
    ]
    return BagCheck(problems, checked, info)


def _check_oxum(
    bag: Path, present: list[str], info: list[tuple[str, str]], problems: list[PackageProblem]
) -> None:
    oxums = [v for k, v in info if k.lower() == "payload-oxum"]
    if not oxums:
        return
    if len(oxums) > 1:
        problems.append(PackageProblem("bag-info.txt", "gives Payload-Oxum more than once"))
        return
    actual = f"{sum((bag / rel).stat().st_size for rel in present)}.{len(present)}"
    if oxums[0] != actual:
        problems.append(
            PackageProblem("bag-info.txt", f"Payload-Oxum is {oxums[0]}, the payload is {actual}")
        )
