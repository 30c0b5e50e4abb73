"""The data version: one number that grows with every committed change of what the site shows.

    factory = session_factory(engine)      # its sessions bump the version when they commit a change
    data_version(connection)               # DataVersion(number=…, changed_at=…)
    bump(connection)                       # for writes made on a connection, outside any session

A session marks itself changed when it flushes an object, or executes an INSERT, UPDATE or DELETE,
of a table outside :data:`PRIVATE_TABLES`; its commit then adds one to the version, as its last
statement. On PostgreSQL the version's row is therefore locked only when the transaction has nothing
left to lock, so writers queue on it at the very end and cannot deadlock over it. A rollback
forgets the mark.

Logins, the login throttle, API tokens, job progress and the audit log change nothing a reader of
the site sees, so they leave the version alone: a meeting's worth of logins keeps the cache.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, event, select, update
from sqlalchemy.orm import ORMExecuteState, Session, UOWTransaction, sessionmaker

from vigia.store.models import DataVersionRow

#: Tables whose changes no page or API answer for the public shows.
PRIVATE_TABLES = frozenset(
    {
        "login_sessions",
        "login_failures",
        "api_tokens",
        "extraction_jobs",
        "audit_log",
        "data_version",
    }
)
_CHANGED = "vigia_changes_shown"


@dataclass(frozen=True)
class DataVersion:
    """The version of the data (``number``) and when it last changed."""

    number: int
    changed_at: datetime


def data_version(connection: Connection | Session) -> DataVersion:
    """The current data version, read in one indexed statement."""
    number, changed_at = connection.execute(
        select(DataVersionRow.version, DataVersionRow.changed_at).where(DataVersionRow.id == 1)
    ).one()
    if changed_at.tzinfo is None:  # SQLite keeps no time zone; the value was written in UTC
        changed_at = changed_at.replace(tzinfo=UTC)
    return DataVersion(int(number), changed_at.astimezone(UTC))


def bump(connection: Connection | Session) -> None:
    """Add one to the data version, in ``connection``'s transaction."""
    connection.execute(
        update(DataVersionRow)
        .where(DataVersionRow.id == 1)
        .values(version=DataVersionRow.version + 1, changed_at=datetime.now(UTC))
    )


def track_writes(factory: sessionmaker[Session]) -> None:
    """Make the sessions of ``factory`` bump the data version when they commit a shown change."""
    event.listen(factory, "after_flush", _after_flush)
    event.listen(factory, "do_orm_execute", _after_execute)
    event.listen(factory, "before_commit", _before_commit)
    event.listen(factory, "after_rollback", _after_rollback)


def _shown(table_name: str | None) -> bool:
    return table_name is not None and table_name not in PRIVATE_TABLES


def _after_flush(session: Session, _flush: UOWTransaction) -> None:
    for instance in (*session.new, *session.dirty, *session.deleted):
        if _shown(getattr(getattr(instance, "__table__", None), "name", None)):
            session.info[_CHANGED] = True
            return


def _after_execute(state: ORMExecuteState) -> None:
    if state.is_insert or state.is_update or state.is_delete:
        table: Any = getattr(state.statement, "table", None)
        if _shown(getattr(table, "name", None)):
            state.session.info[_CHANGED] = True


def _before_commit(session: Session) -> None:
    session.flush()  # what is still pending is written (and locked) before the version is
    if session.info.pop(_CHANGED, False):
        bump(session)


def _after_rollback(session: Session) -> None:
    session.info.pop(_CHANGED, None)
