"""Casualty counts: how many were killed, injured or went missing, and who they were.

`find_casualties(text, start, end)` reads `text[start:end]` (usually one sentence) and returns
a `CountMention` for every count of people harmed that it can tie to an outcome:

* after the count: "16 people were killed", "25 civilians killed 80 injured", "10 dead",
  "40 Syrians die", "1500 people have fallen victims", "5 went missing";
* before it: "killing 16", "killed 13 and injured 20", "claimed the lives of at least 26",
  "the bodies of more than 4,000 people", "the remains of 2,500", "massacre of 20",
  "executed three officers", "the death toll rose to 70", "the number of dead reached 40";
* with fighters only, the verbs state media and armies use for them: "destroyed over 60
  terrorists", "eliminated 75 militants", "50 terrorists were neutralized" ("destroyed 18
  trucks" and "destroying 5" count nothing);
* by coordination: "12 fighters and 7 civilians were killed", "killing 5 soldiers and 3 women";
* as a breakdown (`sub_of` points at the head count): "including 14 children", "among them 5
  women", "30 of them children", "109 of the dead were evacuees", "68 children were among the
  126 people killed"; a breakdown with no head count in the range keeps `sub_of=None`.

* as a list: the items of a breakdown list all belong to it ("including five children and
  four women, were killed"; a second "and" after a comma closes it: "…and 4 women, and 12
  fighters"); listed groups of civilians, or of fighters, become one head count marked
  `listed` ("a man, his wife and their three children" → 5 civilians, with the man, the wife
  and the children as its breakdown), never a general word with a group it may contain ("15
  civilians and 3 children"); "his son and 20 other fighters" makes the son a fighter;
* as people named one by one (`named_victims`): "6-year-old Sara Haddad", "Omar Khalil
  (12)", "Ahmad Saleh, 55,", "journalist Rami Saleh", "the deaths of A, B and C", each a
  mention of one (`named`), with the outcome the nearest words in the clause give.

Ages are never counts ("aged 3 to 12", "a boy (12)", "Ahmad Saleh, 55,"), and an age under
18 makes a child. Counts that the text gives for killed *and* injured together ("19 killed and injured",
"dozens of casualties") are left out: they cannot be split. A count of things that are not
people ("two separate letters", "30 airstrikes") is left out because no victim noun follows.
"No one was killed" gives a zero count; silence gives nothing.

Victim categories follow the words of the text (`factfinder.extract.victims` has the nouns):
civilians and their unambiguous synonyms, children, women, men, elderly, combatants, and
"total" for people, persons, victims, bodies, nationalities ("Syrians") and bare counts
("killing 16"). "People" is never turned into civilians here: that is a reading for the claim
assembly to make (`combine(..., people_as_civilians=True)` offers it), so `total` is kept.

`combine(mentions)` (from `factfinder.extract.tally`, re-exported here) reduces the mentions
of one incident to (killed, injured, missing); its docstring states the rules. It reads only
whether `sub_of` is set, not its value, so lists from several calls can be concatenated as
they are; `merge` re-points `sub_of` for callers that follow it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from factfinder.extract.gates import Gate
from factfinder.extract.numbers import find_quantities, parse_quantity
from factfinder.extract.quoting import without_scare_quotes
from factfinder.extract.tally import combine, is_vague, name_tokens, same_person
from factfinder.extract.victims import (
    GROUP_ROLES,
    KIN_SINGULAR,
    LEXICON,
    NOT_NAMES,
    PERSON_TITLES,
    armed_group_in,
    read_phrase,
)
from factfinder.mentions import CountMention, Outcome, Victims
from factfinder.model import Range
from factfinder.vocab import MONTH_PREFIXES, number_words, tens_words

__all__ = ["combine", "find_casualties", "is_vague", "merge"]

_KILLED_AFTER = (
    r"killed|dead|died|die|dies|dying|slain|massacred|executed|beheaded|murdered|martyred|assassinated|"
    r"slaughtered|perished|shot\s+dead|gunned\s+down|burned\s+to\s+death|burnt\s+to\s+death|"
    r"lost\s+(?:their|his|her)\s+li(?:ves|fe)|(?:have\s+|has\s+|had\s+)?fallen\s+victims?|"
    r"fell\s+victims?|were\s+found\s+dead|found\s+dead|killed\s+outright|suffocated\s+to\s+death|"
    r"drowned|wiped\s+out|"
    # a post's military shorthand: "2 SDF fighters KIA, 3 WIA"
    r"(?-i:KIA)"
)
_INJURED_AFTER = (
    r"wounded|injured|hurt|sustained\s+(?:\w+\s+)?injuries|suffered\s+(?:\w+\s+)?(?:injuries|wounds)|"
    r"were\s+injured|(?-i:WIA)|injd"
)
_MISSING_AFTER = r"missing|went\s+missing|unaccounted\s+for|disappeared"
_AUX = (
    r"(?:(?:were|was|have|has|had|are|is|been|being|got|reportedly|reported|also|all|allegedly|"
    r"later|subsequently|already|so\s+far|now|both|apparently|initially|in\s+total|in\s+all|"
    r"together|confirmed|remain|remains|remained|still|believed\s+to\s+have\s+been|said\s+to\s+have\s+been|"
    r"feared|feared\s+to\s+have\s+been|thought\s+to\s+have|likely|who|which|that|"
    r"(?:found|confirmed|reported|known|understood)\s+to\s+have\s+been|"
    r"(?:seriously|severely|critically|lightly|moderately|badly|fatally|mortally)|"
    r"(?:unintentionally|inadvertently|accidentally|mistakenly|wrongly|tragically|reportedly|"
    r"possibly|probably|likely))\s+)*"
)
# A wordy aside between a count and its verb: "ten civilians, some of them children, killed".
# Two in a row: "18 people, mostly children and women, all from the Al-Khalot family, were killed".
_ASIDE = (
    # a breakdown or names in brackets: "Three civilians (2 children, 1 woman) were killed"
    r"(?:\s*\([^()\n]{1,80}\))?"
    r"(?:\s*,?\s*(?:some|most|many|all|mostly|mainly|among\s+them|including|incl\b\.?)\b"
    r"(?:\s+of\s+(?:them|whom))?(?:\s+[A-Za-z-]+){0,6}?\s*,?){0,2}"
)
# Ages after the noun: "five children aged 3 to 12", "a boy (12)", "between the ages of 2 and 9".
_AGES = (
    r"(?:\s*,?\s*\(?(?:aged|ages?|between\s+the\s+ages\s+of)\s+(?:between\s+)?\d{1,3}"
    r"(?:\s*(?:to|-|–|and|or|,)\s*\d{1,3})*\)?(?:\s+years?(?:\s+old)?)?|\s*\(\d{1,3}\))?"
)
_AFTER_VERB = re.compile(
    rf"{_AGES}{_ASIDE}\s*,?\s*{_AUX}(?:(?P<killed>{_KILLED_AFTER})|(?P<injured>{_INJURED_AFTER})|"
    rf"(?P<missing>{_MISSING_AFTER}))\b(?P<both>(?:\s+(?:and|or|&|/))?\s+(?:the\s+)?"
    r"(?:wounded|injured|hurt|killed|dead|died|injuries|wounding|injuring))?",
    re.I,
)
# Verbs that state media and armies use for killing fighters ("destroyed over 60 terrorists",
# "eliminated 25 militants", "were neutralised"). They count deaths only when the noun names
# fighters: "destroyed 18 trucks" or "destroying 5" (no noun) count nothing.
_COMBATANT_DEATH = (
    r"destroy(?:ed|ing|s)?|eliminat(?:ed|ing|es|e)|neutrali[sz](?:ed|ing|es|e)|"
    r"annihilat(?:ed|ing|es|e)|liquidat(?:ed|ing|es|e)|wiped\s+out"
)
_COMBATANT_BEFORE = re.compile(
    rf"\b(?:{_COMBATANT_DEATH})(?:\s+(?:the|all|another|an\s+additional|a\s+further|at\s+least))*\s*$",
    re.I,
)
_COMBATANT_AFTER = re.compile(
    rf"{_ASIDE}\s*,?\s*{_AUX}(?:{_COMBATANT_DEATH})\b(?!\s+(?:their|its|his|the|a|an|\d)\b)",
    re.I,
)
# "destroyed 5 terrorist vehicles", "eliminated 3 ISIS terrorists' positions": things, not people.
_THINGS_AFTER = re.compile(
    r"(?:['’]s?)?\s*(?:[\w-]+\s+)?(?:vehicles?|cars?|trucks?|pickups?|tanks?|positions?|targets?|"
    r"hideouts?|dens?|gatherings?|headquarters|depots?|bases?|posts?|sites?|strongholds?|convoys?|"
    r"fortifications?|tunnels?|launchers?|weapons?|equipment|ammunition|arms|caches?|"
    r"workshops?|factories|factory|warehouses?|checkpoints?|outposts?|barracks|emplacements?)\b",
    re.I,
)
_AMONG_DEAD = re.compile(
    # (a headline drops the verb: "Five children among the victims")
    r"\s*(?:(?:were|are|was|is)\s+)?(?:also\s+)?among\s+(?:the\s+|those\s+)?"
    r"(?:(?P<killed>dead|killed|victims|fatalities)|(?P<injured>wounded|injured))\b",
    re.I,
)
_AMONG_HEAD = re.compile(r"\s*(?:were|are|was|is)\s+(?:also\s+)?among\s+(?:the\s+)?$", re.I)

# One person named by a definite noun before the count the verb also governs: "injuring the
# doctor himself and dozens of others", "killing the driver and two passengers".
_ONE_NAMED_FIRST = (
    r"(?P<first>\s+(?:the|his|her|their|its)\s+(?:[a-z-]+\s+){0,2}?[a-z-]+"
    r"(?:\s+(?:himself|herself))?\s*,?\s+and)?"
)
# A person named before a count of others the verb also governs, perhaps with a role between
# commas: "killed Abu Baqir al-Saadi, a senior commander, and two of his guards" (3). Read only
# before a number: "killed shepherd Mahmoud Khalaf and his 13-year-old son" names two people.
_NAMED_THEN_OTHERS = re.compile(
    r"\b(?:kill(?:ed|ing|s)?|assassinat(?:ed|ing|es)|execut(?:ed|ing|es)|shot\s+dead|"
    r"(?P<hurt>wound(?:ed|ing|s)?|injur(?:ed|ing|es)))"
    r"(?P<first>\s+(?:[a-z-]+\s+){0,2}[A-Z][\w'’]*(?:-[A-Z]?[\w'’]+)*"
    r"(?:\s+(?:al-|el-|bin\s+|ibn\s+)?[A-Z][\w'’-]+){1,3}"
    r"(?:\s*,\s+(?:an?|the|his|her)\s+[^,;.()\d]{2,60},)?\s+and)\s*$"
)
_COUNT_OF_OTHERS = re.compile(
    r"(?:\d+(?![\d-])|(?:" + "|".join(number_words(2, 20)) + r")\b)", re.IGNORECASE
)


def _with_first(rng: Range, m: re.Match[str] | None) -> Range:
    """The count with the one person named before it (`_ONE_NAMED_FIRST`) added."""
    if m is None or not m.group("first"):
        return rng
    return Range(
        None if rng.min is None else rng.min + 1,
        None if rng.max is None else rng.max + 1,
        f"{m.group('first').strip().removesuffix('and').strip().rstrip(',')} + {rng.text}",
    )


_BEFORE_KILLED = re.compile(
    r"\b(?:kill(?:ed|ing|s)?|claim(?:ed|ing|s)?\s+the\s+lives?\s+of|(?:took|taking|takes|take)"
    r"\s+the\s+lives?\s+of|the\s+lives?\s+of|(?:the\s+)?deaths?\s+of|bodies\s+of|body\s+of|remains\s+of|"
    # a headline's "Martyrdom of a child and injury of his mother …" (not "mourned the
    # martyrdom of their brother" in a sentence)
    r"(?:^|(?<=[\n|:–—])|(?<=[\n|:–—]\s))(?:the\s+)?martyrdom\s+of|"
    r"corpses\s+of|massacr(?:ed|ing|es|e)|massacre\s+of|execut(?:ed|ing|es|e)|execution\s+of|"
    r"behead(?:ed|ing|s)?|slaughter(?:ed|ing|s)?|slaughter\s+of|murder(?:ed|ing|s)?|"
    r"assassinat(?:ed|ing|es|e)|(?:the\s+)?assassination\s+of|"
    r"martyr(?:ed|ing)|(?:result(?:ed|ing)\s+in|le(?:d|ading)\s+to)\s+the\s+martyrdom\s+of|murder\s+of|shot\s+dead|gunned\s+down|shooting\s+dead|(?:the\s+)?killing\s+of|"
    r"left\s+dead|toll\s+(?:of|at|to|is|was|hit|hits|reached|reaches|stood\s+at|stands\s+at)"
    r"|rose\s+to|climbed\s+to|risen\s+to|reached|raising\s+(?:it|the\s+toll)\s+to"
    # "bringing the toll of the strike on Ariha to seven"
    r"|(?:bring(?:ing|s)?|rais(?:ing|es)|tak(?:ing|es)|push(?:ing|es))\s+(?:the|its)\s+"
    r"(?:overall\s+|total\s+)?(?:death\s+)?toll\b[^.;:!?\d]{0,80}?\s+to)"
    + _ONE_NAMED_FIRST
    + r"(?:\s+(?:the|all|another|an\s+additional|a\s+further|at\s+least|"
    r"(?:an?|the|an\s+entire|a\s+whole)\s+famil(?:y|ies)\s+of))*\s*$"
    # the verb, then whose ("killing its two riders", "killing their three children"); not
    # after a person named first ("the death of her sister and his four nephews": one list)
    r"|\bkill(?:ed|ing|s)?\s+(?:its|their|his|her)\s*$",
    re.I,
)
_BEFORE_INJURED = re.compile(
    r"\b(?:wound(?:ed|ing|s)?|injur(?:ed|ing|es|e)|hurt(?:ing|s)?|leaving|left|"
    r"(?:the\s+)?(?:injur(?:y|ies)|wounding)\s+of)"  # "and the injury of three others"
    + _ONE_NAMED_FIRST
    + r"(?:\s+(?:the|all|another|an\s+additional|a\s+further))*\s*$"
    r"|\b(?:wound(?:ed|ing|s)?|injur(?:ed|ing|es|e))\s+(?:its|their|his|her)\s*$",
    re.I,
)
# A death toll named earlier in the clause: "the death toll from the blast rose to".
_TOLL = re.compile(
    r"\b(?:death|casualty|fatality|civilian)\s+tolls?\b[^.;:!?]{0,90}$|"
    r"\bnumber\s+of\s+(?:the\s+)?(?:dead|deaths|victims|fatalities|people\s+killed|those\s+killed|"
    r"civilians\s+killed|martyrs)\b[^.;:!?]{0,60}$",
    re.I,
)
_INJURED_TOLL = re.compile(
    r"\bnumber\s+of\s+(?:the\s+)?(?:injured|wounded|injuries|people\s+injured)\b[^.;:!?]{0,60}$",
    re.I,
)
_SUB_BEFORE = re.compile(
    r"\b(?:including|included|include|includes|incl\.?|inc\.|among\s+them|among\s+whom|"
    r"amongst\s+them|of\s+whom|of\s+them|out\s+of\s+whom|among\s+(?:the|those)\s+(?:dead|killed|victims|"
    r"wounded|injured)(?:\s+(?:were|are|was|is))?|(?:the\s+|those\s+)?(?:dead|victims|killed|"
    r"wounded|injured)\s+(?:include|included|were|are)|"
    r"(?<!along\s)(?<!together\s)with|such\s+as|mainly|mostly|them)\s*[:,]?\s*$|"
    # "three members of the family – two women and a child –": a dash after a count; never
    # after a dateline ("BEIRUT — 56 civilians, including 11 children, …" is the head count;
    # "GAZA, October 17, 2023, WAFA – At least 25 Palestinians": a year is no count).
    r"(?:(?<![\d,/-])\d{1,3}(?:,\d{3})*(?![\d,/-])|\b(?:"
    + "|".join(number_words(1, 20))
    + r"|dozens|scores|people|persons|civilians|members|family|families|victims))\b"
    r"(?!\s+(?:" + MONTH_PREFIXES + r"))[^.;\n—–\d]*\w\s+[–—]\s*$|"
    # a breakdown in brackets right after its count: "5 civilians (2 children, 1 woman)",
    # "Civilian casualties: 3 killed (1 child)"
    r"(?:\d|\b(?:"
    + "|".join(number_words(1, 20))
    + r"))\b[^.;\n()]{0,40}?\s*\(\s*(?:including\s+|incl\.?\s+|among\s+them\s+)?$",
    re.I,
)
_SUB_AFTER = re.compile(
    r"\s*(?P<whole>of\s+(?:them|whom|which|the\s+dead|the\s+victims|those(?:\s+killed|\s+dead)?|"
    r"the\s+(?:people|civilians|persons)\s+(?:killed|dead)|the\s+killed|the\s+wounded|"
    r"the\s+injured))\b(?:\s*(?:were|are|was|is|being))?",
    re.I,
)
# Between two coordinated counts; nothing at all in headlines that lost their commas
# ("15 Syrian Civilians 3 Children Killed").
_COORD_AHEAD = re.compile(
    # (an item's name in brackets: "two members of the internal security forces (Asayish) and")
    r"\s*(?:\([^()\d]{1,40}\)\s*)?(?:,\s*(?:and\s+)?|and\s+|as\s+well\s+as\s+|plus\s+)?",
    re.I,
)
# "a"/"an"/"another" a few words before a singular victim noun: a count of one person.
_ARTICLE = re.compile(
    r"\b(?:an?|another)\s+(?=(?:[\w'’-]+\s+){0,3}?(?:"
    + "|".join(
        sorted(
            (w for w in (*LEXICON, *GROUP_ROLES) if not w.endswith("s") or w in ("remains",)),
            key=len,
            reverse=True,
        )
    )
    # "a 16-year-old": an age alone names a person (`read_phrase`)
    + r")\b|[\w]+[- ](?:year|month|week|day)s?[- ]old\b)",
    re.I,
)
_ZERO = re.compile(
    r"\b(?:no\s+one|nobody|none)\s+(?:was|were|has\s+been|had\s+been|have\s+been)\s+"
    r"(?:(?P<killed>killed|dead)|(?P<injured>hurt|injured|wounded))\b|"
    r"\bthere\s+(?:were|was)\s+no\s+(?:civilian\s+)?(?P<both>casualties|deaths|injuries)\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class _Found:
    start: int
    end: int
    range: Range
    victims: Victims
    phrase_end: int
    outcome: Outcome | None
    how: str  # "after", "before", "toll", "noun", "coord", "sub-head", "sub", "among"
    sub: bool = False
    head_after: bool = False  # the head of this breakdown comes later ("among the 126 killed")
    beside: bool = False  # people told beside another group's head in one list (`CountMention`)
    listed: bool = False  # a sum the text does not state ("a man and his family": 2 or more)


def _outcome_from_match(m: re.Match[str]) -> Outcome:
    if m.group("killed"):
        return "killed"
    if m.group("injured"):
        return "injured"
    return "missing"


# "his wife", "their elderly grandmother": one relative.
_POSSESSIVE = re.compile(
    r"\b(?:his|her|their)\s+(?=(?:[\w'’-]+\s+){0,2}?(?:"
    + "|".join(sorted(KIN_SINGULAR, key=len, reverse=True))
    + r")\b(?![-'’]))"
    # the one person of a vehicle or a place: "targeted a car, injuring its driver"
    + r"|\bits\s+(?=(?:driver|passenger|owner|guard|shepherd|operator|rider)\b)"
    # … or "the" one right after the verb of harm: "hit a car, killing the driver"
    # (a list after it is read as a list: "killing the driver and two passengers")
    + r"|(?:(?<=killing\s)|(?<=injuring\s|wounding\s))the\s+(?=(?:driver|passenger|rider|motorcyclist)\b"
    + r"(?!\s*,|\s+and\s+(?:an?|the|his|her|their|\d|"
    + "|".join(number_words(1, 12))
    + r")\b))"
    # the one who went with a person just counted: "a commander and his driver"
    + r"|(?<=\band\s)(?:his|her)\s+(?=(?:driver|bodyguard|companion|escort|guard)\b(?!\s+said))",
    re.I,
)


_COPULA = re.compile(r"\b(?:was|were|is|are|being)\s+$", re.I)
_KIN = "|".join(sorted(KIN_SINGULAR, key=len, reverse=True))
# One relative as an item of a list of the dead, with "the" or bare after another item: "the
# father, the mother and their five children", "a father, mother and four children".
_LISTED_KIN = re.compile(
    rf"(?:\bthe\s+|(?<=,\s)|(?<=\band\s))(?:{_KIN})\b(?=\s*(?:,|\band\b)\s*"
    rf"(?:the|an?|his|her|their|\d|{'|'.join(number_words(1, 12))})\b)",
    re.I,
)
_ITEM_BEFORE = re.compile(rf"\b(?:an?|the|his|her|their)\s+(?:{_KIN})\s*,\s*$", re.I)


def _article_word(text: str, a: int, b: int) -> str:
    """The words of a count of one: its article, or the bare noun a listed relative is."""
    if a == b:
        m = re.match(r"[\w'’-]+", text[a:])
        return m.group() if m else ""
    return text[a:b] if text[a:b].lower() != "another" else "another"


def _article_counts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of "a"/"an"/"another" that count one person ("killing a child"), and of the
    possessive before one relative ("a man, his wife and their son")."""
    spans = []
    for m in [*_ARTICLE.finditer(text, start, end), *_POSSESSIVE.finditer(text, start, end)]:
        if _COPULA.search(text, max(start, m.start() - 12), m.start()):
            continue  # "one of whom was a baby": says who someone counted already was
        phrase = read_phrase(text, m.end(), end, singular=True)
        if phrase.ok and phrase.victims is not None:
            spans.append((m.start(), m.start() + len(m.group().rstrip())))
    for m in _LISTED_KIN.finditer(text, start, end):
        if m.group().lower().startswith("the"):
            # "the father, the mother and …": the article counts, as "a" does
            spans.append((m.start(), m.start() + 3))
        elif _ITEM_BEFORE.search(text, max(start, m.start() - 40), m.start()):
            spans.append((m.start(), m.start()))  # "a father, mother and four children"
    return sorted(set(spans))


