"""``/api/v1/recommendations``: drafting, editing, adopting and withdrawing recommendations, and
their follow-up."""

from __future__ import annotations

from typing import Any

from vigia.evaluate.follow_up import follow_up, follow_up_to_data, set_follow_up
from vigia.evaluate.recommendations import (
    ADOPTED,
    adopt_recommendation,
    change_recommendations,
    draft_recommendations,
    edit_recommendation,
    list_recommendations,
    recommendation_to_data,
    withdraw_recommendation,
)
from vigia.evaluate.visibility import drafts_readable_by, follow_ups_as_seen_by
from vigia.permissions import can_manage_recommendations
from vigia.web.dependencies import DatabaseSession
from vigia.web.evaluation_schemas import (
    BulkRecommendationRequest,
    DraftRequest,
    FollowUpList,
    FollowUpRequest,
    FollowUpResource,
    RecommendationList,
    RecommendationResource,
    TextRequest,
    WithdrawRequest,
)
from vigia.web.parameters import CountryParameter, MeetingParameter
from vigia.web.routers.evaluation.common import (
    CallerPrincipal,
    Identifier,
    MeetingCode,
    RecommendationStatus,
    RequiredMeeting,
    SignedInPrincipal,
    evaluation_router,
)

router = evaluation_router()


def _recommendation(data: dict[str, Any]) -> RecommendationResource:
    return RecommendationResource.model_validate(data)


@router.get("/recommendations", response_model=RecommendationList, summary="Recommendations")
def get_recommendations(
    session: DatabaseSession,
    principal: CallerPrincipal,
    meeting: MeetingParameter = None,
    country: CountryParameter = None,
    status_wanted: RecommendationStatus = None,
) -> RecommendationList:
    """Adopted recommendations; the secretariat also sees drafts and withdrawn ones."""
    views = list_recommendations(session, meeting, country, status_wanted)
    manages = can_manage_recommendations(principal)
    items = [
        _recommendation(recommendation_to_data(view))
        for view in views
        if manages or view.status == ADOPTED
    ]
    return RecommendationList(items=items, total=len(items))


@router.post(
    "/recommendations/draft", response_model=RecommendationList, summary="Draft recommendations"
)
def post_draft(
    session: DatabaseSession, principal: SignedInPrincipal, body: DraftRequest
) -> RecommendationList:
    """Draft one recommendation per gap of the meeting not drafted yet (only one ``country``'s
    or one ``area``'s when given); answers the new ones."""
    views = draft_recommendations(
        session, principal, body.meeting, body.language, country=body.country, area=body.area
    )
    items = [_recommendation(recommendation_to_data(view)) for view in views]
    return RecommendationList(items=items, total=len(items))


@router.post(
    "/recommendations/bulk", response_model=RecommendationList, summary="Adopt or withdraw many"
)
def post_bulk(
    session: DatabaseSession, principal: SignedInPrincipal, body: BulkRecommendationRequest
) -> RecommendationList:
    """Adopt or withdraw the recommendations ``ids``, all or none (the secretariat): the first
    refused stops everything and is named in the error."""
    views = change_recommendations(session, principal, body.ids, body.action, body.note)
    items = [_recommendation(recommendation_to_data(view)) for view in views]
    return RecommendationList(items=items, total=len(items))


@router.get(
    "/recommendations/follow-up", response_model=FollowUpList, summary="Follow-up at a meeting"
)
def get_follow_up(
    session: DatabaseSession, principal: CallerPrincipal, meeting: RequiredMeeting
) -> FollowUpList:
    """Every recommendation adopted before ``meeting``, with its status there and the evidence;
    a status the rules computed (a draft) only for who may see the state's drafts."""
    views = follow_ups_as_seen_by(follow_up(session, meeting), drafts_readable_by(principal))
    items = [FollowUpResource.model_validate(follow_up_to_data(view)) for view in views]
    return FollowUpList(items=items, total=len(items))


@router.patch(
    "/recommendations/{recommendation_id}",
    response_model=RecommendationResource,
    summary="Edit a recommendation",
)
def patch_recommendation(
    session: DatabaseSession,
    principal: SignedInPrincipal,
    recommendation_id: Identifier,
    body: TextRequest,
) -> RecommendationResource:
    """Replace the text of a draft or adopted recommendation (the secretariat)."""
    view = edit_recommendation(session, principal, recommendation_id, body.text)
    return _recommendation(recommendation_to_data(view))


@router.post(
    "/recommendations/{recommendation_id}/adopt",
    response_model=RecommendationResource,
    summary="Adopt a recommendation",
)
def post_adoption(
    session: DatabaseSession, principal: SignedInPrincipal, recommendation_id: Identifier
) -> RecommendationResource:
    """Adopt a draft: from then on it is followed up at later meetings (the secretariat)."""
    view = adopt_recommendation(session, principal, recommendation_id)
    return _recommendation(recommendation_to_data(view))


@router.post(
    "/recommendations/{recommendation_id}/withdraw",
    response_model=RecommendationResource,
    summary="Withdraw a recommendation",
)
def post_withdrawal(
    session: DatabaseSession,
    principal: SignedInPrincipal,
    recommendation_id: Identifier,
    body: WithdrawRequest | None = None,
) -> RecommendationResource:
    """Withdraw a recommendation for good; an optional ``note`` goes to the audit log."""
    note = None if body is None else body.note
    view = withdraw_recommendation(session, principal, recommendation_id, note)
    return _recommendation(recommendation_to_data(view))


@router.put(
    "/recommendations/{recommendation_id}/follow-ups/{meeting}",
    response_model=FollowUpResource,
    summary="Set a follow-up status",
)
def put_follow_up(
    session: DatabaseSession,
    principal: SignedInPrincipal,
    recommendation_id: Identifier,
    meeting: MeetingCode,
    body: FollowUpRequest,
) -> FollowUpResource:
    """Set an adopted recommendation's status at a later meeting, with an optional note."""
    view = set_follow_up(session, principal, recommendation_id, meeting, body.status, body.note)
    return FollowUpResource.model_validate(follow_up_to_data(view))
