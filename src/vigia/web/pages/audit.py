"""``/audit``: the audit log, newest first, for the secretariat (and administrators); its CSV."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, status
from fastapi.responses import HTMLResponse, Response

from vigia.publish.fact_csv import BYTE_ORDER_MARK
from vigia.publish.labels import N_
from vigia.services.audit_log import audit_csv as audit_log_csv
from vigia.services.audit_log import audit_entries
from vigia.web.dependencies import DatabaseSession
from vigia.web.pages.responses import show
from vigia.web.pages.routing import PageError, PageRoute, SignedInVisitor
from vigia.web.pages.visitor import Visitor

ENTRIES_SHOWN = 200
NOT_ALLOWED = N_("The audit log is for the secretariat.")
CSV_NAME = "vigia-audit-log.csv"

router = APIRouter(route_class=PageRoute, include_in_schema=False)
ActionFilter = Annotated[str | None, Query(max_length=64)]


def _check_allowed(visitor: Visitor) -> None:
    if not visitor.sees_audit:
        raise PageError(status.HTTP_403_FORBIDDEN, NOT_ALLOWED, visitor)


@router.get("/audit", response_class=HTMLResponse)
def audit_page(
    request: Request,
    visitor: SignedInVisitor,
    session: DatabaseSession,
    action: ActionFilter = None,
) -> HTMLResponse:
    _check_allowed(visitor)
    entries = audit_entries(session, visitor.principal, action, limit=ENTRIES_SHOWN)
    values = {"entries": entries, "action": action or "", "shown": ENTRIES_SHOWN}
    return show(request, visitor, "audit.html", values)


@router.get("/audit.csv")
def audit_csv(
    visitor: SignedInVisitor, session: DatabaseSession, action: ActionFilter = None
) -> Response:
    _check_allowed(visitor)
    text = audit_log_csv(session, visitor.principal, action)
    return Response(
        BYTE_ORDER_MARK + text,
        media_type="text/csv; charset=utf-8",
        headers={
            "Content-Disposition": f'attachment; filename="{CSV_NAME}"',
            "Cache-Control": "no-store",
        },
    )
