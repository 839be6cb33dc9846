"""Literal gates: the words a pattern's matches need, and a gate never hides a match."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import factfinder.extract.pipeline  # noqa: F401  (loads the readers in the order they import each other)
from factfinder.extract import actors, attribution, casualties, events
from factfinder.extract.gates import Gate, required_words


@pytest.mark.parametrize(
    ("pattern", "words"),
    [
        # an alternation: one of its words
        (r"\b(?:chlorine|sarin|nerve\s+gas)\b", ("chlorine", "nerve", "sarin")),
        # the most selective piece of a sequence, optional letters spelt out
        (r"\bmass\s+graves?\b", ("grave",)),
        # the parser's factored prefix ("den" + "y|ies|ied") is joined back
        (r"\bden(?:y|ies|ied)\s+it", ("denied", "denies", "deny")),
        # a word containing another is implied by it
        (r"attack(?:s|ed)?|attack", ("attack",)),
        # a small class of letters is spelt out; case is folded
        (r"\bAir[- ]?Force\b", ("air force", "air-force", "airforce")),
        # lookarounds consume nothing: their words are not needed
        (r"(?<!\bnot\s)\bregret(?=\s+that)", ("regret",)),
        # a branch without a word of its own leaves nothing every match needs
        (r"\bkilled\b|\d+", None),
        (r"\w+", None),
        # an optional group needs nothing
        (r"(?:foo)?\d", None),
        # non-ASCII letters are never used
        (r"«ﺍﻟ»", None),
    ],
)
def test_required_words(pattern: str, words: tuple[str, ...] | None) -> None:
    assert required_words(re.compile(pattern, re.IGNORECASE)) == words


def test_gate_skips_a_window_without_the_words() -> None:
    gate = Gate(re.compile(r"\b(?:chlorine|sarin)\s+(?:gas|attack)\b", re.IGNORECASE))
    text = "Shelling hit the market. A Sarin attack was reported in the town later."
    assert not gate.may_match(text, 0, 24)
    assert list(gate.finditer(text, 0, 24)) == []
    assert gate.may_match(text, 25, len(text))
    assert [m.group() for m in gate.finditer(text, 25)] == ["Sarin attack"]
    assert gate.search(text, 0, 24) is None
    m = gate.search(text)
    assert m is not None and m.group() == "Sarin attack"
    # the whole word must lie inside the window
    assert not gate.may_match(text, 25, 29)


def test_gate_does_not_judge_letters_that_fold_apart() -> None:
    # "ſ" (long s) matches "s" case-insensitively in `re`, but "ſ".lower() is not "s"
    gate = Gate(re.compile(r"\bsarin\b", re.IGNORECASE))
    text = "ſarin was used"
    assert gate.may_match(text)
    assert [m.group() for m in gate.finditer(text)] == ["ſarin"]
    dotted = Gate(re.compile(r"\bidlib\b", re.IGNORECASE))
    assert [m.group() for m in dotted.finditer("İdlib city")] == ["İdlib"]


_GATES: list[Gate] = [
    *(g for _, _, g in events._CUE_RES),
    *(g for _, g in events._WEAPON_RES),
    *(a.pattern for a in actors._ALIASES),
    actors._ITS_FORCE_GATE,
    actors._STATE_FORCES_GATE,
    attribution._DENIAL,
    attribution._ADMISSION,
    attribution._REPORT,
    casualties._TITLED,
    casualties._AGE_FIRST,
]
_SENTENCES = (
    "The regime's warplanes dropped barrel bombs on Douma, killing 12 civilians. ",
    "The coalition denied the reports, saying no civilians were harmed. ",
    "A suicide car bomb exploded near a checkpoint held by the SDF. ",
    "Activists said journalist Rami Saleh, 34, was shot dead by ISIS gunmen. ",
    "Russia's Defence Ministry rejected the claims as fabrications; 6-year-old Sara died. ",
    "Mortar shells fired by rebels hit the old city; the army retook the hill. ",
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(_SENTENCES), min_size=1, max_size=5),
    st.integers(0, 400),
    st.integers(0, 400),
)
def test_a_gate_never_hides_a_match(parts: list[str], a: int, b: int) -> None:
    text = "".join(parts)
    start, end = min(a, b, len(text)), min(max(a, b), len(text))
    for gate in _GATES:
        if not gate.may_match(text, start, end):
            assert gate.pattern.search(text, start, end) is None, gate.pattern.pattern[:60]
        assert [m.span() for m in gate.finditer(text, start, end)] == [
            m.span() for m in gate.pattern.finditer(text, start, end)
        ]
