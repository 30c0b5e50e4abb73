"""A fact's figure as the extractor read it and as it stands after review.

Numbers are ints when whole. Read by the application's fact views and by the consistency checks.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from vigia.reference import indicators
from vigia.store.models import FactRow

#: The columns :class:`Figures` reads, for the read paths that select columns.
FIGURE_COLUMNS = (
    FactRow.indicator,
    FactRow.value,
    FactRow.value_min,
    FactRow.qualifier,
    FactRow.year,
    FactRow.unit,
    FactRow.corrected_value,
    FactRow.corrected_value_min,
    FactRow.corrected_qualifier,
    FactRow.corrected_year,
    FactRow.corrected_indicator,
)


class Figures(Protocol):
    """What these functions read of a fact: a :class:`~vigia.store.models.FactRow`, or a row of
    its columns (the read paths that select columns rather than objects)."""

    @property
    def indicator(self) -> str: ...
    @property
    def value(self) -> float: ...
    @property
    def value_min(self) -> float | None: ...
    @property
    def qualifier(self) -> str: ...
    @property
    def year(self) -> int | None: ...
    @property
    def unit(self) -> str: ...
    @property
    def corrected_value(self) -> float | None: ...
    @property
    def corrected_value_min(self) -> float | None: ...
    @property
    def corrected_qualifier(self) -> str | None: ...
    @property
    def corrected_year(self) -> int | None: ...
    @property
    def corrected_indicator(self) -> str | None: ...


@dataclass(frozen=True)
class FactValues:
    """A figure as extracted or as corrected. Numbers are ints when whole."""

    indicator: str
    value: int | float
    value_min: int | float | None
    qualifier: str
    year: int | None


def extracted_values(fact: Figures) -> FactValues:
    """The figure as the extractor read it, kept whatever the reviewers did."""
    return FactValues(
        indicator=fact.indicator,
        value=whole_as_int(fact.value),
        value_min=_optional_number(fact.value_min),
        qualifier=fact.qualifier,
        year=fact.year,
    )


def current_values(fact: Figures) -> FactValues:
    """The figure as it stands: the reviewers' correction if there is one, else the extracted."""
    return corrected_values(fact) or extracted_values(fact)


def corrected_values(fact: Figures) -> FactValues | None:
    """The reviewers' correction of the figure, None if there is none."""
    if fact.corrected_value is None:
        return None
    return FactValues(
        indicator=fact.corrected_indicator or fact.indicator,
        value=whole_as_int(fact.corrected_value),
        value_min=_optional_number(fact.corrected_value_min),
        qualifier=fact.corrected_qualifier or fact.qualifier,
        year=fact.corrected_year,
    )


def whole_as_int(value: float) -> int | float:
    return int(value) if value.is_integer() else value


def _optional_number(value: float | None) -> int | float | None:
    return None if value is None else whole_as_int(value)


def unit_of(fact: Figures, indicator: str) -> str:
    """The extracted unit, or the unit of the indicator a correction changed the fact to."""
    known = indicators().get(indicator)
    if indicator == fact.indicator or known is None:
        return fact.unit
    return known.unit
