"""Arabic script: folding text for matching, with every folded character mapped back.

Matching Arabic words needs the usual orthographic folding (the spans of a claim stay on the
original text): diacritics (harakat, tanwin, shadda, sukun, dagger alef) and tatweel are dropped;
hamza and madda forms of alef (أ إ آ ٱ) become ا; ة becomes ه; ى becomes ي; ؤ becomes و and
ئ becomes ي; Persian/Urdu look-alikes (ک ی ہ) become their Arabic letters; Arabic-Indic (٠–٩)
and Eastern Arabic (۰–۹) digits become ASCII digits, and the Arabic comma, semicolon, question
mark and decimal/thousands separators their ASCII forms.

`fold(text)` returns the folded string and, for each of its characters, the offset of the
original character it came from, so a match `[i, j)` in the folded text is `[index[i],
index[j - 1] + 1)` in the original (`Folded.span`). `fold_key(s)` is the folded form alone, for
dictionary keys. `strip_clitics(word)` lists the readings of a word with its proclitics (و ف ب
ل ك and the article ال, and لل) taken off, longest stem first.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Characters dropped: harakat and tanwin (U+064B–U+065F), dagger alef (U+0670), Quranic marks
# (U+06D6–U+06ED), tatweel (U+0640), and the zero-width and direction marks.
_DROP = frozenset(
    [chr(c) for c in range(0x064B, 0x0660)]
    + ["\u0670", "\u0640", "\u200c", "\u200d", "\u200e", "\u200f", "\u061c"]
    + [chr(c) for c in range(0x06D6, 0x06EE)]
)
_MAP = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ٲ": "ا",
    "ٳ": "ا",
    "ة": "ه",
    "ى": "ي",
    "ؤ": "و",
    "ئ": "ي",
    "ک": "ك",
    "ی": "ي",
    "ہ": "ه",
    "ە": "ه",
    "،": ",",
    "؛": ";",
    "؟": "?",
    "٫": ".",
    "٬": ",",
    "٪": "%",
}
for _i in range(10):
    _MAP[chr(0x0660 + _i)] = str(_i)  # Arabic-Indic digits
    _MAP[chr(0x06F0 + _i)] = str(_i)  # Eastern Arabic (Persian) digits

_KEY_TABLE = str.maketrans({**dict.fromkeys(_DROP), **_MAP})
_ARABIC_LETTER = re.compile(r"[\u0621-\u064A\u0671-\u06D3\u06FA-\u06FF]")


@dataclass(frozen=True, slots=True)
class Folded:
    """A folded text and, per folded character, the offset of its original character."""

    text: str
    index: tuple[int, ...]
    original_length: int

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original `[start, end)` of the folded `[start, end)` (end > start)."""
        if end <= start:
            raise ValueError("empty span")
        return self.index[start], self.index[end - 1] + 1

    def offset(self, i: int) -> int:
        """The original offset of folded position `i` (the text's end for `len(text)`)."""
        return self.index[i] if i < len(self.index) else self.original_length


_DROP_RE = re.compile("[" + "".join(sorted(_DROP)) + "]")


def fold(text: str) -> Folded:
    """`text` folded for matching, with the map back to original offsets."""
    if _DROP_RE.search(text) is None:  # nothing dropped: one character for one
        return Folded(text.translate(_KEY_TABLE), tuple(range(len(text))), len(text))
    index = tuple(i for i, ch in enumerate(text) if ch not in _DROP)
    return Folded(text.translate(_KEY_TABLE), index, len(text))


def fold_key(s: str) -> str:
    """The folded form of `s`, whitespace collapsed: a dictionary key for a name or a word."""
    return " ".join(s.translate(_KEY_TABLE).split())


