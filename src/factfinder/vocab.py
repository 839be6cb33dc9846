"""Controlled vocabularies of the claim format (docs/CLAIMS.md, version 1), and the words of
the sources' languages that several stages read (month names, number words).

Every value written into a claim or an incident comes from one of these tuples; the web app,
the exports and the validators read them from here. The extractor, the place resolver and the
linker read month names and number words from here too.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final, Literal

EventType = Literal[
    "airstrike",
    "shelling",
    "explosion",
    "shooting",
    "execution",
    "chemical",
    "mass_grave",
    "detention",
    "other",
    "unknown",
]
EVENT_TYPES: Final[tuple[str, ...]] = (
    "airstrike",
    "shelling",
    "explosion",
    "shooting",
    "execution",
    "chemical",
    "mass_grave",
    "detention",
    "other",
    "unknown",
)

PERPETRATOR_GROUPS: Final[tuple[str, ...]] = (
    "syrian_government",
    "russia",
    "us_led_coalition",
    "isis",
    "armed_opposition",
    "hts_nusra",
    "sdf_ypg",
    "turkey",
    "iran",
    "israel",
    "iraq_government",
    "other",
    "unknown",
)

CLAIMANT_TYPES: Final[tuple[str, ...]] = (
    "party_to_conflict",
    "state_media",
    "monitor",
    "ngo",
    "un",
    "media",
    "witness",
    "unknown",
)

# A claim's stance toward what it reports (version 1.1): the claimant says it happened
# (`alleges`), says its own side did it (`admits`), or says it did not happen, that its side did
# not do it, or that nobody was harmed (`denies`). Absent in a claim means `alleges`.
STANCES: Final[tuple[str, ...]] = ("alleges", "admits", "denies")

PLACE_PRECISIONS: Final[tuple[str, ...]] = (
    "exact",
    "neighbourhood",
    "town",
    "district",
    "governorate",
    "country",
)

DATE_PRECISIONS: Final[tuple[str, ...]] = ("day", "week", "month", "year", "unknown")

# Victim categories of a casualty count, in the order of the claim format.
COUNT_KEYS: Final[tuple[str, ...]] = (
    "total",
    "civilians",
    "children",
    "women",
    "men",
    "combatants",
)

# Incident grades, Airwars-style; see factfinder.assess.grading for the rules.
GRADES: Final[tuple[str, ...]] = ("confirmed", "fair", "weak", "contested", "discounted")

# What an incident's figure rests on, weakest first (README, "Words for figures"): `alleged`
# (only parties to the conflict, or only the perpetrator's opponents, state it), `reported`
# (sources independent of the parties state it, but fewer than two credible ones), `corroborated`
# (two or more independent credible sources), `acknowledged` (the perpetrator's own side admits
# it). No figure is ever called established.
STANDINGS: Final[tuple[str, ...]] = ("alleged", "reported", "corroborated", "acknowledged")

# The parties of `PERPETRATOR_GROUPS` as a figure names them ("alleged by Syrian government").
PARTY_NAMES: Final[dict[str, str]] = {
    "syrian_government": "Syrian government",
    "russia": "Russia",
    "us_led_coalition": "US-led coalition",
    "isis": "Islamic State",
    "armed_opposition": "armed opposition",
    "hts_nusra": "Hayat Tahrir al-Sham",
    "sdf_ypg": "SDF",
    "turkey": "Turkey",
    "iran": "Iran",
    "israel": "Israel",
    "iraq_government": "Iraqi government",
    "other": "a party to the conflict",
}

ROLES: Final[tuple[str, ...]] = ("admin", "investigator", "analyst", "viewer")


# --- Words of the sources' languages --------------------------------------------------------------

# English month names, lower case, in calendar order (position + 1 is the month).
MONTH_NAMES: Final[tuple[str, ...]] = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
# Their abbreviations, lower case ("may" is its own), with the four-letter "sept".
MONTH_ABBREVIATIONS: Final[Mapping[str, int]] = MappingProxyType(
    {
        "jan": 1,
        "feb": 2,
        "mar": 3,
        "apr": 4,
        "jun": 6,
        "jul": 7,
        "aug": 8,
        "sep": 9,
        "sept": 9,
        "oct": 10,
        "nov": 11,
        "dec": 12,
    }
)
# The months' first three letters as a regex alternation, "Jan|Feb|…|Dec", capitalised as prose
# writes them: how the readers' patterns find a month word.
MONTH_PREFIXES: Final[str] = "|".join(name[:3].title() for name in MONTH_NAMES)
# The span of time that dates one event by another ("hours after another drone strike …",
# "days after a deadly chemical attack"), as a regex alternation (case-insensitive use).
TIME_GAP: Final[str] = (
    r"(?:(?:just|only|barely)\s+)?(?:minutes|hours|days|weeks|months|a\s+day|a\s+week|"
    r"one\s+day|two\s+days|a\s+few\s+(?:hours|days))"
)
# Every English month word (names and abbreviations), lower case → its month.
MONTH_NUMBERS: Final[Mapping[str, int]] = MappingProxyType(
    {name: k for k, name in enumerate(MONTH_NAMES, 1)} | dict(MONTH_ABBREVIATIONS)
)

# Arabic weekday names → Python weekday number (Monday = 0).
ARABIC_WEEKDAYS: Final[Mapping[str, int]] = MappingProxyType(
    {
        "الاثنين": 0,
        "الإثنين": 0,
        "الثلاثاء": 1,
        "الأربعاء": 2,
        "الخميس": 3,
        "الجمعة": 4,
        "السبت": 5,
        "الأحد": 6,
    }
)

# Arabic month names → month: the Levantine names used in Syria, then the Egyptian ones with
# their common spellings.
ARABIC_MONTHS: Final[Mapping[str, int]] = MappingProxyType(
    {
        "كانون الثاني": 1,
        "شباط": 2,
        "آذار": 3,
        "نيسان": 4,
        "أيار": 5,
        "حزيران": 6,
        "تموز": 7,
        "آب": 8,
        "أيلول": 9,
        "تشرين الأول": 10,
        "تشرين الثاني": 11,
        "كانون الأول": 12,
        "يناير": 1,
        "فبراير": 2,
        "مارس": 3,
        "أبريل": 4,
        "إبريل": 4,
        "ابريل": 4,
        "مايو": 5,
        "يونيو": 6,
        "يونيه": 6,
        "يوليو": 7,
        "يوليه": 7,
        "أغسطس": 8,
        "سبتمبر": 9,
        "أكتوبر": 10,
        "نوفمبر": 11,
        "ديسمبر": 12,
    }
)

# English number words: the units up to nineteen, the tens (with the common misspelling
# "fourty") and the scales, lower case → value.
NUMBER_UNITS: Final[Mapping[str, int]] = MappingProxyType(
    {
        "zero": 0,
        "one": 1,
        "two": 2,
        "three": 3,
        "four": 4,
        "five": 5,
        "six": 6,
        "seven": 7,
        "eight": 8,
        "nine": 9,
        "ten": 10,
        "eleven": 11,
        "twelve": 12,
        "thirteen": 13,
        "fourteen": 14,
        "fifteen": 15,
        "sixteen": 16,
        "seventeen": 17,
        "eighteen": 18,
        "nineteen": 19,
    }
)
NUMBER_TENS: Final[Mapping[str, int]] = MappingProxyType(
    {
        "twenty": 20,
        "thirty": 30,
        "forty": 40,
        "fourty": 40,
        "fifty": 50,
        "sixty": 60,
        "seventy": 70,
        "eighty": 80,
        "ninety": 90,
    }
)
NUMBER_SCALES: Final[Mapping[str, int]] = MappingProxyType(
    {
        "hundred": 100,
        "thousand": 1000,
        "million": 1_000_000,
        "billion": 1_000_000_000,
    }
)


def number_words(low: int, high: int) -> tuple[str, ...]:
    """The unit words from `low` to `high` (at most 19), in order: `number_words(1, 3)` →
    ("one", "two", "three")."""
    return tuple(w for w, n in NUMBER_UNITS.items() if low <= n <= high)


def tens_words() -> tuple[str, ...]:
    """The tens, each once ("twenty" … "ninety", without the misspelling "fourty")."""
    return tuple(w for w in NUMBER_TENS if w != "fourty")
