"""Uploading reports and following their extraction: vigia.web.uploads and its routes.

The runner's threads are real; tests wait for a job with ``UploadRunner.wait`` instead of sleeping.
"""

from __future__ import annotations

import asyncio
import io
import os
import socket
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI, Request
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tests.web.conftest import Stored, bearer
from vigia.services.jobs import FAILED, create_job, find_job
from vigia.settings import Settings, SettingsError
from vigia.store.audit import list_entries
from vigia.store.database import open_database, session_factory
from vigia.store.models import (
    AuditLogRow,
    DocumentRow,
    EvidenceRow,
    ExtractionJobRow,
    FactRow,
    UserRow,
)
from vigia.web.app import create_app
from vigia.web.upload_requests import (
    FORM_ALLOWANCE,
    STOPPING_MESSAGE,
    ReceivedFile,
    UploadRefusedError,
    UploadTarget,
    accept_upload,
    clean_file_name,
    file_suffix,
    receive_upload,
)
from vigia.web.uploads import (
    STOPPED_REASON,
    Upload,
    UploadRunner,
    recover_abandoned,
    run_upload,
    this_worker,
)

REPORT = (
    b"National report of Costa Rica on trafficking in persons\n\n"
    b"In 2019 the national coalition trained more than 450 public officials.\n"
    b"The prosecution service opened 37 investigations for trafficking in persons in 2019.\n"
)
CORRUPT_PDF = b"%PDF-1.4 garbage"
STORED_TABLES = (DocumentRow, FactRow, EvidenceRow)
WAIT_SECONDS = 60


@pytest.fixture
def database(stored: Stored) -> Iterator[Session]:
    """A session of its own on the test database, to look at what the application stored."""
    engine = open_database(stored.url)
    try:
        with session_factory(engine)() as session:
            yield session
    finally:
        engine.dispose()


def _counts(session: Session) -> dict[str, int]:
    session.expire_all()
    return {
        table.__tablename__: session.scalar(select(func.count()).select_from(table)) or 0
        for table in (*STORED_TABLES, ExtractionJobRow)
    }


def _stored_counts(session: Session) -> dict[str, int]:
    counts = _counts(session)
    counts.pop(ExtractionJobRow.__tablename__)
    return counts


def _upload(
    client: TestClient,
    token: str | None,
    content: bytes = REPORT,
    name: str = "informe-cri.txt",
    **fields: str,
) -> Any:
    headers = bearer(token) if token else {}
    return client.post(
        "/api/v1/documents", files={"file": (name, content)}, data=fields, headers=headers
    )


def _finished_job(client: TestClient, app: FastAPI, token: str, job_id: int) -> dict[str, Any]:
    runner: UploadRunner = app.state.upload_runner
    runner.wait(job_id, timeout=WAIT_SECONDS)
    response = client.get(f"/api/v1/jobs/{job_id}", headers=bearer(token))
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def _error(response: Any, status: int) -> str:
    assert response.status_code == status, response.text
    body = response.json()
    assert body["error"]["status"] == status
    message: str = body["error"]["message"]
    return message


def _user(session: Session, email: str) -> UserRow:
    user = session.scalar(select(UserRow).where(UserRow.email == email))
    assert user is not None
    return user


# --- Uploading through the API ------------------------------------------------------------------


def test_upload_document_stores_facts_with_uploader_and_country(
    client: TestClient, app: FastAPI, stored: Stored, database: Session
) -> None:
    response = _upload(client, stored.focal_point, country="CRI")

    assert response.status_code == 202, response.text
    queued = response.json()
    assert queued["status"] in {"queued", "running", "done"}
    assert response.headers["Location"] == f"/api/v1/jobs/{queued['id']}"
    job = _finished_job(client, app, stored.focal_point, queued["id"])
    assert job["status"] == "done"
    assert job["progress"] == 100
    assert job["error"] is None
    assert job["document_url"] == f"/api/v1/documents/{job['document_id']}"
    document = database.get(DocumentRow, job["document_id"])
    assert document is not None
    assert document.uploaded_by == _user(database, "focal.cri@example.org").id
    assert document.country == "CRI"
    assert document.original == REPORT
    assert document.original_name == "informe-cri.txt"
    assert document.path == "informe-cri.txt"
    indicators = {fact.indicator for fact in document.facts}
    assert {"persons_trained", "investigations"} <= indicators


