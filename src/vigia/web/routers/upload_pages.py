"""``/upload``: the page to upload a report; ``/jobs/{id}``: the page following its extraction.

The upload form posts ``multipart/form-data``, read as it streams in under the size limit
(:func:`vigia.web.upload_requests.receive_upload`), so its CSRF token is checked once the body
has been read rather than by :func:`vigia.web.pages.routing.checked_form`. A job's page shows a
``<progress>`` bar that a few lines of script (``/static/job-progress.js``) keep up to date from
``/jobs/{id}/status``; without script the page reloads itself until the job has ended.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any, cast

from fastapi import APIRouter, Depends, Path, Request, status
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from vigia.languages import translations
from vigia.permissions import FOCAL_POINT, SECRETARIAT, review_scope
from vigia.publish.labels import N_
from vigia.reference import member_states
from vigia.services.accounts import User
from vigia.services.jobs import Job, find_job, upload_outcome
from vigia.services.reads import meeting_choices
from vigia.settings import Settings
from vigia.vocabulary import LARGEST_ID
from vigia.web.dependencies import DatabaseSession
from vigia.web.errors import error_response
from vigia.web.pages.responses import redirect_to, show
from vigia.web.pages.routing import (
    CSRF_MESSAGE,
    LoginRequired,
    PageError,
    PageRoute,
    SignedInVisitor,
)
from vigia.web.pages.visitor import CurrentVisitor, Visitor
from vigia.web.sessions import CSRF_FIELD
from vigia.web.upload_requests import (
    MEBIBYTE,
    ReceivedFile,
    UploadRefusedError,
    accept_upload,
    can_see_job,
    check_target,
    receive_upload,
)
from vigia.web.uploads import UploadRunner, upload_runner

#: Seconds between two reloads of a job's page without script.
REFRESH_SECONDS = 3
ACCEPTED_SUFFIXES = ".pdf,.docx,.html,.htm,.txt"
CANNOT_UPLOAD = N_("Only focal points and the secretariat upload documents.")
#: What the upload page says for each refusal; the refusal's own words follow, in English.
REFUSALS = {
    status.HTTP_400_BAD_REQUEST: N_("The form could not be read. Try again."),
    status.HTTP_403_FORBIDDEN: N_("You may not upload documents for this country."),
    status.HTTP_413_CONTENT_TOO_LARGE: N_("The file is larger than %(megabytes)s MB."),
    status.HTTP_415_UNSUPPORTED_MEDIA_TYPE: N_("The form could not be read. Try again."),
    status.HTTP_422_UNPROCESSABLE_CONTENT: N_("The file cannot be accepted."),
    status.HTTP_503_SERVICE_UNAVAILABLE: N_("The server is stopping. Try again in a moment."),
}
JOB_STATES = {
    "queued": N_("Waiting to be read"),
    "running": N_("Being read and extracted"),
    "done": N_("Done"),
    "failed": N_("Failed"),
}

pages_router = APIRouter(route_class=PageRoute, include_in_schema=False)
#: The JSON the job page's script reads: errors stay JSON, not pages.
status_router = APIRouter(include_in_schema=False)

JobIdentifier = Annotated[int, Path(ge=1, le=LARGEST_ID)]
Runner = Annotated[UploadRunner, Depends(upload_runner)]


def _max_bytes(request: Request) -> int:
    return cast(Settings, request.app.state.settings).max_upload_bytes


def _uploader(visitor: Visitor) -> User:
    """The visitor's account, if it may upload for some country (else 403)."""
    if visitor.user is None:
        raise LoginRequired(visitor)
    if review_scope(visitor.principal).is_empty:
        raise PageError(status.HTTP_403_FORBIDDEN, CANNOT_UPLOAD, visitor)
    return visitor.user


def _form_values(session: Session, request: Request, user: User) -> dict[str, Any]:
    """What the upload form offers: the user's countries, the meetings, the size limit."""
    if user.role == FOCAL_POINT:
        country_codes = [user.country] if user.country else []
    else:
        country_codes = member_states()
    meetings = meeting_choices(session)
    return {
        "countries": country_codes,
        "regional": user.role == SECRETARIAT,
        "meetings": [{"code": code, "name": name} for code, name in meetings],
        "megabytes": f"{_max_bytes(request) / MEBIBYTE:.3g}",
        "accept": ACCEPTED_SUFFIXES,
        "chosen": {"country": "", "meeting": ""},
    }


