"""Page furniture read as a report: a sentence that many pages of a site carry, week after week.

A site's ticker, sidebar or "latest news" box is archived with every page it frames, and an
extractor that reads it takes its headline for the page's report. Such claims share their
sentence word for word with dozens of documents about other incidents, so on words alone they
would join them all into one incident. Copies of one story (a wire report reprinted, a post
shared) also repeat a sentence, but within a few days of the event; a sentence that documents
dated more than `MAX_GAP_DAYS` apart all carry is no report of one incident. Claims read from
it are not linked automatically: each stays its own incident.
"""

from __future__ import annotations

from collections.abc import Sequence

from factfinder.link.cluster import MAX_GAP_DAYS
from factfinder.link.records import LinkClaim

MIN_DOCUMENTS = 3  # documents carrying one sentence before it can be furniture
MIN_CHARS = 40  # shorter sentences ("قصف مدفعي على القرية") recur by chance


def furniture(records: Sequence[LinkClaim]) -> frozenset[int]:
    """The indices of the claims read from page furniture (see the module docstring)."""
    by_text: dict[str, list[LinkClaim]] = {}
    for r in records:
        if len(r.text) >= MIN_CHARS:
            by_text.setdefault(r.text, []).append(r)
    out: set[int] = set()
    for group in by_text.values():
        if len({r.doc for r in group}) < MIN_DOCUMENTS:
            continue
        days = [d for r in group if (d := r.lo if r.lo is not None else r.published) is not None]
        if days and max(days) - min(days) > MAX_GAP_DAYS:
            out.update(r.idx for r in group)
    return frozenset(out)
