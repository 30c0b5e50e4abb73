"""``/reports/{meeting}``: a meeting's regional progress report on the site, and as a file.

Everyone reads the public report (published figures, confirmed ratings); the secretariat also reads
the draft (``?draft=1``), which marks what is not yet published or confirmed, and publishes the
report as an edition (``POST /reports/{meeting}/publish``, audited): every language and format
kept byte for byte with its hash. ``/reports/{meeting}/report.html`` (``.pdf``, ``.docx``) is the
report as a file to download: the latest published edition's file when there is one (an earlier
one with ``?edition=N``), else the report as it stands. ``?country=ISO3`` gives one state's
profile (page, files and charts' data), as ``vigia report --country`` does; it is never an edition.
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Path, Query, Request, Response, status
from fastapi.responses import HTMLResponse, RedirectResponse
from sqlalchemy.orm import Session

from vigia.errors import InvalidValue, PermissionDenied, PublishingError
from vigia.evaluate.meetings import UnknownMeeting
from vigia.permissions import can_publish
from vigia.publish.charts import chart_csv, number_locale, report_charts
from vigia.publish.editions import edition_content, editions
from vigia.publish.fact_csv import BYTE_ORDER_MARK
from vigia.publish.html import drawn_charts, drawn_maps
from vigia.publish.labels import N_
from vigia.publish.maps import report_maps
from vigia.publish.model import Report
from vigia.publish.vocabulary import vocabulary
from vigia.reference import indicators
from vigia.services.reports import (
    FORMATS,
    MEDIA_TYPES,
    publish_report,
    regional_report,
    report_bytes,
)
from vigia.web.dependencies import DatabaseSession
from vigia.web.pages.responses import redirect_to, show
from vigia.web.pages.routing import PageError, PageRoute, SignedInFormVisitor
from vigia.web.pages.visitor import CurrentVisitor, Visitor

NO_REPORT = N_("No document of this meeting is stored, so it has no report.")
SECRETARIAT_ONLY = N_("Only the secretariat reads the draft report.")
FORMAT_UNAVAILABLE = N_("This format cannot be made on this server; download the report as HTML.")
PUBLISHER_ONLY = N_("Only the secretariat publishes the regional report.")
NO_EDITION = N_("This edition of the report was not published in this language and format.")
PUBLISHED = N_("The report was published: its files are kept as they are now.")
UNKNOWN_AREA = N_("There is no area of the Work Plan with this code.")
UNKNOWN_INDICATOR = N_("There is no indicator with this name.")
NOT_REPORTED = N_("This state did not report to this meeting, so the report has no profile of it.")

router = APIRouter(route_class=PageRoute, include_in_schema=False)
MeetingCode = Annotated[str, Path(min_length=1, max_length=64)]
Draft = Annotated[bool, Query()]
EditionNumber = Annotated[int | None, Query(ge=1, le=1_000_000)]
Country = Annotated[str | None, Query(min_length=3, max_length=3)]
Area = Annotated[str | None, Query(max_length=64)]
Indicator = Annotated[str | None, Query(max_length=64)]


def report_path(meeting: str) -> str:
    """``/reports/<meeting>``, the code escaped for a path."""
    return f"/reports/{quote(meeting, safe='')}"


def _report(
    session: Session, visitor: Visitor, meeting: str, draft: bool, country: str | None = None
) -> Report:
    if draft and not can_publish(visitor.principal):
        raise PageError(status.HTTP_403_FORBIDDEN, SECRETARIAT_ONLY, visitor)
    try:
        return regional_report(
            session, meeting, draft=draft, country=country.upper() if country else None
        )
    except UnknownMeeting as error:
        raise PageError(status.HTTP_404_NOT_FOUND, NO_REPORT, visitor) from error
    except InvalidValue as error:
        raise PageError(status.HTTP_404_NOT_FOUND, NOT_REPORTED, visitor) from error


@router.get("/reports/{meeting}", response_class=HTMLResponse)
def report_page(
    request: Request,
    visitor: CurrentVisitor,
    session: DatabaseSession,
    meeting: MeetingCode,
    draft: Draft = False,
    done: Annotated[str | None, Query(max_length=16)] = None,
    country: Country = None,
    area: Area = None,
    indicator: Indicator = None,
) -> HTMLResponse:
    report = _report(session, visitor, meeting, draft, country)
    chosen = _area(report, visitor, area)
    mapped = _indicator(visitor, indicator)
    state = report.profiles[0].country if country else None
    values = {
        "state": state,
        "scope": f"&country={state}" if state else "",
        "profile_path": f"{report_path(report.meeting)}?country=",
        "editions": [] if state else editions(session, report.meeting),
        "notice": PUBLISHED if done == "publish" else None,
        "report": report,
        "words": vocabulary(visitor.language),
        "path": report_path(report.meeting),
        "may_draft": can_publish(visitor.principal),
        "formats": FORMATS,
        "charts": drawn_charts(report, visitor.language),
        "maps": drawn_maps(report, visitor.language, chosen, mapped),
        "chosen_area": chosen,
        "chosen_indicator": mapped,
        "mapped_indicators": sorted({figure.indicator for figure in report.figures}),
        "chart_path": f"{report_path(report.meeting)}/charts",
        "interactive": True,
        "number_locale": number_locale(visitor.language),
    }
    return show(request, visitor, "report_page.html", values)


@router.post("/reports/{meeting}/publish", response_class=RedirectResponse)
def publish(
    request: Request, visitor: SignedInFormVisitor, session: DatabaseSession, meeting: MeetingCode
) -> RedirectResponse:
    """Publish the public report as the meeting's next edition, then show it."""
    try:
        edition = publish_report(session, visitor.principal, meeting)
    except PermissionDenied as error:
        raise PageError(status.HTTP_403_FORBIDDEN, PUBLISHER_ONLY, visitor) from error
    except UnknownMeeting as error:
        raise PageError(status.HTTP_404_NOT_FOUND, NO_REPORT, visitor) from error
    return redirect_to(request, visitor, f"{report_path(edition.meeting)}?done=publish")


