"""The access area's rows against the ledger (a `verify` check): accounts and roles, API
tokens, two-factor enrolments, restriction marks and comments.

Accounts and marks change over time, so their expected state is the fold of their entries in
order (`user.add`, `user.role`, `user.active`, `user.passwd`, `user.rehash`, `user.totp`, …;
`restrict.mark` / `restrict.unmark`); the row must equal that state. Secrets are bound by a
digest, never by value: a password hash by `password_digest` (SHA-256 of the argon2 string,
which reveals nothing without the salt inside it), a token by its stored `sha256:` hash, a TOTP
secret by `secret_digest`. Rows made before binding existed are bound by the `verify.bind`
entry of the migration that introduced it. A row no entry wrote, an entry whose row is gone and
a row that differs from what its entries bound are each named with their table and id.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Table, select

from factfinder.store.schema_users import (
    api_tokens,
    comments,
    name_releases,
    recovery_codes,
    restrictions,
    users,
)
from factfinder.vault import ledger as ledger_rows
from factfinder.vault.hashing import sha256_text
from factfinder.vault.ledger import LedgerEntry
from factfinder.vault.verify import Problem

USER_KINDS = (
    "user.recovery-used",
    "user.add",
    "user.role",
    "user.active",
    "user.passwd",
    "user.rehash",
    "user.totp",
    "user.totp-off",
    "user.require-2fa",
    "user.token",
    "user.revoke",
)
MARK_KINDS = ("restrict.mark", "restrict.unmark")


def password_digest(password_hash: str) -> str:
    """What the ledger binds of a password hash."""
    return sha256_text(password_hash)


def recovery_digest(code_hashes: Iterable[str]) -> str:
    """What the ledger binds of an account's recovery codes (their hashes, in any order)."""
    return sha256_text(",".join(sorted(code_hashes)))


@dataclass
class _Account:
    seq: int
    username: str
    display_name: str | None = None
    role: str | None = None
    active: bool = True
    password: str | None = None  # digest; None when no entry bound it
    created_at: str = ""
    totp: str | None = None  # digest of the enrolled secret, None when not enrolled
    recovery: str | None = None  # digest of the recovery codes' hashes
    require_2fa: bool = False
    tokens: dict[int, dict[str, Any]] = field(default_factory=dict)


def _fold_accounts(entries: Iterable[LedgerEntry]) -> tuple[dict[str, _Account], dict[int, Any]]:
    accounts: dict[str, _Account] = {}
    tokens: dict[int, dict[str, Any]] = {}
    for e in entries:
        p = e.payload
        if e.kind == ledger_rows.BIND_KIND:
            for name, bound in (p.get("users") or {}).items():
                if name in accounts:
                    accounts[name].password = bound.get("password")
                    accounts[name].totp = bound.get("totp", accounts[name].totp)
            for token_id, bound in (p.get("api_tokens") or {}).items():
                if int(token_id) in tokens:
                    tokens[int(token_id)]["token_hash"] = bound.get("token_hash")
            continue
        name = str(p.get("username", ""))
        if e.kind == "user.add":
            accounts[name] = _Account(
                e.seq,
                name,
                p.get("display_name"),
                p.get("role"),
                True,
                p.get("password"),
                e.time,
            )
            continue
        acc = accounts.get(name)
        if acc is None:
            continue  # an entry about an account never added: reported as unrecorded rows
        if e.kind == "user.role":
            acc.role = p.get("role")
        elif e.kind == "user.active":
            acc.active = bool(p.get("active"))
        elif e.kind in ("user.passwd", "user.rehash"):
            acc.password = p.get("password")
        elif e.kind == "user.totp":
            acc.totp = p.get("secret")
            acc.recovery = p.get("recovery")
        elif e.kind == "user.totp-off":
            acc.totp = None
            acc.recovery = None
        elif e.kind == "user.require-2fa":
            acc.require_2fa = bool(p.get("required"))
        elif e.kind == "user.token":
            tokens[int(p.get("token", -1))] = {
                "seq": e.seq,
                "username": name,
                "name": p.get("name"),
                "prefix": p.get("prefix"),
                "expires_at": p.get("expires_at"),
                "token_hash": p.get("token_hash"),
                "revoked_at": None,
            }
        elif e.kind == "user.revoke":
            token = tokens.get(int(p.get("token", -1)))
            if token is not None:
                token["revoked_at"] = e.time
    return accounts, tokens


