"""Who a casualty count counts: the victim nouns of news text and the phrase after a number.

`read_phrase(text, pos, end)` reads the words after a count ("26 local civilians, including",
"2,500 women, children and the elderly", "seven members of one family", "1,500 bodies of
civilians") and says which victims they name (`Victims`), where the noun phrase ends, and
whether the count counts something else ("two separate letters"). `LEXICON` maps victim
nouns to categories:

* civilians: civilians and their unambiguous synonyms (residents, villagers, citizens,
  passers-by, worshippers, evacuees, refugees, displaced, students, patients, medics,
  journalists, aid and rescue workers, volunteers, family members, detainees, hostages);
* children, women, men, elderly: what the text says, kept apart (they feed `civilians` only
  in `factfinder.extract.tally`);
* combatants: soldiers, troops, fighters, militants, rebels, insurgents, terrorists,
  jihadists, gunmen, militiamen, officers, policemen, personnel, commanders, guards, members
  (of armed groups), mercenaries, pilots, bombers …;
* total: people, persons, individuals, victims, martyrs, bodies, remains, "others" and
  nationalities ("40 Syrians"), which say nothing of civilian status.

A list of several civilian groups ("women, children and the elderly") is a count of civilians;
a list that mixes civilians and fighters is a total.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from types import MappingProxyType
from typing import Final

from factfinder.extract.actors import find_actors
from factfinder.extract.numbers import parse_quantity
from factfinder.mentions import Outcome, Victims
from factfinder.vocab import MONTH_NAMES, number_words


def _w(words: str) -> list[str]:
    """The words of a space-separated list (keeps long word tables readable)."""
    return words.split()


KIN: Final[frozenset[str]] = frozenset(
    _w(
        "son sons daughter daughters brother brothers sister sisters sibling siblings cousin "
        "cousins nephew nephews niece nieces grandson grandsons granddaughter granddaughters "
        "grandchild grandchildren"
    )
)
"""Kin words of no stated sex or age (civilians in `LEXICON`)."""
KIN_SINGULAR: Final[frozenset[str]] = frozenset(
    _w(
        "son daughter brother sister cousin nephew niece grandson granddaughter grandchild "
        "wife husband father mother grandmother grandfather uncle aunt widow baby toddler "
        "infant child"
    )
)
"""Kin nouns that count one person after "his", "her", "their" ("killing his wife")."""

PERSON_TITLES: Final[frozenset[str]] = frozenset(
    _w("professor lawyer poet writer artist footballer athlete activist photojournalist")
)
"""Words for a person, besides the victim nouns, that may stand before a name."""
NOT_NAMES: Final[frozenset[str]] = frozenset(m.title() for m in MONTH_NAMES) | frozenset(
    _w(
        "The A An His Her Their On In At Of And But Gaza Israel Israeli Israelis Palestinian "
        "Palestinians Syria Syrian Iraq Iraqi Hamas Facebook Twitter Instagram Telegram YouTube "
        "Monday Tuesday Wednesday Thursday Friday Saturday Sunday According Multiple Local "
        "Sources Ministry Hospital Strip City Camp Street President King Prime Minister "
        "Observatory Agency News Network Council Committee Army Forces Front State Group Brigade "
        "Brigades Civil Defence Defense Red Crescent Human Rights United Nations Islamic Kurdish "
        "Russian Turkish American Iranian Arab Free National Democratic Government Regime"
    )
)
"""Capitalised words that do not start a person's name (places, parties, months, titles)."""

