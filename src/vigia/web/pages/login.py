"""``/login`` and ``/logout``: email and password against the accounts, limited failed attempts.

A successful login starts a new session, kept on the server (a new CSRF token too), and goes back
to the page that asked for it; logging out ends it there. Failed attempts count against the
account at the client's address and against the address (:mod:`vigia.services.logins`): past a few,
each is refused with 429 for a delay that grows with every further failure, whatever the password.
"""

from __future__ import annotations

import math
from typing import Annotated

from fastapi import APIRouter, Form, Request, status
from fastapi.responses import HTMLResponse, RedirectResponse

from vigia.publish.labels import N_
from vigia.services.accounts import authenticate
from vigia.services.logins import (
    end_login_session,
    forget_login_failures,
    login_wait,
    record_login_failure,
    start_login_session,
    throttle_keys,
)
from vigia.web.dependencies import DatabaseSession
from vigia.web.pages.responses import local_address, redirect_to, show
from vigia.web.pages.routing import FormVisitor, PageRoute
from vigia.web.pages.visitor import CurrentVisitor

#: Longest password accepted, so that hashing cannot be made to take long.
LONGEST_PASSWORD = 1024
LONGEST_EMAIL = 320
WRONG_CREDENTIALS = N_("Wrong email or password.")
TOO_MANY_FAILURES = N_("Too many failed attempts to log in. Try again in %(minutes)s min.")

router = APIRouter(route_class=PageRoute, include_in_schema=False)


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
    keys = throttle_keys(email, request.client.host if request.client else None)
    values = {"next": local_address(next), "email": email}
    wait = login_wait(session, keys)
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
        record_login_failure(session, keys)
        return show(
            request,
            visitor,
            "login.html",
            {**values, "error": WRONG_CREDENTIALS, "error_values": {}},
            status.HTTP_401_UNAUTHORIZED,
        )
    forget_login_failures(session, keys[:1])
    key = start_login_session(session, user)
    return redirect_to(request, visitor.logged_in(user, key), local_address(next))


@router.get("/logout", response_model=None)
def logout_form(request: Request, visitor: CurrentVisitor) -> HTMLResponse | RedirectResponse:
    if visitor.user is None:
        return redirect_to(request, visitor, "/")
    return show(request, visitor, "logout.html", {})


@router.post("/logout")
def log_out(request: Request, visitor: FormVisitor, session: DatabaseSession) -> RedirectResponse:
    end_login_session(session, visitor.login.key)
    return redirect_to(request, visitor.logged_out(), "/")
