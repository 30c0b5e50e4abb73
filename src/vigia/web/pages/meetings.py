"""``/meetings``: the meetings with stored documents, each with its record, evaluation and regional
report; ``/meetings/{code}``: a meeting's officers, documents and decisions, from its stored
records."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Request, status
from fastapi.responses import HTMLResponse

from vigia.publish.labels import N_
from vigia.services import reads
from vigia.web.dependencies import DatabaseSession
from vigia.web.pages.responses import show
from vigia.web.pages.routing import PageError, PageRoute
from vigia.web.pages.visitor import CurrentVisitor

NO_MEETING = N_("No meeting has this code.")

router = APIRouter(route_class=PageRoute, include_in_schema=False)


@router.get("/meetings", response_class=HTMLResponse)
def meetings_page(
    request: Request, visitor: CurrentVisitor, session: DatabaseSession
) -> HTMLResponse:
    return show(request, visitor, "meetings.html", {"meetings": reads.meeting_summaries(session)})


@router.get("/meetings/{code}", response_class=HTMLResponse)
def meeting_page(
    request: Request,
    visitor: CurrentVisitor,
    session: DatabaseSession,
    code: Annotated[str, Path(min_length=1, max_length=255)],
) -> HTMLResponse:
    meeting = reads.find_meeting(session, visitor.principal, code)
    if meeting is None:
        raise PageError(status.HTTP_404_NOT_FOUND, NO_MEETING, visitor)
    return show(request, visitor, "meeting.html", {"meeting": meeting})
