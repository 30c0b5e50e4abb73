"""Gaps in a meeting's evaluation, the recommendations drafted from them, and their follow-up.

A *gap* is a :class:`~vigia.domain.Finding` about one state at one meeting:

- ``area_without_evidence``: the state is rated ``no_information`` in an area;
- ``core_indicator_missing``: a core indicator of the plan is not reported
  (:attr:`~vigia.domain.StateEvaluation.indicators_missing`);
- ``figure_contradiction``: documents disagree on one of the state's figures
  (:mod:`vigia.evaluate.consistency`, ``figure_disagreement``), one of them from this meeting.

The secretariat drafts one recommendation per gap (from the templates of
``data/recommendations.json``), edits, adopts or withdraws them. At a later meeting, each adopted
recommendation has a follow-up status: the one the secretariat set, else one computed from that
meeting's evaluation, with the sentences behind it.

Write functions follow :mod:`vigia.services.review`: check the principal may act (the secretariat,
:func:`~vigia.store.permissions.can_manage_recommendations`), check the input, change, audit
(``recommendation.draft``, ``.edit``, ``.adopt``, ``.withdraw``, ``.follow_up``) and commit in one
transaction; on failure roll back and raise an error whose message is fit to show a user.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, selectinload

from vigia.domain import (
    LANGUAGES,
    AreaEvaluation,
    Finding,
    FollowUpStatus,
    MeetingEvaluation,
    Rating,
    StateEvaluation,
)
from vigia.evaluate.consistency import (
    FIGURE_DISAGREEMENT,
    Inconsistency,
    country_name,
    indicator_label,
    list_inconsistencies,
)
from vigia.evaluate.meetings import UnknownMeeting, meeting_codes, meeting_order
from vigia.evaluate.plan_store import all_plans
from vigia.evaluate.scorecard import evaluate_meeting, has_evidence, indicator_areas
from vigia.plans import area_labels
from vigia.reference import indicators, load_data_file
from vigia.store import audit
from vigia.store.errors import InvalidValue, NotFound, PermissionDenied
from vigia.store.models import (
    RECOMMENDATION_STATUSES,
    FollowUpRow,
    RecommendationRow,
    UserRow,
)
from vigia.store.permissions import Principal, can_manage_recommendations
from vigia.store.transactions import committed

AREA_WITHOUT_EVIDENCE = "area_without_evidence"
CORE_INDICATOR_MISSING = "core_indicator_missing"
FIGURE_CONTRADICTION = "figure_contradiction"
GAP_CODES = (AREA_WITHOUT_EVIDENCE, CORE_INDICATOR_MISSING, FIGURE_CONTRADICTION)
DRAFT, ADOPTED, WITHDRAWN = RECOMMENDATION_STATUSES
RECOMMENDATIONS = RecommendationRow.__tablename__
FOLLOW_UPS = FollowUpRow.__tablename__
MAX_TEXT_LENGTH = 5000
MAX_NOTE_LENGTH = 2000
LARGEST_ID = 2**31 - 1
#: The follow-up of an area recommendation, by the area's rating at the later meeting.
AREA_PROGRESS = {
    Rating.SUBSTANTIAL_EVIDENCE: FollowUpStatus.IMPLEMENTED,
    Rating.SOME_EVIDENCE: FollowUpStatus.IMPLEMENTED,
    Rating.MENTIONED_ONLY: FollowUpStatus.IN_PROGRESS,
    Rating.NO_INFORMATION: FollowUpStatus.NOT_STARTED,
}


# --- Views --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FollowUpRecord:
    """A follow-up status the secretariat set for a recommendation at a later meeting."""

    meeting: str
    status: FollowUpStatus
    note: str | None
    set_by: int | None
    set_at: datetime


@dataclass(frozen=True)
class RecommendationView:
    """A recommendation as stored, with the follow-ups set for it (oldest meeting first)."""

    id: int
    meeting: str
    country: str
    finding: str
    area: str | None
    indicator: str | None
    text: str
    status: str
    created_at: datetime
    created_by: int | None
    adopted_at: datetime | None
    adopted_by: int | None
    follow_ups: tuple[FollowUpRecord, ...] = ()


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


# --- Texts --------------------------------------------------------------------------------------


@cache
def _texts() -> dict[str, dict[str, dict[str, str]]]:
    data = load_data_file("recommendations.json")
    return {"templates": data["templates"], "gaps": data["gaps"]}


def recommendation_text(gap: Finding, language: str) -> str:
    """The draft recommendation for ``gap`` in ``language`` (es, en, fr, pt)."""
    return _filled(_texts()["templates"][gap.code], gap, language)


def gap_message(gap: Finding, language: str) -> str:
    """What the gap is, in ``language``; findings of other kinds keep their own message."""
    texts = _texts()["gaps"].get(gap.code)
    return gap.message if texts is None else _filled(texts, gap, language)


def _filled(texts: dict[str, str], gap: Finding, language: str) -> str:
    language = language if language in LANGUAGES else "en"
    return texts[language].format(
        country=country_name(gap.country, language),
        area=area_label(gap.area, language),
        indicator=indicator_label(gap.indicator, language),
        year="" if gap.year is None else gap.year,
    )


def area_label(area: str | None, language: str) -> str:
    """An evaluation area's label in ``language``, else its id."""
    if area is None:
        return ""
    return area_labels().get(area, {}).get(language, area)


