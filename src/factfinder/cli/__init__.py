"""The `factfinder` command line: thin Typer commands over `factfinder.services`.

Each area registers its commands from its own module (`register(app)`); heavy libraries are
imported inside the commands, so `factfinder --help` stays fast.
"""

from __future__ import annotations

import importlib

import typer

AREAS = ("vault", "extract", "link", "users", "access", "web", "report", "dev")


def build_app() -> typer.Typer:
    app = typer.Typer(
        name="factfinder",
        help="Preserve evidence, extract claims, link incidents and build case files.",
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
    )

    @app.callback()
    def _root() -> None:
        """Preserve evidence, extract claims, link incidents and build case files."""

    for area in AREAS:
        module = importlib.import_module(f"factfinder.cli.{area}")
        module.register(app)
    return app


def main() -> None:
    build_app()()
