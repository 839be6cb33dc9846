"""Access commands: accounts, roles, sign-in, browser sessions, API tokens, restriction marks
and comments — the use cases behind `factfinder user …` and the web app's sign-in, marks and
comments. Each change is ledgered in its transaction.

Ledger entries:
- accounts (`subject` = `user:<username>`): `user.add`, `user.role`, `user.passwd`,
  `user.rehash`, `user.active`, `user.token` and `user.revoke` — each binds the account and what
  changed, never a password or a token: a password hash and a token are bound by a digest
  (`factfinder.services.access.integrity`), so `verify` catches a row edited behind its back. Browser sessions and login attempts are operational state, not part of the record, and
  are not ledgered.
- marks: `restrict.mark` and `restrict.unmark` (`subject` = the marked subject), payload
  `{"subject", "field", "reason"}`.
- comments: `comment.add` (`subject` = what is commented on), payload `{"subject", "body"}`.
- personal names: `restrict.release` (`subject` = the item), payload `{"subject", "name",
  "reason"}` — a name the rule of `view` restricts, released for that item.
- reads: `restricted.read` (`subject` = the reader), payload `{"reader", "purpose",
  "subjects"}` — a privileged reader was shown restricted data (who, what — the page, API
  answer or command, e.g. `export package of case 1`, `case show 1` — ; the entry's time says
  when). Written on its own: a read changes nothing else.
"""

from __future__ import annotations

import datetime as dt
import re
import secrets
from typing import TYPE_CHECKING

from sqlalchemy import delete, insert, select, update

from factfinder.errors import Conflict, InvalidRecord, NotFound
from factfinder.services.access.integrity import password_digest
from factfinder.services.access.passwords import hash_password
from factfinder.services.access.queries import (
    READ_KIND,
    WHOLE,
    Comment,
    Mark,
    Release,
    to_token,
    to_user,
    user_row,
)
from factfinder.services.access.roles import (
    MIN_PASSWORD,
    ROLES,
    TOKEN_PREFIX,
    ApiToken,
    Session,
    User,
    secret_digest,
)
from factfinder.services.access.view import RedactionView, check_field, name_key
from factfinder.services.project import Project, Transaction
from factfinder.store.schema_users import (
    api_tokens,
    comments,
    name_releases,
    restrictions,
    users,
    web_sessions,
)
from factfinder.subjects import ITEM, check_markable, parse_subject, user_subject
from factfinder.vault.ledger import format_time, utc_now

if TYPE_CHECKING:
    pass

_USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,62}$")
MAX_COMMENT = 10_000


def _check_username(username: str) -> str:
    name = username.strip().lower()
    if not _USERNAME.match(name):
        raise InvalidRecord(
            f"user name {username!r}: use 2–63 lower-case letters, digits, '.', "
            "'_' or '-', starting with a letter or digit"
        )
    return name


def _check_role(role: str) -> str:
    if role not in ROLES:
        raise InvalidRecord(f"role {role!r} is not one of {', '.join(ROLES)}")
    return role


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise InvalidRecord(f"a password needs at least {MIN_PASSWORD} characters")


# -- accounts -------------------------------------------------------------------------------


def add_user(
    project: Project,
    username: str,
    password: str,
    role: str,
    *,
    display_name: str | None = None,
    actor: str | None = None,
) -> User:
    """Create an account; `Conflict` when the name is taken."""
    name = _check_username(username)
    _check_role(role)
    _check_password(password)
    hashed = hash_password(password)
    with project.transaction(actor) as tx:
        if tx.conn.execute(select(users.c.id).where(users.c.username == name)).first():
            raise Conflict(f"user {name!r} already exists")
        tx.append_ledger(
            "user.add",
            {
                "username": name,
                "role": role,
                "display_name": display_name,
                "password": password_digest(hashed),
            },
            subject=user_subject(name),
        )
        new_id = tx.conn.execute(
            insert(users).values(
                username=name,
                display_name=display_name,
                role=role,
                password_hash=hashed,
                active=True,
                created_at=tx.now,
                updated_at=tx.now,
            )
        ).inserted_primary_key[0]  # type: ignore[index]
        row = tx.conn.execute(select(users).where(users.c.id == new_id)).one()
    return to_user(row)


