"""A state's yearly statistics form: values entered, checked, submitted, approved and locked.

    save_values(session, principal, "CRI", 2024, {Cell("persons_convicted"): 43})
    form = statistics_form(session, "CRI", 2024)      # its values and the rules they break
    submit_form(session, principal, "CRI", 2024)      # refused while an error-level rule is broken
    approve_form(session, secretariat, "CRI", 2024)   # locks it; unlock_form(…, reason) reopens

A focal point enters its own state's values, the secretariat any state's
(:func:`~vigia.permissions.can_enter_statistics`); only the secretariat approves and unlocks. An
approved form refuses every change until it is unlocked, with a reason. Each write checks who acts
and what is written, stores it, records it in the audit log and commits, all or nothing; a refusal
raises an error whose message is fit to show (:class:`~vigia.errors.PermissionDenied`,
``InvalidValue``, ``InvalidTransition``). Saving the values a form already holds changes nothing
and records nothing, so a batch sent twice is harmless.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from statistics import median

from sqlalchemy import select
from sqlalchemy.orm import Session

from vigia.errors import InvalidTransition, InvalidValue, PermissionDenied
from vigia.evaluate.statistics_facts import record_approved_form, withdraw_approved_form
from vigia.evaluate.validation_rules import Outcome, Rule, catalogue_rules
from vigia.permissions import Principal, can_approve_statistics, can_enter_statistics
from vigia.reference import check_country
from vigia.statistics import Cell, Options, statistics_catalogue
from vigia.store import audit
from vigia.store.acting import active_user
from vigia.store.models import DataValueRow, StatisticsFormRow, UserRow
from vigia.store.transactions import committed
from vigia.vocabulary import VALUE_SOURCES

FORMS = StatisticsFormRow.__tablename__
DATA_SET = "tip-annual"
#: The years a form may be for.
FIRST_YEAR, LAST_YEAR = 1990, 2100
#: The largest value accepted: more than anyone counts, fewer than a typing slip of a few digits.
LARGEST_VALUE = 10_000_000


@dataclass(frozen=True)
class Violation:
    """A rule the form's values break, with both sides."""

    rule: Rule
    outcome: Outcome


@dataclass(frozen=True)
class StatisticsForm:
    """A form as stored (status ``draft`` with no values when none was ever saved)."""

    country: str
    year: int
    data_set: str
    version: int
    status: str
    values: dict[Cell, float]
    violations: tuple[Violation, ...]

    @property
    def errors(self) -> tuple[Violation, ...]:
        return tuple(item for item in self.violations if item.rule.importance == "error")


def options_text(options: Options) -> str:
    """A cell's options as stored: ``''`` for a total, else ``sex=female;age=adult``."""
    return ";".join(f"{category}={option}" for category, option in options)


def options_of(text: str) -> Options:
    return tuple(
        (category, option)
        for category, _, option in (part.partition("=") for part in text.split(";") if part)
    )


def check_values(values: Mapping[Cell, float]) -> tuple[Violation, ...]:
    """The catalogue's rules that ``values`` break; a rule missing a value is not checked."""
    violations = []
    for rule in catalogue_rules():
        outcome = rule.check(values)
        if outcome is not None and not outcome.holds:
            violations.append(Violation(rule, outcome))
    return tuple(violations)


def statistics_form(session: Session, country: str, year: int) -> StatisticsForm:
    """``country``'s form for ``year``, with the rules its values break."""
    row = _form(session, _country(country), _year(year))
    catalogue = statistics_catalogue()
    if row is None:
        latest = catalogue.data_set(DATA_SET)
        return StatisticsForm(country, year, latest.code, latest.version, "draft", {}, ())
    values = {
        Cell(value.element, options_of(value.options)): value.value
        for value in session.scalars(select(DataValueRow).where(DataValueRow.form_id == row.id))
    }
    violations = check_values(values) + outliers(session, row, values)
    return StatisticsForm(
        row.country, row.year, row.data_set, row.version, row.status, values, violations
    )


