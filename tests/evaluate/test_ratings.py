"""Confirming ratings: the secretariat confirms, never a reviewer from the state rated."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from tests.evaluate.reports import (
    RTP4_SPANISH,
    Reviewers,
    StoreReports,
    evaluation_session,
    reviewers,
    store_reports,
)
from vigia.domain import Rating
from vigia.errors import InvalidValue, PermissionDenied
from vigia.evaluate.ratings import confirm_rating
from vigia.evaluate.scorecard import evaluate_state
from vigia.store.models import AuditLogRow

__all__ = ["evaluation_session", "reviewers", "store_reports"]


def _rated_area(session: Session, country: str) -> str:
    state = evaluate_state(session, "RTP-IV", country)
    return next(area.area for area in state.areas if area.rating != Rating.NO_INFORMATION)


def test_confirm_rating_refused_to_a_reviewer_from_the_rated_state(
    evaluation_session: Session, store_reports: StoreReports, reviewers: Reviewers
) -> None:
    store_reports(RTP4_SPANISH)
    area = _rated_area(evaluation_session, "CRI")
    with pytest.raises(PermissionDenied, match="from CRI may not confirm CRI"):
        confirm_rating(evaluation_session, reviewers.focal_point_cri, "RTP-IV", "CRI", area)
    assert not evaluate_state(evaluation_session, "RTP-IV", "CRI").area(area).confirmed  # type: ignore[union-attr]


def test_confirm_rating_refused_to_a_focal_point_of_another_state(
    evaluation_session: Session, store_reports: StoreReports, reviewers: Reviewers
) -> None:
    store_reports(RTP4_SPANISH)
    area = _rated_area(evaluation_session, "CRI")
    with pytest.raises(PermissionDenied, match="only the secretariat"):
        confirm_rating(evaluation_session, reviewers.focal_point_arg, "RTP-IV", "CRI", area)


def test_confirm_rating_by_the_secretariat_is_kept_and_audited(
    evaluation_session: Session, store_reports: StoreReports, reviewers: Reviewers
) -> None:
    store_reports(RTP4_SPANISH)
    area = _rated_area(evaluation_session, "CRI")

    confirmed = confirm_rating(
        evaluation_session,
        reviewers.secretariat,
        "RTP-IV",
        "CRI",
        area,
        Rating.MENTIONED_ONLY,
        "thin",
    )

    assert confirmed.confirmed_by == "secretariat@example.org"
    assert confirmed.rating == Rating.MENTIONED_ONLY and confirmed.note == "thin"
    state = evaluate_state(evaluation_session, "RTP-IV", "CRI")
    assert state.area(area).rating == Rating.MENTIONED_ONLY  # type: ignore[union-attr]
    actions = evaluation_session.scalars(select(AuditLogRow.action)).all()
    assert "rating.confirm" in actions


def test_confirm_rating_without_a_rating_keeps_the_proposal(
    evaluation_session: Session, store_reports: StoreReports, reviewers: Reviewers
) -> None:
    store_reports(RTP4_SPANISH)
    area = _rated_area(evaluation_session, "ARG")
    proposed = evaluate_state(evaluation_session, "RTP-IV", "ARG").area(area).proposed_rating  # type: ignore[union-attr]
    confirmed = confirm_rating(evaluation_session, reviewers.secretariat, "RTP-IV", "ARG", area)
    assert confirmed.rating == proposed and confirmed.confirmed


def test_confirm_rating_above_no_information_needs_evidence(
    evaluation_session: Session, store_reports: StoreReports, reviewers: Reviewers
) -> None:
    store_reports(RTP4_SPANISH)
    states = [evaluate_state(evaluation_session, "RTP-IV", c) for c in ("ARG", "CRI", "PER", "BOL")]
    country, area = next(
        (state.country, item.area)
        for state in states
        for item in state.areas
        if item.rating == Rating.NO_INFORMATION
    )
    with pytest.raises(InvalidValue, match="no evidence"):
        confirm_rating(
            evaluation_session, reviewers.secretariat, "RTP-IV", country, area, "some_evidence"
        )


def test_confirm_rating_refuses_an_unknown_rating_or_area(
    evaluation_session: Session, store_reports: StoreReports, reviewers: Reviewers
) -> None:
    store_reports(RTP4_SPANISH)
    with pytest.raises(InvalidValue, match="unknown rating"):
        confirm_rating(
            evaluation_session, reviewers.secretariat, "RTP-IV", "CRI", "training", "good"
        )
    with pytest.raises(InvalidValue, match="unknown area"):
        confirm_rating(evaluation_session, reviewers.secretariat, "RTP-IV", "CRI", "sports")
