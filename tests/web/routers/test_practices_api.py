"""The good-practice API: vigia.web.routers.practices."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.web.conftest import Stored, bearer


def test_add_describe_curate_and_read(client: TestClient, stored: Stored) -> None:
    focal, secretariat = bearer(stored.focal_point), bearer(stored.secretariat)
    added = client.post(
        "/api/v1/practices",
        json={"country": "cri", "kind": "unit", "title": "Fiscalía especializada en trata"},
        headers=focal,
    )
    assert added.status_code == 200, added.text
    practice_id = added.json()["id"]
    described = client.patch(
        f"/api/v1/practices/{practice_id}", json={"contact": "fiscalia@example.org"}, headers=focal
    )
    by_focal = client.post(
        f"/api/v1/practices/{practice_id}/curation", json={"action": "publish"}, headers=focal
    )
    before = client.get("/api/v1/practices").json()["items"]
    curated = client.post(
        f"/api/v1/practices/{practice_id}/curation", json={"action": "publish"}, headers=secretariat
    )
    after = client.get("/api/v1/practices", params={"status": "public"}).json()["items"]

    assert added.json()["status"] == "proposed" and added.json()["component"] == "focal_point"
    assert described.json()["contact"] == "fiscalia@example.org"
    assert by_focal.status_code == 403
    assert practice_id not in [item["id"] for item in before]
    assert curated.json()["status"] == "public"
    assert [item["id"] for item in after] == [practice_id]


def test_bad_practices_are_refused(client: TestClient, stored: Stored) -> None:
    focal = bearer(stored.focal_point)
    unknown_kind = client.post(
        "/api/v1/practices", json={"country": "CRI", "kind": "poster", "title": "x"}, headers=focal
    )
    anonymous = client.post(
        "/api/v1/practices", json={"country": "CRI", "kind": "law", "title": "x"}
    )
    missing = client.patch("/api/v1/practices/999999", json={}, headers=focal)
    assert unknown_kind.status_code == 422 and "poster" in unknown_kind.text
    assert anonymous.status_code == 401
    assert missing.status_code == 404
