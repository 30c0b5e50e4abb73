"""Gaps in a meeting's evaluation: what a recommendation is drafted from.

A *gap* is a :class:`~vigia.domain.Finding` about one state at one meeting:

- ``area_without_evidence``: the state is rated ``no_information`` in an area;
- ``core_indicator_missing``: a core indicator of the plan is not reported
  (:attr:`~vigia.domain.StateEvaluation.indicators_missing`);
- ``figure_contradiction``: documents disagree on one of the state's figures
  (:mod:`vigia.evaluate.consistency`, ``figure_disagreement``), one of them from this meeting.

Each gap has a message and a recommendation text in four languages, from the templates of
``data/recommendations.json``.
"""

from __future__ import annotations

from functools import cache

from sqlalchemy.orm import Session

from vigia.domain import LANGUAGES, Finding, MeetingEvaluation, Rating, StateEvaluation
from vigia.evaluate.consistency import (
    FIGURE_DISAGREEMENT,
    Inconsistency,
    country_name,
    indicator_label,
    list_inconsistencies,
)
from vigia.evaluate.plan_store import all_plans
from vigia.evaluate.scorecard import evaluate_meeting, indicator_areas
from vigia.plans import area_labels
from vigia.reference import indicators, load_data_file

AREA_WITHOUT_EVIDENCE = "area_without_evidence"
CORE_INDICATOR_MISSING = "core_indicator_missing"
FIGURE_CONTRADICTION = "figure_contradiction"
GAP_CODES = (AREA_WITHOUT_EVIDENCE, CORE_INDICATOR_MISSING, FIGURE_CONTRADICTION)

# --- Texts --------------------------------------------------------------------------------------


@cache
def _texts() -> dict[str, dict[str, dict[str, str]]]:
    data = load_data_file("recommendations.json")
    return {"templates": data["templates"], "gaps": data["gaps"]}


def recommendation_text(gap: Finding, language: str) -> str:
    """The draft recommendation for ``gap`` in ``language`` (es, en, fr, pt)."""
    return _filled(_texts()["templates"][gap.code], gap, language)


def gap_message(gap: Finding, language: str) -> str:
    """What the gap is, in ``language``; findings of other kinds keep their own message."""
    texts = _texts()["gaps"].get(gap.code)
    return gap.message if texts is None else _filled(texts, gap, language)


def _filled(texts: dict[str, str], gap: Finding, language: str) -> str:
    language = language if language in LANGUAGES else "en"
    return texts[language].format(
        country=country_name(gap.country, language),
        area=area_label(gap.area, language),
        indicator=indicator_label(gap.indicator, language),
        year="" if gap.year is None else gap.year,
    )


def area_label(area: str | None, language: str) -> str:
    """An evaluation area's label in ``language``, else its id."""
    if area is None:
        return ""
    return area_labels().get(area, {}).get(language, area)


# --- Gaps ---------------------------------------------------------------------------------------


def find_gaps(session: Session, meeting: str) -> list[Finding]:
    """The gaps of every state evaluated at ``meeting``, by state in the meeting's order.

    Raises :class:`~vigia.evaluate.meetings.UnknownMeeting` when nothing of ``meeting`` is stored.
    """
    evaluation = evaluate_meeting(session, meeting)
    areas_of = _indicator_areas(session, evaluation)
    contradictions = [
        finding
        for finding in list_inconsistencies(session)
        if finding.code == FIGURE_DISAGREEMENT and meeting in finding.meetings
    ]
    gaps: list[Finding] = []
    for state in evaluation.states:
        gaps += _area_gaps(state)
        gaps += _indicator_gaps(state, areas_of)
        gaps += [
            _contradiction_gap(finding)
            for finding in contradictions
            if finding.country == state.country
        ]
    return gaps


def _indicator_areas(session: Session, evaluation: MeetingEvaluation) -> dict[str, str]:
    plan = None if evaluation.plan is None else all_plans(session).get(evaluation.plan)
    if plan is not None:
        return indicator_areas(plan)
    return {name: item.area for name, item in indicators().items() if item.area}


def _gap(code: str, country: str, area: str | None, indicator: str | None = None) -> Finding:
    unworded = Finding(code=code, message="", country=country, area=area, indicator=indicator)
    return Finding(
        code=code,
        message=gap_message(unworded, "en"),
        country=country,
        area=area,
        indicator=indicator,
    )


def _area_gaps(state: StateEvaluation) -> list[Finding]:
    return [
        _gap(AREA_WITHOUT_EVIDENCE, state.country, area.area)
        for area in state.areas
        if area.rating == Rating.NO_INFORMATION
    ]


def _indicator_gaps(state: StateEvaluation, areas_of: dict[str, str]) -> list[Finding]:
    return [
        _gap(CORE_INDICATOR_MISSING, state.country, areas_of.get(name), name)
        for name in state.indicators_missing
    ]


def _contradiction_gap(finding: Inconsistency) -> Finding:
    unworded = Finding(
        code=FIGURE_CONTRADICTION,
        message="",
        country=finding.country,
        area=finding.area,
        indicator=finding.indicator,
        year=finding.year,
    )
    return Finding(
        code=FIGURE_CONTRADICTION,
        message=gap_message(unworded, "en"),
        country=finding.country,
        area=finding.area,
        indicator=finding.indicator,
        year=finding.year,
        evidence=finding.evidence,
    )
