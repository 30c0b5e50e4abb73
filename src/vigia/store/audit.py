"""The append-only audit log: who changed what, when, with the row before and after.

:func:`record` adds an entry to the caller's session, so that it is committed (or rolled back) with
the change it describes. There is deliberately no function to change or delete an entry, and the
database refuses to (triggers of migration 0002).

Entries never hold passwords, password hashes, token secrets or token hashes: :func:`record`
refuses snapshots with such keys, as a last guard.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from vigia.store.models import AuditLogRow, UserRow
from vigia.store.times import as_utc

#: ``actor_label`` of changes made by no user (the command line, a script, a migration).
SYSTEM_ACTOR = "system"
#: Keys that never go into the log, at any depth.
SECRET_KEYS = frozenset({"password", "password_hash", "secret", "token", "token_hash"})
CSV_COLUMNS = (
    "id",
    "at",
    "actor_user_id",
    "actor_label",
    "action",
    "entity",
    "entity_id",
    "before",
    "after",
    "details",
)

Snapshot = Mapping[str, Any]


@dataclass(frozen=True)
class AuditEntry:
    """One entry of the log, as read back. ``at`` is always timezone-aware (UTC)."""

    id: int
    at: datetime
    actor_user_id: int | None
    actor_label: str
    action: str
    entity: str
    entity_id: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    details: dict[str, Any] | None


def record(
    session: Session,
    actor: UserRow | None,
    action: str,
    entity: str,
    entity_id: str | int,
    before: Snapshot | None = None,
    after: Snapshot | None = None,
    details: Snapshot | None = None,
) -> AuditLogRow:
    """Add an entry to ``session`` (not committed): ``actor`` did ``action`` to a row.

    ``actor`` None means the system. ``entity`` is the table name, ``entity_id`` the row's id.
    Raises ValueError when a snapshot holds a secret-looking key (see :data:`SECRET_KEYS`).
    """
    for snapshot in (before, after, details):
        _refuse_secrets(snapshot)
    row = AuditLogRow(
        at=datetime.now(UTC),
        actor_user_id=None if actor is None else actor.id,
        actor_label=SYSTEM_ACTOR if actor is None else actor.email,
        action=action,
        entity=entity,
        entity_id=str(entity_id),
        before=_plain(before),
        after=_plain(after),
        details=_plain(details),
    )
    session.add(row)
    return row


def list_entries(
    session: Session,
    since: datetime | None = None,
    action: str | None = None,
    limit: int | None = 100,
) -> list[AuditEntry]:
    """Entries newest first: at or after ``since``, of one ``action``, at most ``limit``.

    A naive ``since`` is taken to be UTC. ``limit`` None lists them all.
    """
    statement = select(AuditLogRow).order_by(AuditLogRow.at.desc(), AuditLogRow.id.desc())
    if since is not None:
        statement = statement.where(AuditLogRow.at >= as_utc(since))
    if action is not None:
        statement = statement.where(AuditLogRow.action == action)
    if limit is not None:
        if limit < 0:
            raise ValueError(f"limit must be zero or more, not {limit}")
        statement = statement.limit(limit)
    return [_entry(row) for row in session.scalars(statement)]


def export_csv(entries: Iterable[AuditEntry]) -> str:
    """CSV with a header row; ``at`` in ISO 8601, snapshots as compact JSON (keys sorted)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    writer.writerows(_csv_cells(entry) for entry in entries)
    return buffer.getvalue()


def _csv_cells(entry: AuditEntry) -> tuple[str, ...]:
    return (
        str(entry.id),
        entry.at.isoformat(),
        "" if entry.actor_user_id is None else str(entry.actor_user_id),
        entry.actor_label,
        entry.action,
        entry.entity,
        entry.entity_id,
        _json_cell(entry.before),
        _json_cell(entry.after),
        _json_cell(entry.details),
    )


def _json_cell(snapshot: dict[str, Any] | None) -> str:
    if snapshot is None:
        return ""
    return json.dumps(snapshot, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _entry(row: AuditLogRow) -> AuditEntry:
    return AuditEntry(
        id=row.id,
        at=as_utc(row.at),
        actor_user_id=row.actor_user_id,
        actor_label=row.actor_label,
        action=row.action,
        entity=row.entity,
        entity_id=row.entity_id,
        before=row.before,
        after=row.after,
        details=row.details,
    )


def _plain(snapshot: Snapshot | None) -> dict[str, Any] | None:
    """A JSON-ready copy: datetimes become ISO 8601 strings in UTC."""
    if snapshot is None:
        return None
    return {key: _plain_value(value) for key, value in snapshot.items()}


def _plain_value(value: Any) -> Any:
    if isinstance(value, datetime):
        return as_utc(value).isoformat()
    if isinstance(value, Mapping):
        return {key: _plain_value(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain_value(item) for item in value]
    return value


def _refuse_secrets(snapshot: Any) -> None:
    if isinstance(snapshot, Mapping):
        for key, value in snapshot.items():
            if str(key).lower() in SECRET_KEYS:
                raise ValueError(f"the audit log never records {key!r}")
            _refuse_secrets(value)
    elif isinstance(snapshot, list | tuple):
        for item in snapshot:
            _refuse_secrets(item)