def set_password(
    project: Project, username: str, password: str, *, actor: str | None = None
) -> None:
    """Change a password; every browser session of that account ends."""
    _check_password(password)
    hashed = hash_password(password)
    with project.transaction(actor) as tx:
        row = user_row(tx.conn, username)
        tx.append_ledger(
            "user.passwd",
            {"username": row.username, "password": password_digest(hashed)},
            subject=user_subject(row.username),
        )
        tx.conn.execute(
            update(users)
            .where(users.c.id == row.id)
            .values(password_hash=hashed, updated_at=tx.now)
        )
        tx.conn.execute(delete(web_sessions).where(web_sessions.c.user_id == row.id))


def set_role(project: Project, username: str, role: str, *, actor: str | None = None) -> User:
    _check_role(role)
    with project.transaction(actor) as tx:
        row = user_row(tx.conn, username)
        tx.append_ledger(
            "user.role",
            {"username": row.username, "role": role, "previous": row.role},
            subject=user_subject(row.username),
        )
        tx.conn.execute(
            update(users).where(users.c.id == row.id).values(role=role, updated_at=tx.now)
        )
        return to_user(tx.conn.execute(select(users).where(users.c.id == row.id)).one())


def set_active(project: Project, username: str, active: bool, *, actor: str | None = None) -> User:
    """Enable or disable an account; disabling ends its sessions and refuses its tokens."""
    with project.transaction(actor) as tx:
        row = user_row(tx.conn, username)
        tx.append_ledger(
            "user.active",
            {"username": row.username, "active": active},
            subject=user_subject(row.username),
        )
        tx.conn.execute(
            update(users).where(users.c.id == row.id).values(active=active, updated_at=tx.now)
        )
        if not active:
            tx.conn.execute(delete(web_sessions).where(web_sessions.c.user_id == row.id))
        return to_user(tx.conn.execute(select(users).where(users.c.id == row.id)).one())


# -- browser sessions (signing in itself is `factfinder.services.access.signin`) ----------


def create_session(
    project: Project, user: User, *, lifetime: dt.timedelta = dt.timedelta(hours=12)
) -> tuple[str, Session]:
    """A new browser session: (the cookie value to hand out, the session)."""
    cookie = secrets.token_urlsafe(32)
    csrf = secrets.token_urlsafe(32)
    now = utc_now()
    expires = format_time(now + lifetime)
    with project.transaction() as tx:
        # Old sessions are swept here rather than by a timer: there is no background worker.
        tx.conn.execute(delete(web_sessions).where(web_sessions.c.expires_at < format_time(now)))
        tx.conn.execute(
            insert(web_sessions).values(
                id=secret_digest(cookie),
                user_id=user.id,
                csrf_token=csrf,
                created_at=format_time(now),
                expires_at=expires,
            )
        )
    return cookie, Session(user, csrf, expires)


def end_session(project: Project, cookie: str) -> None:
    with project.transaction() as tx:
        tx.conn.execute(delete(web_sessions).where(web_sessions.c.id == secret_digest(cookie)))


# -- API tokens -----------------------------------------------------------------------------


def create_token(
    project: Project,
    username: str,
    name: str,
    *,
    lifetime: dt.timedelta | None = None,
    actor: str | None = None,
) -> tuple[str, ApiToken]:
    """A new API token for `username`: (the token — shown once, never stored — , its record)."""
    label = name.strip() or "token"
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    prefix = secret[:10]
    with project.transaction(actor) as tx:
        row = user_row(tx.conn, username)
        expires = format_time(utc_now() + lifetime) if lifetime else None
        token_id = tx.conn.execute(
            insert(api_tokens).values(
                user_id=row.id,
                name=label,
                prefix=prefix,
                token_hash="sha256:" + secret_digest(secret),
                created_at=tx.now,
                expires_at=expires,
            )
        ).inserted_primary_key[0]  # type: ignore[index]
        tx.append_ledger(
            "user.token",
            {
                "username": row.username,
                "token": int(token_id),
                "name": label,
                "prefix": prefix,
                "expires_at": expires,
                "token_hash": "sha256:" + secret_digest(secret),
            },
            subject=user_subject(row.username),
        )
    return secret, ApiToken(int(token_id), row.username, label, prefix, tx.now, expires, None)


