"""Importing victim records into a case register: vigia.evaluate.case_register, both databases."""

from __future__ import annotations

from collections import Counter

import pytest
from argon2 import PasswordHasher
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from tests.evaluate.conftest import People
from vigia.errors import InvalidValue, PermissionDenied
from vigia.evaluate.case_register import import_cases
from vigia.permissions import Principal, principal_for
from vigia.services.accounts import create_user
from vigia.store.audit import list_entries
from vigia.store.models import CaseRow
from vigia.store.sealing import Sealer, new_key_text

SEALER = Sealer.from_text(new_key_text("test"))
TEMPLATE = (
    "year,sex,age_group,citizenship,exploitation_country,forms,means_of_control,name,"
    "document_number\n"
    "2021,female,9-17,HND,GTM,sexual_exploitation;forced_labour,threats,Ana Q.,HN-4471\n"
    "2021,male,30-38,GTM,GTM,forced_labour,,,\n"
)
CTDC = (
    "yearOfRegistration,gender,ageBroad,citizenship,isForcedLabour,isSexualExploit,"
    "CountryOfExploitation\n"
    "2015,Female,18--20,CO,0.0,1.0,\n"
    "2016,Male,,0,1.0,,US\n"
)


def _case_manager(session: Session, country: str) -> Principal:
    hasher = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    user = create_user(
        session,
        f"cases.{country.lower()}@example.org",
        "a long enough password",
        "case_manager",
        country,
        hasher=hasher,
    )
    return principal_for(user)


def _count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(CaseRow)) or 0


def test_a_case_manager_imports_its_registers_template_with_identities_sealed(
    session: Session,
) -> None:
    manager = _case_manager(session, "GTM")

    report = import_cases(session, manager, TEMPLATE.encode(), "gtm", SEALER)
    again = import_cases(session, manager, TEMPLATE.encode(), "GTM", SEALER)

    assert report.ok and report.layout == "template" and report.stored == 2
    assert again.already and again.stored == 0 and _count(session) == 2
    first = session.scalars(select(CaseRow).order_by(CaseRow.id)).first()
    assert first is not None
    assert (first.register, first.year, first.sex, first.age_group) == (
        "GTM",
        2021,
        "female",
        "9-17",
    )
    assert (first.citizenship, first.exploitation) == ("HND", "sexual_and_labour")
    assert first.means_of_control == ["threats"]
    assert first.sealed is not None and first.sealed_key == "test"
    assert SEALER.open(first.sealed_key, first.sealed) == {
        "name": "Ana Q.",
        "document_number": "HN-4471",
    }
    raw = session.execute(text("SELECT * FROM cases")).all()
    assert "Ana Q." not in repr(raw) and "HN-4471" not in repr(raw)
    entries = list_entries(session, action="cases.import")
    assert len(entries) == 1 and "Ana" not in repr(entries[0].details)


def test_ctdc_rows_are_read_with_their_codes(session: Session, people: People) -> None:
    report = import_cases(session, people.secretariat, CTDC.encode(), "CTDC", SEALER)

    rows = list(session.scalars(select(CaseRow).order_by(CaseRow.id)))
    assert report.ok and report.layout == "ctdc"
    assert [(r.sex, r.age_group, r.citizenship, r.exploitation_country) for r in rows] == [
        ("female", "18-20", "COL", None),
        ("male", "unknown", None, "USA"),
    ]
    assert [r.exploitation for r in rows] == ["sexual_exploitation", "forced_labour"]
    assert all(r.sealed is None for r in rows)


def test_bad_rows_are_each_reported_and_nothing_is_stored(session: Session) -> None:
    manager = _case_manager(session, "GTM")
    bad = (
        TEMPLATE
        + "1850,female,9-17,,,,,,\n"
        + "2021,woman,9-17,,,,,,\n"
        + "2021,female,9-17,XXX,,,,,\n"
        + "2021,female,9-17,,,forced_begging,,,\n"
    )

    report = import_cases(session, manager, bad.encode(), "GTM", SEALER)

    assert [line for line, _ in report.errors] == [4, 5, 6, 7]
    assert "1850" in report.errors[0][1] and "woman" in report.errors[1][1]
    assert "XXX" in report.errors[2][1] and "forced_begging" in report.errors[3][1]
    assert _count(session) == 0


def test_identities_without_a_key_are_refused_and_nothing_is_stored(session: Session) -> None:
    manager = _case_manager(session, "GTM")

    report = import_cases(session, manager, TEMPLATE.encode(), "GTM", Sealer.from_text(""))

    assert report.errors and "VIGIA_CASE_KEYS" in report.errors[0][1]
    assert _count(session) == 0


def test_only_the_registers_case_managers_import_into_a_states_register(
    session: Session, people: People
) -> None:
    manager = _case_manager(session, "GTM")
    for who, register in [
        (people.secretariat, "GTM"),
        (people.administrator, "GTM"),
        (people.focal_point_arg, "ARG"),
        (manager, "HND"),
        (manager, "CTDC"),
    ]:
        with pytest.raises(PermissionDenied):
            import_cases(session, who, TEMPLATE.encode(), register, SEALER)
    with pytest.raises(InvalidValue):
        import_cases(session, manager, TEMPLATE.encode(), "XYZ", SEALER)
    assert _count(session) == 0


def test_the_ctdc_subset_imports_in_full(
    session: Session, people: People, ctdc_subset: bytes
) -> None:

    report = import_cases(session, people.secretariat, ctdc_subset, "CTDC", SEALER)

    assert report.ok, report.errors[:5]
    assert report.stored == report.rows == 48_773 == _count(session)
    grouped = session.execute(select(CaseRow.sex, func.count()).group_by(CaseRow.sex)).all()
    assert Counter({sex: count for sex, count in grouped}) == {"female": 35_506, "male": 13_267}
