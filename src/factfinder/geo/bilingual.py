"""A place named twice, in Arabic script and in a Latin transliteration, in an English text.

Strike logs and monitors' English lines often give a village's Arabic name with its
transliteration: "(S608) هنيدة Hunaida, Raqqa governorate", "Dashisha, الدشيشة Hasaka",
"قرية المشيرفة al-Mushayrifa village". The Latin spelling alone is often too loose for the
gazetteer (a WOF village needs a cue, and "Mudar" is not "Mudayra"), but the Arabic name,
looked up exactly among the Who's On First Arabic names, says which village it is.

`bilingual_places(text, start, end, latin)` finds each run of Arabic words in
`text[start:end]` whose name (whole, or without a leading place word such as قرية or مزرعة)
is a WOF locality, and keeps a candidate only when

* a Latin-script name of it has the same consonant skeleton as one to three Latin words right
  after the run or right before it (up to a comma or bracket), or
* the governorate named after it in the same line (up to a semicolon) holds exactly that
  candidate;

and, when the line names a governorate after the name, only candidates inside it. The mention
spans the Latin words (else the Arabic run) and replaces whatever the English resolver read
there (`latin`): the pair pins the place down better than one spelling.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from factfinder.geo.arabic_places import WOF, ArabicIndex, index_key
from factfinder.geo.arabic_words import NAME_PARTS, norm_word
from factfinder.geo.arabic_words import PLACE_TYPES as AR_PLACE_TYPES
from factfinder.geo.normalize import ARTICLES, fold, token_skeleton
from factfinder.geo.villages import PLACE_TYPES
from factfinder.mentions import PlaceMention
from factfinder.model import Place

_ARABIC_RUN = re.compile(
    r"[\u0621-\u064a\u0671-\u06d3]+(?:[ \t\u00a0]+[\u0621-\u064a\u0671-\u06d3]+){0,4}"
)
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’‘`ʿʾ]*")
# Words that end the Latin side of the pair.
_STOP = re.compile(r"[,;()\[\]\"“”:.\n]|[\u0600-\u06ff]")
_SCORE = 0.85


def _skeleton(words: Sequence[str]) -> str:
    keys = [fold(w).replace(" ", "") for w in words]
    keys = [k for k in keys if k and k not in ARTICLES]
    return re.sub(r"(.)\1+", r"\1", "".join(token_skeleton(k) for k in keys))


def _latin_skeletons(text: str, a: int, b: int) -> list[tuple[str, int, int]]:
    """Skeletons of every run of one to three Latin words in `text[a:b]`, with their spans."""
    words = [w for w in _LATIN_WORD.finditer(text, a, b) if fold(w.group()) not in PLACE_TYPES]
    out = []
    for i in range(len(words)):
        for n in (1, 2, 3):
            run = words[i : i + n]
            if len(run) < n:
                break
            sk = _skeleton([w.group() for w in run])
            if len(sk) >= 2:
                out.append((sk, run[0].start(), run[-1].end()))
    return out


def _side(text: str, start: int, end: int, pos: int, forward: bool) -> tuple[int, int]:
    """The Latin words next to an Arabic run, up to a comma, bracket or more Arabic."""
    if forward:
        stop = _STOP.search(text, pos, end)
        return pos, stop.start() if stop else end
    stops = [m.end() for m in _STOP.finditer(text, start, pos)]
    return (stops[-1] if stops else start), pos


def bilingual_places(
    text: str, start: int, end: int, latin: Sequence[PlaceMention]
) -> list[PlaceMention]:
    """`latin` (the English resolver's mentions of `text[start:end]`) with the bilingual
    names read (see the module docstring), in text order."""

    idx = ArabicIndex.get()
    found: list[PlaceMention] = []
    for run in _ARABIC_RUN.finditer(text, start, end):
        words = run.group().split()
        names = [" ".join(words)]
        if len(words) > 1 and (
            norm_word(words[0]) in AR_PLACE_TYPES or norm_word(words[0]) in NAME_PARTS
        ):
            names.append(" ".join(words[1:]))  # "قرية X", "مزرعة X": also X alone
        cands: list[int] = []
        for n in names:
            cands = [t.index for t in idx.by_key.get(index_key(n), ()) if t.kind == WOF]
            if cands:
                break
        if not cands:
            continue
        if any(m.start < run.end() and run.start() < m.end for m in latin):
            continue  # the English resolver knows the Arabic name itself
        line_end = text.find(";", run.end(), end)
        line_end = end if line_end < 0 else line_end
        govs = [
            m.place.admin1
            for m in latin
            if m.place.precision == "governorate" and run.end() <= m.start < line_end
        ]
        if govs:
            cands = [i for i in cands if idx.admin1[i] == govs[0]]
            if not cands:
                continue
        sides = [
            _side(text, start, end, run.end(), True),
            _side(text, start, end, run.start(), False),
        ]
        spans: dict[int, tuple[int, int]] = {}
        for a, b in sides:
            skels = _latin_skeletons(text, a, b)
            for i in cands:
                p = idx.places[i]
                own = {_skeleton(n.split()) for n in (p.name_en, p.name_ascii, *p.alt_names)}
                hit = next(((s, e) for sk, s, e in skels if sk in own), None)
                if hit is not None:
                    spans[i] = hit
            if spans:
                break
        if spans:
            cands = list(spans)
        elif not (govs and len(cands) == 1):
            continue
        best = max(cands, key=lambda i: idx.places[i].population or 0)
        p = idx.places[best]
        place = Place(
            name=re.sub(r"[`‘’ʿʾ]", "", p.name_ascii or p.name_en).strip("'"),
            lat=p.lat,
            lon=p.lon,
            geonameid=p.geonameid,
            admin1=idx.admin1[best],
            country=p.country,
            precision="town",
        )
        s, e = spans.get(best, (run.start(), run.end()))
        found.append(PlaceMention(s, e, place, _SCORE))
    if not found:
        return list(latin)
    kept = [m for m in latin if not any(m.start < f.end and f.start < m.end for f in found)]
    return sorted([*kept, *found], key=lambda m: (m.start, m.end))
