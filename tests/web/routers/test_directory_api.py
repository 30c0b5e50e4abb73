"""The directory API: /api/v1/directory (vigia.web.routers.practices)."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.web.conftest import Stored, bearer

ENTRY = {
    "country": "ARG",
    "kind": "focal_point",
    "institution": "Ministerio de Justicia",
    "email": "focal@example.org",
}


def test_the_secretariat_adds_and_removes_the_public_reads_no_contact(
    client: TestClient, stored: Stored
) -> None:
    added = client.post("/api/v1/directory", json=ENTRY, headers=bearer(stored.secretariat))
    refused = client.post("/api/v1/directory", json=ENTRY, headers=bearer(stored.focal_point))
    public = client.get("/api/v1/directory", params={"country": "arg"}).json()["items"]
    signed_in = client.get("/api/v1/directory", headers=bearer(stored.focal_point)).json()["items"]
    removed = client.delete(
        f"/api/v1/directory/{added.json()['id']}", headers=bearer(stored.secretariat)
    )

    assert added.status_code == 200 and refused.status_code == 403
    assert public[0]["institution"] == "Ministerio de Justicia" and public[0]["email"] is None
    assert signed_in[0]["email"] == "focal@example.org"
    assert removed.status_code == 204
    assert client.get("/api/v1/directory").json() == {"items": []}
