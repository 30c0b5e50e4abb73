"""A fact's figure as the extractor read it and as it stands after review.

Numbers are ints when whole. Read by the application's fact views and by the consistency checks.
"""

from __future__ import annotations

from dataclasses import dataclass

from vigia.reference import indicators
from vigia.store.models import FactRow


@dataclass(frozen=True)
class FactValues:
    """A figure as extracted or as corrected. Numbers are ints when whole."""

    indicator: str
    value: int | float
    value_min: int | float | None
    qualifier: str
    year: int | None


def extracted_values(fact: FactRow) -> FactValues:
    """The figure as the extractor read it, kept whatever the reviewers did."""
    return FactValues(
        indicator=fact.indicator,
        value=whole_as_int(fact.value),
        value_min=_optional_number(fact.value_min),
        qualifier=fact.qualifier,
        year=fact.year,
    )


def current_values(fact: FactRow) -> FactValues:
    """The figure as it stands: the reviewers' correction if there is one, else the extracted."""
    return corrected_values(fact) or extracted_values(fact)


def corrected_values(fact: FactRow) -> FactValues | None:
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


def unit_of(fact: FactRow, indicator: str) -> str:
    """The extracted unit, or the unit of the indicator a correction changed the fact to."""
    known = indicators().get(indicator)
    if indicator == fact.indicator or known is None:
        return fact.unit
    return known.unit