LEXICON: Final[Mapping[str, Victims]] = MappingProxyType(
    {
        **dict.fromkeys(
            _w(
                "people persons person individuals victims martyrs martyr bodies body corpses corpse remains others "
                "syrians iraqis kurds turks russians iranians lebanese palestinians americans alawites "
                "christians druze yazidis shiites sunnis turkmen arabs foreigners nationals "
                "afghans egyptians saudis tunisians jordanians gazans yemenis somalis libyans "
                "sudanese israelis ppl"
            ),
            "total",
        ),
        **dict.fromkeys(
            _w(
                "civilians civilian civs residents resident villagers villager inhabitants inhabitant "
                "passers-by passersby passer-by passerby worshippers worshipper worshipers worshiper evacuees "
                "evacuee refugees refugee displaced students student pupils pupil teachers teacher "
                "doctors doctor nurses nurse medics medic paramedics paramedic patients patient "
                "journalists journalist reporters reporter farmers farmer shepherds shepherd workers "
                "worker citizens citizen volunteers volunteer rescuers rescuer relatives "
                "parents grandparents neighbours neighbors neighbour neighbor "
                " shoppers pilgrims mourners detainees prisoners hostages drivers driver "
                "photographers photographer cameraman cameramen pharmacist pharmacists "
                "engineers engineer fishermen fisherman staff idps idp passengers passenger "
                "labourers labourer laborers laborer teenagers teenager adolescents adolescent "
                "protesters protester demonstrators demonstrator migrants migrant guests "
                "bystanders bystander hunters tourists tourist visitors visitor holidaymakers "
                "vacationers picnickers merchants merchant traders trader vendors vendor "
                "craftsmen herders herder beekeepers truffle-hunters schoolgirls schoolboys "
                "employees employee clerics cleric imam imams rider riders motorcyclist "
                "motorcyclists cyclist cyclists smugglers smuggler traffickers trafficker "
                "dealers dealer butchers butcher bakers baker tailors tailor barbers barber "
                "carpenters carpenter plumbers plumber electricians electrician builders builder "
                "porters porter cooks cook waiters waiter cleaners cleaner mukhtar mukhtars"
            ),
            "civilians",
        ),
        # Kin: a family's members are civilians unless the text says otherwise; the kin words
        # that say an adult's sex count as women or men ("a man, his wife and their three
        # children": one man, one woman, three children).
        **dict.fromkeys(KIN, "civilians"),
        **dict.fromkeys(_w("wife wives grandmother grandmothers widow widows aunt aunts"), "women"),
        **dict.fromkeys(
            _w("husband husbands father fathers grandfather grandfathers uncle uncles"), "men"
        ),
        **dict.fromkeys(
            _w(
                "children child kids kid boys boy girls girl infants infant babies baby minors minor "
                "toddlers toddler schoolchildren newborns newborn"
            ),
            "children",
        ),
        **dict.fromkeys(_w("women woman mothers mother"), "women"),
        **dict.fromkeys(_w("men man"), "men"),
        **dict.fromkeys(_w("elderly"), "elderly"),
        **dict.fromkeys(
            _w(
                "soldiers soldier troops troopers trooper fighters fighter militants militant rebels rebel "
                "insurgents insurgent terrorists terrorist jihadists jihadist gunmen gunman "
                "militiamen militiaman militias militia officers officer policemen policeman "
                "personnel servicemen serviceman recruits recruit commanders commander guards guard "
                "members member extremists extremist mercenaries mercenary takfiris takfiri "
                "pilots pilot conscripts conscript snipers sniper elements operatives operative "
                "combatants combatant forces jihadis jihadi loyalists loyalist defectors "
                "bombers bomber paratroopers marines airmen crew gunners comrades cadets cadet"
            ),
            "combatants",
        ),
    }
)
# Nouns that themselves say the people are dead (or hurt), with no verb needed.
NOUN_OUTCOME: Final[Mapping[str, Outcome]] = MappingProxyType(
    {
        **dict.fromkeys(
            _w("bodies body corpses corpse remains deaths fatalities dead martyrs martyr"), "killed"
        ),
        **dict.fromkeys(_w("injuries wounded injured"), "injured"),
    }
)
_SINGULAR_MODIFIERS: Final[frozenset[str]] = frozenset(
    _w("girl boy child baby infant woman man civilian family elderly")
)
_CIVILIAN_GROUPS: Final[frozenset[str]] = frozenset({"civilians", "children", "women", "elderly"})

