"""The unit the assembler builds claims from: one sentence or clause of a document with the
mentions every reader (English or Arabic) found in it. It stands below both the readers and
`extract.assemble`, so that a reader can make units without importing the assembler."""

from __future__ import annotations

from dataclasses import dataclass, field

from factfinder.extract.attribution import Attribution, StanceCue
from factfinder.mentions import (
    ActorMention,
    CountMention,
    DateMention,
    EventMention,
    PlaceMention,
    Sentence,
    WeaponMention,
)
from factfinder.model import Claimant


@dataclass(frozen=True, slots=True)
class Unit:
    """One sentence or clause of a document with everything the parts found in it."""

    sentence: Sentence
    is_title: bool = False
    index: int = 0  # of the sentence this clause belongs to
    counts: tuple[CountMention, ...] = ()
    dates: tuple[DateMention, ...] = ()
    places: tuple[PlaceMention, ...] = ()
    actors: tuple[ActorMention, ...] = ()
    cues: tuple[EventMention, ...] = ()
    weapons: tuple[WeaponMention, ...] = ()
    attribution: Attribution = field(default_factory=lambda: Attribution(Claimant()))
    report_cut: int | None = None  # end of "X said that" when the unit opens with an attribution
    section: int = 0  # 1, 2, … in the report's background, methodology, … sections; 0 elsewhere
    speaker: str | None = None  # the party the unit's claimant speaks for (`actors.speaker_group`)
    # Denials and admissions, offsets in the unit's text, when its language's reader gave them
    # (Arabic); None: read with the English cues (`attribution.stance_cues`).
    stances: tuple[StanceCue, ...] | None = None
