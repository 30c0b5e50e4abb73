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
