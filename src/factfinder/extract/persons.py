"""Personal names in quoted sentences: the witnesses, victims and sources a report names.

Names of people are personal data whatever role the rest of the extractor gives them, so the
access rules (`factfinder.services.access`) restrict every name this module finds until an
investigator releases it. It reads names only where the text itself says a person is meant —
a word for a person beside the name — and never guesses from capitals alone:

- the word before the name: "said resident Khalil Haddad", "the child Ahmad Ali was killed",
  "his brother Omar";
- the name before its description: "Mahmoud Qassem, a resident, said", "Samira Nouri, 34, a
  teacher from Hajin, …", "Omar Zaki, 12,";
- the description before the name: "A witness, Samira Nouri, told";
- "identified as …", "named as …";
- in Arabic script, the titles of `factfinder.extract.arabic.named` ("الشاهد", "المواطن",
  "الطفل", "الشهيد", …).

`personal_names(text)` gives `(start, end)` character spans, in text order, without overlaps.
"""

from __future__ import annotations

import re

from factfinder.arabic import has_arabic
from factfinder.extract.arabic.named import titled_names
from factfinder.vocab import MONTH_NAMES

# Words for a person (singular: a plural names a group, not someone).
_PERSON_WORDS = (
    r"(?:eye)?witness|resident|survivor|neighbou?r|relative|villager|inhabitant|local|farmer|"
    r"teacher|student|pupil|shopkeeper|merchant|trader|driver|nurse|doctor|surgeon|paramedic|"
    r"medic|rescuer|volunteer|activist|father|mother|brother|sister|son|daughter|uncle|aunt|"
    r"cousin|nephew|niece|wife|husband|widow|widower|grandfather|grandmother|grandson|"
    r"granddaughter|man|woman|boy|girl|child|toddler|baby|infant|teenager|victim|worker|"
    r"labourer|laborer|fisherman|shepherd|mechanic|pharmacist|engineer|employee|informant|"
    r"civilian|journalist|photographer|cameraman|mother\s+of\s+\w+|father\s+of\s+\w+"
)
# Lower case inside a sentence, capitalised when it opens one ("Resident Khalil Haddad said").
_PERSON = "|".join(f"{w}|{w[:1].upper()}{w[1:]}" for w in _PERSON_WORDS.split("|"))
_WORD = r"[A-Z][a-z]+(?:['’][A-Za-z]+)?"
_PARTICLE = r"(?:al|el|bin|ibn|bint|abu|abd|ben|bou|de|van|von|da)"
_NAME = (
    rf"(?P<name>(?:(?:Abu|Abou|Umm|Um|Al|El|Abd)[- ])?{_WORD}"
    rf"(?:(?:[ ]|-)(?:{_PARTICLE}[- ])?{_WORD}){{0,3}})"
)
_MODIFIERS = r"(?:[\w'’-]+\s+){0,2}?"
_PATTERNS = (
    # "said resident Khalil Haddad", "the child Ahmad Ali", "his brother Omar"
    re.compile(rf"\b(?:{_PERSON})\s+(?:named\s+|called\s+)?{_NAME}"),
    # "Mahmoud Qassem, a resident, said", "Samira Nouri, 34, a teacher from Hajin"
    re.compile(
        rf"{_NAME},\s+(?:(?:aged\s+)?\d{{1,3}},\s+)?(?:a|an|the|one)\s+{_MODIFIERS}"
        rf"(?:{_PERSON})\b(?=\s*[,;.)]|\s+(?:from|in|of|at|who|whose|living|told|said|says))"
    ),
    # "A witness, Samira Nouri, told"
    re.compile(
        rf"\b(?:[Aa]n?|[Tt]he|[Oo]ne)\s+{_MODIFIERS}(?:{_PERSON}),\s+{_NAME}\s*(?=,|\(|\s+\d)"
    ),
    # "Omar Zaki, 12, was killed", "Omar Zaki (12)"
    re.compile(rf"{_NAME}(?:,\s+(?:aged\s+)?\d{{1,3}},|\s+\(\s*(?:aged\s+)?\d{{1,3}}\s*\))"),
    # "identified as Omar Zaki", "named as Omar Zaki"
    re.compile(rf"\b(?:identified|named)\s+(?:him\s+|her\s+|them\s+)?as\s+{_NAME}"),
    # "Dr. Ayman Kassar"
    re.compile(rf"\b(?:Dr|Mr|Mrs|Ms|Miss)\.?\s+{_NAME}"),
)
# Further names of a list: "identified as Ali Hamoud, Huda Hamoud and Samir Hamoud".
_MORE = re.compile(rf"(?:,\s*(?:and\s+)?|\s+and\s+){_NAME}")
# A capitalised word that opens a place phrase, not a name.
_PLACE_WORDS = frozenset(
    ["in", "on", "at", "from", "near", "outside", "inside", "across", "around"]
)
# Capitalised words that open a sentence or name no person.
_NOT_NAMES = frozenset(
    [
        "the",
        "a",
        "an",
        "he",
        "she",
        "it",
        "they",
        "we",
        "i",
        "you",
        "his",
        "her",
        "their",
        "our",
        "its",
        "this",
        "that",
        "these",
        "those",
        "in",
        "on",
        "at",
        "but",
        "and",
        "or",
        "so",
        "then",
        "when",
        "while",
        "after",
        "before",
        "during",
        "since",
        "as",
        "by",
        "for",
        "from",
        "with",
        "of",
        "to",
        "however",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "us",
        "un",
        "uk",
        "eu",
        "isis",
        "daesh",
        "god",
        "allah",
        "mr",
        "mrs",
        "ms",
        "dr",
        "emir",
        "amir",
        "sheikh",
        "committee",
        "committees",
        "council",
        "government",
        "police",
        "union",
        "club",
        "area",
        "areas",
        "deaths",
        "casualties",
        "life",
        "status",
        "operations",
        "operation",
        "director",
        "representative",
        "media",
        "consultant",
        "base",
        "air",
        "news",
        "twitter",
        "facebook",
        "telegram",
        "youtube",
        "instagram",
        "network",
        "observatory",
        "ministry",
        "forces",
        "army",
        "agency",
        "department",
        "office",
        "center",
        "centre",
        "organization",
        "organisation",
        "group",
        "brigade",
        "front",
        "coalition",
        "kurdish",
        "syrian",
        "syrians",
        "iraqi",
        "iraqis",
        "islamist",
        "islamic",
        "state",
        "israel",
        "israeli",
        "palestinian",
        "within",
        "deliberate",
        "massacre",
        "continues",
        "rising",
        "harm",
        "combat",
        "killed",
        "civilian",
        "civilians",
    ]
) | frozenset(MONTH_NAMES)


