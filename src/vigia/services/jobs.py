"""Extraction jobs: an uploaded file on its way to a stored document, and what became of it.

A job is ``queued`` when the upload is accepted (:func:`create_job`, which also writes the
``document.upload`` audit entry), ``running`` while its file is read and extracted
(:func:`set_progress`), and ends ``done`` with the document it gave (:func:`store_upload`) or
``failed`` with a one-line reason (:func:`fail_job`).

:func:`store_upload` stores the extracted document, the upload's details on it (uploader,
country, meeting, the original file) and the job's end in one transaction: a failure leaves no
document behind, and a document is never seen without its details.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import event, func, select
from sqlalchemy.orm import Session

from vigia.domain import Document
from vigia.records import StoredDocument
from vigia.store import audit
from vigia.store.models import DocumentRow, ExtractionJobRow, FactRow, UserRow
from vigia.store.repository import find_document, store_document
from vigia.store.transactions import commit

QUEUED = "queued"
RUNNING = "running"
DONE = "done"
FAILED = "failed"
FINISHED = frozenset({DONE, FAILED})
#: Longest error kept on a job; longer reasons are cut with an ellipsis.
ERROR_LENGTH = 500
JOBS = ExtractionJobRow.__tablename__
DOCUMENTS = DocumentRow.__tablename__


class JobNotFoundError(LookupError):
    """No extraction job has this id."""


@dataclass(frozen=True)
class Job:
    """An extraction job as read back; ``created_at`` is timezone-aware (UTC)."""

    id: int
    created_at: datetime
    created_by: int | None
    file_name: str
    status: str
    progress: int
    error: str | None
    document_id: int | None

    @property
    def finished(self) -> bool:
        return self.status in FINISHED


@dataclass(frozen=True)
class UploadDetails:
    """What is kept of an upload beside the extracted document."""

    uploaded_by: int | None
    country: str | None
    meeting: str | None
    original: bytes
    original_name: str


def create_job(
    session: Session,
    file_name: str,
    actor: UserRow | None,
    details: Mapping[str, Any] | None = None,
    worker: str | None = None,
) -> Job:
    """A new queued job for ``file_name``, with its ``document.upload`` audit entry; commits.

    ``details`` (country, meeting, size…) go into the audit entry; ``worker`` names the process
    that will run the job (``host:pid``, see :func:`abandoned_jobs`).
    """
    row = ExtractionJobRow(
        created_at=datetime.now(UTC),
        created_by=None if actor is None else actor.id,
        file_name=file_name,
        status=QUEUED,
        progress=0,
        worker=worker,
    )
    session.add(row)
    try:
        session.flush()
        audit.record(
            session, actor, "document.upload", JOBS, row.id, None, _job_snapshot(row), details
        )
        session.commit()
    except BaseException:
        session.rollback()
        raise
    return _job(row)


def find_job(session: Session, job_id: int) -> Job | None:
    """The job with this id as it is in the database now, or None."""
    row = session.get(ExtractionJobRow, job_id, populate_existing=True)
    return None if row is None else _job(row)


def set_progress(session: Session, job_id: int, progress: int) -> Job:
    """Mark the job running at ``progress`` percent (0 to 100) and commit."""
    if not 0 <= progress <= 100:
        raise ValueError(f"progress is a percentage (0 to 100), not {progress}")
    row = _job_row(session, job_id)
    row.status = RUNNING
    row.progress = progress
    commit(session)
    return _job(row)


def fail_job(session: Session, job_id: int, reason: str) -> Job:
    """Roll back whatever is pending in ``session``, then mark the job failed and commit.

    ``reason`` is kept on one line, at most :data:`ERROR_LENGTH` characters.
    """
    session.rollback()
    row = _job_row(session, job_id)
    row.status = FAILED
    row.error = one_line(reason)
    commit(session)
    return _job(row)


@dataclass(frozen=True)
class UploadOutcome:
    """Where the figures of an uploaded document went, for the uploader's own ``country``."""

    country: str | None
    own: int
    other_states: dict[str, int]
    without_country: int


def upload_outcome(session: Session, document_id: int, country: str | None) -> UploadOutcome:
    """How many of the document's figures are about ``country`` (the uploader's), about other
    states (by state), and about no state (organisations, regions)."""
    statement = (
        select(FactRow.country, func.count())
        .where(FactRow.document_id == document_id)
        .group_by(FactRow.country)
    )
    counts = {code: int(count) for code, count in session.execute(statement)}
    own = counts.pop(country, 0) if country is not None else 0
    without = counts.pop(None, 0)
    others = {code: count for code, count in sorted(counts.items()) if code is not None}
    return UploadOutcome(country, own, others, without)


