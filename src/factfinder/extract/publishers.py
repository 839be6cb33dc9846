"""The table of known sources: news outlets, monitors, NGOs and UN bodies, with their type.

A claim's claimant is whoever makes it; a document's publisher is whoever carries it. Both are
looked up here. Each `Source` has a claimant type of the claim format (docs/CLAIMS.md) and,
for state media, the state that runs it, because "Press TV reported that the ministry said…"
is Iranian state media carrying a Syrian ministry's claim, and the linker must be able to tell.

Types follow one rule: a party to the conflict (a government, armed force or armed group and
its own outlets) is ``party_to_conflict``; an outlet owned or run by a state is
``state_media`` (with `state`); privately owned or independent outlets are ``media`` even when
their editorial line is partisan (the line is an assessment, not a fact of ownership).
Outlets of armed groups themselves (Amaq for the Islamic State, Al-Manar for Hezbollah, ANHA for
the Kurdish self-administration, Etilaf for the Syrian opposition coalition) are parties.

Aliases are matched case-insensitively on word boundaries; the FA-KES publisher codes
(`sana`, `manar`, `alalam`, …) are aliases too, so `Document.publisher` resolves either way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True, slots=True)
class Source:
    """A known source: its usual name, claimant type and (for state media) ISO country code."""

    name: str
    type: str
    state: str | None = None


# (name, type, state, aliases regex). More specific entries come first.
_TABLE: tuple[tuple[str, str, str | None, str], ...] = (
    # monitors
    (
        "Syrian Observatory for Human Rights",
        "monitor",
        None,
        r"Syrian\s+Observatory(?:\s+for\s+Human\s+Rights)?|SOHR|(?:the\s+)?Observatory|"
        r"(?:Britain|UK|London|British)[- ]based\s+(?:war\s+)?monitor(?:ing\s+group)?|@syriahr|"
        # its director, by name and account: "Rami Abdel Rahman, who heads the Observatory"
        r"Rami\s+Abd(?:el|ul|al|ul-|el-|al-)?\s?Rahman|@RamiSOHR",
    ),
    (
        "Syrian Network for Human Rights",
        "monitor",
        None,
        r"Syrian\s+Network\s+for\s+Human\s+Rights|SNHR",
    ),
    (
        "Violations Documentation Center",
        "monitor",
        None,
        r"Violations?\s+Documentation\s+Cent(?:er|re)|VDC",
    ),
    ("Airwars", "monitor", None, r"Airwars"),
    ("Deir Ezzor 24", "monitor", None, r"Deir\s*Ezzor\s*24|DeirEzzor24"),
    (
        "Rojava Information Center",
        "monitor",
        None,
        r"Rojava\s+Information\s+Cent(?:er|re)|RIC(?=\)|\s+said)",
    ),
    (
        "Syrians for Truth and Justice",
        "monitor",
        None,
        r"Syrians\s+for\s+Truth\s+(?:and|&)\s+Justice|STJ(?=\)|\s+said)",
    ),
    (
        "Syria Response Coordinators",
        "monitor",
        None,
        r"Syria[n]?\s+Response\s+Coordinators|Response\s+Coordinators\s+(?:in|of)\s+Syria",
    ),
    (
        "Armed Conflict Location & Event Data Project",
        "monitor",
        None,
        r"ACLED|Armed\s+Conflict\s+Location\s*(?:&|and)\s*Event\s+Data(?:\s+Project)?",
    ),
    ("Yemen Data Project", "monitor", None, r"Yemen\s+Data\s+Project"),
    ("Local Coordination Committees", "monitor", None, r"Local\s+Coordination\s+Committees|LCCs?"),
    (
        "Raqqa is Being Slaughtered Silently",
        "monitor",
        None,
        r"Raqqa\s+is\s+Being\s+Slaughtered\s+Silently|RBSS",
    ),
    # NGOs
    ("Human Rights Watch", "ngo", None, r"Human\s+Rights\s+Watch|HRW"),
    ("Mwatana for Human Rights", "ngo", None, r"Mwatana(?:\s+for\s+Human\s+Rights)?"),
    ("Amnesty International", "ngo", None, r"Amnesty(?:\s+International)?"),
    (
        "Médecins Sans Frontières",
        "ngo",
        None,
        r"M[ée]decins\s+Sans\s+Fronti[èe]res|Doctors\s+Without\s+Borders|MSF",
    ),
    (
        "International Committee of the Red Cross",
        "ngo",
        None,
        r"International\s+Committee\s+of\s+the\s+Red\s+Cross|ICRC|Red\s+Cross",
    ),
    # Other national societies come before the Syrian one, whose short alias is "Red Crescent".
    (
        "Palestine Red Crescent Society",
        "ngo",
        None,
        r"Palestin(?:e|ian)\s+Red\s+Crescent(?:\s+Society)?|PRCS",
    ),
    ("Iraqi Red Crescent", "ngo", None, r"Iraqi\s+Red\s+Crescent(?:\s+Society)?"),
    ("Kurdish Red Crescent", "ngo", None, r"Kurdish\s+Red\s+Crescent|Heyva\s+Sor(?:\s+a\s+Kurd)?"),
    ("Lebanese Red Cross", "ngo", None, r"Lebanese\s+Red\s+Cross"),
    ("Yemen Red Crescent", "ngo", None, r"Yemen(?:i)?\s+Red\s+Crescent(?:\s+Society)?"),
    (
        "Palestinian Centre for Human Rights",
        "ngo",
        None,
        r"Palestinian\s+Cent(?:re|er)\s+for\s+Human\s+Rights|PCHR",
    ),
    (
        "Al Mezan Center for Human Rights",
        "ngo",
        None,
        r"al[- ]?Mezan(?:\s+Cent(?:er|re)(?:\s+for\s+Human\s+Rights)?)?",
    ),
    ("B'Tselem", "ngo", None, r"B['’]?Tselem"),
    ("Al-Haq", "ngo", None, r"al[- ]Haq(?=\s|,|\.|$)"),
    (
        "Euro-Mediterranean Human Rights Monitor",
        "monitor",
        None,
        r"Euro[- ]Med(?:iterranean)?\s+(?:Human\s+Rights\s+)?Monitor",
    ),
    (
        "Defense for Children International - Palestine",
        "ngo",
        None,
        r"Defen[cs]e\s+for\s+Children\s+International(?:\s*[-–]\s*Palestine)?|DCIP",
    ),
    (
        "Syrian Arab Red Crescent",
        "ngo",
        None,
        r"Syrian\s+Arab\s+Red\s+Crescent|SARC|Red\s+Crescent",
    ),
    # The Gaza Strip's civil defence is a service of its authorities, as its health ministry is;
    # it comes before the Syrian one, whose short alias is "Civil Defence".
    (
        "Palestinian Civil Defence (Gaza)",
        "party_to_conflict",
        None,
        r"(?:Palestinian|Gaza(?:['’]s)?)\s+Civil\s+Defen[cs]e(?:\s*[-–]\s*Gaza)?|"
        r"Civil\s+Defen[cs]e\s+(?:in|of)\s+(?:the\s+)?Gaza(?:\s+Strip)?",
    ),
    ("Lebanese Civil Defence", "ngo", None, r"Lebanese\s+Civil\s+Defen[cs]e"),
    (
        "Syria Civil Defence (White Helmets)",
        "ngo",
        None,
        r"White\s+Helmets|(?:Syrian?\s+)?Civil\s+Defen[cs]e|@SyriaCivilDef\w*",
    ),
    ("Syrian American Medical Society", "ngo", None, r"Syrian\s+American\s+Medical\s+Society|SAMS"),
    ("Union of Medical Care and Relief Organizations", "ngo", None, r"UOSSM"),
    ("Save the Children", "ngo", None, r"Save\s+the\s+Children"),
    ("Physicians for Human Rights", "ngo", None, r"Physicians\s+for\s+Human\s+Rights"),
    # UN bodies
    (
        "Organisation for the Prohibition of Chemical Weapons",
        "un",
        None,
        r"Organi[sz]ation\s+for\s+the\s+Prohibition\s+of\s+Chemical\s+Weapons|OPCW",
    ),
    ("World Health Organization", "un", None, r"World\s+Health\s+Organi[sz]ation|WHO"),
    (
        "UN Office for the Coordination of Humanitarian Affairs",
        "un",
        None,
        r"Office\s+for\s+the\s+Coordination\s+of\s+Humanitarian\s+Affairs|OCHA",
    ),
    ("UNICEF", "un", None, r"UNICEF"),
    ("UNHCR", "un", None, r"UNHCR|UN\s+refugee\s+agency"),
    (
        "International Organization for Migration",
        "un",
        None,
        r"International\s+Organi[sz]ation\s+for\s+Migration|IOM|UN\s+migration\s+agency",
    ),
    (
        "UN Commission of Inquiry on Syria",
        "un",
        None,
        r"(?:U\.?N\.?\s+)?(?:Independent\s+International\s+)?Commission\s+of\s+Inquiry"
        r"(?:\s+on\s+(?:the\s+)?Syria(?:n\s+Arab\s+Republic)?)?",
    ),
    (
        "Office of the UN High Commissioner for Human Rights",
        "un",
        None,
        r"OHCHR|(?:U\.?N\.?\s+|United\s+Nations\s+)?(?:High\s+Commissioner(?:\s+for\s+Human\s+Rights)?|"
        r"human\s+rights\s+office)",
    ),
    (
        "United Nations",
        "un",
        None,
        # (a region's or a state's own "Security Council" is not the UN's)
        r"United\s+Nations|U\.N\.|UN(?=\s|$|[,.;:'’])|(?<!['’]s\s)(?<!Region\s)(?<!National\s)"
        r"Security\s+Council|Secretary[- ]General|WFP|UNRWA",
    ),
    # state media
    ("SANA", "state_media", "SY", r"SANA|Syrian\s+Arab\s+News\s+Agency"),
    (
        "Syrian state television",
        "state_media",
        "SY",
        r"(?:Syrian\s+)?state\s+(?:TV|television|news\s+agency|media|broadcaster)|Ikhbariya|Syrian\s+TV",
    ),
    ("Press TV", "state_media", "IR", r"Press\s*TV"),
    ("Al-Alam", "state_media", "IR", r"al[- ]?Alam"),
    ("IRNA", "state_media", "IR", r"IRNA|Islamic\s+Republic\s+News\s+Agency"),
    ("Fars News Agency", "state_media", "IR", r"Fars(?:\s+News(?:\s+Agency)?)"),
    ("Tasnim News Agency", "state_media", "IR", r"Tasnim(?:\s+News(?:\s+Agency)?)?"),
    ("Radio Habana Cuba", "state_media", "CU", r"Radio\s+Habana\s+Cuba|RHC"),
    ("RT", "state_media", "RU", r"RT|Russia\s+Today"),
    ("Sputnik", "state_media", "RU", r"Sputnik"),
    ("TASS", "state_media", "RU", r"TASS|ITAR-TASS"),
    ("RIA Novosti", "state_media", "RU", r"RIA(?:\s+Novosti)?"),
    ("National News Agency", "state_media", "LB", r"National\s+News\s+Agency|NNA"),
    ("WAFA", "state_media", "PS", r"WAFA|Palestinian\s+News\s+(?:and|&)\s+Info\s+Agency"),
    ("SONNA", "state_media", "SO", r"SONNA|Somali\s+National\s+News\s+Agency"),
    ("Al-Ahram", "state_media", "EG", r"al[- ]?Ahram"),
    ("TRT", "state_media", "TR", r"TRT"),
    ("Anadolu Agency", "state_media", "TR", r"Anadolu(?:\s+Agency)?"),
    ("Xinhua", "state_media", "CN", r"Xinhua"),
    ("CGTN", "state_media", "CN", r"CGTN|CCTV"),
    ("Petra", "state_media", "JO", r"Petra\s+news\s+agency"),
    ("Iraqi News Agency", "state_media", "IQ", r"Iraqi\s+News\s+Agency"),
    # outlets of parties to the conflict
    (
        "Etilaf (Syrian National Coalition)",
        "party_to_conflict",
        None,
        r"etilaf|Syrian\s+(?:National\s+)?Coalition|National\s+Coalition",
    ),
    ("Al-Manar", "party_to_conflict", None, r"al[- ]?Manar"),
    ("Amaq", "party_to_conflict", None, r"Amaq"),
    # Russia's military office in Syria, by its long and short names
    (
        "Russian Reconciliation Centre",
        "party_to_conflict",
        None,
        r"(?:Russian\s+)?Cent(?:re|er)\s+for\s+(?:the\s+)?Reconciliation(?:\s+of\s+(?:the\s+)?"
        r"(?:Opposing|Warring|Conflicting)\s+(?:Sides|Parties))?(?:\s+in\s+Syria)?|"
        r"Russian\s+Reconciliation\s+Cent(?:re|er)",
    ),
    # Turkey's defence ministry, by its English and Turkish names and its account
    (
        "Turkish Ministry of National Defence",
        "party_to_conflict",
        None,
        r"(?:T\.\s?C\.\s+)?Mill[iî]\s+Savunma\s+Bakanl[ıi][ğg][ıi]|tcsavunma|"
        r"Turkish\s+Ministry\s+of\s+(?:National\s+)?Defen[cs]e|"
        r"Turkish\s+(?:National\s+)?Defen[cs]e\s+Ministry|(?-i:MSB)",
    ),
    # Iraq's joint command's media office; the Houthis' television.
    ("Security Media Cell", "party_to_conflict", None, r"(?:Iraqi\s+)?Security\s+Media\s+Cell"),
    ("Al-Masirah", "party_to_conflict", None, r"al[- ]?Masirah(?:\s+TV)?"),
    # The Saba agency in Sanaa, run by the Houthis since 2015 ("Sanaa, March 24 (Saba) -").
    ("Saba News Agency", "party_to_conflict", None, r"Saba(?:\s+News)?\s+Agency|\(Saba\)|SABA"),
    ("ANHA (Hawar News Agency)", "party_to_conflict", None, r"ANHA|Hawar\s+News(?:\s+Agency)?"),
    # media
    ("Reuters", "media", None, r"Reuters"),
    ("Agence France-Presse", "media", None, r"AFP|Agence\s+France[- ]Presse"),
    ("Associated Press", "media", None, r"Associated\s+Press|AP"),
    ("Al-Masdar News", "media", None, r"al[- ]?Masdar(?:\s+News)?"),
    ("Al Mayadeen", "media", None, r"al[- ]?Mayadeen"),
    ("Al Jazeera", "media", None, r"al[- ]?Jazeera"),
    (
        "Al-Araby Al-Jadeed",
        "media",
        None,
        r"al[- ]?Araby(?:\s+al[- ]?Jadeed)?|alaraby|The\s+New\s+Arab",
    ),
    ("Al Arabiya", "media", None, r"al[- ]?Arabiya"),
    ("Asharq Al-Awsat", "media", None, r"Asharq\s*al[- ]?Awsat|asharqalawsat"),
    ("Daily Sabah", "media", None, r"Daily\s*Sabah"),
    ("Jordan Times", "media", None, r"Jordan\s*Times"),
    ("BBC", "media", None, r"BBC"),
    ("CNN", "media", None, r"CNN"),
    ("Orient News", "media", None, r"Orient\s+News"),
    ("Enab Baladi", "media", None, r"Enab\s+Baladi"),
    ("Syria Direct", "media", None, r"Syria\s+Direct"),
    ("Step News Agency", "media", None, r"Step\s+News(?:\s+Agency)?"),
    ("Smart News Agency", "media", None, r"Smart\s+News(?:\s+Agency)?"),
    ("Qasioun News Agency", "media", None, r"Qasioun(?:\s+News(?:\s+Agency)?)?"),
    ("Al-Monitor", "media", None, r"al[- ]?Monitor"),
    ("Middle East Eye", "media", None, r"Middle\s+East\s+Eye"),
    ("Kurdistan24", "media", None, r"Kurdistan\s*24"),
    ("Rudaw", "media", None, r"Rudaw"),
    ("North Press Agency", "media", None, r"North\s+Press(?:\s+Agency)?|NPA"),
    ("Latin American Herald Tribune", "media", None, r"Latin\s+American\s+Herald\s+Tribune"),
    ("Shafaq News", "media", None, r"Shafaq(?:\s+News)?(?:\s+Agency)?"),
    ("The New Arab", "media", None, r"The\s+New\s+Arab"),
    ("Times of Israel", "media", None, r"(?:The\s+)?Times\s+of\s+Israel"),
    ("Haaretz", "media", None, r"Haaretz"),
    ("L'Orient Today", "media", None, r"L['’]Orient(?:[- ]Le\s+Jour|\s+Today)"),
    ("Libya Observer", "media", None, r"(?:The\s+)?Libya\s+Observer"),
    ("Syria TV", "media", None, r"Syria\s+TV|Syria\s+Television(?=\s+(?:said|reported|channel))"),
    ("Zaman al-Wasl", "media", None, r"Zaman\s+al[- ]Wasl"),
)

# Acronyms that must keep their case to name the outlet ("AP", "WHO", "RT", "UN", "RIA").
_CASE_SENSITIVE = re.compile(
    r"^(?:AP|WHO|RT|UN|RIA|TASS|NNA|TRT|RHC|SANA|SARC|ICRC|MSF|HRW|VDC|SNHR|SOHR|IRNA|"
    r"OCHA|OPCW|UNICEF|UNHCR|IOM|OHCHR|WFP|UNRWA|AFP|BBC|CNN|CGTN|CCTV|SAMS|UOSSM|ANHA|"
    r"LCCs?|RBSS|PCHR|PRCS|DCIP|WAFA|SONNA|SABA)$"
)


@dataclass(frozen=True, slots=True)
class _Entry:
    source: Source
    pattern: re.Pattern[str]
    whole: re.Pattern[str]  # the aliases in any case, for a name that is only the alias ("sana")


def _compile() -> tuple[_Entry, ...]:
    entries = []
    for name, kind, state, aliases in _TABLE:
        parts = aliases.split("|")
        # Split alternatives into case-sensitive acronyms and case-insensitive names.
        acronyms = [p for p in parts if _CASE_SENSITIVE.match(p.replace("\\", ""))]
        words = [p for p in parts if p not in acronyms]
        rx = []
        if words:
            rx.append(rf"(?i:\b(?:{'|'.join(words)})\b)")
        if acronyms:
            rx.append(rf"\b(?:{'|'.join(acronyms)})\b")
        whole = re.compile(rf"(?:the\s+)?(?:{aliases})", re.IGNORECASE)
        entries.append(_Entry(Source(name, kind, state), re.compile("|".join(rx)), whole))
    return tuple(entries)


@lru_cache(maxsize=1)
def _entries() -> tuple[_Entry, ...]:
    return _compile()


def find_sources(
    text: str, start: int = 0, end: int | None = None
) -> list[tuple[int, int, Source]]:
    """Known sources named in text[start:end]: (start, end, source), in text order, no overlaps."""
    stop = len(text) if end is None else end
    found: list[tuple[int, int, int, Source]] = []
    for rank, e in enumerate(_entries()):
        for m in e.pattern.finditer(text, start, stop):
            if m.end() > m.start():
                found.append((m.start(), m.end(), rank, e.source))
    found.sort(key=lambda f: (f[0], -(f[1] - f[0]), f[2]))
    out: list[tuple[int, int, Source]] = []
    last = -1
    for a, b, _, src in found:
        if a >= last:
            out.append((a, b, src))
            last = b
    return out


def lookup_source(name: str | None) -> Source | None:
    """The known source that `name` names (the first one in it), or None."""
    if not name or not name.strip():
        return None
    for e in _entries():
        if e.whole.fullmatch(name.strip()):
            return e.source
    hits = find_sources(name)
    return hits[0][2] if hits else None


# A page's or an account's name with its edition ("Hawar News Agency - English").
_EDITION = re.compile(
    r"\s*[-–—|·]\s*(?:English|Arabic|Official|Press\s+Release|Statement|News)\s*$"
    # an account's language edition: "ANHA English", "Enab Baladi English", "Levant24 عربي"
    r"|\s+(?:English|Arabic|عربي|Türkçe|Kurdî)\s*$"
    # the name again in Arabic: "Syrian Civil Defence - الدفاع المدني السوري"
    r"|\s*[-–—|·]\s*[\u0600-\u06FF][\u0600-\u06FF\s]*$",
    re.IGNORECASE,
)


def source_named_by(line: str) -> Source | None:
    """The known source a header line only names ("Hawar News Agency - English", "Syrian
    Observatory for Human Rights"): the page's or account's name, or None when the line says
    more than a name."""
    bare = _EDITION.sub("", line).strip()
    hits = find_sources(bare)
    if bare and hits and sum(e - s for s, e, _ in hits) >= 0.6 * len(bare):
        return hits[0][2]
    return None
