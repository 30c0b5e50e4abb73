"""Facts from the figures of tables: what a cell counts is named by its headers, not by its words.

For each figure cell of a table (:mod:`vigia.extract.tables`), the indicator is the one the
catalogue finds in the row's header ("Víctimas identificadas"), else in the column's ("Convictions"
over a column of figures whose rows are years), else in the table's title; the cue an indicator
may need ("rescued" for rescued victims) can be in any of the three. The year is a header's that is
a year (the column's first), else the one year the title gives, else the year the figure's
sentence gives. The owner is a country a
header names (rows of countries, columns of countries), else whoever the text around it gives the
figure to, as for any figure; in a country's own section, a header naming another country makes a
breakdown (victims by citizenship), which gives no fact. A cell no header names an indicator for
gives no fact either: a number in a table without a name is not a guess worth reviewing.
"""

from __future__ import annotations

import re

from vigia.domain import (
    Document,
    Fact,
    Header,
    NumberKind,
    NumberMention,
    Provenance,
    Table,
    TableCell,
)
from vigia.extract.facts import IndicatorRule, Reading, figure_fact, indicator_rules
from vigia.extract.pipeline import component
from vigia.extract.scope import Owner, owner_of
from vigia.extract.years import reference_year

PROVENANCE = Provenance("table_facts", "1")
#: A header that is a year: "2019", "Año 2019", "FY 2019", "2019*".
_YEAR_HEADER = re.compile(r"\D{0,12}?((?:19|20)\d{2})\W{0,3}")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")


def header_indicator(header: str, context: str, language: str) -> IndicatorRule | None:
    """The indicator ``header`` names: the catalogue's noun that ends last in it, the longest on a
    tie ("Persons prosecuted" is prosecuted persons, not persons); ``context`` holds the cues."""
    best: tuple[int, int, IndicatorRule] | None = None
    for rule in indicator_rules(language):
        if not rule.context_holds(context):
            continue
        for match in rule.nouns.finditer(header):
            key = (match.end(), match.end() - match.start())
            if best is None or key > best[:2]:
                best = (*key, rule)
    return None if best is None else best[2]


def header_year(header: Header | None) -> int | None:
    if header is None:
        return None
    match = _YEAR_HEADER.fullmatch(header.text.strip())
    return int(match.group(1)) if match else None


def title_year(title: Header | None) -> int | None:
    """The year a table's title gives, when it gives one and only one ("…, 2019", not
    "2017-2019")."""
    years = set(_YEAR.findall(title.text)) if title else set()
    return int(years.pop()) if len(years) == 1 else None


def _reading(cell: TableCell, table: Table, language: str) -> tuple[IndicatorRule, str] | None:
    headers = (
        ("row_header", cell.row),
        ("column_header", cell.column),
        ("table_title", table.title),
    )
    context = " ".join(header.text for _, header in headers if header)
    for reason, header in headers:
        if header is None or header_year(header) is not None:
            continue
        rule = header_indicator(header.text, context, language)
        if rule:
            return rule, reason
    return None


def _header_owner(document: Document, cell: TableCell) -> Owner | None:
    """A country the cell's row or column header names, and only one."""
    for reason, header in (("row_country", cell.row), ("column_country", cell.column)):
        if header is None:
            continue
        end = header.start + len(header.text)
        countries = {
            place.country
            for place in document.places
            if place.country and header.start <= place.start < end
        }
        if len(countries) == 1:
            return Owner(country=countries.pop(), reason=reason)
    return None


def table_fact(
    document: Document, table: Table, cell: TableCell, mention: NumberMention
) -> Fact | None:
    """The fact of the figure ``mention`` in ``cell``, if its headers say what it counts."""
    sentence = document.sentence_at(mention.start)
    if sentence is None:
        return None
    language = document.language_at(mention.start)
    reading = _reading(cell, table, language)
    if mention.kind is NumberKind.MONEY:
        indicator, unit, how = "budget", mention.unit or "XXX", "money"
    elif reading is not None and reading[0].unit != "currency":
        indicator, unit, how = reading[0].name, reading[0].unit, reading[1]
    else:
        return None
    section = document.section_at(mention.start)
    named = _header_owner(document, cell)
    if named and section and section.kind == "country" and named.country != section.country:
        return None  # a breakdown of the country's figure (victims by citizenship), not a total
    owner = named or owner_of(document, section, sentence, language, mention.start)
    if not (owner.country or owner.actor or owner.region):
        return None
    year = header_year(cell.column) or header_year(cell.row) or title_year(table.title)
    year = year or reference_year(document, sentence, language, mention.start)
    return figure_fact(
        document, mention, sentence, Reading(indicator, unit, how), owner, PROVENANCE, year
    )


def extract_table_facts(document: Document) -> list[Fact]:
    facts = []
    for mention in document.numbers:
        table = document.table_at(mention.start)
        cell = table.cell_at(mention.start) if table else None
        if table is None or cell is None:
            continue
        fact = table_fact(document, table, cell, mention)
        if fact:
            facts.append(fact)
    return facts


@component(
    "table_facts",
    version=PROVENANCE.version,
    needs=["sentences", "sections", "numbers", "places", "tables", "facts"],
    adds=["facts"],
)
def add_table_facts(document: Document) -> Document:
    found = extract_table_facts(document)
    if found:
        document.facts = sorted([*document.facts, *found], key=lambda fact: fact.evidence.start)
    return document
