"""The search API: vigia.web.routers.search."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.web.conftest import Stored, bearer


def test_the_public_finds_a_published_fact_from_another_language(
    client: TestClient, stored: Stored
) -> None:
    answer = client.get("/api/v1/search", params={"q": "capacitación"})
    assert answer.status_code == 200, answer.text
    data = answer.json()
    assert [item["fact_id"] for item in data["items"]] == [stored.published_fact]
    (item,) = data["items"]
    assert [item["text"][a:b] for a, b in item["highlights"]] == ["trained"]
    assert data["facets"]["country"] == [{"value": "CRI", "count": 1}]


def test_drafts_are_found_only_by_those_who_may_read_them(
    client: TestClient, stored: Stored
) -> None:
    public = client.get("/api/v1/search", params={"q": "investigaciones"}).json()
    secretariat = client.get(
        "/api/v1/search",
        params={"q": "investigaciones", "country": "arg"},
        headers=bearer(stored.secretariat),
    ).json()
    assert public["total"] == 0
    assert secretariat["total"] == 2  # one in each stored document
    assert {item["country"] for item in secretariat["items"]} == {"ARG"}


def test_bad_parameters_are_refused(client: TestClient) -> None:
    assert client.get("/api/v1/search", params={"q": "x", "kind": "people"}).status_code == 422
    assert client.get("/api/v1/search").status_code == 422
    assert client.get("/api/v1/search", params={"q": "x" * 201}).status_code == 422
