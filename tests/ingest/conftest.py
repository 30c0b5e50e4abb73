"""Builders for the PDF and DOCX fixtures the ingest tests make at test time."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import docx
import pytest
from fpdf import FPDF
from PIL import Image

#: A page is a list of paragraphs; a paragraph is a list of lines short enough not to wrap.
Page = Sequence[Sequence[str]]
PdfBuilder = Callable[..., bytes]


def build_pdf(
    pages: Sequence[Page],
    title: str | None = None,
    owner_password: str | None = None,
    user_password: str | None = None,
    line_gap: float = 0,
) -> bytes:
    """A PDF in a core font (Latin-1): one line per cell, ``line_gap`` millimetres below each
    line and 8 more below each paragraph."""
    pdf = FPDF()
    if title is not None:
        pdf.set_title(title)
    if owner_password is not None:
        pdf.set_encryption(owner_password=owner_password, user_password=user_password)
    pdf.set_font("Helvetica", size=12)
    for page in pages:
        pdf.add_page()
        for paragraph in page:
            for line in paragraph:
                pdf.cell(text=line, new_x="LMARGIN", new_y="NEXT")
                pdf.ln(line_gap)
            pdf.ln(8)
    return bytes(pdf.output())


def build_image_only_pdf() -> bytes:
    """A one-page PDF holding a picture and no text, like a scan."""
    pdf = FPDF()
    pdf.add_page()
    pdf.image(Image.new("RGB", (120, 80), "gray"), x=10, y=10, w=120)
    return bytes(pdf.output())


@pytest.fixture
def make_pdf() -> PdfBuilder:
    return build_pdf


@pytest.fixture
def image_only_pdf() -> bytes:
    return build_image_only_pdf()


@pytest.fixture
def report_docx() -> docx.document.Document:
    """A Word document with a heading, two paragraphs and a table, in that order."""
    document = docx.Document()
    document.add_heading("Informe nacional de Costa Rica", level=1)
    document.add_paragraph("Se capacitó a más de 6 000 funcionarios.")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Año"
    table.cell(0, 1).text = "Víctimas"
    table.cell(1, 0).text = "2011"
    table.cell(1, 1).text = "57"
    document.add_paragraph("La coalición se reunió   dos veces.")
    return document
