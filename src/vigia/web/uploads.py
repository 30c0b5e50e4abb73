"""Extraction of uploaded files in the background, on a small pool of threads owned by the app.

An accepted upload is a queued job (:mod:`vigia.services.jobs`) and a temporary file holding the
uploaded bytes under the original suffix. :func:`run_upload` hands it to
:func:`vigia.services.ingestion.ingest_upload`, which reads the file, extracts its facts (unless
the same content is already stored) and stores the document with the upload's details, moving the
job's progress on at each step. Any
failure ends the job ``failed`` with a one-line reason and stores nothing. The temporary file is
removed in every case.

:class:`UploadRunner` runs jobs on a :class:`~concurrent.futures.ThreadPoolExecutor`;
:func:`upload_lifespan` starts one when the application starts and stops it when it stops.
Jobs still queued then are marked failed, so that nobody waits for them. A server killed before
it could do so leaves jobs ``running`` and files behind: each job and each temporary file names
its process (``host:pid``), and at start-up :func:`recover_abandoned` marks failed the jobs of
processes of this host that are gone, and removes their files.
"""

from __future__ import annotations

import logging
import os
import re
import socket
import tempfile
import threading
from collections.abc import AsyncIterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import asynccontextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import cast

from fastapi import FastAPI, HTTPException, Request, status
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker
from starlette.concurrency import run_in_threadpool

from vigia.errors import InvalidDocumentError
from vigia.ingest import UnreadableFileError
from vigia.services.databases import describe_error
from vigia.services.ingestion import ingest_upload
from vigia.services.jobs import UploadDetails, fail_abandoned_jobs, fail_job

logger = logging.getLogger(__name__)

#: Threads extracting at once: extraction is CPU-bound, so a few are enough.
DEFAULT_WORKERS = 2
STOPPED_REASON = "the server stopped before the file was extracted; upload it again"
NOT_RUNNING_MESSAGE = "uploads are not being accepted now (the server is starting or stopping)"
#: Temporary files of uploads: ``vigia-upload-<pid>-<random><suffix>`` in the system's folder.
FILE_PREFIX = "vigia-upload-"
FILE_OF_PROCESS = re.compile(rf"{FILE_PREFIX}(\d+)-")


def this_worker() -> str:
    """``host:pid`` of this process, as jobs record it."""
    return f"{socket.gethostname()}:{os.getpid()}"


def upload_file_prefix() -> str:
    """The prefix of this process's temporary upload files."""
    return f"{FILE_PREFIX}{os.getpid()}-"


