"""The review of extracted facts: confirming, correcting, rejecting, and publishing them.

Every write function takes the session, the :class:`~vigia.permissions.Principal` acting and
the fact's id; it checks that the principal may act at all, finds the fact, checks that the
principal may act on *this* fact and that the fact's status allows the change, checks the values
given, changes the fact, records the change in the audit log (``fact.confirm``, ``fact.correct``,
``fact.reject``, ``fact.publish``, ``fact.unpublish``; the fact's review columns before and
after) and commits, all in one transaction. On any failure it rolls back (anything else pending in
the session goes too) and raises a :class:`~vigia.errors.ReviewError`, whose message is fit
to show a user.

Transitions, by action::

    confirm     proposed, rejected                         -> confirmed
    correct     proposed, confirmed, corrected, rejected   -> corrected
    reject      proposed, confirmed, corrected             -> rejected
    publish     confirmed, corrected                       -> published   (secretariat only)
    unpublish   published      -> confirmed or corrected, as it was    (secretariat only)

The extracted ``value``, ``value_min``, ``qualifier``, ``year`` and ``indicator`` of a fact never
change; a correction fills the ``corrected_*`` columns beside them, and confirming the fact again
(after a rejection) clears them. The *effective* figure of a fact is the corrected one if there is
one, else the extracted one.

Facts as shown (:class:`~vigia.services.fact_views.FactView`) are read with
:mod:`vigia.services.fact_views`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from vigia.errors import (
    InvalidTransition,
    InvalidValue,
    NotFound,
    PermissionDenied,
    ReviewError,
)
from vigia.permissions import (
    Principal,
    can_publish,
    can_review,
    can_review_fact,
    review_scope,
)
from vigia.services.fact_values import (
    amount,
    checked_note,
    known_indicator,
    known_qualifier,
    plausible_year,
)
from vigia.services.fact_views import FactView, views_of
from vigia.store import audit
from vigia.store.acting import active_user
from vigia.store.models import FactRow, UserRow
from vigia.vocabulary import (
    CONFIRMED,
    CORRECTED,
    FACT_STATUSES,
    PROPOSED,
    PUBLISHED,
    REJECTED,
    is_row_id,
)

FACTS = FactRow.__tablename__
CONFIRM = "confirm"
CORRECT = "correct"
REJECT = "reject"
PUBLISH = "publish"
UNPUBLISH = "unpublish"
#: The statuses each action starts from: a published fact can only be unpublished.
ALLOWED_FROM: dict[str, frozenset[str]] = {
    CONFIRM: frozenset({PROPOSED, REJECTED}),
    CORRECT: frozenset({PROPOSED, CONFIRMED, CORRECTED, REJECTED}),
    REJECT: frozenset({PROPOSED, CONFIRMED, CORRECTED}),
    PUBLISH: frozenset({CONFIRMED, CORRECTED}),
    UNPUBLISH: frozenset({PUBLISHED}),
}
DONE = {
    CONFIRM: "confirmed",
    CORRECT: "corrected",
    REJECT: "rejected",
    PUBLISH: "published",
    UNPUBLISH: "unpublished",
}
PUBLISHING_ACTIONS = frozenset({PUBLISH, UNPUBLISH})
#: What :func:`review_facts` does to many facts at once; corrections are made one by one.
BULK_ACTIONS = (CONFIRM, REJECT, PUBLISH, UNPUBLISH)
MAX_BULK = 500
#: The review columns of a fact, as the audit log keeps them (with the fact's id and figure).
REVIEW_COLUMNS = (
    "status",
    "corrected_value",
    "corrected_value_min",
    "corrected_qualifier",
    "corrected_year",
    "corrected_indicator",
    "review_note",
    "reviewed_by",
    "reviewed_at",
    "published_by",
    "published_at",
)


@dataclass(frozen=True)
class _Stamp:
    """Who changes a fact, and when."""

    actor: UserRow
    at: datetime


#: A change to one fact, once it is known the change is allowed; raises InvalidValue.
Change = Callable[[FactRow, _Stamp], None]


# --- Writing --------------------------------------------------------------------------------


def confirm_fact(
    session: Session, principal: Principal, fact_id: int, note: str | None = None
) -> FactView:
    """Confirm the extracted figure of a proposed or rejected fact (clearing any correction)."""
    return _change_one(session, principal, fact_id, CONFIRM, _confirming(note))


def correct_fact(
    session: Session,
    principal: Principal,
    fact_id: int,
    value: float,
    value_min: float | None = None,
    qualifier: str | None = None,
    year: int | None = None,
    indicator: str | None = None,
    note: str | None = None,
) -> FactView:
    """Record the right figure beside the extracted one.

    ``value`` (and ``value_min``, for a range; None for none) replace the figure; ``qualifier``,
    ``year`` and ``indicator`` left None keep the fact's current ones. Values must be finite and
    not negative, the qualifier one of :class:`vigia.domain.Qualifier`, the indicator one of
    :func:`vigia.reference.indicators`.
    """
    change = _correcting(value, value_min, qualifier, year, indicator, note)
    return _change_one(session, principal, fact_id, CORRECT, change)


def reject_fact(session: Session, principal: Principal, fact_id: int, note: str) -> FactView:
    """Reject a fact that is wrong beyond correcting; ``note`` says why (required)."""
    return _change_one(session, principal, fact_id, REJECT, _rejecting(note))


def publish_fact(
    session: Session, principal: Principal, fact_id: int, note: str | None = None
) -> FactView:
    """Publish a confirmed or corrected fact (secretariat only); ``note`` goes to the audit log."""
    return _change_one(session, principal, fact_id, PUBLISH, _publishing(), _details(note))


def unpublish_fact(
    session: Session, principal: Principal, fact_id: int, note: str | None = None
) -> FactView:
    """Take a fact back from publication, to confirmed or corrected as it was (secretariat only)."""
    return _change_one(session, principal, fact_id, UNPUBLISH, _unpublishing(), _details(note))


def review_facts(
    session: Session,
    principal: Principal,
    fact_ids: Iterable[int],
    action: str,
    note: str | None = None,
) -> list[FactView]:
    """Confirm, reject, publish or unpublish many facts, all or none.

    The first fact refused stops everything: nothing is changed, and the error names the fact
    (also in ``fact_id``). Repeated ids count once. ``note`` is the note of a confirmation or a
    rejection (required for rejections), the audit log's note for publishing.
    """
    if action not in BULK_ACTIONS:
        raise InvalidValue(
            f"unknown bulk action {action!r}: one of {', '.join(BULK_ACTIONS)}"
            " (corrections are made one fact at a time)"
        )
    ids = _distinct_ids(fact_ids)

    def work() -> list[int]:
        actor = _actor(session, principal, action)
        change, details = _bulk_change(action, note)
        details = {**(details or {}), "bulk": len(ids)}
        return [
            _apply(session, principal, actor, fact_id, action, change, details) for fact_id in ids
        ]

    return _commit(session, work)


def _change_one(
    session: Session,
    principal: Principal,
    fact_id: int,
    action: str,
    change: Change,
    details: dict[str, Any] | None = None,
) -> FactView:
    def work() -> list[int]:
        actor = _actor(session, principal, action)
        return [_apply(session, principal, actor, fact_id, action, change, details)]

    return _commit(session, work)[0]


def _commit(session: Session, work: Callable[[], list[int]]) -> list[FactView]:
    """Run ``work`` (which changes facts and gives their ids) and commit, or roll back and raise."""
    try:
        fact_ids = work()
        session.commit()
    except BaseException:
        session.rollback()
        raise
    return views_of(session, fact_ids)


def _apply(
    session: Session,
    principal: Principal,
    actor: UserRow,
    fact_id: int,
    action: str,
    change: Change,
    details: dict[str, Any] | None,
) -> int:
    fact = _fact_for_change(session, fact_id)
    _check_fact_permission(principal, fact, action)
    _check_transition(fact, action)
    before = _snapshot(fact)
    try:
        change(fact, _Stamp(actor, datetime.now(UTC)))
    except ReviewError as error:
        raise type(error)(f"fact {fact.id}: {error.message}", fact.id) from None
    audit.record(session, actor, f"fact.{action}", FACTS, fact.id, before, _snapshot(fact), details)
    return fact.id


def _actor(session: Session, principal: Principal, action: str) -> UserRow:
    """The user acting, once it is known that their role allows ``action`` on some fact."""
    if action in PUBLISHING_ACTIONS:
        if not can_publish(principal):
            raise PermissionDenied(f"only the secretariat may {action} facts")
    elif review_scope(principal).is_empty:
        raise PermissionDenied(f"{_who(principal)} may not review facts")
    user = active_user(session, principal)
    return user


def _who(principal: Principal) -> str:
    if principal.is_anonymous:
        return "an anonymous user"
    return f"a user with role {principal.role}"


def _fact_for_change(session: Session, fact_id: int) -> FactRow:
    """The fact, locked until the end of the transaction (on PostgreSQL), or NotFound."""
    if not is_row_id(fact_id):
        raise NotFound(f"no fact {fact_id!r}")
    statement = (
        select(FactRow)
        .where(FactRow.id == fact_id)
        .with_for_update(of=FactRow)
        .execution_options(populate_existing=True)
    )
    fact = session.scalar(statement)
    if fact is None:
        raise NotFound(f"no fact {fact_id}", fact_id)
    return fact


def _check_fact_permission(principal: Principal, fact: FactRow, action: str) -> None:
    uploaded_for = fact.document.country
    if action in PUBLISHING_ACTIONS or can_review_fact(principal, fact.country, uploaded_for):
        return
    if can_review(principal, fact.country):
        raise PermissionDenied(
            f"fact {fact.id} comes from a document uploaded for {uploaded_for}; "
            "the secretariat reviews what a state reports about others",
            fact.id,
        )
    about = fact.country or "no country (an organisation's or a region's figure)"
    raise PermissionDenied(
        f"fact {fact.id} is about {about}; a focal point of {principal.country}"
        f" reviews facts about {principal.country} only",
        fact.id,
    )


def _check_transition(fact: FactRow, action: str) -> None:
    allowed = ALLOWED_FROM[action]
    if fact.status not in allowed:
        raise InvalidTransition(
            f"fact {fact.id} is {fact.status}: only {_listed(allowed)} facts can be {DONE[action]}",
            fact.id,
        )


def _listed(statuses: frozenset[str]) -> str:
    names = [status for status in FACT_STATUSES if status in statuses]
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"


def _snapshot(fact: FactRow) -> dict[str, Any]:
    context = {
        "id": fact.id,
        "country": fact.country,
        "indicator": fact.indicator,
        "value": fact.value,
    }
    return context | {name: getattr(fact, name) for name in REVIEW_COLUMNS}


def _distinct_ids(fact_ids: Iterable[int]) -> list[int]:
    ids = list(dict.fromkeys(fact_ids))
    if len(ids) > MAX_BULK:
        raise InvalidValue(f"at most {MAX_BULK} facts at once, not {len(ids)}")
    return ids


def _details(note: str | None) -> dict[str, Any] | None:
    checked = checked_note(note)
    return None if checked is None else {"note": checked}


def _bulk_change(action: str, note: str | None) -> tuple[Change, dict[str, Any] | None]:
    if action == CONFIRM:
        return _confirming(note), None
    if action == REJECT:
        checked_note(note, required=True)
        return _rejecting(note), None
    if action == PUBLISH:
        return _publishing(), _details(note)
    return _unpublishing(), _details(note)


# --- The changes ------------------------------------------------------------------------------


def _confirming(note: str | None) -> Change:
    def confirm(fact: FactRow, stamp: _Stamp) -> None:
        review_note = checked_note(note)
        _clear_correction(fact)
        _reviewed(fact, CONFIRMED, review_note, stamp)

    return confirm


def _correcting(
    value: float,
    value_min: float | None,
    qualifier: str | None,
    year: int | None,
    indicator: str | None,
    note: str | None,
) -> Change:
    def correct(fact: FactRow, stamp: _Stamp) -> None:
        corrected_value = amount(value, "value")
        corrected_min = None if value_min is None else amount(value_min, "value_min")
        if corrected_min is not None and corrected_min > corrected_value:
            raise InvalidValue(f"value_min {value_min} is more than value {value}")
        corrected_qualifier = _effective(fact, "qualifier") if qualifier is None else qualifier
        corrected_year = _effective(fact, "year") if year is None else year
        corrected_indicator = _effective(fact, "indicator") if indicator is None else indicator
        fact.corrected_qualifier = known_qualifier(corrected_qualifier)
        fact.corrected_year = plausible_year(corrected_year)
        fact.corrected_indicator = known_indicator(corrected_indicator)
        fact.corrected_value = corrected_value
        fact.corrected_value_min = corrected_min
        _reviewed(fact, CORRECTED, checked_note(note), stamp)

    return correct


def _rejecting(note: str | None) -> Change:
    def reject(fact: FactRow, stamp: _Stamp) -> None:
        _reviewed(fact, REJECTED, checked_note(note, required=True), stamp)

    return reject


def _publishing() -> Change:
    def publish(fact: FactRow, stamp: _Stamp) -> None:
        fact.status = PUBLISHED
        fact.published_at = stamp.at
        fact.published_by = stamp.actor.id

    return publish


def _unpublishing() -> Change:
    def unpublish(fact: FactRow, _stamp: _Stamp) -> None:
        fact.status = CONFIRMED if fact.corrected_value is None else CORRECTED
        fact.published_at = None
        fact.published_by = None

    return unpublish


def _reviewed(fact: FactRow, status: str, note: str | None, stamp: _Stamp) -> None:
    fact.status = status
    fact.review_note = note
    fact.reviewed_by = stamp.actor.id
    fact.reviewed_at = stamp.at


def _clear_correction(fact: FactRow) -> None:
    fact.corrected_value = None
    fact.corrected_value_min = None
    fact.corrected_qualifier = None
    fact.corrected_year = None
    fact.corrected_indicator = None


def _effective(fact: FactRow, name: str) -> Any:
    """The fact's current ``name``: the corrected one if the fact is corrected."""
    if fact.corrected_value is not None:
        return getattr(fact, f"corrected_{name}")
    return getattr(fact, name)
