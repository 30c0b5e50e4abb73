"""How page routes fail: friendly HTML error pages instead of the API's JSON errors.

Every page router uses :class:`PageRoute`, which turns what a page (or one of its dependencies)
raises into a response: :class:`LoginRequired` into a redirection to the login page,
:class:`PageError` and HTTP errors into an error page with their status, invalid parameters into
404 (in the path) or 400, a database that does not answer into 503 and anything else into 500.

:func:`signed_in` and :func:`checked_form` are the dependencies of pages that need a login and of
forms that post (CSRF check).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Coroutine
from typing import Annotated, Any

from fastapi import Depends, Request, Response, status
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute
from sqlalchemy.exc import OperationalError
from starlette.exceptions import HTTPException

from vigia.publish.labels import N_
from vigia.web.pages.responses import error_page, login_address, redirect_to
from vigia.web.pages.visitor import CurrentVisitor, Visitor
from vigia.web.sessions import CSRF_FIELD

logger = logging.getLogger(__name__)

CSRF_MESSAGE = N_(
    "This form has expired or did not come from this site. Go back, reload the page and try again."
)


class PageError(Exception):
    """An error to show as a page: its status and an English message id (translated when shown)."""

    def __init__(
        self, status_code: int, message: str | None = None, visitor: Visitor | None = None
    ) -> None:
        super().__init__(message or str(status_code))
        self.status_code = status_code
        self.message = message
        self.visitor = visitor


class LoginRequired(Exception):
    """The page needs a logged-in visitor: the answer is a redirection to the login page."""

    def __init__(self, visitor: Visitor) -> None:
        super().__init__("login required")
        self.visitor = visitor


Handler = Callable[[Request], Coroutine[Any, Any, Response]]


class PageRoute(APIRoute):
    """A route whose failures are shown as pages (see the module's description)."""

    def get_route_handler(self) -> Handler:
        handle = super().get_route_handler()

        async def handle_page(request: Request) -> Response:
            try:
                return await handle(request)
            except Exception as error:
                return failure_page(request, error)

        return handle_page


def failure_page(request: Request, error: Exception) -> Response:
    """The response for an ``error`` raised while answering ``request``."""
    if isinstance(error, LoginRequired):
        return redirect_to(request, error.visitor, login_address(request))
    if isinstance(error, PageError):
        return error_page(request, error.status_code, error.message, error.visitor)
    if isinstance(error, HTTPException):
        return error_page(request, error.status_code, headers=error.headers)
    if isinstance(error, RequestValidationError):
        return error_page(request, _validation_status(error))
    if isinstance(error, OperationalError):
        logger.error("database error on %s %s: %s", request.method, request.url.path, error)
        return error_page(request, status.HTTP_503_SERVICE_UNAVAILABLE)
    logger.error("error on %s %s", request.method, request.url.path, exc_info=error)
    return error_page(request, status.HTTP_500_INTERNAL_SERVER_ERROR)


def _validation_status(error: RequestValidationError) -> int:
    in_path = any(tuple(problem.get("loc", ()))[:1] == ("path",) for problem in error.errors())
    return status.HTTP_404_NOT_FOUND if in_path else status.HTTP_400_BAD_REQUEST


def signed_in(visitor: CurrentVisitor) -> Visitor:
    """The visitor, who must be logged in (else :class:`LoginRequired`)."""
    if visitor.user is None:
        raise LoginRequired(visitor)
    return visitor


async def checked_form(request: Request, visitor: CurrentVisitor) -> Visitor:
    """The visitor of a form that posts, whose CSRF token must be the session's (else 403)."""
    form = await request.form()
    token = form.get(CSRF_FIELD)
    if not isinstance(token, str) or not visitor.login.accepts(token):
        raise PageError(status.HTTP_403_FORBIDDEN, CSRF_MESSAGE, visitor)
    return visitor


async def signed_in_form(request: Request, visitor: CurrentVisitor) -> Visitor:
    """A logged-in visitor's form: the login is checked first (anonymous: to the login page)."""
    return await checked_form(request, signed_in(visitor))


SignedInVisitor = Annotated[Visitor, Depends(signed_in)]
FormVisitor = Annotated[Visitor, Depends(checked_form)]
SignedInFormVisitor = Annotated[Visitor, Depends(signed_in_form)]
