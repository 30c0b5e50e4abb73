"""A NUL character anywhere in a request is answered 422, on both databases, and changes nothing."""

from __future__ import annotations

from fastapi.testclient import TestClient
from httpx import Response
from sqlalchemy import func, select

from tests.web.conftest import Stored, bearer
from vigia.store.database import open_database, session_factory
from vigia.store.models import FactRow
from vigia.web.input_guard import NUL_MESSAGE

OBSERVATIONS = "/api/v1/plans/WP-2010/activities/WP-2010.PREV.1.2/observations"


def _assert_refused(response: Response) -> None:
    assert response.status_code == 422
    assert response.json() == {"error": {"status": 422, "message": NUL_MESSAGE}}


def test_input_guard_refuses_a_nul_in_the_query(client: TestClient) -> None:
    _assert_refused(client.get("/api/v1/facts?country=CR%00I"))
    _assert_refused(client.get("/api/v1/facts", params={"indicator": "convictions\x00"}))


def test_input_guard_refuses_a_nul_in_the_path(client: TestClient) -> None:
    _assert_refused(client.get("/api/v1/documents/1%00"))
    _assert_refused(client.get("/countries/CR%00I"))


def test_input_guard_refuses_a_nul_in_a_json_body_and_stores_nothing(
    client: TestClient, stored: Stored
) -> None:
    response = client.post(
        OBSERVATIONS,
        content=b'{"text": "Una observaci\\u0000n"}',
        headers={**bearer(stored.focal_point), "Content-Type": "application/json"},
    )
    _assert_refused(response)
    listed = client.get(
        OBSERVATIONS.removesuffix("/observations"), headers=bearer(stored.focal_point)
    )
    assert "observaci" not in listed.text


def test_input_guard_refuses_a_nul_in_a_form(client: TestClient) -> None:
    response = client.post(
        "/login",
        content=b"email=focal.cri%40example.org%00&password=x",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    _assert_refused(response)


def test_input_guard_refuses_a_nul_in_an_upload_field(client: TestClient, stored: Stored) -> None:
    before = _fact_count(stored.url)
    response = client.post(
        "/api/v1/documents",
        headers=bearer(stored.secretariat),
        files={"file": ("informe.txt", "Informe de Costa Rica: 45 víctimas rescatadas.\n")},
        data={"country": "CRI\x00"},
    )
    assert response.status_code == 422
    assert response.json()["error"]["message"] == NUL_MESSAGE
    assert _fact_count(stored.url) == before


def test_input_guard_lets_ordinary_requests_through(client: TestClient, stored: Stored) -> None:
    response = client.post(
        OBSERVATIONS,
        json={"text": "Una observación sobre la actividad, con 100% de cobertura"},
        headers=bearer(stored.focal_point),
    )
    assert response.status_code == 201, response.text
    assert client.get("/api/v1/facts?country=CRI").status_code == 200


def _fact_count(url: str) -> int:
    engine = open_database(url)
    try:
        with session_factory(engine)() as session:
            return session.scalar(select(func.count()).select_from(FactRow)) or 0
    finally:
        engine.dispose()
