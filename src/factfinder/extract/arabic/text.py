"""Arabic text as the readers see it: folded words with offsets back to the original text,
phrase lookup with proclitics, the language of a document and its page furniture."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Generic, NamedTuple, TypeVar

from factfinder.arabic import arabic_share, fold, fold_key, strip_clitics
from factfinder.extract.arabic.lexicon import (
    FURNITURE,
    GLUED_OPENERS,
    NON_ARABIC_LETTERS,
    PERSIAN_WORDS,
)
from factfinder.extract.furniture import reading_text

V = TypeVar("V")

# Digits (with thousands separators), Arabic-script words, Latin words, other marks. Quotation
# marks are not tokens: "قوات “قسد”" reads as two adjacent words.
_TOKEN = re.compile(
    r"\d+(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?|[\u0621-\u063A\u0641-\u064A\u0671-\u06D3\u06FA-\u06FF]+|"
    r"[A-Za-z]+|[^\s\"'“”«»‘’()\[\]{}*_]"
)


_BROKEN = re.compile(
    r"(?<=[\u0621-\u064A])(?:\u0640+[ .*]{0,3}[.*][ .*]{0,3}\u0640*(?:\u0640 ?)?|"
    r"\u0640*[ .*]{0,3}[.*][ .*]{0,3}\u0640+ ?|\u0640+ {1,3}\u0640+|"
    # a comma glued inside the stretched word: "مقـــــ,تله", "تستـــــ,هدف"
    r"\u0640+[,،]|"
    # a bare dot, star or slash before the last letters of a word: "الشهد.اء", "صار.وخ", "قص*ف",
    # "التر/كي"
    r"(?<=[\u0621-\u064A]{2})[.*/](?=[\u0621-\u064A]{1,3}(?![\u0621-\u064A])))"
    r"(?=[\u0621-\u064A])"
)


# Tatweel on one side of the space only: "مجـ زرة", "غـــ ارة", "قتـ لى". The letters
# before the break are the start of a word.
_LETTER = r"[\u0621-\u063A\u0641-\u064A]"  # Arabic letters without tatweel
_HALF_BROKEN = re.compile(rf"(?<!{_LETTER})({_LETTER}+)(\u0640+ {{1,3}})(?={_LETTER})")
# A lone proclitic with tatweel before its word ("لـ قوات", "بـ قصف", "الـ مدينة") is written
# so on purpose and read as it stands.
_PROCLITICS = frozenset(("ل", "ب", "ك", "و", "ف", "ال", "وال", "بال", "لل"))


def _half(m: re.Match[str]) -> str:
    if m.group(1) in _PROCLITICS:
        return m.group(0)
    return m.group(1) + "\u0640" * len(m.group(2))


# Short words that open a sentence glued to the full stop before it ("قضوا في القصف.ثم"), and
# the first words of names after a slash ("الشهيد بإذن الله/عبد الرحيم"): the mark parts two
# words there, it breaks none.
_AFTER_STOP = frozenset(
    fold_key(w)
    for w in (
        "كما",
        "ثم",
        "قد",
        "وقد",
        "فقد",
        "في",
        "وفي",
        "من",
        "ومن",
        "لا",
        "ولا",
        "ما",
        "وما",
        "هو",
        "هي",
        "وهو",
        "وهي",
        "كان",
        "أن",
        "إن",
        "وإن",
        "لم",
        "ولم",
        "بل",
        "أو",
        "إذ",
        "مع",
        "عن",
        "على",
        "إلى",
        "هذا",
        "هذه",
        "تم",
        "وتم",
        "قال",
        "كل",
        "بعد",
        "منذ",
        "عبد",
        "أبو",
    )
)


def _break(m: re.Match[str]) -> str:
    if m.group(0) in "./":
        end = m.end()
        while end < len(m.string) and "\u0621" <= m.string[end] <= "\u064a":
            end += 1
        if fold_key(m.string[m.end() : end]) in _AFTER_STOP:
            return m.group(0)
    return "\u0640" * len(m.group(0))


def mask_broken(text: str) -> str:
    """`text` with the breaks inside words ("اعتقـ.ـالات", "مجـ زرة") turned to tatweel,
    same length."""
    masked = _BROKEN.sub(_break, text)
    return _HALF_BROKEN.sub(_half, masked) if "\u0640 " in masked else masked


_OPENERS = tuple(sorted({fold_key(w) for w in GLUED_OPENERS}, key=len, reverse=True))
# What may stand before a word and be no word itself: "و", "ف", "ب", "ل", "ك", the article.
_CLITICS_ONLY = re.compile(r"^[وف]?(?:[بلك]|ال|بال|لل|كال|وال)?$")
_MIN_PART = 3  # letters the word before a glued opener keeps: "عاجل", "إدلب", "سرمين"


def _glued_at(word: str) -> int:
    """Where an opener glued to the word before it starts in a folded `word` ("الميادينمقتل":
    8), or 0 when `word` is one word."""
    if len(word) < 7:
        return 0
    for key in _OPENERS:
        n = len(word) - len(key)
        if n >= _MIN_PART and word.endswith(key) and not _CLITICS_ONLY.match(word[:n]):
            return n
    return 0


def _tokens(folded: str) -> list[Tok]:
    out: list[Tok] = []
    for m in _TOKEN.finditer(folded):
        w, a, b = m.group(0), m.start(), m.end()
        n = _glued_at(w)
        if n:
            out += [Tok(w[:n], a, a + n), Tok(w[n:], a + n, b)]
        else:
            out.append(Tok(w, a, b))
    return out


class Tok(NamedTuple):
    """A word of the folded text: the folded form and its folded `[a, b)`."""

    w: str
    a: int
    b: int


class ArabicText:
    """A document folded once and tokenised, with maps between original and folded offsets."""

    def __init__(self, text: str) -> None:
        self.text = text
        # Words broken with tatweel and a dot or space to pass filters ("اعتقـ.ـالات", "داعـ ـش")
        # are read whole: the break becomes tatweel, which folding drops (offsets unchanged).
        self.folded = fold(mask_broken(text))
        # A line's opening word glued to the word before it is read apart ("الميادينمقتل").
        self.toks: list[Tok] = _tokens(self.folded.text)
        self._starts = [t.a for t in self.toks]

    def tokens_in(self, start: int, end: int) -> tuple[int, int]:
        """The token indices `[i, j)` of the tokens inside the original `[start, end)`."""
        fa = bisect_left(self.folded.index, start)
        fb = bisect_left(self.folded.index, end)
        return bisect_left(self._starts, fa), bisect_left(self._starts, fb)

    def span(self, i: int, j: int) -> tuple[int, int]:
        """The original `[start, end)` of tokens `[i, j)` (j > i), final diacritics included."""
        a, b = self.folded.span(self.toks[i].a, self.toks[j - 1].b)
        return a, self._marks_after(b)

    def _marks_after(self, b: int) -> int:
        while b < len(self.text) and (
            "\u064b" <= self.text[b] <= "\u065f" or self.text[b] == "\u0670"
        ):
            b += 1
        return b

    def phrase_span(self, m: Match[V]) -> tuple[int, int]:
        """The original span of a lexicon match, without the proclitics of its first word."""
        a, b = self.folded.span(self.toks[m.i].a + m.clitic, self.toks[m.j - 1].b)
        return a, self._marks_after(b)

    def words(self, i: int, j: int) -> str:
        """The original text of tokens `[i, j)`."""
        a, b = self.span(i, j)
        return self.text[a:b]

    def w(self, i: int) -> str:
        """The folded word at `i` ("" outside the text)."""
        return self.toks[i].w if 0 <= i < len(self.toks) else ""


@dataclass(frozen=True, slots=True)
class Match(Generic[V]):
    i: int
    j: int
    value: V
    clitic: int = 0  # letters of proclitics before the phrase in its first word


class Lexicon(Generic[V]):
    """Phrases (written as the press writes them) and their values, looked up word by word.

    The first word of a phrase may carry proclitics (و ف ب ل ك, the article) in the text;
    the longest phrase wins, and a phrase may have several values ("قصف": shelling, airstrike).
    """

    def __init__(
        self, entries: Mapping[str, V] | Iterable[tuple[str, V]], *, clitics: bool = True
    ) -> None:
        items = entries.items() if isinstance(entries, Mapping) else entries
        self.clitics = clitics
        self._first: dict[str, list[tuple[tuple[str, ...], V]]] = {}
        for phrase, value in items:
            words = tuple(_TOKEN.findall(fold_key(phrase)))
            self._first.setdefault(words[0], []).append((words, value))
        for options in self._first.values():
            options.sort(key=lambda o: -len(o[0]))

    def at(self, toks: list[Tok], i: int, stop: int | None = None) -> list[Match[V]]:
        """The longest phrases that start at token `i` (all their values), or []."""
        stop = len(toks) if stop is None else stop
        if i >= stop:
            return []
        word = toks[i].w
        readings = strip_clitics(word) if self.clitics else (word,)
        best: list[Match[V]] = []
        for r in readings:
            for words, value in self._first.get(r, ()):
                n = len(words)
                if i + n > stop or (best and n < best[0].j - i):
                    continue
                if all(toks[i + k].w == words[k] for k in range(1, n)):
                    if best and n > best[0].j - i:
                        best = []
                    best.append(
                        Match(
                            i,
                            i + n,
                            value,
                            len(word) - len(r) if r != word and word.endswith(r) else 0,
                        )
                    )
        return best

    def first(self, toks: list[Tok], i: int, stop: int | None = None) -> Match[V] | None:
        found = self.at(toks, i, stop)
        return found[0] if found else None

    def scan(self, toks: list[Tok], i: int, j: int) -> list[Match[V]]:
        """Non-overlapping longest matches in tokens `[i, j)`, in order (all values of each)."""
        out: list[Match[V]] = []
        k = i
        while k < j:
            found = self.at(toks, k, j)
            if found:
                out.extend(found)
                k = found[0].j
            else:
                k += 1
        return out


# Language ------------------------------------------------------------------------------------

_FURNITURE = re.compile(
    "|".join(re.escape(f) for f in sorted(FURNITURE, key=len, reverse=True))
    + r"|#\w+|@\w+|https?://\S+|\b\d{1,2}:\d\d\s*[AP]M\b",
    re.IGNORECASE,
)
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


@lru_cache(maxsize=4)  # a document's text is asked about several times in a row
def without_furniture(text: str) -> str:
    """`text` without social-network page furniture, hashtags, handles and links: the
    platforms' interface (`extract.furniture`: "Embed Tweet", "Report NetzDG Violation",
    "Twitter may be over capacity …", the YouTube footer) and the words of `FURNITURE`. The
    post's language decides where a document is read, never its page's interface."""
    return _FURNITURE.sub(" ", reading_text(text))


def _without_words(text: str) -> str:
    return _FURNITURE.sub(" ", text)


@lru_cache(maxsize=4)
def is_arabic(text: str) -> bool:
    """Whether `text` (page furniture aside) is mostly in Arabic script. The page's interface
    is set aside with or without its comment section (readers' comments in Arabic under a
    short post count as Arabic too)."""
    return arabic_share(without_furniture(text)) >= 0.5 or arabic_share(_without_words(text)) >= 0.5


def is_other_arabic_script(text: str) -> bool:
    """Whether an Arabic-script text is Persian, Kurdish (Sorani) or Urdu rather than Arabic:
    letters Arabic does not write, or the function words of those languages."""
    letters = sum(1 for ch in text if "\u0621" <= ch <= "\u06ff")
    if not letters:
        return False
    foreign = sum(1 for ch in text if ch in NON_ARABIC_LETTERS or ch in "یک")
    if foreign >= 5 and foreign / letters >= 0.08:
        return True
    words = [fold_key(w) for w in re.findall(r"[\u0621-\u06FF]+", text)]
    persian = {fold_key(w) for w in PERSIAN_WORDS}
    hits = sum(1 for w in words if w in persian)
    return hits >= 3 and hits / max(1, len(words)) >= 0.05


def latin_words(text: str) -> int:
    return len(_LATIN_WORD.findall(text))
