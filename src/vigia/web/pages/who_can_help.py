"""``/who-can-help``: a state's need, and the states whose reports show they have done it.

Without a need, the page lists the requests for help read in the reports the visitor may read, and
(signed in) a box to describe a need. With one (``?request=ID``, or ``?need=…&country=ISO3``), it
ranks the other states by their evidence, each with its quotes and, for signed-in users, its focal
points' addresses. Nothing is stored: the need is in the address. See
:mod:`vigia.evaluate.who_can_help`.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, status
from fastapi.responses import HTMLResponse

from vigia.evaluate.who_can_help import (
    NoSuchRequest,
    helpers,
    request_need,
    requests_for_help,
    typed_need,
)
from vigia.publish.labels import N_
from vigia.reference import countries, member_states
from vigia.vocabulary import LARGEST_ID
from vigia.web.dependencies import DatabaseSession
from vigia.web.pages.responses import show
from vigia.web.pages.routing import PageError, PageRoute
from vigia.web.pages.visitor import CurrentVisitor

NO_REQUEST = N_("There is no such request for help, or you may not read it.")

router = APIRouter(route_class=PageRoute, include_in_schema=False)


@router.get("/who-can-help", response_class=HTMLResponse)
def who_can_help_page(
    request: Request,
    visitor: CurrentVisitor,
    session: DatabaseSession,
    request_id: Annotated[int | None, Query(alias="request", ge=1, le=LARGEST_ID)] = None,
    need: Annotated[str, Query(max_length=2000)] = "",
    country: Annotated[str | None, Query(max_length=3)] = None,
) -> HTMLResponse:
    principal = visitor.principal
    state = country.upper() if country and country.upper() in countries() else None
    if state is None and principal.country:
        state = principal.country
    asked = None
    if request_id is not None:
        try:
            asked = request_need(session, principal, request_id)
        except NoSuchRequest as error:
            raise PageError(status.HTTP_404_NOT_FOUND, NO_REQUEST, visitor) from error
    elif need.strip():
        asked = typed_need(need, state, None)  # any of the four languages
    values = {
        "need": asked,
        "typed": need,
        "country": state,
        "helpers": helpers(session, principal, asked) if asked else [],
        "requests": [] if asked else requests_for_help(session, principal),
        "states": member_states(),
    }
    return show(request, visitor, "who_can_help.html", values)
