"""Access reads: accounts, live sessions and tokens, restriction marks, released names,
comments and the log of reads of restricted data.

Restriction marks (victims' and witnesses' personal data) name a subject — `item:sha256:…`,
`claim:<id>`, `incident:<id>` — and either the whole subject (`field` = "") or one field of it
(`claimant.name`, `text`, …; `view.FIELDS` lists them). Roles without
`Permission.READ_RESTRICTED` never receive a marked subject or field, nor a personal name the
rules restrict without a mark: every output reads through `view.RedactionView`, which is built
from these marks and releases.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, func, select

from factfinder.errors import NotFound
from factfinder.services.access.roles import TOKEN_PREFIX, ApiToken, Session, User, secret_digest
from factfinder.services.project import Project
from factfinder.store.schema import ledger
from factfinder.store.schema_users import (
    api_tokens,
    comments,
    name_releases,
    restrictions,
    users,
    web_sessions,
)
from factfinder.vault.ledger import LedgerEntry, format_time, utc_now

WHOLE = ""


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


@dataclass(frozen=True, slots=True)
class Release:
    """A personal name released from restriction in one item."""

    id: int
    subject: str
    name: str
    reason: str
    created_by: str
    created_at: str


@dataclass(frozen=True, slots=True)
class Comment:
    id: int
    subject: str
    author: str
    body: str
    created_at: str


# -- accounts -------------------------------------------------------------------------------


def to_user(row: Any) -> User:
    """The `User` of a `users` row."""
    return User(
        int(row.id),
        row.username,
        row.display_name,
        row.role,
        bool(row.active),
        row.created_at,
        bool(getattr(row, "totp_secret", None)),
        bool(getattr(row, "require_2fa", False)),
    )


def user_row(conn: Connection, username: str) -> Any:
    """The `users` row of `username` (case and spaces ignored); `NotFound` if there is none."""
    row = conn.execute(select(users).where(users.c.username == username.strip().lower())).first()
    if row is None:
        raise NotFound(f"no user {username!r}")
    return row


def get_user(project: Project, username: str) -> User:
    with project.read() as conn:
        return to_user(user_row(conn, username))


def list_users(project: Project) -> list[User]:
    with project.read() as conn:
        return [to_user(r) for r in conn.execute(select(users).order_by(users.c.username))]


def count_users(project: Project) -> int:
    with project.read() as conn:
        return int(conn.execute(select(func.count()).select_from(users)).scalar_one())


def session_for(project: Project, cookie: str) -> Session | None:
    """The live session of an active account this cookie value opens, else None."""
    if not cookie or len(cookie) > 200:
        return None
    now = format_time(utc_now())
    with project.read() as conn:
        row = conn.execute(
            select(users, web_sessions.c.csrf_token, web_sessions.c.expires_at)
            .select_from(web_sessions.join(users, users.c.id == web_sessions.c.user_id))
            .where(
                web_sessions.c.id == secret_digest(cookie),
                web_sessions.c.expires_at > now,
                users.c.active.is_(True),
            )
        ).first()
    if row is None:
        return None
    return Session(to_user(row), row.csrf_token, row.expires_at)


def to_token(row: Any) -> ApiToken:
    """The `ApiToken` of an `api_tokens` row joined with its user's name."""
    return ApiToken(
        int(row.id),
        row.username,
        row.name,
        row.prefix,
        row.created_at,
        row.expires_at,
        row.revoked_at,
    )


def list_tokens(project: Project, username: str | None = None) -> list[ApiToken]:
    query = (
        select(api_tokens, users.c.username)
        .select_from(api_tokens.join(users, users.c.id == api_tokens.c.user_id))
        .order_by(api_tokens.c.id)
    )
    if username is not None:
        query = query.where(users.c.username == username.strip().lower())
    with project.read() as conn:
        return [to_token(r) for r in conn.execute(query)]


def token_user(project: Project, token: str) -> User | None:
    """The active account a live (not revoked, not expired) token belongs to, else None."""
    if not token.startswith(TOKEN_PREFIX) or len(token) > 200:
        return None
    now = format_time(utc_now())
    t = api_tokens.c
    with project.read() as conn:
        row = conn.execute(
            select(users)
            .select_from(api_tokens.join(users, users.c.id == t.user_id))
            .where(
                t.token_hash == "sha256:" + secret_digest(token),
                t.revoked_at.is_(None),
                users.c.active.is_(True),
                (t.expires_at.is_(None)) | (t.expires_at > now),
            )
        ).first()
    return to_user(row) if row is not None else None


# -- restriction marks and comments ---------------------------------------------------------


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


def list_comments(project: Project, subject: str) -> list[Comment]:
    with project.read() as conn:
        return [
            Comment(r.id, r.subject, r.author, r.body, r.created_at)
            for r in conn.execute(
                select(comments).where(comments.c.subject == subject).order_by(comments.c.id)
            )
        ]


def list_releases(project: Project, subject: str | None = None) -> list[Release]:
    """The personal names released from restriction (in `subject`'s item when given)."""
    query = select(name_releases).order_by(name_releases.c.id)
    if subject is not None:
        query = query.where(name_releases.c.subject == subject)
    with project.read() as conn:
        return [
            Release(r.id, r.subject, r.name, r.reason, r.created_by, r.created_at)
            for r in conn.execute(query)
        ]


READ_KIND = "restricted.read"


def restricted_reads(project: Project) -> list[dict[str, Any]]:
    """Every read of restricted data by a privileged reader, oldest first: who (`reader`),
    what (`subjects`, `purpose`) and when (`time`), with the ledger entry (`seq`)."""
    with project.read() as conn:
        rows = conn.execute(
            select(ledger.c.entry).where(ledger.c.kind == READ_KIND).order_by(ledger.c.seq)
        ).scalars()
        found = [LedgerEntry.parse(e) for e in rows]
    return [
        {
            "seq": e.seq,
            "time": e.time,
            "reader": e.payload.get("reader", e.actor),
            "purpose": e.payload.get("purpose", ""),
            "subjects": list(e.payload.get("subjects", [])),
        }
        for e in found
    ]
