"""The resolver's candidate spans: keys built token by token equal those of the whole span."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from factfinder.geo.normalize import soft_key
from factfinder.geo.resolver import _spans_from
from factfinder.geo.tokens import tokenise

_WORDS = st.sampled_from(
    [
        "al-Bab",
        "Deir",
        "ez-Zor",
        "Kafr",
        "Nabl",
        "Ramadi",
        "Hajjah",
        "Ma'arat",
        "Misrin",
        "as",
        "Ghassaniyah",
        "Ss",
        "Tell",
        "Llama",
        "the",
        "of",
        "Idlib",
        "Khan",
        "Shaykhun",
        "Rif",
        "-",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_WORDS, min_size=1, max_size=9))
def test_spans_match_their_whole_keys(words: list[str]) -> None:
    text = " ".join(words)
    toks = tokenise(text, 0, len(text))
    for i in range(len(toks)):
        stop = min(len(toks), i + 8)
        for j, (content, key, soft, skel) in _spans_from(toks, i, stop).items():
            expected = [t for t in toks[i:j] if not t.article]
            assert content == expected
            assert key == "".join(t.key for t in expected)
            assert soft == soft_key([t.key for t in expected])
            assert skel == re.sub(r"(.)\1+", r"\1", "".join(t.skel for t in expected))


def test_a_doubled_letter_at_the_seam_is_single() -> None:
    text = "Tell Llama"
    toks = tokenise(text, 0, len(text))
    assert [t.skel for t in toks] == ["tl", "lm"]
    assert _spans_from(toks, 0, 2)[2][3] == "tlm"