# A year where a count could stand: "began on April 26, 2019 killed", "in 2019 killed".
_YEAR_BEFORE = re.compile(
    r"(?:\b(?i:in|since|of|on|during|until|till|from|by|early|late|mid|throughout)\s+"
    r"|\b(?:" + MONTH_PREFIXES + r")[a-z]*\.?\s+(?:\d{1,2},?\s+)?"
    r"|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?[A-Z][a-z]+\.?,?\s+)$"
)


def _is_year(number: str, before: str) -> bool:
    """Whether a bare number with no victim noun is a year ("April 26, 2019", "in 2019")."""
    return (
        number.isdigit()
        and len(number) == 4
        and 1950 <= int(number) <= 2049
        and bool(_YEAR_BEFORE.search(before))
    )


def _classify(
    text: str, start: int, end: int, q_start: int, q_end: int, rng: Range, article: bool
) -> _Found | None:
    """What one count counts and what happened to them, from the words around it."""
    phrase = read_phrase(text, q_end, end, singular=article)
    if not phrase.ok or (article and phrase.victims is None):
        return None
    before = text[max(start, q_start - 120) : q_start]
    if phrase.victims is None and _FAMILY_OF.search(before):
        phrase = replace(phrase, victims="civilians")  # "a family of six"
    if phrase.victims is None and _is_year(text[q_start:q_end], before):
        return None  # "the attacks that began on April 26, 2019 killed …": a year
    if (
        phrase.victims is None
        and _NAME_BEFORE.search(before)
        and re.match(r"\s*(?:years?\s+old\s*)?[,)]", text[q_end:end])
    ):
        return None  # an age: "Ahmad Saleh, 55, was killed", "Lina (9)"
    if article and phrase.items > 1:  # "a woman and child": one article, two people
        rng = Range(phrase.items, phrase.items, text[q_start : phrase.end])
        q_end = phrase.end
    family = _AND_FAMILY.match(text, phrase.end, end) if phrase.victims != "combatants" else None
    if family and rng.min is not None and rng.min == rng.max:
        # "killing a man and his family": the family is at least one more, how many is unsaid
        rng = Range(rng.min + 1, None, text[q_start : family.end()])
        q_end = family.end()
        # the family is of no one sex or age: the people counted are civilians as a whole
        kind: Victims | None = phrase.victims
        if kind in ("men", "women", "children", "elderly"):
            kind = "civilians"
        phrase = replace(phrase, end=family.end(), victims=kind)

    def found(
        outcome: Outcome | None,
        how: str,
        *,
        sub: bool = False,
        head_after: bool = False,
        victims: Victims | None = None,
        phrase_end: int | None = None,
    ) -> _Found:
        return _Found(
            q_start,
            q_end,
            rng,
            victims or phrase.victims or "total",
            phrase.end if phrase_end is None else phrase_end,
            outcome,
            how,
            sub,
            head_after,
            listed=family is not None,
        )

    sub_after = _SUB_AFTER.match(text, phrase.end, end) if phrase.victims is None else None
    if sub_after and _ITEM_ASIDE.match(text, max(start, q_start - 2), end):
        return None  # "five women, two of whom were teachers,": an aside, not a count
    if sub_after:
        tail = read_phrase(text, sub_after.end(), end)
        partitive = sub_after.group("whole") or ""
        outcome: Outcome | None = (
            "injured"
            if re.search(r"wounded|injured", partitive, re.I)
            else "killed"
            if re.search(r"dead|killed|victims", partitive, re.I)
            else None
        )
        verb = _AFTER_VERB.match(text, tail.end if tail.victims else sub_after.end(), end)
        if verb and not verb.group("both"):
            outcome = _outcome_from_match(verb)
        return found(
            outcome,
            "sub",
            sub=True,
            victims=tail.victims or "total",
            phrase_end=tail.end if tail.victims else sub_after.end(),
        )
    after = _AFTER_VERB.match(text, phrase.end, end)
    if (
        after
        and not _PASSIVE.search(re.sub(r"shot\s+dead|gunned\s+down", "", after.group(), flags=re.I))
        and _ACTIVE.match(text, after.end(), end)
        and (
            article
            or phrase.victims == "combatants"
            or _BEFORE_KILLED.search(before)
            or _BEFORE_INJURED.search(before)
        )
    ):
        # A bare participle with an object is an active verb: "a suicide bomber killed 30
        # people", or in run-on headlines "killed 30 people injured 90".
        after = None
    pp = None
    if after is None and not _BEFORE_KILLED.search(before) and not _BEFORE_INJURED.search(before):
        # "eight people from one village were killed", "5 civilians in the old city died"
        pp = _PLACE_PHRASE.match(text, phrase.end, end)
        if pp:
            after = _AFTER_VERB.match(text, pp.end(), end)
            if after and (
                not re.match(rf"\s*,?\s*{_AUX}", after.group())
                or not re.search(r"\b(?:were|was|have|has|had|are|is)\b", after.group())
            ):
                after = None  # only a passive verb: "…in the town were killed"
    if after:
        if after.group("both"):
            return None  # "19 killed and injured": one count of two outcomes
        return found(_outcome_from_match(after), "after", sub=bool(_SUB_BEFORE.search(before)))
    if phrase.victims == "combatants" and not _THINGS_AFTER.match(text, phrase.end, end):
        if _COMBATANT_AFTER.match(text, phrase.end, end) or (
            pp is not None and _COMBATANT_AFTER.match(text, pp.end(), end)
        ):
            return found("killed", "after", sub=bool(_SUB_BEFORE.search(before)))
        if _COMBATANT_BEFORE.search(before):
            return found("killed", "before")
    among = _AMONG_DEAD.match(text, phrase.end, end)
    if among:
        return found(_outcome_from_match(among), "among", sub=True)
    if _AMONG_HEAD.match(text, phrase.end, end) or _AMONG_NUMBER.match(text, phrase.end, end):
        return found(None, "among-head", sub=True, head_after=True)
    if phrase.noun_outcome:
        return found(phrase.noun_outcome, "noun", sub=bool(_SUB_BEFORE.search(before)))
    hurt = _BEFORE_INJURED.search(before)
    if hurt and not _LEFT.search(before):
        rng = _with_first(rng, hurt)
        return found("injured", "before")
    dead = _BEFORE_KILLED.search(before)
    if dead:
        rng = _with_first(rng, dead)
        return found("killed", "before")
    named = _NAMED_THEN_OTHERS.search(before)
    if named and _COUNT_OF_OTHERS.match(rng.text or ""):
        rng = _with_first(rng, named)
        return found("injured" if named.group("hurt") else "killed", "before")
    sub_before = _SUB_BEFORE.search(before)
    if sub_before:
        # "the dead included 2 women", "among the wounded were 3 children": the partitive
        # names the outcome even when no head count is given.
        said = sub_before.group()
        said_outcome: Outcome | None = (
            "injured"
            if re.search(r"\b(?:wounded|injured)\b", said, re.I)
            else "killed"
            if re.search(r"\b(?:dead|killed|fatalities)\b", said, re.I)  # "victims" may be hurt
            else None
        )
        return found(said_outcome, "sub", sub=True)
    if _INJURED_TOLL.search(before):
        return found("injured", "toll")
    if _TOLL.search(before):
        return found("killed", "toll")
    return found(None, "none")


