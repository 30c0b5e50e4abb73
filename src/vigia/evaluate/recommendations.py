"""Recommendations drafted from a meeting's gaps (:mod:`vigia.evaluate.gaps`), and their life.

The secretariat drafts one recommendation per gap, edits, adopts or withdraws them; their follow-up
at later meetings is :mod:`vigia.evaluate.follow_up`.

Write functions follow :mod:`vigia.services.review`: check the principal may act (the secretariat,
:func:`~vigia.permissions.can_manage_recommendations`), check the input, change, audit
(``recommendation.draft``, ``.edit``, ``.adopt``, ``.withdraw``) and commit in one transaction; on
failure roll back and raise an error whose message is fit to show a user.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, selectinload

from vigia.domain import LANGUAGES, Finding, FollowUpStatus
from vigia.errors import InvalidValue, NotFound, PermissionDenied
from vigia.evaluate.gaps import find_gaps, recommendation_text
from vigia.evaluate.meetings import meeting_order
from vigia.permissions import Principal, can_manage_recommendations
from vigia.plans import AREAS
from vigia.reference import countries
from vigia.store import audit
from vigia.store.acting import active_user
from vigia.store.models import FollowUpRow, RecommendationRow, UserRow
from vigia.store.times import as_utc
from vigia.store.transactions import committed
from vigia.vocabulary import RECOMMENDATION_STATUSES, is_row_id

DRAFT, ADOPTED, WITHDRAWN = RECOMMENDATION_STATUSES
RECOMMENDATIONS = RecommendationRow.__tablename__
FOLLOW_UPS = FollowUpRow.__tablename__
MAX_TEXT_LENGTH = 5000
MAX_NOTE_LENGTH = 2000
#: The follow-up of an area recommendation, by the area's rating at the later meeting.

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


# --- Drafting and changing recommendations ------------------------------------------------------


def draft_recommendations(
    session: Session,
    principal: Principal,
    meeting: str,
    language: str = "en",
    country: str | None = None,
    area: str | None = None,
) -> list[RecommendationView]:
    """Draft one recommendation, in ``language``, per gap of ``meeting`` not drafted yet; only
    the gaps of ``country`` or of ``area`` when given.

    A gap counts as drafted when a recommendation (in any status) of the same meeting has its
    country, kind of gap, area and indicator. Gives the new drafts; audited as
    ``recommendation.draft``.
    """
    with committed(session):
        actor = recommendation_manager(session, principal)
        if language not in LANGUAGES:
            raise InvalidValue(f"unknown language {language!r}: one of {', '.join(LANGUAGES)}")
        if country is not None and country not in countries():
            raise InvalidValue(f"unknown country {country!r}: an ISO 3166 alpha-3 code")
        if area is not None and area not in AREAS:
            raise InvalidValue(f"unknown area {area!r}: one of {', '.join(AREAS)}")
        drafted = _drafted(session, meeting)
        rows: list[RecommendationRow] = []
        now = datetime.now(UTC)
        for gap in find_gaps(session, meeting):
            key = (gap.country, gap.code, gap.area, gap.indicator)
            if key in drafted or country not in (None, gap.country) or area not in (None, gap.area):
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
    return recommendation_views(session, ids)


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
    return _change(session, principal, recommendation_id, "adopt", _adopt)


def withdraw_recommendation(
    session: Session, principal: Principal, recommendation_id: int, note: str | None = None
) -> RecommendationView:
    """Withdraw a draft or adopted recommendation for good; ``note`` goes to the audit log."""

    details = None if note is None else {"note": checked_note(note)}
    return _change(session, principal, recommendation_id, "withdraw", _withdraw, details)


#: What may be done to many recommendations at once.
BULK_ACTIONS = ("adopt", "withdraw")


def change_recommendations(
    session: Session,
    principal: Principal,
    recommendation_ids: Iterable[int],
    action: str,
    note: str | None = None,
) -> list[RecommendationView]:
    """Adopt or withdraw many recommendations, all or none.

    The first one refused (withdrawn already, adopted already for an adoption, unknown) stops
    everything: nothing is changed, and the error names it. Repeated ids count once. ``note`` is a
    withdrawal's note for the audit log. Each change is audited as one would be on its own.
    """
    if action not in BULK_ACTIONS:
        raise InvalidValue(f"unknown bulk action {action!r}: one of {', '.join(BULK_ACTIONS)}")
    ids = list(dict.fromkeys(recommendation_ids))
    change = _adopt if action == "adopt" else _withdraw
    details = {"bulk": len(ids)} | ({} if note is None else {"note": checked_note(note)})
    with committed(session):
        actor = recommendation_manager(session, principal)
        for recommendation_id in ids:
            _change_row(session, actor, recommendation_id, action, change, details)
    return recommendation_views(session, ids)


def _adopt(row: RecommendationRow, actor: UserRow) -> None:
    _refuse_withdrawn(row, "adopted")
    if row.status == ADOPTED:
        raise InvalidValue(f"recommendation {row.id} is already adopted")
    row.status = ADOPTED
    row.adopted_at = datetime.now(UTC)
    row.adopted_by = actor.id


def _withdraw(row: RecommendationRow, actor: UserRow) -> None:
    _refuse_withdrawn(row, "withdrawn again")
    row.status = WITHDRAWN


Change = Callable[[RecommendationRow, UserRow], None]


def _change(
    session: Session,
    principal: Principal,
    recommendation_id: int,
    action: str,
    change: Change,
    details: dict[str, Any] | None = None,
) -> RecommendationView:
    with committed(session):
        actor = recommendation_manager(session, principal)
        _change_row(session, actor, recommendation_id, action, change, details)
    return recommendation_views(session, [recommendation_id])[0]


def _change_row(
    session: Session,
    actor: UserRow,
    recommendation_id: int,
    action: str,
    change: Change,
    details: dict[str, Any] | None,
) -> None:
    row = recommendation_row(session, recommendation_id)
    before = _snapshot(row)
    change(row, actor)
    audit.record(
        session,
        actor,
        f"recommendation.{action}",
        RECOMMENDATIONS,
        row.id,
        before,
        _snapshot(row),
        details,
    )


def recommendation_manager(session: Session, principal: Principal) -> UserRow:
    """The user acting, once it is known that they may manage recommendations."""
    if not can_manage_recommendations(principal):
        raise PermissionDenied("only the secretariat drafts, adopts and follows up recommendations")
    user = active_user(session, principal)
    return user


def recommendation_row(session: Session, recommendation_id: int) -> RecommendationRow:
    if not is_row_id(recommendation_id):
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


def checked_note(note: object) -> str | None:
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
    area: str | None = None,
) -> list[RecommendationView]:
    """Recommendations by meeting (oldest first), country and id; optionally filtered."""
    if status is not None and status not in RECOMMENDATION_STATUSES:
        known = ", ".join(RECOMMENDATION_STATUSES)
        raise InvalidValue(f"unknown recommendation status {status!r}: one of {known}")
    statement = recommendation_statement()
    if meeting is not None:
        statement = statement.where(RecommendationRow.meeting == meeting)
    if country is not None:
        statement = statement.where(RecommendationRow.country == country)
    if status is not None:
        statement = statement.where(RecommendationRow.status == status)
    if area is not None:
        statement = statement.where(RecommendationRow.area == area)
    rows = sorted(session.scalars(statement), key=recommendation_order)
    return [recommendation_view(row) for row in rows]


def recommendation_statement() -> Select[RecommendationRow]:
    """Recommendations with their follow-ups, as stored now (not as the session last saw them)."""
    return (
        select(RecommendationRow)
        .options(selectinload(RecommendationRow.follow_ups))
        .execution_options(populate_existing=True)
    )


def recommendation_order(row: RecommendationRow) -> tuple[tuple[int, str], str, int]:
    return (meeting_order(row.meeting), row.country, row.id)


def recommendation_views(session: Session, ids: list[int]) -> list[RecommendationView]:
    if not ids:
        return []
    statement = recommendation_statement().where(RecommendationRow.id.in_(ids))
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
        created_at=as_utc(row.created_at),
        created_by=row.created_by,
        adopted_at=None if row.adopted_at is None else as_utc(row.adopted_at),
        adopted_by=row.adopted_by,
        follow_ups=tuple(_record(item) for item in follow_ups),
    )


def _record(row: FollowUpRow) -> FollowUpRecord:
    return FollowUpRecord(
        meeting=row.meeting,
        status=FollowUpStatus(row.status),
        note=row.note,
        set_by=row.set_by,
        set_at=as_utc(row.set_at),
    )


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
