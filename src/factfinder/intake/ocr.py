"""OCR: the text of a page image, read by the Tesseract command line (Debian `tesseract-ocr`
with the `eng` and `ara` language data).

Tesseract is run once per page with TSV output, which gives each word with its confidence; the
page text is rebuilt from the words (a line per line, a blank line between paragraphs), so the
text and its confidence come from one run. The languages are English and Arabic (`eng+ara`),
those of them that are installed. One thread per run (`OMP_THREAD_LIMIT=1`): pages are many and
cores few, and Tesseract's own threads mostly wait on each other.

`available()` says whether OCR can be done at all; a reader that needs it and finds it absent
marks its text "not read: OCR unavailable" (`parts.OCR_UNAVAILABLE`) instead of returning an
empty text as if the page had none.
"""

from __future__ import annotations

import csv
import functools
import io
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

LANGUAGES = ("eng", "ara")
# Pages of one PDF read by OCR at most (a page takes seconds): the pages past it are left
# unread and the item says which. `FACTFINDER_OCR_MAX_PAGES` sets it (0: no OCR at all).
MAX_PAGES_ENV = "FACTFINDER_OCR_MAX_PAGES"
DEFAULT_MAX_PAGES = 200
PAGE_TIMEOUT = 300  # seconds for one page; a page that takes longer is refused
RENDER_DPI = 300  # PDF pages are rendered at this resolution for OCR


class OcrError(Exception):
    """Tesseract failed on a page (or is absent: `OcrUnavailable`)."""


class OcrUnavailable(OcrError):
    """Tesseract or its language data is not installed."""


@dataclass(frozen=True, slots=True)
class OcrPage:
    """The text Tesseract read on one page and the confidence (0–100) of each word in it."""

    text: str
    confidences: tuple[float, ...]


def mean_confidence(pages: Iterable[OcrPage]) -> float | None:
    """The mean word confidence over `pages`, rounded to 0.1; None when no word was read."""
    values = [c for page in pages for c in page.confidences]
    if not values:
        return None
    return round(sum(values) / len(values), 1)


@functools.cache
def _tesseract() -> tuple[str, str] | None:
    """(path of the tesseract binary, the `-l` argument), or None when OCR is unavailable."""
    binary = shutil.which("tesseract")
    if binary is None:
        return None
    try:
        listed = subprocess.run(
            [binary, "--list-langs"], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    installed = {line.strip() for line in (listed.stdout + listed.stderr).splitlines()}
    langs = [lang for lang in LANGUAGES if lang in installed]
    if not langs:
        return None
    return binary, "+".join(langs)


def max_pages() -> int:
    """Pages of one document OCR may read (`FACTFINDER_OCR_MAX_PAGES`, else 200); a value
    that is not a whole number ≥ 0 is refused with a `ValueError` naming the variable."""
    raw = os.environ.get(MAX_PAGES_ENV, "").strip()
    if not raw:
        return DEFAULT_MAX_PAGES
    try:
        value = int(raw)
    except ValueError:
        value = -1
    if value < 0:
        raise ValueError(f"{MAX_PAGES_ENV} must be a whole number ≥ 0, not {raw!r}")
    return value


def available() -> bool:
    """True when Tesseract and at least one of its languages (`eng`, `ara`) are installed."""
    return _tesseract() is not None


def languages() -> str | None:
    """The `-l` argument OCR uses (`eng+ara`), or None when OCR is unavailable."""
    found = _tesseract()
    return found[1] if found else None


def read_image(image: Any, *, dpi: int | None = None) -> OcrPage:
    """OCR one page image (a Pillow image). `dpi` is its resolution when known.

    Raises `OcrUnavailable` when Tesseract is absent and `OcrError` when it fails.
    """
    found = _tesseract()
    if found is None:
        raise OcrUnavailable("tesseract is not installed")
    binary, langs = found
    if image.mode not in ("1", "L", "RGB"):
        image = image.convert("RGB")
    with tempfile.TemporaryDirectory(prefix="factfinder-ocr-") as tmp:
        # Uncompressed PNM: a page is written and read back in milliseconds (a PNG of an A4
        # page at 300 dpi takes a second or two to compress); the resolution goes as --dpi.
        source = Path(tmp) / ("page.pbm" if image.mode == "1" else "page.pnm")
        image.save(source, format="PPM")
        command = [binary, str(source), "stdout", "-l", langs, "--psm", "3"]
        if dpi:
            command += ["--dpi", str(dpi)]
        command.append("tsv")
        env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
        try:
            done = subprocess.run(
                command, capture_output=True, timeout=PAGE_TIMEOUT, check=False, env=env
            )
        except subprocess.TimeoutExpired as exc:
            raise OcrError(f"tesseract took more than {PAGE_TIMEOUT} s on a page") from exc
        except OSError as exc:
            raise OcrUnavailable(f"cannot run tesseract: {exc}") from exc
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", errors="replace").strip().splitlines()
        raise OcrError(f"tesseract failed: {message[-1] if message else done.returncode}")
    return parse_tsv(done.stdout.decode("utf-8", errors="replace"))


def parse_tsv(tsv: str) -> OcrPage:
    """The page text and word confidences of Tesseract's TSV output.

    Words of a line are joined by a space, lines by a newline, paragraphs and blocks by a blank
    line. Words with no text (Tesseract's empty boxes) are left out.
    """
    paragraphs: list[list[str]] = []
    line_words: list[str] = []
    lines: list[str] = []
    confidences: list[float] = []
    current_par: tuple[str, ...] | None = None
    current_line: tuple[str, ...] | None = None

    def end_line() -> None:
        if line_words:
            lines.append(" ".join(line_words))
            line_words.clear()

    def end_paragraph() -> None:
        end_line()
        if lines:
            paragraphs.append(list(lines))
            lines.clear()

    for row in csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE):
        if row.get("level") != "5":
            continue
        # Tesseract marks a left-to-right word inside right-to-left text with LRM/RLM marks;
        # they are invisible, and the text is kept in logical order without them.
        word = (row.get("text") or "").replace("\u200e", "").replace("\u200f", "").strip()
        try:
            conf = float(row.get("conf") or -1)
        except ValueError:
            conf = -1.0
        if not word or conf < 0:
            continue
        par = (row["page_num"], row["block_num"], row["par_num"])
        line = (*par, row["line_num"])
        if par != current_par:
            end_paragraph()
            current_par = par
        elif line != current_line:
            end_line()
        current_line = line
        line_words.append(word)
        confidences.append(conf)
    end_paragraph()
    text = "\n\n".join("\n".join(par) for par in paragraphs)
    return OcrPage(text=text, confidences=tuple(confidences))
