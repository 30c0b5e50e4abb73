"""The shipped Work Plans and areas, their JSON round trip and their validation."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from vigia.domain import LANGUAGES
from vigia.plans import (
    AREAS,
    area_codes,
    area_descriptions,
    area_labels,
    plan_for_year,
    plan_from_data,
    plan_to_data,
    validate_plan,
    work_plans,
)
from vigia.plans.model import GENERAL_SECRETARIAT, PlanActivity, PlanArea, WorkPlan
from vigia.reference import indicators

EXPECTED_AREAS = (
    "legislation",
    "coordination",
    "prevention",
    "protection",
    "prosecution",
    "training",
    "cooperation",
    "information",
)


def _replace_first_activity(plan: WorkPlan, **changes: Any) -> WorkPlan:
    """The plan with its first activity changed."""
    area = plan.areas[0]
    objective = area.objectives[0]
    activity = dataclasses.replace(objective.activities[0], **changes)
    objective = dataclasses.replace(objective, activities=(activity, *objective.activities[1:]))
    area = dataclasses.replace(area, objectives=(objective, *area.objectives[1:]))
    return dataclasses.replace(plan, areas=(area, *plan.areas[1:]))


def test_areas_keep_the_order_of_the_data_file() -> None:
    assert AREAS == EXPECTED_AREAS


def test_area_labels_and_descriptions_exist_in_every_language() -> None:
    labels, descriptions = area_labels(), area_descriptions()
    assert set(labels) == set(AREAS) == set(descriptions)
    for area in AREAS:
        assert all(labels[area][language].strip() for language in LANGUAGES)
        assert all(descriptions[area][language].endswith(".") for language in LANGUAGES)
    assert labels["protection"]["en"] == "Protection and assistance to victims"


def test_area_codes_are_unique_short_forms() -> None:
    codes = area_codes()
    assert codes["prevention"] == "PREV"
    assert len(set(codes.values())) == len(AREAS)


def test_work_plans_ship_the_two_hemispheric_plans() -> None:
    plans = work_plans()
    assert list(plans) == ["WP-2010", "WP-2015"]
    first, second = plans["WP-2010"], plans["WP-2015"]
    assert (first.starts, first.ends, first.extended_to) == (2010, 2012, 2014)
    assert first.adopted_by == "AG/RES. 2551 (XL-O/10)"
    assert (second.starts, second.ends) == (2015, 2020)


def test_work_plans_load_without_problems() -> None:
    for plan in work_plans().values():
        assert validate_plan(plan) == [], plan.code


@pytest.mark.parametrize("code", ["WP-2010", "WP-2015"])
def test_work_plans_cover_every_area_with_objectives_and_activities(code: str) -> None:
    plan = work_plans()[code]
    assert tuple(area.area for area in plan.areas) == AREAS
    for area in plan.areas:
        assert 1 <= len(area.objectives) <= 3, area.area
        for objective in area.objectives:
            assert 2 <= len(objective.activities) <= 4, objective.code


@pytest.mark.parametrize("code", ["WP-2010", "WP-2015"])
def test_work_plans_give_the_general_secretariat_activities(code: str) -> None:
    responsible = {activity.responsible for _, _, activity in work_plans()[code].activities()}
    assert GENERAL_SECRETARIAT in responsible


def test_work_plans_keep_titles_short() -> None:
    for plan in work_plans().values():
        for area in plan.areas:
            for objective in area.objectives:
                titles = [objective.titles, *(activity.titles for activity in objective.activities)]
                for title in (title for entry in titles for title in entry.values()):
                    assert len(title) <= 90, title


def test_work_plans_use_stable_codes() -> None:
    plan = work_plans()["WP-2010"]
    activity = plan.find_activity("WP-2010.PREV.1.2")
    assert activity is not None
    assert activity.indicators == ("complaints",)
    prevention = next(area for area in plan.areas if area.area == "prevention")
    assert prevention.objectives[0].code == "WP-2010.PREV.1"


def test_work_plans_link_training_activities_to_persons_trained() -> None:
    for plan in work_plans().values():
        training = next(area for area in plan.areas if area.area == "training")
        linked = [a for o in training.objectives for a in o.activities if a.indicators]
        assert linked
        assert all(activity.indicators == ("persons_trained",) for activity in linked)


def test_work_plans_link_only_known_indicators() -> None:
    known = indicators()
    used = {
        name
        for plan in work_plans().values()
        for *_, a in plan.activities()
        for name in a.indicators
    }
    assert {"persons_trained", "victims_identified", "convictions", "complaints"} <= used
    assert used <= set(known)


def test_work_plans_fill_area_titles_from_the_labels() -> None:
    area = work_plans()["WP-2015"].areas[3]
    assert area.titles == area_labels()["protection"]


@pytest.mark.parametrize(
    ("year", "expected"),
    [
        (2009, None),
        (2010, "WP-2010"),
        (2012, "WP-2010"),
        (2013, "WP-2010"),
        (2014, "WP-2010"),
        (2015, "WP-2015"),
        (2020, "WP-2015"),
        (2021, None),
    ],
)
def test_plan_for_year_takes_extensions_into_account(year: int, expected: str | None) -> None:
    plan = plan_for_year(year)
    assert (plan.code if plan else None) == expected


def test_plan_for_year_prefers_the_newest_of_overlapping_plans() -> None:
    older = WorkPlan("OLD", {"en": "Old"}, 2010, 2012, extended_to=2016)
    newer = WorkPlan("NEW", {"en": "New"}, 2015, 2020)
    chosen = plan_for_year(2015, [older, newer])
    assert chosen is newer


@pytest.mark.parametrize("code", ["WP-2010", "WP-2015"])
def test_plan_to_data_round_trips(code: str) -> None:
    plan = work_plans()[code]
    data = plan_to_data(plan)
    assert data["areas"][0]["objectives"][0]["activities"][0]["code"].startswith(code)
    assert plan_from_data(data) == plan


def test_plan_from_data_reads_an_imported_plan() -> None:
    data = {
        "code": "WP-2030",
        "titles": {"es": "Plan 2030"},
        "starts": 2030,
        "ends": 2034,
        "source": "imported",
        "areas": [
            {
                "area": "training",
                "objectives": [
                    {
                        "code": "WP-2030.TRAIN.1",
                        "titles": {"es": "Capacitar"},
                        "activities": [{"code": "WP-2030.TRAIN.1.1", "titles": {"es": "Cursos"}}],
                    }
                ],
            }
        ],
    }
    plan = plan_from_data(data)
    assert plan.source == "imported"
    assert plan.extended_to is None
    assert plan.find_activity("WP-2030.TRAIN.1.1") == PlanActivity(
        "WP-2030.TRAIN.1.1", {"es": "Cursos"}
    )
    assert validate_plan(plan, languages=("es",)) == []


def test_validate_plan_reports_an_unknown_area() -> None:
    plan = work_plans()["WP-2010"]
    area = dataclasses.replace(plan.areas[0], area="corruption")
    broken = dataclasses.replace(plan, areas=(area, *plan.areas[1:]))
    assert "unknown area 'corruption'" in validate_plan(broken)


def test_validate_plan_reports_a_repeated_area() -> None:
    plan = work_plans()["WP-2010"]
    extra = PlanArea("training", {"en": "Training"})
    problems = validate_plan(dataclasses.replace(plan, areas=(*plan.areas, extra)))
    assert problems == ["area 'training' appears more than once"]


def test_validate_plan_reports_a_duplicate_code() -> None:
    plan = work_plans()["WP-2010"]
    second = plan.areas[0].objectives[0].activities[1].code
    problems = validate_plan(_replace_first_activity(plan, code=second))
    assert f"duplicate code {second!r}" in problems


def test_validate_plan_reports_a_code_outside_its_objective() -> None:
    plan = _replace_first_activity(work_plans()["WP-2010"], code="WP-2010.LEG.9.1")
    assert "code 'WP-2010.LEG.9.1' does not start with 'WP-2010.LEG.1.'" in validate_plan(plan)


def test_validate_plan_reports_an_unknown_indicator() -> None:
    plan = _replace_first_activity(work_plans()["WP-2010"], indicators=("happiness",))
    assert validate_plan(plan) == ["activity WP-2010.LEG.1.1: unknown indicator 'happiness'"]


def test_validate_plan_reports_an_unknown_responsible_party() -> None:
    plan = _replace_first_activity(work_plans()["WP-2010"], responsible="civil_society")
    problems = validate_plan(plan)
    assert problems == ["activity WP-2010.LEG.1.1: unknown responsible party 'civil_society'"]


def test_validate_plan_reports_a_missing_title() -> None:
    plan = _replace_first_activity(work_plans()["WP-2010"], titles={"en": "Ratify", "es": " "})
    problems = validate_plan(plan)
    assert "activity WP-2010.LEG.1.1 has no title in 'es'" in problems
    assert "activity WP-2010.LEG.1.1 has no title in 'fr'" in problems
    assert validate_plan(plan, languages=("en",)) == []
