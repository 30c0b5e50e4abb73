"""The responses pages give: a rendered template, a redirection, an error page.

Each carries the cookies the visitor's request calls for (see :func:`visitor.remember`).
"""

from __future__ import annotations

from collections.abc import Mapping
from http import HTTPStatus
from typing import Any
from urllib.parse import urlencode, urlsplit

from fastapi import Request, status
from fastapi.responses import HTMLResponse, RedirectResponse

from vigia.publish.labels import N_
from vigia.web.pages.rendering import SECURITY_HEADERS, render_page
from vigia.web.pages.visitor import Visitor, remember, request_language

#: What an error page says for each status, unless the page has something more precise to say.
ERROR_MESSAGES = {
    400: N_("The request could not be understood. Check what you entered and try again."),
    401: N_("You need to log in to see this page."),
    403: N_("You are not allowed to do this."),
    404: N_("There is no such page."),
    405: N_("This page cannot be used that way."),
    409: N_("This cannot be done to the fact in its current state."),
    422: N_("The request could not be understood. Check what you entered and try again."),
    429: N_("Too many attempts. Wait a few minutes and try again."),
    500: N_("Something went wrong on our side. It has been logged."),
    503: N_("The database does not answer. Try again in a moment."),
}
ERROR_TITLES = {
    400: N_("Bad request"),
    401: N_("Login required"),
    403: N_("Forbidden"),
    404: N_("Not found"),
    405: N_("Not allowed"),
    409: N_("Conflict"),
    422: N_("Bad request"),
    429: N_("Too many attempts"),
    500: N_("Server error"),
    503: N_("Service unavailable"),
}


def show(
    request: Request,
    visitor: Visitor,
    template: str,
    values: Mapping[str, Any],
    status_code: int = status.HTTP_200_OK,
) -> HTMLResponse:
    """``template`` rendered for ``visitor``, in their language."""
    response = render_page(
        request, visitor.language, template, {"visitor": visitor, **values}, status_code
    )
    remember(request, response, visitor)
    return response


def redirect_to(request: Request, visitor: Visitor | None, address: str) -> RedirectResponse:
    """A 303 to ``address`` (so that the browser follows it with a GET)."""
    response = RedirectResponse(address, status_code=status.HTTP_303_SEE_OTHER)
    response.headers.update(SECURITY_HEADERS)
    remember(request, response, visitor)
    return response


def error_page(
    request: Request,
    status_code: int,
    message: str | None = None,
    visitor: Visitor | None = None,
    headers: Mapping[str, str] | None = None,
) -> HTMLResponse:
    """A friendly page for an error, with its status code.

    ``message`` is an English message id (translated here); by default, the status's own.
    """
    language = visitor.language if visitor is not None else request_language(request)
    values = {
        "visitor": visitor,
        "status_code": status_code,
        "title": ERROR_TITLES.get(status_code) or HTTPStatus(status_code).phrase,
        "message": message or ERROR_MESSAGES.get(status_code, ERROR_MESSAGES[500]),
    }
    response = render_page(request, language, "error.html", values, status_code)
    if headers:
        response.headers.update(headers)
    remember(request, response, visitor)
    return response


def local_address(address: str | None, default: str = "/") -> str:
    """``address`` if it is a path on this site (``/review?page=2``), else ``default``.

    Keeps a login's ``next`` from sending anybody to another site.
    """
    if not address or not address.startswith("/") or address.startswith("//"):
        return default
    parts = urlsplit(address)
    if parts.scheme or parts.netloc or "\\" in address:
        return default
    return address


def login_address(request: Request) -> str:
    """``/login?next=…``, back to the page of ``request`` (for a form, the page that held it)."""
    if request.method == "GET":
        wanted = urlsplit(str(request.url))
    else:
        wanted = urlsplit(request.headers.get("Referer", ""))
    path = wanted.path + (f"?{wanted.query}" if wanted.query else "")
    return f"/login?{urlencode({'next': local_address(path)})}"
