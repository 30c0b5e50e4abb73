"""``/login`` and ``/logout``: email and password against the accounts, limited failed attempts.

A successful login starts a new session (a new CSRF token too) and goes back to the page that
asked for it. Failed attempts count against the email and against the client's address; after
:data:`FAILURE_LIMIT` failures within :data:`FAILURE_WINDOW` seconds, either is refused with 429
until the oldest failure is older than that, whatever the password.
"""

from __future__ import annotations

import math
import threading
from typing import Annotated

from fastapi import APIRouter, Form, Request, status
from fastapi.responses import HTMLResponse, RedirectResponse

from vigia.store.accounts import authenticate
from vigia.web.dependencies import DatabaseSession
from vigia.web.pages.labels import N_
from vigia.web.pages.responses import local_address, redirect_to, show
from vigia.web.pages.routing import FormVisitor, PageRoute
from vigia.web.pages.visitor import CurrentVisitor
from vigia.web.sessions import LoginThrottle, throttle_keys

FAILURE_LIMIT = 5
FAILURE_WINDOW = 15 * 60
#: Longest password accepted, so that hashing cannot be made to take long.
LONGEST_PASSWORD = 1024
LONGEST_EMAIL = 320
WRONG_CREDENTIALS = N_("Wrong email or password.")
TOO_MANY_FAILURES = N_(
    "Too many failed attempts to log in. Wait %(minutes)s minutes before trying again."
)

router = APIRouter(route_class=PageRoute, include_in_schema=False)
_throttle_lock = threading.Lock()


def login_throttle(request: Request) -> LoginThrottle:
    """The application's count of failed logins, made at its first use."""
    with _throttle_lock:
        throttle: LoginThrottle | None = getattr(request.app.state, "login_throttle", None)
        if throttle is None:
            throttle = LoginThrottle(FAILURE_LIMIT, FAILURE_WINDOW)
            request.app.state.login_throttle = throttle
        return throttle


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request, visitor: CurrentVisitor, next: str = "/") -> HTMLResponse:
    return show(request, visitor, "login.html", {"next": local_address(next), "email": ""})


@router.post("/login", response_model=None)
def log_in(
    request: Request,
    visitor: FormVisitor,
    session: DatabaseSession,
    email: Annotated[str, Form(max_length=LONGEST_EMAIL)] = "",
    password: Annotated[str, Form(max_length=LONGEST_PASSWORD)] = "",
    next: Annotated[str, Form(max_length=2048)] = "/",
) -> HTMLResponse | RedirectResponse:
    throttle = login_throttle(request)
    keys = throttle_keys(email, request.client.host if request.client else None)
    values = {"next": local_address(next), "email": email}
    wait = throttle.wait(keys)
    if wait > 0:
        minutes = max(1, math.ceil(wait / 60))
        response = show(
            request,
            visitor,
            "login.html",
            {**values, "error": TOO_MANY_FAILURES, "error_values": {"minutes": minutes}},
            status.HTTP_429_TOO_MANY_REQUESTS,
        )
        response.headers["Retry-After"] = str(math.ceil(wait))
        return response
    user = authenticate(session, email, password) if email and password else None
    if user is None:
        throttle.record_failure(keys)
        return show(
            request,
            visitor,
            "login.html",
            {**values, "error": WRONG_CREDENTIALS, "error_values": {}},
            status.HTTP_401_UNAUTHORIZED,
        )
    throttle.forget(keys[:1])
    return redirect_to(request, visitor.logged_in(user), local_address(next))


@router.get("/logout", response_model=None)
def logout_form(request: Request, visitor: CurrentVisitor) -> HTMLResponse | RedirectResponse:
    if visitor.user is None:
        return redirect_to(request, visitor, "/")
    return show(request, visitor, "logout.html", {})


@router.post("/logout")
def log_out(request: Request, visitor: FormVisitor) -> RedirectResponse:
    return redirect_to(request, visitor.logged_out(), "/")
