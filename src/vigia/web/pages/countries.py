"""``/countries/{iso3}``: a country's facts by indicator and year with their quotes, its events,
roles and cooperation.

Visitors see the facts :mod:`vigia.permissions` lets them see (the public: published ones
only). The table gives the figures per indicator and year, each linked to its sentence, and says
where sources disagree; the list below it shows one page of the facts at a time, optionally for
one indicator and year, so that a country with thousands of facts still gives a small page.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request, status
from fastapi.responses import HTMLResponse
from sqlalchemy.orm import Session

from vigia.evaluate.meetings import reporting_meetings
from vigia.evaluate.statistics_notes import comparability_notes
from vigia.evaluate.statistics_reports import approved_values
from vigia.publish.labels import N_
from vigia.reference import countries, indicators
from vigia.services import reads
from vigia.services.comparisons import Cell, cell_of
from vigia.services.fact_views import MAX_LIMIT, FactView, list_fact_views
from vigia.statistics import statistics_catalogue
from vigia.web.dependencies import DatabaseSession
from vigia.web.pages.paging import Paging
from vigia.web.pages.responses import show
from vigia.web.pages.routing import PageError, PageRoute
from vigia.web.pages.visitor import CurrentVisitor

FACTS_PER_PAGE = 50
#: At most this many facts fill the table of figures (the list below it pages through them all).
MOST_VALUES = MAX_LIMIT
UNKNOWN_COUNTRY = N_("There is no country with this code.")
UNKNOWN_INDICATOR = N_("There is no indicator with this name.")

router = APIRouter(route_class=PageRoute, include_in_schema=False)


@dataclass(frozen=True)
class ValuesRow:
    indicator: str
    #: The cells of the table's years, in order, then the undated one if the table has one.
    cells: list[Cell]


@dataclass(frozen=True)
class ValuesTable:
    years: list[int]
    has_undated: bool
    rows: list[ValuesRow]


def values_table(facts: list[FactView]) -> ValuesTable:
    """Facts as a table of their figures: a row per indicator (in the catalogue's order), a column
    per year (then one for facts without a year); the same figure given by several facts once."""
    table: dict[str, dict[int | None, list[FactView]]] = defaultdict(lambda: defaultdict(list))
    for fact in facts:
        table[fact.indicator][fact.year].append(fact)
    years = sorted({year for cells in table.values() for year in cells if year is not None})
    has_undated = any(None in cells for cells in table.values())
    columns: list[int | None] = [*years, *([None] if has_undated else [])]
    order = {name: position for position, name in enumerate(indicators())}
    rows = [
        ValuesRow(name, [cell_of(cells.get(year, [])) for year in columns])
        for name, cells in sorted(table.items(), key=lambda item: order.get(item[0], len(order)))
    ]
    return ValuesTable(years, has_undated, rows)


@router.get("/countries/{iso3}", response_class=HTMLResponse)
def country_page(
    request: Request,
    visitor: CurrentVisitor,
    session: DatabaseSession,
    iso3: Annotated[str, Path(min_length=3, max_length=3)],
    indicator: Annotated[str | None, Query(max_length=64)] = None,
    year: Annotated[int | None, Query(ge=1900, le=2100)] = None,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> HTMLResponse:
    code = iso3.upper()
    if code not in countries():
        raise PageError(status.HTTP_404_NOT_FOUND, UNKNOWN_COUNTRY, visitor)
    if indicator is not None and indicator not in indicators():
        raise PageError(status.HTTP_400_BAD_REQUEST, UNKNOWN_INDICATOR, visitor)
    paging = Paging(page, FACTS_PER_PAGE)
    facts, total = list_fact_views(
        session,
        visitor.principal,
        country=code,
        indicator=indicator,
        year=year,
        limit=paging.limit,
        offset=paging.offset,
    )
    shown, shown_total = list_fact_views(
        session, visitor.principal, country=code, limit=MOST_VALUES
    )
    values = {
        "code": code,
        "summary": values_table(shown),
        "summary_complete": shown_total <= MOST_VALUES,
        "most_values": MOST_VALUES,
        "facts": facts,
        "paging": paging.of(total, request),
        "indicator": indicator,
        "year": year,
        "events": reads.country_events(session, visitor.principal, code),
        "roles": reads.country_roles(session, visitor.principal, code),
        "cooperation": reads.country_cooperation(session, visitor.principal, code),
        "reports": reporting_meetings(session, code),
        "statistics": statistics_table(session, code, visitor.language),
    }
    return show(request, visitor, "country.html", values)


def statistics_table(session: Session, country: str, language: str) -> dict[str, Any]:
    """The approved yearly totals of ``country``: a row per year, a column per question."""
    catalogue = statistics_catalogue()
    totals: dict[int, dict[str, float]] = {}
    for row in approved_values(session, country):
        if not row.options:
            totals.setdefault(row.year, {})[row.element] = row.value
    names = [name for name in catalogue.elements if any(name in row for row in totals.values())]
    notes = [
        (
            catalogue.elements[note.element].labels.get(language, note.element)
            if note.element
            else "",
            note.text,
        )
        for note in comparability_notes(session, country)
        if not note.element or note.element in catalogue.elements
    ]
    return {
        "columns": [(name, catalogue.elements[name].labels.get(language, name)) for name in names],
        "rows": [(year, [totals[year].get(name) for name in names]) for year in sorted(totals)],
        "notes": notes,
    }
