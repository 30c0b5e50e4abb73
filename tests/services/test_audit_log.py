"""Reading the audit log: vigia.services.audit_log."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from vigia.errors import PermissionDenied
from vigia.permissions import ADMINISTRATOR, FOCAL_POINT, SECRETARIAT, Principal
from vigia.services.audit_log import audit_csv, audit_entries
from vigia.store import audit


@pytest.fixture
def logged(session: Session) -> Session:
    audit.record(session, None, "fact.confirm", "facts", 1, details={"note": "uno"})
    audit.record(session, None, "fact.publish", "facts", 1)
    audit.record(session, None, "fact.confirm", "facts", 2)
    session.commit()
    return session


@pytest.mark.parametrize("role", [SECRETARIAT, ADMINISTRATOR])
def test_the_secretariat_and_administrators_read_the_log_newest_first(
    logged: Session, role: str
) -> None:
    reader = Principal(1, role, None)
    entries = audit_entries(logged, reader)
    assert [entry.entity_id for entry in entries] == ["2", "1", "1"]
    confirmations = audit_entries(logged, reader, action="fact.confirm", limit=1)
    assert [(entry.action, entry.entity_id) for entry in confirmations] == [("fact.confirm", "2")]


@pytest.mark.parametrize(
    "reader", [Principal.anonymous(), Principal(2, FOCAL_POINT, "CRI")], ids=["anonymous", "focal"]
)
def test_nobody_else_reads_the_log_nor_its_csv(logged: Session, reader: Principal) -> None:
    with pytest.raises(PermissionDenied):
        audit_entries(logged, reader)
    with pytest.raises(PermissionDenied):
        audit_csv(logged, reader)


def test_the_csv_holds_every_entry_of_the_action_asked(logged: Session) -> None:
    lines = audit_csv(logged, Principal(1, SECRETARIAT, None), action="fact.confirm").splitlines()
    assert lines[0].startswith("id,at,actor_user_id,actor_label,action")
    assert len(lines) == 3
    assert all(",fact.confirm,facts," in line for line in lines[1:])
    assert '{""note"":""uno""}' in lines[2]
