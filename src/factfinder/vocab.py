"""Controlled vocabularies of the claim format (shared/CLAIMS.md, version 1).

Every value written into a claim or an incident comes from one of these tuples; the web app,
the exports and the validators read them from here.
"""

from __future__ import annotations

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

ROLES: Final[tuple[str, ...]] = ("admin", "investigator", "analyst", "viewer")
