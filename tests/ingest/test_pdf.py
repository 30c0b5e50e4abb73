from collections.abc import Callable

import pytest
from fpdf import FPDF

from vigia.domain import Document
from vigia.ingest.errors import UnreadableContentError
from vigia.ingest.pdf import CORRUPT, ENCRYPTED, NO_TEXT_LAYER, read_pdf

PdfBuilder = Callable[..., bytes]

PAGE_ONE = [
    ["La Réunion des autorités nationales a été ouverte à Genève."],
    ["Le Secrétariat a présenté le rapport.", "Les délégations ont approuvé l'ordre du jour."],
]
PAGE_TWO = [
    ["El Ministerio capacitó a más de 6 000 funcionarios en Panamá."],
    ["Niñas y niños recibieron atención integral."],
]
PAGE_THREE = [["Troisième page : coopération régionale et échange d'information."]]

TEXT_ONE = (
    "La Réunion des autorités nationales a été ouverte à Genève.\n\n"
    "Le Secrétariat a présenté le rapport.\nLes délégations ont approuvé l'ordre du jour."
)
TEXT_TWO = (
    "El Ministerio capacitó a más de 6 000 funcionarios en Panamá.\n\n"
    "Niñas y niños recibieron atención integral."
)
TEXT_THREE = "Troisième page : coopération régionale et échange d'information."


def test_read_pdf_joins_pages_with_a_blank_line(make_pdf: PdfBuilder) -> None:
    extracted = read_pdf(make_pdf([PAGE_ONE, PAGE_TWO, PAGE_THREE]))
    assert extracted.text == f"{TEXT_ONE}\n\n{TEXT_TWO}\n\n{TEXT_THREE}"


def test_read_pdf_records_where_each_page_starts(make_pdf: PdfBuilder) -> None:
    extracted = read_pdf(make_pdf([PAGE_ONE, PAGE_TWO, PAGE_THREE]))
    second = len(TEXT_ONE) + 2
    third = second + len(TEXT_TWO) + 2
    assert extracted.page_starts == [0, second, third]
    assert extracted.text[second:].startswith("El Ministerio")
    assert extracted.text[third:].startswith("Troisième page")


def test_read_pdf_page_starts_map_a_phrase_to_its_page(make_pdf: PdfBuilder) -> None:
    extracted = read_pdf(make_pdf([PAGE_ONE, PAGE_TWO, PAGE_THREE]))
    document = Document("report.pdf", extracted.text, "0", page_starts=extracted.page_starts)
    assert document.page_at(extracted.text.index("ouverte à Genève")) == 1
    assert document.page_at(extracted.text.index("6 000 funcionarios")) == 2
    assert document.page_at(extracted.text.index("Niñas y niños")) == 2
    assert document.page_at(extracted.text.index("coopération régionale")) == 3


def test_read_pdf_keeps_an_empty_page_in_the_page_starts(make_pdf: PdfBuilder) -> None:
    extracted = read_pdf(make_pdf([PAGE_ONE, [], PAGE_THREE]))
    assert extracted.text == f"{TEXT_ONE}\n\n\n\n{TEXT_THREE}"
    assert extracted.page_starts == [0, len(TEXT_ONE) + 2, len(TEXT_ONE) + 4]


def test_read_pdf_takes_the_metadata_title(make_pdf: PdfBuilder) -> None:
    assert read_pdf(make_pdf([PAGE_ONE], title="Rapport du rapporteur")).title == (
        "Rapport du rapporteur"
    )


def test_read_pdf_without_metadata_title_has_no_title(make_pdf: PdfBuilder) -> None:
    assert read_pdf(make_pdf([PAGE_ONE])).title is None


def test_read_pdf_refuses_a_pdf_without_text_layer(image_only_pdf: bytes) -> None:
    with pytest.raises(UnreadableContentError) as caught:
        read_pdf(image_only_pdf)
    assert caught.value.reason == NO_TEXT_LAYER
    assert NO_TEXT_LAYER == "PDF has no text layer (scanned pages?): it needs OCR first"


def test_read_pdf_refuses_a_pdf_that_needs_a_password(make_pdf: PdfBuilder) -> None:
    data = make_pdf([PAGE_ONE], owner_password="owner", user_password="secret")
    with pytest.raises(UnreadableContentError) as caught:
        read_pdf(data)
    assert caught.value.reason == ENCRYPTED == "encrypted PDF: remove the password first"


def test_read_pdf_reads_a_pdf_encrypted_with_an_empty_user_password(
    make_pdf: PdfBuilder,
) -> None:
    data = make_pdf([PAGE_TWO], owner_password="owner")
    assert read_pdf(data).text == TEXT_TWO


@pytest.mark.parametrize("keep", [40, 300, 0.5])
def test_read_pdf_refuses_a_truncated_pdf(make_pdf: PdfBuilder, keep: float) -> None:
    data = make_pdf([PAGE_ONE, PAGE_TWO])
    cut = int(len(data) * keep) if keep < 1 else int(keep)
    with pytest.raises(UnreadableContentError) as caught:
        read_pdf(data[:cut])
    assert caught.value.reason == CORRUPT == "corrupt or unreadable PDF"


def test_read_pdf_refuses_garbage_bytes() -> None:
    with pytest.raises(UnreadableContentError) as caught:
        read_pdf(b"this is not a PDF at all \x00\xff\xfe" * 20)
    assert caught.value.reason == CORRUPT


def test_read_pdf_tells_paragraphs_from_wide_line_spacing(make_pdf: PdfBuilder) -> None:
    page = [["Línea uno,", "línea dos,", "línea tres."], ["Cuarta,", "quinta,", "sexta."]]
    extracted = read_pdf(make_pdf([page], line_gap=5))
    assert extracted.text == "Línea uno,\nlínea dos,\nlínea tres.\n\nCuarta,\nquinta,\nsexta."


def test_read_pdf_writes_a_ruled_table_one_row_per_paragraph_with_its_empty_cells() -> None:
    pdf = FPDF()
    pdf.set_font("Helvetica", size=12)
    pdf.add_page()
    pdf.cell(text="Cifras del Ministerio Publico", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    with pdf.table() as table:
        for cells in (("Indicador", "2018", "2019"), ("Personas procesadas", "42", "")):
            row = table.row()
            for text in cells:
                row.cell(text)
    pdf.ln(8)
    pdf.cell(text="Fin del informe.", new_x="LMARGIN", new_y="NEXT")

    text = read_pdf(bytes(pdf.output())).text

    assert text == (
        "Cifras del Ministerio Publico\n\n"
        "Indicador | 2018 | 2019\n"
        "Personas procesadas | 42 | \n\n"
        "Fin del informe."
    )
