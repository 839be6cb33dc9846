"""Subjects: what a ledger entry, a restriction mark or a comment is about, written
`<kind>:<reference>` — `item:sha256:…`, `claim:17`, `incident:inc-…`, `case:3`, `user:alice`.

The one place these strings are built and read; everything else calls the constructors here
(and, in SQL, matches on `PREFIX[kind]`).
"""

from __future__ import annotations

from typing import Final, Literal

from factfinder.errors import InvalidRecord

SubjectKind = Literal["item", "claim", "incident", "case", "user"]

ITEM: Final = "item"
CLAIM: Final = "claim"
INCIDENT: Final = "incident"
CASE: Final = "case"
USER: Final = "user"

# What a restriction mark or a comment may be about.
MARKABLE: Final[tuple[str, ...]] = (ITEM, CLAIM, INCIDENT)


def prefix(kind: SubjectKind) -> str:
    """`item:` for "item": what every subject of that kind starts with (for SQL `LIKE`)."""
    return f"{kind}:"


def item_subject(item_hash: str) -> str:
    return f"{ITEM}:{item_hash}"


def claim_subject(claim_id: int | str) -> str:
    return f"{CLAIM}:{claim_id}"


def incident_subject(incident_id: str) -> str:
    return f"{INCIDENT}:{incident_id}"


def case_subject(case_id: int) -> str:
    return f"{CASE}:{case_id}"


def user_subject(username: str) -> str:
    return f"{USER}:{username}"


def parse_subject(subject: str) -> tuple[str, str]:
    """(kind, reference) of `subject`; ("", "") when it has no `kind:` part."""
    kind, sep, ref = subject.partition(":")
    return (kind, ref) if sep else ("", "")


def reference(subject: str | None, kind: SubjectKind) -> str | None:
    """The reference of a `kind` subject (`sha256:…` of `item:sha256:…`), else None."""
    if subject is None:
        return None
    found, ref = parse_subject(subject)
    return ref if found == kind and ref else None


def check_markable(subject: str) -> str:
    """`subject` itself when it names an item, a claim or an incident; else `InvalidRecord`."""
    kind, ref = parse_subject(subject)
    if kind not in MARKABLE or not ref:
        raise InvalidRecord(
            f"subject {subject!r}: expected one of {', '.join(k + ':<id>' for k in MARKABLE)}"
        )
    return subject