# Words that end a noun phrase: function words, verbs of harm, days, punctuation.
_STOP: Final[frozenset[str]] = frozenset(
    _w(
        "in on at and or but of from by with to for during after before since as when while "
        "were was have has had are is be been being got get who which that whom whose including incl "
        "among amongst killed dead died die dies dying wounded injured hurt missing slain "
        "reportedly also all said say says saying according the a an this these those their "
        "his her its into near across inside outside monday tuesday wednesday thursday friday "
        "saturday sunday yesterday today last overnight earlier later late early tonight most "
        "mostly many "
        "some both each either while where there here it they he she we were perished lost "
        "died killing wounding injuring left leaving bringing raising taking putting martyred "
        "massacred executed beheaded murdered slaughtered perished fell fallen went remain "
        "remained shot gunned burned burnt found"
    )
)
_POSSESSIVES: Final[frozenset[str]] = frozenset(_w("our their his her its my your"))
# Acronyms of states, bodies and outlets, whose officials are no fighters ("a senior US official").
_NOT_ARMED: Final[frozenset[str]] = frozenset(
    _w("US USA UK UN EU UAE WHO ICRC UNICEF NGO MSF WFP OCHA UNRWA UNHCR SANA AFP BBC CNN")
)
# People held: civilians, unless an armed group's name qualifies them ("ISIS prisoners").
_HELD: Final[frozenset[str]] = frozenset(_w("prisoners prisoner detainees detainee inmates"))
# Roles read as military only right after "military": "two Iranian military advisers".
_MILITARY_ROLES: Final[frozenset[str]] = frozenset(
    _w("advisers adviser advisors advisor experts expert trainers trainer instructors instructor")
)
# Roles in an armed group, read as its fighters only right after the group's acronym.
GROUP_ROLES: Final[frozenset[str]] = frozenset(
    _w("official officials leader leaders emir emirs aide aides figure figures chief chiefs")
)
# Parties whose officials, leaders and emirs are fighters: armed groups and the IRGC's kind, not
# states' civil officials ("a senior Russian official").
_ARMED_GROUPS: Final[frozenset[str]] = frozenset(
    {"isis", "hts_nusra", "armed_opposition", "sdf_ypg", "iran", "other"}
)
_PARTITIVE_HEADS: Final[frozenset[str]] = frozenset(
    _w("them whom which the those these us his her their its")
)
# Dotted acronyms are one word: "three U.S. service members".
_WORD = re.compile(r"(?:[A-Z]\.){2,}|[A-Za-z]+(?:[-'’][A-Za-z]+)*|\d+(?:[.,]\d+)*|[^\sA-Za-z\d]")


@dataclass(frozen=True, slots=True)
class Phrase:
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


_FAMILY_DETERMINERS: Final[frozenset[str]] = frozenset(
    _w("the same one a an single his her their extended entire whole")
)


def _family_at(words: list[re.Match[str]], k: int) -> int:
    """If words[k:] is "members of (one|the same|a single|his|their) family" (or "members of
    (the) families"), its length, else 0."""
    low = [w.group().lower() for w in words[k : k + 9]]
    if low[:2] != ["members", "of"]:
        return 0
    if low[2:3] == ["families"] or low[2:4] in (["the", "families"], ["their", "families"]):
        return low.index("families") + 1  # "members of families of Islamic State fighters"
    if "family" not in low[2:9]:
        return 0
    at = low.index("family", 2)
    between = words[k + 2 : k + at]
    if all(
        w.group().lower() in _FAMILY_DETERMINERS
        or w.group()[:1].isupper()
        or w.group().lower() in ("al", "abu", "el", "bin")
        or w.group().lower().startswith(("al-", "el-"))
        for w in between
    ):
        return at + 1  # "members of the Abu al-Kheir family"
    return 0


_STAFF_WORDS: Final[frozenset[str]] = frozenset(_w("staff crew crews team teams"))
_STAFF_BEFORE: Final[frozenset[str]] = frozenset(
    _w("its their his her the medical rescue ambulance nursing civil defence defense")
)


