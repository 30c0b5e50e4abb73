"""Facts from tables: the indicator from the headers, the year from a header or the title, the
owner from a header that names a country, else from the text around."""

from __future__ import annotations

import pytest

from vigia.domain import Document, Header
from vigia.extract.table_facts import header_indicator, header_year, title_year

from .conftest import Analyse

FactTuple = tuple[str | None, str, float, int | None]


def _facts(document: Document) -> list[FactTuple]:
    return [(fact.country, fact.indicator, fact.value, fact.year) for fact in document.facts]


def test_rows_of_indicators_and_columns_of_years_in_a_country_report(analyse: Analyse) -> None:
    text = (
        "Country profile: Honduras\n\n"
        "Table 2. Persons prosecuted and convicted\n\n"
        "                         2017     2018     2019\n"
        "Persons prosecuted         41       52       ..\n"
        "Persons convicted          12       15       20\n\n"
        "The figures come from the Public Ministry.\n"
    )
    document = analyse(text)
    assert _facts(document) == [
        ("HND", "persons_prosecuted", 41, 2017),
        ("HND", "persons_prosecuted", 52, 2018),
        ("HND", "convictions", 12, 2017),
        ("HND", "convictions", 15, 2018),
        ("HND", "convictions", 20, 2019),
    ]
    reasons = {(fact.reason.indicator, fact.reason.owner) for fact in document.facts if fact.reason}
    assert reasons == {("row_header", "country_section")}
    assert all(fact.evidence.text.startswith("Persons ") for fact in document.facts)


def test_rows_of_countries_under_a_title_that_names_the_indicator(analyse: Analyse) -> None:
    text = (
        "Informe regional\n\n"
        "Víctimas identificadas en Centroamérica, 2019\n\n"
        "Guatemala     575\n"
        "Honduras      320\n"
        "El Salvador   210\n"
    )
    assert _facts(analyse(text)) == [
        ("GTM", "victims_identified", 575, 2019),
        ("HND", "victims_identified", 320, 2019),
        ("SLV", "victims_identified", 210, 2019),
    ]


def test_rows_of_years_and_columns_of_indicators(analyse: Analyse) -> None:
    text = (
        "Rapport du Costa Rica\n\n"
        "| Année | Victimes identifiées | Condamnations |\n"
        "|---|---|---|\n"
        "| 2017 | 1 137 | 12 |\n"
        "| 2018 | 1 245 | 15 |\n"
    )
    assert _facts(analyse(text)) == [
        ("CRI", "victims_identified", 1137, 2017),
        ("CRI", "convictions", 12, 2017),
        ("CRI", "victims_identified", 1245, 2018),
        ("CRI", "convictions", 15, 2018),
    ]


def test_a_portuguese_table_with_an_empty_cell_and_a_cue_in_the_title(analyse: Analyse) -> None:
    text = (
        "Relatório do Brasil\n\n"
        "Vítimas resgatadas pela Polícia Federal\n\n"
        " | 2019 | 2020 | 2021\n\n"
        "Mulheres | 120 |  | 95\n\n"
        "Crianças | 40 | 38 | 51\n"
    )
    assert _facts(analyse(text)) == [
        ("BRA", "victims_rescued", 120, 2019),
        ("BRA", "victims_rescued", 95, 2021),
        ("BRA", "victims_rescued", 40, 2019),
        ("BRA", "victims_rescued", 38, 2020),
        ("BRA", "victims_rescued", 51, 2021),
    ]


def test_a_table_whose_headers_name_nothing_counted_gives_no_fact(analyse: Analyse) -> None:
    text = (
        "Informe nacional de Guatemala\n\n"
        "Región | 2018 | 2019\n\n"
        "Norte | 57 | 61\n\n"
        "Sur | 33 | 29\n"
    )
    assert analyse(text).facts == []


@pytest.mark.parametrize(
    ("header", "language", "expected"),
    [
        ("Persons prosecuted", "en", "persons_prosecuted"),
        ("Number of detected victims", "en", "victims_identified"),
        ("Sentencias condenatorias", "es", "convictions"),
        ("Condamnations", "fr", "convictions"),
        ("Região", "pt", None),
    ],
)
def test_header_indicator(header: str, language: str, expected: str | None) -> None:
    rule = header_indicator(header, header, language)
    assert (rule.name if rule else None) == expected


@pytest.mark.parametrize(
    ("text", "year"),
    [("2019", 2019), ("Año 2019", 2019), ("FY 2019*", 2019), ("2017-2019", None), ("Total", None)],
)
def test_header_year(text: str, year: int | None) -> None:
    assert header_year(Header(0, text)) == year


def test_title_year_needs_one_year() -> None:
    assert title_year(Header(0, "Victims identified, 2019")) == 2019
    assert title_year(Header(0, "Victims identified, 2017 to 2019")) is None
    assert title_year(None) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Informe de Guatemala\n\nResultados del Ministerio Público\n"
            "Denuncias recibidas: 3,715\nSentencias condenatorias: 142\nAbsoluciones: 94\n",
            [
                ("GTM", "complaints", 3715, None),
                ("GTM", "convictions", 142, None),
                ("GTM", "acquittals", 94, None),
            ],
        ),
        (
            "Guyana: results in 2019\n\nVictims identified: 45\nPersons prosecuted: 12\n"
            "Hotline: 913\n",
            [("GUY", "victims_identified", 45, 2019), ("GUY", "persons_prosecuted", 12, 2019)],
        ),
        (
            "Rapport d'Haïti\n\nBilan 2015\n- Victimes identifiées : 60\n- Condamnations : 4\n",
            [("HTI", "victims_identified", 60, 2015), ("HTI", "convictions", 4, 2015)],
        ),
        (
            "Relatório do Brasil\n\nResultados de 2016\n• Pessoas capacitadas – 2.300\n"
            "• Abrigos – 3\n",
            [("BRA", "persons_trained", 2300, 2016), ("BRA", "shelters", 3, 2016)],
        ),
    ],
)
def test_a_list_of_labels_and_figures_is_read_as_a_table(
    text: str, expected: list[FactTuple], analyse: Analyse
) -> None:
    assert _facts(analyse(text)) == expected


def test_a_label_without_a_figure_of_its_own_is_prose(analyse: Analyse) -> None:
    text = "1. Chile; Note: the police rescued 46 victims in 2014.\nSource: police.\n"
    assert _facts(analyse(text)) == [("CHL", "victims_rescued", 46, 2014)]
