"""Decoding what intake reads: any text written as UTF-8 (with or without a byte-order mark),
UTF-16 with a mark, or in the charset its transport or page declares reads back exactly; bad
bytes are an error naming the part and the byte; a page's visible text leaves scripts out."""

from __future__ import annotations

import codecs
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factfinder.errors import InputError
from factfinder.intake import html_page, text_file
from factfinder.intake.parts import Part

texts = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=200)
# Characters windows-1256 (Arabic) can write: Arabic letters, ASCII, a few Latin accents.
arabic_texts = st.text(
    alphabet=st.sampled_from("abc XYZ 0123456789.,;\nقتل مدنيين في ريف إدلب الجنوبي،éà"),
    max_size=120,
)


def read_file(data: bytes, content_type: str | None = None) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "part"
        path.write_bytes(data)
        origin = {"content_type": content_type} if content_type else {}
        return text_file.read(Part("input.txt", path, "text/plain", None, origin)).text


@given(texts)
def test_text_in_utf8_with_or_without_a_mark_reads_back(text: str) -> None:
    assert text_file.decode_text(text.encode("utf-8"), "t") == text
    assert text_file.decode_text(codecs.BOM_UTF8 + text.encode("utf-8"), "t") == text
    assert text_file.decode_text(text.encode("utf-16"), "t") == text  # with its mark


@settings(max_examples=30)
@given(arabic_texts, st.sampled_from(["windows-1256", "cp1256", "iso-8859-6"]))
def test_text_in_a_declared_charset_reads_back(text: str, charset: str) -> None:
    try:
        data = text.encode(charset)
    except UnicodeEncodeError:
        return  # iso-8859-6 has no Latin accents
    assert read_file(data, f'text/plain; charset="{charset.upper()}"') == text


@given(texts, st.integers(0, 50))
def test_a_bad_byte_is_named_with_its_offset(text: str, cut: int) -> None:
    head = text.encode("utf-8")
    with pytest.raises(InputError) as caught:
        text_file.decode_text(head + b"\xff" + b"tail", "letter.txt")
    assert caught.value.input == "letter.txt"
    assert caught.value.problem == f"invalid UTF-8 at byte {len(head)}"


def test_a_wrong_declared_charset_and_an_unknown_one() -> None:
    assert read_file(b"plain", "text/plain; charset=x-no-such-charset") == "plain"
    with pytest.raises(InputError, match="invalid utf-16"):
        read_file(b"\x00", "text/plain; charset=utf-16")
    with pytest.raises(InputError, match="cannot read"):
        text_file.read(Part("gone.txt", Path("/nonexistent/gone.txt"), "text/plain", None))
    assert text_file.declared_charset("text/plain; format=flowed; charset='UTF-8'") == "utf-8"
    assert text_file.declared_charset("text/plain; charset=") is None


@given(arabic_texts, st.sampled_from(["transport", "meta", "bom", "utf-8"]))
def test_a_page_is_decoded_by_its_declared_charset(text: str, where: str) -> None:
    body = f"<html><body><p>{text}</p></body></html>"
    if where == "transport":
        data, content_type = body.encode("windows-1256"), "text/html; charset=windows-1256"
    elif where == "meta":
        body = f'<html><head><meta charset="windows-1256"></head><body><p>{text}</p></body></html>'
        data, content_type = body.encode("windows-1256"), None
    elif where == "bom":
        data, content_type = codecs.BOM_UTF8 + body.encode("utf-8"), "text/html; charset=latin-1"
    else:
        data, content_type = body.encode("utf-8"), None
    assert html_page.decode_html(data, content_type, label="page.html") == body


def test_an_unknown_declared_charset_falls_back_to_utf8() -> None:
    data = "<p>دمشق</p>".encode()
    assert html_page.decode_html(data, "text/html; charset=nonsense", label="p") == "<p>دمشق</p>"


def test_visible_text_leaves_out_scripts_styles_and_the_head() -> None:
    html = (
        "<html><head><title> A  title </title><style>p{}</style></head><body>"
        "<script>var x = 1;</script><p>Shelling   hit the town.</p><noscript>enable</noscript>"
        "<svg><text>icon</text></svg><div>Second line</div></body></html>"
    )
    text, title = html_page.visible_text(html)
    # every script, style and the rest are left out, also those after the <head> (once kept);
    # each block element is a line of its own (once glued: "town.Second")
    assert text == "Shelling hit the town.\nSecond line" and title == "A title"
    assert html_page.visible_text("") == ("", None)


def test_a_page_without_main_text_gives_its_visible_text() -> None:
    html = '<html lang="AR"><head><title>t</title></head><body><aside>قصف</aside></body></html>'
    got = html_page.extract_html(html, label="p.html", url="https://example.org/a")
    assert got.text == "قصف" and got.language == "ar" and got.title == "t"
    assert got.notes == ("no main text found; whole visible text used",)
    assert got.url == "https://example.org/a"


def test_an_unreadable_page_names_the_part() -> None:
    with pytest.raises(InputError, match="cannot read") as caught:
        html_page.read(Part("crawl.warc#3", Path("/nonexistent/x.html"), "text/html", None))
    assert caught.value.input == "crawl.warc#3"
