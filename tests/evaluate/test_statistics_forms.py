"""A state's yearly statistics form: vigia.evaluate.statistics_forms, on both databases."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tests.evaluate.conftest import People
from vigia.errors import InvalidTransition, InvalidValue, PermissionDenied
from vigia.evaluate.statistics_forms import (
    approve_form,
    save_values,
    statistics_form,
    submit_form,
    unlock_form,
)
from vigia.statistics import Cell
from vigia.store.audit import list_entries
from vigia.store.models import DataValueRow

CONVICTED, PROSECUTED = Cell("persons_convicted"), Cell("persons_prosecuted")
VICTIMS = Cell("victims_detected")


def _by_sex_and_age(element: str, female_adults: float, male_children: float) -> dict[Cell, float]:
    values = {}
    for sex in ("female", "male", "unknown"):
        for age in ("adult", "child", "unknown"):
            values[Cell(element, (("sex", sex), ("age", age)))] = 0.0
    values[Cell(element, (("sex", "female"), ("age", "adult")))] = female_adults
    values[Cell(element, (("sex", "male"), ("age", "child")))] = male_children
    return values


def _stored(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(DataValueRow)) or 0


def test_a_focal_point_saves_its_states_values_and_sees_what_they_break(
    session: Session, people: People
) -> None:
    values = {VICTIMS: 31, **_by_sex_and_age("victims_detected", 20, 10)}

    form = save_values(session, people.focal_point_cri, "cri", 2024, values)

    assert (form.country, form.year, form.status, form.version) == ("CRI", 2024, "draft", 1)
    assert form.values[VICTIMS] == 31 and len(form.values) == 10
    assert [item.rule.name for item in form.errors] == ["victims_by_sex_and_age_add_up"]
    assert (form.errors[0].outcome.left, form.errors[0].outcome.right) == (30, 31)


def test_saving_the_same_values_again_changes_and_records_nothing(
    session: Session, people: People
) -> None:
    save_values(session, people.focal_point_cri, "CRI", 2024, {CONVICTED: 43})
    save_values(session, people.focal_point_cri, "CRI", 2024, {CONVICTED: 43})
    save_values(session, people.focal_point_cri, "CRI", 2024, {CONVICTED: 44, PROSECUTED: None})

    assert len(list_entries(session, action="statistics.save")) == 2
    assert statistics_form(session, "CRI", 2024).values == {CONVICTED: 44}


def test_a_focal_point_cannot_touch_another_states_form(session: Session, people: People) -> None:
    with pytest.raises(PermissionDenied, match="statistics of ARG"):
        save_values(session, people.focal_point_cri, "ARG", 2024, {CONVICTED: 1})
    for who in (people.administrator, people.anonymous):
        with pytest.raises(PermissionDenied):
            save_values(session, who, "CRI", 2024, {CONVICTED: 1})
    assert _stored(session) == 0


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({CONVICTED: -1}, "not a whole number from 0"),
        ({CONVICTED: 2.5}, "not a whole number from 0"),
        ({CONVICTED: "12"}, "is not a number"),
        ({CONVICTED: float("nan")}, "is not a number"),
        ({Cell("persons_convicted", (("exploitation", "sexual"),)): 1}, "asks for no"),
        ({Cell("persons_jailed"): 1}, "asks for no persons_jailed"),
    ],
)
def test_a_batch_with_one_bad_value_stores_none_of_it(
    session: Session, people: People, values: dict[Cell, object], message: str
) -> None:
    batch = {PROSECUTED: 50, **values}

    with pytest.raises(InvalidValue, match=message):
        save_values(session, people.focal_point_cri, "CRI", 2024, batch)  # type: ignore[arg-type]
    assert _stored(session) == 0


def test_a_form_breaking_an_error_rule_cannot_be_submitted_until_fixed(
    session: Session, people: People
) -> None:
    broken = {VICTIMS: 31, **_by_sex_and_age("victims_detected", 20, 10)}
    save_values(session, people.focal_point_cri, "CRI", 2024, broken)

    with pytest.raises(
        InvalidValue, match=r"do not add up to the total of victims \(30 against 31\)"
    ):
        submit_form(session, people.focal_point_cri, "CRI", 2024)
    save_values(session, people.focal_point_cri, "CRI", 2024, {VICTIMS: 30})
    submitted = submit_form(session, people.focal_point_cri, "CRI", 2024)

    assert submitted.status == "submitted" and not submitted.errors


def test_a_warning_does_not_stop_a_form(session: Session, people: People) -> None:
    save_values(session, people.focal_point_cri, "CRI", 2024, {CONVICTED: 52, PROSECUTED: 43})

    form = submit_form(session, people.focal_point_cri, "CRI", 2024)

    assert [item.rule.name for item in form.violations] == ["convicted_not_above_prosecuted"]
    assert form.status == "submitted"


def test_an_approved_year_is_locked_until_unlocked_with_a_reason(
    session: Session, people: People
) -> None:
    save_values(session, people.focal_point_cri, "CRI", 2024, {CONVICTED: 43})
    with pytest.raises(InvalidTransition, match="only a submitted form"):
        approve_form(session, people.secretariat, "CRI", 2024)
    submit_form(session, people.focal_point_cri, "CRI", 2024)
    with pytest.raises(PermissionDenied):
        approve_form(session, people.focal_point_cri, "CRI", 2024)
    approved = approve_form(session, people.secretariat, "CRI", 2024)

    for who in (people.focal_point_cri, people.secretariat):
        with pytest.raises(InvalidTransition, match="approved and locked"):
            save_values(session, who, "CRI", 2024, {CONVICTED: 44})
    with pytest.raises(InvalidValue, match="say why"):
        unlock_form(session, people.secretariat, "CRI", 2024, "  ")
    reopened = unlock_form(session, people.secretariat, "CRI", 2024, "Court figures revised")
    saved = save_values(session, people.focal_point_cri, "CRI", 2024, {CONVICTED: 44})

    assert approved.status == "approved" and reopened.status == "draft"
    assert saved.values[CONVICTED] == 44
    unlock = list_entries(session, action="statistics.unlock")[0]
    assert unlock.details == {"year": 2024, "reason": "Court figures revised"}
    assert unlock.before == {"status": "approved"} and unlock.after == {"status": "draft"}


@pytest.mark.parametrize(("country", "year"), [("XYZ", 2024), ("CRI", 1800), ("CRI", True)])
def test_an_unknown_state_or_year_is_refused(
    session: Session, people: People, country: str, year: int
) -> None:
    with pytest.raises(InvalidValue):
        save_values(session, people.secretariat, country, year, {CONVICTED: 1})


def test_a_total_far_from_the_states_other_years_is_a_warning(
    session: Session, people: People
) -> None:
    for year, value in ((2021, 40), (2022, 46)):
        save_values(session, people.focal_point_cri, "CRI", year, {CONVICTED: value})
    one_other_year = save_values(session, people.secretariat, "ARG", 2023, {CONVICTED: 900})

    usual = save_values(session, people.focal_point_cri, "CRI", 2023, {CONVICTED: 52})
    slip = save_values(session, people.focal_point_cri, "CRI", 2023, {CONVICTED: 520})

    assert not usual.violations and not one_other_year.violations
    assert [(item.rule.name, item.rule.importance) for item in slip.violations] == [
        ("outlier:persons_convicted", "warning")
    ]
    assert (slip.violations[0].outcome.left, slip.violations[0].outcome.right) == (520, 43)
    assert (slip.violations[0].rule.labels or {})["es"].startswith("Personas condenadas: muy lejos")
    assert submit_form(session, people.focal_point_cri, "CRI", 2023).status == "submitted"
