"""Attribution: who makes each statement of a document, and who publishes it.

A claim is a statement as one source tells it. This module finds, for every sentence, the
claimant whose statement it is:

1. its own attribution — "X said", "said X", "according to X", "X told Reuters", "X reported",
   "X stated that …", "quoted X as saying" (`find_claimants`);
2. otherwise the attribution of the quotation it sits in (“…. …," the ministry said): a quote
   may run over several sentences and even paragraphs;
3. anaphora ("it said", "he added", "the letters added", "the ministry concluded") resolve to
   the last claimant named; a bare surname ("Barazi said") to the earlier mention of that person;
4. a sentence with no attribution of its own continues the last one; a headline takes the
   lede's; before any attribution, the publisher itself asserts the text.

`claimant_type(name)` types a claimant from the source table (`publishers`), from the armed
actors (`actors`) and from the words of its name ("ministry", "spokesman" → party to the
conflict; "activists", "monitor" → monitor; "residents", "doctors" → witness).
The publisher never becomes the claimant of a statement that it attributes to someone else.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from factfinder.extract.actors import find_actors, speaker_group, state_named
from factfinder.extract.gates import Gate
from factfinder.extract.publishers import Source, find_sources, lookup_source, source_named_by
from factfinder.extract.sentences import is_heading_line
from factfinder.mentions import ClaimantMention, Sentence
from factfinder.model import Claimant
from factfinder.vocab import MONTH_NUMBERS

_VERBS = (
    r"said|says|say|stated|states|reported|reports|told|tells|added|adds|claimed|claims|announced|"
    r"announces|confirmed|confirms|noted|notes|pointed\s+out|stressed|stresses|concluded|highlighted|"
    r"explained|accused|accuses|warned|warns|alleged|alleges|insisted|asserted|affirmed|indicated|"
    r"revealed|documented|denied|denies|demanded|condemned|condemns|denounced|denounces|"
    r"deplored|deplores|urged|called|wrote|declared|"
    r"mentioned|clarified|estimated|counted|recorded|blamed|quoted|cited|reiterated|underlined|"
    r"emphasi[sz]ed|charged|tweeted|posted|published|has\s+learned|learned|asked|requested|appealed|"
    r"acknowledged|acknowledges|admitted|admits|conceded|concedes|refuted|refutes|rejected|rejects|"
    r"dismissed|dismisses|verified|found(?=\s+(?:that|reasonable\s+grounds))|"
    r"determined(?=\s+that)|established(?=\s+that)|"
    r"received\s+(?:\w+\s+)?reports?(?=\s+(?:that|of)\b)"
)
# ("The United States struck …" says nothing: "States" there is a name, not a verb.)
_REPORT = Gate(
    re.compile(rf"\b(?<!United\s)(?:{_VERBS})\b(?!\s+to\s+(?:be|have)\b)", re.IGNORECASE)
)
# A body's assessment as its statement: "The command's initial assessment is that no
# civilians were injured", "CENTCOM's assessment found".
_ASSESSMENT = Gate(
    re.compile(
        r"(?:^|(?<=[\s,;:(]))(?:[Tt]he\s+)?(?P<who>[A-Z][\w.'’&-]*(?:\s+[A-Za-z][\w.'’&-]*){0,5}?)"
        r"['’]s?\s+(?:initial\s+|preliminary\s+|final\s+|own\s+)?assessment\s+"
        r"(?:is|was|found|finds|showed|shows|concluded|indicates|indicated)\b",
    )
)
# A body's concern as its statement: "X is gravely alarmed by reports that …".
_CONCERNED = Gate(
    re.compile(
        r"\s+(?:is|are|was|were|remains?)\s+(?:deeply\s+|gravely\s+|very\s+|extremely\s+|"
        r"particularly\s+|also\s+)*(?:alarmed|concerned|saddened|shocked|appalled|horrified|"
        r"outraged|disturbed|dismayed)\s+(?:by|at|about|over|to\s+learn)\b",
        re.IGNORECASE,
    )
)
_PASSIVE_SAID = re.compile(r"\b(?:is|are|was|were|been|be)\s+(?:\w+\s+)?$", re.IGNORECASE)
_ACCORDING = Gate(
    re.compile(
        r"(?:(?<=,\s)|(?<=\())per\s+|"  # "…, per local medics"
        r"\b(?:according\s+to|citing|as\s+reported\s+by|reported\s+by|quoted\s+by|"
        r"in\s+(?:a\s+)?(?:statement|report|letter|letters)\s+(?:issued\s+|released\s+|published\s+)?by)\s+",
        re.IGNORECASE,
    )
)
# A party's statement relayed by a medium ("an army statement quoted by SANA", "a military
# source cited by state TV"): the claimant is the statement's author, not the medium.
_RELAYED = Gate(
    re.compile(
        r"\b(?:an?|the|its)\s+(?P<who>(?:(?!(?:said|says|in|on|that|and)\b)[\w'’-]+\s+){0,4}?(?:statement|communiqu[ée]|source|sources|"
        r"spokes(?:man|woman|person)))\s+(?:quoted|carried|cited|published|reported|broadcast|run)\s+by\s+",
        re.IGNORECASE,
    )
)
_QUOTED_AS = Gate(
    re.compile(r"\bquoted\s+(?P<who>[^,.;:\"“”]{3,80}?)\s+as\s+saying\b", re.IGNORECASE)
)
# Words between the claimant and the verb that are not part of the claimant.
_SUBJECT_TAIL = re.compile(
    r"(?:[\s,]+(?:has|have|had|also|later|earlier|further|then|previously|again|on\s+\w+(?:\s+(?:night|morning|evening))?|"
    r"in\s+(?:a|its|their|his|her)\s+(?:\w+\s+)?(?:statement|report|letter|letters|tweet|post|interview)|"
    r"in\s+a\s+statement\s+on\s+\w+|yesterday|today|separately|however|meanwhile|too|"
    r"consistently|categorically|flatly|strongly|vehemently|firmly|swiftly|quickly|officially|"
    r"publicly|repeatedly|immediately|already))+$",
    re.IGNORECASE,
)
_PARENTHETICAL = re.compile(
    r",\s*(?:in|on|at|during|after|before|through|via|which|who|whose|addressed|speaking|writing|"
    r"quoted|citing|according|based|a\s|an\s|the\s+(?:\w+\s+)?(?:monitor|group|body|agency))[^,]*,?\s*$",
    re.IGNORECASE,
)
_BOUNDARY = re.compile(
    r"(?:[\"“”]|[;:|·•]|\bthat\b|\bwhile\b|\bbut\b|\band\b(?=\s+(?:the\s+)?\w+\s+(?:said|says))|,\s*(?=[A-Z])|"
    # "… in Hajin on Monday, activists said", "…, state media reported", "…, hospital
    # officials said", "…, residents and local officials said": up to five lower-case words
    # after a comma
    r",\s*(?=(?:[a-z][\w'’-]*\s+){0,4}[a-z][\w-]*\s*$))"
)
_DETERMINERS = re.compile(r"^(?:the|a|an|its|their|his|her|this|these|those)\s+", re.IGNORECASE)
_ANAPHORS = re.compile(
    r"^(?:it|he|she|they|we|(?:the\s+)?(?:letters?|statement|statements|report|reports|message|note|"
    r"source|sources|ministry|observatory|monitor|group|agency|organi[sz]ation|army|military|"
    r"spokesman|spokeswoman|spokesperson|official|officials|government|coalition|body|council|"
    r"command|mission|channel|network|committee|office|department|centre|center|broadcaster|"
    r"station|daily|newspaper|website|watchdog|authorities|commission|investigators|team|forces))$",
    re.IGNORECASE,
)
_STATEMENT = re.compile(
    r"\bin\s+(?:a|an|its|two|three|several|separate|\w+\s+separate|identical|official)?\s*(?:\w+\s+)?"
    r"(?P<what>letters?|statements?|reports?|messages?|notes?|communiqu[ée]s?)\s+"
    r"(?P<rest>(?:addressed|sent|delivered|submitted|issued|published|released)\s+[^,;]{3,160})",
    re.IGNORECASE,
)

# Claimant words by type, tried in this order after the source table.
_TYPE_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (t, re.compile(p, re.IGNORECASE))
    for t, p in (
        (
            "un",
            r"\b(?:U\.?N\.?|United\s+Nations)\s+(?:envoy|official|officials|spokes\w+|chief|agency|"
            r"investigators|monitors|experts|team|mission|panel|secretary|rapporteur)|\bde\s+Mistura\b|\bGuterres\b",
        ),
        (
            "state_media",
            r"\b(?:state|government)[- ]?(?:run|owned|controlled|affiliated)?\s*(?:TV|television|media|news|broadcaster|"
            r"radio|agency|outlets?)\b|\bofficial\s+(?:news\s+agency|media|TV|television)",
        ),
        (
            "monitor",
            r"\bactivists?\b|\bactivist\s+groups?\b|\bmonitor(?:s|ing)?\b|\bobservatory\b|"
            r"\bdocumentation\b|\bwar\s+monitor\b|\bhuman\s+rights\s+(?:group|network|monitor)",
        ),
        (
            "ngo",
            r"\bcivil\s+defen[cs]e\b|\brescue(?:rs|\s+workers|\s+teams?)\b|\bcharity\b|\baid\s+(?:group|agency|"
            r"organi[sz]ation|workers?)\b|\bNGOs?\b|\bhumanitarian\s+(?:group|organi[sz]ation|agency)\b|"
            r"\brights\s+groups?\b|\bmedical\s+charity\b",
        ),
        (
            "party_to_conflict",
            r"\bministr(?:y|ies)\b|\bminister\b|\barmy\b|\bmilitary\b|\barmed\s+forces\b|\bgeneral\s+command\b|"
            r"\bspokes(?:man|woman|person)\b|\bcommander\b|(?<!hospital\s)(?<!medical\s)\bofficials?\b|\bgovernment\b|\bauthorities\b|"
            r"\bgovernor\b|\bpolice\b|\bsecurity\s+(?:source|sources|forces|official|officials|services?)\b|"
            r"\bcounter-?terror(?:ism)?\b|\bAsayi?sh\b|"
            r"\bmilitary\s+sources?\b|\bpresident\b|\bprime\s+minister\b|\bKremlin\b|\bPentagon\b|"
            r"\bWhite\s+House\b|\bState\s+Department\b|\bembassy\b|\bambassador\b|\bdiplomats?\b|\bregime\b|"
            r"\bcommand\b|\bbrigade\b|\bbattalion\b|\bfaction\b|\bmilitia\b|\bHmeimim\b|"
            r"\b(?:resistance|protection|defen[cs]e)\s+units\b|\bautonomous\s+administration\b|"
            r"\bsecurity\s+council\b|\bcivil\s+council\b|"
            r"\breconciliation\s+(?:cent(?:er|re))\b|\bcoalition\b|\bforces\b|\bgovernorate\b|\bmayor\b|"
            r"\bgendarmerie\b|\bintelligence\b|\bdirectorate\b|\bgeneral\b|\bcolonel\b|\bmajor\b|\bcaptain\b|\bofficer\b|"
            r"\binterior\b|\bdefen[cs]e\b|"
            r"^(?:damascus|moscow|washington|ankara|tehran|baghdad|syria|russia|turkey|israel|iran)$|"
            r"\brebels?\b|\bopposition\b|\bjihadists?\b|\bmilitants?\b|\bgroup's\s+(?:media|news)\b",
        ),
        (
            "media",
            r"\bnews\s+agency\b|\bcorrespondent\b|\breporters?\b|\bjournalists?\b|\bnewspaper\b|\bdaily\b|"
            r"\bTV\b|\btelevision\b|\bchannel\b|\bbroadcaster\b|\bmedia\b|\boutlet\b|\bwebsite\b|\bradio\b|"
            r"\bnetwork\b",  # a local news network ("the Daraa 24 network")
        ),
        (
            "witness",
            r"\bresidents?\b|\bwitness(?:es)?\b|\beyewitness(?:es)?\b|\bsurvivors?\b|\blocals?\b|"
            r"\bvillagers\b|\brelatives\b|\bfamil(?:y|ies)\b|\bdoctors?\b|\bmedics?\b|\bnurses?\b|"
            r"\bmedical\s+(?:sources?|staff|workers|officials?)\b|\bhospital\b|\bparamedics\b|"
            r"\bneighbou?rs\b|\blocal\s+sources?\b|\binhabitants\b|\bfarmers?\b|\bteachers?\b|"
            r"\bdisplaced\b|\bfather\b|\bmother\b|\bbrother\b|\bsister\b|\bwidow\b|\bsurgeon\b",
        ),
    )
)


# Stance (CLAIMS.md 1.1): words by which a claimant denies what is reported, or admits that its
# own side did it. Each is read together with the claimant that governs it (`stance_cues`).
_DENIAL = Gate(
    re.compile(
        r"(?<!\bwere\s)(?<!\bwas\s)(?<!\bbeen\s)(?<!\bbe\s)"
        r"\b(?:den(?:y|ies|ied|ying)|refut(?:e|es|ed|ing)|reject(?:s|ed|ing)?|dismiss(?:es|ed|ing)?)\s+"
        r"(?:(?:(?:the|these|those|such|all|any|its|their|recent|media|as)\s+){0,2}"
        r"(?:reports?|claims?|allegations?|accusations?|charges|news|stor(?:y|ies)|accounts?|"
        r"responsibility|involvement|role|targeting|striking|bombing|shelling|killing|carrying\s+out|"
        r"conducting|launching|using|having|attacking|any\s+(?:\w+\s+)?(?:role|involvement|casualties|"
        r"civilian))\b|that\b|it\b|them\b|"
        # a denied clause without "that": "denied their aircraft were involved"
        r"(?:its|their|his|our)\s+(?:[\w-]+\s+){0,3}?(?:were|was|had|have|has|did|struck|bombed|"
        r"targeted|hit|carried)\b)|"
        r"\bfabricat(?:ed|ion|ions|es)\b|\bbaseless\b|\bunfounded\b|\buntrue\b|\bfake\s+news\b|"
        r"\b(?:false|fake|fabricated|misleading)\s+(?:reports?|claims?|allegations?|news|information|"
        r"accusations?|images|videos?|stor(?:y|ies))\b(?!\s+(?:of|about)\b)|\b(?:are|were|is|was)\s+(?:\w+\s+)?(?:lies|false)\b|"
        r"\b(?:is|are|was|were|as|it|them|called)\s+(?:\w+\s+)?(?:disinformation|misinformation|propaganda)\b|"
        r"\bno\s+indications?\s+(?:that\s+(?:any\s+)?civilians?\s+(?:were|was|had\s+been|have\s+been)\s+"
        r"(?:killed|harmed|hurt|injured|wounded)|of\s+(?:any\s+)?civilian\s+(?:casualties|harm|deaths))\b|"
        r"\bno\s+(?:\w+\s+)?civilians?\s+(?:were|was|had\s+been|have\s+been)\s+(?:\w+\s+)?"
        r"(?:killed|harmed|hurt|injured|wounded|hit)\b|\bno\s+civilian\s+(?:casualties|deaths|harm|victims)\b|"
        r"\b(?:did\s+not|didn't|does\s+not|never)\s+(?:\w+\s+)?(?:target|strike|bomb|shell|hit|kill|attack|"
        r"carry\s+out|conduct|cause|result\s+in)\b|\bwithout\s+(?:causing\s+)?(?:any\s+)?civilian\s+"
        r"(?:casualties|harm|deaths)\b|\b(?:was|were|is|are)\s+not\s+(?:involved|responsible)\b|"
        r"\bhad\s+nothing\s+to\s+do\s+with\b|\bnot\s+(?:been\s+)?(?:operating|active|flying)\b|"
        # a military's casualty review: "it was assessed that the report was non-credible"
        r"\bnon-?credible\b",
        re.IGNORECASE,
    )
)
_ADMISSION = Gate(
    re.compile(
        r"(?<!\bnot\s)\b(?:acknowledg(?:e|es|ed|ing)|admit(?:s|ted|ting)?|conced(?:e|es|ed|ing)|"
        r"(?:accept(?:s|ed)?|t(?:ake|akes|ook)|claim(?:s|ed)?|assum(?:e|es|ed))\s+(?:full\s+)?"
        r"responsibility|regret(?:s|ted)?|apologi[sz](?:e|es|ed)|"
        # a military's own casualty report: "were unintentionally killed during a strike",
        # "the report was assessed as credible"
        r"(?:unintentionally|inadvertently)\s+(?:killed|injured|wounded)|"
        r"assessed\s+(?:\w+\s+)?(?:as\s+|to\s+be\s+)?credible|"
        r"(?:completed|concluded|released)\s+its\s+(?:\w+\s+){0,3}?(?:assessment|investigation)\s+"
        r"(?:of|into)\s+the)\b",
        re.IGNORECASE,
    )
)
# The verbs a military uses of its own acts, told without an agent ("15 terrorists were
# neutralised"): the act is the speaker's side's.
_OWN_ACT = re.compile(
    r"\b(?:were|was|have\s+been|had\s+been)\s+(?:\w+\s+)?(?:neutrali[sz]ed|eliminated|liquidated)\b",
    re.IGNORECASE,
)


# Cues that are themselves a verb of saying, whose subject is the one who denies or admits.
_SPEECH_CUE = re.compile(
    r"den|refut|reject|dismiss|acknowledg|admit|conced|accept|t(?:ake|akes|ook)\b|claim|assum|"
    r"regret|apologi",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class StanceCue:
    """Words that deny or admit (`stance`), and the claimant named in the sentence who says
    them (None when the sentence names no claimant before them: the sentence's own)."""

    start: int
    end: int
    stance: str
    claimant: ClaimantMention | None


def stance_cues(text: str, start: int = 0, end: int | None = None) -> list[StanceCue]:
    """Denials and admissions in text[start:end] (one sentence or clause), in text order.

    Each cue is governed by the last claimant named before it in the sentence ("Activists said
    the strike killed 12, but the coalition denied it": the denial is the coalition's); a cue
    before any claimant ("No civilians were harmed, the ministry said") is the sentence's.
    """
    stop = len(text) if end is None else end
    found = [(m, "denies") for m in _DENIAL.finditer(text, start, stop)]
    found += [(m, "admits") for m in _ADMISSION.finditer(text, start, stop)]
    if not found:
        return []
    named = find_claimants(text, start, stop)
    out = []
    for m, stance in sorted(found, key=lambda f: f[0].start()):
        who = [c for c in named if c.start < m.start()]
        if _SPEECH_CUE.match(m.group(0)):
            # "X denied …", "X acknowledged …": the subject just before the verb, or nobody
            # the sentence names (not a speaker named earlier in it).
            who = [c for c in who if m.start() - c.end <= 60]
        relative = _RELATIVE_SUBJECT.search(text, max(start, m.start() - 80), m.start())
        if relative is not None and _SPEECH_CUE.match(m.group(0)):
            # "Iraq blamed Turkey, which denied responsibility": the noun the clause hangs on
            name = relative.group("who")
            out.append(
                StanceCue(
                    m.start(),
                    m.end(),
                    stance,
                    ClaimantMention(
                        relative.start("who"), relative.end("who"), name, "party_to_conflict"
                    )
                    if speaker_group(name) is not None
                    else ClaimantMention(
                        relative.start("who"), relative.end("who"), name, claimant_type(name)
                    ),
                )
            )
            continue
        # "the ministry said its strike had not …, denying the reports": the last speaker.
        out.append(StanceCue(m.start(), m.end(), stance, who[-1] if who else None))
    return out


# The noun a relative clause hangs on, right before its verb: "Turkey, which denied".
_RELATIVE_SUBJECT = re.compile(
    r"\b(?P<who>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}),\s+(?:which|who)\s+"
    r"(?:has\s+|had\s+|have\s+|also\s+|promptly\s+|quickly\s+|swiftly\s+)*$"
)


def own_act(text: str, start: int = 0, end: int | None = None) -> bool:
    """Whether text[start:end] tells of an act a military reports as its own without naming
    who did it ("15 terrorists were neutralised")."""
    return _OWN_ACT.search(text, start, len(text) if end is None else end) is not None


# A claimant described, not named: lower-case words after at most a nationality ("activists",
# "a monitor", "Syrian state media").
_DESCRIBED = re.compile(r"(?:[A-Z][a-z]+(?:ian|ish|i|an)\s+)?[a-z][a-z\s-]*")


_LOCAL = re.compile(r"\blocal\b", re.IGNORECASE)
# The people or state a claimant's name opens with: "Kurdish officials", "Turkish defense ministry".
_DEMONYM = re.compile(r"(?:the\s+)?([A-Z][a-z]+(?:ian|ish|i|an|ese))\b")


def _demonym(name: str | None) -> str | None:
    m = _DEMONYM.match(name or "")
    return m.group(1) if m else None


def same_claimant(a: Claimant, b: Claimant) -> bool:
    """Whether two claimants are one voice: the same name (or one inside the other, "the
    Observatory" and "the Syrian Observatory for Human Rights"), the same source of the source
    table, or two organs of one party to the conflict."""
    if a == b:
        return True
    na, nb = (a.name or "").casefold(), (b.name or "").casefold()
    if not na or not nb:
        return False
    if na == nb or na in nb or nb in na:
        return True
    head_a, head_b = na.split()[-1], nb.split()[-1]
    if a.is_party and b.is_party:
        ga, gb = speaker_group(a.name), speaker_group(b.name)
        da, db = _demonym(a.name), _demonym(b.name)
        if (
            (ga is not None and gb is not None and ga != gb)
            or bool(_LOCAL.search(na)) != bool(_LOCAL.search(nb))
            or (da is not None and db is not None and da != db)  # Kurdish / Turkish officials
            # a party named by its people ("the Israeli military") and a body whose side the
            # name does not say ("the Gaza Health Ministry")
            or (
                (ga is None) != (gb is None)
                and (da is None) != (db is None)
                and (ga is None) == (da is None)
            )
        ):
            # two sides, or a local official and a party's command ("relatives and a local
            # official said five civilians were killed; the US command said two militants")
            return False
    if a.type == b.type and (
        _DESCRIBED.fullmatch(a.name or "")
        or _DESCRIBED.fullmatch(b.name or "")
        or (head_a == head_b and head_a.isalpha())
    ):
        # a source described but not named ("a monitor", "activists") and a named one of its
        # kind are taken for one: the report names later whom it described first; so are two
        # descriptions with one head ("local sources" after "Turkey local sources")
        return True
    sa, sb = lookup_source(a.name), lookup_source(b.name)
    if sa is not None and sb is not None and sa.name == sb.name:
        return True
    if a.is_party and b.is_party:
        ga, gb = speaker_group(a.name), speaker_group(b.name)
        return ga is not None and ga == gb
    return False


@dataclass(frozen=True, slots=True)
class Attribution:
    """The claimant governing one sentence and where it was named (None when inherited)."""

    claimant: Claimant
    span: tuple[int, int] | None = None
    inherited: bool = False


def claimant_type(name: str) -> str:
    """The claimant type (CLAIMS.md vocabulary) of a claimant named `name`; "unknown" if unsure."""
    src = lookup_source(name)
    un_first = _TYPE_WORDS[0][1].search(name)
    if un_first:
        return "un"
    if src is not None and not re.search(r"\b(?:ministry|minister|army|military)\b", name, re.I):
        return src.type  # a known body, and its spokesperson ("OHCHR spokesperson")
    if any(a.group != "unknown" for a in find_actors(name)) or state_named(name) is not None:
        return "party_to_conflict"  # (a state speaking by its name or capital: "Iraq said")
    for kind, rx in _TYPE_WORDS[1:]:
        if rx.search(name):
            return kind
    if src is not None:
        return src.type
    return "unknown"


# The document speaking of itself: "This report documents", "The present briefing records".
_SELF_BEFORE = re.compile(
    r"\b(?:this|the\s+present|our)\s+(?:report|briefing|paper|investigation|document|study|"
    r"brief|update|statement|publication)\s+(?:also\s+)?$",
    re.IGNORECASE,
)
_DANGLING = re.compile(r"\s+(?:and|or|&|as\s+well\s+as)$", re.IGNORECASE)


def _clean(name: str) -> str:
    name = _SUBJECT_TAIL.sub("", name).strip(" ,.-—–'\"“”")
    name = _DANGLING.sub("", name)  # "the Civil Defence and [a medical worker]"
    name = _DETERMINERS.sub("", name)
    return re.sub(r"\s+", " ", name)


_PRONOUNS = frozenset({"it", "he", "she", "they", "we"})
# Lower-case words that can sit inside a claimant's name ("the Syrian foreign ministry",
# "a Douma-based media activist", "state television"); anything else ends it.
_NAME_WORDS = frozenset(
    [
        # where a source is, between it and its verb ("a security source in Nineveh province
        # said"): `_PLACED_SOURCE` then keeps the source, not the place
        "province",
        "governorate",
        "countryside",
        "ministry",
        "ministries",
        "charity",
        "charities",
        "organizations",
        "organisations",
        "minister",
        "monitor",
        "monitors",
        "monitoring",
        "group",
        "groups",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "activists",
        "activist",
        "official",
        "officials",
        "source",
        "sources",
        "television",
        "tv",
        "media",
        "agency",
        "correspondent",
        "correspondents",
        "reporter",
        "reporters",
        "journalist",
        "workers",
        "observatory",
        "residents",
        "resident",
        "witnesses",
        "witness",
        "eyewitness",
        "eyewitnesses",
        "doctors",
        "doctor",
        "medics",
        "medic",
        "army",
        "military",
        "forces",
        "government",
        "authorities",
        "command",
        "police",
        "governor",
        "director",
        "head",
        "chief",
        "commander",
        "officer",
        "council",
        "committee",
        "office",
        "network",
        "organization",
        "organisation",
        "news",
        "state",
        "local",
        "foreign",
        "medical",
        "security",
        "rescue",
        "human",
        "rights",
        "civil",
        "defence",
        "defense",
        "general",
        "opposition",
        "rebel",
        "rebels",
        "coalition",
        "regime",
        "statement",
        "report",
        "people",
        "run",
        "owned",
        "teams",
        "team",
        "rescuers",
        "nurse",
        "directorate",
        "volunteers",
        "interior",
        "health",
        "affairs",
        "expatriates",
        "centre",
        "center",
        "documentation",
        "war",
        "letter",
        "letters",
        "statements",
        "reports",
        "broadcaster",
        "channel",
        "website",
        "newspaper",
        "daily",
        "survivors",
        "survivor",
        "relatives",
        "villagers",
        "locals",
        "paramedics",
        "nurses",
        "hospital",
        "officials",
        "agencies",
        "ambassador",
        "envoy",
        "mission",
        "spokesmen",
        "leader",
        "leaders",
        "commanders",
        "lawmakers",
        "lawmaker",
        "legislator",
        "legislators",
        "parliamentarian",
        "elders",
        "elder",
        "notables",
        "member",
        "members",
        "staff",
        "surgeon",
        "father",
        "mother",
        "brother",
        "sister",
        "widow",
        "farmer",
        "teacher",
        "campaigners",
        "watchdog",
        "investigators",
        "experts",
        "inspectors",
        "department",
        "service",
        "services",
        "unit",
        "units",
        "diplomats",
        "diplomat",
        "administration",
        "municipality",
        "presidency",
        "sheikh",
        "mayor",
        "deputy",
        "senior",
        "top",
        "an",
        "a",
    ]
)
_NAME_LINKERS = frozenset({"of", "for", "and", "al", "el", "de", "in", "on", "the", "&"})


def _name_phrase(phrase: str) -> str | None:
    """The trailing noun phrase of `phrase` that can name a claimant, or None."""
    tokens = re.findall(r"[\w'’.&-]+", phrase)
    if not tokens:
        return None
    if tokens[-1].lower() in _PRONOUNS:
        return tokens[-1]
    kept: list[str] = []
    for at in range(len(tokens) - 1, -1, -1):
        tok = tokens[at]
        low = tok.lower()
        ok = (
            tok[:1].isupper()
            or low in _NAME_WORDS
            or re.search(r"-(?:based|run|owned|led|backed)$", low)
            # "the counter-terrorism service", "the anti-terror unit"
            or re.fullmatch(r"(?:counter|anti)-[a-z]+", low)
            or (low in _NAME_LINKERS and kept and low != "the")
            or re.search(r"[A-Z]", tok)
            # "the Daraa 24 network", "Kurdistan 24 reported" (not a day: "October 14")
            or (
                tok.isdigit()
                and len(tok) <= 3
                and at > 0
                and tokens[at - 1][:1].isupper()
                and tokens[at - 1].lower() not in MONTH_NUMBERS
                and not (kept and kept[-1][:1].isdigit())
            )
        )
        if low == "the" or low in ("a", "an"):
            break
        if not ok:
            break
        kept.append(tok)
        if len(kept) >= 10:
            break
    while kept and (kept[-1].lower() in _NAME_LINKERS or kept[-1].isdigit()):
        kept.pop()
    while kept and kept[0].lower() in _NAME_LINKERS:
        kept.pop(0)
    if not kept:
        return None
    name = " ".join(reversed(kept))
    if re.fullmatch(r"(?:On|In|At|Earlier|Later|Meanwhile|However|But|And|Also|Then)", name):
        return None
    name = re.sub(r"^(?:Meanwhile|However|But|And|Also|Then|Still|Yet)\s+", "", name)
    return name


def _phrase_after_boundary(left: str) -> tuple[str | None, int]:
    cut = 0
    for m in _BOUNDARY.finditer(left):
        cut = m.end()
    return _name_phrase(left[cut:]), cut


_PLACE_BEFORE = re.compile(
    r"\b(?:in|near|of|outside|inside|across|(?:north|south)(?:-?(?:east|west))?|east|west|"
    r"(?:north|south)(?:ern|east|west)(?:ern)?|eastern|western|northern|southern|central|rural)\s*$",
    re.IGNORECASE,
)


# A relative pronoun right before a reporting verb ("…, which said"), and the source named by
# "according to" that it may hang on.
_RELATIVE_PRONOUN = re.compile(r",\s*(?:which|who)(?:\s+(?:also|later|earlier))?\s*$")
_ACCORDING_TAIL = re.compile(r"\baccording\s+to\s+(?P<np>[^,;:]{2,80})$", re.IGNORECASE)


def _subject_before(text: str, lo: int, verb_at: int) -> tuple[int, str] | None:
    """The claimant phrase that ends just before a reporting verb at `verb_at`."""
    base = max(lo, verb_at - 320)
    left = text[base:verb_at].rstrip()
    # "…, Save the Children said": a known source's whole name, small words and all
    # (its acronym in brackets may follow: "The Syrian Observatory for Human Rights (SOHR) said")
    core = re.sub(r"\s*\([A-Za-z.\s-]{2,15}\)$", "", _SUBJECT_TAIL.sub("", left).rstrip())
    known = [
        h
        for h in find_sources(text, max(base, verb_at - 80), verb_at)
        if h[1] in (base + len(left), base + len(core))
    ]
    if known:
        a, b, _ = known[-1]
        if not _PLACE_BEFORE.search(text, max(base, a - 30), a):
            return a, text[a:b]
    relative = _RELATIVE_PRONOUN.search(left)
    if relative is not None:
        # "…, according to Syrian state media, which said": the clause's subject is the noun it
        # hangs on, the source just named, not the sentence's subject before it
        named = _ACCORDING_TAIL.search(left, 0, relative.start())
        if named is not None and (source := _clean(named.group("np"))):
            return base + named.start("np"), source
        left = left[: relative.start()]
    left = _SUBJECT_TAIL.sub("", left).rstrip()
    whole = left
    # Drop a parenthetical between subject and verb ("…, in two letters to …, stated").
    while True:
        stripped = _PARENTHETICAL.sub("", left).rstrip()
        if stripped == left:
            break
        left = _SUBJECT_TAIL.sub("", stripped).rstrip()
    name, cut = _phrase_after_boundary(left)
    # "…, in Hasakah, northeast Syria, a local source said": a name in a place phrase (after
    # "in", "near", "northeast") is where, and what looked like an aside is who.
    where = name is not None and bool(_PLACE_BEFORE.search(left, 0, len(left) - len(name)))
    if whole != left and _ASIDE_SOURCE.search(whole):
        # "… security forces on Saturday, a source told North Press": the unnamed source is
        # the subject, not the last name before it
        aside, aside_cut = _phrase_after_boundary(whole)
        if aside is not None:
            left, name, cut = whole, aside, aside_cut
    elif whole != left and (name is None or claimant_type(name) == "unknown" or where):
        # What looked like an aside was the subject itself ("…, a military source told SANA";
        # "… in Tal Jihan, a local source said", not "people in Tal Jihan")
        aside, aside_cut = _phrase_after_boundary(whole)
        if (
            name is None
            or (aside is not None and claimant_type(aside) != "unknown")
            # "… the border village of Aitaroun on Friday, the group said": a body named again
            or (aside is not None and claimant_type(name) == "unknown" and _ANAPHORS.match(aside))
            # "…, killing at least nine people, a Kurdish-led group said": a body described
            # after a comma is who speaks, not the last noun before it
            or (
                aside is not None
                and claimant_type(name) == "unknown"
                and _DESCRIBED_BODY.search(aside) is not None
            )
        ):
            left, name, cut = whole, aside, aside_cut
    if name is None:
        return None
    # "Local sources in eastern Syria reported", "activists in the countryside of Idlib said":
    # the place only says where the sources are.
    placed = _PLACED_SOURCE.search(left, 0, max(0, len(left) - len(name)))
    if (
        placed is not None
        and left.endswith(name)
        and not _BODY_WORD.search(name)
        and left[cut : placed.start("who")].strip().lower()
        in ("", "a", "an", "the", "some", "and", "but")
    ):
        head = placed.group("who")
        at = text.rfind(head, base, verb_at)
        return (at if at >= 0 else base + placed.start("who")), head
    at = text.rfind(name.split()[0], base, verb_at)
    return (at if at >= 0 else base + cut), name


# A body described, not named: "a Kurdish-led group", "a US-backed alliance", "the monitor".
_DESCRIBED_BODY = re.compile(
    r"\b(?:group|alliance|organi[sz]ation|body|agency|monitor|network|coalition|militia|"
    r"council|committee|observatory|authority|administration|charity|force|forces)$",
    re.IGNORECASE,
)
# An unnamed source set off by a comma right before the reporting verb ("…, a source said",
# "…, a Turkish official said").
_ASIDE_SOURCE = re.compile(
    r",\s*(?:an?\s+)?(?:[A-Za-z][a-z]+\s+){0,2}(?:sources?|officials?|activists?|witness(?:es)?|"
    r"residents?|medics?|doctors?|spokes(?:man|woman|person))\s*$",
)
# Words that make a name after "a source in" the body the source belongs to ("a source in the
# Aleppo Police Command"), not the place where it is.
_BODY_WORD = re.compile(
    r"\b(?:command|directorate|governorate|council|ministry|hospital|office|police|department|"
    r"cent(?:er|re)|committee|agency|authority|army|forces?|observatory|network|defen[cs]e|"
    r"crescent|channel|tv|radio|news|media|press|front|brigade|division|group|unit|administration)\b",
    re.IGNORECASE,
)
# People who report, then where they are, up to the place name that ends the subject.
_PLACED_SOURCE = re.compile(
    r"(?:^|(?<=[\s,;:(]))(?P<who>(?:(?:local|medical|security|military|hospital|rescue|"
    r"civil[- ]defen[cs]e|humanitarian|opposition|kurdish|government|official|tribal|"
    r"informed|several|other|health|iraqi|syrian|lebanese|palestinian|yemeni|turkish|israeli)\s+)"
    r"{0,2}(?:sources?|activists?|residents?|witnesses|"
    r"eyewitnesses|medics|doctors|rescuers|journalists?|correspondents?|officials?|"
    r"monitors?|reporters?|volunteers?|paramedics))\s+(?:in|from|on\s+the\s+ground\s+in|"
    r"near)\s+(?:the\s+)?(?:[a-z'’-]+\s+){0,4}(?:of\s+(?:the\s+)?)?$",
    re.IGNORECASE,
)


def _subject_after(text: str, verb_end: int, hi: int) -> str | None:
    """The claimant after an inverted verb: '…," said the Syrian Observatory.'"""
    m = re.match(r"\s+(?P<np>[^,.;:!?\"“”]{2,120})", text[verb_end:hi])
    if not m:
        return None
    np = re.split(
        r"\s+(?:on|in|at|during|after|while|when|adding|citing|who|which|that)\s+", m.group("np")
    )[0]
    name = _clean(np)
    words = name.split()
    return name if name and len(words) <= 12 else None


_DOCUMENT_BY = re.compile(
    r"(?:an?|the|its)\s+(?:[\w-]+\s+)?(?:statement|report|post|communiqu[ée]|release|"
    r"announcement|tally|count|toll|update)\s+(?:issued\s+|released\s+|published\s+|posted\s+)?"
    r"(?:by|from)\s+(?=\S)",
    re.IGNORECASE,
)


def _according_head(np: str) -> str:
    """The source named after "according to" when no comma ends it (FA-KES drops commas):
    "the Syrian Observatory for Human Rights the casualties included …" → up to "Rights"."""
    words = np.split()
    for k, w in enumerate(words):
        nxt = words[k + 1] if k + 1 < len(words) else ""
        if k > 0 and (
            (w.lower() in ("the", "a", "an") and nxt[:1].islower())
            or _REPORT.fullmatch(w)
            or re.fullmatch(r"[a-z]+ed", w)
        ):
            return np[: np.find(w, len(" ".join(words[:k])))].rstrip()
    return np


# A report verb used as a participle of harm: "civilians reported killed", "people said dead".
_HARM_AFTER = re.compile(
    r"\s+(?:(?:to\s+have\s+been|to\s+be)\s+)?(?:killed|injured|wounded|dead|missing|harmed|"
    r"hurt|detained|displaced|abducted)\b",
    re.IGNORECASE,
)


# A speaker inside a relative clause: "a strike that Gaza's health ministry said killed 90".
_RELATIVE_SPEAKER = re.compile(r"\b(?:that|which)\s+(?:[\w'’.-]+\s+){1,6}$", re.IGNORECASE)


_CRUMB_BEFORE = re.compile(r"[/›»>|]\s*$")


_INVESTIGATOR_TYPES = frozenset({"ngo", "monitor", "un"})
# People an organisation asked, after "according to": "witnesses Amnesty International
# interviewed", "residents whom HRW spoke to".
_ASKED_BY = re.compile(
    r"(?:the\s+)?(?:[a-z]+\s+){0,2}(?:witnesses|residents|survivors|relatives|people|doctors|"
    r"medics|sources|families|officials|activists)\s+(?:whom\s+|that\s+|who\s+)?(?:the\s+)?"
    r"(?P<org>[A-Z][\w'’&-]*(?:\s+[A-Z][\w'’&-]*){0,5})\s+(?:interviewed|spoke\s+(?:to|with)|"
    r"talked\s+(?:to|with)|contacted|reached|consulted)\b"
)


def _told_investigator(text: str, m: re.Match[str], stop: int) -> ClaimantMention | None:
    """The investigating organisation (an NGO, a monitor, the UN) that people told what the
    sentence says: "residents told Human Rights Watch", "witnesses told the Commission"."""
    if m.group(0).lower() not in ("told", "tells"):
        return None
    gap = re.match(r"\s+(?:the\s+)?", text[m.end() : stop])
    at = m.end() + (gap.end() if gap else 0)
    hits = find_sources(text, at, min(stop, at + 90))
    if not hits or hits[0][0] != at or hits[0][2].type not in _INVESTIGATOR_TYPES:
        return None
    a, b, source = hits[0]
    return ClaimantMention(a, b, source.name, source.type)


def find_claimants(text: str, start: int = 0, end: int | None = None) -> list[ClaimantMention]:
    """Attributions made inside text[start:end] (one sentence), in text order."""
    stop = len(text) if end is None else end
    out: list[ClaimantMention] = []
    relayed: list[tuple[int, int]] = []
    for m in _RELAYED.finditer(text, start, stop):
        name = _clean(re.sub(r"\s+(?:statement|communiqu[ée])$", "", m.group("who"), flags=re.I))
        if name and claimant_type(name) == "party_to_conflict":
            out.append(
                ClaimantMention(
                    m.start("who"), m.start("who") + len(name), name, "party_to_conflict"
                )
            )
            relayed.append((m.start(), m.end() + 40))
    for m in _QUOTED_AS.finditer(text, start, stop):
        name = _clean(m.group("who"))
        out.append(ClaimantMention(m.start("who"), m.end("who"), name, claimant_type(name)))
    for m in _ACCORDING.finditer(text, start, stop):
        np = re.match(r"(?P<np>[^,.;:!?\"“”()]{2,120})", text[m.end() : stop])
        if np:
            if any(a <= m.end() <= b for a, b in relayed):
                continue
            asked = _ASKED_BY.match(np.group("np"))
            asker = source_named_by(asked.group("org")) if asked else None
            if asked and asker is not None and asker.type in _INVESTIGATOR_TYPES:
                # "according to witnesses Amnesty International interviewed": the
                # organisation's finding, the witnesses its evidence
                a = m.end() + asked.start("org")
                b = a + len(asked.group("org"))
                out.append(ClaimantMention(a, b, asker.name, asker.type))
                continue
            # "according to a statement by the Asayish general command": the statement's author
            doc = _DOCUMENT_BY.match(np.group("np"))
            skip = doc.end() if doc else 0
            head = _according_head(
                re.split(
                    r"\s+(?:on|in|at|during|after|which|who|while|when)\s+", np.group("np")[skip:]
                )[0]
            )
            name = _clean(head)
            if name:
                a = m.end() + skip
                out.append(ClaimantMention(a, a + len(head), name, claimant_type(name)))
    for m in _ASSESSMENT.finditer(text, start, stop):
        name = _clean(m.group("who"))  # "The command's initial assessment is that …"
        if name:
            out.append(ClaimantMention(m.start("who"), m.end("who"), name, claimant_type(name)))
    for m in _CONCERNED.finditer(text, start, stop):
        # "UN Special Envoy Geir O. Pedersen is gravely alarmed by reports that …" (a body; people
        # alarmed are witnesses to the fear, not speakers of the toll)
        concerned = _subject_before(text, start, m.start())
        if concerned is not None and claimant_type(concerned[1]) not in ("unknown", "witness"):
            a, name = concerned
            out.append(ClaimantMention(a, a + len(name), name, claimant_type(name)))
    for m in _REPORT.finditer(text, start, stop):
        if _PASSIVE_SAID.search(text, max(start, m.start() - 20), m.start()):
            continue  # "what are said to be", "was reported"
        if _HARM_AFTER.match(text, m.end(), stop) and not _RELATIVE_SPEAKER.search(
            text, max(start, m.start() - 80), m.start()
        ):
            continue  # "Civilians reported killed: 4-6", "two people reported dead"
        if _CRUMB_BEFORE.search(text, max(start, m.start() - 3), m.start()):
            continue  # a page's breadcrumb: "Home / Reports", "News › Reports"
        if _SELF_BEFORE.search(text, max(start, m.start() - 40), m.start()):
            continue  # "This report documents …": the document's own voice, not a claimant
        investigator = _told_investigator(text, m, stop)
        if investigator is not None:
            # "residents told Human Rights Watch": the organisation's own finding, the
            # residents its evidence (as in its report's own voice)
            out.append(investigator)
            continue
        if (
            m.group(0).lower() in ("quoted", "cited")
            or any(c.start <= m.start() < c.end for c in out)
            or any(a <= m.start() < b for a, b in relayed)
        ):
            continue
        before = text[max(start, m.start() - 3) : m.start()]
        inverted = (
            re.search(r"[,\"”]\s*$", text[max(start, m.start() - 4) : m.start()]) is not None
            # ("…, told AFP": who was told, never who spoke)
            and re.match(
                r"(?:said|says|added|adds|reported|wrote|noted|stated|explained|according)$",
                m.group(0),
                re.IGNORECASE,
            )
            is not None
            # not "Ahmad, a vendor, said he saw …": a pronoun after the verb opens what was said
            and re.match(
                r"\s+(?!(?:that|he|she|they|it|we|i|there)\b)[\w“\"]",
                text[m.end() : stop],
                re.IGNORECASE,
            )
            is not None
        )
        found: tuple[int, str] | None = None
        if inverted:
            after_name = _subject_after(text, m.end(), stop)
            if after_name:
                found = (m.end() + 1, after_name)
        if found is None and (
            before.strip() not in (",",) or m.group(0).lower() in ("told", "tells")
        ):
            # "Ahmad Hasan, a local official, told AFP": the speaker before the aside
            found = _subject_before(text, start, m.start())
        if found is None:
            continue
        a, name = found
        if name.lower() in ("which", "who", "that", "what", "this", "there") or re.search(
            r"\b(?:has|have|had|been|was|were|is|are)\b", name, re.IGNORECASE
        ):
            continue
        if re.search(r"\b(?:[Oo]ur|[Mm]y)\s+$", text[max(start, a - 6) : a]) or re.match(
            r"(?:[Oo]ur|[Mm]y)\s", name
        ):
            continue  # "our Office has verified": the author speaking, as "we" do
        out.append(ClaimantMention(a, a + len(name), name, claimant_type(name)))
    lead = _LEAD_SPEAKER.match(text, start, stop)
    if lead is not None and not any(c.start <= lead.start("who") < c.end for c in out):
        out.extend(_lead_speaker(lead, out))
    out.sort(key=lambda c: c.start)
    return [_by_handle(c) for c in out]


def _lead_speaker(lead: re.Match[str], others: Sequence[ClaimantMention]) -> list[ClaimantMention]:
    """The speaker a sentence opens with before a colon, if it is the claimant.

    An outlet that carries another's words is not: "Reuters: Kurdish-led forces said …"."""
    carried = any(c.start >= lead.end("who") and c.type != "unknown" for c in others)
    out: list[ClaimantMention] = []
    who = lead.group("who")
    if _BARE_ROLE.fullmatch(who):
        return out  # a briefing's field ("Spokesperson: Ravina Shamdasani"): whose, it says not
    known = source_named_by(who)
    if known is not None:
        if not (carried and known.type in ("media", "state_media")):
            out.append(ClaimantMention(lead.start("who"), lead.end("who"), known.name, known.type))
    elif _DESCRIBED_SPEAKER.fullmatch(who):
        # sources described, not named: "Local sources: …", "Activists: …"
        out.append(ClaimantMention(lead.start("who"), lead.end("who"), who, claimant_type(who)))
    elif (_OFFICE.search(who) and claimant_type(who) == "party_to_conflict") or _party_line(who):
        # a party's office, or a party by the actor table's name for it ("CENTCOM: …")
        out.append(ClaimantMention(lead.start("who"), lead.end("who"), who, "party_to_conflict"))
    return out


def _by_handle(c: ClaimantMention) -> ClaimantMention:
    """A known source named by its account's handle ("per @SyriaCivilDef") under its name."""
    if not c.name.startswith("@"):
        return c
    known = lookup_source(c.name)
    return ClaimantMention(c.start, c.end, known.name, known.type) if known is not None else c


_BARE_ROLE = re.compile(r"(?:spokes(?:person|man|woman)|speaker|official|author)", re.IGNORECASE)
_DESCRIBED_SPEAKER = re.compile(
    r"(?:(?:Local|Medical|Security|Military|Informed|Field|Civil\s+defen[cs]e)\s+)?"
    r"(?:[Ss]ources|[Aa]ctivists|[Rr]esidents|[Ww]itnesses|[Ee]yewitnesses|[Mm]edics|[Rr]escuers)"
)
# A speaker opening a post or sentence with a colon: "SOHR: Israeli missiles kill …",
# "Russian Reconciliation Centre: Over the past 24 hours …" (a known source, or a party's
# office; "Aleppo province:", "BREAKING:" or "Syria:" name nobody who speaks).
_LEAD_SPEAKER = re.compile(
    r"\s*\.?@?(?:The\s+)?(?P<who>[A-Z][\w'’.&-]*(?:\s+(?:of|for|the|and|[A-Z][\w'’.&-]*|"
    r"sources|activists|residents|witnesses|eyewitnesses|medics|rescuers|defen[cs]e)){0,7})"
    # (its acronym in brackets may follow: "Hawar News Agency (ANHA): …")
    r"(?:\s*\([A-Z][A-Za-z.]{1,9}\))?\s*:\s+(?=\S)"
)


def quote_regions(text: str) -> list[tuple[int, int]]:
    """[open, close) offsets of quotations, pairing curly and straight double quotes."""
    regions: list[tuple[int, int]] = []
    opened: int | None = None
    for m in re.finditer(r"[\"“”«»]", text):
        ch, i = m.group(0), m.start()
        prev = text[i - 1] if i > 0 else " "
        nxt = text[i + 1] if i + 1 < len(text) else " "
        if ch in "“«":
            is_open = True
        elif ch in "”»":
            is_open = False
        else:
            is_open = opened is None and (prev.isspace() or prev in "([—-:") and not nxt.isspace()
            if opened is None and not is_open and not prev.isspace():
                continue  # a stray closing quote
        if is_open:
            if opened is None:
                opened = i
        elif opened is not None:
            regions.append((opened, i + 1))
            opened = None
    return regions


def _statement(text: str, start: int, end: int) -> str | None:
    m = _STATEMENT.search(text, start, end)
    if not m:
        return None
    return re.sub(r"\s+", " ", f"{m.group('what')} {m.group('rest')}").strip()


def is_anaphor(name: str | None) -> bool:
    """Whether a claimant's name only points back ("it", "the ministry", "the command")."""
    return bool(_ANAPHORS.match((name or "").lower()))


def _names_another_body(name: str, last: Claimant | None) -> bool:
    """Whether an anaphor ("the council") has a head word of a body that the last speaker's
    name does not hold."""
    low = name.lower()
    head = low.split()[-1] if low else ""
    return (
        last is not None
        and bool(_ANAPHORS.match(low))
        and head.isalpha()
        and head not in ("it", "he", "she", "they", "we")
        and head not in (last.name or "").lower()
    )


_ARMED_GROUP_HEADS = frozenset({"group", "movement", "militia", "faction"})
# Groups an anaphor "the group" can name (Hezbollah and Iraq's factions are `iran`'s), and
# words that make a name a state's or its weapons' instead.
_NON_STATE_GROUPS = frozenset({"isis", "hts_nusra", "armed_opposition", "sdf_ypg", "iran", "other"})
_STATE_WORD = re.compile(
    r"\b(?:Iran(?:ian)?|Saudi|strikes?|air\s*strikes?|drones?|jets|warplanes|aircraft|shelling|"
    r"artillery|missiles?|rockets?)\b",
    re.IGNORECASE,
)


def _named_before(text: str, at: int, anaphor: Claimant, *, any_kind: bool = False) -> Claimant:
    """The body an anaphor ("the command", "the ministry") names, when the text named it
    before as the subject of what it did ("U.S. Africa Command conducted an airstrike … The
    command said …"): the last capitalised name ending in the anaphor's head word."""
    head = (anaphor.name or "").split()[-1]
    if not head.isalpha():
        return anaphor
    named = re.compile(rf"\b((?:[A-Z][\w.'’&-]*\s+){{1,5}}{re.escape(head.title())})\b", re.UNICODE)
    found = [m.group(1) for m in named.finditer(text, max(0, at - 1500), at)]
    if not found and head.lower() in _ARMED_GROUP_HEADS:
        # "Two Hezbollah fighters were killed …, the group said": the armed group named before
        groups = [
            a
            for a in find_actors(text, max(0, at - 600), at)
            if a.group in _NON_STATE_GROUPS and not _STATE_WORD.search(a.name)
        ]
        if groups:
            name = re.sub(r"\s+(?:fighters?|members?|militants?|forces)$", "", groups[-1].name)
            return Claimant(name, "party_to_conflict")
    if not found:
        return anaphor
    name = re.sub(r"^(?:The|A|An)\s+", "", found[-1])
    kind = claimant_type(name)
    return Claimant(name, kind) if any_kind or kind in (anaphor.type, "unknown") else anaphor


def _resolve(
    name: str, kind: str, last: Claimant | None, people: dict[str, Claimant]
) -> Claimant | None:
    """A claimant for a named attribution; anaphora and surnames resolve to earlier claimants."""
    low = name.lower()
    if _ANAPHORS.match(low):
        if last is None:
            return None if low in ("it", "he", "she", "they", "we") else Claimant(name, kind)
        head = low.split()[-1]
        if low in ("it", "he", "she", "they", "we") or head in (
            "letter",
            "letters",
            "statement",
            "statements",
            "report",
            "reports",
            "message",
            "note",
            "source",
            "sources",
        ):
            return last
        if head in (last.name or "").lower() or claimant_type(name) in (last.type, "unknown"):
            return last
        return Claimant(name, kind)
    words = name.split()
    if kind == "unknown" and 1 <= len(words) <= 3 and all(w[:1].isupper() for w in words):
        known = people.get(words[-1].lower())
        if known is not None:
            return known
    return Claimant(name, kind)


def clause_attribution(text: str, start: int, end: int, sentence: Attribution) -> Attribution:
    """The claimant of one clause of a sentence (the parts between semicolons): the one the
    clause names itself ("the SDF said 8 civilians were killed; Turkey's defence ministry said
    15 terrorists were neutralised": two claimants), else the sentence's."""
    for cm in find_claimants(text, start, end):
        if _ANAPHORS.match(cm.name.lower()) or (
            sentence.span is not None and sentence.span[0] == cm.start
        ):
            return sentence
        return Attribution(Claimant(cm.name, cm.type), (cm.start, cm.end))
    return sentence


def document_publisher(text: str, publisher: str | None, title: str | None = None) -> Source | None:
    """The publisher of a document: its `publisher` field, else a "Source:" line or a wire tag,
    else the source or party its first lines, or its title, name ("Statement from CENTCOM on
    …")."""
    src = lookup_source(publisher)
    if src is not None:
        return src
    if publisher and publisher.strip():
        # A party's own release ("U.S. Central Command", "Turkish Ministry of National
        # Defence") is the party speaking; any other unknown publisher is a medium.
        kind = "party_to_conflict" if claimant_type(publisher) == "party_to_conflict" else "media"
        return Source(publisher.strip(), kind)
    head = text[:400]
    # The agency in brackets follows the dateline's city ("BEIRUT (AFP) -"); a city in brackets
    # opening the line is an NGO's dateline ("(Beirut) – Syrian government forces …").
    m = re.search(r"\bSource:\s*\[?([^\]\n]{2,60})", head) or re.search(
        r"[\w.,][ \t]*\(([A-Z][A-Za-z]{1,15})\)\s*[-—–]", head
    )
    if m:
        return lookup_source(m.group(1)) or Source(m.group(1).strip(), "media")
    tail = text[-80:]
    # "… – SANA", "… on Saturday. ANHA", "(AFP)": the agency signing the end of the text.
    m = re.search(r"(?:[-—–]+|[.!?]|^)\s*\(?([A-Z][A-Za-z]+(?:\s?24)?)\)?\s*$", tail)
    if m:
        found = lookup_source(m.group(1))
        if found is not None:
            return found
    return _header_publisher(text) or (_header_publisher(title) if title else None)


# A party's office named in a header line ("U.S. Central Command", "SDF General Command").
_OFFICE = re.compile(
    r"\b(?:Command|Ministry|Forces|Army|Cent(?:re|er)|Office|Unit|Spokesperson|Spokesman|Council|"
    r"Federation|Defen[cs]e|Administration|Government|Headquarters|Task\s+Force|Coalition|"
    r"General\s+Staff|Directorate)\b"
)


# "Statement by the Ministry of …", "Press release from …": the office is the name.
_STATEMENT_BY = re.compile(
    r"(?:(?:joint|official|press|public)\s+)?(?:statements?|releases?|communiqu[eé]s?|"
    r"announcements?|readouts?|declarations?|notices?)\s+(?:by|of|from|issued\s+by)\s+(?:the\s+)?",
    re.IGNORECASE,
)
# Words that make a title-case line a headline about the office, not its name
# ("CENTCOM Forces Strike ISIS Camps", "Ministry of Defence Denies Reports").
_HEADLINE_VERB = re.compile(
    r"\b(?:strikes?|struck|hits?|kills?|killed|targets?|targeted|shells?|shelled|bombs?|bombed|"
    r"attacks?|attacked|says?|said|denies|denied|admits?|admitted|confirms?|confirmed|"
    r"announces?|announced|condemns?|condemned|conducts?|conducted|launch(?:es)?|launched|"
    r"repels?|repelled|destroys?|destroyed|neutrali[sz]es?|neutrali[sz]ed|rejects?|rejected|"
    r"accuses?|accused|warns?|warned|calls?|responds?|releases?|reports?|reported|claims?)\b",
    re.IGNORECASE,
)
# After a line's last office word only an "of/for …" complement may follow ("Ministry of
# Defence of the Russian Federation", "Centre for Reconciliation of Opposing Parties").
_OFFICE_TAIL = re.compile(r"(?:\s+(?:of|for|on|and|the|in)\b(?:\s+[\w'’.&()-]+)*)?\s*$")


def _office_name(line: str) -> str | None:
    """The party's office a header line names ("U.S. Central Command", "Statement by the
    Ministry of Foreign Affairs" → "Ministry of Foreign Affairs"), or None when the line is
    not such a name (a headline about the office, a sentence)."""
    m = _STATEMENT_BY.match(line)
    name = line[m.end() :].strip() if m else line
    offices = list(_OFFICE.finditer(name))
    if not offices or _HEADLINE_VERB.search(name):
        return None
    if not _OFFICE_TAIL.fullmatch(name, offices[-1].end()):
        return None
    if not is_heading_line(name) or claimant_type(name) != "party_to_conflict":
        return None
    return name


# A statement's lead-in at a line's start, before its text: "CJTF-OIR statement: On Oct. 19 …",
# "Statement from the Turkish Ministry of National Defence: …", "SDF Media Center: …".
_LEAD_IN = re.compile(
    r"(?:(?:joint|official|press|public)\s+)?(?:statement|press\s+release|communiqu[eé])\s+"
    r"(?:by|from|of|issued\s+by)\s+(?:the\s+)?(?P<by>[^:\n]{2,70}?)\s*:\s|"
    r"(?P<name>[A-Z][^:\n]{1,60}?)\s+(?:statement|press\s+release|communiqu[eé]|said|says)\s*:\s",
    re.IGNORECASE,
)


_SPOKESPERSON_FOR = re.compile(
    r"Spokes(?:person|man|woman)\s+(?:for|of)\s+(?:the\s+)?(?P<org>[^:\n]{2,80}?)\s*:",
    re.IGNORECASE,
)


def _named_source(name: str) -> Source | None:
    """The source a lead-in names: a known source, else a party's name (its office or force)."""
    known = source_named_by(name)
    if known is not None:
        return known
    if claimant_type(name) == "party_to_conflict":
        return Source(name.strip(), "party_to_conflict")
    return None


# A record's labelled field: "Belligerent: …", "Suspected perpetrator: …", "Location: …".
_FIELD_LINE = re.compile(
    r"(?:(?:alleged|suspected|reported|likely)\s+)?(?:belligerents?|perpetrators?|actors?|"
    r"attackers?|parties|party|location|place|date|target|weapons?|munitions?|strike\s+type|"
    r"incident|summary|grading|status|victims?|civilians?|spokes(?:person|man|woman)|speaker|"
    r"author|by)\b[^:\n]{0,30}:\s",
    re.IGNORECASE,
)


def _header_publisher(text: str) -> Source | None:
    """The publisher a capture names on its first lines: a line that is a known source's name,
    or a line in title case naming a party's office ("U.S. Central Command", "Ministry of
    Defence of the Russian Federation", "SDF General Command", "Statement by the Ministry of
    Foreign Affairs"); a headline about an office ("CENTCOM Forces Strike ISIS Camps") names
    nobody."""
    lines = [ln.strip() for ln in text[:600].splitlines() if ln.strip()][:5]
    for line in lines:
        spokes = _SPOKESPERSON_FOR.match(line)
        if spokes is not None:
            # a briefing's header: "Spokesperson for the UN High Commissioner for Human
            # Rights: Jeremy Laurence" — the office speaks ("We are deeply alarmed …")
            speaking = source_named_by(spokes.group("org"))
            if speaking is not None:
                return speaking
        lead = _LEAD_IN.match(line)
        if lead is not None:
            named = _named_source(lead.group("by") or lead.group("name"))
            if named is not None:
                return named
        titled = _TITLE_OF_REPORT.match(line)
        if titled is not None:
            # "PCHR Weekly Report On Israeli Human Rights Violations (13 - 19 May 2021)": the
            # report's author, dates and all
            author = source_named_by(titled.group("name"))
            if author is not None and author.type in _AUTHOR_TYPES:
                return author
        if len(line) > 120 or any(c.isdigit() for c in line):
            continue
        known = source_named_by(line) if len(line) <= 80 else None
        if known is None and len(line) <= 120 and " | " in line:
            # an account named in two scripts: "Syrian Civil Defense | الدفاع المدني السوري"
            known = next((k for part in line.split(" | ") if (k := source_named_by(part))), None)
        if known is not None:
            return known
        if _FIELD_LINE.match(line):
            continue  # a record's field ("Belligerent: Russian Military") names who acted
        office = _office_name(line)
        if office is not None:
            return Source(office, "party_to_conflict")
        by = _STATEMENT_BY.match(line)
        party = _party_line(line[by.end() :] if by else line)
        if party is not None:
            return Source(party, "party_to_conflict")
        about = (
            _STATEMENT_ON.match(line)
            or _STATEMENT_FROM_ON.match(line)
            or _REPORT_OF.fullmatch(line)
        )
        if about is not None and (named := _named_source(about.group("name"))) is not None:
            return named
    return None


# A title that opens with its author's name and says what it is: "PCHR Weekly Report On …",
# "SNHR Monthly Report: …", "Al Mezan Press Release: …"; only investigators and parties author
# their reports this way (an outlet's name before "report" is a headline about its reporting).
_TITLE_OF_REPORT = re.compile(
    r"(?P<name>[^:\n]{2,60}?)\s+(?:(?:monthly|annual|quarterly|weekly|daily|special|field|"
    r"periodic|flash|situation|incident|humanitarian|press)\s+)?(?:report|bulletin|update|press\s+release|statement|briefing)"
    r"(?:\s+notes?)?\b",
    re.IGNORECASE,
)
_AUTHOR_TYPES = frozenset({"ngo", "monitor", "un", "party_to_conflict"})

# A report's title naming its author: "Operation Inherent Resolve Monthly Civilian Casualty
# Report", "CJTF-OIR civilian casualty assessment".
_REPORT_OF = re.compile(
    r"(?P<name>[^:\n]{2,60}?)\s+(?:monthly\s+|annual\s+|quarterly\s+|weekly\s+)?"
    r"(?:civilian\s+casualt(?:y|ies)\s+)(?:report|assessment|update|release)\s*",
    re.IGNORECASE,
)


# A release's headline naming its author before what it is about: "CENTCOM Statement on Raid in
# Northeast Syria", "Ministry of Defence statement regarding the events in Idlib".
_STATEMENT_ON = re.compile(
    r"(?P<name>[^:\n]{2,60}?)\s+(?:statement|press\s+release|communiqu[eé]|readout)\s+"
    r"(?:on|about|regarding|concerning|following|after|over|in\s+response\s+to)\b",
    re.IGNORECASE,
)


# The same with its author after it: "Statement from CENTCOM on counterterrorism raid in northwest
# Syria", "Press release by the Ministry of Defence regarding …".
_STATEMENT_FROM_ON = re.compile(
    r"(?:(?:joint|official|press|public)\s+)?(?:statement|press\s+release|communiqu[eé]|readout)\s+"
    r"(?:by|from|of)\s+(?:the\s+)?(?P<name>[^:\n]{2,60}?)\s+(?:on|about|regarding|concerning|"
    r"following|after|over|in\s+response\s+to)\b",
    re.IGNORECASE,
)


# "IDF", "CENTCOM statement", "Somalia: US AFRICOM statement", "Combined Joint Task Force –
# Operation Inherent Resolve": a header line that is a party's name and nothing else.
_PARTY_LINE = re.compile(
    r"(?:[A-Z][a-z]+:\s*)?(?:the\s+)?(?P<name>.+?)"
    r"(?:\s+(?:statement|press\s+release|communiqu[eé]|news\s+release))?\s*",
    re.IGNORECASE,
)


_ATTACK_WORD = re.compile(
    r"(?:war)?planes?|jets?|drones?|aircraft|helicopters?|strikes?|airstrikes?|raids?|shelling|"
    r"artillery|missiles?|rockets?|attacks?",
    re.IGNORECASE,
)


def _party_line(line: str) -> str | None:
    """The party a header line consists of, by any name the actor table knows it by."""
    m = _PARTY_LINE.fullmatch(line)
    if m is None:
        return None
    name = m.group("name")
    words = re.findall(r"[A-Za-z][\w'’-]*", name)
    if not words or any(w[0].islower() and w not in ("of", "for", "the", "and") for w in words):
        return None  # a phrase ("Russian warplanes"), not a name
    if _ATTACK_WORD.fullmatch(words[-1]):
        return None  # "Russian Warplanes": a force, not an office that speaks
    actors = find_actors(name)
    if (
        len(actors) != 1
        or actors[0].group == "unknown"
        or (actors[0].start, actors[0].end) != (0, len(name))
        or claimant_type(name) != "party_to_conflict"
    ):
        return None
    return name


_LEDE_SENTENCES = 4


def _investigator_voice(
    own: Sequence[Attribution | None], publisher: Source | None
) -> Attribution | None:
    """The voice of an investigating organisation's report: its publisher when that is an NGO,
    a monitor or the UN, else the organisation the lede credits."""
    if publisher is not None and publisher.type in _INVESTIGATOR_TYPES:
        return Attribution(Claimant(publisher.name, publisher.type), None)
    lede = next((a for a in own[:_LEDE_SENTENCES] if a is not None), None)
    if lede is not None and lede.claimant.type in _INVESTIGATOR_TYPES and lede.claimant.name:
        return Attribution(Claimant(lede.claimant.name, lede.claimant.type), None)
    return None


def _cites_witnesses(c: Claimant) -> bool:
    """Whether a claimant is people who saw or lived it ("two witnesses and the facility's
    director", "witnesses and local officials", "residents")."""
    first = re.split(r"\s+(?:and|&)\s+", c.name or "", maxsplit=1)[0]
    return bool(first) and claimant_type(first) == "witness"


def attribute(
    text: str,
    sentences: Sequence[Sentence],
    *,
    title_index: int | None = None,
    publisher: Source | None = None,
) -> list[Attribution]:
    """The governing claimant of each sentence (same order as `sentences`)."""
    quotes = quote_regions(text)
    people: dict[str, Claimant] = {}
    own: list[Attribution | None] = []
    last: Claimant | None = None
    for s in sentences:
        found = None
        for cm in find_claimants(text, s.start, s.end):
            # An attribution inside a quotation belongs to the quoted speaker, not to this level.
            if any(q0 < cm.start and cm.end < q1 for q0, q1 in quotes) and not any(
                q0 <= s.start and s.end <= q1 for q0, q1 in quotes
            ):
                continue
            resolved = _resolve(cm.name, cm.type, last, people)
            if resolved is None:
                continue
            if last is None and _ANAPHORS.match(resolved.name or ""):
                resolved = _named_before(text, cm.start, resolved)
            elif resolved is last and _names_another_body(cm.name, last):
                # "… killed two members of the Syriac Military Council …, the council said" after
                # a medical source spoke: the council named before, not the last speaker
                body = _named_before(text, cm.start, Claimant(cm.name, cm.type), any_kind=True)
                if body.name != cm.name:
                    resolved = body
            statement = _statement(text, s.start, s.end)
            if statement and resolved.statement is None:
                resolved = Claimant(resolved.name, resolved.type, statement)
            found = Attribution(resolved, (cm.start, cm.end))
            break
        if found is not None:
            last = found.claimant
            for w in (found.claimant.name or "").split():
                if w[:1].isupper() and len(w) > 3 and found.claimant.type != "unknown":
                    people.setdefault(w.lower(), found.claimant)
        own.append(found)

    # An investigating organisation's report (its own publication, or a lede crediting it: "…,
    # Human Rights Watch said today") tells its own findings: the witnesses it cites ("according
    # to two witnesses and the facility's director") are its evidence, not the claimant.
    voice = _investigator_voice(own, publisher)
    if voice is not None:
        own = [a if a is None or not _cites_witnesses(a.claimant) else voice for a in own]

    # A quotation spanning several sentences takes the attribution found in any of them: each
    # of its sentences is the speaker's own words (its denials and admissions are the speaker's).
    for q0, q1 in quotes:
        inside = [i for i, s in enumerate(sentences) if s.end > q0 and s.start < q1]
        if len(inside) < 2:
            continue
        named = next((own[i] for i in reversed(inside) if own[i] is not None), None)
        if named is None:
            continue
        for i in inside:
            if own[i] is None:
                own[i] = Attribution(named.claimant, named.span)

    fallback = Claimant(publisher.name, publisher.type) if publisher is not None else Claimant()
    out: list[Attribution] = []
    current: Attribution | None = None
    investigator = publisher is not None and publisher.type in _INVESTIGATOR_TYPES
    for i, a in enumerate(own):
        if (
            investigator
            and i > 0
            and (
                re.search(r"\n[ \t]*\n", text[sentences[i - 1].end : sentences[i].start])
                # a capture with one line break between paragraphs
                or (
                    "\n" in text[sentences[i - 1].end : sentences[i].start]
                    and sentences[i - 1].text.rstrip().endswith((".", "!", "?", '."', ".”"))
                )
            )
        ):
            current = None  # an NGO's or a monitor's new paragraph speaks in its own voice again
        if a is None and _is_heading(text, sentences[i]):
            current = None  # a section's heading ("Background"): what follows is a new account
        if a is not None:
            current = a
            out.append(a)
            continue
        if i == title_index or (title_index is not None and i < title_index):
            lede = next((x for x in own[i + 1 : i + 4] if x is not None), None)
            if lede is not None:
                out.append(Attribution(lede.claimant, lede.span, inherited=True))
                continue
        if current is not None and i != title_index:
            out.append(Attribution(current.claimant, current.span, inherited=True))
        else:
            out.append(Attribution(fallback, None, inherited=True))
    return out


def _is_heading(text: str, s: Sentence) -> bool:
    """Whether the sentence is a heading alone on its line: a few words with no end mark."""
    words = s.text.split()
    return (
        0 < len(words) <= 6
        and not s.text.rstrip().endswith((".", "!", "?", ":", '"', "”", "»", "؟"))
        and text[max(0, s.start - 1) : s.start] in ("", "\n")
        and text[s.end : s.end + 1] in ("", "\n")
        and not any(c.isdigit() for c in s.text)
    )


__all__ = [
    "Attribution",
    "Source",
    "StanceCue",
    "attribute",
    "claimant_type",
    "clause_attribution",
    "document_publisher",
    "find_claimants",
    "find_sources",
    "is_anaphor",
    "own_act",
    "quote_regions",
    "same_claimant",
    "stance_cues",
]
