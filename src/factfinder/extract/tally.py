"""Combining the casualty counts of one incident without double counting.

`combine(mentions)` reduces the `CountMention`s that `factfinder.extract.casualties` found
for one incident to (killed, injured, missing); its docstring states the rules.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from factfinder.arabic import fold_key, has_arabic
from factfinder.extract.arabic.lexicon import VAGUE as ARABIC_VAGUE
from factfinder.extract.numbers import VAGUE_MINIMUMS
from factfinder.mentions import CountMention, Victims
from factfinder.model import Casualties, Range

_ARABIC_VAGUE = tuple(fold_key(w) for w in ARABIC_VAGUE)
# Any of the vague quantities as a whole word (one pattern: it is asked of every count).
_AS_MANY_AS = re.compile(r"\bas\s+many\s+as\b")
_VAGUE_WORD = re.compile(r"\b(?:" + "|".join(re.escape(v) for v in VAGUE_MINIMUMS) + r")\b")


def is_vague(r: Range) -> bool:
    """Whether a range comes from a vague quantity ("dozens", "several hundred")."""
    words = " ".join(r.text.lower().split())  # ("a “number” of": quotes left as spaces)
    if words == "others":
        return True  # "and others were injured": a plural, at least two
    # "as many as 33" is a ceiling with its figure, not the vague "many"
    return _VAGUE_WORD.search(_AS_MANY_AS.sub(" ", words)) is not None


def is_vague_arabic(r: Range) -> bool:
    """Whether an Arabic figure comes from a vague quantity ("عدد من الشهداء", "عشرات
    القتلى", "عددا من"): the Arabic reader's table. Such a figure gives way to a precise one
    of the same people; unlike a vague English one, it still makes its sentence a report."""
    if not has_arabic(r.text):
        return False
    # (an accusative's alif off: "عددا من")
    words = (w[:-1] if len(w) > 3 and w.endswith("ا") else w for w in fold_key(r.text).split())
    key = " " + " ".join(words) + " "
    if r.min == 2 and r.max is None and key.strip().endswith("ين") and " " not in key.strip():
        return True  # a bare plural ("مقتل مدنيين"): at least two, as "others" in English
    return any(f" {v} " in key for v in _ARABIC_VAGUE)


def _pick(candidates: Sequence[CountMention]) -> Range | None:
    """One figure for one category: precise beats vague, non-zero beats zero, a figure with a
    floor near a bare ceiling beats the ceiling ("Civilians reported killed: 25–33" over "up
    to 33"; not one child named against "up to six children"), a larger figure beats an open
    sum of a list ("a man and his family" under "a man, his wife and their two children"), then
    the last figure a toll rose to (an update), else the first."""
    if not candidates:
        return None
    floors = [m.range.min for m in candidates if m.range.min]

    def rank(m: CountMention) -> tuple[int, int, int, int]:
        r = m.range
        return (
            is_vague(r) or is_vague_arabic(r),
            r.min == 0 and r.max == 0,
            r.min is None and r.max is not None and any(r.max / 2 <= f <= r.max for f in floors),
            # an open sum ("a man and his family": 2 or more) under a list that names them all
            m.listed and r.max is None and any(f > (r.min or 0) for f in floors),
        )

    best = min(candidates, key=rank)
    updates = [m for m in candidates if m.update and rank(m) == rank(best)]
    return updates[-1].range if updates else best.range


def _sum(parts: Sequence[Range]) -> Range | None:
    if not parts:
        return None
    if len(parts) == 1:
        return parts[0]
    lo = sum(p.min or 0 for p in parts)
    his = [p.max for p in parts]
    hi = sum(h for h in his if h is not None) if all(h is not None for h in his) else None
    return Range(lo, hi, " + ".join(p.text for p in parts))


def _larger(a: Range | None, b: Range | None) -> Range | None:
    if a is None or b is None:
        return a or b
    return b if (b.min or 0) > (a.min or 0) else a


_HONORIFICS = frozenset({"dr", "mr", "mrs", "ms", "sheikh", "hajj", "haji", "hajja"})


def name_tokens(name: str) -> tuple[str, ...]:
    """The words of a person's name for comparing names: lower case, without honorifics or
    an "al-"/"el-" prefix ("Dr. Ahmed Al-Tawil" → ("ahmed", "tawil"))."""
    words = [fold_key(w.strip(".,")).lower() for w in name.split()]
    words = [w for w in words if w and w not in _HONORIFICS]
    return tuple(re.sub(r"^(?:al|el)-", "", w) for w in words)


def _bare_article(word: str) -> str:
    return word[2:] if word.startswith("ال") and len(word) > 4 else word


def same_person(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether two names may be one person: the same first name, or one name of one word that
    is a word of the other ("Omar" and "Omar Nouri", "Al-Tawil" and "Ahmed Al-Tawil").

    Arabic names of two words or more must share their first two (a given name and the
    father's): lists of the dead often hold several people named محمد."""
    if not a or not b:
        return True
    if len(a) >= 2 and len(b) >= 2 and has_arabic(a[0]) and has_arabic(b[0]):
        # the father's name with or without the article: "محمود هليل" / "محمود الهليل"
        return a[0] == b[0] and _bare_article(a[1]) == _bare_article(b[1])
    return a[0] == b[0] or (len(a) == 1 and a[0] in b) or (len(b) == 1 and b[0] in a)


def _named(named: Sequence[CountMention], victims: set[str]) -> Range | None:
    """How many different people of `victims` the text names (each person once)."""
    people: list[tuple[tuple[str, ...], str]] = []
    for m in named:
        if m.victims not in victims:
            continue
        key = name_tokens(m.range.text)
        if key and not any(same_person(key, k) for k, _ in people):
            people.append((key, m.range.text))
    if not people:
        return None
    return Range(len(people), None, "named: " + ", ".join(n for _, n in people))


def _floor(r: Range | None, parts: Sequence[Range | None]) -> Range | None:
    """A ceiling without a floor ("up to 10") takes as floor the people it is known to hold:
    its breakdowns by group ("including five children and three women" → 8 .. 10)."""
    if r is None or r.min is not None or r.max is None:
        return r
    known = _sum([p for p in parts if p is not None and p.min is not None])
    if known is None or known.min is None or known.min > r.max:
        return r
    return Range(known.min, r.max, r.text)


def _casualties(mentions: Sequence[CountMention], people_as_civilians: bool = False) -> Casualties:
    later = [m for m in mentions if m.later]
    toll = [m for m in mentions if not m.later]
    if not toll:
        toll, later = [replace(m, later=False) for m in later], []
    found = _counted(toll, people_as_civilians)
    groups = [found.children, found.women, found.men]
    found = replace(
        found,
        total=_floor(found.total, groups),
        civilians=_floor(found.civilians, groups),
    )
    for m in later:
        found = _add_later(found, m)
    return found


def _add_later(found: Casualties, m: CountMention) -> Casualties:
    """The toll with a death told after it added ("Another died of his wounds"): to the
    total, to the category the later death names, and to the toll's own category when it
    names none (the others of three civilians are civilians)."""
    if found.total is None and found.civilians is None and found.combatants is None:
        return found
    kinds: set[str] = {"total"}
    if m.victims in ("children", "women", "men"):
        kinds |= {m.victims, "civilians"}
    elif m.victims in ("civilians", "combatants"):
        kinds.add(m.victims)
    else:  # "another": one more of whom the toll counts
        kinds |= {
            k
            for k in ("civilians", "combatants")
            if (r := getattr(found, k)) is not None and found.total is not None and r == found.total
        }
    changes = {
        k: _plus(getattr(found, k), m.range)
        for k in kinds
        if getattr(found, k) is not None or k == m.victims
    }
    return replace(found, **changes)


def _plus(r: Range | None, n: Range) -> Range:
    if r is None:
        return n
    top = r.max + n.max if r.max is not None and n.max is not None else None
    return Range((r.min or 0) + (n.min or 0), top, f"{r.text} + {n.text}")


def _counted(mentions: Sequence[CountMention], people_as_civilians: bool = False) -> Casualties:
    named = [m for m in mentions if m.named]
    found = _stated([m for m in mentions if not m.named], people_as_civilians)
    if not named:
        return found
    everyone = _named(named, {"total", "children", "combatants"})
    fighters = _named(named, {"combatants"})
    others = _named(named, {"total", "children"})
    civilians = found.civilians
    if civilians is not None or (people_as_civilians and found.combatants is None):
        civilians = _fill(civilians, others)
    total = _fill(found.total, everyone)
    stated = [m for m in mentions if not m.named and m.sub_of is None]
    if (
        stated
        and everyone is not None
        and found.total is not None
        and all(m.beside for m in stated)
    ):
        # "paramedic Ahmad Salem was killed along with two others": the named and the others
        total = _plus(everyone, found.total)
        if civilians is not None and civilians == found.total and fighters is None:
            civilians = total
    return Casualties(
        total=total,
        civilians=civilians,
        children=_fill(found.children, _named(named, {"children"})),
        women=found.women,
        men=found.men,
        combatants=_fill(found.combatants, fighters),
    )


def _fill(stated: Range | None, named: Range | None) -> Range | None:
    """The people named fill in a figure the text does not give, or raise a floor ("at least
    two") they exceed, or give a floor to a ceiling ("up to 5") they do not pass; a figure the
    text states exactly stands."""
    if stated is None or named is None:
        return stated or named
    if stated.max is None and (named.min or 0) > (stated.min or 0):
        return named
    if stated.min is None and stated.max is not None and (named.min or 0) <= stated.max:
        return Range(named.min, stated.max, stated.text)
    return stated


def _stated(mentions: Sequence[CountMention], people_as_civilians: bool = False) -> Casualties:
    # "… killing four militants. Three of the dead were farmers": a breakdown of the toll told
    # before, not more dead; it stands for a toll only where the incident states none.
    parts_are_heads = not any(m.sub_of is None and not m.part for m in mentions)

    def is_head(m: CountMention) -> bool:
        return m.sub_of is None and (parts_are_heads or not m.part)

    chosen: dict[Victims, Range | None] = {}
    heads: dict[Victims, Range | None] = {}
    for victims in ("total", "civilians", "children", "women", "men", "elderly", "combatants"):
        chosen[victims] = _pick([m for m in mentions if m.victims == victims and not m.beside])
        heads[victims] = _pick(
            [m for m in mentions if m.victims == victims and is_head(m) and not m.beside]
        )
    # "killing 13 soldiers and at least 60 people": the people are others than the soldiers
    beside = _pick([m for m in mentions if m.beside and is_head(m)])
    civilians = chosen["civilians"]
    protected = [r for v in ("children", "women", "elderly") if (r := heads[v]) is not None]
    men = heads["men"]
    men_counted = False
    if protected and heads["civilians"] is None:
        # A civilian breakdown ("four of them brothers") is never more than the groups it
        # breaks down ("five children").
        civilians = _larger(civilians, _sum(protected + ([men] if men is not None else [])))
        men_counted = men is not None
    # Only a civilian *head* count (or one derived from head counts) adds to the total; a
    # civilian breakdown ("including a doctor") is already inside another count.
    civilian_part = civilians if (heads["civilians"] is not None or protected) else None
    disjoint = [
        r
        for r in (civilian_part, heads["combatants"], None if men_counted else men, beside)
        if r is not None
    ]
    # "no civilian casualties" says nothing of the total: a zero part is no total of zero.
    disjoint = [r for r in disjoint if r.max != 0]
    total = _larger(chosen["total"], _sum(disjoint))
    stated = [
        m for m in mentions if m.victims == "civilians" and (is_head(m) or m.part) and not m.listed
    ]
    listed = [m for m in mentions if m.victims == "civilians" and is_head(m) and m.listed]
    if listed and stated and civilians is not None and civilians.text == listed[0].range.text:
        # The list told first is the figure; civilian counts inside it told later ("four
        # staff" of "five children and four medical staff") state no other civilian toll.
        top = max(m.range.min or 0 for m in listed)
        stated = [m for m in stated if (m.range.min or 0) > top]
    # "15 people, including 7 civilians": the text says which of them were civilians, so the
    # others are not presumed to be
    civilians_told = any(m.said_civilians and m.sub_of is not None for m in mentions)
    if (
        people_as_civilians
        and not stated
        and not civilians_told
        and chosen["combatants"] is None
        and total is not None
        and (civilians is None or (civilians.min or 0) < (total.min or 0))
    ):
        civilians = total
    return Casualties(
        total=total,
        civilians=civilians,
        children=chosen["children"],
        women=chosen["women"],
        men=chosen["men"],
        combatants=chosen["combatants"],
    )


def combine(
    mentions: Sequence[CountMention], *, people_as_civilians: bool = False
) -> tuple[Casualties, Casualties, Range | None]:
    """(killed, injured, missing) of one incident from its mentions, without double counting.

    Rules, per outcome:

    1. One figure per victim category: several mentions of a category are several statements
       of one figure (a headline and its lede; an update), never added up. A precise figure
       beats a vague one ("dozens"), a non-zero one beats "no one was killed", and otherwise
       the first in text order wins.
       A figure the toll rose to (`update`: "the toll rose to 7", "ارتفعت الحصيلة إلى 7")
       replaces the earlier statements: the last update wins over the first in text order.
    2. `civilians` is what the text calls civilians (and its synonyms). When the text gives no
       civilian count but counts children, women or the elderly as head counts, `civilians` is
       their sum (with men counted alongside them): these are protected groups the text
       distinguishes from fighters, and the groups do not overlap.
    3. `total` is at least the sum of disjoint head counts (civilians, combatants, men not
       already counted): "12 fighters and 7 civilians were killed" gives total 19, and an
       explicit total that is smaller than that sum is raised to it. Breakdowns (`sub_of`
       set: "including 14 children") never add to the total, nor do breakdowns told in a
       sentence of their own (`part`: "Three of the dead were farmers") where another count
       gives the toll; a zero for one group ("no civilian casualties") gives no total.
    4. Sums keep open ends open: the maximum is known only when every part's maximum is.

    5. Only with `people_as_civilians=True`: when the text counts no combatants and gives no
       civilian head count, the total ("16 people") is read as civilians, and so replaces a
       smaller civilian breakdown ("two medics were among 31 people killed" → 31). This is
       the reading of crowd coders and casualty monitors such as the VDC (FA-KES labels "16
       people killed" as 16 civilians); it is off by default because the text does not say
       civilians, and CLAIMS.md keeps what the text says.

    6. People named one by one (`named` mentions) count once per name; they fill in a figure
       the other mentions do not give, or raise a floor they exceed ("at least two" and three
       named), never an exact figure. Named children fill `children`, named fighters
       `combatants`, the others `civilians` (when the claim has civilians or presumes them).

    A `listed` head count (the sum of a list: "a man, his wife and their three children") is
    not a civilian count the text states, so rule 5 may still replace it by the total.

    `elderly` has no field in the claim format; it only feeds rule 2. `missing` is the first
    precise missing count (vague only when there is nothing else).
    """
    killed = _casualties([m for m in mentions if m.outcome == "killed"], people_as_civilians)
    injured = _casualties([m for m in mentions if m.outcome == "injured"], people_as_civilians)
    missing = _pick([m for m in mentions if m.outcome == "missing"])
    return killed, injured, missing
