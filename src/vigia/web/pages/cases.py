"""``/cases``: a state's case register, for its case managers only.

The page counts the register's records by year, takes a CSV to import (all of it, or a row-by-row
report and nothing stored) and gives the records back as CSV, with the identifying fields only
when asked (a form that posts, so that a link followed by a crawler never opens them; every export
is audited). Nobody else reaches it: the secretariat sees what is released on
``/protected-statistics``.
"""

from __future__ import annotations

from typing import Annotated, cast

from fastapi import APIRouter, Form, Request, status
from fastapi.responses import HTMLResponse, Response
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from vigia.errors import ReviewError
from vigia.evaluate.case_access import export_cases, records_by_year
from vigia.evaluate.case_register import import_cases
from vigia.permissions import CASE_MANAGER
from vigia.publish.labels import N_
from vigia.services.sealing import NoKey, Sealer, SealError, sealer_from_settings
from vigia.settings import Settings
from vigia.web.dependencies import DatabaseSession
from vigia.web.pages.responses import redirect_to, show
from vigia.web.pages.routing import PageError, PageRoute, SignedInFormVisitor, SignedInVisitor
from vigia.web.pages.visitor import Visitor

NOT_A_CASE_MANAGER = N_("The case register is for its state's case managers only.")
NO_FILE = N_("Choose a CSV file to send.")
TOO_LARGE = N_("The file is too large.")
#: The largest file taken from the page.
MOST_BYTES = 20 * 1024 * 1024

router = APIRouter(route_class=PageRoute, include_in_schema=False)


@router.get("/cases", response_class=HTMLResponse)
def cases_page(
    request: Request, visitor: SignedInVisitor, session: DatabaseSession, done: str | None = None
) -> HTMLResponse:
    notice = N_("The records are imported.") if done == "imported" else None
    return _page(request, visitor, session, notice=notice)


@router.post("/cases/upload", response_model=None)
async def upload(
    request: Request, visitor: SignedInFormVisitor, session: DatabaseSession
) -> Response:
    register = _register(visitor)
    fields = await request.form()
    sent = fields.get("file")
    if not isinstance(sent, UploadFile) or not sent.filename:
        return _page(request, visitor, session, error=NO_FILE, status_code=400)
    data = await sent.read(MOST_BYTES + 1)
    if len(data) > MOST_BYTES:
        return _page(request, visitor, session, error=TOO_LARGE, status_code=400)
    sealer = _sealer(request)
    report = await run_in_threadpool(
        import_cases, session, visitor.principal, data, register, sealer
    )
    if not report.ok:
        return _page(request, visitor, session, refused=report.errors, status_code=400)
    return redirect_to(request, visitor, "/cases?done=imported")


@router.post("/cases/export", response_model=None)
def export(
    request: Request,
    visitor: SignedInFormVisitor,
    session: DatabaseSession,
    identities: Annotated[str, Form(max_length=8)] = "",
) -> Response:
    register = _register(visitor)
    try:
        text = export_cases(
            session, visitor.principal, register, _sealer(request), identities=identities == "yes"
        )
    except (ReviewError, NoKey, SealError) as error:
        return _page(request, visitor, session, error=str(error), status_code=400)
    name = f"cases-{register}{'-identities' if identities == 'yes' else ''}.csv"
    return Response(
        text.encode("utf-8-sig"),
        media_type="text/csv; charset=utf-8",
        headers={
            "Content-Disposition": f'attachment; filename="{name}"',
            "Cache-Control": "no-store",
        },
    )


def _register(visitor: Visitor) -> str:
    principal = visitor.principal
    if principal.role != CASE_MANAGER or principal.country is None:
        raise PageError(status.HTTP_403_FORBIDDEN, NOT_A_CASE_MANAGER, visitor)
    return principal.country


def _sealer(request: Request) -> Sealer:
    try:
        return sealer_from_settings(cast(Settings, request.app.state.settings))
    except SealError:
        return Sealer(())  # a bad key setting: nothing identifying is stored or opened


def _page(
    request: Request,
    visitor: Visitor,
    session: Session,
    *,
    notice: str | None = None,
    error: str | None = None,
    refused: list[tuple[int, str]] | None = None,
    status_code: int = status.HTTP_200_OK,
) -> HTMLResponse:
    register = _register(visitor)
    by_year = records_by_year(session, visitor.principal, register)
    values = {
        "register": register,
        "by_year": by_year,
        "notice": notice,
        "error": error,
        "refused": refused or [],
    }
    return show(request, visitor, "cases.html", values, status_code)
