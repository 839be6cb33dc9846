"""Arabic victims named one by one: obituaries, civil-defence posts and monitors' lines that
give the dead by name rather than by number.

A name follows a title ("الشهيد محمد أحمد العلي", "الطفلة هدى", "المواطن …", "ابنه مأمون",
"كل من …") and may be joined to the next by "و" ("طارق ووليد إسماعيل"). A martyr's title says
the person is dead; for the other titles the outcome is the outcome word that governs the title
(just before it: "استشهاد الطفلة هدى"), else the first one after the name ("الشاب فلان قُتل"),
else the nearest one before it in the clause. A named person who speaks ("المواطن فلان قال")
is no victim. `name_list` reads a list of names under a header ("أسماء الشهداء:", one name a
line). Each person is one `CountMention` with `named=True`: `tally.combine` counts the people
named once each, and only where no figure is stated.
"""

from __future__ import annotations

import re
from typing import cast

from factfinder.arabic import fold_key
from factfinder.extract.arabic.lexicon import (
    ACTORS,
    EVENT_CUES,
    LIST_HEADERS,
    NAME_SPEAKS,
    NAME_STOPS,
    NAME_TITLES,
    OUTCOME_AFTER,
    OUTCOME_BEFORE,
    OUTCOME_GAP,
    TAKEN,
    VICTIMS,
    WAW_NAMES,
    WEAPONS,
)
from factfinder.extract.arabic.text import ArabicText, Lexicon
from factfinder.geo.arabic_words import GIVEN_NAMES, PERSON_NAME_PARTS
from factfinder.mentions import CountMention, Outcome, Victims
from factfinder.model import Range

_TITLES: Lexicon[str] = Lexicon(NAME_TITLES)
_BEFORE: Lexicon[str] = Lexicon(OUTCOME_BEFORE)
_AFTER: Lexicon[str] = Lexicon(OUTCOME_AFTER)
_VICTIMS: Lexicon[tuple[str, int]] = Lexicon(VICTIMS)
_PARTIES: Lexicon[str] = Lexicon(ACTORS)
_TAKEN: Lexicon[bool] = Lexicon({w: True for w in TAKEN})
_HEADERS: Lexicon[str] = Lexicon(LIST_HEADERS)
_EVENTS: Lexicon[bool] = Lexicon(
    [(w, True) for w, _, _ in EVENT_CUES] + [(w, True) for w, _ in WEAPONS]
)
# A definite noun behind a preposition or conjunction ("بالقصف", "للتحالف", "والمدينة") is no
# word of a name; a family name takes the article alone ("الأحمد").
_PREFIXED_DEFINITE = re.compile("^(?:بال|لل|كال|فال|وبال|وال)")
_STOPS: Lexicon[bool] = Lexicon({w: True for w in NAME_STOPS})
_STOP_WORDS = frozenset(fold_key(w) for w in NAME_STOPS)
_SPEAKS = frozenset(fold_key(w) for w in NAME_SPEAKS)
_WAW = frozenset(fold_key(w) for w in WAW_NAMES)
_GAP = frozenset(fold_key(w) for w in OUTCOME_GAP)
_PUNCT = frozenset({".", ",", ";", ":", "!", "?", "-", "|", "/", "#", "@", "…"})
_AGE = frozenset(fold_key(w) for w in ("عاما", "عام", "سنة", "سنوات", "أعوام", "عاماً", "شهرا"))
_MEMORIAL = frozenset(fold_key(w) for w in ("ذكرى", "استذكار", "إحياء", "ضريح", "أضرحة", "مزار"))
# An imperfect verb in the plural or dual ("يحاولون", "يعملان"): no name.
_VERB = re.compile("^[يت].{2,}(?:ون|ان)$")
_MAX_NAME = 5  # given name, father's, grandfather's and family name, and "عبد"/"أبو"


