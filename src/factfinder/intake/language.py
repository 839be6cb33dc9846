"""Language identification with lingua, over a fixed set of languages of conflict reporting.

The detector is built once, on first use, for English, Arabic, French, Russian, Ukrainian,
Turkish, Persian, Spanish, German and Hebrew. (Kurdish, which lingua does not model, comes
out as one of these or as None.) Fewer candidate languages make detection both faster and more
accurate. Only the first `SAMPLE_CHARS` characters are looked at; a text with fewer than
`MIN_LETTERS` letters, or one where the two best languages are too close, gives None.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

LANGUAGES = (
    "ENGLISH",
    "ARABIC",
    "FRENCH",
    "RUSSIAN",
    "UKRAINIAN",
    "TURKISH",
    "PERSIAN",
    "SPANISH",
    "GERMAN",
    "HEBREW",
)
SAMPLE_CHARS = 2000
MIN_LETTERS = 12
MIN_RELATIVE_DISTANCE = 0.1


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of the text's language (`"en"`, `"ar"`), or None when unsure."""
    sample = text[:SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return None
    found = _detector().detect_language_of(sample)
    return found.iso_code_639_1.name.lower() if found is not None else None


@lru_cache(maxsize=1)
def _detector() -> Any:
    from lingua import Language, LanguageDetectorBuilder

    languages = [getattr(Language, name) for name in LANGUAGES]
    return (
        LanguageDetectorBuilder.from_languages(*languages)
        .with_minimum_relative_distance(MIN_RELATIVE_DISTANCE)
        .build()
    )