def test_upload_document_focal_point_country_by_default(
    client: TestClient, app: FastAPI, stored: Stored, database: Session
) -> None:
    queued = _upload(client, stored.focal_point).json()

    job = _finished_job(client, app, stored.focal_point, queued["id"])
    document = database.get(DocumentRow, job["document_id"])
    assert document is not None
    assert document.country == "CRI"


def test_upload_document_secretariat_with_meeting_and_no_country(
    client: TestClient, app: FastAPI, stored: Stored, database: Session
) -> None:
    queued = _upload(client, stored.secretariat, meeting="TEST-9").json()

    job = _finished_job(client, app, stored.secretariat, queued["id"])
    document = database.get(DocumentRow, job["document_id"])
    assert document is not None
    assert document.country is None
    assert document.meeting_code == "TEST-9"


def test_upload_document_unknown_meeting_is_refused(
    client: TestClient, stored: Stored, database: Session
) -> None:
    before = _counts(database)

    message = _error(_upload(client, stored.secretariat, meeting="NO-SUCH-1"), 422)

    assert "unknown meeting 'NO-SUCH-1'" in message
    assert _counts(database) == before


def test_upload_document_unknown_country_is_refused(client: TestClient, stored: Stored) -> None:
    message = _error(_upload(client, stored.secretariat, country="XYZ"), 422)

    assert "'XYZ' is not an ISO 3166-1 alpha-3 country code" in message


def test_upload_document_again_points_at_the_stored_document(
    client: TestClient, app: FastAPI, stored: Stored, database: Session
) -> None:
    first = _finished_job(
        client, app, stored.focal_point, _upload(client, stored.focal_point).json()["id"]
    )
    after_first = _stored_counts(database)

    again = _upload(client, stored.focal_point, name="same-content.txt")
    second = _finished_job(client, app, stored.focal_point, again.json()["id"])

    assert again.status_code == 202
    assert second["status"] == "done"
    assert second["id"] != first["id"]
    assert second["document_id"] == first["document_id"]
    assert _stored_counts(database) == after_first
    document = database.get(DocumentRow, first["document_id"])
    assert document is not None
    assert document.original_name == "informe-cri.txt"


def test_upload_document_records_the_upload_in_the_audit_log(
    client: TestClient, app: FastAPI, stored: Stored, database: Session
) -> None:
    job_id = _upload(client, stored.focal_point, country="CRI").json()["id"]
    job = _finished_job(client, app, stored.focal_point, job_id)

    uploads = list_entries(database, action="document.upload")
    created = list_entries(database, action="document.create")
    assert [(entry.entity, entry.entity_id) for entry in uploads] == [
        ("extraction_jobs", str(job_id))
    ]
    assert uploads[0].actor_label == "focal.cri@example.org"
    assert uploads[0].details is not None
    assert uploads[0].details["country"] == "CRI"
    assert uploads[0].details["size"] == len(REPORT)
    assert [(entry.entity, entry.entity_id) for entry in created] == [
        ("documents", str(job["document_id"]))
    ]
    assert created[0].after is not None
    assert created[0].after["original_name"] == "informe-cri.txt"


# --- Refusals -----------------------------------------------------------------------------------


def test_upload_document_anonymous_is_unauthorised(
    client: TestClient, stored: Stored, database: Session
) -> None:
    before = _counts(database)

    message = _error(_upload(client, None), 401)

    assert "API token" in message
    assert _counts(database) == before


def test_upload_document_for_another_country_is_forbidden(
    client: TestClient, stored: Stored, database: Session
) -> None:
    before = _counts(database)

    message = _error(_upload(client, stored.focal_point, country="ARG"), 403)

    assert "own country (CRI)" in message
    assert _counts(database) == before


def test_upload_document_administrator_is_forbidden(client: TestClient, stored: Stored) -> None:
    message = _error(_upload(client, stored.administrator, country="CRI"), 403)

    assert "only focal points and the secretariat" in message


@pytest.fixture
def small_limit_client(stored: Stored) -> Iterator[TestClient]:
    """A client of an application accepting files of at most 1000 bytes."""
    application = create_app(Settings(database_url=stored.url, max_upload_bytes=1000))
    with TestClient(application) as test_client:
        yield test_client
    application.state.engine.dispose()


