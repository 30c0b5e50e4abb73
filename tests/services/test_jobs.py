"""Extraction jobs: vigia.services.jobs."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from vigia.domain import Document
from vigia.services.jobs import (
    DONE,
    ERROR_LENGTH,
    FAILED,
    QUEUED,
    RUNNING,
    JobNotFoundError,
    UploadDetails,
    create_job,
    fail_abandoned_jobs,
    fail_job,
    find_job,
    one_line,
    set_progress,
    store_upload,
)
from vigia.store.audit import list_entries
from vigia.store.models import DocumentRow, FactRow

ORIGINAL = b"the uploaded bytes"


def _details(uploaded_by: int | None = None, meeting: str | None = None) -> UploadDetails:
    return UploadDetails(uploaded_by, "CRI", meeting, ORIGINAL, "report.txt")


def _documents(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(DocumentRow)) or 0


def test_create_job_queued_with_its_audit_entry(session: Session) -> None:
    job = create_job(session, "report.pdf", None, {"country": "CRI", "size": 12})

    assert (job.status, job.progress, job.file_name) == (QUEUED, 0, "report.pdf")
    assert job.created_at.tzinfo is not None
    assert not job.finished
    [entry] = list_entries(session, action="document.upload")
    assert (entry.entity, entry.entity_id, entry.actor_label) == (
        "extraction_jobs",
        str(job.id),
        "system",
    )
    assert entry.details == {"country": "CRI", "size": 12}


def test_set_progress_marks_the_job_running(session: Session) -> None:
    job = create_job(session, "report.pdf", None)

    running = set_progress(session, job.id, 30)

    assert (running.status, running.progress) == (RUNNING, 30)
    assert find_job(session, job.id) == running


def test_set_progress_refuses_what_is_not_a_percentage(session: Session) -> None:
    job = create_job(session, "report.pdf", None)

    with pytest.raises(ValueError, match="0 to 100"):
        set_progress(session, job.id, 101)


def test_set_progress_unknown_job(session: Session) -> None:
    with pytest.raises(JobNotFoundError, match="no extraction job 404"):
        set_progress(session, 404, 10)


def test_fail_job_keeps_one_line_and_drops_pending_changes(session: Session) -> None:
    job = create_job(session, "report.pdf", None)
    session.add(
        DocumentRow(sha256="0" * 64, path="x", media_type="text/plain", text="x", page_starts=[])
    )

    failed = fail_job(session, job.id, "report.pdf: corrupt\n  or unreadable PDF")

    assert (failed.status, failed.error) == (FAILED, "report.pdf: corrupt or unreadable PDF")
    assert failed.finished
    assert _documents(session) == 0


def test_one_line_cuts_long_reasons() -> None:
    reason = one_line("word " * 1000)

    assert len(reason) == ERROR_LENGTH
    assert reason.endswith("…")
    assert one_line("  \n ") == "unknown error"


def test_store_upload_stores_details_and_finishes_the_job(
    session: Session, make_document: Callable[..., Document]
) -> None:
    job = create_job(session, "report.txt", None)

    stored = store_upload(session, job.id, make_document(), _details(meeting="TEST-9"))

    assert stored.created
    row = session.get(DocumentRow, stored.id)
    assert row is not None
    assert (row.country, row.original, row.original_name, row.meeting_code) == (
        "CRI",
        ORIGINAL,
        "report.txt",
        "TEST-9",
    )
    finished = find_job(session, job.id)
    assert finished is not None
    assert (finished.status, finished.progress, finished.document_id) == (DONE, 100, stored.id)
    [entry] = list_entries(session, action="document.create")
    assert (entry.entity, entry.entity_id) == ("documents", str(stored.id))


def test_store_upload_same_content_points_at_the_stored_document(
    session: Session, make_document: Callable[..., Document]
) -> None:
    first_job = create_job(session, "report.txt", None)
    first = store_upload(session, first_job.id, make_document(), _details())
    second_job = create_job(session, "copy.txt", None)

    second = store_upload(session, second_job.id, make_document(), _details(meeting="OTHER"))

    assert not second.created
    assert second.id == first.id
    assert _documents(session) == 1
    finished = find_job(session, second_job.id)
    assert finished is not None
    assert (finished.status, finished.document_id) == (DONE, first.id)
    row = session.get(DocumentRow, first.id)
    assert row is not None
    assert row.original_name == "report.txt"


def test_store_upload_failure_stores_nothing(
    session: Session, make_document: Callable[..., Document]
) -> None:
    """An uploader who does not exist breaks a foreign key: the document goes too."""
    job = create_job(session, "report.txt", None)

    with pytest.raises(IntegrityError):
        store_upload(session, job.id, make_document(), _details(uploaded_by=999_999))

    assert _documents(session) == 0
    assert session.scalar(select(func.count()).select_from(FactRow)) == 0
    unfinished = find_job(session, job.id)
    assert unfinished is not None
    assert unfinished.status == QUEUED
    assert list_entries(session, action="document.create") == []


def test_fail_abandoned_jobs_fails_only_jobs_of_ended_processes_of_this_host(
    session: Session,
) -> None:
    ended = create_job(session, "ended.pdf", None, worker="here:111")
    alive = create_job(session, "alive.pdf", None, worker="here:222")
    elsewhere = create_job(session, "elsewhere.pdf", None, worker="there:111")
    unnamed = create_job(session, "before-0006.pdf", None)
    set_progress(session, ended.id, 30)
    finished = create_job(session, "finished.pdf", None, worker="here:111")
    fail_job(session, finished.id, "could not read it")

    failed = fail_abandoned_jobs(session, "here", lambda pid: pid == 222, "the server stopped")

    assert sorted(failed) == sorted([ended.id, unnamed.id])
    statuses = {
        job.file_name: (job.status, job.error)
        for job in (find_job(session, item.id) for item in (ended, alive, elsewhere, unnamed))
        if job is not None
    }
    assert statuses == {
        "ended.pdf": (FAILED, "the server stopped"),
        "alive.pdf": (QUEUED, None),
        "elsewhere.pdf": (QUEUED, None),
        "before-0006.pdf": (FAILED, "the server stopped"),
    }
    finished_job = find_job(session, finished.id)
    assert finished_job is not None and finished_job.error == "could not read it"
