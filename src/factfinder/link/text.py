"""The words of a claim's sentences that help tell incidents apart.

Two reports of one incident share its particulars: the names of victims, neighbourhoods and
landmarks ("al-Quds hospital", "Tariq al-Bab", "Khan Shaykhoun") and the kind of target (a
bakery, a wedding, a bus convoy). This module reads them from the sentences a claim came from:

* **names**: capitalised words that do not open a sentence, are not all capitals (datelines such
  as "BEIRUT") and are not among the words every Syria report capitalises (`COMMON_CAPITALISED`);
  Arabic articles are folded ("al-Rashid" → "rashid");
* **targets**: words for kinds of target (`TARGET_WORDS`), capitalised or not;
* **content words**: every lower-cased word of three letters or more outside `STOPWORDS`, for
  the text similarity of two claims (rarity-weighted, see `weighted_overlap`).

Both come as sorted tuples of interned strings: a tuple of fifteen words is a sixth of the memory
of a set of them (a million claims are held at once), and sums over shared words are taken in
that order, so a score is the same to the last bit in every process.

Rarity is measured on the run's own claims (`idf`): a name every report repeats weighs little.
"""

from __future__ import annotations

import math
import re
import sys
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache

from factfinder.arabic import fold_key
from factfinder.extract.arabic.text import mask_broken
from factfinder.vocab import MONTH_NUMBERS

# A word is a run of one script: page furniture glued to a post ("comمقتل", "حماة10") splits.
_WORD = re.compile(
    r"[A-Za-z\u00C0-\u024F][A-Za-z\u00C0-\u024F0-9_'’-]*"
    r"|[\u0620-\u064A\u0671-\u06D3\u06FA-\u06FF][\u0620-\u065F\u0670-\u06D3\u06FA-\u06FF]*"
)
MAX_TEXT_CHARS = 500

# Words capitalised in news prose about Syria without naming anything particular to one incident,
# and the boilerplate of news sites ("Get short URL", "Last updated at", "Tags").
COMMON_CAPITALISED = frozenset(
    (
        *MONTH_NUMBERS,
        "the",
        "a",
        "an",
        "in",
        "on",
        "at",
        "of",
        "for",
        "and",
        "or",
        "but",
        "as",
        "by",
        "with",
        "from",
        "to",
        "into",
        "after",
        "before",
        "since",
        "during",
        "while",
        "this",
        "that",
        "these",
        "those",
        "it",
        "its",
        "he",
        "she",
        "they",
        "we",
        "his",
        "her",
        "their",
        "our",
        "there",
        "here",
        "when",
        "where",
        "who",
        "what",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "mon",
        "tue",
        "wed",
        "thu",
        "fri",
        "sat",
        "sun",
        "syria",
        "syrian",
        "syrians",
        "syrias",
        "arab",
        "damascus",
        "government",
        "regime",
        "army",
        "forces",
        "state",
        "islamic",
        "isis",
        "isil",
        "daesh",
        "is",
        "russian",
        "russia",
        "russias",
        "us",
        "u.s.",
        "united",
        "states",
        "american",
        "turkish",
        "turkey",
        "iran",
        "iranian",
        "kurdish",
        "kurds",
        "coalition",
        "un",
        "u.n.",
        "nations",
        "security",
        "council",
        "minister",
        "ministry",
        "president",
        "official",
        "officials",
        "observatory",
        "sohr",
        "monitor",
        "reuters",
        "afp",
        "ap",
        "news",
        "agency",
        "media",
        "tv",
        "state-run",
        "sana",
        "said",
        "says",
        "according",
        "people",
        "civilians",
        "children",
        "women",
        "killed",
        "wounded",
        "injured",
        "dead",
        "strike",
        "strikes",
        "airstrike",
        "airstrikes",
        "air",
        "raid",
        "raids",
        "attack",
        "attacks",
        "bombing",
        "bomb",
        "shelling",
        "rebel",
        "rebels",
        "opposition",
        "militants",
        "terrorists",
        "terrorist",
        "province",
        "governorate",
        "city",
        "town",
        "village",
        "district",
        "countryside",
        "northern",
        "southern",
        "eastern",
        "western",
        "north",
        "south",
        "east",
        "west",
        "central",
        "rural",
        "mr",
        "dr",
        "sheikh",
        "al",
        "el",
        "published",
        "updated",
        "last",
        "get",
        "short",
        "url",
        "topic",
        "tags",
        "print",
        "tweet",
        "views",
        "related",
        "date",
        "publication",
        "middle",
        "world",
        "region",
        "online",
        "international",
        "britain-based",
        "uk-based",
        "human",
        "rights",
        "network",
        "front",
        "army's",
        "assad",
        "assads",
        "bashar",
        "free",
        "democratic",
        "jets",
        "warplanes",
    )
)

