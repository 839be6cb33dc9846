"""First-level divisions (governorates): canonical names and the spellings news uses for them.

`governorate_name(country, admin1code)` turns a GeoNames admin1 code into the name factfinder
writes into `Place.admin1`. For Syria these are the 14 names in their common English forms
("Aleppo", "Deir ez-Zor", "Al-Hasakah", "Rif Dimashq", …); for Iraq the common English names;
for the other neighbours the Natural Earth name from `data/admin1.tsv`.

`GOVERNORATE_SPELLINGS` lists, per Syrian and Iraqi governorate, the spellings that mean the
governorate when followed by "province"/"governorate" or preceded by "countryside of" — the
resolver indexes them as governorate-level places.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

# GeoNames admin1 codes → canonical governorate names.
SYRIA: dict[str, str] = {
    "01": "Al-Hasakah",
    "02": "Latakia",
    "03": "Quneitra",
    "04": "Raqqa",
    "05": "As-Suwayda",
    "06": "Daraa",
    "07": "Deir ez-Zor",
    "08": "Rif Dimashq",
    "09": "Aleppo",
    "10": "Hama",
    "11": "Homs",
    "12": "Idlib",
    "13": "Damascus",
    "14": "Tartus",
}
IRAQ: dict[str, str] = {
    "01": "Anbar",
    "02": "Basra",
    "03": "Muthanna",
    "04": "Qadisiyah",
    "05": "Sulaymaniyah",
    "06": "Babil",
    "07": "Baghdad",
    "08": "Dohuk",
    "09": "Dhi Qar",
    "10": "Diyala",
    "11": "Erbil",
    "12": "Karbala",
    "13": "Kirkuk",
    "14": "Maysan",
    "15": "Nineveh",
    "16": "Wasit",
    "17": "Najaf",
    "18": "Salah ad-Din",
}

# Spellings of each governorate as news and gazetteers write them (hand-written; the city of the
# same name is a separate gazetteer entry). Keys are (country, admin1 code).
GOVERNORATE_SPELLINGS: dict[tuple[str, str], tuple[str, ...]] = {
    ("SY", "01"): (
        "Al-Hasakah",
        "Hasakah",
        "Hasaka",
        "Hasakeh",
        "Hassakeh",
        "Hassaka",
        "Haseke",
        "Hasake",
        "Al-Hasaka",
        "Hassakah",
        "Jazira",
        "Jazeera",
        "Al-Jazira",
    ),
    ("SY", "02"): ("Latakia", "Lattakia", "Latakiya", "Lattakiya", "Ladhiqiyah", "Lathqiyah"),
    ("SY", "03"): ("Quneitra", "Qunaitra", "Qunaytirah", "Kuneitra", "Quneitira"),
    ("SY", "04"): ("Raqqa", "Raqqah", "Ar-Raqqah", "Rakka", "Raqa", "Al-Raqqa"),
    ("SY", "05"): (
        "As-Suwayda",
        "Suwayda",
        "Sweida",
        "Suwaida",
        "Sweyda",
        "Suweida",
        "Swaida",
        "Suwaidaa",
        "Sweidaa",
    ),
    ("SY", "06"): ("Daraa", "Dara'a", "Dar'a", "Deraa", "Der'a", "Daraa al-Balad"),
    ("SY", "07"): (
        "Deir ez-Zor",
        "Deir ez Zor",
        "Deir Ezzor",
        "Deir ez-Zour",
        "Deir el-Zor",
        "Deir el-Zour",
        "Deir al-Zor",
        "Deir al-Zour",
        "Dair al-Zour",
        "Deir Zor",
        "Dayr az Zawr",
        "Dayr al-Zawr",
        "Deir Ezzour",
        "Deirezzor",
        "Deir Azzor",
        "Deir Ezour",
    ),
    ("SY", "08"): (
        "Rif Dimashq",
        "Reef Dimashq",
        "Rif Damascus",
        "Reef Damascus",
        "Rural Damascus",
        "Damascus Countryside",
        "Damascus suburbs",
        "Damascus Rural",
        "Outer Damascus",
        "Rif-Dimashq",
    ),
    ("SY", "09"): ("Aleppo", "Halab", "Haleb"),
    ("SY", "10"): ("Hama", "Hamah", "Hamaa"),
    ("SY", "11"): ("Homs", "Hims"),
    ("SY", "12"): ("Idlib", "Idleb", "Edlib"),
    ("SY", "13"): ("Damascus",),
    ("SY", "14"): ("Tartus", "Tartous", "Tartouss"),
    ("IQ", "01"): ("Anbar", "Al-Anbar"),
    ("IQ", "02"): ("Basra", "Basrah", "Al-Basrah"),
    ("IQ", "03"): ("Muthanna", "Al-Muthanna"),
    ("IQ", "04"): ("Qadisiyah", "Diwaniyah", "Al-Qadisiyah"),
    ("IQ", "05"): ("Sulaymaniyah", "Sulaimaniyah", "Suleimaniyah", "Sulaimani"),
    ("IQ", "06"): ("Babil", "Babylon"),
    ("IQ", "07"): ("Baghdad",),
    ("IQ", "08"): ("Dohuk", "Duhok", "Dahuk", "Dihok"),
    ("IQ", "09"): ("Dhi Qar", "Thi Qar", "Dhi-Qar"),
    ("IQ", "10"): ("Diyala", "Diala"),
    ("IQ", "11"): ("Erbil", "Arbil", "Irbil"),
    ("IQ", "12"): ("Karbala", "Kerbala"),
    ("IQ", "13"): ("Kirkuk", "Tamim", "Ta'mim"),
    ("IQ", "14"): ("Maysan", "Missan", "Mesan"),
    ("IQ", "15"): ("Nineveh", "Ninawa", "Nineva", "Ninewa"),
    ("IQ", "16"): ("Wasit", "Wassit"),
    ("IQ", "17"): ("Najaf", "An-Najaf"),
    ("IQ", "18"): (
        "Salah ad-Din",
        "Salahuddin",
        "Salah al-Din",
        "Salaheddine",
        "Salahaddin",
        "Saladin",
    ),
}


@dataclass(frozen=True, slots=True)
class Admin1:
    """A first-level division: its country, GeoNames code, canonical name and a label point."""

    country: str
    code: str
    name: str
    lat: float
    lon: float


@lru_cache(maxsize=1)
def admin1_table() -> dict[tuple[str, str], Admin1]:
    """All divisions of `data/admin1.tsv`, keyed by (country, code), with canonical names."""
    text = resources.files("factfinder.geo").joinpath("data/admin1.tsv").read_text("utf-8")
    out: dict[tuple[str, str], Admin1] = {}
    for line in text.splitlines():
        if not line or line.startswith("#") or line.startswith("country\t"):
            continue
        country, code, ne_name, lat, lon, _alt = line.split("\t")
        canonical = {"SY": SYRIA, "IQ": IRAQ}.get(country, {}).get(code, ne_name)
        out[(country, code)] = Admin1(country, code, canonical, float(lat), float(lon))
    return out


def governorate_name(country: str | None, admin1code: str | None) -> str | None:
    """The canonical name of a first-level division, or None when the code is unknown.

    >>> governorate_name("SY", "07")
    'Deir ez-Zor'
    """
    if not country or not admin1code:
        return None
    if country == "SY":
        return SYRIA.get(admin1code)
    if country == "IQ":
        return IRAQ.get(admin1code)
    entry = admin1_table().get((country, admin1code))
    return entry.name if entry else None


def country_of_governorate(name: str) -> str | None:
    """The country (ISO code) of a first-level division named by its canonical name, when one
    country has a division of that name."""
    for country, table in (("SY", SYRIA), ("IQ", IRAQ)):
        if name in table.values():
            return country
    countries = {a.country for a in admin1_table().values() if a.name == name}
    return countries.pop() if len(countries) == 1 else None
