"""The README documents every command and every web setting (a test fails when one is missing)."""

from __future__ import annotations

import re
from pathlib import Path

import typer.core
import typer.main

from factfinder.cli import build_app

ROOT = Path(__file__).resolve().parents[1]

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands(group: typer.core.TyperGroup, prefix: str = "factfinder") -> list[str]:
    names = []
    for name, cmd in sorted(group.commands.items()):
        full = f"{prefix} {name}"
        if isinstance(cmd, typer.core.TyperGroup):
            names.extend(_commands(cmd, full))
        else:
            names.append(full)
    return names


def test_every_command_is_in_the_readme() -> None:
    group = typer.main.get_command(build_app())
    assert isinstance(group, typer.core.TyperGroup)
    commands = _commands(group)
    assert "factfinder ingest" in commands and "factfinder incident merge" in commands
    # A command counts as documented when the README shows it in use, or lists it after its
    # group ("factfinder user list | passwd | role").
    missing = []
    for full in commands:
        *group_words, leaf = full.split()
        listed = re.search(
            rf"{re.escape(' '.join(group_words))} [a-z\-| ]*\b{re.escape(leaf)}\b", README
        )
        if full not in README and not listed:
            missing.append(full)
    assert missing == []


def test_every_web_setting_is_in_the_readme() -> None:
    from factfinder.web.settings import WebSettings

    names = [f"FACTFINDER_WEB_{f.upper()}" for f in WebSettings.model_fields]
    assert "FACTFINDER_WEB_SESSION_HOURS" in names
    assert [n for n in names if n not in README] == []