_PLACE_PHRASE = re.compile(
    # (where they were found: "5 PKK terrorists detected in the Claw-Lock region were …")
    r"\s+(?:(?:detected|spotted|located|identified|hiding|found|holed\s+up)\s+)?"
    r"(?:from|in|inside|at|near|across|belonging\s+to|living\s+in)\s+[^,.;:!?\d()]{1,60}?(?=\s+"
    r"(?:were|was|have|has|had|are|is)\b)"
    # what they were doing: "12 people fleeing Fallujah were killed", "5 workers trying to
    # reach the field were killed"
    r"|\s+(?:fleeing|escaping|trying\s+to\s+(?:flee|escape|cross|reach|leave)|sheltering|"
    r"queu(?:e)?ing|waiting|travel(?:l)?ing|returning|working|gathered|harvesting|"
    r"displaced)\b[^,.;:!?\d()]{0,50}?(?=\s+(?:were|was|have\s+been|has\s+been|had\s+been)\b)"
    # a relative clause: "5 terrorists who were preparing to attack our posts were neutralised"
    r"|\s+(?:who|that)\s+[^,.;:!?\d()]{4,80}?(?=\s+(?:were|was|have\s+been|has\s+been|had\s+been)\b)",
    re.I,
)
# The family of the person just counted, with no number: "a man and his family", "a woman along
# with her entire family" (not "his family said", "his family's home").
_AND_FAMILY = re.compile(
    r"\s*,?\s*(?:and|along\s+with|together\s+with|with)\s+(?:his|her|their)\s+"
    r"(?:entire\s+|whole\s+)?famil(?:y|ies)\b(?!['’]|\s+(?:members|of|said|says|told|was|is|has|had)\b)",
    re.I,
)
_FAMILY_OF = re.compile(r"\bfamil(?:y|ies)\s+of\s*$", re.I)
_NAME_BEFORE = re.compile(r"\b[A-Z][\w’'-]+\s*(?:,|\()\s*$")
# An object right after "killed"/"wounded" makes the verb active: "3 gunmen killed 20 people".
_ACTIVE = re.compile(
    r"\s+(?:(?:at\s+least|more\s+than|over|some|nearly|about|up\s+to|as\s+many\s+as)\s+)?"
    r"(?:\d|(?:a|an|the|his|her|their|its|them|him|"
    + "|".join(number_words(1, 12))
    + r"|dozens|scores|hundreds|thousands|several|many|people|civilians|"
    r"children|women|men|soldiers|fighters|members|dozen)\b)",
    re.I,
)
_PASSIVE = re.compile(
    r"\b(?:was|were|been|being|is|are|got|dead|died|die|dies|dying|slain|"
    r"perished|lost|fallen|fell|found)\b",
    re.I,
)
_LEFT = re.compile(r"\b(?:leaving|left)\s*$", re.I)
# "3 children were among the 5 killed", "Three children were among five people killed", and a
# headline's "3 children among 5 killed"
_AMONG_NUMBER = re.compile(
    r"\s*(?:(?:were|are)\s+)?among\s+(?!(?:them|whom|those|these|which|us|their|its)\b)(?:the\s+)?"
    r"(?:\w+\s+){0,2}(?:\d|(?:"
    + "|".join((*number_words(2, 19), *tens_words()))
    + r"|a\s+dozen|dozens|scores|hundreds)\b)",
    re.I,
)


