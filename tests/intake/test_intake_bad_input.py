"""Bad inputs: each gives one clear error naming the input, and the walk goes on."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from factfinder.errors import InputError
from factfinder.intake import expand, read_text, sniff_media_type
from factfinder.intake.parts import PDF, TEXT

if TYPE_CHECKING:
    from conftest import Corpus


def test_corrupt_pdf_is_an_input_error(corpus: Corpus, tmp_path: Path, workdir: Path) -> None:
    broken = tmp_path / "broken.pdf"
    data = corpus.pdf.read_bytes()
    broken.write_bytes(data[:9] + bytes(b ^ 0x5A for b in data[9:400]))
    [part] = expand(broken, workdir)
    assert part.ok and part.media_type == PDF  # the bytes are kept: it is evidence all the same
    with pytest.raises(InputError) as info:
        read_text(part)
    assert info.value.input == str(broken)
    assert "not a readable PDF" in info.value.problem


def test_invalid_utf8_names_the_byte(tmp_path: Path, workdir: Path) -> None:
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Hajin: 26 tués".encode("latin-1"))
    [part] = expand(bad, workdir)
    assert part.media_type == TEXT
    with pytest.raises(InputError) as info:
        read_text(part)
    assert str(info.value) == f"{bad}: invalid UTF-8 at byte 12"


def test_invalid_utf8_after_a_bom_counts_the_bom(tmp_path: Path) -> None:
    from factfinder.intake.text_file import decode_text

    with pytest.raises(InputError, match=r"invalid UTF-8 at byte 5$"):
        decode_text(b"\xef\xbb\xbfab\xff", "x.txt")


def test_empty_file(tmp_path: Path, workdir: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.touch()
    [part] = expand(empty, workdir)
    assert part.error is not None
    assert str(part.error) == f"{empty}: empty file"
    with pytest.raises(InputError, match="empty file"):
        read_text(part)


def test_a_directory_is_not_a_file(tmp_path: Path, workdir: Path) -> None:
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    [part] = expand(folder, workdir)
    assert part.error is not None and part.error.input == str(folder)
    assert part.error.problem == "is a directory, not a file"


def test_broken_symlink(tmp_path: Path, workdir: Path) -> None:
    link = tmp_path / "gone.txt"
    link.symlink_to(tmp_path / "nowhere.txt")
    [part] = expand(link, workdir)
    assert part.error is not None and part.error.input == str(link)
    assert "broken symbolic link" in part.error.problem
    with pytest.raises(InputError, match=r"gone\.txt: cannot read"):
        sniff_media_type(link)


def test_missing_file(tmp_path: Path, workdir: Path) -> None:
    [part] = expand(tmp_path / "absent.txt", workdir)
    assert part.error is not None and part.error.problem == "no such file"


def test_permission_denied(tmp_path: Path, workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Tests may run as root, for whom chmod 000 blocks nothing: make open() refuse instead.
    secret = tmp_path / "secret.txt"
    secret.write_text("sealed", encoding="utf-8")
    real_open = Path.open

    def refuse(self: Path, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        if self == secret:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", refuse)
    [part] = expand(secret, workdir)
    assert part.error is not None
    assert str(part.error) == f"{secret}: cannot read: Permission denied"


def test_unreadable_part_at_read_time(tmp_path: Path, workdir: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text("Hajin", encoding="utf-8")
    [part] = expand(note, workdir)
    note.unlink()  # gone between the walk and the read
    with pytest.raises(InputError, match=r"note\.txt: cannot read"):
        read_text(part)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_named_pipe_is_refused_without_blocking(tmp_path: Path, workdir: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    [part] = expand(fifo, workdir)
    assert part.error is not None and "not a regular file" in part.error.problem


def test_an_encrypted_pdf_says_so_and_one_with_an_owner_password_only_is_read(
    tmp_path: Path, workdir: Path
) -> None:
    fpdf = pytest.importorskip("fpdf")

    def write(path: Path, **passwords: str) -> Path:
        pdf = fpdf.FPDF()
        pdf.add_page()
        pdf.set_font("helvetica", size=12)
        pdf.cell(text="Airstrikes killed three civilians in Idlib.")
        pdf.set_encryption(**passwords)
        pdf.output(str(path))
        return path

    locked = write(tmp_path / "locked.pdf", owner_password="o", user_password="secret")
    (part,) = list(expand(locked, workdir))
    with pytest.raises(InputError) as info:
        read_text(part)
    assert (info.value.input, info.value.problem) == (
        str(locked),
        "encrypted PDF (a password is needed)",
    )
    owner_only = write(tmp_path / "owner-only.pdf", owner_password="o")
    (part,) = list(expand(owner_only, workdir))
    assert read_text(part).text == "Airstrikes killed three civilians in Idlib."