def test_upload_document_too_large_is_refused_with_413(
    small_limit_client: TestClient, stored: Stored, database: Session
) -> None:
    before = _counts(database)

    response = _upload(small_limit_client, stored.focal_point, REPORT * 10)

    message = _error(response, 413)
    assert "larger than the upload limit" in message
    assert _counts(database) == before


def test_upload_document_just_under_the_limit_is_accepted(
    small_limit_client: TestClient, stored: Stored
) -> None:
    content = REPORT + b" " * (1000 - len(REPORT))

    response = _upload(small_limit_client, stored.focal_point, content)

    assert response.status_code == 202, response.text


def _chunked_multipart(content: bytes, chunk_size: int = 4096) -> Iterator[bytes]:
    yield (
        b"--limit\r\n"
        b'Content-Disposition: form-data; name="file"; filename="big.txt"\r\n'
        b"Content-Type: text/plain\r\n\r\n"
    )
    for start in range(0, len(content), chunk_size):
        yield content[start : start + chunk_size]
    yield b"\r\n--limit--\r\n"


def test_upload_document_too_large_without_length_is_refused(
    small_limit_client: TestClient, stored: Stored, database: Session
) -> None:
    """Without a Content-Length header, the body is counted as it comes."""
    before = _counts(database)

    response = small_limit_client.post(
        "/api/v1/documents",
        content=_chunked_multipart(b"x" * 100_000),
        headers={
            **bearer(stored.focal_point),
            "Content-Type": "multipart/form-data; boundary=limit",
        },
    )

    assert _error(response, 413).startswith("the file is larger than the upload limit")
    assert _counts(database) == before


def test_receive_upload_stops_reading_past_the_limit() -> None:
    """The body is read chunk by chunk, and no further once it is past the limit."""
    chunks = _chunked_multipart(b"x" * 10_000_000)
    pulled: list[int] = []

    async def receive() -> dict[str, Any]:
        chunk = next(chunks, b"")
        pulled.append(len(chunk))
        return {"type": "http.request", "body": chunk, "more_body": bool(chunk)}

    scope = {
        "type": "http",
        "method": "POST",
        "path": "/api/v1/documents",
        "headers": [(b"content-type", b"multipart/form-data; boundary=limit")],
    }

    with pytest.raises(UploadRefusedError) as refusal:
        asyncio.run(receive_upload(Request(scope, receive), 1000))

    assert refusal.value.status_code == 413
    assert sum(pulled) <= 1000 + FORM_ALLOWANCE + 4096


def test_upload_document_empty_file_is_refused(
    client: TestClient, stored: Stored, database: Session
) -> None:
    before = _counts(database)

    message = _error(_upload(client, stored.focal_point, b"", "empty.txt"), 422)

    assert message == "empty.txt: empty file"
    assert _counts(database) == before


def test_upload_document_unsupported_type_is_refused(
    client: TestClient, stored: Stored, database: Session
) -> None:
    before = _counts(database)

    response = _upload(client, stored.focal_point, b"\x7fELF\x02\x01\x01", "tool.exe")

    assert "unsupported file type '.exe'" in _error(response, 422)
    assert _counts(database) == before


def test_upload_document_without_a_file_is_refused(client: TestClient, stored: Stored) -> None:
    response = client.post(
        "/api/v1/documents",
        files={"country": (None, "CRI")},
        headers=bearer(stored.focal_point),
    )

    assert _error(response, 422) == "the form has no file in field 'file'"


def test_upload_document_not_multipart_is_refused(client: TestClient, stored: Stored) -> None:
    response = client.post("/api/v1/documents", content=REPORT, headers=bearer(stored.focal_point))

    assert "multipart/form-data" in _error(response, 415)


def test_upload_document_corrupt_pdf_fails_its_job_and_stores_nothing(
    client: TestClient, app: FastAPI, stored: Stored, database: Session
) -> None:
    before = _stored_counts(database)

    response = _upload(client, stored.focal_point, CORRUPT_PDF, "broken.pdf")

    assert response.status_code == 202, response.text
    job = _finished_job(client, app, stored.focal_point, response.json()["id"])
    assert job["status"] == "failed"
    assert job["error"] == "broken.pdf: corrupt or unreadable PDF"
    assert job["document_id"] is None
    assert _stored_counts(database) == before


