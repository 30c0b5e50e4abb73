"""``/directory``: each state's national authorities and focal points.

Everyone reads the institutions; a person's name, position, email, phone and address show to
signed-in users only. The secretariat adds, changes and removes entries from the page. See
:mod:`vigia.evaluate.directory`.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Path, Query, Request, status
from fastapi.responses import HTMLResponse, Response

from vigia.errors import ReviewError
from vigia.evaluate.directory import ENTRY_KINDS, directory, remove_entry, save_entry
from vigia.permissions import can_keep_directory
from vigia.reference import member_states
from vigia.vocabulary import LARGEST_ID
from vigia.web.dependencies import DatabaseSession
from vigia.web.pages.responses import redirect_to, show
from vigia.web.pages.routing import PageRoute, SignedInFormVisitor
from vigia.web.pages.visitor import CurrentVisitor, Visitor

Field = Annotated[str, Form(max_length=300)]
EntryId = Annotated[int, Path(ge=1, le=LARGEST_ID)]

router = APIRouter(route_class=PageRoute, include_in_schema=False)


@router.get("/directory", response_class=HTMLResponse)
def directory_page(
    request: Request,
    visitor: CurrentVisitor,
    session: DatabaseSession,
    country: Annotated[str | None, Query(max_length=3)] = None,
) -> HTMLResponse:
    return _page(request, visitor, session, country)


@router.post("/directory", response_model=None)
def add(
    request: Request,
    visitor: SignedInFormVisitor,
    session: DatabaseSession,
    country: Annotated[str, Form(max_length=3)],
    kind: Annotated[str, Form(max_length=32)],
    institution: Field,
    name: Field = "",
    position: Field = "",
    email: Field = "",
    phone: Field = "",
    address: Field = "",
) -> Response:
    contact = {
        "name": name,
        "position": position,
        "email": email,
        "phone": phone,
        "address": address,
    }
    try:
        entry = save_entry(
            session,
            visitor.principal,
            country=country,
            kind=kind,
            institution=institution,
            contact=contact,
        )
    except ReviewError as error:
        return _page(request, visitor, session, None, error=str(error), status_code=400)
    return redirect_to(request, visitor, f"/directory?country={entry.country}")


@router.post("/directory/{entry_id}/removal", response_model=None)
def remove(
    request: Request, visitor: SignedInFormVisitor, session: DatabaseSession, entry_id: EntryId
) -> Response:
    try:
        remove_entry(session, visitor.principal, entry_id)
    except ReviewError as error:
        return _page(request, visitor, session, None, error=str(error), status_code=400)
    return redirect_to(request, visitor, "/directory")


def _page(
    request: Request,
    visitor: Visitor,
    session: DatabaseSession,
    country: str | None,
    *,
    error: str | None = None,
    status_code: int = status.HTTP_200_OK,
) -> HTMLResponse:
    country = country.upper() if country else None
    values = {
        "entries": directory(session, visitor.principal, country),
        "country": country,
        "states": member_states(),
        "kinds": ENTRY_KINDS,
        "keeps": can_keep_directory(visitor.principal),
        "error": error,
    }
    return show(request, visitor, "directory.html", values, status_code)
