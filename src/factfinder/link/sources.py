"""Who a claim really comes from: claimant names normalised, publishers known, source chains.

A claim has a *claimant* (who makes it: "the ministry said") and a *publisher* (who carries it:
Press TV). Twenty outlets relaying one ministry's letters are one source, not twenty. This module
turns a claim's claimant and publisher into a `SourceKey`: the canonical name of the original
source, its type, and the party to the conflict it belongs to (if any). Claims with the same
`SourceKey.chain` belong to one chain and count as one independent source wherever they appear.

The rule for the original source:

* a named claimant is the source ("SOHR said" → Syrian Observatory for Human Rights), whoever
  publishes it;
* an unnamed claimant ("a witness said", "activists said") is the publisher's own reporting of
  that kind of source (`witness@Reuters`): two outlets' unnamed witnesses are not known to be one
  person, one outlet's are treated as one;
* no claimant, or the publisher standing in as claimant for a text that names nobody (a
  headline carried without attribution): the report is *unattributed, carried by* the publisher
  (`unattributed@Reuters`). It is kept as a source of its own, but it cannot corroborate: the
  outlet may be relaying anyone (a monitor, a party). A party's state media carrying it makes it
  that party's account.

A source the table knows as a party to the conflict (its ministry, army, news agency, and the
country's bare name: "Syria" quoted by Xinhua) is that party whatever type the extractor gave
it and whichever outlet carries it: a belligerent's own statement is a party's.

Parties: a claimant of type `party_to_conflict` is a party; so is the state media of a state that
is a party (SANA for the Syrian government, TASS for Russia): a belligerent's state agency
reporting its own side's statements is not independent of that side. Each party is written as a
perpetrator group of the claim vocabulary, so that "the belligerent admits it" can be checked by
comparing a source's party with the perpetrator a claim alleges.

The alias table is deliberately small and documented: it holds the sources that recur in Syrian
conflict reporting. Names not in it are normalised generically (case, articles, punctuation), so
"the Observatory" and "Syrian Observatory for Human Rights" meet, and unknown names still chain
with themselves.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from factfinder.model import Claimant, quick_pickle


@quick_pickle
@dataclass(frozen=True, slots=True)
class KnownSource:
    """An organisation that recurs as claimant or publisher, with what it is and whose it is."""

    name: str
    type: str
    party: str | None = None
    aliases: tuple[str, ...] = ()


# Parties are perpetrator groups of the claim vocabulary. Al-Manar and Al-Alam are marked with
# the side whose organ they are; the vocabulary has no separate Hezbollah group, so Hezbollah's
# Al-Manar is marked `iran` (the Iran-led axis it belongs to) — a documented simplification.
KNOWN_SOURCES: tuple[KnownSource, ...] = (
    # monitors
    KnownSource(
        "Syrian Observatory for Human Rights",
        "monitor",
        None,
        (
            "sohr",
            "the observatory",
            "observatory",
            "syrian observatory",
            "britain-based syrian observatory for human rights",
            "uk-based syrian observatory for human rights",
            "syrian observatory for human rights monitor",
        ),
    ),
    KnownSource("Syrian Network for Human Rights", "monitor", None, ("snhr",)),
    KnownSource(
        "Violations Documentation Center",
        "monitor",
        None,
        ("vdc", "violations documentation centre", "violation documentation center"),
    ),
    KnownSource("Airwars", "monitor", None, ()),
    KnownSource("Raqqa is Being Slaughtered Silently", "monitor", None, ("rbss",)),
    KnownSource(
        "Syrian Civil Defence",
        "ngo",
        None,
        (
            "white helmets",
            "the white helmets",
            "syria civil defence",
            "civil defense",
            "syrian civil defense",
            "civil defence",
        ),
    ),
    # NGOs
    KnownSource("Human Rights Watch", "ngo", None, ("hrw",)),
    KnownSource("Amnesty International", "ngo", None, ("amnesty",)),
    KnownSource(
        "Médecins Sans Frontières",
        "ngo",
        None,
        ("msf", "doctors without borders", "medecins sans frontieres"),
    ),
    KnownSource("Syrian American Medical Society", "ngo", None, ("sams",)),
    KnownSource("Union of Medical Care and Relief Organizations", "ngo", None, ("uossm", "uoss")),
    # Distinct organisations stay distinct: the ICRC is not the Syrian Arab Red Crescent.
    KnownSource(
        "International Committee of the Red Cross",
        "ngo",
        None,
        ("icrc", "red cross", "international red cross"),
    ),
    KnownSource("Syrian Arab Red Crescent", "ngo", None, ("sarc", "syrian red crescent")),
    # United Nations
    KnownSource("United Nations", "un", None, ("un", "u.n.", "the united nations", "the un")),
    KnownSource(
        "UN Office for the Coordination of Humanitarian Affairs", "un", None, ("ocha", "un ocha")
    ),
    KnownSource("World Health Organization", "un", None, ("who", "the who")),
    KnownSource(
        "Organisation for the Prohibition of Chemical Weapons",
        "un",
        None,
        ("opcw", "organization for the prohibition of chemical weapons"),
    ),
    KnownSource(
        "UN Commission of Inquiry on Syria",
        "un",
        None,
        ("commission of inquiry", "un commission of inquiry", "coi"),
    ),
    KnownSource("UNICEF", "un", None, ("united nations children's fund",)),
    KnownSource("UN Human Rights Office", "un", None, ("ohchr", "un human rights office")),
    # parties to the conflict
    KnownSource(
        "Syrian Ministry of Foreign Affairs and Expatriates",
        "party_to_conflict",
        "syrian_government",
        (
            "syrian foreign ministry",
            "the syrian foreign ministry",
            "syrian ministry of foreign affairs",
            "syria's foreign ministry",
            "foreign and expatriates ministry",
            "ministry of foreign affairs and expatriates",
            "syrian ministry of foreign affairs and expatriates",
        ),
    ),
    KnownSource(
        "Syrian Arab Army",
        "party_to_conflict",
        "syrian_government",
        (
            "syrian army",
            "the syrian army",
            "syrian army general command",
            "general command of the army and armed forces",
            "syrian military",
            "syrian government forces",
        ),
    ),
    KnownSource(
        "Syrian government",
        "party_to_conflict",
        "syrian_government",
        (
            "syrian government",
            "damascus government",
            "syrian regime",
            "assad regime",
            "syria",
            "damascus",
            "syrian authorities",
            "syrian officials",
            "syrian state",
            "syrian president",
            "bashar al-assad",
            "syrian defence ministry",
            "syrian defense ministry",
            "syrian ministry of defence",
            "syrian ministry of defense",
            "syrian interior ministry",
            "syrian health ministry",
            "syrian ministry of health",
            "government of syria",
            "syrian arab republic",
            "government of the syrian arab republic",
        ),
    ),
    KnownSource(
        "Russian Ministry of Defence",
        "party_to_conflict",
        "russia",
        (
            "russian defence ministry",
            "russian defense ministry",
            "russian military",
            "russian ministry of defense",
            "russia's defence ministry",
            "moscow",
            "kremlin",
            "russian government",
            "russia",
            "russian authorities",
            "russian foreign ministry",
            "russian reconciliation centre",
            "russian reconciliation center",
        ),
    ),
    KnownSource(
        "US-led coalition (CJTF-OIR)",
        "party_to_conflict",
        "us_led_coalition",
        (
            "us-led coalition",
            "u.s.-led coalition",
            "coalition",
            "cjtf-oir",
            "centcom",
            "us central command",
            "u.s. central command",
            "pentagon",
            "operation inherent resolve",
            "international coalition",
        ),
    ),
    KnownSource(
        "Turkish Armed Forces",
        "party_to_conflict",
        "turkey",
        (
            "turkish army",
            "turkish military",
            "turkish armed forces",
            "tsk",
            "turkish general staff",
            "turkish government",
            "ankara",
            "turkey",
            "turkish defence ministry",
            "turkish defense ministry",
            "turkish ministry of national defence",
        ),
    ),
    KnownSource(
        "Syrian Democratic Forces",
        "party_to_conflict",
        "sdf_ypg",
        ("sdf", "ypg", "kurdish ypg", "people's protection units"),
    ),
    KnownSource(
        "Islamic State",
        "party_to_conflict",
        "isis",
        ("isis", "isil", "daesh", "is", "amaq", "amaq news agency"),
    ),
    KnownSource(
        "Hayat Tahrir al-Sham",
        "party_to_conflict",
        "hts_nusra",
        ("hts", "nusra front", "al-nusra front", "jabhat al-nusra"),
    ),
    KnownSource(
        "Israel Defense Forces",
        "party_to_conflict",
        "israel",
        ("idf", "israeli army", "israeli military", "israel", "israeli government"),
    ),
    # publishers: state media of parties, other state media, media (FA-KES codes are aliases)
    KnownSource(
        "SANA",
        "state_media",
        "syrian_government",
        (
            "sana",
            "syrian arab news agency",
            "syrian state media",
            "syrian state tv",
            "state news agency sana",
            "syrian state television",
            "ikhbariya",
        ),
    ),
    KnownSource("Al-Manar", "state_media", "iran", ("manar", "al manar", "almanar")),
    KnownSource("Al-Alam", "state_media", "iran", ("alalam", "al alam")),
    KnownSource("Press TV", "state_media", "iran", ("presstv", "press tv")),
    KnownSource("Fars News Agency", "state_media", "iran", ("fars", "fars news")),
    KnownSource("Sputnik", "state_media", "russia", ("sputnik news",)),
    KnownSource("TASS", "state_media", "russia", ("tass",)),
    KnownSource("RT", "state_media", "russia", ("russia today",)),
    KnownSource("TRT", "state_media", "turkey", ("trt world",)),
    KnownSource("Anadolu Agency", "state_media", "turkey", ("anadolu", "aa")),
    KnownSource(
        "National Coalition of Syrian Revolution and Opposition Forces",
        "party_to_conflict",
        "armed_opposition",
        ("etilaf", "syrian national coalition", "snc", "syrian opposition coalition"),
    ),
    KnownSource("Radio Habana Cuba", "state_media", None, ("rhc", "radio havana cuba")),
    KnownSource("Al-Ahram", "state_media", None, ("ahram", "al ahram")),
    KnownSource("National News Agency (Lebanon)", "state_media", None, ("nna",)),
    KnownSource("Daily Sabah", "media", None, ("dailysabah",)),
    KnownSource("Al Arabiya", "media", None, ("arabiya", "alarabiya")),
    KnownSource("Asharq Al-Awsat", "media", None, ("asharqalawsat", "asharq al awsat")),
    KnownSource(
        "The New Arab (Al-Araby Al-Jadeed)",
        "media",
        None,
        ("alaraby", "al-araby", "the new arab", "al araby al jadeed"),
    ),
    KnownSource("The Jordan Times", "media", None, ("jordantimes", "jordan times")),
    KnownSource("Reuters", "media", None, ()),
    KnownSource("Agence France-Presse", "media", None, ("afp",)),
    KnownSource("Associated Press", "media", None, ("ap", "the associated press")),
)

_LEADING = re.compile(r"^(?:the|al|el|a)\s+")
_NON_WORD = re.compile(r"[^\w\s'.-]+")
_SPACES = re.compile(r"\s+")


def normalise_name(name: str) -> str:
    """A comparison key for an organisation's name: accents, case, punctuation and articles off."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = text.replace("’", "'").replace("`", "'")
    text = _NON_WORD.sub(" ", text)
    text = _SPACES.sub(" ", text).strip(" .-'")
    return _LEADING.sub("", text)


@lru_cache(maxsize=1)
def _alias_index() -> dict[str, KnownSource]:
    index: dict[str, KnownSource] = {}
    for src in KNOWN_SOURCES:
        for alias in (src.name, *src.aliases):
            index.setdefault(normalise_name(alias), src)
    return index


def known_source(name: str | None) -> KnownSource | None:
    """The table entry a name refers to, or None when the name is not a known source."""
    if not name:
        return None
    return _alias_index().get(normalise_name(name))


@quick_pickle
@dataclass(frozen=True, slots=True)
class SourceKey:
    """The original source of a claim. `chain` is the identity: equal chains = one source.

    `party` is the perpetrator group of the party to the conflict the source belongs to, or None.
    """

    chain: str
    name: str
    type: str
    party: str | None
    statement: str | None = None

    @property
    def is_party(self) -> bool:
        return self.party is not None

    @property
    def independence(self) -> str:
        """The unit of independence: one per party to the conflict, else one per chain.

        Two organs of one belligerent (its ministry and its state news agency) are not
        independent of each other, so every source of a party counts as that one party.
        """
        return f"party:{self.party}" if self.party is not None else self.chain


@lru_cache(maxsize=65536)
def source_of(claimant: Claimant | None, publisher: str | None) -> SourceKey:
    """The original source of a claim made by `claimant` and carried by `publisher`."""
    pub = known_source(publisher)
    pub_name = pub.name if pub else (publisher.strip() if publisher else None)
    statement = normalise_name(claimant.statement) if claimant and claimant.statement else None
    if claimant is not None and claimant.name and not _publisher_standing_in(claimant, publisher):
        known = known_source(claimant.name)
        party: str | None
        if known is not None:
            if known.party is not None and known.type in ("party_to_conflict", "state_media"):
                # A belligerent's organ is that belligerent's, whatever type the text suggests.
                ctype, party = known.type, known.party
            else:
                # The claimant's own type wins when the extractor knows better than the table
                # (e.g. a spokesperson of a party quoted by name), except that `unknown` does
                # not.
                ctype = claimant.type if claimant.type not in ("unknown",) else known.type
                party = known.party if ctype in ("party_to_conflict", "state_media") else None
            if ctype == "party_to_conflict" and party is None:
                party = "other"
            return SourceKey(
                f"src:{normalise_name(known.name)}", known.name, ctype, party, statement
            )
        key = normalise_name(claimant.name)
        party = "other" if claimant.type == "party_to_conflict" else None
        return SourceKey(f"src:{key}", claimant.name.strip(), claimant.type, party, statement)
    if claimant is not None and claimant.type not in ("unknown", "media", "state_media"):
        # An unnamed claimant of a kind ("a witness", "a military source"): one per publisher.
        kind_party = "other" if claimant.type == "party_to_conflict" else None
        where = normalise_name(pub_name) if pub_name else "unknown publisher"
        return SourceKey(
            f"{claimant.type}@{where}",
            f"{claimant.type} ({pub_name or '?'})",
            claimant.type,
            kind_party,
            statement,
        )
    if pub is not None and pub.party is not None:
        # A party's own outlet speaking without attribution speaks for that party.
        return SourceKey(
            f"src:{normalise_name(pub.name)}", pub.name, pub.type, pub.party, statement
        )
    if pub is not None and pub.type in ("monitor", "ngo", "un"):
        # A monitor's, an NGO's or the UN's own publication is its own account.
        return SourceKey(f"src:{normalise_name(pub.name)}", pub.name, pub.type, None, statement)
    if pub_name:
        return SourceKey(
            f"{UNATTRIBUTED}@{normalise_name(pub_name)}",
            f"unattributed, carried by {pub_name}",
            UNATTRIBUTED,
            None,
            statement,
        )
    return SourceKey("src:unknown", "unknown source", "unknown", None, statement)


UNATTRIBUTED = "unattributed"


def _publisher_standing_in(claimant: Claimant, publisher: str | None) -> bool:
    """Whether the claimant is only the publisher put in its place: a medium named as claimant
    of its own text when the text attributes the statement to nobody."""
    if not publisher or claimant.type not in ("media", "state_media", "unknown"):
        return False
    return normalise_name(claimant.name or "") == normalise_name(publisher) or (
        known_source(claimant.name) is not None
        and known_source(claimant.name) == known_source(publisher)
    )


def is_credible(source: SourceKey) -> bool:
    """Whether a source counts toward corroboration: not a party to the conflict or its organ.

    A party's account is kept and shown, but it cannot corroborate an allegation on its own:
    corroboration comes from sources independent of the belligerents.
    """
    return source.party is None and source.type not in ("unknown", UNATTRIBUTED)