def _staff_at(words: list[re.Match[str]], k: int) -> int:
    """If words[k:] is "members of its (medical) staff/crew/team" (a rescue or medical
    body's people: civilians), its length, else 0."""
    low = [w.group().lower() for w in words[k : k + 6]]
    if low[:2] != ["members", "of"]:
        return 0
    for n in range(2, len(low)):
        if low[n] in _STAFF_WORDS:
            return n + 1 if n > 2 else 0  # (a determiner first: not "members of staff")
        if low[n] not in _STAFF_BEFORE:
            return 0
    return 0


_AGE_WORD = re.compile(r"(?:[a-z]+-)?(?:years?|months?|weeks?|days?)-old", re.I)


_AGE_WORDS = re.compile(
    r"(?:\d+|[a-z]+)(?:-[a-z]+)?(?: ?- ?| )(?:years?|months?|weeks?|days?)(?: ?- ?| )old", re.I
)


# What may follow an age that names a person on its own: "including a 16-year-old, …".
_AGE_ALONE = re.compile(r"\s*(?:[,;.)]|\s(?:and|who|were|was|in|on|at)\b|$)")


def _age_at(words: list[re.Match[str]], k: int) -> int:
    """If words[k:] is an age adjective ("7-year-old", "11 year-old", "seven-year-old",
    "83-year old", "two-year old"), its length in words, else 0."""
    low = [w.group().lower() for w in words[k : k + 5]]
    if low and _AGE_WORD.fullmatch(low[0]):
        return 1
    for n in range(2, len(low) + 1):
        if _AGE_WORDS.fullmatch(" ".join(low[:n])):
            return n
    return 0


def _young(words: list[re.Match[str]], k: int, n: int) -> bool:
    """Whether the age adjective words[k:k+n] is under 18 (or in months, weeks or days)."""
    said = " ".join(w.group().lower() for w in words[k : k + n])
    if re.search(r"(?:month|week|day)s?-old", said):
        return True
    first = said.split()[0].split("-")[0]
    if first.isdigit():
        return int(first) < 18

    r = parse_quantity(first)
    return r is not None and r.min is not None and r.min < 18