# Kinds of target named in incident reports; sharing one is evidence of the same incident.
TARGET_WORDS = frozenset(
    (
        "hospital",
        "hospitals",
        "clinic",
        "school",
        "schools",
        "university",
        "market",
        "marketplace",
        "bakery",
        "mosque",
        "church",
        "wedding",
        "funeral",
        "convoy",
        "bus",
        "buses",
        "camp",
        "camps",
        "checkpoint",
        "prison",
        "stadium",
        "airport",
        "airbase",
        "bridge",
        "refinery",
        "oilfield",
        "dam",
        "orphanage",
        "kindergarten",
        "shelter",
        "queue",
        "bread",
        "ambulance",
        "ambulances",
        "warehouse",
        "factory",
        "courthouse",
        "cemetery",
        "ferry",
        "boat",
        "tanker",
        "motorbike",
        "motorcycle",
        "evacuees",
        "pilgrims",
        "medics",
        "teachers",
        "students",
        "worshippers",
        "refugees",
        "displaced",
    )
)

STOPWORDS = frozenset(
    (
        "the",
        "and",
        "for",
        "that",
        "with",
        "from",
        "this",
        "were",
        "was",
        "are",
        "has",
        "have",
        "had",
        "been",
        "said",
        "says",
        "after",
        "also",
        "its",
        "their",
        "they",
        "which",
        "who",
        "while",
        "into",
        "over",
        "more",
        "than",
        "least",
        "other",
        "others",
        "some",
        "including",
        "among",
        "near",
        "on",
        "in",
        "of",
        "at",
        "by",
        "an",
        "as",
        "to",
        "a",
        "it",
        "be",
        "not",
        "but",
        "or",
        "his",
        "her",
        "he",
        "she",
        "we",
        "our",
        "will",
        "would",
        "could",
        "about",
        "syria",
        "syrian",
        "syrias",
        "people",
        "killed",
        "least",
        "published",
        "updated",
        # Arabic function words and the words of every casualty report, in their compared form
        # (folded, article off: see `_fold`)
        "في",
        "من",
        "علي",
        "الي",
        "عن",
        "مع",
        "هذا",
        "هذه",
        "ذلك",
        "تلك",
        "التي",
        "الذي",
        "ذين",  # الذين
        "بعد",
        "قبل",
        "خلال",
        "حيث",
        "كان",
        "كانت",
        "قد",
        "وقد",
        "لقد",
        "تم",
        "او",
        "ثم",
        "كما",
        "ان",
        "انه",
        "بين",
        "عند",
        "منذ",
        "حتي",
        "غير",
        "كل",
        "بعض",
        "يوم",  # اليوم
        "امس",
        "جراء",
        "اثر",
        "نتيجه",
        "مقتل",
        "قتل",
        "مدنيين",
        "سوريا",
        "سوري",
        "سوريه",
    )
)

_NORM = re.compile(r"[^0-9a-z\u00C0-\u024F\u0600-\u06FF]+")


def normalise_text(text: str) -> str:
    """Lower-case words separated by single spaces (what rapidfuzz compares), 200 at most.

    Arabic words broken with tatweel to slip past a platform's filters ("قتـ ـلى") are mended.
    """
    text = _mend(text[:MAX_TEXT_CHARS])
    return _NORM.sub(" ", text.lower()).strip()[:200]


def _mend(text: str) -> str:
    """`text` with Arabic words broken by tatweel ("انفـ ـجار", "قصـ.ـف") joined again and the
    tatweel taken out, so a post that breaks its words compares with one that does not."""
    if "\u0640" not in text:
        return text
    return mask_broken(text).replace("\u0640", "")


_ARTICLES = ("al-", "el-", "ar-", "as-", "ad-", "ash-", "at-", "az-", "an-", "ad-")


# Arabic prefixes taken off a word before comparison: the article, alone or after a conjunction
# or preposition ("والميادين", "بالميادين", "الميادين" → "ميادين"), and "لل" (for the). A single
# letter without the article is left on: "بلدة" is a word, not "ب" + "لدة".
_ARABIC_PREFIXES = ("وال", "فال", "بال", "كال", "لل", "ال")


