"""Casualty counts: how many were killed, injured or went missing, and who they were.

`find_casualties(text, start, end)` reads `text[start:end]` (usually one sentence) and returns
a `CountMention` for every count of people harmed that it can tie to an outcome:

* after the count: "16 people were killed", "25 civilians killed 80 injured", "10 dead",
  "40 Syrians die", "1500 people have fallen victims", "5 went missing";
* before it: "killing 16", "killed 13 and injured 20", "claimed the lives of at least 26",
  "the bodies of more than 4,000 people", "the remains of 2,500", "massacre of 20",
  "executed three officers", "the death toll rose to 70", "the number of dead reached 40";
* by coordination: "12 fighters and 7 civilians were killed", "killing 5 soldiers and 3 women";
* as a breakdown (`sub_of` points at the head count): "including 14 children", "among them 5
  women", "30 of them children", "109 of the dead were evacuees", "68 children were among the
  126 people killed"; a breakdown with no head count in the range keeps `sub_of=None`.

Counts that the text gives for killed *and* injured together ("19 killed and injured",
"dozens of casualties") are left out: they cannot be split. A count of things that are not
people ("two separate letters", "30 airstrikes") is left out because no victim noun follows.
"No one was killed" gives a zero count; silence gives nothing.

Victim categories follow the words of the text (`Victims`): "civilians" and its unambiguous
synonyms (residents, villagers, citizens, passers-by, worshippers, evacuees, displaced people,
students, patients, medics, journalists, aid workers, family members), "children", "women",
"men", "elderly", "combatants" (soldiers, troops, fighters, militants, rebels, insurgents,
terrorists, gunmen, members of armed groups, officers …), and "total" for people, persons,
victims, bodies, nationalities ("Syrians") and bare counts ("killing 16"). A list of several
civilian groups ("2,500 women, children and the elderly") is a count of civilians. "People"
is never turned into civilians here: that is a reading for the claim assembly to make, and
`combine` keeps `total` so that it can.

`combine(mentions)` reduces the mentions of one incident to (killed, injured, missing); its
docstring states the rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from types import MappingProxyType
from typing import Final

from factfinder.extract.mentions import CountMention, Outcome, Victims
from factfinder.extract.numbers import VAGUE_MINIMUMS, find_quantities
from factfinder.model import Casualties, Range


def _w(words: str) -> list[str]:
    """The words of a space-separated list (keeps long word tables readable)."""
    return words.split()


_LEXICON: Final[Mapping[str, Victims]] = MappingProxyType({
    **dict.fromkeys(
        _w("people persons person individuals victims martyrs martyr bodies body corpses corpse remains others "
        "syrians iraqis kurds turks russians iranians lebanese palestinians americans alawites "
        "christians druze yazidis shiites sunnis turkmen arabs foreigners nationals "
        "afghans egyptians saudis tunisians jordanians"), "total"),
    **dict.fromkeys(
        _w("civilians civilian residents resident villagers villager inhabitants inhabitant "
        "passers-by passersby passer-by worshippers worshipper worshipers worshiper evacuees "
        "evacuee refugees refugee displaced students student pupils pupil teachers teacher "
        "doctors doctor nurses nurse medics medic paramedics paramedic patients patient "
        "journalists journalist reporters reporter farmers farmer shepherds shepherd workers "
        "worker citizens citizen volunteers volunteer rescuers rescuer relatives "
        " shoppers pilgrims mourners detainees prisoners hostages"), "civilians"),
    **dict.fromkeys(
        _w("children child kids kid boys boy girls girl infants infant babies baby minors minor "
        "toddlers toddler schoolchildren newborns newborn"), "children"),
    **dict.fromkeys(_w("women woman mothers mother"), "women"),
    **dict.fromkeys(_w("men man"), "men"),
    **dict.fromkeys(_w("elderly"), "elderly"),
    **dict.fromkeys(
        _w("soldiers soldier troops trooper fighters fighter militants militant rebels rebel "
        "insurgents insurgent terrorists terrorist jihadists jihadist gunmen gunman "
        "militiamen militiaman militias militia officers officer policemen policeman "
        "personnel servicemen serviceman recruits recruit commanders commander guards guard "
        "members member extremists extremist mercenaries mercenary takfiris takfiri "
        "pilots pilot conscripts conscript snipers sniper elements operatives operative "
        "combatants combatant forces jihadis jihadi loyalists loyalist defectors "
        "bombers bomber paratroopers marines airmen crew gunners"), "combatants"),
})
# Nouns that themselves say the people are dead (or hurt), with no verb needed.
_NOUN_OUTCOME: Final[Mapping[str, Outcome]] = MappingProxyType({
    **dict.fromkeys(_w("bodies body corpses corpse remains deaths fatalities dead martyrs"),
                    "killed"),
    **dict.fromkeys(_w("injuries wounded injured"), "injured"),
})
_SINGULAR_MODIFIERS: Final[frozenset[str]] = frozenset(
    _w("girl boy child baby infant woman man civilian family"))
_CIVILIAN_GROUPS: Final[frozenset[str]] = frozenset({"civilians", "children", "women", "elderly"})

# Words that end a noun phrase: function words, verbs of harm, days, punctuation.
_STOP: Final[frozenset[str]] = frozenset(
    _w("in on at and or but of from by with to for during after before since as when while "
    "were was have has had are is be been being got get who which that whom whose including "
    "among amongst killed dead died die dies dying wounded injured hurt missing slain "
    "reportedly also all said say says saying according the a an this these those their "
    "his her its into near across inside outside monday tuesday wednesday thursday friday "
    "saturday sunday yesterday today last overnight earlier later most mostly many "
    "some both each either while where there here it they he she we were perished lost "
    "died killing wounding injuring left leaving bringing raising taking putting martyred "
    "massacred executed beheaded murdered slaughtered perished fell fallen went remain "
    "remained shot gunned burned burnt found")
)
_PARTITIVE_HEADS: Final[frozenset[str]] = frozenset(
    _w("them whom which the those these us his her their its"))
_WORD = re.compile(r"[A-Za-z]+(?:[-'][A-Za-z]+)*|\d+(?:[.,]\d+)*|[^\sA-Za-z\d]")

_KILLED_AFTER = (
    r"killed|dead|died|die|dies|dying|slain|massacred|executed|beheaded|murdered|martyred|"
    r"slaughtered|perished|shot\s+dead|gunned\s+down|burned\s+to\s+death|burnt\s+to\s+death|"
    r"lost\s+(?:their|his|her)\s+li(?:ves|fe)|(?:have\s+|has\s+|had\s+)?fallen\s+victims?|"
    r"fell\s+victims?|were\s+found\s+dead|found\s+dead|killed\s+outright|suffocated\s+to\s+death"
)
_INJURED_AFTER = r"wounded|injured|hurt|sustained\s+(?:\w+\s+)?injuries|suffered\s+(?:\w+\s+)?(?:injuries|wounds)|were\s+injured"
_MISSING_AFTER = r"missing|went\s+missing|unaccounted\s+for|disappeared"
_AUX = (
    r"(?:(?:were|was|have|has|had|are|is|been|being|got|reportedly|also|all|allegedly|"
    r"later|subsequently|already|so\s+far|now|both|apparently|initially|in\s+total|in\s+all|"
    r"together|confirmed|remain|remains|remained|still|believed\s+to\s+have\s+been|said\s+to\s+have\s+been|"
    r"feared|feared\s+to\s+have\s+been|thought\s+to\s+have|likely|who|which|that)\s+)*"
)
# A wordy aside between a count and its verb: "ten civilians, some of them children, killed".
_ASIDE = (
    r"(?:\s*,?\s*(?:some|most|many|all|mostly|mainly|among\s+them|including)\b"
    r"(?:\s+of\s+(?:them|whom))?(?:\s+[A-Za-z-]+){0,4}?\s*,?)?"
)
_AFTER_VERB = re.compile(
    rf"{_ASIDE}\s*,?\s*{_AUX}(?:(?P<killed>{_KILLED_AFTER})|(?P<injured>{_INJURED_AFTER})|"
    rf"(?P<missing>{_MISSING_AFTER}))\b(?P<both>(?:\s+(?:and|or|&|/))?\s+(?:the\s+)?"
    r"(?:wounded|injured|hurt|killed|dead|died|injuries|wounding|injuring))?",
    re.I,
)
_AMONG_DEAD = re.compile(
    r"\s*(?:were|are|was|is)\s+(?:also\s+)?among\s+(?:the\s+|those\s+)?"
    r"(?:(?P<killed>dead|killed|victims|fatalities)|(?P<injured>wounded|injured))\b",
    re.I,
)
_AMONG_HEAD = re.compile(r"\s*(?:were|are|was|is)\s+(?:also\s+)?among\s+(?:the\s+)?$", re.I)

_BEFORE_KILLED = re.compile(
    r"\b(?:kill(?:ed|ing|s)?|claim(?:ed|ing|s)?\s+the\s+lives?\s+of|(?:took|taking|takes|take)"
    r"\s+the\s+lives?\s+of|the\s+lives?\s+of|(?:the\s+)?deaths?\s+of|bodies\s+of|remains\s+of|"
    r"corpses\s+of|massacr(?:ed|ing|es|e)|massacre\s+of|execut(?:ed|ing|es|e)|execution\s+of|"
    r"behead(?:ed|ing|s)?|slaughter(?:ed|ing|s)?|slaughter\s+of|murder(?:ed|ing|s)?|"
    r"murder\s+of|shot\s+dead|gunned\s+down|eliminat(?:ed|ing|es|e)|shooting\s+dead|(?:the\s+)?killing\s+of|"
    r"left\s+dead|toll\s+(?:of|at|to|is|was|hit|hits|reached|reaches|stood\s+at|stands\s+at)"
    r"|rose\s+to|climbed\s+to|risen\s+to|reached|raising\s+(?:it|the\s+toll)\s+to)"
    r"(?:\s+(?:the|all|another|an\s+additional|a\s+further|at\s+least))*\s*$",
    re.I,
)
_BEFORE_INJURED = re.compile(
    r"\b(?:wound(?:ed|ing|s)?|injur(?:ed|ing|es|e)|hurt(?:ing|s)?|leaving|left)"
    r"(?:\s+(?:the|all|another|an\s+additional|a\s+further))*\s*$",
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
    r"\b(?:including|included|include|includes|among\s+them|among\s+whom|amongst\s+them|"
    r"of\s+whom|of\s+them|out\s+of\s+whom|among\s+(?:the|those)\s+(?:dead|killed|victims)"
    r"(?:\s+(?:were|are|was|is))?|(?:the\s+)?(?:dead|victims)\s+(?:include|included)|"
    r"with|such\s+as|mainly|mostly|them)\s*[:,]?\s*$",
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
_COORD_AHEAD = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+|as\s+well\s+as\s+|plus\s+)?", re.I)
# "a"/"an"/"another" a few words before a singular victim noun: a count of one person.
_ARTICLE = re.compile(
    r"\b(?:an?|another)\s+(?=(?:[A-Za-z'-]+\s+){0,3}?(?:"
    + "|".join(sorted((w for w in _LEXICON if not w.endswith("s") or w in ("remains",)),
                      key=len, reverse=True))
    + r")\b)",
    re.I,
)
_ZERO = re.compile(
    r"\b(?:no\s+one|nobody|none)\s+(?:was|were|has\s+been|had\s+been|have\s+been)\s+"
    r"(?:(?P<killed>killed|dead)|(?P<injured>hurt|injured|wounded))\b|"
    r"\bthere\s+(?:were|was)\s+no\s+(?:civilian\s+)?(?P<both>casualties|deaths|injuries)\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class _Phrase:
    """What follows a count: the victims it names and where that noun phrase ends."""

    victims: Victims | None  # None: no noun at all ("killing 16 in ...")
    end: int  # document offset after the noun phrase
    noun_outcome: Outcome | None = None  # "bodies", "deaths", "wounded" carry their outcome
    ok: bool = True  # False: the count counts something else ("two separate letters")
    items: int = 1  # nouns listed: "a woman and child" counts two people


def _words(text: str, pos: int, end: int, limit: int = 16) -> list[re.Match[str]]:
    out: list[re.Match[str]] = []
    for m in _WORD.finditer(text, pos, end):
        out.append(m)
        if len(out) >= limit:
            break
    return out


def _family_at(words: list[re.Match[str]], k: int) -> int:
    """If words[k:] is "members of (one|the same|a|his|their) family", its length, else 0."""
    low = [w.group().lower() for w in words[k:k + 5]]
    if low[:2] == ["members", "of"] and "family" in low[2:5]:
        return low.index("family", 2) + 1
    return 0


def _read_phrase(text: str, pos: int, end: int, singular: bool = False) -> _Phrase:
    words = _words(text, pos, end)
    skipped = 0
    k = 0
    if len(words) > 1 and words[0].group().lower() == "of" \
            and words[1].group().lower() not in _PARTITIVE_HEADS:
        words = words[1:]  # "dozens of civilians", "hundreds of Syrian soldiers"
    if words and words[0].group().lower() in ("other", "others", "more", "additional", "further",
                                              "new", "people"):
        if words[0].group().lower() in ("others", "people"):
            return _list_tail(text, words, 0, end)
        k = 1
    while k < len(words) and skipped <= 3:
        w = words[k].group()
        low = w.lower()
        if low == "members" and _family_at(words, k):
            n = _family_at(words, k)
            return _Phrase("civilians", words[k + n - 1].end())
        if low in ("family", "families") and k + 1 < len(words) \
                and words[k + 1].group().lower() == "members":
            return _Phrase("civilians", words[k + 1].end())
        if low in _LEXICON and not (low == "dead" and skipped == 0):
            if singular and low.endswith("s") and low not in ("remains", "personnel", "forces"):
                return _Phrase(None, pos, ok=False)
            return _list_tail(text, words, k, end)
        if low in _NOUN_OUTCOME and low not in ("dead", "wounded", "injured"):
            return _Phrase("total", words[k].end(), _NOUN_OUTCOME[low])
        if w.isupper() and len(w) > 1 and w.isalpha():
            skipped += 1  # an acronym names a group: "8 IS militants", "20 SDF fighters"
            k += 1
            continue
        if low in _STOP or not w[0].isalpha():
            if skipped:
                return _Phrase(None, pos, ok=False)
            return _Phrase(None, words[k].start() if k else pos)
        skipped += 1
        k += 1
    if not words or (k >= len(words) and not skipped):
        return _Phrase(None, pos)
    return _Phrase(None, pos, ok=False)


def _list_tail(text: str, words: list[re.Match[str]], k: int, end: int) -> _Phrase:
    """Read "women, children and the elderly" / "bodies of civilians" from the noun at words[k]."""
    while k + 1 < len(words) and words[k].group().lower() in _SINGULAR_MODIFIERS \
            and words[k + 1].group().lower() in _LEXICON \
            and words[k + 1].group().lower() not in _NOUN_OUTCOME:
        k += 1  # compounds name their head last: "girl child", "child soldiers"
    low = words[k].group().lower()
    victims: Victims = _LEXICON.get(low, "total")
    outcome = _NOUN_OUTCOME.get(low)
    phrase_end = words[k].end()
    nxt = [w.group().lower() for w in words[k + 1:k + 5]]
    if low in ("bodies", "body", "remains", "corpses", "corpse") and nxt[:1] == ["of"]:
        inner = _read_phrase(text, words[k + 1].end(), end)
        if inner.ok and inner.victims is not None:
            return _Phrase(inner.victims, inner.end, "killed")
    groups = {victims}
    items = 1
    m = k + 1
    while m + 1 < len(words):
        sep = words[m].group().lower()
        if sep not in (",", "and", "or", "&"):
            break
        n = m + 1
        if words[n].group().lower() == "and":
            n += 1
        if n < len(words) and words[n].group().lower() in ("the", "her", "his", "their"):
            n += 1
        if n < len(words) and words[n].group().lower() in _LEXICON:
            groups.add(_LEXICON[words[n].group().lower()])
            phrase_end = words[n].end()
            items += 1
            m = n + 1
        else:
            break
    if len(groups) > 1:
        if groups <= _CIVILIAN_GROUPS | {"men"}:
            victims = "civilians"
        elif groups == {"combatants"}:
            victims = "combatants"
        else:
            victims = "total"
    return _Phrase(victims, phrase_end, outcome, items=items)


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


def _outcome_from_match(m: re.Match[str]) -> Outcome:
    if m.group("killed"):
        return "killed"
    if m.group("injured"):
        return "injured"
    return "missing"


def _article_counts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of "a"/"an"/"another" that count one person ("killing a child")."""
    spans = []
    for m in _ARTICLE.finditer(text, start, end):
        phrase = _read_phrase(text, m.end(), end, singular=True)
        if phrase.ok and phrase.victims is not None:
            spans.append((m.start(), m.start() + len(m.group().rstrip())))
    return spans