def read_phrase(text: str, pos: int, end: int, singular: bool = False) -> Phrase:
    words = _words(text, pos, end)
    skipped = 0
    k = 0
    young = False
    if (
        len(words) > 2
        and words[0].group().lower() == "of"
        and words[1].group().lower() in _POSSESSIVES
    ):
        words = words[2:]  # "three of their children", "two of our comrades"
    elif (
        len(words) > 1
        and words[0].group().lower() == "of"
        and words[1].group().lower() not in _PARTITIVE_HEADS
    ):
        words = words[1:]  # "dozens of civilians", "hundreds of Syrian soldiers"
    if words and words[0].group().lower() in (
        "other",
        "others",
        "more",
        "additional",
        "further",
        "new",
        "people",
    ):
        if words[0].group().lower() in ("others", "people"):
            return _list_tail(text, words, 0, end)
        k = 1
    named = 0  # words of a group's proper name: "Two Syrian Democratic Forces (SDF) fighters"
    while k < len(words) and skipped <= 3 and named <= 5:
        w = words[k].group()
        low = w.lower()
        age = _age_at(words, k)
        if age:
            young = young or _young(words, k, age)
            k += age  # "a 7-year-old boy", "two 12-year-old girls"
            stop = words[k - 1].end()
            if skipped == 0 and _AGE_ALONE.match(text, stop, end):
                # "including a 16-year-old": the age names the person
                return Phrase("children" if young else "total", stop)
            continue
        if low == "members" and _family_at(words, k):
            n = _family_at(words, k)
            return Phrase("civilians", words[k + n - 1].end())
        if low == "members" and (n := _staff_at(words, k)):
            return Phrase("civilians", words[k + n - 1].end())  # "six members of its staff"
        if (
            low in ("family", "families")
            and k + 1 < len(words)
            and words[k + 1].group().lower() == "members"
        ):
            return Phrase("civilians", words[k + 1].end())
        nxt = words[k + 1].group() if k + 1 < len(words) else ""
        if (
            low in LEXICON
            and w[:1].isupper()
            and (nxt == "(" or (nxt[:1].islower() and nxt.lower() in LEXICON))
        ):
            named += 1  # a word of the group's name: "Syrian Democratic Forces (SDF) fighters"
            k += 1
            continue
        if low in LEXICON and not (low == "dead" and skipped == 0):
            if singular and low.endswith("s") and low not in ("remains", "personnel", "forces"):
                return Phrase(None, pos, ok=False)
            phrase = _list_tail(text, words, k, end)
            if young and phrase.items == 1 and phrase.victims in ("civilians", "total", "men"):
                return replace(phrase, victims="children")  # "her 8-year-old grandson"
            if (
                low in _HELD
                and phrase.victims == "civilians"
                and k
                and _armed_group_in(text, words[0].start(), words[k].start())
            ):
                # "dozens of ISIS prisoners": a group's members held, or people it holds; the
                # words do not say which, so no civilian status either
                return replace(phrase, victims="total")
            return phrase
        if low in NOUN_OUTCOME and low not in ("dead", "wounded", "injured"):
            return Phrase("total", words[k].end(), NOUN_OUTCOME[low])
        if low in _MILITARY_ROLES and k and words[k - 1].group().lower() == "military":
            return _list_tail(text, words, k, end, head="combatants")  # "military advisers"
        if low in GROUP_ROLES and k and _armed_group_in(text, words[0].start(), words[k].start()):
            # "an ISIS senior official", "two senior Hurras al-Din leaders": a group's officers
            return _list_tail(text, words, k, end, head="combatants")
        if (
            low in GROUP_ROLES | _MILITARY_ROLES
            and k + 2 < len(words)
            and words[k + 1].group().lower() in ("of", "to", "with", "in")
            and _armed_group_in(text, words[k + 2].start(), words[min(k + 6, len(words) - 1)].end())
        ):
            # "two senior leaders of Hurras al-Din", "a senior official of ISIS", "a senior
            # adviser of Iran's Revolutionary Guards"
            return _list_tail(text, words, k, end, head="combatants")
        if w in ("KIA", "WIA") and not (skipped or named):
            # a post's "2 KIA, 3 WIA": killed or wounded "in action" are fighters
            return Phrase("combatants", words[k].start() if k else pos)
        if w.isupper() and len(w) > 1 and w.isalpha():
            skipped += 1  # an acronym names a group: "8 IS militants", "20 SDF fighters"
            k += 1
            if (
                k < len(words)
                and words[k].group().lower() in GROUP_ROLES | _MILITARY_ROLES
                and w not in _NOT_ARMED
            ):
                # "a senior ISIS official and two other militants": a group's officer; "five
                # IRGC advisers": a force's advisers
                return _list_tail(text, words, k, end, head="combatants")
            continue
        if (
            w == "("
            and k + 2 < len(words)
            and (skipped or named)
            and words[k + 1].group().isupper()
            and words[k + 2].group() == ")"
        ):
            k += 3  # the group's acronym after its name: "Syrian Democratic Forces (SDF)"
            continue
        if (
            w[:1].isupper()
            and w.isalpha()
            and low not in _STOP
            and k + 1 < len(words)
            and not skipped
        ):
            named += 1
            k += 1
            continue
        if (
            w == "/"
            and 0 < k < len(words) - 1
            and words[k - 1].group()[:1].isupper()
            and words[k + 1].group()[:1].isupper()
        ):
            k += 1  # two names of one group: "12 PKK/YPG terrorists", "5 ISIS/Daesh members"
            continue
        if low in _STOP or not w[0].isalpha():
            if skipped or named:
                return Phrase(None, pos, ok=False)
            return Phrase(None, words[k].start() if k else pos)
        skipped += 1
        k += 1
    if not words or (k >= len(words) and not skipped and not named):
        return Phrase(None, pos)
    return Phrase(None, pos, ok=False)


_FORCE_NOUNS: Final[frozenset[str]] = frozenset(
    _w("forces force army militia militias troops units factions groups brigades battalions")
)
_FORCE_ADJECTIVES: Final[frozenset[str]] = frozenset(
    _w("security armed special border federal regular government auxiliary paramilitary")
)
_NAME_PARTICLE = re.compile(r"(?:al|el|ad|ar|as|ash|at|az|an|bin|ibn)-[A-Z]")


