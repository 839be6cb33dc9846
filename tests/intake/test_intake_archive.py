"""zip and tar members: regular files come out; hostile names, links and devices are refused
without writing anything outside the workdir; archive bombs stop at the limits."""

from __future__ import annotations

import datetime as dt
import gzip
import io
import tarfile
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from factfinder.errors import InputError
from factfinder.intake import Limits, Part, check_member_name, expand, read_text
from factfinder.intake.parts import DOCX, EMAIL, GZIP, HTML, PDF, TEXT, ZIP

WriteZip = Callable[[Path, dict[str, bytes]], Path]

if TYPE_CHECKING:
    from conftest import Corpus


def files_under(root: Path) -> set[Path]:
    return {p for p in root.rglob("*")}


def summary(parts: list[Part], archive: Path) -> list[tuple[str, bool, int | None]]:
    return [(p.label.removeprefix(str(archive)), p.ok, p.parent) for p in parts]


def test_zip_members_and_nested_containers(corpus: Corpus, workdir: Path) -> None:
    parts = list(expand(corpus.zip, workdir))
    assert [(p.label.removeprefix(str(corpus.zip)), p.media_type, p.parent) for p in parts] == [
        ("", ZIP, None),
        ("!press/page.html", HTML, 0),
        ("!mail/letter.eml", EMAIL, 0),
        ("!mail/letter.eml!letter.pdf", PDF, 2),
        ("!mail/letter.eml!annex.zip", ZIP, 2),
        ("!mail/letter.eml!annex.zip!annex/notes.txt", TEXT, 4),
        ("!mail/letter.eml!part3.eml", EMAIL, 2),
        ("!mail/letter.eml!part3.eml!graves.txt", TEXT, 6),
        ("!seed.txt", TEXT, 0),
    ]
    assert parts[1].origin == {"filename": "page.html", "member": "press/page.html"}
    assert parts[1].path.suffix == ".html"
    page = read_text(parts[1])
    assert page is not None and corpus.HAJIN_SENTENCE in page.text
    assert read_text(parts[0]) is None


def test_tar_gz_members(corpus: Corpus, workdir: Path) -> None:
    parts = list(expand(corpus.tar_gz, workdir))
    assert [(p.label.removeprefix(str(corpus.tar_gz)), p.media_type, p.parent) for p in parts] == [
        ("", GZIP, None),
        ("!reports/raqqah.docx", DOCX, 0),
        ("!seed.txt", TEXT, 0),
    ]
    assert parts[1].origin["modified_at"] == "2017-11-06T00:00:00Z"
    assert parts[1].path.read_bytes() == corpus.docx.read_bytes()
    report = read_text(parts[1])
    assert report is not None and report.title == "Mass graves in Raqqah"


def test_hostile_zip_names_are_refused_and_the_rest_comes_out(
    tmp_path: Path, workdir: Path, write_zip: WriteZip
) -> None:
    archive = tmp_path / "evil.zip"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("first.txt", b"Airstrike on Hajin.\n")
        zf.writestr("../../etc/passwd", b"root::0:0::/root:/bin/sh\n")
        zf.writestr("/etc/cron.d/evil", b"* * * * * root sh\n")
        zf.writestr("C:/Windows/evil.txt", b"x\n")
        zf.writestr("ok/../../escape.txt", b"x\n")
        link = zipfile.ZipInfo("link-to-passwd")
        link.external_attr = 0o120777 << 16
        zf.writestr(link, b"/etc/passwd")
        zf.writestr("last.txt", b"Shelling on Douma.\n")
    archive.write_bytes(buf.getvalue())
    before = files_under(tmp_path)

    parts = list(expand(archive, workdir))

    assert summary(parts, archive) == [
        ("", True, None),
        ("!first.txt", True, 0),
        ("!../../etc/passwd", False, 0),
        ("!/etc/cron.d/evil", False, 0),
        ("!C:/Windows/evil.txt", False, 0),
        ("!ok/../../escape.txt", False, 0),
        ("!link-to-passwd", False, 0),
        ("!last.txt", True, 0),
    ]
    problems = [p.error.problem for p in parts if p.error is not None]
    assert problems == [
        "member path escapes the archive ('..')",
        "member has an absolute path",
        "member name starts with a drive letter",
        "member path escapes the archive ('..')",
        "member is a symbolic link; links are not followed",
    ]
    assert (
        str(parts[2].error) == f"{archive}!../../etc/passwd: member path escapes the archive ('..')"
    )
    # nothing was written anywhere but the workdir, and only the two good members there
    assert files_under(tmp_path) - before == {parts[1].path, parts[7].path}
    assert all(p.path.parent == workdir for p in (parts[1], parts[7]))
    assert parts[7].path.read_bytes() == b"Shelling on Douma.\n"