def _classify(text: str, start: int, end: int, q_start: int, q_end: int, rng: Range,
              article: bool) -> _Found | None:
    """What one count counts and what happened to them, from the words around it."""
    phrase = _read_phrase(text, q_end, end, singular=article)
    if not phrase.ok or (article and phrase.victims is None):
        return None
    before = text[max(start, q_start - 120):q_start]
    if article and phrase.items > 1:  # "a woman and child": one article, two people
        rng = Range(phrase.items, phrase.items, text[q_start:phrase.end])
        q_end = phrase.end

    def found(outcome: Outcome | None, how: str, *, sub: bool = False, head_after: bool = False,
              victims: Victims | None = None, phrase_end: int | None = None) -> _Found:
        return _Found(q_start, q_end, rng, victims or phrase.victims or "total",
                      phrase.end if phrase_end is None else phrase_end, outcome, how, sub,
                      head_after)

    sub_after = _SUB_AFTER.match(text, phrase.end, end) if phrase.victims is None else None
    if sub_after:
        tail = _read_phrase(text, sub_after.end(), end)
        partitive = sub_after.group("whole") or ""
        outcome: Outcome | None = ("injured" if re.search(r"wounded|injured", partitive, re.I)
                                   else "killed" if re.search(r"dead|killed|victims", partitive, re.I)
                                   else None)
        verb = _AFTER_VERB.match(text, tail.end if tail.victims else sub_after.end(), end)
        if verb and not verb.group("both"):
            outcome = _outcome_from_match(verb)
        return found(outcome, "sub", sub=True, victims=tail.victims or "total",
                     phrase_end=tail.end if tail.victims else sub_after.end())
    after = _AFTER_VERB.match(text, phrase.end, end)
    if after and not _PASSIVE.search(after.group()) and _ACTIVE.match(text, after.end(), end) \
            and (article or phrase.victims == "combatants" or _BEFORE_KILLED.search(before)
                 or _BEFORE_INJURED.search(before)):
        # A bare participle with an object is an active verb: "a suicide bomber killed 30
        # people", or in run-on headlines "killed 30 people injured 90".
        after = None
    if after:
        if after.group("both"):
            return None  # "19 killed and injured": one count of two outcomes
        return found(_outcome_from_match(after), "after", sub=bool(_SUB_BEFORE.search(before)))
    among = _AMONG_DEAD.match(text, phrase.end, end)
    if among:
        return found(_outcome_from_match(among), "among", sub=True)
    if _AMONG_HEAD.match(text, phrase.end, end) or _AMONG_NUMBER.match(text, phrase.end, end):
        return found(None, "among-head", sub=True, head_after=True)
    if phrase.noun_outcome:
        return found(phrase.noun_outcome, "noun", sub=bool(_SUB_BEFORE.search(before)))
    if _BEFORE_INJURED.search(before) and not _LEFT.search(before):
        return found("injured", "before")
    if _BEFORE_KILLED.search(before):
        return found("killed", "before")
    if _SUB_BEFORE.search(before):
        return found(None, "sub", sub=True)
    if _INJURED_TOLL.search(before):
        return found("injured", "toll")
    if _TOLL.search(before):
        return found("killed", "toll")
    return found(None, "none")


