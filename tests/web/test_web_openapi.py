"""The OpenAPI schema, checked with schemathesis against the app served by uvicorn on
127.0.0.1 and authenticated with an API token."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from web_helpers import LiveServer

if TYPE_CHECKING:
    from fastapi import FastAPI

pytestmark = [pytest.mark.slow, pytest.mark.filterwarnings("ignore::ResourceWarning")]


def test_the_schema_is_served_to_authenticated_clients_only(app: FastAPI) -> None:
    from fastapi.testclient import TestClient

    from factfinder.services.access.commands import create_token

    secret, _ = create_token(app.state.project, "viewer", "schema")
    client = TestClient(app)
    assert client.get("/api/v1/openapi.json").status_code == 401
    schema = client.get(
        "/api/v1/openapi.json", headers={"Authorization": f"Bearer {secret}"}
    ).json()
    assert schema["openapi"].startswith("3.")
    paths = schema["paths"]
    assert "/api/v1/items" in paths and "/api/v1/claims/{claim_id}/review" in paths
    # Pages are not API: they stay out of the schema.
    assert not any(not p.startswith("/api/v1/") for p in paths)
    # Separate input and output schemas, lists as {data, count}.
    components = schema["components"]["schemas"]
    assert {"ItemsPublic", "ClaimDecision", "UserCreate", "UserPublic"} <= set(components)
    assert set(components["ItemsPublic"]["properties"]) == {"data", "count"}


def test_schemathesis_finds_no_failure_against_a_running_app(app: FastAPI) -> None:
    schemathesis = pytest.importorskip("schemathesis")
    from hypothesis import HealthCheck, Phase, given, settings
    from schemathesis.specs.openapi.checks import positive_data_acceptance

    from factfinder.services.access.commands import create_token

    # An analyst token: it can read and review but not run jobs, ingest or manage accounts,
    # so generated requests exercise both the allowed and the refused paths.
    secret, _ = create_token(app.state.project, "analyst", "schemathesis")
    # Incidents come from the incidents service, linked here first.
    from factfinder.services.incidents.commands import link_project

    link_project(app.state.project, actor="test:setup")
    with LiveServer(app) as server:
        schema = schemathesis.openapi.from_url(
            f"{server.url}/api/v1/openapi.json", headers={"Authorization": f"Bearer {secret}"}
        )
        schema.config.base_url = server.url
        failures: list[str] = []

        @settings(
            max_examples=8,
            deadline=None,
            derandomize=True,
            phases=[Phase.explicit, Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        def check(case: object) -> None:
            # A schema-valid request may still break a rule of the record (a correction with
            # no field, a comment on a subject that is not one): that is the documented 400,
            # so the "schema-valid data must be accepted" check does not apply.
            case.call_and_validate(  # type: ignore[attr-defined]
                headers={"Authorization": f"Bearer {secret}"},
                excluded_checks=[positive_data_acceptance],
            )

        for result in schema.get_all_operations():
            operation = result.ok()
            test = operation.as_strategy()
            try:
                given(test)(check)()
            except Exception as exc:  # collect every operation's failure, then report all
                failures.append(f"{operation.label}: {type(exc).__name__}: {str(exc)[:600]}")
        assert not failures, "\n\n".join(failures)


def test_the_schema_declares_how_to_authenticate_and_what_geojson_is(app: FastAPI) -> None:
    from fastapi.testclient import TestClient

    from factfinder.services.access.commands import create_token
    from factfinder.services.incidents.commands import link_project

    secret, _ = create_token(app.state.project, "viewer", "schema")
    link_project(app.state.project, actor="test:setup")
    client = TestClient(app)
    auth = {"Authorization": f"Bearer {secret}"}
    schema = client.get("/api/v1/openapi.json", headers=auth).json()
    schemes = schema["components"]["securitySchemes"]
    assert schemes["bearer"] == {
        "type": "http",
        "scheme": "bearer",
        "description": schemes["bearer"]["description"],
    }
    assert (schemes["session"]["type"], schemes["session"]["in"]) == ("apiKey", "cookie")
    from factfinder.web.security import SESSION_COOKIE

    assert schemes["session"]["name"] == SESSION_COOKIE
    # Every operation of the API is protected, by either scheme.
    operations = [
        (path, method, op)
        for path, item in schema["paths"].items()
        for method, op in item.items()
        if method in {"get", "post", "put", "patch", "delete"}
    ]
    assert len(operations) > 20
    for path, method, op in operations:
        assert {"bearer": []} in op.get("security", []), (method, path)
        assert {"session": []} in op.get("security", []), (method, path)
    # GeoJSON routes say so, in the schema and on the wire.
    for path in ("/api/v1/incidents/geojson", "/api/v1/boundaries"):
        content = schema["paths"][path]["get"]["responses"]["200"]["content"]
        assert list(content) == ["application/geo+json"], path
        response = client.get(path, headers=auth)
        assert response.status_code == 200
        assert response.headers["content-type"] == "application/geo+json"
        assert response.json()["type"] == "FeatureCollection"
    points = client.get("/api/v1/incidents/geojson", headers=auth).json()["features"]
    assert points and {f["properties"]["country"] for f in points} == {"SY"}
    # Other JSON stays JSON.
    assert client.get("/api/v1/dashboard", headers=auth).headers["content-type"] == (
        "application/json"
    )
