"""Place-name normalisation: how two spellings of one Arabic name are made to meet.

News, GeoNames and UN sources write the same place many ways ("Deir ez-Zor", "Dayr al-Zawr",
"Deir Ezzor"; "Khan Sheikhoun", "Khan Shaykhun"). Two keys are derived from a name:

* `name_key` — the *plain key*: accents stripped, lower case, apostrophes and ʿayn marks removed,
  punctuation to spaces, Arabic article tokens (al-, el-, ar-, as-, ash-, …) dropped, the rest
  joined without spaces ("Jisr al-Shughur" → "jisrshughur"). Equal plain keys are a confident match.
* `skeleton_key` — the *consonant skeleton* of a transliterated name: q/c → k,
  digraphs reduced (ph → f, dh → d, th → t, gh → g), vowels and y/w removed, h removed except at
  the start of a word, doubled letters collapsed ("Deir Ezzor" and "Dayr al-Zawr" → "drzr").
  Skeletons collide often, so the resolver accepts a skeleton-only match only with further checks.

`fold` is the shared first step and keeps Arabic letters, so Arabic alternate names index too.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Tokens that are the Arabic definite article in its transliterations. Dropped wherever they occur
# in a name, because sources disagree on whether and how they write it.
ARTICLES: frozenset[str] = frozenset(
    {
        "al",
        "el",
        "il",
        "ul",
        "ar",
        "er",
        "as",
        "es",
        "ash",
        "esh",
        "ad",
        "ed",
        "az",
        "ez",
        "an",
        "en",
        "at",
        "et",
        "ath",
        "adh",
        "l",
    }
)

_APOSTROPHES = "’'`ʿʾ‘´ʻʼ"
_EXTRA_FOLD = str.maketrans(
    {"ı": "i", "ł": "l", "ø": "o", "ß": "ss", "æ": "ae", "œ": "oe", "đ": "d", "ð": "d", "þ": "th"}
)
_NON_WORD = re.compile(r"[^a-z0-9\u0600-\u06ff]+")
# An English possessive ("Idlib's"), but not the hamza of the Arabic "ra's" (head, cape) that
# opens many names: "Ra's al-Ain" is Ras al-Ain.
_POSSESSIVE = re.compile(r"(?<!\bra)[" + _APOSTROPHES + r"]s\b")
_APOS_RE = re.compile(r"[" + _APOSTROPHES + r"]")
# Arabic diacritics (harakat), tatweel and the hamza/alef variants that sources write inconsistently.
_AR_DIACRITICS = re.compile(r"[\u064b-\u065f\u0670\u0640]")
# Headlines scraped from HTML keep entities ("Nu&#8217;man"); inside a name they are apostrophes.
_HTML_ENTITY = re.compile(r"&(?:#\d{2,5}|[a-z]{2,6});")
_AR_LETTERS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي"})


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case, accent-free, apostrophe-free text with runs of other punctuation as one space."""
    s = _HTML_ENTITY.sub("", text) if "&" in text else text
    if s.isascii():  # nothing to strip or fold but case
        s = s.lower()
    else:
        s = _AR_DIACRITICS.sub("", s).translate(_AR_LETTERS)
        # (again after NFKD: a presentation form, "ﯨ", decomposes to a letter folded above)
        s = _AR_DIACRITICS.sub("", unicodedata.normalize("NFKD", s)).translate(_AR_LETTERS)
        s = "".join(c for c in s if not unicodedata.combining(c)).lower().translate(_EXTRA_FOLD)
    s = _POSSESSIVE.sub("", s)
    s = _APOS_RE.sub("", s)
    return _NON_WORD.sub(" ", s).strip()


def name_tokens(name: str) -> list[str]:
    """The folded tokens of a name without article tokens (kept if the name is nothing else)."""
    toks = [t[2:] if t.startswith("ال") and len(t) > 3 else t for t in fold(name).split()]
    kept = [t for t in toks if t not in ARTICLES]
    return kept or toks


def name_key(name: str) -> str:
    """The plain key: folded tokens without articles, joined without spaces."""
    return "".join(name_tokens(name))


_FINAL_H = re.compile(r"(?<=[aeiouy])h$")


def soft_key(tokens: list[str]) -> str:
    """A plain key without a word-final "h" after a vowel, which transliterations write or
    leave out ("Ghassaniyah"/"Ghassaniya", "Harmalah"/"Harmala") — the key under which the
    resolver looks up Who's On First villages whose exact spelling it does not find."""
    return "".join(_FINAL_H.sub("", t) for t in tokens)


_DIGRAPHS = (
    ("ph", "f"),
    ("dh", "d"),
    ("th", "t"),
    ("gh", "g"),
    ("kh", "k"),
    ("sh", "s"),
    ("ch", "k"),
    ("ck", "k"),
    ("ou", "u"),
    ("ee", "i"),
)
_VOWELS = re.compile(r"[aeiouyw]")
_DOUBLES = re.compile(r"(.)\1+")


@lru_cache(maxsize=65536)
def token_skeleton(token: str) -> str:
    """Consonant skeleton of one folded token ("shaykhun" → "skn")."""
    t = token
    for a, b in _DIGRAPHS:
        t = t.replace(a, b)
    t = t.replace("q", "k").replace("c", "k")
    t = t[:1] + t[1:].replace("h", "")
    t = _VOWELS.sub("", t)
    return _DOUBLES.sub(r"\1", t)


def skeleton_key(name: str) -> str:
    """The consonant skeleton of a whole name (articles dropped, tokens joined)."""
    return _DOUBLES.sub(r"\1", "".join(token_skeleton(t) for t in name_tokens(name)))
