"""Answers written in one pass: vigia.web.json_answers."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from fastapi.testclient import TestClient
from pydantic import BaseModel

from vigia.settings import Settings
from vigia.web.app import create_app
from vigia.web.json_answers import json_answer


class Sample(BaseModel):
    name: str
    when: datetime
    value: float | None


def test_json_answer_writes_what_fastapi_would() -> None:
    sample = Sample(name="Perú", when=datetime(2026, 12, 7, 15, tzinfo=UTC), value=1542.0)

    answer = json_answer(sample)

    assert answer.media_type == "application/json"
    assert json.loads(answer.body) == sample.model_dump(mode="json")
    assert "Perú".encode() in answer.body


def test_facts_answer_is_still_described_in_the_openapi_document(ready_sqlite_url: str) -> None:
    with TestClient(create_app(Settings(database_url=ready_sqlite_url))) as client:
        document = client.get("/openapi.json").json()

    answer = document["paths"]["/api/v1/facts"]["get"]["responses"]["200"]
    assert answer["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/FactPage"
    }
