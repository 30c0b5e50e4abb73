"""Receiving an upload, for the API and the upload page alike.

:func:`receive_upload` reads a ``multipart/form-data`` body as it streams in, refusing it (413) as
soon as it outgrows the limit, so that no unbounded body is ever held; the file goes to a
temporary file with its original suffix. :func:`check_target` checks the form's ``country`` and
``meeting`` and the uploader's right to upload for that country; :func:`accept_upload` creates
the job and hands the file to the runner. Each refusal is an :class:`UploadRefusedError` with an
HTTP status and a one-line message fit to show a user.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import unicodedata
from collections.abc import AsyncGenerator, AsyncIterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from fastapi import Request, status
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.formparsers import MultiPartException, MultiPartParser
from starlette.requests import ClientDisconnect

from vigia.ingest import sniff_media_type
from vigia.ingest.errors import UnreadableContentError
from vigia.permissions import FOCAL_POINT, SECRETARIAT, Principal, can_upload_for, principal_for
from vigia.reference import countries
from vigia.services.accounts import User
from vigia.services.jobs import Job, create_job, fail_job
from vigia.services.reads import meeting_exists
from vigia.web.input_guard import NUL_MESSAGE, holds_nul
from vigia.web.uploads import Upload, UploadRunner, this_worker, upload_file_prefix

FILE_FIELD = "file"
COUNTRY_FIELD = "country"
MEETING_FIELD = "meeting"
#: Room for the form's other fields and the multipart framing, beyond the file's own limit.
FORM_ALLOWANCE = 64 * 1024
MAX_FIELDS = 8
#: Bytes of the file looked at to tell its type (enough for every magic number Vigía knows).
SNIFF_LENGTH = 4096
DEFAULT_FILE_NAME = "upload"
FILE_NAME_LENGTH = 255
SUFFIX_SHAPE = re.compile(r"\.[a-z0-9]{1,10}")
MEBIBYTE = 1024 * 1024
INTERRUPTED_MESSAGE = "the upload was interrupted before the whole file arrived"
STOPPING_MESSAGE = "the server is stopping; upload the file again in a moment"


class UploadRefusedError(Exception):
    """An upload refused with ``status_code`` and a one-line ``message``."""

    def __init__(self, status_code: int, message: str) -> None:
        super().__init__(message)
        self.status_code = status_code
        self.message = message


@dataclass(frozen=True)
class ReceivedFile:
    """An uploaded file, saved in a temporary file, and the form's other fields."""

    path: Path
    name: str
    size: int
    media_type: str
    fields: Mapping[str, str]

    def discard(self) -> None:
        self.path.unlink(missing_ok=True)


@dataclass(frozen=True)
class UploadTarget:
    """What an upload is about: a country (None: regional) and optionally a meeting's code."""

    country: str | None
    meeting: str | None


def too_large_message(max_bytes: int) -> str:
    megabytes = f"{max_bytes / MEBIBYTE:.3g}"
    return f"the file is larger than the upload limit of {megabytes} MB ({max_bytes} bytes)"


async def receive_upload(request: Request, max_bytes: int) -> ReceivedFile:
    """The request's file (field ``file``) in a temporary file, and its other fields.

    Refuses (:class:`UploadRefusedError`) a body that is not multipart (415), one larger than
    ``max_bytes`` (413, while it streams in), a malformed one (400), and a missing, empty or
    unsupported file (422). The caller removes the file (:meth:`ReceivedFile.discard`).
    """
    _check_content_type(request)
    body_limit = max_bytes + FORM_ALLOWANCE
    _check_declared_length(request, body_limit, max_bytes)
    parser = MultiPartParser(
        request.headers,
        _limited(request.stream(), body_limit, max_bytes),
        max_files=1,
        max_fields=MAX_FIELDS,
    )
    try:
        form = await parser.parse()
    except MultiPartException as error:
        raise UploadRefusedError(status.HTTP_400_BAD_REQUEST, error.message) from error
    except ClientDisconnect as error:
        raise UploadRefusedError(status.HTTP_400_BAD_REQUEST, INTERRUPTED_MESSAGE) from error
    try:
        upload = form.get(FILE_FIELD)
        fields = {key: value for key, value in form.multi_items() if isinstance(value, str)}
        if not isinstance(upload, UploadFile):
            missing = f"the form has no file in field {FILE_FIELD!r}"
            raise UploadRefusedError(status.HTTP_422_UNPROCESSABLE_CONTENT, missing)
        if any(holds_nul(text) for text in fields.values()):  # the file's name is cleaned
            raise UploadRefusedError(status.HTTP_422_UNPROCESSABLE_CONTENT, NUL_MESSAGE)
        return await run_in_threadpool(_save, upload, max_bytes, fields)
    finally:
        await form.close()


def check_target(session: Session, user: User, fields: Mapping[str, str]) -> UploadTarget:
    """The form's country and meeting, if ``user`` may upload for them.

    A focal point's country is its own when the form names none. Refuses an unknown country or
    meeting (422) and a country the user may not upload for (403).
    """
    principal = principal_for(user)
    country = _country(fields.get(COUNTRY_FIELD), principal)
    if not can_upload_for(principal, country):
        raise UploadRefusedError(status.HTTP_403_FORBIDDEN, _forbidden_message(principal, country))
    return UploadTarget(country, _meeting(session, fields.get(MEETING_FIELD)))


