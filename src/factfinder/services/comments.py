"""Comments: analysts' notes on an item, claim or incident. Each is a `comment.add` ledger entry
(`subject` = what is commented on, payload `{"subject", "body"}`), in the same transaction."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import insert, select

from factfinder.errors import InvalidRecord
from factfinder.services.project import Project
from factfinder.services.restrictions import _check_subject
from factfinder.store.schema_users import comments

MAX_COMMENT = 10_000


@dataclass(frozen=True, slots=True)
class Comment:
    id: int
    subject: str
    author: str
    body: str
    created_at: str


def add_comment(project: Project, subject: str, body: str, *, actor: str | None = None) -> Comment:
    _check_subject(subject)
    text = body.strip()
    if not text:
        raise InvalidRecord("a comment cannot be empty")
    if len(text) > MAX_COMMENT:
        raise InvalidRecord(f"a comment is limited to {MAX_COMMENT} characters")
    with project.transaction(actor) as tx:
        entry = tx.append_ledger("comment.add", {"subject": subject, "body": text}, subject=subject)
        new_id = tx.conn.execute(
            insert(comments).values(
                subject=subject,
                author=tx.actor,
                body=text,
                created_at=tx.now,
                seq=entry.seq,
            )
        ).inserted_primary_key[0]  # type: ignore[index]
        return Comment(int(new_id), subject, tx.actor, text, tx.now)


def list_comments(project: Project, subject: str) -> list[Comment]:
    with project.read() as conn:
        return [
            Comment(r.id, r.subject, r.author, r.body, r.created_at)
            for r in conn.execute(
                select(comments).where(comments.c.subject == subject).order_by(comments.c.id)
            )
        ]