def _name_word(at: ArabicText, k: int, stop: int) -> bool:
    """Whether token `k` may be a word of a person's name (no function or casualty word)."""
    w = at.w(k)
    if k >= stop or len(w) < 2 or not ("\u0621" <= w[0] <= "\u064a"):
        return False
    if w == "علي":
        # the name علي, or the preposition على written or folded alike: the original decides
        b = at.span(k, k + 1)[1]
        return at.text[b - 1] == "ي" and at.w(k + 1) not in ("يد", "يدي", "خلفية")
    if w in _STOP_WORDS or _VERB.match(w):
        return False
    if len(w) > 4 and w.endswith(("هم", "هما", "كم")):
        return False  # a noun with a plural pronoun ("فقيدهم", "ابنهم"): no name's word
    if not w.startswith("ال") and _STOPS.first(at.toks, k, stop) is not None:
        # "بإنزال", "وفي"; a family name with the article ("العلي") is read as it stands
        return False
    if w in _SPEAKS or _TITLES.first(at.toks, k, stop) is not None:
        return False
    if _PREFIXED_DEFINITE.match(w):
        return False
    return not any(
        lex.first(at.toks, k, stop) is not None
        for lex in (_BEFORE, _AFTER, _VICTIMS, _TAKEN, _PARTIES, _EVENTS)
    )


def _skip_age(at: ArabicText, k: int, stop: int) -> int:
    """Past an age after a name: "25 عاما", "(7 سنوات)"."""
    if at.w(k)[:1].isdigit() and at.w(k + 1) in _AGE and k + 1 < stop:
        return k + 2
    return k


def _names(at: ArabicText, j: int, stop: int) -> list[tuple[int, int]]:
    """The token spans of the names from `j`: one name, and the next ones "و" joins to it."""
    out: list[tuple[int, int]] = []
    k = j
    while k < stop:
        a = k
        while k < stop and k - a < _MAX_NAME and _name_word(at, k, stop):
            w = at.w(k)
            if k > a and w.startswith("و") and w not in _WAW:
                break  # "طارق ووليد": the next person
            k += 1
        if k == a:
            break
        out.append((a, k))
        k = _skip_age(at, k, stop)
        w = at.w(k)
        joined = w == "و" or (w == "," and at.w(k + 1) == "و")
        if w == "و" or (w == "," and at.w(k + 1).startswith("و")):
            k += 2 if at.w(k + 1) == "و" else 1
        if not (k < stop and (joined or at.w(k).startswith("و")) and _name_word(at, k, stop)):
            break
        if _TITLES.first(at.toks, k, stop) is not None:
            break  # "… والطفل …": the next title reads its own name
        # "ووليد" → "وليد"; "ومحمد" → "محمد": the conjunction is not part of the name
    return out


_GOD_WILLING = (fold_key("بإذن"), fold_key("الله"))
_EXALTED = fold_key("تعالى")


def _past_formula(at: ArabicText, j: int, stop: int) -> int:
    """Past an obituary's formula after a martyr's title: "الشهيد بإذن الله (تعالى) فلان",
    "الشهيد بإذن الله/فلان"."""
    if j + 1 < stop and (at.w(j), at.w(j + 1)) == _GOD_WILLING:
        j += 2
        if j < stop and at.w(j) == _EXALTED:
            j += 1
        if j < stop and at.w(j) in ("/", ":", "-"):
            j += 1
    return j


def _governing(at: ArabicText, i: int, lo: int) -> Outcome | None:
    """An outcome word right before the title at `i` ("استشهاد الطفلة", "أسفر عن مقتل الشاب")."""
    k = i - 1
    seen = 0
    while k >= lo and seen < 3:
        for start in range(max(lo, k - 2), k + 1):
            m = _BEFORE.first(at.toks, start, k + 1)
            if m is not None and m.j == k + 1:
                return cast(Outcome, m.value)
        if at.w(k) not in _GAP:
            return None
        k -= 1
        seen += 1
    return None


def _outcome_of(at: ArabicText, i: int, b: int, lo: int, hi: int) -> Outcome | None:
    """The outcome for the person whose title starts at `i` and whose name ends at `b`."""
    governing = _governing(at, i, lo)
    if governing is not None:
        return governing
    for k in range(b, min(hi, b + 8)):
        if at.w(k) in (".", ";", "!", "?"):
            break
        if _TAKEN.first(at.toks, k, hi) is not None:
            return None
        m = _AFTER.first(at.toks, k, hi) or _BEFORE.first(at.toks, k, hi)
        if m is not None:
            return cast(Outcome, m.value)
    for k in range(i - 1, lo - 1, -1):
        if _TAKEN.first(at.toks, k, i) is not None:
            return None
        m = _BEFORE.first(at.toks, k, i) or _AFTER.first(at.toks, k, i)
        if m is not None:
            return cast(Outcome, m.value)
    return None


