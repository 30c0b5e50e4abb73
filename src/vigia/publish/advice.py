"""The recommendations in a state's profile: those made at the meeting, and those of earlier
meetings with their follow-up status at it (:mod:`vigia.evaluate.follow_up`).

A public report shows adopted recommendations only. A follow-up status the rules computed from
unconfirmed ratings is a proposal, as those ratings are: the public report says it is not yet
confirmed, a draft shows it marked as a draft.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from vigia.evaluate.follow_up import follow_up
from vigia.evaluate.recommendations import (
    ADOPTED,
    DRAFT,
    recommendation_order,
    recommendation_statement,
)
from vigia.publish.model import Advice, Report
from vigia.store.models import RecommendationRow


def add_recommendations(session: Session, report: Report) -> None:
    """Each profile's recommendations: this meeting's first, then earlier ones'."""
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
    for view in follow_up(session, report.meeting):
        made = view.recommendation
        if made.country in profiles:
            profiles[made.country].recommendations.append(
                Advice(
                    made.meeting, made.area, made.text, view.status.value, not view.computed, False
                )
            )
