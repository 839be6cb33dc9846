"""Accounts: the same text in several items is one account of an incident.

An article ingested as a text file and as a PDF, a statement forwarded by e-mail and saved as
text, a wire story reprinted word for word by several outlets: each is one account, however many
items hold it. Two claims are of one account when the sentences they were read from are the same
once case, spacing, punctuation and line breaks are set aside (a PDF's hyphenation and layout
change nothing), and long enough to say something particular (`MIN_ACCOUNT_CHARS` letters and
digits): "An airstrike killed five people." in two reports is not one account.

Claims of one account always link (`duplicate_edges`), and count as one source wherever they
appear (`independence_units`): a second copy of a text is not a second witness. A claim that
answers an incident of its own document (a denial, an admission) links to it (`answer_edges`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from factfinder.link.cluster import EdgeCodec
from factfinder.link.records import LinkClaim

MIN_ACCOUNT_CHARS = 80
DUPLICATE_SCORE = 50.0  # above any score the features give: copies of one text link first

# What is not a letter or digit (`str.isalnum`): `\W` is neither a letter, a digit nor `_`.
_NOT_ALNUM = re.compile(r"[\W_]+")
_NOT_ALNUM_ASCII = bytes(b for b in range(128) if not chr(b).isalnum())


def account_key(text: str) -> str | None:
    """The key of a claim's account: the letters and digits of its sentences (`LinkClaim.text`,
    already lower-cased), or None when they are too short to tell one account from another."""
    if text.isascii():  # most sentences: bytes.translate drops the rest ten times faster
        key = text.encode("ascii").translate(None, _NOT_ALNUM_ASCII).decode("ascii")
    else:
        key = _NOT_ALNUM.sub("", text)
    return key if len(key) >= MIN_ACCOUNT_CHARS else None


def duplicate_edges(records: Sequence[LinkClaim], codec: EdgeCodec) -> list[int]:
    """Packed edges joining the claims of one account held by different documents."""
    groups: dict[str, list[int]] = {}
    for r in records:
        key = account_key(r.text)
        if key is not None:
            groups.setdefault(key, []).append(r.idx)
    edges: list[int] = []
    for members in groups.values():
        if len(members) < 2:
            continue
        first = records[members[0]]
        for i in members[1:]:
            r = records[i]
            if r.doc == first.doc:
                continue
            a, b = (first.idx, r.idx) if first.idx < r.idx else (r.idx, first.idx)
            edges.append(codec.pack(DUPLICATE_SCORE, a, b, first.primary and r.primary))
    return edges


def answer_edges(records: Sequence[LinkClaim], codec: EdgeCodec) -> list[int]:
    """Packed edges joining a claim that denies or admits an incident of its document to that
    incident's claim.

    The extractor writes the answer ("The Russian defence ministry denied it", "CJTF-OIR
    confirmed the strike") as a claim of its own about the incident the document tells, with
    that incident's event type, date and places (CLAIMS.md, `stance`): of the document's claims
    that allege, the one with those facts is the one it answers. Its words need not be alike
    (the answer is one sentence, often in other words), so the pair links here, as copies of
    one text do, and the clustering's constraints still hold."""
    by_doc: dict[int, list[LinkClaim]] = {}
    for r in records:
        if r.stance != "alleges":
            by_doc.setdefault(r.doc, [])
    if not by_doc:
        return []
    for r in records:
        if r.doc in by_doc:
            by_doc[r.doc].append(r)
    edges: list[int] = []
    for claims in by_doc.values():
        told = [r for r in claims if r.stance == "alleges"]
        for r in claims:
            if r.stance == "alleges":
                continue
            facts = _facts(r)
            target = next((t for t in told if _facts(t) == facts), None)
            if target is None:
                continue
            a, b = (target.idx, r.idx) if target.idx < r.idx else (r.idx, target.idx)
            edges.append(codec.pack(DUPLICATE_SCORE, a, b, target.primary and r.primary))
    return edges


def _facts(r: LinkClaim) -> tuple[object, ...]:
    return (r.event_type, r.lo, r.hi, r.area, r.points)


def independence_units(records: Iterable[LinkClaim]) -> dict[int, str]:
    """Each claim's unit of independence (by `idx`): its source's
    (`SourceKey.independence`), except that the claims of one account share one unit whatever
    sources their items name — the smallest of their units, so the result does not depend on
    the order of the claims."""
    rs = list(records)
    if len(rs) < 2:  # a claim alone is its source's unit
        return {r.idx: r.source.independence for r in rs}
    parent: dict[str, str] = {}

    def find(u: str) -> str:
        while parent.get(u, u) != u:
            u = parent[u]
        return u

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            lo, hi = (ra, rb) if ra < rb else (rb, ra)
            parent[hi] = lo

    by_account: dict[str, str] = {}
    for r in rs:
        unit = r.source.independence
        parent.setdefault(unit, unit)
        key = account_key(r.text)
        if key is None:
            continue
        seen = by_account.setdefault(key, unit)
        union(seen, unit)
    return {r.idx: find(r.source.independence) for r in rs}
