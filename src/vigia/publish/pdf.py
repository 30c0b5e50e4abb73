"""A report as PDF: its HTML laid out by WeasyPrint, which needs Pango (Debian's
``libpango-1.0-0`` and ``libpangoft2-1.0-0``). Nothing is fetched: the HTML has its styles in it,
and any other address it might name is refused."""

from __future__ import annotations

from typing import Any

from vigia.errors import PublishingError
from vigia.publish.html import render_html
from vigia.publish.model import Report

MISSING_LIBRARIES = (
    "PDF needs the Pango libraries, which are missing: apt-get install libpango-1.0-0"
    " libpangoft2-1.0-0 (or write the report as HTML or DOCX)"
)


def _no_fetching(url: str, *_arguments: Any, **_options: Any) -> dict[str, Any]:
    raise ValueError(f"a report fetches nothing: {url}")


def render_pdf(report: Report, language: str) -> bytes:
    """``report`` in ``language`` as the bytes of a PDF file."""
    try:
        from weasyprint import HTML
    except OSError as error:  # WeasyPrint loads Pango when imported
        raise PublishingError(MISSING_LIBRARIES) from error
    document = HTML(string=render_html(report, language), url_fetcher=_no_fetching)
    pdf = document.write_pdf()
    assert pdf is not None
    return bytes(pdf)