# --- Gaps ---------------------------------------------------------------------------------------


def find_gaps(session: Session, meeting: str) -> list[Finding]:
    """The gaps of every state evaluated at ``meeting``, by state in the meeting's order.

    Raises :class:`~vigia.evaluate.meetings.UnknownMeeting` when nothing of ``meeting`` is stored.
    """
    evaluation = evaluate_meeting(session, meeting)
    areas_of = _indicator_areas(session, evaluation)
    contradictions = [
        finding
        for finding in list_inconsistencies(session)
        if finding.code == FIGURE_DISAGREEMENT and meeting in finding.meetings
    ]
    gaps: list[Finding] = []
    for state in evaluation.states:
        gaps += _area_gaps(state)
        gaps += _indicator_gaps(state, areas_of)
        gaps += [
            _contradiction_gap(finding)
            for finding in contradictions
            if finding.country == state.country
        ]
    return gaps


def _indicator_areas(session: Session, evaluation: MeetingEvaluation) -> dict[str, str]:
    plan = None if evaluation.plan is None else all_plans(session).get(evaluation.plan)
    if plan is not None:
        return indicator_areas(plan)
    return {name: item.area for name, item in indicators().items() if item.area}


def _gap(code: str, country: str, area: str | None, indicator: str | None = None) -> Finding:
    unworded = Finding(code=code, message="", country=country, area=area, indicator=indicator)
    return Finding(
        code=code,
        message=gap_message(unworded, "en"),
        country=country,
        area=area,
        indicator=indicator,
    )


def _area_gaps(state: StateEvaluation) -> list[Finding]:
    return [
        _gap(AREA_WITHOUT_EVIDENCE, state.country, area.area)
        for area in state.areas
        if area.rating == Rating.NO_INFORMATION
    ]


def _indicator_gaps(state: StateEvaluation, areas_of: dict[str, str]) -> list[Finding]:
    return [
        _gap(CORE_INDICATOR_MISSING, state.country, areas_of.get(name), name)
        for name in state.indicators_missing
    ]


def _contradiction_gap(finding: Inconsistency) -> Finding:
    unworded = Finding(
        code=FIGURE_CONTRADICTION,
        message="",
        country=finding.country,
        area=finding.area,
        indicator=finding.indicator,
        year=finding.year,
    )
    return Finding(
        code=FIGURE_CONTRADICTION,
        message=gap_message(unworded, "en"),
        country=finding.country,
        area=finding.area,
        indicator=finding.indicator,
        year=finding.year,
        evidence=finding.evidence,
    )


