"""An app factory for process managers (`uvicorn --factory factfinder.web.main:app_from_environment`):
the settings come from `FACTFINDER_WEB_*` environment variables."""

from __future__ import annotations

from fastapi import FastAPI

from factfinder.web.app import create_app
from factfinder.web.settings import WebSettings


def app_from_environment() -> FastAPI:

    return create_app(WebSettings())  # type: ignore[call-arg]  # read from the environment
