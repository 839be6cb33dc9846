"""Small commands for developers and scripts: the version and environment."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add this area's commands to the app."""

    @app.command()
    def version() -> None:
        """Print the factfinder version."""
        from factfinder import __version__

        typer.echo(__version__)
