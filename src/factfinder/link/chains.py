"""Source chains: the claims that relay one original source, and who carried them.

A chain is every claim whose original source (`SourceKey.chain`) is the same, with the
publishers that carried it and the statements it relayed. Chains of one party to the conflict
share one unit of independence (`SourceKey.independence`), so `independent_sources` counts
parties once, and every other original source once.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from factfinder.link.records import LinkClaim
from factfinder.link.sources import is_credible
from factfinder.model import ClaimRef


@dataclass(frozen=True, slots=True)
class SourceChain:
    """One original source as it appears in a set of claims."""

    chain: str
    name: str
    type: str
    party: str | None
    independence: str
    credible: bool
    publishers: tuple[str, ...]
    statements: tuple[str, ...]
    claims: tuple[ClaimRef, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "chain": self.chain,
            "claimant": self.name,
            "claimant_type": self.type,
            "party": self.party,
            "party_to_conflict": self.party is not None,
            "independent_source": self.independence,
            "credible": self.credible,
            "publishers": list(self.publishers),
            "statements": list(self.statements),
            "claims": [c.to_json() for c in self.claims],
        }


def chains_of(records: Iterable[LinkClaim]) -> list[SourceChain]:
    """The chains of `records`, ordered by their first claim."""
    groups: dict[str, list[LinkClaim]] = {}
    for r in records:
        groups.setdefault(r.source.chain, []).append(r)
    out = []
    for key, members in groups.items():
        first = min(members, key=lambda r: r.idx)
        src = first.source
        publishers = sorted({r.publisher for r in members if r.publisher})
        statements = _distinct_statements(r.source.statement for r in members)
        out.append(
            (
                first.idx,
                SourceChain(
                    chain=key,
                    name=src.name,
                    type=src.type,
                    party=src.party,
                    independence=src.independence,
                    credible=is_credible(src),
                    publishers=tuple(publishers),
                    statements=tuple(statements),
                    claims=tuple(sorted(r.ref for r in members)),
                ),
            )
        )
    return [c for _, c in sorted(out, key=lambda t: t[0])]


def _distinct_statements(statements: Iterable[str | None]) -> list[str]:
    """Statements of one chain, one per original: "the letters …" and "the letters … on
    Saturday" are the same letters, so a statement contained in a kept one is dropped."""
    kept: list[str] = []
    for s in sorted({s for s in statements if s}, key=lambda t: (len(t), t)):
        if not any(k in s for k in kept):
            kept.append(s)
    return sorted(kept)


def independent_sources(records: Iterable[LinkClaim]) -> int:
    """How many independent sources the claims come from (parties once, others per chain)."""
    return len({r.source.independence for r in records})