def _fold_arabic(tok: str) -> str:
    t = fold_key(tok)
    for prefix in _ARABIC_PREFIXES:
        if t.startswith(prefix) and len(t) - len(prefix) >= 3:
            return t[len(prefix) :]
    # A conjunction, then a preposition, glued to a word ("وطيران", "بمدينة", "وبالميادين"):
    # taken off when a word of four letters or more is left, then the article. A word that
    # merely starts with one of these letters loses it too, the same way in every report, so
    # the comparison is unchanged; "بلدة" and "ولد" keep theirs (too short).
    if t[:1] in _CONJUNCTIONS and len(t) - 1 >= _MIN_STEM:
        t = t[1:]
    if t[:1] in _PREPOSITIONS and len(t) - 1 >= _MIN_STEM:
        t = t[1:]
    if t.startswith("ال") and len(t) - 2 >= 3:  # "وبالميادين" → "بالميادين" → "ميادين"
        t = t[2:]
    return t


_CONJUNCTIONS = ("و", "ف")
_PREPOSITIONS = ("ب", "ل")  # not ك ("like"): rare in reports, and the first letter of كفر
_MIN_STEM = 4


@lru_cache(maxsize=200_000)
def _fold(tok: str) -> str:
    """The comparison form of a word (interned: a million claims share one copy of each)."""
    if "\u0620" <= tok[0] <= "\u06ff":
        return sys.intern(_fold_arabic(tok))
    t = tok.lower().replace("’", "'")
    for article in _ARTICLES:
        if t.startswith(article) and len(t) > len(article) + 2:
            t = t[len(article) :]
            break
    if t.endswith("'s"):
        t = t[:-2]
    return sys.intern(t.strip("'-"))


def _opens_sentence(text: str, start: int) -> bool:
    j = start - 1
    while j >= 0 and text[j] in " \t\n\"'“‘(":
        j -= 1
    return j < 0 or text[j] in ".!?:;|-–—"


Words = tuple[str, ...]  # sorted, no repeats


# What `read_words` makes of a token, by token (a word of the language recurs in report after
# report): its comparison form (None when too short to count), whether it is a content word,
# a target word, and capitalised as a name is (whether it opens a sentence is up to its place).
Reading = tuple[str | None, bool, bool, bool]
_READINGS: dict[str, Reading] = {}
_READINGS_MAX = 1 << 18


def _reading(tok: str) -> Reading:
    """`read_words`'s view of one token, remembered."""
    got = _READINGS.get(tok)
    if got is None:
        low = _fold(tok)
        if len(low) < 3:
            got = (None, False, False, False)
        else:
            got = (
                low,
                low not in STOPWORDS and not low.isdigit(),
                low in TARGET_WORDS,
                tok[0].isupper()
                and not (tok.isupper() and len(tok) > 3)
                and low not in COMMON_CAPITALISED
                and tok.lower() not in COMMON_CAPITALISED,
            )
        if len(_READINGS) >= _READINGS_MAX:
            _READINGS.clear()
        _READINGS[tok] = got
    return got


def read_words(text: str) -> tuple[Words, Words]:
    """(names and targets, content words) of a claim's sentences, each sorted.

    In sentences written in Arabic script, Latin-script words are the page's furniture (its
    name and handle, "Shared with Public", "Copy link") and are left out: they tell pages
    apart, not incidents.
    """
    text = _mend(text[:MAX_TEXT_CHARS])
    names: set[str] = set()
    words: set[str] = set()
    arabic = script_of(text) == "arab"
    readings = _READINGS
    for m in _WORD.finditer(text):
        tok = m.group(0)
        if arabic and tok[0] < "\u0600":
            continue
        low, word, target, capitalised = readings.get(tok) or _reading(tok)
        if low is None:
            continue
        if word:
            words.add(low)
        if target or (capitalised and not _opens_sentence(text, m.start())):
            names.add(low)
    return tuple(sorted(names)), tuple(sorted(words))


# --- languages ----------------------------------------------------------------------------
#
# Word overlap only means something between two texts in one language: an Arabic post and an
# English wire story of the same strike share no word. So each claim carries a language key,
# "<script>:<language>" ("arab:ar", "latn:en", "latn:" when the document gives no language),
# and two claims' words are compared only when `same_language` says they can be.

