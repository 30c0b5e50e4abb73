"""Confirming the ratings the rules propose: by the secretariat, never by the state rated."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from vigia.domain import AreaEvaluation, Rating
from vigia.errors import InvalidValue, NotFound, PermissionDenied
from vigia.evaluate.scorecard import evaluate_state, has_evidence
from vigia.permissions import Principal, can_confirm_rating
from vigia.plans import AREAS
from vigia.store import audit
from vigia.store.acting import active_user
from vigia.store.models import RatingReviewRow, UserRow
from vigia.store.transactions import committed

MAX_NOTE = 2000


def confirm_rating(
    session: Session,
    principal: Principal,
    meeting: str,
    country: str,
    area: str,
    rating: Rating | str | None = None,
    note: str | None = None,
) -> AreaEvaluation:
    """Confirm the proposed rating (``rating`` None) or set another one, with an optional note.

    A rating above "no information" needs evidence behind it. Audited as ``rating.confirm``.
    """
    with committed(session):
        user = _reviewer(session, principal, country)
        chosen = _chosen_rating(session, meeting, country, area, rating)
        row, before = _review_row(session, meeting, country, area)
        row.proposed_rating = chosen[1].value
        row.rating = chosen[0].value
        row.note = _note(note)
        row.reviewed_by = user.id
        row.reviewed_at = datetime.now(UTC)
        session.flush()
        audit.record(
            session, user, "rating.confirm", "rating_reviews", row.id, before, _snapshot(row)
        )
    evaluation = evaluate_state(session, meeting, country).area(area)
    assert evaluation is not None
    return evaluation


def _reviewer(session: Session, principal: Principal, country: str) -> UserRow:
    if not can_confirm_rating(principal, country):
        if principal.country == country:
            raise PermissionDenied(f"a reviewer from {country} may not confirm {country}'s ratings")
        raise PermissionDenied("only the secretariat confirms ratings")
    user = active_user(session, principal)
    return user


def _chosen_rating(
    session: Session, meeting: str, country: str, area: str, rating: Rating | str | None
) -> tuple[Rating, Rating]:
    if area not in AREAS:
        raise InvalidValue(f"unknown area {area!r}: use one of {', '.join(AREAS)}")
    evaluation = evaluate_state(session, meeting, country).area(area)
    if evaluation is None:
        raise NotFound(f"no area {area!r} for {country} at {meeting}")
    try:
        chosen = evaluation.proposed_rating if rating is None else Rating(rating)
    except ValueError:
        known = ", ".join(item.value for item in Rating)
        raise InvalidValue(f"unknown rating {rating!r}: use one of {known}") from None
    if chosen != Rating.NO_INFORMATION and not has_evidence(evaluation):
        raise InvalidValue(
            f"{country} has no evidence in {area} at {meeting}: rate it no_information"
        )
    return chosen, evaluation.proposed_rating


def _review_row(
    session: Session, meeting: str, country: str, area: str
) -> tuple[RatingReviewRow, dict[str, Any] | None]:
    statement = select(RatingReviewRow).where(
        RatingReviewRow.meeting == meeting,
        RatingReviewRow.country == country,
        RatingReviewRow.area == area,
    )
    row = session.scalar(statement)
    if row is not None:
        return row, _snapshot(row)
    row = RatingReviewRow(meeting=meeting, country=country, area=area)
    session.add(row)
    return row, None


def _note(note: str | None) -> str | None:
    if note is None or not note.strip():
        return None
    if len(note) > MAX_NOTE:
        raise InvalidValue(f"the note is longer than {MAX_NOTE} characters")
    return note.strip()


def _snapshot(row: RatingReviewRow) -> dict[str, Any]:
    return {
        "meeting": row.meeting,
        "country": row.country,
        "area": row.area,
        "proposed_rating": row.proposed_rating,
        "rating": row.rating,
        "note": row.note,
    }
