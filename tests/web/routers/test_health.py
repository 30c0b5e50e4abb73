"""GET /healthz: vigia.web.routers.health."""

from __future__ import annotations

import shutil
from pathlib import Path

from fastapi.testclient import TestClient

from vigia.settings import Settings
from vigia.store.database import head_revision, upgrade_database
from vigia.web.app import create_app


def test_health_ok_with_the_schema_revision(client: TestClient) -> None:
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "schema": head_revision()}


def test_health_503_when_the_database_is_gone(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    url = f"sqlite:///{folder / 'vigia.db'}"
    upgrade_database(url)
    app = create_app(Settings(database_url=url))
    with TestClient(app) as client:
        app.state.engine.dispose()
        shutil.rmtree(folder)

        health = client.get("/healthz")
        meetings = client.get("/api/v1/meetings")

    assert health.status_code == 503
    assert health.json()["status"] == "unavailable"
    assert health.json()["database"] == "unreachable"
    assert "does not answer" in health.json()["error"]["message"]
    assert meetings.status_code == 503
    assert meetings.json()["error"] == {
        "status": 503,
        "message": "the database does not answer; try again later",
    }