# --- Drafting and changing recommendations ------------------------------------------------------


def draft_recommendations(
    session: Session, principal: Principal, meeting: str, language: str = "en"
) -> list[RecommendationView]:
    """Draft one recommendation, in ``language``, per gap of ``meeting`` not drafted yet.

    A gap counts as drafted when a recommendation (in any status) of the same meeting has its
    country, kind of gap, area and indicator. Gives the new drafts; audited as
    ``recommendation.draft``.
    """
    with committed(session):
        actor = _manager(session, principal)
        if language not in LANGUAGES:
            raise InvalidValue(f"unknown language {language!r}: one of {', '.join(LANGUAGES)}")
        drafted = _drafted(session, meeting)
        rows: list[RecommendationRow] = []
        now = datetime.now(UTC)
        for gap in find_gaps(session, meeting):
            key = (gap.country, gap.code, gap.area, gap.indicator)
            if key in drafted:
                continue
            drafted.add(key)
            rows.append(_draft_row(meeting, gap, language, actor, now))
        session.add_all(rows)
        session.flush()
        for row in rows:
            after = _snapshot(row)
            details = {"language": language}
            audit.record(
                session,
                actor,
                "recommendation.draft",
                RECOMMENDATIONS,
                row.id,
                None,
                after,
                details,
            )
        ids = [row.id for row in rows]
    return _views_of(session, ids)


#: What makes a gap already drafted at a meeting: country, kind of gap, area, indicator.
DraftKey = tuple[str | None, str, str | None, str | None]


def _drafted(session: Session, meeting: str) -> set[DraftKey]:
    statement = select(RecommendationRow).where(RecommendationRow.meeting == meeting)
    return {
        (row.country, row.finding, row.area, row.indicator) for row in session.scalars(statement)
    }


def _draft_row(
    meeting: str, gap: Finding, language: str, actor: UserRow, now: datetime
) -> RecommendationRow:
    return RecommendationRow(
        meeting=meeting,
        country=gap.country,
        finding=gap.code,
        area=gap.area,
        indicator=gap.indicator,
        text=recommendation_text(gap, language),
        status=DRAFT,
        created_at=now,
        created_by=actor.id,
    )


def edit_recommendation(
    session: Session, principal: Principal, recommendation_id: int, text: str
) -> RecommendationView:
    """Replace the text of a draft or adopted recommendation (stripped, 1 to 5000 characters)."""

    def edit(row: RecommendationRow, actor: UserRow) -> None:
        _refuse_withdrawn(row, "edited")
        row.text = _text(text)

    return _change(session, principal, recommendation_id, "edit", edit)


def adopt_recommendation(
    session: Session, principal: Principal, recommendation_id: int
) -> RecommendationView:
    """Adopt a draft recommendation: from now on it is followed up at later meetings."""

    def adopt(row: RecommendationRow, actor: UserRow) -> None:
        _refuse_withdrawn(row, "adopted")
        if row.status == ADOPTED:
            raise InvalidValue(f"recommendation {row.id} is already adopted")
        row.status = ADOPTED
        row.adopted_at = datetime.now(UTC)
        row.adopted_by = actor.id

    return _change(session, principal, recommendation_id, "adopt", adopt)


def withdraw_recommendation(
    session: Session, principal: Principal, recommendation_id: int, note: str | None = None
) -> RecommendationView:
    """Withdraw a draft or adopted recommendation for good; ``note`` goes to the audit log."""

    def withdraw(row: RecommendationRow, actor: UserRow) -> None:
        _refuse_withdrawn(row, "withdrawn again")
        row.status = WITHDRAWN

    details = None if note is None else {"note": _note(note)}
    return _change(session, principal, recommendation_id, "withdraw", withdraw, details)


