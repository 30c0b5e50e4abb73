"""A report as PDF: its HTML laid out by WeasyPrint, which needs Pango (Debian's
``libpango-1.0-0`` and ``libpangoft2-1.0-0``). Nothing is fetched: the HTML has its styles and its
charts' pictures in it, and any other address it might name stops the writing."""

from __future__ import annotations

from vigia.errors import PublishingError
from vigia.publish.html import render_html
from vigia.publish.model import Report

MISSING_LIBRARIES = (
    "PDF needs the Pango libraries, which are missing: apt-get install libpango-1.0-0"
    " libpangoft2-1.0-0 (or write the report as HTML or DOCX)"
)


def render_pdf(report: Report, language: str) -> bytes:
    """``report`` in ``language`` as the bytes of a PDF file."""
    try:
        from weasyprint import HTML, URLFetcher
    except OSError as error:  # WeasyPrint loads Pango when imported
        raise PublishingError(MISSING_LIBRARIES) from error
    # Only the pictures the report holds (data: addresses) are read; any other address is refused.
    reader = URLFetcher(allowed_protocols=("data",), fail_on_errors=True)
    html = render_html(report, language, pictures=True)
    document = HTML(string=html, url_fetcher=reader)
    pdf = document.write_pdf()
    assert pdf is not None
    return bytes(pdf)
