"""OCR of scans and images with Tesseract, on pages drawn at test time (`page_images`): English
pages are read with at least 95% character accuracy, Arabic ones in logical order; a scanned
PDF's pages and each frame of a TIFF are read; without Tesseract the text is marked "text not
read: OCR unavailable", never silently empty. Skipped when Tesseract is absent."""

from __future__ import annotations

from pathlib import Path

import pytest
from page_images import (
    char_accuracy,
    fonts_present,
    render_page,
    save_image,
    save_scanned_pdf,
)

from factfinder.intake import expand, ocr, read_text
from factfinder.intake.parts import JPEG, OCR, OCR_UNAVAILABLE, PDF, PNG, TIFF, Extracted

needs_tesseract = pytest.mark.skipif(not ocr.available(), reason="tesseract is not installed")
needs_fonts = pytest.mark.skipif(not fonts_present(), reason="DejaVu fonts are not installed")

ARIHA = [
    "Airstrikes on the town of Ariha killed five civilians, including two children, on "
    "3 March 2024, the Syrian Civil Defence said.",
    "Rescue teams recovered the bodies from the rubble of two houses near the central market. "
    "The hospital in Idlib received eleven wounded people, among them a nurse.",
]
SARMIN = [
    "On 9 March 2024 shelling hit a school in Sarmin; three pupils were wounded, the local "
    "council reported.",
]
ARABIC = [
    "قتل خمسة مدنيين بينهم طفلان في غارات جوية على مدينة أريحا يوم الثالث من آذار، "
    "بحسب الدفاع المدني السوري.",
    "وقالت فرق الإنقاذ إنها انتشلت الجثث من تحت أنقاض منزلين قرب السوق.",
]


def read_one(path: Path, workdir: Path) -> tuple[str, Extracted]:
    (part,) = list(expand(path, workdir))
    assert part.error is None
    extracted = read_text(part)
    assert extracted is not None
    return part.media_type, extracted


@pytest.fixture
def no_tesseract(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr, "_tesseract", lambda: None)


@needs_tesseract
@needs_fonts
@pytest.mark.parametrize(("suffix", "media_type"), [(".png", PNG), (".jpg", JPEG)])
def test_english_page_image_is_read_with_95_percent_character_accuracy(
    tmp_path: Path, workdir: Path, suffix: str, media_type: str
) -> None:
    path = save_image(render_page(ARIHA), tmp_path / f"scan{suffix}")
    found, got = read_one(path, workdir)
    assert found == media_type
    accuracy = char_accuracy("\n".join(ARIHA), got.text)
    print(f"OCR character accuracy ({suffix}, English, 12 pt, skewed, speckled): {accuracy:.4f}")
    assert accuracy >= 0.95
    assert got.text_status == OCR
    assert got.ocr_confidence is not None and 80 <= got.ocr_confidence <= 100
    assert got.language == "en"


@needs_tesseract
@needs_fonts
def test_scanned_pdf_pages_are_read_in_order(tmp_path: Path, workdir: Path) -> None:
    path = save_scanned_pdf(
        [render_page(ARIHA, seed=2), render_page(SARMIN, seed=3, skew=-0.5)], tmp_path / "s.pdf"
    )
    media_type, got = read_one(path, workdir)
    assert media_type == PDF
    assert got.text_status == OCR and got.ocr_confidence is not None
    assert got.notes == ("read by OCR: pages 1, 2 of 2",)
    first, second = got.text.split("\n\n")[:2], got.text.split("\n\n")[2:]
    assert char_accuracy("\n".join(ARIHA), "\n".join(first)) >= 0.95
    assert char_accuracy("\n".join(SARMIN), "\n".join(second)) >= 0.95


@needs_tesseract
@needs_fonts
def test_a_pdf_with_a_text_page_and_a_scanned_page_keeps_the_text_layer(
    tmp_path: Path, workdir: Path
) -> None:
    import io

    from fpdf import FPDF

    scan = io.BytesIO()
    render_page(SARMIN).convert("RGB").save(scan, format="PNG", dpi=(300, 300))
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.multi_cell(0, 6, ARIHA[0])
    pdf.add_page()
    pdf.image(scan, x=0, y=0, w=210, h=297)
    path = tmp_path / "mixed.pdf"
    path.write_bytes(bytes(pdf.output()))
    _, got = read_one(path, workdir)
    head, tail = got.text.split("\n\n", 1)
    assert " ".join(head.split()) == ARIHA[0]  # the text layer, as it is
    assert char_accuracy(SARMIN[0], tail) >= 0.95
    assert got.text_status == OCR
    assert got.notes == ("read by OCR: page 2 of 2",)


@needs_tesseract
@needs_fonts
def test_each_frame_of_a_tiff_is_a_page(tmp_path: Path, workdir: Path) -> None:
    pages = [render_page(ARIHA, seed=4), render_page(SARMIN, seed=5)]
    path = tmp_path / "fax.tif"
    pages[0].save(path, format="TIFF", save_all=True, append_images=pages[1:], dpi=(300, 300))
    media_type, got = read_one(path, workdir)
    assert media_type == TIFF
    assert char_accuracy("\n".join(ARIHA + SARMIN), got.text) >= 0.95


