"""The Work Plans against trafficking in persons and their eight evaluation areas.

The areas come from ``vigia/data/plan_areas.json`` and the shipped plans from
``vigia/data/work_plans.json``. Imported plans are stored as JSON in the same shape:
:func:`plan_to_data` and :func:`plan_from_data` convert both ways.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from typing import Any

from vigia.domain import LANGUAGES
from vigia.plans.model import (
    MEMBER_STATES,
    RESPONSIBLE_PARTIES,
    PlanActivity,
    PlanArea,
    PlanObjective,
    WorkPlan,
)
from vigia.reference import indicators, load_data_file


@cache
def _area_entries() -> tuple[dict[str, Any], ...]:
    entries: list[dict[str, Any]] = load_data_file("plan_areas.json")["areas"]
    return tuple(entries)


#: The eight evaluation areas, in display order.
AREAS: tuple[str, ...] = tuple(entry["id"] for entry in _area_entries())


def area_labels() -> dict[str, dict[str, str]]:
    """Short label of each area, by area id then language."""
    return {entry["id"]: dict(entry["labels"]) for entry in _area_entries()}


def area_descriptions() -> dict[str, dict[str, str]]:
    """One sentence per area and language saying what evidence counts for it."""
    return {entry["id"]: dict(entry["descriptions"]) for entry in _area_entries()}


def area_codes() -> dict[str, str]:
    """The short form of each area used inside plan codes (``prevention`` → ``PREV``)."""
    return {entry["id"]: entry["code"] for entry in _area_entries()}


@cache
def work_plans() -> dict[str, WorkPlan]:
    """The shipped Work Plans, keyed by code, oldest first."""
    entries = load_data_file("work_plans.json")["plans"]
    plans = (plan_from_data(entry) for entry in entries)
    return {plan.code: plan for plan in sorted(plans, key=lambda plan: plan.starts)}


def plan_for_year(year: int, plans: Iterable[WorkPlan] | None = None) -> WorkPlan | None:
    """The plan in force in ``year`` (extensions included), the most recent one if several."""
    candidates = list(work_plans().values() if plans is None else plans)
    in_force = [plan for plan in candidates if plan.covers(year)]
    return max(in_force, key=lambda plan: plan.starts, default=None)


# --- JSON conversion --------------------------------------------------------------------------


def plan_from_data(data: Mapping[str, Any]) -> WorkPlan:
    """Build a :class:`WorkPlan` from its JSON form (as in ``work_plans.json``)."""
    return WorkPlan(
        code=data["code"],
        titles=dict(data["titles"]),
        starts=int(data["starts"]),
        ends=int(data["ends"]),
        areas=tuple(_area_from_data(entry) for entry in data.get("areas", ())),
        extended_to=data.get("extended_to"),
        adopted_by=data.get("adopted_by"),
        source=data.get("source", "reference"),
    )


def _area_from_data(data: Mapping[str, Any]) -> PlanArea:
    area = data["area"]
    titles = data.get("titles") or area_labels().get(area, {})
    return PlanArea(
        area=area,
        titles=dict(titles),
        objectives=tuple(_objective_from_data(entry) for entry in data.get("objectives", ())),
    )


def _objective_from_data(data: Mapping[str, Any]) -> PlanObjective:
    return PlanObjective(
        code=data["code"],
        titles=dict(data["titles"]),
        activities=tuple(_activity_from_data(entry) for entry in data.get("activities", ())),
    )


def _activity_from_data(data: Mapping[str, Any]) -> PlanActivity:
    return PlanActivity(
        code=data["code"],
        titles=dict(data["titles"]),
        responsible=data.get("responsible", MEMBER_STATES),
        indicators=tuple(data.get("indicators", ())),
    )


def plan_to_data(plan: WorkPlan) -> dict[str, Any]:
    """The JSON form of a plan; :func:`plan_from_data` turns it back into an equal plan."""
    return {
        "code": plan.code,
        "titles": dict(plan.titles),
        "starts": plan.starts,
        "ends": plan.ends,
        "extended_to": plan.extended_to,
        "adopted_by": plan.adopted_by,
        "source": plan.source,
        "areas": [
            {
                "area": area.area,
                "titles": dict(area.titles),
                "objectives": [_objective_to_data(objective) for objective in area.objectives],
            }
            for area in plan.areas
        ],
    }


def _objective_to_data(objective: PlanObjective) -> dict[str, Any]:
    return {
        "code": objective.code,
        "titles": dict(objective.titles),
        "activities": [
            {
                "code": activity.code,
                "titles": dict(activity.titles),
                "responsible": activity.responsible,
                "indicators": list(activity.indicators),
            }
            for activity in objective.activities
        ],
    }


# --- Validation -------------------------------------------------------------------------------


def validate_plan(plan: WorkPlan, languages: Sequence[str] = LANGUAGES) -> list[str]:
    """Problems with a plan, as readable sentences; an empty list means the plan is sound.

    Checks area ids, unique codes under the plan's code, indicator names, responsible parties and
    a non-empty title in each of ``languages`` (all four by default; an imported plan has one).
    """
    problems = _missing_titles(f"plan {plan.code}", plan.titles, languages)
    problems += _area_problems(plan)
    problems += _code_problems(plan)
    for area in plan.areas:
        for objective in area.objectives:
            problems += _missing_titles(f"objective {objective.code}", objective.titles, languages)
            for activity in objective.activities:
                problems += _activity_problems(activity, languages)
    return problems


def _missing_titles(what: str, titles: Mapping[str, str], languages: Sequence[str]) -> list[str]:
    return [
        f"{what} has no title in {language!r}"
        for language in languages
        if not titles.get(language, "").strip()
    ]


def _area_problems(plan: WorkPlan) -> list[str]:
    problems = [f"unknown area {area.area!r}" for area in plan.areas if area.area not in AREAS]
    seen: set[str] = set()
    for area in plan.areas:
        if area.area in seen:
            problems.append(f"area {area.area!r} appears more than once")
        seen.add(area.area)
    return problems


def _code_problems(plan: WorkPlan) -> list[str]:
    problems: list[str] = []
    seen: set[str] = set()
    for area in plan.areas:
        for objective in area.objectives:
            codes = [(objective.code, f"{plan.code}.")]
            codes += [(item.code, f"{objective.code}.") for item in objective.activities]
            for code, prefix in codes:
                if code in seen:
                    problems.append(f"duplicate code {code!r}")
                if not code.startswith(prefix):
                    problems.append(f"code {code!r} does not start with {prefix!r}")
                seen.add(code)
    return problems


def _activity_problems(activity: PlanActivity, languages: Sequence[str]) -> list[str]:
    problems = _missing_titles(f"activity {activity.code}", activity.titles, languages)
    if activity.responsible not in RESPONSIBLE_PARTIES:
        problems.append(
            f"activity {activity.code}: unknown responsible party {activity.responsible!r}"
        )
    known = indicators()
    problems += [
        f"activity {activity.code}: unknown indicator {name!r}"
        for name in activity.indicators
        if name not in known
    ]
    return problems
