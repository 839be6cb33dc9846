"""The web app's settings: typed, read from the environment (`FACTFINDER_WEB_*`) or given by
`factfinder serve`, and validated when the app is built — never at import time."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from factfinder.services.project import CONFIG_NAME


class WebSettings(BaseSettings):
    """What the app needs to start. `project_dir` must be a factfinder project."""

    model_config = SettingsConfigDict(env_prefix="FACTFINDER_WEB_", extra="forbid")

    project_dir: Path
    # Cookies get `Secure` when the request arrived over https; set this behind a TLS proxy
    # that forwards plain http.
    force_secure_cookies: bool = False
    session_hours: float = Field(default=12.0, gt=0, le=24 * 30)
    login_max_failures: int = Field(default=5, ge=1)
    login_max_failures_per_remote: int = Field(default=20, ge=1)
    login_window_minutes: float = Field(default=15.0, gt=0)
    # After the free failures, each try waits this long after the latest failure, doubling per
    # failure up to the caps: a slow-down, never a lock-out.
    login_first_delay_seconds: float = Field(default=2.0, gt=0)
    login_max_delay_seconds: float = Field(default=60.0, gt=0)
    login_max_delay_per_remote_seconds: float = Field(default=600.0, gt=0)
    # argon2 hashes and checks running at once (each takes 64 MiB).
    password_workers: int = Field(default=2, ge=1, le=64)
    max_upload_mb: int = Field(default=200, ge=1)
    page_size: int = Field(default=50, ge=1, le=500)

    @field_validator("project_dir")
    @classmethod
    def _is_project(cls, value: Path) -> Path:

        path = value.expanduser().resolve()
        if not (path / CONFIG_NAME).is_file():
            raise ValueError(
                f"{path} is not a factfinder project (no {CONFIG_NAME}); "
                "create one with `factfinder init`"
            )
        return path