def _zip_bomb(expanded: int) -> bytes:
    """A DOCX-shaped archive whose main part inflates to ``expanded`` bytes of spaces."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w") as part:
            for _ in range(expanded // 2**20):
                part.write(b" " * 2**20)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("content", "name", "reason"),
    [
        (_zip_bomb(101 * 2**20), "bomb.docx", "possibly a zip bomb"),
        (bytes((index * 97 + 13) % 256 for index in range(20_000)), "noise.html", "not text"),
    ],
)
def test_upload_of_a_hostile_file_fails_its_job_as_on_the_command_line(
    client: TestClient,
    app: FastAPI,
    stored: Stored,
    database: Session,
    content: bytes,
    name: str,
    reason: str,
) -> None:
    before = _stored_counts(database)

    response = _upload(client, stored.focal_point, content, name)

    assert response.status_code == 202, response.text
    job = _finished_job(client, app, stored.focal_point, response.json()["id"])
    assert job["status"] == "failed"
    assert job["error"].startswith(f"{name}: ") and reason in job["error"]
    assert _stored_counts(database) == before


# --- Following a job ----------------------------------------------------------------------------


def test_get_job_reports_progress_to_its_uploader_and_the_secretariat(
    client: TestClient, app: FastAPI, stored: Stored
) -> None:
    job_id = _upload(client, stored.focal_point).json()["id"]
    _finished_job(client, app, stored.focal_point, job_id)

    for token in (stored.focal_point, stored.secretariat):
        body = client.get(f"/api/v1/jobs/{job_id}", headers=bearer(token)).json()
        assert (body["id"], body["status"], body["progress"]) == (job_id, "done", 100)
        assert body["file_name"] == "informe-cri.txt"


def test_get_job_hidden_from_others(client: TestClient, app: FastAPI, stored: Stored) -> None:
    job_id = _upload(client, stored.focal_point).json()["id"]

    hidden = client.get(f"/api/v1/jobs/{job_id}", headers=bearer(stored.administrator))
    anonymous = client.get(f"/api/v1/jobs/{job_id}")

    assert _error(hidden, 404) == f"no job with id {job_id}"
    assert _error(anonymous, 401).startswith("jobs are seen with an API token")
    app.state.upload_runner.wait(job_id, timeout=WAIT_SECONDS)


def test_get_job_unknown_is_not_found(client: TestClient, stored: Stored) -> None:
    response = client.get("/api/v1/jobs/999999", headers=bearer(stored.secretariat))

    assert _error(response, 404) == "no job with id 999999"


# --- The runner, without HTTP -------------------------------------------------------------------


def _queued_upload(
    session: Session, tmp_path: Path, content: bytes, name: str, uploaded_by: int | None = None
) -> Upload:
    job = create_job(session, name, None)
    path = tmp_path / f"upload{file_suffix(name)}"
    path.write_bytes(content)
    return Upload(job.id, path, name, uploaded_by, "CRI", None)


def test_run_upload_failure_leaves_nothing_and_removes_the_file(
    database: Session, tmp_path: Path
) -> None:
    before = _stored_counts(database)
    upload = _queued_upload(database, tmp_path, CORRUPT_PDF, "broken.pdf")

    run_upload(session_factory(database.get_bind()), upload)  # type: ignore[arg-type]

    job = find_job(database, upload.job_id)
    assert job is not None
    assert (job.status, job.error) == (FAILED, "broken.pdf: corrupt or unreadable PDF")
    assert _stored_counts(database) == before
    assert not upload.path.exists()


def test_run_upload_storing_failure_rolls_everything_back(
    database: Session, tmp_path: Path
) -> None:
    """An uploader who does not exist breaks a foreign key as the document is stored."""
    before = _stored_counts(database)
    upload = _queued_upload(database, tmp_path, REPORT, "report.txt", uploaded_by=999_999)

    run_upload(session_factory(database.get_bind()), upload)  # type: ignore[arg-type]

    job = find_job(database, upload.job_id)
    assert job is not None
    assert job.status == FAILED
    assert job.error is not None
    assert job.error.startswith("report.txt: cannot store:")
    assert _stored_counts(database) == before
    assert (
        database.scalar(
            select(func.count())
            .select_from(AuditLogRow)
            .where(AuditLogRow.action == "document.create")
        )
        == 0
    )


def test_upload_runner_inline_runs_at_once(database: Session, tmp_path: Path) -> None:
    runner = UploadRunner(session_factory(database.get_bind()), inline=True)  # type: ignore[arg-type]
    upload = _queued_upload(database, tmp_path, REPORT, "report.txt")

    future = runner.submit(upload)

    assert future.done()
    job = find_job(database, upload.job_id)
    assert job is not None
    assert (job.status, job.progress) == ("done", 100)
    runner.shutdown()


def test_accept_upload_after_shutdown_fails_the_job(
    database: Session, stored: Stored, tmp_path: Path
) -> None:
    runner = UploadRunner(session_factory(database.get_bind()))  # type: ignore[arg-type]
    runner.shutdown()
    path = tmp_path / "report.txt"
    path.write_bytes(REPORT)
    received = ReceivedFile(path, "report.txt", len(REPORT), "text/plain", {})
    user = _user(database, "focal.cri@example.org")

    with pytest.raises(UploadRefusedError) as refusal:
        accept_upload(database, runner, user, received, UploadTarget("CRI", None))

    assert refusal.value.status_code == 503
    job = database.scalar(select(ExtractionJobRow).order_by(ExtractionJobRow.id.desc()))
    assert job is not None
    assert (job.status, job.error) == (FAILED, STOPPING_MESSAGE)


def test_clean_file_name_keeps_the_name_only() -> None:
    assert clean_file_name("C:\\reports\\informe\x00 final.pdf") == "informe final.pdf"
    assert clean_file_name("../../etc/passwd") == "passwd"
    assert clean_file_name("") == "upload"
    assert clean_file_name(None) == "upload"


def test_file_suffix_lower_case_or_none() -> None:
    assert file_suffix("Informe.PDF") == ".pdf"
    assert file_suffix("README") == ""
    assert file_suffix("odd.name with space") == ""


# --- The limit, from the environment ------------------------------------------------------------


def test_settings_max_upload_bytes_default_and_from_environment() -> None:
    assert Settings.from_environment({}).max_upload_bytes == 20 * 1024 * 1024
    environment = {"VIGIA_MAX_UPLOAD_BYTES": " 1048576 "}
    assert Settings.from_environment(environment).max_upload_bytes == 1048576


@pytest.mark.parametrize("value", ["20MB", "0", "-5", "١٠"])
def test_settings_max_upload_bytes_refuses_what_is_not_a_size(value: str) -> None:
    with pytest.raises(SettingsError, match="VIGIA_MAX_UPLOAD_BYTES"):
        Settings.from_environment({"VIGIA_MAX_UPLOAD_BYTES": value})


def _ended_process_id() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def test_start_up_fails_jobs_of_a_killed_server_and_removes_its_files(
    stored: Stored, database: Session, tmp_path: Path
) -> None:
    killed = _ended_process_id()
    abandoned = create_job(database, "report.txt", None, worker=f"{socket.gethostname()}:{killed}")
    running_here = create_job(database, "mine.txt", None, worker=this_worker())
    left_behind = tmp_path / f"vigia-upload-{killed}-x1y2.txt"
    left_behind.write_bytes(REPORT)
    in_use = tmp_path / f"vigia-upload-{os.getpid()}-a3b4.txt"
    in_use.write_bytes(REPORT)

    failed = recover_abandoned(session_factory(database.get_bind()), tmp_path)  # type: ignore[arg-type]

    assert failed == [abandoned.id]
    database.expire_all()
    job = find_job(database, abandoned.id)
    assert job is not None and (job.status, job.error) == (FAILED, STOPPED_REASON)
    mine = find_job(database, running_here.id)
    assert mine is not None and mine.status == "queued"
    assert not left_behind.exists()
    assert in_use.exists()


def test_application_start_recovers_abandoned_jobs(stored: Stored, database: Session) -> None:
    abandoned = create_job(
        database, "report.txt", None, worker=f"{socket.gethostname()}:{_ended_process_id()}"
    )
    app = create_app(Settings(database_url=stored.url))
    with TestClient(app) as client:
        body = client.get(f"/api/v1/jobs/{abandoned.id}", headers=bearer(stored.secretariat))
    app.state.engine.dispose()

    assert body.json()["status"] == FAILED
    assert body.json()["error"] == STOPPED_REASON
