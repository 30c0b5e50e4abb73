"""A report as PDF (WeasyPrint) and DOCX (python-docx): vigia.publish.pdf and vigia.publish.word.

The PDF's first page is turned into a PNG with pdftoppm (Debian's poppler-utils) and kept in
``test-artifacts/`` with the browser tests' screenshots.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pdfplumber
import pytest
from docx import Document as open_docx
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from tests.evaluate.reports import RTP4_ENGLISH, RTP4_SPANISH, RTP5_PORTUGUESE, extracted
from vigia.publish.charts import report_charts
from vigia.publish.maps import report_maps
from vigia.publish.model import Report
from vigia.publish.pdf import render_pdf
from vigia.publish.report import build_report
from vigia.publish.word import render_docx
from vigia.store.database import open_database, session_factory
from vigia.store.models import FactRow
from vigia.store.repository import store_document

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


@pytest.fixture
def report(ready_sqlite_url: str) -> Iterator[Report]:
    """The draft report of RTP-IV from the Spanish report, one Guatemalan figure published."""
    engine = open_database(ready_sqlite_url)
    with session_factory(engine)() as session:
        store_document(session, extracted(RTP4_SPANISH))
        _publish_first(session, "GTM")
        yield build_report(session, "RTP-IV", draft=True)
    engine.dispose()


def _publish_first(session: Session, country: str) -> None:
    first = session.scalars(select(FactRow.id).where(FactRow.country == country)).first()
    session.execute(update(FactRow).where(FactRow.id == first).values(status="published"))
    session.commit()


def test_pdf_has_the_reports_sections_in_the_language_asked(report: Report) -> None:
    pdf = render_pdf(report, "es")
    assert pdf.startswith(b"%PDF-")
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        text = "\n".join(page.extract_text() or "" for page in document.pages)
        assert len(document.pages) >= 2
    for heading in (
        "Informe regional de avance del Plan de Trabajo",
        "Calificaciones por Estado y área",
        "Hallazgos por área",
        "Fuentes",
    ):
        assert heading in text
    assert "Guatemala" in text and "Borrador:" in text


def test_pdf_first_pages_as_images(report: Report, tmp_path: Path) -> None:
    if shutil.which("pdftoppm") is None:
        reason = "pdftoppm is missing (apt-get install poppler-utils)"
        if os.environ.get("VIGIA_REQUIRE_PDF") == "1":
            pytest.fail(f"{reason}; VIGIA_REQUIRE_PDF=1 makes this an error")
        pytest.skip(reason)
    source = tmp_path / "report.pdf"
    source.write_bytes(render_pdf(report, "en"))
    ARTIFACTS.mkdir(exist_ok=True)
    prefix = ARTIFACTS / "report-rtp-iv-en-page"
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "3", str(source), str(prefix)],
        check=True,
        timeout=120,
    )
    images = sorted(ARTIFACTS.glob("report-rtp-iv-en-page-0[1-3].png"))
    assert len(images) == 3  # the title and matrix, then the charts
    assert all(image.read_bytes().startswith(b"\x89PNG") for image in images)
    assert all(image.stat().st_size > 10_000 for image in images)
    assert len({image.read_bytes() for image in images}) == 3


def test_docx_opens_back_with_headings_tables_and_sources(report: Report) -> None:
    document = open_docx(io.BytesIO(render_docx(report, "fr")))
    headings = [
        p.text for p in document.paragraphs if p.style.name.startswith(("Heading", "Title"))
    ]
    assert headings[0] == "Rapport régional d’avancement du Plan de travail"
    assert "Notes par État et domaine" in headings
    matrix = document.tables[0]
    assert len(matrix.rows) == len(report.profiles) + 1
    assert len(matrix.columns) == len(report.areas) + 1
    notes = _footnotes(document)
    references = document.element.body.findall(f".//{qn('w:footnoteReference')}")
    assert [reference.get(qn("w:id")) for reference in references] == list(notes)
    texts = {note.number: f"{note.document}: “{note.quote}”" for note in report.footnotes}
    assert sorted(notes.values()) == sorted(
        texts[number]
        for number in (
            *(figure.footnote for figure in report.figures),
            *(event.footnote for profile in report.profiles for event in profile.events),
            *(link.footnote for profile in report.profiles for link in profile.cooperation),
        )
    )  # a footnote per citation, in Word's own numbering
    assert "Sources" not in headings
    pictures = len(report_charts(report, "fr")) + len(report_maps(report, "fr"))
    assert len(document.inline_shapes) == pictures  # the charts and maps, as PNG


def test_docx_compares_the_rounds_with_their_sources(ready_sqlite_url: str) -> None:
    engine = open_database(ready_sqlite_url)
    with session_factory(engine)() as session:
        for path in (RTP4_SPANISH, RTP4_ENGLISH, RTP5_PORTUGUESE):
            store_document(session, extracted(path))
        report = build_report(session, "RTP-V", draft=True)
    engine.dispose()
    document = open_docx(io.BytesIO(render_docx(report, "es")))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    compared = [profile for profile in report.profiles if profile.rounds(report.meetings).rows]
    assert headings.count("Cifras a lo largo de las reuniones") == len(compared) > 0
    tables = [
        table
        for table in document.tables
        if [cell.text for cell in table.rows[0].cells] == ["Indicador", "RTP-IV", "RTP-V"]
    ]
    assert len(tables) == len(compared)
    notes = _footnotes(document)
    earlier = {
        f"{report.footnote(figure.footnote).document}: “{report.footnote(figure.footnote).quote}”"
        for profile in compared
        for figure in profile.earlier
    }
    cited = {
        notes[reference.get(qn("w:id"))]
        for table in tables
        for row in table.rows[1:]
        for reference in row.cells[1]._tc.iter(qn("w:footnoteReference"))
    }
    assert cited and cited <= earlier  # the RTP-IV column cites RTP-IV's documents


def _footnotes(document: Any) -> dict[str, str]:
    """The document's footnotes (Word's separators left out): their text by id."""
    part = next(
        rel.target_part
        for rel in document.part.rels.values()
        if rel.reltype == RELATIONSHIP_TYPE.FOOTNOTES
    )
    notes = {}
    for note in parse_xml(part.blob).findall(qn("w:footnote")):  # a part python-docx only keeps
        if note.get(qn("w:type")) is None:
            words = "".join(text.text or "" for text in note.iter(qn("w:t")))
            notes[note.get(qn("w:id"))] = words.strip()
    return notes
