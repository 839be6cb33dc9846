"""RTF read from documents written here: any paragraphs written with RTF's escapes read back as
written (a property), code pages, the `\\info` group's times, and files refused with one error
naming them."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factfinder.errors import InputError
from factfinder.intake import rtf_file
from factfinder.intake.parts import RTF, Part


def escaped(text: str) -> str:
    """`text` as RTF writes it: ASCII as it is (the control characters `\\`, `{`, `}` escaped),
    everything else as `\\uN?` (N the signed 16-bit code)."""
    out = []
    for ch in text:
        code = ord(ch)
        if ch in "\\{}":
            out.append("\\" + ch)
        elif 0x20 <= code < 0x7F:
            out.append(ch)
        else:
            out.append(f"\\u{code if code < 0x8000 else code - 0x10000}?")
    return "".join(out)


def rtf_part(folder: Path, body: bytes) -> Part:
    path = folder / "doc.rtf"
    path.write_bytes(body)
    return Part(str(path), path, RTF, None)


# Words of the Basic Multilingual Plane without the characters a reader takes for white space
# or line ends, nor "|" (striprtf's cell mark); a paragraph is words separated by single spaces.
words = st.text(
    alphabet=st.characters(
        codec="utf-8",
        max_codepoint=0xFFFF,
        exclude_categories=("Cc", "Cs", "Zs", "Zl", "Zp", "Co", "Cn"),
        exclude_characters="|\x85\u180e\u200b\ufeff",
    ),
    min_size=1,
    max_size=8,
)
paragraphs = st.lists(words, min_size=1, max_size=5).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(st.lists(paragraphs, min_size=1, max_size=4))
def test_any_paragraphs_written_read_back(paras: list[str]) -> None:
    body = "{\\rtf1\\ansi\\ansicpg1252\\uc1 " + "".join(f"{escaped(p)}\\par\n" for p in paras) + "}"
    with tempfile.TemporaryDirectory() as tmp:
        got = rtf_file.read(rtf_part(Path(tmp), body.encode("ascii")))
    assert got.text == "\n\n".join(paras)


def test_the_declared_code_page_reads_the_bytes(tmp_path: Path) -> None:
    # \'e3\'cf\'e4\'ed\'ed\'e4 is "مدنيين" in Windows-1256 (Arabic).
    body = b"{\\rtf1\\ansi\\ansicpg1256 \\'e3\\'cf\\'e4\\'ed\\'ed\\'e4\\par}"
    assert rtf_file.read(rtf_part(tmp_path, body)).text == "مدنيين"


def test_an_unknown_code_page_is_read_as_windows_1252(tmp_path: Path) -> None:
    body = b"{\\rtf1\\ansi\\ansicpg99999 caf\\'e9\\par}"
    assert rtf_file.read(rtf_part(tmp_path, body)).text == "café"


@pytest.mark.parametrize(
    ("info", "created", "title", "author"),
    [
        (
            "{\\title Strikes on Ariha}{\\author Field team}"
            "{\\creatim\\yr2024\\mo3\\dy4\\hr9\\min30}",
            dt.datetime(2024, 3, 4, 9, 30, tzinfo=dt.UTC),
            "Strikes on Ariha",
            "Field team",
        ),
        ("{\\creatim\\yr2024}", dt.datetime(2024, 1, 1, tzinfo=dt.UTC), None, None),
        ("{\\creatim\\yr2024\\mo13\\dy4}", None, None, None),
        ("{\\creatim\\mo3\\dy4}", None, None, None),
        ("{\\title   }", None, None, None),
    ],
)
def test_the_info_group(
    tmp_path: Path, info: str, created: dt.datetime | None, title: str | None, author: str | None
) -> None:
    body = "{\\rtf1\\ansi{\\info" + info + "}Text.\\par}"
    got = rtf_file.read(rtf_part(tmp_path, body.encode("ascii")))
    assert (got.file_created, got.title, got.author) == (created, title, author)
    assert got.text == "Text."


def test_a_file_without_the_header_is_refused(tmp_path: Path) -> None:
    part = rtf_part(tmp_path, b"Plain text named .rtf")
    with pytest.raises(InputError) as caught:
        rtf_file.read(part)
    assert (caught.value.input, caught.value.problem) == (
        part.label,
        "not an RTF document (no {\\rtf header)",
    )


def test_an_oversized_file_is_not_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rtf_file, "MAX_BYTES", 10)
    with pytest.raises(InputError, match="RTF larger than 10 bytes; not read"):
        rtf_file.read(rtf_part(tmp_path, b"{\\rtf1 a longer document\\par}"))
