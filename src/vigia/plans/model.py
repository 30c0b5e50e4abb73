"""The Work Plan as data: its areas, objectives and activities, and the years it covers."""

from __future__ import annotations

from dataclasses import dataclass

#: Who carries out a plan activity.
MEMBER_STATES = "member_states"
GENERAL_SECRETARIAT = "general_secretariat"
RESPONSIBLE_PARTIES = (MEMBER_STATES, GENERAL_SECRETARIAT)


@dataclass(frozen=True)
class PlanActivity:
    """One activity of a Work Plan: a stable code, who does it, and the indicators it relates to."""

    code: str
    titles: dict[str, str]
    responsible: str = MEMBER_STATES
    indicators: tuple[str, ...] = ()


@dataclass(frozen=True)
class PlanObjective:
    code: str
    titles: dict[str, str]
    activities: tuple[PlanActivity, ...] = ()


@dataclass(frozen=True)
class PlanArea:
    """A branch of a plan, under one of the evaluation areas (``prevention``, ``training``…)."""

    area: str
    titles: dict[str, str]
    objectives: tuple[PlanObjective, ...] = ()


@dataclass(frozen=True)
class WorkPlan:
    """A Work Plan and its period: ``ends`` as adopted, ``extended_to`` if a meeting extended it."""

    code: str
    titles: dict[str, str]
    starts: int
    ends: int
    areas: tuple[PlanArea, ...] = ()
    extended_to: int | None = None
    adopted_by: str | None = None
    source: str = "reference"

    @property
    def last_year(self) -> int:
        return self.extended_to or self.ends

    def covers(self, year: int) -> bool:
        return self.starts <= year <= self.last_year

    def activities(self) -> list[tuple[PlanArea, PlanObjective, PlanActivity]]:
        return [
            (area, objective, activity)
            for area in self.areas
            for objective in area.objectives
            for activity in objective.activities
        ]

    def find_activity(self, code: str) -> PlanActivity | None:
        return next((item for _, _, item in self.activities() if item.code == code), None)