@pages_router.get("/upload", response_class=HTMLResponse)
def upload_form(
    request: Request, visitor: SignedInVisitor, session: DatabaseSession
) -> HTMLResponse:
    user = _uploader(visitor)
    return show(request, visitor, "upload.html", _form_values(session, request, user))


@pages_router.post("/upload", response_model=None)
async def upload(
    request: Request, visitor: CurrentVisitor, session: DatabaseSession, runner: Runner
) -> HTMLResponse | RedirectResponse:
    """Accept the file and go to its job's page; a refused file shows the form again."""
    user = _uploader(visitor)
    try:
        received = await receive_upload(request, _max_bytes(request))
    except UploadRefusedError as refusal:
        return await run_in_threadpool(_refused, request, visitor, session, user, refusal, {})
    if not visitor.login.accepts(received.fields.get(CSRF_FIELD)):
        received.discard()
        raise PageError(status.HTTP_403_FORBIDDEN, CSRF_MESSAGE, visitor)
    try:
        job = await run_in_threadpool(_accept, session, runner, user, received)
    except UploadRefusedError as refusal:
        return await run_in_threadpool(
            _refused, request, visitor, session, user, refusal, received.fields
        )
    return redirect_to(request, visitor, f"/jobs/{job.id}")


def _accept(session: Session, runner: UploadRunner, user: User, received: ReceivedFile) -> Job:
    try:
        target = check_target(session, user, received.fields)
        return accept_upload(session, runner, user, received, target)
    except BaseException:
        received.discard()
        raise


def _refused(
    request: Request,
    visitor: Visitor,
    session: Session,
    user: User,
    refusal: UploadRefusedError,
    fields: Mapping[str, str],
) -> HTMLResponse:
    values = _form_values(session, request, user)
    values["chosen"] = {
        "country": fields.get("country", ""),
        "meeting": fields.get("meeting", ""),
    }
    values["error"] = REFUSALS.get(refusal.status_code, REFUSALS[422])
    values["detail"] = refusal.message
    return show(request, visitor, "upload.html", values, refusal.status_code)


def _visible_job(session: Session, visitor: Visitor, job_id: int) -> Job | None:
    job = find_job(session, job_id)
    if job is None or not can_see_job(visitor.principal, job):
        return None
    return job


@pages_router.get("/jobs/{job_id}", response_class=HTMLResponse)
def job_page(
    request: Request, visitor: SignedInVisitor, session: DatabaseSession, job_id: JobIdentifier
) -> HTMLResponse:
    job = _visible_job(session, visitor, job_id)
    if job is None:
        raise PageError(status.HTTP_404_NOT_FOUND, visitor=visitor)
    outcome = None
    if job.document_id is not None:
        uploader_country = (
            visitor.principal.country if visitor.principal.role == FOCAL_POINT else None
        )
        outcome = upload_outcome(session, job.document_id, uploader_country)
    values = {
        "job": job,
        "state": JOB_STATES[job.status],
        "refresh_seconds": REFRESH_SECONDS,
        "status_url": f"/jobs/{job.id}/status",
        "outcome": outcome,
    }
    return show(request, visitor, "job.html", values)


@status_router.get("/jobs/{job_id}/status")
def job_status(
    visitor: CurrentVisitor, session: DatabaseSession, job_id: JobIdentifier
) -> JSONResponse:
    """A job's state for the script of its page, in the visitor's language."""
    if visitor.user is None:
        return error_response(status.HTTP_401_UNAUTHORIZED, "log in to follow a job")
    job = _visible_job(session, visitor, job_id)
    if job is None:
        return error_response(status.HTTP_404_NOT_FOUND, f"no job with id {job_id}")
    gettext = translations(visitor.language).gettext
    body = {
        "id": job.id,
        "status": job.status,
        "state": gettext(JOB_STATES[job.status]),
        "progress": job.progress,
        "finished": job.finished,
    }
    return JSONResponse(body, headers={"Cache-Control": "no-store"})


router = APIRouter(include_in_schema=False)
router.include_router(pages_router)
router.include_router(status_router)
