"""Words for readers: the report writes vocabulary codes (`us_led_coalition`, `mass_grave`,
`party_to_conflict`) as a person would; exports keep the codes."""

from __future__ import annotations

LABELS: dict[str, str] = {
    # event types
    "airstrike": "airstrike",
    "shelling": "shelling",
    "explosion": "explosion",
    "shooting": "shooting",
    "execution": "execution",
    "chemical": "chemical attack",
    "mass_grave": "mass grave",
    "detention": "detention",
    "other": "other",
    "unknown": "unknown",
    # perpetrator groups
    "syrian_government": "Syrian government forces",
    "russia": "Russian forces",
    "us_led_coalition": "US-led coalition",
    "isis": "ISIS",
    "armed_opposition": "armed opposition",
    "hts_nusra": "HTS / Nusra Front",
    "sdf_ypg": "SDF / YPG",
    "turkey": "Turkish forces",
    "iran": "Iranian forces",
    "israel": "Israeli forces",
    "iraq_government": "Iraqi government forces",
    # claimant types
    "party_to_conflict": "party to the conflict",
    "state_media": "state media",
    "monitor": "monitoring group",
    "ngo": "NGO",
    "un": "United Nations",
    "media": "media",
    "witness": "witness",
}


def label(code: str | None) -> str:
    """The reader's word for a vocabulary code (the code itself when there is none)."""
    if code is None:
        return "—"
    return LABELS.get(code, code.replace("_", " "))
