"""``/api/v1/evaluations``: a meeting's and a state's evaluation, change since an earlier meeting,
and confirming a rating."""

from __future__ import annotations

from vigia.evaluate.changes import compare_rounds
from vigia.evaluate.meetings import meeting_codes
from vigia.evaluate.ratings import confirm_rating
from vigia.evaluate.scorecard import (
    area_to_data,
    evaluate_meeting,
    evaluate_state,
    evaluation_to_data,
    state_to_data,
)
from vigia.evaluate.visibility import as_seen_by, drafts_readable_by, state_as_seen_by
from vigia.web.dependencies import DatabaseSession
from vigia.web.evaluation_schemas import (
    AreaChangeList,
    AreaChangeResource,
    AreaEvaluationResource,
    ConfirmRatingRequest,
    EvaluatedMeetingList,
    MeetingEvaluationResource,
    StateEvaluationResource,
)
from vigia.web.routers.evaluation.common import (
    AreaIdentifier,
    CallerPrincipal,
    CountryCode,
    MeetingCode,
    RequiredMeeting,
    SignedInPrincipal,
    evaluation_router,
)

router = evaluation_router()


@router.get("/evaluations", response_model=EvaluatedMeetingList, summary="Evaluated meetings")
def list_evaluations(session: DatabaseSession) -> EvaluatedMeetingList:
    """The meetings with country sections in their documents, oldest first."""
    codes = meeting_codes(session)
    return EvaluatedMeetingList(items=codes, total=len(codes))


@router.get(
    "/evaluations/{meeting}",
    response_model=MeetingEvaluationResource,
    response_model_exclude_unset=True,
    summary="A meeting's evaluation",
)
def get_evaluation(
    session: DatabaseSession, principal: CallerPrincipal, meeting: MeetingCode
) -> MeetingEvaluationResource:
    """Every state of the meeting rated in every area, with the evidence you may read."""
    evaluation = as_seen_by(evaluate_meeting(session, meeting), drafts_readable_by(principal))
    return MeetingEvaluationResource.model_validate(evaluation_to_data(evaluation))


@router.get(
    "/evaluations/{meeting}/{country}",
    response_model=StateEvaluationResource,
    response_model_exclude_unset=True,
    summary="A state's evaluation",
)
def get_state_evaluation(
    session: DatabaseSession,
    principal: CallerPrincipal,
    meeting: MeetingCode,
    country: CountryCode,
) -> StateEvaluationResource:
    """One state's scorecard at the meeting; 404 when it has no section in its documents."""
    state = state_as_seen_by(
        evaluate_state(session, meeting, country), drafts_readable_by(principal)
    )
    return StateEvaluationResource.model_validate(state_to_data(state))


@router.get(
    "/evaluations/{meeting}/{country}/changes",
    response_model=AreaChangeList,
    summary="Changes since an earlier meeting",
)
def get_changes(
    session: DatabaseSession,
    principal: CallerPrincipal,
    meeting: MeetingCode,
    country: CountryCode,
    since: RequiredMeeting,
) -> AreaChangeList:
    """Each area's rating at ``since`` and at the meeting, and whether it improved; a rating
    that awaits confirmation is null unless you may see the state's drafts."""
    changes = compare_rounds(session, country, since, meeting, drafts_readable_by(principal))
    items = [AreaChangeResource.model_validate(change, from_attributes=True) for change in changes]
    return AreaChangeList(
        country=country, since=since, meeting=meeting, items=items, total=len(items)
    )


@router.post(
    "/evaluations/{meeting}/{country}/{area}/confirm",
    response_model=AreaEvaluationResource,
    response_model_exclude_unset=True,
    summary="Confirm a rating",
)
def confirm_area_rating(
    session: DatabaseSession,
    principal: SignedInPrincipal,
    meeting: MeetingCode,
    country: CountryCode,
    area: AreaIdentifier,
    body: ConfirmRatingRequest,
) -> AreaEvaluationResource:
    """Confirm the proposed rating, or set another (``rating``), with an optional note.

    The secretariat only, never for its own state; a rating above no_information needs evidence.
    """
    evaluation = confirm_rating(session, principal, meeting, country, area, body.rating, body.note)
    return AreaEvaluationResource.model_validate(area_to_data(evaluation))
