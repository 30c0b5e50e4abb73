"""The good-practice compendium: what states report they did, as the reader may see it.

    practices(session, principal, country="GTM", area="protection")
    add_practice(session, focal_point, "GTM", kind="shelter", title="…", contact="…")
    describe_practice(session, focal_point, practice_id, description="…", contact="…")
    curate_practice(session, secretariat, practice_id, "publish")  # or "hide"

Practices are proposed from the reports (:mod:`vigia.store.practices`, with the sentence and a
confidence) or added by a state's focal points, who may describe their own and attach a contact.
The secretariat decides what is public. The public sees public practices; a focal point also its
own state's; the secretariat every one. Every change is audited and re-indexed for search.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from vigia.errors import InvalidValue, NotFound, PermissionDenied
from vigia.permissions import (
    Principal,
    can_curate_practices,
    can_describe_practice,
    unpublished_scope,
)
from vigia.plans import AREAS
from vigia.reference import check_country
from vigia.store import audit
from vigia.store.fact_scope import country_clause
from vigia.store.models import EvidenceRow, UserRow
from vigia.store.models.practices import HIDDEN, PUBLIC, PracticeRow
from vigia.store.practices import PRACTICE_KINDS, title_of

__all__ = [
    "PRACTICE_KINDS",
    "Practice",
    "add_practice",
    "curate_practice",
    "describe_practice",
    "practice",
    "practices",
]
from vigia.store.acting import active_user
from vigia.store.search_index import index_practice
from vigia.store.transactions import committed

ADDED = "focal_point"
LONGEST_TEXT = 4000
LONGEST_CONTACT = 300
ACTIONS = {"publish": PUBLIC, "hide": HIDDEN}
TABLE = PracticeRow.__tablename__


@dataclass(frozen=True)
class Practice:
    id: int
    country: str
    area: str | None
    kind: str
    title: str
    description: str | None
    contact: str | None
    status: str
    confidence: float | None
    component: str
    meeting: str | None
    document_id: int | None
    sentence: str | None
    sentence_start: int | None


def practices(
    session: Session,
    principal: Principal,
    *,
    country: str | None = None,
    area: str | None = None,
    kind: str | None = None,
    status: str | None = None,
) -> list[Practice]:
    """The practices ``principal`` may see, by state, then the surest first."""
    seen = or_(
        PracticeRow.status == PUBLIC,
        country_clause(unpublished_scope(principal), PracticeRow.country),
    )
    statement = (
        select(PracticeRow, EvidenceRow.text, EvidenceRow.start)
        .outerjoin(EvidenceRow, EvidenceRow.id == PracticeRow.evidence_id)
        .where(seen)
        .order_by(PracticeRow.country, PracticeRow.confidence.desc(), PracticeRow.id)
    )
    for column, value in (
        (PracticeRow.country, country),
        (PracticeRow.area, area),
        (PracticeRow.kind, kind),
        (PracticeRow.status, status),
    ):
        if value:
            statement = statement.where(column == value)
    return [_practice(row, text, start) for row, text, start in session.execute(statement)]


def add_practice(
    session: Session,
    principal: Principal,
    country: str,
    *,
    kind: str,
    title: str,
    area: str | None = None,
    description: str | None = None,
    contact: str | None = None,
) -> Practice:
    """A practice of ``country`` added by its focal point (or the secretariat), proposed."""
    country = _country(country)
    if kind not in PRACTICE_KINDS:
        raise InvalidValue(f"unknown kind {kind!r}; one of {', '.join(PRACTICE_KINDS)}")
    if area is not None and area not in AREAS:
        raise InvalidValue(f"unknown area {area!r}; one of {', '.join(AREAS)}")
    title = _text("title", title, LONGEST_TEXT)
    if not title:
        raise InvalidValue("a practice needs a title")
    with committed(session):
        user = _user(session, principal, country, can_describe_practice(principal, country))
        row = PracticeRow(
            country=country,
            area=area,
            kind=kind,
            title=title_of(title),
            description=_text("description", description, LONGEST_TEXT) or None,
            contact=_text("contact", contact, LONGEST_CONTACT) or None,
            component=ADDED,
            component_version="1",
            added_by=user.id,
        )
        session.add(row)
        session.flush()
        index_practice(session, row)
        audit.record(session, user, "practice.add", TABLE, row.id, None, _snapshot(row), None)
    return practice(session, principal, row.id)


def describe_practice(
    session: Session,
    principal: Principal,
    practice_id: int,
    *,
    description: str | None = None,
    contact: str | None = None,
) -> Practice:
    """Set the description and contact of a practice of the caller's state (given: changed)."""
    with committed(session):
        row = _row(session, practice_id)
        user = _user(session, principal, row.country, can_describe_practice(principal, row.country))
        before = _snapshot(row)
        if description is not None:
            row.description = _text("description", description, LONGEST_TEXT) or None
        if contact is not None:
            row.contact = _text("contact", contact, LONGEST_CONTACT) or None
        session.flush()
        index_practice(session, row)
        audit.record(
            session, user, "practice.describe", TABLE, row.id, before, _snapshot(row), None
        )
    return practice(session, principal, practice_id)


def curate_practice(
    session: Session, principal: Principal, practice_id: int, action: str
) -> Practice:
    """Make a practice public (``publish``) or hide it (``hide``): the secretariat only."""
    if action not in ACTIONS:
        raise InvalidValue(f"unknown action {action!r}; one of {', '.join(ACTIONS)}")
    with committed(session):
        row = _row(session, practice_id)
        user = _user(session, principal, row.country, can_curate_practices(principal))
        before = _snapshot(row)
        row.status = ACTIONS[action]
        row.curated_by, row.curated_at = user.id, datetime.now(UTC)
        session.flush()
        audit.record(
            session, user, f"practice.{action}", TABLE, row.id, before, _snapshot(row), None
        )
    return practice(session, principal, practice_id)


def practice(session: Session, principal: Principal, practice_id: int) -> Practice:
    """One practice the caller may see; :class:`NotFound` otherwise."""
    found = [p for p in practices(session, principal) if p.id == practice_id]
    if not found:
        raise NotFound(f"no practice {practice_id}")
    return found[0]


def _practice(row: PracticeRow, sentence: str | None, start: int | None) -> Practice:
    return Practice(
        id=row.id,
        country=row.country,
        area=row.area,
        kind=row.kind,
        title=row.title,
        description=row.description,
        contact=row.contact,
        status=row.status,
        confidence=row.confidence,
        component=row.component,
        meeting=row.meeting_code,
        document_id=row.document_id,
        sentence=sentence,
        sentence_start=start,
    )


def _row(session: Session, practice_id: int) -> PracticeRow:
    row = session.get(PracticeRow, practice_id)
    if row is None:
        raise NotFound(f"no practice {practice_id}")
    return row


def _user(session: Session, principal: Principal, country: str, allowed: bool) -> UserRow:
    if not allowed:
        raise PermissionDenied(f"you may not change the practices of {country}")
    user = active_user(session, principal)
    return user


def _snapshot(row: PracticeRow) -> dict[str, object]:
    return {
        "status": row.status,
        "title": row.title,
        "description": row.description,
        "contact": row.contact,
    }


def _text(name: str, value: str | None, longest: int) -> str:
    cleaned = " ".join(str(value or "").split())
    if len(cleaned) > longest:
        raise InvalidValue(f"the {name} is longer than {longest} characters")
    return cleaned


def _country(country: str) -> str:
    try:
        return check_country(country)
    except ValueError as error:
        raise InvalidValue(str(error)) from error