def accept_upload(
    session: Session,
    runner: UploadRunner,
    user: User,
    received: ReceivedFile,
    target: UploadTarget,
) -> Job:
    """Create the queued job (with its audit entry) and hand the file to ``runner``.

    From then on the runner removes the file; when the runner has stopped, the job fails and
    the upload is refused (503), and the file stays the caller's to remove.
    """
    details = {
        "country": target.country,
        "meeting": target.meeting,
        "size": received.size,
        "media_type": received.media_type,
    }
    job = create_job(session, received.name, user, details, worker=this_worker())
    upload = Upload(job.id, received.path, received.name, user.id, target.country, target.meeting)
    try:
        runner.submit(upload)
    except RuntimeError as error:  # the runner has been shut down: the server is stopping
        fail_job(session, job.id, STOPPING_MESSAGE)
        raise UploadRefusedError(status.HTTP_503_SERVICE_UNAVAILABLE, STOPPING_MESSAGE) from error
    return job


def can_see_job(principal: Principal, job: Job) -> bool:
    """Who follows a job: whoever uploaded the file, and the secretariat."""
    if principal.is_anonymous:
        return False
    return principal.user_id == job.created_by or principal.role == SECRETARIAT


def clean_file_name(name: str | None) -> str:
    """The file's own name: no folders, no control characters, at most 255 characters."""
    base = re.split(r"[/\\]", name or "")[-1]
    visible = "".join(
        " " if unicodedata.category(character).startswith("C") else character for character in base
    )
    cleaned = " ".join(visible.split())[:FILE_NAME_LENGTH].strip()
    return cleaned or DEFAULT_FILE_NAME


def file_suffix(name: str) -> str:
    """The name's extension in lower case (``.pdf``), or "" when it has none fit for a file."""
    suffix = Path(name).suffix.lower()
    return suffix if SUFFIX_SHAPE.fullmatch(suffix) else ""


def _check_content_type(request: Request) -> None:
    content_type = request.headers.get("Content-Type", "")
    if content_type.split(";")[0].strip().lower() != "multipart/form-data":
        raise UploadRefusedError(
            status.HTTP_415_UNSUPPORTED_MEDIA_TYPE,
            "send the file as multipart/form-data, in a field named 'file'",
        )


def _check_declared_length(request: Request, body_limit: int, max_bytes: int) -> None:
    declared = request.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > body_limit:
        raise UploadRefusedError(status.HTTP_413_CONTENT_TOO_LARGE, too_large_message(max_bytes))


async def _limited(
    chunks: AsyncIterator[bytes], body_limit: int, max_bytes: int
) -> AsyncGenerator[bytes, None]:
    """``chunks`` as they come, until more than ``body_limit`` bytes have come: then 413."""
    received = 0
    async for chunk in chunks:
        received += len(chunk)
        if received > body_limit:
            raise UploadRefusedError(
                status.HTTP_413_CONTENT_TOO_LARGE, too_large_message(max_bytes)
            )
        yield chunk


def _save(upload: UploadFile, max_bytes: int, fields: Mapping[str, str]) -> ReceivedFile:
    """Check the uploaded file, then copy it to a temporary file with its suffix."""
    name = clean_file_name(upload.filename)
    size = _size(upload.file)
    if size > max_bytes:
        raise UploadRefusedError(status.HTTP_413_CONTENT_TOO_LARGE, too_large_message(max_bytes))
    if size == 0:
        raise UploadRefusedError(status.HTTP_422_UNPROCESSABLE_CONTENT, f"{name}: empty file")
    suffix = file_suffix(name)
    head = upload.file.read(SNIFF_LENGTH)
    try:
        media_type = sniff_media_type(head, suffix)
    except UnreadableContentError as error:
        raise UploadRefusedError(
            status.HTTP_422_UNPROCESSABLE_CONTENT, f"{name}: {error.reason}"
        ) from error
    upload.file.seek(0)
    return ReceivedFile(_copy(upload.file, suffix), name, size, media_type, dict(fields))


def _size(file: BinaryIO) -> int:
    file.seek(0, os.SEEK_END)
    size = file.tell()
    file.seek(0)
    return size


def _copy(source: BinaryIO, suffix: str) -> Path:
    handle, name = tempfile.mkstemp(prefix=upload_file_prefix(), suffix=suffix)
    path = Path(name)
    try:
        with os.fdopen(handle, "wb") as target:
            shutil.copyfileobj(source, target)
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return path


def _country(value: str | None, principal: Principal) -> str | None:
    code = (value or "").strip().upper()
    if not code:
        return principal.country if principal.role == FOCAL_POINT else None
    if code not in countries():
        raise UploadRefusedError(
            status.HTTP_422_UNPROCESSABLE_CONTENT,
            f"{value!r} is not an ISO 3166-1 alpha-3 country code such as CRI",
        )
    return code


def _meeting(session: Session, value: str | None) -> str | None:
    code = (value or "").strip()
    if not code:
        return None
    if not meeting_exists(session, code):
        raise UploadRefusedError(
            status.HTTP_422_UNPROCESSABLE_CONTENT,
            f"unknown meeting {code!r}; GET /api/v1/meetings lists the meetings",
        )
    return code


def _forbidden_message(principal: Principal, country: str | None) -> str:
    if principal.role == FOCAL_POINT:
        return f"a focal point uploads documents for its own country ({principal.country}) only"
    if principal.role != SECRETARIAT:
        return "only focal points and the secretariat upload documents"
    return f"you may not upload documents for {country or 'no country'}"