def outliers(
    session: Session, form: StatisticsFormRow, values: Mapping[Cell, float]
) -> tuple[Violation, ...]:
    """Warnings for the totals far from the median of the same state's other years (the
    catalogue's ``outliers``: more than ``factor`` times it, or less than its ``factor``-th)."""
    catalogue = statistics_catalogue()
    settings = catalogue.outliers
    factor, least = settings.factor, settings.least_years
    history: dict[str, list[float]] = {}
    rows = session.execute(
        select(DataValueRow.element, DataValueRow.value)
        .join(StatisticsFormRow, DataValueRow.form_id == StatisticsFormRow.id)
        .where(
            StatisticsFormRow.country == form.country,
            StatisticsFormRow.data_set == form.data_set,
            StatisticsFormRow.year != form.year,
            DataValueRow.options == "",
        )
    )
    for element, value in rows:
        history.setdefault(element, []).append(value)
    found = []
    elements = catalogue.elements
    for cell, value in values.items():
        earlier = history.get(cell.element, [])
        if cell.options or len(earlier) < least:
            continue
        middle = median(earlier)
        if middle > 0 and not middle / factor <= value <= middle * factor:
            labels = {
                language: text.format(
                    element=elements[cell.element].labels.get(language, cell.element)
                )
                for language, text in settings.labels.items()
            }
            rule = Rule(f"outlier:{cell.element}", "", (), ">", (), "warning", labels)
            found.append(Violation(rule, Outcome(False, value, middle)))
    return tuple(found)


def save_values(
    session: Session,
    principal: Principal,
    country: str,
    year: int,
    values: Mapping[Cell, float | None],
    source: str = "form",
) -> StatisticsForm:
    """Store ``values`` in ``country``'s form for ``year`` (None removes a value): all or none.

    Each cell must be one the form asks for, each value a whole number from 0 to 10,000,000.
    """
    country, year = _country(country), _year(year)
    with committed(session):
        store_values(session, principal, country, year, values, source)
    return statistics_form(session, country, year)


def store_values(
    session: Session,
    principal: Principal,
    country: str,
    year: int,
    values: Mapping[Cell, float | None],
    source: str,
) -> int:
    """:func:`save_values` without the commit, for a caller storing several forms at once
    (all or none); how many values changed."""
    country, year = _country(country), _year(year)
    if source not in VALUE_SOURCES:
        raise InvalidValue(f"source {source!r} is not one of {', '.join(VALUE_SOURCES)}")
    user = _user(session, principal, can_enter_statistics(principal, country), country)
    form = _open_form(session, country, year)
    checked = {cell: checked_value(cell, value) for cell, value in values.items()}
    _check_cells(form, checked)
    stored = {
        (row.element, row.options): row
        for row in session.scalars(select(DataValueRow).where(DataValueRow.form_id == form.id))
    }
    now, changed = datetime.now(UTC), 0
    for cell, value in checked.items():
        row = stored.get((cell.element, options_text(cell.options)))
        if value is None:
            if row is not None:
                session.delete(row)
                changed += 1
        elif row is None:
            session.add(
                DataValueRow(
                    form_id=form.id,
                    element=cell.element,
                    options=options_text(cell.options),
                    value=value,
                    source=source,
                    entered_at=now,
                    entered_by=user.id,
                )
            )
            changed += 1
        elif row.value != value:
            row.value, row.source, row.entered_at, row.entered_by = value, source, now, user.id
            changed += 1
    if changed:
        form.changed_at = now
        details = {"year": year, "values_changed": changed, "source": source}
        audit.record(session, user, "statistics.save", FORMS, form.id, details=details)
    return changed


def submit_form(session: Session, principal: Principal, country: str, year: int) -> StatisticsForm:
    """Send the form to the secretariat; refused while a rule of importance ``error`` is broken."""
    country, year = _country(country), _year(year)
    with committed(session):
        user = _user(session, principal, can_enter_statistics(principal, country), country)
        form = _open_form(session, country, year)
        errors = statistics_form(session, country, year).errors
        if errors:
            broken = "; ".join(_said(item) for item in errors)
            raise InvalidValue(f"the form cannot be submitted while it breaks: {broken}")
        _move(session, user, form, "submitted", "statistics.submit")
        form.submitted_at, form.submitted_by = datetime.now(UTC), user.id
    return statistics_form(session, country, year)


def approve_form(session: Session, principal: Principal, country: str, year: int) -> StatisticsForm:
    """Approve a submitted form (the secretariat): it is locked until unlocked."""
    country, year = _country(country), _year(year)
    with committed(session):
        user = _user(session, principal, can_approve_statistics(principal), country)
        form = _form(session, country, year)
        if form is None or form.status != "submitted":
            status = "not started" if form is None else form.status
            raise InvalidTransition(f"only a submitted form can be approved; this one is {status}")
        _move(session, user, form, "approved", "statistics.approve")
        form.approved_at, form.approved_by = datetime.now(UTC), user.id
        record_approved_form(session, form, user)
    return statistics_form(session, country, year)


