"""States side by side: their figures of one indicator by year, or their ratings in one area at each
meeting, as the caller may see them (the public: published facts and confirmed ratings).

:class:`Cell` is also how a country's page groups its figures: a figure that several facts give
is shown once with the number of its sources, and a cell whose facts give different figures says
that its sources disagree.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy.orm import Session

from vigia.domain import AreaEvaluation
from vigia.evaluate.meetings import meeting_codes
from vigia.evaluate.scorecard import evaluate_meeting
from vigia.evaluate.visibility import as_seen_by, drafts_readable_by
from vigia.permissions import Principal
from vigia.services.fact_views import MAX_LIMIT, FactView, list_fact_views

#: The most states put side by side, and the most facts read for each.
MOST_STATES = 4
MOST_FACTS = MAX_LIMIT


@dataclass(frozen=True)
class Value:
    """A figure, the first fact that gives it, and how many facts give it."""

    fact: FactView
    sources: int


@dataclass(frozen=True)
class Cell:
    values: list[Value]

    @property
    def disagree(self) -> bool:
        """Whether the facts of the cell give different figures."""
        return len(self.values) > 1


def cell_of(facts: list[FactView]) -> Cell:
    """``facts`` as one cell: each different figure once, in the order first given."""
    same: dict[tuple[object, ...], list[FactView]] = {}
    for fact in facts:
        same.setdefault((fact.value, fact.value_min, fact.qualifier, fact.unit), []).append(fact)
    return Cell([Value(group[0], len(group)) for group in same.values()])


@dataclass(frozen=True)
class FiguresComparison:
    indicator: str
    states: list[str]
    #: The years any state gave a figure for, in order; None (no year) last.
    years: list[int | None]
    cells: dict[tuple[int | None, str], Cell]

    def cell(self, year: int | None, state: str) -> Cell:
        return self.cells.get((year, state), Cell([]))


@dataclass(frozen=True)
class RatingsComparison:
    area: str
    states: list[str]
    meetings: list[str]
    #: The state's rating in the area at each meeting; absent when it did not report to it.
    ratings: dict[tuple[str, str], AreaEvaluation]

    def rating(self, meeting: str, state: str) -> AreaEvaluation | None:
        return self.ratings.get((meeting, state))


def compare_figures(
    session: Session, principal: Principal, states: list[str], indicator: str
) -> FiguresComparison:
    """The figures of ``indicator`` that ``principal`` may see for each of ``states``, by year."""
    by_cell: dict[tuple[int | None, str], list[FactView]] = defaultdict(list)
    for state in states:
        facts, _total = list_fact_views(
            session, principal, country=state, indicator=indicator, limit=MOST_FACTS
        )
        for fact in facts:
            by_cell[(fact.year, state)].append(fact)
    dated = sorted({year for year, _state in by_cell if year is not None})
    years: list[int | None] = [*dated, *([None] if any(y is None for y, _ in by_cell) else [])]
    cells = {key: cell_of(facts) for key, facts in by_cell.items()}
    return FiguresComparison(indicator, states, years, cells)


def compare_ratings(
    session: Session, principal: Principal, states: list[str], area: str
) -> RatingsComparison:
    """Each of ``states``' rating in ``area`` at every meeting, as ``principal`` may see it."""
    meetings = meeting_codes(session)
    ratings: dict[tuple[str, str], AreaEvaluation] = {}
    for meeting in meetings:
        evaluation = as_seen_by(evaluate_meeting(session, meeting), drafts_readable_by(principal))
        for state in states:
            found = evaluation.state(state)
            rating = found.area(area) if found is not None else None
            if rating is not None:
                ratings[(meeting, state)] = rating
    return RatingsComparison(area, states, meetings, ratings)
