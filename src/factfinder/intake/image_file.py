"""Images (PNG, JPEG, TIFF): their text read by OCR (`factfinder.intake.ocr`), each frame of a
multi-page TIFF a page of its own. The image itself is the preserved item; the OCR text is its
text, marked `text_status="ocr"` with Tesseract's mean word confidence. Without Tesseract the
text is empty and marked "text not read: OCR unavailable".

The resolution an image declares (its DPI) is passed to Tesseract; a JPEG's EXIF orientation
is applied first, as a viewer would show it. An image less than 24 pixels wide or high (a
spacer or an icon in a web capture) is not read: it has no text.
"""

from __future__ import annotations

from factfinder.errors import InputError
from factfinder.intake import ocr
from factfinder.intake.parts import OCR, OCR_UNAVAILABLE, Extracted, Part

MAX_PIXELS = 20_000 * 20_000  # a page image larger than this is refused (decompression bomb)
MIN_SIDE = 24  # an image narrower or lower than this (a spacer, an icon) has no text to read


def read(part: Part) -> Extracted:
    """The OCR text of every frame of the image at `part.path`."""
    from PIL import Image, ImageOps, ImageSequence, UnidentifiedImageError

    if not ocr.available():
        return Extracted(text="", text_status=OCR_UNAVAILABLE)
    pages: list[ocr.OcrPage] = []
    try:
        with Image.open(part.path) as image:
            if image.width < MIN_SIDE or image.height < MIN_SIDE:
                return Extracted(
                    text="", notes=(f"too small for OCR ({image.width}×{image.height})",)
                )
            for frame in ImageSequence.Iterator(image):
                if frame.width * frame.height > MAX_PIXELS:
                    raise InputError(part.label, f"image too large ({frame.width}×{frame.height})")
                page = ImageOps.exif_transpose(frame) or frame
                pages.append(ocr.read_image(page.copy(), dpi=_dpi(frame.info.get("dpi"))))
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as exc:
        raise InputError(part.label, f"not a readable image ({type(exc).__name__}: {exc})") from exc
    except ocr.OcrUnavailable:
        return Extracted(text="", text_status=OCR_UNAVAILABLE)
    except ocr.OcrError as exc:
        raise InputError(part.label, f"OCR failed ({exc})") from exc
    text = "\n\n".join(p.text for p in pages if p.text)
    return Extracted(
        text=text,
        text_status=OCR,
        ocr_confidence=ocr.mean_confidence(pages),
        notes=() if text else ("OCR found no text in the image",),
    )


def _dpi(value: object) -> int | None:
    if isinstance(value, tuple) and value:
        value = value[0]
    try:
        dpi = round(float(value))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return dpi if 70 <= dpi <= 1200 else None
