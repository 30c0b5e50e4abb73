"""Answers shared by the workers through Redis: vigia.web.shared_answers, with a real server.

``VIGIA_TEST_REDIS_URL`` (by default ``redis://127.0.0.1:6379/0``); without a server these tests
are skipped with the reason, unless ``VIGIA_REQUIRE_REDIS=1`` (as in CI), where they fail instead.
"""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from redis import Redis
from redis.exceptions import RedisError
from sqlalchemy import update

from tests.web.conftest import Stored
from vigia.settings import Settings
from vigia.store.database import open_database, session_factory
from vigia.store.models import FactRow
from vigia.web.app import create_app
from vigia.web.shared_answers import Answer

REDIS_URL = os.environ.get("VIGIA_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


@pytest.fixture
def redis_url() -> Iterator[str]:
    client = Redis.from_url(REDIS_URL, socket_connect_timeout=2)
    try:
        client.ping()
    except RedisError as error:
        reason = f"Redis not reachable at {REDIS_URL} ({error})"
        if os.environ.get("VIGIA_REQUIRE_REDIS") == "1":
            pytest.fail(f"{reason}; VIGIA_REQUIRE_REDIS=1 makes this an error")
        pytest.skip(f"{reason}; set VIGIA_TEST_REDIS_URL to test with Redis")
    yield REDIS_URL
    client.close()


def _worker(url: str, redis_url: str | None) -> FastAPI:
    return create_app(Settings(database_url=url, secret_key="shared", redis_url=redis_url))


def _publish_everything(url: str) -> None:
    engine = open_database(url)
    with session_factory(engine)() as session:
        session.execute(update(FactRow).values(status="published"))
        session.commit()
    engine.dispose()


def test_an_answer_one_worker_built_is_found_by_the_other(stored: Stored, redis_url: str) -> None:
    first, second = _worker(stored.url, redis_url), _worker(stored.url, redis_url)
    with TestClient(first) as one, TestClient(second) as other:
        built = one.get("/api/v1/facts")
        found = other.get("/api/v1/facts")
        _publish_everything(stored.url)
        rebuilt = other.get("/api/v1/facts")
        found_again = one.get("/api/v1/facts")

    assert (built.headers["x-cache"], found.headers["x-cache"]) == ("miss", "hit")
    assert found.content == built.content and found.headers["etag"] == built.headers["etag"]
    assert (rebuilt.headers["x-cache"], found_again.headers["x-cache"]) == ("miss", "hit")
    assert found_again.json()["total"] == 8 and built.json()["total"] == 1
    for application in (first, second):
        application.state.engine.dispose()


def test_without_redis_each_worker_still_answers(
    stored: Stored, caplog: pytest.LogCaptureFixture
) -> None:
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        closed = probe.getsockname()[1]
    application = _worker(stored.url, f"redis://:secret@127.0.0.1:{closed}/0")
    with caplog.at_level(logging.WARNING), TestClient(application) as client:
        answers = [client.get("/api/v1/facts") for _ in range(3)]

    assert [answer.status_code for answer in answers] == [200, 200, 200]
    assert [answer.headers["x-cache"] for answer in answers] == ["miss", "hit", "hit"]
    warnings = [record.getMessage() for record in caplog.records if "Redis" in record.getMessage()]
    assert len(warnings) == 1 and "secret" not in warnings[0]
    application.state.engine.dispose()


def test_an_answer_goes_through_redis_unchanged() -> None:
    answer = Answer(200, [(b"content-type", b"text/html; charset=utf-8")], "é".encode(), b'"e1"')

    assert Answer.from_fields(**answer.fields()) == answer
