"""The directory of national authorities and focal points, kept by the secretariat.

    directory(session, principal, "TTO")  # the state's entries; contact details signed in only
    save_entry(session, secretariat, country="TTO", kind="national_authority",
               institution="Counter Trafficking Unit", contact={"email": "ctu@example.org"})
    remove_entry(session, secretariat, entry_id)

Anyone reads which institutions are a state's national authorities and focal points; a person's
name, position, email, phone and address are for signed-in users only (an authority, the
secretariat), so that the directory does not publish people's addresses. Only the secretariat
changes it; every change is audited.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from vigia.errors import InvalidValue, NotFound, PermissionDenied
from vigia.permissions import Principal, can_keep_directory
from vigia.reference import check_country
from vigia.store import audit
from vigia.store.acting import active_user
from vigia.store.models import DirectoryEntryRow, UserRow
from vigia.store.models.directory import ENTRY_KINDS
from vigia.store.transactions import committed

TABLE = DirectoryEntryRow.__tablename__
LONGEST = 300
CONTACT_FIELDS = ("name", "position", "email", "phone", "address")

__all__ = ["ENTRY_KINDS", "DirectoryEntry", "directory", "remove_entry", "save_entry"]


@dataclass(frozen=True)
class DirectoryEntry:
    id: int
    country: str
    kind: str
    institution: str
    name: str | None = None
    position: str | None = None
    email: str | None = None
    phone: str | None = None
    address: str | None = None


def directory(
    session: Session, principal: Principal, country: str | None = None
) -> list[DirectoryEntry]:
    """The entries of ``country`` (every state's if None), by state and kind; without contact
    details for a caller who is not signed in."""
    statement = select(DirectoryEntryRow).order_by(
        DirectoryEntryRow.country, DirectoryEntryRow.kind.desc(), DirectoryEntryRow.id
    )
    if country:
        statement = statement.where(DirectoryEntryRow.country == country.upper())
    entries = [_entry(row) for row in session.scalars(statement)]
    if principal.is_anonymous:
        return [
            replace(entry, name=None, position=None, email=None, phone=None, address=None)
            for entry in entries
        ]
    return entries


def save_entry(
    session: Session,
    principal: Principal,
    *,
    country: str,
    kind: str,
    institution: str,
    contact: Mapping[str, str | None] | None = None,
    entry_id: int | None = None,
) -> DirectoryEntry:
    """Add an entry, or change entry ``entry_id``: the secretariat only. ``contact`` gives any of
    name, position, email, phone and address."""
    contact = dict(contact or {})
    if kind not in ENTRY_KINDS:
        raise InvalidValue(f"unknown kind {kind!r}; one of {', '.join(ENTRY_KINDS)}")
    unknown = set(contact) - set(CONTACT_FIELDS)
    if unknown:
        raise InvalidValue(f"unknown field {sorted(unknown)[0]!r}")
    try:
        country = check_country(country)
    except ValueError as error:
        raise InvalidValue(str(error)) from error
    institution = _clean("institution", institution)
    if not institution:
        raise InvalidValue("an entry needs its institution")
    with committed(session):
        user = _secretariat(session, principal)
        row = DirectoryEntryRow() if entry_id is None else _row(session, entry_id)
        before = None if entry_id is None else _snapshot(row)
        row.country, row.kind, row.institution = country, kind, institution
        for field in CONTACT_FIELDS:
            if field in contact:
                setattr(row, field, _clean(field, contact[field]) or None)
        row.changed_by = user.id
        session.add(row)
        session.flush()
        action = "directory.add" if entry_id is None else "directory.change"
        audit.record(session, user, action, TABLE, row.id, before, _snapshot(row), None)
    return _entry(row)


def remove_entry(session: Session, principal: Principal, entry_id: int) -> None:
    """Remove an entry: the secretariat only."""
    with committed(session):
        user = _secretariat(session, principal)
        row = _row(session, entry_id)
        audit.record(session, user, "directory.remove", TABLE, row.id, _snapshot(row), None, None)
        session.delete(row)


def _entry(row: DirectoryEntryRow) -> DirectoryEntry:
    return DirectoryEntry(
        row.id,
        row.country,
        row.kind,
        row.institution,
        row.name,
        row.position,
        row.email,
        row.phone,
        row.address,
    )


def _row(session: Session, entry_id: int) -> DirectoryEntryRow:
    row = session.get(DirectoryEntryRow, entry_id)
    if row is None:
        raise NotFound(f"no directory entry {entry_id}")
    return row


def _secretariat(session: Session, principal: Principal) -> UserRow:
    if not can_keep_directory(principal):
        raise PermissionDenied("only the secretariat changes the directory")
    user = active_user(session, principal)
    return user


def _snapshot(row: DirectoryEntryRow) -> dict[str, object]:
    return {"country": row.country, "kind": row.kind, "institution": row.institution}


def _clean(field: str, value: str | None) -> str:
    cleaned = " ".join(str(value or "").split())
    if len(cleaned) > LONGEST:
        raise InvalidValue(f"the {field} is longer than {LONGEST} characters")
    return cleaned