def _group_named_after(words: list[re.Match[str]], m: int, phrase_end: int) -> tuple[int, int]:
    """After a fighters' noun, "of (the) <Capitalised Name> (<ACRONYM>)": the word index after
    it and the phrase's new end; unchanged when no such name follows."""
    if m >= len(words) or words[m].group().lower() != "of":
        return m, phrase_end
    n = m + 1
    if n < len(words) and words[n].group().lower() == "the":
        n += 1
    first = n
    while (
        n < len(words)
        and n - first < 6
        and (words[n].group()[:1].isupper() or _NAME_PARTICLE.match(words[n].group()))
    ):
        n += 1
    if n == first:
        # "eight members of regime forces", "two members of the government's militias": a
        # force named in lower case, its noun last
        for k in range(first, min(first + 4, len(words))):
            low = words[k].group().lower()
            if low in _FORCE_NOUNS:
                return k + 1, words[k].end()
            if not words[k].group()[:1].isalpha() and words[k].group() not in ("'", "’"):
                break
        return m, phrase_end
    end = words[n - 1].end()
    if n + 2 < len(words) and words[n].group() == "(" and words[n + 2].group() == ")":
        n += 3
        end = words[n - 1].end()
    # "three soldiers of the Iraqi army", "two members of the Turkish security forces": a force
    # named by its nation, its noun in lower case after the name
    for k in (n, n + 1):
        if k >= len(words):
            break
        low = words[k].group().lower()
        if low in _FORCE_NOUNS and words[k].group().islower():
            return k + 1, words[k].end()
        if low not in _FORCE_ADJECTIVES:
            break
    # "two members of the SDF-affiliated internal security forces": the name qualifies a force
    # named in lower case after it, whose noun ends the phrase.
    if re.search(r"-[a-z]+$", words[n - 1].group()):
        for k in range(n, min(n + 4, len(words))):
            w = words[k].group()
            if w.lower() in _FORCE_NOUNS:
                return k + 1, words[k].end()
            if not (w.isalpha() and w.islower()):
                break
    return n, end


# Victim words that are also verbs ("displaced", "wounded") and the words that show it after
# them: a count ("and displaced some 180,000").
_ALSO_VERBS = frozenset({"displaced", "wounded", "injured", "detained", "abducted", "missing"})
_COUNT_NEXT = re.compile(
    r"\d[\d,.]*|some|about|around|nearly|almost|over|more|at|up|roughly|approximately|tens|"
    r"hundreds|thousands|dozens|scores|several|many|" + "|".join(number_words(2, 20)),
    re.IGNORECASE,
)


# Bodies whose members are no fighters: "a local council member", "three family members".
_CIVIL_BODY_NOUNS = _w("council family committee board union parliament municipality crew staff")
_CIVIL_BODIES = frozenset((*_CIVIL_BODY_NOUNS, "municipal"))
_OF_CIVIL_BODY = re.compile(
    r"\s+of\s+(?:an?|the|its|his|her|their|one|the\s+same)?\s*"
    r"(?:(?!military\b|revolutionary\b|security\b|war\b|army\b)[\w-]+\s+){0,2}?"
    rf"(?:{'|'.join(_CIVIL_BODY_NOUNS)})\b",
    re.IGNORECASE,
)
_FAMILY_OF = re.compile(r"\bfamil(?:y|ies)\s+of\s+(?:\S+\s+)?$", re.IGNORECASE)


