"""Scare quotes: a word or two set in quotation marks to distance the writer from it.

A ministry writes that its forces "neutralized" 12 terrorists; a post calls the dead
“martyrs”. The marks say nothing about who did what to how many, but they stand between the
finders' patterns and the words they look for. `without_scare_quotes` gives the text with such
marks made spaces, so offsets stay those of the original; a quotation of a whole statement,
longer than three words, keeps its marks (attribution reads them), and so does a quoted
denial ('reported “no casualties”').
"""

from __future__ import annotations

import re
from functools import lru_cache

# (a quoted denial, '“no casualties”', is a quotation: its marks stay)
_SCARE = re.compile(
    r"[\"“](?=[A-Za-z])(?!(?:no|not|none|nobody|nothing|zero)\b)[A-Za-z'’-]+(?:\s+[A-Za-z'’-]+){0,2}"
    r"[\"”](?!\w)",
    re.IGNORECASE,
)


@lru_cache(maxsize=64)
def without_scare_quotes(text: str) -> str:
    """`text` with the marks of its scare quotes made spaces (same length, same offsets)."""
    if '"' not in text and "“" not in text:
        return text
    out = list(text)
    for m in _SCARE.finditer(text):
        out[m.start()] = out[m.end() - 1] = " "
    return "".join(out)
