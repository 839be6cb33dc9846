"""The investigators' workspace: a FastAPI app with server-rendered pages (Jinja2 + htmx) and a
JSON API under `/api/v1`, over the same services as the CLI.

    from factfinder.web.app import create_app
    from factfinder.web.settings import WebSettings

    app = create_app(WebSettings(project_dir=path))     # `factfinder serve PROJECT_DIR`

Modules: `settings` (typed settings), `app` (factory, error mapping), `main` (factory for
`uvicorn --factory` from `FACTFINDER_WEB_*`), `deps` (who is asking, what they may do),
`security` (headers, CSP, cookies, CSRF), `views` (service results → API schemas with
restricted data removed), `schemas` (API input/output), `render` (templates, highlighting),
`uploads`, `incident_source` (the port to the incidents area: `factfinder.services.incidents.
workspace_source()`), `api/` (JSON routes), `pages/` (HTML routes), `templates/`, `static/`
(app CSS/JS and vendored htmx and Leaflet with their licences).

Services used: `services.access` (accounts, sessions, tokens, throttle, restriction marks,
comments), `services.review` (claim decisions), `services.workspace` (item lists,
dashboard), `services.ingest`, `services.items`, `services.claims` (extraction runs) and,
through the port, `services.incidents`.
"""
