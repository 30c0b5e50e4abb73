"""The regional report of a meeting, as ``vigia report`` and the report pages make it."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.orm import Session

from vigia.domain import LANGUAGES
from vigia.errors import InvalidValue, PermissionDenied, PublishingError
from vigia.evaluate.scorecard import evaluate_meeting
from vigia.permissions import Principal, can_publish
from vigia.publish.editions import Edition, FileKey, publish_edition
from vigia.publish.html import render_html
from vigia.publish.model import Report
from vigia.publish.pdf import render_pdf
from vigia.publish.report import build_report
from vigia.publish.word import render_docx
from vigia.services.mappings import remap_documents

#: The formats a report is written in, and how.
WRITERS: dict[str, Callable[[Report, str], bytes]] = {
    "html": lambda report, language: render_html(report, language).encode("utf-8"),
    "pdf": render_pdf,
    "docx": render_docx,
}
FORMATS = tuple(WRITERS)
#: Each format's media type.
MEDIA_TYPES = {
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def regional_report(
    session: Session, meeting: str, *, country: str | None = None, draft: bool = False
) -> Report:
    """The report of ``meeting`` (UnknownMeeting when none is stored), of one state only when
    ``country`` is given (InvalidValue when it did not report to the meeting). A ``draft`` shows
    what is not yet published or confirmed: the caller decides who may see one."""
    remap_documents(session)
    report = build_report(session, meeting, draft=draft, country=country)
    if country is not None and report.profile(country) is None:
        reported = [state.country for state in evaluate_meeting(session, meeting).states]
        raise InvalidValue(
            f"{country} has no section in the documents of {report.meeting}; "
            f"states that reported: {', '.join(reported) or 'none'}"
        )
    return report


def report_bytes(report: Report, language: str, output_format: str) -> bytes:
    """``report`` written in ``language`` and ``output_format`` (one of :data:`FORMATS`);
    PublishingError when a library the format needs is missing."""
    if language not in LANGUAGES:
        raise InvalidValue(f"unknown language {language!r}; choose one of {', '.join(LANGUAGES)}")
    if output_format not in FORMATS:
        raise InvalidValue(f"unknown format {output_format!r}; choose one of {', '.join(FORMATS)}")
    return WRITERS[output_format](report, language)


def publish_report(session: Session, principal: Principal, meeting: str) -> Edition:
    """Publish the public report of ``meeting`` as its next edition: written in every language
    and every format this server can make (a format whose library is missing, such as PDF without
    Pango, is left out), each file kept with its hash. Only the secretariat publishes."""
    if not can_publish(principal):
        raise PermissionDenied("only the secretariat publishes the regional report")
    report = regional_report(session, meeting)
    files: dict[FileKey, bytes] = {}
    for output_format in FORMATS:
        for language in LANGUAGES:
            try:
                files[(language, output_format)] = report_bytes(report, language, output_format)
            except PublishingError:
                break
    return publish_edition(session, principal, report.meeting, files)
