"""The protected statistics' API: vigia.web.routers.releases."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.web.conftest import Stored, bearer
from vigia.evaluate.case_register import import_cases
from vigia.permissions import principal_for
from vigia.services.accounts import find_user
from vigia.store.database import open_database, session_factory
from vigia.store.sealing import Sealer

REQUEST = {"register": "TEST", "dimensions": ["year", "sex"], "mechanism": "laplace", "epsilon": 2}


def _records(stored: Stored) -> None:
    rows = ["year,sex", *["2021,female"] * 30, *["2021,male"] * 4, *["2022,female"] * 25]
    engine = open_database(stored.url)
    with session_factory(engine)() as session:
        user = find_user(session, "secretariat@example.org")
        assert user is not None
        data = "\n".join(rows).encode()
        assert import_cases(session, principal_for(user), data, "TEST", Sealer.from_text("")).ok
    engine.dispose()


def test_the_secretariat_releases_and_everyone_reads_the_table_and_the_ledger(
    client: TestClient, stored: Stored
) -> None:
    _records(stored)
    secretariat = bearer(stored.secretariat)

    made = client.post("/api/v1/releases", json=REQUEST, headers=secretariat)
    again = client.post("/api/v1/releases", json=REQUEST, headers=secretariat)
    over = client.post(
        "/api/v1/releases",
        json=REQUEST | {"dimensions": ["year", "age_group"]},
        headers=secretariat,
    )
    listed = client.get("/api/v1/releases?register=TEST")
    one = client.get(f"/api/v1/releases/{made.json()['id']}")
    spent = client.get("/api/v1/releases/ledger?register=test")

    assert made.status_code == 200, made.text
    body = made.json()
    assert body["method"].startswith("Counts with discrete Laplace noise of scale 0.5")
    assert {"categories": {"year": "*", "sex": "*"}, "count": body["records"]} in body["cells"]
    assert again.json() == body
    assert over.status_code == 422 and "nothing was released" in over.text
    assert [item["id"] for item in listed.json()["items"]] == [body["id"]]
    assert one.json() == body
    assert spent.json() == {
        "register": "TEST",
        "items": [
            {"year": 2021, "spent": 2.0, "budget": 3.0, "left": 1.0},
            {"year": 2022, "spent": 2.0, "budget": 3.0, "left": 1.0},
        ],
    }
    assert client.get("/api/v1/releases/999").status_code == 404


def test_only_the_secretariat_releases(client: TestClient, stored: Stored) -> None:
    _records(stored)

    focal = client.post("/api/v1/releases", json=REQUEST, headers=bearer(stored.focal_point))
    anonymous = client.post("/api/v1/releases", json=REQUEST)

    assert focal.status_code == 403 and anonymous.status_code == 401
    assert client.get("/api/v1/releases").json() == {"items": []}
