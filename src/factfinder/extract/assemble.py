"""Claim assembly: from the mentions of a document's sentences to its claims.

The parts of the extractor read each sentence (or clause) of a document into a `Unit`: its
casualty counts, dates, places, actors, event cues, weapons and governing claimant. This module
decides which units describe incidents and which of them describe the *same* incident, and turns
each incident into one `Claim`. The rules, in order:

1. **Candidates.** A unit is an incident candidate when it carries a typed event cue
   ("airstrike", "car bomb", "mass grave") or a precise casualty count, and is not background:
   habitual or historical statements ("has been conducting airstrikes since 2014", "has
   repeatedly been accused", "on several occasions"), war-wide tolls ("the war has killed"),
   calls and plans ("calls for an investigation") make no claim. A headline is a candidate on
   any harm cue; so is a headline-only document (a wire headline, a UCDP source line).
2. **Grouping.** Candidates are read in text order. The headline and the lede describe one
   incident. A later candidate opens a new incident when it says so ("another", "separately",
   "in a separate attack", "elsewhere"), when it brings its own casualty count of an outcome the
   current incident already has (and is not a toll update: "the death toll rose to"), when its
   event type clearly differs (a mass grave after an airstrike), or when it names a new date.
   Otherwise it adds its values to the current incident. Units that are not candidates join the
   current incident only when they refer back to it ("the attack", "the strike") and add a
   value (a perpetrator, a date, a weapon, the type of an untyped incident). A named
   claimant's figures that compete with a party's (or a party's with another claimant's) are
   that claimant's own claim about the same incident (`_retells`): "the SDF said 8 civilians
   were killed; Turkey's defence ministry said 15 terrorists were neutralised" is two claims.
3. **Values.** Counts are combined by `factfinder.extract.casualties.combine`; event type by
   weighted cues (`events.classify`), the first unit weighing most; places in order of mention,
   country-level places last; the perpetrator is the first actor in a perpetrator role
   (`actors`), else — within one statement listing several incidents of one kind — the
   perpetrator of the previous incident; the claimant is the attribution governing the first
   unit (`attribution`); the date is the event's own date (a date inside the attribution, such
   as "the ministry said on Saturday that…", dates the statement, not the event).
4. **Primary.** The incident of the headline; else the incident the report is about, weighed
   (`_primary`): the lead (first incident with casualties), support from the headline, its
   figures and places repeated elsewhere, its detail (day, place, count, perpetrator) count for
   it; telling a total over a period ("in 2023, 1,200 civilians were killed"), comparing with
   the past ("the deadliest since 2016", "a similar attack") or sitting in a background,
   methodology or recommendations section counts heavily against it.
5. **Dates of the lead incident.** When the text gives the primary incident no date of its own,
   it takes the day the report's first body sentence names, when that sentence belongs to no
   other incident ("… were killed at 17:30 on 8 October. They died in an airstrike on …");
   else, with no vague time word ("recently") either, it takes the report's own date (the
   publication date, the dateline or a date in page furniture): a news report without a date
   for its lead event reports the day's event. Other incidents are never dated this way.
   A date right after "released/published/posted on" or naming a report ("its report of 12
   November") dates a document, not an event; a date told as the sequel of the incident ("the
   day after the attack", "the following day") does not open a new incident.
6. **Civilians by default** (`presume_civilians=True`). When a count of the dead names no
   category ("16 people", "killing 16") and nothing in the incident marks the dead as fighters
   (no combatant count, no clashes between armed parties), `killed.civilians` repeats the
   total. This is the presumption of civilian status of international humanitarian law
   (Additional Protocol I, art. 50(1): "in case of doubt … that person shall be considered to
   be a civilian") and the convention of the monitors whose data the claim format serves; the
   range keeps the text's words so the reading stays visible. Pass False to keep only what the
   text states.
7. **Stance** (CLAIMS.md 1.1). Each claim `alleges`, `admits` (a party says its own side did
   it) or `denies` (words of denial the claimant itself says), `_stance`. A denial by another
   claimant than the incident's is a claim of its own about that incident (`_denials`), whose
   perpetrator is the party whose responsibility is denied.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence, Set
from dataclasses import dataclass, replace
from functools import lru_cache

from factfinder.extract.actors import AIR_ONLY_GROUPS, STATE_GROUPS, owns_the_act, speaker_group
from factfinder.extract.attribution import (
    Attribution,
    StanceCue,
    is_anaphor,
    own_act,
    quote_regions,
    same_claimant,
    stance_cues,
)
from factfinder.extract.dates import is_date_field, record_fields
from factfinder.extract.events import COMBAT, GENERIC, classify, scaled
from factfinder.extract.placing import incidental, named_year, order_mentions
from factfinder.extract.publishers import lookup_source
from factfinder.extract.sentences import is_heading_line
from factfinder.extract.tally import combine, is_vague
from factfinder.extract.unit import Unit
from factfinder.geo import find_places, incident_places
from factfinder.mentions import (
    ActorMention,
    CountMention,
    DateMention,
    EventMention,
    PlaceMention,
)
from factfinder.model import (
    COUNT_KEYS,
    Casualties,
    Claim,
    Claimant,
    DateWindow,
    Perpetrator,
    Place,
    Range,
)
from factfinder.vocab import ARABIC_MONTHS, MONTH_NAMES, number_words

# The English months' names as a regex alternation ("January|February|…").
_MONTHS = "|".join(m.title() for m in MONTH_NAMES)


@dataclass(frozen=True, slots=True)
class AssemblyOptions:
    """Switches of the assembly rules (see the module docstring)."""

    presume_civilians: bool = True
    date_primary_from_report: bool = True


# 1. Background: statements about a pattern or history rather than an incident.
_BACKGROUND = re.compile(
    r"\bsince\s+(?:(?:early|late|mid-?)\s*)?(?:(?:" + _MONTHS + r")\s+)?(?:19|20)\d\d\b|"
    r"\bsince\s+(?:the\s+)?(?:start|beginning|outbreak|onset)\b|\bsince\s+it\s+began\b|"
    r"\b(?:has|have)\s+(?:also\s+)?been\s+(?:\w+ly\s+)?(?:conducting|carrying\s+out|launching|waging|"
    r"bombing|shelling|fighting|targeting|using|committing)\b|"
    r"\brepeatedly\b|\bconsistently\b|\bon\s+(?:several|many|numerous|multiple)\s+occasions\b|\bsystematic(?:ally)?\b|"
    r"\bin\s+the\s+past\b|\broutinely\b|\bhas\s+a\s+history\b|"
    r"\b(?:war|conflict|uprising|crisis|revolution|civil\s+war)\s+(?:that\s+)?(?:has|have|had)\s+"
    r"(?:\w+\s+)?(?:killed|left|claimed|displaced|cost)\b|"
    r"\b(?:more|over)\s+than\s+[\d,.]+\s+(?:million\s+)?(?:people\s+)?(?:have\s+been\s+)?(?:killed|died)\s+"
    r"(?:in|since|during)\s+(?:the\s+)?(?:war|conflict)|"
    r"\bcalls?\s+(?:on|for)\b|\bcalled\s+(?:on|for)\b|\burg(?:es|ed)\b|\bdemand(?:s|ed)?\s+(?:an?\s+)?"
    r"(?:independent|international|investigation)|\binvestigat(?:e|ion)[\"”’']?\s+into\b|"
    r"\b(?:would|will|could|might)\s+(?:be\s+)?(?:launch|attack|strike|target|bomb|use)\w*\b|"
    r"\bthreaten(?:s|ed)?\s+to\b|\bvow(?:s|ed)\s+to\b|\bplan(?:s|ned)?\s+to\b",
    re.IGNORECASE,
)
_VAGUE_TIME = re.compile(
    r"\b(?:recently|lately|in\s+recent\s+(?:days|weeks|months)|over\s+the\s+past\s+(?:few\s+)?"
    r"(?:days|weeks|months|years)|in\s+the\s+past\s+(?:few\s+)?(?:days|weeks|months))\b",
    re.IGNORECASE,
)
# A date right after a verb of publishing, or naming a report ("its report of 12 November"),
# dates a document (a list, a post, a report), not the event.
_STATEMENT_DATE = re.compile(
    r"(?:\b(?:released|published|posted|issued|updated)\s+(?:on\s+)?|"
    r"\b(?:report|statement|bulletin|letter|briefing)\s+(?:of|dated)\s+)(?:the\s+)?$",
    re.IGNORECASE,
)
# The day a statement was made, after its verb at the sentence's end: "…, Human Rights Watch
# said today", "…, rescuers said on Tuesday".
_SAID_ON = re.compile(
    r"\b(?:said|says|reported|announced|stated|added|confirmed|told\s+[\w.]+(?:\s+[\w.]+)?)\s+"
    r"(?:in\s+an?\s+(?:\w+\s+)?(?:statement|post|briefing|update)\s+)?(?:on\s+|late\s+|earlier\s+)?$",
    re.IGNORECASE,
)
# 2. Grouping signals.
_NEW_INCIDENT = re.compile(
    r"\b(?:another(?!\s+(?:\d|"
    + "|".join(number_words(1, 12))
    + r"|several|few|dozen|\w+\s+(?:people|persons|civilians)\b))|"
    r"separately|elsewhere|in\s+a\s+separate|in\s+another|a\s+second|a\s+third|"
    r"in\s+other\s+(?:violence|news|developments|attacks|incidents|fighting)|"
    r"in\s+a\s+(?:similar|different)\s+(?:attack|incident|strike)|meanwhile|"
    r"also\s+(?:reported|documented|recorded)|"
    # the days after the incident just told: "In the days that followed, government forces …"
    r"in\s+the\s+(?:days|weeks)\s+(?:that\s+followed|after(?:wards)?|since)|"
    r"(?:in|over)\s+the\s+(?:following|next|subsequent)\s+(?:days|weeks)|"
    r"(?:kilomet(?:er|re)s|km|miles)\s+(?:\([^()]{0,20}\)\s+)?away)\b(?!\s+from)",
    re.IGNORECASE,
)
# The same in Arabic: "وفي سياق آخر", "في حادثة منفصلة", "من جهة أخرى", "على صعيد متصل" (a
# related matter: a monitor's next item, another incident).
_NEW_INCIDENT_AR = re.compile(
    r"(?:^|[\s.،,:؛])و?(?:(?:في|فى)\s+(?:سياق|حادث(?:ة)?|حادثه)\s+(?:آخر|اخر|أخرى|اخرى|منفصل(?:ة|ه)?|"
    r"متصل)|(?:من|على)\s+(?:جهة|صعيد)\s+(?:أخرى|اخرى|ثانية|ثانيه|آخر|اخر|متصل))"
)
_OTHERS = re.compile(r"\bothers\b", re.IGNORECASE)
_IN_THE_ATTACK = re.compile(
    r"\b(?:in|by|during|from)\s+the\s+(?:same\s+)?(?:attack|strike|air\s*strike|raid|bombing|"
    r"shelling|blast|explosion|incident|bombardment|massacre)\b",
    re.IGNORECASE,
)
# A date told as the sequel of the incident: "the day after the incident", "the following day".
_FOLLOW_UP = re.compile(
    r"\b(?:the\s+(?:following|next)\s+(?:day|morning|evening)|the\s+day\s+after\s+the\s+"
    r"(?:incident|attack|strike|bombing|shelling|massacre)|(?:a|one|two|three)\s+days?\s+later)\b",
    re.IGNORECASE,
)
# More dead (or hurt) of the incident just told: "Three fighters were also killed in the strike".
_ALSO_IN_IT = re.compile(
    r"\b(?:were|was)\s+also\s+(?:killed|wounded|injured|hurt)\s+(?:in|by|during)\s+the\s+"
    r"(?:same\s+)?(?:strike|air\s*strike|attack|raid|bombing|shelling|blast|explosion|incident|"
    r"bombardment|assault)\b",
    re.IGNORECASE,
)
_TOLL_UPDATE = re.compile(
    r"\b(?:toll|number\s+of\s+(?:the\s+)?(?:dead|deaths|victims|people\s+killed))\b|"
    r"\b(?:rose|risen|climbed|raising|bringing|increased)\s+(?:it\s+)?to\b|\bin\s+total\b|\boverall\b",
    re.IGNORECASE,
)
# The words right before the figure a toll rose to: "the death toll rose to", "bringing the
# number of dead to", "ارتفعت حصيلة الشهداء إلى", "ليرتفع عدد الضحايا إلى". A toll since a
# date or over a period ("rose to 120 since January", "منذ بداية الحملة") is another figure.
_UPDATED_TO = re.compile(
    r"(?:\b(?:rose|risen|rising|climbed|climbing|increased|jumped|raising|raised|bringing|brought)"
    r"\s+(?:[\w'’-]+\s+){0,12}?to|"
    r"(?<!\w)[لو]?(?:ارتفع|ارتفعت|ارتفاع|يرتفع|ترتفع|تصل|يصل|وصلت|وصل)\s+(?:\S+\s+){0,8}?"
    r"(?:إلى|الى))\s+(?:at\s+least\s+|nearly\s+|about\s+|around\s+|نحو\s+|قرابة\s+|حوالي\s+)?$",
    re.IGNORECASE,
)
_PERIOD_WORDS = re.compile(r"\bsince\b|\bso\s+far\s+this\b|منذ|خلال\s+(?:العام|الشهر|شهر|الأسبوع)")


def _updated(u: Unit, c: CountMention) -> CountMention:
    """`c` marked as the figure a toll rose to, when the words before it say so."""
    at = c.start - u.sentence.start
    if at <= 0 or at > len(u.sentence.text):
        return c
    before = u.sentence.text[max(0, at - 90) : at]
    m = _UPDATED_TO.search(before)
    after = u.sentence.text[c.end - u.sentence.start : c.end - u.sentence.start + 40]
    if m is None or _PERIOD_WORDS.search(m.group(0)) or _PERIOD_WORDS.search(after):
        return c
    return replace(c, update=True)


_ANAPHORIC = re.compile(
    r"\b(?:the|this|that|these|those|its|their)\s+(?:\w+\s+)?(?:attacks?|strikes?|air\s*strikes?|raids?|"
    r"bombings?|blasts?|explosions?|shelling|massacres?|incidents?|assaults?|bombardment|"
    r"attackers?|bombers?|perpetrators|gunmen|killings?|executions?)\b|"
    r"\bclaimed\s+responsibil\w*|\bresponsib(?:le|ility)\s+for\b|"
    # "Iraq blamed Turkey, which denied responsibility": who is blamed for what was just told
    r"^\s*(?-i:(?:[A-Z][\w'’.-]*\s+){1,3}(?:blamed|accused)\s+(?:the\s+)?[A-Z])",
    re.IGNORECASE,
)
# A count of part of a toll already given ("14 of the dead were rebels", "three children were
# among the dead"): it details the incident's figures, whoever gives it.
_PART_OF_TOLL = re.compile(
    r"\b(?:of|among)\s+(?:the\s+(?:dead|victims|killed|casualties|wounded|injured|fatalities)|them|those)\b",
    re.IGNORECASE,
)
_CLASH = re.compile(
    r"\b(?:clash(?:es|ed)?|fighting|battles?|firefights?|confrontations?|offensive)\b",
    re.IGNORECASE,
)
_SUBORDINATE = re.compile(
    r"\b(?:after|following|in\s+response\s+to|in\s+retaliation\s+for|days\s+after|hours\s+after)\b[^,.;:]*$",
    re.IGNORECASE,
)
# An earlier event named as a time or place reference inside a sentence about another one.
_REFERENCE_BEFORE = re.compile(
    r"\b(?:hours|days|weeks|months|a\s+day|a\s+week)\s+(?:after|before)\b[^.;]*$|"
    r"\blaunch\s*-?pad\s+for\b[^.;]*$|\bplott?(?:ing|ed)\b[^.;]*$|"
    r"\b(?:was|were)\s+(?:later\s+)?followed\s+by\b[^.;]*$",  # a later event, not this one
    re.IGNORECASE,
)
_REFERENCE_AFTER = re.compile(
    r"\W*(?:[\w'-]+\W+){0,5}?(?:earlier\s+this\s+week|days\s+ago|program(?:me)?s?)\b",
    re.IGNORECASE,
)
# Killed after being taken: hostages, captives, the abducted.
_CAPTIVES = re.compile(
    r"\b(?:hostages?|captives?|abducted|kidnapped|prisoners|detainees|captured\s+(?:soldiers|troops|"
    r"fighters|men|people|pilots?))\b",
    re.IGNORECASE,
)
# Claimant types whose figures are a side's: never merged with another claimant's.
_PARTISAN = frozenset({"party_to_conflict", "state_media"})
_STRONG_TYPES = frozenset({"mass_grave", "chemical", "detention", "execution"})


@dataclass
class _Incident:
    units: list[Unit]
    opened_by_title: bool = False
    retells: bool = False  # another claimant's account of the previous incident

    @property
    def counts(self) -> list[CountMention]:
        return [c for u in self.units for c in u.counts]

    def outcomes(self) -> set[str]:
        return {c.outcome for c in self.counts if not c.named}

    def place_keys(self) -> set[str]:
        keys: set[str] = set()
        for u in self.units:
            for p in u.places:
                keys.add(_place_key(p.place))
                if p.place.admin1:
                    keys.add(f"a1:{p.place.admin1}")
        return keys

    def event_type(self) -> str:
        units: Sequence[Unit] = self.units
        perp = _perpetrator(units)
        if (
            perp is not None
            and (perp.group in GROUND_ONLY_GROUPS or _ON_FOOT.search(perp.name or ""))
            and not any(  # "SDF and coalition forces raided …": an air party takes part
                a.group in AIR_ONLY_GROUPS and a.role == "perpetrator"
                for u in units
                for a in u.actors
            )
        ):
            units = [_grounded(u) for u in units]
        return classify(_weighted_cues(units), air_actor=_air_actor(self.units))

    def date_keys(self) -> set[dt.date]:
        return {d.window.start for u in self.units for d in _event_dates(u) if d.window.start}


def _place_key(p: Place) -> str:
    return f"g:{p.geonameid}" if p.geonameid is not None else f"n:{p.name.lower()}"


def _weighted_cues(units: Sequence[Unit]) -> list[EventMention]:
    cues: list[EventMention] = []
    for k, u in enumerate(units):
        factor = 1.5 if k == 0 else (1.2 if u.counts else 1.0)
        if u.is_title:
            factor *= 1.2
        for c in u.cues:
            cues += scaled([c], factor * (0.25 if _in_reference(u, c) else 1.0))
    return cues


# Parties without aircraft in Syria: their bare "raid" is on the ground, their "strikes",
# "bombing" or "pounded" are artillery's, rockets' or drones' named as such elsewhere.
GROUND_ONLY_GROUPS = frozenset({"sdf_ypg", "isis", "hts_nusra", "armed_opposition"})
_RAID = re.compile(r"raid", re.IGNORECASE)
# Attackers named as people on foot, whatever their party: "gunmen raided the village",
# "soldiers raided the house".
_ON_FOOT = re.compile(
    r"\b(?:gunmen|armed\s+men|assailants|militants|fighters|soldiers|troops|militiamen|"
    r"police(?:men)?|commandos|infantry)\b",
    re.IGNORECASE,
)


def _grounded(u: Unit) -> Unit:
    """`u` with the weak air cues ("raid", "strikes", "pounded": weight ≤ 0.5) of a ground-only
    perpetrator read as a ground raid (shooting) or as shelling."""
    if not any(c.event_type == "airstrike" and c.weight <= 0.5 for c in u.cues):
        return u
    text, at = u.sentence.text, u.sentence.start
    cues = tuple(
        replace(
            c,
            event_type="shooting" if _RAID.search(text, c.start - at, c.end - at) else "shelling",
        )
        if c.event_type == "airstrike" and c.weight <= 0.5
        else c
        for c in u.cues
    )
    return replace(u, cues=cues)


def _fuller_total(
    current: Sequence[CountMention], stated: Sequence[CountMention], outcomes: Set[str]
) -> bool:
    """Whether the new counts give the total of people the incident only listed so far:
    "Five children and four medical staff killed by airstrikes on a hospital" (a list, 9)
    then "the airstrikes killed 13 people … among the dead were four staff and five children"
    is one incident told with its whole toll."""
    for outcome in outcomes:
        heads = [c for c in current if c.outcome == outcome and c.sub_of is None and not c.part]
        if not heads or not all(c.listed for c in heads):
            return False
        listed = max(c.range.min or 0 for c in heads)
        new = [
            c.range.min or 0
            for c in stated
            if c.outcome == outcome and c.sub_of is None and not c.part
        ]
        if not new or max(new) <= listed:
            return False
    return True


def _in_reference(u: Unit, c: EventMention) -> bool:
    """Whether cue `c` names an earlier event the sentence refers to ("hours after a chemical
    attack", "the town hit by a chemical attack earlier this week"), not the incident."""
    text, at = u.sentence.text, u.sentence.start
    before, after = text[: max(0, c.start - at)], text[max(0, c.end - at) :]
    return bool(_REFERENCE_BEFORE.search(before) or _REFERENCE_AFTER.match(after))


def _air_actor(units: Sequence[Unit]) -> bool:
    perp = _perpetrator(units)
    # A joint attack (an air party with a ground party) may be the ground party's shelling.
    joint = any(a.leads for u in units for a in u.actors)
    return perp is not None and perp.group in AIR_ONLY_GROUPS and not joint


def _is_background(u: Unit) -> bool:
    if not _background(u.sentence.text):
        return False
    m = _BACKGROUND.search(u.sentence.text)
    if m is not None and _INTENT.match(m.group(0)):
        # "… killing at least nine people, a group said, a day after Ankara vowed to
        # retaliate": a threat or a call told after the harm dates it; the harm is news
        at = u.sentence.start + m.start()
        return not any(
            c.start < at and _precise(c) and c.outcome in ("killed", "injured") for c in u.counts
        )
    return True


# Background told as an intent or an appeal ("vowed to", "calls on", "would strike").
_INTENT = re.compile(
    r"\b(?:calls?|called|urg|demand|would|will|could|might|threaten|vow|plan)", re.IGNORECASE
)


@lru_cache(maxsize=1024)  # asked of each sentence by several steps
def _background(text: str) -> bool:
    return bool(_BACKGROUND.search(text))


def _typed(u: Unit, at_least: float = 0.5) -> list[EventMention]:
    return [c for c in u.cues if c.event_type != "unknown" and c.weight >= at_least]


def _precise(c: CountMention) -> bool:

    return not is_vague(c.range)


def _is_candidate(u: Unit, headline_mode: bool) -> bool:
    harm = bool(u.counts) or any(c.weight >= GENERIC for c in u.cues)
    if headline_mode:
        # A headline-only document (a monitor's incident line, a wire flash) reports events:
        # any harm words, or a place it is about.
        return harm or any(pm.place.precision != "country" for pm in u.places)
    if _is_background(u):
        return False
    if u.is_title:
        return harm and (bool(u.counts) or bool(u.places) or bool(_typed(u)) or bool(u.actors))
    if _typed(u, 0.8):
        return True
    if _typed(u) and (
        u.counts or u.places or _event_dates(u) or any(a.role == "perpetrator" for a in u.actors)
    ):
        return True
    if (
        u.speaker is not None
        and any(a.role == "perpetrator" and a.group == u.speaker for a in u.actors)
        and any(pm.place.precision != "country" for pm in u.places)
        and _OWN_STRIKE.search(u.sentence.text)
    ):
        # A party telling its own strike on a place, whatever its weapon ("Iran's Revolutionary
        # Guard said it struck an Israeli 'spy headquarters' in Erbil"): an admission.
        return True
    return any(_precise(c) and c.outcome in ("killed", "injured") for c in u.counts)


_OWN_STRIKE = re.compile(
    r"\b(?:struck|targeted|hit|attacked|bombed|shelled|destroyed|fired\s+(?:\w+\s+){0,3}?at)\b",
    re.IGNORECASE,
)


def _unit_type(u: Unit) -> str:
    return classify(
        scaled(u.cues, 1.0),
        air_actor=any(a.group in AIR_ONLY_GROUPS and a.role == "perpetrator" for a in u.actors),
    )


_INVESTIGATORS = frozenset({"ngo", "monitor", "un"})


def _attribution_of(units: Sequence[Unit]) -> Attribution:
    """Whose statement an incident's claim is: the attribution of its first unit that is not
    the headline (a headline takes the lede's voice); when that names nobody (the report's
    own voice), the first source the incident's sentences credit ("At least 19 people were
    killed … . At least 19 civilians were killed in the raids, the Observatory said") — unless
    the report is an investigating organisation's own (an NGO, a monitor, the UN)."""
    first = next((u.attribution for u in units if not u.is_title), units[0].attribution)
    if first.span is None and first.claimant.type in _INVESTIGATORS and first.claimant.name:
        # An NGO's, a monitor's or the UN's own report tells its own findings; the people it
        # quotes later ("a vendor said he saw …") are its evidence, not the claimant.
        return first
    if first.span is None:
        credited = next(
            (u.attribution for u in units if not u.attribution.inherited and u.counts), None
        )
        if credited is not None:
            return credited
    return first


def _competing(new: Sequence[CountMention], old: Sequence[CountMention]) -> bool:
    """Whether precise counts `new` give a figure of an outcome that `old` counts, which no
    figure of `old` for that outcome allows (8 killed against 15 killed; not 50 wounded
    against "up to 50")."""

    def overlap(a: Range, b: Range) -> bool:
        inf = float("inf")
        return (a.min or 0) <= (inf if b.max is None else b.max) and (b.min or 0) <= (
            inf if a.max is None else a.max
        )

    mine = [c for c in old if _precise(c)]
    return any(
        _precise(c)
        and any(o.outcome == c.outcome for o in mine)
        and not any(o.outcome == c.outcome and overlap(o.range, c.range) for o in mine)
        for c in new
    )


def _claimant_of(units: Sequence[Unit]) -> Claimant:
    return _attribution_of(units).claimant


def _retells(u: Unit, cur: _Incident) -> bool:
    """Whether candidate `u` is another claimant's account of incident `cur`, told apart.

    A party's figures and another claimant's that compete with them are two claims: "the SDF
    said 8 civilians were killed; Turkey's defence ministry said 15 terrorists were
    neutralised" is two claims, never one of 23. Figures the report states first and credits
    later are the credited source's; figures of an outcome the incident lacks (the wounded)
    complete it; independent reporters' figures of one incident stay together, as the report
    combines them.
    """
    if _headline_only(cur) and (
        _attribution_of(cur.units).span is None or u.attribution.span is None
    ):
        # the lede tells the headline's incident, unless both name their own speakers ("SDF
        # says Turkish drone killed three civilians" over "Turkey's defence ministry said it had
        # neutralised three terrorists": two accounts, never six dead)
        return False
    if not u.counts or u.attribution.inherited or _PART_OF_TOLL.search(u.sentence.text):
        return False
    if _elsewhere(u, cur):
        return False  # harm in another governorate: another incident, not another account
    told = _attribution_of(cur.units)
    if not _PARTISAN & {u.attribution.claimant.type, told.claimant.type}:
        return False
    if same_claimant(u.attribution.claimant, told.claimant):
        # Described parties ("the defence ministry", "the health ministry") pass for one voice
        # unless the report shows two sides: the ministry of the state its sentence has act
        # ("Turkey launched airstrikes …, the defence ministry said") against the SDF, or a
        # party's known side against a voice that shares no word with it ("The Israeli
        # military said it struck …" / "The health ministry said 21 people were killed").
        sides = (_own_side(told.claimant, cur.units), _own_side(u.attribution.claimant, [u]))
        words = [
            set((c.name or "").casefold().split()) for c in (told.claimant, u.attribution.claimant)
        ]
        if sides[0] == sides[1] or (None in sides and (sides[0] is None or words[0] & words[1])):
            return False
    # A party that tells its own strike without figures, then another claimant's figures ("The
    # Israeli army said it struck a depot near Qusayr. State media said one civilian was
    # killed"): the figures are the other claimant's, never the party's admission.
    untold = (
        not cur.counts
        and told.claimant.is_party
        and (perp := _perpetrator(cur.units)) is not None
        and perp.group == _own_side(told.claimant, cur.units)
    )
    if told.span is not None and (untold or _competing(u.counts, cur.counts)):
        return True
    if untold and told.span is None and u.attribution.span is not None:
        # a party's own release in its own voice ("IDF fighter jets struck a Hamas command
        # centre …"), then another claimant's figures ("The Gaza health ministry said 22 …")
        return True
    return _contested(u, cur, told)


def _contested(u: Unit, cur: _Incident, told: Attribution) -> bool:
    """Whether the attacker's side calls the dead fighters and another claimant calls them
    civilians or plain men ("… killing two men. Residents said they were fuel sellers; CENTCOM
    said the strike killed two al-Qaeda operatives"): two claims about the same dead, never
    four."""
    perp = _perpetrator([*cur.units, u])
    if perp is None or perp.group == "unknown":
        return False
    return (
        _own_side(u.attribution.claimant, [u]) == perp.group and _status_clash(u.counts, cur.counts)
    ) or (_own_side(told.claimant, cur.units) == perp.group and _status_clash(cur.counts, u.counts))


# (people counted with no category, "more than 90 people were killed", are not fighters either)
_NOT_FIGHTERS = frozenset({"civilians", "children", "women", "men", "total"})


def _status_clash(party: Sequence[CountMention], other: Sequence[CountMention]) -> bool:
    """Whether a party counts as fighters the dead (or hurt) that the other counts only as
    civilians or plain people of an outcome the party counts."""
    fighters = {c.outcome for c in party if c.victims == "combatants" and not c.named}
    for outcome in fighters:
        said = {c.victims for c in other if c.outcome == outcome and not c.named}
        if said & _NOT_FIGHTERS and "combatants" not in said:
            return True
    return False


def _other_attacker(u: Unit, cur: _Incident) -> bool:
    """Whether the unit names an attacker of another party than the incident's ("… killed in
    an air strike by Syrian government forces. Turkey retaliated by striking …, 'neutralising'
    114"): its own toll is another attack's."""
    mine = _perpetrator(cur.units)
    if mine is None or mine.group == "unknown":
        return False
    return any(a.role == "perpetrator" and a.group not in ("unknown", mine.group) for a in u.actors)


def _headline_only(cur: _Incident) -> bool:
    """An incident opened by the headline that holds nothing but headings yet: the headline
    and a deck under it ("Syria: Deadly Strike on Market Was Indiscriminate" / "Russian
    Attack on Idlib Town Killed 11 Civilians"), before the lede."""
    return cur.opened_by_title and all(
        x.is_title or is_heading_line(x.sentence.text.strip()) for x in cur.units
    )


def _elsewhere(u: Unit, cur: _Incident) -> bool:
    """Whether the unit tells of harm in a governorate the incident so far does not name (both
    name one: a place finer than a country where an incident can be)."""
    here = {pm.place.admin1 for x in cur.units for pm in _incident_places(x) if pm.place.admin1}
    # a site of the unit counts even where it reads as a base ("a drone attack on a military
    # academy in Homs"): all its places lie elsewhere
    there = {pm.place.admin1 for pm in _fine_places(u) if pm.place.admin1}
    return bool(here) and bool(there) and not (here & there)


def _opens_new(u: Unit, cur: _Incident) -> bool:
    """Whether candidate `u` starts a new incident rather than continuing `cur`."""
    if _headline_only(cur):
        # The lede tells the headline's incident, unless it opens with a period's total or
        # the past ("In 2023, 1,200 civilians were killed …" under a headline about one attack)
        # that the headline does not tell too.
        heads = cur.units
        return (
            _tells_aside(u)
            and not any(_PERIOD_TOTAL.search(h.sentence.text) for h in heads)
            and not {c.range.min for h in heads for c in h.counts} & {c.range.min for c in u.counts}
        )
    text = u.sentence.text
    typed = bool(_typed(u))
    if (
        not u.counts
        and cur.counts
        and u.attribution.span is not None
        and not u.attribution.inherited
        and not same_claimant(u.attribution.claimant, _claimant_of(cur.units))
        and _elsewhere(u, cur)
    ):
        # "… a car bomb in Azaz killed three. Russia's military said its air defences at the
        # Hmeimim air base shot down two drones": another voice about another governorate, after
        # an incident whose toll is told
        return True
    tolls = [c for c in u.counts if c.sub_of is None and not c.part]
    if tolls and all(c.later or _updated(u, c).update for c in tolls) and not typed and cur.counts:
        # "Another died of his wounds the next day", "The death toll rose to four after another
        # man died": the toll goes on
        return False
    new = _NEW_INCIDENT.search(text) or _NEW_INCIDENT_AR.search(text)
    if (
        new
        and (typed or u.counts)
        and not (
            # "The SNHR also reported that 10 others were injured": the rest of the toll told
            re.match(r"also", new.group(), re.IGNORECASE)
            # (or "Four civilians were also reported injured in the attack": the one just told)
            and (_OTHERS.search(text) or _IN_THE_ATTACK.search(text))
            and u.counts
            and not {c.outcome for c in u.counts} & cur.outcomes()
        )
    ):
        return True
    if u.counts and _period_total(u) != any(_period_total(x) for x in cur.units if x.counts):
        # A period's total ("5 killed in July") and one incident's toll are two claims, in
        # either order (a news ticker lists both).
        return True
    # People named one by one ("6-year-old Sara") are the incident's victims, not a new toll.
    stated = [c for c in u.counts if not c.named]
    if stated and _ALSO_IN_IT.search(text):
        return False  # "Three SDF fighters were also killed in the strike": more of its dead
    if stated and not _TOLL_UPDATE.search(text):
        clash = {c.outcome for c in stated if c.sub_of is None and not c.part} & cur.outcomes()
        if clash and (
            typed
            or u.places
            or (_event_dates(u) and not _FOLLOW_UP.search(text))
            or _other_attacker(u, cur)
        ):
            if _elsewhere(u, cur):
                # "Aleppo: A child was killed by a landmine in Maskanah" after three killed in
                # Idlib: another governorate's dead, whatever figure they repeat
                return True
            cur_vals = {(c.outcome, c.range.min) for c in cur.counts}
            if not all((c.outcome, c.range.min) in cur_vals for c in stated) and not _fuller_total(
                cur.counts, stated, clash
            ):
                return True
    # The day a statement was made ("…, the SDF said on Friday") dates no new incident: the
    # toll it gives may be of the attack just told ("… on Thursday night. At least 7 guards were
    # killed in the fighting, the SDF said on Friday").
    told = _event_dates(u)
    spoken = _said_on(u, told)
    new_dates = {
        d.window.start
        for d in told
        if d.window.precision == "day" and d.window.start and d not in spoken
    }
    old_dates = cur.date_keys()
    if (
        new_dates
        and old_dates
        and not (new_dates & old_dates)
        and (typed or u.counts)
        and not _FOLLOW_UP.search(text)
    ):
        return True
    if typed:
        # A new kind of harm with its own strong type (a mass grave after an airstrike) is a new
        # incident; weaker cues after a strong one ("under the rubble of airstrikes") tell how.
        ut = _unit_type(u)
        if ut in _STRONG_TYPES and ut != cur.event_type():
            return True
    return False


def _event_dates(u: Unit) -> list[DateMention]:
    """The unit's dates that date the event, not the statement."""
    out = []
    speaker = u.attribution.span
    for d in u.dates:
        if _STATEMENT_DATE.search(u.sentence.text, 0, max(0, d.start - u.sentence.start)):
            continue  # "the list released on 26 October", "a video posted on Monday"
        # "the ministry said on Saturday that …": a date between the speaker and "that"; a date
        # before the speaker ("On Tuesday, 12 were killed, Safa News reported that …") is the
        # event's.
        if (
            u.report_cut is not None
            and d.end <= u.report_cut
            and (speaker is None or d.start >= speaker[0])
        ):
            continue
        out.append(d)
    said_on = _said_on(u, out)
    if said_on and any(d not in said_on and _names_its_day(u, d) for d in out):
        # "… in November that killed 57 civilians, Human Rights Watch said today": the
        # statement's day gives way to the event's own date (not to a vague "earlier this
        # week", which the statement's day dates better)
        out = [d for d in out if d not in said_on]
    return out


def _said_on(u: Unit, dates: Sequence[DateMention]) -> list[DateMention]:
    """The dates of `dates` that date the statement ending the sentence ("…, the SDF said on
    Friday", "…, the group said in a statement on Friday")."""
    return [
        d
        for d in dates
        if _SAID_ON.search(u.sentence.text, 0, max(0, d.start - u.sentence.start))
        and not u.sentence.text[d.end - u.sentence.start :].strip(" .,;\"”'")
    ]


def _names_its_day(u: Unit, d: DateMention) -> bool:
    """Whether a date names its day or its month ("on Tuesday", "6 November", "in November"),
    not a vague span ("earlier this week", "last month")."""
    if d.kind == "absolute" or d.window.precision == "day":
        return True
    said = u.sentence.text[d.start - u.sentence.start : d.end - u.sentence.start]
    return d.window.precision == "month" and _MONTH_WORD.search(said) is not None


_MONTH_WORD = re.compile(r"\b(?:" + _MONTHS + r")\b")


def _attacker_before(units: Sequence[Unit], incidents: Sequence[_Incident]) -> None:
    """Give an incident that names no attacker the sentence right before it, when that sentence
    tells a named party's attack on a place and belongs to no incident: "ISIS attacked a
    checkpoint in Shuhayl. Five fighters were killed." (the attack has no harm words of its
    own, so it opened no incident; the toll after it is its toll)."""
    order = {id(u): k for k, u in enumerate(units)}
    taken = {id(u) for inc in incidents for u in inc.units}
    for inc in incidents:
        if any(_names_attacker(u) for u in inc.units):
            continue
        k = order.get(id(inc.units[0]), 0) - 1
        while k > 0 and _says_little(units[k]) and id(units[k]) not in taken:
            k -= 1  # "… attacked our point in Shuhayl. Our fighters responded; 5 were martyred"
        if k < 0:
            continue
        before = units[k]
        if (
            id(before) not in taken
            and not _is_background(before)
            and before.section == inc.units[0].section
            and _names_attacker(before)
            and _fine_places(before)
            and _ATTACKED.search(before.sentence.text)
        ):
            inc.units.insert(0, before)
            taken.add(id(before))


def _says_little(u: Unit) -> bool:
    """A clause with no count, place, date or attacker of its own ("Our fighters responded to
    the attack")."""
    return not (u.counts or _fine_places(u) or u.dates or _names_attacker(u))


def _names_attacker(u: Unit) -> bool:
    """Whether the unit names a party as the attacker."""
    return any(a.role == "perpetrator" and a.group != "unknown" for a in u.actors)


_ATTACKED = re.compile(
    r"\b(?:attacked|stormed|ambushed|raided|targeted|struck|shelled|bombed)\b", re.IGNORECASE
)


def _area_from_followers(units: Sequence[Unit], incidents: Sequence[_Incident]) -> None:
    """Give an incident named only by country the first finer place of the sentences after it,
    and one named only by its province the first town of that province after it.

    News names the country in the headline and lede ("air raids in northern Syria") and the
    province or the town a sentence or two later; those sentences elaborate the same report, up to the
    next incident. The elaborating sentence joins the incident (its span), so the place stays
    traceable.
    """
    order = {id(u): k for k, u in enumerate(units)}
    starts = [order[id(inc.units[0])] for inc in incidents]
    for n, inc in enumerate(incidents):
        told = [pm for u in inc.units for pm in _incident_places(u)]
        if any(pm.place.precision in _POINT_PRECISIONS for pm in told) or _tells_period(inc):
            continue  # (a toll across a country is no incident of the town listed after it)
        # Named only by its province ("Strike Near Idlib Killed 7 Civilians"): a town of that
        # province named after it ("The attack on the camp near Kafr Jales …") says where.
        provinces = {pm.place.admin1 for pm in told}
        first = order[id(inc.units[-1])] + 1
        stop = min(starts[n + 1] if n + 1 < len(incidents) else len(units), first + 3)
        for u in units[first:stop]:
            if _is_background(u):
                continue
            found = _incident_places(u)
            if found and (
                not provinces
                or any(
                    pm.place.precision in _POINT_PRECISIONS and pm.place.admin1 in provinces
                    for pm in found
                )
            ):
                # Only the place (and the span) come from it, not its counts or cues.
                inc.units.append(replace(u, counts=(), dates=(), actors=(), cues=(), weapons=()))
                break


_POINT_PRECISIONS = frozenset({"exact", "neighbourhood", "town"})


# A sentence that says when the incident just told happened: "The strike took place on Nov.
# 15, 2020, near Hajin", "It happened on the evening of 3 May".
_WHEN_IT_HAPPENED = re.compile(
    r"\s*(?:(?:The|This|That)\s+(?:[\w-]+\s+){0,2}?(?:strikes?|air\s*strikes?|attacks?|raids?|"
    r"incident|bombings?|shelling|explosion|blast|massacre|operation|engagement|killings?)|It)\s+"
    r"(?:(?:reportedly|also|allegedly)\s+)?(?:took\s+place|occurred|happened|came|"
    r"was\s+(?:carried\s+out|conducted|launched))\b"
)


def _date_from_followers(units: Sequence[Unit], incidents: Sequence[_Incident]) -> None:
    """Give an incident told without its day the day a sentence right after it gives it
    ("… resulting in 1 civilian killed. The strike took place on Nov. 15, 2020, near Hajin").
    Only the dates (and the span) come from that sentence."""
    order = {id(u): k for k, u in enumerate(units)}
    starts = [order[id(inc.units[0])] for inc in incidents if id(inc.units[0]) in order]
    for n, inc in enumerate(incidents):
        if any(_event_dates(u) for u in inc.units):
            continue
        known = [order[id(v)] for v in inc.units if id(v) in order]
        if not known:
            continue
        first = max(known) + 1
        stop = min(starts[n + 1] if n + 1 < len(starts) else len(units), first + 2)
        for u in units[first:stop]:
            if _is_background(u) or not _WHEN_IT_HAPPENED.match(u.sentence.text):
                continue
            days = [d for d in _event_dates(u) if d.window.precision == "day"]
            if days:
                inc.units.append(
                    replace(
                        u, counts=(), places=(), actors=(), cues=(), weapons=(), dates=tuple(days)
                    )
                )
                break


def _date_from_list_intro(units: Sequence[Unit], incidents: Sequence[_Incident]) -> None:
    """Give the undated items of a list the day its introduction names.

    A monitor's daily record introduces its items with their day ("SOHR documented the deaths
    of six people across Syria on Wednesday, they are as follows:") and lists them undated
    ("Daraa: a young man was shot dead …"). An introduction is a sentence ending in a colon
    that dates one day; its day goes to every undated incident after it, up to the next
    introduction. The introduction joins each such claim's spans.
    """
    order = {id(u): k for k, u in enumerate(units)}
    intros = [
        (k, days[0])
        for k, u in enumerate(units)
        if u.sentence.text.rstrip().endswith(":")
        and not _is_background(u)
        and len(days := [d for d in _event_dates(u) if d.window.precision == "day"]) == 1
    ]
    if not intros:
        return
    for inc in incidents:
        if any(_event_dates(u) for u in inc.units):
            continue
        known = [order[id(v)] for v in inc.units if id(v) in order]
        if not known:
            continue
        first = min(known)
        before = [(k, d) for k, d in intros if k < first]
        if not before:
            continue
        k, day = before[-1]
        intro = units[k]
        inc.units.append(
            replace(intro, counts=(), places=(), actors=(), cues=(), weapons=(), dates=(day,))
        )


def _means_from_followers(units: Sequence[Unit], incidents: Sequence[_Incident]) -> None:
    """Give an incident told without its means the means of the sentences after it.

    "At least 23 people were killed on Sunday as the regime pushed into Eastern Ghouta" names
    no weapon; the next sentence ("… killed by air strikes and shelling") does. Up to three
    sentences after the incident are read; one that joins lends only its event words (and its
    span). An incident told as clashes or battles keeps "unknown": it has its own words.
    """
    order = {id(u): k for k, u in enumerate(units)}
    for inc in incidents:
        if inc.event_type() != "unknown" or any(
            c.event_type == COMBAT for u in inc.units for c in u.cues
        ):
            continue
        first = max(order[id(v)] for v in inc.units if id(v) in order) + 1
        for u in units[first : first + 3]:
            if _is_background(u) or any(c.event_type == COMBAT for c in u.cues):
                continue
            if _unit_type(u) not in ("unknown", "other"):
                inc.units.append(replace(u, counts=(), dates=(), places=(), actors=(), weapons=()))
                break


def _fine_places(u: Unit) -> list[PlaceMention]:
    """The unit's places finer than a country."""
    return [pm for pm in u.places if pm.place.precision != "country"]


def _incident_places(u: Unit) -> list[PlaceMention]:
    """The unit's places finer than a country that can be where an incident happened (not an
    origin, destination, base or office: `placing.incidental`)."""
    return [pm for pm in _fine_places(u) if not incidental(u.sentence, pm)]


def _group(units: Sequence[Unit], headline_mode: bool) -> list[_Incident]:
    incidents: list[_Incident] = []
    cur: _Incident | None = None
    # The headline's incident until its lede has come: a total or background told first
    # ("In 2023, 1,200 civilians were killed …") does not take the headline's place.
    waiting: _Incident | None = None
    # A record's heading line ("1. May 14, 2021, near Hajin, Syria."): its day and place are
    # the next incident's, and the incident before it is over.
    header: Unit | None = None
    for k, u in enumerate(units):
        if cur is not None and u.section != cur.units[0].section:
            cur = None  # a background or methods section never continues the report's incident
        if not u.is_title and _is_record_header(u):
            header, cur = u, None
            continue
        if _is_candidate(u, headline_mode):
            if (
                waiting is not None
                and waiting is not cur
                and u.section == 0
                and not _tells_aside(u)
                and not _retells(u, waiting)
            ):
                waiting.units.extend([header, u] if header else [u])
                cur, waiting, header = waiting, None, None
                continue
            retells = cur is not None and _retells(u, cur)
            if cur is None or retells or _opens_new(u, cur):
                cur = _Incident(
                    [header, u] if header else [u], opened_by_title=u.is_title, retells=retells
                )
                header = None
                incidents.append(cur)
                waiting = cur if u.is_title else waiting
            else:
                cur.units.append(u)
                waiting = None if cur is waiting else waiting
        elif (
            cur is not None
            and not _is_background(u)
            and (
                # "… backed by coalition aircraft": the air support of the incident told
                any(a.leads for a in u.actors)
                or (_ANAPHORIC.search(u.sentence.text) and _refers(u, cur))
                or (k > 0 and units[k - 1] is cur.units[-1] and _tolls_it(u, cur))
            )
        ):
            cur.units.append(u)
    return incidents


_ROUND_TOLL_WORDS = 5


def _tolls_it(u: Unit, cur: _Incident) -> bool:
    """Whether `u`, right after the incident's last sentence, gives its toll in round words
    ("Massive blast in Karrada after midnight. Dozens dead."): a post's fragment of a few words
    (hashtags aside) with a vague count of the dead or hurt, no place outside the incident's
    provinces, for an incident that has no count of that outcome yet."""
    if len(_RECORD_WORD.findall(re.sub(r"#\w+", "", u.sentence.text))) > _ROUND_TOLL_WORDS:
        return False  # a sentence of its own ("Hundreds have been killed in the offensive")
    told = {c.outcome for v in cur.units for c in v.counts}
    vague = [c for c in u.counts if c.outcome in ("killed", "injured") and not _precise(c)]
    provinces = {pm.place.admin1 for v in cur.units for pm in _incident_places(v)}
    return (
        bool(vague)
        and len(vague) == len(u.counts)
        and all(pm.place.admin1 in provinces for pm in _incident_places(u))
        and all(c.outcome not in told for c in vague)
    )


_RECORD_WORD = re.compile(r"[^\W\d_]+")


def _is_record_header(u: Unit) -> bool:
    """A short line that gives only a day and a place ("May 14, 2021, near Hajin, Syria."): the
    heading of one record in a list of incidents (a coalition's casualty report, a monitor's log)."""
    return (
        not u.counts
        and any(d.kind == "absolute" and d.window.precision == "day" for d in u.dates)
        and bool(_incident_places(u))
        and not any(a.role == "perpetrator" for a in u.actors)
        and len(_RECORD_WORD.findall(u.sentence.text)) <= 10
    )


def _refers(u: Unit, cur: _Incident) -> bool:
    """What an anaphoric sentence adds to the incident it refers to."""
    return bool(
        any(a.role == "perpetrator" for a in u.actors)
        or _event_dates(u)
        or u.weapons
        # "The strike was requested by …": what the untyped incident was.
        or (_typed(u) and cur.event_type() == "unknown")
        # "The assault targeted positions south of Ras al-Ain": where it happened.
        or (_incident_places(u) and not any(_incident_places(v) for v in cur.units))
    )


# 3. Values of an incident.


def _headline_attacker(headline: Unit | None) -> ActorMention | None:
    """The one party a headline names as the attacker (the air party of a joint attack)."""
    if headline is None:
        return None
    perps = [a for a in headline.actors if a.role == "perpetrator" and a.group != "unknown"]
    if not perps:
        return None
    lead = next((a for a in perps if a.leads), None)
    if lead is not None:
        return lead
    return perps[0] if len({a.group for a in perps}) == 1 else None


def _written_claimant(u: Unit) -> str:
    """The claimant's name as the unit's sentence writes it ("an army statement": "army",
    though it resolves to the "Syrian Arab Army" named before), else its resolved name."""
    span = u.attribution.span
    a, b = u.sentence.start, u.sentence.start + len(u.sentence.text)
    if span is not None and a <= span[0] < span[1] <= b:
        return u.sentence.text[span[0] - a : span[1] - a]
    return u.attribution.claimant.name or ""


def _own_force_in_its_words(u: Unit, a: ActorMention) -> bool:
    """Whether actor `a` is the claimant's own force named in its words, apart from the name
    that says who speaks: quoted ('IDF: "IDF fighter jets struck …"') or as a force of its
    ("IDF: Overnight, IDF fighter jets struck …", "The IDF said IDF aircraft struck …")."""
    span = u.attribution.span
    if span is None or a.start < span[1]:
        return False
    at = a.start - u.sentence.start
    if _OWN_FORCE_AFTER.match(u.sentence.text, a.end - u.sentence.start):
        return True
    if _OWN_ACT_AFTER.match(u.sentence.text, a.end - u.sentence.start):
        return True  # "IDF: A short while ago, the IDF struck …": its own act, in its words
    return any(q0 < at < q1 for q0, q1 in quote_regions(u.sentence.text))


# A party's name as the subject of its act: "the IDF struck", "CENTCOM conducted a strike".
_OWN_ACT_AFTER = re.compile(
    r"\s+(?:(?:also|later|then|today|overnight|yesterday|successfully|precisely)\s+)?"
    r"(?:struck|targeted|hit|attacked|bombed|shelled|raided|eliminated|neutrali[sz]ed|"
    r"conducted|carried\s+out|launched)\b",
    re.IGNORECASE,
)
# A party's name before one of its forces: "IDF fighter jets", "SDF units", "CENTCOM forces".
_OWN_FORCE_AFTER = re.compile(
    r"\s+(?:fighter\s+jets|jets|warplanes|aircraft|planes|helicopters|drones|forces|troops|units|"
    r"soldiers|artillery|navy|naval\s+forces|ground\s+forces|air\s+force)\b",
    re.IGNORECASE,
)


def _perpetrator(units: Sequence[Unit]) -> Perpetrator | None:
    """The first actor in a perpetrator role; one that names a party beats "gunmen"-like words."""
    # A claimant named in its own statement ("ISIS said …") is not the perpetrator for being
    # named; a party's release in its own voice ("CENTCOM forces conducted a strike …",
    # published by CENTCOM) or a reader's admission cue ("الجيش يعلن مهاجمة …") names its
    # forces as the actor.
    claimant_names = {_written_claimant(u).lower() for u in units if not u.attribution.inherited}
    found = [
        a
        for u in units
        for a in u.actors
        if a.role == "perpetrator"
        and (
            a.name.lower() not in claimant_names
            or _own_force_in_its_words(u, a)
            or owns_the_act(u.sentence.text, a.end - u.sentence.start)
            or any(c.stance == "admits" for c in u.stances or ())
        )
    ]
    # An attack told as the cause or background of this one ("strikes kill 45 after rebel fire
    # on Damascus") names another incident's perpetrator: last resort only.
    main = [
        a
        for u in units
        for a in u.actors
        if a in found
        and not _SUBORDINATE.search(u.sentence.text[: max(0, a.start - u.sentence.start)])
    ]
    found = main + [a for a in found if a not in main]
    named = [a for a in found if a.group != "unknown"]
    # The air party of a joint or supported attack is the incident's, even when a sentence
    # before it names only the ground party ("an SDF raid …; coalition aircraft backed it").
    leading = [a for a in main if a.leads]
    best = leading[0] if leading else named[0] if named else (found[0] if found else None)
    if best is None:
        return None
    name: str | None = best.name
    if set(name.lower().split()[:1] if name else ()) & _PRONOUN_NAMES:
        # "The IDF said it eliminated …", "The coalition said its strike …": the party by the
        # name it speaks under, not "it" or "its strike"
        speaking = next((u for u in units if best in u.actors), None)
        name = (speaking.attribution.claimant.name if speaking is not None else None) or None
    return Perpetrator(name, best.group)


_PRONOUN_NAMES = frozenset({"it", "its", "they", "them", "their"})


def _this_year(u: Unit, year: int | None) -> Sequence[PlaceMention]:
    """The unit's places but those of a past event years before the incident's `year` ("not
    seen since Iraqi Kurds were gassed at Halabja in 1988")."""
    if year is None:
        return u.places
    return [
        pm
        for pm in u.places
        if (told := named_year(u.sentence, pm)) is None or abs(told - year) < 2
    ]


def _places(
    units: Sequence[Unit],
    known: Mapping[str, Place],
    prefer: str | None = None,
    year: int | None = None,
) -> tuple[Place, ...]:
    """The incident's places, most useful first (`geo.incident_places` orders them).

    A governorate named as an area has no point of its own; when the document names a town
    of that governorate, the town's point stands for it (precision stays "governorate").
    A place of a past event years before the incident's `year` is no place of it.
    """

    places = incident_places(
        order_mentions(
            [(u.sentence, _this_year(u, year)) for u in units],
            [any(c.outcome == "killed" for c in u.counts) for u in units],
            prefer,
        )
    )
    out: list[Place] = []
    for p in places:
        town = known.get(p.admin1) if p.admin1 else None
        if p.lat is None and p.precision == "governorate" and town is not None:
            p = replace(p, lat=town.lat, lon=town.lon)
        out.append(p)
    return tuple(_without_other_states(out))


# States that act in these wars from abroad and are named for what their governments say or do
# ("Britain and France are permanent members", "his French counterpart"), not as where an
# incident happened.
_POWERS_ABROAD = frozenset(
    {"US", "GB", "FR", "DE", "IT", "NL", "BE", "CA", "AU", "CH", "SE", "NO", "DK", "ES", "CN"}
    | {"SA", "QA", "AE", "KW", "BH"}
)


def _without_other_states(places: list[Place]) -> list[Place]:
    """An incident's places without the states it did not happen in: a country other than the
    one its towns are in, and, when it names no town, a power abroad."""
    fine = [p for p in places if p.precision != "country"]
    if fine:
        home = fine[0].country
        towns = {p.country for p in fine if p.precision != "governorate"}
        if len(towns) == 1:
            # a province of another state beside the towns of one: a street or a road named
            # after it ("Salah al-Din Street in Deir al-Balah"), not a second country's ground
            home = next(iter(towns))
            return [p for p in places if p.country == home or p.country is None]
        return [p for p in places if p.precision != "country" or p.country == home]
    return [p for p in places if p.country not in _POWERS_ABROAD]


_OWN_SITE = frozenset({"neighbourhood", "exact"})


def shared_places(places: Sequence[Place]) -> tuple[Place, ...]:
    """The places a later incident of the same statement inherits from the previous one.

    A neighbourhood or an exact site (“the White Garden district”) is where that incident
    was, not where the next one was; the town around it is shared. A neighbourhood is named
    "<name>, <town>" at its town's point, so its town is kept when no town is listed.
    """
    kept = [p for p in places if p.precision not in _OWN_SITE]
    if not any(p.precision == "town" for p in kept):
        towns = [
            replace(p, name=p.name.rsplit(", ", 1)[1], precision="town", geonameid=None)
            for p in places
            if p.precision == "neighbourhood" and ", " in p.name and p.lat is not None
        ]
        kept = towns[:1] + kept
    return tuple(kept)


# A month or a year named only after the incident's opening (its headline and first
# sentence), ending this long before the report's day, tells the past ("Last year it was the
# first to receive anti-tank missiles", "a red line that already in June triggered more aid"),
# not the incident's date.
_BACKGROUND_PERIOD_DAYS = 30


def _date(units: Sequence[Unit], report_date: dt.date | None = None) -> DateWindow | None:
    opening = next((k for k, u in enumerate(units) if not u.is_title), 0)
    dated = [
        d
        for k, u in enumerate(units)
        for d in _event_dates(u)
        if not (
            k > opening
            and report_date is not None
            and d.window.precision in ("month", "year")
            and d.window.end is not None
            and (report_date - d.window.end).days > _BACKGROUND_PERIOD_DAYS
        )
    ]
    if not dated:
        return None
    rank = {"day": 0, "week": 1, "month": 2, "year": 3, "unknown": 4}
    kind_rank = {"relative": 0, "absolute": 0, "dateline": 1}
    best = min(
        enumerate(dated),
        key=lambda kd: (kind_rank.get(kd[1].kind, 1), rank.get(kd[1].window.precision, 4), kd[0]),
    )
    return best[1].window


def _weapons(units: Sequence[Unit]) -> tuple[str, ...]:
    out: list[str] = []
    for u in units:
        for w in u.weapons:
            if w.name not in out:
                out.append(w.name)
    return tuple(out)


def _may_presume_civilians(units: Sequence[Unit], event_type: str) -> bool:
    """Whether nothing in the incident marks its dead of no stated category as fighters."""
    if event_type == "detention":
        return False
    if event_type in ("shooting", "unknown", "other") and any(
        _CLASH.search(u.sentence.text) for u in units
    ):
        return False  # clashes between armed parties: the dead are likely their fighters
    # A party named as harmed in a sentence that counts the dead ("killing 12 regime soldiers")
    # says who the dead were; one named elsewhere in the report does not.
    return not any(
        a.role == "victim" and a.group != "unknown" for u in units if u.counts for a in u.actors
    )


def _confidence(claim: Claim, *, dated_from_report: bool, inherited_perp: bool) -> float:
    score = 0.3
    total = claim.killed.total or claim.killed.civilians or claim.injured.total
    if total is not None:
        score += 0.15 if total.max is not None or total.min else 0.08
    if claim.places:
        score += 0.1 if claim.places[0].precision != "country" else 0.03
    if claim.date is not None:
        score += 0.05 if dated_from_report else 0.1
    if claim.event_type not in ("unknown", "other"):
        score += 0.1
    if claim.perpetrator.group != "unknown":
        score += 0.05 if inherited_perp else 0.1
    if claim.claimant.type != "unknown":
        score += 0.05
    return round(min(score, 0.95), 3)


def _spans(units: Sequence[Unit]) -> tuple[tuple[int, int], ...]:
    return tuple(sorted({(u.sentence.start, u.sentence.end) for u in units}))


def _claim(
    inc: _Incident,
    prev: Claim | None,
    prev_claimant: Claimant | None,
    options: AssemblyOptions,
    known: Mapping[str, Place],
    prefer: str | None = None,
    report_date: dt.date | None = None,
) -> tuple[Claim, bool]:

    units = inc.units
    event_type = inc.event_type()
    presume = options.presume_civilians and _may_presume_civilians(units, event_type)
    killed, injured, missing = combine(
        [_updated(u, c) for u in units for c in u.counts], people_as_civilians=presume
    )
    if (
        event_type == "other"
        and not killed.is_empty()
        and any(_CAPTIVES.search(u.sentence.text) for u in units)
    ):
        event_type = "execution"  # hostages or captives killed: killed while held
    perp = _perpetrator(units)
    claimant = _claimant_of(units)
    inherited = False
    # Another claimant's account of the previous incident is about that incident: what it
    # does not say itself (who, what, where, when) is the incident's, read by reference.
    retold = prev if inc.retells else None
    if retold is not None and perp is None and retold.perpetrator.group != "unknown":
        perp, inherited = retold.perpetrator, True
    if retold is not None and event_type == "unknown":
        event_type = retold.event_type
    stance, perp = _stance(units, claimant, perp)
    date = _date(units, report_date) or (retold.date if retold is not None else None)
    year = (
        date.start.year
        if date is not None and date.start is not None
        else report_date.year
        if report_date is not None
        else None
    )
    places = _places(units, known, prefer, year)
    if retold is not None and not places:
        places = retold.places
    if not places:
        places = _ministry_territory(claimant)
    if not places and prev is not None and prev_claimant == claimant:
        # One statement listing incidents in one place ("another mass grave"): the place they
        # share, not the previous incident's own site.
        places = shared_places(prev.places)
        inherited = bool(places)
    if (
        not places
        and prev is not None
        and any(_SAME_PLACE.search(u.sentence.text) for u in units if u.counts)
    ):
        # "… killed two members of the council near the town": the town told just before
        places = shared_places(prev.places)
    if (
        perp is None
        and prev is not None
        and prev.perpetrator.group != "unknown"
        and prev.event_type == event_type
        and prev_claimant == claimant
    ):
        perp, inherited = prev.perpetrator, True
    weapons = _weapons(units)
    spans = _spans(units)
    if retold is not None and retold.spans:
        spans = tuple(sorted({*spans, retold.spans[0]}))
    claim = Claim(
        event_type=event_type,
        date=date,
        places=places,
        perpetrator=perp or Perpetrator(),
        killed=killed,
        injured=injured,
        missing=missing,
        weapons=weapons,
        claimant=claimant,
        spans=spans,
        stance=stance,
    )
    return claim, inherited


# 7. Stance.


def _stance_cues(u: Unit) -> Sequence[StanceCue]:
    """The unit's denials and admissions: its reader's, else the English cues of its text."""
    return u.stances if u.stances is not None else stance_cues(u.sentence.text)


def _governs(cue: StanceCue, u: Unit, claimant: Claimant) -> bool:
    """Whether `cue` in unit `u` is said by `claimant`."""
    if cue.claimant is None or cue.claimant.name.lower() in ("it", "he", "she", "they", "we"):
        # the sentence's own claimant, when the sentence names it (or its quotation does)
        # (a party's own release speaks in its own voice: the publisher's, named by no span)
        own = (
            not u.attribution.inherited
            or cue.claimant is not None
            or (u.attribution.span is None and u.attribution.claimant.is_party)
        )
        return own and same_claimant(u.attribution.claimant, claimant)
    return same_claimant(Claimant(cue.claimant.name, cue.claimant.type), claimant)


def _own_side(claimant: Claimant, units: Sequence[Unit] = ()) -> str | None:
    """The party a claimant speaks for, when it is a party to the conflict (as the units it
    governs know it: "the army" of a report about Syria is Syria's) or the state media of a
    party's state (SANA speaks for Syria's government, Sputnik for Russia)."""
    if claimant.type == "state_media":
        source = lookup_source(claimant.name)
        return STATE_GROUPS.get(source.state or "") if source is not None else None
    if not claimant.is_party:
        return None
    known = next(
        (u.speaker for u in units if u.speaker and u.attribution.claimant == claimant), None
    )
    return known or speaker_group(claimant.name)


# A place named again by its kind alone: "near the town", "in the same village".
_SAME_PLACE = re.compile(
    r"\b(?:near|in|outside|around|on\s+the\s+outskirts\s+of)\s+the\s+(?:same\s+)?"
    r"(?:town|village|city|camp|neighbou?rhood)\b(?!\s+of\b|['’]s)",
    re.IGNORECASE,
)
_POSSESSED = re.compile(r"(?:its|their|our)\s", re.IGNORECASE)


def _stance(
    units: Sequence[Unit], claimant: Claimant, perp: Perpetrator | None
) -> tuple[str, Perpetrator | None]:
    """The claim's stance (CLAIMS.md 1.1) and its perpetrator as the stance makes it.

    The claimant denies when words of denial in the claim's sentences are its own ("denied",
    "fabricated", "no civilian casualties"); the perpetrator of a denial is the party whose
    responsibility is denied: the one the claim names, else the denier's own side. A party
    admits when the perpetrator is its own side ("our strike", "CENTCOM conducted a strike
    that killed …", "15 terrorists were neutralised", "the coalition acknowledged"). Anything
    else alleges.
    """
    cues = [
        c for u in units for c in _stance_cues(u) if not u.is_title and _governs(c, u, claimant)
    ]
    own = _own_side(claimant, units)
    # A party does not deny its enemy's attack: words of denial next to an attack it blames on
    # another party are aimed at that party's claims ("exposed Washington's false claims").
    # "other" holds several parties (the Houthis and the Saudi-led coalition alike): sharing it
    # makes no one the speaker's own side.
    # A party whose side the text does not say ("The Ministry of Defence said: 'RAF Typhoons
    # conducted a strike … there were no civilian casualties'") denies for the attack it tells.
    deniable = (
        perp is None
        or (own is not None and own != "other" and perp.group == own)
        or (own is None and claimant.is_party)
    )
    if deniable and any(c.stance == "denies" for c in cues):
        if perp is None:
            # "Russian Aerospace Forces did not carry out any strikes …, the ministry said"
            denied = [a for u in units for a in u.actors if a.role == "denied"]
            named = [a for a in denied if a.group not in ("unknown", "other")]
            if named:
                perp = Perpetrator(named[0].name, named[0].group)
        if own is not None and (
            perp is None or (perp.group == "unknown" and _POSSESSED.match(perp.name or ""))
        ):
            # "claims that its aircraft struck a hospital were baseless": the denier's own
            perp = Perpetrator(perp.name if perp is not None else claimant.name, own)
        return "denies", perp
    if own is None:
        return "alleges", perp
    admitted = any(c.stance == "admits" for c in cues) or any(
        own_act(u.sentence.text) for u in units if same_claimant(u.attribution.claimant, claimant)
    )
    if perp is None and admitted:
        perp = Perpetrator(claimant.name, own)
    if perp is not None and perp.group == own and (own != "other" or admitted):
        return "admits", perp
    return "alleges", perp


# A denial told as a party's standing position, not an answer to this report: "Moscow has
# previously denied targeting civilians", "Russia has repeatedly denied …", "has always denied".
_STANDING_DENIAL = re.compile(
    r"\b(?:ha[sd]|have)\s+(?:previously|repeatedly|consistently|always|long|often|"
    r"in\s+the\s+past)\s+(?:\w+\s+)?(?:denied|rejected|dismissed)\b|"
    r"\b(?:previously|repeatedly|routinely)\s+(?:denied|rejected|dismissed)\b",
    re.IGNORECASE,
)


def _answer(target: Claim, u: Unit, claimant: Claimant, stance: str, perp: Perpetrator) -> Claim:
    """The claim of `claimant`'s answer in unit `u` to the incident of claim `target`: that
    incident's event type, date and places (read by reference), its opening sentence and the
    answer's, and only the figures the answer gives."""
    killed, injured, _ = combine(list(u.counts), people_as_civilians=False)
    return replace(
        target,
        primary=False,
        perpetrator=perp,
        claimant=claimant,
        stance=stance,
        killed=killed,
        injured=injured,
        missing=None,
        spans=tuple(sorted({*target.spans[:1], (u.sentence.start, u.sentence.end)})),
        confidence=round(max(0.3, target.confidence - 0.1), 3),
    )


def _denials(
    units: Sequence[Unit],
    incidents: Sequence[_Incident],
    claims: Sequence[Claim],
) -> list[tuple[int, Claim]]:
    """Claims that deny an incident of the document, by a claimant other than the incident's
    own, with the position of the denial in the text.

    "Activists said Russian jets killed 20 people … The Russian defence ministry denied the
    reports": the ministry's denial is a claim about the same incident (its event type, date
    and places, read by reference), stance `denies`, whose perpetrator is the party whose
    responsibility is denied: the denier's own side, else the party the incident is blamed on.
    A denial before any incident denies the first one; a denial that is itself a claim of the
    denier (its own incident) is not repeated.
    """
    starts = [inc.units[0].sentence.start for inc in incidents]
    told = {
        id(v): claim.claimant
        for inc, claim in zip(incidents, claims, strict=True)
        for v in inc.units
    }
    found: dict[tuple[int, str], tuple[int, Claim]] = {}
    for u in units:
        if (u.is_title and u.attribution.span is None) or _is_background(u):
            continue  # (a headline's named denier denies: "Russia denies bombing Idlib market")
        if _STANDING_DENIAL.search(u.sentence.text):
            continue  # "Moscow has previously denied targeting civilians": no word on this one
        for cue in _stance_cues(u):
            if cue.stance != "denies":
                continue
            if cue.claimant is None and u.attribution.inherited:
                continue  # nobody named denies it here
            denier = (
                u.attribution.claimant
                if cue.claimant is None or is_anaphor(cue.claimant.name)
                else Claimant(cue.claimant.name, cue.claimant.type)
            )
            if denier.type == "unknown":
                continue  # a denial by nobody the report tells us who is
            if id(u) in told and same_claimant(told[id(u)], denier):
                continue  # the denier's own claim says it
            before = [k for k, at in enumerate(starts) if at <= u.sentence.start]
            k = before[-1] if before else 0
            target = claims[k]
            if denier.name is None or same_claimant(denier, target.claimant):
                continue  # the incident's own claimant: its stance already says so
            own = _own_side(denier, [u])
            if (
                own is not None
                and target.perpetrator.group not in ("unknown", own)
                and not any(a.role == "perpetrator" and a.group == own for a in u.actors)
            ):
                continue  # a party's words against another party's claims deny nothing here
            key = (k, (denier.name or "").lower())
            # whose responsibility is denied: the denier's own side ("its jets"), else the
            # party the incident is blamed on (not a party the denier blames instead)
            perp = next(
                (
                    Perpetrator(a.name, a.group)
                    for a in u.actors
                    if a.role == "perpetrator" and a.group != "unknown" and a.group == own
                ),
                Perpetrator(denier.name, own) if own is not None else None,
            )
            span = (u.sentence.start, u.sentence.end)
            if key in found:
                at, claim = found[key]
                spans = tuple(sorted({*claim.spans, span}))
                found[key] = (at, replace(claim, spans=spans))
                continue
            denial = _answer(target, u, denier, "denies", perp or target.perpetrator)
            found[key] = (u.sentence.start, denial)
            break
    return list(found.values())


# The speaker telling its own strike by a pronoun: "The Israeli military said it had struck
# 'terror targets' in the area".
_SAID_IT_STRUCK = re.compile(
    r"\b(?:said|says|stated|announced|confirmed|added)\s+(?:that\s+)?(?:it|they|we)\s+"
    r"(?:had\s+|has\s+|have\s+)?(?:struck|hit|targeted|attacked|bombed|shelled|raided|"
    r"carried\s+out|conducted|fired\s+(?:on|at))\b",
    re.IGNORECASE,
)


def _admissions(
    units: Sequence[Unit],
    incidents: Sequence[_Incident],
    claims: Sequence[Claim],
) -> list[tuple[int, Claim]]:
    """Claims that admit an incident of the document, by the side it is blamed on, when another
    claimant tells it, with the position of the admission in the text.

    "Residents said 105 civilians were killed when Coalition aircraft struck a building …
    CJTF-OIR later confirmed that a Coalition strike had targeted two ISIS snipers at the
    location": the coalition's word is a claim about the same incident (its event type, date
    and places, read by reference), stance `admits`, with the figures it gives itself. A party
    that tells its own act of another party's incident (a denial is `_denials`'), or a
    sentence the incident's own claimant says, adds nothing here.
    """
    starts = [inc.units[0].sentence.start for inc in incidents]
    found: dict[tuple[int, str], tuple[int, Claim]] = {}
    for u in units:
        said = u.attribution
        if said.inherited or said.span is None or u.is_title or _is_background(u):
            continue
        admitter = said.claimant
        if not admitter.is_party or admitter.name is None:
            continue
        before = [k for k, at in enumerate(starts) if at <= u.sentence.start]
        k = before[-1] if before else 0
        target = claims[k]
        group = target.perpetrator.group
        if (
            group in ("unknown", "other")
            or target.stance != "alleges"
            or same_claimant(admitter, target.claimant)
            or _own_side(admitter, [u]) != group
        ):
            continue
        stances = {c.stance for c in _stance_cues(u)}
        if "denies" in stances:
            continue  # (its claim is `_denials`')
        acts = [a for a in u.actors if a.role == "perpetrator" and a.group == group]
        admitted = "admits" in stances or bool(_SAID_IT_STRUCK.search(u.sentence.text))
        if not acts and not admitted:
            continue  # the party speaks of something else ("the coalition said it would review")
        key = (k, admitter.name.lower())
        if key in found:
            continue
        perp = Perpetrator(acts[0].name, group) if acts else target.perpetrator
        found[key] = (u.sentence.start, _answer(target, u, admitter, "admits", perp))
    return list(found.values())


def assemble(
    units: Sequence[Unit],
    *,
    report_date: dt.date | None = None,
    options: AssemblyOptions | None = None,
    known_places: Mapping[str, Place] | None = None,
    headline_only: bool = False,
    headline_area: str | None = None,
    headline: Unit | None = None,
    one_attacker: bool = False,
    headline_is_report: bool = False,
) -> tuple[Claim, ...]:
    """The claims of one document, in text order, exactly one of them primary (if any).

    `units` are the document's sentences/clauses in text order; `report_date` is the
    publication date or the dateline date (rule 5); `known_places` maps a governorate to a town
    of it that the document names (a point for governorate-level mentions); `headline_only`
    says the document is a single headline-like sentence (rule 1); `headline_area` is the one
    governorate the report's headline names, whose places the lead claim lists first;
    `headline` is the headline read as a unit when it is not part of `units` (the text does
    not repeat it): what it names supports an incident as the primary one. With
    `one_attacker`, a lead claim that names nobody takes the one party the whole document names
    as an attacker (a post that names it once: "a drone struck …; the occupation's drones …").
    """
    opts = options or AssemblyOptions()
    # A document that is only a headline (a UCDP source line, a wire flash).
    headline_mode = headline_only and not any(u.is_title for u in units)
    incidents = _group(units, headline_mode)
    _attacker_before(units, incidents)
    _area_from_followers(units, incidents)
    _date_from_followers(units, incidents)
    _date_from_list_intro(units, incidents)
    _means_from_followers(units, incidents)
    claims: list[Claim] = []
    flags: list[bool] = []
    prev: Claim | None = None
    for inc in incidents:
        claim, inherited = _claim(
            inc, prev, prev.claimant if prev else None, opts, known_places or {}, None, report_date
        )
        claims.append(claim)
        flags.append(inherited)
        prev = claim
    if not claims:
        return ()
    primary = _primary(incidents, claims, units, report_date, headline)
    if not any(_fine_places(u) for u in incidents[primary].units):
        # The lead incident names no place finer than a country anywhere near it: the report's
        # first such place is where it is about (the sentence joins the claim's spans).
        inc = incidents[primary]
        first = next(
            (u for u in units if not _is_background(u) and _incident_places(u)),
            None,
        )
        if first is not None and first not in inc.units:
            inc.units.append(replace(first, counts=(), dates=(), actors=(), cues=(), weapons=()))
            claims[primary], flags[primary] = _claim(
                inc,
                claims[primary - 1] if primary else None,
                claims[primary - 1].claimant if primary else None,
                opts,
                known_places or {},
                None,
                report_date,
            )
    if headline_area is not None:
        # The headline says where the report is about; the lead claim names it first.
        claims[primary], flags[primary] = _claim(
            incidents[primary],
            claims[primary - 1] if primary else None,
            claims[primary - 1].claimant if primary else None,
            opts,
            known_places or {},
            headline_area,
            report_date,
        )
    lead_perp_before = claims[primary].perpetrator
    attacker = _headline_attacker(headline)
    if attacker is not None and claims[primary].perpetrator.group != attacker.group:
        # A headline the text does not repeat names who did it: the report's own attribution,
        # over a lede that names nobody or an incident of another party (a site's news ticker).
        named = {a.group for a in headline.actors} if headline is not None else set()
        if claims[primary].perpetrator.group not in named:
            claims[primary] = replace(
                claims[primary], perpetrator=Perpetrator(attacker.name, attacker.group)
            )
    lead = claims[primary]
    if headline is not None and headline_is_report:
        # The text is a site's ticker (other news in short lines): the headline, which it does
        # not repeat, is the report. Its toll, place and party are the lead claim's; what the
        # ticker's lines say belongs to their own news.
        killed, injured, missing = combine(list(headline.counts))
        parties = [
            a
            for a in headline.actors
            if a.group not in ("unknown", "other") and a.role in ("perpetrator", "other")
        ]
        # "الاحتلال التركي يرتكب مجزرة في …": the one party the headline names
        party = (
            Perpetrator(parties[0].name, parties[0].group)
            if len({a.group for a in parties}) == 1
            else Perpetrator()
        )
        claims[primary] = replace(
            lead,
            killed=killed,
            injured=injured,
            missing=missing,
            places=_places([headline], known_places or {}, None),
            perpetrator=party,
        )
    elif (
        headline is not None
        and headline.counts
        and lead.killed.is_empty()
        and lead.injured.is_empty()
    ):
        # A headline the text does not repeat gives the toll the lead incident lacks (a news
        # page archived with its site's ticker and no article: the headline is the report).
        killed, injured, missing = combine(list(headline.counts))
        claims[primary] = replace(
            lead, killed=killed, injured=injured, missing=missing or lead.missing
        )
    lead_perp = claims[primary].perpetrator
    ticker = headline is not None and headline_is_report
    if one_attacker and not ticker and lead_perp.group == "unknown" and not lead_perp.name:
        attackers = [
            a
            for u in units
            if not _tells_aside(u)
            for a in u.actors
            if a.role == "perpetrator" and a.group not in ("unknown", "other")
        ]
        if len({a.group for a in attackers}) == 1:
            one = attackers[0]
            claims[primary] = replace(claims[primary], perpetrator=Perpetrator(one.name, one.group))
            flags[primary] = True
    lead = claims[primary]
    if (
        lead.stance == "alleges"
        and lead.perpetrator.group not in ("unknown", "other")
        and lead.perpetrator != lead_perp_before
        and _own_side(lead.claimant, incidents[primary].units) == lead.perpetrator.group
    ):
        # The perpetrator the headline or the document names is the claimant's own side: a
        # party telling of its own act admits it, whichever sentence names the act.
        claims[primary] = replace(lead, stance="admits")
    if claims[primary].date is None:
        # Another clause of its first sentence dates it ("Turkish-backed factions attacked Tal
        # Tamr yesterday; a shell killed three civilians"), unless another incident holds it.
        first = incidents[primary].units[0]
        others = {id(v) for k, inc in enumerate(incidents) if k != primary for v in inc.units}
        for u in units:
            if u.index != first.index or u is first or id(u) in others or u.is_title:
                continue
            window = _date([u])
            if window is not None:
                spans = tuple(sorted(set(claims[primary].spans) | set(_spans([u]))))
                claims[primary] = replace(claims[primary], date=window, spans=spans)
                break
    if claims[primary].date is None:
        # The lede dates the lead incident when the incident itself does not ("Brothers … were
        # killed at 17:30 on 08 October 2023. They were killed in an airstrike …").
        lede = _lede_date(units, incidents)
        if lede is not None:
            unit, window = lede
            spans = tuple(sorted(set(claims[primary].spans) | set(_spans([unit]))))
            claims[primary] = replace(claims[primary], date=window, spans=spans)
    if claims[primary].date is None:
        # An incident record's "Date:" field dates the incident its summary tells, on a line
        # of its own among the record's other fields ("Location:", "Belligerent:").
        field = _record_field_date(units)
        if field is not None:
            unit, window = field
            spans = tuple(sorted(set(claims[primary].spans) | set(_spans([unit]))))
            claims[primary] = replace(claims[primary], date=window, spans=spans)
    if claims[primary].perpetrator.group == "unknown":
        # An incident record's "Belligerent:" field names who its summary's strike is
        # alleged against ("Belligerent: Russian Military"), among the record's other fields.
        belligerent = _record_field_party(units)
        if belligerent is not None:
            unit, party = belligerent
            spans = tuple(sorted(set(claims[primary].spans) | set(_spans([unit]))))
            claims[primary] = replace(claims[primary], perpetrator=party, spans=spans)
    out: list[Claim] = []
    for k, (claim, inc, inherited) in enumerate(zip(claims, incidents, flags, strict=True)):
        dated_from_report = False
        if (
            k == primary
            and claim.date is None
            and report_date is not None
            and opts.date_primary_from_report
            and not any(_VAGUE_TIME.search(u.sentence.text) for u in inc.units)
        ):
            claim = replace(claim, date=DateWindow.day(report_date))
            dated_from_report = True
        elif claim.date is None and inc.retells and out and out[-1].date is not None:
            # another claimant's account of the incident just told ("The Israeli army said it
            # had targeted a Hamas compound"): that incident's day, the report's day included
            claim = replace(claim, date=out[-1].date)
        claim = replace(
            claim,
            primary=k == primary,
            confidence=_confidence(
                claim, dated_from_report=dated_from_report, inherited_perp=inherited
            ),
        )
        out.append(claim)
    placed = [(inc.units[0].sentence.start, c) for inc, c in zip(incidents, out, strict=True)]
    placed += _denials(units, incidents, out)
    placed += _admissions(units, incidents, out)
    placed.sort(key=lambda pc: pc[0])
    return tuple(c for _, c in placed)


# 4. The lead incident: what a count over a period, a comparison with the past or a report's
# background section says is not the incident the report is about.
# The Arabic month names of `vocab.ARABIC_MONTHS` as a regex alternation, longest first; an alef
# with hamza or madda may be written as any alef (as `fold_key` reads it).
_ARABIC_MONTH_NAMES = "|".join(
    dict.fromkeys(
        re.sub("[أإآ]", "[أإآا]", re.escape(name)).replace(r"\ ", r"\s+")
        for name in sorted(ARABIC_MONTHS, key=len, reverse=True)
    )
)
_PERIOD_TOTAL = re.compile(
    # a month's account opening the sentence, its year unsaid: "In October, the Turkish army
    # carried out 180 attacks …, killing 42"
    r"\A\s*(?:In|During|Throughout)\s+(?:the\s+month\s+of\s+)?(?:" + _MONTHS + r")\s*,|"
    # … or a headline's: "Turkish attacks on North and East Syria in October: 42 killed"
    r"\b(?:in|during)\s+(?:" + _MONTHS + r")\s*:\s*(?:\d|at\s+least)|"
    r"\b(?:in|during|throughout|over|for)\s+(?:the\s+(?:whole\s+|entire\s+|first\s+half\s+of\s+"
    r"(?:the\s+)?)?(?:year|month)\s+(?:of\s+)?)?(?:(?:" + _MONTHS + r")\s+)?(?:19|20)\d\d\b|"
    r"\b(?:so\s+far\s+this|this\s+past|(?:in|during|over)\s+the\s+(?:past|last)\s+(?:\w+\s+)?)"
    r"(?:year|month|quarter|weeks|months|years)\b|\blast\s+year\b|"
    # "in less than two months", "in more than a year" (not "the second in just two weeks")
    r"\b(?:in|within|over)\s+(?:less|more)\s+than\s+"
    r"(?:a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})\s+"
    r"(?:weeks|months|years|month|year)\b|"
    r"\bsince\s+(?:the\s+)?(?:start|beginning)\s+of\b|"
    # "Since 5 October, at least 66 civilians have been killed": a toll running from a day
    r"\bsince\s+(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:"
    + _MONTHS
    + r")|(?:"
    + _MONTHS
    + r")\s+\d{1,2}(?:st|nd|rd|th)?)\b(?=[^.;]{0,160}\b(?:have|has)\s+(?:been\s+)?"
    r"(?:killed|died|injured|wounded))|"
    # a campaign's toll: "The offensive, which began in late April, has killed …", "since the
    # offensive began"
    r"\b(?:offensive|campaign|war|escalation|assault|bombardment)\s*,?\s*(?:which|that)\s+"
    r"(?:began|started|was\s+launched)\s+(?:in|on)\s+(?:early\s+|late\s+|mid-?)?(?:"
    + _MONTHS
    + r"|(?:19|20)\d\d)\b|"
    r"\bsince\s+the\s+(?:\w+\s+)?(?:offensive|campaign|war|escalation|assault)\s+"
    r"(?:began|started)\b|"
    # "since Turkey began its offensive in northeast Syria on Wednesday"
    r"\bsince\s+(?:[\w'’-]+\s+){1,3}?(?:began|launched|started)\s+(?:its|their|the|a)\s+"
    r"(?:\w+\s+)?(?:offensive|campaign|operation|assault|incursion|bombardment|escalation)\b|"
    # a day's toll over a country: "documented 14 deaths across Syrian territory on Thursday"
    r"\b(?:across|throughout|all\s+over)\s+(?:the\s+)?(?:Syria|Syrian\s+territor(?:y|ies)|Iraq|"
    r"the\s+country|(?:all\s+)?(?:Syrian\s+)?governorates)\b|\bdaily\s+(?:death\s+)?toll\b|"
    r"\bbetween\s+(?:" + _MONTHS + r"|(?:19|20)\d\d)\b|"
    # "since April" (a year left to the reader), and tolls over many attacks: "documented 18 of
    # them, which killed", "dozens of attacks … killing"
    r"\bsince\s+(?:early\s+|late\s+|mid-?)?(?:" + _MONTHS + r")\b|"
    r"\b(?:documented|recorded|investigated|verified|examined)\s+(?:at\s+least\s+)?(?:\d+|dozens|"
    r"hundreds|scores|" + "|".join(number_words(2, 20)) + r")\s+(?:of\s+(?:them|these|those)\b|"
    r"(?:\w+\s+)?(?:attacks|strikes|airstrikes|incidents|cases|massacres)\b)|"
    r"\b(?:dozens|hundreds|scores|thousands)\s+of\s+(?:\w+\s+)?(?:attacks|strikes|airstrikes|raids|"
    r"incidents)\b|"
    # Arabic: "خلال تموز", "خلال شهر آب", "خلال العام الماضي", "منذ مطلع العام", "طيلة 2023"
    r"(?:خلال|طيلة|طوال)\s+(?:شهر\s+|عام\s+)?(?:"
    + _ARABIC_MONTH_NAMES
    + r"|(?:19|20)\d\d|العام|الشهر|الأسبوع|الاسبوع|"
    r"الأشهر|الاشهر|الشهور|السنوات|السنة)\b|"
    r"منذ\s+(?:مطلع|بداية|بدء|[أا]ول|انطلاق)\s+(?:العام|عام|الشهر|السنة|الحرب|الثورة|الحملة|"
    r"حملة|التصعيد|العملية|عملية|الهجوم|المعركة|معركة|الهجمات)|"
    # a campaign's running toll: "منذ نحو شهر", "منذ أكثر من عامين", "خلال خمسة أيام"
    r"منذ\s+(?:نحو\s+|قرابة\s+|حوالي\s+|[أا]كثر\s+من\s+)?(?:شهر|شهرين|[أا]شهر|[أا]سابيع|"
    r"عام|عامين|[أا]عوام|سنة|سنتين|سنوات)(?!\w)|"
    r"خلال\s+(?:\d+|[٠-٩]+|يومين|ثلاثة|[أا]ربعة|خمسة|ستة|سبعة|ثمانية|تسعة|عشرة)\s+"
    r"(?:[أا]يام|[أا]سابيع|[أا]شهر)(?!\w)|"
    r"خلال\s+(?:[أا]سبوعين|شهرين|الفترة\s+الممتدة|الأيام\s+الماضية|الايام\s+الماضية)",
    re.IGNORECASE,
)
_PAST_COMPARISON = re.compile(
    r"\b(?:years?|months?)\s+(?:ago|earlier|before)\b|\banniversary\b|\bcommemorat\w*|"
    r"\b(?:recalls?|recalled|reminiscent\s+of|echo(?:es|ed)?)\b|"
    # "In 2019, a similar strike on the market killed 40" (not "rescuing the wounded of a
    # previous strike", which is part of the incident told).
    r"\b(?:similar|previous|earlier|prior|past)\s+(?:\w+\s+)?(?:attacks?|strikes?|massacres?|"
    r"incidents?|bombings?|raids?)\b(?=[^.;]*\b(?:19|20)\d\d\b)|"
    r"\b(?:in|on)\s+[^.;]{0,20}\b(?:19|20)\d\d\b,?\s+(?:a|an)\s+(?:\w+\s+)?(?:similar|previous|"
    r"earlier)\b",
    re.IGNORECASE,
)


_PAST_DAYS = 365  # an incident dated this long before the report is history, not its news

# A health ministry or civil defence named by its territory counts that territory's dead:
# "Gaza's health ministry said Israeli strikes had killed 900 people", "Lebanon's health
# ministry said 23 people were killed across the country".
_TERRITORY_BODY = re.compile(
    r"(?:Hamas-run\s+|Hamas-controlled\s+)?(?P<where>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2})['’]s\s+"
    r"(?:(?:Hamas-run\s+)?health\s+ministry|ministry\s+of\s+health|health\s+authorities|"
    r"civil\s+defen[cs]e)$"
)


def _ministry_territory(claimant: Claimant) -> tuple[Place, ...]:
    """The territory a claimant's name gives it, for a claim that names no place."""
    m = _TERRITORY_BODY.fullmatch(claimant.name or "")
    if m is None:
        return ()
    where = m.group("where")
    found = [p.place for p in find_places(where) if (p.start, p.end) == (0, len(where))]
    return (found[0],) if len(found) == 1 else ()


def _tells_aside(u: Unit) -> bool:
    """A unit that tells a period's total, the past, or sits in a background section."""
    text = u.sentence.text
    if u.section > 0 or _PAST_COMPARISON.search(text):
        return True
    period = _PERIOD_TOTAL.search(text) if u.counts else None
    if period is None:
        return False
    # "since Turkey began its offensive … on Wednesday": the day is when the period began
    return period.group(0).lower().startswith("since") or not any(
        d.window.precision == "day" for d in _event_dates(u)
    )


def _tells_period(inc: _Incident) -> bool:
    """Whether an incident's toll is a period's total over an area (its counted sentences tell
    one: "14 people killed across Syria today", "96 civilians killed in October 2023")."""
    counted = [u for u in inc.units if u.counts]
    return bool(counted) and all(_period_total(u) for u in counted)


def _period_total(u: Unit) -> bool:
    """A unit that counts over a period ("5 killed during July") with no day of its own."""
    return bool(_PERIOD_TOTAL.search(u.sentence.text)) and not any(
        d.window.precision == "day" for d in _event_dates(u)
    )


def _is_aside_of_report(u: Unit, claim: Claim, report_date: dt.date | None) -> bool:
    """`_tells_aside`, or the claim's date lies more than a year before the report's."""
    end = claim.date.end if claim.date is not None else None
    if report_date is not None and end is not None and (report_date - end).days > _PAST_DAYS:
        return True
    return _tells_aside(u)


def _lede_date(
    units: Sequence[Unit], incidents: Sequence[_Incident]
) -> tuple[Unit, DateWindow] | None:
    """The day the report's first body sentence names ("on 8 October 2023"; a weekday there may
    date a statement: "a monitor said Thursday"), unless another incident holds it."""
    body = [u for u in units if not u.is_title]
    if not body:
        return None
    first = body[0].index
    lede = [u for u in body if u.index == first]
    if any(u in inc.units for inc in incidents for u in lede):
        return None
    days = [
        (u, d)
        for u in lede
        for d in _event_dates(u)
        if d.window.precision == "day" and d.kind == "absolute" and _tells_more_than(u, d)
    ]
    return (days[0][0], days[0][1].window) if days else None


def _record_field_date(units: Sequence[Unit]) -> tuple[Unit, DateWindow] | None:
    """The day of a record's one "Date:" field, when two other fields of an incident's record
    stand beside it."""
    if sum(record_fields(u.sentence.text) for u in units) < 2:
        return None
    fields = [
        (u, d)
        for u in units
        if is_date_field(u.sentence.text)
        for d in u.dates
        if d.kind == "absolute" and d.window.precision == "day"
    ]
    return (fields[0][0], fields[0][1].window) if len(fields) == 1 else None


_PARTY_FIELD = re.compile(
    r"[ \t]*(?:suspected[ \t]+|alleged[ \t]+)?(?:belligerents?|perpetrators?|"
    r"(?:party|parties)[ \t]+responsible|attackers?)[ \t]*:",
    re.IGNORECASE,
)


def _record_field_party(units: Sequence[Unit]) -> tuple[Unit, Perpetrator] | None:
    """The one party a record's "Belligerent:" field names, when two other fields of an
    incident's record stand beside it."""
    if sum(record_fields(u.sentence.text) for u in units) < 3:
        return None
    fields: list[tuple[Unit, list[ActorMention]]] = []
    for u in units:
        # The field may share a unit with the record's other field lines ("Location: …\n
        # Alleged perpetrator: Turkish forces\nSource: …"): the party is the one on its line.
        text, base = u.sentence.text, u.sentence.start
        for line in re.finditer(r"[^\n]+", text):
            if not _PARTY_FIELD.match(line.group()):
                continue
            a, b = base + line.start(), base + line.end()
            named = [
                x
                for x in u.actors
                if a <= x.start and x.end <= b and x.group not in ("unknown", "other")
            ]
            if named:
                fields.append((u, named))
    if len(fields) != 1 or len({x.group for x in fields[0][1]}) != 1:
        return None
    unit, named = fields[0]
    return unit, Perpetrator(named[0].name, named[0].group)


def _tells_more_than(u: Unit, d: DateMention) -> bool:
    """Whether the unit says something besides its date: a line holding only a date (a page's
    "Saturday 1 August, 2026" header) dates the page, not an incident."""
    a = u.sentence.start
    rest = u.sentence.text[: max(0, d.start - a)] + " " + u.sentence.text[max(0, d.end - a) :]
    return len(re.findall(r"[^\W\d_]{2,}", rest)) >= 4


def _primary(
    incidents: Sequence[_Incident],
    claims: Sequence[Claim],
    units: Sequence[Unit],
    report_date: dt.date | None = None,
    headline: Unit | None = None,
) -> int:
    """The incident the report is about (rule 4).

    The headline's incident when the headline opens one — unless a theme's title (no figure,
    no place finer than a country) opened an attack the text says harmed nobody while another
    incident harmed people, or only borrowed its lede's place while the lede tells the harm as
    an incident of its own. Otherwise each incident is weighed:
    its first sentence telling a period's total, an earlier event, sitting in a background
    section, or its date lying more than a year before the report's, weighs heavily against it;
    the lead (the first incident with casualties that is not such an aside) weighs most for
    it, then support from the headline (its figure, when the lead tells another one; a shared
    place or perpetrator),
    repetition of
    its figures and places elsewhere in the text and the detail it gives (day, place, count,
    perpetrator): a later incident outweighs the lead only with the headline's support and more
    detail or repetition. Ties go to the earlier incident.
    """
    # "No one was killed" tells of an attack, not of harm: a figure of zero harms nobody
    harmed = [_harms(c.killed) or _harms(c.injured) for c in claims]
    for k, inc in enumerate(incidents):
        if inc.opened_by_title and (
            not _unharmed(claims[k]) or not any(harmed) or _specific_title(inc)
        ):
            # (a theme's title, "ATTACKS ON HOSPITALS", over an attack that the text says
            # harmed nobody, does not make it the report's incident)
            lent = {u.sentence.start for u in inc.units if not u.is_title}
            lede = next(
                (
                    j
                    for j, other in enumerate(incidents)
                    if j != k and harmed[j] and other.units[0].sentence.start in lent
                ),
                None,
            )
            if lede is not None and not harmed[k] and claims[k].date is None:
                # the title's incident only borrowed its place from the lede, which tells the
                # harm as an incident of its own ("Syria: Deadly Attacks on Camps" / "In
                # November 2022, government forces fired cluster munitions at four camps,
                # killing at least 9 civilians"): the lede's incident is the report's
                return lede
            if _tells_period(inc):
                # a day's or a month's toll over a country ("Daily toll | 14 people killed
                # across Syria") lists incidents: the first it tells is the report's
                first = next(
                    (
                        j
                        for j, other in enumerate(incidents)
                        if j != k and harmed[j] and not _tells_period(other)
                    ),
                    None,
                )
                if first is not None:
                    return first
            return k
    aside = [
        _is_aside_of_report(
            next((u for u in inc.units if u.counts), inc.units[0]), claim, report_date
        )
        for inc, claim in zip(incidents, claims, strict=True)
    ]
    if not any(harmed):
        return next((k for k in range(len(incidents)) if not aside[k]), 0)
    lead = next((k for k in range(len(incidents)) if harmed[k] and not aside[k]), None)
    title = next((u for u in units if u.is_title), headline)
    # The headline's figure decides only against a lead that tells another figure.
    figures = _figures(title) if title is not None else {}
    lead_figures = _head_figures(incidents[lead]) if lead is not None else {}
    contradicted = any(
        out in lead_figures and not any(_same(n, m) for m in lead_figures[out])
        for out, n in figures.items()
    )
    scores = []
    for k, (inc, claim) in enumerate(zip(incidents, claims, strict=True)):
        score = 0.0
        if harmed[k]:
            score += 2.0
        if aside[k]:
            score -= 4.0
        if k == lead:
            score += 3.0
        if title is not None:
            score += _support(title, inc, claim, figures if contradicted else {})
        score += min(1.5, 0.5 * _repetitions(inc, units))
        score += 0.5 * sum(
            (
                claim.date is not None and claim.date.precision == "day",
                any(p.precision != "country" for p in claim.places),
                not claim.killed.is_empty() or not claim.injured.is_empty(),
                claim.perpetrator.group != "unknown",
            )
        )
        scores.append(score)
    return max(range(len(scores)), key=lambda k: (scores[k], -k))


def _specific_title(inc: _Incident) -> bool:
    """Whether the title that opened an incident gives a figure or a place of its own."""
    return any(
        u.counts or any(p.place.precision != "country" for p in u.places)
        for u in inc.units
        if u.is_title
    )


def _unharmed(c: Claim) -> bool:
    """Whether a claim's figures say that nobody was harmed (all zero, none missing)."""
    figures = [r for cas in (c.killed, c.injured) for k in COUNT_KEYS if (r := cas.get(k))]
    return bool(figures) and all(r.max == 0 for r in figures)


def _harms(c: Casualties) -> bool:
    """Whether a claim's figures of one outcome count anyone (not only zeros)."""
    return any((r := c.get(k)) is not None and r.max != 0 for k in COUNT_KEYS)


def _head_values(inc: _Incident) -> set[tuple[str, int]]:
    return {
        (c.outcome, c.range.min)
        for c in inc.counts
        if c.sub_of is None and not c.part and c.range.min
    }


def _figures(u: Unit) -> dict[str, int]:
    """The precise counts of a unit by outcome ("kills 30 children" → killed: 30)."""
    return {c.outcome: c.range.min for c in u.counts if c.range.min and _precise(c)}


def _head_figures(inc: _Incident) -> dict[str, list[int]]:
    """Every count of an incident by outcome, sub-counts included ("39, among them 30
    children" → killed: 39, 30)."""
    out: dict[str, list[int]] = {}
    for c in inc.counts:
        if c.range.min:
            out.setdefault(c.outcome, []).append(c.range.min)
    return out


def _same(a: int, b: int) -> bool:
    """One figure told two ways ("over 100" is 101, "100")."""
    return abs(a - b) <= max(1, round(0.02 * max(a, b)))


def _support(title: Unit, inc: _Incident, claim: Claim, figures: Mapping[str, int]) -> float:
    """How much the headline names the incident: its figure (4, when `figures` are given),
    its place (1), its perpetrator (1). A headline's figure names one incident; a place or a
    party may be shared."""
    score = 0.0
    own = _head_figures(inc)
    if any(any(_same(n, m) for m in own.get(out, ())) for out, n in figures.items()):
        score += 4.0
    keys = {_place_key(p.place) for p in _fine_places(title)}
    if keys & {_place_key(p) for p in claim.places if p.precision != "country"}:
        score += 1.0
    groups = {a.group for a in title.actors if a.role == "perpetrator" and a.group != "unknown"}
    if claim.perpetrator.group in groups:
        score += 1.0
    return score


def _repetitions(inc: _Incident, units: Sequence[Unit]) -> int:
    """How many other sentences repeat one of the incident's figures or fine places."""
    values = _head_values(inc)
    keys = {_place_key(pm.place) for u in inc.units for pm in _fine_places(u)}
    own = {id(u) for u in inc.units}
    n = 0
    for u in units:
        if id(u) in own or u.is_title:
            continue
        if {(c.outcome, c.range.min) for c in u.counts} & values or (
            keys and {_place_key(pm.place) for pm in _fine_places(u)} & keys
        ):
            n += 1
    return n


__all__ = ["AssemblyOptions", "Range", "Unit", "assemble", "shared_places"]