@needs_tesseract
@pytest.mark.skipif(not fonts_present(arabic=True), reason="the Amiri font is not installed")
def test_arabic_page_is_read_in_logical_order(tmp_path: Path, workdir: Path) -> None:
    if "ara" not in (ocr.languages() or ""):
        pytest.skip("Tesseract's Arabic data is not installed")
    path = save_image(
        render_page(ARABIC, arabic=True, point=14, skew=0.4, noise=0.001), tmp_path / "ar.png"
    )
    _, got = read_one(path, workdir)
    accuracy = char_accuracy(" ".join(ARABIC), got.text)
    print(f"OCR character accuracy (Arabic, 14 pt, Amiri): {accuracy:.4f}")
    assert accuracy >= 0.85
    assert "أريحا" in got.text and "الدفاع المدني" in got.text
    assert "\u200f" not in got.text and "\u200e" not in got.text
    assert got.language == "ar"


@needs_fonts
def test_without_tesseract_an_image_says_its_text_was_not_read(
    tmp_path: Path, workdir: Path, no_tesseract: None
) -> None:
    path = save_image(render_page(ARIHA), tmp_path / "scan.png")
    _, got = read_one(path, workdir)
    assert (got.text, got.text_status, got.ocr_confidence) == ("", OCR_UNAVAILABLE, None)


@needs_fonts
def test_without_tesseract_a_scanned_pdf_says_its_text_was_not_read(
    tmp_path: Path, workdir: Path, no_tesseract: None
) -> None:
    path = save_scanned_pdf([render_page(ARIHA)], tmp_path / "scan.pdf")
    _, got = read_one(path, workdir)
    assert (got.text, got.text_status) == ("", OCR_UNAVAILABLE)
    assert got.notes == ("no text layer (a scan?)",)


def test_tsv_words_become_lines_and_paragraphs() -> None:
    header = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"
    rows = [
        "1\t1\t0\t0\t0\t0\t0\t0\t100\t100\t-1\t",
        "5\t1\t1\t1\t1\t1\t0\t0\t1\t1\t96.5\tFive",
        "5\t1\t1\t1\t1\t2\t0\t0\t1\t1\t91.0\tcivilians",
        "5\t1\t1\t1\t2\t1\t0\t0\t1\t1\t88.5\tkilled.",
        "5\t1\t1\t1\t2\t2\t0\t0\t1\t1\t95.0\t ",
        "5\t1\t2\t1\t1\t1\t0\t0\t1\t1\t90.0\t\u200eIdlib\u200f",
    ]
    page = ocr.parse_tsv("\n".join([header, *rows]) + "\n")
    assert page.text == "Five civilians\nkilled.\n\nIdlib"
    assert page.confidences == (96.5, 91.0, 88.5, 90.0)
    assert ocr.mean_confidence([page]) == 91.5
    assert ocr.mean_confidence([ocr.OcrPage("", ())]) is None


def test_a_spacer_image_is_not_read(tmp_path: Path, workdir: Path) -> None:
    from PIL import Image

    path = tmp_path / "pixel.png"
    Image.new("RGB", (1, 1), "white").save(path)
    _, got = read_one(path, workdir)
    assert (got.text, got.text_status, got.notes) == ("", None, ("too small for OCR (1×1)",))


@needs_tesseract
@needs_fonts
def test_pages_past_the_ocr_page_limit_are_left_unread_and_named(
    tmp_path: Path, workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ocr.MAX_PAGES_ENV, "1")
    pages = [render_page(ARIHA, seed=2), render_page(SARMIN, seed=3), render_page(ARIHA, seed=4)]
    path = save_scanned_pdf(pages, tmp_path / "long.pdf")
    _, got = read_one(path, workdir)
    assert (
        got.text_status == "text partly read: OCR page limit (1) reached; pages 2–3 of 3 not read"
    )
    assert char_accuracy("\n".join(ARIHA), got.text) >= 0.95
    assert got.notes[-1] == (
        "OCR page limit (1) reached (FACTFINDER_OCR_MAX_PAGES); pages 2–3 of 3 not read"
    )


@needs_fonts
def test_an_ocr_page_limit_of_zero_reads_no_scan(
    tmp_path: Path, workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ocr, "_tesseract", lambda: ("tesseract", "eng"))
    monkeypatch.setenv(ocr.MAX_PAGES_ENV, "0")
    path = save_scanned_pdf([render_page(ARIHA)], tmp_path / "scan.pdf")
    _, got = read_one(path, workdir)
    assert (got.text, got.text_status) == (
        "",
        "text not read: OCR page limit (0) reached; page 1 of 1 not read",
    )


def test_the_ocr_page_limit_defaults_and_refuses_nonsense(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ocr.MAX_PAGES_ENV, raising=False)
    assert ocr.max_pages() == ocr.DEFAULT_MAX_PAGES == 200
    monkeypatch.setenv(ocr.MAX_PAGES_ENV, "-3")
    with pytest.raises(ValueError, match="FACTFINDER_OCR_MAX_PAGES must be a whole number"):
        ocr.max_pages()