def fail_abandoned_jobs(
    session: Session, host: str, process_alive: Callable[[int], bool], reason: str
) -> list[int]:
    """Mark failed, with ``reason``, the unfinished jobs whose process is gone; their ids.

    A job is abandoned when it names no worker (queued before revision 0006), or a worker on
    ``host`` whose process ``process_alive`` says has ended. Jobs of other hosts are left alone:
    their own server recovers them when it starts.
    """
    rows = session.scalars(
        select(ExtractionJobRow).where(ExtractionJobRow.status.not_in(FINISHED))
    ).all()
    abandoned = [row for row in rows if _is_abandoned(row.worker, host, process_alive)]
    for row in abandoned:
        row.status = FAILED
        row.error = one_line(reason)
    commit(session)
    return [row.id for row in abandoned]


def _is_abandoned(worker: str | None, host: str, process_alive: Callable[[int], bool]) -> bool:
    if worker is None:
        return True
    worker_host, _, pid = worker.rpartition(":")
    if worker_host != host or not pid.isdigit():
        return False
    return not process_alive(int(pid))


def store_upload(
    session: Session, job_id: int, document: Document, details: UploadDetails
) -> StoredDocument:
    """Store ``document`` with the upload's ``details`` and mark the job done, then commit.

    Content already stored is not stored again (nor are its details changed): the job points at
    the stored document. On failure everything is rolled back and the error raised.
    """
    existing = find_document(session, document.sha256)
    if existing is not None:
        return _finish(session, job_id, existing)

    def complete(_session: Session) -> None:
        row = session.scalar(select(DocumentRow).where(DocumentRow.sha256 == document.sha256))
        if row is not None:
            _describe_upload(session, row, details)
            _mark_done(session, job_id, row.id)

    with _before_commit(session, complete):
        stored = store_document(session, document)
    if not stored.created:  # stored meanwhile by another upload of the same content
        return _finish(session, job_id, stored)
    return stored


def one_line(reason: str) -> str:
    """``reason`` with its blanks and line breaks collapsed, cut to :data:`ERROR_LENGTH`."""
    text = " ".join(reason.split()) or "unknown error"
    if len(text) <= ERROR_LENGTH:
        return text
    return text[: ERROR_LENGTH - 1].rstrip() + "…"


@contextmanager
def _before_commit(session: Session, action: Callable[[Session], None]) -> Iterator[None]:
    """Run ``action`` inside the transaction of each commit of ``session`` made meanwhile.

    :func:`~vigia.store.repository.store_document` commits itself; this is how the upload's
    details join its transaction instead of following it in another.
    """
    event.listen(session, "before_commit", action)
    try:
        yield
    finally:
        event.remove(session, "before_commit", action)


def _describe_upload(session: Session, row: DocumentRow, details: UploadDetails) -> None:
    row.uploaded_by = details.uploaded_by
    row.country = details.country
    row.original = details.original
    row.original_name = details.original_name
    if details.meeting is not None:
        row.meeting_code = details.meeting
    actor = None if details.uploaded_by is None else session.get(UserRow, details.uploaded_by)
    snapshot = _document_snapshot(row)
    audit.record(session, actor, "document.create", DOCUMENTS, row.id, None, snapshot)


def _finish(session: Session, job_id: int, stored: StoredDocument) -> StoredDocument:
    _mark_done(session, job_id, stored.id)
    commit(session)
    return stored


def _mark_done(session: Session, job_id: int, document_id: int) -> None:
    row = _job_row(session, job_id)
    row.status = DONE
    row.progress = 100
    row.error = None
    row.document_id = document_id


def _job_row(session: Session, job_id: int) -> ExtractionJobRow:
    row = session.get(ExtractionJobRow, job_id)
    if row is None:
        raise JobNotFoundError(f"no extraction job {job_id}")
    return row


def _job(row: ExtractionJobRow) -> Job:
    created = row.created_at
    if created.tzinfo is None:  # SQLite gives back naive datetimes, stored as UTC
        created = created.replace(tzinfo=UTC)
    return Job(
        id=row.id,
        created_at=created,
        created_by=row.created_by,
        file_name=row.file_name,
        status=row.status,
        progress=row.progress,
        error=row.error,
        document_id=row.document_id,
    )


def _job_snapshot(row: ExtractionJobRow) -> dict[str, Any]:
    return {
        "id": row.id,
        "created_at": row.created_at,
        "created_by": row.created_by,
        "file_name": row.file_name,
        "status": row.status,
    }


def _document_snapshot(row: DocumentRow) -> dict[str, Any]:
    """What the audit log keeps of a new document: its identity and the upload's details."""
    return {
        "id": row.id,
        "sha256": row.sha256,
        "path": row.path,
        "media_type": row.media_type,
        "title": row.title,
        "country": row.country,
        "meeting_code": row.meeting_code,
        "uploaded_by": row.uploaded_by,
        "original_name": row.original_name,
    }