def process_alive(pid: int) -> bool:
    """Whether a process with this id runs on this host (one of another user's counts)."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OverflowError:
        return False
    return True


def recover_abandoned(sessions: sessionmaker[Session], folder: Path | None = None) -> list[int]:
    """Fail the jobs of this host's ended processes and remove their temporary files.

    Returns the ids of the jobs marked failed. ``folder`` is where upload files are kept (the
    system's temporary folder by default).
    """
    with sessions() as session:
        failed = fail_abandoned_jobs(session, socket.gethostname(), process_alive, STOPPED_REASON)
    for path in Path(folder or tempfile.gettempdir()).glob(f"{FILE_PREFIX}*"):
        found = FILE_OF_PROCESS.match(path.name)
        if found is not None and not process_alive(int(found.group(1))):
            path.unlink(missing_ok=True)
    if failed:
        logger.warning("marked %d abandoned extraction job(s) failed: %s", len(failed), failed)
    return failed


@dataclass(frozen=True)
class Upload:
    """An accepted upload: its job, the temporary file holding its bytes, and its details."""

    job_id: int
    path: Path
    original_name: str
    uploaded_by: int | None
    country: str | None
    meeting: str | None


def run_upload(sessions: sessionmaker[Session], upload: Upload) -> None:
    """Read, extract and store ``upload``, keeping its job up to date; never raises.

    The temporary file is removed afterwards, whatever happened.
    """
    try:
        with sessions() as session:
            _run(session, upload)
    except Exception:  # a last guard: the job has already been marked failed when possible
        logger.exception("extraction job %s could not be recorded", upload.job_id)
    finally:
        upload.path.unlink(missing_ok=True)


def _run(session: Session, upload: Upload) -> None:
    try:
        ingest_upload(session, upload.job_id, upload.path, partial(_details, upload))
    except Exception as error:
        fail_job(session, upload.job_id, failure_reason(upload, error))
        if not isinstance(error, UnreadableFileError | InvalidDocumentError):
            logger.exception("extraction job %s failed", upload.job_id)


def failure_reason(upload: Upload, error: Exception) -> str:
    """What a failed job says: the file's name and why, on one line, without internals."""
    if isinstance(error, UnreadableFileError):
        return f"{upload.original_name}: {error.reason}"
    if isinstance(error, InvalidDocumentError):
        return f"{upload.original_name}: cannot store: {error}"
    if isinstance(error, SQLAlchemyError):
        return f"{upload.original_name}: cannot store: {describe_error(error)}"
    return f"{upload.original_name}: unexpected error ({type(error).__name__}); it has been logged"


def _details(upload: Upload, original: bytes) -> UploadDetails:
    return UploadDetails(
        uploaded_by=upload.uploaded_by,
        country=upload.country,
        meeting=upload.meeting,
        original=original,
        original_name=upload.original_name,
    )


class UploadRunner:
    """Runs uploads on a pool of ``workers`` threads; ``inline`` runs each one as it is submitted.

    :meth:`wait` blocks until a job submitted here has ended, for tests and for shutting down.
    """

    def __init__(
        self,
        sessions: sessionmaker[Session],
        workers: int = DEFAULT_WORKERS,
        inline: bool = False,
    ) -> None:
        self.sessions = sessions
        self.inline = inline
        self._executor = ThreadPoolExecutor(workers, thread_name_prefix="vigia-upload")
        self._futures: dict[int, Future[None]] = {}
        self._uploads: dict[int, Upload] = {}
        self._lock = threading.Lock()

    def submit(self, upload: Upload) -> Future[None]:
        """Queue ``upload`` (or run it now when ``inline``); the future ends with the job."""
        if self.inline:
            finished: Future[None] = Future()
            run_upload(self.sessions, upload)
            finished.set_result(None)
            return finished
        with self._lock:
            future = self._executor.submit(run_upload, self.sessions, upload)
            self._futures[upload.job_id] = future
            self._uploads[upload.job_id] = upload
        future.add_done_callback(lambda _future: self._forget(upload.job_id))
        return future

    def wait(self, job_id: int, timeout: float | None = None) -> None:
        """Block until job ``job_id`` has ended (at once when it is not running here)."""
        with self._lock:
            future = self._futures.get(job_id)
        if future is not None:
            future.result(timeout)

    def shutdown(self) -> None:
        """Stop: running jobs finish, queued ones are marked failed and their files removed."""
        self._executor.shutdown(wait=True, cancel_futures=True)
        with self._lock:
            stopped = [
                self._uploads[job_id]
                for job_id, future in self._futures.items()
                if future.cancelled()
            ]
        for upload in stopped:
            self._fail_stopped(upload)

    def _fail_stopped(self, upload: Upload) -> None:
        upload.path.unlink(missing_ok=True)
        try:
            with self.sessions() as session:
                fail_job(session, upload.job_id, STOPPED_REASON)
        except SQLAlchemyError:
            logger.exception("could not mark extraction job %s failed", upload.job_id)

    def _forget(self, job_id: int) -> None:
        with self._lock:
            future = self._futures.get(job_id)
            if future is not None and not future.cancelled():
                self._futures.pop(job_id, None)
                self._uploads.pop(job_id, None)


@asynccontextmanager
async def upload_lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Start the app's :class:`UploadRunner` (``app.state.upload_runner``); stop it after."""
    sessions = cast(sessionmaker[Session], app.state.sessions)
    await run_in_threadpool(recover_abandoned, sessions)
    runner = UploadRunner(sessions)
    app.state.upload_runner = runner
    try:
        yield
    finally:
        del app.state.upload_runner
        await run_in_threadpool(runner.shutdown)


def upload_runner(request: Request) -> UploadRunner:
    """The application's runner (a dependency of the routes that accept uploads).

    503 when there is none: the application has not started (or has stopped) its lifespan.
    """
    runner: UploadRunner | None = getattr(request.app.state, "upload_runner", None)
    if runner is None:
        raise HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE, NOT_RUNNING_MESSAGE)
    return runner
