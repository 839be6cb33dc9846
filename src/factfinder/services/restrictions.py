"""Restriction marks (victims' and witnesses' personal data) and the rule that applies them.

A mark names a subject — `item:sha256:…`, `claim:<id>`, `incident:<id>` — and either the whole
subject (`field` = "") or one field of it (`claimant.name`, `text`, …). Roles without
`Permission.READ_RESTRICTED` never receive a marked subject or field: the web app and the API
both filter through `Restrictions` before anything is rendered or serialised.

Some data is restricted without a mark, by rule (`AUTOMATIC_FIELDS`): the name of a claimant
who is a witness is personal data of a witness.

Ledger entries: `restrict.mark` and `restrict.unmark` (`subject` = the marked subject), payload
`{"subject", "field", "reason"}`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import delete, insert, select

from factfinder.errors import Conflict, InvalidRecord, NotFound
from factfinder.services.project import Project
from factfinder.store.schema_users import restrictions

WHOLE = ""
SUBJECT_KINDS = ("item", "claim", "incident")
# (subject kind, field) restricted by rule, whatever the marks say.
AUTOMATIC_FIELDS = {("claim", "claimant.name:witness")}
REDACTED = "[restricted]"


@dataclass(frozen=True, slots=True)
class Mark:
    id: int
    subject: str
    field: str
    reason: str
    created_by: str
    created_at: str


@dataclass(frozen=True, slots=True)
class Restrictions:
    """The marks that apply to a set of subjects; ask it before showing anything."""

    marks: frozenset[tuple[str, str]]

    def subject(self, subject: str) -> bool:
        """Is the whole subject restricted?"""
        return (subject, WHOLE) in self.marks

    def field(self, subject: str, field: str) -> bool:
        """Is this field (or its whole subject) restricted?"""
        return (subject, WHOLE) in self.marks or (subject, field) in self.marks

    def fields(self, subject: str) -> frozenset[str]:
        return frozenset(f for s, f in self.marks if s == subject and f != WHOLE)


def _check_subject(subject: str) -> str:
    kind, _, ref = subject.partition(":")
    if kind not in SUBJECT_KINDS or not ref:
        raise InvalidRecord(
            f"subject {subject!r}: expected one of {', '.join(k + ':<id>' for k in SUBJECT_KINDS)}"
        )
    return subject


def restrict(
    project: Project, subject: str, field: str = WHOLE, *, reason: str, actor: str | None = None
) -> Mark:
    """Mark a subject (or one of its fields) restricted; `Conflict` if it already is."""
    _check_subject(subject)
    if not reason.strip():
        raise InvalidRecord("a restriction needs a reason")
    with project.transaction(actor) as tx:
        exists = tx.conn.execute(
            select(restrictions.c.id).where(
                restrictions.c.subject == subject, restrictions.c.field == field
            )
        ).first()
        if exists is not None:
            raise Conflict(f"{subject} {field or '(whole)'} is already restricted")
        entry = tx.append_ledger(
            "restrict.mark",
            {"subject": subject, "field": field, "reason": reason.strip()},
            subject=subject,
        )
        mark_id = tx.conn.execute(
            insert(restrictions).values(
                subject=subject,
                field=field,
                reason=reason.strip(),
                created_by=tx.actor,
                created_at=tx.now,
                seq=entry.seq,
            )
        ).inserted_primary_key[0]  # type: ignore[index]
        return Mark(int(mark_id), subject, field, reason.strip(), tx.actor, tx.now)


def unrestrict(
    project: Project,
    subject: str,
    field: str = WHOLE,
    *,
    reason: str = "",
    actor: str | None = None,
) -> None:
    with project.transaction(actor) as tx:
        found = tx.conn.execute(
            select(restrictions.c.id).where(
                restrictions.c.subject == subject, restrictions.c.field == field
            )
        ).first()
        if found is None:
            raise NotFound(f"{subject} {field or '(whole)'} is not restricted")
        tx.append_ledger(
            "restrict.unmark",
            {"subject": subject, "field": field, "reason": reason.strip()},
            subject=subject,
        )
        tx.conn.execute(delete(restrictions).where(restrictions.c.id == found.id))


def list_marks(project: Project, subject: str | None = None) -> list[Mark]:
    query = select(restrictions).order_by(restrictions.c.id)
    if subject is not None:
        query = query.where(restrictions.c.subject == subject)
    with project.read() as conn:
        return [
            Mark(r.id, r.subject, r.field, r.reason, r.created_by, r.created_at)
            for r in conn.execute(query)
        ]


def restrictions_for(project: Project, subjects: Iterable[str] | None = None) -> Restrictions:
    """The marks on `subjects` (all marks when None)."""
    query = select(restrictions.c.subject, restrictions.c.field)
    wanted = None if subjects is None else sorted(set(subjects))
    with project.read() as conn:
        if wanted is None:
            rows = list(conn.execute(query))
        else:
            rows = []
            for start in range(0, len(wanted), 500):
                chunk = wanted[start : start + 500]
                rows += list(conn.execute(query.where(restrictions.c.subject.in_(chunk))))
    return Restrictions(frozenset((r.subject, r.field) for r in rows))
