"""The JSON shapes of the statistics API (``/api/v1/statistics``, ``/api/v1/data-values``)."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, Field

from vigia.evaluate.statistics_forms import StatisticsForm, Violation
from vigia.statistics import Cell

#: The most values one batch may carry: every cell of every element, several times over.
MOST_VALUES = 2000
REASON_LENGTH = 1000
#: The largest CSV file accepted.
CSV_BYTES = 5_000_000


class DataValue(BaseModel):
    element: str = Field(max_length=64, examples=["persons_convicted"])
    options: dict[str, str] = Field(
        default_factory=dict,
        max_length=5,
        description="The cell: category to option ({} for the element's total).",
        examples=[{"sex": "female", "age": "adult"}],
    )
    value: float | None = Field(description="A whole number from 0; null removes the value.")


class DataValuesRequest(BaseModel):
    country: str = Field(max_length=3, examples=["CRI"])
    year: int = Field(ge=1990, le=2100)
    values: list[DataValue] = Field(max_length=MOST_VALUES)


class ViolationResource(BaseModel):
    rule: str
    importance: str
    message: str
    left: float
    right: float


class StatisticsFormResource(BaseModel):
    country: str
    year: int
    data_set: str
    version: int
    status: str = Field(description="draft, submitted or approved (locked).")
    values: list[DataValue]
    violations: list[ViolationResource]


class UnlockRequest(BaseModel):
    reason: str = Field(max_length=REASON_LENGTH)


def form_resource(form: StatisticsForm, language: str = "en") -> StatisticsFormResource:
    return StatisticsFormResource(
        country=form.country,
        year=form.year,
        data_set=form.data_set,
        version=form.version,
        status=form.status,
        values=[_value(cell, value) for cell, value in sorted(form.values.items(), key=_order)],
        violations=[_violation(item, language) for item in form.violations],
    )


def _order(item: tuple[Cell, float]) -> tuple[str, tuple[tuple[str, str], ...]]:
    return item[0].element, item[0].options


def _value(cell: Cell, value: float) -> DataValue:
    return DataValue(element=cell.element, options=dict(cell.options), value=value)


def _violation(violation: Violation, language: str) -> ViolationResource:
    labels = violation.rule.labels or {}
    return ViolationResource(
        rule=violation.rule.name,
        importance=violation.rule.importance,
        message=labels.get(language) or labels.get("en") or violation.rule.name,
        left=violation.outcome.left,
        right=violation.outcome.right,
    )


class FormKey(BaseModel):
    country: str
    year: int


class ImportResource(BaseModel):
    rows: int = Field(description="Rows read.")
    changed: int = Field(description="Values stored, changed or removed.")
    forms: list[FormKey]


class CompletenessResource(BaseModel):
    country: str
    year: int
    status: str | None = Field(description="draft, submitted, approved; null: never started.")
    questions_answered: int
    questions: int
    values_answered: int
    values: int
    submitted_at: datetime | None
    on_time: bool | None = Field(description="Submitted by the due day; null: not submitted.")


class CompletenessList(BaseModel):
    year: int
    due: date
    items: list[CompletenessResource]


class ApprovedValueResource(BaseModel):
    country: str
    year: int
    element: str
    options: dict[str, str]
    value: float
    source: str


class ApprovedValueList(BaseModel):
    items: list[ApprovedValueResource]
    total: int


class NotesRequest(BaseModel):
    country: str = Field(max_length=3, examples=["CRI"])
    notes: dict[str, str] = Field(
        max_length=20,
        description='By question (element; "" for the whole form): the note, "" to remove it.',
        examples=[{"victims_detected": "Counted when referred to assistance, not when detected."}],
    )


class NoteResource(BaseModel):
    country: str
    element: str = Field(description='The question; "" for the whole form.')
    text: str
    changed_at: datetime


class NoteList(BaseModel):
    items: list[NoteResource]