def find_casualties(text: str, start: int = 0, end: int | None = None) -> list[CountMention]:
    """Casualty counts in `text[start:end]`, in text order, with document offsets.

    A mention's span covers the number with its qualifier ("at least 26"); `range.text` holds
    those words. `sub_of` is the index, in the returned list, of the head count a breakdown
    belongs to. See the module docstring for what is read and what is left out.
    """
    end = len(text) if end is None else end
    text = without_scare_quotes(text)
    fields = _record_fields(text, start, end)
    taken = {m.start for m in fields}
    items: list[tuple[int, int, Range, bool]] = [
        (q.start, q.end, q.range, False)
        for q in find_quantities(text, start, end)
        if q.start not in taken
    ]
    items += [
        (a, b, Range(1, 1, _article_word(text, a, b)), True)
        for a, b in _article_counts(text, start, end)
    ]
    items.sort(key=lambda it: it[0])
    found: list[_Found] = []
    for it in items:
        if found and it[0] < found[-1].phrase_end:
            continue  # inside the previous count's noun phrase: "seven members of one family"
        f = _classify(text, start, end, *it)
        if f is not None:
            found.append(f)
    found = _colon_subs(text, found)
    found = _continue_subs(text, found)
    found = _late_verbs(text, end, found)
    found = _coordinate(text, found)
    found = _all_harmed(text, end, found)
    found = _others(text, found)
    found = _beside(text, found)
    found = _group_heads(text, found)
    found = _appositions(text, found)
    previous = None
    if found and found[0].how == "sub" and _WHO_THEY_WERE.match(text, found[0].end):
        previous = _previous_outcome(text, start)  # "… killed seven. Three of them were children."
    mentions = _link_subs(text, found, previous)
    mentions += fields  # heads of their own, after the prose counts (indices of sub_of hold)
    mentions += _zeros(text, start, end, mentions)
    mentions = _later_deaths(text, start, end, mentions)
    mentions += _pronoun_victims(text, start, end, mentions)
    mentions += _partitive_victims(text, start, end, mentions)
    mentions += _all_of_them(text, start, end, mentions)
    mentions += _counted_dead(text, start, end, mentions)
    mentions += _one_more(text, start, end, mentions)
    mentions += _others_hurt(text, start, end, mentions)
    named = named_victims(text, start, end)
    return mentions + named + _along_with(text, start, end, mentions + named)


# One person told by a pronoun after the verb: "opened fire on a young man, killing him".
# A verb of harm with its object after it ("killing him", "wounding the driver", "killing 4 of
# them"): the readers of an object that is no count phrase share it.
_HARM_BEFORE_OBJECT = (
    r"\b(?:(?P<killed>kill(?:ing|ed)|shooting\s+dead|shot\s+dead|executing|executed)|"
    r"(?P<injured>wound(?:ing|ed)|injur(?:ing|ed)))\s+"
)
_PRONOUN_VICTIM = re.compile(
    _HARM_BEFORE_OBJECT + r"(?P<who>him|her)\b(?!\s+(?:and|,))",
    re.IGNORECASE,
)


# One more person of those just counted: "Two workers were killed and another injured", "one
# soldier was killed and another wounded", "… and a third was injured".
_ONE_MORE = re.compile(
    r"\b(?:and|while)\s+(?P<q>another|one\s+more|a\s+(?:second|third|fourth|fifth))\s+"
    r"(?:(?:was|were|got)\s+)?(?:(?:seriously|critically|lightly|badly)\s+)?"
    r"(?:(?P<killed>killed|died)|(?P<injured>injured|wounded|hurt))\b",
    re.IGNORECASE,
)


# The same after a verb of harm: "killing a member and injuring another", "wounding two and
# killing another" (a noun after it is a count of its own: "injuring another man").
_ONE_MORE_OBJECT = re.compile(
    r"\b(?:and|while)\s+(?:(?P<injured>injuring|wounding)|(?P<killed>killing))\s+"
    r"(?P<q>another|one\s+more|a\s+(?:second|third))\b"
    r"(?=\s*(?:[.,;:)]|$|(?:and|while|in|on|near|at|when|after|before)\b))",
    re.IGNORECASE,
)


# Others killed with the person just counted or named: "paramedic Ahmad Salem was killed along
# with two others", "a commander was killed together with three of his companions".
_ALONG_WITH = re.compile(
    r"\b(?:was|were)\s+(?:(?P<killed>killed|martyred|shot\s+dead)|(?P<injured>injured|wounded))\s+"
    r"(?:along|together)\s+with\s+(?=\S)",
    re.IGNORECASE,
)
_OTHERS_NOUN = re.compile(
    r"\s+(?:others|other\s+(?:people|persons|civilians|men|passengers)|of\s+(?:his|her|their)\s+"
    r"(?:companions|comrades|colleagues|relatives))\b",
    re.IGNORECASE,
)


def _along_with(
    text: str, start: int, end: int, mentions: list[CountMention]
) -> list[CountMention]:
    """Others harmed beside the person a sentence tells of: more people than the one counted."""
    out: list[CountMention] = []
    for m in _ALONG_WITH.finditer(text, start, end):
        outcome: Outcome = "killed" if m.group("killed") else "injured"
        if any(c.start >= m.end() and c.outcome == outcome for c in mentions):
            continue  # the others are counted already ("along with two children")
        if not any(c.end <= m.start() and c.outcome == outcome for c in mentions):
            continue  # nobody counted before them
        q = next(iter(find_quantities(text, m.end(), min(end, m.end() + 30))), None)
        if q is None or q.start != m.end():
            continue
        if _OTHERS_NOUN.match(text, q.end, end):
            who: Victims = "total"
        else:
            phrase = read_phrase(text, q.end, end)
            if not phrase.ok or phrase.victims is None:
                continue
            who = phrase.victims  # "along with two children"
        out.append(CountMention(q.start, q.end, q.range, outcome, who, beside=True))
    return out


def _one_more(text: str, start: int, end: int, mentions: list[CountMention]) -> list[CountMention]:
    """One more victim of another outcome after a count ("… were killed and another injured",
    "killing a member and injuring another"), of the kind the count before it names."""
    out: list[CountMention] = []
    found = [*_ONE_MORE.finditer(text, start, end), *_ONE_MORE_OBJECT.finditer(text, start, end)]
    for m in sorted(found, key=lambda x: x.start()):
        outcome: Outcome = "killed" if m.group("killed") else "injured"
        if any(c.outcome == outcome for c in mentions + out):
            continue
        before = [c for c in mentions if c.end <= m.start() and not c.named]
        if not before:
            continue
        who = before[-1].victims if before[-1].victims != "total" else "total"
        out.append(CountMention(m.start("q"), m.end("q"), Range(1, 1, m.group("q")), outcome, who))
    return out


# A tally the speakers keep themselves, among the dead: "Patients and staff among the dead, we
# count 9 so far", "the rescuers have counted 12 bodies".
_COUNTED = re.compile(
    r"\b(?:we|they|I|teams?|rescuers|volunteers)\s+(?:have\s+|had\s+|already\s+)*"
    r"(?:count(?:ed)?|recorded|documented)\s+(?P<n>\d{1,4})\b(?!\s*(?:%|per\s*cent|injur|wound))",
    re.IGNORECASE,
)
_AMONG_THE_DEAD = re.compile(
    r"\b(?:among\s+the\s+(?:dead|victims|martyrs)|dead|bodies|martyrs|killed)\b", re.IGNORECASE
)


def _counted_dead(
    text: str, start: int, end: int, mentions: list[CountMention]
) -> list[CountMention]:
    """The dead a speaker counts itself, in a sentence of the dead with no other toll."""
    if any(c.outcome == "killed" for c in mentions) or not _AMONG_THE_DEAD.search(text, start, end):
        return []
    out: list[CountMention] = []
    for m in _COUNTED.finditer(text, start, end):
        n = int(m.group("n"))
        out.append(CountMention(m.start("n"), m.end("n"), Range(n, n, m.group("n")), "killed"))
        break
    return out


# One person named by a definite singular noun after the verb: "opened fire on a car …,
# killing the driver", "shelling that wounded the shepherd".
# (civilians only: "killing the commander Abu Taha" names a fighter the text may count apart)
_SINGULAR_VICTIMS = sorted(
    (
        w
        for w in LEXICON
        if not w.endswith("s") and "-" not in w and LEXICON[w] not in ("total", "combatants")
    ),
    key=len,
    reverse=True,
)
_DEFINITE_VICTIM = re.compile(
    _HARM_BEFORE_OBJECT + r"(?P<who>the\s+(?:young\s+|old\s+|elderly\s+)?"
    r"(?P<noun>" + "|".join(_SINGULAR_VICTIMS) + r"))\b(?!\s+(?:and|of)\b|['’]s)",
    re.IGNORECASE,
)


def _pronoun_victims(
    text: str, start: int, end: int, mentions: list[CountMention]
) -> list[CountMention]:
    """One victim per "killing him"/"wounding her"/"killing the driver" whose outcome the
    sentence counts nowhere else."""
    out: list[CountMention] = []
    for rx in (_PRONOUN_VICTIM, _DEFINITE_VICTIM):
        for m in rx.finditer(text, start, end):
            outcome: Outcome = "killed" if m.group("killed") else "injured"
            if any(c.outcome == outcome for c in mentions + out):
                continue
            noun = m.groupdict().get("noun")
            victims: Victims = LEXICON.get(noun.lower(), "total") if noun else "total"
            out.append(
                CountMention(
                    m.start("who"), m.end("who"), Range(1, 1, m.group("who")), outcome, victims
                )
            )
    return out


# Some of the people the sentence names, hit: "attacked a checkpoint of regime soldiers,
# killing 4 of them", "targeted a gathering of fighters, wounding several of them".
_PARTITIVE_VICTIM = re.compile(
    _HARM_BEFORE_OBJECT
    + r"(?P<q>(?:at\s+least\s+|more\s+than\s+|some\s+|about\s+|nearly\s+)?[\w,-]+?)\s+of\s+them\b",
    re.IGNORECASE,
)
_NOUN = re.compile(r"[A-Za-z]+")


def _partitive_victims(
    text: str, start: int, end: int, mentions: list[CountMention]
) -> list[CountMention]:
    """A count of "N of them" after a verb of harm, whose people are the last victim noun the
    sentence named before it (soldiers: combatants, civilians, people), when nothing else
    counts that outcome."""
    out: list[CountMention] = []
    for m in _PARTITIVE_VICTIM.finditer(text, start, end):
        outcome: Outcome = "killed" if m.group("killed") else "injured"
        if any(c.outcome == outcome or m.start("q") <= c.start < m.end() for c in mentions + out):
            continue
        r = parse_quantity(m.group("q"))
        if r is None or r.min == 0:
            continue
        nouns = [w.group().lower() for w in _NOUN.finditer(text, start, m.start())]
        victims: Victims = next(
            (LEXICON[w] for w in reversed(nouns) if w in LEXICON and w.endswith("s")), "total"
        )
        out.append(CountMention(m.start("q"), m.end("q"), r, outcome, victims))
    return out


