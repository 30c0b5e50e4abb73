"""The application and its server: vigia.web.app."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from vigia.settings import Settings
from vigia.store.database import (
    DatabaseError,
    MissingDatabase,
    SchemaNotReady,
    connect,
    upgrade_database,
)
from vigia.web.app import base_url, build_server, create_app

API_PATHS = (
    "/healthz",
    "/api/v1/countries",
    "/api/v1/indicators",
    "/api/v1/meetings",
    "/api/v1/documents",
    "/api/v1/documents/{document_id}",
    "/api/v1/facts",
    "/api/v1/facts.csv",
    "/api/v1/events",
)


def test_create_app_openapi_lists_every_endpoint(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()

    assert set(API_PATHS) <= set(schema["paths"])
    assert "HTTPBearer" in schema["components"]["securitySchemes"]
    parameters = {item["name"] for item in schema["paths"]["/api/v1/facts"]["get"]["parameters"]}
    assert {"country", "indicator", "year", "status", "limit", "offset"} <= parameters


def test_create_app_serves_browsable_docs(client: TestClient) -> None:
    response = client.get("/docs")

    assert response.status_code == 200
    assert "/openapi.json" in response.text


def test_create_app_unknown_path_is_404_json(client: TestClient) -> None:
    response = client.get("/api/v1/nothing-here")

    assert response.status_code == 404
    assert response.json() == {"error": {"status": 404, "message": "Not Found"}}


def test_create_app_wrong_method_is_405_json(client: TestClient) -> None:
    response = client.post("/api/v1/facts")

    assert response.status_code == 405
    assert response.json()["error"]["status"] == 405


def test_create_app_unreachable_database_raises_database_error() -> None:
    url = "postgresql+psycopg://nobody@127.0.0.1:1/none"

    with pytest.raises(DatabaseError, match="cannot open database"):
        create_app(Settings(database_url=url))


def test_create_app_missing_sqlite_file_raises_and_creates_nothing(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'typo' / 'vigia.db'}"

    with pytest.raises(MissingDatabase, match="no database at"):
        create_app(Settings(database_url=url))
    assert list(tmp_path.iterdir()) == []


def test_create_app_database_without_schema_raises_schema_not_ready(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'empty.db'}"
    connect(url).dispose()

    with pytest.raises(SchemaNotReady):
        create_app(Settings(database_url=url))


def test_base_url_brackets_ipv6_hosts() -> None:
    assert base_url(Settings(host="127.0.0.1", port=8000)) == "http://127.0.0.1:8000"
    assert base_url(Settings(host="::1", port=8080)) == "http://[::1]:8080"


def test_build_server_answers_health_checks_over_http(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'vigia.db'}"
    upgrade_database(url)
    settings = Settings(database_url=url, port=0)
    server = build_server(settings, log_level="warning")
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 30
        while not server.started and thread.is_alive() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert server.started, "the server did not start"
        host, port = server.servers[0].sockets[0].getsockname()[:2]
        response = httpx.get(f"http://{host}:{port}/healthz", timeout=10)
    finally:
        server.should_exit = True
        thread.join(timeout=30)

    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    assert not thread.is_alive()


def test_create_app_serves_swagger_ui_from_this_server(client: TestClient) -> None:
    page = client.get("/docs")
    style = client.get("/static/swagger-ui/swagger-ui.css")
    script = client.get("/static/swagger-ui/swagger-ui-bundle.js")

    assert '<link rel="stylesheet" href="/static/swagger-ui/swagger-ui.css">' in page.text
    assert "cdn" not in page.text
    assert style.status_code == script.status_code == 200
    assert style.headers["content-type"].startswith("text/css")
    assert "SwaggerUIBundle" in script.text
    assert client.get("/static/swagger-ui/index.html").status_code == 404
    assert client.get("/redoc").status_code == 404
