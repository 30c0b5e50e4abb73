"""The upload page and the job page: vigia.web.routers.upload_pages.

Visitors are logged in with a session cookie signed by the application's own codec.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tests.web.conftest import Stored
from vigia.services.jobs import create_job
from vigia.services.logins import start_login_session
from vigia.settings import Settings
from vigia.store.database import open_database, session_factory
from vigia.store.models import DocumentRow, ExtractionJobRow, FactRow, UserRow
from vigia.web.app import create_app
from vigia.web.sessions import CSRF_FIELD, SESSION_COOKIE, LoginSession, SessionCodec

REPORT = (
    b"National report of Costa Rica on trafficking in persons\n\n"
    b"In 2019 the national coalition trained more than 450 public officials.\n"
)
FOCAL_POINT = "focal.cri@example.org"
ADMINISTRATOR = "admin@example.org"
WAIT_SECONDS = 60


@pytest.fixture
def database(stored: Stored) -> Iterator[Session]:
    engine = open_database(stored.url)
    try:
        with session_factory(engine)() as session:
            yield session
    finally:
        engine.dispose()


def _user_id(session: Session, email: str) -> int:
    user_id = session.scalar(select(UserRow.id).where(UserRow.email == email))
    assert user_id is not None
    return user_id


def _log_in(client: TestClient, app: FastAPI, user_id: int) -> str:
    """Give ``client`` a session of ``user_id``, open on the server; its CSRF token."""
    with app.state.sessions() as session:
        user = session.get(UserRow, user_id)
        assert user is not None
        key = start_login_session(session, user)
    login = LoginSession.fresh(user_id, key=key)
    codec = SessionCodec(app.state.settings.signing_key())
    client.cookies.set(SESSION_COOKIE, codec.encode(login))
    return login.csrf_token


def _counts(session: Session) -> tuple[int, int]:
    session.expire_all()
    documents = session.scalar(select(func.count()).select_from(DocumentRow)) or 0
    jobs = session.scalar(select(func.count()).select_from(ExtractionJobRow)) or 0
    return documents, jobs


def _post(
    client: TestClient, csrf: str | None, content: bytes = REPORT, name: str = "report.txt"
) -> Any:
    data = {"country": "CRI"}
    if csrf is not None:
        data[CSRF_FIELD] = csrf
    return client.post(
        "/upload", files={"file": (name, content)}, data=data, follow_redirects=False
    )


def test_upload_form_anonymous_goes_to_login(client: TestClient) -> None:
    response = client.get("/upload", follow_redirects=False)

    assert response.status_code == 303
    assert response.headers["Location"] == "/login?next=%2Fupload"


def test_upload_form_offers_a_focal_point_its_own_country(
    client: TestClient, app: FastAPI, database: Session
) -> None:
    _log_in(client, app, _user_id(database, FOCAL_POINT))

    response = client.get("/upload")

    assert response.status_code == 200
    assert 'enctype="multipart/form-data"' in response.text
    assert re.findall(r'<option value="([A-Z]{3})"', response.text) == ["CRI"]
    assert '<option value="TEST-9">' in response.text
    assert response.headers["Content-Security-Policy"].startswith("default-src 'self'")


def test_upload_form_refused_to_an_administrator(
    client: TestClient, app: FastAPI, database: Session
) -> None:
    _log_in(client, app, _user_id(database, ADMINISTRATOR))

    assert client.get("/upload").status_code == 403


def test_upload_goes_to_the_job_page_which_links_the_document(
    client: TestClient, app: FastAPI, database: Session
) -> None:
    csrf = _log_in(client, app, _user_id(database, FOCAL_POINT))

    response = _post(client, csrf)

    assert response.status_code == 303, response.text
    job_id = int(response.headers["Location"].removeprefix("/jobs/"))
    app.state.upload_runner.wait(job_id, timeout=WAIT_SECONDS)
    page = client.get(f"/jobs/{job_id}")
    job = database.get(ExtractionJobRow, job_id)
    assert job is not None
    assert job.status == "done"
    assert f'href="/documents/{job.document_id}"' in page.text
    assert 'value="100"' in page.text
    assert 'http-equiv="refresh"' not in page.text


def test_upload_without_csrf_token_is_refused(
    client: TestClient, app: FastAPI, database: Session
) -> None:
    _log_in(client, app, _user_id(database, FOCAL_POINT))
    before = _counts(database)

    response = _post(client, None)

    assert response.status_code == 403
    assert _counts(database) == before


def test_upload_anonymous_goes_to_login(client: TestClient, database: Session) -> None:
    before = _counts(database)

    response = _post(client, None)

    assert response.status_code == 303
    assert response.headers["Location"].startswith("/login")
    assert _counts(database) == before


def test_upload_refused_file_shows_the_form_with_the_reason(
    client: TestClient, app: FastAPI, database: Session
) -> None:
    csrf = _log_in(client, app, _user_id(database, FOCAL_POINT))
    before = _counts(database)

    response = _post(client, csrf, b"", "empty.txt")

    assert response.status_code == 422
    assert 'class="alert"' in response.text
    assert "empty.txt: empty file" in response.text
    assert 'name="file"' in response.text
    assert _counts(database) == before


def test_upload_too_large_shows_the_limit(stored: Stored, database: Session) -> None:
    application = create_app(Settings(database_url=stored.url, max_upload_bytes=100))
    try:
        with TestClient(application) as small:
            csrf = _log_in(small, application, _user_id(database, FOCAL_POINT))
            before = _counts(database)

            response = _post(small, csrf)

            assert response.status_code == 413
            assert "larger than the upload limit" in response.text
            assert _counts(database) == before
    finally:
        application.state.engine.dispose()


def test_job_page_of_a_running_job_updates_itself(
    client: TestClient, app: FastAPI, database: Session
) -> None:
    user_id = _log_in_focal_point(client, app, database)
    job = create_job(database, "report.pdf", database.get(UserRow, user_id))

    page = client.get(f"/jobs/{job.id}")

    assert page.status_code == 200
    assert '<meta http-equiv="refresh" content="3">' in page.text
    assert f'data-job-status="/jobs/{job.id}/status"' in page.text
    assert '<progress id="job-progress" max="100" value="0">' in page.text
    assert '<script src="/static/job-progress.js" defer></script>' in page.text


def _log_in_focal_point(client: TestClient, app: FastAPI, database: Session) -> int:
    user_id = _user_id(database, FOCAL_POINT)
    _log_in(client, app, user_id)
    return user_id


def test_job_page_hidden_from_others(client: TestClient, app: FastAPI, database: Session) -> None:
    job = create_job(database, "report.pdf", database.get(UserRow, _user_id(database, FOCAL_POINT)))
    _log_in(client, app, _user_id(database, ADMINISTRATOR))

    assert client.get(f"/jobs/{job.id}").status_code == 404
    assert client.get(f"/jobs/{job.id}/status").status_code == 404


def test_job_status_gives_the_script_its_progress(
    client: TestClient, app: FastAPI, database: Session
) -> None:
    user_id = _log_in_focal_point(client, app, database)
    job = create_job(database, "report.pdf", database.get(UserRow, user_id))

    body = client.get(f"/jobs/{job.id}/status", params={"lang": "en"}).json()

    assert body == {
        "id": job.id,
        "status": "queued",
        "state": "Waiting to be read",
        "progress": 0,
        "finished": False,
    }


def test_job_status_anonymous_is_unauthorised(client: TestClient, database: Session) -> None:
    job = create_job(database, "report.pdf", None)

    response = client.get(f"/jobs/{job.id}/status")

    assert response.status_code == 401
    assert response.json()["error"]["message"] == "log in to follow a job"


def test_job_progress_script_is_packaged() -> None:
    script = (resources.files("vigia.web") / "static" / "job-progress.js").read_text("utf-8")

    assert "data-job-status" in script
    assert "progress" in script


def test_job_page_tells_a_focal_point_where_other_states_figures_went(
    client: TestClient, app: FastAPI, database: Session
) -> None:
    report = Path(__file__).parents[1] / "data" / "reports" / "rtp4-rapporteur-report.en.txt"
    csrf = _log_in(client, app, _user_id(database, FOCAL_POINT))

    response = _post(client, csrf, report.read_bytes(), "rtp4.txt")
    job_id = int(response.headers["Location"].removeprefix("/jobs/"))
    app.state.upload_runner.wait(job_id, timeout=WAIT_SECONDS)
    page = client.get(f"/jobs/{job_id}?lang=en").text

    job = database.get(ExtractionJobRow, job_id)
    assert job is not None and job.document_id is not None
    countries = database.execute(
        select(FactRow.country).where(FactRow.document_id == job.document_id)
    ).scalars()
    others = {code for code in countries if code not in (None, "CRI")}
    assert others, "the report speaks of other states"
    assert "Figures about Costa Rica, waiting for your review:" in page
    assert "Figures about other states, sent to the secretariat for review" in page
    assert "No rating or figure is public until the secretariat" in page
