"""The `factfinder user` commands: add, list, passwd, role, disable/enable, token, and
two-factor sign-in (2fa, 2fa-off, require-2fa)."""

from __future__ import annotations

from typing import Annotated

import typer

from factfinder.cli.common import (
    JsonOption,
    ProjectOption,
    err,
    handle_errors,
    open_project,
    out,
    print_json,
)


def _password(given: str | None, confirm: bool = True) -> str:
    import os

    if given:
        return given
    env = os.environ.get("FACTFINDER_PASSWORD")
    if env:
        return env
    value: str = typer.prompt("Password", hide_input=True, confirmation_prompt=confirm)
    return value


def register(app: typer.Typer) -> None:
    """Add this area's commands to the app."""
    user_app = typer.Typer(
        help="Accounts of the workspace (roles: admin, investigator, "
        "analyst, viewer) and their API tokens.",
        no_args_is_help=True,
    )
    app.add_typer(user_app, name="user")

    @user_app.command("add")
    @handle_errors
    def add(
        username: Annotated[str, typer.Argument(help="The new user name.")],
        role: Annotated[str, typer.Option(help="admin, investigator, analyst or viewer.")],
        project: ProjectOption = None,
        display_name: Annotated[str | None, typer.Option(help="The person's name.")] = None,
        password: Annotated[
            str | None, typer.Option(help="The password (else $FACTFINDER_PASSWORD, else asked).")
        ] = None,
    ) -> None:
        """Create an account (the ledger records it)."""
        from factfinder.services.access.commands import add_user

        with open_project(project) as p:
            user = add_user(p, username, _password(password), role, display_name=display_name)
        err.print(f"added {user.username} ({user.role})")

    @user_app.command("list")
    @handle_errors
    def list_(project: ProjectOption = None, as_json: bool = JsonOption) -> None:
        """The accounts and their roles."""
        from rich.table import Table

        from factfinder.services.access.queries import list_users

        with open_project(project) as p:
            found = list_users(p)
        if as_json:
            print_json(
                [
                    {
                        "username": u.username,
                        "display_name": u.display_name,
                        "role": u.role,
                        "active": u.active,
                        "two_factor": u.two_factor,
                        "require_2fa": u.require_2fa,
                        "created_at": u.created_at,
                    }
                    for u in found
                ]
            )
            return
        table = Table("user", "name", "role", "active", "2fa", "created")
        for u in found:
            table.add_row(
                u.username,
                u.display_name or "",
                u.role,
                "yes" if u.active else "no",
                ("on" if u.two_factor else "off") + (" (required)" if u.require_2fa else ""),
                u.created_at,
            )
        out.print(table)

    @user_app.command("passwd")
    @handle_errors
    def passwd(
        username: str,
        project: ProjectOption = None,
        password: Annotated[str | None, typer.Option(help="The new password.")] = None,
    ) -> None:
        """Set a new password (ends the account's browser sessions)."""
        from factfinder.services.access.commands import set_password

        with open_project(project) as p:
            set_password(p, username, _password(password))
        err.print(f"password of {username} changed")

    @user_app.command("role")
    @handle_errors
    def role(username: str, new_role: str, project: ProjectOption = None) -> None:
        """Give an account another role."""
        from factfinder.services.access.commands import set_role

        with open_project(project) as p:
            user = set_role(p, username, new_role)
        err.print(f"{user.username} is now {user.role}")

    @user_app.command("disable")
    @handle_errors
    def disable(username: str, project: ProjectOption = None) -> None:
        """Disable an account: its sessions end and its tokens stop working."""
        from factfinder.services.access.commands import set_active

        with open_project(project) as p:
            set_active(p, username, False)
        err.print(f"{username} disabled")

    @user_app.command("enable")
    @handle_errors
    def enable(username: str, project: ProjectOption = None) -> None:
        from factfinder.services.access.commands import set_active

        with open_project(project) as p:
            set_active(p, username, True)
        err.print(f"{username} enabled")

    @user_app.command("2fa")
    @handle_errors
    def two_factor(
        username: str,
        project: ProjectOption = None,
        code: Annotated[
            str | None,
            typer.Option(help="The code the authenticator shows (else asked for)."),
        ] = None,
    ) -> None:
        """Set up two-factor sign-in: prints the key to add to an authenticator app, asks for
        the code it shows, then prints one-time recovery codes (shown once)."""
        from factfinder.services.access.signin import begin_two_factor, confirm_two_factor

        with open_project(project) as p:
            setup = begin_two_factor(p, username)
            err.print(f"key for {setup.username}: {setup.secret}")
            err.print(f"or open: {setup.uri}")
            given = code or typer.prompt("Code from the authenticator")
            codes = confirm_two_factor(p, username, given)
        err.print("two-factor sign-in is on; recovery codes (each works once, keep them safe):")
        for c in codes:
            out.print(c)

    @user_app.command("2fa-off")
    @handle_errors
    def two_factor_off(username: str, project: ProjectOption = None) -> None:
        """Turn two-factor sign-in off (when the authenticator and the recovery codes are
        lost)."""
        from factfinder.services.access.signin import disable_two_factor

        with open_project(project) as p:
            disable_two_factor(p, username)
        err.print(f"two-factor sign-in is off for {username}")

    @user_app.command("require-2fa")
    @handle_errors
    def require_2fa(
        username: str,
        project: ProjectOption = None,
        off: Annotated[bool, typer.Option("--off", help="Stop requiring it.")] = False,
    ) -> None:
        """Require two-factor sign-in of an account (it can reach nothing but its account page
        until it is set up)."""
        from factfinder.services.access.signin import require_two_factor

        with open_project(project) as p:
            require_two_factor(p, username, not off)
        err.print(f"two-factor sign-in is {'not ' if off else ''}required of {username}")

    @user_app.command("token")
    @handle_errors
    def token(
        username: str,
        project: ProjectOption = None,
        name: Annotated[str, typer.Option(help="What the token is for.")] = "script",
        days: Annotated[int | None, typer.Option(min=1, help="Lifetime in days.")] = None,
        revoke: Annotated[int | None, typer.Option(help="Revoke the token with this id.")] = None,
        list_only: Annotated[bool, typer.Option("--list", help="List the tokens.")] = False,
    ) -> None:
        """Make an API token for scripts (printed once on stdout), list or revoke tokens."""
        import datetime as dt

        from factfinder.services.access.commands import create_token, revoke_token
        from factfinder.services.access.queries import list_tokens

        with open_project(project) as p:
            if list_only:
                for t in list_tokens(p, username):
                    state = f"revoked {t.revoked_at}" if t.revoked_at else "live"
                    out.print(f"{t.id}\t{t.name}\t{t.prefix}…\t{t.created_at}\t{state}")
                return
            if revoke is not None:
                revoke_token(p, revoke)
                err.print(f"token {revoke} revoked")
                return
            secret, info = create_token(
                p, username, name, lifetime=dt.timedelta(days=days) if days else None
            )
        err.print(f"token {info.id} for {info.username} ({info.name}); it is not shown again:")
        print(secret)