def _problem(code: str, table: str, row: object, message: str, seq: int | None) -> Problem:
    return Problem(code, message, seq=seq, table=table, row=str(row))


def check_access(conn: Connection) -> Iterator[Problem]:
    """Accounts, tokens, restriction marks, name releases and comments against their ledger
    entries."""
    yield from _check_accounts(conn)
    yield from _check_marks(conn)
    yield from _check_comments(conn)
    yield from _check_releases(conn)


def _check_accounts(conn: Connection) -> Iterator[Problem]:
    accounts, tokens = _fold_accounts(
        ledger_rows.entries_of_kinds(conn, (*USER_KINDS, ledger_rows.BIND_KIND))
    )
    names: dict[int, str] = {}
    recovery: dict[int, list[str]] = {}
    for r in conn.execute(select(recovery_codes.c.user_id, recovery_codes.c.code_hash)):
        recovery.setdefault(int(r.user_id), []).append(r.code_hash)
    for row in conn.execute(select(users).order_by(users.c.id)):
        names[row.id] = row.username
        acc = accounts.pop(row.username, None)
        if acc is None:
            yield _problem(
                "user.unrecorded",
                "users",
                row.id,
                f"user {row.id} ({row.username!r}, role {row.role}) was added by no ledger "
                "entry: it was inserted behind factfinder's back",
                None,
            )
            continue
        actual: dict[str, Any] = {
            "display_name": row.display_name,
            "role": row.role,
            "active": bool(row.active),
            "created_at": row.created_at,
        }
        expected: dict[str, Any] = {
            "display_name": acc.display_name,
            "role": acc.role,
            "active": acc.active,
            "created_at": acc.created_at,
        }
        if acc.password is not None:
            actual["password"] = password_digest(row.password_hash)
            expected["password"] = acc.password
        totp = row.totp_secret
        actual["two-factor secret"] = None if totp is None else sha256_text(totp)
        expected["two-factor secret"] = acc.totp
        codes = recovery.get(row.id)
        actual["recovery codes"] = None if codes is None else recovery_digest(codes)
        expected["recovery codes"] = acc.recovery
        actual["require_2fa"] = bool(row.require_2fa)
        expected["require_2fa"] = acc.require_2fa
        wrong = [k for k in expected if expected[k] != actual[k]]
        if wrong:
            detail = ", ".join(
                f"{k} {actual[k]!r} (the ledger says {expected[k]!r})"
                if k in ("role", "active", "display_name")
                else k
                for k in wrong
            )
            yield _problem(
                "user.altered",
                "users",
                row.id,
                f"user {row.id} ({row.username!r}): {detail} — changed behind factfinder's back",
                acc.seq,
            )
    for name, acc in sorted(accounts.items()):
        yield _problem(
            "user.missing",
            "users",
            name,
            f"user {name!r}, added by ledger entry {acc.seq}, is no longer in the users table",
            acc.seq,
        )
    for row in conn.execute(select(api_tokens).order_by(api_tokens.c.id)):
        want = tokens.pop(int(row.id), None)
        if want is None:
            yield _problem(
                "token.unrecorded",
                "api_tokens",
                row.id,
                f"API token {row.id} ({row.prefix}…) was created by no ledger entry",
                None,
            )
            continue
        actual = {
            "username": names.get(row.user_id),
            "name": row.name,
            "prefix": row.prefix,
            "expires_at": row.expires_at,
            "revoked_at": row.revoked_at,
            "token_hash": row.token_hash,
        }
        if want["token_hash"] is None:
            actual["token_hash"] = None
        wrong = [k for k in actual if actual[k] != want[k]]
        if wrong:
            yield _problem(
                "token.altered",
                "api_tokens",
                row.id,
                f"API token {row.id}: {', '.join(wrong)} differ from ledger entry {want['seq']}",
                want["seq"],
            )
    for token_id, want in sorted(tokens.items()):
        yield _problem(
            "token.missing",
            "api_tokens",
            token_id,
            f"API token {token_id} (ledger entry {want['seq']}) is no longer in its table",
            want["seq"],
        )