# Who all the people of a toll told before were, in a sentence of its own: "The three were
# members of the Asayish", "All three were SDF fighters", "Both were shepherds", "The two men
# were brothers".
_ALL_OF_THEM = re.compile(
    r"\s*(?:(?:The|All|All\s+of\s+the|These|Those)\s+(?P<n>"
    + "|".join(number_words(2, 12))
    + r"|\d{1,2})|(?P<both>Both)(?:\s+of\s+them)?)"
    r"(?:\s+(?:men|women|victims|dead|people|persons|of\s+them))?\s+were\s+"
    r"(?:all\s+|both\s+)?(?:reportedly\s+|said\s+to\s+be\s+|identified\s+as\s+)?",
    re.IGNORECASE,
)


def _all_of_them(
    text: str, start: int, end: int, mentions: list[CountMention]
) -> list[CountMention]:
    """Who the whole toll of the sentence before was, told by its number alone in a sentence
    that counts nothing else (a breakdown, `part`, of as many as the toll: "… killing three
    people. The three were members of the Asayish" makes them three fighters)."""
    if mentions:
        return []
    m = _ALL_OF_THEM.match(text, start)
    if m is None or not m.group().lstrip()[:1].isupper():
        return []
    phrase = read_phrase(text, m.end(), end)
    if phrase.victims in (None, "total"):
        return []  # "The three were taken to hospital", "The two were Syrians"
    outcome = _previous_outcome(text, start)
    if outcome is None:
        return []
    said = "n" if m.group("n") else "both"
    r = Range(2, 2, m.group(said)) if said == "both" else parse_quantity(m.group(said))
    if r is None:
        return []
    return [CountMention(m.start(said), m.end(said), r, outcome, phrase.victims, part=True)]


# Who the people of a toll told before were: "Three of them were children".
_WHO_THEY_WERE = re.compile(
    r"\s+of\s+(?:them|the\s+dead|the\s+victims|those\s+killed)\s+(?:were|was)\s+(?!\w+ed\b)",
    re.IGNORECASE,
)
_HARM_VERB = re.compile(
    r"\b(?:(?P<killed>kill(?:ed|ing|s)?|dead|died|deaths?|martyr(?:ed|s)?|slain)|"
    r"(?P<injured>wound(?:ed|ing|s)?|injur(?:ed|ing|ies|y)|hurt))\b",
    re.IGNORECASE,
)


def _previous_outcome(text: str, start: int) -> Outcome | None:
    """The one outcome the sentence before `start` tells ("killed" for "An airstrike killed
    seven people."), or None when it tells none or both."""
    if start == 0:
        return None
    cut = max(text.rfind(".", 0, start - 2), text.rfind("\n", 0, start - 1), start - 300, 0)
    said: set[Outcome] = set()
    for m in _HARM_VERB.finditer(text, cut, start):
        said.add("killed" if m.group("killed") else "injured")
    return next(iter(said)) if len(said) == 1 else None


# Deaths told after the toll, which add to it: "Another died of his wounds the next day",
# "Another civilian later succumbed to his injuries", "Two more later died", "One of the
# wounded died in hospital". (A toll raised to a figure says the sum itself: `update`.)
_LATER_DEATH = re.compile(
    r"\b(?P<q>another|one\s+more|a\s+(?:second|third|fourth|fifth)|one\s+of\s+the\s+(?:wounded|injured)|"
    r"(?P<n>" + "|".join(number_words(2, 10)) + r"|\d{1,2})\s+(?:more|others|other|of\s+the\s+"
    r"(?:wounded|injured)))(?:\s+(?P<noun>(?!(?:later|subsequently|since|also|then|had|has|have)\b)"
    r"[a-z]+))?\s+(?:(?:had|has|have)\s+)?(?:(?:later|subsequently|since|also|then)\s+)?"
    r"(?:died|succumbed|passed\s+away)\b",
    re.IGNORECASE,
)
_TOLL_ROSE = re.compile(
    r"\b(?:rose|risen|rising|raised|climbed|increased|brought|bringing)\b", re.I
)


_ORDINALS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5}


def _next_ordinal(q: str, earlier: list[CountMention]) -> bool:
    """Whether "a third" comes after a toll of two in its own sentence ("Two civilians were
    killed …, and a third died of his wounds"): one more death, not one of those counted."""
    word = q.lower().split()[-1]
    heads = [c for c in earlier if c.sub_of is None]
    told = sum(c.range.min or 0 for c in heads)
    return word in _ORDINALS and bool(heads) and told == _ORDINALS[word] - 1


def _later_deaths(
    text: str, start: int, end: int, mentions: list[CountMention]
) -> list[CountMention]:
    """`mentions` with the deaths told after the toll marked `later` (and added when the
    quantity words made no count: "Another died of his wounds")."""
    found = list(_LATER_DEATH.finditer(text, start, end))
    if not found:
        return mentions
    if _TOLL_ROSE.search(text, start, end):
        # "The toll rose to four after another man died": the later death is inside the new
        # figure, and is no count of its own
        spans = [(m.start(), m.end()) for m in found]
        return [c for c in mentions if not any(a <= c.start < b for a, b in spans)]
    out = list(mentions)
    for m in found:
        a, b = m.span("n") if m.group("n") else m.span("q")
        earlier = [c for c in mentions if c.outcome == "killed" and c.start < a and not c.later]
        if earlier and not _next_ordinal(m.group("q"), earlier):
            continue  # the toll's own sentence: "3 killed: one died at once, two others later"
        inside = [k for k, c in enumerate(out) if a <= c.start < m.end() and c.outcome == "killed"]
        if inside:
            for k in inside:
                out[k] = replace(out[k], later=True)
            continue
        if m.group("n"):
            continue  # a figure the count finders left out: not a death told apart
        noun = (m.group("noun") or "").lower()
        victims = LEXICON.get(noun, "total")  # "another child", "a third fighter"
        if not noun and earlier:
            victims = earlier[-1].victims  # "two soldiers were killed and a third died later"
        out.append(CountMention(a, b, Range(1, 1, text[a:b]), "killed", victims, later=True))
    return out


# A table's row read as named values ("Date: 2024-03-04; Place: Ariha; Killed: 5; Injured:
# 11", the way spreadsheets and CSV lists are read): a column named by an outcome, with or
# without its victims ("Civilians killed", "Children killed", "Deaths", "Wounded"), holds a
# count.
_FIELD = re.compile(
    r"(?:^|(?<=[;\n]))[ \t]*(?:\[row\s+\d+\][ \t]*)?"
    r"(?P<key>(?:(?P<who>civilians?|children|women|men|fighters|combatants|soldiers|people|"
    r"persons)[ \t]+)?(?:(?:reported|alleged|confirmed|estimated|locally[ \t]+reported)[ \t]+)?"
    r"(?P<out>killed|dead|deaths|fatalities|injured|wounded|injuries|missing))"
    r"(?:[ \t]*\((?:total|min(?:imum)?)\))?[ \t]*:[ \t]*(?P<n>\d{1,6})"
    r"(?:[ \t]*(?:[-–—]|to)[ \t]*(?P<n2>\d{1,6}))?"
    # the value's own noun: "Killed: 4 civilians (including 2 children)"
    r"(?:[ \t]+(?P<who2>civilians?|children|women|men|fighters|combatants|soldiers|people|persons))?"
    r"(?=[ \t]*(?:[;.\n(]|$))",
    re.IGNORECASE | re.MULTILINE,
)
_FIELD_OUTCOME: dict[str, Outcome] = {
    "killed": "killed",
    "dead": "killed",
    "deaths": "killed",
    "fatalities": "killed",
    "injured": "injured",
    "wounded": "injured",
    "injuries": "injured",
    "missing": "missing",
}
_FIELD_VICTIMS: dict[str, Victims] = {
    "civilian": "civilians",
    "civilians": "civilians",
    "children": "children",
    "women": "women",
    "men": "men",
    "fighters": "combatants",
    "combatants": "combatants",
    "soldiers": "combatants",
}


def _record_fields(text: str, start: int, end: int) -> list[CountMention]:
    """Counts a table's row gives as named values (`_FIELD`)."""
    if ":" not in text[start:end]:
        return []
    out = []
    # from the field's start, which a clause cut at ";" may leave out
    origin = max(text.rfind(";", 0, start), text.rfind("\n", 0, start)) + 1
    for m in _FIELD.finditer(text, origin, end):
        if m.start("n") < start:
            continue
        who = (m.group("who") or m.group("who2") or "").lower()
        n = int(m.group("n"))
        n2 = int(m.group("n2")) if m.group("n2") else n
        if n2 < n:
            continue  # not a range of people ("killed: 12-3" is no figure)
        stop = m.end("who2") if m.group("who2") else m.end("n2") if m.group("n2") else m.end("n")
        out.append(
            CountMention(
                m.start("n"),
                stop,
                Range(n, n2, text[m.start("key") : stop]),
                _FIELD_OUTCOME[m.group("out").lower()],
                _FIELD_VICTIMS.get(who, "total"),
            )
        )
    person = _record_person(text, origin, end, start)
    if person is not None:
        out.append(person)
    return out


# A row of a list of the dead: a name with a date of death or a status that says so.
_ROW_NAME = re.compile(
    r"(?:^|(?<=[;\n]))[ \t]*(?:\[row\s+\d+\][ \t]*)?(?:full[ \t]+)?name[ \t]*:[ \t]*(?P<name>[^;\n:]{2,60}?)[ \t]*(?=[;.\n]|$)",
    re.IGNORECASE | re.MULTILINE,
)
_ROW_DEAD = re.compile(
    r"(?:^|[;\n])[ \t]*(?:date[ \t]+of[ \t]+death|death[ \t]+date|died(?:[ \t]+on)?|"
    r"killed[ \t]+on)[ \t]*:[ \t]*[^;\n]*\d|"
    r"(?:^|[;\n])[ \t]*(?:status|outcome|fate)[ \t]*:[ \t]*(?:killed|dead|deceased|died|martyr(?:ed)?)\b",
    re.IGNORECASE,
)
_ROW_AGE = re.compile(r"(?:^|[;\n])[ \t]*age[ \t]*:[ \t]*(?P<age>\d{1,3})\b", re.IGNORECASE)


def _record_person(text: str, origin: int, end: int, start: int) -> CountMention | None:
    """One person a list of the dead names in a row ("Name: …; Age: 9; Date of death: …"): a
    named victim, a child when the row's age is under 18."""
    line_end = text.find("\n", start)
    line_end = end if line_end < 0 else min(end, line_end)
    row_start = text.rfind("\n", 0, start) + 1
    name = _ROW_NAME.search(text, row_start, line_end)
    if (
        name is None
        or name.start("name") < start
        or not _ROW_DEAD.search(text, row_start, line_end)
    ):
        return None
    age = _ROW_AGE.search(text, row_start, line_end)
    victims: Victims = "children" if age is not None and int(age.group("age")) < 18 else "total"
    a, b = name.start("name"), name.end("name")
    return CountMention(a, b, Range(1, 1, text[a:b]), "killed", victims, named=True)


