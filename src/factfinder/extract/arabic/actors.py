"""Arabic actors, claimants and stance cues.

`find_actors` names the armed parties of a clause in the groups of the claim format, with
their role. Arabic puts the attacker after the attack noun ("قصف قوات النظام", "غارة للطيران
الروسي", "طائرة مسيرة تابعة للاحتلال التركي") or makes it the subject of an attack verb
("الاحتلال التركي يستهدف"); it marks the harmed side by the noun before it ("عناصر من قوات
النظام", "مواقع لقسد", "في صفوف"). The nearest of these words before the name decides; a name
next to a reporting verb ("أعلنت قسد", "بحسب المرصد") is a claimant; otherwise, in a clause
that names an attack, the party is taken as its perpetrator. A nation adjective after an
attack or platform noun names the attacker too ("طائرة مسيرة تركية", "غارات روسية").

`find_claimant` reads who a sentence attributes its statement to, with the claimant type;
`find_stance` marks denials ("نفى", "لا صحة", "ادعاءات") and admissions ("قواتنا", "اعترف").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from factfinder.arabic import fold_key, strip_clitics
from factfinder.extract.actors import AIR_ONLY_GROUPS
from factfinder.extract.arabic.lexicon import (
    ACTORS,
    ADMITS,
    ALLY,
    ANNOUNCE_VERBS,
    ANNOUNCED_ACTS,
    ATTACK_VERBS,
    ATTACK_WORDS,
    BETWEEN_ACTOR_AND_ROLE,
    CLAIMANTS,
    DAY_WORDS,
    DENIES,
    EVENT_CUES,
    HEDGES,
    MEDIA_HEADS,
    MEMBERS,
    NATION_ADJECTIVES,
    NATION_HEADS,
    NATION_PLURALS,
    NEUTRAL_BEFORE,
    OCCUPIED_BY_ISRAEL,
    OCCUPIER,
    OUTCOME_BEFORE,
    REPORT_VERBS,
    REPORT_VERBS_PRESENT,
    RUN_OVER,
    SOURCE,
    SUPPORT,
    VEHICLES,
    VICTIM_BEFORE,
    WEEKDAYS,
)
from factfinder.extract.arabic.text import ArabicText, Lexicon, Match
from factfinder.mentions import ActorMention

_OCCUPIER = "occupier"  # resolved per document, never a group of a claim
_ACTORS: Lexicon[str] = Lexicon({**{w: _OCCUPIER for w in OCCUPIER}, **ACTORS})
_NATIONS: Lexicon[str] = Lexicon({**NATION_ADJECTIVES, **NATION_PLURALS}, clitics=False)
_OCCUPIED_BY_ISRAEL = frozenset(fold_key(w) for w in OCCUPIED_BY_ISRAEL)
_VICTIM_WORDS: Lexicon[bool] = Lexicon({w: True for w in VICTIM_BEFORE})
_MEMBERS: Lexicon[bool] = Lexicon({w: True for w in MEMBERS})
_AREA_OR_MEDIA: Lexicon[bool] = Lexicon({w: True for w in NEUTRAL_BEFORE})
_HARM: Lexicon[str] = Lexicon(OUTCOME_BEFORE)
_ATTACK_WORDS: Lexicon[bool] = Lexicon({w: True for w in ATTACK_WORDS})
_TYPED: Lexicon[bool] = Lexicon({p: True for p, t, w in EVENT_CUES if t != "unknown" and w >= 0.5})
_REPORT: Lexicon[bool] = Lexicon({w: True for w in REPORT_VERBS + REPORT_VERBS_PRESENT})
_ATTACK_VERBS: Lexicon[bool] = Lexicon({w: True for w in ATTACK_VERBS})
_CLAIMANTS: Lexicon[str] = Lexicon(CLAIMANTS)
_MEDIA_HEADS = frozenset(fold_key(w) for w in MEDIA_HEADS)
_NEUTRAL = frozenset(fold_key(w) for w in BETWEEN_ACTOR_AND_ROLE)
_DENIES: Lexicon[bool] = Lexicon({w: True for w in DENIES})
_ADMITS: Lexicon[bool] = Lexicon({w: True for w in ADMITS})
_NATION_HEADS = frozenset(fold_key(w) for w in NATION_HEADS)
_SUPPORT = frozenset(fold_key(w) for w in SUPPORT)
_ALLY = frozenset(fold_key(w) for w in ALLY)
_SYRIAN = frozenset(fold_key(w) for w in ("السوري", "السورية"))
_KILLING_OF = frozenset(fold_key(w) for w in ("مقتل", "مصرع", "تحييد"))
_OWN_STRIKE = frozenset(fold_key(w) for w in ("غارة", "غارات", "ضربة", "ضربات", "عملية", "استهداف"))
# "شاركت وحدات من القوات العراقية في العملية": a force that took part in another's operation is
# its partner, not the party the operation is laid on.
_PARTAKE = frozenset(fold_key(w) for w in ("شارك", "شاركت", "يشارك", "تشارك", "شاركوا"))
_VEHICLES = frozenset(fold_key(w) for w in VEHICLES)
_RUN_OVER = frozenset(fold_key(w) for w in RUN_OVER)
_SOURCE = frozenset(fold_key(w) for w in SOURCE)
_ANNOUNCED: Lexicon[bool] = Lexicon({w: True for w in ANNOUNCED_ACTS})
_ANNOUNCE = frozenset(fold_key(w) for w in ANNOUNCE_VERBS)
# a day told between an announcement and its act: "أعلنت الوزارة، الأربعاء، تحييد …"
_WHEN = frozenset(fold_key(w) for w in (*WEEKDAYS, *DAY_WORDS))
_PRESENT = frozenset(fold_key(w) for w in REPORT_VERBS_PRESENT)
_THAT = frozenset(fold_key(w) for w in ("أن", "إن", "بأن", "وأن", "وإن"))
_THAT_IT = frozenset(fold_key(w) for w in ("أنها", "أنه", "انها", "انه", "أنهم"))
_HEDGES = frozenset(fold_key(w) for w in HEDGES)
_DASHES = frozenset(("-", "–", "—", "|"))
_CLAUSE_MARKS = frozenset({".", ":", "،", ",", "#", "|", "-", "!", "؟", "?"})


def _said_before(at: ArabicText, a: int, lo: int, words: frozenset[str], reach: int) -> bool:
    """Whether one of `words` stands within `reach` tokens before token `a`."""
    return any(r in words for x in range(max(lo, a - reach), a) for r in strip_clitics(at.w(x)))


def occupier(at: ArabicText) -> str | None:
    """The one party a document calls "the occupation" in full ("الاحتلال التركي"), if any:
    a bare "الاحتلال" elsewhere in it means that party. A document that names no occupier in
    full but is about Gaza, the West Bank or Lebanon ("قطاع غزة", "الضفة الغربية", "جنوب
    لبنان") means Israel by it, as Palestinian and Lebanese sources write."""
    groups = set()
    palestine = False
    for k, t in enumerate(at.toks):
        if t.w.endswith("الاحتلال") and k + 1 < len(at.toks):
            n = k + 2 if at.w(k + 1) == "#" else k + 1  # "الاحتلال #التركي"
            m = _NATIONS.first(at.toks, n) if n < len(at.toks) else None
            if m is not None:
                groups.add(m.value)
        elif not palestine:
            palestine = any(r in _OCCUPIED_BY_ISRAEL for r in strip_clitics(t.w))
    if not groups and palestine:
        return "israel"
    return groups.pop() if len(groups) == 1 else None


Role = Literal["perpetrator", "victim", "claimant", "other"]


def _role_before(at: ArabicText, i: int, lo: int) -> Role | None:
    """The role cast by the nearest word before token `i` (up to three words back)."""
    k, seen = i - 1, 0
    while k >= lo and seen < 3:
        if any(r in _PARTAKE for r in strip_clitics(at.w(k))):
            return "other"
        if at.w(k) in _THAT:
            return None  # "ذكر مراسلنا أن الاحتلال استأنف قصفه": the reported clause's subject
        if at.w(k) in _NEUTRAL and any(
            m.j == k + 1 for m in _ATTACK_WORDS.at(at.toks, max(lo, k - 1), k + 1)
        ):
            return "perpetrator"  # "غارات على القرية من قبل قوات النظام": the agent
        if at.w(k) in _NEUTRAL or at.w(k) == "#":
            k -= 1  # a hashtag's mark: "من قبل الاحتلال #الروسي"
            continue
        for a in range(max(lo, k - 2), k + 1):
            if any(m.j == k + 1 for m in _REPORT.at(at.toks, a, k + 1)):
                return "claimant"
            if any(m.j == k + 1 for m in _AREA_OR_MEDIA.at(at.toks, a, k + 1)):
                # "قصف مصدره مناطق سيطرة قسد": the area the shelling came from
                return "perpetrator" if _said_before(at, a, lo, _SOURCE, 1) else "other"
            if any(m.j == k + 1 for m in _VICTIM_WORDS.at(at.toks, a, k + 1)):
                if _said_before(at, a, lo, _SOURCE, 1):
                    return "perpetrator"  # "صواريخ مصدرها قاعدة التحالف"
                if any(r in _VEHICLES for r in strip_clitics(at.w(a))) and _said_before(
                    at, a, lo, _RUN_OVER, 4
                ):
                    return "perpetrator"  # "توفيت طفلة دهساً بمدرعة تركية"
                return "victim"
            if any(m.j == k + 1 for m in _MEMBERS.at(at.toks, a, k + 1)):
                # "مقتل 3 عناصر من" / "إصابة جنديين": harmed; "قيام جنود الجيش بإطلاق": acting
                if a > lo and any(m.j == a for m in _ATTACK_WORDS.at(at.toks, a - 1, a)):
                    return "perpetrator"  # "مقتل طفل برصاص عناصر قسد": the members fired
                back = range(max(lo, a - 3), a)
                if any(at.w(x)[:1].isdigit() or _HARM.first(at.toks, x, a) for x in back):
                    return "victim"
                return None
            if any(m.j == k + 1 for m in _ATTACK_WORDS.at(at.toks, a, k + 1)):
                return "perpetrator"
            if a == k and _ATTACK_VERBS.first(at.toks, k, k + 1) is not None:
                return "perpetrator"  # the subject after its verb: "استهدف الجيش التركي قرية"
        k -= 1
        seen += 1
    return None


def _counted_members(at: ArabicText, i: int, j: int, lo: int) -> bool:
    """Whether the party's name at tokens `[i, j)` opens with its members and a count or a harm
    comes right before: "مقتل 6 من عناصر داعش" (the members are the dead, not the attackers)."""
    if _MEMBERS.first(at.toks, i, j) is None:
        return False
    back = range(max(lo, i - 3), i)
    return any(at.w(x)[:1].isdigit() or _HARM.first(at.toks, x, i) for x in back)


def _announces_act(at: ArabicText, v0: int, v1: int, k: int, hi: int, *, air: bool = False) -> bool:
    """Whether tokens `[v0, v1)` are a verb of announcing ("أعلن", "تبنى") or a speaker's colon
    ("وزارة الدفاع التركية: تحييد …") and token `k` an act the announcer carried out
    ("مهاجمة", "استهداف", "تنفيذ"). An act followed by another
    party ("أعلنت قسد استهداف الاحتلال التركي لقرية") is that party's, told by the announcer."""
    if not (
        (v1 == v0 + 1 and at.w(v0) == ":")
        or any(r in _ANNOUNCE for x in range(v0, v1) for r in strip_clitics(at.w(x)))
    ):
        return False
    while k < hi and (at.w(k) in (",", "،") or at.w(k) in _WHEN):
        k += 1  # "أعلنت وزارة الدفاع، الأربعاء، تحييد …": the day between
    if k < hi and at.w(k) == "عن":
        k += 1  # "أعلن التحالف عن تنفيذ غارة"
    short = _ACTORS.first(at.toks, k, hi) if k < hi else None
    if short is not None and short.i == k:
        k = short.j  # its short name after the full one: "القيادة المركزية الأمريكية "سنتكوم""
    act = _ANNOUNCED.first(at.toks, k, hi) if k < hi else None
    if act is None:
        if air and k < hi and at.w(k) in _KILLING_OF and at.w(v0) != ":":
            # "أعلنت سنتكوم مقتل قيادي في داعش بغارة جوية": the dead of the announcer's own
            # strike, when it strikes only from the air (the party after "مقتل" is the
            # dead's), unless another party struck
            # ("أعلنت قسد مقتل 3 مدنيين بقصف تركي")
            window = range(k + 1, min(hi, k + 9))
            strike = next(
                (x for x in window if any(r in _OWN_STRIKE for r in strip_clitics(at.w(x)))), None
            )
            return strike is not None and not any(
                _ACTORS.first(at.toks, x, hi) or _NATIONS.first(at.toks, x, hi)
                for x in range(strike, min(hi, strike + 4))
            )
        return False
    return not any(
        _ACTORS.first(at.toks, x, hi) or _NATIONS.first(at.toks, x, hi)
        for x in range(act.j, min(hi, act.j + 3))
    )


def announced_acts(at: ArabicText, start: int, end: int) -> list[tuple[int, int]]:
    """The verbs with which a party announces its own act in the original `text[start:end]`
    ("الجيش الإسرائيلي يعلن مهاجمة …", "أعلن الجيش استهداف …", "تبنى التنظيم الهجوم"): an
    admission by the party that announces."""
    i0, i1 = at.tokens_in(start, end)
    out = []
    for v in range(i0, i1):
        if at.w(v) != ":" and not any(r in _ANNOUNCE for r in strip_clitics(at.w(v))):
            continue
        party = _ACTORS.first(at.toks, v + 1, i1)
        before = v > i0 and any(
            m.j == v and m.value not in ("unknown", _OCCUPIER)
            for x in range(max(i0, v - 4), v)
            for m in _ACTORS.at(at.toks, x, v)
        )
        if at.w(v) == ":" and not (before and v - i0 <= 5):
            continue  # a speaker's colon announces only at the head of a sentence
        if (before and _announces_act(at, v, v + 1, v + 1, i1)) or (
            party is not None
            and party.value not in ("unknown", _OCCUPIER)
            and _announces_act(at, v, v + 1, party.j, i1)
        ):
            out.append(at.span(v, v + 1))
    return out


def _role_after(at: ArabicText, j: int, hi: int) -> Role | None:
    for k in range(j, min(hi, j + 2)):
        verb = _REPORT.first(at.toks, k, hi)
        if verb is not None:
            if _announces_act(at, verb.i, verb.j, verb.j, hi):
                return "perpetrator"  # "الجيش الإسرائيلي يعلن مهاجمة …": its own act
            return "claimant"
        if _ATTACK_VERBS.first(at.toks, k, hi) is not None:
            return "perpetrator"
    return None


def find_actors(
    at: ArabicText, start: int, end: int, *, occupied_by: str | None = None
) -> list[ActorMention]:
    """The armed parties named in the original `text[start:end]`, with their roles;
    `occupied_by` is the party a bare "الاحتلال" means in this document (`occupier`)."""
    i0, i1 = at.tokens_in(start, end)
    typed = bool(_TYPED.scan(at.toks, i0, i1))
    out: list[ActorMention] = []
    for m in _ACTORS.scan(at.toks, i0, i1):
        if m.value == _OCCUPIER:
            if occupied_by is None:
                continue
            m = Match(m.i, m.j, occupied_by, m.clitic)
        role = (
            "victim"
            if _counted_members(at, m.i, m.j, i0)
            else _role_before(at, m.i, i0) or _role_after(at, m.j, i1)
        )
        if (
            role in (None, "claimant")
            and m.i > i0
            and _announces_act(at, m.i - 1, m.i, m.j, i1, air=m.value in AIR_ONLY_GROUPS)
        ):
            role = "perpetrator"  # "أعلن الجيش الإسرائيلي استهداف …": its own act
        a, b = at.phrase_span(m)
        if out and out[-1].role == "claimant" and not at.text[out[-1].end : a].strip(_QUOTES + " "):
            role = "claimant"  # the claimant's short name after its full one: "… (قسد)"
        elif (
            out
            and out[-1].group == m.value
            and out[-1].role in ("victim", "perpetrator")
            and not at.text[out[-1].end : a].strip(_QUOTES + " (")
        ):
            # the party's short name in brackets after its full one: "قتل أربعة عناصر من قوات
            # سوريا الديمقراطية (قسد) بقصف …" (the dead's party, not the attacker)
            role = out[-1].role
        elif at.w(m.j) == ":" and m.i - i0 <= 1:
            # a headline's speaker: "قسد: عدوان تركي …"; its own act after the colon makes it
            # the attacker too: "وزارة الدفاع التركية: تحييد 7 إرهابيين"
            own = m.value not in ("unknown", _OCCUPIER)
            role = (
                "perpetrator"
                if own and _announces_act(at, m.j, m.j + 1, m.j + 1, i1)
                else "claimant"
            )
        if role is None:
            role = "perpetrator" if typed else "other"
        if (
            role == "other"
            and out
            and out[-1].role == "perpetrator"
            and (
                at.w(m.i).startswith("و")
                or at.w(m.i - 1) == "و"
                or (at.w(m.i - 1) == "#" and at.w(m.i - 2) == "و")
            )
        ):
            role = "perpetrator"  # "قوات النظام وروسيا", "قوات النظام و #روسيا": joined
        out.append(ActorMention(a, b, at.text[a:b], m.value, role))
    taken = [(x.start, x.end) for x in out]
    for m in _NATIONS.scan(at.toks, i0, i1):
        a, b = at.span(m.i, m.j)
        if any(x < b and a < y for x, y in taken):
            continue
        role = _role_before(at, m.i, i0)
        if role not in ("perpetrator", "victim"):
            # the noun the adjective qualifies: "غارات روسية", "قصف مدفعي تركي", "الاحتلال #الروسي"
            head = m.i - 2 if at.w(m.i - 1) == "#" else m.i - 1
            end = m.i
            if at.w(head) in _THAT_IT and at.w(head - 1) in _HEDGES:
                head -= 2  # "طائرات حربية يرجح أنها روسية": the adjective is the hedge's
                end = head + 1
            if any(r in _NATION_HEADS for r in strip_clitics(at.w(head))) or any(
                _TYPED.first(at.toks, k, end) for k in range(max(i0, end - 3), end)
            ):
                role = "perpetrator"
            else:
                continue
        out.append(ActorMention(a, b, at.text[a:b], m.value, role))
    # "الطيران السوري والروسي": the Syrian adjective (no party by itself) and another nation's
    # joined after one attacking force; the other nation is the attacker named
    for k in range(max(i0 + 1, 1), i1 - 1):
        if at.w(k) not in _SYRIAN or not at.w(k + 1).startswith("و"):
            continue
        if not any(r in _NATION_HEADS for r in strip_clitics(at.w(k - 1))):
            continue
        group = _NATIONS.first([at.toks[k + 1]._replace(w=at.w(k + 1)[1:])], 0)
        a, b = at.span(k + 1, k + 2)
        if group is None or any(x.start < b and a < x.end for x in out):
            continue
        out.append(ActorMention(a + 1, b, at.text[a + 1 : b], group.value, "perpetrator"))
    # "طيران النظام السوري والروسي": a nation adjective joined to an attacker's name
    for prev in [x for x in out if x.role == "perpetrator"]:
        _, k = at.tokens_in(prev.start, prev.end)
        if at.w(k) in ("السوري", "السوريه"):
            k += 1
        ally = at.w(k) in _ALLY  # "طيران الأسد وحليفه الروسي"
        k += ally
        # "الطيران الحربي السوري الروسي المشترك": the Syrian air force's name and a second
        # nation's adjective right after it, joined without "و"
        bare = not ally and k > 0 and at.w(k - 1) in _SYRIAN and at.w(k) not in _SYRIAN
        bare = bare and k < i1 and _NATIONS.first([at.toks[k]], 0) is not None
        w = at.w(k) if ally or bare else at.w(k)[1:]
        if k >= i1 or not (ally or bare or at.w(k).startswith("و")):
            continue
        group = _NATIONS.first([at.toks[k]._replace(w=w)], 0)
        a, b = at.span(k, k + 1)
        a += 0 if ally or bare else 1
        if group is None:
            continue
        out = [x for x in out if not (x.start < b and a < x.end)]
        out.append(ActorMention(a, b, at.text[a:b], group.value, "perpetrator"))
    out.sort(key=lambda x: x.start)
    return _air_first(at, _sdf_air_support(at, out, i1))


_AIRCRAFT = frozenset(
    fold_key(w)
    for w in (
        "طيران",
        "طائرة",
        "طائرات",
        "مروحي",
        "مروحية",
        "مروحيات",
        "مسيرة",
        "مسيرات",
        "مسير",
    )
)
_AIR_FILLERS = frozenset(fold_key(w) for w in ("من", "جوي", "الحربي", "المروحي", "المسير"))


def _sdf_air_support(at: ArabicText, out: list[ActorMention], hi: int) -> list[ActorMention]:
    """An SDF operation "supported by" aircraft that no party is named for ("نفذت قسد حملة
    دهم بمساندة الطيران المروحي", "بغطاء من طائرة مسيرة"): the SDF has no aircraft, and the
    aircraft that fly for it are the US-led coalition's, the air party of the operation."""
    for a in [x for x in out if x.group == "sdf_ypg" and x.role == "perpetrator"]:
        _, j = at.tokens_in(a.start, a.end)
        for k in range(j, min(hi, j + 8)):
            if at.w(k) in (".", ":", "!", "?"):
                break
            if at.w(k) not in _SUPPORT:
                continue
            x = k + 1
            while x < hi and x < k + 3 and at.w(x) in _AIR_FILLERS:
                x += 1
            if x >= hi or not any(r in _AIRCRAFT for r in strip_clitics(at.w(x))):
                break
            if any(m.i == x + 1 for m in _ACTORS.at(at.toks, x + 1, hi)) or any(
                o.start >= at.span(x, x + 1)[0] and o.group != "sdf_ypg" for o in out
            ):
                break  # "بمساندة طيران التحالف": the party is named
            s0, s1 = at.span(x, x + 1)
            out = [*out, ActorMention(s0, s1, at.text[s0:s1], "us_led_coalition", "perpetrator")]
            out.sort(key=lambda m: m.start)
            break
    return out


def _air_first(at: ArabicText, actors: list[ActorMention]) -> list[ActorMention]:
    """Attackers named jointly ("غارات لطيران النظام وروسيا", "دورية مشتركة للتحالف وقسد") or
    a ground force "supported by" an air force ("قسد بمساندة طيران التحالف"): the party that
    fights only from the air comes first, as the more specific attribution."""
    out = list(actors)
    for k, b in enumerate(out):
        if b.group not in AIR_ONLY_GROUPS or b.role == "claimant":
            continue
        i, _ = at.tokens_in(b.start, b.end)
        words = [at.w(x) for x in range(max(0, i - 4), i)]
        supported = any(w in _SUPPORT or (w[:1] == "و" and w[1:] in _SUPPORT) for w in words)
        grounds = [
            n
            for n, a in enumerate(out[:k])
            if a.role == "perpetrator" and a.group not in AIR_ONLY_GROUPS and a.group != "unknown"
        ]
        prev = out[k - 1] if k else None
        joined = (
            prev is not None
            and prev.role == "perpetrator"
            and prev.group not in AIR_ONLY_GROUPS
            and prev.group != "unknown"
            and (
                _joins(at.text[prev.end : b.start])
                # "الطيران الحربي السوري الروسي": the second nation's adjective right after
                or (
                    not at.text[prev.end : b.start].strip()
                    and fold_key(prev.name.split()[-1]) in _SYRIAN
                )
            )
        )
        if supported and b.role in ("perpetrator", "other"):
            # "… بإسناد جوي من طيران التحالف": the air support of the incident's ground party
            b = ActorMention(b.start, b.end, b.name, b.group, "perpetrator", leads=True)
        elif joined and b.role == "perpetrator":
            b = ActorMention(b.start, b.end, b.name, b.group, "perpetrator", leads=True)
        out[k] = b
        if b.role == "perpetrator" and grounds and (supported or joined):
            first = grounds[0]
            out = out[:first] + [b] + [x for n, x in enumerate(out) if first <= n != k]
    return out


_QUOTES = "\"'“”«»#()"


def _joins(between: str) -> bool:
    """Whether the words between two parties join them as one attacker: "و", "وطائرات",
    "وحليفه" ("طيران الأسد وحليفه الروسي")."""
    words = between.strip(_QUOTES + " ").split()
    return bool(words) and len(words) <= 2 and (words[-1] == "و" or words[0].startswith("و"))


@dataclass(frozen=True, slots=True)
class ClaimantFound:
    start: int
    end: int
    name: str
    type: str
    cut: int | None  # end of "… إن/أن" after the reporting words, in the original text


def header_claimant(at: ArabicText) -> ClaimantFound | None:
    """The known source a post's first lines name alone, as a page or an account shows its
    name above the post ("الدفاع المدني السوري", "المرصد السوري لحقوق الإنسان")."""
    pos = 0
    for line in at.text[:400].split("\n")[:4]:
        start, pos = pos, pos + len(line) + 1
        if not line.strip():
            continue
        i0, i1 = at.tokens_in(start, start + len(line))
        if i1 - i0 > 8:
            continue
        # the name alone, or beside a place after a dash: "الدفاع المدني السوري - إدلب",
        # "غزة - وكالة وفا"
        dashes = [k for k in range(i0, i1) if at.w(k) in _DASHES]
        for at_i in [i0] + [k + 1 for k in dashes[:1] if k - i0 <= 2]:
            c = _CLAIMANTS.first(at.toks, at_i, i1)
            if c is None or c.clitic != 0:
                continue
            if c.j == i1 or (at_i == i0 and at.w(c.j) in _DASHES and i1 - c.j <= 4):
                a, b = at.span(c.i, c.j)
                return ClaimantFound(a, b, at.text[a:b], c.value, None)
    return None


def find_claimant(at: ArabicText, start: int, end: int) -> ClaimantFound | None:
    """Who the sentence `text[start:end]` attributes its statement to, if anyone."""
    i0, i1 = at.tokens_in(start, end)
    lead = _CLAIMANTS.first(at.toks, i0, i1)
    if lead is not None and lead.clitic == 0 and at.w(lead.j) == ":":
        # a source's name opening a post before a colon: "الدفاع المدني السوري: مقتل …"
        a, b = at.span(lead.i, lead.j)
        return ClaimantFound(a, b, at.text[a:b], lead.value, at.span(lead.j, lead.j + 1)[1])
    verbs = _REPORT.scan(at.toks, i0, i1)
    if not verbs:
        return None
    for v in verbs:
        who = None
        clitic = 0
        for k in range(v.j, min(i1, v.j + 3)):
            c = _CLAIMANTS.first(at.toks, k, i1)
            if c is not None:
                who = (c.i, c.j, c.value)
                break
            if at.w(k) in _MEDIA_HEADS or (at.w(k).startswith("ل") and at.w(k)[1:] in _MEDIA_HEADS):
                stop = min(i1, k + 3)
                e = k + 1
                while e < stop and at.w(e) not in (",", ".", ":", "ان", "بان", "انه", "انها"):
                    e += 1
                who = (k, e, "media")
                break
            p = _ACTORS.first(at.toks, k, i1) if k == v.j else None
            if p is not None and p.value not in ("unknown", _OCCUPIER):
                who = (p.i, p.j, "party_to_conflict")
                break
        if who is None:
            for k in range(max(i0, v.i - 4), v.i):
                c = _CLAIMANTS.first(at.toks, k, v.i)
                if c is not None and c.j >= v.i - 1:
                    who = (c.i, c.j, c.value)
                    clitic = int(c.clitic > 0 and at.w(c.i).startswith("و"))  # "وقسد تعلن"
                    break
        if who is None and any(r in _PRESENT for r in strip_clitics(at.w(v.i))):
            # a party opening a clause before its verb, as headlines put it: "هيئة تحرير الشام
            # تعلن …" (a party after a preposition, "مواقع لتنظيم الدولة تعلن", is not it)
            for k in range(max(i0, v.i - 5), v.i):
                p = _ACTORS.first(at.toks, k, v.i)
                if (
                    p is not None
                    and p.j == v.i
                    and p.value not in ("unknown", _OCCUPIER)
                    and at.w(p.i)[: p.clitic] in ("", "و")
                    and (p.i == i0 or at.w(p.i - 1) in _CLAUSE_MARKS)
                ):
                    who = (p.i, p.j, "party_to_conflict")
                    clitic = int(p.clitic > 0)  # "وقسد تعلن": the conjunction is not the name
                    break
        if who is None:
            continue
        a, b = at.span(who[0], who[1])
        a += clitic
        cut = None
        for k in range(max(v.j, who[1]), min(i1, who[1] + 8)):
            if at.w(k) in ("ان", "بان", "انه", "انها", ":"):
                cut = at.span(k, k + 1)[1]
                break
        return ClaimantFound(a, b, at.text[a:b].strip("“”\"' "), who[2], cut)
    return None


@dataclass(frozen=True, slots=True)
class StanceMention:
    """A word that sets the stance of the claim a sentence makes (CLAIMS.md `stance`)."""

    start: int
    end: int
    stance: Literal["denies", "admits"]


def find_stance(at: ArabicText, start: int, end: int) -> list[StanceMention]:
    """Denial and admission cues in the original `text[start:end]`."""
    i0, i1 = at.tokens_in(start, end)
    out: list[StanceMention] = []
    for m in _DENIES.scan(at.toks, i0, i1):
        a, b = at.span(m.i, m.j)
        out.append(StanceMention(a, b, "denies"))
    for m in _ADMITS.scan(at.toks, i0, i1):
        a, b = at.span(m.i, m.j)
        out.append(StanceMention(a, b, "admits"))
    out.extend(StanceMention(a, b, "admits") for a, b in announced_acts(at, start, end))
    out.sort(key=lambda s: s.start)
    return out