# An object right after "killed"/"wounded" makes the verb active: "3 gunmen killed 20 people".
_ACTIVE = re.compile(
    r"\s+(?:(?:at\s+least|more\s+than|over|some|nearly|about|up\s+to|as\s+many\s+as)\s+)?"
    r"(?:\d|(?:a|an|the|his|her|their|its|them|him|one|two|three|four|five|six|seven|eight|"
    r"nine|ten|eleven|twelve|dozens|scores|hundreds|thousands|several|many|people|civilians|"
    r"children|women|men|soldiers|fighters|members|dozen)\b)",
    re.I,
)
_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are|got|dead|died|die|dies|dying|slain|"
                      r"perished|lost|fallen|fell|found)\b", re.I)
_LEFT = re.compile(r"\b(?:leaving|left)\s*$", re.I)
_AMONG_NUMBER = re.compile(r"\s*(?:were|are)\s+among\s+(?:the\s+)?(?:\w+\s+){0,2}\d", re.I)


def find_casualties(text: str, start: int = 0, end: int | None = None) -> list[CountMention]:
    """Casualty counts in `text[start:end]`, in text order, with document offsets.

    A mention's span covers the number with its qualifier ("at least 26"); `range.text` holds
    those words. `sub_of` is the index, in the returned list, of the head count a breakdown
    belongs to. See the module docstring for what is read and what is left out.
    """
    end = len(text) if end is None else end
    items: list[tuple[int, int, Range, bool]] = [
        (q.start, q.end, q.range, False) for q in find_quantities(text, start, end)]
    items += [(a, b, Range(1, 1, text[a:b] if text[a:b].lower() != "another" else "another"), True)
              for a, b in _article_counts(text, start, end)]
    items.sort(key=lambda it: it[0])
    found: list[_Found] = []
    for it in items:
        if found and it[0] < found[-1].phrase_end:
            continue  # inside the previous count's noun phrase: "seven members of one family"
        f = _classify(text, start, end, *it)
        if f is not None:
            found.append(f)
    found = _coordinate(text, found)
    mentions = _link_subs(found)
    return mentions + _zeros(text, start, end, mentions)