def test_hostile_tar_members_are_refused_and_the_rest_comes_out(
    tmp_path: Path, workdir: Path
) -> None:
    archive = tmp_path / "evil.tar"
    with tarfile.open(archive, "w") as tf:

        def add(name: str, data: bytes = b"", **attrs: object) -> None:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            for key, value in attrs.items():
                setattr(info, key, value)
            tf.addfile(info, io.BytesIO(data) if data else None)

        add("first.txt", b"Airstrike on Hajin.\n")
        add("../../etc/passwd", b"root::0:0::/root:/bin/sh\n")
        add("/abs/path.txt", b"x\n")
        add("evil-link", type=tarfile.SYMTYPE, linkname="/etc/passwd")
        add("hard-link", type=tarfile.LNKTYPE, linkname="first.txt")
        add("console", type=tarfile.CHRTYPE, devmajor=5, devminor=1)
        add("pipe", type=tarfile.FIFOTYPE)
        add("dir", type=tarfile.DIRTYPE)
        add("dir/last.txt", b"Shelling on Douma.\n")
    before = files_under(tmp_path)

    parts = list(expand(archive, workdir))

    assert summary(parts, archive) == [
        ("", True, None),
        ("!first.txt", True, 0),
        ("!../../etc/passwd", False, 0),
        ("!/abs/path.txt", False, 0),
        ("!evil-link", False, 0),
        ("!hard-link", False, 0),
        ("!console", False, 0),
        ("!pipe", False, 0),
        ("!dir/last.txt", True, 0),
    ]
    assert parts[4].error is not None
    assert parts[4].error.problem == (
        "member is a symbolic link (to '/etc/passwd'); links are not followed"
    )
    assert parts[5].error is not None and "hard link" in parts[5].error.problem
    assert parts[6].error is not None and "device file" in parts[6].error.problem
    assert files_under(tmp_path) - before == {parts[1].path, parts[8].path}
    assert parts[8].path.read_bytes() == b"Shelling on Douma.\n"


def test_zip_bomb_stops_at_the_ratio_limit(
    tmp_path: Path, workdir: Path, write_zip: WriteZip
) -> None:
    bomb = write_zip(
        tmp_path / "bomb.zip", {"zeros.txt": b"\0" * (8 * 1024 * 1024), "note.txt": b"Hajin\n"}
    )
    assert bomb.stat().st_size < 20_000
    parts = list(expand(bomb, workdir, limits=Limits(max_ratio=100, ratio_slack=0)))
    assert summary(parts, bomb) == [("", True, None), ("", False, 0)]
    assert parts[1].error is not None and "archive bomb" in parts[1].error.problem
    assert list(workdir.iterdir()) == []  # refused before a byte was written


def test_declared_sizes_that_lie_are_caught_while_streaming(tmp_path: Path, workdir: Path) -> None:
    # A gzip declares no size at all: only the streaming count can stop it.
    bomb = tmp_path / "zeros.txt.gz"
    bomb.write_bytes(gzip.compress(b"\0" * (4 * 1024 * 1024)))
    parts = list(expand(bomb, workdir, limits=Limits(max_total_bytes=1024 * 1024)))
    assert summary(parts, bomb) == [("", True, None), ("!zeros.txt", False, 0)]
    assert parts[1].error is not None
    assert parts[1].error.input == f"{bomb}!zeros.txt"
    assert "expands past 1048576 bytes" in parts[1].error.problem
    assert list(workdir.iterdir()) == []  # the partial member was removed


def test_member_count_limit(tmp_path: Path, workdir: Path, write_zip: WriteZip) -> None:
    many = write_zip(tmp_path / "many.zip", {f"m{i}.txt": b"x" for i in range(10)})
    parts = list(expand(many, workdir, limits=Limits(max_members=5)))
    assert len(parts) == 2 and parts[1].error is not None
    assert "10 members, more than the limit of 5" in parts[1].error.problem


def test_nesting_depth_limit(
    tmp_path: Path, workdir: Path, make_zip: Callable[[dict[str, bytes]], bytes]
) -> None:
    inner = b"Hajin\n"
    for _ in range(4):
        inner = make_zip({"inner.zip" if inner[:2] == b"PK" else "note.txt": inner})
    nested = tmp_path / "nested.zip"
    nested.write_bytes(inner)
    parts = list(expand(nested, workdir, limits=Limits(max_depth=2)))
    assert [p.ok for p in parts] == [True, True, True, False]
    assert parts[3].error is not None and "nested deeper than 2" in parts[3].error.problem


