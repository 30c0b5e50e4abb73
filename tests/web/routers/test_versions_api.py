"""The language versions' API: vigia.web.routers.versions."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from tests.web.conftest import Stored, bearer

VERSIONS = Path(__file__).parents[2] / "data" / "versions"


def _files(first: str, second: str) -> dict[str, tuple[str, bytes, str]]:
    return {
        "first": (first, (VERSIONS / first).read_bytes(), "text/plain"),
        "second": (second, (VERSIONS / second).read_bytes(), "text/plain"),
    }


def test_a_signed_in_user_gets_the_differences(client: TestClient, stored: Stored) -> None:
    answer = client.post(
        "/api/v1/versions/compare",
        files=_files("plan.es.txt", "plan.en.altered.txt"),
        data={"second_language": "en"},
        headers=bearer(stored.focal_point),
    )
    assert answer.status_code == 200, answer.text
    data = answer.json()
    assert data["first"] == {"language": "es", "paragraphs": 18}
    kinds = {d["kind"] for d in data["differences"]}
    assert len(data["differences"]) == 8
    assert kinds == {"shorter_in_second", "codes", "only_in_first", "dates", "figures", "moved"} | {
        "only_in_second",
        "names",
    }
    figures = next(d for d in data["differences"] if d["kind"] == "figures")
    assert (figures["only_first"], figures["only_second"]) == (["500"], ["300"])
    assert figures["second"][0]["text"].startswith("3. Train at least 300")


def test_the_public_bad_languages_and_unreadable_files_are_refused(
    client: TestClient, stored: Stored
) -> None:
    anonymous = client.post("/api/v1/versions/compare", files=_files("plan.es.txt", "plan.en.txt"))
    language = client.post(
        "/api/v1/versions/compare",
        files=_files("plan.es.txt", "plan.en.txt"),
        data={"first_language": "de"},
        headers=bearer(stored.focal_point),
    )
    empty = client.post(
        "/api/v1/versions/compare",
        files={
            "first": ("plan.es.txt", (VERSIONS / "plan.es.txt").read_bytes(), "text/plain"),
            "second": ("blank.txt", b"   \n", "text/plain"),
        },
        headers=bearer(stored.focal_point),
    )
    assert anonymous.status_code == 401
    assert language.status_code == 422
    assert empty.status_code == 422 and "blank.txt" in empty.text
