"""A register's own records for its case managers: vigia.evaluate.case_access, both databases."""

from __future__ import annotations

import base64
import csv
import io

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from tests.evaluate.conftest import People
from tests.evaluate.test_case_register import TEMPLATE, _case_manager
from vigia.errors import PermissionDenied
from vigia.evaluate.case_access import case_identity, export_cases, reseal_cases
from vigia.evaluate.case_register import import_cases
from vigia.permissions import Principal, principal_for
from vigia.services.accounts import find_user
from vigia.store.audit import list_entries
from vigia.store.models import CaseRow
from vigia.store.sealing import Sealer, new_key_text

OLD = new_key_text("old")
SEALER = Sealer.from_text(OLD)


def _imported(session: Session) -> None:
    manager = _case_manager(session, "GTM")
    assert import_cases(session, manager, TEMPLATE.encode(), "GTM", SEALER).ok


def test_a_case_manager_exports_with_or_without_identities_and_each_export_is_audited(
    session: Session,
) -> None:
    _imported(session)
    manager = _case_manager(session, "HND")  # another state's: refused below
    own = _case_manager_again(session)

    plain = export_cases(session, own, "GTM", SEALER, identities=False)
    full = export_cases(session, own, "GTM", SEALER, identities=True)

    rows = list(csv.DictReader(io.StringIO(full)))
    assert "Ana Q." not in plain and "name" not in plain.splitlines()[0]
    assert rows[0]["name"] == "Ana Q." and rows[0]["forms"] == "sexual_exploitation;forced_labour"
    assert rows[1]["name"] == ""
    with pytest.raises(PermissionDenied):
        export_cases(session, manager, "GTM", SEALER, identities=False)
    entries = list_entries(session, action="cases.export")
    assert [(entry.details or {}).get("identities") for entry in entries] == [True, False]
    assert "Ana" not in repr([entry.details for entry in entries])


def test_nobody_but_the_registers_case_managers_reads_an_identity(
    session: Session, people: People
) -> None:
    _imported(session)
    case = session.scalars(select(CaseRow).order_by(CaseRow.id)).first()
    assert case is not None
    for who in (people.secretariat, people.administrator, people.focal_point_cri, people.anonymous):
        with pytest.raises(PermissionDenied):
            case_identity(session, who, case.id, SEALER)
        with pytest.raises(PermissionDenied):
            export_cases(session, who, "GTM", SEALER, identities=True)

    identity = case_identity(session, _case_manager_again(session), case.id, SEALER)

    assert identity == {"name": "Ana Q.", "document_number": "HN-4471"}
    assert len(list_entries(session, action="cases.read_identity")) == 1


def test_after_a_new_key_is_put_first_reseal_moves_every_identity_to_it(session: Session) -> None:
    _imported(session)
    rotated = Sealer.from_text(f"{new_key_text('new')},{OLD}")

    count = reseal_cases(session, rotated)
    again = reseal_cases(session, rotated)

    assert (count, again) == (1, 0)
    case = session.scalars(select(CaseRow).where(CaseRow.sealed.is_not(None))).one()
    assert case.sealed_key == "new" and case.sealed is not None
    only_new = Sealer.from_text(rotated.keys[0][0] + ":" + _b64(rotated.keys[0][1]))
    assert only_new.open("new", case.sealed)["name"] == "Ana Q."


def _case_manager_again(session: Session) -> Principal:
    user = find_user(session, "cases.gtm@example.org")
    assert user is not None
    return principal_for(user)


def _b64(key: bytes) -> str:
    return base64.b64encode(key).decode()