# "…and others were injured", "injuring others", "causing injuries to others": the plural says
# at least two people (as "a number of" does in `numbers.VAGUE_MINIMUMS`).
_OTHERS_HURT = re.compile(
    r"\b(?:and|,)\s+(?:several\s+|many\s+)?others\s+(?:were\s+|had\s+been\s+|have\s+been\s+)?"
    r"(?:\w+ly\s+)?(?:injured|wounded|hurt)\b|"
    r"\b(?:injur(?:ing|ed)|wound(?:ing|ed)|injuries\s+to|wounds\s+to)\s+(?:several\s+|many\s+)?"
    r"others\b",
    re.I,
)


def _others_hurt(
    text: str, start: int, end: int, mentions: list[CountMention]
) -> list[CountMention]:
    if any(m.outcome == "injured" for m in mentions):
        return []
    m = _OTHERS_HURT.search(text, start, end)
    if m is None:
        return []
    at = text.lower().index("others", m.start())
    return [CountMention(at, at + 6, Range(2, None, "others"), "injured")]


# Between two items of a breakdown list: "including 6 children, 4 women and a man".
_LIST_JOIN = re.compile(
    # (a footnote's mark after an item: "12 children*, seven women")
    r"[*†]?\s*(?:,\s*)?(?:(?:and|as\s+well\s+as|along\s+with|alongside|together\s+with|plus|with)\s+)?"
    r"(?:(?:his|her|their)\s+(?:own\s+)?)?",
    re.I,
)
_ITEM_ASIDE = re.compile(
    r",\s*(?:[\w-]+\s+){1,2}of\s+(?:whom|them)\s+(?:was|were|is|are)\s+[a-z]+(?:\s+[a-z]+)?(?=\s*,)",
    re.I,
)
# An item's own aside in brackets: "seven women (including a pregnant woman), and seven men".
_BRACKET_ASIDE = re.compile(r"\s*\([^()\d]{1,60}\)(?=\s*,)")
_FINAL_JOIN = re.compile(r"\b(?:and|as\s+well\s+as|plus)\b", re.I)
_CIVILIAN_KINDS: frozenset[Victims] = frozenset(
    {"civilians", "children", "women", "men", "elderly"}
)


_BREAKDOWN_GAP = re.compile(r"\s*(?::|[–—]|\s-)\s*")


def _colon_subs(text: str, found: list[_Found]) -> list[_Found]:
    """A head count, a colon or a dash, then counts of groups with no verb of their own: the
    groups break the head down ("left 9 dead: 5 civilians and 4 fighters", "9 people were
    killed – 5 civilians and 4 soldiers"). The items after the first follow it as any
    breakdown's do (`_continue_subs`)."""
    out = list(found)
    for k in range(1, len(out)):
        head, g = out[k - 1], out[k]
        if (
            g.outcome is None
            and not g.sub
            and g.how == "none"
            and g.victims != "total"
            and head.outcome is not None
            and not head.sub
            and head.victims == "total"
            and _BREAKDOWN_GAP.fullmatch(text[head.phrase_end : g.start])
        ):
            out[k] = replace(g, sub=True, how="sub")
    return out


def _continue_subs(text: str, found: list[_Found]) -> list[_Found]:
    """Items listed after a breakdown belong to it: "nine members of one family, including three
    children and two women, were killed" breaks the nine down into children *and* women.

    The list ends at fighters or people in general after its "and" ("including 6 children and
    4 women, and 12 fighters"), at a verb or other words between the items, at an item with
    another outcome, and at fighters after a count of civilians. An aside about one item does
    not end it ("five women, two of whom were teachers, and four children").
    """
    out = list(found)
    anded = [False] * len(out)
    for k in range(1, len(out)):
        f, g = out[k - 1], out[k]
        if not f.sub or f.head_after or g.sub or g.how not in ("after", "none", "coord", "noun"):
            continue
        gap = text[f.phrase_end : g.start]
        aside = _ITEM_ASIDE.match(gap) or _BRACKET_ASIDE.match(gap)
        if aside:
            gap = gap[aside.end() :]
        if not gap.strip() or not _LIST_JOIN.fullmatch(gap):
            continue
        head = next((out[h] for h in range(k - 2, -1, -1) if not out[h].sub), None)
        if head is None:
            continue
        if head.victims in _CIVILIAN_KINDS and g.victims == "combatants":
            continue
        if g.outcome is not None and g.outcome != (f.outcome or head.outcome or g.outcome):
            continue  # "…including two children, and 9 others were wounded"
        if anded[k - 1] and g.victims in ("combatants", "total"):
            continue  # the list had its last item: "6 children and 4 women, and 12 fighters"
        anded[k] = bool(_FINAL_JOIN.search(gap))
        out[k] = replace(g, sub=True)
    # Two items of one kind in one list are two groups: "a baby and two boys" are 3 children.
    merged: list[_Found] = []
    for g in out:
        last = merged[-1] if merged else None
        if (
            last is not None
            and last.sub
            and g.sub
            and not last.head_after
            and not g.head_after
            and last.victims == g.victims
            and (last.outcome is None or g.outcome in (None, last.outcome))
            and text[last.phrase_end : g.start].strip()
            and _LIST_JOIN.fullmatch(text[last.phrase_end : g.start])
        ):
            words = text[last.start : g.phrase_end]
            merged[-1] = replace(
                last,
                end=g.end,
                phrase_end=g.phrase_end,
                range=_sum_ranges([last.range, g.range], words),
                outcome=last.outcome or g.outcome,
                how=g.how if last.outcome is None else last.how,
            )
            continue
        merged.append(g)
    return merged


_LATE_VERB = re.compile(
    rf"[^.;:!?]{{0,100}}?(?:,|\s[–—])\s*{_AUX}(?:(?P<killed>{_KILLED_AFTER})|(?P<injured>{_INJURED_AFTER})|"
    rf"(?P<missing>{_MISSING_AFTER}))\b(?!\s+(?:and|or|&|/)\s+(?:wounded|injured|hurt|killed))",
    re.I,
)


def _late_verbs(text: str, end: int, found: list[_Found]) -> list[_Found]:
    """A verb after a breakdown and an aside tells the head's outcome: "14 civilians,
    including three women, one of them elderly, were killed"."""
    out = list(found)
    for k, f in enumerate(out):
        if f.sub or f.outcome is not None:
            continue
        last = k
        while last + 1 < len(out) and out[last + 1].sub and not out[last + 1].head_after:
            last += 1
        if last == k or any(out[m].outcome is not None for m in range(k + 1, last + 1)):
            continue
        m = _LATE_VERB.match(text, out[last].phrase_end, end)
        if m and (last + 1 >= len(out) or out[last + 1].start >= m.end()):
            out[k] = replace(f, outcome=_outcome_from_match(m), how="after")
    return out


def _joined(gap: str) -> bool:
    """Whether `gap` only joins two counts of one list ("and", ", ", "and their", nothing)."""
    return bool(_COORD_AHEAD.fullmatch(gap) or (gap.strip() and _LIST_JOIN.fullmatch(gap)))


# Words of a count that name people in general, not one family's members: "15 civilians and 3
# children" may count the children among the civilians, so such lists are not added up.
_GENERAL = re.compile(
    r"\b(?:civilians?|people|persons?|residents?|inhabitants?|citizens?|villagers?|victims?)\b",
    re.I,
)


_OTHER = re.compile(r"\s*(?:other|more)\b", re.I)


# A count with no noun after fighters' ("… and three others", "… and three wounded", "… and
# wounding three."): more of the same people.
_BARE_OTHERS = re.compile(
    r"\s+others\b|\s+(?:were\s+|was\s+)?(?:wounded|injured|hurt)\b|\s*(?:[.;]|,\s+(?![\d]))", re.I
)
# "…were killed and three others were wounded", "killing two soldiers and wounding two others"
_OTHERS_JOIN = re.compile(
    r"[^.;:()]{0,40}?\b(?:and|while)\s+(?:(?:also\s+)?(?:wounding|injuring|wounded|injured|"
    r"killing|killed|leaving|left)\s+|the\s+(?:injury|injuries|wounding)\s+of\s+)?",
    re.I,
)


def _others(text: str, found: list[_Found]) -> list[_Found]:
    """ "his son and 20 other fighters": the listed people before "other" are fighters too;
    "two fighters were killed and three others were wounded": the others are fighters too."""
    out = list(found)
    for k in range(1, len(out)):
        g = out[k]
        f = out[k - 1]
        if (
            g.victims == "total"
            and not g.sub
            and not f.sub
            and f.victims == "combatants"
            and _BARE_OTHERS.match(text, g.end)
            and _OTHERS_JOIN.fullmatch(text, f.phrase_end, g.start)
        ):
            out[k] = replace(g, victims="combatants")
            continue
        if g.sub or not _OTHER.match(text, g.end) or g.victims in ("total", "civilians"):
            continue
        n = k - 1
        while n >= 0 and not out[n].sub and _joined(text[out[n].phrase_end : out[n + 1].start]):
            if out[n].victims != g.victims:
                out[n] = replace(out[n], victims=g.victims)
            n -= 1
    return out


_KINDS = frozenset({"civilians", "children", "women", "men", "combatants"})
_AND_GAP = re.compile(r"\s*,?\s*and\s+(?:(?:at\s+least|more\s+than|over|about)\s+)?", re.I)


def _beside(text: str, found: list[_Found]) -> list[_Found]:
    """People of no stated kind in one list with another group's head count, before or after
    it ("killing 13 soldiers and at least 60 people", "60 Afghans and 13 US troops"): other
    people than the group's, so they add to the toll (`CountMention.beside`)."""
    out = list(found)
    for k in range(len(out) - 1):
        f, g = out[k], out[k + 1]
        if f.sub or g.sub or f.outcome != g.outcome or f.outcome is None:
            continue
        if not _AND_GAP.fullmatch(text, f.phrase_end, g.start):
            continue
        if f.victims in _KINDS and g.victims == "total" and not _OTHER.match(text, g.end):
            out[k + 1] = replace(g, beside=True)
        elif g.victims in _KINDS and f.victims == "total":
            out[k] = replace(f, beside=True)
    return out


def _appositions(text: str, found: list[_Found]) -> list[_Found]:
    """One person said again by an apposition is one person: "killing its rider, a commander in
    a Turkish-backed faction" is one fighter, not a civilian and a fighter."""
    out: list[_Found] = []
    for g in found:
        f = out[-1] if out else None
        if (
            f is not None
            and not f.sub
            and not g.sub
            and f.range.min == f.range.max == 1
            and g.range.min == g.range.max == 1
            and re.fullmatch(r",\s+", text[f.phrase_end : g.start])
            and re.match(r"an?\s", text[g.start : g.start + 3], re.IGNORECASE)
            and not re.match(r"\s*(?:,|and\b|or\b)", text[g.phrase_end : g.phrase_end + 5])
            and g.outcome in (None, f.outcome)
        ):
            who = g.victims if g.victims not in ("total", "civilians") else f.victims
            out[-1] = replace(f, victims=who, phrase_end=g.phrase_end)
            continue
        out.append(g)
    return out