@router.get("/reports/{meeting}/charts/{name}.csv")
def chart_data(
    visitor: CurrentVisitor,
    session: DatabaseSession,
    meeting: MeetingCode,
    name: Annotated[str, Path(max_length=32)],
    draft: Draft = False,
    country: Country = None,
    area: Area = None,
    indicator: Indicator = None,
) -> Response:
    """The rows a chart of the report draws, as CSV."""
    report = _report(session, visitor, meeting, draft, country)
    language = visitor.language
    maps = report_maps(
        report, language, _area(report, visitor, area), _indicator(visitor, indicator)
    )
    shown = [*report_charts(report, language), *maps]
    chart = next((chart for chart in shown if chart.name == name), None)
    if chart is None:
        raise PageError(status.HTTP_404_NOT_FOUND, None, visitor)
    filename = f"{_stem(report, country)}-{chart.name}-{visitor.language}.csv"
    content = (BYTE_ORDER_MARK + chart_csv(chart)).encode("utf-8")
    return _download(content, "text/csv; charset=utf-8", filename)


@router.get("/reports/{meeting}/report.{output_format}")
def report_file(
    visitor: CurrentVisitor,
    session: DatabaseSession,
    meeting: MeetingCode,
    output_format: Annotated[str, Path(max_length=8)],
    draft: Draft = False,
    edition: EditionNumber = None,
    country: Country = None,
) -> Response:
    if output_format not in FORMATS:
        raise PageError(status.HTTP_404_NOT_FOUND, None, visitor)
    if not draft and not country:
        published = edition_content(session, meeting, visitor.language, output_format, edition)
        if published is not None:
            kept, content = published
            name = f"{kept.meeting}-{kept.number}-{visitor.language}.{output_format}"
            return _download(content, MEDIA_TYPES[output_format], name)
        if edition is not None:
            raise PageError(status.HTTP_404_NOT_FOUND, NO_EDITION, visitor)
    report = _report(session, visitor, meeting, draft, country)
    stem = _stem(report, country)
    name = f"{stem}{'-draft' if draft else ''}-{visitor.language}.{output_format}"
    try:
        content = report_bytes(report, visitor.language, output_format)
    except PublishingError as error:
        raise PageError(status.HTTP_503_SERVICE_UNAVAILABLE, FORMAT_UNAVAILABLE, visitor) from error
    return _download(content, MEDIA_TYPES[output_format], name)


def _area(report: Report, visitor: Visitor, area: str | None) -> str | None:
    """The area whose ratings a map shows: None when none is asked; 400 when it is unknown."""
    if not area:
        return None
    if area not in report.areas:
        raise PageError(status.HTTP_400_BAD_REQUEST, UNKNOWN_AREA, visitor)
    return area


def _indicator(visitor: Visitor, indicator: str | None) -> str | None:
    """The indicator whose figures a map shows: None when none is asked; 400 when unknown."""
    if not indicator:
        return None
    if indicator not in indicators():
        raise PageError(status.HTTP_400_BAD_REQUEST, UNKNOWN_INDICATOR, visitor)
    return indicator


def _stem(report: Report, country: str | None) -> str:
    """A file name's start: the meeting, and the state for one state's profile."""
    return f"{report.meeting}-{report.profiles[0].country}" if country else report.meeting


def _download(content: bytes, media_type: str, filename: str) -> Response:
    """``content`` as a file to save, never cached."""
    return Response(
        content,
        media_type=media_type,
        headers={
            "Content-Disposition": f'attachment; filename="{filename}"',
            "X-Content-Type-Options": "nosniff",
            "Cache-Control": "no-store",
        },
    )
