"""The exchange API: vigia.web.routers.who_can_help."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.web.conftest import Stored, bearer


def test_a_described_need_gives_the_states_with_evidence(
    client: TestClient, stored: Stored
) -> None:
    answer = client.get(
        "/api/v1/who-can-help",
        params={"need": "investigaciones", "country": "cri", "language": "es"},
        headers=bearer(stored.secretariat),
    )
    assert answer.status_code == 200, answer.text
    data = answer.json()
    assert data["need"]["country"] == "CRI"
    (helper,) = data["items"]
    assert helper["country"] == "ARG"
    (quote, *_) = helper["quotes"]
    assert [quote["text"][a:b] for a, b in quote["highlights"]] == ["investigations"]


def test_requests_are_listed_and_bad_asks_refused(client: TestClient, stored: Stored) -> None:
    listed = client.get("/api/v1/help-requests", headers=bearer(stored.secretariat)).json()
    public = client.get("/api/v1/help-requests").json()
    assert [item["document_id"] for item in listed["items"]] == [
        stored.first_document,
        stored.second_document,
    ]
    assert [item["document_id"] for item in public["items"]] == [stored.first_document]
    assert client.get("/api/v1/who-can-help").status_code == 422
    assert client.get("/api/v1/who-can-help", params={"request": 99999}).status_code == 404
    assert (
        client.get("/api/v1/who-can-help", params={"need": "x", "country": "X1"}).status_code == 422
    )
