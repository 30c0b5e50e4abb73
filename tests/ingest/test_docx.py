import io

import docx
import docx.document
import pytest

from vigia.ingest.docx import read_docx
from vigia.ingest.errors import UnreadableContentError


def docx_bytes(document: docx.document.Document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_read_docx_keeps_paragraphs_and_table_rows_in_order(
    report_docx: docx.document.Document,
) -> None:
    assert read_docx(docx_bytes(report_docx)).text == (
        "Informe nacional de Costa Rica\n\n"
        "Se capacitó a más de 6 000 funcionarios.\n\n"
        "Año | Víctimas\n\n"
        "2011 | 57\n\n"
        "La coalición se reunió dos veces."
    )


def test_read_docx_takes_the_first_heading_as_title(report_docx: docx.document.Document) -> None:
    assert read_docx(docx_bytes(report_docx)).title == "Informe nacional de Costa Rica"


def test_read_docx_prefers_the_core_title(report_docx: docx.document.Document) -> None:
    report_docx.core_properties.title = "Rapport  national"
    assert read_docx(docx_bytes(report_docx)).title == "Rapport national"


def test_read_docx_without_heading_has_no_title() -> None:
    document = docx.Document()
    document.add_paragraph("Solo un párrafo.")
    assert read_docx(docx_bytes(document)).title is None


def test_read_docx_writes_merged_cells_once() -> None:
    document = docx.Document()
    table = document.add_table(rows=2, cols=3)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "Período 2010-2012"
    table.cell(0, 2).text = "Total"
    table.cell(1, 0).text = "A"
    table.cell(1, 1).text = "B"
    table.cell(1, 2).text = "C"
    assert read_docx(docx_bytes(document)).text == "Período 2010-2012 | Total\n\nA | B | C"


def test_read_docx_turns_line_breaks_and_tabs_into_spaces() -> None:
    document = docx.Document()
    run = document.add_paragraph().add_run("Primera parte")
    run.add_break()
    run.add_text("segunda\tparte")
    document.add_paragraph("")
    document.add_paragraph("Otro párrafo")
    assert read_docx(docx_bytes(document)).text == "Primera parte segunda parte\n\nOtro párrafo"


@pytest.mark.parametrize(
    "data",
    [b"PK\x03\x04 not really a zip", b"", b"\x00\x01\x02 garbage"],
)
def test_read_docx_refuses_corrupt_bytes(data: bytes) -> None:
    with pytest.raises(UnreadableContentError) as caught:
        read_docx(data)
    assert caught.value.reason == "corrupt or unreadable DOCX"


def test_read_docx_refuses_a_truncated_document(report_docx: docx.document.Document) -> None:
    data = docx_bytes(report_docx)
    with pytest.raises(UnreadableContentError) as caught:
        read_docx(data[: len(data) // 2])
    assert caught.value.reason == "corrupt or unreadable DOCX"


def test_read_docx_keeps_empty_cells_so_that_the_columns_stay_in_place() -> None:
    document = docx.Document()
    table = document.add_table(rows=3, cols=3)
    for column, text in enumerate(("", "2018", "2019")):
        table.cell(0, column).text = text
    table.cell(1, 0).text = "Procesados"
    table.cell(1, 2).text = "60"
    assert read_docx(docx_bytes(document)).text == " | 2018 | 2019\n\nProcesados |  | 60"
