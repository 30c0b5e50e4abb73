"""``/reports/{meeting}``: a meeting's regional progress report on the site, and as a file.

Everyone reads the public report (published figures, confirmed ratings); the secretariat also reads
the draft (``?draft=1``), which marks what is not yet published or confirmed.
``/reports/{meeting}/report.html`` is the same report as a whole HTML file to download.
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Path, Query, Request, Response, status
from fastapi.responses import HTMLResponse
from sqlalchemy.orm import Session

from vigia.evaluate.meetings import UnknownMeeting
from vigia.permissions import can_publish
from vigia.publish.labels import N_
from vigia.publish.report import Report
from vigia.publish.vocabulary import vocabulary
from vigia.services.reports import regional_report, report_bytes
from vigia.web.dependencies import DatabaseSession
from vigia.web.pages.responses import show
from vigia.web.pages.routing import PageError, PageRoute
from vigia.web.pages.visitor import CurrentVisitor, Visitor

NO_REPORT = N_("No document of this meeting is stored, so it has no report.")
SECRETARIAT_ONLY = N_("Only the secretariat reads the draft report.")

router = APIRouter(route_class=PageRoute, include_in_schema=False)
MeetingCode = Annotated[str, Path(min_length=1, max_length=64)]
Draft = Annotated[bool, Query()]


def report_path(meeting: str) -> str:
    """``/reports/<meeting>``, the code escaped for a path."""
    return f"/reports/{quote(meeting, safe='')}"


def _report(session: Session, visitor: Visitor, meeting: str, draft: bool) -> Report:
    if draft and not can_publish(visitor.principal):
        raise PageError(status.HTTP_403_FORBIDDEN, SECRETARIAT_ONLY, visitor)
    try:
        return regional_report(session, meeting, draft=draft)
    except UnknownMeeting as error:
        raise PageError(status.HTTP_404_NOT_FOUND, NO_REPORT, visitor) from error


@router.get("/reports/{meeting}", response_class=HTMLResponse)
def report_page(
    request: Request,
    visitor: CurrentVisitor,
    session: DatabaseSession,
    meeting: MeetingCode,
    draft: Draft = False,
) -> HTMLResponse:
    report = _report(session, visitor, meeting, draft)
    values = {
        "report": report,
        "words": vocabulary(visitor.language),
        "path": report_path(report.meeting),
        "may_draft": can_publish(visitor.principal),
    }
    return show(request, visitor, "report_page.html", values)


@router.get("/reports/{meeting}/report.html")
def report_file(
    visitor: CurrentVisitor, session: DatabaseSession, meeting: MeetingCode, draft: Draft = False
) -> Response:
    report = _report(session, visitor, meeting, draft)
    name = f"{report.meeting}{'-draft' if draft else ''}-{visitor.language}.html"
    return Response(
        report_bytes(report, visitor.language, "html"),
        media_type="text/html; charset=utf-8",
        headers={
            "Content-Disposition": f'attachment; filename="{name}"',
            "X-Content-Type-Options": "nosniff",
            "Cache-Control": "no-store",
        },
    )
