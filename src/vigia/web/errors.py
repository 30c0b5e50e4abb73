"""Every error the service answers is JSON: ``{"error": {"status": 404, "message": "…"}}``, except
an HTTP error (an address no route answers, a method not allowed) asked for by a browser outside
the API, which gets the site's error page.

HTTP errors keep their status and message; a refusal of the application
(:class:`~vigia.errors.ReviewError`: permission denied, not found, a status that does not
allow the change, an invalid value) gives 403, 404, 409 or 422 with its message; invalid
parameters give 422 naming each parameter and what is wrong with it; a database that stops
answering gives 503; anything unexpected gives 500 with a generic message (the details go to the
log, never to the caller).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request, status
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from sqlalchemy.exc import OperationalError
from starlette.exceptions import HTTPException

from vigia.errors import (
    InvalidTransition,
    InvalidValue,
    NotFound,
    PermissionDenied,
    ReviewError,
)
from vigia.publish.resources import ErrorDetail, ErrorResponse
from vigia.web.pages.responses import error_page

logger = logging.getLogger(__name__)

UNAVAILABLE_MESSAGE = "the database does not answer; try again later"
INTERNAL_MESSAGE = "internal error; it has been logged"
LOCATIONS = {
    "query": "query parameter",
    "path": "path parameter",
    "header": "header",
    "cookie": "cookie",
    "body": "body field",
}
#: Prefix Pydantic puts before the message of a ValueError raised by a validator.
VALUE_ERROR_PREFIX = "Value error, "
#: The HTTP status of each refusal; any other :class:`ReviewError` is 422.
REFUSAL_STATUSES: dict[type[ReviewError], int] = {
    PermissionDenied: status.HTTP_403_FORBIDDEN,
    NotFound: status.HTTP_404_NOT_FOUND,
    InvalidTransition: status.HTTP_409_CONFLICT,
    InvalidValue: status.HTTP_422_UNPROCESSABLE_CONTENT,
}


def error_response(
    status_code: int, message: str, headers: Mapping[str, str] | None = None
) -> JSONResponse:
    body = ErrorResponse(error=ErrorDetail(status=status_code, message=message))
    return JSONResponse(body.model_dump(), status_code=status_code, headers=headers)


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(ReviewError, _refused)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(OperationalError, _database_unavailable)
    app.add_exception_handler(Exception, _unexpected_error)


def wants_page(request: Request) -> bool:
    """Whether ``request`` comes from a browser reading the site (it accepts HTML and is not
    for the JSON API): its errors are pages, not JSON."""
    accepted = request.headers.get("accept", "")
    return "text/html" in accepted and not request.url.path.startswith("/api/")


def validation_message(errors: Sequence[Any]) -> str:
    """One line for Pydantic's errors: ``query parameter country: … ; query parameter limit: …``."""
    return "; ".join(_problem(error) for error in errors) or "invalid request"


async def _http_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, HTTPException)
    if wants_page(request):  # an address no route answers, typed or followed in a browser
        return error_page(request, error.status_code, headers=error.headers)
    detail = error.detail if isinstance(error.detail, str) and error.detail else None
    message = detail or HTTPStatus(error.status_code).phrase
    return error_response(error.status_code, message, error.headers)


async def _refused(_request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, ReviewError)
    refused = next(
        (code for kind, code in REFUSAL_STATUSES.items() if isinstance(error, kind)),
        status.HTTP_422_UNPROCESSABLE_CONTENT,
    )
    return error_response(refused, error.message)


async def _validation_error(_request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, RequestValidationError)
    return error_response(status.HTTP_422_UNPROCESSABLE_CONTENT, validation_message(error.errors()))


async def _database_unavailable(request: Request, error: Exception) -> JSONResponse:
    logger.error("database error on %s %s: %s", request.method, request.url.path, error)
    return error_response(status.HTTP_503_SERVICE_UNAVAILABLE, UNAVAILABLE_MESSAGE)


async def _unexpected_error(request: Request, error: Exception) -> JSONResponse:
    logger.error("error on %s %s", request.method, request.url.path, exc_info=error)
    return error_response(status.HTTP_500_INTERNAL_SERVER_ERROR, INTERNAL_MESSAGE)


def _problem(error: Any) -> str:
    if not isinstance(error, Mapping):
        return str(error)
    message = str(error.get("msg", "invalid value")).removeprefix(VALUE_ERROR_PREFIX)
    location = [str(part) for part in error.get("loc", ())]
    if not location:
        return message
    kind, names = location[0], location[1:]
    where = LOCATIONS.get(kind, kind)
    return f"{where} {'.'.join(names)}: {message}" if names else f"{where}: {message}"