def _check_marks(conn: Connection) -> Iterator[Problem]:
    active: dict[tuple[str, str], LedgerEntry] = {}
    for e in ledger_rows.entries_of_kinds(conn, MARK_KINDS):
        key = (str(e.payload.get("subject")), str(e.payload.get("field", "")))
        if e.kind == "restrict.mark":
            active[key] = e
        else:
            active.pop(key, None)
    for row in conn.execute(select(restrictions).order_by(restrictions.c.id)):
        key = (row.subject, row.field)
        mark = active.pop(key) if key in active else None
        what = f"restriction {row.id} ({row.subject} {row.field or '(whole)'})"
        if mark is None:
            yield _problem(
                "restriction.unrecorded",
                "restrictions",
                row.id,
                f"{what} is in force by no ledger entry",
                None,
            )
            continue
        if (row.seq, row.reason, row.created_by, row.created_at) != (
            mark.seq,
            mark.payload.get("reason"),
            mark.actor,
            mark.time,
        ):
            yield _problem(
                "restriction.altered",
                "restrictions",
                row.id,
                f"{what} is not what ledger entry {mark.seq} recorded",
                mark.seq,
            )
    for (subject, fld), e in sorted(active.items()):
        yield _problem(
            "restriction.missing",
            "restrictions",
            f"{subject} {fld}".strip(),
            f"the restriction of {subject} {fld or '(whole)'} marked by ledger entry {e.seq} "
            "is gone, though no entry lifted it: the data is no longer protected",
            e.seq,
        )


def _check_comments(conn: Connection) -> Iterator[Problem]:
    yield from _check_recorded(
        conn,
        comments,
        "comment.add",
        "comment",
        lambda row: (row.subject, row.body, row.author, row.created_at),
        lambda e: (e.payload.get("subject"), e.payload.get("body"), e.actor, e.time),
    )


def _check_releases(conn: Connection) -> Iterator[Problem]:
    """A released name is shown again to every reader: a row slipped in behind the ledger would
    un-redact it, so each must be the one its `restrict.release` entry wrote."""
    yield from _check_recorded(
        conn,
        name_releases,
        "restrict.release",
        "name release",
        lambda row: (row.subject, row.name, row.reason, row.created_by, row.created_at),
        lambda e: (
            e.payload.get("subject"),
            e.payload.get("name"),
            e.payload.get("reason"),
            e.actor,
            e.time,
        ),
    )


def _check_recorded(
    conn: Connection,
    table: Table,
    kind: str,
    what: str,
    row_values: Callable[[Any], tuple[Any, ...]],
    entry_values: Callable[[LedgerEntry], tuple[Any, ...]],
) -> Iterator[Problem]:
    """Rows written once, each by one ledger entry of `kind` (its `seq`): a row no entry wrote,
    a row unlike its entry, and an entry whose row is gone."""
    entries = {e.seq: e for e in ledger_rows.entries_of_kinds(conn, (kind,))}
    name = table.name
    for row in conn.execute(select(table).order_by(table.c.id)):
        e = entries.pop(int(row.seq), None)
        if e is None:
            yield _problem(
                f"{what.replace(' ', '_')}.unrecorded",
                name,
                row.id,
                f"{what} {row.id} on {row.subject} claims ledger entry {row.seq}, which "
                f"recorded no {what}",
                int(row.seq),
            )
            continue
        if row_values(row) != entry_values(e):
            yield _problem(
                f"{what.replace(' ', '_')}.altered",
                name,
                row.id,
                f"{what} {row.id} on {row.subject} is not what ledger entry {e.seq} recorded",
                e.seq,
            )
    for seq, e in sorted(entries.items()):
        yield _problem(
            f"{what.replace(' ', '_')}.missing",
            name,
            f"entry {seq}",
            f"the {what} on {e.payload.get('subject')} of ledger entry {seq} is no longer in "
            f"the {name} table",
            seq,
        )
