"""Where an incident happened: ordering the places its sentences name, the incident place first.

A report names more places than the one where the harm happened: where the victims came
from ("evacuees from the towns of Foua and Kefraya"), where they were heading ("waited to
enter Aleppo"), where the attackers were based ("terrorists positioned in Douma fired"), a landmark across a
border ("near the border with Iskenderun"),
which office spoke ("a source at Homs Police Command"), where the wounded were treated
("taken to hospitals in Idlib city"), where a drone was launched from ("launched from Turkish
bases in Mare'"), where an earlier attack took place
("hours after a chemical attack in Khan Sheikhun", "in Aleppo last year"). The claim lists
the incident place first, because readers and the link stage take the first place as the
claim's location; the places in an incidental role are left out when the text names any
other place but a country (measured on UCDP's headlines, only 64 % of them lay within 25 km of an event
coded from the headline), and listed last when it names no other.

`order_mentions(sentences)` takes the place mentions of an incident's sentences in text order
and returns them reordered:

1. mentions in an incidental role (above) go after all others, and are dropped when there
   are others;
2. otherwise the text order of the sentences is kept;
3. inside one sentence, a place named right after a death verb ("kills over 50 terrorists
   in Hama") comes before the sentence's other places ("Army retakes Qaryatain in Homs, kills
   over 50 terrorists in Hama": the dead were in Hama).

A place listed right after an incidental one shares its role ("their journey to Aleppo the
coastal province of Latakia or Damascus").

`speaks(text, mention)` tells a name used for a speaker ("Al Jazeera reported", "Damascus
promises of a truce"): the pipeline does not take it as a place at all.

The rules read the words around each mention only; they never look up a place.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from factfinder.mentions import PlaceMention, Sentence

_NAMES = r"(?:(?!(?:in|at|on|near|of)\s)[\w'-]+\s+){0,3}?"
_AREA = (
    r"(?:towns?|villages?|cit(?:y|ies)|areas?|provinces?|governorates?|countryside|"
    r"neighbou?rhoods?|districts?|regions?|camps?|suburbs?)"
)
# Words before a mention that make it a place of origin, destination, base or past event.
_INCIDENTAL_BEFORE = re.compile(
    # origin: "evacuees from the northern towns of", "residents of", "fled from"
    rf"(?:(?<!km\s)(?<!kilometres\s)(?<!kilometers\s)(?<!miles\s)(?<!away\s)(?<!far\s)\bfrom|"
    rf"\b(?:residents|natives|evacuees|people|families|civilians|refugees|displaced)\s+of)\s+"
    rf"(?:the\s+)?(?:{_NAMES}{_AREA}\s+of\s+)?{_NAMES}$"
    # destination after a verb of movement: "waited to enter", "fled to", "heading towards"
    r"|\b(?:towards?|enter(?:ing|ed)?|(?:fled|flee(?:ing)?|evacuated|moved|transferred|taken|"
    r"sent|brought|rushed|bused|heading|headed|travell?(?:ing|ed)?|returned|returning|journey)\s+"
    rf"(?:\w+\s+){{0,3}}?(?:to|into))\s+(?:the\s+)?{_NAMES}$"
    # where the wounded were treated: "taken to hospitals in Idlib city", "treated at a field
    # hospital in Atmeh"
    r"|\b(?:taken|transferred|rushed|evacuated|transported|brought|admitted|treated|sent)\s+"
    r"(?:\w+\s+){0,2}?(?:to|at|in)\s+(?:an?\s+|the\s+)?(?:nearby\s+|local\s+|several\s+)?"
    r"(?:hospitals?|medical\s+(?:points?|centres?|centers?)|clinics?|field\s+hospitals?)\s+"
    rf"(?:in|at|of)\s+(?:the\s+)?(?:{_AREA}\s+of\s+)?{_NAMES}$"
    # where a weapon was launched from: "a drone launched from Turkish bases in Mare'"
    r"|\b(?:launched|fired|took\s+off|set\s+off)\s+from\s+(?:[\w'-]+\s+){0,3}?(?:in|at|near)\s+"
    rf"(?:the\s+)?{_NAMES}$"
    # where aircraft came from: "from the direction of the occupied Syrian Golan", "from the
    # airspace of Lebanon"
    r"|\bfrom\s+(?:the\s+)?(?:direction|skies|airspace|air\s+space)\s+(?:of|over)\s+(?:the\s+)?"
    rf"(?:occupied\s+)?{_NAMES}$"
    # where a speaker was: "said on a visit to Ramallah", "speaking during a trip to Ankara"
    rf"|\b(?:visit|trip|tour)\s+(?:to|of)\s+(?:the\s+)?{_NAMES}$"
    # base of the attackers: "positioned in", "based in", "holed up in"
    r"|\b(?:based|positioned|stationed|located|entrenched|deployed|holed\s+up|fortif(?:y|ied|ying)|"
    rf"hiding|headquartered)\s+(?:\w+\s+){{0,2}}?(?:in|at|inside)\s+(?:the\s+)?{_NAMES}$"
    # a landmark across a border: "near the border with Iskenderun", "the borders of Jordan"
    rf"|\bborders?\s+(?:crossing\s+|gate\s+)?(?:with|of)\s+(?:the\s+)?{_NAMES}$"
    # an earlier event told as time reference: "just hours after a gas attack ... in"
    r"|\b(?:hours|days|weeks|months|a\s+day|a\s+week)\s+(?:after|before)\b[^.;]*$"
    # a concurrent event of other actors: "... has risen while SDF fighters make gains in"
    r"|\b(?:while|as|amid|whereas)\s+(?!(?:they|he|she|it|the\s+victims)\b)(?:[\w'-]+\s+){1,4}?"
    r"(?:make|made|makes|making|gain(?:s|ed)?|advanc(?:e|es|ed|ing)|fled|flee(?:s|ing)?|"
    r"push(?:es|ed|ing)?|battl(?:e|es|ed|ing)|continu(?:e|es|ed|ing)|prepar(?:e|es|ed|ing)|fought|"
    r"fight(?:s|ing)?|stepped\s+up|step(?:s|ping)?\s+up|sought|seek(?:s|ing)?|tr(?:y|ies|ied|ying)|"
    r"met|meet(?:s|ing)?|held|hold(?:s|ing)?)\b[^.;]*$",
    re.IGNORECASE,
)
# Another event named only to date or compare this one: "the same day as the #Douma massacre",
# "the anniversary of the Ghouta chemical attack". Its place is no place of this incident at
# all. ("Since the Ghouta massacre" is not one of them: such reports are about that event.)
_REFERENCE_EVENT = re.compile(
    r"\b(?:(?:same\s+(?:day|night|week)|the\s+day)\s+as|like|anniversary\s+of|"
    r"reminiscent\s+of|a\s+repeat\s+of)\s+(?:the\s+)?#?$",
    re.IGNORECASE,
)
_EVENT_NOUN = re.compile(
    r"\s*(?:massacre|attack|chemical\s+attack|gas\s+attack|bombing|strike|air\s*strike|siege|"
    r"offensive|explosion|blast)\b",
    re.IGNORECASE,
)


# The event an attack avenges: "in retaliation for a bombing in Ankara", "to avenge the attack
# on Kobani". Its place is that event's. ("In response to an attack near Damascus" is left
# alone: what responds is often a plan or a debate, and the attack the report's subject.)
_ANSWERED_EVENT = re.compile(
    # … and the event told as days or weeks before it: "a week after a deadly bomb attack in
    # Istanbul", "two days after the bombing in Azaz"
    r"\b(?:in\s+(?:retaliation|revenge)\s+for|to\s+avenge|retaliat\w*\s+for|"
    r"(?:a|one|two|three|four|five|six|several|few|\d{1,2})\s+(?:days?|weeks?|months?)\s+after)\s+"
    r"(?:(?:a|an|the|last\s+\w+['’]s|its|their)\s+)?(?:[\w'-]+\s+){0,3}?(?:attacks?|bombings?|strikes?|"
    r"air\s*strikes?|blasts?|explosions?|shelling|killings?|assassinations?|ambush)\s+"
    r"(?:in|on|at|near|against)\s+(?:the\s+)?#?$",
    re.IGNORECASE,
)


# A fighter's death told in his side's formula: "rose as a martyr on the road to Jerusalem",
# "martyred on the path to al-Quds": a cause, not where he fell.
_MARTYRS_ROAD = re.compile(
    r"\bmartyr\w*\s+(?:[\w'-]+\s+){0,3}?on\s+the\s+(?:road|path|way)\s+to\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_JERUSALEM = re.compile(r"(?:al-?\s*)?quds|jerusalem", re.IGNORECASE)


def names_another_event(sentence: Sentence, mention: PlaceMention) -> bool:
    """Whether `mention` names another event this sentence refers to ("same day as the Douma
    massacre", "in retaliation for a bombing in Ankara"), or a cause ("martyrs on the road to
    Jerusalem"): not a place of the incident the sentence tells."""
    before = sentence.text[: max(0, mention.start - sentence.start)][-90:]
    after = sentence.text[max(0, mention.end - sentence.start) :][:30]
    named = sentence.text[max(0, mention.start - sentence.start) : mention.end - sentence.start]
    return bool(
        (_REFERENCE_EVENT.search(before[-60:]) and _EVENT_NOUN.match(after))
        or _ANSWERED_EVENT.search(before)
        or (_MARTYRS_ROAD.search(before) and _JERUSALEM.fullmatch(named))
    )


# Words after a mention that make it an office or a past event.
_INCIDENTAL_AFTER = re.compile(
    r"^[\s-]*(?:(?:city|province|governorate)\s+)?(?:Police\s+Command|Governorate\s+(?:told|said)|"
    r"Health\s+Directorate|[Gg]overnor\b|police\s+chief)"
    r"|^\s*(?:\w+\s+){0,2}?(?:last\s+(?:year|month)|in\s+(?:19|20)\d\d\b|earlier\s+this\s+year|"
    r"(?:years|months)\s+ago)",
)
# A name that speaks or acts is a broadcaster or a government, not a place: "Al Jazeera
# reported", "Damascus promises of a truce", "Lebanese TV channel Al-Mayadin reported".
_SPEAKS = re.compile(
    r"\s*(?:(?:has|had|have|also|later|earlier)\s+)?(?:said|says|reported|reports|quoted|announced|"
    r"claimed|denied|accused|promised|promises?|blamed|TV\b|television|channel|radio|news\s+agency)\b"
)
# "kills over 50 terrorists in", "killed 5 people near": a place right after the death verb.
_DEATH_THEN_PLACE = re.compile(
    r"\b(?:kill(?:s|ed|ing)?|dead|died|massacred?|executed|executes)\s+(?:[\w-]+\s+){0,6}?"
    r"(?:in|near|on|at)\s+(?:the\s+)?(?:[\w-]+\s+){0,4}?$",
    re.IGNORECASE,
)
# Between two places of one list: "Foua and Kefraya", "Aleppo the coastal province of Latakia
# or Damascus". A list member shares the role of the member before it.
_LIST_GAP = re.compile(
    r"^[\s,&]*(?:(?:and|or|the|its|of|coastal|northern|southern|eastern|western|central|"
    r"province|city|town|governorate|region|countryside|villages?|towns?)[\s,]+){0,6}$",
    re.IGNORECASE,
)


def incidental(sentence: Sentence, mention: PlaceMention) -> bool:
    """Whether `mention` names an origin, destination, base, office or past event place."""
    before = sentence.text[: max(0, mention.start - sentence.start)][-160:]
    after = sentence.text[max(0, mention.end - sentence.start) :][:60]
    return bool(_INCIDENTAL_BEFORE.search(before) or _INCIDENTAL_AFTER.search(after))


# The year of a past event a place is named for: "gassed … at Halabja in 1988", "In 1988,
# … were gassed at Halabja".
_YEAR_AHEAD = re.compile(r"^\s*(?:[\w,'’-]+\s+){0,2}?[Ii]n\s+(?P<year>(?:19|20)\d\d)\b")


def named_year(sentence: Sentence, mention: PlaceMention) -> int | None:
    """The year the sentence gives the event at `mention` ("at Halabja in 1988"; a sentence
    opening "In 1988, …"), or None."""
    after = sentence.text[max(0, mention.end - sentence.start) :][:40]
    m = _YEAR_AHEAD.match(after) or _YEAR_AHEAD.match(sentence.text)
    return int(m.group("year")) if m else None


def speaks(text: str, mention: PlaceMention) -> bool:
    """Whether the words after `mention` make it a speaker (a broadcaster, a government)."""
    return bool(_SPEAKS.match(text, mention.end, min(len(text), mention.end + 40)))


def order_mentions(
    sentences: Sequence[tuple[Sentence, Sequence[PlaceMention]]],
    deaths: Sequence[bool] | None = None,
    prefer: str | None = None,
) -> list[PlaceMention]:
    """The mentions of an incident's sentences, the likely incident place first (rules above).

    `deaths[k]` says that sentence k counts dead; it lets a round-up headline ("Terrorist
    attacks kill a woman, injure 9 in Hasaka and Aleppo") take the governorate of the first
    later sentence that tells where someone died. `prefer` is the one governorate the
    report's headline names: its places come before the others (incidental roles still last).
    """
    keyed: list[tuple[tuple[int, int, int, int, int, int], PlaceMention]] = []
    roles: list[list[bool]] = []
    for sentence, mentions in sentences:
        prev: PlaceMention | None = None
        side = False
        flags: list[bool] = []
        for pm in mentions:
            gap = sentence.text[
                max(0, (prev.end if prev else pm.start) - sentence.start) : max(
                    0, pm.start - sentence.start
                )
            ]
            side = incidental(sentence, pm) or (
                side and prev is not None and bool(_LIST_GAP.match(gap))
            )
            flags.append(side)
            prev = pm
        roles.append(flags)
    lead = _deaths_governorate(sentences, roles, deaths)
    for k, ((sentence, mentions), flags) in enumerate(zip(sentences, roles, strict=True)):
        for n, (pm, side) in enumerate(zip(mentions, flags, strict=True)):
            if names_another_event(sentence, pm):
                continue
            before = sentence.text[: max(0, pm.start - sentence.start)][-120:]
            at_death = bool(_DEATH_THEN_PLACE.search(before))
            area = area_of(pm.place.admin1)
            other_area = k == 0 and lead is not None and area != lead
            unheaded = prefer is not None and area != prefer
            keyed.append(((int(side), int(unheaded), k, int(other_area), int(not at_death), n), pm))
    ordered = sorted(keyed, key=lambda kv: kv[0])
    if any(not key[0] and pm.place.precision != "country" for key, pm in ordered):
        # Where the text names where it happened (more narrowly than a country), the origin,
        # destination or base of the people in it is no place of the incident.
        ordered = [kv for kv in ordered if not kv[0][0]]
    return [pm for _, pm in ordered]


def _deaths_governorate(
    sentences: Sequence[tuple[Sentence, Sequence[PlaceMention]]],
    roles: Sequence[Sequence[bool]],
    deaths: Sequence[bool] | None,
) -> str | None:
    """The one governorate of the first sentence after the lead that counts dead, when the
    lead names several governorates and that one is among them."""
    if not deaths or not sentences:
        return None

    def areas(k: int) -> set[str]:
        _, mentions = sentences[k]
        return {
            area
            for pm, side in zip(mentions, roles[k], strict=True)
            if (area := area_of(pm.place.admin1)) and not side
        }

    named = areas(0)
    if len(named) < 2:
        return None
    for k in range(1, len(sentences)):
        if deaths[k] and areas(k):
            here = areas(k) & named
            return next(iter(here)) if len(here) == 1 else None
    return None


# The capital and its countryside ("Damascus countryside") are read as one area here: news
# names either for the same surroundings.
_AREA_OF = {"Rif Dimashq": "Damascus"}


def area_of(admin1: str | None) -> str | None:
    """The governorate as an area of the report: Rif Dimashq and Damascus are one."""
    return _AREA_OF.get(admin1, admin1) if admin1 else None
