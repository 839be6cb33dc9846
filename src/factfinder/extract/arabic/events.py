"""Arabic event cues and weapons, in the event types and weapon names of `extract.events`.

"غارة جوية", "طائرة مسيّرة" and "درون" name an airstrike; "قصف مدفعي", "قذائف", "صواريخ" a
shelling; a bare "قصف" (bombardment) leans to shelling and counts for an airstrike too, so
that an air-only perpetrator (`classify(air_actor=True)`) tips it; "سيارة مفخخة", "عبوة
ناسفة", "لغم" an explosion; "إعدام" an execution; "إطلاق نار", "رصاص قناص" a shooting;
"اعتقال" a detention; "مقبرة جماعية" a mass grave; killing and injury words mark harm
without a type (`GENERIC`).
"""

from __future__ import annotations

from factfinder.extract.arabic.lexicon import EVENT_CUES, NON_CONFLICT, WEAPONS
from factfinder.extract.arabic.text import ArabicText, Lexicon
from factfinder.mentions import EventMention, WeaponMention

_CUES: Lexicon[tuple[str, float]] = Lexicon((p, (t, w)) for p, t, w in EVENT_CUES)
_WEAPONS: Lexicon[str] = Lexicon(WEAPONS)
_NON_CONFLICT: Lexicon[bool] = Lexicon({w: True for w in NON_CONFLICT})


def not_conflict(at: ArabicText, start: int, end: int) -> bool:
    """Whether `text[start:end]` tells of harm that is not conflict (a road accident, a
    drowning, an earthquake)."""
    i, j = at.tokens_in(start, end)
    return bool(_NON_CONFLICT.scan(at.toks, i, j))


def find_events(at: ArabicText, start: int, end: int) -> list[EventMention]:
    """Event cues in the original `text[start:end]`, in text order."""
    i, j = at.tokens_in(start, end)
    out = []
    for m in _CUES.scan(at.toks, i, j):
        a, b = at.span(m.i, m.j)
        out.append(EventMention(a, b, m.value[0], m.value[1]))
    return out


def find_weapons(at: ArabicText, start: int, end: int) -> list[WeaponMention]:
    """Weapons in the original `text[start:end]`, with canonical names, in text order."""
    i, j = at.tokens_in(start, end)
    out = []
    for m in _WEAPONS.scan(at.toks, i, j):
        a, b = at.span(m.i, m.j)
        out.append(WeaponMention(a, b, m.value))
    return out