def revoke_token(project: Project, token_id: int, *, actor: str | None = None) -> ApiToken:
    with project.transaction(actor) as tx:
        row = tx.conn.execute(
            select(api_tokens, users.c.username)
            .select_from(api_tokens.join(users, users.c.id == api_tokens.c.user_id))
            .where(api_tokens.c.id == token_id)
        ).first()
        if row is None:
            raise NotFound(f"no API token {token_id}")
        if row.revoked_at is None:
            tx.append_ledger(
                "user.revoke",
                {"username": row.username, "token": token_id},
                subject=user_subject(row.username),
            )
            tx.conn.execute(
                update(api_tokens).where(api_tokens.c.id == token_id).values(revoked_at=tx.now)
            )
        row = tx.conn.execute(
            select(api_tokens, users.c.username)
            .select_from(api_tokens.join(users, users.c.id == api_tokens.c.user_id))
            .where(api_tokens.c.id == token_id)
        ).one()
    return to_token(row)


# -- restriction marks and comments ---------------------------------------------------------


def restrict(
    project: Project, subject: str, field: str = WHOLE, *, reason: str, actor: str | None = None
) -> Mark:
    """Mark a subject (or one of its fields) restricted; `Conflict` if it already is,
    `InvalidRecord` for a field the subject does not have."""
    check_markable(subject)
    check_field(subject, field)
    if not reason.strip():
        raise InvalidRecord("a restriction needs a reason")
    with project.transaction(actor) as tx:
        mark = mark_in(tx, subject, field, reason=reason)
        if mark is None:
            raise Conflict(f"{subject} {field or '(whole)'} is already restricted")
        return mark


def mark_in(tx: Transaction, subject: str, field: str, *, reason: str) -> Mark | None:
    """Mark `subject` (or its `field`) restricted in the caller's transaction, with its
    `restrict.mark` entry; None when it already is. For a mark made with another change (an
    item whose reader says a field names a private person is recorded with that field
    marked); the caller checks the subject and field."""
    exists = tx.conn.execute(
        select(restrictions.c.id).where(
            restrictions.c.subject == subject, restrictions.c.field == field
        )
    ).first()
    if exists is not None:
        return None
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


def add_comment(project: Project, subject: str, body: str, *, actor: str | None = None) -> Comment:
    check_markable(subject)
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


# -- personal names and reads of restricted data --------------------------------------------


def release_name(
    project: Project, subject: str, name: str, *, reason: str, actor: str | None = None
) -> Release:
    """Release a personal name of an item (`item:sha256:…`) from the rule that restricts every
    personal name a report quotes; `Conflict` if it already is released."""
    kind, _ = parse_subject(check_markable(subject))
    if kind != ITEM:
        raise InvalidRecord(f"subject {subject!r}: names are released in an item (item:sha256:…)")
    shown = " ".join(name.split())
    key = name_key(shown)
    if not key:
        raise InvalidRecord("a release needs the name to release")
    if not reason.strip():
        raise InvalidRecord("a release needs a reason")
    with project.transaction(actor) as tx:
        r = name_releases.c
        if tx.conn.execute(select(r.id).where(r.subject == subject, r.name_key == key)).first():
            raise Conflict(f"{shown!r} is already released in {subject}")
        entry = tx.append_ledger(
            "restrict.release",
            {"subject": subject, "name": shown, "reason": reason.strip()},
            subject=subject,
        )
        new_id = tx.conn.execute(
            insert(name_releases).values(
                subject=subject,
                name=shown,
                name_key=key,
                reason=reason.strip(),
                created_by=tx.actor,
                created_at=tx.now,
                seq=entry.seq,
            )
        ).inserted_primary_key[0]  # type: ignore[index]
        return Release(int(new_id), subject, shown, reason.strip(), tx.actor, tx.now)


def log_restricted_read(
    project: Project, view: RedactionView, purpose: str, *, reader: str | None = None
) -> int | None:
    """Ledger that a privileged reader was shown the restricted subjects `view` disclosed
    (`restricted.read`); nothing when it disclosed none. The entry's sequence number, else
    None."""
    if not view.privileged or not view.disclosed:
        return None
    subjects = sorted(view.disclosed)
    with project.transaction(reader or view.reader) as tx:
        entry = tx.append_ledger(
            READ_KIND,
            {"reader": tx.actor, "purpose": purpose[:200], "subjects": subjects},
            subject=tx.actor,
        )
    view.disclosed.clear()
    return entry.seq
