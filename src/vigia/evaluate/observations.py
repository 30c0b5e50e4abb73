"""Observations on the activities of a Work Plan, and the secretariat's answers to them.

Focal points and the secretariat submit observations on an activity of a plan known to Vigía
(:func:`vigia.evaluate.plan_store.all_plans`); the secretariat answers them. An answer always
hangs off the top-level observation, so that each observation and its answers read as one thread.

The write functions follow :mod:`vigia.services.review`: check that the principal may act, check
the input, store, record ``observation.submit`` or ``observation.answer`` in the audit log and
commit, all in one transaction; on failure roll back and raise an error whose message is fit to
show a user (:class:`~vigia.errors.PermissionDenied`, ``NotFound``, ``InvalidValue``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from vigia.errors import InvalidValue, NotFound, PermissionDenied
from vigia.evaluate.plan_store import all_plans
from vigia.permissions import Principal, can_answer_observation, can_submit_observation
from vigia.store import audit
from vigia.store.acting import active_user
from vigia.store.models import ObservationRow, UserRow
from vigia.store.times import as_utc
from vigia.store.transactions import committed
from vigia.vocabulary import is_row_id

OBSERVATIONS = ObservationRow.__tablename__
SUBMIT = "observation.submit"
ANSWER = "observation.answer"
#: Who may do each action, and what a refused principal is told.
PERMISSIONS: dict[str, tuple[Callable[[Principal], bool], str]] = {
    SUBMIT: (can_submit_observation, "only focal points and the secretariat send observations"),
    ANSWER: (can_answer_observation, "only the secretariat answers observations"),
}
MAX_TEXT_LENGTH = 5000


@dataclass(frozen=True)
class ObservationView:
    """An observation or an answer; ``parent_id`` is None for an observation. Times are UTC."""

    id: int
    plan: str
    activity: str
    parent_id: int | None
    author_id: int | None
    author_label: str
    country: str | None
    text: str
    created_at: datetime

    @property
    def is_answer(self) -> bool:
        return self.parent_id is not None


@dataclass(frozen=True)
class ObservationThread:
    """A top-level observation and its answers, oldest first."""

    observation: ObservationView
    answers: tuple[ObservationView, ...] = ()


# --- Writing ------------------------------------------------------------------------------------


def submit_observation(
    session: Session, principal: Principal, plan: str, activity: str, text: str
) -> ObservationView:
    """Send an observation on ``activity`` of ``plan`` (focal points and the secretariat).

    The observation carries the principal's country (None for the secretariat). The text is
    stripped and has 1 to 5000 characters.
    """

    def build() -> ObservationRow:
        _check_activity(session, plan, activity)
        return ObservationRow(
            plan=plan, activity=activity, country=principal.country, text=_text(text)
        )

    return _store(session, principal, SUBMIT, build)


def answer_observation(
    session: Session, principal: Principal, observation_id: int, text: str
) -> ObservationView:
    """Answer an observation (secretariat only); an answer to an answer joins the same thread."""

    def build() -> ObservationRow:
        thread = _top_level(session, observation_id)
        return ObservationRow(
            plan=thread.plan,
            activity=thread.activity,
            parent_id=thread.id,
            country=principal.country,
            text=_text(text),
        )

    return _store(session, principal, ANSWER, build)


def _store(
    session: Session,
    principal: Principal,
    action: str,
    build: Callable[[], ObservationRow],
) -> ObservationView:
    """Build the row (``build`` checks the input), store it, audit it and commit."""
    with committed(session):
        author = _author(session, principal, action)
        row = build()
        row.author_id = author.id
        row.author_label = author.email
        row.created_at = datetime.now(UTC)
        session.add(row)
        session.flush()
        audit.record(session, author, action, OBSERVATIONS, row.id, None, _snapshot(row))
    return observation_view(row)


def _author(session: Session, principal: Principal, action: str) -> UserRow:
    """The user acting, once it is known that their role allows ``action``."""
    allowed, refusal = PERMISSIONS[action]
    if not allowed(principal):
        raise PermissionDenied(refusal)
    user = active_user(session, principal)
    return user


def _check_activity(session: Session, plan: str, activity: str) -> None:
    found = all_plans(session).get(plan)
    if found is None:
        raise NotFound(f"there is no Work Plan with code {plan!r}")
    if found.find_activity(activity) is None:
        raise NotFound(f"the Work Plan {plan} has no activity {activity!r}")


def _top_level(session: Session, observation_id: int) -> ObservationRow:
    if not is_row_id(observation_id):
        raise NotFound(f"no observation {observation_id!r}")
    row = session.get(ObservationRow, observation_id)
    if row is None:
        raise NotFound(f"no observation {observation_id}")
    if row.parent_id is not None:
        row = session.get_one(ObservationRow, row.parent_id)
    return row


def _text(text: object) -> str:
    if not isinstance(text, str):
        raise InvalidValue(f"an observation is text, not {type(text).__name__}")
    stripped = text.strip()
    if not stripped:
        raise InvalidValue("the observation is empty")
    if len(stripped) > MAX_TEXT_LENGTH:
        raise InvalidValue(
            f"an observation has at most {MAX_TEXT_LENGTH} characters, not {len(stripped)}"
        )
    return stripped


def _snapshot(row: ObservationRow) -> dict[str, Any]:
    return {
        "id": row.id,
        "plan": row.plan,
        "activity": row.activity,
        "parent_id": row.parent_id,
        "author_id": row.author_id,
        "country": row.country,
        "text": row.text,
    }


# --- Reading ------------------------------------------------------------------------------------


def observation_threads(session: Session, plan: str, activity: str) -> list[ObservationThread]:
    """The observations on an activity, each with its answers; threads and answers oldest first."""
    statement = (
        select(ObservationRow)
        .where(ObservationRow.plan == plan, ObservationRow.activity == activity)
        .order_by(ObservationRow.created_at, ObservationRow.id)
    )
    rows = list(session.scalars(statement))
    answers: dict[int, list[ObservationView]] = defaultdict(list)
    for row in rows:
        if row.parent_id is not None:
            answers[row.parent_id].append(observation_view(row))
    return [
        ObservationThread(observation_view(row), tuple(answers[row.id]))
        for row in rows
        if row.parent_id is None
    ]


def count_observations(session: Session, plan: str) -> dict[str, int]:
    """How many threads (top-level observations) each activity of ``plan`` has; none: absent."""
    statement = (
        select(ObservationRow.activity, func.count())
        .where(ObservationRow.plan == plan, ObservationRow.parent_id.is_(None))
        .group_by(ObservationRow.activity)
    )
    return {activity: count for activity, count in session.execute(statement)}


def observation_view(row: ObservationRow) -> ObservationView:
    return ObservationView(
        id=row.id,
        plan=row.plan,
        activity=row.activity,
        parent_id=row.parent_id,
        author_id=row.author_id,
        author_label=row.author_label,
        country=row.country,
        text=row.text,
        created_at=as_utc(row.created_at),
    )