def _coordinate(text: str, found: list[_Found]) -> list[_Found]:
    """Carry an outcome across "12 fighters and 7 civilians were killed" / "killing 5 and 3"."""
    out = list(found)
    # Backwards: the verb after the last of a list applies to the earlier ones.
    for k in range(len(out) - 2, -1, -1):
        f, g = out[k], out[k + 1]
        if f.outcome is None and not f.sub and g.outcome is not None and g.how in ("after", "coord") \
                and _COORD_AHEAD.fullmatch(text[f.phrase_end:g.start]):
            out[k] = replace(f, outcome=g.outcome, how="coord")
    # Forwards: a verb before the first of a list applies to the later ones.
    for k in range(1, len(out)):
        f, g = out[k - 1], out[k]
        if g.outcome is None and not g.sub and f.outcome is not None and f.how in ("before", "coord") \
                and _COORD_AHEAD.fullmatch(text[f.phrase_end:g.start]):
            out[k] = replace(g, outcome=f.outcome, how="coord")
    return out


def _link_subs(found: list[_Found]) -> list[CountMention]:
    """Turn findings into mentions: breakdowns and their heads share an outcome.

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
            head = next((m for m in range(k - 1, -1, -1) if not found[m].sub
                         and (f.outcome is None or found[m].outcome in (None, f.outcome))), None)
        heads.append(head)
    outcomes = [f.outcome for f in found]
    for k, head in enumerate(heads):
        if head is None:
            continue
        if outcomes[head] is None:
            outcomes[head] = outcomes[k]
        if outcomes[k] is None:
            outcomes[k] = outcomes[head]
    index: dict[int, int] = {}
    mentions: list[CountMention] = []
    for k, f in enumerate(found):
        if outcomes[k] is None:
            continue
        outcome = outcomes[k]
        assert outcome is not None
        index[k] = len(mentions)
        mentions.append(CountMention(f.start, f.end, f.range, outcome, f.victims, heads[k]))
    # Re-point sub_of at positions in the returned list (dropped heads leave a bare breakdown).
    return [replace(m, sub_of=index.get(m.sub_of)) if m.sub_of is not None else m
            for m in mentions]


def _zeros(text: str, start: int, end: int, mentions: list[CountMention]) -> list[CountMention]:
    out: list[CountMention] = []
    for m in _ZERO.finditer(text, start, end):
        if any(c.start <= m.start() < c.end for c in mentions):
            continue
        zero = Range(0, 0, m.group())
        if m.group("both"):
            out += [CountMention(m.start(), m.end(), zero, "killed"),
                    CountMention(m.start(), m.end(), zero, "injured")]
        else:
            out.append(CountMention(m.start(), m.end(), zero,
                                    "killed" if m.group("killed") else "injured"))
    return out


def merge(groups: Iterable[Sequence[CountMention]]) -> list[CountMention]:
    """Concatenate the results of several `find_casualties` calls, re-pointing `sub_of`."""
    out: list[CountMention] = []
    for group in groups:
        base = len(out)
        out += [replace(m, sub_of=m.sub_of + base) if m.sub_of is not None else m for m in group]
    return out


def is_vague(r: Range) -> bool:
    """Whether a range comes from a vague quantity ("dozens", "several hundred")."""
    words = r.text.lower()
    return any(re.search(rf"\b{re.escape(v)}\b", words) for v in VAGUE_MINIMUMS)


def _pick(candidates: Sequence[CountMention]) -> Range | None:
    """One figure for one category: precise beats vague, non-zero beats zero, then the first."""
    if not candidates:
        return None
    def rank(m: CountMention) -> tuple[int, int]:
        return (is_vague(m.range), m.range.min == 0 and m.range.max == 0)
    return min(candidates, key=rank).range


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


def _casualties(mentions: Sequence[CountMention], people_as_civilians: bool = False) -> Casualties:
    chosen: dict[Victims, Range | None] = {}
    heads: dict[Victims, Range | None] = {}
    for victims in ("total", "civilians", "children", "women", "men", "elderly", "combatants"):
        chosen[victims] = _pick([m for m in mentions if m.victims == victims])
        heads[victims] = _pick([m for m in mentions if m.victims == victims and m.sub_of is None])
    civilians = chosen["civilians"]
    protected = [r for v in ("children", "women", "elderly") if (r := heads[v]) is not None]
    men = heads["men"]
    men_counted = False
    if civilians is None and protected:
        civilians = _sum(protected + ([men] if men is not None else []))
        men_counted = men is not None
    # Only a civilian *head* count (or one derived from head counts) adds to the total; a
    # civilian breakdown ("including a doctor") is already inside another count.
    civilian_part = civilians if (heads["civilians"] is not None or protected) else None
    disjoint = [r for r in (civilian_part, heads["combatants"], None if men_counted else men)
                if r is not None]
    total = _larger(chosen["total"], _sum(disjoint))
    if people_as_civilians and heads["civilians"] is None and chosen["combatants"] is None \
            and total is not None and (civilians is None or (civilians.min or 0) < (total.min or 0)):
        civilians = total
    return Casualties(total=total, civilians=civilians, children=chosen["children"],
                      women=chosen["women"], men=chosen["men"], combatants=chosen["combatants"])


def combine(mentions: Sequence[CountMention], *, people_as_civilians: bool = False
            ) -> tuple[Casualties, Casualties, Range | None]:
    """(killed, injured, missing) of one incident from its mentions, without double counting.

    Rules, per outcome:

    1. One figure per victim category: several mentions of a category are several statements
       of one figure (a headline and its lede; an update), never added up. A precise figure
       beats a vague one ("dozens"), a non-zero one beats "no one was killed", and otherwise
       the first in text order wins.
    2. `civilians` is what the text calls civilians (and its synonyms). When the text gives no
       civilian count but counts children, women or the elderly as head counts, `civilians` is
       their sum (with men counted alongside them): these are protected groups the text
       distinguishes from fighters, and the groups do not overlap.
    3. `total` is at least the sum of disjoint head counts (civilians, combatants, men not
       already counted): "12 fighters and 7 civilians were killed" gives total 19, and an
       explicit total that is smaller than that sum is raised to it. Breakdowns (`sub_of`
       set: "including 14 children") never add to the total.
    4. Sums keep open ends open: the maximum is known only when every part's maximum is.

    5. Only with `people_as_civilians=True`: when the text counts no combatants and gives no
       civilian head count, the total ("16 people") is read as civilians, and so replaces a
       smaller civilian breakdown ("two medics were among 31 people killed" → 31). This is
       the reading of crowd coders and casualty monitors such as the VDC (FA-KES labels "16
       people killed" as 16 civilians); it is off by default because the text does not say
       civilians, and CLAIMS.md keeps what the text says.

    `elderly` has no field in the claim format; it only feeds rule 2. `missing` is the first
    precise missing count (vague only when there is nothing else).
    """
    killed = _casualties([m for m in mentions if m.outcome == "killed"], people_as_civilians)
    injured = _casualties([m for m in mentions if m.outcome == "injured"], people_as_civilians)
    missing = _pick([m for m in mentions if m.outcome == "missing"])
    return killed, injured, missing
