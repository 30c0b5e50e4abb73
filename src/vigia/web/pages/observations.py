"""``/plan/{plan}/activities/{activity}``: an activity of a Work Plan and its observations.

Anybody sees the activity; logged-in visitors also read its observation threads, each with the
secretariat's answers (:func:`vigia.evaluate.observations.observation_threads`). Focal points and
the secretariat send observations; the secretariat answers them. Both forms post with the CSRF
token and come back to the page (303) with a notice; a text that is refused (empty, too long) is
shown again in its form with the reason, and a refused principal gets an error page saying why.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Form, Path, Query, Request, status
from fastapi.responses import HTMLResponse, RedirectResponse
from sqlalchemy.orm import Session

from vigia.errors import InvalidValue, NotFound, PermissionDenied
from vigia.evaluate.observations import (
    MAX_TEXT_LENGTH,
    answer_observation,
    observation_threads,
    submit_observation,
)
from vigia.evaluate.plan_store import UnknownPlan, find_plan
from vigia.permissions import can_answer_observation, can_submit_observation
from vigia.plans.model import PlanActivity, PlanArea, PlanObjective, WorkPlan
from vigia.publish.labels import N_
from vigia.publish.vocabulary import title_in, vocabulary
from vigia.vocabulary import LARGEST_ID
from vigia.web.dependencies import DatabaseSession
from vigia.web.pages.plan import RESPONSIBLE_PARTIES, UNKNOWN_PLAN
from vigia.web.pages.responses import redirect_to, show
from vigia.web.pages.routing import PageError, PageRoute, SignedInFormVisitor
from vigia.web.pages.visitor import CurrentVisitor, Visitor

UNKNOWN_ACTIVITY = N_("This Work Plan has no activity with this code.")
NO_SUCH_OBSERVATION = N_("There is no such observation on this activity.")
NOT_A_SENDER = N_("Only focal points and the secretariat send observations.")
NOT_AN_ANSWERER = N_("Only the secretariat answers observations.")
EMPTY_TEXT = N_("Write something before sending.")
TEXT_TOO_LONG = N_("The text is too long: at most %(most)s characters.")
NOT_SAVED = N_("The text was not saved.")
#: The notices shown after a change, by what was done.
NOTICES = {
    "submitted": N_("Observation sent."),
    "answered": N_("Answer sent."),
}

router = APIRouter(route_class=PageRoute, include_in_schema=False)
PlanCode = Annotated[str, Path(min_length=1, max_length=64)]
ActivityCode = Annotated[str, Path(min_length=1, max_length=64)]
Text = Annotated[str, Form(max_length=MAX_TEXT_LENGTH * 2)]


@dataclass(frozen=True)
class ActivityPlace:
    """An activity with the plan, area and objective it belongs to."""

    plan: WorkPlan
    area: PlanArea
    objective: PlanObjective
    activity: PlanActivity


@dataclass(frozen=True)
class TypedText:
    """A refused text, to show again in its form (``thread`` None: a new observation)."""

    thread: int | None
    text: str
    error: str
    error_values: dict[str, int]


@router.get("/plan/{plan}/activities/{activity}", response_class=HTMLResponse)
def activity_page(
    request: Request,
    visitor: CurrentVisitor,
    session: DatabaseSession,
    plan: PlanCode,
    activity: ActivityCode,
    done: Annotated[str | None, Query(max_length=32)] = None,
) -> HTMLResponse:
    return _page(request, visitor, session, plan, activity, NOTICES.get(done or ""))


@router.post("/plan/{plan}/activities/{activity}/observations", response_model=None)
def send_observation(
    request: Request,
    visitor: SignedInFormVisitor,
    session: DatabaseSession,
    plan: PlanCode,
    activity: ActivityCode,
    text: Text = "",
) -> HTMLResponse | RedirectResponse:
    refused = _refused_text(text, None)
    if refused is not None:
        return _page(request, visitor, session, plan, activity, None, refused)
    try:
        sent = submit_observation(session, visitor.principal, plan, activity, text)
    except PermissionDenied as error:
        raise PageError(status.HTTP_403_FORBIDDEN, NOT_A_SENDER, visitor) from error
    except NotFound as error:
        raise PageError(status.HTTP_404_NOT_FOUND, UNKNOWN_ACTIVITY, visitor) from error
    except InvalidValue:
        typed = TypedText(None, text, NOT_SAVED, {})
        return _page(request, visitor, session, plan, activity, None, typed)
    return redirect_to(request, visitor, _address(plan, activity, "submitted", sent.id))


@router.post(
    "/plan/{plan}/activities/{activity}/observations/{observation_id}/answers",
    response_model=None,
)
def send_answer(
    request: Request,
    visitor: SignedInFormVisitor,
    session: DatabaseSession,
    plan: PlanCode,
    activity: ActivityCode,
    observation_id: Annotated[int, Path(ge=1, le=LARGEST_ID)],
    text: Text = "",
) -> HTMLResponse | RedirectResponse:
    if not can_answer_observation(visitor.principal):
        raise PageError(status.HTTP_403_FORBIDDEN, NOT_AN_ANSWERER, visitor)
    threads = {thread.observation.id for thread in observation_threads(session, plan, activity)}
    if observation_id not in threads:
        raise PageError(status.HTTP_404_NOT_FOUND, NO_SUCH_OBSERVATION, visitor)
    refused = _refused_text(text, observation_id)
    if refused is not None:
        return _page(request, visitor, session, plan, activity, None, refused)
    try:
        answer_observation(session, visitor.principal, observation_id, text)
    except PermissionDenied as error:
        raise PageError(status.HTTP_403_FORBIDDEN, NOT_AN_ANSWERER, visitor) from error
    except NotFound as error:
        raise PageError(status.HTTP_404_NOT_FOUND, NO_SUCH_OBSERVATION, visitor) from error
    except InvalidValue:
        typed = TypedText(observation_id, text, NOT_SAVED, {})
        return _page(request, visitor, session, plan, activity, None, typed)
    return redirect_to(request, visitor, _address(plan, activity, "answered", observation_id))


def activity_address(plan: str, activity: str) -> str:
    """``/plan/<plan>/activities/<activity>``, the codes escaped for a path."""
    return f"/plan/{quote(plan, safe='')}/activities/{quote(activity, safe='')}"


def _address(plan: str, activity: str, done: str, observation_id: int) -> str:
    return f"{activity_address(plan, activity)}?done={done}#observation-{observation_id}"


def _refused_text(text: str, thread: int | None) -> TypedText | None:
    """Why a text cannot be sent, with the text, or None when it may be."""
    if not text.strip():
        return TypedText(thread, text, EMPTY_TEXT, {})
    if len(text.strip()) > MAX_TEXT_LENGTH:
        return TypedText(thread, text, TEXT_TOO_LONG, {"most": MAX_TEXT_LENGTH})
    return None


def find_activity(session: Session, visitor: Visitor, plan: str, activity: str) -> ActivityPlace:
    """The activity and where it sits in its plan; an error page when there is none."""
    try:
        found = find_plan(session, plan)
    except UnknownPlan as error:
        raise PageError(status.HTTP_404_NOT_FOUND, UNKNOWN_PLAN, visitor) from error
    for area, objective, item in found.activities():
        if item.code == activity:
            return ActivityPlace(found, area, objective, item)
    raise PageError(status.HTTP_404_NOT_FOUND, UNKNOWN_ACTIVITY, visitor)


def _page(
    request: Request,
    visitor: Visitor,
    session: Session,
    plan: str,
    activity: str,
    notice: str | None,
    typed: TypedText | None = None,
) -> HTMLResponse:
    place = find_activity(session, visitor, plan, activity)
    language = visitor.language
    signed_in = visitor.user is not None
    values = {
        "place": place,
        "plan_title": title_in(place.plan.titles, language) or place.plan.code,
        "objective_title": title_in(place.objective.titles, language),
        "activity_title": title_in(place.activity.titles, language),
        "responsible": RESPONSIBLE_PARTIES,
        "words": vocabulary(language),
        "signed_in": signed_in,
        "threads": observation_threads(session, plan, activity) if signed_in else [],
        "may_submit": can_submit_observation(visitor.principal),
        "may_answer": can_answer_observation(visitor.principal),
        "address": activity_address(place.plan.code, place.activity.code),
        "notice": notice,
        "typed": typed,
        "most": MAX_TEXT_LENGTH,
    }
    status_code = status.HTTP_200_OK if typed is None else status.HTTP_400_BAD_REQUEST
    return show(request, visitor, "activity.html", values, status_code)
