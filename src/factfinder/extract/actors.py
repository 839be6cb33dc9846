"""Armed actors: who the text names, which vocabulary group they belong to, and their role.

`find_actors(text, start, end)` returns `ActorMention`s for the parties named in text[start:end]
(usually one sentence), each with a perpetrator group of the claim format (docs/CLAIMS.md)
and a role read from the words around it:

* ``perpetrator`` — the actor carries out the act: it modifies an attack word ("Russian
  airstrikes", "coalition warplanes", "ISIS suicide bomber"), is the subject of an attack verb
  ("regime forces shelled", "Daesh executed"), or is its agent ("killed by the strikes of the
  US-led coalition", "blamed on the rebels");
* ``victim`` — the actor is harmed or targeted ("26 SDF fighters were killed", "airstrikes
  against Daesh targets", "killing 12 regime soldiers");
* ``claimant`` — the actor is quoted ("the Syrian army said", "according to the SDF");
* ``denied`` — the actor is said not to have acted ("Russian Aerospace Forces did not carry out
  any strikes"): the party a denial is for, never the attacker of an incident;
* ``other`` — merely mentioned, or a modifier of another actor ("Turkish-backed rebels").

The alias table is written for the war in Syria and Iraq, where the groups of the vocabulary
are defined; nationality words count only next to a force noun ("Syrian army", "Turkish
artillery"), never alone ("Syrian civilians"). Words that name no party ("terrorists",
"gunmen", "militants") are returned with group ``unknown`` so the claim keeps the text's own
word without guessing a side. "X-backed Y" is Y. A party's "our forces" ("Our forces destroyed
over 60 terrorists", a military spokesman said) are the speaker's side, when the caller passes
the group the speaker belongs to (`speaker_group` of the claimant's name).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from factfinder.extract.gates import Gate
from factfinder.extract.quoting import without_scare_quotes
from factfinder.mentions import ActorMention
from factfinder.vocab import TIME_GAP, number_words

# Nouns that make a nationality word an armed actor.
# Aircraft by their model: "a Russian Su-24", "Syrian MiG-23s", "an Israeli F-35".
_AIRCRAFT_MODEL = r"(?-i:Su|MiG|Mig|Tu|Mi|Ka|F|L)-\d+\w*"
_FORCE = (
    r"(?:armed\s+)?forces|troops|army|armys|military|soldiers|war\s*planes?|warplanes?|(?:fighter\s+)?jets?|"
    r"aircraft|planes|helicopters?|drones?|air\s*force|aviation|air\s*[- ]?strikes?|air\s*[- ]?raids?|"
    r"strikes?|raids?|bombers?|artillery|shelling|shells|missiles?|rockets?|navy|warships?|tanks?|"
    r"regime|government|authorities|security\s+forces|militias?|gunboats?|special\s+forces|alliance|"
    r"marines|aerospace\s+forces|army\s+units|bombardment|bombing|drone\s+strikes?|fire|"
    r"border\s+guards?|police|gendarmerie|intelligence|(?:defen[cs]e|foreign|interior)\s+ministry|"
    r"(?:ministry|minister)\s+of\s+(?:national\s+)?defen[cs]e|(?:defen[cs]e|foreign)\s+minister|"
    r"commandos?|command|general\s+staff|paratroopers|officers?|sniper|snipers|offensive|operations?|attacks?|positions?|"
    r"occupation(?:\s+(?:army|forces|troops))?|mercenaries|enemy|entity|aggression|"
    r"(?:car|truck|suicide|roadside)\s+bombs?|bombs?|explosive\s+devices?|IEDs?|suicide\s+bombers?|"
    + _AIRCRAFT_MODEL
)
# Force nouns that are themselves means of attack: a nationality on them names the attacker.
_ATTACK_FORCE = re.compile(
    r"war\s*planes?|warplanes?|jets?|aircraft|planes|helicopters?|drones?|air\s*force|aviation|"
    r"air\s*[- ]?strikes?|air\s*[- ]?raids?|drone\s+strikes?|"
    r"strikes?|raids?|bombers?|artillery|shelling|shells|missiles?|rockets?|warships?|tanks?|"
    r"gunboats?|bombardment|bombing|fire|sniper|snipers|attacks?|offensive|" + _AIRCRAFT_MODEL,
    re.IGNORECASE,
)
# Bombs are a party's means when it owns them ("ISIS's car bomb"); a place before them is where
# they went off ("a Syria car bomb", "the Azaz car bomb").
_OWNED_BOMB = re.compile(
    r"(?:car|truck|suicide|roadside)\s+bombs?|bombs?|explosive\s+devices?|IEDs?|suicide\s+bombers?",
    re.IGNORECASE,
)

_NATIONALITIES: tuple[tuple[str, str], ...] = (
    ("russia", r"Russian|Russia'?s|Russia"),
    ("syrian_government", r"Syrian|Syria(?:'?s)?"),
    ("turkey", r"Turkish|Turkey(?:'?s)?|T[üu]rkiye(?:'?s)?"),
    ("israel", r"Israeli|Israel(?:'?s)?|Zionist"),
    ("iran", r"Iranian|Iran'?s"),
    ("iraq_government", r"Iraqi|Iraq'?s"),
    (
        "us_led_coalition",
        r"American|US|U\.S\.|United\s+States'?|French|British|Australian|Belgian|Dutch|Danish|Canadian",
    ),
    # States at war in the region that are none of the parties above: "Jordanian warplanes".
    # So are the states of other wars a monitor follows: "Somali government forces", "Yemeni
    # troops", "the Lebanese army" are none of Syria's or Iraq's.
    (
        "other",
        r"Jordanian|Jordan'?s|Lebanese|Lebanon'?s|Saudi|Emirati|Egyptian|Somali|Somalia'?s|Yemeni|"
        r"Yemen'?s|Libyan|Libya'?s|Sudanese|Sudan'?s|Afghan|Afghanistan'?s|Pakistani|Nigerian|Malian|"
        r"Ukrainian|Ethiopian|Kenyan",
    ),
)
_NATION_RX = "|".join(f"(?P<n_{g}>{p})" for g, p in _NATIONALITIES)
# "Syrian and Russian warplanes", "Syrian-Russian jets": a run of nationalities on one noun.
_NATION_FORCE = re.compile(
    rf"\b(?:{_NATION_RX})(?:\s*(?:and|,|-|/)\s*(?:{_NATION_RX.replace('?P<n_', '?P<m_')}))?"
    # "an Israel-attributed strike", "a Turkish-suspected drone": the nation the act is laid on
    r"(?:[- ](?:attributed|suspected|blamed))?"
    rf"(?i:(?:\s+(?:Arab|government|regime|state|Defen[cs]e|armed|air|security|military|occupation|occupying|"
    rf"new|interim|transitional|caretaker|"
    rf"fixed-wing|rotary-wing|unmanned|reconnaissance|kamikaze|suicide|enemy|"
    rf"ground|special|national|federal|pro-government|coalition|allied|alliance|border|joint|cruise|ballistic|"
    rf"guided|combat|fighter|attack|war|Sukhoi|[A-Z]+-?\d+\w*)(?:['’]s)?){{0,2}}\s+(?:{_FORCE}))\b"
)


# What two nations strike with jointly from the air, or their alliance named as one.
_JOINT_AIR = re.compile(
    r"\b(?:war\s*planes?|warplanes?|jets?|aircraft|planes|helicopters?|drones?|air\s*force|"
    r"aviation|air\s*[- ]?strikes?|air\s*[- ]?raids?|strikes?|raids?|bombers?|alliance)\b",
    re.IGNORECASE,
)


# "warplanes believed to be Russian", "drones, thought to be Turkish": an attack force the
# text lays on a nation with a hedge.
_FORCE_BELIEVED = re.compile(
    r"\b(?i:(?:war\s*planes?|warplanes?|jets?|aircraft|planes?|drones?|helicopters?|"
    r"gunships?|strikes?|air\s*strikes?|raids?))\s*,?\s+(?i:(?:believed|thought|suspected|said|"
    r"presumed|likely|reported|assumed)\s+to\s+(?:be|have\s+been)\s+)(?:(?:from|by)\s+)?"
    rf"(?:the\s+)?(?:{_NATION_RX})\b"
)


@dataclass(frozen=True, slots=True)
class _Alias:
    group: str
    pattern: Gate


def _alias(group: str, pattern: str, *, case: bool = False) -> _Alias:
    flags = 0 if case else re.IGNORECASE
    return _Alias(group, Gate(re.compile(rf"\b(?:{pattern})\b", flags)))


# A state named by its name acts as a party only as the subject of an act or a statement
# ("Israel struck", "Turkey denied"); "in Turkey", "Israel's border" are places.
_STATE_ACTS = (
    r"(?=\s+(?:(?:has|had|have|also|reportedly)\s+)*(?:said|says|carried|conducted|continued|launched|struck|"
    r"bombed|shelled|targeted|killed|denied|denies|admitted|acknowledged|claimed|confirmed|"
    r"insisted|accused|attacked|hit|retaliated|responded|struck\s+back)\b)"
)

# What the coalition strikes with, singular or plural ("a coalition airstrike", "coalition jets").
_COALITION_FORCE = (
    r"forces|troops|war\s*planes?|warplanes?|jets?|aircraft|planes?|helicopters?|drones?|aviation|"
    r"air\s*[- ]?strikes?|drone\s+strikes?|strikes?|air\s*[- ]?raids?|raids?|bombing|bombardment|"
    r"artillery|missiles?|rockets?|shelling"
)

# Turkey's operations in Syria and Iraq, named as the party that fights them.
_TURKISH_OPERATIONS = (
    r"Operation\s+(?:Olive\s+Branch|Euphrates\s+Shield|Peace\s+Spring|Claw[- ]\w+|Spring\s+Shield)"
)

_ALIASES: tuple[_Alias, ...] = (
    _alias(
        "us_led_coalition",
        r"(?:US|U\.S\.|American|Washington|international|western|anti-(?:IS|ISIS|ISIL|Daesh|Islamic\s+State))"
        r"[- ]?(?:led|headed)\s+(?:international\s+|military\s+|anti-\w+\s+)?(?:coalition|alliance)"
        rf"(?:\s+(?:{_COALITION_FORCE}))?",
    ),
    _alias(
        "us_led_coalition",
        rf"(?:US|U\.S\.|American)[- ]led\s+(?:{_COALITION_FORCE})",
    ),
    _alias(
        "us_led_coalition",
        rf"international\s+coalition(?:\s+(?:{_COALITION_FORCE}))?|coalition\s+(?:{_COALITION_FORCE})|"
        r"(?:Combined\s+Joint\s+Task\s+Force[\s,–—-]+)?Operation\s+Inherent\s+Resolve|CJTF-OIR|Pentagon|"
        r"(?:(?:US|U\.S\.|United\s+States)\s+)?Central\s+Command|CENTCOM|"
        # the coalition's air forces by name: "RAF Typhoons", "the Royal Air Force"
        r"RAF(?:\s+(?:Typhoons?|Tornados?|Reapers?|jets?|aircraft|drones?))?|Royal\s+Air\s+Force|"
        r"Royal\s+Australian\s+Air\s+Force|Royal\s+Netherlands\s+Air\s+Force|"
        r"(?:US|U\.S\.|American)[- ]led\s+(?:international\s+)?coalition",
    ),
    _alias(
        "us_led_coalition",
        r"(?<![Ss]yrian\s)(?<![Nn]ational\s)(?<!-led\s)(?<!opposition\s)the\s+coalition(?!\s+(?:for|of\s+(?:the\s+)?(?:Syrian|revolution|opposition)))",
    ),
    _alias(
        "us_led_coalition",
        r"the\s+United\s+States|Washington" + _STATE_ACTS,
    ),
    _alias(
        "russia",
        r"Russian\s+Aerospace\s+Forces|VKS|Wagner(?:\s+Group)?|the\s+Kremlin|Moscow"
        + _STATE_ACTS
        + r"|"
        r"(?:Russian\s+)?(?:Cent(?:re|er)\s+for\s+(?:the\s+)?Reconciliation|Reconciliation\s+Cent(?:re|er))(?:\s+of\s+(?:the\s+)?Opposing\s+(?:Sides|Parties))?",
    ),
    _alias("russia", r"Russia|(?:the\s+)?Russian\s+Federation", case=True),
    _alias(
        "syrian_government",
        r"(?:Syrian\s+)?regime(?:\s+(?:forces|troops|army|warplanes|war\s*planes|jets|aircraft|planes|helicopters|"
        r"artillery|militias|soldiers|air\s*force|air\s*[- ]?strikes?|strikes?|raids?|shelling|bombardment|barrel\s+bombs?))?|"
        r"(?:(?:President\s+)?Bashar\s+(?:al-?\s?)?)?Assad(?:'?s)?\s+(?:regime|forces|government|troops|army|loyalists|"
        r"militias?|warplanes|air\s*force|jets|aircraft|helicopters|artillery)|"
        r"(?:forces|troops|militias|fighters)\s+loyal\s+to\s+(?:the\s+)?(?:Syrian\s+)?(?:(?:President|dictator|leader|"
        r"regime)\s+)?(?:Bashar\s+)?(?:al-?\s?)?Assad|"
        r"(?:regime|government)\s+of\s+(?:(?:Syrian\s+)?President\s+)?(?:Bashar\s+)?(?:al-?\s?)?Assad|"
        r"pro-(?:Assad|regime|government)\s+"
        r"(?:forces|militias?|fighters|troops|gunmen)|(?:Syrian\s+)?government(?:-led)?\s+(?:forces|troops|warplanes|war\s*planes|jets|"
        r"aircraft|helicopters|artillery|soldiers|militias|army|air\s*force|shelling|air\s*[- ]?strikes?|strikes?|bombardment)|"
        r"Syrian\s+Arab\s+Army|Tiger\s+Forces|(?:Fourth|4th)\s+(?:Armou?red\s+)?Division|"
        r"(?:Fifth|5th)\s+(?:Assault\s+)?Corps|(?:25th|Twenty-Fifth)\s+(?:Special\s+(?:Tasks|Missions)\s+)?"
        r"Division|"
        r"Air\s+Force\s+Intelligence|Liwa\s+al-Quds|National\s+Defen[cs]e\s+Forces|shabiha|Republican\s+Guard|"
        r"loyalist\s+(?:forces|troops|militias)|Damascus\s+government|Syrian\s+authorities|army\s+units|"
        r"the\s+Syrian\s+government|the\s+Syrian\s+army",
    ),
    _alias("syrian_government", r"SAA|SyAAF|NDF", case=True),
    _alias(
        "isis",
        r"(?:so-called\s+)?Islamic\s+State(?:\s+(?:of\s+Iraq\s+and\s+(?:the\s+)?(?:Levant|Syria|al-Sham)|group))?|"
        r"(?:Daesh|Daish|Da'esh|Dae'sh|ISIS|ISIL)(?:\s+(?:sleeper\s+)?cells?)?|Amaq(?:\s+News)?(?:\s+Agency)?|"
        # the group's own words for its fighters, in its claims
        r"(?:soldiers|fighters|knights)\s+of\s+the\s+caliphate",
    ),
    _alias(
        "isis",
        r"IS(?=[- ](?:group|militants?|fighters?|jihadists?|members?|terrorists?|extremists?|suicide|cells?|gunmen|controlled|held|linked|stronghold|attack))",
        case=True,
    ),
    _alias(
        "hts_nusra",
        r"(?:Jabhat\s+)?(?:al-|al\s+)?Nusra(?:\s+Front)?|(?:Jabhat\s+)?Fat[ae]h\s+al[- ]Sham|"
        r"(?:Hay'?at|Hayat|Hayaat|Hayyat)\s+Tahrir\s+al-Sham|Tahrir\s+al-Sham|al-Qaeda|al-Qaida|al\s+Qaeda|al\s+Qaida|"
        r"(?:Tanzim\s+)?Hurr?as\s+al-D(?:i|ee)n|Ansar\s+al-Tawhid",
    ),
    _alias("hts_nusra", r"HTS", case=True),
    # a force led by HTS is HTS's: "HTS-led opposition fighters", "the HTS-led offensive"
    _alias(
        "hts_nusra",
        r"(?:HTS|Hay'?at\s+Tahrir\s+al-Sham)[- ]led\s+(?:(?:opposition|rebel|Islamist|armed)\s+)?"
        r"(?:fighters|forces|factions|groups|rebels|offensive|alliance|coalition|operations?\s+room)|"
        # the operations rooms it led: al-Fateh al-Mubin (2019–2024), Deterrence of Aggression
        r"(?:the\s+)?(?:al-)?Fat[ae]h\s+al-Mubin(?:\s+[Oo]perations\s+[Rr]oom)?|"
        r"(?:the\s+)?(?:Deterrence\s+of\s+Aggression|Military\s+Operations\s+(?:Command|Department|"
        r"Administration))(?:\s+[Oo]perations\s+[Rr]oom)?",
    ),
    _alias(
        "armed_opposition",
        r"rebel\s+(?:groups?|fighters?|forces|factions?|shelling|rockets?|mortars?|snipers?)|rebels?|"
        r"(?:armed\s+|Syrian\s+)?opposition\s+(?:fighters?|forces|groups?|factions?|militants?|militias?|gunmen)|"
        r"armed\s+opposition|Free\s+Syrian\s+Army|J[ae][iy]sh\s+al[- ]Islam|Army\s+of\s+Islam|"
        r"Ahrar\s+al-Sham|Faylaq\s+al-(?:Rahman|Sham)|J[ae][iy]sh\s+al-Fat[ae]h|Army\s+of\s+Conquest|"
        r"Nour\s+al-Din\s+al-Zenki|Zenki|Levant\s+Front|al-Jabha\s+al-Shamiya|"
        r"(?:al-)?Hamza\s+Division|Firqat\s+al-Hamza|Sultan\s+Murad\s+(?:Division|Brigade)|"
        r"Sultan\s+Suleiman\s+Shah\s+(?:Division|Brigade)|al-Amshat|Jaysh\s+al-Izza|"
        r"Jaysh\s+al-(?:Sharqiya|Sharqiyah)|Ahrar\s+al-Sharqiya|Suqour\s+al-Sham|National\s+Front\s+for\s+Liberation|(?:Syrian\s+)?National\s+Army|"
        # Turkey's Syrian allies are armed opposition, not Turkey: "Turkish-backed factions",
        # "the Turkish occupation's mercenaries".
        r"(?:pro-)?(?:Turkish|Turkey|Ankara)(?:'s)?(?:[- ](?:backed|supported|affiliated|allied|aligned|sponsored|loyal))?\s+"
        r"(?:Syrian\s+)?(?:armed\s+|opposition\s+|rebel\s+)?(?:factions?|groups?|fighters|militias?|militants|rebels|"
        r"mercenaries|opposition|gunmen|proxies)|"
        r"(?:Turkish\s+)?occupation(?:'s)?\s+(?:mercenaries|factions|proxies)|"
        r"(?:armed|opposition|Islamist)\s+factions?|"
        r"insurgents?|Islamist\s+(?:rebels|factions?|groups|fighters)|armed\s+groups",
    ),
    _alias("armed_opposition", r"FSA|SNA", case=True),
    _alias(
        "sdf_ypg",
        r"Syrian\s+Democratic\s+Forces|People'?s\s+Protection\s+Units|Women'?s\s+Protection\s+Units|"
        r"Kurdish(?:-led)?\s+(?:forces|fighters|militias?|troops|units|YPG|militants|gunmen|People'?s\s+Protection\s+Units)|"
        r"Kurdistan\s+Workers'?\s+Party|Asayish|self[- ]administration\s+forces|Manbij\s+Military\s+Council",
    ),
    _alias("sdf_ypg", r"SDF|QSD|YPG|YPJ|PYD|PKK", case=True),
    _alias(
        "turkey",
        _TURKISH_OPERATIONS + r"|"
        r"(?:Turkey|T[üu]rkiye|Ankara)" + _STATE_ACTS,
    ),
    _alias(
        "israel",
        r"Israel\s+Defen[cs]e\s+Forces|Israel" + _STATE_ACTS,
    ),
    _alias("israel", r"IDF|IAF", case=True),
    _alias(
        "iran",
        r"Islamic\s+Revolutionary\s+Guards?(?:\s+Corps)?|Revolutionary\s+Guards?(?:\s+Corps)?|Quds\s+Force|"
        r"Hezbollah|Hizbollah|Hizbullah|Hizballah|Islamic\s+Resistance\s+in\s+Lebanon|"
        r"Islamic\s+Resistance\s+in\s+Iraq|"
        # Hezbollah's fighters by their own name, alone (not Hamas's "Islamic Resistance
        # Movement")
        r"(?-i:Islamic\s+Resistance)(?!\s+(?:in\b|Movement\b))|"
        r"(?:pro-)?Iran(?:ian)?(?:[- ](?:backed|aligned|affiliated|allied|linked))?\s+(?:militias?|fighters|forces|groups|factions?|proxies|militants)|"
        # what its proxies strike with: "an Iranian-backed drone strike", "Iran-backed rocket fire"
        r"Iran(?:ian)?[- ](?:backed|aligned|affiliated|allied|linked)\s+(?:(?:drone|rocket|missile)\s+)?"
        r"(?:strikes?|attacks?|drones?|rockets?|missiles?|fire)|"
        r"Shiite\s+militias?|Shia\s+militias?|Fatemiyoun|Zainabiyoun|Asa'?[’']?ib\s+Ahl\s+al-Haq|"
        r"Kata'?ib\s+Sayyid\s+al-Shuhada|Harakat\s+al-Nujaba",
    ),
    _alias("iran", r"IRGC", case=True),
    _alias(
        "iraq_government",
        r"Popular\s+Mobili[sz]ation\s+(?:Forces|Units|Committees)|Hashd\s+al-Shaabi|Iraqi\s+Counter-Terrorism\s+Service",
    ),
    _alias("iraq_government", r"PMF|PMU", case=True),
    # The same frames outside Syria and Iraq. The vocabulary has no group of its own for the
    # parties of the wars in Yemen, Somalia, Libya and Gaza: they are "other", never read as
    # the US-led coalition ("the Saudi-led coalition's airstrikes") nor left unknown. The US
    # striking in Somalia or Yemen is the US, as "a U.S. airstrike" already reads.
    _alias(
        "us_led_coalition",
        r"(?:(?:US|U\.S\.|United\s+States)\s+)?(?:Africa\s+Command|AFRICOM)",
    ),
    _alias(
        "other",
        r"(?:Saudi(?:\s+Arabia(?:n|'s)?)?|Saudi-Emirati|Saudi\s+and\s+Emirati|Arab|(?:US|U\.S\.|American)-Saudi)"
        rf"[- ](?:led\s+)?(?:Arab\s+|military\s+)?(?:coalition|alliance|aggression)(?:['’]s)?(?:\s+(?:{_COALITION_FORCE}))?|"
        rf"(?:Saudi|Emirati|UAE)(?:[- ]led)?\s+(?:{_COALITION_FORCE})|"
        r"Houthis|Huthis|Ansar\s*Allah|Ansarullah|"
        r"Houthi(?![- ](?:run|controlled|held|led|affiliated|administered)\b)(?:\s+(?:rebels?|militias?|militants|"
        r"fighters|forces|group|movement|snipers?|shelling|missiles?|drones?))?|"
        r"(?:Harakat\s+)?al[- ]Shabaa?b|Shabaa?b\s+(?:militants|fighters|gunmen|insurgents)|"
        r"Libyan\s+(?:National\s+Army|Arab\s+Armed\s+Forces)|"
        r"(?:forces|militias?|troops|fighters)\s+loyal\s+to\s+(?:(?:the\s+)?(?:eastern|renegade|military|"
        r"strongman|commander|general|field\s+marshal)\s+){0,2}(?:Khalifa\s+)?Haftar|"
        r"Haftar(?:['’]s)?(?:\s+(?:forces|militias?|troops|fighters|warplanes|aircraft|drones?))?|"
        r"Hamas(?![- ](?:run|controlled|held|led|administered)\b)|Qassam\s+Brigades|"
        r"(?:Palestinian\s+)?Islamic\s+Jihad|al-Quds\s+Brigades",
    ),
    _alias("other", r"LNA", case=True),
    # Words that name an attacker without naming a party.
    _alias(
        "unknown",
        r"(?:unknown|unidentified|masked|armed)\s+(?:gunmen|assailants|attackers|men)|gunmen|"
        r"(?:armed\s+)?terrorist\s+(?:groups?|organi[sz]ations?|militias?|gangs?)|terrorists|militants|"
        r"suicide\s+bombers?|jihadists|extremists|armed\s+men|assailants|attackers",
    ),
)

_REPORT_VERBS = (
    r"said|says|say|reported|reports|report|stated|states|claimed|claims|announced|announces|"
    r"confirmed|confirms|denied|denies|told|tells|added|adds|accused|accuses|warned|noted|"
    r"insisted|blamed|demanded|demands|condemned|condemns|urged|called|revealed|published|"
    r"estimated|documented|quoted|according"
)
_ATTACK_VERBS = (
    r"killed|kills|kill|killing|shelled|shells|shelling|bombed|bombs|bombing|bombarded|struck|"
    r"deliver(?:ed|s|ing)\s+(?:\w+\s+)?(?:strikes?|blows?)|assassinat(?:ed|es|ing)|retaliated|"
    r"hit|hits|attacked|attacking|targeted|targeting|executed|executes|executing|fired|fires|firing|"
    r"launched|launches|launching|initiated|initiates|pounded|pounds|pounding|stormed|storms|dropped|drops|detonated|massacred|raided|raids|"
    r"beheaded|shot|shoots|shooting|opened\s+fire|abducted|kidnapped|arrested|detained|"
    r"carried\s+out|carry\s+out|conducted|conducts|conducting|used|uses|using|mak(?:ing|es)\s+use|made\s+use|razed|destroyed|slaughtered|blew\s+up|blew\s+(?:himself|herself|themselves)\s+up|"
    r"seized|captured|ambushed|assaulted|burned|tortured|committed|commit|perpetrated|waged|unleashed|"
    r"rained|hammered|blasted|gunned\s+down|mowed\s+down|massacre|murdered|claimed\s+responsibil\w*|"
    r"eliminat(?:ed|es|ing)|liquidat(?:ed|es)|neutrali[sz]ed|destroy|destroys|stepped\s+up|intensified|escalated|"
    r"set\s+off|planted|lobbed|dropping|continued\s+to\s+(?:shell|bomb|pound|strike|target)|"
    # "Turkish forces pressed their assault on Kurdish militia"
    r"press(?:ed|es|ing)\s+(?:on\s+)?(?:with\s+)?(?:their|its|the)\s+(?:\w+\s+)?"
    r"(?:assault|offensive|attacks?|bombardment|campaign)|"
    # "Pro-government forces continued their bombardment of eastern Aleppo"
    r"continu(?:ed|es|ing)\s+(?:their|its|the)\s+(?:\w+\s+)?(?:assault|offensive|attacks?|"
    r"bombardment|campaign|shelling|bombing|(?:air\s*)?strikes|raids)|"
    r"ambush(?:es)?|behead(?:s|ing)?|execute|shoot|murder(?:s|ing)?|massacres|slaughters|exploded|explodes|"
    r"detonates|bears?\s+(?:\w+\s+)?responsibility|(?:was|were|is|are)\s+(?:\w+\s+)?behind|"
    r"(?:begins?|began|begun|started|starts)\s+(?:to\s+(?:kill|execute|murder)|killing|executing|murdering)|"
    r"claim(?:s|ed)\s+(?:the\s+)?(?:beheading|killing|execution|attack|bombing|assassination)"
)
_AFTER_ATTACK = re.compile(
    rf"^[\s,]*(?:(?:backed|supported|aided|assisted|helped|led)\s+by\s+(?:the\s+)?(?:[\w'-]+\s+){{1,4}}?)?"
    # a second force sharing the verb: "The military and self-defense forces destroyed"
    rf"(?:(?:and|&)\s+(?:the\s+|its\s+|their\s+)?(?:[\w'-]+\s+){{0,2}}?(?:forces|troops|units|militias?|"
    rf"allies|army|mercenaries|factions|proxies|gunmen|fighters|militiamen|groups)\s+"
    # or by its name: "US forces and SDF carried out an airdrop"
    rf"|(?:and|&)\s+(?:the\s+)?(?-i:[A-Z][\w'-]*)(?:\s+(?-i:[A-Z][\w'-]*)){{0,2}}\s+)?"
    # "Opposition forces in Syria exploded bombs": a place between the actor and its verb
    rf"(?:(?:in|near|around|from)\s+(?:the\s+)?[A-Z][\w'-]+\s+)?"
    rf"(?:(?:on\s+\w+|also|reportedly|allegedly|again|have|has|had|been|was|were|is|are|then|later|on\s+\w+\s+\w+|"
    rf"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|today|yesterday|overnight|tonight|"
    rf"which|who|that|and|its|their|allies|jets|warplanes|aircraft|planes|helicopters|drones|aviation|[A-Z][A-Za-z]*-\d+\w*\s+(?:air\s*)?strikes?|units?|loyalists|affiliates|supporters|members|"
    rf"elements|fighters?|militants?|terrorists?|jihadists?|gunmen|forces|troops|factions|cells|militias?|mercenaries|"
    rf"groups|snipers|members?|bombers?|operatives?|sleeper|terror|suicide|remnants|checkpoints?|"
    rf"patrols?|personnel|\w+ly)\s+){{0,3}}"
    rf"(?:{_ATTACK_VERBS})\b",
    re.IGNORECASE,
)
_AFTER_PASSIVE = re.compile(
    r"^[\s,]*(?:(?:fighters?|members?|militants?|soldiers?|troops|personnel|gunmen|jihadists?|"
    r"terrorists?|commanders?|officers?|elements?|recruits|conscripts|forces|men|and\s+\w+|which|that)\s+){0,3}"
    r"(?:were|was|have\s+been|had\s+been|are|is|being|got)\s+(?:\w+\s+)?"
    r"(?:killed|wounded|injured|executed|captured|arrested|detained|targeted|hit|struck|shelled|bombed|"
    r"attacked|besieged|ambushed|abducted|kidnapped|beheaded|shot|slain|dead|defeated|expelled|repelled|"
    r"neutrali[sz]ed|eliminated|liquidated|destroyed|downed|shot\s+down|brought\s+down)\b",
    re.IGNORECASE,
)
# An act the actor is said not to have done: the party whose responsibility a denial denies.
_DENIED_ACT = re.compile(
    r"^[\s,]*(?:(?:has|have|had|did|does|do)\s+not|never|didn['’]t|hasn['’]t|haven['’]t)\s+"
    r"(?:(?:been\s+)?(?:\w+ly\s+)?)(?:carr(?:y|ied)\s+out|conduct(?:ed)?|str(?:ike|uck)|bomb(?:ed)?|"
    r"target(?:ed)?|attack(?:ed)?|fl(?:y|ew|own)|launch(?:ed)?|fired?|hit|shell(?:ed)?|"
    r"(?:been\s+)?involved)\b",
    re.IGNORECASE,
)


_AFTER_TARGET_NOUN = re.compile(
    r"^[\s,]*(?:fighters?|members?|militants?|soldiers?|troops|personnel|positions?|targets?|bases?|"
    r"posts?|headquarters|convoys?|checkpoints?|commanders?|officers?|gunmen|jihadists?|terrorists?|"
    r"strongholds?|hideouts?|depots?|elements?|recruits|conscripts|barracks|airbase|air\s+base|"
    r"militiamen|losses|casualties|dead|prisoners|captives|detainees)\b",
    re.IGNORECASE,
)
# A headline's verb in the present tense, told from a noun by the object after it: "Turkish
# drone targets a car", "Russian jets strike the town" (not "SDF targets in the area").
# A partner joined to the subject comes first: "#Assad regime & #Russia target #Atarib"; the
# object may be a place by its name or hashtag ("… targets Atarib").
_HEADLINE_VERB_AFTER = re.compile(
    r"^[\s,]*(?:(?:and|&)\s+#?[\w'’-]+(?:\s+[\w'’-]+)?\s+)?"
    r"(?:(?:fighters|forces|troops|militants|gunmen|jets|warplanes|drones|helicopters|"
    r"artillery)\s+)?(?:targets?|strikes?|hits?|shells?|bombs?|pounds?|kills?|attacks?|raids?)\s+"
    r"(?:(?:an?|the|its|their|his|her|" + "|".join(number_words(2, 10)) + r"|\d+|civilians?|"
    r"homes?|houses?|villages?|towns?|vehicles?|cars?|residential|markets?|schools?|hospitals?|"
    r"camps?|farms?)\b|(?-i:#?[A-Z][a-z][\w'’-]*))",
    re.IGNORECASE,
)
_AFTER_REPORT = re.compile(
    rf"^[\s,]*(?:(?:spokes(?:man|woman|person)|official|officials|source|sources|commander|"
    rf"statement|media|command|ministry|in\s+a\s+statement|on\s+\w+|also|has|have|had|later|"
    rf"earlier|quoted|news\s+agency|\w+'s|[A-Z][\w-]+)\s+){{0,4}}(?:{_REPORT_VERBS})\b"
)
_BEFORE_AGENT = re.compile(
    r"(?:\bby|\bfired\s+from|\bblamed\s+on|\battributed\s+to|\bcarried\s+out\s+by|\bbehind)\s+"
    r"(?:the\s+)?(?:(?:\w+|\w+'s)\s+){0,3}?(?:(?:of|from)\s+(?:the\s+)?)?$",
    re.IGNORECASE,
)
_BEFORE_AGENT_NEAR = re.compile(
    r"(?:\bby|\bblam(?:ed|es|ing|e)(?:\s+(?:(?:the|it|them)\s+(?:\w+\s+)?)?on)?|\battributed\s+to|"
    r"\bvictims\s+of|"
    r"\bcarried\s+out\s+by|\baccus(?:ed|es|ing))\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# Who holds, takes or backs a place or a force is named by "by" without doing the act.
_HELD = (
    r"\b(?:controlled|held|run|seized|captured|besieged|taken|retaken|recaptured|surrounded|"
    r"encircled|defended|backed|supported|occupied|manned|guarded|liberated|administered|"
    r"governed|dominated|protected|escorted)\s+by\s+"
)
_HELD_BY = re.compile(rf"{_HELD}(?:the\s+)?(?:[\w'-]+\s+){{0,2}}?$", re.IGNORECASE)
_HELD_BY_CLAUSE = re.compile(rf"{_HELD}[^.;,]*$", re.IGNORECASE)  # "retaken by X from the Y"
# "29 rebels were killed in clashes with regime troops": the dead fell to the other side.
_KILLED_IN_CLASHES_WITH = re.compile(
    r"\b(?:killed|dead|died|lost\s+their\s+lives|slain)\b[^.;]{0,40}?\b(?:in|during|amid)\s+"
    r"(?:[\w-]+\s+){0,2}(?:clash(?:es)?|fighting|battles?|firefights?|confrontations?)\s+with\s+"
    r"(?:the\s+)?(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)
_BEFORE_TARGET = re.compile(
    r"(?:(?:\bagainst|\btargeting|\btargeted|\btarget|\bkilling|\bkilled|\bkill|\bkills|\bstruck|\bhit)\s+"
    # (not past a conjunction opening the next clause: "were killed on Friday when Hezbollah
    # fighters shelled …" names the shelling's subject)
    r"(?:the\s+)?(?:(?!(?:when|as|after|while|before|because|once|until)\b)(?:[\w,-]+)\s+){0,3}?|"
    r"(?:\bon|\bat|\bdown|\bpositions\s+of|\bamong|\bof)\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+)?)$",
    re.IGNORECASE,
)
_AFTER_ATTACK_NOUN = re.compile(
    r"^[\s,]*(?:(?:group|militants?|fighters?|terrorists?|joint|deadly|fresh|new|heavy|intense|indiscriminate)\s+){0,2}"
    # the means between the party and its attack: "a Syrian government ground-launched cluster
    # munition attack", "a Russian guided missile strike"
    r"(?-i:(?:[a-z]+-(?:launched|guided|fired|borne)|cluster|munitions?|chemical|chlorine|"
    r"precision|suicide|kamikaze|ballistic|cruise|guided|surface-to-surface)\s+){0,3}"
    r"(?:attacks?|assaults?|offensive|shelling|"
    r"bombing|bombardment|suicide|car\s+bombs?|rockets?|mortars?|fire|snipers?|air\s*[- ]?strikes?|strikes?|"
    r"raids?|ambush|massacres?|executions?|bombers?|gunmen|warplanes|jets|artillery|missiles?|drones?|"
    r"barrel\s+bombs?|helicopters?|assailants|siege|crackdown|counter-?attacks?|counter-?offensives?|"
    r"onslaught|incursions?)\b",
    re.IGNORECASE,
)
_BEFORE_COUNT = re.compile(
    r"(?:\b\d[\d,]*|\b(?:" + "|".join(number_words(2, 12)) + r"|dozens|scores|"
    r"hundreds|several|many|some|of|\w+teen|\w+ty))\s+(?:[\w-]+(?:\s+|/)){0,2}$",
    re.IGNORECASE,
)
_BEFORE_CLAIMANT = re.compile(r"\baccording\s+to\s+(?:the\s+)?(?:\w+\s+){0,2}$", re.IGNORECASE)
_MEANS_BELONG = re.compile(
    r"\b(?:helicopters?|aircraft|jets?|drones?|warplanes?|planes?|gunmen|shells?|rockets?|"
    r"missiles?)\s+(?:that\s+|which\s+)?(?:belong(?:ed|s|ing)?|(?:(?:were|was|are|is)\s+)?"
    r"(?:believed|said|thought)\s+to\s+belong)\s+to\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_ACCORDING_ASIDE = re.compile(r"\s*,\s*according\s+to\s+[^,.;]{1,60},", re.IGNORECASE)
_DAYS_AFTER = re.compile(
    rf"\b{TIME_GAP}\s+(?:after|before)\s+(?:a|an|the|another)\s+"
    r"(?:(?:deadly|suspected|alleged|reported|devastating|massive)\s+)?$",
    re.IGNORECASE,
)
_MODIFIER_AFTER = re.compile(
    r"^(?:[-–]\s*(?:backed|allied|affiliated|supported|linked|sponsored|aligned|held|controlled)|"
    r"\s+(?:held|controlled))\b",  # FA-KES drops hyphens: "the government held western Aleppo"
    re.IGNORECASE,
)
# A party reporting its own act: "Daish said in a statement that one of its fighters had fired",
# "DAESH said that it killed at least 50", "ISIL claimed to have executed".
_OWNS_THE_ACT = re.compile(
    r"^\s*(?:[\w-]+\s+){0,3}?(?:said|says|announced|claimed|claims|stated|confirmed|admitted)\s+"
    r"(?:(?:in|on)\s+(?:a|an|its)\s+(?:[\w-]+\s+)?(?:statement|posting|video|message|channel|website)\s+)?"
    r"(?:(?:on|late|early)\s+\w+\s+)?(?:that\s+)?(?:(?:one|two|three|some|several)\s+of\s+)?"
    r"(?:it|its\s+(?:fighters?|members?|militants?|forces|units|jihadists|suicide\s+bombers?|men|troops))\s+"
    r"(?:had\s+|has\s+|have\s+)?(?:killed|carried\s+out|attacked|executed|targeted|shot|fired|destroyed|"
    r"blew|detonated|struck|downed|bombed|shelled|ambushed|beheaded)\b"
    # (not a headline's passive: "Hezbollah says two of its fighters killed in Israeli strike")
    r"(?!\s+(?:in|by|during|amid|when|after|as|while)\b)"
    r"|^\s*(?:[\w-]+\s+){0,3}?(?:claimed|claims)\s+(?:to\s+have|the|responsibil)",
    re.IGNORECASE,
)


def owns_the_act(text: str, end: int) -> bool:
    """Whether the party named just before `end` reports the attack as its own (it claimed
    responsibility, or "said that its fighters fired"): its statement makes it the alleged
    perpetrator even though it is also the claimant."""
    after = re.sub(r"^\s*\([^()]{0,60}\)", "", text[end : end + 200])
    return bool(_OWNS_THE_ACT.match(after))


# "according to X" names the claimant; with words between ("According to report ISIS has
# executed"), FA-KES having dropped the comma, the actor may open the reported clause instead.
_BEFORE_CLAIMANT_DIRECT = re.compile(r"\baccording\s+to\s+(?:the\s+)?$", re.IGNORECASE)
# The subject of "kill": "Syrian Army Advances in Latakia Kills 16 Terrorists".
_SUBJECT_OF_KILL = re.compile(
    r"^\s+(?:(?!(?:were|was|been|are|is|and|as|while|after|when|by)\b)[\w-]+\s+){0,5}?"
    r"(?:kills|killed|kill|killing)\s+(?:at\s+least\s+|over\s+|more\s+than\s+|nearly\s+|about\s+|"
    r"around\s+|some\s+|up\s+to\s+)?(?:\d[\d,]*|dozens|scores|hundreds|several|many|"
    + "|".join(number_words(2, 12))
    + r"|\w+teen|\w+ty)\b",
    re.IGNORECASE,
)
# Words that leave the author unsure who acted: "it was not clear who carried out the raids".
# (Alternatives are kept: "unclear whether Syrian or Russian jets" still names the first.)
_UNSURE = re.compile(
    r"\b(?:(?:not|un)(?:\s+immediately)?\s*clear|not\s+known|unknown)\s+who\b", re.IGNORECASE
)
# A clause already under way before the name ("The blast which wiped out the terrorist X …"):
# the name is not the subject of the clause's verb.
_CLAUSE_BEFORE = re.compile(r"\b(?:which|that|who|[a-z]{3,}ed)\b[^.;:]*$")
# A name after a preposition is an object, not the subject of a later verb.
_AFTER_PREPOSITION = re.compile(
    r"\b(?:of|on|in|against|at|near|from|to|into|targeting|for|with|by)\s+(?:the\s+|an?\s+)?$",
    re.IGNORECASE,
)
_OBJECT_BEFORE = re.compile(
    r"\b(?:of|on|in|against|at|near|into|targeting|targeted|hit|struck)\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)
_CLAIMED_RESPONSIBILITY = re.compile(
    r"^[^.;]{0,60}?\bclaim(?:ed|s|ing)\s+responsibil\w*", re.IGNORECASE
)
# "killed dozens", "kills 5": an active verb with its object, not a headline passive ("70 killed in").
_ACTIVE_OBJECT = re.compile(
    r"^[\s,]*(?:\w+\s+){0,2}(?:killed|kills|kill|shot\s+dead|executed|eliminated|"
    r"neutrali[sz]ed|liquidated)\s+(?!in\b|on\b|and\b|at\b|by\b|as\b|during\b|after\b|"
    r"near\b|when\b|while\b|over\b|since\b|across\b|inside\b|outside\b|[,.;:])",
    re.IGNORECASE,
)


# A state's own forces named without the state ("the army", "army units", "the air force"): the
# document's state decides whose they are.
_STATE_FORCES = re.compile(
    r"\b(?:the\s+)?(?:army(?:\s+(?:units?|troops|forces|air\s*force|aviation|artillery|helicopters|"
    r"warplanes))?|armed\s+forces|air\s*force|military|security\s+forces|government\s+troops|government)\b",
    re.IGNORECASE,
)
STATE_GROUPS: dict[str, str] = {
    "SY": "syrian_government",
    "IQ": "iraq_government",
    "TR": "turkey",
    "RU": "russia",
    "IL": "israel",
    "IR": "iran",
    "US": "us_led_coalition",
}


# A party speaking of its own forces ("our forces destroyed", "we eliminated"): whose forces
# they are is the speaker's side, which only the attribution knows.
_OWN_FORCES = re.compile(
    r"\b(?:our|my)\s+(?:own\s+|brave\s+|heroic\s+|armed\s+)?(?:forces|troops|units|army|soldiers|"
    r"fighters|aircraft|warplanes|jets|aviation|air\s*force|artillery|men|heroes|pilots|"
    r"special\s+forces|commandos|marines|gendarmerie|border\s+guards|security\s+forces|"
    r"air\s+defen[cs]es?|military)\b|\b[Ww]e\b(?=\s+(?:have\s+|had\s+|also\s+)?(?:[a-z]+ed|hit|struck|shot|"
    r"kill|destroy|eliminate|neutrali[sz]e)\b)",
    re.IGNORECASE,
)
# "the ministry said on Sunday that it had neutralised 15 terrorists": "it" is the speaker.
_SPEAKER_IT = re.compile(
    r"\b(?:said|says|announced|stated)\s+(?:(?:on|early|late)\s+\w+\s+|in\s+(?:a|an|its)\s+"
    r"(?:[\w-]+\s+)?statement\s+(?:on\s+\w+\s+)?)?(?:that\s+)?(?P<it>it|they)\s+"
    r"(?:had\s+|has\s+|also\s+)?(?:neutrali[sz]ed|killed|eliminated|destroyed|struck|hit|"
    r"targeted|shot\s+down|carried\s+out|conducted|launched|fired|bombed|shelled|attacked)\b",
    re.IGNORECASE,
)


# A party's own means named by a possessive ("the coalition said its strike killed", "Russia
# denied that its aircraft were involved"): they are the party's that the clause is about.
_ITS_FORCE = re.compile(
    r"\b(?:its|their)\s+(?:own\s+)?(?:air\s*[- ]?strikes?|drone\s+strikes?|strikes?|air\s*[- ]?raids?|"
    r"raids?|aircraft|war\s*planes?|warplanes?|(?:fighter\s+)?jets?|drones?|helicopters?|artillery|shelling|"
    r"bombardment|forces|troops|soldiers|aviation|air\s*force|operations?)\b",
    re.IGNORECASE,
)


# A body run by a party: "the Hamas-run health ministry", "the HTS-controlled government".
_RUN_BY = re.compile(
    r"(?:the\s+)?(?P<who>[A-Z][\w'’]*)[- ](?:run|controlled|led|administered|affiliated)\s+\w",
    re.IGNORECASE,
)
# A state's officials or sources named by its nationality: they speak for its government.
_NATIONAL_OFFICIALS = re.compile(
    rf"(?:the\s+)?(?:senior\s+)?(?:{_NATION_RX})\s+(?:government\s+|security\s+|military\s+|"
    r"defen[cs]e\s+|intelligence\s+)?(?:officials?|sources?|spokesm[ae]n|spokes(?:woman|person))$"
)
# A defence ministry or general staff named without its state: the state whose capital the
# report was filed from (`pipeline._capital_filed`) is the one it speaks for.
_BARE_DEFENCE = re.compile(
    r"(?:the\s+)?(?:(?:national\s+)?defen[cs]e\s+ministry|ministry\s+of\s+(?:national\s+)?"
    r"defen[cs]e|general\s+staff|defen[cs]e\s+minist(?:er|ry\s+spokes(?:man|woman|person)))",
    re.IGNORECASE,
)
_NATIONAL_DEFENCE = re.compile(
    r"(?:the\s+)?(?:national\s+defen[cs]e\s+ministry|ministry\s+of\s+national\s+defen[cs]e)",
    re.IGNORECASE,
)
# A state named as the one blamed: "Iraq blamed Turkey", "accused Russia of".
_BLAMED_STATE = Gate(
    re.compile(
        r"\b(?:blam(?:ed|es|ing)|accus(?:ed|es|ing))\s+(?P<state>Turkey|T[üu]rkiye|Russia|Israel|Iran|"
        r"Syria|Iraq|the\s+United\s+States|Washington|Moscow|Ankara|Tehran|Damascus)\b(?!['’]s)"
    )
)
# Patterns of `_matches` run over every clause: gated by the words their matches need (not
# `_NATION_FORCE` or `_OWN_FORCES`, where looking for the words costs more than the pattern).
_SPEAKER_IT_GATE = Gate(_SPEAKER_IT)
_ITS_FORCE_GATE = Gate(_ITS_FORCE)
_STATE_FORCES_GATE = Gate(_STATE_FORCES)
# "Factions fired shells on al-Hamdaniyah": in a report about Syria the factions named bare
# are the armed opposition's (Turkish-backed or not), unless the words around them say whose
# they are ("pro-government factions", "Iranian factions", "factions loyal to the regime").
_BARE_FACTIONS_GATE = Gate(
    re.compile(
        r"\b(?:(?:the|armed|opposition|rebel|fighting|militant)\s+)*factions?\b"
        r"(?!\s+(?:loyal|affiliated|allied|backed|supported|of\s+the\s+(?:regime|government|army)))",
        re.IGNORECASE,
    )
)
_FACTIONS_OWNER_BEFORE = re.compile(r"(?:\bpro-\w+|-(?:backed|led|aligned)|[A-Z][\w'’]*)\s+$")


# The occupation's forces named with no nation: "an occupation drone", "Occupation forces".
_BARE_OCCUPATION = re.compile(
    r"\b(?:[Oo]ccupation(?:['’]s)?|[Oo]ccupying)\s+(?:army|forces|troops|soldiers|drones?|"
    r"warplanes?|jets?|aircraft|artillery|snipers?|helicopters?|tanks?|shelling|strikes?|"
    r"air\s*strikes?|bombardment|bulldozers?)\b"
    # the occupation as the subject of its act: "after the occupation bombed tents"
    r"|\b(?<=[Tt]he\s)[Oo]ccupation(?=\s+(?:bombed|shelled|struck|targeted|attacked|raided|"
    r"stormed|killed|fired|launched|committed|destroyed|demolished)\b)"
)
# A document that names its occupier in full ("the Turkish occupation", "the occupying Israeli
# army"), or is about Palestine, where "the occupation" is Israel.
_OCCUPIER_NAMED = re.compile(
    rf"\b(?:{_NATION_RX})[\s_-]+occupation\b|"
    rf"\boccupying\s+(?:{_NATION_RX.replace('?P<n_', '?P<m_')})\b|"
    rf"\b(?:{_NATION_RX.replace('?P<n_', '?P<o_')})\s+occupying\b"
)
_PALESTINE = re.compile(
    r"\b(?:Gaza|West\s+Bank|Jenin|Nablus|Tulkarm|Hebron|Ramallah|Khan\s+Y(?:ou|u|o)n[ie]s|Rafah|Jabalia|"
    r"Deir\s+al-Balah|Nuseirat|Bureij|Maghazi|Qalqilya|Bethlehem|Jericho|Tubas)\b"
)


def occupier_named(text: str) -> str | None:
    """The one party `text` calls "the occupation" in full, else Israel for a text about
    Palestine, else None (a bare "occupation" then names nobody)."""
    groups = {
        next(k[2:] for k, v in m.groupdict().items() if v) for m in _OCCUPIER_NAMED.finditer(text)
    }
    if len(groups) == 1:
        return groups.pop()
    if not groups and _PALESTINE.search(text):
        return "israel"
    return None


def _matches(
    text: str,
    start: int,
    end: int,
    state: str | None = None,
    speaker: str | None = None,
    occupier: str | None = None,
) -> list[tuple[int, int, str, bool]]:
    """(start, end, group, names-an-attack-force) for every alias match, overlaps resolved."""
    found: list[tuple[int, int, str, bool]] = []
    if occupier is not None:
        for m in _BARE_OCCUPATION.finditer(text, start, end):
            found.append((m.start(), m.end(), occupier, bool(_ATTACK_FORCE.search(m.group(0)))))
    own = STATE_GROUPS.get(state or "", "unknown")
    if speaker is not None:
        for m in _OWN_FORCES.finditer(text, start, end):
            word = m.group(0).split()[-1]
            found.append((m.start(), m.end(), speaker, bool(_ATTACK_FORCE.fullmatch(word))))
        for m in _SPEAKER_IT_GATE.finditer(text, start, end):
            found.append((m.start("it"), m.end("it"), speaker, False))
    for m in _ITS_FORCE_GATE.finditer(text, start, end):
        found.append((m.start(), m.end(), "unknown", bool(_ATTACK_FORCE.search(m.group(0)))))
    for m in _BLAMED_STATE.finditer(text, start, end):
        group = _STATE_NAMES.get(m.group("state").lower())
        if group is not None:  # "Iraq blamed Turkey": the state blamed is the alleged attacker
            found.append((m.start("state"), m.end("state"), group, False))
    for m in _STATE_FORCES_GATE.finditer(text, start, end):
        found.append((m.start(), m.end(), own, bool(_ATTACK_FORCE.search(m.group(0).split()[-1]))))
    if state == "SY":
        for m in _BARE_FACTIONS_GATE.finditer(text, start, end):
            if not _FACTIONS_OWNER_BEFORE.search(text, max(start, m.start() - 30), m.start()):
                found.append((m.start(), m.end(), "armed_opposition", False))
    nations: set[tuple[int, int, str]] = set()
    for m in _NATION_FORCE.finditer(text, start, end):
        groups = [k[2:] for k, v in m.groupdict().items() if v]
        force = m.group(0).split()[-1]
        group = groups[0]
        if (
            len(groups) > 1
            and groups[1] in AIR_ONLY_GROUPS
            and group not in AIR_ONLY_GROUPS
            and _JOINT_AIR.search(m.group(0))
        ):
            # "Syrian and Russian warplanes", "Syrian-Russian alliance forces": the party that
            # fights only from the air is the more specific attribution (as in Arabic)
            group = groups[1]
        found.append((m.start(), m.end(), group, bool(_ATTACK_FORCE.fullmatch(force))))
        nations.add((m.start(), m.end(), group))
    for m in _FORCE_BELIEVED.finditer(text, start, end):
        # "warplanes believed to be Russian": the party the text lays the act on, hedged
        groups = [k[2:] for k, v in m.groupdict().items() if v]
        found.append((m.start(), m.end(), groups[0], True))
    for alias in _ALIASES:
        for m in alias.pattern.finditer(text, start, end):
            found.append(
                (
                    m.start(),
                    m.end(),
                    alias.group,
                    bool(_ATTACK_FORCE.search(m.group(0).split()[-1])),
                )
            )
    # Longest first (a nationality before "army" makes the longer match); a named party beats
    # the "unknown" words on the same span, and a proper name beats a nationality reading of
    # it ("Syrian National Army" is the opposition's, not Syria's army).
    found.sort(key=lambda f: (f[0], -(f[1] - f[0]), f[2] == "unknown", f[:3] in nations))
    kept: list[tuple[int, int, str, bool]] = []
    last_end = -1
    for f in found:
        if f[0] < last_end:
            continue
        prev = kept[-1] if kept else None
        # "ISIS terrorists", "Daesh militants": the party's name and the generic word are one actor.
        gap = text[prev[1] : f[0]] if prev else ""
        # "HTS security forces", "SDF military police": the state's words after a party's
        # name are that party's forces, not the state's.
        state_words = f[2] == own and own != "unknown" and _STATE_FORCES.fullmatch(text, f[0], f[1])
        if (
            prev
            and (f[2] == "unknown" or state_words)
            and prev[2] != "unknown"
            and (not gap.strip() or re.fullmatch(r"\s*\([^()]{0,60}\)\s*", gap))
        ):
            kept[-1] = (prev[0], f[1], prev[2], prev[3] or f[3])
        elif (
            prev
            and prev[2] == "unknown"
            and f[2] != "unknown"
            and re.fullmatch(
                r"\s+(?:from|of|belonging\s+to|affiliated\s+(?:to|with)|loyal\s+to|"
                r"(?:(?:that|which)\s+)?(?:belong(?:ed|s)?|(?:were|was)\s+believed\s+to\s+belong)\s+to)"
                r"\s+(?:the\s+)?",
                gap,
            )
        ):
            # "a suicide bomber from the Nusra Front", "terrorists of al-Nusra": the party named.
            kept[-1] = (prev[0], f[1], f[2], prev[3] or f[3])
        else:
            kept.append(f)
        last_end = f[1]
    # "the Assad regime's air force", "Russia's warplanes": a party's own means are the party's.
    out: list[tuple[int, int, str, bool]] = []
    for f in kept:
        if out and out[-1][2] != "unknown" and f[0] < out[-1][1]:
            continue  # swallowed by the possessive before it
        owned = _POSSESSED.match(text, f[1], end) if f[2] != "unknown" else None
        if owned is not None:
            force = owned.group("force")
            attack = bool(_ATTACK_FORCE.fullmatch(force) or _OWNED_BOMB.fullmatch(force))
            f = (f[0], owned.end(), f[2], attack)
        out.append(f)
    return out


_POSSESSED = re.compile(rf"['’]s?\s+(?:[\w-]+\s+)?(?P<force>{_FORCE})\b", re.IGNORECASE)


# A party holding a prisoner who died in its hands (never a prison struck from the air: the
# sentence must say the person died held or tortured).
_HOLDER_AFTER = re.compile(
    r"(?:['’]s?)?\s+(?:detention\s+(?:centres?|centers?|facilit(?:y|ies))|prisons?|jails?|"
    r"custody|(?:security|intelligence|military\s+intelligence)\s+branch(?:es)?)\b",
    re.IGNORECASE,
)
_HOLDER_BEFORE = re.compile(
    r"\b(?:prisons?|jails?|custody|detention\s+(?:centres?|centers?)|dungeons|hands)\s+of\s+"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)
_DIED_HELD = re.compile(
    r"\b(?:under\s+torture|tortured\s+to\s+death|died\s+(?:in|while\s+in)\s+(?:custody|detention|"
    r"prison)|in\s+(?:their|its)\s+custody|death\s+in\s+(?:custody|detention))\b",
    re.IGNORECASE,
)


# A partner named in an aside of the act's subject: "in coordination with the SDF".
_PARTNER_BEFORE = re.compile(
    r"\b(?:in\s+(?:coordination|cooperation|partnership|conjunction)\s+with|jointly\s+with|"
    r"together\s+with|alongside)\s+(?:the\s+|its\s+)?(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)


_PARTNER_ASIDE = re.compile(
    r"^\s*(?:(?:forces|fighters|troops|units|soldiers|militias|aircraft|warplanes)\s*)?,\s*(?:in\s+(?:coordination|cooperation|partnership|conjunction)\s+with|"
    r"jointly\s+with|together\s+with|alongside|supported\s+by|backed\s+by)\s+[^,;.]{2,60},(?=\s*\w)",
    re.IGNORECASE,
)


# Fire that came from a party's ground: "shells fired from areas held by government forces",
# "rockets launched from SNA-controlled territory". Who holds the firing position fired.
_FIRED_FROM = r"(?:fired|launched|came|coming|originat(?:ed|ing)|shot|sent)\s+from\s+(?:the\s+)?"
_FROM_GROUND_OF = re.compile(
    r"(?:"
    + _FIRED_FROM
    + r"(?:areas?|positions?|territory|territories|regions?|zones?|outposts?)\s+"
    r"(?:held|controlled|run)\s+by\s+(?:the\s+)?"
    # "12 shellings from positions of the Jabhat al-Nusra terrorist group"
    r"|\b(?:shellings?|attacks?|fire|rockets?|shells|projectiles|missiles|strikes?|drones?|"
    r"fired|launched)\s+from\s+(?:the\s+)?(?:positions?|areas?|territory|territories|"
    r"outposts?)\s+of\s+(?:the\s+)?)$",
    re.IGNORECASE,
)
_FROM_BEFORE = re.compile(_FIRED_FROM + "$", re.IGNORECASE)
_HELD_GROUND_AFTER = re.compile(
    r"^[-–\s](?:held|controlled)\s+(?:areas?|positions?|territory|territories|regions?|zones?|"
    r"outposts?)\b",
    re.IGNORECASE,
)


def _role(text: str, start: int, end: int, a: int, b: int, attack_force: bool) -> str:
    # A parenthesis after the name ("(ISIL)", "(Qaeda branch in the Levant)") is an aside.
    after = re.sub(r"^\s*\([^()]{0,60}\)", "", text[b : min(end, b + 150)])
    after = _PARTNER_ASIDE.sub("", after, count=1)[:90]
    before = text[max(start, a - 70) : a].removesuffix("#")  # a hashtag: "by the #Turkish army"
    if _FROM_GROUND_OF.search(before) or (
        _FROM_BEFORE.search(before) and _HELD_GROUND_AFTER.match(after)
    ):
        return "perpetrator"
    held = _HELD_BY.search(before)
    if _MODIFIER_AFTER.match(after) or (
        held and not (attack_force and re.match(r"(?:backed|supported)\b", held.group(0)))
    ):
        # "Turkish-backed", "the area controlled by the Assad regime" (but troops "backed by
        # Russian warplanes" are bombed for by the warplanes)
        return "other"
    if _CLAIMED_RESPONSIBILITY.match(after) or _OWNS_THE_ACT.match(after):
        return "perpetrator"
    if _MEANS_BELONG.search(before):
        return "perpetrator"  # "the helicopters belonged to the US-led coalition"
    if _DAYS_AFTER.search(before):
        # "Just days after a deadly Assad regime chemical attack, a woman was killed": the
        # attacker of the event the sentence dates itself by
        return "other"
    if _OPERATION_NAME.fullmatch(text, a, b) and _NEUTRALISED.search(text, start, end):
        # "… terrorists … in the Operation Peace Spring region were neutralized": the fighters
        # fell to the operation's army, which speaks of them so
        return "perpetrator"
    if not attack_force and not before.strip(" \t\"'“‘#") and _SPEAKS_ON.fullmatch(text, b, end):
        return "other"  # a headline's "SDF on the convoy massacre": what the party says of it
    if _PARTNER_BEFORE.search(before):
        return "other"  # "US forces, in coordination with the SDF, conducted a raid": a partner
    if (_HOLDER_BEFORE.search(before) or _HOLDER_AFTER.match(after)) and _DIED_HELD.search(
        text, start, end
    ):
        # "died under torture in a regime detention centre", "in the prisons of the Assad
        # regime": whoever holds the prisoner answers for the death
        return "perpetrator"
    if _BEFORE_AGENT_NEAR.search(before) or _KILLED_IN_CLASHES_WITH.search(before):
        return "perpetrator"
    if _BEFORE_CLAIMANT_DIRECT.search(before) or (
        _BEFORE_CLAIMANT.search(before) and not _AFTER_ATTACK.match(after)
    ):
        return "claimant"
    if _DENIED_ACT.match(after):
        return "denied"  # "Russian Aerospace Forces did not carry out any strikes"
    if _AFTER_PASSIVE.match(after):
        return "victim"
    if _HEADLINE_VERB_AFTER.match(after):
        return "perpetrator"  # "Turkish drone targets a car": a headline's present tense
    if _AFTER_TARGET_NOUN.match(after) and (
        _BEFORE_COUNT.search(before)
        or _BEFORE_TARGET.search(before)
        or not _AFTER_ATTACK.match(after[len(_AFTER_TARGET_NOUN.match(after).group(0)) :])  # type: ignore[union-attr]
    ):
        return "victim"
    if (
        not attack_force
        and _BEFORE_COUNT.search(before)
        and not _ACTIVE_OBJECT.match(after)
        and re.match(
            r"^[\s,]*(?:\w+\s+){0,2}(?:killed|dead|wounded|injured|neutrali[sz]ed|eliminated|"
            r"liquidated|slain)\b",
            after,
            re.IGNORECASE,
        )
    ):
        return "victim"
    if _AFTER_ATTACK_NOUN.match(after):
        return "perpetrator"
    if _AFTER_ATTACK.match(after) and not (
        _OBJECT_BEFORE.search(before) and re.match(r"[\s,]*\w+ing\b", after)
    ):
        # (not "the headquarters of an Islamist rebel group killing its leader": the object of
        # a preposition does not do what the participle after it says)
        return "perpetrator"
    if (
        _SUBJECT_OF_KILL.match(after)
        and not _AFTER_PREPOSITION.search(before)
        and not _CLAUSE_BEFORE.search(text[max(start, a - 200) : a])
    ):
        return "subject"  # resolved by `find_actors` against the other names of the clause
    aside = _ACCORDING_ASIDE.match(after)
    if aside is not None and _AFTER_ATTACK.match(after[aside.end() :]):
        return "perpetrator"  # "The SDF, according to local sources, raided the village"
    if attack_force and re.match(r"[\s,]*according\s+to\b", after, re.IGNORECASE):
        return "perpetrator"  # "Coalition drone according to observatories": who struck, by whom
    if _AFTER_REPORT.match(after):
        return "claimant"
    if _BEFORE_AGENT.search(before) and not _HELD_BY_CLAUSE.search(before):
        return "perpetrator"
    target = bool(_BEFORE_TARGET.search(before))
    if attack_force:
        # "shot down a Russian jet" — an attack force can be the target too.
        return (
            "victim"
            if re.search(
                r"\b(?:down|against|targeting)\s+(?:an?\s+|the\s+)?$", before, re.IGNORECASE
            )
            else "perpetrator"
        )
    if target:
        return "victim"
    return "other"


# A headline giving a party's word on an event, with no verb: "SDF on the convoy massacre",
# "Russia on the Idlib strikes" (not "SDF on Tuesday …", which dates what the party did).
_SPEAKS_ON = re.compile(
    r"\s*(?:on|about|over|regarding)\s+(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|\d)"
    r"(?:(?!(?:killed|kill|kills|dead|died|die|wounded|injured|left|leaves|on|in|near)\b)"
    r"[\w'’-]+\s*){1,5}[.]?\s*",
    re.IGNORECASE,
)


# A military operation named as the party (its army's): "Operation Peace Spring".
_OPERATION_NAME = re.compile(_TURKISH_OPERATIONS, re.IGNORECASE)
_NEUTRALISED = re.compile(r"\bneutrali[sz]ed\b", re.IGNORECASE)


# A table's column naming who did it, right before the name ("Alleged perpetrator: …").
_PERPETRATOR_FIELD = re.compile(
    r"(?:^|[;\n])[ \t]*(?:alleged[ \t]+)?(?:perpetrators?|actors?|attackers?|belligerents?|"
    r"responsible(?:[ \t]+party)?|party)[ \t]*:[ \t]*(?:the[ \t]+)?$",
    re.IGNORECASE,
)


def find_actors(
    text: str,
    start: int = 0,
    end: int | None = None,
    *,
    state: str | None = None,
    speaker: str | None = None,
    speaker_at: int | None = None,
    antecedent: str | None = None,
    occupier: str | None = None,
) -> list[ActorMention]:
    """Armed actors named in text[start:end], in text order, with group and role.

    `occupier` is the party the document calls "the occupation" (`occupier_named`): its bare
    "occupation drone", "occupation forces" are that party's.

    `state` (ISO2) is the country the document is about: "the army" there is that state's
    army (`STATE_GROUPS`); without it such words keep group "unknown". `speaker` is the group
    of the party whose statement the text is ("the military representative said"): its "our
    forces" and "we" (before an attack verb) are that group's (`speaker_group`); its "its
    strike" too when the speaker is named before it (`speaker_at`, the offset of its name:
    "the ministry said its aircraft", "It said its aircraft", not "Its warplanes struck …, the
    SDF said"); else `antecedent`, the party the previous sentence is about ("Turkey launched
    an offensive. Its warplanes killed …").
    """
    stop = len(text) if end is None else end
    # "#Russian_occupation warplanes": a hashtag's underscores are spaces (offsets unchanged)
    text = text.replace("_", " ") if "_" in text else text
    text = without_scare_quotes(text)  # 'its forces "neutralized" 12': the marks hide no act
    out: list[ActorMention] = []
    unsure = _UNSURE.search(text, start, stop)
    matches = _matches(text, start, stop, state, speaker, occupier)
    for k, (a, b, group, attack_force) in enumerate(matches):
        name = re.sub(r"^(?:the|a|an)\s+", "", text[a:b], flags=re.IGNORECASE)
        role = _role(text, start, stop, a, b, attack_force)
        if _PERPETRATOR_FIELD.search(text, max(0, a - 40), a):
            role = "perpetrator"  # a table's column: "Perpetrator: Russian forces"
        if role == "subject":
            # "Syrian Army Advances in Latakia Kills 16": the subject of "kills", unless another
            # name stands between ("Kurdish Partys military wing dubbed Peoples Protection
            # Units killed 17": the last name before the verb is its subject).
            verb = _SUBJECT_OF_KILL.match(text[b : min(stop, b + 150)])
            role = "other"
            if verb is not None:
                between = [
                    m
                    for m in matches[k + 1 :]
                    if m[0] < b + verb.end()
                    and not _MODIFIER_AFTER.match(text[m[1] : m[1] + 30])  # "rebel-held"
                ]
                # "Coalition air strikes Turkish army kill 8": names side by side share the verb.
                side_by_side = bool(between) and re.fullmatch(
                    r"\s*(?:,|and|&)?\s*", text[b : between[0][0]]
                )
                if not between or side_by_side:
                    role = "perpetrator"
        if role == "perpetrator" and re.search(r"\bminist(?:ry|er)\b", name, re.IGNORECASE):
            role = "other"  # a ministry speaks and decides; it does not strike ("by the minister")
        if group == "unknown" and _ITS_FORCE.fullmatch(text, a, b):
            # "its strike": the party the clause is about (its subject or speaker), else the
            # party whose statement the text is.
            named_before = speaker if speaker_at is not None and speaker_at < a else None
            owner = next(
                (m.group for m in out if m.group != "unknown" and m.role != "victim"),
                named_before or antecedent,
            )
            group = owner or "unknown"
        if role == "perpetrator" and unsure is not None and unsure.start() < a:
            role = "other"  # "it was not clear who carried out the raids … a day after Russia …"
        out.append(ActorMention(a, b, name, group, role))  # type: ignore[arg-type]
    return _air_party_leads(text, _infighting(text, start, stop, out))


def _air_party_leads(text: str, out: list[ActorMention]) -> list[ActorMention]:
    """Attackers named jointly ("Regime and Russian warplanes struck …"): the party that fights
    only from the air leads, as the more specific attribution (the Arabic reader's rule too)."""
    for k in range(1, len(out)):
        a, b = out[k - 1], out[k]
        if (
            a.role == "perpetrator"
            and b.role == "perpetrator"
            and b.group in AIR_ONLY_GROUPS
            and a.group not in AIR_ONLY_GROUPS
            and a.group != "unknown"
            and _JOINED.fullmatch(text, a.end, b.start)
            and _JOINT_AIR.search(b.name)  # (not "#Assad regime & #Russia target … with rockets")
        ):
            out[k] = ActorMention(b.start, b.end, b.name, b.group, b.role, leads=True)
    return out


_JOINED = re.compile(r"\s*(?:and|&|/)\s*(?:the\s+)?|-", re.IGNORECASE)


# "clashes between Faylaq al-Rahman and Jaish al-Islam": both sides fought.
_BETWEEN = re.compile(
    r"\b(?:clash(?:es)?|fighting|infighting|battles?|confrontations?)\s+(?:between|among|amongst)\s+",
    re.IGNORECASE,
)


def _infighting(text: str, start: int, stop: int, out: list[ActorMention]) -> list[ActorMention]:
    """The parties named right after "clashes between" are the clash's perpetrators when they
    are all of one group (infighting names its side); of several groups, nobody is chosen."""
    for m in _BETWEEN.finditer(text, start, stop):
        sides = [
            k
            for k, a in enumerate(out)
            if m.end() <= a.start <= m.end() + 120 and a.group != "unknown"
        ]
        if len(sides) >= 2:
            one_side = len({out[k].group for k in sides}) == 1
            for k in sides:
                a = out[k]
                out[k] = ActorMention(
                    a.start, a.end, a.name, a.group, "perpetrator" if one_side else "other"
                )
    return out


# A state named as a speaker by its name or its capital.
_STATE_NAMES: dict[str, str] = {
    "syria": "syrian_government",
    "damascus": "syrian_government",
    "russia": "russia",
    "moscow": "russia",
    "the kremlin": "russia",
    "kremlin": "russia",
    "turkey": "turkey",
    "ankara": "turkey",
    "israel": "israel",
    "iran": "iran",
    "tehran": "iran",
    "iraq": "iraq_government",
    "baghdad": "iraq_government",
    "washington": "us_led_coalition",
    "the united states": "us_led_coalition",
    "united states": "us_led_coalition",
    # official names, as states sign their own statements
    "the russian federation": "russia",
    "russian federation": "russia",
    "the syrian arab republic": "syrian_government",
    "syrian arab republic": "syrian_government",
    "türkiye": "turkey",
    "turkiye": "turkey",
    "the republic of türkiye": "turkey",
    "the republic of turkey": "turkey",
    "the islamic republic of iran": "iran",
    "islamic republic of iran": "iran",
    "the state of israel": "israel",
    "the republic of iraq": "iraq_government",
}
# An office of a state named after it by the state's official name: "Ministry of Defence of the
# Russian Federation", "Permanent Mission of the Syrian Arab Republic to the United Nations"
# (not "Friends of Syria": a bare country name after "of" names no office of that state).
_OF_STATE = re.compile(
    r"\bof\s+(?P<state>(?:the\s+)?(?:Russian\s+Federation|Syrian\s+Arab\s+Republic|"
    r"Republic\s+of\s+T(?:ü|u)rkiye|Republic\s+of\s+Turkey|Islamic\s+Republic\s+of\s+Iran|"
    r"State\s+of\s+Israel|Republic\s+of\s+Iraq|T(?:ü|u)rkiye))\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=4096)
def speaker_group(
    name: str | None, *, state: str | None = None, filed_from: str | None = None
) -> str | None:
    """The party a claimant named `name` speaks for ("the Syrian army", "a military
    representative" in a report about Syria), or None when its name names no party.

    `filed_from` is the state whose capital the report was filed from ("ANKARA –"): a defence
    ministry named without its state is that state's ("the National Defense Ministry said").
    The state a report is about does not say whose a bare ministry is: the Russian ministry
    speaks of strikes in Syria as often as the Syrian one."""
    if not name:
        return None
    by_name = state_named(name)
    if by_name is not None:
        return by_name  # a state speaking by its name or its capital ("Damascus denied")
    of_state = _OF_STATE.search(name)
    if of_state is not None:
        state_of = " ".join(of_state.group("state").split()).lower()
        found = _STATE_NAMES.get(state_of) or _STATE_NAMES.get(f"the {state_of}")
        if found is not None:
            return found
    run_by = _RUN_BY.match(name)
    if run_by is not None:
        # "the Hamas-run health ministry" speaks for Hamas's side
        ruler = speaker_group(run_by.group("who"), state=state)
        if ruler is not None:
            return ruler
    officials = _NATIONAL_OFFICIALS.match(name)
    if officials is not None:  # "Iraqi officials", "Turkish security sources"
        return next(k[2:] for k, v in officials.groupdict().items() if v)
    if _BARE_DEFENCE.fullmatch(name.strip()) and filed_from in STATE_GROUPS:
        return STATE_GROUPS[filed_from]  # "ANKARA – … the National Defense Ministry said"
    if _NATIONAL_DEFENCE.fullmatch(name.strip()) and filed_from is None and state != "LB":
        # Of the parties to these wars only Turkey's ministry calls itself "of National
        # Defense" in English (Syria's, Russia's, Iraq's and Israel's are "of Defence"); a
        # report from Lebanon may mean the Lebanese ministry, which is no party here.
        return "turkey"
    groups = [a.group for a in find_actors(name, state=state) if a.group != "unknown"]
    if not groups and not name.lower().startswith("the "):
        # names are kept without their article: "coalition" is "the coalition"
        groups = [a.group for a in find_actors(f"the {name}", state=state) if a.group != "unknown"]
    return groups[0] if groups else None


def state_named(name: str | None) -> str | None:
    """The party a state's own name or its capital names ("Turkey", "Ankara"), else None."""
    return _STATE_NAMES.get((name or "").strip().lower())


def bare_defence(name: str | None) -> bool:
    """Whether a claimant's name is a defence ministry or general staff named without its
    state ("the defence ministry", "the General Staff")."""
    return bool(name) and _BARE_DEFENCE.fullmatch((name or "").strip()) is not None


AIR_ONLY_GROUPS = frozenset({"us_led_coalition", "russia", "israel"})
"""Parties that strike from the air in Syria: a bare "strikes"/"raids" by them is an airstrike."""
