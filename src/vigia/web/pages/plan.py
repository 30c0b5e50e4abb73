"""``/plan``: a Work Plan as a tree of areas, objectives and activities.

Each activity shows its code, title, who carries it out and the indicators it relates to, and
links to its observations (with how many threads it has). With ``?meeting=RTP-III``, each activity
also shows the states whose evidence at that meeting covers it (as
:func:`vigia.evaluate.scorecard.evaluate_meeting` decides). Without ``?plan=``, the plan shown is
the one the meeting chosen was evaluated against, else the most recent one (reference plans and
imported ones alike: :func:`vigia.evaluate.plan_store.all_plans`).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Annotated

from fastapi import APIRouter, Query, Request, status
from fastapi.responses import HTMLResponse
from sqlalchemy.orm import Session

from vigia.domain import MeetingEvaluation
from vigia.evaluate.meetings import UnknownMeeting, meeting_codes
from vigia.evaluate.observations import count_observations
from vigia.evaluate.plan_store import UnknownPlan, all_plans, find_plan
from vigia.evaluate.scorecard import evaluate_meeting
from vigia.plans.model import GENERAL_SECRETARIAT, MEMBER_STATES, WorkPlan
from vigia.publish.labels import N_
from vigia.publish.vocabulary import title_in, vocabulary
from vigia.web.dependencies import DatabaseSession
from vigia.web.pages.evaluations import UNKNOWN_MEETING
from vigia.web.pages.responses import show
from vigia.web.pages.routing import PageError, PageRoute
from vigia.web.pages.visitor import CurrentVisitor, Visitor

UNKNOWN_PLAN = N_("There is no Work Plan with this code.")
NO_PLAN = N_("No Work Plan is known yet.")
#: Who carries out an activity.
RESPONSIBLE_PARTIES = {
    MEMBER_STATES: N_("Member states"),
    GENERAL_SECRETARIAT: N_("General Secretariat"),
}

router = APIRouter(route_class=PageRoute, include_in_schema=False)


@router.get("/plan", response_class=HTMLResponse)
def plan_page(
    request: Request,
    visitor: CurrentVisitor,
    session: DatabaseSession,
    plan: Annotated[str | None, Query(max_length=64)] = None,
    meeting: Annotated[str | None, Query(max_length=64)] = None,
) -> HTMLResponse:
    evaluation = _evaluation(session, visitor, meeting or None)
    shown = _chosen_plan(session, visitor, plan or None, evaluation)
    language = visitor.language
    plans = all_plans(session).values()
    values = {
        "plan": shown,
        "plan_title": title_in(shown.titles, language) or shown.code,
        "plans": [(item.code, title_in(item.titles, language)) for item in plans],
        "meetings": list(reversed(meeting_codes(session))),
        "meeting": None if evaluation is None else evaluation.meeting,
        "evaluated_plan": None if evaluation is None else evaluation.plan,
        "coverage": coverage(evaluation, shown),
        "observations": count_observations(session, shown.code),
        "responsible": RESPONSIBLE_PARTIES,
        "words": vocabulary(language),
        "title_in": title_in,
    }
    return show(request, visitor, "plan.html", values)


def coverage(evaluation: MeetingEvaluation | None, plan: WorkPlan) -> dict[str, list[str]]:
    """The states whose evidence covers each activity of ``plan`` (codes, sorted), by activity.

    Empty without an evaluation, or when the meeting was evaluated against another plan.
    """
    covered: dict[str, list[str]] = defaultdict(list)
    if evaluation is None or evaluation.plan != plan.code:
        return covered
    for state in evaluation.states:
        for area in state.areas:
            for code in area.activities:
                covered[code].append(state.country)
    return {code: sorted(set(states)) for code, states in covered.items()}


def _evaluation(
    session: Session, visitor: Visitor, meeting: str | None
) -> MeetingEvaluation | None:
    if meeting is None:
        return None
    try:
        return evaluate_meeting(session, meeting)
    except UnknownMeeting as error:
        raise PageError(status.HTTP_404_NOT_FOUND, UNKNOWN_MEETING, visitor) from error


def _chosen_plan(
    session: Session, visitor: Visitor, code: str | None, evaluation: MeetingEvaluation | None
) -> WorkPlan:
    """The plan asked for; else the one the meeting was evaluated against; else the latest."""
    if code is None and evaluation is not None:
        code = evaluation.plan
    if code is not None:
        try:
            return find_plan(session, code)
        except UnknownPlan as error:
            raise PageError(status.HTTP_404_NOT_FOUND, UNKNOWN_PLAN, visitor) from error
    plans = list(all_plans(session).values())
    if not plans:
        raise PageError(status.HTTP_404_NOT_FOUND, NO_PLAN, visitor)
    return plans[-1]
