"""Comparability notes: where a state's yearly figures differ from the catalogue's definitions.

    save_notes(session, principal, "CRI", {"victims_detected": "Counted at referral."})
    comparability_notes(session, "CRI")   # [ComparabilityNote("CRI", "victims_detected", …)]

A state says once, per question (``element``; ``''`` for the data set as a whole), how its figures
differ from the definition: victims counted when referred rather than detected, an offence its law
defines more narrowly, a year that covers only part of the territory. The note holds for every year
until it is changed; it is shown beside the figures wherever they are published, so that a reader
comparing states knows what they compare. Whoever may enter the state's statistics may change its
notes (its focal points, the secretariat); an empty note is removed. Every change is audited.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from vigia.errors import InvalidValue, PermissionDenied
from vigia.permissions import Principal, can_enter_statistics
from vigia.reference import check_country
from vigia.statistics import statistics_catalogue
from vigia.store import audit
from vigia.store.acting import active_user
from vigia.store.models import ComparabilityNoteRow, UserRow
from vigia.store.transactions import committed

#: The longest note: a paragraph, not a methodology.
LONGEST_NOTE = 2000
NOTES = ComparabilityNoteRow.__tablename__


@dataclass(frozen=True)
class ComparabilityNote:
    country: str
    #: The question it is about; ``''``: the data set as a whole.
    element: str
    text: str
    changed_at: datetime


def comparability_notes(session: Session, country: str | None = None) -> list[ComparabilityNote]:
    """The notes of ``country`` (every state's if None), by state, the general one first."""
    statement = select(ComparabilityNoteRow).order_by(
        ComparabilityNoteRow.country, ComparabilityNoteRow.element
    )
    if country is not None:
        statement = statement.where(ComparabilityNoteRow.country == country)
    return [
        ComparabilityNote(row.country, row.element, row.text, row.changed_at)
        for row in session.scalars(statement)
    ]


def save_notes(
    session: Session, principal: Principal, country: str, notes: Mapping[str, str]
) -> list[ComparabilityNote]:
    """Set the notes of ``country`` given by question (an empty text removes one); the others
    stay. All or none: an unknown question or a note too long changes nothing."""
    country = _country(country)
    cleaned = {element.strip(): _text(element, text) for element, text in notes.items()}
    known = statistics_catalogue().elements
    for element in cleaned:
        if element and element not in known:
            raise InvalidValue(f"unknown element {element!r}")
    with committed(session):
        user = _user(session, principal, country)
        stored = {
            row.element: row
            for row in session.scalars(
                select(ComparabilityNoteRow).where(ComparabilityNoteRow.country == country)
            )
        }
        for element, text in cleaned.items():
            _set(session, user, country, element, text, stored.get(element))
    return comparability_notes(session, country)


def _set(
    session: Session,
    user: UserRow,
    country: str,
    element: str,
    text: str,
    row: ComparabilityNoteRow | None,
) -> None:
    before = None if row is None else {"text": row.text}
    if (row.text if row is not None else "") == text:
        return
    if row is None:
        row = ComparabilityNoteRow(country=country, element=element, text=text)
        session.add(row)
    elif not text:
        session.delete(row)
    else:
        row.text = text
    row.changed_at, row.changed_by = datetime.now(UTC), user.id
    session.flush()
    after = {"text": text} if text else None
    details = {"country": country, "element": element}
    audit.record(session, user, "statistics.note", NOTES, row.id, before, after, details)


def _text(element: str, text: str) -> str:
    cleaned = "\n".join(" ".join(line.split()) for line in str(text).strip().splitlines())
    if len(cleaned) > LONGEST_NOTE:
        where = element or "the data set"
        raise InvalidValue(f"the note on {where} is longer than {LONGEST_NOTE} characters")
    return cleaned


def _country(country: str) -> str:
    try:
        return check_country(country)
    except ValueError as error:
        raise InvalidValue(str(error)) from error


def _user(session: Session, principal: Principal, country: str) -> UserRow:
    if not can_enter_statistics(principal, country):
        raise PermissionDenied(f"you may not change the statistics of {country}")
    user = active_user(session, principal)
    return user
