"""The `factfinder serve` command: the investigators' workspace (web app and `/api/v1`)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from factfinder.cli.common import err, handle_errors


def register(app: typer.Typer) -> None:
    """Add this area's commands to the app."""

    @app.command("serve")
    @handle_errors
    def serve(
        project_dir: Annotated[Path, typer.Argument(help="The project directory.")],
        host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
        port: Annotated[int, typer.Option(min=1, max=65535, help="Port.")] = 8000,
        workers: Annotated[int, typer.Option(min=1, help="Worker processes.")] = 1,
        secure_cookies: Annotated[
            bool, typer.Option("--secure-cookies", help="Mark cookies Secure (behind a TLS proxy).")
        ] = False,
    ) -> None:
        """Serve the workspace: pages for people, `/api/v1` (OpenAPI) for scripts.

        Add the first account with `factfinder user add NAME --role admin PROJECT_DIR`.
        """
        import os

        import uvicorn
        from pydantic import ValidationError

        from factfinder.errors import ProjectError
        from factfinder.services.access.queries import count_users
        from factfinder.services.project import Project
        from factfinder.web.settings import WebSettings

        try:
            settings = WebSettings(project_dir=project_dir, force_secure_cookies=secure_cookies)
        except ValidationError as exc:
            raise ProjectError("; ".join(str(e["msg"]) for e in exc.errors())) from exc
        with Project.open(settings.project_dir) as project:
            if count_users(project) == 0:
                err.print(
                    "[yellow]no accounts yet[/yellow]: add one with `factfinder user add "
                    f"NAME --role admin {settings.project_dir}`"
                )
        err.print(f"factfinder workspace for {settings.project_dir} on http://{host}:{port}/")
        if workers > 1:
            # Each worker process builds its own app from the environment.
            os.environ["FACTFINDER_WEB_PROJECT_DIR"] = str(settings.project_dir)
            os.environ["FACTFINDER_WEB_FORCE_SECURE_COOKIES"] = "1" if secure_cookies else "0"
            uvicorn.run(
                "factfinder.web.main:app_from_environment",
                factory=True,
                host=host,
                port=port,
                workers=workers,
                proxy_headers=True,
                log_level="warning",
            )
            return
        from factfinder.web.app import create_app

        uvicorn.run(
            create_app(settings), host=host, port=port, proxy_headers=True, log_level="warning"
        )
