"""Templates (Jinja2, autoescape always on) and the text highlighter.

Documents are evidence, not markup: their text is escaped character for character, so a
`<script>` or an `onerror=` attribute in a source shows as text. The only markup added is the
`<mark>` around claim spans, built here from escaped pieces.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape

from factfinder.arabic import text_direction
from factfinder.errors import InvalidRecord
from factfinder.geo.wof import arabic_name
from factfinder.model import Figure, format_figure

TEMPLATES = Path(__file__).parent / "templates"


@dataclass(frozen=True, slots=True)
class Highlight:
    """A character span `[start, end)` of a text to mark, with a CSS class and a title."""

    start: int
    end: int
    css: str = "span"
    title: str = ""
    anchor: str | None = None


def highlight(text: str, spans: Sequence[Highlight]) -> Markup:
    """`text` escaped, with each span wrapped in `<mark>`; overlapping spans are cut at each
    other's edges so the markup stays well-formed."""
    n = len(text)
    cuts = {0, n}
    for h in spans:
        if 0 <= h.start < h.end <= n:
            cuts.update((h.start, h.end))
    points = sorted(cuts)
    out: list[str] = []
    anchored: set[str] = set()
    for a, b in itertools.pairwise(points):
        piece = str(escape(text[a:b]))
        covering = [h for h in spans if h.start <= a and b <= h.end and h.start < h.end]
        if not covering:
            out.append(piece)
            continue
        classes = " ".join(sorted({h.css for h in covering}))
        title = "; ".join(dict.fromkeys(h.title for h in covering if h.title))
        anchor = next((h.anchor for h in covering if h.anchor and h.anchor not in anchored), None)
        attrs = f' class="{escape(classes)}"'
        if title:
            attrs += f' title="{escape(title)}"'
        if anchor:
            anchored.add(anchor)
            attrs += f' id="{escape(anchor)}"'
        out.append(f"<mark{attrs}>{piece}</mark>")
    return Markup("".join(out))


def _fmt_range(value: Any) -> str:
    """A casualty figure as the reports write it (`factfinder.model.format_figure`)."""
    if isinstance(value, Figure):
        return format_figure(value)
    if not isinstance(value, dict):
        return format_figure(None)
    try:
        return format_figure(Figure.from_json(value))
    except InvalidRecord:
        return format_figure(None)


def _arabic_name(name: str | None, admin1: str | None = None) -> str | None:
    """A place's Arabic name from the gazetteer, shown beside its English one."""

    return arabic_name(name, admin1) if name else None


@lru_cache(maxsize=1)
def environment() -> Any:
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["range"] = _fmt_range
    env.filters["textdir"] = text_direction
    env.filters["arabic_name"] = _arabic_name
    return env


def templates() -> Any:
    from fastapi.templating import Jinja2Templates

    return Jinja2Templates(env=environment())
