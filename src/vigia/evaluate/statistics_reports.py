"""What the yearly statistics show the region: completeness of each form, and approved values.

    regional_completeness(session, 2024)      # one row per member state, forms or not
    form_checks(session, 2024, ["CRI"])       # {"CRI": FormChecks(errors=1, warnings=0)}
    approved_values(session, country="CRI")   # the values the secretariat approved, for everyone

Completeness says how much of a form is answered: the share of the data set's questions (elements)
with a total, and the share of all its values (totals and breakdown cells); and whether it was
submitted on time (by the data set's ``due`` day of the following year). Only approved forms are
public: a draft or a submitted form is its state's and the secretariat's until approved.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from vigia.evaluate.statistics_forms import DATA_SET, asked_cells, options_of, statistics_form
from vigia.reference import member_states
from vigia.statistics import Cell, statistics_catalogue
from vigia.store.models import DataValueRow, StatisticsFormRow


@dataclass(frozen=True)
class Completeness:
    """How far ``country``'s form for ``year`` is filled; ``status`` None: never started."""

    country: str
    year: int
    status: str | None
    questions_answered: int
    questions: int
    values_answered: int
    values: int
    submitted_at: datetime | None
    on_time: bool | None

    @property
    def share(self) -> float:
        """Share of the questions answered, 0 to 1."""
        return self.questions_answered / self.questions if self.questions else 0.0


@dataclass(frozen=True)
class ApprovedValue:
    country: str
    year: int
    element: str
    options: tuple[tuple[str, str], ...]
    value: float
    source: str


def due_date(year: int, version: int | None = None) -> date:
    """The day by which the statistics of ``year`` count as on time."""
    month, day = statistics_catalogue().data_set(DATA_SET, version).due.split("-")
    return date(year + 1, int(month), int(day))


def regional_completeness(session: Session, year: int) -> list[Completeness]:
    """Each OAS member state's completeness for ``year``, in code order, started or not."""
    forms = {
        row.country: row
        for row in session.scalars(
            select(StatisticsFormRow).where(
                StatisticsFormRow.year == year, StatisticsFormRow.data_set == DATA_SET
            )
        )
    }
    answered = _answered(session, [row.id for row in forms.values()])
    latest = statistics_catalogue().data_set(DATA_SET)
    results = []
    for country in sorted(member_states()):
        row = forms.get(country)
        version = latest.version if row is None else row.version
        asked = asked_cells(DATA_SET, version)
        elements = statistics_catalogue().data_set(DATA_SET, version).elements
        cells = set() if row is None else answered.get(row.id, set()) & asked
        submitted = None if row is None else row.submitted_at
        results.append(
            Completeness(
                country=country,
                year=year,
                status=None if row is None else row.status,
                questions_answered=sum(Cell(name) in cells for name in elements),
                questions=len(elements),
                values_answered=len(cells),
                values=len(asked),
                submitted_at=submitted,
                on_time=None if submitted is None else _on_time(submitted, year, version),
            )
        )
    return results


@dataclass(frozen=True)
class FormChecks:
    """How many of the validation rules a state's form breaks, by importance."""

    errors: int
    warnings: int


def form_checks(session: Session, year: int, countries: list[str]) -> dict[str, FormChecks]:
    """The broken rules of each started form of ``countries`` for ``year``: the secretariat's
    report of violations (a form's figures are its state's and the secretariat's until approved,
    so this is not public)."""
    started = session.scalars(
        select(StatisticsFormRow.country).where(
            StatisticsFormRow.year == year,
            StatisticsFormRow.data_set == DATA_SET,
            StatisticsFormRow.country.in_(countries),
        )
    )
    checks = {}
    for country in started:
        form = statistics_form(session, country, year)
        errors = len(form.errors)
        checks[country] = FormChecks(errors, len(form.violations) - errors)
    return checks


def approved_values(
    session: Session,
    country: str | None = None,
    year: int | None = None,
    element: str | None = None,
) -> list[ApprovedValue]:
    """The values of approved forms, by state, year, element and cell."""
    statement = (
        select(StatisticsFormRow.country, StatisticsFormRow.year, DataValueRow)
        .join(DataValueRow, DataValueRow.form_id == StatisticsFormRow.id)
        .where(StatisticsFormRow.status == "approved")
        .order_by(
            StatisticsFormRow.country,
            StatisticsFormRow.year,
            DataValueRow.element,
            DataValueRow.options,
        )
    )
    if country is not None:
        statement = statement.where(StatisticsFormRow.country == country)
    if year is not None:
        statement = statement.where(StatisticsFormRow.year == year)
    if element is not None:
        statement = statement.where(DataValueRow.element == element)
    return [
        ApprovedValue(state, form_year, row.element, options_of(row.options), row.value, row.source)
        for state, form_year, row in session.execute(statement)
    ]


def _answered(session: Session, form_ids: list[int]) -> dict[int, set[Cell]]:
    found: dict[int, set[Cell]] = {}
    if not form_ids:
        return found
    rows = session.execute(
        select(DataValueRow.form_id, DataValueRow.element, DataValueRow.options).where(
            DataValueRow.form_id.in_(form_ids)
        )
    )
    for form_id, element, options in rows:
        found.setdefault(form_id, set()).add(Cell(element, options_of(options)))
    return found


def _on_time(submitted: datetime, year: int, version: int) -> bool:
    moment = submitted if submitted.tzinfo else submitted.replace(tzinfo=UTC)
    return moment.astimezone(UTC).date() <= due_date(year, version)


@dataclass(frozen=True)
class ApprovedTotal:
    """An approved total whose element has an indicator of the catalogue: comparable with facts."""

    country: str
    year: int
    indicator: str
    value: float


def approved_totals(session: Session, country: str | None = None) -> list[ApprovedTotal]:
    """The approved totals of the elements that correspond to an indicator (``persons_convicted``
    to ``convictions``…), for the consistency checks against the figures of the reports."""
    elements = statistics_catalogue().elements
    return [
        ApprovedTotal(row.country, row.year, indicator, row.value)
        for row in approved_values(session, country)
        if not row.options and (indicator := elements[row.element].indicator) is not None
    ]