def _change(
    session: Session,
    principal: Principal,
    recommendation_id: int,
    action: str,
    change: Callable[[RecommendationRow, UserRow], None],
    details: dict[str, Any] | None = None,
) -> RecommendationView:
    with committed(session):
        actor = _manager(session, principal)
        row = _recommendation(session, recommendation_id)
        before = _snapshot(row)
        change(row, actor)
        after = _snapshot(row)
        audit.record(
            session,
            actor,
            f"recommendation.{action}",
            RECOMMENDATIONS,
            row.id,
            before,
            after,
            details,
        )
    return _views_of(session, [recommendation_id])[0]


def _manager(session: Session, principal: Principal) -> UserRow:
    """The user acting, once it is known that they may manage recommendations."""
    if not can_manage_recommendations(principal):
        raise PermissionDenied("only the secretariat drafts, adopts and follows up recommendations")
    user = session.get(UserRow, principal.user_id, populate_existing=True)
    if user is None or not user.is_active:
        raise PermissionDenied(f"user {principal.user_id} is unknown or deactivated")
    return user


def _recommendation(session: Session, recommendation_id: int) -> RecommendationRow:
    if (
        isinstance(recommendation_id, bool)
        or not isinstance(recommendation_id, int)
        or not 0 < recommendation_id <= LARGEST_ID
    ):
        raise NotFound(f"no recommendation {recommendation_id!r}")
    statement = (
        select(RecommendationRow)
        .where(RecommendationRow.id == recommendation_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    row = session.scalar(statement)
    if row is None:
        raise NotFound(f"no recommendation {recommendation_id}")
    return row


def _refuse_withdrawn(row: RecommendationRow, done: str) -> None:
    if row.status == WITHDRAWN:
        raise InvalidValue(f"recommendation {row.id} is withdrawn: it can no longer be {done}")


def _text(text: object) -> str:
    if not isinstance(text, str):
        raise InvalidValue(f"a recommendation is text, not {type(text).__name__}")
    stripped = text.strip()
    if not stripped:
        raise InvalidValue("the recommendation's text is empty")
    if len(stripped) > MAX_TEXT_LENGTH:
        raise InvalidValue(
            f"a recommendation has at most {MAX_TEXT_LENGTH} characters, not {len(stripped)}"
        )
    return stripped


def _note(note: object) -> str | None:
    if note is None:
        return None
    if not isinstance(note, str):
        raise InvalidValue(f"a note is text, not {type(note).__name__}")
    stripped = note.strip()
    if len(stripped) > MAX_NOTE_LENGTH:
        raise InvalidValue(f"a note has at most {MAX_NOTE_LENGTH} characters, not {len(stripped)}")
    return stripped or None


def _snapshot(row: RecommendationRow) -> dict[str, Any]:
    return {
        "id": row.id,
        "meeting": row.meeting,
        "country": row.country,
        "finding": row.finding,
        "area": row.area,
        "indicator": row.indicator,
        "text": row.text,
        "status": row.status,
        "adopted_at": row.adopted_at,
        "adopted_by": row.adopted_by,
    }


# --- Reading ------------------------------------------------------------------------------------


def list_recommendations(
    session: Session,
    meeting: str | None = None,
    country: str | None = None,
    status: str | None = None,
) -> list[RecommendationView]:
    """Recommendations by meeting (oldest first), country and id; optionally filtered."""
    if status is not None and status not in RECOMMENDATION_STATUSES:
        known = ", ".join(RECOMMENDATION_STATUSES)
        raise InvalidValue(f"unknown recommendation status {status!r}: one of {known}")
    statement = _view_statement()
    if meeting is not None:
        statement = statement.where(RecommendationRow.meeting == meeting)
    if country is not None:
        statement = statement.where(RecommendationRow.country == country)
    if status is not None:
        statement = statement.where(RecommendationRow.status == status)
    rows = sorted(session.scalars(statement), key=_row_order)
    return [recommendation_view(row) for row in rows]


def _view_statement() -> Select[RecommendationRow]:
    """Recommendations with their follow-ups, as stored now (not as the session last saw them)."""
    return (
        select(RecommendationRow)
        .options(selectinload(RecommendationRow.follow_ups))
        .execution_options(populate_existing=True)
    )


def _row_order(row: RecommendationRow) -> tuple[tuple[int, str], str, int]:
    return (meeting_order(row.meeting), row.country, row.id)


def _views_of(session: Session, ids: list[int]) -> list[RecommendationView]:
    if not ids:
        return []
    statement = _view_statement().where(RecommendationRow.id.in_(ids))
    by_id = {row.id: row for row in session.scalars(statement)}
    return [recommendation_view(by_id[item]) for item in ids]


def recommendation_view(row: RecommendationRow) -> RecommendationView:
    follow_ups = sorted(row.follow_ups, key=lambda item: (meeting_order(item.meeting), item.id))
    return RecommendationView(
        id=row.id,
        meeting=row.meeting,
        country=row.country,
        finding=row.finding,
        area=row.area,
        indicator=row.indicator,
        text=row.text,
        status=row.status,
        created_at=_utc(row.created_at),
        created_by=row.created_by,
        adopted_at=None if row.adopted_at is None else _utc(row.adopted_at),
        adopted_by=row.adopted_by,
        follow_ups=tuple(_record(item) for item in follow_ups),
    )


def _record(row: FollowUpRow) -> FollowUpRecord:
    return FollowUpRecord(
        meeting=row.meeting,
        status=FollowUpStatus(row.status),
        note=row.note,
        set_by=row.set_by,
        set_at=_utc(row.set_at),
    )


# --- Follow-up ----------------------------------------------------------------------------------


def follow_up(session: Session, meeting: str) -> list[FollowUpView]:
    """Every recommendation adopted at an earlier meeting, with its status at ``meeting``.

    Raises :class:`~vigia.evaluate.meetings.UnknownMeeting` when nothing of ``meeting`` is stored.
    """
    evaluation = evaluate_meeting(session, meeting)
    later = meeting_order(meeting)
    statement = _view_statement().where(RecommendationRow.status == ADOPTED)
    rows = [row for row in session.scalars(statement) if meeting_order(row.meeting) < later]
    rows.sort(key=_row_order)
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
        actor = _manager(session, principal)
        row = _recommendation(session, recommendation_id)
        chosen = _follow_up_status(status)
        _check_follow_up_meeting(session, row, meeting)
        follow_up_row, before = _follow_up_row(row, meeting)
        follow_up_row.status = chosen.value
        follow_up_row.note = _note(note)
        follow_up_row.set_by = actor.id
        follow_up_row.set_at = datetime.now(UTC)
        session.add(follow_up_row)
        session.flush()
        after = _follow_up_snapshot(follow_up_row)
        audit.record(
            session, actor, "recommendation.follow_up", FOLLOW_UPS, follow_up_row.id, before, after
        )
    view = _views_of(session, [recommendation_id])[0]
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


# --- JSON ---------------------------------------------------------------------------------------


def recommendation_to_data(view: RecommendationView) -> dict[str, Any]:
    """A recommendation as JSON for the API and the command line (times in ISO 8601, UTC)."""
    return {
        "id": view.id,
        "meeting": view.meeting,
        "country": view.country,
        "finding": view.finding,
        "area": view.area,
        "indicator": view.indicator,
        "text": view.text,
        "status": view.status,
        "created_at": view.created_at.isoformat(),
        "created_by": view.created_by,
        "adopted_at": None if view.adopted_at is None else view.adopted_at.isoformat(),
        "adopted_by": view.adopted_by,
        "follow_ups": [
            {
                "meeting": item.meeting,
                "status": item.status.value,
                "note": item.note,
                "set_by": item.set_by,
                "set_at": item.set_at.isoformat(),
            }
            for item in view.follow_ups
        ],
    }


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


def _utc(moment: datetime) -> datetime:
    """``moment`` in UTC; SQLite gives back naive datetimes, which are stored as UTC."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)
