"""The follow-up of adopted recommendations at a later meeting.

Each adopted recommendation has a follow-up status: the one the secretariat set (audited as
``recommendation.follow_up``), else one computed from that meeting's evaluation, with the sentences
behind it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.orm import Session

from vigia.domain import AreaEvaluation, FollowUpStatus, MeetingEvaluation, Rating, StateEvaluation
from vigia.errors import InvalidValue
from vigia.evaluate.consistency import FIGURE_DISAGREEMENT, Inconsistency, list_inconsistencies
from vigia.evaluate.gaps import AREA_WITHOUT_EVIDENCE, CORE_INDICATOR_MISSING, FIGURE_CONTRADICTION
from vigia.evaluate.meetings import UnknownMeeting, meeting_codes, meeting_order
from vigia.evaluate.recommendations import (
    ADOPTED,
    FOLLOW_UPS,
    RecommendationView,
    checked_note,
    recommendation_manager,
    recommendation_order,
    recommendation_row,
    recommendation_statement,
    recommendation_to_data,
    recommendation_view,
    recommendation_views,
)
from vigia.evaluate.scorecard import evaluate_meeting, has_evidence
from vigia.permissions import Principal
from vigia.store import audit
from vigia.store.models import FollowUpRow, RecommendationRow
from vigia.store.transactions import committed

AREA_PROGRESS = {
    Rating.SUBSTANTIAL_EVIDENCE: FollowUpStatus.IMPLEMENTED,
    Rating.SOME_EVIDENCE: FollowUpStatus.IMPLEMENTED,
    Rating.MENTIONED_ONLY: FollowUpStatus.IN_PROGRESS,
    Rating.NO_INFORMATION: FollowUpStatus.NOT_STARTED,
}


@dataclass(frozen=True)
class EvidenceItem:
    """A sentence behind a follow-up status, and the document it comes from."""

    document: str
    text: str


@dataclass(frozen=True)
class FollowUpView:
    """An adopted recommendation's status at a later ``meeting``.

    ``status`` is the one the secretariat set (``computed`` False) or else ``computed_status``,
    which the rules derive from the meeting's evaluation; ``evidence`` supports the computed one.
    """

    recommendation: RecommendationView
    meeting: str
    status: FollowUpStatus
    computed: bool
    computed_status: FollowUpStatus
    evidence: tuple[EvidenceItem, ...] = ()
    note: str | None = None
    set_by: int | None = None
    set_at: datetime | None = None


# --- Follow-up ----------------------------------------------------------------------------------


def follow_up(
    session: Session, meeting: str, evaluation: MeetingEvaluation | None = None
) -> list[FollowUpView]:
    """Every recommendation adopted at an earlier meeting, with its status at ``meeting``;
    ``evaluation`` is the meeting's, when the caller has already made it.

    Raises :class:`~vigia.evaluate.meetings.UnknownMeeting` when nothing of ``meeting`` is stored.
    """
    if evaluation is None:
        evaluation = evaluate_meeting(session, meeting)
    later = meeting_order(meeting)
    statement = recommendation_statement().where(RecommendationRow.status == ADOPTED)
    rows = [row for row in session.scalars(statement) if meeting_order(row.meeting) < later]
    rows.sort(key=recommendation_order)
    context = _FollowUpContext(session, evaluation)
    return [context.view(recommendation_view(row)) for row in rows]


def set_follow_up(
    session: Session,
    principal: Principal,
    recommendation_id: int,
    meeting: str,
    status: FollowUpStatus | str,
    note: str | None = None,
) -> FollowUpView:
    """Set an adopted recommendation's status at a later ``meeting`` (replacing one set before).

    Audited as ``recommendation.follow_up``.
    """
    with committed(session):
        actor = recommendation_manager(session, principal)
        row = recommendation_row(session, recommendation_id)
        chosen = _follow_up_status(status)
        _check_follow_up_meeting(session, row, meeting)
        follow_up_row, before = _follow_up_row(row, meeting)
        follow_up_row.status = chosen.value
        follow_up_row.note = checked_note(note)
        follow_up_row.set_by = actor.id
        follow_up_row.set_at = datetime.now(UTC)
        session.add(follow_up_row)
        session.flush()
        after = _follow_up_snapshot(follow_up_row)
        audit.record(
            session, actor, "recommendation.follow_up", FOLLOW_UPS, follow_up_row.id, before, after
        )
    view = recommendation_views(session, [recommendation_id])[0]
    return _FollowUpContext(session, evaluate_meeting(session, meeting)).view(view)


def _follow_up_status(status: object) -> FollowUpStatus:
    try:
        return FollowUpStatus(str(status))
    except ValueError:
        known = ", ".join(item.value for item in FollowUpStatus)
        raise InvalidValue(f"unknown follow-up status {status!r}: one of {known}") from None


def _check_follow_up_meeting(session: Session, row: RecommendationRow, meeting: str) -> None:
    if row.status != ADOPTED:
        raise InvalidValue(
            f"recommendation {row.id} is {row.status}: only adopted recommendations are followed up"
        )
    if meeting not in meeting_codes(session):
        raise UnknownMeeting(f"no stored document belongs to meeting {meeting!r}")
    if meeting_order(meeting) <= meeting_order(row.meeting):
        raise InvalidValue(
            f"recommendation {row.id} was made at {row.meeting}: it is followed up at later"
            f" meetings only, not at {meeting}"
        )


def _follow_up_row(
    row: RecommendationRow, meeting: str
) -> tuple[FollowUpRow, dict[str, Any] | None]:
    existing = next((item for item in row.follow_ups if item.meeting == meeting), None)
    if existing is not None:
        return existing, _follow_up_snapshot(existing)
    created = FollowUpRow(recommendation_id=row.id, meeting=meeting)
    row.follow_ups.append(created)
    return created, None


def _follow_up_snapshot(row: FollowUpRow) -> dict[str, Any]:
    return {
        "recommendation_id": row.recommendation_id,
        "meeting": row.meeting,
        "status": row.status,
        "note": row.note,
        "set_by": row.set_by,
    }


class _FollowUpContext:
    """What the follow-up statuses at one meeting are computed from."""

    def __init__(self, session: Session, evaluation: MeetingEvaluation) -> None:
        self.session = session
        self.evaluation = evaluation
        self._disagreements: list[Inconsistency] | None = None

    def view(self, recommendation: RecommendationView) -> FollowUpView:
        computed, evidence = self.computed(recommendation)
        meeting = self.evaluation.meeting
        record = next((item for item in recommendation.follow_ups if item.meeting == meeting), None)
        return FollowUpView(
            recommendation=recommendation,
            meeting=meeting,
            status=computed if record is None else record.status,
            computed=record is None,
            computed_status=computed,
            evidence=evidence,
            note=None if record is None else record.note,
            set_by=None if record is None else record.set_by,
            set_at=None if record is None else record.set_at,
        )

    def computed(
        self, recommendation: RecommendationView
    ) -> tuple[FollowUpStatus, tuple[EvidenceItem, ...]]:
        state = self.evaluation.state(recommendation.country)
        if state is None:
            return FollowUpStatus.NO_INFORMATION, ()
        if recommendation.finding == AREA_WITHOUT_EVIDENCE:
            return _area_follow_up(state, recommendation.area)
        if recommendation.finding == CORE_INDICATOR_MISSING:
            return _indicator_follow_up(state, recommendation.area, recommendation.indicator)
        if recommendation.finding == FIGURE_CONTRADICTION:
            return self._contradiction_follow_up(state, recommendation.indicator)
        return FollowUpStatus.NO_INFORMATION, ()

    def disagreements(self) -> list[Inconsistency]:
        """Figure disagreements among the documents of this meeting and earlier ones."""
        if self._disagreements is None:
            later = meeting_order(self.evaluation.meeting)
            self._disagreements = [
                finding
                for finding in list_inconsistencies(self.session)
                if finding.code == FIGURE_DISAGREEMENT
                and all(meeting_order(item) <= later for item in finding.meetings)
            ]
        return self._disagreements

    def _contradiction_follow_up(
        self, state: StateEvaluation, indicator: str | None
    ) -> tuple[FollowUpStatus, tuple[EvidenceItem, ...]]:
        left = [
            finding
            for finding in self.disagreements()
            if finding.country == state.country and finding.indicator == indicator
        ]
        if left:
            sources = (pair for finding in left for pair in finding.sources)
            return FollowUpStatus.IN_PROGRESS, _items(sources)
        return FollowUpStatus.IMPLEMENTED, _figure_items(state, indicator)


def _area_follow_up(
    state: StateEvaluation, area: str | None
) -> tuple[FollowUpStatus, tuple[EvidenceItem, ...]]:
    evaluation = None if area is None else state.area(area)
    if evaluation is None:
        return FollowUpStatus.NO_INFORMATION, ()
    return AREA_PROGRESS[evaluation.rating], _area_items(evaluation)


def _indicator_follow_up(
    state: StateEvaluation, area: str | None, indicator: str | None
) -> tuple[FollowUpStatus, tuple[EvidenceItem, ...]]:
    if indicator in state.indicators_reported:
        return FollowUpStatus.IMPLEMENTED, _figure_items(state, indicator)
    evaluation = None if area is None else state.area(area)
    if evaluation is not None and has_evidence(evaluation):
        return FollowUpStatus.IN_PROGRESS, _area_items(evaluation)
    return FollowUpStatus.NOT_STARTED, ()


def _area_items(evaluation: AreaEvaluation) -> tuple[EvidenceItem, ...]:
    sentences = [(item.document, item.text) for item in evaluation.evidence]
    figures = [(item.document, item.text) for item in evaluation.figures]
    return _items([*sentences, *figures])


def _figure_items(state: StateEvaluation, indicator: str | None) -> tuple[EvidenceItem, ...]:
    return _items(
        (figure.document, figure.text)
        for area in state.areas
        for figure in area.figures
        if figure.indicator == indicator
    )


def _items(pairs: Iterable[tuple[str, str]]) -> tuple[EvidenceItem, ...]:
    return tuple(EvidenceItem(document, text) for document, text in dict.fromkeys(pairs))


def follow_up_to_data(view: FollowUpView) -> dict[str, Any]:
    """A follow-up status as JSON: the recommendation, the status and what supports it."""
    return {
        "recommendation": recommendation_to_data(view.recommendation),
        "meeting": view.meeting,
        "status": view.status.value,
        "computed": view.computed,
        "computed_status": view.computed_status.value,
        "note": view.note,
        "set_by": view.set_by,
        "set_at": None if view.set_at is None else view.set_at.isoformat(),
        "evidence": [{"document": item.document, "text": item.text} for item in view.evidence],
    }
