"""Arabic casualty counts: who was killed, injured or went missing, and how many.

A count is a number (`numbers.read_number`) with what follows it — a victim noun ("5 مدنيين",
"15 مدنياً", "3 من المدنيين") — and the outcome word next to it, before ("مقتل 5",
"أسفر عن إصابة 3") or after ("46 قتيلاً", "10 جرحى", "5 أشخاص لقوا حتفهم"). A singular or
dual victim noun after an outcome word is itself a count ("مقتل مدني" = 1, "استشهاد طفلين"
= 2, "مدنيين اثنين" = 2); an indefinite noun in "-ين" with no number is a dual or a plural,
at least two ("مقتل مدنيين"), a figure that gives way to a stated one. "بينهم"/"منهم" open a
breakdown of the count before (`sub_of`); a count joined by "و" to the previous one shares its outcome ("مقتل 5 أطفال و3 نساء").
Killed and injured counted together ("10 بين قتيل وجريح", "مقتل وإصابة 10") cannot be split
and are left out, as in the English reader.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import cast

from factfinder.arabic import fold_key
from factfinder.extract.arabic.lexicon import (
    ACTORS,
    AND_OTHERS,
    COUNTED_THINGS,
    DAY_PARTS,
    DAY_WORDS,
    FAMILY_MADE_OF,
    FAMILY_NOUNS,
    FAMILY_WHOLE,
    JOINT_OUTCOME,
    LIFE_WORDS,
    OF_VICTIMS,
    OUTCOME_AFTER,
    OUTCOME_BEFORE,
    OUTCOME_DUALS,
    OUTCOME_GAP,
    OUTCOME_PRONOUNS,
    SUB_OPENERS,
    TAKEN,
    TEN,
    TOLL_NOUNS,
    TOLL_REACHES,
    TOLL_RISES,
    TOLL_WHO,
    UNITS,
    VICTIMS,
    WEEKDAYS,
)
from factfinder.extract.arabic.numbers import AFTER, Number, read_number
from factfinder.extract.arabic.text import ArabicText, Lexicon, Match
from factfinder.mentions import CountMention, Outcome, Victims
from factfinder.model import Range

_BEFORE: Lexicon[Outcome] = Lexicon({k: cast(Outcome, v) for k, v in OUTCOME_BEFORE.items()})
_AFTER: Lexicon[Outcome] = Lexicon({k: cast(Outcome, v) for k, v in OUTCOME_AFTER.items()})
_VICTIMS: Lexicon[tuple[str, int]] = Lexicon(VICTIMS)
_OF: Lexicon[str] = Lexicon(OF_VICTIMS)
_PARTIES: Lexicon[str] = Lexicon(ACTORS)
_OTHERS = frozenset(fold_key(w) for w in AND_OTHERS)
_SUB: Lexicon[bool] = Lexicon({w: True for w in SUB_OPENERS})
_TAKEN: Lexicon[bool] = Lexicon({w: True for w in TAKEN})
_JOINT: Lexicon[bool] = Lexicon({w: True for w in JOINT_OUTCOME})
_THINGS: Lexicon[bool] = Lexicon({w: True for w in COUNTED_THINGS})
# A dual written with its vowels: ya with sukun before the final nun ("مدنيَّيْنِ"), which the
# plural ("مدنيِّين") never has.
_DUAL_MARKED = re.compile("\u064a\u0652\u0646[\u064b-\u065f]*$")
# Outcome words that a lost newline may glue to the word before them.
_GLUED: tuple[tuple[str, Outcome], ...] = tuple(
    (fold_key(k), cast(Outcome, v))
    for k, v in OUTCOME_BEFORE.items()
    if " " not in k and len(fold_key(k)) >= 4
)
# Words that may stand between an outcome word and its count ("أسفر عن مقتل ما لا يقل عن").
_GAP = frozenset(fold_key(w) for w in OUTCOME_GAP)
_STOPS = frozenset({".", ",", ";", ":", "!", "?", "-", "|"})
_TOLL: Lexicon[Outcome] = Lexicon({k: cast(Outcome, v) for k, v in TOLL_NOUNS.items()})
_DUALS: Lexicon[Outcome] = Lexicon({k: cast(Outcome, v) for k, v in OUTCOME_DUALS.items()})
_PRONOUNS: Lexicon[int] = Lexicon(OUTCOME_PRONOUNS)
_LIFE = frozenset(fold_key(w) for w in LIFE_WORDS)
_LOST = frozenset(fold_key(w) for w in ("فقد", "فقدت"))


def _lost_lives(at: ArabicText, j: int, stop: int) -> bool:
    """Whether "حياته"/"لحياتهم" follows a count within a few words: they lost their lives.
    A name and an age between them are read past ("فقدت الطفلة فلانة، البالغة من العمر أربعة
    أعوام، حياتها"), up to the end of the sentence."""
    for k in range(j, min(stop, j + 16)):
        w = at.w(k)
        if w in _LIFE:
            return True
        if w in (".", "!", "?", "|") or (
            k >= j + 8
            and w != ","
            and not w[:1].isdigit()
            and _BEFORE.first(at.toks, k, stop) is not None
        ):
            return False
    return False


def _injured_next(at: ArabicText, j: int, stop: int) -> bool:
    """ "فقد مسعفان وأصيب ممرض": the injured told right after a loss (the loss is of lives)."""
    m = _BEFORE.first(at.toks, j, stop)
    return m is not None and m.value == "injured" and at.w(j).startswith("و")


# Verbs in the dual after their subject: "طفلان قتلا", "الطفلتان … استشهدتا".
_DUAL_VERBS: dict[str, Outcome] = {
    fold_key(w): cast(Outcome, o)
    for w, o in OUTCOME_AFTER.items()
    if w in ("قتلا", "قتلتا", "استشهدا", "استشهدتا", "توفيا", "قضيا", "أصيبا", "أصيبتا", "جرحا")
}
_ALONE: dict[str, Outcome] = {
    fold_key(w): cast(Outcome, o) for w, o in (("شهيد", "killed"), ("قتيل", "killed"))
}
_TO = frozenset(fold_key(w) for w in ("إلى", "الى", "حتى"))


def _after(at: ArabicText, j: int, stop: int) -> Outcome | None:
    """The outcome word right after a count, unless "و" joins it to the next count: in
    "عدد الشهداء إلى 5 والجرحى إلى 15" the 5 are not the wounded."""
    m = _AFTER.first(at.toks, j, stop)
    if m is None or (m.clitic and at.w(j).startswith("و")):
        return None
    return m.value


def _after_match(at: ArabicText, j: int, stop: int) -> int | None:
    """The end of the outcome word `_after` found at `j`."""
    m = _AFTER.first(at.toks, j, stop)
    return m.j if m is not None and _after(at, j, stop) is not None else None


def _toll_before(at: ArabicText, i: int, lo: int) -> Outcome | None:
    """ "ارتفع عدد الشهداء (في المدينة) إلى 5": the toll noun a few words before "إلى"; "بلغ
    عدد ضحايا المجزرة 11": a toll that a verb of reaching brings to the count; "ارتفع إلى 13
    عدد الذين قضوا": the count before the toll it raises."""
    m = _toll_match(at, i, lo)
    return m.value if m is not None else None


def _toll_match(at: ArabicText, i: int, lo: int) -> Match[Outcome] | None:
    """The toll noun `_toll_before` reads a count at `i` by."""
    to = at.w(i - 1) in _TO
    if to and at.w(i - 2) in _RISES:
        return _toll_ahead(at, i)
    for k in range(i - 1 - to, max(lo, i - 16) - 1, -1):
        w = at.w(k)
        if w in _STOPS or w[:1].isdigit():
            return None
        m = _TOLL.first(at.toks, k, i - to) or (_who_toll(at, k, i - to) if to else None)
        # a bare "حصيلة" reaches any tally ("بلغت حصيلة الغارات 4"): only a toll of people
        if m is not None and (to or (m.j - m.i > 1 and k > lo and at.w(k - 1) in _REACHES)):
            return m
    return None


_TALLY = frozenset(fold_key(w) for w in ("عدد", "تعداد", "حصيلة"))


def _who_toll(at: ArabicText, k: int, stop: int) -> Match[Outcome] | None:
    """ "عدد الذين قضوا", "تعداد المدنيين الذين استشهدوا": a tally of the people a verb after
    "الذين" tells the outcome of, at `k`."""
    if at.w(k) not in _TALLY:
        return None
    for x in range(k + 1, min(stop, k + 4)):
        who = _WHO.get(at.w(x + 1)) if at.w(x) in _WHO_OPENER else None
        if who is not None:
            return Match(k, k + 1, who, 0)
    return None


_THIS = frozenset(fold_key(w) for w in ("هذه", "هذا", "هؤلاء"))
# Armed bodies a toll may count without naming the party: "عدد قتلى التنظيم", "هذه القوات".
_FORCES = frozenset(
    fold_key(w)
    for w in (
        "التنظيم",
        "القوات",
        "قوات",
        "الفصائل",
        "فصائل",
        "فصيل",
        "الفصيل",
        "الميليشيات",
        "ميليشيات",
        "الجيش",
    )
)


def _toll_victims(at: ArabicText, i: int, lo: int) -> str | None:
    """Who a toll counts, named right after its noun: "عدد الشهداء المدنيين" (civilians),
    "عدد قتلى المسلحين", "عدد قتلى التنظيم", "عدد قتلى هذه القوات" (fighters)."""
    m = _toll_match(at, i, lo)
    if m is None:
        return None
    j = m.j + (at.w(m.j) in _THIS)
    v = _victim_at(at, j, len(at.toks))
    if v is not None:
        return v[1]
    j += at.w(j) == "من"
    p = _PARTIES.first(at.toks, j)
    if (p is not None and p.value != "unknown") or at.w(j) in _FORCES:
        return "combatants"
    return None


_REACHES = frozenset(fold_key(w) for w in TOLL_REACHES + tuple("و" + v for v in TOLL_REACHES))
_RISES = frozenset(fold_key(w) for w in TOLL_RISES + tuple("و" + v for v in TOLL_RISES))
_WHO = {fold_key(w): cast(Outcome, o) for w, o in TOLL_WHO.items()}
_WHO_OPENER = frozenset(fold_key(w) for w in ("الذين", "اللذين", "ممن", "من"))


def _toll_ahead(at: ArabicText, i: int) -> Match[Outcome] | None:
    """The toll after a raised count (`i`): "إلى 13 (بينهم طفلان) عدد الشهداء" or "… عدد
    (المدنيين) الذين قضوا"."""
    stop = min(len(at.toks), i + 14)
    for k in range(i + 1, stop):
        w = at.w(k)
        if w in (".", ";", ":", "!", "?"):
            return None
        m = _TOLL.first(at.toks, k, stop)
        if m is not None and m.j - m.i > 1:
            return m
        if w in _TALLY:
            return _who_toll(at, k, stop)
    return None


def _plural_joined(at: ArabicText, k: int, stop: int) -> bool:
    """Whether a plural victim noun joined by "و" starts at `k`: "أطفال ونساء" is a list."""
    if not at.w(k).startswith("و"):
        return False
    m = _VICTIMS.first(at.toks, k, stop)
    return m is not None and m.value[1] == 0


def _past_aside(at: ArabicText, j: int, stop: int) -> int | None:
    """The token after a breakdown set between commas right after a count ("6 مدنيين، ثلاثة
    منهم أطفال، قتلوا"), where the count's outcome word may stand."""
    if at.w(j) != ",":
        return None
    for x in range(j + 1, min(stop, j + 9)):
        w = at.w(x)
        if w in (".", ";", ":", "!", "?"):
            return None
        if w == ",":
            inside = range(j + 1, x)
            return x + 1 if any(_SUB.first(at.toks, y, x) for y in inside) else None
    return None


def _victim_at(at: ArabicText, j: int, stop: int) -> tuple[int, str, int] | None:
    """(end, category, count of a bare noun) of the victim noun at `j`: "مدنيين",
    "من المدنيين", "من عناصر"."""
    v = _VICTIMS.first(at.toks, j, stop)
    if v is not None:
        end = v.j
        if (
            at.w(end - 1) in _SIBLINGS
            and at.w(end) in _CHILDREN_AFTER
            and not _plural_joined(at, end + 1, stop)
        ):
            return end + 1, "children", v.value[1]  # "ثلاثة أشقاء أطفال": the siblings are children
        if at.w(end) == "من" and v.value[0] == "combatants":
            p = _PARTIES.first(at.toks, end + 1, stop)
            if p is not None:
                end = p.j  # "4 عناصر من قسد و3 مدنيين": the next count joins after the party
        return end, v.value[0], v.value[1]
    if at.w(j) == "من":
        o = _OF.first(at.toks, j + 1, stop)
        if o is not None:
            return o.j, o.value, 0
        p = _PARTIES.first(at.toks, j + 1, stop)
        if p is not None and p.value != "unknown":
            return p.j, "combatants", 0  # "3 من قوات النظام", "5 من قسد"
    return None


_CHILDREN_AFTER = frozenset(fold_key(w) for w in ("أطفال", "أطفالا", "قاصرين"))
_SIBLINGS = frozenset(fold_key(w) for w in ("أشقاء", "إخوة", "أخوة", "شقيقات", "أخوات"))
_SIDES = {"civilians": "combatants", "combatants": "civilians"}
_AMONG = frozenset(fold_key(w) for w in ("بين", "من"))


def _mixed(at: ArabicText, j: int, stop: int, victims: str) -> int | None:
    """The end of a second, opposite victim noun that makes a count a mixed total: "12
    مدنياً وعسكرياً", "12 شخصاً بين مدنيين وعسكريين", "5 من العسكريين والمدنيين" (civilians
    and fighters together: the text does not say how many of each)."""
    first = victims
    if victims == "total" and at.w(j) in _AMONG:
        v = _VICTIMS.first(at.toks, j + 1, stop) or _OF.first(at.toks, j + 1, stop)
        if v is None:
            return None
        first = v.value[0] if isinstance(v.value, tuple) else v.value
        j = v.j
        if first not in _SIDES:
            return None
    other = _SIDES.get(first)
    if other is None or not at.w(j).startswith("و"):
        return None
    v = _VICTIMS.first(at.toks, j, stop) or _OF.first(at.toks, j, stop)
    if v is None or v.i != j or not v.clitic:
        return None
    kind = v.value[0] if isinstance(v.value, tuple) else v.value
    if kind != other or read_number(at, v.j, stop) is not None:
        return None
    if (
        isinstance(v.value, tuple)
        and v.value[1]
        and not (at.w(j).endswith("ا") and at.w(j - 1).endswith("ا"))
    ):
        return None  # "5 مدنيين وعسكري": a soldier beside the five, a count of its own
    return v.j


def _instrument(at: ArabicText, num: Number) -> bool:
    """Whether a number with no victim noun is behind "ب" (by, with): "مقتولين بعدة طلقات",
    "قتل بـ 3 رصاصات" count the shots, not the dead. "بضعة" is a number of its own."""
    word = at.w(num.i)
    if word.startswith("ب") and not word.startswith("بضع") and not word[:1].isdigit():
        return True
    return at.w(num.i - 1) == "ب" if num.i > 0 else False


def _joined(at: ArabicText, last_end: int, k: int, named: bool) -> bool:
    """Whether token `k` continues the count that ended at `last_end`: right after it, or after
    the name of the person it counted ("المواطن فلان (25 عاما) والطفلة …", a comma before the
    next: "المواطن فلان (40 عاما)، وطفلتاه …")."""
    if k == last_end:
        return True
    if not named or k <= last_end or k - last_end > 8:
        return False
    between = range(last_end, k - 1 if at.w(k - 1) == "," else k)
    return not any(at.w(x) in (",", ".", ";", ":") or _BEFORE.first(at.toks, x, k) for x in between)


def _own_outcome(at: ArabicText, j: int, stop: int, outcome: Outcome) -> bool:
    """Whether the noun joined by "و" that ends at `j` has a verb of another outcome after it
    ("قتل المواطن فلان، وطفل آخر أصيب بجروح": the child was wounded)."""
    k = j + 1 if at.w(j) in _OTHERS else j
    if at.w(k).startswith("و"):
        return False  # "استشهد رجل وطفل وإصابة 3": the next count's outcome
    m = _BEFORE.first(at.toks, k, stop) or _AFTER.first(at.toks, k, stop)
    return m is not None and m.clitic == 0 and m.value != outcome


def _in_ranks(at: ArabicText, j: int, stop: int) -> bool:
    """ "6 قتلى وأصيب 9 آخرون في صفوف قوات النظام": the dead were the party's fighters."""
    for k in range(j, min(stop, j + 8)):
        if at.w(k) in (".", ",", ";"):
            return False
        if at.w(k) in ("صفوف", "بصفوف"):
            return True
    return False


_THAT_THEY = frozenset(fold_key(w) for w in ("أنه", "أنها", "أنهما", "أنهم", "إنهم", "بأنهم"))


def _said_fighters(at: ArabicText, j: int, stop: int) -> bool:
    """ "مقتل شخصين يعتقد أنهما من عناصر داعش": people the text says (or believes) were
    fighters."""
    for k in range(j, min(stop, j + 6)):
        if at.w(k) in _STOPS:
            return False
        if at.w(k) in _THAT_THEY:
            v = _victim_at(at, k + 1, stop)
            return v is not None and v[1] == "combatants"
    return False


def _opener_before(at: ArabicText, k: int, lo: int) -> bool:
    """Whether "بينهم"/"منهم"/"من بينهم" ends right before token `k` (a comma or a colon may
    follow it: "وهم: 7 مدنيين")."""
    if at.w(k - 1) in (",", ":"):
        k -= 1
    return any(m.j == k for b in range(max(lo, k - 2), k) for m in _SUB.at(at.toks, b, k))


_FAMILY = frozenset(fold_key(w) for w in FAMILY_NOUNS)
_MADE_OF = frozenset(fold_key(w) for w in FAMILY_MADE_OF)
_WHOLE = frozenset(fold_key(w) for w in FAMILY_WHOLE)


def _family_start(at: ArabicText, i: int, lo: int) -> int | None:
    """The family noun whose size the count at `i` gives: "عائلة من 5 أفراد", "عائلة كاملة
    مكونة من سبعة أشخاص", "أسرة مؤلفة من ستة أشخاص"."""
    k = i - 1
    of = at.w(k) == "من"
    k -= of
    made = at.w(k) in _MADE_OF
    k -= made
    while k > lo and at.w(k) in _WHOLE:
        k -= 1
    if (of or made) and k >= lo and at.w(k) in _FAMILY:
        return k
    return None


_SUB_KINDS = frozenset({"children", "women", "men", "elderly"})
_APPOSE = frozenset({",", ":", "("})


def _apposed(at: ArabicText, k: int, last_end: int, heads: list[int], n_out: int) -> bool:
    """Whether token `k` opens, after a comma or a colon, a breakdown of the head count just
    before it: "سقط 4 شهداء، طفلان وامرأتان", "استشهد 3 مدنيين: طفلان وامرأة" (the caller
    checks the breakdown is by children, women, men or the elderly). A parenthesis opens one
    too: "قتل 6 مدنيين (امرأة وزوجها و4 من أطفالهما)"."""
    if not heads or heads[-1] != n_out - 1 or last_end < 0:
        return False
    if k == last_end + 1 and at.w(last_end) in _APPOSE:
        return True
    if k == 0 or k != last_end:
        return False
    between = at.text[at.span(k - 1, k)[1] : at.span(k, k + 1)[0]]
    return "(" in between


def _of_family(at: ArabicText, i: int, j: int) -> bool:
    """Whether tokens `[i, j)` say whose family the people are: "من عائلة واحدة"."""
    words = [at.w(x) for x in range(i, j)]
    return (
        len(words) in (2, 3)
        and words[0] == "من"
        and words[1] in _FAMILY
        and all(w in _WHOLE for w in words[2:])
    )


def _family_end(at: ArabicText, j: int, stop: int) -> int:
    """The end of "من عائلة واحدة" right after a count ending at token `j`, else `j`."""
    for n in (3, 2):
        if j + n <= stop and _of_family(at, j, j + n):
            return j + n
    return j


def _within(head: CountMention, n: int | None) -> bool:
    """Whether `n` people can be part of the count `head`."""
    return n is not None and head.range.min is not None and n <= head.range.min


def _outcome_before(
    at: ArabicText, i: int, lo: int, floor: int = -1
) -> tuple[Outcome | None, bool]:
    """The outcome word governing a count at `i` (searching back to `lo`), and whether the
    count is shared by two outcomes ("مقتل وإصابة 10"). A family's size is governed by the
    outcome word before the family ("استشهاد عائلة مؤلفة من ستة أشخاص"). An outcome word
    before `floor` is the previous count's ("مدني استشهد وأصيب 4"): it shares nothing."""
    toll = _toll_before(at, i, lo)
    if toll is not None:
        return toll, False
    family = _family_start(at, i, lo)
    if family is not None:
        i = family
    k, seen = i - 1, 0
    while k >= lo and seen < 4:
        w = at.w(k)
        if w in _STOPS or w[:1].isdigit() or _TAKEN.first(at.toks, k, k + 1) is not None:
            return None, False
        for start in range(max(lo, k - 2), k + 1):
            hits = [m for m in _BEFORE.at(at.toks, start, k + 1) if m.j == k + 1]
            hits += [m for m in _AFTER.at(at.toks, start, k + 1) if m.j == k + 1]
            if hits:
                outcome = hits[0].value
                # "مقتل وإصابة": the word before the outcome is another outcome
                prev = [m for m in _BEFORE.at(at.toks, start - 1, start) if m.j == start]
                if (
                    at.w(start).startswith("و")
                    and prev
                    and prev[0].value != outcome
                    and prev[0].i >= floor
                ):
                    return None, True
                return outcome, False
        if seen == 0 and len(w) > 6:
            # a line glued to the next one by a lost newline: "…السويديةاستشهد 8"
            glued = next((o for key, o in _GLUED if w.endswith(key)), None)
            if glued is not None:
                return glued, False
        if w not in _GAP and seen >= 2:
            return None, False
        k -= 1
        seen += 1
    return None, False


def find_counts(at: ArabicText, start: int, end: int) -> list[CountMention]:
    """Casualty counts in the original `text[start:end]`, with document offsets."""
    i0, i1 = at.tokens_in(start, end)
    out: list[CountMention] = []
    heads: list[int] = []  # indices in `out` of head counts
    last_end = -1
    last_outcome: Outcome | None = None
    last_sub: int | None = None
    last_named = False  # the last count was one named person: "المواطن فلان (25 عاما)"
    joined: set[int] = set()  # indices in `out` of head counts joined by "و" to the one before
    k = i0
    while k < i1:
        if (
            last_outcome is not None
            and at.w(k).startswith("و")
            and _joined(at, last_end, k, last_named)
        ):
            v = _VICTIMS.first(at.toks, k, i1)
            cardinal = _defined_cardinal(at, v.i, v.j) if v is not None else None
            if v is not None and cardinal is not None:
                # "استشهاد سيدة وأطفالها الثلاثة": the cardinal after the noun counts it
                v = Match(v.i, v.j + 1, (v.value[0], cardinal), v.clitic)
            if (
                v is not None
                and v.value[1] in (1, 2) + ((cardinal,) if cardinal else ())
                and (
                    cardinal is not None or read_number(at, v.j, i1) is None or _and_number(at, v.j)
                )
                and not _own_outcome(at, v.j, i1, last_outcome)
            ):
                # a coordinated singular or dual: "مقتل طفل وامرأة"
                n = v.value[1]
                a_, b_ = at.span(k + 0, v.j)
                a_ += 1 if at.text[a_] == "و" else 0
                prev = out[-1] if out else None
                if (
                    prev is not None
                    and (prev.outcome, prev.victims, prev.sub_of)
                    == (last_outcome, v.value[0], last_sub)
                    and prev.range.min is not None
                    and prev.range.max is not None
                ):
                    # "استشهاد الطفل فلان والطفلة فلانة": two of one group are one count of two
                    out[-1] = CountMention(
                        prev.start,
                        b_,
                        Range(prev.range.min + n, prev.range.max + n, at.text[prev.start : b_]),
                        prev.outcome,
                        prev.victims,
                        prev.sub_of,
                    )
                    last_named = at.w(k)[1:].startswith("ال")
                    last_end = k = v.j
                    continue
                out.append(
                    CountMention(
                        a_,
                        b_,
                        Range(n, n, at.text[a_:b_]),
                        last_outcome,
                        _category(v.value[0]),
                        last_sub,
                    )
                )
                if last_sub is None:
                    heads.append(len(out) - 1)
                    joined.add(len(out) - 1)
                last_named = at.w(k)[1:].startswith("ال")
                last_end = k = v.j
                continue
        apposed = _apposed(at, k, last_end, heads, len(out))
        if heads and (_opener_before(at, k, i0) or apposed):
            v = _VICTIMS.first(at.toks, k, i1)
            cardinal = _defined_cardinal(at, v.i, v.j) if v is not None else None
            if v is not None and cardinal is not None and not apposed:
                v = Match(v.i, v.j + 1, (v.value[0], cardinal), v.clitic)  # "بينهم أطفال أربعة"
            if (
                v is not None
                and (v.value[1] in (1, 2) or (cardinal is not None and not apposed))
                and read_number(at, v.j, i1) is None
                and (not apposed or (v.value[0] in _SUB_KINDS and _within(out[-1], v.value[1])))
            ):
                # a breakdown by a singular or dual noun: "بينهم طفلان", "منهم امرأة"
                n = v.value[1]
                a_, b_ = at.phrase_span(v)
                head = out[heads[-1]]
                out.append(
                    CountMention(
                        a_,
                        b_,
                        Range(n, n, at.text[a_:b_]),
                        head.outcome,
                        _category(v.value[0]),
                        heads[-1],
                    )
                )
                last_end, last_outcome, last_sub = v.j, head.outcome, heads[-1]
                k = v.j
                continue
        num = read_number(at, k, i1)
        single = None
        of_them = False
        if num is None:
            single = _singular(at, k, i1, i0)
            if single is None:
                k += 1
                continue
            num, noun_end, victims, found_outcome = single
            outcome: Outcome | None = found_outcome
            j = noun_end
            if not _BEFORE.at(at.toks, k, i1) and _after(at, j, i1) == outcome:
                # "مدني استشهد وأصيب 4 آخرون": the verb after the noun is this count's, not an
                # outcome shared with the next count
                j = _after_match(at, j, i1) or j
        else:
            j = num.j
            victims = "total"
            noun = _victim_at(at, j, i1)
            outcome = None
            opened = _SUB.first(at.toks, j, i1) if noun is None and heads else None
            if opened is not None:
                # "خمسة مدنيين، ثلاثة منهم أطفال": the figure, then "of them", then who they are
                noun = _victim_at(at, opened.j, i1)
                of_them = noun is not None and noun[1] in _SUB_KINDS
                noun = noun if of_them else None
            if noun is not None:
                j, victims, _ = noun
                if at.w(j) in _OTHERS:
                    j += 1  # "5 أطفال آخرين"
                mixed = _mixed(at, j, i1, victims)
                if mixed is not None:
                    j, victims = mixed, "total"
            elif (
                (
                    _after(at, j, i1) is None
                    and not _outcome_before(at, k, i0)[0]
                    and not (heads and _opener_before(at, k, i0))
                )
                or _instrument(at, num)
                or _THINGS.first(at.toks, j, i1) is not None
            ):
                k = max(k + 1, num.j)
                continue
            a = AFTER.first(at.toks, j, i1)
            if a is not None and num.max is not None:
                num = Number(num.i, a.j, num.min, None, num.vague)
                j = a.j
        if _JOINT.first(at.toks, j, i1) is not None:
            k = j
            continue
        after_at = j if _after(at, j, i1) is not None else None
        if after_at is None and outcome is None and single is None and victims != "total":
            aside = _past_aside(at, j, i1)
            if aside is not None:
                outcome = _after(at, aside, i1)  # "6 مدنيين، ثلاثة منهم أطفال، قتلوا"
        if after_at is None and (victims != "total" or num.j < j) and _after(at, num.j, i1):
            after_at = num.j
        if outcome is None and after_at is not None:
            outcome = _after(at, after_at, i1)
            j = max(j, _after_match(at, after_at, i1) or j)
            if (
                single is None
                and after_at == num.j
                and outcome == "killed"
                and at.w(num.i) in _ONE_OF
                and _outcome_before(at, num.i, i0)[0] is None
            ):
                k = max(k + 1, j)
                continue  # "أحد قتلى الغارات": one of the dead, counted where they all are
        sub_of: int | None = None
        opener = (
            (single is None and of_them)
            or _opener_before(at, num.i, i0)
            or (
                victims in _SUB_KINDS
                and outcome is None
                and _apposed(at, num.i, last_end, heads, len(out))
                and _within(out[-1], num.min)
            )
        )
        coordinated = last_end >= 0 and (
            num.i == last_end or (at.w(last_end) == "و" and num.i == last_end + 1)
        )
        shared = False
        if outcome is None:
            before, shared = _outcome_before(at, num.i, i0, last_end)
            outcome = before
        if opener and heads:
            sub_of = heads[-1]
            outcome = outcome or out[heads[-1]].outcome
        elif coordinated and last_outcome is not None and (outcome is None or single is not None):
            outcome = outcome or last_outcome
            sub_of = last_sub
        if outcome is None or shared:
            k = max(k + 1, j)
            continue
        if victims == "total" and single is None:
            victims = _toll_victims(at, num.i, i0) or victims
        if (victims in ("total", "civilians") and single is None and _in_ranks(at, j, i1)) or (
            victims == "total" and _said_fighters(at, j, i1)
        ):
            victims = "combatants"
        if outcome == "missing" and _lost_lives(at, j, i1):
            outcome = "killed"  # "فقدان 3 أطفال لحياتهم"
        elif outcome == "missing" and at.w(num.i - 1) in _LOST and _injured_next(at, j, i1):
            outcome = "killed"  # "فقد مسعفان وأصيب ممرض"
        elif outcome == "missing" and at.w(num.i - 1) in _LOST:
            k = max(k + 1, j)
            continue  # "فقد المواطن منزله": the verb "lost" names no missing person
        if (
            victims == "total"
            and at.w(j - 1) in _OTHERS
            and heads
            and out[heads[-1]].victims in ("combatants", "civilians")
        ):
            victims = out[heads[-1]].victims  # "قتل 3 عناصر وجرح اثنان آخرون": fighters too
        a_, b_ = at.span(num.i, j)
        if at.text[a_] == "و" and fold_key("واحد") not in at.w(num.i):
            a_ += 1  # "وثلاثة مدنيين": the conjunction is not part of the count
        out.append(
            CountMention(
                a_,
                b_,
                Range(num.min, num.max, at.text[a_:b_]),
                outcome,
                _category(victims),
                sub_of,
            )
        )
        if sub_of is None:
            heads.append(len(out) - 1)
            if (
                coordinated
                and outcome == last_outcome
                and last_sub is None
                and (at.w(last_end) == "و" or at.text[at.span(num.i, j)[0]] == "و")
            ):
                joined.add(len(out) - 1)
        if sub_of is None:
            j = _family_end(at, j, i1)  # "7 مدنيين من أسرة واحدة (امرأة وزوجها …)"
        last_end, last_outcome, last_sub = j, outcome, sub_of
        last_named = single is not None and num.max == 1 and at.w(num.i).startswith("ال")
        k = max(k + 1, j)
    return _said_civilians(at, _lost_with_injured(at, _group_list(at, out, joined)))


# "مدني", "مدنيين", "المدنيين", "مدنيون", "مدنيان", "مدنية": the word itself
_CIVILIAN_WORD = re.compile(r"مدني")
# "بينهم", "منهم", "من بينهم": some of the toll, not a list of all of it ("وهم: 6 مدنيين و2 …")
_SOME_OF_THEM = re.compile(r"(?:بينهم|منهم|بينها|منها)\s*[:،,]?\s*$")


def _said_civilians(at: ArabicText, counts: list[CountMention]) -> list[CountMention]:
    """Mark the breakdowns of some of a toll that the text calls civilians in that word
    ("مقتل 15 شخصاً بينهم 7 مدنيين"), as the English reader does
    (`CountMention.said_civilians`): the others of the toll are then not presumed civilians."""
    return [
        replace(c, said_civilians=True)
        if c.victims == "civilians"
        and c.sub_of is not None
        and _CIVILIAN_WORD.search(at.text, c.start, c.end)
        and _SOME_OF_THEM.search(at.text, max(0, c.start - 12), c.start)
        else c
        for c in counts
    ]


_LOSS = re.compile(r"(?:^|[\s،,:(])[وف]?(?:ب|ل)?(?:فقدان|فقد|فقدت|فقدوا)\s+$")


def _lost_with_injured(at: ArabicText, counts: list[CountMention]) -> list[CountMention]:
    """ "فقدان 5 مدنيين وإصابة 40 آخرين": a loss told beside the injured is of lives, as Kurdish
    and Syrian media write it, not people gone missing."""
    if not any(c.outcome == "injured" for c in counts):
        return counts
    return [
        replace(c, outcome="killed")
        if c.outcome == "missing" and _LOSS.search(at.text, max(0, c.start - 40), c.start)
        else c
        for c in counts
    ]


# Victim kinds that one list may add up: people the text does not count as fighters.
_LIST_KINDS = frozenset({"civilians", "children", "women", "men", "elderly", "total"})


def _group_list(at: ArabicText, out: list[CountMention], joined: set[int]) -> list[CountMention]:
    """Add up one list of head counts joined by "و" under one outcome: "استشهد مدنيان وطفل"
    is three people, "مقتل رجل وابنه" two, "إصابة 4 نساء و3 أطفال" seven. The sum becomes a
    head count of civilians marked `listed`, placed before the list; the listed counts become
    its breakdown. Only a list with a general word ("مدنيان", "5 أشخاص", "ابنه") is added
    here: groups alone ("4 أطفال وامرأة ورجل") the tally adds itself. A vague count ("وعدد
    من الجرحى") is never added, nor a noun in apposition ("طفلين شقيقين": the same two
    children). Fighters are never added in ("مقتل 4 عناصر و3 مدنيين": the tally keeps them
    apart), nor is a breakdown ("بينهم طفلان وامرأة")."""
    runs: list[list[int]] = []
    for k, m in enumerate(out):
        if m.sub_of is not None:
            continue
        if (
            k in joined
            and runs
            and out[runs[-1][0]].outcome == m.outcome
            and m.victims in _LIST_KINDS
            and all(out[x].victims in _LIST_KINDS for x in runs[-1])
        ):
            runs[-1].append(k)
        else:
            runs.append([k])
    runs = [
        r
        for r in runs
        if len(r) > 1
        and all(not out[x].named and out[x].range.max is not None for x in r)
        and any(out[x].victims in ("civilians", "total") for x in r)
    ]
    if not runs:
        return out
    firsts = {r[0]: r for r in runs}
    new: list[CountMention] = []
    where: dict[int, int] = {}
    head_of: dict[int, int] = {}
    for k, m in enumerate(out):
        run = firsts.get(k)
        if run is not None:
            parts = [out[x].range for x in run]
            lo = sum(p.min or 0 for p in parts)
            his = [p.max for p in parts]
            hi = sum(h for h in his if h is not None) if None not in his else None
            last = out[run[-1]]
            new.append(
                CountMention(
                    m.start,
                    last.end,
                    Range(lo, hi, at.text[m.start : last.end]),
                    m.outcome,
                    "civilians",
                    None,
                    listed=True,
                )
            )
            for x in run:
                head_of[x] = len(new) - 1
        where[k] = len(new)
        new.append(m)
    return _reindex(out, new, where, head_of)


def _reindex(
    out: list[CountMention],
    new: list[CountMention],
    where: dict[int, int],
    head_of: dict[int, int],
) -> list[CountMention]:
    """`new` with every old mention's `sub_of` pointing at its new place."""
    result = list(new)
    for k, m in enumerate(out):
        if k in head_of:
            sub: int | None = head_of[k]
        else:
            sub = where[m.sub_of] if m.sub_of is not None else None
        result[where[k]] = replace(m, sub_of=sub)
    return result


def _category(victims: str) -> Victims:
    return cast(Victims, victims)


def _who_was(at: ArabicText, k: int, stop: int) -> tuple[Number, int, str, Outcome] | None:
    """A singular victim noun and a relative clause that says what happened to them:
    "المدني الذي استشهد أمس" (1 killed), "الطفلة التي أصيبت" (1 injured)."""
    v = _VICTIMS.first(at.toks, k, stop)
    if v is None or v.value[1] != 1 or at.w(v.j) not in ("الذي", "التي") or v.j + 1 >= stop:
        return None
    outcome = _AFTER.first(at.toks, v.j + 1, stop) or _BEFORE.first(at.toks, v.j + 1, stop)
    if outcome is None or outcome.i != v.j + 1:
        return None
    return Number(k, v.j, 1, 1), v.j, v.value[0], outcome.value


def _dual_alone(
    at: ArabicText, k: int, stop: int, lo: int
) -> tuple[Number, int, str, Outcome] | None:
    """A dual that counts by itself: an outcome noun ("قتيلان و3 جرحى", "اسما الشهيدين") or a
    victim noun with its verb after it ("طفلان قتلا", "شقيقين قُتلا")."""
    d = _DUALS.first(at.toks, k, stop)
    if d is not None:
        return Number(k, d.j, 2, 2), d.j, "total", d.value
    p = _PRONOUNS.first(at.toks, k, stop)
    if p is not None:
        return Number(k, p.j, p.value, p.value), p.j, "total", "killed"
    v = _VICTIMS.first(at.toks, k, stop)
    if v is None or v.value[1] not in (1, 2):
        return None
    opens = (k == lo or at.w(k - 1) in _STOPS or at.w(k - 1) in _OPENS) and not at.w(k).startswith(
        "ال"
    )
    occurred = at.w(k) in _ALONE and k > lo and at.w(k - 1) in _OCCURRED  # "وقوع قتيل"
    if v.value[1] == 1 and not (opens or occurred):
        return None  # a singular counts by itself only opening its clause: "طفل استشهد اليوم"
    outcome = _after(at, v.j, stop)
    end = v.j
    if outcome is None and v.value[1] == 2 and at.w(k).startswith("ال"):
        if at.w(v.j) in _DEAD_TWO:
            outcome, end = "killed", v.j + 1  # "الطفلان الشهيدان"
        else:
            outcome = _after_names(at, v.j - 1, stop)  # "الطفلتان جنى وحلا استشهدتا"
    if outcome is None and v.value[1] == 1 and at.w(k) in _ALONE:
        outcome = _ALONE[at.w(k)]  # "شهيد وعدة جرحى بقصف …"
    if outcome is None:
        return None
    return Number(k, end, v.value[1], v.value[1]), end, v.value[0], outcome


def _after_names(at: ArabicText, j: int, stop: int) -> Outcome | None:
    """The dual verb after the names of two people a defined dual introduces: "الطفلتان جنى
    وحلا استشهدتا", "الشقيقان أحمد ومحمد قتلا" (at most ten words of names and commas between)."""
    for x in range(j + 1, min(stop, j + 11)):
        w = at.w(x)
        if w in _STOPS and w != ",":
            return None
        if w[:1].isdigit():
            return None
        if w in _DUAL_VERBS:
            return _DUAL_VERBS[w]
        if w in _WHO_TWO:
            # "الطفلان يزن ومصطفى، اللذان قتلا": the relative clause says it
            m = _AFTER.first(at.toks, x + 1, stop)
            if m is not None and m.i == x + 1:
                return m.value
    return None


# Relative pronouns of a dual ("اللذان", "اللتين") and the dual adjectives of the dead that
# follow a defined dual ("الطفلان الشهيدان").
_WHO_TWO = frozenset(fold_key(w) for w in ("اللذان", "اللذين", "اللتان", "اللتين"))
_DEAD_TWO = frozenset(fold_key(w) for w in ("الشهيدان", "الشهيدين", "القتيلان", "القتيلين"))


# What may stand before a clause's subject: a hashtag's mark, a bar, "إن" / "أن" of reported
# speech ("قال المراسل إن مدنياً قتل").
_OPENS = frozenset(("#", "|", "/", *(fold_key(w) for w in ("إن", "أن", "بأن", "وإن", "وأن"))))
# Nouns of occurrence before a toll noun in the singular: "أدت إلى وقوع قتيل" (one dead). Not
# outcome words themselves: "وقوع إصابات" and "وقوع ضحايا" count no one.
_OCCURRED = frozenset(fold_key(w) for w in ("وقوع", "ووقوع", "بوقوع", "لوقوع"))
_CARDINALS = {fold_key(k): v for k, v in {**UNITS, **TEN}.items() if v >= 3}


def _defined_cardinal(at: ArabicText, i: int, j: int) -> int | None:
    """The count of a defined or possessed plural at tokens `[i, j)` given by the cardinal
    after it, which takes the article as an adjective does: "الأطفال الثلاثة", "أطفالها
    الأربعة" (3 and 4)."""
    noun, w = at.w(i), at.w(j)
    if j - i != 1:
        return None
    if not w.startswith("ال"):
        # a listed indefinite plural and its cardinal: "بينهم أطفال أربعة ونساء ثلاث"
        bare = noun[1:] if noun.startswith("و") else noun
        if bare.startswith("ال") or w.startswith("و"):
            return None
        return _CARDINALS.get(w)
    if not (noun.startswith("ال") or noun.endswith(("ه", "ها", "هم", "هما"))):
        return None
    return _CARDINALS.get(w[2:])


# The day of a verb told between it and its subject: "قتل اليوم مدنيان", "استشهد فجر أمس
# طفل", "أصيب صباح اليوم الأحد، طفلان".
_WHEN = frozenset(
    fold_key(w)
    for w in (*DAY_WORDS, *DAY_PARTS, *WEEKDAYS, "الماضي", "الماضية", "الفائت")
    if " " not in w
)


def _past_when(at: ArabicText, j: int, stop: int) -> int:
    """The first token at or after `j` past at most four words of a day (and a comma)."""
    k = j
    while k < min(stop, j + 5) and (at.w(k) in _WHEN or (k > j and at.w(k) == ",")):
        k += 1
    return k


_ONE = fold_key("واحد")
_OF_THEM = frozenset(fold_key(w) for w in ("منهم", "منهما", "منهن"))
_ONE_OF = frozenset(fold_key(w) for w in ("أحد", "إحدى", "وأحد", "وإحدى"))


def _and_number(at: ArabicText, j: int) -> bool:
    """Whether the number at token `j` is joined by "و" as a count of its own ("رجل وزوجته
    وثلاثة من أطفالهما", "مواطن واثنان من أبنائه"), not the number of the noun before it."""
    w = at.w(j)
    return w.startswith("و") and not w.startswith(_ONE)


def _bare_plural(at: ArabicText, k: int, i: int, j: int, lo: int) -> bool:
    """Whether the victim noun at tokens `[i, j)`, right after the outcome word at `k`, is an
    indefinite noun in "-ين" with no number: "مقتل مدنيين", "استشهاد نازحين" (a dual or a
    plural, so at least two). Not when the outcome word is joined by "و" to another one
    ("مقتل وإصابة مدنيين": the two cannot be split), nor a defined noun ("مقتل المدنيين")."""
    word = at.w(i)
    if j - i != 1 or word.startswith("ال") or not word.endswith("ين") or word in _OTHERS:
        return False  # "وإصابة آخرين": the others of a count told before, not a count
    if at.w(j)[:1].isdigit():
        return False  # a figure follows: the noun is not the count
    return not (at.w(k).startswith("و") and _joint_before(at, k, lo))


def _joint_before(at: ArabicText, k: int, lo: int) -> bool:
    """Whether another outcome word ends right before token `k`: "مقتل وإصابة"."""
    return any(m.j == k for b in range(max(lo, k - 2), k) for m in _BEFORE.at(at.toks, b, k))


def _singular(
    at: ArabicText, k: int, stop: int, lo: int
) -> tuple[Number, int, str, Outcome] | None:
    """An outcome word with a singular or dual victim noun as its count: "مقتل مدني" (1),
    "إصابة طفلين" (2), "مقتل مدنيين اثنين" (2), "مقتل طفل وامرأة" (two counts of 1)."""
    found = _BEFORE.at(at.toks, k, stop)
    if not found:
        return _who_was(at, k, stop) or _dual_alone(at, k, stop, lo)
    j = found[0].j
    if at.w(j) == "#" and at.w(k - 1) == "#":
        j += 1  # hashtags word by word: "#وفاة #طفلين"
    if at.w(j) in _OF_THEM and j > found[0].i:
        j += 1  # "استهدفت ثلاثة رعاة، قتل منهم شاب": one of the people told before
    j = _past_when(at, j, stop)
    v = _VICTIMS.first(at.toks, j, stop)
    if v is None:
        return None
    category, n = v.value
    after = read_number(at, v.j, stop)
    if (
        after is not None
        and not _and_number(at, v.j)
        and not after.vague
        and after.i == v.j
        and (after.min in (1, 2) or (n == 0 and not at.w(v.j)[:1].isdigit()))
    ):
        # "مدنيين اثنين", "مدنيين ثلاثة": the number word after the noun counts it
        return Number(j, after.j, after.min, after.max), after.j, category, found[0].value
    if n == 0:
        cardinal = _defined_cardinal(at, v.i, v.j)
        if cardinal is not None:
            return Number(j, v.j + 1, cardinal, cardinal), v.j + 1, category, found[0].value
        if at.w(v.j) in ("هما", "وهما") or (at.w(v.j) == "," and at.w(v.j + 1) in ("هما", "وهما")):
            return Number(j, v.j, 2, 2), v.j, category, found[0].value  # "استشهاد مدنيين، وهما"
        a, b = at.span(v.i, v.j)
        if _DUAL_MARKED.search(at.text, a, b):
            return Number(j, v.j, 2, 2), v.j, category, found[0].value  # "مواطنَيْن": voweled dual
        if found[0].value in ("killed", "injured") and _bare_plural(at, k, v.i, v.j, lo):
            # "مقتل مدنيين": the oblique ending is a dual's or a plural's, so at least two
            return Number(j, v.j, 2, None), v.j, category, found[0].value
        return None
    if at.w(j).startswith("ال") and n == 1 and (v.j >= stop or at.w(v.j) in _STOPS):
        return None  # "مقتل الطفلة": someone the text has spoken of, not a count
    if category == "combatants" and at.w(v.j) == "من":
        p = _PARTIES.first(at.toks, v.j + 1, stop)
        if p is not None:
            # "مقتل جنديين من قوات النظام و5 مدنيين": the next count joins after the party
            return Number(j, p.j, n, n), p.j, category, found[0].value
    if category == "total" and n == 2 and v.j < stop:
        kids = _VICTIMS.first(at.toks, v.j, stop)
        if kids is not None and kids.i == v.j and kids.value == ("children", 2) and not kids.clitic:
            # "مقتل شقيقين طفلين": the two siblings are children
            return Number(j, kids.j, 2, 2), kids.j, "children", found[0].value
    return Number(j, v.j, n, n), v.j, category, found[0].value
