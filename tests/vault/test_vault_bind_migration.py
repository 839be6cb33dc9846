"""Revision `0305_users`: a project written before rows were bound gets one
`verify.bind` entry binding its accounts' password hashes, its API tokens and its checkpoints,
after which an edit of any of them behind factfinder's back is caught."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import insert, select, text

from factfinder.services import Project
from factfinder.services.preserve.checkpoints import make_checkpoint
from factfinder.services.verification import verify_project
from factfinder.store.migrate import alembic_config
from factfinder.store.schema import ledger
from factfinder.store.schema_users import api_tokens, users
from factfinder.vault import ledger as ledger_rows

Tamper = Callable[..., None]


def _alembic(project: Project, action: str, target: str) -> None:
    from alembic import command

    cfg = alembic_config()
    with project.transaction() as tx:
        cfg.attributes["connection"] = tx.conn
        getattr(command, action)(cfg, target)


def _old_style_account(project: Project) -> None:
    """An account and a token as factfinder wrote them before binding: entries without the
    digests of their secrets."""
    with project.transaction(actor="cli:root") as tx:
        tx.append_ledger(
            "user.add",
            {"username": "olga", "role": "viewer", "display_name": None},
            subject="user:olga",
        )
        uid = tx.conn.execute(
            insert(users).values(
                username="olga",
                role="viewer",
                password_hash="$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA",
                active=True,
                created_at=tx.now,
                updated_at=tx.now,
            )
        ).inserted_primary_key[0]  # type: ignore[index]
        token = tx.conn.execute(
            insert(api_tokens).values(
                user_id=uid,
                name="script",
                prefix="fft_abcdef",
                token_hash="sha256:" + "ab" * 32,
                created_at=tx.now,
            )
        ).inserted_primary_key[0]  # type: ignore[index]
        tx.append_ledger(
            "user.token",
            {
                "username": "olga",
                "token": int(token),
                "name": "script",
                "prefix": "fft_abcdef",
                "expires_at": None,
            },
            subject="user:olga",
        )


def test_the_bind_entry_binds_what_older_entries_did_not(project: Project, tamper: Tamper) -> None:
    _alembic(project, "downgrade", "0303_users")
    _old_style_account(project)
    make_checkpoint(project)
    with project.read() as conn:
        size = ledger_rows.head_size(conn)
    _alembic(project, "upgrade", "heads")
    with project.read() as conn:
        bind = conn.execute(select(ledger.c.entry).where(ledger.c.kind == "verify.bind")).all()
        assert ledger_rows.head_size(conn) == size + 1
    assert len(bind) == 1
    payload = ledger_rows.LedgerEntry.parse(bind[0].entry).payload
    assert set(payload["users"]) == {"olga"}
    assert payload["users"]["olga"]["password"].startswith("sha256:")
    assert payload["api_tokens"] == {"1": {"token_hash": "sha256:" + "ab" * 32}}
    assert [c["size"] for c in payload["checkpoints"]] == [size]
    assert verify_project(project).ok
    _alembic(project, "upgrade", "heads")  # a second run writes nothing
    with project.read() as conn:
        assert ledger_rows.head_size(conn) == size + 1

    tamper(
        "UPDATE users SET password_hash = 'replaced' WHERE username = 'olga'",
        "UPDATE api_tokens SET token_hash = :h",
        h="sha256:" + "cd" * 32,
    )
    report = verify_project(project)
    assert sorted((p.code, p.table) for p in report.problems) == [
        ("token.altered", "api_tokens"),
        ("user.altered", "users"),
    ]


def test_a_new_project_gets_no_bind_entry(project: Project) -> None:
    with project.read() as conn:
        assert conn.execute(text("SELECT count(*) FROM ledger")).scalar() == 0