@lru_cache(maxsize=65536)  # every lexicon lookup of every token asks
def strip_clitics(word: str, *, min_stem: int = 2) -> tuple[str, ...]:
    """Readings of a folded word without its proclitics, longest stem first (the word itself
    first): a conjunction (و ف), then a preposition (ب ك ل; لل is ل + the article), then the
    article ال. "والرقه" → ("والرقه", "الرقه", "رقه"); "وبادلب" → ("وبادلب", "بادلب",
    "ادلب"); a stem shorter than `min_stem` is not kept."""
    readings = [word]
    if word[:1] in ("و", "ف") and len(word) - 1 >= min_stem:
        readings.append(word[1:])
    for r in list(readings):
        if r.startswith("لل") and len(r) - 2 >= min_stem:
            readings += ["ال" + r[2:], r[2:]]
        elif r[:1] in ("ب", "ك", "ل") and len(r) - 1 >= min_stem:
            readings.append(r[1:])
    for r in list(readings):
        if r.startswith("ال") and len(r) - 2 >= min_stem:
            readings.append(r[2:])
    seen: dict[str, None] = {}
    for r in readings:
        seen.setdefault(r, None)
    return tuple(sorted(seen, key=len, reverse=True))


def arabic_share(text: str) -> float:
    """The share of Arabic-script letters among all letters of `text` (0.0 when none)."""
    letters = sum(1 for ch in text if ch.isalpha())
    if not letters:
        return 0.0
    return len(_ARABIC_LETTER.findall(text)) / letters


def has_arabic(text: str) -> bool:
    """Whether `text` has any Arabic-script letter."""
    return _ARABIC_LETTER.search(text) is not None


def text_direction(text: str) -> str:
    """ "rtl" when most letters of `text` are Arabic script, else "ltr": the base direction of a
    block shown to a reader (each line of it may still take its own, see the stylesheets)."""
    return "rtl" if arabic_share(text) > 0.5 else "ltr"


_ARABIC_WORD = re.compile(r"[\u0621-\u064A\u0671-\u06D3\u06FA-\u06FF]{3,}")


# Latin letters with diacritics, as the item search folds them (both backends: SQLite's index
# through `search_form`, PostgreSQL's through revision 0602_search, which writes the same
# table out): a precomposed letter (Latin-1 Supplement, Latin Extended-A and -B, Latin
# Extended Additional) becomes its lowercase base letter when it decomposes into one letter and
# marks (ī → i, Ḥ → h, ş → s); the letters that carry a stroke instead (ø ł đ ħ ı ŧ) become
# theirs; combining marks (text written decomposed) and the modifier letters of
# transliteration (ʻ ʼ ʾ ʿ: Raʾs, Ṣanʿāʾ) are dropped. A letter that is not a base letter with
# marks (ß æ œ þ) stays.
LATIN_STROKES = {"ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ħ": "h", "Ħ": "h"}
LATIN_STROKES |= {"ı": "i", "ŧ": "t", "Ŧ": "t"}
LATIN_DROPPED = "\u02bb\u02bc\u02be\u02bf" + "".join(
    chr(c) for c in (*range(0x0300, 0x0370), *range(0x1AB0, 0x1B00), *range(0x1DC0, 0x1E00))
)


def _latin_letters() -> dict[str, str]:
    letters = dict(LATIN_STROKES)
    for cp in (*range(0x00C0, 0x0250), *range(0x1E00, 0x1F00)):
        ch = chr(cp)
        base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
        if base != ch and len(base) == 1 and base.isalpha():
            letters[ch] = LATIN_STROKES.get(base, base).lower()  # Ǿ → ø → o
    return letters


LATIN_LETTERS = _latin_letters()
_SEARCH_TABLE = str.maketrans({**LATIN_LETTERS, **dict.fromkeys(LATIN_DROPPED)})


def search_key(text: str) -> str:
    """`text` folded for search: Arabic spelling (`fold_key`) and Latin diacritics
    (`LATIN_LETTERS`, `LATIN_DROPPED`: Hajīn → hajin), whitespace collapsed. A query's
    words are taken from this; the index holds `search_form`, which starts with it."""
    return fold_key(text.translate(_SEARCH_TABLE))


def search_form(text: str) -> str:
    """`text` as the item search index holds it: folded (`search_key`), and each Arabic word
    followed by its readings without proclitics (stems of three letters or more), so that a
    search for الرقة finds والرقة and بالرقة, and اصيب finds وأُصيب."""
    folded = search_key(text)
    if not has_arabic(folded):
        return folded
    extra = [
        r for m in _ARABIC_WORD.finditer(folded) for r in strip_clitics(m.group(), min_stem=3)[1:]
    ]
    return folded + (" " + " ".join(extra) if extra else "")
