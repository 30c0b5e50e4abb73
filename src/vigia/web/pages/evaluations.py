"""``/evaluations``: the meetings evaluated against the Work Plan, each meeting's regional matrix
(a row per state, a column per area) and each state's scorecard.

The ratings are :func:`vigia.evaluate.scorecard.evaluate_meeting`'s, exactly as ``vigia evaluate``
gives them. The scorecard shows, per area, the rating (and the rules' proposal when a reviewer
chose another), the sentences and figures behind it, the activities of the plan they cover, and
what changed since the last earlier meeting the state reported to. The sentences and figures are
shown to those who may read the state's unpublished facts (its focal point, the secretariat):
others see the ratings only.

Two forms post from the scorecard: confirming a rating (the secretariat, never for its own state:
:func:`vigia.permissions.can_confirm_rating`) and accepting, moving or dismissing the mapping
of a sentence (reviewers of the state: :func:`vigia.permissions.can_review`). The evaluate
package checks permissions again; a refused post gets an error page saying why, and a value it
does not accept shows the scorecard again with the reason and what was typed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Form, Path, Query, Request, status
from fastapi.responses import HTMLResponse, RedirectResponse
from sqlalchemy.orm import Session

from vigia.domain import MeetingEvaluation, Rating
from vigia.errors import InvalidValue, NotFound, PermissionDenied
from vigia.evaluate.changes import AreaChange, compare_evaluations
from vigia.evaluate.mappings import ACTIONS as MAPPING_ACTIONS
from vigia.evaluate.mappings import MOVE, review_mapping
from vigia.evaluate.meetings import UnknownMeeting, meeting_codes, meeting_order
from vigia.evaluate.plan_store import UnknownPlan, find_plan
from vigia.evaluate.ratings import MAX_NOTE, confirm_rating
from vigia.evaluate.rubric import rubric
from vigia.evaluate.scorecard import evaluate_meeting
from vigia.evaluate.visibility import as_seen_by, drafts_readable_by
from vigia.languages import country_name
from vigia.permissions import can_confirm_rating, can_read_unpublished, can_review
from vigia.plans import AREAS
from vigia.plans.model import WorkPlan
from vigia.publish.labels import N_
from vigia.publish.vocabulary import title_in, vocabulary
from vigia.vocabulary import LARGEST_ID
from vigia.web.dependencies import DatabaseSession
from vigia.web.pages.responses import redirect_to, show
from vigia.web.pages.routing import PageError, PageRoute, SignedInFormVisitor
from vigia.web.pages.visitor import CurrentVisitor, Visitor

UNKNOWN_MEETING = N_("No document of this meeting is stored, so it cannot be evaluated.")
NOT_REPORTED = N_("This state has no section in the documents of this meeting.")
UNKNOWN_AREA = N_("There is no such area in the Work Plan.")
UNKNOWN_ACTION = N_("Unknown action.")
NO_SUCH_MAPPING = N_("There is no such sentence mapping.")
OWN_STATE = N_("A state's ratings are never confirmed by its own people.")
SECRETARIAT_ONLY = N_("Only the secretariat confirms ratings.")
NOT_A_REVIEWER_OF = N_("You may not review the sentences of this state.")
UNKNOWN_RATING = N_("Choose one of the ratings of the rubric.")
NEEDS_EVIDENCE = N_(
    "The rating was not saved: a rating above “no information” needs evidence, and this area"
    " has none at this meeting."
)
NOTE_TOO_LONG = N_("The note is too long.")
#: The notices shown after a change, by what was done.
NOTICES = {
    "confirm": N_("Rating confirmed."),
    "accept": N_("Mapping accepted."),
    "move": N_("Sentence moved to another area."),
    "dismiss": N_("Sentence dismissed: it no longer counts as evidence."),
}
#: What became of a sentence's mapping to an area after review.
MAPPING_STATUSES = {
    "accepted": N_("mapping accepted by a reviewer"),
    "moved": N_("moved here by a reviewer"),
}
#: How a rating moved between two meetings.
DIRECTIONS = {
    "improved": N_("improved"),
    "declined": N_("declined"),
    "unchanged": N_("unchanged"),
}

router = APIRouter(route_class=PageRoute, include_in_schema=False)
RATING_CODES = tuple(rating.value for rating in Rating)
MeetingCode = Annotated[str, Path(min_length=1, max_length=64)]
CountryCode = Annotated[str, Path(min_length=3, max_length=3)]
Done = Annotated[str | None, Query(max_length=32)]


def meeting_path(meeting: str) -> str:
    """``/evaluations/<meeting>``, the code escaped for a path."""
    return f"/evaluations/{quote(meeting, safe='')}"


# --- The list of meetings and the regional matrix ---------------------------------------------


@router.get("/evaluations", response_class=HTMLResponse)
def evaluations_page(
    request: Request, visitor: CurrentVisitor, session: DatabaseSession
) -> HTMLResponse:
    values = {
        "meetings": list(reversed(meeting_codes(session))),
        "meeting": None,
        "words": vocabulary(visitor.language),
    }
    return show(request, visitor, "matrix.html", values)


@router.get("/evaluations/{meeting}", response_class=HTMLResponse)
def matrix_page(
    request: Request,
    visitor: CurrentVisitor,
    session: DatabaseSession,
    meeting: MeetingCode,
) -> HTMLResponse:
    evaluation = _evaluation(session, visitor, meeting)
    language = visitor.language
    states = sorted(evaluation.states, key=lambda state: country_name(state.country, language))
    values = {
        "meetings": list(reversed(meeting_codes(session))),
        "meeting": evaluation.meeting,
        "meeting_path": meeting_path(evaluation.meeting),
        "plan_title": _plan_title(session, evaluation.plan, language),
        "states": states,
        "words": vocabulary(language),
        "ratings": [level.rating.value for level in rubric().levels],
    }
    return show(request, visitor, "matrix.html", values)


# --- A state's scorecard --------------------------------------------------------------------------


@dataclass
class ScorecardForm:
    """What was typed in a confirm form that was refused, to show it again with the reason."""

    area: str
    rating: str
    note: str
    error: str
    #: The evaluate package's own words (English), under the translated reason.
    detail: str = ""


@router.get("/evaluations/{meeting}/{country}", response_class=HTMLResponse)
def scorecard_page(
    request: Request,
    visitor: CurrentVisitor,
    session: DatabaseSession,
    meeting: MeetingCode,
    country: CountryCode,
    done: Done = None,
) -> HTMLResponse:
    return _scorecard(request, visitor, session, meeting, country.upper(), NOTICES.get(done or ""))


@router.post("/evaluations/{meeting}/{country}/{area}/confirm", response_model=None)
def confirm(
    request: Request,
    visitor: SignedInFormVisitor,
    session: DatabaseSession,
    meeting: MeetingCode,
    country: CountryCode,
    area: Annotated[str, Path(max_length=32)],
    rating: Annotated[str, Form(max_length=32)] = "",
    note: Annotated[str, Form(max_length=MAX_NOTE * 2)] = "",
) -> HTMLResponse | RedirectResponse:
    code = country.upper()
    if area not in AREAS:
        raise PageError(status.HTTP_404_NOT_FOUND, UNKNOWN_AREA, visitor)
    typed = ScorecardForm(area, rating, note, "")
    if rating and rating not in RATING_CODES:
        typed.error = UNKNOWN_RATING
    elif len(note) > MAX_NOTE:
        typed.error = NOTE_TOO_LONG
    if typed.error:
        return _scorecard(request, visitor, session, meeting, code, None, typed)
    try:
        confirm_rating(session, visitor.principal, meeting, code, area, rating or None, note)
    except PermissionDenied as error:
        reason = OWN_STATE if visitor.principal.country == code else SECRETARIAT_ONLY
        raise PageError(status.HTTP_403_FORBIDDEN, reason, visitor) from error
    except NotFound as error:
        raise PageError(status.HTTP_404_NOT_FOUND, NOT_REPORTED, visitor) from error
    except InvalidValue as error:
        typed.error, typed.detail = NEEDS_EVIDENCE, str(error)
        return _scorecard(request, visitor, session, meeting, code, None, typed)
    address = f"{meeting_path(meeting)}/{code}?done=confirm#area-{area}"
    return redirect_to(request, visitor, address)


@router.post(
    "/evaluations/{meeting}/{country}/mappings/{mapping_id}", response_class=RedirectResponse
)
def review_sentence(
    request: Request,
    visitor: SignedInFormVisitor,
    session: DatabaseSession,
    meeting: MeetingCode,
    country: CountryCode,
    mapping_id: Annotated[int, Path(ge=1, le=LARGEST_ID)],
    action: Annotated[str, Form(max_length=32)],
    area: Annotated[str, Form(max_length=32)] = "",
) -> RedirectResponse:
    if action not in MAPPING_ACTIONS:
        raise PageError(status.HTTP_400_BAD_REQUEST, UNKNOWN_ACTION, visitor)
    if action == MOVE and area not in AREAS:
        raise PageError(status.HTTP_400_BAD_REQUEST, UNKNOWN_AREA, visitor)
    try:
        view = review_mapping(
            session, visitor.principal, mapping_id, action, area if action == MOVE else None
        )
    except PermissionDenied as error:
        raise PageError(status.HTTP_403_FORBIDDEN, NOT_A_REVIEWER_OF, visitor) from error
    except NotFound as error:
        raise PageError(status.HTTP_404_NOT_FOUND, NO_SUCH_MAPPING, visitor) from error
    except InvalidValue as error:
        raise PageError(status.HTTP_400_BAD_REQUEST, UNKNOWN_ACTION, visitor) from error
    address = f"{meeting_path(meeting)}/{country.upper()}?done={action}#area-{view.area}"
    return redirect_to(request, visitor, address)


def _scorecard(
    request: Request,
    visitor: Visitor,
    session: Session,
    meeting: str,
    country: str,
    notice: str | None,
    typed: ScorecardForm | None = None,
) -> HTMLResponse:
    evaluation = _evaluation(session, visitor, meeting)
    state = evaluation.state(country)
    if state is None:
        raise PageError(status.HTTP_404_NOT_FOUND, NOT_REPORTED, visitor)
    principal = visitor.principal
    earlier = previous_round(session, evaluation.meeting, country)
    if earlier is not None:
        earlier = as_seen_by(earlier, drafts_readable_by(principal))
    plan = _plan(session, evaluation.plan)
    values = {
        "meeting": evaluation.meeting,
        "meeting_path": meeting_path(evaluation.meeting),
        "country": country,
        "state": state,
        "plan_code": evaluation.plan or "",
        "plan_title": None if plan is None else title_in(plan.titles, visitor.language),
        "activity_titles": activity_titles(plan, visitor.language),
        "previous": earlier.meeting if earlier else None,
        "changes": changes_since(earlier, evaluation, country),
        "directions": DIRECTIONS,
        "words": vocabulary(visitor.language),
        "ratings": [level.rating.value for level in rubric().levels],
        "may_confirm": can_confirm_rating(principal, country),
        "may_review": can_review(principal, country),
        "shows_evidence": can_read_unpublished(principal, country),
        "notice": notice,
        "typed": typed,
        "move": MOVE,
        "mapping_statuses": MAPPING_STATUSES,
    }
    status_code = status.HTTP_200_OK if typed is None else status.HTTP_400_BAD_REQUEST
    return show(request, visitor, "scorecard.html", values, status_code)


def previous_round(session: Session, meeting: str, country: str) -> MeetingEvaluation | None:
    """The evaluation of the last meeting before ``meeting`` (by :func:`meeting_order`) at which
    ``country`` reported; None when it reported to none."""
    order = meeting_order(meeting)
    earlier = [code for code in meeting_codes(session) if meeting_order(code) < order]
    for code in reversed(earlier):
        evaluation = evaluate_meeting(session, code)
        if evaluation.state(country) is not None:
            return evaluation
    return None


def changes_since(
    earlier: MeetingEvaluation | None, later: MeetingEvaluation, country: str
) -> list[AreaChange]:
    """Each area's change since ``earlier`` (:func:`compare_evaluations`); none without one."""
    if earlier is None:
        return []
    return compare_evaluations(earlier, later, country)


# --- Shared -----------------------------------------------------------------------------------


def _evaluation(session: Session, visitor: Visitor, meeting: str) -> MeetingEvaluation:
    """The meeting's evaluation as the visitor may see it (drafts withheld from the public)."""
    try:
        return as_seen_by(evaluate_meeting(session, meeting), drafts_readable_by(visitor.principal))
    except UnknownMeeting as error:
        raise PageError(status.HTTP_404_NOT_FOUND, UNKNOWN_MEETING, visitor) from error


def _plan(session: Session, code: str | None) -> WorkPlan | None:
    if code is None:
        return None
    try:
        return find_plan(session, code)
    except UnknownPlan:
        return None


def activity_titles(plan: WorkPlan | None, language: str) -> dict[str, str]:
    """Each activity's title in ``language`` (else in any), by code."""
    if plan is None:
        return {}
    return {
        activity.code: title_in(activity.titles, language) for _, _, activity in plan.activities()
    }


def _plan_title(session: Session, code: str | None, language: str) -> str | None:
    plan = _plan(session, code)
    return None if plan is None else title_in(plan.titles, language) or plan.code