_ITEM_MARKS = frozenset("-_)ـ.")


def _list_item(at: ArabicText, k: int) -> int | None:
    """Where the name of a numbered item at token `k` starts ("1- فلان", "2_ فلان", "3 ـ فلان",
    "4) فلان"), else None."""
    w = at.w(k)
    if not (w.isdigit() and len(w) <= 2):
        return None
    if at.w(k + 1) in ("-", ")"):
        return k + 2
    # a mark the tokens leave out: "1_", "1 ـ"
    end = at.span(k, k + 1)[1]
    nxt = at.span(k + 1, k + 2)[0] if k + 1 < len(at.toks) else end
    between = at.text[end:nxt].strip()
    return k + 1 if between and set(between) <= _ITEM_MARKS else None


def _outcome_before(at: ArabicText, i: int, lo: int) -> Outcome | None:
    """The nearest outcome word before token `i` in the clause (a list's header)."""
    for k in range(i - 1, lo - 1, -1):
        if _TAKEN.first(at.toks, k, i) is not None:
            return None
        m = _BEFORE.first(at.toks, k, i) or _AFTER.first(at.toks, k, i)
        if m is not None:
            return cast(Outcome, m.value)
    return None


def _mention(at: ArabicText, a: int, b: int, outcome: Outcome, victims: str) -> CountMention:
    s, e = at.span(a, b)
    if at.text[s] == "و" and at.w(a) not in _WAW:
        s += 1
    name = at.text[s:e]
    return CountMention(s, e, Range(1, 1, name), outcome, cast(Victims, victims), named=True)


def _bare(at: ArabicText, k: int, stop: int) -> list[CountMention]:
    """A name of two words or more right after an outcome word, without a title: "مقتل صابر
    سنجار الفهد وسامي العون", "وفاة خالد عبدالله المسعود"."""
    m = _BEFORE.first(at.toks, k, stop)
    if m is None or m.value not in ("killed", "injured"):
        return []
    names = _names(at, m.j, stop)
    if not names or at.w(names[0][0]).startswith("ال"):
        return []
    a, b = names[0]
    if b - a < 2 and _TITLES.first(at.toks, b, stop) is None:
        return []  # one word is a name only before a kin title: "مقتل غنام وابنه مأمون"
    last = _skip_age(at, names[-1][1], stop)
    if at.w(last) in _SPEAKS:
        return []
    return [_mention(at, a, b, cast(Outcome, m.value), "total") for a, b in names]


def _opening_name(at: ArabicText, k: int, lo: int, stop: int) -> list[CountMention]:
    """A person's full name opening the clause, then the verb of what befell them: "محمد
    المصطفى، قُتل إثر …", "أحمد خالد العمر استشهد بقصف …". The name has two words or more and
    starts with a common given name (or "عبد"/"أبو"); nothing but a comma stands before the
    verb."""
    if k > lo and ("\u0621" <= at.w(k - 1)[:1] <= "\u064a"):
        return []  # inside the clause's prose
    if at.w(k) not in GIVEN_NAMES and at.w(k) not in PERSON_NAME_PARTS:
        return []
    names = _names(at, k, stop)
    if not names or names[0][1] - names[0][0] < 2:
        return []
    a, b = names[0]
    v = _skip_age(at, b, stop)
    if at.w(v) == ",":
        v += 1
    m = _AFTER.first(at.toks, v, stop)
    if m is None or m.i != v or m.value not in ("killed", "injured"):
        return []
    if at.w(m.j)[:1].isdigit() or _VICTIMS.first(at.toks, m.j, stop) is not None:
        return []  # the person did the killing: "فلان قتل 3 عناصر"
    return [_mention(at, a, b, cast(Outcome, m.value), "total")]


