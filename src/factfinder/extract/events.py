"""Event types and weapons: the words that say what kind of harm happened and by what means.

`find_events` returns `EventMention`s, one per cue ("airstrikes", "shelled", "car bomb",
"arrested"), each with the `event_type` of the claim format (docs/CLAIMS.md) it signals and a
weight: 1.0 for words that name the event outright ("airstrike", "suicide bomber", "sarin"),
less for words that only suggest it ("strikes", "bombing", "raids", "blast"), and `GENERIC`
for harm words with no type ("attack", "killed", "clashes"), which make a sentence an incident
candidate but never decide its type.

`find_weapons` returns `WeaponMention`s with canonical weapon names (the `weapons` field of a
claim). Platforms (warplanes, drones) are not weapons; munitions and means are.

`classify(cues)` picks the event type of an incident from its cues: the best weighted score,
where a cue counts more in the headline and main clause (the caller scales `weight`), and
ties go to the more specific type in `PRIORITY`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace

from factfinder.extract.gates import Gate
from factfinder.mentions import EventMention, WeaponMention

GENERIC = 0.05  # weight of a cue that marks harm but not its type

# Ties go to the earlier, more specific type.
PRIORITY: tuple[str, ...] = (
    "chemical",
    "mass_grave",
    "execution",
    "explosion",
    "airstrike",
    "shelling",
    "shooting",
    "detention",
    "other",
    "combat",
)
COMBAT = "combat"  # ground combat: a cue type of its own, never an event type of a claim

# (event type, weight, pattern). Patterns are case-insensitive and matched on word boundaries.
_CUES: tuple[tuple[str, float, str], ...] = (
    # chemical
    (
        "chemical",
        1.0,
        r"chemical(?:[- ]weapons?)?\s+(?:attacks?|strikes?|weapons?|arms|agents?|munitions?|bombs?|shells?|rockets?|gas)",
    ),
    (
        "chemical",
        1.0,
        r"chlorine|sarin|(?:sulfur\s+|sulphur\s+)?mustard(?:\s+gas|\s+agent)?|nerve\s+(?:agents?|gas)|vx\s+(?:gas|agent)",
    ),
    ("chemical", 1.0, r"(?:toxic|poison(?:ous)?)\s+(?:gas(?:es)?|chemicals?|substances?)"),
    (
        "chemical",
        0.9,
        r"gas\s+attacks?|chemical\s+(?:weapons?\s+)?(?:use|used)|organophosph\w*|suffocation|asphyxia\w*",
    ),
    ("chemical", 0.5, r"chemicals?|gassed|gas(?:es)?\s+(?:canisters?|cylinders?)"),
    # mass graves
    ("mass_grave", 1.0, r"mass\s+graves?|(?:common|collective)\s+graves?"),
    (
        "mass_grave",
        0.8,
        r"bodies\b[^.;:!?]{0,90}?\b(?:were|have\s+been|had\s+been|was|being)\s+(?:\w+\s+)?"
        r"(?:found|discovered|unearthed|recovered|exhumed|retrieved|pulled\s+out)|"
        r"bodies\s+(?:found|discovered|unearthed|recovered|exhumed)|exhum(?:ed|ation)",
    ),
    # execution
    (
        "execution",
        1.0,
        r"execut(?:ed|es|e|ing|ion|ions)|behead(?:ed|ing|ings|s)?|decapitat\w+|crucifi(?:ed|xion)|firing\s+squad",
    ),
    (
        "execution",
        0.7,
        r"summarily\s+killed|slaughter(?:ed)?|throats?\s+(?:cut|slit)|hanged|lynched",
    ),
    # explosions
    (
        "explosion",
        1.2,
        r"suicide\s+(?:bomb(?:er|ers|ing|ings|s)?|attack(?:er|ers|s)?|car\s+bomb(?:er|ing)?|vests?|belts?|truck\s+bomb(?:er|ing)?)|blew\s+(?:himself|herself|themselves)\s+up|self-detonat\w*",
    ),
    (
        "explosion",
        1.2,
        r"car\s+bomb(?:s|er|ers|ing|ings)?|truck\s+bomb(?:s|ing)?|vbied|svbied|booby[- ]trapped|explosives?[- ](?:laden|packed|rigged)|bomb[- ]laden",
    ),
    (
        "explosion",
        1.2,
        r"improvised\s+explosive\s+devices?|ieds?|roadside\s+bombs?|land\s*mines?|ground\s+mines?|mines?\s+(?:exploded|blast|explosion)|(?:hit|stepped\s+on|struck)\s+a\s+(?:land\s*)?mine|unexploded\s+(?:(?:cluster|artillery|mortar|rocket)\s+)?(?:ordnance|bombs?|shells?|munitions?|submunitions?|bomblets?)|(?:a\s+)?remnants?\s+of\s+(?:the\s+)?war|(?:cluster\s+)?(?:sub)?munitions?\s+left\s+(?:over|behind|by)|left\s*-?\s*over\s+(?:cluster\s+)?(?:ordnance|munitions?|submunitions?|shells?|bombs?)|explosive\s+devices?|sticky\s+bombs?|magnetic\s+bombs?|parcel\s+bombs?|pipe\s+bombs?|time\s+bombs?",
    ),
    ("explosion", 1.2, r"(?:hand\s+)?grenades?(?!\s+launcher)"),
    (
        "explosion",
        0.8,
        r"explosions?|exploded|explod(?:es|ing)|detonat(?:ed|es|ing|ion|ions)|blasts?|bomb\s+(?:attacks?|blasts?|explosions?|went\s+off)|bombers?|blew\s+up|went\s+off|explosives?",
    ),
    ("explosion", 0.45, r"bombings?"),
    ("explosion", 0.4, r"bombs?"),
    # airstrikes
    (
        "airstrike",
        1.2,
        r"air\s*[- ]?strikes?|air\s*[- ]?raids?|aerial\s+(?:bombardments?|attacks?|bombings?|strikes?|campaigns?|raids?|assaults?)|barrel\s+bombs?|explosive\s+barrels?|bunker[- ]?busters?(?:\s+bombs?)?|drone\s+(?:strikes?|attacks?)|(?:war|fighter|military)\s*[- ]?(?:planes?|jets?|aircraft)|helicopter\s+gunships?|gunships?|bombers|sorties",
    ),
    (
        "airstrike",
        0.9,
        r"warplanes?|helicopters?|drones?|jets?|aircraft|planes?|air\s+force|airforce|aerospace\s+forces|bombed\s+from\s+the\s+air|dropped\s+bombs?|air\s+(?:attacks?|campaign|support|power|bombardment|aggression)|"
        # aircraft by their model: "a Russian Su-24 struck", "an F-16"
        r"(?-i:Su|MiG|Mig|Tu|F)-\d+\w*|"
        r"aerial(?:ly)?\s+(?:dropped|bombs?)|air-dropped",
    ),
    ("airstrike", 0.5, r"strikes?|raids?|bombed|bombing|bombardments?|pounded|sorties?"),
    # parties that strike from the air: "The IDF struck Hezbollah targets", "the coalition struck",
    # "the Israeli army said it struck", "Russian forces struck the hospital"
    (
        "airstrike",
        0.5,
        r"(?:IDF|Israel|Israeli\s+(?:army|military|forces|jets|aircraft)|coalition|"
        r"Russian\s+(?:forces|military|jets?|aircraft|warplanes?)|Russia|U\.?S\.?\s+forces)\s+"
        r"(?:(?:said|says|announced|stated|confirmed)\s+(?:that\s+)?it\s+(?:had\s+)?)?"
        r"(?:also\s+|reportedly\s+|then\s+|later\s+)?(?:struck|targeted|hit|bombed)",
    ),
    # shelling: artillery, rockets, mortars, missiles fired from the ground
    (
        "shelling",
        1.1,
        r"shell(?:ed|ing|ings|s)|(?:an?|the|one|artillery|mortar|tank)\s+shell|"
        r"shell\s+(?:fired|hit|landed|fell|struck|exploded)|artillery|mortars?|mortar\s+(?:shells?|rounds?|bombs?)|rockets?|rocket[- ]fire|katyushas?|grad|howitzers?|tank\s+(?:fire|shells?|rounds?)|cannons?|projectiles?|hell\s+cannon",
    ),
    (
        "shelling",
        1.3,
        r"rocket[- ]propelled\s+grenades?|rpgs?|tank\s+attacks?|"
        # anti-tank guided missiles, fired from the ground at vehicles and people
        r"atgms?|anti-?tank\s+(?:guided\s+)?(?:missiles?|rockets?|weapons?)|"
        r"kornet|konkurs|tow\s+missiles?",
    ),
    # "targeted the village with heavy weapons": the ground's guns (ANHA's and SANA's usage)
    (
        "shelling",
        0.9,
        r"heavy\s+(?:weapons|weaponry|guns)|(?:mortar|artillery|rocket)\s+launchers?",
    ),
    # Cluster munitions "fired" at a place come from the ground (dropped ones from the air).
    ("shelling", 0.9, r"cluster\s+(?:munitions?|rockets?|submunitions?)"),
    (
        "shelling",
        0.8,
        r"missiles?|missile\s+(?:attacks?|strikes?)|ballistic|surface-to-surface|shelled|bombardments?|fired\s+(?:at|on|into|towards|toward)|salvos?",
    ),
    # shooting
    (
        "shooting",
        1.0,
        r"shot\s+(?:dead|and\s+killed|at|in)|shot|shoot(?:ing|ings|s)?|gun(?:fire|shots?)|snipers?|sniper\s+fire|opened\s+fire|open\s+fire|live\s+(?:ammunition|fire|bullets)|bullets?|firearms?|stabbed|stabbing",
    ),
    # A ground assault: "the SDF stormed the village … during a raid", "a night raid by
    # regime forces" (bare "raids" alone stay air raids, as most wire English means them).
    # "a helicopter raid", "a heliborne operation": troops landed, not bombs dropped.
    (
        "shooting",
        0.7,
        r"storm(?:ed|ing)|ground\s+raids?|(?:security|night|dawn|house)\s+raids?|"
        r"(?:helicopter(?:[- ]borne)?|heliborne|airborne|commando|special[- ]forces)\s+(?:raids?|operations?|assaults?)",
    ),
    # Troops set down by helicopter: "coalition helicopters landed near a house", "forces
    # airdropped near the village" (a raid on the ground, not bombs from the air).
    (
        "shooting",
        1.2,
        r"(?:helicopters?|choppers?)\s+(?:land(?:ed|ing|s)?|touched\s+down)|"
        r"(?:airdrop(?:ped)?|air-?landed)(?:\s+(?:troops|forces|soldiers|commandos))?|"
        r"paratroopers?",
    ),
    # "Gunmen raided a house …, killing": the verb is a ground assault's; aircraft "carry out
    # raids" (the noun, above), and an arrest in the same sentence makes it a detention.
    ("shooting", 0.5, r"raided|raiding"),
    # Killings of a chosen person: "gunmen assassinated a young man" (a bomb says otherwise).
    ("shooting", 0.6, r"assassinat(?:ed|ing|es|e|ions?)"),
    # Words for the armed, not for an act: "pro-regime gunmen", "vehicles with machine guns".
    ("shooting", 0.15, r"gun(?:men|man)|machine[- ]guns?|rifles?"),
    ("shooting", 0.5, r"fired"),
    # Ground combat between armed parties: clashes, battles, ambushes, advances. It has no
    # event type of its own (CLAIMS.md); `classify` reads it as "unknown" when it dominates.
    (
        "combat",
        0.6,
        r"clash(?:es|ed)?|gun\s+battles?|firefights?|ambush(?:ed|es)?|infighting|"
        r"(?:shot|brought)\s+down|downed",
    ),
    ("combat", 0.3, r"fighting"),
    (
        "combat",
        0.4,
        r"battl(?:es?|ed|ing)|counter-?(?:attacks?|offensives?)|repel(?:led|s)?|repuls(?:ed|es)|"
        r"foil(?:ed|s)?|thwart(?:ed|s)?|advanc(?:es|ed|ing)|recaptur(?:ed|es|ing)|retook|retak(?:es|en|ing)|"
        r"regain(?:ed|s)?|(?:took|taken|takes|seized|established|establishing|imposed)\s+(?:full\s+)?control|"
        r"captur(?:ed|es|ing)\s+(?:(?!from\b|by\b)\w+\s+){0,3}?(?:villages?|towns?|hills?|positions?|areas?|"
        r"neighbou?rhoods?|districts?|points?|bases?|airports?|fields?|roads?|city|posts?|checkpoints?)|"
        r"(?:plane|jet|warplane|helicopter|aircraft|chopper)\s+(?:crash(?:ed|es)?|went\s+down)|crash(?:ed|es)\s+into",
    ),
    # detention
    (
        "detention",
        1.0,
        r"arrest(?:ed|s|ing)?|detain(?:ed|s|ing|ees?)?|"
        # a detention centre hit by a strike is the target, not the act
        r"detention(?!\s+(?:cent(?:re|er)s?|facilit(?:y|ies)|camps?|sites?|buildings?|complex))|taken\s+into\s+custody|in\s+custody|rounded\s+up|apprehend(?:ed|s)?|jailed|imprison(?:ed|ment)|nabbed|held\s+(?:in|at)\s+(?:prison|jail)|remanded",
    ),
    ("detention", 0.6, r"custody|raided\s+(?:the\s+)?homes?|crackdown"),
    # Captured people, not captured ground: "captured 10 fighters", "captured him".
    (
        "detention",
        0.6,
        r"captur(?:ed|es)\s+(?:(?:at\s+least|more\s+than|dozens\s+of|some|\d+|\w+)\s+)?(?:\w+\s+)?"
        r"(?:people|civilians|men|women|children|soldiers|fighters|members|militants|terrorists|"
        r"journalists|activists|him|her|them|officers|pilots?)|(?:were|was|been)\s+captured",
    ),
    # other kinds of harm: kidnapping, siege, torture
    (
        "other",
        0.6,
        r"kidnap(?:ped|ping|pings|s)?|abduct(?:ed|ion|ions|s)?|hostages?|tortur(?:ed|e)|starv(?:ation|ed)|siege",
    ),
    # generic harm words: candidates without a type
    (
        "unknown",
        GENERIC,
        r"attack(?:s|ed|ing)?|kill(?:ed|ing|s)?|murder(?:s|ed|ing)?|dead|deaths?|died|massacres?|wounded|injur(?:ed|ies|y)|casualties|death\s+toll|toll|victims?|bodies|martyr(?:ed|s)?|destroy(?:ed|ing)|targeted|targeting|violence|assault|offensive|battles?|losses",
    ),
)

_CUE_RES: tuple[tuple[str, float, Gate], ...] = tuple(
    (t, w, Gate(re.compile(rf"\b(?:{p})\b", re.IGNORECASE))) for t, w, p in _CUES
)

# Canonical weapon names and their spellings.
_WEAPONS: tuple[tuple[str, str], ...] = (
    (
        "white phosphorus",
        r"white\s+phosphorus|phosphorus\s+(?:bombs?|munitions?|shells?)|phosphorous",
    ),
    ("barrel bomb", r"barrel\s+bombs?|explosive\s+barrels?|barrels?\s+of\s+explosives?"),
    (
        "cluster munitions",
        r"cluster\s+(?:bombs?|munitions?|rockets?|shells?)|bomblets?|submunitions?",
    ),
    ("incendiary weapons", r"incendiary\s+(?:bombs?|weapons?|munitions?|rockets?)|napalm"),
    (
        "thermobaric weapons",
        r"thermobaric\s+\w+|vacuum\s+bombs?|fuel[- ]air\s+(?:bombs?|explosives?)",
    ),
    ("chlorine", r"chlorine"),
    ("sarin", r"sarin"),
    ("mustard gas", r"mustard\s+gas|sulfur\s+mustard"),
    ("nerve agent", r"nerve\s+(?:agents?|gas)|vx"),
    ("toxic gas", r"(?:toxic|poison(?:ous)?)\s+gas(?:es)?"),
    (
        "suicide car bomb",
        r"suicide\s+(?:car|truck|vehicle)\s+bomb(?:s|er|ers|ing|ings)?|suicide\s+(?:svbied|vbied)s?",
    ),
    (
        "suicide bomb",
        r"suicide\s+(?:bomb(?:er|ers|ing|ings|s)?|vests?|belts?|attack(?:er|ers)?)|blew\s+(?:himself|herself|themselves)\s+up",
    ),
    (
        "car bomb",
        r"car\s+bombs?|truck\s+bombs?|vbieds?|svbieds?|booby[- ]trapped\s+(?:car|vehicle|truck|motorcycle)s?|explosives?[- ](?:laden|packed|rigged)\s+(?:car|vehicle|truck)s?",
    ),
    (
        "IED",
        r"improvised\s+explosive\s+devices?|ieds?|roadside\s+bombs?|explosive\s+devices?|sticky\s+bombs?|magnetic\s+bombs?",
    ),
    ("landmine", r"land\s*mines?|anti-personnel\s+mines?"),
    (
        "unexploded ordnance",
        r"unexploded\s+(?:(?:cluster|artillery|mortar|rocket)\s+)?(?:ordnance|bombs?|shells?|munitions?|submunitions?|bomblets?)|(?:a\s+)?remnants?\s+of\s+(?:the\s+)?war|(?:cluster\s+)?(?:sub)?munitions?\s+left\s+(?:over|behind|by)|left\s*-?\s*over\s+(?:cluster\s+)?(?:ordnance|munitions?|submunitions?|shells?|bombs?)",
    ),
    ("grenade", r"(?:hand\s+)?grenades?(?!\s+launcher)"),
    ("rocket-propelled grenade", r"rocket[- ]propelled\s+grenades?|rpgs?"),
    ("mortar", r"mortars?(?:\s+(?:shells?|rounds?|bombs?))?"),
    ("rocket", r"rockets?|katyushas?|grad\s+rockets?"),
    (
        "missile",
        r"(?:cruise|ballistic|guided|surface-to-surface|air-to-surface|tomahawk)\s+missiles?|missiles?",
    ),
    ("artillery", r"artillery(?:\s+shells?)?|howitzers?|tank\s+shells?"),
    ("sniper fire", r"snipers?|sniper\s+fire"),
)
_WEAPON_RES: tuple[tuple[str, Gate], ...] = tuple(
    (name, Gate(re.compile(rf"\b(?:{p})\b", re.IGNORECASE))) for name, p in _WEAPONS
)
# A weapon named only as being banned or possessed, not used in this incident, is still a weapon
# mention; the assembler decides from the sentence whether the claim holds it.


def _non_overlapping(found: list[tuple[int, int, str, float]]) -> list[tuple[int, int, str, float]]:
    """Keep the longest (then heaviest) match where matches overlap.

    Matches of exactly the same words with another type are kept too: "bombing" is both an
    airstrike and an explosion cue, and the incident's other words decide.
    """
    found.sort(key=lambda m: (m[0], -(m[1] - m[0]), -m[3]))
    kept: list[tuple[int, int, str, float]] = []
    last_end = -1
    for m in found:
        if m[0] >= last_end:
            kept.append(m)
            last_end = m[1]
        elif kept and (m[0], m[1]) == kept[-1][:2] and all(k[2] != m[2] for k in kept[-3:]):
            kept.append(m)
    return kept


# Bodies "recovered from the attack" or "pulled from the rubble" are the dead of that attack
# being taken out, not a grave (bodies "found under the rubble" months later may be one).
_FROM_WRECKAGE = re.compile(
    r"\s*(?:from|out\s+of)\s+(?:the\s+)?(?:\w+\s+){0,2}?(?:attack|rubble|debris|site|scene|"
    r"wreckage|ruins|blast|bombing|strike|explosion|buildings?)\b",
    re.IGNORECASE,
)
_TAKEN_OUT = re.compile(r"recover|retriev|pulled", re.IGNORECASE)


def find_events(text: str, start: int = 0, end: int | None = None) -> list[EventMention]:
    """Event cues in text[start:end], in text order, offsets into `text`."""
    stop = len(text) if end is None else end
    found: list[tuple[int, int, str, float]] = []
    for event_type, weight, rx in _CUE_RES:
        for m in rx.finditer(text, start, stop):
            if (
                event_type == "mass_grave"
                and weight < 1.0
                and _TAKEN_OUT.search(m.group(0))
                and _FROM_WRECKAGE.match(text, m.end(), min(stop, m.end() + 60))
            ):
                continue
            found.append((m.start(), m.end(), event_type, weight))
    return [EventMention(a, b, t, w) for a, b, t, w in _non_overlapping(found)]


def find_weapons(text: str, start: int = 0, end: int | None = None) -> list[WeaponMention]:
    """Weapon mentions in text[start:end] with canonical names, in text order."""
    stop = len(text) if end is None else end
    found: list[tuple[int, int, str, float]] = []
    for name, rx in _WEAPON_RES:
        for m in rx.finditer(text, start, stop):
            found.append((m.start(), m.end(), name, 1.0))
    return [WeaponMention(a, b, n) for a, b, n, _ in _non_overlapping(found)]


def scaled(cues: Iterable[EventMention], factor: float) -> list[EventMention]:
    """The cues with their weight multiplied by `factor` (headline, main clause, distance)."""
    return [replace(c, weight=c.weight * factor) for c in cues]


def scores(cues: Iterable[EventMention]) -> dict[str, float]:
    """Summed weight per event type (generic cues excluded)."""
    out: dict[str, float] = {}
    for c in cues:
        if c.event_type != "unknown":
            out[c.event_type] = out.get(c.event_type, 0.0) + c.weight
    return out


def classify(cues: Sequence[EventMention], *, air_actor: bool = False) -> str:
    """The event type that the cues of one incident support best, or "unknown".

    `air_actor` says that the alleged perpetrator fights from the air only (the US-led
    coalition, Russia, Israel): then bare "strikes"/"bombing"/"raids" read as airstrikes.
    Mass graves and chemical weapons win whenever they are named: the other cues in such a
    report ("under the rubble of airstrikes") describe how the victims died, not what the
    report is about.
    """
    s = scores(cues)
    if not s:
        return "unknown"
    if air_actor and "airstrike" in s:
        s["airstrike"] *= 1.6
    for decisive in ("mass_grave", "chemical"):
        if s.get(decisive, 0.0) >= 0.8:
            return decisive
    best = max(s.values())
    if best < 0.3:
        return "unknown"
    for t in PRIORITY:
        if s.get(t, 0.0) >= best - 1e-9:
            # Clashes, battles and ambushes between armed parties have no single event type.
            return "unknown" if t == COMBAT else t
    return "unknown"