def _english(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            a, b = m.span("name")
            words = [(w.start() + a, w.end() + a) for w in re.finditer(r"[^\s-]+", text[a:b])]
            first = text[words[0][0] : words[0][1]].lower()
            if first in _PLACE_WORDS:
                continue  # "In Raqqa, a resident said": a place, then the speaker
            keep: list[tuple[int, int]] = []
            for s, e in words:
                if text[s:e].lower() in _NOT_NAMES:
                    if keep:
                        keep = []  # "Local Coordination Committees": an organisation's name
                        break
                    continue
                keep.append((s, e))
            if keep:
                a, b = keep[0][0], keep[-1][1]
                if text[b - 2 : b] in ("'s", "’s"):
                    b -= 2  # "Muhammad’s house": the name without the possessive
                out.append((a, b))
            end = m.end()
            while (more := _MORE.match(text, end)) is not None:
                if text[slice(*more.span("name"))].split()[0].lower() in _NOT_NAMES:
                    break
                out.append(more.span("name"))
                end = more.end()
    return out


def personal_names(text: str) -> list[tuple[int, int]]:
    """The spans of the personal names `text` gives with a word for a person (module docstring),
    in text order; overlapping finds are merged."""
    found = _english(text)
    if has_arabic(text):
        # A definite noun after a title is a description, not a name ("الشاب العامل").
        found += [(a, b) for a, b in titled_names(text) if not text[a:b].startswith("ال")]
    merged: list[tuple[int, int]] = []
    for a, b in sorted(found):
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged


def names_in(text: str) -> list[str]:
    """The distinct personal names of `text` (`personal_names`), as written, in text order."""
    seen: dict[str, None] = {}
    for a, b in personal_names(text):
        seen.setdefault(" ".join(text[a:b].split()), None)
    return list(seen)


# Words of a claimant that name a kind of person, not someone ("local residents", "medical
# sources", "أهالي المنطقة" is not among them: a place or a family may follow).
_GENERIC = frozenset(
    [w for w in _PERSON_WORDS.split("|") if "\\" not in w]
    + [w + "s" for w in _PERSON_WORDS.split("|") if "\\" not in w]
    + [
        "residents",
        "witnesses",
        "eyewitnesses",
        "locals",
        "villagers",
        "relatives",
        "families",
        "family",
        "people",
        "men",
        "women",
        "children",
        "medics",
        "doctors",
        "nurses",
        "activists",
        "sources",
        "source",
        "medical",
        "hospital",
        "local",
        "a",
        "an",
        "the",
        "some",
        "several",
        "one",
        "two",
        "three",
        "of",
        "other",
        "others",
        "many",
        "staff",
        "workers",
        "officials",
        "survivors",
        "neighbours",
        "neighbors",
        "inhabitants",
        "displaced",
        "civilians",
        "الأهالي",
        "أهالي",
        "السكان",
        "سكان",
        "شهود",
        "شاهد",
        "عيان",
        "ناشطون",
        "ناشطين",
        "مصادر",
        "مصدر",
        "محلية",
        "طبية",
        "أحد",
        "الأطباء",
        "مسعفون",
        "المسعفين",
    ]
)


def holds_name(text: str) -> bool:
    """Whether a claimant's name (a witness's, say) may name someone: it gives a personal name
    (`personal_names`), or it is more than words for a kind of person ("residents", "local
    medical sources", "شهود عيان" are not)."""
    if personal_names(text):
        return True
    words = re.findall(r"\w+", text.casefold())
    return any(w not in _GENERIC and not w.isdigit() for w in words)
