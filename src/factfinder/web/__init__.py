"""The investigators' workspace: a FastAPI app with server-rendered pages (Jinja2 + htmx) and a
JSON API under `/api/v1`, over the same services as the CLI.

    from factfinder.web.app import create_app
    from factfinder.web.settings import WebSettings

    app = create_app(WebSettings(project_dir=path))     # `factfinder serve PROJECT_DIR`

Modules: `settings` (typed settings), `app` (factory, error mapping), `main` (factory for
`uvicorn --factory` from `FACTFINDER_WEB_*`), `deps` (who is asking, what they may do),
`security` (headers, CSP, cookies, CSRF), `views` (service results → API schemas with
restricted data removed), `schemas` (API input/output), `render` (templates, highlighting),
`uploads`, `api/` (JSON routes), `pages/` (HTML routes), `templates/`, `static/`
(app CSS/JS and vendored htmx and Leaflet with their licences).

Services used: `services.access` (accounts, sessions, tokens, throttle, restriction marks,
comments), `services.workspace` (dashboard), `services.preserve` (ingest, item lists), `services.claims` (extraction, review) and `services.incidents`
(the same functions the command line calls).
"""