_KIN_OF = re.compile(r"(?:his|her|their)\s", re.IGNORECASE)


def _group_heads(text: str, found: list[_Found]) -> list[_Found]:
    """Add up one list of disjoint counts: "a man, his wife and their three children were
    killed" is five civilians, "10 members of one family and nine of another" nineteen,
    "5 soldiers and 3 officers" eight fighters.

    Only counts of civilian kinds (civilians, children, women, men, elderly) or only counts of
    fighters are added, and never a general word ("civilians", "people") together with a
    group it may contain ("15 civilians and 3 children"). The sum becomes a head count placed
    before the list; the listed counts become its breakdown.
    """
    out: list[_Found] = []
    k = 0
    while k < len(found):
        f = found[k]
        if f.sub or f.outcome is None or f.victims == "total":
            out.append(f)
            k += 1
            continue
        members = [k]
        n = k
        while True:
            m = n + 1
            while m < len(found) and found[m].sub and not found[m].head_after:
                m += 1
            if m >= len(found):
                break
            g = found[m]
            if (
                g.sub
                or g.outcome != f.outcome
                or not _joined(text[found[m - 1].phrase_end : g.start])
            ):
                break
            members.append(m)
            n = m
        run = [found[m] for m in members]
        kinds = {r.victims for r in run}
        last_gap = text[found[members[-1] - 1].phrase_end : run[-1].start] if len(run) > 1 else ""
        if not re.search(r"\b(?:and|plus|with|alongside)\b", last_gap, re.I):
            run = run[:1]  # "120 fighters, 60 foreign ones": a breakdown, not a second group
        general = [r for r in run if _GENERAL.search(text[r.start : r.phrase_end])]
        # "a civilian and his wife": a relative of the one counted is another person
        kin_of_one = len(general) == 1 and all(
            r is general[0] or _KIN_OF.match(text, r.start) for r in run
        )
        ok = (
            len(run) > 1
            and (kinds <= _CIVILIAN_KINDS or kinds == {"combatants"})
            and (not (general and (len(general) > 1 or len(kinds) > 1)) or kin_of_one)
        )
        first_gap = text[f.phrase_end : run[1].start] if len(run) > 1 else ""
        rest = [r.range.min or 0 for r in run[1:]]
        if ok and first_gap.strip() == "," and 2 <= sum(rest) <= (f.range.min or 0):
            # "five relatives, three children and two women, were killed": the groups
            # after a bare comma tell who the five were.
            out.append(f)
            out += [
                replace(g, sub=True) if not g.sub else g for g in found[k + 1 : members[-1] + 1]
            ]
            k = members[-1] + 1
            continue
        if not ok:
            out.append(f)
            k += 1
            continue
        total = _sum_ranges([r.range for r in run], text[f.start : found[members[-1]].phrase_end])
        victims: Victims = "combatants" if kinds == {"combatants"} else "civilians"
        last = found[members[-1]]
        out.append(replace(f, end=last.end, range=total, victims=victims, how="group"))
        out += _one_per_kind(
            text, [replace(g, sub=True) if not g.sub else g for g in found[k : members[-1] + 1]]
        )
        k = members[-1] + 1
    return out


def _one_per_kind(text: str, parts: list[_Found]) -> list[_Found]:
    """The breakdown of a list with one count per kind: "two girls and a boy" is 3 children
    (each kind's items added up; the first item stands for them)."""
    kinds: dict[Victims, list[int]] = {}
    for n, g in enumerate(parts):
        kinds.setdefault(g.victims, []).append(n)
    drop: set[int] = set()
    out = list(parts)
    for idx in kinds.values():
        if len(idx) < 2:
            continue
        first, lastn = parts[idx[0]], parts[idx[-1]]
        words = text[first.start : lastn.phrase_end]
        out[idx[0]] = replace(first, range=_sum_ranges([parts[n].range for n in idx], words))
        drop.update(idx[1:])
    return [g for n, g in enumerate(out) if n not in drop]


# What befell all the people just counted, told after them: "2 people inside, both killed",
# "five men in the car, all of them wounded", "three shepherds, all dead".
_ALL_HARMED = re.compile(
    r"(?:\s+[\w'’-]+){0,3}\s*[,;:–—-]\s*(?:both|all)(?:\s+of\s+them|\s+(?:three|four|five|six|seven|"
    r"eight|nine|ten|\d{1,2}))?\s+(?:were\s+|are\s+|have\s+been\s+)?(?:(?P<killed>killed|dead|died|"
    r"martyred)|(?P<injured>injured|wounded|hurt))\b",
    re.IGNORECASE,
)


def _all_harmed(text: str, end: int, found: list[_Found]) -> list[_Found]:
    """A count with no verb of its own takes the outcome told of all of them after it."""
    out = list(found)
    for k, f in enumerate(out):
        if f.outcome is not None or f.sub:
            continue
        m = _ALL_HARMED.match(text, f.phrase_end, end)
        if m is not None:
            out[k] = replace(f, outcome="killed" if m.group("killed") else "injured", how="after")
    return out


def _sum_ranges(parts: Sequence[Range], words: str) -> Range:
    lo = sum(p.min or 0 for p in parts)
    his = [p.max for p in parts]
    hi = sum(h for h in his if h is not None) if all(h is not None for h in his) else None
    return Range(lo, hi, words)


def _coordinate(text: str, found: list[_Found]) -> list[_Found]:
    """Carry an outcome across "12 fighters and 7 civilians were killed" / "killing 5 and 3"."""
    out = list(found)
    # Backwards: the verb after the last of a list applies to the earlier ones, across the
    # breakdown of an earlier one ("17 civilians, including 6 children, and 12 fighters died").
    for k in range(len(out) - 2, -1, -1):
        f = out[k]
        if f.outcome is not None or f.sub:
            continue
        n = k + 1
        while n < len(out) and out[n].sub and not out[n].head_after and out[n].outcome is None:
            n += 1
        if n >= len(out):
            continue
        g = out[n]
        if (
            not g.sub
            and g.outcome is not None
            and g.how in ("after", "coord")
            and _joined(text[out[n - 1].phrase_end : g.start])
        ):
            out[k] = replace(f, outcome=g.outcome, how="coord")
    # Forwards: a verb before the first of a list applies to the later ones, across the
    # breakdown of an earlier one ("killing 6 civilians, including 2 children, and 4 fighters").
    for k in range(1, len(out)):
        g = out[k]
        if g.outcome is not None or g.sub:
            continue
        p = k - 1
        while p >= 0 and out[p].sub and not out[p].head_after:
            p -= 1
        if p < 0:
            continue
        f = out[p]
        if (
            f.outcome is not None
            and f.how in ("before", "coord")
            and _joined(text[out[k - 1].phrase_end : g.start])
        ):
            out[k] = replace(g, outcome=f.outcome, how="coord")
    return out


_CIVILIAN_WORD = re.compile(r"\bcivilians?\b", re.IGNORECASE)


def _link_subs(
    text: str, found: list[_Found], previous_outcome: Outcome | None = None
) -> list[CountMention]:
    """Turn findings into mentions: breakdowns and their heads share an outcome.

    A breakdown opening the range with no head in it and no verb ("Three of them were
    children") takes `previous_outcome`, the outcome the sentence before it tells.

    A head count with no verb of its own takes its breakdown's ("26 civilians including 14
    children were killed"), a breakdown takes its head's; counts that still have no outcome
    are people nothing is said to have happened to, and are dropped.
    """
    heads: list[int | None] = []
    for k, f in enumerate(found):
        head: int | None = None
        if f.sub and f.head_after:
            head = next((m for m in range(k + 1, len(found)) if not found[m].sub), None)
        elif f.sub:
            head = next(
                (
                    m
                    for m in range(k - 1, -1, -1)
                    if not found[m].sub
                    and (f.outcome is None or found[m].outcome in (None, f.outcome))
                ),
                None,
            )
        heads.append(head)
    outcomes = [f.outcome for f in found]
    for k, head in enumerate(heads):  # first up: a breakdown's verb tells its head's
        if head is not None and outcomes[head] is None:
            outcomes[head] = outcomes[k]
    for k, head in enumerate(heads):  # then down, to the breakdowns without a verb
        if head is not None and outcomes[k] is None:
            outcomes[k] = outcomes[head]
    index: dict[int, int] = {}
    mentions: list[CountMention] = []
    for k, f in enumerate(found):
        # A breakdown with no head in the sentence breaks down a toll told before it.
        part = f.sub and heads[k] is None and not f.head_after and f.how == "sub"
        if outcomes[k] is None and part and k == 0:
            outcomes[k] = previous_outcome
        if outcomes[k] is None:
            continue
        outcome = outcomes[k]
        assert outcome is not None
        index[k] = len(mentions)
        said = f.victims == "civilians" and bool(_CIVILIAN_WORD.search(text, f.end, f.phrase_end))
        mentions.append(
            CountMention(
                f.start,
                f.end,
                f.range,
                outcome,
                f.victims,
                heads[k],
                f.how == "group" or f.listed,
                part=part,
                said_civilians=said,
                beside=f.beside,
            )
        )
    # Re-point sub_of at positions in the returned list (dropped heads leave a bare breakdown).
    return [replace(m, sub_of=index.get(m.sub_of)) if m.sub_of is not None else m for m in mentions]


def _zeros(text: str, start: int, end: int, mentions: list[CountMention]) -> list[CountMention]:
    out: list[CountMention] = []
    for m in _ZERO.finditer(text, start, end):
        if any(c.start <= m.start() < c.end for c in mentions):
            continue
        zero = Range(0, 0, m.group())
        # "no civilian casualties" says no civilian was harmed, nothing of the total
        who: Victims = "civilians" if re.search(r"civilian", m.group(), re.I) else "total"
        if m.group("both"):
            out += [
                CountMention(m.start(), m.end(), zero, "killed", who),
                CountMention(m.start(), m.end(), zero, "injured", who),
            ]
        else:
            out.append(
                CountMention(
                    m.start(), m.end(), zero, "killed" if m.group("killed") else "injured", who
                )
            )
    return out


def merge(groups: Iterable[Sequence[CountMention]]) -> list[CountMention]:
    """Concatenate the results of several `find_casualties` calls, re-pointing `sub_of`."""
    out: list[CountMention] = []
    for group in groups:
        base = len(out)
        out += [replace(m, sub_of=m.sub_of + base) if m.sub_of is not None else m for m in group]
    return out