def unlock_form(
    session: Session, principal: Principal, country: str, year: int, reason: str
) -> StatisticsForm:
    """Reopen an approved form (the secretariat), with the reason, which the audit log keeps."""
    country, year = _country(country), _year(year)
    reason = " ".join(str(reason).split())
    if not reason:
        raise InvalidValue("say why the form is unlocked")
    with committed(session):
        user = _user(session, principal, can_approve_statistics(principal), country)
        form = _form(session, country, year)
        if form is None or form.status != "approved":
            raise InvalidTransition("only an approved form can be unlocked")
        withdraw_approved_form(session, form)
        _move(session, user, form, "draft", "statistics.unlock", reason)
    return statistics_form(session, country, year)


def _said(violation: Violation) -> str:
    label = (violation.rule.labels or {}).get("en", violation.rule.name)
    return f"{label} ({violation.outcome.left:g} against {violation.outcome.right:g})"


def _move(
    session: Session,
    user: UserRow,
    form: StatisticsFormRow,
    status: str,
    action: str,
    reason: str | None = None,
) -> None:
    before = {"status": form.status}
    form.status, form.changed_at = status, datetime.now(UTC)
    details = {"year": form.year, **({"reason": reason} if reason else {})}
    audit.record(session, user, action, FORMS, form.id, before, {"status": status}, details)


def _form(
    session: Session, country: str, year: int, lock: bool = False
) -> StatisticsFormRow | None:
    statement = select(StatisticsFormRow).where(
        StatisticsFormRow.country == country,
        StatisticsFormRow.year == year,
        StatisticsFormRow.data_set == DATA_SET,
    )
    return session.scalar(statement.with_for_update() if lock else statement)


def _open_form(session: Session, country: str, year: int) -> StatisticsFormRow:
    """The form, made at the data set's latest version when there is none; refused if approved.

    The form's row is locked until the commit (on PostgreSQL), so two saves of one form, from two
    tabs or a save sent again, are made one after the other."""
    form = _form(session, country, year, lock=True)
    if form is None:
        latest = statistics_catalogue().data_set(DATA_SET)
        form = StatisticsFormRow(
            country=country,
            year=year,
            data_set=latest.code,
            version=latest.version,
            status="draft",
            changed_at=datetime.now(UTC),
        )
        session.add(form)
        session.flush()
    if form.status == "approved":
        raise InvalidTransition(
            f"the statistics of {country} for {year} are approved and locked; "
            "the secretariat can unlock them, with a reason"
        )
    return form


@cache
def asked_cells(data_set: str, version: int | None = None) -> frozenset[Cell]:
    """Every value the data set (by default at its latest version) asks for."""
    catalogue = statistics_catalogue()
    chosen = catalogue.data_set(data_set, version)
    elements = [catalogue.elements[name] for name in chosen.elements]
    return frozenset(cell for element in elements for cell in catalogue.cells(element))


def cell_name(cell: Cell) -> str:
    """``victims_detected`` for a total, ``victims_detected[sex=female, age=child]`` for a cell."""
    if not cell.options:
        return cell.element
    return f"{cell.element}[{', '.join(f'{c}={o}' for c, o in cell.options)}]"


def _check_cells(form: StatisticsFormRow, values: Mapping[Cell, float | None]) -> None:
    asked = asked_cells(form.data_set, form.version)
    unknown = [cell for cell in values if cell not in asked]
    if unknown:
        shown = ", ".join(cell_name(cell) for cell in unknown[:5])
        raise InvalidValue(f"the form {form.data_set} v{form.version} asks for no {shown}")


def checked_value(cell: Cell, value: object) -> float | None:
    """``value`` as stored: a whole number from 0 to :data:`LARGEST_VALUE`, or None; else
    :class:`InvalidValue` naming the element."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise InvalidValue(f"{cell.element}: {value!r} is not a number")
    if value != int(value) or not 0 <= value <= LARGEST_VALUE:
        raise InvalidValue(
            f"{cell.element}: {value:g} is not a whole number from 0 to {LARGEST_VALUE:,}"
        )
    return float(value)


def _country(country: str) -> str:
    try:
        return check_country(country)
    except ValueError as error:
        raise InvalidValue(str(error)) from error


def _year(year: int) -> int:
    if isinstance(year, bool) or not isinstance(year, int) or not FIRST_YEAR <= year <= LAST_YEAR:
        raise InvalidValue(f"{year!r} is not a year from {FIRST_YEAR} to {LAST_YEAR}")
    return year


def _user(session: Session, principal: Principal, allowed: bool, country: str) -> UserRow:
    if not allowed:
        raise PermissionDenied(f"you may not change the statistics of {country}")
    user = active_user(session, principal)
    return user
