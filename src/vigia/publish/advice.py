"""The exchange with each state in its profile: the recommendations made at the meeting, those of
earlier meetings with their follow-up status at it (:mod:`vigia.evaluate.follow_up`), and, in a
draft, the state's observations on the Work Plan and whether they were answered.

A public report shows adopted recommendations only. A follow-up status the rules computed from
unconfirmed ratings is a proposal, as those ratings are: the public report says it is not yet
confirmed, a draft shows it marked as a draft. Observations are read only by signed-in people on the
site, so only a draft shows them.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from vigia.domain import MeetingEvaluation
from vigia.evaluate.follow_up import follow_up
from vigia.evaluate.recommendations import (
    ADOPTED,
    DRAFT,
    recommendation_order,
    recommendation_statement,
)
from vigia.publish.model import Advice, Remark, Report
from vigia.store.models import ObservationRow, RecommendationRow


def add_recommendations(session: Session, report: Report, evaluation: MeetingEvaluation) -> None:
    """Each profile's recommendations: this meeting's first, then earlier ones' with their
    follow-up, computed from ``evaluation`` (the meeting's, as stored: not a public view)."""
    profiles = {profile.country: profile for profile in report.profiles}
    shown = (ADOPTED, DRAFT) if report.draft else (ADOPTED,)
    statement = recommendation_statement().where(
        RecommendationRow.meeting == report.meeting,
        RecommendationRow.status.in_(shown),
        RecommendationRow.country.in_(list(profiles)),
    )
    for row in sorted(session.scalars(statement), key=recommendation_order):
        profiles[row.country].recommendations.append(
            Advice(row.meeting, row.area, row.text, None, True, row.status != ADOPTED)
        )
    for view in follow_up(session, report.meeting, evaluation):
        made = view.recommendation
        if made.country in profiles:
            profiles[made.country].recommendations.append(
                Advice(
                    made.meeting, made.area, made.text, view.status.value, not view.computed, False
                )
            )


def add_observations(session: Session, report: Report) -> None:
    """In a draft, each state's observations on the report's Work Plan, oldest first, with the
    number of answers each has."""
    if not report.draft or report.plan is None:
        return
    profiles = {profile.country: profile for profile in report.profiles}
    answer = aliased(ObservationRow)
    statement = (
        select(ObservationRow, func.count(answer.id))
        .outerjoin(answer, answer.parent_id == ObservationRow.id)
        .where(ObservationRow.plan == report.plan, ObservationRow.parent_id.is_(None))
        .where(ObservationRow.country.in_(list(profiles)))
        .group_by(ObservationRow.id)
        .order_by(ObservationRow.created_at, ObservationRow.id)
    )
    for row, answers in session.execute(statement):
        profiles[row.country or ""].observations.append(
            Remark(row.activity, row.text, row.created_at.date(), answers)
        )
