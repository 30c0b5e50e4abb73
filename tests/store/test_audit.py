"""The append-only audit log: vigia.store.audit."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime, timedelta, timezone

import pytest
from argon2 import PasswordHasher
from sqlalchemy import delete, text, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from vigia.services.accounts import create_user
from vigia.store.audit import AuditEntry, export_csv, list_entries, record
from vigia.store.models import AuditLogRow, UserRow

APPEND_ONLY = "audit_log is append-only"


def _record(session: Session, action: str = "fact.correct", entity_id: int = 1) -> AuditLogRow:
    row = record(
        session, None, action, "facts", entity_id, before={"value": 12}, after={"value": 21}
    )
    session.commit()
    return row


def test_record_stores_who_did_what_to_which_row(session: Session) -> None:
    row = _record(session)

    [entry] = list_entries(session)

    assert entry == AuditEntry(
        id=row.id,
        at=entry.at,
        actor_user_id=None,
        actor_label="system",
        action="fact.correct",
        entity="facts",
        entity_id="1",
        before={"value": 12},
        after={"value": 21},
        details=None,
    )
    assert entry.at.tzinfo is not None
    assert abs(entry.at - datetime.now(UTC)) < timedelta(minutes=1)


def test_record_names_the_acting_user(session: Session) -> None:
    hasher = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    admin = create_user(
        session, "admin@example.org", "a long password", "administrator", hasher=hasher
    )

    record(session, admin, "fact.correct", "facts", 7, details={"reason": "typo"})
    session.commit()

    entry = list_entries(session, action="fact.correct")[0]
    assert (entry.actor_user_id, entry.actor_label, entry.details) == (
        admin.id,
        "admin@example.org",
        {"reason": "typo"},
    )


def test_record_belongs_to_the_callers_transaction(session: Session) -> None:
    record(session, None, "fact.correct", "facts", 1)

    session.rollback()

    assert list_entries(session) == []


def test_record_turns_datetimes_into_iso_text(session: Session) -> None:
    moment = datetime(2024, 5, 1, 12, 30, tzinfo=timezone(timedelta(hours=-5)))

    record(
        session, None, "fact.correct", "facts", 1, after={"checked_at": moment, "list": [moment]}
    )
    session.commit()

    after = list_entries(session)[0].after
    assert after == {
        "checked_at": "2024-05-01T17:30:00+00:00",
        "list": ["2024-05-01T17:30:00+00:00"],
    }


@pytest.mark.parametrize(
    "snapshot",
    [{"password": "x"}, {"user": {"password_hash": "x"}}, {"tokens": [{"token_hash": "x"}]}],
)
def test_record_refuses_secret_looking_keys(session: Session, snapshot: dict[str, object]) -> None:
    with pytest.raises(ValueError, match="never records"):
        record(session, None, "user.create", "users", 1, after=snapshot)


def test_list_entries_newest_first_by_action_since_and_limit(session: Session) -> None:
    for number in range(3):
        _record(session, "fact.correct", number)
    _record(session, "token.create", 9)
    newest = list_entries(session)[0]

    assert [entry.entity_id for entry in list_entries(session)] == ["9", "2", "1", "0"]
    assert [entry.entity_id for entry in list_entries(session, action="fact.correct", limit=2)] == [
        "2",
        "1",
    ]
    assert list_entries(session, since=newest.at) == [newest]
    assert list_entries(session, since=newest.at.replace(tzinfo=None)) == [newest]
    assert list_entries(session, since=newest.at + timedelta(seconds=1)) == []
    assert len(list_entries(session, limit=None)) == 4


def test_list_entries_refuses_a_negative_limit(session: Session) -> None:
    with pytest.raises(ValueError, match="zero or more"):
        list_entries(session, limit=-1)


def test_export_csv_has_a_header_and_json_snapshots(session: Session) -> None:
    _record(session)
    record(session, None, "user.create", "users", 2, after={"email": "é@example.org"})
    session.commit()

    rows = list(csv.DictReader(io.StringIO(export_csv(list_entries(session)))))

    assert [row["action"] for row in rows] == ["user.create", "fact.correct"]
    assert rows[0]["before"] == ""
    assert json.loads(rows[0]["after"]) == {"email": "é@example.org"}
    assert json.loads(rows[1]["before"]) == {"value": 12}
    assert rows[1]["actor_user_id"] == ""
    assert datetime.fromisoformat(rows[1]["at"]).tzinfo is not None


def test_export_csv_of_nothing_is_the_header_alone() -> None:
    assert export_csv([]) == (
        "id,at,actor_user_id,actor_label,action,entity,entity_id,before,after,details\n"
    )


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE audit_log SET action = 'forged'",
        "UPDATE audit_log SET after = NULL WHERE id = 1",
        "DELETE FROM audit_log",
    ],
)
def test_audit_log_refuses_update_and_delete_in_sql(engine: Engine, statement: str) -> None:
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO audit_log (at, actor_label, action, entity, entity_id)"
                " VALUES (CURRENT_TIMESTAMP, 'system', 'fact.correct', 'facts', '1')"
            )
        )

    with pytest.raises(DBAPIError, match=APPEND_ONLY), engine.begin() as connection:
        connection.execute(text(statement))

    with engine.connect() as connection:
        assert connection.execute(text("SELECT action FROM audit_log")).scalars().all() == [
            "fact.correct"
        ]


def test_audit_log_refuses_changes_through_the_orm(session: Session) -> None:
    row = _record(session)

    row.action = "forged"
    with pytest.raises(DBAPIError, match=APPEND_ONLY):
        session.commit()
    session.rollback()
    with pytest.raises(DBAPIError, match=APPEND_ONLY):
        session.execute(delete(AuditLogRow))
    session.rollback()
    with pytest.raises(DBAPIError, match=APPEND_ONLY):
        session.execute(update(AuditLogRow).values(entity_id="2"))
    session.rollback()

    assert [(entry.action, entry.entity_id) for entry in list_entries(session)] == [
        ("fact.correct", "1")
    ]


def test_a_user_with_a_history_cannot_be_deleted_only_deactivated(session: Session) -> None:
    hasher = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    admin = create_user(
        session, "admin@example.org", "a long password", "administrator", hasher=hasher
    )
    record(session, admin, "fact.correct", "facts", 1)
    session.commit()

    with pytest.raises(DBAPIError, match=APPEND_ONLY):
        session.execute(delete(UserRow))
    session.rollback()

    assert list_entries(session)[0].actor_user_id == admin.id
