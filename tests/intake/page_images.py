"""Page images made at test time: text drawn with Pillow at 300 dpi (DejaVu Serif for Latin
script, Amiri for Arabic, shaped by Pillow's raqm layout), with a slight skew and speckle
noise, as a scanner would give them."""

from __future__ import annotations

import random
import textwrap
from pathlib import Path
from typing import Any

DPI = 300
LATIN_FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")
ARABIC_FONT = Path("/usr/share/fonts/opentype/fonts-hosny-amiri/Amiri-Regular.ttf")
A4 = (2480, 3508)  # pixels at 300 dpi


def fonts_present(arabic: bool = False) -> bool:
    return LATIN_FONT.exists() and (not arabic or ARABIC_FONT.exists())


def render_page(
    paragraphs: list[str],
    *,
    arabic: bool = False,
    skew: float = 0.6,
    noise: float = 0.002,
    seed: int = 1,
    size: tuple[int, int] = A4,
    point: int = 12,
) -> Any:
    """A greyscale page image with `paragraphs` set in `point`-size type at 300 dpi."""
    from PIL import Image, ImageDraw, ImageFont, features

    font_path = ARABIC_FONT if arabic else LATIN_FONT
    px = round(point * DPI / 72)
    font = ImageFont.truetype(str(font_path), px)
    layout = {}
    if arabic and features.check("raqm"):
        layout = {"direction": "rtl", "language": "ar"}
    page = Image.new("L", size, 255)
    draw = ImageDraw.Draw(page)
    margin = 250
    width_chars = max(20, int((size[0] - 2 * margin) / (px * 0.5)))
    y = margin
    for paragraph in paragraphs:
        for line in textwrap.wrap(paragraph, width_chars):
            if arabic:
                box = draw.textbbox((0, 0), line, font=font, **layout)
                x = size[0] - margin - (box[2] - box[0])
                draw.text((x, y), line, font=font, fill=0, **layout)
            else:
                draw.text((margin, y), line, font=font, fill=0)
            y += int(px * 1.6)
        y += int(px * 0.8)
    if skew:
        page = page.rotate(skew, resample=Image.Resampling.BICUBIC, fillcolor=255, expand=False)
    if noise:
        rng = random.Random(seed)
        pixels = page.load()
        for _ in range(int(size[0] * size[1] * noise)):
            x, y = rng.randrange(size[0]), rng.randrange(size[1])
            pixels[x, y] = rng.choice((0, 90, 200))
    return page


def save_image(page: Any, path: Path, fmt: str | None = None) -> Path:
    page.save(path, format=fmt, dpi=(DPI, DPI))
    return path


def save_scanned_pdf(pages: list[Any], path: Path) -> Path:
    """A PDF of page images and nothing else (no text layer), as a scanner makes."""
    first, *rest = [p.convert("RGB") for p in pages]
    first.save(path, format="PDF", resolution=DPI, save_all=True, append_images=rest)
    return path


def char_accuracy(expected: str, got: str) -> float:
    """1 − (Levenshtein distance / length of `expected`), whitespace runs made one space."""
    from rapidfuzz.distance import Levenshtein

    a, b = " ".join(expected.split()), " ".join(got.split())
    return 1 - Levenshtein.distance(a, b) / max(1, len(a))