_ARABIC_LETTER = re.compile(r"[\u0620-\u064A\u0671-\u06D3\u06FA-\u06FF]")
_LATIN_LETTER = re.compile(r"[A-Za-z\u00C0-\u024F]")


def script_of(text: str) -> str:
    """`arab` or `latn`, whichever letters the text has more of; "" when it has neither."""
    text = text[:MAX_TEXT_CHARS]
    if text.isascii():  # no Arabic letter: the count of Latin ones need not be taken
        return "latn" if _LATIN_LETTER.search(text) else ""
    arabic = len(_ARABIC_LETTER.findall(text))
    latin = len(_LATIN_LETTER.findall(text))
    if not arabic and not latin:
        return ""
    return "arab" if arabic > latin else "latn"


@lru_cache(maxsize=256)
def language_key(script: str, language: str | None) -> str:
    """A claim's language key from the script of its sentences and its document's language
    (a BCP 47 tag such as "ar" or "en-GB"; only the primary subtag counts)."""
    lang = (language or "").strip().lower().replace("_", "-").split("-")[0]
    if lang in ("und", "mul", "zxx"):
        lang = ""
    if not script and not lang:
        return ""
    return sys.intern(f"{script}:{lang}")


@lru_cache(maxsize=1024)
def same_language(a: str, b: str) -> bool:
    """Whether two claims' words can be compared: same script, and the same language when both
    documents name one. An unknown side ("") is taken to be comparable."""
    if not a or not b or a == b:
        return True
    script_a, _, lang_a = a.partition(":")
    script_b, _, lang_b = b.partition(":")
    if script_a and script_b and script_a != script_b:
        return False
    return not (lang_a and lang_b and lang_a != lang_b)


def word_chunk(
    texts: list[str], skip: Sequence[bool] | None = None
) -> tuple[list[tuple[Words, Words, str, str]], dict[str, int]]:
    """Names, words, normalised text and script of each claim text, and how many texts use
    each word (not counting the texts `skip` marks).

    The job of a worker process (`factfinder.link.batch`).
    """
    out: list[tuple[Words, Words, str, str]] = []
    df: dict[str, int] = {}
    get = df.get
    for k, text in enumerate(texts):
        names, words = read_words(text)
        out.append((names, words, normalise_text(text), script_of(text)))
        if skip is not None and skip[k]:
            continue
        for t in terms(names, words):
            df[t] = get(t, 0) + 1
    return out, df


def terms(names: Iterable[str], words: Iterable[str]) -> set[str]:
    """The distinct words of a claim, names and content words together (what `df` counts)."""
    out = set(names)
    out.update(words)
    return out


def idf_of(df: Mapping[str, int], n: int) -> dict[str, float]:
    """Inverse document frequency from document frequencies over n claims: log((n+1)/(df+1)) + 1."""
    return {t: idf_value(c, n) for t, c in df.items()}


def idf_value(df: int, n: int) -> float:
    """The rarity weight of a word used by `df` of `n` claims."""
    return math.log((n + 1) / (df + 1)) + 1.0


def idf_table(sets: Iterable[Iterable[str]]) -> dict[str, float]:
    """Inverse document frequency of words over the given word sets: log((n+1)/(df+1)) + 1."""
    df: dict[str, int] = {}
    n = 0
    for s in sets:
        n += 1
        for t in set(s):
            df[t] = df.get(t, 0) + 1
    return idf_of(df, n)


def shared_weight(a: Words, b: Words, idf: Mapping[str, float]) -> float:
    """Σidf over the words two sorted tuples share, summed in sorted order."""
    if len(a) > len(b):
        a, b = b, a
    if len(a) <= 2:
        # Membership in a short tuple is cheaper than building a set of the long one.
        inter = 0.0
        for t in a:
            if t in b:
                inter += idf.get(t, 1.0)
        return inter
    other = set(b)
    inter = 0.0
    for t in a:
        if t in other:
            inter += idf.get(t, 1.0)
    return inter


def weighted_overlap(a: Words, b: Words, idf: Mapping[str, float]) -> float:
    """Rarity-weighted Jaccard of two word tuples: Σidf(a∩b) / Σidf(a∪b); 0 when either is empty."""
    if not a or not b:
        return 0.0
    inter = shared_weight(a, b, idf)
    if not inter:
        return 0.0
    union = sum(idf.get(t, 1.0) for t in a) + sum(idf.get(t, 1.0) for t in b) - inter
    return inter / union if union else 0.0