def named_victims(at: ArabicText, start: int, end: int) -> list[CountMention]:
    """One mention for each person the clause names as killed or injured."""
    i0, i1 = at.tokens_in(start, end)
    out: list[CountMention] = []
    k = i0
    while k < i1:
        t = _TITLES.first(at.toks, k, i1)
        item = _list_item(at, k) if t is None else None
        if item is not None:
            # an item of a list on one line: "… فجر اليوم: 1- فلان الفلاني 2- فلان …"; the
            # list's header or the words before it say what befell them ("الشهداء: 1- …
            # 3- … الجرحى: 1- …"), else the words after
            names = _names(at, item, i1)[:1]
            if names and names[0][1] - names[0][0] >= 2:
                said = _outcome_before(at, k, i0) or _outcome_of(at, k, names[0][1], i0, i1)
                if said is not None:
                    out.append(_mention(at, *names[0], said, "total"))
                k = names[0][1]
                continue
        if t is None:
            bare = _bare(at, k, i1) or _opening_name(at, k, i0, i1)
            out.extend(bare)
            k = max(k + 1, at.tokens_in(bare[-1].end, bare[-1].end)[0] if bare else k + 1)
            continue
        names = _names(at, _past_formula(at, t.j, i1) if t.value == "killed" else t.j, i1)
        if t.value == "list" and len(names) == 1 and names[0][1] - names[0][0] < 2:
            names = []  # "وهم …" opens a list of full names
        if not names:
            k = t.j
            continue
        last = names[-1][1]
        if at.w(_skip_age(at, last, i1)) in _SPEAKS or at.w(k - 1) in _MEMORIAL:
            k = last
            continue
        outcome: Outcome | None
        if t.value == "killed":
            outcome = "killed"
            victims = "total"
        else:
            outcome = _outcome_of(at, k, last, i0, i1)
            victims = "total" if t.value == "list" else t.value
        if outcome is not None:
            out.extend(_mention(at, a, b, outcome, victims) for a, b in names)
        k = last
    return out


def list_header(at: ArabicText, start: int, end: int) -> Outcome | None:
    """The outcome of a header that opens a list of names ("أسماء الشهداء:", "الجرحى هم")."""
    i0, i1 = at.tokens_in(start, end)
    while i1 > i0 and at.w(i1 - 1) in _PUNCT:
        i1 -= 1
    for k in range(i0, i1):
        m = _HEADERS.first(at.toks, k, i1)
        if m is not None and m.j == i1 and i1 - i0 <= 6:
            return cast(Outcome, m.value)
    return None


def name_line(at: ArabicText, start: int, end: int, outcome: Outcome) -> list[CountMention]:
    """The person a line of a list names ("1- محمد أحمد العلي (25 عاما)"), else []."""
    i0, i1 = at.tokens_in(start, end)
    k = i0
    while k < i1 and (at.w(k)[:1].isdigit() or at.w(k) in _PUNCT):
        k += 1  # the item's number: "1-", "2."
    t = _TITLES.first(at.toks, k, i1)
    victims = "total"
    if t is not None:
        victims = "total" if t.value in ("killed", "list") else t.value
        k = _past_formula(at, t.j, i1) if t.value == "killed" else t.j
    names = _names(at, k, i1)
    if not names:
        return []
    last = _skip_age(at, names[-1][1], i1)
    while last < i1 and at.w(last) in _PUNCT:
        last += 1
    if last < i1:
        return []  # more than a name: a sentence, not a line of the list
    return [_mention(at, a, b, outcome, victims) for a, b in names]


# Titles that say the next words name a person who speaks or is spoken of, beside the victims'
# titles: a witness, someone "called" so-and-so.
_PERSON_TITLES: Lexicon[str] = Lexicon(
    {
        **NAME_TITLES,
        **{w: "person" for w in ("الشاهد", "الشاهدة", "شاهد عيان", "المدعو", "المدعوة", "يدعى")},
    }
)


def titled_names(text: str) -> list[tuple[int, int]]:
    """The character spans of the people a title names in `text` ("الشاهد فلان", "المواطن
    فلان", "الطفل فلان"), whether they speak or are spoken of — the personal names the access
    rules protect. Only the words a title introduces count: a name alone is not guessed."""
    at = ArabicText(text)
    n = len(at.toks)
    out: list[tuple[int, int]] = []
    k = 0
    while k < n:
        t = _PERSON_TITLES.first(at.toks, k, n)
        if t is None:
            k += 1
            continue
        names = _names(at, t.j, n)
        for a, b in names:
            s, e = at.span(a, b)
            if at.text[s] == "و" and at.w(a) not in _WAW:
                s += 1
            out.append((s, e))
        k = names[-1][1] if names else t.j
    return out