def _list_tail(
    text: str, words: list[re.Match[str]], k: int, end: int, head: Victims | None = None
) -> Phrase:
    """Read "women, children and the elderly" / "bodies of civilians" from the noun at words[k]
    (whose category is `head` when the lexicon does not know it)."""
    civilian = False
    while (
        k + 1 < len(words)
        and words[k].group().lower() in _SINGULAR_MODIFIERS
        and words[k + 1].group().lower() in LEXICON
        and words[k + 1].group().lower() not in NOUN_OUTCOME
    ):
        civilian = civilian or words[k].group().lower() == "civilian"
        k += 1  # compounds name their head last: "girl child", "child soldiers"
    low = words[k].group().lower()
    victims: Victims = head or LEXICON.get(low, "total")
    if civilian and victims in ("combatants", "total"):
        victims = "civilians"  # "two civilian members of a household"
    if low == "members" and _FAMILY_OF.search(
        text, max(0, words[0].start() - 40), words[0].start()
    ):
        victims = "total"  # "an entire family of seven members": a household, not fighters
    if (
        low in ("member", "members")
        and k > 0
        and words[k - 1].group().lower() in _CIVIL_BODIES
        and not _armed_group_in(text, words[0].start(), words[k].start())
    ):
        victims = "civilians"  # "a local council member", "two family members"
    body = _OF_CIVIL_BODY.match(text, words[k].end(), end) if low in ("member", "members") else None
    if body is not None and not _armed_group_in(text, body.start(), body.end()):
        victims = "civilians"  # "two members of a local council", "members of one family"
    outcome = NOUN_OUTCOME.get(low)
    phrase_end = words[k].end()
    after = words[k + 1].group().lower() if k + 1 < len(words) else ""
    if outcome is None and after in ("deaths", "fatalities", "martyr", "martyrs"):
        # "7 civilian deaths", "a child martyr", "two civilian martyrs"
        return Phrase(victims, words[k + 1].end(), "killed")
    nxt = [w.group().lower() for w in words[k + 1 : k + 5]]
    if low in ("bodies", "body", "remains", "corpses", "corpse") and nxt[:1] == ["of"]:
        inner = read_phrase(text, words[k + 1].end(), end)
        if inner.ok and inner.victims is not None:
            return Phrase(inner.victims, inner.end, "killed")
    groups = {victims}
    items = 1
    m = k + 1
    if victims == "combatants":
        # "two members of the Syrian Democratic Forces (SDF) and a civilian", "a member of the
        # SDF": the group named after the noun belongs to it, and a list may go on after it.
        m, phrase_end = _group_named_after(words, m, phrase_end)
    # A list is closed by "and"/"or": "women, children and the elderly". Items joined by a
    # comma alone are kept only when such a close follows ("3 children, rescuers said" is not
    # a list).
    closed = (phrase_end, set(groups), items)
    while m + 1 < len(words):
        sep = words[m].group().lower()
        if sep not in (",", "and", "or", "&"):
            break
        n = m + 1
        closing = sep != ","
        if words[n].group().lower() == "and":
            n += 1
            closing = True
        if n < len(words) and words[n].group().lower() == "the":
            n += 1  # "his", "her", "their" start a count of their own: "a man and his wife"
        n += _age_at(words, n)  # "a 15-year-old boy and 9-year-old girl"
        if (
            n + 1 < len(words)
            and words[n].group().lower() in _ALSO_VERBS
            and _COUNT_NEXT.match(words[n + 1].group())
        ):
            break  # "killed 120 civilians and displaced some 180,000": a verb, not a noun
        if n < len(words) and words[n].group().lower() in LEXICON:
            groups.add(LEXICON[words[n].group().lower()])
            phrase_end = words[n].end()
            items += 1
            m = n + 1
            if closing:
                closed = (phrase_end, set(groups), items)
        else:
            break
    phrase_end, groups, items = closed
    if len(groups) > 1:
        if groups <= _CIVILIAN_GROUPS | {"men"}:
            victims = "civilians"
        elif groups == {"combatants"}:
            victims = "combatants"
        else:
            victims = "total"
    return Phrase(victims, phrase_end, outcome, items=items)


def armed_group_in(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] names an armed group (its officials and leaders are fighters)."""
    return _armed_group_in(text, start, end)


def _armed_group_in(text: str, start: int, end: int) -> bool:
    """Whether text[start:end], the words between a count and a role, names an armed group."""
    return any(a.group in _ARMED_GROUPS for a in find_actors(text, start, end))
