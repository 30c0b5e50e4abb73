"""Answers kept for anonymous readers until the data changes: vigia.web.public_cache."""

from __future__ import annotations

from datetime import timedelta
from email.utils import format_datetime, parsedate_to_datetime

from fastapi.testclient import TestClient
from sqlalchemy import update

from tests.web.conftest import Stored, bearer
from vigia.store.database import open_database, session_factory
from vigia.store.models import FactRow
from vigia.web.public_cache import PUBLIC_READS


def _publish_everything(url: str) -> None:
    """A change made by another engine, as another worker or a command would make it."""
    engine = open_database(url)
    try:
        with session_factory(engine)() as session:
            session.execute(update(FactRow).values(status="published"))
            session.commit()
    finally:
        engine.dispose()


def test_an_anonymous_read_is_kept_until_the_data_changes(
    client: TestClient, stored: Stored
) -> None:
    first = client.get("/api/v1/facts")
    again = client.get("/api/v1/facts")

    assert (first.headers["x-cache"], again.headers["x-cache"]) == ("miss", "hit")
    assert again.json() == first.json() and first.json()["total"] == 1

    _publish_everything(stored.url)
    after = client.get("/api/v1/facts")

    assert after.headers["x-cache"] == "miss"
    assert after.json()["total"] == 8


def test_etag_and_last_modified_answer_304_while_they_hold(
    client: TestClient, stored: Stored
) -> None:
    first = client.get("/countries/CRI")
    etag, modified = first.headers["etag"], first.headers["last-modified"]

    same = client.get("/countries/CRI", headers={"If-None-Match": etag})
    later = format_datetime(parsedate_to_datetime(modified) + timedelta(seconds=2), usegmt=True)
    not_since = client.get("/countries/CRI", headers={"If-Modified-Since": later})
    same_second = client.get("/countries/CRI", headers={"If-Modified-Since": modified})

    assert first.status_code == 200 and first.headers["cache-control"] == "no-cache"
    assert (same.status_code, same.content, same.headers["etag"]) == (304, b"", etag)
    assert not_since.status_code == 304
    assert same_second.status_code == 200  # a change within that second may be newer

    _publish_everything(stored.url)
    changed = client.get("/countries/CRI", headers={"If-None-Match": etag})

    assert changed.status_code == 200 and changed.headers["etag"] != etag
    assert changed.content != first.content


def test_callers_with_a_token_are_never_served_from_the_cache(
    client: TestClient, stored: Stored
) -> None:
    client.get("/api/v1/facts")
    signed = client.get("/api/v1/facts", headers=bearer(stored.secretariat))

    assert "x-cache" not in signed.headers
    assert signed.json()["total"] == 8  # the secretariat sees what is not published yet


def test_each_language_is_kept_apart(client: TestClient) -> None:
    english = client.get("/?lang=en")
    french = client.get("/?lang=fr")
    client.cookies.clear()  # ?lang= is remembered in a cookie, which outranks Accept-Language
    asked_english = client.get("/", headers={"Accept-Language": "en"})
    asked_french = client.get("/", headers={"Accept-Language": "fr-CA,fr;q=0.9"})

    assert english.headers["x-cache"] == french.headers["x-cache"] == "miss"
    assert 'lang="en"' in english.text and 'lang="fr"' in french.text
    assert asked_french.headers["x-cache"] == "miss"
    assert 'lang="en"' in asked_english.text and 'lang="fr"' in asked_french.text


def test_public_reads_give_no_session_cookie_but_a_form_does(client: TestClient) -> None:
    made, kept = client.get("/"), client.get("/")
    login = client.get("/login")

    assert (made.headers["x-cache"], kept.headers["x-cache"]) == ("miss", "hit")
    assert "vigia_session" not in made.cookies and "vigia_session" not in kept.cookies
    assert "x-cache" not in login.headers and "vigia_session" in login.cookies
    assert login.headers["cache-control"] == "no-store"


def test_only_public_reads_are_kept() -> None:
    kept = ["/", "/countries/CRI", "/meetings", "/meetings/RTP-III", "/plan", "/api/v1/facts"]
    never = ["/login", "/review", "/upload", "/audit", "/accounts", "/api/v1/jobs/3", "/docs"]

    assert all(PUBLIC_READS.match(path) for path in kept)
    assert not any(PUBLIC_READS.match(path) for path in never)
