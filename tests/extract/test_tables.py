"""Tables: rows of cells with pipes, tabs or aligned columns, each figure with its headers."""

from __future__ import annotations

from vigia.domain import Document, Table

from .conftest import Analyse


def _tables(text: str, analyse: Analyse) -> tuple[Document, list[Table]]:
    document = analyse(text, until="tables")
    return document, document.tables


def _cells(document: Document, table: Table) -> list[tuple[str, str | None, str | None]]:
    """Each figure cell as (its text, its row header, its column header)."""
    return [
        (
            document.text[cell.start : cell.end],
            cell.row.text if cell.row else None,
            cell.column.text if cell.column else None,
        )
        for cell in table.cells
    ]


def test_a_table_of_pipes_has_its_headers_and_keeps_empty_cells_in_their_column(
    analyse: Analyse,
) -> None:
    text = (
        "Cifras del Ministerio Público\n\n"
        " | 2018 | 2019 | 2020\n\n"
        "Víctimas identificadas | 575 | 668 | 812\n\n"
        "Personas procesadas | 42 |  | 60\n"
    )
    document, [table] = _tables(text, analyse)
    assert _cells(document, table) == [
        ("575", "Víctimas identificadas", "2018"),
        ("668", "Víctimas identificadas", "2019"),
        ("812", "Víctimas identificadas", "2020"),
        ("42", "Personas procesadas", "2018"),
        ("60", "Personas procesadas", "2020"),
    ]
    assert table.title is not None and table.title.text == "Cifras del Ministerio Público"


def test_aligned_columns_match_their_header_by_position_not_by_count(analyse: Analyse) -> None:
    text = (
        "Table 2. Persons prosecuted and convicted\n\n"
        "                         2017     2018     2019\n"
        "Persons prosecuted         41                52\n"
        "Persons convicted       1 137       15       ..\n"
    )
    document, [table] = _tables(text, analyse)
    assert _cells(document, table) == [
        ("41", "Persons prosecuted", "2017"),
        ("52", "Persons prosecuted", "2019"),
        ("1 137", "Persons convicted", "2017"),
        ("15", "Persons convicted", "2018"),
    ]


def test_a_markdown_table_with_years_as_rows(analyse: Analyse) -> None:
    text = (
        "| Ano | Vítimas resgatadas | Condenações |\n"
        "|-----|-----|-----|\n"
        "| 2017 | 300 | 12 |\n"
        "| 2018 | 320 | 15 |\n"
    )
    document, [table] = _tables(text, analyse)
    assert _cells(document, table) == [
        ("300", "2017", "Vítimas resgatadas"),
        ("12", "2017", "Condenações"),
        ("320", "2018", "Vítimas resgatadas"),
        ("15", "2018", "Condenações"),
    ]


def test_prose_with_double_spaces_and_lone_rows_make_no_table(analyse: Analyse) -> None:
    text = (
        "In 2019 the unit identified 575 victims.  It also trained 300 officers.\n"
        "The hotline  received 1,200 calls.  Most came from the capital.\n\n"
        "Hotline | 110\n\n"
        "The report ends here.\n"
    )
    _document, tables = _tables(text, analyse)
    assert tables == []


def test_percentages_phones_and_codes_are_no_figure_cells(analyse: Analyse) -> None:
    text = (
        "Indicator\t2018\t2019\n"
        "Share of women\t45%\t52%\n"
        "Hotline\t1-800-555-0100\t1-800-555-0199\n"
        "Victims identified\t575\t668\n"
    )
    document, [table] = _tables(text, analyse)
    assert [cell[0] for cell in _cells(document, table)] == ["575", "668"]
