"""``/practices``: the good-practice compendium, with the secretariat's curation and the focal
points' additions and descriptions.

Everyone reads the public practices; a focal point also its own state's, which it may describe
(and attach a contact to) or add to; the secretariat sees every one and makes it public or hides
it. Forms post and come back here; refusals show on the page. See :mod:`vigia.evaluate.practices`.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Path, Query, Request, status
from fastapi.responses import HTMLResponse, Response

from vigia.errors import ReviewError
from vigia.evaluate.practices import (
    PRACTICE_KINDS,
    add_practice,
    curate_practice,
    describe_practice,
    practices,
)
from vigia.permissions import can_curate_practices
from vigia.plans import AREAS, area_labels
from vigia.reference import member_states
from vigia.vocabulary import LARGEST_ID
from vigia.web.dependencies import DatabaseSession
from vigia.web.pages.responses import redirect_to, show
from vigia.web.pages.routing import PageRoute, SignedInFormVisitor
from vigia.web.pages.visitor import CurrentVisitor, Visitor

Code = Annotated[str | None, Query(max_length=64)]
Text = Annotated[str, Form(max_length=4000)]
PracticeId = Annotated[int, Path(ge=1, le=LARGEST_ID)]

router = APIRouter(route_class=PageRoute, include_in_schema=False)


@router.get("/practices", response_class=HTMLResponse)
def practices_page(
    request: Request,
    visitor: CurrentVisitor,
    session: DatabaseSession,
    country: Code = None,
    area: Code = None,
    kind: Code = None,
    done: Code = None,
) -> HTMLResponse:
    return _page(request, visitor, session, country, area, kind, notice=done)


@router.post("/practices", response_model=None)
def add(
    request: Request,
    visitor: SignedInFormVisitor,
    session: DatabaseSession,
    country: Annotated[str, Form(max_length=3)],
    kind: Annotated[str, Form(max_length=32)],
    title: Text,
    area: Annotated[str, Form(max_length=64)] = "",
    description: Text = "",
    contact: Annotated[str, Form(max_length=300)] = "",
) -> Response:
    try:
        add_practice(
            session,
            visitor.principal,
            country,
            kind=kind,
            title=title,
            area=area or None,
            description=description,
            contact=contact,
        )
    except ReviewError as error:
        return _page(request, visitor, session, error=str(error), status_code=400)
    return redirect_to(request, visitor, f"/practices?country={country.upper()}&done=added")


@router.post("/practices/{practice_id}/description", response_model=None)
def describe(
    request: Request,
    visitor: SignedInFormVisitor,
    session: DatabaseSession,
    practice_id: PracticeId,
    description: Text = "",
    contact: Annotated[str, Form(max_length=300)] = "",
) -> Response:
    try:
        done = describe_practice(
            session, visitor.principal, practice_id, description=description, contact=contact
        )
    except ReviewError as error:
        return _page(request, visitor, session, error=str(error), status_code=400)
    return redirect_to(request, visitor, f"/practices?country={done.country}&done=described")


@router.post("/practices/{practice_id}/curation", response_model=None)
def curate(
    request: Request,
    visitor: SignedInFormVisitor,
    session: DatabaseSession,
    practice_id: PracticeId,
    action: Annotated[str, Form(max_length=16)],
) -> Response:
    try:
        done = curate_practice(session, visitor.principal, practice_id, action)
    except ReviewError as error:
        return _page(request, visitor, session, error=str(error), status_code=400)
    return redirect_to(request, visitor, f"/practices?country={done.country}&done={action}")


def _page(
    request: Request,
    visitor: Visitor,
    session: DatabaseSession,
    country: str | None = None,
    area: str | None = None,
    kind: str | None = None,
    *,
    notice: str | None = None,
    error: str | None = None,
    status_code: int = status.HTTP_200_OK,
) -> HTMLResponse:
    principal = visitor.principal
    country = country.upper() if country else None
    found = practices(session, principal, country=country, area=area, kind=kind)
    values = {
        "practices": found,
        "country": country,
        "area": area,
        "kind": kind,
        "kinds": PRACTICE_KINDS,
        "areas": AREAS,
        "area_names": {code: names[visitor.language] for code, names in area_labels().items()},
        "states": member_states(),
        "curates": can_curate_practices(principal),
        "own_state": principal.country,
        "notice": notice if notice in ("added", "described", "publish", "hide") else None,
        "error": error,
    }
    return show(request, visitor, "practices.html", values, status_code)