# Named victims: "6-year-old Sara Haddad", "Omar Khalil (12)", "journalist Rami Saleh".
_NAME_WORD = r"(?:(?:[Aa]l|[Ee]l)-)?[A-Z][a-z][\w’'-]*"
_NAME = (
    r"(?:(?:Dr|Mr|Mrs|Ms)\.?\s+|(?:Sheikh|Hajj?|Haji|Hajja)\s+)?"
    + rf"{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|bin|ibn|Abu|Umm|Abd|Al|El|al))"
    + r"{0,5}"
)
_AGE_WORDS = (
    r"(?:\d{1,3}|(?:"
    + "|".join(tens_words())
    + r")(?:-[a-z]+)?|"
    + "|".join(number_words(1, 19))
    + r")"
)
_AGE_FIRST = Gate(
    re.compile(
        rf"\b(?P<age>{_AGE_WORDS})[\s-]+(?P<unit>years?|months?|weeks?|days?)[\s-]+old\b"
        rf"(?:\s+(?P<noun>[a-z]+(?:\s+[a-z]+)?))?,?\s+(?:named\s+)?(?P<name>{_NAME})",
    )
)
_AGE_AFTER = Gate(
    re.compile(
        rf"(?P<name>{_NAME})\s*(?:\([^()\d]{{0,30}}\)\s*)?\((?:[^()\d]{{0,30}},\s*)?"
        # "(17)", "(17 years old, male)", "(four years old, male)"
        rf"(?P<age>\d{{1,3}}|(?i:{_AGE_WORDS})(?=\s*(?:years?|months?|weeks?|days?)\b))"
        r"(?!\d|[./:-]\d)"  # "Kobani (14.01.2024)": a date, not an age
        r"(?P<unit>\s*(?:years?|months?|weeks?|days?))?[^()]{0,60}\)"
    )
)
_AGE_COMMAS = Gate(re.compile(rf"(?P<name>{_NAME}),\s*(?P<age>\d{{1,3}})\s*(?:years?\s+old\s*)?,"))
# Names right after a verb of killing: "resulted in the deaths of Ali Saleh and Omar Saleh".
_VERB_NAMES = Gate(
    re.compile(
        r"\b(?:the\s+deaths?\s+of|(?:the\s+)?killing(?:\s+of)?|killed|the\s+lives?\s+of|"
        r"shot\s+dead|executed|martyrdom\s+of)\s+"
        rf"(?P<names>{_NAME}(?:\s*\([^()]{{0,30}}\))?(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+){_NAME}"
        r"(?:\s*\([^()]{0,30}\))?)*)"
    )
)
# A named person after a verb of killing and a role: "killing ISIS senior leader Usamah
# al-Muhajir", "killed Hurras al-Din commander Abu Yusif".
_ROLE_NAMES = Gate(
    re.compile(
        r"\b(?:killing|killed|shot\s+dead|executed|eliminated|eliminating|neutrali[sz]ed|"
        r"(?:the\s+)?(?:killing|death|elimination)\s+of)\s+"
        r"(?:an?\s+|the\s+)?(?P<group>(?:[A-Z][\w'’-]*\s+){1,4})?(?:(?:senior|top|prominent|"
        r"high-ranking|local|military|field)\s+)*(?P<role>leader|commander|official|emir|operative|"
        rf"militant|figure|terrorist)\s+(?P<name>{_NAME})"
    )
)
_PASSIVE_BEFORE = re.compile(
    r"\b(?:were|was|been|being|are|is|be)\s+(?:\w+ly\s+|also\s+|all\s+)*$", re.I
)
_TITLED = Gate(
    re.compile(
        r"(?P<title>\b[Dd]r\.|\b(?i:"
        + "|".join(
            sorted(
                {
                    w
                    for w, v in LEXICON.items()
                    if v in ("civilians", "children", "women", "men") and not w.endswith("s")
                }
                | set(PERSON_TITLES)
                | set(KIN_SINGULAR),
                key=len,
                reverse=True,
            )
        )
        + rf")\b),?\s+(?:named\s+|called\s+)?(?P<name>{_NAME})",
    )
)
_NAMED_KILLED = Gate(
    re.compile(
        r"\b(?:killed|killing|dead|died|dies|death|deaths|martyr(?:ed|s)?|victims?|slain|"
        r"lost\s+(?:his|her|their)\s+li(?:fe|ves)|the\s+lives?\s+of|bodies|body|funerals?|"
        r"mourn(?:ed|ing|s)?|fatalit(?:y|ies)|perished)\b",
        re.I,
    )
)
_SAID = re.compile(r",\s*(?:[\w'’-]+\s+){1,6}(?:said|says|reported|added|told)\b", re.I)
_NAMED_INJURED = Gate(re.compile(r"\b(?:injur(?:ed|ies|y)|wounded|hurt)\b", re.I))
_NAMED_NEITHER = Gate(
    re.compile(r"\b(?:surviv(?:ed|or|ors|ing)|rescued|alive|detained|arrested|missing)\b", re.I)
)
# A name that speaks: "Omar Saleh posted", "Huda Ali, a neighbour, said".
_SPEAKS = re.compile(
    r"\s*(?:\([^()]{0,40}\)\s*)?(?:,[^,.;]{0,40},\s*)?(?:\w+ly\s+)?(?:posted|wrote|shared|told|"
    r"said|says|reported|added|recalled|described|mourned|confirmed|stated)\b",
    re.I,
)


def _is_child(age: str | None, unit: str | None, noun: str | None) -> bool:

    if noun and any(w in LEXICON and LEXICON[w] == "children" for w in noun.lower().split()):
        return True
    if unit and not unit.strip().lower().startswith("year"):
        return True  # months, weeks or days old
    if age is None:
        return False
    r = parse_quantity(age.replace("-", " "))
    return r is not None and r.min is not None and r.min < 18


def _named_outcome(text: str, start: int, end: int, a: int, b: int) -> Outcome | None:
    """The outcome the words nearest to a name in its clause give: first after it, else before."""
    cues: list[tuple[int, Outcome | None]] = []
    table: tuple[tuple[Gate, Outcome | None], ...] = (
        (_NAMED_KILLED, "killed"),
        (_NAMED_INJURED, "injured"),
        (_NAMED_NEITHER, None),
    )
    for rx, outcome in table:
        cues += [(m.start(), outcome) for m in rx.finditer(text, start, end)]
    after = sorted(c for c in cues if c[0] >= b)
    said = _SAID.search(text, b, end)
    if said is not None:
        after = [c for c in after if c[0] < said.start()]  # "…, relatives said": not about them
    if after and re.search(r"\band\s+(?:also\s+)?$", text[b : after[0][0]]):
        after = []  # "killed NAME, …, and injured six others": the verb after is another's
    if after and after[0][0] - b < 120:
        return after[0][1]
    before = sorted((c for c in cues if c[0] < a), reverse=True)
    return before[0][1] if before else None


_APPOSITION = re.compile(r",\s+(?:an?|the)\s+")


def _apposed_victims(text: str, at: int, end: int) -> Victims:
    """Who a name is, as the apposition after it says: "Abu Yusif, a senior ISIS leader" is a
    fighter, "Ali Hasan, a 12-year-old boy" a child; "total" when it says nothing."""
    m = _APPOSITION.match(text, at, end)
    if m is None:
        return "total"
    phrase = read_phrase(text, m.end(), end, singular=True)
    if phrase.ok and phrase.victims in ("combatants", "children"):
        return phrase.victims
    return "total"  # a civilian named is counted as the people named are


def named_victims(text: str, start: int = 0, end: int | None = None) -> list[CountMention]:
    """One mention for each person the clause names as killed or injured, with an age
    ("6-year-old Sara Haddad", "Omar Khalil (12)") or a title ("journalist Rami Saleh", "his
    nephew Karim"). `range.text` is the name; `victims` is "children" for a child (under 18,
    an age in months, or a child's word), "combatants" after a fighter's title, else "total".
    """
    end = len(text) if end is None else end
    found: list[tuple[int, int, str, Victims, Outcome | None]] = []
    for m in _AGE_FIRST.finditer(text, start, end):
        noun = (m.group("noun") or "").lower().split()
        if noun and noun[-1] not in LEXICON and noun[-1] not in PERSON_TITLES:
            continue  # "a five-month-old uprising against President X": no person's age
        child = _is_child(m.group("age"), m.group("unit"), m.group("noun"))
        found.append(
            (
                m.start("name"),
                m.end("name"),
                m.group("name"),
                "children" if child else "total",
                None,
            )
        )
    for m in _AGE_AFTER.finditer(text, start, end):
        child = _is_child(m.group("age"), m.group("unit"), None)
        found.append(
            (
                m.start("name"),
                m.end("name"),
                m.group("name"),
                "children" if child else "total",
                None,
            )
        )
    for m in _AGE_COMMAS.finditer(text, start, end):
        if int(m.group("age")) <= 110:
            child = _is_child(m.group("age"), None, None)
            found.append(
                (
                    m.start("name"),
                    m.end("name"),
                    m.group("name"),
                    "children" if child else "total",
                    None,
                )
            )
    for m in _VERB_NAMES.finditer(text, start, end):
        if _PASSIVE_BEFORE.search(text, max(start, m.start() - 30), m.start()):
            continue  # "fighters were killed Observatory director X told AFP": no object
        for n in re.finditer(_NAME, m.group("names")):
            if len(n.group().split()) < 2:
                continue  # a name of one word after a verb is too often something else
            at = m.start("names") + n.start()
            who = _apposed_victims(text, at + len(n.group()), end)
            found.append((at, at + len(n.group()), n.group(), who, "killed"))
    for m in _ROLE_NAMES.finditer(text, start, end):
        armed = m.group("role") in ("emir", "operative", "militant", "terrorist") or (
            m.group("group") is not None and armed_group_in(text, m.start("group"), m.end("group"))
        )
        found.append(
            (
                m.start("name"),
                m.end("name"),
                m.group("name"),
                "combatants" if armed else "total",
                "killed",
            )
        )
    for m in _TITLED.finditer(text, start, end):
        if re.search(
            r"\bof\s+(?:his|her|their|the)\s+$", text[max(start, m.start() - 12) : m.start()]
        ):
            continue  # "the daughter of his brother Hassan": Hassan is named to place her
        child = LEXICON.get(m.group("title").lower()) == "children"
        found.append(
            (
                m.start("name"),
                m.end("name"),
                m.group("name"),
                "children" if child else "total",
                None,
            )
        )
    out: list[CountMention] = []
    seen: list[tuple[str, ...]] = []
    for a, b, name, victims, told in sorted(
        found, key=lambda f: (f[0], f[3] != "children", f[4] is None)
    ):
        first = name.split()[0].rstrip(".")
        key = name_tokens(name)
        if not key or first in NOT_NAMES or any(a < m.end and m.start < b for m in out):
            continue
        window = text[max(start, a - 40) : a]
        if re.search(
            r"\b(?:commander|fighter|militant|operative|combatant|gunman)\s*,?\s*$", window, re.I
        ):
            victims = "combatants"
        if _SPEAKS.match(text, b, end):
            continue
        outcome = told or _named_outcome(text, start, end, a, b)
        if outcome is None or any(same_person(key, k) for k in seen):
            continue
        seen.append(key)
        out.append(CountMention(a, b, Range(1, 1, name), outcome, victims, named=True))
    return out
