"""What of an evaluation a caller may see: nothing a machine proposed is public until confirmed.

The rules propose a rating for every state and area as soon as a document is stored; those
proposals are drafts. A caller who may read a state's unpublished facts (the secretariat, the
state's own focal point: :func:`vigia.permissions.can_read_unpublished`) sees them all, with
the sentences and figures behind them. Anyone else sees, for that state, only the ratings the
secretariat confirmed; an unconfirmed area is *withheld*: its rating is replaced by
``no_information`` and marked so, its proposal, sentences, figures and activities are dropped, so
that no path that forgets to look at the mark can show a draft. The indicators a state reported or
missed come from unpublished facts too, and are dropped as well.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from sqlalchemy.orm import Session

from vigia.domain import AreaEvaluation, FollowUpStatus, MeetingEvaluation, Rating, StateEvaluation
from vigia.evaluate.follow_up import FollowUpView, follow_up
from vigia.evaluate.recommendations import ADOPTED, RecommendationView
from vigia.permissions import Principal, can_read_unpublished


def drafts_readable_by(principal: Principal) -> Callable[[str], bool]:
    """Whether ``principal`` may see the drafts (and evidence) of a country's evaluation."""
    return lambda country: can_read_unpublished(principal, country)


def as_seen_by(
    evaluation: MeetingEvaluation, sees_drafts: Callable[[str], bool]
) -> MeetingEvaluation:
    """``evaluation`` as a caller sees it, who ``sees_drafts`` of some countries."""
    return replace(
        evaluation, states=[state_as_seen_by(state, sees_drafts) for state in evaluation.states]
    )


def state_as_seen_by(state: StateEvaluation, sees_drafts: Callable[[str], bool]) -> StateEvaluation:
    if sees_drafts(state.country):
        return state
    return replace(
        state,
        areas=[_public_area(area) for area in state.areas],
        indicators_reported=[],
        indicators_missing=[],
    )


def _public_area(area: AreaEvaluation) -> AreaEvaluation:
    if not area.confirmed:
        return AreaEvaluation(
            area=area.area,
            rating=Rating.NO_INFORMATION,
            proposed_rating=Rating.NO_INFORMATION,
            withheld=True,
        )
    return AreaEvaluation(
        area=area.area,
        rating=area.rating,
        proposed_rating=area.rating,
        confirmed_by=area.confirmed_by,
        note=area.note,
    )


def follow_ups_as_seen_by(
    views: list[FollowUpView], sees_drafts: Callable[[str], bool]
) -> list[FollowUpView]:
    """The follow-ups a caller sees: those the secretariat set, and the computed ones (drafts) of
    the states whose drafts the caller ``sees_drafts``."""
    return [view for view in views if not view.computed or sees_drafts(view.recommendation.country)]


def latest_follow_ups(
    session: Session,
    meetings: list[str],
    recommendations: list[RecommendationView],
    sees_drafts: Callable[[str], bool] = lambda _country: True,
) -> dict[int, FollowUpView]:
    """Each adopted recommendation's follow-up at the latest meeting with evidence about it.

    That is the last of ``meetings`` (oldest first) after the recommendation's own where the
    secretariat set a status or the evidence gives one (the state reported); when there is none,
    the last meeting, where the status is "no information". By recommendation id. Computed
    statuses are drafts: only those of states the caller ``sees_drafts`` of are considered.
    """
    waiting = {item.id for item in recommendations if item.status == ADOPTED}
    chosen: dict[int, FollowUpView] = {}
    for meeting in reversed(meetings):
        if not waiting:
            break
        for view in follow_ups_as_seen_by(follow_up(session, meeting), sees_drafts):
            identifier = view.recommendation.id
            if identifier not in waiting:
                continue
            if identifier not in chosen or _says_something(view):
                chosen[identifier] = view
            if _says_something(view):
                waiting.discard(identifier)
    return chosen


def _says_something(view: FollowUpView) -> bool:
    return not view.computed or view.computed_status != FollowUpStatus.NO_INFORMATION
