"""Query parameters of the JSON API, checked before anything reaches the database.

A value that fails a check gives a 422 JSON error naming the parameter and the reason. Values that
pass are still only ever bound as parameters of SQL statements, never spliced into them.
"""

from __future__ import annotations

import unicodedata
from typing import Annotated

from fastapi import Depends, Path, Query
from pydantic import AfterValidator

from vigia.reference import UnknownReference, check_country, check_indicator
from vigia.services.queries import EventFilters, FactFilters, Window

DEFAULT_LIMIT = 50
HIGHEST_LIMIT = 500
#: The highest offset every database takes as a bound integer.
HIGHEST_OFFSET = 2**31 - 1
EARLIEST_YEAR = 1900
LATEST_YEAR = 2100
#: Longest status, event kind or meeting code accepted as a filter.
LONGEST_LABEL = 255


def country_code(value: str) -> str:
    """``value`` upper-cased if it is the alpha-3 code of a country (as ``vigia facts`` checks)."""
    return check_country(value)


def indicator_name(value: str) -> str:
    """``value`` if it names an indicator of the catalogue (as ``vigia facts`` checks)."""
    try:
        return check_indicator(value)
    except UnknownReference as error:
        raise ValueError(f"{error} (all of them: GET /api/v1/indicators)") from error


def label(value: str) -> str:
    """``value`` without surrounding blanks, if it holds no control characters."""
    if any(unicodedata.category(character).startswith("C") for character in value):
        raise ValueError("control characters are not allowed")
    return value.strip()


CountryParameter = Annotated[
    Annotated[str, AfterValidator(country_code)] | None,
    Query(description="An ISO 3166-1 alpha-3 code such as CRI (any case).", examples=["CRI"]),
]
IndicatorParameter = Annotated[
    Annotated[str, AfterValidator(indicator_name)] | None,
    Query(description="An indicator name from GET /api/v1/indicators.", examples=["convictions"]),
]
YearParameter = Annotated[
    int | None,
    Query(ge=EARLIEST_YEAR, le=LATEST_YEAR, description="The year the figure refers to."),
]
StatusParameter = Annotated[
    Annotated[str, AfterValidator(label)] | None,
    Query(max_length=LONGEST_LABEL, description="proposed, published…", examples=["published"]),
]
KindParameter = Annotated[
    Annotated[str, AfterValidator(label)] | None,
    Query(max_length=LONGEST_LABEL, description="An event kind.", examples=["law_adopted"]),
]
MeetingParameter = Annotated[
    Annotated[str, AfterValidator(label)] | None,
    Query(max_length=LONGEST_LABEL, description="A meeting code.", examples=["RTP-III"]),
]
DocumentIdentifier = Annotated[int, Path(description="The document's id, from its listing.")]


def page_window(
    limit: Annotated[int, Query(ge=1, le=HIGHEST_LIMIT, description="Items per page.")] = (
        DEFAULT_LIMIT
    ),
    offset: Annotated[int, Query(ge=0, le=HIGHEST_OFFSET, description="Items to skip.")] = 0,
) -> Window:
    return Window(limit=limit, offset=offset)


def fact_filters(
    country: CountryParameter = None,
    indicator: IndicatorParameter = None,
    year: YearParameter = None,
    status: StatusParameter = None,
) -> FactFilters:
    return FactFilters(country=country, indicator=indicator, year=year, status=status)


def event_filters(
    country: CountryParameter = None, kind: KindParameter = None, year: YearParameter = None
) -> EventFilters:
    return EventFilters(country=country, kind=kind, year=year)


PageWindow = Annotated[Window, Depends(page_window)]
FactFiltersParameters = Annotated[FactFilters, Depends(fact_filters)]
EventFiltersParameters = Annotated[EventFilters, Depends(event_filters)]