def test_single_gzip_file_is_a_container_of_one(tmp_path: Path, workdir: Path) -> None:
    gz = tmp_path / "note.txt.gz"
    gz.write_bytes(gzip.compress(b"Shelling on Douma killed 7 civilians.\n"))
    parts = list(expand(gz, workdir))
    assert summary(parts, gz) == [("", True, None), ("!note.txt", True, 0)]
    assert parts[1].media_type == TEXT
    extracted = read_text(parts[1])
    assert extracted is not None and extracted.text == "Shelling on Douma killed 7 civilians.\n"


def test_corrupt_zip(tmp_path: Path, workdir: Path) -> None:
    broken = tmp_path / "broken.zip"
    broken.write_bytes(b"PK\x03\x04" + b"\x00" * 60)
    parts = list(expand(broken, workdir))
    assert summary(parts, broken) == [("", True, None), ("", False, 0)]
    assert parts[1].error is not None
    assert parts[1].error.problem.startswith("not a readable zip archive")


def test_truncated_tar_gz_keeps_earlier_members(
    corpus: Corpus, tmp_path: Path, workdir: Path
) -> None:
    archive = tmp_path / "cut.tar.gz"
    with tarfile.open(archive, "w:gz") as tf:
        for name, data in (("a.txt", b"first member\n"), ("b.bin", bytes(range(256)) * 400)):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            info.mtime = int(dt.datetime(2017, 11, 6, tzinfo=dt.UTC).timestamp())
            tf.addfile(info, io.BytesIO(data))
    data = archive.read_bytes()
    archive.write_bytes(data[: len(data) // 2])
    parts = list(expand(archive, workdir))
    assert [p.ok for p in parts[:2]] == [True, True]
    assert parts[1].path.read_bytes() == b"first member\n"
    assert not parts[-1].ok and "truncated or corrupt" in (
        parts[-1].error.problem if parts[-1].error else ""
    )


def test_empty_member_is_an_error(tmp_path: Path, workdir: Path, write_zip: WriteZip) -> None:
    archive = write_zip(tmp_path / "e.zip", {"empty.txt": b"", "full.txt": b"Hajin\n"})
    parts = list(expand(archive, workdir))
    assert summary(parts, archive) == [
        ("", True, None),
        ("!empty.txt", False, 0),
        ("!full.txt", True, 0),
    ]
    assert parts[1].error is not None and parts[1].error.problem == "empty file"


@pytest.mark.parametrize(
    "name", ["../x", "a/../../x", "/x", "\\\\server\\share", "C:x", "", "a\x00b", "./.."]
)
def test_check_member_name_refuses(name: str) -> None:
    with pytest.raises(InputError) as info:
        check_member_name("a.zip", name)
    assert info.value.input == f"a.zip!{name}"


@pytest.mark.parametrize(
    ("name", "clean"),
    [
        ("a/b.txt", "a/b.txt"),
        ("./a//b.txt", "a/b.txt"),
        ("dir\\file.txt", "dir/file.txt"),
        ("..hidden", "..hidden"),
    ],
)
def test_check_member_name_accepts(name: str, clean: str) -> None:
    assert check_member_name("a.zip", name) == clean


def test_a_nested_bomb_is_refused_as_one_input_before_it_writes_its_expansion(
    tmp_path: Path, workdir: Path, write_zip: Callable[[Path, dict[str, bytes]], Path]
) -> None:
    def zipped(members: dict[str, bytes]) -> bytes:
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
            for name, data in members.items():
                z.writestr(name, data)
        return buf.getvalue()

    # ten zips of ten zips of 1 MiB of zeros: small at every level, 100 MiB in all
    leaf = zipped({"zeros.txt": b"\0" * (1024 * 1024)})
    middle = zipped({f"leaf-{i}.zip": leaf for i in range(10)})
    bomb = write_zip(tmp_path / "nested.zip", {f"middle-{i}.zip": middle for i in range(10)})
    size = bomb.stat().st_size
    limits = Limits(max_ratio=100, ratio_slack=0)
    parts = list(expand(bomb, workdir, limits=limits))
    written = sum(f.stat().st_size for f in workdir.iterdir())
    assert written <= size * 100  # the budget of the input given, for all it nests
    failed = [p for p in parts if not p.ok]
    assert len(failed) == 1  # one line for the input, not one per nested container
    assert failed[0].label == str(bomb) and "archive bomb" in failed[0].error.problem
    assert len(parts) < 30
