"""``POST /api/v1/documents`` uploads a report; ``GET /api/v1/jobs/{id}`` follows its extraction.

An upload is answered at once with 202 and the queued job; the file is read, extracted and stored
in the background (:mod:`vigia.web.uploads`). Only a focal point (for its own country) and the
secretariat upload; the job is seen by whoever uploaded the file and by the secretariat.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal, cast

from fastapi import APIRouter, Depends, HTTPException, Path, Request, Response, status
from pydantic import BaseModel, Field
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from vigia.permissions import principal_for
from vigia.publish.resources import ErrorResponse
from vigia.services.accounts import User
from vigia.services.jobs import Job, find_job
from vigia.settings import Settings
from vigia.vocabulary import LARGEST_ID
from vigia.web.dependencies import CurrentCaller, DatabaseSession
from vigia.web.routers.api import ERRORS
from vigia.web.upload_requests import (
    COUNTRY_FIELD,
    FILE_FIELD,
    MEETING_FIELD,
    ReceivedFile,
    UploadRefusedError,
    accept_upload,
    can_see_job,
    check_target,
    receive_upload,
)
from vigia.web.uploads import UploadRunner, upload_lifespan, upload_runner

UPLOAD_ERRORS: dict[int | str, dict[str, Any]] = {
    status.HTTP_400_BAD_REQUEST: {"model": ErrorResponse, "description": "Malformed body."},
    status.HTTP_403_FORBIDDEN: {
        "model": ErrorResponse,
        "description": "You may not upload for this country.",
    },
    status.HTTP_413_CONTENT_TOO_LARGE: {
        "model": ErrorResponse,
        "description": "The file is larger than VIGIA_MAX_UPLOAD_BYTES.",
    },
    status.HTTP_415_UNSUPPORTED_MEDIA_TYPE: {
        "model": ErrorResponse,
        "description": "The body is not multipart/form-data.",
    },
}
UPLOAD_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": [FILE_FIELD],
                    "properties": {
                        FILE_FIELD: {
                            "type": "string",
                            "format": "binary",
                            "description": "The report: .pdf, .docx, .html or .txt.",
                        },
                        COUNTRY_FIELD: {
                            "type": "string",
                            "description": "ISO 3166-1 alpha-3 code; a focal point's own "
                            "country by default; empty for a regional document.",
                        },
                        MEETING_FIELD: {
                            "type": "string",
                            "description": "The code of a known meeting (GET /api/v1/meetings).",
                        },
                    },
                }
            }
        },
    }
}
NO_JOB: dict[int | str, dict[str, Any]] = {
    status.HTTP_404_NOT_FOUND: {"model": ErrorResponse, "description": "No such job for you."}
}

router = APIRouter(prefix="/api/v1", tags=["uploads"], responses=ERRORS, lifespan=upload_lifespan)

JobIdentifier = Annotated[int, Path(ge=1, le=LARGEST_ID, description="The job's id.")]
Runner = Annotated[UploadRunner, Depends(upload_runner)]


class JobResource(BaseModel):
    """An uploaded file's extraction: queued, running, done (with its document) or failed."""

    id: int
    file_name: str
    status: Literal["queued", "running", "done", "failed"]
    progress: int = Field(ge=0, le=100, description="Percent done.")
    error: str | None = Field(description="Why the job failed, in one line.")
    document_id: int | None = Field(description="The stored document, once done.")
    document_url: str | None = Field(description="Where the API serves that document.")
    created_at: datetime


def job_resource(job: Job) -> JobResource:
    document_url = None if job.document_id is None else f"/api/v1/documents/{job.document_id}"
    return JobResource(
        id=job.id,
        file_name=job.file_name,
        status=cast(Any, job.status),
        progress=job.progress,
        error=job.error,
        document_id=job.document_id,
        document_url=document_url,
        created_at=job.created_at,
    )


def max_upload_bytes(request: Request) -> int:
    return cast(Settings, request.app.state.settings).max_upload_bytes


@router.post(
    "/documents",
    status_code=status.HTTP_202_ACCEPTED,
    response_model=JobResource,
    summary="Upload a report",
    responses=UPLOAD_ERRORS,
    openapi_extra=UPLOAD_BODY,
)
async def upload_document(
    request: Request,
    response: Response,
    session: DatabaseSession,
    caller: CurrentCaller,
    runner: Runner,
) -> JobResource:
    """Queue a report for extraction; follow it at the ``Location`` given (``GET /jobs/{id}``).

    An empty file or one of an unsupported type is refused at once (422); a file that turns out
    unreadable ends its job ``failed``. Content already stored gives a job ``done`` pointing at
    the stored document.
    """
    if caller is None:
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED,
            "uploading needs an API token: Authorization: Bearer <token>",
            headers={"WWW-Authenticate": "Bearer"},
        )
    try:
        received = await receive_upload(request, max_upload_bytes(request))
        job = await run_in_threadpool(_accept, session, runner, caller, received)
    except UploadRefusedError as refusal:
        raise HTTPException(refusal.status_code, refusal.message) from refusal
    response.headers["Location"] = f"/api/v1/jobs/{job.id}"
    return job_resource(job)


def _accept(session: Session, runner: UploadRunner, caller: User, received: ReceivedFile) -> Job:
    try:
        target = check_target(session, caller, received.fields)
        return accept_upload(session, runner, caller, received, target)
    except BaseException:
        received.discard()
        raise


@router.get(
    "/jobs/{job_id}", response_model=JobResource, summary="An upload's job", responses=NO_JOB
)
def get_job(session: DatabaseSession, caller: CurrentCaller, job_id: JobIdentifier) -> JobResource:
    """Where an upload's extraction is: status, progress, the error or the stored document."""
    if caller is None:
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED,
            "jobs are seen with an API token: Authorization: Bearer <token>",
            headers={"WWW-Authenticate": "Bearer"},
        )
    job = find_job(session, job_id)
    if job is None or not can_see_job(principal_for(caller), job):
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no job with id {job_id}")
    return job_resource(job)
